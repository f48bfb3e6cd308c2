//! DER private keys: PKCS #8 (plain and encrypted), PKCS #1, SEC1 and OpenSSL's DSA
//! structure, with and without RSA's full validation. Key derivations run under a budget
//! of interrupt checks (see pem_private_key.rs).
#![no_main]

use cryptography_backend::interrupt::interruptible;
use libfuzzer_sys::fuzz_target;

fn budget() -> Box<dyn FnMut() -> bool> {
    let mut left = 64u32;
    Box::new(move || {
        left = left.saturating_sub(1);
        left > 0
    })
}

fuzz_target!(|data: &[u8]| {
    let _ = cryptography_keys::load_der_private_key(data, None, true);
    let _ = interruptible(budget(), || {
        cryptography_keys::load_der_private_key(data, Some(b"password"), false)
    });
});
