//! Key serialization: the `Encoding`, `PrivateFormat`, `PublicFormat` and
//! `ParameterFormat` enumerations of `cryptography.hazmat.primitives._serialization`, the
//! `load_*` functions, and the checks shared by every key's `private_bytes` and
//! `public_bytes`. The encodings themselves are the `cryptography-keys` crate's.

use cryptography_keys::{
    self as keys, request, PrivateKey, PrivateKeyRef, PublicKey, PublicKeyRef,
};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyBytes;
use zeroize::Zeroizing;

use crate::asym::not_an_instance;
use crate::buf::BytesLike;
use crate::error::CryptoResult;

/// The outer encoding of serialized keys. Variant names are the Python API's.
#[allow(clippy::upper_case_acronyms)]
#[pyclass(
    module = "cryptography.hazmat.primitives._serialization",
    frozen,
    eq,
    eq_int,
    hash,
    from_py_object
)]
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Encoding {
    PEM,
    DER,
    OpenSSH,
    Raw,
    X962,
    SMIME,
}

/// The structure of a serialized private key.
#[pyclass(
    module = "cryptography.hazmat.primitives._serialization",
    frozen,
    eq,
    eq_int,
    hash,
    from_py_object
)]
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum PrivateFormat {
    PKCS8,
    TraditionalOpenSSL,
    Raw,
    OpenSSH,
    PKCS12,
}

#[pymethods]
impl PrivateFormat {
    /// A builder for the encryption settings of the OpenSSH and PKCS#12 formats.
    fn encryption_builder<'py>(
        slf: &Bound<'py, Self>,
        py: Python<'py>,
    ) -> PyResult<Bound<'py, PyAny>> {
        match *slf.get() {
            PrivateFormat::OpenSSH | PrivateFormat::PKCS12 => {
                crate::types::KEY_SERIALIZATION_ENCRYPTION_BUILDER
                    .get(py)?
                    .call1((slf,))
            }
            _ => Err(PyValueError::new_err(
                "encryption_builder only supported with PrivateFormat.OpenSSH and PrivateFormat.PKCS12",
            )),
        }
    }
}

/// The structure of a serialized public key.
#[pyclass(
    module = "cryptography.hazmat.primitives._serialization",
    frozen,
    eq,
    eq_int,
    hash,
    from_py_object
)]
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum PublicFormat {
    SubjectPublicKeyInfo,
    PKCS1,
    OpenSSH,
    Raw,
    CompressedPoint,
    UncompressedPoint,
}

/// The structure of serialized key-agreement parameters.
#[pyclass(
    module = "cryptography.hazmat.primitives._serialization",
    frozen,
    eq,
    eq_int,
    hash,
    from_py_object
)]
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum ParameterFormat {
    PKCS3,
}

pub(crate) fn extract_enum<
    T: Copy + Send + Sync + pyo3::PyClass<Frozen = pyo3::pyclass::boolean_struct::True>,
>(
    value: &Bound<'_, PyAny>,
    name: &str,
) -> PyResult<T> {
    value
        .cast::<T>()
        .map(|bound| *bound.get())
        .map_err(|_| not_an_instance(value, name))
}

impl From<Encoding> for request::ApiEncoding {
    fn from(encoding: Encoding) -> Self {
        match encoding {
            Encoding::PEM => request::ApiEncoding::Pem,
            Encoding::DER => request::ApiEncoding::Der,
            Encoding::OpenSSH => request::ApiEncoding::OpenSsh,
            Encoding::Raw => request::ApiEncoding::Raw,
            Encoding::X962 => request::ApiEncoding::X962,
            Encoding::SMIME => request::ApiEncoding::Smime,
        }
    }
}

impl From<PrivateFormat> for request::ApiPrivateFormat {
    fn from(format: PrivateFormat) -> Self {
        match format {
            PrivateFormat::PKCS8 => request::ApiPrivateFormat::Pkcs8,
            PrivateFormat::TraditionalOpenSSL => request::ApiPrivateFormat::TraditionalOpenSsl,
            PrivateFormat::Raw => request::ApiPrivateFormat::Raw,
            PrivateFormat::OpenSSH => request::ApiPrivateFormat::OpenSsh,
            PrivateFormat::PKCS12 => request::ApiPrivateFormat::Pkcs12,
        }
    }
}

impl From<PublicFormat> for request::ApiPublicFormat {
    fn from(format: PublicFormat) -> Self {
        match format {
            PublicFormat::SubjectPublicKeyInfo => request::ApiPublicFormat::SubjectPublicKeyInfo,
            PublicFormat::PKCS1 => request::ApiPublicFormat::Pkcs1,
            PublicFormat::OpenSSH => request::ApiPublicFormat::OpenSsh,
            PublicFormat::Raw => request::ApiPublicFormat::Raw,
            PublicFormat::CompressedPoint => request::ApiPublicFormat::CompressedPoint,
            PublicFormat::UncompressedPoint => request::ApiPublicFormat::UncompressedPoint,
        }
    }
}

