# This file is dual licensed under the terms of the Apache License, Version
# 2.0, and the BSD License. See the LICENSE file in the root of this repository
# for complete details.

"""The interface of asymmetric paddings, importable from this private module because
third-party code does."""

from __future__ import annotations

import abc


class AsymmetricPadding(metaclass=abc.ABCMeta):
    @property
    @abc.abstractmethod
    def name(self) -> str:
        """A string naming this padding (e.g. "PSS", "PKCS1")."""
