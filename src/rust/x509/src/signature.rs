//! The rules about signature algorithms that loading, checking and building share: which
//! hashes sign certificates, which signatures are checked at all, and the reason codes
//! and flags of revocation.

use cryptography_asn1::algorithm::{AlgorithmIdentifier, AlgorithmParameters};

/// The hashes a signature or its parameters (RSASSA-PSS, MGF1) may name: the name the
/// Python hash object carries, its class name, and its OID. Every one but SHA-1 (the
/// first) signs certificates, requests and lists; MD5 is not among them at all.
pub const HASHES: [(&str, &str, asn1::ObjectIdentifier); 9] = [
    ("sha1", "SHA1", asn1::oid!(1, 3, 14, 3, 2, 26)),
    (
        "sha224",
        "SHA224",
        asn1::oid!(2, 16, 840, 1, 101, 3, 4, 2, 4),
    ),
    (
        "sha256",
        "SHA256",
        asn1::oid!(2, 16, 840, 1, 101, 3, 4, 2, 1),
    ),
    (
        "sha384",
        "SHA384",
        asn1::oid!(2, 16, 840, 1, 101, 3, 4, 2, 2),
    ),
    (
        "sha512",
        "SHA512",
        asn1::oid!(2, 16, 840, 1, 101, 3, 4, 2, 3),
    ),
    (
        "sha3-224",
        "SHA3_224",
        asn1::oid!(2, 16, 840, 1, 101, 3, 4, 2, 7),
    ),
    (
        "sha3-256",
        "SHA3_256",
        asn1::oid!(2, 16, 840, 1, 101, 3, 4, 2, 8),
    ),
    (
        "sha3-384",
        "SHA3_384",
        asn1::oid!(2, 16, 840, 1, 101, 3, 4, 2, 9),
    ),
    (
        "sha3-512",
        "SHA3_512",
        asn1::oid!(2, 16, 840, 1, 101, 3, 4, 2, 10),
    ),
];

/// The OID of a signing hash given by name, if certificates are signed with it.
pub fn signing_hash_oid(name: &str) -> Option<asn1::ObjectIdentifier> {
    HASHES[1..]
        .iter()
        .find(|(known, _, _)| *known == name)
        .map(|(_, _, oid)| oid.clone())
}

/// The class name of the Python hash object for a hash OID a signature names.
pub fn hash_class_name(oid: &asn1::ObjectIdentifier) -> Option<&'static str> {
    HASHES
        .iter()
        .find(|(_, _, known)| known == oid)
        .map(|(_, class, _)| *class)
}

/// Whether signatures made with `algorithm` are checked at all: those over SHA-1 and MD5
/// are not (the reference's rule), and neither are algorithms this package does not
/// know.
pub fn is_checked(algorithm: &AlgorithmIdentifier<'_>) -> bool {
    use AlgorithmParameters as P;
    matches!(
        algorithm.params,
        P::RsaWithSha224(_)
            | P::RsaWithSha256(_)
            | P::RsaWithSha384(_)
            | P::RsaWithSha512(_)
            | P::RsaWithSha3_224(_)
            | P::RsaWithSha3_256(_)
            | P::RsaWithSha3_384(_)
            | P::RsaWithSha3_512(_)
            | P::RsaPss(_)
            | P::EcdsaWithSha224
            | P::EcdsaWithSha256
            | P::EcdsaWithSha384
            | P::EcdsaWithSha512
            | P::EcdsaWithSha3_224
            | P::EcdsaWithSha3_256
            | P::EcdsaWithSha3_384
            | P::EcdsaWithSha3_512
            | P::DsaWithSha224
            | P::DsaWithSha256
            | P::DsaWithSha384
            | P::DsaWithSha512
            | P::Ed25519
            | P::Ed448
    )
}

/// RFC 5280 section 5.3.1's revocation reasons: the CRLReason code, the bit of the
/// ReasonFlags BIT STRING (section 4.2.1.13; `unspecified` and `removeFromCRL` have
/// none), and the name the API's ReasonFlags uses as its value.
pub const REASONS: [(u32, Option<usize>, &str); 10] = [
    (0, None, "unspecified"),
    (1, Some(1), "keyCompromise"),
    (2, Some(2), "cACompromise"),
    (3, Some(3), "affiliationChanged"),
    (4, Some(4), "superseded"),
    (5, Some(5), "cessationOfOperation"),
    (6, Some(6), "certificateHold"),
    (8, None, "removeFromCRL"),
    (9, Some(7), "privilegeWithdrawn"),
    (10, Some(8), "aACompromise"),
];

/// The address and prefix length of a name constraint's iPAddress: an address followed
/// by a mask whose ones are contiguous (RFC 5280 section 4.2.1.10).
pub fn ip_network(bytes: &[u8]) -> Result<(&[u8], u32), String> {
    if bytes.len() != 8 && bytes.len() != 32 {
        return Err(format!(
            "Invalid IPNetwork, must be 8 bytes for IPv4 and 32 bytes for IPv6. Found length: {}",
            bytes.len()
        ));
    }
    let (address, mask) = bytes.split_at(bytes.len() / 2);
    let ones: u32 = mask.iter().map(|byte| byte.count_ones()).sum();
    let contiguous = mask
        .iter()
        .flat_map(|byte| (0..8).rev().map(move |bit| byte >> bit & 1))
        .skip(ones as usize)
        .all(|bit| bit == 0);
    if !contiguous {
        return Err("Invalid netmask".to_string());
    }
    Ok((address, ones))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checked_algorithms() {
        assert!(is_checked(&AlgorithmIdentifier::new(
            AlgorithmParameters::Ed25519
        )));
        assert!(is_checked(&AlgorithmIdentifier::new(
            AlgorithmParameters::RsaWithSha256(Some(()))
        )));
        assert!(!is_checked(&AlgorithmIdentifier::new(
            AlgorithmParameters::RsaWithSha1(Some(()))
        )));
        assert!(!is_checked(&AlgorithmIdentifier::new(
            AlgorithmParameters::EcdsaWithSha1
        )));
        assert_eq!(
            signing_hash_oid("sha256"),
            Some(asn1::oid!(2, 16, 840, 1, 101, 3, 4, 2, 1))
        );
        assert_eq!(signing_hash_oid("sha1"), None);
        assert_eq!(
            hash_class_name(&asn1::oid!(1, 3, 14, 3, 2, 26)),
            Some("SHA1")
        );
        assert_eq!(hash_class_name(&asn1::oid!(1, 2, 840, 113549, 2, 5)), None);
    }

    #[test]
    fn name_constraint_networks() {
        assert_eq!(
            ip_network(&[10, 0, 0, 0, 255, 0, 0, 0]),
            Ok((&[10u8, 0, 0, 0][..], 8))
        );
        assert_eq!(
            ip_network(&[10, 0, 0, 0, 255, 0, 255, 0]),
            Err("Invalid netmask".to_string())
        );
        assert!(ip_network(&[1; 33])
            .unwrap_err()
            .ends_with("Found length: 33"));
    }

    #[test]
    fn reasons_are_one_table() {
        // Every flag bit appears once, 1 to 8.
        let mut bits: Vec<usize> = REASONS.iter().filter_map(|(_, bit, _)| *bit).collect();
        bits.sort_unstable();
        assert_eq!(bits, (1..=8).collect::<Vec<_>>());
    }
}
