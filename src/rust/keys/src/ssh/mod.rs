//! OpenSSH's key encodings: public keys (RFC 4253 section 6.6, RFC 5656 section 3.1,
//! RFC 8709 section 4, and the FIDO `sk-` keys of OpenSSH's PROTOCOL.u2f) as blobs and as
//! `authorized_keys` lines, private key files (openssh-key-v1, `private`), and
//! certificates (PROTOCOL.certkeys, `certificate`). Key types: ssh-rsa, ssh-dss,
//! ecdsa-sha2-nistp256/384/521 and ssh-ed25519, with the sk- variants read as public keys.

pub mod certificate;
pub mod private;
mod wire;

use cryptography_backend::dsa::{
    DsaParameterComponents, DsaPublicComponents, DsaPublicKey, Validation,
};
use cryptography_backend::ec::{Curve, EcPublicKey};
use cryptography_backend::ecx::{RawKeyKind, RawPublicKey};
use cryptography_backend::rsa::{RsaPublicComponents, RsaPublicKey};

use crate::error::{KeyError, KeyResult};
use crate::{PublicKey, PublicKeyRef};
pub use certificate::Certificate;
pub(crate) use wire::{Reader, Writer};

/// A key type of OpenSSH.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyType {
    Rsa,
    Dsa,
    Ecdsa(Curve),
    Ed25519,
    /// sk-ecdsa-sha2-nistp256@openssh.com: a P-256 key held by a FIDO authenticator.
    SkEcdsa,
    /// sk-ssh-ed25519@openssh.com: an Ed25519 key held by a FIDO authenticator.
    SkEd25519,
}

const CERT_SUFFIX: &[u8] = b"-cert-v01@openssh.com";

impl KeyType {
    /// The type a name gives, or UnsupportedAlgorithm naming it.
    pub fn from_name(name: &[u8]) -> KeyResult<KeyType> {
        Ok(match name {
            b"ssh-rsa" => KeyType::Rsa,
            b"ssh-dss" => KeyType::Dsa,
            b"ecdsa-sha2-nistp256" => KeyType::Ecdsa(Curve::Secp256r1),
            b"ecdsa-sha2-nistp384" => KeyType::Ecdsa(Curve::Secp384r1),
            b"ecdsa-sha2-nistp521" => KeyType::Ecdsa(Curve::Secp521r1),
            b"ssh-ed25519" => KeyType::Ed25519,
            b"sk-ecdsa-sha2-nistp256@openssh.com" => KeyType::SkEcdsa,
            b"sk-ssh-ed25519@openssh.com" => KeyType::SkEd25519,
            _ => {
                return Err(KeyError::SshUnsupported(format!(
                    "Unsupported key type: {}",
                    bytes_repr(name)
                )))
            }
        })
    }

    pub fn name(self) -> &'static str {
        match self {
            KeyType::Rsa => "ssh-rsa",
            KeyType::Dsa => "ssh-dss",
            KeyType::Ecdsa(Curve::Secp384r1) => "ecdsa-sha2-nistp384",
            KeyType::Ecdsa(Curve::Secp521r1) => "ecdsa-sha2-nistp521",
            KeyType::Ecdsa(_) => "ecdsa-sha2-nistp256",
            KeyType::Ed25519 => "ssh-ed25519",
            KeyType::SkEcdsa => "sk-ecdsa-sha2-nistp256@openssh.com",
            KeyType::SkEd25519 => "sk-ssh-ed25519@openssh.com",
        }
    }

    /// The type of a key this library can write in OpenSSH's format.
    pub fn of(key: PublicKeyRef<'_>) -> KeyResult<KeyType> {
        match key {
            PublicKeyRef::Rsa(_) => Ok(KeyType::Rsa),
            PublicKeyRef::Dsa(_) => Ok(KeyType::Dsa),
            PublicKeyRef::Ec(key) => match key.curve() {
                curve @ (Curve::Secp256r1 | Curve::Secp384r1 | Curve::Secp521r1) => {
                    Ok(KeyType::Ecdsa(curve))
                }
                curve => Err(KeyError::RefusedWith(format!(
                    "Unsupported curve for ssh private key: '{}'",
                    curve.name()
                ))),
            },
            PublicKeyRef::Raw(key) if key.kind() == RawKeyKind::Ed25519 => Ok(KeyType::Ed25519),
            _ => Err(KeyError::Refused("Unsupported key type")),
        }
    }
}

/// A byte string as Python writes it (`b'...'`), for messages naming a type found in
/// the input.
pub(crate) fn bytes_repr(bytes: &[u8]) -> String {
    let mut out = String::from("b'");
    for &b in bytes {
        match b {
            b'\\' => out.push_str("\\\\"),
            b'\'' => out.push_str("\\'"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            0x20..=0x7e => out.push(char::from(b)),
            _ => out.push_str(&format!("\\x{b:02x}")),
        }
    }
    out.push('\'');
    out
}

/// The curve name inside an ECDSA key ("nistp256", ...).
fn curve_name(curve: Curve) -> &'static [u8] {
    match curve {
        Curve::Secp384r1 => b"nistp384",
        Curve::Secp521r1 => b"nistp521",
        _ => b"nistp256",
    }
}

