//! A loaded certificate: its DER, owned, and the parsed view of it, made once.

use cryptography_asn1::certificate as der;
use cryptography_backend::hash::{HashAlgorithm, Hasher};
use cryptography_keys::armor;

use crate::error::{X509Error, X509Result};

/// The bytes a loaded certificate keeps: its own copy, or a buffer shared with the
/// caller that stays immutable and alive as long as the certificate does (the binding
/// passes the caller's Python `bytes` object, so loading copies nothing).
pub enum Der {
    Owned(Vec<u8>),
    Shared(Box<dyn AsRef<[u8]> + Send + Sync>),
}

impl std::ops::Deref for Der {
    type Target = [u8];

    fn deref(&self) -> &[u8] {
        match self {
            Der::Owned(bytes) => bytes,
            Der::Shared(bytes) => (**bytes).as_ref(),
        }
    }
}

self_cell::self_cell!(
    /// The DER of a certificate and its parse, which borrows from it.
    struct OwnedCertificate {
        owner: Der,
        #[covariant]
        dependent: ParsedCertificate,
    }
);

type ParsedCertificate<'a> = der::Certificate<'a>;

/// The PEM labels a certificate is found under (RFC 7468's, and the older one OpenSSL
/// still reads).
const PEM_LABELS: [&str; 2] = ["CERTIFICATE", "X509 CERTIFICATE"];

/// An X.509 certificate: parsed strictly once, at load, and read from that parse.
pub struct Certificate {
    owned: OwnedCertificate,
}

impl Certificate {
    /// Loads a DER certificate. Versions other than v1 and v3 are refused (v2, which
    /// only adds unique identifiers, is kept for the reader to refuse by name).
    pub fn from_der(der_bytes: Vec<u8>) -> X509Result<Self> {
        Self::from_shared_der(Der::Owned(der_bytes))
    }

    /// Loads a DER certificate from bytes it keeps without copying.
    pub fn from_shared_der(der_bytes: Der) -> X509Result<Self> {
        let owned = OwnedCertificate::try_new(der_bytes, |bytes| {
            asn1::parse_single::<der::Certificate<'_>>(bytes)
        })?;
        let certificate = Certificate { owned };
        match certificate.parsed().tbs_certificate.version {
            0 | 2 => Ok(certificate),
            other => Err(X509Error::InvalidVersion(other)),
        }
    }

    /// Loads the first certificate of a PEM document.
    pub fn from_pem(data: &[u8]) -> X509Result<Self> {
        let block = armor::blocks(data)?
            .into_iter()
            .find(|block| PEM_LABELS.contains(&block.label()))
            .ok_or(X509Error::NoPemBlock {
                label: "CERTIFICATE",
                what: "certificate",
            })?;
        Self::from_der(block.into_public_contents())
    }

    /// Loads every certificate of a PEM document, in order; blocks with other labels are
    /// skipped, and a document without any certificate is malformed (the reference's
    /// word for it).
    pub fn all_from_pem(data: &[u8]) -> X509Result<Vec<Self>> {
        let certificates = armor::blocks(data)?
            .into_iter()
            .filter(|block| PEM_LABELS.contains(&block.label()))
            .map(|block| Self::from_der(block.into_public_contents()))
            .collect::<X509Result<Vec<_>>>()?;
        if certificates.is_empty() {
            return Err(X509Error::Pem("MalformedFraming".to_string()));
        }
        Ok(certificates)
    }

    /// The certificate's DER, exactly as loaded.
    pub fn der(&self) -> &[u8] {
        self.owned.borrow_owner()
    }

