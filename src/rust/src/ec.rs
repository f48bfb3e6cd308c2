//! Elliptic-curve keys (`cryptography.hazmat.bindings._rust.openssl.ec`): ECDSA and
//! ECDH over the named curves, and construction from numbers and encoded points.

use cryptography_backend::ec::{Curve, EcPrivateKey, EcPublicComponents, EcPublicKey};
use cryptography_keys::{PrivateKeyRef, PublicKeyRef};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBytes, PyDict};

use crate::asym::{
    hash_of, int_argument, int_from_bytes, int_to_bytes, not_an_instance, positive_required,
    private_key_methods, public_key_methods, require_int, PrivateKeyClass, PublicKeyClass,
    SignatureHash,
};
use crate::buf::BytesLike;
use crate::error::{unsupported, CryptoResult, Reason};

const EC_MODULE: &str = "cryptography.hazmat.primitives.asymmetric.ec";

static CURVE_TYPES: PyOnceLock<Py<PyDict>> = PyOnceLock::new();

/// Reads an `EllipticCurve` instance into the core's curve.
pub(crate) fn curve_from_py(py: Python<'_>, curve: &Bound<'_, PyAny>) -> PyResult<Curve> {
    if !curve.is_instance(crate::types::ELLIPTIC_CURVE.get(py)?)? {
        return Err(PyTypeError::new_err(
            "curve must be an EllipticCurve instance",
        ));
    }
    let name: String = curve.getattr(pyo3::intern!(py, "name"))?.extract()?;
    match Curve::from_name(&name).filter(|curve| curve.is_supported()) {
        Some(curve) => Ok(curve),
        None => Err(unsupported(
            py,
            format!("Curve {name} is not supported"),
            Reason::UnsupportedEllipticCurve,
        )),
    }
}

/// The Python curve object of a core curve.
fn curve_to_py(py: Python<'_>, curve: Curve) -> PyResult<Bound<'_, PyAny>> {
    let types = CURVE_TYPES.get_or_try_init(py, || {
        Ok::<_, PyErr>(
            py.import(EC_MODULE)?
                .getattr("_CURVE_TYPES")?
                .cast_into::<PyDict>()?
                .unbind(),
        )
    })?;
    types
        .bind(py)
        .get_item(curve.name())?
        .ok_or_else(|| PyValueError::new_err("unknown curve"))
}

/// An EC private key.
#[pyclass(
    module = "cryptography.hazmat.bindings._rust.openssl.ec",
    name = "ECPrivateKey",
    frozen
)]
pub(crate) struct PyEcPrivateKey {
    key: EcPrivateKey,
}

/// An EC public key.
#[pyclass(
    module = "cryptography.hazmat.bindings._rust.openssl.ec",
    name = "ECPublicKey",
    frozen
)]
pub(crate) struct PyEcPublicKey {
    key: EcPublicKey,
}

pub(crate) fn private_key_object(py: Python<'_>, key: EcPrivateKey) -> PyResult<Bound<'_, PyAny>> {
    Ok(Bound::new(py, PyEcPrivateKey { key })?.into_any())
}

pub(crate) fn public_key_object(py: Python<'_>, key: EcPublicKey) -> PyResult<Bound<'_, PyAny>> {
    Ok(Bound::new(py, PyEcPublicKey { key })?.into_any())
}

/// Reads an `ECDSA` signature algorithm: its hash, and whether nonces are deterministic.
fn ecdsa(py: Python<'_>, algorithm: &Bound<'_, PyAny>) -> PyResult<(SignatureHash, bool)> {
    if !algorithm.is_instance(crate::types::ECDSA.get(py)?)? {
        return Err(unsupported(
            py,
            "Unsupported elliptic curve signature algorithm".to_string(),
            Reason::UnsupportedPublicKeyAlgorithm,
        ));
    }
    let hash = SignatureHash::from_py(
        py,
        &algorithm.getattr(pyo3::intern!(py, "algorithm"))?,
        false,
    )?;
    let deterministic: bool = algorithm
        .getattr(pyo3::intern!(py, "deterministic_signing"))?
        .extract()?;
    Ok((hash, deterministic))
}

fn public_numbers<'py>(
    py: Python<'py>,
    c: &EcPublicComponents,
) -> PyResult<Bound<'py, EcPublicNumbers>> {
    Bound::new(
        py,
        EcPublicNumbers {
            x: int_from_bytes(py, &c.x)?.unbind(),
            y: int_from_bytes(py, &c.y)?.unbind(),
            curve: curve_to_py(py, c.curve)?.unbind(),
        },
    )
}

