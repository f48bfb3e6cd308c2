//! A loaded certificate revocation list: its DER, owned, and the one parse of it, with
//! its entries in a list (indexing is constant time) and, once a serial is looked up,
//! an index by serial number (a lookup is a binary search, not a walk of the list).

use std::sync::OnceLock;

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

struct ParsedCrl<'a> {
    list: der::CertificateList<'a>,
    entries: Vec<der::RevokedCertificate<'a>>,
}

pub struct Crl {
    owned: OwnedCrl,
    /// Entry positions ordered by serial number (by its DER content: any total order
    /// finds equal serials), ties in list order; built on the first lookup.
    by_serial: OnceLock<Vec<usize>>,
}

impl Crl {
    /// Loads a DER list; the version, when present, must be v2 (1).
    pub fn from_der(der_bytes: Vec<u8>) -> X509Result<Self> {
        let owned = OwnedCrl::try_new(der_bytes, |bytes| {
            let list = asn1::parse_single::<der::CertificateList<'_>>(bytes)?;
            let entries = list
                .tbs_cert_list
                .revoked_certificates
                .as_ref()
                .and_then(|entries| entries.read())
                .map(|entries| entries.clone().collect())
                .unwrap_or_default();
            Ok::<_, asn1::ParseError>(ParsedCrl { list, entries })
        })?;
        let crl = Crl {
            owned,
            by_serial: OnceLock::new(),
        };
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
        &self.owned.borrow_dependent().list
    }

    /// The DER of the TBSCertList: what the signature covers.
    pub fn tbs_der(&self) -> X509Result<Vec<u8>> {
        Ok(asn1::write_single(&self.parsed().tbs_cert_list)?)
    }

    /// The entries, in order.
    pub fn revoked(&self) -> &[der::RevokedCertificate<'_>] {
        &self.owned.borrow_dependent().entries
    }

    /// The position of the first entry whose serial number has the DER content
    /// `serial` (a minimal two's-complement INTEGER).
    pub fn position_of_serial(&self, serial: &[u8]) -> Option<usize> {
        let entries = self.revoked();
        let key = |index: usize| entries[index].user_certificate.as_bytes();
        let order = self.by_serial.get_or_init(|| {
            let mut order: Vec<usize> = (0..entries.len()).collect();
            // Stable: equal serials keep their list order, so the first one wins.
            order.sort_by(|&a, &b| key(a).cmp(key(b)));
            order
        });
        let first = order.partition_point(|&index| key(index) < serial);
        order
            .get(first)
            .copied()
            .filter(|&index| key(index) == serial)
    }

    pub fn fingerprint(&self, algorithm: HashAlgorithm) -> X509Result<Vec<u8>> {
        let mut digest = vec![0u8; algorithm.output_len()];
        Hasher::digest_into(algorithm, self.der(), &mut digest)?;
        Ok(digest)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use cryptography_asn1::read_or_built::ReadOrBuilt;

    /// An unsigned list (a placeholder signature) with entries of these serials.
    fn list_with_serials(serials: &[&'static [u8]]) -> Crl {
        let algorithm = cryptography_asn1::AlgorithmIdentifier::new(
            cryptography_asn1::AlgorithmParameters::Ed25519,
        );
        let time = asn1::DateTime::new(2020, 1, 1, 0, 0, 0).unwrap();
        let entries = serials
            .iter()
            .map(|serial| der::RevokedCertificate {
                user_certificate: asn1::BigInt::new(serial).unwrap(),
                revocation_date: cryptography_asn1::certificate::Time::UtcTime(
                    asn1::UtcTime::new(time.clone()).unwrap(),
                ),
                crl_entry_extensions: None,
            })
            .collect();
        let name = cryptography_asn1::name::build_name(vec![]);
        let list = der::CertificateList {
            tbs_cert_list: der::TBSCertList {
                version: Some(1),
                signature: algorithm.clone(),
                issuer: name,
                this_update: cryptography_asn1::certificate::Time::UtcTime(
                    asn1::UtcTime::new(time).unwrap(),
                ),
                next_update: None,
                revoked_certificates: Some(ReadOrBuilt::Built(asn1::SequenceOfWriter::new(
                    entries,
                ))),
                crl_extensions: None,
            },
            signature_algorithm: algorithm,
            signature_value: asn1::BitString::new(b"", 0).unwrap(),
        };
        Crl::from_der(asn1::write_single(&list).unwrap()).unwrap()
    }

    #[test]
    fn lookups_by_serial_find_the_first_match_or_none() {
        let crl = list_with_serials(&[b"\x05", b"\x01\x00", b"\x03", b"\x05", b"\xff"]);
        assert_eq!(crl.revoked().len(), 5);
        assert_eq!(crl.position_of_serial(b"\x03"), Some(2));
        assert_eq!(crl.position_of_serial(b"\x01\x00"), Some(1));
        // A repeated serial: the first entry, as a walk of the list would find.
        assert_eq!(crl.position_of_serial(b"\x05"), Some(0));
        // -1, and serials that are absent (one a prefix of a present one).
        assert_eq!(crl.position_of_serial(b"\xff"), Some(4));
        assert_eq!(crl.position_of_serial(b"\x04"), None);
        assert_eq!(crl.position_of_serial(b"\x01"), None);
        assert_eq!(list_with_serials(&[]).position_of_serial(b"\x01"), None);
    }
}
