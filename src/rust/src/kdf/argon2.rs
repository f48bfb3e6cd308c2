//! Argon2d, Argon2i and Argon2id (RFC 9106), with PHC strings.

use cryptography_backend::kdf;
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::PyBytes;

use super::{optional_bytes, required_bytes, Derive, KdfState, Used};
use crate::buf::{BytesLike, WritableBuffer};
use crate::error::{unsupported, CryptoResult, KdfInvalidKey, Reason};

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
        let params = kdf::Argon2Params::new(&salt, length, iterations, lanes, memory_cost)?;
        Ok(Argon2Args {
            variant,
            params,
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
        KdfInvalidKey::new_err(message)
    })?;
    let salt = PyBytes::new(py, &parsed.salt);
    let args = Argon2Args::new(
        py,
        variant,
        salt.as_any(),
        parsed.hash.len(),
        parsed.iterations,
        parsed.lanes,
        parsed.memory_cost,
        None,
        secret,
    )?;
    kdf::verify_derived(parsed.hash.len(), &parsed.hash, |out| {
        args.derive_with(py, args.params, &parsed.salt, key_material, out)
    })
}

macro_rules! argon2_class {
    ($rust:ident, $name:literal, $variant:expr) => {
        #[pyclass(module = "cryptography.hazmat.primitives.kdf.argon2", name = $name, frozen)]
        pub(crate) struct $rust {
            args: Argon2Args,
        }

        impl Derive for $rust {
                    fn derive_core(
                &self,
                py: Python<'_>,
                key_material: &[u8],
                out: &mut [u8],
            ) -> CryptoResult<()> {
                self.args.derive_with(py, self.args.params, &self.args.salt, key_material, out)
            }
        }

        kdf_class!($rust, [args.length], [args.used], {
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
                Ok($rust {
                    args: Argon2Args::new(
                    py, $variant, &salt, length, iterations, lanes, memory_cost, ad.as_ref(),
                    secret.as_ref(),
                )?,
                })
            }

            fn derive_phc_encoded(
                &self,
                py: Python<'_>,
                key_material: BytesLike<'_>,
            ) -> CryptoResult<String> {
                self.args.derive_phc_encoded(py, &key_material)
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
