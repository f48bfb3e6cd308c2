//! PKCS#12 files (RFC 7292): written here from a key's PKCS#8 and certificates' DER,
//! read by OpenSSL (`cryptography_backend::pkcs12`).
//!
//! The layout is the one the reference writes, so that files compare byte for byte
//! where nothing random is involved: the certificate bags first (in an `encryptedData`
//! when a password protects the file, else in plain `data`), then the key bag (a
//! shrouded key, or a plain one); a friendly name and a local key ID (the certificate's
//! SHA-1 fingerprint, when both a key and its certificate are there) as bag attributes;
//! and a SHA-256 (or the caller's) password MAC over everything, with the empty
//! password when nothing is encrypted.

use cryptography_asn1::keys::EncryptedPrivateKeyInfo;
use cryptography_asn1::pkcs12::{self as der, AttributeValue};
use cryptography_asn1::{AlgorithmIdentifier, AlgorithmParameters};
use cryptography_backend::hash::HashAlgorithm;
use cryptography_backend::kdf;
use cryptography_backend::mac::Hmac;
use cryptography_keys::{pbe_encrypt, PbeScheme};

use crate::error::{X509Error, X509Result};
use crate::Certificate;

/// How the file is protected: not at all (only an integrity MAC under the empty
/// password), or by a password with a scheme for the bags, its KDF's iterations and the
/// MAC's hash.
#[derive(Clone, Copy, Debug)]
pub enum Protection<'a> {
    None,
    Password {
        password: &'a [u8],
        scheme: PbeScheme,
        kdf_rounds: u64,
        mac_hash: HashAlgorithm,
    },
}

/// The encryption `BestAvailableEncryption` and an unconfigured builder give: PBES2 with
/// AES-256-CBC, 20,000 PBKDF2 iterations, a SHA-256 MAC.
pub const DEFAULT_SCHEME: PbeScheme = PbeScheme::Pbes2Sha256Aes256Cbc;
pub const DEFAULT_KDF_ROUNDS: u64 = 20_000;
pub const DEFAULT_MAC_HASH: HashAlgorithm = HashAlgorithm::Sha256;

/// The MAC's KDF iterations and salt length (the reference's, whatever the protection).
const MAC_ITERATIONS: u32 = 2048;
const MAC_SALT_LEN: usize = 8;

/// Why a file OpenSSL reads is not DER (the `asn1` crate's description), or None for a
/// DER file. The reference warns about BER files, which a later version may refuse.
pub fn not_der(data: &[u8]) -> Option<String> {
    asn1::parse_single::<der::PfxOutline<'_>>(data)
        .err()
        .map(|err| err.to_string())
}

/// A certificate to write, with the friendly name its bag gets.
pub struct CertificateEntry<'a> {
    pub certificate: &'a Certificate,
    pub friendly_name: Option<&'a [u8]>,
}

/// The private key to write: its PKCS#8 PrivateKeyInfo and its public key's
/// SubjectPublicKeyInfo (to check it against its certificate).
pub struct KeyEntry<'a> {
    pub pkcs8: &'a [u8],
    pub spki: &'a [u8],
}

/// A bag's attributes, before encoding.
#[derive(Default)]
struct BagAttributes {
    friendly_name: Option<Vec<u8>>,
    local_key_id: Option<Vec<u8>>,
    java_trusted: bool,
}

impl BagAttributes {
    fn new(friendly_name: Option<&[u8]>) -> X509Result<Self> {
        Ok(BagAttributes {
            friendly_name: friendly_name.map(bmp_string).transpose()?,
            ..Default::default()
        })
    }

    fn attributes(&self) -> X509Result<Option<Vec<der::Attribute<'_>>>> {
        let mut attributes = Vec::new();
        let mut add = |attr_id, value| {
            attributes.push(der::Attribute {
                attr_id,
                attr_values: asn1::SetOfWriter::new([value]),
            })
        };
        if let Some(name) = &self.friendly_name {
            add(
                der::FRIENDLY_NAME,
                AttributeValue::Text(asn1::BMPString::new(name).ok_or(
                    X509Error::InvalidPkcs12("friendly name is not valid UTF-16"),
                )?),
            );
        }
        if let Some(id) = &self.local_key_id {
            add(der::LOCAL_KEY_ID, AttributeValue::Bytes(id));
        }
        if self.java_trusted {
            add(
                der::JAVA_TRUSTED_KEY_USAGE,
                AttributeValue::Oid(der::ANY_EXTENDED_KEY_USAGE),
            );
        }
        Ok((!attributes.is_empty()).then_some(attributes))
    }
}

