//! RSA keys (`cryptography.hazmat.bindings._rust.openssl.rsa`): the private and public
//! key classes, generation, and construction from the numbers classes.

use cryptography_backend::rsa::{
    self as core_rsa, EncryptionPadding, RsaPrivateComponents, RsaPrivateKey, RsaPublicComponents,
    RsaPublicKey, SaltLength, SignaturePadding,
};
use cryptography_keys::{PrivateKeyRef, PublicKeyRef};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBytes, PyDict, PyType};
use zeroize::Zeroizing;

use crate::asym::{
    hash_of, int_argument, int_from_bytes, int_to_bytes, not_an_instance, private_key_methods,
    public_key_methods, PrivateKeyClass, PublicKeyClass, SignatureHash,
};
use crate::buf::BytesLike;
use crate::error::{unsupported, CryptoResult, Reason};
use crate::hashes::hash_algorithm;

const PADDING_MODULE: &str = "cryptography.hazmat.primitives.asymmetric.padding";

/// The Python classes the conversions recognise.
struct PaddingClasses {
    asymmetric_padding: Py<PyType>,
    pkcs1v15: Py<PyType>,
    pss: Py<PyType>,
    oaep: Py<PyType>,
    mgf1: Py<PyType>,
    max_length: Py<PyAny>,
    auto: Py<PyAny>,
    digest_length: Py<PyAny>,
}

static PADDINGS: PyOnceLock<PaddingClasses> = PyOnceLock::new();

fn paddings(py: Python<'_>) -> PyResult<&PaddingClasses> {
    PADDINGS.get_or_try_init(py, || {
        let module = py.import(PADDING_MODULE)?;
        let class = |name: &str| -> PyResult<Py<PyType>> {
            Ok(module.getattr(name)?.cast_into::<PyType>()?.unbind())
        };
        let pss = module.getattr("PSS")?;
        Ok(PaddingClasses {
            asymmetric_padding: class("AsymmetricPadding")?,
            pkcs1v15: class("PKCS1v15")?,
            pss: class("PSS")?,
            oaep: class("OAEP")?,
            mgf1: class("MGF1")?,
            max_length: pss.getattr("MAX_LENGTH")?.unbind(),
            auto: pss.getattr("AUTO")?.unbind(),
            digest_length: pss.getattr("DIGEST_LENGTH")?.unbind(),
        })
    })
}

fn unsupported_padding(padding: &Bound<'_, PyAny>) -> PyErr {
    let py = padding.py();
    let name = padding
        .getattr(pyo3::intern!(py, "name"))
        .and_then(|name| name.extract::<String>())
        .unwrap_or_else(|_| "This padding".to_string());
    unsupported(
        py,
        format!("{name} is not supported by this backend."),
        Reason::UnsupportedPadding,
    )
}

fn check_padding(py: Python<'_>, padding: &Bound<'_, PyAny>) -> PyResult<()> {
    if padding.is_instance(paddings(py)?.asymmetric_padding.bind(py))? {
        Ok(())
    } else {
        Err(PyTypeError::new_err(
            "Padding must be an instance of AsymmetricPadding.",
        ))
    }
}

/// The MGF1 hash of a PSS or OAEP padding; other mask functions are refused.
fn mgf1_hash(
    py: Python<'_>,
    padding: &Bound<'_, PyAny>,
) -> PyResult<cryptography_backend::hash::HashAlgorithm> {
    let mgf = padding.getattr(pyo3::intern!(py, "_mgf"))?;
    if !mgf.is_instance(paddings(py)?.mgf1.bind(py))? {
        return Err(unsupported(
            py,
            "Only MGF1 is supported.".to_string(),
            Reason::UnsupportedMgf,
        ));
    }
    hash_algorithm(py, &mgf.getattr(pyo3::intern!(py, "_algorithm"))?)
}

fn signature_padding(py: Python<'_>, padding: &Bound<'_, PyAny>) -> PyResult<SignaturePadding> {
    check_padding(py, padding)?;
    let classes = paddings(py)?;
    if padding.is_instance(classes.pkcs1v15.bind(py))? {
        return Ok(SignaturePadding::Pkcs1v15);
    }
    if !padding.is_instance(classes.pss.bind(py))? {
        return Err(unsupported_padding(padding));
    }
    let mgf1 = mgf1_hash(py, padding)?;
    let salt = padding.getattr(pyo3::intern!(py, "_salt_length"))?;
    let salt = if salt.is(classes.max_length.bind(py)) {
        SaltLength::Max
    } else if salt.is(classes.auto.bind(py)) {
        SaltLength::Auto
    } else if salt.is(classes.digest_length.bind(py)) {
        SaltLength::DigestLength
    } else {
        SaltLength::Exact(salt.extract()?)
    };
    Ok(SignaturePadding::Pss { mgf1, salt })
}

