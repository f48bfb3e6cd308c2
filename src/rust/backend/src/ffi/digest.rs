//! Digests: algorithms fetched once, and `EVP_MD_CTX`s that can be copied, squeezed
//! and recycled per thread.

use std::ffi::CStr;
use std::ptr;

use foreign_types::ForeignTypeRef;
use openssl::error::ErrorStack;
use openssl_sys as sys;

use super::{check, check_ptr};
use crate::error::Error;

/// A digest algorithm fetched once from the default library context.
pub(crate) struct FetchedDigest(pub(super) *mut sys::EVP_MD);

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
    /// The same digest as the `openssl` crate's type, for its key-operation contexts.
    pub(crate) fn as_md(&self) -> &openssl::md::MdRef {
        // SAFETY: the pointer is a valid, non-null EVP_MD that lives as long as `self`
        // (fetched digests are kept for the life of the process); `MdRef` only reads it.
        unsafe { openssl::md::MdRef::from_ptr(self.0) }
    }

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
            crate::error::discard_openssl_errors();
        }
        if !kept {
            // SAFETY: we own the non-null context; freeing also cleanses its state.
            unsafe { sys::EVP_MD_CTX_free(ctx) }
        }
    }
}
