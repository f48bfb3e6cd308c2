//! Fernet tokens (the "Fernet" specification): AES-128-CBC with PKCS #7 padding, then
//! HMAC-SHA256 over the whole token, base64url-encoded. Making a token and checking one
//! are each a single call here.
//!
//! Token layout: `0x80 || timestamp (8 bytes, big endian) || IV (16) || ciphertext ||
//! HMAC-SHA256 (32)`.
//!
//! ```
//! use cryptography_backend::fernet::FernetKey;
//! use cryptography_backend::fernet::{Seconds, TtlCheck};
//!
//! let key = FernetKey::new(&[7u8; 32])?;
//! let token = key.encrypt_at_time(b"secret", 1_000, &[1u8; 16])?;
//! let window = TtlCheck { ttl: Seconds::Whole(60), now: Seconds::Whole(1_030) };
//! assert_eq!(key.decrypt(&token, Some(window))?, b"secret");
//! # Ok::<(), cryptography_backend::Error>(())
//! ```

use std::sync::OnceLock;

use base64_simd::URL_SAFE;
use zeroize::Zeroizing;

use crate::cipher::{CipherAlgorithm, CipherContext, Mode};
use crate::error::{Error, FernetError, Result};
use crate::ffi::Output;
use crate::hash::HashAlgorithm;
use crate::mac::Hmac;
use crate::padding::{Padder, PaddingScheme, Unpadder};
use crate::pool::Pool;

const VERSION: u8 = 0x80;
const HEADER_LEN: usize = 1 + 8 + 16;
const TAG_LEN: usize = 32;
const BLOCK_LEN: usize = 16;
/// Tokens up to this far in the future are accepted when a TTL is checked.
const MAX_CLOCK_SKEW: i128 = 60;

/// A number of seconds as a caller's clock gives it: whole (`int(time.time())`), or with
/// a fraction (`time.time()` itself, or a float TTL).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Seconds {
    Whole(i128),
    Fraction(f64),
}

/// The age check of a token: made at most `ttl` seconds before `now`, and not more than a
/// minute after it. (The TTL is signed: a negative one refuses tokens from the past, as
/// plain arithmetic says.)
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TtlCheck {
    pub ttl: Seconds,
    pub now: Seconds,
}

impl TtlCheck {
    fn admits(self, timestamp: u64) -> bool {
        let timestamp = i128::from(timestamp);
        match (self.ttl, self.now) {
            (Seconds::Whole(ttl), Seconds::Whole(now)) => {
                timestamp.saturating_add(ttl) >= now
                    && now.saturating_add(MAX_CLOCK_SKEW) >= timestamp
            }
            // With a fraction anywhere the comparison is made in floating point, as
            // Python's mixed arithmetic makes it (exact for timestamps below 2**53).
            (ttl, now) => {
                let as_float = |s: Seconds| match s {
                    Seconds::Whole(v) => v as f64,
                    Seconds::Fraction(v) => v,
                };
                let (ttl, now, timestamp) = (as_float(ttl), as_float(now), timestamp as f64);
                timestamp + ttl >= now && now + MAX_CLOCK_SKEW as f64 >= timestamp
            }
        }
    }
}

/// A Fernet key: the first half signs, the second half encrypts. Making one only checks
/// and keeps the key, as the reference's does (applications often make a `Fernet` per
/// message): the HMAC keyed with the signing key, which each token copies, is made on
/// first use, and so is each direction's AES context, which tokens restart with their IV
/// (spares are kept for other threads; the keyed states are no more secret than the key
/// itself).
pub struct FernetKey {
    key: Zeroizing<[u8; 32]>,
    mac: OnceLock<Hmac>,
    spare_encryptors: Pool<CipherContext>,
    spare_decryptors: Pool<CipherContext>,
}

impl FernetKey {
    /// `key` is the 32 raw (base64-decoded) key bytes.
    pub fn new(key: &[u8]) -> Result<Self> {
        let key: [u8; 32] = key.try_into().map_err(|_| FernetError::KeyLength)?;
        Ok(FernetKey {
            key: Zeroizing::new(key),
            mac: OnceLock::new(),
            spare_encryptors: Pool::new(),
            spare_decryptors: Pool::new(),
        })
    }

