# This file is dual licensed under the terms of the Apache License, Version
# 2.0, and the BSD License. See the LICENSE file in the root of this repository
# for complete details.

import typing

from cryptography.hazmat.bindings._rust import ObjectIdentifier
from cryptography.x509.name import Name

__all__ = [
    "encode_name_bytes",
    "escape_rfc4514_value",
    "load_der_name",
    "parse_rfc4514",
]

def escape_rfc4514_value(value: str) -> str: ...
def parse_rfc4514(
    data: str, names: typing.Mapping[str, ObjectIdentifier]
) -> list[list[tuple[ObjectIdentifier, str]]]: ...
def load_der_name(data: bytes) -> Name: ...
def encode_name_bytes(name: Name) -> bytes: ...
