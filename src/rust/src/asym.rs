//! Conversions shared by the asymmetric key classes: Python integers to and from
//! big-endian bytes, signature algorithms (a hash, `Prehashed`, `NoDigestInfo`) to the
//! core's `SignedData`, and the type checks the reference makes on arguments.

use cryptography_backend::hash::HashAlgorithm;
use cryptography_backend::signing::SignedData;
use cryptography_keys::{PrivateKeyRef, PublicKeyRef};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyBytes;

use crate::hashes::hash_algorithm;

/// How a signature's input is given.
#[derive(Clone, Copy)]
pub(crate) enum SignatureHash {
    /// Hash the message with this algorithm.
    Hash(HashAlgorithm),
    /// The message is a digest made with this algorithm.
    Prehashed(HashAlgorithm),
    /// Sign the bytes as they are (RSA PKCS#1 v1.5 only).
    NoDigestInfo,
}

impl SignatureHash {
    /// Reads `algorithm`: a `HashAlgorithm`, `Prehashed` or (when `allow_raw`)
    /// `NoDigestInfo`.
    pub(crate) fn from_py(
        py: Python<'_>,
        algorithm: &Bound<'_, PyAny>,
        allow_raw: bool,
    ) -> PyResult<Self> {
        let prehashed = crate::types::PREHASHED.get(py)?;
        if algorithm.is_instance(prehashed)? {
            let inner = algorithm.getattr(pyo3::intern!(py, "_algorithm"))?;
            return Ok(SignatureHash::Prehashed(hash_algorithm(py, &inner)?));
        }
        if allow_raw {
            let raw = crate::types::NO_DIGEST_INFO.get(py)?;
            if algorithm.is_instance(raw)? {
                return Ok(SignatureHash::NoDigestInfo);
            }
        }
        Ok(SignatureHash::Hash(hash_algorithm(py, algorithm)?))
    }

    pub(crate) fn hash(self) -> Option<HashAlgorithm> {
        match self {
            SignatureHash::Hash(hash) | SignatureHash::Prehashed(hash) => Some(hash),
            SignatureHash::NoDigestInfo => None,
        }
    }

    /// The core's description of what is signed.
    pub(crate) fn signed_data(self, data: &[u8]) -> SignedData<'_> {
        match self {
            SignatureHash::Hash(hash) => SignedData::Message { data, hash },
            SignatureHash::Prehashed(hash) => SignedData::Prehashed { digest: data, hash },
            SignatureHash::NoDigestInfo => SignedData::Raw(data),
        }
    }
}

/// A non-negative Python integer as big-endian bytes (at least one byte).
pub(crate) fn int_to_bytes(value: &Bound<'_, PyAny>) -> PyResult<Vec<u8>> {
    let py = value.py();
    let bits: usize = value
        .call_method0(pyo3::intern!(py, "bit_length"))?
        .extract()?;
    // Small values (public exponents, test keys) skip the second method call.
    if bits <= 64 {
        let bytes = value.extract::<u64>()?.to_be_bytes();
        return Ok(bytes[(8 - bits.div_ceil(8).max(1))..].to_vec());
    }
    value
        .call_method1(
            pyo3::intern!(py, "to_bytes"),
            (bits.div_ceil(8), pyo3::intern!(py, "big")),
        )?
        .extract()
}

static INT_FROM_BYTES: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

/// Big-endian bytes as a Python integer.
pub(crate) fn int_from_bytes<'py>(py: Python<'py>, bytes: &[u8]) -> PyResult<Bound<'py, PyAny>> {
    let significant = &bytes[bytes.iter().position(|&b| b != 0).unwrap_or(bytes.len())..];
    if significant.len() <= 8 {
        let mut word = [0u8; 8];
        word[8 - significant.len()..].copy_from_slice(significant);
        return Ok(u64::from_be_bytes(word).into_pyobject(py)?.into_any());
    }
    let from_bytes = INT_FROM_BYTES.get_or_try_init(py, || {
        Ok::<_, PyErr>(
            py.get_type::<pyo3::types::PyInt>()
                .getattr(pyo3::intern!(py, "from_bytes"))?
                .unbind(),
        )
    })?;
    from_bytes
        .bind(py)
        .call1((PyBytes::new(py, significant), pyo3::intern!(py, "big")))
}

