//! Letting the caller stop a long computation.
//!
//! A PBKDF2 with a billion iterations (which an encrypted key file can ask for) runs for
//! minutes; its caller may want to stop it, as Python does on Ctrl-C. The caller installs
//! a check for the current thread with [`interruptible`]; long loops here ask it every few
//! milliseconds of work through [`keep_going`], and stop with [`Error::Interrupted`] when
//! it says no. Without an installed check, nothing stops.
//!
//! A thread-local hook rather than a parameter: the loops sit below layers (the key
//! encodings' decryption, say) that have no business knowing about it.

use std::cell::RefCell;

use crate::error::{Error, Result};

/// The check: `true` to go on.
pub type Check = Box<dyn FnMut() -> bool>;

thread_local! {
    static CHECK: RefCell<Option<Check>> = const { RefCell::new(None) };
}

/// Restores the previous check when `interruptible` ends, even by unwinding.
struct Restore(Option<Check>);

impl Drop for Restore {
    fn drop(&mut self) {
        let previous = self.0.take();
        CHECK.with(|slot| *slot.borrow_mut() = previous);
    }
}

/// Runs `work` with `check` asked, on this thread, whether long loops may go on.
pub fn interruptible<T>(check: Check, work: impl FnOnce() -> T) -> T {
    let previous = CHECK.with(|slot| slot.borrow_mut().replace(check));
    let _restore = Restore(previous);
    work()
}

/// Asks the installed check, if any. The check is taken out while it runs, so that
/// work it triggers (a signal handler deriving a key, say) is not interrupted by it.
pub fn keep_going() -> Result<()> {
    let Some(mut check) = CHECK.with(|slot| slot.borrow_mut().take()) else {
        return Ok(());
    };
    let go_on = check();
    CHECK.with(|slot| {
        let mut slot = slot.borrow_mut();
        if slot.is_none() {
            *slot = Some(check);
        }
    });
    if go_on {
        Ok(())
    } else {
        Err(Error::Interrupted)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_check_never_stops() {
        assert!(keep_going().is_ok());
    }

    #[test]
    fn a_check_stops_and_is_removed_afterwards() {
        let mut calls = 0;
        let result = interruptible(
            Box::new(move || {
                calls += 1;
                calls < 3
            }),
            || (keep_going(), keep_going(), keep_going()),
        );
        assert!(result.0.is_ok() && result.1.is_ok());
        assert!(matches!(result.2, Err(Error::Interrupted)));
        assert!(keep_going().is_ok());
    }

    #[test]
    fn nested_work_inside_the_check_is_not_interrupted() {
        // The check itself runs work that asks `keep_going`: it must go on (the check is
        // taken out while it runs), and the outer work still stops.
        let stopped = interruptible(
            Box::new(|| {
                let nested = keep_going();
                assert!(nested.is_ok());
                false
            }),
            keep_going,
        );
        assert!(matches!(stopped, Err(Error::Interrupted)));
    }
}
