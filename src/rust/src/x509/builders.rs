//! Certificates built and signed from a `CertificateBuilder`: the TBSCertificate is
//! assembled from the builder's values in the ASN.1 crate's structures, signed with the
//! caller's key (through the key's own `sign`), and loaded back as a `Certificate`.

use cryptography_asn1::algorithm::{AlgorithmIdentifier, AlgorithmParameters, RsaPssParameters};
use cryptography_asn1::certificate::{self as der, Extension, Time, Validity};
use cryptography_asn1::keys::SubjectPublicKeyInfo;
use cryptography_asn1::name::{string_tags, Name};
use cryptography_asn1::oid_ref::OidRef;
use cryptography_asn1::read_or_built::ReadOrBuilt;
use cryptography_x509::signature::{signature_algorithm, signing_hash_oid, HashedSigner};
use cryptography_x509::Certificate as CoreCertificate;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::PyBytes;

use super::certificate::Certificate;
use super::csr::CertificateSigningRequest;
use super::extensions::int_der_bytes;
use super::name::encode_name_der;
use super::{utc_datetime, x509_error};
use crate::error::unsupported_plain;

const UNSIGNED: asn1::ObjectIdentifier = asn1::oid!(1, 3, 6, 1, 5, 5, 7, 6, 36);
const MGF1: asn1::ObjectIdentifier = asn1::oid!(1, 2, 840, 113549, 1, 1, 8);

pub(crate) fn is_instance(value: &Bound<'_, PyAny>, module: &str, class: &str) -> PyResult<bool> {
    value.is_instance(&crate::types::key_interface(value.py(), module, class)?)
}

/// The name of the signing hash, checked to be one certificates are signed with.
fn signing_hash(py: Python<'_>, algorithm: &Bound<'_, PyAny>) -> PyResult<String> {
    if algorithm.is_none() {
        return Err(PyTypeError::new_err(
            "Algorithm must be a registered hash algorithm, not None.",
        ));
    }
    let interface = crate::types::HASH_ALGORITHM.get(py)?;
    if !algorithm.is_instance(interface)? {
        return Err(PyTypeError::new_err(
            "Algorithm must be a registered hash algorithm.",
        ));
    }
    let name: String = algorithm.getattr("name")?.extract()?;
    if signing_hash_oid(&name).is_none() {
        return Err(unsupported_plain(
            py,
            format!("Hash algorithm \"{name}\" not supported for signatures"),
        ));
    }
    Ok(name)
}

/// How a certificate is signed: its AlgorithmIdentifier (the PSS parameters' DER kept
/// beside it) and the call that signs.
struct Signing {
    pss_parameters: Option<Vec<u8>>,
    family: &'static str,
    hash: Option<String>,
}

