//! `cryptography.hazmat.bindings._rust.declarative_asn1`: the objects that
//! `cryptography.hazmat.asn1` describes structures with, the value classes of the ASN.1
//! types Python has no type for, and `decode_der` / `encode_der`.
//!
//! A declared class's description (`__asn1_root__`, made of `Type` objects) is turned
//! into a core schema (`cryptography_asn1::declarative::Field`) once, on first use, and
//! kept on the class as `__asn1_schema__`. The core schema reads and writes the DER; this
//! module only converts leaves and builds or takes apart the Python objects.

use std::borrow::Cow;

use cryptography_asn1::declarative::{
    self, Build, Field, Inspect, Kind, Leaf, Size as CoreSize, Tagging, X509Kind,
};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{
    PyBool, PyBytes, PyDict, PyInt, PyList, PyMemoryView, PySlice, PyString, PyType,
};
use pyo3::{intern, PyTypeInfo};

use crate::oid::ObjectIdentifier;
use crate::x509::certificate::Certificate;
use crate::x509::crl::CertificateRevocationList;
use crate::x509::csr::CertificateSigningRequest;

/// The ASN.1 type of a declared field. The variants with fields hold what
/// `cryptography.hazmat.asn1` gives them, read back as `_0`, `_1`, ...
#[pyclass(frozen, module = "cryptography.hazmat.bindings._rust.declarative_asn1")]
pub(crate) enum Type {
    /// SEQUENCE: the class and its fields (name to `AnnotatedType`).
    Sequence(Py<PyType>, Py<PyDict>),
    /// SEQUENCE OF (`list[T]`).
    SequenceOf(Py<AnnotatedType>),
    /// SET: the class and its fields.
    Set(Py<PyType>, Py<PyDict>),
    /// SET OF (`SetOf[T]`).
    SetOf(Py<AnnotatedType>),
    /// OPTIONAL (`T | None`).
    Option(Py<AnnotatedType>),
    /// CHOICE: a list of `Variant`.
    Choice(Py<PyList>),
    /// A value set: the `enum.Enum` class, the type of its values, value to member.
    ValueSet(Py<PyType>, Py<AnnotatedType>, Py<PyDict>),
    PyBool(),
    PyInt(),
    PyBytes(),
    PyStr(),
    PrintableString(),
    IA5String(),
    ObjectIdentifier(),
    UtcTime(),
    GeneralizedTime(),
    BitString(),
    Tlv(),
    Null(),
    Certificate(),
    CertificateSigningRequest(),
    CertificateRevocationList(),
    Name(),
}

/// IMPLICIT or EXPLICIT tagging, with the tag number.
#[pyclass(frozen, module = "cryptography.hazmat.bindings._rust.declarative_asn1")]
pub(crate) enum Encoding {
    Implicit(u32),
    Explicit(u32),
}

/// A SIZE constraint.
#[pyclass(frozen, module = "cryptography.hazmat.bindings._rust.declarative_asn1")]
pub(crate) struct Size {
    #[pyo3(get)]
    min: usize,
    #[pyo3(get)]
    max: Option<usize>,
}

#[pymethods]
impl Size {
    #[new]
    fn new(min: usize, max: Option<usize>) -> Self {
        Size { min, max }
    }

    #[staticmethod]
    fn exact(n: usize) -> Self {
        Size {
            min: n,
            max: Some(n),
        }
    }
}

/// What a field's `Annotated[...]` adds to its type.
#[pyclass(frozen, module = "cryptography.hazmat.bindings._rust.declarative_asn1")]
pub(crate) struct Annotation {
    #[pyo3(get)]
    default: Option<Py<PyAny>>,
    #[pyo3(get)]
    encoding: Option<Py<Encoding>>,
    #[pyo3(get)]
    size: Option<Py<Size>>,
}

#[pymethods]
impl Annotation {
    #[new]
    #[pyo3(signature = (default = None, encoding = None, size = None))]
    fn new(
        default: Option<Py<PyAny>>,
        encoding: Option<Py<Encoding>>,
        size: Option<Py<Size>>,
    ) -> Self {
        Annotation {
            default,
            encoding,
            size,
        }
    }

    fn is_empty(&self) -> bool {
        self.default.is_none() && self.encoding.is_none() && self.size.is_none()
    }
}

/// A type with its annotation.
#[pyclass(frozen, module = "cryptography.hazmat.bindings._rust.declarative_asn1")]
pub(crate) struct AnnotatedType {
    #[pyo3(get)]
    inner: Py<Type>,
    #[pyo3(get)]
    annotation: Py<Annotation>,
}

#[pymethods]
impl AnnotatedType {
    #[new]
    fn new(inner: Py<Type>, annotation: Py<Annotation>) -> Self {
        AnnotatedType { inner, annotation }
    }
}

/// One alternative of a CHOICE: the class its values have (`asn1.Variant` for the
/// alternatives told apart by a tag name), its type, and that tag name.
#[pyclass(frozen, module = "cryptography.hazmat.bindings._rust.declarative_asn1")]
pub(crate) struct Variant {
    #[pyo3(get)]
    python_class: Py<PyType>,
    #[pyo3(get)]
    ann_type: Py<AnnotatedType>,
    #[pyo3(get)]
    tag_name: Option<String>,
}

#[pymethods]
impl Variant {
    #[new]
    fn new(
        python_class: Py<PyType>,
        ann_type: Py<AnnotatedType>,
        tag_name: Option<String>,
    ) -> Self {
        Variant {
            python_class,
            ann_type,
            tag_name,
        }
    }
}

