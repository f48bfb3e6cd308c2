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
    /// HMAC keyed with the all-zero key (HKDF-Extract's salt when none is given), keyed
    /// once per process.
    fn zero_key_hmac() -> ShaHmac<Self>;
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

            fn zero_key_hmac() -> ShaHmac<Self> {
                static KEYED: std::sync::OnceLock<ShaHmac<$name>> = std::sync::OnceLock::new();
                KEYED.get_or_init(|| ShaHmac::new(&[0u8; $output])).clone()
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

/// HMAC (RFC 2104) over a low-level state: the key's inner and outer pads are hashed
/// once, and each MAC resumes copies of those states. Everything is wiped on drop.
#[derive(Clone)]
pub(crate) struct ShaHmac<S: ShaState> {
    inner: S,
    outer: S,
    work: S,
    inner_digest: [u8; MAX_OUTPUT],
}

/// The largest block of these hashes (SHA-384 and SHA-512), and the largest digest.
const MAX_BLOCK: usize = 128;
const MAX_OUTPUT: usize = 64;

impl<S: ShaState> ShaHmac<S> {
    pub(crate) fn new(key: &[u8]) -> Self {
        // K0: the key, hashed first when longer than a block, padded with zeros.
        let mut k0 = zeroize::Zeroizing::new([0u8; MAX_BLOCK]);
        let mut work = S::new();
        if key.len() > S::BLOCK {
            work.update(key);
            work.finalize_into(&mut k0[..]);
            work = S::new();
        } else {
            k0[..key.len()].copy_from_slice(key);
        }
        let keyed = |pad: u8| {
            let mut block = zeroize::Zeroizing::new([0u8; MAX_BLOCK]);
            for (byte, key_byte) in block.iter_mut().zip(k0.iter()) {
                *byte = key_byte ^ pad;
            }
            let mut state = S::new();
            state.update(&block[..S::BLOCK]);
            state
        };
        let (inner, outer) = (keyed(0x36), keyed(0x5c));
        ShaHmac {
            inner,
            outer,
            work,
            inner_digest: [0u8; MAX_OUTPUT],
        }
    }

    /// The MAC of the concatenated `parts`, written to the first `S::OUTPUT` bytes of
    /// `out`.
    pub(crate) fn mac(&mut self, parts: &[&[u8]], out: &mut [u8]) {
        self.work.clone_from(&self.inner);
        for part in parts {
            self.work.update(part);
        }
        self.work.finalize_into(&mut self.inner_digest);
        self.work.clone_from(&self.outer);
        self.work.update(&self.inner_digest[..S::OUTPUT]);
        self.work.finalize_into(out);
    }
}

impl<S: ShaState> Drop for ShaHmac<S> {
    fn drop(&mut self) {
        for state in [&mut self.inner, &mut self.outer, &mut self.work] {
            state.wipe();
        }
        zeroize::Zeroize::zeroize(&mut self.inner_digest);
    }
}

/// `$body` with `$state` naming the low-level state of `$algorithm`: `Some(result)` for
/// SHA-1 and SHA-2 outside FIPS mode (whose approved path is EVP's), `None` otherwise.
macro_rules! with_sha_state {
    ($algorithm:expr, $state:ident => $body:expr) => {{
        use crate::ffi::low_level_sha as sha;
        use crate::hash::HashAlgorithm as Algorithm;
        if crate::ffi::fips_enabled() {
            None
        } else {
            match $algorithm {
                Algorithm::Sha1 => {
                    type $state = sha::Sha1;
                    Some($body)
                }
                Algorithm::Sha224 => {
                    type $state = sha::Sha224;
                    Some($body)
                }
                Algorithm::Sha256 => {
                    type $state = sha::Sha256;
                    Some($body)
                }
                Algorithm::Sha384 => {
                    type $state = sha::Sha384;
                    Some($body)
                }
                Algorithm::Sha512 => {
                    type $state = sha::Sha512;
                    Some($body)
                }
                _ => None,
            }
        }
    }};
}
pub(crate) use with_sha_state;