fn plan(
    py: Python<'_>,
    private_key: &Bound<'_, PyAny>,
    algorithm: &Bound<'_, PyAny>,
    rsa_padding: &Bound<'_, PyAny>,
    ecdsa_deterministic: &Bound<'_, PyAny>,
) -> PyResult<Signing> {
    // The key's family, asked in turn (an isinstance against an interface costs
    // something; the first that answers yes ends the questions).
    const FAMILIES: [(&str, &str, &str); 8] = [
        ("ed25519", "Ed25519PrivateKey", "ed25519"),
        ("ed448", "Ed448PrivateKey", "ed448"),
        ("rsa", "RSAPrivateKey", "rsa"),
        ("ec", "EllipticCurvePrivateKey", "ec"),
        ("dsa", "DSAPrivateKey", "dsa"),
        ("mldsa", "MLDSA44PrivateKey", "ml-dsa-44"),
        ("mldsa", "MLDSA65PrivateKey", "ml-dsa-65"),
        ("mldsa", "MLDSA87PrivateKey", "ml-dsa-87"),
    ];
    let mut key_family = None;
    for (module, class, family) in FAMILIES {
        if is_instance(private_key, module, class)? {
            key_family = Some(family);
            break;
        }
    }
    let Some(key_family) = key_family else {
        return Err(PyTypeError::new_err(
            "Key must be an rsa, dsa, ec, ed25519, ed448, ml-dsa-44, ml-dsa-65, or ml-dsa-87 private key.",
        ));
    };
    let ed = matches!(key_family, "ed25519" | "ed448");
    let mldsa = key_family.starts_with("ml-dsa");
    let rsa = key_family == "rsa";
    let ec = key_family == "ec";
    if !rsa_padding.is_none() && !rsa {
        return Err(PyTypeError::new_err(
            "Padding is only supported for RSA keys",
        ));
    }
    if !ecdsa_deterministic.is_none() && !ec {
        return Err(PyTypeError::new_err(
            "Deterministic ECDSA is only supported for EC keys",
        ));
    }
    if ed || mldsa {
        if !algorithm.is_none() {
            // Not a hash at all is a type error; a hash is the wrong value for these keys.
            if !algorithm.is_instance(crate::types::HASH_ALGORITHM.get(py)?)? {
                return Err(PyTypeError::new_err(
                    "Algorithm must be a registered hash algorithm.",
                ));
            }
            return Err(PyValueError::new_err(if mldsa {
                "Algorithm must be None when signing via ml-dsa-44, ml-dsa-65, or ml-dsa-87"
            } else {
                "Algorithm must be None when signing via ed25519 or ed448"
            }));
        }
        return Ok(Signing {
            pss_parameters: None,
            family: key_family,
            hash: None,
        });
    }
    let hash = signing_hash(py, algorithm)?;
    if rsa && !rsa_padding.is_none() {
        let padding = crate::types::ASYMMETRIC_PADDING.get(py)?;
        if rsa_padding.is_instance(&padding.getattr("PSS")?)? {
            let salt = pss_salt_length(py, private_key, algorithm, rsa_padding)?;
            let hash_oid =
                signing_hash_oid(&hash).ok_or_else(|| PyValueError::new_err("unknown hash"))?;
            let hash_identifier =
                AlgorithmIdentifier::new(AlgorithmParameters::Other(hash_oid, None));
            // MGF1 has its own hash, which need not be the signing hash.
            let mgf_algorithm = rsa_padding.getattr("_mgf")?.getattr("_algorithm")?;
            let mgf_oid = signing_hash_oid(&signing_hash(py, &mgf_algorithm)?)
                .ok_or_else(|| PyValueError::new_err("unknown hash"))?;
            let mgf_identifier =
                AlgorithmIdentifier::new(AlgorithmParameters::Other(mgf_oid, None));
            let mgf_hash = asn1::write_single(&mgf_identifier)
                .map_err(|err| PyValueError::new_err(format!("{err:?}")))?;
            let mgf_tlv = asn1::parse_single::<asn1::Tlv<'_>>(&mgf_hash)
                .map_err(|err| PyValueError::new_err(format!("{err:?}")))?;
            let parameters = RsaPssParameters {
                hash_algorithm: Some(hash_identifier.clone()),
                mask_gen_algorithm: Some(AlgorithmIdentifier::new(AlgorithmParameters::Other(
                    MGF1,
                    Some(mgf_tlv),
                ))),
                salt_length: Some(salt),
                trailer_field: None,
            };
            let der = asn1::write_single(&parameters)
                .map_err(|err| PyValueError::new_err(format!("{err:?}")))?;
            return Ok(Signing {
                pss_parameters: Some(der),
                family: "rsa-pss",
                hash: Some(hash),
            });
        }
        if !rsa_padding.is_instance(&padding.getattr("PKCS1v15")?)? {
            return Err(PyTypeError::new_err("Padding must be PSS or PKCS1v15"));
        }
    }
    let family = key_family;
    Ok(Signing {
        pss_parameters: None,
        family,
        hash: Some(hash),
    })
}

