//! The counter-based hash KDFs: X963KDF (ANSI X9.63) and ConcatKDFHash/ConcatKDFHMAC
//! (NIST SP 800-56A).

use cryptography_backend::hash::HashAlgorithm;
use cryptography_backend::kdf;
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::PyBytes;

use super::{optional_bytes, Derive, KdfState, Used};
use crate::buf::{BytesLike, WritableBuffer};
use crate::error::CryptoResult;
use crate::hashes::hash_algorithm;

/// The counter-based KDFs' limit, stated in "bits" as the reference states it (the number
/// is the byte limit).
fn counter_kdf_length(algorithm: HashAlgorithm, length: usize) -> CryptoResult<usize> {
    kdf::check_counter_kdf_length(algorithm, length)?;
    Ok(length)
}

/// X963KDF and ConcatKDFHash: a digest, a length and one optional info string (named
/// `$info` in Python), derived by `$derive`.
macro_rules! counter_hash_kdf {
    ($rust:ident, $module:literal, $name:literal, $info:ident, $derive:path) => {
        #[pyclass(module = $module, name = $name, frozen)]
        pub(crate) struct $rust {
            algorithm: HashAlgorithm,
            length: usize,
            info: Vec<u8>,
            used: Used,
        }

        impl Derive for $rust {
            fn derive_core(
                &self,
                _py: Python<'_>,
                key_material: &[u8],
                out: &mut [u8],
            ) -> CryptoResult<()> {
                Ok($derive(self.algorithm, key_material, &self.info, out)?)
            }
        }

        kdf_class!($rust, [length], [used], {
            #[new]
            #[pyo3(signature = (algorithm, length, $info, backend = None))]
            fn new(
                py: Python<'_>,
                algorithm: Bound<'_, PyAny>,
                length: usize,
                $info: Option<Bound<'_, PyAny>>,
                backend: Option<Bound<'_, PyAny>>,
            ) -> PyResult<Self> {
                let _ = backend;
                let algorithm = hash_algorithm(py, &algorithm)?;
                let info = optional_bytes($info.as_ref())?.unwrap_or_default();
                let length = counter_kdf_length(algorithm, length)?;
                Ok($rust {
                    algorithm,
                    length,
                    info,
                    used: Used::new(),
                })
            }
        });
    };
}

counter_hash_kdf!(
    X963Kdf,
    "cryptography.hazmat.primitives.kdf.x963kdf",
    "X963KDF",
    sharedinfo,
    kdf::x963
);
counter_hash_kdf!(
    ConcatKdfHash,
    "cryptography.hazmat.primitives.kdf.concatkdf",
    "ConcatKDFHash",
    otherinfo,
    kdf::concat_hash
);

#[pyclass(
    module = "cryptography.hazmat.primitives.kdf.concatkdf",
    name = "ConcatKDFHMAC",
    frozen
)]
pub(crate) struct ConcatKdfHmac {
    algorithm: HashAlgorithm,
    length: usize,
    salt: Option<Vec<u8>>,
    other_info: Vec<u8>,
    used: Used,
}

impl Derive for ConcatKdfHmac {
    fn derive_core(
        &self,
        _py: Python<'_>,
        key_material: &[u8],
        out: &mut [u8],
    ) -> CryptoResult<()> {
        let salt = self.salt.as_deref();
        Ok(kdf::concat_hmac(
            self.algorithm,
            salt,
            key_material,
            &self.other_info,
            out,
        )?)
    }
}

kdf_class!(ConcatKdfHmac, [length], [used], {
    #[new]
    #[pyo3(signature = (algorithm, length, salt, otherinfo, backend = None))]
    fn new(
        py: Python<'_>,
        algorithm: Bound<'_, PyAny>,
        length: usize,
        salt: Option<Bound<'_, PyAny>>,
        otherinfo: Option<Bound<'_, PyAny>>,
        backend: Option<Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let _ = backend;
        let core_algorithm = hash_algorithm(py, &algorithm)?;
        if kdf::hmac_block_len(core_algorithm).is_none() {
            let name = algorithm.getattr("name")?.to_string();
            return Err(PyTypeError::new_err(format!(
                "{name} is unsupported for ConcatKDF"
            )));
        }
        let salt = optional_bytes(salt.as_ref())?;
        let other_info = optional_bytes(otherinfo.as_ref())?.unwrap_or_default();
        let length = counter_kdf_length(core_algorithm, length)?;
        Ok(ConcatKdfHmac {
            algorithm: core_algorithm,
            length,
            salt,
            other_info,
            used: Used::new(),
        })
    }
});
