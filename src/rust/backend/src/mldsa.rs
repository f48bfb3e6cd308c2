//! ML-DSA (FIPS 204) signatures in its three parameter sets, over OpenSSL 3.5+.
//!
//! A private key is kept as its 32-byte seed (the form FIPS 204 generates keys from,
//! and the only one this package writes) with OpenSSL's expanded key made from it; a
//! public key as its encoding. Signing is FIPS 204's hedged "pure" ML-DSA with an
//! optional context string of up to 255 bytes, or, given a precomputed message
//! representative mu (64 bytes), "ExternalMu-ML-DSA"; [`MuHasher`] computes mu.
//!
//! ```
//! use cryptography_backend::mldsa::{MlDsaPrivateKey, MlDsaVariant};
//!
//! let key = MlDsaPrivateKey::generate(MlDsaVariant::MlDsa65)?;
//! let signature = key.sign(b"hello", b"")?;
//! key.public_key()?.verify(&signature, b"hello", b"")?;
//! # Ok::<(), cryptography_backend::Error>(())
//! ```

use openssl::pkey::{PKey, Private, Public};
use zeroize::Zeroizing;

use crate::error::{AsymmetricError, Error, Result};
use crate::hash::{HashAlgorithm, Hasher};

/// A seed's length (FIPS 204's xi).
pub const SEED_LEN: usize = 32;
/// The length of a message representative mu.
pub const MU_LEN: usize = 64;
/// The longest context string FIPS 204 allows.
pub const MAX_CONTEXT_LEN: usize = 255;

/// The three parameter sets of FIPS 204.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MlDsaVariant {
    MlDsa44,
    MlDsa65,
    MlDsa87,
}

impl MlDsaVariant {
    pub const ALL: [MlDsaVariant; 3] = [
        MlDsaVariant::MlDsa44,
        MlDsaVariant::MlDsa65,
        MlDsaVariant::MlDsa87,
    ];

    /// The parameter set's name, as FIPS 204 and OpenSSL write it.
    pub fn name(self) -> &'static str {
        match self {
            MlDsaVariant::MlDsa44 => "ML-DSA-44",
            MlDsaVariant::MlDsa65 => "ML-DSA-65",
            MlDsaVariant::MlDsa87 => "ML-DSA-87",
        }
    }

    /// The length of an encoded public key (FIPS 204 table 2).
    pub fn public_len(self) -> usize {
        match self {
            MlDsaVariant::MlDsa44 => 1312,
            MlDsaVariant::MlDsa65 => 1952,
            MlDsaVariant::MlDsa87 => 2592,
        }
    }

    /// The length of an expanded private key (FIPS 204 table 2).
    pub fn expanded_private_len(self) -> usize {
        match self {
            MlDsaVariant::MlDsa44 => 2560,
            MlDsaVariant::MlDsa65 => 4032,
            MlDsaVariant::MlDsa87 => 4896,
        }
    }

    /// The length of a signature (FIPS 204 table 2).
    pub fn signature_len(self) -> usize {
        match self {
            MlDsaVariant::MlDsa44 => 2420,
            MlDsaVariant::MlDsa65 => 3309,
            MlDsaVariant::MlDsa87 => 4627,
        }
    }

    /// Whether the linked OpenSSL has ML-DSA (3.5 and later), asked once.
    pub fn is_supported() -> bool {
        static SUPPORTED: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
        *SUPPORTED.get_or_init(|| {
            let probe = ops::private_key(MlDsaVariant::MlDsa44, &[0u8; SEED_LEN]);
            crate::error::discard_openssl_errors();
            probe.is_ok()
        })
    }
}

/// OpenSSL's ML-DSA, from 3.5 on.
#[cfg(ossl350)]
mod ops {
    use std::ffi::CStr;

    use openssl::md_ctx::MdCtx;
    use openssl::pkey::{KeyType, PKey, Private, Public};

    use super::MlDsaVariant;
    use crate::error::Result;

    fn key_type(variant: MlDsaVariant) -> KeyType {
        match variant {
            MlDsaVariant::MlDsa44 => KeyType::ML_DSA_44,
            MlDsaVariant::MlDsa65 => KeyType::ML_DSA_65,
            MlDsaVariant::MlDsa87 => KeyType::ML_DSA_87,
        }
    }

