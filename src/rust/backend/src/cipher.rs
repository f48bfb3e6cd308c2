//! Symmetric ciphers in their classic modes: the engine behind `Cipher(...).encryptor()`.
//!
//! A [`CipherContext`] is keyed once and then fed data in pieces. Block modes (CBC, ECB)
//! take whole blocks overall and never pad; stream modes (CTR, CFB, OFB, GCM, XTS, and the
//! stream ciphers) write one byte per byte. GCM adds associated data and a tag.
//!
//! ```
//! use cryptography_backend::cipher::{CipherAlgorithm, CipherContext, Mode};
//! use cryptography_backend::Output;
//!
//! let key = [0u8; 16];
//! let mut ctx = CipherContext::new(CipherAlgorithm::Aes, Mode::Ecb, &key, None, true)?;
//! let mut out = vec![0u8; ctx.update_len(16)];
//! ctx.update_into(&[0u8; 16], &mut Output::new(&mut out))?;
//! ctx.finalize()?;
//! assert_eq!(out[..4], [0x66, 0xe9, 0x4b, 0xd4]);
//! # Ok::<(), cryptography_backend::Error>(())
//! ```

use std::collections::HashMap;
use std::ffi::CString;
use std::sync::{OnceLock, RwLock};

use crate::error::{CipherError, Error, Result, Unsupported};
use crate::ffi::{CipherCtx, FetchedCipher, Output};

/// A symmetric cipher algorithm; the key length picks the variant (AES-128/192/256, ...).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CipherAlgorithm {
    Aes,
    Camellia,
    TripleDes,
    Blowfish,
    Cast5,
    Idea,
    Seed,
    Sm4,
    Rc2,
    Rc4,
    /// Single DES, kept only to read keys encrypted by old password-based schemes.
    Des,
    ChaCha20,
}

/// A mode of operation; `Stream` is "no mode", for the stream ciphers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Mode {
    Cbc,
    Ctr,
    Ecb,
    Ofb,
    Cfb,
    Cfb8,
    Gcm,
    Xts,
    Stream,
}

impl Mode {
    fn openssl_suffix(self) -> &'static str {
        match self {
            Mode::Cbc => "CBC",
            Mode::Ctr => "CTR",
            Mode::Ecb => "ECB",
            Mode::Ofb => "OFB",
            Mode::Cfb => "CFB",
            Mode::Cfb8 => "CFB8",
            Mode::Gcm => "GCM",
            Mode::Xts => "XTS",
            Mode::Stream => "",
        }
    }
}

/// GCM's limits (NIST SP 800-38D): plaintext up to 2^39 - 256 bits, AAD up to 2^64 - 1
/// bits.
const GCM_MAX_DATA: u64 = (1 << 36) - 32;
const GCM_MAX_AAD: u64 = (1 << 61) - 1;
/// GCM tags are at most one block long.
const GCM_TAG_LEN: usize = 16;

