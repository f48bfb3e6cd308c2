from __future__ import annotations

import pytest

from cryptography.exceptions import (
    AlreadyFinalized,
    InvalidSignature,
    UnsupportedAlgorithm,
    _Reasons,
)
from cryptography.hazmat.primitives import hashes, hmac
from tests.vectors import load_records, unhex, wycheproof_groups

RFC_FILES = [
    ("rfc-2202-md5.txt", hashes.MD5()),
    ("rfc-2202-sha1.txt", hashes.SHA1()),
    ("rfc-4231-sha224.txt", hashes.SHA224()),
    ("rfc-4231-sha256.txt", hashes.SHA256()),
    ("rfc-4231-sha384.txt", hashes.SHA384()),
    ("rfc-4231-sha512.txt", hashes.SHA512()),
]


@pytest.mark.parametrize(("name", "algorithm"), RFC_FILES)
def test_rfc_vectors(name, algorithm):
    records = load_records("HMAC", name)
    assert records
    for record in records:
        key, msg, expected = (unhex(record[k]) for k in ("key", "msg", "md"))
        h = hmac.HMAC(key, algorithm)
        h.update(msg)
        assert h.copy().finalize() == expected
        h.verify(expected)


WYCHEPROOF_FILES = {
    "hmac_sha1_test.json": hashes.SHA1(),
    "hmac_sha224_test.json": hashes.SHA224(),
    "hmac_sha256_test.json": hashes.SHA256(),
    "hmac_sha384_test.json": hashes.SHA384(),
    "hmac_sha512_test.json": hashes.SHA512(),
    "hmac_sha512_224_test.json": hashes.SHA512_224(),
    "hmac_sha512_256_test.json": hashes.SHA512_256(),
    "hmac_sha3_224_test.json": hashes.SHA3_224(),
    "hmac_sha3_256_test.json": hashes.SHA3_256(),
    "hmac_sha3_384_test.json": hashes.SHA3_384(),
    "hmac_sha3_512_test.json": hashes.SHA3_512(),
    "hmac_sm3_test.json": hashes.SM3(),
}


@pytest.mark.parametrize("name", sorted(WYCHEPROOF_FILES))
def test_wycheproof(wycheproof_root, name):
    algorithm = WYCHEPROOF_FILES[name]
    count = 0
    for group, test in wycheproof_groups(wycheproof_root, name):
        tag_len = group["tagSize"] // 8
        h = hmac.HMAC(unhex(test["key"]), algorithm)
        h.update(unhex(test["msg"]))
        computed = h.finalize()[:tag_len]
        tag = unhex(test["tag"])
        assert (computed == tag) is (test["result"] == "valid"), test["tcId"]
        if tag_len == algorithm.digest_size:
            h = hmac.HMAC(unhex(test["key"]), algorithm)
            h.update(unhex(test["msg"]))
            if test["result"] == "valid":
                h.verify(tag)
            else:
                with pytest.raises(InvalidSignature):
                    h.verify(tag)
        count += 1
    assert count > 0


def test_blake2_and_sha3_keys():
    # Long keys are hashed first; the block size is the digest's own (a rate for SHA-3).
    for algorithm in (
        hashes.BLAKE2b(64),
        hashes.BLAKE2s(32),
        hashes.SHA3_256(),
    ):
        h = hmac.HMAC(b"k" * 200, algorithm)
        h.update(b"message")
        assert len(h.finalize()) == algorithm.digest_size


def test_verify_mismatch_and_finalized():
    h = hmac.HMAC(b"key", hashes.SHA256())
    h.update(b"msg")
    with pytest.raises(InvalidSignature, match="Signature did not match digest."):
        h.verify(b"\x00" * 32)
    with pytest.raises(AlreadyFinalized):
        h.verify(b"\x00" * 32)
    for call in (lambda: h.update(b""), h.finalize, h.copy):
        with pytest.raises(AlreadyFinalized, match="Context was already finalized."):
            call()


def test_verify_wrong_length_tag_fails():
    h = hmac.HMAC(b"key", hashes.SHA256())
    tag = h.copy().finalize()
    with pytest.raises(InvalidSignature):
        h.verify(tag[:16])


def test_verify_requires_bytes():
    h = hmac.HMAC(b"key", hashes.SHA256())
    with pytest.raises(TypeError):
        h.verify("x" * 32)  # type: ignore[arg-type]


def test_type_errors():
    with pytest.raises(TypeError):
        hmac.HMAC("key", hashes.SHA256())  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        hmac.HMAC(b"key", hashes.SHA256()).update("x")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="Expected instance of hashes.HashAlgorithm."):
        hmac.HMAC(b"key", "sha256")  # type: ignore[arg-type]


def test_unsupported_digests():
    with pytest.raises(
        UnsupportedAlgorithm, match="Digest is not supported for HMAC"
    ) as info:
        hmac.HMAC(b"key", hashes.SHAKE128(16))
    assert info.value._reason is _Reasons.UNSUPPORTED_HASH

    class Unknown(hashes.HashAlgorithm):
        name = "unknown"
        digest_size = 32
        block_size = 64

    with pytest.raises(UnsupportedAlgorithm) as info:
        hmac.HMAC(b"key", Unknown())
    assert info.value._reason is _Reasons.UNSUPPORTED_HASH


def test_bytes_like_key_and_data():
    expected = hmac.HMAC(b"key", hashes.SHA256())
    expected.update(b"data")
    tag = expected.finalize()
    for kind in (bytearray, memoryview):
        h = hmac.HMAC(kind(b"key"), hashes.SHA256())
        h.update(kind(b"data"))
        assert h.finalize() == tag


def test_empty_key_and_properties():
    h = hmac.HMAC(b"", hashes.SHA256(), backend=None)
    assert h.finalize() == unhex(
        "b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad"
    )
    algorithm = hashes.SHA1()
    assert hmac.HMAC(b"k", algorithm).algorithm is algorithm
    assert isinstance(hmac.HMAC(b"k", algorithm), hashes.HashContext)
