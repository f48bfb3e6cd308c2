//! AlgorithmIdentifier (RFC 5280 section 4.1.1.2) with its parameters decoded by its OID:
//! reading one yields, say, `AlgorithmParameters::Ec(curve)` or
//! `AlgorithmParameters::Pbes2(kdf, cipher)`, checked against the parameters' ASN.1
//! type as part of the enclosing structure; an OID nobody here knows keeps its raw
//! parameters (`Other`), for the caller to refuse by name.

use crate::keys::{DhDomainParameters, DhParameter, DssParms, EcParameters};
use crate::oid;
use crate::pkcs5::{PbeParams, Pbes2Params, Pbkdf2Params, Rc2CbcParams, ScryptParams};

#[derive(asn1::Asn1Read, asn1::Asn1Write, Clone, Debug, PartialEq, Eq)]
pub struct AlgorithmIdentifier<'a> {
    pub oid: asn1::DefinedByMarker<asn1::ObjectIdentifier>,
    #[defined_by(oid)]
    pub params: AlgorithmParameters<'a>,
}

impl<'a> AlgorithmIdentifier<'a> {
    pub fn new(params: AlgorithmParameters<'a>) -> Self {
        AlgorithmIdentifier {
            oid: asn1::DefinedByMarker::marker(),
            params,
        }
    }

    /// The algorithm's OID.
    pub fn oid(&self) -> &asn1::ObjectIdentifier {
        asn1::Asn1DefinedByWritable::item(&self.params)
    }
}

/// RSASSA-PSS-params (RFC 4055 section 3.1). Absent fields take the RFC's defaults
/// (SHA-1, MGF1 with SHA-1, a 20-byte salt, trailer 1); DER leaves defaults out.
#[derive(asn1::Asn1Read, asn1::Asn1Write, Clone, Debug, PartialEq, Eq)]
pub struct RsaPssParameters<'a> {
    #[explicit(0)]
    pub hash_algorithm: Option<AlgorithmIdentifier<'a>>,
    #[explicit(1)]
    pub mask_gen_algorithm: Option<AlgorithmIdentifier<'a>>,
    #[explicit(2)]
    pub salt_length: Option<u16>,
    #[explicit(3)]
    pub trailer_field: Option<u8>,
}

