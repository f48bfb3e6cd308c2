//! OpenSSH private key files (openssh-key-v1), unencrypted and encrypted: the first
//! byte picks whether the passphrase "password" is given and whether RSA keys get
//! their full check. bcrypt_pbkdf's rounds are capped at 16 (the file chooses them).
#![no_main]

use cryptography_keys::ssh::{self, private};
use cryptography_keys::PrivateKey;
use libfuzzer_sys::fuzz_target;

fn public_blob(key: &PrivateKey) -> Vec<u8> {
    ssh::public_blob(key.public_key().unwrap().as_key_ref()).unwrap()
}

fuzz_target!(|data: &[u8]| {
    let Some((&choice, file)) = data.split_first() else {
        return;
    };
    let password: Option<&[u8]> = (choice & 1 == 1).then_some(b"password");
    if let Ok(key) = private::load_limited(file, password, choice & 2 == 0, 16) {
        // Whatever loads is written back and reads as the same public key.
        let written = private::serialize(key.as_key_ref(), None).unwrap();
        let again = private::load(&written, None, false).unwrap();
        assert_eq!(public_blob(&key), public_blob(&again));
    }
});
