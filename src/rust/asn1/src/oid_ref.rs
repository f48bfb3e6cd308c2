//! An OBJECT IDENTIFIER read in place.
//!
//! `asn1::ObjectIdentifier` copies every OID it reads into a 64-byte value. A
//! certificate names an OID per name attribute and per extension (16 of the 19 OIDs of
//! a typical leaf), and most of them are only ever compared with a constant, so those
//! fields borrow the bytes instead: checked by exactly the rules of
//! `ObjectIdentifier::from_der`, so that what loads, and the error for what does not,
//! stay the same.

use asn1::{ObjectIdentifier, ParseResult, SimpleAsn1Readable, SimpleAsn1Writable};

/// The content octets of an OBJECT IDENTIFIER, valid by construction: read by the
/// parser (which checks them) or taken from an `ObjectIdentifier`.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct OidRef<'a>(&'a [u8]);

/// The longest arc that cannot overflow `ObjectIdentifier`'s 128-bit arcs: 18 groups
/// of 7 bits. Longer arcs are rare enough to be left to `ObjectIdentifier` itself.
const ARC_BYTES_ALWAYS_IN_RANGE: usize = 18;

impl<'a> OidRef<'a> {
    /// The DER content octets.
    pub fn as_der(&self) -> &'a [u8] {
        self.0
    }

    /// The owned form, for the places that keep or convert an OID.
    pub fn to_oid(&self) -> ParseResult<ObjectIdentifier> {
        ObjectIdentifier::from_der(self.0)
    }

    /// True when the common shape holds: at most 63 bytes, every arc minimal, ended and
    /// short enough to fit. False means "not sure", never "invalid".
    fn is_plainly_valid(data: &[u8]) -> bool {
        if data.is_empty() || data.len() > 63 {
            return false;
        }
        let mut arc_len = 0;
        for &byte in data {
            if arc_len == 0 && byte == 0x80 {
                return false;
            }
            arc_len += 1;
            if arc_len > ARC_BYTES_ALWAYS_IN_RANGE {
                return false;
            }
            if byte & 0x80 == 0 {
                arc_len = 0;
            }
        }
        arc_len == 0
    }
}

impl<'a> From<&'a ObjectIdentifier> for OidRef<'a> {
    fn from(oid: &'a ObjectIdentifier) -> Self {
        OidRef(oid.as_der())
    }
}

impl PartialEq<ObjectIdentifier> for OidRef<'_> {
    fn eq(&self, other: &ObjectIdentifier) -> bool {
        self.0 == other.as_der()
    }
}

impl PartialEq<OidRef<'_>> for ObjectIdentifier {
    fn eq(&self, other: &OidRef<'_>) -> bool {
        self.as_der() == other.0
    }
}

/// The dotted form, as `ObjectIdentifier` writes it.
impl std::fmt::Display for OidRef<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.to_oid() {
            Ok(oid) => write!(f, "{oid}"),
            Err(_) => write!(f, "{:02x?}", self.0),
        }
    }
}

impl std::fmt::Debug for OidRef<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "OidRef({self})")
    }
}

impl<'a> SimpleAsn1Readable<'a> for OidRef<'a> {
    const TAG: asn1::Tag = <ObjectIdentifier as SimpleAsn1Readable<'a>>::TAG;

    fn parse_data(data: &'a [u8]) -> ParseResult<Self> {
        if !Self::is_plainly_valid(data) {
            // The verdict, and the error kind, of the owned type.
            ObjectIdentifier::from_der(data)?;
        }
        Ok(OidRef(data))
    }
}

impl SimpleAsn1Writable for OidRef<'_> {
    type Error = asn1::WriteError;
    const TAG: asn1::Tag = <ObjectIdentifier as SimpleAsn1Writable>::TAG;

    fn write_data(&self, dest: &mut asn1::WriteBuf) -> asn1::WriteResult {
        dest.push_slice(self.0)
    }

    fn data_length(&self) -> Option<usize> {
        Some(self.0.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same_verdict(data: &[u8]) {
        let borrowed = <OidRef<'_> as SimpleAsn1Readable<'_>>::parse_data(data);
        let owned = ObjectIdentifier::from_der(data);
        match (borrowed, owned) {
            (Ok(borrowed), Ok(owned)) => assert_eq!(borrowed, owned),
            (Err(borrowed), Err(owned)) => assert_eq!(borrowed.kind(), owned.kind()),
            (borrowed, owned) => panic!("{data:02x?}: {borrowed:?} but {owned:?}"),
        }
    }

    #[test]
    fn accepts_and_refuses_exactly_what_object_identifier_does() {
        // Every string of up to three bytes over an alphabet that has each class of
        // byte: zero, the non-minimal lead 0x80, continuation bytes, arc ends.
        let alphabet = [0x00, 0x01, 0x2a, 0x7f, 0x80, 0x81, 0x86, 0xff];
        same_verdict(b"");
        for a in alphabet {
            same_verdict(&[a]);
            for b in alphabet {
                same_verdict(&[a, b]);
                for c in alphabet {
                    same_verdict(&[a, b, c]);
                }
            }
        }
        // Arcs around the 128-bit limit: 18 groups always fit; 19 fit only while the
        // first group is small; 20 never do.
        for lead in [0x81, 0x83, 0x84, 0xff] {
            for groups in 17..=20 {
                let mut arc = vec![lead];
                arc.extend(std::iter::repeat_n(0xff, groups - 2));
                arc.push(0x7f);
                same_verdict(&arc);
                let mut oid = b"\x2a".to_vec();
                oid.extend(&arc);
                same_verdict(&oid);
            }
        }
        // Lengths around the 63-byte limit.
        for len in 62..=64 {
            same_verdict(&vec![0x01; len]);
        }
        // An arc left open at the end.
        same_verdict(b"\x2a\x86\x48\x86");
    }

    #[test]
    fn reads_writes_and_compares_as_the_owned_type() {
        // 2.5.4.3 (commonName).
        let der = b"\x06\x03\x55\x04\x03";
        let read = asn1::parse_single::<OidRef<'_>>(der).unwrap();
        let common_name = asn1::oid!(2, 5, 4, 3);
        assert!(read == common_name);
        assert!(common_name == read);
        assert_eq!(read, OidRef::from(&common_name));
        assert_eq!(read.to_oid().unwrap(), common_name);
        assert_eq!(asn1::write_single(&read).unwrap(), der);
        assert_eq!(read.to_string(), "2.5.4.3");
    }
}
