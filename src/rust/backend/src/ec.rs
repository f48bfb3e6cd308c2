//! Elliptic-curve keys over the named prime curves: generation, derivation from a private
//! value, construction from coordinates or encoded points (always checked to lie on the
//! curve), ECDSA (random or RFC 6979 nonces) and ECDH.
//!
//! ```
//! use cryptography_backend::ec::{Curve, EcPrivateKey};
//! use cryptography_backend::hash::HashAlgorithm;
//! use cryptography_backend::signing::SignedData;
//!
//! let key = EcPrivateKey::generate(Curve::Secp256r1)?;
//! let message = SignedData::Message { data: b"hello", hash: HashAlgorithm::Sha256 };
//! let signature = key.sign(message, false)?;
//! key.public_key()?.verify(&signature, message)?;
//! # Ok::<(), cryptography_backend::Error>(())
//! ```

use std::sync::OnceLock;

use openssl::bn::{BigNum, BigNumContext};
use openssl::derive::Deriver;
use openssl::ec::{EcGroup, EcKey, EcPoint, EcPointRef, PointConversionForm};
use openssl::nid::Nid;
use openssl::pkey::{PKey, Private, Public};
use openssl::pkey_ctx::PkeyCtx;
use zeroize::Zeroizing;

use crate::error::{AsymmetricError, Error, Result};
use crate::signing::SignedData;

/// A named curve.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Curve {
    Secp192r1,
    Secp224r1,
    Secp256r1,
    Secp384r1,
    Secp521r1,
    Secp256k1,
    BrainpoolP256r1,
    BrainpoolP384r1,
    BrainpoolP512r1,
}

const CURVE_COUNT: usize = 9;

/// Every curve, in declaration order.
pub const CURVES: [Curve; CURVE_COUNT] = [
    Curve::Secp192r1,
    Curve::Secp224r1,
    Curve::Secp256r1,
    Curve::Secp384r1,
    Curve::Secp521r1,
    Curve::Secp256k1,
    Curve::BrainpoolP256r1,
    Curve::BrainpoolP384r1,
    Curve::BrainpoolP512r1,
];

/// Each curve's group, built once: building one from its name costs more than a
/// signature verification's setup.
static GROUPS: [OnceLock<Option<EcGroup>>; CURVE_COUNT] = [const { OnceLock::new() }; CURVE_COUNT];

impl Curve {
    fn index(self) -> usize {
        self as usize
    }

    /// The SEC 2 / RFC 5639 name (`"secp256r1"`, `"brainpoolP256r1"`).
    pub fn name(self) -> &'static str {
        match self {
            Curve::Secp192r1 => "secp192r1",
            Curve::Secp224r1 => "secp224r1",
            Curve::Secp256r1 => "secp256r1",
            Curve::Secp384r1 => "secp384r1",
            Curve::Secp521r1 => "secp521r1",
            Curve::Secp256k1 => "secp256k1",
            Curve::BrainpoolP256r1 => "brainpoolP256r1",
            Curve::BrainpoolP384r1 => "brainpoolP384r1",
            Curve::BrainpoolP512r1 => "brainpoolP512r1",
        }
    }

    /// The curve a name designates; the ANSI X9.62 aliases `prime192v1` and
    /// `prime256v1` are accepted.
    pub fn from_name(name: &str) -> Option<Curve> {
        match name {
            "prime192v1" => Some(Curve::Secp192r1),
            "prime256v1" => Some(Curve::Secp256r1),
            _ => CURVES.into_iter().find(|curve| curve.name() == name),
        }
    }

    /// The size of the field (and of the group order) in bits.
    pub fn key_bits(self) -> usize {
        match self {
            Curve::Secp192r1 => 192,
            Curve::Secp224r1 => 224,
            Curve::Secp256r1 | Curve::Secp256k1 | Curve::BrainpoolP256r1 => 256,
            Curve::Secp384r1 | Curve::BrainpoolP384r1 => 384,
            Curve::Secp521r1 => 521,
            Curve::BrainpoolP512r1 => 512,
        }
    }

    /// Bytes of one field element (a coordinate, or the private scalar).
    pub fn element_len(self) -> usize {
        self.key_bits().div_ceil(8)
    }

    fn nid(self) -> Nid {
        match self {
            Curve::Secp192r1 => Nid::X9_62_PRIME192V1,
            Curve::Secp224r1 => Nid::SECP224R1,
            Curve::Secp256r1 => Nid::X9_62_PRIME256V1,
            Curve::Secp384r1 => Nid::SECP384R1,
            Curve::Secp521r1 => Nid::SECP521R1,
            Curve::Secp256k1 => Nid::SECP256K1,
            Curve::BrainpoolP256r1 => Nid::BRAINPOOL_P256R1,
            Curve::BrainpoolP384r1 => Nid::BRAINPOOL_P384R1,
            Curve::BrainpoolP512r1 => Nid::BRAINPOOL_P512R1,
        }
    }

    /// The curve's group, or `UnsupportedCurve` when the linked OpenSSL lacks it.
    fn group(self) -> Result<&'static EcGroup> {
        GROUPS[self.index()]
            .get_or_init(|| {
                let group = EcGroup::from_curve_name(self.nid()).ok();
                crate::error::discard_openssl_errors();
                group
            })
            .as_ref()
            .ok_or(Error::Asymmetric(AsymmetricError::UnsupportedCurve(
                self.name(),
            )))
    }

    /// Whether the linked OpenSSL offers the curve.
    pub fn is_supported(self) -> bool {
        self.group().is_ok()
    }
}

