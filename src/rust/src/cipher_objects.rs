//! The everyday objects of the Cipher API, native: `algorithms.AES`, `AES128`, `AES256`,
//! `modes.CBC`, `CTR`, `ECB`, `GCM`, `XTS` and `Cipher` itself.
//!
//! `Cipher(AES(key), CBC(iv)).encryptor()` is how applications encrypt a message, so the
//! three constructions are part of every message's cost. As Python classes they cost
//! more than the encryption; here each is one native call. The classes keep the
//! reference's names, modules, attributes, checks and messages; the Python modules register
//! them with the `CipherAlgorithm` and `Mode` interfaces. Other algorithm and mode objects
//! (SM4, ChaCha20, the decrepit ones, or a caller's own) go through the same checks by
//! attribute, as before. Like the reference's Python classes, they take weak references
//! and attributes of the caller's own (a `__dict__`).

use pyo3::exceptions::{PyAssertionError, PyTypeError};
use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyDict, PyFrozenSet, PyTuple, PyType};
use pyo3::BoundObject;

use cryptography_backend::cipher_rules::{self, IvName};

use crate::buf::BytesLike;
use crate::error::{unsupported, CryptoError, Reason};

use crate::types::{BLOCK_CIPHER_ALGORITHM, CIPHER_ALGORITHM, GENERIC_ALIAS, MODE, MODE_WITH_TAG};

/// `utils._check_byteslike`: anything exporting a buffer passes.
fn check_byteslike(value: &Bound<'_, PyAny>, name: &str) -> PyResult<()> {
    if value.is_instance_of::<PyBytes>()
        || value.is_instance_of::<PyByteArray>()
        || value.extract::<BytesLike<'_>>().is_ok()
    {
        Ok(())
    } else {
        Err(PyTypeError::new_err(format!("{name} must be bytes-like")))
    }
}

/// A rule of the core's, its error as the Python exception.
fn rule(result: cryptography_backend::Result<()>) -> PyResult<()> {
    result.map_err(|err| CryptoError::from(err).into())
}

/// `(type(self), args)`: how the objects pickle and copy (as the reference's plain Python
/// objects do, by their constructor arguments).
fn reduce<'py>(
    object: &Bound<'py, PyAny>,
    args: impl IntoPyObject<'py, Target = PyTuple>,
) -> PyResult<Bound<'py, PyTuple>> {
    let args = args.into_pyobject(object.py()).map_err(Into::into)?;
    PyTuple::new(
        object.py(),
        [object.get_type().into_any(), args.into_any().into_bound()],
    )
}

/// Each native class gets an `__init__` that accepts its constructor's arguments and does
/// nothing (the checks run in `__new__`). It is a plain builtin, so that:
/// - a subclass's `__init__` may call `super().__init__(...)` with the arguments, as with
///   the reference's Python classes (the default `object.__init__` refuses them);
/// - `inspect.signature(AES.__init__)` shows the real parameters;
/// - the call costs no Python frame (a builtin in the class is called without binding).
macro_rules! init_accepting {
    ($rust:ident, $signature:literal) => {
        #[pyfunction]
        #[pyo3(name = "__init__", signature = (*_args, **_kwargs), text_signature = $signature)]
        fn $rust(_args: &Bound<'_, PyTuple>, _kwargs: Option<&Bound<'_, PyDict>>) {}
    };
}

init_accepting!(init_with_key, "(self, key)");
init_accepting!(init_with_iv, "(self, initialization_vector)");
init_accepting!(init_with_nonce, "(self, nonce)");
init_accepting!(init_with_tweak, "(self, tweak)");
init_accepting!(
    init_gcm,
    "(self, initialization_vector, tag=None, min_tag_length=16)"
);
init_accepting!(init_cipher, "(self, algorithm, mode, backend=None)");

