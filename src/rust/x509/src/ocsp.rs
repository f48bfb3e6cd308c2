//! Loaded OCSP requests and responses (RFC 6960): each owns its DER and the one parse of
//! it, with the loading rules the reference applies (version v1 only, one certificate
//! per request, a successful response carries a basic response).

use cryptography_asn1::ocsp as der;
use cryptography_backend::hash::{HashAlgorithm, Hasher};

use crate::error::{X509Error, X509Result};

/// id-pkix-ocsp-basic: the one response type in use (RFC 6960 section 4.2.1).
pub const BASIC_RESPONSE: asn1::ObjectIdentifier = asn1::oid!(1, 3, 6, 1, 5, 5, 7, 48, 1, 1);

/// The response statuses RFC 6960 defines (4 is not used).
pub const STATUSES: [u32; 6] = [0, 1, 2, 3, 5, 6];
/// successful.
pub const SUCCESSFUL: u32 = 0;

self_cell::self_cell!(
    struct OwnedRequest {
        owner: Vec<u8>,
        #[covariant]
        dependent: ParsedRequest,
    }
);

struct ParsedRequest<'a> {
    request: der::OcspRequest<'a>,
    /// The one certificate asked about.
    single: der::Request<'a>,
}

/// An OCSP request for one certificate.
pub struct Request {
    owned: OwnedRequest,
}

impl Request {
    pub fn from_der(der_bytes: Vec<u8>) -> X509Result<Self> {
        let owned = OwnedRequest::try_new(der_bytes, |bytes| {
            let request = asn1::parse_single::<der::OcspRequest<'_>>(bytes)?;
            let version = request.tbs_request.version;
            if version != 0 {
                return Err(X509Error::InvalidOcsp(format!(
                    "{version} is not a valid OCSP request version"
                )));
            }
            let mut list = request
                .tbs_request
                .request_list
                .read()
                .cloned()
                .into_iter()
                .flatten();
            let single = list.next().ok_or_else(|| {
                X509Error::InvalidOcsp("OCSP request contains no request".to_string())
            })?;
            if list.next().is_some() {
                return Err(X509Error::UnsupportedOcsp(
                    "OCSP request contains more than one request",
                ));
            }
            Ok(ParsedRequest { request, single })
        })?;
        Ok(Request { owned })
    }

    pub fn der(&self) -> &[u8] {
        self.owned.borrow_owner()
    }

    pub fn parsed(&self) -> &der::OcspRequest<'_> {
        &self.owned.borrow_dependent().request
    }

    /// The certificate asked about.
    pub fn cert_id(&self) -> &der::CertId<'_> {
        &self.owned.borrow_dependent().single.req_cert
    }
}

self_cell::self_cell!(
    struct OwnedResponse {
        owner: Vec<u8>,
        #[covariant]
        dependent: ParsedResponse,
    }
);

struct ParsedResponse<'a> {
    status: u32,
    basic: Option<Basic<'a>>,
}

struct Basic<'a> {
    response: der::BasicOcspResponse<'a>,
    /// The responses, read once.
    singles: Vec<der::SingleResponse<'a>>,
}

/// An OCSP response: its status and, when successful, the basic response.
pub struct Response {
    owned: OwnedResponse,
}

impl Response {
    pub fn from_der(der_bytes: Vec<u8>) -> X509Result<Self> {
        let owned = OwnedResponse::try_new(der_bytes, |bytes| {
            let outer = asn1::parse_single::<der::OcspResponse<'_>>(bytes)?;
            let status = outer.response_status.0;
            if !STATUSES.contains(&status) {
                return Err(X509Error::InvalidOcsp(
                    "OCSP response has an unknown status code".to_string(),
                ));
            }
            let basic = match (&outer.response_bytes, status) {
                (Some(bytes), _) => {
                    if bytes.response_type != BASIC_RESPONSE {
                        // As the reference's parser words an unknown type.
                        return Err(
                            asn1::ParseError::new(asn1::ParseErrorKind::UnknownDefinedBy)
                                .add_location(asn1::ParseLocation::Field("ResponseBytes::response"))
                                .add_location(asn1::ParseLocation::Field(
                                    "OCSPResponse::response_bytes",
                                ))
                                .into(),
                        );
                    }
                    let response =
                        asn1::parse_single::<der::BasicOcspResponse<'_>>(bytes.response)?;
                    let version = response.tbs_response_data.version;
                    if version != 0 {
                        return Err(X509Error::InvalidOcsp(format!(
                            "{version} is not a valid OCSP response version"
                        )));
                    }
                    let singles = response
                        .tbs_response_data
                        .responses
                        .read()
                        .cloned()
                        .into_iter()
                        .flatten()
                        .collect();
                    Some(Basic { response, singles })
                }
                (None, SUCCESSFUL) => {
                    return Err(X509Error::InvalidOcsp(
                        "Successful OCSP response does not contain a BasicResponse".to_string(),
                    ))
                }
                (None, _) => None,
            };
            Ok(ParsedResponse { status, basic })
        })?;
        Ok(Response { owned })
    }

    pub fn der(&self) -> &[u8] {
        self.owned.borrow_owner()
    }

    /// The response status (one of `STATUSES`).
    pub fn status(&self) -> u32 {
        self.owned.borrow_dependent().status
    }

