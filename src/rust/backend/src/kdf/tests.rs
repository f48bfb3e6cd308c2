use super::*;
use crate::error::Result;
use crate::hash::HashAlgorithm;
use crate::test_support::unhex;

#[test]
fn hkdf_rfc5869_case_1() {
    let ikm = [0x0bu8; 22];
    let salt = unhex("000102030405060708090a0b0c");
    let info = unhex("f0f1f2f3f4f5f6f7f8f9");
    let mut prk = [0u8; 32];
    hkdf_extract(HashAlgorithm::Sha256, Some(&salt), &ikm, &mut prk).unwrap();
    assert_eq!(
        prk.to_vec(),
        unhex("077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5")
    );
    let mut okm = [0u8; 42];
    hkdf(HashAlgorithm::Sha256, Some(&salt), &ikm, &info, &mut okm).unwrap();
    assert_eq!(
        okm.to_vec(),
        unhex(concat!(
            "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf",
            "34007208d5b887185865"
        ))
    );
}

#[test]
fn pbkdf2_fast_path_matches_openssl() {
    for algorithm in [
        HashAlgorithm::Sha1,
        HashAlgorithm::Sha224,
        HashAlgorithm::Sha256,
        HashAlgorithm::Sha384,
        HashAlgorithm::Sha512,
    ] {
        for password in [&b""[..], b"pw", &[7u8; 200]] {
            let mut fast = [0u8; 150];
            pbkdf2_hmac(algorithm, password, b"salt", 3, &mut fast).unwrap();
            let mut reference = [0u8; 150];
            crate::ffi::pbkdf2_hmac(
                algorithm.fetched().unwrap(),
                password,
                b"salt",
                3,
                &mut reference,
            )
            .unwrap();
            assert_eq!(fast, reference, "{algorithm:?}");
        }
    }
}

#[test]
fn pbkdf2_rfc6070_case_2() {
    let mut out = [0u8; 20];
    pbkdf2_hmac(HashAlgorithm::Sha1, b"password", b"salt", 2, &mut out).unwrap();
    assert_eq!(
        out.to_vec(),
        unhex("ea6c014dc72d6f8ccd1ed92ace1d41f0d8de8957")
    );
}

#[test]
fn scrypt_rfc7914_first_vector() {
    let mut out = [0u8; 64];
    scrypt(b"", b"", ScryptParams::new(16, 1, 1).unwrap(), &mut out).unwrap();
    assert_eq!(
        out[..16].to_vec(),
        unhex("77d6576238657b203b19ca42c18a0497")
    );
}

fn rule<T: std::fmt::Debug>(result: Result<T>) -> KdfError {
    match result {
        Err(Error::Kdf(rule)) => rule,
        other => panic!("{other:?}"),
    }
}

#[test]
fn password_kdf_argument_rules() {
    assert_eq!(rule(check_pbkdf2_iterations(0)), KdfError::Pbkdf2Iterations);
    let mut out = [0u8; 8];
    assert_eq!(
        rule(pbkdf2_hmac(HashAlgorithm::Sha256, b"p", b"s", 0, &mut out)),
        KdfError::Pbkdf2Iterations
    );
    for n in [0u64, 1, 15, 24] {
        assert_eq!(rule(ScryptParams::new(n, 1, 1)), KdfError::ScryptN);
    }
    assert_eq!(rule(ScryptParams::new(16, 0, 1)), KdfError::ScryptR);
    assert_eq!(rule(ScryptParams::new(16, 1, 0)), KdfError::ScryptP);
    let salt = [0u8; 8];
    assert_eq!(
        rule(Argon2Params::new(&salt[..7], 32, 1, 1, 8)),
        KdfError::Argon2Salt
    );
    assert_eq!(
        rule(Argon2Params::new(&salt, 3, 1, 1, 8)),
        KdfError::Argon2Length
    );
    assert_eq!(
        rule(Argon2Params::new(&salt, 32, 0, 1, 8)),
        KdfError::Argon2Iterations
    );
    assert_eq!(
        rule(Argon2Params::new(&salt, 32, 1, 0, 8)),
        KdfError::Argon2Lanes
    );
    assert_eq!(
        rule(Argon2Params::new(&salt, 32, 1, 2, 15)),
        KdfError::Argon2Memory
    );
    // The reference's order: the salt is reported before the rest.
    assert_eq!(
        rule(Argon2Params::new(&[], 0, 0, 0, 0)),
        KdfError::Argon2Salt
    );
    // verify: a key of the right content and length passes, anything else does not.
    let derive = |o: &mut [u8]| -> Result<()> {
        o.copy_from_slice(&[1, 2, 3, 4]);
        Ok(())
    };
    assert!(verify_derived(4, &[1, 2, 3, 4], derive).is_ok());
    assert_eq!(
        rule(verify_derived(4, &[1, 2, 3, 5], derive)),
        KdfError::KeyMismatch
    );
    assert_eq!(
        rule(verify_derived(4, &[1, 2, 3], derive)),
        KdfError::KeyMismatch
    );
    // Output limits: 255 digests for HKDF, 2**32 - 1 for the counter KDFs.
    assert_eq!(
        rule(check_hkdf_length(HashAlgorithm::Sha256, 8161)),
        KdfError::HkdfLength { max: 8160 }
    );
    assert!(check_hkdf_length(HashAlgorithm::Sha256, 8160).is_ok());
    assert!(check_hkdf_digest_size(64).is_ok());
    assert_eq!(
        rule(check_hkdf_digest_size(usize::MAX / 2)),
        KdfError::HkdfDigestTooLarge
    );
    let mut long = vec![0u8; 8161];
    assert_eq!(
        rule(hkdf_expand(
            HashAlgorithm::Sha256,
            &[0u8; 32],
            b"",
            &mut long
        )),
        KdfError::HkdfLength { max: 8160 }
    );
    let max = 32 * u64::from(u32::MAX);
    assert_eq!(
        rule(check_counter_kdf_length(
            HashAlgorithm::Sha256,
            max as usize + 1
        )),
        KdfError::CounterLength { max }
    );
    let params = Argon2Params::new(&salt, 32, 2, 2, 16).unwrap();
    assert_eq!(
        (params.iterations(), params.lanes(), params.memory_cost()),
        (2, 2, 16)
    );
}

