//! Hybrid Public Key Encryption (RFC 9180) with the DH-based KEMs: every mode (base,
//! PSK, Auth, AuthPSK), contexts for many messages with the RFC's nonce sequence, and
//! the secret exporter.
//!
//! Built from the package's own primitives: the cached HKDF digests, the AEAD keys and
//! the EC and X25519/X448 keys; nothing here touches OpenSSL directly.
//!
//! ```
//! use cryptography_backend::hpke::{Aead, Kdf, Kem, KemPrivateKey, Mode, Suite};
//!
//! let suite = Suite::new(Kem::X25519Sha256, Kdf::HkdfSha256, Aead::Aes128Gcm);
//! let recipient = KemPrivateKey::generate(Kem::X25519Sha256)?;
//! let (enc, mut sender) =
//!     suite.setup_sender(&recipient.public_key()?, b"info", Mode::Base)?;
//! let sealed = sender.seal(b"aad", b"hello")?;
//! let mut receiver = suite.setup_receiver(&enc, &recipient, b"info", Mode::Base)?;
//! assert_eq!(receiver.open(b"aad", &sealed)?, b"hello");
//! # Ok::<(), cryptography_backend::Error>(())
//! ```

use zeroize::Zeroizing;

use crate::aead::{Aead as _, AeadAlgorithm, AeadKey};
use crate::ec::{Curve, EcPrivateKey, EcPublicKey};
use crate::ecx::{RawKeyKind, RawPrivateKey, RawPublicKey};
use crate::error::{Error, Result};
use crate::hash::HashAlgorithm;
use crate::kdf::{hkdf_expand_each, hkdf_extract};
use crate::mlkem::{MlKemPrivateKey, MlKemPublicKey, MlKemVariant};

/// The errors of RFC 9180 that are not the primitives'.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HpkeError {
    /// A PSK without its identifier or the reverse, or one given in a mode without PSK
    /// (RFC 9180 section 5.1, VerifyPSKInputs).
    InconsistentPsk,
    /// An encapsulated key that is not a public key of the KEM.
    InvalidEncapsulatedKey,
    /// A context's sequence number would wrap (section 5.2).
    MessageLimitReached,
    /// More exporter output than 255 blocks of the KDF.
    ExportTooLong,
    /// Sealing or opening under the export-only AEAD.
    ExportOnly,
    /// A key of another KEM than the suite's.
    WrongKeyType,
    /// DeriveKeyPair found no scalar in range (section 7.1.3; practically impossible).
    DeriveKeyPairError,
    /// An Auth mode with a KEM that has no AuthEncap (ML-KEM).
    AuthNotSupported,
    /// A PSK, PSK identifier or info over 65,535 bytes with a one-stage KDF.
    InputTooLong,
}

impl From<HpkeError> for Error {
    fn from(err: HpkeError) -> Error {
        Error::Hpke(err)
    }
}

impl std::fmt::Display for HpkeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            HpkeError::InconsistentPsk => "inconsistent PSK inputs",
            HpkeError::InvalidEncapsulatedKey => "invalid encapsulated key",
            HpkeError::MessageLimitReached => "message limit reached",
            HpkeError::ExportTooLong => "exporter length too large",
            HpkeError::ExportOnly => "export-only suite cannot seal or open",
            HpkeError::WrongKeyType => "key does not match the suite's KEM",
            HpkeError::DeriveKeyPairError => "no key pair derivable from the input",
            HpkeError::AuthNotSupported => "the KEM has no authenticated mode",
            HpkeError::InputTooLong => "input too long for the KDF",
        })
    }
}

/// The four modes of section 5. The sender's key of the Auth modes is its private key
/// on the sender's side (`K = KemPrivateKey`) and its public key on the recipient's
/// (`K = KemPublicKey`).
pub enum Mode<'a, K = KemPrivateKey> {
    Base,
    Psk {
        psk: &'a [u8],
        psk_id: &'a [u8],
    },
    Auth {
        sender: &'a K,
    },
    AuthPsk {
        sender: &'a K,
        psk: &'a [u8],
        psk_id: &'a [u8],
    },
}

// Derived Clone and Copy would ask the same of K; the mode only holds references.
impl<K> Clone for Mode<'_, K> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<K> Copy for Mode<'_, K> {}

impl<'a, K> Mode<'a, K> {
    /// The mode of the given inputs: a PSK with its identifier, the sender's key.
    pub fn new(psk: Option<(&'a [u8], &'a [u8])>, sender: Option<&'a K>) -> Self {
        match (psk, sender) {
            (None, None) => Mode::Base,
            (Some((psk, psk_id)), None) => Mode::Psk { psk, psk_id },
            (None, Some(sender)) => Mode::Auth { sender },
            (Some((psk, psk_id)), Some(sender)) => Mode::AuthPsk {
                sender,
                psk,
                psk_id,
            },
        }
    }

    fn sender(&self) -> Option<&'a K> {
        match *self {
            Mode::Auth { sender } | Mode::AuthPsk { sender, .. } => Some(sender),
            Mode::Base | Mode::Psk { .. } => None,
        }
    }

    fn id(&self) -> u8 {
        match self {
            Mode::Base => 0,
            Mode::Psk { .. } => 1,
            Mode::Auth { .. } => 2,
            Mode::AuthPsk { .. } => 3,
        }
    }

    fn psk(&self) -> (&[u8], &[u8]) {
        match *self {
            Mode::Psk { psk, psk_id } | Mode::AuthPsk { psk, psk_id, .. } => (psk, psk_id),
            Mode::Base | Mode::Auth { .. } => (&[], &[]),
        }
    }
}

/// The DH-based KEMs of RFC 9180 section 7.1, and ML-KEM as draft-ietf-hpke-pq
/// section 3 makes it an HPKE KEM.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kem {
    P256Sha256,
    P384Sha384,
    P521Sha512,
    X25519Sha256,
    X448Sha512,
    MlKem512,
    MlKem768,
    MlKem1024,
    /// The hybrid KEMs of draft-ietf-hpke-pq section 4 (draft-irtf-cfrg-concrete-
    /// hybrid-kems): ML-KEM and an elliptic-curve group, combined with SHA3-256.
    MlKem768X25519,
    MlKem768P256,
    MlKem1024P384,
}

const KEMS: [Kem; 11] = [
    Kem::P256Sha256,
    Kem::P384Sha384,
    Kem::P521Sha512,
    Kem::X25519Sha256,
    Kem::X448Sha512,
    Kem::MlKem512,
    Kem::MlKem768,
    Kem::MlKem1024,
    Kem::MlKem768X25519,
    Kem::MlKem768P256,
    Kem::MlKem1024P384,
];

/// What a hybrid KEM is made of: its ML-KEM, its group as the DHKEM over it, the
/// group's seed length (Group.Nseed) and the combiner's label.
struct Hybrid {
    mlkem: MlKemVariant,
    group: Kem,
    group_seed_len: usize,
    label: &'static [u8],
}

/// The two-stage KDFs of RFC 9180 section 7.2, and the one-stage SHA-3 KDFs of
/// draft-ietf-hpke-pq section 5 (their key schedule is draft-ietf-hpke-hpke's).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kdf {
    HkdfSha256,
    HkdfSha384,
    HkdfSha512,
    Shake128,
    Shake256,
}

/// The AEADs of section 7.3.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Aead {
    Aes128Gcm,
    Aes256Gcm,
    ChaCha20Poly1305,
    /// No encryption: the context only exports secrets.
    ExportOnly,
}

impl Kem {
    pub fn id(self) -> u16 {
        match self {
            Kem::P256Sha256 => 0x0010,
            Kem::P384Sha384 => 0x0011,
            Kem::P521Sha512 => 0x0012,
            Kem::X25519Sha256 => 0x0020,
            Kem::X448Sha512 => 0x0021,
            Kem::MlKem512 => 0x0040,
            Kem::MlKem768 => 0x0041,
            Kem::MlKem1024 => 0x0042,
            Kem::MlKem768P256 => 0x0050,
            Kem::MlKem1024P384 => 0x0051,
            Kem::MlKem768X25519 => 0x647a,
        }
    }

