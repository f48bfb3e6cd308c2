//! `Output`: the memory an operation writes its result into, filled front to back.
//!
//! The binding hands large results over as freshly allocated `bytes` whose memory nobody
//! has written yet (zeroing a 1 MiB buffer first costs 8% of an AES-GCM encryption).
//! Rust may never see such memory as `&mut [u8]`, so the core writes into an `Output`
//! instead: it holds the region as `MaybeUninit<u8>`, and bytes only become readable
//! (`written`) once something has written them, through `push`, `push_with` or an OpenSSL
//! call in this module. `zero_rest` then covers whatever the operation left, so that an
//! object built on an `Output` never exposes a byte nobody wrote. The same design as the
//! standard library's `BorrowedCursor`.

use std::mem::MaybeUninit;

use crate::error::{Error, Result};

pub struct Output<'a> {
    /// Bytes `..filled` are initialised; the rest may not be.
    region: &'a mut [MaybeUninit<u8>],
    filled: usize,
}

impl<'a> Output<'a> {
    /// An output over memory that may not be initialised.
    pub fn uninit(region: &'a mut [MaybeUninit<u8>]) -> Self {
        Output { region, filled: 0 }
    }

    /// An output over initialised memory (a caller's buffer, a `Vec`).
    pub fn new(region: &'a mut [u8]) -> Self {
        let len = region.len();
        // SAFETY: `MaybeUninit<u8>` has the layout of `u8`. Viewing initialised bytes as
        // possibly uninitialised is sound as long as nothing writes an uninitialised value
        // into them, and an `Output` only ever writes initialised bytes; the region is
        // borrowed for `'a`, so nothing else sees it meanwhile.
        let region = unsafe { std::slice::from_raw_parts_mut(region.as_mut_ptr().cast(), len) };
        Output { region, filled: 0 }
    }

    /// The whole region's length.
    pub fn capacity(&self) -> usize {
        self.region.len()
    }

    /// Bytes written so far.
    pub fn len(&self) -> usize {
        self.filled
    }

    pub fn is_empty(&self) -> bool {
        self.filled == 0
    }

    /// Bytes still to write.
    pub fn remaining(&self) -> usize {
        self.region.len() - self.filled
    }

    /// The bytes written so far.
    pub fn written(&self) -> &[u8] {
        // SAFETY: the first `filled` bytes have been written (the invariant every method
        // here keeps).
        unsafe { std::slice::from_raw_parts(self.region.as_ptr().cast(), self.filled) }
    }

    /// The bytes written so far, for an operation that transforms them in place.
    pub fn written_mut(&mut self) -> &mut [u8] {
        // SAFETY: as in `written`; the borrow of `self` bounds the slice.
        unsafe { std::slice::from_raw_parts_mut(self.region.as_mut_ptr().cast(), self.filled) }
    }

    /// Fails unless `len` more bytes fit.
    pub fn reserve(&self, len: usize) -> Result<()> {
        if len > self.remaining() {
            return Err(Error::OutputLength {
                expected: self.filled + len,
                actual: self.region.len(),
            });
        }
        Ok(())
    }

    /// Appends `bytes`.
    pub fn push(&mut self, bytes: &[u8]) -> Result<()> {
        self.reserve(bytes.len())?;
        for (slot, &byte) in self.region[self.filled..].iter_mut().zip(bytes) {
            slot.write(byte);
        }
        self.filled += bytes.len();
        Ok(())
    }

    /// Appends `len` bytes that `write` computes in place (they are zeroed first: for
    /// short results and code that needs a plain slice).
    pub fn push_with<T, E: From<Error>>(
        &mut self,
        len: usize,
        write: impl FnOnce(&mut [u8]) -> std::result::Result<T, E>,
    ) -> std::result::Result<T, E> {
        self.reserve(len)?;
        let start = self.filled;
        for slot in &mut self.region[start..start + len] {
            slot.write(0);
        }
        self.filled += len;
        write(&mut self.written_mut()[start..])
    }

    /// Appends base64 text for `raw` with `engine`, without zeroing the space first.
    pub fn push_base64(&mut self, engine: &base64_simd::Base64, raw: &[u8]) -> Result<()> {
        let len = engine.encoded_length(raw.len());
        self.reserve(len)?;
        let target = &mut self.region[self.filled..self.filled + len];
        let start = target.as_ptr();
        // The encoder writes `len` bytes to the start of `target` and returns them as a
        // `&mut [u8]`, which is itself the proof that they are initialised.
        let encoded = engine.encode(raw, base64_simd::Out::from_uninit_slice(target));
        if encoded.as_ptr() != start.cast() || encoded.len() != len {
            return Err(Error::OutputLength {
                expected: len,
                actual: encoded.len(),
            });
        }
        self.filled += len;
        Ok(())
    }

    /// Zeroes what was written from `start` on and rewinds to it: an operation that
    /// failed must not leave partial output (unauthenticated plaintext above all) behind.
    pub fn wipe_from(&mut self, start: usize) {
        if let Some(tail) = self.written_mut().get_mut(start..) {
            tail.fill(0);
            self.filled = start;
        }
    }

    /// Zeroes every byte not yet written, so that the whole region is initialised.
    pub fn zero_rest(&mut self) {
        for slot in &mut self.region[self.filled..] {
            slot.write(0);
        }
        self.filled = self.region.len();
    }

    /// The next `len` unwritten bytes, for an OpenSSL call to write into.
    ///
    /// # Safety
    /// The caller must write the bytes it then reports to `advance` before reporting them.
    pub(super) unsafe fn unfilled_ptr(&mut self, len: usize) -> Result<*mut u8> {
        self.reserve(len)?;
        Ok(self.region[self.filled..].as_mut_ptr().cast())
    }

    /// Records that the next `len` bytes were written.
    ///
    /// # Safety
    /// Those bytes must have been written (by an OpenSSL call given `unfilled_ptr`).
    pub(super) unsafe fn advance(&mut self, len: usize) {
        debug_assert!(len <= self.remaining());
        self.filled += len.min(self.remaining());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_bytes_only_grow_from_the_front() {
        let mut memory = [MaybeUninit::<u8>::uninit(); 8];
        let mut out = Output::uninit(&mut memory);
        out.push(b"ab").unwrap();
        out.push_with(2, |s| -> Result<()> {
            s.copy_from_slice(b"cd");
            Ok(())
        })
        .unwrap();
        assert_eq!(out.written(), b"abcd");
        assert_eq!(out.remaining(), 4);
        assert!(matches!(
            out.push(b"12345"),
            Err(Error::OutputLength {
                expected: 9,
                actual: 8
            })
        ));
        out.zero_rest();
        assert_eq!(out.written(), b"abcd\0\0\0\0");
        out.wipe_from(2);
        assert_eq!(out.written(), b"ab");
        out.wipe_from(0);
        assert!(out.is_empty());
        assert_eq!(out.remaining(), 8);
    }

    #[test]
    fn base64_text_is_written_in_place() {
        let mut memory = [0u8; 8];
        let mut out = Output::new(&mut memory);
        out.push_base64(&base64_simd::URL_SAFE, b"\xff\xfe\x01")
            .unwrap();
        assert_eq!(out.written(), b"__4B");
        assert!(out.push_base64(&base64_simd::URL_SAFE, b"12345").is_err());
        assert_eq!(&memory[..4], b"__4B");
    }
}
