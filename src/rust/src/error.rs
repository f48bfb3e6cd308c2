//! The one place where core errors become Python exceptions.

use cryptography_backend::aead::AeadKind;
use cryptography_backend::cipher_rules::IvName;
use cryptography_backend::hpke::HpkeError;
use cryptography_backend::{
    AeadError, AsymmetricError, BufferError, CipherError, CobblestoneError, Error, FernetError,
    KdfError, KeyWrapError, MacError, PaddingError, TwoFactorError, Unsupported,
};
use cryptography_keys::request::SerializationError;
use cryptography_keys::KeyError;
use pyo3::exceptions::{PyMemoryError, PyOverflowError, PyTypeError, PyValueError};
use pyo3::prelude::*;

pyo3::import_exception!(cryptography.exceptions, AlreadyFinalized);
pyo3::import_exception!(cryptography.exceptions, AlreadyUpdated);
pyo3::import_exception!(cryptography.exceptions, InvalidTag);
pyo3::import_exception!(cryptography.exceptions, NotYetFinalized);
pyo3::import_exception!(cryptography.exceptions, InternalError);
pyo3::import_exception!(cryptography.exceptions, InvalidSignature);
pub(crate) use InvalidSignature as InvalidSignatureError;
pyo3::import_exception!(cryptography.exceptions, UnsupportedAlgorithm);
/// `cryptography.fernet.InvalidToken`, named apart from `cryptography.exceptions`' ones.
mod fernet_exceptions {
    pyo3::import_exception!(cryptography.fernet, InvalidToken);
}
pub(crate) use fernet_exceptions::InvalidToken as FernetInvalidToken;

/// `cryptography.exceptions.InvalidKey`, raised by the KDFs' `verify`.
pub(crate) use InvalidKey as KdfInvalidKey;
pyo3::import_exception!(cryptography.exceptions, InvalidKey);

/// `cryptography.hazmat.primitives.keywrap.InvalidUnwrap`.
mod keywrap_exceptions {
    pyo3::import_exception!(cryptography.hazmat.primitives.keywrap, InvalidUnwrap);
}
pub(crate) use keywrap_exceptions::InvalidUnwrap as KeywrapInvalidUnwrap;

/// The `_Reasons` member attached to an `UnsupportedAlgorithm`.
#[derive(Clone, Copy)]
pub(crate) enum Reason {
    UnsupportedHash,
    UnsupportedCipher,
    /// The linked OpenSSL lacks a whole kind of algorithm (Argon2 before 3.2).
    BackendMissingInterface,
    UnsupportedPadding,
    UnsupportedMgf,
    UnsupportedPublicKeyAlgorithm,
    UnsupportedEllipticCurve,
    UnsupportedExchangeAlgorithm,
    UnsupportedSerialization,
    UnsupportedMac,
}

impl From<Unsupported> for Reason {
    /// The reason each kind of unsupported thing is reported with. Exhaustive: a new kind
    /// must be given its reason here.
    fn from(kind: Unsupported) -> Self {
        match kind {
            Unsupported::Hash => Reason::UnsupportedHash,
            Unsupported::Cipher => Reason::UnsupportedCipher,
            Unsupported::Mac => Reason::UnsupportedMac,
            Unsupported::PublicKey => Reason::UnsupportedPublicKeyAlgorithm,
            Unsupported::Exchange => Reason::UnsupportedExchangeAlgorithm,
            Unsupported::BackendInterface | Unsupported::Operation => {
                Reason::BackendMissingInterface
            }
        }
    }
}

impl Reason {
    fn member_name(self) -> &'static str {
        match self {
            Reason::UnsupportedHash => "UNSUPPORTED_HASH",
            Reason::UnsupportedCipher => "UNSUPPORTED_CIPHER",
            Reason::BackendMissingInterface => "BACKEND_MISSING_INTERFACE",
            Reason::UnsupportedPadding => "UNSUPPORTED_PADDING",
            Reason::UnsupportedMgf => "UNSUPPORTED_MGF",
            Reason::UnsupportedPublicKeyAlgorithm => "UNSUPPORTED_PUBLIC_KEY_ALGORITHM",
            Reason::UnsupportedEllipticCurve => "UNSUPPORTED_ELLIPTIC_CURVE",
            Reason::UnsupportedExchangeAlgorithm => "UNSUPPORTED_EXCHANGE_ALGORITHM",
            Reason::UnsupportedSerialization => "UNSUPPORTED_SERIALIZATION",
            Reason::UnsupportedMac => "UNSUPPORTED_MAC",
        }
    }
}

