//! A loaded certificate revocation list: its DER, owned, and the one parse of it. The
//! entries are validated at load, as the rest is, but not kept parsed: on first use the
//! list notes where each entry is in the DER (indexing is then constant time, an entry
//! parsed when asked for), and on the first lookup by serial number it sorts the
//! entries by serial (a lookup is a binary search, not a walk of the list).

use std::sync::atomic::{AtomicUsize, Ordering};
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

type ParsedCrl<'a> = der::CertificateList<'a>;

/// A range of the DER: (start, length).
type Span = (usize, usize);

pub struct Crl {
    owned: OwnedCrl,
    /// Each entry's whole TLV, in list order; found on first use.
    entries: OnceLock<Vec<Span>>,
    /// (serial content, whole entry) ordered by serial (by its DER content: any total
    /// order finds equal serials), ties in list order; built on the second lookup.
    by_serial: OnceLock<Vec<(Span, Span)>>,
    /// Lookups so far (the first walks the list instead of sorting it).
    lookups: AtomicUsize,
}

impl Crl {
    /// Loads a DER list; the version, when present, must be v2 (1).
    pub fn from_der(der_bytes: Vec<u8>) -> X509Result<Self> {
        let owned = OwnedCrl::try_new(der_bytes, |bytes| {
            let list = asn1::parse_single::<der::CertificateList<'_>>(bytes)?;
            // Every entry is checked now, as strictly as the rest of the list.
            if let Some(raw) = raw_entries(&list) {
                asn1::parse(raw, |parser| -> asn1::ParseResult<()> {
                    while !parser.is_empty() {
                        parser.read_element::<der::RevokedCertificate<'_>>()?;
                    }
                    Ok(())
                })?;
            }
            Ok::<_, asn1::ParseError>(list)
        })?;
        let crl = Crl {
            owned,
            entries: OnceLock::new(),
            by_serial: OnceLock::new(),
            lookups: AtomicUsize::new(0),
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
        Self::from_der(block.into_public_contents())
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

    /// Where each entry is in the DER.
    fn spans(&self) -> &[Span] {
        self.entries.get_or_init(|| {
            let der = self.der();
            let Some(raw) = raw_entries(self.parsed()) else {
                return Vec::new();
            };
            let mut spans = Vec::new();
            // The entries were validated at load; reading their TLVs again cannot fail
            // (and if it did, the entries read so far are kept).
            let _ = asn1::parse(raw, |parser| -> asn1::ParseResult<()> {
                while !parser.is_empty() {
                    let entry = parser.read_element::<asn1::Tlv<'_>>()?;
                    spans.push(span_of(der, entry.full_data()));
                }
                Ok(())
            });
            spans
        })
    }

    /// The number of entries.
    pub fn len(&self) -> usize {
        self.spans().len()
    }

    pub fn is_empty(&self) -> bool {
        self.spans().is_empty()
    }

    /// The DER of entry `index`.
    pub fn entry_der(&self, index: usize) -> Option<&[u8]> {
        let (start, length) = *self.spans().get(index)?;
        self.der().get(start..start + length)
    }

    /// Entry `index`, parsed.
    pub fn entry(&self, index: usize) -> Option<der::RevokedCertificate<'_>> {
        asn1::parse_single(self.entry_der(index)?).ok()
    }

    /// The DER of the first entry whose serial number has the DER content `serial` (a
    /// minimal two's-complement INTEGER). The first lookup walks the list, reading only
    /// each entry's serial (cheaper than the full parse a walk would otherwise take);
    /// a second one sorts the entries by serial, and from then on a lookup is a binary
    /// search.
    pub fn entry_der_by_serial(&self, serial: &[u8]) -> Option<&[u8]> {
        let der = self.der();
        let bytes = |(start, length): Span| &der[start..start + length];
        if self.by_serial.get().is_none() && self.lookups.fetch_add(1, Ordering::Relaxed) == 0 {
            let mut found = None;
            self.walk(|candidate, entry| {
                if candidate == serial {
                    found = Some(entry);
                }
                found.is_some()
            });
            return found;
        }
        let order = self.by_serial.get_or_init(|| {
            let mut order = self.serials();
            // Stable: equal serials keep their list order, so the first one wins.
            order.sort_by(|a, b| bytes(a.0).cmp(bytes(b.0)));
            order
        });
        let first = order.partition_point(|(span, _)| bytes(*span) < serial);
        order
            .get(first)
            .filter(|(span, _)| bytes(*span) == serial)
            .map(|(_, entry)| bytes(*entry))
    }

    /// Each entry's serial content and whole TLV, in list order.
    fn serials(&self) -> Vec<(Span, Span)> {
        let der = self.der();
        let mut found = Vec::new();
        self.walk(|serial, entry| {
            found.push((span_of(der, serial), span_of(der, entry)));
            false
        });
        found
    }

    /// Calls `visit` with each entry's serial content and whole TLV, in list order,
    /// until it returns true; reads nothing of the entries but their serials (they were
    /// validated at load).
    fn walk<'s>(&'s self, mut visit: impl FnMut(&'s [u8], &'s [u8]) -> bool) {
        let Some(raw) = raw_entries(self.parsed()) else {
            return;
        };
        let _ = asn1::parse(raw, |parser| -> asn1::ParseResult<()> {
            while !parser.is_empty() {
                let entry = parser.read_element::<asn1::Tlv<'s>>()?;
                let serial = asn1::parse(entry.data(), |fields| -> asn1::ParseResult<&'s [u8]> {
                    let serial = fields.read_element::<asn1::Tlv<'s>>()?.data();
                    while !fields.is_empty() {
                        fields.read_element::<asn1::Tlv<'s>>()?;
                    }
                    Ok(serial)
                })?;
                if visit(serial, entry.full_data()) {
                    // Stop: an error ends the walk (and is not one).
                    return Err(asn1::ParseError::new(asn1::ParseErrorKind::ExtraData));
                }
            }
            Ok(())
        });
    }

    pub fn fingerprint(&self, algorithm: HashAlgorithm) -> X509Result<Vec<u8>> {
        let mut digest = vec![0u8; algorithm.output_len()];
        Hasher::digest_into(algorithm, self.der(), &mut digest)?;
        Ok(digest)
    }
}