/// The raw public fields of a key of type `key_type` (RSA: e, n; DSA: p, q, g, y;
/// ECDSA: the curve name and the point; Ed25519: the point), read from `reader` after
/// the type name, with the checks that need no arithmetic. For sk- types the FIDO
/// application string follows, checked and dropped.
pub(crate) fn read_public_values<'a>(
    reader: &mut Reader<'a>,
    key_type: KeyType,
) -> KeyResult<Vec<&'a [u8]>> {
    let values = match key_type {
        KeyType::Rsa => vec![reader.mpint()?, reader.mpint()?],
        KeyType::Dsa => vec![
            reader.mpint()?,
            reader.mpint()?,
            reader.mpint()?,
            reader.mpint()?,
        ],
        KeyType::Ecdsa(curve) => read_ecdsa_values(reader, curve)?,
        KeyType::Ed25519 => vec![reader.string()?],
        KeyType::SkEcdsa => {
            let values = read_ecdsa_values(reader, Curve::Secp256r1)?;
            check_application(reader.string()?)?;
            values
        }
        KeyType::SkEd25519 => {
            let values = vec![reader.string()?];
            check_application(reader.string()?)?;
            values
        }
    };
    Ok(values)
}

/// The public key of a key type's raw public fields.
pub(crate) fn public_key_from_values(key_type: KeyType, values: &[&[u8]]) -> KeyResult<PublicKey> {
    let invalid = || KeyError::Refused("Invalid data");
    Ok(match (key_type, values) {
        (KeyType::Rsa, [e, n]) => {
            PublicKey::Rsa(RsaPublicKey::from_components(&RsaPublicComponents {
                n: n.to_vec(),
                e: e.to_vec(),
            })?)
        }
        (KeyType::Dsa, [p, q, g, y]) => {
            let key = DsaPublicKey::from_components(
                DsaPublicComponents {
                    parameters: DsaParameterComponents {
                        p: p.to_vec(),
                        q: q.to_vec(),
                        g: g.to_vec(),
                    },
                    y: y.to_vec(),
                },
                Validation::Numbers,
            )?;
            check_dsa_size(&key)?;
            PublicKey::Dsa(key)
        }
        (KeyType::Ecdsa(curve), [_, point]) => {
            PublicKey::Ec(EcPublicKey::from_encoded_point(curve, point)?)
        }
        (KeyType::SkEcdsa, [_, point]) => {
            PublicKey::Ec(EcPublicKey::from_encoded_point(Curve::Secp256r1, point)?)
        }
        (KeyType::Ed25519 | KeyType::SkEd25519, [point]) => {
            PublicKey::Raw(RawPublicKey::from_bytes(RawKeyKind::Ed25519, point)?)
        }
        _ => return Err(invalid()),
    })
}

/// Reads and builds a public key of type `key_type` from `reader`.
pub(crate) fn read_public_fields(
    reader: &mut Reader<'_>,
    key_type: KeyType,
) -> KeyResult<PublicKey> {
    let values = read_public_values(reader, key_type)?;
    public_key_from_values(key_type, &values)
}

/// An ECDSA key's curve name and uncompressed point.
fn read_ecdsa_values<'a>(reader: &mut Reader<'a>, curve: Curve) -> KeyResult<Vec<&'a [u8]>> {
    let name = reader.string()?;
    let point = reader.string()?;
    if name != curve_name(curve) {
        return Err(KeyError::Refused("Curve name mismatch"));
    }
    match point.first() {
        None => Err(KeyError::Refused("Invalid EC point: empty data")),
        Some(4) => Ok(vec![name, point]),
        Some(_) => Err(KeyError::NeedUncompressedPoint),
    }
}

/// Reads a FIDO application string from the front of `data`: returns it and the rest.
pub fn read_application(data: &[u8]) -> KeyResult<(&[u8], &[u8])> {
    let mut reader = Reader::new(data);
    let application = reader.string()?;
    check_application(application)?;
    Ok((application, reader.rest()))
}

/// A FIDO application string must start with "ssh:" (PROTOCOL.u2f).
fn check_application(application: &[u8]) -> KeyResult<()> {
    if application.starts_with(b"ssh:") {
        Ok(())
    } else {
        Err(KeyError::RefusedWith(format!(
            "U2F application string does not start with b'ssh:' ({})",
            bytes_repr(application)
        )))
    }
}

