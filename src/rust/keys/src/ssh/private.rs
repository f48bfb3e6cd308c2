//! OpenSSH private key files (openssh-key-v1, OpenSSH's PROTOCOL.key): one key, its
//! public blob in the clear, and a secret section (two equal check integers, the key's
//! private fields, a comment and padding 1, 2, 3, ...) encrypted, when a passphrase is
//! set, under a key from bcrypt_pbkdf (`cryptography_backend::openssh`).

use cryptography_backend::dsa::{DsaPrivateComponents, DsaPrivateKey, Validation};
use cryptography_backend::ec::EcPrivateKey;
use cryptography_backend::ecx::{RawKeyKind, RawPrivateKey};
use cryptography_backend::openssh::{derive_key, FileCipher};
use cryptography_backend::rsa::{RsaPrivateComponents, RsaPrivateKey, RsaPublicComponents};
use zeroize::Zeroizing;

use super::{
    public_key_from_values, read_public_values, write_public_fields, KeyType, Reader, Writer,
};
use crate::error::{KeyError, KeyResult};
use crate::{PrivateKey, PrivateKeyRef, PublicKey};

const MAGIC: &[u8] = b"openssh-key-v1\0";
const BEGIN: &[u8] = b"-----BEGIN OPENSSH PRIVATE KEY-----";
const END: &[u8] = b"-----END OPENSSH PRIVATE KEY-----";

/// The cipher and rounds a passphrase-protected key is written with when nothing else
/// is asked (OpenSSH's own defaults).
pub const DEFAULT_CIPHER: FileCipher = FileCipher::Aes256Ctr;
pub const DEFAULT_ROUNDS: u32 = 16;

/// The padding of the secret section: 1, 2, 3, ... up to a block.
const PADDING: [u8; 16] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16];

fn not_openssh() -> KeyError {
    KeyError::Refused("Not OpenSSH private key format")
}

/// The decoded body of the first OPENSSH PRIVATE KEY block anywhere in `data`.
fn decode_armor(data: &[u8]) -> KeyResult<Zeroizing<Vec<u8>>> {
    let start = find(data, BEGIN).ok_or_else(not_openssh)? + BEGIN.len();
    let end = start + find(&data[start..], END).ok_or_else(not_openssh)?;
    let body: Zeroizing<Vec<u8>> = Zeroizing::new(
        data[start..end]
            .iter()
            .copied()
            .filter(|b| !b.is_ascii_whitespace())
            .collect(),
    );
    let decoded = base64_simd::STANDARD
        .decode_to_vec(&*body)
        .map_err(|_| KeyError::Refused("Invalid base64 in OpenSSH private key"))?;
    Ok(Zeroizing::new(decoded))
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|window| window == needle)
}

fn check_blocks(data: &[u8], block_len: usize) -> KeyResult<()> {
    if data.is_empty() || data.len() % block_len != 0 {
        return Err(KeyError::Refused("Corrupt data: missing padding"));
    }
    Ok(())
}

/// Reads an OpenSSH private key file. `validate_rsa` runs RSA's full key check.
pub fn load(data: &[u8], password: Option<&[u8]>, validate_rsa: bool) -> KeyResult<PrivateKey> {
    load_limited(data, password, validate_rsa, u32::MAX)
}

