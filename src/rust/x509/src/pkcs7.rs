//! PKCS#7 (RFC 2315): the certificates of a SignedData, read from DER here (BER through
//! the backend, with the reason DER failed, for the caller to warn about), and a
//! "certs-only" SignedData written from certificates.

use cryptography_asn1::algorithm::RsaPssParameters;
use cryptography_asn1::csr::Attribute;
use cryptography_asn1::name::RawValue;
use cryptography_asn1::pkcs7 as der;
use cryptography_asn1::read_or_built::ReadOrBuilt;
use cryptography_asn1::{AlgorithmIdentifier, AlgorithmParameters};
use cryptography_backend::hash::{HashAlgorithm, Hasher};
use cryptography_backend::pkcs7::{certificates_from_ber, Pkcs7BerError};
use cryptography_keys::armor;

use crate::error::{X509Error, X509Result};
use crate::Certificate;

/// The PEM label of PKCS#7 data.
pub const PEM_LABEL: &str = "PKCS7";

/// OpenSSL's NIDs of the PKCS#7 content types, which the reference's message names.
fn nid(content_type: &asn1::ObjectIdentifier) -> i32 {
    const NIDS: [(asn1::ObjectIdentifier, i32); 6] = [
        (der::DATA, 21),
        (der::SIGNED_DATA, 22),
        (der::ENVELOPED_DATA, 23),
        (der::SIGNED_AND_ENVELOPED_DATA, 24),
        (der::DIGESTED_DATA, 25),
        (der::ENCRYPTED_DATA, 26),
    ];
    NIDS.iter()
        .find(|(known, _)| known == content_type)
        .map_or(0, |(_, nid)| *nid)
}

const NO_CERTIFICATES: X509Error = X509Error::InvalidPkcs7(
    "The provided PKCS7 has no certificate data, but a cert loading method was called.",
);

/// The certificates of a PKCS#7 SignedData, in the file's order, and, for a file that
/// only BER reads, why DER did not (the reference warns, and may refuse them one day).
pub struct LoadedCertificates {
    pub certificates: Vec<Certificate>,
    pub not_der: Option<X509Error>,
}

/// The certificates of a DER (or, failing that, BER) PKCS#7 SignedData.
pub fn load_der_certificates(data: &[u8]) -> X509Result<LoadedCertificates> {
    match certificates_of_der(data) {
        Ok(certificates) => Ok(LoadedCertificates {
            certificates,
            not_der: None,
        }),
        Err(der_error @ X509Error::Parse(_)) => {
            let certificates = certificates_from_ber(data)
                .map_err(|err| match err {
                    Pkcs7BerError::NotPkcs7 => {
                        X509Error::InvalidPkcs7("Unable to parse PKCS7 data")
                    }
                    Pkcs7BerError::NotSignedData(nid) => X509Error::UnsupportedPkcs7(nid),
                    Pkcs7BerError::NoCertificates => NO_CERTIFICATES,
                })?
                .into_iter()
                .map(Certificate::from_der)
                .collect::<X509Result<Vec<_>>>()?;
            Ok(LoadedCertificates {
                certificates,
                not_der: Some(der_error),
            })
        }
        Err(other) => Err(other),
    }
}

/// The DER of a PEM document's first block, which must be labelled PKCS7.
pub fn pem_der(data: &[u8]) -> X509Result<Vec<u8>> {
    let block = armor::blocks(data)?
        .into_iter()
        .next()
        .filter(|block| block.label() == PEM_LABEL)
        .ok_or(X509Error::InvalidPkcs7(
            "The provided PEM data does not have the PKCS7 tag.",
        ))?;
    Ok(block.into_public_contents())
}

/// The certificates of the first PEM block, which must be labelled PKCS7.
pub fn load_pem_certificates(data: &[u8]) -> X509Result<LoadedCertificates> {
    load_der_certificates(&pem_der(data)?)
}

/// The content of a ContentInfo of `content_type`; `other` is the error for any other.
fn content_of<'a>(
    data: &'a [u8],
    content_type: &asn1::ObjectIdentifier,
    other: &'static str,
) -> X509Result<asn1::Tlv<'a>> {
    let content_info = asn1::parse_single::<der::ContentInfo<'_>>(data)?;
    match content_info.content {
        Some(content) if content_info.content_type == *content_type => Ok(content),
        _ => Err(X509Error::InvalidPkcs7(other)),
    }
}

/// Whether `certificate` is the one an IssuerAndSerialNumber names.
fn is_named(certificate: &Certificate, names: &der::IssuerAndSerialNumber<'_>) -> bool {
    let tbs = &certificate.parsed().tbs_certificate;
    tbs.serial.as_bytes() == names.serial_number.as_bytes()
        && match (
            asn1::write_single(&tbs.issuer),
            asn1::write_single(&names.issuer),
        ) {
            (Ok(ours), Ok(theirs)) => ours == theirs,
            _ => false,
        }
}

fn certificates_of_der(data: &[u8]) -> X509Result<Vec<Certificate>> {
    let content_info = asn1::parse_single::<der::ContentInfo<'_>>(data)?;
    if content_info.content_type != der::SIGNED_DATA {
        return Err(X509Error::UnsupportedPkcs7(nid(&content_info.content_type)));
    }
    let content = content_info.content.ok_or(NO_CERTIFICATES)?;
    let signed = asn1::parse_single::<der::SignedData<'_>>(content.full_data())?;
    let certificates = signed
        .certificates
        .as_ref()
        .and_then(ReadOrBuilt::read)
        .ok_or(NO_CERTIFICATES)?;
    // Each certificate is loaded from its own DER, as the certificate loaders load it.
    certificates
        .clone()
        .map(|certificate| Certificate::from_der(asn1::write_single(&certificate)?))
        .collect()
}

