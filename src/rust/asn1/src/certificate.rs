//! X.509 certificates (RFC 5280 section 4.1): the certificate, its TBSCertificate,
//! validity times and extensions, each read and written by the same type.

use crate::algorithm::AlgorithmIdentifier;
use crate::keys::SubjectPublicKeyInfo;
use crate::name::Name;
use crate::oid_ref::OidRef;
use crate::read_or_built::ReadOrBuilt;

/// Certificate.
#[derive(asn1::Asn1Read, asn1::Asn1Write, Clone, Debug, PartialEq, Eq)]
pub struct Certificate<'a> {
    pub tbs_certificate: TbsCertificate<'a>,
    pub signature_algorithm: AlgorithmIdentifier<'a>,
    pub signature_value: asn1::BitString<'a>,
}

/// TBSCertificate. The version is v1 (0) when absent; DER forbids writing the default,
/// so a certificate that spells out v1 is refused, as the reference refuses it.
#[derive(asn1::Asn1Read, asn1::Asn1Write, Clone, Debug, PartialEq, Eq)]
pub struct TbsCertificate<'a> {
    #[explicit(0)]
    #[default(0u8)]
    pub version: u8,
    /// Signed: the reference accepts (with a warning) serials that are zero or negative.
    pub serial: asn1::BigInt<'a>,
    pub signature: AlgorithmIdentifier<'a>,
    pub issuer: Name<'a>,
    pub validity: Validity,
    pub subject: Name<'a>,
    pub spki: SubjectPublicKeyInfo<'a>,
    #[implicit(1)]
    pub issuer_unique_id: Option<asn1::BitString<'a>>,
    #[implicit(2)]
    pub subject_unique_id: Option<asn1::BitString<'a>>,
    #[explicit(3)]
    pub extensions: Option<Extensions<'a>>,
}

/// Validity.
#[derive(asn1::Asn1Read, asn1::Asn1Write, Clone, Debug, PartialEq, Eq, Hash)]
pub struct Validity {
    pub not_before: Time,
    pub not_after: Time,
}

/// Time: UTCTime for years 1950 to 2049, GeneralizedTime otherwise (RFC 5280 section
/// 4.1.2.5), both in the forms RFC 5280 allows (Zulu, seconds, no fractions). Read by
/// `time::read_time`, which gives exactly what the `asn1` crate's readers give.
#[derive(asn1::Asn1Write, Clone, Debug, PartialEq, Eq, Hash)]
pub enum Time {
    UtcTime(asn1::UtcTime),
    GeneralizedTime(asn1::X509GeneralizedTime),
}

impl<'a> asn1::Asn1Readable<'a> for Time {
    fn parse(parser: &mut asn1::Parser<'a>) -> asn1::ParseResult<Self> {
        crate::time::read_time(parser.read_element::<asn1::Tlv<'a>>()?)
    }

    fn can_parse(tag: asn1::Tag) -> bool {
        crate::time::is_time_tag(tag)
    }
}

impl Time {
    pub fn as_datetime(&self) -> &asn1::DateTime {
        match self {
            Time::UtcTime(time) => time.as_datetime(),
            Time::GeneralizedTime(time) => time.as_datetime(),
        }
    }

    /// The encoding RFC 5280 asks for: UTCTime through 2049, GeneralizedTime from 2050.
    pub fn for_datetime(datetime: asn1::DateTime) -> asn1::ParseResult<Time> {
        if (1950..2050).contains(&datetime.year()) {
            Ok(Time::UtcTime(asn1::UtcTime::new(datetime)?))
        } else {
            Ok(Time::GeneralizedTime(asn1::X509GeneralizedTime::new(
                datetime,
            )?))
        }
    }
}

/// Extension. `critical` is FALSE when absent (and DER forbids writing FALSE).
#[derive(asn1::Asn1Read, asn1::Asn1Write, Clone, Debug, PartialEq, Eq, Hash)]
pub struct Extension<'a> {
    pub extn_id: OidRef<'a>,
    #[default(false)]
    pub critical: bool,
    pub extn_value: &'a [u8],
}

/// Extensions: SEQUENCE SIZE (1..MAX) OF Extension.
pub type Extensions<'a> = ReadOrBuilt<
    'a,
    asn1::SequenceOf<'a, Extension<'a>, 1>,
    asn1::SequenceOfWriter<'a, Extension<'a>, Vec<Extension<'a>>>,