/// Adds the native classes to `module`, each with its `__init__`.
pub(crate) fn add_classes(module: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = module.py();
    let classes = [
        (
            py.get_type::<Aes>(),
            wrap_pyfunction!(init_with_key, module)?,
        ),
        (
            py.get_type::<Aes128>(),
            wrap_pyfunction!(init_with_key, module)?,
        ),
        (
            py.get_type::<Aes256>(),
            wrap_pyfunction!(init_with_key, module)?,
        ),
        (
            py.get_type::<Cbc>(),
            wrap_pyfunction!(init_with_iv, module)?,
        ),
        (
            py.get_type::<Ctr>(),
            wrap_pyfunction!(init_with_nonce, module)?,
        ),
        (py.get_type::<Gcm>(), wrap_pyfunction!(init_gcm, module)?),
        (
            py.get_type::<Xts>(),
            wrap_pyfunction!(init_with_tweak, module)?,
        ),
        (
            py.get_type::<Cipher>(),
            wrap_pyfunction!(init_cipher, module)?,
        ),
    ];
    for (class, init) in classes {
        class.setattr("__init__", init)?;
        module.add(class.name()?, class)?;
    }
    // ECB takes no arguments, so `object.__init__` serves, as for the reference's class.
    module.add_class::<Ecb>()
}

// ---------------------------------------------------------------------------------------
// The rules of the Python algorithm and mode classes (the core's, with its messages)

/// `_cipheralgorithm._verify_key_size`: a key size (in bits) the algorithm takes.
#[pyfunction]
pub(crate) fn check_key_size(
    name: &str,
    key_sizes: &Bound<'_, PyAny>,
    key_bits: usize,
) -> PyResult<()> {
    let listed = key_sizes.contains(key_bits)?;
    rule(cipher_rules::check_key_size(name, key_bits, |_| listed))
}

/// `_modes._check_aes_key_length`: keys above 256 bits are for XTS only.
#[pyfunction]
pub(crate) fn check_aes_key_for_mode(is_aes: bool, key_bits: usize) -> PyResult<()> {
    rule(cipher_rules::check_aes_key_for_mode(is_aes, key_bits))
}

/// `_modes._check_iv_length`: a feedback mode's IV is one block.
#[pyfunction]
pub(crate) fn check_iv_length(mode_name: &str, block_size: usize, iv_len: usize) -> PyResult<()> {
    rule(cipher_rules::check_one_block(
        IvName::Iv,
        mode_name,
        block_size,
        iv_len,
    ))
}

/// `ChaCha20(key, nonce)`: a 16-byte nonce.
#[pyfunction]
pub(crate) fn check_chacha20_nonce(nonce_len: usize) -> PyResult<()> {
    rule(cipher_rules::check_chacha20_nonce(nonce_len))
}

// ---------------------------------------------------------------------------------------
// Algorithms

macro_rules! aes_class {
    ($rust:ident, $name:literal, [$($size:literal),+], { $($key_size:tt)* }) => {
        #[pyclass(module = "cryptography.hazmat.primitives.ciphers.algorithms",
                  name = $name, subclass, weakref, dict, freelist = 8)]
        pub(crate) struct $rust {
            /// The key object as given (the reference keeps it, and callers may replace it).
            #[pyo3(get, set)]
            key: Py<PyAny>,
        }

        impl $rust {
            const KEY_SIZES: &'static [usize] = &[$($size),+];
        }

        #[pymethods]
        impl $rust {
            #[new]
            fn new(key: Bound<'_, PyAny>) -> PyResult<Self> {
                check_byteslike(&key, "key")?;
                rule(cipher_rules::check_key_size("AES", key.len()? * 8, |bits| {
                    Self::KEY_SIZES.contains(&bits)
                }))?;
                Ok($rust { key: key.unbind() })
            }

            #[classattr]
            fn name() -> &'static str {
                "AES"
            }

            #[classattr]
            fn block_size() -> usize {
                128
            }

            #[classattr]
            fn key_sizes(py: Python<'_>) -> PyResult<Bound<'_, PyFrozenSet>> {
                PyFrozenSet::new(py, Self::KEY_SIZES)
            }

            fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
                let key = slf.borrow().key.clone_ref(slf.py());
                reduce(slf.as_any(), (key,))
            }

            $($key_size)*
        }
    };
}

aes_class!(Aes, "AES", [128, 192, 256, 512], {
    /// The size of the key in bits; AES-256-XTS takes two keys, so 512 is one of them.
    #[getter]
    fn key_size(&self, py: Python<'_>) -> PyResult<usize> {
        Ok(self.key.bind(py).len()? * 8)
    }
});
aes_class!(Aes128, "AES128", [128], {
    #[classattr]
    fn key_size() -> usize {
        128
    }
});
aes_class!(Aes256, "AES256", [256], {
    #[classattr]
    fn key_size() -> usize {
        256
    }
});