/// A SignedData holding only certificates (the "certs-only" form of `.p7b` files): no
/// content, no signers, the certificates in DER's SET order.
pub fn serialize_certificates(certificates: &[&Certificate]) -> X509Result<Vec<u8>> {
    let signed = der::SignedData {
        version: 1,
        digest_algorithms: ReadOrBuilt::Built(asn1::SetOfWriter::new(Vec::new())),
        content_info: der::ContentInfo {
            content_type: der::DATA,
            content: None,
        },
        certificates: Some(ReadOrBuilt::Built(asn1::SetOfWriter::new(
            certificates
                .iter()
                .map(|certificate| certificate.parsed().clone())
                .collect(),
        ))),
        crls: None,
        signer_infos: ReadOrBuilt::Built(asn1::SetOfWriter::new(Vec::new())),
    };
    content_info(der::SIGNED_DATA, &asn1::write_single(&signed)?)
}

/// A ContentInfo around the DER of its content.
pub fn content_info(content_type: asn1::ObjectIdentifier, content: &[u8]) -> X509Result<Vec<u8>> {
    Ok(asn1::write_single(&der::ContentInfo {
        content_type,
        content: Some(asn1::parse_single::<asn1::Tlv<'_>>(content)?),
    })?)
}

/// How a signer's key signs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SignatureScheme {
    /// RSA with PKCS#1 v1.5 padding, named `rsaEncryption` whatever the hash (RFC 3370
    /// section 3.2).
    RsaPkcs1v15,
    /// RSASSA-PSS with MGF1 over `mgf1_hash` and a salt of `salt_length` bytes.
    RsaPss {
        mgf1_hash: HashAlgorithm,
        salt_length: u16,
    },
    /// ECDSA, named by its hash (ecdsa-with-SHA256, ...).
    Ecdsa,
    /// Ed25519 (RFC 8419; an addition to the reference, which signs with RSA and EC
    /// keys only): the digest is SHA-512.
    Ed25519,
}

/// The call that signs bytes with a signer's key (the key stays with the caller, whose
/// errors come back as `X509Error::Signer`).
pub type SignCall<'a> = Box<dyn FnMut(&[u8]) -> X509Result<Vec<u8>> + 'a>;

/// A signer: its certificate, hash and scheme, and the call that signs with its key.
pub struct Signer<'a> {
    pub certificate: &'a Certificate,
    pub hash: HashAlgorithm,
    pub scheme: SignatureScheme,
    pub sign: SignCall<'a>,
}

/// How the signature is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SignedEncoding {
    Der,
    Pem,
    Smime,
}

/// The PKCS7Options of a signature.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SignOptions {
    pub text: bool,
    pub binary: bool,
    pub detached: bool,
    pub no_capabilities: bool,
    pub no_attributes: bool,
    pub no_certs: bool,
}

impl SignOptions {
    /// The combinations the reference refuses, with its messages.
    pub fn check(&self, encoding: SignedEncoding) -> X509Result<()> {
        if self.text && !self.detached {
            return Err(X509Error::InvalidPkcs7(
                "When passing the Text option you must also pass DetachedSignature",
            ));
        }
        if self.text && encoding != SignedEncoding::Smime {
            return Err(X509Error::InvalidPkcs7(
                "The Text option is only available for SMIME serialization",
            ));
        }
        if self.no_attributes && self.no_capabilities {
            return Err(X509Error::InvalidPkcs7(
                "NoAttributes is a superset of NoCapabilities. Do not pass both values.",
            ));
        }
        Ok(())
    }
}

/// The S/MIME canonical form of text: every line ended by CR LF (RFC 8551 section
/// 3.1.1); a LF alone becomes CR LF, a CR LF stays.
pub fn smime_canonical(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len() + data.len() / 16);
    let mut previous = 0u8;
    for &byte in data {
        if byte == b'\n' && previous != b'\r' {
            out.push(b'\r');
        }
        out.push(byte);
        previous = byte;
    }
    out
}

/// A hash's name in a multipart/signed `micalg` parameter (RFC 8551 section 3.5.3).
fn micalg(hash: HashAlgorithm) -> X509Result<&'static str> {
    Ok(match hash {
        HashAlgorithm::Sha224 => "sha-224",
        HashAlgorithm::Sha256 => "sha-256",
        HashAlgorithm::Sha384 => "sha-384",
        HashAlgorithm::Sha512 => "sha-512",
        _ => return Err(X509Error::InvalidPkcs7("unsupported PKCS7 hash algorithm")),
    })
}

/// The AlgorithmIdentifier of a hash (with the NULL parameter RFC 5754 allows and
/// OpenSSL writes).
fn hash_identifier(hash: HashAlgorithm) -> X509Result<AlgorithmIdentifier<'static>> {
    let oid = crate::signature::oid_for_hash(hash)
        .ok_or(X509Error::InvalidPkcs7("unsupported PKCS7 hash algorithm"))?;
    let null = asn1::parse_single::<asn1::Tlv<'static>>(b"\x05\x00")?;
    Ok(AlgorithmIdentifier::new(AlgorithmParameters::Other(
        oid,
        Some(null),
    )))
}

