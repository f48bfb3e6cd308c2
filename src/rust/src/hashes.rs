//! `Hash` and `XOFHash` (cryptography.hazmat.primitives.hashes), and the conversion of a
//! Python hash algorithm object into the core's `HashAlgorithm`, done once per object.

use cryptography_backend::hash::{HashAlgorithm, Hasher, XofHasher};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBytes, PyType};

use crate::buf::{run_detached_if_large, BytesLike};
use crate::error::{already_finalized, unsupported, CryptoResult, Reason};

/// The algorithm classes of `cryptography.hazmat.primitives.hashes`, with the `name` each
/// declares and the core algorithm it stands for.
struct KnownHash {
    class: Py<PyType>,
    name: String,
    algorithm: HashAlgorithm,
}

static KNOWN_HASHES: PyOnceLock<Vec<KnownHash>> = PyOnceLock::new();

const HASHES_MODULE: &str = "cryptography.hazmat.primitives.hashes";

fn known_hashes(py: Python<'_>) -> PyResult<&Vec<KnownHash>> {
    KNOWN_HASHES.get_or_try_init(py, || {
        let module = py.import(HASHES_MODULE)?;
        let classes = [
            ("MD5", HashAlgorithm::Md5),
            ("SHA1", HashAlgorithm::Sha1),
            ("SHA224", HashAlgorithm::Sha224),
            ("SHA256", HashAlgorithm::Sha256),
            ("SHA384", HashAlgorithm::Sha384),
            ("SHA512", HashAlgorithm::Sha512),
            ("SHA512_224", HashAlgorithm::Sha512_224),
            ("SHA512_256", HashAlgorithm::Sha512_256),
            ("SHA3_224", HashAlgorithm::Sha3_224),
            ("SHA3_256", HashAlgorithm::Sha3_256),
            ("SHA3_384", HashAlgorithm::Sha3_384),
            ("SHA3_512", HashAlgorithm::Sha3_512),
            ("SHAKE128", HashAlgorithm::Shake128 { output_len: 0 }),
            ("SHAKE256", HashAlgorithm::Shake256 { output_len: 0 }),
            ("BLAKE2b", HashAlgorithm::Blake2b512),
            ("BLAKE2s", HashAlgorithm::Blake2s256),
            ("SM3", HashAlgorithm::Sm3),
        ];
        classes
            .into_iter()
            .map(|(class_name, algorithm)| {
                let class = module.getattr(class_name)?.cast_into::<PyType>()?;
                let name = class.getattr("name")?.extract::<String>()?;
                Ok(KnownHash {
                    class: class.unbind(),
                    name,
                    algorithm,
                })
            })
            .collect()
    })
}

/// Reads the Python object's `digest_size` into an XOF's output length, or checks it
/// against a fixed digest's size.
fn with_declared_size(
    py: Python<'_>,
    object: &Bound<'_, PyAny>,
    algorithm: HashAlgorithm,
    name: &str,
) -> PyResult<HashAlgorithm> {
    let size = || {
        object
            .getattr(pyo3::intern!(py, "digest_size"))?
            .extract::<usize>()
    };
    match algorithm {
        HashAlgorithm::Shake128 { .. } => Ok(HashAlgorithm::Shake128 {
            output_len: size()?,
        }),
        HashAlgorithm::Shake256 { .. } => Ok(HashAlgorithm::Shake256 {
            output_len: size()?,
        }),
        HashAlgorithm::Blake2b512 | HashAlgorithm::Blake2s256 => {
            // OpenSSL offers BLAKE2 at its full output size only.
            if size()? == algorithm.output_len() {
                Ok(algorithm)
            } else {
                Err(unsupported_hash(py, name))
            }
        }
        fixed => Ok(fixed),
    }
}

fn unsupported_hash(py: Python<'_>, name: &str) -> PyErr {
    unsupported(
        py,
        format!("{name} is not a supported hash on this backend"),
        Reason::UnsupportedHash,
    )
}

/// Converts a `HashAlgorithm` instance into the core algorithm. The classes of the hashes
/// module are recognised by type; other implementations of the interface by their `name`.
pub(crate) fn hash_algorithm(py: Python<'_>, object: &Bound<'_, PyAny>) -> PyResult<HashAlgorithm> {
    let known = known_hashes(py)?;
    let object_type = object.get_type_ptr();
    if let Some(entry) = known
        .iter()
        .find(|k| k.class.as_ptr().cast() == object_type)
    {
        return with_declared_size(py, object, entry.algorithm, &entry.name);
    }
    let interface = crate::types::HASH_ALGORITHM.get(py)?;
    if !object.is_instance(interface)? {
        return Err(PyTypeError::new_err(
            "Expected instance of hashes.HashAlgorithm.",
        ));
    }
    let name = object
        .getattr(pyo3::intern!(py, "name"))?
        .extract::<String>()?;
    match known.iter().find(|k| k.name == name) {
        Some(entry) => with_declared_size(py, object, entry.algorithm, &name),
        None => Err(unsupported_hash(py, &name)),
    }
}

/// Like `hash_algorithm`, and also refuses algorithms the linked OpenSSL lacks.
pub(crate) fn supported_hash_algorithm(
    py: Python<'_>,
    object: &Bound<'_, PyAny>,
) -> PyResult<HashAlgorithm> {
    let algorithm = hash_algorithm(py, object)?;
    if algorithm.is_supported() {
        Ok(algorithm)
    } else {
        let name = object
            .getattr(pyo3::intern!(py, "name"))?
            .extract::<String>()?;
        Err(unsupported_hash(py, &name))
    }
}

