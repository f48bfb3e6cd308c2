//! `cryptography.hazmat.bindings._rust.pkcs7`: the certificates of PKCS#7 files loaded
//! and written by the X.509 core, with the reference's warnings and exceptions.

use cryptography_backend::hash::HashAlgorithm;
use cryptography_x509::pkcs7::{
    self as core, LoadedCertificates, SignOptions, SignatureScheme, SignedEncoding, Signer,
};
use cryptography_x509::X509Error;
use pyo3::exceptions::{PyTypeError, PyUserWarning, PyValueError};
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyList};

use crate::buf::BytesLike;
use crate::error::{unsupported, Reason};
use crate::serialization::Encoding;
use crate::x509::builders::is_instance;
use crate::x509::certificate::Certificate;
use crate::x509::x509_error;

fn pkcs7_error(py: Python<'_>, err: X509Error) -> PyErr {
    match err {
        // A Python error of a signing call, passed through the core.
        X509Error::Signer(inner) => match inner.downcast::<PyErr>() {
            Ok(err) => *err,
            Err(other) => PyValueError::new_err(other.to_string()),
        },
        X509Error::UnsupportedPkcs7(_) => {
            unsupported(py, err.to_string(), Reason::UnsupportedSerialization)
        }
        X509Error::UnsupportedPkcs7Algorithm(_) => {
            unsupported(py, err.to_string(), Reason::UnsupportedSerialization)
        }
        X509Error::Pkcs7BadSignature => crate::error::InvalidSignatureError::new_err(()),
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

/// A signer of the builder, converted: its certificate, hash and scheme, and the key
/// object with the padding it signs with.
struct SignerArg<'py> {
    certificate: Bound<'py, Certificate>,
    key: Bound<'py, PyAny>,
    hash_object: Bound<'py, PyAny>,
    hash: HashAlgorithm,
    scheme: SignatureScheme,
    padding: Option<Bound<'py, PyAny>>,
}

impl<'py> SignerArg<'py> {
    fn extract(py: Python<'py>, signer: &Bound<'py, PyAny>) -> PyResult<Self> {
        let (certificate, key, hash_object, padding): (
            Bound<'py, Certificate>,
            Bound<'py, PyAny>,
            Bound<'py, PyAny>,
            Option<Bound<'py, PyAny>>,
        ) = signer.extract()?;
        let hash = crate::hashes::hash_algorithm(py, &hash_object)?;
        let scheme = if is_instance(&key, "rsa", "RSAPrivateKey")? {
            match &padding {
                Some(padding) if is_instance(padding, "padding", "PSS")? => {
                    let mgf1 = padding
                        .getattr(intern!(py, "_mgf"))?
                        .getattr(intern!(py, "_algorithm"))?;
                    SignatureScheme::RsaPss {
                        mgf1_hash: crate::hashes::hash_algorithm(py, &mgf1)?,
                        salt_length: crate::x509::builders::pss_salt_length(
                            py,
                            &key,
                            &hash_object,
                            padding,
                        )?,
                    }
                }
                _ => SignatureScheme::RsaPkcs1v15,
            }
        } else if is_instance(&key, "ec", "EllipticCurvePrivateKey")? {
            SignatureScheme::Ecdsa
        } else {
            SignatureScheme::Ed25519
        };
        Ok(SignerArg {
            certificate,
            key,
            hash_object,
            hash,
            scheme,
            padding,
        })
    }

    /// The key's signature over `data`, as the key's own `sign` makes it.
    fn sign(&self, data: &[u8]) -> PyResult<Vec<u8>> {
        let py = self.key.py();
        let data = PyBytes::new(py, data);
        let signature = match self.scheme {
            SignatureScheme::RsaPkcs1v15 | SignatureScheme::RsaPss { .. } => {
                let padding = match &self.padding {
                    Some(padding) => padding.clone(),
                    None => crate::types::ASYMMETRIC_PADDING
                        .get(py)?
                        .getattr(intern!(py, "PKCS1v15"))?
                        .call0()?,
                };
                self.key
                    .call_method1(intern!(py, "sign"), (data, padding, &self.hash_object))?
            }
            SignatureScheme::Ecdsa => {
                let ecdsa = crate::types::ECDSA.get(py)?.call1((&self.hash_object,))?;
                self.key.call_method1(intern!(py, "sign"), (data, ecdsa))?
            }
            SignatureScheme::Ed25519 => self.key.call_method1(intern!(py, "sign"), (data,))?,
        };
        signature.extract()
    }
}

/// `sign_and_serialize(builder, encoding, options)`: the builder's data signed by its
/// signers, written as DER, PEM or S/MIME.
#[pyfunction]
pub(crate) fn sign_and_serialize<'py>(
    py: Python<'py>,
    builder: &Bound<'py, PyAny>,
    encoding: &Bound<'py, PyAny>,
    options: &Bound<'py, PyList>,
) -> PyResult<Bound<'py, PyBytes>> {
    let encoding = encoding_of(encoding)?;
    let mut flags = SignOptions::default();
    for name in option_names(py, options)? {
        match name.as_str() {
            "Text" => flags.text = true,
            "Binary" => flags.binary = true,
            "DetachedSignature" => flags.detached = true,
            "NoCapabilities" => flags.no_capabilities = true,
            "NoAttributes" => flags.no_attributes = true,
            "NoCerts" => flags.no_certs = true,
            _ => {
                return Err(PyValueError::new_err(
                    "options must be from the PKCS7Options enum",
                ))
            }
        }
    }
    // No data can only come with no signers (the Python layer checks), which the core
    // refuses first.
    let data_object = builder.getattr(intern!(py, "_data"))?;
    let data: Option<BytesLike<'_>> = data_object.extract()?;
    let data: &[u8] = data.as_deref().unwrap_or_default();
    let signer_args = builder
        .getattr(intern!(py, "_signers"))?
        .try_iter()?
        .map(|signer| SignerArg::extract(py, &signer?))
        .collect::<PyResult<Vec<_>>>()?;
    let additional: Vec<Bound<'py, Certificate>> = builder
        .getattr(intern!(py, "_additional_certs"))?
        .extract()?;
    // The core's signing calls return its (large) error type; they run once per signer.
    #[allow(clippy::result_large_err)]
    let mut signers: Vec<Signer<'_>> = signer_args
        .iter()
        .map(|signer| Signer {
            certificate: signer.certificate.get().core(),
            hash: signer.hash,
            scheme: signer.scheme,
            sign: Box::new(move |bytes: &[u8]| {
                signer
                    .sign(bytes)
                    .map_err(|err| X509Error::Signer(Box::new(err)))
            }),
        })
        .collect();
    let additional: Vec<_> = additional.iter().map(|cert| cert.get().core()).collect();
    let now = crate::x509::utc_datetime(&crate::x509::now_utc(py)?)?;
    let signed = core::sign(data, &mut signers, &additional, encoding, flags, now)
        .map_err(|err| pkcs7_error(py, err))?;
    Ok(PyBytes::new(py, &signed))
}

