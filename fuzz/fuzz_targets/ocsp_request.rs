//! OCSP requests from DER, and what is read from one: its CertID, its extensions
//! decoded, and its DER written back (strict DER has one encoding).
#![no_main]

use cryptography_x509::extensions::{self, Context};
use cryptography_x509::ocsp::Request;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(request) = Request::from_der(data.to_vec()) else {
        return;
    };
    let _ = request.cert_id().serial_number.as_bytes();
    let tbs = &request.parsed().tbs_request;
    if let Ok(list) = extensions::unique(tbs.request_extensions.as_ref()) {
        for extension in &list {
            let _ = extensions::decode(extension, Context::OcspRequest);
        }
    }
    let written = asn1::write_single(request.parsed()).expect("a parsed request writes");
    assert_eq!(written, data);
});
