//! The core's one error type. It carries no Python: the binding crate maps each variant to
//! the exception class and message of the reference API in a single `match`.

use std::fmt;

use openssl::error::ErrorStack;

/// What kind of thing is unsupported: it decides the reason a caller reports (the
/// reference's `_Reasons`), so each kind is named where the error is made, not guessed
/// where it is reported.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unsupported {
    /// A digest (for hashing, HMAC, a KDF, a signature).
    Hash,
    /// A cipher, or a cipher and mode combination (also CMAC's cipher).
    Cipher,
    /// A MAC algorithm of its own (Poly1305).
    Mac,
    /// A public-key algorithm (Ed25519, Ed448, ...).
    PublicKey,
    /// A key-agreement algorithm (X25519, X448).
    Exchange,
    /// A whole family the linked OpenSSL lacks (Argon2 before 3.2, the PKCS#12 KDF).
    BackendInterface,
    /// An operation the object does not have (associated data without an AEAD mode):
    /// callers check first, so reaching it is a caller's mistake.
    Operation,
}

/// The argument rules of the AEADs (see `crate::aead`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AeadError {
    /// A key of a length the algorithm does not take.
    KeyLength(crate::aead::AeadKind),
    /// A nonce of a length the algorithm does not take.
    NonceLength(crate::aead::AeadKind),
    /// A key size in bits, asked of `generate_key`, that the algorithm does not take.
    GeneratedKeyBits(crate::aead::AeadKind),
    /// A CCM tag length other than 4, 6, 8, 10, 12, 14 or 16 bytes.
    TagLength,
    /// A CCM message longer than the length field its nonce leaves can count.
    DataTooLongForNonce,
    /// Data or an associated-data item above `crate::aead::MAX_DATA_LEN` bytes.
    DataTooLong,
}

/// The argument rules of the password-based KDFs (see `crate::kdf`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KdfError {
    /// PBKDF2 with no iterations.
    Pbkdf2Iterations,
    /// scrypt's n is not a power of two above 1.
    ScryptN,
    /// scrypt's r is 0.
    ScryptR,
    /// scrypt's p is 0.
    ScryptP,
    /// Argon2 with a salt under 8 bytes.
    Argon2Salt,
    /// Argon2 asked for fewer than 4 bytes.
    Argon2Length,
    /// Argon2 with no iterations.
    Argon2Iterations,
    /// Argon2 with no lanes.
    Argon2Lanes,
    /// Argon2 with less than 8 KiB of memory per lane.
    Argon2Memory,
    /// A derived key differs from the expected one (`verify`). Carries no detail.
    KeyMismatch,
    /// A digest so long that HKDF's output limit (255 of them) overflows.
    HkdfDigestTooLarge,
    /// HKDF asked for more than 255 blocks of its digest (the longest, in bytes).
    HkdfLength { max: usize },
    /// X9.63 or ConcatKDF asked for more than 2**32 - 1 blocks (the longest, in bytes).
    CounterLength { max: u64 },
    /// KBKDF: the counter in the middle of the fixed data, and no break location.
    KbkdfBreakLocationMissing,
    /// KBKDF: a break location given with the counter elsewhere.
    KbkdfBreakLocationIgnored,
    /// KBKDF: a break location past the end of the fixed data (found when deriving).
    KbkdfBreakLocationPastFixed,
    /// KBKDF: fixed data given with a label or context, which it replaces.
    KbkdfFixedWithLabel,
    /// KBKDF: a counter of other than 1 to 4 bytes.
    KbkdfRlen,
    /// KBKDF: no fixed data and no length of the [L] field.
    KbkdfLlenMissing,
    /// KBKDF: an [L] field of no bytes.
    KbkdfLlenZero,
    /// KBKDF: an output length that does not fit the [L] field (found when deriving).
    KbkdfLlenTooShort,
    /// KBKDF: more PRF blocks than the counter can number.
    KbkdfRounds,
    /// A derivation was asked for more output than the construction defines.
    DerivedKeyTooLong,
    /// scrypt could not get the memory its parameters need (128 * n * r bytes, reported
    /// in MiB).
    ScryptOutOfMemory { required_mib: u64 },
    /// OpenSSL could not allocate the memory Argon2's parameters ask for (in KiB).
    Argon2OutOfMemory { kib: u32 },
}

/// What the MACs report in words of their own (see `crate::mac`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MacError {
    /// A Poly1305 key other than 32 bytes.
    Poly1305KeyLength,
    /// A Poly1305 tag that does not match. Carries no detail.
    Poly1305Mismatch,
}

