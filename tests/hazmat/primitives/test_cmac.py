from __future__ import annotations

import pytest

from cryptography.exceptions import (
    AlreadyFinalized,
    InvalidSignature,
    UnsupportedAlgorithm,
    _Reasons,
)
from cryptography.hazmat.bindings._rust import openssl as rust_openssl
from cryptography.hazmat.decrepit.ciphers import algorithms as decrepit
from cryptography.hazmat.primitives import cmac
from cryptography.hazmat.primitives.ciphers import algorithms
from tests.vectors import load_records, unhex, wycheproof_groups


@pytest.mark.parametrize("bits", [128, 192, 256])
def test_nist_aes(bits):
    records = load_records("CMAC", f"nist-800-38b-aes{bits}.txt")
    assert records
    for record in records:
        c = cmac.CMAC(algorithms.AES(unhex(record["key"])))
        c.update(unhex(record["message"]))
        expected = unhex(record["output"])
        assert c.copy().finalize() == expected
        c.verify(expected)


def test_nist_triple_des():
    records = load_records("CMAC", "nist-800-38b-3des.txt")
    assert records
    for record in records:
        key = unhex(record["key1"] + record["key2"] + record["key3"])
        c = cmac.CMAC(decrepit.TripleDES(key))
        c.update(unhex(record["message"]))
        assert c.finalize() == unhex(record["output"])


@pytest.mark.parametrize(
    ("name", "cipher"),
    [
        ("aes_cmac_test.json", algorithms.AES),
        ("camellia_cmac_test.json", decrepit.Camellia),
    ],
)
def test_wycheproof(wycheproof_root, name, cipher):
    count = 0
    for group, test in wycheproof_groups(wycheproof_root, name):
        key = unhex(test["key"])
        if len(key) * 8 not in cipher.key_sizes:
            # Wycheproof includes keys of invalid sizes; the cipher refuses them.
            with pytest.raises(ValueError):
                cipher(key)
            continue
        c = cmac.CMAC(cipher(key))
        c.update(unhex(test["msg"]))
        computed = c.finalize()[: group["tagSize"] // 8]
        assert (computed == unhex(test["tag"])) is (test["result"] == "valid"), test[
            "tcId"
        ]
        count += 1
    assert count > 0


def test_other_block_ciphers():
    # Values computed by the reference implementation for CMAC over "abc".
    cases = [
        (decrepit.TripleDES(b"k" * 8), "9d249bc165732cc6"),
        (decrepit.Blowfish(b"k" * 16), "31fa625036d425d2"),
        (decrepit.CAST5(b"k" * 16), "b835619630e6402a"),
        (decrepit.IDEA(b"k" * 16), "7b8d81947fadfc1f"),
        (decrepit.SEED(b"k" * 16), "f6353af0974741c7e12c6cd40f9d6ecd"),
        (decrepit.Camellia(b"k" * 16), "63252215c28fb84284433e68a9411a42"),
        (decrepit.RC2(b"k" * 16), "84fff2db983fab92"),
        (algorithms.SM4(b"k" * 16), "4198906ba4a3d5f8c87b3937556a3e69"),
        # Variable key lengths.
        (decrepit.Blowfish(bytes(range(4))), "fdd6bbc123f33949"),
        (decrepit.Blowfish(bytes(range(56))), "3caf118f33ccdff7"),
        (decrepit.CAST5(bytes(range(5))), "f42a81ec3af850fc"),
        (decrepit.CAST5(bytes(range(16))), "19e1e15bbc79a91c"),
    ]
    for cipher, expected in cases:
        stem = {"3DES": "DES-EDE3", "Blowfish": "BF", "camellia": "CAMELLIA-128"}.get(
            cipher.name, cipher.name
        )
        if not rust_openssl.algorithm_available("cipher", f"{stem}-CBC"):
            # Some system OpenSSL builds leave ciphers out (Debian's has no IDEA).
            with pytest.raises(UnsupportedAlgorithm):
                cmac.CMAC(cipher)
            continue
        c = cmac.CMAC(cipher)
        c.update(b"abc")
        assert c.finalize().hex() == expected, cipher.name


def test_errors():
    with pytest.raises(TypeError, match="Expected instance of BlockCipherAlgorithm."):
        cmac.CMAC(decrepit.ARC4(b"k" * 16))  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        cmac.CMAC(b"key")  # type: ignore[arg-type]
    with pytest.raises(UnsupportedAlgorithm) as info:
        cmac.CMAC(algorithms.AES(b"k" * 64))  # an XTS-size key
    assert info.value._reason is _Reasons.UNSUPPORTED_CIPHER

    # A block cipher class of the caller's own (here without even a key): unsupported,
    # for CMAC and for KBKDF's CMAC PRF alike.
    from cryptography.hazmat.primitives._cipheralgorithm import BlockCipherAlgorithm
    from cryptography.hazmat.primitives.kdf.kbkdf import (
        KBKDFCMAC,
        CounterLocation,
        Mode,
    )

    class Homemade(BlockCipherAlgorithm):
        name = "homemade"
        block_size = 128
        key_size = 128
        key_sizes = frozenset([128])

        def __init__(self, key: bytes = b"") -> None:
            pass

    with pytest.raises(UnsupportedAlgorithm) as info:
        cmac.CMAC(Homemade())
    assert info.value._reason is _Reasons.UNSUPPORTED_CIPHER
    kdf = KBKDFCMAC(
        Homemade,
        Mode.CounterMode,
        32,
        4,
        4,
        CounterLocation.BeforeFixed,
        b"l",
        b"c",
        None,
    )
    with pytest.raises(UnsupportedAlgorithm) as info:
        kdf.derive(b"k" * 16)
    assert info.value._reason is _Reasons.UNSUPPORTED_CIPHER
    c = cmac.CMAC(algorithms.AES(b"k" * 16), backend=None)
    with pytest.raises(InvalidSignature, match="Signature did not match digest."):
        c.verify(b"\x00" * 16)
    for call in (
        lambda: c.update(b""),
        c.finalize,
        c.copy,
        lambda: c.verify(b""),
    ):
        with pytest.raises(AlreadyFinalized, match="Context was already finalized."):
            call()
    with pytest.raises(TypeError):
        cmac.CMAC(algorithms.AES(b"k" * 16)).update("x")  # type: ignore[arg-type]
