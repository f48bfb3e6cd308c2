# This file is dual licensed under the terms of the Apache License, Version
# 2.0, and the BSD License. See the LICENSE file in the root of this repository
# for complete details.

"""The GeneralName choices of RFC 5280 section 4.2.1.6 as value classes."""

from __future__ import annotations

import abc
import ipaddress
import typing
from email.utils import parseaddr

from cryptography.x509.name import Name
from cryptography.x509.oid import ObjectIdentifier

__all__ = [
    "DNSName",
    "DirectoryName",
    "GeneralName",
    "IPAddress",
    "OtherName",
    "RFC822Name",
    "RegisteredID",
    "UniformResourceIdentifier",
    "UnsupportedGeneralNameType",
]

_IPAddressTypes = typing.Union[
    ipaddress.IPv4Address,
    ipaddress.IPv6Address,
    ipaddress.IPv4Network,
    ipaddress.IPv6Network,
]


class UnsupportedGeneralNameType(Exception):
    pass


class GeneralName(metaclass=abc.ABCMeta):
    @property
    @abc.abstractmethod
    def value(self) -> typing.Any:
        """The name's value."""


def _a_label(value: object, kind: str) -> str:
    """`value` if it is an ASCII string: internationalized names must come already
    encoded (IDNA A-labels), as the types that hold them are IA5Strings."""
    if not isinstance(value, str):
        raise TypeError("value must be string")
    try:
        value.encode("ascii")
    except UnicodeEncodeError:
        raise ValueError(
            f"{kind} values should be passed as an A-label string. "
            "This means unicode characters should be encoded via a library "
            "like idna."
        ) from None
    return value


class _StringName(GeneralName):
    """A name held as an ASCII string, equal to a name of the same kind and text."""

    _value: str

    @property
    def value(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return f"<{type(self).__name__}(value={self.value!r})>"

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self.value == typing.cast(_StringName, other).value

    def __hash__(self) -> int:
        return hash(self.value)


class RFC822Name(_StringName):
    def __init__(self, value: str) -> None:
        self._value = _a_label(value, "RFC822Name")
        # A mailbox only: "Name <address>" and empty addresses are refused.
        name, address = parseaddr(value)
        if name or not address:
            raise ValueError("Invalid rfc822name value")

    @classmethod
    def _init_without_validation(cls, value: str) -> RFC822Name:
        instance = cls.__new__(cls)
        instance._value = value
        return instance


class DNSName(_StringName):
    def __init__(self, value: str) -> None:
        self._value = _a_label(value, "DNSName")

    @classmethod
    def _init_without_validation(cls, value: str) -> DNSName:
        instance = cls.__new__(cls)
        instance._value = value
        return instance


class UniformResourceIdentifier(_StringName):
    def __init__(self, value: str) -> None:
        self._value = _a_label(value, "URI")

    @classmethod
    def _init_without_validation(cls, value: str) -> UniformResourceIdentifier:
        instance = cls.__new__(cls)
        instance._value = value
        return instance


class DirectoryName(GeneralName):
    def __init__(self, value: Name) -> None:
        if not isinstance(value, Name):
            raise TypeError("value must be a Name")
        self._value = value

    @property
    def value(self) -> Name:
        return self._value

    def __repr__(self) -> str:
        return f"<DirectoryName(value={self.value})>"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, DirectoryName):
            return NotImplemented
        return self.value == other.value

    def __hash__(self) -> int:
        return hash(self.value)


class RegisteredID(GeneralName):
    def __init__(self, value: ObjectIdentifier) -> None:
        if not isinstance(value, ObjectIdentifier):
            raise TypeError("value must be an ObjectIdentifier")
        self._value = value

    @property
    def value(self) -> ObjectIdentifier:
        return self._value

    def __repr__(self) -> str:
        return f"<RegisteredID(value={self.value})>"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, RegisteredID):
            return NotImplemented
        return self.value == other.value

    def __hash__(self) -> int:
        return hash(self.value)


class IPAddress(GeneralName):
    def __init__(self, value: _IPAddressTypes) -> None:
        if not isinstance(
            value,
            (
                ipaddress.IPv4Address,
                ipaddress.IPv6Address,
                ipaddress.IPv4Network,
                ipaddress.IPv6Network,
            ),
        ):
            raise TypeError(
                "value must be an instance of ipaddress.IPv4Address, "
                "ipaddress.IPv6Address, ipaddress.IPv4Network, or "
                "ipaddress.IPv6Network"
            )
        self._value = value

    @property
    def value(self) -> _IPAddressTypes:
        return self._value

    def _packed(self) -> bytes:
        """The iPAddress OCTET STRING: an address's bytes, or (in name constraints) a
        network's address followed by its mask."""
        if isinstance(self.value, (ipaddress.IPv4Address, ipaddress.IPv6Address)):
            return self.value.packed
        return self.value.network_address.packed + self.value.netmask.packed

    def __repr__(self) -> str:
        return f"<IPAddress(value={self.value})>"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, IPAddress):
            return NotImplemented
        return self.value == other.value

    def __hash__(self) -> int:
        return hash(self.value)


class OtherName(GeneralName):
    def __init__(self, type_id: ObjectIdentifier, value: bytes) -> None:
        if not isinstance(type_id, ObjectIdentifier):
            raise TypeError("type_id must be an ObjectIdentifier")
        if not isinstance(value, bytes):
            raise TypeError("value must be a binary string")
        self._type_id = type_id
        self._value = value

    @property
    def type_id(self) -> ObjectIdentifier:
        return self._type_id

    @property
    def value(self) -> bytes:
        """The DER of the value (inside its [0] EXPLICIT tag)."""
        return self._value

    def __repr__(self) -> str:
        return f"<OtherName(type_id={self.type_id}, value={self.value!r})>"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, OtherName):
            return NotImplemented
        return self.type_id == other.type_id and self.value == other.value

    def __hash__(self) -> int:
        return hash((self.type_id, self.value))