/// The argument rules of Fernet (see `crate::fernet`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FernetError {
    /// A key that is not 32 bytes once base64-decoded.
    KeyLength,
}

/// The argument rules of Cobblestone (see `crate::cobblestone`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CobblestoneError {
    /// A key other than the variant's length (in bytes).
    KeyLength { len: usize },
}

/// The rules for a caller's own output buffer (see `crate::buffer`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BufferError {
    /// The buffer is not exactly the output's length.
    Length { expected: usize },
    /// The buffer has no room for the output.
    TooSmall { needed: usize },
    /// A cipher context's buffer has no room for the data and one block less a byte.
    TooSmallForPayload { needed: usize },
}

/// The rules of block padding (see `crate::padding`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PaddingError {
    /// A block size in bits outside 0 to 2040.
    BlockSizeRange,
    /// A block size in bits that is not whole bytes.
    BlockSizeNotBytes,
    /// A padding context's block length outside 1 to 255 bytes.
    BlockLength,
}

/// The argument rules of HOTP and TOTP (see `crate::twofactor`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TwoFactorError {
    /// A key under 128 bits, with the key length enforced.
    KeyTooShort,
    /// A length that is not an integer.
    LengthNotInteger,
    /// A length outside 6 to 8 digits.
    Length,
    /// A digest other than SHA-1, SHA-256 or SHA-512 (or not a digest at all).
    Algorithm,
}

/// The rules of the classic cipher modes and their objects (see `crate::cipher` and
/// `crate::cipher_rules`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CipherError {
    /// A key of a size (in bits) the named algorithm does not take.
    KeySize { name: String, bits: usize },
    /// A block mode's IV or nonce that is not one block long (`len` bytes).
    IvSize {
        name: crate::cipher_rules::IvName,
        mode: String,
        len: usize,
    },
    /// An XTS tweak other than 16 bytes.
    XtsTweakLength,
    /// An XTS key other than 256 or 512 bits.
    XtsKeySize,
    /// A GCM IV outside 8 to 128 bytes.
    GcmIvLength,
    /// A GCM minimum tag length under 4 bytes.
    GcmMinTagLength,
    /// A tag shorter than the minimum the mode was given.
    TagTooShort { min: usize },
    /// A ChaCha20 nonce other than 16 bytes.
    ChaCha20NonceLength,
    /// A tag given to a mode used for encryption.
    TagWhenEncrypting,
    /// A nonce for `reset_nonce` other than 16 bytes.
    ResetNonceLength,
    /// A second tag for a decryption that already has one (from its mode).
    TagGivenTwice,
    /// A nonce or IV has a length the mode does not accept.
    InvalidNonceLength,
    /// Block-mode input was not a whole number of blocks.
    IncompleteBlock,
    /// A GCM decryption was finished without the expected tag.
    TagRequired,
    /// A tag longer than the mode produces.
    TagTooLong { max: usize },
    /// Associated data was given after the payload.
    AlreadyUpdated,
    /// ChaCha20's 32-bit block counter would wrap.
    CounterOverflow,
    /// XTS's first update was shorter than one block.
    XtsFirstUpdateTooShort,
    /// The two halves of an XTS key are equal.
    XtsDuplicatedKeys,
    /// A 512-bit AES key (two keys, for XTS) was used with another mode.
    KeyTooLongForMode,
}