/// The salt length a PSS padding object asks for, in bytes.
pub(crate) fn pss_salt_length(
    py: Python<'_>,
    private_key: &Bound<'_, PyAny>,
    algorithm: &Bound<'_, PyAny>,
    padding: &Bound<'_, PyAny>,
) -> PyResult<u16> {
    let module = crate::types::ASYMMETRIC_PADDING.get(py)?;
    let salt = padding.getattr("_salt_length")?;
    let length = if salt.is(&module.getattr("PSS")?.getattr("MAX_LENGTH")?) {
        module
            .getattr("calculate_max_pss_salt_length")?
            .call1((private_key, algorithm))?
    } else if salt.is(&module.getattr("PSS")?.getattr("DIGEST_LENGTH")?) {
        algorithm.getattr("digest_size")?
    } else if salt.is_instance_of::<pyo3::types::PyInt>() {
        salt
    } else {
        return Err(PyTypeError::new_err(
            "PSS salt length must be an integer, PSS.MAX_LENGTH or PSS.DIGEST_LENGTH",
        ));
    };
    length.extract()
}

fn sign(
    py: Python<'_>,
    private_key: &Bound<'_, PyAny>,
    signing: &Signing,
    algorithm: &Bound<'_, PyAny>,
    rsa_padding: &Bound<'_, PyAny>,
    ecdsa_deterministic: &Bound<'_, PyAny>,
    tbs: &[u8],
) -> PyResult<Vec<u8>> {
    let data = PyBytes::new(py, tbs);
    let signature = match signing.family {
        // ML-DSA signs certificates with an empty context (RFC 9881).
        "ed25519" | "ed448" | "ml-dsa-44" | "ml-dsa-65" | "ml-dsa-87" => {
            private_key.call_method1("sign", (data,))?
        }
        "rsa" => {
            let padding = if rsa_padding.is_none() {
                crate::types::ASYMMETRIC_PADDING
                    .get(py)?
                    .getattr("PKCS1v15")?
                    .call0()?
            } else {
                rsa_padding.clone()
            };
            private_key.call_method1("sign", (data, padding, algorithm))?
        }
        "rsa-pss" => private_key.call_method1("sign", (data, rsa_padding, algorithm))?,
        "ec" => {
            let kwargs = pyo3::types::PyDict::new(py);
            if !ecdsa_deterministic.is_none() {
                kwargs.set_item("deterministic_signing", ecdsa_deterministic)?;
            }
            let ecdsa = crate::types::ECDSA
                .get(py)?
                .call((algorithm,), Some(&kwargs))?;
            private_key.call_method1("sign", (data, ecdsa))?
        }
        _ => private_key.call_method1("sign", (data, algorithm))?,
    };
    signature.extract()
}

/// The AlgorithmIdentifier of a signing plan (id-alg-unsigned without one).
fn algorithm_identifier<'a>(
    py: Python<'_>,
    signing: Option<&Signing>,
    pss_der: &'a Option<Vec<u8>>,
) -> PyResult<AlgorithmIdentifier<'a>> {
    let pss_tlv = pss_der
        .as_deref()
        .map(asn1::parse_single::<asn1::Tlv<'_>>)
        .transpose()
        .map_err(|err| x509_error(err.into()))?;
    Ok(match (signing, pss_tlv) {
        (None, _) => AlgorithmIdentifier::new(AlgorithmParameters::Other(UNSIGNED, None)),
        (Some(_), Some(tlv)) => AlgorithmIdentifier::new(AlgorithmParameters::RsaPss(Some(tlv))),
        (Some(signing), None) => match signing.family {
            "ed25519" => AlgorithmIdentifier::new(AlgorithmParameters::Ed25519),
            "ed448" => AlgorithmIdentifier::new(AlgorithmParameters::Ed448),
            "ml-dsa-44" => AlgorithmIdentifier::new(AlgorithmParameters::MlDsa44),
            "ml-dsa-65" => AlgorithmIdentifier::new(AlgorithmParameters::MlDsa65),
            "ml-dsa-87" => AlgorithmIdentifier::new(AlgorithmParameters::MlDsa87),
            family => {
                let signer = match family {
                    "rsa" => HashedSigner::Rsa,
                    "ec" => HashedSigner::Ecdsa,
                    _ => HashedSigner::Dsa,
                };
                let hash = signing.hash.as_deref().unwrap_or_default();
                signature_algorithm(signer, hash).ok_or_else(|| {
                    let message = if signer == HashedSigner::Dsa && hash.starts_with("sha3-") {
                        "SHA3 hashes are not supported with DSA keys".to_string()
                    } else {
                        format!("Hash algorithm \"{hash}\" not supported for signatures")
                    };
                    unsupported_plain(py, message)
                })?
            }
        },
    })
}

