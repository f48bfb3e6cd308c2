//! Key structures: SubjectPublicKeyInfo (RFC 5280), OneAsymmetricKey and
//! EncryptedPrivateKeyInfo (RFC 5958, PKCS#8), RSAPublicKey and RSAPrivateKey (RFC 8017),
//! ECPrivateKey (RFC 5915) and ECParameters (RFC 5480, SEC 1), Dss-Parms (RFC 3279) and
//! OpenSSL's traditional DSA private key. Each is read and written by the same type.

use crate::algorithm::AlgorithmIdentifier;
use crate::integer::Unsigned;
use crate::oid;

/// RFC 5280 section 4.1.
#[derive(asn1::Asn1Read, asn1::Asn1Write, Clone, Debug, PartialEq, Eq)]
pub struct SubjectPublicKeyInfo<'a> {
    pub algorithm: AlgorithmIdentifier<'a>,
    pub subject_public_key: asn1::BitString<'a>,
}

/// RFC 5958 OneAsymmetricKey (version 0 is PKCS#8's PrivateKeyInfo; version 1 may carry
/// the public key).
#[derive(asn1::Asn1Read, asn1::Asn1Write)]
pub struct PrivateKeyInfo<'a> {
    pub version: u8,
    pub algorithm: AlgorithmIdentifier<'a>,
    pub private_key: &'a [u8],
    #[implicit(0)]
    pub attributes: Option<asn1::SequenceOf<'a, asn1::Tlv<'a>>>,
    #[implicit(1)]
    pub public_key: Option<asn1::BitString<'a>>,
}

/// RFC 5958 section 3.
#[derive(asn1::Asn1Read, asn1::Asn1Write)]
pub struct EncryptedPrivateKeyInfo<'a> {
    pub encryption_algorithm: AlgorithmIdentifier<'a>,
    pub encrypted_data: &'a [u8],
}

/// RFC 8017 appendix A.1.1.
#[derive(asn1::Asn1Read, asn1::Asn1Write)]
pub struct RsaPublicKey<'a> {
    pub n: Unsigned<'a>,
    pub e: Unsigned<'a>,
}

/// RFC 8017 appendix A.1.2. Multi-prime keys (version 1, with otherPrimeInfos) are read
/// so that their reader can refuse them by name.
#[derive(asn1::Asn1Read, asn1::Asn1Write)]
pub struct RsaPrivateKey<'a> {
    pub version: u8,
    pub n: Unsigned<'a>,
    pub e: Unsigned<'a>,
    pub d: Unsigned<'a>,
    pub p: Unsigned<'a>,
    pub q: Unsigned<'a>,
    pub dmp1: Unsigned<'a>,
    pub dmq1: Unsigned<'a>,
    pub iqmp: Unsigned<'a>,
    pub other_prime_infos: Option<asn1::SequenceOf<'a, asn1::Tlv<'a>>>,
}

/// RFC 5915 section 3 (version 1).
#[derive(asn1::Asn1Read, asn1::Asn1Write)]
pub struct EcPrivateKey<'a> {
    pub version: u8,
    pub private_key: &'a [u8],
    #[explicit(0)]
    pub parameters: Option<EcParameters<'a>>,
    #[explicit(1)]
    pub public_key: Option<asn1::BitString<'a>>,
}

/// RFC 5480 section 2.1.1: a named curve, explicit parameters, or (never usable alone)
/// the issuer's curve.
#[derive(asn1::Asn1Read, asn1::Asn1Write, Clone, Debug, PartialEq, Eq)]
pub enum EcParameters<'a> {
    NamedCurve(asn1::ObjectIdentifier),
    SpecifiedCurve(Box<SpecifiedEcDomain<'a>>),
    ImplicitCurve(asn1::Null),
}

/// SEC 1 section C.2 SpecifiedECDomain: an explicitly described curve.
#[derive(asn1::Asn1Read, asn1::Asn1Write, Clone, Debug, PartialEq, Eq)]
pub struct SpecifiedEcDomain<'a> {
    pub version: u8,
    pub field_id: FieldId<'a>,
    pub curve: CurveCoefficients<'a>,
    pub base: &'a [u8],
    pub order: Unsigned<'a>,
    pub cofactor: Option<Unsigned<'a>>,
    pub hash: Option<AlgorithmIdentifier<'a>>,
}

/// SEC 1 section C.2 FieldID, its parameters typed by the field type.
#[derive(asn1::Asn1Read, asn1::Asn1Write, Clone, Debug, PartialEq, Eq)]
pub struct FieldId<'a> {
    pub field_type: asn1::DefinedByMarker<asn1::ObjectIdentifier>,
    #[defined_by(field_type)]
    pub parameters: FieldParameters<'a>,
}

#[derive(asn1::Asn1DefinedByRead, asn1::Asn1DefinedByWrite, Clone, Debug, PartialEq, Eq)]
pub enum FieldParameters<'a> {
    /// A prime field: its prime.
    #[defined_by(oid::PRIME_FIELD)]
    Prime(Unsigned<'a>),
    /// Characteristic-two fields and anything else, as they are.
    #[default]
    Other(asn1::ObjectIdentifier, asn1::Tlv<'a>),
}

#[derive(asn1::Asn1Read, asn1::Asn1Write, Clone, Debug, PartialEq, Eq)]
pub struct CurveCoefficients<'a> {
    pub a: &'a [u8],
    pub b: &'a [u8],
    pub seed: Option<asn1::BitString<'a>>,
}