    fn hybrid(self) -> Option<Hybrid> {
        Some(match self {
            Kem::MlKem768X25519 => Hybrid {
                mlkem: MlKemVariant::MlKem768,
                group: Kem::X25519Sha256,
                group_seed_len: 32,
                // X-Wing's label, "\.//^\".
                label: b"\x5c\x2e\x2f\x2f\x5e\x5c",
            },
            Kem::MlKem768P256 => Hybrid {
                mlkem: MlKemVariant::MlKem768,
                group: Kem::P256Sha256,
                // Three 32-byte tries at a scalar below the order (the test vectors'
                // encapsulation randomness is 32 + 96 bytes).
                group_seed_len: 96,
                label: b"MLKEM768-P256",
            },
            Kem::MlKem1024P384 => Hybrid {
                mlkem: MlKemVariant::MlKem1024,
                group: Kem::P384Sha384,
                group_seed_len: 48,
                label: b"MLKEM1024-P384",
            },
            _ => return None,
        })
    }

    pub fn from_id(id: u16) -> Option<Kem> {
        KEMS.into_iter().find(|kem| kem.id() == id)
    }

    /// The hash of a DHKEM's own KDF (ML-KEM derives keys with SHAKE256 instead).
    fn hash(self) -> HashAlgorithm {
        match self {
            Kem::P256Sha256 | Kem::X25519Sha256 => HashAlgorithm::Sha256,
            Kem::P384Sha384 => HashAlgorithm::Sha384,
            Kem::P521Sha512 | Kem::X448Sha512 => HashAlgorithm::Sha512,
            _ => HashAlgorithm::Sha256,
        }
    }

    /// The ML-KEM KEM of a parameter set.
    pub fn from_variant(variant: MlKemVariant) -> Option<Kem> {
        Some(match variant {
            MlKemVariant::MlKem512 => Kem::MlKem512,
            MlKemVariant::MlKem768 => Kem::MlKem768,
            MlKemVariant::MlKem1024 => Kem::MlKem1024,
        })
    }

    /// A hybrid KEM's group, as the DHKEM over it.
    pub fn group(self) -> Option<Kem> {
        self.hybrid().map(|hybrid| hybrid.group)
    }

    /// A hybrid KEM's ML-KEM, as that KEM.
    pub fn mlkem_kem(self) -> Option<Kem> {
        self.hybrid()
            .and_then(|hybrid| Kem::from_variant(hybrid.mlkem))
    }

    fn mlkem(self) -> Option<MlKemVariant> {
        match self {
            Kem::MlKem512 => Some(MlKemVariant::MlKem512),
            Kem::MlKem768 => Some(MlKemVariant::MlKem768),
            Kem::MlKem1024 => Some(MlKemVariant::MlKem1024),
            _ => None,
        }
    }

    /// Whether the KEM has AuthEncap and AuthDecap (the DH-based ones do).
    pub fn has_auth(self) -> bool {
        self.mlkem().is_none() && self.hybrid().is_none()
    }

    /// Nsecret: the length of the KEM's shared secret.
    fn secret_len(self) -> usize {
        if self.has_auth() {
            self.hash().output_len()
        } else {
            crate::mlkem::SHARED_SECRET_LEN
        }
    }

    /// Nenc (= Npk): the length of an encapsulated key.
    pub fn enc_len(self) -> usize {
        match self {
            Kem::P256Sha256 => 65,
            Kem::P384Sha384 => 97,
            Kem::P521Sha512 => 133,
            Kem::X25519Sha256 => 32,
            Kem::X448Sha512 => 56,
            Kem::MlKem512 | Kem::MlKem768 | Kem::MlKem1024 => {
                self.mlkem().map_or(0, MlKemVariant::ciphertext_len)
            }
            Kem::MlKem768X25519 | Kem::MlKem768P256 | Kem::MlKem1024P384 => self
                .hybrid()
                .map_or(0, |h| h.mlkem.ciphertext_len() + h.group.enc_len()),
        }
    }

    /// Npk: the length of a public key.
    pub fn public_len(self) -> usize {
        if let Some(variant) = self.mlkem() {
            return variant.public_len();
        }
        match self.hybrid() {
            Some(h) => h.mlkem.public_len() + h.group.enc_len(),
            None => self.enc_len(),
        }
    }

    /// Nsk: the length of a private key.
    fn private_len(self) -> usize {
        match self {
            Kem::P256Sha256 | Kem::X25519Sha256 => 32,
            Kem::P384Sha384 => 48,
            Kem::P521Sha512 => 66,
            Kem::X448Sha512 => 56,
            Kem::MlKem512 | Kem::MlKem768 | Kem::MlKem1024 => crate::mlkem::SEED_LEN,
            Kem::MlKem768X25519 | Kem::MlKem768P256 | Kem::MlKem1024P384 => 32,
        }
    }

    fn curve(self) -> Option<Curve> {
        match self {
            Kem::P256Sha256 => Some(Curve::Secp256r1),
            Kem::P384Sha384 => Some(Curve::Secp384r1),
            Kem::P521Sha512 => Some(Curve::Secp521r1),
            _ => None,
        }
    }

    fn raw_kind(self) -> Option<RawKeyKind> {
        match self {
            Kem::X25519Sha256 => Some(RawKeyKind::X25519),
            Kem::X448Sha512 => Some(RawKeyKind::X448),
            _ => None,
        }
    }

    fn suite_id(self) -> [u8; 5] {
        let [high, low] = self.id().to_be_bytes();
        [b'K', b'E', b'M', high, low]
    }
}

impl Kdf {
    pub fn id(self) -> u16 {
        match self {
            Kdf::HkdfSha256 => 0x0001,
            Kdf::HkdfSha384 => 0x0002,
            Kdf::HkdfSha512 => 0x0003,
            Kdf::Shake128 => 0x0010,
            Kdf::Shake256 => 0x0011,
        }
    }

    pub fn from_id(id: u16) -> Option<Kdf> {
        [
            Kdf::HkdfSha256,
            Kdf::HkdfSha384,
            Kdf::HkdfSha512,
            Kdf::Shake128,
            Kdf::Shake256,
        ]
        .into_iter()
        .find(|kdf| kdf.id() == id)
    }

    /// The hash of a two-stage KDF (HKDF's).
    fn hash(self) -> HashAlgorithm {
        match self {
            Kdf::HkdfSha256 => HashAlgorithm::Sha256,
            Kdf::HkdfSha384 => HashAlgorithm::Sha384,
            Kdf::HkdfSha512 => HashAlgorithm::Sha512,
            // One-stage: not used for HKDF; Nh is `output_len`.
            Kdf::Shake128 => HashAlgorithm::Sha256,
            Kdf::Shake256 => HashAlgorithm::Sha512,
        }
    }

    /// Nh.
    fn output_len(self) -> usize {
        self.hash().output_len()
    }

    /// The XOF of a one-stage KDF.
    fn one_stage(self) -> Option<Xof> {
        match self {
            Kdf::Shake128 => Some(Xof::Shake128),
            Kdf::Shake256 => Some(Xof::Shake256),
            _ => None,
        }
    }
}

impl Aead {
    pub fn id(self) -> u16 {
        match self {
            Aead::Aes128Gcm => 0x0001,
            Aead::Aes256Gcm => 0x0002,
            Aead::ChaCha20Poly1305 => 0x0003,
            Aead::ExportOnly => 0xffff,
        }
    }

    pub fn from_id(id: u16) -> Option<Aead> {
        [
            Aead::Aes128Gcm,
            Aead::Aes256Gcm,
            Aead::ChaCha20Poly1305,
            Aead::ExportOnly,
        ]
        .into_iter()
        .find(|aead| aead.id() == id)
    }

