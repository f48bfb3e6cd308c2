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

/// How a signature to check is encoded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SignatureForm {
    Der,
    Pem,
    Smime,
}

/// OpenSSL's verdict on a PKCS#7 signature (`PKCS7_verify` without chain building): the
/// check the test suites run on what this package signs, from an implementation
/// independent of it. `content` is the detached content, when there is one; `text`
/// strips the text/plain header first, as S/MIME's Text option asks.
pub fn openssl_verify(
    signature: &[u8],
    form: SignatureForm,
    content: Option<&[u8]>,
    certificates: &[&[u8]],
    text: bool,
) -> Result<(), String> {
    use openssl::pkcs7::Pkcs7Flags;
    use openssl::stack::Stack;
    use openssl::x509::store::X509StoreBuilder;
    use openssl::x509::X509;

    crate::algorithms::load_providers();
    let run = || -> Result<(), openssl::error::ErrorStack> {
        let (pkcs7, smime_content) = match form {
            SignatureForm::Der => (Pkcs7::from_der(signature)?, None),
            SignatureForm::Pem => (Pkcs7::from_pem(signature)?, None),
            SignatureForm::Smime => Pkcs7::from_smime(signature)?,
        };
        let mut stack = Stack::new()?;
        for der in certificates {
            stack.push(X509::from_der(der)?)?;
        }
        let store = X509StoreBuilder::new()?.build();
        let mut flags = Pkcs7Flags::NOVERIFY;
        if text {
            flags |= Pkcs7Flags::TEXT;
        }
        let content = content.or(smime_content.as_deref());
        pkcs7.verify(&stack, &store, content, None, flags)
    };
    let result = run().map_err(|err| err.to_string());
    discard_openssl_errors();
    result
}

/// OpenSSL's decryption of PKCS#7 EnvelopedData (DER) with a PKCS#8 private key (DER)
/// and its certificate, content as it is (`PKCS7_BINARY`): for the test suites, the
/// independent reader of what this package encrypts.
pub fn openssl_decrypt(
    enveloped: &[u8],
    certificate: &[u8],
    private_key_pkcs8: &[u8],
) -> Result<Vec<u8>, String> {
    use openssl::pkcs7::Pkcs7Flags;
    crate::algorithms::load_providers();
    let run = || -> Result<Vec<u8>, openssl::error::ErrorStack> {
        let pkcs7 = Pkcs7::from_der(enveloped)?;
        let certificate = openssl::x509::X509::from_der(certificate)?;
        let key = openssl::pkey::PKey::private_key_from_pkcs8(private_key_pkcs8)?;
        pkcs7.decrypt(&key, &certificate, Pkcs7Flags::BINARY)
    };
    let result = run().map_err(|err| err.to_string());
    discard_openssl_errors();
    result
}

/// OpenSSL's encryption of `content` (as it is) to one certificate with AES-CBC of
/// `key_bits` (128 or 256): for the test suites, the independent writer of what this
/// package decrypts.
pub fn openssl_encrypt(
    content: &[u8],
    certificate: &[u8],
    key_bits: u32,
) -> Result<Vec<u8>, String> {
    use openssl::pkcs7::Pkcs7Flags;
    use openssl::stack::Stack;
    crate::algorithms::load_providers();
    let run = || -> Result<Vec<u8>, openssl::error::ErrorStack> {
        let mut certificates = Stack::new()?;
        certificates.push(openssl::x509::X509::from_der(certificate)?)?;
        let cipher = if key_bits == 256 {
            openssl::symm::Cipher::aes_256_cbc()
        } else {
            openssl::symm::Cipher::aes_128_cbc()
        };
        Pkcs7::encrypt(&certificates, content, cipher, Pkcs7Flags::BINARY)?.to_der()
    };
    let result = run().map_err(|err| err.to_string());
    discard_openssl_errors();
    result
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