/// The rules and failures of the public-key algorithms (RSA, DSA, EC, Ed/X25519 and 448).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AsymmetricError {
    /// A hash the signature scheme cannot use (an XOF for RSA, a digest OpenSSL's RSA
    /// refuses).
    UnsupportedSignatureHash(crate::hash::HashAlgorithm),
    /// A prehashed digest's length differs from its algorithm's digest size.
    PrehashedLength,
    /// A padding (or a padding and hash combination) the operation does not offer.
    UnsupportedPadding(&'static str),
    /// PSS's automatic salt length was asked of a signer.
    PssAutoWhenSigning,
    /// The digest, DigestInfo and salt do not fit in the key's modulus.
    SignatureInputTooLarge,
    /// An RSA ciphertext's length differs from the key's modulus length.
    CiphertextLength,
    /// An RSA decryption failed. Carries no detail on purpose.
    DecryptionFailed,
    /// An RSA encryption failed (the message is too long for the key and padding).
    EncryptionFailed,
    /// A public-key signature did not verify.
    BadSignature,
    /// A named curve the linked OpenSSL lacks.
    UnsupportedCurve(&'static str),
    /// A key agreement failed (keys on different curves, a low-order peer key, an
    /// all-zero shared secret).
    ExchangeFailed,
    /// RFC 6979 nonces need OpenSSL 3.2 or later.
    DeterministicSigningUnavailable,
    /// A raw X25519/X448/Ed25519/Ed448 key of the wrong length.
    RawKeyLength {
        kind: crate::ecx::RawKeyKind,
        private: bool,
    },
    /// An ML-DSA seed that is not 32 bytes.
    MlDsaSeedLength(crate::mldsa::MlDsaVariant),
    /// An ML-DSA public key of the wrong length for its parameter set.
    MlDsaPublicKeyLength(crate::mldsa::MlDsaVariant),
    /// A context string over 255 bytes (FIPS 204).
    ContextTooLong,
    /// A message representative mu that is not 64 bytes.
    MuLength,
    /// An ML-KEM seed that is not 64 bytes.
    MlKemSeedLength(crate::mlkem::MlKemVariant),
    /// An ML-KEM public key of the wrong length.
    MlKemPublicKeyLength(crate::mlkem::MlKemVariant),
    /// An ML-KEM ciphertext of the wrong length.
    MlKemCiphertext(crate::mlkem::MlKemVariant),
}

/// The argument rules of AES key wrap (see `crate::keywrap`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyWrapError {
    /// The wrapping key is not an AES key (16, 24 or 32 bytes).
    WrappingKeyLength,
    /// Plain key wrap: a key to wrap under 16 bytes.
    KeyTooShort,
    /// Plain key wrap: a key to wrap that is not whole 8-byte blocks.
    KeyNotBlocks,
    /// Padded key wrap: a key to wrap of 0 bytes, or above 2**32 - 1.
    PaddedKeyLength,
    /// A wrapped key shorter than the form's minimum (24 bytes plain, 16 padded).
    WrappedTooShort { min: usize },
    /// A wrapped key that is not whole 8-byte blocks.
    WrappedNotBlocks,
}

