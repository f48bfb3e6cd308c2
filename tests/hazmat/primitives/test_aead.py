from __future__ import annotations

import copy
import pickle
import sys
import threading
import typing

import pytest

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM, ChaCha20Poly1305
from tests.vectors import load_records, unhex, wycheproof_groups


def _field(value: str) -> bytes:
    """Vector fields are hex, or ASCII in double quotes."""
    if value.startswith('"') and value.endswith('"'):
        return value[1:-1].encode()
    return unhex(value)


def _round_trip(
    aead, nonce: bytes, pt: bytes, aad: bytes, ct: bytes, tag: bytes
) -> None:
    sealed = aead.encrypt(nonce, pt, aad)
    assert sealed == ct + tag
    assert aead.decrypt(nonce, sealed, aad) == pt
    buf = bytearray(len(sealed))
    assert aead.encrypt_into(nonce, pt, aad, buf) == len(sealed)
    assert bytes(buf) == sealed
    out = bytearray(len(pt))
    assert aead.decrypt_into(nonce, sealed, aad, out) == len(pt)
    assert bytes(out) == pt


@pytest.mark.parametrize("bits", ["128", "192", "256"])
def test_aesgcm_nist(bits):
    checked = 0
    for record in load_records("ciphers", "AES", "GCM", f"gcmEncryptExtIV{bits}.rsp"):
        if "ct" not in record or len(unhex(record["tag"])) != 16:
            continue
        nonce = unhex(record["iv"])
        if not 8 <= len(nonce) <= 128:
            continue
        aead = AESGCM(unhex(record["key"]))
        _round_trip(
            aead, nonce, unhex(record["pt"]), unhex(record["aad"]),
            unhex(record["ct"]), unhex(record["tag"]),
        )  # fmt: skip
        checked += 1
    assert checked > 0


def test_chacha20poly1305_rfc8439_and_boringssl():
    checked = 0
    for record in load_records("ciphers", "ChaCha20Poly1305", "boringssl.txt"):
        if "key" not in record:
            continue
        aead = ChaCha20Poly1305(_field(record["key"]))
        _round_trip(
            aead, _field(record["nonce"]), _field(record["in"]), _field(record["ad"]),
            _field(record["ct"]), _field(record["tag"]),
        )  # fmt: skip
        checked += 1
    assert checked > 0


def test_chacha20poly1305_openssl_vectors():
    checked = 0
    for record in load_records("ciphers", "ChaCha20Poly1305", "openssl.txt"):
        if "key" not in record:
            continue
        aead = ChaCha20Poly1305(unhex(record["key"]))
        nonce, aad = unhex(record["iv"]), unhex(record["aad"])
        sealed = unhex(record["ciphertext"]) + unhex(record["tag"])
        if record.get("result") == "CIPHERFINAL_ERROR":
            with pytest.raises(InvalidTag):
                aead.decrypt(nonce, sealed, aad)
        else:
            assert aead.decrypt(nonce, sealed, aad) == unhex(record["plaintext"])
        checked += 1
    assert checked > 0


@pytest.mark.parametrize(
    ("name", "cls", "nonce_ok"),
    [
        ("aes_gcm_test.json", AESGCM, lambda n: 8 <= len(n) <= 128),
        ("chacha20_poly1305_test.json", ChaCha20Poly1305, lambda n: len(n) == 12),
    ],
)
def test_wycheproof(wycheproof_root, name, cls, nonce_ok):
    checked = 0
    for group, test in wycheproof_groups(wycheproof_root, name):
        key, nonce = unhex(test["key"]), unhex(test["iv"])
        if group["tagSize"] != 128 or len(key) * 8 != group["keySize"]:
            continue
        try:
            aead = cls(key)
        except ValueError:
            assert test["result"] == "invalid"
            continue
        pt, aad = unhex(test["msg"]), unhex(test["aad"])
        sealed = unhex(test["ct"]) + unhex(test["tag"])
        if not nonce_ok(nonce):
            with pytest.raises(ValueError):
                aead.encrypt(nonce, pt, aad)
            continue
        if test["result"] == "valid":
            assert aead.encrypt(nonce, pt, aad) == sealed, test["tcId"]
            assert aead.decrypt(nonce, sealed, aad) == pt
        else:
            with pytest.raises(InvalidTag):
                aead.decrypt(nonce, sealed, aad)
        checked += 1
    assert checked > 0