    /// Nk and the AEAD behind it.
    fn key(self) -> Option<(usize, AeadAlgorithm)> {
        match self {
            Aead::Aes128Gcm => Some((16, AeadAlgorithm::AesGcm)),
            Aead::Aes256Gcm => Some((32, AeadAlgorithm::AesGcm)),
            Aead::ChaCha20Poly1305 => Some((32, AeadAlgorithm::ChaCha20Poly1305)),
            Aead::ExportOnly => None,
        }
    }

    /// The tag's length.
    pub fn tag_len(self) -> usize {
        match self {
            Aead::ExportOnly => 0,
            _ => 16,
        }
    }
}

/// Nn: every AEAD here has 12-byte nonces.
const NONCE_LEN: usize = 12;
const VERSION_LABEL: &[u8] = b"HPKE-v1";
const MAX_HASH_LEN: usize = 64;

/// LabeledExtract (section 4): Extract(salt, "HPKE-v1" || suite_id || label || ikm).
fn labeled_extract(
    hash: HashAlgorithm,
    suite_id: &[u8],
    salt: &[u8],
    label: &[u8],
    ikm: &[u8],
) -> Result<Zeroizing<Vec<u8>>> {
    let mut labeled = Zeroizing::new(Vec::with_capacity(
        VERSION_LABEL.len() + suite_id.len() + label.len() + ikm.len(),
    ));
    for part in [VERSION_LABEL, suite_id, label, ikm] {
        labeled.extend_from_slice(part);
    }
    let mut prk = Zeroizing::new(vec![0u8; hash.output_len()]);
    // An empty salt is HKDF's default: zeros as long as the digest.
    let salt = (!salt.is_empty()).then_some(salt);
    hkdf_extract(hash, salt, &labeled, &mut prk)?;
    Ok(prk)
}

/// LabeledExpand (section 4): Expand(prk, I2OSP(L, 2) || "HPKE-v1" || suite_id ||
/// label || info, L).
fn labeled_expand(
    hash: HashAlgorithm,
    suite_id: &[u8],
    prk: &[u8],
    label: &[u8],
    info: &[u8],
    out: &mut [u8],
) -> Result<()> {
    labeled_expand_each(hash, suite_id, prk, &mut [(label, info, out)])
}

/// LabeledExpand of several (label, info, output) under one PRK, keyed once.
fn labeled_expand_each(
    hash: HashAlgorithm,
    suite_id: &[u8],
    prk: &[u8],
    requests: &mut [(&[u8], &[u8], &mut [u8])],
) -> Result<()> {
    let mut labeled = Vec::with_capacity(requests.len());
    for (label, info, out) in requests.iter() {
        let length = u16::try_from(out.len()).map_err(|_| HpkeError::ExportTooLong)?;
        let mut bytes =
            Vec::with_capacity(2 + VERSION_LABEL.len() + suite_id.len() + label.len() + info.len());
        bytes.extend_from_slice(&length.to_be_bytes());
        for part in [VERSION_LABEL, suite_id, label, info] {
            bytes.extend_from_slice(part);
        }
        labeled.push(bytes);
    }
    let mut expansions: Vec<(&[u8], &mut [u8])> = labeled
        .iter()
        .zip(requests.iter_mut())
        .map(|(info, (_, _, out))| (&info[..], &mut **out))
        .collect();
    hkdf_expand_each(hash, prk, &mut expansions)
}

/// The XOFs behind the one-stage KDFs.
#[derive(Clone, Copy)]
enum Xof {
    Shake128,
    Shake256,
}

/// SHAKE256's LabeledDerive, as the ML-KEM and hybrid KEMs derive their keys with it.
fn shake256_labeled_derive(
    suite_id: &[u8],
    ikm: &[u8],
    label: &[u8],
    context: &[u8],
    out: &mut [u8],
) -> Result<()> {
    labeled_derive(Xof::Shake256, suite_id, ikm, label, context, out)
}

/// LabeledDerive (draft-ietf-hpke-hpke section 4, for one-stage KDFs):
/// Derive(ikm || "HPKE-v1" || suite_id || I2OSP(len(label), 2) || label || I2OSP(L, 2)
/// || context, L).
fn labeled_derive(
    xof: Xof,
    suite_id: &[u8],
    ikm: &[u8],
    label: &[u8],
    context: &[u8],
    out: &mut [u8],
) -> Result<()> {
    let label_len = u16::try_from(label.len()).map_err(|_| HpkeError::ExportTooLong)?;
    let out_len = u16::try_from(out.len()).map_err(|_| HpkeError::ExportTooLong)?;
    let mut labeled = Zeroizing::new(Vec::with_capacity(
        ikm.len() + VERSION_LABEL.len() + suite_id.len() + 4 + label.len() + context.len(),
    ));
    for part in [
        ikm,
        VERSION_LABEL,
        suite_id,
        &label_len.to_be_bytes(),
        label,
    ] {
        labeled.extend_from_slice(part);
    }
    labeled.extend_from_slice(&out_len.to_be_bytes());
    labeled.extend_from_slice(context);
    let output_len = out.len();
    let algorithm = match xof {
        Xof::Shake128 => HashAlgorithm::Shake128 { output_len },
        Xof::Shake256 => HashAlgorithm::Shake256 { output_len },
    };
    crate::hash::Hasher::digest_into(algorithm, &labeled, out)
}

/// lengthPrefixed: I2OSP(len(value), 2) || value, for one-stage KDF inputs (which
/// therefore hold at most 65,535 bytes).
fn length_prefixed(out: &mut Vec<u8>, value: &[u8]) -> Result<()> {
    let len = u16::try_from(value.len()).map_err(|_| HpkeError::InputTooLong)?;
    out.extend_from_slice(&len.to_be_bytes());
    out.extend_from_slice(value);
    Ok(())
}

/// A KEM private key: an EC key on the KEM's curve, an X25519/X448 key, or an ML-KEM
/// key.
#[derive(Clone)]
pub enum KemPrivateKey {
    Ec(Kem, EcPrivateKey),
    Raw(Kem, RawPrivateKey),
    MlKem(Kem, MlKemPrivateKey),
    /// A hybrid KEM's key: its ML-KEM key and its group's key (a DHKEM key).
    Hybrid(Kem, MlKemPrivateKey, Box<KemPrivateKey>),
}

/// A KEM public key.
#[derive(Clone)]
pub enum KemPublicKey {
    Ec(Kem, EcPublicKey),
    Raw(Kem, RawPublicKey),
    MlKem(Kem, MlKemPublicKey),
    Hybrid(Kem, MlKemPublicKey, Box<KemPublicKey>),
}

/// Group.RandomScalar (draft-irtf-cfrg-concrete-hybrid-kems): the first Nscalar-byte
/// window of `seed` that is a valid private key of the group (X25519 takes any).
fn group_key(group: Kem, seed: &[u8]) -> Result<KemPrivateKey> {
    let scalar_len = group.private_len();
    if let Some(kind) = group.raw_kind() {
        let bytes = seed
            .get(..scalar_len)
            .ok_or(HpkeError::DeriveKeyPairError)?;
        return Ok(KemPrivateKey::Raw(
            group,
            RawPrivateKey::from_bytes(kind, bytes)?,
        ));
    }
    let curve = group.curve().ok_or(HpkeError::WrongKeyType)?;
    for window in seed.chunks_exact(scalar_len) {
        match EcPrivateKey::derive(curve, window) {
            Ok(key) => return Ok(KemPrivateKey::Ec(group, key)),
            Err(Error::InvalidKey(_)) => continue,
            Err(other) => return Err(other),
        }
    }
    Err(HpkeError::DeriveKeyPairError.into())
}

impl KemPrivateKey {
    /// A hybrid KEM's key from its components.
    pub fn from_hybrid_parts(
        kem: Kem,
        mlkem: MlKemPrivateKey,
        group: KemPrivateKey,
    ) -> Result<Self> {
        let hybrid = kem.hybrid().ok_or(HpkeError::WrongKeyType)?;
        if mlkem.variant() != hybrid.mlkem || group.kem() != hybrid.group {
            return Err(HpkeError::WrongKeyType.into());
        }
        Ok(KemPrivateKey::Hybrid(kem, mlkem, Box::new(group)))
    }

