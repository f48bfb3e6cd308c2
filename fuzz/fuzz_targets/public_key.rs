//! Public keys: SubjectPublicKeyInfo and PKCS #1, in DER and in PEM.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = cryptography_keys::load_der_public_key(data);
    let _ = cryptography_keys::load_pem_public_key(data);
});
