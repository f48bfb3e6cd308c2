# This file is dual licensed under the terms of the Apache License, Version
# 2.0, and the BSD License. See the LICENSE file in the root of this repository
# for complete details.

"""ML-KEM (FIPS 203) key encapsulation: ML-KEM-768 and ML-KEM-1024, and, as an
addition beyond pyca/cryptography, ML-KEM-512.

A private key is its 64-byte seed (d || z, the only form written). A public key
encapsulates a fresh 32-byte shared secret to its holder (`encapsulate` returns
`(shared_secret, ciphertext)`); the private key recovers it (`decapsulate`).
"""

from __future__ import annotations

import abc

from cryptography.exceptions import UnsupportedAlgorithm, _Reasons
from cryptography.hazmat.bindings._rust import openssl as rust_openssl
from cryptography.hazmat.primitives import _serialization
from cryptography.utils import Buffer


def _require_mlkem(name: str) -> None:
    from cryptography.hazmat.backends.openssl.backend import backend

    if not backend.mlkem_supported():
        raise UnsupportedAlgorithm(
            f"{name} is not supported by this backend.",
            _Reasons.UNSUPPORTED_PUBLIC_KEY_ALGORITHM,
        )


class MLKEM768PublicKey(metaclass=abc.ABCMeta):
    @classmethod
    def from_public_bytes(cls, data: Buffer) -> MLKEM768PublicKey:
        _require_mlkem("ML-KEM-768")
        return rust_openssl.mlkem.from_mlkem768_public_bytes(data)

    @abc.abstractmethod
    def encapsulate(self) -> tuple[bytes, bytes]:
        """A fresh shared secret and its ciphertext: (shared_secret,
        ciphertext)."""

    @abc.abstractmethod
    def public_bytes(
        self,
        encoding: _serialization.Encoding,
        format: _serialization.PublicFormat,
    ) -> bytes:
        """The key in the given encoding and format."""

    @abc.abstractmethod
    def public_bytes_raw(self) -> bytes:
        """The key's encoding (1,184 bytes): public_bytes(Raw, Raw)."""

    @abc.abstractmethod
    def __eq__(self, other: object) -> bool:
        """Whether `other` is the same key."""

    @abc.abstractmethod
    def __copy__(self) -> MLKEM768PublicKey:
        """The key itself (keys are immutable)."""

    @abc.abstractmethod
    def __deepcopy__(self, memo: dict) -> MLKEM768PublicKey:
        """The key itself (keys are immutable)."""


MLKEM768PublicKey.register(rust_openssl.mlkem.MLKEM768PublicKey)


class MLKEM768PrivateKey(metaclass=abc.ABCMeta):
    @classmethod
    def generate(cls) -> MLKEM768PrivateKey:
        _require_mlkem("ML-KEM-768")
        return rust_openssl.mlkem.generate_mlkem768_key()

    @classmethod
    def from_seed_bytes(cls, data: Buffer) -> MLKEM768PrivateKey:
        _require_mlkem("ML-KEM-768")
        return rust_openssl.mlkem.from_mlkem768_seed_bytes(data)

    @abc.abstractmethod
    def decapsulate(self, ciphertext: Buffer) -> bytes:
        """The shared secret of `ciphertext` (FIPS 203's implicit-rejection
        secret for one not made for this key)."""

    @abc.abstractmethod
    def public_key(self) -> MLKEM768PublicKey:
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
        """The 64-byte seed: private_bytes(Raw, Raw, NoEncryption())."""

    @abc.abstractmethod
    def __copy__(self) -> MLKEM768PrivateKey:
        """The key itself (keys are immutable)."""

    @abc.abstractmethod
    def __deepcopy__(self, memo: dict) -> MLKEM768PrivateKey:
        """The key itself (keys are immutable)."""


MLKEM768PrivateKey.register(rust_openssl.mlkem.MLKEM768PrivateKey)


class MLKEM1024PublicKey(metaclass=abc.ABCMeta):
    @classmethod
    def from_public_bytes(cls, data: Buffer) -> MLKEM1024PublicKey:
        _require_mlkem("ML-KEM-1024")
        return rust_openssl.mlkem.from_mlkem1024_public_bytes(data)

    @abc.abstractmethod
    def encapsulate(self) -> tuple[bytes, bytes]:
        """A fresh shared secret and its ciphertext: (shared_secret,
        ciphertext)."""

    @abc.abstractmethod
    def public_bytes(
        self,
        encoding: _serialization.Encoding,
        format: _serialization.PublicFormat,
    ) -> bytes:
        """The key in the given encoding and format."""

    @abc.abstractmethod
    def public_bytes_raw(self) -> bytes:
        """The key's encoding (1,568 bytes): public_bytes(Raw, Raw)."""

    @abc.abstractmethod
    def __eq__(self, other: object) -> bool:
        """Whether `other` is the same key."""

    @abc.abstractmethod
    def __copy__(self) -> MLKEM1024PublicKey:
        """The key itself (keys are immutable)."""

    @abc.abstractmethod
    def __deepcopy__(self, memo: dict) -> MLKEM1024PublicKey:
        """The key itself (keys are immutable)."""


