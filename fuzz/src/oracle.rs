//! The independent implementations the differential targets compare the core with:
//! OpenSSL's own KDFs (`EVP_KDF`, with their parameters) and, where OpenSSL has none,
//! HChaCha20 written out from its specification.

#![allow(unsafe_code)]

use std::ffi::{c_char, c_int, c_void, CStr};

use openssl::cipher::Cipher;
use openssl::cipher_ctx::CipherCtx;
use openssl_sys as sys;

extern "C" {
    // In libcrypto since 3.0; openssl-sys does not declare them.
    fn OSSL_PARAM_construct_utf8_string(
        key: *const c_char,
        buf: *mut c_char,
        bsize: usize,
    ) -> sys::OSSL_PARAM;
    fn OSSL_PARAM_construct_int(key: *const c_char, buf: *mut c_int) -> sys::OSSL_PARAM;
}

/// One parameter of an `EVP_KDF` derivation.
pub enum Param<'a> {
    Text(&'static CStr, &'static CStr),
    Octets(&'static CStr, &'a [u8]),
    Int(&'static CStr, c_int),
}

/// Derives `out.len()` bytes with OpenSSL's KDF `name` ("HKDF", "X963KDF", "SSKDF",
/// "KBKDF", ...); `None` when OpenSSL refuses the request.
pub fn evp_kdf(name: &CStr, params: &[Param<'_>], out: &mut [u8]) -> Option<()> {
    // Integers are passed by pointer: keep them alive and in place for the call.
    let mut ints: Vec<c_int> = params
        .iter()
        .map(|param| match param {
            Param::Int(_, value) => *value,
            _ => 0,
        })
        .collect();
    let mut list: Vec<sys::OSSL_PARAM> = Vec::with_capacity(params.len() + 1);
    for (param, int) in params.iter().zip(ints.iter_mut()) {
        // SAFETY: every pointer outlives the derivation below (the names are static, the
        // octets are borrowed for the call, the integers live in `ints`); OpenSSL only
        // reads through them.
        let entry = unsafe {
            match param {
                Param::Text(key, value) => {
                    OSSL_PARAM_construct_utf8_string(key.as_ptr(), value.as_ptr().cast_mut(), 0)
                }
                Param::Octets(key, value) => sys::OSSL_PARAM_construct_octet_string(
                    key.as_ptr(),
                    value.as_ptr().cast_mut().cast::<c_void>(),
                    value.len(),
                ),
                Param::Int(key, _) => OSSL_PARAM_construct_int(key.as_ptr(), int),
            }
        };
        list.push(entry);
    }
    // SAFETY: no preconditions.
    list.push(unsafe { sys::OSSL_PARAM_construct_end() });
    // SAFETY: the name is a C string; a null result is checked; the context and the
    // fetched KDF are freed once each; `out` is writable for its length.
    unsafe {
        let kdf = sys::EVP_KDF_fetch(std::ptr::null_mut(), name.as_ptr(), std::ptr::null());
        if kdf.is_null() {
            return None;
        }
        let ctx = sys::EVP_KDF_CTX_new(kdf);
        sys::EVP_KDF_free(kdf);
        if ctx.is_null() {
            return None;
        }
        let ok = sys::EVP_KDF_derive(ctx, out.as_mut_ptr(), out.len(), list.as_ptr());
        sys::EVP_KDF_CTX_free(ctx);
        // A refused request leaves entries on the queue; they are not ours to keep.
        drop(openssl::error::ErrorStack::get());
        (ok == 1).then_some(())
    }
}

/// OpenSSL's AES-SIV: the synthetic IV, then the ciphertext; `None` when it refuses.
pub fn openssl_siv(key: &[u8], aad: &[&[u8]], plaintext: &[u8]) -> Option<Vec<u8>> {
    let name = match key.len() {
        32 => "AES-128-SIV",
        48 => "AES-192-SIV",
        _ => "AES-256-SIV",
    };
    let cipher = Cipher::fetch(None, name, None).ok()?;
    let mut ctx = CipherCtx::new().ok()?;
    ctx.encrypt_init(Some(&cipher), Some(key), None).ok()?;
    for item in aad {
        ctx.cipher_update(item, None).ok()?;
    }
    let mut body = vec![0u8; plaintext.len() + 16];
    let written = ctx.cipher_update(plaintext, Some(&mut body)).ok()?;
    ctx.cipher_final(&mut []).ok()?;
    body.truncate(written);
    let mut sealed = vec![0u8; 16];
    ctx.tag(&mut sealed).ok()?;
    sealed.extend_from_slice(&body);
    Some(sealed)
}

/// OpenSSL's AES key wrap (`padded`: with padding), wrapping or (`encrypt` false)
/// unwrapping `input`; `None` when it refuses.
pub fn openssl_wrap(kek: &[u8], input: &[u8], padded: bool, encrypt: bool) -> Option<Vec<u8>> {
    let name = format!(
        "AES-{}-WRAP{}",
        kek.len() * 8,
        if padded { "-PAD" } else { "" }
    );
    let cipher = Cipher::fetch(None, &name, None).ok()?;
    let mut ctx = CipherCtx::new().ok()?;
    if encrypt {
        ctx.encrypt_init(Some(&cipher), Some(kek), None).ok()?;
    } else {
        ctx.decrypt_init(Some(&cipher), Some(kek), None).ok()?;
    }
    // OpenSSL's wrap ciphers take an empty update as nothing to do, not as a key to wrap
    // (or a wrapped key) of no bytes, which both specifications exclude.
    if input.is_empty() {
        return None;
    }
    let mut out = vec![0u8; input.len() + 32];
    let written = ctx.cipher_update(input, Some(&mut out)).ok()?;
    out.truncate(written);
    Some(out)
}

/// HChaCha20 (draft-irtf-cfrg-xchacha section 2.2): the ChaCha20 rounds over key, nonce
/// and the constants, keeping words 0-3 and 12-15 without the final addition.
pub fn hchacha20(key: &[u8; 32], nonce: &[u8; 16]) -> [u8; 32] {
    let word = |bytes: &[u8], i: usize| {
        u32::from_le_bytes([
            bytes[4 * i],
            bytes[4 * i + 1],
            bytes[4 * i + 2],
            bytes[4 * i + 3],
        ])
    };
    let mut s = [0u32; 16];
    s[..4].copy_from_slice(&[0x6170_7865, 0x3320_646e, 0x7962_2d32, 0x6b20_6574]);
    for i in 0..8 {
        s[4 + i] = word(key, i);
    }
    for i in 0..4 {
        s[12 + i] = word(nonce, i);
    }
    fn quarter(s: &mut [u32; 16], a: usize, b: usize, c: usize, d: usize) {
        s[a] = s[a].wrapping_add(s[b]);
        s[d] = (s[d] ^ s[a]).rotate_left(16);
        s[c] = s[c].wrapping_add(s[d]);
        s[b] = (s[b] ^ s[c]).rotate_left(12);
        s[a] = s[a].wrapping_add(s[b]);
        s[d] = (s[d] ^ s[a]).rotate_left(8);
        s[c] = s[c].wrapping_add(s[d]);
        s[b] = (s[b] ^ s[c]).rotate_left(7);
    }
    for _ in 0..10 {
        quarter(&mut s, 0, 4, 8, 12);
        quarter(&mut s, 1, 5, 9, 13);
        quarter(&mut s, 2, 6, 10, 14);
        quarter(&mut s, 3, 7, 11, 15);
        quarter(&mut s, 0, 5, 10, 15);
        quarter(&mut s, 1, 6, 11, 12);
        quarter(&mut s, 2, 7, 8, 13);
        quarter(&mut s, 3, 4, 9, 14);
    }
    let mut out = [0u8; 32];
    for i in 0..4 {
        out[4 * i..4 * i + 4].copy_from_slice(&s[i].to_le_bytes());
        out[16 + 4 * i..16 + 4 * i + 4].copy_from_slice(&s[12 + i].to_le_bytes());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hchacha20_of_the_draft() {
        // draft-irtf-cfrg-xchacha-03 section 2.2.1.
        let key: [u8; 32] = std::array::from_fn(|i| i as u8);
        let nonce = [
            0x00, 0x00, 0x00, 0x09, 0x00, 0x00, 0x00, 0x4a, 0x00, 0x00, 0x00, 0x00, 0x31, 0x41,
            0x59, 0x27,
        ];
        let expected = [
            0x82, 0x41, 0x3b, 0x42, 0x27, 0xb2, 0x7b, 0xfe, 0xd3, 0x0e, 0x42, 0x50, 0x8a, 0x87,
            0x7d, 0x73, 0xa0, 0xf9, 0xe4, 0xd5, 0x8a, 0x74, 0xa8, 0x53, 0xc1, 0x2e, 0xc4, 0x13,
            0x26, 0xd3, 0xec, 0xdc,
        ];
        assert_eq!(hchacha20(&key, &nonce), expected);
    }

    /// Each oracle answers (a parameter OpenSSL did not understand would make it refuse
    /// every input, and the differential target compare nothing) and agrees with the core
    /// on one input.
    #[test]
    fn every_kdf_oracle_answers_and_agrees() {
        use cryptography_backend::hash::HashAlgorithm::Sha256;
        use cryptography_backend::kdf::{self, CounterPlacement, KbkdfParams};
        use cryptography_backend::mac::{Cmac, CmacCipher};
        let (key, salt, info) = (&[1u8; 16][..], &[2u8; 8][..], &[3u8; 5][..]);
        let derive = |name: &CStr, params: &[Param<'_>]| {
            let mut out = vec![0u8; 70];
            evp_kdf(name, params, &mut out).expect("OpenSSL derives");
            out
        };
        let mut ours = vec![0u8; 70];
        let digest = Param::Text(c"digest", c"SHA256");
        kdf::x963(Sha256, key, info, &mut ours).unwrap();
        let theirs = derive(
            c"X963KDF",
            &[
                digest,
                Param::Octets(c"key", key),
                Param::Octets(c"info", info),
            ],
        );
        assert_eq!(ours, theirs);
        kdf::concat_hash(Sha256, key, info, &mut ours).unwrap();
        let theirs = derive(
            c"SSKDF",
            &[
                Param::Text(c"digest", c"SHA256"),
                Param::Octets(c"key", key),
                Param::Octets(c"info", info),
            ],
        );
        assert_eq!(ours, theirs);
        kdf::concat_hmac(Sha256, Some(salt), key, info, &mut ours).unwrap();
        let theirs = derive(
            c"SSKDF",
            &[
                Param::Text(c"mac", c"HMAC"),
                Param::Text(c"digest", c"SHA256"),
                Param::Octets(c"key", key),
                Param::Octets(c"info", info),
                Param::Octets(c"salt", salt),
            ],
        );
        assert_eq!(ours, theirs);
        let request = KbkdfParams::new(
            32,
            70,
            2,
            Some(4),
            CounterPlacement::BeforeFixed,
            None,
            salt,
            info,
            None,
        )
        .unwrap();
        request.derive_hmac(Sha256, key, &mut ours).unwrap();
        let kbkdf = |mac: Param<'static>, prf: Param<'static>| {
            derive(
                c"KBKDF",
                &[
                    Param::Text(c"mode", c"counter"),
                    mac,
                    prf,
                    Param::Octets(c"key", key),
                    Param::Octets(c"salt", salt),
                    Param::Octets(c"info", info),
                    Param::Int(c"r", 16),
                ],
            )
        };
        let theirs = kbkdf(
            Param::Text(c"mac", c"HMAC"),
            Param::Text(c"digest", c"SHA256"),
        );
        assert_eq!(ours, theirs);
        let cmac_request = KbkdfParams::new(
            16,
            70,
            2,
            Some(4),
            CounterPlacement::BeforeFixed,
            None,
            salt,
            info,
            None,
        )
        .unwrap();
        let keyed = Cmac::new(CmacCipher::Aes128, key).unwrap();
        cmac_request.derive_cmac(&keyed, &mut ours).unwrap();
        let theirs = kbkdf(
            Param::Text(c"mac", c"CMAC"),
            Param::Text(c"cipher", c"AES-128-CBC"),
        );
        assert_eq!(ours, theirs);
    }

    fn unhex(text: &str) -> Vec<u8> {
        (0..text.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&text[i..i + 2], 16).unwrap())
            .collect()
    }

    #[test]
    fn openssl_siv_of_rfc5297_a1() {
        let key = unhex("fffefdfcfbfaf9f8f7f6f5f4f3f2f1f0f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff");
        let aad = unhex("101112131415161718191a1b1c1d1e1f2021222324252627");
        let plaintext = unhex("112233445566778899aabbccddee");
        assert_eq!(
            openssl_siv(&key, &[&aad], &plaintext).unwrap(),
            unhex("85632d07c6e8f37f950acd320a2ecc9340c02b9690c4dc04daef7f6afe5c")
        );
    }

    #[test]
    fn openssl_wrap_of_rfc3394_4_1() {
        let kek = unhex("000102030405060708090a0b0c0d0e0f");
        let key = unhex("00112233445566778899aabbccddeeff");
        let wrapped = unhex("1fa68b0a8112b447aef34bd8fb5a7b829d3e862371d2cfe5");
        assert_eq!(openssl_wrap(&kek, &key, false, true).unwrap(), wrapped);
        assert_eq!(openssl_wrap(&kek, &wrapped, false, false).unwrap(), key);
        assert!(openssl_wrap(&kek, &[], false, true).is_none());
        // RFC 5649 section 6, the 20-octet key.
        let kek = unhex("5840df6e29b02af1ab493b705bf16ea1ae8338f4dcc176a8");
        let key = unhex("c37b7e6492584340bed12207808941155068f738");
        assert_eq!(
            openssl_wrap(&kek, &key, true, true).unwrap(),
            unhex("138bdeaa9b8fa7fc61f97742e72248ee5ae6ae5360d1ae6a5f54f373fa543b6a")
        );
    }

    #[test]
    fn openssl_hkdf_of_rfc5869_case_1() {
        let ikm = [0x0bu8; 22];
        let salt: Vec<u8> = (0u8..=12).collect();
        let info: Vec<u8> = (0xf0u8..=0xf9).collect();
        let mut okm = [0u8; 42];
        evp_kdf(
            c"HKDF",
            &[
                Param::Text(c"digest", c"SHA256"),
                Param::Octets(c"key", &ikm),
                Param::Octets(c"salt", &salt),
                Param::Octets(c"info", &info),
            ],
            &mut okm,
        )
        .unwrap();
        assert_eq!(okm[..4], [0x3c, 0xb2, 0x5f, 0x25]);
    }
}
