//! `OCSPRequest`, `OCSPResponse` and `OCSPSingleResponse`, their loaders and the
//! builders' encoders, over the core's `ocsp` module (`_rust.ocsp`).

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use cryptography_asn1::certificate::Certificate as DerCertificate;
use cryptography_asn1::ocsp as der;
use cryptography_asn1::read_or_built::ReadOrBuilt;
use cryptography_asn1::AlgorithmIdentifier;
use cryptography_x509::ocsp::{self as core, Request as CoreRequest, Response as CoreResponse};
use cryptography_x509::signature::REASONS;
use pyo3::exceptions::PyValueError;
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBytes, PyList};

use super::certificate::Certificate;
use super::extension_objects::{extensions_object, Context};
use super::{datetime, hash_object, warn_naive, x509_error};
use crate::buf::BytesLike;
use crate::error::{unsupported_plain, CryptoResult};
use crate::oid::ObjectIdentifier;

fn ocsp_module(py: Python<'_>) -> PyResult<&Bound<'_, PyModule>> {
    crate::types::OCSP_MODULE.get(py)
}

/// A request's or response's `public_bytes(encoding)`: DER is their only encoding.
fn der_only<'py>(
    py: Python<'py>,
    encoding: &Bound<'py, PyAny>,
    der: &[u8],
) -> PyResult<Bound<'py, PyBytes>> {
    use crate::serialization::Encoding;
    match super::encoding_argument(encoding)? {
        Encoding::DER => Ok(PyBytes::new(py, der)),
        _ => Err(PyValueError::new_err(
            "The only allowed encoding value is Encoding.DER",
        )),
    }
}

/// The hash object a CertID names; a hash the package does not have is unsupported.
fn cert_id_hash_object<'py>(
    py: Python<'py>,
    cert_id: &der::CertId<'_>,
) -> PyResult<Bound<'py, PyAny>> {
    let oid = cert_id.hash_algorithm.oid();
    hash_object(py, oid)?.ok_or_else(|| {
        unsupported_plain(py, format!("Signature algorithm OID: {oid} not recognized"))
    })
}

#[pyclass(
    module = "cryptography.hazmat.bindings._rust.ocsp",
    name = "OCSPRequest",
    frozen
)]
pub(crate) struct OcspRequest {
    core: CoreRequest,
    extensions: PyOnceLock<Py<PyAny>>,
}

#[pymethods]
impl OcspRequest {
    #[getter]
    fn issuer_key_hash<'py>(&self, py: Python<'py>) -> Bound<'py, PyBytes> {
        PyBytes::new(py, self.core.cert_id().issuer_key_hash)
    }

    #[getter]
    fn issuer_name_hash<'py>(&self, py: Python<'py>) -> Bound<'py, PyBytes> {
        PyBytes::new(py, self.core.cert_id().issuer_name_hash)
    }

    #[getter]
    fn hash_algorithm<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        cert_id_hash_object(py, self.core.cert_id())
    }

    #[getter]
    fn serial_number<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        super::int_from_der(py, self.core.cert_id().serial_number.as_bytes(), true)
    }

    #[getter]
    fn extensions<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let extensions = self.extensions.get_or_try_init(py, || {
            let tbs = &self.core.parsed().tbs_request;
            Ok::<_, PyErr>(
                extensions_object(py, tbs.request_extensions.as_ref(), Context::OcspRequest)?
                    .unbind(),
            )
        })?;
        Ok(extensions.bind(py).clone())
    }

    fn public_bytes<'py>(
        &self,
        py: Python<'py>,
        encoding: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyBytes>> {
        der_only(py, encoding, self.core.der())
    }
}

/// `load_der_ocsp_request(data)`.
#[pyfunction]
pub(crate) fn load_der_ocsp_request(data: BytesLike<'_>) -> PyResult<OcspRequest> {
    Ok(OcspRequest {
        core: CoreRequest::from_der(data.to_vec()).map_err(ocsp_error)?,
        extensions: PyOnceLock::new(),
    })
}

