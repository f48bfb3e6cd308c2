//! The keys of RFC 7748 and RFC 8032, which are plain byte strings: X25519 and X448 for
//! key agreement, Ed25519 and Ed448 for signatures.
//!
//! ```
//! use cryptography_backend::ecx::{RawKeyKind, RawPrivateKey};
//!
//! let key = RawPrivateKey::generate(RawKeyKind::Ed25519)?;
//! let signature = key.sign(b"hello")?;
//! key.public_key()?.verify(&signature, b"hello")?;
//! # Ok::<(), cryptography_backend::Error>(())
//! ```

use std::sync::OnceLock;

use openssl::pkey::{Id, PKey, Private, Public};
use openssl::sign::{Signer, Verifier};
use zeroize::Zeroizing;

use crate::error::{AsymmetricError, Error, Result};

/// Which of the four algorithms a key belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RawKeyKind {
    X25519,
    X448,
    Ed25519,
    Ed448,
}

impl RawKeyKind {
    /// Whether the algorithm agrees on keys (X25519, X448) rather than signs.
    pub fn is_exchange(self) -> bool {
        matches!(self, RawKeyKind::X25519 | RawKeyKind::X448)
    }

    /// The algorithm's name as written in messages.
    pub fn name(self) -> &'static str {
        match self {
            RawKeyKind::X25519 => "X25519",
            RawKeyKind::X448 => "X448",
            RawKeyKind::Ed25519 => "Ed25519",
            RawKeyKind::Ed448 => "Ed448",
        }
    }

    /// Length of the private key in bytes.
    pub fn private_len(self) -> usize {
        match self {
            RawKeyKind::X25519 | RawKeyKind::Ed25519 => 32,
            RawKeyKind::X448 => 56,
            RawKeyKind::Ed448 => 57,
        }
    }

    /// Length of the public key in bytes.
    pub fn public_len(self) -> usize {
        self.private_len()
    }

    /// Whether the algorithm signs (Ed25519, Ed448) rather than agrees on keys.
    pub fn is_signature(self) -> bool {
        matches!(self, RawKeyKind::Ed25519 | RawKeyKind::Ed448)
    }

    fn id(self) -> Id {
        match self {
            RawKeyKind::X25519 => Id::X25519,
            RawKeyKind::X448 => Id::X448,
            RawKeyKind::Ed25519 => Id::ED25519,
            RawKeyKind::Ed448 => Id::ED448,
        }
    }
}

/// A private X25519, X448, Ed25519 or Ed448 key: its bytes (wiped on drop) and
/// OpenSSL's key, made when the key is first used. Any string of the right length is a
/// key of these algorithms, so nothing is left unchecked until then; making OpenSSL's key
/// computes the public key (a scalar multiplication, most of the cost of loading one),
/// which a key that is only read, copied or written back never needs. A clone shares
/// OpenSSL's key, which is never changed once made.
#[derive(Clone)]
pub struct RawPrivateKey {
    kind: RawKeyKind,
    bytes: Zeroizing<[u8; MAX_RAW_LEN]>,
    pkey: OnceLock<PKey<Private>>,
}

/// The longest raw key (Ed448's 57 bytes).
const MAX_RAW_LEN: usize = 57;

/// A public X25519, X448, Ed25519 or Ed448 key. It is its bytes: OpenSSL takes any
/// string of the right length as such a key, so its key object is only made when the key
/// is first used (verifying, agreeing), and reading the bytes back needs none. A key read
/// from bytes and never used (an API that receives many, and checks one) costs a copy.
#[derive(Clone)]
pub struct RawPublicKey {
    kind: RawKeyKind,
    bytes: [u8; MAX_RAW_LEN],
    pkey: OnceLock<PKey<Public>>,
}

/// Whether the linked OpenSSL makes keys of each kind (a build may leave Ed448 out),
/// asked once.
fn kind_available(kind: RawKeyKind) -> bool {
    static AVAILABLE: [OnceLock<bool>; 4] = [const { OnceLock::new() }; 4];
    let slot = match kind {
        RawKeyKind::X25519 => 0,
        RawKeyKind::X448 => 1,
        RawKeyKind::Ed25519 => 2,
        RawKeyKind::Ed448 => 3,
    };
    *AVAILABLE[slot].get_or_init(|| {
        let probe =
            PKey::public_key_from_raw_bytes(&[9u8; MAX_RAW_LEN][..kind.public_len()], kind.id());
        crate::error::discard_openssl_errors();
        probe.is_ok()
    })
}

