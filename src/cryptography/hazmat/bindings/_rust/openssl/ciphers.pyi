# This file is dual licensed under the terms of the Apache License, Version
# 2.0, and the BSD License. See the LICENSE file in the root of this repository
# for complete details.

import types
import typing

import typing_extensions

from cryptography.hazmat.primitives import ciphers
from cryptography.hazmat.primitives._cipheralgorithm import (
    BlockCipherAlgorithm,
    CipherAlgorithm,
)
from cryptography.hazmat.primitives._modes import (
    Mode,
    ModeWithAuthenticationTag,
    ModeWithInitializationVector,
    ModeWithNonce,
    ModeWithTweak,
)
from cryptography.hazmat.primitives.ciphers import modes
from cryptography.utils import Buffer

__all__ = [
    "AEADDecryptionContext",
    "AEADEncryptionContext",
    "AES",
    "AES128",
    "AES256",
    "CBC",
    "CTR",
    "Cipher",
    "CipherContext",
    "ECB",
    "GCM",
    "XTS",
    "_advance",
    "_advance_aad",
    "check_aes_key_for_mode",
    "check_chacha20_nonce",
    "check_iv_length",
    "check_key_size",
    "cipher_supported",
    "create_decryption_ctx",
    "create_encryption_ctx",
]

def _advance(ctx: AEADEncryptionContext | AEADDecryptionContext, n: int) -> None: ...
def _advance_aad(
    ctx: AEADEncryptionContext | AEADDecryptionContext, n: int
) -> None: ...
def check_key_size(name: str, key_sizes: frozenset[int], key_bits: int) -> None: ...
def check_aes_key_for_mode(is_aes: bool, key_bits: int) -> None: ...
def check_iv_length(mode_name: str, block_size: int, iv_len: int) -> None: ...
def check_chacha20_nonce(nonce_len: int) -> None: ...
def cipher_supported(
    algorithm: ciphers.CipherAlgorithm, mode: modes.Mode | None
) -> bool: ...
@typing.overload
def create_encryption_ctx(
    algorithm: ciphers.CipherAlgorithm, mode: modes.ModeWithAuthenticationTag
) -> ciphers.AEADEncryptionContext: ...
@typing.overload
def create_encryption_ctx(
    algorithm: ciphers.CipherAlgorithm, mode: modes.Mode | None
) -> ciphers.CipherContext: ...
@typing.overload
def create_decryption_ctx(
    algorithm: ciphers.CipherAlgorithm, mode: modes.ModeWithAuthenticationTag
) -> ciphers.AEADDecryptionContext: ...
@typing.overload
def create_decryption_ctx(
    algorithm: ciphers.CipherAlgorithm, mode: modes.Mode | None
) -> ciphers.CipherContext: ...

@typing.final
class CipherContext(ciphers.CipherContext):
    def update(self, data: Buffer) -> bytes: ...
    def update_into(self, data: Buffer, buf: Buffer) -> int: ...
    def finalize(self) -> bytes: ...
    def reset_nonce(self, nonce: Buffer) -> None: ...

@typing.final
class AEADEncryptionContext(ciphers.AEADEncryptionContext):
    def update(self, data: Buffer) -> bytes: ...
    def update_into(self, data: Buffer, buf: Buffer) -> int: ...
    def authenticate_additional_data(self, data: Buffer) -> None: ...
    def finalize(self) -> bytes: ...
    @property
    def tag(self) -> bytes: ...
    def reset_nonce(self, nonce: Buffer) -> None: ...

@typing.final
class AEADDecryptionContext(ciphers.AEADDecryptionContext):
    def update(self, data: Buffer) -> bytes: ...
    def update_into(self, data: Buffer, buf: Buffer) -> int: ...
    def authenticate_additional_data(self, data: Buffer) -> None: ...
    def finalize(self) -> bytes: ...
    def finalize_with_tag(self, tag: bytes) -> bytes: ...
    def reset_nonce(self, nonce: Buffer) -> None: ...

@typing_extensions.disjoint_base
class AES(BlockCipherAlgorithm):
    name: typing.ClassVar[str]
    block_size: typing.ClassVar[int]
    key_sizes: typing.ClassVar[frozenset[int]]
    key: Buffer
    def __new__(cls, key: Buffer) -> typing_extensions.Self: ...
    def __init__(self, key: Buffer) -> None: ...
    @property
    def key_size(self) -> int: ...

