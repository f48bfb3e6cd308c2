//! The native side of `hazmat.primitives.twofactor`: an HOTP generator whose arguments the
//! core checks, giving values as ASCII digits and RFC 4226's dynamic truncation (the
//! reference's private hook). The Python classes keep the provisioning URIs and TOTP's
//! time steps.

use cryptography_backend::twofactor;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyBytes, PyInt};

use crate::buf::BytesLike;
use crate::error::CryptoResult;
use crate::hashes::hash_algorithm;

#[pyclass(
    frozen,
    module = "cryptography.hazmat.bindings._rust.openssl.twofactor",
    name = "Hotp"
)]
pub(crate) struct Hotp {
    inner: twofactor::Hotp,
}

#[pymethods]
impl Hotp {
    /// Converts the arguments as far as they convert (a length that is not an integer, a
    /// digest with no core equivalent, reach the core as `None`), then lets the core
    /// check them in the reference's order. The key length is enforced only when
    /// `enforce_key_length` is `True` itself, as the reference tests it.
    #[new]
    fn new(
        py: Python<'_>,
        key: BytesLike<'_>,
        length: &Bound<'_, PyAny>,
        algorithm: &Bound<'_, PyAny>,
        enforce_key_length: &Bound<'_, PyAny>,
    ) -> CryptoResult<Self> {
        let digits = length
            .is_instance_of::<PyInt>()
            .then(|| length.extract::<i64>().unwrap_or(i64::MAX));
        let algorithm = hash_algorithm(py, algorithm).ok();
        let enforce = enforce_key_length.is(PyBool::new(py, true).as_any());
        Ok(Hotp {
            inner: twofactor::Hotp::new(&key, digits, algorithm, enforce)?,
        })
    }

    /// The value for `counter`, which must be an integer that fits in 64 bits.
    fn generate<'py>(
        &self,
        py: Python<'py>,
        counter: &Bound<'py, PyAny>,
    ) -> CryptoResult<Bound<'py, PyBytes>> {
        if !counter.is_instance_of::<PyInt>() {
            return Err(PyTypeError::new_err("Counter parameter must be an integer type.").into());
        }
        let counter = counter.extract::<u64>().map_err(|_| {
            PyValueError::new_err(format!("Counter must be between 0 and {}.", u64::MAX))
        })?;
        Ok(PyBytes::new(py, self.inner.generate(counter)?.as_bytes()))
    }

    /// RFC 4226's dynamic truncation of the HMAC of `counter`: the reference's private
    /// `HOTP._dynamic_truncate` hook, for the RFC's intermediate values.
    fn dynamic_truncate(&self, counter: u64) -> CryptoResult<u32> {
        Ok(self.inner.dynamic_truncate(counter)?)
    }
}
