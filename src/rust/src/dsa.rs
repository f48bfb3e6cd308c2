//! DSA keys and parameters (`cryptography.hazmat.bindings._rust.openssl.dsa`) and the
//! numbers classes of `cryptography.hazmat.primitives.asymmetric.dsa`.

use cryptography_backend::dsa::{
    DsaParameterComponents, DsaParameters, DsaPrivateComponents, DsaPrivateKey,
    DsaPublicComponents, DsaPublicKey, Validation,
};
use cryptography_keys::{PrivateKeyRef, PublicKeyRef};
use pyo3::prelude::*;
use pyo3::types::PyBytes;
use zeroize::Zeroizing;

use crate::asym::{
    instance_of, int_argument, int_from_bytes, magnitudes, private_key_methods, public_key_methods,
    same_object, PrivateKeyClass, PublicKeyClass, SignatureHash,
};
use crate::buf::BytesLike;
use crate::error::CryptoResult;

/// A DSA private key.
#[pyclass(
    module = "cryptography.hazmat.bindings._rust.openssl.dsa",
    name = "DSAPrivateKey",
    frozen
)]
pub(crate) struct PyDsaPrivateKey {
    key: DsaPrivateKey,
}

/// A DSA public key.
#[pyclass(
    module = "cryptography.hazmat.bindings._rust.openssl.dsa",
    name = "DSAPublicKey",
    frozen
)]
pub(crate) struct PyDsaPublicKey {
    key: DsaPublicKey,
}

/// DSA domain parameters.
#[pyclass(
    module = "cryptography.hazmat.bindings._rust.openssl.dsa",
    name = "DSAParameters",
    frozen
)]
pub(crate) struct PyDsaParameters {
    parameters: DsaParameters,
}

pub(crate) fn private_key_object(py: Python<'_>, key: DsaPrivateKey) -> PyResult<Bound<'_, PyAny>> {
    Ok(Bound::new(py, PyDsaPrivateKey { key })?.into_any())
}

pub(crate) fn public_key_object(py: Python<'_>, key: DsaPublicKey) -> PyResult<Bound<'_, PyAny>> {
    Ok(Bound::new(py, PyDsaPublicKey { key })?.into_any())
}

fn parameters_object(py: Python<'_>, parameters: DsaParameters) -> PyResult<Bound<'_, PyAny>> {
    Ok(Bound::new(py, PyDsaParameters { parameters })?.into_any())
}

fn parameter_numbers<'py>(
    py: Python<'py>,
    c: &DsaParameterComponents,
) -> PyResult<Bound<'py, DsaParameterNumbers>> {
    Bound::new(
        py,
        DsaParameterNumbers {
            p: int_from_bytes(py, &c.p)?.unbind(),
            q: int_from_bytes(py, &c.q)?.unbind(),
            g: int_from_bytes(py, &c.g)?.unbind(),
        },
    )
}

fn public_numbers<'py>(
    py: Python<'py>,
    c: &DsaPublicComponents,
) -> PyResult<Bound<'py, DsaPublicNumbers>> {
    Bound::new(
        py,
        DsaPublicNumbers {
            y: int_from_bytes(py, &c.y)?.unbind(),
            parameter_numbers: parameter_numbers(py, &c.parameters)?.unbind(),
        },
    )
}

/// Reads a signature's hash: a `HashAlgorithm` or `Prehashed`.
fn signature_hash(py: Python<'_>, algorithm: &Bound<'_, PyAny>) -> PyResult<SignatureHash> {
    SignatureHash::from_py(py, algorithm, false)
}

private_key_methods! { PyDsaPrivateKey {
    #[getter]
    fn key_size(&self) -> usize {
        self.key.key_size()
    }

    fn sign<'py>(
        &self,
        py: Python<'py>,
        data: BytesLike<'_>,
        algorithm: &Bound<'py, PyAny>,
    ) -> CryptoResult<Bound<'py, PyBytes>> {
        let hash = signature_hash(py, algorithm)?;
        let data: &[u8] = &data;
        let signature = py.detach(|| self.key.sign(hash.signed_data(data)))?;
        Ok(PyBytes::new(py, &signature))
    }

    fn public_key<'py>(&self, py: Python<'py>) -> CryptoResult<Bound<'py, PyAny>> {
        Ok(public_key_object(py, self.key.public_key()?)?)
    }

    fn parameters<'py>(&self, py: Python<'py>) -> CryptoResult<Bound<'py, PyAny>> {
        Ok(parameters_object(py, self.key.parameters()?)?)
    }

    fn private_numbers<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, DsaPrivateNumbers>> {
        let c = self.key.components();
        Bound::new(
            py,
            DsaPrivateNumbers {
                x: int_from_bytes(py, &c.x)?.unbind(),
                public_numbers: public_numbers(py, &c.public)?.unbind(),
            },
        )
    }
}}

