//! MACs (HMAC, CMAC, Poly1305) through `EVP_MAC`.

use std::ffi::CStr;
use std::ptr;

use openssl::error::ErrorStack;
use openssl_sys as sys;

use super::{check, check_ptr, OSSL_PARAM_construct_utf8_string};

/// A MAC algorithm (HMAC, CMAC, Poly1305) fetched once from the default library context.
pub(crate) struct FetchedMac(*mut sys::EVP_MAC);

// SAFETY: as for `FetchedDigest`: reference counted, immutable after fetch.
unsafe impl Send for FetchedMac {}
// SAFETY: as above.
unsafe impl Sync for FetchedMac {}

impl FetchedMac {
    pub(crate) fn fetch(name: &CStr) -> Result<Self, ErrorStack> {
        // SAFETY: `name` is NUL-terminated; null means the default context and properties.
        let mac = unsafe { sys::EVP_MAC_fetch(ptr::null_mut(), name.as_ptr(), ptr::null()) };
        check_ptr(mac).map(FetchedMac)
    }
}

impl Drop for FetchedMac {
    fn drop(&mut self) {
        // SAFETY: we own one reference to a non-null EVP_MAC.
        unsafe { sys::EVP_MAC_free(self.0) }
    }
}

/// An `EVP_MAC_CTX`, either a keyless template (algorithm parameters set) or a keyed
/// context in use.
pub(crate) struct MacCtx(*mut sys::EVP_MAC_CTX);

// SAFETY: owned exclusively; mutation needs `&mut self`.
unsafe impl Send for MacCtx {}
// SAFETY: the `&self` methods (`try_clone`) only read the context.
unsafe impl Sync for MacCtx {}

impl MacCtx {
    pub(crate) fn new(mac: &FetchedMac) -> Result<Self, ErrorStack> {
        // SAFETY: `mac` is a valid fetched EVP_MAC; the context takes its own reference.
        check_ptr(unsafe { sys::EVP_MAC_CTX_new(mac.0) }).map(MacCtx)
    }

    /// Sets one string parameter, such as HMAC's "digest" or CMAC's "cipher".
    pub(crate) fn set_string_param(&mut self, key: &CStr, value: &CStr) -> Result<(), ErrorStack> {
        // SAFETY: OSSL_PARAM only borrows `key` and `value`, which outlive the call; the
        // provider copies or looks up what it needs before EVP_MAC_CTX_set_params returns.
        // A length of 0 tells OpenSSL to use strlen on the NUL-terminated value.
        unsafe {
            let params = [
                OSSL_PARAM_construct_utf8_string(key.as_ptr(), value.as_ptr().cast_mut(), 0),
                sys::OSSL_PARAM_construct_end(),
            ];
            check(sys::EVP_MAC_CTX_set_params(self.0, params.as_ptr()))
        }
    }

    /// Keys the context (and resets its running state).
    pub(crate) fn init(&mut self, key: &[u8]) -> Result<(), ErrorStack> {
        // SAFETY: the key slice is valid for the call; OpenSSL copies what it keeps.
        check(unsafe { sys::EVP_MAC_init(self.0, key.as_ptr(), key.len(), ptr::null()) })
    }

    pub(crate) fn update(&mut self, data: &[u8]) -> Result<(), ErrorStack> {
        // SAFETY: the pointer and length describe a live slice.
        check(unsafe { sys::EVP_MAC_update(self.0, data.as_ptr(), data.len()) })
    }

    /// Writes the MAC into `out`; returns how many bytes were written.
    pub(crate) fn finalize_into(&mut self, out: &mut [u8]) -> Result<usize, ErrorStack> {
        let mut written = 0usize;
        // SAFETY: OpenSSL writes at most `out.len()` bytes and fails if that is too small.
        check(unsafe { sys::EVP_MAC_final(self.0, out.as_mut_ptr(), &mut written, out.len()) })?;
        Ok(written)
    }

    pub(crate) fn try_clone(&self) -> Result<Self, ErrorStack> {
        // SAFETY: the source context is valid and only read.
        check_ptr(unsafe { sys::EVP_MAC_CTX_dup(self.0) }).map(MacCtx)
    }
}

impl Drop for MacCtx {
    fn drop(&mut self) {
        // SAFETY: we own the non-null context; freeing cleanses its key material.
        unsafe { sys::EVP_MAC_CTX_free(self.0) }
    }
}
