//! Extensions read from DER into the Python value classes of
//! `cryptography.x509.extensions`: the core decodes each standard extension; here the
//! decoded values become Python objects, whose constructors apply the reference's
//! rules (a basic constraints path length without CA, for instance, is refused there).

use cryptography_asn1::certificate::Extensions as DerExtensions;
use cryptography_asn1::extensions::{self as der, GeneralName};
use cryptography_asn1::name::string_tags;
use cryptography_asn1::oid_ref::OidRef;
pub(crate) use cryptography_x509::extensions::Context;
use cryptography_x509::extensions::{self as core_extensions, Decoded};
use cryptography_x509::X509Error;
use pyo3::exceptions::PyValueError;
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyFrozenSet, PyList};

use super::name::name_to_python;
use super::{unchecked_instance, x509_error};
use crate::oid::ObjectIdentifier;

/// A class of `cryptography.x509` by name (interned: a lookup, not a new string).
macro_rules! class {
    ($py:expr, $name:literal) => {
        crate::types::X509_MODULE
            .get($py)?
            .getattr(pyo3::intern!($py, $name))
    };
}

fn oid_object<'py>(py: Python<'py>, oid: &asn1::ObjectIdentifier) -> PyResult<Bound<'py, PyAny>> {
    Ok(Bound::new(py, ObjectIdentifier::from_oid(oid.clone()))?.into_any())
}

/// The object of an OID read in place (an extension's ID).
fn oid_ref_object<'py>(py: Python<'py>, oid: OidRef<'_>) -> PyResult<Bound<'py, PyAny>> {
    Ok(Bound::new(py, ObjectIdentifier::from_oid_ref(oid)?)?.into_any())
}

fn text(bytes: &[u8]) -> PyResult<String> {
    String::from_utf8(bytes.to_vec()).map_err(|_| {
        x509_error(X509Error::Parse(asn1::ParseError::new(
            asn1::ParseErrorKind::InvalidValue,
        )))
    })
}

/// The IP address of a general name, or (in name constraints) the network: an address
/// followed by a mask whose ones are contiguous.
fn ip_object<'py>(py: Python<'py>, bytes: &[u8], network: bool) -> PyResult<Bound<'py, PyAny>> {
    let ipaddress = crate::types::IPADDRESS.get(py)?;
    if !network {
        return ipaddress.call_method1("ip_address", (PyBytes::new(py, bytes),));
    }
    let (address, ones) =
        cryptography_x509::signature::ip_network(bytes).map_err(PyValueError::new_err)?;
    let address = ipaddress.call_method1("ip_address", (PyBytes::new(py, address),))?;
    ipaddress.call_method1("ip_network", (format!("{}/{ones}", address.str()?),))
}

fn general_name_object<'py>(
    py: Python<'py>,
    name: &GeneralName<'_>,
    network: bool,
) -> PyResult<Bound<'py, PyAny>> {
    Ok(match name {
        // What `_init_without_validation` makes (the value was checked as DER), without
        // the call into Python.
        GeneralName::DnsName(value) => string_name(py, class!(py, "DNSName")?, value.0)?,
        GeneralName::Rfc822Name(value) => string_name(py, class!(py, "RFC822Name")?, value.0)?,
        GeneralName::UniformResourceIdentifier(value) => {
            string_name(py, class!(py, "UniformResourceIdentifier")?, value.0)?
        }
        GeneralName::DirectoryName(name) => {
            class!(py, "DirectoryName")?.call1((name_to_python(py, name)?,))?
        }
        GeneralName::RegisteredId(oid) => {
            class!(py, "RegisteredID")?.call1((oid_object(py, oid)?,))?
        }
        GeneralName::IpAddress(bytes) => {
            class!(py, "IPAddress")?.call1((ip_object(py, bytes, network)?,))?
        }
        GeneralName::OtherName(other) => {
            let value = asn1::write_single(&other.value.0)
                .map_err(|err| x509_error(X509Error::Encode(err)))?;
            class!(py, "OtherName")?
                .call1((oid_object(py, &other.type_id)?, PyBytes::new(py, &value)))?
        }
        GeneralName::X400Address(_) | GeneralName::EdiPartyName(_) => {
            let error = class!(py, "UnsupportedGeneralNameType")?
                .call1(("x400Address/EDIPartyName are not supported types",))?;
            return Err(PyErr::from_value(error));
        }
    })
}

