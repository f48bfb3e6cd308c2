//! The key derivation functions of `cryptography.hazmat.primitives.kdf`: PBKDF2HMAC,
//! Scrypt, HKDF, HKDFExpand, X963KDF, ConcatKDFHash and ConcatKDFHMAC.
//!
//! Each object derives once: `derive`, `derive_into` and `verify` all use it up (a second
//! call raises `AlreadyFinalized`), as in the reference. The derivation itself is one call
//! into the core; the slow ones (PBKDF2, scrypt) run with the interpreter released.

use std::sync::atomic::{AtomicBool, Ordering};

use cryptography_backend::hash::HashAlgorithm;
use cryptography_backend::kdf;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyBytes;

use crate::buf::{new_bytes, BytesLike, WritableBuffer};
use crate::error::{already_finalized, unsupported, CryptoError, CryptoResult, Reason};
use crate::hashes::hash_algorithm;

pyo3::import_exception!(cryptography.exceptions, InvalidKey);

/// The salt, info and similar arguments: `bytes` or `None`, as the reference takes them.
fn optional_bytes(value: Option<&Bound<'_, PyAny>>) -> PyResult<Option<Vec<u8>>> {
    match value {
        None => Ok(None),
        Some(value) if value.is_none() => Ok(None),
        Some(value) => required_bytes(value).map(Some),
    }
}

fn required_bytes(value: &Bound<'_, PyAny>) -> PyResult<Vec<u8>> {
    value
        .cast::<PyBytes>()
        .map(|bytes| bytes.as_bytes().to_vec())
        .map_err(|_| {
            let type_name = value
                .get_type()
                .name()
                .map(|n| n.to_string())
                .unwrap_or_default();
            PyTypeError::new_err(format!(
                "'{type_name}' object is not an instance of 'bytes'"
            ))
        })
}

/// HMAC refuses extendable-output digests, with the reference's message.
fn require_hmac_digest(py: Python<'_>, algorithm: HashAlgorithm) -> CryptoResult<()> {
    if algorithm.is_xof() {
        return Err(unsupported(
            py,
            "Digest is not supported for HMAC".into(),
            Reason::UnsupportedHash,
        )
        .into());
    }
    Ok(())
}

/// An object's single use: the first `take` succeeds, later ones raise `AlreadyFinalized`.
struct Used(AtomicBool);

impl Used {
    fn new() -> Self {
        Used(AtomicBool::new(false))
    }

    fn take(&self) -> PyResult<()> {
        if self.0.swap(true, Ordering::AcqRel) {
            Err(already_finalized())
        } else {
            Ok(())
        }
    }
}

/// What the three methods of every KDF class share: a length, the single use, and the
/// derivation itself (which releases the interpreter where it is slow).
trait Derive: Sync {
    fn length(&self) -> usize;
    fn used(&self) -> &Used;
    fn derive_core(&self, py: Python<'_>, key_material: &[u8], out: &mut [u8]) -> CryptoResult<()>;

    fn run(&self, py: Python<'_>, key_material: &[u8], out: &mut [u8]) -> CryptoResult<()> {
        self.used().take()?;
        self.derive_core(py, key_material, out)
    }

    fn derive<'py>(
        &self,
        py: Python<'py>,
        key_material: &[u8],
    ) -> CryptoResult<Bound<'py, PyBytes>> {
        Ok(new_bytes(py, self.length(), |out| {
            self.run(py, key_material, out)
                .map(|()| out.len())
                .map_err(PyErr::from)
        })?)
    }

    fn derive_into(
        &self,
        py: Python<'_>,
        key_material: &[u8],
        buf: &mut WritableBuffer,
    ) -> CryptoResult<usize> {
        let out = buf.as_mut_slice();
        if out.len() != self.length() {
            return Err(
                PyValueError::new_err(format!("buffer must be {} bytes", self.length())).into(),
            );
        }
        self.run(py, key_material, out)?;
        Ok(out.len())
    }

    fn verify(&self, py: Python<'_>, key_material: &[u8], expected_key: &[u8]) -> CryptoResult<()> {
        let mut derived = zeroize::Zeroizing::new(vec![0u8; self.length()]);
        self.run(py, key_material, &mut derived)?;
        if cryptography_backend::constant_time_eq(&derived, expected_key) {
            Ok(())
        } else {
            Err(InvalidKey::new_err("Keys do not match.").into())
        }
    }
}

