//! Reading an RFC 4514 string into a Name's attributes, by the RFC's grammar (section 3)
//! with the reference's readings of its corners:
//!
//! - an attribute type is one of the short names (CN, L, ST, O, OU, C, STREET, DC, UID),
//!   a name the caller maps, or a dotted OID, spelled exactly (no spaces, no other
//!   case);
//! - a value is a string (escapes `\X` for the special characters and `\hh` for bytes,
//!   which together must be UTF-8) or `#` and hex pairs, whose bytes are taken as the
//!   value's text (not parsed as BER);
//! - RDNs are separated by ',' only, attributes of one RDN by '+', and the result lists
//!   the RDNs last to first, as a Name stores them.

use crate::name::short_name;
use cryptography_asn1::oid_ref::OidRef;

/// Why a string is not a Name.
#[derive(Debug, PartialEq, Eq)]
pub enum Rfc4514Error {
    /// Not a string of the grammar at this byte offset.
    Syntax(usize),
    /// An attribute type that is neither a known name nor a dotted OID.
    UnknownAttributeType(String),
    /// Escaped or hex bytes that are not UTF-8.
    NotUtf8,
    /// A hex pair with a character that is not a hex digit.
    NotHex,
}

/// One attribute of the string.
#[derive(Debug, PartialEq, Eq)]
pub struct ParsedAttribute {
    pub oid: asn1::ObjectIdentifier,
    pub value: String,
}

/// The RDNs of `text`, first RDN of the Name first (that is, the string's last).
/// `name_to_oid` maps the caller's own attribute type names (checked before the
/// standard short names).
pub fn parse(
    text: &str,
    name_to_oid: &dyn Fn(&str) -> Option<asn1::ObjectIdentifier>,
) -> Result<Vec<Vec<ParsedAttribute>>, Rfc4514Error> {
    let mut parser = Parser {
        bytes: text.as_bytes(),
        at: 0,
    };
    let mut rdns = Vec::new();
    if parser.bytes.is_empty() {
        return Ok(rdns);
    }
    loop {
        let mut rdn = vec![parser.attribute(name_to_oid)?];
        while parser.eat(b'+') {
            rdn.push(parser.attribute(name_to_oid)?);
        }
        rdns.push(rdn);
        if parser.at == parser.bytes.len() {
            break;
        }
        if !parser.eat(b',') {
            return Err(Rfc4514Error::Syntax(parser.at));
        }
    }
    rdns.reverse();
    Ok(rdns)
}

struct Parser<'a> {
    bytes: &'a [u8],
    at: usize,
}

/// The characters that must be escaped anywhere in a value (RFC 4514 `escaped`), and
/// the three more that may be (`special`).
fn is_special(byte: u8) -> bool {
    matches!(
        byte,
        b'"' | b'+' | b',' | b';' | b'<' | b'>' | b' ' | b'#' | b'=' | b'\\'
    )
}

/// SUTF1, UTF-8 continuation and lead bytes included (UTFMB): a value's middle.
fn is_string_char(byte: u8) -> bool {
    !matches!(byte, 0 | b'"' | b'+' | b',' | b';' | b'<' | b'>' | b'\\')
}

/// LUTF1: a first character, which may not also be a space or '#'.
fn is_lead_char(byte: u8) -> bool {
    is_string_char(byte) && byte != b' ' && byte != b'#'
}

/// TUTF1: a last character, which may not be a space.
fn is_trail_char(byte: u8) -> bool {
    is_string_char(byte) && byte != b' '
}

