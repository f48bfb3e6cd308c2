# This file is dual licensed under the terms of the Apache License, Version
# 2.0, and the BSD License. See the LICENSE file in the root of this repository
# for complete details.

from __future__ import annotations

import abc

from cryptography import utils
from cryptography.hazmat.bindings._rust import openssl as rust_openssl

# Interfaces of symmetric cipher algorithms, importable from this private module because
# third-party code does.


class CipherAlgorithm(metaclass=abc.ABCMeta):
    @property
    @abc.abstractmethod
    def name(self) -> str:
        """A string naming this mode (e.g. "AES", "Camellia")."""

    @property
    @abc.abstractmethod
    def key_sizes(self) -> frozenset[int]:
        """Valid key sizes for this algorithm in bits."""

    @property
    @abc.abstractmethod
    def key_size(self) -> int:
        """The size of the key being used as an integer in bits (e.g. 128, 256)."""


class BlockCipherAlgorithm(CipherAlgorithm):
    key: utils.Buffer

    @property
    @abc.abstractmethod
    def block_size(self) -> int:
        """The size of a block as an integer in bits (e.g. 64, 128)."""


def _verify_key_size(algorithm: CipherAlgorithm, key: utils.Buffer) -> utils.Buffer:
    """Checks that `key` is bytes-like and one of the algorithm's sizes; returns it."""
    # bytes and bytearray need no further check; this runs for every cipher object.
    if not isinstance(key, (bytes, bytearray)):
        utils._check_byteslike("key", key)
    rust_openssl.ciphers.check_key_size(
        algorithm.name, algorithm.key_sizes, len(key) * 8
    )
    return key


class _KeyedByBytes:
    """The shared body of the cipher classes: a checked key, and its size in bits."""

    key_sizes: frozenset[int]
    name: str

    def __init__(self, key: utils.Buffer):
        self.key = _verify_key_size(self, key)  # type: ignore[arg-type]

    @property
    def key_size(self) -> int:
        return len(self.key) * 8
