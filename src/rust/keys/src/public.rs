//! Public keys: SubjectPublicKeyInfo (RFC 5280, RFC 5480, RFC 8410) and PKCS#1
//! RSAPublicKey, read and written.

use cryptography_backend::ec::EcPublicKey;
use cryptography_backend::ecx::{RawKeyKind, RawPublicKey};
use cryptography_backend::rsa::{RsaPublicComponents, RsaPublicKey};

use crate::der::{self, oid, AlgorithmIdentifier, SubjectPublicKeyInfo};
use crate::error::{KeyError, KeyResult};
use crate::{curves, PublicKey, PublicKeyRef};

/// The algorithm OID of each raw key kind (RFC 8410).
pub(crate) fn raw_kind_oid(kind: RawKeyKind) -> asn1::ObjectIdentifier {
    match kind {
        RawKeyKind::X25519 => oid::X25519,
        RawKeyKind::X448 => oid::X448,
        RawKeyKind::Ed25519 => oid::ED25519,
        RawKeyKind::Ed448 => oid::ED448,
    }
}

pub(crate) fn raw_kind_for_oid(algorithm: &asn1::ObjectIdentifier) -> Option<RawKeyKind> {
    [
        RawKeyKind::X25519,
        RawKeyKind::X448,
        RawKeyKind::Ed25519,
        RawKeyKind::Ed448,
    ]
    .into_iter()
    .find(|kind| &raw_kind_oid(*kind) == algorithm)
}

/// Reads a PKCS#1 RSAPublicKey.
pub fn parse_pkcs1(der_bytes: &[u8]) -> KeyResult<RsaPublicKey> {
    let key = asn1::parse_single::<der::RsaPublicKey<'_>>(der_bytes)?;
    Ok(RsaPublicKey::from_encoded_components(
        &RsaPublicComponents {
            n: der::magnitude(&key.n).to_vec(),
            e: der::magnitude(&key.e).to_vec(),
        },
    )?)
}

/// Reads a SubjectPublicKeyInfo.
pub fn parse_spki(der_bytes: &[u8]) -> KeyResult<PublicKey> {
    let spki = asn1::parse_single::<SubjectPublicKeyInfo<'_>>(der_bytes)?;
    if spki.subject_public_key.padding_bits() != 0 {
        return Err(KeyError::Invalid("public key bit string has unused bits"));
    }
    let key_bytes = spki.subject_public_key.as_bytes();
    let algorithm = &spki.algorithm;
    match algorithm.oid {
        oid::RSA | oid::RSASSA_PSS => {
            if algorithm.oid == oid::RSA && !algorithm.params_absent_or_null() {
                return Err(KeyError::Invalid("RSA parameters must be NULL"));
            }
            Ok(PublicKey::Rsa(parse_pkcs1(key_bytes)?))
        }
        oid::EC_PUBLIC_KEY => {
            let params = algorithm
                .params
                .as_ref()
                .ok_or(KeyError::Invalid("EC parameters missing"))?;
            let curve = curves::curve_from_parameters(params)?;
            Ok(PublicKey::Ec(EcPublicKey::from_key_encoding(
                curve, key_bytes,
            )?))
        }
        oid::DSA => Ok(PublicKey::Dsa(crate::dsa::public_from_spki(
            algorithm, key_bytes,
        )?)),
        oid::DH | oid::DHX => Err(KeyError::UnsupportedKeyType("DH")),
        ref other => match raw_kind_for_oid(other) {
            Some(kind) => {
                if algorithm.params.is_some() {
                    return Err(KeyError::Invalid("parameters must be absent"));
                }
                Ok(PublicKey::Raw(RawPublicKey::from_bytes(kind, key_bytes)?))
            }
            None => Err(KeyError::UnknownKeyType(other.to_string())),
        },
    }
}

/// Reads a DER public key: a SubjectPublicKeyInfo, else a PKCS#1 RSAPublicKey.
pub fn load_der(der_bytes: &[u8]) -> KeyResult<PublicKey> {
    match parse_spki(der_bytes) {
        Err(KeyError::Malformed(detail)) => match parse_pkcs1(der_bytes) {
            Ok(key) => Ok(PublicKey::Rsa(key)),
            Err(_) => Err(KeyError::Malformed(detail)),
        },
        other => other,
    }
}

/// Reads the first public-key block of a PEM document.
pub fn load_pem(data: &[u8]) -> KeyResult<PublicKey> {
    let block = crate::armor::find_key_block(data, false)?;
    if block.label() == "RSA PUBLIC KEY" {
        // Some tools write an RSA SubjectPublicKeyInfo under the PKCS#1 label; anything
        // else under that label is a mistake worth naming.
        return match parse_pkcs1(block.contents()) {
            Ok(key) => Ok(PublicKey::Rsa(key)),
            Err(err) => match parse_spki(block.contents()) {
                Ok(PublicKey::Rsa(key)) => Ok(PublicKey::Rsa(key)),
                Ok(_) => Err(KeyError::WrongPemLabel),
                Err(_) => Err(err),
            },
        };
    }
    parse_spki(block.contents())
}

/// A SubjectPublicKeyInfo over the given algorithm identifier and key bytes.
pub(crate) fn spki_der(algorithm: AlgorithmIdentifier<'_>, key_bytes: &[u8]) -> KeyResult<Vec<u8>> {
    let spki = SubjectPublicKeyInfo {
        algorithm,
        subject_public_key: asn1::BitString::new(key_bytes, 0)
            .ok_or(KeyError::Invalid("bit string"))?,
    };
    Ok(asn1::write_single(&spki)?)
}

/// The PKCS#1 RSAPublicKey of a key.
pub fn rsa_pkcs1_der(key: &RsaPublicKey) -> KeyResult<Vec<u8>> {
    let components = key.components();
    Ok(asn1::write_single(&der::RsaPublicKeyOut {
        n: der::Unsigned::new(&components.n),
        e: der::Unsigned::new(&components.e),
    })?)
}

/// DER NULL, RSA's algorithm parameters.
pub(crate) const NULL_DER: [u8; 2] = [0x05, 0x00];

/// The SubjectPublicKeyInfo of a key.
pub fn spki(key: PublicKeyRef<'_>) -> KeyResult<Vec<u8>> {
    match key {
        PublicKeyRef::Rsa(key) => spki_der(
            AlgorithmIdentifier::with_params(oid::RSA, &NULL_DER)?,
            &rsa_pkcs1_der(key)?,
        ),
        PublicKeyRef::Ec(key) => {
            let curve = asn1::write_single(&curves::curve_oid(key.curve()))?;
            spki_der(
                AlgorithmIdentifier::with_params(oid::EC_PUBLIC_KEY, &curve)?,
                &key.encoded_point(false)?,
            )
        }
        PublicKeyRef::Dsa(key) => {
            let components = key.components();
            let parameters = crate::dsa::parameters_der(&components.parameters)?;
            spki_der(
                crate::dsa::algorithm(&parameters)?,
                &crate::dsa::integer_der(&components.y)?,
            )
        }
        PublicKeyRef::Raw(key) => spki_der(
            AlgorithmIdentifier {
                oid: raw_kind_oid(key.kind()),
                params: None,
            },
            &key.to_bytes()?,
        ),
    }
}
