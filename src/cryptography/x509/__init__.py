# This file is dual licensed under the terms of the Apache License, Version
# 2.0, and the BSD License. See the LICENSE file in the root of this repository
# for complete details.

"""X.509: names and general names so far (the package is being built on this branch)."""

from __future__ import annotations

from cryptography.x509 import oid
from cryptography.x509.base import (
    Certificate,
    InvalidVersion,
    Version,
    load_der_x509_certificate,
    load_pem_x509_certificate,
    load_pem_x509_certificates,
)
from cryptography.x509.general_name import (
    DirectoryName,
    DNSName,
    GeneralName,
    IPAddress,
    OtherName,
    RegisteredID,
    RFC822Name,
    UniformResourceIdentifier,
    UnsupportedGeneralNameType,
)
from cryptography.x509.name import Name, NameAttribute, RelativeDistinguishedName
from cryptography.x509.oid import ObjectIdentifier

__all__ = [
    "Certificate",
    "InvalidVersion",
    "Version",
    "load_der_x509_certificate",
    "load_pem_x509_certificate",
    "load_pem_x509_certificates",
    "DNSName",
    "DirectoryName",
    "GeneralName",
    "IPAddress",
    "Name",
    "NameAttribute",
    "ObjectIdentifier",
    "OtherName",
    "RFC822Name",
    "RegisteredID",
    "RelativeDistinguishedName",
    "UniformResourceIdentifier",
    "UnsupportedGeneralNameType",
    "oid",
]
