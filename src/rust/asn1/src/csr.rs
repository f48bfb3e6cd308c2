//! Certificate signing requests (PKCS#10, RFC 2986 section 4).

use crate::algorithm::AlgorithmIdentifier;
use crate::keys::SubjectPublicKeyInfo;
use crate::name::{Name, RawValue};
use crate::read_or_built::ReadOrBuilt;

/// CertificationRequest.
#[derive(asn1::Asn1Read, asn1::Asn1Write, Clone, Debug, PartialEq, Eq)]
pub struct CertificationRequest<'a> {
    pub info: CertificationRequestInfo<'a>,
    pub signature_algorithm: AlgorithmIdentifier<'a>,
    pub signature: asn1::BitString<'a>,
}

/// CertificationRequestInfo. Version 1 (0) is the only one defined; a reader decides
/// what to do with others.
#[derive(asn1::Asn1Read, asn1::Asn1Write, Clone, Debug, PartialEq, Eq)]
pub struct CertificationRequestInfo<'a> {
    pub version: u8,
    pub subject: Name<'a>,
    pub spki: SubjectPublicKeyInfo<'a>,
    #[implicit(0, required)]
    pub attributes: Attributes<'a>,
}

/// Attribute: a type and a non-empty SET OF values, each kept as encoded.
#[derive(asn1::Asn1Read, asn1::Asn1Write, Clone, Debug, PartialEq, Eq, Hash)]
pub struct Attribute<'a> {
    pub attribute_type: asn1::ObjectIdentifier,
    pub values: ReadOrBuilt<
        'a,
        asn1::SetOf<'a, RawValue<'a>>,
        asn1::SetOfWriter<'a, RawValue<'a>, Vec<RawValue<'a>>>,
    >,
}

/// Attributes: SET OF Attribute.
pub type Attributes<'a> = ReadOrBuilt<
    'a,
    asn1::SetOf<'a, Attribute<'a>>,
    asn1::SetOfWriter<'a, Attribute<'a>, Vec<Attribute<'a>>>,
>;
