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

/// Raises `InternalError` carrying OpenSSL's pending errors (and drains them): the
/// reference's hook for code that finds OpenSSL in a state it did not expect.
#[pyfunction]
pub(crate) fn raise_openssl_error() -> PyResult<()> {
    Err(crate::error::CryptoError::Core(openssl_info::pending_error()).into())
}

/// The module's constants: which library is linked and which OpenSSL 3 features its
/// version has, under the reference's names.
pub(crate) fn add_constants(module: &Bound<'_, pyo3::types::PyModule>) -> PyResult<()> {
    let version = openssl_info::version_number();
    let text = openssl_info::version_text();
    module.add("CRYPTOGRAPHY_IS_LIBRESSL", text.starts_with("LibreSSL"))?;
    module.add("CRYPTOGRAPHY_IS_BORINGSSL", text.starts_with("BoringSSL"))?;
    module.add("CRYPTOGRAPHY_IS_AWSLC", text.starts_with("AWS-LC"))?;
    let openssl = text.starts_with("OpenSSL");
    for (name, at_least) in [
        ("CRYPTOGRAPHY_OPENSSL_309_OR_GREATER", 0x3000_0090),
        ("CRYPTOGRAPHY_OPENSSL_320_OR_GREATER", 0x3020_0000),
        ("CRYPTOGRAPHY_OPENSSL_330_OR_GREATER", 0x3030_0000),
        ("CRYPTOGRAPHY_OPENSSL_350_OR_GREATER", 0x3050_0000),
    ] {
        module.add(name, openssl && version >= at_least)?;
    }
    // The reference loads its providers when the module is imported; so do we, so that
    // this flag tells the truth from the start.
    module.add(
        "_legacy_provider_loaded",
        openssl_info::legacy_provider_loaded(),
    )
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
