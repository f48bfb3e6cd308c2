//! Password-based encryption of private keys: PKCS#8 EncryptedPrivateKeyInfo with PBES2
//! (PBKDF2 or scrypt, then AES-CBC or 3DES-CBC) or PKCS#12's SHA-1 schemes (3DES, RC4),
//! and the "traditional" OpenSSL PEM encryption (DEK-Info, EVP_BytesToKey over MD5).

use cryptography_backend::cipher::{self, CipherAlgorithm, Mode};
use cryptography_backend::hash::{HashAlgorithm, Hasher};
use cryptography_backend::kdf;
use zeroize::Zeroizing;

use cryptography_asn1::keys::EncryptedPrivateKeyInfo;
use cryptography_asn1::pkcs5::{PbeParams, Pbes2Params, Pbkdf2Params, ScryptParams};
use cryptography_asn1::{AlgorithmIdentifier, AlgorithmParameters};

use crate::error::{KeyError, KeyResult};

/// A symmetric scheme: cipher, key length, IV.
struct Scheme<'a> {
    algorithm: CipherAlgorithm,
    mode: Mode,
    key_len: usize,
    iv: Option<&'a [u8]>,
}

fn unknown(algorithm: &AlgorithmIdentifier<'_>) -> KeyError {
    KeyError::UnknownEncryption(algorithm.oid().to_string())
}

/// RC2-CBC's parameter version for 128 effective key bits (RFC 8018 appendix B.2.3), the
/// only RC2 strength read here.
const RC2_128_BIT_VERSION: u64 = 58;

/// The cipher of a PBES2 encryption scheme.
fn pbes2_scheme<'a>(scheme: &AlgorithmIdentifier<'a>) -> KeyResult<Scheme<'a>> {
    let (algorithm, key_len, iv) = match &scheme.params {
        AlgorithmParameters::Aes128Cbc(iv) => (CipherAlgorithm::Aes, 16, *iv),
        AlgorithmParameters::Aes192Cbc(iv) => (CipherAlgorithm::Aes, 24, *iv),
        AlgorithmParameters::Aes256Cbc(iv) => (CipherAlgorithm::Aes, 32, *iv),
        AlgorithmParameters::DesEde3Cbc(iv) => (CipherAlgorithm::TripleDes, 24, *iv),
        AlgorithmParameters::DesCbc(iv) => (CipherAlgorithm::Des, 8, *iv),
        AlgorithmParameters::Rc2Cbc(params) => {
            if params.version != Some(RC2_128_BIT_VERSION) || params.iv.len() != 8 {
                return Err(KeyError::Invalid("unsupported RC2 parameters"));
            }
            (CipherAlgorithm::Rc2, 16, params.iv)
        }
        _ => return Err(unknown(scheme)),
    };
    let block = if algorithm == CipherAlgorithm::Aes {
        16
    } else {
        8
    };
    if iv.len() != block {
        return Err(KeyError::Invalid("IV length does not match the cipher"));
    }
    Ok(Scheme {
        algorithm,
        mode: Mode::Cbc,
        key_len,
        iv: Some(iv),
    })
}

/// The PRF of PBKDF2: an HMAC, SHA-1 when absent. (Its parameters, absent or NULL, were
/// checked when the structure was read.)
fn pbkdf2_prf(prf: &Option<AlgorithmIdentifier<'_>>) -> KeyResult<HashAlgorithm> {
    let Some(prf) = prf else {
        return Ok(HashAlgorithm::Sha1);
    };
    match prf.params {
        AlgorithmParameters::HmacSha1(_) => Ok(HashAlgorithm::Sha1),
        AlgorithmParameters::HmacSha224(_) => Ok(HashAlgorithm::Sha224),
        AlgorithmParameters::HmacSha256(_) => Ok(HashAlgorithm::Sha256),
        AlgorithmParameters::HmacSha384(_) => Ok(HashAlgorithm::Sha384),
        AlgorithmParameters::HmacSha512(_) => Ok(HashAlgorithm::Sha512),
        _ => Err(unknown(prf)),
    }
}

/// The most key-derivation iterations a key file may ask for (the reference's own limit).
/// A 109-byte file could otherwise ask for 2**40 PBKDF2 iterations: days of work.
const MAX_ITERATIONS: u64 = (1 << 31) - 1;

