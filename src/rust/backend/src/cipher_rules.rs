//! The argument rules of the Cipher API's algorithm and mode objects: key sizes, IV,
//! nonce and tweak lengths, GCM's tag lengths, and which keys a mode takes. The objects
//! check them when made and when combined in a `Cipher`, before any context exists;
//! `crate::cipher` applies the same functions when it keys a context.

use crate::error::{CipherError, Result};

/// A key of `key_bits` bits, for the algorithm called `name`, must be of a size it lists
/// (`is_listed` looks the size up in the algorithm's list, which the caller holds).
pub fn check_key_size(
    name: &str,
    key_bits: usize,
    is_listed: impl FnOnce(usize) -> bool,
) -> Result<()> {
    if is_listed(key_bits) {
        Ok(())
    } else {
        Err(CipherError::KeySize {
            name: name.to_string(),
            bits: key_bits,
        }
        .into())
    }
}

/// AES keys above 256 bits are two keys, for XTS only.
pub fn check_aes_key_for_mode(is_aes: bool, key_bits: usize) -> Result<()> {
    if is_aes && key_bits > 256 {
        Err(CipherError::KeyTooLongForMode.into())
    } else {
        Ok(())
    }
}

/// What a block mode's one-block value is called in its messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IvName {
    Iv,
    Nonce,
}

/// A block mode's IV (or CTR's nonce) is one block of the algorithm.
pub fn check_one_block(name: IvName, mode: &str, block_bits: usize, len: usize) -> Result<()> {
    if len.checked_mul(8) == Some(block_bits) {
        Ok(())
    } else {
        Err(CipherError::IvSize {
            name,
            mode: mode.to_string(),
            len,
        }
        .into())
    }
}

/// XTS's tweak is 16 bytes.
pub fn check_xts_tweak(len: usize) -> Result<()> {
    if len == 16 {
        Ok(())
    } else {
        Err(CipherError::XtsTweakLength.into())
    }
}

/// XTS takes two AES-128 or two AES-256 keys.
pub fn check_xts_key(key_bits: usize) -> Result<()> {
    if matches!(key_bits, 256 | 512) {
        Ok(())
    } else {
        Err(CipherError::XtsKeySize.into())
    }
}

/// The shortest tag GCM may be asked to accept.
pub const GCM_MIN_TAG_LEN: usize = 4;

/// GCM's arguments: an IV of 8 to 128 bytes (64 to 1024 bits, the range OpenSSL takes;
/// NIST recommends 12) and a minimum tag length of at least 4 bytes. A tag given for
/// decryption is then checked against that minimum (`check_tag_min`).
pub fn check_gcm(iv_len: usize, min_tag_len: i64) -> Result<()> {
    if !(8..=128).contains(&iv_len) {
        return Err(CipherError::GcmIvLength.into());
    }
    if min_tag_len < GCM_MIN_TAG_LEN as i64 {
        return Err(CipherError::GcmMinTagLength.into());
    }
    Ok(())
}

/// A tag given for decryption is at least the mode's minimum length.
pub fn check_tag_min(tag_len: usize, min: usize) -> Result<()> {
    if tag_len < min {
        Err(CipherError::TagTooShort { min }.into())
    } else {
        Ok(())
    }
}

/// A tag belongs to decryption: a mode used to encrypt carries none.
pub fn check_no_tag_when_encrypting(encrypt: bool, has_tag: bool) -> Result<()> {
    if encrypt && has_tag {
        Err(CipherError::TagWhenEncrypting.into())
    } else {
        Ok(())
    }
}

/// A tag is at most one block of the algorithm.
pub fn check_tag_fits_block(tag_len: usize, block_bits: usize) -> Result<()> {
    let max = block_bits / 8;
    if tag_len > max {
        Err(CipherError::TagTooLong { max }.into())
    } else {
        Ok(())
    }
}

/// ChaCha20's nonce, as the API takes it, is 16 bytes: a 4-byte counter and a 12-byte
/// nonce.
pub fn check_chacha20_nonce(len: usize) -> Result<()> {
    if len == 16 {
        Ok(())
    } else {
        Err(CipherError::ChaCha20NonceLength.into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Error;

    fn rule(result: Result<()>) -> CipherError {
        match result {
            Err(Error::Cipher(rule)) => rule,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn key_sizes_and_mode_keys() {
        let aes = |bits| [128, 192, 256].contains(&bits);
        assert!(check_key_size("AES", 192, aes).is_ok());
        assert_eq!(
            rule(check_key_size("AES", 64, aes)),
            CipherError::KeySize {
                name: "AES".into(),
                bits: 64
            }
        );
        assert!(check_aes_key_for_mode(true, 256).is_ok());
        assert!(check_aes_key_for_mode(false, 512).is_ok());
        assert_eq!(
            rule(check_aes_key_for_mode(true, 512)),
            CipherError::KeyTooLongForMode
        );
        assert!(check_xts_key(512).is_ok());
        assert_eq!(rule(check_xts_key(384)), CipherError::XtsKeySize);
    }

    #[test]
    fn ivs_nonces_and_tweaks() {
        assert!(check_one_block(IvName::Iv, "CBC", 128, 16).is_ok());
        assert_eq!(
            rule(check_one_block(IvName::Nonce, "CTR", 64, 16)),
            CipherError::IvSize {
                name: IvName::Nonce,
                mode: "CTR".into(),
                len: 16
            }
        );
        assert!(check_one_block(IvName::Iv, "CBC", 128, usize::MAX).is_err());
        assert!(check_xts_tweak(16).is_ok());
        assert_eq!(rule(check_xts_tweak(15)), CipherError::XtsTweakLength);
        assert!(check_chacha20_nonce(16).is_ok());
        assert_eq!(
            rule(check_chacha20_nonce(12)),
            CipherError::ChaCha20NonceLength
        );
    }

    #[test]
    fn gcm_lengths_in_order() {
        assert!(check_gcm(12, 16).is_ok());
        assert!(check_gcm(8, 4).is_ok());
        assert!(check_gcm(128, 4).is_ok());
        // The IV before the minimum, as the reference checks them.
        assert_eq!(rule(check_gcm(7, 3)), CipherError::GcmIvLength);
        assert_eq!(rule(check_gcm(129, 16)), CipherError::GcmIvLength);
        assert_eq!(rule(check_gcm(12, 3)), CipherError::GcmMinTagLength);
        assert_eq!(rule(check_gcm(12, -1)), CipherError::GcmMinTagLength);
        assert!(check_tag_min(16, 16).is_ok());
        assert_eq!(
            rule(check_tag_min(3, 4)),
            CipherError::TagTooShort { min: 4 }
        );
        assert!(check_no_tag_when_encrypting(false, true).is_ok());
        assert!(check_no_tag_when_encrypting(true, false).is_ok());
        assert_eq!(
            rule(check_no_tag_when_encrypting(true, true)),
            CipherError::TagWhenEncrypting
        );
        assert!(check_tag_fits_block(16, 128).is_ok());
        assert_eq!(
            rule(check_tag_fits_block(17, 128)),
            CipherError::TagTooLong { max: 16 }
        );
    }
}
