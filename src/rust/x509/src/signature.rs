//! The rules about signature algorithms that loading, checking and building share: which
//! hashes sign certificates, which signatures are checked at all, and the reason codes
//! and flags of revocation.

use cryptography_asn1::algorithm::{AlgorithmIdentifier, AlgorithmParameters};
use cryptography_backend::hash::HashAlgorithm;

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

/// The SHA-1 and SHA-2 hashes by the names `HASHES` gives them: the digests of
/// PKCS#7 signatures and PKCS#12 MACs.
const SHA_FAMILY: [(&str, HashAlgorithm); 5] = [
    ("sha1", HashAlgorithm::Sha1),
    ("sha224", HashAlgorithm::Sha224),
    ("sha256", HashAlgorithm::Sha256),
    ("sha384", HashAlgorithm::Sha384),
    ("sha512", HashAlgorithm::Sha512),
];

/// The SHA-1 or SHA-2 hash an OID names.
pub fn sha_for_oid(oid: &asn1::ObjectIdentifier) -> Option<HashAlgorithm> {
    let name = HASHES
        .iter()
        .find(|(_, _, known)| known == oid)
        .map(|(name, _, _)| *name)?;
    SHA_FAMILY
        .iter()
        .find(|(known, _)| *known == name)
        .map(|(_, hash)| *hash)
}

/// The OID of a hash among `HASHES` (SHA-1, SHA-2, SHA-3).
pub fn oid_for_hash(hash: HashAlgorithm) -> Option<asn1::ObjectIdentifier> {
    HASHES
        .iter()
        .find(|(name, _, _)| *name == hash.name())
        .map(|(_, _, oid)| oid.clone())
}

/// The OID of a signing hash given by name, if certificates are signed with it.
pub fn signing_hash_oid(name: &str) -> Option<asn1::ObjectIdentifier> {
    HASHES[1..]
        .iter()
        .find(|(known, _, _)| *known == name)
        .map(|(_, _, oid)| oid.clone())
}

/// A key family that signs with a separate hash (Ed25519 and Ed448 do not).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HashedSigner {
    /// RSA with PKCS#1 v1.5 padding (RSASSA-PSS has its own parameters).
    Rsa,
    Ecdsa,
    Dsa,
}

/// The AlgorithmIdentifier of a signature by `signer` with the hash named `hash`, or
/// None for a pair no OID names (DSA has none for SHA-3; a hash outside the signing
/// hashes has none at all).
pub fn signature_algorithm(
    signer: HashedSigner,
    hash: &str,
) -> Option<AlgorithmIdentifier<'static>> {
    use AlgorithmParameters as P;
    use HashedSigner::*;
    let null = Some(());
    let params = match (signer, hash) {
        (Rsa, "sha224") => P::RsaWithSha224(null),
        (Rsa, "sha256") => P::RsaWithSha256(null),
        (Rsa, "sha384") => P::RsaWithSha384(null),
        (Rsa, "sha512") => P::RsaWithSha512(null),
        (Rsa, "sha3-224") => P::RsaWithSha3_224(null),
        (Rsa, "sha3-256") => P::RsaWithSha3_256(null),
        (Rsa, "sha3-384") => P::RsaWithSha3_384(null),
        (Rsa, "sha3-512") => P::RsaWithSha3_512(null),
        (Ecdsa, "sha224") => P::EcdsaWithSha224,
        (Ecdsa, "sha256") => P::EcdsaWithSha256,
        (Ecdsa, "sha384") => P::EcdsaWithSha384,
        (Ecdsa, "sha512") => P::EcdsaWithSha512,
        (Ecdsa, "sha3-224") => P::EcdsaWithSha3_224,
        (Ecdsa, "sha3-256") => P::EcdsaWithSha3_256,
        (Ecdsa, "sha3-384") => P::EcdsaWithSha3_384,
        (Ecdsa, "sha3-512") => P::EcdsaWithSha3_512,
        (Dsa, "sha224") => P::DsaWithSha224,
        (Dsa, "sha256") => P::DsaWithSha256,
        (Dsa, "sha384") => P::DsaWithSha384,
        (Dsa, "sha512") => P::DsaWithSha512,
        _ => return None,
    };
    Some(AlgorithmIdentifier::new(params))
}

