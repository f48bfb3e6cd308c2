//! XChaCha20-Poly1305 (draft-irtf-cfrg-xchacha): ChaCha20-Poly1305 with a 24-byte nonce,
//! so that random nonces are safe. An addition beyond the reference API.
//!
//! The first 16 nonce bytes and the key give a subkey through HChaCha20; the subkey and
//! the last 8 nonce bytes (after four zero bytes) then drive ChaCha20-Poly1305.
//!
//! OpenSSL has no HChaCha20, but it is the ChaCha20 block function without its final
//! addition of the input state. OpenSSL's ChaCha20 takes its 16-byte IV as exactly the
//! state words HChaCha20 puts its nonce in, so one keystream block, minus the known input
//! words, gives HChaCha20's output: the primitive stays OpenSSL's.
//!
//! ```
//! use cryptography_backend::aead::Aead;
//! use cryptography_backend::xchacha::XChaCha20Poly1305Key;
//!
//! let key = XChaCha20Poly1305Key::new(&[7u8; 32])?;
//! let sealed = key.seal(&[1u8; 24], &[b"header"], b"hello")?;
//! assert_eq!(sealed.len(), 5 + 16);
//! let opened = key.open(&[1u8; 24], &[b"header"], &sealed)?;
//! assert_eq!(opened, b"hello");
//! # Ok::<(), cryptography_backend::Error>(())
//! ```

use zeroize::Zeroizing;

use crate::aead::{check_data_lengths, Aead, AeadAlgorithm, AeadKey, AeadKind};
use crate::cipher::{CipherAlgorithm, CipherContext, Mode};
use crate::error::{AeadError, Result};
use crate::ffi::Output;

/// "expand 32-byte k", ChaCha's constant words.
const SIGMA: [u32; 4] = [0x6170_7865, 0x3320_646e, 0x7962_2d32, 0x6b20_6574];

/// A scheduled XChaCha20-Poly1305 key.
pub struct XChaCha20Poly1305Key {
    /// ChaCha20 keyed with the key, restarted with each nonce to run HChaCha20.
    chacha: CipherContext,
}

impl XChaCha20Poly1305Key {
    pub const KEY_LEN: usize = 32;
    pub const NONCE_LEN: usize = 24;
    pub const TAG_LEN: usize = 16;

    pub fn new(key: &[u8]) -> Result<Self> {
        if key.len() != Self::KEY_LEN {
            return Err(AeadError::KeyLength(AeadKind::XChaCha20Poly1305).into());
        }
        let chacha = CipherContext::new(
            CipherAlgorithm::ChaCha20,
            Mode::Stream,
            key,
            Some(&[0u8; 16]),
            true,
        )?;
        Ok(XChaCha20Poly1305Key { chacha })
    }

    /// HChaCha20(key, nonce16): the 32-byte subkey. Public for the differential fuzz
    /// target, which checks it against an independent implementation (OpenSSL has none).
    pub fn hchacha20(&self, nonce16: &[u8]) -> Result<Zeroizing<[u8; 32]>> {
        if nonce16.len() != 16 {
            return Err(AeadError::NonceLength(AeadKind::XChaCha20Poly1305).into());
        }
        let mut block = Zeroizing::new([0u8; 64]);
        let mut chacha = self.chacha.fork_with_iv(nonce16)?;
        chacha.update_into(&[0u8; 64], &mut Output::new(&mut block[..]))?;
        let word = |bytes: &[u8], i: usize| {
            u32::from_le_bytes([
                bytes[4 * i],
                bytes[4 * i + 1],
                bytes[4 * i + 2],
                bytes[4 * i + 3],
            ])
        };
        let mut subkey = Zeroizing::new([0u8; 32]);
        for i in 0..4 {
            // Keystream word = rounds(state) + state; HChaCha20 keeps rounds(state).
            let head = word(&block[..], i).wrapping_sub(SIGMA[i]);
            let tail = word(&block[..], 12 + i).wrapping_sub(word(nonce16, i));
            subkey[4 * i..4 * i + 4].copy_from_slice(&head.to_le_bytes());
            subkey[16 + 4 * i..16 + 4 * i + 4].copy_from_slice(&tail.to_le_bytes());
        }
        Ok(subkey)
    }

