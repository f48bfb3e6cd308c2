//! The one place where core errors become Python exceptions.

use cryptography_backend::Error;
use pyo3::exceptions::{PyMemoryError, PyOverflowError, PyValueError};
use pyo3::prelude::*;

pyo3::import_exception!(cryptography.exceptions, AlreadyFinalized);
pyo3::import_exception!(cryptography.exceptions, AlreadyUpdated);
pyo3::import_exception!(cryptography.exceptions, InvalidTag);
pyo3::import_exception!(cryptography.exceptions, NotYetFinalized);
pyo3::import_exception!(cryptography.exceptions, InternalError);
pyo3::import_exception!(cryptography.exceptions, InvalidSignature);
pyo3::import_exception!(cryptography.exceptions, UnsupportedAlgorithm);
/// `cryptography.fernet.InvalidToken`, named apart from `cryptography.exceptions`' ones.
mod fernet_exceptions {
    pyo3::import_exception!(cryptography.fernet, InvalidToken);
}
pub(crate) use fernet_exceptions::InvalidToken as FernetInvalidToken;

/// `cryptography.hazmat.primitives.keywrap.InvalidUnwrap`.
mod keywrap_exceptions {
    pyo3::import_exception!(cryptography.hazmat.primitives.keywrap, InvalidUnwrap);
}
pub(crate) use keywrap_exceptions::InvalidUnwrap as KeywrapInvalidUnwrap;

/// The `_Reasons` member attached to an `UnsupportedAlgorithm`.
#[derive(Clone, Copy)]
pub(crate) enum Reason {
    UnsupportedHash,
    UnsupportedCipher,
    /// The linked OpenSSL lacks a whole kind of algorithm (Argon2 before 3.2).
    BackendMissingInterface,
}

impl Reason {
    fn member_name(self) -> &'static str {
        match self {
            Reason::UnsupportedHash => "UNSUPPORTED_HASH",
            Reason::UnsupportedCipher => "UNSUPPORTED_CIPHER",
            Reason::BackendMissingInterface => "BACKEND_MISSING_INTERFACE",
        }
    }
}

/// An `UnsupportedAlgorithm` exception with its `_Reasons` code.
pub(crate) fn unsupported(py: Python<'_>, message: String, reason: Reason) -> PyErr {
    let reason = py
        .import("cryptography.exceptions")
        .and_then(|module| module.getattr("_Reasons"))
        .and_then(|reasons| reasons.getattr(reason.member_name()));
    match reason {
        Ok(reason) => UnsupportedAlgorithm::new_err((message, reason.unbind())),
        Err(err) => err,
    }
}

/// A failure in a binding method: from the core, or from Python itself.
pub(crate) enum CryptoError {
    Core(Error),
    Python(PyErr),
}

pub(crate) type CryptoResult<T> = Result<T, CryptoError>;

impl From<Error> for CryptoError {
    fn from(err: Error) -> Self {
        CryptoError::Core(err)
    }
}

impl From<PyErr> for CryptoError {
    fn from(err: PyErr) -> Self {
        CryptoError::Python(err)
    }
}

impl From<CryptoError> for PyErr {
    fn from(err: CryptoError) -> PyErr {
        let err = match err {
            CryptoError::Python(err) => return err,
            CryptoError::Core(err) => err,
        };
        // No catch-all arm: a new core variant must be given its Python meaning here.
        match err {
            Error::UnsupportedAlgorithm(name) => Python::attach(|py| {
                unsupported(
                    py,
                    format!("{name} is not supported by this backend."),
                    Reason::UnsupportedHash,
                )
            }),
            Error::InvalidKeyLength => PyValueError::new_err("Invalid key length."),
            Error::VerificationFailed => {
                InvalidSignature::new_err("Signature did not match digest.")
            }
            Error::InvalidPadding => PyValueError::new_err("Invalid padding bytes."),
            Error::SqueezeLimitExceeded => {
                PyValueError::new_err("Exceeded maximum squeeze limit specified by digest_size.")
            }
            Error::OpenSslTooOld(version) => Python::attach(|py| {
                unsupported(
                    py,
                    format!("This operation requires OpenSSL {version} or later."),
                    Reason::UnsupportedHash,
                )
            }),
            Error::OutputLength { expected, actual } => PyValueError::new_err(format!(
                "Output buffer has the wrong length: {actual} bytes given, {expected} needed."
            )),
            Error::InvalidTag => InvalidTag::new_err(()),
            Error::InvalidToken => FernetInvalidToken::new_err(()),
            Error::InvalidUnwrap => KeywrapInvalidUnwrap::new_err(()),
            Error::InvalidNonceLength => PyValueError::new_err("Invalid nonce length."),
            Error::IncompleteBlock => PyValueError::new_err(
                "The length of the provided data is not a multiple of the block length.",
            ),
            Error::TagRequired => {
                PyValueError::new_err("Authentication tag must be provided when decrypting.")
            }
            Error::AlreadyUpdated => AlreadyUpdated::new_err("Update has been called on this context."),
            Error::CounterOverflow => PyValueError::new_err(
                "Exceeded the maximum number of bytes that can be encrypted with ChaCha20 for this nonce. The 32-bit counter portion of the nonce would overflow.",
            ),
            Error::XtsFirstUpdateTooShort => PyValueError::new_err(
                "In XTS mode you must supply at least a full block in the first update call. For AES this is 16 bytes.",
            ),
            Error::XtsDuplicatedKeys => {
                PyValueError::new_err("In XTS mode duplicated keys are not allowed")
            }
            Error::KeyTooLongForMode => PyValueError::new_err(
                "Only 128, 192, and 256 bit keys are allowed for this AES mode",
            ),
            Error::DataLimitExceeded(what) => {
                PyValueError::new_err(format!("Exceeded maximum {what} limit"))
            }
            Error::ParameterTooLarge(what) => {
                PyOverflowError::new_err(format!("{what} is too large"))
            }
            Error::DerivedKeyTooLong => {
                PyValueError::new_err("Cannot derive keys that long with this function.")
            }
            Error::ScryptMemory { required_mib } => PyMemoryError::new_err(format!(
                "Not enough memory to derive key. These parameters require {required_mib}MB of memory."
            )),
            Error::OpenSsl(stack) => {
                let codes: Vec<u64> = stack.errors().iter().map(|e| e.code()).collect();
                InternalError::new_err((
                    format!("Unknown OpenSSL error. This error is commonly encountered when another library is not cleaning up the OpenSSL error stack. {stack}"),
                    codes,
                ))
            }
        }
    }
}

/// Raised when a finished context is used again.
pub(crate) fn already_finalized() -> PyErr {
    AlreadyFinalized::new_err("Context was already finalized.")
}
