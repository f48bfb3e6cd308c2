//! OpenSSH certificates (PROTOCOL.certkeys): read, their signature checked, and built
//! and signed. A certificate is the subject's public key with a serial, a type (user or
//! host), a key id, principals, a validity window, critical options and extensions,
//! signed by a CA key of type Ed25519, ECDSA or RSA (rsa-sha2-256/512, or the SHA-1
//! ssh-rsa of old certificates when reading).

use cryptography_backend::ec::Curve;
use cryptography_backend::hash::HashAlgorithm;
use cryptography_backend::rsa::SignaturePadding;
use cryptography_backend::signing::SignedData;

use super::{read_public_fields, write_public_fields, KeyType, Reader, Writer};
use crate::error::{KeyError, KeyResult};
use crate::{PrivateKeyRef, PublicKey};

/// A certificate's type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CertificateType {
    User = 1,
    Host = 2,
}

/// A name and its value, as critical options and extensions hold them.
pub type Field = (Vec<u8>, Vec<u8>);

/// A parsed certificate. Byte fields are copies of the certificate's.
pub struct Certificate {
    /// The whole certificate blob.
    pub blob: Vec<u8>,
    /// The type name on the line ("ssh-ed25519-cert-v01@openssh.com", ...).
    pub type_name: Vec<u8>,
    pub nonce: Vec<u8>,
    pub serial: u64,
    pub cert_type: CertificateType,
    pub key_id: Vec<u8>,
    pub valid_principals: Vec<Vec<u8>>,
    pub valid_after: u64,
    pub valid_before: u64,
    pub critical_options: Vec<Field>,
    pub extensions: Vec<Field>,
    /// The CA key's blob (its type name, then its fields).
    pub signature_key: Vec<u8>,
    signature_key_type: Vec<u8>,
    /// The signature's algorithm name (for RSA CA keys: ssh-rsa, rsa-sha2-256 or -512).
    signature_type: Vec<u8>,
    signature: Vec<u8>,
    /// How many bytes of the blob the signature covers.
    signed_len: usize,
}

/// Reads critical options or extensions: names in strictly increasing order, each
/// value empty or one string.
fn read_fields(data: &[u8]) -> KeyResult<Vec<Field>> {
    let mut reader = Reader::new(data);
    let mut fields: Vec<Field> = Vec::new();
    while !reader.is_empty() {
        let name = reader.string()?;
        if let Some((last, _)) = fields.last() {
            if fields.iter().any(|(seen, _)| seen == name) {
                return Err(KeyError::Refused("Duplicate name"));
            }
            if name < last.as_slice() {
                return Err(KeyError::Refused("Fields not lexically sorted"));
            }
        }
        let raw = reader.string()?;
        let value = if raw.is_empty() {
            raw
        } else {
            let mut inner = Reader::new(raw);
            let value = inner.string()?;
            if !inner.is_empty() {
                return Err(KeyError::Refused("Unexpected extra data after value"));
            }
            value
        };
        fields.push((name.to_vec(), value.to_vec()));
    }
    Ok(fields)
}

