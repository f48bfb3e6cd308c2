# This file is dual licensed under the terms of the Apache License, Version
# 2.0, and the BSD License. See the LICENSE file in the root of this repository
# for complete details.

"""Distinguished names: `NameAttribute`, `RelativeDistinguishedName` and `Name`.

These are value classes. Reading a Name from DER or from an RFC 4514 string and writing
one as DER happen in Rust (`_rust.x509`); what stays here is what a value is allowed to
hold, equality, and the text forms."""

from __future__ import annotations

import enum
import functools
import typing
import warnings
from collections.abc import Iterable, Iterator

from cryptography.hazmat.bindings._rust import x509 as rust_x509
from cryptography.x509.oid import NameOID, ObjectIdentifier


class _ASN1Type(enum.Enum):
    """The ASN.1 types an attribute's value may be written as (their universal tags)."""

    BitString = 3
    OctetString = 4
    UTF8String = 12
    NumericString = 18
    PrintableString = 19
    T61String = 20
    IA5String = 22
    UTCTime = 23
    GeneralizedTime = 24
    VisibleString = 26
    UniversalString = 28
    BMPString = 30


_ASN1_TYPE_TO_ENUM = {member.value: member for member in _ASN1Type}

# The type a value is written as when the caller does not choose one: the string types
# the standards require for these attributes, UTF8String for every other.
_NAMEOID_DEFAULT_TYPE: dict[ObjectIdentifier, _ASN1Type] = {
    NameOID.COUNTRY_NAME: _ASN1Type.PrintableString,
    NameOID.JURISDICTION_COUNTRY_NAME: _ASN1Type.PrintableString,
    NameOID.SERIAL_NUMBER: _ASN1Type.PrintableString,
    NameOID.DN_QUALIFIER: _ASN1Type.PrintableString,
    NameOID.EMAIL_ADDRESS: _ASN1Type.IA5String,
    NameOID.DOMAIN_COMPONENT: _ASN1Type.IA5String,
}

# Upper bounds from X.520 (ub-common-name) and ISO 3166's two-letter country codes, in
# bytes of UTF-8.
# Countries are two letters, common names 1 to 64 bytes: the core's table.
_NAMEOID_LENGTH_LIMIT: dict[ObjectIdentifier, tuple[int, int]] = {
    oid: (low, high) for oid, low, high in rust_x509.name_length_limits()
}

_OidNameMap = typing.Mapping[ObjectIdentifier, str]
_NameOidMap = typing.Mapping[str, ObjectIdentifier]

# RFC 4514's short names (section 3), and STREET and UID from RFC 4519.
_NAMEOID_TO_NAME: _OidNameMap = {
    NameOID.COMMON_NAME: "CN",
    NameOID.LOCALITY_NAME: "L",
    NameOID.STATE_OR_PROVINCE_NAME: "ST",
    NameOID.ORGANIZATION_NAME: "O",
    NameOID.ORGANIZATIONAL_UNIT_NAME: "OU",
    NameOID.COUNTRY_NAME: "C",
    NameOID.STREET_ADDRESS: "STREET",
    NameOID.DOMAIN_COMPONENT: "DC",
    NameOID.USER_ID: "UID",
}
_NAME_TO_NAMEOID = {name: oid for oid, name in _NAMEOID_TO_NAME.items()}

NameAttributeValueType = typing.Union[str, bytes]


class NameAttribute(typing.Generic[typing.AnyStr]):
    def __init__(
        self,
        oid: ObjectIdentifier,
        value: typing.AnyStr,
        _type: _ASN1Type | None = None,
        *,
        _validate: bool = True,
    ) -> None:
        if not isinstance(oid, ObjectIdentifier):
            raise TypeError("oid argument must be an ObjectIdentifier instance.")
        if _type == _ASN1Type.BitString:
            if oid != NameOID.X500_UNIQUE_IDENTIFIER:
                raise TypeError(
                    "oid must be X500_UNIQUE_IDENTIFIER for BitString type."
                )
            if not isinstance(value, bytes):
                raise TypeError("value must be bytes for BitString")
        elif not isinstance(value, str):
            raise TypeError("value argument must be a str")

        limits = _NAMEOID_LENGTH_LIMIT.get(oid)
        if limits is not None and isinstance(value, str):
            low, high = limits
            length = len(value.encode("utf8"))
            if not low <= length <= high:
                message = (
                    f"Attribute's length must be >= {low} and <= {high}, "
                    f"but it was {length}"
                )
                if _validate:
                    raise ValueError(message)
                warnings.warn(message, stacklevel=2)

        if _type is None:
            _type = _NAMEOID_DEFAULT_TYPE.get(oid, _ASN1Type.UTF8String)
        if not isinstance(_type, _ASN1Type):
            raise TypeError("_type must be from the _ASN1Type enum")

        self._oid = oid
        self._value: typing.AnyStr = value
        self._type: _ASN1Type = _type

    @property
    def oid(self) -> ObjectIdentifier:
        return self._oid

    @property
    def value(self) -> typing.AnyStr:
        return self._value

    @property
    def rfc4514_attribute_name(self) -> str:
        """The type's RFC 4514 short name, or its dotted OID."""
        return _NAMEOID_TO_NAME.get(self.oid, self.oid.dotted_string)

    def rfc4514_string(self, attr_name_overrides: _OidNameMap | None = None) -> str:
        return rust_x509.rfc4514_string([self], attr_name_overrides)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, NameAttribute):
            return NotImplemented
        return self.oid == other.oid and self.value == other.value

    def __hash__(self) -> int:
        return hash((self.oid, self.value))

    def __repr__(self) -> str:
        return f"<NameAttribute(oid={self.oid}, value={self.value!r})>"