>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_follow_rfc_5280s_choice_of_encoding() {
        let at = |year| asn1::DateTime::new(year, 6, 1, 12, 0, 0).unwrap();
        assert!(matches!(Time::for_datetime(at(1950)), Ok(Time::UtcTime(_))));
        assert!(matches!(Time::for_datetime(at(2049)), Ok(Time::UtcTime(_))));
        assert!(matches!(
            Time::for_datetime(at(2050)),
            Ok(Time::GeneralizedTime(_))
        ));
        assert!(matches!(
            Time::for_datetime(at(1949)),
            Ok(Time::GeneralizedTime(_))
        ));
        // 2049-06-01T12:00:00Z as UTCTime.
        let der = asn1::write_single(&Time::for_datetime(at(2049)).unwrap()).unwrap();
        assert_eq!(der, b"\x17\x0d490601120000Z");
        assert_eq!(
            asn1::parse_single::<Time>(&der).unwrap().as_datetime(),
            &at(2049)
        );
    }

    /// vectors/x509/ed25519-ca.der: see the README there for how it was made and what
    /// OpenSSL reads in it.
    const ED25519_CA: &[u8] = include_bytes!("../../../../vectors/x509/ed25519-ca.der");

    #[test]
    fn a_certificate_made_by_openssl() {
        let certificate = asn1::parse_single::<Certificate<'_>>(ED25519_CA).unwrap();
        let tbs = &certificate.tbs_certificate;
        assert_eq!(tbs.version, 2);
        assert_eq!(tbs.serial.as_bytes(), [0x5e, 0xed]);
        assert_eq!(tbs.signature, certificate.signature_algorithm);
        assert_eq!(tbs.signature.params, crate::AlgorithmParameters::Ed25519);
        assert_eq!(tbs.issuer, tbs.subject);
        let cn = tbs.subject.read().unwrap().clone().nth(2).unwrap();
        let cn = cn.read().unwrap().clone().next().unwrap();
        assert_eq!(cn.attribute_type, asn1::oid!(2, 5, 4, 3));
        assert_eq!(cn.value.0.data, b"Ed25519 Test CA");
        assert_eq!(
            tbs.validity.not_before.as_datetime(),
            &asn1::DateTime::new(2026, 11, 30, 5, 51, 14).unwrap()
        );
        assert!(matches!(tbs.validity.not_after, Time::UtcTime(_)));
        let extensions: Vec<_> = tbs
            .extensions
            .as_ref()
            .unwrap()
            .read()
            .unwrap()
            .clone()
            .collect();
        let ids: Vec<_> = extensions.iter().map(|e| e.extn_id.to_string()).collect();
        assert_eq!(
            ids,
            [
                "2.5.29.14",
                "2.5.29.35",
                "2.5.29.19",
                "2.5.29.15",
                "2.5.29.17"
            ]
        );
        let critical: Vec<_> = extensions.iter().map(|e| e.critical).collect();
        assert_eq!(critical, [false, false, true, true, false]);
        assert_eq!(certificate.signature_value.as_bytes().len(), 64);
        assert_eq!(
            certificate.signature_value.as_bytes()[..3],
            [0x58, 0x77, 0x4c]
        );
        // Written back, byte for byte.
        assert_eq!(asn1::write_single(&certificate).unwrap(), ED25519_CA);
    }

    #[test]
    fn version_1_spelled_out_is_not_der() {
        // The fixture's [0] { INTEGER 2 } turned into [0] { INTEGER 0 }.
        let mut v1 = ED25519_CA.to_vec();
        assert_eq!(v1[8..11], [0xa0, 0x03, 0x02]);
        v1[12] = 0;
        assert!(asn1::parse_single::<Certificate<'_>>(&v1).is_err());
    }

    #[test]
    fn an_extension_is_not_critical_unless_it_says_so() {
        // basicConstraints (2.5.29.19), critical, cA TRUE.
        let der = b"\x30\x0f\x06\x03\x55\x1d\x13\x01\x01\xff\x04\x05\x30\x03\x01\x01\xff";
        let extension = asn1::parse_single::<Extension<'_>>(der).unwrap();
        assert!(extension.critical);
        assert_eq!(extension.extn_value, b"\x30\x03\x01\x01\xff");
        assert_eq!(asn1::write_single(&extension).unwrap(), der);
        // critical FALSE written out is not DER.
        let explicit_false =
            b"\x30\x0f\x06\x03\x55\x1d\x13\x01\x01\x00\x04\x05\x30\x03\x01\x01\xff";
        assert!(asn1::parse_single::<Extension<'_>>(explicit_false).is_err());
    }
}
