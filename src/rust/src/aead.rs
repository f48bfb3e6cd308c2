//! The one-shot AEAD classes (cryptography.hazmat.primitives.ciphers.aead). Each object
//! holds a core `AeadKey`, scheduled once; a call checks the nonce, then makes one core
//! call that writes straight into the returned bytes.

use cryptography_backend::aead::{AeadAlgorithm, AeadKey};
use cryptography_backend::Error;
use pyo3::exceptions::{PyOverflowError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyBytes;

use crate::buf::{BytesLike, WritableBuffer, DETACH_THRESHOLD};
use crate::error::{CryptoError, CryptoResult};

/// Longest data or associated data accepted, as the reference documents.
const MAX_DATA_LEN: usize = (1 << 31) - 1;

fn check_lengths(data: &[u8], aad: &[u8]) -> PyResult<()> {
    if data.len() > MAX_DATA_LEN || aad.len() > MAX_DATA_LEN {
        return Err(PyOverflowError::new_err(
            "Data or associated data too long. Max 2**31 - 1 bytes",
        ));
    }
    Ok(())
}

/// Generated key bytes, from OpenSSL's CSPRNG.
fn random_key(py: Python<'_>, len: usize) -> CryptoResult<Bound<'_, PyBytes>> {
    Ok(PyBytes::new_with(py, len, |out| {
        cryptography_backend::random_bytes(out).map_err(|e| CryptoError::from(e).into())
    })?)
}

/// One message in or out, with the interpreter released for large inputs.
fn run<T: Send>(py: Python<'_>, len: usize, work: impl FnOnce() -> T + Send) -> T {
    if len >= DETACH_THRESHOLD {
        py.detach(work)
    } else {
        work()
    }
}

fn seal<'py>(
    py: Python<'py>,
    key: &AeadKey,
    nonce: &[u8],
    data: &[u8],
    aad: &[u8],
) -> CryptoResult<Bound<'py, PyBytes>> {
    check_lengths(data, aad)?;
    Ok(PyBytes::new_with(
        py,
        data.len() + AeadKey::TAG_LEN,
        |out| {
            run(py, data.len(), || key.seal_into(nonce, aad, data, out))
                .map_err(|e| CryptoError::from(e).into())
        },
    )?)
}

fn open<'py>(
    py: Python<'py>,
    key: &AeadKey,
    nonce: &[u8],
    data: &[u8],
    aad: &[u8],
) -> CryptoResult<Bound<'py, PyBytes>> {
    check_lengths(data, aad)?;
    let len = data
        .len()
        .checked_sub(AeadKey::TAG_LEN)
        .ok_or(Error::InvalidTag)?;
    Ok(PyBytes::new_with(py, len, |out| {
        run(py, data.len(), || key.open_into(nonce, aad, data, out))
            .map_err(|e| CryptoError::from(e).into())
    })?)
}

fn into_buffer(buf: &mut WritableBuffer, expected: usize) -> PyResult<&mut [u8]> {
    let out = buf.as_mut_slice();
    if out.len() != expected {
        return Err(PyValueError::new_err(format!(
            "buffer must be {expected} bytes"
        )));
    }
    Ok(out)
}

fn seal_into(
    py: Python<'_>,
    key: &AeadKey,
    nonce: &[u8],
    data: &[u8],
    aad: &[u8],
    buf: &mut WritableBuffer,
) -> CryptoResult<usize> {
    check_lengths(data, aad)?;
    let expected = data.len() + AeadKey::TAG_LEN;
    let out = into_buffer(buf, expected)?;
    run(py, data.len(), || key.seal_into(nonce, aad, data, out))?;
    Ok(expected)
}

fn open_into(
    py: Python<'_>,
    key: &AeadKey,
    nonce: &[u8],
    data: &[u8],
    aad: &[u8],
    buf: &mut WritableBuffer,
) -> CryptoResult<usize> {
    check_lengths(data, aad)?;
    let expected = data
        .len()
        .checked_sub(AeadKey::TAG_LEN)
        .ok_or(Error::InvalidTag)?;
    let out = into_buffer(buf, expected)?;
    run(py, data.len(), || key.open_into(nonce, aad, data, out))?;
    Ok(expected)
}

