//! Authenticated encryption with associated data, one message per call: the engine for
//! `AESGCM`, `ChaCha20Poly1305`, `AESGCMSIV`, `AESOCB3`, `AESCCM` and `AESSIV`.
//!
//! An [`AeadKey`] schedules its key once. Each call then starts from a keyed context and
//! sets only the nonce. For GCM and ChaCha20-Poly1305, whose contexts OpenSSL fully
//! resets on re-initialisation, a context is recycled when one is free; OCB, CCM and
//! GCM-SIV start every message from a fresh copy of the keyed template (CCM keeps one
//! per direction and nonce length, made on first use, as OpenSSL fixes both when it
//! schedules the key). AES-SIV is
//! composed in `crate::siv` over recycled CBC and CTR contexts. The key is shared, not
//! locked, so threads sealing with one key run in parallel.
//!
//! ```
//! use cryptography_backend::aead::{Aead, AeadAlgorithm, AeadKey};
//!
//! let key = AeadKey::new(AeadAlgorithm::ChaCha20Poly1305, &[7u8; 32])?;
//! let sealed = key.seal(&[1u8; 12], &[b"header"], b"hello")?;
//! assert_eq!(sealed.len(), 5 + key.tag_len());
//! let opened = key.open(&[1u8; 12], &[b"header"], &sealed)?;
//! assert_eq!(opened, b"hello");
//! # Ok::<(), cryptography_backend::Error>(())
//! ```

use std::sync::OnceLock;

use crate::error::{AeadError, CipherError, Error, Result};
use zeroize::Zeroizing;

use crate::ffi::{CipherCtx, FetchedCipher, Output};
use crate::pool::Pool;
use crate::siv::SivKey;

/// The AEADs by name, as their argument rules (and their messages) tell them apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AeadKind {
    AesGcm,
    ChaCha20Poly1305,
    AesGcmSiv,
    AesOcb3,
    AesCcm,
    AesSiv,
    XChaCha20Poly1305,
}

impl AeadKind {
    /// The key sizes, in bits, `generate_key` makes.
    fn generated_key_bits(self) -> &'static [usize] {
        match self {
            AeadKind::AesSiv => &[256, 384, 512],
            AeadKind::ChaCha20Poly1305 | AeadKind::XChaCha20Poly1305 => &[256],
            _ => &[128, 192, 256],
        }
    }
}

/// The length of a new random key of `bits` bits, if the algorithm takes that size.
pub fn generated_key_len(kind: AeadKind, bits: usize) -> Result<usize> {
    if kind.generated_key_bits().contains(&bits) {
        Ok(bits / 8)
    } else {
        Err(AeadError::GeneratedKeyBits(kind).into())
    }
}

/// The longest data, and the longest associated-data item, one call takes (the
/// reference API's limit, which keeps every length within OpenSSL's `int`).
pub const MAX_DATA_LEN: usize = (1 << 31) - 1;

/// The length limit every AEAD has, checked before anything else about a message.
pub(crate) fn check_data_lengths(data_len: usize, aad: &[&[u8]]) -> Result<()> {
    if data_len > MAX_DATA_LEN || aad.iter().any(|item| item.len() > MAX_DATA_LEN) {
        return Err(AeadError::DataTooLong.into());
    }
    Ok(())
}

/// CCM's tag lengths (RFC 3610 section 2).
const CCM_TAG_LENS: [usize; 7] = [4, 6, 8, 10, 12, 14, 16];

/// An AEAD algorithm; the key length picks the AES variant.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AeadAlgorithm {
    AesGcm,
    ChaCha20Poly1305,
    /// AES-GCM-SIV (RFC 8452).
    AesGcmSiv,
    /// AES-OCB (RFC 7253).
    AesOcb3,
    /// AES-CCM (RFC 3610) with the given tag length.
    AesCcm {
        tag_len: usize,
    },
    /// AES-SIV (RFC 5297): deterministic, no nonce, the tag (the synthetic IV) first.
    AesSiv,
}