/// The `derive`, `derive_into` and `verify` methods, and the class's own items.
macro_rules! kdf_class {
    ($rust:ident, { $($items:tt)* }) => {
        #[pymethods]
        impl $rust {
            fn derive<'py>(
                &self,
                py: Python<'py>,
                key_material: BytesLike<'_>,
            ) -> CryptoResult<Bound<'py, PyBytes>> {
                Derive::derive(self, py, &key_material)
            }

            fn derive_into(
                &self,
                py: Python<'_>,
                key_material: BytesLike<'_>,
                mut buf: WritableBuffer,
            ) -> CryptoResult<usize> {
                Derive::derive_into(self, py, &key_material, &mut buf)
            }

            fn verify(
                &self,
                py: Python<'_>,
                key_material: BytesLike<'_>,
                expected_key: BytesLike<'_>,
            ) -> CryptoResult<()> {
                Derive::verify(self, py, &key_material, &expected_key)
            }

            $($items)*
        }
    };
}

// ---------------------------------------------------------------------------------------

#[pyclass(
    module = "cryptography.hazmat.primitives.kdf.pbkdf2",
    name = "PBKDF2HMAC",
    frozen
)]
pub(crate) struct Pbkdf2Hmac {
    algorithm: HashAlgorithm,
    length: usize,
    salt: Vec<u8>,
    iterations: u64,
    used: Used,
}

impl Derive for Pbkdf2Hmac {
    fn length(&self) -> usize {
        self.length
    }
    fn used(&self) -> &Used {
        &self.used
    }
    fn derive_core(&self, py: Python<'_>, key_material: &[u8], out: &mut [u8]) -> CryptoResult<()> {
        require_hmac_digest(py, self.algorithm)?;
        Ok(py.detach(|| {
            kdf::pbkdf2_hmac(
                self.algorithm,
                key_material,
                &self.salt,
                self.iterations,
                out,
            )
        })?)
    }
}

kdf_class!(Pbkdf2Hmac, {
    #[new]
    #[pyo3(signature = (algorithm, length, salt, iterations, backend = None))]
    fn new(
        py: Python<'_>,
        algorithm: Bound<'_, PyAny>,
        length: usize,
        salt: Bound<'_, PyAny>,
        iterations: u64,
        backend: Option<Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let _ = backend;
        let algorithm = hash_algorithm(py, &algorithm)?;
        let salt = required_bytes(&salt)?;
        if iterations < 1 {
            return Err(PyValueError::new_err(
                "iterations must be greater than or equal to 1.",
            ));
        }
        Ok(Pbkdf2Hmac {
            algorithm,
            length,
            salt,
            iterations,
            used: Used::new(),
        })
    }
});

// ---------------------------------------------------------------------------------------

#[pyclass(
    module = "cryptography.hazmat.primitives.kdf.scrypt",
    name = "Scrypt",
    frozen
)]
pub(crate) struct Scrypt {
    salt: Vec<u8>,
    length: usize,
    n: u64,
    r: u64,
    p: u64,
    used: Used,
}

impl Derive for Scrypt {
    fn length(&self) -> usize {
        self.length
    }
    fn used(&self) -> &Used {
        &self.used
    }
    fn derive_core(&self, py: Python<'_>, key_material: &[u8], out: &mut [u8]) -> CryptoResult<()> {
        Ok(py.detach(|| kdf::scrypt(key_material, &self.salt, self.n, self.r, self.p, out))?)
    }
}

kdf_class!(Scrypt, {
    #[new]
    #[pyo3(signature = (salt, length, n, r, p, backend = None))]
    fn new(
        salt: Bound<'_, PyAny>,
        length: usize,
        n: u64,
        r: u64,
        p: u64,
        backend: Option<Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let _ = backend;
        let salt = required_bytes(&salt)?;
        if n < 2 || !n.is_power_of_two() {
            return Err(PyValueError::new_err(
                "n must be greater than 1 and be a power of 2.",
            ));
        }
        if r < 1 {
            return Err(PyValueError::new_err(
                "r must be greater than or equal to 1.",
            ));
        }
        if p < 1 {
            return Err(PyValueError::new_err(
                "p must be greater than or equal to 1.",
            ));
        }
        Ok(Scrypt {
            salt,
            length,
            n,
            r,
            p,
            used: Used::new(),
        })
    }
});

