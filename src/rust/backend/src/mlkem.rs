//! ML-KEM (FIPS 203) key encapsulation in its three parameter sets, over OpenSSL 3.5+.
//!
//! A private key is kept as its 64-byte seed (d || z, the form FIPS 203 generates keys
//! from and the only one this package writes) with OpenSSL's key made from it; a public
//! key (an encapsulation key) as its encoding, which OpenSSL checks as FIPS 203 section
//! 7.2 asks when it is read. Decapsulation of a ciphertext that was not made for the key
//! gives FIPS 203's implicit-rejection secret, never an error.
//!
//! ```
//! use cryptography_backend::mlkem::{MlKemPrivateKey, MlKemVariant};
//!
//! let key = MlKemPrivateKey::generate(MlKemVariant::MlKem768)?;
//! let (ciphertext, secret) = key.public_key()?.encapsulate()?;
//! assert_eq!(*key.decapsulate(&ciphertext)?, secret[..]);
//! # Ok::<(), cryptography_backend::Error>(())
//! ```

use openssl::pkey::{PKey, Private, Public};
use zeroize::Zeroizing;

use crate::error::{AsymmetricError, Error, Result};

/// A seed's length: d and z, 32 bytes each.
pub const SEED_LEN: usize = 64;
/// The length of a shared secret.
pub const SHARED_SECRET_LEN: usize = 32;
/// The length of FIPS 203's encapsulation randomness m.
pub const ENTROPY_LEN: usize = 32;

/// The three parameter sets of FIPS 203.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MlKemVariant {
    MlKem512,
    MlKem768,
    MlKem1024,
}

impl MlKemVariant {
    pub const ALL: [MlKemVariant; 3] = [
        MlKemVariant::MlKem512,
        MlKemVariant::MlKem768,
        MlKemVariant::MlKem1024,
    ];

    pub fn name(self) -> &'static str {
        match self {
            MlKemVariant::MlKem512 => "ML-KEM-512",
            MlKemVariant::MlKem768 => "ML-KEM-768",
            MlKemVariant::MlKem1024 => "ML-KEM-1024",
        }
    }

    /// The length of an encapsulation key (FIPS 203 table 3).
    pub fn public_len(self) -> usize {
        match self {
            MlKemVariant::MlKem512 => 800,
            MlKemVariant::MlKem768 => 1184,
            MlKemVariant::MlKem1024 => 1568,
        }
    }

    /// The length of a ciphertext (FIPS 203 table 3).
    pub fn ciphertext_len(self) -> usize {
        match self {
            MlKemVariant::MlKem512 => 768,
            MlKemVariant::MlKem768 => 1088,
            MlKemVariant::MlKem1024 => 1568,
        }
    }

    /// Whether the linked OpenSSL has this parameter set (3.5 and later).
    pub fn is_supported(self) -> bool {
        static SUPPORTED: [std::sync::OnceLock<bool>; 3] =
            [const { std::sync::OnceLock::new() }; 3];
        let slot = match self {
            MlKemVariant::MlKem512 => 0,
            MlKemVariant::MlKem768 => 1,
            MlKemVariant::MlKem1024 => 2,
        };
        *SUPPORTED[slot].get_or_init(|| {
            let probe = ops::private_key(self, &[0u8; SEED_LEN]);
            crate::error::discard_openssl_errors();
            probe.is_ok()
        })
    }
}

fn unsupported(variant: MlKemVariant) -> Error {
    Error::Unsupported(crate::error::Unsupported::PublicKey, variant.name())
}

/// OpenSSL's ML-KEM, from 3.5 on.
#[cfg(ossl350)]
mod ops {
    use openssl::pkey::{KeyType, PKey, Private, Public};

    use super::MlKemVariant;
    use crate::error::Result;

    fn key_type(variant: MlKemVariant) -> KeyType {
        match variant {
            MlKemVariant::MlKem512 => KeyType::ML_KEM_512,
            MlKemVariant::MlKem768 => KeyType::ML_KEM_768,
            MlKemVariant::MlKem1024 => KeyType::ML_KEM_1024,
        }
    }

