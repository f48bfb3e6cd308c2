//! The password-based KDFs OpenSSL runs: PBKDF2 (with a fast path over the low-level SHA
//! states for the SHA-2 PRFs), scrypt and PKCS#12's KDF.

use std::ffi::c_int;

use zeroize::Zeroizing;

use crate::algorithms::FetchSlot;
use crate::error::{Error, KdfError, Result, Unsupported};
use crate::hash::HashAlgorithm;

use super::MAX_DIGEST;

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
            result = Err(Error::Kdf(KdfError::DerivedKeyTooLong));
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
/// The PKCS#12 key derivation (RFC 7292 appendix B.2) over `hash`: SHA-1 for PKCS#12's
/// password-based encryption schemes, the MAC's hash for its integrity key. `password`
/// is the UTF-8 password; it is converted to the BMPString form the scheme hashes
/// (UTF-16BE with a terminating zero, so the empty password is two zero bytes). `id` is
/// 1 for key material, 2 for an IV, 3 for a MAC key.
pub fn pkcs12(
    hash: HashAlgorithm,
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
        hash.openssl_name(),
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
        Error::Kdf(KdfError::ScryptOutOfMemory {
            required_mib: scrypt_memory(n, r) / (1024 * 1024),
        })
    })
}
