# This file is dual licensed under the terms of the Apache License, Version
# 2.0, and the BSD License. See the LICENSE file in the root of this repository
# for complete details.

"""ML-DSA (FIPS 204) signatures: ML-DSA-44, ML-DSA-65 and ML-DSA-87.

A private key is its 32-byte seed (the only form written); signing is FIPS 204's
hedged ML-DSA with an optional context string of up to 255 bytes, or over a
precomputed message representative mu (64 bytes, see `MLDSAMuHasher`).
"""

from __future__ import annotations

import abc

from cryptography.exceptions import UnsupportedAlgorithm, _Reasons
from cryptography.hazmat.bindings._rust import openssl as rust_openssl
from cryptography.hazmat.primitives import _serialization
from cryptography.utils import Buffer


def _require_mldsa(name: str) -> None:
    from cryptography.hazmat.backends.openssl.backend import backend

    if not backend.mldsa_supported():
        raise UnsupportedAlgorithm(
            f"{name} is not supported by this backend.",
            _Reasons.UNSUPPORTED_PUBLIC_KEY_ALGORITHM,
        )


class MLDSA44PublicKey(metaclass=abc.ABCMeta):
    @classmethod
    def from_public_bytes(cls, data: bytes) -> MLDSA44PublicKey:
        _require_mldsa("ML-DSA-44")
        return rust_openssl.mldsa.from_mldsa44_public_bytes(data)

    @abc.abstractmethod
    def public_bytes(
        self,
        encoding: _serialization.Encoding,
        format: _serialization.PublicFormat,
    ) -> bytes:
        """The key in the given encoding and format."""

    @abc.abstractmethod
    def public_bytes_raw(self) -> bytes:
        """The key's encoding (1,312 bytes): public_bytes(Raw, Raw)."""

    @abc.abstractmethod
    def verify(
        self, signature: Buffer, data: Buffer, context: Buffer | None = None
    ) -> None:
        """Raises InvalidSignature unless `signature` signs `data` under
        `context`."""

    @abc.abstractmethod
    def verify_mu(self, signature: Buffer, mu: Buffer) -> None:
        """Raises InvalidSignature unless `signature` signs the 64-byte message
        representative `mu`."""

    @abc.abstractmethod
    def __eq__(self, other: object) -> bool:
        """Whether `other` is the same key."""

    @abc.abstractmethod
    def __copy__(self) -> MLDSA44PublicKey:
        """The key itself (keys are immutable)."""

    @abc.abstractmethod
    def __deepcopy__(self, memo: dict) -> MLDSA44PublicKey:
        """The key itself (keys are immutable)."""


MLDSA44PublicKey.register(rust_openssl.mldsa.MLDSA44PublicKey)


class MLDSA44PrivateKey(metaclass=abc.ABCMeta):
    @classmethod
    def generate(cls) -> MLDSA44PrivateKey:
        _require_mldsa("ML-DSA-44")
        return rust_openssl.mldsa.generate_mldsa44_key()

    @classmethod
    def from_seed_bytes(cls, data: Buffer) -> MLDSA44PrivateKey:
        _require_mldsa("ML-DSA-44")
        return rust_openssl.mldsa.from_mldsa44_seed_bytes(data)

    @abc.abstractmethod
    def public_key(self) -> MLDSA44PublicKey:
        """The public half."""

    @abc.abstractmethod
    def private_bytes(
        self,
        encoding: _serialization.Encoding,
        format: _serialization.PrivateFormat,
        encryption_algorithm: _serialization.KeySerializationEncryption,
    ) -> bytes:
        """The key (its seed) in the given encoding and format."""

    @abc.abstractmethod
    def private_bytes_raw(self) -> bytes:
        """The 32-byte seed: private_bytes(Raw, Raw, NoEncryption())."""

    @abc.abstractmethod
    def sign(self, data: Buffer, context: Buffer | None = None) -> bytes:
        """A signature of `data` under `context` (at most 255 bytes)."""

    @abc.abstractmethod
    def sign_mu(self, mu: Buffer) -> bytes:
        """A signature of the 64-byte message representative `mu`, which
        already includes the context."""

    @abc.abstractmethod
    def __copy__(self) -> MLDSA44PrivateKey:
        """The key itself (keys are immutable)."""

    @abc.abstractmethod
    def __deepcopy__(self, memo: dict) -> MLDSA44PrivateKey:
        """The key itself (keys are immutable)."""


MLDSA44PrivateKey.register(rust_openssl.mldsa.MLDSA44PrivateKey)


class MLDSA65PublicKey(metaclass=abc.ABCMeta):
    @classmethod
    def from_public_bytes(cls, data: bytes) -> MLDSA65PublicKey:
        _require_mldsa("ML-DSA-65")
        return rust_openssl.mldsa.from_mldsa65_public_bytes(data)

    @abc.abstractmethod
    def public_bytes(
        self,
        encoding: _serialization.Encoding,
        format: _serialization.PublicFormat,
    ) -> bytes:
        """The key in the given encoding and format."""

    @abc.abstractmethod
    def public_bytes_raw(self) -> bytes:
        """The key's encoding (1,952 bytes): public_bytes(Raw, Raw)."""

    @abc.abstractmethod
    def verify(
        self, signature: Buffer, data: Buffer, context: Buffer | None = None
    ) -> None:
        """Raises InvalidSignature unless `signature` signs `data` under
        `context`."""

    @abc.abstractmethod
    def verify_mu(self, signature: Buffer, mu: Buffer) -> None:
        """Raises InvalidSignature unless `signature` signs the 64-byte message
        representative `mu`."""

    @abc.abstractmethod
    def __eq__(self, other: object) -> bool:
        """Whether `other` is the same key."""

    @abc.abstractmethod
    def __copy__(self) -> MLDSA65PublicKey:
        """The key itself (keys are immutable)."""

    @abc.abstractmethod
    def __deepcopy__(self, memo: dict) -> MLDSA65PublicKey:
        """The key itself (keys are immutable)."""


