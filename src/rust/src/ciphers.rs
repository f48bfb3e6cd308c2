//! `Cipher(...).encryptor()` / `.decryptor()` contexts
//! (cryptography.hazmat.primitives.ciphers): converts the Python algorithm and mode objects
//! once, then each method makes one call into the core's `CipherContext`.

use cryptography_backend::cipher::{CipherAlgorithm, CipherContext, Mode};
use cryptography_backend::{buffer, cipher_rules};
use cryptography_backend::{CipherError, Error};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBytes, PyType};

use crate::buf::{new_bytes, run_detached_if_large, BytesLike, WritableBuffer};
use crate::cipher_objects::{native_aes_key, Cbc, Ctr, Ecb, Gcm, Xts};
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

/// What a context needs from the mode object: the core mode, the object holding its IV,
/// nonce or tweak (ChaCha20: the algorithm's nonce), and for GCM the tag given to the mode
/// (for decryption) and the shortest tag accepted.
struct ModeParts<'py> {
    mode: Mode,
    iv: Option<Bound<'py, PyAny>>,
    tag: Option<Vec<u8>>,
    min_tag_len: usize,
}

impl<'py> ModeParts<'py> {
    fn new(mode: Mode, iv: Option<Bound<'py, PyAny>>) -> Self {
        ModeParts {
            mode,
            iv,
            tag: None,
            min_tag_len: 0,
        }
    }
}

/// The parts of one of the native mode objects, read from its fields.
fn native_mode_parts<'py>(mode_object: &Bound<'py, PyAny>) -> Option<ModeParts<'py>> {
    let py = mode_object.py();
    if let Ok(cbc) = mode_object.cast::<Cbc>() {
        return Some(ModeParts::new(Mode::Cbc, Some(cbc.get().iv(py).clone())));
    }
    if let Ok(ctr) = mode_object.cast::<Ctr>() {
        return Some(ModeParts::new(Mode::Ctr, Some(ctr.get().nonce(py).clone())));
    }
    if let Ok(gcm) = mode_object.cast::<Gcm>() {
        let gcm = gcm.get();
        return Some(ModeParts {
            mode: Mode::Gcm,
            iv: Some(gcm.iv(py).clone()),
            tag: gcm.tag_bytes(py).map(<[u8]>::to_vec),
            min_tag_len: gcm.min_tag_len(),
        });
    }
    if mode_object.cast::<Ecb>().is_ok() {
        return Some(ModeParts::new(Mode::Ecb, None));
    }
    if let Ok(xts) = mode_object.cast::<Xts>() {
        return Some(ModeParts::new(Mode::Xts, Some(xts.get().tweak(py).clone())));
    }
    None
}

/// The parts of any other mode object (or of no mode: a stream cipher), by attribute.
fn python_mode_parts<'py>(
    algorithm: &Bound<'py, PyAny>,
    mode_object: &Bound<'py, PyAny>,
) -> PyResult<Option<ModeParts<'py>>> {
    let py = mode_object.py();
    let mode = if mode_object.is_none() {
        Mode::Stream
    } else {
        match cipher_mode(py, mode_object)? {
            Some(mode) => mode,
            None => return Ok(None),
        }
    };
    let attribute = match mode {
        Mode::Cbc | Mode::Ofb | Mode::Cfb | Mode::Cfb8 | Mode::Gcm => "initialization_vector",
        Mode::Ctr => "nonce",
        Mode::Xts => "tweak",
        Mode::Ecb => return Ok(Some(ModeParts::new(mode, None))),
        Mode::Stream => {
            return Ok(Some(ModeParts::new(mode, algorithm.getattr("nonce").ok())));
        }
    };
    let mut parts = ModeParts::new(mode, Some(mode_object.getattr(attribute)?));
    if mode == Mode::Gcm {
        let tag = mode_object.getattr("tag")?;
        if !tag.is_none() {
            parts.tag = Some(tag.extract::<Vec<u8>>()?);
        }
        let min_tag_len = mode_object.getattr("_min_tag_length")?.extract::<isize>()?;
        parts.min_tag_len = usize::try_from(min_tag_len).unwrap_or(0);
    }
    Ok(Some(parts))
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
    // The native classes are read from their fields; others by attribute.
    let (core_algorithm, key) = match native_aes_key(algorithm) {
        Some(key) => (Some(CipherAlgorithm::Aes), Some(key)),
        None => (cipher_algorithm(py, algorithm)?, None),
    };
    let parts = match native_mode_parts(mode_object) {
        Some(parts) => Some(parts),
        None => python_mode_parts(algorithm, mode_object)?,
    };
    let (Some(core_algorithm), Some(parts)) = (core_algorithm, parts) else {
        return Err(unsupported_combination(py, &name(), mode_object).into());
    };
    let key = match key {
        Some(key) => key,
        None => algorithm.getattr(pyo3::intern!(py, "key"))?,
    };
    let key = key.extract::<BytesLike<'_>>()?;
    let iv = parts
        .iv
        .as_ref()
        .map(|iv| iv.extract::<BytesLike<'_>>())
        .transpose()?;
    if parts.mode == Mode::Gcm {
        cipher_rules::check_no_tag_when_encrypting(encrypt, parts.tag.is_some())?;
    }
    let context = CipherContext::new(core_algorithm, parts.mode, &key, iv.as_deref(), encrypt)
        .map_err(|err| match err {
            Error::Unsupported(..) => unsupported_combination(py, &name(), mode_object).into(),
            other => CryptoError::from(other),
        })?;
    Ok(ContextSpec {
        context,
        mode_tag: parts.tag,
        min_tag_len: parts.min_tag_len,
    })
}

