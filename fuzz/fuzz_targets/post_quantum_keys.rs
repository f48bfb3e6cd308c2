//! ML-DSA and ML-KEM keys (RFC 9881, RFC 9935) in PKCS #8 and SubjectPublicKeyInfo, and
//! their raw encodings: whatever is accepted writes back as a key that reads the same,
//! and a seed-form file writes back as exactly the bytes read.
#![no_main]

use cryptography_backend::mldsa::{MlDsaPublicKey, MlDsaVariant};
use cryptography_backend::mlkem::{MlKemPublicKey, MlKemVariant};
use cryptography_keys::{
    load_der_private_key, load_der_public_key, private_key_bytes, public_key_bytes, Encoding,
    PrivateFormat, PrivateKey, PublicFormat, PublicKey,
};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(key @ (PrivateKey::MlDsa(_) | PrivateKey::MlKem(_))) =
        load_der_private_key(data, None, false)
    {
        let der =
            private_key_bytes(key.as_key_ref(), Encoding::Der, PrivateFormat::Pkcs8, None).unwrap();
        let again = load_der_private_key(&der, None, false).unwrap();
        let public = key.public_key().unwrap();
        let public_again = again.public_key().unwrap();
        let spki = |key: &PublicKey| {
            public_key_bytes(
                key.as_key_ref(),
                Encoding::Der,
                PublicFormat::SubjectPublicKeyInfo,
            )
            .unwrap()
        };
        assert_eq!(spki(&public), spki(&public_again));
        // The seed form is the only one read that has a single encoding: a file holding
        // only the seed (34 or 66 bytes of privateKey) is written back as it was.
        if der.len() == data.len() {
            assert_eq!(&der[..], data);
        }
    }
    if let Ok(key @ (PublicKey::MlDsa(_) | PublicKey::MlKem(_))) = load_der_public_key(data) {
        let der = public_key_bytes(
            key.as_key_ref(),
            Encoding::Der,
            PublicFormat::SubjectPublicKeyInfo,
        )
        .unwrap();
        assert_eq!(&der[..], data);
    }
    // Raw encodings of every parameter set.
    for variant in MlDsaVariant::ALL {
        if let Ok(key) = MlDsaPublicKey::from_bytes(variant, data) {
            assert_eq!(key.as_bytes(), data);
        }
    }
    for variant in MlKemVariant::ALL {
        if let Ok(key) = MlKemPublicKey::from_bytes(variant, data) {
            assert_eq!(key.as_bytes(), data);
            let (ciphertext, _) = key.encapsulate().unwrap();
            assert_eq!(ciphertext.len(), variant.ciphertext_len());
        }
    }
});
