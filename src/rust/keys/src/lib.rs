//! Key encodings of the `cryptography` package: PEM armor, PKCS#1, PKCS#8 (and its
//! password-encrypted forms), RFC 5915 EC keys, SubjectPublicKeyInfo. Every structure is
//! parsed as strict DER (the `asn1` crate) and rejected with trailing data; the keys
//! themselves are built, checked and used by `cryptography-backend`.
//!
//! ```
//! use cryptography_keys::{load_der_private_key, private_key_bytes, Encoding, PrivateFormat, PrivateKey};
//! use cryptography_backend::ecx::{RawKeyKind, RawPrivateKey};
//!
//! let key = PrivateKey::Raw(RawPrivateKey::generate(RawKeyKind::Ed25519)?);
//! let der = private_key_bytes(key.as_key_ref(), Encoding::Der, PrivateFormat::Pkcs8, None)?;
//! let loaded = load_der_private_key(&der, None, true)?;
//! assert!(matches!(loaded, PrivateKey::Raw(_)));
//! # Ok::<(), cryptography_keys::KeyError>(())
//! ```

#![forbid(unsafe_code)]
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]
// The derived parsers return the `asn1` crate's own (large) error type.
#![allow(clippy::result_large_err)]

pub mod armor;
pub mod curves;
pub mod dh;
mod dsa;
mod error;
mod pbe;
pub mod post_quantum;
mod private;
mod public;
pub mod request;
pub mod ssh;

use cryptography_asn1::keys as der;
use cryptography_backend::dh::{DhPrivateKey, DhPublicKey};
use cryptography_backend::dsa::{DsaPrivateKey, DsaPublicKey};
use cryptography_backend::ec::{EcPrivateKey, EcPublicKey};
use cryptography_backend::ecx::{RawPrivateKey, RawPublicKey};
use cryptography_backend::mldsa::{MlDsaPrivateKey, MlDsaPublicKey};
use cryptography_backend::mlkem::{MlKemPrivateKey, MlKemPublicKey};
use cryptography_backend::rsa::{RsaPrivateKey, RsaPublicKey};
use zeroize::Zeroizing;

pub use error::{KeyError, KeyResult};
pub use pbe::{decrypt_pkcs8, pbe_decrypt, pbe_encrypt, PbeEncrypted, PbeScheme};

/// A private key of any supported type.
pub enum PrivateKey {
    Rsa(RsaPrivateKey),
    Ec(EcPrivateKey),
    Dsa(DsaPrivateKey),
    Dh(DhPrivateKey),
    Raw(RawPrivateKey),
    MlDsa(MlDsaPrivateKey),
    MlKem(MlKemPrivateKey),
}

/// A public key of any supported type.
pub enum PublicKey {
    Rsa(RsaPublicKey),
    Ec(EcPublicKey),
    Dsa(DsaPublicKey),
    Dh(DhPublicKey),
    Raw(RawPublicKey),
    MlDsa(MlDsaPublicKey),
    MlKem(MlKemPublicKey),
}