/// An `UnsupportedAlgorithm` exception with its `_Reasons` code.
pub(crate) fn unsupported(py: Python<'_>, message: String, reason: Reason) -> PyErr {
    let reason = py
        .import("cryptography.exceptions")
        .and_then(|module| module.getattr("_Reasons"))
        .and_then(|reasons| reasons.getattr(reason.member_name()));
    match reason {
        Ok(reason) => UnsupportedAlgorithm::new_err((message, reason.unbind())),
        Err(err) => err,
    }
}

/// `UnsupportedAlgorithm(message)` without a reason, as the reference raises it for
/// X.509 algorithm identifiers it does not know.
pub(crate) fn unsupported_plain(_py: Python<'_>, message: String) -> PyErr {
    UnsupportedAlgorithm::new_err(message)
}

/// A failure in a binding method: from the core, or from Python itself.
pub(crate) enum CryptoError {
    Core(Error),
    Python(PyErr),
    /// From the key encodings.
    Key(KeyError),
}

pub(crate) type CryptoResult<T> = Result<T, CryptoError>;

impl From<Error> for CryptoError {
    fn from(err: Error) -> Self {
        CryptoError::Core(err)
    }
}

impl From<KeyError> for CryptoError {
    fn from(err: KeyError) -> Self {
        match err {
            KeyError::Backend(err) => CryptoError::Core(err),
            other => CryptoError::Key(other),
        }
    }
}

impl From<PyErr> for CryptoError {
    fn from(err: PyErr) -> Self {
        CryptoError::Python(err)
    }
}

impl From<CryptoError> for PyErr {
    fn from(err: CryptoError) -> PyErr {
        let err = match err {
            CryptoError::Python(err) => return err,
            CryptoError::Key(err) => return key_error(err),
            CryptoError::Core(err) => err,
        };
        // Every variant has its Python meaning here; the core's enum is non-exhaustive, so
        // a variant added without one is reported as an internal error, with its text.
        match err {
            Error::Unsupported(kind, name) => Python::attach(|py| {
                unsupported(
                    py,
                    format!("{name} is not supported by this backend."),
                    Reason::from(kind),
                )
            }),
            Error::InvalidKeyLength => PyValueError::new_err("Invalid key length."),
            Error::VerificationFailed => {
                InvalidSignature::new_err("Signature did not match digest.")
            }
            Error::InvalidPadding => PyValueError::new_err("Invalid padding bytes."),
            Error::SqueezeLimitExceeded => {
                PyValueError::new_err("Exceeded maximum squeeze limit specified by digest_size.")
            }
            Error::OpenSslTooOld(version) => Python::attach(|py| {
                unsupported(
                    py,
                    format!("This operation requires OpenSSL {version} or later."),
                    Reason::UnsupportedHash,
                )
            }),
            Error::OutputLength { expected, actual } => PyValueError::new_err(format!(
                "Output buffer has the wrong length: {actual} bytes given, {expected} needed."
            )),
            Error::InvalidTag => InvalidTag::new_err(()),
            Error::InvalidToken => FernetInvalidToken::new_err(()),
            Error::InvalidUnwrap => KeywrapInvalidUnwrap::new_err(()),
            Error::DataLimitExceeded(what) => {
                PyValueError::new_err(format!("Exceeded maximum {what} limit"))
            }
            Error::ParameterTooLarge(what) => {
                PyOverflowError::new_err(format!("{what} is too large"))
            }
            Error::InvalidKey(message) => PyValueError::new_err(message),
            Error::Interrupted => crate::interrupt::take_pending(),
            Error::Aead(err) => aead_error(err),
            Error::KeyWrap(err) => key_wrap_error(err),
            Error::Cipher(err) => cipher_error(err),
            Error::Mac(MacError::Poly1305KeyLength) => {
                PyValueError::new_err("A poly1305 key is 32 bytes long")
            }
            Error::Mac(MacError::Poly1305Mismatch) => {
                InvalidSignature::new_err("Value did not match computed tag.")
            }
            Error::Fernet(FernetError::KeyLength) => {
                PyValueError::new_err("Fernet key must be 32 url-safe base64-encoded bytes.")
            }
            Error::Cobblestone(CobblestoneError::KeyLength { len }) => {
                PyValueError::new_err(format!("key must be {len} bytes."))
            }
            Error::Buffer(err) => PyValueError::new_err(match err {
                BufferError::Length { expected } => format!("buffer must be {expected} bytes"),
                BufferError::TooSmall { needed } => {
                    format!("buffer must be at least {needed} bytes")
                }
                BufferError::TooSmallForPayload { needed } => {
                    format!("buffer must be at least {needed} bytes for this payload")
                }
            }),
            Error::Padding(err) => PyValueError::new_err(match err {
                PaddingError::BlockSizeRange => "block_size must be in range(0, 2041).",
                PaddingError::BlockSizeNotBytes => "block_size must be a multiple of 8.",
                PaddingError::BlockLength => {
                    "block_size must be a multiple of 8 in range(8, 2041)."
                }
            }),
            Error::TwoFactor(err) => match err {
                TwoFactorError::KeyTooShort => {
                    PyValueError::new_err("Key length has to be at least 128 bits.")
                }
                TwoFactorError::LengthNotInteger => {
                    PyTypeError::new_err("Length parameter must be an integer type.")
                }
                TwoFactorError::Length => {
                    PyValueError::new_err("Length of HOTP has to be between 6 and 8.")
                }
                TwoFactorError::Algorithm => {
                    PyTypeError::new_err("Algorithm must be SHA1, SHA256 or SHA512.")
                }
            },
            Error::Asymmetric(err) => asymmetric_error(err),
            Error::Kdf(err) => kdf_error(err),
            Error::Hpke(err) => hpke_error(err),
            Error::OpenSsl(stack) => {
                let codes: Vec<u64> = stack.errors().iter().map(|e| e.code()).collect();
                InternalError::new_err((
                    format!("Unknown OpenSSL error. This error is commonly encountered when another library is not cleaning up the OpenSSL error stack. {stack}"),
                    codes,
                ))
            }
            other => InternalError::new_err((other.to_string(), Vec::<u64>::new())),
        }
    }
}

