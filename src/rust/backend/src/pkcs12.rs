//! Reading PKCS#12 files (RFC 7292) with OpenSSL's parser.
//!
//! Files in the wild are BER as often as DER (Windows and Java write indefinite
//! lengths), carry bags encrypted with the legacy schemes (RC2-40, RC4, 3DES) and MACs
//! over any hash; OpenSSL reads all of them, with the legacy provider this crate loads.
//! The parse hands back DER only: the key as PKCS#8 and the certificates as they are,
//! for the keys and X.509 crates to read strictly, as everything else they load.

use openssl::pkcs12::Pkcs12;
use zeroize::Zeroizing;

use crate::error::discard_openssl_errors;

/// A certificate of the file, with the friendly name of its bag (UTF-8, as OpenSSL
/// converts the BMPString).
pub struct Pkcs12Certificate {
    pub der: Vec<u8>,
    pub friendly_name: Option<Vec<u8>>,
}

/// What a PKCS#12 file holds: its first private key, the certificate that goes with
/// that key, and the other certificates in the file's order.
pub struct Pkcs12Contents {
    pub key_pkcs8: Option<Zeroizing<Vec<u8>>>,
    pub certificate: Option<Pkcs12Certificate>,
    pub others: Vec<Pkcs12Certificate>,
}

/// Why a file could not be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pkcs12Error {
    /// Not a PKCS#12 structure at all.
    NotPkcs12,
    /// The MAC or a decryption failed (a wrong password), or the contents are malformed.
    PasswordOrContents,
}

fn certificate_of(x509: &openssl::x509::X509Ref) -> Result<Pkcs12Certificate, Pkcs12Error> {
    Ok(Pkcs12Certificate {
        der: x509.to_der().map_err(|_| Pkcs12Error::PasswordOrContents)?,
        friendly_name: x509.alias().map(<[u8]>::to_vec),
    })
}

/// Reads a PKCS#12 file. `password` is the file's password (UTF-8); `None` and the
/// empty password both try the absent and the empty password, as OpenSSL does.
pub fn parse(data: &[u8], password: Option<&[u8]>) -> Result<Pkcs12Contents, Pkcs12Error> {
    crate::algorithms::load_providers();
    let result = parse_with_openssl(data, password.unwrap_or_default());
    // A failure leaves OpenSSL's reasons queued; they are not the next caller's.
    discard_openssl_errors();
    result
}

fn parse_with_openssl(data: &[u8], password: &[u8]) -> Result<Pkcs12Contents, Pkcs12Error> {
    let pkcs12 = Pkcs12::from_der(data).map_err(|_| Pkcs12Error::NotPkcs12)?;
    // A PKCS#12 password is text (a BMPString); one OpenSSL cannot be handed (not UTF-8,
    // or with a NUL) opens nothing.
    let password = std::str::from_utf8(password)
        .ok()
        .filter(|text| !text.contains('\0'))
        .ok_or(Pkcs12Error::PasswordOrContents)?;
    let parsed = pkcs12
        .parse2(password)
        .map_err(|_| Pkcs12Error::PasswordOrContents)?;
    let key_pkcs8 = parsed
        .pkey
        .map(|key| key.private_key_to_pkcs8().map(Zeroizing::new))
        .transpose()
        .map_err(|_| Pkcs12Error::PasswordOrContents)?;
    let certificate = parsed.cert.as_deref().map(certificate_of).transpose()?;
    let others = parsed
        .ca
        .iter()
        .flatten()
        .map(certificate_of)
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Pkcs12Contents {
        key_pkcs8,
        certificate,
        others,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_what_is_not_pkcs12() {
        assert!(matches!(
            parse(b"invalid", None),
            Err(Pkcs12Error::NotPkcs12)
        ));
        assert!(matches!(
            parse(b"\x30\x00", Some(b"pw")),
            Err(Pkcs12Error::NotPkcs12)
        ));
    }
}
