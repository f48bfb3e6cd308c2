# This file is dual licensed under the terms of the Apache License, Version
# 2.0, and the BSD License. See the LICENSE file in the root of this repository
# for complete details.

import typing

__all__ = ["FernetKey"]

@typing.final
class FernetKey:
    def __new__(cls, key: bytes) -> FernetKey: ...
    def __reduce__(self) -> tuple[type[FernetKey], tuple[bytes]]: ...
    def encrypt_at_time(self, data: bytes, current_time: int) -> bytes: ...
    def encrypt_from_parts(
        self, data: bytes, current_time: int, iv: bytes
    ) -> bytes: ...
    def decrypt_at_time(
        self,
        token: bytes | str,
        ttl: float | None,
        current_time: float | None,
    ) -> bytes: ...
    def extract_timestamp(self, token: bytes | str) -> int: ...
    @staticmethod
    def unverified_token_data(token: bytes | str) -> tuple[int, bytes]: ...