    /// expandKey: a hybrid KEM's key pair from its 32-byte seed.
    fn expand_hybrid(kem: Kem, seed: &[u8]) -> Result<Self> {
        let hybrid = kem.hybrid().ok_or(HpkeError::WrongKeyType)?;
        let mut full = Zeroizing::new(vec![0u8; crate::mlkem::SEED_LEN + hybrid.group_seed_len]);
        crate::hash::Hasher::digest_into(
            HashAlgorithm::Shake256 {
                output_len: full.len(),
            },
            seed,
            &mut full,
        )?;
        let (seed_pq, seed_t) = full.split_at(crate::mlkem::SEED_LEN);
        let mlkem = MlKemPrivateKey::from_seed(hybrid.mlkem, seed_pq)?;
        let group = group_key(hybrid.group, seed_t)?;
        Ok(KemPrivateKey::Hybrid(kem, mlkem, Box::new(group)))
    }

    pub fn generate(kem: Kem) -> Result<Self> {
        if kem.hybrid().is_some() {
            let mut seed = Zeroizing::new([0u8; 32]);
            openssl::rand::rand_priv_bytes(&mut seed[..])?;
            return Self::expand_hybrid(kem, &seed[..]);
        }
        if let Some(variant) = kem.mlkem() {
            return Ok(KemPrivateKey::MlKem(
                kem,
                MlKemPrivateKey::generate(variant)?,
            ));
        }
        Ok(match (kem.curve(), kem.raw_kind()) {
            (Some(curve), _) => KemPrivateKey::Ec(kem, EcPrivateKey::generate(curve)?),
            (None, Some(kind)) => KemPrivateKey::Raw(kem, RawPrivateKey::generate(kind)?),
            (None, None) => return Err(HpkeError::WrongKeyType.into()),
        })
    }

    /// An existing ML-KEM key, for the KEM of its parameter set.
    pub fn from_mlkem(kem: Kem, key: MlKemPrivateKey) -> Result<Self> {
        if kem.mlkem() != Some(key.variant()) {
            return Err(HpkeError::WrongKeyType.into());
        }
        Ok(KemPrivateKey::MlKem(kem, key))
    }

    /// An existing EC key, for a KEM over its curve.
    pub fn from_ec(kem: Kem, key: EcPrivateKey) -> Result<Self> {
        if kem.curve() != Some(key.curve()) {
            return Err(HpkeError::WrongKeyType.into());
        }
        Ok(KemPrivateKey::Ec(kem, key))
    }

    /// An existing X25519 or X448 key, for the KEM of its kind.
    pub fn from_raw(kem: Kem, key: RawPrivateKey) -> Result<Self> {
        if kem.raw_kind() != Some(key.kind()) {
            return Err(HpkeError::WrongKeyType.into());
        }
        Ok(KemPrivateKey::Raw(kem, key))
    }

    /// DeriveKeyPair (RFC 9180 section 7.1.3; draft-ietf-hpke-pq section 3 for
    /// ML-KEM): the key pair `ikm` determines.
    pub fn derive(kem: Kem, ikm: &[u8]) -> Result<Self> {
        let suite_id = kem.suite_id();
        if let Some(variant) = kem.mlkem() {
            let mut seed = Zeroizing::new([0u8; crate::mlkem::SEED_LEN]);
            shake256_labeled_derive(&suite_id, ikm, b"DeriveKeyPair", b"", &mut seed[..])?;
            return Ok(KemPrivateKey::MlKem(
                kem,
                MlKemPrivateKey::from_seed(variant, &seed[..])?,
            ));
        }
        if kem.hybrid().is_some() {
            let mut seed = Zeroizing::new([0u8; 32]);
            shake256_labeled_derive(&suite_id, ikm, b"DeriveKeyPair", b"", &mut seed[..])?;
            return Self::expand_hybrid(kem, &seed[..]);
        }
        let hash = kem.hash();
        let dkp_prk = labeled_extract(hash, &suite_id, b"", b"dkp_prk", ikm)?;
        let mut candidate = Zeroizing::new(vec![0u8; kem.private_len()]);
        if let Some(kind) = kem.raw_kind() {
            labeled_expand(hash, &suite_id, &dkp_prk, b"sk", b"", &mut candidate)?;
            return Ok(KemPrivateKey::Raw(
                kem,
                RawPrivateKey::from_bytes(kind, &candidate)?,
            ));
        }
        let curve = kem.curve().ok_or(HpkeError::WrongKeyType)?;
        // P-521's order fills 521 bits: the top byte keeps one bit.
        let bitmask = if kem == Kem::P521Sha512 { 0x01 } else { 0xff };
        for counter in 0u8..=255 {
            labeled_expand(
                hash,
                &suite_id,
                &dkp_prk,
                b"candidate",
                &[counter],
                &mut candidate,
            )?;
            candidate[0] &= bitmask;
            match EcPrivateKey::derive(curve, &candidate) {
                Ok(key) => return Ok(KemPrivateKey::Ec(kem, key)),
                Err(Error::InvalidKey(_)) => continue,
                Err(other) => return Err(other),
            }
        }
        Err(HpkeError::DeriveKeyPairError.into())
    }

    pub fn kem(&self) -> Kem {
        match self {
            KemPrivateKey::Ec(kem, _)
            | KemPrivateKey::Raw(kem, _)
            | KemPrivateKey::MlKem(kem, _)
            | KemPrivateKey::Hybrid(kem, _, _) => *kem,
        }
    }

    pub fn public_key(&self) -> Result<KemPublicKey> {
        Ok(match self {
            KemPrivateKey::Ec(kem, key) => KemPublicKey::Ec(*kem, key.public_key()?),
            KemPrivateKey::Raw(kem, key) => KemPublicKey::Raw(*kem, key.public_key()?),
            KemPrivateKey::MlKem(kem, key) => KemPublicKey::MlKem(*kem, key.public_key()?),
            KemPrivateKey::Hybrid(kem, mlkem, group) => {
                KemPublicKey::Hybrid(*kem, mlkem.public_key()?, Box::new(group.public_key()?))
            }
        })
    }

    /// SerializePrivateKey: the scalar (fixed length) or the raw key.
    pub fn to_bytes(&self) -> Result<Zeroizing<Vec<u8>>> {
        match self {
            KemPrivateKey::Ec(kem, key) => {
                let value = key.private_value()?;
                let mut fixed = Zeroizing::new(vec![0u8; kem.private_len()]);
                let start = fixed
                    .len()
                    .checked_sub(value.len())
                    .ok_or(HpkeError::WrongKeyType)?;
                fixed[start..].copy_from_slice(&value);
                Ok(fixed)
            }
            KemPrivateKey::Raw(_, key) => key.to_bytes(),
            KemPrivateKey::MlKem(_, key) => Ok(Zeroizing::new(key.seed().to_vec())),
            // Kept as its parts, not as the seed they may have come from.
            KemPrivateKey::Hybrid(..) => Err(HpkeError::WrongKeyType.into()),
        }
    }

    /// DH(skX, pkY): the shared x-coordinate, or the X25519/X448 output.
    fn dh(&self, peer: &KemPublicKey) -> Result<Zeroizing<Vec<u8>>> {
        match (self, peer) {
            (KemPrivateKey::Ec(kem, key), KemPublicKey::Ec(peer_kem, peer)) if kem == peer_kem => {
                key.exchange(peer)
            }
            (KemPrivateKey::Raw(kem, key), KemPublicKey::Raw(peer_kem, peer))
                if kem == peer_kem =>
            {
                key.exchange(peer)
            }
            _ => Err(HpkeError::WrongKeyType.into()),
        }
    }
}

