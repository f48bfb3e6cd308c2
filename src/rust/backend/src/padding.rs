//! Block padding (PKCS #7 and ANSI X9.23) as streaming state machines.
//!
//! A padder passes input through unchanged and writes the padding at the end. An
//! unpadder always holds back the last block (it may be the padding) and checks the
//! padding in constant time when finished, so a malformed padding reveals nothing about
//! where it went wrong.
//!
//! ```
//! use cryptography_backend::padding::{PaddingScheme, Padder};
//!
//! let mut padder = Padder::new(PaddingScheme::Pkcs7, 8)?;
//! padder.update(3); // the caller passes its 3 bytes on unchanged
//! let mut padding = vec![0u8; padder.finalize_len()];
//! padder.finalize_into(&mut padding)?;
//! assert_eq!(padding, b"\x05\x05\x05\x05\x05");
//! # Ok::<(), cryptography_backend::Error>(())
//! ```

use crate::error::{Error, PaddingError, Result};

/// How the padding bytes are formed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PaddingScheme {
    /// Every padding byte holds the padding length (RFC 5652, section 6.3).
    Pkcs7,
    /// Zero bytes, then one byte holding the padding length (ANSI X9.23).
    AnsiX923,
}

/// The API's block sizes, in bits (the `PKCS7` and `ANSIX923` constructors): 0 to 2040,
/// in whole bytes. Returns the length in bytes; a context then needs at least one.
pub fn block_len_from_bits(bits: i64) -> Result<usize> {
    if !(0..=2040).contains(&bits) {
        return Err(PaddingError::BlockSizeRange.into());
    }
    if bits % 8 != 0 {
        return Err(PaddingError::BlockSizeNotBytes.into());
    }
    Ok((bits / 8) as usize)
}

/// Block lengths in bytes are 1 to 255: the padding length must fit in one byte.
fn check_block_len(block_len: usize) -> Result<()> {
    if (1..=255).contains(&block_len) {
        Ok(())
    } else {
        Err(PaddingError::BlockLength.into())
    }
}

/// Input the unpadder holds back: at most one block.
struct Tail {
    buf: [u8; 255],
    len: usize,
}

impl Tail {
    fn new() -> Self {
        Tail {
            buf: [0u8; 255],
            len: 0,
        }
    }

    fn bytes(&self) -> &[u8] {
        &self.buf[..self.len]
    }

    /// Emits the longest prefix of `tail ++ data` that leaves `keep(total)` bytes behind,
    /// then buffers what is left. Returns the number of bytes written to `out`.
    fn pass_through(&mut self, data: &[u8], emit_len: usize, out: &mut [u8]) -> Result<()> {
        if out.len() != emit_len {
            return Err(Error::OutputLength {
                expected: emit_len,
                actual: out.len(),
            });
        }
        let total = self.len + data.len();
        let from_tail = emit_len.min(self.len);
        let from_data = emit_len - from_tail;
        out[..from_tail].copy_from_slice(&self.buf[..from_tail]);
        out[from_tail..].copy_from_slice(&data[..from_data]);
        // What stays behind: the unused part of the old tail, then the rest of `data`.
        let mut kept = [0u8; 255];
        let old_rest = &self.buf[from_tail..self.len];
        let new_rest = &data[from_data..];
        kept[..old_rest.len()].copy_from_slice(old_rest);
        kept[old_rest.len()..old_rest.len() + new_rest.len()].copy_from_slice(new_rest);
        self.buf = kept;
        self.len = total - emit_len;
        Ok(())
    }
}

/// Adds padding to a stream of input. Input passes through unchanged (padding depends
/// only on its length), so the padder just counts, and writes the padding at the end.
pub struct Padder {
    scheme: PaddingScheme,
    block_len: usize,
    /// Input length modulo the block length.
    partial_len: usize,
}

impl Padder {
    /// `block_len` is in bytes, 1 to 255.
    pub fn new(scheme: PaddingScheme, block_len: usize) -> Result<Self> {
        check_block_len(block_len)?;
        Ok(Padder {
            scheme,
            block_len,
            partial_len: 0,
        })
    }

