//! DER private keys: PKCS #8 (plain and encrypted), PKCS #1, SEC1 and OpenSSL's DSA
//! structure, with and without RSA's full validation; key derivations run under a
//! budget (see `derivation_budget`).
#![no_main]

use cryptography_backend::interrupt::interruptible;
use cryptography_fuzz::derivation_budget;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = cryptography_keys::load_der_private_key(data, None, true);
    let _ = interruptible(derivation_budget(), || {
        cryptography_keys::load_der_private_key(data, Some(b"password"), false)
    });
});