/// The builder's extensions as (OID, critical, value DER).
pub(crate) fn extension_values(
    builder: &Bound<'_, PyAny>,
) -> PyResult<Vec<(asn1::ObjectIdentifier, bool, Vec<u8>)>> {
    let mut values = Vec::new();
    for extension in builder
        .getattr(intern!(builder.py(), "_extensions"))?
        .try_iter()?
    {
        let extension = extension?;
        let oid = extension.getattr("oid")?;
        let oid = oid
            .cast::<crate::oid::ObjectIdentifier>()?
            .get()
            .oid()
            .clone();
        let critical: bool = extension.getattr("critical")?.extract()?;
        let value: Vec<u8> = extension
            .getattr("value")?
            .call_method0("public_bytes")?
            .extract()?;
        values.push((oid, critical, value));
    }
    Ok(values)
}

/// The builder's extension values as the DER structures, borrowing their bytes.
pub(crate) fn as_extensions(
    values: &[(asn1::ObjectIdentifier, bool, Vec<u8>)],
) -> Vec<Extension<'_>> {
    values
        .iter()
        .map(|(oid, critical, value)| Extension {
            extn_id: OidRef::from(oid),
            critical: *critical,
            extn_value: value,
        })
        .collect()
}

/// A public key's SubjectPublicKeyInfo DER.
pub(crate) fn spki_der(py: Python<'_>, public_key: &Bound<'_, PyAny>) -> PyResult<Vec<u8>> {
    let serialization = crate::types::SERIALIZATION_MODULE.get(py)?;
    public_key
        .call_method1(
            "public_bytes",
            (
                serialization.getattr("Encoding")?.getattr("DER")?,
                serialization
                    .getattr("PublicFormat")?
                    .getattr("SubjectPublicKeyInfo")?,
            ),
        )?
        .extract()
}

/// An RSA key's SubjectPublicKeyInfo restated as an RSASSA-PSS key (RFC 4055 section
/// 1.2: id-RSASSA-PSS with the parameters absent, which leaves the PSS parameters to
/// each signature), for a builder whose key was given with `rsa_padding=PSS`.
fn as_rsa_pss_spki(spki: &[u8]) -> PyResult<Vec<u8>> {
    let mut parsed = asn1::parse_single::<SubjectPublicKeyInfo<'_>>(spki)
        .map_err(|err| x509_error(err.into()))?;
    parsed.algorithm = AlgorithmIdentifier::new(AlgorithmParameters::RsaPss(None));
    asn1::write_single(&parsed).map_err(|err| x509_error(err.into()))
}

/// Signs `tbs` as a certificate is signed (the hash by `algorithm`, default RSA
/// padding, randomized ECDSA), for structures whose signed part does not name its own
/// algorithm (OCSP's ResponseData): the AlgorithmIdentifier's DER and the signature.
pub(crate) fn sign_detached(
    py: Python<'_>,
    private_key: &Bound<'_, PyAny>,
    algorithm: &Bound<'_, PyAny>,
    tbs: &[u8],
) -> PyResult<(Vec<u8>, Vec<u8>)> {
    let none = py.None().into_bound(py);
    let signing = plan(py, private_key, algorithm, &none, &none)?;
    let pss_der = signing.pss_parameters.clone();
    let identifier = algorithm_identifier(py, Some(&signing), &pss_der)?;
    let identifier_der = asn1::write_single(&identifier).map_err(|err| x509_error(err.into()))?;
    let signature = sign(py, private_key, &signing, algorithm, &none, &none, tbs)?;
    Ok((identifier_der, signature))
}

