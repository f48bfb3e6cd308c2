# This file is dual licensed under the terms of the Apache License, Version
# 2.0, and the BSD License. See the LICENSE file in the root of this repository
# for complete details.

"""Key derivation functions. Each class derives once (`derive`, `derive_into` or
`verify`); the derivations run natively."""

from __future__ import annotations

import abc

from cryptography.utils import Buffer


class KeyDerivationFunction(metaclass=abc.ABCMeta):
    @abc.abstractmethod
    def derive(self, key_material: bytes) -> bytes:
        """Deterministically generates and returns a new key from the key material."""

    @abc.abstractmethod
    def derive_into(self, key_material: bytes, buffer: Buffer) -> None:
        """Deterministically generates a new key from the key material and writes it
        into the buffer."""

    @abc.abstractmethod
    def verify(self, key_material: bytes, expected_key: bytes) -> None:
        """Checks that the key derived from the key material matches the expected key;
        raises `InvalidKey` if it does not."""
