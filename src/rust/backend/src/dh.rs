//! Finite-field Diffie-Hellman: PKCS #3 groups (p and g) and X9.42 groups (with the
//! subgroup order q), parameter generation, keys held as their integers, and the key
//! exchange with the shared secret padded to the length of p.
//!
//! ```
//! use cryptography_backend::dh::DhParameters;
//!
//! let group = DhParameters::generate(2, 512)?;
//! let (alice, bob) = (group.generate_private_key()?, group.generate_private_key()?);
//! let shared = alice.exchange(&bob.public_key())?;
//! assert_eq!(*shared, *bob.exchange(&alice.public_key())?);
//! assert_eq!(shared.len(), 512 / 8);
//! # Ok::<(), cryptography_backend::Error>(())
//! ```

use std::sync::OnceLock;

use openssl::bn::BigNum;
use openssl::dh::Dh;
use openssl::pkey::{PKey, Params, Private, Public};
use zeroize::Zeroizing;

use crate::error::{discard_openssl_errors, AsymmetricError, Error, Result};
use crate::magnitude::{bit_length, compare_secret, power_mod_secret};

/// The smallest p accepted anywhere: parameters, keys and generation.
pub const MIN_MODULUS_BITS: usize = 512;

/// The largest p OpenSSL computes with (its OPENSSL_DH_MAX_MODULUS_BITS); refused before
/// any work is done.
pub const MAX_MODULUS_BITS: usize = 10_000;

/// A group's integers, big-endian: the prime p, the generator g and, for X9.42 groups,
/// the order q of the subgroup g generates.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DhParameterComponents {
    pub p: Vec<u8>,
    pub g: Vec<u8>,
    pub q: Option<Vec<u8>>,
}

/// A public key's integers: the group and y.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DhPublicComponents {
    pub parameters: DhParameterComponents,
    pub y: Vec<u8>,
}

/// A private key's integers. x is zeroized on drop.
#[derive(Clone)]
pub struct DhPrivateComponents {
    pub public: DhPublicComponents,
    pub x: Zeroizing<Vec<u8>>,
}

/// A checked group.
pub struct DhParameters {
    components: DhParameterComponents,
}

/// A private key: its integers (checked group) and, once first needed, OpenSSL's key.
pub struct DhPrivateKey {
    pkey: OnceLock<PKey<Private>>,
    components: DhPrivateComponents,
}

/// A public key: its integers (checked group) and, once first needed, OpenSSL's key.
pub struct DhPublicKey {
    pkey: OnceLock<PKey<Public>>,
    components: DhPublicComponents,
}

fn bignum(bytes: &[u8]) -> Result<BigNum> {
    Ok(BigNum::from_slice(bytes)?)
}

fn openssl_group(c: &DhParameterComponents) -> Result<Dh<Params>> {
    let q = c.q.as_deref().map(bignum).transpose()?;
    Ok(Dh::from_pqg(bignum(&c.p)?, q, bignum(&c.g)?)?)
}

fn invalid_parameters() -> Error {
    discard_openssl_errors();
    Error::InvalidKey("Invalid DH parameters")
}

/// OpenSSL's DH_check: p (and q when given) prime, g a suitable generator of the right
/// order. The named groups (RFC 3526, RFC 7919) are recognised without a primality test.
fn passes_dh_check(c: &DhParameterComponents) -> Result<bool> {
    Ok(openssl_group(c)?.check_key()?)
}

/// A group is usable when p has `MIN_MODULUS_BITS` to `MAX_MODULUS_BITS` and it passes
/// DH_check, answered from the process's memo of groups that passed when these exact
/// integers passed before (`validation_memo`): the primality tests cost tens of
/// milliseconds, and programs use the same few groups over and over.
fn check_parameters(c: &DhParameterComponents) -> Result<()> {
    let bits = bit_length(&c.p);
    if !(MIN_MODULUS_BITS..=MAX_MODULUS_BITS).contains(&bits) {
        return Err(invalid_parameters());
    }
    let verdict = match crate::validation_memo::dh_groups() {
        Some(memo) => memo.passes(c, passes_dh_check),
        None => passes_dh_check(c),
    };
    match verdict {
        Ok(true) => Ok(()),
        _ => Err(invalid_parameters()),
    }
}

fn parameter_components(dh: &Dh<impl openssl::pkey::HasParams>) -> DhParameterComponents {
    DhParameterComponents {
        p: dh.prime_p().to_vec(),
        g: dh.generator().to_vec(),
        q: dh.prime_q().map(|q| q.to_vec()),
    }
}