fn encoding_of(encoding: &Bound<'_, PyAny>) -> PyResult<SignedEncoding> {
    match encoding.extract::<Encoding>() {
        Ok(Encoding::DER) => Ok(SignedEncoding::Der),
        Ok(Encoding::PEM) => Ok(SignedEncoding::Pem),
        Ok(Encoding::SMIME) => Ok(SignedEncoding::Smime),
        _ => Err(PyValueError::new_err(
            "Must be PEM, DER, or SMIME from the Encoding enum",
        )),
    }
}

/// The names of the PKCS7Options given, each checked to be one.
fn option_names(py: Python<'_>, options: &Bound<'_, PyList>) -> PyResult<Vec<String>> {
    let class = crate::types::PKCS7_MODULE
        .get(py)?
        .getattr(intern!(py, "PKCS7Options"))?;
    options
        .iter()
        .map(|option| {
            if !option.is_instance(&class)? {
                return Err(PyValueError::new_err(
                    "options must be from the PKCS7Options enum",
                ));
            }
            option.getattr(intern!(py, "name"))?.extract()
        })
        .collect()
}

/// `encrypt_and_serialize(builder, content_encryption_algorithm, encoding, options)`:
/// the builder's data enveloped for its recipients.
#[pyfunction]
pub(crate) fn encrypt_and_serialize<'py>(
    py: Python<'py>,
    builder: &Bound<'py, PyAny>,
    content_encryption_algorithm: &Bound<'py, PyAny>,
    encoding: &Bound<'py, PyAny>,
    options: &Bound<'py, PyList>,
) -> PyResult<Bound<'py, PyBytes>> {
    let encoding = encoding_of(encoding)?;
    let mut flags = core::EnvelopeOptions::default();
    for name in option_names(py, options)? {
        match name.as_str() {
            "Text" => flags.text = true,
            "Binary" => flags.binary = true,
            _ => {
                return Err(PyValueError::new_err(
                    "Only the following options are supported for encryption: Text, Binary",
                ))
            }
        }
    }
    let key_size: usize = content_encryption_algorithm
        .getattr(intern!(py, "key_size"))?
        .extract()?;
    let cipher = core::ContentCipher::from_key_bits(key_size).map_err(x509_error)?;
    let data_object = builder.getattr(intern!(py, "_data"))?;
    let data: BytesLike<'_> = data_object.extract()?;
    let recipients: Vec<Bound<'py, Certificate>> =
        builder.getattr(intern!(py, "_recipients"))?.extract()?;
    let recipients: Vec<_> = recipients.iter().map(|cert| cert.get().core()).collect();
    let enveloped = core::envelope(&data, &recipients, cipher, encoding, flags)
        .map_err(|err| pkcs7_error(py, err))?;
    Ok(PyBytes::new(py, &enveloped))
}

