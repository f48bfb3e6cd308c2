//! `Certificate` and its loaders: the core's certificate (its DER and the one parse of
//! it) with the Python objects a caller reads built on first access and kept.

use cryptography_x509::certificate::Der;
use cryptography_x509::Certificate as CoreCertificate;
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedBytes;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBytes, PyList};

use super::{datetime, name::field_name_to_python, warn_naive, x509_error};
use crate::buf::BytesLike;
use crate::error::CryptoResult;
use crate::oid::ObjectIdentifier;

#[pyclass(
    module = "cryptography.hazmat.bindings._rust.x509",
    name = "Certificate",
    frozen
)]
pub(crate) struct Certificate {
    core: CoreCertificate,
    /// The Python objects made on first access, in one allocation made with the first
    /// of them: an unread certificate carries a pointer, not four empty slots.
    made: PyOnceLock<Box<Made>>,
}

/// A certificate's Python objects, each made once.
struct Made {
    issuer: PyOnceLock<Py<PyAny>>,
    subject: PyOnceLock<Py<PyAny>>,
    extensions: PyOnceLock<Py<PyAny>>,
    public_key: PyOnceLock<Py<PyAny>>,
}

impl Certificate {
    /// A certificate the package built (already checked to be well-formed).
    pub(crate) fn from_core(py: Python<'_>, core: CoreCertificate) -> PyResult<Self> {
        Self::new(py, core)
    }

    fn new(py: Python<'_>, core: CoreCertificate) -> PyResult<Self> {
        warn_if_serial_not_positive(py, &core)?;
        Ok(Certificate {
            core,
            made: PyOnceLock::new(),
        })
    }

    /// The core certificate (for the OCSP builders, which hash its parts).
    pub(crate) fn core(&self) -> &CoreCertificate {
        &self.core
    }

    fn made(&self, py: Python<'_>) -> &Made {
        self.made.get_or_init(py, || {
            Box::new(Made {
                issuer: PyOnceLock::new(),
                subject: PyOnceLock::new(),
                extensions: PyOnceLock::new(),
                public_key: PyOnceLock::new(),
            })
        })
    }
}

/// RFC 5280 requires a positive serial; the reference loads and reads others with a
/// warning.
fn warn_if_serial_not_positive(py: Python<'_>, core: &CoreCertificate) -> PyResult<()> {
    let serial = core.parsed().tbs_certificate.serial.as_bytes();
    let positive = serial[0] & 0x80 == 0 && serial.iter().any(|&byte| byte != 0);
    if positive {
        return Ok(());
    }
    let category = crate::types::DEPRECATION_WARNING.get(py)?;
    PyErr::warn(
        py,
        category,
        c"Parsed a serial number which wasn't positive (i.e., it was negative or zero), which is disallowed by RFC 5280. Loading this certificate will cause an exception in a future release of cryptography.",
        1,
    )
}

