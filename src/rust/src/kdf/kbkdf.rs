//! KBKDFHMAC and KBKDFCMAC (NIST SP 800-108, counter mode).

use cryptography_backend::hash::HashAlgorithm;
use cryptography_backend::kdf;
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::PyBytes;

use super::{optional_bytes, require_hmac_digest, Derive, KdfState, Used};
use crate::buf::{BytesLike, WritableBuffer};
use crate::error::{unsupported, CryptoResult, Reason};
use crate::hashes::hash_algorithm;

/// Converts the arguments KBKDFHMAC and KBKDFCMAC share (the type checks on `mode` and
/// `location` are conversions); the core checks the request.
#[allow(clippy::too_many_arguments)]
fn kbkdf_params(
    py: Python<'_>,
    prf_len: usize,
    mode: &Bound<'_, PyAny>,
    length: usize,
    rlen: usize,
    llen: Option<usize>,
    location: &Bound<'_, PyAny>,
    label: Option<&Bound<'_, PyAny>>,
    context: Option<&Bound<'_, PyAny>>,
    fixed: Option<&Bound<'_, PyAny>>,
    break_location: Option<usize>,
) -> CryptoResult<kdf::KbkdfParams> {
    if !mode.is_instance(crate::types::KBKDF_MODE.get(py)?)? {
        return Err(PyTypeError::new_err("mode must be of type Mode").into());
    }
    let locations = crate::types::KBKDF_COUNTER_LOCATION.get(py)?;
    if !location.is_instance(locations)? {
        return Err(PyTypeError::new_err("location must be of type CounterLocation").into());
    }
    let placement = if location.is(&locations.getattr("BeforeFixed")?) {
        kdf::CounterPlacement::BeforeFixed
    } else if location.is(&locations.getattr("AfterFixed")?) {
        kdf::CounterPlacement::AfterFixed
    } else {
        kdf::CounterPlacement::MiddleFixed
    };
    let label = optional_bytes(label)?.unwrap_or_default();
    let context = optional_bytes(context)?.unwrap_or_default();
    let fixed = optional_bytes(fixed)?;
    Ok(kdf::KbkdfParams::new(
        prf_len,
        length,
        rlen,
        llen,
        placement,
        break_location,
        &label,
        &context,
        fixed,
    )?)
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
            params: kdf::KbkdfParams,
            /// The output length (the core's request holds it too).
            length: usize,
            used: Used,
        }

        kdf_class!($rust, [length], [used], {
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
                let params = kbkdf_params(
                    py,
                    $prf_len(py, &algorithm)?,
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
                Ok($rust {
                    algorithm,
                    length: params.length(),
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
        Ok(self.params.derive_hmac(self.algorithm, key_material, out)?)
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
        Ok(self.params.derive_cmac(&keyed, out)?)
    }
}
