//! Names read from DER and RFC 4514 strings into the Python value classes of
//! `cryptography.x509.name`, and written back as DER. The reading and writing rules are
//! the core's (`cryptography_x509`, `cryptography_asn1`); here values are only
//! converted.

use cryptography_asn1::name::{
    build_name, string_tags, AttributeTypeAndValue, AttributeValue, Name, RawValue,
};
use cryptography_asn1::oid_ref::OidRef;
use cryptography_x509::name::{self as core_name, Value};
use cryptography_x509::rfc4514;
use cryptography_x509::X509Error;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList, PyTuple};

use super::{unchecked_instance, x509_error};
use crate::oid::ObjectIdentifier;
use crate::types;

/// `rfc4514_string(rdns, attr_name_overrides)`: RDNs (or single attributes) as RFC 4514
/// writes them, last first, separated by ','; an RDN's attributes joined by '+'. The
/// objects are read directly (their `_attributes`, `_oid`, `_value`), and the writing
/// rules are the core's.
#[pyfunction]
#[pyo3(signature = (rdns, attr_name_overrides = None))]
pub(crate) fn rfc4514_string(
    rdns: &Bound<'_, PyList>,
    attr_name_overrides: Option<&Bound<'_, PyAny>>,
) -> PyResult<String> {
    let py = rdns.py();
    let overrides = attr_name_overrides.filter(|overrides| overrides.is_truthy().unwrap_or(true));
    let mut out = String::new();
    for (position, rdn) in rdns.iter().rev().enumerate() {
        if position > 0 {
            out.push(',');
        }
        let attributes = match rdn.getattr(intern!(py, "_attributes")) {
            Ok(attributes) => attributes.cast_into::<PyList>()?,
            Err(_) => PyList::new(py, [rdn])?,
        };
        for (index, attribute) in attributes.iter().enumerate() {
            if index > 0 {
                out.push('+');
            }
            let oid_object = attribute.getattr(intern!(py, "_oid"))?;
            let type_name = match overrides {
                Some(overrides) => {
                    let name = overrides.call_method1(intern!(py, "get"), (&oid_object,))?;
                    (!name.is_none())
                        .then(|| name.extract::<String>())
                        .transpose()?
                }
                None => None,
            };
            let oid = oid_object.cast::<ObjectIdentifier>()?;
            let value = attribute.getattr(intern!(py, "_value"))?;
            let value_text;
            let value_bytes;
            let value = if let Ok(bytes) = value.cast::<PyBytes>() {
                value_bytes = bytes.as_bytes().to_vec();
                core_name::ValueRef::Bytes(&value_bytes)
            } else {
                value_text = value.extract::<pyo3::pybacked::PyBackedStr>()?;
                core_name::ValueRef::Text(&value_text)
            };
            core_name::write_attribute(&mut out, OidRef::from(oid.get().oid()), type_name, value);
        }
    }
    Ok(out)
}