/// Reads the certificate whose blob is `blob`; `reader` stands after its type name.
/// Returns it with its subject's key (built once, to check it).
pub(crate) fn parse(
    blob: &[u8],
    type_name: &[u8],
    key_type: KeyType,
    mut reader: Reader<'_>,
    legacy_dsa_allowed: bool,
) -> KeyResult<(Certificate, PublicKey)> {
    let nonce = reader.string()?;
    let subject_key = read_public_fields(&mut reader, key_type)?;
    let serial = reader.u64()?;
    let cert_type = reader.u32()?;
    let key_id = reader.string()?;
    let mut principals = Reader::new(reader.string()?);
    let mut valid_principals = Vec::new();
    while !principals.is_empty() {
        valid_principals.push(principals.string()?.to_vec());
    }
    let valid_after = reader.u64()?;
    let valid_before = reader.u64()?;
    let critical_options = read_fields(reader.string()?)?;
    let extensions = read_fields(reader.string()?)?;
    let _reserved = reader.string()?;
    let signature_key = reader.string()?;
    let signature_key_type = Reader::new(signature_key).string()?;
    if signature_key_type == b"ssh-dss" && !legacy_dsa_allowed {
        return Err(KeyError::SshUnsupported(
            "DSA signatures aren't supported in SSH certificates".to_string(),
        ));
    }
    let signed_len = blob.len() - reader.rest().len();
    let mut signature_blob = Reader::new(reader.string()?);
    reader.finish()?;
    let signature_type = signature_blob.string()?;
    let matches = if signature_key_type == b"ssh-rsa" {
        matches!(
            signature_type,
            b"rsa-sha2-256" | b"rsa-sha2-512" | b"ssh-rsa"
        )
    } else {
        signature_type == signature_key_type
    };
    if !matches {
        return Err(KeyError::Refused("Signature key type does not match"));
    }
    let signature = signature_blob.string()?;
    signature_blob.finish()?;
    let cert_type = match cert_type {
        1 => CertificateType::User,
        2 => CertificateType::Host,
        _ => return Err(KeyError::Refused("Invalid certificate type")),
    };
    let certificate = Certificate {
        blob: blob.to_vec(),
        type_name: type_name.to_vec(),
        nonce: nonce.to_vec(),
        serial,
        cert_type,
        key_id: key_id.to_vec(),
        valid_principals,
        valid_after,
        valid_before,
        critical_options,
        extensions,
        signature_key: signature_key.to_vec(),
        signature_key_type: signature_key_type.to_vec(),
        signature_type: signature_type.to_vec(),
        signature: signature.to_vec(),
        signed_len,
    };
    Ok((certificate, subject_key))
}

/// The hash of ECDSA signatures with a curve (RFC 5656 section 6.2.1).
fn ecdsa_hash(curve: Curve) -> HashAlgorithm {
    match curve {
        Curve::Secp384r1 => HashAlgorithm::Sha384,
        Curve::Secp521r1 => HashAlgorithm::Sha512,
        _ => HashAlgorithm::Sha256,
    }
}

impl Certificate {
    /// The CA's public key.
    pub fn signature_key(&self) -> KeyResult<PublicKey> {
        let mut reader = Reader::new(&self.signature_key);
        let key_type = KeyType::from_name(reader.string()?)?;
        let key = read_public_fields(&mut reader, key_type)?;
        reader.finish()?;
        Ok(key)
    }

    /// The certificate's line: "<type> <base64 blob>".
    pub fn public_line(&self) -> Vec<u8> {
        let mut out = self.type_name.clone();
        out.push(b' ');
        out.extend_from_slice(
            base64_simd::STANDARD
                .encode_to_string(&self.blob)
                .as_bytes(),
        );
        out
    }

    /// Checks the CA's signature over the certificate (a mismatch is the backend's
    /// `BadSignature`).
    pub fn verify(&self) -> KeyResult<()> {
        let signed = &self.blob[..self.signed_len];
        match self.signature_key()? {
            PublicKey::Raw(key) => Ok(key.verify(&self.signature, signed)?),
            PublicKey::Ec(key) => {
                let mut reader = Reader::new(&self.signature);
                let (r, s) = (reader.mpint()?, reader.mpint()?);
                reader.finish()?;
                let der = cryptography_backend::dss::encode_signature(r, s)?;
                let data = SignedData::Message {
                    data: signed,
                    hash: ecdsa_hash(key.curve()),
                };
                Ok(key.verify(&der, data)?)
            }
            PublicKey::Rsa(key) => {
                let hash = match self.signature_type.as_slice() {
                    b"rsa-sha2-256" => HashAlgorithm::Sha256,
                    b"rsa-sha2-512" => HashAlgorithm::Sha512,
                    _ => HashAlgorithm::Sha1,
                };
                let data = SignedData::Message { data: signed, hash };
                Ok(key.verify(&self.signature, data, SignaturePadding::Pkcs1v15)?)
            }
            _ => Err(KeyError::SshUnsupported(format!(
                "Unsupported signature key type: {}",
                super::bytes_repr(&self.signature_key_type)
            ))),
        }
    }
}

