//! Passes the linked OpenSSL's version on as cfg flags, so that functions newer than
//! OpenSSL 3.0 (such as `EVP_DigestSqueeze`, 3.3) compile only where they exist, and
//! records whether OpenSSL was built from source into the package.

fn main() {
    println!("cargo:rustc-check-cfg=cfg(ossl320)");
    println!("cargo:rustc-check-cfg=cfg(ossl330)");
    println!("cargo:rustc-check-cfg=cfg(ossl350)");
    println!("cargo:rustc-check-cfg=cfg(vendored_openssl)");
    println!("cargo:rustc-check-cfg=cfg(ossl_no_deprecated_3_0)");
    // An OpenSSL built without its 3.0-deprecated functions lacks the low-level SHA
    // functions PBKDF2's fast path uses.
    if let Ok(conf) = std::env::var("DEP_OPENSSL_CONF") {
        if conf.split(',').any(|c| c == "OPENSSL_NO_DEPRECATED_3_0") {
            println!("cargo:rustc-cfg=ossl_no_deprecated_3_0");
        }
    }
    println!("cargo:rerun-if-env-changed=OPENSSL_NO_VENDOR");
    // openssl-sys builds OpenSSL from source when its `vendored` feature is on, unless
    // OPENSSL_NO_VENDOR is set to something other than "0"; mirror that decision.
    let vendored_feature = std::env::var_os("CARGO_FEATURE_VENDORED_OPENSSL").is_some();
    let opted_out = std::env::var("OPENSSL_NO_VENDOR").is_ok_and(|v| v != "0");
    if vendored_feature && !opted_out {
        println!("cargo:rustc-cfg=vendored_openssl");
    }
    if let Ok(hex) = std::env::var("DEP_OPENSSL_VERSION_NUMBER") {
        let number = u64::from_str_radix(&hex, 16).unwrap_or(0);
        // RFC 6979 deterministic ECDSA nonces arrived in 3.2.
        if number >= 0x3020_0000 {
            println!("cargo:rustc-cfg=ossl320");
        }
        if number >= 0x3030_0000 {
            println!("cargo:rustc-cfg=ossl330");
        }
        // ML-DSA and ML-KEM arrived in 3.5.
        if number >= 0x3050_0000 {
            println!("cargo:rustc-cfg=ossl350");
        }
    }
}
