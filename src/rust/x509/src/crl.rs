//! A loaded certificate revocation list: its DER, owned, and the one parse of it.

use cryptography_asn1::crl as der;
use cryptography_backend::hash::{HashAlgorithm, Hasher};
use cryptography_keys::armor;

use crate::error::{X509Error, X509Result};

self_cell::self_cell!(
    struct OwnedCrl {
        owner: Vec<u8>,
        #[covariant]
        dependent: ParsedCrl,
    }
);

type ParsedCrl<'a> = der::CertificateList<'a>;

pub struct Crl {
    owned: OwnedCrl,
}

impl Crl {
    /// Loads a DER list; the version, when present, must be v2 (1).
    pub fn from_der(der_bytes: Vec<u8>) -> X509Result<Self> {
        let owned = OwnedCrl::try_new(der_bytes, |bytes| {
            asn1::parse_single::<der::CertificateList<'_>>(bytes)
        })?;
        let crl = Crl { owned };
        let parsed = crl.parsed();
        if let Some(other) = parsed.tbs_cert_list.version.filter(|&version| version != 1) {
            return Err(X509Error::InvalidCrlVersion(other));
        }
        if parsed.tbs_cert_list.signature != parsed.signature_algorithm {
            return Err(X509Error::AlgorithmMismatch("CRL"));
        }
        Ok(crl)
    }

    /// Loads the first list of a PEM document.
    pub fn from_pem(data: &[u8]) -> X509Result<Self> {
        let block = armor::blocks(data)?
            .into_iter()
            .find(|block| block.label() == "X509 CRL")
            .ok_or(X509Error::NoPemBlock {
                label: "X509 CRL",
                what: "CRL",
            })?;
        Self::from_der(block.contents().to_vec())
    }

    pub fn der(&self) -> &[u8] {
        self.owned.borrow_owner()
    }

    pub fn parsed(&self) -> &der::CertificateList<'_> {
        self.owned.borrow_dependent()
    }

    /// The DER of the TBSCertList: what the signature covers.
    pub fn tbs_der(&self) -> X509Result<Vec<u8>> {
        Ok(asn1::write_single(&self.parsed().tbs_cert_list)?)
    }

    /// The entries, in order.
    pub fn revoked(&self) -> Vec<der::RevokedCertificate<'_>> {
        self.parsed()
            .tbs_cert_list
            .revoked_certificates
            .as_ref()
            .and_then(|list| list.read())
            .map(|list| list.clone().collect())
            .unwrap_or_default()
    }

    pub fn fingerprint(&self, algorithm: HashAlgorithm) -> X509Result<Vec<u8>> {
        let mut digest = vec![0u8; algorithm.output_len()];
        Hasher::digest_into(algorithm, self.der(), &mut digest)?;
        Ok(digest)
    }
}
