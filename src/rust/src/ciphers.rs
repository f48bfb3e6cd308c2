//! `Cipher(...).encryptor()` / `.decryptor()` contexts
//! (cryptography.hazmat.primitives.ciphers): converts the Python algorithm and mode objects
//! once, then each method makes one call into the core's `CipherContext`.

use cryptography_backend::cipher::{CipherAlgorithm, CipherContext, Mode};
use cryptography_backend::Error;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBytes, PyType};

use crate::buf::{run_detached_if_large, BytesLike, WritableBuffer};
use crate::error::{
    already_finalized, unsupported, CryptoError, CryptoResult, NotYetFinalized, Reason,
};

const PRIMITIVES: &str = "cryptography.hazmat.primitives.ciphers.algorithms";
const DECREPIT: &str = "cryptography.hazmat.decrepit.ciphers.algorithms";
const MODES: &str = "cryptography.hazmat.primitives.ciphers.modes";
const DECREPIT_MODES: &str = "cryptography.hazmat.decrepit.ciphers.modes";

static ALGORITHM_CLASSES: PyOnceLock<Vec<(Py<PyType>, CipherAlgorithm)>> = PyOnceLock::new();
static MODE_CLASSES: PyOnceLock<Vec<(Py<PyType>, Mode)>> = PyOnceLock::new();

fn class_table<T: Copy>(
    py: Python<'_>,
    entries: &[(&str, &str, T)],
) -> PyResult<Vec<(Py<PyType>, T)>> {
    entries
        .iter()
        .map(|(module, name, value)| {
            let class = py.import(*module)?.getattr(*name)?.cast_into::<PyType>()?;
            Ok((class.unbind(), *value))
        })
        .collect()
}

/// Finds `object`'s class in `table`, or a class it derives from.
fn lookup<T: Copy>(
    py: Python<'_>,
    table: &[(Py<PyType>, T)],
    object: &Bound<'_, PyAny>,
) -> PyResult<Option<T>> {
    let object_type = object.get_type_ptr();
    if let Some((_, value)) = table
        .iter()
        .find(|(class, _)| class.as_ptr().cast() == object_type)
    {
        return Ok(Some(*value));
    }
    for (class, value) in table {
        if object.is_instance(class.bind(py))? {
            return Ok(Some(*value));
        }
    }
    Ok(None)
}

fn cipher_algorithm(
    py: Python<'_>,
    algorithm: &Bound<'_, PyAny>,
) -> PyResult<Option<CipherAlgorithm>> {
    use CipherAlgorithm as A;
    let table = ALGORITHM_CLASSES.get_or_try_init(py, || {
        class_table(
            py,
            &[
                (PRIMITIVES, "AES", A::Aes),
                (PRIMITIVES, "AES128", A::Aes),
                (PRIMITIVES, "AES256", A::Aes),
                (PRIMITIVES, "SM4", A::Sm4),
                (PRIMITIVES, "ChaCha20", A::ChaCha20),
                (DECREPIT, "Camellia", A::Camellia),
                (DECREPIT, "TripleDES", A::TripleDes),
                (DECREPIT, "Blowfish", A::Blowfish),
                (DECREPIT, "CAST5", A::Cast5),
                (DECREPIT, "IDEA", A::Idea),
                (DECREPIT, "SEED", A::Seed),
                (DECREPIT, "RC2", A::Rc2),
                (DECREPIT, "ARC4", A::Rc4),
            ],
        )
    })?;
    lookup(py, table, algorithm)
}

fn cipher_mode(py: Python<'_>, mode: &Bound<'_, PyAny>) -> PyResult<Option<Mode>> {
    let table = MODE_CLASSES.get_or_try_init(py, || {
        class_table(
            py,
            &[
                (MODES, "CBC", Mode::Cbc),
                (MODES, "CTR", Mode::Ctr),
                (MODES, "ECB", Mode::Ecb),
                (MODES, "GCM", Mode::Gcm),
                (MODES, "XTS", Mode::Xts),
                (DECREPIT_MODES, "OFB", Mode::Ofb),
                (DECREPIT_MODES, "CFB", Mode::Cfb),
                (DECREPIT_MODES, "CFB8", Mode::Cfb8),
            ],
        )
    })?;
    lookup(py, table, mode)
}

