//! ML-DSA keys (`cryptography.hazmat.bindings._rust.openssl.mldsa`): a private and a
//! public class per parameter set, declared by one macro, and `MLDSAMuHasher`.

use std::sync::Mutex;

use cryptography_backend::mldsa::{MlDsaPrivateKey, MlDsaPublicKey, MlDsaVariant, MuHasher};
use cryptography_keys::{PrivateKeyRef, PublicKeyRef};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::PyBytes;

use crate::asym::{private_key_methods, public_key_methods, PrivateKeyClass, PublicKeyClass};
use crate::buf::BytesLike;
use crate::error::CryptoResult;

const MODULE: &str = "cryptography.hazmat.bindings._rust.openssl.mldsa";

fn context_bytes<'a>(context: &'a Option<BytesLike<'_>>) -> &'a [u8] {
    match context {
        Some(context) => context,
        None => &[],
    }
}

macro_rules! mldsa_classes {
    (
        $private:ident, $public:ident, $private_name:literal, $public_name:literal,
        $variant:expr, $generate:ident, $from_seed:ident, $from_public:ident
    ) => {
        #[pyclass(module = "cryptography.hazmat.bindings._rust.openssl.mldsa", name = $private_name, frozen)]
        pub(crate) struct $private {
            key: MlDsaPrivateKey,
        }

        #[pyclass(module = "cryptography.hazmat.bindings._rust.openssl.mldsa", name = $public_name, frozen)]
        pub(crate) struct $public {
            key: MlDsaPublicKey,
        }

        /// A new key from a random seed.
        #[pyfunction]
        fn $generate() -> CryptoResult<$private> {
            Ok($private {
                key: MlDsaPrivateKey::generate($variant)?,
            })
        }

        /// The key a 32-byte seed expands to.
        #[pyfunction]
        fn $from_seed(data: BytesLike<'_>) -> CryptoResult<$private> {
            Ok($private {
                key: MlDsaPrivateKey::from_seed($variant, &data)?,
            })
        }

        /// The key with the given encoding.
        #[pyfunction]
        fn $from_public(data: BytesLike<'_>) -> CryptoResult<$public> {
            Ok($public {
                key: MlDsaPublicKey::from_bytes($variant, &data)?,
            })
        }

        private_key_methods! { $private {
            #[pyo3(signature = (data, context = None))]
            fn sign<'py>(
                &self,
                py: Python<'py>,
                data: BytesLike<'_>,
                context: Option<BytesLike<'_>>,
            ) -> CryptoResult<Bound<'py, PyBytes>> {
                let (data, context): (&[u8], &[u8]) = (&data, context_bytes(&context));
                Ok(PyBytes::new(py, &py.detach(|| self.key.sign(data, context))?))
            }

            fn sign_mu<'py>(&self, py: Python<'py>, mu: BytesLike<'_>) -> CryptoResult<Bound<'py, PyBytes>> {
                let mu: &[u8] = &mu;
                Ok(PyBytes::new(py, &py.detach(|| self.key.sign_mu(mu))?))
            }

            fn public_key(&self) -> CryptoResult<$public> {
                Ok($public { key: self.key.public_key()? })
            }

            fn private_bytes_raw<'py>(&self, py: Python<'py>) -> Bound<'py, PyBytes> {
                PyBytes::new(py, self.key.seed())
            }
        }}

        impl PrivateKeyClass for $private {
            fn key_ref(&self) -> PrivateKeyRef<'_> {
                PrivateKeyRef::MlDsa(&self.key)
            }
        }

        public_key_methods! { $public {
            #[pyo3(signature = (signature, data, context = None))]
            fn verify(
                &self,
                py: Python<'_>,
                signature: BytesLike<'_>,
                data: BytesLike<'_>,
                context: Option<BytesLike<'_>>,
            ) -> CryptoResult<()> {
                let (signature, data, context): (&[u8], &[u8], &[u8]) =
                    (&signature, &data, context_bytes(&context));
                Ok(py.detach(|| self.key.verify(signature, data, context))?)
            }

            fn verify_mu(&self, py: Python<'_>, signature: BytesLike<'_>, mu: BytesLike<'_>) -> CryptoResult<()> {
                let (signature, mu): (&[u8], &[u8]) = (&signature, &mu);
                Ok(py.detach(|| self.key.verify_mu(signature, mu))?)
            }

            fn public_bytes_raw<'py>(&self, py: Python<'py>) -> Bound<'py, PyBytes> {
                PyBytes::new(py, self.key.as_bytes())
            }
        }}

        impl PublicKeyClass for $public {
            fn key_ref(&self) -> PublicKeyRef<'_> {
                PublicKeyRef::MlDsa(&self.key)
            }

            fn same_key(&self, other: &Self) -> bool {
                self.key.as_bytes() == other.key.as_bytes()
            }
        }
    };
}

mldsa_classes!(
    MlDsa44PrivateKey,
    MlDsa44PublicKey,
    "MLDSA44PrivateKey",
    "MLDSA44PublicKey",
    MlDsaVariant::MlDsa44,
    generate_mldsa44_key,
    from_mldsa44_seed_bytes,
    from_mldsa44_public_bytes
);
mldsa_classes!(
    MlDsa65PrivateKey,
    MlDsa65PublicKey,
    "MLDSA65PrivateKey",
    "MLDSA65PublicKey",
    MlDsaVariant::MlDsa65,
    generate_mldsa65_key,
    from_mldsa65_seed_bytes,
    from_mldsa65_public_bytes
);
mldsa_classes!(
    MlDsa87PrivateKey,
    MlDsa87PublicKey,
    "MLDSA87PrivateKey",
    "MLDSA87PublicKey",
    MlDsaVariant::MlDsa87,
    generate_mldsa87_key,
    from_mldsa87_seed_bytes,
    from_mldsa87_public_bytes
);