/// The exception of a key-wrap argument rule, in the reference's words.
fn cipher_error(err: CipherError) -> PyErr {
    match err {
        CipherError::InvalidNonceLength => PyValueError::new_err("Invalid nonce length."),
        CipherError::IncompleteBlock => PyValueError::new_err(
            "The length of the provided data is not a multiple of the block length.",
        ),
        CipherError::TagRequired => {
            PyValueError::new_err("Authentication tag must be provided when decrypting.")
        }
        CipherError::TagTooLong { max } => PyValueError::new_err(format!(
            "Authentication tag cannot be more than {max} bytes."
        )),
        CipherError::AlreadyUpdated => AlreadyUpdated::new_err("Update has been called on this context."),
        CipherError::CounterOverflow => PyValueError::new_err(
            "Exceeded the maximum number of bytes that can be encrypted with ChaCha20 for this nonce. The 32-bit counter portion of the nonce would overflow.",
        ),
        CipherError::XtsFirstUpdateTooShort => PyValueError::new_err(
            "In XTS mode you must supply at least a full block in the first update call. For AES this is 16 bytes.",
        ),
        CipherError::XtsDuplicatedKeys => {
            PyValueError::new_err("In XTS mode duplicated keys are not allowed")
        }
        CipherError::KeyTooLongForMode => PyValueError::new_err(
            "Only 128, 192, and 256 bit keys are allowed for this AES mode",
        ),
        CipherError::KeySize { name, bits } => {
            PyValueError::new_err(format!("Invalid key size ({bits}) for {name}."))
        }
        CipherError::IvSize { name, mode, len } => {
            let name = match name {
                IvName::Iv => "IV",
                IvName::Nonce => "nonce",
            };
            PyValueError::new_err(format!("Invalid {name} size ({len}) for {mode}."))
        }
        CipherError::XtsTweakLength => PyValueError::new_err("tweak must be 128-bits (16 bytes)"),
        CipherError::XtsKeySize => PyValueError::new_err(
            "The XTS specification requires a 256-bit key for AES-128-XTS and 512-bit key for \
             AES-256-XTS",
        ),
        CipherError::GcmIvLength => PyValueError::new_err(
            "initialization_vector must be between 8 and 128 bytes (64 and 1024 bits).",
        ),
        CipherError::GcmMinTagLength => PyValueError::new_err("min_tag_length must be >= 4"),
        CipherError::TagTooShort { min } => PyValueError::new_err(format!(
            "Authentication tag must be {min} bytes or longer."
        )),
        CipherError::ChaCha20NonceLength => {
            PyValueError::new_err("nonce must be 128-bits (16 bytes)")
        }
        CipherError::TagWhenEncrypting => {
            PyValueError::new_err("Authentication tag must be None when encrypting.")
        }
        CipherError::ResetNonceLength => PyValueError::new_err("Nonce must be 16 bytes long"),
        CipherError::TagGivenTwice => {
            PyValueError::new_err("Authentication tag must be provided only once.")
        }
    }
}