/// Defines the four message methods of an AEAD class whose nonce check is `$check`.
macro_rules! aead_methods {
    ($class:ident, $check:path, { $($constructors:tt)* }) => {
        #[pymethods]
        impl $class {
            $($constructors)*

            #[pyo3(signature = (nonce, data, associated_data))]
            fn encrypt<'py>(
                &self,
                py: Python<'py>,
                nonce: BytesLike<'_>,
                data: BytesLike<'_>,
                associated_data: Option<BytesLike<'_>>,
            ) -> CryptoResult<Bound<'py, PyBytes>> {
                $check(&nonce)?;
                seal(
                    py,
                    &self.key,
                    &nonce,
                    &data,
                    associated_data.as_deref().unwrap_or_default(),
                )
            }

            #[pyo3(signature = (nonce, data, associated_data))]
            fn decrypt<'py>(
                &self,
                py: Python<'py>,
                nonce: BytesLike<'_>,
                data: BytesLike<'_>,
                associated_data: Option<BytesLike<'_>>,
            ) -> CryptoResult<Bound<'py, PyBytes>> {
                $check(&nonce)?;
                open(
                    py,
                    &self.key,
                    &nonce,
                    &data,
                    associated_data.as_deref().unwrap_or_default(),
                )
            }

            #[pyo3(signature = (nonce, data, associated_data, buf))]
            fn encrypt_into(
                &self,
                py: Python<'_>,
                nonce: BytesLike<'_>,
                data: BytesLike<'_>,
                associated_data: Option<BytesLike<'_>>,
                mut buf: WritableBuffer,
            ) -> CryptoResult<usize> {
                $check(&nonce)?;
                seal_into(
                    py,
                    &self.key,
                    &nonce,
                    &data,
                    associated_data.as_deref().unwrap_or_default(),
                    &mut buf,
                )
            }

            #[pyo3(signature = (nonce, data, associated_data, buf))]
            fn decrypt_into(
                &self,
                py: Python<'_>,
                nonce: BytesLike<'_>,
                data: BytesLike<'_>,
                associated_data: Option<BytesLike<'_>>,
                mut buf: WritableBuffer,
            ) -> CryptoResult<usize> {
                $check(&nonce)?;
                open_into(
                    py,
                    &self.key,
                    &nonce,
                    &data,
                    associated_data.as_deref().unwrap_or_default(),
                    &mut buf,
                )
            }
        }
    };
}

#[pyclass(
    frozen,
    module = "cryptography.hazmat.bindings._rust.openssl.aead",
    name = "AESGCM"
)]
pub(crate) struct AesGcm {
    key: AeadKey,
}

fn gcm_nonce(nonce: &[u8]) -> PyResult<()> {
    if (8..=128).contains(&nonce.len()) {
        Ok(())
    } else {
        Err(PyValueError::new_err(
            "Nonce must be between 8 and 128 bytes",
        ))
    }
}

aead_methods!(AesGcm, gcm_nonce, {
    #[new]
    fn new(key: BytesLike<'_>) -> CryptoResult<Self> {
        if !matches!(key.len(), 16 | 24 | 32) {
            return Err(PyValueError::new_err("AESGCM key must be 128, 192, or 256 bits.").into());
        }
        Ok(AesGcm {
            key: AeadKey::new(AeadAlgorithm::AesGcm, &key)?,
        })
    }

    #[staticmethod]
    fn generate_key(py: Python<'_>, bit_length: usize) -> CryptoResult<Bound<'_, PyBytes>> {
        if !matches!(bit_length, 128 | 192 | 256) {
            return Err(PyValueError::new_err("bit_length must be 128, 192, or 256").into());
        }
        random_key(py, bit_length / 8)
    }
});

#[pyclass(
    frozen,
    module = "cryptography.hazmat.bindings._rust.openssl.aead",
    name = "ChaCha20Poly1305"
)]
pub(crate) struct ChaCha20Poly1305 {
    key: AeadKey,
}

fn twelve_byte_nonce(nonce: &[u8]) -> PyResult<()> {
    if nonce.len() == 12 {
        Ok(())
    } else {
        Err(PyValueError::new_err("Nonce must be 12 bytes"))
    }
}

aead_methods!(ChaCha20Poly1305, twelve_byte_nonce, {
    #[new]
    fn new(key: BytesLike<'_>) -> CryptoResult<Self> {
        if key.len() != 32 {
            return Err(PyValueError::new_err("ChaCha20Poly1305 key must be 32 bytes.").into());
        }
        Ok(ChaCha20Poly1305 {
            key: AeadKey::new(AeadAlgorithm::ChaCha20Poly1305, &key)?,
        })
    }

    #[staticmethod]
    fn generate_key(py: Python<'_>) -> CryptoResult<Bound<'_, PyBytes>> {
        random_key(py, 32)
    }
});
