//! HOTP (RFC 4226) values: HMAC over the 8-byte counter, then dynamic truncation. TOTP
//! (RFC 6238) is HOTP with a counter counted in time steps, which its caller computes.

use crate::error::{Error, Result, Unsupported};
use crate::hash::HashAlgorithm;
use crate::mac::Hmac;

/// The HOTP value of `counter` under `key`, `digits` decimal digits long (6 to 8 in the
/// API; up to 9 fit the 31-bit truncation).
pub fn hotp(algorithm: HashAlgorithm, key: &[u8], counter: u64, digits: u32) -> Result<u32> {
    if !(1..=9).contains(&digits) {
        return Err(Error::ParameterTooLarge("HOTP length"));
    }
    Ok(dynamic_truncate(algorithm, key, counter)? % 10u32.pow(digits))
}

/// The 31-bit number that RFC 4226's dynamic truncation takes from the HMAC of
/// `counter` (section 5.3), before it is reduced to decimal digits.
pub fn dynamic_truncate(algorithm: HashAlgorithm, key: &[u8], counter: u64) -> Result<u32> {
    let mut mac = Hmac::new(algorithm, key)?;
    mac.update(&counter.to_be_bytes())?;
    let mut tag = [0u8; 64];
    let tag = tag
        .get_mut(..algorithm.output_len())
        .ok_or(Error::Unsupported(Unsupported::Hash, "this digest in HOTP"))?;
    mac.finalize_into(tag)?;
    // RFC 4226 section 5.3: the low nibble of the last byte picks four bytes.
    let offset = usize::from(tag[tag.len() - 1] & 0x0f);
    let window: [u8; 4] = tag
        .get(offset..offset + 4)
        .and_then(|bytes| bytes.try_into().ok())
        .ok_or(Error::Unsupported(Unsupported::Hash, "this digest in HOTP"))?;
    Ok(u32::from_be_bytes(window) & 0x7fff_ffff)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc4226_appendix_d() {
        let key = b"12345678901234567890";
        let expected = [
            755224, 287082, 359152, 969429, 338314, 254676, 287922, 162583, 399871, 520489,
        ];
        for (counter, value) in expected.into_iter().enumerate() {
            assert_eq!(
                hotp(HashAlgorithm::Sha1, key, counter as u64, 6).unwrap(),
                value
            );
        }
        // Section 5.4's worked example: the truncated value of counter 0.
        assert_eq!(
            dynamic_truncate(HashAlgorithm::Sha1, key, 0).unwrap(),
            0x4c93cf18
        );
    }
}
