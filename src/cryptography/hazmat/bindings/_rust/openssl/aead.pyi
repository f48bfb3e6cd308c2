# This file is dual licensed under the terms of the Apache License, Version
# 2.0, and the BSD License. See the LICENSE file in the root of this repository
# for complete details.

import typing

from cryptography.utils import Buffer

__all__ = [
    "AESCCM",
    "AESGCM",
    "AESGCMSIV",
    "AESOCB3",
    "AESSIV",
    "ChaCha20Poly1305",
    "XChaCha20Poly1305",
]

@typing.final
class AESGCM:
    def __new__(cls, key: Buffer) -> AESGCM: ...
    @staticmethod
    def generate_key(bit_length: int) -> bytes: ...
    def encrypt(
        self, nonce: Buffer, data: Buffer, associated_data: Buffer | None
    ) -> bytes: ...
    def decrypt(
        self, nonce: Buffer, data: Buffer, associated_data: Buffer | None
    ) -> bytes: ...
    def encrypt_into(
        self,
        nonce: Buffer,
        data: Buffer,
        associated_data: Buffer | None,
        buf: Buffer,
    ) -> int: ...
    def decrypt_into(
        self,
        nonce: Buffer,
        data: Buffer,
        associated_data: Buffer | None,
        buf: Buffer,
    ) -> int: ...

@typing.final
class ChaCha20Poly1305:
    def __new__(cls, key: Buffer) -> ChaCha20Poly1305: ...
    @staticmethod
    def generate_key() -> bytes: ...
    def encrypt(
        self, nonce: Buffer, data: Buffer, associated_data: Buffer | None
    ) -> bytes: ...
    def decrypt(
        self, nonce: Buffer, data: Buffer, associated_data: Buffer | None
    ) -> bytes: ...
    def encrypt_into(
        self,
        nonce: Buffer,
        data: Buffer,
        associated_data: Buffer | None,
        buf: Buffer,
    ) -> int: ...
    def decrypt_into(
        self,
        nonce: Buffer,
        data: Buffer,
        associated_data: Buffer | None,
        buf: Buffer,
    ) -> int: ...

@typing.final
class AESGCMSIV:
    def __new__(cls, key: Buffer) -> AESGCMSIV: ...
    @staticmethod
    def generate_key(bit_length: int) -> bytes: ...
    def encrypt(
        self, nonce: Buffer, data: Buffer, associated_data: Buffer | None
    ) -> bytes: ...
    def decrypt(
        self, nonce: Buffer, data: Buffer, associated_data: Buffer | None
    ) -> bytes: ...
    def encrypt_into(
        self,
        nonce: Buffer,
        data: Buffer,
        associated_data: Buffer | None,
        buf: Buffer,
    ) -> int: ...
    def decrypt_into(
        self,
        nonce: Buffer,
        data: Buffer,
        associated_data: Buffer | None,
        buf: Buffer,
    ) -> int: ...

@typing.final
class AESOCB3:
    def __new__(cls, key: Buffer) -> AESOCB3: ...
    @staticmethod
    def generate_key(bit_length: int) -> bytes: ...
    def encrypt(
        self, nonce: Buffer, data: Buffer, associated_data: Buffer | None
    ) -> bytes: ...
    def decrypt(
        self, nonce: Buffer, data: Buffer, associated_data: Buffer | None
    ) -> bytes: ...
    def encrypt_into(
        self,
        nonce: Buffer,
        data: Buffer,
        associated_data: Buffer | None,
        buf: Buffer,
    ) -> int: ...
    def decrypt_into(
        self,
        nonce: Buffer,
        data: Buffer,
        associated_data: Buffer | None,
        buf: Buffer,
    ) -> int: ...

@typing.final
class AESCCM:
    def __new__(cls, key: Buffer, tag_length: int = 16) -> AESCCM: ...
    @staticmethod
    def generate_key(bit_length: int) -> bytes: ...
    def encrypt(
        self, nonce: Buffer, data: Buffer, associated_data: Buffer | None
    ) -> bytes: ...
    def decrypt(
        self, nonce: Buffer, data: Buffer, associated_data: Buffer | None
    ) -> bytes: ...
    def encrypt_into(
        self,
        nonce: Buffer,
        data: Buffer,
        associated_data: Buffer | None,
        buf: Buffer,
    ) -> int: ...
    def decrypt_into(
        self,
        nonce: Buffer,
        data: Buffer,
        associated_data: Buffer | None,
        buf: Buffer,
    ) -> int: ...

@typing.final
class AESSIV:
    def __new__(cls, key: Buffer) -> AESSIV: ...
    @staticmethod
    def generate_key(bit_length: int) -> bytes: ...
    def encrypt(
        self, data: Buffer, associated_data: list[bytes] | list[Buffer] | None
    ) -> bytes: ...
    def decrypt(
        self, data: Buffer, associated_data: list[bytes] | list[Buffer] | None
    ) -> bytes: ...
    def encrypt_into(
        self,
        data: Buffer,
        associated_data: list[bytes] | list[Buffer] | None,
        buf: Buffer,
    ) -> int: ...
    def decrypt_into(
        self,
        data: Buffer,
        associated_data: list[bytes] | list[Buffer] | None,
        buf: Buffer,
    ) -> int: ...

@typing.final
class XChaCha20Poly1305:
    def __new__(cls, key: Buffer) -> XChaCha20Poly1305: ...
    @staticmethod
    def generate_key() -> bytes: ...
    def encrypt(
        self, nonce: Buffer, data: Buffer, associated_data: Buffer | None
    ) -> bytes: ...
    def decrypt(
        self, nonce: Buffer, data: Buffer, associated_data: Buffer | None
    ) -> bytes: ...
    def encrypt_into(
        self,
        nonce: Buffer,
        data: Buffer,
        associated_data: Buffer | None,
        buf: Buffer,
    ) -> int: ...
    def decrypt_into(
        self,
        nonce: Buffer,
        data: Buffer,
        associated_data: Buffer | None,
        buf: Buffer,
    ) -> int: ...