/// What a certificate says, for signing.
pub struct Unsigned<'a> {
    pub public_key: crate::PublicKeyRef<'a>,
    pub nonce: &'a [u8],
    pub serial: u64,
    pub cert_type: CertificateType,
    pub key_id: &'a [u8],
    pub valid_principals: &'a [Vec<u8>],
    pub valid_after: u64,
    pub valid_before: u64,
    /// Sorted by name here.
    pub critical_options: &'a [Field],
    pub extensions: &'a [Field],
}

fn write_fields(out: &mut Vec<u8>, fields: &[Field]) {
    let mut sorted: Vec<&Field> = fields.iter().collect();
    sorted.sort_by(|a, b| a.0.cmp(&b.0));
    let mut encoded = Vec::new();
    for (name, value) in sorted {
        encoded.put_string(name);
        if value.is_empty() {
            encoded.put_string(b"");
        } else {
            let mut inner = Vec::new();
            inner.put_string(value);
            encoded.put_string(&inner);
        }
    }
    out.put_string(&encoded);
}

/// Builds and signs a certificate with the CA key `ca` (Ed25519, ECDSA, or RSA with
/// rsa-sha2-512), returning its blob.
pub fn sign(certificate: &Unsigned<'_>, ca: PrivateKeyRef<'_>) -> KeyResult<Certificate> {
    let subject_type = KeyType::of(certificate.public_key)?;
    let type_name = [subject_type.name().as_bytes(), super::CERT_SUFFIX].concat();
    let ca_public = match ca {
        PrivateKeyRef::Rsa(key) => PublicKey::Rsa(key.public_key()?),
        PrivateKeyRef::Ec(key) => PublicKey::Ec(key.public_key()?),
        PrivateKeyRef::Raw(key) if key.kind() == cryptography_backend::ecx::RawKeyKind::Ed25519 => {
            PublicKey::Raw(key.public_key()?)
        }
        _ => return Err(KeyError::Refused("Unsupported private key type")),
    };
    let mut blob = Vec::new();
    blob.put_string(&type_name);
    blob.put_string(certificate.nonce);
    write_public_fields(&mut blob, certificate.public_key)?;
    blob.put_u64(certificate.serial);
    blob.put_u32(certificate.cert_type as u32);
    blob.put_string(certificate.key_id);
    let mut principals = Vec::new();
    for principal in certificate.valid_principals {
        principals.put_string(principal);
    }
    blob.put_string(&principals);
    blob.put_u64(certificate.valid_after);
    blob.put_u64(certificate.valid_before);
    write_fields(&mut blob, certificate.critical_options);
    write_fields(&mut blob, certificate.extensions);
    blob.put_string(b"");
    let ca_blob = super::public_blob(ca_public.as_key_ref())?;
    blob.put_string(&ca_blob);
    let (signature_type, signature): (&[u8], Vec<u8>) = match ca {
        PrivateKeyRef::Raw(key) => (b"ssh-ed25519", key.sign(&blob)?),
        PrivateKeyRef::Ec(key) => {
            let data = SignedData::Message {
                data: &blob,
                hash: ecdsa_hash(key.curve()),
            };
            let der = key.sign(data, false)?;
            let (r, s) = cryptography_backend::dss::decode_signature(&der)
                .map_err(|_| KeyError::Invalid("ECDSA signature"))?;
            let mut encoded = Vec::new();
            encoded.put_mpint(&r);
            encoded.put_mpint(&s);
            let name = KeyType::of(ca_public.as_key_ref())?.name().as_bytes();
            (name, encoded)
        }
        PrivateKeyRef::Rsa(key) => {
            let data = SignedData::Message {
                data: &blob,
                hash: HashAlgorithm::Sha512,
            };
            (b"rsa-sha2-512", key.sign(data, SignaturePadding::Pkcs1v15)?)
        }
        _ => return Err(KeyError::Refused("Unsupported private key type")),
    };
    let mut signature_blob = Vec::new();
    signature_blob.put_string(signature_type);
    signature_blob.put_string(&signature);
    blob.put_string(&signature_blob);
    let mut reader = Reader::new(&blob);
    reader.string()?;
    Ok(parse(&blob, &type_name, subject_type, reader, false)?.0)
}
