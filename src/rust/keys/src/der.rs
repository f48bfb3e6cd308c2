//! The ASN.1 structures of key encodings, parsed and written in strict DER by the `asn1`
//! crate: RFC 5280 (SubjectPublicKeyInfo), RFC 5958 (OneAsymmetricKey), RFC 8017
//! (RSAPrivateKey, RSAPublicKey), RFC 5915 and SEC 1 (ECPrivateKey, ECParameters),
//! RFC 3279 (DSA parameters), RFC 8018 (PBES2, PBKDF2) and RFC 7914 (scrypt parameters).

// The derived parsers return the `asn1` crate's own (large) error type.
#![allow(clippy::result_large_err)]

use asn1::SimpleAsn1Readable;

use crate::error::{KeyError, KeyResult};

/// An algorithm and its parameters, kept as raw TLV so that each user decides how to read
/// them.
#[derive(asn1::Asn1Read, asn1::Asn1Write, Clone)]
pub struct AlgorithmIdentifier<'a> {
    pub oid: asn1::ObjectIdentifier,
    pub params: Option<asn1::Tlv<'a>>,
}

impl<'a> AlgorithmIdentifier<'a> {
    /// An identifier whose parameters are the given DER (which must be one TLV).
    pub fn with_params(oid: asn1::ObjectIdentifier, params_der: &'a [u8]) -> KeyResult<Self> {
        Ok(AlgorithmIdentifier {
            oid,
            params: Some(asn1::parse_single::<asn1::Tlv<'a>>(params_der)?),
        })
    }

    /// Whether the parameters are absent or an explicit NULL.
    pub fn params_absent_or_null(&self) -> bool {
        match &self.params {
            None => true,
            Some(tlv) => tlv.tag() == asn1::Null::TAG && tlv.data().is_empty(),
        }
    }

    /// The parameters read as `T`; a missing parameter is an error.
    pub fn params_as<T: asn1::Asn1Readable<'a>>(&self) -> KeyResult<T> {
        let tlv = self
            .params
            .as_ref()
            .ok_or(KeyError::Invalid("missing algorithm parameters"))?;
        Ok(asn1::parse_single::<T>(tlv.full_data())?)
    }
}

/// RFC 5280 section 4.1.
#[derive(asn1::Asn1Read, asn1::Asn1Write)]
pub struct SubjectPublicKeyInfo<'a> {
    pub algorithm: AlgorithmIdentifier<'a>,
    pub subject_public_key: asn1::BitString<'a>,
}

/// RFC 5958 OneAsymmetricKey (version 0 is PKCS#8's PrivateKeyInfo; version 1 may carry
/// the public key).
#[derive(asn1::Asn1Read, asn1::Asn1Write)]
pub struct PrivateKeyInfo<'a> {
    pub version: u8,
    pub algorithm: AlgorithmIdentifier<'a>,
    pub private_key: &'a [u8],
    #[implicit(0)]
    pub attributes: Option<asn1::SequenceOf<'a, asn1::Tlv<'a>>>,
    #[implicit(1)]
    pub public_key: Option<asn1::BitString<'a>>,
}

/// RFC 5958 section 3.
#[derive(asn1::Asn1Read, asn1::Asn1Write)]
pub struct EncryptedPrivateKeyInfo<'a> {
    pub encryption_algorithm: AlgorithmIdentifier<'a>,
    pub encrypted_data: &'a [u8],
}

/// RFC 8017 appendix A.1.1.
#[derive(asn1::Asn1Read)]
pub struct RsaPublicKey<'a> {
    pub n: asn1::BigUint<'a>,
    pub e: asn1::BigUint<'a>,
}

/// RFC 8017 appendix A.1.2, two-prime form (version 0). Multi-prime keys (version 1,
/// with otherPrimeInfos) are refused by the caller.
#[derive(asn1::Asn1Read)]
pub struct RsaPrivateKey<'a> {
    pub version: u8,
    pub n: asn1::BigUint<'a>,
    pub e: asn1::BigUint<'a>,
    pub d: asn1::BigUint<'a>,
    pub p: asn1::BigUint<'a>,
    pub q: asn1::BigUint<'a>,
    pub dmp1: asn1::BigUint<'a>,
    pub dmq1: asn1::BigUint<'a>,
    pub iqmp: asn1::BigUint<'a>,
    pub other_prime_infos: Option<asn1::SequenceOf<'a, asn1::Tlv<'a>>>,
}

/// RFC 5915 section 3 (version 1).
#[derive(asn1::Asn1Read, asn1::Asn1Write)]
pub struct EcPrivateKey<'a> {
    pub version: u8,
    pub private_key: &'a [u8],
    #[explicit(0)]
    pub parameters: Option<asn1::Tlv<'a>>,
    #[explicit(1)]
    pub public_key: Option<asn1::BitString<'a>>,
}

/// SEC 1 section C.2 SpecifiedECDomain: an explicitly described prime curve.
#[derive(asn1::Asn1Read)]
pub struct SpecifiedEcDomain<'a> {
    pub version: u8,
    pub field_id: FieldId<'a>,
    pub curve: CurveCoefficients<'a>,
    pub base: &'a [u8],
    pub order: asn1::BigUint<'a>,
    pub cofactor: Option<asn1::BigUint<'a>>,
    pub _hash: Option<AlgorithmIdentifier<'a>>,
}

#[derive(asn1::Asn1Read)]
pub struct FieldId<'a> {
    pub field_type: asn1::ObjectIdentifier,
    pub parameters: asn1::Tlv<'a>,
}

#[derive(asn1::Asn1Read)]
pub struct CurveCoefficients<'a> {
    pub a: &'a [u8],
    pub b: &'a [u8],
    pub _seed: Option<asn1::BitString<'a>>,
}