fn string_name<'py>(
    py: Python<'py>,
    class: Bound<'py, PyAny>,
    value: &[u8],
) -> PyResult<Bound<'py, PyAny>> {
    let value = text(value)?.into_pyobject(py)?.into_any();
    unchecked_instance(&class, &[(intern!(py, "_value"), value)])
}

fn general_names_list<'py, 'a>(
    py: Python<'py>,
    names: impl IntoIterator<Item = GeneralName<'a>>,
    network: bool,
) -> PyResult<Bound<'py, PyList>> {
    let list = PyList::empty(py);
    for name in names {
        list.append(general_name_object(py, &name, network)?)?;
    }
    Ok(list)
}

/// A SubjectAlternativeName, IssuerAlternativeName or CertificateIssuer of these names.
fn general_names_extension<'py, 'a>(
    py: Python<'py>,
    class_name: &str,
    names: impl IntoIterator<Item = GeneralName<'a>>,
) -> PyResult<Bound<'py, PyAny>> {
    let names = unchecked_instance(
        &class!(py, "GeneralNames")?,
        &[(
            intern!(py, "_general_names"),
            general_names_list(py, names, false)?.into_any(),
        )],
    )?;
    unchecked_instance(
        &crate::types::X509_MODULE.get(py)?.getattr(class_name)?,
        &[(intern!(py, "_general_names"), names)],
    )
}

fn general_names_of<'py>(
    py: Python<'py>,
    names: &der::GeneralNames<'_>,
) -> PyResult<Bound<'py, PyList>> {
    let list = PyList::empty(py);
    if let Some(read) = names.read() {
        for name in read.clone() {
            list.append(general_name_object(py, &name, false)?)?;
        }
    }
    Ok(list)
}

/// The ReasonFlags members of a reasons BIT STRING.
fn reasons<'py>(py: Python<'py>, bits: &asn1::BitString<'_>) -> PyResult<Bound<'py, PyFrozenSet>> {
    let flags = class!(py, "ReasonFlags")?;
    let members = cryptography_x509::signature::REASONS
        .iter()
        .filter(|(_, bit, _)| bit.is_some_and(|bit| bits.has_bit_set(bit)))
        .map(|(_, _, value)| flags.call1((*value,)))
        .collect::<PyResult<Vec<_>>>()?;
    PyFrozenSet::new(py, &members)
}

fn point_name<'py>(
    py: Python<'py>,
    name: Option<&der::DistributionPointName<'_>>,
) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyAny>)> {
    let none = || py.None().into_bound(py);
    Ok(match name {
        None => (none(), none()),
        Some(der::DistributionPointName::FullName(names)) => {
            (general_names_of(py, names)?.into_any(), none())
        }
        Some(der::DistributionPointName::NameRelativeToCrlIssuer(rdn)) => {
            let attributes = cryptography_asn1::name::build_name(vec![rdn
                .read()
                .map(|set| set.clone().collect())
                .unwrap_or_default()]);
            let der = asn1::write_single(&attributes)
                .map_err(|err| x509_error(X509Error::Encode(err)))?;
            let name = super::name::load_der_name(py, &der)?;
            (none(), name.getattr("rdns")?.get_item(0)?)
        }
    })
}

