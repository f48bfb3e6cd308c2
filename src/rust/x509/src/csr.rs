//! A loaded certificate signing request (PKCS#10): its DER, owned, and the one parse
//! of it.

use cryptography_asn1::csr as der;
use cryptography_keys::armor;

use crate::error::{X509Error, X509Result};

self_cell::self_cell!(
    struct OwnedCsr {
        owner: Vec<u8>,
        #[covariant]
        dependent: ParsedCsr,
    }
);

type ParsedCsr<'a> = der::CertificationRequest<'a>;

/// The PEM labels a request is found under (RFC 7468's, and the one older tools
/// wrote).
const PEM_LABELS: [&str; 2] = ["CERTIFICATE REQUEST", "NEW CERTIFICATE REQUEST"];

pub struct Csr {
    owned: OwnedCsr,
}

impl Csr {
    /// Loads a DER request; only version 1 (0) exists.
    pub fn from_der(der_bytes: Vec<u8>) -> X509Result<Self> {
        let owned = OwnedCsr::try_new(der_bytes, |bytes| {
            asn1::parse_single::<der::CertificationRequest<'_>>(bytes)
        })?;
        let csr = Csr { owned };
        match csr.parsed().info.version {
            0 => Ok(csr),
            other => Err(X509Error::InvalidCsrVersion(other)),
        }
    }

    /// Loads the first request of a PEM document.
    pub fn from_pem(data: &[u8]) -> X509Result<Self> {
        let block = armor::blocks(data)?
            .into_iter()
            .find(|block| PEM_LABELS.contains(&block.label()))
            .ok_or(X509Error::NoPemBlock {
                label: "CERTIFICATE REQUEST",
                what: "CSR",
            })?;
        Self::from_der(block.into_public_contents())
    }

    pub fn der(&self) -> &[u8] {
        self.owned.borrow_owner()
    }

    pub fn parsed(&self) -> &der::CertificationRequest<'_> {
        self.owned.borrow_dependent()
    }

    /// The DER of the CertificationRequestInfo: what the signature covers.
    pub fn info_der(&self) -> X509Result<Vec<u8>> {
        Ok(asn1::write_single(&self.parsed().info)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_and_labels() {
        // A minimal request: version 0, empty subject, an Ed25519 key, no attributes,
        // an Ed25519 AlgorithmIdentifier and an empty signature.
        let mut info = vec![0x02, 0x01, 0x00, 0x30, 0x00];
        info.extend_from_slice(&[
            0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00,
        ]);
        info.extend_from_slice(&[0x11; 32]);
        info.extend_from_slice(&[0xa0, 0x00]);
        let mut request = vec![0x30, info.len() as u8];
        request.extend_from_slice(&info);
        request.extend_from_slice(&[0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x01, 0x00]);
        let mut der = vec![0x30, request.len() as u8];
        der.extend_from_slice(&request);
        let csr = Csr::from_der(der.clone()).unwrap();
        assert_eq!(csr.info_der().unwrap(), &der[2..2 + 2 + info.len()]);
        for label in ["CERTIFICATE REQUEST", "NEW CERTIFICATE REQUEST"] {
            assert!(Csr::from_pem(&armor::encode(label, &der, &[])).is_ok());
        }
        assert!(matches!(
            Csr::from_pem(&armor::encode("CERTIFICATE", &der, &[])),
            Err(X509Error::NoPemBlock { what: "CSR", .. })
        ));
        let mut v2 = der;
        v2[6] = 1;
        assert!(matches!(
            Csr::from_der(v2),
            Err(X509Error::InvalidCsrVersion(1))
        ));
    }
}