impl PrivateKeyClass for PyDsaPrivateKey {
    fn key_ref(&self) -> PrivateKeyRef<'_> {
        PrivateKeyRef::Dsa(&self.key)
    }
}

public_key_methods! { PyDsaPublicKey {
    #[getter]
    fn key_size(&self) -> usize {
        self.key.key_size()
    }

    fn verify(
        &self,
        py: Python<'_>,
        signature: BytesLike<'_>,
        data: BytesLike<'_>,
        algorithm: &Bound<'_, PyAny>,
    ) -> CryptoResult<()> {
        let hash = signature_hash(py, algorithm)?;
        let (signature, data): (&[u8], &[u8]) = (&signature, &data);
        Ok(py.detach(|| self.key.verify(signature, hash.signed_data(data)))?)
    }

    fn parameters<'py>(&self, py: Python<'py>) -> CryptoResult<Bound<'py, PyAny>> {
        Ok(parameters_object(py, self.key.parameters()?)?)
    }

    fn public_numbers<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, DsaPublicNumbers>> {
        public_numbers(py, self.key.components())
    }
}}

impl PublicKeyClass for PyDsaPublicKey {
    fn key_ref(&self) -> PublicKeyRef<'_> {
        PublicKeyRef::Dsa(&self.key)
    }

    fn same_key(&self, other: &Self) -> bool {
        self.key.same_key(&other.key)
    }
}

#[pymethods]
impl PyDsaParameters {
    fn parameter_numbers<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, DsaParameterNumbers>> {
        parameter_numbers(py, self.parameters.components())
    }

    fn generate_private_key<'py>(&self, py: Python<'py>) -> CryptoResult<Bound<'py, PyAny>> {
        let key = py.detach(|| self.parameters.generate_private_key())?;
        Ok(private_key_object(py, key)?)
    }

    fn __copy__<'py>(slf: &Bound<'py, Self>) -> Bound<'py, PyAny> {
        same_object(slf.as_any())
    }

    fn __deepcopy__<'py>(slf: &Bound<'py, Self>, _memo: &Bound<'py, PyAny>) -> Bound<'py, PyAny> {
        same_object(slf.as_any())
    }
}

/// Parameters with a p of `key_size` bits (1024, 2048, 3072 or 4096). Generation takes
/// seconds for the larger sizes; the interpreter is released meanwhile.
#[pyfunction]
pub(crate) fn generate_parameters<'py>(
    py: Python<'py>,
    key_size: &Bound<'py, PyAny>,
) -> CryptoResult<Bound<'py, PyAny>> {
    let bits = key_size.extract::<u32>().unwrap_or(0);
    let parameters = py.detach(|| DsaParameters::generate(bits))?;
    Ok(parameters_object(py, parameters)?)
}

/// `DSAParameterNumbers(p, q, g)`.
#[pyclass(
    module = "cryptography.hazmat.primitives.asymmetric.dsa",
    name = "DSAParameterNumbers",
    frozen
)]
pub(crate) struct DsaParameterNumbers {
    #[pyo3(get)]
    p: Py<PyAny>,
    #[pyo3(get)]
    q: Py<PyAny>,
    #[pyo3(get)]
    g: Py<PyAny>,
}

impl DsaParameterNumbers {
    fn components(&self, py: Python<'_>) -> PyResult<DsaParameterComponents> {
        let [p, q, g] = magnitudes(
            py,
            [&self.p, &self.q, &self.g],
            "g, p don't satisfy 1 < g < p.",
        )?;
        Ok(DsaParameterComponents { p, q, g })
    }
}

#[pymethods]
impl DsaParameterNumbers {
    #[new]
    fn new(p: &Bound<'_, PyAny>, q: &Bound<'_, PyAny>, g: &Bound<'_, PyAny>) -> PyResult<Self> {
        Ok(DsaParameterNumbers {
            p: int_argument(p)?,
            q: int_argument(q)?,
            g: int_argument(g)?,
        })
    }