private_key_methods! { PyEcPrivateKey {
    #[getter]
    fn curve<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        curve_to_py(py, self.key.curve())
    }

    #[getter]
    fn key_size(&self) -> usize {
        self.key.curve().key_bits()
    }

    fn sign<'py>(
        &self,
        py: Python<'py>,
        data: BytesLike<'_>,
        signature_algorithm: &Bound<'py, PyAny>,
    ) -> CryptoResult<Bound<'py, PyBytes>> {
        let (hash, deterministic) = ecdsa(py, signature_algorithm)?;
        let data: &[u8] = &data;
        let signature = py.detach(|| self.key.sign(hash.signed_data(data), deterministic))?;
        Ok(PyBytes::new(py, &signature))
    }

    fn exchange<'py>(
        &self,
        py: Python<'py>,
        algorithm: &Bound<'py, PyAny>,
        peer_public_key: &Bound<'py, PyAny>,
    ) -> CryptoResult<Bound<'py, PyBytes>> {
        if !algorithm.is_instance(crate::types::ECDH.get(py)?)? {
            return Err(unsupported(
                py,
                "Unsupported EC exchange algorithm".to_string(),
                Reason::UnsupportedExchangeAlgorithm,
            )
            .into());
        }
        let peer = peer_public_key
            .cast::<PyEcPublicKey>()
            .map_err(|_| not_an_instance(peer_public_key, "ECPublicKey"))?;
        let peer = &peer.get().key;
        let secret = py.detach(|| self.key.exchange(peer))?;
        Ok(PyBytes::new(py, &secret))
    }

    fn public_key<'py>(&self, py: Python<'py>) -> CryptoResult<Bound<'py, PyAny>> {
        Ok(public_key_object(py, self.key.public_key()?)?)
    }

    fn private_numbers<'py>(&self, py: Python<'py>) -> CryptoResult<Bound<'py, EcPrivateNumbers>> {
        let public = public_numbers(py, &self.key.public_components()?)?;
        let value = self.key.private_value()?;
        Ok(Bound::new(
            py,
            EcPrivateNumbers {
                private_value: int_from_bytes(py, &value)?.unbind(),
                public_numbers: public.unbind(),
            },
        )?)
    }
}}

impl PrivateKeyClass for PyEcPrivateKey {
    fn key_ref(&self) -> PrivateKeyRef<'_> {
        PrivateKeyRef::Ec(&self.key)
    }
}

public_key_methods! { PyEcPublicKey {
    #[getter]
    fn curve<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        curve_to_py(py, self.key.curve())
    }

    #[getter]
    fn key_size(&self) -> usize {
        self.key.curve().key_bits()
    }

    fn verify(
        &self,
        py: Python<'_>,
        signature: BytesLike<'_>,
        data: BytesLike<'_>,
        signature_algorithm: &Bound<'_, PyAny>,
    ) -> CryptoResult<()> {
        let (hash, _) = ecdsa(py, signature_algorithm)?;
        let (signature, data): (&[u8], &[u8]) = (&signature, &data);
        Ok(py.detach(|| self.key.verify(signature, hash.signed_data(data)))?)
    }

    fn public_numbers<'py>(&self, py: Python<'py>) -> CryptoResult<Bound<'py, EcPublicNumbers>> {
        Ok(public_numbers(py, &self.key.components()?)?)
    }
}}

