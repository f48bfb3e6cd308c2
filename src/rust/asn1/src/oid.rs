//! The object identifiers the package names, by the structure or algorithm they stand
//! for.

use asn1::ObjectIdentifier as Oid;

// Public-key algorithms (RFC 8017, RFC 5480, RFC 3279, RFC 8410).
pub const RSA: Oid = asn1::oid!(1, 2, 840, 113549, 1, 1, 1);
pub const RSASSA_PSS: Oid = asn1::oid!(1, 2, 840, 113549, 1, 1, 10);
pub const EC_PUBLIC_KEY: Oid = asn1::oid!(1, 2, 840, 10045, 2, 1);
pub const DSA: Oid = asn1::oid!(1, 2, 840, 10040, 4, 1);
pub const DH: Oid = asn1::oid!(1, 2, 840, 113549, 1, 3, 1);
pub const DHX: Oid = asn1::oid!(1, 2, 840, 10046, 2, 1);
pub const X25519: Oid = asn1::oid!(1, 3, 101, 110);
pub const X448: Oid = asn1::oid!(1, 3, 101, 111);
pub const ED25519: Oid = asn1::oid!(1, 3, 101, 112);
pub const ED448: Oid = asn1::oid!(1, 3, 101, 113);
// ML-DSA (FIPS 204), as NIST registers its parameter sets (RFC 9881 uses them for
// keys and signatures alike).
pub const ML_DSA_44: Oid = asn1::oid!(2, 16, 840, 1, 101, 3, 4, 3, 17);
pub const ML_DSA_65: Oid = asn1::oid!(2, 16, 840, 1, 101, 3, 4, 3, 18);
pub const ML_DSA_87: Oid = asn1::oid!(2, 16, 840, 1, 101, 3, 4, 3, 19);
// ML-KEM (FIPS 203), as NIST registers its parameter sets.
pub const ML_KEM_512: Oid = asn1::oid!(2, 16, 840, 1, 101, 3, 4, 4, 1);
pub const ML_KEM_768: Oid = asn1::oid!(2, 16, 840, 1, 101, 3, 4, 4, 2);
pub const ML_KEM_1024: Oid = asn1::oid!(2, 16, 840, 1, 101, 3, 4, 4, 3);

// Elliptic curves (SEC 2, RFC 5639) and the prime field of explicit parameters.
pub const PRIME_FIELD: Oid = asn1::oid!(1, 2, 840, 10045, 1, 1);
pub const SECP192R1: Oid = asn1::oid!(1, 2, 840, 10045, 3, 1, 1);
pub const SECP224R1: Oid = asn1::oid!(1, 3, 132, 0, 33);
pub const SECP256R1: Oid = asn1::oid!(1, 2, 840, 10045, 3, 1, 7);
pub const SECP384R1: Oid = asn1::oid!(1, 3, 132, 0, 34);
pub const SECP521R1: Oid = asn1::oid!(1, 3, 132, 0, 35);
pub const SECP256K1: Oid = asn1::oid!(1, 3, 132, 0, 10);
pub const BRAINPOOL_P256R1: Oid = asn1::oid!(1, 3, 36, 3, 3, 2, 8, 1, 1, 7);
pub const BRAINPOOL_P384R1: Oid = asn1::oid!(1, 3, 36, 3, 3, 2, 8, 1, 1, 11);
pub const BRAINPOOL_P512R1: Oid = asn1::oid!(1, 3, 36, 3, 3, 2, 8, 1, 1, 13);

// Password-based encryption (RFC 8018, RFC 7914, RFC 7292).
pub const PBES2: Oid = asn1::oid!(1, 2, 840, 113549, 1, 5, 13);
pub const PBKDF2: Oid = asn1::oid!(1, 2, 840, 113549, 1, 5, 12);
pub const SCRYPT: Oid = asn1::oid!(1, 3, 6, 1, 4, 1, 11591, 4, 11);
pub const HMAC_SHA1: Oid = asn1::oid!(1, 2, 840, 113549, 2, 7);
pub const HMAC_SHA224: Oid = asn1::oid!(1, 2, 840, 113549, 2, 8);
pub const HMAC_SHA256: Oid = asn1::oid!(1, 2, 840, 113549, 2, 9);
pub const HMAC_SHA384: Oid = asn1::oid!(1, 2, 840, 113549, 2, 10);
pub const HMAC_SHA512: Oid = asn1::oid!(1, 2, 840, 113549, 2, 11);
pub const AES128_CBC: Oid = asn1::oid!(2, 16, 840, 1, 101, 3, 4, 1, 2);
pub const AES192_CBC: Oid = asn1::oid!(2, 16, 840, 1, 101, 3, 4, 1, 22);
pub const AES256_CBC: Oid = asn1::oid!(2, 16, 840, 1, 101, 3, 4, 1, 42);
pub const DES_EDE3_CBC: Oid = asn1::oid!(1, 2, 840, 113549, 3, 7);
pub const DES_CBC: Oid = asn1::oid!(1, 3, 14, 3, 2, 7);
pub const RC2_CBC: Oid = asn1::oid!(1, 2, 840, 113549, 3, 2);
pub const PBE_MD5_DES: Oid = asn1::oid!(1, 2, 840, 113549, 1, 5, 3);
pub const PBE_SHA1_DES: Oid = asn1::oid!(1, 2, 840, 113549, 1, 5, 10);
pub const PBE_SHA1_RC4_128: Oid = asn1::oid!(1, 2, 840, 113549, 1, 12, 1, 1);
pub const PBE_SHA1_RC4_40: Oid = asn1::oid!(1, 2, 840, 113549, 1, 12, 1, 2);
pub const PBE_SHA1_3DES: Oid = asn1::oid!(1, 2, 840, 113549, 1, 12, 1, 3);
pub const PBE_SHA1_2DES: Oid = asn1::oid!(1, 2, 840, 113549, 1, 12, 1, 4);
pub const PBE_SHA1_RC2_128: Oid = asn1::oid!(1, 2, 840, 113549, 1, 12, 1, 5);
pub const PBE_SHA1_RC2_40: Oid = asn1::oid!(1, 2, 840, 113549, 1, 12, 1, 6);

