//! DSA (FIPS 186-4): parameter and key generation, construction from integers (checked),
//! signatures in their DER form. A message is hashed here and the digest signed as
//! FIPS 186 specifies (its leftmost bits when it is longer than q).
//!
//! ```
//! use cryptography_backend::dsa::DsaPrivateKey;
//! use cryptography_backend::hash::HashAlgorithm;
//! use cryptography_backend::signing::SignedData;
//!
//! let key = DsaPrivateKey::generate(1024)?;
//! let message = SignedData::Message { data: b"hello", hash: HashAlgorithm::Sha256 };
//! let signature = key.sign(message)?;
//! key.public_key()?.verify(&signature, message)?;
//! # Ok::<(), cryptography_backend::Error>(())
//! ```

use std::cmp::Ordering;
use std::sync::OnceLock;

use openssl::bn::BigNum;
use openssl::dsa::Dsa;
use openssl::pkey::{HasParams, PKey, Private, Public};
use openssl::pkey_ctx::PkeyCtx;
use zeroize::Zeroizing;

use crate::error::{Error, Result};
use crate::magnitude::{bit_length, compare, compare_secret, is_odd, minus_one, power_mod_secret};
use crate::signing::SignedData;

/// The sizes of p that generation and construction from numbers accept (FIPS 186-4
/// section 4.2 and the 4096-bit size other implementations add).
pub const PARAMETER_SIZES: [u32; 4] = [1024, 2048, 3072, 4096];

/// The domain parameters p, q and g, big-endian.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DsaParameterComponents {
    pub p: Vec<u8>,
    pub q: Vec<u8>,
    pub g: Vec<u8>,
}

/// A public key's integers: the parameters and y.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DsaPublicComponents {
    pub parameters: DsaParameterComponents,
    pub y: Vec<u8>,
}

/// A private key's integers. x is zeroized on drop.
#[derive(Clone)]
pub struct DsaPrivateComponents {
    pub public: DsaPublicComponents,
    pub x: Zeroizing<Vec<u8>>,
}

/// How much a construction from integers checks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Validation {
    /// Integers a caller gave (the numbers classes): p and q of the FIPS 186 sizes,
    /// 1 < g < p, and for a private key 0 < x < q with y = g^x mod p.
    Numbers,
    /// Integers read from a key file: every value in its range (1 < g < p, 1 < y < p - 1,
    /// 0 < x < q), without the sizes (files in use carry other pairs of sizes) or the
    /// modular exponentiation.
    Encoded,
}

/// DSA domain parameters.
pub struct DsaParameters {
    components: DsaParameterComponents,
}

/// A DSA private key: its integers (the private value zeroized on drop), checked when the
/// key was made, and OpenSSL's key, built from them when first needed. Numbers,
/// serialization and comparisons need only the integers; converting them into OpenSSL's
/// form costs as much as reading a whole key file.
pub struct DsaPrivateKey {
    pkey: OnceLock<PKey<Private>>,
    bits: usize,
    components: DsaPrivateComponents,
}

/// A DSA public key: its integers and, once first needed, OpenSSL's key.
pub struct DsaPublicKey {
    pkey: OnceLock<PKey<Public>>,
    bits: usize,
    components: DsaPublicComponents,
}

fn bignum(bytes: &[u8]) -> Result<BigNum> {
    Ok(BigNum::from_slice(bytes)?)
}

fn parameter_components<T: HasParams>(dsa: &Dsa<T>) -> DsaParameterComponents {
    DsaParameterComponents {
        p: dsa.p().to_vec(),
        q: dsa.q().to_vec(),
        g: dsa.g().to_vec(),
    }
}