/// The core key of any of the three public key classes.
fn public_key_of<'a>(key: &'a Bound<'_, PyAny>) -> Option<&'a MlDsaPublicKey> {
    if let Ok(key) = key.cast::<MlDsa44PublicKey>() {
        return Some(&key.get().key);
    }
    if let Ok(key) = key.cast::<MlDsa65PublicKey>() {
        return Some(&key.get().key);
    }
    key.cast::<MlDsa87PublicKey>()
        .ok()
        .map(|key| &key.get().key)
}

/// `MLDSAMuHasher(public_key, context=None)`: computes the mu a signature of a message
/// under that key and context signs, from the message given in pieces.
#[pyclass(
    module = "cryptography.hazmat.bindings._rust.openssl.mldsa",
    name = "MLDSAMuHasher",
    frozen
)]
pub(crate) struct MldsaMuHasher {
    /// `None` once finalized.
    state: Mutex<Option<MuHasher>>,
}

impl MldsaMuHasher {
    fn with_state<T>(
        &self,
        f: impl FnOnce(&mut Option<MuHasher>) -> CryptoResult<T>,
    ) -> CryptoResult<T> {
        let mut state = self
            .state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        f(&mut state)
    }
}

#[pymethods]
impl MldsaMuHasher {
    #[new]
    #[pyo3(signature = (public_key, context = None))]
    fn new(public_key: &Bound<'_, PyAny>, context: Option<BytesLike<'_>>) -> CryptoResult<Self> {
        let key = public_key_of(public_key)
            .ok_or_else(|| PyTypeError::new_err("public_key must be an ML-DSA public key."))?;
        Ok(MldsaMuHasher {
            state: Mutex::new(Some(MuHasher::new(key, context_bytes(&context))?)),
        })
    }

    fn update(&self, data: BytesLike<'_>) -> CryptoResult<()> {
        self.with_state(|state| match state {
            Some(hasher) => Ok(hasher.update(&data)?),
            None => Err(crate::error::already_finalized().into()),
        })
    }

    fn copy(&self) -> CryptoResult<Self> {
        self.with_state(|state| match state {
            Some(hasher) => Ok(MldsaMuHasher {
                state: Mutex::new(Some(hasher.fork()?)),
            }),
            None => Err(crate::error::already_finalized().into()),
        })
    }

    fn finalize<'py>(&self, py: Python<'py>) -> CryptoResult<Bound<'py, PyBytes>> {
        self.with_state(|state| match state.take() {
            Some(hasher) => Ok(PyBytes::new(py, &hasher.finalize()?)),
            None => Err(crate::error::already_finalized().into()),
        })
    }
}

pub(crate) fn private_key_object(
    py: Python<'_>,
    key: MlDsaPrivateKey,
) -> PyResult<Bound<'_, PyAny>> {
    Ok(match key.variant() {
        MlDsaVariant::MlDsa44 => Bound::new(py, MlDsa44PrivateKey { key })?.into_any(),
        MlDsaVariant::MlDsa65 => Bound::new(py, MlDsa65PrivateKey { key })?.into_any(),
        MlDsaVariant::MlDsa87 => Bound::new(py, MlDsa87PrivateKey { key })?.into_any(),
    })
}

pub(crate) fn public_key_object(py: Python<'_>, key: MlDsaPublicKey) -> PyResult<Bound<'_, PyAny>> {
    Ok(match key.variant() {
        MlDsaVariant::MlDsa44 => Bound::new(py, MlDsa44PublicKey { key })?.into_any(),
        MlDsaVariant::MlDsa65 => Bound::new(py, MlDsa65PublicKey { key })?.into_any(),
        MlDsaVariant::MlDsa87 => Bound::new(py, MlDsa87PublicKey { key })?.into_any(),
    })
}

pub(crate) fn add_to_module(module: &Bound<'_, PyModule>) -> PyResult<()> {
    let _ = MODULE;
    module.add_class::<MlDsa44PrivateKey>()?;
    module.add_class::<MlDsa44PublicKey>()?;
    module.add_class::<MlDsa65PrivateKey>()?;
    module.add_class::<MlDsa65PublicKey>()?;
    module.add_class::<MlDsa87PrivateKey>()?;
    module.add_class::<MlDsa87PublicKey>()?;
    module.add_class::<MldsaMuHasher>()?;
    module.add_function(wrap_pyfunction!(generate_mldsa44_key, module)?)?;
    module.add_function(wrap_pyfunction!(from_mldsa44_seed_bytes, module)?)?;
    module.add_function(wrap_pyfunction!(from_mldsa44_public_bytes, module)?)?;
    module.add_function(wrap_pyfunction!(generate_mldsa65_key, module)?)?;
    module.add_function(wrap_pyfunction!(from_mldsa65_seed_bytes, module)?)?;
    module.add_function(wrap_pyfunction!(from_mldsa65_public_bytes, module)?)?;
    module.add_function(wrap_pyfunction!(generate_mldsa87_key, module)?)?;
    module.add_function(wrap_pyfunction!(from_mldsa87_seed_bytes, module)?)?;
    module.add_function(wrap_pyfunction!(from_mldsa87_public_bytes, module)?)?;
    Ok(())
}