/// The parameters of each algorithm the package reads or writes. Where a specification
/// allows them to be absent or NULL, both are accepted (`Option<Null>`); where it says
/// they are absent (RFC 8410), none may be there.
#[derive(asn1::Asn1DefinedByRead, asn1::Asn1DefinedByWrite, Clone, Debug, PartialEq, Eq)]
pub enum AlgorithmParameters<'a> {
    // The derived reader compares the OID with each variant's in the order written, so
    // the key types and signature algorithms of most of today's certificates come first.
    #[defined_by(oid::RSA_WITH_SHA256)]
    RsaWithSha256(Option<asn1::Null>),
    #[defined_by(oid::ECDSA_WITH_SHA256)]
    EcdsaWithSha256,
    #[defined_by(oid::RSA)]
    Rsa(Option<asn1::Null>),
    #[defined_by(oid::EC_PUBLIC_KEY)]
    Ec(EcParameters<'a>),
    #[defined_by(oid::ECDSA_WITH_SHA384)]
    EcdsaWithSha384,
    #[defined_by(oid::ED25519)]
    Ed25519,
    #[defined_by(oid::RSA_WITH_SHA384)]
    RsaWithSha384(Option<asn1::Null>),
    #[defined_by(oid::RSA_WITH_SHA512)]
    RsaWithSha512(Option<asn1::Null>),

    // Other key types.
    /// RSASSA-PSS keys: the parameters (hash, MGF, salt) restrict the key's use; they are
    /// kept as they are until a reader needs them.
    #[defined_by(oid::RSASSA_PSS)]
    RsaPss(Option<asn1::Tlv<'a>>),
    /// RFC 3279 lets a certificate leave the parameters out (inherited from its
    /// issuer); like the reference, such an identifier does not parse, since a key
    /// without its parameters cannot be used on its own.
    #[defined_by(oid::DSA)]
    Dsa(DssParms<'a>),
    /// PKCS #3 dhKeyAgreement: a group without q.
    #[defined_by(oid::DH)]
    Dh(DhParameter<'a>),
    /// X9.42 dhpublicnumber: a group with q.
    #[defined_by(oid::DHX)]
    Dhx(DhDomainParameters<'a>),
    #[defined_by(oid::X25519)]
    X25519,
    #[defined_by(oid::X448)]
    X448,
    #[defined_by(oid::ED448)]
    Ed448,
    /// ML-DSA keys and signatures (RFC 9881): no parameters.
    #[defined_by(oid::ML_DSA_44)]
    MlDsa44,
    #[defined_by(oid::ML_DSA_65)]
    MlDsa65,
    #[defined_by(oid::ML_DSA_87)]
    MlDsa87,
    /// ML-KEM keys: no parameters.
    #[defined_by(oid::ML_KEM_512)]
    MlKem512,
    #[defined_by(oid::ML_KEM_768)]
    MlKem768,
    #[defined_by(oid::ML_KEM_1024)]
    MlKem1024,

    // Other signature algorithms. RSA's (as those above) carry NULL (or, in old files,
    // nothing); ECDSA's and DSA's carry nothing, and a NULL there is refused (RFC 5758
    // section 3.2), as the reference refuses it (cryptography-vectors' x509/custom/ecdsa_null_alg.pem and
    // dsa_null_alg_params.pem).
    #[defined_by(oid::RSA_WITH_MD5)]
    RsaWithMd5(Option<asn1::Null>),
    #[defined_by(oid::RSA_WITH_SHA1)]
    RsaWithSha1(Option<asn1::Null>),
    #[defined_by(oid::RSA_WITH_SHA1_OIW)]
    RsaWithSha1Oiw(Option<asn1::Null>),
    #[defined_by(oid::RSA_WITH_SHA224)]
    RsaWithSha224(Option<asn1::Null>),
    #[defined_by(oid::RSA_WITH_SHA3_224)]
    RsaWithSha3_224(Option<asn1::Null>),
    #[defined_by(oid::RSA_WITH_SHA3_256)]
    RsaWithSha3_256(Option<asn1::Null>),
    #[defined_by(oid::RSA_WITH_SHA3_384)]
    RsaWithSha3_384(Option<asn1::Null>),
    #[defined_by(oid::RSA_WITH_SHA3_512)]
    RsaWithSha3_512(Option<asn1::Null>),
    #[defined_by(oid::ECDSA_WITH_SHA1)]
    EcdsaWithSha1,
    #[defined_by(oid::ECDSA_WITH_SHA224)]
    EcdsaWithSha224,
    #[defined_by(oid::ECDSA_WITH_SHA512)]
    EcdsaWithSha512,
    #[defined_by(oid::ECDSA_WITH_SHA3_224)]
    EcdsaWithSha3_224,
    #[defined_by(oid::ECDSA_WITH_SHA3_256)]
    EcdsaWithSha3_256,
    #[defined_by(oid::ECDSA_WITH_SHA3_384)]
    EcdsaWithSha3_384,
    #[defined_by(oid::ECDSA_WITH_SHA3_512)]
    EcdsaWithSha3_512,
    /// DSA with SHA-1 predates RFC 5758, and certificates with a NULL here exist (the
    /// reference reads cryptography-vectors' x509/san_x400address.der); it is tolerated.
    #[defined_by(oid::DSA_WITH_SHA1)]
    DsaWithSha1(Option<asn1::Null>),
    #[defined_by(oid::DSA_WITH_SHA224)]
    DsaWithSha224,
    #[defined_by(oid::DSA_WITH_SHA256)]
    DsaWithSha256,
    #[defined_by(oid::DSA_WITH_SHA384)]
    DsaWithSha384,
    #[defined_by(oid::DSA_WITH_SHA512)]
    DsaWithSha512,

    // Password-based encryption (PKCS#5, PKCS#12).
    #[defined_by(oid::PBES2)]
    Pbes2(Box<Pbes2Params<'a>>),
    #[defined_by(oid::PBKDF2)]
    Pbkdf2(Box<Pbkdf2Params<'a>>),
    #[defined_by(oid::SCRYPT)]
    Scrypt(ScryptParams<'a>),
    #[defined_by(oid::HMAC_SHA1)]
    HmacSha1(Option<asn1::Null>),
    #[defined_by(oid::HMAC_SHA224)]
    HmacSha224(Option<asn1::Null>),
    #[defined_by(oid::HMAC_SHA256)]
    HmacSha256(Option<asn1::Null>),
    #[defined_by(oid::HMAC_SHA384)]
    HmacSha384(Option<asn1::Null>),
    #[defined_by(oid::HMAC_SHA512)]
    HmacSha512(Option<asn1::Null>),
    /// The CBC ciphers' parameter is the IV.
    #[defined_by(oid::AES128_CBC)]
    Aes128Cbc(&'a [u8]),
    #[defined_by(oid::AES192_CBC)]
    Aes192Cbc(&'a [u8]),
    #[defined_by(oid::AES256_CBC)]
    Aes256Cbc(&'a [u8]),
    #[defined_by(oid::DES_EDE3_CBC)]
    DesEde3Cbc(&'a [u8]),
    #[defined_by(oid::DES_CBC)]
    DesCbc(&'a [u8]),
    #[defined_by(oid::RC2_CBC)]
    Rc2Cbc(Rc2CbcParams<'a>),
    #[defined_by(oid::PBE_MD5_DES)]
    PbeMd5Des(PbeParams<'a>),
    #[defined_by(oid::PBE_SHA1_DES)]
    PbeSha1Des(PbeParams<'a>),
    #[defined_by(oid::PBE_SHA1_RC4_128)]
    PbeSha1Rc4_128(PbeParams<'a>),
    #[defined_by(oid::PBE_SHA1_RC4_40)]
    PbeSha1Rc4_40(PbeParams<'a>),
    #[defined_by(oid::PBE_SHA1_3DES)]
    PbeSha1TripleDes(PbeParams<'a>),
    #[defined_by(oid::PBE_SHA1_2DES)]
    PbeSha1TwoKeyDes(PbeParams<'a>),
    #[defined_by(oid::PBE_SHA1_RC2_128)]
    PbeSha1Rc2_128(PbeParams<'a>),
    #[defined_by(oid::PBE_SHA1_RC2_40)]
    PbeSha1Rc2_40(PbeParams<'a>),

    #[default]
    Other(asn1::ObjectIdentifier, Option<asn1::Tlv<'a>>),
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(der: &[u8]) -> AlgorithmIdentifier<'_> {
        let parsed = asn1::parse_single::<AlgorithmIdentifier<'_>>(der).unwrap();
        assert_eq!(asn1::write_single(&parsed).unwrap(), der);
        parsed
    }

    #[test]
    fn parameters_are_typed_by_oid() {
        // rsaEncryption with NULL, and without parameters.
        let rsa = round_trip(b"\x30\x0d\x06\x09\x2a\x86\x48\x86\xf7\x0d\x01\x01\x01\x05\x00");
        assert_eq!(rsa.params, AlgorithmParameters::Rsa(Some(())));
        assert_eq!(rsa.oid(), &oid::RSA);
        let rsa = round_trip(b"\x30\x0b\x06\x09\x2a\x86\x48\x86\xf7\x0d\x01\x01\x01");
        assert_eq!(rsa.params, AlgorithmParameters::Rsa(None));
        // id-ecPublicKey with the P-256 OID.
        let ec = round_trip(
            b"\x30\x13\x06\x07\x2a\x86\x48\xce\x3d\x02\x01\x06\x08\x2a\x86\x48\xce\x3d\x03\x01\x07",
        );
        assert_eq!(
            ec.params,
            AlgorithmParameters::Ec(EcParameters::NamedCurve(oid::SECP256R1))
        );
        // Ed25519 takes no parameters at all.
        let ed = round_trip(b"\x30\x05\x06\x03\x2b\x65\x70");
        assert_eq!(ed.params, AlgorithmParameters::Ed25519);
        assert!(asn1::parse_single::<AlgorithmIdentifier<'_>>(
            b"\x30\x07\x06\x03\x2b\x65\x70\x05\x00"
        )
        .is_err());
        // RSA parameters that are not NULL are refused as part of the structure.
        assert!(asn1::parse_single::<AlgorithmIdentifier<'_>>(
            b"\x30\x0e\x06\x09\x2a\x86\x48\x86\xf7\x0d\x01\x01\x01\x02\x01\x00"
        )
        .is_err());
        // An OID nobody here knows keeps its parameters.
        let other = round_trip(b"\x30\x07\x06\x02\x2a\x03\x02\x01\x07");
        assert!(matches!(
            other.params,
            AlgorithmParameters::Other(_, Some(_))
        ));
        assert_eq!(other.oid(), &asn1::oid!(1, 2, 3));
    }

    #[test]
    fn written_identifiers_carry_their_oid() {
        let der = asn1::write_single(&AlgorithmIdentifier::new(AlgorithmParameters::Aes256Cbc(
            &[7u8; 16],
        )))
        .unwrap();
        let parsed = asn1::parse_single::<AlgorithmIdentifier<'_>>(&der).unwrap();
        assert_eq!(parsed.oid(), &oid::AES256_CBC);
        assert_eq!(parsed.params, AlgorithmParameters::Aes256Cbc(&[7u8; 16]));
    }
}
