//! Which serializations a key can be asked for. `private_bytes` and `public_bytes` take
//! an encoding, a format and (private keys) an encryption, and most combinations are
//! refused; the rules live here, checked in the reference's order, so that only a valid
//! request reaches the encoders.

use zeroize::Zeroizing;

use crate::error::{KeyError, KeyResult};
use crate::{Encoding, PrivateFormat, PrivateKeyRef, PublicFormat, PublicKeyRef};

/// The encodings the API names, including those no key format here writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ApiEncoding {
    Pem,
    Der,
    OpenSsh,
    Raw,
    X962,
    Smime,
}

/// The private-key formats the API names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ApiPrivateFormat {
    Pkcs8,
    TraditionalOpenSsl,
    Raw,
    OpenSsh,
    Pkcs12,
}

/// The public-key formats the API names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ApiPublicFormat {
    SubjectPublicKeyInfo,
    Pkcs1,
    OpenSsh,
    Raw,
    CompressedPoint,
    UncompressedPoint,
}

/// What the caller's encryption object asks for.
#[derive(Clone, Copy, Debug)]
pub enum Encryption<'a> {
    None,
    /// `BestAvailableEncryption(password)`.
    Password(&'a [u8]),
    /// A builder's settings: for its format only (OpenSSH or PKCS#12), with its
    /// password and KDF rounds.
    Custom {
        format: ApiPrivateFormat,
        password: &'a [u8],
        kdf_rounds: Option<u64>,
    },
    /// An encryption object of a class this library does not know.
    Unknown,
}

/// A refused combination, by rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SerializationError {
    /// Raw encoding or format with anything but Raw, Raw and no encryption.
    RawPrivate,
    /// Raw encoding or format with anything but Raw and Raw.
    RawPublic,
    /// A format the key type has no form in.
    FormatInvalid,
    /// The OpenSSH private format in an encoding other than PEM.
    OpenSshPrivateNeedsPem,
    /// The OpenSSH public format or encoding without the other.
    OpenSshPublicPairing,
    /// KDF rounds beyond OpenSSH's 32-bit field.
    TooManyRounds,
    /// An encoding other than PEM or DER for a structured format.
    PemOrDer,
    /// A builder's encryption with a format that has no use for it.
    UnsupportedEncryption,
    /// Encryption of a traditional key in DER, which has nowhere to put it.
    DerTraditionalEncrypted,
    /// A password above `MAX_PASSWORD_LEN` bytes.
    PasswordTooLong,
}

impl From<SerializationError> for KeyError {
    fn from(err: SerializationError) -> Self {
        KeyError::Serialization(err)
    }
}

/// The longest password a key is encrypted with (the reference's limit).
pub const MAX_PASSWORD_LEN: usize = 1023;

/// A valid request for a private key's bytes.
#[derive(Clone, Copy, Debug)]
pub enum PrivateRequest<'a> {
    /// The raw private bytes (X25519, X448, Ed25519, Ed448).
    Raw,
    Encoded {
        encoding: Encoding,
        format: PrivateFormat,
        password: Option<&'a [u8]>,
    },
    /// An OpenSSH key file, encrypted under a passphrase (with bcrypt_pbkdf rounds) or
    /// not.
    OpenSsh(Option<crate::ssh::private::Protection<'a>>),
}

/// Checks that OpenSSH has a form for the key: a key type without one (X25519, X448,
/// Ed448, DH) is the wrong format; an EC key on a curve OpenSSH lacks is refused by name.
fn check_openssh_form(key: crate::PublicKeyRef<'_>) -> KeyResult<()> {
    match key {
        crate::PublicKeyRef::Rsa(_) | crate::PublicKeyRef::Dsa(_) | crate::PublicKeyRef::Ec(_) => {
            crate::ssh::KeyType::of(key).map(|_| ())
        }
        crate::PublicKeyRef::Raw(raw)
            if raw.kind() == cryptography_backend::ecx::RawKeyKind::Ed25519 =>
        {
            Ok(())
        }
        _ => Err(SerializationError::FormatInvalid.into()),
    }
}

