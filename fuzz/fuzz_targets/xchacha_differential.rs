//! HChaCha20, which the core takes from OpenSSL's ChaCha20 block function, against an
//! implementation written out from its specification (OpenSSL has none), and
//! XChaCha20-Poly1305 against OpenSSL's ChaCha20-Poly1305 under that subkey.
#![no_main]

use cryptography_backend::aead::Aead;
use cryptography_backend::xchacha::XChaCha20Poly1305Key;
use cryptography_fuzz::{oracle, Input};
use libfuzzer_sys::fuzz_target;
use openssl::symm::{encrypt_aead, Cipher};

fuzz_target!(|data: &[u8]| {
    let mut input = Input::new(data);
    let key: [u8; 32] = std::array::from_fn(|_| input.byte());
    let nonce: [u8; 24] = std::array::from_fn(|_| input.byte());
    let aad = input.bytes(64);
    let plaintext = input.rest();
    let ours = XChaCha20Poly1305Key::new(&key).expect("a 32-byte key");
    let head: [u8; 16] = nonce[..16].try_into().expect("16 bytes");
    let subkey = oracle::hchacha20(&key, &head);
    assert_eq!(
        *ours.hchacha20(&head).expect("a 16-byte nonce"),
        subkey,
        "HChaCha20 differs from the specification's"
    );
    let mut inner_nonce = [0u8; 12];
    inner_nonce[4..].copy_from_slice(&nonce[16..]);
    let mut tag = [0u8; 16];
    let mut theirs = encrypt_aead(
        Cipher::chacha20_poly1305(),
        &subkey,
        Some(&inner_nonce),
        aad,
        plaintext,
        &mut tag,
    )
    .expect("OpenSSL's ChaCha20-Poly1305");
    theirs.extend_from_slice(&tag);
    let sealed = ours.seal(&nonce, &[aad], plaintext).expect("seal");
    assert_eq!(sealed, theirs, "XChaCha20-Poly1305 differs");
});