impl RawPrivateKey {
    pub fn generate(kind: RawKeyKind) -> Result<Self> {
        if kind == RawKeyKind::X25519 {
            // Any 32 bytes are an X25519 private key (RFC 7748 clamps when using one);
            // OpenSSL's key is made with the public half computed here.
            let mut bytes = Zeroizing::new([0u8; 32]);
            openssl::rand::rand_priv_bytes(&mut bytes[..])?;
            let key = Self::unchecked(kind, &bytes[..]);
            key.pkey()?;
            return Ok(key);
        }
        let pkey = match kind {
            RawKeyKind::X25519 => PKey::generate_x25519(),
            RawKeyKind::X448 => PKey::generate_x448(),
            RawKeyKind::Ed25519 => PKey::generate_ed25519(),
            RawKeyKind::Ed448 => PKey::generate_ed448(),
        }
        .map_err(|_| unsupported(kind))?;
        let raw = Zeroizing::new(pkey.raw_private_key()?);
        let mut key = Self::unchecked(kind, &raw);
        key.pkey = OnceLock::from(pkey);
        Ok(key)
    }

    fn unchecked(kind: RawKeyKind, bytes: &[u8]) -> Self {
        let mut stored = Zeroizing::new([0u8; MAX_RAW_LEN]);
        stored[..bytes.len()].copy_from_slice(bytes);
        RawPrivateKey {
            kind,
            bytes: stored,
            pkey: OnceLock::new(),
        }
    }

    /// The key with the given private bytes, which must have the algorithm's length.
    pub fn from_bytes(kind: RawKeyKind, bytes: &[u8]) -> Result<Self> {
        if bytes.len() != kind.private_len() {
            return Err(Error::Asymmetric(AsymmetricError::RawKeyLength {
                kind,
                private: true,
            }));
        }
        if !kind_available(kind) {
            return Err(unsupported(kind));
        }
        Ok(Self::unchecked(kind, bytes))
    }

    /// OpenSSL's key, made on first use.
    fn pkey(&self) -> Result<&PKey<Private>> {
        if let Some(pkey) = self.pkey.get() {
            return Ok(pkey);
        }
        let pkey = match self.kind {
            RawKeyKind::X25519 => {
                crate::ffi::raw_key_pair(c"X25519", self.raw(), &x25519_public(self.raw()))
            }
            _ => PKey::private_key_from_raw_bytes(self.raw(), self.kind.id()),
        }
        .map_err(|_| {
            crate::error::discard_openssl_errors();
            unsupported(self.kind)
        })?;
        // Another thread may have made it meanwhile: either object is the same key.
        Ok(self.pkey.get_or_init(|| pkey))
    }

    fn raw(&self) -> &[u8] {
        &self.bytes[..self.kind.private_len()]
    }

    pub fn kind(&self) -> RawKeyKind {
        self.kind
    }

    /// A copy sharing OpenSSL's key, which is made first if need be: a key copied for
    /// every use (as HPKE copies its recipient's) then pays for it once.
    pub fn shared_copy(&self) -> Result<Self> {
        self.pkey()?;
        Ok(self.clone())
    }

    pub fn to_bytes(&self) -> Result<Zeroizing<Vec<u8>>> {
        Ok(Zeroizing::new(self.raw().to_vec()))
    }

    pub fn public_key(&self) -> Result<RawPublicKey> {
        if self.kind == RawKeyKind::X25519 && self.pkey.get().is_none() {
            return RawPublicKey::from_bytes(self.kind, &x25519_public(self.raw()));
        }
        let bytes = self.pkey()?.raw_public_key()?;
        RawPublicKey::from_bytes(self.kind, &bytes)
    }

    /// Signs a message (Ed25519 and Ed448 only; both hash internally).
    pub fn sign(&self, message: &[u8]) -> Result<Vec<u8>> {
        if !self.kind.is_signature() {
            return Err(unsupported(self.kind));
        }
        let mut signer = Signer::new_without_digest(self.pkey()?)?;
        Ok(signer.sign_oneshot_to_vec(message)?)
    }

    /// The shared secret with a peer's key of the same algorithm (X25519 and X448 only).
    /// An all-zero result (a peer key of small order) is refused.
    pub fn exchange(&self, peer: &RawPublicKey) -> Result<Zeroizing<Vec<u8>>> {
        if self.kind.is_signature() || peer.kind != self.kind {
            return Err(Error::Asymmetric(AsymmetricError::ExchangeFailed));
        }
        let secret = crate::ec::derive_shared(self.pkey()?, peer.pkey()?, false)?;
        // OpenSSL already refuses the all-zero value; this check does not depend on it.
        if secret.iter().all(|&b| b == 0) {
            return Err(Error::Asymmetric(AsymmetricError::ExchangeFailed));
        }
        Ok(secret)
    }
}