@typing_extensions.disjoint_base
class AES128(BlockCipherAlgorithm):
    name: typing.ClassVar[str]
    block_size: typing.ClassVar[int]
    key_sizes: typing.ClassVar[frozenset[int]]
    key_size: typing.ClassVar[int]
    key: Buffer
    def __new__(cls, key: Buffer) -> typing_extensions.Self: ...
    def __init__(self, key: Buffer) -> None: ...

@typing_extensions.disjoint_base
class AES256(BlockCipherAlgorithm):
    name: typing.ClassVar[str]
    block_size: typing.ClassVar[int]
    key_sizes: typing.ClassVar[frozenset[int]]
    key_size: typing.ClassVar[int]
    key: Buffer
    def __new__(cls, key: Buffer) -> typing_extensions.Self: ...
    def __init__(self, key: Buffer) -> None: ...

@typing_extensions.disjoint_base
class CBC(ModeWithInitializationVector):
    name: typing.ClassVar[str]
    def __new__(cls, initialization_vector: Buffer) -> typing_extensions.Self: ...
    def __init__(self, initialization_vector: Buffer) -> None: ...
    @property
    def initialization_vector(self) -> Buffer: ...
    def validate_for_algorithm(self, algorithm: CipherAlgorithm) -> None: ...

@typing_extensions.disjoint_base
class CTR(ModeWithNonce):
    name: typing.ClassVar[str]
    def __new__(cls, nonce: Buffer) -> typing_extensions.Self: ...
    def __init__(self, nonce: Buffer) -> None: ...
    @property
    def nonce(self) -> Buffer: ...
    def validate_for_algorithm(self, algorithm: CipherAlgorithm) -> None: ...

class ECB(Mode):
    name: typing.ClassVar[str]
    def validate_for_algorithm(self, algorithm: CipherAlgorithm) -> None: ...

@typing_extensions.disjoint_base
class XTS(ModeWithTweak):
    name: typing.ClassVar[str]
    def __new__(cls, tweak: Buffer) -> typing_extensions.Self: ...
    def __init__(self, tweak: Buffer) -> None: ...
    @property
    def tweak(self) -> Buffer: ...
    def validate_for_algorithm(self, algorithm: CipherAlgorithm) -> None: ...

@typing_extensions.disjoint_base
class GCM(ModeWithInitializationVector, ModeWithAuthenticationTag):
    name: typing.ClassVar[str]
    _MAX_ENCRYPTED_BYTES: typing.ClassVar[int]
    _MAX_AAD_BYTES: typing.ClassVar[int]
    def __new__(
        cls,
        initialization_vector: Buffer,
        tag: bytes | None = None,
        min_tag_length: int = 16,
    ) -> typing_extensions.Self: ...
    def __init__(
        self,
        initialization_vector: Buffer,
        tag: bytes | None = None,
        min_tag_length: int = 16,
    ) -> None: ...
    @property
    def initialization_vector(self) -> Buffer: ...
    @property
    def tag(self) -> bytes | None: ...
    @property
    def _min_tag_length(self) -> int: ...
    def validate_for_algorithm(self, algorithm: CipherAlgorithm) -> None: ...

_M = typing.TypeVar("_M", bound=Mode | None, covariant=True)

@typing_extensions.disjoint_base
class Cipher(typing.Generic[_M]):
    def __new__(
        cls,
        algorithm: CipherAlgorithm,
        mode: _M,
        backend: typing.Any = None,
    ) -> Cipher[_M]: ...
    def __init__(
        self,
        algorithm: CipherAlgorithm,
        mode: _M,
        backend: typing.Any = None,
    ) -> None: ...
    @classmethod
    def __class_getitem__(cls, item: typing.Any) -> types.GenericAlias: ...
    @property
    def algorithm(self) -> CipherAlgorithm: ...
    @property
    def mode(self) -> _M: ...
    @typing.overload
    def encryptor(
        self: Cipher[ModeWithAuthenticationTag],
    ) -> ciphers.AEADEncryptionContext: ...
    @typing.overload
    def encryptor(self) -> ciphers.CipherContext: ...
    @typing.overload
    def decryptor(
        self: Cipher[ModeWithAuthenticationTag],
    ) -> ciphers.AEADDecryptionContext: ...
    @typing.overload
    def decryptor(self) -> ciphers.CipherContext: ...
