//! Key derivation through OpenSSL's one-call and `EVP_KDF` forms: PBKDF2, scrypt, Argon2
//! (with OpenSSL's thread pool) and the PKCS#12 KDF.

use std::ffi::{c_int, CStr};
use std::ptr;

use openssl::error::ErrorStack;
use openssl_sys as sys;

use super::{check, check_ptr, FetchedDigest, OSSL_PARAM_construct_utf8_string};
use crate::error::Error;

/// PBKDF2-HMAC (RFC 8018) with a fetched digest: OpenSSL's one-call form. Lengths and the
/// iteration count must fit OpenSSL's `int`; callers check.
pub(crate) fn pbkdf2_hmac(
    digest: &FetchedDigest,
    password: &[u8],
    salt: &[u8],
    iterations: c_int,
    out: &mut [u8],
) -> Result<(), Error> {
    let (Ok(pass_len), Ok(salt_len), Ok(out_len)) = (
        c_int::try_from(password.len()),
        c_int::try_from(salt.len()),
        c_int::try_from(out.len()),
    ) else {
        return Err(Error::ParameterTooLarge("PBKDF2 input or output"));
    };
    // SAFETY: each pointer is valid for the length passed with it; OpenSSL writes exactly
    // `out_len` bytes to `out`.
    check(unsafe {
        sys::PKCS5_PBKDF2_HMAC(
            password.as_ptr().cast(),
            pass_len,
            salt.as_ptr(),
            salt_len,
            iterations,
            digest.0,
            out_len,
            out.as_mut_ptr(),
        )
    })?;
    Ok(())
}

/// scrypt (RFC 7914): OpenSSL's one-call form, allowed `max_memory` bytes.
pub(crate) fn scrypt(
    password: &[u8],
    salt: &[u8],
    n: u64,
    r: u64,
    p: u64,
    max_memory: u64,
    out: &mut [u8],
) -> Result<(), ErrorStack> {
    // SAFETY: each pointer is valid for the length passed with it; OpenSSL writes exactly
    // `out.len()` bytes to `out`.
    check(unsafe {
        sys::EVP_PBE_scrypt(
            password.as_ptr().cast(),
            password.len(),
            salt.as_ptr(),
            salt.len(),
            n,
            r,
            p,
            max_memory,
            out.as_mut_ptr(),
            out.len(),
        )
    })
}

/// A key derivation function fetched once from the default library context (Argon2).
pub(crate) struct FetchedKdf(*mut sys::EVP_KDF);

// SAFETY: as for `FetchedDigest`: reference counted, immutable after fetch.
unsafe impl Send for FetchedKdf {}
// SAFETY: as above.
unsafe impl Sync for FetchedKdf {}

impl FetchedKdf {
    pub(crate) fn fetch(name: &CStr) -> Result<Self, ErrorStack> {
        // SAFETY: `name` is NUL-terminated; null means the default context and properties.
        let kdf = unsafe { sys::EVP_KDF_fetch(ptr::null_mut(), name.as_ptr(), ptr::null()) };
        check_ptr(kdf).map(FetchedKdf)
    }
}

impl Drop for FetchedKdf {
    fn drop(&mut self) {
        // SAFETY: we own one reference to a non-null EVP_KDF.
        unsafe { sys::EVP_KDF_free(self.0) }
    }
}

/// The inputs of an Argon2 derivation (RFC 9106); `secret` and `ad` may be empty.
pub(crate) struct Argon2Inputs<'a> {
    pub(crate) password: &'a [u8],
    pub(crate) salt: &'a [u8],
    pub(crate) secret: &'a [u8],
    pub(crate) ad: &'a [u8],
    pub(crate) iterations: u32,
    pub(crate) lanes: u32,
    pub(crate) memory_kib: u32,
}

/// Lets OpenSSL's thread pool (Argon2's lanes) use as many threads as the machine has
/// cores, unless a higher limit is already set. (The pool arrived in OpenSSL 3.2.)
#[cfg(ossl320)]
pub(crate) fn raise_thread_limit() {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get() as u64);
    // SAFETY: a null library context means the default one; both calls only read or set
    // its thread limit.
    unsafe {
        let current = sys::OSSL_get_max_threads(ptr::null_mut());
        if cores > current {
            sys::OSSL_set_max_threads(ptr::null_mut(), cores);
        }
    }
}

