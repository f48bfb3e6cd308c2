//! `cryptography.hazmat.bindings._rust.ssh`: OpenSSH keys and certificates, parsed,
//! checked and written by the keys crate (`cryptography_keys::ssh`); here the
//! arguments are converted, the reference's deprecation warnings for DSA raised, and the
//! errors mapped.

use cryptography_keys::ssh::{self as core, certificate, Identity};
use cryptography_keys::{request, PrivateKey, PublicKey, PublicKeyRef};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList};
use zeroize::Zeroizing;

use crate::asym::{private_key_ref, public_key_ref};
use crate::buf::BytesLike;
use crate::error::CryptoResult;
use crate::serialization::{private_key_object, public_key_object};

const DSA_KEYS_DEPRECATED: &std::ffi::CStr =
    c"SSH DSA keys are deprecated and will be removed in a future release.";

/// Warns (`CryptographyDeprecationWarning`) when an SSH key read is a DSA key.
fn warn_if_dsa(py: Python<'_>, is_dsa: bool) -> PyResult<()> {
    if is_dsa {
        crate::error::warn_deprecation(py, DSA_KEYS_DEPRECATED)?;
    }
    Ok(())
}

/// `load_ssh_private_key(data, password, backend=None, *,
/// unsafe_skip_rsa_key_validation=False)`. bcrypt_pbkdf runs without the interpreter.
#[pyfunction]
#[pyo3(signature = (data, password, backend = None, *, unsafe_skip_rsa_key_validation = false))]
pub(crate) fn load_ssh_private_key<'py>(
    py: Python<'py>,
    data: BytesLike<'_>,
    password: Option<&Bound<'py, PyAny>>,
    backend: Option<&Bound<'py, PyAny>>,
    unsafe_skip_rsa_key_validation: bool,
) -> CryptoResult<Bound<'py, PyAny>> {
    let _ = backend;
    let password = match password {
        None => None,
        Some(value) => Some(Zeroizing::new(
            value
                .cast::<PyBytes>()
                .map_err(|_| PyTypeError::new_err("password must be bytes"))?
                .as_bytes()
                .to_vec(),
        )),
    };
    let data: &[u8] = &data;
    let key = crate::interrupt::detach_interruptible(py, || {
        core::private::load(
            data,
            password.as_deref().map(|p| &p[..]),
            !unsafe_skip_rsa_key_validation,
        )
    })?;
    warn_if_dsa(py, matches!(key, PrivateKey::Dsa(_)))?;
    Ok(private_key_object(py, key)?)
}

/// `load_ssh_public_key(data, backend=None)`: a key line, or a certificate's subject key.
#[pyfunction]
#[pyo3(signature = (data, backend = None))]
pub(crate) fn load_ssh_public_key<'py>(
    py: Python<'py>,
    data: BytesLike<'_>,
    backend: Option<&Bound<'py, PyAny>>,
) -> CryptoResult<Bound<'py, PyAny>> {
    let _ = backend;
    let key = core::load_public_key(&data)?;
    warn_if_dsa(py, matches!(key, PublicKey::Dsa(_)))?;
    Ok(public_key_object(py, key)?)
}

/// `load_ssh_public_identity(data)`: a key (not DSA) or an `SSHCertificate`.
#[pyfunction]
pub(crate) fn load_ssh_public_identity<'py>(
    py: Python<'py>,
    data: BytesLike<'_>,
) -> CryptoResult<Bound<'py, PyAny>> {
    Ok(match core::load_public_identity(&data, false)? {
        Identity::Key(key) => public_key_object(py, key)?,
        Identity::Certificate(certificate, key) => {
            let key = public_key_object(py, key)?.unbind();
            Bound::new(py, SshCertificate::new(py, *certificate, key)?)?.into_any()
        }
    })
}

/// `load_application(data)`: a FIDO application string ("ssh:...") from the front of
/// `data`, and the rest.
#[pyfunction]
pub(crate) fn load_application<'py>(
    py: Python<'py>,
    data: BytesLike<'_>,
) -> CryptoResult<(Bound<'py, PyBytes>, Bound<'py, PyBytes>)> {
    let (application, rest) = core::read_application(&data)?;
    Ok((PyBytes::new(py, application), PyBytes::new(py, rest)))
}