/// `Hash(algorithm)`: a running digest. `None` once finalized.
#[pyclass(
    module = "cryptography.hazmat.bindings._rust.openssl.hashes",
    name = "Hash",
    freelist = 16
)]
pub(crate) struct Hash {
    algorithm: Py<PyAny>,
    state: Option<Hasher>,
}

impl Hash {
    fn state(&mut self) -> PyResult<&mut Hasher> {
        self.state.as_mut().ok_or_else(already_finalized)
    }
}

fn digest_to_bytes(py: Python<'_>, hasher: Hasher) -> CryptoResult<Bound<'_, PyBytes>> {
    let len = hasher.algorithm().output_len();
    let mut hasher = Some(hasher);
    Ok(PyBytes::new_with(py, len, |out| {
        // `new_with` calls this exactly once.
        let hasher = hasher.take().ok_or_else(already_finalized)?;
        hasher
            .finalize_into(out)
            .map_err(|e| crate::error::CryptoError::from(e).into())
    })?)
}

#[pymethods]
impl Hash {
    #[new]
    #[pyo3(signature = (algorithm, backend=None))]
    fn new(
        py: Python<'_>,
        algorithm: Bound<'_, PyAny>,
        backend: Option<Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let _ = backend;
        let core_algorithm = supported_hash_algorithm(py, &algorithm)?;
        let hasher = Hasher::new(core_algorithm).map_err(crate::error::CryptoError::from)?;
        Ok(Hash {
            algorithm: algorithm.unbind(),
            state: Some(hasher),
        })
    }

    #[getter]
    fn algorithm(&self, py: Python<'_>) -> Py<PyAny> {
        self.algorithm.clone_ref(py)
    }

    fn update(&mut self, py: Python<'_>, data: BytesLike<'_>) -> CryptoResult<()> {
        let hasher = self.state()?;
        Ok(run_detached_if_large(py, &data, |bytes| {
            hasher.update(bytes)
        })?)
    }

    fn copy(&self, py: Python<'_>) -> CryptoResult<Hash> {
        let hasher = self.state.as_ref().ok_or_else(already_finalized)?;
        Ok(Hash {
            algorithm: self.algorithm.clone_ref(py),
            state: Some(hasher.fork()?),
        })
    }

    fn finalize<'py>(&mut self, py: Python<'py>) -> CryptoResult<Bound<'py, PyBytes>> {
        let hasher = self.state.take().ok_or_else(already_finalized)?;
        digest_to_bytes(py, hasher)
    }

    /// One-shot digest of `data`.
    #[staticmethod]
    fn hash<'py>(
        py: Python<'py>,
        algorithm: Bound<'py, PyAny>,
        data: BytesLike<'_>,
    ) -> CryptoResult<Bound<'py, PyBytes>> {
        let mut hasher = Hasher::new(supported_hash_algorithm(py, &algorithm)?)?;
        run_detached_if_large(py, &data, |bytes| hasher.update(bytes))?;
        digest_to_bytes(py, hasher)
    }
}

/// `XOFHash(algorithm)`: an extendable-output function read with `squeeze`.
#[pyclass(
    module = "cryptography.hazmat.bindings._rust.openssl.hashes",
    name = "XOFHash"
)]
pub(crate) struct XofHash {
    algorithm: Py<PyAny>,
    state: XofHasher,
}

#[pymethods]
impl XofHash {
    #[new]
    fn new(py: Python<'_>, algorithm: Bound<'_, PyAny>) -> CryptoResult<Self> {
        let core_algorithm = supported_hash_algorithm(py, &algorithm)
            .ok()
            .filter(|a| a.is_xof())
            .ok_or_else(|| {
                PyTypeError::new_err("Expected instance of an extendable output function.")
            })?;
        Ok(XofHash {
            algorithm: algorithm.unbind(),
            state: XofHasher::new(core_algorithm)?,
        })
    }

    #[getter]
    fn algorithm(&self, py: Python<'_>) -> Py<PyAny> {
        self.algorithm.clone_ref(py)
    }

    fn update(&mut self, py: Python<'_>, data: BytesLike<'_>) -> CryptoResult<()> {
        if self.state.has_squeezed() {
            return Err(
                crate::error::AlreadyFinalized::new_err("Context was already squeezed.").into(),
            );
        }
        let state = &mut self.state;
        Ok(run_detached_if_large(py, &data, |bytes| {
            state.update(bytes)
        })?)
    }

    fn copy(&self, py: Python<'_>) -> CryptoResult<XofHash> {
        Ok(XofHash {
            algorithm: self.algorithm.clone_ref(py),
            state: self.state.fork()?,
        })
    }

    fn squeeze<'py>(
        &mut self,
        py: Python<'py>,
        length: usize,
    ) -> CryptoResult<Bound<'py, PyBytes>> {
        if !self.state.can_squeeze(length) {
            return Err(cryptography_backend::Error::SqueezeLimitExceeded.into());
        }
        let state = &mut self.state;
        Ok(PyBytes::new_with(py, length, |out| {
            state
                .squeeze_into(out)
                .map_err(|e| crate::error::CryptoError::from(e).into())
        })?)
    }
}
