//! `cryptography.hazmat.bindings._rust.pkcs12`: PKCS#12 files read (through the backend's
//! OpenSSL parser) and written (by the X.509 core), with the arguments converted and the
//! errors mapped as the reference raises them.

use cryptography_backend::pkcs12::{self as backend_pkcs12, Pkcs12Error};
use cryptography_keys::PbeScheme;
use cryptography_x509::pkcs12::{self as core, CertificateEntry, KeyEntry, Protection};
use cryptography_x509::Certificate as CoreCertificate;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyList, PyTuple};
use zeroize::Zeroizing;

use crate::asym::not_an_instance;
use crate::buf::BytesLike;
use crate::x509::certificate::Certificate;
use crate::x509::x509_error;

/// A certificate in `cas`: bare, or with its friendly name.
#[derive(FromPyObject)]
pub(crate) enum CertificateOrPKCS12Certificate<'py> {
    Certificate(Bound<'py, Certificate>),
    PKCS12Certificate(CertificateArg<'py>),
}

/// The file's contents as Python objects: the key, its certificate, the others.
struct Loaded {
    key: Option<Py<PyAny>>,
    certificate: Option<Pkcs12Certificate>,
    others: Vec<Pkcs12Certificate>,
}

fn certificate_object(
    py: Python<'_>,
    certificate: backend_pkcs12::Pkcs12Certificate,
) -> PyResult<Pkcs12Certificate> {
    let core = CoreCertificate::from_der(certificate.der).map_err(x509_error)?;
    Ok(Pkcs12Certificate {
        certificate: Bound::new(py, Certificate::from_core(py, core)?)?.unbind(),
        friendly_name: certificate
            .friendly_name
            .map(|name| PyBytes::new(py, &name).unbind()),
    })
}

fn load(py: Python<'_>, data: &[u8], password: Option<BytesLike<'_>>) -> PyResult<Loaded> {
    let password = password.map(|password| Zeroizing::new(password.to_vec()));
    let password = password.as_deref().map(|p| &p[..]);
    // DER files are read natively; whatever that reader leaves (BER, a wrong password,
    // a bag it does not take), OpenSSL reads, and its verdict is the answer.
    let (contents, native) = py.detach(|| match core::read_der(data, password) {
        Some(contents) => (Ok(contents), true),
        None => (backend_pkcs12::parse(data, password), false),
    });
    let contents = contents.map_err(|err| match err {
        Pkcs12Error::NotPkcs12 => PyValueError::new_err("Could not deserialize PKCS12 data"),
        Pkcs12Error::PasswordOrContents => PyValueError::new_err("Invalid password or PKCS12 data"),
    })?;
    let not_der = if native { None } else { core::not_der(data) };
    if let Some(reason) = not_der {
        let message = format!(
            "PKCS#12 bundle could not be parsed as DER, falling back to parsing as BER. In the \
             future, this may become an exception. Error details: {reason}"
        );
        PyErr::warn(
            py,
            &py.get_type::<pyo3::exceptions::PyUserWarning>(),
            &std::ffi::CString::new(message)?,
            1,
        )?;
    }
    let key = match &contents.key_pkcs8 {
        Some(pkcs8) => {
            let key = cryptography_keys::load_der_private_key(pkcs8, None, true)
                .map_err(crate::error::CryptoError::from)?;
            Some(crate::serialization::private_key_object(py, key)?.unbind())
        }
        None => None,
    };
    Ok(Loaded {
        key,
        certificate: contents
            .certificate
            .map(|certificate| certificate_object(py, certificate))
            .transpose()?,
        others: contents
            .others
            .into_iter()
            .map(|certificate| certificate_object(py, certificate))
            .collect::<PyResult<_>>()?,
    })
}

/// `load_key_and_certificates(data, password, backend=None)`: `(key, cert, [certs])`.
#[pyfunction]
#[pyo3(signature = (data, password, backend = None))]
pub(crate) fn load_key_and_certificates<'py>(
    py: Python<'py>,
    data: BytesLike<'_>,
    password: Option<BytesLike<'_>>,
    backend: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyTuple>> {
    let _ = backend;
    let loaded = load(py, &data, password)?;
    let others = PyList::new(py, loaded.others.iter().map(|other| &other.certificate))?;
    PyTuple::new(
        py,
        [
            loaded.key.unwrap_or_else(|| py.None()),
            loaded
                .certificate
                .map(|certificate| certificate.certificate.into_any())
                .unwrap_or_else(|| py.None()),
            others.into_any().unbind(),
        ],
    )
}

/// `load_pkcs12(data, password, backend=None)`: a `PKCS12KeyAndCertificates`.
#[pyfunction]
#[pyo3(signature = (data, password, backend = None))]
pub(crate) fn load_pkcs12<'py>(
    py: Python<'py>,
    data: BytesLike<'_>,
    password: Option<BytesLike<'_>>,
    backend: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let _ = backend;
    let loaded = load(py, &data, password)?;
    let module = crate::types::PKCS12_MODULE.get(py)?;
    let wrap = |loaded: Pkcs12Certificate| Bound::new(py, loaded);
    let certificate = loaded.certificate.map(wrap).transpose()?;
    let others = loaded
        .others
        .into_iter()
        .map(wrap)
        .collect::<PyResult<Vec<_>>>()?;
    module
        .getattr(intern!(py, "PKCS12KeyAndCertificates"))?
        .call1((loaded.key, certificate, PyList::new(py, others)?))
}