/// The core key of an SSH public key argument (RSA, DSA, EC or Ed25519 of this library).
fn ssh_public_key<'a>(key: &'a Bound<'_, PyAny>) -> PyResult<PublicKeyRef<'a>> {
    public_key_ref(key)
        .filter(|key| core::KeyType::of(*key).is_ok())
        .ok_or_else(|| PyValueError::new_err("Unsupported key type"))
}

/// `ssh_key_fingerprint(key, hash_algorithm)`: the hash (MD5, SHA-1 or SHA-256) of the
/// key's public blob.
#[pyfunction]
pub(crate) fn ssh_key_fingerprint<'py>(
    py: Python<'py>,
    key: &Bound<'py, PyAny>,
    hash_algorithm: &Bound<'py, PyAny>,
) -> CryptoResult<Bound<'py, PyBytes>> {
    use cryptography_backend::hash::HashAlgorithm;
    let hash = crate::hashes::hash_algorithm(py, hash_algorithm)
        .ok()
        .filter(|hash| {
            matches!(
                hash,
                HashAlgorithm::Md5 | HashAlgorithm::Sha1 | HashAlgorithm::Sha256
            )
        })
        .ok_or_else(|| {
            PyTypeError::new_err("hash_algorithm must be either MD5, SHA1, or SHA256")
        })?;
    let key = public_key_ref(key).ok_or_else(|| PyValueError::new_err("Unsupported key type"))?;
    let blob = core::public_blob(key)?;
    let mut digest = vec![0u8; hash.output_len()];
    cryptography_backend::hash::Hasher::digest_into(hash, &blob, &mut digest)?;
    Ok(PyBytes::new(py, &digest))
}

/// `SSHCertificate`: an OpenSSH certificate, read by `load_ssh_public_identity` or made
/// by `SSHCertificateBuilder.sign`.
#[pyclass(
    module = "cryptography.hazmat.bindings._rust.ssh",
    name = "SSHCertificate",
    frozen
)]
pub(crate) struct SshCertificate {
    certificate: certificate::Certificate,
    public_key: Py<PyAny>,
    cert_type: Py<PyAny>,
}

impl SshCertificate {
    fn new(
        py: Python<'_>,
        certificate: certificate::Certificate,
        public_key: Py<PyAny>,
    ) -> PyResult<Self> {
        let cert_type = crate::types::SSH_CERTIFICATE_TYPE
            .get(py)?
            .call1((certificate.cert_type as u32,))?
            .unbind();
        Ok(SshCertificate {
            certificate,
            public_key,
            cert_type,
        })
    }
}

fn fields_dict<'py>(
    py: Python<'py>,
    fields: &[certificate::Field],
) -> PyResult<Bound<'py, PyDict>> {
    let dict = PyDict::new(py);
    for (name, value) in fields {
        dict.set_item(PyBytes::new(py, name), PyBytes::new(py, value))?;
    }
    Ok(dict)
}

#[pymethods]
impl SshCertificate {
    #[getter]
    fn nonce<'py>(&self, py: Python<'py>) -> Bound<'py, PyBytes> {
        PyBytes::new(py, &self.certificate.nonce)
    }

    fn public_key(&self, py: Python<'_>) -> Py<PyAny> {
        self.public_key.clone_ref(py)
    }

    #[getter]
    fn serial(&self) -> u64 {
        self.certificate.serial
    }

    #[getter]
    fn r#type(&self, py: Python<'_>) -> Py<PyAny> {
        self.cert_type.clone_ref(py)
    }

    #[getter]
    fn key_id<'py>(&self, py: Python<'py>) -> Bound<'py, PyBytes> {
        PyBytes::new(py, &self.certificate.key_id)
    }

    #[getter]
    fn valid_principals<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        PyList::new(
            py,
            self.certificate
                .valid_principals
                .iter()
                .map(|principal| PyBytes::new(py, principal)),
        )
    }

    #[getter]
    fn valid_before(&self) -> u64 {
        self.certificate.valid_before
    }

    #[getter]
    fn valid_after(&self) -> u64 {
        self.certificate.valid_after
    }

    #[getter]
    fn critical_options<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        fields_dict(py, &self.certificate.critical_options)
    }

    #[getter]
    fn extensions<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        fields_dict(py, &self.certificate.extensions)
    }

    fn signature_key<'py>(&self, py: Python<'py>) -> CryptoResult<Bound<'py, PyAny>> {
        Ok(public_key_object(py, self.certificate.signature_key()?)?)
    }

    fn public_bytes<'py>(&self, py: Python<'py>) -> Bound<'py, PyBytes> {
        PyBytes::new(py, &self.certificate.public_line())
    }

    /// Checks the CA's signature (InvalidSignature when it does not match). Trust in
    /// the CA and the certificate's validity are the caller's to check.
    fn verify_cert_signature(&self, py: Python<'_>) -> CryptoResult<()> {
        Ok(py.detach(|| self.certificate.verify())?)
    }
}

