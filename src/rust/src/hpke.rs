//! `cryptography.hazmat.bindings._rust.openssl.hpke`: RFC 9180 HPKE's single-shot
//! encryption as `hazmat.primitives.hpke` offers it (`Suite`, `KEM`, `KDF`, `AEAD`, the
//! hybrid ML-KEM key classes). The scheme is the core's (`cryptography_backend::hpke`);
//! this module turns the package's key objects into its keys and maps its errors.

use cryptography_backend::hpke::{self as core, HpkeError, KemPrivateKey, KemPublicKey, Mode};
use cryptography_backend::Error;
use cryptography_keys::{PrivateKeyRef, PublicKeyRef};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyBytes;

use crate::buf::BytesLike;
use crate::error::CryptoResult;

/// The KEMs of the reference's `KEM`.
#[pyclass(
    module = "cryptography.hazmat.bindings._rust.openssl.hpke",
    name = "KEM",
    frozen,
    eq,
    eq_int,
    hash
)]
#[allow(non_camel_case_types, clippy::upper_case_acronyms)]
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum PyKem {
    X25519,
    P256,
    P384,
    P521,
    MLKEM768,
    MLKEM1024,
    MLKEM768_X25519,
    MLKEM1024_P384,
    // Additions: RFC 9180's X448 KEM and ML-KEM-512.
    X448,
    MLKEM512,
}

impl PyKem {
    fn core(self) -> core::Kem {
        match self {
            PyKem::X25519 => core::Kem::X25519Sha256,
            PyKem::P256 => core::Kem::P256Sha256,
            PyKem::P384 => core::Kem::P384Sha384,
            PyKem::P521 => core::Kem::P521Sha512,
            PyKem::MLKEM768 => core::Kem::MlKem768,
            PyKem::MLKEM1024 => core::Kem::MlKem1024,
            PyKem::MLKEM768_X25519 => core::Kem::MlKem768X25519,
            PyKem::MLKEM1024_P384 => core::Kem::MlKem1024P384,
            PyKem::X448 => core::Kem::X448Sha512,
            PyKem::MLKEM512 => core::Kem::MlKem512,
        }
    }
}

#[pymethods]
impl PyKem {
    /// Nenc: the length of the encapsulated key that starts every ciphertext.
    fn enc_length(&self) -> usize {
        self.core().enc_len()
    }
}

/// The KDFs of the reference's `KDF`.
#[pyclass(
    module = "cryptography.hazmat.bindings._rust.openssl.hpke",
    name = "KDF",
    frozen,
    eq,
    eq_int,
    hash
)]
#[allow(non_camel_case_types, clippy::upper_case_acronyms)]
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum PyKdf {
    HKDF_SHA256,
    HKDF_SHA384,
    HKDF_SHA512,
    SHAKE128,
    SHAKE256,
}

impl PyKdf {
    fn core(self) -> core::Kdf {
        match self {
            PyKdf::HKDF_SHA256 => core::Kdf::HkdfSha256,
            PyKdf::HKDF_SHA384 => core::Kdf::HkdfSha384,
            PyKdf::HKDF_SHA512 => core::Kdf::HkdfSha512,
            PyKdf::SHAKE128 => core::Kdf::Shake128,
            PyKdf::SHAKE256 => core::Kdf::Shake256,
        }
    }
}

/// The AEADs of the reference's `AEAD`.
#[pyclass(
    module = "cryptography.hazmat.bindings._rust.openssl.hpke",
    name = "AEAD",
    frozen,
    eq,
    eq_int,
    hash
)]
#[allow(non_camel_case_types, clippy::upper_case_acronyms)]
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum PyAead {
    AES_128_GCM,
    AES_256_GCM,
    CHACHA20_POLY1305,
    /// An addition: RFC 9180's export-only AEAD, for contexts used only to export.
    EXPORT_ONLY,
}

impl PyAead {
    fn core(self) -> core::Aead {
        match self {
            PyAead::AES_128_GCM => core::Aead::Aes128Gcm,
            PyAead::AES_256_GCM => core::Aead::Aes256Gcm,
            PyAead::CHACHA20_POLY1305 => core::Aead::ChaCha20Poly1305,
            PyAead::EXPORT_ONLY => core::Aead::ExportOnly,
        }
    }
}

