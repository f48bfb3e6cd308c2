//! SHA-1 and SHA-2 through OpenSSL's low-level functions: the same assembly as the EVP
//! path, without a provider dispatch per call. PBKDF2's inner loop hashes two short
//! messages per iteration, where that dispatch costs as much as the hashing.

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
                unsafe { sys::$update(&mut self.0, data.as_ptr().cast::<c_void>(), data.len()) };
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
