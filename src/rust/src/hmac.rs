//! `HMAC(key, algorithm)` (cryptography.hazmat.primitives.hmac).

use cryptography_backend::mac;
use pyo3::prelude::*;
use pyo3::types::PyBytes;

use crate::buf::{run_detached_if_large, BytesLike};
use crate::error::{already_finalized, unsupported, CryptoError, CryptoResult, Reason};
use crate::hashes::supported_hash_algorithm;

#[pyclass(
    module = "cryptography.hazmat.bindings._rust.openssl.hmac",
    name = "HMAC",
    freelist = 16
)]
pub(crate) struct Hmac {
    algorithm: Py<PyAny>,
    state: Option<mac::Hmac>,
}

impl Hmac {
    fn state(&mut self) -> PyResult<&mut mac::Hmac> {
        self.state.as_mut().ok_or_else(already_finalized)
    }
}

#[pymethods]
impl Hmac {
    #[new]
    #[pyo3(signature = (key, algorithm, backend=None))]
    fn new(
        py: Python<'_>,
        key: BytesLike<'_>,
        algorithm: Bound<'_, PyAny>,
        backend: Option<Bound<'_, PyAny>>,
    ) -> CryptoResult<Self> {
        let _ = backend;
        let core_algorithm = supported_hash_algorithm(py, &algorithm)?;
        if core_algorithm.is_xof() {
            return Err(unsupported(
                py,
                "Digest is not supported for HMAC".into(),
                Reason::UnsupportedHash,
            )
            .into());
        }
        let state = mac::Hmac::new(core_algorithm, &key)?;
        Ok(Hmac {
            algorithm: algorithm.unbind(),
            state: Some(state),
        })
    }

    #[getter]
    fn algorithm(&self, py: Python<'_>) -> Py<PyAny> {
        self.algorithm.clone_ref(py)
    }

    fn update(&mut self, py: Python<'_>, data: BytesLike<'_>) -> CryptoResult<()> {
        let state = self.state()?;
        Ok(run_detached_if_large(py, &data, |bytes| {
            state.update(bytes)
        })?)
    }

    fn copy(&self, py: Python<'_>) -> CryptoResult<Hmac> {
        let state = self.state.as_ref().ok_or_else(already_finalized)?;
        Ok(Hmac {
            algorithm: self.algorithm.clone_ref(py),
            state: Some(state.fork()?),
        })
    }

    fn finalize<'py>(&mut self, py: Python<'py>) -> CryptoResult<Bound<'py, PyBytes>> {
        let state = self.state.take().ok_or_else(already_finalized)?;
        tag_to_bytes(py, state.tag_len(), |out| state.finalize_into(out))
    }

    fn verify(&mut self, signature: &[u8]) -> CryptoResult<()> {
        let state = self.state.take().ok_or_else(already_finalized)?;
        Ok(state.verify(signature)?)
    }
}

/// Writes a MAC tag of `len` bytes straight into a new `bytes` object.
pub(crate) fn tag_to_bytes<'py>(
    py: Python<'py>,
    len: usize,
    finalize_into: impl FnOnce(&mut [u8]) -> cryptography_backend::Result<()>,
) -> CryptoResult<Bound<'py, PyBytes>> {
    Ok(PyBytes::new_with(py, len, |out| {
        finalize_into(out).map_err(|e| CryptoError::from(e).into())
    })?)
}