    /// The keyed HMAC-SHA256, made on first use.
    fn mac(&self) -> Result<&Hmac> {
        if let Some(mac) = self.mac.get() {
            return Ok(mac);
        }
        let mac = Hmac::new(HashAlgorithm::Sha256, &self.key[..16])?;
        // Another thread may have made it meanwhile: both are the same keyed state.
        Ok(self.mac.get_or_init(|| mac))
    }

    /// A new AES-CBC context under the encryption key, starting at `iv`.
    fn cbc(&self, iv: &[u8], encrypt: bool) -> Result<CipherContext> {
        CipherContext::new(
            CipherAlgorithm::Aes,
            Mode::Cbc,
            &self.key[16..],
            Some(iv),
            encrypt,
        )
    }

    /// Length of the base64url token for `data_len` bytes of plaintext.
    pub fn token_len(data_len: usize) -> usize {
        let raw = Self::raw_len(data_len);
        raw.div_ceil(3) * 4
    }

    fn raw_len(data_len: usize) -> usize {
        let ciphertext_len = (data_len / BLOCK_LEN + 1) * BLOCK_LEN;
        HEADER_LEN + ciphertext_len + TAG_LEN
    }

    /// Makes a token for `data` stamped `timestamp`, with the caller's random `iv`.
    pub fn encrypt_at_time(&self, data: &[u8], timestamp: u64, iv: &[u8; 16]) -> Result<Vec<u8>> {
        let mut out = vec![0u8; Self::token_len(data.len())];
        self.encrypt_into(data, timestamp, iv, &mut Output::new(&mut out))?;
        Ok(out)
    }

    /// Appends the base64url token to `out`: `token_len(data.len())` bytes.
    pub fn encrypt_into(
        &self,
        data: &[u8],
        timestamp: u64,
        iv: &[u8; 16],
        out: &mut Output<'_>,
    ) -> Result<()> {
        out.reserve(Self::token_len(data.len()))?;
        let raw_len = Self::raw_len(data.len());
        let mut raw = vec![0u8; raw_len];
        raw[0] = VERSION;
        raw[1..9].copy_from_slice(&timestamp.to_be_bytes());
        raw[9..HEADER_LEN].copy_from_slice(iv);
        let body_end = raw_len - TAG_LEN;
        // Whole blocks of the plaintext go straight through; the tail is padded.
        let whole = data.len() - data.len() % BLOCK_LEN;
        let ciphertext = &mut raw[HEADER_LEN..body_end];
        let mut padder = Padder::new(PaddingScheme::Pkcs7, BLOCK_LEN)?;
        padder.update(data.len());
        let mut last = Zeroizing::new([0u8; BLOCK_LEN]);
        let tail = &data[whole..];
        last[..tail.len()].copy_from_slice(tail);
        padder.finalize_into(&mut last[tail.len()..])?;
        self.spare_encryptors.with(
            || self.cbc(iv, true),
            |cbc| {
                cbc.restart(iv)?;
                let mut ciphertext = Output::new(ciphertext);
                cbc.update_into(&data[..whole], &mut ciphertext)?;
                cbc.update_into(&*last, &mut ciphertext)?;
                cbc.finalize()
            },
        )?;
        let mut mac = self.mac()?.fork()?;
        mac.update(&raw[..body_end])?;
        let (body, tag) = raw.split_at_mut(body_end);
        let _ = body;
        mac.finalize_into(tag)?;
        // SIMD base64 (base64-simd): the portable encoder took a quarter of the time of a
        // 1 MiB token, as much as the HMAC.
        out.push_base64(&URL_SAFE, &raw)
    }

    /// Decodes a token's strict base64url form (the form `encrypt` makes). Callers that
    /// accept other spellings (padding or alphabet variants, line breaks) decode them
    /// themselves and pass the raw bytes to the `*_raw` methods.
    pub fn decode(token: &[u8]) -> Result<Vec<u8>> {
        URL_SAFE
            .decode_to_vec(token)
            .map_err(|_| Error::InvalidToken)
    }

