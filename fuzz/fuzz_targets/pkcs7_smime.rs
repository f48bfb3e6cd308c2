//! S/MIME and PKCS#7 as decryption and verification read them: the MIME entity of an
//! application/pkcs7-mime message, then the EnvelopedData addressed to a fixed
//! certificate (the key refusing every content key, so the padding check runs on a
//! random key), with and without the text/plain header removal; and the parts of a
//! signed message, whose SignedData is verified (signers looked up in it and against
//! the fixed certificate).
#![no_main]

use cryptography_x509::pkcs7;
use cryptography_x509::Certificate;
use libfuzzer_sys::fuzz_target;

/// vectors/x509/ed25519-ca.der (see the README there).
const RECIPIENT: &[u8] = include_bytes!("../../vectors/x509/ed25519-ca.der");

fuzz_target!(|data: &[u8]| {
    let recipient = Certificate::from_der(RECIPIENT.to_vec()).expect("the fixture loads");
    let der = pkcs7::smime_enveloped_der(data).unwrap_or_else(|_| data.to_vec());
    for text in [false, true] {
        let mut refuse = |_: &[u8]| Ok(None);
        let _ = pkcs7::decrypt(&der, &recipient, &mut refuse, text);
    }
    if let Ok(parts) = pkcs7::smime_signed_parts(data) {
        let _ = pkcs7::verify(&parts.signature, parts.content.as_deref(), &[&recipient]);
    }
    let _ = pkcs7::verify(data, None, &[&recipient]);
    let _ = pkcs7::verify(data, Some(b"content"), &[]);
});