/// Checks that `value` is a Python `int` (not a bool-like or float), with the reference's
/// message naming `name`.
pub(crate) fn require_int(value: &Bound<'_, PyAny>, name: &str) -> PyResult<()> {
    if value.is_instance_of::<pyo3::types::PyInt>() {
        Ok(())
    } else {
        Err(PyTypeError::new_err(format!(
            "{name} must be an integer type."
        )))
    }
}

/// The error for an argument of the wrong class, in the reference's words.
pub(crate) fn not_an_instance(value: &Bound<'_, PyAny>, expected: &str) -> PyErr {
    if value.is_none() {
        return PyTypeError::new_err(format!("'None' is not an instance of '{expected}'"));
    }
    let name = value
        .get_type()
        .name()
        .map(|name| name.to_string())
        .unwrap_or_else(|_| "object".to_string());
    PyTypeError::new_err(format!(
        "'{name}' object is not an instance of '{expected}'"
    ))
}

/// An argument that must be an instance of the native class `T` (named `name` in the
/// reference's message otherwise).
pub(crate) fn instance_of<T: pyo3::PyClass>(
    value: &Bound<'_, PyAny>,
    name: &str,
) -> PyResult<Py<T>> {
    Ok(value
        .cast::<T>()
        .map_err(|_| not_an_instance(value, name))?
        .clone()
        .unbind())
}

/// Reads a Python `int` argument of a numbers class, with the reference's message for
/// anything else.
pub(crate) fn int_argument(value: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
    if value.is_instance_of::<pyo3::types::PyInt>() {
        Ok(value.clone().unbind())
    } else {
        Err(not_an_instance(value, "int"))
    }
}

/// Reads numbers-class integers into big-endian bytes; a negative value is the error
/// `negative`.
pub(crate) fn magnitudes<const N: usize>(
    py: Python<'_>,
    values: [&Py<PyAny>; N],
    negative: &'static str,
) -> PyResult<[Vec<u8>; N]> {
    let mut out: [Vec<u8>; N] = std::array::from_fn(|_| Vec::new());
    for (slot, value) in out.iter_mut().zip(values) {
        let value = value.bind(py);
        if value.lt(0)? {
            return Err(PyValueError::new_err(negative));
        }
        *slot = int_to_bytes(value)?;
    }
    Ok(out)
}

/// Python's hash of a tuple of values, for the numbers classes' `__hash__`.
pub(crate) fn hash_of(py: Python<'_>, values: Vec<Py<PyAny>>) -> PyResult<isize> {
    pyo3::types::PyTuple::new(py, values)?.hash()
}

/// A key's `__copy__`/`__deepcopy__`: keys are immutable, so a copy is the key itself.
pub(crate) fn same_object<'py>(slf: &Bound<'py, PyAny>) -> Bound<'py, PyAny> {
    slf.clone()
}

/// What the methods every private key class shares need of it.
pub(crate) trait PrivateKeyClass {
    /// The key, as the keys crate serializes it.
    fn key_ref(&self) -> PrivateKeyRef<'_>;
}

/// What the methods every public key class shares need of it.
pub(crate) trait PublicKeyClass {
    /// The key, as the keys crate serializes it.
    fn key_ref(&self) -> PublicKeyRef<'_>;
    /// Whether both hold the same public key (`__eq__`).
    fn same_key(&self, other: &Self) -> bool;
}

/// The `#[pymethods]` block of a private key class: its own methods, then the ones every
/// private key shares (`private_bytes`, `__copy__`, `__deepcopy__`), which go through
/// its `PrivateKeyClass` implementation. (pyo3 takes one `#[pymethods]` block per class,
/// hence a macro rather than a second block.)
macro_rules! private_key_methods {
    ($class:ty { $($methods:tt)* }) => {
        #[pyo3::pymethods]
        impl $class {
            $($methods)*

            fn private_bytes<'py>(
                &self,
                py: pyo3::Python<'py>,
                encoding: &pyo3::Bound<'py, pyo3::PyAny>,
                format: &pyo3::Bound<'py, pyo3::PyAny>,
                encryption_algorithm: &pyo3::Bound<'py, pyo3::PyAny>,
            ) -> $crate::error::CryptoResult<pyo3::Bound<'py, pyo3::types::PyBytes>> {
                $crate::serialization::private_bytes(
                    py,
                    $crate::asym::PrivateKeyClass::key_ref(self),
                    encoding,
                    format,
                    encryption_algorithm,
                )
            }

            fn __copy__<'py>(slf: &pyo3::Bound<'py, Self>) -> pyo3::Bound<'py, pyo3::PyAny> {
                $crate::asym::same_object(slf.as_any())
            }

            fn __deepcopy__<'py>(
                slf: &pyo3::Bound<'py, Self>,
                _memo: &pyo3::Bound<'py, pyo3::PyAny>,
            ) -> pyo3::Bound<'py, pyo3::PyAny> {
                $crate::asym::same_object(slf.as_any())
            }
        }
    };
}

