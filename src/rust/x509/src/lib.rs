//! X.509 for the cryptography package, with no Python in sight: certificates (and, to
//! come, requests and revocation lists) loaded from PEM or DER into an object that owns
//! its DER and holds the parsed view of it, so that every field is read from the one
//! parse.
//!
//! The structures themselves are declared in the ASN.1 crate (`cryptography_asn1`);
//! this crate owns the bytes, applies the loading rules, and computes what is derived
//! from a certificate (fingerprints, its TBS bytes, its names as text).

#![forbid(unsafe_code)]
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]
// The derived parsers return the `asn1` crate's own (large) error type.
#![allow(clippy::result_large_err)]

pub mod certificate;
pub mod crl;
pub mod csr;
pub mod error;
pub mod extensions;
pub mod name;
pub mod ocsp;
pub mod pkcs12;
pub mod pkcs7;
pub mod rfc4514;
pub mod sct;
pub mod signature;

pub use certificate::Certificate;
pub use error::{X509Error, X509Result};