/// A prime curve's domain parameters, big-endian without leading zeros (the generator
/// as an uncompressed X9.62 point).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CurveDomain {
    pub p: Vec<u8>,
    pub a: Vec<u8>,
    pub b: Vec<u8>,
    pub order: Vec<u8>,
    pub generator: Vec<u8>,
}

impl Curve {
    /// The curve's domain parameters, as OpenSSL defines the curve.
    pub fn domain(self) -> Result<CurveDomain> {
        let group = self.group()?;
        let mut ctx = BigNumContext::new()?;
        let (mut p, mut a, mut b, mut order) = (
            BigNum::new()?,
            BigNum::new()?,
            BigNum::new()?,
            BigNum::new()?,
        );
        group.components_gfp(&mut p, &mut a, &mut b, &mut ctx)?;
        group.order(&mut order, &mut ctx)?;
        let generator = group
            .generator_opt()
            .ok_or(Error::Asymmetric(AsymmetricError::UnsupportedCurve(
                self.name(),
            )))?
            .to_bytes(group, PointConversionForm::UNCOMPRESSED, &mut ctx)?;
        Ok(CurveDomain {
            p: p.to_vec(),
            a: a.to_vec(),
            b: b.to_vec(),
            order: order.to_vec(),
            generator,
        })
    }
}

/// The affine coordinates of a public point, big-endian, each padded to the curve's
/// element length.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EcPublicComponents {
    pub curve: Curve,
    pub x: Vec<u8>,
    pub y: Vec<u8>,
}

/// A key's public point in uncompressed X9.62 form, kept once known: OpenSSL stores
/// points in projective coordinates, so each encoding otherwise costs a field inversion.
/// Serializations, the coordinates and the compressed form all come from it.
#[derive(Default)]
struct PointCache(OnceLock<Vec<u8>>);

impl PointCache {
    fn known(encoded: &[u8]) -> Self {
        let cache = PointCache::default();
        if encoded.first() == Some(&4) {
            let _ = cache.0.set(encoded.to_vec());
        }
        cache
    }

    fn copy(&self) -> Self {
        PointCache(self.0.clone())
    }

    fn get<T: openssl::pkey::HasPublic>(&self, pkey: &PKey<T>, curve: Curve) -> Result<&[u8]> {
        if let Some(point) = self.0.get() {
            return Ok(point);
        }
        let mut ctx = BigNumContext::new()?;
        let encoded = pkey.ec_key()?.public_key().to_bytes(
            curve.group()?,
            PointConversionForm::UNCOMPRESSED,
            &mut ctx,
        )?;
        Ok(self.0.get_or_init(|| encoded))
    }

