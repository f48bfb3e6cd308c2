//! `CertificateSigningRequest` and its loaders, over the core's `Csr`.

use cryptography_asn1::certificate::Extensions as DerExtensions;
use cryptography_x509::csr::Csr as CoreCsr;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBytes, PyList};

use super::{name::field_name_to_python, x509_error};
use crate::buf::BytesLike;
use crate::error::CryptoResult;
use crate::oid::ObjectIdentifier;

/// PKCS#9 extensionRequest (RFC 2985 section 5.4.2).
const EXTENSION_REQUEST: asn1::ObjectIdentifier = asn1::oid!(1, 2, 840, 113549, 1, 9, 14);

#[pyclass(
    module = "cryptography.hazmat.bindings._rust.x509",
    name = "CertificateSigningRequest",
    frozen
)]
pub(crate) struct CertificateSigningRequest {
    core: CoreCsr,
    subject: PyOnceLock<Py<PyAny>>,
    extensions: PyOnceLock<Py<PyAny>>,
}

fn only_single_valued() -> PyErr {
    PyValueError::new_err("Only single-valued attributes are supported")
}

#[pymethods]
impl CertificateSigningRequest {
    #[getter]
    fn subject<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let subject = self.subject.get_or_try_init(py, || {
            Ok::<_, PyErr>(
                field_name_to_python(py, &self.core.parsed().info.subject, "subject")?.unbind(),
            )
        })?;
        Ok(subject.bind(py).clone())
    }

    fn public_key<'py>(&self, py: Python<'py>) -> CryptoResult<Bound<'py, PyAny>> {
        let spki = asn1::write_single(&self.core.parsed().info.spki)
            .map_err(|err| x509_error(err.into()))?;
        let key = cryptography_keys::load_der_public_key(&spki)?;
        Ok(crate::serialization::public_key_object(py, key)?)
    }

    #[getter]
    fn public_key_algorithm_oid(&self) -> ObjectIdentifier {
        ObjectIdentifier::from_oid(self.core.parsed().info.spki.algorithm.oid().clone())
    }

    #[getter]
    fn signature<'py>(&self, py: Python<'py>) -> Bound<'py, PyBytes> {
        PyBytes::new(py, self.core.parsed().signature.as_bytes())
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
    fn tbs_certrequest_bytes<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyBytes>> {
        let info = self.core.info_der().map_err(x509_error)?;
        Ok(PyBytes::new(py, &info))
    }

    /// Whether the request's own key verifies its signature (False, not an error, for
    /// a bad signature or an algorithm that is not checked).
    #[getter]
    fn is_signature_valid(&self, py: Python<'_>) -> PyResult<bool> {
        let key = self.public_key(py)?;
        let info = self.core.info_der().map_err(x509_error)?;
        let parsed = self.core.parsed();
        super::signature_holds(
            py,
            &key,
            &parsed.signature_algorithm,
            parsed.signature.as_bytes(),
            &info,
        )
    }

    #[getter]
    fn attributes<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let attribute_class = crate::types::X509_MODULE.get(py)?.getattr("Attribute")?;
        let list = PyList::empty(py);
        if let Some(read) = self.core.parsed().info.attributes.read() {
            for attribute in read.clone() {
                let values: Vec<_> = attribute
                    .values
                    .read()
                    .map(|set| set.clone().collect())
                    .unwrap_or_default();
                let [value] = values.as_slice() else {
                    return Err(only_single_valued());
                };
                if value.tag.value() >= 31 {
                    return Err(PyValueError::new_err(
                        "Long-form tags are not supported in CSR attribute values",
                    ));
                }
                let oid = Bound::new(py, ObjectIdentifier::from_oid(attribute.attribute_type))?;
                list.append(attribute_class.call1((
                    oid,
                    PyBytes::new(py, value.data),
                    value.tag.value(),
                ))?)?;
            }
        }
        crate::types::X509_MODULE
            .get(py)?
            .getattr("Attributes")?
            .call1((list,))
    }

    #[getter]
    fn extensions<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let extensions = self.extensions.get_or_try_init(py, || {
            let mut requested: Option<&[u8]> = None;
            if let Some(read) = self.core.parsed().info.attributes.read() {
                for attribute in read.clone() {
                    if attribute.attribute_type != EXTENSION_REQUEST {
                        continue;
                    }
                    let values: Vec<_> = attribute
                        .values
                        .read()
                        .map(|set| set.clone().collect())
                        .unwrap_or_default();
                    let [value] = values.as_slice() else {
                        return Err(only_single_valued());
                    };
                    requested = Some(value.data);
                }
            }
            let object = match requested {
                None => super::extension_objects::extensions_object(
                    py,
                    None,
                    super::extension_objects::Context::Request,
                )?,
                Some(content) => {
                    // The value is a SEQUENCE OF Extension: rebuild its TLV to parse it.
                    let mut der = vec![0x30];
                    push_length(&mut der, content.len());
                    der.extend_from_slice(content);
                    // A value that does not parse is reported as the reference reports
                    // it (cryptography-vectors' x509/requests/freeipa-bad-critical.pem).
                    let parsed = asn1::parse_single::<DerExtensions<'_>>(&der)
                        .map_err(|_| only_single_valued())?;
                    super::extension_objects::extensions_object(
                        py,
                        Some(&parsed),
                        super::extension_objects::Context::Request,
                    )?
                }
            };
            Ok::<_, PyErr>(object.unbind())
        })?;
        Ok(extensions.bind(py).clone())
    }

    fn public_bytes<'py>(
        &self,
        py: Python<'py>,
        encoding: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyBytes>> {
        super::der_or_pem(py, encoding, self.core.der(), "CERTIFICATE REQUEST")
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        match other.cast::<CertificateSigningRequest>() {
            Ok(other) => self.core.der() == other.get().core.der(),
            Err(_) => false,
        }
    }

    fn __hash__(&self) -> u64 {
        super::der_hash(self.core.der())
    }
}

