//! What the fuzz targets share.

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
