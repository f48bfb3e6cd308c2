//! `cryptography.hazmat.bindings._rust`: the one native module of the package.
//!
//! Binding code only: each method extracts its arguments, makes one call into the core
//! (`cryptography-backend`), and converts the result. This file only lists the modules.

#![deny(unsafe_code)]
// Nothing reachable from Python input may panic: no unwrap/expect outside tests.
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

mod aead;
mod asn1;
mod asym;
mod buf;
mod cipher_objects;
mod ciphers;
mod cmac;
mod cobblestone;
mod declarative_asn1;
mod dh;
mod dsa;
mod ec;
mod ecx;
mod error;
mod fernet;
mod hashes;
mod hmac;
mod hpke;
mod interrupt;
mod kdf;
mod keywrap;
mod mldsa;
mod mlkem;
mod oid;
mod openssl;
mod padding;
mod pkcs12;
mod pkcs7;
mod poly1305;
mod rsa;
mod serialization;
mod ssh;
mod twofactor;
mod types;
mod x509;

use pyo3::prelude::*;
use pyo3::types::PyModule;

const PACKAGE: &str = "cryptography.hazmat.bindings._rust";

/// Creates a submodule, attaches it to `parent`, and registers it in `sys.modules` so that
/// `import cryptography.hazmat.bindings._rust.openssl.hashes` works too.
fn submodule<'py>(
    parent: &Bound<'py, PyModule>,
    qualified_parent: &str,
    name: &str,
    fill: impl FnOnce(&Bound<'py, PyModule>) -> PyResult<()>,
) -> PyResult<Bound<'py, PyModule>> {
    let py = parent.py();
    let module = PyModule::new(py, name)?;
    fill(&module)?;
    let qualified = format!("{qualified_parent}.{name}");
    module.setattr("__name__", &qualified)?;
    parent.add_submodule(&module)?;
    py.import("sys")?
        .getattr("modules")?
        .set_item(qualified, &module)?;
    Ok(module)
}

