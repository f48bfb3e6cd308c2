# This file is dual licensed under the terms of the Apache License, Version
# 2.0, and the BSD License. See the LICENSE file in the root of this repository
# for complete details.

from __future__ import annotations

from cryptography import utils
from cryptography.hazmat.bindings._rust import openssl as rust_openssl
from cryptography.hazmat.decrepit.ciphers.algorithms import (
    ARC4 as ARC4,
)
from cryptography.hazmat.decrepit.ciphers.algorithms import (
    CAST5 as CAST5,
)
from cryptography.hazmat.decrepit.ciphers.algorithms import (
    IDEA as IDEA,
)
from cryptography.hazmat.decrepit.ciphers.algorithms import (
    SEED as SEED,
)
from cryptography.hazmat.decrepit.ciphers.algorithms import (
    Blowfish as Blowfish,
)
from cryptography.hazmat.decrepit.ciphers.algorithms import (
    Camellia as Camellia,
)
from cryptography.hazmat.decrepit.ciphers.algorithms import (
    TripleDES as TripleDES,
)
from cryptography.hazmat.primitives._cipheralgorithm import (
    BlockCipherAlgorithm,
    CipherAlgorithm,
    _KeyedByBytes,
)

# AES, AES128 and AES256 are native: constructing one is part of every
# `Cipher(AES(key), mode)` message. They keep the reference's attributes and checks.
AES = rust_openssl.ciphers.AES
AES128 = rust_openssl.ciphers.AES128
AES256 = rust_openssl.ciphers.AES256
for _native in (AES, AES128, AES256):
    BlockCipherAlgorithm.register(_native)
del _native


class SM4(_KeyedByBytes, BlockCipherAlgorithm):
    name = "SM4"
    block_size = 128
    key_sizes = frozenset([128])


class ChaCha20(_KeyedByBytes, CipherAlgorithm):
    name = "ChaCha20"
    key_sizes = frozenset([256])

    def __init__(self, key: utils.Buffer, nonce: utils.Buffer):
        super().__init__(key)
        utils._check_byteslike("nonce", nonce)
        rust_openssl.ciphers.check_chacha20_nonce(len(nonce))
        self._nonce = nonce

    @property
    def nonce(self) -> utils.Buffer:
        return self._nonce


utils.deprecated(
    ARC4,
    __name__,
    "ARC4 has been moved to "
    "cryptography.hazmat.decrepit.ciphers.algorithms.ARC4 and "
    "will be removed from "
    "cryptography.hazmat.primitives.ciphers.algorithms in 48.0.0.",
    utils.DeprecatedIn43,
    name="ARC4",
)
utils.deprecated(
    TripleDES,
    __name__,
    "TripleDES has been moved to "
    "cryptography.hazmat.decrepit.ciphers.algorithms.TripleDES and "
    "will be removed from "
    "cryptography.hazmat.primitives.ciphers.algorithms in 48.0.0.",
    utils.DeprecatedIn43,
    name="TripleDES",
)
utils.deprecated(
    Camellia,
    __name__,
    "Camellia has been moved to "
    "cryptography.hazmat.decrepit.ciphers.algorithms.Camellia and "
    "will be removed from "
    "cryptography.hazmat.primitives.ciphers.algorithms in 49.0.0.",
    utils.DeprecatedIn47,
    name="Camellia",
)