impl KemPublicKey {
    /// DeserializePublicKey: an uncompressed point, or the raw key.
    pub fn from_bytes(kem: Kem, bytes: &[u8]) -> Result<Self> {
        if let Some(hybrid) = kem.hybrid() {
            // The ML-KEM key's encoding, then the group's.
            if bytes.len() != kem.public_len() {
                return Err(HpkeError::InvalidEncapsulatedKey.into());
            }
            let (pq, group) = bytes.split_at(hybrid.mlkem.public_len());
            let mlkem = MlKemPublicKey::from_bytes(hybrid.mlkem, pq)?;
            let group = KemPublicKey::from_bytes(hybrid.group, group)?;
            return Ok(KemPublicKey::Hybrid(kem, mlkem, Box::new(group)));
        }
        if let Some(variant) = kem.mlkem() {
            return Ok(KemPublicKey::MlKem(
                kem,
                MlKemPublicKey::from_bytes(variant, bytes)?,
            ));
        }
        if bytes.len() != kem.enc_len() {
            return Err(HpkeError::InvalidEncapsulatedKey.into());
        }
        let key = match (kem.curve(), kem.raw_kind()) {
            (Some(curve), _) => {
                EcPublicKey::from_key_encoding(curve, bytes).map(|key| KemPublicKey::Ec(kem, key))
            }
            (None, Some(kind)) => {
                RawPublicKey::from_bytes(kind, bytes).map(|key| KemPublicKey::Raw(kem, key))
            }
            (None, None) => return Err(HpkeError::WrongKeyType.into()),
        };
        key.map_err(|_| HpkeError::InvalidEncapsulatedKey.into())
    }

    /// An existing EC key, for a KEM over its curve.
    pub fn from_ec(kem: Kem, key: EcPublicKey) -> Result<Self> {
        if kem.curve() != Some(key.curve()) {
            return Err(HpkeError::WrongKeyType.into());
        }
        Ok(KemPublicKey::Ec(kem, key))
    }

    /// An existing X25519 or X448 key, for the KEM of its kind.
    pub fn from_raw(kem: Kem, key: RawPublicKey) -> Result<Self> {
        if kem.raw_kind() != Some(key.kind()) {
            return Err(HpkeError::WrongKeyType.into());
        }
        Ok(KemPublicKey::Raw(kem, key))
    }

    /// An existing ML-KEM key, for the KEM of its parameter set.
    pub fn from_mlkem(kem: Kem, key: MlKemPublicKey) -> Result<Self> {
        if kem.mlkem() != Some(key.variant()) {
            return Err(HpkeError::WrongKeyType.into());
        }
        Ok(KemPublicKey::MlKem(kem, key))
    }

    pub fn kem(&self) -> Kem {
        match self {
            KemPublicKey::Ec(kem, _)
            | KemPublicKey::Raw(kem, _)
            | KemPublicKey::MlKem(kem, _)
            | KemPublicKey::Hybrid(kem, _, _) => *kem,
        }
    }

    /// SerializePublicKey.
    pub fn to_bytes(&self) -> Result<Vec<u8>> {
        match self {
            KemPublicKey::Ec(_, key) => key.encoded_point(false),
            KemPublicKey::Raw(_, key) => key.to_bytes(),
            KemPublicKey::MlKem(_, key) => Ok(key.as_bytes().to_vec()),
            KemPublicKey::Hybrid(_, mlkem, group) => {
                let mut bytes = mlkem.as_bytes().to_vec();
                bytes.extend_from_slice(&group.to_bytes()?);
                Ok(bytes)
            }
        }
    }

    /// A hybrid KEM's key from its components.
    pub fn from_hybrid_parts(kem: Kem, mlkem: MlKemPublicKey, group: KemPublicKey) -> Result<Self> {
        let hybrid = kem.hybrid().ok_or(HpkeError::WrongKeyType)?;
        if mlkem.variant() != hybrid.mlkem || group.kem() != hybrid.group {
            return Err(HpkeError::WrongKeyType.into());
        }
        Ok(KemPublicKey::Hybrid(kem, mlkem, Box::new(group)))
    }
}

/// ExtractAndExpand (section 4.1) of the DH results and the KEM context.
fn extract_and_expand(kem: Kem, dh: &[u8], kem_context: &[u8]) -> Result<Zeroizing<Vec<u8>>> {
    let suite_id = kem.suite_id();
    let eae_prk = labeled_extract(kem.hash(), &suite_id, b"", b"eae_prk", dh)?;
    let mut secret = Zeroizing::new(vec![0u8; kem.secret_len()]);
    labeled_expand(
        kem.hash(),
        &suite_id,
        &eae_prk,
        b"shared_secret",
        kem_context,
        &mut secret,
    )?;
    Ok(secret)
}

/// Encap or AuthEncap (RFC 9180 section 4.1; for ML-KEM, ML-KEM.Encaps): (shared
/// secret, enc). `derand` is the encapsulation's randomness for known-answer tests
/// (the DHKEMs' ephemeral key is DeriveKeyPair(ikmE), ML-KEM's m is it); `None` draws it.
fn encapsulate(
    recipient: &KemPublicKey,
    sender: Option<&KemPrivateKey>,
    derand: Option<&[u8]>,
) -> Result<(Zeroizing<Vec<u8>>, Vec<u8>)> {
    let kem = recipient.kem();
    if let KemPublicKey::MlKem(_, key) = recipient {
        if sender.is_some() {
            return Err(HpkeError::AuthNotSupported.into());
        }
        let (enc, secret) = match derand {
            Some(entropy) => key.encapsulate_with_entropy(entropy)?,
            None => key.encapsulate()?,
        };
        return Ok((secret, enc));
    }
    if let KemPublicKey::Hybrid(_, mlkem, group) = recipient {
        if sender.is_some() {
            return Err(HpkeError::AuthNotSupported.into());
        }
        let hybrid = kem.hybrid().ok_or(HpkeError::WrongKeyType)?;
        // Fresh randomness for ML-KEM and the group, or the given split in two.
        let mut fresh =
            Zeroizing::new(vec![0u8; crate::mlkem::ENTROPY_LEN + hybrid.group_seed_len]);
        let randomness = match derand {
            Some(randomness) => randomness,
            None => {
                openssl::rand::rand_priv_bytes(&mut fresh)?;
                &fresh[..]
            }
        };
        let (randomness_pq, randomness_t) = randomness
            .split_at_checked(crate::mlkem::ENTROPY_LEN)
            .ok_or(HpkeError::DeriveKeyPairError)?;
        let (ct_pq, ss_pq) = mlkem.encapsulate_with_entropy(randomness_pq)?;
        let ephemeral = group_key(hybrid.group, randomness_t)?;
        let ct_t = ephemeral.public_key()?.to_bytes()?;
        let ss_t = ephemeral.dh(group)?;
        let secret = combine(&hybrid, &ss_pq, &ss_t, &ct_t, &group.to_bytes()?)?;
        let mut enc = ct_pq;
        enc.extend_from_slice(&ct_t);
        return Ok((secret, enc));
    }
    let ephemeral = match derand {
        Some(ikm) => KemPrivateKey::derive(kem, ikm)?,
        None => KemPrivateKey::generate(kem)?,
    };
    let enc = ephemeral.public_key()?.to_bytes()?;
    let mut dh = ephemeral.dh(recipient)?;
    let mut kem_context = enc.clone();
    kem_context.extend_from_slice(&recipient.to_bytes()?);
    if let Some(sender) = sender {
        dh.extend_from_slice(&sender.dh(recipient)?);
        kem_context.extend_from_slice(&sender.public_key()?.to_bytes()?);
    }
    Ok((extract_and_expand(kem, &dh, &kem_context)?, enc))
}

