//! Key serialization: the `Encoding`, `PrivateFormat`, `PublicFormat` and
//! `ParameterFormat` enumerations of `cryptography.hazmat.primitives._serialization`, the
//! `load_*` functions, and the checks shared by every key's `private_bytes` and
//! `public_bytes`. The encodings themselves are the `cryptography-keys` crate's.

use cryptography_keys::{self as keys, PrivateKey, PrivateKeyRef, PublicKey, PublicKeyRef};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyBytes;
use zeroize::Zeroizing;

use crate::asym::not_an_instance;
use crate::buf::BytesLike;
use crate::error::{unsupported, CryptoResult, Reason};

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

fn extract_enum<
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

/// What `encryption_algorithm` asks for.
enum Encryption {
    None,
    Password(Zeroizing<Vec<u8>>),
    /// A builder's encryption (OpenSSH or PKCS#12 settings).
    Custom,
}

/// Passwords longer than this are refused, as by the reference.
const MAX_PASSWORD_LEN: usize = 1023;

fn encryption(py: Python<'_>, value: &Bound<'_, PyAny>) -> PyResult<Encryption> {
    let interface = crate::types::KEY_SERIALIZATION_ENCRYPTION.get(py)?;
    if !value.is_instance(interface)? {
        return Err(PyTypeError::new_err(
            "Encryption algorithm must be a KeySerializationEncryption instance",
        ));
    }
    if value.is_instance(crate::types::NO_ENCRYPTION.get(py)?)? {
        return Ok(Encryption::None);
    }
    if value.is_instance(crate::types::BEST_AVAILABLE_ENCRYPTION.get(py)?)? {
        let password: Vec<u8> = value.getattr(pyo3::intern!(py, "password"))?.extract()?;
        if password.len() > MAX_PASSWORD_LEN {
            return Err(PyValueError::new_err(
                "Passwords longer than 1023 bytes are not supported by this backend",
            ));
        }
        return Ok(Encryption::Password(Zeroizing::new(password)));
    }
    Ok(Encryption::Custom)
}

fn format_invalid() -> PyErr {
    PyValueError::new_err("format is invalid with this key")
}

fn pem_or_der(encoding: Encoding) -> PyResult<keys::Encoding> {
    match encoding {
        Encoding::PEM => Ok(keys::Encoding::Pem),
        Encoding::DER => Ok(keys::Encoding::Der),
        _ => Err(PyTypeError::new_err(
            "encoding must be Encoding.DER or Encoding.PEM",
        )),
    }
}

fn openssh_unsupported(py: Python<'_>) -> PyErr {
    unsupported(
        py,
        "OpenSSH key serialization is not supported by this build".to_string(),
        Reason::UnsupportedSerialization,
    )
}

