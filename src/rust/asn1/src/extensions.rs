//! The values of the standard extensions (RFC 5280 section 4.2 and 5.2-5.3, RFC 6960,
//! RFC 7633) and the GeneralName they share, each read and written by the same type.

use asn1::{ParseResult, SimpleAsn1Readable, SimpleAsn1Writable, Tag, WriteBuf, WriteResult};

use crate::name::{AttributeTypeAndValue, Name, RawValue};
use crate::read_or_built::ReadOrBuilt;

/// The content of an IA5String as it is, not checked to be ASCII: names in certificates
/// are not always what their type promises, and whether to accept one is the reader's
/// decision (with its own error), not the parser's.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Ia5Bytes<'a>(pub &'a [u8]);

impl<'a> SimpleAsn1Readable<'a> for Ia5Bytes<'a> {
    const TAG: Tag = Tag::primitive(0x16);

    fn parse_data(data: &'a [u8]) -> ParseResult<Self> {
        Ok(Ia5Bytes(data))
    }
}

impl SimpleAsn1Writable for Ia5Bytes<'_> {
    type Error = asn1::WriteError;
    const TAG: Tag = Tag::primitive(0x16);

    fn write_data(&self, dest: &mut WriteBuf) -> WriteResult {
        dest.push_slice(self.0)
    }

    fn data_length(&self) -> Option<usize> {
        Some(self.0.len())
    }
}

/// A list both read and built.
pub type SequenceOf<'a, T> =
    ReadOrBuilt<'a, asn1::SequenceOf<'a, T>, asn1::SequenceOfWriter<'a, T, Vec<T>>>;

/// OtherName: a type and a value of that type.
#[derive(asn1::Asn1Read, asn1::Asn1Write, Clone, Debug, PartialEq, Eq, Hash)]
pub struct OtherName<'a> {
    pub type_id: asn1::ObjectIdentifier,
    pub value: OtherNameValue<'a>,
}

/// OtherName's `[0] EXPLICIT ANY`: one value of any type inside a constructed [0].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct OtherNameValue<'a>(pub RawValue<'a>);

impl<'a> SimpleAsn1Readable<'a> for OtherNameValue<'a> {
    const TAG: Tag = asn1::explicit_tag(0);

    fn parse_data(data: &'a [u8]) -> ParseResult<Self> {
        Ok(OtherNameValue(asn1::parse_single::<RawValue<'a>>(data)?))
    }
}

impl SimpleAsn1Writable for OtherNameValue<'_> {
    type Error = asn1::WriteError;
    const TAG: Tag = asn1::explicit_tag(0);

    fn write_data(&self, dest: &mut WriteBuf) -> WriteResult {
        asn1::Writer::new(dest).write_element(&self.0)
    }

    fn data_length(&self) -> Option<usize> {
        None
    }
}

