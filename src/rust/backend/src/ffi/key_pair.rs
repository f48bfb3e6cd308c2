//! X25519 and X448 keys imported with both halves of the pair: given only the private
//! half, OpenSSL computes the public one (a fixed-base scalar multiplication over its
//! generic field arithmetic); a caller that already has it passes it along.

use std::ffi::CStr;
use std::ptr;

use foreign_types::ForeignType;
use openssl::error::ErrorStack;
use openssl::pkey::{PKey, Private};
use openssl_sys as sys;

use super::{check, check_ptr};

/// The key `private`/`public` of the algorithm `name` (OpenSSL's key type name). The
/// caller vouches that `public` belongs to `private`: OpenSSL takes both as given.
pub(crate) fn raw_key_pair(
    name: &CStr,
    private: &[u8],
    public: &[u8],
) -> Result<PKey<Private>, ErrorStack> {
    // SAFETY: `name` is NUL-terminated; null means the default context and properties.
    let ctx = check_ptr(unsafe {
        sys::EVP_PKEY_CTX_new_from_name(ptr::null_mut(), name.as_ptr(), ptr::null())
    })?;
    let ctx = PkeyCtx(ctx);
    // SAFETY: a valid context.
    check(unsafe { sys::EVP_PKEY_fromdata_init(ctx.0) })?;
    let mut pkey = ptr::null_mut();
    // SAFETY: the parameters borrow `private` and `public` (only read: fromdata copies
    // them into the key) and static names for the duration of the call; on success
    // `pkey` is a new key we own.
    unsafe {
        let params = [
            sys::OSSL_PARAM_construct_octet_string(
                c"priv".as_ptr(),
                private.as_ptr().cast_mut().cast(),
                private.len(),
            ),
            sys::OSSL_PARAM_construct_octet_string(
                c"pub".as_ptr(),
                public.as_ptr().cast_mut().cast(),
                public.len(),
            ),
            sys::OSSL_PARAM_construct_end(),
        ];
        check(sys::EVP_PKEY_fromdata(
            ctx.0,
            &mut pkey,
            sys::EVP_PKEY_KEYPAIR,
            params.as_ptr().cast_mut(),
        ))?;
        Ok(PKey::from_ptr(pkey))
    }
}

/// Owns an `EVP_PKEY_CTX` and frees it on drop.
struct PkeyCtx(*mut sys::EVP_PKEY_CTX);

impl Drop for PkeyCtx {
    fn drop(&mut self) {
        // SAFETY: we own the context.
        unsafe { sys::EVP_PKEY_CTX_free(self.0) }
    }
}