/// Argon2 through OpenSSL, its lanes on up to `threads` threads of OpenSSL's pool.
pub(crate) fn argon2(
    kdf: &FetchedKdf,
    inputs: &Argon2Inputs<'_>,
    threads: u32,
    out: &mut [u8],
) -> Result<(), ErrorStack> {
    let octets = |key: &'static CStr, value: &[u8]| {
        // SAFETY: OSSL_PARAM only borrows `key` and `value`, which outlive the derive call
        // below; OpenSSL reads `value.len()` bytes.
        unsafe {
            sys::OSSL_PARAM_construct_octet_string(
                key.as_ptr(),
                value.as_ptr().cast_mut().cast(),
                value.len(),
            )
        }
    };
    let (mut iterations, mut lanes, mut memory, mut threads) =
        (inputs.iterations, inputs.lanes, inputs.memory_kib, threads);
    let uint = |key: &'static CStr, value: &mut u32| {
        // SAFETY: as above; OpenSSL reads the `u32` behind `value` during the call.
        unsafe { sys::OSSL_PARAM_construct_uint(key.as_ptr(), value) }
    };
    let mut params = vec![
        octets(c"pass", inputs.password),
        octets(c"salt", inputs.salt),
        uint(c"iter", &mut iterations),
        uint(c"lanes", &mut lanes),
        uint(c"memcost", &mut memory),
        uint(c"threads", &mut threads),
    ];
    if !inputs.secret.is_empty() {
        params.push(octets(c"secret", inputs.secret));
    }
    if !inputs.ad.is_empty() {
        params.push(octets(c"ad", inputs.ad));
    }
    // SAFETY: no preconditions.
    params.push(unsafe { sys::OSSL_PARAM_construct_end() });
    // SAFETY: the KDF is valid for our lifetime.
    let ctx = check_ptr(unsafe { sys::EVP_KDF_CTX_new(kdf.0) })?;
    // SAFETY: the context is valid; `params` is end-terminated and every buffer it points
    // to outlives the call; OpenSSL writes exactly `out.len()` bytes to `out`.
    let result =
        check(unsafe { sys::EVP_KDF_derive(ctx, out.as_mut_ptr(), out.len(), params.as_ptr()) });
    // SAFETY: we own the context; freeing it wipes the Argon2 memory.
    unsafe { sys::EVP_KDF_CTX_free(ctx) };
    result
}

#[cfg(not(ossl320))]
pub(crate) fn raise_thread_limit() {}

/// How many threads Argon2 may ask of OpenSSL's pool (0: a build without threads).
#[cfg(ossl320)]
pub(crate) fn max_threads() -> u64 {
    // SAFETY: reads the default library context's limit.
    unsafe { sys::OSSL_get_max_threads(ptr::null_mut()) }
}

#[cfg(not(ossl320))]
pub(crate) fn max_threads() -> u64 {
    0
}

/// Runs OpenSSL's PKCS#12 KDF (RFC 7292 appendix B.2). `password` is already in the
/// scheme's BMPString form; `id` selects key (1), IV (2) or MAC key (3) material.
pub(crate) fn pkcs12_kdf(
    kdf: &FetchedKdf,
    digest: &CStr,
    password: &[u8],
    salt: &[u8],
    iterations: u32,
    id: u32,
    out: &mut [u8],
) -> Result<(), ErrorStack> {
    let octets = |key: &'static CStr, value: &[u8]| {
        // SAFETY: OSSL_PARAM only borrows `key` and `value`, which outlive the derive call
        // below; OpenSSL reads `value.len()` bytes.
        unsafe {
            sys::OSSL_PARAM_construct_octet_string(
                key.as_ptr(),
                value.as_ptr().cast_mut().cast(),
                value.len(),
            )
        }
    };
    let (mut iterations, mut id) = (iterations, id);
    let params = [
        octets(c"pass", password),
        octets(c"salt", salt),
        // SAFETY: as above; OpenSSL reads the `u32`s during the call.
        unsafe { sys::OSSL_PARAM_construct_uint(c"iter".as_ptr(), &mut iterations) },
        // SAFETY: as above.
        unsafe { sys::OSSL_PARAM_construct_uint(c"id".as_ptr(), &mut id) },
        // SAFETY: as above; the digest name is NUL-terminated and only read.
        unsafe {
            OSSL_PARAM_construct_utf8_string(c"digest".as_ptr(), digest.as_ptr().cast_mut(), 0)
        },
        // SAFETY: no preconditions.
        unsafe { sys::OSSL_PARAM_construct_end() },
    ];
    // SAFETY: the KDF is valid for our lifetime.
    let ctx = check_ptr(unsafe { sys::EVP_KDF_CTX_new(kdf.0) })?;
    // SAFETY: the context is valid; `params` is end-terminated and every buffer it points
    // to outlives the call; OpenSSL writes exactly `out.len()` bytes to `out`.
    let result =
        check(unsafe { sys::EVP_KDF_derive(ctx, out.as_mut_ptr(), out.len(), params.as_ptr()) });
    // SAFETY: we own the context.
    unsafe { sys::EVP_KDF_CTX_free(ctx) };
    result
}