    fn name(variant: MlDsaVariant) -> &'static CStr {
        match variant {
            MlDsaVariant::MlDsa44 => c"ML-DSA-44",
            MlDsaVariant::MlDsa65 => c"ML-DSA-65",
            MlDsaVariant::MlDsa87 => c"ML-DSA-87",
        }
    }

    pub(super) fn private_key(variant: MlDsaVariant, seed: &[u8]) -> Result<PKey<Private>> {
        Ok(PKey::private_key_from_seed(
            None,
            key_type(variant),
            None,
            seed,
        )?)
    }

    pub(super) fn public_key(variant: MlDsaVariant, bytes: &[u8]) -> Result<PKey<Public>> {
        Ok(PKey::public_key_from_raw_bytes_ex(
            None,
            key_type(variant),
            None,
            bytes,
        )?)
    }

    pub(super) fn sign(key: &PKey<Private>, message: &[u8], context: &[u8]) -> Result<Vec<u8>> {
        let mut ctx = MdCtx::new()?;
        let pkey_ctx = ctx.digest_sign_init(None, key)?;
        if !context.is_empty() {
            pkey_ctx.set_context_string(context)?;
        }
        let mut signature = Vec::new();
        ctx.digest_sign_to_vec(message, &mut signature)?;
        Ok(signature)
    }

    pub(super) fn verify(
        key: &PKey<Public>,
        signature: &[u8],
        message: &[u8],
        context: &[u8],
    ) -> Result<bool> {
        let mut ctx = MdCtx::new()?;
        let pkey_ctx = ctx.digest_verify_init(None, key)?;
        if !context.is_empty() {
            pkey_ctx.set_context_string(context)?;
        }
        Ok(ctx.digest_verify(message, signature).unwrap_or(false))
    }

    pub(super) fn sign_mu(
        variant: MlDsaVariant,
        key: &PKey<Private>,
        mu: &[u8],
    ) -> Result<Vec<u8>> {
        Ok(crate::ffi::sign_external_mu(key, name(variant), mu)?)
    }

    pub(super) fn verify_mu(
        variant: MlDsaVariant,
        key: &PKey<Public>,
        signature: &[u8],
        mu: &[u8],
    ) -> Result<bool> {
        Ok(crate::ffi::verify_external_mu(
            key,
            name(variant),
            mu,
            signature,
        )?)
    }
}

/// Before OpenSSL 3.5 there is no ML-DSA: every operation is unsupported (and no key
/// object can exist to reach the others).
#[cfg(not(ossl350))]
mod ops {
    use openssl::pkey::{PKey, Private, Public};

    use super::{unsupported, MlDsaVariant};
    use crate::error::Result;

    pub(super) fn private_key(_: MlDsaVariant, _: &[u8]) -> Result<PKey<Private>> {
        Err(unsupported())
    }

    pub(super) fn public_key(_: MlDsaVariant, _: &[u8]) -> Result<PKey<Public>> {
        Err(unsupported())
    }

    pub(super) fn sign(_: &PKey<Private>, _: &[u8], _: &[u8]) -> Result<Vec<u8>> {
        Err(unsupported())
    }

    pub(super) fn verify(_: &PKey<Public>, _: &[u8], _: &[u8], _: &[u8]) -> Result<bool> {
        Err(unsupported())
    }

    pub(super) fn sign_mu(_: MlDsaVariant, _: &PKey<Private>, _: &[u8]) -> Result<Vec<u8>> {
        Err(unsupported())
    }

    pub(super) fn verify_mu(_: MlDsaVariant, _: &PKey<Public>, _: &[u8], _: &[u8]) -> Result<bool> {
        Err(unsupported())
    }
}

fn check_context(context: &[u8]) -> Result<()> {
    if context.len() > MAX_CONTEXT_LEN {
        return Err(AsymmetricError::ContextTooLong.into());
    }
    Ok(())
}

fn check_mu(mu: &[u8]) -> Result<()> {
    if mu.len() != MU_LEN {
        return Err(AsymmetricError::MuLength.into());
    }
    Ok(())
}

