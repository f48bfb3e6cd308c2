//! PEM armor (RFC 7468, with RFC 1421's encapsulated headers as OpenSSL writes them for
//! encrypted traditional keys): reading the blocks of a document and writing one.
//!
//! Reading follows the `pem` crate, as the reference's does, so that which documents are
//! accepted (stray text around blocks, line endings, what counts as whitespace in the
//! base64) and how a malformed one is described match it by construction: `fast` reads
//! the common documents the same way at SIMD speed and hands everything else (headers,
//! non-ASCII text, every error) to the crate. Writing is done here: one fixed layout
//! (64-column lines, "\n"), with the body encoded by base64-simd.

use zeroize::Zeroizing;

use crate::error::{KeyError, KeyResult};

mod fast;

const BEGIN: &[u8] = b"-----BEGIN ";
const END: &[u8] = b"-----END ";

/// One decoded block.
pub struct Block {
    label: String,
    headers: Vec<(String, String)>,
    /// The decoded body, wiped when dropped: a private key's block is as secret as the
    /// key.
    contents: Zeroizing<Vec<u8>>,
}

impl Block {
    fn from_pem(pem: pem::Pem) -> Self {
        let label = pem.tag().to_string();
        let headers = pem
            .headers()
            .iter()
            .map(|(name, value)| (name.to_string(), value.to_string()))
            .collect();
        Block {
            label,
            headers,
            contents: Zeroizing::new(pem.into_contents()),
        }
    }

    pub fn label(&self) -> &str {
        &self.label
    }

    /// The decoded body.
    pub fn contents(&self) -> &[u8] {
        &self.contents
    }

    /// The decoded body of a public document (a certificate, a CRL), taken without a
    /// copy and without the wipe a key's body gets.
    pub fn into_public_contents(mut self) -> Vec<u8> {
        std::mem::take(&mut *self.contents)
    }

    /// The value of a header, by exact name.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(header, _)| header == name)
            .map(|(_, value)| value.as_str())
    }
}

/// The crate's description of what is wrong, as the reference reports it.
fn pem_error(err: pem::PemError) -> KeyError {
    KeyError::Pem(format!("{err:?}"))
}

/// Reads every block of a document; a document without one, or with a malformed one,
/// is an error.
pub fn blocks(data: &[u8]) -> KeyResult<Vec<Block>> {
    let found = match fast::blocks(data) {
        Some(found) => found,
        None => pem::parse_many(data)
            .map_err(pem_error)?
            .into_iter()
            .map(Block::from_pem)
            .collect(),
    };
    if found.is_empty() {
        return Err(pem_error(pem::PemError::MalformedFraming));
    }
    Ok(found)
}

/// Labels of blocks that hold private keys.
const PRIVATE_LABELS: [&str; 5] = [
    "PRIVATE KEY",
    "ENCRYPTED PRIVATE KEY",
    "RSA PRIVATE KEY",
    "EC PRIVATE KEY",
    "DSA PRIVATE KEY",
];

/// Labels of blocks that hold public keys.
const PUBLIC_LABELS: [&str; 2] = ["PUBLIC KEY", "RSA PUBLIC KEY"];

/// The key block of a document. A private key is the first block with a private key's
/// label, wherever it is; a public key must be the document's first block (the
/// reference's rules for the two loaders).
pub fn find_key_block(data: &[u8], private: bool) -> KeyResult<Block> {
    let block = if private {
        blocks(data)?
            .into_iter()
            .find(|block| PRIVATE_LABELS.contains(&block.label()))
    } else {
        let first = match fast::first_block(data) {
            Some(first) => first,
            None => Block::from_pem(pem::parse(data).map_err(pem_error)?),
        };
        PUBLIC_LABELS.contains(&first.label()).then_some(first)
    };
    block.ok_or(KeyError::NoPemBlock { private })
}

/// PEM's line length for the base64 body (RFC 7468 section 2).
const LINE_LEN: usize = 64;

/// Armors DER under `label`, with optional `Name: value` headers, in 64-column lines
/// ending in "\n".
pub fn encode(label: &str, der: &[u8], headers: &[(&str, &str)]) -> Vec<u8> {
    let base64 = base64_simd::STANDARD;
    let encoded_len = base64.encoded_length(der.len());
    let header_len: usize = headers
        .iter()
        .map(|(name, value)| name.len() + value.len() + 3)
        .sum();
    let mut out = Vec::with_capacity(
        2 * label.len() + 32 + header_len + encoded_len + encoded_len / LINE_LEN + 2,
    );
    out.extend_from_slice(BEGIN);
    out.extend_from_slice(label.as_bytes());
    out.extend_from_slice(b"-----\n");
    for (name, value) in headers {
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(b": ");
        out.extend_from_slice(value.as_bytes());
        out.push(b'\n');
    }
    if !headers.is_empty() {
        out.push(b'\n');
    }
    // The body of a private key's block is as secret as the key.
    let body = Zeroizing::new(base64.encode_type::<Vec<u8>>(der));
    for line in body.chunks(LINE_LEN) {
        out.extend_from_slice(line);
        out.push(b'\n');
    }
    out.extend_from_slice(END);
    out.extend_from_slice(label.as_bytes());
    out.extend_from_slice(b"-----\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_with_headers() {
        let der: Vec<u8> = (0..=255).collect();
        let pem = encode("TEST", &der, &[("Proc-Type", "4,ENCRYPTED")]);
        let blocks = blocks(&pem).unwrap();
        assert_eq!(blocks.len(), 1);
        assert_eq!(blocks[0].label(), "TEST");
        assert_eq!(blocks[0].header("Proc-Type"), Some("4,ENCRYPTED"));
        assert_eq!(blocks[0].contents(), &der[..]);
    }

    #[test]
    fn text_around_blocks_and_crlf_are_accepted() {
        let data = b"junk\r\n-----BEGIN A-----\r\nAAEC\r\n-----END A-----\r\nmore";
        let blocks = blocks(data).unwrap();
        assert_eq!(blocks[0].contents(), [0, 1, 2]);
    }

    #[test]
    fn malformed_documents_are_refused() {
        for bad in [
            &b""[..],
            b"junk",
            b"-----BEGIN A-----\nAAEC\n-----END B-----\n",
            b"-----BEGIN A-----\nAAEC\n",
            b"-----BEGIN A-----\nA!EC\n-----END A-----\n",
            b"-----BEGIN A-----\nAAE\n-----END A-----\n",
        ] {
            assert!(blocks(bad).is_err(), "{:?}", String::from_utf8_lossy(bad));
        }
    }

    #[test]
    fn public_keys_must_come_first_private_keys_may_follow() {
        let other = encode("CERTIFICATE", &[1, 2, 3], &[]);
        let public = encode("PUBLIC KEY", &[4, 5, 6], &[]);
        let private = encode("PRIVATE KEY", &[7, 8, 9], &[]);
        let public_second = [&other[..], &public[..]].concat();
        assert!(matches!(
            find_key_block(&public_second, false),
            Err(KeyError::NoPemBlock { private: false })
        ));
        let private_second = [&other[..], &private[..]].concat();
        assert_eq!(
            find_key_block(&private_second, true).unwrap().contents(),
            [7, 8, 9]
        );
    }
}