    fn encoded<T: openssl::pkey::HasPublic>(
        &self,
        pkey: &PKey<T>,
        curve: Curve,
        compressed: bool,
    ) -> Result<Vec<u8>> {
        let point = self.get(pkey, curve)?;
        if !compressed {
            return Ok(point.to_vec());
        }
        // X9.62 compressed: 02 or 03 by the parity of y, then x.
        let (x, y) = split_point(point, curve)?;
        let mut out = Vec::with_capacity(1 + x.len());
        out.push(2 | (y.last().copied().unwrap_or(0) & 1));
        out.extend_from_slice(x);
        Ok(out)
    }

    fn coordinates<T: openssl::pkey::HasPublic>(
        &self,
        pkey: &PKey<T>,
        curve: Curve,
    ) -> Result<EcPublicComponents> {
        let (x, y) = split_point(self.get(pkey, curve)?, curve)?;
        Ok(EcPublicComponents {
            curve,
            x: x.to_vec(),
            y: y.to_vec(),
        })
    }
}

/// The coordinates of an uncompressed X9.62 point of `curve`.
fn split_point(point: &[u8], curve: Curve) -> Result<(&[u8], &[u8])> {
    let len = curve.element_len();
    match point {
        [4, coordinates @ ..] if coordinates.len() == 2 * len => Ok(coordinates.split_at(len)),
        _ => Err(Error::InvalidKey("Invalid EC key.")),
    }
}

/// An EC private key.
pub struct EcPrivateKey {
    pkey: PKey<Private>,
    curve: Curve,
    point: PointCache,
}

/// Clones share OpenSSL's key, which is never changed once made.
impl Clone for EcPublicKey {
    fn clone(&self) -> Self {
        EcPublicKey {
            pkey: self.pkey.clone(),
            curve: self.curve,
            point: self.point.copy(),
        }
    }
}

impl Clone for EcPrivateKey {
    fn clone(&self) -> Self {
        EcPrivateKey {
            pkey: self.pkey.clone(),
            curve: self.curve,
            point: self.point.copy(),
        }
    }
}

/// An EC public key.
pub struct EcPublicKey {
    pkey: PKey<Public>,
    curve: Curve,
    point: PointCache,
}

fn invalid_key() -> Error {
    crate::error::discard_openssl_errors();
    Error::InvalidKey("Invalid EC key.")
}

/// Which X9.62 point encodings a caller takes.
#[derive(Clone, Copy, PartialEq)]
enum PointForms {
    /// Compressed (0x02, 0x03) and uncompressed (0x04): the API's `from_encoded_point`.
    Standard,
    /// The standard forms and the hybrid ones (0x06, 0x07: both coordinates, and y's
    /// parity in the tag), which key files may hold and OpenSSL reads.
    WithHybrid,
}

/// Decodes an X9.62 point and checks that it lies on the curve (OpenSSL also checks a
/// hybrid point's parity tag against y).
fn decode_point(curve: Curve, encoded: &[u8], forms: PointForms) -> Result<EcPoint> {
    match encoded.first() {
        None => return Err(Error::InvalidKey("data must not be an empty byte string")),
        Some(0x02..=0x04) => {}
        Some(0x06 | 0x07) if forms == PointForms::WithHybrid => {}
        Some(_) => return Err(Error::InvalidKey("Unsupported elliptic curve point type")),
    }
    let group = curve.group()?;
    let mut ctx = BigNumContext::new()?;
    let point = EcPoint::from_bytes(group, encoded, &mut ctx).map_err(|_| invalid_key())?;
    // `from_bytes` checks that both coordinates are field elements (below p) and the
    // curve equation; the point at infinity is no key.
    if point.is_infinity(group) {
        return Err(invalid_key());
    }
    Ok(point)
}

/// A public key over a point already checked: on the curve, not at infinity, with
/// coordinates below the field prime. Every curve here has cofactor 1, so any such point
/// generates the whole group; OpenSSL's key check would only repeat these checks (and
/// invert a coordinate to do so).
fn public_pkey(curve: Curve, point: &EcPointRef) -> Result<PKey<Public>> {
    let ec = EcKey::from_public_key(curve.group()?, point)?;
    Ok(PKey::from_ec_key(ec)?)
}

fn padded(bn: &openssl::bn::BigNumRef, len: usize) -> Result<Vec<u8>> {
    let len = i32::try_from(len).map_err(|_| Error::ParameterTooLarge("field element"))?;
    Ok(bn.to_vec_padded(len)?)
}

