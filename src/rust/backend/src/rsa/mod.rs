//! RSA keys: generation, construction from components (validated by default), signing
//! and verification (PKCS#1 v1.5, PSS), encryption and decryption (OAEP, PKCS#1 v1.5),
//! and recovery of signed data. OpenSSL does the arithmetic; encodings of the keys live in
//! the `keys` crate, which works from the components exported here.
//!
//! ```
//! use cryptography_backend::hash::HashAlgorithm;
//! use cryptography_backend::rsa::{RsaPrivateKey, SignaturePadding};
//! use cryptography_backend::signing::SignedData;
//!
//! let key = RsaPrivateKey::generate(65537, 1024)?;
//! let message = SignedData::Message { data: b"hello", hash: HashAlgorithm::Sha256 };
//! let signature = key.sign(message, SignaturePadding::Pkcs1v15)?;
//! key.public_key()?.verify(&signature, message, SignaturePadding::Pkcs1v15)?;
//! # Ok::<(), cryptography_backend::Error>(())
//! ```

use std::cmp::Ordering;
use std::sync::OnceLock;

use openssl::bn::{BigNum, BigNumContext, BigNumRef};
use openssl::pkey::{PKey, Private, Public};
use openssl::pkey_ctx::PkeyCtx;
use openssl::rsa::{Padding, Rsa, RsaPrivateKeyBuilder};
use openssl::sign::RsaPssSaltlen;
use zeroize::Zeroizing;

use crate::error::{AsymmetricError, Error, Result};
use crate::hash::HashAlgorithm;
use crate::magnitude::{bit_length, compare, is_odd};
use crate::signing::SignedData;

/// The smallest modulus `generate` accepts, in bits.
pub const MIN_GENERATED_KEY_BITS: u32 = 1024;

/// A PSS salt length.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaltLength {
    /// As long as the key and digest allow.
    Max,
    /// The digest's length.
    DigestLength,
    /// Whatever the signature used (verification only).
    Auto,
    /// Exactly this many bytes.
    Exact(u32),
}

/// The padding of a signature.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SignaturePadding {
    Pkcs1v15,
    Pss {
        mgf1: HashAlgorithm,
        salt: SaltLength,
    },
}

/// The padding of an encryption.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EncryptionPadding<'a> {
    Pkcs1v15,
    Oaep {
        hash: HashAlgorithm,
        mgf1: HashAlgorithm,
        label: Option<&'a [u8]>,
    },
}

/// The integers of an RSA public key, big-endian.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RsaPublicComponents {
    pub n: Vec<u8>,
    pub e: Vec<u8>,
}

/// The integers of an RSA private key (two primes), big-endian. Zeroized on drop.
#[derive(Clone)]
pub struct RsaPrivateComponents {
    pub public: RsaPublicComponents,
    pub d: Zeroizing<Vec<u8>>,
    pub p: Zeroizing<Vec<u8>>,
    pub q: Zeroizing<Vec<u8>>,
    pub dmp1: Zeroizing<Vec<u8>>,
    pub dmq1: Zeroizing<Vec<u8>>,
    pub iqmp: Zeroizing<Vec<u8>>,
}

/// An RSA private key. It keeps its integers beside OpenSSL's key (zeroized on drop):
/// reading them back out of OpenSSL costs a constant-time conversion per integer, more
/// than writing the whole PKCS #1 structure.
pub struct RsaPrivateKey {
    pkey: PKey<Private>,
    bits: usize,
    components: RsaPrivateComponents,
}

/// An RSA public key: its n and e, checked when the key was made, and OpenSSL's key,
/// built from them when an operation first needs it (numbers, serialization and
/// comparisons need only the integers).
pub struct RsaPublicKey {
    pkey: OnceLock<PKey<Public>>,
    bits: usize,
    components: RsaPublicComponents,
}

fn bignum(bytes: &[u8]) -> Result<BigNum> {
    Ok(BigNum::from_slice(bytes)?)
}

fn secret(bn: Option<&BigNumRef>) -> Zeroizing<Vec<u8>> {
    Zeroizing::new(bn.map(BigNumRef::to_vec).unwrap_or_default())
}

