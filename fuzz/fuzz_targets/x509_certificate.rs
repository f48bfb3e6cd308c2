//! X.509 certificates from DER and PEM (one, and bundles), and everything derived from
//! the parse: names as RFC 4514 text, each extension decoded, the TBS bytes (which must
//! be a prefix-free re-encoding of the input's) and a fingerprint.
#![no_main]

use cryptography_asn1::oid_ref::OidRef;
use cryptography_backend::hash::HashAlgorithm;
use cryptography_x509::{extensions, name, Certificate};
use libfuzzer_sys::fuzz_target;

/// The texts of an Admissions value, through the core's DisplayText reader.
fn read_admission_texts(admissions: &cryptography_asn1::extensions::Admissions<'_>) {
    for admission in admissions
        .contents_of_admissions
        .read()
        .into_iter()
        .flat_map(Clone::clone)
    {
        for info in admission
            .profession_infos
            .read()
            .into_iter()
            .flat_map(Clone::clone)
        {
            for item in info
                .profession_items
                .read()
                .into_iter()
                .flat_map(Clone::clone)
            {
                let _ = extensions::display_text(&item);
            }
        }
    }
}

fn read_everything(certificate: &Certificate) {
    let tbs = &certificate.parsed().tbs_certificate;
    let no_overrides = |_: OidRef<'_>| None;
    let _ = name::rfc4514_string(&tbs.issuer, &no_overrides);
    let _ = name::rfc4514_string(&tbs.subject, &no_overrides);
    if let Ok(list) = extensions::unique(tbs.extensions.as_ref()) {
        for extension in &list {
            if let Ok(extensions::Decoded::Admissions(admissions)) =
                extensions::decode(extension, extensions::Context::Certificate)
            {
                read_admission_texts(&admissions);
            }
        }
    }
    // Strict DER has one encoding: what was parsed writes back as it was read.
    let tbs_der = certificate
        .tbs_der()
        .expect("a parsed TBSCertificate writes");
    assert!(certificate
        .der()
        .windows(tbs_der.len())
        .any(|window| window == &tbs_der[..]));
    let _ = certificate.fingerprint(HashAlgorithm::Sha256);
}

fuzz_target!(|data: &[u8]| {
    if let Ok(certificate) = Certificate::from_der(data.to_vec()) {
        assert_eq!(certificate.der(), data);
        read_everything(&certificate);
    }
    if let Ok(certificates) = Certificate::all_from_pem(data) {
        for certificate in &certificates {
            read_everything(certificate);
        }
    }
});
