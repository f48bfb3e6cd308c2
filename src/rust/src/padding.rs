//! The padding contexts behind `cryptography.hazmat.primitives.padding`: `PKCS7` and
//! `ANSIX923` padders and unpadders, and the block-size rule their constructors apply.
//! Block sizes arrive in bits; the core checks them and works in bytes.

use cryptography_backend::padding::{self, Padder, PaddingScheme, Unpadder};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyInt};

use crate::buf::BytesLike;
use crate::error::{already_finalized, CryptoError, CryptoResult};

/// The block size in bits, as a length in bytes (the core's rule: 0 to 2040, whole
/// bytes); an integer too large for 64 bits is out of range all the same.
fn block_len(block_size: &Bound<'_, PyAny>) -> CryptoResult<usize> {
    let bits = match block_size.extract::<i64>() {
        Ok(bits) => bits,
        Err(_) if block_size.is_instance_of::<PyInt>() => i64::MAX,
        Err(err) => return Err(err.into()),
    };
    Ok(padding::block_len_from_bits(bits)?)
}

/// `PKCS7(block_size)` and `ANSIX923(block_size)`'s check.
#[pyfunction]
#[pyo3(name = "check_padding_block_size")]
pub(crate) fn check_block_size(block_size: &Bound<'_, PyAny>) -> CryptoResult<()> {
    block_len(block_size).map(|_| ())
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
            fn new(block_size: &Bound<'_, PyAny>) -> CryptoResult<Self> {
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
            fn new(block_size: &Bound<'_, PyAny>) -> CryptoResult<Self> {
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
