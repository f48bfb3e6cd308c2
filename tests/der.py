"""A few DER writers (X.690), for tests that need encodings no key generator makes:
an exponent of 2, an iteration count of 2**40."""

from __future__ import annotations

import base64


def tlv(tag: int, content: bytes) -> bytes:
    n = len(content)
    if n < 0x80:
        length = bytes([n])
    else:
        encoded = n.to_bytes((n.bit_length() + 7) // 8, "big")
        length = bytes([0x80 | len(encoded)]) + encoded
    return bytes([tag]) + length + content


def integer(value: int) -> bytes:
    """A non-negative INTEGER (with the leading zero its sign bit needs)."""
    return tlv(0x02, value.to_bytes(value.bit_length() // 8 + 1, "big"))


def octets(value: bytes) -> bytes:
    return tlv(0x04, value)


def sequence(*parts: bytes) -> bytes:
    return tlv(0x30, b"".join(parts))


def oid(dotted: str) -> bytes:
    arcs = [int(arc) for arc in dotted.split(".")]
    body = bytearray([40 * arcs[0] + arcs[1]])
    for arc in arcs[2:]:
        chunk = [arc & 0x7F]
        arc >>= 7
        while arc:
            chunk.append(0x80 | (arc & 0x7F))
            arc >>= 7
        body.extend(reversed(chunk))
    return tlv(0x06, bytes(body))


def pem(label: str, der: bytes) -> bytes:
    text = base64.b64encode(der)
    lines = b"\n".join(text[i : i + 64] for i in range(0, len(text), 64))
    return (
        f"-----BEGIN {label}-----\n".encode()
        + lines
        + f"\n-----END {label}-----\n".encode()
    )