fn check_iterations(iterations: u64) -> KeyResult<()> {
    if iterations > MAX_ITERATIONS {
        return Err(KeyError::TooManyIterations);
    }
    Ok(())
}

/// Decrypts PBES2 (RFC 8018 section 6.2).
fn pbes2_decrypt(
    params: &Pbes2Params<'_>,
    password: &[u8],
    data: &[u8],
) -> KeyResult<Zeroizing<Vec<u8>>> {
    let kdf_id = &params.key_derivation_func;
    let (pbkdf2, scrypt): (
        Option<(&Pbkdf2Params<'_>, HashAlgorithm)>,
        Option<&ScryptParams<'_>>,
    ) = match &kdf_id.params {
        AlgorithmParameters::Pbkdf2(p) => (Some((p, pbkdf2_prf(&p.prf)?)), None),
        AlgorithmParameters::Scrypt(p) => (None, Some(p)),
        _ => return Err(unknown(kdf_id)),
    };
    let scheme = pbes2_scheme(&params.encryption_scheme)?;
    let mut key = Zeroizing::new(vec![0u8; scheme.key_len]);
    if let Some((p, prf)) = pbkdf2 {
        if p.iteration_count == 0 {
            return Err(KeyError::Invalid("PBKDF2 iteration count is zero"));
        }
        check_iterations(p.iteration_count)?;
        if p.key_length.is_some_and(|len| len != scheme.key_len as u64) {
            return Err(KeyError::Invalid(
                "PBKDF2 key length does not match the cipher",
            ));
        }
        kdf::pbkdf2_hmac(prf, password, p.salt, p.iteration_count, &mut key)?;
    } else if let Some(p) = scrypt {
        if p.key_length.is_some_and(|len| len != scheme.key_len as u64) {
            return Err(KeyError::Invalid(
                "scrypt key length does not match the cipher",
            ));
        }
        let params =
            kdf::ScryptParams::new(p.cost_parameter, p.block_size, p.parallelization_parameter)
                .map_err(|_| KeyError::Invalid("scrypt parameters"))?;
        kdf::scrypt(password, p.salt, params, &mut key)
            .map_err(|_| KeyError::Invalid("scrypt parameters"))?;
    }
    decrypt_with(&scheme, &key, data)
}

fn decrypt_with(scheme: &Scheme<'_>, key: &[u8], data: &[u8]) -> KeyResult<Zeroizing<Vec<u8>>> {
    cipher::decrypt_padded(scheme.algorithm, scheme.mode, key, scheme.iv, data).map_err(|err| {
        match err {
            cryptography_backend::Error::Unsupported(_, name) => {
                KeyError::UnsupportedPemCipher(name.to_string())
            }
            _ => KeyError::IncorrectPassword,
        }
    })
}

/// Decrypts one of PKCS#12's SHA-1 schemes (RFC 7292 appendix C).
fn pkcs12_decrypt(
    algorithm: &AlgorithmIdentifier<'_>,
    password: &[u8],
    data: &[u8],
) -> KeyResult<Zeroizing<Vec<u8>>> {
    use AlgorithmParameters as P;
    let (cipher_algorithm, mode, key_len, iv_len, params) = match &algorithm.params {
        P::PbeSha1TripleDes(p) => (CipherAlgorithm::TripleDes, Mode::Cbc, 24, 8, p),
        P::PbeSha1TwoKeyDes(p) => (CipherAlgorithm::TripleDes, Mode::Cbc, 16, 8, p),
        P::PbeSha1Rc4_128(p) => (CipherAlgorithm::Rc4, Mode::Stream, 16, 0, p),
        P::PbeSha1Rc4_40(p) => (CipherAlgorithm::Rc4, Mode::Stream, 5, 0, p),
        P::PbeSha1Rc2_128(p) => (CipherAlgorithm::Rc2, Mode::Cbc, 16, 8, p),
        P::PbeSha1Rc2_40(p) => (CipherAlgorithm::Rc2, Mode::Cbc, 5, 8, p),
        P::PbeMd5Des(p) => return pbes1_decrypt(HashAlgorithm::Md5, p, password, data),
        P::PbeSha1Des(p) => return pbes1_decrypt(HashAlgorithm::Sha1, p, password, data),
        _ => return Err(unknown(algorithm)),
    };
    check_iterations(params.iterations)?;
    let iterations = u32::try_from(params.iterations).map_err(|_| KeyError::TooManyIterations)?;
    let mut key = Zeroizing::new(vec![0u8; key_len]);
    kdf::pkcs12(
        HashAlgorithm::Sha1,
        password,
        params.salt,
        iterations,
        1,
        &mut key,
    )?;
    if key_len == 16 && cipher_algorithm == CipherAlgorithm::TripleDes {
        // Two-key 3DES: K1 || K2 || K1.
        let first = key[..8].to_vec();
        key.extend_from_slice(&first);
    }
    let mut iv = [0u8; 8];
    if iv_len > 0 {
        kdf::pkcs12(
            HashAlgorithm::Sha1,
            password,
            params.salt,
            iterations,
            2,
            &mut iv,
        )?;
    }
    let scheme = Scheme {
        algorithm: cipher_algorithm,
        mode,
        key_len: key.len(),
        iv: (iv_len > 0).then_some(&iv[..]),
    };
    decrypt_with(&scheme, &key, data)
}

/// Decrypts PBES1 with DES-CBC (RFC 8018 section 6.1): PBKDF1 over MD5 or SHA-1 gives
/// the key and the IV.
fn pbes1_decrypt(
    hash: HashAlgorithm,
    params: &PbeParams<'_>,
    password: &[u8],
    data: &[u8],
) -> KeyResult<Zeroizing<Vec<u8>>> {
    if params.iterations == 0 || params.salt.len() != 8 {
        return Err(KeyError::Invalid("PBES1 parameters"));
    }
    check_iterations(params.iterations)?;
    // PBKDF1: T1 = Hash(P || S), Ti = Hash(Ti-1).
    let mut derived = Zeroizing::new(vec![0u8; hash.output_len()]);
    let mut hasher = Hasher::new(hash)?;
    hasher.update(password)?;
    hasher.update(params.salt)?;
    hasher.finalize_into(&mut derived)?;
    for iteration in 1..params.iterations {
        if iteration % 4096 == 0 {
            cryptography_backend::interrupt::keep_going()?;
        }
        let previous = derived.clone();
        Hasher::digest_into(hash, &previous, &mut derived)?;
    }
    let scheme = Scheme {
        algorithm: CipherAlgorithm::Des,
        mode: Mode::Cbc,
        key_len: 8,
        iv: Some(&derived[8..16]),
    };
    decrypt_with(&scheme, &derived[..8], data)
}

/// Decrypts an EncryptedPrivateKeyInfo into the PrivateKeyInfo it holds.
pub fn decrypt_pkcs8(
    info: &EncryptedPrivateKeyInfo<'_>,
    password: &[u8],
) -> KeyResult<Zeroizing<Vec<u8>>> {
    pbe_decrypt(&info.encryption_algorithm, password, info.encrypted_data)
}

/// Decrypts data encrypted under a password with the scheme `algorithm` names (PBES2,
/// PKCS#12's SHA-1 schemes, PBES1): a PKCS#8 key, or a PKCS#12 file's encrypted bags.
pub fn pbe_decrypt(
    algorithm: &AlgorithmIdentifier<'_>,
    password: &[u8],
    data: &[u8],
) -> KeyResult<Zeroizing<Vec<u8>>> {
    match &algorithm.params {
        AlgorithmParameters::Pbes2(params) => pbes2_decrypt(params, password, data),
        _ => pkcs12_decrypt(algorithm, password, data),
    }
}

/// PBKDF2 iterations for keys this library encrypts.
const PBKDF2_ITERATIONS: u64 = 2048;

/// The password-based schemes this library encrypts with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PbeScheme {
    /// PBES2 (RFC 8018): PBKDF2-HMAC-SHA256 over a 16-byte salt, then AES-256-CBC.
    Pbes2Sha256Aes256Cbc,
    /// PKCS#12's pbeWithSHAAnd3-KeyTripleDES-CBC (RFC 7292 appendix C): its SHA-1 KDF
    /// over an 8-byte salt gives the key and the IV. Kept for readers that know nothing
    /// newer.
    Pkcs12Sha1TripleDesCbc,
}