#[pymethods]
impl Certificate {
    #[getter]
    fn version<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        crate::types::VERSION
            .get(py)?
            .call1((self.core.parsed().tbs_certificate.version,))
    }

    #[getter]
    fn serial_number<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        warn_if_serial_not_positive(py, &self.core)?;
        super::int_from_der(
            py,
            self.core.parsed().tbs_certificate.serial.as_bytes(),
            true,
        )
    }

    #[getter]
    fn not_valid_before<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        warn_naive(py, "not_valid_before_utc")?;
        let time = &self.core.parsed().tbs_certificate.validity.not_before;
        datetime(py, time.as_datetime(), false)
    }

    #[getter]
    fn not_valid_before_utc<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let time = &self.core.parsed().tbs_certificate.validity.not_before;
        datetime(py, time.as_datetime(), true)
    }

    #[getter]
    fn not_valid_after<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        warn_naive(py, "not_valid_after_utc")?;
        let time = &self.core.parsed().tbs_certificate.validity.not_after;
        datetime(py, time.as_datetime(), false)
    }

    #[getter]
    fn not_valid_after_utc<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let time = &self.core.parsed().tbs_certificate.validity.not_after;
        datetime(py, time.as_datetime(), true)
    }

    #[getter]
    fn issuer<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let issuer = self.made(py).issuer.get_or_try_init(py, || {
            Ok::<_, PyErr>(
                field_name_to_python(py, &self.core.parsed().tbs_certificate.issuer, "issuer")?
                    .unbind(),
            )
        })?;
        Ok(issuer.bind(py).clone())
    }

    #[getter]
    fn subject<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let subject = self.made(py).subject.get_or_try_init(py, || {
            Ok::<_, PyErr>(
                field_name_to_python(py, &self.core.parsed().tbs_certificate.subject, "subject")?
                    .unbind(),
            )
        })?;
        Ok(subject.bind(py).clone())
    }

    #[getter]
    fn extensions<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let extensions = self.made(py).extensions.get_or_try_init(py, || {
            let tbs = &self.core.parsed().tbs_certificate;
            Ok::<_, PyErr>(
                super::extension_objects::extensions_object(
                    py,
                    tbs.extensions.as_ref(),
                    super::extension_objects::Context::Certificate,
                )?
                .unbind(),
            )
        })?;
        Ok(extensions.bind(py).clone())
    }

    #[getter]
    fn signature_algorithm_oid(&self) -> ObjectIdentifier {
        ObjectIdentifier::from_oid(self.core.parsed().signature_algorithm.oid().clone())
    }

    #[getter]
    fn signature_hash_algorithm<'py>(&self, py: Python<'py>) -> CryptoResult<Bound<'py, PyAny>> {
        super::signature::hash_algorithm(py, &self.core.parsed().signature_algorithm)
    }

    #[getter]
    fn signature_algorithm_parameters<'py>(
        &self,
        py: Python<'py>,
    ) -> CryptoResult<Bound<'py, PyAny>> {
        super::signature::parameters(py, &self.core.parsed().signature_algorithm)
    }

    #[getter]
    fn public_key_algorithm_oid(&self) -> ObjectIdentifier {
        ObjectIdentifier::from_oid(
            self.core
                .parsed()
                .tbs_certificate
                .spki
                .algorithm
                .oid()
                .clone(),
        )
    }

    #[getter]
    fn signature<'py>(&self, py: Python<'py>) -> Bound<'py, PyBytes> {
        PyBytes::new(py, self.core.parsed().signature_value.as_bytes())
    }

    #[getter]
    fn tbs_certificate_bytes<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyBytes>> {
        let tbs = self.core.tbs_der().map_err(x509_error)?;
        Ok(PyBytes::new(py, &tbs))
    }

    #[getter]
    fn tbs_precertificate_bytes<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyBytes>> {
        let tbs = self.core.tbs_precertificate_der().map_err(x509_error)?;
        Ok(PyBytes::new(py, &tbs))
    }

    /// The subject's key, loaded on first use and kept (public keys are immutable
    /// values).
    fn public_key<'py>(&self, py: Python<'py>) -> CryptoResult<Bound<'py, PyAny>> {
        let key = self.made(py).public_key.get_or_try_init(py, || {
            let spki = asn1::write_single(&self.core.parsed().tbs_certificate.spki)
                .map_err(|err| x509_error(err.into()))?;
            let key = cryptography_keys::load_der_public_key(&spki)?;
            Ok::<_, crate::error::CryptoError>(
                crate::serialization::public_key_object(py, key)?.unbind(),
            )
        })?;
        Ok(key.bind(py).clone())
    }

    /// Checks that `issuer` issued this certificate: its subject is this certificate's
    /// issuer and its key verifies this certificate's signature. It says nothing of
    /// validity periods, extensions or trust (that is path validation).
    fn verify_directly_issued_by(
        &self,
        py: Python<'_>,
        issuer: &Bound<'_, Certificate>,
    ) -> CryptoResult<()> {
        let own = &self.core.parsed().tbs_certificate;
        let theirs = &issuer.get().core.parsed().tbs_certificate;
        let der = |name: &cryptography_asn1::name::Name<'_>| {
            asn1::write_single(name).map_err(|err: asn1::WriteError| x509_error(err.into()))
        };
        if own.signature != self.core.parsed().signature_algorithm {
            return Err(pyo3::exceptions::PyValueError::new_err(
                "Inner and outer signature algorithms do not match. This is an invalid certificate.",
            )
            .into());
        }
        if der(&own.issuer)? != der(&theirs.subject)? {
            return Err(pyo3::exceptions::PyValueError::new_err(
                "Issuer certificate subject does not match certificate issuer.",
            )
            .into());
        }
        let tbs = self.core.tbs_der().map_err(x509_error)?;
        let key = issuer.get().public_key(py)?;
        super::signature::verify(
            py,
            &key,
            &self.core.parsed().signature_algorithm,
            self.core.parsed().signature_value.as_bytes(),
            &tbs,
        )
    }

    fn fingerprint<'py>(
        &self,
        py: Python<'py>,
        algorithm: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyBytes>> {
        let algorithm = crate::hashes::hash_algorithm(py, algorithm)?;
        let digest = self.core.fingerprint(algorithm).map_err(x509_error)?;
        Ok(PyBytes::new(py, &digest))
    }

    fn public_bytes<'py>(
        &self,
        py: Python<'py>,
        encoding: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyBytes>> {
        super::der_or_pem(py, encoding, self.core.der(), "CERTIFICATE")
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        match other.cast::<Certificate>() {
            Ok(other) => self.core.der() == other.get().core.der(),
            Err(_) => false,
        }
    }

    fn __hash__(&self) -> u64 {
        super::der_hash(self.core.der())
    }

    fn __deepcopy__(slf: &Bound<'_, Self>, _memo: &Bound<'_, PyAny>) -> Py<Self> {
        slf.clone().unbind()
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let subject = self.subject(py)?;
        Ok(format!("<Certificate(subject={}, ...)>", subject.repr()?))
    }
}

