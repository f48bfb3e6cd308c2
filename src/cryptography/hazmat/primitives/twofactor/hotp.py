# This file is dual licensed under the terms of the Apache License, Version
# 2.0, and the BSD License. See the LICENSE file in the root of this repository
# for complete details.

"""HOTP (RFC 4226): counter-based one-time passwords. The HMAC and the truncation to
digits run natively, in one call per value."""

from __future__ import annotations

import base64
import typing
from urllib.parse import quote, urlencode

from cryptography.hazmat.bindings._rust import openssl as rust_openssl
from cryptography.hazmat.primitives import constant_time
from cryptography.hazmat.primitives.hashes import SHA1, SHA256, SHA512
from cryptography.hazmat.primitives.twofactor import InvalidToken
from cryptography.utils import Buffer

__all__ = ["HOTP", "SHA1", "SHA256", "SHA512", "InvalidToken", "quote", "urlencode"]

HOTPHashTypes = typing.Union[SHA1, SHA256, SHA512]


def _generate_uri(
    hotp: HOTP,
    type_name: str,
    account_name: str,
    issuer: str | None,
    extra_parameters: list[tuple[str, int]],
) -> str:
    """An ``otpauth://`` URI (the Key Uri Format authenticator apps read)."""
    parameters: list[tuple[str, typing.Any]] = [
        ("digits", hotp._length),
        ("secret", base64.b32encode(hotp._key)),
        ("algorithm", hotp._algorithm.name.upper()),
    ]
    if issuer is not None:
        parameters.append(("issuer", issuer))
    parameters.extend(extra_parameters)
    label = quote(account_name)
    if issuer:
        label = f"{quote(issuer)}:{label}"
    return f"otpauth://{type_name}/{label}?{urlencode(parameters)}"


class HOTP:
    def __init__(
        self,
        key: Buffer,
        length: int,
        algorithm: HOTPHashTypes,
        backend: typing.Any = None,
        enforce_key_length: bool = True,
    ) -> None:
        # The native object checks the arguments, with the reference's messages.
        self._native = rust_openssl.twofactor.Hotp(
            key, length, algorithm, enforce_key_length
        )
        self._key = key
        self._length = length
        self._algorithm = algorithm

    def generate(self, counter: int) -> bytes:
        return self._native.generate(counter)

    def _dynamic_truncate(self, counter: int) -> int:
        return self._native.dynamic_truncate(counter)

    def verify(self, hotp: bytes, counter: int) -> None:
        if not constant_time.bytes_eq(self.generate(counter), hotp):
            raise InvalidToken("Supplied HOTP value does not match.")

    def get_provisioning_uri(
        self, account_name: str, counter: int, issuer: str | None
    ) -> str:
        return _generate_uri(
            self, "hotp", account_name, issuer, [("counter", int(counter))]
        )