// ---------------------------------------------------------------------------------------

fn hkdf_length(algorithm: HashAlgorithm, length: usize) -> PyResult<usize> {
    let max = kdf::hkdf_max_len(algorithm);
    if length > max {
        return Err(PyValueError::new_err(format!(
            "Cannot derive keys larger than {max} octets."
        )));
    }
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
    fn length(&self) -> usize {
        self.length
    }
    fn used(&self) -> &Used {
        &self.used
    }
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

kdf_class!(Hkdf, {
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
        let algorithm = hash_algorithm(py, &algorithm)?;
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
        require_hmac_digest(py, algorithm)?;
        let salt = optional_bytes(salt.as_ref())?;
        Ok(new_bytes(py, algorithm.output_len(), |out| {
            kdf::hkdf_extract(algorithm, salt.as_deref(), &key_material, out)
                .map(|()| out.len())
                .map_err(|e| CryptoError::from(e).into())
        })?)
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
    fn length(&self) -> usize {
        self.length
    }
    fn used(&self) -> &Used {
        &self.used
    }
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

kdf_class!(HkdfExpand, {
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
        let algorithm = hash_algorithm(py, &algorithm)?;
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

// ---------------------------------------------------------------------------------------

/// The counter-based KDFs' limit, stated in "bits" as the reference states it (the number
/// is the byte limit).
fn counter_kdf_length(algorithm: HashAlgorithm, length: usize) -> PyResult<usize> {
    let max = kdf::counter_kdf_max_len(algorithm);
    if length as u64 > max {
        return Err(PyValueError::new_err(format!(
            "Cannot derive keys larger than {max} bits."
        )));
    }
    Ok(length)
}

#[pyclass(
    module = "cryptography.hazmat.primitives.kdf.x963kdf",
    name = "X963KDF",
    frozen
)]
pub(crate) struct X963Kdf {
    algorithm: HashAlgorithm,
    length: usize,
    shared_info: Vec<u8>,
    used: Used,
}

impl Derive for X963Kdf {
    fn length(&self) -> usize {
        self.length
    }
    fn used(&self) -> &Used {
        &self.used
    }
    fn derive_core(
        &self,
        _py: Python<'_>,
        key_material: &[u8],
        out: &mut [u8],
    ) -> CryptoResult<()> {
        Ok(kdf::x963(
            self.algorithm,
            key_material,
            &self.shared_info,
            out,
        )?)
    }
}

kdf_class!(X963Kdf, {
    #[new]
    #[pyo3(signature = (algorithm, length, sharedinfo, backend = None))]
    fn new(
        py: Python<'_>,
        algorithm: Bound<'_, PyAny>,
        length: usize,
        sharedinfo: Option<Bound<'_, PyAny>>,
        backend: Option<Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let _ = backend;
        let algorithm = hash_algorithm(py, &algorithm)?;
        let shared_info = optional_bytes(sharedinfo.as_ref())?.unwrap_or_default();
        let length = counter_kdf_length(algorithm, length)?;
        Ok(X963Kdf {
            algorithm,
            length,
            shared_info,
            used: Used::new(),
        })
    }
});

#[pyclass(
    module = "cryptography.hazmat.primitives.kdf.concatkdf",
    name = "ConcatKDFHash",
    frozen
)]
pub(crate) struct ConcatKdfHash {
    algorithm: HashAlgorithm,
    length: usize,
    other_info: Vec<u8>,
    used: Used,
}

impl Derive for ConcatKdfHash {
    fn length(&self) -> usize {
        self.length
    }
    fn used(&self) -> &Used {
        &self.used
    }
    fn derive_core(
        &self,
        _py: Python<'_>,
        key_material: &[u8],
        out: &mut [u8],
    ) -> CryptoResult<()> {
        Ok(kdf::concat_hash(
            self.algorithm,
            key_material,
            &self.other_info,
            out,
        )?)
    }
}

kdf_class!(ConcatKdfHash, {
    #[new]
    #[pyo3(signature = (algorithm, length, otherinfo, backend = None))]
    fn new(
        py: Python<'_>,
        algorithm: Bound<'_, PyAny>,
        length: usize,
        otherinfo: Option<Bound<'_, PyAny>>,
        backend: Option<Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let _ = backend;
        let algorithm = hash_algorithm(py, &algorithm)?;
        let other_info = optional_bytes(otherinfo.as_ref())?.unwrap_or_default();
        let length = counter_kdf_length(algorithm, length)?;
        Ok(ConcatKdfHash {
            algorithm,
            length,
            other_info,
            used: Used::new(),
        })
    }
});

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
    fn length(&self) -> usize {
        self.length
    }
    fn used(&self) -> &Used {
        &self.used
    }
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

kdf_class!(ConcatKdfHmac, {
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

// ---------------------------------------------------------------------------------------
// KBKDF (NIST SP 800-108, counter mode)

const KBKDF_MODULE: &str = "cryptography.hazmat.primitives.kdf.kbkdf";

/// The arguments KBKDFHMAC and KBKDFCMAC share, checked as the reference checks them.
struct KbkdfParams {
    length: usize,
    rlen: usize,
    location: kdf::CounterLocation,
    /// The fixed input data; `None` when [L] does not fit in `llen` bytes (reported when
    /// deriving, as the reference does).
    fixed: Option<Vec<u8>>,
}

impl KbkdfParams {
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        mode: &Bound<'_, PyAny>,
        length: usize,
        rlen: usize,
        llen: Option<usize>,
        location: &Bound<'_, PyAny>,
        label: Option<&Bound<'_, PyAny>>,
        context: Option<&Bound<'_, PyAny>>,
        fixed: Option<&Bound<'_, PyAny>>,
        break_location: Option<usize>,
    ) -> PyResult<Self> {
        let module = py.import(KBKDF_MODULE)?;
        if !mode.is_instance(&module.getattr("Mode")?)? {
            return Err(PyTypeError::new_err("mode must be of type Mode"));
        }
        let locations = module.getattr("CounterLocation")?;
        if !location.is_instance(&locations)? {
            return Err(PyTypeError::new_err(
                "location must be of type CounterLocation",
            ));
        }
        let location = if location.is(&locations.getattr("BeforeFixed")?) {
            kdf::CounterLocation::BeforeFixed
        } else if location.is(&locations.getattr("AfterFixed")?) {
            kdf::CounterLocation::AfterFixed
        } else {
            let at = break_location
                .ok_or_else(|| PyValueError::new_err("Please specify a break_location"))?;
            kdf::CounterLocation::MiddleFixed(at)
        };
        if break_location.is_some() && !matches!(location, kdf::CounterLocation::MiddleFixed(_)) {
            return Err(PyValueError::new_err(
                "break_location is ignored when location is not CounterLocation.MiddleFixed",
            ));
        }
        let label = optional_bytes(label)?.unwrap_or_default();
        let context = optional_bytes(context)?.unwrap_or_default();
        let fixed = optional_bytes(fixed)?;
        if (!label.is_empty() || !context.is_empty())
            && fixed.as_ref().is_some_and(|f| !f.is_empty())
        {
            return Err(PyValueError::new_err(
                "When supplying fixed data, label and context are ignored.",
            ));
        }
        if !(1..=4).contains(&rlen) {
            return Err(PyValueError::new_err("rlen must be between 1 and 4"));
        }
        let fixed = match (fixed, llen) {
            (Some(fixed), _) => Some(fixed),
            (None, None) => return Err(PyValueError::new_err("Please specify an llen")),
            (None, Some(0)) => return Err(PyValueError::new_err("llen must be non-zero")),
            (None, Some(llen)) => kdf::kbkdf_fixed_input(&label, &context, llen, length),
        };
        Ok(KbkdfParams {
            length,
            rlen,
            location,
            fixed,
        })
    }

    /// The checks the reference makes when deriving; returns the fixed input data.
    fn fixed_for_derive(&self, prf_len: usize) -> PyResult<&[u8]> {
        let fixed = self
            .fixed
            .as_deref()
            .ok_or_else(|| pyo3::exceptions::PyOverflowError::new_err("int too big to convert"))?;
        if let kdf::CounterLocation::MiddleFixed(at) = self.location {
            if at > fixed.len() {
                return Err(PyValueError::new_err("break_location offset > len(fixed)"));
            }
        }
        if kdf::kbkdf_rounds(prf_len, self.rlen, self.length).is_none() {
            return Err(PyValueError::new_err("There are too many iterations."));
        }
        Ok(fixed)
    }
}

#[pyclass(
    module = "cryptography.hazmat.primitives.kdf.kbkdf",
    name = "KBKDFHMAC",
    frozen
)]
pub(crate) struct KbkdfHmac {
    algorithm: HashAlgorithm,
    params: KbkdfParams,
    used: Used,
}