/// An OAEP or PKCS#1 v1.5 encryption padding; `label` keeps OAEP's label alive.
fn encryption_padding<'a>(
    py: Python<'_>,
    padding: &Bound<'_, PyAny>,
    label: &'a mut Option<Vec<u8>>,
) -> PyResult<EncryptionPadding<'a>> {
    check_padding(py, padding)?;
    let classes = paddings(py)?;
    if padding.is_instance(classes.pkcs1v15.bind(py))? {
        return Ok(EncryptionPadding::Pkcs1v15);
    }
    if !padding.is_instance(classes.oaep.bind(py))? {
        return Err(unsupported_padding(padding));
    }
    let mgf1 = mgf1_hash(py, padding)?;
    let hash = hash_algorithm(py, &padding.getattr(pyo3::intern!(py, "_algorithm"))?)?;
    *label = padding
        .getattr(pyo3::intern!(py, "_label"))?
        .extract::<Option<Vec<u8>>>()?;
    Ok(EncryptionPadding::Oaep {
        hash,
        mgf1,
        label: label.as_deref(),
    })
}

/// An RSA private key.
#[pyclass(
    module = "cryptography.hazmat.bindings._rust.openssl.rsa",
    name = "RSAPrivateKey",
    frozen
)]
pub(crate) struct PyRsaPrivateKey {
    key: RsaPrivateKey,
}

/// An RSA public key.
#[pyclass(
    module = "cryptography.hazmat.bindings._rust.openssl.rsa",
    name = "RSAPublicKey",
    frozen
)]
pub(crate) struct PyRsaPublicKey {
    key: RsaPublicKey,
}

pub(crate) fn private_key_object(py: Python<'_>, key: RsaPrivateKey) -> PyResult<Bound<'_, PyAny>> {
    Ok(Bound::new(py, PyRsaPrivateKey { key })?.into_any())
}

pub(crate) fn public_key_object(py: Python<'_>, key: RsaPublicKey) -> PyResult<Bound<'_, PyAny>> {
    Ok(Bound::new(py, PyRsaPublicKey { key })?.into_any())
}

private_key_methods! { PyRsaPrivateKey {
    fn sign<'py>(
        &self,
        py: Python<'py>,
        data: BytesLike<'_>,
        padding: &Bound<'py, PyAny>,
        algorithm: &Bound<'py, PyAny>,
    ) -> CryptoResult<Bound<'py, PyBytes>> {
        let padding_value = signature_padding(py, padding)?;
        let hash = SignatureHash::from_py(
            py,
            algorithm,
            matches!(padding_value, SignaturePadding::Pkcs1v15),
        )?;
        let data: &[u8] = &data;
        let signature = py.detach(|| self.key.sign(hash.signed_data(data), padding_value))?;
        Ok(PyBytes::new(py, &signature))
    }

    fn decrypt<'py>(
        &self,
        py: Python<'py>,
        ciphertext: BytesLike<'_>,
        padding: &Bound<'py, PyAny>,
    ) -> CryptoResult<Bound<'py, PyBytes>> {
        let mut label = None;
        let padding = encryption_padding(py, padding, &mut label)?;
        let ciphertext: &[u8] = &ciphertext;
        let plaintext: Zeroizing<Vec<u8>> = py.detach(|| self.key.decrypt(ciphertext, padding))?;
        Ok(PyBytes::new(py, &plaintext))
    }

    #[getter]
    fn key_size(&self) -> usize {
        self.key.key_size()
    }

    fn public_key<'py>(&self, py: Python<'py>) -> CryptoResult<Bound<'py, PyAny>> {
        Ok(public_key_object(py, self.key.public_key()?)?)
    }

    fn private_numbers<'py>(&self, py: Python<'py>) -> CryptoResult<Bound<'py, RsaPrivateNumbers>> {
        let c = self.key.components();
        let int = |bytes: &[u8]| -> PyResult<Py<PyAny>> { Ok(int_from_bytes(py, bytes)?.unbind()) };
        let public = Bound::new(
            py,
            RsaPublicNumbers {
                e: int(&c.public.e)?,
                n: int(&c.public.n)?,
            },
        )?;
        Ok(Bound::new(
            py,
            RsaPrivateNumbers {
                p: int(&c.p)?,
                q: int(&c.q)?,
                d: int(&c.d)?,
                dmp1: int(&c.dmp1)?,
                dmq1: int(&c.dmq1)?,
                iqmp: int(&c.iqmp)?,
                public_numbers: public.unbind(),
            },
        )?)
    }
}}