/// Decap or AuthDecap (RFC 9180 section 4.1; for ML-KEM, ML-KEM.Decaps).
fn decapsulate(
    enc: &[u8],
    recipient: &KemPrivateKey,
    sender: Option<&KemPublicKey>,
) -> Result<Zeroizing<Vec<u8>>> {
    let kem = recipient.kem();
    if let KemPrivateKey::MlKem(_, key) = recipient {
        if sender.is_some() {
            return Err(HpkeError::AuthNotSupported.into());
        }
        if enc.len() != kem.enc_len() {
            return Err(HpkeError::InvalidEncapsulatedKey.into());
        }
        return Ok(Zeroizing::new(key.decapsulate(enc)?.to_vec()));
    }
    if let KemPrivateKey::Hybrid(_, mlkem, group) = recipient {
        if sender.is_some() {
            return Err(HpkeError::AuthNotSupported.into());
        }
        let hybrid = kem.hybrid().ok_or(HpkeError::WrongKeyType)?;
        if enc.len() != kem.enc_len() {
            return Err(HpkeError::InvalidEncapsulatedKey.into());
        }
        let (ct_pq, ct_t) = enc.split_at(hybrid.mlkem.ciphertext_len());
        let ss_pq = mlkem.decapsulate(ct_pq)?;
        let ephemeral = KemPublicKey::from_bytes(hybrid.group, ct_t)?;
        let ss_t = group.dh(&ephemeral)?;
        let ek_t = group.public_key()?.to_bytes()?;
        return combine(&hybrid, &ss_pq[..], &ss_t, ct_t, &ek_t);
    }
    let ephemeral = KemPublicKey::from_bytes(kem, enc)?;
    let mut dh = recipient.dh(&ephemeral)?;
    let mut kem_context = enc.to_vec();
    kem_context.extend_from_slice(&recipient.public_key()?.to_bytes()?);
    if let Some(sender) = sender {
        dh.extend_from_slice(&recipient.dh(sender)?);
        kem_context.extend_from_slice(&sender.to_bytes()?);
    }
    extract_and_expand(kem, &dh, &kem_context)
}

/// The hybrid KEMs' combiner: SHA3-256(ss_PQ || ss_T || ct_T || ek_T || Label).
fn combine(
    hybrid: &Hybrid,
    ss_pq: &[u8],
    ss_t: &[u8],
    ct_t: &[u8],
    ek_t: &[u8],
) -> Result<Zeroizing<Vec<u8>>> {
    let mut hasher = crate::hash::Hasher::new(HashAlgorithm::Sha3_256)?;
    for part in [ss_pq, ss_t, ct_t, ek_t, hybrid.label] {
        hasher.update(part)?;
    }
    let mut secret = Zeroizing::new(vec![0u8; crate::mlkem::SHARED_SECRET_LEN]);
    hasher.finalize_into(&mut secret)?;
    Ok(secret)
}

/// A ciphersuite: KEM, KDF and AEAD.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Suite {
    pub kem: Kem,
    pub kdf: Kdf,
    pub aead: Aead,
}

/// The secrets a key schedule gives, for tests and diagnostics.
pub struct Secrets {
    pub key: Zeroizing<Vec<u8>>,
    pub base_nonce: [u8; NONCE_LEN],
    pub exporter_secret: Zeroizing<Vec<u8>>,
}

/// An encryption context (section 5.2): one direction, its sequence number, and the
/// exporter.
pub struct Context {
    suite: Suite,
    aead: Option<AeadKey>,
    base_nonce: [u8; NONCE_LEN],
    sequence: u64,
    exporter_secret: Zeroizing<Vec<u8>>,
}

impl Suite {
    pub fn new(kem: Kem, kdf: Kdf, aead: Aead) -> Suite {
        Suite { kem, kdf, aead }
    }

    fn suite_id(&self) -> [u8; 10] {
        let mut id = *b"HPKE\0\0\0\0\0\0";
        id[4..6].copy_from_slice(&self.kem.id().to_be_bytes());
        id[6..8].copy_from_slice(&self.kdf.id().to_be_bytes());
        id[8..10].copy_from_slice(&self.aead.id().to_be_bytes());
        id
    }

    /// KeySchedule (section 5.1).
    pub fn key_schedule<K>(
        &self,
        mode: &Mode<'_, K>,
        shared_secret: &[u8],
        info: &[u8],
    ) -> Result<Secrets> {
        let (psk, psk_id) = mode.psk();
        let psk_mode = matches!(mode, Mode::Psk { .. } | Mode::AuthPsk { .. });
        if psk.is_empty() != psk_id.is_empty() || (psk_mode && psk.is_empty()) {
            return Err(HpkeError::InconsistentPsk.into());
        }
        let suite_id = self.suite_id();
        let key_len = self.aead.key().map_or(0, |(len, _)| len);
        let nonce_len = if key_len > 0 { NONCE_LEN } else { 0 };
        let mut key = Zeroizing::new(vec![0u8; key_len]);
        let mut base_nonce = [0u8; NONCE_LEN];
        let mut exporter_secret = Zeroizing::new(vec![0u8; self.kdf.output_len()]);
        if let Some(xof) = self.kdf.one_stage() {
            // CombineSecrets_OneStage: one derivation for all three.
            let mut secrets = Zeroizing::new(Vec::new());
            length_prefixed(&mut secrets, psk)?;
            length_prefixed(&mut secrets, shared_secret)?;
            let mut context = vec![mode.id()];
            length_prefixed(&mut context, psk_id)?;
            length_prefixed(&mut context, info)?;
            let mut derived =
                Zeroizing::new(vec![0u8; key_len + nonce_len + exporter_secret.len()]);
            labeled_derive(xof, &suite_id, &secrets, b"secret", &context, &mut derived)?;
            key.copy_from_slice(&derived[..key_len]);
            base_nonce[..nonce_len].copy_from_slice(&derived[key_len..key_len + nonce_len]);
            exporter_secret.copy_from_slice(&derived[key_len + nonce_len..]);
        } else {
            // CombineSecrets_TwoStage (RFC 9180's key schedule).
            let hash = self.kdf.hash();
            let psk_id_hash = labeled_extract(hash, &suite_id, b"", b"psk_id_hash", psk_id)?;
            let info_hash = labeled_extract(hash, &suite_id, b"", b"info_hash", info)?;
            let mut context = Vec::with_capacity(1 + 2 * MAX_HASH_LEN);
            context.push(mode.id());
            context.extend_from_slice(&psk_id_hash);
            context.extend_from_slice(&info_hash);
            let secret = labeled_extract(hash, &suite_id, shared_secret, b"secret", psk)?;
            // The three secrets under one keying of `secret` (the export-only AEAD has
            // no key or nonce: empty outputs).
            let nonce = &mut base_nonce[..nonce_len];
            labeled_expand_each(
                hash,
                &suite_id,
                &secret,
                &mut [
                    (b"key", &context, &mut key),
                    (b"base_nonce", &context, nonce),
                    (b"exp", &context, &mut exporter_secret),
                ],
            )?;
        }
        Ok(Secrets {
            key,
            base_nonce,
            exporter_secret,
        })
    }

    fn context(&self, secrets: Secrets) -> Result<Context> {
        let aead = match self.aead.key() {
            Some((_, algorithm)) => Some(AeadKey::new(algorithm, &secrets.key)?),
            None => None,
        };
        Ok(Context {
            suite: *self,
            aead,
            base_nonce: secrets.base_nonce,
            sequence: 0,
            exporter_secret: secrets.exporter_secret,
        })
    }

    fn check_key(&self, kem: Kem) -> Result<()> {
        if kem != self.kem {
            return Err(HpkeError::WrongKeyType.into());
        }
        Ok(())
    }

    /// SetupBaseS / SetupPSKS / SetupAuthS / SetupAuthPSKS: the encapsulated key and the
    /// sender's context.
    pub fn setup_sender(
        &self,
        recipient: &KemPublicKey,
        info: &[u8],
        mode: Mode<'_>,
    ) -> Result<(Vec<u8>, Context)> {
        self.setup_sender_derand(None, recipient, info, mode)
    }

