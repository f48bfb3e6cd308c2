//! The rules for a caller's own output buffer (the `*_into` methods): exactly the output's
//! length, or room for it.

use crate::error::{BufferError, Result};

/// A buffer for an output of exactly `expected` bytes (AEADs, KDFs).
pub fn check_exact(buffer_len: usize, expected: usize) -> Result<()> {
    if buffer_len == expected {
        Ok(())
    } else {
        Err(BufferError::Length { expected }.into())
    }
}

/// A buffer with room for `needed` bytes (Cobblestone's chunks).
pub fn check_room(buffer_len: usize, needed: usize) -> Result<()> {
    if buffer_len >= needed {
        Ok(())
    } else {
        Err(BufferError::TooSmall { needed }.into())
    }
}

/// A cipher context's `update_into` buffer: room for the data and one block less a
/// byte, whatever the context holds back (the documented rule, simpler for callers to
/// size than the exact output).
pub fn check_room_for_payload(buffer_len: usize, data_len: usize, block_len: usize) -> Result<()> {
    let needed = data_len.saturating_add(block_len.saturating_sub(1));
    if buffer_len >= needed {
        Ok(())
    } else {
        Err(BufferError::TooSmallForPayload { needed }.into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Error;

    #[test]
    fn buffer_rules() {
        assert!(check_exact(16, 16).is_ok());
        assert!(matches!(
            check_exact(17, 16),
            Err(Error::Buffer(BufferError::Length { expected: 16 }))
        ));
        assert!(check_room(20, 16).is_ok());
        assert!(matches!(
            check_room(15, 16),
            Err(Error::Buffer(BufferError::TooSmall { needed: 16 }))
        ));
        assert!(check_room_for_payload(31, 16, 16).is_ok());
        assert!(matches!(
            check_room_for_payload(30, 16, 16),
            Err(Error::Buffer(BufferError::TooSmallForPayload {
                needed: 31
            }))
        ));
        assert!(check_room_for_payload(16, 16, 1).is_ok());
    }
}
