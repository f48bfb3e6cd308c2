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

use foreign_types::ForeignTypeRef;
use openssl::error::ErrorStack;
use openssl_sys as sys;

use crate::error::Error;

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

/// A symmetric cipher fetched once from the default library context.
pub(crate) struct FetchedCipher(*mut sys::EVP_CIPHER);

// SAFETY: as for `FetchedDigest`: reference counted, immutable after fetch.
unsafe impl Send for FetchedCipher {}
// SAFETY: as above.
unsafe impl Sync for FetchedCipher {}

impl FetchedCipher {
    pub(crate) fn fetch(name: &CStr) -> Result<Self, ErrorStack> {
        // SAFETY: `name` is NUL-terminated; null means the default context and properties.
        let cipher = unsafe { sys::EVP_CIPHER_fetch(ptr::null_mut(), name.as_ptr(), ptr::null()) };
        check_ptr(cipher).map(FetchedCipher)
    }
}

impl FetchedCipher {
    /// The cipher's default key length (cached in the EVP_CIPHER by OpenSSL).
    fn key_len(&self) -> usize {
        // SAFETY: the EVP_CIPHER is valid for our lifetime.
        usize::try_from(unsafe { sys::EVP_CIPHER_get_key_length(self.0) }).unwrap_or(0)
    }

    /// The cipher's default IV length.
    fn iv_len(&self) -> usize {
        // SAFETY: the EVP_CIPHER is valid for our lifetime.
        usize::try_from(unsafe { sys::EVP_CIPHER_get_iv_length(self.0) }).unwrap_or(0)
    }
}

impl Drop for FetchedCipher {
    fn drop(&mut self) {
        // SAFETY: we own one reference to a non-null EVP_CIPHER.
        unsafe { sys::EVP_CIPHER_free(self.0) }
    }
}

/// OpenSSL takes lengths as `int`; larger inputs are fed in pieces of this size.
const MAX_CHUNK: usize = 1 << 30;

fn c_len(len: usize) -> c_int {
    // Callers never pass more than MAX_CHUNK, which fits.
    c_int::try_from(len).unwrap_or(c_int::MAX)
}

/// An `EVP_CIPHER_CTX` keyed for one direction, with padding off (callers handle it).
///
/// With padding off, OpenSSL buffers a partial block and writes whole blocks, in both
/// directions. The context tracks how much is buffered, so that it knows exactly how many
/// bytes each update writes and can check the output buffer before OpenSSL writes to it.
pub(crate) struct CipherCtx {
    ctx: *mut sys::EVP_CIPHER_CTX,
    /// The cipher's block length in this mode: 1 for stream modes (CTR, GCM, XTS, ...).
    block_len: usize,
    /// Input bytes held back by OpenSSL, always less than `block_len`.
    buffered: usize,
    /// The IV length the context expects, kept in step with every change made to it
    /// (asking OpenSSL goes through its parameter machinery on every call).
    iv_len: usize,
}

// SAFETY: owned exclusively; mutation needs `&mut self`.
unsafe impl Send for CipherCtx {}
// SAFETY: the only `&self` method (`try_clone`) reads the context.
unsafe impl Sync for CipherCtx {}

impl CipherCtx {
    /// A context with the cipher set and no key yet.
    fn with_cipher(cipher: &FetchedCipher, encrypt: bool) -> Result<Self, Error> {
        // SAFETY: EVP_CIPHER_CTX_new has no preconditions.
        let ctx = CipherCtx {
            ctx: check_ptr(unsafe { sys::EVP_CIPHER_CTX_new() })?,
            block_len: 1,
            buffered: 0,
            iv_len: cipher.iv_len(),
        };
        // SAFETY: the context and cipher are valid; null key and IV defer keying.
        check(unsafe {
            sys::EVP_CipherInit_ex(
                ctx.ctx,
                cipher.0,
                ptr::null_mut(),
                ptr::null(),
                ptr::null(),
                c_int::from(encrypt),
            )
        })?;
        Ok(ctx)
    }