/// `PKCS12Certificate(cert, friendly_name=None)`: a certificate of a PKCS#12 file and
/// the friendly name of its bag.
#[pyclass(
    module = "cryptography.hazmat.bindings._rust.pkcs12",
    name = "PKCS12Certificate",
    frozen
)]
pub(crate) struct Pkcs12Certificate {
    #[pyo3(get)]
    certificate: Py<Certificate>,
    #[pyo3(get)]
    friendly_name: Option<Py<PyBytes>>,
}

#[pymethods]
impl Pkcs12Certificate {
    #[new]
    #[pyo3(signature = (cert, friendly_name = None))]
    fn new(cert: &Bound<'_, PyAny>, friendly_name: Option<&Bound<'_, PyAny>>) -> PyResult<Self> {
        let certificate = cert
            .cast::<Certificate>()
            .map_err(|_| not_an_instance(cert, "Certificate"))?
            .clone()
            .unbind();
        let friendly_name = friendly_name
            .map(|name| {
                name.cast::<PyBytes>()
                    .map(|name| name.clone().unbind())
                    .map_err(|_| not_an_instance(name, "bytes"))
            })
            .transpose()?;
        Ok(Pkcs12Certificate {
            certificate,
            friendly_name,
        })
    }

    fn __eq__(&self, py: Python<'_>, other: PyRef<'_, Self>) -> PyResult<bool> {
        let names_equal = match (&self.friendly_name, &other.friendly_name) {
            (Some(a), Some(b)) => a.as_bytes(py) == b.as_bytes(py),
            (None, None) => true,
            _ => false,
        };
        Ok(names_equal && self.certificate.bind(py).eq(other.certificate.bind(py))?)
    }

    fn __hash__(&self, py: Python<'_>) -> PyResult<isize> {
        crate::asym::hash_of(
            py,
            vec![
                self.certificate.clone_ref(py).into_any(),
                self.friendly_name
                    .as_ref()
                    .map_or_else(|| py.None(), |name| name.clone_ref(py).into_any()),
            ],
        )
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let name = match &self.friendly_name {
            Some(name) => name.bind(py).repr()?.to_string(),
            None => "None".to_string(),
        };
        Ok(format!(
            "<PKCS12Certificate({}, friendly_name={name})>",
            self.certificate.bind(py).str()?
        ))
    }
}

/// What `encryption_algorithm` asks for, with the password copied (and wiped after).
struct ProtectionArg {
    password: Zeroizing<Vec<u8>>,
    encrypted: bool,
    scheme: PbeScheme,
    kdf_rounds: u64,
    mac_hash: cryptography_backend::hash::HashAlgorithm,
}

