//! Long native work that Ctrl-C can stop: the interpreter is released, and the core's
//! loops ask every few milliseconds whether a signal is pending (Python runs its handlers
//! then; a `KeyboardInterrupt` it raises stops the work and is raised from the call).

use std::cell::RefCell;

use pyo3::prelude::*;

thread_local! {
    /// The exception a signal handler raised while this thread's work was checking.
    static PENDING: RefCell<Option<PyErr>> = const { RefCell::new(None) };
}

fn check_signals() -> bool {
    Python::attach(|py| match py.check_signals() {
        Ok(()) => true,
        Err(err) => {
            PENDING.with(|pending| *pending.borrow_mut() = Some(err));
            false
        }
    })
}

/// Runs `work` with the interpreter released, stoppable by a signal handler's exception.
pub(crate) fn detach_interruptible<T: Send>(py: Python<'_>, work: impl FnOnce() -> T + Send) -> T {
    py.detach(|| cryptography_backend::interrupt::interruptible(Box::new(check_signals), work))
}

/// The exception that stopped this thread's work (`KeyboardInterrupt` if none was kept).
pub(crate) fn take_pending() -> PyErr {
    PENDING
        .with(|pending| pending.borrow_mut().take())
        .unwrap_or_else(|| pyo3::exceptions::PyKeyboardInterrupt::new_err(()))
}
