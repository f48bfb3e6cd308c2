//! OCSP responses from DER, and what is read from one: its status, its single
//! responses, every extension decoded, and its ResponseData written back.
#![no_main]

use cryptography_x509::extensions::{self, Context};
use cryptography_x509::ocsp::Response;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(response) = Response::from_der(data.to_vec()) else {
        return;
    };
    assert!(cryptography_x509::ocsp::STATUSES.contains(&response.status()));
    for single in response.single_responses() {
        if let Ok(list) = extensions::unique(single.single_extensions.as_ref()) {
            for extension in &list {
                let _ = extensions::decode(extension, Context::OcspSingleResponse);
            }
        }
    }
    if let Some(basic) = response.basic() {
        if let Ok(list) = extensions::unique(basic.tbs_response_data.response_extensions.as_ref()) {
            for extension in &list {
                let _ = extensions::decode(extension, Context::OcspResponse);
            }
        }
        assert!(response.tbs_der().expect("ResponseData writes").is_some());
    }
});
