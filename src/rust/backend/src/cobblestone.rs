//! Cobblestone: C2SP chunked encryption (c2sp.org/chunked-encryption) with AES-GCM and
//! HKDF-SHA512, as Cobblestone-128 and Cobblestone-256.
//!
//! A message gets a random 24-byte salt; HKDF-Expand(SHA-512) of the input key over
//! ("c2sp.org/chunked-encryption@v1+" || AEAD name || 0x00 || salt || context) gives the
//! AEAD key, a base nonce and a 32-byte key commitment. The ciphertext is salt ||
//! commitment || chunks: 16 KiB of plaintext each, the last always shorter (possibly
//! empty), each sealed with the base nonce XOR its big-endian index.
//!
//! ```
//! use cryptography_backend::cobblestone::{Decryptor, Encryptor, Variant};
//! use cryptography_backend::Output;
//!
//! let key = [7u8; 16];
//! let mut enc = Encryptor::new(Variant::Cobblestone128, &key, b"ctx", [1u8; 24])?;
//! let mut sealed = vec![0u8; enc.update_len(5)];
//! enc.update_into(b"hello", &mut Output::new(&mut sealed))?;
//! let mut tail = vec![0u8; enc.finalize_len()];
//! enc.finalize_into(&mut Output::new(&mut tail))?;
//! sealed.extend(tail);
//! let mut dec = Decryptor::new(Variant::Cobblestone128, &key, b"ctx")?;
//! let mut opened = vec![0u8; dec.update_len(sealed.len())];
//! let n = dec.update_into(&sealed, &mut Output::new(&mut opened))?;
//! let mut last = vec![0u8; dec.finalize_len()?];
//! dec.finalize_into(&mut Output::new(&mut last))?;
//! opened.truncate(n);
//! opened.extend(last);
//! assert_eq!(opened, b"hello");
//! # Ok::<(), cryptography_backend::Error>(())
//! ```

use zeroize::Zeroizing;

use crate::aead::{Aead, AeadAlgorithm, AeadKey};
use crate::error::{CobblestoneError, Error, Result};
use crate::ffi::Output;
use crate::hash::HashAlgorithm;
use crate::mac::Hmac;

/// Plaintext bytes per chunk.
pub const CHUNK_LEN: usize = 16 * 1024;
const TAG_LEN: usize = 16;
const SEALED_CHUNK_LEN: usize = CHUNK_LEN + TAG_LEN;
const SALT_LEN: usize = 24;
const COMMITMENT_LEN: usize = 32;
/// Salt and commitment, before the first chunk.
pub const HEADER_LEN: usize = SALT_LEN + COMMITMENT_LEN;
const NONCE_LEN: usize = 12;
/// The specification's limit on the number of chunks.
const MAX_CHUNKS: u64 = 1 << 38;

/// The two instantiations.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Variant {
    Cobblestone128,
    Cobblestone256,
}

impl Variant {
    pub fn key_len(self) -> usize {
        match self {
            Variant::Cobblestone128 => 16,
            Variant::Cobblestone256 => 32,
        }
    }

    fn aead_name(self) -> &'static [u8] {
        match self {
            Variant::Cobblestone128 => b"AEAD_AES_128_GCM",
            Variant::Cobblestone256 => b"AEAD_AES_256_GCM",
        }
    }
}

/// The per-message AEAD key, base nonce and commitment.
struct MessageKeys {
    aead: AeadKey,
    base_nonce: [u8; NONCE_LEN],
    commitment: [u8; COMMITMENT_LEN],
}

/// A key of the variant's length.
fn check_key(variant: Variant, key: &[u8]) -> Result<()> {
    if key.len() != variant.key_len() {
        return Err(CobblestoneError::KeyLength {
            len: variant.key_len(),
        }
        .into());
    }
    Ok(())
}

