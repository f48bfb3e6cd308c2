//! Authenticated encryption with associated data, one message per call: the engine for
//! `AESGCM` and `ChaCha20Poly1305`.
//!
//! An [`AeadKey`] schedules its key once. Each call then starts from a keyed context and
//! sets only the nonce: a spare context when one is free, otherwise a copy of the keyed
//! template. The key is shared, not locked, so threads sealing with one key run in
//! parallel.
//!
//! ```
//! use cryptography_backend::aead::{AeadAlgorithm, AeadKey};
//!
//! let key = AeadKey::new(AeadAlgorithm::ChaCha20Poly1305, &[7u8; 32])?;
//! let mut sealed = vec![0u8; 5 + AeadKey::TAG_LEN];
//! key.seal_into(&[1u8; 12], b"header", b"hello", &mut sealed)?;
//! let mut opened = [0u8; 5];
//! key.open_into(&[1u8; 12], b"header", &sealed, &mut opened)?;
//! assert_eq!(&opened, b"hello");
//! # Ok::<(), cryptography_backend::Error>(())
//! ```

use std::sync::Mutex;

use crate::error::{Error, Result};
use crate::ffi::CipherCtx;

/// An AEAD algorithm; AES-GCM's key length picks AES-128, -192 or -256.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AeadAlgorithm {
    AesGcm,
    ChaCha20Poly1305,
}

/// Spare contexts kept per key: enough for the threads that typically share one.
const MAX_SPARE_CONTEXTS: usize = 4;

/// A scheduled AEAD key.
pub struct AeadKey {
    algorithm: AeadAlgorithm,
    template: CipherCtx,
    spare: Mutex<Vec<CipherCtx>>,
}

impl AeadKey {
    /// Both algorithms here produce 16-byte tags.
    pub const TAG_LEN: usize = 16;

    pub fn new(algorithm: AeadAlgorithm, key: &[u8]) -> Result<Self> {
        let valid_key = match algorithm {
            AeadAlgorithm::AesGcm => matches!(key.len(), 16 | 24 | 32),
            AeadAlgorithm::ChaCha20Poly1305 => key.len() == 32,
        };
        if !valid_key {
            return Err(Error::InvalidKeyLength);
        }
        let name = match algorithm {
            AeadAlgorithm::AesGcm => format!("AES-{}-GCM", key.len() * 8),
            AeadAlgorithm::ChaCha20Poly1305 => "ChaCha20-Poly1305".to_string(),
        };
        let fetched = crate::cipher::fetched_by_name(&name)?;
        let template = CipherCtx::new(fetched, key, Some(&[0u8; 12]), true, true, false)?;
        Ok(AeadKey {
            algorithm,
            template,
            spare: Mutex::new(Vec::new()),
        })
    }

    pub fn algorithm(&self) -> AeadAlgorithm {
        self.algorithm
    }

    /// Runs `work` on a keyed context, then keeps the context for the next call.
    fn with_context<T>(&self, work: impl FnOnce(&mut CipherCtx) -> Result<T>) -> Result<T> {
        let spare = self.spare.lock().ok().and_then(|mut spare| spare.pop());
        let mut ctx = match spare {
            Some(ctx) => ctx,
            None => self.template.try_clone()?,
        };
        let result = work(&mut ctx);
        if let Ok(mut spare) = self.spare.lock() {
            if spare.len() < MAX_SPARE_CONTEXTS {
                spare.push(ctx);
            }
        }
        result
    }

    fn nonce_len_ok(&self, nonce: &[u8]) -> bool {
        match self.algorithm {
            // OpenSSL takes GCM nonces of any length from 1 byte; the Python layer applies
            // the documented range.
            AeadAlgorithm::AesGcm => !nonce.is_empty(),
            AeadAlgorithm::ChaCha20Poly1305 => nonce.len() == 12,
        }
    }

    /// Encrypts `plaintext` into `out` as ciphertext followed by the 16-byte tag; `out`
    /// must be exactly `plaintext.len() + TAG_LEN` bytes.
    pub fn seal_into(
        &self,
        nonce: &[u8],
        aad: &[u8],
        plaintext: &[u8],
        out: &mut [u8],
    ) -> Result<()> {
        let expected = plaintext.len() + Self::TAG_LEN;
        if out.len() != expected {
            return Err(Error::OutputLength {
                expected,
                actual: out.len(),
            });
        }
        if !self.nonce_len_ok(nonce) {
            return Err(Error::InvalidNonceLength);
        }
        let (body, tag) = out.split_at_mut(plaintext.len());
        self.with_context(|ctx| {
            ctx.start_message(nonce, true)?;
            ctx.update_aad(aad)?;
            ctx.update(plaintext, body)?;
            ctx.finalize()?;
            Ok(ctx.tag(tag)?)
        })
    }

