//! Private keys: PKCS#8 / RFC 5958 (RSA, EC, DSA, X25519, X448, Ed25519, Ed448), PKCS#1
//! RSAPrivateKey and RFC 5915 ECPrivateKey, read and written.

use cryptography_backend::ec::{Curve, EcPrivateKey};
use cryptography_backend::ecx::RawPrivateKey;
use cryptography_backend::rsa::{RsaPrivateComponents, RsaPrivateKey, RsaPublicComponents};
use zeroize::Zeroizing;

use cryptography_asn1::integer::Unsigned;
use cryptography_asn1::keys::{self as der, EcParameters, PrivateKeyInfo};
use cryptography_asn1::{AlgorithmIdentifier, AlgorithmParameters};

use crate::error::{KeyError, KeyResult};
use crate::post_quantum;
use crate::public::{raw_kind_algorithm, raw_kind_of};
use crate::{curves, PrivateKey, PrivateKeyRef};

/// Reads a PKCS#1 RSAPrivateKey (two primes). With `validate`, the key must pass
/// OpenSSL's consistency and primality checks.
pub fn parse_pkcs1(der_bytes: &[u8], validate: bool) -> KeyResult<RsaPrivateKey> {
    rsa_from_pkcs1(
        &asn1::parse_single::<der::RsaPrivateKey<'_>>(der_bytes)?,
        validate,
    )
}

/// Builds the key of a parsed RSAPrivateKey.
pub fn rsa_from_pkcs1(key: &der::RsaPrivateKey<'_>, validate: bool) -> KeyResult<RsaPrivateKey> {
    if key.version != 0 || key.other_prime_infos.is_some() {
        return Err(KeyError::Invalid("unsupported RSAPrivateKey version"));
    }
    let secret = |value: &Unsigned<'_>| Zeroizing::new(value.as_bytes().to_vec());
    let components = RsaPrivateComponents {
        public: RsaPublicComponents {
            n: key.n.as_bytes().to_vec(),
            e: key.e.as_bytes().to_vec(),
        },
        d: secret(&key.d),
        p: secret(&key.p),
        q: secret(&key.q),
        dmp1: secret(&key.dmp1),
        dmq1: secret(&key.dmq1),
        iqmp: secret(&key.iqmp),
    };
    Ok(RsaPrivateKey::from_components(&components, validate)?)
}

/// Reads an ECPrivateKey. `known_curve` is the curve named outside the structure (by a
/// PKCS#8 wrapper); parameters inside it must agree.
pub fn parse_sec1(der_bytes: &[u8], known_curve: Option<Curve>) -> KeyResult<EcPrivateKey> {
    ec_from_sec1(
        &asn1::parse_single::<der::EcPrivateKey<'_>>(der_bytes)?,
        known_curve,
    )
}

/// Builds the key of a parsed ECPrivateKey.
pub fn ec_from_sec1(
    key: &der::EcPrivateKey<'_>,
    known_curve: Option<Curve>,
) -> KeyResult<EcPrivateKey> {
    if key.version != 1 {
        return Err(KeyError::Invalid("unsupported ECPrivateKey version"));
    }
    let inner_curve = key
        .parameters
        .as_ref()
        .map(curves::curve_from_parameters)
        .transpose()?;
    let curve = match (known_curve, inner_curve) {
        (Some(outer), Some(inner)) if outer != inner => {
            return Err(KeyError::Invalid("inconsistent curves"))
        }
        (Some(curve), _) | (None, Some(curve)) => curve,
        (None, None) => return Err(KeyError::Invalid("EC key without a curve")),
    };
    // RFC 5915: the private key is exactly ceiling(log2(n)/8) octets. Some encoders
    // drop leading zeros; such a key is refused by name.
    if key.private_key.len() < curve.element_len() {
        return Err(KeyError::Refused(
            "EC private key is not encoded properly: private key value is too short.",
        ));
    }
    if key.private_key.len() != curve.element_len() {
        return Err(KeyError::Invalid("EC private key has the wrong length"));
    }
    let public = match &key.public_key {
        Some(bits) if bits.padding_bits() != 0 => {
            return Err(KeyError::Invalid("public key bit string has unused bits"))
        }
        Some(bits) => Some(bits.as_bytes()),
        None => None,
    };
    // A file's key that fails the checks (a zero or too large scalar, a point that is
    // not its public key) is reported as every invalid key file is.
    EcPrivateKey::from_components(curve, key.private_key, public).map_err(|err| match err {
        cryptography_backend::Error::InvalidKey(_) => KeyError::Invalid("invalid EC key"),
        other => KeyError::Backend(other),
    })
}

/// Reads a PKCS#8 PrivateKeyInfo (or RFC 5958 OneAsymmetricKey).
pub fn parse_pkcs8(der_bytes: &[u8], validate_rsa: bool) -> KeyResult<PrivateKey> {
    key_from_pkcs8(
        &asn1::parse_single::<PrivateKeyInfo<'_>>(der_bytes)?,
        validate_rsa,
    )
}