fn distribution_points<'py>(
    py: Python<'py>,
    points: Vec<der::DistributionPoint<'_>>,
) -> PyResult<Bound<'py, PyList>> {
    let list = PyList::empty(py);
    for point in points {
        let (full_name, relative_name) = point_name(py, point.distribution_point.as_ref())?;
        let point_reasons = match &point.reasons {
            Some(bits) => reasons(py, bits)?.into_any(),
            None => py.None().into_bound(py),
        };
        let issuer = match &point.crl_issuer {
            Some(names) => general_names_of(py, names)?.into_any(),
            None => py.None().into_bound(py),
        };
        list.append(class!(py, "DistributionPoint")?.call1((
            full_name,
            relative_name,
            point_reasons,
            issuer,
        ))?)?;
    }
    Ok(list)
}

/// A DisplayText as text. A VisibleString holding UTF-8 is read with the reference's
/// deprecation warning (which names the certificate policies extension, where such
/// text is found in practice).
fn display_text(py: Python<'_>, value: &der::DisplayText<'_>) -> PyResult<String> {
    let text = core_extensions::display_text(value).map_err(x509_error)?;
    if text.lax_visible_string {
        let category = crate::types::DEPRECATION_WARNING.get(py)?;
        PyErr::warn(
            py,
            category,
            c"Invalid ASN.1 (UTF-8 characters in a VisibleString) in the explicit text and/or notice reference of the certificate policies extension. In a future version of cryptography, an exception will be raised.",
            1,
        )?;
    }
    Ok(text.text.into_owned())
}

/// A policy qualifier: by its value's type a CPS URI (IA5String) or a UserNotice
/// (SEQUENCE), whose OID must then say the same.
fn qualifier<'py>(
    py: Python<'py>,
    info: &der::PolicyQualifierInfo<'_>,
) -> PyResult<Bound<'py, PyAny>> {
    let value = &info.qualifier;
    if value.tag == string_tags::IA5_STRING {
        if info.policy_qualifier_id != core_extensions::oids::CPS_QUALIFIER {
            return Err(PyValueError::new_err(
                "CpsUri ASN.1 structure found but OID did not match",
            ));
        }
        return Ok(text(value.data)?.into_pyobject(py)?.into_any());
    }
    if info.policy_qualifier_id != core_extensions::oids::USER_NOTICE_QUALIFIER {
        return Err(PyValueError::new_err(
            "UserNotice ASN.1 structure found but OID did not match",
        ));
    }
    let der = asn1::write_single(value).map_err(|err| x509_error(X509Error::Encode(err)))?;
    let notice = asn1::parse_single::<der::UserNotice<'_>>(&der)
        .map_err(|err| x509_error(X509Error::Parse(err)))?;
    let reference = match &notice.notice_ref {
        Some(reference) => {
            let numbers = PyList::empty(py);
            if let Some(read) = reference.notice_numbers.read() {
                for number in read.clone() {
                    numbers.append(super::int_from_der(py, number.as_bytes(), false)?)?;
                }
            }
            class!(py, "NoticeReference")?
                .call1((display_text(py, &reference.organization)?, numbers))?
        }
        None => py.None().into_bound(py),
    };
    let explicit = notice
        .explicit_text
        .as_ref()
        .map(|text| display_text(py, text))
        .transpose()?;
    class!(py, "UserNotice")?.call1((reference, explicit))
}

fn access_descriptions<'py>(
    py: Python<'py>,
    descriptions: Vec<der::AccessDescription<'_>>,
) -> PyResult<Bound<'py, PyList>> {
    let list = PyList::empty(py);
    for description in descriptions {
        list.append(unchecked_instance(
            &class!(py, "AccessDescription")?,
            &[
                (
                    intern!(py, "_access_method"),
                    oid_object(py, &description.access_method)?,
                ),
                (
                    intern!(py, "_access_location"),
                    general_name_object(py, &description.access_location, false)?,
                ),
            ],
        )?)?;
    }
    Ok(list)
}