/// RFC 3279 section 2.3.2: DSA's domain parameters.
#[derive(asn1::Asn1Read, asn1::Asn1Write, Clone, Debug, PartialEq, Eq)]
pub struct DssParms<'a> {
    pub p: Unsigned<'a>,
    pub q: Unsigned<'a>,
    pub g: Unsigned<'a>,
}

/// PKCS #3 section 9's DHParameter: the group of a dhKeyAgreement key and the content of
/// a "DH PARAMETERS" PEM block. privateValueLength only advises how long private values
/// should be; it is read and left unused.
#[derive(asn1::Asn1Read, asn1::Asn1Write, Clone, Debug, PartialEq, Eq)]
pub struct DhParameter<'a> {
    pub p: Unsigned<'a>,
    pub g: Unsigned<'a>,
    pub private_value_length: Option<u64>,
}

/// RFC 3279 section 2.3.3's DomainParameters (ANSI X9.42): the group of a dhpublicnumber
/// key, with the subgroup order q. j and the generation seed are read and not used.
#[derive(asn1::Asn1Read, asn1::Asn1Write, Clone, Debug, PartialEq, Eq)]
pub struct DhDomainParameters<'a> {
    pub p: Unsigned<'a>,
    pub g: Unsigned<'a>,
    pub q: Unsigned<'a>,
    pub j: Option<Unsigned<'a>>,
    pub validation_parms: Option<asn1::Sequence<'a>>,
}

/// DH parameters as OpenSSL writes them outside keys: p, g and, for an X9.42 group
/// ("X9.42 DH PARAMETERS"), q. A DER file says nothing of which it is, so a third
/// INTEGER is read as q.
#[derive(asn1::Asn1Read, asn1::Asn1Write, Clone, Debug, PartialEq, Eq)]
pub struct DhGroup<'a> {
    pub p: Unsigned<'a>,
    pub g: Unsigned<'a>,
    pub q: Option<Unsigned<'a>>,
}

/// OpenSSL's traditional DSA private key (version 0): the parameters, y and x.
#[derive(asn1::Asn1Read, asn1::Asn1Write)]
pub struct DsaPrivateKey<'a> {
    pub version: u8,
    pub p: Unsigned<'a>,
    pub q: Unsigned<'a>,
    pub g: Unsigned<'a>,
    pub y: Unsigned<'a>,
    pub x: Unsigned<'a>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::AlgorithmParameters;

    #[test]
    fn spki_of_an_x25519_key_round_trips() {
        // RFC 8410 section 10.1.
        let der = b"\x30\x2a\x30\x05\x06\x03\x2b\x65\x6e\x03\x21\x00\x19\xbf\x44\x09\x69\x84\xcd\xfe\x85\x41\xba\xc1\x67\xdc\x3b\x96\xc8\x50\x86\xaa\x30\xb6\xb6\xcb\x0c\x5c\x38\xad\x70\x31\x66\xe1";
        let spki = asn1::parse_single::<SubjectPublicKeyInfo<'_>>(der).unwrap();
        assert_eq!(spki.algorithm.params, AlgorithmParameters::X25519);
        assert_eq!(spki.subject_public_key.as_bytes()[0], 0x19);
        assert_eq!(asn1::write_single(&spki).unwrap(), der);
    }

    #[test]
    fn explicit_curve_fields_are_typed() {
        let domain = SpecifiedEcDomain {
            version: 1,
            field_id: FieldId {
                field_type: asn1::DefinedByMarker::marker(),
                parameters: FieldParameters::Prime(Unsigned::new(&[0xff, 0xfb])),
            },
            curve: CurveCoefficients {
                a: &[1],
                b: &[2],
                seed: None,
            },
            base: &[4, 1, 2],
            order: Unsigned::new(&[0x7f]),
            cofactor: Some(Unsigned::new(&[1])),
            hash: None,
        };
        let der =
            asn1::write_single(&EcParameters::SpecifiedCurve(Box::new(domain.clone()))).unwrap();
        let parsed = asn1::parse_single::<EcParameters<'_>>(&der).unwrap();
        assert_eq!(parsed, EcParameters::SpecifiedCurve(Box::new(domain)));
        assert_eq!(
            asn1::parse_single::<EcParameters<'_>>(b"\x05\x00").unwrap(),
            EcParameters::ImplicitCurve(())
        );
    }
}

/// The private key of ML-DSA (RFC 9881) and ML-KEM (RFC 9935) in PKCS #8's
/// privateKey: the seed, the expanded key, or both.
#[derive(asn1::Asn1Read, asn1::Asn1Write, Clone, Debug, PartialEq, Eq)]
pub enum SeedPrivateKey<'a> {
    #[implicit(0)]
    Seed(&'a [u8]),
    ExpandedKey(&'a [u8]),
    Both(SeedAndExpandedKey<'a>),
}

#[derive(asn1::Asn1Read, asn1::Asn1Write, Clone, Debug, PartialEq, Eq)]
pub struct SeedAndExpandedKey<'a> {
    pub seed: &'a [u8],
    pub expanded_key: &'a [u8],
}