/// The DER of RSASSA-PSS-params for a PSS scheme; None for the others.
fn pss_parameters(scheme: SignatureScheme, hash: HashAlgorithm) -> X509Result<Option<Vec<u8>>> {
    let SignatureScheme::RsaPss {
        mgf1_hash,
        salt_length,
    } = scheme
    else {
        return Ok(None);
    };
    let mgf = asn1::write_single(&hash_identifier(mgf1_hash)?)?;
    let parameters = RsaPssParameters {
        hash_algorithm: Some(hash_identifier(hash)?),
        mask_gen_algorithm: Some(AlgorithmIdentifier::new(AlgorithmParameters::Other(
            asn1::oid!(1, 2, 840, 113549, 1, 1, 8),
            Some(asn1::parse_single::<asn1::Tlv<'_>>(&mgf)?),
        ))),
        salt_length: Some(salt_length),
        trailer_field: None,
    };
    Ok(Some(asn1::write_single(&parameters)?))
}

/// The signature algorithm a SignerInfo names for a scheme and hash (`pss` the
/// parameters `pss_parameters` wrote for a PSS scheme).
fn signature_identifier<'a>(
    scheme: SignatureScheme,
    hash: HashAlgorithm,
    pss: Option<&'a [u8]>,
) -> X509Result<AlgorithmIdentifier<'a>> {
    use crate::signature::{signature_algorithm, HashedSigner};
    let unsupported = || X509Error::InvalidPkcs7("unsupported PKCS7 signature algorithm");
    Ok(match (scheme, pss) {
        (SignatureScheme::RsaPkcs1v15, _) => {
            AlgorithmIdentifier::new(AlgorithmParameters::Rsa(Some(())))
        }
        (SignatureScheme::Ecdsa, _) => {
            signature_algorithm(HashedSigner::Ecdsa, hash.name()).ok_or_else(unsupported)?
        }
        (SignatureScheme::Ed25519, _) => AlgorithmIdentifier::new(AlgorithmParameters::Ed25519),
        (SignatureScheme::RsaPss { .. }, Some(parameters)) => {
            AlgorithmIdentifier::new(AlgorithmParameters::RsaPss(Some(asn1::parse_single::<
                asn1::Tlv<'_>,
            >(parameters)?)))
        }
        (SignatureScheme::RsaPss { .. }, None) => return Err(unsupported()),
    })
}

/// One attribute with one value, given as its DER.
fn attribute(attribute_type: asn1::ObjectIdentifier, value: &[u8]) -> X509Result<Attribute<'_>> {
    let tlv = asn1::parse_single::<asn1::Tlv<'_>>(value)?;
    Ok(Attribute {
        attribute_type,
        values: ReadOrBuilt::Built(asn1::SetOfWriter::new(vec![RawValue {
            tag: tlv.tag(),
            data: tlv.data(),
        }])),
    })
}

/// The SMIMECapabilities this library announces: the AES-CBC content ciphers, strongest
/// first (RFC 8551 section 2.5.2), each a SEQUENCE holding its OID.
fn smime_capabilities() -> X509Result<Vec<u8>> {
    let ciphers = [
        AlgorithmParameters::Other(asn1::oid!(2, 16, 840, 1, 101, 3, 4, 1, 42), None),
        AlgorithmParameters::Other(asn1::oid!(2, 16, 840, 1, 101, 3, 4, 1, 22), None),
        AlgorithmParameters::Other(asn1::oid!(2, 16, 840, 1, 101, 3, 4, 1, 2), None),
    ]
    .map(AlgorithmIdentifier::new);
    Ok(asn1::write_single(&asn1::SequenceOfWriter::new(ciphers))?)
}