fn asymmetric_error(err: AsymmetricError) -> PyErr {
    match err {
        AsymmetricError::UnsupportedSignatureHash(hash) => Python::attach(|py| {
            unsupported(
                py,
                format!(
                    "{} is not supported by this backend for RSA signing.",
                    hash.name()
                ),
                Reason::UnsupportedHash,
            )
        }),
        AsymmetricError::PrehashedLength => PyValueError::new_err(
            "The provided data must be the same length as the hash algorithm's digest size.",
        ),
        AsymmetricError::UnsupportedPadding(message) => Python::attach(|py| {
            unsupported(py, message.to_string(), Reason::UnsupportedPadding)
        }),
        AsymmetricError::PssAutoWhenSigning => PyValueError::new_err(
            "PSS salt length can only be set to Auto when verifying",
        ),
        AsymmetricError::SignatureInputTooLarge => PyValueError::new_err(
            "Digest or salt length too long for key size. Use a larger key or shorter salt length if you are specifying a PSS salt",
        ),
        AsymmetricError::CiphertextLength => {
            PyValueError::new_err("Ciphertext length must be equal to key size.")
        }
        AsymmetricError::DecryptionFailed => PyValueError::new_err("Decryption failed"),
        AsymmetricError::EncryptionFailed => PyValueError::new_err("Encryption failed"),
        AsymmetricError::BadSignature => InvalidSignature::new_err(()),
        AsymmetricError::UnsupportedCurve(name) => Python::attach(|py| {
            unsupported(
                py,
                format!("Curve {name} is not supported"),
                Reason::UnsupportedEllipticCurve,
            )
        }),
        AsymmetricError::ExchangeFailed => PyValueError::new_err("Error computing shared key."),
        AsymmetricError::DeterministicSigningUnavailable => Python::attach(|py| {
            unsupported(
                py,
                "ECDSA with deterministic signature (RFC 6979) is not supported by this version of OpenSSL.".to_string(),
                Reason::UnsupportedPublicKeyAlgorithm,
            )
        }),
        AsymmetricError::RawKeyLength { kind, private } => PyValueError::new_err(format!(
            "An {} {} key is {} bytes long",
            kind.name(),
            if private { "private" } else { "public" },
            kind.private_len()
        )),
        // The core's messages are the reference's for these.
        AsymmetricError::MlDsaSeedLength(_)
        | AsymmetricError::MlDsaPublicKeyLength(_)
        | AsymmetricError::ContextTooLong
        | AsymmetricError::MuLength
        | AsymmetricError::MlKemSeedLength(_)
        | AsymmetricError::MlKemPublicKeyLength(_)
        | AsymmetricError::MlKemCiphertext(_) => PyValueError::new_err(err.to_string()),
    }
}