/// HKDF-Expand (RFC 5869 section 2.3) with HMAC-SHA512: the input key is the PRK.
fn derive(variant: Variant, key: &[u8], salt: &[u8], context: &[u8]) -> Result<MessageKeys> {
    check_key(variant, key)?;
    let key_len = variant.key_len();
    let mut okm = Zeroizing::new(vec![0u8; key_len + NONCE_LEN + COMMITMENT_LEN]);
    let mut previous = Zeroizing::new([0u8; 64]);
    let mut previous_len = 0;
    for (counter, block) in okm.chunks_mut(64).enumerate() {
        let mut mac = Hmac::new(HashAlgorithm::Sha512, key)?;
        mac.update(&previous[..previous_len])?;
        mac.update(b"c2sp.org/chunked-encryption@v1+")?;
        mac.update(variant.aead_name())?;
        mac.update(&[0])?;
        mac.update(salt)?;
        mac.update(context)?;
        // At most two blocks are needed, so the counter fits in a byte.
        mac.update(&[u8::try_from(counter + 1).map_err(|_| Error::InvalidKeyLength)?])?;
        mac.finalize_into(&mut previous[..])?;
        previous_len = 64;
        block.copy_from_slice(&previous[..block.len()]);
    }
    let aead = AeadKey::new(AeadAlgorithm::AesGcm, &okm[..key_len])?;
    let mut base_nonce = [0u8; NONCE_LEN];
    base_nonce.copy_from_slice(&okm[key_len..key_len + NONCE_LEN]);
    let mut commitment = [0u8; COMMITMENT_LEN];
    commitment.copy_from_slice(&okm[key_len + NONCE_LEN..]);
    Ok(MessageKeys {
        aead,
        base_nonce,
        commitment,
    })
}

/// The nonce of chunk `index`: the base nonce XOR the index, big endian.
fn chunk_nonce(base: &[u8; NONCE_LEN], index: u64) -> [u8; NONCE_LEN] {
    let mut nonce = *base;
    for (byte, index_byte) in nonce[NONCE_LEN - 8..].iter_mut().zip(index.to_be_bytes()) {
        *byte ^= index_byte;
    }
    nonce
}

/// Streaming encryption of one message.
pub struct Encryptor {
    keys: MessageKeys,
    /// Salt || commitment, until written out with the first output.
    header: Option<[u8; HEADER_LEN]>,
    buffer: Zeroizing<Vec<u8>>,
    index: u64,
}

impl Encryptor {
    /// `salt` must be fresh and random for every message (the caller draws it).
    pub fn new(variant: Variant, key: &[u8], context: &[u8], salt: [u8; SALT_LEN]) -> Result<Self> {
        let keys = derive(variant, key, &salt, context)?;
        let mut header = [0u8; HEADER_LEN];
        header[..SALT_LEN].copy_from_slice(&salt);
        header[SALT_LEN..].copy_from_slice(&keys.commitment);
        Ok(Encryptor {
            keys,
            header: Some(header),
            buffer: Zeroizing::new(Vec::with_capacity(CHUNK_LEN)),
            index: 0,
        })
    }

    fn header_len(&self) -> usize {
        self.header.map_or(0, |_| HEADER_LEN)
    }

    /// Exactly how many bytes `update_into` writes for `data_len` more bytes.
    pub fn update_len(&self, data_len: usize) -> usize {
        let chunks = (self.buffer.len() + data_len) / CHUNK_LEN;
        self.header_len() + chunks * SEALED_CHUNK_LEN
    }

    fn seal_chunk(&mut self, plaintext: &[u8], out: &mut Output<'_>) -> Result<()> {
        if self.index >= MAX_CHUNKS {
            return Err(Error::DataLimitExceeded("chunk"));
        }
        let nonce = chunk_nonce(&self.keys.base_nonce, self.index);
        self.keys.aead.seal_into(&nonce, &[], plaintext, out)?;
        self.index += 1;
        Ok(())
    }

    /// Encrypts whole chunks as they fill, appending them to `out`; returns the bytes
    /// written (`update_len`).
    pub fn update_into(&mut self, mut data: &[u8], out: &mut Output<'_>) -> Result<usize> {
        let expected = self.update_len(data.len());
        out.reserve(expected)?;
        if let Some(header) = self.header.take() {
            out.push(&header)?;
        }
        while self.buffer.len() + data.len() >= CHUNK_LEN {
            let take = CHUNK_LEN - self.buffer.len();
            if self.buffer.is_empty() {
                // A whole chunk straight from the input, without copying it.
                self.seal_chunk(&data[..CHUNK_LEN], out)?;
            } else {
                let mut chunk = std::mem::take(&mut *self.buffer);
                chunk.extend_from_slice(&data[..take]);
                let sealed = self.seal_chunk(&chunk, out);
                chunk.clear();
                *self.buffer = chunk;
                sealed?;
            }
            data = &data[take..];
        }
        self.buffer.extend_from_slice(data);
        Ok(expected)
    }

