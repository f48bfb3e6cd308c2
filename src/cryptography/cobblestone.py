# This file is dual licensed under the terms of the Apache License, Version
# 2.0, and the BSD License. See the LICENSE file in the root of this repository
# for complete details.

"""Cobblestone: C2SP chunked encryption (c2sp.org/chunked-encryption) with AES-GCM.

Streaming authenticated encryption of long messages in 16 KiB chunks, with a key
commitment and a fresh random salt per message.
"""

from __future__ import annotations

from cryptography.hazmat.bindings._rust import cobblestone as rust_cobblestone

__all__ = [
    "Cobblestone128Decryptor",
    "Cobblestone128Encryptor",
    "Cobblestone256Decryptor",
    "Cobblestone256Encryptor",
]

Cobblestone128Encryptor = rust_cobblestone.Cobblestone128Encryptor
Cobblestone128Decryptor = rust_cobblestone.Cobblestone128Decryptor
Cobblestone256Encryptor = rust_cobblestone.Cobblestone256Encryptor
Cobblestone256Decryptor = rust_cobblestone.Cobblestone256Decryptor
