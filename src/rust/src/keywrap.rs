//! `cryptography.hazmat.primitives.keywrap`: one core call each; the core checks the
//! arguments (`KeyWrapError`), the error mapping words them as the reference does.

use cryptography_backend::keywrap;
use pyo3::prelude::*;
use pyo3::types::PyBytes;

use crate::buf::BytesLike;
use crate::error::CryptoResult;

#[pyfunction]
#[pyo3(signature = (wrapping_key, key_to_wrap, backend=None))]
pub(crate) fn aes_key_wrap<'py>(
    py: Python<'py>,
    wrapping_key: BytesLike<'_>,
    key_to_wrap: BytesLike<'_>,
    backend: Option<Bound<'_, PyAny>>,
) -> CryptoResult<Bound<'py, PyBytes>> {
    let _ = backend;
    let wrapped = keywrap::wrap(&wrapping_key, &key_to_wrap, false)?;
    Ok(PyBytes::new(py, &wrapped))
}

#[pyfunction]
#[pyo3(signature = (wrapping_key, wrapped_key, backend=None))]
pub(crate) fn aes_key_unwrap<'py>(
    py: Python<'py>,
    wrapping_key: BytesLike<'_>,
    wrapped_key: BytesLike<'_>,
    backend: Option<Bound<'_, PyAny>>,
) -> CryptoResult<Bound<'py, PyBytes>> {
    let _ = backend;
    let key = keywrap::unwrap(&wrapping_key, &wrapped_key, false)?;
    Ok(PyBytes::new(py, &key))
}

#[pyfunction]
#[pyo3(signature = (wrapping_key, key_to_wrap, backend=None))]
pub(crate) fn aes_key_wrap_with_padding<'py>(
    py: Python<'py>,
    wrapping_key: BytesLike<'_>,
    key_to_wrap: BytesLike<'_>,
    backend: Option<Bound<'_, PyAny>>,
) -> CryptoResult<Bound<'py, PyBytes>> {
    let _ = backend;
    let wrapped = keywrap::wrap(&wrapping_key, &key_to_wrap, true)?;
    Ok(PyBytes::new(py, &wrapped))
}

#[pyfunction]
#[pyo3(signature = (wrapping_key, wrapped_key, backend=None))]
pub(crate) fn aes_key_unwrap_with_padding<'py>(
    py: Python<'py>,
    wrapping_key: BytesLike<'_>,
    wrapped_key: BytesLike<'_>,
    backend: Option<Bound<'_, PyAny>>,
) -> CryptoResult<Bound<'py, PyBytes>> {
    let _ = backend;
    let key = keywrap::unwrap(&wrapping_key, &wrapped_key, true)?;
    Ok(PyBytes::new(py, &key))
}
