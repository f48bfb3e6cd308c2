# This file is dual licensed under the terms of the Apache License, Version
# 2.0, and the BSD License. See the LICENSE file in the root of this repository
# for complete details.

import typing

from cryptography.hazmat.primitives.asymmetric import ec, mlkem, x448, x25519
from cryptography.utils import Buffer

__all__ = [
    "AEAD",
    "KDF",
    "KEM",
    "MLKEM768X25519PrivateKey",
    "MLKEM768X25519PublicKey",
    "MLKEM1024P384PrivateKey",
    "MLKEM1024P384PublicKey",
    "RecipientContext",
    "SenderContext",
    "Suite",
    "_decrypt_with_aad",
    "_encrypt_with_aad",
]

@typing.final
class KEM:
    X25519: typing.ClassVar[KEM]
    P256: typing.ClassVar[KEM]
    P384: typing.ClassVar[KEM]
    P521: typing.ClassVar[KEM]
    MLKEM768: typing.ClassVar[KEM]
    MLKEM1024: typing.ClassVar[KEM]
    MLKEM768_X25519: typing.ClassVar[KEM]
    MLKEM1024_P384: typing.ClassVar[KEM]
    X448: typing.ClassVar[KEM]
    MLKEM512: typing.ClassVar[KEM]
    def enc_length(self) -> int: ...

@typing.final
class KDF:
    HKDF_SHA256: typing.ClassVar[KDF]
    HKDF_SHA384: typing.ClassVar[KDF]
    HKDF_SHA512: typing.ClassVar[KDF]
    SHAKE128: typing.ClassVar[KDF]
    SHAKE256: typing.ClassVar[KDF]

@typing.final
class AEAD:
    AES_128_GCM: typing.ClassVar[AEAD]
    AES_256_GCM: typing.ClassVar[AEAD]
    CHACHA20_POLY1305: typing.ClassVar[AEAD]
    EXPORT_ONLY: typing.ClassVar[AEAD]

@typing.final
class MLKEM768X25519PrivateKey:
    def __new__(
        cls,
        mlkem_key: mlkem.MLKEM768PrivateKey,
        x25519_key: x25519.X25519PrivateKey,
    ) -> MLKEM768X25519PrivateKey: ...
    def public_key(self) -> MLKEM768X25519PublicKey: ...

@typing.final
class MLKEM768X25519PublicKey:
    def __new__(
        cls,
        mlkem_key: mlkem.MLKEM768PublicKey,
        x25519_key: x25519.X25519PublicKey,
    ) -> MLKEM768X25519PublicKey: ...

@typing.final
class MLKEM1024P384PrivateKey:
    def __new__(
        cls,
        mlkem_key: mlkem.MLKEM1024PrivateKey,
        p384_key: ec.EllipticCurvePrivateKey,
    ) -> MLKEM1024P384PrivateKey: ...
    def public_key(self) -> MLKEM1024P384PublicKey: ...

@typing.final
class MLKEM1024P384PublicKey:
    def __new__(
        cls,
        mlkem_key: mlkem.MLKEM1024PublicKey,
        p384_key: ec.EllipticCurvePublicKey,
    ) -> MLKEM1024P384PublicKey: ...

_PublicKey = (
    x25519.X25519PublicKey
    | ec.EllipticCurvePublicKey
    | x448.X448PublicKey
    | mlkem.MLKEM512PublicKey
    | mlkem.MLKEM768PublicKey
    | mlkem.MLKEM1024PublicKey
    | MLKEM768X25519PublicKey
    | MLKEM1024P384PublicKey
)
_PrivateKey = (
    x25519.X25519PrivateKey
    | ec.EllipticCurvePrivateKey
    | x448.X448PrivateKey
    | mlkem.MLKEM512PrivateKey
    | mlkem.MLKEM768PrivateKey
    | mlkem.MLKEM1024PrivateKey
    | MLKEM768X25519PrivateKey
    | MLKEM1024P384PrivateKey
)

@typing.final
class Suite:
    def __new__(cls, kem: KEM, kdf: KDF, aead: AEAD) -> Suite: ...
    def encrypt(
        self,
        plaintext: Buffer,
        public_key: _PublicKey,
        info: Buffer | None = None,
    ) -> bytes: ...
    def decrypt(
        self,
        ciphertext: Buffer,
        private_key: _PrivateKey,
        info: Buffer | None = None,
    ) -> bytes: ...
    def sender_context(
        self,
        public_key: _PublicKey,
        info: Buffer | None = None,
        *,
        psk: Buffer | None = None,
        psk_id: Buffer | None = None,
        sender_key: _PrivateKey | None = None,
    ) -> SenderContext: ...
    def recipient_context(
        self,
        encapsulated_key: Buffer,
        private_key: _PrivateKey,
        info: Buffer | None = None,
        *,
        psk: Buffer | None = None,
        psk_id: Buffer | None = None,
        sender_public_key: _PublicKey | None = None,
    ) -> RecipientContext: ...

@typing.final
class SenderContext:
    @property
    def encapsulated_key(self) -> bytes: ...
    def seal(self, plaintext: Buffer, aad: Buffer | None = None) -> bytes: ...
    def export(self, exporter_context: Buffer, length: int) -> bytes: ...

@typing.final
class RecipientContext:
    def open(self, ciphertext: Buffer, aad: Buffer | None = None) -> bytes: ...
    def export(self, exporter_context: Buffer, length: int) -> bytes: ...

def _encrypt_with_aad(
    suite: Suite,
    plaintext: Buffer,
    public_key: _PublicKey,
    info: Buffer | None = None,
    aad: Buffer | None = None,
) -> bytes: ...
def _decrypt_with_aad(
    suite: Suite,
    ciphertext: Buffer,
    private_key: _PrivateKey,
    info: Buffer | None = None,
    aad: Buffer | None = None,
) -> bytes: ...