#[test]
fn kbkdf_fixed_input_encodes_the_length() {
    let fixed = kbkdf_fixed_input(b"L", b"C", 4, 32).unwrap();
    assert_eq!(fixed, [b'L', 0, b'C', 0, 0, 1, 0]);
    assert_eq!(kbkdf_fixed_input(b"", b"", 1, 32), None);
    assert_eq!(kbkdf_fixed_input(b"", b"", 1, 31).unwrap(), [0, 248]);
    assert_eq!(kbkdf_rounds(32, 1, 32 * 255), Some(255));
    assert_eq!(kbkdf_rounds(32, 1, 32 * 256), None);
}

#[test]
fn kbkdf_request_rules_in_order() {
    use CounterPlacement::{AfterFixed, BeforeFixed, MiddleFixed};
    let request = |llen, placement, at, label: &[u8], fixed: Option<Vec<u8>>, rlen| {
        KbkdfParams::new(32, 32, rlen, llen, placement, at, label, b"", fixed)
    };
    assert!(request(Some(4), BeforeFixed, None, b"l", None, 4).is_ok());
    assert_eq!(
        rule(request(Some(4), MiddleFixed, None, b"l", None, 4)),
        KdfError::KbkdfBreakLocationMissing
    );
    assert_eq!(
        rule(request(Some(4), AfterFixed, Some(1), b"l", None, 4)),
        KdfError::KbkdfBreakLocationIgnored
    );
    assert_eq!(
        rule(request(Some(4), BeforeFixed, None, b"l", Some(vec![1]), 4)),
        KdfError::KbkdfFixedWithLabel
    );
    assert_eq!(
        rule(request(Some(4), BeforeFixed, None, b"", None, 5)),
        KdfError::KbkdfRlen
    );
    assert_eq!(
        rule(request(None, BeforeFixed, None, b"", None, 4)),
        KdfError::KbkdfLlenMissing
    );
    assert_eq!(
        rule(request(Some(0), BeforeFixed, None, b"", None, 4)),
        KdfError::KbkdfLlenZero
    );
    assert_eq!(
        rule(KbkdfParams::new(
            32,
            32 * 256,
            1,
            Some(4),
            BeforeFixed,
            None,
            b"",
            b"",
            None
        )),
        KdfError::KbkdfRounds
    );
    // Checked when deriving, as the reference does.
    let mut out = [0u8; 32];
    let short_l = KbkdfParams::new(32, 32, 4, Some(1), BeforeFixed, None, b"", b"", None).unwrap();
    assert_eq!(
        rule(short_l.derive_hmac(HashAlgorithm::Sha256, b"k", &mut out)),
        KdfError::KbkdfLlenTooShort
    );
    let past = KbkdfParams::new(
        32,
        32,
        4,
        None,
        MiddleFixed,
        Some(9),
        b"",
        b"",
        Some(vec![0u8; 8]),
    )
    .unwrap();
    assert_eq!(
        rule(past.derive_hmac(HashAlgorithm::Sha256, b"k", &mut out)),
        KdfError::KbkdfBreakLocationPastFixed
    );
}

#[test]
fn lengths_past_the_construction_are_refused() {
    let mut big = vec![0u8; 255 * 32 + 1];
    assert!(matches!(
        hkdf(HashAlgorithm::Sha256, None, b"k", b"", &mut big),
        Err(Error::Kdf(KdfError::HkdfLength { max: 8160 }))
    ));
    let mut empty = [0u8; 0];
    pbkdf2_hmac(HashAlgorithm::Sha256, b"p", b"s", 1, &mut empty).unwrap();
    assert!(matches!(
        pbkdf2_hmac(
            HashAlgorithm::Shake128 { output_len: 16 },
            b"p",
            b"s",
            1,
            &mut big
        ),
        Err(Error::Unsupported(..))
    ));
}
