//! `ObjectIdentifier`: a dotted OID, checked and stored as its DER encoding by the `asn1`
//! crate. Names for known OIDs come from `cryptography.hazmat._oid._OID_NAMES`.

use cryptography_asn1::oid_ref::OidRef;
use cryptography_x509::error::X509Error;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyDict;

#[pyclass(
    module = "cryptography.hazmat.bindings._rust",
    name = "ObjectIdentifier",
    frozen,
    eq,
    hash
)]
#[derive(PartialEq, Eq, Hash)]
pub(crate) struct ObjectIdentifier {
    oid: asn1::ObjectIdentifier,
}

static OID_NAMES: PyOnceLock<Py<PyDict>> = PyOnceLock::new();

impl ObjectIdentifier {
    pub(crate) fn from_oid(oid: asn1::ObjectIdentifier) -> Self {
        ObjectIdentifier { oid }
    }

    /// The object of an OID read in place from DER.
    pub(crate) fn from_oid_ref(oid: OidRef<'_>) -> PyResult<Self> {
        oid.to_oid()
            .map(Self::from_oid)
            .map_err(|err| crate::x509::x509_error(X509Error::Parse(err)))
    }

    pub(crate) fn oid(&self) -> &asn1::ObjectIdentifier {
        &self.oid
    }
}

#[pymethods]
impl ObjectIdentifier {
    #[new]
    fn new(value: &str) -> PyResult<Self> {
        let oid = asn1::ObjectIdentifier::from_string(value).ok_or_else(|| {
            PyValueError::new_err("error parsing asn1 value: ParseError { kind: InvalidValue }")
        })?;
        Ok(ObjectIdentifier { oid })
    }

    #[getter]
    fn dotted_string(&self) -> String {
        self.oid.to_string()
    }

    /// The OID's registered name, or "Unknown OID".
    #[getter]
    fn _name<'py>(slf: &Bound<'py, Self>, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let names = OID_NAMES.get_or_try_init(py, || {
            Ok::<_, PyErr>(
                py.import("cryptography.hazmat._oid")?
                    .getattr("_OID_NAMES")?
                    .cast_into::<PyDict>()?
                    .unbind(),
            )
        })?;
        match names.bind(py).get_item(slf)? {
            Some(name) => Ok(name),
            None => Ok(pyo3::types::PyString::new(py, "Unknown OID").into_any()),
        }
    }

    fn __repr__(slf: &Bound<'_, Self>, py: Python<'_>) -> PyResult<String> {
        let name = Self::_name(slf, py)?;
        Ok(format!(
            "<ObjectIdentifier(oid={}, name={})>",
            slf.get().oid,
            name.str()?
        ))
    }

    fn __copy__(slf: &Bound<'_, Self>) -> Py<Self> {
        slf.clone().unbind()
    }

    fn __deepcopy__(slf: &Bound<'_, Self>, _memo: &Bound<'_, PyAny>) -> Py<Self> {
        slf.clone().unbind()
    }
}