    /// Keys a new context. For an AEAD cipher (`aead_iv`) the IV length is set to the
    /// IV's; for variable-length ciphers (`set_key_len`) the key length to the key's.
    /// Otherwise key and IV must have the lengths the cipher expects: OpenSSL reads as
    /// many bytes as it expects, so a shorter buffer is refused here, before the call.
    pub(crate) fn new(
        cipher: &FetchedCipher,
        key: &[u8],
        iv: Option<&[u8]>,
        encrypt: bool,
        aead_iv: bool,
        set_key_len: bool,
    ) -> Result<Self, Error> {
        let iv_len_differs = aead_iv && iv.is_some_and(|iv| iv.len() != cipher.iv_len());
        let (mut ctx, init_cipher, key_len) = if set_key_len || iv_len_differs {
            // Lengths must be set between choosing the cipher and keying it.
            let mut ctx = CipherCtx::with_cipher(cipher, encrypt)?;
            if set_key_len {
                // SAFETY: the context has a cipher.
                check(unsafe { sys::EVP_CIPHER_CTX_set_key_length(ctx.ctx, c_len(key.len())) })?;
            }
            if let (true, Some(iv)) = (iv_len_differs, iv) {
                ctx.set_iv_len(iv.len())?;
            }
            // Only a variable-length cipher's context can expect another key length than
            // the cipher's default.
            let key_len = if set_key_len {
                ctx.query_key_len()
            } else {
                cipher.key_len()
            };
            (ctx, ptr::null(), key_len)
        } else {
            // The common case: cipher, key and IV in one call (each call walks OpenSSL's
            // provider dispatch, which costs as much as keying AES).
            // SAFETY: EVP_CIPHER_CTX_new has no preconditions.
            let ctx = CipherCtx {
                ctx: check_ptr(unsafe { sys::EVP_CIPHER_CTX_new() })?,
                block_len: 1,
                buffered: 0,
                iv_len: cipher.iv_len(),
            };
            (ctx, cipher.0.cast_const(), cipher.key_len())
        };
        let iv_ptr = ctx.checked_iv_ptr(key, key_len, iv)?;
        // SAFETY: the context is valid and `init_cipher` is either null (the context
        // already has its cipher) or the fetched cipher; key and IV have exactly the
        // lengths the context expects (checked above); OpenSSL copies them.
        check(unsafe {
            sys::EVP_CipherInit_ex(
                ctx.ctx,
                init_cipher,
                ptr::null_mut(),
                key.as_ptr(),
                iv_ptr,
                c_int::from(encrypt),
            )
        })?;
        // SAFETY: the cipher is valid.
        let block_len = unsafe { sys::EVP_CIPHER_get_block_size(cipher.0) };
        ctx.block_len = usize::try_from(block_len).unwrap_or(1).max(1);
        if ctx.block_len > 1 {
            // Stream modes never pad, so only block modes need telling.
            // SAFETY: the context is keyed.
            check(unsafe { sys::EVP_CIPHER_CTX_set_padding(ctx.ctx, 0) })?;
        }
        Ok(ctx)
    }

    /// Checks the key against the expected length and returns the IV pointer to pass
    /// (null when the context takes no IV), or the error for a wrong length.
    fn checked_iv_ptr(
        &self,
        key: &[u8],
        key_len: usize,
        iv: Option<&[u8]>,
    ) -> Result<*const u8, Error> {
        if key.len() != key_len {
            return Err(Error::InvalidKeyLength);
        }
        match iv {
            Some(iv) if iv.len() == self.iv_len => Ok(iv.as_ptr()),
            None if self.iv_len == 0 => Ok(ptr::null()),
            _ => Err(Error::InvalidNonceLength),
        }
    }

    /// The key length the context expects, asked of OpenSSL.
    fn query_key_len(&self) -> usize {
        // SAFETY: the context has a cipher.
        usize::try_from(unsafe { sys::EVP_CIPHER_CTX_get_key_length(self.ctx) }).unwrap_or(0)
    }

    /// The IV length the context expects, asked of OpenSSL.
    fn query_iv_len(&self) -> usize {
        // SAFETY: the context has a cipher.
        usize::try_from(unsafe { sys::EVP_CIPHER_CTX_get_iv_length(self.ctx) }).unwrap_or(0)
    }

    /// Sets an AEAD context's IV length, and records what OpenSSL then expects.
    fn set_iv_len(&mut self, len: usize) -> Result<(), ErrorStack> {
        // SAFETY: the context has an AEAD cipher; the control only reads the length.
        let result = check(unsafe {
            sys::EVP_CIPHER_CTX_ctrl(
                self.ctx,
                sys::EVP_CTRL_GCM_SET_IVLEN,
                c_len(len),
                ptr::null_mut(),
            )
        });
        self.iv_len = self.query_iv_len();
        result
    }

