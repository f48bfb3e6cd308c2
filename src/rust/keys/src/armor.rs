//! PEM armor (RFC 7468, with RFC 1421's encapsulated headers as OpenSSL writes them for
//! encrypted traditional keys): reading the blocks of a document and writing one.
//!
//! A block is `-----BEGIN label-----`, optional `Name: value` header lines closed by a
//! blank line, base64 lines, and `-----END label-----` with the same label. Text around
//! blocks is ignored; inside a block, whitespace in the base64 body is ignored.

use zeroize::Zeroizing;

use crate::error::{KeyError, KeyResult};

const BEGIN: &[u8] = b"-----BEGIN ";
const END: &[u8] = b"-----END ";
const DASHES: &[u8] = b"-----";

/// A block's `Name: value` header lines.
type Headers<'a> = Vec<(&'a str, &'a str)>;

/// One decoded block.
pub struct Block<'a> {
    label: &'a str,
    headers: Headers<'a>,
    contents: Zeroizing<Vec<u8>>,
}

impl<'a> Block<'a> {
    pub fn label(&self) -> &'a str {
        self.label
    }

    /// The decoded body.
    pub fn contents(&self) -> &[u8] {
        &self.contents
    }

    /// The value of a header, by exact name.
    pub fn header(&self, name: &str) -> Option<&'a str> {
        self.headers
            .iter()
            .find(|(header, _)| *header == name)
            .map(|(_, value)| *value)
    }
}

fn malformed() -> KeyError {
    KeyError::Pem("MalformedFraming".to_string())
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|window| window == needle)
}

fn text(bytes: &[u8]) -> KeyResult<&str> {
    std::str::from_utf8(bytes).map_err(|_| malformed())
}

/// Splits a block's inside into its header lines and its base64 body. Headers are
/// present when the first line holds a colon (base64 never does); they end at the first
/// blank line, and a line starting with whitespace continues the previous value.
fn split_headers(inside: &[u8]) -> KeyResult<(Headers<'_>, &[u8])> {
    let first_line_end = inside
        .iter()
        .position(|&b| b == b'\n')
        .unwrap_or(inside.len());
    if !inside[..first_line_end].contains(&b':') {
        return Ok((Vec::new(), inside));
    }
    let mut headers = Headers::new();
    let mut rest = inside;
    loop {
        let line_end = rest
            .iter()
            .position(|&b| b == b'\n')
            .ok_or_else(malformed)?;
        let line = rest[..line_end]
            .strip_suffix(b"\r")
            .unwrap_or(&rest[..line_end]);
        rest = &rest[line_end + 1..];
        if line.iter().all(u8::is_ascii_whitespace) {
            return Ok((headers, rest));
        }
        let line = text(line)?;
        if line.starts_with([' ', '\t']) {
            // RFC 1421 continuation lines are not used by any key format read here.
            return Err(malformed());
        }
        let (name, value) = line.split_once(':').ok_or_else(malformed)?;
        headers.push((name.trim(), value.trim()));
    }
}

/// Decodes a base64 body, ignoring whitespace.
fn decode_body(body: &[u8]) -> KeyResult<Zeroizing<Vec<u8>>> {
    let compact: Zeroizing<Vec<u8>> = Zeroizing::new(
        body.iter()
            .copied()
            .filter(|b| !b.is_ascii_whitespace())
            .collect(),
    );
    base64_simd::STANDARD
        .decode_to_vec(&compact[..])
        .map(Zeroizing::new)
        .map_err(|_| KeyError::Pem("InvalidData".to_string()))
}

/// Reads every block of a document; a document without one, or with a malformed one,
/// is an error.
pub fn blocks(data: &[u8]) -> KeyResult<Vec<Block<'_>>> {
    let mut found = Vec::new();
    let mut rest = data;
    while let Some(start) = find(rest, BEGIN) {
        let after_begin = &rest[start + BEGIN.len()..];
        let label_end = find(after_begin, DASHES).ok_or_else(malformed)?;
        let label = &after_begin[..label_end];
        if label.contains(&b'\n') {
            return Err(malformed());
        }
        let inside_start = &after_begin[label_end + DASHES.len()..];
        let end_at = find(inside_start, END).ok_or_else(malformed)?;
        let inside = &inside_start[..end_at];
        let after_end = &inside_start[end_at + END.len()..];
        let end_label_end = find(after_end, DASHES).ok_or_else(malformed)?;
        if &after_end[..end_label_end] != label {
            return Err(malformed());
        }
        let inside = match inside.iter().position(|b| !b.is_ascii_whitespace()) {
            Some(first) => &inside[first..],
            None => &[],
        };
        let (headers, body) = split_headers(inside)?;
        found.push(Block {
            label: text(label)?,
            headers,
            contents: decode_body(body)?,
        });
        rest = &after_end[end_label_end + DASHES.len()..];
    }
    if found.is_empty() {
        return Err(malformed());
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

/// The first block of `data` whose label is one of a private (or public) key's.
pub fn find_key_block(data: &[u8], private: bool) -> KeyResult<Block<'_>> {
    let labels: &[&str] = if private {
        &PRIVATE_LABELS
    } else {
        &PUBLIC_LABELS
    };
    blocks(data)?
        .into_iter()
        .find(|block| labels.contains(&block.label()))
        .ok_or(KeyError::NoPemBlock { private })
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
            b"-----BEGIN A-----\nName: value\nAAEC\n-----END A-----\n",
        ] {
            assert!(blocks(bad).is_err(), "{:?}", String::from_utf8_lossy(bad));
        }
    }
}
