# This file is dual licensed under the terms of the Apache License, Version
# 2.0, and the BSD License. See the LICENSE file in the root of this repository
# for complete details.

"""Certificates, their loaders and versions (CSRs, CRLs and the builders to come on this
branch). `Certificate` is the native class: it keeps its DER and the one parse of it."""

from __future__ import annotations

import enum

from cryptography.hazmat.bindings._rust import x509 as rust_x509

__all__ = [
    "Certificate",
    "InvalidVersion",
    "Version",
    "load_der_x509_certificate",
    "load_pem_x509_certificate",
    "load_pem_x509_certificates",
]


class InvalidVersion(Exception):
    def __init__(self, msg: str, parsed_version: int) -> None:
        super().__init__(msg)
        self.parsed_version = parsed_version


class Version(enum.Enum):
    v1 = 0
    v3 = 2


Certificate = rust_x509.Certificate
load_der_x509_certificate = rust_x509.load_der_x509_certificate
load_pem_x509_certificate = rust_x509.load_pem_x509_certificate
load_pem_x509_certificates = rust_x509.load_pem_x509_certificates