    /// Sets a new IV (nonce) of the context's IV length, keeping the key; drops any
    /// buffered partial block.
    pub(crate) fn reset_iv(&mut self, iv: &[u8]) -> Result<(), Error> {
        if iv.len() != self.iv_len {
            return Err(Error::InvalidNonceLength);
        }
        // SAFETY: the IV has the length the context expects; null cipher and key keep
        // the current ones; -1 keeps the direction.
        check(unsafe {
            sys::EVP_CipherInit_ex(
                self.ctx,
                ptr::null(),
                ptr::null_mut(),
                ptr::null(),
                iv.as_ptr(),
                -1,
            )
        })?;
        self.buffered = 0;
        Ok(())
    }

    /// The block length (1 for stream modes).
    pub(crate) fn block_len(&self) -> usize {
        self.block_len
    }

    /// Bytes of input held back, waiting for a whole block.
    pub(crate) fn buffered(&self) -> usize {
        self.buffered
    }

    /// Exactly how many bytes `update` writes for `input_len` bytes of input.
    pub(crate) fn output_len(&self, input_len: usize) -> usize {
        let total = self.buffered.saturating_add(input_len);
        total - total % self.block_len
    }

    /// Processes `input` into `out`, which must be at least `output_len(input.len())`
    /// bytes; returns the bytes written.
    pub(crate) fn update(&mut self, input: &[u8], out: &mut [u8]) -> Result<usize, Error> {
        let expected = self.output_len(input.len());
        if out.len() < expected {
            return Err(Error::OutputLength {
                expected,
                actual: out.len(),
            });
        }
        let actual = out.len();
        let mut written = 0usize;
        for chunk in input.chunks(MAX_CHUNK) {
            let chunk_out = self.output_len(chunk.len());
            let target = out
                .get_mut(written..written + chunk_out)
                .ok_or(Error::OutputLength { expected, actual })?;
            let mut outl: c_int = 0;
            // SAFETY: with padding off OpenSSL writes exactly the whole blocks of what is
            // buffered plus `chunk`, which is `chunk_out` bytes, the length of `target`.
            check(unsafe {
                sys::EVP_CipherUpdate(
                    self.ctx,
                    target.as_mut_ptr(),
                    &mut outl,
                    chunk.as_ptr(),
                    c_len(chunk.len()),
                )
            })?;
            written += usize::try_from(outl).unwrap_or(0);
            self.buffered = (self.buffered + chunk.len()) % self.block_len;
        }
        Ok(written)
    }

    /// Feeds one item of additional authenticated data to an AEAD context. An empty item
    /// is passed on too, as one zero-length update.
    pub(crate) fn update_aad(&mut self, aad: &[u8]) -> Result<(), ErrorStack> {
        let empty = [0u8; 1];
        let pieces: Vec<&[u8]> = if aad.is_empty() {
            vec![&empty[..0]]
        } else {
            aad.chunks(MAX_CHUNK).collect()
        };
        for chunk in pieces {
            let mut outl: c_int = 0;
            let input = if chunk.is_empty() {
                empty.as_ptr()
            } else {
                chunk.as_ptr()
            };
            // SAFETY: a null output makes OpenSSL treat the input as AAD; `input` points
            // to at least `chunk.len()` readable bytes (a valid byte when it is zero).
            check(unsafe {
                sys::EVP_CipherUpdate(
                    self.ctx,
                    ptr::null_mut(),
                    &mut outl,
                    input,
                    c_len(chunk.len()),
                )
            })?;
        }
        Ok(())
    }

    /// Finishes, writing what the mode still holds into `out` and returning its length.
    /// With padding off that is at most the buffered partial block: nothing for CBC and
    /// ECB (which fail unless the input was whole blocks) and the stream modes, the last
    /// partial block for OCB. Fails too when an AEAD tag does not match.
    pub(crate) fn finalize_into(&mut self, out: &mut [u8]) -> Result<usize, Error> {
        if out.len() < self.buffered {
            return Err(Error::OutputLength {
                expected: self.buffered,
                actual: out.len(),
            });
        }
        // OpenSSL may be handed a pointer to an empty tail; give it a scratch block then.
        let mut scratch = [0u8; 32];
        let target: &mut [u8] = if out.is_empty() { &mut scratch } else { out };
        let mut outl: c_int = 0;
        // SAFETY: with padding off OpenSSL writes at most the buffered bytes, which `out`
        // holds (checked above), or nothing, into the scratch block.
        check(unsafe { sys::EVP_CipherFinal(self.ctx, target.as_mut_ptr(), &mut outl) })?;
        self.buffered = 0;
        Ok(usize::try_from(outl).unwrap_or(0))
    }

    /// Finishes a context that holds nothing back (see `finalize_into`).
    pub(crate) fn finalize(&mut self) -> Result<(), Error> {
        self.finalize_into(&mut []).map(|_| ())
    }

