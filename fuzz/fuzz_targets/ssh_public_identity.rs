//! OpenSSH public key lines and certificates: parsed, certificates' signatures checked,
//! and accepted keys written back.
#![no_main]

use cryptography_keys::ssh::{self, Identity};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    match ssh::load_public_identity(data, true) {
        Ok(Identity::Key(key)) => {
            if let Ok(line) = ssh::public_line(key.as_key_ref()) {
                assert!(ssh::load_public_key(&line).is_ok());
            }
        }
        Ok(Identity::Certificate(certificate, _)) => {
            let _ = certificate.verify();
            let _ = certificate.signature_key();
            let line = certificate.public_line();
            assert!(ssh::load_public_identity(&line, true).is_ok());
        }
        Err(_) => {}
    }
});
