# This file is dual licensed under the terms of the Apache License, Version
# 2.0, and the BSD License. See the LICENSE file in the root of this repository
# for complete details.

"""Finite-field Diffie-Hellman: the key and group interfaces (implemented natively), the
numbers classes, and group generation.

Every public name of this module is deprecated, as in pyca/cryptography 50: reading one
warns with `CryptographyDeprecationWarning`. `_DHPublicKey` and `_DHPrivateKey` are the
same classes without the warning, for the key-type unions.
"""

from __future__ import annotations

import abc

from cryptography import utils
from cryptography.hazmat.bindings._rust import openssl as rust_openssl
from cryptography.hazmat.primitives import _serialization

_FFDH_DEPRECATION_MSG = (
    "Diffie-Hellman over finite fields (FFDH) is deprecated and support "
    "will be removed in a future release. Use a more modern key exchange "
    "algorithm."
)

generate_parameters = rust_openssl.dh.generate_parameters

DHPrivateNumbers = rust_openssl.dh.DHPrivateNumbers
DHPublicNumbers = rust_openssl.dh.DHPublicNumbers
DHParameterNumbers = rust_openssl.dh.DHParameterNumbers


class DHParameters(metaclass=abc.ABCMeta):
    @abc.abstractmethod
    def generate_private_key(self) -> DHPrivateKey:
        """A new private key in this group."""

    @abc.abstractmethod
    def parameter_bytes(
        self,
        encoding: _serialization.Encoding,
        format: _serialization.ParameterFormat,
    ) -> bytes:
        """The group serialized (PKCS#3, or X9.42 when it has q)."""

    @abc.abstractmethod
    def parameter_numbers(self) -> DHParameterNumbers:
        """The group's integers."""


DHParametersWithSerialization = DHParameters
DHParameters.register(rust_openssl.dh.DHParameters)


class DHPublicKey(metaclass=abc.ABCMeta):
    @property
    @abc.abstractmethod
    def key_size(self) -> int:
        """The bit length of the prime modulus."""

    @abc.abstractmethod
    def parameters(self) -> DHParameters:
        """The key's group."""

    @abc.abstractmethod
    def public_numbers(self) -> DHPublicNumbers:
        """The key's integers."""

    @abc.abstractmethod
    def public_bytes(
        self,
        encoding: _serialization.Encoding,
        format: _serialization.PublicFormat,
    ) -> bytes:
        """The key serialized (SubjectPublicKeyInfo)."""

    @abc.abstractmethod
    def __eq__(self, other: object) -> bool:
        """Whether both are the same key in the same group."""

    @abc.abstractmethod
    def __copy__(self) -> DHPublicKey:
        """Returns a copy."""

    @abc.abstractmethod
    def __deepcopy__(self, memo: dict) -> DHPublicKey:
        """Returns a deep copy."""


DHPublicKeyWithSerialization = DHPublicKey
DHPublicKey.register(rust_openssl.dh.DHPublicKey)


class DHPrivateKey(metaclass=abc.ABCMeta):
    @property
    @abc.abstractmethod
    def key_size(self) -> int:
        """The bit length of the prime modulus."""

    @abc.abstractmethod
    def public_key(self) -> DHPublicKey:
        """The public half."""

    @abc.abstractmethod
    def parameters(self) -> DHParameters:
        """The key's group."""

    @abc.abstractmethod
    def exchange(self, peer_public_key: DHPublicKey) -> bytes:
        """The shared secret with a peer in the same group, as long as p."""

    @abc.abstractmethod
    def private_numbers(self) -> DHPrivateNumbers:
        """The key's integers."""

    @abc.abstractmethod
    def private_bytes(
        self,
        encoding: _serialization.Encoding,
        format: _serialization.PrivateFormat,
        encryption_algorithm: _serialization.KeySerializationEncryption,
    ) -> bytes:
        """The key serialized (PKCS#8)."""

    @abc.abstractmethod
    def __copy__(self) -> DHPrivateKey:
        """Returns a copy."""

    @abc.abstractmethod
    def __deepcopy__(self, memo: dict) -> DHPrivateKey:
        """Returns a deep copy."""


DHPrivateKeyWithSerialization = DHPrivateKey
DHPrivateKey.register(rust_openssl.dh.DHPrivateKey)

# Without the warning, for the unions of asymmetric.types (evaluated at import).
_DHPublicKey = DHPublicKey
_DHPrivateKey = DHPrivateKey

for _name, _value in [
    ("generate_parameters", generate_parameters),
    ("DHPrivateNumbers", DHPrivateNumbers),
    ("DHPublicNumbers", DHPublicNumbers),
    ("DHParameterNumbers", DHParameterNumbers),
    ("DHParameters", DHParameters),
    ("DHParametersWithSerialization", DHParametersWithSerialization),
    ("DHPublicKey", DHPublicKey),
    ("DHPublicKeyWithSerialization", DHPublicKeyWithSerialization),
    ("DHPrivateKey", DHPrivateKey),
    ("DHPrivateKeyWithSerialization", DHPrivateKeyWithSerialization),
]:
    utils.deprecated(
        _value,
        __name__,
        _FFDH_DEPRECATION_MSG,
        utils.DeprecatedIn50,
        name=_name,
    )
del _name, _value
