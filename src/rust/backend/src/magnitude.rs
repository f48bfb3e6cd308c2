//! Big-endian unsigned integers as the key encodings carry them: bit lengths and
//! comparisons made on the bytes, so that range checks need no conversion into OpenSSL's
//! integers (a conversion costs as much as the rest of reading a key).

use std::cmp::Ordering;

use openssl::bn::{BigNum, BigNumContext};

use crate::error::Result;

/// The bit length of a big-endian magnitude.
pub(crate) fn bit_length(bytes: &[u8]) -> usize {
    match bytes.iter().position(|&b| b != 0) {
        Some(at) => (bytes.len() - at) * 8 - bytes[at].leading_zeros() as usize,
        None => 0,
    }
}

/// A big-endian magnitude without its leading zero bytes.
pub(crate) fn significant(bytes: &[u8]) -> &[u8] {
    let first = bytes.iter().position(|&b| b != 0).unwrap_or(bytes.len());
    &bytes[first..]
}

/// Compares two big-endian magnitudes of public values (in variable time).
pub(crate) fn compare(a: &[u8], b: &[u8]) -> Ordering {
    let (a, b) = (significant(a), significant(b));
    a.len().cmp(&b.len()).then_with(|| a.cmp(b))
}

/// Compares two big-endian magnitudes without branching on their contents, for a secret
/// against a bound; only the lengths, public in any encoding, shape the loop.
pub(crate) fn compare_secret(a: &[u8], b: &[u8]) -> Ordering {
    let len = a.len().max(b.len());
    let byte = |v: &[u8], i: usize| -> i16 {
        let pad = len - v.len();
        if i < pad {
            0
        } else {
            i16::from(v[i - pad])
        }
    };
    // The sign of the first differing byte; later bytes leave it as it is.
    let mut result: i16 = 0;
    for i in 0..len {
        let difference = (byte(a, i) - byte(b, i)).signum();
        let undecided = i16::from(result == 0);
        result += undecided * difference;
    }
    result.cmp(&0)
}

/// Whether a big-endian magnitude is odd.
pub(crate) fn is_odd(bytes: &[u8]) -> bool {
    bytes.last().is_some_and(|&low| low & 1 == 1)
}

/// A positive big-endian magnitude minus one.
pub(crate) fn minus_one(bytes: &[u8]) -> Vec<u8> {
    let mut out = bytes.to_vec();
    for byte in out.iter_mut().rev() {
        let (value, borrow) = byte.overflowing_sub(1);
        *byte = value;
        if !borrow {
            break;
        }
    }
    out
}

/// base^exponent mod modulus for a secret exponent (a DSA or DH private value), computed
/// in constant time as OpenSSL's own key decoders compute public values.
pub(crate) fn power_mod_secret(base: &[u8], exponent: &[u8], modulus: &[u8]) -> Result<Vec<u8>> {
    let mut exponent = BigNum::from_slice(exponent)?;
    exponent.set_const_time();
    let (base, modulus) = (BigNum::from_slice(base)?, BigNum::from_slice(modulus)?);
    let mut result = BigNum::new()?;
    let mut ctx = BigNumContext::new_secure()?;
    result.mod_exp(&base, &exponent, &modulus, &mut ctx)?;
    Ok(result.to_vec())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn magnitude_helpers() {
        assert_eq!(bit_length(&[]), 0);
        assert_eq!(bit_length(&[0, 0]), 0);
        assert_eq!(bit_length(&[0, 1]), 1);
        assert_eq!(bit_length(&[0x80, 0]), 16);
        assert_eq!(compare(&[0, 0, 5], &[5]), Ordering::Equal);
        assert_eq!(compare(&[1, 0], &[0xff]), Ordering::Greater);
        assert_eq!(compare(&[0xff], &[1, 0]), Ordering::Less);
        assert_eq!(compare(&[2, 1], &[1, 2]), Ordering::Greater);
        assert_eq!(compare(&[], &[0]), Ordering::Equal);
        for (a, b) in [
            (&[0u8, 0, 5][..], &[5u8][..]),
            (&[1, 0], &[0xff]),
            (&[0xff], &[1, 0]),
            (&[2, 1], &[1, 2]),
            (&[], &[0]),
            (&[0], &[]),
        ] {
            assert_eq!(compare_secret(a, b), compare(a, b));
        }
        assert_eq!(minus_one(&[1, 0, 0]), [0, 0xff, 0xff]);
        assert_eq!(minus_one(&[0x13]), [0x12]);
        assert!(is_odd(&[2, 1]) && !is_odd(&[1, 2]) && !is_odd(&[]));
    }
}
