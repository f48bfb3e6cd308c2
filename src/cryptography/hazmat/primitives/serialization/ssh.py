# This file is dual licensed under the terms of the Apache License, Version
# 2.0, and the BSD License. See the LICENSE file in the root of this repository
# for complete details.

"""OpenSSH keys and certificates. Parsing, encryption (bcrypt_pbkdf, built in: no
`bcrypt` package needed), signing and writing run natively; this module holds the
certificate builder's argument rules and the key-type unions."""

from __future__ import annotations

import copy
import enum
import os
import typing
from dataclasses import dataclass as dataclass

from cryptography.exceptions import UnsupportedAlgorithm as UnsupportedAlgorithm
from cryptography.hazmat.bindings._rust import ssh as rust_ssh
from cryptography.hazmat.primitives._serialization import (
    Encoding as Encoding,
)
from cryptography.hazmat.primitives._serialization import (
    KeySerializationEncryption as KeySerializationEncryption,
)
from cryptography.hazmat.primitives._serialization import (
    NoEncryption as NoEncryption,
)
from cryptography.hazmat.primitives._serialization import (
    PrivateFormat as PrivateFormat,
)
from cryptography.hazmat.primitives._serialization import (
    PublicFormat as PublicFormat,
)
from cryptography.hazmat.primitives.asymmetric import dsa, ec, ed25519, rsa
from cryptography.hazmat.primitives.ciphers import (
    AEADDecryptionContext as AEADDecryptionContext,
)
from cryptography.hazmat.primitives.ciphers import Cipher as Cipher
from cryptography.utils import Buffer

__all__ = [
    # Names the reference's module also exposes (its imports among them).
    "AEADDecryptionContext",
    "Cipher",
    "Encoding",
    "KeySerializationEncryption",
    "NoEncryption",
    "PrivateFormat",
    "PublicFormat",
    "UnsupportedAlgorithm",
    "dataclass",
    "load_application",
    "serialize_ssh_public_key",
    "SSHCertPrivateKeyTypes",
    "SSHCertPublicKeyTypes",
    "SSHCertificate",
    "SSHCertificateBuilder",
    "SSHCertificateType",
    "SSHPrivateKeyTypes",
    "SSHPublicKeyTypes",
    "load_ssh_private_key",
    "load_ssh_public_identity",
    "load_ssh_public_key",
    "ssh_key_fingerprint",
]

# Encrypted keys open without the bcrypt package (the reference needs it).
_bcrypt_supported = True

# OpenSSH's own limit on a certificate's principals (sshd and ssh-keygen refuse more).
_SSHKEY_CERT_MAX_PRINCIPALS = 256

SSHPrivateKeyTypes = typing.Union[
    ec.EllipticCurvePrivateKey,
    rsa.RSAPrivateKey,
    dsa.DSAPrivateKey,
    ed25519.Ed25519PrivateKey,
]
SSHPublicKeyTypes = typing.Union[
    ec.EllipticCurvePublicKey,
    rsa.RSAPublicKey,
    dsa.DSAPublicKey,
    ed25519.Ed25519PublicKey,
]
SSHCertPublicKeyTypes = typing.Union[
    ec.EllipticCurvePublicKey,
    rsa.RSAPublicKey,
    ed25519.Ed25519PublicKey,
]
SSHCertPrivateKeyTypes = typing.Union[
    ec.EllipticCurvePrivateKey,
    rsa.RSAPrivateKey,
    ed25519.Ed25519PrivateKey,
]


class SSHCertificateType(enum.Enum):
    USER = 1
    HOST = 2


SSHCertificate = rust_ssh.SSHCertificate
load_ssh_private_key = rust_ssh.load_ssh_private_key
load_ssh_public_key = rust_ssh.load_ssh_public_key
load_ssh_public_identity = rust_ssh.load_ssh_public_identity
ssh_key_fingerprint = rust_ssh.ssh_key_fingerprint
_serialize_ssh_private_key = rust_ssh.serialize_ssh_private_key


