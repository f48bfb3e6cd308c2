//! `CertificateRevocationList`, `RevokedCertificate` and the CRL loaders, over the
//! core's `Crl`.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use cryptography_x509::crl::Crl as CoreCrl;
use pyo3::exceptions::{PyIndexError, PyTypeError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBytes, PyList, PySlice};

use super::{datetime, name::field_name_to_python, warn_naive, x509_error};
use crate::buf::BytesLike;
use crate::error::CryptoResult;
use crate::oid::ObjectIdentifier;

#[pyclass(
    module = "cryptography.hazmat.bindings._rust.x509",
    name = "CertificateRevocationList",
    frozen
)]
pub(crate) struct CertificateRevocationList {
    core: Arc<CoreCrl>,
    issuer: PyOnceLock<Py<PyAny>>,
    extensions: PyOnceLock<Py<PyAny>>,
}

/// One entry of a CRL, as its own DER (read from a list, or built).
#[pyclass(
    module = "cryptography.hazmat.bindings._rust.x509",
    name = "RevokedCertificate",
    frozen
)]
pub(crate) struct RevokedCertificate {
    der: Vec<u8>,
    extensions: PyOnceLock<Py<PyAny>>,
}

impl RevokedCertificate {
    pub(crate) fn from_entry_der(der: Vec<u8>) -> Self {
        RevokedCertificate {
            der,
            extensions: PyOnceLock::new(),
        }
    }

    pub(crate) fn entry_der(&self) -> &[u8] {
        &self.der
    }

    fn entry(&self) -> PyResult<cryptography_asn1::crl::RevokedCertificate<'_>> {
        asn1::parse_single(&self.der).map_err(|err| x509_error(err.into()))
    }
}

#[pymethods]
impl RevokedCertificate {
    #[getter]
    fn serial_number<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        super::int_from_der(py, self.entry()?.user_certificate.as_bytes(), true)
    }

    #[getter]
    fn revocation_date<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        warn_naive(py, "revocation_date_utc")?;
        datetime(py, self.entry()?.revocation_date.as_datetime(), false)
    }

    #[getter]
    fn revocation_date_utc<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        datetime(py, self.entry()?.revocation_date.as_datetime(), true)
    }

    #[getter]
    fn extensions<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let extensions = self.extensions.get_or_try_init(py, || {
            let entry = self.entry()?;
            Ok::<_, PyErr>(
                super::extension_objects::extensions_object(
                    py,
                    entry.crl_entry_extensions.as_ref(),
                    super::extension_objects::Context::CrlEntry,
                )?
                .unbind(),
            )
        })?;
        Ok(extensions.bind(py).clone())
    }
}

impl CertificateRevocationList {
    fn entry_object(&self, py: Python<'_>, index: usize) -> PyResult<Py<RevokedCertificate>> {
        entry_object(py, &self.core, index)
    }

    /// A list the package built.
    pub(crate) fn from_core(core: CoreCrl) -> Self {
        new(core)
    }
}