/// Reads the public integers of any RSA key.
fn public_components<T: openssl::pkey::HasPublic>(rsa: &Rsa<T>) -> RsaPublicComponents {
    RsaPublicComponents {
        n: rsa.n().to_vec(),
        e: rsa.e().to_vec(),
    }
}

/// Sets the padding (and, for PSS, the mask and salt) on a signing or verifying context.
fn configure_signature<T>(
    ctx: &mut PkeyCtx<T>,
    hash: Option<HashAlgorithm>,
    padding: SignaturePadding,
    signing: bool,
) -> Result<()> {
    if let Some(hash) = hash {
        ctx.set_signature_md(hash.md()?)
            .map_err(|_| Error::Asymmetric(AsymmetricError::UnsupportedSignatureHash(hash)))?;
    }
    match padding {
        SignaturePadding::Pkcs1v15 => ctx.set_rsa_padding(Padding::PKCS1)?,
        SignaturePadding::Pss { mgf1, salt } => {
            if hash.is_none() {
                return Err(Error::Asymmetric(AsymmetricError::UnsupportedPadding(
                    "PSS requires a hash algorithm",
                )));
            }
            ctx.set_rsa_padding(Padding::PKCS1_PSS)?;
            let salt = match salt {
                SaltLength::Max => RsaPssSaltlen::MAXIMUM_LENGTH,
                SaltLength::DigestLength => RsaPssSaltlen::DIGEST_LENGTH,
                SaltLength::Auto if signing => {
                    return Err(Error::Asymmetric(AsymmetricError::PssAutoWhenSigning))
                }
                // OpenSSL's RSA_PSS_SALTLEN_AUTO: accept whatever length the signature used.
                SaltLength::Auto => RsaPssSaltlen::custom(-2),
                SaltLength::Exact(len) => RsaPssSaltlen::custom(
                    i32::try_from(len)
                        .map_err(|_| Error::Asymmetric(AsymmetricError::SignatureInputTooLarge))?,
                ),
            };
            ctx.set_rsa_pss_saltlen(salt)?;
            ctx.set_rsa_mgf1_md(mgf1.md()?)
                .map_err(|_| Error::Asymmetric(AsymmetricError::UnsupportedSignatureHash(mgf1)))?;
        }
    }
    Ok(())
}

