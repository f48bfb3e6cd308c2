//! Key derivation: PBKDF2 and scrypt run in OpenSSL; HKDF (RFC 5869), the ANSI X9.63 KDF
//! and the NIST SP 800-56A concatenation KDF are composed here over the cached digests
//! and the HMAC of `crate::mac`, which key in a fraction of the time OpenSSL's KDF
//! objects take to set up (the reference spends most of an HKDF call there).
//!
//! Every function writes exactly `out.len()` bytes; lengths past what a construction
//! defines are refused before any work.
//!
//! ```
//! use cryptography_backend::hash::HashAlgorithm;
//! use cryptography_backend::kdf;
//!
//! let mut okm = [0u8; 42];
//! kdf::hkdf(HashAlgorithm::Sha256, Some(b"salt"), b"input key", b"info", &mut okm)?;
//! # Ok::<(), cryptography_backend::Error>(())
//! ```

use std::ffi::c_int;

use zeroize::Zeroizing;

use crate::algorithms::FetchSlot;
use crate::error::{Error, KdfError, Result, Unsupported};
use crate::hash::{HashAlgorithm, Hasher};
use crate::mac::{Cmac, Hmac};

/// The largest digest: the size of the per-block scratch buffers.
const MAX_DIGEST: usize = 64;

/// A KDF's `verify`: derives `length` bytes with `derive` into a buffer wiped
/// afterwards, and compares them with `expected` in constant time. A
/// mismatch (of content or length) is `KdfError::KeyMismatch`.
pub fn verify_derived<E: From<Error>>(
    length: usize,
    expected: &[u8],
    derive: impl FnOnce(&mut [u8]) -> std::result::Result<(), E>,
) -> std::result::Result<(), E> {
    let mut derived = Zeroizing::new(vec![0u8; length]);
    derive(&mut derived)?;
    if crate::constant_time_eq(&derived, expected) {
        Ok(())
    } else {
        Err(Error::from(KdfError::KeyMismatch).into())
    }
}

/// PBKDF2 needs at least one iteration.
pub fn check_pbkdf2_iterations(iterations: u64) -> Result<()> {
    if iterations < 1 {
        return Err(KdfError::Pbkdf2Iterations.into());
    }
    Ok(())
}

/// PBKDF2-HMAC (RFC 8018 section 5.2). OpenSSL refuses extendable-output digests.
pub fn pbkdf2_hmac(
    algorithm: HashAlgorithm,
    password: &[u8],
    salt: &[u8],
    iterations: u64,
    out: &mut [u8],
) -> Result<()> {
    check_pbkdf2_iterations(iterations)?;
    if algorithm.is_xof() {
        return Err(Error::Unsupported(
            Unsupported::Hash,
            "an extendable-output digest in PBKDF2",
        ));
    }
    if out.is_empty() {
        return Ok(());
    }
    #[cfg(not(ossl_no_deprecated_3_0))]
    if !crate::ffi::fips_enabled() {
        use crate::ffi::low_level_sha as sha;
        match algorithm {
            HashAlgorithm::Sha1 => return pbkdf2_sha::<sha::Sha1>(password, salt, iterations, out),
            HashAlgorithm::Sha224 => {
                return pbkdf2_sha::<sha::Sha224>(password, salt, iterations, out)
            }
            HashAlgorithm::Sha256 => {
                return pbkdf2_sha::<sha::Sha256>(password, salt, iterations, out)
            }
            HashAlgorithm::Sha384 => {
                return pbkdf2_sha::<sha::Sha384>(password, salt, iterations, out)
            }
            HashAlgorithm::Sha512 => {
                return pbkdf2_sha::<sha::Sha512>(password, salt, iterations, out)
            }
            _ => {}
        }
    }
    let iterations =
        c_int::try_from(iterations).map_err(|_| Error::ParameterTooLarge("iteration count"))?;
    crate::ffi::pbkdf2_hmac(algorithm.fetched()?, password, salt, iterations, out)
}

/// How many PBKDF2 iterations run between two interrupt checks: about a millisecond of
/// SHA-256 work, so a stop request is seen well within 100 ms.
#[cfg(not(ossl_no_deprecated_3_0))]
const INTERRUPT_CHECK_EVERY: u64 = 1 << 12;

