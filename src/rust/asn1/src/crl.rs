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

/// The entries: as read, the list's content unparsed (a list of many thousand entries is
/// validated once by its reader, which keeps where each entry is rather than the parse
/// of each); as built, the entries.
pub type RevokedCertificates<'a> = ReadOrBuilt<
    'a,
    RawSequence<'a>,
    asn1::SequenceOfWriter<'a, RevokedCertificate<'a>, Vec<RevokedCertificate<'a>>>,
>;

/// A SEQUENCE's content as it is, not parsed: its reader parses it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct RawSequence<'a>(pub &'a [u8]);

impl<'a> asn1::SimpleAsn1Readable<'a> for RawSequence<'a> {
    const TAG: asn1::Tag = <asn1::Sequence<'a> as asn1::SimpleAsn1Readable<'a>>::TAG;

    fn parse_data(data: &'a [u8]) -> asn1::ParseResult<Self> {
        Ok(RawSequence(data))
    }
}

impl asn1::SimpleAsn1Writable for RawSequence<'_> {
    type Error = asn1::WriteError;
    const TAG: asn1::Tag = <asn1::Sequence<'_> as asn1::SimpleAsn1Readable<'_>>::TAG;

    fn write_data(&self, dest: &mut asn1::WriteBuf) -> asn1::WriteResult {
        dest.push_slice(self.0)
    }

    fn data_length(&self) -> Option<usize> {
        Some(self.0.len())
    }
}