/// The Python methods of a value class that wraps one Python object, `inner`: the
/// constructor (checked by the class's `checked`), the accessor that returns the object,
/// and equality, hashing and `repr` that are the object's.
macro_rules! single_value_methods {
    ($name:ident, $py_name:literal, $accessor:ident, $inner:ty) => {
        #[pymethods]
        impl $name {
            #[new]
            fn new(inner: Bound<'_, $inner>) -> PyResult<Self> {
                Self::checked(inner)
            }

            fn $accessor(&self, py: Python<'_>) -> Py<$inner> {
                self.inner.clone_ref(py)
            }

            fn __eq__(&self, py: Python<'_>, other: PyRef<'_, Self>) -> PyResult<bool> {
                self.inner.bind(py).as_any().eq(other.inner.bind(py))
            }

            fn __hash__(&self, py: Python<'_>) -> PyResult<isize> {
                self.inner.bind(py).hash()
            }

            fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
                Ok(format!(
                    concat!($py_name, "({})"),
                    self.inner.bind(py).repr()?
                ))
            }
        }
    };
}

/// A string class: its value, checked against the type's character set.
macro_rules! string_value_class {
    ($name:ident, $py_name:literal, $check:expr) => {
        #[pyclass(frozen, module = "cryptography.hazmat.bindings._rust.declarative_asn1")]
        pub(crate) struct $name {
            inner: Py<PyString>,
        }

        impl $name {
            fn checked(inner: Bound<'_, PyString>) -> PyResult<Self> {
                let check: fn(&str) -> bool = $check;
                if !check(&inner.to_cow()?) {
                    return Err(PyValueError::new_err(format!(
                        concat!("invalid ", $py_name, ": {}"),
                        inner
                    )));
                }
                Ok($name {
                    inner: inner.unbind(),
                })
            }
        }

        single_value_methods!($name, $py_name, as_str, PyString);
    };
}

string_value_class!(PrintableString, "PrintableString", |text| {
    asn1::PrintableString::new(text).is_some()
});
string_value_class!(IA5String, "IA5String", |text| asn1::IA5String::new(text)
    .is_some());

/// A Python datetime, which must be aware, as a UTC time and its microseconds.
fn aware_time(value: &Bound<'_, PyAny>, type_name: &str) -> PyResult<(asn1::DateTime, u32)> {
    let py = value.py();
    if value.getattr(intern!(py, "tzinfo"))?.is_none() {
        return Err(PyValueError::new_err(format!(
            "invalid {type_name}: cannot initialize with naive datetime object"
        )));
    }
    let time = crate::x509::utc_datetime(value)
        .map_err(|_| PyValueError::new_err(format!("invalid {type_name}: invalid date")))?;
    let microseconds = value.getattr(intern!(py, "microsecond"))?.extract()?;
    Ok((time, microseconds))
}

/// A UTCTime: a whole second between 1950 and 2049.
#[pyclass(
    frozen,
    name = "UTCTime",
    module = "cryptography.hazmat.bindings._rust.declarative_asn1"
)]
pub(crate) struct UtcTime {
    inner: Py<PyAny>,
    time: asn1::DateTime,
}

impl UtcTime {
    fn checked(inner: Bound<'_, PyAny>) -> PyResult<Self> {
        let (time, microseconds) = aware_time(&inner, "UTCTime")?;
        if microseconds != 0 {
            return Err(PyValueError::new_err(
                "invalid UTCTime: fractional seconds are not supported",
            ));
        }
        asn1::UtcTime::new(time.clone())
            .map_err(|err| PyValueError::new_err(format!("invalid UTCTime: {err}")))?;
        Ok(UtcTime {
            inner: inner.unbind(),
            time,
        })
    }
}

single_value_methods!(UtcTime, "UTCTime", as_datetime, PyAny);

/// A GeneralizedTime, to the microsecond.
#[pyclass(frozen, module = "cryptography.hazmat.bindings._rust.declarative_asn1")]
pub(crate) struct GeneralizedTime {
    inner: Py<PyAny>,
    time: asn1::DateTime,
    microseconds: u32,
}

impl GeneralizedTime {
    fn checked(inner: Bound<'_, PyAny>) -> PyResult<Self> {
        let (time, microseconds) = aware_time(&inner, "GeneralizedTime")?;
        Ok(GeneralizedTime {
            inner: inner.unbind(),
            time,
            microseconds,
        })
    }
}

single_value_methods!(GeneralizedTime, "GeneralizedTime", as_datetime, PyAny);

/// A BIT STRING: its bytes and the number of unused bits of the last one (which are 0).
#[pyclass(frozen, module = "cryptography.hazmat.bindings._rust.declarative_asn1")]
pub(crate) struct BitString {
    data: Py<PyBytes>,
    padding_bits: u8,
}

#[pymethods]
impl BitString {
    #[new]
    fn new(data: Bound<'_, PyBytes>, padding_bits: u8) -> PyResult<Self> {
        if asn1::BitString::new(data.as_bytes(), padding_bits).is_none() {
            return Err(PyValueError::new_err(format!(
                "invalid BIT STRING: data: {data}, padding_bits: {padding_bits}"
            )));
        }
        Ok(BitString {
            data: data.unbind(),
            padding_bits,
        })
    }

    fn as_bytes(&self, py: Python<'_>) -> Py<PyBytes> {
        self.data.clone_ref(py)
    }

    fn padding_bits(&self) -> u8 {
        self.padding_bits
    }

