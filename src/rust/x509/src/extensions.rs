//! A certificate's (or CSR's, or CRL's) extensions: each OID at most once, and the
//! values of the standard ones decoded into their structures.

use cryptography_asn1::certificate::{Extension, Extensions};
use cryptography_asn1::extensions as der;

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
            return Err(X509Error::DuplicateExtension(extension.extn_id));
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
    PolicyMappings(Vec<der::PolicyMapping>),
    AuthorityKeyIdentifier(der::AuthorityKeyIdentifier<'a>),
    PolicyConstraints(der::PolicyConstraints),
    ExtendedKeyUsage(Vec<asn1::ObjectIdentifier>),
    InhibitAnyPolicy(asn1::BigUint<'a>),
    AuthorityInformationAccess(Vec<der::AccessDescription<'a>>),
    SubjectInformationAccess(Vec<der::AccessDescription<'a>>),
    TlsFeature(Vec<u64>),
    OcspNoCheck,
    PrecertPoison,
    MsCertificateTemplate(der::MsCertificateTemplate),
    PrecertSignedCertificateTimestamps(Vec<crate::sct::Sct>),
    SignedCertificateTimestamps(Vec<crate::sct::Sct>),
    CrlReason(u32),
    /// RFC 5280 section 5.3.2: a GeneralizedTime without fractions of a second.
    InvalidityDate(asn1::X509GeneralizedTime),
    CertificateIssuer(Vec<der::GeneralName<'a>>),
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

/// The value of `extension`, decoded by its OID.
pub fn decode<'a>(extension: &Extension<'a>) -> X509Result<Decoded<'a>> {
    use oids::*;
    let value = extension.extn_value;
    let oid = &extension.extn_id;
    Ok(if *oid == SUBJECT_KEY_IDENTIFIER {
        Decoded::SubjectKeyIdentifier(asn1::parse_single(value)?)
    } else if *oid == KEY_USAGE {
        Decoded::KeyUsage(asn1::parse_single(value)?)
    } else if *oid == PRIVATE_KEY_USAGE_PERIOD {
        Decoded::PrivateKeyUsagePeriod(asn1::parse_single(value)?)
    } else if *oid == SUBJECT_ALTERNATIVE_NAME {
        Decoded::SubjectAlternativeName(list(value)?)
    } else if *oid == ISSUER_ALTERNATIVE_NAME {
        Decoded::IssuerAlternativeName(list(value)?)
    } else if *oid == BASIC_CONSTRAINTS {
        Decoded::BasicConstraints(asn1::parse_single(value)?)
    } else if *oid == CRL_NUMBER {
        Decoded::CrlNumber(asn1::parse_single(value)?)
    } else if *oid == DELTA_CRL_INDICATOR {
        Decoded::DeltaCrlIndicator(asn1::parse_single(value)?)
    } else if *oid == ISSUING_DISTRIBUTION_POINT {
        Decoded::IssuingDistributionPoint(asn1::parse_single(value)?)
    } else if *oid == NAME_CONSTRAINTS {
        Decoded::NameConstraints(asn1::parse_single(value)?)
    } else if *oid == CRL_DISTRIBUTION_POINTS {
        Decoded::CrlDistributionPoints(list(value)?)
    } else if *oid == FRESHEST_CRL {
        Decoded::FreshestCrl(list(value)?)
    } else if *oid == CERTIFICATE_POLICIES {
        Decoded::CertificatePolicies(list(value)?)
    } else if *oid == POLICY_MAPPINGS {
        Decoded::PolicyMappings(list(value)?)
    } else if *oid == AUTHORITY_KEY_IDENTIFIER {
        Decoded::AuthorityKeyIdentifier(asn1::parse_single(value)?)
    } else if *oid == POLICY_CONSTRAINTS {
        Decoded::PolicyConstraints(asn1::parse_single(value)?)
    } else if *oid == EXTENDED_KEY_USAGE {
        // An empty list is refused, as the reference refuses it
        // (cryptography-vectors' x509/custom/empty-eku.pem).
        Decoded::ExtendedKeyUsage(non_empty_list(value)?)
    } else if *oid == INHIBIT_ANY_POLICY {
        Decoded::InhibitAnyPolicy(asn1::parse_single(value)?)
    } else if *oid == AUTHORITY_INFORMATION_ACCESS {
        Decoded::AuthorityInformationAccess(list(value)?)
    } else if *oid == SUBJECT_INFORMATION_ACCESS {
        Decoded::SubjectInformationAccess(list(value)?)
    } else if *oid == TLS_FEATURE {
        Decoded::TlsFeature(list(value)?)
    } else if *oid == OCSP_NO_CHECK {
        asn1::parse_single::<asn1::Null>(value)?;
        Decoded::OcspNoCheck
    } else if *oid == PRECERT_POISON {
        asn1::parse_single::<asn1::Null>(value)?;
        Decoded::PrecertPoison
    } else if *oid == PRECERT_SCTS {
        let list: &[u8] = asn1::parse_single(value)?;
        Decoded::PrecertSignedCertificateTimestamps(crate::sct::parse_list(list)?)
    } else if *oid == SCTS {
        let list: &[u8] = asn1::parse_single(value)?;
        Decoded::SignedCertificateTimestamps(crate::sct::parse_list(list)?)
    } else if *oid == CRL_REASON {
        Decoded::CrlReason(asn1::parse_single::<asn1::Enumerated>(value)?.value())
    } else if *oid == INVALIDITY_DATE {
        Decoded::InvalidityDate(asn1::parse_single(value)?)
    } else if *oid == CERTIFICATE_ISSUER {
        Decoded::CertificateIssuer(list(value)?)
    } else if *oid == MS_CERTIFICATE_TEMPLATE {
        Decoded::MsCertificateTemplate(asn1::parse_single(value)?)
    } else {
        Decoded::Unrecognized
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
        let decoded: Vec<_> = extensions.iter().map(|e| decode(e).unwrap()).collect();
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
            extn_id: oids::BASIC_CONSTRAINTS,
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
            extn_id: oids::PRECERT_POISON,
            critical: true,
            extn_value: value,
        };
        assert!(matches!(
            decode(&poison(b"\x05\x00")),
            Ok(Decoded::PrecertPoison)
        ));
        assert!(decode(&poison(b"\x04\x00")).is_err());
        let empty_eku = Extension {
            extn_id: oids::EXTENDED_KEY_USAGE,
            critical: false,
            extn_value: b"\x30\x00",
        };
        assert!(decode(&empty_eku).is_err());
        let other = Extension {
            extn_id: asn1::oid!(1, 2, 3),
            critical: false,
            extn_value: b"anything",
        };
        assert!(matches!(decode(&other), Ok(Decoded::Unrecognized)));
    }
}
