//! Extension values written as DER from the Python value classes of
//! `cryptography.x509.extensions`: the Python objects' fields are read into owned
//! values, then the ASN.1 crate's structures borrow them and are written.

use cryptography_asn1::extensions::{self as der, GeneralName, Ia5Bytes, OtherNameValue};
use cryptography_asn1::name::{Name, RawValue};
use cryptography_asn1::read_or_built::ReadOrBuilt;
use cryptography_x509::extensions::oids;
use cryptography_x509::signature::REASONS;
use pyo3::exceptions::{PyNotImplementedError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict};

use super::name::{attributes, encode_name_der, owned_rdn, OwnedAttribute};
use crate::oid::ObjectIdentifier;

/// A general name's content, owned.
enum OwnedGeneralName {
    OtherName(asn1::ObjectIdentifier, Vec<u8>),
    Rfc822(String),
    Dns(String),
    Directory(Vec<u8>),
    Uri(String),
    Ip(Vec<u8>),
    Registered(asn1::ObjectIdentifier),
}

fn oid_of(value: &Bound<'_, PyAny>) -> PyResult<asn1::ObjectIdentifier> {
    Ok(value.cast::<ObjectIdentifier>()?.get().oid().clone())
}

fn owned_general_name(name: &Bound<'_, PyAny>) -> PyResult<OwnedGeneralName> {
    let kind = name.get_type().name()?.to_string();
    let value = name.getattr("value")?;
    Ok(match kind.as_str() {
        "DNSName" => OwnedGeneralName::Dns(value.extract()?),
        "RFC822Name" => OwnedGeneralName::Rfc822(value.extract()?),
        "UniformResourceIdentifier" => OwnedGeneralName::Uri(value.extract()?),
        "DirectoryName" => OwnedGeneralName::Directory(encode_name_der(&value)?),
        "RegisteredID" => OwnedGeneralName::Registered(oid_of(&value)?),
        "IPAddress" => OwnedGeneralName::Ip(name.call_method0("_packed")?.extract()?),
        "OtherName" => {
            OwnedGeneralName::OtherName(oid_of(&name.getattr("type_id")?)?, value.extract()?)
        }
        other => {
            return Err(PyValueError::new_err(format!(
                "Unsupported GeneralName type: {other}"
            )))
        }
    })
}

fn general_name(owned: &OwnedGeneralName) -> PyResult<GeneralName<'_>> {
    let invalid = |_| PyValueError::new_err("invalid general name value");
    Ok(match owned {
        OwnedGeneralName::Dns(text) => GeneralName::DnsName(Ia5Bytes(text.as_bytes())),
        OwnedGeneralName::Rfc822(text) => GeneralName::Rfc822Name(Ia5Bytes(text.as_bytes())),
        OwnedGeneralName::Uri(text) => {
            GeneralName::UniformResourceIdentifier(Ia5Bytes(text.as_bytes()))
        }
        OwnedGeneralName::Directory(der) => {
            GeneralName::DirectoryName(asn1::parse_single::<Name<'_>>(der).map_err(invalid)?)
        }
        OwnedGeneralName::Registered(oid) => GeneralName::RegisteredId(oid.clone()),
        OwnedGeneralName::Ip(bytes) => GeneralName::IpAddress(bytes),
        OwnedGeneralName::OtherName(type_id, value) => {
            let value = asn1::parse_single::<RawValue<'_>>(value).map_err(invalid)?;
            GeneralName::OtherName(der::OtherName {
                type_id: type_id.clone(),
                value: OtherNameValue(value),
            })
        }
    })
}

fn owned_general_names(names: &Bound<'_, PyAny>) -> PyResult<Vec<OwnedGeneralName>> {
    names
        .try_iter()?
        .map(|name| owned_general_name(&name?))
        .collect()
}

fn general_names(owned: &[OwnedGeneralName]) -> PyResult<der::GeneralNames<'_>> {
    let names = owned
        .iter()
        .map(general_name)
        .collect::<PyResult<Vec<_>>>()?;
    Ok(ReadOrBuilt::Built(asn1::SequenceOfWriter::new(names)))
}