/// PBKDF2 (RFC 8018 section 5.2) with HMAC over a low-level SHA state: the keyed inner
/// and outer states are computed once, and each iteration resumes copies of them.
#[cfg(not(ossl_no_deprecated_3_0))]
fn pbkdf2_sha<S: crate::ffi::low_level_sha::ShaState>(
    password: &[u8],
    salt: &[u8],
    iterations: u64,
    out: &mut [u8],
) -> Result<()> {
    const MAX_BLOCK: usize = 128;
    // HMAC's key: the password, hashed first when longer than a block (RFC 2104).
    let mut key = Zeroizing::new([0u8; MAX_BLOCK]);
    let mut work = S::new();
    if password.len() > S::BLOCK {
        work.update(password);
        work.finalize_into(&mut key[..]);
    } else {
        key[..password.len()].copy_from_slice(password);
    }
    let pad = |byte: u8| {
        let mut padded = Zeroizing::new([0u8; MAX_BLOCK]);
        for (p, k) in padded.iter_mut().zip(key.iter()).take(S::BLOCK) {
            *p = k ^ byte;
        }
        let mut state = S::new();
        state.update(&padded[..S::BLOCK]);
        state
    };
    let (mut inner, mut outer) = (pad(0x36), pad(0x5c));
    // One working state, reset from the keyed ones: no copy to wipe per iteration.
    let mut inner_digest = Zeroizing::new([0u8; MAX_DIGEST]);
    let mut hmac = |work: &mut S, parts: &[&[u8]], into: &mut [u8]| {
        work.clone_from(&inner);
        for part in parts {
            work.update(part);
        }
        work.finalize_into(&mut inner_digest[..]);
        work.clone_from(&outer);
        work.update(&inner_digest[..S::OUTPUT]);
        work.finalize_into(into);
    };
    let mut u = Zeroizing::new([0u8; MAX_DIGEST]);
    let mut next = Zeroizing::new([0u8; MAX_DIGEST]);
    let mut t = Zeroizing::new([0u8; MAX_DIGEST]);
    let mut result = Ok(());
    for (index, chunk) in out.chunks_mut(S::OUTPUT).enumerate() {
        let Ok(block_index) = u32::try_from(index + 1) else {
            result = Err(Error::DerivedKeyTooLong);
            break;
        };
        hmac(&mut work, &[salt, &block_index.to_be_bytes()], &mut u[..]);
        t.copy_from_slice(&*u);
        for iteration in 1..iterations {
            if iteration % INTERRUPT_CHECK_EVERY == 0 {
                if let Err(err) = crate::interrupt::keep_going() {
                    result = Err(err);
                    break;
                }
            }
            hmac(&mut work, &[&u[..S::OUTPUT]], &mut next[..]);
            std::mem::swap(&mut u, &mut next);
            for (t_byte, u_byte) in t.iter_mut().zip(u.iter()).take(S::OUTPUT) {
                *t_byte ^= u_byte;
            }
        }
        if result.is_err() {
            break;
        }
        chunk.copy_from_slice(&t[..chunk.len()]);
    }
    for state in [&mut inner, &mut outer, &mut work] {
        state.wipe();
    }
    result
}

/// The memory scrypt needs for `n` and `r`, in bytes (the reference's estimate, which
/// leaves out the small `p`-sized buffer).
fn scrypt_memory(n: u64, r: u64) -> u64 {
    128u64.saturating_mul(n).saturating_mul(r)
}

/// scrypt (RFC 7914). `n` must be a power of two above 1, `r` and `p` at least 1 (the
/// caller's checks, with the reference's messages). Memory is limited only by what the
/// machine can give; a failure to get it is `ScryptMemory`.
/// The PKCS#12 key derivation (RFC 7292 appendix B.2) over SHA-1, as PKCS#12's
/// password-based encryption schemes use it. `password` is the UTF-8 password; it is
/// converted to the BMPString form the scheme hashes. `id` is 1 for key material, 2 for an
/// IV.
pub fn pkcs12_sha1(
    password: &[u8],
    salt: &[u8],
    iterations: u32,
    id: u32,
    out: &mut [u8],
) -> Result<()> {
    static PKCS12KDF: FetchSlot<crate::ffi::FetchedKdf> = FetchSlot::new(c"PKCS12KDF");
    let text =
        std::str::from_utf8(password).map_err(|_| Error::InvalidKey("password is not UTF-8"))?;
    let mut bmp = zeroize::Zeroizing::new(Vec::with_capacity(password.len() * 2 + 2));
    for unit in text.encode_utf16() {
        bmp.extend_from_slice(&unit.to_be_bytes());
    }
    bmp.extend_from_slice(&[0, 0]);
    Ok(crate::ffi::pkcs12_kdf(
        PKCS12KDF.kdf()?,
        c"SHA1",
        &bmp,
        salt,
        iterations,
        id,
        out,
    )?)
}

/// scrypt's cost parameters, checked (RFC 7914 section 2): n a power of two above 1,
/// r and p at least 1.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ScryptParams {
    n: u64,
    r: u64,
    p: u64,
}

impl ScryptParams {
    pub fn new(n: u64, r: u64, p: u64) -> Result<Self> {
        if n < 2 || !n.is_power_of_two() {
            return Err(KdfError::ScryptN.into());
        }
        if r < 1 {
            return Err(KdfError::ScryptR.into());
        }
        if p < 1 {
            return Err(KdfError::ScryptP.into());
        }
        Ok(ScryptParams { n, r, p })
    }
}

pub fn scrypt(password: &[u8], salt: &[u8], params: ScryptParams, out: &mut [u8]) -> Result<()> {
    if out.is_empty() {
        return Ok(());
    }
    let ScryptParams { n, r, p } = params;
    crate::ffi::scrypt(password, salt, n, r, p, u64::MAX / 2, out).map_err(|_| {
        Error::ScryptMemory {
            required_mib: scrypt_memory(n, r) / (1024 * 1024),
        }
    })
}

/// HKDF's output limit, for a request of `length` bytes.
pub fn check_hkdf_length(algorithm: HashAlgorithm, length: usize) -> Result<()> {
    let max = hkdf_max_len(algorithm);
    if length > max {
        return Err(KdfError::HkdfLength { max }.into());
    }
    Ok(())
}

/// The counter KDFs' output limit (X9.63, ConcatKDF), for a request of `length` bytes.
pub fn check_counter_kdf_length(algorithm: HashAlgorithm, length: usize) -> Result<()> {
    let max = counter_kdf_max_len(algorithm);
    if length as u64 > max {
        return Err(KdfError::CounterLength { max }.into());
    }
    Ok(())
}