/// A borrowed private key of any supported type.
#[derive(Clone, Copy)]
pub enum PrivateKeyRef<'a> {
    Rsa(&'a RsaPrivateKey),
    Ec(&'a EcPrivateKey),
    Dsa(&'a DsaPrivateKey),
    Dh(&'a DhPrivateKey),
    Raw(&'a RawPrivateKey),
    MlDsa(&'a MlDsaPrivateKey),
    MlKem(&'a MlKemPrivateKey),
}

/// A borrowed public key of any supported type.
#[derive(Clone, Copy)]
pub enum PublicKeyRef<'a> {
    Rsa(&'a RsaPublicKey),
    Ec(&'a EcPublicKey),
    Dsa(&'a DsaPublicKey),
    Dh(&'a DhPublicKey),
    Raw(&'a RawPublicKey),
    MlDsa(&'a MlDsaPublicKey),
    MlKem(&'a MlKemPublicKey),
}

impl PrivateKey {
    pub fn as_key_ref(&self) -> PrivateKeyRef<'_> {
        match self {
            PrivateKey::Rsa(key) => PrivateKeyRef::Rsa(key),
            PrivateKey::Ec(key) => PrivateKeyRef::Ec(key),
            PrivateKey::Dsa(key) => PrivateKeyRef::Dsa(key),
            PrivateKey::Dh(key) => PrivateKeyRef::Dh(key),
            PrivateKey::Raw(key) => PrivateKeyRef::Raw(key),
            PrivateKey::MlDsa(key) => PrivateKeyRef::MlDsa(key),
            PrivateKey::MlKem(key) => PrivateKeyRef::MlKem(key),
        }
    }

    /// The public half.
    pub fn public_key(&self) -> KeyResult<PublicKey> {
        self.as_key_ref().public_key()
    }
}

impl PrivateKeyRef<'_> {
    /// The public half.
    pub fn public_key(&self) -> KeyResult<PublicKey> {
        Ok(match *self {
            PrivateKeyRef::Rsa(key) => PublicKey::Rsa(key.public_key()?),
            PrivateKeyRef::Ec(key) => PublicKey::Ec(key.public_key()?),
            PrivateKeyRef::Dsa(key) => PublicKey::Dsa(key.public_key()?),
            PrivateKeyRef::Dh(key) => PublicKey::Dh(key.public_key()),
            PrivateKeyRef::Raw(key) => PublicKey::Raw(key.public_key()?),
            PrivateKeyRef::MlDsa(key) => PublicKey::MlDsa(key.public_key()?),
            PrivateKeyRef::MlKem(key) => PublicKey::MlKem(key.public_key()?),
        })
    }
}

impl PublicKey {
    pub fn as_key_ref(&self) -> PublicKeyRef<'_> {
        match self {
            PublicKey::Rsa(key) => PublicKeyRef::Rsa(key),
            PublicKey::Ec(key) => PublicKeyRef::Ec(key),
            PublicKey::Dsa(key) => PublicKeyRef::Dsa(key),
            PublicKey::Dh(key) => PublicKeyRef::Dh(key),
            PublicKey::Raw(key) => PublicKeyRef::Raw(key),
            PublicKey::MlDsa(key) => PublicKeyRef::MlDsa(key),
            PublicKey::MlKem(key) => PublicKeyRef::MlKem(key),
        }
    }
}

/// The outer encoding of a serialized key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Pem,
    Der,
}

/// The structure of a serialized private key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PrivateFormat {
    /// PKCS#8 PrivateKeyInfo (EncryptedPrivateKeyInfo with a password).
    Pkcs8,
    /// The key type's own structure: PKCS#1 for RSA, RFC 5915 for EC, OpenSSL's
    /// DSAPrivateKey for DSA.
    Traditional,
}

/// The structure of a serialized public key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PublicFormat {
    SubjectPublicKeyInfo,
    /// PKCS#1 RSAPublicKey (RSA only).
    Pkcs1,
}

/// Which structure a DER private key is, decided before any key is built (so that
/// password errors come first).
enum DerStructure<'a> {
    Pkcs8(der::PrivateKeyInfo<'a>),
    Encrypted(der::EncryptedPrivateKeyInfo<'a>),
    Pkcs1(der::RsaPrivateKey<'a>),
    Sec1(der::EcPrivateKey<'a>),
    Dsa(der::DsaPrivateKey<'a>),
}

/// The tags of a SEQUENCE's first two elements and its number of elements: what tells
/// the private-key structures apart, read without parsing each of them in turn (a failed
/// derived parse costs more than the successful one).
fn shape(data: &[u8]) -> Option<(asn1::Tag, Option<asn1::Tag>, usize)> {
    let sequence = asn1::parse_single::<asn1::Sequence<'_>>(data).ok()?;
    sequence
        .parse(|parser| {
            let mut tags = [None, None];
            let mut count = 0;
            while !parser.is_empty() {
                let element = parser.read_element::<asn1::Tlv<'_>>()?;
                if let Some(slot) = tags.get_mut(count) {
                    *slot = Some(element.tag());
                }
                count += 1;
            }
            Ok::<_, asn1::ParseError>((tags, count))
        })
        .ok()
        .and_then(|(tags, count)| Some((tags[0]?, tags[1], count)))
}

fn identify(data: &[u8]) -> KeyResult<DerStructure<'_>> {
    use asn1::SimpleAsn1Readable;
    let integer = <asn1::BigUint<'_> as SimpleAsn1Readable<'_>>::TAG;
    let sequence = <asn1::Sequence<'_> as SimpleAsn1Readable<'_>>::TAG;
    let octets = <&[u8] as SimpleAsn1Readable<'_>>::TAG;
    match shape(data) {
        // EncryptedPrivateKeyInfo: AlgorithmIdentifier, OCTET STRING.
        Some((first, _, _)) if first == sequence => {
            Ok(DerStructure::Encrypted(asn1::parse_single(data)?))
        }
        Some((first, Some(second), count)) if first == integer => {
            if second == sequence {
                Ok(DerStructure::Pkcs8(asn1::parse_single(data)?))
            } else if second == octets {
                Ok(DerStructure::Sec1(asn1::parse_single(data)?))
            } else if second == integer && count == 6 {
                // version, p, q, g, y, x
                Ok(DerStructure::Dsa(asn1::parse_single(data)?))
            } else {
                Ok(DerStructure::Pkcs1(asn1::parse_single(data)?))
            }
        }
        // Not a structure of a private key: PKCS#8's parser says why.
        _ => Err(KeyError::from(
            asn1::parse_single::<der::PrivateKeyInfo<'_>>(data)
                .err()
                .unwrap_or(asn1::ParseError::new(asn1::ParseErrorKind::InvalidValue)),
        )),
    }
}

/// Reads an unencrypted key. A password given for it is an error, reported after the
/// structure has been read (so that a malformed key is reported as such) but before the
/// costly RSA consistency check.
fn load_unencrypted(
    password: Option<&[u8]>,
    validate_rsa: bool,
    parse: impl Fn(bool) -> KeyResult<PrivateKey>,
) -> KeyResult<PrivateKey> {
    match password {
        Some(_) => {
            parse(false)?;
            Err(KeyError::PasswordGiven)
        }
        None => parse(validate_rsa),
    }
}

/// Decrypts an EncryptedPrivateKeyInfo and reads the key inside. Content that does not
/// decrypt to a key means the password was wrong.
/// The password for an encrypted key: an empty one is no password (none can have
/// encrypted the key), as the reference says.
fn given_password(password: Option<&[u8]>) -> KeyResult<&[u8]> {
    password
        .filter(|password| !password.is_empty())
        .ok_or(KeyError::PasswordMissing)
}

fn load_encrypted(
    info: &der::EncryptedPrivateKeyInfo<'_>,
    password: Option<&[u8]>,
    validate_rsa: bool,
) -> KeyResult<PrivateKey> {
    let password = given_password(password)?;
    let decrypted = pbe::decrypt_pkcs8(info, password)?;
    match private::parse_pkcs8(&decrypted, validate_rsa) {
        Err(KeyError::Malformed(_)) => Err(KeyError::IncorrectPassword),
        other => other,
    }
}

/// Reads a DER private key: PKCS#8 (encrypted or not), PKCS#1 RSA, RFC 5915 EC or
/// OpenSSL's traditional DSA.
/// `validate_rsa` runs RSA's full consistency check (`unsafe_skip_rsa_key_validation`
/// turns it off).
pub fn load_der_private_key(
    data: &[u8],
    password: Option<&[u8]>,
    validate_rsa: bool,
) -> KeyResult<PrivateKey> {
    match identify(data)? {
        DerStructure::Encrypted(info) => load_encrypted(&info, password, validate_rsa),
        DerStructure::Pkcs8(info) => load_unencrypted(password, validate_rsa, |validate| {
            private::key_from_pkcs8(&info, validate)
        }),
        DerStructure::Pkcs1(key) => load_unencrypted(password, validate_rsa, |validate| {
            Ok(PrivateKey::Rsa(private::rsa_from_pkcs1(&key, validate)?))
        }),
        DerStructure::Sec1(key) => load_unencrypted(password, validate_rsa, |_| {
            Ok(PrivateKey::Ec(private::ec_from_sec1(&key, None)?))
        }),
        DerStructure::Dsa(key) => load_unencrypted(password, validate_rsa, |_| {
            Ok(PrivateKey::Dsa(dsa::private_from_traditional(&key)?))
        }),
    }
}

/// Reads the first private-key block of a PEM document, decrypting it when it is
/// encrypted (PKCS#8 or traditional DEK-Info encryption).
pub fn load_pem_private_key(
    data: &[u8],
    password: Option<&[u8]>,
    validate_rsa: bool,
) -> KeyResult<PrivateKey> {
    let block = armor::find_key_block(data, true)?;
    let contents = block.contents();
    match block.label() {
        "PRIVATE KEY" => load_unencrypted(password, validate_rsa, |validate| {
            private::parse_pkcs8(contents, validate)
        }),
        "ENCRYPTED PRIVATE KEY" => {
            let info = asn1::parse_single::<der::EncryptedPrivateKeyInfo<'_>>(contents)?;
            load_encrypted(&info, password, validate_rsa)
        }
        label => {
            let parse = |der_bytes: &[u8], validate: bool| match label {
                "RSA PRIVATE KEY" => private::parse_pkcs1(der_bytes, validate).map(PrivateKey::Rsa),
                "EC PRIVATE KEY" => private::parse_sec1(der_bytes, None).map(PrivateKey::Ec),
                _ => dsa::parse_traditional(der_bytes).map(PrivateKey::Dsa),
            };
            match pbe::dek_info(&block)? {
                None => {
                    match load_unencrypted(password, validate_rsa, |validate| {
                        parse(contents, validate)
                    }) {
                        // The content is PKCS#8: the label is what is wrong.
                        Err(KeyError::Malformed(detail))
                            if asn1::parse_single::<der::PrivateKeyInfo<'_>>(contents).is_ok() =>
                        {
                            Err(KeyError::Pkcs8UnderTraditionalLabel(detail))
                        }
                        other => other,
                    }
                }
                Some(info) => {
                    let password = given_password(password)?;
                    let decrypted = pbe::decrypt_traditional(&info, password, contents)?;
                    match parse(&decrypted, validate_rsa) {
                        Err(KeyError::Malformed(_)) => Err(KeyError::IncorrectPassword),
                        other => other,
                    }
                }
            }
        }
    }
}

pub fn load_der_public_key(data: &[u8]) -> KeyResult<PublicKey> {
    public::load_der(data)
}

pub fn load_pem_public_key(data: &[u8]) -> KeyResult<PublicKey> {
    public::load_pem(data)
}

/// Serializes a private key. A password encrypts it: PKCS#8 as PBES2 (PBKDF2-HMAC-SHA256,
/// AES-256-CBC), the traditional form (PEM only) with AES-256-CBC under DEK-Info.
pub fn private_key_bytes(
    key: PrivateKeyRef<'_>,
    encoding: Encoding,
    format: PrivateFormat,
    password: Option<&[u8]>,
) -> KeyResult<Zeroizing<Vec<u8>>> {
    match format {
        PrivateFormat::Pkcs8 => {
            let der_bytes = private::pkcs8_der(key)?;
            match password {
                None => armored(encoding, "PRIVATE KEY", der_bytes, &[]),
                Some(password) => {
                    let encrypted = pbe::encrypt_pkcs8(&der_bytes, password)?;
                    armored(
                        encoding,
                        "ENCRYPTED PRIVATE KEY",
                        Zeroizing::new(encrypted),
                        &[],
                    )
                }
            }
        }
        PrivateFormat::Traditional => {
            let (label, der_bytes) = match key {
                PrivateKeyRef::Rsa(key) => ("RSA PRIVATE KEY", private::rsa_pkcs1_der(key)?),
                PrivateKeyRef::Ec(key) => ("EC PRIVATE KEY", private::ec_sec1_der(key, true)?),
                PrivateKeyRef::Dsa(key) => ("DSA PRIVATE KEY", dsa::traditional_der(key)?),
                PrivateKeyRef::Dh(_)
                | PrivateKeyRef::Raw(_)
                | PrivateKeyRef::MlDsa(_)
                | PrivateKeyRef::MlKem(_) => return Err(KeyError::Invalid("no traditional form")),
            };
            match password {
                None => armored(encoding, label, der_bytes, &[]),
                Some(password) => {
                    let (dek_info, encrypted) = pbe::encrypt_traditional(&der_bytes, password)?;
                    armored(
                        encoding,
                        label,
                        Zeroizing::new(encrypted),
                        &[("Proc-Type", "4,ENCRYPTED"), ("DEK-Info", &dek_info)],
                    )
                }
            }
        }
    }
}

fn armored(
    encoding: Encoding,
    label: &str,
    der_bytes: Zeroizing<Vec<u8>>,
    headers: &[(&str, &str)],
) -> KeyResult<Zeroizing<Vec<u8>>> {
    match encoding {
        Encoding::Der => Ok(der_bytes),
        Encoding::Pem => Ok(Zeroizing::new(armor::encode(label, &der_bytes, headers))),
    }
}

/// Serializes a public key as SubjectPublicKeyInfo, or (RSA only) PKCS#1.
pub fn public_key_bytes(
    key: PublicKeyRef<'_>,
    encoding: Encoding,
    format: PublicFormat,
) -> KeyResult<Vec<u8>> {
    let (label, der_bytes) = match (format, key) {
        (PublicFormat::SubjectPublicKeyInfo, key) => ("PUBLIC KEY", public::spki(key)?),
        (PublicFormat::Pkcs1, PublicKeyRef::Rsa(key)) => {
            ("RSA PUBLIC KEY", public::rsa_pkcs1_der(key)?)
        }
        (PublicFormat::Pkcs1, _) => return Err(KeyError::Invalid("PKCS#1 is RSA only")),
    };
    match encoding {
        Encoding::Der => Ok(der_bytes),
        Encoding::Pem => Ok(armor::encode(label, &der_bytes, &[])),
    }
}
