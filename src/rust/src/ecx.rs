//! X25519, X448, Ed25519 and Ed448 keys (`cryptography.hazmat.bindings._rust.openssl`
//! submodules `x25519`, `x448`, `ed25519`, `ed448`). The four pairs of classes share
//! everything but signing (Ed*) or key agreement (X*), so one macro declares them.

use cryptography_backend::ecx::{RawKeyKind, RawPrivateKey, RawPublicKey};
use cryptography_keys::{PrivateKeyRef, PublicKeyRef};
use pyo3::prelude::*;
use pyo3::types::PyBytes;

use crate::asym::{
    not_an_instance, private_key_methods, public_key_methods, PrivateKeyClass, PublicKeyClass,
};
use crate::buf::BytesLike;
use crate::error::CryptoResult;

macro_rules! raw_key_classes {
    (
        $private:ident, $public:ident, $module:literal, $private_name:literal,
        $public_name:literal, $kind:expr,
        private { $($private_methods:tt)* }
        public { $($public_methods:tt)* }
    ) => {
        #[pyclass(module = $module, name = $private_name, frozen)]
        pub(crate) struct $private {
            key: RawPrivateKey,
        }

        #[pyclass(module = $module, name = $public_name, frozen)]
        pub(crate) struct $public {
            key: RawPublicKey,
        }

        private_key_methods! { $private {
            /// A new random key.
            #[staticmethod]
            fn generate(py: Python<'_>) -> CryptoResult<Bound<'_, PyAny>> {
                let key = py.detach(|| RawPrivateKey::generate($kind))?;
                Ok(Bound::new(py, $private { key })?.into_any())
            }

            /// The key with the given raw private bytes.
            #[staticmethod]
            fn from_private_bytes<'py>(
                py: Python<'py>,
                data: BytesLike<'_>,
            ) -> CryptoResult<Bound<'py, PyAny>> {
                let key = RawPrivateKey::from_bytes($kind, &data)?;
                Ok(Bound::new(py, $private { key })?.into_any())
            }

            fn public_key<'py>(&self, py: Python<'py>) -> CryptoResult<Bound<'py, PyAny>> {
                Ok(Bound::new(py, $public { key: self.key.public_key()? })?.into_any())
            }

            fn private_bytes_raw<'py>(&self, py: Python<'py>) -> CryptoResult<Bound<'py, PyBytes>> {
                Ok(PyBytes::new(py, &self.key.to_bytes()?))
            }

            $($private_methods)*
        }}

        impl PrivateKeyClass for $private {
            fn key_ref(&self) -> PrivateKeyRef<'_> {
                PrivateKeyRef::Raw(&self.key)
            }
        }

        public_key_methods! { $public {
            /// The key with the given raw public bytes.
            #[staticmethod]
            fn from_public_bytes<'py>(
                py: Python<'py>,
                data: BytesLike<'_>,
            ) -> CryptoResult<Bound<'py, PyAny>> {
                let key = RawPublicKey::from_bytes($kind, &data)?;
                Ok(Bound::new(py, $public { key })?.into_any())
            }

            fn public_bytes_raw<'py>(&self, py: Python<'py>) -> CryptoResult<Bound<'py, PyBytes>> {
                Ok(PyBytes::new(py, &self.key.to_bytes()?))
            }

            $($public_methods)*
        }}

        impl PublicKeyClass for $public {
            fn key_ref(&self) -> PublicKeyRef<'_> {
                PublicKeyRef::Raw(&self.key)
            }

            fn same_key(&self, other: &Self) -> bool {
                self.key.same_key(&other.key)
            }
        }
    };
}

/// Ed25519 and Ed448 sign and verify.
macro_rules! signature_classes {
    ($private:ident, $public:ident, $module:literal, $private_name:literal, $public_name:literal, $kind:expr) => {
        raw_key_classes!(
            $private, $public, $module, $private_name, $public_name, $kind,
            private {
                fn sign<'py>(&self, py: Python<'py>, data: BytesLike<'_>) -> CryptoResult<Bound<'py, PyBytes>> {
                    let data: &[u8] = &data;
                    Ok(PyBytes::new(py, &py.detach(|| self.key.sign(data))?))
                }
            }
            public {
                fn verify(&self, py: Python<'_>, signature: BytesLike<'_>, data: BytesLike<'_>) -> CryptoResult<()> {
                    let (signature, data): (&[u8], &[u8]) = (&signature, &data);
                    Ok(py.detach(|| self.key.verify(signature, data))?)
                }
            }
        );
    };
}

/// X25519 and X448 agree on keys.
macro_rules! exchange_classes {
    ($private:ident, $public:ident, $module:literal, $private_name:literal, $public_name:literal, $kind:expr) => {
        raw_key_classes!(
            $private, $public, $module, $private_name, $public_name, $kind,
            private {
                fn exchange<'py>(
                    &self,
                    py: Python<'py>,
                    peer_public_key: &Bound<'py, PyAny>,
                ) -> CryptoResult<Bound<'py, PyBytes>> {
                    let peer = peer_public_key
                        .cast::<$public>()
                        .map_err(|_| not_an_instance(peer_public_key, $public_name))?;
                    let peer = &peer.get().key;
                    Ok(PyBytes::new(py, &py.detach(|| self.key.exchange(peer))?))
                }
            }
            public {}
        );
    };
}

signature_classes!(
    PyEd25519PrivateKey,
    PyEd25519PublicKey,
    "cryptography.hazmat.bindings._rust.openssl.ed25519",
    "Ed25519PrivateKey",
    "Ed25519PublicKey",
    RawKeyKind::Ed25519
);
signature_classes!(
    PyEd448PrivateKey,
    PyEd448PublicKey,
    "cryptography.hazmat.bindings._rust.openssl.ed448",
    "Ed448PrivateKey",
    "Ed448PublicKey",
    RawKeyKind::Ed448
);
exchange_classes!(
    PyX25519PrivateKey,
    PyX25519PublicKey,
    "cryptography.hazmat.bindings._rust.openssl.x25519",
    "X25519PrivateKey",
    "X25519PublicKey",
    RawKeyKind::X25519
);
exchange_classes!(
    PyX448PrivateKey,
    PyX448PublicKey,
    "cryptography.hazmat.bindings._rust.openssl.x448",
    "X448PrivateKey",
    "X448PublicKey",
    RawKeyKind::X448
);

pub(crate) fn private_key_object(py: Python<'_>, key: RawPrivateKey) -> PyResult<Bound<'_, PyAny>> {
    Ok(match key.kind() {
        RawKeyKind::Ed25519 => Bound::new(py, PyEd25519PrivateKey { key })?.into_any(),
        RawKeyKind::Ed448 => Bound::new(py, PyEd448PrivateKey { key })?.into_any(),
        RawKeyKind::X25519 => Bound::new(py, PyX25519PrivateKey { key })?.into_any(),
        RawKeyKind::X448 => Bound::new(py, PyX448PrivateKey { key })?.into_any(),
    })
}

pub(crate) fn public_key_object(py: Python<'_>, key: RawPublicKey) -> PyResult<Bound<'_, PyAny>> {
    Ok(match key.kind() {
        RawKeyKind::Ed25519 => Bound::new(py, PyEd25519PublicKey { key })?.into_any(),
        RawKeyKind::Ed448 => Bound::new(py, PyEd448PublicKey { key })?.into_any(),
        RawKeyKind::X25519 => Bound::new(py, PyX25519PublicKey { key })?.into_any(),
        RawKeyKind::X448 => Bound::new(py, PyX448PublicKey { key })?.into_any(),
    })
}