/// Signs `data` as PKCS#7 SignedData by every signer, with `additional_certificates`
/// included (unless `NoCerts`), written as DER, PEM or an S/MIME multipart/signed
/// message. `signing_time` is the signingTime attribute's value.
pub fn sign(
    data: &[u8],
    signers: &mut [Signer<'_>],
    additional_certificates: &[&Certificate],
    encoding: SignedEncoding,
    options: SignOptions,
    signing_time: asn1::DateTime,
) -> X509Result<Vec<u8>> {
    if signers.is_empty() {
        return Err(X509Error::InvalidPkcs7("Must have at least one signer"));
    }
    options.check(encoding)?;
    // What is signed: the data, in S/MIME's canonical form unless Binary, after a
    // text/plain header with Text.
    let content = prepared_content(data, options.text, options.binary);

    let capabilities = smime_capabilities()?;
    let content_type = asn1::write_single(&der::DATA)?;
    let time = asn1::write_single(&cryptography_asn1::certificate::Time::for_datetime(
        signing_time,
    )?)?;
    let mut digests = Vec::new();
    for signer in signers.iter() {
        let mut digest = vec![0u8; signer.hash.output_len()];
        Hasher::digest_into(signer.hash, &content, &mut digest)?;
        digests.push(asn1::write_single(&digest.as_slice())?);
    }

    let pss_parameters = signers
        .iter()
        .map(|signer| pss_parameters(signer.scheme, signer.hash))
        .collect::<X509Result<Vec<_>>>()?;
    let mut signatures = Vec::with_capacity(signers.len());
    let mut attribute_sets = Vec::with_capacity(signers.len());
    for (signer, digest) in signers.iter_mut().zip(&digests) {
        let attributes = if options.no_attributes {
            None
        } else {
            let mut attributes = vec![
                attribute(der::CONTENT_TYPE, &content_type)?,
                attribute(der::SIGNING_TIME, &time)?,
                attribute(der::MESSAGE_DIGEST, digest)?,
            ];
            if !options.no_capabilities {
                attributes.push(attribute(der::SMIME_CAPABILITIES, &capabilities)?);
            }
            Some(attributes)
        };
        // With attributes, the signature covers their DER as a SET OF (RFC 2315
        // section 9.3); without, the content itself.
        let signed_bytes = match &attributes {
            Some(attributes) => asn1::write_single(&asn1::SetOfWriter::new(attributes.clone()))?,
            None => content.clone(),
        };
        signatures.push((signer.sign)(&signed_bytes)?);
        attribute_sets.push(attributes);
    }

    let mut signer_infos = Vec::with_capacity(signers.len());
    let mut digest_algorithms: Vec<AlgorithmIdentifier<'static>> = Vec::new();
    for (index, signer) in signers.iter().enumerate() {
        let digest_algorithm = hash_identifier(signer.hash)?;
        if !digest_algorithms.contains(&digest_algorithm) {
            digest_algorithms.push(digest_algorithm.clone());
        }
        let tbs = &signer.certificate.parsed().tbs_certificate;
        let digest_encryption_algorithm =
            signature_identifier(signer.scheme, signer.hash, pss_parameters[index].as_deref())?;
        signer_infos.push(der::SignerInfo {
            version: 1,
            issuer_and_serial_number: der::IssuerAndSerialNumber {
                issuer: tbs.issuer.clone(),
                serial_number: tbs.serial,
            },
            digest_algorithm,
            authenticated_attributes: attribute_sets[index]
                .take()
                .map(|attributes| ReadOrBuilt::Built(asn1::SetOfWriter::new(attributes))),
            digest_encryption_algorithm,
            encrypted_digest: &signatures[index],
            unauthenticated_attributes: None,
        });
    }

    let embedded = (!options.detached)
        .then(|| asn1::write_single(&content.as_slice()))
        .transpose()?;
    let certificates: Vec<_> = if options.no_certs {
        Vec::new()
    } else {
        signers
            .iter()
            .map(|signer| signer.certificate)
            .chain(additional_certificates.iter().copied())
            .map(|certificate| certificate.parsed().clone())
            .collect()
    };
    let signed = der::SignedData {
        version: 1,
        digest_algorithms: ReadOrBuilt::Built(asn1::SetOfWriter::new(digest_algorithms)),
        content_info: der::ContentInfo {
            content_type: der::DATA,
            content: embedded
                .as_deref()
                .map(asn1::parse_single::<asn1::Tlv<'_>>)
                .transpose()?,
        },
        certificates: (!certificates.is_empty())
            .then(|| ReadOrBuilt::Built(asn1::SetOfWriter::new(certificates))),
        crls: None,
        signer_infos: ReadOrBuilt::Built(asn1::SetOfWriter::new(signer_infos)),
    };
    let der_bytes = content_info(der::SIGNED_DATA, &asn1::write_single(&signed)?)?;
    Ok(match encoding {
        SignedEncoding::Der => der_bytes,
        SignedEncoding::Pem => armor::encode(PEM_LABEL, &der_bytes, &[]),
        SignedEncoding::Smime => {
            let mut algorithms: Vec<&str> = Vec::new();
            for signer in signers.iter() {
                let name = micalg(signer.hash)?;
                if !algorithms.contains(&name) {
                    algorithms.push(name);
                }
            }
            // The first part shows the content as signed, in canonical form.
            let shown = if options.binary {
                prepared_content(data, options.text, false)
            } else {
                content
            };
            smime_multipart_signed(&shown, &der_bytes, &algorithms.join(","))?
        }
    })
}

/// `data` as base64 in lines of 64 characters, each ended by `eol`, as S/MIME bodies
/// are written.
fn base64_lines(out: &mut Vec<u8>, data: &[u8], eol: &[u8]) {
    let encoded = base64_simd::STANDARD.encode_to_string(data);
    for line in encoded.as_bytes().chunks(64) {
        out.extend_from_slice(line);
        out.extend_from_slice(eol);
    }
}

/// An S/MIME multipart/signed message (RFC 8551 section 3.5.3) laid out as OpenSSL
/// writes one: the content, then the signature as base64 in 64-character lines.
fn smime_multipart_signed(content: &[u8], signature: &[u8], micalg: &str) -> X509Result<Vec<u8>> {
    let mut random = [0u8; 8];
    cryptography_backend::random_bytes(&mut random)?;
    // Nineteen decimal digits, as e-mail libraries write a boundary's token.
    let token = u64::from_be_bytes(random) % 10_000_000_000_000_000_000;
    let boundary = format!("==============={token:019}==");
    let mut out = Vec::with_capacity(content.len() + signature.len() * 4 / 3 + 512);
    out.extend_from_slice(
        format!(
            "MIME-Version: 1.0\r\nContent-Type: multipart/signed; \
             protocol=\"application/x-pkcs7-signature\"; micalg=\"{micalg}\"; \
             boundary=\"{boundary}\"\r\n\r\nThis is an S/MIME signed message\r\n\r\n--{boundary}\r\n"
        )
        .as_bytes(),
    );
    out.extend_from_slice(content);
    out.extend_from_slice(
        format!(
            "\r\n--{boundary}\r\nContent-Type: application/x-pkcs7-signature; \
             name=\"smime.p7s\"\r\nContent-Transfer-Encoding: base64\r\n\
             Content-Disposition: attachment; filename=\"smime.p7s\"\r\n\r\n"
        )
        .as_bytes(),
    );
    base64_lines(&mut out, signature, b"\r\n");
    out.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    Ok(out)
}

/// The content ciphers of enveloped data: AES-CBC with a 128 or 256-bit key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ContentCipher {
    Aes128Cbc,
    Aes256Cbc,
}

impl ContentCipher {
    /// The cipher of an AES key size in bits; the envelope's only two.
    pub fn from_key_bits(bits: usize) -> X509Result<Self> {
        match bits {
            128 => Ok(ContentCipher::Aes128Cbc),
            256 => Ok(ContentCipher::Aes256Cbc),
            _ => Err(X509Error::InvalidPkcs7(
                "Only AES128 and AES256 are supported",
            )),
        }
    }

    fn key_len(self) -> usize {
        match self {
            ContentCipher::Aes128Cbc => 16,
            ContentCipher::Aes256Cbc => 32,
        }
    }
}

/// How enveloped content is prepared: `text` puts a text/plain header before it,
/// `binary` leaves it as it is (otherwise it is put in S/MIME's canonical form).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct EnvelopeOptions {
    pub text: bool,
    pub binary: bool,
}

/// The content of a message as signed or enveloped: a text/plain header first with
/// `text`, the data in canonical form unless `binary`.
fn prepared_content(data: &[u8], text: bool, binary: bool) -> Vec<u8> {
    let mut content = if text {
        b"Content-Type: text/plain\r\n\r\n".to_vec()
    } else {
        Vec::new()
    };
    if binary {
        content.extend_from_slice(data);
    } else {
        content.extend_from_slice(&smime_canonical(data));
    }
    content
}

