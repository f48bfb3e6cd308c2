//! HOTP (RFC 4226) values: HMAC over the 8-byte counter, then dynamic truncation. TOTP
//! (RFC 6238) is HOTP with a counter counted in time steps, which its caller computes.

use zeroize::Zeroizing;

use crate::error::{Error, Result, TwoFactorError, Unsupported};
use crate::hash::HashAlgorithm;
use crate::mac::Hmac;

/// An HOTP generator with the API's arguments checked: a key of at least 128 bits (unless
/// the caller lifts that rule), 6 to 8 digits, and SHA-1, SHA-256 or SHA-512.
pub struct Hotp {
    key: Zeroizing<Vec<u8>>,
    algorithm: HashAlgorithm,
    digits: u32,
}

impl Hotp {
    /// The rules in the reference's order. `digits` is `None` when the caller's length is
    /// not an integer, `algorithm` when its digest has no core equivalent.
    pub fn new(
        key: &[u8],
        digits: Option<i64>,
        algorithm: Option<HashAlgorithm>,
        enforce_key_length: bool,
    ) -> Result<Self> {
        if enforce_key_length && key.len() < 16 {
            return Err(TwoFactorError::KeyTooShort.into());
        }
        let digits = digits.ok_or(TwoFactorError::LengthNotInteger)?;
        let digits = u32::try_from(digits)
            .ok()
            .filter(|digits| (6..=8).contains(digits))
            .ok_or(TwoFactorError::Length)?;
        let algorithm = algorithm
            .filter(|algorithm| {
                matches!(
                    algorithm,
                    HashAlgorithm::Sha1 | HashAlgorithm::Sha256 | HashAlgorithm::Sha512
                )
            })
            .ok_or(TwoFactorError::Algorithm)?;
        Ok(Hotp {
            key: Zeroizing::new(key.to_vec()),
            algorithm,
            digits,
        })
    }

    /// The value for `counter` as its zero-padded decimal digits.
    pub fn generate(&self, counter: u64) -> Result<String> {
        let value = hotp(self.algorithm, &self.key, counter, self.digits)?;
        Ok(format!("{value:0width$}", width = self.digits as usize))
    }

    /// Whether `code` is the value for `counter`, compared in constant time.
    pub fn verify(&self, code: &[u8], counter: u64) -> Result<bool> {
        let expected = self.generate(counter)?;
        Ok(crate::constant_time_eq(expected.as_bytes(), code))
    }

    /// RFC 4226's dynamic truncation for `counter` (see `dynamic_truncate`).
    pub fn dynamic_truncate(&self, counter: u64) -> Result<u32> {
        dynamic_truncate(self.algorithm, &self.key, counter)
    }
}

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
    fn argument_rules_in_order() {
        let rule = |result: Result<Hotp>| match result {
            Err(Error::TwoFactor(rule)) => rule,
            Err(other) => panic!("{other:?}"),
            Ok(_) => panic!("accepted"),
        };
        let sha1 = Some(HashAlgorithm::Sha1);
        let key = [0u8; 16];
        assert_eq!(
            rule(Hotp::new(&key[..15], Some(6), sha1, true)),
            TwoFactorError::KeyTooShort
        );
        assert!(Hotp::new(&key[..15], Some(6), sha1, false).is_ok());
        // The key is reported before everything else, as the reference does.
        assert_eq!(
            rule(Hotp::new(&key[..15], None, None, true)),
            TwoFactorError::KeyTooShort
        );
        assert_eq!(
            rule(Hotp::new(&key, None, sha1, true)),
            TwoFactorError::LengthNotInteger
        );
        for digits in [-1, 0, 5, 9, i64::MAX] {
            assert_eq!(
                rule(Hotp::new(&key, Some(digits), sha1, true)),
                TwoFactorError::Length
            );
        }
        for algorithm in [None, Some(HashAlgorithm::Md5), Some(HashAlgorithm::Sha384)] {
            assert_eq!(
                rule(Hotp::new(&key, Some(8), algorithm, true)),
                TwoFactorError::Algorithm
            );
        }
        let hotp = Hotp::new(b"12345678901234567890", Some(6), sha1, true).unwrap();
        assert_eq!(hotp.generate(1).unwrap(), "287082");
        assert!(hotp.verify(b"287082", 1).unwrap());
        assert!(!hotp.verify(b"287083", 1).unwrap());
        assert!(!hotp.verify(b"28708", 1).unwrap());
    }

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
