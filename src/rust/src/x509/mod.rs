//! X.509 (`cryptography.hazmat.bindings._rust.x509`): certificates and names over the
//! core's `cryptography_x509`, converted to and from the Python value classes of
//! `cryptography.x509`.

pub(crate) mod builders;
pub(crate) mod certificate;
pub(crate) mod crl;
pub(crate) mod csr;
pub(crate) mod extension_objects;
pub(crate) mod extensions;
pub(crate) mod name;
pub(crate) mod ocsp;
pub(crate) mod sct;
pub(crate) mod signature;
pub(crate) mod test_support;

use cryptography_x509::X509Error;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;

/// Core errors as the reference raises them when reading X.509.
pub(crate) fn x509_error(err: X509Error) -> PyErr {
    match err {
        X509Error::InvalidVersion(version)
        | X509Error::InvalidCsrVersion(version)
        | X509Error::InvalidCrlVersion(version) => {
            Python::attach(|py| match crate::types::INVALID_VERSION.get(py) {
                Ok(class) => match class.call1((err.to_string(), version)) {
                    Ok(instance) => PyErr::from_value(instance),
                    Err(failed) => failed,
                },
                Err(failed) => failed,
            })
        }
        X509Error::DuplicateExtension(ref oid) => Python::attach(|py| {
            let class = match py
                .import("cryptography.x509.extensions")
                .and_then(|module| module.getattr("DuplicateExtension"))
            {
                Ok(class) => class,
                Err(failed) => return failed,
            };
            let oid = match Bound::new(py, crate::oid::ObjectIdentifier::from_oid(oid.clone())) {
                Ok(oid) => oid,
                Err(failed) => return failed,
            };
            match class.call1((
                format!("Duplicate {} extension found", oid.get().oid()),
                oid,
            )) {
                Ok(instance) => PyErr::from_value(instance),
                Err(failed) => failed,
            }
        }),
        other => PyValueError::new_err(other.to_string()),
    }
}

/// An instance of `class` holding these attributes, made without running its
/// `__init__`: for value objects read from DER, whose parts are already of the right
/// types (the constructors' checks are for callers' arguments, and cost more than the
/// rest of reading).
pub(crate) fn unchecked_instance<'py>(
    class: &Bound<'py, PyAny>,
    fields: &[(&Bound<'py, pyo3::types::PyString>, Bound<'py, PyAny>)],
) -> PyResult<Bound<'py, PyAny>> {
    let object = crate::types::OBJECT_NEW.get(class.py())?.call1((class,))?;
    for (name, value) in fields {
        object.setattr(*name, value)?;
    }
    Ok(object)
}

/// `datetime.datetime` and `datetime.timezone.utc`, fetched once.
struct DatetimeTypes {
    datetime: Py<PyAny>,
    utc: Py<PyAny>,
}

static DATETIME: PyOnceLock<DatetimeTypes> = PyOnceLock::new();

fn datetime_types(py: Python<'_>) -> PyResult<&DatetimeTypes> {
    DATETIME.get_or_try_init(py, || {
        let module = py.import("datetime")?;
        Ok::<_, PyErr>(DatetimeTypes {
            datetime: module.getattr("datetime")?.unbind(),
            utc: module.getattr("timezone")?.getattr("utc")?.unbind(),
        })
    })
}

/// The current time, as an aware (UTC) Python datetime.
pub(crate) fn now_utc(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    let types = datetime_types(py)?;
    types
        .datetime
        .bind(py)
        .call_method1(pyo3::intern!(py, "now"), (types.utc.bind(py),))
}

/// A UTC time as a Python datetime: aware (`tzinfo=utc`) or naive.
pub(crate) fn datetime<'py>(
    py: Python<'py>,
    time: &asn1::DateTime,
    aware: bool,
) -> PyResult<Bound<'py, PyAny>> {
    datetime_with_microseconds(py, time, 0, aware)
}

/// A UTC time and its microseconds as a Python datetime: aware (`tzinfo=utc`) or naive.
pub(crate) fn datetime_with_microseconds<'py>(
    py: Python<'py>,
    time: &asn1::DateTime,
    microseconds: u32,
    aware: bool,
) -> PyResult<Bound<'py, PyAny>> {
    let types = datetime_types(py)?;
    // Positional arguments (tzinfo is the eighth): no keyword dictionary to build.
    let tzinfo = if aware {
        types.utc.bind(py).clone()
    } else {
        py.None().into_bound(py)
    };
    types.datetime.bind(py).call1((
        time.year(),
        time.month(),
        time.day(),
        time.hour(),
        time.minute(),
        time.second(),
        microseconds,
        tzinfo,
    ))
}

/// The deprecation warning of the naive datetime properties.
pub(crate) fn warn_naive(py: Python<'_>, replacement: &str) -> PyResult<()> {
    let category = crate::types::DEPRECATION_WARNING.get(py)?;
    let message = std::ffi::CString::new(format!(
        "Properties that return a naïve datetime object have been deprecated. Please switch to {replacement}."
    ))?;
    PyErr::warn(py, category, &message, 1)
}