impl ProtectionArg {
    fn extract(py: Python<'_>, value: &Bound<'_, PyAny>) -> PyResult<Self> {
        if !value.is_instance(crate::types::KEY_SERIALIZATION_ENCRYPTION.get(py)?)? {
            return Err(PyTypeError::new_err(
                "Key encryption algorithm must be a KeySerializationEncryption instance",
            ));
        }
        let mut protection = ProtectionArg {
            password: Zeroizing::new(Vec::new()),
            encrypted: false,
            scheme: core::DEFAULT_SCHEME,
            kdf_rounds: core::DEFAULT_KDF_ROUNDS,
            mac_hash: core::DEFAULT_MAC_HASH,
        };
        if value.is_instance(crate::types::NO_ENCRYPTION.get(py)?)? {
            return Ok(protection);
        }
        let password = || -> PyResult<Zeroizing<Vec<u8>>> {
            Ok(Zeroizing::new(
                value.getattr(intern!(py, "password"))?.extract()?,
            ))
        };
        protection.encrypted = true;
        if value.is_instance(crate::types::BEST_AVAILABLE_ENCRYPTION.get(py)?)? {
            protection.password = password()?;
            return Ok(protection);
        }
        // A builder's settings, if the builder was the PKCS#12 format's.
        let pkcs12_format = crate::types::SERIALIZATION_MODULE
            .get(py)?
            .getattr(intern!(py, "PrivateFormat"))?
            .getattr(intern!(py, "PKCS12"))?;
        let is_pkcs12_builder = value
            .getattr(intern!(py, "_format"))
            .is_ok_and(|format| format.is(&pkcs12_format));
        if !is_pkcs12_builder {
            return Err(PyValueError::new_err("Unsupported key encryption type"));
        }
        protection.password = password()?;
        let rounds = value.getattr(intern!(py, "_kdf_rounds"))?;
        if !rounds.is_none() {
            protection.kdf_rounds = rounds.extract()?;
        }
        let hash = value.getattr(intern!(py, "_hmac_hash"))?;
        if !hash.is_none() {
            protection.mac_hash = crate::hashes::hash_algorithm(py, &hash)?;
        }
        let algorithm = value.getattr(intern!(py, "_key_cert_algorithm"))?;
        if !algorithm.is_none() {
            let name: String = algorithm.getattr(intern!(py, "name"))?.extract()?;
            protection.scheme = match name.as_str() {
                "PBESv1SHA1And3KeyTripleDESCBC" => PbeScheme::Pkcs12Sha1TripleDesCbc,
                "PBESv2SHA256AndAES256CBC" => PbeScheme::Pbes2Sha256Aes256Cbc,
                _ => return Err(PyValueError::new_err("Unsupported key encryption type")),
            };
        }
        Ok(protection)
    }

    fn as_core(&self) -> Protection<'_> {
        if !self.encrypted {
            return Protection::None;
        }
        Protection::Password {
            password: &self.password,
            scheme: self.scheme,
            kdf_rounds: self.kdf_rounds,
            mac_hash: self.mac_hash,
        }
    }
}

/// A certificate given with an optional friendly name, borrowed from its objects.
pub(crate) struct CertificateArg<'py> {
    certificate: Bound<'py, Certificate>,
    friendly_name: Option<Vec<u8>>,
}

impl<'py> CertificateArg<'py> {
    fn from_pkcs12_certificate(value: &Bound<'py, PyAny>) -> PyResult<Self> {
        let py = value.py();
        let value = value
            .cast::<Pkcs12Certificate>()
            .map_err(|_| not_an_instance(value, "PKCS12Certificate"))?
            .get();
        Ok(CertificateArg {
            certificate: value.certificate.bind(py).clone(),
            friendly_name: value
                .friendly_name
                .as_ref()
                .map(|name| name.as_bytes(py).to_vec()),
        })
    }

    fn entry(&self) -> CertificateEntry<'_> {
        CertificateEntry {
            certificate: self.certificate.get().core(),
            friendly_name: self.friendly_name.as_deref(),
        }
    }
}

