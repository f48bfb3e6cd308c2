# This file is dual licensed under the terms of the Apache License, Version
# 2.0, and the BSD License. See the LICENSE file in the root of this repository
# for complete details.

"""Fernet: symmetric authenticated tokens (AES-128-CBC and HMAC-SHA256).

Making a token and checking one are each a single native call; this module handles the
key encoding and the clock.
"""

from __future__ import annotations

import base64
import binascii
import os
import time
import typing
from collections.abc import Iterable

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.bindings._rust import fernet as rust_fernet
from cryptography.hazmat.primitives import hashes, padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.hmac import HMAC

# The reference's module also exposes these names (code imports them from here), though
# tokens are made and checked natively.
_REEXPORTED = (Cipher, HMAC, InvalidSignature, algorithms, hashes, modes, padding)

__all__ = ["Fernet", "InvalidToken", "MultiFernet"]


class InvalidToken(Exception):
    """A token was malformed, tampered with, expired, or made with another key."""


_MAX_CLOCK_SKEW = 60


class Fernet:
    def __init__(
        self,
        key: bytes | str,
        backend: typing.Any = None,
    ) -> None:
        try:
            raw = base64.urlsafe_b64decode(key)
        except binascii.Error as exc:
            raise ValueError(
                "Fernet key must be 32 url-safe base64-encoded bytes."
            ) from exc
        # The length rule, and its message, are the core's.
        self._core = rust_fernet.FernetKey(raw)

    @classmethod
    def generate_key(cls) -> bytes:
        return base64.urlsafe_b64encode(os.urandom(32))

    # The clock is Python's `time.time()`, read at call time, so that tests which freeze
    # or patch it (freezegun, unittest.mock) move it here too.

    def encrypt(self, data: bytes) -> bytes:
        return self._core.encrypt_at_time(data, int(time.time()))

    def encrypt_at_time(self, data: bytes, current_time: int) -> bytes:
        return self._core.encrypt_at_time(data, current_time)

    def _encrypt_from_parts(self, data: bytes, current_time: int, iv: bytes) -> bytes:
        return self._core.encrypt_from_parts(data, current_time, iv)

    def decrypt(self, token: bytes | str, ttl: int | None = None) -> bytes:
        if ttl is None:
            return self._core.decrypt_at_time(token, None, None)
        return self._core.decrypt_at_time(token, ttl, int(time.time()))

    def decrypt_at_time(self, token: bytes | str, ttl: int, current_time: int) -> bytes:
        if ttl is None:
            raise ValueError("decrypt_at_time() can only be used with a non-None ttl")
        return self._core.decrypt_at_time(token, ttl, current_time)

    def extract_timestamp(self, token: bytes | str) -> int:
        return self._core.extract_timestamp(token)

    @staticmethod
    def _get_unverified_token_data(token: bytes | str) -> tuple[int, bytes]:
        return rust_fernet.FernetKey.unverified_token_data(token)


class MultiFernet:
    """Encrypts with the first key; decrypts with any (for key rotation)."""

    def __init__(self, fernets: Iterable[Fernet]):
        fernets = list(fernets)
        if not fernets:
            raise ValueError("MultiFernet requires at least one Fernet instance")
        self._fernets = fernets

    def encrypt(self, msg: bytes) -> bytes:
        return self._fernets[0].encrypt_at_time(msg, int(time.time()))

    def encrypt_at_time(self, msg: bytes, current_time: int) -> bytes:
        return self._fernets[0].encrypt_at_time(msg, current_time)

    def rotate(self, msg: bytes | str) -> bytes:
        """Re-encrypts a token under the first key, keeping its timestamp."""
        # One authenticated decryption; the timestamp it vouched for is then read as is.
        data = self._decrypt_with_any(lambda f: f.decrypt(msg))
        timestamp, _ = Fernet._get_unverified_token_data(msg)
        return self._fernets[0].encrypt_at_time(data, timestamp)

    def decrypt(self, msg: bytes | str, ttl: int | None = None) -> bytes:
        return self._decrypt_with_any(lambda f: f.decrypt(msg, ttl))

    def decrypt_at_time(self, msg: bytes | str, ttl: int, current_time: int) -> bytes:
        return self._decrypt_with_any(
            lambda f: f.decrypt_at_time(msg, ttl, current_time)
        )

    def extract_timestamp(self, msg: bytes | str) -> int:
        return self._decrypt_with_any(lambda f: f.extract_timestamp(msg))

    _T = typing.TypeVar("_T")

    def _decrypt_with_any(self, attempt: typing.Callable[[Fernet], _T]) -> _T:
        for f in self._fernets:
            try:
                return attempt(f)
            except InvalidToken:
                pass
        raise InvalidToken
