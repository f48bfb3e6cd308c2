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

use cryptography_backend::pkcs12::{Pkcs12Certificate, Pkcs12Contents};

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

/// Reads a DER PKCS#12 file natively, as OpenSSL's `PKCS12_parse` reads one: the MAC
/// checked (when there is one), every `data` and `encryptedData` SafeContents read in
/// order, the first key bag (plain or shrouded) taken, X.509 certificate bags kept with
/// their friendly names, and the certificate whose public key is the key's set apart.
/// None whenever anything is outside that path (BER, a wrong password, an algorithm,
/// bag or content type this reader does not take, a key or certificate this package
/// cannot load): the caller then asks OpenSSL, which gives the verdict and the error.
/// What this reader opens, OpenSSL opens too (the `pkcs12` fuzz target checks it). The password is the file's, UTF-8 (absent: the empty one).
pub fn read_der(data: &[u8], password: Option<&[u8]>) -> Option<Pkcs12Contents> {
    let password = password.unwrap_or_default();
    let pfx = asn1::parse_single::<der::PfxOutline<'_>>(data).ok()?;
    if pfx.version != 3 || pfx.auth_safe.content_type != der::DATA {
        return None;
    }
    let authenticated = pfx.auth_safe.content.as_inner().parse::<&[u8]>().ok()?;
    if let Some(mac_data) = &pfx.mac_data {
        // The hash's parameters: absent or NULL, as OpenSSL reads them.
        match &mac_data.mac.algorithm.params {
            AlgorithmParameters::Other(_, None) => {}
            AlgorithmParameters::Other(_, Some(parameters))
                if parameters.full_data() == b"\x05\x00" => {}
            _ => return None,
        }
        let hash = crate::signature::sha_for_oid(mac_data.mac.algorithm.oid())?;
        let iterations = u32::try_from(mac_data.iterations).ok()?;
        let mut key = zeroize::Zeroizing::new(vec![0u8; hash.output_len()]);
        kdf::pkcs12(hash, password, mac_data.mac_salt, iterations, 3, &mut key).ok()?;
        let mut hmac = Hmac::new(hash, &key).ok()?;
        hmac.update(authenticated).ok()?;
        let mut expected = vec![0u8; hash.output_len()];
        hmac.finalize_into(&mut expected).ok()?;
        if !cryptography_backend::constant_time_eq(&expected, mac_data.mac.digest) {
            return None;
        }
    }
    let safe =
        asn1::parse_single::<asn1::SequenceOf<'_, der::ContentInfoOutline<'_>>>(authenticated)
            .ok()?;
    let mut found = Found::default();
    for content_info in safe {
        let inner = content_info.content.as_inner();
        let contents: zeroize::Zeroizing<Vec<u8>> = if content_info.content_type == der::DATA {
            zeroize::Zeroizing::new(inner.parse::<&[u8]>().ok()?.to_vec())
        } else if content_info.content_type == der::ENCRYPTED_DATA {
            let encrypted = inner.parse::<der::EncryptedDataRead<'_>>().ok()?;
            let info = &encrypted.encrypted_content_info;
            if info.content_type != der::DATA {
                return None;
            }
            cryptography_keys::pbe_decrypt(
                &info.content_encryption_algorithm,
                password,
                info.encrypted_content?,
            )
            .ok()?
        } else {
            // Other content types are OpenSSL's to judge.
            return None;
        };
        read_bags(&contents, password, &mut found)?;
    }
    // The certificate that goes with the key: the first whose public key is the key's.
    let mut certificate = None;
    if let Some((_, key_spki)) = &found.key {
        let position = found.certificates.iter().position(|(_, loaded)| {
            asn1::write_single(&loaded.parsed().tbs_certificate.spki)
                .ok()
                .and_then(|spki| canonical_spki(&spki))
                .is_some_and(|spki| spki == *key_spki)
        });
        certificate = position.map(|at| found.certificates.remove(at).0);
    }
    Some(Pkcs12Contents {
        key_pkcs8: found.key.map(|(pkcs8, _)| pkcs8),
        certificate,
        others: found
            .certificates
            .into_iter()
            .map(|(certificate, _)| certificate)
            .collect(),
    })
}

