# This file is dual licensed under the terms of the Apache License, Version
# 2.0, and the BSD License. See the LICENSE file in the root of this repository
# for complete details.

import typing

__all__ = ["TestCertificate", "test_parse_certificate"]

@typing.final
class TestCertificate:
    @property
    def not_after_tag(self) -> int: ...
    @property
    def not_before_tag(self) -> int: ...
    @property
    def issuer_value_tags(self) -> bytes: ...
    @property
    def subject_value_tags(self) -> bytes: ...

def test_parse_certificate(data: bytes) -> TestCertificate: ...
