//! `_rust.test_support`: what the reference's test suite reads below the public API
//! (the string tags of a certificate's names and the types of its times).

use cryptography_asn1::certificate::Time;
use cryptography_asn1::name::Name;
use pyo3::prelude::*;
use pyo3::types::PyBytes;

#[pyclass(module = "cryptography.hazmat.bindings._rust.test_support", frozen)]
pub(crate) struct TestCertificate {
    #[pyo3(get)]
    not_before_tag: u8,
    #[pyo3(get)]
    not_after_tag: u8,
    issuer_value_tags: Vec<u8>,
    subject_value_tags: Vec<u8>,
}

#[pymethods]
impl TestCertificate {
    #[getter]
    fn issuer_value_tags<'py>(&self, py: Python<'py>) -> Bound<'py, PyBytes> {
        PyBytes::new(py, &self.issuer_value_tags)
    }

    #[getter]
    fn subject_value_tags<'py>(&self, py: Python<'py>) -> Bound<'py, PyBytes> {
        PyBytes::new(py, &self.subject_value_tags)
    }
}

fn time_tag(time: &Time) -> u8 {
    match time {
        Time::UtcTime(_) => 0x17,
        Time::GeneralizedTime(_) => 0x18,
    }
}

fn value_tags(name: &Name<'_>) -> Vec<u8> {
    let mut tags = Vec::new();
    if let Some(rdns) = name.read() {
        for rdn in rdns.clone() {
            if let Some(attributes) = rdn.read() {
                for attribute in attributes.clone() {
                    tags.push(attribute.value.0.tag.as_u8().unwrap_or(0));
                }
            }
        }
    }
    tags
}

/// `test_parse_certificate(data)`: the tags of a DER certificate's times and name values.
#[pyfunction]
pub(crate) fn test_parse_certificate(data: &[u8]) -> PyResult<TestCertificate> {
    let certificate = asn1::parse_single::<cryptography_asn1::certificate::Certificate<'_>>(data)
        .map_err(|err| super::x509_error(err.into()))?;
    let tbs = &certificate.tbs_certificate;
    Ok(TestCertificate {
        not_before_tag: time_tag(&tbs.validity.not_before),
        not_after_tag: time_tag(&tbs.validity.not_after),
        issuer_value_tags: value_tags(&tbs.issuer),
        subject_value_tags: value_tags(&tbs.subject),
    })
}

/// `pkcs7_verify(encoding, sig, msg, certs, options)`: OpenSSL's check of a PKCS#7
/// signature, for the test suites; raises `ValueError` with OpenSSL's reasons when the
/// signature does not verify.
#[pyfunction]
pub(crate) fn pkcs7_verify(
    encoding: &Bound<'_, PyAny>,
    sig: &[u8],
    msg: Option<crate::buf::BytesLike<'_>>,
    certs: Vec<Bound<'_, crate::x509::certificate::Certificate>>,
    options: &Bound<'_, pyo3::types::PyList>,
) -> PyResult<()> {
    use cryptography_backend::pkcs7::{openssl_verify, SignatureForm};
    let form = match encoding.extract::<crate::serialization::Encoding>()? {
        crate::serialization::Encoding::DER => SignatureForm::Der,
        crate::serialization::Encoding::PEM => SignatureForm::Pem,
        _ => SignatureForm::Smime,
    };
    let mut text = false;
    for option in options.iter() {
        text |= option.getattr("name")?.extract::<String>()? == "Text";
    }
    let certificates: Vec<&[u8]> = certs.iter().map(|cert| cert.get().core().der()).collect();
    openssl_verify(sig, form, msg.as_deref(), &certificates, text)
        .map_err(pyo3::exceptions::PyValueError::new_err)
}

/// `pkcs7_openssl_decrypt(der, certificate, private_key_pkcs8)`: OpenSSL's reading of
/// an EnvelopedData, for the test suites.
#[pyfunction]
pub(crate) fn pkcs7_openssl_decrypt<'py>(
    py: Python<'py>,
    der: &[u8],
    certificate: Bound<'py, crate::x509::certificate::Certificate>,
    private_key_pkcs8: &[u8],
) -> PyResult<Bound<'py, PyBytes>> {
    let plain = cryptography_backend::pkcs7::openssl_decrypt(
        der,
        certificate.get().core().der(),
        private_key_pkcs8,
    )
    .map_err(pyo3::exceptions::PyValueError::new_err)?;
    Ok(PyBytes::new(py, &plain))
}

/// `pkcs7_openssl_encrypt(content, certificate, key_bits)`: OpenSSL's EnvelopedData of
/// `content` for one certificate, for the test suites.
#[pyfunction]
pub(crate) fn pkcs7_openssl_encrypt<'py>(
    py: Python<'py>,
    content: &[u8],
    certificate: Bound<'py, crate::x509::certificate::Certificate>,
    key_bits: u32,
) -> PyResult<Bound<'py, PyBytes>> {
    let der = cryptography_backend::pkcs7::openssl_encrypt(
        content,
        certificate.get().core().der(),
        key_bits,
    )
    .map_err(pyo3::exceptions::PyValueError::new_err)?;
    Ok(PyBytes::new(py, &der))
}