/// What `encryption_algorithm` asks for: no encryption, a password (a copy, wiped
/// afterwards), or a builder's settings.
enum EncryptionArg {
    None,
    Password(Zeroizing<Vec<u8>>),
    /// `PrivateFormat.X.encryption_builder()...build(password)`.
    Custom {
        format: PrivateFormat,
        password: Zeroizing<Vec<u8>>,
        kdf_rounds: Option<u64>,
    },
    Unknown,
}

impl EncryptionArg {
    fn extract(py: Python<'_>, value: &Bound<'_, PyAny>) -> PyResult<Self> {
        let interface = crate::types::KEY_SERIALIZATION_ENCRYPTION.get(py)?;
        if !value.is_instance(interface)? {
            return Err(PyTypeError::new_err(
                "Encryption algorithm must be a KeySerializationEncryption instance",
            ));
        }
        if value.is_instance(crate::types::NO_ENCRYPTION.get(py)?)? {
            return Ok(EncryptionArg::None);
        }
        if value.is_instance(crate::types::BEST_AVAILABLE_ENCRYPTION.get(py)?)? {
            let password: Vec<u8> = value.getattr(pyo3::intern!(py, "password"))?.extract()?;
            return Ok(EncryptionArg::Password(Zeroizing::new(password)));
        }
        if value.is_instance(crate::types::KEY_SERIALIZATION_ENCRYPTION_SETTINGS.get(py)?)? {
            let password: Vec<u8> = value.getattr(pyo3::intern!(py, "password"))?.extract()?;
            return Ok(EncryptionArg::Custom {
                format: extract_enum(
                    &value.getattr(pyo3::intern!(py, "_format"))?,
                    "PrivateFormat",
                )?,
                password: Zeroizing::new(password),
                kdf_rounds: value.getattr(pyo3::intern!(py, "_kdf_rounds"))?.extract()?,
            });
        }
        Ok(EncryptionArg::Unknown)
    }

    fn as_request(&self) -> request::Encryption<'_> {
        match self {
            EncryptionArg::None => request::Encryption::None,
            EncryptionArg::Password(password) => request::Encryption::Password(password),
            EncryptionArg::Custom {
                format,
                password,
                kdf_rounds,
            } => request::Encryption::Custom {
                format: (*format).into(),
                password,
                kdf_rounds: *kdf_rounds,
            },
            EncryptionArg::Unknown => request::Encryption::Unknown,
        }
    }
}

/// `private_bytes(encoding, format, encryption_algorithm)` for any key: the arguments
/// converted, the request checked by the keys crate, then encoded.
pub(crate) fn private_bytes<'py>(
    py: Python<'py>,
    key: PrivateKeyRef<'_>,
    encoding: &Bound<'py, PyAny>,
    format: &Bound<'py, PyAny>,
    encryption_algorithm: &Bound<'py, PyAny>,
) -> CryptoResult<Bound<'py, PyBytes>> {
    let encoding: Encoding = extract_enum(encoding, "Encoding")?;
    let format: PrivateFormat = extract_enum(format, "PrivateFormat")?;
    let encryption = EncryptionArg::extract(py, encryption_algorithm)?;
    let request =
        request::PrivateRequest::new(key, encoding.into(), format.into(), encryption.as_request())?;
    serialize_private(py, key, request)
}

/// A checked request's bytes: an OpenSSH file of a DSA key warns, and bcrypt_pbkdf's
/// rounds run without the interpreter.
pub(crate) fn serialize_private<'py>(
    py: Python<'py>,
    key: PrivateKeyRef<'_>,
    request: request::PrivateRequest<'_>,
) -> CryptoResult<Bound<'py, PyBytes>> {
    if let request::PrivateRequest::OpenSsh(protection) = request {
        warn_openssh_dsa(py, matches!(key, PrivateKeyRef::Dsa(_)))?;
        if protection.is_some() {
            let bytes = py.detach(|| request::serialize_private(key, request))?;
            return Ok(PyBytes::new(py, &bytes));
        }
    }
    Ok(PyBytes::new(py, &request::serialize_private(key, request)?))
}

const SSH_DSA_DEPRECATED: &std::ffi::CStr =
    c"SSH DSA key support is deprecated and will be removed in a future release";

/// Warns (`CryptographyDeprecationWarning`) when a DSA key is written in OpenSSH's
/// formats, as the reference does.
pub(crate) fn warn_openssh_dsa(py: Python<'_>, is_dsa: bool) -> PyResult<()> {
    if is_dsa {
        crate::error::warn_deprecation(py, SSH_DSA_DEPRECATED)?;
    }
    Ok(())
}

/// `public_bytes(encoding, format)` for any key.
pub(crate) fn public_bytes<'py>(
    py: Python<'py>,
    key: PublicKeyRef<'_>,
    encoding: &Bound<'py, PyAny>,
    format: &Bound<'py, PyAny>,
) -> CryptoResult<Bound<'py, PyBytes>> {
    let encoding: Encoding = extract_enum(encoding, "Encoding")?;
    let format: PublicFormat = extract_enum(format, "PublicFormat")?;
    let request = request::PublicRequest::new(key, encoding.into(), format.into())?;
    if let request::PublicRequest::OpenSsh = request {
        warn_openssh_dsa(py, matches!(key, PublicKeyRef::Dsa(_)))?;
    }
    Ok(PyBytes::new(py, &request::serialize_public(key, request)?))
}