/// The largest output HKDF defines: 255 blocks of the digest.
pub fn hkdf_max_len(algorithm: HashAlgorithm) -> usize {
    255 * algorithm.output_len()
}

/// HKDF-Extract (RFC 5869 section 2.2): PRK = HMAC(salt, IKM); a missing salt is a
/// block of zeros as long as the digest. `prk` must be the digest's length.
pub fn hkdf_extract(
    algorithm: HashAlgorithm,
    salt: Option<&[u8]>,
    ikm: &[u8],
    prk: &mut [u8],
) -> Result<()> {
    let zeros = [0u8; MAX_DIGEST];
    let salt = match salt {
        Some(salt) => salt,
        None => zeros
            .get(..algorithm.output_len())
            .ok_or(Error::Unsupported(Unsupported::Hash, "this digest in HKDF"))?,
    };
    let mut mac = Hmac::new(algorithm, salt)?;
    mac.update(ikm)?;
    mac.finalize_into(prk)
}

/// HKDF-Expand (RFC 5869 section 2.3): T(i) = HMAC(PRK, T(i-1) || info || i).
pub fn hkdf_expand(
    algorithm: HashAlgorithm,
    prk: &[u8],
    info: &[u8],
    out: &mut [u8],
) -> Result<()> {
    check_hkdf_length(algorithm, out.len())?;
    if out.is_empty() {
        return Ok(());
    }
    let keyed = Hmac::new(algorithm, prk)?;
    let hash_len = algorithm.output_len();
    let mut previous = Zeroizing::new([0u8; MAX_DIGEST]);
    let mut previous_len = 0;
    for (index, chunk) in out.chunks_mut(hash_len).enumerate() {
        let mut mac = keyed.fork()?;
        mac.update(&previous[..previous_len])?;
        mac.update(info)?;
        // At most 255 blocks (checked above), so the counter fits its byte.
        let counter = u8::try_from(index + 1).map_err(|_| Error::DerivedKeyTooLong)?;
        mac.update(&[counter])?;
        let block = &mut previous[..hash_len];
        mac.finalize_into(block)?;
        previous_len = hash_len;
        chunk.copy_from_slice(&block[..chunk.len()]);
    }
    Ok(())
}

/// HKDF (RFC 5869): extract, then expand.
pub fn hkdf(
    algorithm: HashAlgorithm,
    salt: Option<&[u8]>,
    ikm: &[u8],
    info: &[u8],
    out: &mut [u8],
) -> Result<()> {
    check_hkdf_length(algorithm, out.len())?;
    let mut prk = Zeroizing::new([0u8; MAX_DIGEST]);
    let prk = prk
        .get_mut(..algorithm.output_len())
        .ok_or(Error::Unsupported(Unsupported::Hash, "this digest in HKDF"))?;
    hkdf_extract(algorithm, salt, ikm, prk)?;
    hkdf_expand(algorithm, prk, info, out)
}

/// The largest output of the counter-based KDFs (X9.63, ConcatKDF): a 32-bit counter
/// starting at 1 numbers the digest blocks.
pub fn counter_kdf_max_len(algorithm: HashAlgorithm) -> u64 {
    (algorithm.output_len() as u64).saturating_mul(u64::from(u32::MAX))
}

/// Fills `out` block by block: block `i` (from 1) is `block(i, scratch)` truncated.
fn counter_blocks(
    block_len: usize,
    out: &mut [u8],
    mut block: impl FnMut(u32, &mut [u8]) -> Result<()>,
) -> Result<()> {
    // A SHAKE digest may be longer than any fixed one.
    let mut scratch = Zeroizing::new(vec![0u8; block_len]);
    for (index, chunk) in out.chunks_mut(block_len.max(1)).enumerate() {
        let counter = u32::try_from(index + 1).map_err(|_| Error::DerivedKeyTooLong)?;
        block(counter, &mut scratch)?;
        chunk.copy_from_slice(&scratch[..chunk.len()]);
    }
    Ok(())
}

/// ANSI X9.63 KDF (SEC 1 section 3.6.1): K(i) = Hash(Z || i || SharedInfo), i a 32-bit
/// big-endian counter from 1.
pub fn x963(algorithm: HashAlgorithm, z: &[u8], shared_info: &[u8], out: &mut [u8]) -> Result<()> {
    check_counter_kdf_length(algorithm, out.len())?;
    counter_blocks(algorithm.output_len(), out, |counter, block| {
        let mut hash = Hasher::new(algorithm)?;
        hash.update(z)?;
        hash.update(&counter.to_be_bytes())?;
        hash.update(shared_info)?;
        hash.finalize_into(block)
    })
}

/// NIST SP 800-56A concatenation KDF with a digest: K(i) = Hash(i || Z || OtherInfo).
pub fn concat_hash(
    algorithm: HashAlgorithm,
    z: &[u8],
    other_info: &[u8],
    out: &mut [u8],
) -> Result<()> {
    check_counter_kdf_length(algorithm, out.len())?;
    counter_blocks(algorithm.output_len(), out, |counter, block| {
        let mut hash = Hasher::new(algorithm)?;
        hash.update(&counter.to_be_bytes())?;
        hash.update(z)?;
        hash.update(other_info)?;
        hash.finalize_into(block)
    })
}

