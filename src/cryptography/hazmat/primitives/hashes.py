# This file is dual licensed under the terms of the Apache License, Version
# 2.0, and the BSD License. See the LICENSE file in the root of this repository
# for complete details.

from __future__ import annotations

import abc
import sys
import typing

from cryptography.hazmat.bindings._rust import openssl as rust_openssl

__all__ = [
    "MD5",
    "SHA1",
    "SHA3_224",
    "SHA3_256",
    "SHA3_384",
    "SHA3_512",
    "SHA224",
    "SHA256",
    "SHA384",
    "SHA512",
    "SHA512_224",
    "SHA512_256",
    "SHAKE128",
    "SHAKE256",
    "SM3",
    "BLAKE2b",
    "BLAKE2s",
    "ExtendableOutputFunction",
    "Hash",
    "HashAlgorithm",
    "HashContext",
    "XOFHash",
]


class HashAlgorithm(metaclass=abc.ABCMeta):
    @property
    @abc.abstractmethod
    def name(self) -> str:
        """A string naming this algorithm (e.g. "sha256", "md5")."""

    @property
    @abc.abstractmethod
    def digest_size(self) -> int:
        """The size of the resulting digest in bytes."""

    @property
    @abc.abstractmethod
    def block_size(self) -> int | None:
        """The internal block size of the hash function, or None if unknown."""


_Algorithm = typing.TypeVar("_Algorithm", bound=type[HashAlgorithm])


def _compared_by_value(cls: _Algorithm) -> _Algorithm:
    """The algorithms of this module are values: equal when they are the same class with
    the same output size, and (being mutable-looking values) unhashable."""

    def equal_by_value(self: HashAlgorithm, other: object) -> bool:
        if not isinstance(other, HashAlgorithm):
            return NotImplemented
        return type(self) is type(other) and self.digest_size == other.digest_size

    cls.__eq__ = equal_by_value  # type: ignore[method-assign,assignment]
    cls.__hash__ = None  # type: ignore[assignment]
    return cls


class HashContext(metaclass=abc.ABCMeta):
    @property
    @abc.abstractmethod
    def algorithm(self) -> HashAlgorithm:
        """The HashAlgorithm this context uses."""

    @abc.abstractmethod
    def update(self, data: bytes) -> None:
        """Processes the provided bytes through the hash."""

    @abc.abstractmethod
    def finalize(self) -> bytes:
        """Finalizes the hash context and returns the hash digest as bytes."""

    @abc.abstractmethod
    def copy(self) -> HashContext:
        """Returns a copy of the current hash context."""


Hash = rust_openssl.hashes.Hash
HashContext.register(Hash)

XOFHash = rust_openssl.hashes.XOFHash


class ExtendableOutputFunction(metaclass=abc.ABCMeta):
    """An interface for extendable output functions."""


@_compared_by_value
class SHA1(HashAlgorithm):
    name = "sha1"
    digest_size = 20
    block_size = 64


@_compared_by_value
class SHA512_224(HashAlgorithm):  # noqa: N801
    name = "sha512-224"
    digest_size = 28
    block_size = 128


@_compared_by_value
class SHA512_256(HashAlgorithm):  # noqa: N801
    name = "sha512-256"
    digest_size = 32
    block_size = 128


@_compared_by_value
class SHA224(HashAlgorithm):
    name = "sha224"
    digest_size = 28
    block_size = 64


@_compared_by_value
class SHA256(HashAlgorithm):
    name = "sha256"
    digest_size = 32
    block_size = 64


@_compared_by_value
class SHA384(HashAlgorithm):
    name = "sha384"
    digest_size = 48
    block_size = 128


@_compared_by_value
class SHA512(HashAlgorithm):
    name = "sha512"
    digest_size = 64
    block_size = 128


@_compared_by_value
class SHA3_224(HashAlgorithm):  # noqa: N801
    name = "sha3-224"
    digest_size = 28
    block_size = None


@_compared_by_value
class SHA3_256(HashAlgorithm):  # noqa: N801
    name = "sha3-256"
    digest_size = 32
    block_size = None


@_compared_by_value
class SHA3_384(HashAlgorithm):  # noqa: N801
    name = "sha3-384"
    digest_size = 48
    block_size = None


@_compared_by_value
class SHA3_512(HashAlgorithm):  # noqa: N801
    name = "sha3-512"
    digest_size = 64
    block_size = None


_ShakeT = typing.TypeVar("_ShakeT", bound="_Shake")


class _Shake(HashAlgorithm, ExtendableOutputFunction):
    """SHAKE128 and SHAKE256: the output length is chosen per instance."""

    block_size = None

    def __init__(self, digest_size: int):
        if not isinstance(digest_size, int):
            raise TypeError("digest_size must be an integer")
        if digest_size < 1:
            raise ValueError("digest_size must be a positive integer")
        self._digest_size = digest_size

    @property
    def digest_size(self) -> int:
        return self._digest_size

    @classmethod
    def xof(cls: type[_ShakeT]) -> _ShakeT:
        """The function with unbounded output, for reading with XOFHash."""
        return cls(sys.maxsize)


@_compared_by_value
class SHAKE128(_Shake):
    name = "shake128"


@_compared_by_value
class SHAKE256(_Shake):
    name = "shake256"


@_compared_by_value
class MD5(HashAlgorithm):
    name = "md5"
    digest_size = 16
    block_size = 64


class _Blake2(HashAlgorithm):
    """BLAKE2 at its full output size, the only one OpenSSL offers."""

    _max_digest_size: int
    _min_digest_size = 1

    def __init__(self, digest_size: int):
        if digest_size != self._max_digest_size:
            raise ValueError(f"Digest size must be {self._max_digest_size}")
        self._digest_size = digest_size

    @property
    def digest_size(self) -> int:
        return self._digest_size


@_compared_by_value
class BLAKE2b(_Blake2):
    name = "blake2b"
    block_size = 128
    _max_digest_size = 64


@_compared_by_value
class BLAKE2s(_Blake2):
    name = "blake2s"
    block_size = 64
    _max_digest_size = 32


@_compared_by_value
class SM3(HashAlgorithm):
    name = "sm3"
    digest_size = 32
    block_size = 64