/// A Python int as the content of a DER INTEGER (minimal two's complement).
pub(crate) fn int_der_bytes(value: &Bound<'_, PyAny>) -> PyResult<Vec<u8>> {
    let py = value.py();
    let negative: bool = value.lt(0)?;
    let shifted = if negative {
        value.add(1)?
    } else {
        value.clone()
    };
    let bits: usize = shifted.call_method0("bit_length")?.extract()?;
    let kwargs = PyDict::new(py);
    kwargs.set_item("signed", true)?;
    value
        .call_method("to_bytes", (bits / 8 + 1, "big"), Some(&kwargs))?
        .extract()
}

fn optional<'py>(value: Bound<'py, PyAny>) -> Option<Bound<'py, PyAny>> {
    (!value.is_none()).then_some(value)
}

fn write<T: asn1::Asn1Writable<Error = asn1::WriteError>>(value: &T) -> PyResult<Vec<u8>> {
    asn1::write_single(value).map_err(|err| PyValueError::new_err(format!("{err:?}")))
}

/// `KeyUsage`'s nine flags as a DER BIT STRING, trailing zero bits dropped (X.690
/// section 11.2.2).
fn key_usage_bits(extension: &Bound<'_, PyAny>) -> PyResult<Vec<u8>> {
    const FLAGS: [&str; 9] = [
        "digital_signature",
        "content_commitment",
        "key_encipherment",
        "data_encipherment",
        "key_agreement",
        "key_cert_sign",
        "crl_sign",
        "_encipher_only",
        "_decipher_only",
    ];
    let mut bits = [0u8; 2];
    let mut last_set = None;
    for (index, flag) in FLAGS.iter().enumerate() {
        if extension.getattr(*flag)?.is_truthy()? {
            bits[index / 8] |= 0x80 >> (index % 8);
            last_set = Some(index);
        }
    }
    let (data, unused) = match last_set {
        None => (&bits[..0], 0),
        Some(last) => (&bits[..last / 8 + 1], (7 - last % 8) as u8),
    };
    let bit_string = asn1::BitString::new(data, unused)
        .ok_or_else(|| PyValueError::new_err("invalid key usage bits"))?;
    write(&bit_string)
}

fn access_descriptions(extension: &Bound<'_, PyAny>) -> PyResult<Vec<u8>> {
    let mut owned = Vec::new();
    for description in extension.try_iter()? {
        let description = description?;
        owned.push((
            oid_of(&description.getattr("access_method")?)?,
            owned_general_name(&description.getattr("access_location")?)?,
        ));
    }
    let descriptions = owned
        .iter()
        .map(|(method, location)| {
            Ok(der::AccessDescription {
                access_method: method.clone(),
                access_location: general_name(location)?,
            })
        })
        .collect::<PyResult<Vec<_>>>()?;
    write(&asn1::SequenceOfWriter::new(descriptions))
}

/// A time as a GeneralizedTime without fractions, from an aware or naive (UTC)
/// datetime.
fn generalized_time(value: &Bound<'_, PyAny>) -> PyResult<asn1::GeneralizedTime> {
    let value = super::utc_datetime(value)?;
    asn1::GeneralizedTime::new(value, None)
        .map_err(|_| PyValueError::new_err("invalid time for a GeneralizedTime"))
}

