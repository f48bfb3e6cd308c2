//! What the linked OpenSSL can do, asked of OpenSSL itself (never assumed from its
//! version), for the backend object's `*_supported()` predicates.

use std::ffi::CString;

use crate::ffi::{probe, ProbeKind};

fn probe_name(kind: ProbeKind, name: &str) -> bool {
    CString::new(name).is_ok_and(|name| probe(kind, &name))
}

/// A cipher by OpenSSL name, such as "AES-128-GCM" or "BF-CBC".
pub fn cipher_available(name: &str) -> bool {
    probe_name(ProbeKind::Cipher, name)
}

/// A key derivation function by OpenSSL name, such as "SCRYPT" or "ARGON2ID".
pub fn kdf_available(name: &str) -> bool {
    probe_name(ProbeKind::Kdf, name)
}

/// A public key type by OpenSSL name, such as "ED448", "X25519" or "ML-KEM-768".
pub fn key_type_available(name: &str) -> bool {
    probe_name(ProbeKind::KeyType, name)
}

/// An elliptic curve by OpenSSL short name, such as "prime256v1" or "brainpoolP256r1".
pub fn curve_available(name: &str) -> bool {
    probe_name(ProbeKind::Curve, name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn probes_answer_both_ways() {
        assert!(cipher_available("AES-128-CBC"));
        assert!(!cipher_available("NO-SUCH-CIPHER"));
        assert!(kdf_available("HKDF"));
        assert!(key_type_available("ED25519"));
        assert!(curve_available("prime256v1"));
        assert!(!curve_available("not-a-curve"));
        assert!(!cipher_available("NUL\0INSIDE"));
        assert!(openssl::error::ErrorStack::get().errors().is_empty());
    }
}
