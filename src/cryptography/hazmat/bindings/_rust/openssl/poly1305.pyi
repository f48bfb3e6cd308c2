# This file is dual licensed under the terms of the Apache License, Version
# 2.0, and the BSD License. See the LICENSE file in the root of this repository
# for complete details.

import typing

from cryptography.utils import Buffer

__all__ = ["Poly1305"]

@typing.final
class Poly1305:
    def __new__(cls, key: Buffer) -> Poly1305: ...
    @staticmethod
    def generate_tag(key: Buffer, data: Buffer) -> bytes: ...
    @staticmethod
    def verify_tag(key: Buffer, data: Buffer, tag: bytes) -> None: ...
    def update(self, data: Buffer) -> None: ...
    def finalize(self) -> bytes: ...
    def verify(self, signature: bytes) -> None: ...
