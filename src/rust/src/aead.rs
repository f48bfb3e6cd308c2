//! The one-shot AEAD classes (cryptography.hazmat.primitives.ciphers.aead). Each object
//! holds a core `AeadKey`, scheduled once; a call checks its arguments, then makes one
//! core call that writes straight into the returned bytes.

use cryptography_backend::aead::{self, Aead, AeadAlgorithm, AeadKey, AeadKind};
use cryptography_backend::xchacha::XChaCha20Poly1305Key;
use cryptography_backend::{Error, Output};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyList};

use crate::buf::{new_bytes, BytesLike, WritableBuffer, DETACH_THRESHOLD};
use crate::error::{CryptoError, CryptoResult};

/// Generated key bytes, from OpenSSL's CSPRNG.
fn random_key(py: Python<'_>, len: usize) -> CryptoResult<Bound<'_, PyBytes>> {
    Ok(PyBytes::new_with(py, len, |out| {
        cryptography_backend::random_bytes(out).map_err(|e| CryptoError::from(e).into())
    })?)
}

/// Runs `work`, releasing the interpreter for large inputs.
fn run<T: Send>(py: Python<'_>, len: usize, work: impl FnOnce() -> T + Send) -> T {
    if len >= DETACH_THRESHOLD {
        py.detach(work)
    } else {
        work()
    }
}

fn seal<'py, K: Aead>(
    py: Python<'py>,
    key: &K,
    nonce: &[u8],
    data: &[u8],
    aad: &[&[u8]],
) -> CryptoResult<Bound<'py, PyBytes>> {
    Ok(new_bytes(py, data.len() + key.tag_len(), |out| {
        run(py, data.len(), || key.seal_into(nonce, aad, data, out))
            .map_err(|e| CryptoError::from(e).into())
    })?)
}

fn open<'py, K: Aead>(
    py: Python<'py>,
    key: &K,
    nonce: &[u8],
    data: &[u8],
    aad: &[&[u8]],
) -> CryptoResult<Bound<'py, PyBytes>> {
    let len = data
        .len()
        .checked_sub(key.tag_len())
        .ok_or(Error::InvalidTag)?;
    Ok(new_bytes(py, len, |out| {
        run(py, data.len(), || key.open_into(nonce, aad, data, out))
            .map_err(|e| CryptoError::from(e).into())
    })?)
}

fn into_buffer(buf: &mut WritableBuffer, expected: usize) -> CryptoResult<Output<'_>> {
    cryptography_backend::buffer::check_exact(buf.len(), expected)?;
    Ok(buf.output())
}

fn seal_into<K: Aead>(
    py: Python<'_>,
    key: &K,
    nonce: &[u8],
    data: &[u8],
    aad: &[&[u8]],
    buf: &mut WritableBuffer,
) -> CryptoResult<usize> {
    let expected = data.len() + key.tag_len();
    let mut out = into_buffer(buf, expected)?;
    run(py, data.len(), || key.seal_into(nonce, aad, data, &mut out))?;
    Ok(expected)
}

fn open_into<K: Aead>(
    py: Python<'_>,
    key: &K,
    nonce: &[u8],
    data: &[u8],
    aad: &[&[u8]],
    buf: &mut WritableBuffer,
) -> CryptoResult<usize> {
    let expected = data
        .len()
        .checked_sub(key.tag_len())
        .ok_or(Error::InvalidTag)?;
    let mut out = into_buffer(buf, expected)?;
    run(py, data.len(), || key.open_into(nonce, aad, data, &mut out))?;
    Ok(expected)
}

/// The optional single associated-data argument, as a one-item list for the core.
fn one_aad<'a>(aad: &'a Option<BytesLike<'_>>) -> Vec<&'a [u8]> {
    aad.as_deref().map(|item| vec![item]).unwrap_or_default()
}

