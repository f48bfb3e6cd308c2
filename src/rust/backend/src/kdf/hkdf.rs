//! HKDF (RFC 5869) and the counter-mode KDFs (ANSI X9.63, NIST SP 800-56A concatenation),
//! composed over the cached digests and HMAC.

use zeroize::Zeroizing;

use crate::error::{Error, KdfError, Result, Unsupported};
use crate::hash::{HashAlgorithm, Hasher};
use crate::mac::Hmac;

use super::MAX_DIGEST;

/// A digest of `digest_size` bytes must leave HKDF's output limit (255 digests) within
/// what a length can count: only an object claiming an absurd size fails it.
pub fn check_hkdf_digest_size(digest_size: usize) -> Result<()> {
    if digest_size
        .checked_mul(255)
        .is_none_or(|limit| limit > isize::MAX as usize)
    {
        return Err(KdfError::HkdfDigestTooLarge.into());
    }
    Ok(())
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
    let default_salt = salt.is_none();
    let zeros = [0u8; MAX_DIGEST];
    let salt = match salt {
        Some(salt) => salt,
        None => zeros
            .get(..algorithm.output_len())
            .ok_or(Error::Unsupported(Unsupported::Hash, "this digest in HKDF"))?,
    };
    // SHA-1 and SHA-2 through the low-level states (no provider dispatch per hash); the
    // default salt's keyed states are computed once. A given salt is never inspected: it
    // may be secret (HPKE's key schedule extracts with the shared secret as salt).
    #[cfg(not(ossl_no_deprecated_3_0))]
    if prk.len() == algorithm.output_len() {
        use crate::ffi::low_level_sha::{with_sha_state, ShaHmac, ShaState};
        if let Some(()) = with_sha_state!(algorithm, S => {
            let mut mac = if default_salt { S::zero_key_hmac() } else { ShaHmac::<S>::new(salt) };
            mac.mac(&[ikm], prk)
        }) {
            return Ok(());
        }
    }
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
    hkdf_expand_each(algorithm, prk, &mut [(info, out)])
}

/// HKDF-Expand of several outputs, each with its `info`, under one PRK (keyed once).
pub fn hkdf_expand_each(
    algorithm: HashAlgorithm,
    prk: &[u8],
    requests: &mut [(&[u8], &mut [u8])],
) -> Result<()> {
    for (_, out) in requests.iter() {
        check_hkdf_length(algorithm, out.len())?;
    }
    if requests.iter().all(|(_, out)| out.is_empty()) {
        return Ok(());
    }
    #[cfg(not(ossl_no_deprecated_3_0))]
    {
        use crate::ffi::low_level_sha::{with_sha_state, ShaHmac};
        if let Some(result) = with_sha_state!(algorithm, S => {
            let mut prf = ShaHmac::<S>::new(prk);
            requests.iter_mut().try_for_each(|(info, out)| {
                expand_blocks(algorithm, info, out, |parts, block| {
                    prf.mac(parts, block);
                    Ok(())
                })
            })
        }) {
            return result;
        }
    }
    let keyed = Hmac::new(algorithm, prk)?;
    requests.iter_mut().try_for_each(|(info, out)| {
        expand_blocks(algorithm, info, out, |parts, block| {
            let mut mac = keyed.fork()?;
            for part in parts {
                mac.update(part)?;
            }
            mac.finalize_into(block)
        })
    })
}

/// HKDF-Expand's blocks, each the MAC (under PRK) of the previous block, `info` and the
/// block's number.
fn expand_blocks(
    algorithm: HashAlgorithm,
    info: &[u8],
    out: &mut [u8],
    mut mac: impl FnMut(&[&[u8]], &mut [u8]) -> Result<()>,
) -> Result<()> {
    let hash_len = algorithm.output_len();
    let mut previous = Zeroizing::new([0u8; MAX_DIGEST]);
    let mut block = Zeroizing::new([0u8; MAX_DIGEST]);
    let mut previous_len = 0;
    for (index, chunk) in out.chunks_mut(hash_len).enumerate() {
        // At most 255 blocks (checked by the caller), so the counter fits its byte.
        let counter =
            u8::try_from(index + 1).map_err(|_| Error::Kdf(KdfError::DerivedKeyTooLong))?;
        mac(
            &[&previous[..previous_len], info, &[counter]],
            &mut block[..hash_len],
        )?;
        previous[..hash_len].copy_from_slice(&block[..hash_len]);
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
        let counter =
            u32::try_from(index + 1).map_err(|_| Error::Kdf(KdfError::DerivedKeyTooLong))?;
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
