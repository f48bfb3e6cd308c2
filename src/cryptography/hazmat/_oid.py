# This file is dual licensed under the terms of the Apache License, Version
# 2.0, and the BSD License. See the LICENSE file in the root of this repository
# for complete details.

"""Object identifiers: the native `ObjectIdentifier`, and the names of the OIDs this
package knows (used in its repr)."""

from __future__ import annotations

from cryptography.hazmat.bindings._rust import ObjectIdentifier as ObjectIdentifier

__all__ = ["ObjectIdentifier"]

_OID_NAMES: dict[ObjectIdentifier, str] = {}
