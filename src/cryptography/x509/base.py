# This file is dual licensed under the terms of the Apache License, Version
# 2.0, and the BSD License. See the LICENSE file in the root of this repository
# for complete details.

"""Certificates, their loaders and versions (CSRs, CRLs and the builders to come on this
branch). `Certificate` is the native class: it keeps its DER and the one parse of it."""

from __future__ import annotations

import enum
import typing
from collections.abc import Iterable, Iterator

from cryptography.hazmat.bindings._rust import x509 as rust_x509
from cryptography.x509.name import _ASN1Type
from cryptography.x509.oid import ObjectIdentifier

__all__ = [
    "Attribute",
    "AttributeNotFound",
    "Attributes",
    "Certificate",
    "CertificateRevocationList",
    "CertificateSigningRequest",
    "RevokedCertificate",
    "InvalidVersion",
    "Version",
    "load_der_x509_certificate",
    "load_der_x509_crl",
    "load_der_x509_csr",
    "load_pem_x509_certificate",
    "load_pem_x509_certificates",
    "load_pem_x509_crl",
    "load_pem_x509_csr",
]


class InvalidVersion(Exception):
    def __init__(self, msg: str, parsed_version: int) -> None:
        super().__init__(msg)
        self.parsed_version = parsed_version


class AttributeNotFound(Exception):
    def __init__(self, msg: str, oid: ObjectIdentifier) -> None:
        super().__init__(msg)
        self.oid = oid


class Attribute:
    """A CSR attribute: its type, its value's content bytes, and the value's tag."""

    def __init__(
        self,
        oid: ObjectIdentifier,
        value: bytes,
        _type: int = _ASN1Type.UTF8String.value,
    ) -> None:
        self._oid = oid
        self._value = value
        self._type = _type

    @property
    def oid(self) -> ObjectIdentifier:
        return self._oid

    @property
    def value(self) -> bytes:
        return self._value

    def __repr__(self) -> str:
        return f"<Attribute(oid={self.oid}, value={self.value!r})>"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Attribute):
            return NotImplemented
        return (
            self.oid == other.oid
            and self.value == other.value
            and self._type == other._type
        )

    def __hash__(self) -> int:
        return hash((self.oid, self.value, self._type))


class Attributes:
    def __init__(self, attributes: Iterable[Attribute]) -> None:
        self._attributes = list(attributes)

    def __iter__(self) -> Iterator[Attribute]:
        return iter(self._attributes)

    def __len__(self) -> int:
        return len(self._attributes)

    def __getitem__(self, idx: typing.Any) -> typing.Any:
        return self._attributes[idx]

    def __repr__(self) -> str:
        return f"<Attributes({self._attributes})>"

    def get_attribute_for_oid(self, oid: ObjectIdentifier) -> Attribute:
        for attr in self:
            if attr.oid == oid:
                return attr
        raise AttributeNotFound(f"No {oid} attribute was found", oid)


class Version(enum.Enum):
    v1 = 0
    v3 = 2


Certificate = rust_x509.Certificate
load_der_x509_certificate = rust_x509.load_der_x509_certificate
load_pem_x509_certificate = rust_x509.load_pem_x509_certificate
load_pem_x509_certificates = rust_x509.load_pem_x509_certificates
CertificateSigningRequest = rust_x509.CertificateSigningRequest
CertificateRevocationList = rust_x509.CertificateRevocationList
RevokedCertificate = rust_x509.RevokedCertificate
load_der_x509_crl = rust_x509.load_der_x509_crl
load_pem_x509_crl = rust_x509.load_pem_x509_crl
load_der_x509_csr = rust_x509.load_der_x509_csr
load_pem_x509_csr = rust_x509.load_pem_x509_csr