/// Builds the key of a parsed PrivateKeyInfo.
pub fn key_from_pkcs8(info: &PrivateKeyInfo<'_>, validate_rsa: bool) -> KeyResult<PrivateKey> {
    // Version 1 (RFC 5958's v2, with an optional public key) is refused as other
    // implementations refuse it; no key this library reads needs it.
    if info.version != 0 {
        return Err(KeyError::Invalid("unsupported PrivateKeyInfo version"));
    }
    match &info.algorithm.params {
        AlgorithmParameters::Rsa(_) | AlgorithmParameters::RsaPss(_) => Ok(PrivateKey::Rsa(
            parse_pkcs1(info.private_key, validate_rsa)?,
        )),
        AlgorithmParameters::Ec(params) => {
            let curve = curves::curve_from_parameters(params)?;
            Ok(PrivateKey::Ec(parse_sec1(info.private_key, Some(curve))?))
        }
        AlgorithmParameters::Dsa(parms) => Ok(PrivateKey::Dsa(crate::dsa::private_from_pkcs8(
            parms,
            info.private_key,
        )?)),
        params @ (AlgorithmParameters::Dh(_) | AlgorithmParameters::Dhx(_)) => {
            let group = crate::dh::group_of(params).ok_or(KeyError::Invalid("DH group"))?;
            Ok(PrivateKey::Dh(crate::dh::private_from_pkcs8(
                group,
                info.private_key,
            )?))
        }
        params if post_quantum::mldsa_variant_of(params).is_some() => {
            let variant =
                post_quantum::mldsa_variant_of(params).ok_or(KeyError::Invalid("ML-DSA"))?;
            Ok(PrivateKey::MlDsa(post_quantum::mldsa_from_pkcs8(
                variant,
                info.private_key,
            )?))
        }
        params if post_quantum::mlkem_variant_of(params).is_some() => {
            let variant =
                post_quantum::mlkem_variant_of(params).ok_or(KeyError::Invalid("ML-KEM"))?;
            Ok(PrivateKey::MlKem(post_quantum::mlkem_from_pkcs8(
                variant,
                info.private_key,
            )?))
        }
        params => match raw_kind_of(params) {
            Some(kind) => {
                // RFC 8410 section 7: CurvePrivateKey ::= OCTET STRING.
                let raw = asn1::parse_single::<&[u8]>(info.private_key)?;
                Ok(PrivateKey::Raw(RawPrivateKey::from_bytes(kind, raw)?))
            }
            None => Err(KeyError::UnknownKeyType(info.algorithm.oid().to_string())),
        },
    }
}

/// The PKCS#1 RSAPrivateKey of a key.
pub fn rsa_pkcs1_der(key: &RsaPrivateKey) -> KeyResult<Zeroizing<Vec<u8>>> {
    let c = key.components();
    Ok(Zeroizing::new(asn1::write_single(&der::RsaPrivateKey {
        version: 0,
        n: Unsigned::new(&c.public.n),
        e: Unsigned::new(&c.public.e),
        d: Unsigned::new(&c.d),
        p: Unsigned::new(&c.p),
        q: Unsigned::new(&c.q),
        dmp1: Unsigned::new(&c.dmp1),
        dmq1: Unsigned::new(&c.dmq1),
        iqmp: Unsigned::new(&c.iqmp),
        other_prime_infos: None,
    })?))
}

/// The ECPrivateKey of a key; `with_curve` includes the curve's OID (the traditional
/// form does; inside PKCS#8 the wrapper names it).
pub fn ec_sec1_der(key: &EcPrivateKey, with_curve: bool) -> KeyResult<Zeroizing<Vec<u8>>> {
    let scalar = key.private_value()?;
    let point = key.encoded_point(false)?;
    let parameters = with_curve.then(|| EcParameters::NamedCurve(curves::curve_oid(key.curve())));
    Ok(Zeroizing::new(asn1::write_single(&der::EcPrivateKey {
        version: 1,
        private_key: &scalar,
        parameters,
        public_key: Some(asn1::BitString::new(&point, 0).ok_or(KeyError::Invalid("bit string"))?),
    })?))
}

/// The PKCS#8 PrivateKeyInfo of a key.
pub fn pkcs8_der(key: PrivateKeyRef<'_>) -> KeyResult<Zeroizing<Vec<u8>>> {
    let (algorithm, private_key) = match key {
        PrivateKeyRef::Rsa(key) => (
            AlgorithmIdentifier::new(AlgorithmParameters::Rsa(Some(()))),
            rsa_pkcs1_der(key)?,
        ),
        PrivateKeyRef::Ec(key) => (
            AlgorithmIdentifier::new(AlgorithmParameters::Ec(EcParameters::NamedCurve(
                curves::curve_oid(key.curve()),
            ))),
            ec_sec1_der(key, false)?,
        ),
        PrivateKeyRef::Dsa(key) => {
            let components = key.components();
            (
                crate::dsa::algorithm(&components.public.parameters),
                crate::dsa::integer_der(&components.x)?,
            )
        }
        PrivateKeyRef::Dh(key) => {
            let components = key.components();
            (
                crate::dh::algorithm(&components.public.parameters),
                crate::dsa::integer_der(&components.x)?,
            )
        }
        PrivateKeyRef::Raw(key) => {
            let raw = key.to_bytes()?;
            (
                AlgorithmIdentifier::new(raw_kind_algorithm(key.kind())),
                Zeroizing::new(asn1::write_single(&raw.as_slice())?),
            )
        }
        PrivateKeyRef::MlDsa(key) => (
            AlgorithmIdentifier::new(post_quantum::mldsa_algorithm(key.variant())),
            post_quantum::mldsa_pkcs8_private_key(key)?,
        ),
        PrivateKeyRef::MlKem(key) => (
            AlgorithmIdentifier::new(post_quantum::mlkem_algorithm(key.variant())),
            post_quantum::mlkem_pkcs8_private_key(key)?,
        ),
    };
    Ok(Zeroizing::new(asn1::write_single(&PrivateKeyInfo {
        version: 0,
        algorithm,
        private_key: &private_key,
        attributes: None,
        public_key: None,
    })?))
}