/// `parse_rfc4514(data, names)`: the RDNs of an RFC 4514 string, first RDN first, as
/// lists of (ObjectIdentifier, value); `names` maps the caller's attribute type names.
#[pyfunction]
pub(crate) fn parse_rfc4514<'py>(
    py: Python<'py>,
    data: &str,
    names: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyList>> {
    // The caller's names, read before parsing: the core's lookup cannot fail.
    let mut mapped: Vec<(String, asn1::ObjectIdentifier)> = Vec::new();
    for item in names.call_method0("items")?.try_iter()? {
        let (name, oid): (String, Bound<'py, PyAny>) = item?.extract()?;
        let oid = oid.cast::<ObjectIdentifier>().map_err(|_| {
            PyTypeError::new_err("attr_name_overrides values must be ObjectIdentifiers")
        })?;
        mapped.push((name, oid.get().oid().clone()));
    }
    let lookup = |name: &str| {
        mapped
            .iter()
            .find(|(known, _)| known == name)
            .map(|(_, oid)| oid.clone())
    };
    let rdns = rfc4514::parse(data, &lookup).map_err(|err| {
        let message = match err {
            rfc4514::Rfc4514Error::UnknownAttributeType(name) => {
                format!("Unknown attribute type {name:?} in RFC 4514 string")
            }
            rfc4514::Rfc4514Error::NotUtf8 => "escaped bytes are not UTF-8".to_string(),
            rfc4514::Rfc4514Error::NotHex => "Non-hexadecimal digit found".to_string(),
            rfc4514::Rfc4514Error::Syntax(at) => {
                format!("not an RFC 4514 string (at offset {at}): {data:?}")
            }
        };
        PyValueError::new_err(message)
    })?;
    let out = PyList::empty(py);
    for rdn in rdns {
        let attributes = PyList::empty(py);
        for attribute in rdn {
            let oid = Bound::new(py, ObjectIdentifier::from_oid(attribute.oid))?;
            attributes.append(PyTuple::new(
                py,
                [
                    oid.into_any(),
                    attribute.value.into_pyobject(py)?.into_any(),
                ],
            )?)?;
        }
        out.append(attributes)?;
    }
    Ok(out)
}

/// A parsed Name as a `cryptography.x509.Name`.
pub(crate) fn name_to_python<'py>(py: Python<'py>, name: &Name<'_>) -> PyResult<Bound<'py, PyAny>> {
    name_object(py, name, None)
}

/// A `Name` read from a named field (a certificate's "subject", ...): a value that does
/// not decode says where it was.
pub(crate) fn field_name_to_python<'py>(
    py: Python<'py>,
    name: &Name<'_>,
    field: &'static str,
) -> PyResult<Bound<'py, PyAny>> {
    name_object(py, name, Some(field))
}

/// A parsed name as a `Name`. Every value is decoded now (an undecodable one is an
/// error here, naming `field`), but in the common case (text values within their
/// length limits, one attribute per RDN) the `Name` holds only its DER and makes its
/// RDN objects on first use (`name_rdns`): most names read are never looked into.
/// Otherwise the objects are made now, where their constructors warn or refuse.
fn name_object<'py>(
    py: Python<'py>,
    name: &Name<'_>,
    field: Option<&'static str>,
) -> PyResult<Bound<'py, PyAny>> {
    let mut deferrable = true;
    for rdn in name.read().into_iter().flat_map(Clone::clone) {
        let attributes: Vec<_> = rdn.read().into_iter().flat_map(Clone::clone).collect();
        deferrable &= attributes.len() == 1;
        for attribute in &attributes {
            let value = core_name::value(attribute).map_err(|err| match field {
                Some(field) => x509_error(err.in_field(field)),
                None => x509_error(err),
            })?;
            deferrable &= match &value {
                Value::Text(text) => {
                    core_name::length_in_limits(attribute.attribute_type, text.len())
                }
                Value::Bytes(_) => false,
            };
        }
    }
    if deferrable {
        let der = asn1::write_single(name).map_err(|err| x509_error(X509Error::Encode(err)))?;
        return unchecked_instance(
            types::NAME.get(py)?,
            &[(intern!(py, "_der"), PyBytes::new(py, &der).into_any())],
        );
    }
    unchecked_instance(
        types::NAME.get(py)?,
        &[(
            intern!(py, "_attributes"),
            rdn_objects(py, name)?.into_any(),
        )],
    )
}

/// `name_rdns(der)`: the RDN objects of a DER name (one a `Name` holds as DER).
#[pyfunction]
pub(crate) fn name_rdns<'py>(py: Python<'py>, der: &[u8]) -> PyResult<Bound<'py, PyList>> {
    let name =
        asn1::parse_single::<Name<'_>>(der).map_err(|err| x509_error(X509Error::Parse(err)))?;
    rdn_objects(py, &name)
}

