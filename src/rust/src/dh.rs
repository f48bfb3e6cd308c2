//! Finite-field Diffie-Hellman (`cryptography.hazmat.bindings._rust.openssl.dh`): keys,
//! groups, group files, and the numbers classes of
//! `cryptography.hazmat.primitives.asymmetric.dh`. Loading a DH key or group warns, as
//! the reference does: finite-field DH is deprecated there.

use cryptography_backend::dh::{
    DhParameterComponents, DhParameters, DhPrivateComponents, DhPrivateKey, DhPublicComponents,
    DhPublicKey,
};
use cryptography_keys::{request, PrivateKeyRef, PublicKeyRef};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyBytes;
use zeroize::Zeroizing;

use crate::asym::{
    instance_of, int_argument, int_from_bytes, magnitudes, private_key_methods, public_key_methods,
    same_object, PrivateKeyClass, PublicKeyClass,
};
use crate::buf::BytesLike;
use crate::error::CryptoResult;
use crate::serialization::{extract_enum, Encoding, ParameterFormat};

const DEPRECATION_MESSAGE: &std::ffi::CStr = c"Diffie-Hellman over finite fields (FFDH) is deprecated and support will be removed in a future release. Use a more modern key exchange algorithm.";

/// The smallest p the numbers classes accept (the core's rule, in the reference's words).
const MIN_MODULUS_MESSAGE: &str = "p (modulus) must be at least 512-bit";

/// Warns that finite-field DH is deprecated (`CryptographyDeprecationWarning`).
pub(crate) fn warn_deprecated(py: Python<'_>) -> PyResult<()> {
    crate::error::warn_deprecation(py, DEPRECATION_MESSAGE)
}

/// A DH private key.
#[pyclass(
    module = "cryptography.hazmat.bindings._rust.openssl.dh",
    name = "DHPrivateKey",
    frozen
)]
pub(crate) struct PyDhPrivateKey {
    key: DhPrivateKey,
}

/// A DH public key.
#[pyclass(
    module = "cryptography.hazmat.bindings._rust.openssl.dh",
    name = "DHPublicKey",
    frozen
)]
pub(crate) struct PyDhPublicKey {
    key: DhPublicKey,
}

/// A DH group.
#[pyclass(
    module = "cryptography.hazmat.bindings._rust.openssl.dh",
    name = "DHParameters",
    frozen
)]
pub(crate) struct PyDhParameters {
    parameters: DhParameters,
}

/// Wraps a key read from a file (warning, as any DH load does).
pub(crate) fn loaded_private_key(py: Python<'_>, key: DhPrivateKey) -> PyResult<Bound<'_, PyAny>> {
    warn_deprecated(py)?;
    Ok(Bound::new(py, PyDhPrivateKey { key })?.into_any())
}

/// Wraps a key read from a file (warning, as any DH load does).
pub(crate) fn loaded_public_key(py: Python<'_>, key: DhPublicKey) -> PyResult<Bound<'_, PyAny>> {
    warn_deprecated(py)?;
    Ok(Bound::new(py, PyDhPublicKey { key })?.into_any())
}

fn parameter_numbers<'py>(
    py: Python<'py>,
    c: &DhParameterComponents,
) -> PyResult<Bound<'py, DhParameterNumbers>> {
    Bound::new(
        py,
        DhParameterNumbers {
            p: int_from_bytes(py, &c.p)?.unbind(),
            g: int_from_bytes(py, &c.g)?.unbind(),
            q: c.q
                .as_deref()
                .map(|q| int_from_bytes(py, q).map(Bound::unbind))
                .transpose()?,
        },
    )
}

fn public_numbers<'py>(
    py: Python<'py>,
    c: &DhPublicComponents,
) -> PyResult<Bound<'py, DhPublicNumbers>> {
    Bound::new(
        py,
        DhPublicNumbers {
            y: int_from_bytes(py, &c.y)?.unbind(),
            parameter_numbers: parameter_numbers(py, &c.parameters)?.unbind(),
        },
    )
}

