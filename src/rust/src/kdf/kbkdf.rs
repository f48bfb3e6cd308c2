//! KBKDFHMAC and KBKDFCMAC (NIST SP 800-108, counter mode).

use cryptography_backend::hash::HashAlgorithm;
use cryptography_backend::kdf;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyBytes;

use super::{optional_bytes, require_hmac_digest, Derive, KdfState, Used};
use crate::buf::{BytesLike, WritableBuffer};
use crate::error::{unsupported, CryptoResult, Reason};
use crate::hashes::hash_algorithm;

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
        if !mode.is_instance(crate::types::KBKDF_MODE.get(py)?)? {
            return Err(PyTypeError::new_err("mode must be of type Mode"));
        }
        let locations = crate::types::KBKDF_COUNTER_LOCATION.get(py)?;
        if !location.is_instance(locations)? {
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

    /// The counter must be able to number every PRF block of the output (checked when
    /// the object is made, as the reference does).
    fn check_rounds(&self, prf_len: usize) -> PyResult<()> {
        if kdf::kbkdf_rounds(prf_len, self.rlen, self.length).is_none() {
            return Err(PyValueError::new_err("There are too many iterations."));
        }
        Ok(())
    }

    /// The checks the reference makes when deriving; returns the fixed input data.
    fn fixed_for_derive(&self) -> PyResult<&[u8]> {
        let fixed = self
            .fixed
            .as_deref()
            .ok_or_else(|| pyo3::exceptions::PyOverflowError::new_err("int too big to convert"))?;
        if let kdf::CounterLocation::MiddleFixed(at) = self.location {
            if at > fixed.len() {
                return Err(PyValueError::new_err("break_location offset > len(fixed)"));
            }
        }
        Ok(fixed)
    }
}

/// KBKDFHMAC's PRF: a digest HMAC can use.
fn kbkdf_hmac_algorithm(
    py: Python<'_>,
    algorithm: Bound<'_, PyAny>,
) -> CryptoResult<HashAlgorithm> {
    Ok(hash_algorithm(py, &algorithm)?)
}

/// KBKDFCMAC's PRF: a block cipher class (instantiated with each key material).
fn kbkdf_cmac_algorithm(
    py: Python<'_>,
    algorithm: Bound<'_, PyAny>,
) -> CryptoResult<Py<pyo3::types::PyType>> {
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
    if !algorithm.is_subclass(crate::types::BLOCK_CIPHER_ALGORITHM.get(py)?)?
        || !algorithm.is_subclass(crate::types::CIPHER_ALGORITHM.get(py)?)?
    {
        return Err(unsupported(
            py,
            "Algorithm must be a block cipher.".into(),
            Reason::UnsupportedCipher,
        )
        .into());
    }
    Ok(algorithm.unbind())
}

/// KBKDFHMAC's PRF output: the digest.
fn kbkdf_hmac_prf_len(_: Python<'_>, algorithm: &HashAlgorithm) -> PyResult<usize> {
    Ok(algorithm.output_len())
}

/// KBKDFCMAC's PRF output: the cipher's block (its class's `block_size`, in bits).
fn kbkdf_cmac_prf_len(py: Python<'_>, algorithm: &Py<pyo3::types::PyType>) -> PyResult<usize> {
    let bits: usize = algorithm
        .bind(py)
        .getattr(pyo3::intern!(py, "block_size"))?
        .extract()?;
    Ok(bits / 8)
}

/// The two KBKDF classes: one Python signature, `$convert` turning the algorithm
/// argument into the PRF's description and `$prf_len` giving its output length.
macro_rules! kbkdf_class {
    ($rust:ident, $name:literal, $algorithm:ty, $convert:ident, $prf_len:ident) => {
        #[pyclass(module = "cryptography.hazmat.primitives.kdf.kbkdf", name = $name, frozen)]
        pub(crate) struct $rust {
            algorithm: $algorithm,
            params: KbkdfParams,
            used: Used,
        }

        kdf_class!($rust, [params.length], [used], {
            #[new]
            #[pyo3(signature = (
                        algorithm, mode, length, rlen, llen, location, label, context, fixed,
                        backend = None, *, break_location = None
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
                let algorithm = $convert(py, algorithm)?;
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
                params.check_rounds($prf_len(py, &algorithm)?)?;
                Ok($rust {
                    algorithm,
                    params,
                    used: Used::new(),
                })
            }
        });
    };
}

kbkdf_class!(
    KbkdfHmac,
    "KBKDFHMAC",
    HashAlgorithm,
    kbkdf_hmac_algorithm,
    kbkdf_hmac_prf_len
);
kbkdf_class!(
    KbkdfCmac,
    "KBKDFCMAC",
    Py<pyo3::types::PyType>,
    kbkdf_cmac_algorithm,
    kbkdf_cmac_prf_len
);

impl Derive for KbkdfHmac {
    fn derive_core(&self, py: Python<'_>, key_material: &[u8], out: &mut [u8]) -> CryptoResult<()> {
        require_hmac_digest(py, self.algorithm)?;
        let fixed = self.params.fixed_for_derive()?;
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

impl Derive for KbkdfCmac {
    fn derive_core(&self, py: Python<'_>, key_material: &[u8], out: &mut [u8]) -> CryptoResult<()> {
        // The class checks the key (with its own message), as the reference lets it.
        let cipher = self
            .algorithm
            .bind(py)
            .call1((PyBytes::new(py, key_material),))?;
        let keyed = crate::cmac::keyed_cmac(py, &cipher)?;
        let fixed = self.params.fixed_for_derive()?;
        let (rlen, location) = (self.params.rlen, self.params.location);
        Ok(kdf::kbkdf_cmac(&keyed, rlen, location, fixed, out)?)
    }
}