def test_aesgcm_rules():
    with pytest.raises(ValueError, match="AESGCM key must be 128, 192, or 256 bits."):
        AESGCM(b"k" * 15)
    with pytest.raises(TypeError):
        AESGCM("k" * 16)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="bit_length must be 128, 192, or 256"):
        AESGCM.generate_key(129)
    with pytest.raises(TypeError):
        AESGCM.generate_key("128")  # type: ignore[arg-type]
    assert len(AESGCM.generate_key(192)) == 24
    assert AESGCM.generate_key(128) != AESGCM.generate_key(128)
    aead = AESGCM(b"k" * 16)
    for nonce in (b"n" * 7, b"n" * 129):
        with pytest.raises(ValueError, match="Nonce must be between 8 and 128 bytes"):
            aead.encrypt(nonce, b"", None)
    # Known answers computed by the reference implementation.
    assert (
        aead.encrypt(b"n" * 12, b"abc", b"aad").hex()
        == "5a9e29adfd86c6bdd6649114827956dd656f77"
    )
    assert (
        aead.encrypt(b"n" * 8, b"abc", None).hex()
        == "7938d857e0495c37472521e605f31b8d988a3f"
    )
    with pytest.raises(InvalidTag):
        aead.decrypt(b"n" * 12, b"x" * 20, None)
    with pytest.raises(InvalidTag):
        aead.decrypt(b"n" * 12, b"x" * 5, None)
    with pytest.raises(TypeError):
        aead.encrypt(b"n" * 12, "abc", None)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="buffer must be 19 bytes"):
        aead.encrypt_into(b"n" * 12, b"abc", None, bytearray(18))
    with pytest.raises(ValueError, match="buffer must be 3 bytes"):
        aead.decrypt_into(
            b"n" * 12, aead.encrypt(b"n" * 12, b"abc", None), None, bytearray(2)
        )
    with pytest.raises(TypeError):
        copy.copy(aead)
    with pytest.raises(TypeError):
        pickle.dumps(aead)


def test_chacha20poly1305_rules():
    with pytest.raises(ValueError, match="ChaCha20Poly1305 key must be 32 bytes."):
        ChaCha20Poly1305(b"k" * 31)
    aead = ChaCha20Poly1305(b"k" * 32)
    with pytest.raises(ValueError, match="Nonce must be 12 bytes"):
        aead.encrypt(b"n" * 11, b"", None)
    assert (
        aead.encrypt(b"n" * 12, b"abc", b"aad").hex()
        == "ef9d5da660a1a614e5aaa54f267ff8db622102"
    )
    assert len(ChaCha20Poly1305.generate_key()) == 32


def test_bytes_like_arguments():
    aead = AESGCM(bytearray(b"k" * 16))
    sealed = aead.encrypt(memoryview(b"n" * 12), bytearray(b"abc"), memoryview(b"aad"))
    assert aead.decrypt(bytearray(b"n" * 12), memoryview(sealed), b"aad") == b"abc"


def test_one_object_shared_by_threads():
    aead = AESGCM(b"k" * 32)
    data = b"\x5a" * (1 << 20)
    expected = aead.encrypt(b"n" * 12, data, None)
    results: list[bool] = []

    def work() -> None:
        for _ in range(4):
            results.append(aead.encrypt(b"n" * 12, data, None) == expected)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [True] * 16


# The AEADs beyond GCM and ChaCha20-Poly1305.

from cryptography.hazmat.primitives.ciphers.aead import (  # noqa: E402
    AESCCM,
    AESGCMSIV,
    AESOCB3,
    AESSIV,
)


def _records(*parts: str) -> list[dict[str, str]]:
    return [r for r in load_records("ciphers", "AES", *parts) if "key" in r]


