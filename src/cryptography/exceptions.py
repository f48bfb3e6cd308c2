# This file is dual licensed under the terms of the Apache License, Version
# 2.0, and the BSD License. See the LICENSE file in the root of this repository
# for complete details.

from __future__ import annotations

import enum
import typing


class _Reasons(enum.Enum):
    """Why an algorithm is unsupported; carried by :class:`UnsupportedAlgorithm`."""

    BACKEND_MISSING_INTERFACE = 0
    UNSUPPORTED_HASH = 1
    UNSUPPORTED_CIPHER = 2
    UNSUPPORTED_PADDING = 3
    UNSUPPORTED_MGF = 4
    UNSUPPORTED_PUBLIC_KEY_ALGORITHM = 5
    UNSUPPORTED_ELLIPTIC_CURVE = 6
    UNSUPPORTED_SERIALIZATION = 7
    UNSUPPORTED_X509 = 8
    UNSUPPORTED_EXCHANGE_ALGORITHM = 9
    UNSUPPORTED_DIFFIE_HELLMAN = 10
    UNSUPPORTED_MAC = 11


class UnsupportedAlgorithm(Exception):
    """The algorithm, mode or parameter is not available in this build."""

    def __init__(self, message: str, reason: _Reasons | None = None) -> None:
        super().__init__(message)
        self._reason = reason


class AlreadyFinalized(Exception):
    """A context was used after it was finalized."""


class AlreadyUpdated(Exception):
    """Additional data was given after the payload had been updated."""


class NotYetFinalized(Exception):
    """A result (such as a tag) was asked for before the context was finalized."""


class InvalidTag(Exception):
    """An authentication tag did not match."""


class InvalidSignature(Exception):
    """A signature or MAC did not match."""


class InternalError(Exception):
    """OpenSSL failed in a way the package did not expect."""

    def __init__(self, msg: str, err_code: typing.Sequence[typing.Any]) -> None:
        super().__init__(msg)
        self.err_code = err_code


class InvalidKey(Exception):
    """A derived or provided key did not match."""
