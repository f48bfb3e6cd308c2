//! PEM private keys: the armor (the `pem` crate's framing, DEK-Info headers), then every
//! private-key structure, plain and encrypted (with a password, so that decryption and
//! the key derivations run too, under a budget: see `derivation_budget`).
#![no_main]

use cryptography_backend::interrupt::interruptible;
use cryptography_fuzz::derivation_budget;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = cryptography_keys::load_pem_private_key(data, None, true);
    let _ = interruptible(derivation_budget(), || {
        cryptography_keys::load_pem_private_key(data, Some(b"password"), true)
    });
});