/// A friendly name (UTF-8) as a BMPString's content: UTF-16BE.
fn bmp_string(name: &[u8]) -> X509Result<Vec<u8>> {
    let text = std::str::from_utf8(name)
        .map_err(|_| X509Error::InvalidPkcs12("friendly_name must be valid UTF-8"))?;
    Ok(text.encode_utf16().flat_map(u16::to_be_bytes).collect())
}

/// Writes a key, its certificate and other certificates (`name` is the friendly name of
/// the key and its certificate). At least one of the three must be given; a lone
/// certificate without its key is written as one of the others, as the reference does.
pub fn serialize_key_and_certificates(
    name: Option<&[u8]>,
    key: Option<KeyEntry<'_>>,
    certificate: Option<&Certificate>,
    others: &[CertificateEntry<'_>],
    protection: &Protection<'_>,
) -> X509Result<Vec<u8>> {
    if key.is_none() && certificate.is_none() && others.is_empty() {
        return Err(X509Error::InvalidPkcs12(
            "You must supply at least one of key, cert, or cas",
        ));
    }
    let mut certificates = Vec::new();
    let mut key_attributes = BagAttributes::new(name)?;
    if let Some(certificate) = certificate {
        let mut attributes = BagAttributes::new(name)?;
        if let Some(key) = &key {
            if !same_public_key(certificate, key.spki)? {
                return Err(X509Error::InvalidPkcs12(
                    "Certificate public key and provided private key do not match",
                ));
            }
            let id = certificate.fingerprint(HashAlgorithm::Sha1)?;
            attributes.local_key_id = Some(id.clone());
            key_attributes.local_key_id = Some(id);
        }
        certificates.push((certificate.der(), attributes));
    }
    for other in others {
        certificates.push((
            other.certificate.der(),
            BagAttributes::new(other.friendly_name)?,
        ));
    }
    write_pfx(
        &certificates,
        key.map(|key| (key.pkcs8, key_attributes)),
        protection,
    )
}

/// Writes certificates as a Java trust store: each bag marked trusted for any extended
/// key usage, which Java's key store reads as a trusted certificate entry.
pub fn serialize_java_truststore(
    certificates: &[CertificateEntry<'_>],
    protection: &Protection<'_>,
) -> X509Result<Vec<u8>> {
    if certificates.is_empty() {
        return Err(X509Error::InvalidPkcs12(
            "You must supply at least one cert",
        ));
    }
    let entries = certificates
        .iter()
        .map(|entry| {
            let mut attributes = BagAttributes::new(entry.friendly_name)?;
            attributes.java_trusted = true;
            Ok((entry.certificate.der(), attributes))
        })
        .collect::<X509Result<Vec<_>>>()?;
    write_pfx(&entries, None, protection)
}

/// Whether the certificate certifies `spki`: both read as keys and written back, so that
/// two encodings of one key (an EC point compressed or not) compare equal.
fn same_public_key(certificate: &Certificate, spki: &[u8]) -> X509Result<bool> {
    let canonical = |spki: &[u8]| -> X509Result<Vec<u8>> {
        let key = cryptography_keys::load_der_public_key(spki)?;
        Ok(cryptography_keys::public_key_bytes(
            key.as_key_ref(),
            cryptography_keys::Encoding::Der,
            cryptography_keys::PublicFormat::SubjectPublicKeyInfo,
        )?)
    };
    let certified = asn1::write_single(&certificate.parsed().tbs_certificate.spki)?;
    Ok(canonical(&certified)? == canonical(spki)?)
}

fn safe_bag<'a>(
    bag_id: asn1::ObjectIdentifier,
    bag_value: der::BagValue<'a>,
    attributes: Option<Vec<der::Attribute<'a>>>,
) -> der::SafeBag<'a> {
    der::SafeBag {
        bag_id,
        bag_value: asn1::Explicit::new(bag_value),
        bag_attributes: attributes.map(asn1::SetOfWriter::new),
    }
}

fn data(content: &[u8]) -> der::ContentInfo<'_> {
    der::ContentInfo {
        content_type: der::DATA,
        content: asn1::Explicit::new(der::Content::Data(content)),
    }
}