fn unsupported_combination(py: Python<'_>, name: &str, mode_object: &Bound<'_, PyAny>) -> PyErr {
    // "None mode" for a block cipher given no mode, as the reference says.
    let mode_name = if mode_object.is_none() {
        "None".to_string()
    } else {
        mode_object
            .getattr("name")
            .map(|n| n.to_string())
            .unwrap_or_default()
    };
    let message = format!("cipher {name} in {mode_name} mode is not supported ");
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
        if let Some(tag) = &spec.mode_tag {
            spec.context.set_tag(tag, spec.min_tag_len, true)?;
        }
        let context = AeadDecryptionContext {
            state: Some(spec.context),
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
    Ok(new_bytes(py, len, |out| {
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
    buffer::check_room_for_payload(buf.len(), data.len(), context.block_len())?;
    let mut out = buf.output();
    Ok(run_detached_if_large(py, data, |data| {
        context.update_into(data, &mut out)
    })?)
}

/// Finishes the context. A failure (a partial block, a wrong tag) leaves it open, as the
/// reference does: more data may follow, and finishing again reports again.
fn finalize<'py>(
    py: Python<'py>,
    state: &mut Option<CipherContext>,
) -> CryptoResult<(CipherContext, Bound<'py, PyBytes>)> {
    live(state)?.finalize()?;
    let context = state.take().ok_or_else(already_finalized)?;
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
        let tag = context
            .tag()
            .ok_or(Error::Cipher(CipherError::TagRequired))?;
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
        live(&mut self.state)?.set_tag(tag, self.min_tag_len, false)?;
        Ok(finalize(py, &mut self.state)?.1)
    }

    fn reset_nonce(&mut self, py: Python<'_>, nonce: BytesLike<'_>) -> CryptoResult<()> {
        reset_nonce(py, &mut self.state, &nonce)
    }
}

/// Test hook of the reference: counts `n` message bytes as processed by a GCM context,
/// so that its length limit can be reached without 64 GiB of input.
#[pyfunction]
pub(crate) fn _advance(ctx: &Bound<'_, PyAny>, n: u64) -> CryptoResult<()> {
    skip_gcm_bytes(ctx, n, 0)
}

/// Test hook of the reference: counts `n` associated-data bytes as processed.
#[pyfunction]
pub(crate) fn _advance_aad(ctx: &Bound<'_, PyAny>, n: u64) -> CryptoResult<()> {
    skip_gcm_bytes(ctx, 0, n)
}

fn skip_gcm_bytes(ctx: &Bound<'_, PyAny>, data: u64, aad: u64) -> CryptoResult<()> {
    let state = if let Ok(encryptor) = ctx.cast::<AeadEncryptionContext>() {
        let mut encryptor = encryptor.borrow_mut();
        return Ok(live(&mut encryptor.state)?.skip_gcm_bytes(data, aad)?);
    } else {
        ctx.cast::<AeadDecryptionContext>().map_err(PyErr::from)?
    };
    let mut decryptor = state.borrow_mut();
    Ok(live(&mut decryptor.state)?.skip_gcm_bytes(data, aad)?)
}