fn unsupported() -> Error {
    Error::Unsupported(crate::error::Unsupported::PublicKey, "ML-DSA")
}

/// An ML-DSA private key: its seed (wiped on drop) and OpenSSL's key expanded from it.
pub struct MlDsaPrivateKey {
    variant: MlDsaVariant,
    seed: Zeroizing<[u8; SEED_LEN]>,
    pkey: PKey<Private>,
}

/// An ML-DSA public key: its encoding and OpenSSL's key.
pub struct MlDsaPublicKey {
    variant: MlDsaVariant,
    bytes: Vec<u8>,
    pkey: PKey<Public>,
}

impl MlDsaPrivateKey {
    /// A new key from a fresh random seed (FIPS 204's ML-DSA.KeyGen).
    pub fn generate(variant: MlDsaVariant) -> Result<Self> {
        let mut seed = Zeroizing::new([0u8; SEED_LEN]);
        openssl::rand::rand_priv_bytes(&mut seed[..])?;
        Self::from_seed(variant, &seed[..])
    }

    /// The key a 32-byte seed expands to (FIPS 204's ML-DSA.KeyGen_internal).
    pub fn from_seed(variant: MlDsaVariant, seed: &[u8]) -> Result<Self> {
        let seed: [u8; SEED_LEN] = seed
            .try_into()
            .map_err(|_| AsymmetricError::MlDsaSeedLength(variant))?;
        if !MlDsaVariant::is_supported() {
            return Err(unsupported());
        }
        let pkey = ops::private_key(variant, &seed)?;
        Ok(MlDsaPrivateKey {
            variant,
            seed: Zeroizing::new(seed),
            pkey,
        })
    }

    pub fn variant(&self) -> MlDsaVariant {
        self.variant
    }

    pub fn seed(&self) -> &[u8] {
        &self.seed[..]
    }

    /// The expanded private key (FIPS 204's sk encoding) the seed gives.
    pub fn expanded_key(&self) -> Result<Zeroizing<Vec<u8>>> {
        Ok(Zeroizing::new(self.pkey.raw_private_key()?))
    }

    pub fn public_key(&self) -> Result<MlDsaPublicKey> {
        MlDsaPublicKey::from_bytes(self.variant, &self.pkey.raw_public_key()?)
    }

    /// Signs `message` under `context` (empty for none).
    pub fn sign(&self, message: &[u8], context: &[u8]) -> Result<Vec<u8>> {
        check_context(context)?;
        ops::sign(&self.pkey, message, context)
    }

    /// Signs a message representative mu (which already carries the context).
    pub fn sign_mu(&self, mu: &[u8]) -> Result<Vec<u8>> {
        check_mu(mu)?;
        ops::sign_mu(self.variant, &self.pkey, mu)
    }
}

impl MlDsaPublicKey {
    pub fn from_bytes(variant: MlDsaVariant, bytes: &[u8]) -> Result<Self> {
        if bytes.len() != variant.public_len() {
            return Err(AsymmetricError::MlDsaPublicKeyLength(variant).into());
        }
        if !MlDsaVariant::is_supported() {
            return Err(unsupported());
        }
        let pkey = ops::public_key(variant, bytes).map_err(|_| {
            crate::error::discard_openssl_errors();
            Error::InvalidKey("invalid ML-DSA public key")
        })?;
        Ok(MlDsaPublicKey {
            variant,
            bytes: bytes.to_vec(),
            pkey,
        })
    }

    pub fn variant(&self) -> MlDsaVariant {
        self.variant
    }

    pub fn as_bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// Checks `signature` over `message` under `context`.
    pub fn verify(&self, signature: &[u8], message: &[u8], context: &[u8]) -> Result<()> {
        check_context(context)?;
        let holds = ops::verify(&self.pkey, signature, message, context)?;
        // A signature that does not hold is not an error of ours: nothing stays queued.
        crate::error::discard_openssl_errors();
        if holds {
            Ok(())
        } else {
            Err(AsymmetricError::BadSignature.into())
        }
    }

