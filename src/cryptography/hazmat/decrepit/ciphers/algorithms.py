# This file is dual licensed under the terms of the Apache License, Version
# 2.0, and the BSD License. See the LICENSE file in the root of this repository
# for complete details.

from __future__ import annotations

import warnings

from cryptography import utils
from cryptography.hazmat.primitives._cipheralgorithm import (
    BlockCipherAlgorithm,
    CipherAlgorithm,
    _KeyedByBytes,
    _verify_key_size,
)

# Ciphers kept for compatibility with old data and protocols. They run on OpenSSL's legacy
# provider; where a build lacks one, using it raises UnsupportedAlgorithm.


class ARC4(_KeyedByBytes, CipherAlgorithm):
    name = "RC4"
    key_sizes = frozenset([40, 56, 64, 80, 128, 160, 192, 256])


class TripleDES(_KeyedByBytes, BlockCipherAlgorithm):
    name = "3DES"
    block_size = 64
    key_sizes = frozenset([64, 128, 192])

    def __init__(self, key: bytes):
        # One- and two-key forms are expanded to the three-key form K1 K2 K3; both are
        # deprecated. The type is checked first, so a wrong one does not warn.
        utils._check_byteslike("key", key)
        if len(key) == 8:
            warnings.warn(
                "Single-key TripleDES (8-byte keys) is deprecated; use a 24-byte key "
                "(key + key + key gives the same cipher).",
                utils.DeprecatedIn47,
                stacklevel=2,
            )
            key = bytes(key) * 3
        elif len(key) == 16:
            warnings.warn(
                "Two-key TripleDES (16-byte keys) is deprecated; use a 24-byte key "
                "(key + key[:8] gives the same cipher).",
                utils.DeprecatedIn47,
                stacklevel=2,
            )
            key = bytes(key) + bytes(key)[:8]
        self.key = _verify_key_size(self, key)


class _DES:
    """Single DES: not offered. A marker that the reference's tests ask the backend
    about (`cipher_supported` answers False)."""

    key_size = 64


class Blowfish(_KeyedByBytes, BlockCipherAlgorithm):
    name = "Blowfish"
    block_size = 64
    key_sizes = frozenset(range(32, 449, 8))


class CAST5(_KeyedByBytes, BlockCipherAlgorithm):
    name = "CAST5"
    block_size = 64
    key_sizes = frozenset(range(40, 129, 8))


class SEED(_KeyedByBytes, BlockCipherAlgorithm):
    name = "SEED"
    block_size = 128
    key_sizes = frozenset([128])


class IDEA(_KeyedByBytes, BlockCipherAlgorithm):
    name = "IDEA"
    block_size = 64
    key_sizes = frozenset([128])


# RC2 is only offered for decrypting legacy PKCS #12 files, with 128-bit keys.
class RC2(_KeyedByBytes, BlockCipherAlgorithm):
    name = "RC2"
    block_size = 64
    key_sizes = frozenset([128])


class Camellia(_KeyedByBytes, BlockCipherAlgorithm):
    name = "camellia"
    block_size = 128
    key_sizes = frozenset([128, 192, 256])