impl AeadAlgorithm {
    pub fn kind(self) -> AeadKind {
        match self {
            AeadAlgorithm::AesGcm => AeadKind::AesGcm,
            AeadAlgorithm::ChaCha20Poly1305 => AeadKind::ChaCha20Poly1305,
            AeadAlgorithm::AesGcmSiv => AeadKind::AesGcmSiv,
            AeadAlgorithm::AesOcb3 => AeadKind::AesOcb3,
            AeadAlgorithm::AesCcm { .. } => AeadKind::AesCcm,
            AeadAlgorithm::AesSiv => AeadKind::AesSiv,
        }
    }

    /// The nonce lengths the algorithm takes. GCM's range is the API's (OpenSSL would
    /// take any length from one byte); SIV has no nonce.
    fn nonce_lengths(self) -> std::ops::RangeInclusive<usize> {
        match self {
            AeadAlgorithm::AesGcm => 8..=128,
            AeadAlgorithm::ChaCha20Poly1305 | AeadAlgorithm::AesGcmSiv => 12..=12,
            AeadAlgorithm::AesOcb3 => 12..=15,
            AeadAlgorithm::AesCcm { .. } => CCM_NONCE_LENS,
            AeadAlgorithm::AesSiv => 0..=0,
        }
    }

    fn openssl_name(self, key_len: usize) -> Result<String> {
        let aes_bits = |allowed: &[usize]| {
            if allowed.contains(&key_len) {
                Ok(key_len * 8)
            } else {
                Err(Error::from(AeadError::KeyLength(self.kind())))
            }
        };
        Ok(match self {
            AeadAlgorithm::AesGcm => format!("AES-{}-GCM", aes_bits(&[16, 24, 32])?),
            AeadAlgorithm::ChaCha20Poly1305 => {
                aes_bits(&[32])?;
                "ChaCha20-Poly1305".to_string()
            }
            AeadAlgorithm::AesGcmSiv => format!("AES-{}-GCM-SIV", aes_bits(&[16, 24, 32])?),
            AeadAlgorithm::AesOcb3 => format!("AES-{}-OCB", aes_bits(&[16, 24, 32])?),
            AeadAlgorithm::AesCcm { .. } => format!("AES-{}-CCM", aes_bits(&[16, 24, 32])?),
            // An SIV key is two AES keys.
            AeadAlgorithm::AesSiv => format!("AES-{}-SIV", aes_bits(&[32, 48, 64])? / 2),
        })
    }

    /// Whether OpenSSL needs the expected tag before the ciphertext (it is part of
    /// GCM-SIV's decryption, CCM checks it during its one update, and OCB takes it with
    /// the nonce).
    fn tag_before_data(self) -> bool {
        matches!(
            self,
            AeadAlgorithm::AesGcmSiv | AeadAlgorithm::AesCcm { .. } | AeadAlgorithm::AesOcb3
        )
    }

    /// Whether a finished context may start the next message (see the module notes).
    fn recyclable(self) -> bool {
        matches!(
            self,
            AeadAlgorithm::AesGcm | AeadAlgorithm::ChaCha20Poly1305
        )
    }
}

/// A scheduled AEAD key.
pub struct AeadKey {
    algorithm: AeadAlgorithm,
    engine: Engine,
}

enum Engine {
    /// OpenSSL's AEAD ciphers.
    Evp(Box<EvpKey>),
    /// AES-SIV, composed over AES-CBC and AES-CTR (see `crate::siv` for why).
    Siv(SivKey),
}

/// A key scheduled in one of OpenSSL's AEAD ciphers.
struct EvpKey {
    template: CipherCtx,
    spare: Pool<CipherCtx>,
    /// OCB only: OCB decrypts blocks with AES's decryption key schedule, which OpenSSL
    /// computes only when keying a context for decryption.
    decrypt_template: Option<CipherCtx>,
    /// CCM only: keyed templates by nonce length (see `CcmTemplates`).
    ccm: Option<CcmTemplates>,
}

/// CCM's nonce lengths: 7 to 13 bytes (a 2- to 8-byte message length field).
const CCM_NONCE_LENS: std::ops::RangeInclusive<usize> = 7..=13;

/// OpenSSL fixes CCM's tag and nonce lengths, and the direction, when the key is set, so
/// a key has one keyed template per direction and nonce length, made on first use;
/// messages copy it.
struct CcmTemplates {
    cipher: &'static FetchedCipher,
    key: Zeroizing<Vec<u8>>,
    tag_len: usize,
    /// `[decrypt, encrypt][nonce length - 7]`
    templates: [[OnceLock<CipherCtx>; 7]; 2],
}