/// What the bags of a file hold, so far: the first key (its PKCS#8 and its public key's
/// SubjectPublicKeyInfo) and the certificates, each with its parse.
#[derive(Default)]
struct Found {
    key: Option<(zeroize::Zeroizing<Vec<u8>>, Vec<u8>)>,
    certificates: Vec<(Pkcs12Certificate, Certificate)>,
}

/// A SubjectPublicKeyInfo as the keys crate writes it (so that two encodings of one key
/// compare equal).
fn canonical_spki(spki: &[u8]) -> Option<Vec<u8>> {
    let key = cryptography_keys::load_der_public_key(spki).ok()?;
    cryptography_keys::public_key_bytes(
        key.as_key_ref(),
        cryptography_keys::Encoding::Der,
        cryptography_keys::PublicFormat::SubjectPublicKeyInfo,
    )
    .ok()
}

/// The SubjectPublicKeyInfo of a PKCS#8 private key's public half; None for a key this
/// package cannot load.
fn private_key_spki(pkcs8: &[u8]) -> Option<Vec<u8>> {
    let key = cryptography_keys::load_der_private_key(pkcs8, None, false).ok()?;
    let public = key.public_key().ok()?;
    cryptography_keys::public_key_bytes(
        public.as_key_ref(),
        cryptography_keys::Encoding::Der,
        cryptography_keys::PublicFormat::SubjectPublicKeyInfo,
    )
    .ok()
}

/// The bags of one SafeContents, into the key and certificates found so far.
fn read_bags(contents: &[u8], password: &[u8], found: &mut Found) -> Option<()> {
    let bags = asn1::parse_single::<asn1::SequenceOf<'_, der::SafeBagRead<'_>>>(contents).ok()?;
    for bag in bags {
        let value = bag.bag_value.as_inner();
        if bag.bag_id == der::KEY_BAG || bag.bag_id == der::SHROUDED_KEY_BAG {
            if found.key.is_some() {
                continue;
            }
            let pkcs8 = if bag.bag_id == der::KEY_BAG {
                zeroize::Zeroizing::new(value.full_data().to_vec())
            } else {
                let info = value.parse::<EncryptedPrivateKeyInfo<'_>>().ok()?;
                cryptography_keys::decrypt_pkcs8(&info, password).ok()?
            };
            // A key this package cannot load is OpenSSL's to judge.
            let spki = private_key_spki(&pkcs8)?;
            found.key = Some((pkcs8, spki));
        } else if bag.bag_id == der::CERT_BAG {
            let cert_bag = value.parse::<der::CertBagRead<'_>>().ok()?;
            if cert_bag.cert_id != der::X509_CERTIFICATE {
                continue;
            }
            let der_bytes = cert_bag.cert_value.as_inner().parse::<&[u8]>().ok()?;
            let loaded = Certificate::from_der(der_bytes.to_vec()).ok()?;
            let certificate = Pkcs12Certificate {
                der: der_bytes.to_vec(),
                friendly_name: friendly_name(bag.bag_attributes.as_ref())?,
            };
            found.certificates.push((certificate, loaded));
        } else {
            // Nested SafeContents, CRLs, secrets: left to OpenSSL.
            return None;
        }
    }
    Some(())
}

