//! Facts about the linked OpenSSL and its error queue, for the backend object.

use cryptography_backend::openssl_info;
use pyo3::prelude::*;

#[pyfunction]
pub(crate) fn openssl_version_text() -> &'static str {
    openssl_info::version_text()
}

#[pyfunction]
pub(crate) fn openssl_version() -> i64 {
    openssl_info::version_number()
}

#[pyfunction]
pub(crate) fn is_vendored() -> bool {
    openssl_info::is_vendored()
}

#[pyfunction]
pub(crate) fn is_fips_enabled() -> bool {
    openssl_info::fips_enabled()
}

#[pyfunction]
pub(crate) fn legacy_provider_loaded() -> bool {
    openssl_info::legacy_provider_loaded()
}

/// Drains OpenSSL's error queue and returns what it held, as (library, reason, text)
/// tuples. Empty after every public call: failures drain it where they happen.
#[pyfunction]
pub(crate) fn capture_error_stack() -> Vec<(i32, i32, String)> {
    openssl_info::drain_errors()
}

/// Whether OpenSSL can fetch the named algorithm. `kind` is "cipher", "kdf", "key" or
/// "curve"; names are OpenSSL's.
#[pyfunction]
pub(crate) fn algorithm_available(kind: &str, name: &str) -> PyResult<bool> {
    use cryptography_backend::capabilities;
    match kind {
        "cipher" => Ok(capabilities::cipher_available(name)),
        "kdf" => Ok(capabilities::kdf_available(name)),
        "key" => Ok(capabilities::key_type_available(name)),
        "curve" => Ok(capabilities::curve_available(name)),
        _ => Err(pyo3::exceptions::PyValueError::new_err(format!(
            "unknown algorithm kind {kind:?}"
        ))),
    }
}
