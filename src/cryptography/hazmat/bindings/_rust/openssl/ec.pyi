# This file is dual licensed under the terms of the Apache License, Version
# 2.0, and the BSD License. See the LICENSE file in the root of this repository
# for complete details.

import typing

from cryptography.hazmat.primitives import _serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.utils import Buffer

__all__ = [
    "ECPrivateKey",
    "ECPublicKey",
    "derive_private_key",
    "deterministic_signing_supported",
    "from_public_bytes",
    "generate_private_key",
    "private_key_from_numbers",
    "public_key_from_numbers",
]

@typing.final
class ECPrivateKey:
    @property
    def curve(self) -> ec.EllipticCurve: ...
    @property
    def key_size(self) -> int: ...
    def sign(
        self, data: Buffer, signature_algorithm: ec.EllipticCurveSignatureAlgorithm
    ) -> bytes: ...
    def exchange(
        self, algorithm: ec.ECDH, peer_public_key: ec.EllipticCurvePublicKey
    ) -> bytes: ...
    def public_key(self) -> ec.EllipticCurvePublicKey: ...
    def private_numbers(self) -> ec.EllipticCurvePrivateNumbers: ...
    def private_bytes(
        self,
        encoding: _serialization.Encoding,
        format: _serialization.PrivateFormat,
        encryption_algorithm: _serialization.KeySerializationEncryption,
    ) -> bytes: ...
    def __copy__(self) -> ECPrivateKey: ...
    def __deepcopy__(self, memo: typing.Any) -> ECPrivateKey: ...

@typing.final
class ECPublicKey:
    @property
    def curve(self) -> ec.EllipticCurve: ...
    @property
    def key_size(self) -> int: ...
    def verify(
        self,
        signature: Buffer,
        data: Buffer,
        signature_algorithm: ec.EllipticCurveSignatureAlgorithm,
    ) -> None: ...
    def public_numbers(self) -> ec.EllipticCurvePublicNumbers: ...
    def public_bytes(
        self,
        encoding: _serialization.Encoding,
        format: _serialization.PublicFormat,
    ) -> bytes: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __copy__(self) -> ECPublicKey: ...
    def __deepcopy__(self, memo: typing.Any) -> ECPublicKey: ...

def generate_private_key(curve: ec.EllipticCurve) -> ec.EllipticCurvePrivateKey: ...
def derive_private_key(
    private_value: int, curve: ec.EllipticCurve
) -> ec.EllipticCurvePrivateKey: ...
def from_public_bytes(
    curve: ec.EllipticCurve, data: Buffer
) -> ec.EllipticCurvePublicKey: ...
def public_key_from_numbers(
    curve: ec.EllipticCurve, x: int, y: int
) -> ec.EllipticCurvePublicKey: ...
def private_key_from_numbers(
    private_value: int, curve: ec.EllipticCurve, x: int, y: int
) -> ec.EllipticCurvePrivateKey: ...
def deterministic_signing_supported() -> bool: ...