/// The key object of one of the native AES classes (subclasses included), if `algorithm`
/// is one.
pub(crate) fn native_aes_key<'py>(algorithm: &Bound<'py, PyAny>) -> Option<Bound<'py, PyAny>> {
    let py = algorithm.py();
    if let Ok(aes) = algorithm.cast::<Aes>() {
        return Some(aes.borrow().key.bind(py).clone());
    }
    if let Ok(aes) = algorithm.cast::<Aes128>() {
        return Some(aes.borrow().key.bind(py).clone());
    }
    if let Ok(aes) = algorithm.cast::<Aes256>() {
        return Some(aes.borrow().key.bind(py).clone());
    }
    None
}

/// What the mode checks ask of an algorithm: answered from the fields of a native AES
/// object, or by attribute from any other `CipherAlgorithm`, in the order the checks ask.
enum AlgorithmFacts<'a, 'py> {
    NativeAes {
        key: Bound<'py, PyAny>,
        fixed_size: bool,
    },
    Other(&'a Bound<'py, PyAny>),
}

impl<'a, 'py> AlgorithmFacts<'a, 'py> {
    fn py(&self) -> Python<'py> {
        match self {
            AlgorithmFacts::NativeAes { key, .. } => key.py(),
            AlgorithmFacts::Other(algorithm) => algorithm.py(),
        }
    }

    fn of(algorithm: &'a Bound<'py, PyAny>) -> Self {
        match native_aes_key(algorithm) {
            Some(key) => AlgorithmFacts::NativeAes {
                key,
                fixed_size: !algorithm.is_instance_of::<Aes>(),
            },
            None => AlgorithmFacts::Other(algorithm),
        }
    }

    fn key_size(&self) -> PyResult<usize> {
        match self {
            AlgorithmFacts::NativeAes { key, .. } => Ok(key.len()? * 8),
            AlgorithmFacts::Other(algorithm) => algorithm.getattr("key_size")?.extract(),
        }
    }

    fn is_named_aes(&self) -> PyResult<bool> {
        match self {
            AlgorithmFacts::NativeAes { .. } => Ok(true),
            AlgorithmFacts::Other(algorithm) => Ok(algorithm.getattr("name")?.eq("AES")?),
        }
    }

    fn is_block_cipher(&self) -> PyResult<bool> {
        match self {
            AlgorithmFacts::NativeAes { .. } => Ok(true),
            AlgorithmFacts::Other(algorithm) => {
                algorithm.is_instance(BLOCK_CIPHER_ALGORITHM.get(algorithm.py())?)
            }
        }
    }

    fn block_size(&self) -> PyResult<usize> {
        match self {
            AlgorithmFacts::NativeAes { .. } => Ok(128),
            AlgorithmFacts::Other(algorithm) => algorithm.getattr("block_size")?.extract(),
        }
    }

    /// AES128 or AES256 (or a subclass): the fixed-size classes XTS refuses.
    fn is_fixed_size_aes(&self) -> bool {
        match self {
            AlgorithmFacts::NativeAes { fixed_size, .. } => *fixed_size,
            AlgorithmFacts::Other(_) => false,
        }
    }
}

// ---------------------------------------------------------------------------------------
// The checks the modes share

/// `mode_label` names the mode in the message; it is only called on failure (CBC's
/// label is the object's repr, which costs more than the whole check).
fn require_block_cipher(
    facts: &AlgorithmFacts<'_, '_>,
    mode_label: impl FnOnce() -> PyResult<String>,
) -> PyResult<()> {
    if facts.is_block_cipher()? {
        Ok(())
    } else {
        Err(unsupported(
            facts.py(),
            format!("{} requires a block cipher algorithm", mode_label()?),
            Reason::UnsupportedCipher,
        ))
    }
}

/// AES with a 512-bit key is only for XTS.
fn refuse_double_aes_key(facts: &AlgorithmFacts<'_, '_>) -> PyResult<()> {
    let key_bits = facts.key_size()?;
    rule(cipher_rules::check_aes_key_for_mode(
        facts.is_named_aes()?,
        key_bits,
    ))
}

/// The IV (or CTR nonce) must be one block long.
fn require_one_block(
    facts: &AlgorithmFacts<'_, '_>,
    value: &Bound<'_, PyAny>,
    name: IvName,
    mode_name: &str,
) -> PyResult<()> {
    rule(cipher_rules::check_one_block(
        name,
        mode_name,
        facts.block_size()?,
        value.len()?,
    ))
}

// ---------------------------------------------------------------------------------------
// Modes

