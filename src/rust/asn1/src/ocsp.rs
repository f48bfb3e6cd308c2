//! OCSP requests and responses (RFC 6960 section 4), each read and written by the same
//! type. The module's tags are EXPLICIT unless marked.

use asn1::{ParseResult, SimpleAsn1Readable, SimpleAsn1Writable, Tag, WriteBuf, WriteResult};

use crate::algorithm::AlgorithmIdentifier;
use crate::certificate::{Certificate, Extensions};
use crate::extensions::{GeneralName, SequenceOf};
use crate::name::Name;

/// An ENUMERATED's value (a response status, a revocation reason), as a plain number
/// (the `asn1` crate's own type is neither copied nor compared).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct EnumeratedValue(pub u32);

impl<'a> SimpleAsn1Readable<'a> for EnumeratedValue {
    const TAG: Tag = Tag::primitive(0x0a);

    fn parse_data(data: &'a [u8]) -> ParseResult<Self> {
        asn1::Enumerated::parse_data(data).map(|value| EnumeratedValue(value.value()))
    }
}

impl SimpleAsn1Writable for EnumeratedValue {
    type Error = asn1::WriteError;
    const TAG: Tag = Tag::primitive(0x0a);

    fn write_data(&self, dest: &mut WriteBuf) -> WriteResult {
        asn1::Enumerated::new(self.0).write_data(dest)
    }

    fn data_length(&self) -> Option<usize> {
        asn1::Enumerated::new(self.0).data_length()
    }
}

/// OCSPRequest.
#[derive(asn1::Asn1Read, asn1::Asn1Write, Clone, Debug, PartialEq, Eq)]
pub struct OcspRequest<'a> {
    pub tbs_request: TbsRequest<'a>,
    #[explicit(0)]
    pub optional_signature: Option<RequestSignature<'a>>,
}

/// TBSRequest. The version is v1 (0), left out as DER leaves defaults out.
#[derive(asn1::Asn1Read, asn1::Asn1Write, Clone, Debug, PartialEq, Eq)]
pub struct TbsRequest<'a> {
    #[explicit(0)]
    #[default(0u8)]
    pub version: u8,
    #[explicit(1)]
    pub requestor_name: Option<GeneralName<'a>>,
    pub request_list: SequenceOf<'a, Request<'a>>,
    #[explicit(2)]
    pub request_extensions: Option<Extensions<'a>>,
}

/// Signature (of a request).
#[derive(asn1::Asn1Read, asn1::Asn1Write, Clone, Debug, PartialEq, Eq)]
pub struct RequestSignature<'a> {
    pub signature_algorithm: AlgorithmIdentifier<'a>,
    pub signature: asn1::BitString<'a>,
    #[explicit(0)]
    pub certs: Option<SequenceOf<'a, Certificate<'a>>>,
}

/// Request: one certificate asked about.
#[derive(asn1::Asn1Read, asn1::Asn1Write, Clone, Debug, PartialEq, Eq)]
pub struct Request<'a> {
    pub req_cert: CertId<'a>,
    #[explicit(0)]
    pub single_request_extensions: Option<Extensions<'a>>,
}

/// CertID: a certificate named by hashes of its issuer's name and key, and its serial.
#[derive(asn1::Asn1Read, asn1::Asn1Write, Clone, Debug, PartialEq, Eq)]
pub struct CertId<'a> {
    pub hash_algorithm: AlgorithmIdentifier<'a>,
    pub issuer_name_hash: &'a [u8],
    pub issuer_key_hash: &'a [u8],
    /// Signed, as certificate serials are read.
    pub serial_number: asn1::BigInt<'a>,
}

/// OCSPResponse: a status, and for a successful one the response itself.
#[derive(asn1::Asn1Read, asn1::Asn1Write, Clone, Debug, PartialEq, Eq)]
pub struct OcspResponse<'a> {
    pub response_status: EnumeratedValue,
    #[explicit(0)]
    pub response_bytes: Option<ResponseBytes<'a>>,
}

/// ResponseBytes: the response's type (id-pkix-ocsp-basic for every response in use)
/// and its DER.
#[derive(asn1::Asn1Read, asn1::Asn1Write, Clone, Debug, PartialEq, Eq)]
pub struct ResponseBytes<'a> {
    pub response_type: asn1::ObjectIdentifier,
    pub response: &'a [u8],
}

/// BasicOCSPResponse.
#[derive(asn1::Asn1Read, asn1::Asn1Write, Clone, Debug, PartialEq, Eq)]
pub struct BasicOcspResponse<'a> {
    pub tbs_response_data: ResponseData<'a>,
    pub signature_algorithm: AlgorithmIdentifier<'a>,
    pub signature: asn1::BitString<'a>,
    #[explicit(0)]
    pub certs: Option<SequenceOf<'a, Certificate<'a>>>,
}

