//! `cryptography.hazmat.bindings._rust.asn1`: the DER signature helpers that
//! `asymmetric.utils` re-exports (`encode_dss_signature`, `decode_dss_signature`).

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyInt};

/// A non-negative Python int as big-endian bytes.
fn int_magnitude(value: &Bound<'_, PyAny>) -> PyResult<Vec<u8>> {
    let int = value.cast::<PyInt>().map_err(|_| {
        let type_name = value
            .get_type()
            .name()
            .map(|n| n.to_string())
            .unwrap_or_default();
        PyTypeError::new_err(format!("'{type_name}' object is not an instance of 'int'"))
    })?;
    if int.lt(0)? {
        return Err(PyValueError::new_err("Negative integers are not supported"));
    }
    let bits: usize = int.call_method0("bit_length")?.extract()?;
    int.call_method1("to_bytes", (bits.div_ceil(8).max(1), "big"))?
        .extract::<Vec<u8>>()
}

fn int_from_magnitude<'py>(py: Python<'py>, magnitude: &[u8]) -> PyResult<Bound<'py, PyAny>> {
    py.get_type::<PyInt>()
        .call_method1("from_bytes", (PyBytes::new(py, magnitude), "big"))
}

#[pyfunction]
pub(crate) fn encode_dss_signature<'py>(
    py: Python<'py>,
    r: Bound<'py, PyAny>,
    s: Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyBytes>> {
    let der = cryptography_backend::dss::encode_signature(&int_magnitude(&r)?, &int_magnitude(&s)?)
        .map_err(|err| PyValueError::new_err(err.to_string()))?;
    Ok(PyBytes::new(py, &der))
}

#[pyfunction]
pub(crate) fn decode_dss_signature<'py>(
    py: Python<'py>,
    data: Bound<'py, PyAny>,
) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyAny>)> {
    let bytes = data.cast::<PyBytes>().map_err(|_| {
        let type_name = data
            .get_type()
            .name()
            .map(|n| n.to_string())
            .unwrap_or_default();
        PyTypeError::new_err(format!(
            "'{type_name}' object is not an instance of 'bytes'"
        ))
    })?;
    let (r, s) = cryptography_backend::dss::decode_signature(bytes.as_bytes())
        .map_err(PyValueError::new_err)?;
    Ok((int_from_magnitude(py, &r)?, int_from_magnitude(py, &s)?))
}