/// `private_bytes(encoding, format, encryption_algorithm)` for any key.
pub(crate) fn private_bytes<'py>(
    py: Python<'py>,
    key: PrivateKeyRef<'_>,
    encoding: &Bound<'py, PyAny>,
    format: &Bound<'py, PyAny>,
    encryption_algorithm: &Bound<'py, PyAny>,
) -> CryptoResult<Bound<'py, PyBytes>> {
    let encoding: Encoding = extract_enum(encoding, "Encoding")?;
    let format: PrivateFormat = extract_enum(format, "PrivateFormat")?;
    let encryption = encryption(py, encryption_algorithm)?;
    if let PrivateKeyRef::Raw(raw) = key {
        if encoding == Encoding::Raw || format == PrivateFormat::Raw {
            if encoding != Encoding::Raw
                || format != PrivateFormat::Raw
                || !matches!(encryption, Encryption::None)
            {
                return Err(PyValueError::new_err(
                    "When using Raw both encoding and format must be Raw and encryption_algorithm must be NoEncryption()",
                )
                .into());
            }
            return Ok(PyBytes::new(py, &raw.to_bytes()?));
        }
    }
    let keys_format = match format {
        PrivateFormat::PKCS8 => keys::PrivateFormat::Pkcs8,
        PrivateFormat::TraditionalOpenSSL if !matches!(key, PrivateKeyRef::Raw(_)) => {
            keys::PrivateFormat::Traditional
        }
        // The encoding rule first: it holds whatever this build can write.
        PrivateFormat::OpenSSH if encoding != Encoding::PEM => {
            return Err(PyValueError::new_err(
                "OpenSSH private key format can only be used with PEM encoding",
            )
            .into())
        }
        PrivateFormat::OpenSSH => return Err(openssh_unsupported(py).into()),
        _ => return Err(format_invalid().into()),
    };
    let keys_encoding = pem_or_der(encoding)?;
    let password = match &encryption {
        Encryption::None => None,
        Encryption::Password(password) => Some(&password[..]),
        Encryption::Custom => {
            return Err(PyValueError::new_err("Unsupported encryption type").into())
        }
    };
    if keys_format == keys::PrivateFormat::Traditional
        && keys_encoding == keys::Encoding::Der
        && password.is_some()
    {
        return Err(PyValueError::new_err(
            "Encryption is not supported for DER encoded traditional OpenSSL keys",
        )
        .into());
    }
    let bytes = keys::private_key_bytes(key, keys_encoding, keys_format, password)?;
    Ok(PyBytes::new(py, &bytes))
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
    if let PublicKeyRef::Raw(raw) = key {
        if encoding == Encoding::Raw || format == PublicFormat::Raw {
            if encoding != Encoding::Raw || format != PublicFormat::Raw {
                return Err(PyValueError::new_err(
                    "When using Raw both encoding and format must be Raw",
                )
                .into());
            }
            return Ok(PyBytes::new(py, &raw.to_bytes()?));
        }
    }
    if encoding == Encoding::OpenSSH || format == PublicFormat::OpenSSH {
        if encoding != Encoding::OpenSSH || format != PublicFormat::OpenSSH {
            return Err(
                PyValueError::new_err("OpenSSH format must be used with OpenSSH encoding").into(),
            );
        }
        return Err(openssh_unsupported(py).into());
    }
    match format {
        PublicFormat::SubjectPublicKeyInfo => {
            let encoding = pem_or_der(encoding)?;
            let bytes =
                keys::public_key_bytes(key, encoding, keys::PublicFormat::SubjectPublicKeyInfo)?;
            Ok(PyBytes::new(py, &bytes))
        }
        PublicFormat::PKCS1 if matches!(key, PublicKeyRef::Rsa(_)) => {
            let encoding = pem_or_der(encoding)?;
            let bytes = keys::public_key_bytes(key, encoding, keys::PublicFormat::Pkcs1)?;
            Ok(PyBytes::new(py, &bytes))
        }
        PublicFormat::CompressedPoint | PublicFormat::UncompressedPoint => match key {
            PublicKeyRef::Ec(ec) if encoding == Encoding::X962 => Ok(PyBytes::new(
                py,
                &ec.encoded_point(format == PublicFormat::CompressedPoint)?,
            )),
            _ => Err(format_invalid().into()),
        },
        _ => Err(format_invalid().into()),
    }
}

/// Wraps a loaded private key in its Python class.
fn private_key_object(py: Python<'_>, key: PrivateKey) -> PyResult<Bound<'_, PyAny>> {
    match key {
        PrivateKey::Rsa(key) => crate::rsa::private_key_object(py, key),
        PrivateKey::Ec(key) => crate::ec::private_key_object(py, key),
        PrivateKey::Dsa(key) => crate::dsa::private_key_object(py, key),
        PrivateKey::Raw(key) => crate::ecx::private_key_object(py, key),
    }
}

/// Wraps a loaded public key in its Python class.
pub(crate) fn public_key_object(py: Python<'_>, key: PublicKey) -> PyResult<Bound<'_, PyAny>> {
    match key {
        PublicKey::Rsa(key) => crate::rsa::public_key_object(py, key),
        PublicKey::Ec(key) => crate::ec::public_key_object(py, key),
        PublicKey::Dsa(key) => crate::dsa::public_key_object(py, key),
        PublicKey::Raw(key) => crate::ecx::public_key_object(py, key),
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