/// The class name of the Python hash object for a hash OID a signature names.
pub fn hash_class_name(oid: &asn1::ObjectIdentifier) -> Option<&'static str> {
    HASHES
        .iter()
        .find(|(_, _, known)| known == oid)
        .map(|(_, class, _)| *class)
}

/// The key family whose signatures an algorithm names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Signer {
    Rsa,
    Ecdsa,
    Dsa,
    Ed25519,
    Ed448,
    MlDsa44,
    MlDsa65,
    MlDsa87,
}

/// Which key family makes signatures of `algorithm`, if such signatures are checked at
/// all: those over SHA-1 and MD5 are not (the reference's rule), and neither are
/// algorithms this package does not know.
pub fn checked_signer(algorithm: &AlgorithmIdentifier<'_>) -> Option<Signer> {
    use AlgorithmParameters as P;
    Some(match algorithm.params {
        P::RsaWithSha224(_)
        | P::RsaWithSha256(_)
        | P::RsaWithSha384(_)
        | P::RsaWithSha512(_)
        | P::RsaWithSha3_224(_)
        | P::RsaWithSha3_256(_)
        | P::RsaWithSha3_384(_)
        | P::RsaWithSha3_512(_)
        | P::RsaPss(_) => Signer::Rsa,
        P::EcdsaWithSha224
        | P::EcdsaWithSha256
        | P::EcdsaWithSha384
        | P::EcdsaWithSha512
        | P::EcdsaWithSha3_224
        | P::EcdsaWithSha3_256
        | P::EcdsaWithSha3_384
        | P::EcdsaWithSha3_512 => Signer::Ecdsa,
        P::DsaWithSha224 | P::DsaWithSha256 | P::DsaWithSha384 | P::DsaWithSha512 => Signer::Dsa,
        P::Ed25519 => Signer::Ed25519,
        P::Ed448 => Signer::Ed448,
        P::MlDsa44 => Signer::MlDsa44,
        P::MlDsa65 => Signer::MlDsa65,
        P::MlDsa87 => Signer::MlDsa87,
        _ => return None,
    })
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
        let signer = |params| checked_signer(&AlgorithmIdentifier::new(params));
        assert_eq!(signer(AlgorithmParameters::Ed25519), Some(Signer::Ed25519));
        assert_eq!(
            signer(AlgorithmParameters::RsaWithSha256(Some(()))),
            Some(Signer::Rsa)
        );
        assert_eq!(signer(AlgorithmParameters::RsaPss(None)), Some(Signer::Rsa));
        assert_eq!(
            signer(AlgorithmParameters::DsaWithSha256),
            Some(Signer::Dsa)
        );
        assert_eq!(signer(AlgorithmParameters::RsaWithSha1(Some(()))), None);
        assert_eq!(signer(AlgorithmParameters::EcdsaWithSha1), None);
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

    #[test]
    fn every_signing_hash_names_an_algorithm_except_sha3_with_dsa() {
        for (name, _, _) in &HASHES[1..] {
            for signer in [HashedSigner::Rsa, HashedSigner::Ecdsa] {
                assert!(
                    signature_algorithm(signer, name).is_some(),
                    "{signer:?} {name}"
                );
            }
            let dsa = signature_algorithm(HashedSigner::Dsa, name);
            assert_eq!(dsa.is_none(), name.starts_with("sha3-"), "{name}");
        }
        assert_eq!(
            signature_algorithm(HashedSigner::Ecdsa, "sha384")
                .unwrap()
                .params,
            AlgorithmParameters::EcdsaWithSha384
        );
        for other in ["sha1", "md5", "blake2b", ""] {
            assert!(signature_algorithm(HashedSigner::Rsa, other).is_none());
        }
    }
}