type Subtrees<'a> = cryptography_asn1::read_or_built::ReadOrBuilt<
    'a,
    asn1::SequenceOf<'a, der::GeneralSubtree<'a>>,
    asn1::SequenceOfWriter<'a, der::GeneralSubtree<'a>, Vec<der::GeneralSubtree<'a>>>,
>;

/// The bases of a name constraint's subtrees (IP addresses as networks), or None.
fn subtrees<'py>(py: Python<'py>, trees: Option<&Subtrees<'_>>) -> PyResult<Bound<'py, PyAny>> {
    match trees.and_then(|trees| trees.read()) {
        Some(read) => {
            let list = PyList::empty(py);
            for subtree in read.clone() {
                list.append(general_name_object(py, &subtree.base, true)?)?;
            }
            Ok(list.into_any())
        }
        None => Ok(py.None().into_bound(py)),
    }
}

/// The items of a parsed list, in order (a list read from DER is never a built one).
fn items<'a, T: asn1::Asn1Readable<'a> + 'a>(
    list: &der::SequenceOf<'a, T>,
) -> impl Iterator<Item = T> + 'a {
    list.read().cloned().into_iter().flatten()
}

fn optional_object<'py>(
    py: Python<'py>,
    value: Option<PyResult<Bound<'py, PyAny>>>,
) -> PyResult<Bound<'py, PyAny>> {
    value
        .transpose()
        .map(|value| value.unwrap_or_else(|| py.None().into_bound(py)))
}

fn naming_authority<'py>(
    py: Python<'py>,
    authority: &der::NamingAuthority<'_>,
) -> PyResult<Bound<'py, PyAny>> {
    class!(py, "NamingAuthority")?.call1((
        optional_object(py, authority.id.as_ref().map(|id| oid_object(py, id)))?,
        authority.url.as_ref().map(|url| url.as_str()),
        authority
            .text
            .as_ref()
            .map(|text| display_text(py, text))
            .transpose()?,
    ))
}

fn profession_info<'py>(
    py: Python<'py>,
    info: &der::ProfessionInfo<'_>,
) -> PyResult<Bound<'py, PyAny>> {
    let texts = PyList::empty(py);
    for item in items(&info.profession_items) {
        texts.append(display_text(py, &item)?)?;
    }
    let oids = match &info.profession_oids {
        Some(oids) => {
            let list = PyList::empty(py);
            for oid in items(oids) {
                list.append(oid_object(py, &oid)?)?;
            }
            list.into_any()
        }
        None => py.None().into_bound(py),
    };
    class!(py, "ProfessionInfo")?.call1((
        optional_object(
            py,
            info.naming_authority
                .as_ref()
                .map(|authority| naming_authority(py, authority)),
        )?,
        texts,
        oids,
        info.registration_number
            .as_ref()
            .map(|number| number.as_str()),
        info.add_profession_info
            .map(|bytes| PyBytes::new(py, bytes)),
    ))
}

fn admissions<'py>(py: Python<'py>, syntax: &der::Admissions<'_>) -> PyResult<Bound<'py, PyAny>> {
    let list = PyList::empty(py);
    for admission in items(&syntax.contents_of_admissions) {
        let infos = PyList::empty(py);
        for info in items(&admission.profession_infos) {
            infos.append(profession_info(py, &info)?)?;
        }
        list.append(
            class!(py, "Admission")?.call1((
                optional_object(
                    py,
                    admission
                        .admission_authority
                        .as_ref()
                        .map(|name| general_name_object(py, name, false)),
                )?,
                optional_object(
                    py,
                    admission
                        .naming_authority
                        .as_ref()
                        .map(|authority| naming_authority(py, authority)),
                )?,
                infos,
            ))?,
        )?;
    }
    class!(py, "Admissions")?.call1((
        optional_object(
            py,
            syntax
                .admission_authority
                .as_ref()
                .map(|name| general_name_object(py, name, false)),
        )?,
        list,
    ))
}