impl Derive for KbkdfHmac {
    fn length(&self) -> usize {
        self.params.length
    }
    fn used(&self) -> &Used {
        &self.used
    }
    fn derive_core(&self, py: Python<'_>, key_material: &[u8], out: &mut [u8]) -> CryptoResult<()> {
        require_hmac_digest(py, self.algorithm)?;
        let fixed = self.params.fixed_for_derive(self.algorithm.output_len())?;
        let (rlen, location) = (self.params.rlen, self.params.location);
        Ok(kdf::kbkdf_hmac(
            self.algorithm,
            key_material,
            rlen,
            location,
            fixed,
            out,
        )?)
    }
}

kdf_class!(KbkdfHmac, {
    #[new]
    #[pyo3(signature = (
        algorithm, mode, length, rlen, llen, location, label, context, fixed, backend = None,
        *, break_location = None
    ))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        algorithm: Bound<'_, PyAny>,
        mode: Bound<'_, PyAny>,
        length: usize,
        rlen: usize,
        llen: Option<usize>,
        location: Bound<'_, PyAny>,
        label: Option<Bound<'_, PyAny>>,
        context: Option<Bound<'_, PyAny>>,
        fixed: Option<Bound<'_, PyAny>>,
        backend: Option<Bound<'_, PyAny>>,
        break_location: Option<usize>,
    ) -> PyResult<Self> {
        let _ = backend;
        let algorithm = hash_algorithm(py, &algorithm)?;
        let params = KbkdfParams::new(
            py,
            &mode,
            length,
            rlen,
            llen,
            &location,
            label.as_ref(),
            context.as_ref(),
            fixed.as_ref(),
            break_location,
        )?;
        Ok(KbkdfHmac {
            algorithm,
            params,
            used: Used::new(),
        })
    }
});

