# This file is dual licensed under the terms of the Apache License, Version
# 2.0, and the BSD License. See the LICENSE file in the root of this repository
# for complete details.

"""Certificates, their loaders and versions (CSRs, CRLs and the builders to come on this
branch). `Certificate` is the native class: it keeps its DER and the one parse of it."""

from __future__ import annotations

import datetime
import enum
import os
import typing
from collections.abc import Iterable, Iterator

from cryptography.hazmat.bindings._rust import x509 as rust_x509
from cryptography.hazmat.primitives.asymmetric.types import CertificatePublicKeyTypes
from cryptography.x509.extensions import Extension, ExtensionType
from cryptography.x509.name import Name, _ASN1Type
from cryptography.x509.oid import ObjectIdentifier

__all__ = [
    "Attribute",
    "AttributeNotFound",
    "Attributes",
    "Certificate",
    "CertificateBuilder",
    "CertificateRevocationList",
    "CertificateRevocationListBuilder",
    "CertificateSigningRequest",
    "CertificateSigningRequestBuilder",
    "RevokedCertificate",
    "RevokedCertificateBuilder",
    "InvalidVersion",
    "Version",
    "load_der_x509_certificate",
    "load_der_x509_crl",
    "load_der_x509_csr",
    "load_pem_x509_certificate",
    "load_pem_x509_certificates",
    "load_pem_x509_crl",
    "load_pem_x509_csr",
    "random_serial_number",
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


_EARLIEST_UTC_TIME = datetime.datetime(1950, 1, 1)
# RFC 5280 section 4.1.2.2: at most 20 octets, positive.
_MAX_SERIAL_BITS = 159


def _convert_to_naive_utc_time(time: datetime.datetime) -> datetime.datetime:
    """Aware datetimes are converted to UTC and made naive; naive ones are taken to be
    UTC already."""
    if time.tzinfo is not None:
        offset = time.utcoffset()
        offset = offset if offset else datetime.timedelta()
        return time.replace(tzinfo=None) - offset
    return time


def random_serial_number() -> int:
    """A positive random serial of at most 159 bits, as CAs are asked to use (at least
    64 bits of randomness)."""
    return int.from_bytes(os.urandom(20), "big") >> 1


_Builder = typing.TypeVar("_Builder")
# The key classes a certificate may certify, as a tuple for isinstance.
_CERTIFICATE_PUBLIC_KEY_TYPES = typing.get_args(CertificatePublicKeyTypes)


def _with(builder: _Builder, **changes: typing.Any) -> _Builder:
    """A copy of `builder` with the given attributes changed. Builders are immutable:
    each step returns a new one, and a copy of the fields is all a step needs (its
    argument was checked by the step). (CertificateBuilder, the one built in hot
    loops, calls its constructor with positional arguments instead: faster still.)"""
    fields = builder.__dict__.copy()
    fields.update(changes)
    new = object.__new__(type(builder))
    new.__dict__ = fields
    return new


# CertificateBuilder's constructor arguments by position (see CertificateBuilder._fields).
_ISSUER_NAME = 0
_SUBJECT_NAME = 1
_PUBLIC_KEY = 2
_SERIAL_NUMBER = 3
_NOT_VALID_BEFORE = 4
_NOT_VALID_AFTER = 5
_EXTENSIONS = 6
_PUBLIC_KEY_RSA_PADDING = 7


class CertificateBuilder:
    _extensions: list[Extension[ExtensionType]]

    def __init__(
        self,
        issuer_name: Name | None = None,
        subject_name: Name | None = None,
        public_key: typing.Any = None,
        serial_number: int | None = None,
        not_valid_before: datetime.datetime | None = None,
        not_valid_after: datetime.datetime | None = None,
        extensions: list[Extension[ExtensionType]] = [],  # noqa: B006
        public_key_rsa_padding: typing.Any = None,
    ) -> None:
        self._version = Version.v3
        self._issuer_name = issuer_name
        self._subject_name = subject_name
        self._public_key = public_key
        self._serial_number = serial_number
        self._not_valid_before = not_valid_before
        self._not_valid_after = not_valid_after
        self._extensions = extensions
        self._public_key_rsa_padding = public_key_rsa_padding

    def _fields(self) -> list[typing.Any]:
        """The constructor's arguments, in its order: a step copies them, changes one
        (by the index constants above) and calls the constructor, which is faster than
        any keyword or attribute copying."""
        return [
            self._issuer_name,
            self._subject_name,
            self._public_key,
            self._serial_number,
            self._not_valid_before,
            self._not_valid_after,
            self._extensions,
            self._public_key_rsa_padding,
        ]

    def issuer_name(self, name: Name) -> CertificateBuilder:
        if not isinstance(name, Name):
            raise TypeError("Expecting x509.Name object.")
        if self._issuer_name is not None:
            raise ValueError("The issuer name may only be set once.")
        fields = self._fields()
        fields[_ISSUER_NAME] = name
        return CertificateBuilder(*fields)

    def subject_name(self, name: Name) -> CertificateBuilder:
        if not isinstance(name, Name):
            raise TypeError("Expecting x509.Name object.")
        if self._subject_name is not None:
            raise ValueError("The subject name may only be set once.")
        fields = self._fields()
        fields[_SUBJECT_NAME] = name
        return CertificateBuilder(*fields)

    def public_key(
        self, key: typing.Any, *, rsa_padding: typing.Any = None
    ) -> CertificateBuilder:
        if not isinstance(key, _CERTIFICATE_PUBLIC_KEY_TYPES):
            raise TypeError(
                "Expecting one of DSAPublicKey, RSAPublicKey,"
                " EllipticCurvePublicKey, Ed25519PublicKey,"
                " Ed448PublicKey, MLDSA44PublicKey, MLDSA65PublicKey,"
                " MLDSA87PublicKey, X25519PublicKey, or X448PublicKey."
            )
        if rsa_padding is not None:
            from cryptography.hazmat.primitives.asymmetric import padding, rsa

            if rsa_padding is not padding.PSS:
                raise TypeError("rsa_padding must be the PSS class, not an instance")
            if not isinstance(key, rsa.RSAPublicKey):
                raise TypeError("rsa_padding is only supported with RSA public keys")
        if self._public_key is not None:
            raise ValueError("The public key may only be set once.")
        fields = self._fields()
        fields[_PUBLIC_KEY] = key
        fields[_PUBLIC_KEY_RSA_PADDING] = rsa_padding
        return CertificateBuilder(*fields)

    def serial_number(self, number: int) -> CertificateBuilder:
        if not isinstance(number, int):
            raise TypeError("Serial number must be of integral type.")
        if self._serial_number is not None:
            raise ValueError("The serial number may only be set once.")
        if number <= 0:
            raise ValueError("The serial number should be positive.")
        # The DER INTEGER must fit 20 octets with its sign bit.
        if number.bit_length() > _MAX_SERIAL_BITS:
            raise ValueError("The serial number should not be more than 159 bits.")
        fields = self._fields()
        fields[_SERIAL_NUMBER] = number
        return CertificateBuilder(*fields)

    def not_valid_before(self, time: datetime.datetime) -> CertificateBuilder:
        if not isinstance(time, datetime.datetime):
            raise TypeError("Expecting datetime object.")
        if self._not_valid_before is not None:
            raise ValueError("The not valid before may only be set once.")
        time = _convert_to_naive_utc_time(time)
        if time < _EARLIEST_UTC_TIME:
            raise ValueError(
                "The not valid before date must be on or after 1950 January 1)."
            )
        if self._not_valid_after is not None and time > self._not_valid_after:
            raise ValueError(
                "The not valid before date must be before the not valid after date."
            )
        fields = self._fields()
        fields[_NOT_VALID_BEFORE] = time
        return CertificateBuilder(*fields)

    def not_valid_after(self, time: datetime.datetime) -> CertificateBuilder:
        if not isinstance(time, datetime.datetime):
            raise TypeError("Expecting datetime object.")
        if self._not_valid_after is not None:
            raise ValueError("The not valid after may only be set once.")
        time = _convert_to_naive_utc_time(time)
        if time < _EARLIEST_UTC_TIME:
            raise ValueError(
                "The not valid after date must be on or after 1950 January 1."
            )
        if self._not_valid_before is not None and time < self._not_valid_before:
            raise ValueError(
                "The not valid after date must be after the not valid before date."
            )
        fields = self._fields()
        fields[_NOT_VALID_AFTER] = time
        return CertificateBuilder(*fields)

    def add_extension(
        self, extval: ExtensionType, critical: bool
    ) -> CertificateBuilder:
        if not isinstance(extval, ExtensionType):
            raise TypeError("extension must be an ExtensionType")
        extension = Extension(extval.oid, critical, extval)
        if any(e.oid == extension.oid for e in self._extensions):
            raise ValueError("This extension has already been set.")
        fields = self._fields()
        fields[_EXTENSIONS] = [*self._extensions, extension]
        return CertificateBuilder(*fields)

    def _check_complete(self) -> None:
        for value, message in (
            (self._subject_name, "A certificate must have a subject name"),
            (self._issuer_name, "A certificate must have an issuer name"),
            (self._serial_number, "A certificate must have a serial number"),
            (self._not_valid_before, "A certificate must have a not valid before time"),
            (self._not_valid_after, "A certificate must have a not valid after time"),
            (self._public_key, "A certificate must have a public key"),
        ):
            if value is None:
                raise ValueError(message)

    def sign(
        self,
        private_key: typing.Any,
        algorithm: typing.Any,
        backend: typing.Any = None,
        *,
        rsa_padding: typing.Any = None,
        ecdsa_deterministic: bool | None = None,
    ) -> Certificate:
        if private_key is None:
            raise TypeError("Need private key to sign certificate")
        self._check_complete()
        return rust_x509.create_x509_certificate(
            self, private_key, algorithm, rsa_padding, ecdsa_deterministic
        )

    def create_unsigned(self) -> Certificate:
        """A certificate with the id-alg-unsigned algorithm and an empty signature."""
        self._check_complete()
        return rust_x509.create_x509_certificate(self, None, None, None, None)


class CertificateSigningRequestBuilder:
    def __init__(
        self,
        subject_name: Name | None = None,
        extensions: list[Extension[ExtensionType]] = [],  # noqa: B006
        attributes: list[tuple[ObjectIdentifier, bytes, int]] = [],  # noqa: B006
    ) -> None:
        self._subject_name = subject_name
        self._extensions = extensions
        self._attributes = attributes

    def subject_name(self, name: Name) -> CertificateSigningRequestBuilder:
        if not isinstance(name, Name):
            raise TypeError("Expecting x509.Name object.")
        if self._subject_name is not None:
            raise ValueError("The subject name may only be set once.")
        return CertificateSigningRequestBuilder(
            name, self._extensions, self._attributes
        )

    def add_extension(
        self, extval: ExtensionType, critical: bool
    ) -> CertificateSigningRequestBuilder:
        if not isinstance(extval, ExtensionType):
            raise TypeError("extension must be an ExtensionType")
        extension = Extension(extval.oid, critical, extval)
        if any(e.oid == extension.oid for e in self._extensions):
            raise ValueError("This extension has already been set.")
        return CertificateSigningRequestBuilder(
            self._subject_name, [*self._extensions, extension], self._attributes
        )

    def add_attribute(
        self,
        oid: ObjectIdentifier,
        value: bytes,
        *,
        _tag: _ASN1Type | None = None,
    ) -> CertificateSigningRequestBuilder:
        if not isinstance(oid, ObjectIdentifier):
            raise TypeError("oid must be an ObjectIdentifier")
        if not isinstance(value, bytes):
            raise TypeError("value must be bytes")
        if _tag is not None and not isinstance(_tag, _ASN1Type):
            raise TypeError("tag must be _ASN1Type")
        if any(existing_oid == oid for existing_oid, _, _ in self._attributes):
            raise ValueError("This attribute has already been set.")
        tag = (_tag or _ASN1Type.UTF8String).value
        return CertificateSigningRequestBuilder(
            self._subject_name, self._extensions, [*self._attributes, (oid, value, tag)]
        )

    def sign(
        self,
        private_key: typing.Any,
        algorithm: typing.Any,
        backend: typing.Any = None,
        *,
        rsa_padding: typing.Any = None,
        ecdsa_deterministic: bool | None = None,
    ) -> CertificateSigningRequest:
        if self._subject_name is None:
            raise ValueError("A CertificateSigningRequest must have a subject")
        return rust_x509.create_x509_csr(
            self, private_key, algorithm, rsa_padding, ecdsa_deterministic
        )


class RevokedCertificateBuilder:
    def __init__(
        self,
        serial_number: int | None = None,
        revocation_date: datetime.datetime | None = None,
        extensions: list[Extension[ExtensionType]] = [],  # noqa: B006
    ) -> None:
        self._serial_number = serial_number
        self._revocation_date = revocation_date
        self._extensions = extensions

    def serial_number(self, number: int) -> RevokedCertificateBuilder:
        if not isinstance(number, int):
            raise TypeError("Serial number must be of integral type.")
        if self._serial_number is not None:
            raise ValueError("The serial number may only be set once.")
        if number <= 0:
            raise ValueError("The serial number should be positive")
        if number.bit_length() > _MAX_SERIAL_BITS:
            raise ValueError("The serial number should not be more than 159 bits.")
        return RevokedCertificateBuilder(
            number, self._revocation_date, self._extensions
        )

    def revocation_date(self, time: datetime.datetime) -> RevokedCertificateBuilder:
        if not isinstance(time, datetime.datetime):
            raise TypeError("Expecting datetime object.")
        if self._revocation_date is not None:
            raise ValueError("The revocation date may only be set once.")
        time = _convert_to_naive_utc_time(time)
        if time < _EARLIEST_UTC_TIME:
            raise ValueError("The revocation date must be on or after 1950 January 1.")
        return RevokedCertificateBuilder(self._serial_number, time, self._extensions)

    def add_extension(
        self, extval: ExtensionType, critical: bool
    ) -> RevokedCertificateBuilder:
        if not isinstance(extval, ExtensionType):
            raise TypeError("extension must be an ExtensionType")
        extension = Extension(extval.oid, critical, extval)
        if any(e.oid == extension.oid for e in self._extensions):
            raise ValueError("This extension has already been set.")
        return RevokedCertificateBuilder(
            self._serial_number, self._revocation_date, [*self._extensions, extension]
        )

    def build(self, backend: typing.Any = None) -> RevokedCertificate:
        if self._serial_number is None:
            raise ValueError("A revoked certificate must have a serial number")
        if self._revocation_date is None:
            raise ValueError("A revoked certificate must have a revocation date")
        return rust_x509.create_revoked_certificate(self)


class CertificateRevocationListBuilder:
    def __init__(
        self,
        issuer_name: Name | None = None,
        last_update: datetime.datetime | None = None,
        next_update: datetime.datetime | None = None,
        extensions: list[Extension[ExtensionType]] = [],  # noqa: B006
        revoked_certificates: list[RevokedCertificate] = [],  # noqa: B006
    ) -> None:
        self._issuer_name = issuer_name
        self._last_update = last_update
        self._next_update = next_update
        self._extensions = extensions
        self._revoked_certificates = revoked_certificates

    def issuer_name(self, issuer_name: Name) -> CertificateRevocationListBuilder:
        if not isinstance(issuer_name, Name):
            raise TypeError("Expecting x509.Name object.")
        if self._issuer_name is not None:
            raise ValueError("The issuer name may only be set once.")
        return _with(self, _issuer_name=issuer_name)

    def last_update(
        self, last_update: datetime.datetime
    ) -> CertificateRevocationListBuilder:
        if not isinstance(last_update, datetime.datetime):
            raise TypeError("Expecting datetime object.")
        if self._last_update is not None:
            raise ValueError("Last update may only be set once.")
        last_update = _convert_to_naive_utc_time(last_update)
        if last_update < _EARLIEST_UTC_TIME:
            raise ValueError("The last update date must be on or after 1950 January 1.")
        if self._next_update is not None and last_update > self._next_update:
            raise ValueError(
                "The last update date must be before the next update date."
            )
        return _with(self, _last_update=last_update)

    def next_update(
        self, next_update: datetime.datetime
    ) -> CertificateRevocationListBuilder:
        if not isinstance(next_update, datetime.datetime):
            raise TypeError("Expecting datetime object.")
        if self._next_update is not None:
            # The reference's wording, "last" included.
            raise ValueError("Last update may only be set once.")
        next_update = _convert_to_naive_utc_time(next_update)
        if next_update < _EARLIEST_UTC_TIME:
            raise ValueError("The last update date must be on or after 1950 January 1.")
        if self._last_update is not None and next_update < self._last_update:
            raise ValueError("The next update date must be after the last update date.")
        return _with(self, _next_update=next_update)

    def add_extension(
        self, extval: ExtensionType, critical: bool
    ) -> CertificateRevocationListBuilder:
        if not isinstance(extval, ExtensionType):
            raise TypeError("extension must be an ExtensionType")
        extension = Extension(extval.oid, critical, extval)
        if any(e.oid == extension.oid for e in self._extensions):
            raise ValueError("This extension has already been set.")
        return _with(self, _extensions=[*self._extensions, extension])

    def add_revoked_certificate(
        self, revoked_certificate: RevokedCertificate
    ) -> CertificateRevocationListBuilder:
        if not isinstance(revoked_certificate, RevokedCertificate):
            raise TypeError("Must be an instance of RevokedCertificate")
        return _with(
            self,
            _revoked_certificates=[*self._revoked_certificates, revoked_certificate],
        )

    def sign(
        self,
        private_key: typing.Any,
        algorithm: typing.Any,
        backend: typing.Any = None,
        *,
        rsa_padding: typing.Any = None,
        ecdsa_deterministic: bool | None = None,
    ) -> CertificateRevocationList:
        if self._issuer_name is None:
            raise ValueError("A CRL must have an issuer name")
        if self._last_update is None:
            raise ValueError("A CRL must have a last update time")
        if self._next_update is None:
            raise ValueError("A CRL must have a next update time")
        return rust_x509.create_x509_crl(
            self, private_key, algorithm, rsa_padding, ecdsa_deterministic
        )