#[pymethods]
impl CertificateRevocationList {
    #[getter]
    fn issuer<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let issuer = self.issuer.get_or_try_init(py, || {
            Ok::<_, PyErr>(
                field_name_to_python(py, &self.core.parsed().tbs_cert_list.issuer, "issuer")?
                    .unbind(),
            )
        })?;
        Ok(issuer.bind(py).clone())
    }

    #[getter]
    fn last_update<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        warn_naive(py, "last_update_utc")?;
        datetime(
            py,
            self.core.parsed().tbs_cert_list.this_update.as_datetime(),
            false,
        )
    }

    #[getter]
    fn last_update_utc<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        datetime(
            py,
            self.core.parsed().tbs_cert_list.this_update.as_datetime(),
            true,
        )
    }

    #[getter]
    fn next_update<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        warn_naive(py, "next_update_utc")?;
        match &self.core.parsed().tbs_cert_list.next_update {
            Some(time) => datetime(py, time.as_datetime(), false),
            None => Ok(py.None().into_bound(py)),
        }
    }

    #[getter]
    fn next_update_utc<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        match &self.core.parsed().tbs_cert_list.next_update {
            Some(time) => datetime(py, time.as_datetime(), true),
            None => Ok(py.None().into_bound(py)),
        }
    }

    #[getter]
    fn extensions<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let extensions = self.extensions.get_or_try_init(py, || {
            let tbs = &self.core.parsed().tbs_cert_list;
            Ok::<_, PyErr>(
                super::extension_objects::extensions_object(
                    py,
                    tbs.crl_extensions.as_ref(),
                    super::extension_objects::Context::Crl,
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
    fn signature<'py>(&self, py: Python<'py>) -> Bound<'py, PyBytes> {
        PyBytes::new(py, self.core.parsed().signature_value.as_bytes())
    }

    #[getter]
    fn tbs_certlist_bytes<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyBytes>> {
        let tbs = self.core.tbs_der().map_err(x509_error)?;
        Ok(PyBytes::new(py, &tbs))
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
        super::der_or_pem(py, encoding, self.core.der(), "X509 CRL")
    }

    /// Whether `public_key` verifies the list's signature (False for a bad signature or
    /// an algorithm that is not checked).
    fn is_signature_valid(&self, py: Python<'_>, public_key: &Bound<'_, PyAny>) -> PyResult<bool> {
        let asymmetric = py.import("cryptography.hazmat.primitives.asymmetric.types")?;
        let allowed = asymmetric.getattr("CertificatePublicKeyTypes")?;
        let allowed = allowed.getattr("__args__")?;
        if !public_key.is_instance(&allowed)? {
            return Err(PyTypeError::new_err(
                "Key must be an rsa, dsa, ec, ed25519, ed448, ml-dsa-44, ml-dsa-65, or ml-dsa-87 public key.",
            ));
        }
        let tbs = self.core.tbs_der().map_err(x509_error)?;
        let parsed = self.core.parsed();
        super::signature_holds(
            py,
            public_key,
            &parsed.signature_algorithm,
            parsed.signature_value.as_bytes(),
            &tbs,
        )
    }

    fn get_revoked_certificate_by_serial_number(
        &self,
        py: Python<'_>,
        serial: &Bound<'_, PyAny>,
    ) -> PyResult<Option<Py<RevokedCertificate>>> {
        let wanted = super::extensions::int_der_bytes(serial)?;
        self.core
            .entry_der_by_serial(&wanted)
            .map(|der| Py::new(py, RevokedCertificate::from_entry_der(der.to_vec())))
            .transpose()
    }

    fn __len__(&self) -> usize {
        self.core.len()
    }

    fn __iter__(&self) -> RevokedIterator {
        RevokedIterator {
            core: Arc::clone(&self.core),
            next: AtomicUsize::new(0),
        }
    }

    fn __getitem__<'py>(
        &self,
        py: Python<'py>,
        index: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let length = self.core.len();
        if let Ok(slice) = index.cast::<PySlice>() {
            let indices = slice.indices(length as isize)?;
            let list = PyList::empty(py);
            let mut at = indices.start;
            for _ in 0..indices.slicelength {
                list.append(self.entry_object(py, at as usize)?)?;
                at += indices.step;
            }
            return Ok(list.into_any());
        }
        let mut position: isize = index.extract()?;
        if position < 0 {
            position += length as isize;
        }
        if position < 0 || position as usize >= length {
            return Err(PyIndexError::new_err(""));
        }
        Ok(self
            .entry_object(py, position as usize)?
            .into_bound(py)
            .into_any())
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        match other.cast::<CertificateRevocationList>() {
            Ok(other) => self.core.der() == other.get().core.der(),
            Err(_) => false,
        }
    }
}

/// The Python object of entry `index` (in range) of `core`: its DER, copied.
fn entry_object(py: Python<'_>, core: &CoreCrl, index: usize) -> PyResult<Py<RevokedCertificate>> {
    let der = core
        .entry_der(index)
        .ok_or_else(|| PyIndexError::new_err("CRL entry index out of range"))?;
    Py::new(py, RevokedCertificate::from_entry_der(der.to_vec()))
}

/// An iterator over a CRL's entries that knows how many remain (`len()` works on it,
/// as on the reference's).
#[pyclass(module = "cryptography.hazmat.bindings._rust.x509", frozen)]
pub(crate) struct RevokedIterator {
    core: Arc<CoreCrl>,
    /// The next position; atomic, so that threads sharing the iterator each take a
    /// different entry.
    next: AtomicUsize,
}

#[pymethods]
impl RevokedIterator {
    fn __iter__(slf: Py<Self>) -> Py<Self> {
        slf
    }

    fn __next__(&self, py: Python<'_>) -> PyResult<Option<Py<RevokedCertificate>>> {
        let length = self.core.len();
        let taken = self
            .next
            .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |at| {
                (at < length).then_some(at + 1)
            });
        match taken {
            Ok(index) => entry_object(py, &self.core, index).map(Some),
            Err(_) => Ok(None),
        }
    }

    fn __len__(&self) -> usize {
        self.core
            .len()
            .saturating_sub(self.next.load(Ordering::Relaxed))
    }
}

impl CertificateRevocationList {
    /// A list read from its DER.
    pub(crate) fn from_der(der: Vec<u8>) -> PyResult<Self> {
        Ok(new(CoreCrl::from_der(der).map_err(x509_error)?))
    }

    pub(crate) fn der(&self) -> &[u8] {
        self.core.der()
    }
}

fn new(core: CoreCrl) -> CertificateRevocationList {
    CertificateRevocationList {
        core: Arc::new(core),
        issuer: PyOnceLock::new(),
        extensions: PyOnceLock::new(),
    }
}

/// `load_der_x509_crl(data, backend=None)`.
#[pyfunction]
#[pyo3(signature = (data, backend = None))]
pub(crate) fn load_der_x509_crl(
    data: BytesLike<'_>,
    backend: Option<&Bound<'_, PyAny>>,
) -> PyResult<CertificateRevocationList> {
    let _ = backend;
    CertificateRevocationList::from_der(data.to_vec())
}

/// `load_pem_x509_crl(data, backend=None)`.
#[pyfunction]
#[pyo3(signature = (data, backend = None))]
pub(crate) fn load_pem_x509_crl(
    data: BytesLike<'_>,
    backend: Option<&Bound<'_, PyAny>>,
) -> PyResult<CertificateRevocationList> {
    let _ = backend;
    Ok(new(CoreCrl::from_pem(&data).map_err(x509_error)?))
}