#[pyclass(
    module = "cryptography.hazmat.primitives.kdf.kbkdf",
    name = "KBKDFCMAC",
    frozen
)]
pub(crate) struct KbkdfCmac {
    /// The block cipher class; each derivation makes an instance with the key material.
    algorithm: Py<pyo3::types::PyType>,
    params: KbkdfParams,
    used: Used,
}

impl Derive for KbkdfCmac {
    fn length(&self) -> usize {
        self.params.length
    }
    fn used(&self) -> &Used {
        &self.used
    }
    fn derive_core(&self, py: Python<'_>, key_material: &[u8], out: &mut [u8]) -> CryptoResult<()> {
        // The class checks the key (with its own message), as the reference lets it.
        let cipher = self
            .algorithm
            .bind(py)
            .call1((PyBytes::new(py, key_material),))?;
        let keyed = crate::cmac::keyed_cmac(py, &cipher)?;
        let fixed = self.params.fixed_for_derive(keyed.cipher().block_len())?;
        let (rlen, location) = (self.params.rlen, self.params.location);
        Ok(kdf::kbkdf_cmac(&keyed, rlen, location, fixed, out)?)
    }
}

kdf_class!(KbkdfCmac, {
    #[new]
    #[pyo3(signature = (
        algorithm, mode, length, rlen, llen, location, label, context, fixed, backend = None,
        *, break_location = None
    ))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        algorithm: Bound<'_, PyAny>,
        mode: Bound<'_, PyAny>,
        length: usize,
        rlen: usize,
        llen: Option<usize>,
        location: Bound<'_, PyAny>,
        label: Option<Bound<'_, PyAny>>,
        context: Option<Bound<'_, PyAny>>,
        fixed: Option<Bound<'_, PyAny>>,
        backend: Option<Bound<'_, PyAny>>,
        break_location: Option<usize>,
    ) -> CryptoResult<Self> {
        let _ = backend;
        let algorithm = algorithm
            .cast_into::<pyo3::types::PyType>()
            .map_err(|err| {
                let type_name = err
                    .into_inner()
                    .get_type()
                    .name()
                    .map(|n| n.to_string())
                    .unwrap_or_default();
                PyTypeError::new_err(format!("'{type_name}' object is not an instance of 'type'"))
            })?;
        let interfaces = py.import("cryptography.hazmat.primitives._cipheralgorithm")?;
        if !algorithm.is_subclass(&interfaces.getattr("BlockCipherAlgorithm")?)?
            || !algorithm.is_subclass(&interfaces.getattr("CipherAlgorithm")?)?
        {
            return Err(unsupported(
                py,
                "Algorithm must be a block cipher.".into(),
                Reason::UnsupportedCipher,
            )
            .into());
        }
        let params = KbkdfParams::new(
            py,
            &mode,
            length,
            rlen,
            llen,
            &location,
            label.as_ref(),
            context.as_ref(),
            fixed.as_ref(),
            break_location,
        )?;
        Ok(KbkdfCmac {
            algorithm: algorithm.unbind(),
            params,
            used: Used::new(),
        })
    }
});

