//! Distinguished names (RFC 5280 section 4.1.2.4) and the values they hold.

use asn1::{
    Asn1Readable, Asn1Writable, ParseResult, Parser, SimpleAsn1Readable, Tag, WriteError,
    WriteResult, Writer,
};

use crate::oid_ref::OidRef;
use crate::read_or_built::ReadOrBuilt;

/// An attribute's value exactly as encoded: its tag (a string type such as
/// PrintableString or UTF8String, or any other type) and its content. A Name's string
/// types are part of what it says, so they are kept, and a built Name writes the type it
/// was given.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct RawValue<'a> {
    pub tag: Tag,
    pub data: &'a [u8],
}

impl<'a> Asn1Readable<'a> for RawValue<'a> {
    fn parse(parser: &mut Parser<'a>) -> ParseResult<Self> {
        let tlv = parser.read_element::<asn1::Tlv<'a>>()?;
        Ok(RawValue {
            tag: tlv.tag(),
            data: tlv.data(),
        })
    }

    fn can_parse(_tag: Tag) -> bool {
        true
    }
}

impl Asn1Writable for RawValue<'_> {
    type Error = WriteError;

    fn write(&self, dest: &mut Writer<'_>) -> WriteResult {
        dest.write_tlv(self.tag, Some(self.data.len()), |buf| {
            buf.push_slice(self.data)
        })
    }

    fn encoded_length(&self) -> Option<usize> {
        None
    }
}

/// A Name attribute's value, kept as encoded (`RawValue`). The three string types with
/// a fixed alphabet or width are checked when the Name is read: a PrintableString must
/// hold only its alphabet, a BMPString valid UTF-16 and a UniversalString valid UTF-32;
/// a certificate whose Name breaks these is refused when loaded, as the reference
/// refuses it. The others (UTF-8 in a UTF8String, T61String or IA5String) are checked
/// when the value is decoded, which is when the reference checks them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct AttributeValue<'a>(pub RawValue<'a>);

impl<'a> AttributeValue<'a> {
    fn check(value: RawValue<'a>) -> ParseResult<Self> {
        use string_tags::*;
        let data = value.data;
        let valid = match value.tag {
            PRINTABLE_STRING => asn1::PrintableString::parse_data(data).is_ok(),
            BMP_STRING => asn1::BMPString::parse_data(data).is_ok(),
            UNIVERSAL_STRING => asn1::UniversalString::parse_data(data).is_ok(),
            _ => true,
        };
        if !valid {
            return Err(asn1::ParseError::new(asn1::ParseErrorKind::InvalidValue));
        }
        Ok(AttributeValue(value))
    }
}

impl<'a> Asn1Readable<'a> for AttributeValue<'a> {
    fn parse(parser: &mut Parser<'a>) -> ParseResult<Self> {
        AttributeValue::check(RawValue::parse(parser)?)
    }

    fn can_parse(_tag: Tag) -> bool {
        true
    }
}

impl Asn1Writable for AttributeValue<'_> {
    type Error = WriteError;

    fn write(&self, dest: &mut Writer<'_>) -> WriteResult {
        self.0.write(dest)
    }

    fn encoded_length(&self) -> Option<usize> {
        None
    }
}

/// AttributeTypeAndValue.
#[derive(asn1::Asn1Read, asn1::Asn1Write, Clone, Debug, PartialEq, Eq, Hash)]
pub struct AttributeTypeAndValue<'a> {
    pub attribute_type: OidRef<'a>,
    pub value: AttributeValue<'a>,
}

/// The attributes of an RDN read from DER: a SET OF AttributeTypeAndValue whose
/// elements were each parsed, and found in DER order, when it was read (as
/// `asn1::SetOf` checks them, reading each element's tag and length once instead of
/// twice); iterating reads them again from the bytes.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct AttributeSet<'a> {
    /// The attributes not yet iterated (all of them in a fresh copy).
    rest: &'a [u8],
}

fn read_attribute<'a>(tlv: asn1::Tlv<'a>) -> ParseResult<AttributeTypeAndValue<'a>> {
    let expected = <AttributeTypeAndValue<'a> as SimpleAsn1Readable<'a>>::TAG;
    if tlv.tag() != expected {
        return Err(asn1::ParseError::new(asn1::ParseErrorKind::UnexpectedTag {
            actual: tlv.tag(),
        }));
    }
    AttributeTypeAndValue::parse_data(tlv.data())
}