/// The object holding a mode's IV, nonce or tweak (ChaCha20: its nonce).
fn iv_holder<'py>(
    algorithm: &Bound<'py, PyAny>,
    mode_object: &Bound<'py, PyAny>,
    mode: Mode,
) -> PyResult<Option<Bound<'py, PyAny>>> {
    let attribute = match mode {
        Mode::Cbc | Mode::Ofb | Mode::Cfb | Mode::Cfb8 | Mode::Gcm => "initialization_vector",
        Mode::Ctr => "nonce",
        Mode::Xts => "tweak",
        Mode::Ecb => return Ok(None),
        Mode::Stream => return algorithm.getattr("nonce").map(Some).or(Ok(None)),
    };
    mode_object.getattr(attribute).map(Some)
}

/// What a context needs from its Python mode object besides the core state.
struct ContextSpec {
    context: CipherContext,
    /// GCM: the tag given to the mode (for decryption), and the shortest tag accepted.
    mode_tag: Option<Vec<u8>>,
    min_tag_len: usize,
}

fn build_context(
    py: Python<'_>,
    algorithm: &Bound<'_, PyAny>,
    mode_object: &Bound<'_, PyAny>,
    encrypt: bool,
) -> CryptoResult<ContextSpec> {
    let name = || {
        algorithm
            .getattr("name")
            .map(|n| n.to_string())
            .unwrap_or_default()
    };
    let core_algorithm = cipher_algorithm(py, algorithm)?;
    let mode = if mode_object.is_none() {
        Some(Mode::Stream)
    } else {
        cipher_mode(py, mode_object)?
    };
    let (Some(core_algorithm), Some(mode)) = (core_algorithm, mode) else {
        return Err(unsupported_combination(py, &name(), mode_object).into());
    };
    let key = algorithm.getattr(pyo3::intern!(py, "key"))?;
    let key = key.extract::<BytesLike<'_>>()?;
    let iv_object = iv_holder(algorithm, mode_object, mode)?;
    let iv = iv_object
        .as_ref()
        .map(|iv| iv.extract::<BytesLike<'_>>())
        .transpose()?;
    let (mode_tag, min_tag_len) = if mode == Mode::Gcm {
        let tag = mode_object.getattr("tag")?;
        let tag = if tag.is_none() {
            None
        } else {
            Some(tag.extract::<Vec<u8>>()?)
        };
        (
            tag,
            mode_object.getattr("_min_tag_length")?.extract::<usize>()?,
        )
    } else {
        (None, 0)
    };
    if mode == Mode::Gcm && encrypt && mode_tag.is_some() {
        return Err(
            PyValueError::new_err("Authentication tag must be None when encrypting.").into(),
        );
    }
    let context =
        CipherContext::new(core_algorithm, mode, &key, iv.as_deref(), encrypt).map_err(|err| {
            match err {
                Error::UnsupportedAlgorithm(_) => {
                    unsupported_combination(py, &name(), mode_object).into()
                }
                other => CryptoError::from(other),
            }
        })?;
    Ok(ContextSpec {
        context,
        mode_tag,
        min_tag_len,
    })
}

fn unsupported_combination(py: Python<'_>, name: &str, mode_object: &Bound<'_, PyAny>) -> PyErr {
    let message = if mode_object.is_none() {
        format!("cipher {name} is not supported ")
    } else {
        let mode_name = mode_object
            .getattr("name")
            .map(|n| n.to_string())
            .unwrap_or_default();
        format!("cipher {name} in {mode_name} mode is not supported ")
    };
    unsupported(py, message, Reason::UnsupportedCipher)
}

/// Whether `Cipher(algorithm, mode)` can make contexts in this build: the answer of the
/// backend's `cipher_supported`, from the same conversion the contexts use.
#[pyfunction]
pub(crate) fn cipher_supported(
    py: Python<'_>,
    algorithm: Bound<'_, PyAny>,
    mode: Bound<'_, PyAny>,
) -> PyResult<bool> {
    let core_algorithm = cipher_algorithm(py, &algorithm)?;
    let core_mode = if mode.is_none() {
        Some(Mode::Stream)
    } else {
        cipher_mode(py, &mode)?
    };
    let (Some(core_algorithm), Some(core_mode)) = (core_algorithm, core_mode) else {
        return Ok(false);
    };
    let Ok(key) = algorithm.getattr(pyo3::intern!(py, "key")) else {
        return Ok(false);
    };
    let key_len = key.extract::<BytesLike<'_>>()?.len();
    Ok(cryptography_backend::cipher::is_supported(
        core_algorithm,
        key_len,
        core_mode,
    ))
}

#[pyfunction]
pub(crate) fn create_encryption_ctx(
    py: Python<'_>,
    algorithm: Bound<'_, PyAny>,
    mode: Bound<'_, PyAny>,
) -> CryptoResult<Py<PyAny>> {
    let spec = build_context(py, &algorithm, &mode, true)?;
    if spec.context.is_aead() {
        Ok(Py::new(
            py,
            AeadEncryptionContext {
                state: Some(spec.context),
                tag: None,
            },
        )?
        .into_any())
    } else {
        Ok(Py::new(
            py,
            PyCipherContext {
                state: Some(spec.context),
            },
        )?
        .into_any())
    }
}

#[pyfunction]
pub(crate) fn create_decryption_ctx(
    py: Python<'_>,
    algorithm: Bound<'_, PyAny>,
    mode: Bound<'_, PyAny>,
) -> CryptoResult<Py<PyAny>> {
    let mut spec = build_context(py, &algorithm, &mode, false)?;
    if spec.context.is_aead() {
        let tag_from_mode = spec.mode_tag.is_some();
        if let Some(tag) = &spec.mode_tag {
            spec.context.set_tag(tag)?;
        }
        let context = AeadDecryptionContext {
            state: Some(spec.context),
            tag_from_mode,
            min_tag_len: spec.min_tag_len,
        };
        Ok(Py::new(py, context)?.into_any())
    } else {
        Ok(Py::new(
            py,
            PyCipherContext {
                state: Some(spec.context),
            },
        )?
        .into_any())
    }
}

fn live(state: &mut Option<CipherContext>) -> PyResult<&mut CipherContext> {
    state.as_mut().ok_or_else(already_finalized)
}

fn update<'py>(
    py: Python<'py>,
    state: &mut Option<CipherContext>,
    data: &[u8],
) -> CryptoResult<Bound<'py, PyBytes>> {
    let context = live(state)?;
    let len = context.update_len(data.len());
    Ok(PyBytes::new_with(py, len, |out| {
        run_detached_if_large(py, data, |data| context.update_into(data, out))
            .map(|_| ())
            .map_err(|e| CryptoError::from(e).into())
    })?)
}