impl Parser<'_> {
    fn peek(&self, offset: usize) -> Option<u8> {
        self.bytes.get(self.at + offset).copied()
    }

    fn eat(&mut self, byte: u8) -> bool {
        if self.peek(0) == Some(byte) {
            self.at += 1;
            true
        } else {
            false
        }
    }

    fn attribute(
        &mut self,
        name_to_oid: &dyn Fn(&str) -> Option<asn1::ObjectIdentifier>,
    ) -> Result<ParsedAttribute, Rfc4514Error> {
        let oid = self.attribute_type(name_to_oid)?;
        if !self.eat(b'=') {
            return Err(Rfc4514Error::Syntax(self.at));
        }
        let value = if self.peek(0) == Some(b'#') {
            self.hex_value()?
        } else {
            self.string_value()?
        };
        Ok(ParsedAttribute { oid, value })
    }

    /// `descr` (a letter, then letters, digits and '-') or a dotted OID.
    fn attribute_type(
        &mut self,
        name_to_oid: &dyn Fn(&str) -> Option<asn1::ObjectIdentifier>,
    ) -> Result<asn1::ObjectIdentifier, Rfc4514Error> {
        let start = self.at;
        let first = self.peek(0).ok_or(Rfc4514Error::Syntax(start))?;
        if first.is_ascii_alphabetic() {
            while self
                .peek(0)
                .is_some_and(|byte| byte.is_ascii_alphanumeric() || byte == b'-')
            {
                self.at += 1;
            }
            let name = std::str::from_utf8(&self.bytes[start..self.at])
                .map_err(|_| Rfc4514Error::Syntax(start))?;
            return name_to_oid(name)
                .or_else(|| standard_oid(name))
                .ok_or_else(|| Rfc4514Error::UnknownAttributeType(name.to_string()));
        }
        // numericoid: numbers without leading zeros, at least two, separated by dots.
        let mut arcs = 0;
        loop {
            let digits_start = self.at;
            while self.peek(0).is_some_and(|byte| byte.is_ascii_digit()) {
                self.at += 1;
            }
            let digits = &self.bytes[digits_start..self.at];
            if digits.is_empty() || (digits.len() > 1 && digits[0] == b'0') {
                return Err(Rfc4514Error::Syntax(digits_start));
            }
            arcs += 1;
            if !(self.peek(0) == Some(b'.') && self.peek(1).is_some_and(|b| b.is_ascii_digit())) {
                break;
            }
            self.at += 1;
        }
        let dotted = std::str::from_utf8(&self.bytes[start..self.at])
            .map_err(|_| Rfc4514Error::Syntax(start))?;
        if arcs < 2 {
            return Err(Rfc4514Error::Syntax(start));
        }
        asn1::ObjectIdentifier::from_string(dotted)
            .ok_or_else(|| Rfc4514Error::UnknownAttributeType(dotted.to_string()))
    }

    /// `#` and one or more pairs of alphanumerics, which must be hex; the bytes are the
    /// value's UTF-8.
    fn hex_value(&mut self) -> Result<String, Rfc4514Error> {
        self.at += 1;
        let start = self.at;
        while self.peek(0).is_some_and(|b| b.is_ascii_alphanumeric())
            && self.peek(1).is_some_and(|b| b.is_ascii_alphanumeric())
        {
            self.at += 2;
        }
        if self.at == start {
            return Err(Rfc4514Error::Syntax(start));
        }
        let bytes = decode_hex(&self.bytes[start..self.at])?;
        String::from_utf8(bytes).map_err(|_| Rfc4514Error::NotUtf8)
    }

    /// One escape at the cursor (after its backslash): the byte it stands for.
    fn pair(&mut self) -> Option<Result<u8, Rfc4514Error>> {
        let next = self.peek(1)?;
        if is_special(next) {
            self.at += 2;
            return Some(Ok(next));
        }
        let after = self.peek(2)?;
        if next.is_ascii_alphanumeric() && after.is_ascii_alphanumeric() {
            self.at += 3;
            return Some(decode_hex(&[next, after]).map(|bytes| bytes[0]));
        }
        None
    }

    /// A string value: a lead character or escape, then as many middle characters and
    /// escapes as follow, given back to the last that may end a value (an unescaped
    /// space may not).
    fn string_value(&mut self) -> Result<String, Rfc4514Error> {
        let mut value: Vec<u8> = Vec::new();
        // Where the value may end: its length and the cursor then.
        let mut end = (0, self.at);
        let mut first = true;
        while let Some(byte) = self.peek(0) {
            if byte == b'\\' {
                match self.pair() {
                    Some(decoded) => value.push(decoded?),
                    None => break,
                }
                end = (value.len(), self.at);
            } else if (first && is_lead_char(byte)) || (!first && is_string_char(byte)) {
                value.push(byte);
                self.at += 1;
                if is_trail_char(byte) {
                    end = (value.len(), self.at);
                }
            } else {
                break;
            }
            first = false;
        }
        value.truncate(end.0);
        self.at = end.1;
        String::from_utf8(value).map_err(|_| Rfc4514Error::NotUtf8)
    }
}

fn decode_hex(pairs: &[u8]) -> Result<Vec<u8>, Rfc4514Error> {
    let digit = |byte: u8| (byte as char).to_digit(16).ok_or(Rfc4514Error::NotHex);
    pairs
        .chunks_exact(2)
        .map(|pair| Ok((digit(pair[0])? * 16 + digit(pair[1])?) as u8))
        .collect()
}

