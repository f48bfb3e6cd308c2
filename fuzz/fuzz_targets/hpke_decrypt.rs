//! HPKE decryption input: a suite (its three two-byte identifiers), the recipient's key
//! derived from an input key material (DeriveKeyPair), info and aad, then the
//! encapsulated key and a sealed message. Neither the encapsulated key nor the message
//! may panic anything; a message that opens is exactly one tag shorter than it was
//! sealed, and the recipient's exporter answers.
#![no_main]

use cryptography_backend::hpke::{Aead, Kdf, Kem, KemPrivateKey, Mode, Suite};
use libfuzzer_sys::fuzz_target;

/// A length-prefixed field (one byte of length), and what follows it.
fn field(data: &[u8]) -> Option<(&[u8], &[u8])> {
    let (&len, rest) = data.split_first()?;
    (rest.len() >= usize::from(len)).then(|| rest.split_at(usize::from(len)))
}

fn id(data: &[u8]) -> Option<(u16, &[u8])> {
    let (bytes, rest) = data.split_first_chunk::<2>()?;
    Some((u16::from_be_bytes(*bytes), rest))
}

fuzz_target!(|data: &[u8]| {
    let parse = || {
        let (kem, rest) = id(data)?;
        let (kdf, rest) = id(rest)?;
        let (aead, rest) = id(rest)?;
        let suite = Suite::new(Kem::from_id(kem)?, Kdf::from_id(kdf)?, Aead::from_id(aead)?);
        let (ikm, rest) = field(rest)?;
        let (info, rest) = field(rest)?;
        let (aad, rest) = field(rest)?;
        (rest.len() >= suite.kem.enc_len()).then_some(())?;
        let (enc, sealed) = rest.split_at(suite.kem.enc_len());
        Some((suite, ikm, info, aad, enc, sealed))
    };
    let Some((suite, ikm, info, aad, enc, sealed)) = parse() else {
        return;
    };
    let Ok(recipient) = KemPrivateKey::derive(suite.kem, ikm) else {
        return;
    };
    let Ok(mut context) = suite.setup_receiver(enc, &recipient, info, Mode::Base) else {
        return;
    };
    if let Ok(opened) = context.open(aad, sealed) {
        assert_eq!(opened.len() + suite.aead.tag_len(), sealed.len());
    }
    assert_eq!(context.export(b"fuzz", 32).unwrap().len(), 32);
});
