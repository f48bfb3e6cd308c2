//! The native step of `hazmat.primitives.twofactor`: one HOTP value as its ASCII digits.
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
    let value = cryptography_backend::otp::hotp(algorithm, &key, counter, length)?;
    let digits = format!("{value:0width$}", width = length as usize);
    Ok(PyBytes::new(py, digits.as_bytes()))
}