/// `encode_extension_value(extension)`: the DER of a standard extension's value.
#[pyfunction]
pub(crate) fn encode_extension_value<'py>(
    py: Python<'py>,
    extension: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyBytes>> {
    let oid = oid_of(&extension.getattr("oid")?)?;
    let get = |name: &str| extension.getattr(name);
    let der = if oid == oids::BASIC_CONSTRAINTS {
        write(&der::BasicConstraints {
            ca: get("ca")?.extract()?,
            path_length: optional(get("path_length")?)
                .map(|v| v.extract())
                .transpose()?,
        })?
    } else if oid == oids::SUBJECT_KEY_IDENTIFIER {
        let digest: Vec<u8> = get("digest")?.extract()?;
        write(&digest.as_slice())?
    } else if oid == oids::AUTHORITY_KEY_IDENTIFIER {
        let key_identifier: Option<Vec<u8>> = get("key_identifier")?.extract()?;
        let issuer = optional(get("authority_cert_issuer")?)
            .map(|names| owned_general_names(&names))
            .transpose()?;
        let serial = optional(get("authority_cert_serial_number")?)
            .map(|serial| int_der_bytes(&serial))
            .transpose()?;
        let serial = serial
            .as_deref()
            .map(|bytes| {
                asn1::BigInt::new(bytes).ok_or_else(|| PyValueError::new_err("invalid serial"))
            })
            .transpose()?;
        write(&der::AuthorityKeyIdentifier {
            key_identifier: key_identifier.as_deref(),
            authority_cert_issuer: issuer.as_deref().map(general_names).transpose()?,
            authority_cert_serial_number: serial,
        })?
    } else if oid == oids::KEY_USAGE {
        key_usage_bits(extension)?
    } else if oid == oids::EXTENDED_KEY_USAGE || oid == oids::OCSP_ACCEPTABLE_RESPONSES {
        let oids = extension
            .try_iter()?
            .map(|item| oid_of(&item?))
            .collect::<PyResult<Vec<_>>>()?;
        write(&asn1::SequenceOfWriter::new(oids))?
    } else if oid == oids::SUBJECT_ALTERNATIVE_NAME
        || oid == oids::ISSUER_ALTERNATIVE_NAME
        || oid == oids::CERTIFICATE_ISSUER
    {
        let owned = owned_general_names(extension)?;
        write(&general_names(&owned)?)?
    } else if oid == oids::OCSP_NO_CHECK || oid == oids::PRECERT_POISON {
        write(&())?
    } else if oid == oids::INHIBIT_ANY_POLICY {
        let skip: u64 = get("skip_certs")?.extract()?;
        write(&skip)?
    } else if oid == oids::CRL_NUMBER || oid == oids::DELTA_CRL_INDICATOR {
        let number = int_der_bytes(&get("crl_number")?)?;
        write(&asn1::BigInt::new(&number).ok_or_else(|| PyValueError::new_err("invalid number"))?)?
    } else if oid == oids::CRL_REASON {
        let reason: String = get("reason")?.getattr("value")?.extract()?;
        write(&asn1::Enumerated::new(crl_reason_code(&reason)?))?
    } else if oid == oids::INVALIDITY_DATE {
        write(&generalized_time(&get("invalidity_date")?)?)?
    } else if oid == oids::POLICY_CONSTRAINTS {
        write(&der::PolicyConstraints {
            require_explicit_policy: optional(get("require_explicit_policy")?)
                .map(|v| v.extract())
                .transpose()?,
            inhibit_policy_mapping: optional(get("inhibit_policy_mapping")?)
                .map(|v| v.extract())
                .transpose()?,
        })?
    } else if oid == oids::TLS_FEATURE {
        let features = extension
            .try_iter()?
            .map(|feature| feature?.getattr("value")?.extract::<u64>())
            .collect::<PyResult<Vec<_>>>()?;
        write(&asn1::SequenceOfWriter::new(features))?
    } else if oid == oids::OCSP_NONCE {
        let nonce: Vec<u8> = get("nonce")?.extract()?;
        write(&nonce.as_slice())?
    } else if oid == oids::AUTHORITY_INFORMATION_ACCESS || oid == oids::SUBJECT_INFORMATION_ACCESS {
        access_descriptions(extension)?
    } else if oid == oids::MS_CERTIFICATE_TEMPLATE {
        write(&der::MSCertificateTemplate {
            template_id: oid_of(&get("template_id")?)?,
            major_version: optional(get("major_version")?)
                .map(|v| v.extract())
                .transpose()?,
            minor_version: optional(get("minor_version")?)
                .map(|v| v.extract())
                .transpose()?,
        })?
    } else if oid == oids::PRIVATE_KEY_USAGE_PERIOD {
        write(&der::PrivateKeyUsagePeriod {
            not_before: optional(get("not_before")?)
                .map(|time| generalized_time(&time))
                .transpose()?,
            not_after: optional(get("not_after")?)
                .map(|time| generalized_time(&time))
                .transpose()?,
        })?
    } else if oid == oids::PRECERT_SCTS || oid == oids::SCTS {
        let mut raws = Vec::new();
        for sct in extension.try_iter()? {
            let sct = sct?;
            let sct = sct.cast::<super::sct::Sct>()?;
            raws.push(sct.get().raw().to_vec());
        }
        let list = cryptography_x509::sct::write_list(raws.iter().map(Vec::as_slice))
            .map_err(|err| PyValueError::new_err(err.to_string()))?;
        write(&list.as_slice())?
    } else if oid == oids::CERTIFICATE_POLICIES {
        certificate_policies(extension)?
    } else if oid == oids::CRL_DISTRIBUTION_POINTS || oid == oids::FRESHEST_CRL {
        distribution_points(extension)?
    } else if oid == oids::ISSUING_DISTRIBUTION_POINT {
        issuing_distribution_point(extension)?
    } else if oid == oids::NAME_CONSTRAINTS {
        name_constraints(extension)?
    } else if oid == oids::ADMISSIONS {
        admissions(extension)?
    } else {
        return Err(PyNotImplementedError::new_err(format!(
            "public_bytes is not implemented for extension type {}",
            extension.repr()?
        )));
    };
    Ok(PyBytes::new(py, &der))
}

