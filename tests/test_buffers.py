"""Bytes-like input at the native boundary."""

from __future__ import annotations

import array

import pytest

from cryptography.hazmat.primitives import hashes

ABC_SHA256 = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"


@pytest.mark.parametrize(
    "data",
    [
        b"abc",
        bytearray(b"abc"),
        memoryview(b"abc"),
        memoryview(b"xabcx")[1:4],
        array.array("B", b"abc"),
    ],
)
def test_bytes_like_inputs(data):
    assert hashes.Hash.hash(hashes.SHA256(), data).hex() == ABC_SHA256


@pytest.mark.parametrize("data", ["abc", 3, None, [97, 98, 99]])
def test_non_buffers_are_type_errors(data):
    with pytest.raises(TypeError, match="Cannot convert"):
        hashes.Hash.hash(hashes.SHA256(), data)


def test_non_contiguous_memoryview_is_refused():
    view = memoryview(b"aXbXcX")[::2]
    with pytest.raises(TypeError):
        hashes.Hash.hash(hashes.SHA256(), view)


def test_exported_buffer_is_released():
    data = bytearray(b"abc")
    hashes.Hash.hash(hashes.SHA256(), data)
    data.extend(b"d")  # would raise BufferError if the export leaked
    assert data == b"abcd"