/// Wraps a loaded private key in its Python class (a DH key warns: see `crate::dh`).
pub(crate) fn private_key_object(py: Python<'_>, key: PrivateKey) -> PyResult<Bound<'_, PyAny>> {
    match key {
        PrivateKey::Rsa(key) => crate::rsa::private_key_object(py, key),
        PrivateKey::Ec(key) => crate::ec::private_key_object(py, key),
        PrivateKey::Dsa(key) => crate::dsa::private_key_object(py, key),
        PrivateKey::Dh(key) => crate::dh::loaded_private_key(py, key),
        PrivateKey::Raw(key) => crate::ecx::private_key_object(py, key),
        PrivateKey::MlDsa(key) => crate::mldsa::private_key_object(py, key),
        PrivateKey::MlKem(key) => crate::mlkem::private_key_object(py, key),
    }
}

/// Wraps a loaded public key in its Python class (a DH key warns: see `crate::dh`).
pub(crate) fn public_key_object(py: Python<'_>, key: PublicKey) -> PyResult<Bound<'_, PyAny>> {
    match key {
        PublicKey::Rsa(key) => crate::rsa::public_key_object(py, key),
        PublicKey::Ec(key) => crate::ec::public_key_object(py, key),
        PublicKey::Dsa(key) => crate::dsa::public_key_object(py, key),
        PublicKey::Dh(key) => crate::dh::loaded_public_key(py, key),
        PublicKey::Raw(key) => crate::ecx::public_key_object(py, key),
        PublicKey::MlDsa(key) => crate::mldsa::public_key_object(py, key),
        PublicKey::MlKem(key) => crate::mlkem::public_key_object(py, key),
    }
}

/// The signature both private-key loaders share.
type PrivateLoader = fn(&[u8], Option<&[u8]>, bool) -> keys::KeyResult<PrivateKey>;

/// Runs a private-key loader with the interpreter released (RSA validation takes
/// milliseconds, a file's key derivation may take long: Ctrl-C stops it), on a copy of
/// the password that is wiped afterwards.
fn load_private<'py>(
    py: Python<'py>,
    loader: PrivateLoader,
    data: &[u8],
    password: Option<BytesLike<'_>>,
    unsafe_skip_rsa_key_validation: bool,
) -> CryptoResult<Bound<'py, PyAny>> {
    let password = password.map(|password| Zeroizing::new(password.to_vec()));
    let key = crate::interrupt::detach_interruptible(py, || {
        loader(
            data,
            password.as_deref().map(|p| &p[..]),
            !unsafe_skip_rsa_key_validation,
        )
    })?;
    Ok(private_key_object(py, key)?)
}

#[pyfunction]
#[pyo3(signature = (data, password, backend = None, *, unsafe_skip_rsa_key_validation = false))]
pub(crate) fn load_der_private_key<'py>(
    py: Python<'py>,
    data: BytesLike<'_>,
    password: Option<BytesLike<'_>>,
    backend: Option<&Bound<'py, PyAny>>,
    unsafe_skip_rsa_key_validation: bool,
) -> CryptoResult<Bound<'py, PyAny>> {
    let _ = backend;
    let loader: PrivateLoader = keys::load_der_private_key;
    load_private(py, loader, &data, password, unsafe_skip_rsa_key_validation)
}

#[pyfunction]
#[pyo3(signature = (data, password, backend = None, *, unsafe_skip_rsa_key_validation = false))]
pub(crate) fn load_pem_private_key<'py>(
    py: Python<'py>,
    data: BytesLike<'_>,
    password: Option<BytesLike<'_>>,
    backend: Option<&Bound<'py, PyAny>>,
    unsafe_skip_rsa_key_validation: bool,
) -> CryptoResult<Bound<'py, PyAny>> {
    let _ = backend;
    let loader: PrivateLoader = keys::load_pem_private_key;
    load_private(py, loader, &data, password, unsafe_skip_rsa_key_validation)
}

#[pyfunction]
#[pyo3(signature = (data, backend = None))]
pub(crate) fn load_der_public_key<'py>(
    py: Python<'py>,
    data: BytesLike<'_>,
    backend: Option<&Bound<'py, PyAny>>,
) -> CryptoResult<Bound<'py, PyAny>> {
    let _ = backend;
    Ok(public_key_object(py, keys::load_der_public_key(&data)?)?)
}

#[pyfunction]
#[pyo3(signature = (data, backend = None))]
pub(crate) fn load_pem_public_key<'py>(
    py: Python<'py>,
    data: BytesLike<'_>,
    backend: Option<&Bound<'py, PyAny>>,
) -> CryptoResult<Bound<'py, PyAny>> {
    let _ = backend;
    Ok(public_key_object(py, keys::load_pem_public_key(&data)?)?)
}