@pytest.mark.parametrize("name", ["rfc7253.txt", "openssl.txt"])
def test_aesocb3_vectors(name):
    records = _records("OCB3", name)
    assert records
    for record in records:
        aead = AESOCB3(unhex(record["key"]))
        nonce, aad = unhex(record["nonce"]), unhex(record["aad"])
        pt, sealed = unhex(record["plaintext"]), unhex(record["ciphertext"])
        assert aead.encrypt(nonce, pt, aad) == sealed
        assert aead.decrypt(nonce, sealed, aad) == pt


def test_aessiv_openssl_vectors():
    records = _records("SIV", "openssl.txt")
    assert records
    for record in records:
        aead = AESSIV(unhex(record["key"]))
        # AAD, AAD2, AAD3...: the vector of associated-data items, in order.
        aad = [unhex(record[k]) for k in ("aad", "aad2", "aad3", "aad4") if k in record]
        pt = unhex(record["plaintext"])
        sealed = unhex(record["tag"]) + unhex(record["ciphertext"])
        assert aead.encrypt(pt, aad) == sealed
        assert aead.decrypt(sealed, aad) == pt


def test_aesgcmsiv_openssl_vectors():
    records = _records("GCM-SIV", "openssl.txt")
    assert records
    for record in records:
        aead = AESGCMSIV(unhex(record["key"]))
        nonce, aad = unhex(record["iv"]), unhex(record.get("aad", ""))
        pt = unhex(record["plaintext"])
        sealed = unhex(record["ciphertext"]) + unhex(record["tag"])
        assert aead.encrypt(nonce, pt, aad) == sealed
        assert aead.decrypt(nonce, sealed, aad) == pt


@pytest.mark.parametrize(
    ("name", "make", "nonce_ok"),
    [
        ("aes_gcm_siv_test.json", AESGCMSIV, lambda n: len(n) == 12),
        ("aes_ccm_test.json", AESCCM, lambda n: 7 <= len(n) <= 13),
    ],
)
def test_wycheproof_nonce_aeads(wycheproof_root, name, make, nonce_ok):
    checked = 0
    for group, test in wycheproof_groups(wycheproof_root, name):
        key, nonce = unhex(test["key"]), unhex(test["iv"])
        tag_len = group["tagSize"] // 8
        try:
            aead = make(key, tag_len) if make is AESCCM else make(key)
        except ValueError:
            continue  # key or tag sizes the class does not take
        pt, aad = unhex(test["msg"]), unhex(test["aad"])
        sealed = unhex(test["ct"]) + unhex(test["tag"])
        if not nonce_ok(nonce):
            with pytest.raises(ValueError):
                aead.encrypt(nonce, pt, aad)
            continue
        if test["result"] == "valid":
            assert aead.encrypt(nonce, pt, aad) == sealed, test["tcId"]
            assert aead.decrypt(nonce, sealed, aad) == pt
        else:
            with pytest.raises(InvalidTag):
                aead.decrypt(nonce, sealed, aad)
        checked += 1
    assert checked > 0


def _deterministic_siv(test):
    # aes_siv_cmac: one associated-data item; `ct` is the synthetic IV then ciphertext.
    return [unhex(test["aad"])], unhex(test["ct"])


def _nonce_based_siv(test):
    # aead_aes_siv_cmac, the nonce-based form (RFC 5297 section 3): the nonce is the last
    # associated-data component; the output is the synthetic IV then the ciphertext.
    return [unhex(test["aad"]), unhex(test["iv"])], unhex(test["tag"] + test["ct"])


@pytest.mark.parametrize(
    ("name", "split", "at_least"),
    [
        ("aes_siv_cmac_test.json", _deterministic_siv, 1),
        ("aead_aes_siv_cmac_test.json", _nonce_based_siv, 800),
    ],
)
def test_wycheproof_aes_siv(wycheproof_root, name, split, at_least):
    checked = 0
    for _group, test in wycheproof_groups(wycheproof_root, name):
        try:
            aead = AESSIV(unhex(test["key"]))
        except ValueError:
            continue
        (aad, sealed), pt = split(test), unhex(test["msg"])
        if test["result"] == "valid":
            assert aead.encrypt(pt, aad) == sealed, test["tcId"]
            assert aead.decrypt(sealed, aad) == pt
        else:
            with pytest.raises(InvalidTag):
                aead.decrypt(sealed, aad)
        checked += 1
    assert checked >= at_least


