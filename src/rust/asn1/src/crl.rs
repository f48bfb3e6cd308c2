//! Certificate revocation lists (RFC 5280 section 5.1).

use crate::algorithm::AlgorithmIdentifier;
use crate::certificate::{Extensions, Time};
use crate::name::Name;
use crate::read_or_built::ReadOrBuilt;

/// CertificateList.
#[derive(asn1::Asn1Read, asn1::Asn1Write, Clone, Debug, PartialEq, Eq)]
pub struct CertificateList<'a> {
    pub tbs_cert_list: TBSCertList<'a>,
    pub signature_algorithm: AlgorithmIdentifier<'a>,
    pub signature_value: asn1::BitString<'a>,
}

/// TBSCertList. The version, when present, is v2 (1); a list without entries leaves
/// `revoked_certificates` out rather than writing an empty sequence.
#[derive(asn1::Asn1Read, asn1::Asn1Write, Clone, Debug, PartialEq, Eq)]
pub struct TBSCertList<'a> {
    pub version: Option<u8>,
    pub signature: AlgorithmIdentifier<'a>,
    pub issuer: Name<'a>,
    pub this_update: Time,
    pub next_update: Option<Time>,
    pub revoked_certificates: Option<RevokedCertificates<'a>>,
    #[explicit(0)]
    pub crl_extensions: Option<Extensions<'a>>,
}

/// One entry of the list.
#[derive(asn1::Asn1Read, asn1::Asn1Write, Clone, Debug, PartialEq, Eq, Hash)]
pub struct RevokedCertificate<'a> {
    pub user_certificate: asn1::BigInt<'a>,
    pub revocation_date: Time,
    pub crl_entry_extensions: Option<Extensions<'a>>,
}

pub type RevokedCertificates<'a> = ReadOrBuilt<
    asn1::SequenceOf<'a, RevokedCertificate<'a>>,
    asn1::SequenceOfWriter<'a, RevokedCertificate<'a>, Vec<RevokedCertificate<'a>>>,
>;