impl<'a> PrivateRequest<'a> {
    pub fn new(
        key: PrivateKeyRef<'_>,
        encoding: ApiEncoding,
        format: ApiPrivateFormat,
        encryption: Encryption<'a>,
    ) -> KeyResult<Self> {
        let password_of = |encryption: Encryption<'a>| match encryption {
            Encryption::Password(password) => Some(password),
            Encryption::Custom { password, .. } => Some(password),
            Encryption::None | Encryption::Unknown => None,
        };
        if let Some(password) = password_of(encryption) {
            if password.len() > MAX_PASSWORD_LEN {
                return Err(SerializationError::PasswordTooLong.into());
            }
        }
        // Keys that are byte strings (and ML-DSA's seed) have the Raw form.
        let raw_key = matches!(
            key,
            PrivateKeyRef::Raw(_) | PrivateKeyRef::MlDsa(_) | PrivateKeyRef::MlKem(_)
        );
        if raw_key && (encoding == ApiEncoding::Raw || format == ApiPrivateFormat::Raw) {
            if encoding != ApiEncoding::Raw
                || format != ApiPrivateFormat::Raw
                || !matches!(encryption, Encryption::None)
            {
                return Err(SerializationError::RawPrivate.into());
            }
            return Ok(PrivateRequest::Raw);
        }
        let format = match format {
            ApiPrivateFormat::Pkcs8 => PrivateFormat::Pkcs8,
            // DH keys, like raw ones and ML-DSA's, have no traditional form.
            ApiPrivateFormat::TraditionalOpenSsl
                if !raw_key && !matches!(key, PrivateKeyRef::Dh(_)) =>
            {
                PrivateFormat::Traditional
            }
            // The encoding rule first: it holds whatever this build can write.
            ApiPrivateFormat::OpenSsh if encoding != ApiEncoding::Pem => {
                return Err(SerializationError::OpenSshPrivateNeedsPem.into())
            }
            ApiPrivateFormat::OpenSsh => return Self::openssh(key, encryption),
            _ => return Err(SerializationError::FormatInvalid.into()),
        };
        // Traditional OpenSSL files exist only as PEM and DER: any other encoding makes
        // the format the wrong one (the reference's ValueError, not the TypeError of an
        // unknown encoding).
        if format == PrivateFormat::Traditional
            && !matches!(encoding, ApiEncoding::Pem | ApiEncoding::Der)
        {
            return Err(SerializationError::FormatInvalid.into());
        }
        let encoding = pem_or_der(encoding)?;
        let password = match encryption {
            Encryption::None => None,
            Encryption::Password(password) => Some(password),
            Encryption::Custom { .. } | Encryption::Unknown => {
                return Err(SerializationError::UnsupportedEncryption.into())
            }
        };
        if format == PrivateFormat::Traditional && encoding == Encoding::Der && password.is_some() {
            return Err(SerializationError::DerTraditionalEncrypted.into());
        }
        Ok(PrivateRequest::Encoded {
            encoding,
            format,
            password,
        })
    }
}

