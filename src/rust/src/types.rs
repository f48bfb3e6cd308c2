//! The Python classes the binding reaches (interfaces to check arguments against, value
//! classes to build): one registry. Each is imported on first use and kept for the life of
//! the interpreter, so a check costs an `isinstance`, not an import.

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyType;

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
pub(crate) static INVALID_VERSION: ImportedClass =
    ImportedClass::new("cryptography.x509.base", "InvalidVersion");
pub(crate) static VERSION: ImportedClass = ImportedClass::new("cryptography.x509.base", "Version");
pub(crate) static DEPRECATION_WARNING: ImportedClass =
    ImportedClass::new("cryptography.utils", "CryptographyDeprecationWarning");
