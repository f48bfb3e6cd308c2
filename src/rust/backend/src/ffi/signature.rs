//! Signatures over a message representative given by the caller, through
//! `EVP_PKEY_sign_message_init` with parameters: ML-DSA's external mu (FIPS 204's
//! "ExternalMu-ML-DSA"), which the `openssl` crate's signers cannot ask for.

use std::ffi::{c_char, c_int, CStr};
use std::ptr;

use foreign_types::ForeignTypeRef;
use openssl::error::ErrorStack;
use openssl::pkey::{HasPublic, PKeyRef, Private};
use openssl_sys as sys;

use super::{check, check_ptr};

extern "C" {
    // In libcrypto since 3.0; openssl-sys does not declare it.
    fn OSSL_PARAM_construct_int(key: *const c_char, buf: *mut c_int) -> sys::OSSL_PARAM;
}

/// A fetched `EVP_SIGNATURE` and an `EVP_PKEY_CTX` over one key, freed together.
struct MessageCtx {
    algorithm: *mut sys::EVP_SIGNATURE,
    ctx: *mut sys::EVP_PKEY_CTX,
}

impl Drop for MessageCtx {
    fn drop(&mut self) {
        // SAFETY: both were created by `MessageCtx::new` (non-null) and are owned here.
        unsafe {
            sys::EVP_PKEY_CTX_free(self.ctx);
            sys::EVP_SIGNATURE_free(self.algorithm);
        }
    }
}

impl MessageCtx {
    /// A context for `algorithm` over `key`, initialised for signing or verifying a
    /// 64-byte mu.
    fn new<T>(key: &PKeyRef<T>, algorithm: &CStr, sign: bool) -> Result<Self, ErrorStack> {
        // SAFETY: `algorithm` is NUL-terminated; null means the default context and
        // properties. The signature is freed by `MessageCtx` (or below, on failure).
        let fetched = check_ptr(unsafe {
            sys::EVP_SIGNATURE_fetch(ptr::null_mut(), algorithm.as_ptr(), ptr::null())
        })?;
        // SAFETY: `key` is a valid EVP_PKEY; the context takes its own reference to it.
        let ctx = unsafe { sys::EVP_PKEY_CTX_new(key.as_ptr(), ptr::null_mut()) };
        if ctx.is_null() {
            // SAFETY: fetched above, not yet owned by anything else.
            unsafe { sys::EVP_SIGNATURE_free(fetched) };
            return Err(ErrorStack::get());
        }
        let owned = MessageCtx {
            algorithm: fetched,
            ctx,
        };
        let mut external_mu: c_int = 1;
        // SAFETY: the parameter array borrows `external_mu` and a static key name, both
        // alive for the call, which reads them before it returns.
        unsafe {
            let params = [
                OSSL_PARAM_construct_int(c"mu".as_ptr(), &mut external_mu),
                sys::OSSL_PARAM_construct_end(),
            ];
            if sign {
                check(sys::EVP_PKEY_sign_message_init(
                    owned.ctx,
                    owned.algorithm,
                    params.as_ptr(),
                ))?;
            } else {
                check(sys::EVP_PKEY_verify_message_init(
                    owned.ctx,
                    owned.algorithm,
                    params.as_ptr(),
                ))?;
            }
        }
        Ok(owned)
    }
}

/// Signs a message representative `mu` with `key` under `algorithm` ("ML-DSA-65", ...).
pub(crate) fn sign_external_mu(
    key: &PKeyRef<Private>,
    algorithm: &CStr,
    mu: &[u8],
) -> Result<Vec<u8>, ErrorStack> {
    let ctx = MessageCtx::new(key, algorithm, true)?;
    let mut length = 0usize;
    // SAFETY: a null output asks for the signature's length; `mu` is valid for its length.
    check(unsafe {
        sys::EVP_PKEY_sign(ctx.ctx, ptr::null_mut(), &mut length, mu.as_ptr(), mu.len())
    })?;
    let mut signature = vec![0u8; length];
    // SAFETY: `signature` has `length` writable bytes, as OpenSSL asked for.
    check(unsafe {
        sys::EVP_PKEY_sign(
            ctx.ctx,
            signature.as_mut_ptr(),
            &mut length,
            mu.as_ptr(),
            mu.len(),
        )
    })?;
    signature.truncate(length);
    Ok(signature)
}

/// Whether `signature` is `key`'s signature of the message representative `mu`.
pub(crate) fn verify_external_mu<T: HasPublic>(
    key: &PKeyRef<T>,
    algorithm: &CStr,
    mu: &[u8],
    signature: &[u8],
) -> Result<bool, ErrorStack> {
    let ctx = MessageCtx::new(key, algorithm, false)?;
    // SAFETY: both slices are valid for their lengths during the call.
    let verdict = unsafe {
        sys::EVP_PKEY_verify(
            ctx.ctx,
            signature.as_ptr(),
            signature.len(),
            mu.as_ptr(),
            mu.len(),
        )
    };
    // A signature that does not hold is not an error of ours: nothing stays queued.
    crate::error::discard_openssl_errors();
    Ok(verdict == 1)
}