    fn __eq__(&self, py: Python<'_>, other: PyRef<'_, Self>) -> bool {
        self.padding_bits == other.padding_bits
            && self.data.bind(py).as_bytes() == other.data.bind(py).as_bytes()
    }

    fn __hash__(&self, py: Python<'_>) -> PyResult<isize> {
        (self.data.bind(py), self.padding_bits)
            .into_pyobject(py)?
            .hash()
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "BitString(data={}, padding_bits={})",
            self.data.bind(py).repr()?,
            self.padding_bits
        ))
    }
}

/// NULL.
#[pyclass(
    frozen,
    eq,
    hash,
    module = "cryptography.hazmat.bindings._rust.declarative_asn1"
)]
#[derive(PartialEq, Eq, Hash)]
pub(crate) struct Null;

#[pymethods]
impl Null {
    #[new]
    fn new() -> Self {
        Null
    }

    fn __repr__(&self) -> &'static str {
        "Null()"
    }
}

/// The values of a SET OF, in the order given (they are sorted when written).
#[pyclass(
    frozen,
    generic,
    module = "cryptography.hazmat.bindings._rust.declarative_asn1"
)]
pub(crate) struct SetOf {
    inner: Py<PyList>,
}

#[pymethods]
impl SetOf {
    #[new]
    fn new(inner: Py<PyList>) -> Self {
        SetOf { inner }
    }

    fn as_list(&self, py: Python<'_>) -> Py<PyList> {
        self.inner.clone_ref(py)
    }

    fn __eq__(&self, py: Python<'_>, other: PyRef<'_, Self>) -> PyResult<bool> {
        self.inner.bind(py).eq(other.inner.bind(py))
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!("SetOf({})", self.inner.bind(py).repr()?))
    }
}

/// Any one element, as read: its tag's bytes and its contents.
#[pyclass(frozen, module = "cryptography.hazmat.bindings._rust.declarative_asn1")]
pub(crate) struct Tlv {
    #[pyo3(get)]
    tag_bytes: Py<PyBytes>,
    /// The whole element.
    element: Py<PyBytes>,
    contents_start: usize,
}

impl Tlv {
    fn from_element(py: Python<'_>, element: &[u8]) -> PyResult<Self> {
        let tlv = asn1::parse_single::<asn1::Tlv<'_>>(element)
            .map_err(|err| crate::error::declarative_error(declarative::Error::Parse(err)))?;
        Ok(Tlv {
            tag_bytes: PyBytes::new(py, tlv.tag_bytes()).unbind(),
            element: PyBytes::new(py, element).unbind(),
            contents_start: element.len() - tlv.data().len(),
        })
    }
}

#[pymethods]
impl Tlv {
    #[getter]
    fn data<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let view = PyMemoryView::from(self.element.bind(py).as_any())?;
        let end = self.element.bind(py).as_bytes().len();
        view.get_item(PySlice::new(
            py,
            self.contents_start as isize,
            end as isize,
            1,
        ))
    }

    /// The element read as `cls`.
    fn parse<'py>(&self, py: Python<'py>, cls: &Bound<'py, PyType>) -> PyResult<Bound<'py, PyAny>> {
        decode_der(py, cls, self.element.bind(py).as_bytes())
    }
}

/// The host data of a schema node.
#[derive(Default)]
struct Host {
    /// A SEQUENCE or SET member's attribute name.
    name: Option<Py<PyString>>,
    /// The class a SEQUENCE or SET builds, a value set's enum.
    class: Option<Py<PyType>>,
    /// The class of a CHOICE alternative's values (`asn1.Variant` for named ones).
    alternative_class: Option<Py<PyType>>,
    /// A DEFAULT member's value.
    default: Option<Py<PyAny>>,
    /// The tag name of a CHOICE alternative told apart with `asn1.Variant`.
    tag_name: Option<Py<PyString>>,
    /// A value set's members by value.
    members: Option<Py<PyDict>>,
    /// How a SEQUENCE or SET class is instantiated.
    construction: Construction,
}

/// How a declared class's instances are made when read.
#[derive(Default)]
enum Construction {
    /// `cls(**fields)`.
    #[default]
    Call,
    /// What the `__init__` that dataclasses wrote does, without calling it: the fields
    /// set one by one on a new instance, then `__post_init__` when the class has one.
    Direct { post_init: bool },
}

impl Construction {
    fn of(class: &Bound<'_, PyType>) -> PyResult<Construction> {
        let py = class.py();
        let Ok(generated) = class.getattr(intern!(py, "__asn1_generated_init__")) else {
            return Ok(Construction::Call);
        };
        let init_is_generated = class.getattr(intern!(py, "__init__"))?.is(&generated);
        let plain_new = class
            .getattr(intern!(py, "__new__"))?
            .is(crate::types::OBJECT_NEW.get(py)?);
        // A frozen dataclass's __init__ bypasses its own __setattr__.
        let frozen = class
            .getattr(intern!(py, "__dataclass_params__"))
            .and_then(|params| params.getattr(intern!(py, "frozen")))
            .and_then(|frozen| frozen.is_truthy())
            .unwrap_or(true);
        if !init_is_generated || !plain_new || frozen {
            return Ok(Construction::Call);
        }
        Ok(Construction::Direct {
            post_init: class.hasattr(intern!(py, "__post_init__"))?,
        })
    }
}

type SchemaField = Field<Host>;

