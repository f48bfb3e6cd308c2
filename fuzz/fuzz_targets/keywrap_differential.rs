//! AES key wrap (RFC 3394) and key wrap with padding (RFC 5649), which the core composes
//! over AES-ECB, against OpenSSL's wrap ciphers: the same wrapped key, the core unwraps
//! what OpenSSL wrapped, and it refuses whatever OpenSSL refuses to unwrap.
#![no_main]

use cryptography_backend::keywrap;
use cryptography_fuzz::oracle::openssl_wrap;
use cryptography_fuzz::Input;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut input = Input::new(data);
    let kek_len = input.pick(&[16usize, 24, 32]);
    let padded = input.byte() & 1 == 1;
    let unwrap_garbage = input.byte() & 1 == 1;
    let mut kek = [0u8; 32];
    for (i, byte) in kek.iter_mut().enumerate() {
        *byte = input.byte() ^ (i as u8);
    }
    let kek = &kek[..kek_len];
    let payload = input.rest();
    if unwrap_garbage {
        let theirs = openssl_wrap(kek, payload, padded, false);
        let ours = keywrap::unwrap(kek, payload, padded).ok();
        assert_eq!(ours, theirs, "unwrapping differs from OpenSSL");
        return;
    }
    let Some(theirs) = openssl_wrap(kek, payload, padded, true) else {
        return;
    };
    let ours = keywrap::wrap(kek, payload, padded).expect("OpenSSL wrapped it, the core must too");
    assert_eq!(ours, theirs, "wrapping differs from OpenSSL");
    let unwrapped = keywrap::unwrap(kek, &theirs, padded).expect("the core must unwrap it");
    assert_eq!(unwrapped, payload);
});
