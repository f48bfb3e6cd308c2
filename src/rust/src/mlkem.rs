//! ML-KEM keys (`cryptography.hazmat.bindings._rust.openssl.mlkem`): a private and a
//! public class per parameter set, declared by one macro. ML-KEM-512 is an addition.

use cryptography_backend::mlkem::{MlKemPrivateKey, MlKemPublicKey, MlKemVariant};
use cryptography_keys::{PrivateKeyRef, PublicKeyRef};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyTuple};

use crate::asym::{private_key_methods, public_key_methods, PrivateKeyClass, PublicKeyClass};
use crate::buf::BytesLike;
use crate::error::CryptoResult;

/// `(shared_secret, ciphertext)`, the order `encapsulate` returns them in.
fn secret_and_ciphertext<'py>(
    py: Python<'py>,
    (ciphertext, secret): (Vec<u8>, zeroize::Zeroizing<Vec<u8>>),
) -> PyResult<Bound<'py, PyTuple>> {
    PyTuple::new(
        py,
        [PyBytes::new(py, &secret), PyBytes::new(py, &ciphertext)],
    )
}

macro_rules! mlkem_classes {
    (
        $private:ident, $public:ident, $private_name:literal, $public_name:literal,
        $variant:expr, $generate:ident, $from_seed:ident, $from_public:ident
    ) => {
        #[pyclass(module = "cryptography.hazmat.bindings._rust.openssl.mlkem", name = $private_name, frozen)]
        pub(crate) struct $private {
            key: MlKemPrivateKey,
        }

        #[pyclass(module = "cryptography.hazmat.bindings._rust.openssl.mlkem", name = $public_name, frozen)]
        pub(crate) struct $public {
            pub(crate) key: MlKemPublicKey,
        }

        /// A new key from a random seed.
        #[pyfunction]
        fn $generate() -> CryptoResult<$private> {
            Ok($private {
                key: MlKemPrivateKey::generate($variant)?,
            })
        }

        /// The key a 64-byte seed (d || z) gives.
        #[pyfunction]
        fn $from_seed(data: BytesLike<'_>) -> CryptoResult<$private> {
            Ok($private {
                key: MlKemPrivateKey::from_seed($variant, &data)?,
            })
        }

        /// The key with the given encoding.
        #[pyfunction]
        fn $from_public(data: BytesLike<'_>) -> CryptoResult<$public> {
            Ok($public {
                key: MlKemPublicKey::from_bytes($variant, &data)?,
            })
        }

        private_key_methods! { $private {
            fn decapsulate<'py>(&self, py: Python<'py>, ciphertext: BytesLike<'_>) -> CryptoResult<Bound<'py, PyBytes>> {
                let ciphertext: &[u8] = &ciphertext;
                Ok(PyBytes::new(py, &py.detach(|| self.key.decapsulate(ciphertext))?[..]))
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
                PrivateKeyRef::MlKem(&self.key)
            }
        }

        public_key_methods! { $public {
            fn encapsulate<'py>(&self, py: Python<'py>) -> CryptoResult<Bound<'py, PyTuple>> {
                let pair = py.detach(|| self.key.encapsulate())?;
                Ok(secret_and_ciphertext(py, pair)?)
            }

            fn public_bytes_raw<'py>(&self, py: Python<'py>) -> Bound<'py, PyBytes> {
                PyBytes::new(py, self.key.as_bytes())
            }
        }}

        impl PublicKeyClass for $public {
            fn key_ref(&self) -> PublicKeyRef<'_> {
                PublicKeyRef::MlKem(&self.key)
            }

            fn same_key(&self, other: &Self) -> bool {
                self.key.as_bytes() == other.key.as_bytes()
            }
        }
    };
}

mlkem_classes!(
    MlKem512PrivateKey,
    MlKem512PublicKey,
    "MLKEM512PrivateKey",
    "MLKEM512PublicKey",
    MlKemVariant::MlKem512,
    generate_mlkem512_key,
    from_mlkem512_seed_bytes,
    from_mlkem512_public_bytes
);
mlkem_classes!(
    MlKem768PrivateKey,
    MlKem768PublicKey,
    "MLKEM768PrivateKey",
    "MLKEM768PublicKey",
    MlKemVariant::MlKem768,
    generate_mlkem768_key,
    from_mlkem768_seed_bytes,
    from_mlkem768_public_bytes
);
mlkem_classes!(
    MlKem1024PrivateKey,
    MlKem1024PublicKey,
    "MLKEM1024PrivateKey",
    "MLKEM1024PublicKey",
    MlKemVariant::MlKem1024,
    generate_mlkem1024_key,
    from_mlkem1024_seed_bytes,
    from_mlkem1024_public_bytes
);