fn wrong_key() -> PyErr {
    PyTypeError::new_err("The key does not match the suite's KEM")
}

/// The suite's KEM's public key from one of the package's key objects: a copy of its
/// core key (sharing OpenSSL's), checked to be of the KEM.
fn kem_public_key(kem: core::Kem, key: &Bound<'_, PyAny>) -> CryptoResult<KemPublicKey> {
    if let Ok(hybrid) = key.cast::<MlKem768X25519PublicKey>() {
        return same_kem(kem, &hybrid.get().key);
    }
    if let Ok(hybrid) = key.cast::<MlKem1024P384PublicKey>() {
        return same_kem(kem, &hybrid.get().key);
    }
    if let Some(mlkem) = crate::mlkem::public_key_of(key) {
        return Ok(KemPublicKey::from_mlkem(kem, mlkem.clone())?);
    }
    Ok(match crate::asym::public_key_ref(key) {
        Some(PublicKeyRef::Raw(raw)) => KemPublicKey::from_raw(kem, raw.clone())?,
        Some(PublicKeyRef::Ec(ec)) => KemPublicKey::from_ec(kem, ec.clone())?,
        _ => return Err(wrong_key().into()),
    })
}

/// The suite's KEM's private key from one of the package's key objects.
fn kem_private_key(kem: core::Kem, key: &Bound<'_, PyAny>) -> CryptoResult<KemPrivateKey> {
    if let Ok(hybrid) = key.cast::<MlKem768X25519PrivateKey>() {
        return same_kem(kem, &hybrid.get().key);
    }
    if let Ok(hybrid) = key.cast::<MlKem1024P384PrivateKey>() {
        return same_kem(kem, &hybrid.get().key);
    }
    if let Some(mlkem) = crate::mlkem::private_key_of(key) {
        return Ok(KemPrivateKey::from_mlkem(kem, mlkem.clone())?);
    }
    Ok(match crate::asym::private_key_ref(key) {
        Some(PrivateKeyRef::Raw(raw)) => KemPrivateKey::from_raw(kem, raw.shared_copy()?)?,
        Some(PrivateKeyRef::Ec(ec)) => KemPrivateKey::from_ec(kem, ec.clone())?,
        _ => return Err(wrong_key().into()),
    })
}

/// A hybrid key of the class `kem`'s, or the wrong-key error.
trait KemKey: Clone {
    fn kem(&self) -> core::Kem;
}

impl KemKey for KemPublicKey {
    fn kem(&self) -> core::Kem {
        KemPublicKey::kem(self)
    }
}

impl KemKey for KemPrivateKey {
    fn kem(&self) -> core::Kem {
        KemPrivateKey::kem(self)
    }
}

fn same_kem<K: KemKey>(kem: core::Kem, key: &K) -> CryptoResult<K> {
    if key.kem() == kem {
        Ok(key.clone())
    } else {
        Err(wrong_key().into())
    }
}

macro_rules! hybrid_classes {
    ($private:ident, $public:ident, $private_name:literal, $public_name:literal, $kem:expr, $group_arg:ident) => {
        #[pyclass(module = "cryptography.hazmat.bindings._rust.openssl.hpke", name = $private_name, frozen)]
        pub(crate) struct $private {
            key: KemPrivateKey,
        }

        #[pyclass(module = "cryptography.hazmat.bindings._rust.openssl.hpke", name = $public_name, frozen)]
        pub(crate) struct $public {
            key: KemPublicKey,
        }

        #[pymethods]
        impl $private {
            #[new]
            fn new(mlkem_key: &Bound<'_, PyAny>, $group_arg: &Bound<'_, PyAny>) -> CryptoResult<Self> {
                let key = crate::mlkem::private_key_of(mlkem_key)
                    .zip($kem.group().and_then(|group| kem_private_key(group, $group_arg).ok()))
                    .and_then(|(mlkem, group)| {
                        KemPrivateKey::from_hybrid_parts($kem, mlkem.clone(), group).ok()
                    })
                    .ok_or_else(|| {
                        PyTypeError::new_err(concat!("the keys are not the parts of a ", $private_name))
                    })?;
                Ok($private { key })
            }

            fn public_key(&self) -> CryptoResult<$public> {
                Ok($public {
                    key: self.key.public_key()?,
                })
            }
        }

        #[pymethods]
        impl $public {
            #[new]
            fn new(mlkem_key: &Bound<'_, PyAny>, $group_arg: &Bound<'_, PyAny>) -> CryptoResult<Self> {
                let key = crate::mlkem::public_key_of(mlkem_key)
                    .zip($kem.group().and_then(|group| kem_public_key(group, $group_arg).ok()))
                    .and_then(|(mlkem, group)| {
                        KemPublicKey::from_hybrid_parts($kem, mlkem.clone(), group).ok()
                    })
                    .ok_or_else(|| {
                        PyTypeError::new_err(concat!("the keys are not the parts of a ", $public_name))
                    })?;
                Ok($public { key })
            }
        }
    };
}