/// Whether `data` is exactly one AttributeTypeAndValue whose lengths all take one byte
/// (as in nearly every Name) and which reads as one, checked straight from its bytes:
/// the SEQUENCE, the OID and the value each cost a byte comparison instead of the
/// general reader's work per element. `false` says nothing about the input; the general
/// reader then gives the verdict and its error.
fn is_one_short_attribute(data: &[u8]) -> bool {
    let [0x30, sequence_len, 0x06, oid_len, rest @ ..] = data else {
        return false;
    };
    // A length byte under 0x80 is the short form, the only DER form below 128.
    if *sequence_len >= 0x80 || usize::from(*sequence_len) + 2 != data.len() || *oid_len >= 0x80 {
        return false;
    }
    let Some((oid, rest)) = rest.split_at_checked(usize::from(*oid_len)) else {
        return false;
    };
    let [tag_byte, value_len, value @ ..] = rest else {
        return false;
    };
    // Low bits 0x1f start a multi-byte tag, left to the general reader.
    if tag_byte & 0x1f == 0x1f || *value_len >= 0x80 || usize::from(*value_len) != value.len() {
        return false;
    }
    let Ok((tag, _)) = Tag::from_bytes(std::slice::from_ref(tag_byte)) else {
        return false;
    };
    OidRef::parse_data(oid).is_ok() && AttributeValue::check(RawValue { tag, data: value }).is_ok()
}

impl<'a> SimpleAsn1Readable<'a> for AttributeSet<'a> {
    const TAG: Tag = <asn1::SetOf<'a, AttributeTypeAndValue<'a>> as SimpleAsn1Readable<'a>>::TAG;

    fn parse_data(data: &'a [u8]) -> ParseResult<Self> {
        if is_one_short_attribute(data) {
            return Ok(AttributeSet { rest: data });
        }
        let (mut rest, mut previous, mut index) = (data, None::<&'a [u8]>, 0);
        while !rest.is_empty() {
            let at = |err: asn1::ParseError| err.add_location(asn1::ParseLocation::Index(index));
            let (tlv, after) = asn1::strip_tlv(rest).map_err(at)?;
            if previous.is_some_and(|previous| tlv.full_data() < previous) {
                return Err(at(asn1::ParseError::new(
                    asn1::ParseErrorKind::InvalidSetOrdering,
                )));
            }
            read_attribute(tlv).map_err(at)?;
            (rest, previous, index) = (after, Some(tlv.full_data()), index + 1);
        }
        Ok(AttributeSet { rest: data })
    }
}

impl<'a> Iterator for AttributeSet<'a> {
    type Item = AttributeTypeAndValue<'a>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.rest.is_empty() {
            return None;
        }
        // Checked when the set was read: neither can fail here.
        let (tlv, after) = asn1::strip_tlv(self.rest).ok()?;
        self.rest = after;
        read_attribute(tlv).ok()
    }
}

impl asn1::SimpleAsn1Writable for AttributeSet<'_> {
    type Error = WriteError;
    const TAG: Tag =
        <asn1::SetOf<'static, AttributeTypeAndValue<'static>> as SimpleAsn1Readable<'static>>::TAG;

    /// The attributes not yet iterated, as read (a read RDN is written from its bytes by
    /// `ReadOrBuilt`; this serves only its type bound).
    fn write_data(&self, dest: &mut asn1::WriteBuf) -> WriteResult {
        dest.push_slice(self.rest)
    }

    fn data_length(&self) -> Option<usize> {
        Some(self.rest.len())
    }
}

/// RelativeDistinguishedName: a non-empty SET OF AttributeTypeAndValue.
pub type RelativeDistinguishedName<'a> = ReadOrBuilt<
    'a,
    AttributeSet<'a>,
    asn1::SetOfWriter<'a, AttributeTypeAndValue<'a>, Vec<AttributeTypeAndValue<'a>>>,
>;

/// Name: a SEQUENCE OF RelativeDistinguishedName (the only CHOICE RFC 5280 defines).
pub type Name<'a> = ReadOrBuilt<
    'a,
    asn1::SequenceOf<'a, RelativeDistinguishedName<'a>>,
    asn1::SequenceOfWriter<'a, RelativeDistinguishedName<'a>, Vec<RelativeDistinguishedName<'a>>>,
>;

/// Builds a Name from its RDNs, each a list of attributes.
pub fn build_name<'a>(rdns: Vec<Vec<AttributeTypeAndValue<'a>>>) -> Name<'a> {
    ReadOrBuilt::Built(asn1::SequenceOfWriter::new(
        rdns.into_iter()
            .map(|attributes| ReadOrBuilt::Built(asn1::SetOfWriter::new(attributes)))
            .collect(),
    ))
}

/// The tags of the string types a Name's attributes use (X.680 section 8.4).
pub mod string_tags {
    use asn1::Tag;