private_key_methods! { PyDhPrivateKey {
    #[getter]
    fn key_size(&self) -> usize {
        self.key.key_size()
    }

    fn exchange<'py>(
        &self,
        py: Python<'py>,
        peer_public_key: &Bound<'py, PyAny>,
    ) -> CryptoResult<Bound<'py, PyBytes>> {
        let peer = peer_public_key
            .cast::<PyDhPublicKey>()
            .map_err(|_| PyTypeError::new_err("peer_public_key must be a DHPublicKey"))?
            .get();
        let secret = py.detach(|| self.key.exchange(&peer.key))?;
        Ok(PyBytes::new(py, &secret))
    }

    fn public_key(&self) -> PyDhPublicKey {
        PyDhPublicKey { key: self.key.public_key() }
    }

    fn parameters(&self) -> PyDhParameters {
        PyDhParameters { parameters: self.key.parameters() }
    }

    fn private_numbers<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, DhPrivateNumbers>> {
        let c = self.key.components();
        Bound::new(
            py,
            DhPrivateNumbers {
                x: int_from_bytes(py, &c.x)?.unbind(),
                public_numbers: public_numbers(py, &c.public)?.unbind(),
            },
        )
    }
}}

impl PrivateKeyClass for PyDhPrivateKey {
    fn key_ref(&self) -> PrivateKeyRef<'_> {
        PrivateKeyRef::Dh(&self.key)
    }
}

public_key_methods! { PyDhPublicKey {
    #[getter]
    fn key_size(&self) -> usize {
        self.key.key_size()
    }

    fn parameters(&self) -> PyDhParameters {
        PyDhParameters { parameters: self.key.parameters() }
    }

    fn public_numbers<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, DhPublicNumbers>> {
        public_numbers(py, self.key.components())
    }
}}

impl PublicKeyClass for PyDhPublicKey {
    fn key_ref(&self) -> PublicKeyRef<'_> {
        PublicKeyRef::Dh(&self.key)
    }

    fn same_key(&self, other: &Self) -> bool {
        self.key.same_key(&other.key)
    }
}

#[pymethods]
impl PyDhParameters {
    fn generate_private_key(&self, py: Python<'_>) -> CryptoResult<PyDhPrivateKey> {
        let key = py.detach(|| self.parameters.generate_private_key())?;
        Ok(PyDhPrivateKey { key })
    }

    fn parameter_numbers<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, DhParameterNumbers>> {
        parameter_numbers(py, self.parameters.components())
    }

    fn parameter_bytes<'py>(
        &self,
        py: Python<'py>,
        encoding: &Bound<'py, PyAny>,
        format: &Bound<'py, PyAny>,
    ) -> CryptoResult<Bound<'py, PyBytes>> {
        let encoding: Encoding = extract_enum(encoding, "Encoding")?;
        // PKCS3 is the only format: its type is all there is to check.
        let _: ParameterFormat = extract_enum(format, "ParameterFormat")?;
        let encoding = request::pem_or_der(encoding.into())?;
        let bytes =
            cryptography_keys::dh::parameters_bytes(self.parameters.components(), encoding)?;
        Ok(PyBytes::new(py, &bytes))
    }

    fn __copy__<'py>(slf: &Bound<'py, Self>) -> Bound<'py, PyAny> {
        same_object(slf.as_any())
    }

    fn __deepcopy__<'py>(slf: &Bound<'py, Self>, _memo: &Bound<'py, PyAny>) -> Bound<'py, PyAny> {
        same_object(slf.as_any())
    }
}

/// A group of `key_size` bits with generator 2 or 5. Generation takes seconds for 2048
/// bits (OpenSSL's safe-prime search); the interpreter is released meanwhile.
#[pyfunction]
#[pyo3(signature = (generator, key_size, backend = None))]
pub(crate) fn generate_parameters(
    py: Python<'_>,
    generator: u32,
    key_size: u32,
    backend: Option<&Bound<'_, PyAny>>,
) -> CryptoResult<PyDhParameters> {
    let _ = backend;
    let parameters = py.detach(|| DhParameters::generate(generator, key_size))?;
    Ok(PyDhParameters { parameters })
}

