//! Diffie-Hellman keys and groups: SubjectPublicKeyInfo and PKCS #8 with PKCS #3's
//! dhKeyAgreement (a group without q) or X9.42's dhpublicnumber (a group with q), and
//! the "DH PARAMETERS" / "X9.42 DH PARAMETERS" files of groups alone.

use cryptography_asn1::integer::Unsigned;
use cryptography_asn1::keys::{DhDomainParameters, DhGroup, DhParameter};
use cryptography_asn1::{AlgorithmIdentifier, AlgorithmParameters};
use cryptography_backend::dh::{
    DhParameterComponents, DhParameters, DhPrivateKey, DhPublicComponents, DhPublicKey,
};

use crate::error::{KeyError, KeyResult};
use crate::Encoding;

/// PEM labels of a group file: OpenSSL writes a group with q under the second.
const PKCS3_LABEL: &str = "DH PARAMETERS";
const X942_LABEL: &str = "X9.42 DH PARAMETERS";

/// The group of a DH AlgorithmIdentifier, or None for another algorithm.
pub(crate) fn group_of(params: &AlgorithmParameters<'_>) -> Option<DhParameterComponents> {
    match params {
        AlgorithmParameters::Dh(group) => Some(DhParameterComponents {
            p: group.p.as_bytes().to_vec(),
            g: group.g.as_bytes().to_vec(),
            q: None,
        }),
        AlgorithmParameters::Dhx(group) => Some(DhParameterComponents {
            p: group.p.as_bytes().to_vec(),
            g: group.g.as_bytes().to_vec(),
            q: Some(group.q.as_bytes().to_vec()),
        }),
        _ => None,
    }
}

/// The public key of a SubjectPublicKeyInfo whose group is `parameters`: its key bits
/// are a DER INTEGER y.
pub(crate) fn public_from_spki(
    parameters: DhParameterComponents,
    key_bytes: &[u8],
) -> KeyResult<DhPublicKey> {
    let y = asn1::parse_single::<Unsigned<'_>>(key_bytes)?;
    Ok(DhPublicKey::from_components(DhPublicComponents {
        parameters,
        y: y.as_bytes().to_vec(),
    })?)
}

/// The private key of a PrivateKeyInfo whose group is `parameters`: its private key is
/// a DER INTEGER x, and y is computed.
pub(crate) fn private_from_pkcs8(
    parameters: DhParameterComponents,
    private_key: &[u8],
) -> KeyResult<DhPrivateKey> {
    let x = asn1::parse_single::<Unsigned<'_>>(private_key)?;
    Ok(DhPrivateKey::from_private_value(parameters, x.as_bytes())?)
}

/// The AlgorithmIdentifier of a key in this group: X9.42's when it has q.
pub(crate) fn algorithm(parameters: &DhParameterComponents) -> AlgorithmIdentifier<'_> {
    let (p, g) = (Unsigned::new(&parameters.p), Unsigned::new(&parameters.g));
    AlgorithmIdentifier::new(match &parameters.q {
        None => AlgorithmParameters::Dh(DhParameter {
            p,
            g,
            private_value_length: None,
        }),
        Some(q) => AlgorithmParameters::Dhx(DhDomainParameters {
            p,
            g,
            q: Unsigned::new(q),
            j: None,
            validation_parms: None,
        }),
    })
}

fn checked_group(
    p: Unsigned<'_>,
    g: Unsigned<'_>,
    q: Option<Unsigned<'_>>,
) -> KeyResult<DhParameters> {
    Ok(DhParameters::from_components(DhParameterComponents {
        p: p.as_bytes().to_vec(),
        g: g.as_bytes().to_vec(),
        q: q.map(|q| q.as_bytes().to_vec()),
    })?)
}

/// Reads a DER group file: p, g and an optional q.
pub fn load_der_parameters(data: &[u8]) -> KeyResult<DhParameters> {
    let group = asn1::parse_single::<DhGroup<'_>>(data)?;
    checked_group(group.p, group.g, group.q)
}

/// Reads the first group block of a PEM document: PKCS #3's DHParameter under
/// "DH PARAMETERS" (its optional third integer is privateValueLength, not q), p, g and
/// q under "X9.42 DH PARAMETERS".
pub fn load_pem_parameters(data: &[u8]) -> KeyResult<DhParameters> {
    let block = crate::armor::blocks(data)?
        .into_iter()
        .find(|block| matches!(block.label(), PKCS3_LABEL | X942_LABEL))
        .ok_or(KeyError::Refused(
            "Valid PEM but no BEGIN DH PARAMETERS/END DH PARAMETERS delimiters. Are you sure this is a DH parameters?",
        ))?;
    if block.label() == X942_LABEL {
        return load_der_parameters(block.contents());
    }
    let group = asn1::parse_single::<DhParameter<'_>>(block.contents())?;
    checked_group(group.p, group.g, None)
}

/// A group file, as OpenSSL writes it.
pub fn parameters_bytes(
    parameters: &DhParameterComponents,
    encoding: Encoding,
) -> KeyResult<Vec<u8>> {
    let der_bytes = asn1::write_single(&DhGroup {
        p: Unsigned::new(&parameters.p),
        g: Unsigned::new(&parameters.g),
        q: parameters.q.as_deref().map(Unsigned::new),
    })?;
    Ok(match encoding {
        Encoding::Der => der_bytes,
        Encoding::Pem => {
            let label = match parameters.q {
                None => PKCS3_LABEL,
                Some(_) => X942_LABEL,
            };
            crate::armor::encode(label, &der_bytes, &[])
        }
    })
}