/// A bag's friendly name, UTF-8 (None inside: no name); None outside when the name is
/// not a well-formed BMPString.
fn friendly_name(
    attributes: Option<&asn1::SetOf<'_, cryptography_asn1::csr::Attribute<'_>>>,
) -> Option<Option<Vec<u8>>> {
    let Some(attributes) = attributes else {
        return Some(None);
    };
    // Values OpenSSL's ANY does not read (end-of-contents) are its to judge.
    let readable = attributes.clone().all(|attribute| {
        attribute
            .values
            .read()
            .is_some_and(|values| values.clone().all(|value| value.tag.as_u8() != Some(0)))
    });
    if !readable {
        return None;
    }
    for attribute in attributes.clone() {
        if attribute.attribute_type != der::FRIENDLY_NAME {
            continue;
        }
        let value = attribute.values.read()?.clone().next()?;
        if value.tag != asn1::Tag::primitive(0x1e) || value.data.len() % 2 != 0 {
            return None;
        }
        let units: Vec<u16> = value
            .data
            .chunks_exact(2)
            .map(|pair| u16::from_be_bytes([pair[0], pair[1]]))
            .collect();
        return Some(Some(String::from_utf16(&units).ok()?.into_bytes()));
    }
    Some(None)
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
    let certified = asn1::write_single(&certificate.parsed().tbs_certificate.spki)?;
    // A key the keys crate cannot read matches nothing.
    Ok(match (canonical_spki(&certified), canonical_spki(spki)) {
        (Some(certified), Some(given)) => certified == given,
        _ => false,
    })
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
    let hash_oid = crate::signature::oid_for_hash(mac_hash).ok_or(X509Error::InvalidPkcs12(
        "Unsupported hash algorithm for the PKCS#12 MAC",
    ))?;
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

#[cfg(test)]
mod tests {
    use super::*;
    use cryptography_backend::ecx::{RawKeyKind, RawPrivateKey};

    /// vectors/x509/ed25519-ca.der (see the README there).
    const ED25519_CA: &[u8] = include_bytes!("../../../../vectors/x509/ed25519-ca.der");

    fn pkcs8_and_spki() -> (Vec<u8>, Vec<u8>) {
        let key = cryptography_keys::PrivateKey::Raw(
            RawPrivateKey::generate(RawKeyKind::Ed25519).unwrap(),
        );
        let pkcs8 = cryptography_keys::private_key_bytes(
            key.as_key_ref(),
            cryptography_keys::Encoding::Der,
            cryptography_keys::PrivateFormat::Pkcs8,
            None,
        )
        .unwrap();
        let spki = cryptography_keys::public_key_bytes(
            key.public_key().unwrap().as_key_ref(),
            cryptography_keys::Encoding::Der,
            cryptography_keys::PublicFormat::SubjectPublicKeyInfo,
        )
        .unwrap();
        (pkcs8.to_vec(), spki)
    }

    /// The key, then each certificate with its friendly name.
    type Summary = (Option<Vec<u8>>, Vec<(Vec<u8>, Option<Vec<u8>>)>);

    fn summary(contents: &Pkcs12Contents) -> Summary {
        (
            contents.key_pkcs8.as_ref().map(|key| key.to_vec()),
            contents
                .certificate
                .iter()
                .chain(&contents.others)
                .map(|c| (c.der.clone(), c.friendly_name.clone()))
                .collect(),
        )
    }

    /// What this module writes, read natively and by OpenSSL, under every protection:
    /// the same key, certificates and friendly names; a wrong password is left to
    /// OpenSSL.
    #[test]
    fn the_native_reader_agrees_with_openssl() {
        let certificate = Certificate::from_der(ED25519_CA.to_vec()).unwrap();
        let (pkcs8, spki) = pkcs8_and_spki();
        let protections = [
            Protection::None,
            Protection::Password {
                password: b"pass\xc3\xa9",
                scheme: PbeScheme::Pbes2Sha256Aes256Cbc,
                kdf_rounds: 3,
                mac_hash: HashAlgorithm::Sha256,
            },
            Protection::Password {
                password: b"pass\xc3\xa9",
                scheme: PbeScheme::Pkcs12Sha1TripleDesCbc,
                kdf_rounds: 5,
                mac_hash: HashAlgorithm::Sha1,
            },
        ];
        for protection in &protections {
            let password: Option<&[u8]> = match protection {
                Protection::None => None,
                Protection::Password { password, .. } => Some(password),
            };
            let others = [
                CertificateEntry {
                    certificate: &certificate,
                    friendly_name: Some("ä name".as_bytes()),
                },
                CertificateEntry {
                    certificate: &certificate,
                    friendly_name: None,
                },
            ];
            let key = KeyEntry {
                pkcs8: &pkcs8,
                spki: &spki,
            };
            let file =
                serialize_key_and_certificates(Some(b"key"), Some(key), None, &others, protection)
                    .unwrap();
            let native = read_der(&file, password).expect("read natively");
            let openssl = cryptography_backend::pkcs12::parse(&file, password).unwrap();
            assert_eq!(summary(&native), summary(&openssl));
            assert_eq!(native.others.len(), 2);
            assert_eq!(
                native.others[0].friendly_name.as_deref(),
                Some("ä name".as_bytes())
            );
            if password.is_some() {
                assert!(read_der(&file, Some(b"wrong")).is_none());
            }
        }
    }
}