    /// Checks and decrypts `sealed` (ciphertext then tag) into `out`, which must be
    /// exactly `sealed.len() - TAG_LEN` bytes. On a bad tag, `out` is zeroed and the
    /// error carries no detail.
    pub fn open_into(&self, nonce: &[u8], aad: &[u8], sealed: &[u8], out: &mut [u8]) -> Result<()> {
        let body_len = sealed
            .len()
            .checked_sub(Self::TAG_LEN)
            .ok_or(Error::InvalidTag)?;
        if out.len() != body_len {
            return Err(Error::OutputLength {
                expected: body_len,
                actual: out.len(),
            });
        }
        if !self.nonce_len_ok(nonce) {
            return Err(Error::InvalidNonceLength);
        }
        let (body, tag) = sealed.split_at(body_len);
        let result = self.with_context(|ctx| {
            ctx.start_message(nonce, false)?;
            ctx.update_aad(aad)?;
            ctx.update(body, out)?;
            ctx.set_tag(tag)?;
            ctx.finalize().map_err(|_| Error::InvalidTag)
        });
        if result.is_err() {
            // Unauthenticated plaintext must not be released.
            out.fill(0);
        }
        result
    }
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
    fn chacha20_poly1305_rfc8439_section_2_8_2() {
        let key = unhex("808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f");
        let nonce = unhex("070000004041424344454647");
        let aad = unhex("50515253c0c1c2c3c4c5c6c7");
        let plaintext = b"Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the future, sunscreen would be it.";
        let key = AeadKey::new(AeadAlgorithm::ChaCha20Poly1305, &key).unwrap();
        let mut sealed = vec![0u8; plaintext.len() + 16];
        key.seal_into(&nonce, &aad, plaintext, &mut sealed).unwrap();
        assert_eq!(sealed[..4], unhex("d31a8d34"));
        assert_eq!(
            sealed[plaintext.len()..],
            unhex("1ae10b594f09e26a7e902ecbd0600691")
        );
        let mut opened = vec![0u8; plaintext.len()];
        key.open_into(&nonce, &aad, &sealed, &mut opened).unwrap();
        assert_eq!(opened, plaintext);
    }

    #[test]
    fn aes_gcm_nist_test_case_4_and_tampering() {
        // The GCM specification's test case 4 (AES-128, 60-byte plaintext, 20-byte AAD).
        let key = unhex("feffe9928665731c6d6a8f9467308308");
        let nonce = unhex("cafebabefacedbaddecaf888");
        let aad = unhex("feedfacedeadbeeffeedfacedeadbeefabaddad2");
        let plaintext = unhex(concat!(
            "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72",
            "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39"
        ));
        let key = AeadKey::new(AeadAlgorithm::AesGcm, &key).unwrap();
        let mut sealed = vec![0u8; plaintext.len() + 16];
        key.seal_into(&nonce, &aad, &plaintext, &mut sealed)
            .unwrap();
        assert_eq!(
            sealed[plaintext.len()..],
            unhex("5bc94fbc3221a5db94fae95ae7121a47")
        );
        assert_eq!(sealed[..4], unhex("42831ec2"));
        let mut opened = vec![0u8; plaintext.len()];
        key.open_into(&nonce, &aad, &sealed, &mut opened).unwrap();
        assert_eq!(opened, plaintext);
        sealed[0] ^= 1;
        assert!(matches!(
            key.open_into(&nonce, &aad, &sealed, &mut opened),
            Err(Error::InvalidTag)
        ));
        assert!(opened.iter().all(|&b| b == 0));
    }

    #[test]
    fn one_key_many_threads() {
        let key = AeadKey::new(AeadAlgorithm::AesGcm, &[9u8; 32]).unwrap();
        let mut expected = vec![0u8; 1000 + 16];
        key.seal_into(&[3u8; 12], b"", &[5u8; 1000], &mut expected)
            .unwrap();
        std::thread::scope(|scope| {
            for _ in 0..4 {
                scope.spawn(|| {
                    for _ in 0..50 {
                        let mut sealed = vec![0u8; 1000 + 16];
                        key.seal_into(&[3u8; 12], b"", &[5u8; 1000], &mut sealed)
                            .unwrap();
                        assert_eq!(sealed, expected);
                    }
                });
            }
        });
    }

    #[test]
    fn key_and_nonce_lengths() {
        assert!(matches!(
            AeadKey::new(AeadAlgorithm::AesGcm, &[0u8; 15]),
            Err(Error::InvalidKeyLength)
        ));
        assert!(matches!(
            AeadKey::new(AeadAlgorithm::ChaCha20Poly1305, &[0u8; 16]),
            Err(Error::InvalidKeyLength)
        ));
        let key = AeadKey::new(AeadAlgorithm::ChaCha20Poly1305, &[0u8; 32]).unwrap();
        assert!(matches!(
            key.seal_into(&[0u8; 8], b"", b"", &mut [0u8; 16]),
            Err(Error::InvalidNonceLength)
        ));
        // GCM with a non-default nonce length, then the default again on the same key.
        let gcm = AeadKey::new(AeadAlgorithm::AesGcm, &[0u8; 16]).unwrap();
        let (mut a, mut b) = ([0u8; 16], [0u8; 16]);
        gcm.seal_into(&[0u8; 8], b"", b"", &mut a).unwrap();
        gcm.seal_into(&[0u8; 12], b"", b"", &mut b).unwrap();
        assert_ne!(a, b);
        let mut c = [0u8; 16];
        gcm.seal_into(&[0u8; 8], b"", b"", &mut c).unwrap();
        assert_eq!(a, c);
    }
}