/// Data encrypted under a password, with the parameters a reader needs to decrypt it.
pub struct PbeEncrypted {
    scheme: PbeScheme,
    iterations: u64,
    salt: Vec<u8>,
    iv: Vec<u8>,
    pub ciphertext: Vec<u8>,
}

impl PbeEncrypted {
    /// The AlgorithmIdentifier that names the scheme and its parameters.
    pub fn algorithm(&self) -> AlgorithmIdentifier<'_> {
        match self.scheme {
            PbeScheme::Pbes2Sha256Aes256Cbc => {
                let pbes2 = Pbes2Params {
                    key_derivation_func: AlgorithmIdentifier::new(AlgorithmParameters::Pbkdf2(
                        Box::new(Pbkdf2Params {
                            salt: &self.salt,
                            iteration_count: self.iterations,
                            key_length: None,
                            prf: Some(AlgorithmIdentifier::new(AlgorithmParameters::HmacSha256(
                                Some(()),
                            ))),
                        }),
                    )),
                    encryption_scheme: AlgorithmIdentifier::new(AlgorithmParameters::Aes256Cbc(
                        &self.iv,
                    )),
                };
                AlgorithmIdentifier::new(AlgorithmParameters::Pbes2(Box::new(pbes2)))
            }
            PbeScheme::Pkcs12Sha1TripleDesCbc => {
                AlgorithmIdentifier::new(AlgorithmParameters::PbeSha1TripleDes(PbeParams {
                    salt: &self.salt,
                    iterations: self.iterations,
                }))
            }
        }
    }
}