/// Everything that can go wrong in the core. Non-exhaustive, as areas add their own
/// sub-enums (lifted by one `From` each); what is unsupported says its kind, so callers
/// can report it without knowing every variant.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// The linked OpenSSL cannot provide this algorithm (left out of the build, or not
    /// allowed by the active providers), or the object cannot do this. Carries what kind of
    /// thing it is and its name.
    Unsupported(Unsupported, &'static str),
    /// A key's length is not one the algorithm accepts.
    InvalidKeyLength,
    /// A MAC or tag did not match. Deliberately carries no detail: the failure depends on
    /// secret data.
    VerificationFailed,
    /// Padding bytes were malformed (or the input was not a whole number of blocks).
    InvalidPadding,
    /// More output was asked of an extendable-output function than its declared length.
    SqueezeLimitExceeded,
    /// The linked OpenSSL is too old for this operation (names the minimum version).
    OpenSslTooOld(&'static str),
    /// An output buffer has the wrong size for the operation.
    OutputLength { expected: usize, actual: usize },
    /// An AEAD tag did not match: the ciphertext, associated data or tag was altered.
    /// Carries no detail, like `VerificationFailed`.
    InvalidTag,
    /// A Fernet token is malformed, tampered with, expired or from the future. Carries no
    /// detail on purpose.
    InvalidToken,
    /// A wrapped key failed its integrity check. Carries no detail.
    InvalidUnwrap,
    /// A mode's data limit was exceeded; names the kind of byte counted.
    DataLimitExceeded(&'static str),
    /// A numeric parameter or length is beyond what the implementation can take; names it.
    ParameterTooLarge(&'static str),
    /// Key material is invalid; the message says how.
    InvalidKey(&'static str),
    /// The caller's interrupt check (see `interrupt`) stopped a long computation.
    Interrupted,
    /// An HPKE rule was broken (RFC 9180).
    Hpke(crate::hpke::HpkeError),
    /// An AEAD argument rule was broken.
    Aead(AeadError),
    /// A key-wrap argument rule was broken.
    KeyWrap(KeyWrapError),
    /// A KDF argument rule was broken, or a KDF could not run.
    Kdf(KdfError),
    /// A classic cipher mode's rule was broken.
    Cipher(CipherError),
    /// A padding rule was broken.
    Padding(PaddingError),
    /// A caller's output buffer has the wrong size.
    Buffer(BufferError),
    /// A MAC's own error.
    Mac(MacError),
    /// A Cobblestone argument rule was broken.
    Cobblestone(CobblestoneError),
    /// A Fernet argument rule was broken.
    Fernet(FernetError),
    /// An HOTP or TOTP argument rule was broken.
    TwoFactor(TwoFactorError),
    /// A public-key operation's rule was broken, or the operation failed.
    Asymmetric(AsymmetricError),
    /// OpenSSL failed unexpectedly; its drained error queue.
    OpenSsl(ErrorStack),
}

impl From<KdfError> for Error {
    fn from(err: KdfError) -> Self {
        Error::Kdf(err)
    }
}

impl From<MacError> for Error {
    fn from(err: MacError) -> Self {
        Error::Mac(err)
    }
}

impl From<FernetError> for Error {
    fn from(err: FernetError) -> Self {
        Error::Fernet(err)
    }
}

impl From<CobblestoneError> for Error {
    fn from(err: CobblestoneError) -> Self {
        Error::Cobblestone(err)
    }
}

impl From<BufferError> for Error {
    fn from(err: BufferError) -> Self {
        Error::Buffer(err)
    }
}

impl From<PaddingError> for Error {
    fn from(err: PaddingError) -> Self {
        Error::Padding(err)
    }
}

impl From<TwoFactorError> for Error {
    fn from(err: TwoFactorError) -> Self {
        Error::TwoFactor(err)
    }
}

impl From<CipherError> for Error {
    fn from(err: CipherError) -> Self {
        Error::Cipher(err)
    }
}

impl From<AsymmetricError> for Error {
    fn from(err: AsymmetricError) -> Self {
        Error::Asymmetric(err)
    }
}

impl From<KeyWrapError> for Error {
    fn from(err: KeyWrapError) -> Self {
        Error::KeyWrap(err)
    }
}

impl From<AeadError> for Error {
    fn from(err: AeadError) -> Self {
        Error::Aead(err)
    }
}

impl From<ErrorStack> for Error {
    fn from(stack: ErrorStack) -> Self {
        Error::OpenSsl(stack)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Unsupported(_, name) => {
                write!(f, "{name} is not supported by this OpenSSL")
            }
            Error::InvalidKeyLength => f.write_str("invalid key length"),
            Error::VerificationFailed => f.write_str("verification failed"),
            Error::InvalidPadding => f.write_str("invalid padding"),
            Error::SqueezeLimitExceeded => f.write_str("squeeze limit exceeded"),
            Error::OpenSslTooOld(version) => write!(f, "requires OpenSSL {version} or later"),
            Error::OutputLength { expected, actual } => {
                write!(f, "output buffer is {actual} bytes, {expected} needed")
            }
            Error::InvalidTag => f.write_str("invalid tag"),
            Error::InvalidToken => f.write_str("invalid token"),
            Error::InvalidUnwrap => f.write_str("invalid wrapped key"),
            Error::ParameterTooLarge(what) => write!(f, "{what} too large"),
            Error::DataLimitExceeded(what) => write!(f, "maximum {what} limit exceeded"),
            Error::InvalidKey(what) => f.write_str(what),
            Error::Interrupted => f.write_str("interrupted"),
            Error::Hpke(err) => write!(f, "HPKE: {err}"),
            Error::Aead(err) => write!(f, "AEAD argument: {err:?}"),
            Error::KeyWrap(err) => write!(f, "key wrap argument: {err:?}"),
            Error::Kdf(err) => write!(f, "KDF: {err:?}"),
            Error::Cipher(err) => write!(f, "{err}"),
            Error::Padding(err) => write!(f, "padding argument: {err:?}"),
            Error::Buffer(err) => write!(f, "output buffer: {err:?}"),
            Error::Mac(err) => write!(f, "MAC: {err:?}"),
            Error::Cobblestone(err) => write!(f, "Cobblestone argument: {err:?}"),
            Error::Fernet(err) => write!(f, "Fernet argument: {err:?}"),
            Error::TwoFactor(err) => write!(f, "HOTP argument: {err:?}"),
            Error::Asymmetric(err) => write!(f, "{err}"),
            Error::OpenSsl(stack) => write!(f, "OpenSSL error: {stack}"),
        }
    }
}

impl fmt::Display for CipherError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CipherError::InvalidNonceLength => f.write_str("invalid nonce length"),
            CipherError::IncompleteBlock => f.write_str("input is not a whole number of blocks"),
            CipherError::TagRequired => f.write_str("authentication tag required"),
            CipherError::TagTooLong { max } => write!(f, "tag longer than {max} bytes"),
            CipherError::AlreadyUpdated => f.write_str("associated data after the payload"),
            CipherError::CounterOverflow => f.write_str("block counter would overflow"),
            CipherError::XtsFirstUpdateTooShort => {
                f.write_str("first XTS update shorter than a block")
            }
            CipherError::XtsDuplicatedKeys => f.write_str("XTS key halves are equal"),
            CipherError::KeyTooLongForMode => f.write_str("512-bit AES keys are for XTS only"),
            CipherError::KeySize { name, bits } => write!(f, "no {bits}-bit keys for {name}"),
            CipherError::IvSize { name, mode, len } => {
                write!(f, "{name:?} of {len} bytes is not one block of {mode}")
            }
            CipherError::XtsTweakLength => f.write_str("XTS tweak is not 16 bytes"),
            CipherError::XtsKeySize => f.write_str("XTS key is not 256 or 512 bits"),
            CipherError::GcmIvLength => f.write_str("GCM IV outside 8 to 128 bytes"),
            CipherError::GcmMinTagLength => f.write_str("GCM minimum tag length under 4"),
            CipherError::TagTooShort { min } => write!(f, "tag shorter than {min} bytes"),
            CipherError::ChaCha20NonceLength => f.write_str("ChaCha20 nonce is not 16 bytes"),
            CipherError::TagWhenEncrypting => f.write_str("tag given for encryption"),
            CipherError::ResetNonceLength => f.write_str("reset nonce is not 16 bytes"),
            CipherError::TagGivenTwice => f.write_str("tag given twice"),
        }
    }
}