impl PrivateKeyClass for PyRsaPrivateKey {
    fn key_ref(&self) -> PrivateKeyRef<'_> {
        PrivateKeyRef::Rsa(&self.key)
    }
}

public_key_methods! { PyRsaPublicKey {
    fn verify(
        &self,
        py: Python<'_>,
        signature: BytesLike<'_>,
        data: BytesLike<'_>,
        padding: &Bound<'_, PyAny>,
        algorithm: &Bound<'_, PyAny>,
    ) -> CryptoResult<()> {
        let padding_value = signature_padding(py, padding)?;
        let hash = SignatureHash::from_py(
            py,
            algorithm,
            matches!(padding_value, SignaturePadding::Pkcs1v15),
        )?;
        let (signature, data): (&[u8], &[u8]) = (&signature, &data);
        Ok(py.detach(|| {
            self.key
                .verify(signature, hash.signed_data(data), padding_value)
        })?)
    }

    fn encrypt<'py>(
        &self,
        py: Python<'py>,
        plaintext: BytesLike<'_>,
        padding: &Bound<'py, PyAny>,
    ) -> CryptoResult<Bound<'py, PyBytes>> {
        let mut label = None;
        let padding = encryption_padding(py, padding, &mut label)?;
        let plaintext: &[u8] = &plaintext;
        let ciphertext = py.detach(|| self.key.encrypt(plaintext, padding))?;
        Ok(PyBytes::new(py, &ciphertext))
    }

    fn recover_data_from_signature<'py>(
        &self,
        py: Python<'py>,
        signature: BytesLike<'_>,
        padding: &Bound<'py, PyAny>,
        algorithm: &Bound<'py, PyAny>,
    ) -> CryptoResult<Bound<'py, PyBytes>> {
        check_padding(py, padding)?;
        // The algorithm is read first, as the reference reads it: `None` and
        // `NoDigestInfo` ask for the whole DigestInfo, which only PKCS #1 v1.5 has.
        let hash = if algorithm.is_none() {
            None
        } else {
            match SignatureHash::from_py(py, algorithm, true)? {
                SignatureHash::Prehashed(_) => {
                    return Err(PyTypeError::new_err(
                        "Prehashed is only supported in the sign and verify methods. It cannot be used with recover_data_from_signature.",
                    )
                    .into())
                }
                other => other.hash(),
            }
        };
        if !padding.is_instance(paddings(py)?.pkcs1v15.bind(py))? {
            if hash.is_none() {
                return Err(
                    PyTypeError::new_err("Expected instance of hashes.HashAlgorithm.").into(),
                );
            }
            let name: String = padding.getattr(pyo3::intern!(py, "name"))?.extract()?;
            return Err(unsupported(
                py,
                format!("{name} is not supported for the RSA signature operation"),
                Reason::UnsupportedPadding,
            )
            .into());
        }
        Ok(PyBytes::new(
            py,
            &self.key.recover_data_from_signature(&signature, hash)?,
        ))
    }

    #[getter]
    fn key_size(&self) -> usize {
        self.key.key_size()
    }

    fn public_numbers<'py>(&self, py: Python<'py>) -> CryptoResult<Bound<'py, RsaPublicNumbers>> {
        let c = self.key.components();
        Ok(Bound::new(
            py,
            RsaPublicNumbers {
                e: int_from_bytes(py, &c.e)?.unbind(),
                n: int_from_bytes(py, &c.n)?.unbind(),
            },
        )?)
    }
}}

impl PublicKeyClass for PyRsaPublicKey {
    fn key_ref(&self) -> PublicKeyRef<'_> {
        PublicKeyRef::Rsa(&self.key)
    }

    fn same_key(&self, other: &Self) -> bool {
        self.key.same_key(&other.key)
    }
}