#[pymodule(gil_used = false)]
fn _rust(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add_class::<oid::ObjectIdentifier>()?;
    module.add_function(wrap_pyfunction!(padding::check_block_size, module)?)?;
    module.add_class::<padding::Pkcs7PaddingContext>()?;
    module.add_class::<padding::Pkcs7UnpaddingContext>()?;
    module.add_class::<padding::AnsiX923PaddingContext>()?;
    module.add_class::<padding::AnsiX923UnpaddingContext>()?;

    submodule(module, PACKAGE, "asn1", |m| {
        m.add_function(wrap_pyfunction!(asn1::encode_dss_signature, m)?)?;
        m.add_function(wrap_pyfunction!(asn1::decode_dss_signature, m)?)
    })?;
    submodule(
        module,
        PACKAGE,
        "declarative_asn1",
        declarative_asn1::add_to_module,
    )?;
    submodule(module, PACKAGE, "keys", |m| {
        m.add_function(wrap_pyfunction!(serialization::load_der_private_key, m)?)?;
        m.add_function(wrap_pyfunction!(serialization::load_pem_private_key, m)?)?;
        m.add_function(wrap_pyfunction!(serialization::load_der_public_key, m)?)?;
        m.add_function(wrap_pyfunction!(serialization::load_pem_public_key, m)?)?;
        m.add_class::<serialization::Encoding>()?;
        m.add_class::<serialization::PrivateFormat>()?;
        m.add_class::<serialization::PublicFormat>()?;
        m.add_class::<serialization::ParameterFormat>()
    })?;
    submodule(module, PACKAGE, "x509", |m| {
        m.add_function(wrap_pyfunction!(x509::name::name_length_limits, m)?)?;
        m.add_function(wrap_pyfunction!(x509::name::rfc4514_string, m)?)?;
        m.add_function(wrap_pyfunction!(x509::name::rfc4514_string_from_der, m)?)?;
        m.add_function(wrap_pyfunction!(x509::name::name_rdns, m)?)?;
        m.add_function(wrap_pyfunction!(x509::name::parse_rfc4514, m)?)?;
        m.add_function(wrap_pyfunction!(x509::name::load_der_name, m)?)?;
        m.add_function(wrap_pyfunction!(x509::name::encode_name_bytes, m)?)?;
        m.add_function(wrap_pyfunction!(
            x509::extensions::encode_extension_value,
            m
        )?)?;
        m.add_function(wrap_pyfunction!(x509::extensions::key_identifier, m)?)?;
        m.add_class::<x509::certificate::Certificate>()?;
        m.add_class::<x509::sct::Sct>()?;
        m.add_function(wrap_pyfunction!(
            x509::builders::create_x509_certificate,
            m
        )?)?;
        m.add_function(wrap_pyfunction!(x509::builders::create_x509_csr, m)?)?;
        m.add_function(wrap_pyfunction!(x509::builders::create_x509_crl, m)?)?;
        m.add_function(wrap_pyfunction!(
            x509::builders::create_revoked_certificate,
            m
        )?)?;
        m.add_class::<x509::csr::CertificateSigningRequest>()?;
        m.add_class::<x509::crl::CertificateRevocationList>()?;
        m.add_class::<x509::crl::RevokedCertificate>()?;
        m.add_function(wrap_pyfunction!(x509::crl::load_der_x509_crl, m)?)?;
        m.add_function(wrap_pyfunction!(x509::crl::load_pem_x509_crl, m)?)?;
        m.add_function(wrap_pyfunction!(x509::csr::load_der_x509_csr, m)?)?;
        m.add_function(wrap_pyfunction!(x509::csr::load_pem_x509_csr, m)?)?;
        m.add_function(wrap_pyfunction!(
            x509::certificate::load_der_x509_certificate,
            m
        )?)?;
        m.add_function(wrap_pyfunction!(
            x509::certificate::load_pem_x509_certificate,
            m
        )?)?;
        m.add_function(wrap_pyfunction!(
            x509::certificate::load_pem_x509_certificates,
            m
        )?)
    })?;
    submodule(module, PACKAGE, "ocsp", |m| {
        m.add_class::<x509::ocsp::OcspRequest>()?;
        m.add_class::<x509::ocsp::OcspResponse>()?;
        m.add_class::<x509::ocsp::OcspSingleResponse>()?;
        m.add_function(wrap_pyfunction!(x509::ocsp::load_der_ocsp_request, m)?)?;
        m.add_function(wrap_pyfunction!(x509::ocsp::load_der_ocsp_response, m)?)?;
        m.add_function(wrap_pyfunction!(x509::ocsp::create_ocsp_request, m)?)?;
        m.add_function(wrap_pyfunction!(x509::ocsp::create_ocsp_response, m)?)
    })?;
    submodule(module, PACKAGE, "ssh", |m| {
        m.add_class::<ssh::SshCertificate>()?;
        m.add_function(wrap_pyfunction!(ssh::load_ssh_private_key, m)?)?;
        m.add_function(wrap_pyfunction!(ssh::load_ssh_public_key, m)?)?;
        m.add_function(wrap_pyfunction!(ssh::load_ssh_public_identity, m)?)?;
        m.add_function(wrap_pyfunction!(ssh::ssh_key_fingerprint, m)?)?;
        m.add_function(wrap_pyfunction!(ssh::load_application, m)?)?;
        m.add_function(wrap_pyfunction!(ssh::sign_certificate, m)?)?;
        m.add_function(wrap_pyfunction!(ssh::serialize_ssh_private_key, m)?)
    })?;
    submodule(module, PACKAGE, "pkcs12", |m| {
        m.add_class::<pkcs12::Pkcs12Certificate>()?;
        m.add_function(wrap_pyfunction!(pkcs12::load_key_and_certificates, m)?)?;
        m.add_function(wrap_pyfunction!(pkcs12::load_pkcs12, m)?)?;
        m.add_function(wrap_pyfunction!(pkcs12::serialize_key_and_certificates, m)?)?;
        m.add_function(wrap_pyfunction!(pkcs12::serialize_java_truststore, m)?)
    })?;
    submodule(module, PACKAGE, "pkcs7", |m| {
        m.add_function(wrap_pyfunction!(pkcs7::load_der_pkcs7_certificates, m)?)?;
        m.add_function(wrap_pyfunction!(pkcs7::load_pem_pkcs7_certificates, m)?)?;
        m.add_function(wrap_pyfunction!(pkcs7::serialize_certificates, m)?)?;
        m.add_function(wrap_pyfunction!(pkcs7::sign_and_serialize, m)?)?;
        m.add_function(wrap_pyfunction!(pkcs7::encrypt_and_serialize, m)?)?;
        m.add_function(wrap_pyfunction!(pkcs7::decrypt_der, m)?)?;
        m.add_function(wrap_pyfunction!(pkcs7::decrypt_pem, m)?)?;
        m.add_function(wrap_pyfunction!(pkcs7::decrypt_smime, m)?)?;
        m.add_function(wrap_pyfunction!(pkcs7::verify_der, m)?)?;
        m.add_function(wrap_pyfunction!(pkcs7::verify_pem, m)?)?;
        m.add_function(wrap_pyfunction!(pkcs7::verify_smime, m)?)
    })?;
    submodule(module, PACKAGE, "test_support", |m| {
        m.add_class::<x509::test_support::TestCertificate>()?;
        m.add_function(wrap_pyfunction!(
            x509::test_support::test_parse_certificate,
            m
        )?)?;
        m.add_function(wrap_pyfunction!(x509::test_support::pkcs7_verify, m)?)?;
        m.add_function(wrap_pyfunction!(mlkem::mlkem_encapsulate_with_entropy, m)?)?;
        m.add_function(wrap_pyfunction!(hpke::hpke_skip_to_sequence, m)?)?;
        m.add_function(wrap_pyfunction!(
            x509::test_support::pkcs7_openssl_decrypt,
            m
        )?)?;
        m.add_function(wrap_pyfunction!(
            x509::test_support::pkcs7_openssl_encrypt,
            m
        )?)
    })?;
    submodule(module, PACKAGE, "fernet", |m| {
        m.add_class::<fernet::PyFernetKey>()
    })?;
    submodule(module, PACKAGE, "cobblestone", |m| {
        m.add_class::<cobblestone::Cobblestone128Encryptor>()?;
        m.add_class::<cobblestone::Cobblestone128Decryptor>()?;
        m.add_class::<cobblestone::Cobblestone256Encryptor>()?;
        m.add_class::<cobblestone::Cobblestone256Decryptor>()
    })?;
    let openssl = submodule(module, PACKAGE, "openssl", |m| {
        m.add_function(wrap_pyfunction!(openssl::openssl_version_text, m)?)?;
        m.add_function(wrap_pyfunction!(openssl::openssl_version, m)?)?;
        m.add_function(wrap_pyfunction!(openssl::is_vendored, m)?)?;
        m.add_function(wrap_pyfunction!(openssl::is_fips_enabled, m)?)?;
        m.add_function(wrap_pyfunction!(openssl::legacy_provider_loaded, m)?)?;
        m.add_function(wrap_pyfunction!(openssl::capture_error_stack, m)?)?;
        m.add_function(wrap_pyfunction!(openssl::algorithm_available, m)?)?;
        m.add_function(wrap_pyfunction!(openssl::raise_openssl_error, m)?)?;
        openssl::add_constants(m)
    })?;
    let openssl_path = format!("{PACKAGE}.openssl");
    submodule(&openssl, &openssl_path, "hashes", |m| {
        m.add_class::<hashes::Hash>()?;
        m.add_class::<hashes::XofHash>()
    })?;
    submodule(&openssl, &openssl_path, "hmac", |m| {
        m.add_class::<hmac::Hmac>()
    })?;
    submodule(&openssl, &openssl_path, "cmac", |m| {
        m.add_class::<cmac::Cmac>()
    })?;
    submodule(&openssl, &openssl_path, "keywrap", |m| {
        m.add_function(wrap_pyfunction!(keywrap::aes_key_wrap, m)?)?;
        m.add_function(wrap_pyfunction!(keywrap::aes_key_unwrap, m)?)?;
        m.add_function(wrap_pyfunction!(keywrap::aes_key_wrap_with_padding, m)?)?;
        m.add_function(wrap_pyfunction!(keywrap::aes_key_unwrap_with_padding, m)?)
    })?;
    submodule(&openssl, &openssl_path, "aead", |m| {
        m.add_class::<aead::AesGcm>()?;
        m.add_class::<aead::ChaCha20Poly1305>()?;
        m.add_class::<aead::AesGcmSiv>()?;
        m.add_class::<aead::AesOcb3>()?;
        m.add_class::<aead::AesCcm>()?;
        m.add_class::<aead::AesSiv>()?;
        m.add_class::<aead::XChaCha20Poly1305>()
    })?;
    submodule(&openssl, &openssl_path, "ciphers", |m| {
        m.add_function(wrap_pyfunction!(ciphers::cipher_supported, m)?)?;
        m.add_function(wrap_pyfunction!(cipher_objects::check_key_size, m)?)?;
        m.add_function(wrap_pyfunction!(cipher_objects::check_aes_key_for_mode, m)?)?;
        m.add_function(wrap_pyfunction!(cipher_objects::check_iv_length, m)?)?;
        m.add_function(wrap_pyfunction!(cipher_objects::check_chacha20_nonce, m)?)?;
        m.add_function(wrap_pyfunction!(ciphers::create_encryption_ctx, m)?)?;
        m.add_function(wrap_pyfunction!(ciphers::create_decryption_ctx, m)?)?;
        m.add_function(wrap_pyfunction!(ciphers::_advance, m)?)?;
        m.add_function(wrap_pyfunction!(ciphers::_advance_aad, m)?)?;
        m.add_class::<ciphers::PyCipherContext>()?;
        m.add_class::<ciphers::AeadEncryptionContext>()?;
        m.add_class::<ciphers::AeadDecryptionContext>()?;
        cipher_objects::add_classes(m)
    })?;
    submodule(&openssl, &openssl_path, "kdf", |m| {
        m.add_class::<kdf::Pbkdf2Hmac>()?;
        m.add_class::<kdf::Scrypt>()?;
        m.add_class::<kdf::Hkdf>()?;
        m.add_class::<kdf::HkdfExpand>()?;
        m.add_class::<kdf::X963Kdf>()?;
        m.add_class::<kdf::ConcatKdfHash>()?;
        m.add_class::<kdf::ConcatKdfHmac>()?;
        m.add_class::<kdf::KbkdfHmac>()?;
        m.add_class::<kdf::KbkdfCmac>()?;
        m.add_class::<kdf::Argon2d>()?;
        m.add_class::<kdf::Argon2i>()?;
        m.add_class::<kdf::Argon2id>()
    })?;
    submodule(&openssl, &openssl_path, "twofactor", |m| {
        m.add_class::<twofactor::Hotp>()
    })?;
    submodule(&openssl, &openssl_path, "poly1305", |m| {
        m.add_class::<poly1305::Poly1305>()
    })?;
    submodule(&openssl, &openssl_path, "rsa", |m| {
        m.add_class::<rsa::PyRsaPrivateKey>()?;
        m.add_class::<rsa::PyRsaPublicKey>()?;
        m.add_function(wrap_pyfunction!(rsa::generate_private_key, m)?)?;
        m.add_class::<rsa::RsaPublicNumbers>()?;
        m.add_class::<rsa::RsaPrivateNumbers>()?;
        m.add_function(wrap_pyfunction!(rsa::recover_prime_factors, m)?)?;
        m.add_function(wrap_pyfunction!(rsa::validation_memo_stats, m)?)?;
        m.add_function(wrap_pyfunction!(rsa::max_pss_salt_length, m)?)
    })?;
    submodule(&openssl, &openssl_path, "ec", |m| {
        m.add_class::<ec::PyEcPrivateKey>()?;
        m.add_class::<ec::PyEcPublicKey>()?;
        m.add_function(wrap_pyfunction!(ec::generate_private_key, m)?)?;
        m.add_function(wrap_pyfunction!(ec::derive_private_key, m)?)?;
        m.add_function(wrap_pyfunction!(ec::from_public_bytes, m)?)?;
        m.add_class::<ec::EcPublicNumbers>()?;
        m.add_class::<ec::EcPrivateNumbers>()?;
        m.add_function(wrap_pyfunction!(ec::deterministic_signing_supported, m)?)
    })?;
    submodule(&openssl, &openssl_path, "dh", |m| {
        m.add_class::<dh::PyDhPrivateKey>()?;
        m.add_class::<dh::PyDhPublicKey>()?;
        m.add_class::<dh::PyDhParameters>()?;
        m.add_function(wrap_pyfunction!(dh::generate_parameters, m)?)?;
        m.add_function(wrap_pyfunction!(dh::from_der_parameters, m)?)?;
        m.add_function(wrap_pyfunction!(dh::from_pem_parameters, m)?)?;
        m.add_class::<dh::DhParameterNumbers>()?;
        m.add_class::<dh::DhPublicNumbers>()?;
        m.add_class::<dh::DhPrivateNumbers>()
    })?;
    submodule(&openssl, &openssl_path, "dsa", |m| {
        m.add_class::<dsa::PyDsaPrivateKey>()?;
        m.add_class::<dsa::PyDsaPublicKey>()?;
        m.add_class::<dsa::PyDsaParameters>()?;
        m.add_function(wrap_pyfunction!(dsa::generate_parameters, m)?)?;
        m.add_class::<dsa::DsaParameterNumbers>()?;
        m.add_class::<dsa::DsaPublicNumbers>()?;
        m.add_class::<dsa::DsaPrivateNumbers>()
    })?;
    submodule(&openssl, &openssl_path, "mldsa", mldsa::add_to_module)?;
    submodule(&openssl, &openssl_path, "mlkem", mlkem::add_to_module)?;
    submodule(&openssl, &openssl_path, "hpke", hpke::add_to_module)?;
    submodule(&openssl, &openssl_path, "ed25519", |m| {
        m.add_class::<ecx::PyEd25519PrivateKey>()?;
        m.add_class::<ecx::PyEd25519PublicKey>()
    })?;
    submodule(&openssl, &openssl_path, "ed448", |m| {
        m.add_class::<ecx::PyEd448PrivateKey>()?;
        m.add_class::<ecx::PyEd448PublicKey>()
    })?;
    submodule(&openssl, &openssl_path, "x25519", |m| {
        m.add_class::<ecx::PyX25519PrivateKey>()?;
        m.add_class::<ecx::PyX25519PublicKey>()
    })?;
    submodule(&openssl, &openssl_path, "x448", |m| {
        m.add_class::<ecx::PyX448PrivateKey>()?;
        m.add_class::<ecx::PyX448PublicKey>()
    })?;
    Ok(())
}