    /// Bytes `finalize_into` writes: the header if not yet written, and the final chunk.
    pub fn finalize_len(&self) -> usize {
        self.header_len() + self.buffer.len() + TAG_LEN
    }

    /// Appends the final (short, possibly empty) chunk: `finalize_len()` bytes.
    pub fn finalize_into(mut self, out: &mut Output<'_>) -> Result<()> {
        out.reserve(self.finalize_len())?;
        if let Some(header) = self.header.take() {
            out.push(&header)?;
        }
        let last = std::mem::take(&mut *self.buffer);
        self.seal_chunk(&last, out)
    }
}

/// Streaming decryption of one message. Every failure is `InvalidTag`, and a failed
/// decryptor keeps failing.
pub struct Decryptor {
    variant: Variant,
    key: Zeroizing<Vec<u8>>,
    context: Vec<u8>,
    keys: Option<MessageKeys>,
    buffer: Vec<u8>,
    index: u64,
    failed: bool,
}

impl Decryptor {
    pub fn new(variant: Variant, key: &[u8], context: &[u8]) -> Result<Self> {
        check_key(variant, key)?;
        Ok(Decryptor {
            variant,
            key: Zeroizing::new(key.to_vec()),
            context: context.to_vec(),
            keys: None,
            buffer: Vec::new(),
            index: 0,
            failed: false,
        })
    }

    /// How many plaintext bytes `update_into` can write for `data_len` more bytes.
    pub fn update_len(&self, data_len: usize) -> usize {
        let mut available = self.buffer.len() + data_len;
        if self.keys.is_none() {
            available = available.saturating_sub(HEADER_LEN);
        }
        (available / SEALED_CHUNK_LEN) * CHUNK_LEN
    }

    fn fail<T>(&mut self) -> Result<T> {
        self.failed = true;
        self.buffer.clear();
        Err(Error::InvalidTag)
    }

    fn open_chunk(&mut self, sealed: &[u8], out: &mut Output<'_>) -> Result<()> {
        let Some(keys) = &self.keys else {
            return self.fail();
        };
        if self.index >= MAX_CHUNKS {
            return self.fail();
        }
        let nonce = chunk_nonce(&keys.base_nonce, self.index);
        if keys.aead.open_into(&nonce, &[], sealed, out).is_err() {
            return self.fail();
        }
        self.index += 1;
        Ok(())
    }

    /// Checks the header once it is complete, then decrypts whole chunks, appending them
    /// to `out`; returns the plaintext bytes written. Whole chunks are decrypted straight
    /// from `data`; only a partial chunk (which may be the final one) is held back.
    pub fn update_into(&mut self, mut data: &[u8], out: &mut Output<'_>) -> Result<usize> {
        if self.failed {
            return Err(Error::InvalidTag);
        }
        out.reserve(self.update_len(data.len()))?;
        let start = out.len();
        if self.keys.is_none() {
            let take = (HEADER_LEN - self.buffer.len()).min(data.len());
            self.buffer.extend_from_slice(&data[..take]);
            data = &data[take..];
            if self.buffer.len() < HEADER_LEN {
                return Ok(0);
            }
            let keys = derive(
                self.variant,
                &self.key,
                &self.buffer[..SALT_LEN],
                &self.context,
            )?;
            if !crate::constant_time_eq(&keys.commitment, &self.buffer[SALT_LEN..HEADER_LEN]) {
                return self.fail();
            }
            self.keys = Some(keys);
            self.buffer.clear();
        }
        if !self.buffer.is_empty() {
            let take = (SEALED_CHUNK_LEN - self.buffer.len()).min(data.len());
            self.buffer.extend_from_slice(&data[..take]);
            data = &data[take..];
            if self.buffer.len() < SEALED_CHUNK_LEN {
                return Ok(0);
            }
            // A full-length chunk is never the final one (that one is always shorter).
            let mut sealed = std::mem::take(&mut self.buffer);
            self.open_chunk(&sealed, out)?;
            sealed.clear();
            self.buffer = sealed;
        }
        while data.len() >= SEALED_CHUNK_LEN {
            self.open_chunk(&data[..SEALED_CHUNK_LEN], out)?;
            data = &data[SEALED_CHUNK_LEN..];
        }
        self.buffer.extend_from_slice(data);
        Ok(out.len() - start)
    }