/// The CRLReason code (RFC 5280 section 5.3.1) of a ReasonFlags value.
fn crl_reason_code(reason: &str) -> PyResult<u32> {
    REASONS
        .iter()
        .find(|(_, _, value)| *value == reason)
        .map(|(code, _, _)| *code)
        .ok_or_else(|| PyValueError::new_err(format!("unknown reason {reason}")))
}

/// `key_identifier(public_key)`: RFC 5280 section 4.2.1.2's method (1), the SHA-1 of
/// the key's subjectPublicKey BIT STRING.
#[pyfunction]
pub(crate) fn key_identifier<'py>(
    py: Python<'py>,
    public_key: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyBytes>> {
    let serialization = crate::types::SERIALIZATION_MODULE.get(py)?;
    let spki: Vec<u8> = public_key
        .call_method1(
            "public_bytes",
            (
                serialization.getattr("Encoding")?.getattr("DER")?,
                serialization
                    .getattr("PublicFormat")?
                    .getattr("SubjectPublicKeyInfo")?,
            ),
        )?
        .extract()?;
    let digest = cryptography_x509::extensions::key_identifier(&spki)
        .map_err(|_| PyValueError::new_err("Invalid public key encoding"))?;
    Ok(PyBytes::new(py, &digest))
}

/// A BIT STRING of flags given by bit number, trailing zero bits dropped (X.690
/// section 11.2.2).
fn bit_string_der(bits_set: &[usize]) -> PyResult<(Vec<u8>, u8)> {
    let Some(&last) = bits_set.iter().max() else {
        return Ok((Vec::new(), 0));
    };
    let mut bytes = vec![0u8; last / 8 + 1];
    for &bit in bits_set {
        bytes[bit / 8] |= 0x80 >> (bit % 8);
    }
    Ok((bytes, (7 - last % 8) as u8))
}

/// The ReasonFlags BIT STRING bit of a ReasonFlags value.
fn reason_bit(reason: &str) -> PyResult<usize> {
    REASONS
        .iter()
        .find(|(_, _, value)| *value == reason)
        .and_then(|(_, bit, _)| *bit)
        .ok_or_else(|| PyValueError::new_err(format!("{reason} is not a ReasonFlags bit")))
}

fn owned_reasons(reasons: Option<Bound<'_, PyAny>>) -> PyResult<Option<(Vec<u8>, u8)>> {
    let Some(reasons) = reasons else {
        return Ok(None);
    };
    let bits = reasons
        .try_iter()?
        .map(|reason| reason_bit(&reason?.getattr("value")?.extract::<String>()?))
        .collect::<PyResult<Vec<_>>>()?;
    Ok(Some(bit_string_der(&bits)?))
}

fn bit_string(owned: &(Vec<u8>, u8)) -> PyResult<asn1::BitString<'_>> {
    asn1::BitString::new(&owned.0, owned.1)
        .ok_or_else(|| PyValueError::new_err("invalid bit string"))
}

/// A distribution point's name, owned: full names or a relative name.
enum OwnedPointName {
    Full(Vec<OwnedGeneralName>),
    Relative(Vec<OwnedAttribute>),
}