fn loaded_parameters(py: Python<'_>, parameters: DhParameters) -> PyResult<PyDhParameters> {
    warn_deprecated(py)?;
    Ok(PyDhParameters { parameters })
}

/// Reads a DER group file (`serialization.load_der_parameters`).
#[pyfunction]
#[pyo3(signature = (data, backend = None))]
pub(crate) fn from_der_parameters(
    py: Python<'_>,
    data: BytesLike<'_>,
    backend: Option<&Bound<'_, PyAny>>,
) -> CryptoResult<PyDhParameters> {
    let _ = backend;
    let parameters = cryptography_keys::dh::load_der_parameters(&data)?;
    Ok(loaded_parameters(py, parameters)?)
}

/// Reads a PEM group file (`serialization.load_pem_parameters`).
#[pyfunction]
#[pyo3(signature = (data, backend = None))]
pub(crate) fn from_pem_parameters(
    py: Python<'_>,
    data: BytesLike<'_>,
    backend: Option<&Bound<'_, PyAny>>,
) -> CryptoResult<PyDhParameters> {
    let _ = backend;
    let parameters = cryptography_keys::dh::load_pem_parameters(&data)?;
    Ok(loaded_parameters(py, parameters)?)
}

/// `DHParameterNumbers(p, g, q=None)`.
#[pyclass(
    module = "cryptography.hazmat.primitives.asymmetric.dh",
    name = "DHParameterNumbers",
    frozen
)]
pub(crate) struct DhParameterNumbers {
    #[pyo3(get)]
    p: Py<PyAny>,
    #[pyo3(get)]
    g: Py<PyAny>,
    #[pyo3(get)]
    q: Option<Py<PyAny>>,
}

impl DhParameterNumbers {
    fn components(&self, py: Python<'_>) -> PyResult<DhParameterComponents> {
        let [p, g] = magnitudes(py, [&self.p, &self.g], "Invalid DH parameters")?;
        let q = match &self.q {
            None => None,
            Some(q) => {
                let [q] = magnitudes(py, [q], "Invalid DH parameters")?;
                Some(q)
            }
        };
        Ok(DhParameterComponents { p, g, q })
    }
}

#[pymethods]
impl DhParameterNumbers {
    #[new]
    #[pyo3(signature = (p, g, q = None))]
    fn new(
        p: &Bound<'_, PyAny>,
        g: &Bound<'_, PyAny>,
        q: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let py = p.py();
        let numbers = DhParameterNumbers {
            p: int_argument(p)?,
            g: int_argument(g)?,
            q: q.map(int_argument).transpose()?,
        };
        if g.lt(2)? {
            return Err(PyValueError::new_err("DH generator must be 2 or greater"));
        }
        let bits: usize = p.call_method0(pyo3::intern!(py, "bit_length"))?.extract()?;
        if bits < cryptography_backend::dh::MIN_MODULUS_BITS {
            return Err(PyValueError::new_err(MIN_MODULUS_MESSAGE));
        }
        Ok(numbers)
    }

    #[pyo3(signature = (backend = None))]
    fn parameters(
        &self,
        py: Python<'_>,
        backend: Option<&Bound<'_, PyAny>>,
    ) -> CryptoResult<PyDhParameters> {
        let _ = backend;
        let parameters = DhParameters::from_components(self.components(py)?)?;
        Ok(PyDhParameters { parameters })
    }

    fn __eq__(&self, py: Python<'_>, other: &Bound<'_, PyAny>) -> PyResult<bool> {
        let Ok(other) = other.cast::<DhParameterNumbers>() else {
            return Ok(false);
        };
        let other = other.get();
        let q_equal = match (&self.q, &other.q) {
            (Some(a), Some(b)) => a.bind(py).eq(b)?,
            (None, None) => true,
            _ => false,
        };
        Ok(q_equal && self.p.bind(py).eq(&other.p)? && self.g.bind(py).eq(&other.g)?)
    }
}

