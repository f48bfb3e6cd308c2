//! The encryption of OpenSSH private key files (openssh-key-v1, OpenSSH's PROTOCOL.key):
//! the key and IV come from bcrypt_pbkdf over the passphrase (RustCrypto's
//! `bcrypt-pbkdf`), and the secret section is encrypted with one of the ciphers
//! `ssh-keygen -Z` offers. The section is always a whole number of cipher blocks (the
//! file's own padding), so no cipher here pads.
//!
//! ```
//! use cryptography_backend::openssh::{derive_key, FileCipher};
//!
//! let cipher = FileCipher::from_name(b"aes256-ctr").unwrap();
//! let key = derive_key(cipher, b"passphrase", b"0123456789abcdef", 2)?;
//! let sealed = cipher.encrypt(&key, &[7u8; 32])?;
//! assert!(sealed.tag.is_empty());
//! assert_eq!(*cipher.decrypt(&key, &sealed.ciphertext, &sealed.tag)?, [7u8; 32]);
//! # Ok::<(), cryptography_backend::Error>(())
//! ```

use zeroize::Zeroizing;

use crate::cipher::{CipherAlgorithm, CipherContext, Mode};
use crate::error::{Error, Result};
use crate::ffi::Output;
use crate::mac::Poly1305;

/// A cipher of OpenSSH key files.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileCipher {
    /// Three-key Triple DES, still offered by `ssh-keygen -Z`.
    TripleDesCbc,
    Aes128Ctr,
    Aes192Ctr,
    Aes256Ctr,
    Aes128Cbc,
    Aes192Cbc,
    Aes256Cbc,
    Aes128Gcm,
    Aes256Gcm,
    /// OpenSSH's ChaCha20-Poly1305 (PROTOCOL.chacha20poly1305): ChaCha20 with a 64-bit
    /// nonce (the packet number, 0 for a key file) and the Poly1305 key taken from the
    /// keystream's first block.
    ChaCha20Poly1305,
}

/// A sealed secret section: the ciphertext, and the AEAD tag OpenSSH stores after it
/// (empty for CTR and CBC).
pub struct Sealed {
    pub ciphertext: Vec<u8>,
    pub tag: Vec<u8>,
}

const ALL: [FileCipher; 10] = [
    FileCipher::TripleDesCbc,
    FileCipher::Aes128Ctr,
    FileCipher::Aes192Ctr,
    FileCipher::Aes256Ctr,
    FileCipher::Aes128Cbc,
    FileCipher::Aes192Cbc,
    FileCipher::Aes256Cbc,
    FileCipher::Aes128Gcm,
    FileCipher::Aes256Gcm,
    FileCipher::ChaCha20Poly1305,
];

impl FileCipher {
    /// The cipher of a file's `ciphername`.
    pub fn from_name(name: &[u8]) -> Option<FileCipher> {
        ALL.into_iter()
            .find(|cipher| cipher.name().as_bytes() == name)
    }