impl<'a, 'py> FromPyObject<'a, 'py> for CertificateArg<'py> {
    type Error = PyErr;

    fn extract(value: pyo3::Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        CertificateArg::from_pkcs12_certificate(&value.to_owned())
    }
}

fn write_error(err: cryptography_x509::X509Error) -> PyErr {
    x509_error(err)
}

/// `serialize_key_and_certificates(name, key, cert, cas, encryption_algorithm)`.
#[pyfunction]
pub(crate) fn serialize_key_and_certificates<'py>(
    py: Python<'py>,
    name: Option<&[u8]>,
    key: Option<Bound<'py, PyAny>>,
    cert: Option<Bound<'py, Certificate>>,
    cas: Option<Vec<CertificateOrPKCS12Certificate<'py>>>,
    encryption_algorithm: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyBytes>> {
    let others = cas
        .unwrap_or_default()
        .into_iter()
        .map(|ca| match ca {
            CertificateOrPKCS12Certificate::Certificate(certificate) => Ok(CertificateArg {
                certificate,
                friendly_name: None,
            }),
            CertificateOrPKCS12Certificate::PKCS12Certificate(value) => Ok(value),
        })
        .collect::<PyResult<Vec<_>>>()?;
    let protection = ProtectionArg::extract(py, encryption_algorithm)?;
    // The key's encodings, asked of the key object (any registered implementation).
    let key_encodings = match &key {
        Some(key) => {
            let serialization = crate::types::SERIALIZATION_MODULE.get(py)?;
            let encoding = serialization.getattr(intern!(py, "Encoding"))?;
            let der = encoding.getattr(intern!(py, "DER"))?;
            let pkcs8: Zeroizing<Vec<u8>> = Zeroizing::new(
                key.call_method1(
                    intern!(py, "private_bytes"),
                    (
                        &der,
                        serialization
                            .getattr(intern!(py, "PrivateFormat"))?
                            .getattr(intern!(py, "PKCS8"))?,
                        crate::types::NO_ENCRYPTION.get(py)?.call0()?,
                    ),
                )?
                .extract()?,
            );
            let spki: Vec<u8> = key
                .call_method0(intern!(py, "public_key"))?
                .call_method1(
                    intern!(py, "public_bytes"),
                    (
                        &der,
                        serialization
                            .getattr(intern!(py, "PublicFormat"))?
                            .getattr(intern!(py, "SubjectPublicKeyInfo"))?,
                    ),
                )?
                .extract()?;
            Some((pkcs8, spki))
        }
        None => None,
    };
    let entries: Vec<_> = others.iter().map(CertificateArg::entry).collect();
    let key_entry = key_encodings
        .as_ref()
        .map(|(pkcs8, spki)| KeyEntry { pkcs8, spki });
    let certificate = cert.as_ref().map(|cert| cert.get().core());
    let protection = protection.as_core();
    // The key derivations run without the interpreter; the error is boxed to leave it.
    let der = py
        .detach(|| {
            core::serialize_key_and_certificates(
                name,
                key_entry,
                certificate,
                &entries,
                &protection,
            )
            .map_err(Box::new)
        })
        .map_err(|err| write_error(*err))?;
    Ok(PyBytes::new(py, &der))
}

/// `serialize_java_truststore(certs, encryption_algorithm)`.
#[pyfunction]
pub(crate) fn serialize_java_truststore<'py>(
    py: Python<'py>,
    certs: Vec<CertificateArg<'py>>,
    encryption_algorithm: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyBytes>> {
    let certificates = certs;
    let protection = ProtectionArg::extract(py, encryption_algorithm)?;
    let entries: Vec<_> = certificates.iter().map(CertificateArg::entry).collect();
    let protection = protection.as_core();
    let der = py
        .detach(|| core::serialize_java_truststore(&entries, &protection).map_err(Box::new))
        .map_err(|err| write_error(*err))?;
    Ok(PyBytes::new(py, &der))
}