/// `rfc4514_string_from_der(der, attr_name_overrides)`: a DER name as RFC 4514 text,
/// without making its objects.
#[pyfunction]
#[pyo3(signature = (der, attr_name_overrides = None))]
pub(crate) fn rfc4514_string_from_der(
    py: Python<'_>,
    der: &[u8],
    attr_name_overrides: Option<&Bound<'_, PyAny>>,
) -> PyResult<String> {
    let name =
        asn1::parse_single::<Name<'_>>(der).map_err(|err| x509_error(X509Error::Parse(err)))?;
    let overrides = attr_name_overrides.filter(|overrides| overrides.is_truthy().unwrap_or(true));
    // A name from the caller's table, if it has one for the OID (a lookup error counts
    // as none: the table is the caller's, and the default name is always right).
    let name_of = |oid: OidRef<'_>| -> Option<String> {
        let overrides = overrides?;
        let key = Bound::new(py, ObjectIdentifier::from_oid_ref(oid).ok()?).ok()?;
        let found = overrides.call_method1(intern!(py, "get"), (key,)).ok()?;
        found.extract::<String>().ok()
    };
    core_name::rfc4514_string(&name, &name_of).map_err(x509_error)
}

/// The RDN objects of a parsed name, made without running the classes' constructors (a
/// name read from DER needs none of their argument checks, and they dominate the cost
/// of reading one), except where a constructor has something to say: a value outside
/// its type's length limits (the constructor warns), a bit string (it checks the
/// type), an RDN of several attributes (it refuses duplicates).
fn rdn_objects<'py>(py: Python<'py>, name: &Name<'_>) -> PyResult<Bound<'py, PyList>> {
    let name_attribute = types::NAME_ATTRIBUTE.get(py)?;
    let rdn_class = types::RELATIVE_DISTINGUISHED_NAME.get(py)?;
    let rdns = PyList::empty(py);
    for rdn in name.read().into_iter().flat_map(Clone::clone) {
        let attributes = PyList::empty(py);
        for attribute in rdn.read().into_iter().flat_map(Clone::clone) {
            let oid = attribute.attribute_type;
            let value = core_name::value(&attribute).map_err(x509_error)?;
            let plain = match &value {
                Value::Text(text) => core_name::length_in_limits(oid, text.len()),
                Value::Bytes(_) => false,
            };
            let value = match value {
                Value::Text(text) => text.into_pyobject(py)?.into_any(),
                Value::Bytes(bytes) => PyBytes::new(py, &bytes).into_any(),
            };
            let oid = Bound::new(py, ObjectIdentifier::from_oid_ref(oid)?)?;
            let kind = asn1_type_member(py, attribute.value.0.tag.as_u8().unwrap_or(0))?;
            let object = if plain {
                unchecked_instance(
                    name_attribute,
                    &[
                        (intern!(py, "_oid"), oid.into_any()),
                        (intern!(py, "_value"), value),
                        (intern!(py, "_type"), kind),
                    ],
                )?
            } else {
                let kwargs = PyDict::new(py);
                kwargs.set_item("_validate", false)?;
                name_attribute.call((oid, value, kind), Some(&kwargs))?
            };
            attributes.append(object)?;
        }
        let rdn = if attributes.len() == 1 {
            unchecked_instance(
                rdn_class,
                &[(intern!(py, "_attributes"), attributes.into_any())],
            )?
        } else {
            rdn_class.call1((attributes,))?
        };
        rdns.append(rdn)?;
    }
    Ok(rdns)
}

/// The `_ASN1Type` member of a tag number, looked up in the enum's own table (calling
/// the enum costs more than the rest of an attribute); an unknown number is the
/// enum's ValueError.
fn asn1_type_member(py: Python<'_>, tag: u8) -> PyResult<Bound<'_, PyAny>> {
    let members = types::ASN1_TYPE_MEMBERS.get_or_try_init(py, || {
        types::ASN1_TYPE
            .get(py)?
            .getattr("_value2member_map_")
            .map(Bound::unbind)
    })?;
    match members.bind(py).get_item(tag) {
        Ok(member) => Ok(member),
        Err(_) => types::ASN1_TYPE.get(py)?.call1((tag,)),
    }
}

/// `name_length_limits()`: the core's length limits, as (ObjectIdentifier, low, high).
#[pyfunction]
pub(crate) fn name_length_limits() -> Vec<(ObjectIdentifier, usize, usize)> {
    core_name::LENGTH_LIMITS
        .iter()
        .map(|(oid, low, high)| (ObjectIdentifier::from_oid(oid.clone()), *low, *high))
        .collect()
}

/// `load_der_name(data)`: a DER Name.
#[pyfunction]
pub(crate) fn load_der_name<'py>(py: Python<'py>, data: &[u8]) -> PyResult<Bound<'py, PyAny>> {
    let name =
        asn1::parse_single::<Name<'_>>(data).map_err(|err| x509_error(X509Error::Parse(err)))?;
    name_to_python(py, &name)
}

