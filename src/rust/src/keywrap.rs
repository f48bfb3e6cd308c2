//! `cryptography.hazmat.primitives.keywrap`: the documented argument rules, then one core
//! call.

use cryptography_backend::keywrap;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyBytes;

use crate::buf::BytesLike;
use crate::error::{CryptoResult, KeywrapInvalidUnwrap};

fn check_wrapping_key(key: &[u8]) -> PyResult<()> {
    if matches!(key.len(), 16 | 24 | 32) {
        Ok(())
    } else {
        Err(PyValueError::new_err(
            "The wrapping key must be a valid AES key length",
        ))
    }
}

#[pyfunction]
#[pyo3(signature = (wrapping_key, key_to_wrap, backend=None))]
pub(crate) fn aes_key_wrap<'py>(
    py: Python<'py>,
    wrapping_key: BytesLike<'_>,
    key_to_wrap: BytesLike<'_>,
    backend: Option<Bound<'_, PyAny>>,
) -> CryptoResult<Bound<'py, PyBytes>> {
    let _ = backend;
    check_wrapping_key(&wrapping_key)?;
    if key_to_wrap.len() < 16 {
        return Err(PyValueError::new_err("The key to wrap must be at least 16 bytes").into());
    }
    if key_to_wrap.len() % 8 != 0 {
        return Err(PyValueError::new_err("The key to wrap must be a multiple of 8 bytes").into());
    }
    Ok(PyBytes::new(
        py,
        &keywrap::wrap(&wrapping_key, &key_to_wrap, false)?,
    ))
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
    check_wrapping_key(&wrapping_key)?;
    if wrapped_key.len() < 24 {
        return Err(KeywrapInvalidUnwrap::new_err("Must be at least 24 bytes").into());
    }
    if wrapped_key.len() % 8 != 0 {
        return Err(
            KeywrapInvalidUnwrap::new_err("The wrapped key must be a multiple of 8 bytes").into(),
        );
    }
    Ok(PyBytes::new(
        py,
        &keywrap::unwrap(&wrapping_key, &wrapped_key, false)?,
    ))
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
    check_wrapping_key(&wrapping_key)?;
    if key_to_wrap.is_empty() || key_to_wrap.len() as u64 > u64::from(u32::MAX) {
        return Err(PyValueError::new_err("key_to_wrap must be between 1 and 2^32 bytes").into());
    }
    Ok(PyBytes::new(
        py,
        &keywrap::wrap(&wrapping_key, &key_to_wrap, true)?,
    ))
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
    check_wrapping_key(&wrapping_key)?;
    if wrapped_key.len() < 16 {
        return Err(KeywrapInvalidUnwrap::new_err("Must be at least 16 bytes").into());
    }
    if wrapped_key.len() % 8 != 0 {
        return Err(
            KeywrapInvalidUnwrap::new_err("The wrapped key must be a multiple of 8 bytes").into(),
        );
    }
    Ok(PyBytes::new(
        py,
        &keywrap::unwrap(&wrapping_key, &wrapped_key, true)?,
    ))
}