/// RFC 8018 appendix A.4.
#[derive(asn1::Asn1Read, asn1::Asn1Write)]
pub struct Pbes2Params<'a> {
    pub key_derivation_func: AlgorithmIdentifier<'a>,
    pub encryption_scheme: AlgorithmIdentifier<'a>,
}

/// RFC 8018 appendix A.2 (the salt in its "specified" form).
#[derive(asn1::Asn1Read, asn1::Asn1Write)]
pub struct Pbkdf2Params<'a> {
    pub salt: &'a [u8],
    pub iteration_count: u64,
    pub key_length: Option<u64>,
    pub prf: Option<AlgorithmIdentifier<'a>>,
}

/// RFC 7914 section 7.1.
#[derive(asn1::Asn1Read, asn1::Asn1Write)]
pub struct ScryptParams<'a> {
    pub salt: &'a [u8],
    pub cost_parameter: u64,
    pub block_size: u64,
    pub parallelization_parameter: u64,
    pub key_length: Option<u64>,
}

/// RFC 7292 appendix C (and RFC 8018's PBES1): a salt and an iteration count.
#[derive(asn1::Asn1Read, asn1::Asn1Write)]
pub struct PbeParams<'a> {
    pub salt: &'a [u8],
    pub iterations: u64,
}

/// RFC 8018 appendix B.2.3: RC2-CBC's parameters (the effective key size is encoded as a
/// version number).
#[derive(asn1::Asn1Read)]
pub struct Rc2CbcParams<'a> {
    pub version: Option<u64>,
    pub iv: &'a [u8],
}

/// The object identifiers used here.
pub mod oid {
    use asn1::ObjectIdentifier as Oid;

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
}

/// A non-negative INTEGER written from its big-endian magnitude: leading zeros are
/// dropped and DER's zero byte is added before a set top bit as it is written, with no
/// intermediate copy (the values are often secret).
#[derive(Clone, Copy)]
pub struct Unsigned<'a>(&'a [u8]);

impl<'a> Unsigned<'a> {
    pub fn new(magnitude: &'a [u8]) -> Self {
        Unsigned(significant(magnitude))
    }

    fn needs_zero(&self) -> bool {
        self.0.first().is_none_or(|&b| b & 0x80 != 0)
    }
}

impl asn1::SimpleAsn1Writable for Unsigned<'_> {
    type Error = asn1::WriteError;
    const TAG: asn1::Tag = <asn1::BigUint<'_> as asn1::SimpleAsn1Writable>::TAG;

    fn write_data(&self, dest: &mut asn1::WriteBuf) -> asn1::WriteResult {
        if self.needs_zero() {
            dest.push_byte(0)?;
        }
        dest.push_slice(self.0)
    }

    fn data_length(&self) -> Option<usize> {
        Some(self.0.len() + usize::from(self.needs_zero()))
    }
}

/// RFC 8017 appendix A.1.1, for writing.
#[derive(asn1::Asn1Write)]
pub struct RsaPublicKeyOut<'a> {
    pub n: Unsigned<'a>,
    pub e: Unsigned<'a>,
}

/// RFC 8017 appendix A.1.2 (two primes), for writing.
#[derive(asn1::Asn1Write)]
pub struct RsaPrivateKeyOut<'a> {
    pub version: u8,
    pub n: Unsigned<'a>,
    pub e: Unsigned<'a>,
    pub d: Unsigned<'a>,
    pub p: Unsigned<'a>,
    pub q: Unsigned<'a>,
    pub dmp1: Unsigned<'a>,
    pub dmq1: Unsigned<'a>,
    pub iqmp: Unsigned<'a>,
}

/// RFC 3279 section 2.3.2: DSA's domain parameters.
#[derive(asn1::Asn1Read)]
pub struct DssParms<'a> {
    pub p: asn1::BigUint<'a>,
    pub q: asn1::BigUint<'a>,
    pub g: asn1::BigUint<'a>,
}

/// RFC 3279 section 2.3.2, for writing.
#[derive(asn1::Asn1Write)]
pub struct DssParmsOut<'a> {
    pub p: Unsigned<'a>,
    pub q: Unsigned<'a>,
    pub g: Unsigned<'a>,
}

/// OpenSSL's traditional DSA private key (version 0): the parameters, y and x.
#[derive(asn1::Asn1Read)]
pub struct DsaPrivateKey<'a> {
    pub version: u8,
    pub p: asn1::BigUint<'a>,
    pub q: asn1::BigUint<'a>,
    pub g: asn1::BigUint<'a>,
    pub y: asn1::BigUint<'a>,
    pub x: asn1::BigUint<'a>,
}

/// OpenSSL's traditional DSA private key, for writing.
#[derive(asn1::Asn1Write)]
pub struct DsaPrivateKeyOut<'a> {
    pub version: u8,
    pub p: Unsigned<'a>,
    pub q: Unsigned<'a>,
    pub g: Unsigned<'a>,
    pub y: Unsigned<'a>,
    pub x: Unsigned<'a>,
}

/// A big-endian integer without its leading zero bytes (empty for zero).
pub fn significant(bytes: &[u8]) -> &[u8] {
    let first = bytes.iter().position(|&b| b != 0).unwrap_or(bytes.len());
    &bytes[first..]
}

/// The magnitude of a parsed unsigned INTEGER, without DER's leading zero byte.
pub fn magnitude<'a>(value: &asn1::BigUint<'a>) -> &'a [u8] {
    let bytes = value.as_bytes();
    match bytes {
        [0, rest @ ..] if !rest.is_empty() => rest,
        _ => bytes,
    }
}