// ---------------------------------------------------------------------------------------
// Argon2 (RFC 9106)

/// The arguments the three Argon2 classes share, checked as the reference checks them.
struct Argon2Args {
    variant: kdf::Argon2Variant,
    params: kdf::Argon2Params,
    salt: Vec<u8>,
    length: usize,
    ad: Vec<u8>,
    secret: zeroize::Zeroizing<Vec<u8>>,
    used: Used,
}

impl Argon2Args {
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        variant: kdf::Argon2Variant,
        salt: &Bound<'_, PyAny>,
        length: usize,
        iterations: u32,
        lanes: u32,
        memory_cost: u32,
        ad: Option<&Bound<'_, PyAny>>,
        secret: Option<&Bound<'_, PyAny>>,
    ) -> CryptoResult<Self> {
        if !variant.is_supported() {
            return Err(unsupported(
                py,
                "This version of OpenSSL does not support argon2".into(),
                Reason::BackendMissingInterface,
            )
            .into());
        }
        let salt = required_bytes(salt)?;
        if salt.len() < 8 {
            return Err(PyValueError::new_err("salt must be at least 8 bytes").into());
        }
        if length < 4 {
            return Err(PyValueError::new_err("length must be greater than or equal to 4.").into());
        }
        if iterations < 1 {
            return Err(
                PyValueError::new_err("iterations must be greater than or equal to 1.").into(),
            );
        }
        if lanes < 1 {
            return Err(PyValueError::new_err("lanes must be greater than or equal to 1.").into());
        }
        if u64::from(memory_cost) < 8 * u64::from(lanes) {
            return Err(
                PyValueError::new_err("memory_cost must be an integer >= 8 * lanes.").into(),
            );
        }
        Ok(Argon2Args {
            variant,
            params: kdf::Argon2Params {
                iterations,
                lanes,
                memory_cost,
            },
            salt,
            length,
            ad: optional_bytes(ad)?.unwrap_or_default(),
            secret: zeroize::Zeroizing::new(optional_bytes(secret)?.unwrap_or_default()),
            used: Used::new(),
        })
    }

    fn derive_with(
        &self,
        py: Python<'_>,
        params: kdf::Argon2Params,
        salt: &[u8],
        key_material: &[u8],
        out: &mut [u8],
    ) -> CryptoResult<()> {
        Ok(py.detach(|| {
            kdf::argon2(
                self.variant,
                params,
                key_material,
                salt,
                &self.secret,
                &self.ad,
                out,
            )
        })?)
    }

    fn derive_phc_encoded(&self, py: Python<'_>, key_material: &[u8]) -> CryptoResult<String> {
        let mut hash = zeroize::Zeroizing::new(vec![0u8; self.length]);
        self.used.take()?;
        self.derive_with(py, self.params, &self.salt, key_material, &mut hash)?;
        Ok(kdf::argon2_phc_encode(
            self.variant,
            self.params,
            &self.salt,
            &hash,
        ))
    }
}