/// A DER length.
fn push_length(out: &mut Vec<u8>, length: usize) {
    if length < 0x80 {
        out.push(length as u8);
        return;
    }
    let bytes = length.to_be_bytes();
    let skip = bytes.iter().take_while(|&&byte| byte == 0).count();
    out.push(0x80 | (bytes.len() - skip) as u8);
    out.extend_from_slice(&bytes[skip..]);
}

impl CertificateSigningRequest {
    /// A request the package built.
    pub(crate) fn from_core(core: CoreCsr) -> Self {
        new(core)
    }

    /// A request read from its DER.
    pub(crate) fn from_der(der: Vec<u8>) -> PyResult<Self> {
        Ok(new(CoreCsr::from_der(der).map_err(x509_error)?))
    }

    pub(crate) fn der(&self) -> &[u8] {
        self.core.der()
    }
}

fn new(core: CoreCsr) -> CertificateSigningRequest {
    CertificateSigningRequest {
        core,
        subject: PyOnceLock::new(),
        extensions: PyOnceLock::new(),
    }
}

/// `load_der_x509_csr(data, backend=None)`.
#[pyfunction]
#[pyo3(signature = (data, backend = None))]
pub(crate) fn load_der_x509_csr(
    data: BytesLike<'_>,
    backend: Option<&Bound<'_, PyAny>>,
) -> PyResult<CertificateSigningRequest> {
    let _ = backend;
    CertificateSigningRequest::from_der(data.to_vec())
}

/// `load_pem_x509_csr(data, backend=None)`.
#[pyfunction]
#[pyo3(signature = (data, backend = None))]
pub(crate) fn load_pem_x509_csr(
    data: BytesLike<'_>,
    backend: Option<&Bound<'_, PyAny>>,
) -> PyResult<CertificateSigningRequest> {
    let _ = backend;
    Ok(new(CoreCsr::from_pem(&data).map_err(x509_error)?))
}
