from __future__ import annotations

import pytest

from cryptography.exceptions import AlreadyFinalized, InvalidSignature
from cryptography.hazmat.primitives.poly1305 import Poly1305
from tests.vectors import load_records, unhex


def test_rfc8439_vectors():
    records = load_records("poly1305", "rfc7539.txt")
    assert records
    for record in records:
        key, msg, tag = (unhex(record[k]) for k in ("key", "msg", "tag"))
        p = Poly1305(key)
        p.update(msg)
        assert p.finalize() == tag
        assert Poly1305.generate_tag(key, msg) == tag
        Poly1305.verify_tag(key, msg, tag)
        p = Poly1305(bytearray(key))
        p.update(memoryview(msg))
        p.verify(tag)


def test_mismatch():
    key = b"\x01" * 32
    with pytest.raises(InvalidSignature, match="Value did not match computed tag."):
        Poly1305.verify_tag(key, b"msg", b"\x00" * 16)
    p = Poly1305(key)
    with pytest.raises(InvalidSignature):
        p.verify(b"\x00" * 16)
    with pytest.raises(InvalidSignature):
        Poly1305.verify_tag(key, b"msg", Poly1305.generate_tag(key, b"msg")[:15])


def test_key_length_and_types():
    for key in (b"k" * 31, b"k" * 33, b""):
        with pytest.raises(ValueError, match="A poly1305 key is 32 bytes long"):
            Poly1305(key)
        with pytest.raises(ValueError):
            Poly1305.generate_tag(key, b"")
    with pytest.raises(TypeError):
        Poly1305("k" * 32)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Poly1305(b"k" * 32).update("x")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Poly1305(b"k" * 32).verify("x" * 16)  # type: ignore[arg-type]


def test_finalized():
    p = Poly1305(b"k" * 32)
    p.finalize()
    for call in (
        lambda: p.update(b""),
        p.finalize,
        lambda: p.verify(b"\x00" * 16),
    ):
        with pytest.raises(AlreadyFinalized, match="Context was already finalized."):
            call()