/// `verify_phc_encoded`: parse, derive with the string's parameters, compare.
fn argon2_verify_phc(
    py: Python<'_>,
    variant: kdf::Argon2Variant,
    key_material: &[u8],
    phc_encoded: &Bound<'_, PyAny>,
    secret: Option<&Bound<'_, PyAny>>,
) -> CryptoResult<()> {
    let encoded = phc_encoded.cast::<pyo3::types::PyString>().map_err(|_| {
        let type_name = phc_encoded
            .get_type()
            .name()
            .map(|n| n.to_string())
            .unwrap_or_default();
        PyTypeError::new_err(format!("'{type_name}' object is not an instance of 'str'"))
    })?;
    let parsed = kdf::argon2_phc_decode(variant, &encoded.to_cow()?).map_err(|err| {
        let message = match err {
            kdf::PhcError::Format => "Invalid PHC string format.".to_string(),
            kdf::PhcError::Variant(found) => {
                let name = found.phc_name();
                format!(
                    "Incorrect variant in PHC string, did you mean to use A{}?",
                    &name[1..]
                )
            }
            kdf::PhcError::Version => "Invalid version in PHC string.".to_string(),
            kdf::PhcError::ParameterOrder => "Parameters must be in order: m, t, p.".to_string(),
            kdf::PhcError::Salt => "Invalid base64 salt in PHC string.".to_string(),
            kdf::PhcError::Hash => "Invalid base64 hash in PHC string.".to_string(),
        };
        InvalidKey::new_err(message)
    })?;
    let salt = PyBytes::new(py, &parsed.salt);
    let args = Argon2Args::new(
        py,
        variant,
        salt.as_any(),
        parsed.hash.len(),
        parsed.params.iterations,
        parsed.params.lanes,
        parsed.params.memory_cost,
        None,
        secret,
    )?;
    let mut derived = zeroize::Zeroizing::new(vec![0u8; parsed.hash.len()]);
    args.derive_with(py, parsed.params, &parsed.salt, key_material, &mut derived)?;
    if cryptography_backend::constant_time_eq(&derived, &parsed.hash) {
        Ok(())
    } else {
        Err(InvalidKey::new_err("Keys do not match.").into())
    }
}

macro_rules! argon2_class {
    ($rust:ident, $name:literal, $variant:expr) => {
        #[pyclass(module = "cryptography.hazmat.primitives.kdf.argon2", name = $name, frozen)]
        pub(crate) struct $rust(Argon2Args);

        impl Derive for $rust {
            fn length(&self) -> usize {
                self.0.length
            }
            fn used(&self) -> &Used {
                &self.0.used
            }
            fn derive_core(
                &self,
                py: Python<'_>,
                key_material: &[u8],
                out: &mut [u8],
            ) -> CryptoResult<()> {
                self.0.derive_with(py, self.0.params, &self.0.salt, key_material, out)
            }
        }

        kdf_class!($rust, {
            #[new]
            #[pyo3(signature = (salt, length, iterations, lanes, memory_cost, ad = None, secret = None))]
            #[allow(clippy::too_many_arguments)]
            fn new(
                py: Python<'_>,
                salt: Bound<'_, PyAny>,
                length: usize,
                iterations: u32,
                lanes: u32,
                memory_cost: u32,
                ad: Option<Bound<'_, PyAny>>,
                secret: Option<Bound<'_, PyAny>>,
            ) -> CryptoResult<Self> {
                Ok($rust(Argon2Args::new(
                    py, $variant, &salt, length, iterations, lanes, memory_cost, ad.as_ref(),
                    secret.as_ref(),
                )?))
            }

            fn derive_phc_encoded(
                &self,
                py: Python<'_>,
                key_material: BytesLike<'_>,
            ) -> CryptoResult<String> {
                self.0.derive_phc_encoded(py, &key_material)
            }

            #[classmethod]
            #[pyo3(signature = (key_material, phc_encoded, secret = None))]
            fn verify_phc_encoded(
                _cls: &Bound<'_, pyo3::types::PyType>,
                py: Python<'_>,
                key_material: BytesLike<'_>,
                phc_encoded: Bound<'_, PyAny>,
                secret: Option<Bound<'_, PyAny>>,
            ) -> CryptoResult<()> {
                argon2_verify_phc(py, $variant, &key_material, &phc_encoded, secret.as_ref())
            }
        });
    };
}

argon2_class!(Argon2d, "Argon2d", kdf::Argon2Variant::Argon2d);
argon2_class!(Argon2i, "Argon2i", kdf::Argon2Variant::Argon2i);
argon2_class!(Argon2id, "Argon2id", kdf::Argon2Variant::Argon2id);
