//! Fernet tokens under a fixed key: base64url decoding, the layout checks, the HMAC and
//! (for tokens this key signed, which the fuzzer cannot make) decryption. The first byte
//! chooses between the encoded form and raw token bytes.
#![no_main]

use std::sync::OnceLock;

use cryptography_backend::fernet::{FernetKey, Seconds, TtlCheck};
use libfuzzer_sys::fuzz_target;

fn key() -> &'static FernetKey {
    static KEY: OnceLock<FernetKey> = OnceLock::new();
    KEY.get_or_init(|| FernetKey::new(&[7u8; 32]).expect("a 32-byte key"))
}

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let check = TtlCheck {
        ttl: Seconds::Whole(60),
        now: Seconds::Whole(1_000),
    };
    if mode & 1 == 0 {
        let _ = key().decrypt(rest, Some(check));
        let _ = key().extract_timestamp(rest);
    } else {
        let _ = FernetKey::unverified_timestamp(rest);
        let _ = key().decrypt_raw(rest, None);
    }
});
