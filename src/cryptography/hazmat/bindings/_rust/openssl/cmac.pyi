# This file is dual licensed under the terms of the Apache License, Version
# 2.0, and the BSD License. See the LICENSE file in the root of this repository
# for complete details.

import typing

from cryptography.hazmat.primitives import ciphers
from cryptography.utils import Buffer

__all__ = ["CMAC"]

@typing.final
class CMAC:
    def __new__(
        cls, algorithm: ciphers.BlockCipherAlgorithm, backend: typing.Any = None
    ) -> CMAC: ...
    def update(self, data: Buffer) -> None: ...
    def finalize(self) -> bytes: ...
    def verify(self, signature: bytes) -> None: ...
    def copy(self) -> CMAC: ...
