from __future__ import annotations

import pytest

from cryptography.hazmat.primitives import constant_time


def test_bytes_eq():
    assert constant_time.bytes_eq(b"foo", b"foo") is True
    assert constant_time.bytes_eq(b"foo", b"bar") is False
    assert constant_time.bytes_eq(b"foo", b"foobar") is False
    assert constant_time.bytes_eq(b"", b"") is True


@pytest.mark.parametrize(
    ("a", "b"), [("foo", b"foo"), (b"foo", "foo"), (bytearray(b"x"), b"x")]
)
def test_bytes_eq_requires_bytes(a, b):
    with pytest.raises(TypeError, match="a and b must be bytes."):
        constant_time.bytes_eq(a, b)