impl RawPublicKey {
    /// The key with the given public bytes, which must have the algorithm's length.
    pub fn from_bytes(kind: RawKeyKind, bytes: &[u8]) -> Result<Self> {
        if bytes.len() != kind.public_len() {
            return Err(Error::Asymmetric(AsymmetricError::RawKeyLength {
                kind,
                private: false,
            }));
        }
        if !kind_available(kind) {
            return Err(unsupported(kind));
        }
        let mut stored = [0u8; MAX_RAW_LEN];
        stored[..bytes.len()].copy_from_slice(bytes);
        Ok(RawPublicKey {
            kind,
            bytes: stored,
            pkey: OnceLock::new(),
        })
    }

    pub fn kind(&self) -> RawKeyKind {
        self.kind
    }

    fn raw(&self) -> &[u8] {
        &self.bytes[..self.kind.public_len()]
    }

    /// OpenSSL's key object, made on first use.
    fn pkey(&self) -> Result<&PKey<Public>> {
        if let Some(pkey) = self.pkey.get() {
            return Ok(pkey);
        }
        let pkey = PKey::public_key_from_raw_bytes(self.raw(), self.kind.id())
            .map_err(|_| unsupported(self.kind))?;
        // Another thread may have made it meanwhile: either object is the same key.
        Ok(self.pkey.get_or_init(|| pkey))
    }

    pub fn to_bytes(&self) -> Result<Vec<u8>> {
        Ok(self.raw().to_vec())
    }

    pub fn same_key(&self, other: &RawPublicKey) -> bool {
        self.kind == other.kind && self.raw() == other.raw()
    }

    /// Checks an Ed25519 or Ed448 signature; any mismatch is `BadSignature`.
    pub fn verify(&self, signature: &[u8], message: &[u8]) -> Result<()> {
        if !self.kind.is_signature() {
            return Err(unsupported(self.kind));
        }
        if self.kind == RawKeyKind::Ed25519 {
            let key =
                ring::signature::UnparsedPublicKey::new(&ring::signature::ED25519, self.raw());
            return key
                .verify(message, signature)
                .map_err(|_| Error::Asymmetric(AsymmetricError::BadSignature));
        }
        let mut verifier = Verifier::new_without_digest(self.pkey()?)?;
        match verifier.verify_oneshot(signature, message) {
            Ok(true) => Ok(()),
            _ => {
                crate::error::discard_openssl_errors();
                Err(Error::Asymmetric(AsymmetricError::BadSignature))
            }
        }
    }
}

/// X25519(k, 9) (RFC 7748 section 6.1): the public key of a private one, by
/// curve25519-dalek's fixed-base multiplication with the clamping the RFC specifies.
fn x25519_public(private: &[u8]) -> [u8; 32] {
    let mut scalar = Zeroizing::new([0u8; 32]);
    scalar.copy_from_slice(private);
    curve25519_dalek::MontgomeryPoint::mul_base_clamped(*scalar).to_bytes()
}