#[pyclass(
    module = "cryptography.hazmat.primitives.ciphers.modes",
    name = "CBC",
    frozen,
    subclass,
    weakref,
    dict,
    freelist = 8
)]
pub(crate) struct Cbc {
    #[pyo3(get)]
    initialization_vector: Py<PyAny>,
}

impl Cbc {
    pub(crate) fn iv<'py>(&self, py: Python<'py>) -> &Bound<'py, PyAny> {
        self.initialization_vector.bind(py)
    }
}

#[pymethods]
impl Cbc {
    #[new]
    fn new(initialization_vector: Bound<'_, PyAny>) -> PyResult<Self> {
        check_byteslike(&initialization_vector, "initialization_vector")?;
        Ok(Cbc {
            initialization_vector: initialization_vector.unbind(),
        })
    }

    #[classattr]
    fn name() -> &'static str {
        "CBC"
    }

    fn validate_for_algorithm(slf: &Bound<'_, Self>, algorithm: &Bound<'_, PyAny>) -> PyResult<()> {
        let facts = AlgorithmFacts::of(algorithm);
        require_block_cipher(&facts, || Ok(slf.str()?.to_string()))?;
        refuse_double_aes_key(&facts)?;
        require_one_block(
            &facts,
            slf.get().initialization_vector.bind(slf.py()),
            IvName::Iv,
            "CBC",
        )
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        reduce(
            slf.as_any(),
            (slf.get().initialization_vector.clone_ref(slf.py()),),
        )
    }
}

#[pyclass(
    module = "cryptography.hazmat.primitives.ciphers.modes",
    name = "CTR",
    frozen,
    subclass,
    weakref,
    dict,
    freelist = 8
)]
pub(crate) struct Ctr {
    #[pyo3(get)]
    nonce: Py<PyAny>,
}

impl Ctr {
    pub(crate) fn nonce<'py>(&self, py: Python<'py>) -> &Bound<'py, PyAny> {
        self.nonce.bind(py)
    }
}

#[pymethods]
impl Ctr {
    #[new]
    fn new(nonce: Bound<'_, PyAny>) -> PyResult<Self> {
        check_byteslike(&nonce, "nonce")?;
        Ok(Ctr {
            nonce: nonce.unbind(),
        })
    }

    #[classattr]
    fn name() -> &'static str {
        "CTR"
    }

    fn validate_for_algorithm(slf: &Bound<'_, Self>, algorithm: &Bound<'_, PyAny>) -> PyResult<()> {
        let facts = AlgorithmFacts::of(algorithm);
        refuse_double_aes_key(&facts)?;
        // The reference names CTR here where CBC shows the object.
        require_block_cipher(&facts, || Ok("CTR".to_string()))?;
        require_one_block(&facts, slf.get().nonce.bind(slf.py()), IvName::Nonce, "CTR")
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        reduce(slf.as_any(), (slf.get().nonce.clone_ref(slf.py()),))
    }
}

#[pyclass(
    module = "cryptography.hazmat.primitives.ciphers.modes",
    name = "ECB",
    frozen,
    subclass,
    weakref,
    dict,
    freelist = 8
)]
pub(crate) struct Ecb;

#[pymethods]
impl Ecb {
    #[new]
    fn new() -> Self {
        Ecb
    }

    #[classattr]
    fn name() -> &'static str {
        "ECB"
    }

    /// Only the key length: other algorithms are refused when the context is made.
    fn validate_for_algorithm(&self, algorithm: &Bound<'_, PyAny>) -> PyResult<()> {
        refuse_double_aes_key(&AlgorithmFacts::of(algorithm))
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        reduce(slf.as_any(), ())
    }
}

#[pyclass(
    module = "cryptography.hazmat.primitives.ciphers.modes",
    name = "XTS",
    frozen,
    subclass,
    weakref,
    dict,
    freelist = 8
)]
pub(crate) struct Xts {
    #[pyo3(get)]
    tweak: Py<PyAny>,
}

impl Xts {
    pub(crate) fn tweak<'py>(&self, py: Python<'py>) -> &Bound<'py, PyAny> {
        self.tweak.bind(py)
    }
}

#[pymethods]
impl Xts {
    #[new]
    fn new(tweak: Bound<'_, PyAny>) -> PyResult<Self> {
        check_byteslike(&tweak, "tweak")?;
        rule(cipher_rules::check_xts_tweak(tweak.len()?))?;
        Ok(Xts {
            tweak: tweak.unbind(),
        })
    }

