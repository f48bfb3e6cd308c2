//! Signed certificate timestamps (RFC 6962 section 3.2-3.3): the TLS-encoded list an
//! X.509 extension carries, read into its timestamps and written back.

use crate::error::{X509Error, X509Result};

/// One SignedCertificateTimestamp (version 1 only).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Sct {
    pub log_id: [u8; 32],
    /// Milliseconds since the Unix epoch.
    pub timestamp: u64,
    pub extensions: Vec<u8>,
    /// TLS HashAlgorithm (RFC 5246 section 7.4.1.4.1): 1 md5 to 6 sha512.
    pub hash_algorithm: u8,
    /// TLS SignatureAlgorithm: 1 rsa, 2 dsa, 3 ecdsa.
    pub signature_algorithm: u8,
    pub signature: Vec<u8>,
    /// The SCT's own encoding, as it was read.
    pub raw: Vec<u8>,
}

struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn take(&mut self, length: usize) -> X509Result<&'a [u8]> {
        if self.0.len() < length {
            return Err(X509Error::Sct("Invalid SCT length".to_string()));
        }
        let (taken, rest) = self.0.split_at(length);
        self.0 = rest;
        Ok(taken)
    }

    fn u8(&mut self) -> X509Result<u8> {
        Ok(self.take(1)?[0])
    }

    fn u16(&mut self) -> X509Result<usize> {
        let bytes = self.take(2)?;
        Ok(usize::from(u16::from_be_bytes([bytes[0], bytes[1]])))
    }

    /// A `opaque <0..2^16-1>`: its two-byte length, then that many bytes.
    fn vector(&mut self) -> X509Result<&'a [u8]> {
        let length = self.u16()?;
        self.take(length)
    }
}

fn parse_one(raw: &[u8]) -> X509Result<Sct> {
    let mut reader = Reader(raw);
    if reader.u8()? != 0 {
        return Err(X509Error::Sct("Invalid SCT version".to_string()));
    }
    let mut log_id = [0u8; 32];
    log_id.copy_from_slice(reader.take(32)?);
    let timestamp = u64::from_be_bytes(
        reader
            .take(8)?
            .try_into()
            .map_err(|_| X509Error::Sct("Invalid SCT length".to_string()))?,
    );
    let extensions = reader.vector()?.to_vec();
    let hash_algorithm = reader.u8()?;
    if !(1..=6).contains(&hash_algorithm) {
        return Err(X509Error::Sct(format!(
            "Invalid/unsupported hash algorithm for SCT: {hash_algorithm}"
        )));
    }
    let signature_algorithm = reader.u8()?;
    if !(1..=3).contains(&signature_algorithm) {
        return Err(X509Error::Sct(format!(
            "Invalid/unsupported signature algorithm for SCT: {signature_algorithm}"
        )));
    }
    let signature = reader.vector()?.to_vec();
    if !reader.0.is_empty() {
        return Err(X509Error::Sct("Invalid SCT length".to_string()));
    }
    Ok(Sct {
        log_id,
        timestamp,
        extensions,
        hash_algorithm,
        signature_algorithm,
        signature,
        raw: raw.to_vec(),
    })
}

/// The SCTs of a SignedCertificateTimestampList (the content of the extension's OCTET
/// STRING).
pub fn parse_list(data: &[u8]) -> X509Result<Vec<Sct>> {
    let mut outer = Reader(data);
    let list = outer.vector()?;
    if !outer.0.is_empty() {
        return Err(X509Error::Sct("Invalid SCT length".to_string()));
    }
    let mut reader = Reader(list);
    let mut scts = Vec::new();
    while !reader.0.is_empty() {
        scts.push(parse_one(reader.vector()?)?);
    }
    Ok(scts)
}

/// A SignedCertificateTimestampList of SCTs given by their encodings.
pub fn write_list<'a>(raws: impl IntoIterator<Item = &'a [u8]>) -> X509Result<Vec<u8>> {
    let mut body = Vec::new();
    for raw in raws {
        let length = u16::try_from(raw.len())
            .map_err(|_| X509Error::Sct("Invalid SCT length".to_string()))?;
        body.extend_from_slice(&length.to_be_bytes());
        body.extend_from_slice(raw);
    }
    let length =
        u16::try_from(body.len()).map_err(|_| X509Error::Sct("Invalid SCT length".to_string()))?;
    let mut list = length.to_be_bytes().to_vec();
    list.extend_from_slice(&body);
    Ok(list)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sct(version: u8, hash: u8, signature: u8) -> Vec<u8> {
        let mut raw = vec![version];
        raw.extend_from_slice(&[0xab; 32]);
        raw.extend_from_slice(&1_538_000_000_000u64.to_be_bytes());
        raw.extend_from_slice(&[0, 0]);
        raw.extend_from_slice(&[hash, signature, 0, 2, 0x30, 0x00]);
        raw
    }

    #[test]
    fn a_list_round_trips() {
        let raw = sct(0, 4, 3);
        let list = write_list([raw.as_slice(), raw.as_slice()]).unwrap();
        let scts = parse_list(&list).unwrap();
        assert_eq!(scts.len(), 2);
        assert_eq!(scts[0].timestamp, 1_538_000_000_000);
        assert_eq!(scts[0].signature, [0x30, 0x00]);
        assert_eq!(scts[0].raw, raw);
    }

    #[test]
    fn bad_scts() {
        let message = |raw: Vec<u8>| match parse_list(&write_list([raw.as_slice()]).unwrap()) {
            Err(X509Error::Sct(message)) => message,
            other => panic!("{other:?}"),
        };
        assert_eq!(message(sct(1, 4, 3)), "Invalid SCT version");
        assert_eq!(
            message(sct(0, 0, 3)),
            "Invalid/unsupported hash algorithm for SCT: 0"
        );
        assert_eq!(
            message(sct(0, 4, 0)),
            "Invalid/unsupported signature algorithm for SCT: 0"
        );
        let mut short = sct(0, 4, 3);
        short.pop();
        assert_eq!(message(short), "Invalid SCT length");
    }
}