    pub(super) fn private_key(variant: MlKemVariant, seed: &[u8]) -> Result<PKey<Private>> {
        Ok(PKey::private_key_from_seed(
            None,
            key_type(variant),
            None,
            seed,
        )?)
    }

    pub(super) fn public_key(variant: MlKemVariant, bytes: &[u8]) -> Result<PKey<Public>> {
        Ok(PKey::public_key_from_raw_bytes_ex(
            None,
            key_type(variant),
            None,
            bytes,
        )?)
    }

    pub(super) fn encapsulate(
        key: &PKey<Public>,
        entropy: Option<&[u8]>,
    ) -> Result<(Vec<u8>, Vec<u8>)> {
        Ok(crate::ffi::encapsulate(key, entropy)?)
    }

    pub(super) fn decapsulate(
        key: &PKey<Private>,
        ciphertext: &[u8],
        secret: &mut [u8],
    ) -> Result<usize> {
        Ok(crate::ffi::decapsulate(key, ciphertext, secret)?)
    }
}

/// Before OpenSSL 3.5 there is no ML-KEM: every operation is unsupported.
#[cfg(not(ossl350))]
mod ops {
    use openssl::pkey::{PKey, Private, Public};

    use super::MlKemVariant;
    use crate::error::{Error, Result, Unsupported};

    fn unsupported() -> Error {
        Error::Unsupported(Unsupported::PublicKey, "ML-KEM")
    }

    pub(super) fn private_key(_: MlKemVariant, _: &[u8]) -> Result<PKey<Private>> {
        Err(unsupported())
    }

    pub(super) fn public_key(_: MlKemVariant, _: &[u8]) -> Result<PKey<Public>> {
        Err(unsupported())
    }

    pub(super) fn encapsulate(_: &PKey<Public>, _: Option<&[u8]>) -> Result<(Vec<u8>, Vec<u8>)> {
        Err(unsupported())
    }

    pub(super) fn decapsulate(_: &PKey<Private>, _: &[u8], _: &mut [u8]) -> Result<usize> {
        Err(unsupported())
    }
}

/// An ML-KEM private (decapsulation) key: its seed (wiped on drop) and OpenSSL's key.
/// A clone shares OpenSSL's key, which is never changed once made.
#[derive(Clone)]
pub struct MlKemPrivateKey {
    variant: MlKemVariant,
    seed: Zeroizing<[u8; SEED_LEN]>,
    pkey: PKey<Private>,
}

/// An ML-KEM public (encapsulation) key: its encoding and OpenSSL's key.
#[derive(Clone)]
pub struct MlKemPublicKey {
    variant: MlKemVariant,
    bytes: Vec<u8>,
    pkey: PKey<Public>,
}

impl MlKemPrivateKey {
    /// A new key from a fresh random seed (FIPS 203's ML-KEM.KeyGen).
    pub fn generate(variant: MlKemVariant) -> Result<Self> {
        let mut seed = Zeroizing::new([0u8; SEED_LEN]);
        openssl::rand::rand_priv_bytes(&mut seed[..])?;
        Self::from_seed(variant, &seed[..])
    }

    /// The key a 64-byte seed (d || z) gives (FIPS 203's ML-KEM.KeyGen_internal).
    pub fn from_seed(variant: MlKemVariant, seed: &[u8]) -> Result<Self> {
        let seed: [u8; SEED_LEN] = seed
            .try_into()
            .map_err(|_| AsymmetricError::MlKemSeedLength(variant))?;
        if !variant.is_supported() {
            return Err(unsupported(variant));
        }
        Ok(MlKemPrivateKey {
            variant,
            pkey: ops::private_key(variant, &seed)?,
            seed: Zeroizing::new(seed),
        })
    }

    pub fn variant(&self) -> MlKemVariant {
        self.variant
    }

    pub fn seed(&self) -> &[u8] {
        &self.seed[..]
    }

    /// The expanded decapsulation key (FIPS 203's dk encoding) the seed gives.
    pub fn expanded_key(&self) -> Result<Zeroizing<Vec<u8>>> {
        Ok(Zeroizing::new(self.pkey.raw_private_key()?))
    }