/// The RSA public key a certificate certifies, for enveloping to it.
fn recipient_key(certificate: &Certificate) -> X509Result<cryptography_backend::rsa::RsaPublicKey> {
    let spki = asn1::write_single(&certificate.parsed().tbs_certificate.spki)?;
    match cryptography_keys::load_der_public_key(&spki)? {
        cryptography_keys::PublicKey::Rsa(key) => Ok(key),
        _ => Err(X509Error::InvalidPkcs7(
            "Only RSA keys are supported at this time.",
        )),
    }
}

/// Encrypts `data` for every recipient (RSA keys, the content key encrypted with
/// PKCS#1 v1.5 as RFC 8551 requires readers to support) as PKCS#7 EnvelopedData,
/// written as DER, PEM or an S/MIME application/pkcs7-mime message.
pub fn envelope(
    data: &[u8],
    recipients: &[&Certificate],
    cipher: ContentCipher,
    encoding: SignedEncoding,
    options: EnvelopeOptions,
) -> X509Result<Vec<u8>> {
    if recipients.is_empty() {
        return Err(X509Error::InvalidPkcs7("Must have at least one recipient"));
    }
    if options.text && options.binary {
        return Err(X509Error::InvalidPkcs7(
            "Cannot use Binary and Text options at the same time",
        ));
    }
    let content = prepared_content(data, options.text, options.binary);
    let mut key = zeroize::Zeroizing::new(vec![0u8; cipher.key_len()]);
    let mut iv = [0u8; 16];
    cryptography_backend::random_bytes(&mut key)?;
    cryptography_backend::random_bytes(&mut iv)?;
    let encrypted = cryptography_backend::cipher::encrypt_padded(
        cryptography_backend::cipher::CipherAlgorithm::Aes,
        cryptography_backend::cipher::Mode::Cbc,
        &key,
        Some(&iv),
        &content,
    )?;
    let encrypted_keys = recipients
        .iter()
        .map(|certificate| {
            Ok(recipient_key(certificate)?
                .encrypt(&key, cryptography_backend::rsa::EncryptionPadding::Pkcs1v15)?)
        })
        .collect::<X509Result<Vec<_>>>()?;
    let recipient_infos = recipients
        .iter()
        .zip(&encrypted_keys)
        .map(|(certificate, encrypted_key)| {
            let tbs = &certificate.parsed().tbs_certificate;
            der::RecipientInfo {
                version: 0,
                issuer_and_serial_number: der::IssuerAndSerialNumber {
                    issuer: tbs.issuer.clone(),
                    serial_number: tbs.serial,
                },
                key_encryption_algorithm: AlgorithmIdentifier::new(AlgorithmParameters::Rsa(Some(
                    (),
                ))),
                encrypted_key,
            }
        })
        .collect();
    let content_encryption_algorithm = AlgorithmIdentifier::new(match cipher {
        ContentCipher::Aes128Cbc => AlgorithmParameters::Aes128Cbc(&iv),
        ContentCipher::Aes256Cbc => AlgorithmParameters::Aes256Cbc(&iv),
    });
    let enveloped = der::EnvelopedData {
        version: 0,
        recipient_infos: ReadOrBuilt::Built(asn1::SetOfWriter::new(recipient_infos)),
        encrypted_content_info: der::EncryptedContentInfo {
            content_type: der::DATA,
            content_encryption_algorithm,
            encrypted_content: Some(&encrypted),
        },
    };
    let der_bytes = content_info(der::ENVELOPED_DATA, &asn1::write_single(&enveloped)?)?;
    Ok(match encoding {
        SignedEncoding::Der => der_bytes,
        SignedEncoding::Pem => armor::encode(PEM_LABEL, &der_bytes, &[]),
        SignedEncoding::Smime => {
            let mut out = b"MIME-Version: 1.0\nContent-Disposition: attachment; \
                filename=\"smime.p7m\"\nContent-Type: application/pkcs7-mime; \
                smime-type=\"enveloped-data\"; name=\"smime.p7m\"\n\
                Content-Transfer-Encoding: base64\n\n"
                .to_vec();
            base64_lines(&mut out, &der_bytes, b"\n");
            out
        }
    })
}

/// A MIME entity's header fields (names lower-cased, folded lines joined) and its body.
fn mime_parts(data: &[u8]) -> (Vec<(String, String)>, &[u8]) {
    let mut fields: Vec<(String, String)> = Vec::new();
    let mut rest = data;
    loop {
        let end = rest.iter().position(|&b| b == b'\n').unwrap_or(rest.len());
        let mut line = &rest[..end];
        if line.last() == Some(&b'\r') {
            line = &line[..line.len() - 1];
        }
        let next = &rest[(end + 1).min(rest.len())..];
        if line.is_empty() {
            return (fields, next);
        }
        let text = String::from_utf8_lossy(line);
        if text.starts_with([' ', '\t']) {
            match fields.last_mut() {
                Some((_, value)) => value.push_str(text.trim_end()),
                None => return (fields, rest),
            }
        } else {
            match text.split_once(':') {
                Some((name, value)) if !name.is_empty() && !name.contains(' ') => {
                    fields.push((name.to_ascii_lowercase(), value.trim().to_string()));
                }
                // Not a header: the entity has none, and all of it is the body.
                _ => return (Vec::new(), data),
            }
        }
        if next.is_empty() && end >= rest.len() {
            return (fields, next);
        }
        rest = next;
    }
}

fn mime_field<'a>(fields: &'a [(String, String)], name: &str) -> Option<&'a str> {
    fields
        .iter()
        .find(|(field, _)| field == name)
        .map(|(_, value)| value.as_str())
}