/// The core's OCSP errors as the reference raises them.
fn ocsp_error(err: cryptography_x509::X509Error) -> PyErr {
    match err {
        cryptography_x509::X509Error::UnsupportedOcsp(message) => {
            pyo3::exceptions::PyNotImplementedError::new_err(message)
        }
        other => x509_error(other),
    }
}

fn not_successful() -> PyErr {
    PyValueError::new_err("OCSP response status is not successful so the property has no value")
}

/// The `#[pymethods]` of a type that reads one single response through its
/// `single()`: the single-response properties (which `OCSPResponse` and
/// `OCSPSingleResponse` share), and the type's own methods given as `$own`.
macro_rules! single_response_methods {
    ($type:ty, { $($own:tt)* }) => {
        #[pymethods]
        impl $type {
            $($own)*

            #[getter]
            fn certificate_status<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                certificate_status(py, self.single()?)
            }

            #[getter]
            fn revocation_time<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
                warn_naive(py, "revocation_time_utc")?;
                revocation_time(py, self.single()?, false)
            }

            #[getter]
            fn revocation_time_utc<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
                revocation_time(py, self.single()?, true)
            }

            #[getter]
            fn revocation_reason<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
                revocation_reason(py, self.single()?)
            }

            #[getter]
            fn this_update<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                warn_naive(py, "this_update_utc")?;
                this_update(py, self.single()?, false)
            }

            #[getter]
            fn this_update_utc<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                this_update(py, self.single()?, true)
            }

            #[getter]
            fn next_update<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
                warn_naive(py, "next_update_utc")?;
                next_update(py, self.single()?, false)
            }

            #[getter]
            fn next_update_utc<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
                next_update(py, self.single()?, true)
            }

            #[getter]
            fn issuer_key_hash<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyBytes>> {
                Ok(PyBytes::new(py, self.single()?.cert_id.issuer_key_hash))
            }

            #[getter]
            fn issuer_name_hash<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyBytes>> {
                Ok(PyBytes::new(py, self.single()?.cert_id.issuer_name_hash))
            }

            #[getter]
            fn hash_algorithm<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                cert_id_hash_object(py, &self.single()?.cert_id)
            }

            #[getter]
            fn serial_number<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                super::int_from_der(py, self.single()?.cert_id.serial_number.as_bytes(), true)
            }
        }
    };
}

#[pyclass(
    module = "cryptography.hazmat.bindings._rust.ocsp",
    name = "OCSPResponse",
    frozen
)]
pub(crate) struct OcspResponse {
    core: Arc<CoreResponse>,
    extensions: PyOnceLock<Py<PyAny>>,
    single_extensions: PyOnceLock<Py<PyAny>>,
    certificates: PyOnceLock<Py<PyAny>>,
}

impl OcspResponse {
    fn new(core: CoreResponse) -> Self {
        OcspResponse {
            core: Arc::new(core),
            extensions: PyOnceLock::new(),
            single_extensions: PyOnceLock::new(),
            certificates: PyOnceLock::new(),
        }
    }

    fn basic(&self) -> PyResult<&der::BasicOcspResponse<'_>> {
        self.core.basic().ok_or_else(not_successful)
    }

    /// The one single response the single-response properties read.
    fn single(&self) -> PyResult<&der::SingleResponse<'_>> {
        self.basic()?;
        match self.core.single_responses() {
            [single] => Ok(single),
            many => Err(PyValueError::new_err(format!(
                "OCSP response contains {} SINGLERESP structures.  Use .response_iter to iterate through them",
                many.len()
            ))),
        }
    }
}

