//! The KDFs the core composes itself (HKDF, X9.63, ConcatKDF with a digest and with
//! HMAC, KBKDF in counter mode with HMAC and CMAC, PBKDF2 over the low-level SHA states)
//! against OpenSSL's own implementations of the same constructions. Whatever OpenSSL
//! derives, the core must derive too, byte for byte.
#![no_main]

use std::ffi::CStr;

use cryptography_backend::hash::HashAlgorithm;
use cryptography_backend::kdf::{self, CounterPlacement, KbkdfParams};
use cryptography_backend::mac::{Cmac, CmacCipher};
use cryptography_fuzz::oracle::{evp_kdf, Param};
use cryptography_fuzz::Input;
use libfuzzer_sys::fuzz_target;

const DIGESTS: [(HashAlgorithm, &CStr); 7] = [
    (HashAlgorithm::Sha1, c"SHA1"),
    (HashAlgorithm::Sha224, c"SHA224"),
    (HashAlgorithm::Sha256, c"SHA256"),
    (HashAlgorithm::Sha384, c"SHA384"),
    (HashAlgorithm::Sha512, c"SHA512"),
    (HashAlgorithm::Sha3_256, c"SHA3-256"),
    (HashAlgorithm::Sha512_256, c"SHA512-256"),
];

const CMAC_CIPHERS: [(CmacCipher, &CStr, usize); 3] = [
    (CmacCipher::Aes128, c"AES-128-CBC", 16),
    (CmacCipher::Aes192, c"AES-192-CBC", 24),
    (CmacCipher::Aes256, c"AES-256-CBC", 32),
];

/// X9.63 and ConcatKDF with a digest: (hash, Z, shared info, output).
type CounterKdf = fn(HashAlgorithm, &[u8], &[u8], &mut [u8]) -> cryptography_backend::Result<()>;

/// OpenSSL's answer, then the core's: equal whenever OpenSSL gives one.
fn agree(
    theirs: Option<Vec<u8>>,
    ours: impl FnOnce(&mut [u8]) -> cryptography_backend::Result<()>,
    len: usize,
) {
    let Some(theirs) = theirs else { return };
    let mut mine = vec![0u8; len];
    if let Err(err) = ours(&mut mine) {
        panic!("OpenSSL derived {len} bytes, the core refused: {err:?}");
    }
    assert_eq!(mine, theirs, "the core and OpenSSL differ");
}

fn openssl(name: &CStr, params: &[Param<'_>], len: usize) -> Option<Vec<u8>> {
    let mut out = vec![0u8; len];
    evp_kdf(name, params, &mut out).map(|()| out)
}

fuzz_target!(|data: &[u8]| {
    let mut input = Input::new(data);
    let construction = input.byte() % 7;
    let (hash, digest) = input.pick(&DIGESTS);
    let len = 1 + usize::from(input.byte()) * 3;
    let key = input.bytes(96);
    let salt = input.bytes(96);
    let info = input.bytes(96);
    match construction {
        0 => {
            let mut params = vec![
                Param::Text(c"digest", digest),
                Param::Octets(c"key", key),
                Param::Octets(c"info", info),
            ];
            if !salt.is_empty() {
                params.push(Param::Octets(c"salt", salt));
            }
            let salt = (!salt.is_empty()).then_some(salt);
            agree(
                openssl(c"HKDF", &params, len),
                |out| kdf::hkdf(hash, salt, key, info, out),
                len,
            );
        }
        1 | 2 => {
            // The digest-based counter KDFs take the same three parameters.
            let (name, ours): (&CStr, CounterKdf) = if construction == 1 {
                (c"X963KDF", kdf::x963)
            } else {
                (c"SSKDF", kdf::concat_hash)
            };
            let params = [
                Param::Text(c"digest", digest),
                Param::Octets(c"key", key),
                Param::Octets(c"info", info),
            ];
            agree(
                openssl(name, &params, len),
                |out| ours(hash, key, info, out),
                len,
            );
        }
        3 => {
            // No salt means a block of zeros, as long as the digest's block.
            let zeros = vec![0u8; kdf::hmac_block_len(hash).unwrap_or(0)];
            let given = (!salt.is_empty()).then_some(salt);
            let theirs_salt = given.unwrap_or(&zeros);
            if theirs_salt.is_empty() {
                return;
            }
            agree(
                openssl(
                    c"SSKDF",
                    &[
                        Param::Text(c"mac", c"HMAC"),
                        Param::Text(c"digest", digest),
                        Param::Octets(c"key", key),
                        Param::Octets(c"info", info),
                        Param::Octets(c"salt", theirs_salt),
                    ],
                    len,
                ),
                |out| kdf::concat_hmac(hash, given, key, info, out),
                len,
            );
        }
        4 | 5 => {
            // Counter first, then label || 0x00 || context || [L]32: OpenSSL's layout.
            let rlen = 1 + usize::from(input.byte() % 4);
            let cmac = construction == 5;
            let (prf_len, cipher) = if cmac {
                let (cipher, name, key_len) = input.pick(&CMAC_CIPHERS);
                (16, Some((cipher, name, key_len)))
            } else {
                (hash.output_len(), None)
            };
            let Ok(request) = KbkdfParams::new(
                prf_len,
                len,
                rlen,
                Some(4),
                CounterPlacement::BeforeFixed,
                None,
                salt,
                info,
                None,
            ) else {
                return;
            };
            let r_bits = (rlen * 8) as i32;
            match cipher {
                Some((cipher, name, key_len)) => {
                    let mut cmac_key = [0u8; 32];
                    cmac_key[..key.len().min(key_len)]
                        .copy_from_slice(&key[..key.len().min(key_len)]);
                    let cmac_key = &cmac_key[..key_len];
                    let Ok(keyed) = Cmac::new(cipher, cmac_key) else {
                        return;
                    };
                    agree(
                        openssl(
                            c"KBKDF",
                            &[
                                Param::Text(c"mode", c"counter"),
                                Param::Text(c"mac", c"CMAC"),
                                Param::Text(c"cipher", name),
                                Param::Octets(c"key", cmac_key),
                                Param::Octets(c"salt", salt),
                                Param::Octets(c"info", info),
                                Param::Int(c"r", r_bits),
                            ],
                            len,
                        ),
                        |out| request.derive_cmac(&keyed, out),
                        len,
                    );
                }
                None => agree(
                    openssl(
                        c"KBKDF",
                        &[
                            Param::Text(c"mode", c"counter"),
                            Param::Text(c"mac", c"HMAC"),
                            Param::Text(c"digest", digest),
                            Param::Octets(c"key", key),
                            Param::Octets(c"salt", salt),
                            Param::Octets(c"info", info),
                            Param::Int(c"r", r_bits),
                        ],
                        len,
                    ),
                    |out| request.derive_hmac(hash, key, out),
                    len,
                ),
            }
        }
        _ => {
            let iterations = 1 + u64::from(input.byte()) + u64::from(input.byte());
            let Some(md) = openssl::hash::MessageDigest::from_name(digest.to_str().unwrap_or(""))
            else {
                return;
            };
            let mut theirs = vec![0u8; len];
            let theirs =
                openssl::pkcs5::pbkdf2_hmac(key, salt, iterations as usize, md, &mut theirs)
                    .ok()
                    .map(|()| theirs);
            agree(
                theirs,
                |out| kdf::pbkdf2_hmac(hash, key, salt, iterations, out),
                len,
            );
        }
    }
});
