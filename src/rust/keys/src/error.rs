//! What can go wrong reading or writing a key encoding. The binding maps each variant to
//! the reference API's exception class and message.

use std::fmt;

/// An error from parsing, decrypting or encoding a key.
#[derive(Debug)]
pub enum KeyError {
    /// The PEM armor is malformed; carries the parser's description.
    Pem(String),
    /// A traditional PEM's encryption headers are missing or malformed; the message.
    PemHeader(&'static str),
    /// Valid PEM, but no block carries a label for this kind of key.
    NoPemBlock { private: bool },
    /// A public key's PEM label names a different structure than its content.
    WrongPemLabel,
    /// The DER is malformed or not a key structure; carries the parser's description.
    Malformed(String),
    /// A PKCS#8 key under a traditional label ("RSA PRIVATE KEY", ...), which reads it as
    /// the wrong structure; carries the parser's description.
    Pkcs8UnderTraditionalLabel(String),
    /// A structure parsed but holds values no valid key has (a wrong version, a
    /// parameter where none belongs, a private value of the wrong length).
    Invalid(&'static str),
    /// A structure refused with a message of its own, reported as it is.
    Refused(&'static str),
    /// As `Refused`, with a message naming what was found.
    RefusedWith(String),
    /// An OpenSSH key type, cipher or KDF this build does not handle; the message.
    SshUnsupported(String),
    /// An OpenSSH ECDSA key with a compressed point, which OpenSSH never writes.
    NeedUncompressedPoint,
    /// An encrypted OpenSSH key and no passphrase.
    SshPasswordMissing,
    /// A password was given for a key that is not encrypted.
    PasswordGiven,
    /// The key is encrypted and no password was given.
    PasswordMissing,
    /// The key's encryption asks for more key-derivation iterations than any real file
    /// uses (above 2**31 - 1): days of work from a few bytes of input.
    TooManyIterations,
    /// Decryption failed or produced no key: the password is most likely wrong.
    IncorrectPassword,
    /// The key is encrypted with an algorithm this build does not know; the OID.
    UnknownEncryption(String),
    /// A traditional PEM's DEK-Info names a cipher this build does not offer.
    UnsupportedPemCipher(String),
    /// The encoded key's algorithm is not one this build handles; the OID.
    UnknownKeyType(String),
    /// A named curve this build does not offer; its OID.
    UnsupportedCurve(String),
    /// Explicit curve parameters that are not those of a supported named curve.
    UnsupportedExplicitCurve,
    /// A serialization request that no rule allows (`crate::request`).
    Serialization(crate::request::SerializationError),
    /// An error of the key's own construction or of a cipher (an invalid RSA key, a
    /// point off the curve, ...).
    Backend(cryptography_backend::Error),
}

impl From<cryptography_backend::Error> for KeyError {
    fn from(err: cryptography_backend::Error) -> Self {
        KeyError::Backend(err)
    }
}

impl From<asn1::ParseError> for KeyError {
    fn from(err: asn1::ParseError) -> Self {
        KeyError::Malformed(err.to_string())
    }
}

impl From<asn1::WriteError> for KeyError {
    fn from(_: asn1::WriteError) -> Self {
        KeyError::Invalid("key too large to encode")
    }
}

impl fmt::Display for KeyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            KeyError::Pem(detail) => write!(f, "malformed PEM: {detail}"),
            KeyError::PemHeader(what) => f.write_str(what),
            KeyError::NoPemBlock { private } => write!(
                f,
                "no PEM block for a {} key",
                if *private { "private" } else { "public" }
            ),
            KeyError::WrongPemLabel => f.write_str("PEM label does not match the key"),
            KeyError::Malformed(detail) => write!(f, "malformed key: {detail}"),
            KeyError::Pkcs8UnderTraditionalLabel(detail) => {
                write!(f, "PKCS#8 key under a traditional PEM label: {detail}")
            }
            KeyError::Invalid(what) => write!(f, "invalid key: {what}"),
            KeyError::Refused(message) => f.write_str(message),
            KeyError::RefusedWith(message) | KeyError::SshUnsupported(message) => {
                f.write_str(message)
            }
            KeyError::NeedUncompressedPoint => f.write_str("Need uncompressed point"),
            KeyError::SshPasswordMissing => f.write_str("encrypted OpenSSH key and no password"),
            KeyError::PasswordGiven => f.write_str("password given for an unencrypted key"),
            KeyError::PasswordMissing => f.write_str("encrypted key and no password"),
            KeyError::IncorrectPassword => f.write_str("incorrect password"),
            KeyError::Serialization(rule) => write!(f, "serialization refused: {rule:?}"),
            KeyError::TooManyIterations => f.write_str("too many key-derivation iterations"),
            KeyError::UnknownEncryption(oid) => write!(f, "unknown key encryption {oid}"),
            KeyError::UnsupportedPemCipher(name) => write!(f, "unsupported PEM cipher {name}"),
            KeyError::UnknownKeyType(oid) => write!(f, "unknown key type {oid}"),
            KeyError::UnsupportedCurve(oid) => write!(f, "curve {oid} is not supported"),
            KeyError::UnsupportedExplicitCurve => f.write_str("explicit curve not supported"),
            KeyError::Backend(err) => err.fmt(f),
        }
    }
}

impl std::error::Error for KeyError {}

pub type KeyResult<T> = Result<T, KeyError>;