/// A class's schema, kept on the class.
#[pyclass(frozen, module = "cryptography.hazmat.bindings._rust.declarative_asn1")]
struct Schema {
    /// The class it was made for: a subclass that inherits the attribute makes its own.
    class: Py<PyAny>,
    root: SchemaField,
}

/// The ASN.1 type that a Python class without a declaration of its own is written as.
#[pyfunction]
pub(crate) fn non_root_python_to_rust(py: Python<'_>, class: &Bound<'_, PyType>) -> PyResult<Type> {
    builtin_type(py, class)?
        .ok_or_else(|| PyTypeError::new_err(format!("cannot handle type: {class:?}")))
}

fn builtin_type(py: Python<'_>, class: &Bound<'_, PyType>) -> PyResult<Option<Type>> {
    let is = |other: Bound<'_, PyType>| class.is(&other);
    Ok(Some(if is(PyInt::type_object(py)) {
        Type::PyInt()
    } else if is(PyBool::type_object(py)) {
        Type::PyBool()
    } else if is(PyString::type_object(py)) {
        Type::PyStr()
    } else if is(PyBytes::type_object(py)) {
        Type::PyBytes()
    } else if is(PrintableString::type_object(py)) {
        Type::PrintableString()
    } else if is(IA5String::type_object(py)) {
        Type::IA5String()
    } else if is(ObjectIdentifier::type_object(py)) {
        Type::ObjectIdentifier()
    } else if is(UtcTime::type_object(py)) {
        Type::UtcTime()
    } else if is(GeneralizedTime::type_object(py)) {
        Type::GeneralizedTime()
    } else if is(BitString::type_object(py)) {
        Type::BitString()
    } else if is(Tlv::type_object(py)) {
        Type::Tlv()
    } else if is(Null::type_object(py)) {
        Type::Null()
    } else if is(Certificate::type_object(py)) {
        Type::Certificate()
    } else if is(CertificateSigningRequest::type_object(py)) {
        Type::CertificateSigningRequest()
    } else if is(CertificateRevocationList::type_object(py)) {
        Type::CertificateRevocationList()
    } else if class.is(crate::types::NAME.get(py)?) {
        Type::Name()
    } else {
        return Ok(None);
    }))
}

/// The core schema of a `Type` described by `annotation`, with the host data `host`.
fn compile(
    py: Python<'_>,
    ty: &Type,
    annotation: Option<&Annotation>,
    mut host: Host,
) -> PyResult<SchemaField> {
    let tagging = annotation
        .and_then(|a| a.encoding.as_ref())
        .map(|encoding| match encoding.get() {
            Encoding::Implicit(n) => Tagging::Implicit(*n),
            Encoding::Explicit(n) => Tagging::Explicit(*n),
        });
    let size = annotation
        .and_then(|a| a.size.as_ref())
        .map(|size| CoreSize {
            min: size.get().min,
            max: size.get().max,
        });
    // OPTIONAL and value sets pass their tagging and SIZE to the value they wrap.
    let wrapped = |inner: &Py<AnnotatedType>| -> PyResult<SchemaField> {
        let inner = inner.get();
        let mut field = compile(
            py,
            inner.inner.get(),
            Some(inner.annotation.get()),
            Host::default(),
        )?;
        if tagging.is_some() {
            field.tagging = tagging;
        }
        if size.is_some() {
            field.size = size;
        }
        Ok(field)
    };
    let members = |fields: &Py<PyDict>| -> PyResult<Vec<SchemaField>> {
        fields
            .bind(py)
            .iter()
            .map(|(name, ann)| {
                let ann = ann.cast::<AnnotatedType>()?.get();
                let member_host = Host {
                    name: Some(name.cast_into::<PyString>()?.unbind()),
                    ..Host::default()
                };
                compile(py, ann.inner.get(), Some(ann.annotation.get()), member_host)
            })
            .collect()
    };
    let (kind, tagging, size) = match ty {
        Type::Option(inner) => (Kind::Optional(Box::new(wrapped(inner)?)), None, None),
        Type::ValueSet(class, inner, values) => {
            host.class = Some(class.clone_ref(py));
            host.members = Some(values.clone_ref(py));
            (Kind::ValueSet(Box::new(wrapped(inner)?)), None, None)
        }
        Type::Sequence(class, fields) => {
            host.construction = Construction::of(class.bind(py))?;
            host.class = Some(class.clone_ref(py));
            (Kind::Sequence(members(fields)?), tagging, size)
        }
        Type::Set(class, fields) => {
            host.construction = Construction::of(class.bind(py))?;
            host.class = Some(class.clone_ref(py));
            (Kind::Set(members(fields)?), tagging, size)
        }
        Type::SequenceOf(item) | Type::SetOf(item) => {
            let item = item.get();
            let item = Box::new(compile(
                py,
                item.inner.get(),
                Some(item.annotation.get()),
                Host::default(),
            )?);
            let kind = if matches!(ty, Type::SetOf(_)) {
                Kind::SetOf(item)
            } else {
                Kind::SequenceOf(item)
            };
            (kind, tagging, size)
        }
        Type::Choice(variants) => {
            let variants = variants
                .bind(py)
                .iter()
                .map(|variant| {
                    let variant = variant.cast::<Variant>()?.get();
                    let ann = variant.ann_type.get();
                    let variant_host = Host {
                        alternative_class: Some(variant.python_class.clone_ref(py)),
                        tag_name: variant
                            .tag_name
                            .as_ref()
                            .map(|tag| PyString::new(py, tag).unbind()),
                        ..Host::default()
                    };
                    compile(
                        py,
                        ann.inner.get(),
                        Some(ann.annotation.get()),
                        variant_host,
                    )
                })
                .collect::<PyResult<_>>()?;
            (Kind::Choice(variants), tagging, size)
        }
        leaf => (
            leaf_kind(leaf).ok_or_else(|| PyTypeError::new_err("not a leaf type"))?,
            tagging,
            size,
        ),
    };
    let mut field = Field::new(kind, host);
    field.tagging = tagging;
    field.size = size;
    if let Some(default) = annotation.and_then(|a| a.default.as_ref()) {
        // Kept as the DER the field writes for it: DER has one encoding per value.
        let der =
            declarative::encode(&field, default.bind(py), &PyHost { py }).map_err(PyErr::from)?;
        field.default = Some(der);
        field.host.default = Some(default.clone_ref(py));
    }
    Ok(field)
}