    /// Plaintext bytes of the final chunk, or `InvalidTag` if what is held cannot be one.
    pub fn finalize_len(&self) -> Result<usize> {
        if self.failed || self.keys.is_none() || self.buffer.len() < TAG_LEN {
            return Err(Error::InvalidTag);
        }
        Ok(self.buffer.len() - TAG_LEN)
    }

    /// Decrypts the final chunk, appending `finalize_len()` bytes to `out`.
    pub fn finalize_into(mut self, out: &mut Output<'_>) -> Result<()> {
        out.reserve(self.finalize_len()?)?;
        let sealed = std::mem::take(&mut self.buffer);
        self.open_chunk(&sealed, out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seal(
        variant: Variant,
        key: &[u8],
        context: &[u8],
        message: &[u8],
        pieces: usize,
    ) -> Vec<u8> {
        let mut enc = Encryptor::new(variant, key, context, [9u8; SALT_LEN]).unwrap();
        let mut sealed = Vec::new();
        for piece in message.chunks(message.len().div_ceil(pieces).max(1)) {
            let mut out = vec![0u8; enc.update_len(piece.len())];
            let n = enc.update_into(piece, &mut Output::new(&mut out)).unwrap();
            sealed.extend_from_slice(&out[..n]);
        }
        let mut tail = vec![0u8; enc.finalize_len()];
        enc.finalize_into(&mut Output::new(&mut tail)).unwrap();
        sealed.extend(tail);
        sealed
    }

    fn open(
        variant: Variant,
        key: &[u8],
        context: &[u8],
        sealed: &[u8],
        pieces: usize,
    ) -> Result<Vec<u8>> {
        let mut dec = Decryptor::new(variant, key, context)?;
        let mut message = Vec::new();
        for piece in sealed.chunks(sealed.len().div_ceil(pieces).max(1)) {
            let mut out = vec![0u8; dec.update_len(piece.len())];
            let n = dec.update_into(piece, &mut Output::new(&mut out))?;
            message.extend_from_slice(&out[..n]);
        }
        let mut last = vec![0u8; dec.finalize_len()?];
        dec.finalize_into(&mut Output::new(&mut last))?;
        message.extend(last);
        Ok(message)
    }

    #[test]
    fn round_trips_at_chunk_boundaries() {
        for len in [
            0usize,
            1,
            CHUNK_LEN - 1,
            CHUNK_LEN,
            CHUNK_LEN + 1,
            3 * CHUNK_LEN + 5,
        ] {
            let message: Vec<u8> = (0..len).map(|i| i as u8).collect();
            for pieces in [1, 3, 7] {
                let sealed = seal(
                    Variant::Cobblestone128,
                    &[1u8; 16],
                    b"ctx",
                    &message,
                    pieces,
                );
                assert_eq!(
                    sealed.len(),
                    HEADER_LEN + (len / CHUNK_LEN + 1) * TAG_LEN + len
                );
                assert_eq!(
                    open(Variant::Cobblestone128, &[1u8; 16], b"ctx", &sealed, pieces).unwrap(),
                    message
                );
            }
        }
    }

    #[test]
    fn tampering_truncation_and_wrong_context_fail() {
        let message = vec![5u8; CHUNK_LEN + 10];
        let sealed = seal(Variant::Cobblestone256, &[2u8; 32], b"a", &message, 1);
        assert!(open(Variant::Cobblestone256, &[2u8; 32], b"b", &sealed, 1).is_err());
        assert!(open(Variant::Cobblestone256, &[3u8; 32], b"a", &sealed, 1).is_err());
        assert!(open(
            Variant::Cobblestone256,
            &[2u8; 32],
            b"a",
            &sealed[..sealed.len() - 1],
            1
        )
        .is_err());
        assert!(open(
            Variant::Cobblestone256,
            &[2u8; 32],
            b"a",
            &sealed[..HEADER_LEN + SEALED_CHUNK_LEN],
            1
        )
        .is_err());
        let mut tampered = sealed.clone();
        tampered[HEADER_LEN + 3] ^= 1;
        assert!(open(Variant::Cobblestone256, &[2u8; 32], b"a", &tampered, 2).is_err());
        assert!(matches!(
            Decryptor::new(Variant::Cobblestone128, &[0u8; 32], b""),
            Err(Error::Cobblestone(CobblestoneError::KeyLength { len: 16 }))
        ));
    }
}
