//! The pure-Rust core of the `cryptography` package: every algorithm's logic, over
//! OpenSSL, with no Python in sight. The binding crate converts Python values into the
//! types here, makes one call, and converts the result back.
//!
//! Only the `ffi` module may use `unsafe`; it wraps the few OpenSSL functions the `openssl`
//! crate does not.

#![deny(unsafe_code)]
// Nothing reachable from Python input may panic: no unwrap/expect outside tests.
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

pub mod aead;
mod algorithms;
pub mod buffer;
pub mod capabilities;
pub mod cipher;
pub mod cipher_rules;
pub mod cobblestone;
pub mod dh;
pub mod dsa;
pub mod dss;
pub mod ec;
pub mod ecx;
pub mod error;
pub mod fernet;
mod ffi;
pub mod hash;
pub mod hpke;
pub mod interrupt;
pub mod kdf;
pub mod keywrap;
pub mod mac;
mod magnitude;
pub mod mldsa;
pub mod mlkem;
pub mod openssh;
pub mod openssl_info;
pub mod padding;
pub mod pkcs12;
pub mod pkcs7;
mod pool;
pub mod rsa;
pub mod signing;
mod siv;
#[cfg(test)]
mod test_support;
pub mod twofactor;
pub mod validation_memo;
pub mod xchacha;

pub use error::{
    AeadError, AsymmetricError, BufferError, CipherError, CobblestoneError, Error, FernetError,
    KdfError, KeyWrapError, MacError, PaddingError, Result, TwoFactorError, Unsupported,
};
pub use ffi::Output;

/// Fills `out` from OpenSSL's CSPRNG (for generated keys).
pub fn random_bytes(out: &mut [u8]) -> Result<()> {
    Ok(openssl::rand::rand_bytes(out)?)
}

/// Compares two byte strings in constant time (for equal lengths; different lengths are
/// simply unequal).
pub fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    ffi::constant_time_eq(a, b)
}