/// OpenSSL's name for an algorithm, key length and mode, for the combinations offered.
fn openssl_name(algorithm: CipherAlgorithm, key_len: usize, mode: Mode) -> Result<String> {
    use CipherAlgorithm as A;
    use Mode as M;
    let bits = key_len * 8;
    if mode != M::Xts {
        crate::cipher_rules::check_aes_key_for_mode(algorithm == A::Aes, bits)?;
    }
    let stem = match (algorithm, mode) {
        (A::Aes, M::Xts) => {
            crate::cipher_rules::check_xts_key(bits)?;
            format!("AES-{}", bits / 2)
        }
        (A::Aes, M::Cbc | M::Ctr | M::Ecb | M::Ofb | M::Cfb | M::Cfb8 | M::Gcm) => {
            format!("AES-{bits}")
        }
        (A::Camellia, M::Cbc | M::Ecb | M::Ofb | M::Cfb) => format!("CAMELLIA-{bits}"),
        (A::TripleDes, M::Cbc | M::Ofb | M::Cfb | M::Cfb8) => "DES-EDE3".to_string(),
        (A::TripleDes, M::Ecb) => return Ok("DES-EDE3-ECB".to_string()),
        (A::Blowfish, M::Cbc | M::Ecb | M::Ofb | M::Cfb) => "BF".to_string(),
        (A::Cast5, M::Cbc | M::Ecb | M::Ofb | M::Cfb) => "CAST5".to_string(),
        (A::Idea, M::Cbc | M::Ecb | M::Ofb | M::Cfb) => "IDEA".to_string(),
        (A::Seed, M::Cbc | M::Ecb | M::Ofb | M::Cfb) => "SEED".to_string(),
        (A::Sm4, M::Cbc | M::Ctr | M::Ecb | M::Ofb | M::Cfb | M::Gcm) => "SM4".to_string(),
        // A 5-byte key is RC2 with 40 effective bits (PKCS #12's weakest scheme).
        (A::Rc2, M::Cbc) if key_len == 5 => return Ok("RC2-40-CBC".to_string()),
        (A::Rc2, M::Cbc) => "RC2".to_string(),
        (A::Des, M::Cbc) => "DES".to_string(),
        (A::Rc4, M::Stream) => return Ok("RC4".to_string()),
        (A::ChaCha20, M::Stream) => return Ok("ChaCha20".to_string()),
        _ => return Err(Error::Unsupported(Unsupported::Cipher, "cipher and mode")),
    };
    Ok(format!("{stem}-{}", mode.openssl_suffix()))
}

/// Fetched ciphers by OpenSSL name. The set of names is small and fixed, so handles are
/// kept for the life of the process.
pub(crate) fn fetched_by_name(name: &str) -> Result<&'static FetchedCipher> {
    fetched(name)
}

fn fetched(name: &str) -> Result<&'static FetchedCipher> {
    static CACHE: OnceLock<RwLock<HashMap<String, Option<&'static FetchedCipher>>>> =
        OnceLock::new();
    let cache = CACHE.get_or_init(|| RwLock::new(HashMap::new()));
    if let Some(found) = cache.read().ok().and_then(|map| map.get(name).copied()) {
        return found.ok_or(Error::Unsupported(Unsupported::Cipher, "cipher and mode"));
    }
    crate::algorithms::load_providers();
    let fetched = CString::new(name)
        .ok()
        .and_then(|c_name| FetchedCipher::fetch(&c_name).ok())
        .map(|cipher| &*Box::leak(Box::new(cipher)));
    if let Ok(mut map) = cache.write() {
        map.entry(name.to_string()).or_insert(fetched);
    }
    fetched.ok_or(Error::Unsupported(Unsupported::Cipher, "cipher and mode"))
}

const ALGORITHM_COUNT: usize = CipherAlgorithm::ChaCha20 as usize + 1;
const MODE_COUNT: usize = Mode::Stream as usize + 1;
/// Key lengths that change OpenSSL's name are 16 to 64 bytes in steps of 8.
const KEY_SLOTS: usize = 64 / 8 + 1;

/// Where a combination's fetched cipher is kept in the lock-free table, if it has a place:
/// the key length only counts for the algorithms whose OpenSSL names carry it.
fn table_slot(algorithm: CipherAlgorithm, key_len: usize, mode: Mode) -> Option<usize> {
    let key_slot = match algorithm {
        CipherAlgorithm::Aes | CipherAlgorithm::Camellia => {
            if key_len % 8 != 0 || key_len / 8 >= KEY_SLOTS {
                return None;
            }
            key_len / 8
        }
        // RC2 with a 5-byte key is a different OpenSSL cipher (RC2-40-CBC): it has no
        // slot of its own, so it is looked up by name.
        CipherAlgorithm::Rc2 if key_len != 16 => return None,
        _ => 0,
    };
    Some(((algorithm as usize) * MODE_COUNT + mode as usize) * KEY_SLOTS + key_slot)
}