MLDSA65PublicKey.register(rust_openssl.mldsa.MLDSA65PublicKey)


class MLDSA65PrivateKey(metaclass=abc.ABCMeta):
    @classmethod
    def generate(cls) -> MLDSA65PrivateKey:
        _require_mldsa("ML-DSA-65")
        return rust_openssl.mldsa.generate_mldsa65_key()

    @classmethod
    def from_seed_bytes(cls, data: Buffer) -> MLDSA65PrivateKey:
        _require_mldsa("ML-DSA-65")
        return rust_openssl.mldsa.from_mldsa65_seed_bytes(data)

    @abc.abstractmethod
    def public_key(self) -> MLDSA65PublicKey:
        """The public half."""

    @abc.abstractmethod
    def private_bytes(
        self,
        encoding: _serialization.Encoding,
        format: _serialization.PrivateFormat,
        encryption_algorithm: _serialization.KeySerializationEncryption,
    ) -> bytes:
        """The key (its seed) in the given encoding and format."""

    @abc.abstractmethod
    def private_bytes_raw(self) -> bytes:
        """The 32-byte seed: private_bytes(Raw, Raw, NoEncryption())."""

    @abc.abstractmethod
    def sign(self, data: Buffer, context: Buffer | None = None) -> bytes:
        """A signature of `data` under `context` (at most 255 bytes)."""

    @abc.abstractmethod
    def sign_mu(self, mu: Buffer) -> bytes:
        """A signature of the 64-byte message representative `mu`, which
        already includes the context."""

    @abc.abstractmethod
    def __copy__(self) -> MLDSA65PrivateKey:
        """The key itself (keys are immutable)."""

    @abc.abstractmethod
    def __deepcopy__(self, memo: dict) -> MLDSA65PrivateKey:
        """The key itself (keys are immutable)."""


MLDSA65PrivateKey.register(rust_openssl.mldsa.MLDSA65PrivateKey)


class MLDSA87PublicKey(metaclass=abc.ABCMeta):
    @classmethod
    def from_public_bytes(cls, data: bytes) -> MLDSA87PublicKey:
        _require_mldsa("ML-DSA-87")
        return rust_openssl.mldsa.from_mldsa87_public_bytes(data)

    @abc.abstractmethod
    def public_bytes(
        self,
        encoding: _serialization.Encoding,
        format: _serialization.PublicFormat,
    ) -> bytes:
        """The key in the given encoding and format."""

    @abc.abstractmethod
    def public_bytes_raw(self) -> bytes:
        """The key's encoding (2,592 bytes): public_bytes(Raw, Raw)."""

    @abc.abstractmethod
    def verify(
        self, signature: Buffer, data: Buffer, context: Buffer | None = None
    ) -> None:
        """Raises InvalidSignature unless `signature` signs `data` under
        `context`."""

    @abc.abstractmethod
    def verify_mu(self, signature: Buffer, mu: Buffer) -> None:
        """Raises InvalidSignature unless `signature` signs the 64-byte message
        representative `mu`."""

    @abc.abstractmethod
    def __eq__(self, other: object) -> bool:
        """Whether `other` is the same key."""

    @abc.abstractmethod
    def __copy__(self) -> MLDSA87PublicKey:
        """The key itself (keys are immutable)."""

    @abc.abstractmethod
    def __deepcopy__(self, memo: dict) -> MLDSA87PublicKey:
        """The key itself (keys are immutable)."""


MLDSA87PublicKey.register(rust_openssl.mldsa.MLDSA87PublicKey)


class MLDSA87PrivateKey(metaclass=abc.ABCMeta):
    @classmethod
    def generate(cls) -> MLDSA87PrivateKey:
        _require_mldsa("ML-DSA-87")
        return rust_openssl.mldsa.generate_mldsa87_key()

    @classmethod
    def from_seed_bytes(cls, data: Buffer) -> MLDSA87PrivateKey:
        _require_mldsa("ML-DSA-87")
        return rust_openssl.mldsa.from_mldsa87_seed_bytes(data)

    @abc.abstractmethod
    def public_key(self) -> MLDSA87PublicKey:
        """The public half."""

    @abc.abstractmethod
    def private_bytes(
        self,
        encoding: _serialization.Encoding,
        format: _serialization.PrivateFormat,
        encryption_algorithm: _serialization.KeySerializationEncryption,
    ) -> bytes:
        """The key (its seed) in the given encoding and format."""

    @abc.abstractmethod
    def private_bytes_raw(self) -> bytes:
        """The 32-byte seed: private_bytes(Raw, Raw, NoEncryption())."""

    @abc.abstractmethod
    def sign(self, data: Buffer, context: Buffer | None = None) -> bytes:
        """A signature of `data` under `context` (at most 255 bytes)."""

    @abc.abstractmethod
    def sign_mu(self, mu: Buffer) -> bytes:
        """A signature of the 64-byte message representative `mu`, which
        already includes the context."""

    @abc.abstractmethod
    def __copy__(self) -> MLDSA87PrivateKey:
        """The key itself (keys are immutable)."""

    @abc.abstractmethod
    def __deepcopy__(self, memo: dict) -> MLDSA87PrivateKey:
        """The key itself (keys are immutable)."""


MLDSA87PrivateKey.register(rust_openssl.mldsa.MLDSA87PrivateKey)

# The mu of a message under an ML-DSA public key and context, from the message
# given in pieces (FIPS 204 algorithm 7, line 6).
MLDSAMuHasher = rust_openssl.mldsa.MLDSAMuHasher
