//! The engine of `cryptography.fernet.Fernet`: one native call makes a token, one checks
//! and decrypts it.

use cryptography_backend::fernet::{FernetKey, Seconds, TtlCheck};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyFloat, PyInt, PyString, PyTuple};
use zeroize::Zeroizing;

use crate::buf::{new_bytes, run_detached_if_large};
use crate::error::{CryptoError, CryptoResult, FernetInvalidToken};

/// A token argument (`bytes` or `str`), decoded. The strict base64url form that
/// `encrypt` makes is decoded natively; any other spelling goes through Python's
/// `base64.urlsafe_b64decode`, as the reference decodes every token: it accepts the
/// standard alphabet, line breaks and stray characters, and its errors are the
/// reference's (a non-ASCII `str` is a ValueError).
fn raw_token(token: &Bound<'_, PyAny>) -> PyResult<Vec<u8>> {
    let strict = if let Ok(bytes) = token.cast::<PyBytes>() {
        FernetKey::decode(bytes.as_bytes())
    } else if let Ok(text) = token.cast::<PyString>() {
        FernetKey::decode(text.to_cow()?.as_bytes())
    } else {
        return Err(PyTypeError::new_err("token must be bytes or str"));
    };
    if let Ok(raw) = strict {
        return Ok(raw);
    }
    let py = token.py();
    let decoded = py
        .import("base64")?
        .call_method1("urlsafe_b64decode", (token,));
    match decoded {
        Ok(raw) => Ok(raw.cast_into::<PyBytes>()?.as_bytes().to_vec()),
        Err(err) if err.is_instance_of::<BinasciiError>(py) => Err(FernetInvalidToken::new_err(())),
        Err(err) => Err(err),
    }
}

pyo3::import_exception!(binascii, Error);
use Error as BinasciiError;

/// A time or a TTL as Python code passes it: an `int` (saturated beyond what the check
/// can tell apart) or a `float`.
fn seconds(value: &Bound<'_, PyAny>) -> PyResult<Seconds> {
    if let Ok(fraction) = value.cast::<PyFloat>() {
        return Ok(Seconds::Fraction(fraction.value()));
    }
    let whole = value
        .cast::<PyInt>()
        .map_err(|_| PyTypeError::new_err("ttl and current_time must be numbers"))?;
    Ok(Seconds::Whole(match whole.extract::<i128>() {
        Ok(v) => v,
        Err(_) if whole.lt(0)? => i128::MIN,
        Err(_) => i128::MAX,
    }))
}

#[pyclass(
    frozen,
    module = "cryptography.hazmat.bindings._rust.fernet",
    name = "FernetKey"
)]
pub(crate) struct PyFernetKey {
    key: FernetKey,
    /// Kept for pickling only (`Fernet` objects travel to worker processes).
    raw: Zeroizing<Vec<u8>>,
}

#[pymethods]
impl PyFernetKey {
    /// `key` is the 32 raw key bytes (base64 decoding is the Python layer's).
    #[new]
    fn new(key: &[u8]) -> CryptoResult<Self> {
        Ok(PyFernetKey {
            key: FernetKey::new(key)?,
            raw: Zeroizing::new(key.to_vec()),
        })
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let raw = PyBytes::new(py, slf.get().raw.as_slice());
        (slf.get_type(), (raw,)).into_pyobject(py)
    }

    /// Makes a token stamped `current_time` (the Python layer reads the clock, so that
    /// code which freezes `time.time()` in its tests sees its own time).
    fn encrypt_at_time<'py>(
        &self,
        py: Python<'py>,
        data: &Bound<'py, PyAny>,
        current_time: u64,
    ) -> CryptoResult<Bound<'py, PyBytes>> {
        let mut iv = [0u8; 16];
        cryptography_backend::random_bytes(&mut iv)?;
        self.encrypt_from_parts(py, data, current_time, iv)
    }

    /// Makes a token with the caller's IV: for published test vectors only.
    fn encrypt_from_parts<'py>(
        &self,
        py: Python<'py>,
        data: &Bound<'py, PyAny>,
        current_time: u64,
        iv: [u8; 16],
    ) -> CryptoResult<Bound<'py, PyBytes>> {
        let data = data
            .cast::<PyBytes>()
            .map_err(|_| PyTypeError::new_err("data must be bytes"))?
            .as_bytes();
        let len = FernetKey::token_len(data.len());
        Ok(new_bytes(py, len, |out| {
            run_detached_if_large(py, data, |data| {
                self.key.encrypt_into(data, current_time, &iv, out)
            })
            .map_err(|e| CryptoError::from(e).into())
        })?)
    }

    /// Checks and decrypts; with `ttl`, the token must be at most `ttl` seconds older
    /// than `current_time` (and not from more than a minute after it).
    #[pyo3(signature = (token, ttl, current_time))]
    fn decrypt_at_time<'py>(
        &self,
        py: Python<'py>,
        token: &Bound<'py, PyAny>,
        ttl: Option<&Bound<'py, PyAny>>,
        current_time: Option<&Bound<'py, PyAny>>,
    ) -> CryptoResult<Bound<'py, PyBytes>> {
        let raw = raw_token(token)?;
        let check = match (ttl, current_time) {
            (Some(ttl), Some(now)) => Some(TtlCheck {
                ttl: seconds(ttl)?,
                now: seconds(now)?,
            }),
            _ => None,
        };
        let plaintext = run_detached_if_large(py, &raw, |raw| self.key.decrypt_raw(raw, check))?;
        Ok(PyBytes::new(py, &plaintext))
    }

    fn extract_timestamp(&self, token: &Bound<'_, PyAny>) -> CryptoResult<u64> {
        Ok(self.key.extract_timestamp_raw(&raw_token(token)?)?)
    }

    /// The timestamp a token claims and its decoded bytes, unauthenticated.
    #[staticmethod]
    fn unverified_token_data<'py>(
        py: Python<'py>,
        token: &Bound<'py, PyAny>,
    ) -> CryptoResult<(u64, Bound<'py, PyBytes>)> {
        let raw = raw_token(token)?;
        let timestamp = FernetKey::unverified_timestamp(&raw)?;
        Ok((timestamp, PyBytes::new(py, &raw)))
    }
}