/// The kind of a type without inner types (`None` for the others).
fn leaf_kind(ty: &Type) -> Option<Kind<Host>> {
    Some(match ty {
        Type::PyBool() => Kind::Boolean,
        Type::PyInt() => Kind::Integer,
        Type::PyBytes() => Kind::OctetString,
        Type::PyStr() => Kind::Utf8String,
        Type::PrintableString() => Kind::PrintableString,
        Type::IA5String() => Kind::Ia5String,
        Type::ObjectIdentifier() => Kind::ObjectIdentifier,
        Type::UtcTime() => Kind::UtcTime,
        Type::GeneralizedTime() => Kind::GeneralizedTime,
        Type::BitString() => Kind::BitString,
        Type::Tlv() => Kind::Any,
        Type::Null() => Kind::Null,
        Type::Certificate() => Kind::X509(X509Kind::Certificate),
        Type::CertificateSigningRequest() => Kind::X509(X509Kind::CertificateRequest),
        Type::CertificateRevocationList() => Kind::X509(X509Kind::RevocationList),
        Type::Name() => Kind::X509(X509Kind::Name),
        Type::Sequence(..)
        | Type::SequenceOf(_)
        | Type::Set(..)
        | Type::SetOf(_)
        | Type::Option(_)
        | Type::Choice(_)
        | Type::ValueSet(..) => return None,
    })
}

/// The schema of a class declared with `asn1.sequence`, `asn1.set` or `asn1.value_set`,
/// made once and kept on the class; `None` for a class without a declaration.
fn declared_schema<'py>(class: &Bound<'py, PyType>) -> PyResult<Option<Bound<'py, Schema>>> {
    let py = class.py();
    if let Ok(schema) = class.getattr(intern!(py, "__asn1_schema__")) {
        if let Ok(schema) = schema.cast_into::<Schema>() {
            if schema.get().class.bind(py).is(class) {
                return Ok(Some(schema));
            }
        }
    }
    let Ok(root) = class.getattr(intern!(py, "__asn1_root__")) else {
        return Ok(None);
    };
    let root = root.cast_into::<Type>().map_err(|err| {
        PyTypeError::new_err(format!("unsupported root type: {:?}", err.into_inner()))
    })?;
    let schema = Bound::new(
        py,
        Schema {
            class: class.clone().into_any().unbind(),
            root: compile(py, root.get(), None, Host::default())?,
        },
    )?;
    class.setattr(intern!(py, "__asn1_schema__"), &schema)?;
    Ok(Some(schema))
}

/// A fresh schema for the values of `class`.
fn class_field(py: Python<'_>, class: &Bound<'_, PyType>) -> PyResult<SchemaField> {
    if let Some(ty) = builtin_type(py, class)? {
        return compile(py, &ty, None, Host::default());
    }
    match class.getattr(intern!(py, "__asn1_root__")) {
        Ok(root) => compile(py, root.cast::<Type>()?.get(), None, Host::default()),
        Err(_) => Err(PyTypeError::new_err(format!(
            "cannot handle type: {class:?}"
        ))),
    }
}

/// `decode_der(cls, data)`: `data`, one DER element, read as `cls`.
#[pyfunction]
pub(crate) fn decode_der<'py>(
    py: Python<'py>,
    cls: &Bound<'py, PyType>,
    value: &[u8],
) -> PyResult<Bound<'py, PyAny>> {
    if let Some(ty) = builtin_type(py, cls)? {
        let root = compile(py, &ty, None, Host::default())?;
        return declarative::decode(&root, value, &mut PyHost { py }).map_err(PyErr::from);
    }
    let schema = declared_schema(cls)?
        .ok_or_else(|| PyTypeError::new_err(format!("cannot handle type: {cls:?}")))?;
    declarative::decode(&schema.get().root, value, &mut PyHost { py }).map_err(PyErr::from)
}

/// `encode_der(value)`: the DER of `value`, written as its class describes it.
#[pyfunction]
pub(crate) fn encode_der<'py>(
    py: Python<'py>,
    value: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyBytes>> {
    let class = value.get_type();
    let der = if let Some(ty) = builtin_type(py, &class)? {
        let root = compile(py, &ty, None, Host::default())?;
        declarative::encode(&root, value, &PyHost { py })?
    } else if let Some(schema) = declared_schema(&class)? {
        declarative::encode(&schema.get().root, value, &PyHost { py })?
    } else if let Ok(set) = value.cast::<SetOf>() {
        // A SET OF on its own: its elements' class is the first one's.
        let items = set.get().inner.bind(py);
        let item = match items.iter().next() {
            Some(first) => class_field(py, &first.get_type())?,
            None => Field::new(Kind::Any, Host::default()),
        };
        let root = Field::new(Kind::SetOf(Box::new(item)), Host::default());
        declarative::encode(&root, value, &PyHost { py })?
    } else {
        return Err(PyTypeError::new_err(format!(
            "cannot handle type: {class:?}"
        )));
    };
    Ok(PyBytes::new(py, &der))
}

