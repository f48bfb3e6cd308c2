//! AES key wrap (RFC 3394 / NIST SP 800-38F KW) and key wrap with padding (RFC 5649,
//! KWP), through OpenSSL's key-wrap ciphers.
//!
//! ```
//! use cryptography_backend::keywrap::{unwrap, wrap};
//!
//! let kek = [1u8; 16];
//! let wrapped = wrap(&kek, &[2u8; 16], false)?;
//! assert_eq!(unwrap(&kek, &wrapped, false)?, [2u8; 16]);
//! # Ok::<(), cryptography_backend::Error>(())
//! ```

use crate::cipher::fetched_by_name;
use crate::error::{Error, Result};
use crate::ffi::key_wrap;

/// RFC 3394's default initial value, and RFC 5649's alternative initial value prefix.
const KW_IV: [u8; 8] = [0xa6; 8];
const KWP_IV: [u8; 4] = [0xa6, 0x59, 0x59, 0xa6];

fn cipher_name(wrapping_key: &[u8], padded: bool) -> Result<String> {
    if !matches!(wrapping_key.len(), 16 | 24 | 32) {
        return Err(Error::InvalidKeyLength);
    }
    let suffix = if padded { "-PAD" } else { "" };
    Ok(format!("AES-{}-WRAP{suffix}", wrapping_key.len() * 8))
}

fn iv(padded: bool) -> &'static [u8] {
    if padded {
        &KWP_IV
    } else {
        &KW_IV
    }
}

/// Wraps `key_to_wrap` under `wrapping_key` (an AES key). The unpadded form takes keys
/// of 16 bytes or more in whole 8-byte blocks; the padded form any non-empty key.
pub fn wrap(wrapping_key: &[u8], key_to_wrap: &[u8], padded: bool) -> Result<Vec<u8>> {
    let cipher = fetched_by_name(&cipher_name(wrapping_key, padded)?)?;
    let mut out = vec![0u8; key_to_wrap.len().div_ceil(8) * 8 + 8];
    let written = key_wrap(
        cipher,
        wrapping_key,
        iv(padded),
        true,
        key_to_wrap,
        &mut out,
    )?;
    out.truncate(written);
    Ok(out)
}

/// Unwraps and checks a wrapped key; any integrity failure is `InvalidUnwrap`.
pub fn unwrap(wrapping_key: &[u8], wrapped_key: &[u8], padded: bool) -> Result<Vec<u8>> {
    let cipher = fetched_by_name(&cipher_name(wrapping_key, padded)?)?;
    let mut out = vec![0u8; wrapped_key.len()];
    let written = key_wrap(
        cipher,
        wrapping_key,
        iv(padded),
        false,
        wrapped_key,
        &mut out,
    )?;
    out.truncate(written);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unhex(s: &str) -> Vec<u8> {
        (0..s.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
            .collect()
    }

    #[test]
    fn rfc3394_section_4_1() {
        let kek = unhex("000102030405060708090A0B0C0D0E0F");
        let key = unhex("00112233445566778899AABBCCDDEEFF");
        let wrapped = wrap(&kek, &key, false).unwrap();
        assert_eq!(
            wrapped,
            unhex("1FA68B0A8112B447AEF34BD8FB5A7B829D3E862371D2CFE5")
        );
        assert_eq!(unwrap(&kek, &wrapped, false).unwrap(), key);
    }

    #[test]
    fn rfc5649_section_6() {
        let kek = unhex("5840df6e29b02af1ab493b705bf16ea1ae8338f4dcc176a8");
        let wrapped = wrap(&kek, &unhex("466f7250617369"), true).unwrap();
        assert_eq!(wrapped, unhex("afbeb0f07dfbf5419200f2ccb50bb24f"));
        assert_eq!(
            unwrap(&kek, &wrapped, true).unwrap(),
            unhex("466f7250617369")
        );
    }

    #[test]
    fn tampering_and_bad_keys() {
        let kek = [7u8; 16];
        let mut wrapped = wrap(&kek, &[1u8; 24], false).unwrap();
        wrapped[3] ^= 1;
        assert!(matches!(
            unwrap(&kek, &wrapped, false),
            Err(Error::InvalidUnwrap)
        ));
        assert!(matches!(
            wrap(&[0u8; 15], &[1u8; 16], false),
            Err(Error::InvalidKeyLength)
        ));
        assert!(matches!(
            unwrap(&kek, &[0u8; 16], true),
            Err(Error::InvalidUnwrap)
        ));
    }
}
