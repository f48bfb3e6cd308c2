# This file is dual licensed under the terms of the Apache License, Version
# 2.0, and the BSD License. See the LICENSE file in the root of this repository
# for complete details.

# Type stubs of the native module; `nox -s lint` checks them against the built module
# with mypy's stubtest.

import typing

from cryptography.hazmat.bindings._rust import asn1 as asn1
from cryptography.hazmat.bindings._rust import cobblestone as cobblestone
from cryptography.hazmat.bindings._rust import (
    declarative_asn1 as declarative_asn1,
)
from cryptography.hazmat.bindings._rust import fernet as fernet
from cryptography.hazmat.bindings._rust import keys as keys
from cryptography.hazmat.bindings._rust import ocsp as ocsp
from cryptography.hazmat.bindings._rust import openssl as openssl
from cryptography.hazmat.bindings._rust import pkcs7 as pkcs7
from cryptography.hazmat.bindings._rust import pkcs12 as pkcs12
from cryptography.hazmat.bindings._rust import ssh as ssh
from cryptography.hazmat.bindings._rust import test_support as test_support
from cryptography.hazmat.bindings._rust import x509 as x509
from cryptography.hazmat.primitives import padding
from cryptography.utils import Buffer

__all__ = [
    "ANSIX923PaddingContext",
    "ANSIX923UnpaddingContext",
    "ObjectIdentifier",
    "PKCS7PaddingContext",
    "PKCS7UnpaddingContext",
    "asn1",
    "check_padding_block_size",
    "cobblestone",
    "declarative_asn1",
    "fernet",
    "keys",
    "ocsp",
    "openssl",
    "pkcs7",
    "pkcs12",
    "ssh",
    "test_support",
    "x509",
]

def check_padding_block_size(block_size: int) -> None: ...

@typing.final
class PKCS7PaddingContext(padding.PaddingContext):
    def __new__(cls, block_size: int) -> PKCS7PaddingContext: ...
    # Returns its input object unchanged: padding depends only on the length.
    def update(self, buf: Buffer) -> bytes: ...
    def finalize(self) -> bytes: ...

@typing.final
class PKCS7UnpaddingContext(padding.PaddingContext):
    def __new__(cls, block_size: int) -> PKCS7UnpaddingContext: ...
    def update(self, buf: Buffer) -> bytes: ...
    def finalize(self) -> bytes: ...

@typing.final
class ANSIX923PaddingContext(padding.PaddingContext):
    def __new__(cls, block_size: int) -> ANSIX923PaddingContext: ...
    # Returns its input object unchanged: padding depends only on the length.
    def update(self, buf: Buffer) -> bytes: ...
    def finalize(self) -> bytes: ...

@typing.final
class ANSIX923UnpaddingContext(padding.PaddingContext):
    def __new__(cls, block_size: int) -> ANSIX923UnpaddingContext: ...
    def update(self, buf: Buffer) -> bytes: ...
    def finalize(self) -> bytes: ...

@typing.final
class ObjectIdentifier:
    def __new__(cls, value: str) -> ObjectIdentifier: ...
    @property
    def dotted_string(self) -> str: ...
    @property
    def _name(self) -> str: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __copy__(self) -> ObjectIdentifier: ...
    def __deepcopy__(self, memo: typing.Any) -> ObjectIdentifier: ...