/// `load`, refusing a file that asks for more than `max_rounds` bcrypt_pbkdf rounds
/// (for callers, such as the fuzzers, that read untrusted files with a passphrase).
pub fn load_limited(
    data: &[u8],
    password: Option<&[u8]>,
    validate_rsa: bool,
    max_rounds: u32,
) -> KeyResult<PrivateKey> {
    let decoded = decode_armor(data)?;
    let body = decoded.strip_prefix(MAGIC).ok_or_else(not_openssh)?;
    let mut reader = Reader::new(body);
    let cipher_name = reader.string()?;
    let kdf_name = reader.string()?;
    let kdf_options = reader.string()?;
    if reader.u32()? != 1 {
        return Err(KeyError::Refused("Only one key supported"));
    }
    let mut public = Reader::new(reader.string()?);
    let key_type = KeyType::from_name(public.string()?)?;
    if matches!(key_type, KeyType::SkEcdsa | KeyType::SkEd25519) {
        return Err(KeyError::SshUnsupported(format!(
            "{} private keys cannot be loaded",
            key_type.name().trim_end_matches("@openssh.com")
        )));
    }
    // The public fields are compared with the secret section's copy; the key is built
    // from the private values (as the reference builds it: an ECDSA key from its scalar).
    let public_values = read_public_values(&mut public, key_type)?;
    public.finish()?;

    let secret = if cipher_name != b"none" || kdf_name != b"none" {
        let cipher = FileCipher::from_name(cipher_name).ok_or_else(|| {
            KeyError::SshUnsupported(format!(
                "Unsupported cipher: {}",
                super::bytes_repr(cipher_name)
            ))
        })?;
        if kdf_name != b"bcrypt" {
            return Err(KeyError::SshUnsupported(format!(
                "Unsupported KDF: {}",
                super::bytes_repr(kdf_name)
            )));
        }
        let sealed = reader.string()?;
        // An AEAD's tag follows the section, outside its length (OpenSSH bug 3553).
        let tag = reader.rest();
        if tag.len() != cipher.tag_len() {
            if cipher.tag_len() == 0 {
                reader.finish()?;
            }
            return Err(KeyError::Refused(
                "Corrupt data: invalid tag length for cipher",
            ));
        }
        check_blocks(sealed, cipher.block_len())?;
        let mut options = Reader::new(kdf_options);
        let salt = options.string()?;
        let rounds = options.u32()?;
        options.finish()?;
        if rounds > max_rounds {
            return Err(KeyError::Refused("Too many bcrypt_pbkdf rounds"));
        }
        let password = password
            .filter(|password| !password.is_empty())
            .ok_or(KeyError::SshPasswordMissing)?;
        let key = derive_key(cipher, password, salt, rounds)?;
        cipher.decrypt(&key, sealed, tag)?
    } else {
        if password.is_some_and(|password| !password.is_empty()) {
            return Err(KeyError::PasswordGiven);
        }
        let secret = reader.string()?;
        reader.finish()?;
        check_blocks(secret, 8)?;
        Zeroizing::new(secret.to_vec())
    };

    let mut secret_reader = Reader::new(&secret);
    if secret_reader.u32()? != secret_reader.u32()? {
        return Err(KeyError::Refused("Corrupt data: broken checksum"));
    }
    if KeyType::from_name(secret_reader.string()?)? != key_type {
        return Err(KeyError::Refused("Corrupt data: key type mismatch"));
    }
    let key = read_private_fields(&mut secret_reader, key_type, &public_values, validate_rsa)?;
    let _comment = secret_reader.string()?;
    let padding = secret_reader.rest();
    if padding.len() > PADDING.len() || padding != &PADDING[..padding.len()] {
        return Err(KeyError::Refused("Corrupt data: invalid padding"));
    }
    Ok(key)
}

fn mismatch(what: &'static str) -> KeyError {
    KeyError::Refused(what)
}

/// Reads a key's private fields, which repeat its public ones (checked against the
/// public blob's, `public`).
fn read_private_fields(
    reader: &mut Reader<'_>,
    key_type: KeyType,
    public: &[&[u8]],
    validate_rsa: bool,
) -> KeyResult<PrivateKey> {
    let significant = cryptography_asn1::integer::significant;
    let same_integers = |a: &[&[u8]], b: &[&[u8]]| {
        a.len() == b.len()
            && a.iter()
                .zip(b)
                .all(|(x, y)| significant(x) == significant(y))
    };
    Ok(match key_type {
        KeyType::Rsa => {
            let (n, e, d, iqmp, p, q) = (
                reader.mpint()?,
                reader.mpint()?,
                reader.mpint()?,
                reader.mpint()?,
                reader.mpint()?,
                reader.mpint()?,
            );
            if !same_integers(&[e, n], public) {
                return Err(mismatch("Corrupt data: rsa field mismatch"));
            }
            let (dmp1, dmq1) = cryptography_backend::rsa::crt::private_exponents(d, p, q)?;
            let components = RsaPrivateComponents {
                public: RsaPublicComponents {
                    n: n.to_vec(),
                    e: e.to_vec(),
                },
                d: Zeroizing::new(d.to_vec()),
                p: Zeroizing::new(p.to_vec()),
                q: Zeroizing::new(q.to_vec()),
                dmp1,
                dmq1,
                iqmp: Zeroizing::new(iqmp.to_vec()),
            };
            PrivateKey::Rsa(RsaPrivateKey::from_components(&components, validate_rsa)?)
        }
        KeyType::Dsa => {
            let values = read_public_values(reader, key_type)?;
            let x = reader.mpint()?;
            if !same_integers(&values, public) {
                return Err(mismatch("Corrupt data: dsa field mismatch"));
            }
            let PublicKey::Dsa(key) = public_key_from_values(key_type, &values)? else {
                return Err(mismatch("Corrupt data: dsa field mismatch"));
            };
            let components = DsaPrivateComponents {
                public: key.components().clone(),
                x: Zeroizing::new(x.to_vec()),
            };
            PrivateKey::Dsa(DsaPrivateKey::from_components(
                components,
                Validation::Numbers,
            )?)
        }
        KeyType::Ecdsa(curve) => {
            let values = read_public_values(reader, key_type)?;
            let scalar = reader.mpint()?;
            if values != public {
                return Err(mismatch("Corrupt data: ecdsa field mismatch"));
            }
            PrivateKey::Ec(EcPrivateKey::derive(curve, scalar)?)
        }
        KeyType::Ed25519 => {
            let point = reader.string()?;
            let pair = reader.string()?;
            if pair.len() != 64 || [point] != public || pair[32..] != *point {
                return Err(mismatch("Corrupt data: ed25519 field mismatch"));
            }
            PrivateKey::Raw(RawPrivateKey::from_bytes(RawKeyKind::Ed25519, &pair[..32])?)
        }
        KeyType::SkEcdsa | KeyType::SkEd25519 => {
            return Err(KeyError::Refused("Unsupported key type"))
        }
    })
}

