//! What a certificate's (or CSR's, or CRL's) signature AlgorithmIdentifier says: its
//! hash and its padding or signature scheme, as the reference's Python objects.

use cryptography_asn1::algorithm::{AlgorithmIdentifier, AlgorithmParameters, RsaPssParameters};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;

use super::hash_object;
use crate::error::{unsupported_plain, CryptoResult};

const MGF1: asn1::ObjectIdentifier = asn1::oid!(1, 2, 840, 113549, 1, 1, 8);
const SHA1: asn1::ObjectIdentifier = asn1::oid!(1, 3, 14, 3, 2, 26);

fn not_recognized(py: Python<'_>, oid: &asn1::ObjectIdentifier) -> PyErr {
    unsupported_plain(py, format!("Signature algorithm OID: {oid} not recognized"))
}

fn pss_parameters<'a>(algorithm: &AlgorithmIdentifier<'a>) -> PyResult<RsaPssParameters<'a>> {
    let invalid = || PyValueError::new_err("Invalid RSA PSS parameters");
    match &algorithm.params {
        AlgorithmParameters::RsaPss(Some(tlv)) => tlv.parse().map_err(|_| invalid()),
        _ => Err(invalid()),
    }
}

/// `signature_hash_algorithm`: the hash of the table of signature OIDs, RSASSA-PSS's
/// from its parameters, or UnsupportedAlgorithm.
pub(crate) fn hash_algorithm<'py>(
    py: Python<'py>,
    algorithm: &AlgorithmIdentifier<'_>,
) -> CryptoResult<Bound<'py, PyAny>> {
    let oid = algorithm.oid();
    let oid_object = Bound::new(py, crate::oid::ObjectIdentifier::from_oid(oid.clone()))?;
    let table = crate::types::OID_MODULE
        .get(py)?
        .getattr("_SIG_OIDS_TO_HASH")?;
    if table.contains(&oid_object)? {
        return Ok(table.get_item(&oid_object)?);
    }
    if matches!(algorithm.params, AlgorithmParameters::RsaPss(_)) {
        let parameters = pss_parameters(algorithm)?;
        let hash_oid = parameters
            .hash_algorithm
            .as_ref()
            .map_or(SHA1, |hash| hash.oid().clone());
        return hash_object(py, &hash_oid)?.ok_or_else(|| not_recognized(py, &hash_oid).into());
    }
    Err(not_recognized(py, oid).into())
}

/// `signature_algorithm_parameters`: PKCS1v15 for RSA, PSS with its MGF1 hash and salt
/// for RSASSA-PSS, ECDSA with its hash for ECDSA, None for the rest.
pub(crate) fn parameters<'py>(
    py: Python<'py>,
    algorithm: &AlgorithmIdentifier<'_>,
) -> CryptoResult<Bound<'py, PyAny>> {
    let padding = || crate::types::ASYMMETRIC_PADDING.get(py);
    match &algorithm.params {
        AlgorithmParameters::RsaWithMd5(_)
        | AlgorithmParameters::RsaWithSha1(_)
        | AlgorithmParameters::RsaWithSha1Oiw(_)
        | AlgorithmParameters::RsaWithSha224(_)
        | AlgorithmParameters::RsaWithSha256(_)
        | AlgorithmParameters::RsaWithSha384(_)
        | AlgorithmParameters::RsaWithSha512(_)
        | AlgorithmParameters::RsaWithSha3_224(_)
        | AlgorithmParameters::RsaWithSha3_256(_)
        | AlgorithmParameters::RsaWithSha3_384(_)
        | AlgorithmParameters::RsaWithSha3_512(_) => Ok(padding()?.getattr("PKCS1v15")?.call0()?),
        AlgorithmParameters::RsaPss(_) => {
            let parameters = pss_parameters(algorithm)?;
            let mgf_hash = match &parameters.mask_gen_algorithm {
                None => SHA1,
                Some(mgf) => {
                    if *mgf.oid() != MGF1 {
                        return Err(PyValueError::new_err(format!(
                            "Unsupported mask generation OID: {}",
                            mgf.oid()
                        ))
                        .into());
                    }
                    let hash = match &mgf.params {
                        AlgorithmParameters::Other(_, Some(tlv)) => tlv
                            .parse::<AlgorithmIdentifier<'_>>()
                            .map_err(|_| PyValueError::new_err("Invalid RSA PSS parameters"))?,
                        _ => return Err(PyValueError::new_err("Invalid RSA PSS parameters").into()),
                    };
                    hash.oid().clone()
                }
            };
            let hash = hash_object(py, &mgf_hash)?.ok_or_else(|| not_recognized(py, &mgf_hash))?;
            let padding = padding()?;
            let mgf = padding.getattr("MGF1")?.call1((hash,))?;
            let salt = parameters.salt_length.unwrap_or(20);
            Ok(padding.getattr("PSS")?.call1((mgf, salt))?)
        }
        AlgorithmParameters::EcdsaWithSha1
        | AlgorithmParameters::EcdsaWithSha224
        | AlgorithmParameters::EcdsaWithSha256
        | AlgorithmParameters::EcdsaWithSha384
        | AlgorithmParameters::EcdsaWithSha512
        | AlgorithmParameters::EcdsaWithSha3_224
        | AlgorithmParameters::EcdsaWithSha3_256
        | AlgorithmParameters::EcdsaWithSha3_384
        | AlgorithmParameters::EcdsaWithSha3_512 => {
            let hash = hash_algorithm(py, algorithm)?;
            Ok(crate::types::ECDSA.get(py)?.call1((hash,))?)
        }
        _ => Ok(py.None().into_bound(py)),
    }
}

