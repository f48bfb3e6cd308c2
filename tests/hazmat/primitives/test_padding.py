from __future__ import annotations

import pytest

from cryptography.exceptions import AlreadyFinalized
from cryptography.hazmat.primitives import padding


def _pad(scheme, block_size, *chunks):
    padder = scheme(block_size).padder()
    return b"".join(bytes(padder.update(c)) for c in chunks) + padder.finalize()


def _unpad(scheme, block_size, *chunks):
    unpadder = scheme(block_size).unpadder()
    return b"".join(unpadder.update(c) for c in chunks) + unpadder.finalize()


@pytest.mark.parametrize(
    ("block_size", "data", "padded"),
    [
        # RFC 5652, section 6.3: k - (l mod k) octets, each holding that count.
        (128, b"1111111111111111", b"1111111111111111" + b"\x10" * 16),
        (
            128,
            b"111111111111111122222222222222",
            b"111111111111111122222222222222\x02\x02",
        ),
        (64, b"", b"\x08" * 8),
        (8, b"abc", b"abc\x01"),
        (2040, b"x", b"x" + bytes([254]) * 254),
    ],
)
def test_pkcs7(block_size, data, padded):
    assert _pad(padding.PKCS7, block_size, data) == padded
    assert _pad(padding.PKCS7, block_size, data[:3], data[3:]) == padded
    assert _unpad(padding.PKCS7, block_size, padded) == data
    assert _unpad(padding.PKCS7, block_size, padded[:5], b"", padded[5:]) == data


@pytest.mark.parametrize(
    ("block_size", "data", "padded"),
    [
        # ANSI X9.23: zero octets, the last holding the count.
        (
            128,
            b"1111111111111111",
            b"1111111111111111" + b"\x00" * 15 + b"\x10",
        ),
        (64, b"abc", b"abc\x00\x00\x00\x00\x05"),
        (64, b"abcdefg", b"abcdefg\x01"),
    ],
)
def test_ansix923(block_size, data, padded):
    assert _pad(padding.ANSIX923, block_size, data) == padded
    assert _unpad(padding.ANSIX923, block_size, padded) == data
    assert _unpad(padding.ANSIX923, block_size, padded[:1], padded[1:]) == data


def test_padder_passes_input_through():
    data = bytearray(b"a" * 20)
    padder = padding.PKCS7(128).padder()
    assert padder.update(data) is data
    assert padder.finalize() == b"\x0c" * 12
    view = memoryview(b"abc")
    padder = padding.ANSIX923(64).padder()
    assert padder.update(view) is view


def test_unpadder_holds_back_the_last_block():
    unpadder = padding.PKCS7(64).unpadder()
    assert unpadder.update(b"a" * 7) == b""
    assert unpadder.update(b"\x01" * 9) == b"aaaaaaa\x01"
    assert unpadder.update(b"") == b""
    assert unpadder.finalize() == b"\x01" * 7


@pytest.mark.parametrize(
    ("scheme", "padded"),
    [
        (padding.PKCS7, b"1111111111111111"),
        (padding.PKCS7, b"111111111111111\x00"),
        (padding.PKCS7, b"111111111111111\x11"),
        (padding.PKCS7, b"11111111111111\x01\x02"),
        (padding.PKCS7, b"111111111111111"),
        (padding.PKCS7, b""),
        (padding.PKCS7, b"1111111111111111" + b"1111111111111111"),
        (padding.ANSIX923, b"11111111111111\x01\x02"),
        (padding.ANSIX923, b"1111111111111\x00\x01\x03"),
        (padding.ANSIX923, b"111111111111111\x00"),
        (padding.ANSIX923, b"11111111111111"),
    ],
)
def test_invalid_padding(scheme, padded):
    with pytest.raises(ValueError, match="Invalid padding bytes."):
        _unpad(scheme, 128, padded)


@pytest.mark.parametrize("scheme", [padding.PKCS7, padding.ANSIX923])
def test_block_size_checks(scheme):
    with pytest.raises(ValueError, match="block_size must be a multiple of 8."):
        scheme(12)
    with pytest.raises(ValueError, match=r"block_size must be in range\(0, 2041\)."):
        scheme(2048)
    with pytest.raises(ValueError, match=r"block_size must be in range\(0, 2041\)."):
        scheme(-8)
    # A zero block size passes the range check but cannot pad anything: refused, not
    # divided by.
    with pytest.raises(ValueError):
        scheme(0).padder()
    with pytest.raises(ValueError):
        scheme(0).unpadder()


@pytest.mark.parametrize("scheme", [padding.PKCS7, padding.ANSIX923])
def test_finalized_and_types(scheme):
    for context in (scheme(128).padder(), scheme(128).unpadder()):
        with pytest.raises(TypeError):
            context.update("abc")
        if context is not None:
            try:
                context.finalize()
            except ValueError:
                pass  # an unpadder with no input has no valid padding
        with pytest.raises(AlreadyFinalized, match="Context was already finalized."):
            context.update(b"")
        with pytest.raises(AlreadyFinalized, match="Context was already finalized."):
            context.finalize()
    assert isinstance(scheme(128).padder(), padding.PaddingContext)
    assert isinstance(scheme(128).unpadder(), padding.PaddingContext)
