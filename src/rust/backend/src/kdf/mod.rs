//! Key derivation: PBKDF2 and scrypt run in OpenSSL; HKDF (RFC 5869), the ANSI X9.63 KDF
//! and the NIST SP 800-56A concatenation KDF are composed here over the cached digests
//! and the HMAC of `crate::mac`, which key in a fraction of the time OpenSSL's KDF
//! objects take to set up (the reference spends most of an HKDF call there).
//!
//! Every function writes exactly `out.len()` bytes; lengths past what a construction
//! defines are refused before any work.
//!
//! ```
//! use cryptography_backend::hash::HashAlgorithm;
//! use cryptography_backend::kdf;
//!
//! let mut okm = [0u8; 42];
//! kdf::hkdf(HashAlgorithm::Sha256, Some(b"salt"), b"input key", b"info", &mut okm)?;
//! # Ok::<(), cryptography_backend::Error>(())
//! ```

use zeroize::Zeroizing;

use crate::error::{Error, KdfError};

/// The largest digest: the size of the per-block scratch buffers.
pub(crate) const MAX_DIGEST: usize = 64;

/// A KDF's `verify`: derives `length` bytes with `derive` into a buffer wiped
/// afterwards, and compares them with `expected` in constant time. A
/// mismatch (of content or length) is `KdfError::KeyMismatch`.
pub fn verify_derived<E: From<Error>>(
    length: usize,
    expected: &[u8],
    derive: impl FnOnce(&mut [u8]) -> std::result::Result<(), E>,
) -> std::result::Result<(), E> {
    let mut derived = Zeroizing::new(vec![0u8; length]);
    derive(&mut derived)?;
    if crate::constant_time_eq(&derived, expected) {
        Ok(())
    } else {
        Err(Error::from(KdfError::KeyMismatch).into())
    }
}

mod argon2;
mod hkdf;
mod kbkdf;
mod password;

pub use argon2::*;
pub use hkdf::*;
pub use kbkdf::*;
pub use password::*;

#[cfg(test)]
mod tests;