    /// Reads the tag of a finished AEAD encryption into `out`.
    pub(crate) fn tag(&mut self, out: &mut [u8]) -> Result<(), ErrorStack> {
        // SAFETY: OpenSSL writes `out.len()` bytes of tag.
        check(unsafe {
            sys::EVP_CIPHER_CTX_ctrl(
                self.ctx,
                sys::EVP_CTRL_GCM_GET_TAG,
                c_len(out.len()),
                out.as_mut_ptr().cast(),
            )
        })
    }

    /// A CCM context keyed for one message. OpenSSL fixes CCM's tag length and nonce
    /// length (its L) when the key is set, so both are set first.
    pub(crate) fn new_ccm(
        cipher: &FetchedCipher,
        key: &[u8],
        nonce: &[u8],
        tag_len: usize,
        encrypt: bool,
    ) -> Result<Self, Error> {
        let mut ctx = CipherCtx::with_cipher(cipher, encrypt)?;
        let enc = c_int::from(encrypt);
        ctx.set_iv_len(nonce.len())?;
        // SAFETY: with a null pointer OpenSSL only records the tag length.
        check(unsafe {
            sys::EVP_CIPHER_CTX_ctrl(
                ctx.ctx,
                sys::EVP_CTRL_GCM_SET_TAG,
                c_len(tag_len),
                ptr::null_mut(),
            )
        })?;
        if key.len() != cipher.key_len() {
            return Err(Error::InvalidKeyLength);
        }
        if nonce.len() != ctx.iv_len {
            return Err(Error::InvalidNonceLength);
        }
        // SAFETY: key and nonce have the lengths the context expects (checked above).
        check(unsafe {
            sys::EVP_CipherInit_ex(
                ctx.ctx,
                ptr::null(),
                ptr::null_mut(),
                key.as_ptr(),
                nonce.as_ptr(),
                enc,
            )
        })?;
        Ok(ctx)
    }

    /// An update over no data, which some AEADs (GCM-SIV) need before their tag exists.
    pub(crate) fn update_empty(&mut self) -> Result<(), ErrorStack> {
        let mut out = [0u8; 1];
        let input = [0u8; 1];
        let mut outl: c_int = 0;
        // SAFETY: zero input bytes are read and none written; the pointers are valid.
        check(unsafe {
            sys::EVP_CipherUpdate(self.ctx, out.as_mut_ptr(), &mut outl, input.as_ptr(), 0)
        })
    }

    /// Declares the total length of the message before its associated data (CCM).
    pub(crate) fn declare_message_len(&mut self, len: usize) -> Result<(), Error> {
        if len > MAX_CHUNK {
            return Err(Error::DataLimitExceeded("CCM message"));
        }
        let mut outl: c_int = 0;
        // SAFETY: null input and output with a length make OpenSSL record the length only.
        check(unsafe {
            sys::EVP_CipherUpdate(
                self.ctx,
                ptr::null_mut(),
                &mut outl,
                ptr::null(),
                c_len(len),
            )
        })?;
        Ok(())
    }

    /// Sets the expected tag of an AEAD decryption.
    pub(crate) fn set_tag(&mut self, tag: &[u8]) -> Result<(), ErrorStack> {
        // SAFETY: OpenSSL copies `tag.len()` bytes; it does not write through the pointer.
        check(unsafe {
            sys::EVP_CIPHER_CTX_ctrl(
                self.ctx,
                sys::EVP_CTRL_GCM_SET_TAG,
                c_len(tag.len()),
                tag.as_ptr().cast_mut().cast(),
            )
        })
    }
}

impl CipherCtx {
    /// An independent copy (key schedule included) of a context.
    pub(crate) fn try_clone(&self) -> Result<Self, ErrorStack> {
        // SAFETY: EVP_CIPHER_CTX_new has no preconditions.
        let copy = CipherCtx {
            ctx: check_ptr(unsafe { sys::EVP_CIPHER_CTX_new() })?,
            block_len: self.block_len,
            buffered: self.buffered,
            iv_len: self.iv_len,
        };
        // SAFETY: both contexts are valid; the source is only read.
        check(unsafe { sys::EVP_CIPHER_CTX_copy(copy.ctx, self.ctx) })?;
        Ok(copy)
    }