    #[pyo3(signature = (backend = None))]
    fn parameters<'py>(
        &self,
        py: Python<'py>,
        backend: Option<&Bound<'py, PyAny>>,
    ) -> CryptoResult<Bound<'py, PyAny>> {
        let _ = backend;
        let parameters = DsaParameters::from_components(self.components(py)?)?;
        Ok(parameters_object(py, parameters)?)
    }

    fn __eq__(&self, py: Python<'_>, other: &Bound<'_, PyAny>) -> PyResult<bool> {
        let Ok(other) = other.cast::<DsaParameterNumbers>() else {
            return Ok(false);
        };
        let other = other.get();
        Ok(self.p.bind(py).eq(&other.p)?
            && self.q.bind(py).eq(&other.q)?
            && self.g.bind(py).eq(&other.g)?)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "<DSAParameterNumbers(p={}, q={}, g={})>",
            self.p.bind(py).str()?,
            self.q.bind(py).str()?,
            self.g.bind(py).str()?
        ))
    }
}

/// `DSAPublicNumbers(y, parameter_numbers)`.
#[pyclass(
    module = "cryptography.hazmat.primitives.asymmetric.dsa",
    name = "DSAPublicNumbers",
    frozen
)]
pub(crate) struct DsaPublicNumbers {
    #[pyo3(get)]
    y: Py<PyAny>,
    #[pyo3(get)]
    parameter_numbers: Py<DsaParameterNumbers>,
}

impl DsaPublicNumbers {
    fn components(&self, py: Python<'_>) -> PyResult<DsaPublicComponents> {
        let parameters = self.parameter_numbers.get().components(py)?;
        let [y] = magnitudes(py, [&self.y], "y must be > 1 and < p - 1.")?;
        Ok(DsaPublicComponents { parameters, y })
    }
}

#[pymethods]
impl DsaPublicNumbers {
    #[new]
    fn new(y: &Bound<'_, PyAny>, parameter_numbers: &Bound<'_, PyAny>) -> PyResult<Self> {
        Ok(DsaPublicNumbers {
            y: int_argument(y)?,
            parameter_numbers: instance_of(parameter_numbers, "DSAParameterNumbers")?,
        })
    }

    #[pyo3(signature = (backend = None))]
    fn public_key<'py>(
        &self,
        py: Python<'py>,
        backend: Option<&Bound<'py, PyAny>>,
    ) -> CryptoResult<Bound<'py, PyAny>> {
        let _ = backend;
        let key = DsaPublicKey::from_components(self.components(py)?, Validation::Numbers)?;
        Ok(public_key_object(py, key)?)
    }

    fn __eq__(&self, py: Python<'_>, other: &Bound<'_, PyAny>) -> PyResult<bool> {
        let Ok(other) = other.cast::<DsaPublicNumbers>() else {
            return Ok(false);
        };
        let other = other.get();
        Ok(self.y.bind(py).eq(&other.y)?
            && self
                .parameter_numbers
                .bind(py)
                .eq(other.parameter_numbers.bind(py))?)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "<DSAPublicNumbers(y={}, parameter_numbers={})>",
            self.y.bind(py).str()?,
            self.parameter_numbers.bind(py).repr()?
        ))
    }
}

/// `DSAPrivateNumbers(x, public_numbers)`.
#[pyclass(
    module = "cryptography.hazmat.primitives.asymmetric.dsa",
    name = "DSAPrivateNumbers",
    frozen
)]
pub(crate) struct DsaPrivateNumbers {
    #[pyo3(get)]
    x: Py<PyAny>,
    #[pyo3(get)]
    public_numbers: Py<DsaPublicNumbers>,
}

#[pymethods]
impl DsaPrivateNumbers {
    #[new]
    fn new(x: &Bound<'_, PyAny>, public_numbers: &Bound<'_, PyAny>) -> PyResult<Self> {
        Ok(DsaPrivateNumbers {
            x: int_argument(x)?,
            public_numbers: instance_of(public_numbers, "DSAPublicNumbers")?,
        })
    }

    #[pyo3(signature = (backend = None))]
    fn private_key<'py>(
        &self,
        py: Python<'py>,
        backend: Option<&Bound<'py, PyAny>>,
    ) -> CryptoResult<Bound<'py, PyAny>> {
        let _ = backend;
        let public = self.public_numbers.get().components(py)?;
        let [x] = magnitudes(py, [&self.x], "x must be > 0 and < q.")?;
        let components = DsaPrivateComponents {
            public,
            x: Zeroizing::new(x),
        };
        let key = DsaPrivateKey::from_components(components, Validation::Numbers)?;
        Ok(private_key_object(py, key)?)
    }

    fn __eq__(&self, py: Python<'_>, other: &Bound<'_, PyAny>) -> PyResult<bool> {
        let Ok(other) = other.cast::<DsaPrivateNumbers>() else {
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
