//! Key encapsulation through `EVP_PKEY_encapsulate` / `EVP_PKEY_decapsulate`, which
//! the `openssl` crate does not wrap (ML-KEM).

use std::ptr;

use foreign_types::ForeignTypeRef;
use openssl::error::ErrorStack;
use openssl::pkey::{HasPublic, PKeyRef, Private};
use openssl_sys as sys;

use super::{check, check_ptr};

/// An `EVP_PKEY_CTX` over one key, freed on drop.
struct KeyCtx(*mut sys::EVP_PKEY_CTX);

impl Drop for KeyCtx {
    fn drop(&mut self) {
        // SAFETY: created non-null by `KeyCtx::new` and owned here.
        unsafe { sys::EVP_PKEY_CTX_free(self.0) }
    }
}

impl KeyCtx {
    fn new<T>(key: &PKeyRef<T>) -> Result<Self, ErrorStack> {
        // SAFETY: `key` is a valid EVP_PKEY; the context takes its own reference to it.
        check_ptr(unsafe { sys::EVP_PKEY_CTX_new(key.as_ptr(), ptr::null_mut()) }).map(KeyCtx)
    }
}

/// Encapsulates a fresh shared secret to `key`: (ciphertext, shared secret). With
/// `entropy`, the encapsulation's randomness is that (FIPS 203's m, for known-answer
/// tests) instead of fresh.
pub(crate) fn encapsulate<T: HasPublic>(
    key: &PKeyRef<T>,
    entropy: Option<&[u8]>,
) -> Result<(Vec<u8>, Vec<u8>), ErrorStack> {
    let ctx = KeyCtx::new(key)?;
    match entropy {
        None => {
            // SAFETY: a valid context; no parameters.
            check(unsafe { sys::EVP_PKEY_encapsulate_init(ctx.0, ptr::null()) })?;
        }
        Some(entropy) => {
            let mut entropy = entropy.to_vec();
            // SAFETY: the parameter array borrows `entropy` and a static key name for the
            // call, which copies what it needs before returning.
            unsafe {
                let params = [
                    sys::OSSL_PARAM_construct_octet_string(
                        c"ikme".as_ptr(),
                        entropy.as_mut_ptr().cast(),
                        entropy.len(),
                    ),
                    sys::OSSL_PARAM_construct_end(),
                ];
                check(sys::EVP_PKEY_encapsulate_init(ctx.0, params.as_ptr()))?;
            }
        }
    }
    let (mut ciphertext_len, mut secret_len) = (0usize, 0usize);
    // SAFETY: null outputs ask for the lengths.
    check(unsafe {
        sys::EVP_PKEY_encapsulate(
            ctx.0,
            ptr::null_mut(),
            &mut ciphertext_len,
            ptr::null_mut(),
            &mut secret_len,
        )
    })?;
    let mut ciphertext = vec![0u8; ciphertext_len];
    let mut secret = vec![0u8; secret_len];
    // SAFETY: both buffers have the lengths OpenSSL asked for.
    check(unsafe {
        sys::EVP_PKEY_encapsulate(
            ctx.0,
            ciphertext.as_mut_ptr(),
            &mut ciphertext_len,
            secret.as_mut_ptr(),
            &mut secret_len,
        )
    })?;
    ciphertext.truncate(ciphertext_len);
    secret.truncate(secret_len);
    Ok((ciphertext, secret))
}

/// The shared secret `ciphertext` encapsulates to `key`, written into `secret` (whose
/// length must be the algorithm's); returns its length.
pub(crate) fn decapsulate(
    key: &PKeyRef<Private>,
    ciphertext: &[u8],
    secret: &mut [u8],
) -> Result<usize, ErrorStack> {
    let ctx = KeyCtx::new(key)?;
    // SAFETY: a valid context; no parameters.
    check(unsafe { sys::EVP_PKEY_decapsulate_init(ctx.0, ptr::null()) })?;
    let mut secret_len = secret.len();
    // SAFETY: `secret` has `secret_len` writable bytes; `ciphertext` is valid for its
    // length.
    check(unsafe {
        sys::EVP_PKEY_decapsulate(
            ctx.0,
            secret.as_mut_ptr(),
            &mut secret_len,
            ciphertext.as_ptr(),
            ciphertext.len(),
        )
    })?;
    Ok(secret_len)
}