/// Hashes the signed data; RSA's encodings define no extendable-output function.
fn prepare(data: SignedData<'_>) -> Result<crate::signing::SigningInput<'_>> {
    match data.hash() {
        Some(hash) if hash.is_xof() => Err(Error::Asymmetric(
            AsymmetricError::UnsupportedSignatureHash(hash),
        )),
        _ => data.prepare(),
    }
}

/// OAEP is offered with SHA-1 and SHA-2 only, for the label hash and for MGF1 alike.
fn oaep_hash_allowed(hash: HashAlgorithm) -> bool {
    matches!(
        hash,
        HashAlgorithm::Sha1
            | HashAlgorithm::Sha224
            | HashAlgorithm::Sha256
            | HashAlgorithm::Sha384
            | HashAlgorithm::Sha512
    )
}

fn configure_encryption<T>(ctx: &mut PkeyCtx<T>, padding: EncryptionPadding<'_>) -> Result<()> {
    match padding {
        EncryptionPadding::Pkcs1v15 => ctx.set_rsa_padding(Padding::PKCS1)?,
        EncryptionPadding::Oaep { hash, mgf1, label } => {
            if !oaep_hash_allowed(hash) || !oaep_hash_allowed(mgf1) {
                return Err(Error::Asymmetric(AsymmetricError::UnsupportedPadding(
                    "This combination of padding and hash algorithm is not supported",
                )));
            }
            ctx.set_rsa_padding(Padding::PKCS1_OAEP)?;
            ctx.set_rsa_oaep_md(hash.md()?)?;
            ctx.set_rsa_mgf1_md(mgf1.md()?)?;
            if let Some(label) = label.filter(|label| !label.is_empty()) {
                ctx.set_rsa_oaep_label(label)?;
            }
        }
    }
    Ok(())
}

/// The range and parity checks every set of RSA private numbers passes before the
/// consistency check: each value below the modulus, the exponent odd and in [3, n), the
/// CRT exponents odd, and n = pq. The messages name the failing value.
pub fn check_private_numbers(components: &RsaPrivateComponents) -> Result<()> {
    let n = bignum(&components.public.n)?;
    let e = bignum(&components.public.e)?;
    if n < BigNum::from_u32(3)? {
        return Err(Error::InvalidKey("modulus must be >= 3."));
    }
    let below_modulus: [(&[u8], &'static str); 6] = [
        (&components.p, "p must be < modulus."),
        (&components.q, "q must be < modulus."),
        (&components.dmp1, "dmp1 must be < modulus."),
        (&components.dmq1, "dmq1 must be < modulus."),
        (&components.iqmp, "iqmp must be < modulus."),
        (&components.d, "private_exponent must be < modulus."),
    ];
    for (value, message) in below_modulus {
        if bignum(value)? >= n {
            return Err(Error::InvalidKey(message));
        }
    }
    if e < BigNum::from_u32(3)? || e >= n {
        return Err(Error::InvalidKey(
            "public_exponent must be >= 3 and < modulus.",
        ));
    }
    if !e.is_bit_set(0) {
        return Err(Error::InvalidKey("public_exponent must be odd."));
    }
    if !bignum(&components.dmp1)?.is_bit_set(0) {
        return Err(Error::InvalidKey("dmp1 must be odd."));
    }
    if !bignum(&components.dmq1)?.is_bit_set(0) {
        return Err(Error::InvalidKey("dmq1 must be odd."));
    }
    let (p, q, mut ctx) = (
        bignum(&components.p)?,
        bignum(&components.q)?,
        BigNumContext::new()?,
    );
    let mut product = BigNum::new()?;
    product.checked_mul(&p, &q, &mut ctx)?;
    if product != n {
        return Err(Error::InvalidKey("p*q must equal modulus."));
    }
    Ok(())
}

/// The checks of OpenSSL's RSA key check, for a two-prime key: e odd and above one,
/// n = pq, d*e = 1 mod lcm(p - 1, q - 1), the CRT values exactly d mod (p - 1),
/// d mod (q - 1) and q^-1 mod p, and p and q prime by OpenSSL's own test. Two more: both
/// primes odd (OpenSSL's check lets a factor of 2 through; no usable key has one). The
/// arithmetic comes first so that inconsistent keys fail fast; the two primality tests,
/// nearly all of the cost, run on two threads.
pub(crate) fn key_is_consistent(components: &RsaPrivateComponents) -> Result<bool> {
    let mut ctx = BigNumContext::new()?;
    let (n, e, d) = (
        bignum(&components.public.n)?,
        bignum(&components.public.e)?,
        bignum(&components.d)?,
    );
    let (p, q) = (bignum(&components.p)?, bignum(&components.q)?);
    let (dmp1, dmq1, iqmp) = (
        bignum(&components.dmp1)?,
        bignum(&components.dmq1)?,
        bignum(&components.iqmp)?,
    );
    let one = BigNum::from_u32(1)?;
    if e <= one || !e.is_bit_set(0) || !p.is_bit_set(0) || !q.is_bit_set(0) {
        return Ok(false);
    }
    let mut product = BigNum::new()?;
    product.checked_mul(&p, &q, &mut ctx)?;
    if product != n {
        return Ok(false);
    }
    let (mut p1, mut q1) = (p.to_owned()?, q.to_owned()?);
    p1.sub_word(1)?;
    q1.sub_word(1)?;
    let (mut totient, mut gcd, mut lcm) = (BigNum::new()?, BigNum::new()?, BigNum::new()?);
    totient.checked_mul(&p1, &q1, &mut ctx)?;
    gcd.gcd(&p1, &q1, &mut ctx)?;
    lcm.checked_div(&totient, &gcd, &mut ctx)?;
    let mut de = BigNum::new()?;
    de.mod_mul(&d, &e, &lcm, &mut ctx)?;
    if de != one {
        return Ok(false);
    }
    let mut expected = BigNum::new()?;
    expected.nnmod(&d, &p1, &mut ctx)?;
    if expected != dmp1 {
        return Ok(false);
    }
    expected.nnmod(&d, &q1, &mut ctx)?;
    if expected != dmq1 {
        return Ok(false);
    }
    if expected.mod_inverse(&q, &p, &mut ctx).is_err() || expected != iqmp {
        crate::error::discard_openssl_errors();
        return Ok(false);
    }
    let (p, q) = (&p, &q);
    std::thread::scope(|scope| {
        let other = std::thread::Builder::new().spawn_scoped(scope, || crate::ffi::check_prime(q));
        let p_prime = crate::ffi::check_prime(p)?;
        let q_prime = match other {
            Ok(handle) => handle.join().unwrap_or(Ok(false))?,
            // No second thread to be had: test q here.
            Err(_) => crate::ffi::check_prime(q)?,
        };
        Ok(p_prime && q_prime)
    })
}

/// The full key check, answered from the process's memo of keys that passed it when
/// these exact integers passed before (see `validation_memo`).
fn passes_key_check(components: &RsaPrivateComponents) -> bool {
    let verdict = match crate::validation_memo::rsa_keys() {
        Some(memo) => memo.passes(components, key_is_consistent),
        None => key_is_consistent(components),
    };
    matches!(verdict, Ok(true))
}

impl RsaPrivateKey {
    fn from_rsa(rsa: Rsa<Private>, components: RsaPrivateComponents) -> Result<Self> {
        let bits = usize::try_from(rsa.n().num_bits()).unwrap_or(0);
        Ok(RsaPrivateKey {
            pkey: PKey::from_rsa(rsa)?,
            bits,
            components,
        })
    }

    /// Generates a key. The exponent must be 3 or 65537 and the modulus at least
    /// `MIN_GENERATED_KEY_BITS` long.
    pub fn generate(public_exponent: u32, bits: u32) -> Result<Self> {
        if public_exponent != 3 && public_exponent != 65537 {
            return Err(Error::InvalidKey(
                "public_exponent must be either 3 (for legacy compatibility) or 65537. Almost everyone should choose 65537 here!",
            ));
        }
        if bits < MIN_GENERATED_KEY_BITS {
            return Err(Error::InvalidKey("key_size must be at least 1024-bits."));
        }
        let e = BigNum::from_u32(public_exponent)?;
        let rsa = Rsa::generate_with_e(bits, &e)?;
        let components = RsaPrivateComponents {
            public: public_components(&rsa),
            d: Zeroizing::new(rsa.d().to_vec()),
            p: secret(rsa.p()),
            q: secret(rsa.q()),
            dmp1: secret(rsa.dmp1()),
            dmq1: secret(rsa.dmq1()),
            iqmp: secret(rsa.iqmp()),
        };
        Self::from_rsa(rsa, components)
    }

    /// Builds a key from its integers. With `validate`, OpenSSL's full key check runs
    /// (p and q prime, n = pq, d and the CRT values consistent), unless the same integers
    /// passed it before in this process; a key that fails it is refused.
    pub fn from_components(components: &RsaPrivateComponents, validate: bool) -> Result<Self> {
        let public = &components.public;
        let rsa = RsaPrivateKeyBuilder::new(
            bignum(&public.n)?,
            bignum(&public.e)?,
            bignum(&components.d)?,
        )?
        .set_factors(bignum(&components.p)?, bignum(&components.q)?)?
        .set_crt_params(
            bignum(&components.dmp1)?,
            bignum(&components.dmq1)?,
            bignum(&components.iqmp)?,
        )?
        .build();
        if validate && !passes_key_check(components) {
            // The failed check's reasons are not reported: the key is simply invalid.
            crate::error::discard_openssl_errors();
            return Err(Error::InvalidKey("Invalid private key"));
        }
        Self::from_rsa(rsa, components.clone())
    }

    /// The modulus length in bits.
    pub fn key_size(&self) -> usize {
        self.bits
    }

    /// The key's integers.
    pub fn components(&self) -> &RsaPrivateComponents {
        &self.components
    }

    pub fn public_key(&self) -> Result<RsaPublicKey> {
        Ok(RsaPublicKey::from_checked(self.components.public.clone()))
    }

    pub fn sign(&self, data: SignedData<'_>, padding: SignaturePadding) -> Result<Vec<u8>> {
        let input = prepare(data)?;
        let mut ctx = PkeyCtx::new(&self.pkey)?;
        ctx.sign_init()?;
        configure_signature(&mut ctx, input.hash, padding, true)?;
        let mut signature = Vec::with_capacity(self.pkey.size());
        ctx.sign_to_vec(input.bytes(), &mut signature)
            .map_err(|_| Error::Asymmetric(AsymmetricError::SignatureInputTooLarge))?;
        Ok(signature)
    }

    pub fn decrypt(
        &self,
        ciphertext: &[u8],
        padding: EncryptionPadding<'_>,
    ) -> Result<Zeroizing<Vec<u8>>> {
        let mut ctx = PkeyCtx::new(&self.pkey)?;
        ctx.decrypt_init()?;
        configure_encryption(&mut ctx, padding)?;
        if ciphertext.len() != self.pkey.size() {
            return Err(Error::Asymmetric(AsymmetricError::CiphertextLength));
        }
        let mut plaintext = Zeroizing::new(Vec::with_capacity(ciphertext.len()));
        // No detail on failure: which check failed must not be observable.
        ctx.decrypt_to_vec(ciphertext, &mut plaintext)
            .map_err(|_| Error::Asymmetric(AsymmetricError::DecryptionFailed))?;
        Ok(plaintext)
    }
}

impl RsaPublicKey {
    /// Builds a key from n and e, checking that n >= 3, that e is odd, and 3 <= e < n.
    pub fn from_components(components: &RsaPublicComponents) -> Result<Self> {
        let (n, e) = (&components.n, &components.e);
        if compare(n, &[3]) == Ordering::Less {
            return Err(Error::InvalidKey("n must be >= 3."));
        }
        if compare(e, &[3]) == Ordering::Less || compare(e, n) != Ordering::Less {
            return Err(Error::InvalidKey("e must be >= 3 and < n."));
        }
        if !is_odd(e) {
            return Err(Error::InvalidKey("e must be odd."));
        }
        Ok(Self::from_checked(components.clone()))
    }

    /// Builds a key from a parsed encoding (SubjectPublicKeyInfo, PKCS #1): the checks of
    /// `from_components`, and an odd modulus, which OpenSSL's arithmetic needs. A key with
    /// e = 2 or e >= n is refused whichever way it arrives.
    pub fn from_encoded_components(components: &RsaPublicComponents) -> Result<Self> {
        let key = Self::from_components(components)?;
        if !is_odd(&components.n) {
            return Err(Error::InvalidKey("Invalid RSA public key"));
        }
        Ok(key)
    }

    fn from_checked(components: RsaPublicComponents) -> Self {
        RsaPublicKey {
            pkey: OnceLock::new(),
            bits: bit_length(&components.n),
            components,
        }
    }

    /// OpenSSL's key, built on first use.
    fn pkey(&self) -> Result<&PKey<Public>> {
        if let Some(pkey) = self.pkey.get() {
            return Ok(pkey);
        }
        let c = &self.components;
        let built = PKey::from_rsa(Rsa::from_public_components(bignum(&c.n)?, bignum(&c.e)?)?)?;
        Ok(self.pkey.get_or_init(|| built))
    }

    pub fn key_size(&self) -> usize {
        self.bits
    }

    /// The key's n and e.
    pub fn components(&self) -> &RsaPublicComponents {
        &self.components
    }

    /// Whether two keys have the same n and e.
    pub fn same_key(&self, other: &RsaPublicKey) -> bool {
        let (mine, theirs) = (&self.components, &other.components);
        compare(&mine.n, &theirs.n) == Ordering::Equal
            && compare(&mine.e, &theirs.e) == Ordering::Equal
    }

    /// Checks a signature; any mismatch (including a signature of the wrong length) is
    /// `Error::Asymmetric(AsymmetricError::BadSignature)`.
    pub fn verify(
        &self,
        signature: &[u8],
        data: SignedData<'_>,
        padding: SignaturePadding,
    ) -> Result<()> {
        let input = prepare(data)?;
        // A digest that leaves no room in the key's encoded message is an argument error,
        // not a signature that fails.
        if let (SignaturePadding::Pss { .. }, Some(hash)) = (padding, input.hash) {
            max_pss_salt_length(self.key_size(), hash.output_len())?;
        }
        let mut ctx = PkeyCtx::new(self.pkey()?)?;
        ctx.verify_init()?;
        configure_signature(&mut ctx, input.hash, padding, false)?;
        match ctx.verify(input.bytes(), signature) {
            Ok(true) => Ok(()),
            _ => {
                crate::error::discard_openssl_errors();
                Err(Error::Asymmetric(AsymmetricError::BadSignature))
            }
        }
    }

    pub fn encrypt(&self, plaintext: &[u8], padding: EncryptionPadding<'_>) -> Result<Vec<u8>> {
        let mut ctx = PkeyCtx::new(self.pkey()?)?;
        ctx.encrypt_init()?;
        configure_encryption(&mut ctx, padding)?;
        let mut ciphertext = Vec::with_capacity(self.pkey()?.size());
        ctx.encrypt_to_vec(plaintext, &mut ciphertext)
            .map_err(|_| Error::Asymmetric(AsymmetricError::EncryptionFailed))?;
        Ok(ciphertext)
    }

    /// Recovers what a PKCS#1 v1.5 signature signed: the digest when `hash` is given
    /// (checked against the DigestInfo), else the whole DigestInfo.
    pub fn recover_data_from_signature(
        &self,
        signature: &[u8],
        hash: Option<HashAlgorithm>,
    ) -> Result<Vec<u8>> {
        if let Some(hash) = hash {
            if hash.is_xof() {
                return Err(Error::Asymmetric(
                    AsymmetricError::UnsupportedSignatureHash(hash),
                ));
            }
        }
        let mut ctx = PkeyCtx::new(self.pkey()?)?;
        ctx.verify_recover_init()?;
        configure_signature(&mut ctx, hash, SignaturePadding::Pkcs1v15, false)?;
        let mut out = vec![0u8; self.pkey()?.size()];
        match ctx.verify_recover(signature, Some(&mut out)) {
            Ok(len) => {
                out.truncate(len);
                Ok(out)
            }
            Err(_) => Err(Error::Asymmetric(AsymmetricError::BadSignature)),
        }
    }
}

/// The largest PSS salt for a key of `key_bits` and a digest of `digest_len` bytes:
/// emLen - hLen - 2, where the encoded message has ceil((modBits - 1) / 8) bytes (RFC 8017
/// section 9.1.1).
pub fn max_pss_salt_length(key_bits: usize, digest_len: usize) -> Result<usize> {
    let em_len = key_bits.saturating_sub(1).div_ceil(8);
    em_len
        .checked_sub(digest_len + 2)
        .ok_or(Error::Asymmetric(AsymmetricError::SignatureInputTooLarge))
}

/// The CRT values of a key and the recovery of its primes from its exponents.
pub mod crt {
    use super::*;

    fn ctx() -> Result<BigNumContext> {
        Ok(BigNumContext::new()?)
    }

    /// A secret integer, big-endian, wiped on drop.
    pub type Secret = Zeroizing<Vec<u8>>;

    /// d mod (p - 1) and d mod (q - 1), for key formats that store only d, p, q and
    /// iqmp (OpenSSH's). A prime below 2 is refused.
    pub fn private_exponents(d: &[u8], p: &[u8], q: &[u8]) -> Result<(Secret, Secret)> {
        let mut ctx = BigNumContext::new_secure()?;
        let mut d = bignum(d)?;
        d.set_const_time();
        let mut reduce = |prime: &[u8]| -> Result<Secret> {
            let mut modulus = bignum(prime)?;
            if modulus.num_bits() < 2 {
                return Err(Error::InvalidKey("Invalid private key"));
            }
            modulus.sub_word(1)?;
            let mut out = BigNum::new_secure()?;
            out.nnmod(&d, &modulus, &mut ctx)?;
            Ok(Zeroizing::new(out.to_vec()))
        };
        Ok((reduce(p)?, reduce(q)?))
    }

    /// Recovers (p, q), p > q, from n, e and d: the probabilistic method of NIST SP
    /// 800-56B appendix C, with the small primes as the fixed sequence of bases.
    pub fn recover_prime_factors(n: &[u8], e: &[u8], d: &[u8]) -> Result<(Vec<u8>, Vec<u8>)> {
        const MAX_BASE: u32 = 1000;
        let mismatch = || Error::InvalidKey("n, d, e don't match");
        let mut ctx = ctx()?;
        let n = bignum(n)?;
        let one = BigNum::from_u32(1)?;
        let mut n_minus_one = n.to_owned()?;
        n_minus_one.sub_word(1)?;
        // k = d*e - 1 = 2^t * r with r odd.
        let (d, e) = (bignum(d)?, bignum(e)?);
        let mut k = BigNum::new()?;
        k.checked_mul(&d, &e, &mut ctx)?;
        k.sub_word(1)?;
        if k.num_bits() == 0 || k.is_bit_set(0) {
            return Err(mismatch());
        }
        let mut r = k.to_owned()?;
        while !r.is_bit_set(0) {
            let shifted = r.to_owned()?;
            r.rshift1(&shifted)?;
        }
        let mut base = 2u32;
        while base < MAX_BASE {
            let g = BigNum::from_u32(base)?;
            let mut exponent = r.to_owned()?;
            while exponent < k {
                let mut y = BigNum::new()?;
                y.mod_exp(&g, &exponent, &n, &mut ctx)?;
                if y != one && y != n_minus_one {
                    let mut y_squared = BigNum::new()?;
                    y_squared.mod_sqr(&y, &n, &mut ctx)?;
                    if y_squared == one {
                        let mut y_minus_one = y.to_owned()?;
                        y_minus_one.sub_word(1)?;
                        let mut p = BigNum::new()?;
                        p.gcd(&y_minus_one, &n, &mut ctx)?;
                        let mut q = BigNum::new()?;
                        let mut rem = BigNum::new()?;
                        q.div_rem(&mut rem, &n, &p, &mut ctx)?;
                        if rem.num_bits() != 0 || p == one || q == one {
                            return Err(mismatch());
                        }
                        let (p, q) = if p < q { (q, p) } else { (p, q) };
                        return Ok((p.to_vec(), q.to_vec()));
                    }
                }
                let doubled = exponent.to_owned()?;
                exponent.lshift1(&doubled)?;
            }
            base += 1;
        }
        Err(mismatch())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hash::HashAlgorithm;

    #[test]
    fn generation_rules() {
        // Only 3 and 65537 as exponents (checked before the size), and 1024 bits or more.
        for exponent in [0, 1, 5, 65539, u32::MAX] {
            assert!(matches!(
                RsaPrivateKey::generate(exponent, 512),
                Err(Error::InvalidKey(message)) if message.starts_with("public_exponent")
            ));
        }
        assert!(matches!(
            RsaPrivateKey::generate(65537, 1023),
            Err(Error::InvalidKey("key_size must be at least 1024-bits."))
        ));
    }

    #[test]
    fn max_pss_salt_length_follows_the_encoded_message_length() {
        assert_eq!(max_pss_salt_length(2048, 32).unwrap(), 222);
        assert_eq!(max_pss_salt_length(2049, 32).unwrap(), 222);
        assert_eq!(max_pss_salt_length(1025, 32).unwrap(), 94);
        assert!(max_pss_salt_length(256, 64).is_err());
    }

    #[test]
    fn inconsistent_components_are_refused() {
        let key = RsaPrivateKey::generate(65537, 1024).unwrap();
        let good = key.components().clone();
        assert!(RsaPrivateKey::from_components(&good, true).is_ok());
        let mut bad = good.clone();
        let last = bad.iqmp.len() - 1;
        bad.iqmp[last] ^= 1;
        assert!(matches!(
            RsaPrivateKey::from_components(&bad, true),
            Err(Error::InvalidKey("Invalid private key"))
        ));
        // Unvalidated, the same key is built on request.
        assert!(RsaPrivateKey::from_components(&bad, false).is_ok());
        let mut swapped = good.clone();
        std::mem::swap(&mut swapped.p, &mut swapped.q);
        assert!(RsaPrivateKey::from_components(&swapped, true).is_err());
    }

    #[test]
    fn pkcs1v15_signature_round_trip_and_recovery() {
        let key = RsaPrivateKey::generate(65537, 1024).unwrap();
        let data = SignedData::Message {
            data: b"abc",
            hash: HashAlgorithm::Sha256,
        };
        let signature = key.sign(data, SignaturePadding::Pkcs1v15).unwrap();
        let public = key.public_key().unwrap();
        public
            .verify(&signature, data, SignaturePadding::Pkcs1v15)
            .unwrap();
        let digest = public
            .recover_data_from_signature(&signature, Some(HashAlgorithm::Sha256))
            .unwrap();
        assert_eq!(digest[..4], [0xba, 0x78, 0x16, 0xbf]);
    }
}
