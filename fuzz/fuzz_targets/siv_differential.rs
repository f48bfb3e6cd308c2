//! AES-SIV, which the core composes from CMAC and CTR (RFC 5297), against OpenSSL's
//! AES-SIV cipher: the same synthetic IV and ciphertext for every key, associated data
//! and plaintext, and the core opens what OpenSSL sealed.
#![no_main]

use cryptography_backend::aead::{Aead, AeadAlgorithm, AeadKey};
use cryptography_fuzz::oracle::openssl_siv;
use cryptography_fuzz::Input;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut input = Input::new(data);
    let key_len = input.pick(&[32usize, 48, 64]);
    let mut key = [0u8; 64];
    for (i, byte) in key.iter_mut().enumerate() {
        *byte = input.byte() ^ (i as u8);
    }
    let key = &key[..key_len];
    let items = usize::from(input.byte() % 4);
    let aad: Vec<&[u8]> = (0..items).map(|_| input.bytes(64)).collect();
    let plaintext = input.rest();
    let Some(theirs) = openssl_siv(key, &aad, plaintext) else {
        return;
    };
    let ours = AeadKey::new(AeadAlgorithm::AesSiv, key)
        .and_then(|key| key.seal(&[], &aad, plaintext))
        .expect("OpenSSL sealed it, the core must too");
    assert_eq!(ours, theirs, "AES-SIV differs from OpenSSL's");
    let opened = AeadKey::new(AeadAlgorithm::AesSiv, key)
        .and_then(|key| key.open(&[], &aad, &theirs))
        .expect("the core must open what OpenSSL sealed");
    assert_eq!(opened, plaintext);
});
