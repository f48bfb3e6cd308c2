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
    with pytest.raises(TypeError, match="Cannot convert") as info:
        hashes.Hash.hash(hashes.SHA256(), data)
    # The hint is for text only, as the reference words it.
    hint = "Did you mean to pass a bytestring instead?"
    assert (hint in str(info.value)) is isinstance(data, str)


def test_non_contiguous_memoryview_is_refused():
    # A buffer exists but is strided: BufferError, as the reference says (not the
    # TypeError of an object without a buffer).
    view = memoryview(b"aXbXcX")[::2]
    with pytest.raises(BufferError, match="Buffer is not contiguous."):
        hashes.Hash.hash(hashes.SHA256(), view)
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

    encryptor = Cipher(algorithms.AES(b"k" * 16), modes.ECB()).encryptor()
    with pytest.raises(BufferError, match="Buffer is not contiguous."):
        encryptor.update_into(b"x" * 16, memoryview(bytearray(64))[::2])
    with pytest.raises(TypeError, match="Buffer is not writable."):
        encryptor.update_into(b"x" * 16, b"\0" * 32)


def test_exported_buffer_is_released():
    data = bytearray(b"abc")
    hashes.Hash.hash(hashes.SHA256(), data)
    data.extend(b"d")  # would raise BufferError if the export leaked
    assert data == b"abcd"