single_response_methods!(OcspResponse, {
    #[getter]
    fn response_status<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        ocsp_module(py)?
            .getattr(intern!(py, "OCSPResponseStatus"))?
            .call1((self.core.status(),))
    }

    #[getter]
    fn signature_algorithm_oid(&self) -> PyResult<ObjectIdentifier> {
        Ok(ObjectIdentifier::from_oid(
            self.basic()?.signature_algorithm.oid().clone(),
        ))
    }

    #[getter]
    fn signature_hash_algorithm<'py>(&self, py: Python<'py>) -> CryptoResult<Bound<'py, PyAny>> {
        let algorithm = &self.basic()?.signature_algorithm;
        super::signature::hash_algorithm(py, algorithm)
    }

    #[getter]
    fn signature<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyBytes>> {
        Ok(PyBytes::new(py, self.basic()?.signature.as_bytes()))
    }

    #[getter]
    fn tbs_response_bytes<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyBytes>> {
        let tbs = self
            .core
            .tbs_der()
            .map_err(x509_error)?
            .ok_or_else(not_successful)?;
        Ok(PyBytes::new(py, &tbs))
    }

    #[getter]
    fn certificates<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let basic = self.basic()?;
        let certificates = self.certificates.get_or_try_init(py, || {
            let list = PyList::empty(py);
            for certificate in basic
                .certs
                .as_ref()
                .and_then(|certs| certs.read())
                .cloned()
                .into_iter()
                .flatten()
            {
                let der = asn1::write_single(&certificate).map_err(|err| x509_error(err.into()))?;
                let core = cryptography_x509::Certificate::from_der(der).map_err(x509_error)?;
                list.append(Py::new(py, Certificate::from_core(py, core)?)?)?;
            }
            Ok::<_, PyErr>(list.into_any().unbind())
        })?;
        Ok(certificates.bind(py).clone())
    }

    #[getter]
    fn responder_key_hash<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyBytes>>> {
        Ok(match &self.basic()?.tbs_response_data.responder_id {
            der::ResponderId::ByKey(hash) => Some(PyBytes::new(py, hash)),
            der::ResponderId::ByName(_) => None,
        })
    }

    #[getter]
    fn responder_name<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        Ok(match &self.basic()?.tbs_response_data.responder_id {
            der::ResponderId::ByName(name) => Some(super::name::name_to_python(py, name)?),
            der::ResponderId::ByKey(_) => None,
        })
    }

    #[getter]
    fn produced_at<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        warn_naive(py, "produced_at_utc")?;
        let time = self.basic()?.tbs_response_data.produced_at.as_datetime();
        datetime(py, time, false)
    }

    #[getter]
    fn produced_at_utc<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let time = self.basic()?.tbs_response_data.produced_at.as_datetime();
        datetime(py, time, true)
    }

    #[getter]
    fn extensions<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let basic = self.basic()?;
        let extensions = self.extensions.get_or_try_init(py, || {
            let data = &basic.tbs_response_data;
            Ok::<_, PyErr>(
                extensions_object(py, data.response_extensions.as_ref(), Context::OcspResponse)?
                    .unbind(),
            )
        })?;
        Ok(extensions.bind(py).clone())
    }

    #[getter]
    fn single_extensions<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let single = self.single()?;
        let extensions = self.single_extensions.get_or_try_init(py, || {
            Ok::<_, PyErr>(
                extensions_object(
                    py,
                    single.single_extensions.as_ref(),
                    Context::OcspSingleResponse,
                )?
                .unbind(),
            )
        })?;
        Ok(extensions.bind(py).clone())
    }

    #[getter]
    fn responses(&self) -> PyResult<OcspResponseIterator> {
        self.basic()?;
        Ok(OcspResponseIterator {
            core: Arc::clone(&self.core),
            next: AtomicUsize::new(0),
        })
    }

    fn public_bytes<'py>(
        &self,
        py: Python<'py>,
        encoding: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyBytes>> {
        der_only(py, encoding, self.core.der())
    }
});

fn certificate_status<'py>(
    py: Python<'py>,
    single: &der::SingleResponse<'_>,
) -> PyResult<Bound<'py, PyAny>> {
    let value = match single.cert_status {
        der::CertStatus::Good(_) => 0,
        der::CertStatus::Revoked(_) => 1,
        der::CertStatus::Unknown(_) => 2,
    };
    ocsp_module(py)?
        .getattr(intern!(py, "OCSPCertStatus"))?
        .call1((value,))
}

