//! PKCS#12 (RFC 7292) as this package writes it: a PFX whose AuthenticatedSafe holds
//! SafeContents, plain (`data`) or password-encrypted (`encryptedData`), of key and
//! certificate bags, with a password MAC over the whole. Reading goes through OpenSSL
//! (files in the wild are often BER), so most of these types are only written; the
//! outer PFX is also read, to tell a DER file from a BER one.

use asn1::ObjectIdentifier;

use crate::keys::EncryptedPrivateKeyInfo;
use crate::AlgorithmIdentifier;

/// PKCS#7's content types.
pub const DATA: ObjectIdentifier = asn1::oid!(1, 2, 840, 113549, 1, 7, 1);
pub const ENCRYPTED_DATA: ObjectIdentifier = asn1::oid!(1, 2, 840, 113549, 1, 7, 6);
/// The bag types (RFC 7292 section 4.2).
pub const KEY_BAG: ObjectIdentifier = asn1::oid!(1, 2, 840, 113549, 1, 12, 10, 1, 1);
pub const SHROUDED_KEY_BAG: ObjectIdentifier = asn1::oid!(1, 2, 840, 113549, 1, 12, 10, 1, 2);
pub const CERT_BAG: ObjectIdentifier = asn1::oid!(1, 2, 840, 113549, 1, 12, 10, 1, 3);
/// A certBag's X.509 certificate type (PKCS#9).
pub const X509_CERTIFICATE: ObjectIdentifier = asn1::oid!(1, 2, 840, 113549, 1, 9, 22, 1);
/// The bag attributes (PKCS#9).
pub const FRIENDLY_NAME: ObjectIdentifier = asn1::oid!(1, 2, 840, 113549, 1, 9, 20);
pub const LOCAL_KEY_ID: ObjectIdentifier = asn1::oid!(1, 2, 840, 113549, 1, 9, 21);
/// Oracle's attribute marking a trusted certificate in a Java trust store; its value is
/// the extended key usages the certificate is trusted for.
pub const JAVA_TRUSTED_KEY_USAGE: ObjectIdentifier =
    asn1::oid!(2, 16, 840, 1, 113894, 746875, 1, 1);
/// anyExtendedKeyUsage (RFC 5280 section 4.2.1.12).
pub const ANY_EXTENDED_KEY_USAGE: ObjectIdentifier = asn1::oid!(2, 5, 29, 37, 0);

/// PFX.
#[derive(asn1::Asn1Write)]
pub struct Pfx<'a> {
    /// Always 3.
    pub version: u8,
    pub auth_safe: ContentInfo<'a>,
    pub mac_data: Option<MacData<'a>>,
}

/// ContentInfo, of the two types PKCS#12 uses.
#[derive(asn1::Asn1Write)]
pub struct ContentInfo<'a> {
    pub content_type: ObjectIdentifier,
    pub content: asn1::Explicit<Content<'a>, 0>,
}

/// A ContentInfo's content: the DER of what it holds as an OCTET STRING (`data`), or
/// that DER encrypted (`encryptedData`).
#[derive(asn1::Asn1Write)]
pub enum Content<'a> {
    Data(&'a [u8]),
    EncryptedData(EncryptedData<'a>),
}

/// EncryptedData (PKCS#7 section 13): version 0.
#[derive(asn1::Asn1Write)]
pub struct EncryptedData<'a> {
    pub version: u8,
    pub encrypted_content_info: EncryptedContentInfo<'a>,
}

/// EncryptedContentInfo.
#[derive(asn1::Asn1Write)]
pub struct EncryptedContentInfo<'a> {
    pub content_type: ObjectIdentifier,
    pub content_encryption_algorithm: AlgorithmIdentifier<'a>,
    #[implicit(0)]
    pub encrypted_content: Option<&'a [u8]>,
}

/// SafeBag.
#[derive(asn1::Asn1Write)]
pub struct SafeBag<'a> {
    pub bag_id: ObjectIdentifier,
    pub bag_value: asn1::Explicit<BagValue<'a>, 0>,
    pub bag_attributes: Option<asn1::SetOfWriter<'a, Attribute<'a>, Vec<Attribute<'a>>>>,
}

/// What a bag holds: a PrivateKeyInfo (its DER), an EncryptedPrivateKeyInfo, or a
/// certificate.
#[derive(asn1::Asn1Write)]
pub enum BagValue<'a> {
    Key(asn1::Tlv<'a>),
    ShroudedKey(EncryptedPrivateKeyInfo<'a>),
    Certificate(CertBag<'a>),
}

/// CertBag, for an X.509 certificate.
#[derive(asn1::Asn1Write)]
pub struct CertBag<'a> {
    pub cert_id: ObjectIdentifier,
    pub cert_value: asn1::Explicit<&'a [u8], 0>,
}

/// A bag attribute with its one value.
#[derive(asn1::Asn1Write)]
pub struct Attribute<'a> {
    pub attr_id: ObjectIdentifier,
    pub attr_values: asn1::SetOfWriter<'a, AttributeValue<'a>, [AttributeValue<'a>; 1]>,
}

/// The values of the attributes written: a friendly name (BMPString), a local key ID
/// (OCTET STRING), the usages of a trusted certificate (an OID).
#[derive(asn1::Asn1Write)]
pub enum AttributeValue<'a> {
    Text(asn1::BMPString<'a>),
    Bytes(&'a [u8]),
    Oid(ObjectIdentifier),
}

/// MacData: the MAC (a DigestInfo), its salt and the KDF's iterations (1 when absent).
#[derive(asn1::Asn1Read, asn1::Asn1Write)]
pub struct MacData<'a> {
    pub mac: DigestInfo<'a>,
    pub mac_salt: &'a [u8],
    #[default(1u64)]
    pub iterations: u64,
}

/// DigestInfo.
#[derive(asn1::Asn1Read, asn1::Asn1Write)]
pub struct DigestInfo<'a> {
    pub algorithm: AlgorithmIdentifier<'a>,
    pub digest: &'a [u8],
}

/// PFX as read: the outer structure, its AuthenticatedSafe's ContentInfo left as it is.
#[derive(asn1::Asn1Read)]
pub struct PfxOutline<'a> {
    pub version: u8,
    pub auth_safe: ContentInfoOutline<'a>,
    pub mac_data: Option<MacData<'a>>,
}

/// A ContentInfo as read: its type and its content, unparsed.
#[derive(asn1::Asn1Read)]
pub struct ContentInfoOutline<'a> {
    pub content_type: ObjectIdentifier,
    pub content: asn1::Explicit<asn1::Tlv<'a>, 0>,
}

/// EncryptedData as read (PKCS#7 section 13).
#[derive(asn1::Asn1Read)]
pub struct EncryptedDataRead<'a> {
    pub version: u8,
    pub encrypted_content_info: crate::pkcs7::EncryptedContentInfo<'a>,
}

/// SafeBag as read: its type, its value unparsed, its attributes.
#[derive(asn1::Asn1Read)]
pub struct SafeBagRead<'a> {
    pub bag_id: ObjectIdentifier,
    pub bag_value: asn1::Explicit<asn1::Tlv<'a>, 0>,
    pub bag_attributes: Option<asn1::SetOf<'a, crate::csr::Attribute<'a>>>,
}

/// CertBag as read.
#[derive(asn1::Asn1Read)]
pub struct CertBagRead<'a> {
    pub cert_id: ObjectIdentifier,
    pub cert_value: asn1::Explicit<asn1::Tlv<'a>, 0>,
}