/// The HMAC block length of a digest, which ConcatKDF-HMAC's default salt matches; `None`
/// for the digests whose Python classes declare none (SHA-3 and SHAKE).
pub fn hmac_block_len(algorithm: HashAlgorithm) -> Option<usize> {
    use HashAlgorithm as H;
    match algorithm {
        H::Md5 | H::Sha1 | H::Sha224 | H::Sha256 | H::Blake2s256 | H::Sm3 => Some(64),
        H::Sha384 | H::Sha512 | H::Sha512_224 | H::Sha512_256 | H::Blake2b512 => Some(128),
        H::Sha3_224 | H::Sha3_256 | H::Sha3_384 | H::Sha3_512 => None,
        H::Shake128 { .. } | H::Shake256 { .. } => None,
    }
}

/// NIST SP 800-56A concatenation KDF with HMAC: K(i) = HMAC(salt, i || Z || OtherInfo);
/// a missing salt is a block of zeros as long as the digest's block.
pub fn concat_hmac(
    algorithm: HashAlgorithm,
    salt: Option<&[u8]>,
    z: &[u8],
    other_info: &[u8],
    out: &mut [u8],
) -> Result<()> {
    check_counter_kdf_length(algorithm, out.len())?;
    let zeros = [0u8; 128];
    let salt = match salt {
        Some(salt) => salt,
        None => hmac_block_len(algorithm)
            .and_then(|len| zeros.get(..len))
            .ok_or(Error::Unsupported(
                Unsupported::Hash,
                "this digest in ConcatKDF",
            ))?,
    };
    let keyed = Hmac::new(algorithm, salt)?;
    counter_blocks(algorithm.output_len(), out, |counter, block| {
        let mut mac = keyed.fork()?;
        mac.update(&counter.to_be_bytes())?;
        mac.update(z)?;
        mac.update(other_info)?;
        mac.finalize_into(block)
    })
}

/// Where KBKDF puts the counter relative to the fixed input data.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CounterLocation {
    BeforeFixed,
    AfterFixed,
    /// Inside the fixed data, this many bytes in.
    MiddleFixed(usize),
}

/// Where a caller asks KBKDF's counter to go; the middle needs a break location.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CounterPlacement {
    BeforeFixed,
    AfterFixed,
    MiddleFixed,
}

/// A KBKDF (counter mode) request, checked in the reference's order. Two checks wait for
/// the derivation, as the reference's do: whether the output length fits the [L] field,
/// and whether a break location lies within caller-given fixed data.
#[derive(Clone, Debug)]
pub struct KbkdfParams {
    length: usize,
    rlen: usize,
    location: CounterLocation,
    /// `None` when [L] does not fit in `llen` bytes.
    fixed: Option<Vec<u8>>,
}

impl KbkdfParams {
    /// `prf_len` is the PRF's output length (the digest, or the cipher's block).
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        prf_len: usize,
        length: usize,
        rlen: usize,
        llen: Option<usize>,
        placement: CounterPlacement,
        break_location: Option<usize>,
        label: &[u8],
        context: &[u8],
        fixed: Option<Vec<u8>>,
    ) -> Result<Self> {
        let location = match (placement, break_location) {
            (CounterPlacement::MiddleFixed, Some(at)) => CounterLocation::MiddleFixed(at),
            (CounterPlacement::MiddleFixed, None) => {
                return Err(KdfError::KbkdfBreakLocationMissing.into())
            }
            (_, Some(_)) => return Err(KdfError::KbkdfBreakLocationIgnored.into()),
            (CounterPlacement::BeforeFixed, None) => CounterLocation::BeforeFixed,
            (CounterPlacement::AfterFixed, None) => CounterLocation::AfterFixed,
        };
        if (!label.is_empty() || !context.is_empty())
            && fixed.as_ref().is_some_and(|f| !f.is_empty())
        {
            return Err(KdfError::KbkdfFixedWithLabel.into());
        }
        if !(1..=4).contains(&rlen) {
            return Err(KdfError::KbkdfRlen.into());
        }
        let fixed = match (fixed, llen) {
            (Some(fixed), _) => Some(fixed),
            (None, None) => return Err(KdfError::KbkdfLlenMissing.into()),
            (None, Some(0)) => return Err(KdfError::KbkdfLlenZero.into()),
            (None, Some(llen)) => kbkdf_fixed_input(label, context, llen, length),
        };
        if kbkdf_rounds(prf_len, rlen, length).is_none() {
            return Err(KdfError::KbkdfRounds.into());
        }
        Ok(KbkdfParams {
            length,
            rlen,
            location,
            fixed,
        })
    }

    pub fn length(&self) -> usize {
        self.length
    }

    /// The fixed input data, after the checks made when deriving.
    fn fixed_for_derive(&self) -> Result<&[u8]> {
        let fixed = self.fixed.as_deref().ok_or(KdfError::KbkdfLlenTooShort)?;
        if let CounterLocation::MiddleFixed(at) = self.location {
            if at > fixed.len() {
                return Err(KdfError::KbkdfBreakLocationPastFixed.into());
            }
        }
        Ok(fixed)
    }

    /// KBKDF with HMAC over `algorithm`, keyed with `key`, into `out` (`length` bytes).
    pub fn derive_hmac(&self, algorithm: HashAlgorithm, key: &[u8], out: &mut [u8]) -> Result<()> {
        let fixed = self.fixed_for_derive()?;
        kbkdf_hmac(algorithm, key, self.rlen, self.location, fixed, out)
    }

    /// KBKDF with a keyed CMAC, into `out` (`length` bytes).
    pub fn derive_cmac(&self, keyed: &Cmac, out: &mut [u8]) -> Result<()> {
        let fixed = self.fixed_for_derive()?;
        kbkdf_cmac(keyed, self.rlen, self.location, fixed, out)
    }
}

