# This file is dual licensed under the terms of the Apache License, Version
# 2.0, and the BSD License. See the LICENSE file in the root of this repository
# for complete details.

import typing

from cryptography.hazmat.bindings._rust.openssl import (
    aead as aead,
)
from cryptography.hazmat.bindings._rust.openssl import (
    ciphers as ciphers,
)
from cryptography.hazmat.bindings._rust.openssl import (
    cmac as cmac,
)
from cryptography.hazmat.bindings._rust.openssl import (
    dh as dh,
)
from cryptography.hazmat.bindings._rust.openssl import (
    dsa as dsa,
)
from cryptography.hazmat.bindings._rust.openssl import (
    ec as ec,
)
from cryptography.hazmat.bindings._rust.openssl import (
    ed448 as ed448,
)
from cryptography.hazmat.bindings._rust.openssl import (
    ed25519 as ed25519,
)
from cryptography.hazmat.bindings._rust.openssl import (
    hashes as hashes,
)
from cryptography.hazmat.bindings._rust.openssl import (
    hmac as hmac,
)
from cryptography.hazmat.bindings._rust.openssl import (
    hpke as hpke,
)
from cryptography.hazmat.bindings._rust.openssl import (
    kdf as kdf,
)
from cryptography.hazmat.bindings._rust.openssl import (
    keywrap as keywrap,
)
from cryptography.hazmat.bindings._rust.openssl import (
    mldsa as mldsa,
)
from cryptography.hazmat.bindings._rust.openssl import (
    mlkem as mlkem,
)
from cryptography.hazmat.bindings._rust.openssl import (
    poly1305 as poly1305,
)
from cryptography.hazmat.bindings._rust.openssl import (
    rsa as rsa,
)
from cryptography.hazmat.bindings._rust.openssl import (
    twofactor as twofactor,
)
from cryptography.hazmat.bindings._rust.openssl import (
    x448 as x448,
)
from cryptography.hazmat.bindings._rust.openssl import (
    x25519 as x25519,
)

__all__ = [
    "CRYPTOGRAPHY_IS_AWSLC",
    "CRYPTOGRAPHY_IS_BORINGSSL",
    "CRYPTOGRAPHY_IS_LIBRESSL",
    "CRYPTOGRAPHY_OPENSSL_309_OR_GREATER",
    "CRYPTOGRAPHY_OPENSSL_320_OR_GREATER",
    "CRYPTOGRAPHY_OPENSSL_330_OR_GREATER",
    "CRYPTOGRAPHY_OPENSSL_350_OR_GREATER",
    "_legacy_provider_loaded",
    "x448",
    "x25519",
    "rsa",
    "ed448",
    "ed25519",
    "hpke",
    "mldsa",
    "mlkem",
    "ec",
    "dh",
    "dsa",
    "aead",
    "algorithm_available",
    "capture_error_stack",
    "ciphers",
    "cmac",
    "hashes",
    "hmac",
    "is_fips_enabled",
    "is_vendored",
    "kdf",
    "keywrap",
    "legacy_provider_loaded",
    "openssl_version",
    "openssl_version_text",
    "poly1305",
    "raise_openssl_error",
    "twofactor",
]

CRYPTOGRAPHY_IS_LIBRESSL: bool
CRYPTOGRAPHY_IS_BORINGSSL: bool
CRYPTOGRAPHY_IS_AWSLC: bool
CRYPTOGRAPHY_OPENSSL_309_OR_GREATER: bool
CRYPTOGRAPHY_OPENSSL_320_OR_GREATER: bool
CRYPTOGRAPHY_OPENSSL_330_OR_GREATER: bool
CRYPTOGRAPHY_OPENSSL_350_OR_GREATER: bool
_legacy_provider_loaded: bool

def openssl_version_text() -> str: ...
def openssl_version() -> int: ...
def is_vendored() -> bool: ...
def is_fips_enabled() -> bool: ...
def legacy_provider_loaded() -> bool: ...
def capture_error_stack() -> list[tuple[int, int, str]]: ...
def raise_openssl_error() -> typing.NoReturn: ...
def algorithm_available(kind: str, name: str) -> bool: ...
