//! PKCS#7 (RFC 2315): the certificates of a SignedData, read from DER here (BER through
//! the backend, with the reason DER failed, for the caller to warn about), and a
//! "certs-only" SignedData written from certificates.

use cryptography_asn1::pkcs7 as der;
use cryptography_asn1::read_or_built::ReadOrBuilt;
use cryptography_backend::pkcs7::{certificates_from_ber, Pkcs7BerError};
use cryptography_keys::armor;

use crate::error::{X509Error, X509Result};
use crate::Certificate;

/// The PEM label of PKCS#7 data.
pub const PEM_LABEL: &str = "PKCS7";

/// OpenSSL's NIDs of the PKCS#7 content types, which the reference's message names.
fn nid(content_type: &asn1::ObjectIdentifier) -> i32 {
    const NIDS: [(asn1::ObjectIdentifier, i32); 6] = [
        (der::DATA, 21),
        (der::SIGNED_DATA, 22),
        (der::ENVELOPED_DATA, 23),
        (der::SIGNED_AND_ENVELOPED_DATA, 24),
        (der::DIGESTED_DATA, 25),
        (der::ENCRYPTED_DATA, 26),
    ];
    NIDS.iter()
        .find(|(known, _)| known == content_type)
        .map_or(0, |(_, nid)| *nid)
}

const NO_CERTIFICATES: X509Error = X509Error::InvalidPkcs7(
    "The provided PKCS7 has no certificate data, but a cert loading method was called.",
);

/// The certificates of a PKCS#7 SignedData, in the file's order, and, for a file that
/// only BER reads, why DER did not (the reference warns, and may refuse them one day).
pub struct LoadedCertificates {
    pub certificates: Vec<Certificate>,
    pub not_der: Option<X509Error>,
}

/// The certificates of a DER (or, failing that, BER) PKCS#7 SignedData.
pub fn load_der_certificates(data: &[u8]) -> X509Result<LoadedCertificates> {
    match certificates_of_der(data) {
        Ok(certificates) => Ok(LoadedCertificates {
            certificates,
            not_der: None,
        }),
        Err(der_error @ X509Error::Parse(_)) => {
            let certificates = certificates_from_ber(data)
                .map_err(|err| match err {
                    Pkcs7BerError::NotPkcs7 => {
                        X509Error::InvalidPkcs7("Unable to parse PKCS7 data")
                    }
                    Pkcs7BerError::NotSignedData(nid) => X509Error::UnsupportedPkcs7(nid),
                    Pkcs7BerError::NoCertificates => NO_CERTIFICATES,
                })?
                .into_iter()
                .map(Certificate::from_der)
                .collect::<X509Result<Vec<_>>>()?;
            Ok(LoadedCertificates {
                certificates,
                not_der: Some(der_error),
            })
        }
        Err(other) => Err(other),
    }
}

/// The certificates of the first PEM block, which must be labelled PKCS7.
pub fn load_pem_certificates(data: &[u8]) -> X509Result<LoadedCertificates> {
    let blocks = armor::blocks(data)?;
    let block = blocks
        .first()
        .filter(|block| block.label() == PEM_LABEL)
        .ok_or(X509Error::InvalidPkcs7(
            "The provided PEM data does not have the PKCS7 tag.",
        ))?;
    load_der_certificates(block.contents())
}

fn certificates_of_der(data: &[u8]) -> X509Result<Vec<Certificate>> {
    let content_info = asn1::parse_single::<der::ContentInfo<'_>>(data)?;
    if content_info.content_type != der::SIGNED_DATA {
        return Err(X509Error::UnsupportedPkcs7(nid(&content_info.content_type)));
    }
    let content = content_info.content.ok_or(NO_CERTIFICATES)?;
    let signed = asn1::parse_single::<der::SignedData<'_>>(content.full_data())?;
    let certificates = signed
        .certificates
        .as_ref()
        .and_then(ReadOrBuilt::read)
        .ok_or(NO_CERTIFICATES)?;
    // Each certificate is loaded from its own DER, as the certificate loaders load it.
    certificates
        .clone()
        .map(|certificate| Certificate::from_der(asn1::write_single(&certificate)?))
        .collect()
}

/// A SignedData holding only certificates (the "certs-only" form of `.p7b` files): no
/// content, no signers, the certificates in DER's SET order.
pub fn serialize_certificates(certificates: &[&Certificate]) -> X509Result<Vec<u8>> {
    let signed = der::SignedData {
        version: 1,
        digest_algorithms: ReadOrBuilt::Built(asn1::SetOfWriter::new(Vec::new())),
        content_info: der::ContentInfo {
            content_type: der::DATA,
            content: None,
        },
        certificates: Some(ReadOrBuilt::Built(asn1::SetOfWriter::new(
            certificates
                .iter()
                .map(|certificate| certificate.parsed().clone())
                .collect(),
        ))),
        crls: None,
        signer_infos: ReadOrBuilt::Built(asn1::SetOfWriter::new(Vec::new())),
    };
    content_info(der::SIGNED_DATA, &asn1::write_single(&signed)?)
}

/// A ContentInfo around the DER of its content.
pub fn content_info(content_type: asn1::ObjectIdentifier, content: &[u8]) -> X509Result<Vec<u8>> {
    Ok(asn1::write_single(&der::ContentInfo {
        content_type,
        content: Some(asn1::parse_single::<asn1::Tlv<'_>>(content)?),
    })?)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// vectors/x509/ed25519-ca.der (see the README there).
    const ED25519_CA: &[u8] = include_bytes!("../../../../vectors/x509/ed25519-ca.der");

    #[test]
    fn certificates_round_trip_through_a_certs_only_signed_data() {
        let certificate = Certificate::from_der(ED25519_CA.to_vec()).unwrap();
        let der_bytes = serialize_certificates(&[&certificate, &certificate]).unwrap();
        // ContentInfo { signedData, [0] { SEQUENCE { INTEGER 1, SET {}, ... } } }.
        assert!(der_bytes.starts_with(b"\x30\x82"));
        assert_eq!(
            &der_bytes[4..15],
            b"\x06\x09\x2a\x86\x48\x86\xf7\x0d\x01\x07\x02"
        );
        let loaded = load_der_certificates(&der_bytes).unwrap();
        assert!(loaded.not_der.is_none());
        assert_eq!(loaded.certificates.len(), 2);
        assert_eq!(loaded.certificates[1].der(), ED25519_CA);
    }

    #[test]
    fn other_types_and_missing_certificates_are_refused() {
        // A ContentInfo of type data.
        let data = b"\x30\x11\x06\x09\x2a\x86\x48\x86\xf7\x0d\x01\x07\x01\xa0\x04\x04\x02hi";
        assert!(matches!(
            load_der_certificates(data),
            Err(X509Error::UnsupportedPkcs7(21))
        ));
        // signedData without content.
        let bare = b"\x30\x0b\x06\x09\x2a\x86\x48\x86\xf7\x0d\x01\x07\x02";
        assert!(matches!(
            load_der_certificates(bare),
            Err(X509Error::InvalidPkcs7(_))
        ));
        assert!(matches!(
            load_der_certificates(b"nonsense"),
            Err(X509Error::InvalidPkcs7("Unable to parse PKCS7 data"))
        ));
    }
}
