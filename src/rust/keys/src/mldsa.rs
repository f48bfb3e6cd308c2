//! ML-DSA keys in PKCS #8 and SubjectPublicKeyInfo (RFC 9881): no algorithm
//! parameters; the public key is the BIT STRING of its encoding; the private key is the
//! 32-byte seed, written as `[0] IMPLICIT OCTET STRING`. A file may also carry the
//! expanded key, alone or beside the seed: beside it, it must be what the seed expands to;
//! alone it cannot be read (no seed, nothing to write it back as).

use cryptography_asn1::algorithm::AlgorithmParameters;
use cryptography_asn1::keys::MlDsaPrivateKey as Der;
use cryptography_backend::mldsa::{MlDsaPrivateKey, MlDsaPublicKey, MlDsaVariant};
use zeroize::Zeroizing;

use crate::error::{KeyError, KeyResult};

/// The algorithm identifier of a parameter set.
pub(crate) fn algorithm(variant: MlDsaVariant) -> AlgorithmParameters<'static> {
    match variant {
        MlDsaVariant::MlDsa44 => AlgorithmParameters::MlDsa44,
        MlDsaVariant::MlDsa65 => AlgorithmParameters::MlDsa65,
        MlDsaVariant::MlDsa87 => AlgorithmParameters::MlDsa87,
    }
}

/// The parameter set an algorithm identifier names, if it is ML-DSA.
pub fn variant_of(params: &AlgorithmParameters<'_>) -> Option<MlDsaVariant> {
    match params {
        AlgorithmParameters::MlDsa44 => Some(MlDsaVariant::MlDsa44),
        AlgorithmParameters::MlDsa65 => Some(MlDsaVariant::MlDsa65),
        AlgorithmParameters::MlDsa87 => Some(MlDsaVariant::MlDsa87),
        _ => None,
    }
}

/// The key of a PKCS #8 privateKey.
pub(crate) fn private_from_pkcs8(
    variant: MlDsaVariant,
    private_key: &[u8],
) -> KeyResult<MlDsaPrivateKey> {
    match asn1::parse_single::<Der<'_>>(private_key)? {
        Der::Seed(seed) => Ok(MlDsaPrivateKey::from_seed(variant, seed)?),
        Der::Both(both) => {
            let key = MlDsaPrivateKey::from_seed(variant, both.seed)?;
            if *key.expanded_key()? != *both.expanded_key {
                return Err(KeyError::Refused(
                    "The ML-DSA expanded private key does not match its seed",
                ));
            }
            Ok(key)
        }
        Der::ExpandedKey(_) => Err(KeyError::Refused(
            "ML-DSA private keys without their seed are not supported",
        )),
    }
}

/// The PKCS #8 privateKey of a key: its seed.
pub(crate) fn pkcs8_private_key(key: &MlDsaPrivateKey) -> KeyResult<Zeroizing<Vec<u8>>> {
    Ok(Zeroizing::new(asn1::write_single(&Der::Seed(key.seed()))?))
}

/// The key of a SubjectPublicKeyInfo's BIT STRING.
pub(crate) fn public_from_spki(
    variant: MlDsaVariant,
    key_bytes: &[u8],
) -> KeyResult<MlDsaPublicKey> {
    Ok(MlDsaPublicKey::from_bytes(variant, key_bytes)?)
}
