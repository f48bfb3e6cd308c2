# This file is dual licensed under the terms of the Apache License, Version
# 2.0, and the BSD License. See the LICENSE file in the root of this repository
# for complete details.

"""``python -m cryptography``: what this build is, and a short known-answer self-test.

Exits with status 1 if any known answer is wrong or an algorithm fails to run.
"""

from __future__ import annotations

import sys
import typing

# Known answers from the standards that define each algorithm.
_ABC = b"abc"
_SUNSCREEN = (
    b"Ladies and Gentlemen of the class of '99: If I could offer you only one tip for "
    b"the future, sunscreen would be it."
)
_FERNET_TOKEN = (
    b"gAAAAAAdwJ6wAAECAwQFBgcICQoLDA0ODy021cpGVWKZ_eEwCGM4BLLF_5CV9dOPmrhuVUPgJobwOz7"
    b"JcbmrR64jVmpU4IwqDA=="
)


def _known_answers() -> list[tuple[str, typing.Callable[[], bytes], str]]:
    from cryptography.fernet import Fernet
    from cryptography.hazmat.primitives import cmac, hashes, hmac, padding
    from cryptography.hazmat.primitives.asymmetric import ed25519, x25519
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM, ChaCha20Poly1305
    from cryptography.hazmat.primitives.poly1305 import Poly1305

    def digest(algorithm: hashes.HashAlgorithm) -> typing.Callable[[], bytes]:
        return lambda: hashes.Hash.hash(algorithm, _ABC)

    def hmac_sha256() -> bytes:
        h = hmac.HMAC(b"Jefe", hashes.SHA256())
        h.update(b"what do ya want for nothing?")
        return h.finalize()

    def cmac_aes128() -> bytes:
        c = cmac.CMAC(algorithms.AES(bytes.fromhex("2b7e151628aed2a6abf7158809cf4f3c")))
        c.update(bytes.fromhex("6bc1bee22e409f96e93d7e117393172a"))
        return c.finalize()

    def poly1305() -> bytes:
        key = bytes.fromhex(
            "85d6be7857556d337f4452fe42d506a80103808afb0db2fd4abff6af4149f51b"
        )
        return Poly1305.generate_tag(key, b"Cryptographic Forum Research Group")

    def pkcs7() -> bytes:
        padder = padding.PKCS7(128).padder()
        return bytes(padder.update(_ABC)) + padder.finalize()

    def aes128() -> bytes:
        key = bytes(range(16))
        encryptor = Cipher(algorithms.AES(key), modes.ECB()).encryptor()
        block = bytes.fromhex("00112233445566778899aabbccddeeff")
        return encryptor.update(block) + encryptor.finalize()

    def aes128_gcm() -> bytes:
        return AESGCM(bytes(16)).encrypt(bytes(12), bytes(16), None)

    def chacha20_poly1305_tag() -> bytes:
        key = bytes(range(0x80, 0xA0))
        nonce = bytes.fromhex("070000004041424344454647")
        aad = bytes.fromhex("50515253c0c1c2c3c4c5c6c7")
        sealed = ChaCha20Poly1305(key).encrypt(nonce, _SUNSCREEN, aad)
        return sealed[-16:]

    def fernet() -> bytes:
        f = Fernet("cw_0x689RpI-jtRR7oE8h_eQsKImvJapLeSbXpwF4e4=")
        return f.decrypt_at_time(_FERNET_TOKEN, 60, 499_162_810)

    def ed25519_sign() -> bytes:
        seed = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"
        key = ed25519.Ed25519PrivateKey.from_private_bytes(bytes.fromhex(seed))
        return key.sign(b"")[:16]

    def x25519_exchange() -> bytes:
        scalar = "77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a"
        peer = "de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f"
        key = x25519.X25519PrivateKey.from_private_bytes(bytes.fromhex(scalar))
        return key.exchange(
            x25519.X25519PublicKey.from_public_bytes(bytes.fromhex(peer))
        )

    return [
        (
            "SHA-256 (FIPS 180-4)",
            digest(hashes.SHA256()),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        ),
        (
            "SHA3-256 (FIPS 202)",
            digest(hashes.SHA3_256()),
            "3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532",
        ),
        (
            "SHAKE128 (FIPS 202)",
            digest(hashes.SHAKE128(16)),
            "5881092dd818bf5cf8a3ddb793fbcba7",
        ),
        (
            "HMAC-SHA256 (RFC 4231 case 2)",
            hmac_sha256,
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
        ),
        (
            "AES-128-CMAC (SP 800-38B)",
            cmac_aes128,
            "070a16b46b4d4144f79bdd9dd04a287c",
        ),
        (
            "Poly1305 (RFC 8439 2.5.2)",
            poly1305,
            "a8061dc1305136c6c22b8baf0c0127a9",
        ),
        ("PKCS7 padding (RFC 5652)", pkcs7, "616263" + "0d" * 13),
        ("AES-128 (FIPS 197 C.1)", aes128, "69c4e0d86a7b0430d8cdb78070b4c55a"),
        (
            "AES-128-GCM (GCM spec case 2)",
            aes128_gcm,
            "0388dace60b6a392f328c2b971b2fe78ab6e47d42cec13bdf53a67b21257bddf",
        ),
        (
            "ChaCha20-Poly1305 (RFC 8439)",
            chacha20_poly1305_tag,
            "1ae10b594f09e26a7e902ecbd0600691",
        ),
        ("Fernet (specification token)", fernet, b"hello".hex()),
        (
            "Ed25519 (RFC 8032 test 1)",
            ed25519_sign,
            "e5564300c360ac729086e2cc806e828a",
        ),
        (
            "X25519 (RFC 7748 6.1)",
            x25519_exchange,
            "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742",
        ),
    ]


def main() -> int:
    import cryptography
    from cryptography.hazmat.bindings._rust import openssl as rust_openssl

    linked = (
        "built from source into this package (vendored)"
        if rust_openssl.is_vendored()
        else "linked from the system"
    )
    print(f"cryptography {cryptography.__version__}")
    print(f"OpenSSL: {rust_openssl.openssl_version_text()}, {linked}")
    print(f"Python: {sys.version.split()[0]}")
    print("Self-test:")
    failures = 0
    for name, run, expected in _known_answers():
        try:
            ok = run().hex() == expected
            detail = "ok" if ok else "WRONG ANSWER"
        except Exception as e:  # report every algorithm, not only the first failure
            ok, detail = False, f"FAILED ({type(e).__name__}: {e})"
        failures += not ok
        print(f"  {name:32s} {detail}")
    if failures:
        print(f"{failures} self-test(s) failed")
        return 1
    print("All self-tests passed.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
