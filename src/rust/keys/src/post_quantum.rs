//! ML-DSA (RFC 9881) and ML-KEM (RFC 9935) keys in PKCS #8 and SubjectPublicKeyInfo:
//! no algorithm parameters; the public key is the BIT STRING of its encoding; the private
//! key is its seed, written as `[0] IMPLICIT OCTET STRING`. A file may also carry the
//! expanded key, alone or beside the seed: beside it, it must be what the seed expands to;
//! alone it cannot be read (no seed, nothing to write it back as).

use cryptography_asn1::algorithm::AlgorithmParameters;
use cryptography_asn1::keys::SeedPrivateKey;
use cryptography_backend::mldsa::{MlDsaPrivateKey, MlDsaPublicKey, MlDsaVariant};
use cryptography_backend::mlkem::{MlKemPrivateKey, MlKemPublicKey, MlKemVariant};
use zeroize::Zeroizing;

use crate::error::{KeyError, KeyResult};

/// The algorithm identifier of an ML-DSA parameter set.
pub(crate) fn mldsa_algorithm(variant: MlDsaVariant) -> AlgorithmParameters<'static> {
    match variant {
        MlDsaVariant::MlDsa44 => AlgorithmParameters::MlDsa44,
        MlDsaVariant::MlDsa65 => AlgorithmParameters::MlDsa65,
        MlDsaVariant::MlDsa87 => AlgorithmParameters::MlDsa87,
    }
}

/// The ML-DSA parameter set an algorithm identifier names, if any.
pub fn mldsa_variant_of(params: &AlgorithmParameters<'_>) -> Option<MlDsaVariant> {
    match params {
        AlgorithmParameters::MlDsa44 => Some(MlDsaVariant::MlDsa44),
        AlgorithmParameters::MlDsa65 => Some(MlDsaVariant::MlDsa65),
        AlgorithmParameters::MlDsa87 => Some(MlDsaVariant::MlDsa87),
        _ => None,
    }
}

/// The algorithm identifier of an ML-KEM parameter set.
pub(crate) fn mlkem_algorithm(variant: MlKemVariant) -> AlgorithmParameters<'static> {
    match variant {
        MlKemVariant::MlKem512 => AlgorithmParameters::MlKem512,
        MlKemVariant::MlKem768 => AlgorithmParameters::MlKem768,
        MlKemVariant::MlKem1024 => AlgorithmParameters::MlKem1024,
    }
}

/// The ML-KEM parameter set an algorithm identifier names, if any.
pub fn mlkem_variant_of(params: &AlgorithmParameters<'_>) -> Option<MlKemVariant> {
    match params {
        AlgorithmParameters::MlKem512 => Some(MlKemVariant::MlKem512),
        AlgorithmParameters::MlKem768 => Some(MlKemVariant::MlKem768),
        AlgorithmParameters::MlKem1024 => Some(MlKemVariant::MlKem1024),
        _ => None,
    }
}

/// The key of a PKCS #8 privateKey of the seed kind: made from the seed by `from_seed`,
/// an expanded key beside it compared with what `expanded` gives for it.
fn from_seed_key<K>(
    private_key: &[u8],
    from_seed: impl FnOnce(&[u8]) -> KeyResult<K>,
    expanded: impl FnOnce(&K) -> KeyResult<Zeroizing<Vec<u8>>>,
    without_seed: &'static str,
) -> KeyResult<K> {
    match asn1::parse_single::<SeedPrivateKey<'_>>(private_key)? {
        SeedPrivateKey::Seed(seed) => from_seed(seed),
        SeedPrivateKey::Both(both) => {
            let key = from_seed(both.seed)?;
            if *expanded(&key)? != *both.expanded_key {
                return Err(KeyError::Refused(
                    "The expanded private key does not match its seed",
                ));
            }
            Ok(key)
        }
        SeedPrivateKey::ExpandedKey(_) => Err(KeyError::Refused(without_seed)),
    }
}

/// The PKCS #8 privateKey of a seed.
fn seed_private_key(seed: &[u8]) -> KeyResult<Zeroizing<Vec<u8>>> {
    Ok(Zeroizing::new(asn1::write_single(&SeedPrivateKey::Seed(
        seed,
    ))?))
}

pub(crate) fn mldsa_from_pkcs8(
    variant: MlDsaVariant,
    private_key: &[u8],
) -> KeyResult<MlDsaPrivateKey> {
    from_seed_key(
        private_key,
        |seed| Ok(MlDsaPrivateKey::from_seed(variant, seed)?),
        |key| Ok(key.expanded_key()?),
        "ML-DSA private keys without their seed are not supported",
    )
}

pub(crate) fn mlkem_from_pkcs8(
    variant: MlKemVariant,
    private_key: &[u8],
) -> KeyResult<MlKemPrivateKey> {
    from_seed_key(
        private_key,
        |seed| Ok(MlKemPrivateKey::from_seed(variant, seed)?),
        |key| Ok(key.expanded_key()?),
        "ML-KEM private keys without their seed are not supported",
    )
}

pub(crate) fn mldsa_pkcs8_private_key(key: &MlDsaPrivateKey) -> KeyResult<Zeroizing<Vec<u8>>> {
    seed_private_key(key.seed())
}

pub(crate) fn mlkem_pkcs8_private_key(key: &MlKemPrivateKey) -> KeyResult<Zeroizing<Vec<u8>>> {
    seed_private_key(key.seed())
}

pub(crate) fn mldsa_from_spki(
    variant: MlDsaVariant,
    key_bytes: &[u8],
) -> KeyResult<MlDsaPublicKey> {
    Ok(MlDsaPublicKey::from_bytes(variant, key_bytes)?)
}

pub(crate) fn mlkem_from_spki(
    variant: MlKemVariant,
    key_bytes: &[u8],
) -> KeyResult<MlKemPublicKey> {
    Ok(MlKemPublicKey::from_bytes(variant, key_bytes)?)
}
