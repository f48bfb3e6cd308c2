# This file is dual licensed under the terms of the Apache License, Version
# 2.0, and the BSD License. See the LICENSE file in the root of this repository
# for complete details.

import typing

from cryptography.hazmat.primitives.hashes import HashAlgorithm
from cryptography.hazmat.primitives.kdf import KeyDerivationFunction
from cryptography.hazmat.primitives.kdf.kbkdf import CounterLocation, Mode
from cryptography.utils import Buffer

__all__ = [
    "Argon2d",
    "Argon2i",
    "Argon2id",
    "HKDF",
    "PBKDF2HMAC",
    "ConcatKDFHMAC",
    "ConcatKDFHash",
    "HKDFExpand",
    "KBKDFCMAC",
    "KBKDFHMAC",
    "Scrypt",
    "X963KDF",
]

class _Derives(KeyDerivationFunction):
    def derive(self, key_material: Buffer) -> bytes: ...
    def derive_into(self, key_material: Buffer, buf: Buffer) -> int: ...  # type: ignore[override]
    def verify(self, key_material: Buffer, expected_key: Buffer) -> None: ...

@typing.final
class PBKDF2HMAC(_Derives):
    def __new__(
        cls,
        algorithm: HashAlgorithm,
        length: int,
        salt: bytes,
        iterations: int,
        backend: typing.Any = None,
    ) -> PBKDF2HMAC: ...

@typing.final
class Scrypt(_Derives):
    def __new__(
        cls,
        salt: bytes,
        length: int,
        n: int,
        r: int,
        p: int,
        backend: typing.Any = None,
    ) -> Scrypt: ...

@typing.final
class HKDF(_Derives):
    def __new__(
        cls,
        algorithm: HashAlgorithm,
        length: int,
        salt: bytes | None,
        info: bytes | None,
        backend: typing.Any = None,
    ) -> HKDF: ...
    @staticmethod
    def extract(
        algorithm: HashAlgorithm, salt: bytes | None, key_material: Buffer
    ) -> bytes: ...
    def _extract(self, key_material: Buffer) -> bytes: ...

@typing.final
class HKDFExpand(_Derives):
    def __new__(
        cls,
        algorithm: HashAlgorithm,
        length: int,
        info: bytes | None,
        backend: typing.Any = None,
    ) -> HKDFExpand: ...

@typing.final
class X963KDF(_Derives):
    def __new__(
        cls,
        algorithm: HashAlgorithm,
        length: int,
        sharedinfo: bytes | None,
        backend: typing.Any = None,
    ) -> X963KDF: ...

@typing.final
class ConcatKDFHash(_Derives):
    def __new__(
        cls,
        algorithm: HashAlgorithm,
        length: int,
        otherinfo: bytes | None,
        backend: typing.Any = None,
    ) -> ConcatKDFHash: ...

@typing.final
class ConcatKDFHMAC(_Derives):
    def __new__(
        cls,
        algorithm: HashAlgorithm,
        length: int,
        salt: bytes | None,
        otherinfo: bytes | None,
        backend: typing.Any = None,
    ) -> ConcatKDFHMAC: ...

@typing.final
class KBKDFHMAC(_Derives):
    def __new__(
        cls,
        algorithm: HashAlgorithm,
        mode: Mode,
        length: int,
        rlen: int,
        llen: int | None,
        location: CounterLocation,
        label: bytes | None,
        context: bytes | None,
        fixed: bytes | None,
        backend: typing.Any = None,
        *,
        break_location: int | None = None,
    ) -> KBKDFHMAC: ...

@typing.final
class KBKDFCMAC(_Derives):
    def __new__(
        cls,
        algorithm: typing.Any,
        mode: Mode,
        length: int,
        rlen: int,
        llen: int | None,
        location: CounterLocation,
        label: bytes | None,
        context: bytes | None,
        fixed: bytes | None,
        backend: typing.Any = None,
        *,
        break_location: int | None = None,
    ) -> KBKDFCMAC: ...

@typing.final
class Argon2d(_Derives):
    def __new__(
        cls,
        salt: bytes,
        length: int,
        iterations: int,
        lanes: int,
        memory_cost: int,
        ad: bytes | None = None,
        secret: bytes | None = None,
    ) -> Argon2d: ...
    def derive_phc_encoded(self, key_material: Buffer) -> str: ...
    @classmethod
    def verify_phc_encoded(
        cls, key_material: Buffer, phc_encoded: str, secret: bytes | None = None
    ) -> None: ...

@typing.final
class Argon2i(_Derives):
    def __new__(
        cls,
        salt: bytes,
        length: int,
        iterations: int,
        lanes: int,
        memory_cost: int,
        ad: bytes | None = None,
        secret: bytes | None = None,
    ) -> Argon2i: ...
    def derive_phc_encoded(self, key_material: Buffer) -> str: ...
    @classmethod
    def verify_phc_encoded(
        cls, key_material: Buffer, phc_encoded: str, secret: bytes | None = None
    ) -> None: ...

@typing.final
class Argon2id(_Derives):
    def __new__(
        cls,
        salt: bytes,
        length: int,
        iterations: int,
        lanes: int,
        memory_cost: int,
        ad: bytes | None = None,
        secret: bytes | None = None,
    ) -> Argon2id: ...
    def derive_phc_encoded(self, key_material: Buffer) -> str: ...
    @classmethod
    def verify_phc_encoded(
        cls, key_material: Buffer, phc_encoded: str, secret: bytes | None = None
    ) -> None: ...
