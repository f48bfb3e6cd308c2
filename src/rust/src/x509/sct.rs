//! `Sct`: one signed certificate timestamp (RFC 6962), as the reference exposes it.

use cryptography_x509::sct::Sct as CoreSct;
use pyo3::prelude::*;
use pyo3::types::PyBytes;

#[pyclass(
    module = "cryptography.hazmat.bindings._rust.x509",
    name = "Sct",
    frozen
)]
pub(crate) struct Sct {
    core: CoreSct,
    /// Whether it came from a precertificate's list (or a certificate's).
    precertificate: bool,
}

impl Sct {
    pub(crate) fn new(core: CoreSct, precertificate: bool) -> Self {
        Sct {
            core,
            precertificate,
        }
    }

    pub(crate) fn raw(&self) -> &[u8] {
        &self.core.raw
    }
}

fn enum_member<'py>(py: Python<'py>, class: &str, value: u8) -> PyResult<Bound<'py, PyAny>> {
    crate::types::CERTIFICATE_TRANSPARENCY
        .get(py)?
        .getattr(class)?
        .call1((value,))
}

#[pymethods]
impl Sct {
    #[getter]
    fn version<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        enum_member(py, "Version", 0)
    }

    #[getter]
    fn log_id<'py>(&self, py: Python<'py>) -> Bound<'py, PyBytes> {
        PyBytes::new(py, &self.core.log_id)
    }

    /// The time as a naive UTC datetime, to the millisecond.
    #[getter]
    fn timestamp<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let datetime = py.import("datetime")?;
        let epoch = datetime.getattr("datetime")?.call1((1970, 1, 1))?;
        let kwargs = pyo3::types::PyDict::new(py);
        kwargs.set_item("milliseconds", self.core.timestamp)?;
        let delta = datetime.getattr("timedelta")?.call((), Some(&kwargs))?;
        epoch.add(delta)
    }

    #[getter]
    fn entry_type<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        enum_member(py, "LogEntryType", u8::from(self.precertificate))
    }

    #[getter]
    fn extension_bytes<'py>(&self, py: Python<'py>) -> Bound<'py, PyBytes> {
        PyBytes::new(py, &self.core.extensions)
    }

    #[getter]
    fn signature_hash_algorithm<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let name = match self.core.hash_algorithm {
            1 => "MD5",
            2 => "SHA1",
            3 => "SHA224",
            4 => "SHA256",
            5 => "SHA384",
            _ => "SHA512",
        };
        crate::types::HASHES_MODULE.get(py)?.getattr(name)?.call0()
    }

    #[getter]
    fn signature_algorithm<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        enum_member(py, "SignatureAlgorithm", self.core.signature_algorithm)
    }

    #[getter]
    fn signature<'py>(&self, py: Python<'py>) -> Bound<'py, PyBytes> {
        PyBytes::new(py, &self.core.signature)
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        match other.cast::<Sct>() {
            Ok(other) => self.core.raw == other.get().core.raw,
            Err(_) => false,
        }
    }

    fn __hash__(&self) -> u64 {
        super::der_hash(&self.core.raw)
    }
}