/// The DER inside an S/MIME application/pkcs7-mime message (its base64 body).
pub fn smime_enveloped_der(message: &[u8]) -> X509Result<Vec<u8>> {
    let not_enveloped = || X509Error::InvalidPkcs7("Not an S/MIME enveloped message");
    let (fields, body) = mime_parts(message);
    let content_type = mime_field(&fields, "content-type")
        .map(|value| {
            value
                .split(';')
                .next()
                .unwrap_or("")
                .trim()
                .to_ascii_lowercase()
        })
        .ok_or_else(not_enveloped)?;
    if content_type != "application/pkcs7-mime" && content_type != "application/x-pkcs7-mime" {
        return Err(not_enveloped());
    }
    let text: Vec<u8> = body
        .iter()
        .copied()
        .filter(|b| !b.is_ascii_whitespace())
        .collect();
    base64_simd::STANDARD
        .decode_to_vec(&text)
        .map_err(|_| not_enveloped())
}

/// Decrypted content without its MIME header, which must be text/plain (the Text
/// option of decryption).
fn text_body(content: &[u8]) -> X509Result<Vec<u8>> {
    let (fields, body) = mime_parts(content);
    match mime_field(&fields, "content-type") {
        None => Err(X509Error::InvalidPkcs7(
            "Decrypted MIME data has no 'Content-Type' header. Please remove the 'Text' option to parse it manually.",
        )),
        Some(content_type) if !content_type.contains("text/plain") => {
            Err(X509Error::Pkcs7Content(format!(
                "Decrypted MIME data content type is '{content_type}', not 'text/plain'. Remove the 'Text' option to parse it manually."
            )))
        }
        Some(_) => Ok(body.to_vec()),
    }
}

/// The call that recovers a content key with the recipient's private key: the key, or
/// None when the private key refuses the encrypted key.
pub type KeyDecryption<'a> =
    dyn FnMut(&[u8]) -> X509Result<Option<zeroize::Zeroizing<Vec<u8>>>> + 'a;

/// Decrypts PKCS#7 EnvelopedData (DER) addressed to `certificate`. `decrypt_key`
/// recovers the content key with the certificate's private key (RSA PKCS#1 v1.5),
/// answering None when the key refuses the input: then, as when the key recovered is
/// not a content key's length, decryption goes on with a random key and fails on the
/// padding like any wrong key, so that a tampered encrypted key reveals nothing (RFC
/// 3218 section 2.3). `text` removes the text/plain header of the content.
pub fn decrypt(
    data: &[u8],
    certificate: &Certificate,
    decrypt_key: &mut KeyDecryption<'_>,
    text: bool,
) -> X509Result<Vec<u8>> {
    let content = content_of(
        data,
        &der::ENVELOPED_DATA,
        "The PKCS7 data is not an EnvelopedData structure.",
    )?;
    let enveloped = asn1::parse_single::<der::EnvelopedData<'_>>(content.full_data())?;
    let recipient = enveloped
        .recipient_infos
        .read()
        .into_iter()
        .flat_map(Clone::clone)
        .find(|info| is_named(certificate, &info.issuer_and_serial_number))
        .ok_or(X509Error::InvalidPkcs7(
            "No recipient found that matches the given certificate.",
        ))?;
    if !matches!(
        recipient.key_encryption_algorithm.params,
        AlgorithmParameters::Rsa(_)
    ) {
        return Err(X509Error::UnsupportedPkcs7Algorithm(
            "Only RSA with PKCS #1 v1.5 padding is currently supported for key decryption.",
        ));
    }
    let info = &enveloped.encrypted_content_info;
    let (cipher, iv) = match info.content_encryption_algorithm.params {
        AlgorithmParameters::Aes128Cbc(iv) => (ContentCipher::Aes128Cbc, iv),
        AlgorithmParameters::Aes256Cbc(iv) => (ContentCipher::Aes256Cbc, iv),
        _ => {
            return Err(X509Error::UnsupportedPkcs7Algorithm(
                "Only AES (with key sizes 128 or 256) with CBC mode is currently supported for content decryption.",
            ))
        }
    };
    let encrypted = info.encrypted_content.ok_or(X509Error::InvalidPkcs7(
        "The EnvelopedData structure does not contain encrypted content.",
    ))?;
    let key = match decrypt_key(recipient.encrypted_key)? {
        Some(key) if key.len() == cipher.key_len() => key,
        _ => {
            let mut random = zeroize::Zeroizing::new(vec![0u8; cipher.key_len()]);
            cryptography_backend::random_bytes(&mut random)?;
            random
        }
    };
    let plain = cryptography_backend::cipher::decrypt_padded(
        cryptography_backend::cipher::CipherAlgorithm::Aes,
        cryptography_backend::cipher::Mode::Cbc,
        &key,
        Some(iv),
        encrypted,
    )
    .map_err(|_| X509Error::InvalidPkcs7("Invalid padding bytes."))?;
    if text {
        text_body(&plain)
    } else {
        Ok(plain.to_vec())
    }
}

/// The SHA-1 or SHA-2 hash a SignerInfo names.
fn hash_of(identifier: &AlgorithmIdentifier<'_>) -> X509Result<HashAlgorithm> {
    crate::signature::sha_for_oid(identifier.oid()).ok_or(X509Error::UnsupportedPkcs7Algorithm(
        "Unsupported digest algorithm in the PKCS7 signature.",
    ))
}

