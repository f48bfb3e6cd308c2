//! A Name's attributes as values (text, or bytes for a BIT STRING) and its RFC 4514
//! string form.

use cryptography_asn1::name::{string_tags, AttributeTypeAndValue, Name};
use cryptography_asn1::oid_ref::OidRef;

use crate::error::{X509Error, X509Result};

/// An attribute's value as a program sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    /// Any string type, decoded (UTF-16 for BMPString, UTF-32 for UniversalString,
    /// UTF-8 for the rest).
    Text(String),
    /// A BIT STRING (x500UniqueIdentifier): its content bytes.
    Bytes(Vec<u8>),
}

/// The string and other types a Name attribute may have (the reference's `_ASN1Type`).
const VALUE_TAGS: [u32; 12] = [3, 4, 12, 18, 19, 20, 22, 23, 24, 26, 28, 30];

/// The value of one attribute: UTF-16 for a BMPString, UTF-32 for a UniversalString,
/// the content bytes of a BIT STRING, UTF-8 for the rest (checked here, as the
/// reference checks it when the value is read). A value of a type outside the
/// reference's list, or with a long-form tag, is refused.
pub fn value(attribute: &AttributeTypeAndValue<'_>) -> X509Result<Value> {
    let raw = attribute.value.0;
    let invalid = || X509Error::Parse(asn1::ParseError::new(asn1::ParseErrorKind::InvalidValue));
    if raw.tag.value() >= 31 {
        return Err(X509Error::LongFormTag);
    }
    // A universal, primitive, short-form tag's one byte is its number.
    if !raw
        .tag
        .as_u8()
        .is_some_and(|byte| VALUE_TAGS.contains(&u32::from(byte)))
    {
        return Err(X509Error::Parse(asn1::ParseError::new(
            asn1::ParseErrorKind::UnexpectedTag { actual: raw.tag },
        )));
    }
    match raw.tag {
        string_tags::BIT_STRING => Ok(Value::Bytes(raw.data.to_vec())),
        string_tags::BMP_STRING => {
            let units: Vec<u16> = raw
                .data
                .chunks_exact(2)
                .map(|pair| u16::from_be_bytes([pair[0], pair[1]]))
                .collect();
            String::from_utf16(&units)
                .map(Value::Text)
                .map_err(|_| invalid())
        }
        string_tags::UNIVERSAL_STRING => raw
            .data
            .chunks_exact(4)
            .map(|quad| char::from_u32(u32::from_be_bytes([quad[0], quad[1], quad[2], quad[3]])))
            .collect::<Option<String>>()
            .map(Value::Text)
            .ok_or_else(invalid),
        _ => std::str::from_utf8(raw.data)
            .map(|text| Value::Text(text.to_string()))
            .map_err(|_| invalid()),
    }
}

/// The lengths (in UTF-8 bytes, inclusive) the reference holds some attribute types to:
/// a country is two letters (ISO 3166 alpha-2), a common name 1 to 64 (X.520's
/// ub-common-name). A name built with other lengths is refused; one read from DER is
/// kept, with a warning.
pub const LENGTH_LIMITS: [(asn1::ObjectIdentifier, usize, usize); 3] = [
    (asn1::oid!(2, 5, 4, 6), 2, 2),
    // jurisdictionOfIncorporationCountryName (EV certificates).
    (asn1::oid!(1, 3, 6, 1, 4, 1, 311, 60, 2, 1, 3), 2, 2),
    (asn1::oid!(2, 5, 4, 3), 1, 64),
];

/// Whether a value of `length` UTF-8 bytes is within the limits of its type (types
/// without limits take any length).
pub fn length_in_limits(oid: OidRef<'_>, length: usize) -> bool {
    LENGTH_LIMITS
        .iter()
        .find(|(known, _, _)| *known == oid)
        .is_none_or(|(_, low, high)| (*low..=*high).contains(&length))
}