fn revoked_info<'a, 'b>(single: &'b der::SingleResponse<'a>) -> Option<&'b der::RevokedInfo> {
    match &single.cert_status {
        der::CertStatus::Revoked(info) => Some(info),
        _ => None,
    }
}

fn revocation_time<'py>(
    py: Python<'py>,
    single: &der::SingleResponse<'_>,
    aware: bool,
) -> PyResult<Option<Bound<'py, PyAny>>> {
    revoked_info(single)
        .map(|info| datetime(py, info.revocation_time.as_datetime(), aware))
        .transpose()
}

fn revocation_reason<'py>(
    py: Python<'py>,
    single: &der::SingleResponse<'_>,
) -> PyResult<Option<Bound<'py, PyAny>>> {
    let Some(code) = revoked_info(single).and_then(|info| info.revocation_reason) else {
        return Ok(None);
    };
    let Some((_, _, value)) = REASONS.iter().find(|(known, _, _)| *known == code.0) else {
        return Err(PyValueError::new_err(format!(
            "Unsupported reason code: {}",
            code.0
        )));
    };
    Ok(Some(
        crate::types::X509_MODULE
            .get(py)?
            .getattr(intern!(py, "ReasonFlags"))?
            .call1((*value,))?,
    ))
}

fn this_update<'py>(
    py: Python<'py>,
    single: &der::SingleResponse<'_>,
    aware: bool,
) -> PyResult<Bound<'py, PyAny>> {
    datetime(py, single.this_update.as_datetime(), aware)
}

fn next_update<'py>(
    py: Python<'py>,
    single: &der::SingleResponse<'_>,
    aware: bool,
) -> PyResult<Option<Bound<'py, PyAny>>> {
    single
        .next_update
        .as_ref()
        .map(|time| datetime(py, time.as_datetime(), aware))
        .transpose()
}

/// `load_der_ocsp_response(data)`.
#[pyfunction]
pub(crate) fn load_der_ocsp_response(data: BytesLike<'_>) -> PyResult<OcspResponse> {
    Ok(OcspResponse::new(
        CoreResponse::from_der(data.to_vec()).map_err(ocsp_error)?,
    ))
}

/// The responses of a response, one `OCSPSingleResponse` each.
#[pyclass(
    module = "cryptography.hazmat.bindings._rust.ocsp",
    name = "OCSPResponseIterator",
    frozen
)]
pub(crate) struct OcspResponseIterator {
    core: Arc<CoreResponse>,
    next: AtomicUsize,
}

#[pymethods]
impl OcspResponseIterator {
    fn __iter__(slf: Py<Self>) -> Py<Self> {
        slf
    }

    fn __next__(&self) -> Option<OcspSingleResponse> {
        let length = self.core.single_responses().len();
        let index = self
            .next
            .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |at| {
                (at < length).then_some(at + 1)
            })
            .ok()?;
        Some(OcspSingleResponse {
            core: Arc::clone(&self.core),
            index,
        })
    }
}

#[pyclass(
    module = "cryptography.hazmat.bindings._rust.ocsp",
    name = "OCSPSingleResponse",
    frozen
)]
pub(crate) struct OcspSingleResponse {
    core: Arc<CoreResponse>,
    index: usize,
}

impl OcspSingleResponse {
    fn single(&self) -> PyResult<&der::SingleResponse<'_>> {
        self.core
            .single_responses()
            .get(self.index)
            .ok_or_else(not_successful)
    }
}

single_response_methods!(OcspSingleResponse, {});

// Building.

/// A CertID's parts, owned: the hash's OID, the two hashes and the serial's DER content.
struct OwnedCertId {
    hash: asn1::ObjectIdentifier,
    name_hash: Vec<u8>,
    key_hash: Vec<u8>,
    serial: Vec<u8>,
}