    /// The parsed structure.
    pub fn parsed(&self) -> &der::Certificate<'_> {
        self.owned.borrow_dependent()
    }

    /// The DER of the TBSCertificate: what the signature covers. Strict DER has one
    /// encoding, so writing the parsed structure gives back the loaded bytes.
    pub fn tbs_der(&self) -> X509Result<Vec<u8>> {
        Ok(asn1::write_single(&self.parsed().tbs_certificate)?)
    }

    /// The TBSCertificate without its signed certificate timestamp list: what the SCTs of
    /// a certificate were issued over (RFC 6962 section 3.2).
    pub fn tbs_precertificate_der(&self) -> X509Result<Vec<u8>> {
        let mut tbs = self.parsed().tbs_certificate.clone();
        let extensions = crate::extensions::unique(tbs.extensions.as_ref())?;
        let precert_scts = crate::extensions::oids::PRECERT_SCTS;
        if !extensions
            .iter()
            .any(|extension| extension.extn_id == precert_scts)
        {
            return Err(X509Error::MissingExtension(
                "Could not find pre-certificate SCT list extension",
            ));
        }
        let kept: Vec<_> = extensions
            .into_iter()
            .filter(|extension| extension.extn_id != precert_scts)
            .collect();
        tbs.extensions = (!kept.is_empty()).then(|| {
            cryptography_asn1::read_or_built::ReadOrBuilt::Built(asn1::SequenceOfWriter::new(kept))
        });
        Ok(asn1::write_single(&tbs)?)
    }

    /// The hash of the whole DER.
    pub fn fingerprint(&self, algorithm: HashAlgorithm) -> X509Result<Vec<u8>> {
        let mut digest = vec![0u8; algorithm.output_len()];
        Hasher::digest_into(algorithm, self.der(), &mut digest)?;
        Ok(digest)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// vectors/x509/ed25519-ca.der (see the README there).
    const ED25519_CA: &[u8] = include_bytes!("../../../../vectors/x509/ed25519-ca.der");

    fn pem_of(der: &[u8], label: &str) -> Vec<u8> {
        armor::encode(label, der, &[])
    }

    #[test]
    fn loads_der_and_pem() {
        let from_der = Certificate::from_der(ED25519_CA.to_vec()).unwrap();
        assert_eq!(from_der.der(), ED25519_CA);
        assert_eq!(from_der.parsed().tbs_certificate.version, 2);
        let from_pem = Certificate::from_pem(&pem_of(ED25519_CA, "CERTIFICATE")).unwrap();
        assert_eq!(from_pem.der(), ED25519_CA);
        let older_label = Certificate::from_pem(&pem_of(ED25519_CA, "X509 CERTIFICATE")).unwrap();
        assert_eq!(older_label.der(), ED25519_CA);
        assert!(matches!(
            Certificate::from_pem(&pem_of(ED25519_CA, "PUBLIC KEY")),
            Err(X509Error::NoPemBlock { .. })
        ));
    }

    #[test]
    fn a_bundle_keeps_its_order_and_skips_other_blocks() {
        let mut bundle = pem_of(ED25519_CA, "CERTIFICATE");
        bundle.extend(pem_of(b"\x30\x00", "PUBLIC KEY"));
        bundle.extend(pem_of(ED25519_CA, "CERTIFICATE"));
        let certificates = Certificate::all_from_pem(&bundle).unwrap();
        assert_eq!(certificates.len(), 2);
        assert!(matches!(
            Certificate::all_from_pem(&pem_of(b"\x30\x00", "PUBLIC KEY")),
            Err(X509Error::Pem(_))
        ));
    }

    #[test]
    fn fingerprint_and_tbs_bytes() {
        let certificate = Certificate::from_der(ED25519_CA.to_vec()).unwrap();
        // `openssl x509 -fingerprint -sha256` of the fixture.
        let sha256 = certificate.fingerprint(HashAlgorithm::Sha256).unwrap();
        let expected = "7f0e7aac6d224738906d6b22005a8ff3b4a8ff21a2a5995303f4ac825b703412";
        let hex: String = sha256.iter().map(|byte| format!("{byte:02x}")).collect();
        assert_eq!(hex, expected);
        // The TBSCertificate starts at offset 4 and is 4 + 367 bytes long (openssl
        // asn1parse of the fixture).
        assert_eq!(certificate.tbs_der().unwrap(), &ED25519_CA[4..4 + 4 + 367]);
    }

    #[test]
    fn undefined_versions_and_bad_der_are_refused() {
        // [0] { INTEGER 2 } becomes INTEGER 3.
        let mut v4 = ED25519_CA.to_vec();
        v4[12] = 3;
        assert!(matches!(
            Certificate::from_der(v4),
            Err(X509Error::InvalidVersion(3))
        ));
        let mut truncated = ED25519_CA.to_vec();
        truncated.pop();
        assert!(matches!(
            Certificate::from_der(truncated),
            Err(X509Error::Parse(_))
        ));
    }
}