/// `DHPublicNumbers(y, parameter_numbers)`.
#[pyclass(
    module = "cryptography.hazmat.primitives.asymmetric.dh",
    name = "DHPublicNumbers",
    frozen
)]
pub(crate) struct DhPublicNumbers {
    #[pyo3(get)]
    y: Py<PyAny>,
    #[pyo3(get)]
    parameter_numbers: Py<DhParameterNumbers>,
}

impl DhPublicNumbers {
    fn components(&self, py: Python<'_>) -> PyResult<DhPublicComponents> {
        let parameters = self.parameter_numbers.get().components(py)?;
        let [y] = magnitudes(py, [&self.y], "Invalid DH public value")?;
        Ok(DhPublicComponents { parameters, y })
    }
}

#[pymethods]
impl DhPublicNumbers {
    #[new]
    fn new(y: &Bound<'_, PyAny>, parameter_numbers: &Bound<'_, PyAny>) -> PyResult<Self> {
        Ok(DhPublicNumbers {
            y: int_argument(y)?,
            parameter_numbers: instance_of(parameter_numbers, "DHParameterNumbers")?,
        })
    }

    #[pyo3(signature = (backend = None))]
    fn public_key(
        &self,
        py: Python<'_>,
        backend: Option<&Bound<'_, PyAny>>,
    ) -> CryptoResult<PyDhPublicKey> {
        let _ = backend;
        let key = DhPublicKey::from_components(self.components(py)?)?;
        Ok(PyDhPublicKey { key })
    }

    fn __eq__(&self, py: Python<'_>, other: &Bound<'_, PyAny>) -> PyResult<bool> {
        let Ok(other) = other.cast::<DhPublicNumbers>() else {
            return Ok(false);
        };
        let other = other.get();
        Ok(self.y.bind(py).eq(&other.y)?
            && self
                .parameter_numbers
                .bind(py)
                .eq(other.parameter_numbers.bind(py))?)
    }
}

/// `DHPrivateNumbers(x, public_numbers)`.
#[pyclass(
    module = "cryptography.hazmat.primitives.asymmetric.dh",
    name = "DHPrivateNumbers",
    frozen
)]
pub(crate) struct DhPrivateNumbers {
    #[pyo3(get)]
    x: Py<PyAny>,
    #[pyo3(get)]
    public_numbers: Py<DhPublicNumbers>,
}

#[pymethods]
impl DhPrivateNumbers {
    #[new]
    fn new(x: &Bound<'_, PyAny>, public_numbers: &Bound<'_, PyAny>) -> PyResult<Self> {
        Ok(DhPrivateNumbers {
            x: int_argument(x)?,
            public_numbers: instance_of(public_numbers, "DHPublicNumbers")?,
        })
    }

    #[pyo3(signature = (backend = None))]
    fn private_key(
        &self,
        py: Python<'_>,
        backend: Option<&Bound<'_, PyAny>>,
    ) -> CryptoResult<PyDhPrivateKey> {
        let _ = backend;
        let public = self.public_numbers.get().components(py)?;
        let [x] = magnitudes(py, [&self.x], "Invalid DH private value")?;
        let key = DhPrivateKey::from_components(DhPrivateComponents {
            public,
            x: Zeroizing::new(x),
        })?;
        Ok(PyDhPrivateKey { key })
    }

    fn __eq__(&self, py: Python<'_>, other: &Bound<'_, PyAny>) -> PyResult<bool> {
        let Ok(other) = other.cast::<DhPrivateNumbers>() else {
            return Ok(false);
        };
        let other = other.get();
        Ok(self.x.bind(py).eq(&other.x)?
            && self
                .public_numbers
                .bind(py)
                .eq(other.public_numbers.bind(py))?)
    }
}