/// Reads and writes Python values for the core schemas.
struct PyHost<'py> {
    py: Python<'py>,
}

/// A failure reading or writing through a schema.
pub(crate) struct SchemaError(PyErr);

impl From<declarative::Error> for SchemaError {
    fn from(err: declarative::Error) -> Self {
        SchemaError(crate::error::declarative_error(err))
    }
}

impl From<asn1::WriteError> for SchemaError {
    fn from(err: asn1::WriteError) -> Self {
        SchemaError::from(declarative::Error::Write(err))
    }
}

impl From<pyo3::CastError<'_, '_>> for SchemaError {
    fn from(err: pyo3::CastError<'_, '_>) -> Self {
        SchemaError(err.into())
    }
}

impl From<PyErr> for SchemaError {
    fn from(err: PyErr) -> Self {
        SchemaError(err)
    }
}

impl From<SchemaError> for PyErr {
    fn from(err: SchemaError) -> PyErr {
        err.0
    }
}

fn class_of(field: &SchemaField) -> PyResult<&Py<PyType>> {
    field
        .host
        .class
        .as_ref()
        .ok_or_else(|| PyTypeError::new_err("ASN.1 structure without a class"))
}

fn alternative_class_of(field: &SchemaField) -> PyResult<&Py<PyType>> {
    field
        .host
        .alternative_class
        .as_ref()
        .ok_or_else(|| PyTypeError::new_err("CHOICE alternative without a class"))
}

fn members_of(field: &SchemaField) -> &[SchemaField] {
    match &field.kind {
        Kind::Sequence(members) | Kind::Set(members) => members,
        _ => &[],
    }
}

impl<'a, 'py> Build<'a, Host> for PyHost<'py> {
    type Value = Bound<'py, PyAny>;
    type Error = SchemaError;

    fn leaf(&mut self, field: &SchemaField, leaf: Leaf<'a>) -> Result<Self::Value, SchemaError> {
        let py = self.py;
        let _ = field;
        Ok(match leaf {
            Leaf::Boolean(value) => PyBool::new(py, value).to_owned().into_any(),
            Leaf::Integer(bytes) => crate::x509::int_from_der(py, &bytes, true)?,
            Leaf::OctetString(bytes) => PyBytes::new(py, &bytes).into_any(),
            Leaf::Utf8String(text) => PyString::new(py, &text).into_any(),
            Leaf::PrintableString(text) => Bound::new(
                py,
                PrintableString {
                    inner: PyString::new(py, &text).unbind(),
                },
            )?
            .into_any(),
            Leaf::Ia5String(text) => Bound::new(
                py,
                IA5String {
                    inner: PyString::new(py, &text).unbind(),
                },
            )?
            .into_any(),
            Leaf::ObjectIdentifier(oid) => {
                Bound::new(py, ObjectIdentifier::from_oid(oid))?.into_any()
            }
            Leaf::UtcTime(time) => {
                let inner = crate::x509::datetime(py, &time, true)?.unbind();
                Bound::new(py, UtcTime { inner, time })?.into_any()
            }
            Leaf::GeneralizedTime(time, nanoseconds) => {
                let nanoseconds = nanoseconds.unwrap_or(0);
                // Python's datetimes stop at the microsecond.
                if nanoseconds % 1000 != 0 {
                    return Err(PyValueError::new_err(
                        "decoded GeneralizedTime data has higher precision than supported",
                    )
                    .into());
                }
                let microseconds = nanoseconds / 1000;
                let inner = crate::x509::datetime_with_microseconds(py, &time, microseconds, true)?
                    .unbind();
                Bound::new(
                    py,
                    GeneralizedTime {
                        inner,
                        time,
                        microseconds,
                    },
                )?
                .into_any()
            }
            Leaf::BitString(bytes, padding_bits) => Bound::new(
                py,
                BitString {
                    data: PyBytes::new(py, &bytes).unbind(),
                    padding_bits,
                },
            )?
            .into_any(),
            Leaf::Null => Bound::new(py, Null)?.into_any(),
            Leaf::Any(element) => Bound::new(py, Tlv::from_element(py, &element)?)?.into_any(),
            Leaf::X509(kind, der) => match kind {
                X509Kind::Certificate => {
                    let core =
                        cryptography_x509::certificate::Certificate::from_der(der.into_owned())
                            .map_err(crate::x509::x509_error)?;
                    Bound::new(py, Certificate::from_core(py, core)?)?.into_any()
                }
                X509Kind::CertificateRequest => {
                    Bound::new(py, CertificateSigningRequest::from_der(der.into_owned())?)?
                        .into_any()
                }
                X509Kind::RevocationList => {
                    Bound::new(py, CertificateRevocationList::from_der(der.into_owned())?)?
                        .into_any()
                }
                X509Kind::Name => crate::x509::name::load_der_name(py, &der)?,
            },
        })
    }