impl EcPrivateKey {
    pub fn generate(curve: Curve) -> Result<Self> {
        let ec = EcKey::generate(curve.group()?)?;
        Ok(EcPrivateKey {
            pkey: PKey::from_ec_key(ec)?,
            curve,
            point: PointCache::default(),
        })
    }

    /// The key whose private value is `scalar` (big-endian), which must lie in
    /// [1, order - 1]. The public point is computed.
    pub fn derive(curve: Curve, scalar: &[u8]) -> Result<Self> {
        let group = curve.group()?;
        let mut ctx = BigNumContext::new()?;
        let private = BigNum::from_slice(scalar)?;
        let mut order = BigNum::new()?;
        group.order(&mut order, &mut ctx)?;
        if private.num_bits() == 0 || private >= order {
            return Err(Error::InvalidKey(
                "Invalid EC key (key out of range, infinity, etc.)",
            ));
        }
        let mut public = EcPoint::new(group)?;
        public.mul_generator2(group, &private, &mut ctx)?;
        let ec = EcKey::from_private_components(group, &private, &public)?;
        Ok(EcPrivateKey {
            pkey: PKey::from_ec_key(ec)?,
            curve,
            point: PointCache::default(),
        })
    }

    /// Builds a key from its private value and a public point (an encoded point, or the
    /// computed one when `None`), checking that they belong together and lie on the curve.
    pub fn from_components(curve: Curve, scalar: &[u8], public: Option<&[u8]>) -> Result<Self> {
        let group = curve.group()?;
        let private = BigNum::from_slice(scalar)?;
        let cache = public.map(PointCache::known).unwrap_or_default();
        let public = match public {
            Some(encoded) => decode_point(curve, encoded, PointForms::Standard)?,
            None => {
                let mut point = EcPoint::new(group)?;
                let mut ctx = BigNumContext::new()?;
                point.mul_generator2(group, &private, &mut ctx)?;
                point
            }
        };
        let ec = EcKey::from_private_components(group, &private, &public)?;
        // Checks the point, the range of the private value, and that it yields the point.
        ec.check_key().map_err(|_| invalid_key())?;
        Ok(EcPrivateKey {
            pkey: PKey::from_ec_key(ec)?,
            curve,
            point: cache,
        })
    }

    /// Builds a key from its private value and public coordinates, as the numbers classes
    /// give them.
    pub fn from_numbers(public: &EcPublicComponents, scalar: &[u8]) -> Result<Self> {
        let point = EcPublicKey::point_from_coordinates(public)?;
        let group = public.curve.group()?;
        let private = BigNum::from_slice(scalar)?;
        let ec = EcKey::from_private_components(group, &private, &point)?;
        ec.check_key().map_err(|_| invalid_key())?;
        Ok(EcPrivateKey {
            pkey: PKey::from_ec_key(ec)?,
            curve: public.curve,
            point: PointCache::default(),
        })
    }

    pub fn curve(&self) -> Curve {
        self.curve
    }

    /// The private value, big-endian, padded to the curve's element length.
    pub fn private_value(&self) -> Result<Zeroizing<Vec<u8>>> {
        let ec = self.pkey.ec_key()?;
        Ok(Zeroizing::new(padded(
            ec.private_key(),
            self.curve.element_len(),
        )?))
    }

    pub fn public_components(&self) -> Result<EcPublicComponents> {
        self.point.coordinates(&self.pkey, self.curve)
    }

    /// The public point in X9.62 form.
    pub fn encoded_point(&self, compressed: bool) -> Result<Vec<u8>> {
        self.point.encoded(&self.pkey, self.curve, compressed)
    }

    pub fn public_key(&self) -> Result<EcPublicKey> {
        let ec = self.pkey.ec_key()?;
        let public = EcKey::from_public_key(ec.group(), ec.public_key())?;
        Ok(EcPublicKey {
            pkey: PKey::from_ec_key(public)?,
            curve: self.curve,
            point: self.point.copy(),
        })
    }

