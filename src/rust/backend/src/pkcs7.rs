//! Reading the certificates of a PKCS#7 SignedData that is not DER, with OpenSSL's BER
//! parser. The X.509 crate reads DER itself and comes here only when that fails: BER
//! files (indefinite lengths, unsorted sets) are common among `.p7b` files.

use openssl::pkcs7::Pkcs7;

use crate::error::discard_openssl_errors;

/// Why no certificates came out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pkcs7BerError {
    /// Not PKCS#7 at all, even as BER.
    NotPkcs7,
    /// PKCS#7 of another type than signedData: OpenSSL's NID for it.
    NotSignedData(i32),
    /// A signedData without certificates.
    NoCertificates,
}

/// The DER of each certificate of a BER PKCS#7 SignedData, in the file's order.
pub fn certificates_from_ber(data: &[u8]) -> Result<Vec<Vec<u8>>, Pkcs7BerError> {
    crate::algorithms::load_providers();
    let result = read(data);
    discard_openssl_errors();
    result
}

fn read(data: &[u8]) -> Result<Vec<Vec<u8>>, Pkcs7BerError> {
    let pkcs7 = Pkcs7::from_der(data).map_err(|_| Pkcs7BerError::NotPkcs7)?;
    let nid = pkcs7
        .type_()
        .map_or(openssl::nid::Nid::UNDEF, |object| object.nid());
    if nid != openssl::nid::Nid::PKCS7_SIGNED {
        return Err(Pkcs7BerError::NotSignedData(nid.as_raw()));
    }
    let certificates = pkcs7
        .signed()
        .and_then(|signed| signed.certificates())
        .ok_or(Pkcs7BerError::NoCertificates)?;
    certificates
        .iter()
        .map(|certificate| certificate.to_der().map_err(|_| Pkcs7BerError::NotPkcs7))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_what_is_not_pkcs7() {
        assert_eq!(
            certificates_from_ber(b"nonsense"),
            Err(Pkcs7BerError::NotPkcs7)
        );
        // A ContentInfo of type data (NID 21) with an empty OCTET STRING.
        let data = b"\x30\x11\x06\x09\x2a\x86\x48\x86\xf7\x0d\x01\x07\x01\xa0\x04\x04\x02hi";
        assert_eq!(
            certificates_from_ber(data),
            Err(Pkcs7BerError::NotSignedData(21))
        );
    }
}