/// ResponseData. The version is v1 (0), left out as DER leaves defaults out.
#[derive(asn1::Asn1Read, asn1::Asn1Write, Clone, Debug, PartialEq, Eq)]
pub struct ResponseData<'a> {
    #[explicit(0)]
    #[default(0u8)]
    pub version: u8,
    pub responder_id: ResponderId<'a>,
    pub produced_at: asn1::X509GeneralizedTime,
    pub responses: SequenceOf<'a, SingleResponse<'a>>,
    #[explicit(1)]
    pub response_extensions: Option<Extensions<'a>>,
}

/// ResponderID: the responder's name, or the SHA-1 of its key.
#[derive(asn1::Asn1Read, asn1::Asn1Write, Clone, Debug, PartialEq, Eq)]
pub enum ResponderId<'a> {
    #[explicit(1)]
    ByName(Name<'a>),
    #[explicit(2)]
    ByKey(&'a [u8]),
}

/// SingleResponse: the status of one certificate.
#[derive(asn1::Asn1Read, asn1::Asn1Write, Clone, Debug, PartialEq, Eq)]
pub struct SingleResponse<'a> {
    pub cert_id: CertId<'a>,
    pub cert_status: CertStatus,
    pub this_update: asn1::X509GeneralizedTime,
    #[explicit(0)]
    pub next_update: Option<asn1::X509GeneralizedTime>,
    #[explicit(1)]
    pub single_extensions: Option<Extensions<'a>>,
}

/// CertStatus (its alternatives are IMPLICIT).
#[derive(asn1::Asn1Read, asn1::Asn1Write, Clone, Debug, PartialEq, Eq)]
pub enum CertStatus {
    #[implicit(0)]
    Good(asn1::Null),
    #[implicit(1)]
    Revoked(RevokedInfo),
    #[implicit(2)]
    Unknown(asn1::Null),
}

/// RevokedInfo.
#[derive(asn1::Asn1Read, asn1::Asn1Write, Clone, Debug, PartialEq, Eq)]
pub struct RevokedInfo {
    pub revocation_time: asn1::X509GeneralizedTime,
    #[explicit(0)]
    pub revocation_reason: Option<EnumeratedValue>,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// cryptography-vectors' x509/ocsp/req-sha1.der: one request, SHA-1 CertID.
    const REQ_SHA1: &str = "3056305430523050304e300906052b0e03021a0500041438ca468c07448df48196c76d6d4c70519e60a7bd04147975bb843acb2cde7a09be311b43bc1c2a4d535802150098d9e5c0b4c373552df77c5d0f1eb5128e4945f9";

    fn unhex(text: &str) -> Vec<u8> {
        (0..text.len())
            .step_by(2)
            .map(|at| u8::from_str_radix(&text[at..at + 2], 16).unwrap())
            .collect()
    }

    #[test]
    fn a_request_reads_and_writes_back() {
        let der = unhex(REQ_SHA1);
        let request = asn1::parse_single::<OcspRequest<'_>>(&der).unwrap();
        assert_eq!(request.tbs_request.version, 0);
        assert!(request.optional_signature.is_none());
        let list: Vec<_> = request
            .tbs_request
            .request_list
            .read()
            .unwrap()
            .clone()
            .collect();
        assert_eq!(list.len(), 1);
        let cert_id = &list[0].req_cert;
        assert_eq!(
            cert_id.hash_algorithm.oid(),
            &asn1::oid!(1, 3, 14, 3, 2, 26)
        );
        assert_eq!(cert_id.issuer_name_hash[..2], [0x38, 0xca]);
        assert_eq!(cert_id.issuer_key_hash[..2], [0x79, 0x75]);
        assert_eq!(cert_id.serial_number.as_bytes()[..2], [0x00, 0x98]);
        assert_eq!(asn1::write_single(&request).unwrap(), der);
    }

    #[test]
    fn statuses_and_responder_ids() {
        // An unsuccessful response: tryLater (3), no response bytes.
        let response = asn1::parse_single::<OcspResponse<'_>>(b"\x30\x03\x0a\x01\x03").unwrap();
        assert_eq!(response.response_status, EnumeratedValue(3));
        assert!(response.response_bytes.is_none());
        // CertStatus: good is [0] NULL, revoked [1] with a time, unknown [2] NULL.
        assert_eq!(
            asn1::parse_single::<CertStatus>(b"\x80\x00").unwrap(),
            CertStatus::Good(())
        );
        let revoked = asn1::parse_single::<CertStatus>(
            b"\xa1\x16\x18\x0f20200101000000Z\xa0\x03\x0a\x01\x01",
        )
        .unwrap();
        match revoked {
            CertStatus::Revoked(info) => {
                assert_eq!(info.revocation_time.as_datetime().year(), 2020);
                assert_eq!(info.revocation_reason, Some(EnumeratedValue(1)));
            }
            other => panic!("{other:?}"),
        }
        // A responder named by key hash: [2] EXPLICIT OCTET STRING.
        let by_key = asn1::parse_single::<ResponderId<'_>>(b"\xa2\x04\x04\x02\xab\xcd").unwrap();
        assert_eq!(by_key, ResponderId::ByKey(b"\xab\xcd"));
    }
}
