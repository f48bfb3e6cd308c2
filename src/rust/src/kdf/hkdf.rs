//! HKDF and HKDFExpand (RFC 5869).

use cryptography_backend::hash::HashAlgorithm;
use cryptography_backend::kdf;
use pyo3::prelude::*;
use pyo3::types::PyBytes;

use super::{optional_bytes, require_hmac_digest, Derive, KdfState, Used};
use crate::buf::{new_bytes, BytesLike, WritableBuffer};
use crate::error::{CryptoError, CryptoResult};
use crate::hashes::hash_algorithm;

/// The hash of an HKDF, after the reference's first check: a digest size whose 255-fold
/// (HKDF's output limit) would overflow is a ValueError, whatever the hash.
fn hkdf_hash(py: Python<'_>, algorithm: &Bound<'_, PyAny>) -> PyResult<HashAlgorithm> {
    if let Ok(size) = algorithm.getattr(pyo3::intern!(py, "digest_size")) {
        if let Ok(size) = size.extract::<usize>() {
            kdf::check_hkdf_digest_size(size).map_err(|e| PyErr::from(CryptoError::from(e)))?;
        }
    }
    hash_algorithm(py, algorithm)
}

/// HKDF-Extract: the pseudorandom key, as a new `bytes`.
fn hkdf_extract<'py>(
    py: Python<'py>,
    algorithm: HashAlgorithm,
    salt: Option<&[u8]>,
    key_material: &[u8],
) -> CryptoResult<Bound<'py, PyBytes>> {
    require_hmac_digest(py, algorithm)?;
    let len = algorithm.output_len();
    Ok(new_bytes(py, len, |out| {
        out.push_with(len, |out| {
            kdf::hkdf_extract(algorithm, salt, key_material, out)
        })
        .map_err(|e| CryptoError::from(e).into())
    })?)
}

fn hkdf_length(algorithm: HashAlgorithm, length: usize) -> CryptoResult<usize> {
    kdf::check_hkdf_length(algorithm, length)?;
    Ok(length)
}

#[pyclass(
    module = "cryptography.hazmat.primitives.kdf.hkdf",
    name = "HKDF",
    frozen
)]
pub(crate) struct Hkdf {
    algorithm: HashAlgorithm,
    length: usize,
    salt: Option<Vec<u8>>,
    info: Vec<u8>,
    used: Used,
}

impl Derive for Hkdf {
    fn derive_core(&self, py: Python<'_>, key_material: &[u8], out: &mut [u8]) -> CryptoResult<()> {
        require_hmac_digest(py, self.algorithm)?;
        Ok(kdf::hkdf(
            self.algorithm,
            self.salt.as_deref(),
            key_material,
            &self.info,
            out,
        )?)
    }
}

kdf_class!(Hkdf, [length], [used], {
    #[new]
    #[pyo3(signature = (algorithm, length, salt, info, backend = None))]
    fn new(
        py: Python<'_>,
        algorithm: Bound<'_, PyAny>,
        length: usize,
        salt: Option<Bound<'_, PyAny>>,
        info: Option<Bound<'_, PyAny>>,
        backend: Option<Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let _ = backend;
        let algorithm = hkdf_hash(py, &algorithm)?;
        let salt = optional_bytes(salt.as_ref())?;
        let info = optional_bytes(info.as_ref())?.unwrap_or_default();
        let length = hkdf_length(algorithm, length)?;
        Ok(Hkdf {
            algorithm,
            length,
            salt,
            info,
            used: Used::new(),
        })
    }

    /// HKDF-Extract alone: the pseudorandom key.
    #[staticmethod]
    fn extract<'py>(
        py: Python<'py>,
        algorithm: Bound<'py, PyAny>,
        salt: Option<Bound<'py, PyAny>>,
        key_material: BytesLike<'_>,
    ) -> CryptoResult<Bound<'py, PyBytes>> {
        let algorithm = hash_algorithm(py, &algorithm)?;
        let salt = optional_bytes(salt.as_ref())?;
        hkdf_extract(py, algorithm, salt.as_deref(), &key_material)
    }

    /// HKDF-Extract with this object's hash and salt (the reference's private hook,
    /// which other projects call).
    fn _extract<'py>(
        &self,
        py: Python<'py>,
        key_material: BytesLike<'_>,
    ) -> CryptoResult<Bound<'py, PyBytes>> {
        hkdf_extract(py, self.algorithm, self.salt.as_deref(), &key_material)
    }
});

#[pyclass(
    module = "cryptography.hazmat.primitives.kdf.hkdf",
    name = "HKDFExpand",
    frozen
)]
pub(crate) struct HkdfExpand {
    algorithm: HashAlgorithm,
    length: usize,
    info: Vec<u8>,
    used: Used,
}

impl Derive for HkdfExpand {
    fn derive_core(&self, py: Python<'_>, key_material: &[u8], out: &mut [u8]) -> CryptoResult<()> {
        require_hmac_digest(py, self.algorithm)?;
        Ok(kdf::hkdf_expand(
            self.algorithm,
            key_material,
            &self.info,
            out,
        )?)
    }
}

kdf_class!(HkdfExpand, [length], [used], {
    #[new]
    #[pyo3(signature = (algorithm, length, info, backend = None))]
    fn new(
        py: Python<'_>,
        algorithm: Bound<'_, PyAny>,
        length: usize,
        info: Option<Bound<'_, PyAny>>,
        backend: Option<Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let _ = backend;
        let algorithm = hkdf_hash(py, &algorithm)?;
        let info = optional_bytes(info.as_ref())?.unwrap_or_default();
        let length = hkdf_length(algorithm, length)?;
        Ok(HkdfExpand {
            algorithm,
            length,
            info,
            used: Used::new(),
        })
    }
});