/// The content of a parsed list's revokedCertificates, if it has entries.
fn raw_entries<'a>(list: &der::CertificateList<'a>) -> Option<&'a [u8]> {
    list.tbs_cert_list
        .revoked_certificates
        .as_ref()
        .and_then(|entries| entries.read())
        .map(|raw| raw.0)
}

/// Where `part` (a slice of `whole`) is in `whole`.
fn span_of(whole: &[u8], part: &[u8]) -> Span {
    (part.as_ptr() as usize - whole.as_ptr() as usize, part.len())
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
        assert_eq!(crl.len(), 5);
        assert_eq!(
            crl.entry(1).unwrap().user_certificate.as_bytes(),
            b"\x01\x00"
        );
        assert!(crl.entry(5).is_none());
        let serial_of = |der: &[u8]| {
            asn1::parse_single::<der::RevokedCertificate<'_>>(der)
                .unwrap()
                .user_certificate
                .as_bytes()
                .to_vec()
        };
        let position = |serial: &[u8]| {
            let found = crl.entry_der_by_serial(serial)?;
            (0..crl.len()).find(|&index| crl.entry_der(index) == Some(found))
        };
        // The first lookup walks the list, the later ones use the sorted index: both
        // find the first of repeated serials, and neither finds an absent one (one a
        // prefix of a present one included).
        for _ in 0..2 {
            assert_eq!(position(b"\x05"), Some(0));
            assert_eq!(position(b"\x03"), Some(2));
            assert_eq!(position(b"\x01\x00"), Some(1));
            assert_eq!(position(b"\xff"), Some(4));
            assert_eq!(position(b"\x04"), None);
            assert_eq!(position(b"\x01"), None);
        }
        assert_eq!(
            serial_of(crl.entry_der_by_serial(b"\x03").unwrap()),
            b"\x03"
        );
        assert_eq!(list_with_serials(&[]).entry_der_by_serial(b"\x01"), None);
    }
}