/// The part of decryption every encoding shares: the arguments checked as the
/// reference checks them, then the core's decryption with the key object recovering
/// the content key.
fn decrypt<'py>(
    py: Python<'py>,
    der: &[u8],
    certificate: &Bound<'py, PyAny>,
    private_key: &Bound<'py, PyAny>,
    options: &Bound<'py, PyList>,
) -> PyResult<Bound<'py, PyBytes>> {
    let certificate = certificate.cast::<Certificate>()?;
    let public_key = certificate.call_method0(intern!(py, "public_key"))?;
    if !is_instance(&public_key, "rsa", "RSAPublicKey")? {
        return Err(PyTypeError::new_err(
            "Only certificate with RSA public keys are supported at this time.",
        ));
    }
    if !is_instance(private_key, "rsa", "RSAPrivateKey")? {
        return Err(PyTypeError::new_err(
            "Only RSA private keys are supported at this time.",
        ));
    }
    let mut text = false;
    for name in option_names(py, options)? {
        if name != "Text" {
            return Err(PyValueError::new_err(
                "Only the following options are supported for decryption: Text",
            ));
        }
        text = true;
    }
    let pkcs1v15 = crate::types::ASYMMETRIC_PADDING
        .get(py)?
        .getattr(intern!(py, "PKCS1v15"))?
        .call0()?;
    // A ValueError of the key's decryption is what a tampered key gives: it becomes "no
    // key" for the core, which then fails as any wrong key does. Other errors are the
    // key object's own and go back to the caller. (The core's error type is large; the
    // call runs once.)
    #[allow(clippy::result_large_err)]
    let mut decrypt_key =
        |encrypted: &[u8]| -> cryptography_x509::X509Result<Option<zeroize::Zeroizing<Vec<u8>>>> {
            match private_key.call_method1(
                intern!(py, "decrypt"),
                (PyBytes::new(py, encrypted), &pkcs1v15),
            ) {
                Ok(key) => Ok(key.extract::<Vec<u8>>().ok().map(zeroize::Zeroizing::new)),
                Err(err) if err.is_instance_of::<PyValueError>(py) => Ok(None),
                Err(err) => Err(X509Error::Signer(Box::new(err))),
            }
        };
    let plain = core::decrypt(der, certificate.get().core(), &mut decrypt_key, text)
        .map_err(|err| pkcs7_error(py, err))?;
    Ok(PyBytes::new(py, &plain))
}

