//! The padding contexts behind `cryptography.hazmat.primitives.padding`: `PKCS7` and
//! `ANSIX923` padders and unpadders. Block sizes arrive in bits, checked by the Python
//! layer; the core works in bytes.

use cryptography_backend::padding::{Padder, PaddingScheme, Unpadder};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyBytes;

use crate::buf::BytesLike;
use crate::error::{already_finalized, CryptoError, CryptoResult};

fn block_len(block_size_bits: usize) -> PyResult<usize> {
    if block_size_bits % 8 == 0 && (8..=2040).contains(&block_size_bits) {
        Ok(block_size_bits / 8)
    } else {
        Err(PyValueError::new_err(
            "block_size must be a multiple of 8 in range(8, 2041).",
        ))
    }
}

fn write_bytes<'py>(
    py: Python<'py>,
    len: usize,
    fill: impl FnOnce(&mut [u8]) -> cryptography_backend::Result<()>,
) -> CryptoResult<Bound<'py, PyBytes>> {
    Ok(PyBytes::new_with(py, len, |out| {
        fill(out).map_err(|e| CryptoError::from(e).into())
    })?)
}

/// Defines a padding and an unpadding context class for one scheme.
macro_rules! padding_contexts {
    ($padder:ident, $padder_name:literal, $unpadder:ident, $unpadder_name:literal, $scheme:expr) => {
        #[pyclass(module = "cryptography.hazmat.bindings._rust", name = $padder_name)]
        pub(crate) struct $padder {
            state: Option<Padder>,
        }

        #[pymethods]
        impl $padder {
            #[new]
            fn new(block_size: usize) -> CryptoResult<Self> {
                Ok($padder {
                    state: Some(Padder::new($scheme, block_len(block_size)?)?),
                })
            }

            /// Returns its input unchanged: padding depends only on the length.
            fn update<'py>(&mut self, buf: Bound<'py, PyAny>) -> CryptoResult<Bound<'py, PyAny>> {
                let state = self.state.as_mut().ok_or_else(already_finalized)?;
                let len = buf.extract::<BytesLike<'_>>()?.len();
                state.update(len);
                Ok(buf)
            }

            fn finalize<'py>(&mut self, py: Python<'py>) -> CryptoResult<Bound<'py, PyBytes>> {
                let state = self.state.take().ok_or_else(already_finalized)?;
                write_bytes(py, state.finalize_len(), |out| state.finalize_into(out))
            }
        }

        #[pyclass(module = "cryptography.hazmat.bindings._rust", name = $unpadder_name)]
        pub(crate) struct $unpadder {
            state: Option<Unpadder>,
        }

        #[pymethods]
        impl $unpadder {
            #[new]
            fn new(block_size: usize) -> CryptoResult<Self> {
                Ok($unpadder {
                    state: Some(Unpadder::new($scheme, block_len(block_size)?)?),
                })
            }

            fn update<'py>(
                &mut self,
                py: Python<'py>,
                buf: BytesLike<'_>,
            ) -> CryptoResult<Bound<'py, PyBytes>> {
                let state = self.state.as_mut().ok_or_else(already_finalized)?;
                write_bytes(py, state.update_len(buf.len()), |out| {
                    state.update_into(&buf, out)
                })
            }

            fn finalize<'py>(&mut self, py: Python<'py>) -> CryptoResult<Bound<'py, PyBytes>> {
                let state = self.state.take().ok_or_else(already_finalized)?;
                let len = state.finalize_len()?;
                write_bytes(py, len, |out| state.finalize_into(out))
            }
        }
    };
}

padding_contexts!(
    Pkcs7PaddingContext,
    "PKCS7PaddingContext",
    Pkcs7UnpaddingContext,
    "PKCS7UnpaddingContext",
    PaddingScheme::Pkcs7
);
padding_contexts!(
    AnsiX923PaddingContext,
    "ANSIX923PaddingContext",
    AnsiX923UnpaddingContext,
    "ANSIX923UnpaddingContext",
    PaddingScheme::AnsiX923
);
