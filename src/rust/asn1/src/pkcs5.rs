//! Password-based encryption parameters: PBES2 with PBKDF2 or scrypt (RFC 8018, RFC
//! 7914), PBES1 and PKCS#12's schemes (RFC 8018 appendix A.3, RFC 7292 appendix C), and
//! RC2-CBC's parameters.

use crate::algorithm::AlgorithmIdentifier;

/// RFC 8018 appendix A.4.
#[derive(asn1::Asn1Read, asn1::Asn1Write, Clone, Debug, PartialEq, Eq)]
pub struct Pbes2Params<'a> {
    pub key_derivation_func: AlgorithmIdentifier<'a>,
    pub encryption_scheme: AlgorithmIdentifier<'a>,
}

/// RFC 8018 appendix A.2 (the salt in its "specified" form). An absent PRF is
/// HMAC-SHA1.
#[derive(asn1::Asn1Read, asn1::Asn1Write, Clone, Debug, PartialEq, Eq)]
pub struct Pbkdf2Params<'a> {
    pub salt: &'a [u8],
    pub iteration_count: u64,
    pub key_length: Option<u64>,
    pub prf: Option<AlgorithmIdentifier<'a>>,
}

/// RFC 7914 section 7.1.
#[derive(asn1::Asn1Read, asn1::Asn1Write, Clone, Debug, PartialEq, Eq)]
pub struct ScryptParams<'a> {
    pub salt: &'a [u8],
    pub cost_parameter: u64,
    pub block_size: u64,
    pub parallelization_parameter: u64,
    pub key_length: Option<u64>,
}

/// RFC 7292 appendix C (and RFC 8018's PBES1): a salt and an iteration count.
#[derive(asn1::Asn1Read, asn1::Asn1Write, Clone, Debug, PartialEq, Eq)]
pub struct PbeParams<'a> {
    pub salt: &'a [u8],
    pub iterations: u64,
}

/// RFC 8018 appendix B.2.3: RC2-CBC's parameters (the effective key size is encoded as a
/// version number).
#[derive(asn1::Asn1Read, asn1::Asn1Write, Clone, Debug, PartialEq, Eq)]
pub struct Rc2CbcParams<'a> {
    pub version: Option<u64>,
    pub iv: &'a [u8],
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{oid, AlgorithmParameters};

    #[test]
    fn pbes2_nests_typed_identifiers() {
        let pbkdf2 = Pbkdf2Params {
            salt: b"saltsalt",
            iteration_count: 2048,
            key_length: None,
            prf: Some(AlgorithmIdentifier::new(AlgorithmParameters::HmacSha256(
                Some(()),
            ))),
        };
        let pbes2 = AlgorithmIdentifier::new(AlgorithmParameters::Pbes2(Box::new(Pbes2Params {
            key_derivation_func: AlgorithmIdentifier::new(AlgorithmParameters::Pbkdf2(Box::new(
                pbkdf2,
            ))),
            encryption_scheme: AlgorithmIdentifier::new(AlgorithmParameters::Aes256Cbc(&[9u8; 16])),
        })));
        let der = asn1::write_single(&pbes2).unwrap();
        let parsed = asn1::parse_single::<AlgorithmIdentifier<'_>>(&der).unwrap();
        assert_eq!(parsed, pbes2);
        let AlgorithmParameters::Pbes2(params) = parsed.params else {
            panic!("not PBES2");
        };
        assert_eq!(params.key_derivation_func.oid(), &oid::PBKDF2);
        assert_eq!(params.encryption_scheme.oid(), &oid::AES256_CBC);
    }
}