    /// The creation time a raw token claims, before any check of its authenticity.
    pub fn unverified_timestamp(raw: &[u8]) -> Result<u64> {
        match raw.get(..9) {
            Some([VERSION, stamp @ ..]) => {
                let mut bytes = [0u8; 8];
                bytes.copy_from_slice(stamp);
                Ok(u64::from_be_bytes(bytes))
            }
            _ => Err(Error::InvalidToken),
        }
    }

    /// Authenticates a raw token. Every failure is `InvalidToken`.
    fn verify(&self, raw: &[u8]) -> Result<()> {
        if raw.len() < HEADER_LEN + BLOCK_LEN + TAG_LEN
            || raw[0] != VERSION
            || (raw.len() - HEADER_LEN - TAG_LEN) % BLOCK_LEN != 0
        {
            return Err(Error::InvalidToken);
        }
        let body_end = raw.len() - TAG_LEN;
        let mut mac = self.mac()?.fork()?;
        mac.update(&raw[..body_end])?;
        mac.verify(&raw[body_end..])
            .map_err(|_| Error::InvalidToken)
    }

    /// The (authenticated) creation time of a token.
    pub fn extract_timestamp(&self, token: &[u8]) -> Result<u64> {
        self.extract_timestamp_raw(&Self::decode(token)?)
    }

    /// The (authenticated) creation time of a raw (decoded) token.
    pub fn extract_timestamp_raw(&self, raw: &[u8]) -> Result<u64> {
        self.verify(raw)?;
        Self::unverified_timestamp(raw)
    }

    /// Checks and decrypts a token; with a `TtlCheck`, its age too.
    pub fn decrypt(&self, token: &[u8], ttl: Option<TtlCheck>) -> Result<Vec<u8>> {
        self.decrypt_raw(&Self::decode(token)?, ttl)
    }