/// `load_der_x509_certificate(data, backend=None)`.
#[pyfunction]
#[pyo3(signature = (data, backend = None))]
pub(crate) fn load_der_x509_certificate(
    py: Python<'_>,
    data: &Bound<'_, PyAny>,
    backend: Option<&Bound<'_, PyAny>>,
) -> PyResult<Certificate> {
    let _ = backend;
    let der = match data.cast::<PyBytes>() {
        // An immutable bytes object: kept by the certificate, not copied.
        Ok(bytes) => Der::Shared(Box::new(PyBackedBytes::from(bytes.clone()))),
        Err(_) => Der::Owned(data.extract::<BytesLike<'_>>()?.to_vec()),
    };
    let core = CoreCertificate::from_shared_der(der).map_err(x509_error)?;
    Certificate::new(py, core)
}

/// `load_pem_x509_certificate(data, backend=None)`: the first certificate of the
/// document.
#[pyfunction]
#[pyo3(signature = (data, backend = None))]
pub(crate) fn load_pem_x509_certificate(
    py: Python<'_>,
    data: BytesLike<'_>,
    backend: Option<&Bound<'_, PyAny>>,
) -> PyResult<Certificate> {
    let _ = backend;
    let core = CoreCertificate::from_pem(&data).map_err(x509_error)?;
    Certificate::new(py, core)
}

/// `load_pem_x509_certificates(data)`: every certificate of the document, in order.
#[pyfunction]
pub(crate) fn load_pem_x509_certificates<'py>(
    py: Python<'py>,
    data: BytesLike<'_>,
) -> PyResult<Bound<'py, PyList>> {
    let certificates = CoreCertificate::all_from_pem(&data).map_err(x509_error)?;
    let list = PyList::empty(py);
    for core in certificates {
        list.append(Certificate::new(py, core)?)?;
    }
    Ok(list)
}