/// Checks the parameters as `validation` asks; every Validation wants 1 < g < p.
fn check_parameters(components: &DsaParameterComponents, validation: Validation) -> Result<()> {
    let (p, q, g) = (&components.p, &components.q, &components.g);
    if validation == Validation::Numbers {
        if !PARAMETER_SIZES
            .iter()
            .any(|&size| size as usize == bit_length(p))
        {
            return Err(Error::InvalidKey(
                "p must be exactly 1024, 2048, 3072, or 4096 bits long",
            ));
        }
        if ![160, 224, 256].contains(&bit_length(q)) {
            return Err(Error::InvalidKey(
                "q must be exactly 160, 224, or 256 bits long",
            ));
        }
    } else if !is_odd(p) || bit_length(q) < 2 {
        // OpenSSL's arithmetic modulo p needs it odd; q = 0 or 1 admits no private value.
        return Err(Error::InvalidKey("Invalid DSA parameters"));
    }
    if bit_length(g) < 2 || compare(g, p) != Ordering::Less {
        return Err(Error::InvalidKey("g, p don't satisfy 1 < g < p."));
    }
    Ok(())
}

/// 0 < x < q.
fn check_private_value(x: &[u8], q: &[u8]) -> Result<()> {
    if bit_length(x) == 0 || compare_secret(x, q) != Ordering::Less {
        return Err(Error::InvalidKey("x must be > 0 and < q."));
    }
    Ok(())
}

/// 1 < y < p - 1: y = 0, 1 or p - 1 would make keys degenerate and signatures forgeable.
fn check_public_value(y: &[u8], p: &[u8]) -> Result<()> {
    if bit_length(y) < 2 || compare(y, &minus_one(p)) != Ordering::Less {
        return Err(Error::InvalidKey("y must be > 1 and < p - 1."));
    }
    Ok(())
}

impl DsaParameters {
    /// Generates parameters with a p of `bits` (1024, 2048, 3072 or 4096); q has 160 bits
    /// for 1024-bit p, else 256.
    pub fn generate(bits: u32) -> Result<Self> {
        if !PARAMETER_SIZES.contains(&bits) {
            return Err(Error::InvalidKey(
                "Key size must be 1024, 2048, 3072, or 4096 bits.",
            ));
        }
        let dsa = Dsa::generate_params(bits)?;
        Ok(DsaParameters {
            components: parameter_components(&dsa),
        })
    }

    /// Builds parameters from p, q and g, checked as numbers are.
    pub fn from_components(components: DsaParameterComponents) -> Result<Self> {
        check_parameters(&components, Validation::Numbers)?;
        Ok(DsaParameters { components })
    }

    pub fn components(&self) -> &DsaParameterComponents {
        &self.components
    }

    /// A new key over these parameters.
    pub fn generate_private_key(&self) -> Result<DsaPrivateKey> {
        let c = &self.components;
        let dsa = Dsa::from_pqg(bignum(&c.p)?, bignum(&c.q)?, bignum(&c.g)?)?.generate_key()?;
        DsaPrivateKey::from_generated(dsa)
    }
}

impl DsaPrivateKey {
    /// Generates parameters with a p of `bits`, then a key over them.
    pub fn generate(bits: u32) -> Result<Self> {
        DsaParameters::generate(bits)?.generate_private_key()
    }

    fn from_generated(dsa: Dsa<Private>) -> Result<Self> {
        let components = DsaPrivateComponents {
            public: DsaPublicComponents {
                parameters: parameter_components(&dsa),
                y: dsa.pub_key().to_vec(),
            },
            x: Zeroizing::new(dsa.priv_key().to_vec()),
        };
        let bits = bit_length(&components.public.parameters.p);
        Ok(DsaPrivateKey {
            pkey: OnceLock::from(PKey::from_dsa(dsa)?),
            bits,
            components,
        })
    }

