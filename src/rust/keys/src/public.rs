//! Public keys: SubjectPublicKeyInfo (RFC 5280, RFC 5480, RFC 8410) and PKCS#1
//! RSAPublicKey, read and written.

use cryptography_backend::ec::EcPublicKey;
use cryptography_backend::ecx::{RawKeyKind, RawPublicKey};
use cryptography_backend::rsa::{RsaPublicComponents, RsaPublicKey};

use cryptography_asn1::integer::Unsigned;
use cryptography_asn1::keys::{self as der, EcParameters, SubjectPublicKeyInfo};
use cryptography_asn1::{AlgorithmIdentifier, AlgorithmParameters};

use crate::error::{KeyError, KeyResult};
use crate::post_quantum;
use crate::{curves, PublicKey, PublicKeyRef};

/// The algorithm of each raw key kind (RFC 8410): an OID without parameters.
pub(crate) fn raw_kind_algorithm(kind: RawKeyKind) -> AlgorithmParameters<'static> {
    match kind {
        RawKeyKind::X25519 => AlgorithmParameters::X25519,
        RawKeyKind::X448 => AlgorithmParameters::X448,
        RawKeyKind::Ed25519 => AlgorithmParameters::Ed25519,
        RawKeyKind::Ed448 => AlgorithmParameters::Ed448,
    }
}

/// The raw key kind an algorithm identifier names, if any.
pub(crate) fn raw_kind_of(algorithm: &AlgorithmParameters<'_>) -> Option<RawKeyKind> {
    match algorithm {
        AlgorithmParameters::X25519 => Some(RawKeyKind::X25519),
        AlgorithmParameters::X448 => Some(RawKeyKind::X448),
        AlgorithmParameters::Ed25519 => Some(RawKeyKind::Ed25519),
        AlgorithmParameters::Ed448 => Some(RawKeyKind::Ed448),
        _ => None,
    }
}

/// Reads a PKCS#1 RSAPublicKey.
pub fn parse_pkcs1(der_bytes: &[u8]) -> KeyResult<RsaPublicKey> {
    let key = asn1::parse_single::<der::RsaPublicKey<'_>>(der_bytes)?;
    Ok(RsaPublicKey::from_encoded_components(
        &RsaPublicComponents {
            n: key.n.as_bytes().to_vec(),
            e: key.e.as_bytes().to_vec(),
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
    match &spki.algorithm.params {
        AlgorithmParameters::Rsa(_) | AlgorithmParameters::RsaPss(_) => {
            Ok(PublicKey::Rsa(parse_pkcs1(key_bytes)?))
        }
        AlgorithmParameters::Ec(params) => {
            let curve = curves::curve_from_parameters(params)?;
            // SEC 1 section 2.3.4: the single byte 0 encodes the point at infinity.
            if key_bytes == [0] {
                return Err(KeyError::Refused(
                    "Cannot load an EC public key where the point is at infinity",
                ));
            }
            Ok(PublicKey::Ec(EcPublicKey::from_key_encoding(
                curve, key_bytes,
            )?))
        }
        AlgorithmParameters::Dsa(parms) => Ok(PublicKey::Dsa(crate::dsa::public_from_spki(
            parms, key_bytes,
        )?)),
        params @ (AlgorithmParameters::Dh(_) | AlgorithmParameters::Dhx(_)) => {
            let group = crate::dh::group_of(params).ok_or(KeyError::Invalid("DH group"))?;
            Ok(PublicKey::Dh(crate::dh::public_from_spki(
                group, key_bytes,
            )?))
        }
        params if post_quantum::mldsa_variant_of(params).is_some() => {
            let variant =
                post_quantum::mldsa_variant_of(params).ok_or(KeyError::Invalid("ML-DSA"))?;
            Ok(PublicKey::MlDsa(post_quantum::mldsa_from_spki(
                variant, key_bytes,
            )?))
        }
        params if post_quantum::mlkem_variant_of(params).is_some() => {
            let variant =
                post_quantum::mlkem_variant_of(params).ok_or(KeyError::Invalid("ML-KEM"))?;
            Ok(PublicKey::MlKem(post_quantum::mlkem_from_spki(
                variant, key_bytes,
            )?))
        }
        params => match raw_kind_of(params) {
            Some(kind) => Ok(PublicKey::Raw(RawPublicKey::from_bytes(kind, key_bytes)?)),
            None => Err(KeyError::UnknownKeyType(spki.algorithm.oid().to_string())),
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
    Ok(asn1::write_single(&der::RsaPublicKey {
        n: Unsigned::new(&components.n),
        e: Unsigned::new(&components.e),
    })?)
}

/// The SubjectPublicKeyInfo of a key.
pub fn spki(key: PublicKeyRef<'_>) -> KeyResult<Vec<u8>> {
    match key {
        PublicKeyRef::Rsa(key) => spki_der(
            AlgorithmIdentifier::new(AlgorithmParameters::Rsa(Some(()))),
            &rsa_pkcs1_der(key)?,
        ),
        PublicKeyRef::Ec(key) => spki_der(
            AlgorithmIdentifier::new(AlgorithmParameters::Ec(EcParameters::NamedCurve(
                curves::curve_oid(key.curve()),
            ))),
            &key.encoded_point(false)?,
        ),
        PublicKeyRef::Dsa(key) => {
            let components = key.components();
            spki_der(
                crate::dsa::algorithm(&components.parameters),
                &crate::dsa::integer_der(&components.y)?,
            )
        }
        PublicKeyRef::Dh(key) => {
            let components = key.components();
            spki_der(
                crate::dh::algorithm(&components.parameters),
                &crate::dsa::integer_der(&components.y)?,
            )
        }
        PublicKeyRef::Raw(key) => spki_der(
            AlgorithmIdentifier::new(raw_kind_algorithm(key.kind())),
            &key.to_bytes()?,
        ),
        PublicKeyRef::MlDsa(key) => spki_der(
            AlgorithmIdentifier::new(post_quantum::mldsa_algorithm(key.variant())),
            key.as_bytes(),
        ),
        PublicKeyRef::MlKem(key) => spki_der(
            AlgorithmIdentifier::new(post_quantum::mlkem_algorithm(key.variant())),
            key.as_bytes(),
        ),
    }
}