    /// The ChaCha20-Poly1305 key and 12-byte nonce for a 24-byte nonce.
    fn inner(&self, nonce: &[u8]) -> Result<(AeadKey, [u8; 12])> {
        if nonce.len() != Self::NONCE_LEN {
            return Err(AeadError::NonceLength(AeadKind::XChaCha20Poly1305).into());
        }
        let subkey = self.hchacha20(&nonce[..16])?;
        let mut inner_nonce = [0u8; 12];
        inner_nonce[4..].copy_from_slice(&nonce[16..]);
        Ok((
            AeadKey::new(AeadAlgorithm::ChaCha20Poly1305, &subkey[..])?,
            inner_nonce,
        ))
    }
}

impl Aead for XChaCha20Poly1305Key {
    fn tag_len(&self) -> usize {
        Self::TAG_LEN
    }

    /// Encrypts into `out` (ciphertext then tag), exactly `plaintext.len() + 16` bytes.
    fn check_message(&self, nonce: &[u8], data_len: usize, aad: &[&[u8]]) -> Result<()> {
        check_data_lengths(data_len, aad)?;
        if nonce.len() != Self::NONCE_LEN {
            return Err(AeadError::NonceLength(AeadKind::XChaCha20Poly1305).into());
        }
        Ok(())
    }

    fn seal_into(
        &self,
        nonce: &[u8],
        aad: &[&[u8]],
        plaintext: &[u8],
        out: &mut Output<'_>,
    ) -> Result<()> {
        self.check_message(nonce, plaintext.len(), aad)?;
        let (key, inner_nonce) = self.inner(nonce)?;
        key.seal_into(&inner_nonce, aad, plaintext, out)
    }

    /// Checks and decrypts into `out`, exactly `sealed.len() - 16` bytes.
    fn open_into(
        &self,
        nonce: &[u8],
        aad: &[&[u8]],
        sealed: &[u8],
        out: &mut Output<'_>,
    ) -> Result<()> {
        self.check_message(nonce, sealed.len().saturating_sub(Self::TAG_LEN), aad)?;
        let (key, inner_nonce) = self.inner(nonce)?;
        key.open_into(&inner_nonce, aad, sealed, out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Error;
    use crate::test_support::unhex;

    #[test]
    fn draft_appendix_a_3_1() {
        let key = XChaCha20Poly1305Key::new(&unhex(
            "808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f",
        ))
        .unwrap();
        let nonce = unhex("404142434445464748494a4b4c4d4e4f5051525354555657");
        let aad = unhex("50515253c0c1c2c3c4c5c6c7");
        let plaintext = b"Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the future, sunscreen would be it.";
        let mut sealed = vec![0u8; plaintext.len() + 16];
        key.seal_into(&nonce, &[&aad], plaintext, &mut Output::new(&mut sealed))
            .unwrap();
        assert_eq!(sealed[..8], unhex("bd6d179d3e83d43b"));
        assert_eq!(
            sealed[plaintext.len()..],
            unhex("c0875924c1c7987947deafd8780acf49")
        );
        let mut opened = vec![0u8; plaintext.len()];
        key.open_into(&nonce, &[&aad], &sealed, &mut Output::new(&mut opened))
            .unwrap();
        assert_eq!(opened, plaintext);
        sealed[3] ^= 1;
        assert!(matches!(
            key.open_into(&nonce, &[&aad], &sealed, &mut Output::new(&mut opened)),
            Err(Error::InvalidTag)
        ));
    }

    #[test]
    fn lengths() {
        let kind = AeadKind::XChaCha20Poly1305;
        assert!(matches!(
            XChaCha20Poly1305Key::new(&[0u8; 16]),
            Err(Error::Aead(AeadError::KeyLength(k))) if k == kind
        ));
        let key = XChaCha20Poly1305Key::new(&[0u8; 32]).unwrap();
        assert!(matches!(
            key.seal(&[0u8; 12], &[], b""),
            Err(Error::Aead(AeadError::NonceLength(k))) if k == kind
        ));
    }
}