/// The DER content of a value of `tag`: UTF-16 or UTF-32 for the wide strings, UTF-8
/// for the rest, a bit string's bytes as given.
fn encode_value(value: &Bound<'_, PyAny>, tag: u8) -> PyResult<Vec<u8>> {
    if let Ok(bytes) = value.cast::<PyBytes>() {
        return Ok(bytes.as_bytes().to_vec());
    }
    let text: String = value.extract()?;
    let tag = asn1::Tag::primitive(u32::from(tag));
    Ok(if tag == string_tags::BMP_STRING {
        text.encode_utf16().flat_map(u16::to_be_bytes).collect()
    } else if tag == string_tags::UNIVERSAL_STRING {
        text.chars()
            .flat_map(|ch| u32::from(ch).to_be_bytes())
            .collect()
    } else {
        text.into_bytes()
    })
}

/// An attribute's parts, owned: its type, its tag, its content.
pub(crate) type OwnedAttribute = (asn1::ObjectIdentifier, u8, Vec<u8>);

/// The attributes of a `RelativeDistinguishedName`, owned.
pub(crate) fn owned_rdn(rdn: &Bound<'_, PyAny>) -> PyResult<Vec<OwnedAttribute>> {
    let py = rdn.py();
    let mut attributes = Vec::new();
    // The objects' own fields, read directly (their properties and iterators are
    // Python calls); an RDN holds its attributes in `_attributes`.
    for attribute in rdn.getattr(intern!(py, "_attributes"))?.try_iter()? {
        let attribute = attribute?;
        let oid = attribute.getattr(intern!(py, "_oid"))?;
        let oid = oid.cast::<ObjectIdentifier>()?.get().oid().clone();
        let tag: u8 = attribute
            .getattr(intern!(py, "_type"))?
            .getattr(intern!(py, "_value_"))?
            .extract()?;
        let content = encode_value(&attribute.getattr(intern!(py, "_value"))?, tag)?;
        attributes.push((oid, tag, content));
    }
    Ok(attributes)
}

/// The structures of owned attributes, borrowing them.
pub(crate) fn attributes(owned: &[OwnedAttribute]) -> Vec<AttributeTypeAndValue<'_>> {
    owned
        .iter()
        .map(|(oid, tag, content)| AttributeTypeAndValue {
            attribute_type: OidRef::from(oid),
            value: AttributeValue(RawValue {
                tag: asn1::Tag::primitive(u32::from(*tag)),
                data: content,
            }),
        })
        .collect()
}

/// A `cryptography.x509.Name` as DER.
pub(crate) fn encode_name_der(name: &Bound<'_, PyAny>) -> PyResult<Vec<u8>> {
    let py = name.py();
    // A name read from DER and not looked into: its encoding, as read.
    if let Ok(fields) = name.getattr(intern!(py, "__dict__")) {
        let fields = fields.cast_into::<PyDict>()?;
        if !fields.contains(intern!(py, "_attributes"))? {
            if let Some(der) = fields.get_item(intern!(py, "_der"))? {
                return der.extract();
            }
        }
    }
    let rdns = name
        .getattr(intern!(py, "_attributes"))?
        .try_iter()?
        .map(|rdn| owned_rdn(&rdn?))
        .collect::<PyResult<Vec<_>>>()?;
    let built = build_name(rdns.iter().map(|rdn| attributes(rdn)).collect());
    asn1::write_single(&built).map_err(|err| x509_error(X509Error::Encode(err)))
}

/// `encode_name_bytes(name)`: a `cryptography.x509.Name` as DER.
#[pyfunction]
pub(crate) fn encode_name_bytes<'py>(
    py: Python<'py>,
    name: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyBytes>> {
    Ok(PyBytes::new(py, &encode_name_der(name)?))
}