/// The OID of a standard short name (the inverse of `name::short_name`).
fn standard_oid(name: &str) -> Option<asn1::ObjectIdentifier> {
    const CANDIDATES: [asn1::ObjectIdentifier; 9] = [
        asn1::oid!(2, 5, 4, 3),
        asn1::oid!(2, 5, 4, 7),
        asn1::oid!(2, 5, 4, 8),
        asn1::oid!(2, 5, 4, 10),
        asn1::oid!(2, 5, 4, 11),
        asn1::oid!(2, 5, 4, 6),
        asn1::oid!(2, 5, 4, 9),
        asn1::oid!(0, 9, 2342, 19200300, 100, 1, 25),
        asn1::oid!(0, 9, 2342, 19200300, 100, 1, 1),
    ];
    CANDIDATES
        .into_iter()
        .find(|oid| short_name(OidRef::from(oid)) == Some(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn no_names(_: &str) -> Option<asn1::ObjectIdentifier> {
        None
    }

    /// The RDNs as (dotted OID, value) lists.
    fn read(text: &str) -> Result<Vec<Vec<(String, String)>>, Rfc4514Error> {
        Ok(parse(text, &no_names)?
            .into_iter()
            .map(|rdn| {
                rdn.into_iter()
                    .map(|attribute| (attribute.oid.to_string(), attribute.value))
                    .collect()
            })
            .collect())
    }

    fn one(oid: &str, value: &str) -> Vec<Vec<(String, String)>> {
        vec![vec![(oid.to_string(), value.to_string())]]
    }

    #[test]
    fn what_the_reference_reads() {
        // Each input with what the reference's Name.from_rfc4514_string makes of it.
        assert_eq!(read("").unwrap(), Vec::<Vec<_>>::new());
        assert_eq!(
            read("CN=a,O=b").unwrap(),
            vec![
                vec![("2.5.4.10".to_string(), "b".to_string())],
                vec![("2.5.4.3".to_string(), "a".to_string())],
            ]
        );
        assert_eq!(
            read("CN=a+O=b,C=NZ").unwrap(),
            vec![
                vec![("2.5.4.6".to_string(), "NZ".to_string())],
                vec![
                    ("2.5.4.3".to_string(), "a".to_string()),
                    ("2.5.4.10".to_string(), "b".to_string()),
                ],
            ]
        );
        assert_eq!(read("2.5.4.3=a").unwrap(), one("2.5.4.3", "a"));
        assert_eq!(read("CN=\\41").unwrap(), one("2.5.4.3", "A"));
        assert_eq!(read("CN=\\c3\\a9").unwrap(), one("2.5.4.3", "é"));
        assert_eq!(read("CN=a\\,b").unwrap(), one("2.5.4.3", "a,b"));
        assert_eq!(
            read("CN=#0403616263").unwrap(),
            one("2.5.4.3", "\x04\x03abc")
        );
        assert_eq!(read("CN=a=b").unwrap(), one("2.5.4.3", "a=b"));
        assert_eq!(read("CN=\\\"").unwrap(), one("2.5.4.3", "\""));
        assert_eq!(read("CN=a\\ ").unwrap(), one("2.5.4.3", "a "));
        assert_eq!(
            read("1.2.3=#1603616263").unwrap(),
            one("1.2.3", "\x16\x03abc")
        );
        assert_eq!(
            read("UID=u").unwrap(),
            one("0.9.2342.19200300.100.1.1", "u")
        );
        assert_eq!(
            read("DC=a").unwrap(),
            one("0.9.2342.19200300.100.1.25", "a")
        );
        assert_eq!(read("STREET=s").unwrap(), one("2.5.4.9", "s"));
        // The reference reads "CN= a" and "CN= \ a" as an empty CN followed by junk:
        // its NameAttribute then refuses the empty CN. Here the junk is the error.
        assert!(read("CN= a").is_err());
        assert!(read("CN= \\ a").is_err());
        assert_eq!(read("CN=").unwrap(), one("2.5.4.3", ""));
    }

    #[test]
    fn what_the_reference_refuses() {
        for bad in [
            "CN=a, O=b",
            " CN=a",
            "CN =a",
            "2.5.4.3 = a",
            "CN=a,",
            ",CN=a",
            "CN=a\"b",
            "CN=a;O=b",
            "CN=a\\",
        ] {
            assert!(matches!(read(bad), Err(Rfc4514Error::Syntax(_))), "{bad}");
        }
        // Names are exact: no other case.
        for unknown in [
            "FOO=a",
            "cn=a",
            "Cn=a",
            "EMAILADDRESS=x",
            "E=x",
            "SN=x",
            "GN=g",
        ] {
            assert!(
                matches!(read(unknown), Err(Rfc4514Error::UnknownAttributeType(_))),
                "{unknown}"
            );
        }
        assert_eq!(read("CN=\\c3"), Err(Rfc4514Error::NotUtf8));
        assert_eq!(read("CN=#zz"), Err(Rfc4514Error::NotHex));
    }

    #[test]
    fn caller_names_come_first() {
        let names = |name: &str| (name == "FOO").then_some(asn1::oid!(2, 5, 4, 3));
        let parsed = parse("FOO=a", &names).unwrap();
        assert_eq!(parsed[0][0].oid, asn1::oid!(2, 5, 4, 3));
    }
}