    /// The name a file gives it.
    pub fn name(self) -> &'static str {
        match self {
            FileCipher::TripleDesCbc => "3des-cbc",
            FileCipher::Aes128Ctr => "aes128-ctr",
            FileCipher::Aes192Ctr => "aes192-ctr",
            FileCipher::Aes256Ctr => "aes256-ctr",
            FileCipher::Aes128Cbc => "aes128-cbc",
            FileCipher::Aes192Cbc => "aes192-cbc",
            FileCipher::Aes256Cbc => "aes256-cbc",
            FileCipher::Aes128Gcm => "aes128-gcm@openssh.com",
            FileCipher::Aes256Gcm => "aes256-gcm@openssh.com",
            FileCipher::ChaCha20Poly1305 => "chacha20-poly1305@openssh.com",
        }
    }

    /// Bytes of cipher key (ChaCha20-Poly1305: two 32-byte keys, of which a key file
    /// uses the first).
    pub fn key_len(self) -> usize {
        match self {
            FileCipher::Aes128Ctr | FileCipher::Aes128Cbc | FileCipher::Aes128Gcm => 16,
            FileCipher::TripleDesCbc | FileCipher::Aes192Ctr | FileCipher::Aes192Cbc => 24,
            FileCipher::Aes256Ctr | FileCipher::Aes256Cbc | FileCipher::Aes256Gcm => 32,
            FileCipher::ChaCha20Poly1305 => 64,
        }
    }

    /// Bytes of IV derived after the key.
    pub fn iv_len(self) -> usize {
        match self {
            FileCipher::Aes128Gcm | FileCipher::Aes256Gcm => 12,
            FileCipher::TripleDesCbc => 8,
            FileCipher::ChaCha20Poly1305 => 0,
            _ => 16,
        }
    }

    /// The block length the secret section is padded to.
    pub fn block_len(self) -> usize {
        match self {
            FileCipher::TripleDesCbc | FileCipher::ChaCha20Poly1305 => 8,
            _ => 16,
        }
    }

    /// The length of the tag stored after the section (0: not an AEAD).
    pub fn tag_len(self) -> usize {
        match self {
            FileCipher::Aes128Gcm | FileCipher::Aes256Gcm | FileCipher::ChaCha20Poly1305 => 16,
            _ => 0,
        }
    }

    /// The block cipher and mode, or None for ChaCha20-Poly1305.
    fn block_cipher(self) -> Option<(CipherAlgorithm, Mode)> {
        let aes = |mode| Some((CipherAlgorithm::Aes, mode));
        match self {
            FileCipher::TripleDesCbc => Some((CipherAlgorithm::TripleDes, Mode::Cbc)),
            FileCipher::Aes128Ctr | FileCipher::Aes192Ctr | FileCipher::Aes256Ctr => aes(Mode::Ctr),
            FileCipher::Aes128Cbc | FileCipher::Aes192Cbc | FileCipher::Aes256Cbc => aes(Mode::Cbc),
            FileCipher::Aes128Gcm | FileCipher::Aes256Gcm => aes(Mode::Gcm),
            FileCipher::ChaCha20Poly1305 => None,
        }
    }

    /// Encrypts a secret section (a whole number of blocks) under `key_iv`, the output
    /// of `derive_key`.
    pub fn encrypt(self, key_iv: &[u8], plaintext: &[u8]) -> Result<Sealed> {
        let (key, iv) = self.split(key_iv)?;
        match self.block_cipher() {
            Some((algorithm, mode)) => {
                let mut ctx = CipherContext::new(algorithm, mode, key, Some(iv), true)?;
                let ciphertext = run(&mut ctx, plaintext)?;
                ctx.finalize()?;
                let tag = ctx.tag().map(|tag| tag.to_vec()).unwrap_or_default();
                Ok(Sealed { ciphertext, tag })
            }
            None => {
                let (poly_key, ciphertext) = chacha(key, plaintext)?;
                let tag = poly1305(&poly_key, &ciphertext)?;
                Ok(Sealed { ciphertext, tag })
            }
        }
    }

    /// Decrypts a secret section; for an AEAD, a `tag` that does not match is
    /// `InvalidTag` and nothing is returned.
    pub fn decrypt(
        self,
        key_iv: &[u8],
        ciphertext: &[u8],
        tag: &[u8],
    ) -> Result<Zeroizing<Vec<u8>>> {
        let (key, iv) = self.split(key_iv)?;
        if tag.len() != self.tag_len() {
            return Err(Error::InvalidTag);
        }
        match self.block_cipher() {
            Some((algorithm, mode)) => {
                let mut ctx = CipherContext::new(algorithm, mode, key, Some(iv), false)?;
                if mode == Mode::Gcm {
                    ctx.set_tag(tag, 16, false)?;
                }
                let plaintext = Zeroizing::new(run(&mut ctx, ciphertext)?);
                ctx.finalize()?;
                Ok(plaintext)
            }
            None => {
                // The tag first: nothing is decrypted under a forged one.
                let (poly_key, _) = chacha(key, &[])?;
                let expected = poly1305(&poly_key, ciphertext)?;
                if !crate::constant_time_eq(&expected, tag) {
                    return Err(Error::InvalidTag);
                }
                Ok(Zeroizing::new(chacha(key, ciphertext)?.1))
            }
        }
    }

    fn split(self, key_iv: &[u8]) -> Result<(&[u8], &[u8])> {
        if key_iv.len() != self.key_len() + self.iv_len() {
            return Err(Error::InvalidKeyLength);
        }
        Ok(key_iv.split_at(self.key_len()))
    }
}

