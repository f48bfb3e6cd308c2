# This file is dual licensed under the terms of the Apache License, Version
# 2.0, and the BSD License. See the LICENSE file in the root of this repository
# for complete details.

import typing

from cryptography.hazmat.primitives import _serialization, hashes
from cryptography.hazmat.primitives._asymmetric import AsymmetricPadding
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.asymmetric.utils import Prehashed
from cryptography.utils import Buffer

__all__ = [
    "RSAPrivateKey",
    "RSAPublicKey",
    "generate_private_key",
    "max_pss_salt_length",
    "private_key_from_numbers",
    "public_key_from_numbers",
    "recover_prime_factors",
]

@typing.final
class RSAPrivateKey:
    def sign(
        self,
        data: Buffer,
        padding: AsymmetricPadding,
        algorithm: Prehashed | hashes.HashAlgorithm,
    ) -> bytes: ...
    def decrypt(self, ciphertext: Buffer, padding: AsymmetricPadding) -> bytes: ...
    @property
    def key_size(self) -> int: ...
    def public_key(self) -> rsa.RSAPublicKey: ...
    def private_numbers(self) -> rsa.RSAPrivateNumbers: ...
    def private_bytes(
        self,
        encoding: _serialization.Encoding,
        format: _serialization.PrivateFormat,
        encryption_algorithm: _serialization.KeySerializationEncryption,
    ) -> bytes: ...
    def __copy__(self) -> RSAPrivateKey: ...
    def __deepcopy__(self, memo: typing.Any) -> RSAPrivateKey: ...

@typing.final
class RSAPublicKey:
    def verify(
        self,
        signature: Buffer,
        data: Buffer,
        padding: AsymmetricPadding,
        algorithm: Prehashed | hashes.HashAlgorithm,
    ) -> None: ...
    def encrypt(self, plaintext: Buffer, padding: AsymmetricPadding) -> bytes: ...
    def recover_data_from_signature(
        self,
        signature: Buffer,
        padding: AsymmetricPadding,
        algorithm: hashes.HashAlgorithm | None,
    ) -> bytes: ...
    @property
    def key_size(self) -> int: ...
    def public_numbers(self) -> rsa.RSAPublicNumbers: ...
    def public_bytes(
        self,
        encoding: _serialization.Encoding,
        format: _serialization.PublicFormat,
    ) -> bytes: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __copy__(self) -> RSAPublicKey: ...
    def __deepcopy__(self, memo: typing.Any) -> RSAPublicKey: ...

def generate_private_key(public_exponent: int, key_size: int) -> rsa.RSAPrivateKey: ...
def public_key_from_numbers(e: int, n: int) -> rsa.RSAPublicKey: ...
def private_key_from_numbers(
    p: int,
    q: int,
    d: int,
    dmp1: int,
    dmq1: int,
    iqmp: int,
    e: int,
    n: int,
    validate: bool,
) -> rsa.RSAPrivateKey: ...
def recover_prime_factors(n: int, e: int, d: int) -> tuple[int, int]: ...
def max_pss_salt_length(key_size: int, digest_size: int) -> int: ...
