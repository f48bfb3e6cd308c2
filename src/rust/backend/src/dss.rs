//! DSA and ECDSA signatures in their DER form (RFC 3279 section 2.2.2): a SEQUENCE of the
//! two INTEGERs r and s. Parsing is strict DER through the `asn1` crate: no trailing data,
//! no negative or non-minimal integers.
//!
//! ```
//! use cryptography_backend::dss;
//!
//! let der = dss::encode_signature(&[1], &[2])?;
//! assert_eq!(der, [0x30, 0x06, 0x02, 0x01, 0x01, 0x02, 0x01, 0x02]);
//! let (r, s) = dss::decode_signature(&der).map_err(|_| cryptography_backend::Error::InvalidPadding)?;
//! assert_eq!((r, s), (vec![1], vec![2]));
//! # Ok::<(), cryptography_backend::Error>(())
//! ```

// The derived parser returns the `asn1` crate's own (large) error type.
#![allow(clippy::result_large_err)]

use crate::error::{Error, Result};

#[derive(asn1::Asn1Read, asn1::Asn1Write)]
struct DssSignature<'a> {
    r: asn1::BigUint<'a>,
    s: asn1::BigUint<'a>,
}

/// DER's INTEGER content for a non-negative big-endian magnitude: leading zeros dropped
/// (one kept for zero), and a zero prepended when the top bit is set.
fn der_unsigned(magnitude: &[u8]) -> Vec<u8> {
    let first = magnitude.iter().position(|&b| b != 0);
    let trimmed = first.map_or(&[0u8][..], |at| &magnitude[at..]);
    let mut out = Vec::with_capacity(trimmed.len() + 1);
    if trimmed[0] & 0x80 != 0 {
        out.push(0);
    }
    out.extend_from_slice(trimmed);
    out
}

/// Encodes (r, s), each given as a big-endian unsigned magnitude.
pub fn encode_signature(r: &[u8], s: &[u8]) -> Result<Vec<u8>> {
    let (r, s) = (der_unsigned(r), der_unsigned(s));
    let signature = DssSignature {
        r: asn1::BigUint::new(&r).ok_or(Error::ParameterTooLarge("r"))?,
        s: asn1::BigUint::new(&s).ok_or(Error::ParameterTooLarge("s"))?,
    };
    asn1::write_single(&signature).map_err(|_| Error::ParameterTooLarge("signature"))
}

/// Decodes a DER signature into the big-endian magnitudes of r and s (each possibly with
/// DER's leading zero). The error is the parser's own description.
pub fn decode_signature(der: &[u8]) -> std::result::Result<(Vec<u8>, Vec<u8>), String> {
    let signature = asn1::parse_single::<DssSignature<'_>>(der)
        .map_err(|err| format!("error parsing asn1 value: {err:?}"))?;
    Ok((
        signature.r.as_bytes().to_vec(),
        signature.s.as_bytes().to_vec(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integers_are_minimal_and_non_negative() {
        assert_eq!(der_unsigned(&[0, 0, 5]), [5]);
        assert_eq!(der_unsigned(&[]), [0]);
        assert_eq!(der_unsigned(&[0x80]), [0, 0x80]);
        let der = encode_signature(&[0x80], &[0, 0x7f]).unwrap();
        assert_eq!(decode_signature(&der).unwrap(), (vec![0, 0x80], vec![0x7f]));
        // Trailing data, a negative r, a non-minimal r: all refused.
        for bad in [
            "300602010102010200",
            "30060201ff020102",
            "300702020001020102",
            "3000",
        ] {
            let bytes: Vec<u8> = (0..bad.len())
                .step_by(2)
                .map(|i| u8::from_str_radix(&bad[i..i + 2], 16).unwrap())
                .collect();
            assert!(decode_signature(&bytes).is_err(), "{bad}");
        }
    }
}