/// NIST SP 800-108's fixed input data: Label || 0x00 || Context || [L]_llen, L being the
/// output length in bits. `None` when L does not fit in `llen` bytes.
pub fn kbkdf_fixed_input(
    label: &[u8],
    context: &[u8],
    llen: usize,
    out_len: usize,
) -> Option<Vec<u8>> {
    let bits = u128::try_from(out_len).ok()?.checked_mul(8)?;
    let encoded = bits.to_be_bytes();
    let significant = encoded.len() - (bits.leading_zeros() as usize) / 8;
    if significant > llen {
        return None;
    }
    let mut fixed = Vec::with_capacity(label.len() + 1 + context.len() + llen);
    fixed.extend_from_slice(label);
    fixed.push(0);
    fixed.extend_from_slice(context);
    // [L] is `llen` bytes, big endian, zero-padded on the left (llen may exceed 16).
    fixed.resize(fixed.len() + llen.saturating_sub(encoded.len()), 0);
    fixed.extend_from_slice(&encoded[encoded.len() - llen.min(encoded.len())..]);
    Some(fixed)
}

/// How many PRF blocks an output takes, if the `rlen`-byte counter can number them.
pub fn kbkdf_rounds(prf_len: usize, rlen: usize, out_len: usize) -> Option<usize> {
    let rounds = out_len.div_ceil(prf_len.max(1));
    let limit = 1u64
        .checked_shl(u32::try_from(rlen * 8).ok()?)
        .map_or(u64::MAX, |l| l - 1);
    (rounds as u64 <= limit).then_some(rounds)
}

/// KBKDF in counter mode (NIST SP 800-108 section 4.1): K(i) = PRF(key, counter-placed
/// input), the counter `rlen` bytes big endian from 1.
fn kbkdf_counter(
    prf_len: usize,
    rlen: usize,
    location: CounterLocation,
    fixed: &[u8],
    out: &mut [u8],
    mut prf: impl FnMut(&[&[u8]], &mut [u8]) -> Result<()>,
) -> Result<()> {
    if !(1..=4).contains(&rlen) || kbkdf_rounds(prf_len, rlen, out.len()).is_none() {
        return Err(Error::DerivedKeyTooLong);
    }
    let (head, tail) = match location {
        CounterLocation::BeforeFixed => (&fixed[..0], fixed),
        CounterLocation::AfterFixed => (fixed, &fixed[..0]),
        CounterLocation::MiddleFixed(at) => fixed
            .split_at_checked(at)
            .ok_or(Error::ParameterTooLarge("break location"))?,
    };
    let mut block = Zeroizing::new(vec![0u8; prf_len]);
    for (index, chunk) in out.chunks_mut(prf_len.max(1)).enumerate() {
        let counter = u32::try_from(index + 1).map_err(|_| Error::DerivedKeyTooLong)?;
        let counter = counter.to_be_bytes();
        prf(&[head, &counter[4 - rlen..], tail], &mut block)?;
        chunk.copy_from_slice(&block[..chunk.len()]);
    }
    Ok(())
}

/// KBKDF in counter mode with HMAC as the PRF.
pub fn kbkdf_hmac(
    algorithm: HashAlgorithm,
    key: &[u8],
    rlen: usize,
    location: CounterLocation,
    fixed: &[u8],
    out: &mut [u8],
) -> Result<()> {
    if out.is_empty() {
        return Ok(());
    }
    let keyed = Hmac::new(algorithm, key)?;
    kbkdf_counter(
        algorithm.output_len(),
        rlen,
        location,
        fixed,
        out,
        |parts, block| {
            let mut mac = keyed.fork()?;
            for part in parts {
                mac.update(part)?;
            }
            mac.finalize_into(block)
        },
    )
}

/// KBKDF in counter mode with CMAC as the PRF, keyed by the caller.
pub fn kbkdf_cmac(
    keyed: &Cmac,
    rlen: usize,
    location: CounterLocation,
    fixed: &[u8],
    out: &mut [u8],
) -> Result<()> {
    if out.is_empty() {
        return Ok(());
    }
    kbkdf_counter(
        keyed.cipher().block_len(),
        rlen,
        location,
        fixed,
        out,
        |parts, block| {
            let mut mac = keyed.fork()?;
            for part in parts {
                mac.update(part)?;
            }
            mac.finalize_into(block)
        },
    )
}

/// The three Argon2 variants (RFC 9106).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Argon2Variant {
    Argon2d,
    Argon2i,
    Argon2id,
}

static ARGON2: [crate::algorithms::FetchSlot<crate::ffi::FetchedKdf>; 3] = [
    crate::algorithms::FetchSlot::new(c"ARGON2D"),
    crate::algorithms::FetchSlot::new(c"ARGON2I"),
    crate::algorithms::FetchSlot::new(c"ARGON2ID"),
];