    /// `setup_sender` with the encapsulation's randomness given (ikmE of the
    /// known-answer tests); `None` draws it.
    pub fn setup_sender_derand(
        &self,
        derand: Option<&[u8]>,
        recipient: &KemPublicKey,
        info: &[u8],
        mode: Mode<'_>,
    ) -> Result<(Vec<u8>, Context)> {
        self.check_key(recipient.kem())?;
        let sender = mode.sender();
        if let Some(sender) = sender {
            self.check_key(sender.kem())?;
        }
        let (shared_secret, enc) = encapsulate(recipient, sender, derand)?;
        let secrets = self.key_schedule(&mode, &shared_secret, info)?;
        Ok((enc, self.context(secrets)?))
    }

    /// SetupBaseR / SetupPSKR / SetupAuthR / SetupAuthPSKR: the recipient's context,
    /// with the sender's public key in the Auth modes.
    pub fn setup_receiver(
        &self,
        enc: &[u8],
        recipient: &KemPrivateKey,
        info: &[u8],
        mode: Mode<'_, KemPublicKey>,
    ) -> Result<Context> {
        self.check_key(recipient.kem())?;
        let sender = mode.sender();
        if let Some(sender) = sender {
            self.check_key(sender.kem())?;
        }
        let shared_secret = decapsulate(enc, recipient, sender)?;
        let secrets = self.key_schedule(&mode, &shared_secret, info)?;
        self.context(secrets)
    }

    /// Single-shot encryption in base mode: the encapsulated key, then the plaintext
    /// sealed as the context's first message.
    pub fn seal_base(
        &self,
        recipient: &KemPublicKey,
        info: &[u8],
        aad: &[u8],
        plaintext: &[u8],
    ) -> Result<Vec<u8>> {
        let (mut sealed, mut context) = self.setup_sender(recipient, info, Mode::Base)?;
        sealed.extend_from_slice(&context.seal(aad, plaintext)?);
        Ok(sealed)
    }

    /// The reverse of `seal_base`. A ciphertext too short to hold the encapsulated key
    /// fails as one that does not open (`InvalidTag`).
    pub fn open_base(
        &self,
        ciphertext: &[u8],
        recipient: &KemPrivateKey,
        info: &[u8],
        aad: &[u8],
    ) -> Result<Vec<u8>> {
        let enc_len = self.kem.enc_len();
        if ciphertext.len() < enc_len {
            return Err(Error::InvalidTag);
        }
        let (enc, sealed) = ciphertext.split_at(enc_len);
        self.setup_receiver(enc, recipient, info, Mode::Base)?
            .open(aad, sealed)
    }
}

impl Context {
    /// ComputeNonce (section 5.2): the base nonce XOR the sequence number.
    fn nonce(&self) -> [u8; NONCE_LEN] {
        let mut nonce = self.base_nonce;
        for (byte, sequence) in nonce[NONCE_LEN - 8..]
            .iter_mut()
            .zip(self.sequence.to_be_bytes())
        {
            *byte ^= sequence;
        }
        nonce
    }

    /// IncrementSeq: the RFC's limit is 2^96 - 1 messages; a u64 counter reaches its own
    /// limit first, and refuses to wrap just the same.
    fn increment(&mut self) -> Result<()> {
        self.sequence = self
            .sequence
            .checked_add(1)
            .ok_or(HpkeError::MessageLimitReached)?;
        Ok(())
    }

    fn key(&self) -> Result<&AeadKey> {
        self.aead.as_ref().ok_or(HpkeError::ExportOnly.into())
    }

    pub fn seal(&mut self, aad: &[u8], plaintext: &[u8]) -> Result<Vec<u8>> {
        if self.sequence == u64::MAX {
            return Err(HpkeError::MessageLimitReached.into());
        }
        let sealed = self.key()?.seal(&self.nonce(), &[aad], plaintext)?;
        self.increment()?;
        Ok(sealed)
    }

    pub fn open(&mut self, aad: &[u8], sealed: &[u8]) -> Result<Vec<u8>> {
        if self.sequence == u64::MAX {
            return Err(HpkeError::MessageLimitReached.into());
        }
        let opened = self.key()?.open(&self.nonce(), &[aad], sealed)?;
        self.increment()?;
        Ok(opened)
    }

    /// Export (section 5.3): `length` bytes bound to `exporter_context`.
    pub fn export(&self, exporter_context: &[u8], length: usize) -> Result<Zeroizing<Vec<u8>>> {
        let kdf = self.suite.kdf;
        // Two-stage: 255 blocks of HKDF; one-stage: L's two-byte encoding.
        let limit = match kdf.one_stage() {
            Some(_) => usize::from(u16::MAX),
            None => 255 * kdf.output_len(),
        };
        if length > limit {
            return Err(HpkeError::ExportTooLong.into());
        }
        let mut out = Zeroizing::new(vec![0u8; length]);
        let suite_id = self.suite.suite_id();
        match kdf.one_stage() {
            Some(xof) => labeled_derive(
                xof,
                &suite_id,
                &self.exporter_secret,
                b"sec",
                exporter_context,
                &mut out,
            )?,
            None => labeled_expand(
                kdf.hash(),
                &suite_id,
                &self.exporter_secret,
                b"sec",
                exporter_context,
                &mut out,
            )?,
        }
        Ok(out)
    }

    /// The sequence number of the next message.
    pub fn sequence(&self) -> u64 {
        self.sequence
    }

