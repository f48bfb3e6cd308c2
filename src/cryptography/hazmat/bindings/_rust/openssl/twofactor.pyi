# This file is dual licensed under the terms of the Apache License, Version
# 2.0, and the BSD License. See the LICENSE file in the root of this repository
# for complete details.

from cryptography.hazmat.primitives.hashes import HashAlgorithm
from cryptography.utils import Buffer

__all__ = ["dynamic_truncate", "hotp_code"]

def hotp_code(
    key: Buffer, algorithm: HashAlgorithm, counter: int, length: int
) -> bytes: ...
def dynamic_truncate(key: Buffer, algorithm: HashAlgorithm, counter: int) -> int: ...