fn owned_point_name(
    full_name: Option<Bound<'_, PyAny>>,
    relative_name: Option<Bound<'_, PyAny>>,
) -> PyResult<Option<OwnedPointName>> {
    if let Some(full) = full_name {
        return Ok(Some(OwnedPointName::Full(owned_general_names(&full)?)));
    }
    relative_name
        .map(|relative| Ok(OwnedPointName::Relative(owned_rdn(&relative)?)))
        .transpose()
}

fn point_name(owned: &OwnedPointName) -> PyResult<der::DistributionPointName<'_>> {
    Ok(match owned {
        OwnedPointName::Full(names) => der::DistributionPointName::FullName(general_names(names)?),
        OwnedPointName::Relative(attrs) => der::DistributionPointName::NameRelativeToCrlIssuer(
            ReadOrBuilt::Built(asn1::SetOfWriter::new(attributes(attrs))),
        ),
    })
}

fn distribution_points(extension: &Bound<'_, PyAny>) -> PyResult<Vec<u8>> {
    let mut owned = Vec::new();
    for point in extension.try_iter()? {
        let point = point?;
        owned.push((
            owned_point_name(
                optional(point.getattr("full_name")?),
                optional(point.getattr("relative_name")?),
            )?,
            owned_reasons(optional(point.getattr("reasons")?))?,
            optional(point.getattr("crl_issuer")?)
                .map(|issuer| owned_general_names(&issuer))
                .transpose()?,
        ));
    }
    let points = owned
        .iter()
        .map(|(name, reasons, issuer)| {
            Ok(der::DistributionPoint {
                distribution_point: name.as_ref().map(point_name).transpose()?,
                reasons: reasons.as_ref().map(bit_string).transpose()?,
                crl_issuer: issuer.as_deref().map(general_names).transpose()?,
            })
        })
        .collect::<PyResult<Vec<_>>>()?;
    write(&asn1::SequenceOfWriter::new(points))
}

fn issuing_distribution_point(extension: &Bound<'_, PyAny>) -> PyResult<Vec<u8>> {
    let get = |name: &str| extension.getattr(name);
    let name = owned_point_name(optional(get("full_name")?), optional(get("relative_name")?))?;
    let reasons = owned_reasons(optional(get("only_some_reasons")?))?;
    write(&der::IssuingDistributionPoint {
        distribution_point: name.as_ref().map(point_name).transpose()?,
        only_contains_user_certs: get("only_contains_user_certs")?.extract()?,
        only_contains_ca_certs: get("only_contains_ca_certs")?.extract()?,
        only_some_reasons: reasons.as_ref().map(bit_string).transpose()?,
        indirect_crl: get("indirect_crl")?.extract()?,
        only_contains_attribute_certs: get("only_contains_attribute_certs")?.extract()?,
    })
}

fn name_constraints(extension: &Bound<'_, PyAny>) -> PyResult<Vec<u8>> {
    let owned = |name: &str| {
        optional(extension.getattr(name)?)
            .map(|subtrees| owned_general_names(&subtrees))
            .transpose()
    };
    let (permitted, excluded) = (owned("permitted_subtrees")?, owned("excluded_subtrees")?);
    write(&der::NameConstraints {
        permitted_subtrees: subtrees(&permitted)?,
        excluded_subtrees: subtrees(&excluded)?,
    })
}

type Subtrees<'a> = ReadOrBuilt<
    'a,
    asn1::SequenceOf<'a, der::GeneralSubtree<'a>>,
    asn1::SequenceOfWriter<'a, der::GeneralSubtree<'a>, Vec<der::GeneralSubtree<'a>>>,
>;

fn subtrees(owned: &Option<Vec<OwnedGeneralName>>) -> PyResult<Option<Subtrees<'_>>> {
    owned
        .as_deref()
        .map(|names| {
            let trees = names
                .iter()
                .map(|name| {
                    Ok(der::GeneralSubtree {
                        base: general_name(name)?,
                        minimum: 0,
                        maximum: None,
                    })
                })
                .collect::<PyResult<Vec<_>>>()?;
            Ok(ReadOrBuilt::Built(asn1::SequenceOfWriter::new(trees)))
        })
        .transpose()
}

/// Text written as a DisplayText: a UTF8String, as the reference writes it.
fn utf8_text(text: &str) -> der::DisplayText<'_> {
    der::DisplayText::Utf8String(asn1::Utf8String::new(text))
}