    pub const UTF8_STRING: Tag = Tag::primitive(12);
    pub const NUMERIC_STRING: Tag = Tag::primitive(18);
    pub const PRINTABLE_STRING: Tag = Tag::primitive(19);
    pub const T61_STRING: Tag = Tag::primitive(20);
    pub const IA5_STRING: Tag = Tag::primitive(22);
    pub const VISIBLE_STRING: Tag = Tag::primitive(26);
    pub const UNIVERSAL_STRING: Tag = Tag::primitive(28);
    pub const BMP_STRING: Tag = Tag::primitive(30);
    pub const BIT_STRING: Tag = Tag::primitive(3);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unhex(hex: &str) -> Vec<u8> {
        (0..hex.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).unwrap())
            .collect()
    }

    // CN=Example (a PrintableString) then O=Org.! (a UTF8String): two RDNs, the DER
    // written out by hand from X.690's rules.
    const TWO_RDNS: &[u8] = &[
        0x30, 0x22, // SEQUENCE OF RDN
        0x31, 0x10, 0x30, 0x0e, 0x06, 0x03, 0x55, 0x04, 0x03, // SET { SEQ { 2.5.4.3
        0x13, 0x07, b'E', b'x', b'a', b'm', b'p', b'l', b'e', // PrintableString }}
        0x31, 0x0e, 0x30, 0x0c, 0x06, 0x03, 0x55, 0x04, 0x0a, // SET { SEQ { 2.5.4.10
        0x0c, 0x05, b'O', b'r', b'g', b'.', b'!', // UTF8String }}
    ];

    #[test]
    fn a_parsed_name_keeps_its_string_types_and_writes_itself_back() {
        let name = asn1::parse_single::<Name<'_>>(TWO_RDNS).unwrap();
        let rdns: Vec<Vec<AttributeTypeAndValue<'_>>> = name
            .read()
            .unwrap()
            .clone()
            .map(|rdn| rdn.read().unwrap().clone().collect())
            .collect();
        assert_eq!(rdns.len(), 2);
        assert_eq!(rdns[0][0].attribute_type, asn1::oid!(2, 5, 4, 3));
        assert_eq!(rdns[0][0].value.0.tag, string_tags::PRINTABLE_STRING);
        assert_eq!(rdns[0][0].value.0.data, b"Example");
        assert_eq!(rdns[1][0].value.0.tag, string_tags::UTF8_STRING);
        assert_eq!(asn1::write_single(&name).unwrap(), TWO_RDNS);
        // The same Name built from its parts has the same DER.
        assert_eq!(asn1::write_single(&build_name(rdns)).unwrap(), TWO_RDNS);
    }

    #[test]
    fn string_values_are_checked_when_read() {
        // Names written by the reference's builder (its public_bytes), one attribute each:
        // CN as BMPString, UniversalString and T61String holding "hé😀"/"hé", and a
        // PrintableString "Hello".
        for hex in [
            "30133111300f06035504031e08006800e9d83dde00",
            "30173115301306035504031c0c00000068000000e90001f600",
            "300e310c300a0603550403140368c3a9",
            "3010310e300c0603550403130548656c6c6f",
        ] {
            let der = unhex(hex);
            let name = asn1::parse_single::<Name<'_>>(&der).unwrap();
            assert_eq!(asn1::write_single(&name).unwrap(), der);
        }
        // The same with values their types cannot hold: "He@lo" as PrintableString,
        // an odd-length BMPString, a surrogate in the UniversalString.
        for hex in [
            "3010310e300c0603550403130548654066fc",
            "30123110300e06035504031e07006800e9d83dde",
            "30173115301306035504031c0c00000068000000e90000d800",
        ] {
            let der = unhex(hex);
            assert!(asn1::parse_single::<Name<'_>>(&der).is_err(), "{hex}");
        }
    }

    #[test]
    fn strict_der() {
        // An indefinite length, a trailing byte and a wrong outer tag are refused.
        assert!(asn1::parse_single::<Name<'_>>(&[0x30, 0x80, 0x00, 0x00]).is_err());
        let mut trailing = TWO_RDNS.to_vec();
        trailing.push(0);
        assert!(asn1::parse_single::<Name<'_>>(&trailing).is_err());
        let mut set = TWO_RDNS.to_vec();
        set[0] = 0x31;
        assert!(asn1::parse_single::<Name<'_>>(&set).is_err());
    }

    /// Every one- and two-byte change to a SET of two attributes, against
    /// `asn1::SetOf`: the same verdict, and the same attributes when both read it.
    #[test]
    fn attribute_sets_read_as_asn1_set_of_reads_them() {
        // SET { CN=Example, O=Org.! } in DER order (the shorter element first).
        let set: Vec<u8> = [&[0x31, 0x1e][..], &TWO_RDNS[22..36], &TWO_RDNS[4..20]].concat();
        let mut inputs = vec![set.clone(), set[..set.len() - 1].to_vec()];
        for at in 0..set.len() {
            for change in [0x01u8, 0x80, 0xff] {
                let mut changed = set.clone();
                changed[at] ^= change;
                inputs.push(changed.clone());
                if at + 1 < set.len() {
                    changed[at + 1] ^= 0x01;
                    inputs.push(changed);
                }
            }
        }
        // The two elements swapped: out of order.
        inputs.push([&[0x31, 0x1e][..], &TWO_RDNS[4..20], &TWO_RDNS[22..36]].concat());
        let mut accepted = 0;
        for input in &inputs {
            let ours = asn1::parse_single::<AttributeSet<'_>>(input);
            let theirs = asn1::parse_single::<asn1::SetOf<'_, AttributeTypeAndValue<'_>>>(input);
            assert_eq!(ours.is_ok(), theirs.is_ok(), "{input:02x?}");
            if let (Ok(ours), Ok(theirs)) = (ours, theirs) {
                assert_eq!(ours.collect::<Vec<_>>(), theirs.collect::<Vec<_>>());
                accepted += 1;
            }
        }
        assert!(accepted >= 2);
        let swapped = inputs.last().unwrap();
        assert!(asn1::parse_single::<AttributeSet<'_>>(swapped).is_err());
    }

    /// The one-attribute sets the short path reads: every one-byte change (each bit,
    /// and values at the edges of the length and tag forms), every truncation and an
    /// appended byte, against `asn1::SetOf`: the same verdict, and the same attribute
    /// when both read it.
    #[test]
    fn single_attributes_read_as_asn1_set_of_reads_them() {
        let sets = [
            // CN=Example (PrintableString), O=Org.! (UTF8String).
            [&[0x31, 0x10][..], &TWO_RDNS[4..20]].concat(),
            [&[0x31, 0x0e][..], &TWO_RDNS[22..36]].concat(),
            // A BMPString, a UniversalString, an IA5String e-mail address with a long
            // OID (1.2.840.113549.1.9.1), and an empty value.
            unhex("3111300f06035504031e08006800e9d83dde00"),
            unhex("3115301306035504031c0c00000068000000e90001f600"),
            unhex("311f301d06092a864886f70d010901161075736572406578616d706c652e636f6d"),
            unhex("3109300706035504030c00"),
            // A SEQUENCE of 127 bytes, the longest short form (a 120-byte value), and
            // one of 134 (a 127-byte value) in the long form.
            [
                &[
                    0x31, 0x81, 0x81, 0x30, 0x7f, 0x06, 0x03, 0x55, 0x04, 0x03, 0x0c, 0x78,
                ][..],
                &[b'a'; 120][..],
            ]
            .concat(),
            [
                &[
                    0x31, 0x81, 0x89, 0x30, 0x81, 0x86, 0x06, 0x03, 0x55, 0x04, 0x03, 0x0c, 0x7f,
                ][..],
                &[b'a'; 127][..],
            ]
            .concat(),
        ];
        let mut accepted = 0;
        for set in &sets {
            assert!(
                asn1::parse_single::<AttributeSet<'_>>(set).is_ok(),
                "{set:02x?}"
            );
            let mut inputs = vec![set.clone()];
            inputs.extend((0..set.len()).map(|len| set[..len].to_vec()));
            inputs.push([&set[..], &[0]].concat());
            for at in 0..set.len() {
                for change in [0x01u8, 0x02, 0x04, 0x08, 0x10, 0x20, 0x40, 0x80] {
                    let mut changed = set.clone();
                    changed[at] ^= change;
                    inputs.push(changed);
                }
                for value in [0x00u8, 0x1f, 0x7f, 0x80, 0x81, 0xff] {
                    let mut changed = set.clone();
                    changed[at] = value;
                    inputs.push(changed);
                }
            }
            for input in &inputs {
                let ours = asn1::parse_single::<AttributeSet<'_>>(input);
                let theirs =
                    asn1::parse_single::<asn1::SetOf<'_, AttributeTypeAndValue<'_>>>(input);
                assert_eq!(ours.is_ok(), theirs.is_ok(), "{input:02x?}");
                if let (Ok(ours), Ok(theirs)) = (ours, theirs) {
                    assert_eq!(ours.collect::<Vec<_>>(), theirs.collect::<Vec<_>>());
                    accepted += 1;
                }
            }
        }
        // Each original, and the changes that only alter a value's content.
        assert!(accepted > 4 * sets.len(), "{accepted}");
    }
}