/// `create_x509_certificate(builder, private_key, algorithm, rsa_padding,
/// ecdsa_deterministic)`: the builder's certificate, signed (or, with no key, unsigned).
#[pyfunction]
pub(crate) fn create_x509_certificate(
    py: Python<'_>,
    builder: &Bound<'_, PyAny>,
    private_key: &Bound<'_, PyAny>,
    algorithm: &Bound<'_, PyAny>,
    rsa_padding: &Bound<'_, PyAny>,
    ecdsa_deterministic: &Bound<'_, PyAny>,
) -> PyResult<Certificate> {
    let signing = if private_key.is_none() {
        None
    } else {
        Some(plan(
            py,
            private_key,
            algorithm,
            rsa_padding,
            ecdsa_deterministic,
        )?)
    };
    let pss_der = signing
        .as_ref()
        .and_then(|signing| signing.pss_parameters.clone());
    let write_error = |err: asn1::WriteError| x509_error(err.into());
    let parse_error = |err: asn1::ParseError| x509_error(err.into());

    let issuer = encode_name_der(&builder.getattr(intern!(py, "_issuer_name"))?)?;
    let subject = encode_name_der(&builder.getattr(intern!(py, "_subject_name"))?)?;
    let serial = int_der_bytes(&builder.getattr(intern!(py, "_serial_number"))?)?;
    let mut spki = spki_der(py, &builder.getattr(intern!(py, "_public_key"))?)?;
    if !builder
        .getattr(intern!(py, "_public_key_rsa_padding"))?
        .is_none()
    {
        spki = as_rsa_pss_spki(&spki)?;
    }
    let not_before = utc_datetime(&builder.getattr(intern!(py, "_not_valid_before"))?)?;
    let not_after = utc_datetime(&builder.getattr(intern!(py, "_not_valid_after"))?)?;
    let extension_values = extension_values(builder)?;

    let signature_algorithm = algorithm_identifier(py, signing.as_ref(), &pss_der)?;
    let extensions: Vec<Extension<'_>> = as_extensions(&extension_values);
    let time = |time| {
        Time::for_datetime(time).map_err(|_| PyValueError::new_err("invalid certificate time"))
    };
    let tbs = der::TbsCertificate {
        version: 2,
        serial: asn1::BigInt::new(&serial)
            .ok_or_else(|| PyValueError::new_err("invalid serial"))?,
        signature: signature_algorithm.clone(),
        issuer: asn1::parse_single::<Name<'_>>(&issuer).map_err(parse_error)?,
        validity: Validity {
            not_before: time(not_before)?,
            not_after: time(not_after)?,
        },
        subject: asn1::parse_single::<Name<'_>>(&subject).map_err(parse_error)?,
        spki: asn1::parse_single::<SubjectPublicKeyInfo<'_>>(&spki).map_err(parse_error)?,
        issuer_unique_id: None,
        subject_unique_id: None,
        extensions: (!extensions.is_empty())
            .then(|| ReadOrBuilt::Built(asn1::SequenceOfWriter::new(extensions))),
    };
    let tbs_der = asn1::write_single(&tbs).map_err(write_error)?;
    let signature = match &signing {
        None => Vec::new(),
        Some(signing) => sign(
            py,
            private_key,
            signing,
            algorithm,
            rsa_padding,
            ecdsa_deterministic,
            &tbs_der,
        )?,
    };
    let certificate = der::Certificate {
        tbs_certificate: tbs,
        signature_algorithm,
        signature_value: asn1::BitString::new(&signature, 0)
            .ok_or_else(|| PyValueError::new_err("invalid signature"))?,
    };
    let der = asn1::write_single(&certificate).map_err(write_error)?;
    let core = CoreCertificate::from_der(der).map_err(x509_error)?;
    Certificate::from_core(py, core)
}

const EXTENSION_REQUEST: asn1::ObjectIdentifier = asn1::oid!(1, 2, 840, 113549, 1, 9, 14);