fn kdf_error(err: KdfError) -> PyErr {
    PyValueError::new_err(match err {
        KdfError::Pbkdf2Iterations | KdfError::Argon2Iterations => {
            "iterations must be greater than or equal to 1."
        }
        KdfError::ScryptN => "n must be greater than 1 and be a power of 2.",
        KdfError::ScryptR => "r must be greater than or equal to 1.",
        KdfError::ScryptP => "p must be greater than or equal to 1.",
        KdfError::Argon2Salt => "salt must be at least 8 bytes",
        KdfError::Argon2Length => "length must be greater than or equal to 4.",
        KdfError::Argon2Lanes => "lanes must be greater than or equal to 1.",
        KdfError::Argon2Memory => "memory_cost must be an integer >= 8 * lanes.",
        KdfError::KeyMismatch => return KdfInvalidKey::new_err("Keys do not match."),
        KdfError::HkdfDigestTooLarge => "Digest size too large, would cause overflow",
        KdfError::HkdfLength { max } => {
            return PyValueError::new_err(format!("Cannot derive keys larger than {max} octets."))
        }
        KdfError::KbkdfLlenTooShort => return PyOverflowError::new_err("int too big to convert"),
        KdfError::KbkdfBreakLocationMissing => "Please specify a break_location",
        KdfError::KbkdfBreakLocationIgnored => {
            "break_location is ignored when location is not CounterLocation.MiddleFixed"
        }
        KdfError::KbkdfBreakLocationPastFixed => "break_location offset > len(fixed)",
        KdfError::KbkdfFixedWithLabel => {
            "When supplying fixed data, label and context are ignored."
        }
        KdfError::KbkdfRlen => "rlen must be between 1 and 4",
        KdfError::KbkdfLlenMissing => "Please specify an llen",
        KdfError::KbkdfLlenZero => "llen must be non-zero",
        KdfError::KbkdfRounds => "There are too many iterations.",
        // The reference says "bits" of what is a byte count.
        KdfError::CounterLength { max } => {
            return PyValueError::new_err(format!("Cannot derive keys larger than {max} bits."))
        }
        KdfError::Argon2OutOfMemory { kib } => {
            return PyMemoryError::new_err(format!(
                "Not enough memory to derive key. These parameters require {kib}KiB of memory."
            ))
        }
        KdfError::DerivedKeyTooLong => "Cannot derive keys that long with this function.",
        KdfError::ScryptOutOfMemory { required_mib } => {
            return PyMemoryError::new_err(format!(
            "Not enough memory to derive key. These parameters require {required_mib}MB of memory."
        ))
        }
    })
}

fn key_wrap_error(err: KeyWrapError) -> PyErr {
    match err {
        KeyWrapError::WrappingKeyLength => {
            PyValueError::new_err("The wrapping key must be a valid AES key length")
        }
        KeyWrapError::KeyTooShort => {
            PyValueError::new_err("The key to wrap must be at least 16 bytes")
        }
        KeyWrapError::KeyNotBlocks => {
            PyValueError::new_err("The key to wrap must be a multiple of 8 bytes")
        }
        KeyWrapError::PaddedKeyLength => {
            PyValueError::new_err("key_to_wrap must be between 1 and 2^32 bytes")
        }
        KeyWrapError::WrappedTooShort { min } => {
            KeywrapInvalidUnwrap::new_err(format!("Must be at least {min} bytes"))
        }
        KeyWrapError::WrappedNotBlocks => {
            KeywrapInvalidUnwrap::new_err("The wrapped key must be a multiple of 8 bytes")
        }
    }
}

/// The exception of an AEAD argument rule, in the reference's words for each class.
fn aead_error(err: AeadError) -> PyErr {
    let message = match err {
        AeadError::KeyLength(kind) => match kind {
            AeadKind::AesGcm => "AESGCM key must be 128, 192, or 256 bits.",
            AeadKind::ChaCha20Poly1305 => "ChaCha20Poly1305 key must be 32 bytes.",
            AeadKind::AesGcmSiv => "AES-GCM-SIV key must be 128, 192 or 256 bits.",
            AeadKind::AesOcb3 => "AESOCB3 key must be 128, 192, or 256 bits.",
            AeadKind::AesCcm => "AESCCM key must be 128, 192, or 256 bits.",
            AeadKind::AesSiv => "AESSIV key must be 256, 384, or 512 bits.",
            AeadKind::XChaCha20Poly1305 => "XChaCha20Poly1305 key must be 32 bytes.",
        },
        AeadError::NonceLength(kind) => match kind {
            AeadKind::AesGcm => "Nonce must be between 8 and 128 bytes",
            AeadKind::ChaCha20Poly1305 => "Nonce must be 12 bytes",
            AeadKind::AesGcmSiv => "Nonce must be 12 bytes long",
            AeadKind::AesOcb3 => "Nonce must be between 12 and 15 bytes",
            AeadKind::AesCcm => "Nonce must be between 7 and 13 bytes",
            AeadKind::AesSiv => "AES-SIV takes no nonce",
            AeadKind::XChaCha20Poly1305 => "Nonce must be 24 bytes",
        },
        AeadError::GeneratedKeyBits(AeadKind::AesSiv) => "bit_length must be 256, 384, or 512",
        AeadError::GeneratedKeyBits(_) => "bit_length must be 128, 192, or 256",
        AeadError::TagLength => "Invalid tag_length",
        AeadError::DataTooLongForNonce => "Data too long for nonce",
        AeadError::DataTooLong => {
            return PyOverflowError::new_err(
                "Data or associated data too long. Max 2**31 - 1 bytes",
            )
        }
    };
    PyValueError::new_err(message)
}