impl DhParameters {
    /// Generates a safe-prime group of `bits` with generator 2 or 5 (slow: seconds for
    /// 2048 bits).
    pub fn generate(generator: u32, bits: u32) -> Result<Self> {
        if (bits as usize) < MIN_MODULUS_BITS {
            return Err(Error::InvalidKey("DH key_size must be at least 512 bits"));
        }
        if generator != 2 && generator != 5 {
            return Err(Error::InvalidKey("DH generator must be 2 or 5"));
        }
        let generated = if bits as usize > MAX_MODULUS_BITS {
            None
        } else {
            Dh::generate_params(bits, generator).ok()
        };
        match generated {
            Some(dh) => Ok(DhParameters {
                components: parameter_components(&dh),
            }),
            None => {
                discard_openssl_errors();
                Err(Error::InvalidKey("Unable to generate DH parameters"))
            }
        }
    }

    /// A group from its integers, checked (`check_parameters`).
    pub fn from_components(components: DhParameterComponents) -> Result<Self> {
        check_parameters(&components)?;
        Ok(DhParameters { components })
    }

    pub fn components(&self) -> &DhParameterComponents {
        &self.components
    }

    /// A new key in this group.
    pub fn generate_private_key(&self) -> Result<DhPrivateKey> {
        let dh = openssl_group(&self.components)?.generate_key()?;
        let components = DhPrivateComponents {
            public: DhPublicComponents {
                parameters: self.components.clone(),
                y: dh.public_key().to_vec(),
            },
            x: Zeroizing::new(dh.private_key().to_vec()),
        };
        Ok(DhPrivateKey {
            pkey: OnceLock::from(PKey::from_dh(dh)?),
            components,
        })
    }
}

impl DhPrivateKey {
    /// A key from its integers. The group is checked; x and y are taken as given (the
    /// reference accepts any integers here, and the exchange checks the peer's value).
    pub fn from_components(components: DhPrivateComponents) -> Result<Self> {
        check_parameters(&components.public.parameters)?;
        Ok(DhPrivateKey {
            pkey: OnceLock::new(),
            components,
        })
    }

    /// A key from its group and private value, as a PKCS #8 file holds it: the group is
    /// checked, 0 < x < p, and y = g^x mod p is computed.
    pub fn from_private_value(parameters: DhParameterComponents, x: &[u8]) -> Result<Self> {
        check_parameters(&parameters)?;
        if bit_length(x) == 0 || compare_secret(x, &parameters.p) != std::cmp::Ordering::Less {
            return Err(Error::InvalidKey("Invalid DH private value"));
        }
        let y = power_mod_secret(&parameters.g, x, &parameters.p)?;
        Ok(DhPrivateKey {
            pkey: OnceLock::new(),
            components: DhPrivateComponents {
                public: DhPublicComponents { parameters, y },
                x: Zeroizing::new(x.to_vec()),
            },
        })
    }

    fn pkey(&self) -> Result<&PKey<Private>> {
        if let Some(pkey) = self.pkey.get() {
            return Ok(pkey);
        }
        let c = &self.components;
        let mut x = bignum(&c.x)?;
        x.set_const_time();
        let dh = openssl_group(&c.public.parameters)?.set_key(bignum(&c.public.y)?, x)?;
        let built = PKey::from_dh(dh)?;
        Ok(self.pkey.get_or_init(|| built))
    }

    /// The length of p in bits.
    pub fn key_size(&self) -> usize {
        bit_length(&self.components.public.parameters.p)
    }

    pub fn components(&self) -> &DhPrivateComponents {
        &self.components
    }

    pub fn parameters(&self) -> DhParameters {
        DhParameters {
            components: self.components.public.parameters.clone(),
        }
    }

    pub fn public_key(&self) -> DhPublicKey {
        DhPublicKey {
            pkey: OnceLock::new(),
            components: self.components.public.clone(),
        }
    }

    /// The shared secret with a peer of the same group, as many bytes as p (leading
    /// zeros kept: PKCS #3 section 8.1 and every protocol using it fix the length). A
    /// peer value OpenSSL's public-key check refuses (1, p - 1, outside the subgroup of
    /// order q) or a peer of another group is `ExchangeFailed`.
    pub fn exchange(&self, peer: &DhPublicKey) -> Result<Zeroizing<Vec<u8>>> {
        if peer.components.parameters != self.components.public.parameters {
            return Err(Error::Asymmetric(AsymmetricError::ExchangeFailed));
        }
        let secret = crate::ec::derive_shared(self.pkey()?, peer.pkey()?, true)?;
        let len = crate::magnitude::significant(&self.components.public.parameters.p).len();
        if secret.len() > len {
            return Err(Error::Asymmetric(AsymmetricError::ExchangeFailed));
        }
        let mut padded = Zeroizing::new(vec![0u8; len]);
        padded[len - secret.len()..].copy_from_slice(&secret);
        Ok(padded)
    }
}

impl DhPublicKey {
    /// A key from its integers. The group is checked; y is checked by the exchange.
    pub fn from_components(components: DhPublicComponents) -> Result<Self> {
        check_parameters(&components.parameters)?;
        Ok(DhPublicKey {
            pkey: OnceLock::new(),
            components,
        })
    }

