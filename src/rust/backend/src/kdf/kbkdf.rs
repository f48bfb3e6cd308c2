//! KBKDF in counter mode (NIST SP 800-108) with an HMAC or CMAC PRF.

use zeroize::Zeroizing;

use crate::error::{Error, KdfError, Result};
use crate::hash::HashAlgorithm;
use crate::mac::{Cmac, Hmac};

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
        return Err(Error::Kdf(KdfError::DerivedKeyTooLong));
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
        let counter =
            u32::try_from(index + 1).map_err(|_| Error::Kdf(KdfError::DerivedKeyTooLong))?;
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