/// The exception of a key encoding error, in the reference API's words.
fn key_error(err: KeyError) -> PyErr {
    const PEM_FAQ: &str = "Unable to load PEM file. See https://cryptography.io/en/latest/faq/#why-can-t-i-import-my-pem-file for more details.";
    const DESERIALIZE: &str = "Could not deserialize key data. The data may be in an incorrect format, it may be encrypted with an unsupported algorithm, or it may be an unsupported key type (e.g. EC curves with explicit parameters).";
    let unsupported_with =
        |message: String, reason: Reason| Python::attach(|py| unsupported(py, message, reason));
    match err {
        KeyError::Pem(detail) => PyValueError::new_err(format!("{PEM_FAQ} {detail}")),
        KeyError::PemHeader(message) => PyValueError::new_err(message),
        KeyError::NoPemBlock { private: true } => PyValueError::new_err(
            "Valid PEM but no BEGIN/END delimiters for a private key found. Are you sure this is a private key?",
        ),
        KeyError::NoPemBlock { private: false } => PyValueError::new_err(
            "Valid PEM but no BEGIN PUBLIC KEY/END PUBLIC KEY delimiters. Are you sure this is a public key?",
        ),
        KeyError::WrongPemLabel => PyValueError::new_err("Incorrect PEM delimiter for key type."),
        KeyError::Malformed(detail) => {
            PyValueError::new_err(format!("{DESERIALIZE} Details: {detail}"))
        }
        KeyError::Pkcs8UnderTraditionalLabel(detail) => Python::attach(|py| {
            let err = PyValueError::new_err(format!("{DESERIALIZE} Details: {detail}"));
            // Exception notes exist from Python 3.11; older interpreters go without.
            let value = err.value(py);
            if value.hasattr("add_note").unwrap_or(false) {
                let note = "If your key is in PKCS#8 format, you must use BEGIN/END PRIVATE KEY PEM delimiters";
                if let Err(failed) = value.call_method1("add_note", (note,)) {
                    return failed;
                }
            }
            err
        }),
        KeyError::Invalid(_) => PyValueError::new_err("Invalid key"),
        KeyError::Refused(message) => PyValueError::new_err(message),
        KeyError::RefusedWith(message) => PyValueError::new_err(message),
        // The reference raises these without a reason.
        KeyError::SshUnsupported(message) => UnsupportedAlgorithm::new_err(message),
        KeyError::NeedUncompressedPoint => {
            pyo3::exceptions::PyNotImplementedError::new_err("Need uncompressed point")
        }
        KeyError::SshPasswordMissing => {
            PyTypeError::new_err("Key is password-protected, but password was not provided.")
        }
        KeyError::PasswordGiven => {
            PyTypeError::new_err("Password was given but private key is not encrypted.")
        }
        KeyError::PasswordMissing => {
            PyTypeError::new_err("Password was not given but private key is encrypted")
        }
        KeyError::TooManyIterations => PyValueError::new_err(
            "The key's encryption asks for more than 2**31 - 1 key-derivation iterations; it is refused.",
        ),
        KeyError::IncorrectPassword => {
            PyValueError::new_err("Incorrect password, could not decrypt key")
        }
        KeyError::UnknownEncryption(oid) => {
            PyValueError::new_err(format!("Unknown key encryption algorithm: {oid}"))
        }
        KeyError::UnsupportedPemCipher(_) => {
            PyValueError::new_err("Key encrypted with unknown cipher.")
        }
        KeyError::UnknownKeyType(oid) => unsupported_with(
            format!("Unknown key type: {oid}"),
            Reason::UnsupportedPublicKeyAlgorithm,
        ),
        KeyError::UnsupportedCurve(oid) => unsupported_with(
            format!("Curve {oid} is not supported"),
            Reason::UnsupportedEllipticCurve,
        ),
        KeyError::UnsupportedExplicitCurve => unsupported_with(
            "ECDSA keys with explicit parameters are only supported when they map to secp256r1, secp384r1, or secp521r1. No custom curves are supported.".to_string(),
            Reason::UnsupportedEllipticCurve,
        ),
        KeyError::Serialization(rule) => serialization_error(rule),
        KeyError::Backend(err) => CryptoError::Core(err).into(),
    }
}

