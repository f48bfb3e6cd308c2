//! The Python classes the binding reaches (interfaces to check arguments against, value
//! classes to build): one registry. Each is imported on first use and kept for the life of
//! the interpreter, so a check costs an `isinstance`, not an import.

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyModule, PyType};

/// A Python class looked up once, by module and name.
pub(crate) struct ImportedClass {
    module: &'static str,
    name: &'static str,
    class: PyOnceLock<Py<PyType>>,
}

impl ImportedClass {
    const fn new(module: &'static str, name: &'static str) -> Self {
        ImportedClass {
            module,
            name,
            class: PyOnceLock::new(),
        }
    }

    pub(crate) fn get<'py>(&self, py: Python<'py>) -> PyResult<&Bound<'py, PyType>> {
        self.class.import(py, self.module, self.name)
    }
}

/// A Python module imported once (`import` itself goes through the import machinery on
/// every call, microseconds each; a cached module costs an attribute lookup).
pub(crate) struct ImportedModule {
    name: &'static str,
    module: PyOnceLock<Py<PyModule>>,
}

impl ImportedModule {
    const fn new(name: &'static str) -> Self {
        ImportedModule {
            name,
            module: PyOnceLock::new(),
        }
    }

    pub(crate) fn get<'py>(&self, py: Python<'py>) -> PyResult<&Bound<'py, PyModule>> {
        self.module
            .get_or_try_init(py, || Ok::<_, PyErr>(py.import(self.name)?.unbind()))
            .map(|module| module.bind(py))
    }
}

/// `asymmetric.<module>.<class>` for the key interfaces the X.509 layer tells apart.
pub(crate) fn key_interface<'py>(
    py: Python<'py>,
    module: &str,
    class: &str,
) -> PyResult<Bound<'py, PyAny>> {
    let module = match module {
        "rsa" => &ASYMMETRIC_RSA,
        "ec" => &ASYMMETRIC_EC,
        "dsa" => &ASYMMETRIC_DSA,
        "ed25519" => &ASYMMETRIC_ED25519,
        "ed448" => &ASYMMETRIC_ED448,
        "mldsa" => &ASYMMETRIC_MLDSA,
        "padding" => &ASYMMETRIC_PADDING,
        other => {
            return Err(pyo3::exceptions::PyValueError::new_err(format!(
                "no key interface module {other}"
            )))
        }
    };
    module.get(py)?.getattr(class)
}

static ASYMMETRIC_MLDSA: ImportedModule =
    ImportedModule::new("cryptography.hazmat.primitives.asymmetric.mldsa");
static ASYMMETRIC_RSA: ImportedModule =
    ImportedModule::new("cryptography.hazmat.primitives.asymmetric.rsa");
static ASYMMETRIC_EC: ImportedModule =
    ImportedModule::new("cryptography.hazmat.primitives.asymmetric.ec");
static ASYMMETRIC_DSA: ImportedModule =
    ImportedModule::new("cryptography.hazmat.primitives.asymmetric.dsa");
static ASYMMETRIC_ED25519: ImportedModule =
    ImportedModule::new("cryptography.hazmat.primitives.asymmetric.ed25519");
static ASYMMETRIC_ED448: ImportedModule =
    ImportedModule::new("cryptography.hazmat.primitives.asymmetric.ed448");

/// A function reached through a module attribute, looked up once.
pub(crate) struct ImportedFunction {
    module: &'static str,
    owner: &'static str,
    name: &'static str,
    function: PyOnceLock<Py<PyAny>>,
}

impl ImportedFunction {
    const fn new(module: &'static str, owner: &'static str, name: &'static str) -> Self {
        ImportedFunction {
            module,
            owner,
            name,
            function: PyOnceLock::new(),
        }
    }

    pub(crate) fn get<'py>(&self, py: Python<'py>) -> PyResult<&Bound<'py, PyAny>> {
        self.function
            .get_or_try_init(py, || {
                Ok::<_, PyErr>(
                    py.import(self.module)?
                        .getattr(self.owner)?
                        .getattr(self.name)?
                        .unbind(),
                )
            })
            .map(|function| function.bind(py))
    }
}

pub(crate) static X509_MODULE: ImportedModule = ImportedModule::new("cryptography.x509");
pub(crate) static ASYMMETRIC_PADDING: ImportedModule =
    ImportedModule::new("cryptography.hazmat.primitives.asymmetric.padding");
pub(crate) static HASHES_MODULE: ImportedModule =
    ImportedModule::new("cryptography.hazmat.primitives.hashes");
pub(crate) static IPADDRESS: ImportedModule = ImportedModule::new("ipaddress");
pub(crate) static OCSP_MODULE: ImportedModule = ImportedModule::new("cryptography.x509.ocsp");
pub(crate) static SERIALIZATION_MODULE: ImportedModule =
    ImportedModule::new("cryptography.hazmat.primitives.serialization");
/// `PKCS12Certificate` and `PKCS12KeyAndCertificates`, the Python layer's value classes.
pub(crate) static PKCS12_MODULE: ImportedModule =
    ImportedModule::new("cryptography.hazmat.primitives.serialization.pkcs12");
