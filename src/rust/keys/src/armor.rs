//! PEM armor (RFC 7468) through the `pem` crate: finding the block that holds a key, and
//! writing one.

use crate::error::{KeyError, KeyResult};

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
pub fn find_key_block(data: &[u8], private: bool) -> KeyResult<pem::Pem> {
    let blocks = pem::parse_many(data).map_err(|err| KeyError::Pem(format!("{err:?}")))?;
    if blocks.is_empty() {
        return Err(KeyError::Pem("MalformedFraming".to_string()));
    }
    let labels: &[&str] = if private {
        &PRIVATE_LABELS
    } else {
        &PUBLIC_LABELS
    };
    blocks
        .into_iter()
        .find(|block| labels.contains(&block.tag()))
        .ok_or(KeyError::NoPemBlock { private })
}

/// Armors DER under `label`, with optional headers, in 64-column lines ending in "\n".
pub fn encode(label: &str, der: Vec<u8>, headers: &[(&str, &str)]) -> KeyResult<Vec<u8>> {
    let mut block = pem::Pem::new(label, der);
    for (name, value) in headers {
        block
            .headers_mut()
            .add(name, value)
            .map_err(|err| KeyError::Pem(format!("{err:?}")))?;
    }
    let config = pem::EncodeConfig::new().set_line_ending(pem::LineEnding::LF);
    Ok(pem::encode_config(&block, config).into_bytes())
}