fn write_pfx(
    certificates: &[(&[u8], BagAttributes)],
    key: Option<(&[u8], BagAttributes)>,
    protection: &Protection<'_>,
) -> X509Result<Vec<u8>> {
    let certificate_bags = certificates
        .iter()
        .map(|(der_bytes, attributes)| {
            Ok(safe_bag(
                der::CERT_BAG,
                der::BagValue::Certificate(der::CertBag {
                    cert_id: der::X509_CERTIFICATE,
                    cert_value: asn1::Explicit::new(der_bytes),
                }),
                attributes.attributes()?,
            ))
        })
        .collect::<X509Result<Vec<_>>>()?;
    let key_attributes = match &key {
        Some((_, attributes)) => attributes.attributes()?,
        None => None,
    };

    let password = match protection {
        Protection::None => b"".as_slice(),
        Protection::Password { password, .. } => password,
    };
    let mut contents = Vec::new();
    match protection {
        Protection::None => {
            // Everything in one plain SafeContents.
            let mut bags = certificate_bags;
            if let Some((pkcs8, _)) = &key {
                let info = asn1::parse_single::<asn1::Tlv<'_>>(pkcs8)?;
                bags.push(safe_bag(
                    der::KEY_BAG,
                    der::BagValue::Key(info),
                    key_attributes,
                ));
            }
            contents.push(asn1::write_single(&asn1::SequenceOfWriter::new(bags))?);
            let safe = [data(&contents[0])];
            write_authenticated(&safe, password, DEFAULT_MAC_HASH)
        }
        Protection::Password {
            scheme,
            kdf_rounds,
            mac_hash,
            ..
        } => {
            let mut encrypted_certificates = None;
            if !certificate_bags.is_empty() {
                let plain = asn1::write_single(&asn1::SequenceOfWriter::new(certificate_bags))?;
                encrypted_certificates = Some(pbe_encrypt(*scheme, password, *kdf_rounds, &plain)?);
            }
            let mut shrouded = None;
            if let Some((pkcs8, _)) = &key {
                shrouded = Some(pbe_encrypt(*scheme, password, *kdf_rounds, pkcs8)?);
            }
            if let Some(encrypted) = &shrouded {
                let bag = safe_bag(
                    der::SHROUDED_KEY_BAG,
                    der::BagValue::ShroudedKey(EncryptedPrivateKeyInfo {
                        encryption_algorithm: encrypted.algorithm(),
                        encrypted_data: &encrypted.ciphertext,
                    }),
                    key_attributes,
                );
                contents.push(asn1::write_single(&asn1::SequenceOfWriter::new(vec![bag]))?);
            }
            let mut safe = Vec::new();
            if let Some(encrypted) = &encrypted_certificates {
                safe.push(der::ContentInfo {
                    content_type: der::ENCRYPTED_DATA,
                    content: asn1::Explicit::new(der::Content::EncryptedData(der::EncryptedData {
                        version: 0,
                        encrypted_content_info: der::EncryptedContentInfo {
                            content_type: der::DATA,
                            content_encryption_algorithm: encrypted.algorithm(),
                            encrypted_content: Some(&encrypted.ciphertext),
                        },
                    })),
                });
            }
            if let Some(key_contents) = contents.first() {
                safe.push(data(key_contents));
            }
            write_authenticated(&safe, password, *mac_hash)
        }
    }
}

/// The PFX around an AuthenticatedSafe, with its password MAC (RFC 7292 appendix B:
/// the PKCS#12 KDF's MAC key over the MAC hash, then HMAC).
fn write_authenticated(
    safe: &[der::ContentInfo<'_>],
    password: &[u8],
    mac_hash: HashAlgorithm,
) -> X509Result<Vec<u8>> {
    let authenticated = asn1::write_single(&asn1::SequenceOfWriter::new(safe))?;
    let mut salt = [0u8; MAC_SALT_LEN];
    cryptography_backend::random_bytes(&mut salt)?;
    let mut mac_key = zeroize::Zeroizing::new(vec![0u8; mac_hash.output_len()]);
    kdf::pkcs12(mac_hash, password, &salt, MAC_ITERATIONS, 3, &mut mac_key)?;
    let mut hmac = Hmac::new(mac_hash, &mac_key)?;
    hmac.update(&authenticated)?;
    let mut digest = vec![0u8; mac_hash.output_len()];
    hmac.finalize_into(&mut digest)?;
    let null = asn1::parse_single::<asn1::Tlv<'_>>(b"\x05\x00")?;
    let hash_oid = hash_oid(mac_hash)?;
    Ok(asn1::write_single(&der::Pfx {
        version: 3,
        auth_safe: data(&authenticated),
        mac_data: Some(der::MacData {
            mac: der::DigestInfo {
                algorithm: AlgorithmIdentifier::new(AlgorithmParameters::Other(
                    hash_oid,
                    Some(null),
                )),
                digest: &digest,
            },
            mac_salt: &salt,
            iterations: u64::from(MAC_ITERATIONS),
        }),
    })?)
}

/// The OID of a MAC hash: one of the hashes signatures name (SHA-1 included).
fn hash_oid(hash: HashAlgorithm) -> X509Result<asn1::ObjectIdentifier> {
    crate::signature::HASHES
        .iter()
        .find(|(name, _, _)| *name == hash.name())
        .map(|(_, _, oid)| oid.clone())
        .ok_or(X509Error::InvalidPkcs12(
            "Unsupported hash algorithm for the PKCS#12 MAC",
        ))
}