/// Checks `signature` over `data` with `public_key` (a Python key object) as
/// `algorithm` says: InvalidSignature if it does not hold, ValueError if the algorithm
/// is one not checked or the key is not of its kind.
pub(crate) fn verify(
    py: Python<'_>,
    public_key: &Bound<'_, PyAny>,
    algorithm: &AlgorithmIdentifier<'_>,
    signature: &[u8],
    data: &[u8],
) -> CryptoResult<()> {
    use cryptography_x509::signature::{checked_signer, Signer};
    let is = |module: &str, class: &str| -> PyResult<bool> {
        public_key.is_instance(&crate::types::key_interface(py, module, class)?)
    };
    let key_family = if is("rsa", "RSAPublicKey")? {
        Signer::Rsa
    } else if is("ec", "EllipticCurvePublicKey")? {
        Signer::Ecdsa
    } else if is("dsa", "DSAPublicKey")? {
        Signer::Dsa
    } else if is("ed25519", "Ed25519PublicKey")? {
        Signer::Ed25519
    } else if is("ed448", "Ed448PublicKey")? {
        Signer::Ed448
    } else if is("mldsa", "MLDSA44PublicKey")? {
        Signer::MlDsa44
    } else if is("mldsa", "MLDSA65PublicKey")? {
        Signer::MlDsa65
    } else if is("mldsa", "MLDSA87PublicKey")? {
        Signer::MlDsa87
    } else {
        return Err(PyTypeError::new_err(
            "Key must be an rsa, dsa, ec, ed25519, ed448, ml-dsa-44, ml-dsa-65, or ml-dsa-87 public key.",
        )
        .into());
    };
    let Some(signer) = checked_signer(algorithm) else {
        return Err(PyValueError::new_err("Unsupported signature algorithm").into());
    };
    if signer != key_family {
        return Err(
            PyValueError::new_err("Signature algorithm does not match issuer key type").into(),
        );
    }
    let signature = pyo3::types::PyBytes::new(py, signature);
    let data = pyo3::types::PyBytes::new(py, data);
    match signer {
        // ML-DSA certificate signatures have an empty context (RFC 9881).
        Signer::Ed25519 | Signer::Ed448 | Signer::MlDsa44 | Signer::MlDsa65 | Signer::MlDsa87 => {
            public_key.call_method1("verify", (signature, data))?;
        }
        Signer::Dsa => {
            let hash = hash_algorithm(py, algorithm)?;
            public_key.call_method1("verify", (signature, data, hash))?;
        }
        Signer::Rsa => {
            let parameters = parameters(py, algorithm)?;
            let hash = hash_algorithm(py, algorithm)?;
            public_key.call_method1("verify", (signature, data, parameters, hash))?;
        }
        Signer::Ecdsa => {
            let parameters = parameters(py, algorithm)?;
            public_key.call_method1("verify", (signature, data, parameters))?;
        }
    }
    Ok(())
}