/// Defines the class body of an AEAD with a nonce: its constructors, then the four
/// message methods. The core checks each message's rules (length limit, nonce, ...)
/// before anything is allocated or written.
macro_rules! nonce_aead {
    ($class:ident, { $($constructors:tt)* }) => {
        #[pymethods]
        impl $class {
            $($constructors)*

            #[pyo3(signature = (nonce, data, associated_data))]
            fn encrypt<'py>(&self, py: Python<'py>, nonce: BytesLike<'_>, data: BytesLike<'_>, associated_data: Option<BytesLike<'_>>) -> CryptoResult<Bound<'py, PyBytes>> {
                let aad = one_aad(&associated_data);
                self.key.check_message(&nonce, data.len(), &aad)?;
                seal(py, &self.key, &nonce, &data, &aad)
            }

            #[pyo3(signature = (nonce, data, associated_data))]
            fn decrypt<'py>(&self, py: Python<'py>, nonce: BytesLike<'_>, data: BytesLike<'_>, associated_data: Option<BytesLike<'_>>) -> CryptoResult<Bound<'py, PyBytes>> {
                let aad = one_aad(&associated_data);
                self.key.check_message(&nonce, data.len().saturating_sub(self.key.tag_len()), &aad)?;
                open(py, &self.key, &nonce, &data, &aad)
            }

            #[pyo3(signature = (nonce, data, associated_data, buf))]
            fn encrypt_into(&self, py: Python<'_>, nonce: BytesLike<'_>, data: BytesLike<'_>, associated_data: Option<BytesLike<'_>>, mut buf: WritableBuffer) -> CryptoResult<usize> {
                let aad = one_aad(&associated_data);
                self.key.check_message(&nonce, data.len(), &aad)?;
                seal_into(py, &self.key, &nonce, &data, &aad, &mut buf)
            }

            #[pyo3(signature = (nonce, data, associated_data, buf))]
            fn decrypt_into(&self, py: Python<'_>, nonce: BytesLike<'_>, data: BytesLike<'_>, associated_data: Option<BytesLike<'_>>, mut buf: WritableBuffer) -> CryptoResult<usize> {
                let aad = one_aad(&associated_data);
                self.key.check_message(&nonce, data.len().saturating_sub(self.key.tag_len()), &aad)?;
                open_into(py, &self.key, &nonce, &data, &aad, &mut buf)
            }
        }
    };
}

/// A new random key of `bit_length` bits, if the algorithm takes that size.
fn generated_key(
    py: Python<'_>,
    kind: AeadKind,
    bit_length: usize,
) -> CryptoResult<Bound<'_, PyBytes>> {
    random_key(py, aead::generated_key_len(kind, bit_length)?)
}

/// Defines an AES-keyed AEAD class with a nonce (128-, 192- or 256-bit keys).
macro_rules! aes_nonce_aead {
    ($class:ident, $name:literal, $algorithm:expr) => {
        #[pyclass(frozen, module = "cryptography.hazmat.bindings._rust.openssl.aead", name = $name)]
        pub(crate) struct $class {
            key: AeadKey,
        }

        nonce_aead!($class, {
            #[new]
            fn new(key: BytesLike<'_>) -> CryptoResult<Self> {
                Ok($class {
                    key: AeadKey::new($algorithm, &key)?,
                })
            }

            #[staticmethod]
            fn generate_key(py: Python<'_>, bit_length: usize) -> CryptoResult<Bound<'_, PyBytes>> {
                generated_key(py, $algorithm.kind(), bit_length)
            }
        });
    };
}

aes_nonce_aead!(AesGcm, "AESGCM", AeadAlgorithm::AesGcm);

#[pyclass(
    frozen,
    module = "cryptography.hazmat.bindings._rust.openssl.aead",
    name = "ChaCha20Poly1305"
)]
pub(crate) struct ChaCha20Poly1305 {
    key: AeadKey,
}

nonce_aead!(ChaCha20Poly1305, {
    #[new]
    fn new(key: BytesLike<'_>) -> CryptoResult<Self> {
        Ok(ChaCha20Poly1305 {
            key: AeadKey::new(AeadAlgorithm::ChaCha20Poly1305, &key)?,
        })
    }

    #[staticmethod]
    fn generate_key(py: Python<'_>) -> CryptoResult<Bound<'_, PyBytes>> {
        random_key(py, 32)
    }
});

aes_nonce_aead!(AesGcmSiv, "AESGCMSIV", AeadAlgorithm::AesGcmSiv);

aes_nonce_aead!(AesOcb3, "AESOCB3", AeadAlgorithm::AesOcb3);

#[pyclass(
    frozen,
    module = "cryptography.hazmat.bindings._rust.openssl.aead",
    name = "AESCCM"
)]
pub(crate) struct AesCcm {
    key: AeadKey,
}

nonce_aead!(AesCcm, {
    #[new]
    #[pyo3(signature = (key, tag_length=16))]
    fn new(key: BytesLike<'_>, tag_length: usize) -> CryptoResult<Self> {
        let algorithm = AeadAlgorithm::AesCcm {
            tag_len: tag_length,
        };
        Ok(AesCcm {
            key: AeadKey::new(algorithm, &key)?,
        })
    }

    #[staticmethod]
    fn generate_key(py: Python<'_>, bit_length: usize) -> CryptoResult<Bound<'_, PyBytes>> {
        generated_key(py, AeadKind::AesCcm, bit_length)
    }
});

#[pyclass(
    frozen,
    module = "cryptography.hazmat.bindings._rust.openssl.aead",
    name = "AESSIV"
)]
pub(crate) struct AesSiv {
    key: AeadKey,
}