def test_new_aead_rules_and_known_answers():
    # Known answers computed by the reference implementation.
    ccm = AESCCM(b"k" * 16)
    assert (
        ccm.encrypt(b"n" * 13, b"abc", b"aad").hex()
        == "caabc8bd0d60677e3aa83c76abe4e2b8d7f206"
    )
    assert (
        AESCCM(b"k" * 16, 8).encrypt(b"n" * 7, b"abc", b"aad").hex()
        == "7c82e6578fea81034062a5"
    )
    ocb = AESOCB3(b"k" * 16)
    assert (
        ocb.encrypt(b"n" * 12, b"abc", b"aad").hex()
        == "738508eb3eb9479d0f6b5fcc2935025c9bc940"
    )
    siv = AESSIV(b"k" * 32)
    assert (
        siv.encrypt(b"abc", [b"a", b"b"]).hex()
        == "529936f678c43da122a12388ef8553067bfbca"
    )
    assert siv.decrypt(siv.encrypt(b"", None), None) == b""
    gcmsiv = AESGCMSIV(b"k" * 16)
    assert (
        gcmsiv.encrypt(b"n" * 12, b"", None).hex() == "0ff8eebada6c41ee8b33e47089818e5f"
    )
    assert (
        gcmsiv.encrypt(b"n" * 12, b"abc", b"aad").hex()
        == "e2895fce30da676e595ad9a12207f1cd0ae899"
    )

    with pytest.raises(ValueError, match="AESCCM key must be 128, 192, or 256 bits."):
        AESCCM(b"k" * 15)
    with pytest.raises(ValueError, match="Invalid tag_length"):
        AESCCM(b"k" * 16, tag_length=5)
    with pytest.raises(ValueError, match="Nonce must be between 7 and 13 bytes"):
        ccm.encrypt(b"n" * 6, b"", None)
    with pytest.raises(ValueError, match="Data too long for nonce"):
        ccm.encrypt(b"n" * 13, b"a" * 70000, None)
    with pytest.raises(InvalidTag):
        ccm.decrypt(b"n" * 13, b"a" * 5, None)
    with pytest.raises(ValueError, match="AESOCB3 key must be 128, 192, or 256 bits."):
        AESOCB3(b"k" * 15)
    for nonce in (b"n" * 11, b"n" * 16):
        with pytest.raises(ValueError, match="Nonce must be between 12 and 15 bytes"):
            ocb.encrypt(nonce, b"", None)
    with pytest.raises(ValueError, match="AESSIV key must be 256, 384, or 512 bits."):
        AESSIV(b"k" * 16)
    with pytest.raises(TypeError, match="'bytes' object is not an instance of 'list'"):
        siv.encrypt(b"abc", b"a")  # type: ignore[arg-type]
    with pytest.raises(InvalidTag):
        siv.decrypt(b"a" * 15, None)
    with pytest.raises(ValueError, match="bit_length must be 256, 384, or 512"):
        AESSIV.generate_key(128)
    assert len(AESSIV.generate_key(512)) == 64
    with pytest.raises(
        ValueError, match="AES-GCM-SIV key must be 128, 192 or 256 bits."
    ):
        AESGCMSIV(b"k" * 20)
    with pytest.raises(ValueError, match="Nonce must be 12 bytes long"):
        gcmsiv.encrypt(b"n" * 11, b"", None)
    assert ocb.encrypt_into(b"n" * 12, b"abc", None, bytearray(19)) == 19
    out = bytearray(3)
    assert siv.decrypt_into(siv.encrypt(b"abc", None), None, out) == 3
    assert bytes(out) == b"abc"
    # One object used for several messages in a row, multi-block ones included.
    for aead, nonce in ((ocb, b"n" * 15), (ccm, b"n" * 9), (gcmsiv, b"n" * 12)):
        for size in (0, 1, 16, 33, 100):
            assert (
                aead.decrypt(nonce, aead.encrypt(nonce, b"z" * size, b"a"), b"a")
                == b"z" * size
            )