fn update_into(
    py: Python<'_>,
    state: &mut Option<CipherContext>,
    data: &[u8],
    buf: &mut WritableBuffer,
) -> CryptoResult<usize> {
    let context = live(state)?;
    // The documented rule: room for the data plus one block less a byte.
    let needed = data.len() + context.block_len() - 1;
    let out = buf.as_mut_slice();
    if out.len() < needed {
        return Err(PyValueError::new_err(format!(
            "buffer must be at least {needed} bytes for this payload"
        ))
        .into());
    }
    Ok(run_detached_if_large(py, data, |data| {
        context.update_into(data, out)
    })?)
}

fn finalize<'py>(
    py: Python<'py>,
    state: &mut Option<CipherContext>,
) -> CryptoResult<(CipherContext, Bound<'py, PyBytes>)> {
    let mut context = state.take().ok_or_else(already_finalized)?;
    context.finalize()?;
    Ok((context, PyBytes::new(py, b"")))
}

fn reset_nonce(
    py: Python<'_>,
    state: &mut Option<CipherContext>,
    nonce: &[u8],
) -> CryptoResult<()> {
    let context = live(state)?;
    if !context.can_reset_nonce() {
        return Err(unsupported(
            py,
            "This algorithm or mode does not support resetting the nonce.".to_string(),
            Reason::UnsupportedCipher,
        )
        .into());
    }
    if nonce.len() != 16 {
        return Err(PyValueError::new_err("Nonce must be 16 bytes long").into());
    }
    Ok(context.reset_nonce(nonce)?)
}

#[pyclass(
    module = "cryptography.hazmat.bindings._rust.openssl.ciphers",
    name = "CipherContext"
)]
pub(crate) struct PyCipherContext {
    state: Option<CipherContext>,
}

#[pymethods]
impl PyCipherContext {
    fn update<'py>(
        &mut self,
        py: Python<'py>,
        data: BytesLike<'_>,
    ) -> CryptoResult<Bound<'py, PyBytes>> {
        update(py, &mut self.state, &data)
    }

    fn update_into(
        &mut self,
        py: Python<'_>,
        data: BytesLike<'_>,
        mut buf: WritableBuffer,
    ) -> CryptoResult<usize> {
        update_into(py, &mut self.state, &data, &mut buf)
    }

    fn finalize<'py>(&mut self, py: Python<'py>) -> CryptoResult<Bound<'py, PyBytes>> {
        Ok(finalize(py, &mut self.state)?.1)
    }

    fn reset_nonce(&mut self, py: Python<'_>, nonce: BytesLike<'_>) -> CryptoResult<()> {
        reset_nonce(py, &mut self.state, &nonce)
    }
}