    /// Moves the sequence number forward to `sequence` (never back, so no nonce is used
    /// twice): how tests reach the message limit without sealing 2^64 messages.
    pub fn skip_to(&mut self, sequence: u64) {
        self.sequence = self.sequence.max(sequence);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 9180's test vectors and draft-ietf-hpke-pq's (vectors/hpke, made by its
    /// make.py).
    const RFC9180: &str = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../vectors/hpke/rfc9180.txt"
    ));
    const HPKE_PQ: &str = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../vectors/hpke/hpke-pq.txt"
    ));

    fn unhex(text: &str) -> Vec<u8> {
        (0..text.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&text[i..i + 2], 16).unwrap())
            .collect()
    }

    struct Vector<'a> {
        fields: Vec<(&'a str, &'a str)>,
    }

    impl<'a> Vector<'a> {
        fn get(&self, name: &str) -> Option<&'a str> {
            self.fields
                .iter()
                .find(|(key, _)| *key == name)
                .map(|(_, value)| *value)
        }

        fn bytes(&self, name: &str) -> Vec<u8> {
            unhex(self.get(name).unwrap_or(""))
        }

        fn all(&self, name: &str) -> Vec<Vec<&'a str>> {
            self.fields
                .iter()
                .filter(|(key, _)| *key == name)
                .map(|(_, value)| value.split(':').collect())
                .collect()
        }
    }

    fn vectors(text: &'static str) -> Vec<Vector<'static>> {
        text.split("\n\n")
            .filter(|block| !block.trim().is_empty())
            .map(|block| Vector {
                fields: block
                    .lines()
                    .filter_map(|line| line.split_once(" = "))
                    .collect(),
            })
            .collect()
    }

    /// Checks every vector of `text` whose suite this module has; returns how many.
    fn check_vectors(text: &'static str) -> usize {
        let mut checked = 0;
        for vector in vectors(text) {
            let id = |name| vector.get(name).unwrap().parse::<u16>().unwrap();
            let (Some(kem), Some(kdf), Some(aead)) = (
                Kem::from_id(id("kem_id")),
                Kdf::from_id(id("kdf_id")),
                Aead::from_id(id("aead_id")),
            ) else {
                continue;
            };
            let suite = Suite::new(kem, kdf, aead);
            let ikm_e = vector.bytes("ikmE");
            let recipient = KemPrivateKey::derive(suite.kem, &vector.bytes("ikmR")).unwrap();
            let recipient_public = recipient.public_key().unwrap();
            assert_eq!(recipient_public.to_bytes().unwrap(), vector.bytes("pkRm"));
            // DeserializePublicKey gives the same key back, hybrids included.
            let read_back = KemPublicKey::from_bytes(kem, &vector.bytes("pkRm")).unwrap();
            assert_eq!(read_back.to_bytes().unwrap(), vector.bytes("pkRm"));
            let sender = vector
                .get("ikmS")
                .map(|ikm| KemPrivateKey::derive(suite.kem, &unhex(ikm)).unwrap());
            if let Some(sender) = &sender {
                assert_eq!(
                    sender.public_key().unwrap().to_bytes().unwrap(),
                    vector.bytes("pkSm")
                );
            }
            let (psk, psk_id) = (vector.bytes("psk"), vector.bytes("psk_id"));
            // Modes 1 and 3 have a PSK, 2 and 3 a sender's key.
            let psk = (id("mode") & 1 == 1).then_some((&psk[..], &psk_id[..]));
            assert_eq!(sender.is_some(), id("mode") & 2 == 2);
            let mode = Mode::new(psk, sender.as_ref());
            let info = vector.bytes("info");

            // The KEM and the key schedule, step by step.
            let (shared_secret, enc) =
                encapsulate(&recipient_public, sender.as_ref(), Some(&ikm_e)).unwrap();
            assert_eq!(enc, vector.bytes("enc"));
            assert_eq!(*shared_secret, vector.bytes("shared_secret"));
            let secrets = suite.key_schedule(&mode, &shared_secret, &info).unwrap();
            assert_eq!(*secrets.key, vector.bytes("key"));
            if suite.aead != Aead::ExportOnly {
                assert_eq!(secrets.base_nonce.to_vec(), vector.bytes("base_nonce"));
            }
            assert_eq!(*secrets.exporter_secret, vector.bytes("exporter_secret"));

            // Both contexts through the public API.
            let (enc, mut sending) = suite
                .setup_sender_derand(Some(&ikm_e), &recipient_public, &info, mode)
                .unwrap();
            let sender_public = sender.as_ref().map(|key| key.public_key().unwrap());
            let receiver_mode = Mode::new(psk, sender_public.as_ref());
            let mut receiving = suite
                .setup_receiver(&enc, &recipient, &info, receiver_mode)
                .unwrap();
            let encryptions = vector.all("encryption");
            if suite.aead == Aead::ExportOnly {
                assert!(encryptions.is_empty());
                assert!(matches!(
                    sending.seal(b"", b""),
                    Err(Error::Hpke(HpkeError::ExportOnly))
                ));
            } else {
                for sequence in 0..=255u64 {
                    let expected = encryptions
                        .iter()
                        .find(|parts| parts[0].parse::<u64>().unwrap() == sequence);
                    let (aad, plaintext) = match expected {
                        Some(parts) => (unhex(parts[1]), unhex(parts[2])),
                        None => (b"filler".to_vec(), b"message".to_vec()),
                    };
                    let sealed = sending.seal(&aad, &plaintext).unwrap();
                    if let Some(parts) = expected {
                        assert_eq!(sealed, unhex(parts[3]), "sequence {sequence}");
                    }
                    assert_eq!(receiving.open(&aad, &sealed).unwrap(), plaintext);
                }
                // A replayed message is out of sequence.
                let replay = sending.seal(b"", b"x").unwrap();
                let _ = receiving.open(b"", &replay).unwrap();
                assert!(receiving.open(b"", &replay).is_err());
            }
            for parts in vector.all("export") {
                let length: usize = parts[1].parse().unwrap();
                let expected = unhex(parts[2]);
                assert_eq!(*sending.export(&unhex(parts[0]), length).unwrap(), expected);
                assert_eq!(
                    *receiving.export(&unhex(parts[0]), length).unwrap(),
                    expected
                );
            }
            checked += 1;
        }
        checked
    }

    #[test]
    fn rfc9180_vectors() {
        assert_eq!(check_vectors(RFC9180), 128);
    }

    #[test]
    fn hpke_pq_vectors() {
        // All but the three TurboSHAKE suites (OpenSSL has no TurboSHAKE).
        assert_eq!(check_vectors(HPKE_PQ), 10);
    }

    #[test]
    fn rules() {
        let suite = Suite::new(Kem::X25519Sha256, Kdf::HkdfSha256, Aead::ChaCha20Poly1305);
        let recipient = KemPrivateKey::generate(Kem::X25519Sha256).unwrap();
        let public = recipient.public_key().unwrap();
        // PSK and its identifier come together.
        for (psk, psk_id) in [(&b"secret"[..], &b""[..]), (b"", b"id"), (b"", b"")] {
            assert!(matches!(
                suite.setup_sender(&public, b"", Mode::Psk { psk, psk_id }),
                Err(Error::Hpke(HpkeError::InconsistentPsk))
            ));
        }
        // Keys of another KEM.
        let p256 = KemPrivateKey::generate(Kem::P256Sha256).unwrap();
        assert!(matches!(
            suite.setup_sender(&p256.public_key().unwrap(), b"", Mode::Base),
            Err(Error::Hpke(HpkeError::WrongKeyType))
        ));
        // An encapsulated key of the wrong length, or a low-order X25519 point.
        assert!(suite
            .setup_receiver(&[9; 31], &recipient, b"", Mode::Base)
            .is_err());
        assert!(suite
            .setup_receiver(&[0; 32], &recipient, b"", Mode::Base)
            .is_err());
        // The wrong info fails to open.
        let (enc, mut sending) = suite.setup_sender(&public, b"a", Mode::Base).unwrap();
        let sealed = sending.seal(b"", b"m").unwrap();
        let mut other = suite
            .setup_receiver(&enc, &recipient, b"b", Mode::Base)
            .unwrap();
        assert!(matches!(other.open(b"", &sealed), Err(Error::InvalidTag)));
        // Exports are bounded by the KDF.
        assert!(sending.export(b"", 255 * 32).is_ok());
        assert!(matches!(
            sending.export(b"", 255 * 32 + 1),
            Err(Error::Hpke(HpkeError::ExportTooLong))
        ));
        // ML-KEM has no authenticated mode.
        let kem_suite = Suite::new(Kem::MlKem768, Kdf::HkdfSha256, Aead::Aes128Gcm);
        let kem_key = KemPrivateKey::generate(Kem::MlKem768).unwrap();
        assert!(matches!(
            kem_suite.setup_sender(
                &kem_key.public_key().unwrap(),
                b"",
                Mode::Auth { sender: &kem_key }
            ),
            Err(Error::Hpke(HpkeError::AuthNotSupported))
        ));
        let (enc, mut kem_sending) = kem_suite
            .setup_sender(&kem_key.public_key().unwrap(), b"", Mode::Base)
            .unwrap();
        assert_eq!(enc.len(), Kem::MlKem768.enc_len());
        let sealed = kem_sending.seal(b"", b"pq").unwrap();
        let mut kem_receiving = kem_suite
            .setup_receiver(&enc, &kem_key, b"", Mode::Base)
            .unwrap();
        assert_eq!(kem_receiving.open(b"", &sealed).unwrap(), b"pq");
        assert!(kem_suite
            .setup_receiver(&enc[1..], &kem_key, b"", Mode::Base)
            .is_err());
        // Single-shot: enc || sealed, and a ciphertext shorter than enc does not open.
        let single = suite.seal_base(&public, b"i", b"a", b"one").unwrap();
        assert_eq!(single.len(), 32 + 3 + 16);
        assert_eq!(
            suite.open_base(&single, &recipient, b"i", b"a").unwrap(),
            b"one"
        );
        assert!(matches!(
            suite.open_base(&single[..31], &recipient, b"i", b"a"),
            Err(Error::InvalidTag)
        ));
        // The sequence number never wraps, and only moves forward.
        sending.skip_to(5);
        sending.skip_to(3);
        assert_eq!(sending.sequence(), 5);
        sending.skip_to(u64::MAX);
        assert!(matches!(
            sending.seal(b"", b"m"),
            Err(Error::Hpke(HpkeError::MessageLimitReached))
        ));
    }
}