/// `generate_private_key(public_exponent, key_size)`; the exponent was checked to be 3 or
/// 65537 by the Python layer.
#[pyfunction]
pub(crate) fn generate_private_key<'py>(
    py: Python<'py>,
    public_exponent: &Bound<'py, PyAny>,
    key_size: u32,
) -> CryptoResult<Bound<'py, PyAny>> {
    // Anything that is not a 32-bit unsigned integer (too large, negative, a string) is
    // simply not one of the allowed exponents: the core's rule reports it.
    let public_exponent = public_exponent.extract::<u32>().unwrap_or(0);
    let key = py.detach(|| RsaPrivateKey::generate(public_exponent, key_size))?;
    Ok(private_key_object(py, key)?)
}

/// `RSAPublicNumbers(e, n)`: the public integers of an RSA key.
#[pyclass(
    module = "cryptography.hazmat.primitives.asymmetric.rsa",
    name = "RSAPublicNumbers",
    frozen
)]
pub(crate) struct RsaPublicNumbers {
    #[pyo3(get)]
    e: Py<PyAny>,
    #[pyo3(get)]
    n: Py<PyAny>,
}

#[pymethods]
impl RsaPublicNumbers {
    #[new]
    fn new(e: &Bound<'_, PyAny>, n: &Bound<'_, PyAny>) -> PyResult<Self> {
        Ok(RsaPublicNumbers {
            e: int_argument(e)?,
            n: int_argument(n)?,
        })
    }

    #[pyo3(signature = (backend = None))]
    fn public_key<'py>(
        &self,
        py: Python<'py>,
        backend: Option<&Bound<'py, PyAny>>,
    ) -> CryptoResult<Bound<'py, PyAny>> {
        let _ = backend;
        let components = RsaPublicComponents {
            n: int_to_bytes(self.n.bind(py))?,
            e: int_to_bytes(self.e.bind(py))?,
        };
        Ok(public_key_object(
            py,
            RsaPublicKey::from_components(&components)?,
        )?)
    }

    fn __eq__(&self, py: Python<'_>, other: &Bound<'_, PyAny>) -> PyResult<bool> {
        let Ok(other) = other.cast::<RsaPublicNumbers>() else {
            return Ok(false);
        };
        let other = other.get();
        Ok(self.e.bind(py).eq(&other.e)? && self.n.bind(py).eq(&other.n)?)
    }

    fn __hash__(&self, py: Python<'_>) -> PyResult<isize> {
        hash_of(py, vec![self.e.clone_ref(py), self.n.clone_ref(py)])
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "<RSAPublicNumbers(e={}, n={})>",
            self.e.bind(py).str()?,
            self.n.bind(py).str()?
        ))
    }
}

/// `RSAPrivateNumbers(p, q, d, dmp1, dmq1, iqmp, public_numbers)`.
#[pyclass(
    module = "cryptography.hazmat.primitives.asymmetric.rsa",
    name = "RSAPrivateNumbers",
    frozen
)]
pub(crate) struct RsaPrivateNumbers {
    #[pyo3(get)]
    p: Py<PyAny>,
    #[pyo3(get)]
    q: Py<PyAny>,
    #[pyo3(get)]
    d: Py<PyAny>,
    #[pyo3(get)]
    dmp1: Py<PyAny>,
    #[pyo3(get)]
    dmq1: Py<PyAny>,
    #[pyo3(get)]
    iqmp: Py<PyAny>,
    #[pyo3(get)]
    public_numbers: Py<RsaPublicNumbers>,
}

#[pymethods]
impl RsaPrivateNumbers {
    #[new]
    fn new(
        p: &Bound<'_, PyAny>,
        q: &Bound<'_, PyAny>,
        d: &Bound<'_, PyAny>,
        dmp1: &Bound<'_, PyAny>,
        dmq1: &Bound<'_, PyAny>,
        iqmp: &Bound<'_, PyAny>,
        public_numbers: &Bound<'_, PyAny>,
    ) -> PyResult<Self> {
        Ok(RsaPrivateNumbers {
            p: int_argument(p)?,
            q: int_argument(q)?,
            d: int_argument(d)?,
            dmp1: int_argument(dmp1)?,
            dmq1: int_argument(dmq1)?,
            iqmp: int_argument(iqmp)?,
            public_numbers: public_numbers
                .cast::<RsaPublicNumbers>()
                .map_err(|_| not_an_instance(public_numbers, "RSAPublicNumbers"))?
                .clone()
                .unbind(),
        })
    }