fn unsupported(kind: RawKeyKind) -> Error {
    crate::error::discard_openssl_errors();
    let what = if kind.is_exchange() {
        crate::error::Unsupported::Exchange
    } else {
        crate::error::Unsupported::PublicKey
    };
    Error::Unsupported(what, kind.name())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(s: &str) -> Vec<u8> {
        (0..s.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
            .collect()
    }

    #[test]
    fn rfc8032_ed25519_test_1() {
        let key = RawPrivateKey::from_bytes(
            RawKeyKind::Ed25519,
            &hex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"),
        )
        .unwrap();
        assert_eq!(
            key.public_key().unwrap().to_bytes().unwrap(),
            hex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a")
        );
        let signature = key.sign(b"").unwrap();
        assert_eq!(signature, hex("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"));
        key.public_key().unwrap().verify(&signature, b"").unwrap();
        assert!(key.public_key().unwrap().verify(&signature, b"x").is_err());
    }

    /// OpenSSL's own Ed25519 verdict, which `verify` hands to ring.
    fn openssl_verdict(public: &[u8], signature: &[u8], message: &[u8]) -> bool {
        let Ok(pkey) = PKey::public_key_from_raw_bytes(public, Id::ED25519) else {
            crate::error::discard_openssl_errors();
            return false;
        };
        let mut verifier = Verifier::new_without_digest(&pkey).unwrap();
        let verdict = verifier.verify_oneshot(signature, message).unwrap_or(false);
        crate::error::discard_openssl_errors();
        verdict
    }

    /// ring and OpenSSL agree on every signature here: a valid one, every one-bit change
    /// of the key, signature and message, S with the group order added (non-canonical),
    /// the identity and a small-order point as key, and wrong lengths.
    #[test]
    fn ed25519_verification_agrees_with_openssl() {
        let key = RawPrivateKey::from_bytes(
            RawKeyKind::Ed25519,
            &hex("c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7"),
        )
        .unwrap();
        let public = key.public_key().unwrap().to_bytes().unwrap();
        let message = b"agreement".to_vec();
        let signature = key.sign(&message).unwrap();
        let mut cases = vec![(public.clone(), signature.clone(), message.clone())];
        for bit in 0..256 {
            let mut changed = public.clone();
            changed[bit / 8] ^= 1 << (bit % 8);
            cases.push((changed, signature.clone(), message.clone()));
        }
        for bit in 0..512 {
            let mut changed = signature.clone();
            changed[bit / 8] ^= 1 << (bit % 8);
            cases.push((public.clone(), changed, message.clone()));
        }
        for bit in 0..message.len() * 8 {
            let mut changed = message.clone();
            changed[bit / 8] ^= 1 << (bit % 8);
            cases.push((public.clone(), signature.clone(), changed));
        }
        // S + L, with L the group order (little-endian, as S is written).
        let order = hex("edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010");
        let mut non_canonical = signature.clone();
        let mut carry = 0u16;
        for (byte, add) in non_canonical[32..].iter_mut().zip(&order) {
            let sum = u16::from(*byte) + u16::from(*add) + carry;
            *byte = sum as u8;
            carry = sum >> 8;
        }
        cases.push((public.clone(), non_canonical, message.clone()));
        let identity = hex("0100000000000000000000000000000000000000000000000000000000000000");
        let small_order = hex("c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa");
        for weak in [identity, small_order] {
            cases.push((
                weak.clone(),
                [&weak[..], &[0u8; 32]].concat(),
                message.clone(),
            ));
        }
        cases.push((public.clone(), signature[..63].to_vec(), message.clone()));
        let mut accepted = 0;
        for (public, signature, message) in &cases {
            let ours = RawPublicKey::from_bytes(RawKeyKind::Ed25519, public)
                .and_then(|key| key.verify(signature, message))
                .is_ok();
            assert_eq!(
                ours,
                openssl_verdict(public, signature, message),
                "{public:02x?} {signature:02x?} {message:02x?}"
            );
            accepted += usize::from(ours);
        }
        assert!(accepted >= 1);
    }

    /// The public keys computed here are OpenSSL's, for RFC 7748's two keys and 500
    /// random ones; and a key made here agrees with one OpenSSL made from the private half.
    #[test]
    fn x25519_public_keys_match_openssl() {
        let mut privates = vec![
            hex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a"),
            hex("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb"),
            vec![0u8; 32],
            vec![0xffu8; 32],
        ];
        for _ in 0..500 {
            let mut bytes = vec![0u8; 32];
            openssl::rand::rand_bytes(&mut bytes).unwrap();
            privates.push(bytes);
        }
        let peer = RawPrivateKey::generate(RawKeyKind::X25519).unwrap();
        for private in &privates {
            let openssl = PKey::private_key_from_raw_bytes(private, Id::X25519).unwrap();
            assert_eq!(
                x25519_public(private).to_vec(),
                openssl.raw_public_key().unwrap()
            );
            let ours = RawPrivateKey::from_bytes(RawKeyKind::X25519, private).unwrap();
            let theirs =
                RawPublicKey::from_bytes(RawKeyKind::X25519, &openssl.raw_public_key().unwrap())
                    .unwrap();
            // Both halves made here, exchanged through OpenSSL, both ways round.
            let shared = ours.exchange(&peer.public_key().unwrap()).unwrap();
            assert_eq!(shared, peer.exchange(&theirs).unwrap());
        }
    }

    #[test]
    fn rfc7748_x25519_section_6_1() {
        let alice = RawPrivateKey::from_bytes(
            RawKeyKind::X25519,
            &hex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a"),
        )
        .unwrap();
        let bob = RawPublicKey::from_bytes(
            RawKeyKind::X25519,
            &hex("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f"),
        )
        .unwrap();
        assert_eq!(
            *alice.exchange(&bob).unwrap(),
            hex("4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742")
        );
    }

    #[test]
    fn small_order_peer_is_refused() {
        let key = RawPrivateKey::generate(RawKeyKind::X25519).unwrap();
        let zero = RawPublicKey::from_bytes(RawKeyKind::X25519, &[0; 32]).unwrap();
        assert!(matches!(
            key.exchange(&zero),
            Err(Error::Asymmetric(AsymmetricError::ExchangeFailed))
        ));
    }

    #[test]
    fn lengths_are_checked() {
        assert!(matches!(
            RawPublicKey::from_bytes(RawKeyKind::X448, &[0; 55]),
            Err(Error::Asymmetric(AsymmetricError::RawKeyLength { .. }))
        ));
        assert!(matches!(
            RawPrivateKey::from_bytes(RawKeyKind::Ed448, &[0; 56]),
            Err(Error::Asymmetric(AsymmetricError::RawKeyLength { .. }))
        ));
    }
}
