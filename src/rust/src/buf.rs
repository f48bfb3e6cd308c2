//! Bytes-like input: `bytes`, `bytearray`, `memoryview` and anything else exporting a
//! contiguous buffer, read in place without a copy. `str` is refused with a `TypeError`.
//!
//! The package is built against the stable ABI from Python 3.9, where the buffer protocol
//! is not yet part of the limited API (it joined in 3.11). `PyObject_GetBuffer`,
//! `PyBuffer_Release` and the `Py_buffer` layout have been unchanged since Python 3.3 and
//! every interpreter exports them, so they are declared here directly.

#![allow(unsafe_code)]

use std::ffi::{c_char, c_int, c_void};
use std::mem::MaybeUninit;
use std::ops::Deref;

use cryptography_backend::Output;
use pyo3::exceptions::{PyBufferError, PyTypeError};
use pyo3::ffi::{PyObject, Py_ssize_t};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString};

/// CPython's `Py_buffer` (Include/pybuffer.h), stable since 3.3.
#[repr(C)]
struct RawBuffer {
    buf: *mut c_void,
    obj: *mut PyObject,
    len: Py_ssize_t,
    itemsize: Py_ssize_t,
    readonly: c_int,
    ndim: c_int,
    format: *mut c_char,
    shape: *mut Py_ssize_t,
    strides: *mut Py_ssize_t,
    suboffsets: *mut Py_ssize_t,
    internal: *mut c_void,
}

/// `PyBUF_SIMPLE`: a read-only, C-contiguous run of bytes.
const PYBUF_SIMPLE: c_int = 0;
/// `PyBUF_WRITABLE`: the same, writable.
const PYBUF_WRITABLE: c_int = 0x0001;

extern "C" {
    fn PyObject_GetBuffer(obj: *mut PyObject, view: *mut RawBuffer, flags: c_int) -> c_int;
    fn PyBuffer_Release(view: *mut RawBuffer);
}

/// A buffer export held open; released on drop. Boxed so its address never changes
/// while the exporter may refer to it.
struct BufferExport(Box<RawBuffer>);

impl Drop for BufferExport {
    fn drop(&mut self) {
        // SAFETY: the view was filled by a successful PyObject_GetBuffer and is released
        // exactly once. Drop runs while the calling thread is attached to the interpreter:
        // a `BytesLike` lives only inside a method call made from Python.
        unsafe { PyBuffer_Release(&mut *self.0) }
    }
}

// SAFETY: the export is only dropped (released) by the thread that holds the method's
// arguments, which is attached to the interpreter; moving the handle between threads in
// between does not touch Python state.
unsafe impl Send for BufferExport {}

/// Read access to the bytes of a bytes-like argument.
pub(crate) struct BytesLike<'a> {
    data: &'a [u8],
    _export: Option<BufferExport>,
}

impl Deref for BytesLike<'_> {
    type Target = [u8];

    fn deref(&self) -> &[u8] {
        self.data
    }
}

impl<'a, 'py> FromPyObject<'a, 'py> for BytesLike<'a> {
    type Error = PyErr;

    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        // The common case, `bytes`, needs no export: it is immutable and outlives the call.
        if obj.is_instance_of::<PyBytes>() {
            let data =
                <&'a [u8] as FromPyObject<'a, 'py>>::extract(obj).map_err(Into::<PyErr>::into)?;
            return Ok(BytesLike {
                data,
                _export: None,
            });
        }
        let export = export_buffer(obj, PYBUF_SIMPLE).map_err(|refused| match refused {
            ExportRefused::NotContiguous => not_contiguous(),
            ExportRefused::NoBuffer => {
                let type_name = obj
                    .get_type()
                    .str()
                    .map(|s| s.to_string())
                    .unwrap_or_default();
                // The hint is for text, the likely mistake; other types get the plain
                // message, as the reference words both.
                let hint = if obj.is_instance_of::<PyString>() {
                    "\nDid you mean to pass a bytestring instead?"
                } else {
                    ""
                };
                PyTypeError::new_err(format!(
                    "Cannot convert \"{type_name}\" instance to a buffer.{hint}"
                ))
            }
        })?;
        let (ptr, len) = export.region();
        let data = if len == 0 {
            &[][..]
        } else {
            // SAFETY: a PyBUF_SIMPLE export is `len` contiguous bytes at `ptr`, valid
            // until the export is released, which happens after `data`'s last use: both
            // live in the same `BytesLike`, and the export is dropped with it.
            unsafe { std::slice::from_raw_parts(ptr.cast_const(), len) }
        };
        Ok(BytesLike {
            data,
            _export: Some(export),
        })
    }
}

/// Requests a buffer export with `flags`; an error (with the interpreter's error cleared)
/// says whether the object has no buffer or only a non-contiguous one.
fn export_buffer(
    obj: Borrowed<'_, '_, PyAny>,
    flags: c_int,
) -> Result<BufferExport, ExportRefused> {
    let mut raw = Box::new(RawBuffer {
        buf: std::ptr::null_mut(),
        obj: std::ptr::null_mut(),
        len: 0,
        itemsize: 0,
        readonly: 0,
        ndim: 0,
        format: std::ptr::null_mut(),
        shape: std::ptr::null_mut(),
        strides: std::ptr::null_mut(),
        suboffsets: std::ptr::null_mut(),
        internal: std::ptr::null_mut(),
    });
    // SAFETY: `obj` is a valid object and `raw` a writable Py_buffer-sized struct.
    if unsafe { PyObject_GetBuffer(obj.as_ptr(), &mut *raw, flags) } != 0 {
        let err = PyErr::take(obj.py());
        // An exporter that refuses a contiguous view (a strided memoryview) raises
        // BufferError; anything else simply has no buffer.
        if err.is_some_and(|err| err.is_instance_of::<PyBufferError>(obj.py())) {
            return Err(ExportRefused::NotContiguous);
        }
        return Err(ExportRefused::NoBuffer);
    }
    Ok(BufferExport(raw))
}