/// Appends a key's public fields (after its type name).
pub(crate) fn write_public_fields(out: &mut Vec<u8>, key: PublicKeyRef<'_>) -> KeyResult<()> {
    match (KeyType::of(key)?, key) {
        (_, PublicKeyRef::Rsa(key)) => {
            let c = key.components();
            out.put_mpint(&c.e);
            out.put_mpint(&c.n);
        }
        (_, PublicKeyRef::Dsa(key)) => {
            let c = key.components();
            check_dsa_size(key)?;
            for value in [&c.parameters.p, &c.parameters.q, &c.parameters.g, &c.y] {
                out.put_mpint(value);
            }
        }
        (KeyType::Ecdsa(curve), PublicKeyRef::Ec(key)) => {
            out.put_string(curve_name(curve));
            out.put_string(&key.encoded_point(false)?);
        }
        (_, PublicKeyRef::Raw(key)) => out.put_string(&key.to_bytes()?),
        _ => return Err(KeyError::Refused("Unsupported key type")),
    }
    Ok(())
}

/// OpenSSH's DSA keys are 1024-bit (FIPS 186-2), read or written.
fn check_dsa_size(key: &DsaPublicKey) -> KeyResult<()> {
    if key.key_size() != 1024 {
        return Err(KeyError::Refused("SSH supports only 1024 bit DSA keys"));
    }
    Ok(())
}

/// A key's public blob: its type name, then its fields.
pub fn public_blob(key: PublicKeyRef<'_>) -> KeyResult<Vec<u8>> {
    let key_type = KeyType::of(key)?;
    let mut out = Vec::new();
    out.put_string(key_type.name().as_bytes());
    write_public_fields(&mut out, key)?;
    Ok(out)
}

/// A key's `authorized_keys` form without a comment: "<type> <base64 blob>".
pub fn public_line(key: PublicKeyRef<'_>) -> KeyResult<Vec<u8>> {
    let blob = public_blob(key)?;
    let key_type = KeyType::of(key)?;
    let mut out = key_type.name().as_bytes().to_vec();
    out.push(b' ');
    out.extend_from_slice(base64_simd::STANDARD.encode_to_string(&blob).as_bytes());
    Ok(out)
}

/// What a public line holds.
pub enum Identity {
    Key(PublicKey),
    /// A certificate and its subject's key.
    Certificate(Box<Certificate>, PublicKey),
}

/// Splits "<type> <base64>[ comment]" (spaces or tabs between), as the reference's
/// pattern `\A(\S+)[ \t]+(\S+)` does.
fn split_line(data: &[u8]) -> KeyResult<(&[u8], &[u8])> {
    let is_space = |b: &u8| b.is_ascii_whitespace() || *b == 0x0b;
    let invalid = || KeyError::Refused("Invalid line format");
    let type_end = data.iter().position(is_space).ok_or_else(invalid)?;
    if type_end == 0 {
        return Err(invalid());
    }
    let gap = data[type_end..]
        .iter()
        .position(|b| *b != b' ' && *b != b'\t')
        .ok_or_else(invalid)?;
    if gap == 0 {
        return Err(invalid());
    }
    let body = &data[type_end + gap..];
    let body_end = body.iter().position(is_space).unwrap_or(body.len());
    if body_end == 0 {
        return Err(invalid());
    }
    Ok((&data[..type_end], &body[..body_end]))
}

/// Reads a public line: a key or a certificate. DSA keys and DSA-signed certificates
/// are refused unless `legacy_dsa_allowed` (only `load_ssh_public_key` allows them).
pub fn load_public_identity(data: &[u8], legacy_dsa_allowed: bool) -> KeyResult<Identity> {
    let (full_type, body) = split_line(data)?;
    let (type_name, with_cert) = match full_type.strip_suffix(CERT_SUFFIX) {
        Some(base) => (base, true),
        None => (full_type, false),
    };
    if type_name == b"ssh-dss" && !legacy_dsa_allowed {
        return Err(KeyError::SshUnsupported(
            "DSA keys aren't supported in SSH certificates".to_string(),
        ));
    }
    let key_type = KeyType::from_name(type_name)?;
    let blob = base64_simd::STANDARD
        .decode_to_vec(body)
        .map_err(|_| KeyError::Refused("Invalid format"))?;
    let mut reader = Reader::new(&blob);
    if reader.string()? != full_type {
        return Err(KeyError::Refused("Invalid key format"));
    }
    if with_cert {
        let (certificate, subject_key) =
            certificate::parse(&blob, full_type, key_type, reader, legacy_dsa_allowed)?;
        return Ok(Identity::Certificate(Box::new(certificate), subject_key));
    }
    let key = read_public_fields(&mut reader, key_type)?;
    reader.finish()?;
    Ok(Identity::Key(key))
}

/// Reads a public line's key (a certificate's subject key for a certificate).
pub fn load_public_key(data: &[u8]) -> KeyResult<PublicKey> {
    match load_public_identity(data, true)? {
        Identity::Key(key) => Ok(key),
        Identity::Certificate(_, key) => Ok(key),
    }
}