/// The fetched cipher for a combination. Contexts are made per message, so the answer is
/// kept in a table indexed by the combination: after the first use it costs one atomic
/// load, where building the name and looking it up cost more than keying AES.
pub(crate) fn fetched_for(
    algorithm: CipherAlgorithm,
    key_len: usize,
    mode: Mode,
) -> Result<&'static FetchedCipher> {
    static TABLE: [OnceLock<Option<&'static FetchedCipher>>;
        ALGORITHM_COUNT * MODE_COUNT * KEY_SLOTS] =
        [const { OnceLock::new() }; ALGORITHM_COUNT * MODE_COUNT * KEY_SLOTS];
    let lookup = || {
        let name = openssl_name(algorithm, key_len, mode)?;
        fetched(&name)
    };
    let Some(slot) = table_slot(algorithm, key_len, mode).and_then(|slot| TABLE.get(slot)) else {
        return lookup();
    };
    if let Some(found) = slot.get() {
        return found.ok_or(Error::Unsupported(Unsupported::Cipher, "cipher and mode"));
    }
    match lookup() {
        Ok(cipher) => {
            slot.get_or_init(|| Some(cipher));
            Ok(cipher)
        }
        // Only a combination OpenSSL lacks is remembered as missing; a key length error is
        // the caller's, and is reported again on every call.
        Err(Error::Unsupported(kind, what)) => {
            slot.get_or_init(|| None);
            Err(Error::Unsupported(kind, what))
        }
        Err(other) => Err(other),
    }
}

/// Whether this build offers the algorithm with a key of `key_len` bytes in `mode`.
pub fn is_supported(algorithm: CipherAlgorithm, key_len: usize, mode: Mode) -> bool {
    fetched_for(algorithm, key_len, mode).is_ok()
}

/// GCM's running state.
#[derive(Clone, Default)]
struct GcmState {
    data_bytes: u64,
    aad_bytes: u64,
    updated: bool,
    /// For decryption: the expected tag, once known.
    tag_set: bool,
    /// For decryption: the tag came with the mode, so no other may be given.
    tag_from_mode: bool,
    /// For encryption: the tag, once finalized.
    tag: Option<[u8; 16]>,
}

/// Encrypts a whole message with PKCS#7 padding in one call (the key encodings'
/// password-based schemes use this). `mode` is CBC, or `Stream` for RC4.
pub fn encrypt_padded(
    algorithm: CipherAlgorithm,
    mode: Mode,
    key: &[u8],
    iv: Option<&[u8]>,
    plaintext: &[u8],
) -> Result<Vec<u8>> {
    let mut ctx = CipherContext::new(algorithm, mode, key, iv, true)?;
    let block = ctx.block_len();
    let mut padded = zeroize::Zeroizing::new(plaintext.to_vec());
    if block > 1 {
        let pad = block - plaintext.len() % block;
        padded.resize(plaintext.len() + pad, pad as u8);
    }
    let mut out = vec![0u8; ctx.update_len(padded.len())];
    let written = ctx.update_into(&padded, &mut Output::new(&mut out))?;
    ctx.finalize()?;
    out.truncate(written);
    Ok(out)
}

/// Decrypts a whole message and removes its PKCS#7 padding (a bad padding is
/// `InvalidPadding`).
pub fn decrypt_padded(
    algorithm: CipherAlgorithm,
    mode: Mode,
    key: &[u8],
    iv: Option<&[u8]>,
    ciphertext: &[u8],
) -> Result<zeroize::Zeroizing<Vec<u8>>> {
    let mut ctx = CipherContext::new(algorithm, mode, key, iv, false)?;
    let block = ctx.block_len();
    let mut out = zeroize::Zeroizing::new(vec![0u8; ctx.update_len(ciphertext.len())]);
    let written = ctx.update_into(ciphertext, &mut Output::new(&mut out))?;
    ctx.finalize()?;
    out.truncate(written);
    if block > 1 {
        let pad = usize::from(*out.last().ok_or(Error::InvalidPadding)?);
        if pad == 0 || pad > block || pad > out.len() {
            return Err(Error::InvalidPadding);
        }
        let body = out.len() - pad;
        if out[body..].iter().any(|&b| usize::from(b) != pad) {
            return Err(Error::InvalidPadding);
        }
        out.truncate(body);
    }
    Ok(out)
}

/// A keyed cipher context for one direction.
pub struct CipherContext {
    ctx: CipherCtx,
    algorithm: CipherAlgorithm,
    mode: Mode,
    encrypt: bool,
    gcm: Option<GcmState>,
    /// ChaCha20: bytes left before the 32-bit block counter wraps.
    chacha_remaining: Option<u64>,
    /// XTS: whether the first update (which must be a whole block) has happened.
    xts_started: bool,
}