impl CcmTemplates {
    fn context(&self, nonce_len: usize, encrypt: bool) -> Result<CipherCtx> {
        let slot = nonce_len
            .checked_sub(*CCM_NONCE_LENS.start())
            .and_then(|index| self.templates[usize::from(encrypt)].get(index))
            .ok_or(Error::Cipher(CipherError::InvalidNonceLength))?;
        let template = match slot.get() {
            Some(template) => template,
            None => {
                let zero_nonce = [0u8; 13];
                let keyed = CipherCtx::new_ccm(
                    self.cipher,
                    &self.key,
                    &zero_nonce[..nonce_len],
                    self.tag_len,
                    encrypt,
                )?;
                // Another thread may have got there first; either template serves.
                slot.get_or_init(|| keyed)
            }
        };
        Ok(template.try_clone()?)
    }
}

impl AeadKey {
    pub fn new(algorithm: AeadAlgorithm, key: &[u8]) -> Result<Self> {
        if let AeadAlgorithm::AesCcm { tag_len } = algorithm {
            if !CCM_TAG_LENS.contains(&tag_len) {
                return Err(AeadError::TagLength.into());
            }
        }
        let name = algorithm.openssl_name(key.len())?;
        if algorithm == AeadAlgorithm::AesSiv {
            return Ok(AeadKey {
                algorithm,
                engine: Engine::Siv(SivKey::new(key)?),
            });
        }
        let fetched = crate::cipher::fetched_by_name(&name)?;
        // Any valid nonce: every message sets its own.
        let nonce = &[0u8; 12];
        let template = CipherCtx::new(fetched, key, Some(nonce), true, true, false)?;
        let ccm = match algorithm {
            AeadAlgorithm::AesCcm { tag_len } => Some(CcmTemplates {
                cipher: fetched,
                key: Zeroizing::new(key.to_vec()),
                tag_len,
                templates: Default::default(),
            }),
            _ => None,
        };
        let decrypt_template = (algorithm == AeadAlgorithm::AesOcb3)
            .then(|| CipherCtx::new(fetched, key, Some(nonce), false, true, false))
            .transpose()?;
        Ok(AeadKey {
            algorithm,
            engine: Engine::Evp(Box::new(EvpKey {
                template,
                spare: Pool::new(),
                decrypt_template,
                ccm,
            })),
        })
    }

    pub fn algorithm(&self) -> AeadAlgorithm {
        self.algorithm
    }

    /// A CCM context for one message: a copy of the template for the direction and the
    /// nonce's length.
    fn ccm_context(&self, evp: &EvpKey, nonce: &[u8], encrypt: bool) -> Result<Option<CipherCtx>> {
        evp.ccm
            .as_ref()
            .map(|ccm| ccm.context(nonce.len(), encrypt))
            .transpose()
    }

    /// Runs `work` on a keyed context for `encrypt`ion or decryption; recyclable contexts
    /// are kept for the next call.
    fn with_context<T>(
        &self,
        evp: &EvpKey,
        encrypt: bool,
        work: impl FnOnce(&mut CipherCtx) -> Result<T>,
    ) -> Result<T> {
        let template = match (&evp.decrypt_template, encrypt) {
            (Some(decrypt_template), false) => decrypt_template,
            _ => &evp.template,
        };
        if self.algorithm.recyclable() {
            evp.spare.with(|| Ok(template.try_clone()?), work)
        } else {
            work(&mut template.try_clone()?)
        }
    }

    /// Starts a message: the nonce and direction, the expected tag where
    /// it must come first, CCM's message length, then the associated data.
    fn start(
        &self,
        ctx: &mut CipherCtx,
        nonce: &[u8],
        encrypt: bool,
        message_len: usize,
        tag: Option<&[u8]>,
        aad: &[&[u8]],
    ) -> Result<()> {
        ctx.start_message(nonce, encrypt)?;
        if let Some(tag) = tag {
            ctx.set_tag(tag)?;
        }
        if matches!(self.algorithm, AeadAlgorithm::AesCcm { .. }) {
            ctx.declare_message_len(message_len)?;
        }
        for item in aad {
            ctx.update_aad(item)?;
        }
        Ok(())
    }
}

