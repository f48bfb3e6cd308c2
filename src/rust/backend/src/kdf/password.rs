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
    if let Some(result) = crate::ffi::low_level_sha::with_sha_state!(algorithm, S => {
        pbkdf2_sha::<S>(password, salt, iterations, out)
    }) {
        return result;
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
    let mut prf = crate::ffi::low_level_sha::ShaHmac::<S>::new(password);
    let mut u = Zeroizing::new([0u8; MAX_DIGEST]);
    let mut next = Zeroizing::new([0u8; MAX_DIGEST]);
    let mut t = Zeroizing::new([0u8; MAX_DIGEST]);
    let mut result = Ok(());
    for (index, chunk) in out.chunks_mut(S::OUTPUT).enumerate() {
        let Ok(block_index) = u32::try_from(index + 1) else {
            result = Err(Error::Kdf(KdfError::DerivedKeyTooLong));
            break;
        };
        prf.mac(&[salt, &block_index.to_be_bytes()], &mut u[..]);
        t.copy_from_slice(&*u);
        for iteration in 1..iterations {
            if iteration % INTERRUPT_CHECK_EVERY == 0 {
                if let Err(err) = crate::interrupt::keep_going() {
                    result = Err(err);
                    break;
                }
            }
            prf.mac(&[&u[..S::OUTPUT]], &mut next[..]);
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
    let text =
        std::str::from_utf8(password).map_err(|_| Error::InvalidKey("password is not UTF-8"))?;
    let mut bmp = zeroize::Zeroizing::new(Vec::with_capacity(password.len() * 2 + 2));
    for unit in text.encode_utf16() {
        bmp.extend_from_slice(&unit.to_be_bytes());
    }
    bmp.extend_from_slice(&[0, 0]);
    // OpenSSL's KDF sets a digest up through EVP for each of its thousands of
    // iterations; the low-level states do the same hashing for a fraction of that.
    #[cfg(not(ossl_no_deprecated_3_0))]
    if let Some(result) = crate::ffi::low_level_sha::with_sha_state!(hash, S => {
        pkcs12_sha::<S>(&bmp, salt, iterations, id, out)
    }) {
        return result;
    }
    pkcs12_openssl(hash, &bmp, salt, iterations, id, out)
}

/// OpenSSL's PKCS#12 KDF, for the hashes without a low-level state (and the reference
/// the fast one is tested against).
fn pkcs12_openssl(
    hash: HashAlgorithm,
    bmp_password: &[u8],
    salt: &[u8],
    iterations: u32,
    id: u32,
    out: &mut [u8],
) -> Result<()> {
    static PKCS12KDF: FetchSlot<crate::ffi::FetchedKdf> = FetchSlot::new(c"PKCS12KDF");
    Ok(crate::ffi::pkcs12_kdf(
        PKCS12KDF.kdf()?,
        hash.openssl_name(),
        bmp_password,
        salt,
        iterations,
        id,
        out,
    )?)
}

/// RFC 7292 appendix B.2 over a low-level SHA state, for a password already in its
/// BMPString form: D (the ID repeated over a block), I (salt and password each
/// repeated to whole blocks), then for each output block A = H^iterations(D || I),
/// and I's blocks advanced by A (repeated to a block) plus one, modulo 2^(8v).
#[cfg(not(ossl_no_deprecated_3_0))]
fn pkcs12_sha<S: crate::ffi::low_level_sha::ShaState>(
    bmp_password: &[u8],
    salt: &[u8],
    iterations: u32,
    id: u32,
    out: &mut [u8],
) -> Result<()> {
    let block = S::BLOCK;
    let id = u8::try_from(id).map_err(|_| Error::ParameterTooLarge("PKCS#12 KDF id"))?;
    let iterations = iterations.max(1);
    let stretch = |data: &[u8]| -> Zeroizing<Vec<u8>> {
        let len = data.len().div_ceil(block) * block;
        Zeroizing::new(data.iter().copied().cycle().take(len).collect())
    };
    let mut input = stretch(salt);
    input.extend_from_slice(&stretch(bmp_password));
    let diversifier = vec![id; block];
    let mut a = Zeroizing::new([0u8; MAX_DIGEST]);
    let mut b = Zeroizing::new(vec![0u8; block]);
    let blocks = out.len().div_ceil(S::OUTPUT);
    for (index, chunk) in out.chunks_mut(S::OUTPUT).enumerate() {
        let mut state = S::new();
        state.update(&diversifier);
        state.update(&input);
        state.finalize_into(&mut a[..]);
        for iteration in 1..iterations {
            if iteration % 4096 == 0 {
                state.wipe();
                crate::interrupt::keep_going()?;
            }
            let mut next = S::new();
            next.update(&a[..S::OUTPUT]);
            next.finalize_into(&mut a[..]);
            next.wipe();
        }
        state.wipe();
        chunk.copy_from_slice(&a[..chunk.len()]);
        if index + 1 == blocks {
            break;
        }
        for (position, byte) in b.iter_mut().enumerate() {
            *byte = a[position % S::OUTPUT];
        }
        // I_j = (I_j + B + 1) mod 2^(8v), for every block of I.
        for piece in input.chunks_mut(block) {
            let mut carry = 1u16;
            for (i_byte, b_byte) in piece.iter_mut().rev().zip(b.iter().rev()) {
                let sum = u16::from(*i_byte) + u16::from(*b_byte) + carry;
                *i_byte = sum as u8;
                carry = sum >> 8;
            }
        }
    }
    Ok(())
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

#[cfg(test)]
mod pkcs12_tests {
    use super::*;

    /// The low-level KDF against OpenSSL's, over every hash with a low-level state, every
    /// ID, outputs shorter and longer than a digest (the second block exercises the
    /// update of I), empty and long passwords and salts.
    #[cfg(not(ossl_no_deprecated_3_0))]
    #[test]
    fn matches_openssls_kdf() {
        use crate::ffi::low_level_sha as sha;
        type Kdf = fn(&[u8], &[u8], u32, u32, &mut [u8]) -> Result<()>;
        let cases: [(HashAlgorithm, Kdf); 5] = [
            (HashAlgorithm::Sha1, pkcs12_sha::<sha::Sha1>),
            (HashAlgorithm::Sha224, pkcs12_sha::<sha::Sha224>),
            (HashAlgorithm::Sha256, pkcs12_sha::<sha::Sha256>),
            (HashAlgorithm::Sha384, pkcs12_sha::<sha::Sha384>),
            (HashAlgorithm::Sha512, pkcs12_sha::<sha::Sha512>),
        ];
        let long_password: Vec<u8> = (0..150u8).collect();
        let passwords: [&[u8]; 3] = [b"\0\0", b"\0p\0w\0\0", &long_password];
        let salts: [&[u8]; 3] = [b"", b"12345678", &[0xff; 70]];
        for (hash, fast) in cases {
            for password in passwords {
                for salt in salts {
                    for (id, iterations, len) in [(1, 1, 24), (2, 3, 8), (3, 2048, 20), (1, 5, 150)]
                    {
                        let mut expected = vec![0u8; len];
                        let mut got = vec![0u8; len];
                        pkcs12_openssl(hash, password, salt, iterations, id, &mut expected)
                            .unwrap();
                        fast(password, salt, iterations, id, &mut got).unwrap();
                        assert_eq!(got, expected, "{hash:?} id {id} x{iterations} len {len}");
                    }
                }
            }
        }
    }
}
