//! The certificates of PKCS#7 SignedData, read as DER (BER through OpenSSL when DER
//! fails) and as PEM; what loads is written back as a certs-only SignedData that loads
//! again to the same certificates.
#![no_main]

use cryptography_x509::pkcs7;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = pkcs7::load_pem_certificates(data);
    let Ok(loaded) = pkcs7::load_der_certificates(data) else {
        return;
    };
    if loaded.certificates.is_empty() {
        return;
    }
    let certificates: Vec<_> = loaded.certificates.iter().collect();
    let written = pkcs7::serialize_certificates(&certificates).expect("loaded certificates write");
    let again = pkcs7::load_der_certificates(&written).expect("written certificates load");
    assert_eq!(again.certificates.len(), certificates.len());
});