/// One message at a time under a scheduled key: what the AEAD classes need of a key,
/// whichever construction is behind it.
pub trait Aead: Sync {
    /// Length of the tag in bytes.
    fn tag_len(&self) -> usize;
    /// The rules a message must meet (length limit, nonce length, ...), in the order the
    /// reference checks them; `seal_into` and `open_into` check them too. `data_len` is
    /// the plaintext's length.
    fn check_message(&self, nonce: &[u8], data_len: usize, aad: &[&[u8]]) -> Result<()>;
    /// Encrypts `plaintext`, appending `plaintext.len() + tag_len()` bytes to `out`.
    fn seal_into(
        &self,
        nonce: &[u8],
        aad: &[&[u8]],
        plaintext: &[u8],
        out: &mut Output<'_>,
    ) -> Result<()>;
    /// Checks and decrypts `sealed`, appending `sealed.len() - tag_len()` bytes to `out`;
    /// on failure what was written is wiped.
    fn open_into(
        &self,
        nonce: &[u8],
        aad: &[&[u8]],
        sealed: &[u8],
        out: &mut Output<'_>,
    ) -> Result<()>;

    /// `seal_into` a new vector.
    fn seal(&self, nonce: &[u8], aad: &[&[u8]], plaintext: &[u8]) -> Result<Vec<u8>> {
        let mut sealed = vec![0u8; plaintext.len() + self.tag_len()];
        self.seal_into(nonce, aad, plaintext, &mut Output::new(&mut sealed))?;
        Ok(sealed)
    }

    /// `open_into` a new vector.
    fn open(&self, nonce: &[u8], aad: &[&[u8]], sealed: &[u8]) -> Result<Vec<u8>> {
        let len = sealed
            .len()
            .checked_sub(self.tag_len())
            .ok_or(Error::InvalidTag)?;
        let mut opened = vec![0u8; len];
        self.open_into(nonce, aad, sealed, &mut Output::new(&mut opened))?;
        Ok(opened)
    }
}

impl Aead for AeadKey {
    /// Length of the tag in bytes.
    fn tag_len(&self) -> usize {
        match self.algorithm {
            AeadAlgorithm::AesCcm { tag_len } => tag_len,
            _ => 16,
        }
    }

    /// The length limit, the nonce's length, then (CCM) a message length its nonce
    /// leaves room for.
    fn check_message(&self, nonce: &[u8], data_len: usize, aad: &[&[u8]]) -> Result<()> {
        check_data_lengths(data_len, aad)?;
        if !self.algorithm.nonce_lengths().contains(&nonce.len()) {
            return Err(AeadError::NonceLength(self.algorithm.kind()).into());
        }
        if let AeadAlgorithm::AesCcm { .. } = self.algorithm {
            // The rest of the 15-byte block counts the message length.
            let length_bytes = 15 - nonce.len();
            if length_bytes < 8 && (data_len as u64) >> (8 * length_bytes) != 0 {
                return Err(AeadError::DataTooLongForNonce.into());
            }
        }
        Ok(())
    }

    /// Encrypts `plaintext`, appending ciphertext then tag (SIV: tag then ciphertext) to
    /// `out`, which must have room for exactly `plaintext.len() + tag_len()` bytes.
    fn seal_into(
        &self,
        nonce: &[u8],
        aad: &[&[u8]],
        plaintext: &[u8],
        out: &mut Output<'_>,
    ) -> Result<()> {
        let tag_len = self.tag_len();
        out.reserve(plaintext.len() + tag_len)?;
        self.check_message(nonce, plaintext.len(), aad)?;
        let evp = match &self.engine {
            Engine::Siv(siv) => return siv.seal_into(aad, plaintext, out),
            Engine::Evp(evp) => evp,
        };
        let mut seal = |ctx: &mut CipherCtx| -> Result<()> {
            self.start(ctx, nonce, true, plaintext.len(), None, aad)?;
            ctx.update(plaintext, out)?;
            if plaintext.is_empty() {
                // GCM-SIV computes its tag in an update, even over no data.
                ctx.update_empty()?;
            }
            // OCB works in blocks: its last partial block comes out of the final call.
            ctx.finalize_into(out)?;
            ctx.tag(tag_len, out)
        };
        match self.ccm_context(evp, nonce, true)? {
            Some(mut ctx) => seal(&mut ctx),
            None => self.with_context(evp, true, seal),
        }
    }

