//! `Poly1305(key)` (cryptography.hazmat.primitives.poly1305).

use cryptography_backend::mac;
use pyo3::prelude::*;
use pyo3::types::PyBytes;

use crate::buf::{run_detached_if_large, BytesLike};
use crate::error::{already_finalized, CryptoResult};
use crate::hmac::tag_to_bytes;

fn keyed(key: &[u8]) -> CryptoResult<mac::Poly1305> {
    Ok(mac::Poly1305::new(key)?)
}

fn check_tag(state: mac::Poly1305, tag: &[u8]) -> CryptoResult<()> {
    Ok(state.verify(tag)?)
}

#[pyclass(
    module = "cryptography.hazmat.bindings._rust.openssl.poly1305",
    name = "Poly1305"
)]
pub(crate) struct Poly1305 {
    state: Option<mac::Poly1305>,
}

#[pymethods]
impl Poly1305 {
    #[new]
    fn new(key: BytesLike<'_>) -> CryptoResult<Self> {
        Ok(Poly1305 {
            state: Some(keyed(&key)?),
        })
    }

    #[staticmethod]
    fn generate_tag<'py>(
        py: Python<'py>,
        key: BytesLike<'_>,
        data: BytesLike<'_>,
    ) -> CryptoResult<Bound<'py, PyBytes>> {
        let mut state = keyed(&key)?;
        run_detached_if_large(py, &data, |bytes| state.update(bytes))?;
        tag_to_bytes(py, mac::Poly1305::TAG_LEN, |out| state.finalize_into(out))
    }

    #[staticmethod]
    fn verify_tag(
        py: Python<'_>,
        key: BytesLike<'_>,
        data: BytesLike<'_>,
        tag: &[u8],
    ) -> CryptoResult<()> {
        let mut state = keyed(&key)?;
        run_detached_if_large(py, &data, |bytes| state.update(bytes))?;
        check_tag(state, tag)
    }

    fn update(&mut self, py: Python<'_>, data: BytesLike<'_>) -> CryptoResult<()> {
        let state = self.state.as_mut().ok_or_else(already_finalized)?;
        Ok(run_detached_if_large(py, &data, |bytes| {
            state.update(bytes)
        })?)
    }

    fn finalize<'py>(&mut self, py: Python<'py>) -> CryptoResult<Bound<'py, PyBytes>> {
        let state = self.state.take().ok_or_else(already_finalized)?;
        tag_to_bytes(py, mac::Poly1305::TAG_LEN, |out| state.finalize_into(out))
    }

    fn verify(&mut self, signature: &[u8]) -> CryptoResult<()> {
        let state = self.state.take().ok_or_else(already_finalized)?;
        check_tag(state, signature)
    }
}
