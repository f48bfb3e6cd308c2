//! The `pem` crate's reading of a document, for the common case, in a fraction of its
//! time.
//!
//! The crate scans byte by byte for its markers, copies the body through a `String`
//! char by char to drop whitespace, and decodes base64 without SIMD; for a 2048-bit RSA
//! key that is about two thirds of the time a load takes. This module finds the same
//! blocks with the same scanning rules (including the crate's way of restarting a
//! marker search after a partial match, which decides what some odd documents mean),
//! and decodes with base64-simd. It answers only when it is sure to agree: a block with
//! headers, a body that is not ASCII, and anything the crate would report as an error
//! make it return None, and the caller asks the crate itself. A unit test compares the
//! two on many mutated documents.

use zeroize::Zeroizing;

use super::Block;

/// The blocks the `pem` crate's `parse_many` would return, or None to ask it.
pub(super) fn blocks(data: &[u8]) -> Option<Vec<Block>> {
    let mut input = data;
    let mut found = Vec::new();
    // As the crate's iterator: stop at the end of the input or when no block follows.
    while !input.is_empty() {
        let Some((rest, captures)) = captures(input) else {
            break;
        };
        input = rest;
        found.push(block(&captures)?);
    }
    Some(found)
}

/// The block the `pem` crate's `parse` would return (the first), or None to ask it.
pub(super) fn first_block(data: &[u8]) -> Option<Block> {
    block(&captures(data)?.1)
}

/// The four parts the crate's grammar captures in a block.
struct Captures<'a> {
    begin: &'a [u8],
    headers: &'a [u8],
    data: &'a [u8],
    end: &'a [u8],
}

/// The crate's grammar: `-----BEGIN (label)-----`, whitespace, the payload up to
/// `-----END `, split into headers and data at the first blank line, `(label)-----`,
/// whitespace.
fn captures(input: &[u8]) -> Option<(&[u8], Captures<'_>)> {
    let (input, _) = read_until(input, b"-----BEGIN ")?;
    let (input, begin) = read_until(input, b"-----")?;
    let input = skip_whitespace(input);
    let (input, payload) = read_until(input, b"-----END ")?;
    // For "\n\n" the crate's restart rule finds what a plain substring search finds (a
    // partial match fails only on a byte that is not '\n'), so the vectorized search
    // stands in for the byte-by-byte one over the whole body.
    let blank_line =
        memchr::memmem::find(payload, b"\n\n").map(|at| (&payload[at + 2..], &payload[..at]));
    let (headers, data) = if let Some((rest, headers)) = blank_line {
        (headers, rest)
    } else if let Some((rest, headers)) = read_until(payload, b"\r\n\r\n") {
        (headers, rest)
    } else {
        (&payload[..0], payload)
    };
    let (remaining, end) = read_until(input, b"-----")?;
    let captures = Captures {
        begin,
        headers,
        data,
        end,
    };
    Some((skip_whitespace(remaining), captures))
}

fn skip_whitespace(input: &[u8]) -> &[u8] {
    let start = input
        .iter()
        .position(|byte| !matches!(byte, b' ' | b'\t' | b'\n' | b'\r'))
        .unwrap_or(input.len());
    &input[start..]
}

/// The text before `marker` and the input after it, searched exactly as the crate
/// searches: after a partial match, a mismatching byte restarts the search at the byte
/// after it (so `------BEGIN ` does not contain `-----BEGIN ` for the crate). While no
/// partial match is under way, bytes other than the marker's first only move the search
/// on, so they are skipped in one step.
fn read_until<'a>(input: &'a [u8], marker: &[u8]) -> Option<(&'a [u8], &'a [u8])> {
    let first = *marker.first()?;
    let mut index = 0;
    let mut found = 0;
    while input.len() - index >= marker.len() - found {
        if found == 0 {
            index += memchr::memchr(first, &input[index..])?;
            if input.len() - index < marker.len() {
                return None;
            }
        }
        if input[index] == marker[found] {
            found += 1;
        } else {
            found = 0;
        }
        index += 1;
        if found == marker.len() {
            return Some((&input[index..], &input[..index - found]));
        }
    }
    None
}