    fn pkey(&self) -> Result<&PKey<Public>> {
        if let Some(pkey) = self.pkey.get() {
            return Ok(pkey);
        }
        let c = &self.components;
        let dh = openssl_group(&c.parameters)?.set_public_key(bignum(&c.y)?)?;
        let built = PKey::from_dh(dh)?;
        Ok(self.pkey.get_or_init(|| built))
    }

    /// The length of p in bits.
    pub fn key_size(&self) -> usize {
        bit_length(&self.components.parameters.p)
    }

    pub fn components(&self) -> &DhPublicComponents {
        &self.components
    }

    pub fn parameters(&self) -> DhParameters {
        DhParameters {
            components: self.components.parameters.clone(),
        }
    }

    /// Whether two keys have the same group and y.
    pub fn same_key(&self, other: &DhPublicKey) -> bool {
        self.components == other.components
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 5114 section 2.1: the 1024-bit MODP group with a 160-bit prime-order
    /// subgroup.
    fn rfc5114_1024() -> DhParameterComponents {
        let dh = Dh::get_1024_160().unwrap();
        parameter_components(&dh)
    }

    #[test]
    fn exchange_agrees_and_checks_the_peer() {
        let group = DhParameters::from_components(rfc5114_1024()).unwrap();
        let a = group.generate_private_key().unwrap();
        let b = group.generate_private_key().unwrap();
        let shared = a.exchange(&b.public_key()).unwrap();
        assert_eq!(shared.len(), 128);
        assert_eq!(*shared, *b.exchange(&a.public_key()).unwrap());
        // Against the integers: y_b^x_a mod p.
        let c = a.components();
        let expected =
            power_mod_secret(&b.components().public.y, &c.x, &c.public.parameters.p).unwrap();
        assert_eq!(crate::magnitude::significant(&shared), &expected[..]);

        for y in [
            vec![1u8],
            crate::magnitude::minus_one(&c.public.parameters.p),
        ] {
            let mut bad = b.public_key().components().clone();
            bad.y = y;
            let bad = DhPublicKey::from_components(bad).unwrap();
            assert!(matches!(
                a.exchange(&bad),
                Err(Error::Asymmetric(AsymmetricError::ExchangeFailed))
            ));
        }
    }

    #[test]
    fn groups_are_checked() {
        let mut not_prime = rfc5114_1024();
        *not_prime.p.last_mut().unwrap() ^= 2;
        assert!(matches!(
            DhParameters::from_components(not_prime),
            Err(Error::InvalidKey("Invalid DH parameters"))
        ));
        let mut wrong_q = rfc5114_1024();
        wrong_q.q = Some(vec![0x30, 0x39]);
        assert!(DhParameters::from_components(wrong_q).is_err());
        let small = DhParameterComponents {
            p: vec![0xff; 32],
            g: vec![2],
            q: None,
        };
        assert!(DhParameters::from_components(small).is_err());
        assert!(matches!(
            DhParameters::generate(2, 511),
            Err(Error::InvalidKey("DH key_size must be at least 512 bits"))
        ));
        assert!(matches!(
            DhParameters::generate(7, 512),
            Err(Error::InvalidKey("DH generator must be 2 or 5"))
        ));
        assert!(DhParameters::generate(2, 1 << 30).is_err());
    }

    #[test]
    fn a_group_is_checked_once() {
        let memo = crate::validation_memo::dh_groups().unwrap();
        // A group no other test uses: RFC 5114's 2048-bit group with a 256-bit q.
        let group = parameter_components(&Dh::get_2048_256().unwrap());
        let before = memo.stats();
        DhParameters::from_components(group.clone()).unwrap();
        DhPublicKey::from_components(DhPublicComponents {
            parameters: group.clone(),
            y: vec![2],
        })
        .unwrap();
        let after = memo.stats();
        assert!(after.full_checks > before.full_checks);
        assert!(after.hits > before.hits);
        // The same p and g without q is another group, checked on its own.
        let without_q = DhParameterComponents { q: None, ..group };
        let before = memo.stats();
        let _ = DhParameters::from_components(without_q);
        assert!(memo.stats().full_checks > before.full_checks);
    }

    #[test]
    fn private_value_gives_public_value() {
        let group = DhParameters::from_components(rfc5114_1024()).unwrap();
        let key = group.generate_private_key().unwrap();
        let c = key.components();
        let rebuilt = DhPrivateKey::from_private_value(c.public.parameters.clone(), &c.x).unwrap();
        assert_eq!(rebuilt.components().public, c.public);
        assert!(DhPrivateKey::from_private_value(c.public.parameters.clone(), &[0]).is_err());
        let p = c.public.parameters.p.clone();
        assert!(DhPrivateKey::from_private_value(c.public.parameters.clone(), &p).is_err());
    }
}