/// Encrypts `plaintext` under `password` with `scheme` and `iterations` of its KDF (at
/// least 1), with a fresh random salt and IV.
pub fn pbe_encrypt(
    scheme: PbeScheme,
    password: &[u8],
    iterations: u64,
    plaintext: &[u8],
) -> KeyResult<PbeEncrypted> {
    if iterations == 0 {
        return Err(KeyError::Invalid("a KDF needs at least one iteration"));
    }
    let (ciphertext, salt, iv) = match scheme {
        PbeScheme::Pbes2Sha256Aes256Cbc => {
            let mut salt = vec![0u8; 16];
            let mut iv = vec![0u8; 16];
            cryptography_backend::random_bytes(&mut salt)?;
            cryptography_backend::random_bytes(&mut iv)?;
            let mut key = Zeroizing::new([0u8; 32]);
            kdf::pbkdf2_hmac(
                HashAlgorithm::Sha256,
                password,
                &salt,
                iterations,
                &mut key[..],
            )?;
            let encrypted = cipher::encrypt_padded(
                CipherAlgorithm::Aes,
                Mode::Cbc,
                &key[..],
                Some(&iv),
                plaintext,
            )?;
            (encrypted, salt, iv)
        }
        PbeScheme::Pkcs12Sha1TripleDesCbc => {
            let iterations = u32::try_from(iterations).map_err(|_| KeyError::TooManyIterations)?;
            let mut salt = vec![0u8; 8];
            cryptography_backend::random_bytes(&mut salt)?;
            let mut key = Zeroizing::new([0u8; 24]);
            let mut iv = vec![0u8; 8];
            kdf::pkcs12(
                HashAlgorithm::Sha1,
                password,
                &salt,
                iterations,
                1,
                &mut key[..],
            )?;
            kdf::pkcs12(HashAlgorithm::Sha1, password, &salt, iterations, 2, &mut iv)?;
            let encrypted = cipher::encrypt_padded(
                CipherAlgorithm::TripleDes,
                Mode::Cbc,
                &key[..],
                Some(&iv),
                plaintext,
            )?;
            // The IV is derived, not carried.
            (encrypted, salt, Vec::new())
        }
    };
    Ok(PbeEncrypted {
        scheme,
        iterations,
        salt,
        iv,
        ciphertext,
    })
}

/// Encrypts a PrivateKeyInfo as PBES2: PBKDF2-HMAC-SHA256 (16-byte salt) and AES-256-CBC.
pub fn encrypt_pkcs8(private_key_info: &[u8], password: &[u8]) -> KeyResult<Vec<u8>> {
    let encrypted = pbe_encrypt(
        PbeScheme::Pbes2Sha256Aes256Cbc,
        password,
        PBKDF2_ITERATIONS,
        private_key_info,
    )?;
    Ok(asn1::write_single(&EncryptedPrivateKeyInfo {
        encryption_algorithm: encrypted.algorithm(),
        encrypted_data: &encrypted.ciphertext,
    })?)
}