/// The Python value of one extension.
fn value_object<'py>(
    py: Python<'py>,
    extension: &cryptography_asn1::certificate::Extension<'_>,
    context: Context,
) -> PyResult<Bound<'py, PyAny>> {
    let none = || py.None().into_bound(py);
    let decoded = core_extensions::decode(extension, context).map_err(x509_error)?;
    Ok(match decoded {
        Decoded::SubjectKeyIdentifier(id) => unchecked_instance(
            &class!(py, "SubjectKeyIdentifier")?,
            &[(intern!(py, "_digest"), PyBytes::new(py, id).into_any())],
        )?,
        Decoded::KeyUsage(bits) => {
            let flags: Vec<bool> = (0..9).map(|bit| bits.has_bit_set(bit)).collect();
            let (key_agreement, encipher_only, decipher_only) = (flags[4], flags[7], flags[8]);
            if !key_agreement && (encipher_only || decipher_only) {
                // The constructor's error, as the reference reports such a value.
                class!(py, "KeyUsage")?.call1(pyo3::types::PyTuple::new(py, flags)?)?
            } else {
                let names = [
                    intern!(py, "_digital_signature"),
                    intern!(py, "_content_commitment"),
                    intern!(py, "_key_encipherment"),
                    intern!(py, "_data_encipherment"),
                    intern!(py, "_key_agreement"),
                    intern!(py, "_key_cert_sign"),
                    intern!(py, "_crl_sign"),
                    intern!(py, "_encipher_only"),
                    intern!(py, "_decipher_only"),
                ];
                let fields: Vec<_> = names
                    .into_iter()
                    .zip(flags)
                    .map(|(name, flag)| {
                        (
                            name,
                            pyo3::types::PyBool::new(py, flag).to_owned().into_any(),
                        )
                    })
                    .collect();
                unchecked_instance(&class!(py, "KeyUsage")?, &fields)?
            }
        }
        Decoded::SubjectAlternativeName(names) => {
            general_names_extension(py, "SubjectAlternativeName", names)?
        }
        Decoded::IssuerAlternativeName(names) => {
            general_names_extension(py, "IssuerAlternativeName", names)?
        }
        // A path length without cA is the constructor's error, as the reference reports
        // it; the rest are made directly.
        Decoded::BasicConstraints(bc) if bc.ca || bc.path_length.is_none() => unchecked_instance(
            &class!(py, "BasicConstraints")?,
            &[
                (
                    intern!(py, "_ca"),
                    pyo3::types::PyBool::new(py, bc.ca).to_owned().into_any(),
                ),
                (
                    intern!(py, "_path_length"),
                    bc.path_length.into_pyobject(py)?.into_any(),
                ),
            ],
        )?,
        Decoded::BasicConstraints(bc) => {
            class!(py, "BasicConstraints")?.call1((bc.ca, bc.path_length))?
        }
        Decoded::AuthorityKeyIdentifier(aki) => {
            let issuer = match &aki.authority_cert_issuer {
                Some(names) => general_names_of(py, names)?.into_any(),
                None => none(),
            };
            let serial = match &aki.authority_cert_serial_number {
                Some(serial) => super::int_from_der(py, serial.as_bytes(), true)?,
                None => none(),
            };
            let key_id = aki.key_identifier.map(|id| PyBytes::new(py, id));
            if issuer.is_none() != serial.is_none() {
                // Only one of the pair: the constructor's error.
                class!(py, "AuthorityKeyIdentifier")?.call1((key_id, issuer, serial))?
            } else {
                unchecked_instance(
                    &class!(py, "AuthorityKeyIdentifier")?,
                    &[
                        (
                            intern!(py, "_key_identifier"),
                            key_id.into_pyobject(py)?.into_any(),
                        ),
                        (intern!(py, "_authority_cert_issuer"), issuer),
                        (intern!(py, "_authority_cert_serial_number"), serial),
                    ],
                )?
            }
        }
        Decoded::ExtendedKeyUsage(oids) => {
            let list = PyList::empty(py);
            for oid in &oids {
                list.append(oid_object(py, oid)?)?;
            }
            unchecked_instance(
                &class!(py, "ExtendedKeyUsage")?,
                &[(intern!(py, "_items"), list.into_any())],
            )?
        }
        Decoded::CertificatePolicies(policies) => {
            let list = PyList::empty(py);
            for policy in policies {
                let qualifiers = match &policy.policy_qualifiers {
                    Some(infos) => {
                        let qualifiers = PyList::empty(py);
                        if let Some(read) = infos.read() {
                            for info in read.clone() {
                                qualifiers.append(qualifier(py, &info)?)?;
                            }
                        }
                        qualifiers.into_any()
                    }
                    None => none(),
                };
                list.append(
                    class!(py, "PolicyInformation")?
                        .call1((oid_object(py, &policy.policy_identifier)?, qualifiers))?,
                )?;
            }
            class!(py, "CertificatePolicies")?.call1((list,))?
        }
        Decoded::CrlDistributionPoints(points) => {
            class!(py, "CRLDistributionPoints")?.call1((distribution_points(py, points)?,))?
        }
        Decoded::FreshestCrl(points) => {
            class!(py, "FreshestCRL")?.call1((distribution_points(py, points)?,))?
        }
        Decoded::AuthorityInformationAccess(descriptions) => unchecked_instance(
            &class!(py, "AuthorityInformationAccess")?,
            &[(
                intern!(py, "_items"),
                access_descriptions(py, descriptions)?.into_any(),
            )],
        )?,
        Decoded::SubjectInformationAccess(descriptions) => unchecked_instance(
            &class!(py, "SubjectInformationAccess")?,
            &[(
                intern!(py, "_items"),
                access_descriptions(py, descriptions)?.into_any(),
            )],
        )?,
        Decoded::NameConstraints(constraints) => class!(py, "NameConstraints")?.call1((
            subtrees(py, constraints.permitted_subtrees.as_ref())?,
            subtrees(py, constraints.excluded_subtrees.as_ref())?,
        ))?,
        Decoded::PolicyConstraints(constraints) => class!(py, "PolicyConstraints")?.call1((
            constraints.require_explicit_policy,
            constraints.inhibit_policy_mapping,
        ))?,
        Decoded::InhibitAnyPolicy(skip) => class!(py, "InhibitAnyPolicy")?
            .call1((super::int_from_der(py, skip.as_bytes(), false)?,))?,
        Decoded::TlsFeature(features) => {
            let feature_type = class!(py, "TLSFeatureType")?;
            let list = PyList::empty(py);
            for feature in features {
                list.append(feature_type.call1((feature,))?)?;
            }
            class!(py, "TLSFeature")?.call1((list,))?
        }
        Decoded::OcspNoCheck => class!(py, "OCSPNoCheck")?.call0()?,
        Decoded::PrecertPoison => class!(py, "PrecertPoison")?.call0()?,
        Decoded::MsCertificateTemplate(template) => {
            class!(py, "MSCertificateTemplate")?.call1((
                oid_object(py, &template.template_id)?,
                template.major_version,
                template.minor_version,
            ))?
        }
        Decoded::CrlNumber(number) => {
            class!(py, "CRLNumber")?.call1((super::int_from_der(py, number.as_bytes(), false)?,))?
        }
        Decoded::DeltaCrlIndicator(number) => class!(py, "DeltaCRLIndicator")?
            .call1((super::int_from_der(py, number.as_bytes(), false)?,))?,
        Decoded::IssuingDistributionPoint(idp) => {
            let (full_name, relative_name) = point_name(py, idp.distribution_point.as_ref())?;
            let only_some = match &idp.only_some_reasons {
                Some(bits) => reasons(py, bits)?.into_any(),
                None => none(),
            };
            class!(py, "IssuingDistributionPoint")?.call1((
                full_name,
                relative_name,
                idp.only_contains_user_certs,
                idp.only_contains_ca_certs,
                only_some,
                idp.indirect_crl,
                idp.only_contains_attribute_certs,
            ))?
        }
        Decoded::PrivateKeyUsagePeriod(period) => {
            let time = |time: &Option<asn1::GeneralizedTime>| -> PyResult<Bound<'py, PyAny>> {
                match time {
                    Some(time) => super::datetime(py, time.as_datetime(), false),
                    None => Ok(py.None().into_bound(py)),
                }
            };
            class!(py, "PrivateKeyUsagePeriod")?
                .call1((time(&period.not_before)?, time(&period.not_after)?))?
        }
        Decoded::PrecertSignedCertificateTimestamps(scts) => {
            let list = PyList::empty(py);
            for sct in scts {
                list.append(Py::new(py, super::sct::Sct::new(sct, true))?)?;
            }
            class!(py, "PrecertificateSignedCertificateTimestamps")?.call1((list,))?
        }
        Decoded::CrlReason(code) => {
            let Some((_, _, value)) = cryptography_x509::signature::REASONS
                .iter()
                .find(|(known, _, _)| *known == code)
            else {
                return Err(PyValueError::new_err(format!(
                    "Unsupported reason code: {code}"
                )));
            };
            class!(py, "CRLReason")?.call1((class!(py, "ReasonFlags")?.call1((*value,))?,))?
        }
        Decoded::InvalidityDate(time) => class!(py, "InvalidityDate")?.call1((super::datetime(
            py,
            time.as_datetime(),
            false,
        )?,))?,
        Decoded::CertificateIssuer(names) => {
            general_names_extension(py, "CertificateIssuer", names)?
        }
        Decoded::Admissions(syntax) => admissions(py, &syntax)?,
        Decoded::OcspNonce(nonce) => class!(py, "OCSPNonce")?.call1((PyBytes::new(py, nonce),))?,
        Decoded::OcspAcceptableResponses(oids) => {
            let list = PyList::empty(py);
            for oid in &oids {
                list.append(oid_object(py, oid)?)?;
            }
            class!(py, "OCSPAcceptableResponses")?.call1((list,))?
        }
        Decoded::SignedCertificateTimestamps(scts) => {
            let list = PyList::empty(py);
            for sct in scts {
                list.append(Py::new(py, super::sct::Sct::new(sct, false))?)?;
            }
            class!(py, "SignedCertificateTimestamps")?.call1((list,))?
        }
        Decoded::Unrecognized => class!(py, "UnrecognizedExtension")?.call1((
            oid_ref_object(py, extension.extn_id)?,
            PyBytes::new(py, extension.extn_value),
        ))?,
    })
}

/// An `Extensions` of the `Extension`s in `extensions` (a list of `context`), in their
/// order.
pub(crate) fn extensions_object<'py>(
    py: Python<'py>,
    extensions: Option<&DerExtensions<'_>>,
    context: Context,
) -> PyResult<Bound<'py, PyAny>> {
    let list = core_extensions::unique(extensions).map_err(x509_error)?;
    let objects = PyList::empty(py);
    let extension_class = class!(py, "Extension")?;
    for extension in &list {
        objects.append(unchecked_instance(
            &extension_class,
            &[
                (intern!(py, "_oid"), oid_ref_object(py, extension.extn_id)?),
                (
                    intern!(py, "_critical"),
                    pyo3::types::PyBool::new(py, extension.critical)
                        .to_owned()
                        .into_any(),
                ),
                (intern!(py, "_value"), value_object(py, extension, context)?),
            ],
        )?)?;
    }
    unchecked_instance(
        &class!(py, "Extensions")?,
        &[(intern!(py, "_extensions"), objects.into_any())],
    )
}