    pub fn public_key(&self) -> Result<MlKemPublicKey> {
        MlKemPublicKey::from_bytes(self.variant, &self.pkey.raw_public_key()?)
    }

    /// The shared secret of `ciphertext`.
    pub fn decapsulate(&self, ciphertext: &[u8]) -> Result<Zeroizing<[u8; SHARED_SECRET_LEN]>> {
        if ciphertext.len() != self.variant.ciphertext_len() {
            return Err(AsymmetricError::MlKemCiphertext(self.variant).into());
        }
        let mut secret = Zeroizing::new([0u8; SHARED_SECRET_LEN]);
        let written = ops::decapsulate(&self.pkey, ciphertext, &mut secret[..])?;
        if written != SHARED_SECRET_LEN {
            return Err(AsymmetricError::MlKemCiphertext(self.variant).into());
        }
        Ok(secret)
    }
}

impl MlKemPublicKey {
    /// The key with this encoding, refused unless it passes FIPS 203's check.
    pub fn from_bytes(variant: MlKemVariant, bytes: &[u8]) -> Result<Self> {
        if bytes.len() != variant.public_len() {
            return Err(AsymmetricError::MlKemPublicKeyLength(variant).into());
        }
        if !variant.is_supported() {
            return Err(unsupported(variant));
        }
        let pkey = ops::public_key(variant, bytes).map_err(|_| {
            crate::error::discard_openssl_errors();
            Error::InvalidKey("invalid ML-KEM public key")
        })?;
        Ok(MlKemPublicKey {
            variant,
            bytes: bytes.to_vec(),
            pkey,
        })
    }

    pub fn variant(&self) -> MlKemVariant {
        self.variant
    }

    pub fn as_bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// A fresh shared secret and its ciphertext: (ciphertext, shared secret).
    pub fn encapsulate(&self) -> Result<(Vec<u8>, Zeroizing<Vec<u8>>)> {
        let (ciphertext, secret) = ops::encapsulate(&self.pkey, None)?;
        Ok((ciphertext, Zeroizing::new(secret)))
    }

    /// Encapsulation with given randomness m (32 bytes): deterministic, for FIPS 203's
    /// known answers only; real use takes `encapsulate`.
    pub fn encapsulate_with_entropy(
        &self,
        entropy: &[u8],
    ) -> Result<(Vec<u8>, Zeroizing<Vec<u8>>)> {
        if entropy.len() != ENTROPY_LEN {
            return Err(Error::InvalidKey(
                "ML-KEM encapsulation randomness is 32 bytes",
            ));
        }
        let (ciphertext, secret) = ops::encapsulate(&self.pkey, Some(entropy))?;
        Ok((ciphertext, Zeroizing::new(secret)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encapsulate_decapsulate() {
        for variant in MlKemVariant::ALL {
            let key = MlKemPrivateKey::generate(variant).unwrap();
            let public = key.public_key().unwrap();
            assert_eq!(public.as_bytes().len(), variant.public_len());
            let (ciphertext, secret) = public.encapsulate().unwrap();
            assert_eq!(ciphertext.len(), variant.ciphertext_len());
            assert_eq!(&key.decapsulate(&ciphertext).unwrap()[..], &secret[..]);
            // Another key's ciphertext: the implicit-rejection secret, not an error.
            let other = MlKemPrivateKey::generate(variant).unwrap();
            assert_ne!(&other.decapsulate(&ciphertext).unwrap()[..], &secret[..]);
            assert!(matches!(
                key.decapsulate(&ciphertext[1..]),
                Err(Error::Asymmetric(AsymmetricError::MlKemCiphertext(_)))
            ));
            // Deterministic with the same randomness.
            let a = public.encapsulate_with_entropy(&[7; 32]).unwrap();
            let b = public.encapsulate_with_entropy(&[7; 32]).unwrap();
            assert_eq!(a.0, b.0);
        }
        assert!(matches!(
            MlKemPrivateKey::from_seed(MlKemVariant::MlKem768, &[0; 32]),
            Err(Error::Asymmetric(AsymmetricError::MlKemSeedLength(_)))
        ));
    }
}
