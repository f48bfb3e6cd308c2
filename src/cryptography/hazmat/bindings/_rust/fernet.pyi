# This file is dual licensed under the terms of the Apache License, Version
# 2.0, and the BSD License. See the LICENSE file in the root of this repository
# for complete details.

import typing

__all__ = ["FernetKey"]

@typing.final
class FernetKey:
    def __new__(cls, key: bytes) -> FernetKey: ...
    def encrypt_at_time(self, data: bytes, current_time: int) -> bytes: ...
    def decrypt(
        self, token: bytes | str, ttl: int | None, current_time: int
    ) -> bytes: ...
    def extract_timestamp(self, token: bytes | str) -> int: ...