    /// Checks `signature` over a message representative mu.
    pub fn verify_mu(&self, signature: &[u8], mu: &[u8]) -> Result<()> {
        check_mu(mu)?;
        if ops::verify_mu(self.variant, &self.pkey, signature, mu)? {
            Ok(())
        } else {
            Err(AsymmetricError::BadSignature.into())
        }
    }
}

/// Computes mu, the message representative that ML-DSA signs (FIPS 204 algorithm 7,
/// line 6, for "pure" ML-DSA): SHAKE256(tr || 0 || len(ctx) || ctx || M) to 64 bytes,
/// where tr = SHAKE256(pk) to 64 bytes. The message is given in pieces.
pub struct MuHasher {
    shake: Hasher,
}

const SHAKE256_64: HashAlgorithm = HashAlgorithm::Shake256 { output_len: MU_LEN };

impl MuHasher {
    pub fn new(public_key: &MlDsaPublicKey, context: &[u8]) -> Result<Self> {
        check_context(context)?;
        let mut tr = [0u8; MU_LEN];
        Hasher::digest_into(SHAKE256_64, public_key.as_bytes(), &mut tr)?;
        let mut shake = Hasher::new(SHAKE256_64)?;
        shake.update(&tr)?;
        // The domain separator of pure ML-DSA, then the context's length (< 256).
        shake.update(&[0, context.len() as u8])?;
        shake.update(context)?;
        Ok(MuHasher { shake })
    }

    pub fn update(&mut self, data: &[u8]) -> Result<()> {
        self.shake.update(data)
    }

    /// An independent copy of the running state.
    pub fn fork(&self) -> Result<Self> {
        Ok(MuHasher {
            shake: self.shake.fork()?,
        })
    }

    pub fn finalize(self) -> Result<[u8; MU_LEN]> {
        let mut mu = [0u8; MU_LEN];
        self.shake.finalize_into(&mut mu)?;
        Ok(mu)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sign_verify_and_mu() {
        for variant in MlDsaVariant::ALL {
            let key = MlDsaPrivateKey::generate(variant).unwrap();
            let public = key.public_key().unwrap();
            assert_eq!(public.as_bytes().len(), variant.public_len());
            let signature = key.sign(b"message", b"ctx").unwrap();
            assert_eq!(signature.len(), variant.signature_len());
            public.verify(&signature, b"message", b"ctx").unwrap();
            assert!(public.verify(&signature, b"message", b"").is_err());

            // A signature of mu is a signature of the message under that context.
            let mut hasher = MuHasher::new(&public, b"ctx").unwrap();
            hasher.update(b"mess").unwrap();
            hasher.update(b"age").unwrap();
            let mu = hasher.finalize().unwrap();
            let by_mu = key.sign_mu(&mu).unwrap();
            public.verify(&by_mu, b"message", b"ctx").unwrap();
            public.verify_mu(&signature, &mu).unwrap();
            let mut wrong = mu;
            wrong[0] ^= 1;
            assert!(public.verify_mu(&signature, &wrong).is_err());
        }
    }

    #[test]
    fn argument_rules() {
        let key = MlDsaPrivateKey::generate(MlDsaVariant::MlDsa44).unwrap();
        assert!(matches!(
            key.sign(b"", &[0; 256]),
            Err(Error::Asymmetric(AsymmetricError::ContextTooLong))
        ));
        assert!(key.sign(b"", &[0; 255]).is_ok());
        assert!(matches!(
            key.sign_mu(&[0; 63]),
            Err(Error::Asymmetric(AsymmetricError::MuLength))
        ));
        assert!(matches!(
            MlDsaPrivateKey::from_seed(MlDsaVariant::MlDsa44, &[0; 31]),
            Err(Error::Asymmetric(AsymmetricError::MlDsaSeedLength(_)))
        ));
        assert!(matches!(
            MlDsaPublicKey::from_bytes(MlDsaVariant::MlDsa65, &[0; 1312]),
            Err(Error::Asymmetric(AsymmetricError::MlDsaPublicKeyLength(_)))
        ));
        // The same seed, the same key.
        let again = MlDsaPrivateKey::from_seed(MlDsaVariant::MlDsa44, key.seed()).unwrap();
        assert_eq!(
            again.public_key().unwrap().as_bytes(),
            key.public_key().unwrap().as_bytes()
        );
    }
}