impl Argon2Variant {
    /// The variant's name in PHC strings (`$argon2id$...`).
    pub fn phc_name(self) -> &'static str {
        match self {
            Argon2Variant::Argon2d => "argon2d",
            Argon2Variant::Argon2i => "argon2i",
            Argon2Variant::Argon2id => "argon2id",
        }
    }

    fn from_phc_name(name: &str) -> Option<Self> {
        [Self::Argon2d, Self::Argon2i, Self::Argon2id]
            .into_iter()
            .find(|variant| variant.phc_name() == name)
    }

    /// Whether the linked OpenSSL has Argon2 (3.2 and later).
    pub fn is_supported(self) -> bool {
        ARGON2[self as usize].kdf().is_ok()
    }
}

/// Argon2's cost parameters, checked with the request they serve.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Argon2Params {
    iterations: u32,
    lanes: u32,
    /// In KiB blocks.
    memory_cost: u32,
}

impl Argon2Params {
    /// Checks an Argon2 request in the reference's order: a salt of 8 bytes or more, an
    /// output of 4 bytes or more, at least one iteration and one lane, and 8 KiB of
    /// memory per lane (RFC 9106 section 3.1).
    pub fn new(
        salt: &[u8],
        length: usize,
        iterations: u32,
        lanes: u32,
        memory_cost: u32,
    ) -> Result<Self> {
        if salt.len() < 8 {
            return Err(KdfError::Argon2Salt.into());
        }
        if length < 4 {
            return Err(KdfError::Argon2Length.into());
        }
        if iterations < 1 {
            return Err(KdfError::Argon2Iterations.into());
        }
        if lanes < 1 {
            return Err(KdfError::Argon2Lanes.into());
        }
        if u64::from(memory_cost) < 8 * u64::from(lanes) {
            return Err(KdfError::Argon2Memory.into());
        }
        Ok(Argon2Params {
            iterations,
            lanes,
            memory_cost,
        })
    }

    pub fn iterations(self) -> u32 {
        self.iterations
    }

    pub fn lanes(self) -> u32 {
        self.lanes
    }

    /// In KiB blocks.
    pub fn memory_cost(self) -> u32 {
        self.memory_cost
    }
}

/// Argon2 (RFC 9106) into `out`; `secret` and `ad` may be empty.
pub fn argon2(
    variant: Argon2Variant,
    params: Argon2Params,
    password: &[u8],
    salt: &[u8],
    secret: &[u8],
    ad: &[u8],
    out: &mut [u8],
) -> Result<()> {
    let kdf = ARGON2[variant as usize].kdf()?;
    let inputs = crate::ffi::Argon2Inputs {
        password,
        salt,
        secret,
        ad,
        iterations: params.iterations,
        lanes: params.lanes,
        memory_kib: params.memory_cost,
    };
    // A thread per lane, as far as OpenSSL's pool allows (RFC 9106 recommends 4 lanes).
    let threads = u32::try_from(crate::ffi::max_threads())
        .unwrap_or(u32::MAX)
        .clamp(1, params.lanes.max(1));
    let out_of_memory = |_| Error::Argon2Memory {
        kib: params.memory_cost,
    };
    match crate::ffi::argon2(kdf, &inputs, threads, out) {
        Ok(()) => Ok(()),
        // Other derivations may hold the pool's threads just now: OpenSSL then refuses
        // the thread count, and one thread does the same work.
        Err(_) if threads > 1 => crate::ffi::argon2(kdf, &inputs, 1, out).map_err(out_of_memory),
        // The arguments were checked before; what OpenSSL can still refuse is the memory.
        Err(stack) => Err(out_of_memory(stack)),
    }
}

/// The PHC string format (`$argon2id$v=19$m=...,t=...,p=...$salt$hash`), base64 without
/// padding.
pub fn argon2_phc_encode(
    variant: Argon2Variant,
    params: Argon2Params,
    salt: &[u8],
    hash: &[u8],
) -> String {
    use base64_simd::STANDARD_NO_PAD as B64;
    format!(
        "${}$v=19$m={},t={},p={}${}${}",
        variant.phc_name(),
        params.memory_cost,
        params.iterations,
        params.lanes,
        B64.encode_to_string(salt),
        B64.encode_to_string(hash)
    )
}

/// What is wrong with a PHC string, in the reference's terms.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PhcError {
    Format,
    /// The string is for another variant (named).
    Variant(Argon2Variant),
    Version,
    ParameterOrder,
    Salt,
    Hash,
}

/// A parsed PHC string.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Argon2Phc {
    /// The costs as written (not yet checked: `Argon2Params::new` does that).
    pub iterations: u32,
    pub lanes: u32,
    pub memory_cost: u32,
    pub salt: Vec<u8>,
    pub hash: Vec<u8>,
}

