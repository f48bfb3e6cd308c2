//! The SSH wire encoding (RFC 4251 section 5) of keys, certificates and key files:
//! big-endian uint32 and uint64, length-prefixed strings, and mpints (RFC 4251's
//! two's-complement integers, of which only non-negative ones occur here).

use crate::error::{KeyError, KeyResult};

/// Reads fields from the front of a buffer; any field running past the end is the
/// reference's "Invalid data".
#[derive(Clone, Copy)]
pub(crate) struct Reader<'a>(&'a [u8]);

fn invalid() -> KeyError {
    KeyError::Refused("Invalid data")
}

impl<'a> Reader<'a> {
    pub(crate) fn new(data: &'a [u8]) -> Self {
        Reader(data)
    }

    fn take(&mut self, len: usize) -> KeyResult<&'a [u8]> {
        if len > self.0.len() {
            return Err(invalid());
        }
        let (head, rest) = self.0.split_at(len);
        self.0 = rest;
        Ok(head)
    }

    pub(crate) fn u32(&mut self) -> KeyResult<u32> {
        let bytes = self.take(4)?;
        Ok(u32::from_be_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]))
    }

    pub(crate) fn u64(&mut self) -> KeyResult<u64> {
        let bytes = self.take(8)?;
        let mut word = [0u8; 8];
        word.copy_from_slice(bytes);
        Ok(u64::from_be_bytes(word))
    }

    pub(crate) fn string(&mut self) -> KeyResult<&'a [u8]> {
        let len = self.u32()? as usize;
        self.take(len)
    }

    /// A non-negative mpint's magnitude (leading zero bytes kept; a negative one is
    /// refused).
    pub(crate) fn mpint(&mut self) -> KeyResult<&'a [u8]> {
        let value = self.string()?;
        if value.first().is_some_and(|&b| b > 0x7f) {
            return Err(invalid());
        }
        Ok(value)
    }

    /// What is left.
    pub(crate) fn rest(&self) -> &'a [u8] {
        self.0
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Requires that every byte was read.
    pub(crate) fn finish(&self) -> KeyResult<()> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(KeyError::Refused("Corrupt data: unparsed data"))
        }
    }
}

/// Appends fields.
pub(crate) trait Writer {
    fn put_u32(&mut self, value: u32);
    fn put_u64(&mut self, value: u64);
    fn put_string(&mut self, value: &[u8]);
    /// A non-negative integer's mpint: minimal, with a zero byte before a set top bit,
    /// and empty for zero.
    fn put_mpint(&mut self, magnitude: &[u8]);
}

impl Writer for Vec<u8> {
    fn put_u32(&mut self, value: u32) {
        self.extend_from_slice(&value.to_be_bytes());
    }

    fn put_u64(&mut self, value: u64) {
        self.extend_from_slice(&value.to_be_bytes());
    }

    fn put_string(&mut self, value: &[u8]) {
        // Every string written here is a key part or a certificate field, far below 4 GiB.
        self.put_u32(u32::try_from(value.len()).unwrap_or(u32::MAX));
        self.extend_from_slice(value);
    }

    fn put_mpint(&mut self, magnitude: &[u8]) {
        let significant = cryptography_asn1::integer::significant(magnitude);
        let pad = significant.first().is_some_and(|&b| b & 0x80 != 0);
        self.put_u32(u32::try_from(significant.len() + usize::from(pad)).unwrap_or(u32::MAX));
        if pad {
            self.push(0);
        }
        self.extend_from_slice(significant);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_read_back() {
        let mut out = Vec::new();
        out.put_u32(7);
        out.put_u64(1 << 40);
        out.put_string(b"ssh-ed25519");
        out.put_mpint(&[0, 0, 0x80]);
        out.put_mpint(&[0]);
        assert_eq!(&out[out.len() - 10..], b"\0\0\0\x02\0\x80\0\0\0\0");
        let mut reader = Reader::new(&out);
        assert_eq!(reader.u32().unwrap(), 7);
        assert_eq!(reader.u64().unwrap(), 1 << 40);
        assert_eq!(reader.string().unwrap(), b"ssh-ed25519");
        assert_eq!(reader.mpint().unwrap(), [0, 0x80]);
        assert_eq!(reader.mpint().unwrap(), b"");
        reader.finish().unwrap();
        // Truncated fields and negative mpints are refused.
        assert!(Reader::new(b"\0\0\0\x05abc").string().is_err());
        assert!(Reader::new(b"\0\0\0\x01\x80").mpint().is_err());
        assert!(Reader::new(b"\0\0\0").u32().is_err());
    }
}
