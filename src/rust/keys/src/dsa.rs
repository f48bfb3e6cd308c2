//! DSA keys: SubjectPublicKeyInfo and PKCS#8 with RFC 3279's Dss-Parms, and OpenSSL's
//! traditional DSAPrivateKey, read and written.

use cryptography_backend::dsa::{
    DsaParameterComponents, DsaPrivateComponents, DsaPrivateKey, DsaPublicComponents, DsaPublicKey,
    Validation,
};
use zeroize::Zeroizing;

use cryptography_asn1::integer::Unsigned;
use cryptography_asn1::keys::{self as der, DssParms};
use cryptography_asn1::{AlgorithmIdentifier, AlgorithmParameters};

use crate::error::{KeyError, KeyResult};

/// The domain parameters of a DSA AlgorithmIdentifier. Keys whose parameters are absent
/// (inherited from a certificate issuer, RFC 3279) cannot be used alone and are refused.
fn parameters(parms: &DssParms<'_>) -> DsaParameterComponents {
    DsaParameterComponents {
        p: parms.p.as_bytes().to_vec(),
        q: parms.q.as_bytes().to_vec(),
        g: parms.g.as_bytes().to_vec(),
    }
}

/// The public key of a SubjectPublicKeyInfo whose algorithm is DSA: its key bits are a
/// DER INTEGER y.
pub fn public_from_spki(parms: &DssParms<'_>, key_bytes: &[u8]) -> KeyResult<DsaPublicKey> {
    let parameters = parameters(parms);
    let y = asn1::parse_single::<Unsigned<'_>>(key_bytes)?;
    Ok(DsaPublicKey::from_components(
        DsaPublicComponents {
            parameters,
            y: y.as_bytes().to_vec(),
        },
        Validation::Encoded,
    )?)
}

/// The private key of a PrivateKeyInfo whose algorithm is DSA: its private key is a DER
/// INTEGER x, and y is computed.
pub fn private_from_pkcs8(parms: &DssParms<'_>, private_key: &[u8]) -> KeyResult<DsaPrivateKey> {
    let parameters = parameters(parms);
    let x = asn1::parse_single::<Unsigned<'_>>(private_key)?;
    Ok(DsaPrivateKey::from_private_value(
        &parameters,
        x.as_bytes(),
    )?)
}

/// Builds the key of a parsed traditional DSAPrivateKey.
pub fn private_from_traditional(key: &der::DsaPrivateKey<'_>) -> KeyResult<DsaPrivateKey> {
    if key.version != 0 {
        return Err(KeyError::Invalid("unsupported DSAPrivateKey version"));
    }
    let components = DsaPrivateComponents {
        public: DsaPublicComponents {
            parameters: DsaParameterComponents {
                p: key.p.as_bytes().to_vec(),
                q: key.q.as_bytes().to_vec(),
                g: key.g.as_bytes().to_vec(),
            },
            y: key.y.as_bytes().to_vec(),
        },
        x: Zeroizing::new(key.x.as_bytes().to_vec()),
    };
    Ok(DsaPrivateKey::from_components(
        components,
        Validation::Encoded,
    )?)
}

/// Reads a traditional DSAPrivateKey.
pub fn parse_traditional(der_bytes: &[u8]) -> KeyResult<DsaPrivateKey> {
    private_from_traditional(&asn1::parse_single::<der::DsaPrivateKey<'_>>(der_bytes)?)
}

/// The AlgorithmIdentifier of a key with these parameters.
pub fn algorithm(parameters: &DsaParameterComponents) -> AlgorithmIdentifier<'_> {
    AlgorithmIdentifier::new(AlgorithmParameters::Dsa(DssParms {
        p: Unsigned::new(&parameters.p),
        q: Unsigned::new(&parameters.q),
        g: Unsigned::new(&parameters.g),
    }))
}

/// The DER INTEGER of a key value (y in a SubjectPublicKeyInfo, x in a PKCS#8 key).
pub fn integer_der(value: &[u8]) -> KeyResult<Zeroizing<Vec<u8>>> {
    Ok(Zeroizing::new(asn1::write_single(&Unsigned::new(value))?))
}

/// The traditional DSAPrivateKey of a key.
pub fn traditional_der(key: &DsaPrivateKey) -> KeyResult<Zeroizing<Vec<u8>>> {
    let c = key.components();
    let parameters = &c.public.parameters;
    Ok(Zeroizing::new(asn1::write_single(&der::DsaPrivateKey {
        version: 0,
        p: Unsigned::new(&parameters.p),
        q: Unsigned::new(&parameters.q),
        g: Unsigned::new(&parameters.g),
        y: Unsigned::new(&c.public.y),
        x: Unsigned::new(&c.x),
    })?))
}