/// Runs `work` over SIV's associated data: `None`, or a list of bytes-like items, each
/// authenticated separately and read in place.
fn with_siv_aad<T>(
    associated_data: &Option<Bound<'_, PyAny>>,
    work: impl FnOnce(&[&[u8]]) -> CryptoResult<T>,
) -> CryptoResult<T> {
    let Some(items) = associated_data else {
        return work(&[]);
    };
    let list = items.cast::<PyList>().map_err(|_| {
        let type_name = items
            .get_type()
            .name()
            .map(|n| n.to_string())
            .unwrap_or_default();
        PyTypeError::new_err(format!("'{type_name}' object is not an instance of 'list'"))
    })?;
    let items: Vec<Bound<'_, PyAny>> = list.iter().collect();
    let views = items
        .iter()
        .map(|item| item.extract::<BytesLike<'_>>())
        .collect::<PyResult<Vec<_>>>()?;
    let slices: Vec<&[u8]> = views.iter().map(|view| &view[..]).collect();
    work(&slices)
}

#[pymethods]
impl AesSiv {
    #[new]
    fn new(key: BytesLike<'_>) -> CryptoResult<Self> {
        Ok(AesSiv {
            key: AeadKey::new(AeadAlgorithm::AesSiv, &key)?,
        })
    }

    #[staticmethod]
    fn generate_key(py: Python<'_>, bit_length: usize) -> CryptoResult<Bound<'_, PyBytes>> {
        generated_key(py, AeadKind::AesSiv, bit_length)
    }

    #[pyo3(signature = (data, associated_data))]
    fn encrypt<'py>(
        &self,
        py: Python<'py>,
        data: BytesLike<'_>,
        associated_data: Option<Bound<'py, PyAny>>,
    ) -> CryptoResult<Bound<'py, PyBytes>> {
        with_siv_aad(&associated_data, |aad| {
            self.key.check_message(&[], data.len(), aad)?;
            seal(py, &self.key, &[], &data, aad)
        })
    }

    #[pyo3(signature = (data, associated_data))]
    fn decrypt<'py>(
        &self,
        py: Python<'py>,
        data: BytesLike<'_>,
        associated_data: Option<Bound<'py, PyAny>>,
    ) -> CryptoResult<Bound<'py, PyBytes>> {
        with_siv_aad(&associated_data, |aad| {
            self.key.check_message(&[], data.len(), aad)?;
            open(py, &self.key, &[], &data, aad)
        })
    }

    #[pyo3(signature = (data, associated_data, buf))]
    fn encrypt_into(
        &self,
        py: Python<'_>,
        data: BytesLike<'_>,
        associated_data: Option<Bound<'_, PyAny>>,
        mut buf: WritableBuffer,
    ) -> CryptoResult<usize> {
        with_siv_aad(&associated_data, |aad| {
            seal_into(py, &self.key, &[], &data, aad, &mut buf)
        })
    }

    #[pyo3(signature = (data, associated_data, buf))]
    fn decrypt_into(
        &self,
        py: Python<'_>,
        data: BytesLike<'_>,
        associated_data: Option<Bound<'_, PyAny>>,
        mut buf: WritableBuffer,
    ) -> CryptoResult<usize> {
        with_siv_aad(&associated_data, |aad| {
            open_into(py, &self.key, &[], &data, aad, &mut buf)
        })
    }
}

/// XChaCha20-Poly1305: an addition beyond the reference API (24-byte nonces, safe to
/// pick at random).
#[pyclass(
    frozen,
    module = "cryptography.hazmat.bindings._rust.openssl.aead",
    name = "XChaCha20Poly1305"
)]
pub(crate) struct XChaCha20Poly1305 {
    key: XChaCha20Poly1305Key,
}

nonce_aead!(XChaCha20Poly1305, {
    #[new]
    fn new(key: BytesLike<'_>) -> CryptoResult<Self> {
        Ok(XChaCha20Poly1305 {
            key: XChaCha20Poly1305Key::new(&key)?,
        })
    }

    #[staticmethod]
    fn generate_key(py: Python<'_>) -> CryptoResult<Bound<'_, PyBytes>> {
        random_key(py, 32)
    }
});
