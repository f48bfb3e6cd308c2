# This file is dual licensed under the terms of the Apache License, Version
# 2.0, and the BSD License. See the LICENSE file in the root of this repository
# for complete details.

"""One-time passwords: HOTP (RFC 4226) and TOTP (RFC 6238)."""

from __future__ import annotations


class InvalidToken(Exception):
    """A one-time password did not match."""


__all__ = ["InvalidToken"]