impl CipherContext {
    /// Keys a context. `iv` is the mode's IV, nonce or tweak (ChaCha20: counter || nonce);
    /// its length is the caller's to check, as the Python mode objects do.
    pub fn new(
        algorithm: CipherAlgorithm,
        mode: Mode,
        key: &[u8],
        iv: Option<&[u8]>,
        encrypt: bool,
    ) -> Result<Self> {
        let cipher = fetched_for(algorithm, key.len(), mode)?;
        if mode == Mode::Xts {
            let (first, second) = key.split_at(key.len() / 2);
            if crate::constant_time_eq(first, second) {
                return Err(Error::Cipher(CipherError::XtsDuplicatedKeys));
            }
        }
        let variable_key = matches!(
            algorithm,
            CipherAlgorithm::Blowfish | CipherAlgorithm::Cast5 | CipherAlgorithm::Rc4
        );
        let gcm_nonce_len_differs = mode == Mode::Gcm && iv.is_some_and(|iv| iv.len() != 12);
        let ctx = CipherCtx::new(
            cipher,
            key,
            iv,
            encrypt,
            gcm_nonce_len_differs,
            variable_key,
        )?;
        let chacha_remaining = match (algorithm, iv) {
            (CipherAlgorithm::ChaCha20, Some(iv)) => Some(chacha_budget(iv)),
            _ => None,
        };
        let gcm = (mode == Mode::Gcm).then(GcmState::default);
        Ok(CipherContext {
            ctx,
            algorithm,
            mode,
            encrypt,
            gcm,
            chacha_remaining,
            xts_started: false,
        })
    }

    /// Exactly how many bytes `update_into` writes for `data_len` bytes of input.
    pub fn update_len(&self, data_len: usize) -> usize {
        self.ctx.output_len(data_len)
    }

    /// The cipher's block length in this mode (1 for stream modes).
    pub fn block_len(&self) -> usize {
        self.ctx.block_len()
    }

    /// Encrypts or decrypts `data`, appending `update_len(data.len())` bytes to `out`;
    /// returns the bytes written.
    pub fn update_into(&mut self, data: &[u8], out: &mut Output<'_>) -> Result<usize> {
        let len = data.len() as u64;
        if self.mode == Mode::Xts && !self.xts_started {
            if data.len() < 16 {
                return Err(Error::Cipher(CipherError::XtsFirstUpdateTooShort));
            }
            self.xts_started = true;
        }
        if let Some(remaining) = self.chacha_remaining {
            self.chacha_remaining = Some(
                remaining
                    .checked_sub(len)
                    .ok_or(Error::Cipher(CipherError::CounterOverflow))?,
            );
        }
        if let Some(gcm) = &mut self.gcm {
            let total = gcm.data_bytes.saturating_add(len);
            if total > GCM_MAX_DATA {
                return Err(Error::DataLimitExceeded("encrypted byte"));
            }
            gcm.data_bytes = total;
            gcm.updated = true;
        }
        self.ctx.update(data, out)
    }

    /// Authenticates `aad` (GCM only), before any data.
    pub fn authenticate_additional_data(&mut self, aad: &[u8]) -> Result<()> {
        let gcm = self.gcm.as_mut().ok_or(Error::Unsupported(
            Unsupported::Operation,
            "AAD without AEAD",
        ))?;
        if gcm.updated {
            return Err(Error::Cipher(CipherError::AlreadyUpdated));
        }
        let total = gcm.aad_bytes.saturating_add(aad.len() as u64);
        if total > GCM_MAX_AAD {
            return Err(Error::DataLimitExceeded("AAD byte"));
        }
        gcm.aad_bytes = total;
        Ok(self.ctx.update_aad(aad)?)
    }