fn write_private_fields(out: &mut Vec<u8>, key: PrivateKeyRef<'_>) -> KeyResult<()> {
    match key {
        PrivateKeyRef::Rsa(key) => {
            let c = key.components();
            for value in [&c.public.n[..], &c.public.e, &c.d, &c.iqmp, &c.p, &c.q] {
                out.put_mpint(value);
            }
        }
        PrivateKeyRef::Dsa(key) => {
            let public = key.public_key()?;
            write_public_fields(out, crate::PublicKeyRef::Dsa(&public))?;
            out.put_mpint(&key.components().x);
        }
        PrivateKeyRef::Ec(key) => {
            let public = key.public_key()?;
            write_public_fields(out, crate::PublicKeyRef::Ec(&public))?;
            out.put_mpint(&key.private_value()?);
        }
        PrivateKeyRef::Raw(key) => {
            let public = key.public_key()?.to_bytes()?;
            out.put_string(&public);
            let mut pair = Zeroizing::new(key.to_bytes()?.to_vec());
            pair.extend_from_slice(&public);
            out.put_string(&pair);
        }
        PrivateKeyRef::Dh(_) | PrivateKeyRef::MlDsa(_) | PrivateKeyRef::MlKem(_) => {
            return Err(KeyError::Refused("Unsupported key type"))
        }
    }
    Ok(())
}

/// How a key file is protected.
#[derive(Clone, Copy)]
pub struct Protection<'a> {
    pub passphrase: &'a [u8],
    pub rounds: u32,
}

impl std::fmt::Debug for Protection<'_> {
    // The passphrase is never printed.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Protection {{ rounds: {} }}", self.rounds)
    }
}

/// Writes a key file (PEM-armored like the other key files), encrypted
/// with aes256-ctr under bcrypt_pbkdf when `protection` is given.
pub fn serialize(key: PrivateKeyRef<'_>, protection: Option<Protection<'_>>) -> KeyResult<Vec<u8>> {
    let public = key.public_key()?;
    let key_type = KeyType::of(public.as_key_ref())?;
    let public_blob = super::public_blob(public.as_key_ref())?;

    let check = {
        let mut check = [0u8; 4];
        cryptography_backend::random_bytes(&mut check)?;
        check
    };
    let mut secret = Zeroizing::new(Vec::new());
    secret.extend_from_slice(&check);
    secret.extend_from_slice(&check);
    secret.put_string(key_type.name().as_bytes());
    write_private_fields(&mut secret, key)?;
    secret.put_string(b"");

    let (cipher, kdf_options, key_iv) = match &protection {
        Some(protection) => {
            let mut salt = [0u8; 16];
            cryptography_backend::random_bytes(&mut salt)?;
            let mut options = Vec::new();
            options.put_string(&salt);
            options.put_u32(protection.rounds);
            let key_iv = derive_key(
                DEFAULT_CIPHER,
                protection.passphrase,
                &salt,
                protection.rounds,
            )?;
            (Some(DEFAULT_CIPHER), options, Some(key_iv))
        }
        None => (None, Vec::new(), None),
    };
    let block_len = cipher.map_or(8, FileCipher::block_len);
    // At least one byte of padding, as the reference writes it.
    let pad = block_len - secret.len() % block_len;
    secret.extend_from_slice(&PADDING[..pad]);

    let mut body = MAGIC.to_vec();
    body.put_string(cipher.map_or("none", FileCipher::name).as_bytes());
    body.put_string(if cipher.is_some() { b"bcrypt" } else { b"none" });
    body.put_string(&kdf_options);
    body.put_u32(1);
    body.put_string(&public_blob);
    match (cipher, key_iv) {
        (Some(cipher), Some(key_iv)) => {
            let sealed = cipher.encrypt(&key_iv, &secret)?;
            body.put_string(&sealed.ciphertext);
            body.extend_from_slice(&sealed.tag);
        }
        _ => body.put_string(&secret),
    }
    let body = Zeroizing::new(body);
    Ok(crate::armor::encode("OPENSSH PRIVATE KEY", &body, &[]))
}