    /// The basic response of a successful response.
    pub fn basic(&self) -> Option<&der::BasicOcspResponse<'_>> {
        self.owned
            .borrow_dependent()
            .basic
            .as_ref()
            .map(|basic| &basic.response)
    }

    /// The single responses of a successful response, in order.
    pub fn single_responses(&self) -> &[der::SingleResponse<'_>] {
        self.owned
            .borrow_dependent()
            .basic
            .as_ref()
            .map(|basic| basic.singles.as_slice())
            .unwrap_or_default()
    }

    /// The DER of the ResponseData: what the signature covers.
    pub fn tbs_der(&self) -> X509Result<Option<Vec<u8>>> {
        self.basic()
            .map(|basic| asn1::write_single(&basic.tbs_response_data))
            .transpose()
            .map_err(X509Error::from)
    }
}

/// The hash OCSP names a certificate by, from its name (the hashes CertID may use).
pub fn cert_id_hash(name: &str) -> Option<(HashAlgorithm, asn1::ObjectIdentifier)> {
    let algorithm = match name {
        "sha1" => HashAlgorithm::Sha1,
        "sha224" => HashAlgorithm::Sha224,
        "sha256" => HashAlgorithm::Sha256,
        "sha384" => HashAlgorithm::Sha384,
        "sha512" => HashAlgorithm::Sha512,
        _ => return None,
    };
    let oid = crate::signature::HASHES
        .iter()
        .find(|(known, _, _)| *known == name)
        .map(|(_, _, oid)| oid.clone())?;
    Some((algorithm, oid))
}

/// The two hashes of a CertID (RFC 6960 section 4.1.1): of the issuer's name (its DER)
/// and of its key (the subjectPublicKey BIT STRING's bits).
pub fn issuer_hashes(
    algorithm: HashAlgorithm,
    issuer_name_der: &[u8],
    issuer_key_bits: &[u8],
) -> X509Result<(Vec<u8>, Vec<u8>)> {
    let digest = |data: &[u8]| -> X509Result<Vec<u8>> {
        let mut out = vec![0u8; algorithm.output_len()];
        Hasher::digest_into(algorithm, data, &mut out)?;
        Ok(out)
    };
    Ok((digest(issuer_name_der)?, digest(issuer_key_bits)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unhex(text: &str) -> Vec<u8> {
        (0..text.len())
            .step_by(2)
            .map(|at| u8::from_str_radix(&text[at..at + 2], 16).unwrap())
            .collect()
    }

    /// cryptography-vectors' x509/ocsp/req-sha1.der.
    const REQ_SHA1: &str = "3056305430523050304e300906052b0e03021a0500041438ca468c07448df48196c76d6d4c70519e60a7bd04147975bb843acb2cde7a09be311b43bc1c2a4d535802150098d9e5c0b4c373552df77c5d0f1eb5128e4945f9";

    #[test]
    fn requests() {
        let request = Request::from_der(unhex(REQ_SHA1)).unwrap();
        assert_eq!(request.cert_id().issuer_key_hash[..2], [0x79, 0x75]);
        // Version v2 ([0] INTEGER 1), otherwise the same request: refused.
        let mut v2 = unhex("305b3059a003020101");
        v2.extend_from_slice(&unhex(&REQ_SHA1[8..]));
        assert!(matches!(
            Request::from_der(v2),
            Err(X509Error::InvalidOcsp(message)) if message == "1 is not a valid OCSP request version"
        ));
        // Two requests in the list: not read.
        let one = &REQ_SHA1[12..];
        let request_der = unhex(one);
        let sequence = |content: &[u8]| {
            let mut out = vec![0x30, 0x81, content.len() as u8];
            out.extend_from_slice(content);
            out
        };
        let outer = sequence(&sequence(&sequence(
            &[request_der.clone(), request_der].concat(),
        )));
        assert!(matches!(
            Request::from_der(outer),
            Err(X509Error::UnsupportedOcsp(_))
        ));
    }

    #[test]
    fn response_statuses() {
        // tryLater: no response bytes, which is fine for an unsuccessful response.
        let later = Response::from_der(b"\x30\x03\x0a\x01\x03".to_vec()).unwrap();
        assert_eq!(later.status(), 3);
        assert!(later.basic().is_none());
        assert!(later.single_responses().is_empty());
        // Status 4 is not defined; successful needs response bytes.
        assert!(Response::from_der(b"\x30\x03\x0a\x01\x04".to_vec()).is_err());
        assert!(matches!(
            Response::from_der(b"\x30\x03\x0a\x01\x00".to_vec()),
            Err(X509Error::InvalidOcsp(message)) if message.starts_with("Successful OCSP response")
        ));
    }

    #[test]
    fn cert_id_hashes() {
        let (algorithm, oid) = cert_id_hash("sha256").unwrap();
        assert_eq!(oid, asn1::oid!(2, 16, 840, 1, 101, 3, 4, 2, 1));
        let (name_hash, key_hash) = issuer_hashes(algorithm, b"abc", b"").unwrap();
        assert_eq!(name_hash[..4], [0xba, 0x78, 0x16, 0xbf]);
        assert_eq!(key_hash[..4], [0xe3, 0xb0, 0xc4, 0x42]);
        assert!(cert_id_hash("md5").is_none());
    }
}