    /// Accounts for `data_len` more bytes of input, which the caller passes on as they are.
    pub fn update(&mut self, data_len: usize) {
        self.partial_len = (self.partial_len + data_len % self.block_len) % self.block_len;
    }

    /// How many padding bytes `finalize_into` writes: 1 to one whole block.
    pub fn finalize_len(&self) -> usize {
        self.block_len - self.partial_len
    }

    pub fn finalize_into(self, out: &mut [u8]) -> Result<()> {
        let pad_len = self.finalize_len();
        if out.len() != pad_len {
            return Err(Error::OutputLength {
                expected: pad_len,
                actual: out.len(),
            });
        }
        // `pad_len` is 1..=255 because `block_len` is.
        let pad_byte = u8::try_from(pad_len).map_err(|_| Error::InvalidPadding)?;
        match self.scheme {
            PaddingScheme::Pkcs7 => out.fill(pad_byte),
            PaddingScheme::AnsiX923 => {
                out.fill(0);
                out[pad_len - 1] = pad_byte;
            }
        }
        Ok(())
    }
}

/// Removes and checks padding from a stream of input.
pub struct Unpadder {
    scheme: PaddingScheme,
    block_len: usize,
    tail: Tail,
}

impl Unpadder {
    pub fn new(scheme: PaddingScheme, block_len: usize) -> Result<Self> {
        check_block_len(block_len)?;
        Ok(Unpadder {
            scheme,
            block_len,
            tail: Tail::new(),
        })
    }

    /// How many bytes `update_into` writes: whole blocks, keeping at least the last block.
    pub fn update_len(&self, data_len: usize) -> usize {
        let total = self.tail.len.saturating_add(data_len);
        let whole = total - total % self.block_len;
        // Hold back one full block: it may be the last one, holding the padding.
        if whole == total {
            whole.saturating_sub(self.block_len)
        } else {
            whole
        }
    }

    pub fn update_into(&mut self, data: &[u8], out: &mut [u8]) -> Result<()> {
        let emit = self.update_len(data.len());
        self.tail.pass_through(data, emit, out)
    }

    /// Checks the final block's padding in constant time and returns how many of its
    /// bytes are data. `finalize_into` then copies them.
    pub fn finalize_len(&self) -> Result<usize> {
        if self.tail.len != self.block_len {
            return Err(Error::InvalidPadding);
        }
        let block = self.tail.bytes();
        let pad_len = block[self.block_len - 1];
        let valid = padding_is_valid(self.scheme, block, pad_len);
        if valid {
            Ok(self.block_len - usize::from(pad_len))
        } else {
            Err(Error::InvalidPadding)
        }
    }

    pub fn finalize_into(self, out: &mut [u8]) -> Result<()> {
        let data_len = self.finalize_len()?;
        if out.len() != data_len {
            return Err(Error::OutputLength {
                expected: data_len,
                actual: out.len(),
            });
        }
        out.copy_from_slice(&self.tail.bytes()[..data_len]);
        Ok(())
    }
}

/// Returns all ones when `a <= b`, zero otherwise, without branching on either value.
fn ct_le_mask(a: u8, b: u8) -> u8 {
    // (b - a) borrows out of bit 8 exactly when a > b.
    let diff = u16::from(b).wrapping_sub(u16::from(a));
    let borrow = ((diff >> 8) & 1) as u8;
    borrow.wrapping_sub(1)
}