impl OwnedCertId {
    fn cert_id(&self) -> PyResult<der::CertId<'_>> {
        Ok(der::CertId {
            hash_algorithm: AlgorithmIdentifier::new(
                cryptography_asn1::AlgorithmParameters::Other(self.hash.clone(), Some(null_tlv()?)),
            ),
            issuer_name_hash: &self.name_hash,
            issuer_key_hash: &self.key_hash,
            serial_number: asn1::BigInt::new(&self.serial)
                .ok_or_else(|| PyValueError::new_err("invalid serial number"))?,
        })
    }
}

/// The NULL that follows a hash's OID in a CertID (as OpenSSL and the reference write it).
fn null_tlv() -> PyResult<asn1::Tlv<'static>> {
    asn1::parse_single::<asn1::Tlv<'static>>(b"\x05\x00").map_err(|err| x509_error(err.into()))
}

/// The hash `algorithm` (a Python hash object) names for a CertID.
fn cert_id_algorithm(
    algorithm: &Bound<'_, PyAny>,
) -> PyResult<(
    cryptography_backend::hash::HashAlgorithm,
    asn1::ObjectIdentifier,
)> {
    let name: String = algorithm
        .getattr(intern!(algorithm.py(), "name"))?
        .extract()?;
    core::cert_id_hash(&name).ok_or_else(|| {
        PyValueError::new_err("Algorithm must be SHA1, SHA224, SHA256, SHA384, or SHA512")
    })
}

/// A CertID from the Python tuples the builders keep: (cert, issuer, algorithm) or
/// (issuer_name_hash, issuer_key_hash, serial_number, algorithm).
fn owned_cert_id(
    by_certificate: Option<Bound<'_, PyAny>>,
    by_hash: Option<Bound<'_, PyAny>>,
) -> PyResult<OwnedCertId> {
    if let Some(parts) = by_certificate {
        let (cert, issuer, algorithm): (
            Bound<'_, Certificate>,
            Bound<'_, Certificate>,
            Bound<'_, PyAny>,
        ) = parts.extract()?;
        let (hash, oid) = cert_id_algorithm(&algorithm)?;
        let cert = cert.get().core();
        let issuer = issuer.get().core();
        let issuer_name = asn1::write_single(&cert.parsed().tbs_certificate.issuer)
            .map_err(|err| x509_error(err.into()))?;
        let key_bits = issuer
            .parsed()
            .tbs_certificate
            .spki
            .subject_public_key
            .as_bytes();
        let (name_hash, key_hash) =
            core::issuer_hashes(hash, &issuer_name, key_bits).map_err(x509_error)?;
        return Ok(OwnedCertId {
            hash: oid,
            name_hash,
            key_hash,
            serial: cert.parsed().tbs_certificate.serial.as_bytes().to_vec(),
        });
    }
    let parts = by_hash.ok_or_else(|| PyValueError::new_err("You must add a certificate"))?;
    let (name_hash, key_hash, serial, algorithm): (
        Vec<u8>,
        Vec<u8>,
        Bound<'_, PyAny>,
        Bound<'_, PyAny>,
    ) = parts.extract()?;
    let (_, oid) = cert_id_algorithm(&algorithm)?;
    Ok(OwnedCertId {
        hash: oid,
        name_hash,
        key_hash,
        serial: super::extensions::int_der_bytes(&serial)?,
    })
}

fn optional<'py>(value: Bound<'py, PyAny>) -> Option<Bound<'py, PyAny>> {
    (!value.is_none()).then_some(value)
}