hybrid_classes!(
    MlKem768X25519PrivateKey,
    MlKem768X25519PublicKey,
    "MLKEM768X25519PrivateKey",
    "MLKEM768X25519PublicKey",
    core::Kem::MlKem768X25519,
    x25519_key
);
hybrid_classes!(
    MlKem1024P384PrivateKey,
    MlKem1024P384PublicKey,
    "MLKEM1024P384PrivateKey",
    "MLKEM1024P384PublicKey",
    core::Kem::MlKem1024P384,
    p384_key
);

/// A ciphersuite: single-shot encryption in base mode as the reference has it, and (an
/// addition) contexts for many messages in every mode.
#[pyclass(
    module = "cryptography.hazmat.bindings._rust.openssl.hpke",
    name = "Suite",
    frozen
)]
pub(crate) struct PySuite {
    suite: core::Suite,
}

#[pymethods]
impl PySuite {
    #[new]
    fn new(
        kem: &Bound<'_, PyAny>,
        kdf: &Bound<'_, PyAny>,
        aead: &Bound<'_, PyAny>,
    ) -> PyResult<Self> {
        let kem = kem
            .cast::<PyKem>()
            .map_err(|_| PyTypeError::new_err("kem must be an instance of KEM"))?;
        let kdf = kdf
            .cast::<PyKdf>()
            .map_err(|_| PyTypeError::new_err("kdf must be an instance of KDF"))?;
        let aead = aead
            .cast::<PyAead>()
            .map_err(|_| PyTypeError::new_err("aead must be an instance of AEAD"))?;
        Ok(PySuite {
            suite: core::Suite::new(kem.get().core(), kdf.get().core(), aead.get().core()),
        })
    }

    /// enc || the sealed plaintext.
    #[pyo3(signature = (plaintext, public_key, info = None))]
    fn encrypt<'py>(
        &self,
        py: Python<'py>,
        plaintext: BytesLike<'_>,
        public_key: &Bound<'py, PyAny>,
        info: Option<BytesLike<'_>>,
    ) -> CryptoResult<Bound<'py, PyBytes>> {
        encrypt_with_aad(py, self, plaintext, public_key, info, None)
    }

    #[pyo3(signature = (ciphertext, private_key, info = None))]
    fn decrypt<'py>(
        &self,
        py: Python<'py>,
        ciphertext: BytesLike<'_>,
        private_key: &Bound<'py, PyAny>,
        info: Option<BytesLike<'_>>,
    ) -> CryptoResult<Bound<'py, PyBytes>> {
        decrypt_with_aad(py, self, ciphertext, private_key, info, None)
    }

    /// SetupS in the mode the arguments choose: PSK with `psk` and `psk_id`, Auth with
    /// `sender_key` (the sender's private key), AuthPSK with both.
    #[pyo3(signature = (public_key, info = None, *, psk = None, psk_id = None, sender_key = None))]
    fn sender_context<'py>(
        &self,
        py: Python<'py>,
        public_key: &Bound<'py, PyAny>,
        info: Option<BytesLike<'_>>,
        psk: Option<BytesLike<'_>>,
        psk_id: Option<BytesLike<'_>>,
        sender_key: Option<&Bound<'py, PyAny>>,
    ) -> CryptoResult<SenderContext> {
        let kem = self.suite.kem;
        let recipient = kem_public_key(kem, public_key)?;
        let sender = sender_key
            .map(|key| kem_private_key(kem, key))
            .transpose()?;
        let mode = Mode::new(psk_inputs(&psk, &psk_id), sender.as_ref());
        let (enc, context) = self
            .suite
            .setup_sender(&recipient, bytes_or_empty(&info), mode)?;
        Ok(SenderContext {
            context,
            encapsulated_key: PyBytes::new(py, &enc).unbind(),
        })
    }

    /// SetupR in the mode the arguments choose: PSK with `psk` and `psk_id`, Auth with
    /// `sender_public_key`, AuthPSK with both.
    #[pyo3(signature = (
        encapsulated_key, private_key, info = None, *, psk = None, psk_id = None,
        sender_public_key = None
    ))]
    fn recipient_context(
        &self,
        encapsulated_key: BytesLike<'_>,
        private_key: &Bound<'_, PyAny>,
        info: Option<BytesLike<'_>>,
        psk: Option<BytesLike<'_>>,
        psk_id: Option<BytesLike<'_>>,
        sender_public_key: Option<&Bound<'_, PyAny>>,
    ) -> CryptoResult<RecipientContext> {
        let kem = self.suite.kem;
        let recipient = kem_private_key(kem, private_key)?;
        let sender = sender_public_key
            .map(|key| kem_public_key(kem, key))
            .transpose()?;
        let mode = Mode::new(psk_inputs(&psk, &psk_id), sender.as_ref());
        let context = self.suite.setup_receiver(
            &encapsulated_key,
            &recipient,
            bytes_or_empty(&info),
            mode,
        )?;
        Ok(RecipientContext { context })
    }
}

