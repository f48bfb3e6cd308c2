//! Private keys: PKCS#8 / RFC 5958 (RSA, EC, DSA, X25519, X448, Ed25519, Ed448), PKCS#1
//! RSAPrivateKey and RFC 5915 ECPrivateKey, read and written.

use cryptography_backend::ec::{Curve, EcPrivateKey};
use cryptography_backend::ecx::RawPrivateKey;
use cryptography_backend::rsa::{RsaPrivateComponents, RsaPrivateKey, RsaPublicComponents};
use zeroize::Zeroizing;

use crate::der::{self, oid, AlgorithmIdentifier, PrivateKeyInfo};
use crate::error::{KeyError, KeyResult};
use crate::public::{raw_kind_for_oid, raw_kind_oid, NULL_DER};
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
    let secret = |value: &asn1::BigUint<'_>| Zeroizing::new(der::magnitude(value).to_vec());
    let components = RsaPrivateComponents {
        public: RsaPublicComponents {
            n: der::magnitude(&key.n).to_vec(),
            e: der::magnitude(&key.e).to_vec(),
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
    // RFC 5915: the private key is exactly ceiling(log2(n)/8) octets.
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
    let algorithm = &info.algorithm;
    match algorithm.oid {
        oid::RSA | oid::RSASSA_PSS => Ok(PrivateKey::Rsa(parse_pkcs1(
            info.private_key,
            validate_rsa,
        )?)),
        oid::EC_PUBLIC_KEY => {
            let params = algorithm
                .params
                .as_ref()
                .ok_or(KeyError::Invalid("EC parameters missing"))?;
            let curve = curves::curve_from_parameters(params)?;
            Ok(PrivateKey::Ec(parse_sec1(info.private_key, Some(curve))?))
        }
        oid::DSA => Ok(PrivateKey::Dsa(crate::dsa::private_from_pkcs8(
            algorithm,
            info.private_key,
        )?)),
        oid::DH | oid::DHX => Err(KeyError::UnsupportedKeyType("DH")),
        ref other => match raw_kind_for_oid(other) {
            Some(kind) => {
                if algorithm.params.is_some() {
                    return Err(KeyError::Invalid("parameters must be absent"));
                }
                // RFC 8410 section 7: CurvePrivateKey ::= OCTET STRING.
                let raw = asn1::parse_single::<&[u8]>(info.private_key)?;
                Ok(PrivateKey::Raw(RawPrivateKey::from_bytes(kind, raw)?))
            }
            None => Err(KeyError::UnknownKeyType(other.to_string())),
        },
    }
}

/// The PKCS#1 RSAPrivateKey of a key.
pub fn rsa_pkcs1_der(key: &RsaPrivateKey) -> KeyResult<Zeroizing<Vec<u8>>> {
    let c = key.components();
    Ok(Zeroizing::new(asn1::write_single(
        &der::RsaPrivateKeyOut {
            version: 0,
            n: der::Unsigned::new(&c.public.n),
            e: der::Unsigned::new(&c.public.e),
            d: der::Unsigned::new(&c.d),
            p: der::Unsigned::new(&c.p),
            q: der::Unsigned::new(&c.q),
            dmp1: der::Unsigned::new(&c.dmp1),
            dmq1: der::Unsigned::new(&c.dmq1),
            iqmp: der::Unsigned::new(&c.iqmp),
        },
    )?))
}

/// The ECPrivateKey of a key; `with_curve` includes the curve's OID (the traditional
/// form does; inside PKCS#8 the wrapper names it).
pub fn ec_sec1_der(key: &EcPrivateKey, with_curve: bool) -> KeyResult<Zeroizing<Vec<u8>>> {
    let scalar = key.private_value()?;
    let point = key.encoded_point(false)?;
    let curve_der = asn1::write_single(&curves::curve_oid(key.curve()))?;
    let parameters = if with_curve {
        Some(asn1::parse_single::<asn1::Tlv<'_>>(&curve_der)?)
    } else {
        None
    };
    Ok(Zeroizing::new(asn1::write_single(&der::EcPrivateKey {
        version: 1,
        private_key: &scalar,
        parameters,
        public_key: Some(asn1::BitString::new(&point, 0).ok_or(KeyError::Invalid("bit string"))?),
    })?))
}

/// The PKCS#8 PrivateKeyInfo of a key.
pub fn pkcs8_der(key: PrivateKeyRef<'_>) -> KeyResult<Zeroizing<Vec<u8>>> {
    let curve_der;
    let dsa_parameters;
    let (algorithm, private_key) = match key {
        PrivateKeyRef::Rsa(key) => (
            AlgorithmIdentifier::with_params(oid::RSA, &NULL_DER)?,
            rsa_pkcs1_der(key)?,
        ),
        PrivateKeyRef::Ec(key) => {
            curve_der = asn1::write_single(&curves::curve_oid(key.curve()))?;
            (
                AlgorithmIdentifier::with_params(oid::EC_PUBLIC_KEY, &curve_der)?,
                ec_sec1_der(key, false)?,
            )
        }
        PrivateKeyRef::Dsa(key) => {
            let components = key.components();
            dsa_parameters = crate::dsa::parameters_der(&components.public.parameters)?;
            (
                crate::dsa::algorithm(&dsa_parameters)?,
                crate::dsa::integer_der(&components.x)?,
            )
        }
        PrivateKeyRef::Raw(key) => {
            let raw = key.to_bytes()?;
            (
                AlgorithmIdentifier {
                    oid: raw_kind_oid(key.kind()),
                    params: None,
                },
                Zeroizing::new(asn1::write_single(&raw.as_slice())?),
            )
        }
    };
    Ok(Zeroizing::new(asn1::write_single(&PrivateKeyInfo {
        version: 0,
        algorithm,
        private_key: &private_key,
        attributes: None,
        public_key: None,
    })?))
}