/// `create_ocsp_request(builder)`: the builder's request, as DER loaded back.
#[pyfunction]
pub(crate) fn create_ocsp_request(builder: &Bound<'_, PyAny>) -> PyResult<OcspRequest> {
    let py = builder.py();
    let cert_id = owned_cert_id(
        optional(builder.getattr(intern!(py, "_request"))?),
        optional(builder.getattr(intern!(py, "_request_hash"))?),
    )?;
    let extension_values = super::builders::extension_values(builder)?;
    let extensions = super::builders::as_extensions(&extension_values);
    let request = der::OcspRequest {
        tbs_request: der::TbsRequest {
            version: 0,
            requestor_name: None,
            request_list: ReadOrBuilt::Built(asn1::SequenceOfWriter::new(vec![der::Request {
                req_cert: cert_id.cert_id()?,
                single_request_extensions: None,
            }])),
            request_extensions: (!extensions.is_empty())
                .then(|| ReadOrBuilt::Built(asn1::SequenceOfWriter::new(extensions))),
        },
        optional_signature: None,
    };
    let der = asn1::write_single(&request).map_err(|err| x509_error(err.into()))?;
    Ok(OcspRequest {
        core: CoreRequest::from_der(der).map_err(ocsp_error)?,
        extensions: PyOnceLock::new(),
    })
}

/// A GeneralizedTime (whole seconds) from an aware or naive (UTC) datetime.
fn generalized_time(value: &Bound<'_, PyAny>) -> PyResult<asn1::X509GeneralizedTime> {
    asn1::X509GeneralizedTime::new(super::utc_datetime(value)?)
        .map_err(|_| PyValueError::new_err("invalid time for a GeneralizedTime"))
}

