//! The DER structures several areas share (keys now; X.509, OCSP and PKCS#7/#12 next),
//! declared once with the `asn1` crate's derives and parsed strictly:
//!
//! - `oid`: every object identifier the package names.
//! - `algorithm`: `AlgorithmIdentifier`, whose parameters are decoded by its OID (an
//!   RSA identifier carries NULL, an EC one its curve, PBES2 its KDF and cipher, ...),
//!   with unknown OIDs kept as they are.
//! - `keys`: SubjectPublicKeyInfo, PKCS#8 (plain and encrypted), PKCS#1, SEC 1, DSA.
//! - `pkcs5`: the password-based encryption parameters (PBES1, PBES2, PBKDF2, scrypt).
//! - `integer`: unsigned INTEGERs read and written from their magnitude.
//!
//! No `unsafe`, no I/O, no cryptography: only the shapes of the data, so that a parser
//! fuzzes in isolation and an area's code reads its structures by name.

#![forbid(unsafe_code)]
// The derived parsers return the `asn1` crate's own (large) error type.
#![allow(clippy::result_large_err)]

pub mod algorithm;
pub mod integer;
pub mod keys;
pub mod oid;
pub mod pkcs5;

pub use algorithm::{AlgorithmIdentifier, AlgorithmParameters};