    #[classattr]
    fn name() -> &'static str {
        "XTS"
    }

    fn validate_for_algorithm(&self, algorithm: &Bound<'_, PyAny>) -> PyResult<()> {
        let facts = AlgorithmFacts::of(algorithm);
        if facts.is_fixed_size_aes() {
            return Err(PyTypeError::new_err(
                "The AES128 and AES256 classes do not support XTS, please use the standard \
                 AES class instead.",
            ));
        }
        rule(cipher_rules::check_xts_key(facts.key_size()?))
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        reduce(slf.as_any(), (slf.get().tweak.clone_ref(slf.py()),))
    }
}

#[pyclass(
    module = "cryptography.hazmat.primitives.ciphers.modes",
    name = "GCM",
    frozen,
    subclass,
    weakref,
    dict,
    freelist = 8
)]
pub(crate) struct Gcm {
    #[pyo3(get)]
    initialization_vector: Py<PyAny>,
    /// For decryption: the expected tag, when known up front.
    #[pyo3(get)]
    tag: Option<Py<PyBytes>>,
    /// The shortest tag `finalize_with_tag` accepts.
    #[pyo3(get, name = "_min_tag_length")]
    min_tag_length: isize,
}

impl Gcm {
    pub(crate) fn tag_bytes<'a>(&'a self, py: Python<'a>) -> Option<&'a [u8]> {
        self.tag.as_ref().map(|tag| tag.bind(py).as_bytes())
    }

    /// The shortest tag accepted (at least 4, checked on construction).
    pub(crate) fn min_tag_len(&self) -> usize {
        usize::try_from(self.min_tag_length).unwrap_or(4)
    }

    pub(crate) fn iv<'py>(&self, py: Python<'py>) -> &Bound<'py, PyAny> {
        self.initialization_vector.bind(py)
    }
}

#[pymethods]
impl Gcm {
    #[new]
    #[pyo3(signature = (initialization_vector, tag = None, min_tag_length = 16))]
    fn new(
        initialization_vector: Bound<'_, PyAny>,
        tag: Option<Bound<'_, PyAny>>,
        min_tag_length: isize,
    ) -> PyResult<Self> {
        check_byteslike(&initialization_vector, "initialization_vector")?;
        let iv_len = initialization_vector.len()?;
        // The IV's length is checked before the tag's type, as the reference does.
        rule(cipher_rules::check_gcm(iv_len, min_tag_length as i64))?;
        let tag = tag
            .map(|tag| {
                tag.cast_into::<PyBytes>()
                    .map_err(|_| PyTypeError::new_err("tag must be bytes"))
            })
            .transpose()?;
        if let Some(tag) = &tag {
            // `check_gcm` has made sure the minimum is at least 4.
            let min = usize::try_from(min_tag_length).unwrap_or(usize::MAX);
            rule(cipher_rules::check_tag_min(tag.as_bytes().len(), min))?;
        }
        let tag = tag.map(Bound::unbind);
        Ok(Gcm {
            initialization_vector: initialization_vector.unbind(),
            tag,
            min_tag_length,
        })
    }

    #[classattr]
    fn name() -> &'static str {
        "GCM"
    }

    /// SP 800-38D's limits: plaintext up to 2^39 - 256 bits, AAD up to 2^64 - 1 bits.
    #[classattr]
    #[pyo3(name = "_MAX_ENCRYPTED_BYTES")]
    fn max_encrypted_bytes() -> u64 {
        ((1u64 << 39) - 256) / 8
    }

    #[classattr]
    #[pyo3(name = "_MAX_AAD_BYTES")]
    fn max_aad_bytes() -> u64 {
        u64::MAX / 8
    }

    fn validate_for_algorithm(&self, py: Python<'_>, algorithm: &Bound<'_, PyAny>) -> PyResult<()> {
        let facts = AlgorithmFacts::of(algorithm);
        refuse_double_aes_key(&facts)?;
        require_block_cipher(&facts, || Ok("GCM".to_string()))?;
        match self.tag_bytes(py) {
            Some(tag) => rule(cipher_rules::check_tag_fits_block(
                tag.len(),
                facts.block_size()?,
            )),
            None => Ok(()),
        }
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let gcm = slf.get();
        let py = slf.py();
        reduce(
            slf.as_any(),
            (
                gcm.initialization_vector.clone_ref(py),
                gcm.tag.as_ref().map(|tag| tag.clone_ref(py)),
                gcm.min_tag_length,
            ),
        )
    }
}

