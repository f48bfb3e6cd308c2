//! PEM private keys: the armor (the `pem` crate's framing, DEK-Info headers), then every
//! private-key structure, plain and encrypted (with a password, so that decryption and
//! the key derivations run too). A file may ask for up to 2**31 - 1 key-derivation
//! iterations, which is minutes of work: the core's interrupt hook stops a derivation
//! after a budget of checks, so that every input runs in bounded time.
#![no_main]

use cryptography_backend::interrupt::interruptible;
use libfuzzer_sys::fuzz_target;

/// About 64 checks of 4096 iterations each.
fn budget() -> Box<dyn FnMut() -> bool> {
    let mut left = 64u32;
    Box::new(move || {
        left = left.saturating_sub(1);
        left > 0
    })
}

fuzz_target!(|data: &[u8]| {
    let _ = cryptography_keys::load_pem_private_key(data, None, true);
    let _ = interruptible(budget(), || {
        cryptography_keys::load_pem_private_key(data, Some(b"password"), true)
    });
});