    /// Builds a key from its integers, checked as `validation` asks.
    pub fn from_components(
        components: DsaPrivateComponents,
        validation: Validation,
    ) -> Result<Self> {
        let public = &components.public;
        check_parameters(&public.parameters, validation)?;
        check_private_value(&components.x, &public.parameters.q)?;
        match validation {
            Validation::Numbers => {
                if compare(
                    &power_mod_secret(&public.parameters.g, &components.x, &public.parameters.p)?,
                    &public.y,
                ) != Ordering::Equal
                {
                    return Err(Error::InvalidKey("y must be equal to (g ** x % p)."));
                }
            }
            Validation::Encoded => check_public_value(&public.y, &public.parameters.p)?,
        }
        Self::build(components)
    }

    /// Builds a key from its parameters and private value (a PKCS #8 DSA key holds no
    /// y): y = g^x mod p is computed, after the checks of a key file.
    pub fn from_private_value(
        parameters: &DsaParameterComponents,
        private_value: &[u8],
    ) -> Result<Self> {
        check_parameters(parameters, Validation::Encoded)?;
        check_private_value(private_value, &parameters.q)?;
        let y = power_mod_secret(&parameters.g, private_value, &parameters.p)?;
        check_public_value(&y, &parameters.p)?;
        Self::build(DsaPrivateComponents {
            public: DsaPublicComponents {
                parameters: parameters.clone(),
                y,
            },
            x: Zeroizing::new(private_value.to_vec()),
        })
    }

    fn build(components: DsaPrivateComponents) -> Result<Self> {
        Ok(DsaPrivateKey {
            pkey: OnceLock::new(),
            bits: bit_length(&components.public.parameters.p),
            components,
        })
    }

    /// OpenSSL's key, built on first use.
    fn pkey(&self) -> Result<&PKey<Private>> {
        if let Some(pkey) = self.pkey.get() {
            return Ok(pkey);
        }
        let c = &self.components;
        let parameters = &c.public.parameters;
        let mut x = bignum(&c.x)?;
        x.set_const_time();
        let dsa = Dsa::from_private_components(
            bignum(&parameters.p)?,
            bignum(&parameters.q)?,
            bignum(&parameters.g)?,
            x,
            bignum(&c.public.y)?,
        )?;
        let built = PKey::from_dsa(dsa)?;
        Ok(self.pkey.get_or_init(|| built))
    }

    /// The length of p in bits.
    pub fn key_size(&self) -> usize {
        self.bits
    }

    pub fn components(&self) -> &DsaPrivateComponents {
        &self.components
    }

    pub fn parameters(&self) -> Result<DsaParameters> {
        Ok(DsaParameters {
            components: self.components.public.parameters.clone(),
        })
    }

    pub fn public_key(&self) -> Result<DsaPublicKey> {
        DsaPublicKey::build(self.components.public.clone())
    }

    /// A signature in DER (RFC 3279's Dss-Sig-Value).
    pub fn sign(&self, data: SignedData<'_>) -> Result<Vec<u8>> {
        let input = data.prepare()?;
        let pkey = self.pkey()?;
        let mut ctx = PkeyCtx::new(pkey)?;
        ctx.sign_init()?;
        let mut signature = Vec::with_capacity(pkey.size());
        ctx.sign_to_vec(input.bytes(), &mut signature)?;
        Ok(signature)
    }
}

impl DsaPublicKey {
    /// Builds a key from its integers, checked as `validation` asks (y within (1, p - 1)
    /// either way).
    pub fn from_components(
        components: DsaPublicComponents,
        validation: Validation,
    ) -> Result<Self> {
        check_parameters(&components.parameters, validation)?;
        check_public_value(&components.y, &components.parameters.p)?;
        Self::build(components)
    }

    fn build(components: DsaPublicComponents) -> Result<Self> {
        Ok(DsaPublicKey {
            pkey: OnceLock::new(),
            bits: bit_length(&components.parameters.p),
            components,
        })
    }

    /// OpenSSL's key, built on first use.
    fn pkey(&self) -> Result<&PKey<Public>> {
        if let Some(pkey) = self.pkey.get() {
            return Ok(pkey);
        }
        let c = &self.components;
        let dsa = Dsa::from_public_components(
            bignum(&c.parameters.p)?,
            bignum(&c.parameters.q)?,
            bignum(&c.parameters.g)?,
            bignum(&c.y)?,
        )?;
        let built = PKey::from_dsa(dsa)?;
        Ok(self.pkey.get_or_init(|| built))
    }

