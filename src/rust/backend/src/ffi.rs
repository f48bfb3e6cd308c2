//! The one module that calls OpenSSL through raw FFI, for what the `openssl` crate does
//! not wrap: explicitly fetched digests and MACs (OpenSSL 3 re-fetches an algorithm on
//! every call unless a fetched handle is kept), digest contexts that can be copied and
//! squeezed, and `EVP_MAC` contexts.
//!
//! Every type here owns exactly one OpenSSL object and frees it on drop. Every call that can
//! fail is checked, and a failure drains OpenSSL's error queue into an `ErrorStack`.

#![allow(unsafe_code)]

use std::ffi::{c_char, c_int, c_void, CStr};
use std::ptr;

use openssl::error::ErrorStack;
use openssl_sys as sys;

use crate::error::Error;

extern "C" {
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

/// A digest algorithm fetched once from the default library context.
pub(crate) struct FetchedDigest(*mut sys::EVP_MD);

// SAFETY: a fetched EVP_MD is reference counted and immutable after fetch; OpenSSL
// documents such method objects as safe to share between threads.
unsafe impl Send for FetchedDigest {}
// SAFETY: as above, only shared (read) access is ever made to it.
unsafe impl Sync for FetchedDigest {}

impl FetchedDigest {
    pub(crate) fn fetch(name: &CStr) -> Result<Self, ErrorStack> {
        // SAFETY: `name` is NUL-terminated; a null library context and property query
        // mean "the default ones".
        let md = unsafe { sys::EVP_MD_fetch(ptr::null_mut(), name.as_ptr(), ptr::null()) };
        check_ptr(md).map(FetchedDigest)
    }
}

impl FetchedDigest {
    /// The digest's input block size in bytes (the rate, for SHA-3).
    pub(crate) fn block_size(&self) -> usize {
        // SAFETY: the EVP_MD is valid for our lifetime.
        let size = unsafe { sys::EVP_MD_get_block_size(self.0) };
        usize::try_from(size).unwrap_or(0)
    }
}

impl Drop for FetchedDigest {
    fn drop(&mut self) {
        // SAFETY: we own one reference to a non-null EVP_MD.
        unsafe { sys::EVP_MD_free(self.0) }
    }
}

/// An `EVP_MD_CTX` that has been initialised with a digest.
pub(crate) struct DigestCtx(*mut sys::EVP_MD_CTX);

// SAFETY: the context is owned exclusively; OpenSSL contexts may move between threads
// as long as they are not used from two threads at once, which `&mut self` ensures.
unsafe impl Send for DigestCtx {}
// SAFETY: the only `&self` method (`try_clone`) reads the context, which OpenSSL allows
// concurrently with other readers.
unsafe impl Sync for DigestCtx {}

impl DigestCtx {
    pub(crate) fn new(md: &FetchedDigest) -> Result<Self, ErrorStack> {
        let ctx = DigestCtx::allocate()?;
        // SAFETY: both pointers are valid; a null ENGINE means none. Initialising a
        // recycled context replaces whatever digest it held before.
        check(unsafe { sys::EVP_DigestInit_ex(ctx.0, md.0, ptr::null_mut()) })?;
        Ok(ctx)
    }

    /// An uninitialised context: a spare one of this thread if there is one.
    fn allocate() -> Result<Self, ErrorStack> {
        let spare = SPARE_DIGEST_CTXS
            .try_with(|spares| spares.borrow_mut().0.pop())
            .ok()
            .flatten();
        match spare {
            Some(ctx) => Ok(DigestCtx(ctx)),
            // SAFETY: EVP_MD_CTX_new has no preconditions.
            None => check_ptr(unsafe { sys::EVP_MD_CTX_new() }).map(DigestCtx),
        }
    }

    pub(crate) fn update(&mut self, data: &[u8]) -> Result<(), ErrorStack> {
        // SAFETY: the pointer and length describe a live slice.
        check(unsafe { sys::EVP_DigestUpdate(self.0, data.as_ptr().cast(), data.len()) })
    }

    /// Writes the digest into `out`, which must be exactly the digest's size.
    pub(crate) fn finalize_into(&mut self, out: &mut [u8]) -> Result<(), Error> {
        let expected = self.size();
        if out.len() != expected {
            return Err(Error::OutputLength {
                expected,
                actual: out.len(),
            });
        }
        let mut written: std::ffi::c_uint = 0;
        // SAFETY: OpenSSL writes exactly the digest's size, which `out` was checked to hold.
        check(unsafe { sys::EVP_DigestFinal_ex(self.0, out.as_mut_ptr(), &mut written) })?;
        Ok(())
    }

    /// Finishes an extendable-output function with `out.len()` bytes of output.
    pub(crate) fn finalize_xof_into(&mut self, out: &mut [u8]) -> Result<(), ErrorStack> {
        // SAFETY: OpenSSL writes exactly `out.len()` bytes into `out`.
        check(unsafe { sys::EVP_DigestFinalXOF(self.0, out.as_mut_ptr(), out.len()) })
    }

    /// Reads the next `out.len()` bytes of an extendable-output function.
    #[cfg(ossl330)]
    pub(crate) fn squeeze_into(&mut self, out: &mut [u8]) -> Result<(), ErrorStack> {
        // SAFETY: OpenSSL writes exactly `out.len()` bytes into `out`.
        check(unsafe { sys::EVP_DigestSqueeze(self.0, out.as_mut_ptr(), out.len()) })
    }

    fn size(&self) -> usize {
        // SAFETY: the context was initialised with a digest in `new`.
        let size = unsafe { sys::EVP_MD_CTX_get_size(self.0) };
        usize::try_from(size).unwrap_or(0)
    }

    pub(crate) fn try_clone(&self) -> Result<Self, ErrorStack> {
        let copy = DigestCtx::allocate()?;
        // SAFETY: both contexts are valid; the source is only read.
        check(unsafe { sys::EVP_MD_CTX_copy_ex(copy.0, self.0) })?;
        Ok(copy)
    }
}

/// Spare digest contexts of one thread. Allocating and initialising a context costs about
/// 70 ns, re-initialising a spare one 13 ns: for short messages (and HMAC, which needs two
/// contexts per key) that is a large share of the work.
struct SpareDigestCtxs(Vec<*mut sys::EVP_MD_CTX>);

/// Enough for the contexts a thread typically has in flight at once.
const MAX_SPARE_DIGEST_CTXS: usize = 8;

impl Drop for SpareDigestCtxs {
    fn drop(&mut self) {
        for ctx in self.0.drain(..) {
            // SAFETY: each pointer is an owned, valid context no one else refers to.
            unsafe { sys::EVP_MD_CTX_free(ctx) }
        }
    }
}

thread_local! {
    static SPARE_DIGEST_CTXS: std::cell::RefCell<SpareDigestCtxs> =
        const { std::cell::RefCell::new(SpareDigestCtxs(Vec::new())) };
}

impl Drop for DigestCtx {
    fn drop(&mut self) {
        // Re-initialising with the same digest overwrites the running state (which may be
        // derived from a key, as in HMAC) with the algorithm's initial constants, so a
        // spare context holds nothing secret.
        // SAFETY: the context is valid; null type and ENGINE mean "same digest as before".
        let wiped = unsafe { sys::EVP_DigestInit_ex(self.0, ptr::null(), ptr::null_mut()) } == 1;
        let ctx = self.0;
        let kept = wiped
            && SPARE_DIGEST_CTXS
                .try_with(|spares| {
                    let mut spares = spares.borrow_mut();
                    let room = spares.0.len() < MAX_SPARE_DIGEST_CTXS;
                    if room {
                        spares.0.push(ctx);
                    }
                    room
                })
                .unwrap_or(false);
        if !wiped {
            // The failed re-initialisation left an error on the queue.
            let _ = ErrorStack::get();
        }
        if !kept {
            // SAFETY: we own the non-null context; freeing also cleanses its state.
            unsafe { sys::EVP_MD_CTX_free(ctx) }
        }
    }
}

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
    let _ = ErrorStack::get();
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