/// GeneralName. x400Address and ediPartyName are kept as their raw contents.
#[derive(asn1::Asn1Read, asn1::Asn1Write, Clone, Debug, PartialEq, Eq, Hash)]
pub enum GeneralName<'a> {
    #[implicit(0)]
    OtherName(OtherName<'a>),
    #[implicit(1)]
    Rfc822Name(Ia5Bytes<'a>),
    #[implicit(2)]
    DnsName(Ia5Bytes<'a>),
    #[implicit(3)]
    X400Address(asn1::Sequence<'a>),
    #[explicit(4)]
    DirectoryName(Name<'a>),
    #[implicit(5)]
    EdiPartyName(asn1::Sequence<'a>),
    #[implicit(6)]
    UniformResourceIdentifier(Ia5Bytes<'a>),
    #[implicit(7)]
    IpAddress(&'a [u8]),
    #[implicit(8)]
    RegisteredId(asn1::ObjectIdentifier),
}

/// GeneralNames (subjectAltName, issuerAltName, certificateIssuer, ...).
pub type GeneralNames<'a> = SequenceOf<'a, GeneralName<'a>>;

/// BasicConstraints.
#[derive(asn1::Asn1Read, asn1::Asn1Write, Clone, Debug, PartialEq, Eq, Hash)]
pub struct BasicConstraints {
    #[default(false)]
    pub ca: bool,
    pub path_length: Option<u64>,
}

/// AuthorityKeyIdentifier.
#[derive(asn1::Asn1Read, asn1::Asn1Write, Clone, Debug, PartialEq, Eq, Hash)]
pub struct AuthorityKeyIdentifier<'a> {
    #[implicit(0)]
    pub key_identifier: Option<&'a [u8]>,
    #[implicit(1)]
    pub authority_cert_issuer: Option<GeneralNames<'a>>,
    /// Signed: certificates with negative serials exist, and their issuers' AKIs name
    /// them.
    #[implicit(2)]
    pub authority_cert_serial_number: Option<asn1::BigInt<'a>>,
}

/// AccessDescription (authorityInfoAccess, subjectInfoAccess).
#[derive(asn1::Asn1Read, asn1::Asn1Write, Clone, Debug, PartialEq, Eq, Hash)]
pub struct AccessDescription<'a> {
    pub access_method: asn1::ObjectIdentifier,
    pub access_location: GeneralName<'a>,
}

/// PolicyInformation (certificatePolicies).
#[derive(asn1::Asn1Read, asn1::Asn1Write, Clone, Debug, PartialEq, Eq, Hash)]
pub struct PolicyInformation<'a> {
    pub policy_identifier: asn1::ObjectIdentifier,
    pub policy_qualifiers: Option<SequenceOf<'a, PolicyQualifierInfo<'a>>>,
}

/// PolicyQualifierInfo: a CPS URI or a user notice, by its OID.
#[derive(asn1::Asn1Read, asn1::Asn1Write, Clone, Debug, PartialEq, Eq, Hash)]
pub struct PolicyQualifierInfo<'a> {
    pub policy_qualifier_id: asn1::ObjectIdentifier,
    pub qualifier: RawValue<'a>,
}

/// UserNotice.
#[derive(asn1::Asn1Read, asn1::Asn1Write, Clone, Debug, PartialEq, Eq)]
pub struct UserNotice<'a> {
    pub notice_ref: Option<NoticeReference<'a>>,
    pub explicit_text: Option<DisplayText<'a>>,
}

/// NoticeReference.
#[derive(asn1::Asn1Read, asn1::Asn1Write, Clone, Debug, PartialEq, Eq)]
pub struct NoticeReference<'a> {
    pub organization: DisplayText<'a>,
    pub notice_numbers: SequenceOf<'a, asn1::BigUint<'a>>,
}

/// DisplayText (RFC 5280 section 4.2.1.4): text in one of four string types. The
/// types' rules are checked on reading, except VisibleString's (see `VisibleBytes`).
#[derive(asn1::Asn1Read, asn1::Asn1Write, Clone, Debug, PartialEq, Eq)]
pub enum DisplayText<'a> {
    IA5String(asn1::IA5String<'a>),
    Utf8String(asn1::Utf8String<'a>),
    VisibleString(VisibleBytes<'a>),
    BmpString(asn1::BMPString<'a>),
}

/// A VisibleString's content as it is: issued certificates (Belgian eID cards among
/// them) carry UTF-8 text in a VisibleString, and whether to accept that is the
/// reader's decision, not the parser's.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct VisibleBytes<'a>(pub &'a [u8]);

impl<'a> SimpleAsn1Readable<'a> for VisibleBytes<'a> {
    const TAG: Tag = Tag::primitive(0x1a);

    fn parse_data(data: &'a [u8]) -> ParseResult<Self> {
        Ok(VisibleBytes(data))
    }
}

impl SimpleAsn1Writable for VisibleBytes<'_> {
    type Error = asn1::WriteError;
    const TAG: Tag = Tag::primitive(0x1a);

    fn write_data(&self, dest: &mut WriteBuf) -> WriteResult {
        dest.push_slice(self.0)
    }

    fn data_length(&self) -> Option<usize> {
        Some(self.0.len())
    }
}

/// The value of the Admissions extension (Common PKI / ISIS-MTT, OID 1.3.36.8.3.3),
/// AdmissionSyntax in its ASN.1 module: who admits the subject to which professions.
#[derive(asn1::Asn1Read, asn1::Asn1Write, Clone, Debug, PartialEq, Eq)]
pub struct Admissions<'a> {
    pub admission_authority: Option<GeneralName<'a>>,
    pub contents_of_admissions: SequenceOf<'a, Admission<'a>>,
}

/// One entry of contentsOfAdmissions (the module's "Admissions").
#[derive(asn1::Asn1Read, asn1::Asn1Write, Clone, Debug, PartialEq, Eq)]
pub struct Admission<'a> {
    #[explicit(0)]
    pub admission_authority: Option<GeneralName<'a>>,
    #[explicit(1)]
    pub naming_authority: Option<NamingAuthority<'a>>,
    pub profession_infos: SequenceOf<'a, ProfessionInfo<'a>>,
}

