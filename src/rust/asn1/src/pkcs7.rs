//! PKCS#7 / CMS (RFC 2315, RFC 5652): ContentInfo, SignedData with its SignerInfos, and
//! the EnvelopedData of S/MIME encryption, each read and written by the same type.

use asn1::ObjectIdentifier;

use crate::certificate::Certificate;
use crate::csr::Attributes;
use crate::name::Name;
use crate::read_or_built::ReadOrBuilt;
use crate::AlgorithmIdentifier;

/// The content types of PKCS#7 (RFC 2315 section 14).
pub const DATA: ObjectIdentifier = asn1::oid!(1, 2, 840, 113549, 1, 7, 1);
pub const SIGNED_DATA: ObjectIdentifier = asn1::oid!(1, 2, 840, 113549, 1, 7, 2);
pub const ENVELOPED_DATA: ObjectIdentifier = asn1::oid!(1, 2, 840, 113549, 1, 7, 3);
pub const SIGNED_AND_ENVELOPED_DATA: ObjectIdentifier = asn1::oid!(1, 2, 840, 113549, 1, 7, 4);
pub const DIGESTED_DATA: ObjectIdentifier = asn1::oid!(1, 2, 840, 113549, 1, 7, 5);
pub const ENCRYPTED_DATA: ObjectIdentifier = asn1::oid!(1, 2, 840, 113549, 1, 7, 6);

/// The signed attributes S/MIME uses (PKCS#9, RFC 8551).
pub const CONTENT_TYPE: ObjectIdentifier = asn1::oid!(1, 2, 840, 113549, 1, 9, 3);
pub const MESSAGE_DIGEST: ObjectIdentifier = asn1::oid!(1, 2, 840, 113549, 1, 9, 4);
pub const SIGNING_TIME: ObjectIdentifier = asn1::oid!(1, 2, 840, 113549, 1, 9, 5);
pub const SMIME_CAPABILITIES: ObjectIdentifier = asn1::oid!(1, 2, 840, 113549, 1, 9, 15);

/// ContentInfo: a type and, for most types, an explicitly tagged content.
#[derive(asn1::Asn1Read, asn1::Asn1Write, Clone, Debug, PartialEq, Eq)]
pub struct ContentInfo<'a> {
    pub content_type: ObjectIdentifier,
    #[explicit(0)]
    pub content: Option<asn1::Tlv<'a>>,
}

/// A SET OF, read lazily or built from values.
pub type SetOf<'a, T> = ReadOrBuilt<'a, asn1::SetOf<'a, T>, asn1::SetOfWriter<'a, T, Vec<T>>>;

/// SignedData (RFC 2315 section 9.1).
#[derive(asn1::Asn1Read, asn1::Asn1Write)]
pub struct SignedData<'a> {
    pub version: u8,
    pub digest_algorithms: SetOf<'a, AlgorithmIdentifier<'a>>,
    pub content_info: ContentInfo<'a>,
    #[implicit(0)]
    pub certificates: Option<SetOf<'a, Certificate<'a>>>,
    #[implicit(1)]
    pub crls: Option<SetOf<'a, asn1::Tlv<'a>>>,
    pub signer_infos: SetOf<'a, SignerInfo<'a>>,
}

/// SignerInfo (RFC 2315 section 9.2).
#[derive(asn1::Asn1Read, asn1::Asn1Write)]
pub struct SignerInfo<'a> {
    pub version: u8,
    pub issuer_and_serial_number: IssuerAndSerialNumber<'a>,
    pub digest_algorithm: AlgorithmIdentifier<'a>,
    #[implicit(0)]
    pub authenticated_attributes: Option<Attributes<'a>>,
    pub digest_encryption_algorithm: AlgorithmIdentifier<'a>,
    pub encrypted_digest: &'a [u8],
    #[implicit(1)]
    pub unauthenticated_attributes: Option<Attributes<'a>>,
}

/// IssuerAndSerialNumber: a certificate named by its issuer and serial.
#[derive(asn1::Asn1Read, asn1::Asn1Write, Clone, Debug, PartialEq, Eq)]
pub struct IssuerAndSerialNumber<'a> {
    pub issuer: Name<'a>,
    pub serial_number: asn1::BigInt<'a>,
}

/// EnvelopedData (RFC 2315 section 10.1).
#[derive(asn1::Asn1Read, asn1::Asn1Write)]
pub struct EnvelopedData<'a> {
    pub version: u8,
    pub recipient_infos: SetOf<'a, RecipientInfo<'a>>,
    pub encrypted_content_info: EncryptedContentInfo<'a>,
}

/// RecipientInfo (RFC 2315 section 10.2): the content key encrypted to one certificate.
#[derive(asn1::Asn1Read, asn1::Asn1Write, Clone, Debug, PartialEq, Eq)]
pub struct RecipientInfo<'a> {
    pub version: u8,
    pub issuer_and_serial_number: IssuerAndSerialNumber<'a>,
    pub key_encryption_algorithm: AlgorithmIdentifier<'a>,
    pub encrypted_key: &'a [u8],
}

/// EncryptedContentInfo (RFC 2315 section 10.1).
#[derive(asn1::Asn1Read, asn1::Asn1Write, Clone, Debug, PartialEq, Eq)]
pub struct EncryptedContentInfo<'a> {
    pub content_type: ObjectIdentifier,
    pub content_encryption_algorithm: AlgorithmIdentifier<'a>,
    #[implicit(0)]
    pub encrypted_content: Option<&'a [u8]>,
}