    /// The length of p in bits.
    pub fn key_size(&self) -> usize {
        self.bits
    }

    pub fn components(&self) -> &DsaPublicComponents {
        &self.components
    }

    pub fn parameters(&self) -> Result<DsaParameters> {
        Ok(DsaParameters {
            components: self.components.parameters.clone(),
        })
    }

    /// Whether two keys have the same parameters and y.
    pub fn same_key(&self, other: &DsaPublicKey) -> bool {
        self.components == other.components
    }

    /// Checks a DER signature; anything malformed or mismatched is `BadSignature`.
    pub fn verify(&self, signature: &[u8], data: SignedData<'_>) -> Result<()> {
        crate::signing::verify_dss(self.pkey()?, signature, data)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::AsymmetricError;
    use crate::hash::HashAlgorithm;

    fn message(data: &[u8]) -> SignedData<'_> {
        SignedData::Message {
            data,
            hash: HashAlgorithm::Sha256,
        }
    }

    #[test]
    fn generated_sizes() {
        let parameters = DsaParameters::generate(1024).unwrap();
        let q = BigNum::from_slice(&parameters.components().q).unwrap();
        assert_eq!(q.num_bits(), 160);
        let key = parameters.generate_private_key().unwrap();
        assert_eq!(key.key_size(), 1024);
        assert!(matches!(
            DsaParameters::generate(1000),
            Err(Error::InvalidKey(_))
        ));
    }

    #[test]
    fn numbers_are_checked() {
        let key = DsaPrivateKey::generate(1024).unwrap();
        let good = key.components().clone();
        assert!(DsaPrivateKey::from_components(good.clone(), Validation::Numbers).is_ok());

        let mut wrong_y = good.clone();
        wrong_y.public.y = good.public.parameters.g.clone();
        assert!(matches!(
            DsaPrivateKey::from_components(wrong_y.clone(), Validation::Numbers),
            Err(Error::InvalidKey("y must be equal to (g ** x % p)."))
        ));
        // The file checks do not compute g^x, but keep every value in range.
        assert!(DsaPrivateKey::from_components(wrong_y, Validation::Encoded).is_ok());

        let mut x_is_q = good.clone();
        x_is_q.x = Zeroizing::new(good.public.parameters.q.clone());
        for validation in [Validation::Numbers, Validation::Encoded] {
            assert!(matches!(
                DsaPrivateKey::from_components(x_is_q.clone(), validation),
                Err(Error::InvalidKey("x must be > 0 and < q."))
            ));
        }

        let mut y_is_one = good.public.clone();
        y_is_one.y = vec![1];
        assert!(DsaPublicKey::from_components(y_is_one, Validation::Encoded).is_err());

        let mut g_is_p = good.public.clone();
        g_is_p.parameters.g = good.public.parameters.p.clone();
        assert!(matches!(
            DsaPublicKey::from_components(g_is_p, Validation::Encoded),
            Err(Error::InvalidKey("g, p don't satisfy 1 < g < p."))
        ));
    }

    #[test]
    fn sign_and_verify() {
        let key = DsaPrivateKey::generate(1024).unwrap();
        let public = key.public_key().unwrap();
        let signature = key.sign(message(b"abc")).unwrap();
        public.verify(&signature, message(b"abc")).unwrap();
        assert!(matches!(
            public.verify(&signature, message(b"abd")),
            Err(Error::Asymmetric(AsymmetricError::BadSignature))
        ));
        assert!(matches!(
            public.verify(b"\x30\x00", message(b"abc")),
            Err(Error::Asymmetric(AsymmetricError::BadSignature))
        ));
        assert!(public.same_key(&key.public_key().unwrap()));
    }
}