/// `decrypt_der(data, certificate, private_key, options)`.
#[pyfunction]
pub(crate) fn decrypt_der<'py>(
    py: Python<'py>,
    data: BytesLike<'_>,
    certificate: &Bound<'py, PyAny>,
    private_key: &Bound<'py, PyAny>,
    options: &Bound<'py, PyList>,
) -> PyResult<Bound<'py, PyBytes>> {
    decrypt(py, &data, certificate, private_key, options)
}

/// `decrypt_pem(data, certificate, private_key, options)`: the first PEM block, which
/// must be labelled PKCS7.
#[pyfunction]
pub(crate) fn decrypt_pem<'py>(
    py: Python<'py>,
    data: BytesLike<'_>,
    certificate: &Bound<'py, PyAny>,
    private_key: &Bound<'py, PyAny>,
    options: &Bound<'py, PyList>,
) -> PyResult<Bound<'py, PyBytes>> {
    let der = core::pem_der(&data).map_err(x509_error)?;
    decrypt(py, &der, certificate, private_key, options)
}

/// `decrypt_smime(data, certificate, private_key, options)`: the DER of an S/MIME
/// application/pkcs7-mime message.
#[pyfunction]
pub(crate) fn decrypt_smime<'py>(
    py: Python<'py>,
    data: BytesLike<'_>,
    certificate: &Bound<'py, PyAny>,
    private_key: &Bound<'py, PyAny>,
    options: &Bound<'py, PyList>,
) -> PyResult<Bound<'py, PyBytes>> {
    let der = core::smime_enveloped_der(&data).map_err(|err| pkcs7_error(py, err))?;
    decrypt(py, &der, certificate, private_key, options)
}

/// The signers' certificates of a verified SignedData, as Python objects.
fn verified_signers<'py>(
    py: Python<'py>,
    signature: &[u8],
    content: Option<&[u8]>,
    certificates: Option<Vec<Bound<'py, Certificate>>>,
) -> PyResult<Bound<'py, PyList>> {
    let given = certificates.unwrap_or_default();
    let given: Vec<_> = given.iter().map(|cert| cert.get().core()).collect();
    let signers = core::verify(signature, content, &given).map_err(|err| pkcs7_error(py, err))?;
    let list = PyList::empty(py);
    for signer in signers {
        list.append(Certificate::from_core(py, signer)?)?;
    }
    Ok(list)
}

/// `pkcs7_verify_der(signature, content=None, certificates=None)`: an addition; see
/// the Python module.
#[pyfunction]
#[pyo3(signature = (signature, content = None, certificates = None))]
pub(crate) fn verify_der<'py>(
    py: Python<'py>,
    signature: BytesLike<'_>,
    content: Option<BytesLike<'_>>,
    certificates: Option<Vec<Bound<'py, Certificate>>>,
) -> PyResult<Bound<'py, PyList>> {
    verified_signers(py, &signature, content.as_deref(), certificates)
}

/// `pkcs7_verify_pem(signature, content=None, certificates=None)`.
#[pyfunction]
#[pyo3(signature = (signature, content = None, certificates = None))]
pub(crate) fn verify_pem<'py>(
    py: Python<'py>,
    signature: BytesLike<'_>,
    content: Option<BytesLike<'_>>,
    certificates: Option<Vec<Bound<'py, Certificate>>>,
) -> PyResult<Bound<'py, PyList>> {
    let der = core::pem_der(&signature).map_err(x509_error)?;
    verified_signers(py, &der, content.as_deref(), certificates)
}

/// `pkcs7_verify_smime(message, certificates=None)`.
#[pyfunction]
#[pyo3(signature = (message, certificates = None))]
pub(crate) fn verify_smime<'py>(
    py: Python<'py>,
    message: BytesLike<'_>,
    certificates: Option<Vec<Bound<'py, Certificate>>>,
) -> PyResult<Bound<'py, PyList>> {
    let parts = core::smime_signed_parts(&message).map_err(|err| pkcs7_error(py, err))?;
    verified_signers(py, &parts.signature, parts.content.as_deref(), certificates)
}
