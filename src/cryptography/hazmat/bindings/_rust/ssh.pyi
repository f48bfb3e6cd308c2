# This file is dual licensed under the terms of the Apache License, Version
# 2.0, and the BSD License. See the LICENSE file in the root of this repository
# for complete details.

import typing

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.serialization import KeySerializationEncryption
from cryptography.hazmat.primitives.serialization.ssh import (
    SSHCertificateType,
    SSHCertPrivateKeyTypes,
    SSHCertPublicKeyTypes,
    SSHPrivateKeyTypes,
    SSHPublicKeyTypes,
)
from cryptography.utils import Buffer

__all__ = [
    "SSHCertificate",
    "load_application",
    "load_ssh_private_key",
    "load_ssh_public_identity",
    "load_ssh_public_key",
    "serialize_ssh_private_key",
    "sign_certificate",
    "ssh_key_fingerprint",
]

@typing.final
class SSHCertificate:
    @property
    def nonce(self) -> bytes: ...
    def public_key(self) -> SSHCertPublicKeyTypes: ...
    @property
    def serial(self) -> int: ...
    @property
    def type(self) -> SSHCertificateType: ...
    @property
    def key_id(self) -> bytes: ...
    @property
    def valid_principals(self) -> list[bytes]: ...
    @property
    def valid_before(self) -> int: ...
    @property
    def valid_after(self) -> int: ...
    @property
    def critical_options(self) -> dict[bytes, bytes]: ...
    @property
    def extensions(self) -> dict[bytes, bytes]: ...
    def signature_key(self) -> SSHCertPublicKeyTypes: ...
    def public_bytes(self) -> bytes: ...
    def verify_cert_signature(self) -> None: ...

def load_ssh_private_key(
    data: Buffer,
    password: bytes | None,
    backend: typing.Any = None,
    *,
    unsafe_skip_rsa_key_validation: bool = False,
) -> SSHPrivateKeyTypes: ...
def load_ssh_public_key(
    data: Buffer, backend: typing.Any = None
) -> SSHPublicKeyTypes: ...
def load_ssh_public_identity(
    data: Buffer,
) -> SSHCertificate | SSHPublicKeyTypes: ...
def ssh_key_fingerprint(
    key: SSHPublicKeyTypes,
    hash_algorithm: hashes.MD5 | hashes.SHA1 | hashes.SHA256,
) -> bytes: ...
def load_application(data: Buffer) -> tuple[bytes, bytes]: ...
def sign_certificate(
    private_key: SSHCertPrivateKeyTypes,
    public_key: SSHCertPublicKeyTypes,
    nonce: bytes,
    serial: int,
    cert_type: int,
    key_id: bytes,
    valid_principals: list[bytes],
    valid_after: int,
    valid_before: int,
    critical_options: list[tuple[bytes, bytes]],
    extensions: list[tuple[bytes, bytes]],
) -> SSHCertificate: ...
def serialize_ssh_private_key(
    private_key: SSHPrivateKeyTypes,
    password: bytes,
    encryption_algorithm: KeySerializationEncryption,
) -> bytes: ...