    fn structure(
        &mut self,
        field: &SchemaField,
        values: Vec<Self::Value>,
    ) -> Result<Self::Value, SchemaError> {
        let py = self.py;
        let class = class_of(field)?.bind(py);
        let names = members_of(field)
            .iter()
            .map(|member| member.host.name.as_ref());
        match field.host.construction {
            Construction::Direct { post_init } => {
                let instance = crate::types::OBJECT_NEW.get(py)?.call1((class,))?;
                for (name, value) in names.zip(values) {
                    if let Some(name) = name {
                        instance.setattr(name.bind(py), value)?;
                    }
                }
                if post_init {
                    instance.call_method0(intern!(py, "__post_init__"))?;
                }
                Ok(instance)
            }
            Construction::Call => {
                let kwargs = PyDict::new(py);
                for (name, value) in names.zip(values) {
                    if let Some(name) = name {
                        kwargs.set_item(name.bind(py), value)?;
                    }
                }
                Ok(class.call((), Some(&kwargs))?)
            }
        }
    }

    fn absent(&mut self, member: &SchemaField) -> Result<Self::Value, SchemaError> {
        Ok(match &member.host.default {
            Some(default) => default.bind(self.py).clone(),
            None => self.py.None().into_bound(self.py),
        })
    }

    fn list(
        &mut self,
        field: &SchemaField,
        items: Vec<Self::Value>,
    ) -> Result<Self::Value, SchemaError> {
        let list = PyList::new(self.py, items)?;
        Ok(match field.kind {
            Kind::SetOf(_) => Bound::new(
                self.py,
                SetOf {
                    inner: list.unbind(),
                },
            )?
            .into_any(),
            _ => list.into_any(),
        })
    }

    fn chosen(
        &mut self,
        _choice: &SchemaField,
        variant: &SchemaField,
        value: Self::Value,
    ) -> Result<Self::Value, SchemaError> {
        Ok(match &variant.host.tag_name {
            Some(tag) => alternative_class_of(variant)?
                .bind(self.py)
                .call1((value, tag.bind(self.py)))?,
            None => value,
        })
    }

    fn member(
        &mut self,
        set: &SchemaField,
        value: Self::Value,
    ) -> Result<Self::Value, SchemaError> {
        let py = self.py;
        let members = set
            .host
            .members
            .as_ref()
            .ok_or_else(|| PyTypeError::new_err("value set without members"))?;
        match members.bind(py).get_item(&value)? {
            Some(member) => Ok(member),
            None => Err(PyValueError::new_err(format!(
                "{} is not a valid value for {}",
                value.str()?,
                class_of(set)?.bind(py).name()?
            ))
            .into()),
        }
    }
}

/// A Python int as the contents of a DER INTEGER (two's complement, minimal).
fn integer_contents(value: &Bound<'_, PyAny>) -> PyResult<Vec<u8>> {
    let int = value.cast::<PyInt>()?;
    if let Ok(small) = int.extract::<i64>() {
        let bytes = small.to_be_bytes();
        // Drop leading bytes that only repeat the sign of the next one.
        let redundant = bytes
            .windows(2)
            .take_while(|pair| {
                (pair[0] == 0 && pair[1] & 0x80 == 0) || (pair[0] == 0xff && pair[1] & 0x80 != 0)
            })
            .count();
        return Ok(bytes[redundant..].to_vec());
    }
    crate::x509::extensions::int_der_bytes(int.as_any())
}

fn type_name(value: &Bound<'_, PyAny>) -> PyResult<String> {
    Ok(value.get_type().name()?.to_string())
}

impl<'py> Inspect<Host> for PyHost<'py> {
    type Value = Bound<'py, PyAny>;
    type Error = SchemaError;