#[pyclass(
    module = "cryptography.hazmat.bindings._rust.openssl.ciphers",
    name = "AEADEncryptionContext"
)]
pub(crate) struct AeadEncryptionContext {
    state: Option<CipherContext>,
    tag: Option<Py<PyBytes>>,
}

#[pymethods]
impl AeadEncryptionContext {
    fn update<'py>(
        &mut self,
        py: Python<'py>,
        data: BytesLike<'_>,
    ) -> CryptoResult<Bound<'py, PyBytes>> {
        update(py, &mut self.state, &data)
    }

    fn update_into(
        &mut self,
        py: Python<'_>,
        data: BytesLike<'_>,
        mut buf: WritableBuffer,
    ) -> CryptoResult<usize> {
        update_into(py, &mut self.state, &data, &mut buf)
    }

    fn authenticate_additional_data(&mut self, data: BytesLike<'_>) -> CryptoResult<()> {
        Ok(live(&mut self.state)?.authenticate_additional_data(&data)?)
    }

    fn finalize<'py>(&mut self, py: Python<'py>) -> CryptoResult<Bound<'py, PyBytes>> {
        let (context, out) = finalize(py, &mut self.state)?;
        let tag = context.tag().ok_or(Error::TagRequired)?;
        self.tag = Some(PyBytes::new(py, tag).unbind());
        Ok(out)
    }

    #[getter]
    fn tag(&self, py: Python<'_>) -> PyResult<Py<PyBytes>> {
        self.tag
            .as_ref()
            .map(|tag| tag.clone_ref(py))
            .ok_or_else(|| {
                NotYetFinalized::new_err("You must finalize encryption before getting the tag.")
            })
    }

    fn reset_nonce(&mut self, py: Python<'_>, nonce: BytesLike<'_>) -> CryptoResult<()> {
        reset_nonce(py, &mut self.state, &nonce)
    }
}

#[pyclass(
    module = "cryptography.hazmat.bindings._rust.openssl.ciphers",
    name = "AEADDecryptionContext"
)]
pub(crate) struct AeadDecryptionContext {
    state: Option<CipherContext>,
    tag_from_mode: bool,
    min_tag_len: usize,
}

#[pymethods]
impl AeadDecryptionContext {
    fn update<'py>(
        &mut self,
        py: Python<'py>,
        data: BytesLike<'_>,
    ) -> CryptoResult<Bound<'py, PyBytes>> {
        update(py, &mut self.state, &data)
    }

    fn update_into(
        &mut self,
        py: Python<'_>,
        data: BytesLike<'_>,
        mut buf: WritableBuffer,
    ) -> CryptoResult<usize> {
        update_into(py, &mut self.state, &data, &mut buf)
    }

    fn authenticate_additional_data(&mut self, data: BytesLike<'_>) -> CryptoResult<()> {
        Ok(live(&mut self.state)?.authenticate_additional_data(&data)?)
    }

    fn finalize<'py>(&mut self, py: Python<'py>) -> CryptoResult<Bound<'py, PyBytes>> {
        Ok(finalize(py, &mut self.state)?.1)
    }

    fn finalize_with_tag<'py>(
        &mut self,
        py: Python<'py>,
        tag: &[u8],
    ) -> CryptoResult<Bound<'py, PyBytes>> {
        live(&mut self.state)?;
        if self.tag_from_mode {
            return Err(
                PyValueError::new_err("Authentication tag must be provided only once.").into(),
            );
        }
        if tag.len() < self.min_tag_len {
            return Err(PyValueError::new_err(format!(
                "Authentication tag must be {} bytes or longer.",
                self.min_tag_len
            ))
            .into());
        }
        live(&mut self.state)?.set_tag(tag)?;
        Ok(finalize(py, &mut self.state)?.1)
    }

    fn reset_nonce(&mut self, py: Python<'_>, nonce: BytesLike<'_>) -> CryptoResult<()> {
        reset_nonce(py, &mut self.state, &nonce)
    }
}