    /// Checks and decrypts a raw (decoded) token; with a `TtlCheck`, its age too.
    pub fn decrypt_raw(&self, raw: &[u8], ttl: Option<TtlCheck>) -> Result<Vec<u8>> {
        self.verify(raw)?;
        if let Some(check) = ttl {
            if !check.admits(Self::unverified_timestamp(raw)?) {
                return Err(Error::InvalidToken);
            }
        }
        let iv = &raw[9..HEADER_LEN];
        let ciphertext = &raw[HEADER_LEN..raw.len() - TAG_LEN];
        let mut padded = Zeroizing::new(vec![0u8; ciphertext.len()]);
        self.spare_decryptors.with(
            || self.cbc(iv, false),
            |cbc| {
                cbc.restart(iv)?;
                cbc.update_into(ciphertext, &mut Output::new(&mut padded))?;
                cbc.finalize()
            },
        )?;
        let mut unpadder = Unpadder::new(PaddingScheme::Pkcs7, BLOCK_LEN)?;
        let head_len = unpadder.update_len(padded.len());
        let mut plaintext = vec![0u8; head_len];
        unpadder
            .update_into(&padded, &mut plaintext)
            .map_err(|_| Error::InvalidToken)?;
        let tail_len = unpadder.finalize_len().map_err(|_| Error::InvalidToken)?;
        let mut tail = [0u8; BLOCK_LEN];
        unpadder
            .finalize_into(&mut tail[..tail_len])
            .map_err(|_| Error::InvalidToken)?;
        plaintext.extend_from_slice(&tail[..tail_len]);
        Ok(plaintext)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_32_bytes() {
        for len in [0, 16, 31, 33] {
            assert!(matches!(
                FernetKey::new(&vec![0u8; len]),
                Err(Error::Fernet(FernetError::KeyLength))
            ));
        }
    }

    fn whole(ttl: i128, now: i128) -> TtlCheck {
        TtlCheck {
            ttl: Seconds::Whole(ttl),
            now: Seconds::Whole(now),
        }
    }

    #[test]
    fn spec_generate_vector() {
        // The Fernet specification's generate.json vector.
        let key = URL_SAFE
            .decode_to_vec("cw_0x689RpI-jtRR7oE8h_eQsKImvJapLeSbXpwF4e4=")
            .unwrap();
        let iv: [u8; 16] = (0u8..16).collect::<Vec<u8>>().try_into().unwrap();
        let key = FernetKey::new(&key).unwrap();
        let token = key.encrypt_at_time(b"hello", 499_162_800, &iv).unwrap();
        assert_eq!(
            String::from_utf8(token.clone()).unwrap(),
            "gAAAAAAdwJ6wAAECAwQFBgcICQoLDA0ODy021cpGVWKZ_eEwCGM4BLLF_5CV9dOPmrhuVUPgJobwOz7JcbmrR64jVmpU4IwqDA=="
        );
        assert_eq!(
            key.decrypt(&token, Some(whole(60, 499_162_810))).unwrap(),
            b"hello"
        );
        assert_eq!(key.extract_timestamp(&token).unwrap(), 499_162_800);
    }

    #[test]
    fn expired_future_and_tampered_tokens() {
        let key = FernetKey::new(&[3u8; 32]).unwrap();
        let token = key.encrypt_at_time(b"x", 1_000, &[0u8; 16]).unwrap();
        assert!(matches!(
            key.decrypt(&token, Some(whole(10, 1_011))),
            Err(Error::InvalidToken)
        ));
        assert!(matches!(
            key.decrypt(&token, Some(whole(10, 939))),
            Err(Error::InvalidToken)
        ));
        assert!(key.decrypt(&token, Some(whole(10, 941))).is_ok());
        // Fractions compare as Python compares them; huge values saturate.
        let fraction = |ttl, now| TtlCheck {
            ttl: Seconds::Fraction(ttl),
            now: Seconds::Fraction(now),
        };
        assert!(key.decrypt(&token, Some(fraction(10.5, 1_010.5))).is_ok());
        assert!(key.decrypt(&token, Some(fraction(10.5, 1_010.6))).is_err());
        assert!(key.decrypt(&token, Some(whole(i128::MAX, 5_000))).is_ok());
        assert!(key.decrypt(&token, Some(whole(10, -1))).is_err());
        assert!(key.decrypt(&token, Some(whole(10, 940))).is_ok());
        let mut tampered = token.clone();
        tampered[20] = if tampered[20] == b'A' { b'B' } else { b'A' };
        assert!(matches!(
            key.decrypt(&tampered, None),
            Err(Error::InvalidToken)
        ));
        assert!(matches!(
            key.decrypt(b"not base64!", None),
            Err(Error::InvalidToken)
        ));
        let other = FernetKey::new(&[4u8; 32]).unwrap();
        assert!(matches!(
            other.decrypt(&token, None),
            Err(Error::InvalidToken)
        ));
    }

    #[test]
    fn lengths_round_trip() {
        let key = FernetKey::new(&[5u8; 32]).unwrap();
        for len in [0usize, 1, 15, 16, 17, 100, 1000] {
            let data = vec![0x61u8; len];
            let token = key.encrypt_at_time(&data, 7, &[9u8; 16]).unwrap();
            assert_eq!(token.len(), FernetKey::token_len(len));
            assert_eq!(key.decrypt(&token, None).unwrap(), data);
        }
    }

    #[test]
    fn reused_contexts_start_clean() {
        let key = FernetKey::new(&[5u8; 32]).unwrap();
        let first = key.encrypt_at_time(b"one message", 1, &[1u8; 16]).unwrap();
        let _other = key.encrypt_at_time(&[9u8; 33], 2, &[2u8; 16]).unwrap();
        assert_eq!(
            key.encrypt_at_time(b"one message", 1, &[1u8; 16]).unwrap(),
            first
        );
        // A token whose ciphertext decrypts to bad padding (authentic, as it is signed
        // here) fails, and leaves the next decryption unaffected.
        let mut raw = URL_SAFE.decode_to_vec(&first).unwrap();
        let body_end = raw.len() - TAG_LEN;
        raw[body_end - 1] ^= 0xff;
        let mut mac = key.mac().unwrap().fork().unwrap();
        mac.update(&raw[..body_end]).unwrap();
        let (body, tag) = raw.split_at_mut(body_end);
        let _ = body;
        mac.finalize_into(tag).unwrap();
        let bad = URL_SAFE.encode_to_string(&raw);
        assert!(matches!(
            key.decrypt(bad.as_bytes(), None),
            Err(Error::InvalidToken)
        ));
        assert_eq!(key.decrypt(&first, None).unwrap(), b"one message");
    }
}