impl PublicKeyClass for PyEcPublicKey {
    fn key_ref(&self) -> PublicKeyRef<'_> {
        PublicKeyRef::Ec(&self.key)
    }

    fn same_key(&self, other: &Self) -> bool {
        self.key.same_key(&other.key)
    }
}

/// `ec.generate_private_key(curve, backend=None)`, exposed as it is.
#[pyfunction]
#[pyo3(signature = (curve, backend = None))]
pub(crate) fn generate_private_key<'py>(
    py: Python<'py>,
    curve: &Bound<'py, PyAny>,
    backend: Option<&Bound<'py, PyAny>>,
) -> CryptoResult<Bound<'py, PyAny>> {
    let _ = backend;
    let curve = curve_from_py(py, curve)?;
    Ok(private_key_object(
        py,
        py.detach(|| EcPrivateKey::generate(curve))?,
    )?)
}

#[pyfunction]
pub(crate) fn derive_private_key<'py>(
    py: Python<'py>,
    private_value: &Bound<'py, PyAny>,
    curve: &Bound<'py, PyAny>,
) -> CryptoResult<Bound<'py, PyAny>> {
    require_int(private_value, "private_value")?;
    if private_value.le(0)? {
        return Err(positive_required("private_value").into());
    }
    let curve = curve_from_py(py, curve)?;
    let scalar = int_to_bytes(private_value)?;
    Ok(private_key_object(
        py,
        py.detach(|| EcPrivateKey::derive(curve, &scalar))?,
    )?)
}

/// The public key an X9.62 encoded point designates.
#[pyfunction]
pub(crate) fn from_public_bytes<'py>(
    py: Python<'py>,
    curve: &Bound<'py, PyAny>,
    data: BytesLike<'_>,
) -> CryptoResult<Bound<'py, PyAny>> {
    let curve = curve_from_py(py, curve)?;
    Ok(public_key_object(
        py,
        EcPublicKey::from_encoded_point(curve, &data)?,
    )?)
}

/// `EllipticCurvePublicNumbers(x, y, curve)`: the affine coordinates of a point.
#[pyclass(
    module = "cryptography.hazmat.primitives.asymmetric.ec",
    name = "EllipticCurvePublicNumbers",
    frozen
)]
pub(crate) struct EcPublicNumbers {
    #[pyo3(get)]
    x: Py<PyAny>,
    #[pyo3(get)]
    y: Py<PyAny>,
    #[pyo3(get)]
    curve: Py<PyAny>,
}

impl EcPublicNumbers {
    fn components(&self, py: Python<'_>) -> PyResult<EcPublicComponents> {
        let (x, y) = (self.x.bind(py), self.y.bind(py));
        if x.lt(0)? || y.lt(0)? {
            return Err(PyValueError::new_err("Invalid EC key."));
        }
        Ok(EcPublicComponents {
            curve: curve_from_py(py, self.curve.bind(py))?,
            x: int_to_bytes(x)?,
            y: int_to_bytes(y)?,
        })
    }

    /// The curve's name and size, which is what equality compares of a curve.
    fn curve_identity(&self, py: Python<'_>) -> PyResult<(Py<PyAny>, Py<PyAny>)> {
        let curve = self.curve.bind(py);
        Ok((
            curve.getattr(pyo3::intern!(py, "name"))?.unbind(),
            curve.getattr(pyo3::intern!(py, "key_size"))?.unbind(),
        ))
    }
}

#[pymethods]
impl EcPublicNumbers {
    #[new]
    fn new(
        py: Python<'_>,
        x: &Bound<'_, PyAny>,
        y: &Bound<'_, PyAny>,
        curve: &Bound<'_, PyAny>,
    ) -> PyResult<Self> {
        let (x, y) = (int_argument(x)?, int_argument(y)?);
        if !curve.is_instance(crate::types::ELLIPTIC_CURVE.get(py)?)? {
            return Err(PyTypeError::new_err(
                "curve must provide the EllipticCurve interface.",
            ));
        }
        Ok(EcPublicNumbers {
            x,
            y,
            curve: curve.clone().unbind(),
        })
    }

