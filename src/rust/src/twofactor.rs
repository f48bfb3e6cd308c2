//! The native steps of `hazmat.primitives.twofactor`: one HOTP value as its ASCII digits,
//! and RFC 4226's dynamic truncation (the reference's private hook).
//! The Python classes keep the reference's argument checks and provisioning URIs.

use pyo3::prelude::*;
use pyo3::types::PyBytes;

use crate::buf::BytesLike;
use crate::error::CryptoResult;
use crate::hashes::hash_algorithm;

/// The zero-padded decimal HOTP value of `counter`, `length` digits long.
#[pyfunction]
pub(crate) fn hotp_code<'py>(
    py: Python<'py>,
    key: BytesLike<'_>,
    algorithm: Bound<'py, PyAny>,
    counter: u64,
    length: u32,
) -> CryptoResult<Bound<'py, PyBytes>> {
    let algorithm = hash_algorithm(py, &algorithm)?;
    let value = cryptography_backend::twofactor::hotp(algorithm, &key, counter, length)?;
    let digits = format!("{value:0width$}", width = length as usize);
    Ok(PyBytes::new(py, digits.as_bytes()))
}

/// RFC 4226's dynamic truncation of the HMAC of `counter`: the reference's private
/// `HOTP._dynamic_truncate` hook, for the RFC's intermediate values.
#[pyfunction]
pub(crate) fn dynamic_truncate(
    py: Python<'_>,
    key: BytesLike<'_>,
    algorithm: Bound<'_, PyAny>,
    counter: u64,
) -> CryptoResult<u32> {
    let algorithm = hash_algorithm(py, &algorithm)?;
    Ok(cryptography_backend::twofactor::dynamic_truncate(
        algorithm, &key, counter,
    )?)
}
