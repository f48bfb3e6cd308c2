# This file is dual licensed under the terms of the Apache License, Version
# 2.0, and the BSD License. See the LICENSE file in the root of this repository
# for complete details.

"""Ed448 signatures (RFC 8032): the key interfaces, implemented natively."""

from __future__ import annotations

import abc

from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.bindings._rust import openssl as rust_openssl
from cryptography.hazmat.primitives import _serialization
from cryptography.utils import Buffer

__all__ = ["Ed448PrivateKey", "Ed448PublicKey", "UnsupportedAlgorithm"]


class Ed448PublicKey(metaclass=abc.ABCMeta):
    @classmethod
    def from_public_bytes(cls, data: Buffer) -> Ed448PublicKey:
        return rust_openssl.ed448.Ed448PublicKey.from_public_bytes(data)

    @abc.abstractmethod
    def public_bytes(
        self,
        encoding: _serialization.Encoding,
        format: _serialization.PublicFormat,
    ) -> bytes:
        """The serialized bytes of the public key."""

    @abc.abstractmethod
    def public_bytes_raw(self) -> bytes:
        """The raw bytes of the public key (same as Encoding.Raw, PublicFormat.Raw)."""

    @abc.abstractmethod
    def verify(self, signature: Buffer, data: Buffer) -> None:
        """Verifies the signature of the data; raises InvalidSignature if it does not match."""

    @abc.abstractmethod
    def __eq__(self, other: object) -> bool:
        """Checks equality."""

    @abc.abstractmethod
    def __copy__(self) -> Ed448PublicKey:
        """Returns a copy."""

    @abc.abstractmethod
    def __deepcopy__(self, memo: dict) -> Ed448PublicKey:
        """Returns a deep copy."""


Ed448PublicKey.register(rust_openssl.ed448.Ed448PublicKey)


class Ed448PrivateKey(metaclass=abc.ABCMeta):
    @classmethod
    def generate(cls) -> Ed448PrivateKey:
        return rust_openssl.ed448.Ed448PrivateKey.generate()

    @classmethod
    def from_private_bytes(cls, data: Buffer) -> Ed448PrivateKey:
        return rust_openssl.ed448.Ed448PrivateKey.from_private_bytes(data)

    @abc.abstractmethod
    def public_key(self) -> Ed448PublicKey:
        """The public key of this private key."""

    @abc.abstractmethod
    def private_bytes(
        self,
        encoding: _serialization.Encoding,
        format: _serialization.PrivateFormat,
        encryption_algorithm: _serialization.KeySerializationEncryption,
    ) -> bytes:
        """The serialized bytes of the private key."""

    @abc.abstractmethod
    def private_bytes_raw(self) -> bytes:
        """The raw bytes of the private key (same as Encoding.Raw, PrivateFormat.Raw,
        NoEncryption())."""

    @abc.abstractmethod
    def sign(self, data: Buffer) -> bytes:
        """Signs the data."""

    @abc.abstractmethod
    def __copy__(self) -> Ed448PrivateKey:
        """Returns a copy."""

    @abc.abstractmethod
    def __deepcopy__(self, memo: dict) -> Ed448PrivateKey:
        """Returns a deep copy."""


Ed448PrivateKey.register(rust_openssl.ed448.Ed448PrivateKey)