/// A policy qualifier as the DER of its value: a CPS URI as an IA5String, a user
/// notice as a UserNotice with UTF8String texts.
fn qualifier_der(qualifier: &Bound<'_, PyAny>) -> PyResult<(asn1::ObjectIdentifier, Vec<u8>)> {
    if let Ok(uri) = qualifier.extract::<String>() {
        let uri = asn1::IA5String::new(&uri)
            .ok_or_else(|| PyValueError::new_err("Qualifier must be an ASCII-string."))?;
        return Ok((oids::CPS_QUALIFIER, write(&uri)?));
    }
    let reference = optional(qualifier.getattr("notice_reference")?);
    let owned_reference = reference
        .map(|reference| {
            let organization: Option<String> = reference.getattr("organization")?.extract()?;
            let numbers = reference
                .getattr("notice_numbers")?
                .try_iter()?
                .map(|number| int_der_bytes(&number?))
                .collect::<PyResult<Vec<_>>>()?;
            Ok::<_, PyErr>((organization.unwrap_or_default(), numbers))
        })
        .transpose()?;
    let text: Option<String> = qualifier.getattr("explicit_text")?.extract()?;
    let notice_ref = owned_reference
        .as_ref()
        .map(|(organization, numbers)| {
            Ok::<_, PyErr>(der::NoticeReference {
                organization: utf8_text(organization),
                notice_numbers: ReadOrBuilt::Built(asn1::SequenceOfWriter::new(
                    numbers
                        .iter()
                        .map(|number| {
                            asn1::BigUint::new(number).ok_or_else(|| {
                                PyValueError::new_err("notice numbers must be non-negative")
                            })
                        })
                        .collect::<PyResult<Vec<_>>>()?,
                )),
            })
        })
        .transpose()?;
    let notice = der::UserNotice {
        notice_ref,
        explicit_text: text.as_deref().map(utf8_text),
    };
    Ok((oids::USER_NOTICE_QUALIFIER, write(&notice)?))
}

fn certificate_policies(extension: &Bound<'_, PyAny>) -> PyResult<Vec<u8>> {
    let mut owned = Vec::new();
    for policy in extension.try_iter()? {
        let policy = policy?;
        let qualifiers = optional(policy.getattr("policy_qualifiers")?)
            .map(|qualifiers| {
                qualifiers
                    .try_iter()?
                    .map(|qualifier| qualifier_der(&qualifier?))
                    .collect::<PyResult<Vec<_>>>()
            })
            .transpose()?;
        owned.push((oid_of(&policy.getattr("policy_identifier")?)?, qualifiers));
    }
    let policies = owned
        .iter()
        .map(|(identifier, qualifiers)| {
            let policy_qualifiers = qualifiers
                .as_ref()
                .map(|qualifiers| {
                    let infos = qualifiers
                        .iter()
                        .map(|(id, der)| {
                            Ok(der::PolicyQualifierInfo {
                                policy_qualifier_id: id.clone(),
                                qualifier: asn1::parse_single::<RawValue<'_>>(der)
                                    .map_err(|err| PyValueError::new_err(format!("{err:?}")))?,
                            })
                        })
                        .collect::<PyResult<Vec<_>>>()?;
                    Ok::<_, PyErr>(ReadOrBuilt::Built(asn1::SequenceOfWriter::new(infos)))
                })
                .transpose()?;
            Ok(der::PolicyInformation {
                policy_identifier: identifier.clone(),
                policy_qualifiers,
            })
        })
        .collect::<PyResult<Vec<_>>>()?;
    write(&asn1::SequenceOfWriter::new(policies))
}

/// A NamingAuthority's fields, owned.
struct OwnedNamingAuthority {
    id: Option<asn1::ObjectIdentifier>,
    url: Option<String>,
    text: Option<String>,
}

fn owned_naming_authority(
    authority: Option<Bound<'_, PyAny>>,
) -> PyResult<Option<OwnedNamingAuthority>> {
    authority
        .map(|authority| {
            Ok(OwnedNamingAuthority {
                id: optional(authority.getattr("id")?)
                    .map(|id| oid_of(&id))
                    .transpose()?,
                url: authority.getattr("url")?.extract()?,
                text: authority.getattr("text")?.extract()?,
            })
        })
        .transpose()
}

