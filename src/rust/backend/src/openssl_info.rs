//! Facts about the linked OpenSSL, for `python -m cryptography` and the backend object.

/// OpenSSL's version text, such as "OpenSSL 3.6.3 30 Sep 2026".
pub fn version_text() -> &'static str {
    openssl::version::version()
}

/// OpenSSL's version number (`OPENSSL_VERSION_NUMBER`, 0xMNN00PP0L).
pub fn version_number() -> i64 {
    openssl::version::number()
}

/// Whether OpenSSL was built from source into this package (`vendored-openssl` feature)
/// rather than linked from the system.
pub fn is_vendored() -> bool {
    cfg!(vendored_openssl)
}

/// Whether the default properties ask for FIPS-approved algorithms only.
pub fn fips_enabled() -> bool {
    crate::ffi::fips_enabled()
}

/// Whether the legacy provider (Blowfish, CAST5, IDEA, SEED, RC2, RC4) is loaded.
pub fn legacy_provider_loaded() -> bool {
    crate::algorithms::legacy_provider_loaded()
}

/// Drains OpenSSL's error queue: (library code, reason code, description) per entry.
pub fn drain_errors() -> Vec<(i32, i32, String)> {
    openssl::error::ErrorStack::get()
        .errors()
        .iter()
        .map(|e| (e.library_code(), e.reason_code(), e.to_string()))
        .collect()
}

/// OpenSSL's pending errors as an error (the queue is drained).
pub fn pending_error() -> crate::Error {
    crate::Error::OpenSsl(openssl::error::ErrorStack::get())
}