/// The `#[pymethods]` block of a public key class: its own methods, then `public_bytes`,
/// `__eq__` (the same key in the same class), `__copy__` and `__deepcopy__`.
macro_rules! public_key_methods {
    ($class:ty { $($methods:tt)* }) => {
        #[pyo3::pymethods]
        impl $class {
            $($methods)*

            fn public_bytes<'py>(
                &self,
                py: pyo3::Python<'py>,
                encoding: &pyo3::Bound<'py, pyo3::PyAny>,
                format: &pyo3::Bound<'py, pyo3::PyAny>,
            ) -> $crate::error::CryptoResult<pyo3::Bound<'py, pyo3::types::PyBytes>> {
                $crate::serialization::public_bytes(
                    py,
                    $crate::asym::PublicKeyClass::key_ref(self),
                    encoding,
                    format,
                )
            }

            fn __eq__(&self, other: &pyo3::Bound<'_, pyo3::PyAny>) -> bool {
                other.cast::<Self>().is_ok_and(|other| {
                    $crate::asym::PublicKeyClass::same_key(self, other.get())
                })
            }

            fn __copy__<'py>(slf: &pyo3::Bound<'py, Self>) -> pyo3::Bound<'py, pyo3::PyAny> {
                $crate::asym::same_object(slf.as_any())
            }

            fn __deepcopy__<'py>(
                slf: &pyo3::Bound<'py, Self>,
                _memo: &pyo3::Bound<'py, pyo3::PyAny>,
            ) -> pyo3::Bound<'py, pyo3::PyAny> {
                $crate::asym::same_object(slf.as_any())
            }
        }
    };
}

pub(crate) use {private_key_methods, public_key_methods};

/// The `ValueError` of a negative value where only positive ones are meaningful.
pub(crate) fn positive_required(what: &str) -> PyErr {
    PyValueError::new_err(format!("{what} must be a positive integer."))
}

/// The key of the first of `classes` that `key` is an instance of.
macro_rules! key_ref_of {
    ($key:expr; $($class:ty),*) => {{
        $(if let Ok(key) = $key.cast::<$class>() {
            return Some(key.get().key_ref());
        })*
        None
    }};
}

/// The core key behind one of this library's private key objects (None for another
/// class, such as a user's own implementation of the interface).
pub(crate) fn private_key_ref<'a>(key: &'a Bound<'_, PyAny>) -> Option<PrivateKeyRef<'a>> {
    key_ref_of!(key;
        crate::rsa::PyRsaPrivateKey,
        crate::ec::PyEcPrivateKey,
        crate::ecx::PyEd25519PrivateKey,
        crate::dsa::PyDsaPrivateKey,
        crate::ecx::PyEd448PrivateKey,
        crate::ecx::PyX25519PrivateKey,
        crate::ecx::PyX448PrivateKey,
        crate::dh::PyDhPrivateKey
    )
}

/// The core key behind one of this library's public key objects.
pub(crate) fn public_key_ref<'a>(key: &'a Bound<'_, PyAny>) -> Option<PublicKeyRef<'a>> {
    key_ref_of!(key;
        crate::rsa::PyRsaPublicKey,
        crate::ec::PyEcPublicKey,
        crate::ecx::PyEd25519PublicKey,
        crate::dsa::PyDsaPublicKey,
        crate::ecx::PyEd448PublicKey,
        crate::ecx::PyX25519PublicKey,
        crate::ecx::PyX448PublicKey,
        crate::dh::PyDhPublicKey
    )
}