// Signature algorithms (RFC 4055, RFC 5758, RFC 8017, NIST's CSOR for SHA-3).
pub const RSA_WITH_MD5: Oid = asn1::oid!(1, 2, 840, 113549, 1, 1, 4);
pub const RSA_WITH_SHA1: Oid = asn1::oid!(1, 2, 840, 113549, 1, 1, 5);
/// The OIW's sha1WithRSASignature, found in old certificates.
pub const RSA_WITH_SHA1_OIW: Oid = asn1::oid!(1, 3, 14, 3, 2, 29);
pub const RSA_WITH_SHA224: Oid = asn1::oid!(1, 2, 840, 113549, 1, 1, 14);
pub const RSA_WITH_SHA256: Oid = asn1::oid!(1, 2, 840, 113549, 1, 1, 11);
pub const RSA_WITH_SHA384: Oid = asn1::oid!(1, 2, 840, 113549, 1, 1, 12);
pub const RSA_WITH_SHA512: Oid = asn1::oid!(1, 2, 840, 113549, 1, 1, 13);
pub const RSA_WITH_SHA3_224: Oid = asn1::oid!(2, 16, 840, 1, 101, 3, 4, 3, 13);
pub const RSA_WITH_SHA3_256: Oid = asn1::oid!(2, 16, 840, 1, 101, 3, 4, 3, 14);
pub const RSA_WITH_SHA3_384: Oid = asn1::oid!(2, 16, 840, 1, 101, 3, 4, 3, 15);
pub const RSA_WITH_SHA3_512: Oid = asn1::oid!(2, 16, 840, 1, 101, 3, 4, 3, 16);
pub const ECDSA_WITH_SHA1: Oid = asn1::oid!(1, 2, 840, 10045, 4, 1);
pub const ECDSA_WITH_SHA224: Oid = asn1::oid!(1, 2, 840, 10045, 4, 3, 1);
pub const ECDSA_WITH_SHA256: Oid = asn1::oid!(1, 2, 840, 10045, 4, 3, 2);
pub const ECDSA_WITH_SHA384: Oid = asn1::oid!(1, 2, 840, 10045, 4, 3, 3);
pub const ECDSA_WITH_SHA512: Oid = asn1::oid!(1, 2, 840, 10045, 4, 3, 4);
pub const ECDSA_WITH_SHA3_224: Oid = asn1::oid!(2, 16, 840, 1, 101, 3, 4, 3, 9);
pub const ECDSA_WITH_SHA3_256: Oid = asn1::oid!(2, 16, 840, 1, 101, 3, 4, 3, 10);
pub const ECDSA_WITH_SHA3_384: Oid = asn1::oid!(2, 16, 840, 1, 101, 3, 4, 3, 11);
pub const ECDSA_WITH_SHA3_512: Oid = asn1::oid!(2, 16, 840, 1, 101, 3, 4, 3, 12);
pub const DSA_WITH_SHA1: Oid = asn1::oid!(1, 2, 840, 10040, 4, 3);
pub const DSA_WITH_SHA224: Oid = asn1::oid!(2, 16, 840, 1, 101, 3, 4, 3, 1);
pub const DSA_WITH_SHA256: Oid = asn1::oid!(2, 16, 840, 1, 101, 3, 4, 3, 2);
pub const DSA_WITH_SHA384: Oid = asn1::oid!(2, 16, 840, 1, 101, 3, 4, 3, 3);
pub const DSA_WITH_SHA512: Oid = asn1::oid!(2, 16, 840, 1, 101, 3, 4, 3, 4);