    fn leaf<'v>(
        &self,
        field: &SchemaField,
        value: &'v Self::Value,
    ) -> Result<Leaf<'v>, SchemaError> {
        let py = self.py;
        Ok(match &field.kind {
            Kind::Boolean => Leaf::Boolean(value.cast::<PyBool>()?.is_true()),
            Kind::Integer => Leaf::Integer(Cow::Owned(integer_contents(value)?)),
            Kind::OctetString => {
                Leaf::OctetString(Cow::Borrowed(value.cast::<PyBytes>()?.as_bytes()))
            }
            Kind::Utf8String => {
                Leaf::Utf8String(Cow::Owned(value.cast::<PyString>()?.to_cow()?.into_owned()))
            }
            Kind::PrintableString => Leaf::PrintableString(Cow::Owned(
                value
                    .cast::<PrintableString>()?
                    .get()
                    .inner
                    .bind(py)
                    .to_cow()?
                    .into_owned(),
            )),
            Kind::Ia5String => Leaf::Ia5String(Cow::Owned(
                value
                    .cast::<IA5String>()?
                    .get()
                    .inner
                    .bind(py)
                    .to_cow()?
                    .into_owned(),
            )),
            Kind::ObjectIdentifier => {
                Leaf::ObjectIdentifier(value.cast::<ObjectIdentifier>()?.get().oid().clone())
            }
            Kind::UtcTime => Leaf::UtcTime(value.cast::<UtcTime>()?.get().time.clone()),
            Kind::GeneralizedTime => {
                let time = value.cast::<GeneralizedTime>()?.get();
                let nanoseconds = (time.microseconds != 0).then_some(time.microseconds * 1000);
                Leaf::GeneralizedTime(time.time.clone(), nanoseconds)
            }
            Kind::BitString => {
                let bits = value.cast::<BitString>()?.get();
                Leaf::BitString(Cow::Borrowed(bits.data.as_bytes(py)), bits.padding_bits)
            }
            Kind::Null => {
                value.cast::<Null>()?;
                Leaf::Null
            }
            Kind::Any => Leaf::Any(Cow::Borrowed(
                value.cast::<Tlv>()?.get().element.as_bytes(py),
            )),
            Kind::X509(kind) => {
                let der = match kind {
                    X509Kind::Certificate => {
                        Cow::Borrowed(value.cast::<Certificate>()?.get().core().der())
                    }
                    X509Kind::CertificateRequest => {
                        Cow::Borrowed(value.cast::<CertificateSigningRequest>()?.get().der())
                    }
                    X509Kind::RevocationList => {
                        Cow::Borrowed(value.cast::<CertificateRevocationList>()?.get().der())
                    }
                    X509Kind::Name => {
                        if !value.is_instance(crate::types::NAME.get(py)?)? {
                            return Err(PyTypeError::new_err(format!(
                                "Name field must be an instance of x509.Name, got: {}",
                                type_name(value)?
                            ))
                            .into());
                        }
                        Cow::Owned(crate::x509::name::encode_name_der(value)?)
                    }
                };
                Leaf::X509(*kind, der)
            }
            Kind::Sequence(_)
            | Kind::Set(_)
            | Kind::SequenceOf(_)
            | Kind::SetOf(_)
            | Kind::Optional(_)
            | Kind::Choice(_)
            | Kind::ValueSet(_) => return Err(declarative::Error::Mismatch.into()),
        })
    }

    fn is_absent(&self, value: &Self::Value) -> bool {
        value.is_none()
    }

    fn member(
        &self,
        structure: &SchemaField,
        index: usize,
        value: &Self::Value,
    ) -> Result<Self::Value, SchemaError> {
        let py = self.py;
        if index == 0 {
            let class = class_of(structure)?.bind(py);
            if !value.is_instance(class)? {
                return Err(PyTypeError::new_err(format!(
                    "expected an instance of {}, got: {}",
                    class.name()?,
                    type_name(value)?
                ))
                .into());
            }
        }
        let name = members_of(structure)
            .get(index)
            .and_then(|member| member.host.name.as_ref())
            .ok_or_else(|| PyTypeError::new_err("ASN.1 member without a name"))?;
        Ok(value.getattr(name.bind(py))?)
    }

    fn items(
        &self,
        field: &SchemaField,
        value: &Self::Value,
    ) -> Result<Vec<Self::Value>, SchemaError> {
        let list = match field.kind {
            Kind::SetOf(_) => value.cast::<SetOf>()?.get().inner.bind(self.py).clone(),
            _ => value.cast::<PyList>()?.clone(),
        };
        Ok(list.iter().collect())
    }

    fn choose(
        &self,
        choice: &SchemaField,
        value: &Self::Value,
    ) -> Result<(usize, Self::Value), SchemaError> {
        let py = self.py;
        let Kind::Choice(variants) = &choice.kind else {
            return Err(declarative::Error::Mismatch.into());
        };
        let value_type = value.get_type();
        // Told apart by tag name: `asn1.Variant(value, tag)`.
        if variants.first().is_some_and(|v| v.host.tag_name.is_some()) {
            let tag = value.getattr(intern!(py, "tag"))?;
            for (index, variant) in variants.iter().enumerate() {
                let (Some(class), Some(name)) =
                    (&variant.host.alternative_class, &variant.host.tag_name)
                else {
                    continue;
                };
                if value.is_instance(class.bind(py))? && tag.eq(name.bind(py))? {
                    return Ok((index, value.getattr(intern!(py, "value"))?));
                }
            }
        } else {
            // The exact class first: `True` is an int too, but a BOOLEAN alternative
            // is the one meant for it.
            for exact in [true, false] {
                for (index, variant) in variants.iter().enumerate() {
                    let Some(class) = &variant.host.alternative_class else {
                        continue;
                    };
                    let matches = if exact {
                        value_type.is(class.bind(py))
                    } else {
                        value.is_instance(class.bind(py))?
                    };
                    if matches {
                        return Ok((index, value.clone()));
                    }
                }
            }
        }
        Err(PyValueError::new_err(format!(
            "could not find matching variant when encoding CHOICE field: value of type {} is not one of its alternatives",
            value_type.name()?
        ))
        .into())
    }

    fn member_value(
        &self,
        set: &SchemaField,
        value: &Self::Value,
    ) -> Result<Self::Value, SchemaError> {
        let py = self.py;
        let class = class_of(set)?.bind(py);
        if !value.is_instance(class)? {
            return Err(PyTypeError::new_err(format!(
                "value set field must be an instance of {}, got: {}",
                class.name()?,
                type_name(value)?
            ))
            .into());
        }
        Ok(value.getattr(intern!(py, "value"))?)
    }
}

pub(crate) fn add_to_module(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add_class::<Type>()?;
    module.add_class::<Encoding>()?;
    module.add_class::<Size>()?;
    module.add_class::<Annotation>()?;
    module.add_class::<AnnotatedType>()?;
    module.add_class::<Variant>()?;
    module.add_class::<PrintableString>()?;
    module.add_class::<IA5String>()?;
    module.add_class::<UtcTime>()?;
    module.add_class::<GeneralizedTime>()?;
    module.add_class::<BitString>()?;
    module.add_class::<Null>()?;
    module.add_class::<SetOf>()?;
    module.add_class::<Tlv>()?;
    module.add_function(wrap_pyfunction!(decode_der, module)?)?;
    module.add_function(wrap_pyfunction!(encode_der, module)?)?;
    module.add_function(wrap_pyfunction!(non_root_python_to_rust, module)?)?;
    Ok(())
}