/// `create_x509_csr(builder, private_key, algorithm, rsa_padding, ecdsa_deterministic)`:
/// the builder's request, signed by the key whose public half it carries.
#[pyfunction]
pub(crate) fn create_x509_csr(
    py: Python<'_>,
    builder: &Bound<'_, PyAny>,
    private_key: &Bound<'_, PyAny>,
    algorithm: &Bound<'_, PyAny>,
    rsa_padding: &Bound<'_, PyAny>,
    ecdsa_deterministic: &Bound<'_, PyAny>,
) -> PyResult<CertificateSigningRequest> {
    use cryptography_asn1::csr as csr_der;
    use cryptography_asn1::name::RawValue;

    let signing = plan(py, private_key, algorithm, rsa_padding, ecdsa_deterministic)?;
    let pss_der = signing.pss_parameters.clone();
    let write_error = |err: asn1::WriteError| x509_error(err.into());
    let parse_error = |err: asn1::ParseError| x509_error(err.into());

    let subject = encode_name_der(&builder.getattr(intern!(py, "_subject_name"))?)?;
    let spki = spki_der(py, &private_key.call_method0("public_key")?)?;
    let extension_values = extension_values(builder)?;
    // The attributes' values as (OID, tag, content).
    let mut attribute_values = Vec::new();
    for attribute in builder.getattr(intern!(py, "_attributes"))?.try_iter()? {
        let (oid, value, tag): (Bound<'_, PyAny>, Vec<u8>, u8) = attribute?.extract()?;
        let oid = oid
            .cast::<crate::oid::ObjectIdentifier>()?
            .get()
            .oid()
            .clone();
        // A UTF8String's content must be UTF-8; other types are written as given.
        if asn1::Tag::primitive(u32::from(tag)) == string_tags::UTF8_STRING
            && std::str::from_utf8(&value).is_err()
        {
            return Err(PyValueError::new_err(
                "Attribute values must be valid utf-8.",
            ));
        }
        attribute_values.push((oid, tag, value));
    }
    let extensions: Vec<Extension<'_>> = as_extensions(&extension_values);
    let extensions_der = (!extensions.is_empty())
        .then(|| asn1::write_single(&asn1::SequenceOfWriter::new(extensions)))
        .transpose()
        .map_err(write_error)?;
    let mut attributes: Vec<csr_der::Attribute<'_>> = attribute_values
        .iter()
        .map(|(oid, tag, value)| csr_der::Attribute {
            attribute_type: oid.clone(),
            values: ReadOrBuilt::Built(asn1::SetOfWriter::new(vec![RawValue {
                tag: asn1::Tag::primitive(u32::from(*tag)),
                data: value,
            }])),
        })
        .collect();
    if let Some(der) = &extensions_der {
        let value = asn1::parse_single::<RawValue<'_>>(der).map_err(parse_error)?;
        attributes.push(csr_der::Attribute {
            attribute_type: EXTENSION_REQUEST,
            values: ReadOrBuilt::Built(asn1::SetOfWriter::new(vec![value])),
        });
    }
    let info = csr_der::CertificationRequestInfo {
        version: 0,
        subject: asn1::parse_single::<Name<'_>>(&subject).map_err(parse_error)?,
        spki: asn1::parse_single::<SubjectPublicKeyInfo<'_>>(&spki).map_err(parse_error)?,
        attributes: ReadOrBuilt::Built(asn1::SetOfWriter::new(attributes)),
    };
    let info_der = asn1::write_single(&info).map_err(write_error)?;
    let signature = sign(
        py,
        private_key,
        &signing,
        algorithm,
        rsa_padding,
        ecdsa_deterministic,
        &info_der,
    )?;
    let request = csr_der::CertificationRequest {
        info,
        signature_algorithm: algorithm_identifier(py, Some(&signing), &pss_der)?,
        signature: asn1::BitString::new(&signature, 0)
            .ok_or_else(|| PyValueError::new_err("invalid signature"))?,
    };
    let der = asn1::write_single(&request).map_err(write_error)?;
    let core = cryptography_x509::csr::Csr::from_der(der).map_err(x509_error)?;
    Ok(CertificateSigningRequest::from_core(core))
}

/// `create_revoked_certificate(builder)`: the builder's CRL entry.
#[pyfunction]
pub(crate) fn create_revoked_certificate(
    builder: &Bound<'_, PyAny>,
) -> PyResult<super::crl::RevokedCertificate> {
    let serial = int_der_bytes(&builder.getattr(intern!(builder.py(), "_serial_number"))?)?;
    let date = utc_datetime(&builder.getattr(intern!(builder.py(), "_revocation_date"))?)?;
    let extension_values = extension_values(builder)?;
    let extensions: Vec<Extension<'_>> = as_extensions(&extension_values);
    let entry = cryptography_asn1::crl::RevokedCertificate {
        user_certificate: asn1::BigInt::new(&serial)
            .ok_or_else(|| PyValueError::new_err("invalid serial"))?,
        revocation_date: Time::for_datetime(date)
            .map_err(|_| PyValueError::new_err("invalid revocation date"))?,
        crl_entry_extensions: (!extensions.is_empty())
            .then(|| ReadOrBuilt::Built(asn1::SequenceOfWriter::new(extensions))),
    };
    let der = asn1::write_single(&entry).map_err(|err| x509_error(err.into()))?;
    Ok(super::crl::RevokedCertificate::from_entry_der(der))
}

/// `create_x509_crl(builder, private_key, algorithm, rsa_padding,
/// ecdsa_deterministic)`: the builder's CRL, signed.
#[pyfunction]
pub(crate) fn create_x509_crl(
    py: Python<'_>,
    builder: &Bound<'_, PyAny>,
    private_key: &Bound<'_, PyAny>,
    algorithm: &Bound<'_, PyAny>,
    rsa_padding: &Bound<'_, PyAny>,
    ecdsa_deterministic: &Bound<'_, PyAny>,
) -> PyResult<super::crl::CertificateRevocationList> {
    use cryptography_asn1::crl as crl_der;

    let signing = plan(py, private_key, algorithm, rsa_padding, ecdsa_deterministic)?;
    let pss_der = signing.pss_parameters.clone();
    let write_error = |err: asn1::WriteError| x509_error(err.into());
    let parse_error = |err: asn1::ParseError| x509_error(err.into());

    let issuer = encode_name_der(&builder.getattr(intern!(py, "_issuer_name"))?)?;
    let this_update = utc_datetime(&builder.getattr(intern!(py, "_last_update"))?)?;
    let next_update = utc_datetime(&builder.getattr(intern!(py, "_next_update"))?)?;
    let extension_values = extension_values(builder)?;
    let mut entries_der = Vec::new();
    for revoked in builder
        .getattr(intern!(py, "_revoked_certificates"))?
        .try_iter()?
    {
        let revoked = revoked?;
        let revoked = revoked.cast::<super::crl::RevokedCertificate>()?;
        entries_der.push(revoked.get().entry_der().to_vec());
    }
    let entries = entries_der
        .iter()
        .map(|der| asn1::parse_single::<crl_der::RevokedCertificate<'_>>(der).map_err(parse_error))
        .collect::<PyResult<Vec<_>>>()?;
    let extensions: Vec<Extension<'_>> = as_extensions(&extension_values);
    let signature_algorithm = algorithm_identifier(py, Some(&signing), &pss_der)?;
    let time =
        |time| Time::for_datetime(time).map_err(|_| PyValueError::new_err("invalid CRL time"));
    let tbs = crl_der::TBSCertList {
        version: Some(1),
        signature: signature_algorithm.clone(),
        issuer: asn1::parse_single::<Name<'_>>(&issuer).map_err(parse_error)?,
        this_update: time(this_update)?,
        next_update: Some(time(next_update)?),
        revoked_certificates: (!entries.is_empty())
            .then(|| ReadOrBuilt::Built(asn1::SequenceOfWriter::new(entries))),
        crl_extensions: (!extensions.is_empty())
            .then(|| ReadOrBuilt::Built(asn1::SequenceOfWriter::new(extensions))),
    };
    let tbs_der = asn1::write_single(&tbs).map_err(write_error)?;
    let signature = sign(
        py,
        private_key,
        &signing,
        algorithm,
        rsa_padding,
        ecdsa_deterministic,
        &tbs_der,
    )?;
    let list = crl_der::CertificateList {
        tbs_cert_list: tbs,
        signature_algorithm,
        signature_value: asn1::BitString::new(&signature, 0)
            .ok_or_else(|| PyValueError::new_err("invalid signature"))?,
    };
    let der = asn1::write_single(&list).map_err(write_error)?;
    let core = cryptography_x509::crl::Crl::from_der(der).map_err(x509_error)?;
    Ok(super::crl::CertificateRevocationList::from_core(core))
}
