//! Cobblestone ciphertext streams, fed to a decryptor in pieces whose sizes the input
//! chooses (the first byte), then finished.
#![no_main]

use cryptography_backend::cobblestone::{Decryptor, Variant};
use cryptography_backend::Output;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&split, stream)) = data.split_first() else {
        return;
    };
    let variant = if split & 0x80 == 0 {
        Variant::Cobblestone128
    } else {
        Variant::Cobblestone256
    };
    let key = [3u8; 32];
    let key = &key[..variant.key_len()];
    let Ok(mut decryptor) = Decryptor::new(variant, key, b"context") else {
        return;
    };
    let piece = usize::from(split & 0x7f).max(1) * 97;
    for chunk in stream.chunks(piece) {
        let mut out = vec![0u8; decryptor.update_len(chunk.len())];
        if decryptor
            .update_into(chunk, &mut Output::new(&mut out))
            .is_err()
        {
            return;
        }
    }
    if let Ok(len) = decryptor.finalize_len() {
        let mut out = vec![0u8; len];
        let _ = decryptor.finalize_into(&mut Output::new(&mut out));
    }
});