    /// An ECDSA signature in DER. `deterministic` selects RFC 6979 nonces.
    pub fn sign(&self, data: SignedData<'_>, deterministic: bool) -> Result<Vec<u8>> {
        let input = data.prepare()?;
        let mut ctx = PkeyCtx::new(&self.pkey)?;
        ctx.sign_init()?;
        if deterministic {
            // RFC 6979 derives the nonce with HMAC over the message's hash.
            if let Some(hash) = input.hash {
                ctx.set_signature_md(hash.md()?).map_err(|_| {
                    Error::Asymmetric(AsymmetricError::UnsupportedSignatureHash(hash))
                })?;
            }
            set_deterministic(&mut ctx)?;
        }
        let mut signature = Vec::new();
        ctx.sign_to_vec(input.bytes(), &mut signature)?;
        Ok(signature)
    }

    /// The ECDH shared secret with a peer's key on the same curve.
    pub fn exchange(&self, peer: &EcPublicKey) -> Result<Zeroizing<Vec<u8>>> {
        if peer.curve != self.curve {
            return Err(Error::Asymmetric(AsymmetricError::ExchangeFailed));
        }
        derive_shared(&self.pkey, &peer.pkey, false)
    }
}

#[cfg(ossl320)]
fn set_deterministic(ctx: &mut PkeyCtx<Private>) -> Result<()> {
    Ok(ctx.set_nonce_type(openssl::pkey_ctx::NonceType::DETERMINISTIC_K)?)
}

#[cfg(not(ossl320))]
fn set_deterministic(_ctx: &mut PkeyCtx<Private>) -> Result<()> {
    Err(Error::Asymmetric(
        AsymmetricError::DeterministicSigningUnavailable,
    ))
}

/// Whether deterministic (RFC 6979) ECDSA is available.
pub fn deterministic_signing_supported() -> bool {
    cfg!(ossl320)
}

/// Runs a key agreement; a failure (including X25519's and X448's all-zero result) is
/// `ExchangeFailed`. `check_peer` has OpenSSL check the peer's key first, for key types
/// whose keys are not checked when they are built (DH).
pub(crate) fn derive_shared(
    own: &PKey<Private>,
    peer: &PKey<Public>,
    check_peer: bool,
) -> Result<Zeroizing<Vec<u8>>> {
    let failed = |_| {
        crate::error::discard_openssl_errors();
        Error::Asymmetric(AsymmetricError::ExchangeFailed)
    };
    let mut deriver = Deriver::new(own).map_err(failed)?;
    // EC keys were checked when they were built (points on the curve and of the group's
    // order; X25519 and X448 keys have nothing to check): for them OpenSSL's own check, a
    // second scalar multiplication, is skipped.
    deriver.set_peer_ex(peer, check_peer).map_err(failed)?;
    let len = deriver.len().map_err(failed)?;
    let mut secret = Zeroizing::new(vec![0u8; len]);
    let written = deriver.derive(&mut secret).map_err(failed)?;
    secret.truncate(written);
    Ok(secret)
}

impl EcPublicKey {
    fn point_from_coordinates(public: &EcPublicComponents) -> Result<EcPoint> {
        let group = public.curve.group()?;
        let mut point = EcPoint::new(group)?;
        let x = BigNum::from_slice(&public.x)?;
        let y = BigNum::from_slice(&public.y)?;
        let mut ctx = BigNumContext::new()?;
        point
            .set_affine_coordinates_gfp(group, &x, &y, &mut ctx)
            .map_err(|_| {
                crate::error::discard_openssl_errors();
                Error::InvalidKey("Invalid EC key. Point is not on the curve specified.")
            })?;
        // OpenSSL reduces coordinates modulo p before checking the curve equation; a
        // coordinate of p or more is no field element, and so no point (SEC 1 3.2.2.1).
        let (mut p, mut a, mut b) = (BigNum::new()?, BigNum::new()?, BigNum::new()?);
        group.components_gfp(&mut p, &mut a, &mut b, &mut ctx)?;
        if x >= p || y >= p || point.is_infinity(group) {
            return Err(Error::InvalidKey(
                "Invalid EC key. Point is not on the curve specified.",
            ));
        }
        Ok(point)
    }

    /// The key at the given coordinates, which must lie on the curve.
    pub fn from_coordinates(public: &EcPublicComponents) -> Result<Self> {
        let point = Self::point_from_coordinates(public)?;
        Ok(EcPublicKey {
            pkey: public_pkey(public.curve, &point)?,
            curve: public.curve,
            point: PointCache::default(),
        })
    }

