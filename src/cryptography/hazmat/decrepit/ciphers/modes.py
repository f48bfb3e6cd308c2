# This file is dual licensed under the terms of the Apache License, Version
# 2.0, and the BSD License. See the LICENSE file in the root of this repository
# for complete details.

"""Feedback modes kept for compatibility with old data and protocols."""

from __future__ import annotations

from cryptography import utils
from cryptography.hazmat.primitives._modes import (
    ModeWithInitializationVector,
    _check_iv_and_key_length,
)


class _FeedbackMode(ModeWithInitializationVector):
    def __init__(self, initialization_vector: utils.Buffer):
        utils._check_byteslike("initialization_vector", initialization_vector)
        self._initialization_vector = initialization_vector

    @property
    def initialization_vector(self) -> utils.Buffer:
        return self._initialization_vector

    validate_for_algorithm = _check_iv_and_key_length


class OFB(_FeedbackMode):
    name = "OFB"


class CFB(_FeedbackMode):
    name = "CFB"


class CFB8(_FeedbackMode):
    name = "CFB8"
