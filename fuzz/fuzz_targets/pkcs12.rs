//! PKCS#12 files through the native DER reader, OpenSSL's parser and the DER check:
//! every input either opens (under the vectors' passwords, or none) or is refused, and
//! what opens hands back a PKCS#8 key and certificates that the keys and X.509 crates
//! read as they read any; what the native reader opens, OpenSSL opens too.
#![no_main]

use cryptography_backend::pkcs12;
use cryptography_x509::pkcs12::{not_der, read_der};
use cryptography_x509::Certificate;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = not_der(data);
    for password in [None, Some(b"cryptography".as_slice()), Some(b"password")] {
        let native = read_der(data, password);
        let Ok(contents) = pkcs12::parse(data, password) else {
            assert!(native.is_none(), "read natively, refused by OpenSSL");
            continue;
        };
        if let Some(pkcs8) = &contents.key_pkcs8 {
            let _ = cryptography_keys::load_der_private_key(pkcs8, None, false);
        }
        for certificate in contents.certificate.into_iter().chain(contents.others) {
            let _ = Certificate::from_der(certificate.der);
        }
    }
});
