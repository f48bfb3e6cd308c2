//! What can go wrong in loading X.509 objects, for the binding to map to the reference's
//! exceptions.

use std::fmt;

#[derive(Debug)]
pub enum X509Error {
    /// The DER is not the structure it should be (strict DER).
    Parse(asn1::ParseError),
    /// The PEM armor is malformed (the `pem` crate's description).
    Pem(String),
    /// A PEM document without a block of the expected kind: its label and what it
    /// holds, as the message names them.
    NoPemBlock {
        label: &'static str,
        what: &'static str,
    },
    /// A version number X.509 does not define (the raw value), for a certificate.
    InvalidVersion(u8),
    /// A PKCS#10 version other than v1 (0).
    InvalidCsrVersion(u8),
    /// A CRL version other than v1 (absent) or v2 (1).
    InvalidCrlVersion(u8),
    /// The signature AlgorithmIdentifier inside the signed structure differs from the
    /// one outside it; names what was loaded.
    AlgorithmMismatch(&'static str),
    /// An extension an operation needs is absent (the message).
    MissingExtension(&'static str),
    /// A signed certificate timestamp list that is not one (its message).
    Sct(String),
    /// A Name attribute's value with a long-form tag.
    LongFormTag,
    /// An extension whose OID an earlier extension of the same list has.
    DuplicateExtension(asn1::ObjectIdentifier),
    /// Writing DER failed (only an allocation failure can cause it).
    Encode(asn1::WriteError),
    /// Something the backend reported (a hash that is not available, ...).
    Backend(cryptography_backend::Error),
    /// An OCSP request or response that is well-formed DER but not what RFC 6960
    /// allows (the message says what).
    InvalidOcsp(String),
    /// An OCSP form this package (like the reference) does not read: a request for
    /// several certificates.
    UnsupportedOcsp(&'static str),
    /// PKCS#12 contents that cannot be written as asked (the message says why).
    InvalidPkcs12(&'static str),
    /// PKCS#7 data of a type other than signedData: OpenSSL's NID for the type.
    UnsupportedPkcs7(i32),
    /// PKCS#7 that cannot be used as asked (the message says why).
    InvalidPkcs7(&'static str),
    /// PKCS#7 content that is not what was asked for (the message says why).
    Pkcs7Content(String),
    /// PKCS#7 using an algorithm this package (like the reference) does not decrypt.
    UnsupportedPkcs7Algorithm(&'static str),
    /// A PKCS#7 signature (or its message digest) that does not match the content.
    Pkcs7BadSignature,
    /// A caller's signing call failed; its own error, for the caller to take back.
    Signer(Box<dyn std::error::Error + Send + Sync>),
}

pub type X509Result<T> = Result<T, X509Error>;

impl X509Error {
    /// A parse error located inside `field` (a name for the reader: "subject",
    /// "subject_alternative_name"); other errors as they are.
    pub fn in_field(self, field: &'static str) -> Self {
        match self {
            X509Error::Parse(err) => {
                X509Error::Parse(err.add_location(asn1::ParseLocation::Field(field)))
            }
            other => other,
        }
    }
}

impl From<asn1::ParseError> for X509Error {
    fn from(err: asn1::ParseError) -> Self {
        X509Error::Parse(err)
    }
}

impl From<asn1::WriteError> for X509Error {
    fn from(err: asn1::WriteError) -> Self {
        X509Error::Encode(err)
    }
}

impl From<cryptography_backend::Error> for X509Error {
    fn from(err: cryptography_backend::Error) -> Self {
        X509Error::Backend(err)
    }
}

impl From<cryptography_keys::KeyError> for X509Error {
    fn from(err: cryptography_keys::KeyError) -> Self {
        match err {
            cryptography_keys::KeyError::Pem(description) => X509Error::Pem(description),
            other => X509Error::Pem(format!("{other:?}")),
        }
    }
}

impl fmt::Display for X509Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            // The reference's wording: the parser's Debug form.
            X509Error::Parse(err) => write!(f, "error parsing asn1 value: {err:?}"),
            X509Error::Pem(description) => write!(
                f,
                "Unable to load PEM file. See https://cryptography.io/en/latest/faq/#why-can-t-i-import-my-pem-file for more details. {description}"
            ),
            X509Error::NoPemBlock { label, what } => write!(
                f,
                "Valid PEM but no BEGIN {label}/END {end} delimiters. Are you sure this is a {what}?",
                // The reference's message for CRLs ends the END label at "X509".
                end = if *label == "X509 CRL" { "X509" } else { label }
            ),
            X509Error::InvalidVersion(version) => {
                write!(f, "{version} is not a valid X509 version")
            }
            X509Error::InvalidCsrVersion(version) => {
                write!(f, "{version} is not a valid CSR version")
            }
            X509Error::InvalidCrlVersion(version) => {
                write!(f, "{version} is not a valid CRL version")
            }
            X509Error::AlgorithmMismatch(what) => write!(
                f,
                "Inner and outer signature algorithms do not match. This is an invalid {what}."
            ),
            X509Error::Sct(message) => write!(f, "{message}"),
            X509Error::InvalidOcsp(message) => write!(f, "{message}"),
            X509Error::UnsupportedOcsp(message) => write!(f, "{message}"),
            X509Error::InvalidPkcs12(message) => write!(f, "{message}"),
            X509Error::UnsupportedPkcs7(nid) => write!(
                f,
                "Only basic signed structures are currently supported. NID for this data was {nid}"
            ),
            X509Error::InvalidPkcs7(message) => write!(f, "{message}"),
            X509Error::Signer(err) => write!(f, "{err}"),
            X509Error::Pkcs7Content(message) => write!(f, "{message}"),
            X509Error::Pkcs7BadSignature => f.write_str("invalid PKCS7 signature"),
            X509Error::UnsupportedPkcs7Algorithm(message) => write!(f, "{message}"),
            X509Error::MissingExtension(message) => write!(f, "{message}"),
            X509Error::LongFormTag => {
                write!(
                    f,
                    "Long-form tags are not supported in NameAttribute values"
                )
            }
            X509Error::DuplicateExtension(oid) => write!(f, "Duplicate {oid} extension found"),
            X509Error::Encode(err) => write!(f, "error writing asn1 value: {err:?}"),
            X509Error::Backend(err) => write!(f, "{err:?}"),
        }
    }
}