fn bytes_or_empty<'a>(value: &'a Option<BytesLike<'_>>) -> &'a [u8] {
    value.as_deref().unwrap_or(&[])
}

/// The PSK modes' inputs: either one given selects them, and the core refuses a PSK
/// without its identifier or the reverse.
fn psk_inputs<'a>(
    psk: &'a Option<BytesLike<'_>>,
    psk_id: &'a Option<BytesLike<'_>>,
) -> Option<(&'a [u8], &'a [u8])> {
    (psk.is_some() || psk_id.is_some()).then(|| (bytes_or_empty(psk), bytes_or_empty(psk_id)))
}

/// Export (RFC 9180 section 5.3), the same on both sides of a context.
fn export<'py>(
    py: Python<'py>,
    context: &core::Context,
    exporter_context: &[u8],
    length: usize,
) -> CryptoResult<Bound<'py, PyBytes>> {
    Ok(PyBytes::new(py, &context.export(exporter_context, length)?))
}

/// The sender's side of a context (an addition): its encapsulated key for the
/// recipient, messages sealed in sequence, and the exporter.
#[pyclass(
    module = "cryptography.hazmat.bindings._rust.openssl.hpke",
    name = "SenderContext"
)]
pub(crate) struct SenderContext {
    context: core::Context,
    encapsulated_key: Py<PyBytes>,
}

#[pymethods]
impl SenderContext {
    #[getter]
    fn encapsulated_key(&self, py: Python<'_>) -> Py<PyBytes> {
        self.encapsulated_key.clone_ref(py)
    }

    #[pyo3(signature = (plaintext, aad = None))]
    fn seal<'py>(
        &mut self,
        py: Python<'py>,
        plaintext: BytesLike<'_>,
        aad: Option<BytesLike<'_>>,
    ) -> CryptoResult<Bound<'py, PyBytes>> {
        let sealed = self.context.seal(bytes_or_empty(&aad), &plaintext)?;
        Ok(PyBytes::new(py, &sealed))
    }

    fn export<'py>(
        &self,
        py: Python<'py>,
        exporter_context: BytesLike<'_>,
        length: usize,
    ) -> CryptoResult<Bound<'py, PyBytes>> {
        export(py, &self.context, &exporter_context, length)
    }
}

/// The recipient's side of a context (an addition): messages opened in sequence, and
/// the exporter.
#[pyclass(
    module = "cryptography.hazmat.bindings._rust.openssl.hpke",
    name = "RecipientContext"
)]
pub(crate) struct RecipientContext {
    context: core::Context,
}

#[pymethods]
impl RecipientContext {
    #[pyo3(signature = (ciphertext, aad = None))]
    fn open<'py>(
        &mut self,
        py: Python<'py>,
        ciphertext: BytesLike<'_>,
        aad: Option<BytesLike<'_>>,
    ) -> CryptoResult<Bound<'py, PyBytes>> {
        let opened = self.context.open(bytes_or_empty(&aad), &ciphertext)?;
        Ok(PyBytes::new(py, &opened))
    }

    fn export<'py>(
        &self,
        py: Python<'py>,
        exporter_context: BytesLike<'_>,
        length: usize,
    ) -> CryptoResult<Bound<'py, PyBytes>> {
        export(py, &self.context, &exporter_context, length)
    }
}

