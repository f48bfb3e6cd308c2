# This file is dual licensed under the terms of the Apache License, Version
# 2.0, and the BSD License. See the LICENSE file in the root of this repository
# for complete details.

from __future__ import annotations

__all__ = ["__author__", "__copyright__", "__version__"]

# The version names the pyca/cryptography API level this package implements, so that
# dependents' version requirements resolve to it.
__version__ = "50.0.2"

__author__ = "The cryptography-rs developers"
__copyright__ = f"Copyright 2026 {__author__}"
