//! The DER structures several areas share (keys and X.509 now; OCSP and PKCS#7/#12 next),
//! declared once with the `asn1` crate's derives and parsed strictly:
//!
//! - `oid`: every object identifier the package names.
//! - `algorithm`: `AlgorithmIdentifier`, whose parameters are decoded by its OID (an
//!   RSA identifier carries NULL, an EC one its curve, PBES2 its KDF and cipher, ...),
//!   with unknown OIDs kept as they are.
//! - `keys`: SubjectPublicKeyInfo, PKCS#8 (plain and encrypted), PKCS#1, SEC 1, DSA.
//! - `name`, `certificate`, `csr`, `crl`, `extensions`: X.509 names, certificates (with
//!   validity times and extensions), PKCS#10 requests, revocation lists, and the values
//!   of the standard extensions with the GeneralName they share.
//! - `ocsp`: OCSP requests and responses (RFC 6960).
//! - `oid_ref`: OIDs read in place, for the fields read by the thousand (names and
//!   extensions).
//! - `read_or_built`: one declaration for a structure both parsed and built.
//! - `pkcs12`: the PKCS#12 structures this package writes.
//! - `pkcs7`: PKCS#7 / CMS signed and enveloped data.
//! - `pkcs5`: the password-based encryption parameters (PBES1, PBES2, PBKDF2, scrypt).
//! - `integer`: unsigned INTEGERs read and written from their magnitude.
//! - `declarative`: structures described at run time (`cryptography.hazmat.asn1`).
//!
//! No `unsafe`, no I/O, no cryptography: only the shapes of the data, so that a parser
//! fuzzes in isolation and an area's code reads its structures by name.

#![forbid(unsafe_code)]
// The derived parsers return the `asn1` crate's own (large) error type.
#![allow(clippy::result_large_err)]

pub mod algorithm;
pub mod certificate;
pub mod crl;
pub mod csr;
pub mod declarative;
pub mod extensions;
pub mod integer;
pub mod keys;
pub mod name;
pub mod ocsp;
pub mod oid;
pub mod oid_ref;
pub mod pkcs12;
pub mod pkcs5;
pub mod pkcs7;
pub mod read_or_built;
pub mod time;

pub use algorithm::{AlgorithmIdentifier, AlgorithmParameters};