/// A Python datetime as a UTC time: naive ones are taken to be UTC, aware ones are
/// converted. Microseconds are dropped (X.509 times have whole seconds).
pub(crate) fn utc_datetime(value: &Bound<'_, PyAny>) -> PyResult<asn1::DateTime> {
    let py = value.py();
    let value = if value.getattr("tzinfo")?.is_none() {
        value.clone()
    } else {
        let utc = py.import("datetime")?.getattr("timezone")?.getattr("utc")?;
        value.call_method1("astimezone", (utc,))?
    };
    let field = |name: &str| -> PyResult<u8> { value.getattr(name)?.extract() };
    let year: u16 = value.getattr("year")?.extract()?;
    asn1::DateTime::new(
        year,
        field("month")?,
        field("day")?,
        field("hour")?,
        field("minute")?,
        field("second")?,
    )
    .map_err(|_| PyValueError::new_err("invalid date"))
}

/// The Python hash object of a hash algorithm's OID, if it is one the package has.
pub(crate) fn hash_object<'py>(
    py: Python<'py>,
    oid: &asn1::ObjectIdentifier,
) -> PyResult<Option<Bound<'py, PyAny>>> {
    let Some(name) = cryptography_x509::signature::hash_class_name(oid) else {
        return Ok(None);
    };
    Ok(Some(
        crate::types::HASHES_MODULE
            .get(py)?
            .getattr(name)?
            .call0()?,
    ))
}

/// A `public_bytes` argument as an `Encoding` (a TypeError naming what it is if not).
pub(crate) fn encoding_argument(
    encoding: &Bound<'_, PyAny>,
) -> PyResult<crate::serialization::Encoding> {
    let checked = encoding
        .cast::<crate::serialization::Encoding>()
        .map_err(|_| {
            let kind = encoding.get_type().name().map(|n| n.to_string());
            pyo3::exceptions::PyTypeError::new_err(format!(
                "'{}' object is not an instance of 'Encoding'",
                kind.unwrap_or_default()
            ))
        })?;
    Ok(*checked.get())
}

/// A loaded object's `public_bytes(encoding)`: its DER, or PEM under `label`.
pub(crate) fn der_or_pem<'py>(
    py: Python<'py>,
    encoding: &Bound<'py, PyAny>,
    der: &[u8],
    label: &str,
) -> PyResult<Bound<'py, pyo3::types::PyBytes>> {
    use crate::serialization::Encoding;
    use pyo3::exceptions::PyTypeError;
    match encoding_argument(encoding)? {
        Encoding::DER => Ok(pyo3::types::PyBytes::new(py, der)),
        Encoding::PEM => Ok(pyo3::types::PyBytes::new(
            py,
            &cryptography_keys::armor::encode(label, der, &[]),
        )),
        _ => Err(PyTypeError::new_err(
            "encoding must be Encoding.DER or Encoding.PEM",
        )),
    }
}

/// The hash of a loaded object (of its DER, which is what equality compares).
pub(crate) fn der_hash(der: &[u8]) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    der.hash(&mut hasher);
    hasher.finish()
}

/// A signed big-endian integer (two's complement), or an unsigned one, as a Python int.
pub(crate) fn int_from_der<'py>(
    py: Python<'py>,
    bytes: &[u8],
    signed: bool,
) -> PyResult<Bound<'py, PyAny>> {
    // Up to 16 bytes (serial numbers are at most 20, and usually 16 or fewer) fit a
    // 128-bit integer: converted here, without a call into Python.
    if bytes.len() <= 16 {
        let negative = signed && bytes.first().is_some_and(|byte| byte & 0x80 != 0);
        let mut wide = if negative { [0xff; 16] } else { [0; 16] };
        wide[16 - bytes.len()..].copy_from_slice(bytes);
        return if signed {
            Ok(i128::from_be_bytes(wide).into_pyobject(py)?.into_any())
        } else {
            Ok(u128::from_be_bytes(wide).into_pyobject(py)?.into_any())
        };
    }
    // Longer: a non-negative value needs no keyword argument (signed=False is the
    // default); a negative one, rare in certificates, takes the keyword call.
    let int_type = py.get_type::<pyo3::types::PyInt>();
    let negative = signed && bytes.first().is_some_and(|byte| byte & 0x80 != 0);
    if !negative {
        return int_type.call_method1(
            pyo3::intern!(py, "from_bytes"),
            (
                pyo3::types::PyBytes::new(py, bytes),
                pyo3::intern!(py, "big"),
            ),
        );
    }
    let kwargs = pyo3::types::PyDict::new(py);
    kwargs.set_item("signed", signed)?;
    int_type.call_method(
        "from_bytes",
        (pyo3::types::PyBytes::new(py, bytes), "big"),
        Some(&kwargs),
    )
}

/// Whether `public_key` verifies a signature, as `is_signature_valid` reports it: False,
/// not an error, for a signature that does not hold or an algorithm that is not checked.
pub(crate) fn signature_holds(
    py: Python<'_>,
    public_key: &Bound<'_, PyAny>,
    algorithm: &cryptography_asn1::algorithm::AlgorithmIdentifier<'_>,
    signature: &[u8],
    data: &[u8],
) -> PyResult<bool> {
    match signature::verify(py, public_key, algorithm, signature, data) {
        Ok(()) => Ok(true),
        Err(err) => {
            let err = PyErr::from(err);
            let invalid = py
                .import("cryptography.exceptions")?
                .getattr("InvalidSignature")?;
            if err.is_instance(py, &invalid) || err.is_instance_of::<PyValueError>(py) {
                Ok(false)
            } else {
                Err(err)
            }
        }
    }
}