/// Checks a final block's padding in time that depends only on the block length.
fn padding_is_valid(scheme: PaddingScheme, block: &[u8], pad_len: u8) -> bool {
    let len = block.len();
    let mut bad = 0u8;
    for (i, &byte) in block.iter().enumerate() {
        // Distance from the end of the block, 1 for the last byte. Block lengths are at
        // most 255, so this fits in a byte.
        let from_end = (len - i) as u8;
        let in_padding = ct_le_mask(from_end, pad_len);
        let expected = match scheme {
            PaddingScheme::Pkcs7 => pad_len,
            // The last byte is the length; the other padding bytes are zero.
            PaddingScheme::AnsiX923 if from_end == 1 => pad_len,
            PaddingScheme::AnsiX923 => 0,
        };
        bad |= in_padding & (byte ^ expected);
    }
    // The length itself must be 1..=len.
    let len_ok = !ct_le_mask(pad_len, 0) & ct_le_mask(pad_len, len as u8);
    bad |= !len_ok;
    bad == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn block_size_rules() {
        assert_eq!(block_len_from_bits(128).unwrap(), 16);
        assert_eq!(block_len_from_bits(0).unwrap(), 0);
        assert_eq!(block_len_from_bits(2040).unwrap(), 255);
        for (bits, rule) in [
            (-8, PaddingError::BlockSizeRange),
            (2048, PaddingError::BlockSizeRange),
            (12, PaddingError::BlockSizeNotBytes),
        ] {
            assert!(matches!(block_len_from_bits(bits), Err(Error::Padding(r)) if r == rule));
        }
        for len in [0, 256] {
            assert!(matches!(
                Padder::new(PaddingScheme::Pkcs7, len),
                Err(Error::Padding(PaddingError::BlockLength))
            ));
            assert!(matches!(
                Unpadder::new(PaddingScheme::AnsiX923, len),
                Err(Error::Padding(PaddingError::BlockLength))
            ));
        }
    }

    fn pad(scheme: PaddingScheme, block_len: usize, chunks: &[&[u8]]) -> Vec<u8> {
        let mut padder = Padder::new(scheme, block_len).unwrap();
        let mut all = Vec::new();
        for chunk in chunks {
            padder.update(chunk.len());
            all.extend_from_slice(chunk);
        }
        let mut out = vec![0u8; padder.finalize_len()];
        padder.finalize_into(&mut out).unwrap();
        all.extend(out);
        all
    }

    fn unpad(scheme: PaddingScheme, block_len: usize, chunks: &[&[u8]]) -> Result<Vec<u8>> {
        let mut unpadder = Unpadder::new(scheme, block_len)?;
        let mut all = Vec::new();
        for chunk in chunks {
            let mut out = vec![0u8; unpadder.update_len(chunk.len())];
            unpadder.update_into(chunk, &mut out)?;
            all.extend(out);
        }
        let mut out = vec![0u8; unpadder.finalize_len()?];
        unpadder.finalize_into(&mut out)?;
        all.extend(out);
        Ok(all)
    }

    #[test]
    fn pkcs7_pads_to_the_block() {
        assert_eq!(
            pad(PaddingScheme::Pkcs7, 16, &[b"1111111111111111"]),
            [b"1111111111111111".as_slice(), &[16u8; 16]].concat()
        );
        assert_eq!(
            pad(PaddingScheme::Pkcs7, 4, &[b"ab", b"cde"]),
            b"abcde\x03\x03\x03"
        );
    }

    #[test]
    fn ansix923_pads_with_zeros_and_a_length() {
        assert_eq!(
            pad(PaddingScheme::AnsiX923, 8, &[b"abc"]),
            b"abc\0\0\0\0\x05"
        );
    }

    #[test]
    fn unpad_round_trips_over_odd_chunks() {
        for scheme in [PaddingScheme::Pkcs7, PaddingScheme::AnsiX923] {
            let padded = pad(scheme, 16, &[b"hello world, this is a test"]);
            let (a, b) = padded.split_at(5);
            assert_eq!(
                unpad(scheme, 16, &[a, b]).unwrap(),
                b"hello world, this is a test"
            );
        }
    }

    #[test]
    fn malformed_padding_is_rejected() {
        let cases: [&[u8]; 5] = [
            b"1111111111111111",
            b"111111111111111\x00",
            b"111111111111111\x11",
            b"11111111111111\x01\x02",
            b"111111111111111",
        ];
        for case in cases {
            assert!(matches!(
                unpad(PaddingScheme::Pkcs7, 16, &[case]),
                Err(Error::InvalidPadding)
            ));
        }
        assert!(matches!(
            unpad(PaddingScheme::AnsiX923, 8, &[b"abc\0\0\x01\0\x05"]),
            Err(Error::InvalidPadding)
        ));
    }

    #[test]
    fn block_length_limits() {
        assert!(Padder::new(PaddingScheme::Pkcs7, 0).is_err());
        assert!(Padder::new(PaddingScheme::Pkcs7, 256).is_err());
        assert!(Padder::new(PaddingScheme::Pkcs7, 255).is_ok());
    }
}