/// `PKCS7Options` and the builders, the Python layer's side of PKCS#7.
pub(crate) static PKCS7_MODULE: ImportedModule =
    ImportedModule::new("cryptography.hazmat.primitives.serialization.pkcs7");
pub(crate) static OID_MODULE: ImportedModule = ImportedModule::new("cryptography.hazmat._oid");
pub(crate) static CERTIFICATE_TRANSPARENCY: ImportedModule =
    ImportedModule::new("cryptography.x509.certificate_transparency");

const CIPHER_INTERFACES: &str = "cryptography.hazmat.primitives._cipheralgorithm";
const MODE_INTERFACES: &str = "cryptography.hazmat.primitives._modes";
const ASYMMETRIC_UTILS: &str = "cryptography.hazmat.primitives.asymmetric.utils";
const EC: &str = "cryptography.hazmat.primitives.asymmetric.ec";
const SERIALIZATION: &str = "cryptography.hazmat.primitives._serialization";
const KBKDF: &str = "cryptography.hazmat.primitives.kdf.kbkdf";

pub(crate) static CIPHER_ALGORITHM: ImportedClass =
    ImportedClass::new(CIPHER_INTERFACES, "CipherAlgorithm");
pub(crate) static BLOCK_CIPHER_ALGORITHM: ImportedClass =
    ImportedClass::new(CIPHER_INTERFACES, "BlockCipherAlgorithm");
pub(crate) static MODE: ImportedClass = ImportedClass::new(MODE_INTERFACES, "Mode");
pub(crate) static MODE_WITH_TAG: ImportedClass =
    ImportedClass::new(MODE_INTERFACES, "ModeWithAuthenticationTag");
pub(crate) static GENERIC_ALIAS: ImportedClass = ImportedClass::new("types", "GenericAlias");

pub(crate) static HASH_ALGORITHM: ImportedClass =
    ImportedClass::new("cryptography.hazmat.primitives.hashes", "HashAlgorithm");

pub(crate) static PREHASHED: ImportedClass = ImportedClass::new(ASYMMETRIC_UTILS, "Prehashed");
pub(crate) static NO_DIGEST_INFO: ImportedClass =
    ImportedClass::new(ASYMMETRIC_UTILS, "NoDigestInfo");

pub(crate) static ELLIPTIC_CURVE: ImportedClass = ImportedClass::new(EC, "EllipticCurve");
pub(crate) static ECDSA: ImportedClass = ImportedClass::new(EC, "ECDSA");
pub(crate) static ECDH: ImportedClass = ImportedClass::new(EC, "ECDH");

pub(crate) static KEY_SERIALIZATION_ENCRYPTION: ImportedClass =
    ImportedClass::new(SERIALIZATION, "KeySerializationEncryption");
pub(crate) static KEY_SERIALIZATION_ENCRYPTION_BUILDER: ImportedClass =
    ImportedClass::new(SERIALIZATION, "KeySerializationEncryptionBuilder");
pub(crate) static SSH_CERTIFICATE_TYPE: ImportedClass = ImportedClass::new(
    "cryptography.hazmat.primitives.serialization.ssh",
    "SSHCertificateType",
);
/// What a `KeySerializationEncryptionBuilder` builds.
pub(crate) static KEY_SERIALIZATION_ENCRYPTION_SETTINGS: ImportedClass =
    ImportedClass::new(SERIALIZATION, "_KeySerializationEncryption");
pub(crate) static NO_ENCRYPTION: ImportedClass = ImportedClass::new(SERIALIZATION, "NoEncryption");
pub(crate) static BEST_AVAILABLE_ENCRYPTION: ImportedClass =
    ImportedClass::new(SERIALIZATION, "BestAvailableEncryption");

pub(crate) static KBKDF_MODE: ImportedClass = ImportedClass::new(KBKDF, "Mode");
pub(crate) static KBKDF_COUNTER_LOCATION: ImportedClass =
    ImportedClass::new(KBKDF, "CounterLocation");

const X509_NAME: &str = "cryptography.x509.name";

pub(crate) static NAME: ImportedClass = ImportedClass::new(X509_NAME, "Name");
pub(crate) static RELATIVE_DISTINGUISHED_NAME: ImportedClass =
    ImportedClass::new(X509_NAME, "RelativeDistinguishedName");
pub(crate) static NAME_ATTRIBUTE: ImportedClass = ImportedClass::new(X509_NAME, "NameAttribute");
pub(crate) static ASN1_TYPE: ImportedClass = ImportedClass::new(X509_NAME, "_ASN1Type");
/// `_ASN1Type`'s members by value.
pub(crate) static ASN1_TYPE_MEMBERS: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
/// `object.__new__`: an instance of a Python class without running its `__init__`.
pub(crate) static OBJECT_NEW: ImportedFunction =
    ImportedFunction::new("builtins", "object", "__new__");
pub(crate) static INVALID_VERSION: ImportedClass =
    ImportedClass::new("cryptography.x509.base", "InvalidVersion");
pub(crate) static VERSION: ImportedClass = ImportedClass::new("cryptography.x509.base", "Version");
pub(crate) static DEPRECATION_WARNING: ImportedClass =
    ImportedClass::new("cryptography.utils", "CryptographyDeprecationWarning");
