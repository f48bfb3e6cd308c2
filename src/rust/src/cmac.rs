//! `CMAC(algorithm)` (cryptography.hazmat.primitives.cmac), over a block cipher object
//! of `cryptography.hazmat.primitives.ciphers.algorithms` or its decrepit sibling.

use cryptography_backend::mac::{self, CmacCipher};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBytes, PyType};

use crate::buf::{run_detached_if_large, BytesLike};
use crate::error::{already_finalized, unsupported, CryptoResult, Reason};
use crate::hmac::tag_to_bytes;

static KNOWN_CIPHERS: PyOnceLock<Vec<(Py<PyType>, &'static str)>> = PyOnceLock::new();

/// The block cipher classes of the package, recognised by type so that the common case
/// needs no `isinstance` against the ABC and no Python property calls.
fn known_ciphers(py: Python<'_>) -> PyResult<&Vec<(Py<PyType>, &'static str)>> {
    KNOWN_CIPHERS.get_or_try_init(py, || {
        let primitives = py.import("cryptography.hazmat.primitives.ciphers.algorithms")?;
        let decrepit = py.import("cryptography.hazmat.decrepit.ciphers.algorithms")?;
        // (module, class, the `name` the class declares)
        let classes = [
            (&primitives, "AES", "AES"),
            (&primitives, "AES128", "AES"),
            (&primitives, "AES256", "AES"),
            (&primitives, "SM4", "SM4"),
            (&decrepit, "TripleDES", "3DES"),
            (&decrepit, "Camellia", "camellia"),
            (&decrepit, "SEED", "SEED"),
            (&decrepit, "IDEA", "IDEA"),
            (&decrepit, "CAST5", "CAST5"),
            (&decrepit, "Blowfish", "Blowfish"),
            (&decrepit, "RC2", "RC2"),
        ];
        classes
            .into_iter()
            .map(|(module, class_name, name)| {
                let class = module.getattr(class_name)?.cast_into::<PyType>()?;
                Ok((class.unbind(), name))
            })
            .collect()
    })
}

/// The CMAC cipher for an algorithm's `name` and key length in bytes.
fn cmac_cipher_for(name: &str, key_len: usize) -> Option<CmacCipher> {
    Some(match (name, key_len) {
        ("AES", 16) => CmacCipher::Aes128,
        ("AES", 24) => CmacCipher::Aes192,
        ("AES", 32) => CmacCipher::Aes256,
        ("3DES", 24) => CmacCipher::TripleDes,
        ("camellia", 16) => CmacCipher::Camellia128,
        ("camellia", 24) => CmacCipher::Camellia192,
        ("camellia", 32) => CmacCipher::Camellia256,
        ("SM4", 16) => CmacCipher::Sm4,
        ("SEED", 16) => CmacCipher::Seed,
        ("IDEA", 16) => CmacCipher::Idea,
        ("CAST5", _) => CmacCipher::Cast5,
        ("Blowfish", _) => CmacCipher::Blowfish,
        ("RC2", 16) => CmacCipher::Rc2,
        _ => return None,
    })
}

/// The algorithm's `name`: from the class table for the package's own classes, else
/// from the object, after checking it implements `BlockCipherAlgorithm`.
fn cipher_name(py: Python<'_>, algorithm: &Bound<'_, PyAny>) -> PyResult<String> {
    let object_type = algorithm.get_type_ptr();
    if let Some((_, name)) = known_ciphers(py)?
        .iter()
        .find(|(class, _)| class.as_ptr().cast() == object_type)
    {
        return Ok((*name).to_string());
    }
    let interface = crate::types::BLOCK_CIPHER_ALGORITHM.get(py)?;
    if !algorithm.is_instance(interface)? {
        return Err(PyTypeError::new_err(
            "Expected instance of BlockCipherAlgorithm.",
        ));
    }
    algorithm
        .getattr(pyo3::intern!(py, "name"))?
        .extract::<String>()
}

fn unsupported_cipher(py: Python<'_>) -> PyErr {
    unsupported(
        py,
        "CMAC is not supported with this algorithm".to_string(),
        Reason::UnsupportedCipher,
    )
}

/// A CMAC keyed with a block cipher object's key (also KBKDFCMAC's PRF).
pub(crate) fn keyed_cmac(py: Python<'_>, algorithm: &Bound<'_, PyAny>) -> CryptoResult<mac::Cmac> {
    let name = cipher_name(py, algorithm)?;
    // A cipher CMAC cannot use is refused before its key is read (a custom algorithm
    // class may not have one).
    if cmac_cipher_for(&name, 16).is_none() && cmac_cipher_for(&name, 24).is_none() {
        return Err(unsupported_cipher(py).into());
    }
    let key = algorithm.getattr(pyo3::intern!(py, "key"))?;
    let key = key.extract::<BytesLike<'_>>()?;
    let cipher = cmac_cipher_for(&name, key.len()).ok_or_else(|| unsupported_cipher(py))?;
    mac::Cmac::new(cipher, &key).map_err(|err| match err {
        cryptography_backend::Error::Unsupported(..) => unsupported_cipher(py).into(),
        other => crate::error::CryptoError::from(other),
    })
}

#[pyclass(
    module = "cryptography.hazmat.bindings._rust.openssl.cmac",
    name = "CMAC"
)]
pub(crate) struct Cmac {
    state: Option<mac::Cmac>,
}

#[pymethods]
impl Cmac {
    #[new]
    #[pyo3(signature = (algorithm, backend=None))]
    fn new(
        py: Python<'_>,
        algorithm: Bound<'_, PyAny>,
        backend: Option<Bound<'_, PyAny>>,
    ) -> CryptoResult<Self> {
        let _ = backend;
        Ok(Cmac {
            state: Some(keyed_cmac(py, &algorithm)?),
        })
    }

    fn update(&mut self, py: Python<'_>, data: BytesLike<'_>) -> CryptoResult<()> {
        let state = self.state.as_mut().ok_or_else(already_finalized)?;
        Ok(run_detached_if_large(py, &data, |bytes| {
            state.update(bytes)
        })?)
    }

    fn copy(&self) -> CryptoResult<Cmac> {
        let state = self.state.as_ref().ok_or_else(already_finalized)?;
        Ok(Cmac {
            state: Some(state.fork()?),
        })
    }

    fn finalize<'py>(&mut self, py: Python<'py>) -> CryptoResult<Bound<'py, PyBytes>> {
        let state = self.state.take().ok_or_else(already_finalized)?;
        tag_to_bytes(py, state.tag_len(), |out| state.finalize_into(out))
    }

    fn verify(&mut self, signature: &[u8]) -> CryptoResult<()> {
        let state = self.state.take().ok_or_else(already_finalized)?;
        Ok(state.verify(signature)?)
    }
}