/// NamingAuthority.
#[derive(asn1::Asn1Read, asn1::Asn1Write, Clone, Debug, PartialEq, Eq)]
pub struct NamingAuthority<'a> {
    pub id: Option<asn1::ObjectIdentifier>,
    pub url: Option<asn1::IA5String<'a>>,
    pub text: Option<DisplayText<'a>>,
}

/// ProfessionInfo. The module says its items are DirectoryStrings; they are read and
/// written as DisplayText, as the reference does, so the same certificates load.
#[derive(asn1::Asn1Read, asn1::Asn1Write, Clone, Debug, PartialEq, Eq)]
pub struct ProfessionInfo<'a> {
    #[explicit(0)]
    pub naming_authority: Option<NamingAuthority<'a>>,
    pub profession_items: SequenceOf<'a, DisplayText<'a>>,
    pub profession_oids: Option<SequenceOf<'a, asn1::ObjectIdentifier>>,
    pub registration_number: Option<asn1::PrintableString<'a>>,
    pub add_profession_info: Option<&'a [u8]>,
}

/// DistributionPoint (cRLDistributionPoints, freshestCRL).
#[derive(asn1::Asn1Read, asn1::Asn1Write, Clone, Debug, PartialEq, Eq, Hash)]
pub struct DistributionPoint<'a> {
    #[explicit(0)]
    pub distribution_point: Option<DistributionPointName<'a>>,
    #[implicit(1)]
    pub reasons: Option<asn1::BitString<'a>>,
    #[implicit(2)]
    pub crl_issuer: Option<GeneralNames<'a>>,
}

/// DistributionPointName: full names, or a name relative to the CRL issuer.
#[derive(asn1::Asn1Read, asn1::Asn1Write, Clone, Debug, PartialEq, Eq, Hash)]
pub enum DistributionPointName<'a> {
    #[implicit(0)]
    FullName(GeneralNames<'a>),
    #[implicit(1)]
    NameRelativeToCrlIssuer(
        ReadOrBuilt<
            'a,
            asn1::SetOf<'a, AttributeTypeAndValue<'a>>,
            asn1::SetOfWriter<'a, AttributeTypeAndValue<'a>, Vec<AttributeTypeAndValue<'a>>>,
        >,
    ),
}

/// IssuingDistributionPoint (a CRL extension).
#[derive(asn1::Asn1Read, asn1::Asn1Write, Clone, Debug, PartialEq, Eq, Hash)]
pub struct IssuingDistributionPoint<'a> {
    #[explicit(0)]
    pub distribution_point: Option<DistributionPointName<'a>>,
    #[implicit(1)]
    #[default(false)]
    pub only_contains_user_certs: bool,
    #[implicit(2)]
    #[default(false)]
    pub only_contains_ca_certs: bool,
    #[implicit(3)]
    pub only_some_reasons: Option<asn1::BitString<'a>>,
    #[implicit(4)]
    #[default(false)]
    pub indirect_crl: bool,
    #[implicit(5)]
    #[default(false)]
    pub only_contains_attribute_certs: bool,
}

/// NameConstraints.
#[derive(asn1::Asn1Read, asn1::Asn1Write, Clone, Debug, PartialEq, Eq, Hash)]
pub struct NameConstraints<'a> {
    #[implicit(0)]
    pub permitted_subtrees: Option<SequenceOf<'a, GeneralSubtree<'a>>>,
    #[implicit(1)]
    pub excluded_subtrees: Option<SequenceOf<'a, GeneralSubtree<'a>>>,
}

/// GeneralSubtree. RFC 5280 fixes minimum at 0 and forbids maximum; both are read so
/// that a reader can refuse them by name.
#[derive(asn1::Asn1Read, asn1::Asn1Write, Clone, Debug, PartialEq, Eq, Hash)]
pub struct GeneralSubtree<'a> {
    pub base: GeneralName<'a>,
    #[implicit(0)]
    #[default(0u64)]
    pub minimum: u64,
    #[implicit(1)]
    pub maximum: Option<u64>,
}

/// PolicyConstraints.
#[derive(asn1::Asn1Read, asn1::Asn1Write, Clone, Debug, PartialEq, Eq, Hash)]
pub struct PolicyConstraints {
    #[implicit(0)]
    pub require_explicit_policy: Option<u64>,
    #[implicit(1)]
    pub inhibit_policy_mapping: Option<u64>,
}