    /// Checks and decrypts `sealed`, appending `sealed.len() - tag_len()` bytes to `out`.
    /// On failure what was written is wiped and the error (`InvalidTag`) carries no detail.
    fn open_into(
        &self,
        nonce: &[u8],
        aad: &[&[u8]],
        sealed: &[u8],
        out: &mut Output<'_>,
    ) -> Result<()> {
        let tag_len = self.tag_len();
        let body_len = sealed.len().checked_sub(tag_len).ok_or(Error::InvalidTag)?;
        out.reserve(body_len)?;
        let start = out.len();
        self.check_message(nonce, body_len, aad)?;
        let evp = match &self.engine {
            Engine::Siv(siv) => {
                // The synthetic IV (the tag) comes first.
                let (tag, body) = sealed.split_at(tag_len);
                return siv.open_into(aad, tag, body, out);
            }
            Engine::Evp(evp) => evp,
        };
        let (body, tag) = sealed.split_at(body_len);
        let early_tag = self.algorithm.tag_before_data().then_some(tag);
        let mut open = |ctx: &mut CipherCtx| -> Result<()> {
            self.start(ctx, nonce, false, body.len(), early_tag, aad)?;
            ctx.update(body, out).map_err(|_| Error::InvalidTag)?;
            if body.is_empty() {
                ctx.update_empty().map_err(|_| Error::InvalidTag)?;
            }
            if early_tag.is_none() {
                ctx.set_tag(tag)?;
            }
            ctx.finalize_into(out)
                .map(|_| ())
                .map_err(|_| Error::InvalidTag)
        };
        let result = match self.ccm_context(evp, nonce, false) {
            Ok(Some(mut ctx)) => open(&mut ctx),
            Ok(None) => self.with_context(evp, false, open),
            Err(err) => Err(err),
        };
        if result.is_err() {
            // Unauthenticated plaintext must not be released.
            out.wipe_from(start);
        }
        result.map_err(|err| match err {
            Error::OutputLength { .. } | Error::Aead(_) => err,
            _ => Error::InvalidTag,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::unhex;

    fn round_trip(
        algorithm: AeadAlgorithm,
        key: &[u8],
        nonce: &[u8],
        aad: &[&[u8]],
        pt: &[u8],
    ) -> Vec<u8> {
        let key = AeadKey::new(algorithm, key).unwrap();
        let mut sealed = vec![0u8; pt.len() + key.tag_len()];
        key.seal_into(nonce, aad, pt, &mut Output::new(&mut sealed))
            .unwrap();
        let mut opened = vec![0u8; pt.len()];
        key.open_into(nonce, aad, &sealed, &mut Output::new(&mut opened))
            .unwrap();
        assert_eq!(opened, pt);
        let mut tampered = sealed.clone();
        tampered[0] ^= 1;
        assert!(matches!(
            key.open_into(nonce, aad, &tampered, &mut Output::new(&mut opened)),
            Err(Error::InvalidTag)
        ));
        assert!(opened.iter().all(|&b| b == 0));
        sealed
    }

    #[test]
    fn chacha20_poly1305_rfc8439_section_2_8_2() {
        let key = unhex("808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f");
        let nonce = unhex("070000004041424344454647");
        let aad = unhex("50515253c0c1c2c3c4c5c6c7");
        let plaintext = b"Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the future, sunscreen would be it.";
        let sealed = round_trip(
            AeadAlgorithm::ChaCha20Poly1305,
            &key,
            &nonce,
            &[&aad],
            plaintext,
        );
        assert_eq!(sealed[..4], unhex("d31a8d34"));
        assert_eq!(
            sealed[plaintext.len()..],
            unhex("1ae10b594f09e26a7e902ecbd0600691")
        );
    }

    #[test]
    fn aes_gcm_specification_test_case_4() {
        let key = unhex("feffe9928665731c6d6a8f9467308308");
        let nonce = unhex("cafebabefacedbaddecaf888");
        let aad = unhex("feedfacedeadbeeffeedfacedeadbeefabaddad2");
        let plaintext = unhex(concat!(
            "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72",
            "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39"
        ));
        let sealed = round_trip(AeadAlgorithm::AesGcm, &key, &nonce, &[&aad], &plaintext);
        assert_eq!(
            sealed[plaintext.len()..],
            unhex("5bc94fbc3221a5db94fae95ae7121a47")
        );
    }

    #[test]
    fn aes_siv_rfc5297_appendix_a_1() {
        let key = unhex("fffefdfcfbfaf9f8f7f6f5f4f3f2f1f0f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff");
        let aad = unhex("101112131415161718191a1b1c1d1e1f2021222324252627");
        let plaintext = unhex("112233445566778899aabbccddee");
        let sealed = round_trip(AeadAlgorithm::AesSiv, &key, &[], &[&aad], &plaintext);
        assert_eq!(
            sealed,
            unhex("85632d07c6e8f37f950acd320a2ecc9340c02b9690c4dc04daef7f6afe5c")
        );
    }

    #[test]
    fn aes_gcm_siv_rfc8452_c1_first_vector() {
        let key = unhex("01000000000000000000000000000000");
        let nonce = unhex("030000000000000000000000");
        let sealed = round_trip(AeadAlgorithm::AesGcmSiv, &key, &nonce, &[], &[]);
        assert_eq!(sealed, unhex("dc20e2d83f25705bb49e439eca56de25"));
    }

    #[test]
    fn aes_ocb_rfc7253_appendix_a_empty() {
        let key = unhex("000102030405060708090A0B0C0D0E0F");
        let nonce = unhex("BBAA99887766554433221100");
        let sealed = round_trip(AeadAlgorithm::AesOcb3, &key, &nonce, &[], &[]);
        assert_eq!(sealed, unhex("785407BFFFC8AD9EDCC5520AC9111EE6"));
    }

    #[test]
    fn aes_ocb_rfc7253_appendix_a_partial_block() {
        let key = unhex("000102030405060708090A0B0C0D0E0F");
        let nonce = unhex("BBAA99887766554433221101");
        let data = unhex("0001020304050607");
        let sealed = round_trip(AeadAlgorithm::AesOcb3, &key, &nonce, &[&data], &data);
        assert_eq!(
            sealed,
            unhex("6820B3657B6F615A5725BDA0D3B4EB3A257C9AF1F8F03009")
        );
    }

    #[test]
    fn aes_ocb_multi_block_round_trip() {
        round_trip(
            AeadAlgorithm::AesOcb3,
            &[1u8; 16],
            &[2u8; 12],
            &[b"aad"],
            &[3u8; 33],
        );
    }

    #[test]
    fn aes_ccm_rfc3610_packet_vector_1() {
        let key = unhex("C0C1C2C3C4C5C6C7C8C9CACBCCCDCECF");
        let nonce = unhex("00000003020100A0A1A2A3A4A5");
        let aad = unhex("0001020304050607");
        let plaintext = unhex("08090A0B0C0D0E0F101112131415161718191A1B1C1D1E");
        let sealed = round_trip(
            AeadAlgorithm::AesCcm { tag_len: 8 },
            &key,
            &nonce,
            &[&aad],
            &plaintext,
        );
        assert_eq!(
            sealed,
            unhex("588C979A61C663D2F066D0C2C0F989806D5F6B61DAC38417E8D12CFDF926E0")
        );
    }

    #[test]
    fn recycled_and_fresh_contexts_give_the_same_answers() {
        for algorithm in [
            AeadAlgorithm::AesGcm,
            AeadAlgorithm::AesOcb3,
            AeadAlgorithm::AesCcm { tag_len: 16 },
        ] {
            let key = AeadKey::new(algorithm, &[9u8; 16]).unwrap();
            let first = key.seal(&[3u8; 12], &[b"a"], &[5u8; 40]).unwrap();
            let other = key.seal(&[4u8; 13], &[], &[6u8; 40]).unwrap();
            let again = key.seal(&[3u8; 12], &[b"a"], &[5u8; 40]).unwrap();
            assert_eq!(first, again, "{algorithm:?}");
            assert_ne!(first, other, "{algorithm:?}");
        }
    }

    #[test]
    fn one_key_many_threads() {
        let key = AeadKey::new(AeadAlgorithm::AesGcm, &[9u8; 32]).unwrap();
        let expected = key.seal(&[3u8; 12], &[], &[5u8; 1000]).unwrap();
        std::thread::scope(|scope| {
            for _ in 0..4 {
                scope.spawn(|| {
                    for _ in 0..50 {
                        let sealed = key.seal(&[3u8; 12], &[], &[5u8; 1000]).unwrap();
                        assert_eq!(sealed, expected);
                    }
                });
            }
        });
    }

    #[test]
    fn key_and_nonce_lengths() {
        let key_length = |kind| Err::<(), _>(AeadError::KeyLength(kind));
        let rule = |result: Result<AeadKey>| {
            result.map(|_| ()).map_err(|err| match err {
                Error::Aead(rule) => rule,
                other => panic!("{other:?}"),
            })
        };
        assert_eq!(
            rule(AeadKey::new(AeadAlgorithm::AesGcm, &[0u8; 15])),
            key_length(AeadKind::AesGcm)
        );
        assert_eq!(
            rule(AeadKey::new(AeadAlgorithm::AesSiv, &[0u8; 16])),
            key_length(AeadKind::AesSiv)
        );
        let key = AeadKey::new(AeadAlgorithm::ChaCha20Poly1305, &[0u8; 32]).unwrap();
        assert!(matches!(
            key.seal(&[0u8; 8], &[], b""),
            Err(Error::Aead(AeadError::NonceLength(
                AeadKind::ChaCha20Poly1305
            )))
        ));
        let gcm = AeadKey::new(AeadAlgorithm::AesGcm, &[0u8; 16]).unwrap();
        let a = gcm.seal(&[0u8; 8], &[], b"").unwrap();
        let b = gcm.seal(&[0u8; 12], &[], b"").unwrap();
        let c = gcm.seal(&[0u8; 8], &[], b"").unwrap();
        assert_ne!(a, b);
        assert_eq!(a, c);
        // GCM's nonce range is the API's: 8 to 128 bytes.
        for bad in [7usize, 129] {
            assert!(matches!(
                gcm.check_message(&vec![0u8; bad], 0, &[]),
                Err(Error::Aead(AeadError::NonceLength(AeadKind::AesGcm)))
            ));
        }
    }

    #[test]
    fn ccm_rules() {
        for tag_len in [0usize, 3, 5, 17, 100] {
            assert!(matches!(
                AeadKey::new(AeadAlgorithm::AesCcm { tag_len }, &[0u8; 16]),
                Err(Error::Aead(AeadError::TagLength))
            ));
        }
        let ccm = AeadKey::new(AeadAlgorithm::AesCcm { tag_len: 8 }, &[0u8; 16]).unwrap();
        // A 13-byte nonce leaves 2 bytes to count the message: up to 65535 bytes.
        assert!(ccm.check_message(&[0u8; 13], 65535, &[]).is_ok());
        assert!(matches!(
            ccm.check_message(&[0u8; 13], 65536, &[]),
            Err(Error::Aead(AeadError::DataTooLongForNonce))
        ));
        assert!(matches!(
            ccm.check_message(&[0u8; 6], 0, &[]),
            Err(Error::Aead(AeadError::NonceLength(AeadKind::AesCcm)))
        ));
        // The length limit comes first, before the nonce is looked at.
        assert!(matches!(
            ccm.check_message(&[0u8; 6], MAX_DATA_LEN + 1, &[]),
            Err(Error::Aead(AeadError::DataTooLong))
        ));
    }

    #[test]
    fn generated_key_sizes() {
        assert_eq!(generated_key_len(AeadKind::AesGcm, 192).unwrap(), 24);
        assert_eq!(generated_key_len(AeadKind::AesSiv, 512).unwrap(), 64);
        assert!(matches!(
            generated_key_len(AeadKind::AesSiv, 128),
            Err(Error::Aead(AeadError::GeneratedKeyBits(AeadKind::AesSiv)))
        ));
    }
}