class RelativeDistinguishedName:
    def __init__(self, attributes: Iterable[NameAttribute]) -> None:
        attributes = list(attributes)
        if not attributes:
            raise ValueError("a relative distinguished name cannot be empty")
        if not all(isinstance(x, NameAttribute) for x in attributes):
            raise TypeError("attributes must be an iterable of NameAttribute")
        # The order given is kept for iteration and text; equality ignores it, as a SET
        # does.
        self._attributes = attributes
        self._attribute_set = frozenset(attributes)
        if len(self._attribute_set) != len(attributes):
            raise ValueError("duplicate attributes are not allowed")

    # Made when first compared or hashed: an RDN read from DER is made without
    # running __init__ (its one attribute needs no duplicate check), and most are
    # never compared.
    @functools.cached_property
    def _attribute_set(self) -> frozenset[NameAttribute]:
        return frozenset(self._attributes)

    def get_attributes_for_oid(self, oid: ObjectIdentifier) -> list[NameAttribute]:
        return [i for i in self if i.oid == oid]

    def rfc4514_string(self, attr_name_overrides: _OidNameMap | None = None) -> str:
        return rust_x509.rfc4514_string([self], attr_name_overrides)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, RelativeDistinguishedName):
            return NotImplemented
        return self._attribute_set == other._attribute_set

    def __hash__(self) -> int:
        return hash(self._attribute_set)

    def __iter__(self) -> Iterator[NameAttribute]:
        return iter(self._attributes)

    def __len__(self) -> int:
        return len(self._attributes)

    def __repr__(self) -> str:
        return f"<RelativeDistinguishedName({self.rfc4514_string()})>"


class Name:
    @typing.overload
    def __init__(self, attributes: Iterable[NameAttribute]) -> None: ...

    @typing.overload
    def __init__(self, attributes: Iterable[RelativeDistinguishedName]) -> None: ...

    def __init__(
        self,
        attributes: Iterable[NameAttribute | RelativeDistinguishedName],
    ) -> None:
        attributes = list(attributes)
        if all(isinstance(x, NameAttribute) for x in attributes):
            self._attributes = [
                RelativeDistinguishedName([typing.cast(NameAttribute, x)])
                for x in attributes
            ]
        elif all(isinstance(x, RelativeDistinguishedName) for x in attributes):
            self._attributes = typing.cast(
                "list[RelativeDistinguishedName]", attributes
            )
        else:
            raise TypeError(
                "attributes must be a list of NameAttribute"
                " or a list RelativeDistinguishedName"
            )

    @classmethod
    def from_rfc4514_string(
        cls,
        data: str,
        attr_name_overrides: _NameOidMap | None = None,
    ) -> Name:
        """Reads an RFC 4514 string (the RDNs are listed last first)."""
        parsed = rust_x509.parse_rfc4514(data, attr_name_overrides or {})
        return cls(
            [
                RelativeDistinguishedName(
                    NameAttribute(oid, value) for oid, value in rdn
                )
                for rdn in parsed
            ]
        )

    @classmethod
    def from_bytes(cls, data: bytes) -> Name:
        """Reads a DER Name."""
        return rust_x509.load_der_name(data)

    def rfc4514_string(self, attr_name_overrides: _OidNameMap | None = None) -> str:
        """The Name as RFC 4514 writes it: the RDNs last to first, separated by ','."""
        if "_attributes" not in self.__dict__:
            # Read from DER and not yet looked into: written from the DER.
            return rust_x509.rfc4514_string_from_der(self._der, attr_name_overrides)
        return rust_x509.rfc4514_string(self._attributes, attr_name_overrides)

    def get_attributes_for_oid(self, oid: ObjectIdentifier) -> list[NameAttribute]:
        return [i for i in self if i.oid == oid]

    @property
    def rdns(self) -> list[RelativeDistinguishedName]:
        return self._attributes

    # A Name read from DER is made holding its encoding (`_der`) and makes its RDN
    # objects on first use: most names read are never looked into.
    _der: bytes

    @functools.cached_property
    def _attributes(self) -> list[RelativeDistinguishedName]:
        return rust_x509.name_rdns(self._der)

    def public_bytes(self, backend: typing.Any = None) -> bytes:
        return rust_x509.encode_name_bytes(self)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Name):
            return NotImplemented
        return self._attributes == other._attributes

    def __hash__(self) -> int:
        # An RDN's attributes are a set, so the Name hashes as a tuple of frozensets.
        return hash(tuple(self._attributes))

    def __iter__(self) -> Iterator[NameAttribute]:
        for rdn in self._attributes:
            yield from rdn

    def __len__(self) -> int:
        return sum(len(rdn) for rdn in self._attributes)

    def __repr__(self) -> str:
        return f"<Name({self.rfc4514_string()})>"