/// Parses a PHC string that must be for `expected`.
pub fn argon2_phc_decode(
    expected: Argon2Variant,
    encoded: &str,
) -> std::result::Result<Argon2Phc, PhcError> {
    use base64_simd::STANDARD_NO_PAD as B64;
    let fields: Vec<&str> = encoded.split('$').collect();
    let [empty, variant, version, params, salt, hash] = fields.as_slice() else {
        return Err(PhcError::Format);
    };
    if !empty.is_empty() {
        return Err(PhcError::Format);
    }
    let variant = Argon2Variant::from_phc_name(variant).ok_or(PhcError::Format)?;
    if variant != expected {
        return Err(PhcError::Variant(variant));
    }
    if *version != "v=19" {
        return Err(PhcError::Version);
    }
    let pairs: Vec<(&str, &str)> = params
        .split(',')
        .map(|pair| pair.split_once('=').ok_or(PhcError::Format))
        .collect::<std::result::Result<_, _>>()?;
    let [("m", m), ("t", t), ("p", p)] = pairs.as_slice() else {
        return Err(if pairs.len() == 3 {
            PhcError::ParameterOrder
        } else {
            PhcError::Format
        });
    };
    let number = |text: &str| text.parse::<u32>().map_err(|_| PhcError::Format);
    let (memory_cost, iterations, lanes) = (number(m)?, number(t)?, number(p)?);
    let salt = B64.decode_to_vec(salt).map_err(|_| PhcError::Salt)?;
    let hash = B64.decode_to_vec(hash).map_err(|_| PhcError::Hash)?;
    Ok(Argon2Phc {
        iterations,
        lanes,
        memory_cost,
        salt,
        hash,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::unhex;

    #[test]
    fn hkdf_rfc5869_case_1() {
        let ikm = [0x0bu8; 22];
        let salt = unhex("000102030405060708090a0b0c");
        let info = unhex("f0f1f2f3f4f5f6f7f8f9");
        let mut prk = [0u8; 32];
        hkdf_extract(HashAlgorithm::Sha256, Some(&salt), &ikm, &mut prk).unwrap();
        assert_eq!(
            prk.to_vec(),
            unhex("077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5")
        );
        let mut okm = [0u8; 42];
        hkdf(HashAlgorithm::Sha256, Some(&salt), &ikm, &info, &mut okm).unwrap();
        assert_eq!(
            okm.to_vec(),
            unhex(concat!(
                "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf",
                "34007208d5b887185865"
            ))
        );
    }

    #[test]
    fn pbkdf2_fast_path_matches_openssl() {
        for algorithm in [
            HashAlgorithm::Sha1,
            HashAlgorithm::Sha224,
            HashAlgorithm::Sha256,
            HashAlgorithm::Sha384,
            HashAlgorithm::Sha512,
        ] {
            for password in [&b""[..], b"pw", &[7u8; 200]] {
                let mut fast = [0u8; 150];
                pbkdf2_hmac(algorithm, password, b"salt", 3, &mut fast).unwrap();
                let mut reference = [0u8; 150];
                crate::ffi::pbkdf2_hmac(
                    algorithm.fetched().unwrap(),
                    password,
                    b"salt",
                    3,
                    &mut reference,
                )
                .unwrap();
                assert_eq!(fast, reference, "{algorithm:?}");
            }
        }
    }

    #[test]
    fn pbkdf2_rfc6070_case_2() {
        let mut out = [0u8; 20];
        pbkdf2_hmac(HashAlgorithm::Sha1, b"password", b"salt", 2, &mut out).unwrap();
        assert_eq!(
            out.to_vec(),
            unhex("ea6c014dc72d6f8ccd1ed92ace1d41f0d8de8957")
        );
    }

    #[test]
    fn scrypt_rfc7914_first_vector() {
        let mut out = [0u8; 64];
        scrypt(b"", b"", ScryptParams::new(16, 1, 1).unwrap(), &mut out).unwrap();
        assert_eq!(
            out[..16].to_vec(),
            unhex("77d6576238657b203b19ca42c18a0497")
        );
    }

    fn rule<T: std::fmt::Debug>(result: Result<T>) -> KdfError {
        match result {
            Err(Error::Kdf(rule)) => rule,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn password_kdf_argument_rules() {
        assert_eq!(rule(check_pbkdf2_iterations(0)), KdfError::Pbkdf2Iterations);
        let mut out = [0u8; 8];
        assert_eq!(
            rule(pbkdf2_hmac(HashAlgorithm::Sha256, b"p", b"s", 0, &mut out)),
            KdfError::Pbkdf2Iterations
        );
        for n in [0u64, 1, 15, 24] {
            assert_eq!(rule(ScryptParams::new(n, 1, 1)), KdfError::ScryptN);
        }
        assert_eq!(rule(ScryptParams::new(16, 0, 1)), KdfError::ScryptR);
        assert_eq!(rule(ScryptParams::new(16, 1, 0)), KdfError::ScryptP);
        let salt = [0u8; 8];
        assert_eq!(
            rule(Argon2Params::new(&salt[..7], 32, 1, 1, 8)),
            KdfError::Argon2Salt
        );
        assert_eq!(
            rule(Argon2Params::new(&salt, 3, 1, 1, 8)),
            KdfError::Argon2Length
        );
        assert_eq!(
            rule(Argon2Params::new(&salt, 32, 0, 1, 8)),
            KdfError::Argon2Iterations
        );
        assert_eq!(
            rule(Argon2Params::new(&salt, 32, 1, 0, 8)),
            KdfError::Argon2Lanes
        );
        assert_eq!(
            rule(Argon2Params::new(&salt, 32, 1, 2, 15)),
            KdfError::Argon2Memory
        );
        // The reference's order: the salt is reported before the rest.
        assert_eq!(
            rule(Argon2Params::new(&[], 0, 0, 0, 0)),
            KdfError::Argon2Salt
        );
        // verify: a key of the right content and length passes, anything else does not.
        let derive = |o: &mut [u8]| -> Result<()> {
            o.copy_from_slice(&[1, 2, 3, 4]);
            Ok(())
        };
        assert!(verify_derived(4, &[1, 2, 3, 4], derive).is_ok());
        assert_eq!(
            rule(verify_derived(4, &[1, 2, 3, 5], derive)),
            KdfError::KeyMismatch
        );
        assert_eq!(
            rule(verify_derived(4, &[1, 2, 3], derive)),
            KdfError::KeyMismatch
        );
        // Output limits: 255 digests for HKDF, 2**32 - 1 for the counter KDFs.
        assert_eq!(
            rule(check_hkdf_length(HashAlgorithm::Sha256, 8161)),
            KdfError::HkdfLength { max: 8160 }
        );
        assert!(check_hkdf_length(HashAlgorithm::Sha256, 8160).is_ok());
        let mut long = vec![0u8; 8161];
        assert_eq!(
            rule(hkdf_expand(
                HashAlgorithm::Sha256,
                &[0u8; 32],
                b"",
                &mut long
            )),
            KdfError::HkdfLength { max: 8160 }
        );
        let max = 32 * u64::from(u32::MAX);
        assert_eq!(
            rule(check_counter_kdf_length(
                HashAlgorithm::Sha256,
                max as usize + 1
            )),
            KdfError::CounterLength { max }
        );
        let params = Argon2Params::new(&salt, 32, 2, 2, 16).unwrap();
        assert_eq!(
            (params.iterations(), params.lanes(), params.memory_cost()),
            (2, 2, 16)
        );
    }

    #[test]
    fn kbkdf_fixed_input_encodes_the_length() {
        let fixed = kbkdf_fixed_input(b"L", b"C", 4, 32).unwrap();
        assert_eq!(fixed, [b'L', 0, b'C', 0, 0, 1, 0]);
        assert_eq!(kbkdf_fixed_input(b"", b"", 1, 32), None);
        assert_eq!(kbkdf_fixed_input(b"", b"", 1, 31).unwrap(), [0, 248]);
        assert_eq!(kbkdf_rounds(32, 1, 32 * 255), Some(255));
        assert_eq!(kbkdf_rounds(32, 1, 32 * 256), None);
    }

    #[test]
    fn kbkdf_request_rules_in_order() {
        use CounterPlacement::{AfterFixed, BeforeFixed, MiddleFixed};
        let request = |llen, placement, at, label: &[u8], fixed: Option<Vec<u8>>, rlen| {
            KbkdfParams::new(32, 32, rlen, llen, placement, at, label, b"", fixed)
        };
        assert!(request(Some(4), BeforeFixed, None, b"l", None, 4).is_ok());
        assert_eq!(
            rule(request(Some(4), MiddleFixed, None, b"l", None, 4)),
            KdfError::KbkdfBreakLocationMissing
        );
        assert_eq!(
            rule(request(Some(4), AfterFixed, Some(1), b"l", None, 4)),
            KdfError::KbkdfBreakLocationIgnored
        );
        assert_eq!(
            rule(request(Some(4), BeforeFixed, None, b"l", Some(vec![1]), 4)),
            KdfError::KbkdfFixedWithLabel
        );
        assert_eq!(
            rule(request(Some(4), BeforeFixed, None, b"", None, 5)),
            KdfError::KbkdfRlen
        );
        assert_eq!(
            rule(request(None, BeforeFixed, None, b"", None, 4)),
            KdfError::KbkdfLlenMissing
        );
        assert_eq!(
            rule(request(Some(0), BeforeFixed, None, b"", None, 4)),
            KdfError::KbkdfLlenZero
        );
        assert_eq!(
            rule(KbkdfParams::new(
                32,
                32 * 256,
                1,
                Some(4),
                BeforeFixed,
                None,
                b"",
                b"",
                None
            )),
            KdfError::KbkdfRounds
        );
        // Checked when deriving, as the reference does.
        let mut out = [0u8; 32];
        let short_l =
            KbkdfParams::new(32, 32, 4, Some(1), BeforeFixed, None, b"", b"", None).unwrap();
        assert_eq!(
            rule(short_l.derive_hmac(HashAlgorithm::Sha256, b"k", &mut out)),
            KdfError::KbkdfLlenTooShort
        );
        let past = KbkdfParams::new(
            32,
            32,
            4,
            None,
            MiddleFixed,
            Some(9),
            b"",
            b"",
            Some(vec![0u8; 8]),
        )
        .unwrap();
        assert_eq!(
            rule(past.derive_hmac(HashAlgorithm::Sha256, b"k", &mut out)),
            KdfError::KbkdfBreakLocationPastFixed
        );
    }

    #[test]
    fn lengths_past_the_construction_are_refused() {
        let mut big = vec![0u8; 255 * 32 + 1];
        assert!(matches!(
            hkdf(HashAlgorithm::Sha256, None, b"k", b"", &mut big),
            Err(Error::Kdf(KdfError::HkdfLength { max: 8160 }))
        ));
        let mut empty = [0u8; 0];
        pbkdf2_hmac(HashAlgorithm::Sha256, b"p", b"s", 1, &mut empty).unwrap();
        assert!(matches!(
            pbkdf2_hmac(
                HashAlgorithm::Shake128 { output_len: 16 },
                b"p",
                b"s",
                1,
                &mut big
            ),
            Err(Error::Unsupported(..))
        ));
    }
}