/// Reads a list of (name, value) byte pairs.
fn field_list(value: &Bound<'_, PyAny>) -> PyResult<Vec<certificate::Field>> {
    value.extract()
}

/// Builds and signs a certificate (`SSHCertificateBuilder.sign`, whose Python side
/// checked every field's presence and type and drew the nonce from `os.urandom`, where
/// the reference draws it).
#[pyfunction]
#[allow(clippy::too_many_arguments)]
pub(crate) fn sign_certificate<'py>(
    py: Python<'py>,
    private_key: &Bound<'py, PyAny>,
    public_key: &Bound<'py, PyAny>,
    nonce: &[u8],
    serial: u64,
    cert_type: u32,
    key_id: &[u8],
    valid_principals: Vec<Vec<u8>>,
    valid_after: u64,
    valid_before: u64,
    critical_options: &Bound<'py, PyAny>,
    extensions: &Bound<'py, PyAny>,
) -> CryptoResult<SshCertificate> {
    let ca = private_key_ref(private_key)
        .ok_or_else(|| PyTypeError::new_err("Unsupported private key type"))?;
    let subject = ssh_public_key(public_key)?;
    let (critical_options, extensions) = (field_list(critical_options)?, field_list(extensions)?);
    let unsigned = certificate::Unsigned {
        public_key: subject,
        nonce,
        serial,
        cert_type: if cert_type == 2 {
            certificate::CertificateType::Host
        } else {
            certificate::CertificateType::User
        },
        key_id,
        valid_principals: &valid_principals,
        valid_after,
        valid_before,
        critical_options: &critical_options,
        extensions: &extensions,
    };
    let signed = certificate::sign(&unsigned, ca)?;
    // The subject's key object is the one given.
    Ok(SshCertificate::new(
        py,
        signed,
        public_key.clone().unbind(),
    )?)
}

/// The OpenSSH private key file of `private_key` (the reference's private
/// `_serialize_ssh_private_key(key, password, encryption_algorithm)`): encrypted when
/// `password` is not empty, with the builder's rounds if it gives them.
#[pyfunction]
pub(crate) fn serialize_ssh_private_key<'py>(
    py: Python<'py>,
    private_key: &Bound<'py, PyAny>,
    password: &[u8],
    encryption_algorithm: &Bound<'py, PyAny>,
) -> CryptoResult<Bound<'py, PyBytes>> {
    let key = private_key_ref(private_key)
        .ok_or_else(|| PyValueError::new_err("Unsupported key type"))?;
    let settings = crate::types::KEY_SERIALIZATION_ENCRYPTION_SETTINGS.get(py)?;
    let kdf_rounds: Option<u64> = if encryption_algorithm.is_instance(settings)? {
        encryption_algorithm.getattr("_kdf_rounds")?.extract()?
    } else {
        None
    };
    // The same rules as `private_bytes(PEM, OpenSSH, ...)`, with the password given apart.
    let encryption = match password {
        [] => request::Encryption::None,
        _ => request::Encryption::Custom {
            format: request::ApiPrivateFormat::OpenSsh,
            password,
            kdf_rounds,
        },
    };
    let request = request::PrivateRequest::new(
        key,
        request::ApiEncoding::Pem,
        request::ApiPrivateFormat::OpenSsh,
        encryption,
    )?;
    crate::serialization::serialize_private(py, key, request)
}
