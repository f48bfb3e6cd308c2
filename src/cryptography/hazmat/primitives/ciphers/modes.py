# This file is dual licensed under the terms of the Apache License, Version
# 2.0, and the BSD License. See the LICENSE file in the root of this repository
# for complete details.

from __future__ import annotations

from cryptography import utils
from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.bindings._rust import openssl as rust_openssl
from cryptography.hazmat.decrepit.ciphers.modes import (
    CFB as CFB,
)
from cryptography.hazmat.decrepit.ciphers.modes import (
    CFB8 as CFB8,
)
from cryptography.hazmat.decrepit.ciphers.modes import (
    OFB as OFB,
)
from cryptography.hazmat.primitives._cipheralgorithm import (
    BlockCipherAlgorithm,
    CipherAlgorithm,
)
from cryptography.hazmat.primitives._modes import (
    Mode,
    ModeWithAuthenticationTag,
    ModeWithInitializationVector,
    ModeWithNonce,
    ModeWithTweak,
)

__all__ = [
    "CBC",
    "CFB",
    "CFB8",
    "CTR",
    "ECB",
    "GCM",
    "OFB",
    "XTS",
    "BlockCipherAlgorithm",
    "CipherAlgorithm",
    "Mode",
    "ModeWithAuthenticationTag",
    "ModeWithInitializationVector",
    "ModeWithNonce",
    "ModeWithTweak",
    "UnsupportedAlgorithm",
]


# The modes of everyday use are native: constructing one is part of every
# `Cipher(algorithm, mode)` message. They keep the reference's attributes, checks and
# messages, and are registered with the interfaces they implement.
CBC = rust_openssl.ciphers.CBC
CTR = rust_openssl.ciphers.CTR
ECB = rust_openssl.ciphers.ECB
GCM = rust_openssl.ciphers.GCM
XTS = rust_openssl.ciphers.XTS
ModeWithInitializationVector.register(CBC)
ModeWithNonce.register(CTR)
Mode.register(ECB)
ModeWithInitializationVector.register(GCM)
ModeWithAuthenticationTag.register(GCM)
ModeWithTweak.register(XTS)


utils.deprecated(
    CFB,
    __name__,
    "CFB has been moved to "
    "cryptography.hazmat.decrepit.ciphers.modes.CFB and "
    "will be removed from "
    "cryptography.hazmat.primitives.ciphers.modes in 49.0.0.",
    utils.DeprecatedIn47,
    name="CFB",
)
utils.deprecated(
    OFB,
    __name__,
    "OFB has been moved to "
    "cryptography.hazmat.decrepit.ciphers.modes.OFB and "
    "will be removed from "
    "cryptography.hazmat.primitives.ciphers.modes in 49.0.0.",
    utils.DeprecatedIn47,
    name="OFB",
)
utils.deprecated(
    CFB8,
    __name__,
    "CFB8 has been moved to "
    "cryptography.hazmat.decrepit.ciphers.modes.CFB8 and "
    "will be removed from "
    "cryptography.hazmat.primitives.ciphers.modes in 49.0.0.",
    utils.DeprecatedIn47,
    name="CFB8",
)