/// Checks one SignerInfo's signature over `signed` with the certificate's key, as its
/// digestEncryptionAlgorithm says: RSA PKCS#1 v1.5 (named rsaEncryption or by its
/// signature OID), RSASSA-PSS, ECDSA, Ed25519.
fn check_signature(
    certificate: &Certificate,
    algorithm: &AlgorithmIdentifier<'_>,
    hash: HashAlgorithm,
    signed: &[u8],
    signature: &[u8],
) -> X509Result<()> {
    use cryptography_backend::rsa::{SaltLength, SignaturePadding};
    use cryptography_backend::signing::SignedData;
    use cryptography_keys::PublicKey;
    let unsupported = || {
        X509Error::UnsupportedPkcs7Algorithm(
            "Unsupported signature algorithm in the PKCS7 signature.",
        )
    };
    let spki = asn1::write_single(&certificate.parsed().tbs_certificate.spki)?;
    let key = cryptography_keys::load_der_public_key(&spki)?;
    let message = SignedData::Message { data: signed, hash };
    use AlgorithmParameters as P;
    let result = match (&algorithm.params, &key) {
        (
            P::Rsa(_)
            | P::RsaWithSha1(_)
            | P::RsaWithSha224(_)
            | P::RsaWithSha256(_)
            | P::RsaWithSha384(_)
            | P::RsaWithSha512(_),
            PublicKey::Rsa(key),
        ) => key.verify(signature, message, SignaturePadding::Pkcs1v15),
        (P::RsaPss(Some(parameters)), PublicKey::Rsa(key)) => {
            let parameters = parameters
                .parse::<RsaPssParameters<'_>>()
                .map_err(|_| unsupported())?;
            let mgf1 = match &parameters.mask_gen_algorithm {
                Some(mgf) => match &mgf.params {
                    P::Other(_, Some(inner)) => {
                        hash_of(&inner.parse().map_err(|_| unsupported())?)?
                    }
                    _ => return Err(unsupported()),
                },
                None => HashAlgorithm::Sha1,
            };
            let salt = u32::from(parameters.salt_length.unwrap_or(20));
            key.verify(
                signature,
                message,
                SignaturePadding::Pss {
                    mgf1,
                    salt: SaltLength::Exact(salt),
                },
            )
        }
        (
            P::Ec(_)
            | P::EcdsaWithSha224
            | P::EcdsaWithSha256
            | P::EcdsaWithSha384
            | P::EcdsaWithSha512
            | P::EcdsaWithSha1,
            PublicKey::Ec(key),
        ) => key.verify(signature, message),
        (P::Ed25519, PublicKey::Raw(key)) => key.verify(signature, signed),
        _ => return Err(unsupported()),
    };
    result.map_err(|err| match err {
        cryptography_backend::Error::Asymmetric(
            cryptography_backend::error::AsymmetricError::BadSignature,
        ) => X509Error::Pkcs7BadSignature,
        other => X509Error::Backend(other),
    })
}

/// Checks the signatures of a PKCS#7 SignedData (DER): every SignerInfo's signature,
/// over its signed attributes (whose messageDigest must be the content's digest and
/// whose contentType the content's type) or, without attributes, over the content
/// itself. The content is the one embedded, or `detached_content` for a detached
/// signature (given for an attached one, it must be the same). Each signer's certificate is looked up by issuer and serial among the
/// structure's certificates and `certificates`. Returns the signers' certificates, in
/// the order of the SignerInfos; whether they are trusted is for path validation.
pub fn verify(
    data: &[u8],
    detached_content: Option<&[u8]>,
    certificates: &[&Certificate],
) -> X509Result<Vec<Certificate>> {
    let content = content_of(
        data,
        &der::SIGNED_DATA,
        "The PKCS7 data is not a SignedData structure.",
    )?;
    let signed = asn1::parse_single::<der::SignedData<'_>>(content.full_data())?;
    let embedded = signed
        .content_info
        .content
        .map(|tlv| tlv.parse::<&[u8]>())
        .transpose()?;
    let content = match (embedded, detached_content) {
        (Some(embedded), None) => embedded,
        (None, Some(detached)) => detached,
        // An S/MIME message may carry the content both ways (the reference writes it so).
        (Some(embedded), Some(detached)) if embedded == detached => embedded,
        (Some(_), Some(_)) => {
            return Err(X509Error::InvalidPkcs7(
                "The content given differs from the content the signature holds.",
            ))
        }
        (None, None) => {
            return Err(X509Error::InvalidPkcs7(
                "The signature is detached: its content must be given.",
            ))
        }
    };
    let embedded_certificates: Vec<Certificate> =
        match signed.certificates.as_ref().and_then(ReadOrBuilt::read) {
            Some(list) => list
                .clone()
                .map(|certificate| Certificate::from_der(asn1::write_single(&certificate)?))
                .collect::<X509Result<_>>()?,
            None => Vec::new(),
        };
    let signer_infos: Vec<_> = signed
        .signer_infos
        .read()
        .into_iter()
        .flat_map(Clone::clone)
        .collect();
    if signer_infos.is_empty() {
        return Err(X509Error::InvalidPkcs7(
            "The PKCS7 SignedData has no signers.",
        ));
    }
    let content_type = asn1::write_single(&signed.content_info.content_type)?;
    let mut signers = Vec::with_capacity(signer_infos.len());
    for info in &signer_infos {
        let certificate = embedded_certificates
            .iter()
            .chain(certificates.iter().copied())
            .find(|certificate| is_named(certificate, &info.issuer_and_serial_number))
            .ok_or(X509Error::InvalidPkcs7(
                "No certificate was found for a signer of the PKCS7 data.",
            ))?;
        let hash = hash_of(&info.digest_algorithm)?;
        let signed_bytes = match &info.authenticated_attributes {
            Some(attributes) => {
                let mut digest = vec![0u8; hash.output_len()];
                Hasher::digest_into(hash, content, &mut digest)?;
                let list: Vec<Attribute<'_>> = attributes
                    .read()
                    .into_iter()
                    .flat_map(Clone::clone)
                    .collect();
                let single = |oid: &asn1::ObjectIdentifier| -> Option<RawValue<'_>> {
                    let attribute = list
                        .iter()
                        .find(|attribute| attribute.attribute_type == *oid)?;
                    let mut values = attribute.values.read()?.clone();
                    let value = values.next()?;
                    values.next().is_none().then_some(value)
                };
                let message_digest = single(&der::MESSAGE_DIGEST)
                    .filter(|value| value.tag == <&[u8] as asn1::SimpleAsn1Readable<'_>>::TAG)
                    .ok_or(X509Error::InvalidPkcs7(
                        "A signer's attributes have no single message digest.",
                    ))?;
                let declared_type = single(&der::CONTENT_TYPE).ok_or(X509Error::InvalidPkcs7(
                    "A signer's attributes have no single content type.",
                ))?;
                let declared_type_der = asn1::write_single(&declared_type)?;
                if declared_type_der != content_type {
                    return Err(X509Error::Pkcs7BadSignature);
                }
                if !cryptography_backend::constant_time_eq(message_digest.data, &digest) {
                    return Err(X509Error::Pkcs7BadSignature);
                }
                // Signed as a SET OF, as read (DER has one encoding).
                asn1::write_single(attributes)?
            }
            None => content.to_vec(),
        };
        check_signature(
            certificate,
            &info.digest_encryption_algorithm,
            hash,
            &signed_bytes,
            info.encrypted_digest,
        )?;
        signers.push(Certificate::from_der(certificate.der().to_vec())?);
    }
    Ok(signers)
}