/// Why an object gave no buffer export.
enum ExportRefused {
    NoBuffer,
    NotContiguous,
}

fn not_contiguous() -> PyErr {
    PyBufferError::new_err("Buffer is not contiguous.")
}

impl BufferExport {
    /// Start and length of the exported bytes (null and 0 for an empty export).
    fn region(&self) -> (*mut u8, usize) {
        let len = usize::try_from(self.0.len).unwrap_or(0);
        if self.0.buf.is_null() {
            (std::ptr::null_mut(), 0)
        } else {
            (self.0.buf.cast::<u8>(), len)
        }
    }
}

/// A writable buffer argument, such as the `buf` of `update_into`.
pub(crate) struct WritableBuffer {
    export: BufferExport,
}

impl WritableBuffer {
    pub(crate) fn len(&self) -> usize {
        self.export.region().1
    }

    /// The buffer as an output the core appends to, from its start.
    pub(crate) fn output(&mut self) -> Output<'_> {
        let (ptr, len) = self.export.region();
        if len == 0 {
            return Output::new(&mut []);
        }
        // SAFETY: a writable PyBUF_SIMPLE export is `len` contiguous, writable bytes at
        // `ptr`, valid while `self.export` is held; the borrow of `self` bounds the slice.
        // Its bytes were written by whoever made the buffer (a `bytearray` is zeroed on
        // creation), so they are initialised.
        Output::new(unsafe { std::slice::from_raw_parts_mut(ptr, len) })
    }
}

impl<'a, 'py> FromPyObject<'a, 'py> for WritableBuffer {
    type Error = PyErr;

    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        // A read-only exporter also refuses with BufferError: a plain export tells the
        // two cases apart.
        let export = export_buffer(obj, PYBUF_WRITABLE).map_err(|_| {
            match export_buffer(obj, PYBUF_SIMPLE) {
                Err(ExportRefused::NotContiguous) => not_contiguous(),
                _ => PyTypeError::new_err("Buffer is not writable."),
            }
        })?;
        Ok(WritableBuffer { export })
    }
}

/// Inputs at least this long are processed with the interpreter released, so that other
/// threads run meanwhile. Measured with `Hash.update`: detaching and re-attaching costs
/// about 35 ns, against 2.4 us for SHA-256 over 4 KiB (under 1.5%); for much shorter
/// inputs the share grows and no other thread gains much time.
pub(crate) const DETACH_THRESHOLD: usize = 4096;

/// Runs `work` over `data`, releasing the interpreter when the input is large.
pub(crate) fn run_detached_if_large<T: Send>(
    py: Python<'_>,
    data: &[u8],
    work: impl FnOnce(&[u8]) -> T + Send,
) -> T {
    if data.len() >= DETACH_THRESHOLD {
        py.detach(|| work(data))
    } else {
        work(data)
    }
}

/// A new `bytes` of `len` bytes, appended to an `Output` by `fill`.
///
/// `PyBytes::new_with` zeroes the buffer before `fill` runs. For large outputs that memset
/// is pure cost (8% of an AES-GCM encryption of 1 MiB, and a third of its memory
/// traffic, which two threads then share), so from `DETACH_THRESHOLD` up the memory is
/// handed over as allocated, as an `Output` over `MaybeUninit` bytes: the core can only
/// append initialised bytes to it, and whatever `fill` leaves is zeroed before the object
/// is returned. On failure the object is dropped unseen, so no earlier heap content can
/// reach Python.
pub(crate) fn new_bytes<'py>(
    py: Python<'py>,
    len: usize,
    fill: impl FnOnce(&mut Output<'_>) -> PyResult<()>,
) -> PyResult<Bound<'py, PyBytes>> {
    if len < DETACH_THRESHOLD {
        return PyBytes::new_with(py, len, |memory| {
            let mut out = Output::new(memory);
            fill(&mut out)?;
            out.zero_rest();
            Ok(())
        });
    }
    let size = Py_ssize_t::try_from(len)
        .map_err(|_| pyo3::exceptions::PyOverflowError::new_err("output too large"))?;
    // SAFETY: a null source makes CPython allocate a `bytes` of `size` bytes (and its NUL
    // terminator) without copying anything into it; a null result is an error, which
    // `from_owned_ptr_or_err` turns into a `PyErr`.
    let object = unsafe {
        Bound::from_owned_ptr_or_err(
            py,
            pyo3::ffi::PyBytes_FromStringAndSize(std::ptr::null(), size),
        )
    }?;
    let bytes = object.cast_into::<PyBytes>()?;
    // SAFETY: the object is a new `bytes` of `len` bytes that no other code has seen yet;
    // its buffer stays valid while `bytes` is alive, which outlives `memory`. The bytes
    // have not been written, hence `MaybeUninit`.
    let memory = unsafe {
        let data = pyo3::ffi::PyBytes_AsString(bytes.as_ptr()).cast::<MaybeUninit<u8>>();
        std::slice::from_raw_parts_mut(data, len)
    };
    let mut out = Output::uninit(memory);
    fill(&mut out)?;
    out.zero_rest();
    Ok(bytes)
}