fn naming_authority(owned: &OwnedNamingAuthority) -> PyResult<der::NamingAuthority<'_>> {
    Ok(der::NamingAuthority {
        id: owned.id.clone(),
        url: owned
            .url
            .as_deref()
            .map(|url| {
                asn1::IA5String::new(url)
                    .ok_or_else(|| PyValueError::new_err("url value must be a valid IA5String"))
            })
            .transpose()?,
        text: owned.text.as_deref().map(utf8_text),
    })
}

/// A ProfessionInfo's fields, owned.
struct OwnedProfessionInfo {
    naming_authority: Option<OwnedNamingAuthority>,
    items: Vec<String>,
    oids: Option<Vec<asn1::ObjectIdentifier>>,
    registration_number: Option<String>,
    add_profession_info: Option<Vec<u8>>,
}

fn owned_profession_info(info: &Bound<'_, PyAny>) -> PyResult<OwnedProfessionInfo> {
    Ok(OwnedProfessionInfo {
        naming_authority: owned_naming_authority(optional(info.getattr("naming_authority")?))?,
        items: info.getattr("profession_items")?.extract()?,
        oids: optional(info.getattr("profession_oids")?)
            .map(|oids| oids.try_iter()?.map(|oid| oid_of(&oid?)).collect())
            .transpose()?,
        registration_number: info.getattr("registration_number")?.extract()?,
        add_profession_info: info.getattr("add_profession_info")?.extract()?,
    })
}

fn profession_info(owned: &OwnedProfessionInfo) -> PyResult<der::ProfessionInfo<'_>> {
    Ok(der::ProfessionInfo {
        naming_authority: owned
            .naming_authority
            .as_ref()
            .map(naming_authority)
            .transpose()?,
        profession_items: ReadOrBuilt::Built(asn1::SequenceOfWriter::new(
            owned.items.iter().map(|item| utf8_text(item)).collect(),
        )),
        profession_oids: owned
            .oids
            .as_ref()
            .map(|oids| ReadOrBuilt::Built(asn1::SequenceOfWriter::new(oids.clone()))),
        registration_number: owned
            .registration_number
            .as_deref()
            .map(|number| {
                asn1::PrintableString::new(number).ok_or_else(|| {
                    PyValueError::new_err(
                        "registration_number value must be a valid PrintableString",
                    )
                })
            })
            .transpose()?,
        add_profession_info: owned.add_profession_info.as_deref(),
    })
}

/// An Admission's fields, owned.
struct OwnedAdmission {
    authority: Option<OwnedGeneralName>,
    naming_authority: Option<OwnedNamingAuthority>,
    infos: Vec<OwnedProfessionInfo>,
}

fn admissions(extension: &Bound<'_, PyAny>) -> PyResult<Vec<u8>> {
    let authority = optional(extension.getattr("authority")?)
        .map(|name| owned_general_name(&name))
        .transpose()?;
    let mut owned = Vec::new();
    for admission in extension.try_iter()? {
        let admission = admission?;
        owned.push(OwnedAdmission {
            authority: optional(admission.getattr("admission_authority")?)
                .map(|name| owned_general_name(&name))
                .transpose()?,
            naming_authority: owned_naming_authority(optional(
                admission.getattr("naming_authority")?,
            ))?,
            infos: admission
                .getattr("profession_infos")?
                .try_iter()?
                .map(|info| owned_profession_info(&info?))
                .collect::<PyResult<Vec<_>>>()?,
        });
    }
    let contents = owned
        .iter()
        .map(|admission| {
            Ok(der::Admission {
                admission_authority: admission.authority.as_ref().map(general_name).transpose()?,
                naming_authority: admission
                    .naming_authority
                    .as_ref()
                    .map(naming_authority)
                    .transpose()?,
                profession_infos: ReadOrBuilt::Built(asn1::SequenceOfWriter::new(
                    admission
                        .infos
                        .iter()
                        .map(profession_info)
                        .collect::<PyResult<Vec<_>>>()?,
                )),
            })
        })
        .collect::<PyResult<Vec<_>>>()?;
    write(&der::Admissions {
        admission_authority: authority.as_ref().map(general_name).transpose()?,
        contents_of_admissions: ReadOrBuilt::Built(asn1::SequenceOfWriter::new(contents)),
    })
}
