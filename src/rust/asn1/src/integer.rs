//! Non-negative INTEGERs (key components, domain parameters), held as their big-endian
//! magnitude: read strictly (minimal DER, never negative) and written from a magnitude
//! without an intermediate copy, DER's zero byte added before a set top bit as they are
//! written (the values are often secret).

/// An unsigned INTEGER, by its magnitude.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Unsigned<'a>(&'a [u8]);

impl<'a> Unsigned<'a> {
    /// The INTEGER of a big-endian magnitude (leading zero bytes are not written).
    pub fn new(magnitude: &'a [u8]) -> Self {
        Unsigned(magnitude)
    }

    /// The magnitude as read: DER's sign byte removed, a single zero byte for zero.
    pub fn as_bytes(&self) -> &'a [u8] {
        self.0
    }

    /// The magnitude without leading zero bytes (empty for zero).
    pub fn significant(&self) -> &'a [u8] {
        significant(self.0)
    }

    fn needs_zero(&self) -> bool {
        self.significant().first().is_none_or(|&b| b & 0x80 != 0)
    }
}

impl<'a> asn1::SimpleAsn1Readable<'a> for Unsigned<'a> {
    const TAG: asn1::Tag = <asn1::BigUint<'a> as asn1::SimpleAsn1Readable<'a>>::TAG;

    fn parse_data(data: &'a [u8]) -> asn1::ParseResult<Self> {
        let value = <asn1::BigUint<'a> as asn1::SimpleAsn1Readable<'a>>::parse_data(data)?;
        Ok(Unsigned(magnitude(&value)))
    }
}

impl asn1::SimpleAsn1Writable for Unsigned<'_> {
    type Error = asn1::WriteError;
    const TAG: asn1::Tag = <asn1::BigUint<'_> as asn1::SimpleAsn1Writable>::TAG;

    fn write_data(&self, dest: &mut asn1::WriteBuf) -> asn1::WriteResult {
        if self.needs_zero() {
            dest.push_byte(0)?;
        }
        dest.push_slice(self.significant())
    }

    fn data_length(&self) -> Option<usize> {
        Some(self.significant().len() + usize::from(self.needs_zero()))
    }
}

/// A big-endian integer without its leading zero bytes (empty for zero).
pub fn significant(bytes: &[u8]) -> &[u8] {
    let first = bytes.iter().position(|&b| b != 0).unwrap_or(bytes.len());
    &bytes[first..]
}

/// The magnitude of a parsed unsigned INTEGER, without DER's leading zero byte.
pub fn magnitude<'a>(value: &asn1::BigUint<'a>) -> &'a [u8] {
    let bytes = value.as_bytes();
    match bytes {
        [0, rest @ ..] if !rest.is_empty() => rest,
        _ => bytes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn magnitudes_round_trip_in_minimal_der() {
        for (magnitude, der) in [
            (&[][..], &b"\x02\x01\x00"[..]),
            (&[0, 0][..], &b"\x02\x01\x00"[..]),
            (&[0x7f][..], &b"\x02\x01\x7f"[..]),
            (&[0x80][..], &b"\x02\x02\x00\x80"[..]),
            (&[0, 1, 2][..], &b"\x02\x02\x01\x02"[..]),
        ] {
            assert_eq!(asn1::write_single(&Unsigned::new(magnitude)).unwrap(), der);
            let read = asn1::parse_single::<Unsigned<'_>>(der).unwrap();
            assert_eq!(read.significant(), significant(magnitude));
        }
        assert_eq!(
            asn1::parse_single::<Unsigned<'_>>(b"\x02\x01\x00")
                .unwrap()
                .as_bytes(),
            &[0]
        );
        // Negative, and non-minimal, encodings are refused.
        assert!(asn1::parse_single::<Unsigned<'_>>(b"\x02\x01\x80").is_err());
        assert!(asn1::parse_single::<Unsigned<'_>>(b"\x02\x02\x00\x01").is_err());
    }
}
