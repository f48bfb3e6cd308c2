//! The one-shot AEAD classes (cryptography.hazmat.primitives.ciphers.aead). Each object
//! holds a core `AeadKey`, scheduled once; a call checks its arguments, then makes one
//! core call that writes straight into the returned bytes.

use cryptography_backend::aead::{Aead, AeadAlgorithm, AeadKey};
use cryptography_backend::xchacha::XChaCha20Poly1305Key;
use cryptography_backend::Error;
use pyo3::exceptions::{PyOverflowError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyList};

use crate::buf::{new_bytes, BytesLike, WritableBuffer, DETACH_THRESHOLD};
use crate::error::{CryptoError, CryptoResult};

/// Longest data or associated data accepted, as the reference documents.
const MAX_DATA_LEN: usize = (1 << 31) - 1;

fn check_lengths(data: &[u8], aad: &[&[u8]]) -> PyResult<()> {
    if data.len() > MAX_DATA_LEN || aad.iter().any(|item| item.len() > MAX_DATA_LEN) {
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
    check_lengths(data, aad)?;
    Ok(new_bytes(py, data.len() + key.tag_len(), |out| {
        run(py, data.len(), || key.seal_into(nonce, aad, data, out))
            .map(|()| out.len())
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
    check_lengths(data, aad)?;
    let len = data
        .len()
        .checked_sub(key.tag_len())
        .ok_or(Error::InvalidTag)?;
    Ok(new_bytes(py, len, |out| {
        run(py, data.len(), || key.open_into(nonce, aad, data, out))
            .map(|()| out.len())
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

fn seal_into<K: Aead>(
    py: Python<'_>,
    key: &K,
    nonce: &[u8],
    data: &[u8],
    aad: &[&[u8]],
    buf: &mut WritableBuffer,
) -> CryptoResult<usize> {
    check_lengths(data, aad)?;
    let expected = data.len() + key.tag_len();
    let out = into_buffer(buf, expected)?;
    run(py, data.len(), || key.seal_into(nonce, aad, data, out))?;
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
    check_lengths(data, aad)?;
    let expected = data
        .len()
        .checked_sub(key.tag_len())
        .ok_or(Error::InvalidTag)?;
    let out = into_buffer(buf, expected)?;
    run(py, data.len(), || key.open_into(nonce, aad, data, out))?;
    Ok(expected)
}

/// The optional single associated-data argument, as a one-item list for the core.
fn one_aad<'a>(aad: &'a Option<BytesLike<'_>>) -> Vec<&'a [u8]> {
    aad.as_deref().map(|item| vec![item]).unwrap_or_default()
}

/// Defines the class body of an AEAD with a nonce: its constructors, then the four
/// message methods, whose nonce rule is `$check`.
macro_rules! nonce_aead {
    ($class:ident, $check:path, { $($constructors:tt)* }) => {
        #[pymethods]
        impl $class {
            $($constructors)*

            #[pyo3(signature = (nonce, data, associated_data))]
            fn encrypt<'py>(&self, py: Python<'py>, nonce: BytesLike<'_>, data: BytesLike<'_>, associated_data: Option<BytesLike<'_>>) -> CryptoResult<Bound<'py, PyBytes>> {
                let aad = one_aad(&associated_data);
                check_lengths(&data, &aad)?;
                $check(self, &nonce, data.len())?;
                seal(py, &self.key, &nonce, &data, &aad)
            }

            #[pyo3(signature = (nonce, data, associated_data))]
            fn decrypt<'py>(&self, py: Python<'py>, nonce: BytesLike<'_>, data: BytesLike<'_>, associated_data: Option<BytesLike<'_>>) -> CryptoResult<Bound<'py, PyBytes>> {
                let aad = one_aad(&associated_data);
                check_lengths(&data, &aad)?;
                $check(self, &nonce, data.len().saturating_sub(self.key.tag_len()))?;
                open(py, &self.key, &nonce, &data, &aad)
            }

            #[pyo3(signature = (nonce, data, associated_data, buf))]
            fn encrypt_into(&self, py: Python<'_>, nonce: BytesLike<'_>, data: BytesLike<'_>, associated_data: Option<BytesLike<'_>>, mut buf: WritableBuffer) -> CryptoResult<usize> {
                let aad = one_aad(&associated_data);
                check_lengths(&data, &aad)?;
                $check(self, &nonce, data.len())?;
                seal_into(py, &self.key, &nonce, &data, &aad, &mut buf)
            }

            #[pyo3(signature = (nonce, data, associated_data, buf))]
            fn decrypt_into(&self, py: Python<'_>, nonce: BytesLike<'_>, data: BytesLike<'_>, associated_data: Option<BytesLike<'_>>, mut buf: WritableBuffer) -> CryptoResult<usize> {
                let aad = one_aad(&associated_data);
                check_lengths(&data, &aad)?;
                $check(self, &nonce, data.len().saturating_sub(self.key.tag_len()))?;
                open_into(py, &self.key, &nonce, &data, &aad, &mut buf)
            }
        }
    };
}

/// Builds a key, or raises the class's own message for a wrong key length.
fn aead_key(algorithm: AeadAlgorithm, key: &[u8], message: &'static str) -> CryptoResult<AeadKey> {
    AeadKey::new(algorithm, key).map_err(|err| match err {
        Error::InvalidKeyLength => PyValueError::new_err(message).into(),
        other => CryptoError::from(other),
    })
}

fn aes_key_bits(bit_length: usize, allowed: &[usize], message: &'static str) -> PyResult<usize> {
    if allowed.contains(&bit_length) {
        Ok(bit_length / 8)
    } else {
        Err(PyValueError::new_err(message))
    }
}

fn nonce_in(
    nonce: &[u8],
    range: std::ops::RangeInclusive<usize>,
    message: &'static str,
) -> PyResult<()> {
    if range.contains(&nonce.len()) {
        Ok(())
    } else {
        Err(PyValueError::new_err(message))
    }
}

/// Defines an AES-keyed AEAD class with a nonce: 128-, 192- or 256-bit keys, the nonce
/// length range `$nonces`, and the reference's messages.
macro_rules! aes_nonce_aead {
    ($class:ident, $name:literal, $algorithm:expr, $key_message:literal, $check:ident, $nonces:expr, $nonce_message:literal) => {
        #[pyclass(frozen, module = "cryptography.hazmat.bindings._rust.openssl.aead", name = $name)]
        pub(crate) struct $class {
            key: AeadKey,
        }

        fn $check(_: &$class, nonce: &[u8], _: usize) -> PyResult<()> {
            nonce_in(nonce, $nonces, $nonce_message)
        }

        nonce_aead!($class, $check, {
            #[new]
            fn new(key: BytesLike<'_>) -> CryptoResult<Self> {
                Ok($class {
                    key: aead_key($algorithm, &key, $key_message)?,
                })
            }

            #[staticmethod]
            fn generate_key(py: Python<'_>, bit_length: usize) -> CryptoResult<Bound<'_, PyBytes>> {
                random_key(
                    py,
                    aes_key_bits(
                        bit_length,
                        &[128, 192, 256],
                        "bit_length must be 128, 192, or 256",
                    )?,
                )
            }
        });
    };
}

aes_nonce_aead!(
    AesGcm,
    "AESGCM",
    AeadAlgorithm::AesGcm,
    "AESGCM key must be 128, 192, or 256 bits.",
    gcm_nonce,
    8..=128,
    "Nonce must be between 8 and 128 bytes"
);

#[pyclass(
    frozen,
    module = "cryptography.hazmat.bindings._rust.openssl.aead",
    name = "ChaCha20Poly1305"
)]
pub(crate) struct ChaCha20Poly1305 {
    key: AeadKey,
}

fn chacha_nonce(_: &ChaCha20Poly1305, nonce: &[u8], _: usize) -> PyResult<()> {
    nonce_in(nonce, 12..=12, "Nonce must be 12 bytes")
}

nonce_aead!(ChaCha20Poly1305, chacha_nonce, {
    #[new]
    fn new(key: BytesLike<'_>) -> CryptoResult<Self> {
        Ok(ChaCha20Poly1305 {
            key: aead_key(
                AeadAlgorithm::ChaCha20Poly1305,
                &key,
                "ChaCha20Poly1305 key must be 32 bytes.",
            )?,
        })
    }

    #[staticmethod]
    fn generate_key(py: Python<'_>) -> CryptoResult<Bound<'_, PyBytes>> {
        random_key(py, 32)
    }
});

aes_nonce_aead!(
    AesGcmSiv,
    "AESGCMSIV",
    AeadAlgorithm::AesGcmSiv,
    "AES-GCM-SIV key must be 128, 192 or 256 bits.",
    gcm_siv_nonce,
    12..=12,
    "Nonce must be 12 bytes long"
);

aes_nonce_aead!(
    AesOcb3,
    "AESOCB3",
    AeadAlgorithm::AesOcb3,
    "AESOCB3 key must be 128, 192, or 256 bits.",
    ocb_nonce,
    12..=15,
    "Nonce must be between 12 and 15 bytes"
);

#[pyclass(
    frozen,
    module = "cryptography.hazmat.bindings._rust.openssl.aead",
    name = "AESCCM"
)]
pub(crate) struct AesCcm {
    key: AeadKey,
}

/// CCM's nonce is 7 to 13 bytes; the rest of the 15-byte block counts the message
/// length, which bounds it.
fn ccm_nonce(_: &AesCcm, nonce: &[u8], data_len: usize) -> PyResult<()> {
    nonce_in(nonce, 7..=13, "Nonce must be between 7 and 13 bytes")?;
    let length_bytes = 15 - nonce.len();
    if length_bytes < 8 && (data_len as u64) >> (8 * length_bytes) != 0 {
        return Err(PyValueError::new_err("Data too long for nonce"));
    }
    Ok(())
}

nonce_aead!(AesCcm, ccm_nonce, {
    #[new]
    #[pyo3(signature = (key, tag_length=16))]
    fn new(key: BytesLike<'_>, tag_length: usize) -> CryptoResult<Self> {
        if !matches!(tag_length, 4 | 6 | 8 | 10 | 12 | 14 | 16) {
            return Err(PyValueError::new_err("Invalid tag_length").into());
        }
        Ok(AesCcm {
            key: aead_key(
                AeadAlgorithm::AesCcm {
                    tag_len: tag_length,
                },
                &key,
                "AESCCM key must be 128, 192, or 256 bits.",
            )?,
        })
    }

    #[staticmethod]
    fn generate_key(py: Python<'_>, bit_length: usize) -> CryptoResult<Bound<'_, PyBytes>> {
        random_key(
            py,
            aes_key_bits(
                bit_length,
                &[128, 192, 256],
                "bit_length must be 128, 192, or 256",
            )?,
        )
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
            key: aead_key(
                AeadAlgorithm::AesSiv,
                &key,
                "AESSIV key must be 256, 384, or 512 bits.",
            )?,
        })
    }

    #[staticmethod]
    fn generate_key(py: Python<'_>, bit_length: usize) -> CryptoResult<Bound<'_, PyBytes>> {
        random_key(
            py,
            aes_key_bits(
                bit_length,
                &[256, 384, 512],
                "bit_length must be 256, 384, or 512",
            )?,
        )
    }

    #[pyo3(signature = (data, associated_data))]
    fn encrypt<'py>(
        &self,
        py: Python<'py>,
        data: BytesLike<'_>,
        associated_data: Option<Bound<'py, PyAny>>,
    ) -> CryptoResult<Bound<'py, PyBytes>> {
        with_siv_aad(&associated_data, |aad| seal(py, &self.key, &[], &data, aad))
    }

    #[pyo3(signature = (data, associated_data))]
    fn decrypt<'py>(
        &self,
        py: Python<'py>,
        data: BytesLike<'_>,
        associated_data: Option<Bound<'py, PyAny>>,
    ) -> CryptoResult<Bound<'py, PyBytes>> {
        with_siv_aad(&associated_data, |aad| open(py, &self.key, &[], &data, aad))
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

fn xchacha_nonce(_: &XChaCha20Poly1305, nonce: &[u8], _: usize) -> PyResult<()> {
    nonce_in(nonce, 24..=24, "Nonce must be 24 bytes")
}

nonce_aead!(XChaCha20Poly1305, xchacha_nonce, {
    #[new]
    fn new(key: BytesLike<'_>) -> CryptoResult<Self> {
        let key = XChaCha20Poly1305Key::new(&key).map_err(|err| match err {
            Error::InvalidKeyLength => {
                PyValueError::new_err("XChaCha20Poly1305 key must be 32 bytes.").into()
            }
            other => CryptoError::from(other),
        })?;
        Ok(XChaCha20Poly1305 { key })
    }

    #[staticmethod]
    fn generate_key(py: Python<'_>) -> CryptoResult<Bound<'_, PyBytes>> {
        random_key(py, 32)
    }
});