impl fmt::Display for AsymmetricError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AsymmetricError::UnsupportedSignatureHash(hash) => {
                write!(f, "{} is not supported for this signature", hash.name())
            }
            AsymmetricError::PrehashedLength => {
                f.write_str("prehashed digest has the wrong length")
            }
            AsymmetricError::UnsupportedPadding(what) => f.write_str(what),
            AsymmetricError::PssAutoWhenSigning => {
                f.write_str("automatic PSS salt length when signing")
            }
            AsymmetricError::SignatureInputTooLarge => {
                f.write_str("digest or salt too long for the key")
            }
            AsymmetricError::CiphertextLength => {
                f.write_str("ciphertext length differs from key size")
            }
            AsymmetricError::DecryptionFailed => f.write_str("decryption failed"),
            AsymmetricError::EncryptionFailed => f.write_str("encryption failed"),
            AsymmetricError::BadSignature => f.write_str("invalid signature"),
            AsymmetricError::UnsupportedCurve(name) => write!(f, "curve {name} is not supported"),
            AsymmetricError::ExchangeFailed => f.write_str("key agreement failed"),
            AsymmetricError::DeterministicSigningUnavailable => {
                f.write_str("deterministic ECDSA needs OpenSSL 3.2")
            }
            AsymmetricError::RawKeyLength { kind, private } => write!(
                f,
                "an {} {} key is {} bytes long",
                kind.name(),
                if *private { "private" } else { "public" },
                kind.private_len()
            ),
            AsymmetricError::MlDsaSeedLength(variant) => {
                write!(f, "An {} seed is 32 bytes long", variant.name())
            }
            AsymmetricError::MlDsaPublicKeyLength(variant) => write!(
                f,
                "An {} public key is {} bytes long",
                variant.name(),
                variant.public_len()
            ),
            AsymmetricError::ContextTooLong => f.write_str("Context must be at most 255 bytes"),
            AsymmetricError::MuLength => f.write_str("mu must be 64 bytes"),
            AsymmetricError::MlKemSeedLength(variant) => {
                write!(f, "An {} seed is 64 bytes long", variant.name())
            }
            AsymmetricError::MlKemPublicKeyLength(variant) => write!(
                f,
                "An {} public key is {} bytes long",
                variant.name(),
                variant.public_len()
            ),
            AsymmetricError::MlKemCiphertext(variant) => {
                write!(f, "Invalid {} ciphertext", variant.name())
            }
        }
    }
}

impl std::error::Error for Error {}

/// Empties OpenSSL's error queue after a failure that is reported as an error of ours
/// (a bad signature, an invalid key): its entries must not reach the next caller, who
/// would take them for its own. The one place that does this.
pub(crate) fn discard_openssl_errors() {
    drop(ErrorStack::get());
}

/// The core's result type.
pub type Result<T> = std::result::Result<T, Error>;
