//! Named curves by OID, and explicit curve parameters recognised as the named curve they
//! describe.

use asn1::ObjectIdentifier;
use cryptography_asn1::integer::significant;
use cryptography_asn1::keys::{EcParameters, FieldParameters, SpecifiedEcDomain};
use cryptography_asn1::oid;
use cryptography_backend::ec::Curve;

use crate::error::{KeyError, KeyResult};

/// The OID of each curve.
pub fn curve_oid(curve: Curve) -> ObjectIdentifier {
    match curve {
        Curve::Secp192r1 => oid::SECP192R1,
        Curve::Secp224r1 => oid::SECP224R1,
        Curve::Secp256r1 => oid::SECP256R1,
        Curve::Secp384r1 => oid::SECP384R1,
        Curve::Secp521r1 => oid::SECP521R1,
        Curve::Secp256k1 => oid::SECP256K1,
        Curve::BrainpoolP256r1 => oid::BRAINPOOL_P256R1,
        Curve::BrainpoolP384r1 => oid::BRAINPOOL_P384R1,
        Curve::BrainpoolP512r1 => oid::BRAINPOOL_P512R1,
    }
}

/// The curve an OID names.
pub fn curve_for_oid(oid: &ObjectIdentifier) -> KeyResult<Curve> {
    cryptography_backend::ec::CURVES
        .into_iter()
        .find(|curve| &curve_oid(*curve) == oid)
        .ok_or_else(|| KeyError::UnsupportedCurve(oid.to_string()))
}

/// The curves explicit parameters may describe: other implementations accept exactly
/// these three.
const EXPLICIT_CURVES: [Curve; 3] = [Curve::Secp256r1, Curve::Secp384r1, Curve::Secp521r1];

/// The named curve described by explicit parameters (SEC 1 C.2): the field, the
/// coefficients, the order and the base point must all be those of P-256, P-384 or P-521.
fn curve_for_explicit(params: &SpecifiedEcDomain<'_>) -> KeyResult<Curve> {
    let FieldParameters::Prime(prime) = &params.field_id.parameters else {
        return Err(KeyError::UnsupportedExplicitCurve);
    };
    if !(1..=3).contains(&params.version) {
        return Err(KeyError::UnsupportedExplicitCurve);
    }
    // The three curves have cofactor 1; an absent or different cofactor describes some
    // other group.
    if params.cofactor.map(|cofactor| cofactor.significant()) != Some(&[1u8][..]) {
        return Err(KeyError::UnsupportedExplicitCurve);
    }
    for curve in EXPLICIT_CURVES {
        let domain = curve.domain()?;
        let base_matches = params.base == domain.generator.as_slice() || {
            // The base point may also be given compressed.
            let generator = cryptography_backend::ec::EcPublicKey::from_encoded_point(
                curve,
                &domain.generator,
            )?;
            params.base == generator.encoded_point(true)?.as_slice()
        };
        if prime.significant() == significant(&domain.p)
            && significant(params.curve.a) == significant(&domain.a)
            && significant(params.curve.b) == significant(&domain.b)
            && params.order.significant() == significant(&domain.order)
            && base_matches
        {
            return Ok(curve);
        }
    }
    Err(KeyError::UnsupportedExplicitCurve)
}

/// Reads ECParameters (RFC 5480 section 2.1.1): a named curve, or explicit parameters
/// that describe a supported named curve. `implicitCurve` names no curve: it is as
/// unsupported as explicit parameters of an unknown one.
pub fn curve_from_parameters(params: &EcParameters<'_>) -> KeyResult<Curve> {
    match params {
        EcParameters::NamedCurve(oid) => curve_for_oid(oid),
        EcParameters::SpecifiedCurve(explicit) => curve_for_explicit(explicit),
        EcParameters::ImplicitCurve(()) => Err(KeyError::UnsupportedExplicitCurve),
    }
}