fn run(ctx: &mut CipherContext, input: &[u8]) -> Result<Vec<u8>> {
    let mut out = vec![0u8; ctx.update_len(input.len())];
    let written = ctx.update_into(input, &mut Output::new(&mut out))?;
    out.truncate(written);
    Ok(out)
}

/// ChaCha20 as OpenSSH runs it for packet 0: block 0 of the keystream under the first
/// 32 bytes of `key` gives the Poly1305 key, blocks from 1 on encrypt. OpenSSL's IV is
/// the 32-bit little-endian block counter then a 96-bit nonce; OpenSSH's 64-bit nonce
/// (0 here) fills the nonce's last 8 bytes and the counter's high half its first 4.
fn chacha(key: &[u8], data: &[u8]) -> Result<(Zeroizing<Vec<u8>>, Vec<u8>)> {
    let keystream_from = |block: u8, input: &[u8]| {
        let mut iv = [0u8; 16];
        iv[0] = block;
        let mut ctx = CipherContext::new(
            CipherAlgorithm::ChaCha20,
            Mode::Stream,
            &key[..32],
            Some(&iv),
            true,
        )?;
        run(&mut ctx, input)
    };
    let poly_key = Zeroizing::new(keystream_from(0, &[0u8; 32])?);
    Ok((poly_key, keystream_from(1, data)?))
}

fn poly1305(key: &[u8], data: &[u8]) -> Result<Vec<u8>> {
    let mut mac = Poly1305::new(key)?;
    mac.update(data)?;
    let mut tag = vec![0u8; Poly1305::TAG_LEN];
    mac.finalize_into(&mut tag)?;
    Ok(tag)
}

/// The key and IV of `cipher` from a passphrase: bcrypt_pbkdf with the file's salt and
/// rounds. An empty passphrase, salt or round count is refused (OpenSSH's rules).
pub fn derive_key(
    cipher: FileCipher,
    passphrase: &[u8],
    salt: &[u8],
    rounds: u32,
) -> Result<Zeroizing<Vec<u8>>> {
    let mut out = Zeroizing::new(vec![0u8; cipher.key_len() + cipher.iv_len()]);
    bcrypt_pbkdf::bcrypt_pbkdf(passphrase, salt, rounds, &mut out)
        .map_err(|_| Error::InvalidKey("Invalid bcrypt_pbkdf parameters"))?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::unhex;

    #[test]
    fn bcrypt_pbkdf_vectors() {
        // OpenBSD's regress/lib/libutil/bcrypt_pbkdf test vectors.
        let mut out = [0u8; 32];
        bcrypt_pbkdf::bcrypt_pbkdf(b"password", b"salt", 4, &mut out).unwrap();
        assert_eq!(
            out.to_vec(),
            unhex("5bbf0cc293587f1c3635555c27796598d47e579071bf427e9d8fbe842aba34d9")
        );
        let mut out = [0u8; 16];
        bcrypt_pbkdf::bcrypt_pbkdf(b"password", b"\x00", 4, &mut out).unwrap();
        assert_eq!(out.to_vec(), unhex("c12b566235eee04c212598970a579a67"));
        assert!(derive_key(FileCipher::Aes256Ctr, b"", b"salt", 4).is_err());
        assert!(derive_key(FileCipher::Aes256Ctr, b"pw", b"salt", 0).is_err());
    }

    #[test]
    fn every_cipher_round_trips_and_authenticates() {
        for cipher in ALL {
            let key = derive_key(cipher, b"pw", b"0123456789abcdef", 1).unwrap();
            let plaintext: Vec<u8> = (0..64u8).collect();
            let sealed = cipher.encrypt(&key, &plaintext).unwrap();
            assert_eq!(sealed.tag.len(), cipher.tag_len());
            assert_ne!(sealed.ciphertext, plaintext);
            let opened = cipher
                .decrypt(&key, &sealed.ciphertext, &sealed.tag)
                .unwrap();
            assert_eq!(*opened, plaintext);
            if cipher.tag_len() > 0 {
                let mut forged = sealed.tag.clone();
                forged[0] ^= 1;
                assert!(matches!(
                    cipher.decrypt(&key, &sealed.ciphertext, &forged),
                    Err(Error::InvalidTag)
                ));
            }
            assert_eq!(
                FileCipher::from_name(cipher.name().as_bytes()),
                Some(cipher)
            );
        }
        assert_eq!(FileCipher::from_name(b"blowfish-cbc"), None);
    }
}