    /// The key an X9.62 encoded point designates.
    pub fn from_encoded_point(curve: Curve, encoded: &[u8]) -> Result<Self> {
        let point = decode_point(curve, encoded, PointForms::Standard)?;
        Ok(EcPublicKey {
            pkey: public_pkey(curve, &point)?,
            curve,
            point: PointCache::known(encoded),
        })
    }

    /// The key a point inside a key encoding (SubjectPublicKeyInfo) designates: as
    /// `from_encoded_point`, and the hybrid forms too, as OpenSSL reads key files.
    pub fn from_key_encoding(curve: Curve, encoded: &[u8]) -> Result<Self> {
        if !matches!(encoded.first(), Some(0x06 | 0x07)) {
            return Self::from_encoded_point(curve, encoded);
        }
        let point = decode_point(curve, encoded, PointForms::WithHybrid)?;
        Ok(EcPublicKey {
            pkey: public_pkey(curve, &point)?,
            curve,
            // Encodings are made afresh: a hybrid one is never handed back.
            point: PointCache::default(),
        })
    }

    pub fn curve(&self) -> Curve {
        self.curve
    }

    pub fn components(&self) -> Result<EcPublicComponents> {
        self.point.coordinates(&self.pkey, self.curve)
    }

    pub fn encoded_point(&self, compressed: bool) -> Result<Vec<u8>> {
        self.point.encoded(&self.pkey, self.curve, compressed)
    }

    pub fn same_key(&self, other: &EcPublicKey) -> bool {
        self.curve == other.curve && self.pkey.public_eq(&other.pkey)
    }

    /// Checks a DER ECDSA signature; anything malformed or mismatched is `BadSignature`.
    pub fn verify(&self, signature: &[u8], data: SignedData<'_>) -> Result<()> {
        crate::signing::verify_dss(&self.pkey, signature, data)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hash::HashAlgorithm;

    #[test]
    fn every_curve_signs_and_verifies() {
        for curve in CURVES {
            let key = EcPrivateKey::generate(curve).unwrap();
            let data = SignedData::Message {
                data: b"abc",
                hash: HashAlgorithm::Sha256,
            };
            let signature = key.sign(data, false).unwrap();
            let public = key.public_key().unwrap();
            public.verify(&signature, data).unwrap();
            let other = SignedData::Message {
                data: b"abd",
                hash: HashAlgorithm::Sha256,
            };
            assert!(matches!(
                public.verify(&signature, other),
                Err(Error::Asymmetric(AsymmetricError::BadSignature))
            ));
        }
    }

    #[test]
    fn derive_checks_range() {
        let order = Curve::Secp256r1.domain().unwrap().order;
        assert!(EcPrivateKey::derive(Curve::Secp256r1, &order).is_err());
        assert!(EcPrivateKey::derive(Curve::Secp256r1, &[0]).is_err());
        let one = EcPrivateKey::derive(Curve::Secp256r1, &[1]).unwrap();
        // The generator of P-256 (SEC 2, 2.4.2).
        assert_eq!(
            one.public_components().unwrap().x[..4],
            [0x6b, 0x17, 0xd1, 0xf2]
        );
    }

    #[test]
    fn points_off_the_curve_are_refused() {
        let mut encoded = vec![4u8];
        encoded.extend_from_slice(&[1; 64]);
        assert!(EcPublicKey::from_encoded_point(Curve::Secp256r1, &encoded).is_err());
        assert!(EcPublicKey::from_encoded_point(Curve::Secp256r1, &[4]).is_err());
    }

    #[test]
    fn ecdh_agrees() {
        let a = EcPrivateKey::generate(Curve::Secp384r1).unwrap();
        let b = EcPrivateKey::generate(Curve::Secp384r1).unwrap();
        let ab = a.exchange(&b.public_key().unwrap()).unwrap();
        let ba = b.exchange(&a.public_key().unwrap()).unwrap();
        assert_eq!(*ab, *ba);
        let c = EcPrivateKey::generate(Curve::Secp256r1).unwrap();
        assert!(a.exchange(&c.public_key().unwrap()).is_err());
    }
}