    /// Starts a new AEAD message: sets the direction and the nonce (none for SIV), first
    /// setting the IV length to the nonce's when it differs (a recycled context keeps the
    /// last one).
    pub(crate) fn start_message(&mut self, nonce: &[u8], encrypt: bool) -> Result<(), Error> {
        if nonce.len() != self.iv_len {
            self.set_iv_len(nonce.len())?;
            if nonce.len() != self.iv_len {
                return Err(Error::InvalidNonceLength);
            }
        }
        let nonce_ptr = if nonce.is_empty() {
            ptr::null()
        } else {
            nonce.as_ptr()
        };
        // SAFETY: the nonce has the length the context expects (checked above); null
        // cipher and key keep the current ones; OpenSSL copies the nonce.
        check(unsafe {
            sys::EVP_CipherInit_ex(
                self.ctx,
                ptr::null(),
                ptr::null_mut(),
                ptr::null(),
                nonce_ptr,
                c_int::from(encrypt),
            )
        })?;
        self.buffered = 0;
        Ok(())
    }
}

impl Drop for CipherCtx {
    fn drop(&mut self) {
        // SAFETY: we own the non-null context; freeing cleanses the key schedule.
        unsafe { sys::EVP_CIPHER_CTX_free(self.ctx) }
    }
}

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

/// Runs a fetched Argon2 KDF into `out` (one thread: OpenSSL's threaded Argon2 needs a
/// process-wide thread pool this library does not set up).
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

/// SHA-1 and SHA-2 through OpenSSL's low-level functions: the same assembly as the EVP
/// path, without a provider dispatch per call. PBKDF2's inner loop hashes two short
/// messages per iteration, where that dispatch costs as much as the hashing.
#[cfg(not(ossl_no_deprecated_3_0))]
pub(crate) mod low_level_sha {
    use std::ffi::c_void;

    use openssl_sys as sys;

    /// A running hash whose state can be copied (to resume from a keyed prefix). States
    /// are not wiped on drop (PBKDF2 resets one twice per iteration): callers `wipe` the
    /// ones that held key-derived data.
    pub(crate) trait ShaState: Clone {
        const OUTPUT: usize;
        const BLOCK: usize;
        fn new() -> Self;
        fn update(&mut self, data: &[u8]);
        /// Writes the digest into the first `OUTPUT` bytes of `out` (at least that long);
        /// the state must be reset (`clone_from`) before further use.
        fn finalize_into(&mut self, out: &mut [u8]);
        fn wipe(&mut self);
    }

    macro_rules! sha_state {
        ($name:ident, $ctx:ty, $init:ident, $update:ident, $final:ident, $output:expr, $block:expr) => {
            #[derive(Clone)]
            pub(crate) struct $name($ctx);

            impl ShaState for $name {
                const OUTPUT: usize = $output;
                const BLOCK: usize = $block;

                fn new() -> Self {
                    // SAFETY: the context is plain integers, for which zero is valid; the
                    // init function then sets it up.
                    let mut ctx: $ctx = unsafe { std::mem::zeroed() };
                    // SAFETY: `ctx` is a valid context; init cannot fail.
                    unsafe { sys::$init(&mut ctx) };
                    $name(ctx)
                }

                fn update(&mut self, data: &[u8]) {
                    // SAFETY: the context is initialised; `data` is valid for its length.
                    unsafe {
                        sys::$update(&mut self.0, data.as_ptr().cast::<c_void>(), data.len())
                    };
                }

                fn finalize_into(&mut self, out: &mut [u8]) {
                    let out = &mut out[..$output];
                    // SAFETY: `out` has room for the digest; the context is initialised.
                    unsafe { sys::$final(out.as_mut_ptr(), &mut self.0) };
                }

                fn wipe(&mut self) {
                    // SAFETY: the pointer and size describe this context exactly.
                    unsafe {
                        super::OPENSSL_cleanse(
                            (&mut self.0 as *mut $ctx).cast::<c_void>(),
                            std::mem::size_of::<$ctx>(),
                        )
                    }
                }
            }
        };
    }

    sha_state!(
        Sha1,
        sys::SHA_CTX,
        SHA1_Init,
        SHA1_Update,
        SHA1_Final,
        20,
        64
    );
    sha_state!(
        Sha224,
        sys::SHA256_CTX,
        SHA224_Init,
        SHA224_Update,
        SHA224_Final,
        28,
        64
    );
    sha_state!(
        Sha256,
        sys::SHA256_CTX,
        SHA256_Init,
        SHA256_Update,
        SHA256_Final,
        32,
        64
    );
    sha_state!(
        Sha384,
        sys::SHA512_CTX,
        SHA384_Init,
        SHA384_Update,
        SHA384_Final,
        48,
        128
    );
    sha_state!(
        Sha512,
        sys::SHA512_CTX,
        SHA512_Init,
        SHA512_Update,
        SHA512_Final,
        64,
        128
    );
}