/// A traditional PEM's encryption, from its DEK-Info header.
pub struct DekInfo {
    algorithm: CipherAlgorithm,
    key_len: usize,
    iv_text: String,
}

/// Reads a traditional PEM block's Proc-Type and DEK-Info headers: `None` when it is not
/// encrypted.
pub fn dek_info(block: &crate::armor::Block) -> KeyResult<Option<DekInfo>> {
    let encrypted = block
        .header("Proc-Type")
        .is_some_and(|value| value.trim() == "4,ENCRYPTED");
    if !encrypted {
        return Ok(None);
    }
    let value = block.header("DEK-Info").ok_or(KeyError::PemHeader(
        "Encrypted PEM doesn't have a DEK-Info header.",
    ))?;
    let (name, iv) = value.split_once(',').ok_or(KeyError::PemHeader(
        "Encrypted PEM's DEK-Info header is not valid.",
    ))?;
    let (algorithm, key_len) = match name.trim() {
        "AES-128-CBC" => (CipherAlgorithm::Aes, 16),
        "AES-192-CBC" => (CipherAlgorithm::Aes, 24),
        "AES-256-CBC" => (CipherAlgorithm::Aes, 32),
        "DES-EDE3-CBC" => (CipherAlgorithm::TripleDes, 24),
        other => return Err(KeyError::UnsupportedPemCipher(other.to_string())),
    };
    Ok(Some(DekInfo {
        algorithm,
        key_len,
        iv_text: iv.trim().to_string(),
    }))
}

fn hex_decode(text: &str) -> Option<Vec<u8>> {
    if text.len() % 2 != 0 {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok())
        .collect()
}

/// OpenSSL's EVP_BytesToKey with MD5 and one iteration, as traditional PEM encryption
/// derives its key from the password and the first eight bytes of the IV.
fn bytes_to_key(password: &[u8], salt: &[u8], key_len: usize) -> KeyResult<Zeroizing<Vec<u8>>> {
    let mut key = Zeroizing::new(Vec::with_capacity(key_len + 16));
    let mut previous = Zeroizing::new([0u8; 16]);
    let mut first = true;
    while key.len() < key_len {
        let mut hasher = Hasher::new(HashAlgorithm::Md5)?;
        if !first {
            hasher.update(&previous[..])?;
        }
        hasher.update(password)?;
        hasher.update(salt)?;
        hasher.finalize_into(&mut previous[..])?;
        key.extend_from_slice(&previous[..]);
        first = false;
    }
    key.truncate(key_len);
    Ok(key)
}

/// Decrypts a traditional PEM block's content.
pub fn decrypt_traditional(
    info: &DekInfo,
    password: &[u8],
    data: &[u8],
) -> KeyResult<Zeroizing<Vec<u8>>> {
    let block = if info.algorithm == CipherAlgorithm::Aes {
        16
    } else {
        8
    };
    let iv = hex_decode(&info.iv_text)
        .filter(|iv| iv.len() == block)
        .ok_or(KeyError::PemHeader("DEK-Info IV is not valid hex"))?;
    let key = bytes_to_key(password, &iv[..8], info.key_len)?;
    let scheme = Scheme {
        algorithm: info.algorithm,
        mode: Mode::Cbc,
        key_len: info.key_len,
        iv: Some(&iv),
    };
    decrypt_with(&scheme, &key, data)
}

/// Encrypts a traditional key with AES-256-CBC; returns the DEK-Info value and the
/// ciphertext.
pub fn encrypt_traditional(der: &[u8], password: &[u8]) -> KeyResult<(String, Vec<u8>)> {
    let mut iv = [0u8; 16];
    cryptography_backend::random_bytes(&mut iv)?;
    let key = bytes_to_key(password, &iv[..8], 32)?;
    let encrypted = cipher::encrypt_padded(CipherAlgorithm::Aes, Mode::Cbc, &key, Some(&iv), der)?;
    let iv_hex: String = iv.iter().map(|b| format!("{b:02X}")).collect();
    Ok((format!("AES-256-CBC,{iv_hex}"), encrypted))
}
