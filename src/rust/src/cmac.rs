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

static BLOCK_CIPHER_ABC: PyOnceLock<Py<PyType>> = PyOnceLock::new();

/// The CMAC cipher for a block cipher algorithm object, chosen by its `name` and key size.
fn cmac_cipher(py: Python<'_>, algorithm: &Bound<'_, PyAny>) -> PyResult<CmacCipher> {
    let interface = BLOCK_CIPHER_ABC.get_or_try_init(py, || {
        py.import("cryptography.hazmat.primitives._cipheralgorithm")?
            .getattr("BlockCipherAlgorithm")?
            .cast_into::<PyType>()
            .map(Bound::unbind)
            .map_err(PyErr::from)
    })?;
    if !algorithm.is_instance(interface.bind(py))? {
        return Err(PyTypeError::new_err(
            "Expected instance of BlockCipherAlgorithm.",
        ));
    }
    let name = algorithm
        .getattr(pyo3::intern!(py, "name"))?
        .extract::<String>()?;
    let key_bits = algorithm
        .getattr(pyo3::intern!(py, "key_size"))?
        .extract::<usize>()?;
    let cipher = match (name.as_str(), key_bits) {
        ("AES", 128) => CmacCipher::Aes128,
        ("AES", 192) => CmacCipher::Aes192,
        ("AES", 256) => CmacCipher::Aes256,
        ("3DES", 192) => CmacCipher::TripleDes,
        ("camellia", 128) => CmacCipher::Camellia128,
        ("camellia", 192) => CmacCipher::Camellia192,
        ("camellia", 256) => CmacCipher::Camellia256,
        ("SM4", 128) => CmacCipher::Sm4,
        ("SEED", 128) => CmacCipher::Seed,
        ("IDEA", 128) => CmacCipher::Idea,
        ("CAST5", _) => CmacCipher::Cast5,
        ("Blowfish", _) => CmacCipher::Blowfish,
        ("RC2", 128) => CmacCipher::Rc2,
        _ => return Err(unsupported_cipher(py)),
    };
    Ok(cipher)
}

fn unsupported_cipher(py: Python<'_>) -> PyErr {
    unsupported(
        py,
        "CMAC is not supported with this algorithm".to_string(),
        Reason::UnsupportedCipher,
    )
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
        let cipher = cmac_cipher(py, &algorithm)?;
        let key = algorithm.getattr(pyo3::intern!(py, "key"))?;
        let key = key.extract::<BytesLike<'_>>()?;
        let state = mac::Cmac::new(cipher, &key).map_err(|err| match err {
            cryptography_backend::Error::UnsupportedAlgorithm(_) => unsupported_cipher(py).into(),
            other => crate::error::CryptoError::from(other),
        })?;
        Ok(Cmac { state: Some(state) })
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
