//! A deterministic fuzz harness for the key parsers: valid encodings of every key type and
//! format are mutated (bit flips, truncations, insertions, deletions, duplicated spans)
//! and fed to every loader. Each call must return, Ok or Err; none may panic.

use cryptography_backend::dh::DhParameters;
use cryptography_backend::dsa::DsaPrivateKey;
use cryptography_backend::ec::{Curve, EcPrivateKey};
use cryptography_backend::ecx::{RawKeyKind, RawPrivateKey};
use cryptography_backend::rsa::RsaPrivateKey;
use cryptography_keys::{
    load_der_private_key, load_der_public_key, load_pem_private_key, load_pem_public_key,
    private_key_bytes, public_key_bytes, Encoding, PrivateFormat, PrivateKey, PublicFormat,
    PublicKeyRef,
};

/// xorshift64*: reproducible inputs without a dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % (n.max(1) as u64)) as usize
    }
}

fn mutate(input: &[u8], rng: &mut Rng) -> Vec<u8> {
    let mut out = input.to_vec();
    for _ in 0..=rng.below(3) {
        let at = rng.below(out.len());
        match rng.below(5) {
            0 if !out.is_empty() => out[at] ^= 1 << rng.below(8),
            1 => out.truncate(at),
            2 => out.insert(at.min(out.len()), rng.next() as u8),
            3 if !out.is_empty() => {
                out.remove(at);
            }
            _ => {
                let len = rng.below(16).min(out.len() - at.min(out.len()));
                let span = out[at.min(out.len())..at.min(out.len()) + len].to_vec();
                let to = rng.below(out.len());
                out.splice(to..to, span);
            }
        }
    }
    out
}

fn samples() -> Vec<Vec<u8>> {
    let keys = vec![
        PrivateKey::Rsa(RsaPrivateKey::generate(65537, 1024).unwrap()),
        PrivateKey::Ec(EcPrivateKey::generate(Curve::Secp256r1).unwrap()),
        PrivateKey::Ec(EcPrivateKey::generate(Curve::Secp521r1).unwrap()),
        PrivateKey::Dsa(DsaPrivateKey::generate(1024).unwrap()),
        PrivateKey::Dh(
            DhParameters::generate(2, 512)
                .unwrap()
                .generate_private_key()
                .unwrap(),
        ),
        PrivateKey::Raw(RawPrivateKey::generate(RawKeyKind::Ed25519).unwrap()),
        PrivateKey::Raw(RawPrivateKey::generate(RawKeyKind::X448).unwrap()),
    ];
    let mut out = Vec::new();
    for key in &keys {
        for encoding in [Encoding::Der, Encoding::Pem] {
            let formats: &[PrivateFormat] = match key {
                PrivateKey::Raw(_) | PrivateKey::Dh(_) => &[PrivateFormat::Pkcs8],
                _ => &[PrivateFormat::Pkcs8, PrivateFormat::Traditional],
            };
            for &format in formats {
                let plain = private_key_bytes(key.as_key_ref(), encoding, format, None).unwrap();
                out.push(plain.to_vec());
                if encoding == Encoding::Pem || format == PrivateFormat::Pkcs8 {
                    let encrypted =
                        private_key_bytes(key.as_key_ref(), encoding, format, Some(b"pw")).unwrap();
                    out.push(encrypted.to_vec());
                }
            }
        }
        let public = key.public_key().unwrap();
        let formats: &[PublicFormat] = match public.as_key_ref() {
            PublicKeyRef::Rsa(_) => &[PublicFormat::SubjectPublicKeyInfo, PublicFormat::Pkcs1],
            _ => &[PublicFormat::SubjectPublicKeyInfo],
        };
        for &format in formats {
            for encoding in [Encoding::Der, Encoding::Pem] {
                out.push(public_key_bytes(public.as_key_ref(), encoding, format).unwrap());
            }
        }
    }
    out
}

#[test]
fn mutated_encodings_never_panic() {
    let mut rng = Rng(0x5eed_1234_abcd_ef01);
    let samples = samples();
    assert!(samples.len() > 30);
    let mut accepted = 0usize;
    for sample in &samples {
        // The unmutated sample loads with one of the loaders.
        let loads = load_der_private_key(sample, None, true).is_ok()
            || load_der_private_key(sample, Some(b"pw"), true).is_ok()
            || load_pem_private_key(sample, None, true).is_ok()
            || load_pem_private_key(sample, Some(b"pw"), true).is_ok()
            || load_der_public_key(sample).is_ok()
            || load_pem_public_key(sample).is_ok();
        assert!(loads);
        for _ in 0..1000 {
            let input = mutate(sample, &mut rng);
            // RSA validation is the slow part and is not what is being exercised.
            let results = [
                load_der_private_key(&input, None, false).is_ok(),
                load_der_private_key(&input, Some(b"pw"), false).is_ok(),
                load_pem_private_key(&input, None, false).is_ok(),
                load_pem_private_key(&input, Some(b"pw"), false).is_ok(),
                load_der_public_key(&input).is_ok(),
                load_pem_public_key(&input).is_ok(),
            ];
            accepted += results.iter().filter(|&&ok| ok).count();
        }
    }
    // Some mutations (in PEM whitespace, say) leave a key loadable; most do not.
    assert!(accepted > 0);
    assert!(accepted < samples.len() * 1000);
}