/// One mapping of PolicyMappings.
#[derive(asn1::Asn1Read, asn1::Asn1Write, Clone, Debug, PartialEq, Eq, Hash)]
pub struct PolicyMapping {
    pub issuer_domain_policy: asn1::ObjectIdentifier,
    pub subject_domain_policy: asn1::ObjectIdentifier,
}

/// PrivateKeyUsagePeriod (RFC 3280 section 4.2.1.4).
#[derive(asn1::Asn1Read, asn1::Asn1Write, Clone, Debug, PartialEq, Eq, Hash)]
pub struct PrivateKeyUsagePeriod {
    #[implicit(0)]
    pub not_before: Option<asn1::GeneralizedTime>,
    #[implicit(1)]
    pub not_after: Option<asn1::GeneralizedTime>,
}

/// Microsoft's certificate template extension (szOID_CERTIFICATE_TEMPLATE).
#[derive(asn1::Asn1Read, asn1::Asn1Write, Clone, Debug, PartialEq, Eq, Hash)]
pub struct MSCertificateTemplate {
    pub template_id: asn1::ObjectIdentifier,
    pub major_version: Option<u32>,
    pub minor_version: Option<u32>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip<'a, T>(der: &'a [u8]) -> T
    where
        T: asn1::Asn1Readable<'a> + asn1::Asn1Writable<Error = asn1::WriteError>,
    {
        let value = asn1::parse_single::<T>(der).unwrap();
        assert_eq!(asn1::write_single(&value).unwrap(), der);
        value
    }

    #[test]
    fn general_names_of_every_common_kind() {
        // subjectAltName of the fixture vectors/x509/ed25519-ca.der: DNS ca.example and
        // IP 192.0.2.1.
        let der =
            b"\x30\x12\x82\x0a\x63\x61\x2e\x65\x78\x61\x6d\x70\x6c\x65\x87\x04\xc0\x00\x02\x01";
        let names: GeneralNames<'_> = round_trip(der);
        let names: Vec<_> = names.read().unwrap().clone().collect();
        assert_eq!(
            names,
            [
                GeneralName::DnsName(Ia5Bytes(b"ca.example")),
                GeneralName::IpAddress(&[192, 0, 2, 1]),
            ]
        );
        // A URI and a registered ID.
        let der = b"\x30\x17\x86\x10http://x.example\x88\x03\x2a\x03\x04";
        let names: GeneralNames<'_> = round_trip(der);
        let names: Vec<_> = names.read().unwrap().clone().collect();
        assert_eq!(names[1], GeneralName::RegisteredId(asn1::oid!(1, 2, 3, 4)));
        // A built list writes the same DER as the parsed one.
        let built: GeneralNames<'_> = ReadOrBuilt::Built(asn1::SequenceOfWriter::new(vec![
            GeneralName::UniformResourceIdentifier(Ia5Bytes(b"http://x.example")),
            GeneralName::RegisteredId(asn1::oid!(1, 2, 3, 4)),
        ]));
        assert_eq!(asn1::write_single(&built).unwrap(), der);
    }

    #[test]
    fn basic_constraints_defaults() {
        // The fixture's: cA TRUE, no path length.
        let ca: BasicConstraints = round_trip(b"\x30\x03\x01\x01\xff");
        assert_eq!(
            ca,
            BasicConstraints {
                ca: true,
                path_length: None
            }
        );
        // An end entity: the empty sequence.
        let leaf: BasicConstraints = round_trip(b"\x30\x00");
        assert!(!leaf.ca);
        // cA FALSE spelled out is not DER.
        assert!(asn1::parse_single::<BasicConstraints>(b"\x30\x03\x01\x01\x00").is_err());
    }

    #[test]
    fn authority_key_identifier_by_key_id() {
        // The fixture's: [0] and the 20-byte key identifier.
        let der = b"\x30\x16\x80\x14\xa9\x45\x8d\x8c\x3f\x25\x9d\x8d\x1f\xc1\x81\xf5\xb4\x31\xe9\x47\x5d\xd5\xd8\x1b";
        let aki: AuthorityKeyIdentifier<'_> = round_trip(der);
        assert_eq!(aki.key_identifier.unwrap()[..2], [0xa9, 0x45]);
        assert!(aki.authority_cert_issuer.is_none());
    }
}