/// The core key of any of the public key classes.
pub(crate) fn public_key_of<'a>(key: &'a Bound<'_, PyAny>) -> Option<&'a MlKemPublicKey> {
    if let Ok(key) = key.cast::<MlKem768PublicKey>() {
        return Some(&key.get().key);
    }
    if let Ok(key) = key.cast::<MlKem1024PublicKey>() {
        return Some(&key.get().key);
    }
    key.cast::<MlKem512PublicKey>()
        .ok()
        .map(|key| &key.get().key)
}

/// The core key of any of the private key classes.
pub(crate) fn private_key_of<'a>(key: &'a Bound<'_, PyAny>) -> Option<&'a MlKemPrivateKey> {
    if let Ok(key) = key.cast::<MlKem768PrivateKey>() {
        return Some(&key.get().key);
    }
    if let Ok(key) = key.cast::<MlKem1024PrivateKey>() {
        return Some(&key.get().key);
    }
    key.cast::<MlKem512PrivateKey>()
        .ok()
        .map(|key| &key.get().key)
}

/// `mlkem_encapsulate_with_entropy(public_key, m)` (test support): encapsulation with
/// FIPS 203's randomness m given, for known-answer tests.
#[pyfunction]
pub(crate) fn mlkem_encapsulate_with_entropy<'py>(
    py: Python<'py>,
    public_key: &Bound<'py, PyAny>,
    entropy: BytesLike<'_>,
) -> CryptoResult<Bound<'py, PyTuple>> {
    let key = public_key_of(public_key).ok_or_else(|| {
        pyo3::exceptions::PyTypeError::new_err("public_key must be an ML-KEM public key.")
    })?;
    Ok(secret_and_ciphertext(
        py,
        key.encapsulate_with_entropy(&entropy)?,
    )?)
}

pub(crate) fn private_key_object(
    py: Python<'_>,
    key: MlKemPrivateKey,
) -> PyResult<Bound<'_, PyAny>> {
    Ok(match key.variant() {
        MlKemVariant::MlKem512 => Bound::new(py, MlKem512PrivateKey { key })?.into_any(),
        MlKemVariant::MlKem768 => Bound::new(py, MlKem768PrivateKey { key })?.into_any(),
        MlKemVariant::MlKem1024 => Bound::new(py, MlKem1024PrivateKey { key })?.into_any(),
    })
}

pub(crate) fn public_key_object(py: Python<'_>, key: MlKemPublicKey) -> PyResult<Bound<'_, PyAny>> {
    Ok(match key.variant() {
        MlKemVariant::MlKem512 => Bound::new(py, MlKem512PublicKey { key })?.into_any(),
        MlKemVariant::MlKem768 => Bound::new(py, MlKem768PublicKey { key })?.into_any(),
        MlKemVariant::MlKem1024 => Bound::new(py, MlKem1024PublicKey { key })?.into_any(),
    })
}

pub(crate) fn add_to_module(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add_class::<MlKem512PrivateKey>()?;
    module.add_class::<MlKem512PublicKey>()?;
    module.add_class::<MlKem768PrivateKey>()?;
    module.add_class::<MlKem768PublicKey>()?;
    module.add_class::<MlKem1024PrivateKey>()?;
    module.add_class::<MlKem1024PublicKey>()?;
    module.add_function(wrap_pyfunction!(generate_mlkem512_key, module)?)?;
    module.add_function(wrap_pyfunction!(from_mlkem512_seed_bytes, module)?)?;
    module.add_function(wrap_pyfunction!(from_mlkem512_public_bytes, module)?)?;
    module.add_function(wrap_pyfunction!(generate_mlkem768_key, module)?)?;
    module.add_function(wrap_pyfunction!(from_mlkem768_seed_bytes, module)?)?;
    module.add_function(wrap_pyfunction!(from_mlkem768_public_bytes, module)?)?;
    module.add_function(wrap_pyfunction!(generate_mlkem1024_key, module)?)?;
    module.add_function(wrap_pyfunction!(from_mlkem1024_seed_bytes, module)?)?;
    module.add_function(wrap_pyfunction!(from_mlkem1024_public_bytes, module)?)?;
    Ok(())
}