impl<'a> PrivateRequest<'a> {
    /// OpenSSH's format (in PEM, checked before): the key must have an OpenSSH form; a
    /// password encrypts with OpenSSH's default rounds, a builder's with its own.
    fn openssh(key: PrivateKeyRef<'_>, encryption: Encryption<'a>) -> KeyResult<Self> {
        check_openssh_form(key.public_key()?.as_key_ref())?;
        let protection = |passphrase: &'a [u8], rounds: Option<u64>| {
            let rounds = match rounds {
                None => crate::ssh::private::DEFAULT_ROUNDS,
                Some(rounds) => {
                    u32::try_from(rounds).map_err(|_| SerializationError::TooManyRounds)?
                }
            };
            // An empty passphrase is no encryption, as OpenSSH treats it.
            Ok::<_, KeyError>(
                (!passphrase.is_empty())
                    .then_some(crate::ssh::private::Protection { passphrase, rounds }),
            )
        };
        Ok(PrivateRequest::OpenSsh(match encryption {
            Encryption::None => None,
            Encryption::Password(password) => protection(password, None)?,
            Encryption::Custom {
                format: ApiPrivateFormat::OpenSsh,
                password,
                kdf_rounds,
            } => protection(password, kdf_rounds)?,
            Encryption::Custom { .. } | Encryption::Unknown => {
                return Err(SerializationError::UnsupportedEncryption.into())
            }
        }))
    }
}

/// A valid request for a public key's bytes.
#[derive(Clone, Copy, Debug)]
pub enum PublicRequest {
    /// The raw public bytes (X25519, X448, Ed25519, Ed448).
    Raw,
    Encoded {
        encoding: Encoding,
        format: PublicFormat,
    },
    /// An X9.62 point (EC only).
    Point { compressed: bool },
    /// An `authorized_keys` line without a comment.
    OpenSsh,
}

impl PublicRequest {
    pub fn new(
        key: PublicKeyRef<'_>,
        encoding: ApiEncoding,
        format: ApiPublicFormat,
    ) -> KeyResult<Self> {
        if matches!(
            key,
            PublicKeyRef::Raw(_) | PublicKeyRef::MlDsa(_) | PublicKeyRef::MlKem(_)
        ) && (encoding == ApiEncoding::Raw || format == ApiPublicFormat::Raw)
        {
            if encoding != ApiEncoding::Raw || format != ApiPublicFormat::Raw {
                return Err(SerializationError::RawPublic.into());
            }
            return Ok(PublicRequest::Raw);
        }
        // OpenSSH's format needs its encoding; the encoding with another format falls to
        // that format's own rule (PEM or DER for the structured ones).
        if format == ApiPublicFormat::OpenSsh {
            if encoding != ApiEncoding::OpenSsh {
                return Err(SerializationError::OpenSshPublicPairing.into());
            }
            check_openssh_form(key)?;
            return Ok(PublicRequest::OpenSsh);
        }
        match format {
            ApiPublicFormat::SubjectPublicKeyInfo => Ok(PublicRequest::Encoded {
                encoding: pem_or_der(encoding)?,
                format: PublicFormat::SubjectPublicKeyInfo,
            }),
            ApiPublicFormat::Pkcs1 if matches!(key, PublicKeyRef::Rsa(_)) => {
                Ok(PublicRequest::Encoded {
                    encoding: pem_or_der(encoding)?,
                    format: PublicFormat::Pkcs1,
                })
            }
            ApiPublicFormat::CompressedPoint | ApiPublicFormat::UncompressedPoint
                if matches!(key, PublicKeyRef::Ec(_)) && encoding == ApiEncoding::X962 =>
            {
                Ok(PublicRequest::Point {
                    compressed: format == ApiPublicFormat::CompressedPoint,
                })
            }
            _ => Err(SerializationError::FormatInvalid.into()),
        }
    }
}

/// The encoding of a structured format: PEM or DER, anything else refused.
pub fn pem_or_der(encoding: ApiEncoding) -> KeyResult<Encoding> {
    match encoding {
        ApiEncoding::Pem => Ok(Encoding::Pem),
        ApiEncoding::Der => Ok(Encoding::Der),
        _ => Err(SerializationError::PemOrDer.into()),
    }
}

