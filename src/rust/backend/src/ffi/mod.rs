//! The one module that calls OpenSSL through raw FFI, for what the `openssl` crate does
//! not wrap: explicitly fetched algorithms (OpenSSL 3 re-fetches an algorithm on every
//! call unless a fetched handle is kept) and the contexts that use them, one file per
//! concern: `digest`, `mac`, `cipher`, `kdf`, `kem`, `key_pair`, `low_level_sha`, `signature` and `output` (the
//! possibly uninitialised memory results are written into); what is left here is small
//! (capability probes, constant-time comparison, wiped scratch buffers, primality).
//!
//! Every type here owns exactly one OpenSSL object and frees it on drop. Every call that can
//! fail is checked, and a failure drains OpenSSL's error queue into an `ErrorStack`.

#![allow(unsafe_code)]

mod cipher;
mod digest;
mod kdf;
#[cfg(ossl350)]
mod kem;
mod key_pair;
#[cfg(not(ossl_no_deprecated_3_0))]
pub(crate) mod low_level_sha;
mod mac;
mod output;
#[cfg(ossl350)]
mod signature;

pub(crate) use cipher::*;
pub(crate) use digest::*;
pub(crate) use kdf::*;
#[cfg(ossl350)]
pub(crate) use kem::*;
pub(crate) use key_pair::*;
pub(crate) use mac::*;
pub use output::Output;
#[cfg(ossl350)]
pub(crate) use signature::*;

use std::ffi::{c_char, c_int, c_void, CStr};
use std::ptr;

use foreign_types::ForeignTypeRef;
use openssl::error::ErrorStack;
use openssl_sys as sys;

extern "C" {
    // In libcrypto since 3.0; openssl-sys does not declare it.
    fn BN_check_prime(
        p: *const sys::BIGNUM,
        ctx: *mut sys::BN_CTX,
        cb: *mut sys::BN_GENCB,
    ) -> c_int;
    // In libcrypto since 0.9.8; openssl-sys does not declare it.
    fn OPENSSL_cleanse(ptr: *mut c_void, len: usize);
    // In libcrypto since 3.0; openssl-sys does not declare it.
    fn OSSL_PARAM_construct_utf8_string(
        key: *const c_char,
        buf: *mut c_char,
        bsize: usize,
    ) -> sys::OSSL_PARAM;
}

/// Turns an OpenSSL "1 on success" return code into a `Result`, draining the error queue
/// on failure.
fn check(ret: c_int) -> Result<(), ErrorStack> {
    if ret == 1 {
        Ok(())
    } else {
        Err(ErrorStack::get())
    }
}

fn check_ptr<T>(ptr: *mut T) -> Result<*mut T, ErrorStack> {
    if ptr.is_null() {
        Err(ErrorStack::get())
    } else {
        Ok(ptr)
    }
}

/// Compares two equal-length byte strings in time that depends only on their length.
pub(crate) fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    // SAFETY: both slices are valid for `a.len()` bytes.
    unsafe { sys::CRYPTO_memcmp(a.as_ptr().cast::<c_void>(), b.as_ptr().cast(), a.len()) == 0 }
}

/// Whether the default library context's properties ask for FIPS-approved algorithms.
pub(crate) fn fips_enabled() -> bool {
    // SAFETY: a null library context means the default one; the call only reads it.
    unsafe { sys::EVP_default_properties_is_fips_enabled(ptr::null_mut()) == 1 }
}

/// Which kind of OpenSSL algorithm a capability probe asks about.
#[derive(Clone, Copy)]
pub(crate) enum ProbeKind {
    Cipher,
    Kdf,
    KeyType,
    Curve,
}

/// Whether OpenSSL can fetch the named algorithm right now. Failed probes leave entries
/// on the error queue; they are drained so that no stale error leaks to the next caller.
pub(crate) fn probe(kind: ProbeKind, name: &CStr) -> bool {
    load_default_providers_once();
    let found = match kind {
        ProbeKind::Cipher => {
            // SAFETY: `name` is NUL-terminated; null means default context and properties.
            let cipher =
                unsafe { sys::EVP_CIPHER_fetch(ptr::null_mut(), name.as_ptr(), ptr::null()) };
            // SAFETY: freeing null is allowed; otherwise we own the fetched reference.
            unsafe { sys::EVP_CIPHER_free(cipher) };
            !cipher.is_null()
        }
        ProbeKind::Kdf => {
            // SAFETY: as above.
            let kdf = unsafe { sys::EVP_KDF_fetch(ptr::null_mut(), name.as_ptr(), ptr::null()) };
            // SAFETY: as above.
            unsafe { sys::EVP_KDF_free(kdf) };
            !kdf.is_null()
        }
        ProbeKind::KeyType => {
            // SAFETY: as above; the context is freed right away.
            let ctx = unsafe {
                sys::EVP_PKEY_CTX_new_from_name(ptr::null_mut(), name.as_ptr(), ptr::null())
            };
            // SAFETY: freeing null is allowed.
            unsafe { sys::EVP_PKEY_CTX_free(ctx) };
            !ctx.is_null()
        }
        ProbeKind::Curve => {
            // SAFETY: `name` is NUL-terminated; the group, if any, is freed right away.
            unsafe {
                let nid = sys::OBJ_sn2nid(name.as_ptr());
                let group = if nid == 0 {
                    ptr::null_mut()
                } else {
                    sys::EC_GROUP_new_by_curve_name(nid)
                };
                sys::EC_GROUP_free(group);
                !group.is_null()
            }
        }
    };
    crate::error::discard_openssl_errors();
    found
}

fn load_default_providers_once() {
    crate::algorithms::load_providers();
}

/// A stack buffer for secret scratch data (key pads, intermediate digests), wiped with
/// `OPENSSL_cleanse` when dropped. Unlike a byte-by-byte volatile wipe of the whole array,
/// only the bytes actually used are wiped, with OpenSSL's optimised routine.
pub(crate) struct SecretScratch<const N: usize> {
    bytes: [u8; N],
    used: usize,
}

impl<const N: usize> SecretScratch<N> {
    pub(crate) fn new() -> Self {
        SecretScratch {
            bytes: [0u8; N],
            used: 0,
        }
    }

    /// The first `len` bytes, which will be wiped on drop; `None` if `len` exceeds `N`.
    pub(crate) fn prefix_mut(&mut self, len: usize) -> Option<&mut [u8]> {
        let prefix = self.bytes.get_mut(..len)?;
        self.used = self.used.max(len);
        Some(prefix)
    }
}

impl<const N: usize> Drop for SecretScratch<N> {
    fn drop(&mut self) {
        let used = self.used.min(N);
        // SAFETY: the pointer and length lie within `self.bytes`.
        unsafe { OPENSSL_cleanse(self.bytes.as_mut_ptr().cast(), used) }
    }
}

/// OpenSSL's primality test with its default strength for the size (the test its RSA key
/// check applies to each prime): trial division, then Miller-Rabin rounds.
pub(crate) fn check_prime(candidate: &openssl::bn::BigNumRef) -> Result<bool, ErrorStack> {
    use foreign_types::ForeignType;
    let ctx = openssl::bn::BigNumContext::new()?;
    // SAFETY: both pointers are valid for the call; OpenSSL only reads the candidate and
    // uses the context as scratch; a null callback means none.
    let result = unsafe { BN_check_prime(candidate.as_ptr(), ctx.as_ptr(), ptr::null_mut()) };
    match result {
        1 => Ok(true),
        0 => Ok(false),
        _ => Err(ErrorStack::get()),
    }
}