fn is_native_mode(mode: &Bound<'_, PyAny>) -> bool {
    mode.is_instance_of::<Cbc>()
        || mode.is_instance_of::<Ctr>()
        || mode.is_instance_of::<Gcm>()
        || mode.is_instance_of::<Ecb>()
        || mode.is_instance_of::<Xts>()
}

/// Runs a native mode's own checks without a Python method call; `None` when `mode` is
/// not one of the native modes.
fn validate_native_mode(
    mode: &Bound<'_, PyAny>,
    algorithm: &Bound<'_, PyAny>,
) -> Option<PyResult<()>> {
    if let Ok(cbc) = mode.cast::<Cbc>() {
        return Some(Cbc::validate_for_algorithm(cbc, algorithm));
    }
    if let Ok(ctr) = mode.cast::<Ctr>() {
        return Some(Ctr::validate_for_algorithm(ctr, algorithm));
    }
    if let Ok(gcm) = mode.cast::<Gcm>() {
        return Some(gcm.get().validate_for_algorithm(mode.py(), algorithm));
    }
    if let Ok(ecb) = mode.cast::<Ecb>() {
        return Some(ecb.get().validate_for_algorithm(algorithm));
    }
    if let Ok(xts) = mode.cast::<Xts>() {
        return Some(xts.get().validate_for_algorithm(algorithm));
    }
    None
}

// ---------------------------------------------------------------------------------------
// Cipher

#[pyclass(
    module = "cryptography.hazmat.primitives.ciphers.base",
    name = "Cipher",
    frozen,
    subclass,
    weakref,
    dict,
    freelist = 8
)]
pub(crate) struct Cipher {
    #[pyo3(get)]
    algorithm: Py<PyAny>,
    #[pyo3(get)]
    mode: Py<PyAny>,
}

#[pymethods]
impl Cipher {
    #[new]
    #[pyo3(signature = (algorithm, mode, backend = None))]
    fn new(
        algorithm: Bound<'_, PyAny>,
        mode: Bound<'_, PyAny>,
        backend: Option<Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        // Accepted and ignored, as in the reference: there is one backend.
        let _ = backend;
        let py = algorithm.py();
        if native_aes_key(&algorithm).is_none()
            && !algorithm.is_instance(CIPHER_ALGORITHM.get(py)?)?
        {
            return Err(PyTypeError::new_err(
                "Expected interface of CipherAlgorithm.",
            ));
        }
        if !mode.is_none() {
            match validate_native_mode(&mode, &algorithm) {
                Some(result) => result?,
                None => {
                    // Explicit, not an `assert`: the check must hold under `python -O`.
                    if !mode.is_instance(MODE.get(py)?)? {
                        return Err(PyAssertionError::new_err("Expected interface of Mode."));
                    }
                    mode.call_method1("validate_for_algorithm", (&algorithm,))?;
                }
            }
        }
        Ok(Cipher {
            algorithm: algorithm.unbind(),
            mode: mode.unbind(),
        })
    }

    /// `Cipher[modes.GCM]` in annotations, as for the reference's generic class.
    #[classmethod]
    fn __class_getitem__<'py>(
        cls: &Bound<'py, PyType>,
        item: Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        GENERIC_ALIAS.get(cls.py())?.call1((cls, item))
    }

    fn encryptor(&self, py: Python<'_>) -> crate::error::CryptoResult<Py<PyAny>> {
        let mode = self.mode.bind(py);
        // A native GCM's tag is checked with the context; this is for other modes with tags.
        let foreign_mode_with_tag =
            !mode.is_none() && !is_native_mode(mode) && mode.is_instance(MODE_WITH_TAG.get(py)?)?;
        if foreign_mode_with_tag {
            cipher_rules::check_no_tag_when_encrypting(true, !mode.getattr("tag")?.is_none())?;
        }
        crate::ciphers::create_encryption_ctx(py, self.algorithm.bind(py).clone(), mode.clone())
    }

    fn decryptor(&self, py: Python<'_>) -> crate::error::CryptoResult<Py<PyAny>> {
        crate::ciphers::create_decryption_ctx(
            py,
            self.algorithm.bind(py).clone(),
            self.mode.bind(py).clone(),
        )
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let cipher = slf.get();
        let py = slf.py();
        reduce(
            slf.as_any(),
            (cipher.algorithm.clone_ref(py), cipher.mode.clone_ref(py)),
        )
    }
}