/// A private key's bytes, as a valid request asks.
pub fn serialize_private(
    key: PrivateKeyRef<'_>,
    request: PrivateRequest<'_>,
) -> KeyResult<Zeroizing<Vec<u8>>> {
    match (request, key) {
        (PrivateRequest::Raw, PrivateKeyRef::Raw(raw)) => Ok(raw.to_bytes()?),
        (PrivateRequest::Raw, PrivateKeyRef::MlDsa(key)) => Ok(Zeroizing::new(key.seed().to_vec())),
        (PrivateRequest::Raw, PrivateKeyRef::MlKem(key)) => Ok(Zeroizing::new(key.seed().to_vec())),
        (PrivateRequest::Raw, _) => Err(SerializationError::FormatInvalid.into()),
        (PrivateRequest::OpenSsh(protection), key) => Ok(Zeroizing::new(
            crate::ssh::private::serialize(key, protection)?,
        )),
        (
            PrivateRequest::Encoded {
                encoding,
                format,
                password,
            },
            key,
        ) => crate::private_key_bytes(key, encoding, format, password),
    }
}

/// A public key's bytes, as a valid request asks.
pub fn serialize_public(key: PublicKeyRef<'_>, request: PublicRequest) -> KeyResult<Vec<u8>> {
    match (request, key) {
        (PublicRequest::Raw, PublicKeyRef::Raw(raw)) => Ok(raw.to_bytes()?),
        (PublicRequest::Raw, PublicKeyRef::MlDsa(key)) => Ok(key.as_bytes().to_vec()),
        (PublicRequest::Raw, PublicKeyRef::MlKem(key)) => Ok(key.as_bytes().to_vec()),
        (PublicRequest::Point { compressed }, PublicKeyRef::Ec(ec)) => {
            Ok(ec.encoded_point(compressed)?)
        }
        (PublicRequest::Encoded { encoding, format }, key) => {
            crate::public_key_bytes(key, encoding, format)
        }
        (PublicRequest::OpenSsh, key) => crate::ssh::public_line(key),
        _ => Err(SerializationError::FormatInvalid.into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use cryptography_backend::ec::{Curve, EcPrivateKey};
    use cryptography_backend::ecx::{RawKeyKind, RawPrivateKey};

    fn private_rule(
        key: PrivateKeyRef<'_>,
        encoding: ApiEncoding,
        format: ApiPrivateFormat,
        encryption: Encryption<'_>,
    ) -> Option<SerializationError> {
        match PrivateRequest::new(key, encoding, format, encryption) {
            Ok(_) => None,
            Err(KeyError::Serialization(rule)) => Some(rule),
            Err(other) => panic!("{other:?}"),
        }
    }

    #[test]
    fn private_combinations() {
        use ApiEncoding as E;
        use ApiPrivateFormat as F;
        use SerializationError as S;
        let ec = EcPrivateKey::generate(Curve::Secp256r1).unwrap();
        let ed = RawPrivateKey::generate(RawKeyKind::Ed25519).unwrap();
        let (ec, ed) = (PrivateKeyRef::Ec(&ec), PrivateKeyRef::Raw(&ed));
        let none = Encryption::None;
        let password = Encryption::Password(b"pw");
        assert_eq!(private_rule(ec, E::Pem, F::Pkcs8, password), None);
        assert_eq!(private_rule(ed, E::Raw, F::Raw, none), None);
        assert_eq!(
            private_rule(ed, E::Raw, F::Pkcs8, none),
            Some(S::RawPrivate)
        );
        assert_eq!(
            private_rule(ed, E::Raw, F::Raw, password),
            Some(S::RawPrivate)
        );
        assert_eq!(
            private_rule(ec, E::Raw, F::Raw, none),
            Some(S::FormatInvalid)
        );
        assert_eq!(
            private_rule(ed, E::Pem, F::TraditionalOpenSsl, none),
            Some(S::FormatInvalid)
        );
        assert_eq!(
            private_rule(ec, E::Der, F::OpenSsh, none),
            Some(S::OpenSshPrivateNeedsPem)
        );
        assert_eq!(private_rule(ec, E::Pem, F::OpenSsh, none), None);
        assert_eq!(private_rule(ed, E::Pem, F::OpenSsh, password), None);
        let x448 = RawPrivateKey::generate(RawKeyKind::X448).unwrap();
        assert_eq!(
            private_rule(PrivateKeyRef::Raw(&x448), E::Pem, F::OpenSsh, none),
            Some(S::FormatInvalid)
        );
        assert_eq!(private_rule(ec, E::X962, F::Pkcs8, none), Some(S::PemOrDer));
        let openssh_builder = |kdf_rounds| Encryption::Custom {
            format: F::OpenSsh,
            password: b"pw",
            kdf_rounds,
        };
        // A builder's settings serve its own format only.
        assert_eq!(
            private_rule(ec, E::Pem, F::Pkcs8, openssh_builder(None)),
            Some(S::UnsupportedEncryption)
        );
        assert_eq!(
            private_rule(ec, E::Pem, F::OpenSsh, openssh_builder(Some(4))),
            None
        );
        assert_eq!(
            private_rule(ec, E::Pem, F::OpenSsh, openssh_builder(Some(1 << 32))),
            Some(S::TooManyRounds)
        );
        assert_eq!(
            private_rule(ec, E::Pem, F::OpenSsh, Encryption::Unknown),
            Some(S::UnsupportedEncryption)
        );
        assert_eq!(
            private_rule(ec, E::Der, F::TraditionalOpenSsl, password),
            Some(S::DerTraditionalEncrypted)
        );
        assert_eq!(
            private_rule(ec, E::Smime, F::TraditionalOpenSsl, none),
            Some(S::FormatInvalid)
        );
        let long = [b'x'; MAX_PASSWORD_LEN + 1];
        // The password's length is checked before anything else.
        assert_eq!(
            private_rule(ed, E::Raw, F::Pkcs8, Encryption::Password(&long)),
            Some(S::PasswordTooLong)
        );
    }

    #[test]
    fn public_combinations() {
        use ApiEncoding as E;
        use ApiPublicFormat as F;
        use SerializationError as S;
        let ec = EcPrivateKey::generate(Curve::Secp256r1)
            .unwrap()
            .public_key()
            .unwrap();
        let ed = RawPrivateKey::generate(RawKeyKind::Ed25519)
            .unwrap()
            .public_key()
            .unwrap();
        let (ec, ed) = (PublicKeyRef::Ec(&ec), PublicKeyRef::Raw(&ed));
        let rule = |key, encoding, format| match PublicRequest::new(key, encoding, format) {
            Ok(_) => None,
            Err(KeyError::Serialization(rule)) => Some(rule),
            Err(other) => panic!("{other:?}"),
        };
        assert_eq!(rule(ec, E::X962, F::CompressedPoint), None);
        assert_eq!(rule(ed, E::Raw, F::Raw), None);
        assert_eq!(rule(ed, E::Pem, F::Raw), Some(S::RawPublic));
        assert_eq!(rule(ec, E::Raw, F::Raw), Some(S::FormatInvalid));
        assert_eq!(rule(ec, E::Pem, F::OpenSsh), Some(S::OpenSshPublicPairing));
        assert_eq!(rule(ec, E::OpenSsh, F::OpenSsh), None);
        // The encoding with another format is that format's error.
        assert_eq!(
            rule(ec, E::OpenSsh, F::SubjectPublicKeyInfo),
            Some(S::PemOrDer)
        );
        assert_eq!(rule(ec, E::Pem, F::Pkcs1), Some(S::FormatInvalid));
        assert_eq!(rule(ec, E::Der, F::CompressedPoint), Some(S::FormatInvalid));
        assert_eq!(
            rule(ec, E::X962, F::SubjectPublicKeyInfo),
            Some(S::PemOrDer)
        );
        let encoded = serialize_public(
            ec,
            PublicRequest::new(ec, E::X962, F::UncompressedPoint).unwrap(),
        )
        .unwrap();
        assert_eq!((encoded.len(), encoded[0]), (65, 4));
    }
}
