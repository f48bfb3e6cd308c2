//! DSA keys: SubjectPublicKeyInfo and PKCS#8 with RFC 3279's Dss-Parms, and OpenSSL's
//! traditional DSAPrivateKey, read and written.

use cryptography_backend::dsa::{
    DsaParameterComponents, DsaPrivateComponents, DsaPrivateKey, DsaPublicComponents, DsaPublicKey,
    Validation,
};
use zeroize::Zeroizing;

use crate::der::{self, oid, AlgorithmIdentifier};
use crate::error::{KeyError, KeyResult};

/// The domain parameters of a DSA AlgorithmIdentifier. Keys whose parameters are absent
/// (inherited from a certificate issuer, RFC 3279) cannot be used alone and are refused.
fn parameters(algorithm: &AlgorithmIdentifier<'_>) -> KeyResult<DsaParameterComponents> {
    let parms = algorithm.params_as::<der::DssParms<'_>>()?;
    Ok(DsaParameterComponents {
        p: der::magnitude(&parms.p).to_vec(),
        q: der::magnitude(&parms.q).to_vec(),
        g: der::magnitude(&parms.g).to_vec(),
    })
}

/// The public key of a SubjectPublicKeyInfo whose algorithm is DSA: its key bits are a
/// DER INTEGER y.
pub fn public_from_spki(
    algorithm: &AlgorithmIdentifier<'_>,
    key_bytes: &[u8],
) -> KeyResult<DsaPublicKey> {
    let parameters = parameters(algorithm)?;
    let y = asn1::parse_single::<asn1::BigUint<'_>>(key_bytes)?;
    Ok(DsaPublicKey::from_components(
        DsaPublicComponents {
            parameters,
            y: der::magnitude(&y).to_vec(),
        },
        Validation::Encoded,
    )?)
}

/// The private key of a PrivateKeyInfo whose algorithm is DSA: its private key is a DER
/// INTEGER x, and y is computed.
pub fn private_from_pkcs8(
    algorithm: &AlgorithmIdentifier<'_>,
    private_key: &[u8],
) -> KeyResult<DsaPrivateKey> {
    let parameters = parameters(algorithm)?;
    let x = asn1::parse_single::<asn1::BigUint<'_>>(private_key)?;
    Ok(DsaPrivateKey::from_private_value(
        &parameters,
        der::magnitude(&x),
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
                p: der::magnitude(&key.p).to_vec(),
                q: der::magnitude(&key.q).to_vec(),
                g: der::magnitude(&key.g).to_vec(),
            },
            y: der::magnitude(&key.y).to_vec(),
        },
        x: Zeroizing::new(der::magnitude(&key.x).to_vec()),
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

/// The DER of a key's Dss-Parms, for its AlgorithmIdentifier.
pub fn parameters_der(parameters: &DsaParameterComponents) -> KeyResult<Vec<u8>> {
    Ok(asn1::write_single(&der::DssParmsOut {
        p: der::Unsigned::new(&parameters.p),
        q: der::Unsigned::new(&parameters.q),
        g: der::Unsigned::new(&parameters.g),
    })?)
}

/// The AlgorithmIdentifier of a key with these parameters (their DER in `parameters_der`).
pub fn algorithm(parameters_der: &[u8]) -> KeyResult<AlgorithmIdentifier<'_>> {
    AlgorithmIdentifier::with_params(oid::DSA, parameters_der)
}

/// The DER INTEGER of a key value (y in a SubjectPublicKeyInfo, x in a PKCS#8 key).
pub fn integer_der(value: &[u8]) -> KeyResult<Zeroizing<Vec<u8>>> {
    Ok(Zeroizing::new(asn1::write_single(&der::Unsigned::new(
        value,
    ))?))
}

/// The traditional DSAPrivateKey of a key.
pub fn traditional_der(key: &DsaPrivateKey) -> KeyResult<Zeroizing<Vec<u8>>> {
    let c = key.components();
    let parameters = &c.public.parameters;
    Ok(Zeroizing::new(asn1::write_single(
        &der::DsaPrivateKeyOut {
            version: 0,
            p: der::Unsigned::new(&parameters.p),
            q: der::Unsigned::new(&parameters.q),
            g: der::Unsigned::new(&parameters.g),
            y: der::Unsigned::new(&c.public.y),
            x: der::Unsigned::new(&c.x),
        },
    )?))
}
