//! What a signature covers, shared by RSA, DSA and ECDSA: a message the signer hashes, a
//! digest the caller computed (`Prehashed`), or, for RSA PKCS#1 v1.5 only, raw bytes
//! signed without a DigestInfo. Also the verification DSA and ECDSA share.

use openssl::pkey::{PKeyRef, Public};
use openssl::pkey_ctx::PkeyCtx;

use crate::error::{AsymmetricError, Error, Result};
use crate::hash::{HashAlgorithm, Hasher};

/// The input of a sign or verify operation.
#[derive(Clone, Copy, Debug)]
pub enum SignedData<'a> {
    /// A message, hashed here with the given algorithm.
    Message { data: &'a [u8], hash: HashAlgorithm },
    /// A digest the caller computed; its length must be the algorithm's digest size.
    Prehashed {
        digest: &'a [u8],
        hash: HashAlgorithm,
    },
    /// Bytes signed as they are (RSA PKCS#1 v1.5 without a DigestInfo).
    Raw(&'a [u8]),
}

/// The bytes a key operation signs: a digest (computed here or given), with the hash that
/// produced it when there is one.
pub(crate) struct SigningInput<'a> {
    computed: Vec<u8>,
    borrowed: Option<&'a [u8]>,
    pub(crate) hash: Option<HashAlgorithm>,
}

impl<'a> SigningInput<'a> {
    pub(crate) fn bytes(&self) -> &[u8] {
        self.borrowed.unwrap_or(&self.computed)
    }
}

impl<'a> SignedData<'a> {
    /// The hash algorithm, if the input has one.
    pub fn hash(&self) -> Option<HashAlgorithm> {
        match *self {
            SignedData::Message { hash, .. } | SignedData::Prehashed { hash, .. } => Some(hash),
            SignedData::Raw(_) => None,
        }
    }

    /// Hashes a message (or checks a given digest's length).
    pub(crate) fn prepare(&self) -> Result<SigningInput<'a>> {
        match *self {
            SignedData::Message { data, hash } => {
                let mut computed = vec![0; hash.output_len()];
                Hasher::digest_into(hash, data, &mut computed)?;
                Ok(SigningInput {
                    computed,
                    borrowed: None,
                    hash: Some(hash),
                })
            }
            SignedData::Prehashed { digest, hash } => {
                if digest.len() != hash.output_len() {
                    return Err(Error::Asymmetric(AsymmetricError::PrehashedLength));
                }
                Ok(SigningInput {
                    computed: Vec::new(),
                    borrowed: Some(digest),
                    hash: Some(hash),
                })
            }
            SignedData::Raw(bytes) => Ok(SigningInput {
                computed: Vec::new(),
                borrowed: Some(bytes),
                hash: None,
            }),
        }
    }
}

/// Checks a DSA or ECDSA signature (DER) over the digest of `data`; anything malformed
/// or mismatched is `BadSignature`, with OpenSSL's error queue drained.
pub(crate) fn verify_dss(
    pkey: &PKeyRef<Public>,
    signature: &[u8],
    data: SignedData<'_>,
) -> Result<()> {
    let input = data.prepare()?;
    let mut ctx = PkeyCtx::new(pkey)?;
    ctx.verify_init()?;
    match ctx.verify(input.bytes(), signature) {
        Ok(true) => Ok(()),
        _ => {
            crate::error::discard_openssl_errors();
            Err(Error::Asymmetric(AsymmetricError::BadSignature))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn message_is_hashed() {
        let input = SignedData::Message {
            data: b"abc",
            hash: HashAlgorithm::Sha256,
        }
        .prepare()
        .unwrap();
        assert_eq!(input.bytes().len(), 32);
        assert_eq!(input.bytes()[..4], [0xba, 0x78, 0x16, 0xbf]);
    }

    #[test]
    fn prehashed_length_is_checked() {
        let err = SignedData::Prehashed {
            digest: &[0; 31],
            hash: HashAlgorithm::Sha256,
        }
        .prepare();
        assert!(matches!(
            err,
            Err(Error::Asymmetric(AsymmetricError::PrehashedLength))
        ));
    }
}
