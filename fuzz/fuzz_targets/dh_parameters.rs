//! Diffie-Hellman group files: PKCS #3 and X9.42 parameters, in DER and in PEM, and the
//! serialization of whatever group is accepted.
#![no_main]

use cryptography_keys::{dh, Encoding};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for parameters in [dh::load_der_parameters(data), dh::load_pem_parameters(data)]
        .into_iter()
        .flatten()
    {
        let der = dh::parameters_bytes(parameters.components(), Encoding::Der).unwrap();
        // What was accepted is written as DER that reads back as the same group.
        let again = dh::load_der_parameters(&der).unwrap();
        assert_eq!(again.components(), parameters.components());
    }
});