    #[pyo3(signature = (backend = None, *, unsafe_skip_rsa_key_validation = false))]
    fn private_key<'py>(
        &self,
        py: Python<'py>,
        backend: Option<&Bound<'py, PyAny>>,
        unsafe_skip_rsa_key_validation: bool,
    ) -> CryptoResult<Bound<'py, PyAny>> {
        let _ = backend;
        let public = self.public_numbers.get();
        let secret = |value: &Py<PyAny>| int_to_bytes(value.bind(py)).map(Zeroizing::new);
        let components = RsaPrivateComponents {
            public: RsaPublicComponents {
                n: int_to_bytes(public.n.bind(py))?,
                e: int_to_bytes(public.e.bind(py))?,
            },
            d: secret(&self.d)?,
            p: secret(&self.p)?,
            q: secret(&self.q)?,
            dmp1: secret(&self.dmp1)?,
            dmq1: secret(&self.dmq1)?,
            iqmp: secret(&self.iqmp)?,
        };
        core_rsa::check_private_numbers(&components)?;
        let validate = !unsafe_skip_rsa_key_validation;
        let key = py.detach(|| RsaPrivateKey::from_components(&components, validate))?;
        Ok(private_key_object(py, key)?)
    }

    fn __eq__(&self, py: Python<'_>, other: &Bound<'_, PyAny>) -> PyResult<bool> {
        let Ok(other) = other.cast::<RsaPrivateNumbers>() else {
            return Ok(false);
        };
        let other = other.get();
        let pairs = [
            (&self.p, &other.p),
            (&self.q, &other.q),
            (&self.d, &other.d),
            (&self.dmp1, &other.dmp1),
            (&self.dmq1, &other.dmq1),
            (&self.iqmp, &other.iqmp),
        ];
        for (mine, theirs) in pairs {
            if !mine.bind(py).eq(theirs)? {
                return Ok(false);
            }
        }
        self.public_numbers
            .bind(py)
            .eq(other.public_numbers.bind(py))
    }

    fn __hash__(&self, py: Python<'_>) -> PyResult<isize> {
        hash_of(
            py,
            vec![
                self.p.clone_ref(py),
                self.q.clone_ref(py),
                self.d.clone_ref(py),
                self.dmp1.clone_ref(py),
                self.dmq1.clone_ref(py),
                self.iqmp.clone_ref(py),
                self.public_numbers.clone_ref(py).into_any(),
            ],
        )
    }
}

/// The counters of the process's memo of validated private keys (the core's
/// `validation_memo::rsa_keys`), so that tests can see a load skip the full check:
/// `{"full_checks", "hits", "entries", "capacity"}`.
#[pyfunction]
pub(crate) fn validation_memo_stats(py: Python<'_>) -> PyResult<Bound<'_, PyDict>> {
    // No memo (no random tag key could be drawn): every load is checked in full.
    let stats = cryptography_backend::validation_memo::rsa_keys()
        .map(|memo| memo.stats())
        .unwrap_or_default();
    let dict = PyDict::new(py);
    dict.set_item("full_checks", stats.full_checks)?;
    dict.set_item("hits", stats.hits)?;
    dict.set_item("entries", stats.entries)?;
    dict.set_item("capacity", stats.capacity)?;
    Ok(dict)
}

/// `rsa_recover_prime_factors(n, e, d)`: (p, q) with p > q.
#[pyfunction]
pub(crate) fn recover_prime_factors<'py>(
    py: Python<'py>,
    n: &Bound<'py, PyAny>,
    e: &Bound<'py, PyAny>,
    d: &Bound<'py, PyAny>,
) -> CryptoResult<(Bound<'py, PyAny>, Bound<'py, PyAny>)> {
    let (n, e, d) = (int_to_bytes(n)?, int_to_bytes(e)?, int_to_bytes(d)?);
    let (p, q) = py.detach(|| core_rsa::crt::recover_prime_factors(&n, &e, &d))?;
    Ok((int_from_bytes(py, &p)?, int_from_bytes(py, &q)?))
}

/// The largest PSS salt for a key size in bits and a digest size in bytes.
#[pyfunction]
pub(crate) fn max_pss_salt_length(key_size: usize, digest_size: usize) -> CryptoResult<usize> {
    Ok(core_rsa::max_pss_salt_length(key_size, digest_size)?)
}
