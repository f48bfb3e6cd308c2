# This file is dual licensed under the terms of the Apache License, Version
# 2.0, and the BSD License. See the LICENSE file in the root of this repository
# for complete details.

import typing

from cryptography.hazmat.primitives import _serialization
from cryptography.hazmat.primitives.asymmetric.types import (
    PrivateKeyTypes,
    PublicKeyTypes,
)
from cryptography.utils import Buffer

__all__ = [
    "Encoding",
    "ParameterFormat",
    "PrivateFormat",
    "PublicFormat",
    "load_der_private_key",
    "load_der_public_key",
    "load_pem_private_key",
    "load_pem_public_key",
]

@typing.final
class Encoding:
    PEM: typing.ClassVar[Encoding]
    DER: typing.ClassVar[Encoding]
    OpenSSH: typing.ClassVar[Encoding]
    Raw: typing.ClassVar[Encoding]
    X962: typing.ClassVar[Encoding]
    SMIME: typing.ClassVar[Encoding]
    def __int__(self) -> int: ...

@typing.final
class PrivateFormat:
    PKCS8: typing.ClassVar[PrivateFormat]
    TraditionalOpenSSL: typing.ClassVar[PrivateFormat]
    Raw: typing.ClassVar[PrivateFormat]
    OpenSSH: typing.ClassVar[PrivateFormat]
    PKCS12: typing.ClassVar[PrivateFormat]
    def __int__(self) -> int: ...
    def encryption_builder(
        self,
    ) -> _serialization.KeySerializationEncryptionBuilder: ...

@typing.final
class PublicFormat:
    SubjectPublicKeyInfo: typing.ClassVar[PublicFormat]
    PKCS1: typing.ClassVar[PublicFormat]
    OpenSSH: typing.ClassVar[PublicFormat]
    Raw: typing.ClassVar[PublicFormat]
    CompressedPoint: typing.ClassVar[PublicFormat]
    UncompressedPoint: typing.ClassVar[PublicFormat]
    def __int__(self) -> int: ...

@typing.final
class ParameterFormat:
    PKCS3: typing.ClassVar[ParameterFormat]
    def __int__(self) -> int: ...

def load_der_private_key(
    data: Buffer,
    password: Buffer | None,
    backend: typing.Any = None,
    *,
    unsafe_skip_rsa_key_validation: bool = False,
) -> PrivateKeyTypes: ...
def load_pem_private_key(
    data: Buffer,
    password: Buffer | None,
    backend: typing.Any = None,
    *,
    unsafe_skip_rsa_key_validation: bool = False,
) -> PrivateKeyTypes: ...
def load_der_public_key(data: Buffer, backend: typing.Any = None) -> PublicKeyTypes: ...
def load_pem_public_key(data: Buffer, backend: typing.Any = None) -> PublicKeyTypes: ...