/// `create_ocsp_response(status, builder, private_key, hash_algorithm)`: an unsuccessful
/// response of `status` (no builder), or the builder's response signed.
#[pyfunction]
pub(crate) fn create_ocsp_response(
    py: Python<'_>,
    status: &Bound<'_, PyAny>,
    builder: &Bound<'_, PyAny>,
    private_key: &Bound<'_, PyAny>,
    hash_algorithm: &Bound<'_, PyAny>,
) -> PyResult<OcspResponse> {
    let status: u32 = status.getattr(intern!(py, "value"))?.extract()?;
    let write_error = |err: asn1::WriteError| x509_error(err.into());
    if status != core::SUCCESSFUL {
        let response = der::OcspResponse {
            response_status: der::EnumeratedValue(status),
            response_bytes: None,
        };
        let der = asn1::write_single(&response).map_err(write_error)?;
        return Ok(OcspResponse::new(
            CoreResponse::from_der(der).map_err(ocsp_error)?,
        ));
    }
    let single = builder.getattr(intern!(py, "_response"))?;
    let cert_id = owned_cert_id(
        optional(single.getattr(intern!(py, "_by_certificate"))?),
        optional(single.getattr(intern!(py, "_by_hash"))?),
    )?;
    let status_value: u32 = single
        .getattr(intern!(py, "_cert_status"))?
        .getattr(intern!(py, "value"))?
        .extract()?;
    let cert_status = match status_value {
        0 => der::CertStatus::Good(()),
        1 => {
            let reason = optional(single.getattr(intern!(py, "_revocation_reason"))?)
                .map(|reason| -> PyResult<der::EnumeratedValue> {
                    let value: String = reason.getattr(intern!(py, "value"))?.extract()?;
                    REASONS
                        .iter()
                        .find(|(_, _, known)| *known == value)
                        .map(|(code, _, _)| der::EnumeratedValue(*code))
                        .ok_or_else(|| PyValueError::new_err(format!("unknown reason {value}")))
                })
                .transpose()?;
            der::CertStatus::Revoked(der::RevokedInfo {
                revocation_time: generalized_time(
                    &single.getattr(intern!(py, "_revocation_time"))?,
                )?,
                revocation_reason: reason,
            })
        }
        _ => der::CertStatus::Unknown(()),
    };
    let this_update = generalized_time(&single.getattr(intern!(py, "_this_update"))?)?;
    let next_update = optional(single.getattr(intern!(py, "_next_update"))?)
        .map(|time| generalized_time(&time))
        .transpose()?;

    // The responder: by the subject of its certificate, or by the SHA-1 of its key.
    let (responder, encoding): (Bound<'_, Certificate>, Bound<'_, PyAny>) =
        builder.getattr(intern!(py, "_responder_id"))?.extract()?;
    let by_hash = encoding
        .getattr(intern!(py, "value"))?
        .extract::<String>()?
        == "By Hash";
    let responder_core = responder.get().core();
    let responder_tbs = &responder_core.parsed().tbs_certificate;
    // KeyHash (RFC 6960 section 4.2.1) is the key identifier of RFC 5280's method (1).
    let key_hash = if by_hash {
        let spki = asn1::write_single(&responder_tbs.spki).map_err(|err| x509_error(err.into()))?;
        Some(cryptography_x509::extensions::key_identifier(&spki).map_err(x509_error)?)
    } else {
        None
    };
    let responder_id = match &key_hash {
        Some(hash) => der::ResponderId::ByKey(hash),
        None => der::ResponderId::ByName(responder_tbs.subject.clone()),
    };

    let extension_values = super::builders::extension_values(builder)?;
    let extensions = super::builders::as_extensions(&extension_values);
    let now = produced_at(py)?;
    let data = der::ResponseData {
        version: 0,
        responder_id,
        produced_at: now,
        responses: ReadOrBuilt::Built(asn1::SequenceOfWriter::new(vec![der::SingleResponse {
            cert_id: cert_id.cert_id()?,
            cert_status,
            this_update,
            next_update,
            single_extensions: None,
        }])),
        response_extensions: (!extensions.is_empty())
            .then(|| ReadOrBuilt::Built(asn1::SequenceOfWriter::new(extensions))),
    };
    let data_der = asn1::write_single(&data).map_err(write_error)?;
    let (algorithm_der, signature) =
        super::builders::sign_detached(py, private_key, hash_algorithm, &data_der)?;
    // The responder's certificate must be the signing key's (checked after signing,
    // which refuses what is not a private key).
    let key_spki =
        super::builders::spki_der(py, &private_key.call_method0(intern!(py, "public_key"))?)?;
    let responder_spki =
        asn1::write_single(&responder_tbs.spki).map_err(|err| x509_error(err.into()))?;
    if key_spki != responder_spki {
        return Err(PyValueError::new_err(
            "Certificate public key and provided private key do not match",
        ));
    }
    let signature_algorithm = asn1::parse_single::<AlgorithmIdentifier<'_>>(&algorithm_der)
        .map_err(|err| x509_error(err.into()))?;

    let mut certs_der = Vec::new();
    if let Some(certs) = optional(builder.getattr(intern!(py, "_certs"))?) {
        for cert in certs.try_iter()? {
            let cert = cert?;
            let cert = cert.cast::<Certificate>()?;
            certs_der.push(cert.get().core().der().to_vec());
        }
    }
    let certs = certs_der
        .iter()
        .map(|der| {
            asn1::parse_single::<DerCertificate<'_>>(der).map_err(|err| x509_error(err.into()))
        })
        .collect::<PyResult<Vec<_>>>()?;
    let basic = der::BasicOcspResponse {
        tbs_response_data: data,
        signature_algorithm,
        signature: asn1::BitString::new(&signature, 0)
            .ok_or_else(|| PyValueError::new_err("invalid signature"))?,
        certs: (!certs.is_empty()).then(|| ReadOrBuilt::Built(asn1::SequenceOfWriter::new(certs))),
    };
    let basic_der = asn1::write_single(&basic).map_err(write_error)?;
    let response = der::OcspResponse {
        response_status: der::EnumeratedValue(core::SUCCESSFUL),
        response_bytes: Some(der::ResponseBytes {
            response_type: core::BASIC_RESPONSE,
            response: &basic_der,
        }),
    };
    let der = asn1::write_single(&response).map_err(write_error)?;
    Ok(OcspResponse::new(
        CoreResponse::from_der(der).map_err(ocsp_error)?,
    ))
}

/// The current time, in whole seconds, as a GeneralizedTime.
fn produced_at(py: Python<'_>) -> PyResult<asn1::X509GeneralizedTime> {
    generalized_time(&super::now_utc(py)?)
}
