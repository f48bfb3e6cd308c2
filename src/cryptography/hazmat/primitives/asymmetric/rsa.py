# This file is dual licensed under the terms of the Apache License, Version
# 2.0, and the BSD License. See the LICENSE file in the root of this repository
# for complete details.

"""RSA: key interfaces (implemented natively), the numbers classes, key generation, and
the CRT helpers."""

from __future__ import annotations

import abc
import math
import typing

from cryptography.hazmat.bindings._rust import openssl as rust_openssl
from cryptography.hazmat.primitives import _serialization, hashes
from cryptography.hazmat.primitives._asymmetric import AsymmetricPadding
from cryptography.hazmat.primitives.asymmetric import utils as asym_utils

__all__ = [
    "RSAPrivateKey",
    "RSAPrivateKeyWithSerialization",
    "RSAPrivateNumbers",
    "RSAPublicKey",
    "RSAPublicKeyWithSerialization",
    "RSAPublicNumbers",
    "generate_private_key",
    "rsa_crt_dmp1",
    "rsa_crt_dmq1",
    "rsa_crt_iqmp",
    "rsa_recover_prime_factors",
    "rsa_recover_private_exponent",
]

gcd = math.gcd
lcm = math.lcm


class RSAPrivateKey(metaclass=abc.ABCMeta):
    @abc.abstractmethod
    def decrypt(self, ciphertext: bytes, padding: AsymmetricPadding) -> bytes:
        """Decrypts the provided ciphertext."""

    @property
    @abc.abstractmethod
    def key_size(self) -> int:
        """The bit length of the public modulus."""

    @abc.abstractmethod
    def public_key(self) -> RSAPublicKey:
        """The RSAPublicKey associated with this private key."""

    @abc.abstractmethod
    def sign(
        self,
        data: bytes,
        padding: AsymmetricPadding,
        algorithm: asym_utils.Prehashed | hashes.HashAlgorithm,
    ) -> bytes:
        """Signs the data."""

    @abc.abstractmethod
    def private_numbers(self) -> RSAPrivateNumbers:
        """Returns an RSAPrivateNumbers."""

    @abc.abstractmethod
    def private_bytes(
        self,
        encoding: _serialization.Encoding,
        format: _serialization.PrivateFormat,
        encryption_algorithm: _serialization.KeySerializationEncryption,
    ) -> bytes:
        """Returns the key serialized as bytes."""

    @abc.abstractmethod
    def __copy__(self) -> RSAPrivateKey:
        """Returns a copy."""

    @abc.abstractmethod
    def __deepcopy__(self, memo: dict) -> RSAPrivateKey:
        """Returns a deep copy."""


RSAPrivateKeyWithSerialization = RSAPrivateKey
RSAPrivateKey.register(rust_openssl.rsa.RSAPrivateKey)


class RSAPublicKey(metaclass=abc.ABCMeta):
    @abc.abstractmethod
    def encrypt(self, plaintext: bytes, padding: AsymmetricPadding) -> bytes:
        """Encrypts the given plaintext."""

    @property
    @abc.abstractmethod
    def key_size(self) -> int:
        """The bit length of the public modulus."""

    @abc.abstractmethod
    def public_numbers(self) -> RSAPublicNumbers:
        """Returns an RSAPublicNumbers."""

    @abc.abstractmethod
    def public_bytes(
        self,
        encoding: _serialization.Encoding,
        format: _serialization.PublicFormat,
    ) -> bytes:
        """Returns the key serialized as bytes."""

    @abc.abstractmethod
    def verify(
        self,
        signature: bytes,
        data: bytes,
        padding: AsymmetricPadding,
        algorithm: asym_utils.Prehashed | hashes.HashAlgorithm,
    ) -> None:
        """Verifies the signature of the data."""

    @abc.abstractmethod
    def recover_data_from_signature(
        self,
        signature: bytes,
        padding: AsymmetricPadding,
        algorithm: hashes.HashAlgorithm | None,
    ) -> bytes:
        """Recovers the original data from the signature."""

    @abc.abstractmethod
    def __eq__(self, other: object) -> bool:
        """Checks equality."""

    @abc.abstractmethod
    def __copy__(self) -> RSAPublicKey:
        """Returns a copy."""

    @abc.abstractmethod
    def __deepcopy__(self, memo: dict) -> RSAPublicKey:
        """Returns a deep copy."""


RSAPublicKeyWithSerialization = RSAPublicKey
RSAPublicKey.register(rust_openssl.rsa.RSAPublicKey)


RSAPublicNumbers = rust_openssl.rsa.RSAPublicNumbers
RSAPrivateNumbers = rust_openssl.rsa.RSAPrivateNumbers


def generate_private_key(
    public_exponent: int,
    key_size: int,
    backend: typing.Any = None,
) -> RSAPrivateKey:
    # The exponent and size rules, and their messages, are the core's.
    return rust_openssl.rsa.generate_private_key(public_exponent, key_size)


def _modinv(e: int, m: int) -> int:
    """The inverse of e modulo m."""
    return pow(e, -1, m)


def _check_above_one(*values: int) -> None:
    if any(value <= 1 for value in values):
        raise ValueError("Values can't be <= 1")


def rsa_crt_iqmp(p: int, q: int) -> int:
    """The CRT coefficient q^-1 mod p."""
    _check_above_one(p, q)
    return _modinv(q, p)


def rsa_crt_dmp1(private_exponent: int, p: int) -> int:
    """The CRT exponent d mod (p - 1)."""
    _check_above_one(private_exponent, p)
    return private_exponent % (p - 1)


def rsa_crt_dmq1(private_exponent: int, q: int) -> int:
    """The CRT exponent d mod (q - 1)."""
    _check_above_one(private_exponent, q)
    return private_exponent % (q - 1)


def rsa_recover_private_exponent(e: int, p: int, q: int) -> int:
    """The private exponent d = e^-1 mod lcm(p - 1, q - 1) (Carmichael's totient)."""
    _check_above_one(e, p, q)
    return _modinv(e, lcm(p - 1, q - 1))


def rsa_recover_prime_factors(n: int, e: int, d: int) -> tuple[int, int]:
    """The primes (p, q), p > q, of a modulus whose exponents e and d are known."""
    if d <= 1 or e <= 1:
        raise ValueError("d, e can't be <= 1")
    return rust_openssl.rsa.recover_prime_factors(n, e, d)