# XChaCha20Poly1305: an addition beyond the reference API.

from cryptography.hazmat.primitives.ciphers.aead import XChaCha20Poly1305  # noqa: E402


def test_xchacha20poly1305_draft_vector():
    # draft-irtf-cfrg-xchacha, appendix A.3.1.
    key = unhex("808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f")
    nonce = unhex("404142434445464748494a4b4c4d4e4f5051525354555657")
    aad = unhex("50515253c0c1c2c3c4c5c6c7")
    pt = (
        b"Ladies and Gentlemen of the class of '99: If I could offer you only one "
        b"tip for the future, sunscreen would be it."
    )
    sealed = XChaCha20Poly1305(key).encrypt(nonce, pt, aad)
    assert sealed[:8].hex() == "bd6d179d3e83d43b"
    assert sealed[-16:].hex() == "c0875924c1c7987947deafd8780acf49"
    _round_trip(XChaCha20Poly1305(key), nonce, pt, aad, sealed[:-16], sealed[-16:])


def test_xchacha20poly1305_wycheproof(wycheproof_root):
    checked = 0
    for _group, test in wycheproof_groups(
        wycheproof_root, "xchacha20_poly1305_test.json"
    ):
        aead = XChaCha20Poly1305(unhex(test["key"]))
        nonce, pt, aad = unhex(test["iv"]), unhex(test["msg"]), unhex(test["aad"])
        sealed = unhex(test["ct"]) + unhex(test["tag"])
        if len(nonce) != 24:
            with pytest.raises(ValueError, match="Nonce must be 24 bytes"):
                aead.encrypt(nonce, pt, aad)
            continue
        if test["result"] == "valid":
            assert aead.encrypt(nonce, pt, aad) == sealed, test["tcId"]
            assert aead.decrypt(nonce, sealed, aad) == pt
        else:
            with pytest.raises(InvalidTag):
                aead.decrypt(nonce, sealed, aad)
        checked += 1
    assert checked > 0


def test_xchacha20poly1305_rules():
    with pytest.raises(ValueError, match="XChaCha20Poly1305 key must be 32 bytes."):
        XChaCha20Poly1305(b"k" * 16)
    aead = XChaCha20Poly1305(XChaCha20Poly1305.generate_key())
    with pytest.raises(ValueError, match="Nonce must be 24 bytes"):
        aead.encrypt(b"n" * 12, b"", None)
    with pytest.raises(InvalidTag):
        aead.decrypt(b"n" * 24, b"x" * 10, None)
    buf = bytearray(19)
    assert aead.encrypt_into(b"n" * 24, b"abc", None, buf) == 19
    out = bytearray(3)
    assert aead.decrypt_into(b"n" * 24, bytes(buf), None, out) == 3
    assert bytes(out) == b"abc"


@pytest.mark.skipif(sys.maxsize < 2**32, reason="needs a 64-bit address space")
def test_lengths_beyond_the_limit_overflow_before_other_rules():
    # 2**32 bytes, mapped and never read: every AEAD refuses lengths above 2**31 - 1 with
    # OverflowError, before its own rules (CCM's nonce-bounded length) are looked at.
    import mmap

    from cryptography.hazmat.primitives.ciphers.aead import AESCCM

    large: typing.Any = mmap.mmap(-1, 2**32, prot=mmap.PROT_READ)
    try:
        for aead in (AESCCM(b"k" * 16), AESGCM(b"k" * 16)):
            with pytest.raises(OverflowError, match="Max 2\\*\\*31 - 1 bytes"):
                aead.encrypt(b"0" * 12, large, b"")
            with pytest.raises(OverflowError, match="Max 2\\*\\*31 - 1 bytes"):
                aead.encrypt(b"0" * 12, b"", large)
    finally:
        large.close()
