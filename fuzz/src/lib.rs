//! What the fuzz targets share: a derivation budget, a reader that splits an input into
//! the arguments of a call, and the oracles of the differential targets.

pub mod oracle;

/// An interrupt check for `cryptography_backend::interrupt::interruptible` that stops a
/// key derivation after about 64 checks of 4096 iterations: a key file may ask for up to
/// 2**31 - 1 iterations (minutes of work), and every fuzz input must run in bounded time.
pub fn derivation_budget() -> Box<dyn FnMut() -> bool> {
    let mut left = 64u32;
    Box::new(move || {
        left = left.saturating_sub(1);
        left > 0
    })
}

/// Splits a fuzz input into a call's arguments: small numbers and length-prefixed byte
/// strings, then whatever is left. Reading past the end gives zeros and empty strings, so
/// every input is a valid call.
pub struct Input<'a> {
    data: &'a [u8],
}

impl<'a> Input<'a> {
    pub fn new(data: &'a [u8]) -> Self {
        Input { data }
    }

    pub fn byte(&mut self) -> u8 {
        match self.data.split_first() {
            Some((&first, rest)) => {
                self.data = rest;
                first
            }
            None => 0,
        }
    }

    /// One of `choices`, picked by the next byte.
    pub fn pick<T: Copy>(&mut self, choices: &[T]) -> T {
        choices[usize::from(self.byte()) % choices.len()]
    }

    /// A byte string of at most `max` bytes (its length is the next byte, reduced).
    pub fn bytes(&mut self, max: usize) -> &'a [u8] {
        let len = usize::from(self.byte()) % (max + 1);
        let len = len.min(self.data.len());
        let (taken, rest) = self.data.split_at(len);
        self.data = rest;
        taken
    }

    pub fn rest(self) -> &'a [u8] {
        self.data
    }
}