    /// Sets the expected tag of a GCM decryption, at least `min_len` bytes long.
    /// `from_mode`: the tag came with the mode object, and no later one is accepted; one
    /// given when finishing may be given again after a mismatch.
    pub fn set_tag(&mut self, tag: &[u8], min_len: usize, from_mode: bool) -> Result<()> {
        let gcm = self.gcm.as_mut().ok_or(Error::Unsupported(
            Unsupported::Operation,
            "tag without AEAD",
        ))?;
        if gcm.tag_from_mode {
            return Err(CipherError::TagGivenTwice.into());
        }
        crate::cipher_rules::check_tag_min(tag.len(), min_len)?;
        crate::cipher_rules::check_tag_fits_block(tag.len(), 8 * GCM_TAG_LEN)?;
        self.ctx.set_tag(tag)?;
        gcm.tag_set = true;
        gcm.tag_from_mode = from_mode;
        Ok(())
    }

    /// Finishes. Block modes fail on a partial block; GCM decryption checks the tag, GCM
    /// encryption computes it. Nothing is ever written: padding is the caller's.
    pub fn finalize(&mut self) -> Result<()> {
        if self.ctx.buffered() != 0 {
            return Err(Error::Cipher(CipherError::IncompleteBlock));
        }
        match &mut self.gcm {
            Some(gcm) if !self.encrypt => {
                if !gcm.tag_set {
                    return Err(Error::Cipher(CipherError::TagRequired));
                }
                self.ctx.finalize().map_err(|_| Error::InvalidTag)
            }
            Some(gcm) => {
                self.ctx.finalize()?;
                let mut tag = [0u8; 16];
                self.ctx.tag(tag.len(), &mut Output::new(&mut tag))?;
                gcm.tag = Some(tag);
                Ok(())
            }
            None => Ok(self.ctx.finalize()?),
        }
    }

    /// Counts `data` message bytes and `aad` associated-data bytes as processed without
    /// processing them: lets tests reach GCM's length limits without 64 GiB of input.
    pub fn skip_gcm_bytes(&mut self, data: u64, aad: u64) -> Result<()> {
        let gcm = self.gcm.as_mut().ok_or(Error::Unsupported(
            Unsupported::Operation,
            "length limits without GCM",
        ))?;
        gcm.data_bytes = gcm.data_bytes.saturating_add(data);
        gcm.aad_bytes = gcm.aad_bytes.saturating_add(aad);
        Ok(())
    }

    /// The tag of a finished GCM encryption.
    pub fn tag(&self) -> Option<&[u8; 16]> {
        self.gcm.as_ref().and_then(|gcm| gcm.tag.as_ref())
    }

    /// A copy of this context restarted with a new IV: the key schedule is reused, for
    /// callers that key once and then process many messages.
    pub fn fork_with_iv(&self, iv: &[u8]) -> Result<Self> {
        let mut ctx = self.ctx.try_clone()?;
        ctx.reset_iv(iv)?;
        Ok(CipherContext {
            ctx,
            algorithm: self.algorithm,
            mode: self.mode,
            encrypt: self.encrypt,
            gcm: self.gcm.clone(),
            chacha_remaining: self.chacha_remaining,
            xts_started: false,
        })
    }

    /// Starts a new message with `iv` on this context, keeping the key: a context that was
    /// finished (or abandoned) is as good as new.
    pub(crate) fn restart(&mut self, iv: &[u8]) -> Result<()> {
        self.ctx.reset_iv(iv)?;
        if let Some(gcm) = &mut self.gcm {
            *gcm = GcmState::default();
        }
        if self.algorithm == CipherAlgorithm::ChaCha20 {
            self.chacha_remaining = Some(chacha_budget(iv));
        }
        self.xts_started = false;
        Ok(())
    }

    /// Whether this is an AEAD (GCM) context, with associated data and a tag.
    pub fn is_aead(&self) -> bool {
        self.gcm.is_some()
    }

    /// Whether `reset_nonce` applies: ChaCha20 and CTR.
    pub fn can_reset_nonce(&self) -> bool {
        self.algorithm == CipherAlgorithm::ChaCha20 || self.mode == Mode::Ctr
    }