/// `hpke_skip_to_sequence(context, sequence)` (test support): moves a sender's or
/// recipient's context forward to `sequence`, to reach the message limit.
#[pyfunction]
pub(crate) fn hpke_skip_to_sequence(context: &Bound<'_, PyAny>, sequence: u64) -> PyResult<()> {
    if let Ok(sender) = context.cast::<SenderContext>() {
        sender.borrow_mut().context.skip_to(sequence);
    } else {
        context
            .cast::<RecipientContext>()?
            .borrow_mut()
            .context
            .skip_to(sequence);
    }
    Ok(())
}

/// `_encrypt_with_aad(suite, plaintext, public_key, info=None, aad=None)`.
#[pyfunction]
#[pyo3(name = "_encrypt_with_aad", signature = (suite, plaintext, public_key, info = None, aad = None))]
pub(crate) fn encrypt_with_aad<'py>(
    py: Python<'py>,
    suite: &PySuite,
    plaintext: BytesLike<'_>,
    public_key: &Bound<'py, PyAny>,
    info: Option<BytesLike<'_>>,
    aad: Option<BytesLike<'_>>,
) -> CryptoResult<Bound<'py, PyBytes>> {
    let recipient = kem_public_key(suite.suite.kem, public_key)?;
    let (info, aad, plaintext) = (bytes_or_empty(&info), bytes_or_empty(&aad), &plaintext[..]);
    let sealed = py.detach(|| suite.suite.seal_base(&recipient, info, aad, plaintext));
    match sealed {
        Ok(sealed) => Ok(PyBytes::new(py, &sealed)),
        Err(Error::Hpke(HpkeError::InputTooLong)) => {
            Err(PyValueError::new_err("info is too large").into())
        }
        Err(other) => Err(other.into()),
    }
}

/// `_decrypt_with_aad(suite, ciphertext, private_key, info=None, aad=None)`. Every
/// failure past the key's type is InvalidTag: which step failed is not revealed.
#[pyfunction]
#[pyo3(name = "_decrypt_with_aad", signature = (suite, ciphertext, private_key, info = None, aad = None))]
pub(crate) fn decrypt_with_aad<'py>(
    py: Python<'py>,
    suite: &PySuite,
    ciphertext: BytesLike<'_>,
    private_key: &Bound<'py, PyAny>,
    info: Option<BytesLike<'_>>,
    aad: Option<BytesLike<'_>>,
) -> CryptoResult<Bound<'py, PyBytes>> {
    let recipient = kem_private_key(suite.suite.kem, private_key)?;
    let (info, aad, ciphertext) = (bytes_or_empty(&info), bytes_or_empty(&aad), &ciphertext[..]);
    let opened = py.detach(|| suite.suite.open_base(ciphertext, &recipient, info, aad));
    match opened {
        Ok(opened) => Ok(PyBytes::new(py, &opened)),
        Err(Error::Hpke(HpkeError::InputTooLong)) => {
            Err(PyValueError::new_err("info is too large").into())
        }
        // The suite's choice, not the message: said as such.
        Err(err @ Error::Hpke(HpkeError::ExportOnly)) => Err(err.into()),
        Err(_) => Err(crate::error::InvalidTag::new_err(()).into()),
    }
}

pub(crate) fn add_to_module(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add_class::<PyKem>()?;
    module.add_class::<PyKdf>()?;
    module.add_class::<PyAead>()?;
    module.add_class::<PySuite>()?;
    module.add_class::<SenderContext>()?;
    module.add_class::<RecipientContext>()?;
    module.add_class::<MlKem768X25519PrivateKey>()?;
    module.add_class::<MlKem768X25519PublicKey>()?;
    module.add_class::<MlKem1024P384PrivateKey>()?;
    module.add_class::<MlKem1024P384PublicKey>()?;
    module.add_function(wrap_pyfunction!(encrypt_with_aad, module)?)?;
    module.add_function(wrap_pyfunction!(decrypt_with_aad, module)?)?;
    Ok(())
}
