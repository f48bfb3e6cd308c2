# This file is dual licensed under the terms of the Apache License, Version
# 2.0, and the BSD License. See the LICENSE file in the root of this repository
# for complete details.

"""RSA paddings: PKCS #1 v1.5, PSS and OAEP, and the MGF1 mask generation function.
They are value objects: two with the same parameters compare equal."""

from __future__ import annotations

import abc

from cryptography.hazmat.bindings._rust import openssl as rust_openssl
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives._asymmetric import (
    AsymmetricPadding as AsymmetricPadding,
)

__all__ = [
    "MGF",
    "MGF1",
    "OAEP",
    "PSS",
    "AsymmetricPadding",
    "PKCS1v15",
    "calculate_max_pss_salt_length",
]


class PKCS1v15(AsymmetricPadding):
    name = "EMSA-PKCS1-v1_5"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, PKCS1v15)

    __hash__ = None  # type: ignore[assignment]


class _MaxLength:
    "Sentinel: the longest salt the key and digest allow."


class _Auto:
    "Sentinel: when verifying, take the salt length from the signature."


class _DigestLength:
    "Sentinel: a salt as long as the digest."


class MGF(metaclass=abc.ABCMeta):
    _algorithm: hashes.HashAlgorithm


class MGF1(MGF):
    def __init__(self, algorithm: hashes.HashAlgorithm):
        if not isinstance(algorithm, hashes.HashAlgorithm):
            raise TypeError("Expected instance of hashes.HashAlgorithm.")
        self._algorithm = algorithm

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, MGF1):
            return NotImplemented
        return self._algorithm.name == other._algorithm.name and (
            self._algorithm.digest_size == other._algorithm.digest_size
        )

    __hash__ = None  # type: ignore[assignment]


class PSS(AsymmetricPadding):
    MAX_LENGTH = _MaxLength()
    AUTO = _Auto()
    DIGEST_LENGTH = _DigestLength()
    name = "EMSA-PSS"
    _salt_length: int | _MaxLength | _Auto | _DigestLength

    def __init__(
        self,
        mgf: MGF,
        salt_length: int | _MaxLength | _Auto | _DigestLength,
    ) -> None:
        self._mgf = mgf
        if not isinstance(salt_length, (int, _MaxLength, _Auto, _DigestLength)):
            raise TypeError(
                "salt_length must be an integer, MAX_LENGTH, DIGEST_LENGTH, or AUTO"
            )
        if isinstance(salt_length, int) and salt_length < 0:
            raise ValueError("salt_length must be zero or greater.")
        self._salt_length = salt_length

    @property
    def mgf(self) -> MGF:
        return self._mgf

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, PSS):
            return NotImplemented
        return self._mgf == other._mgf and self._salt_length == other._salt_length

    __hash__ = None  # type: ignore[assignment]


class OAEP(AsymmetricPadding):
    name = "EME-OAEP"

    def __init__(
        self,
        mgf: MGF,
        algorithm: hashes.HashAlgorithm,
        label: bytes | None,
    ):
        if not isinstance(algorithm, hashes.HashAlgorithm):
            raise TypeError("Expected instance of hashes.HashAlgorithm.")
        self._mgf = mgf
        self._algorithm = algorithm
        self._label = label

    @property
    def algorithm(self) -> hashes.HashAlgorithm:
        return self._algorithm

    @property
    def mgf(self) -> MGF:
        return self._mgf

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, OAEP):
            return NotImplemented
        return (
            self._mgf == other._mgf
            and self._algorithm.name == other._algorithm.name
            and self._label == other._label
        )

    __hash__ = None  # type: ignore[assignment]


from cryptography.hazmat.primitives.asymmetric import rsa  # noqa: E402


def calculate_max_pss_salt_length(
    key: rsa.RSAPrivateKey | rsa.RSAPublicKey,
    hash_algorithm: hashes.HashAlgorithm,
) -> int:
    """The longest PSS salt a key of this size allows with this hash."""
    if not isinstance(key, (rsa.RSAPrivateKey, rsa.RSAPublicKey)):
        raise TypeError("key must be an RSA public or private key")
    return rust_openssl.rsa.max_pss_salt_length(
        key.key_size, hash_algorithm.digest_size
    )
