//! The engine of `cryptography.fernet.Fernet`: one native call makes a token, one checks
//! and decrypts it.

use cryptography_backend::fernet::FernetKey;
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString};

use crate::buf::new_bytes;
use crate::error::{CryptoError, CryptoResult, FernetInvalidToken};

/// Seconds since the Unix epoch, as `int(time.time())` gives them.
fn now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.as_secs())
}

/// A token argument: `bytes`, or an ASCII `str`.
fn token_bytes<'a>(token: &'a Bound<'_, PyAny>) -> PyResult<std::borrow::Cow<'a, [u8]>> {
    if let Ok(bytes) = token.cast::<PyBytes>() {
        return Ok(std::borrow::Cow::Borrowed(bytes.as_bytes()));
    }
    if let Ok(text) = token.cast::<PyString>() {
        let text = text.to_cow()?;
        if !text.is_ascii() {
            return Err(FernetInvalidToken::new_err(()));
        }
        return Ok(std::borrow::Cow::Owned(text.as_bytes().to_vec()));
    }
    Err(PyTypeError::new_err("token must be bytes or str"))
}

#[pyclass(
    frozen,
    module = "cryptography.hazmat.bindings._rust.fernet",
    name = "FernetKey"
)]
pub(crate) struct PyFernetKey {
    key: FernetKey,
}

#[pymethods]
impl PyFernetKey {
    /// `key` is the 32 raw key bytes (base64 decoding is the Python layer's).
    #[new]
    fn new(key: &[u8]) -> CryptoResult<Self> {
        Ok(PyFernetKey {
            key: FernetKey::new(key)?,
        })
    }

    /// Makes a token stamped with the current time.
    fn encrypt<'py>(
        &self,
        py: Python<'py>,
        data: &Bound<'py, PyAny>,
    ) -> CryptoResult<Bound<'py, PyBytes>> {
        self.encrypt_at_time(py, data, now())
    }

    fn encrypt_at_time<'py>(
        &self,
        py: Python<'py>,
        data: &Bound<'py, PyAny>,
        current_time: u64,
    ) -> CryptoResult<Bound<'py, PyBytes>> {
        let data = data
            .cast::<PyBytes>()
            .map_err(|_| PyTypeError::new_err("data must be bytes"))?
            .as_bytes();
        let mut iv = [0u8; 16];
        cryptography_backend::random_bytes(&mut iv)?;
        let len = FernetKey::token_len(data.len());
        Ok(new_bytes(py, len, |out| {
            self.key
                .encrypt_into(data, current_time, &iv, out)
                .map(|()| out.len())
                .map_err(|e| CryptoError::from(e).into())
        })?)
    }

    /// Checks and decrypts; with a `ttl`, the token's age is checked against the clock.
    #[pyo3(signature = (token, ttl=None))]
    fn decrypt<'py>(
        &self,
        py: Python<'py>,
        token: &Bound<'py, PyAny>,
        ttl: Option<i64>,
    ) -> CryptoResult<Bound<'py, PyBytes>> {
        self.decrypt_at_time(py, token, ttl, now())
    }

    /// Checks and decrypts; `ttl` with `current_time` bounds the token's age.
    #[pyo3(signature = (token, ttl, current_time))]
    fn decrypt_at_time<'py>(
        &self,
        py: Python<'py>,
        token: &Bound<'py, PyAny>,
        ttl: Option<i64>,
        current_time: u64,
    ) -> CryptoResult<Bound<'py, PyBytes>> {
        let token = token_bytes(token)?;
        let plaintext = self
            .key
            .decrypt(&token, ttl.map(|ttl| (ttl, current_time)))?;
        Ok(PyBytes::new(py, &plaintext))
    }

    fn extract_timestamp(&self, token: &Bound<'_, PyAny>) -> CryptoResult<u64> {
        let token = token_bytes(token)?;
        Ok(self.key.extract_timestamp(&token)?)
    }
}