    /// Starts over with a new 16-byte nonce (ChaCha20 and CTR only), keeping the key.
    pub fn reset_nonce(&mut self, nonce: &[u8]) -> Result<()> {
        if !self.can_reset_nonce() {
            return Err(Error::Unsupported(Unsupported::Operation, "nonce reset"));
        }
        if nonce.len() != 16 {
            return Err(CipherError::ResetNonceLength.into());
        }
        match (self.algorithm, self.mode) {
            (CipherAlgorithm::ChaCha20, _) => {
                self.ctx.reset_iv(nonce)?;
                self.chacha_remaining = Some(chacha_budget(nonce));
                Ok(())
            }
            (_, Mode::Ctr) => Ok(self.ctx.reset_iv(nonce)?),
            _ => Err(Error::Unsupported(Unsupported::Operation, "nonce reset")),
        }
    }
}

/// Bytes ChaCha20 may produce from a 16-byte IV whose first four bytes are the initial
/// block counter (little endian), before the 32-bit counter would wrap.
fn chacha_budget(iv: &[u8]) -> u64 {
    let counter = iv
        .get(..4)
        .and_then(|b| <[u8; 4]>::try_from(b).ok())
        .map_or(0, u32::from_le_bytes);
    ((1u64 << 32) - u64::from(counter)) * 64
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::unhex;

    fn run(
        algorithm: CipherAlgorithm,
        mode: Mode,
        key: &[u8],
        iv: Option<&[u8]>,
        encrypt: bool,
        data: &[u8],
    ) -> Vec<u8> {
        let mut ctx = CipherContext::new(algorithm, mode, key, iv, encrypt).unwrap();
        let mut out = vec![0u8; ctx.update_len(data.len())];
        let n = ctx.update_into(data, &mut Output::new(&mut out)).unwrap();
        ctx.finalize().unwrap();
        out.truncate(n);
        out
    }

    #[test]
    fn aes_cbc_sp800_38a_f21() {
        let key = unhex("2b7e151628aed2a6abf7158809cf4f3c");
        let iv = unhex("000102030405060708090a0b0c0d0e0f");
        let pt = unhex("6bc1bee22e409f96e93d7e117393172a");
        let ct = run(CipherAlgorithm::Aes, Mode::Cbc, &key, Some(&iv), true, &pt);
        assert_eq!(ct, unhex("7649abac8119b246cee98e9b12e9197d"));
        assert_eq!(
            run(CipherAlgorithm::Aes, Mode::Cbc, &key, Some(&iv), false, &ct),
            pt
        );
    }

    #[test]
    fn partial_blocks_are_buffered_and_refused_at_the_end() {
        let mut ctx = CipherContext::new(
            CipherAlgorithm::Aes,
            Mode::Cbc,
            &[0u8; 16],
            Some(&[0u8; 16]),
            true,
        )
        .unwrap();
        assert_eq!(ctx.update_len(10), 0);
        ctx.update_into(&[0u8; 10], &mut Output::new(&mut []))
            .unwrap();
        assert_eq!(ctx.update_len(10), 16);
        let mut out = [0u8; 16];
        assert_eq!(
            ctx.update_into(&[0u8; 10], &mut Output::new(&mut out))
                .unwrap(),
            16
        );
        assert!(matches!(
            ctx.finalize(),
            Err(Error::Cipher(CipherError::IncompleteBlock))
        ));
    }

    #[test]
    fn short_output_buffer_is_refused() {
        let mut ctx = CipherContext::new(
            CipherAlgorithm::Aes,
            Mode::Ctr,
            &[0u8; 16],
            Some(&[0u8; 16]),
            true,
        )
        .unwrap();
        assert!(matches!(
            ctx.update_into(&[0u8; 10], &mut Output::new(&mut [0u8; 9])),
            Err(Error::OutputLength { .. })
        ));
    }

    #[test]
    fn chacha20_counter_overflow() {
        let mut iv = [0u8; 16];
        iv[..4].copy_from_slice(&u32::MAX.to_le_bytes());
        let mut ctx = CipherContext::new(
            CipherAlgorithm::ChaCha20,
            Mode::Stream,
            &[0u8; 32],
            Some(&iv),
            true,
        )
        .unwrap();
        let mut out = [0u8; 65];
        ctx.update_into(&[0u8; 64], &mut Output::new(&mut out[..64]))
            .unwrap();
        assert!(matches!(
            ctx.update_into(&[0u8; 1], &mut Output::new(&mut out[..1])),
            Err(Error::Cipher(CipherError::CounterOverflow))
        ));
    }

    #[test]
    fn gcm_round_trip_and_tag_check() {
        let key = [7u8; 16];
        let nonce = [1u8; 12];
        let mut enc =
            CipherContext::new(CipherAlgorithm::Aes, Mode::Gcm, &key, Some(&nonce), true).unwrap();
        enc.authenticate_additional_data(b"aad").unwrap();
        let mut ct = [0u8; 5];
        enc.update_into(b"hello", &mut Output::new(&mut ct))
            .unwrap();
        enc.finalize().unwrap();
        let tag = *enc.tag().unwrap();
        let mut dec =
            CipherContext::new(CipherAlgorithm::Aes, Mode::Gcm, &key, Some(&nonce), false).unwrap();
        dec.authenticate_additional_data(b"aad").unwrap();
        let mut pt = [0u8; 5];
        dec.update_into(&ct, &mut Output::new(&mut pt)).unwrap();
        let mut bad = tag;
        bad[0] ^= 1;
        assert!(matches!(
            dec.set_tag(&tag[..8], 12, false),
            Err(Error::Cipher(CipherError::TagTooShort { min: 12 }))
        ));
        dec.set_tag(&bad, 16, false).unwrap();
        assert!(matches!(dec.finalize(), Err(Error::InvalidTag)));
        assert_eq!(&pt, b"hello");
        // A tag given when finishing may be given again; one from the mode may not.
        dec.set_tag(&bad, 16, false).unwrap();
        let mut from_mode =
            CipherContext::new(CipherAlgorithm::Aes, Mode::Gcm, &key, Some(&nonce), false).unwrap();
        from_mode.set_tag(&tag, 16, true).unwrap();
        assert!(matches!(
            from_mode.set_tag(&tag, 16, false),
            Err(Error::Cipher(CipherError::TagGivenTwice))
        ));
    }

    #[test]
    fn wrong_key_and_iv_lengths_are_refused_before_openssl_reads_them() {
        // SM4 is 16-byte keys only; the IV of CBC is one block.
        assert!(matches!(
            CipherContext::new(
                CipherAlgorithm::Sm4,
                Mode::Cbc,
                &[0u8; 8],
                Some(&[0u8; 16]),
                true
            ),
            Err(Error::InvalidKeyLength)
        ));
        assert!(matches!(
            CipherContext::new(
                CipherAlgorithm::Aes,
                Mode::Cbc,
                &[0u8; 16],
                Some(&[0u8; 8]),
                true
            ),
            Err(Error::Cipher(CipherError::InvalidNonceLength))
        ));
        assert!(matches!(
            CipherContext::new(CipherAlgorithm::Aes, Mode::Cbc, &[0u8; 16], None, true),
            Err(Error::Cipher(CipherError::InvalidNonceLength))
        ));
        let mut ctr = CipherContext::new(
            CipherAlgorithm::Aes,
            Mode::Ctr,
            &[0u8; 16],
            Some(&[0u8; 16]),
            true,
        )
        .unwrap();
        assert!(matches!(
            ctr.reset_nonce(&[0u8; 8]),
            Err(Error::Cipher(CipherError::ResetNonceLength))
        ));
    }

    #[test]
    fn unsupported_combinations() {
        assert!(!is_supported(CipherAlgorithm::Camellia, 16, Mode::Ctr));
        assert!(is_supported(CipherAlgorithm::Aes, 32, Mode::Xts));
        assert!(matches!(
            CipherContext::new(
                CipherAlgorithm::Aes,
                Mode::Cbc,
                &[0u8; 64],
                Some(&[0u8; 16]),
                true
            ),
            Err(Error::Cipher(CipherError::KeyTooLongForMode))
        ));
        assert!(matches!(
            CipherContext::new(
                CipherAlgorithm::Aes,
                Mode::Xts,
                &[0u8; 32],
                Some(&[0u8; 16]),
                true
            ),
            Err(Error::Cipher(CipherError::XtsDuplicatedKeys))
        ));
    }
}