/// A block the crate would accept with the same label and contents, or None.
fn block(captures: &Captures<'_>) -> Option<Block> {
    let label = std::str::from_utf8(captures.begin).ok()?;
    if label.is_empty() || captures.begin != captures.end || !captures.headers.is_empty() {
        return None;
    }
    if !captures.data.is_ascii() {
        return None;
    }
    // The crate drops what `char::is_whitespace` calls whitespace; for ASCII that is
    // U+0009 to U+000D and the space.
    let mut body: Zeroizing<Vec<u8>> = Zeroizing::new(Vec::with_capacity(captures.data.len()));
    let is_space = |byte: &u8| matches!(byte, b'\t'..=b'\r' | b' ');
    // Most bodies have no whitespace but their line ends ("\n" or "\r\n"): the
    // pieces between those are copied whole, found in one vectorized pass.
    let data = captures.data;
    if memchr::memchr3(b' ', b'\t', 0x0b, data).is_none() && memchr::memchr(0x0c, data).is_none() {
        let mut start = 0;
        for end in memchr::memchr2_iter(b'\n', b'\r', data).chain([data.len()]) {
            body.extend_from_slice(&data[start..end]);
            start = end + 1;
        }
        return decoded(label, &body);
    }
    let mut start = 0;
    for end in memchr::memchr_iter(b'\n', captures.data).chain([captures.data.len()]) {
        let line = &captures.data[start..end];
        start = end + 1;
        // A line of base64 has no whitespace but perhaps a trailing '\r': copied whole
        // after a vectorized scan; any other line byte by byte.
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        let spaced = memchr::memchr3(b' ', b'\t', b'\r', line).is_some()
            || memchr::memchr2(0x0b, 0x0c, line).is_some();
        if spaced {
            body.extend(line.iter().copied().filter(|byte| !is_space(byte)));
        } else {
            body.extend_from_slice(line);
        }
    }
    decoded(label, &body)
}

fn decoded(label: &str, body: &[u8]) -> Option<Block> {
    let contents = base64_simd::STANDARD.decode_to_vec(body).ok()?;
    Some(Block {
        label: label.to_string(),
        headers: Vec::new(),
        contents: Zeroizing::new(contents),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the `pem` crate makes of a document, in comparable form.
    fn by_the_crate(data: &[u8]) -> Option<Vec<(String, Vec<u8>)>> {
        let parsed = pem::parse_many(data).ok()?;
        Some(
            parsed
                .into_iter()
                .map(|pem| (pem.tag().to_string(), pem.into_contents()))
                .collect(),
        )
    }

    fn by_this(data: &[u8]) -> Option<Vec<(String, Vec<u8>)>> {
        Some(
            blocks(data)?
                .into_iter()
                .map(|block| (block.label().to_string(), block.contents().to_vec()))
                .collect(),
        )
    }

    /// A small deterministic generator (xorshift), so that failures reproduce.
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }

        fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }
    }

    #[test]
    fn agrees_with_the_pem_crate_whenever_it_answers() {
        let body: Vec<u8> = (0..=255u8).cycle().take(700).collect();
        let one = super::super::encode("PRIVATE KEY", &body, &[]);
        let two = [
            &b"# a comment - with dashes\n"[..],
            &one,
            b"\r\n",
            &super::super::encode("CERTIFICATE", &body[..5], &[]),
        ]
        .concat();
        // Bytes that matter to the grammar, and some that do not.
        let alphabet = b"-\n\r \t\x0b\x0c=+/AZaz09BEGINEND:\xc3\xa9\x00";
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        let mut answered = 0;
        for round in 0..40_000 {
            let mut document = if round % 2 == 0 {
                one.clone()
            } else {
                two.clone()
            };
            for _ in 0..1 + rng.below(3) {
                let at = rng.below(document.len() + 1);
                match rng.below(3) {
                    0 if at < document.len() => {
                        document[at] = alphabet[rng.below(alphabet.len())];
                    }
                    1 if at < document.len() => {
                        document.remove(at);
                    }
                    _ => document.insert(at, alphabet[rng.below(alphabet.len())]),
                }
            }
            if let Some(mine) = by_this(&document) {
                answered += 1;
                assert_eq!(
                    Some(mine),
                    by_the_crate(&document),
                    "{:?}",
                    String::from_utf8_lossy(&document)
                );
            }
        }
        // Most documents still parse; the comparison must have had work to do.
        assert!(answered > 5_000, "{answered}");
    }

    #[test]
    fn the_crates_restart_rule_is_kept() {
        // Six dashes: the crate does not see a BEGIN marker.
        let six = b"------BEGIN A-----\nAAEC\n-----END A-----\n";
        assert!(pem::parse_many(&six[..]).unwrap().is_empty());
        assert_eq!(by_this(six), Some(vec![]));
        // Headers and non-ASCII bodies are left to the crate.
        assert!(blocks(b"-----BEGIN A-----\nK: v\n\nAAEC\n-----END A-----\n").is_none());
        assert!(blocks("-----BEGIN A-----\nAA\u{a0}EC\n-----END A-----\n".as_bytes()).is_none());
    }
}
