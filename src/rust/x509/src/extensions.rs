//! A certificate's (or CSR's, or CRL's) extensions: each OID at most once, and the
//! values of the standard ones decoded into their structures.

use cryptography_asn1::certificate::{Extension, Extensions};
use cryptography_asn1::extensions as der;
use cryptography_asn1::oid_ref::OidRef;

use crate::error::{X509Error, X509Result};

/// The standard extensions' OIDs (RFC 5280 unless noted).
pub mod oids {
    use asn1::ObjectIdentifier as Oid;

    pub const SUBJECT_KEY_IDENTIFIER: Oid = asn1::oid!(2, 5, 29, 14);
    pub const KEY_USAGE: Oid = asn1::oid!(2, 5, 29, 15);
    pub const PRIVATE_KEY_USAGE_PERIOD: Oid = asn1::oid!(2, 5, 29, 16);
    pub const SUBJECT_ALTERNATIVE_NAME: Oid = asn1::oid!(2, 5, 29, 17);
    pub const ISSUER_ALTERNATIVE_NAME: Oid = asn1::oid!(2, 5, 29, 18);
    pub const BASIC_CONSTRAINTS: Oid = asn1::oid!(2, 5, 29, 19);
    pub const CRL_NUMBER: Oid = asn1::oid!(2, 5, 29, 20);
    pub const DELTA_CRL_INDICATOR: Oid = asn1::oid!(2, 5, 29, 27);
    pub const ISSUING_DISTRIBUTION_POINT: Oid = asn1::oid!(2, 5, 29, 28);
    pub const NAME_CONSTRAINTS: Oid = asn1::oid!(2, 5, 29, 30);
    pub const CRL_DISTRIBUTION_POINTS: Oid = asn1::oid!(2, 5, 29, 31);
    pub const CERTIFICATE_POLICIES: Oid = asn1::oid!(2, 5, 29, 32);
    pub const POLICY_MAPPINGS: Oid = asn1::oid!(2, 5, 29, 33);
    pub const AUTHORITY_KEY_IDENTIFIER: Oid = asn1::oid!(2, 5, 29, 35);
    pub const POLICY_CONSTRAINTS: Oid = asn1::oid!(2, 5, 29, 36);
    pub const EXTENDED_KEY_USAGE: Oid = asn1::oid!(2, 5, 29, 37);
    pub const FRESHEST_CRL: Oid = asn1::oid!(2, 5, 29, 46);
    pub const INHIBIT_ANY_POLICY: Oid = asn1::oid!(2, 5, 29, 54);
    pub const AUTHORITY_INFORMATION_ACCESS: Oid = asn1::oid!(1, 3, 6, 1, 5, 5, 7, 1, 1);
    pub const SUBJECT_INFORMATION_ACCESS: Oid = asn1::oid!(1, 3, 6, 1, 5, 5, 7, 1, 11);
    /// RFC 7633.
    pub const TLS_FEATURE: Oid = asn1::oid!(1, 3, 6, 1, 5, 5, 7, 1, 24);
    /// RFC 6960 section 4.2.2.2.1.
    pub const OCSP_NO_CHECK: Oid = asn1::oid!(1, 3, 6, 1, 5, 5, 7, 48, 1, 5);
    /// RFC 6962 section 3.1.
    pub const PRECERT_POISON: Oid = asn1::oid!(1, 3, 6, 1, 4, 1, 11129, 2, 4, 3);
    /// CRL entry extensions (RFC 5280 section 5.3).
    pub const CRL_REASON: Oid = asn1::oid!(2, 5, 29, 21);
    pub const INVALIDITY_DATE: Oid = asn1::oid!(2, 5, 29, 24);
    pub const CERTIFICATE_ISSUER: Oid = asn1::oid!(2, 5, 29, 29);
    /// RFC 6962: SCT lists in a precertificate and in a certificate.
    pub const PRECERT_SCTS: Oid = asn1::oid!(1, 3, 6, 1, 4, 1, 11129, 2, 4, 2);
    pub const SCTS: Oid = asn1::oid!(1, 3, 6, 1, 4, 1, 11129, 2, 4, 5);
    /// Microsoft's certificate template.
    pub const MS_CERTIFICATE_TEMPLATE: Oid = asn1::oid!(1, 3, 6, 1, 4, 1, 311, 21, 7);
    /// RFC 6960 section 4.4: an OCSP request's nonce and the response types it accepts.
    pub const OCSP_NONCE: Oid = asn1::oid!(1, 3, 6, 1, 5, 5, 7, 48, 1, 2);
    pub const OCSP_ACCEPTABLE_RESPONSES: Oid = asn1::oid!(1, 3, 6, 1, 5, 5, 7, 48, 1, 4);
    /// Certificate policy qualifiers (RFC 5280 section 4.2.1.4): a CPS URI and a user
    /// notice.
    pub const CPS_QUALIFIER: Oid = asn1::oid!(1, 3, 6, 1, 5, 5, 7, 2, 1);
    pub const USER_NOTICE_QUALIFIER: Oid = asn1::oid!(1, 3, 6, 1, 5, 5, 7, 2, 2);
    /// Common PKI (ISIS-MTT) professional admissions.
    pub const ADMISSIONS: Oid = asn1::oid!(1, 3, 36, 8, 3, 3);
}

