//! `cryptography.cobblestone`: the C2SP chunked-encryption classes. Each method makes one
//! core call; a decryption failure finishes the decryptor.

use cryptography_backend::cobblestone::{Decryptor, Encryptor, Variant};
use cryptography_backend::Output;
use pyo3::prelude::*;
use pyo3::types::PyBytes;

use crate::buf::{new_bytes, BytesLike, WritableBuffer};
use crate::error::{already_finalized, CryptoError, CryptoResult};

fn into_buffer(buf: &mut WritableBuffer, needed: usize) -> CryptoResult<Output<'_>> {
    cryptography_backend::buffer::check_room(buf.len(), needed)?;
    Ok(buf.output())
}

/// Defines an encryptor and a decryptor class for one variant.
macro_rules! cobblestone_classes {
    ($encryptor:ident, $enc_name:literal, $decryptor:ident, $dec_name:literal, $variant:expr) => {
        #[pyclass(module = "cryptography.hazmat.bindings._rust.cobblestone", name = $enc_name)]
        pub(crate) struct $encryptor {
            state: Option<Encryptor>,
        }

        #[pymethods]
        impl $encryptor {
            #[new]
            fn new(key: BytesLike<'_>, context: BytesLike<'_>) -> CryptoResult<Self> {
                let mut salt = [0u8; 24];
                cryptography_backend::random_bytes(&mut salt)?;
                let state = Encryptor::new($variant, &key, &context, salt)?;
                Ok($encryptor { state: Some(state) })
            }

            #[staticmethod]
            fn generate_key(py: Python<'_>) -> CryptoResult<Bound<'_, PyBytes>> {
                Ok(PyBytes::new_with(py, $variant.key_len(), |out| {
                    cryptography_backend::random_bytes(out).map_err(|e| CryptoError::from(e).into())
                })?)
            }

            fn update<'py>(
                &mut self,
                py: Python<'py>,
                data: BytesLike<'_>,
            ) -> CryptoResult<Bound<'py, PyBytes>> {
                let state = self.state.as_mut().ok_or_else(already_finalized)?;
                let len = state.update_len(data.len());
                Ok(new_bytes(py, len, |out| {
                    state
                        .update_into(&data, out)
                        .map(|_| ())
                        .map_err(|e| CryptoError::from(e).into())
                })?)
            }

            fn update_into(
                &mut self,
                data: BytesLike<'_>,
                mut buf: WritableBuffer,
            ) -> CryptoResult<usize> {
                let state = self.state.as_mut().ok_or_else(already_finalized)?;
                let mut out = into_buffer(&mut buf, state.update_len(data.len()))?;
                Ok(state.update_into(&data, &mut out)?)
            }

            fn finalize<'py>(&mut self, py: Python<'py>) -> CryptoResult<Bound<'py, PyBytes>> {
                let state = self.state.take().ok_or_else(already_finalized)?;
                let len = state.finalize_len();
                Ok(new_bytes(py, len, |out| {
                    state
                        .finalize_into(out)
                        .map_err(|e| CryptoError::from(e).into())
                })?)
            }
        }

        #[pyclass(module = "cryptography.hazmat.bindings._rust.cobblestone", name = $dec_name)]
        pub(crate) struct $decryptor {
            state: Option<Decryptor>,
        }

        #[pymethods]
        impl $decryptor {
            #[new]
            fn new(key: BytesLike<'_>, context: BytesLike<'_>) -> CryptoResult<Self> {
                let state = Decryptor::new($variant, &key, &context)?;
                Ok($decryptor { state: Some(state) })
            }

            fn update<'py>(
                &mut self,
                py: Python<'py>,
                data: BytesLike<'_>,
            ) -> CryptoResult<Bound<'py, PyBytes>> {
                let mut state = self.state.take().ok_or_else(already_finalized)?;
                let len = state.update_len(data.len());
                let mut written = 0;
                let out = new_bytes(py, len, |out| {
                    written = state
                        .update_into(&data, out)
                        .map_err(|e| PyErr::from(CryptoError::from(e)))?;
                    Ok(())
                })?;
                // A failure leaves the decryptor finished; so does an error above.
                self.state = Some(state);
                if written == len {
                    Ok(out)
                } else {
                    Ok(PyBytes::new(py, &out.as_bytes()[..written]))
                }
            }

            fn update_into(
                &mut self,
                data: BytesLike<'_>,
                mut buf: WritableBuffer,
            ) -> CryptoResult<usize> {
                // A buffer too small leaves the context as it was; a failure while
                // decrypting finishes it.
                let needed = self
                    .state
                    .as_ref()
                    .ok_or_else(already_finalized)?
                    .update_len(data.len());
                let mut out = into_buffer(&mut buf, needed)?;
                let mut state = self.state.take().ok_or_else(already_finalized)?;
                let written = state.update_into(&data, &mut out)?;
                self.state = Some(state);
                Ok(written)
            }

            fn finalize<'py>(&mut self, py: Python<'py>) -> CryptoResult<Bound<'py, PyBytes>> {
                let state = self.state.take().ok_or_else(already_finalized)?;
                let len = state.finalize_len()?;
                Ok(new_bytes(py, len, |out| {
                    state
                        .finalize_into(out)
                        .map_err(|e| CryptoError::from(e).into())
                })?)
            }
        }
    };
}

cobblestone_classes!(
    Cobblestone128Encryptor,
    "Cobblestone128Encryptor",
    Cobblestone128Decryptor,
    "Cobblestone128Decryptor",
    Variant::Cobblestone128
);
cobblestone_classes!(
    Cobblestone256Encryptor,
    "Cobblestone256Encryptor",
    Cobblestone256Decryptor,
    "Cobblestone256Decryptor",
    Variant::Cobblestone256
);