def serialize_ssh_public_key(public_key: SSHPublicKeyTypes) -> bytes:
    """The key's `authorized_keys` line, without a comment."""
    return public_key.public_bytes(Encoding.OpenSSH, PublicFormat.OpenSSH)


load_application = rust_ssh.load_application


class _FragList:
    """Concatenates SSH wire fields (uint32, uint64, string, mpint), for callers that
    assemble SSH structures by hand (the reference exposes the same helper)."""

    def __init__(self, init: list[Buffer] | None = None) -> None:
        self.flist: list[Buffer] = list(init or [])

    def put_raw(self, val: Buffer) -> None:
        self.flist.append(val)

    def put_u32(self, val: int) -> None:
        self.flist.append(val.to_bytes(length=4, byteorder="big"))

    def put_u64(self, val: int) -> None:
        self.flist.append(val.to_bytes(length=8, byteorder="big"))

    def put_sshstr(self, val: bytes | _FragList) -> None:
        if isinstance(val, _FragList):
            self.put_u32(val.size())
            self.flist.extend(val.flist)
        else:
            self.put_u32(len(val))
            self.flist.append(val)

    def put_mpint(self, val: int) -> None:
        if val < 0:
            raise ValueError("negative mpint not allowed")
        self.put_sshstr(
            val.to_bytes((val.bit_length() + 8) // 8, "big") if val else b""
        )

    def size(self) -> int:
        return sum(len(memoryview(frag)) for frag in self.flist)

    def render(self, dstbuf: memoryview, pos: int = 0) -> int:
        for frag in self.flist:
            flen = len(memoryview(frag))
            dstbuf[pos : pos + flen] = frag
            pos += flen
        return pos

    def tobytes(self) -> bytes:
        return b"".join(bytes(memoryview(frag)) for frag in self.flist)


def _timestamp(value: int | float, name: str) -> int:
    if not isinstance(value, (int, float)):
        raise TypeError(f"{name} must be an int or float")
    value = int(value)
    if value < 0 or value >= 2**64:
        raise ValueError(f"{name} must [0, 2**64)")
    return value


class SSHCertificateBuilder:
    """Builds an OpenSSH certificate; each setter returns a new builder."""

    def __init__(
        self,
        _public_key: SSHCertPublicKeyTypes | None = None,
        _serial: int | None = None,
        _type: SSHCertificateType | None = None,
        _key_id: bytes | None = None,
        _valid_principals: list[bytes] | None = None,
        _valid_for_all_principals: bool = False,
        _valid_before: int | None = None,
        _valid_after: int | None = None,
        _critical_options: list[tuple[bytes, bytes]] | None = None,
        _extensions: list[tuple[bytes, bytes]] | None = None,
    ):
        self._public_key = _public_key
        self._serial = _serial
        self._type = _type
        self._key_id = _key_id
        self._valid_principals = _valid_principals or []
        self._valid_for_all_principals = _valid_for_all_principals
        self._valid_before = _valid_before
        self._valid_after = _valid_after
        self._critical_options = _critical_options or []
        self._extensions = _extensions or []

    def _with(self, **changes: typing.Any) -> SSHCertificateBuilder:
        builder = copy.copy(self)
        for name, value in changes.items():
            setattr(builder, name, value)
        return builder

    def public_key(self, public_key: SSHCertPublicKeyTypes) -> SSHCertificateBuilder:
        if not isinstance(
            public_key,
            (ec.EllipticCurvePublicKey, rsa.RSAPublicKey, ed25519.Ed25519PublicKey),
        ):
            raise TypeError("Unsupported key type")
        if self._public_key is not None:
            raise ValueError("public_key already set")
        return self._with(_public_key=public_key)

    def serial(self, serial: int) -> SSHCertificateBuilder:
        if not isinstance(serial, int):
            raise TypeError("serial must be an integer")
        if not 0 <= serial < 2**64:
            raise ValueError("serial must be between 0 and 2**64")
        if self._serial is not None:
            raise ValueError("serial already set")
        return self._with(_serial=serial)

    def type(self, type: SSHCertificateType) -> SSHCertificateBuilder:
        if not isinstance(type, SSHCertificateType):
            raise TypeError("type must be an SSHCertificateType")
        if self._type is not None:
            raise ValueError("type already set")
        return self._with(_type=type)

    def key_id(self, key_id: bytes) -> SSHCertificateBuilder:
        if not isinstance(key_id, bytes):
            raise TypeError("key_id must be bytes")
        if self._key_id is not None:
            raise ValueError("key_id already set")
        return self._with(_key_id=key_id)

    def valid_principals(self, valid_principals: list[bytes]) -> SSHCertificateBuilder:
        if self._valid_for_all_principals:
            raise ValueError(
                "Principals can't be set because the cert is valid for all principals"
            )
        if not valid_principals or not all(
            isinstance(principal, bytes) for principal in valid_principals
        ):
            raise TypeError("principals must be a list of bytes and can't be empty")
        if self._valid_principals:
            raise ValueError("valid_principals already set")
        if len(valid_principals) > _SSHKEY_CERT_MAX_PRINCIPALS:
            raise ValueError(
                "Reached or exceeded the maximum number of valid_principals"
            )
        return self._with(_valid_principals=valid_principals)

    def valid_for_all_principals(self) -> SSHCertificateBuilder:
        if self._valid_principals:
            raise ValueError(
                "valid_principals already set, can't set valid_for_all_principals"
            )
        if self._valid_for_all_principals:
            raise ValueError("valid_for_all_principals already set")
        return self._with(_valid_for_all_principals=True)

    def valid_before(self, valid_before: int | float) -> SSHCertificateBuilder:
        value = _timestamp(valid_before, "valid_before")
        if self._valid_before is not None:
            raise ValueError("valid_before already set")
        return self._with(_valid_before=value)

    def valid_after(self, valid_after: int | float) -> SSHCertificateBuilder:
        value = _timestamp(valid_after, "valid_after")
        if self._valid_after is not None:
            raise ValueError("valid_after already set")
        return self._with(_valid_after=value)

    def add_critical_option(self, name: bytes, value: bytes) -> SSHCertificateBuilder:
        if not isinstance(name, bytes) or not isinstance(value, bytes):
            raise TypeError("name and value must be bytes")
        if any(name == existing for existing, _ in self._critical_options):
            raise ValueError("Duplicate critical option name")
        return self._with(_critical_options=[*self._critical_options, (name, value)])

    def add_extension(self, name: bytes, value: bytes) -> SSHCertificateBuilder:
        if not isinstance(name, bytes) or not isinstance(value, bytes):
            raise TypeError("name and value must be bytes")
        if any(name == existing for existing, _ in self._extensions):
            raise ValueError("Duplicate extension name")
        return self._with(_extensions=[*self._extensions, (name, value)])

    def sign(self, private_key: SSHCertPrivateKeyTypes) -> SSHCertificate:
        """The signed certificate. Critical options and extensions are written sorted
        by name, as OpenSSH requires; RSA CAs sign with rsa-sha2-512."""
        if not isinstance(
            private_key,
            (ec.EllipticCurvePrivateKey, rsa.RSAPrivateKey, ed25519.Ed25519PrivateKey),
        ):
            raise TypeError("Unsupported private key type")
        if self._public_key is None:
            raise ValueError("public_key must be set")
        if self._type is None:
            raise ValueError("type must be set")
        if not self._valid_principals and not self._valid_for_all_principals:
            raise ValueError(
                "valid_principals must be set if valid_for_all_principals is False"
            )
        if self._valid_before is None:
            raise ValueError("valid_before must be set")
        if self._valid_after is None:
            raise ValueError("valid_after must be set")
        if self._valid_after > self._valid_before:
            raise ValueError("valid_after must be earlier than valid_before")
        return rust_ssh.sign_certificate(
            private_key,
            self._public_key,
            os.urandom(32),
            0 if self._serial is None else self._serial,
            self._type.value,
            b"" if self._key_id is None else self._key_id,
            self._valid_principals,
            self._valid_after,
            self._valid_before,
            self._critical_options,
            self._extensions,
        )