MLKEM1024PublicKey.register(rust_openssl.mlkem.MLKEM1024PublicKey)


class MLKEM1024PrivateKey(metaclass=abc.ABCMeta):
    @classmethod
    def generate(cls) -> MLKEM1024PrivateKey:
        _require_mlkem("ML-KEM-1024")
        return rust_openssl.mlkem.generate_mlkem1024_key()

    @classmethod
    def from_seed_bytes(cls, data: Buffer) -> MLKEM1024PrivateKey:
        _require_mlkem("ML-KEM-1024")
        return rust_openssl.mlkem.from_mlkem1024_seed_bytes(data)

    @abc.abstractmethod
    def decapsulate(self, ciphertext: Buffer) -> bytes:
        """The shared secret of `ciphertext` (FIPS 203's implicit-rejection
        secret for one not made for this key)."""

    @abc.abstractmethod
    def public_key(self) -> MLKEM1024PublicKey:
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
        """The 64-byte seed: private_bytes(Raw, Raw, NoEncryption())."""

    @abc.abstractmethod
    def __copy__(self) -> MLKEM1024PrivateKey:
        """The key itself (keys are immutable)."""

    @abc.abstractmethod
    def __deepcopy__(self, memo: dict) -> MLKEM1024PrivateKey:
        """The key itself (keys are immutable)."""


MLKEM1024PrivateKey.register(rust_openssl.mlkem.MLKEM1024PrivateKey)


class MLKEM512PublicKey(metaclass=abc.ABCMeta):
    @classmethod
    def from_public_bytes(cls, data: Buffer) -> MLKEM512PublicKey:
        _require_mlkem("ML-KEM-512")
        return rust_openssl.mlkem.from_mlkem512_public_bytes(data)

    @abc.abstractmethod
    def encapsulate(self) -> tuple[bytes, bytes]:
        """A fresh shared secret and its ciphertext: (shared_secret,
        ciphertext)."""

    @abc.abstractmethod
    def public_bytes(
        self,
        encoding: _serialization.Encoding,
        format: _serialization.PublicFormat,
    ) -> bytes:
        """The key in the given encoding and format."""

    @abc.abstractmethod
    def public_bytes_raw(self) -> bytes:
        """The key's encoding (800 bytes): public_bytes(Raw, Raw)."""

    @abc.abstractmethod
    def __eq__(self, other: object) -> bool:
        """Whether `other` is the same key."""

    @abc.abstractmethod
    def __copy__(self) -> MLKEM512PublicKey:
        """The key itself (keys are immutable)."""

    @abc.abstractmethod
    def __deepcopy__(self, memo: dict) -> MLKEM512PublicKey:
        """The key itself (keys are immutable)."""


MLKEM512PublicKey.register(rust_openssl.mlkem.MLKEM512PublicKey)


class MLKEM512PrivateKey(metaclass=abc.ABCMeta):
    @classmethod
    def generate(cls) -> MLKEM512PrivateKey:
        _require_mlkem("ML-KEM-512")
        return rust_openssl.mlkem.generate_mlkem512_key()

    @classmethod
    def from_seed_bytes(cls, data: Buffer) -> MLKEM512PrivateKey:
        _require_mlkem("ML-KEM-512")
        return rust_openssl.mlkem.from_mlkem512_seed_bytes(data)

    @abc.abstractmethod
    def decapsulate(self, ciphertext: Buffer) -> bytes:
        """The shared secret of `ciphertext` (FIPS 203's implicit-rejection
        secret for one not made for this key)."""

    @abc.abstractmethod
    def public_key(self) -> MLKEM512PublicKey:
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
        """The 64-byte seed: private_bytes(Raw, Raw, NoEncryption())."""

    @abc.abstractmethod
    def __copy__(self) -> MLKEM512PrivateKey:
        """The key itself (keys are immutable)."""

    @abc.abstractmethod
    def __deepcopy__(self, memo: dict) -> MLKEM512PrivateKey:
        """The key itself (keys are immutable)."""


MLKEM512PrivateKey.register(rust_openssl.mlkem.MLKEM512PrivateKey)
