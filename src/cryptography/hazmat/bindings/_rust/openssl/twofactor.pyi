# This file is dual licensed under the terms of the Apache License, Version
# 2.0, and the BSD License. See the LICENSE file in the root of this repository
# for complete details.

import typing

from cryptography.utils import Buffer

__all__ = ["Hotp"]

@typing.final
class Hotp:
    def __new__(
        cls,
        key: Buffer,
        length: typing.Any,
        algorithm: typing.Any,
        enforce_key_length: typing.Any,
    ) -> Hotp: ...
    def generate(self, counter: typing.Any) -> bytes: ...
    def dynamic_truncate(self, counter: int) -> int: ...