/// The short names RFC 4514 section 3 gives (plus the two the reference adds, STREET
/// and UID, from RFC 4519).
pub fn short_name(oid: OidRef<'_>) -> Option<&'static str> {
    const SHORT_NAMES: [(asn1::ObjectIdentifier, &str); 9] = [
        (asn1::oid!(2, 5, 4, 3), "CN"),
        (asn1::oid!(2, 5, 4, 7), "L"),
        (asn1::oid!(2, 5, 4, 8), "ST"),
        (asn1::oid!(2, 5, 4, 10), "O"),
        (asn1::oid!(2, 5, 4, 11), "OU"),
        (asn1::oid!(2, 5, 4, 6), "C"),
        (asn1::oid!(2, 5, 4, 9), "STREET"),
        (asn1::oid!(0, 9, 2342, 19200300, 100, 1, 25), "DC"),
        (asn1::oid!(0, 9, 2342, 19200300, 100, 1, 1), "UID"),
    ];
    SHORT_NAMES
        .iter()
        .find(|(known, _)| *known == oid)
        .map(|(_, short)| *short)
}

/// A value escaped for an RFC 4514 string (section 2.4): the special characters and NUL
/// backslashed, and a leading '#' or space and a trailing space escaped.
pub fn escape(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    escape_into(&mut out, value);
    out
}

/// Appends `value` escaped as `escape` does.
pub fn escape_into(out: &mut String, value: &str) {
    // Most values need no escaping: copied whole.
    let special = |(index, byte): (usize, &u8)| {
        matches!(byte, b'\\' | b'"' | b'+' | b',' | b';' | b'<' | b'>' | 0)
            || (index == 0 && matches!(byte, b'#' | b' '))
            || (index + 1 == value.len() && *byte == b' ')
    };
    if !value.as_bytes().iter().enumerate().any(special) {
        out.push_str(value);
        return;
    }
    for (index, ch) in value.char_indices() {
        match ch {
            '\\' | '"' | '+' | ',' | ';' | '<' | '>' => {
                out.push('\\');
                out.push(ch);
            }
            '\0' => out.push_str("\\00"),
            '#' | ' ' if index == 0 => {
                out.push('\\');
                out.push(ch);
            }
            ' ' if index + 1 == value.len() => out.push_str("\\ "),
            _ => out.push(ch),
        }
    }
}

/// One attribute as `type=value`: the type by `name_of` (an override, a short name, or
/// else the dotted OID), a byte value as '#' and its hex.
/// An attribute's value, borrowed: what `write_attribute` writes.
pub enum ValueRef<'a> {
    Text(&'a str),
    Bytes(&'a [u8]),
}

/// Appends one attribute as RFC 4514 writes it: its type by `type_name` (the caller's
/// name for it), else its short name, else its dotted OID; then '=' and the value,
/// text escaped (section 2.4) and bytes as '#' and their hex (section 2.4's BER form).
pub fn write_attribute(
    out: &mut String,
    oid: OidRef<'_>,
    type_name: Option<String>,
    value: ValueRef<'_>,
) {
    use std::fmt::Write;
    match (type_name, short_name(oid)) {
        (Some(name), _) => out.push_str(&name),
        (None, Some(short)) => out.push_str(short),
        // Writing to a String cannot fail.
        (None, None) => {
            let _ = write!(out, "{oid}");
        }
    }
    out.push('=');
    match value {
        ValueRef::Text(text) => escape_into(out, text),
        ValueRef::Bytes(bytes) => {
            out.push('#');
            for byte in bytes {
                let _ = write!(out, "{byte:02x}");
            }
        }
    }
}

/// The Name as an RFC 4514 string: RDNs last to first, separated by ',', the
/// attributes of a multi-valued RDN in their encoded order joined by '+'. `name_of`
/// gives the caller's names for attribute types (None: the standard ones).
pub fn rfc4514_string(
    name: &Name<'_>,
    name_of: &dyn Fn(OidRef<'_>) -> Option<String>,
) -> X509Result<String> {
    let Some(rdns) = name.read() else {
        return Ok(String::new());
    };
    // RFC 4514 lists the RDNs last first.
    let rdns: Vec<_> = rdns.clone().collect();
    let mut out = String::new();
    for (position, rdn) in rdns.iter().rev().enumerate() {
        if position > 0 {
            out.push(',');
        }
        for (index, attribute) in rdn.read().into_iter().flat_map(Clone::clone).enumerate() {
            if index > 0 {
                out.push('+');
            }
            let oid = attribute.attribute_type;
            match value(&attribute)? {
                Value::Text(text) => {
                    write_attribute(&mut out, oid, name_of(oid), ValueRef::Text(&text))
                }
                Value::Bytes(bytes) => {
                    write_attribute(&mut out, oid, name_of(oid), ValueRef::Bytes(&bytes))
                }
            }
        }
    }
    Ok(out)
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

    fn no_overrides(_: OidRef<'_>) -> Option<String> {
        None
    }

    #[test]
    fn rfc4514_strings_as_the_reference_writes_them() {
        // DER and string from the reference's x509.Name: an RDN with CN (every special
        // character, a leading and a trailing space, a NUL) and O, then C, an unknown
        // OID, and an x500UniqueIdentifier BIT STRING.
        let der = unhex(
            "304e31263008060355040a0c014f301a06035504030c132023612b622c633b643c653e6622675c680020310b3009060355040613024e5a310a300806032a03040c0178310b3009060355042d03020102",
        );
        let name = asn1::parse_single::<Name<'_>>(&der).unwrap();
        // The reference's string lists CN before O (its object's order); a parsed Name
        // has them in DER order, O first.
        assert_eq!(
            rfc4514_string(&name, &no_overrides).unwrap(),
            r#"2.5.4.45=#0102,1.2.3.4=x,C=NZ,O=O+CN=\ #a\+b\,c\;d\<e\>f\"g\\h\00\ "#
        );
        let overrides =
            |oid: OidRef<'_>| (oid == asn1::oid!(2, 5, 4, 6)).then(|| "COUNTRY".to_string());
        assert!(rfc4514_string(&name, &overrides)
            .unwrap()
            .contains(",COUNTRY=NZ,"));
    }

    #[test]
    fn values_of_every_string_type() {
        // The reference's DER for CN "hé😀" as BMPString and UniversalString, "hé" as
        // T61String.
        for (hex, expected) in [
            ("30133111300f06035504031e08006800e9d83dde00", "hé😀"),
            ("30173115301306035504031c0c00000068000000e90001f600", "hé😀"),
            ("300e310c300a0603550403140368c3a9", "hé"),
        ] {
            let der = unhex(hex);
            let name = asn1::parse_single::<Name<'_>>(&der).unwrap();
            let rdn = name.read().unwrap().clone().next().unwrap();
            let attribute = rdn.read().unwrap().clone().next().unwrap();
            assert_eq!(
                value(&attribute).unwrap(),
                Value::Text(expected.to_string())
            );
        }
    }

    #[test]
    fn values_checked_when_read_as_the_reference_checks_them() {
        let first = |der: &[u8]| -> X509Result<Value> {
            let name = asn1::parse_single::<Name<'_>>(der).unwrap();
            let rdn = name.read().unwrap().clone().next().unwrap();
            let attribute = rdn.read().unwrap().clone().next().unwrap();
            value(&attribute)
        };
        // A T61String holding latin-1 "h\xe9 " parses, and fails as a value.
        assert!(first(&unhex("300e310c300a0603550403140368e920")).is_err());
        // Application-class [9] and a long-form universal tag (31) as the CN's value.
        assert!(matches!(
            first(&unhex("300d310b300906035504036902abcd")),
            Err(X509Error::Parse(_))
        ));
        assert!(matches!(
            first(&unhex("300e310c300a06035504031f1f02abcd")),
            Err(X509Error::LongFormTag)
        ));
    }

    #[test]
    fn escaping_edge_cases() {
        // As the reference's NameAttribute.rfc4514_string writes them.
        assert_eq!(escape(""), "");
        assert_eq!(escape("  "), "\\ \\ ");
        assert_eq!(escape("# "), "\\#\\ ");
        assert_eq!(escape(" a"), "\\ a");
        assert_eq!(escape("#"), "\\#");
        assert_eq!(escape(" "), "\\ ");
        assert_eq!(escape("a#b c"), "a#b c");
        assert_eq!(escape("é "), "é\\ ");
    }

    #[test]
    fn length_limits() {
        let country = asn1::oid!(2, 5, 4, 6);
        assert!(length_in_limits(OidRef::from(&country), 2));
        assert!(!length_in_limits(OidRef::from(&country), 3));
        let common_name = asn1::oid!(2, 5, 4, 3);
        assert!(length_in_limits(OidRef::from(&common_name), 64));
        assert!(!length_in_limits(OidRef::from(&common_name), 0));
        assert!(!length_in_limits(OidRef::from(&common_name), 65));
        assert!(length_in_limits(
            OidRef::from(&asn1::oid!(2, 5, 4, 10)),
            1000
        ));
    }
}
