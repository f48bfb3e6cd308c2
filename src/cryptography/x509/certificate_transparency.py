# This file is dual licensed under the terms of the Apache License, Version
# 2.0, and the BSD License. See the LICENSE file in the root of this repository
# for complete details.

"""Certificate Transparency (RFC 6962): the signed certificate timestamps X.509
extensions carry. `SignedCertificateTimestamp` is the native class."""

from __future__ import annotations

import enum

from cryptography.hazmat.bindings._rust import x509 as rust_x509

__all__ = [
    "LogEntryType",
    "SignatureAlgorithm",
    "SignedCertificateTimestamp",
    "Version",
]


class LogEntryType(enum.Enum):
    X509_CERTIFICATE = 0
    PRE_CERTIFICATE = 1


class Version(enum.Enum):
    v1 = 0


class SignatureAlgorithm(enum.Enum):
    """The TLS SignatureAlgorithm of an SCT's signature (RFC 5246 section 7.4.1.4.1)."""

    ANONYMOUS = 0
    RSA = 1
    DSA = 2
    ECDSA = 3


SignedCertificateTimestamp = rust_x509.Sct