/// The exception of a refused serialization request, in the reference's words.
fn serialization_error(rule: SerializationError) -> PyErr {
    let message = match rule {
        SerializationError::RawPrivate => "When using Raw both encoding and format must be Raw and encryption_algorithm must be NoEncryption()",
        SerializationError::RawPublic => "When using Raw both encoding and format must be Raw",
        SerializationError::FormatInvalid => "format is invalid with this key",
        SerializationError::OpenSshPrivateNeedsPem => {
            "OpenSSH private key format can only be used with PEM encoding"
        }
        SerializationError::OpenSshPublicPairing => {
            "OpenSSH format must be used with OpenSSH encoding"
        }
        SerializationError::TooManyRounds => "kdf_rounds must fit in 32 bits for OpenSSH keys",
        SerializationError::PemOrDer => {
            return PyTypeError::new_err("encoding must be Encoding.DER or Encoding.PEM")
        }
        SerializationError::UnsupportedEncryption => "Unsupported encryption type",
        SerializationError::DerTraditionalEncrypted => {
            "Encryption is not supported for DER encoded traditional OpenSSL keys"
        }
        SerializationError::PasswordTooLong => {
            "Passwords longer than 1023 bytes are not supported by this backend"
        }
    };
    PyValueError::new_err(message)
}

/// Warns with `CryptographyDeprecationWarning`, pointing at the caller's line.
pub(crate) fn warn_deprecation(py: Python<'_>, message: &std::ffi::CStr) -> PyResult<()> {
    let category = crate::types::DEPRECATION_WARNING.get(py)?;
    PyErr::warn(py, category, message, 1)
}

/// Raised when a finished context is used again.
pub(crate) fn already_finalized() -> PyErr {
    AlreadyFinalized::new_err("Context was already finalized.")
}

/// The errors of reading and writing through a `cryptography.hazmat.asn1` schema: all
/// `ValueError`s, with the core's text.
pub(crate) fn declarative_error(err: cryptography_asn1::declarative::Error) -> PyErr {
    PyValueError::new_err(err.to_string())
}

/// `cryptography.hazmat.primitives.hpke.MessageLimitReachedError`, RFC 9180's name for a
/// context whose sequence number is spent.
mod hpke_exceptions {
    pyo3::import_exception!(
        cryptography.hazmat.primitives.hpke,
        MessageLimitReachedError
    );
}

fn hpke_error(err: HpkeError) -> PyErr {
    match err {
        HpkeError::MessageLimitReached => hpke_exceptions::MessageLimitReachedError::new_err(
            "The context's message limit is reached",
        ),
        HpkeError::WrongKeyType => PyTypeError::new_err("The key does not match the suite's KEM"),
        HpkeError::InconsistentPsk => {
            PyValueError::new_err("psk and psk_id must be given together, and not empty")
        }
        HpkeError::InputTooLong => {
            PyValueError::new_err("info, psk and psk_id are limited to 65,535 bytes with this KDF")
        }
        HpkeError::ExportTooLong => {
            PyValueError::new_err("length is more than the suite's KDF can export")
        }
        HpkeError::ExportOnly => {
            PyValueError::new_err("The export-only AEAD cannot seal or open messages")
        }
        HpkeError::AuthNotSupported => {
            PyValueError::new_err("The suite's KEM has no authenticated mode")
        }
        HpkeError::InvalidEncapsulatedKey => {
            PyValueError::new_err("The encapsulated key is not one of the suite's KEM")
        }
        HpkeError::DeriveKeyPairError => {
            PyValueError::new_err("No key pair can be derived from the input")
        }
    }
}
