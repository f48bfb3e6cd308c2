//! `cryptography.hazmat.bindings._rust.pkcs7`: the certificates of PKCS#7 files loaded
//! and written by the X.509 core, with the reference's warnings and exceptions.

use cryptography_x509::pkcs7::{self as core, LoadedCertificates};
use cryptography_x509::X509Error;
use pyo3::exceptions::{PyTypeError, PyUserWarning};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyList};

use crate::buf::BytesLike;
use crate::error::{unsupported, Reason};
use crate::serialization::Encoding;
use crate::x509::certificate::Certificate;
use crate::x509::x509_error;

fn pkcs7_error(py: Python<'_>, err: X509Error) -> PyErr {
    match err {
        X509Error::UnsupportedPkcs7(_) => {
            unsupported(py, err.to_string(), Reason::UnsupportedSerialization)
        }
        other => x509_error(other),
    }
}

/// The loaded certificates as Python objects, after the reference's warning for a file
/// that only BER reads.
fn certificate_list<'py>(
    py: Python<'py>,
    loaded: Result<LoadedCertificates, X509Error>,
) -> PyResult<Bound<'py, PyList>> {
    let loaded = loaded.map_err(|err| pkcs7_error(py, err))?;
    if let Some(reason) = loaded.not_der {
        let message = format!(
            "PKCS#7 certificates could not be parsed as DER, falling back to parsing as BER. \
             In the future, this may become an exception. Error details: ValueError: {reason}"
        );
        PyErr::warn(
            py,
            &py.get_type::<PyUserWarning>(),
            &std::ffi::CString::new(message)?,
            1,
        )?;
    }
    let list = PyList::empty(py);
    for certificate in loaded.certificates {
        list.append(Certificate::from_core(py, certificate)?)?;
    }
    Ok(list)
}

/// `load_der_pkcs7_certificates(data)`.
#[pyfunction]
pub(crate) fn load_der_pkcs7_certificates<'py>(
    py: Python<'py>,
    data: BytesLike<'_>,
) -> PyResult<Bound<'py, PyList>> {
    certificate_list(py, core::load_der_certificates(&data))
}

/// `load_pem_pkcs7_certificates(data)`.
#[pyfunction]
pub(crate) fn load_pem_pkcs7_certificates<'py>(
    py: Python<'py>,
    data: BytesLike<'_>,
) -> PyResult<Bound<'py, PyList>> {
    certificate_list(py, core::load_pem_certificates(&data))
}

/// `serialize_certificates(certs, encoding)`: a certs-only SignedData, DER or PEM.
#[pyfunction]
pub(crate) fn serialize_certificates<'py>(
    py: Python<'py>,
    py_certs: Vec<Bound<'py, Certificate>>,
    encoding: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyBytes>> {
    if py_certs.is_empty() {
        return Err(PyTypeError::new_err(
            "certs must be a list of certs with length >= 1",
        ));
    }
    let pem = match encoding.extract::<Encoding>() {
        Ok(Encoding::PEM) => true,
        Ok(Encoding::DER) => false,
        _ => {
            return Err(PyTypeError::new_err(
                "encoding must be Encoding.DER or Encoding.PEM",
            ))
        }
    };
    let certificates: Vec<_> = py_certs.iter().map(|cert| cert.get().core()).collect();
    let der = core::serialize_certificates(&certificates).map_err(x509_error)?;
    Ok(PyBytes::new(
        py,
        &if pem {
            cryptography_keys::armor::encode(core::PEM_LABEL, &der, &[])
        } else {
            der
        },
    ))
}
