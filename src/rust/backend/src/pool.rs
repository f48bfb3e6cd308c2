//! Keyed contexts kept for reuse. Objects shared between threads (an AEAD key, a Fernet
//! key) key their OpenSSL contexts once; each call takes a spare context, or copies the
//! keyed template when none is free, and hands it back afterwards. Restarting a context
//! with a new IV costs far less than copying one (an allocation, a copy of the key
//! schedule, and a wipe and free at the end).

use std::sync::Mutex;

use crate::error::Result;

/// Spare contexts kept: enough for the threads that typically share one key.
const MAX_SPARE: usize = 4;

pub(crate) struct Pool<T> {
    spare: Mutex<Vec<T>>,
}

impl<T> Pool<T> {
    pub(crate) fn new() -> Self {
        Pool {
            spare: Mutex::new(Vec::new()),
        }
    }

    /// Runs `work` on a spare context, or on a new one from `make`, and keeps the context
    /// for the next call (whatever the outcome: callers restart a context before use).
    pub(crate) fn with<R>(
        &self,
        make: impl FnOnce() -> Result<T>,
        work: impl FnOnce(&mut T) -> Result<R>,
    ) -> Result<R> {
        let spare = self.spare.lock().ok().and_then(|mut spare| spare.pop());
        let mut item = match spare {
            Some(item) => item,
            None => make()?,
        };
        let result = work(&mut item);
        if let Ok(mut spare) = self.spare.lock() {
            if spare.len() < MAX_SPARE {
                spare.push(item);
            }
        }
        result
    }
}