/// The extensions in their encoded order, refusing a second extension with an OID
/// already seen (RFC 5280 section 4.2).
pub fn unique<'a>(extensions: Option<&Extensions<'a>>) -> X509Result<Vec<Extension<'a>>> {
    let Some(list) = extensions.and_then(|extensions| extensions.read()) else {
        return Ok(Vec::new());
    };
    let mut seen: Vec<Extension<'a>> = Vec::new();
    for extension in list.clone() {
        if seen.iter().any(|other| other.extn_id == extension.extn_id) {
            return Err(X509Error::DuplicateExtension(extension.extn_id.to_oid()?));
        }
        seen.push(extension);
    }
    Ok(seen)
}

/// A standard extension's value, decoded; `Unrecognized` for any other OID.
#[derive(Debug)]
pub enum Decoded<'a> {
    SubjectKeyIdentifier(&'a [u8]),
    KeyUsage(asn1::BitString<'a>),
    PrivateKeyUsagePeriod(der::PrivateKeyUsagePeriod),
    SubjectAlternativeName(Vec<der::GeneralName<'a>>),
    IssuerAlternativeName(Vec<der::GeneralName<'a>>),
    BasicConstraints(der::BasicConstraints),
    CrlNumber(asn1::BigUint<'a>),
    DeltaCrlIndicator(asn1::BigUint<'a>),
    IssuingDistributionPoint(der::IssuingDistributionPoint<'a>),
    NameConstraints(der::NameConstraints<'a>),
    CrlDistributionPoints(Vec<der::DistributionPoint<'a>>),
    FreshestCrl(Vec<der::DistributionPoint<'a>>),
    CertificatePolicies(Vec<der::PolicyInformation<'a>>),
    AuthorityKeyIdentifier(der::AuthorityKeyIdentifier<'a>),
    PolicyConstraints(der::PolicyConstraints),
    ExtendedKeyUsage(Vec<asn1::ObjectIdentifier>),
    InhibitAnyPolicy(asn1::BigUint<'a>),
    AuthorityInformationAccess(Vec<der::AccessDescription<'a>>),
    SubjectInformationAccess(Vec<der::AccessDescription<'a>>),
    TlsFeature(Vec<u64>),
    OcspNoCheck,
    PrecertPoison,
    MsCertificateTemplate(der::MSCertificateTemplate),
    PrecertSignedCertificateTimestamps(Vec<crate::sct::Sct>),
    CrlReason(u32),
    /// RFC 5280 section 5.3.2: a GeneralizedTime without fractions of a second.
    InvalidityDate(asn1::X509GeneralizedTime),
    CertificateIssuer(Vec<der::GeneralName<'a>>),
    Admissions(der::Admissions<'a>),
    OcspNonce(&'a [u8]),
    OcspAcceptableResponses(Vec<asn1::ObjectIdentifier>),
    SignedCertificateTimestamps(Vec<crate::sct::Sct>),
    Unrecognized,
}

/// Reads a SEQUENCE OF in full (so that an error anywhere in it is reported now).
fn list<'a, T: asn1::Asn1Readable<'a> + 'a>(value: &'a [u8]) -> X509Result<Vec<T>> {
    Ok(asn1::parse_single::<asn1::SequenceOf<'a, T>>(value)?.collect())
}

/// Reads a SEQUENCE SIZE (1..MAX) OF in full.
fn non_empty_list<'a, T: asn1::Asn1Readable<'a> + 'a>(value: &'a [u8]) -> X509Result<Vec<T>> {
    Ok(asn1::parse_single::<asn1::SequenceOf<'a, T, 1>>(value)?.collect())
}

/// Where an extension list sits: each kind of object has its own extensions, and an
/// extension of another kind is kept unread (as the reference keeps it), not decoded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Context {
    Certificate,
    /// A CSR's requested extensions: a certificate's, less the precertificate ones.
    Request,
    Crl,
    CrlEntry,
    OcspRequest,
    OcspResponse,
    /// One certificate's status in a response: a CRL entry's extensions and SCTs.
    OcspSingleResponse,
}

/// Whether `oid` is an extension that `context` decodes.
fn decoded_in(oid: OidRef<'_>, context: Context) -> bool {
    use oids::*;
    const REQUEST: &[asn1::ObjectIdentifier] = &[
        SUBJECT_KEY_IDENTIFIER,
        KEY_USAGE,
        PRIVATE_KEY_USAGE_PERIOD,
        SUBJECT_ALTERNATIVE_NAME,
        ISSUER_ALTERNATIVE_NAME,
        BASIC_CONSTRAINTS,
        NAME_CONSTRAINTS,
        CRL_DISTRIBUTION_POINTS,
        FRESHEST_CRL,
        CERTIFICATE_POLICIES,
        AUTHORITY_KEY_IDENTIFIER,
        POLICY_CONSTRAINTS,
        EXTENDED_KEY_USAGE,
        INHIBIT_ANY_POLICY,
        AUTHORITY_INFORMATION_ACCESS,
        SUBJECT_INFORMATION_ACCESS,
        TLS_FEATURE,
        OCSP_NO_CHECK,
        MS_CERTIFICATE_TEMPLATE,
        ADMISSIONS,
    ];
    const CRL: &[asn1::ObjectIdentifier] = &[
        CRL_NUMBER,
        DELTA_CRL_INDICATOR,
        ISSUER_ALTERNATIVE_NAME,
        AUTHORITY_KEY_IDENTIFIER,
        AUTHORITY_INFORMATION_ACCESS,
        ISSUING_DISTRIBUTION_POINT,
        FRESHEST_CRL,
    ];
    const CRL_ENTRY: &[asn1::ObjectIdentifier] = &[CRL_REASON, INVALIDITY_DATE, CERTIFICATE_ISSUER];
    match context {
        Context::Certificate => {
            REQUEST.iter().any(|known| oid == *known)
                || oid == PRECERT_POISON
                || oid == PRECERT_SCTS
        }
        Context::Request => REQUEST.iter().any(|known| oid == *known),
        Context::Crl => CRL.iter().any(|known| oid == *known),
        Context::CrlEntry => CRL_ENTRY.iter().any(|known| oid == *known),
        Context::OcspRequest => oid == OCSP_NONCE || oid == OCSP_ACCEPTABLE_RESPONSES,
        Context::OcspResponse => oid == OCSP_NONCE,
        Context::OcspSingleResponse => CRL_ENTRY.iter().any(|known| oid == *known) || oid == SCTS,
    }
}

/// The value of `extension` in a list of `context`, decoded by its OID.
pub fn decode<'a>(extension: &Extension<'a>, context: Context) -> X509Result<Decoded<'a>> {
    use oids::*;
    let value = extension.extn_value;
    let oid = extension.extn_id;
    if !decoded_in(oid, context) {
        return Ok(Decoded::Unrecognized);
    }
    Ok(if oid == SUBJECT_KEY_IDENTIFIER {
        Decoded::SubjectKeyIdentifier(asn1::parse_single(value)?)
    } else if oid == KEY_USAGE {
        Decoded::KeyUsage(asn1::parse_single(value)?)
    } else if oid == PRIVATE_KEY_USAGE_PERIOD {
        Decoded::PrivateKeyUsagePeriod(asn1::parse_single(value)?)
    } else if oid == SUBJECT_ALTERNATIVE_NAME {
        Decoded::SubjectAlternativeName(
            list(value).map_err(|err| err.in_field("subject_alternative_name"))?,
        )
    } else if oid == ISSUER_ALTERNATIVE_NAME {
        Decoded::IssuerAlternativeName(
            list(value).map_err(|err| err.in_field("issuer_alternative_name"))?,
        )
    } else if oid == BASIC_CONSTRAINTS {
        Decoded::BasicConstraints(asn1::parse_single(value)?)
    } else if oid == CRL_NUMBER {
        Decoded::CrlNumber(asn1::parse_single(value)?)
    } else if oid == DELTA_CRL_INDICATOR {
        Decoded::DeltaCrlIndicator(asn1::parse_single(value)?)
    } else if oid == ISSUING_DISTRIBUTION_POINT {
        Decoded::IssuingDistributionPoint(asn1::parse_single(value)?)
    } else if oid == NAME_CONSTRAINTS {
        Decoded::NameConstraints(asn1::parse_single(value)?)
    } else if oid == CRL_DISTRIBUTION_POINTS {
        Decoded::CrlDistributionPoints(list(value)?)
    } else if oid == FRESHEST_CRL {
        Decoded::FreshestCrl(list(value)?)
    } else if oid == CERTIFICATE_POLICIES {
        Decoded::CertificatePolicies(list(value)?)
    } else if oid == AUTHORITY_KEY_IDENTIFIER {
        Decoded::AuthorityKeyIdentifier(asn1::parse_single(value)?)
    } else if oid == POLICY_CONSTRAINTS {
        Decoded::PolicyConstraints(asn1::parse_single(value)?)
    } else if oid == EXTENDED_KEY_USAGE {
        // An empty list is refused, as the reference refuses it
        // (cryptography-vectors' x509/custom/empty-eku.pem).
        Decoded::ExtendedKeyUsage(non_empty_list(value)?)
    } else if oid == INHIBIT_ANY_POLICY {
        Decoded::InhibitAnyPolicy(asn1::parse_single(value)?)
    } else if oid == AUTHORITY_INFORMATION_ACCESS {
        Decoded::AuthorityInformationAccess(list(value)?)
    } else if oid == SUBJECT_INFORMATION_ACCESS {
        Decoded::SubjectInformationAccess(list(value)?)
    } else if oid == TLS_FEATURE {
        Decoded::TlsFeature(list(value)?)
    } else if oid == OCSP_NO_CHECK {
        asn1::parse_single::<asn1::Null>(value)?;
        Decoded::OcspNoCheck
    } else if oid == PRECERT_POISON {
        asn1::parse_single::<asn1::Null>(value)?;
        Decoded::PrecertPoison
    } else if oid == PRECERT_SCTS {
        let list: &[u8] = asn1::parse_single(value)?;
        Decoded::PrecertSignedCertificateTimestamps(crate::sct::parse_list(list)?)
    } else if oid == CRL_REASON {
        Decoded::CrlReason(asn1::parse_single::<asn1::Enumerated>(value)?.value())
    } else if oid == INVALIDITY_DATE {
        Decoded::InvalidityDate(asn1::parse_single(value)?)
    } else if oid == CERTIFICATE_ISSUER {
        Decoded::CertificateIssuer(list(value)?)
    } else if oid == MS_CERTIFICATE_TEMPLATE {
        Decoded::MsCertificateTemplate(asn1::parse_single(value)?)
    } else if oid == ADMISSIONS {
        Decoded::Admissions(asn1::parse_single(value)?)
    } else if oid == OCSP_NONCE {
        Decoded::OcspNonce(asn1::parse_single(value)?)
    } else if oid == OCSP_ACCEPTABLE_RESPONSES {
        Decoded::OcspAcceptableResponses(list(value)?)
    } else if oid == SCTS {
        let list: &[u8] = asn1::parse_single(value)?;
        Decoded::SignedCertificateTimestamps(crate::sct::parse_list(list)?)
    } else {
        Decoded::Unrecognized
    })
}

/// RFC 5280 section 4.2.1.2's key identifier, method (1): the SHA-1 of the
/// subjectPublicKey BIT STRING of a SubjectPublicKeyInfo. The key must be whole bytes
/// (no unused bits): every key encoding is, and a hash of a partial byte would name
/// bits that are not part of the key.
pub fn key_identifier(spki: &[u8]) -> X509Result<Vec<u8>> {
    use cryptography_backend::hash::{HashAlgorithm, Hasher};
    let spki = asn1::parse_single::<cryptography_asn1::keys::SubjectPublicKeyInfo<'_>>(spki)?;
    if spki.subject_public_key.padding_bits() != 0 {
        return Err(asn1::ParseError::new(asn1::ParseErrorKind::InvalidValue).into());
    }
    let mut digest = vec![0u8; HashAlgorithm::Sha1.output_len()];
    Hasher::digest_into(
        HashAlgorithm::Sha1,
        spki.subject_public_key.as_bytes(),
        &mut digest,
    )?;
    Ok(digest)
}

/// A DisplayText's text.
pub struct Text<'a> {
    pub text: std::borrow::Cow<'a, str>,
    /// A VisibleString held more than visible ASCII (it was read as UTF-8): issued
    /// certificates do this, so it is accepted, and the reader may warn.
    pub lax_visible_string: bool,
}

/// The text of a DisplayText. Every type's rule was checked in parsing except
/// VisibleString's: visible ASCII and space, else UTF-8 (flagged), else an error.
pub fn display_text<'a>(value: &der::DisplayText<'a>) -> X509Result<Text<'a>> {
    use std::borrow::Cow;
    let exact = |text: Cow<'a, str>| Text {
        text,
        lax_visible_string: false,
    };
    Ok(match value {
        der::DisplayText::IA5String(text) => exact(Cow::Borrowed(text.as_str())),
        der::DisplayText::Utf8String(text) => exact(Cow::Borrowed(text.as_str())),
        der::DisplayText::BmpString(text) => {
            let units = text
                .as_utf16_be_bytes()
                .chunks_exact(2)
                .map(|pair| u16::from_be_bytes([pair[0], pair[1]]));
            // Parsing checked the UTF-16, so this cannot fail; an error is still an
            // error rather than a panic.
            exact(Cow::Owned(
                String::from_utf16(&units.collect::<Vec<_>>())
                    .map_err(|_| asn1::ParseError::new(asn1::ParseErrorKind::InvalidValue))?,
            ))
        }
        der::DisplayText::VisibleString(bytes) => {
            let text = std::str::from_utf8(bytes.0)
                .map_err(|_| asn1::ParseError::new(asn1::ParseErrorKind::InvalidValue))?;
            Text {
                text: Cow::Borrowed(text),
                lax_visible_string: !bytes.0.iter().all(|b| b.is_ascii_graphic() || *b == b' '),
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Certificate;

    /// vectors/x509/ed25519-ca.der (see the README there).
    const ED25519_CA: &[u8] = include_bytes!("../../../../vectors/x509/ed25519-ca.der");

    #[test]
    fn the_fixtures_extensions() {
        let certificate = Certificate::from_der(ED25519_CA.to_vec()).unwrap();
        let extensions = unique(certificate.parsed().tbs_certificate.extensions.as_ref()).unwrap();
        let decoded: Vec<_> = extensions
            .iter()
            .map(|e| decode(e, Context::Certificate).unwrap())
            .collect();
        assert!(matches!(decoded[0], Decoded::SubjectKeyIdentifier(id) if id.len() == 20));
        match &decoded[1] {
            Decoded::AuthorityKeyIdentifier(aki) => {
                assert_eq!(aki.key_identifier.unwrap()[..3], [0xa9, 0x45, 0x8d]);
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            decoded[2],
            Decoded::BasicConstraints(der::BasicConstraints {
                ca: true,
                path_length: None
            })
        ));
        // keyCertSign (bit 5) and cRLSign (bit 6).
        match &decoded[3] {
            Decoded::KeyUsage(bits) => {
                let set: Vec<usize> = (0..9).filter(|&bit| bits.has_bit_set(bit)).collect();
                assert_eq!(set, [5, 6]);
            }
            other => panic!("{other:?}"),
        }
        match &decoded[4] {
            Decoded::SubjectAlternativeName(names) => {
                assert_eq!(
                    names[0],
                    der::GeneralName::DnsName(der::Ia5Bytes(b"ca.example"))
                );
                assert_eq!(names[1], der::GeneralName::IpAddress(&[192, 0, 2, 1]));
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_repeated_extension_is_refused() {
        let extension = Extension {
            extn_id: OidRef::from(&oids::BASIC_CONSTRAINTS),
            critical: true,
            extn_value: b"\x30\x00",
        };
        let twice: Extensions<'_> = cryptography_asn1::read_or_built::ReadOrBuilt::Built(
            asn1::SequenceOfWriter::new(vec![extension.clone(), extension]),
        );
        let der = asn1::write_single(&twice).unwrap();
        let parsed = asn1::parse_single::<Extensions<'_>>(&der).unwrap();
        assert!(matches!(
            unique(Some(&parsed)),
            Err(X509Error::DuplicateExtension(oid)) if oid == oids::BASIC_CONSTRAINTS
        ));
    }

    #[test]
    fn null_valued_extensions_must_be_null() {
        let poison = |value: &'static [u8]| Extension {
            extn_id: OidRef::from(&oids::PRECERT_POISON),
            critical: true,
            extn_value: value,
        };
        assert!(matches!(
            decode(&poison(b"\x05\x00"), Context::Certificate),
            Ok(Decoded::PrecertPoison)
        ));
        assert!(decode(&poison(b"\x04\x00"), Context::Certificate).is_err());
        let empty_eku = Extension {
            extn_id: OidRef::from(&oids::EXTENDED_KEY_USAGE),
            critical: false,
            extn_value: b"\x30\x00",
        };
        assert!(decode(&empty_eku, Context::Certificate).is_err());
        const UNKNOWN: asn1::ObjectIdentifier = asn1::oid!(1, 2, 3);
        let other = Extension {
            extn_id: OidRef::from(&UNKNOWN),
            critical: false,
            extn_value: b"anything",
        };
        assert!(matches!(
            decode(&other, Context::Certificate),
            Ok(Decoded::Unrecognized)
        ));
    }

    #[test]
    fn display_texts_of_every_type() {
        let text = |der: &'static [u8]| {
            let value = asn1::parse_single::<der::DisplayText<'_>>(der)?;
            display_text(&value).map(|text| (text.text.into_owned(), text.lax_visible_string))
        };
        assert_eq!(text(b"\x16\x02ab").unwrap(), ("ab".into(), false));
        assert_eq!(text(b"\x0c\x02\xc3\xa4").unwrap(), ("\u{e4}".into(), false));
        assert_eq!(text(b"\x1e\x04\x00a\x00b").unwrap(), ("ab".into(), false));
        assert_eq!(text(b"\x1a\x02a ").unwrap(), ("a ".into(), false));
        // UTF-8 in a VisibleString, as issued certificates have it: read, flagged.
        assert_eq!(text(b"\x1a\x02\xc3\xa4").unwrap(), ("\u{e4}".into(), true));
        assert_eq!(text(b"\x1a\x01\n").unwrap(), ("\n".into(), true));
        // Each type's rule: ASCII, UTF-8, whole UTF-16 code units, UTF-8 at least.
        for bad in [
            &b"\x16\x01\x80"[..],
            b"\x0c\x01\xc3",
            b"\x1e\x01\x00",
            b"\x1e\x02\xd8\x00",
            b"\x1a\x01\x80",
            // A PrintableString is not a DisplayText.
            b"\x13\x01a",
        ] {
            assert!(text(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn admissions_of_the_common_pki_profile() {
        let admissions = |value: &'static [u8]| {
            decode(
                &Extension {
                    extn_id: OidRef::from(&oids::ADMISSIONS),
                    critical: false,
                    extn_value: value,
                },
                Context::Certificate,
            )
        };
        // No authority, one admission with one empty profession info.
        match admissions(b"\x30\x0a\x30\x08\x30\x06\x30\x04\x30\x02\x30\x00").unwrap() {
            Decoded::Admissions(syntax) => {
                assert!(syntax.admission_authority.is_none());
                let list: Vec<_> = syntax
                    .contents_of_admissions
                    .read()
                    .unwrap()
                    .clone()
                    .collect();
                assert_eq!(list.len(), 1);
                assert!(list[0].naming_authority.is_none());
            }
            other => panic!("{other:?}"),
        }
        // An authority (a DNS name) before the list.
        assert!(matches!(
            admissions(b"\x30\x05\x82\x01a\x30\x00").unwrap(),
            Decoded::Admissions(der::Admissions {
                admission_authority: Some(der::GeneralName::DnsName(der::Ia5Bytes(b"a"))),
                ..
            })
        ));
        // A registration number must be a PrintableString; the list is not optional.
        assert!(admissions(b"\x30\x0d\x30\x0b\x30\x09\x30\x07\x30\x05\x30\x00\x13\x01!").is_err());
        assert!(admissions(b"\x30\x00").is_err());
    }

    #[test]
    fn each_kind_of_object_decodes_its_own_extensions() {
        let extension = |oid: &'static asn1::ObjectIdentifier, value: &'static [u8]| Extension {
            extn_id: OidRef::from(oid),
            critical: false,
            extn_value: value,
        };
        // A malformed CRL number is an error in a CRL and unread in a certificate.
        let number = extension(&oids::CRL_NUMBER, b"\x30\x00");
        assert!(decode(&number, Context::Crl).is_err());
        for context in [Context::Certificate, Context::Request, Context::CrlEntry] {
            assert!(matches!(
                decode(&number, context),
                Ok(Decoded::Unrecognized)
            ));
        }
        // Precertificate extensions belong to certificates only.
        let poison = extension(&oids::PRECERT_POISON, b"\x30\x00");
        assert!(decode(&poison, Context::Certificate).is_err());
        assert!(matches!(
            decode(&poison, Context::Request),
            Ok(Decoded::Unrecognized)
        ));
        let reason = extension(&oids::CRL_REASON, b"\x0a\x01\x01");
        assert!(matches!(
            decode(&reason, Context::CrlEntry),
            Ok(Decoded::CrlReason(1))
        ));
        assert!(matches!(
            decode(&reason, Context::Crl),
            Ok(Decoded::Unrecognized)
        ));
        // A broken alternative name says which extension it was in.
        let san = extension(&oids::SUBJECT_ALTERNATIVE_NAME, b"\x30\x02\xa0\x00");
        let Err(X509Error::Parse(err)) = decode(&san, Context::Certificate) else {
            panic!("a malformed SAN decoded");
        };
        assert!(format!("{err:?}").contains("\"subject_alternative_name\", 0"));
    }

    #[test]
    fn key_identifiers_are_the_sha1_of_whole_byte_keys() {
        // SubjectPublicKeyInfo { Ed25519, 32 zero bytes }.
        let mut spki = b"\x30\x2a\x30\x05\x06\x03\x2b\x65\x70\x03\x21\x00".to_vec();
        spki.extend_from_slice(&[0; 32]);
        // SHA-1 of 32 zero bytes.
        assert_eq!(
            key_identifier(&spki).unwrap(),
            b"\xde\x8a\x84\x7b\xff\x8c\x34\x3d\x69\xb8\x53\xa2\x15\xe6\xee\x77\x5e\xf2\xef\x96"
        );
        // The same bits with one unused bit declared: refused.
        spki[11] = 1;
        assert!(key_identifier(&spki).is_err());
        assert!(key_identifier(b"\x30\x00").is_err());
    }
}