/// A parameter of a MIME header field's value (`boundary` of a Content-Type), its
/// quotes removed.
fn mime_parameter(value: &str, name: &str) -> Option<String> {
    value.split(';').skip(1).find_map(|parameter| {
        let (key, value) = parameter.split_once('=')?;
        key.trim()
            .eq_ignore_ascii_case(name)
            .then(|| value.trim().trim_matches('"').to_string())
    })
}

/// What an S/MIME signed message holds: the SignedData's DER and, for a
/// multipart/signed message, the signed entity (its first part, in canonical form).
pub struct SmimeSigned {
    pub signature: Vec<u8>,
    pub content: Option<Vec<u8>>,
}

/// Splits an S/MIME signed message (RFC 8551 section 3.5): multipart/signed (the
/// content, then an application/pkcs7-signature part) or application/pkcs7-mime with
/// the SignedData holding its content.
pub fn smime_signed_parts(message: &[u8]) -> X509Result<SmimeSigned> {
    let not_signed = || X509Error::InvalidPkcs7("Not an S/MIME signed message");
    let (fields, body) = mime_parts(message);
    let content_type = mime_field(&fields, "content-type").ok_or_else(not_signed)?;
    let media_type = content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    let base64_body = |body: &[u8]| -> X509Result<Vec<u8>> {
        let text: Vec<u8> = body
            .iter()
            .copied()
            .filter(|b| !b.is_ascii_whitespace())
            .collect();
        base64_simd::STANDARD
            .decode_to_vec(&text)
            .map_err(|_| not_signed())
    };
    match media_type.as_str() {
        "application/pkcs7-mime" | "application/x-pkcs7-mime" => Ok(SmimeSigned {
            signature: base64_body(body)?,
            content: None,
        }),
        "multipart/signed" => {
            let boundary = mime_parameter(content_type, "boundary").ok_or_else(not_signed)?;
            let delimiter = format!("--{boundary}");
            let starts: Vec<usize> = body
                .windows(delimiter.len())
                .enumerate()
                .filter(|(at, window)| {
                    *window == delimiter.as_bytes() && (*at == 0 || body[at - 1] == b'\n')
                })
                .map(|(at, _)| at)
                .collect();
            let [first, second, ..] = starts[..] else {
                return Err(not_signed());
            };
            // Each part starts after its delimiter line and ends before the line break
            // that precedes the next delimiter.
            let part = |start: usize, end: usize| -> &[u8] {
                let from = body[start..end]
                    .iter()
                    .position(|&b| b == b'\n')
                    .map_or(end, |at| start + at + 1);
                let mut to = end;
                if to > from && body[to - 1] == b'\n' {
                    to -= 1;
                    if to > from && body[to - 1] == b'\r' {
                        to -= 1;
                    }
                }
                &body[from..to]
            };
            let content = smime_canonical(part(first, second));
            let next = starts.get(2).copied().unwrap_or(body.len());
            let (_, signature_body) = mime_parts(part(second, next));
            Ok(SmimeSigned {
                signature: base64_body(signature_body)?,
                content: Some(content),
            })
        }
        _ => Err(not_signed()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// vectors/x509/ed25519-ca.der (see the README there).
    const ED25519_CA: &[u8] = include_bytes!("../../../../vectors/x509/ed25519-ca.der");

    #[test]
    fn certificates_round_trip_through_a_certs_only_signed_data() {
        let certificate = Certificate::from_der(ED25519_CA.to_vec()).unwrap();
        let der_bytes = serialize_certificates(&[&certificate, &certificate]).unwrap();
        // ContentInfo { signedData, [0] { SEQUENCE { INTEGER 1, SET {}, ... } } }.
        assert!(der_bytes.starts_with(b"\x30\x82"));
        assert_eq!(
            &der_bytes[4..15],
            b"\x06\x09\x2a\x86\x48\x86\xf7\x0d\x01\x07\x02"
        );
        let loaded = load_der_certificates(&der_bytes).unwrap();
        assert!(loaded.not_der.is_none());
        assert_eq!(loaded.certificates.len(), 2);
        assert_eq!(loaded.certificates[1].der(), ED25519_CA);
    }

    #[test]
    fn other_types_and_missing_certificates_are_refused() {
        // A ContentInfo of type data.
        let data = b"\x30\x11\x06\x09\x2a\x86\x48\x86\xf7\x0d\x01\x07\x01\xa0\x04\x04\x02hi";
        assert!(matches!(
            load_der_certificates(data),
            Err(X509Error::UnsupportedPkcs7(21))
        ));
        // signedData without content.
        let bare = b"\x30\x0b\x06\x09\x2a\x86\x48\x86\xf7\x0d\x01\x07\x02";
        assert!(matches!(
            load_der_certificates(bare),
            Err(X509Error::InvalidPkcs7(_))
        ));
        assert!(matches!(
            load_der_certificates(b"nonsense"),
            Err(X509Error::InvalidPkcs7("Unable to parse PKCS7 data"))
        ));
    }
}