    #[pyo3(signature = (backend = None))]
    fn public_key<'py>(
        &self,
        py: Python<'py>,
        backend: Option<&Bound<'py, PyAny>>,
    ) -> CryptoResult<Bound<'py, PyAny>> {
        let _ = backend;
        let public = self.components(py)?;
        Ok(public_key_object(
            py,
            EcPublicKey::from_coordinates(&public)?,
        )?)
    }

    fn __eq__(&self, py: Python<'_>, other: &Bound<'_, PyAny>) -> PyResult<bool> {
        let Ok(other) = other.cast::<EcPublicNumbers>() else {
            return Ok(false);
        };
        let other = other.get();
        let (name, size) = self.curve_identity(py)?;
        let (other_name, other_size) = other.curve_identity(py)?;
        Ok(self.x.bind(py).eq(&other.x)?
            && self.y.bind(py).eq(&other.y)?
            && name.bind(py).eq(other_name)?
            && size.bind(py).eq(other_size)?)
    }

    fn __hash__(&self, py: Python<'_>) -> PyResult<isize> {
        let (name, size) = self.curve_identity(py)?;
        hash_of(
            py,
            vec![self.x.clone_ref(py), self.y.clone_ref(py), name, size],
        )
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let (name, _) = self.curve_identity(py)?;
        Ok(format!(
            "<EllipticCurvePublicNumbers(curve={}, x={}, y={})>",
            name.bind(py).str()?,
            self.x.bind(py).str()?,
            self.y.bind(py).str()?
        ))
    }
}

/// `EllipticCurvePrivateNumbers(private_value, public_numbers)`.
#[pyclass(
    module = "cryptography.hazmat.primitives.asymmetric.ec",
    name = "EllipticCurvePrivateNumbers",
    frozen
)]
pub(crate) struct EcPrivateNumbers {
    #[pyo3(get)]
    private_value: Py<PyAny>,
    #[pyo3(get)]
    public_numbers: Py<EcPublicNumbers>,
}

#[pymethods]
impl EcPrivateNumbers {
    #[new]
    fn new(private_value: &Bound<'_, PyAny>, public_numbers: &Bound<'_, PyAny>) -> PyResult<Self> {
        Ok(EcPrivateNumbers {
            private_value: int_argument(private_value)?,
            public_numbers: public_numbers
                .cast::<EcPublicNumbers>()
                .map_err(|_| not_an_instance(public_numbers, "EllipticCurvePublicNumbers"))?
                .clone()
                .unbind(),
        })
    }

    #[pyo3(signature = (backend = None))]
    fn private_key<'py>(
        &self,
        py: Python<'py>,
        backend: Option<&Bound<'py, PyAny>>,
    ) -> CryptoResult<Bound<'py, PyAny>> {
        let _ = backend;
        let value = self.private_value.bind(py);
        if value.le(0)? {
            return Err(PyValueError::new_err("Invalid EC key.").into());
        }
        let public = self.public_numbers.get().components(py)?;
        let scalar = zeroize::Zeroizing::new(int_to_bytes(value)?);
        Ok(private_key_object(
            py,
            EcPrivateKey::from_numbers(&public, &scalar)?,
        )?)
    }

    fn __eq__(&self, py: Python<'_>, other: &Bound<'_, PyAny>) -> PyResult<bool> {
        let Ok(other) = other.cast::<EcPrivateNumbers>() else {
            return Ok(false);
        };
        let other = other.get();
        Ok(self.private_value.bind(py).eq(&other.private_value)?
            && self
                .public_numbers
                .bind(py)
                .eq(other.public_numbers.bind(py))?)
    }

    fn __hash__(&self, py: Python<'_>) -> PyResult<isize> {
        hash_of(
            py,
            vec![
                self.private_value.clone_ref(py),
                self.public_numbers.clone_ref(py).into_any(),
            ],
        )
    }
}

/// Whether RFC 6979 deterministic signing is available.
#[pyfunction]
pub(crate) fn deterministic_signing_supported() -> bool {
    cryptography_backend::ec::deterministic_signing_supported()
}
