# This file is dual licensed under the terms of the Apache License, Version
# 2.0, and the BSD License. See the LICENSE file in the root of this repository
# for complete details.

"""X.509 extensions as value classes: each checks what it may hold, compares by value,
and writes its DER through the native encoder (`_rust.x509.encode_extension_value`)."""

from __future__ import annotations

import abc
import datetime
import enum
import ipaddress
import typing
from collections.abc import Iterable, Iterator

from cryptography.hazmat.bindings._rust import x509 as rust_x509

# Names the reference's module also holds (type annotations of its signatures).
from cryptography.hazmat.primitives.asymmetric.ec import (  # noqa: F401
    EllipticCurvePublicKey,
)
from cryptography.hazmat.primitives.asymmetric.rsa import RSAPublicKey  # noqa: F401
from cryptography.x509.certificate_transparency import (
    SignedCertificateTimestamp,
)

# The general names and Name are importable from here too, as callers expect.
from cryptography.x509.general_name import (  # noqa: F401
    DirectoryName,
    DNSName,
    GeneralName,
    IPAddress,
    OtherName,
    RegisteredID,
    RFC822Name,
    UniformResourceIdentifier,
    _IPAddressTypes,
)
from cryptography.x509.name import Name, RelativeDistinguishedName  # noqa: F401
from cryptography.x509.oid import (
    CRLEntryExtensionOID,
    ExtensionOID,
    ObjectIdentifier,
    OCSPExtensionOID,
)

ExtensionTypeVar = typing.TypeVar(
    "ExtensionTypeVar", bound="ExtensionType", covariant=True
)


class DuplicateExtension(Exception):
    def __init__(self, msg: str, oid: ObjectIdentifier) -> None:
        super().__init__(msg)
        self.oid = oid


class ExtensionNotFound(Exception):
    def __init__(self, msg: str, oid: ObjectIdentifier) -> None:
        super().__init__(msg)
        self.oid = oid


class ExtensionType(metaclass=abc.ABCMeta):
    oid: typing.ClassVar[ObjectIdentifier]

    def public_bytes(self) -> bytes:
        """The DER of the extension's value (the content of its extnValue)."""
        raise NotImplementedError(f"public_bytes is not implemented for {self!r}")


def _key_identifier_from_public_key(public_key: typing.Any) -> bytes:
    """RFC 5280 section 4.2.1.2's method (1): the SHA-1 of the key's subjectPublicKey
    BIT STRING (ValueError if the key's SubjectPublicKeyInfo does not parse)."""
    return rust_x509.key_identifier(public_key)


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


class Extensions:
    def __init__(self, extensions: Iterable[Extension[ExtensionType]]) -> None:
        self._extensions = list(extensions)

    def get_extension_for_oid(self, oid: ObjectIdentifier) -> Extension[ExtensionType]:
        for ext in self:
            if ext.oid == oid:
                return ext
        raise ExtensionNotFound(f"No {oid} extension was found", oid)

    def get_extension_for_class(
        self, extclass: type[ExtensionTypeVar]
    ) -> Extension[ExtensionTypeVar]:
        if extclass is UnrecognizedExtension:
            raise TypeError(
                "UnrecognizedExtension can't be used with "
                "get_extension_for_class because more than one instance of the "
                "class may be present."
            )
        for ext in self._extensions:
            if isinstance(ext.value, extclass):
                return typing.cast(Extension[ExtensionTypeVar], ext)
        raise ExtensionNotFound(f"No {extclass} extension was found", extclass.oid)

    def __iter__(self) -> Iterator[Extension[ExtensionType]]:
        return iter(self._extensions)

    def __len__(self) -> int:
        return len(self._extensions)

    def __getitem__(self, idx: typing.Any) -> typing.Any:
        return self._extensions[idx]

    def __repr__(self) -> str:
        return f"<Extensions({self._extensions})>"


class Extension(typing.Generic[ExtensionTypeVar]):
    def __init__(
        self, oid: ObjectIdentifier, critical: bool, value: ExtensionTypeVar
    ) -> None:
        if not isinstance(oid, ObjectIdentifier):
            raise TypeError("oid argument must be an ObjectIdentifier instance.")
        if not isinstance(critical, bool):
            raise TypeError("critical must be a boolean value")
        self._oid = oid
        self._critical = critical
        self._value = value

    @property
    def oid(self) -> ObjectIdentifier:
        return self._oid

    @property
    def critical(self) -> bool:
        return self._critical

    @property
    def value(self) -> ExtensionTypeVar:
        return self._value

    def __repr__(self) -> str:
        return (
            f"<Extension(oid={self.oid}, critical={self.critical}, value={self.value})>"
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Extension):
            return NotImplemented
        return (
            self.oid == other.oid
            and self.critical == other.critical
            and self.value == other.value
        )

    def __hash__(self) -> int:
        return hash((self.oid, self.critical, self.value))


class _ValueExtension(ExtensionType):
    """An extension whose equality and hash are those of a tuple of its fields."""

    def _fields(self) -> tuple[typing.Any, ...]:
        raise NotImplementedError

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self._fields() == typing.cast(_ValueExtension, other)._fields()

    def __hash__(self) -> int:
        return hash(self._fields())

    def public_bytes(self) -> bytes:
        return rust_x509.encode_extension_value(self)


class BasicConstraints(_ValueExtension):
    oid = ExtensionOID.BASIC_CONSTRAINTS

    def __init__(self, ca: bool, path_length: int | None) -> None:
        if not isinstance(ca, bool):
            raise TypeError("ca must be a boolean value")
        if path_length is not None and not ca:
            raise ValueError("path_length must be None when ca is False")
        if path_length is not None and (not _is_int(path_length) or path_length < 0):
            raise TypeError("path_length must be a non-negative integer or None")
        self._ca = ca
        self._path_length = path_length

    @property
    def ca(self) -> bool:
        return self._ca

    @property
    def path_length(self) -> int | None:
        return self._path_length

    def _fields(self) -> tuple[typing.Any, ...]:
        return (self.ca, self.path_length)

    def __repr__(self) -> str:
        return f"<BasicConstraints(ca={self.ca}, path_length={self.path_length})>"


class SubjectKeyIdentifier(_ValueExtension):
    oid = ExtensionOID.SUBJECT_KEY_IDENTIFIER

    def __init__(self, digest: bytes) -> None:
        self._digest = digest

    @classmethod
    def from_public_key(cls, public_key: typing.Any) -> SubjectKeyIdentifier:
        """The key's identifier by RFC 5280 section 4.2.1.2's method (1): the SHA-1 of
        the subjectPublicKey BIT STRING."""
        return cls(_key_identifier_from_public_key(public_key))

    @property
    def digest(self) -> bytes:
        return self._digest

    @property
    def key_identifier(self) -> bytes:
        return self._digest

    def _fields(self) -> tuple[typing.Any, ...]:
        return (self.digest,)

    def __repr__(self) -> str:
        return f"<SubjectKeyIdentifier(digest={self.digest!r})>"


class AuthorityKeyIdentifier(_ValueExtension):
    oid = ExtensionOID.AUTHORITY_KEY_IDENTIFIER

    def __init__(
        self,
        key_identifier: bytes | None,
        authority_cert_issuer: Iterable[GeneralName] | None,
        authority_cert_serial_number: int | None,
    ) -> None:
        if (authority_cert_issuer is None) != (authority_cert_serial_number is None):
            raise ValueError(
                "authority_cert_issuer and authority_cert_serial_number "
                "must both be present or both None"
            )
        if authority_cert_issuer is not None:
            authority_cert_issuer = _typed_list(
                authority_cert_issuer,
                GeneralName,
                "authority_cert_issuer must be a list of GeneralName objects",
            )
        if authority_cert_serial_number is not None and not _is_int(
            authority_cert_serial_number
        ):
            raise TypeError("authority_cert_serial_number must be an integer")
        self._key_identifier = key_identifier
        self._authority_cert_issuer = authority_cert_issuer
        self._authority_cert_serial_number = authority_cert_serial_number

    @classmethod
    def from_issuer_public_key(cls, public_key: typing.Any) -> AuthorityKeyIdentifier:
        return cls(
            key_identifier=_key_identifier_from_public_key(public_key),
            authority_cert_issuer=None,
            authority_cert_serial_number=None,
        )

    @classmethod
    def from_issuer_subject_key_identifier(
        cls, ski: SubjectKeyIdentifier
    ) -> AuthorityKeyIdentifier:
        return cls(
            key_identifier=ski.digest,
            authority_cert_issuer=None,
            authority_cert_serial_number=None,
        )

    @property
    def key_identifier(self) -> bytes | None:
        return self._key_identifier

    @property
    def authority_cert_issuer(self) -> list[GeneralName] | None:
        return self._authority_cert_issuer

    @property
    def authority_cert_serial_number(self) -> int | None:
        return self._authority_cert_serial_number

    def _fields(self) -> tuple[typing.Any, ...]:
        issuer = (
            None
            if self.authority_cert_issuer is None
            else tuple(self.authority_cert_issuer)
        )
        return (self.key_identifier, issuer, self.authority_cert_serial_number)

    def __repr__(self) -> str:
        return (
            f"<AuthorityKeyIdentifier(key_identifier={self.key_identifier!r}, "
            f"authority_cert_issuer={self.authority_cert_issuer}, "
            f"authority_cert_serial_number={self.authority_cert_serial_number})>"
        )


class KeyUsage(_ValueExtension):
    oid = ExtensionOID.KEY_USAGE

    def __init__(
        self,
        digital_signature: bool,
        content_commitment: bool,
        key_encipherment: bool,
        data_encipherment: bool,
        key_agreement: bool,
        key_cert_sign: bool,
        crl_sign: bool,
        encipher_only: bool,
        decipher_only: bool,
    ) -> None:
        if not key_agreement and (encipher_only or decipher_only):
            raise ValueError(
                "encipher_only and decipher_only can only be true when "
                "key_agreement is true"
            )
        self._digital_signature = digital_signature
        self._content_commitment = content_commitment
        self._key_encipherment = key_encipherment
        self._data_encipherment = data_encipherment
        self._key_agreement = key_agreement
        self._key_cert_sign = key_cert_sign
        self._crl_sign = crl_sign
        self._encipher_only = encipher_only
        self._decipher_only = decipher_only

    @property
    def digital_signature(self) -> bool:
        return self._digital_signature

    @property
    def content_commitment(self) -> bool:
        return self._content_commitment

    @property
    def key_encipherment(self) -> bool:
        return self._key_encipherment

    @property
    def data_encipherment(self) -> bool:
        return self._data_encipherment

    @property
    def key_agreement(self) -> bool:
        return self._key_agreement

    @property
    def key_cert_sign(self) -> bool:
        return self._key_cert_sign

    @property
    def crl_sign(self) -> bool:
        return self._crl_sign

    @property
    def encipher_only(self) -> bool:
        if not self.key_agreement:
            raise ValueError("encipher_only is undefined unless key_agreement is true")
        return self._encipher_only

    @property
    def decipher_only(self) -> bool:
        if not self.key_agreement:
            raise ValueError("decipher_only is undefined unless key_agreement is true")
        return self._decipher_only

    def _fields(self) -> tuple[typing.Any, ...]:
        # The last two are False, not undefined, when key_agreement is False.
        return (
            self.digital_signature,
            self.content_commitment,
            self.key_encipherment,
            self.data_encipherment,
            self.key_agreement,
            self.key_cert_sign,
            self.crl_sign,
            self._encipher_only,
            self._decipher_only,
        )

    def __repr__(self) -> str:
        if self.key_agreement:
            encipher_only: bool | None = self.encipher_only
            decipher_only: bool | None = self.decipher_only
        else:
            encipher_only = decipher_only = False
        return (
            f"<KeyUsage(digital_signature={self.digital_signature}, "
            f"content_commitment={self.content_commitment}, "
            f"key_encipherment={self.key_encipherment}, "
            f"data_encipherment={self.data_encipherment}, "
            f"key_agreement={self.key_agreement}, "
            f"key_cert_sign={self.key_cert_sign}, crl_sign={self.crl_sign}, "
            f"encipher_only={encipher_only}, decipher_only={decipher_only})>"
        )


def _typed_list(
    items: Iterable[typing.Any], kind: typing.Any, message: str
) -> list[typing.Any]:
    """The items as a list, each checked to be a `kind`; TypeError(message) if not."""
    items = list(items)
    for item in items:
        if not isinstance(item, kind):
            raise TypeError(message)
    return items


class _ListExtension(_ValueExtension):
    """An extension that is a list of items: iterable, indexable, sized."""

    _items: list[typing.Any]

    def __iter__(self) -> Iterator[typing.Any]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __getitem__(self, idx: typing.Any) -> typing.Any:
        return self._items[idx]

    def _fields(self) -> tuple[typing.Any, ...]:
        return tuple(self._items)


class ExtendedKeyUsage(_ListExtension):
    oid = ExtensionOID.EXTENDED_KEY_USAGE

    def __init__(self, usages: Iterable[ObjectIdentifier]) -> None:
        self._items = _typed_list(
            usages,
            ObjectIdentifier,
            "Every item in the usages list must be an ObjectIdentifier",
        )

    def __repr__(self) -> str:
        return f"<ExtendedKeyUsage({self._items})>"


class OCSPAcceptableResponses(_ListExtension):
    oid = OCSPExtensionOID.ACCEPTABLE_RESPONSES

    def __init__(self, responses: Iterable[ObjectIdentifier]) -> None:
        responses = list(responses)
        if any(not isinstance(r, ObjectIdentifier) for r in responses):
            raise TypeError("All responses must be ObjectIdentifiers")
        self._items = responses

    def __repr__(self) -> str:
        return f"<OCSPAcceptableResponses(responses={self._items})>"


_GeneralNameTypes = typing.Union[
    GeneralName,
    DNSName,
    RFC822Name,
    UniformResourceIdentifier,
    DirectoryName,
    RegisteredID,
    IPAddress,
    OtherName,
]


class GeneralNames:
    def __init__(self, general_names: Iterable[GeneralName]) -> None:
        self._general_names = _typed_list(
            general_names,
            GeneralName,
            "Every item in the general_names list must be an "
            "object conforming to the GeneralName interface",
        )

    def __iter__(self) -> Iterator[GeneralName]:
        return iter(self._general_names)

    def __len__(self) -> int:
        return len(self._general_names)

    def __getitem__(self, idx: typing.Any) -> typing.Any:
        return self._general_names[idx]

    def get_values_for_type(self, type: type[GeneralName]) -> list[typing.Any]:
        """The values of the names of one kind; for OtherName, the names themselves."""
        if type is OtherName:
            return [i for i in self._general_names if isinstance(i, type)]
        return [i.value for i in self._general_names if isinstance(i, type)]

    def __repr__(self) -> str:
        return f"<GeneralNames({self._general_names})>"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, GeneralNames):
            return NotImplemented
        return self._general_names == other._general_names

    def __hash__(self) -> int:
        return hash(tuple(self._general_names))


class _GeneralNamesExtension(_ValueExtension):
    """An extension that holds GeneralNames (subject and issuer alternative names,
    a CRL entry's certificate issuer)."""

    def __init__(self, general_names: Iterable[GeneralName]) -> None:
        self._general_names = GeneralNames(general_names)

    def __iter__(self) -> Iterator[GeneralName]:
        return iter(self._general_names)

    def __len__(self) -> int:
        return len(self._general_names)

    def __getitem__(self, idx: typing.Any) -> typing.Any:
        return self._general_names[idx]

    def get_values_for_type(self, type: type[GeneralName]) -> list[typing.Any]:
        return self._general_names.get_values_for_type(type)

    def _fields(self) -> tuple[typing.Any, ...]:
        return (self._general_names,)

    def __repr__(self) -> str:
        return f"<{type(self).__name__}({self._general_names})>"


class SubjectAlternativeName(_GeneralNamesExtension):
    oid = ExtensionOID.SUBJECT_ALTERNATIVE_NAME


class IssuerAlternativeName(_GeneralNamesExtension):
    oid = ExtensionOID.ISSUER_ALTERNATIVE_NAME


class CertificateIssuer(_GeneralNamesExtension):
    oid = CRLEntryExtensionOID.CERTIFICATE_ISSUER


class UnrecognizedExtension(_ValueExtension):
    def __init__(self, oid: ObjectIdentifier, value: bytes) -> None:
        if not isinstance(oid, ObjectIdentifier):
            raise TypeError("oid must be an ObjectIdentifier")
        self._oid = oid
        self._value = value

    @property
    def oid(self) -> ObjectIdentifier:  # type: ignore[override]
        return self._oid

    @property
    def value(self) -> bytes:
        return self._value

    def _fields(self) -> tuple[typing.Any, ...]:
        return (self.oid, self.value)

    def public_bytes(self) -> bytes:
        return self.value

    def __repr__(self) -> str:
        return f"<UnrecognizedExtension(oid={self.oid}, value={self.value!r})>"


class _NullExtension(_ValueExtension):
    """An extension whose value is NULL: all instances are equal."""

    def _fields(self) -> tuple[typing.Any, ...]:
        return ()

    def __hash__(self) -> int:
        return hash(type(self))

    def __repr__(self) -> str:
        return f"<{type(self).__name__}()>"


class OCSPNoCheck(_NullExtension):
    oid = ExtensionOID.OCSP_NO_CHECK


class PrecertPoison(_NullExtension):
    oid = ExtensionOID.PRECERT_POISON


class InhibitAnyPolicy(_ValueExtension):
    oid = ExtensionOID.INHIBIT_ANY_POLICY

    def __init__(self, skip_certs: int) -> None:
        if not _is_int(skip_certs):
            raise TypeError("skip_certs must be an integer")
        if skip_certs < 0:
            raise ValueError("skip_certs must be a non-negative integer")
        self._skip_certs = skip_certs

    @property
    def skip_certs(self) -> int:
        return self._skip_certs

    def _fields(self) -> tuple[typing.Any, ...]:
        return (self.skip_certs,)

    def __repr__(self) -> str:
        return f"<InhibitAnyPolicy(skip_certs={self.skip_certs})>"


class CRLNumber(_ValueExtension):
    oid = ExtensionOID.CRL_NUMBER

    def __init__(self, crl_number: int) -> None:
        if not _is_int(crl_number):
            raise TypeError("crl_number must be an integer")
        self._crl_number = crl_number

    @property
    def crl_number(self) -> int:
        return self._crl_number

    def _fields(self) -> tuple[typing.Any, ...]:
        return (self.crl_number,)

    def __repr__(self) -> str:
        return f"<CRLNumber({self.crl_number})>"


class DeltaCRLIndicator(_ValueExtension):
    oid = ExtensionOID.DELTA_CRL_INDICATOR

    def __init__(self, crl_number: int) -> None:
        if not _is_int(crl_number):
            raise TypeError("crl_number must be an integer")
        self._crl_number = crl_number

    @property
    def crl_number(self) -> int:
        return self._crl_number

    def _fields(self) -> tuple[typing.Any, ...]:
        return (self.crl_number,)

    def __repr__(self) -> str:
        return f"<DeltaCRLIndicator(crl_number={self.crl_number})>"


class ReasonFlags(enum.Enum):
    unspecified = "unspecified"
    key_compromise = "keyCompromise"
    ca_compromise = "cACompromise"
    affiliation_changed = "affiliationChanged"
    superseded = "superseded"
    cessation_of_operation = "cessationOfOperation"
    certificate_hold = "certificateHold"
    privilege_withdrawn = "privilegeWithdrawn"
    aa_compromise = "aACompromise"
    remove_from_crl = "removeFromCRL"


class CRLReason(_ValueExtension):
    oid = CRLEntryExtensionOID.CRL_REASON

    def __init__(self, reason: ReasonFlags) -> None:
        if not isinstance(reason, ReasonFlags):
            raise TypeError("reason must be an element from ReasonFlags")
        self._reason = reason

    @property
    def reason(self) -> ReasonFlags:
        return self._reason

    def _fields(self) -> tuple[typing.Any, ...]:
        return (self.reason,)

    def __repr__(self) -> str:
        return f"<CRLReason(reason={self.reason})>"


def _to_utc(value: datetime.datetime) -> datetime.datetime:
    """A datetime as an aware UTC one (naive ones are taken to be UTC already)."""
    if value.tzinfo is None:
        return value.replace(tzinfo=datetime.timezone.utc)
    return value.astimezone(datetime.timezone.utc)


class InvalidityDate(_ValueExtension):
    oid = CRLEntryExtensionOID.INVALIDITY_DATE

    def __init__(self, invalidity_date: datetime.datetime) -> None:
        if not isinstance(invalidity_date, datetime.datetime):
            raise TypeError("invalidity_date must be a datetime.datetime")
        self._invalidity_date = invalidity_date

    @property
    def invalidity_date(self) -> datetime.datetime:
        return self._invalidity_date

    @property
    def invalidity_date_utc(self) -> datetime.datetime:
        return _to_utc(self._invalidity_date)

    def _fields(self) -> tuple[typing.Any, ...]:
        return (self.invalidity_date,)

    def __repr__(self) -> str:
        return f"<InvalidityDate(invalidity_date={self.invalidity_date})>"


class PolicyConstraints(_ValueExtension):
    oid = ExtensionOID.POLICY_CONSTRAINTS

    def __init__(
        self,
        require_explicit_policy: int | None,
        inhibit_policy_mapping: int | None,
    ) -> None:
        if require_explicit_policy is not None and not _is_int(require_explicit_policy):
            raise TypeError(
                "require_explicit_policy must be a non-negative integer or None"
            )
        if inhibit_policy_mapping is not None and not _is_int(inhibit_policy_mapping):
            raise TypeError(
                "inhibit_policy_mapping must be a non-negative integer or None"
            )
        if inhibit_policy_mapping is None and require_explicit_policy is None:
            raise ValueError(
                "At least one of require_explicit_policy and "
                "inhibit_policy_mapping must not be None"
            )
        self._require_explicit_policy = require_explicit_policy
        self._inhibit_policy_mapping = inhibit_policy_mapping

    @property
    def require_explicit_policy(self) -> int | None:
        return self._require_explicit_policy

    @property
    def inhibit_policy_mapping(self) -> int | None:
        return self._inhibit_policy_mapping

    def _fields(self) -> tuple[typing.Any, ...]:
        return (self.require_explicit_policy, self.inhibit_policy_mapping)

    def __repr__(self) -> str:
        return (
            f"<PolicyConstraints(require_explicit_policy="
            f"{self.require_explicit_policy}, inhibit_policy_mapping="
            f"{self.inhibit_policy_mapping})>"
        )


class TLSFeatureType(enum.Enum):
    # RFC 6066 extension numbers: status_request (OCSP stapling) and its v2 (RFC 6961).
    status_request = 5
    status_request_v2 = 17


_TLS_FEATURE_TYPE_TO_ENUM = {x.value: x for x in TLSFeatureType}


class TLSFeature(_ListExtension):
    oid = ExtensionOID.TLS_FEATURE

    def __init__(self, features: Iterable[TLSFeatureType]) -> None:
        features = list(features)
        if (
            not all(isinstance(x, TLSFeatureType) for x in features)
            or len(features) == 0
        ):
            raise TypeError(
                "features must be a list of elements from the TLSFeatureType enum"
            )
        self._items = features

    def __repr__(self) -> str:
        return f"<TLSFeature(features={self._items})>"


class OCSPNonce(_ValueExtension):
    oid = OCSPExtensionOID.NONCE

    def __init__(self, nonce: bytes) -> None:
        if not isinstance(nonce, bytes):
            raise TypeError("nonce must be bytes")
        self._nonce = nonce

    @property
    def nonce(self) -> bytes:
        return self._nonce

    def _fields(self) -> tuple[typing.Any, ...]:
        return (self.nonce,)

    def __repr__(self) -> str:
        return f"<OCSPNonce(nonce={self.nonce!r})>"


class AccessDescription:
    def __init__(
        self, access_method: ObjectIdentifier, access_location: GeneralName
    ) -> None:
        if not isinstance(access_method, ObjectIdentifier):
            raise TypeError("access_method must be an ObjectIdentifier")
        if not isinstance(access_location, GeneralName):
            raise TypeError("access_location must be a GeneralName")
        self._access_method = access_method
        self._access_location = access_location

    @property
    def access_method(self) -> ObjectIdentifier:
        return self._access_method

    @property
    def access_location(self) -> GeneralName:
        return self._access_location

    def __repr__(self) -> str:
        return (
            f"<AccessDescription(access_method={self.access_method}, "
            f"access_location={self.access_location})>"
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, AccessDescription):
            return NotImplemented
        return (
            self.access_method == other.access_method
            and self.access_location == other.access_location
        )

    def __hash__(self) -> int:
        return hash((self.access_method, self.access_location))


class _AccessExtension(_ListExtension):
    def __init__(self, descriptions: Iterable[AccessDescription]) -> None:
        self._items = _typed_list(
            descriptions,
            AccessDescription,
            "Every item in the descriptions list must be an AccessDescription",
        )

    def __repr__(self) -> str:
        return f"<{type(self).__name__}({self._items})>"


class AuthorityInformationAccess(_AccessExtension):
    oid = ExtensionOID.AUTHORITY_INFORMATION_ACCESS


class SubjectInformationAccess(_AccessExtension):
    oid = ExtensionOID.SUBJECT_INFORMATION_ACCESS


class MSCertificateTemplate(_ValueExtension):
    oid = ExtensionOID.MS_CERTIFICATE_TEMPLATE

    def __init__(
        self,
        template_id: ObjectIdentifier,
        major_version: int | None,
        minor_version: int | None,
    ) -> None:
        if not isinstance(template_id, ObjectIdentifier):
            raise TypeError("oid must be an ObjectIdentifier")
        self._template_id = template_id
        if (major_version is not None and not _is_int(major_version)) or (
            minor_version is not None and not _is_int(minor_version)
        ):
            raise TypeError("major_version and minor_version must be integers or None")
        self._major_version = major_version
        self._minor_version = minor_version

    @property
    def template_id(self) -> ObjectIdentifier:
        return self._template_id

    @property
    def major_version(self) -> int | None:
        return self._major_version

    @property
    def minor_version(self) -> int | None:
        return self._minor_version

    def _fields(self) -> tuple[typing.Any, ...]:
        return (self.template_id, self.major_version, self.minor_version)

    def __repr__(self) -> str:
        return (
            f"<MSCertificateTemplate(template_id={self.template_id}, "
            f"major_version={self.major_version}, "
            f"minor_version={self.minor_version})>"
        )


class PrivateKeyUsagePeriod(_ValueExtension):
    oid = ExtensionOID.PRIVATE_KEY_USAGE_PERIOD

    def __init__(
        self,
        not_before: datetime.datetime | None,
        not_after: datetime.datetime | None,
    ) -> None:
        if not_before is None and not_after is None:
            raise ValueError(
                "At least one of not_before and not_after must not be None"
            )
        if not_before is not None and not isinstance(not_before, datetime.datetime):
            raise TypeError("not_before must be a datetime.datetime or None")
        if not_after is not None and not isinstance(not_after, datetime.datetime):
            raise TypeError("not_after must be a datetime.datetime or None")
        if not_before is not None and not_after is not None and not_before > not_after:
            raise ValueError("not_before must be before not_after")
        self._not_before = not_before
        self._not_after = not_after

    @property
    def not_before(self) -> datetime.datetime | None:
        return self._not_before

    @property
    def not_after(self) -> datetime.datetime | None:
        return self._not_after

    def _fields(self) -> tuple[typing.Any, ...]:
        return (self.not_before, self.not_after)

    def __repr__(self) -> str:
        return (
            f"<PrivateKeyUsagePeriod(not_before={self.not_before}, "
            f"not_after={self.not_after})>"
        )


class NoticeReference:
    def __init__(self, organization: str | None, notice_numbers: Iterable[int]) -> None:
        self._organization = organization
        notice_numbers = list(notice_numbers)
        if not all(_is_int(x) for x in notice_numbers):
            raise TypeError("notice_numbers must be a list of integers")
        self._notice_numbers = notice_numbers

    @property
    def organization(self) -> str | None:
        return self._organization

    @property
    def notice_numbers(self) -> list[int]:
        return self._notice_numbers

    def __repr__(self) -> str:
        return (
            f"<NoticeReference(organization={self.organization!r}, "
            f"notice_numbers={self.notice_numbers})>"
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, NoticeReference):
            return NotImplemented
        return (
            self.organization == other.organization
            and self.notice_numbers == other.notice_numbers
        )

    def __hash__(self) -> int:
        return hash((self.organization, tuple(self.notice_numbers)))


class UserNotice:
    def __init__(
        self,
        notice_reference: NoticeReference | None,
        explicit_text: str | None,
    ) -> None:
        if notice_reference is not None and not isinstance(
            notice_reference, NoticeReference
        ):
            raise TypeError("notice_reference must be None or a NoticeReference")
        self._notice_reference = notice_reference
        self._explicit_text = explicit_text

    @property
    def notice_reference(self) -> NoticeReference | None:
        return self._notice_reference

    @property
    def explicit_text(self) -> str | None:
        return self._explicit_text

    def __repr__(self) -> str:
        return (
            f"<UserNotice(notice_reference={self.notice_reference}, "
            f"explicit_text={self.explicit_text!r})>"
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, UserNotice):
            return NotImplemented
        return (
            self.notice_reference == other.notice_reference
            and self.explicit_text == other.explicit_text
        )

    def __hash__(self) -> int:
        return hash((self.notice_reference, self.explicit_text))


class PolicyInformation:
    def __init__(
        self,
        policy_identifier: ObjectIdentifier,
        policy_qualifiers: Iterable[str | UserNotice] | None,
    ) -> None:
        if not isinstance(policy_identifier, ObjectIdentifier):
            raise TypeError("policy_identifier must be an ObjectIdentifier")
        self._policy_identifier = policy_identifier
        if policy_qualifiers is not None:
            policy_qualifiers = list(policy_qualifiers)
            if not all(isinstance(x, (str, UserNotice)) for x in policy_qualifiers):
                raise TypeError(
                    "policy_qualifiers must be a list of strings and/or "
                    "UserNotice objects or None"
                )
        self._policy_qualifiers = policy_qualifiers

    @property
    def policy_identifier(self) -> ObjectIdentifier:
        return self._policy_identifier

    @property
    def policy_qualifiers(self) -> list[str | UserNotice] | None:
        return self._policy_qualifiers

    def __repr__(self) -> str:
        return (
            f"<PolicyInformation(policy_identifier={self.policy_identifier}, "
            f"policy_qualifiers={self.policy_qualifiers})>"
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, PolicyInformation):
            return NotImplemented
        return (
            self.policy_identifier == other.policy_identifier
            and self.policy_qualifiers == other.policy_qualifiers
        )

    def __hash__(self) -> int:
        qualifiers = (
            None if self.policy_qualifiers is None else tuple(self.policy_qualifiers)
        )
        return hash((self.policy_identifier, qualifiers))


class CertificatePolicies(_ListExtension):
    oid = ExtensionOID.CERTIFICATE_POLICIES

    def __init__(self, policies: Iterable[PolicyInformation]) -> None:
        self._items = _typed_list(
            policies,
            PolicyInformation,
            "Every item in the policies list must be a PolicyInformation",
        )

    def __repr__(self) -> str:
        return f"<CertificatePolicies({self._items})>"


def _general_names_or_none(
    names: Iterable[GeneralName] | None, message: str
) -> list[GeneralName] | None:
    if names is None:
        return None
    return _typed_list(names, GeneralName, message)


def _check_reasons(
    reasons: frozenset[ReasonFlags] | None, where: str
) -> frozenset[ReasonFlags] | None:
    """The reasons a distribution point covers: RFC 5280's ReasonFlags has no bit for
    `unspecified` or `removeFromCRL`."""
    if reasons is None:
        return None
    if not isinstance(reasons, frozenset) or not all(
        isinstance(x, ReasonFlags) for x in reasons
    ):
        raise TypeError("reasons must be None or frozenset of ReasonFlags")
    if ReasonFlags.unspecified in reasons or ReasonFlags.remove_from_crl in reasons:
        raise ValueError(
            "unspecified and remove_from_crl are not valid reasons in " + where
        )
    return reasons


class DistributionPoint:
    def __init__(
        self,
        full_name: Iterable[GeneralName] | None,
        relative_name: RelativeDistinguishedName | None,
        reasons: frozenset[ReasonFlags] | None,
        crl_issuer: Iterable[GeneralName] | None,
    ) -> None:
        if full_name and relative_name:
            raise ValueError(
                "You cannot provide both full_name and relative_name, at "
                "least one must be None."
            )
        if not full_name and not relative_name and not crl_issuer:
            raise ValueError(
                "Either full_name, relative_name or crl_issuer must be provided."
            )
        full_name = _general_names_or_none(
            full_name, "full_name must be a list of GeneralName objects"
        )
        if relative_name is not None and not isinstance(
            relative_name, RelativeDistinguishedName
        ):
            raise TypeError("relative_name must be a RelativeDistinguishedName")
        crl_issuer = _general_names_or_none(
            crl_issuer, "crl_issuer must be None or a list of general names"
        )
        reasons = _check_reasons(reasons, "a DistributionPoint")
        self._full_name = full_name
        self._relative_name = relative_name
        self._reasons = reasons
        self._crl_issuer = crl_issuer

    @property
    def full_name(self) -> list[GeneralName] | None:
        return self._full_name

    @property
    def relative_name(self) -> RelativeDistinguishedName | None:
        return self._relative_name

    @property
    def reasons(self) -> frozenset[ReasonFlags] | None:
        return self._reasons

    @property
    def crl_issuer(self) -> list[GeneralName] | None:
        return self._crl_issuer

    def _fields(self) -> tuple[typing.Any, ...]:
        full = None if self.full_name is None else tuple(self.full_name)
        issuer = None if self.crl_issuer is None else tuple(self.crl_issuer)
        return (full, self.relative_name, self.reasons, issuer)

    def __repr__(self) -> str:
        return (
            f"<DistributionPoint(full_name={self.full_name}, relative_name="
            f"{self.relative_name}, reasons={self.reasons}, "
            f"crl_issuer={self.crl_issuer})>"
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, DistributionPoint):
            return NotImplemented
        return self._fields() == other._fields()

    def __hash__(self) -> int:
        return hash(self._fields())


class _DistributionPointsExtension(_ListExtension):
    def __init__(self, distribution_points: Iterable[DistributionPoint]) -> None:
        self._items = _typed_list(
            distribution_points,
            DistributionPoint,
            "distribution_points must be a list of DistributionPoint objects",
        )

    def __repr__(self) -> str:
        return f"<{type(self).__name__}({self._items})>"


class CRLDistributionPoints(_DistributionPointsExtension):
    oid = ExtensionOID.CRL_DISTRIBUTION_POINTS


class FreshestCRL(_DistributionPointsExtension):
    oid = ExtensionOID.FRESHEST_CRL


class IssuingDistributionPoint(_ValueExtension):
    oid = ExtensionOID.ISSUING_DISTRIBUTION_POINT

    def __init__(
        self,
        full_name: Iterable[GeneralName] | None,
        relative_name: RelativeDistinguishedName | None,
        only_contains_user_certs: bool,
        only_contains_ca_certs: bool,
        only_some_reasons: frozenset[ReasonFlags] | None,
        indirect_crl: bool,
        only_contains_attribute_certs: bool,
    ) -> None:
        if full_name is not None:
            full_name = list(full_name)
        only_some_reasons = _check_reasons(
            only_some_reasons, "an IssuingDistributionPoint"
        )
        if not (
            isinstance(only_contains_user_certs, bool)
            and isinstance(only_contains_ca_certs, bool)
            and isinstance(indirect_crl, bool)
            and isinstance(only_contains_attribute_certs, bool)
        ):
            raise TypeError(
                "only_contains_user_certs, only_contains_ca_certs, "
                "indirect_crl and only_contains_attribute_certs "
                "must all be boolean."
            )
        # RFC 5280 section 5.2.5: at most one of the three may be asserted.
        crl_constraints = [
            only_contains_user_certs,
            only_contains_ca_certs,
            only_contains_attribute_certs,
        ]
        if len([x for x in crl_constraints if x]) > 1:
            raise ValueError(
                "Only one of the following can be set to True: "
                "only_contains_user_certs, only_contains_ca_certs, "
                "only_contains_attribute_certs"
            )
        if not any(
            [
                only_contains_user_certs,
                only_contains_ca_certs,
                indirect_crl,
                only_contains_attribute_certs,
                full_name,
                relative_name,
                only_some_reasons,
            ]
        ):
            raise ValueError(
                "Cannot create empty extension: "
                "if only_contains_user_certs, only_contains_ca_certs, "
                "indirect_crl, and only_contains_attribute_certs are all False"
                ", then either full_name, relative_name, or only_some_reasons "
                "must have a value."
            )
        self._only_contains_user_certs = only_contains_user_certs
        self._only_contains_ca_certs = only_contains_ca_certs
        self._indirect_crl = indirect_crl
        self._only_contains_attribute_certs = only_contains_attribute_certs
        self._only_some_reasons = only_some_reasons
        self._full_name = full_name
        self._relative_name = relative_name

    @property
    def full_name(self) -> list[GeneralName] | None:
        return self._full_name

    @property
    def relative_name(self) -> RelativeDistinguishedName | None:
        return self._relative_name

    @property
    def only_contains_user_certs(self) -> bool:
        return self._only_contains_user_certs

    @property
    def only_contains_ca_certs(self) -> bool:
        return self._only_contains_ca_certs

    @property
    def only_some_reasons(self) -> frozenset[ReasonFlags] | None:
        return self._only_some_reasons

    @property
    def indirect_crl(self) -> bool:
        return self._indirect_crl

    @property
    def only_contains_attribute_certs(self) -> bool:
        return self._only_contains_attribute_certs

    def _fields(self) -> tuple[typing.Any, ...]:
        full = None if self.full_name is None else tuple(self.full_name)
        return (
            full,
            self.relative_name,
            self.only_contains_user_certs,
            self.only_contains_ca_certs,
            self.only_some_reasons,
            self.indirect_crl,
            self.only_contains_attribute_certs,
        )

    def __repr__(self) -> str:
        return (
            f"<IssuingDistributionPoint(full_name={self.full_name}, "
            f"relative_name={self.relative_name}, "
            f"only_contains_user_certs={self.only_contains_user_certs}, "
            f"only_contains_ca_certs={self.only_contains_ca_certs}, "
            f"only_some_reasons={self.only_some_reasons}, "
            f"indirect_crl={self.indirect_crl}, "
            "only_contains_attribute_certs="
            f"{self.only_contains_attribute_certs})>"
        )


class NameConstraints(_ValueExtension):
    oid = ExtensionOID.NAME_CONSTRAINTS

    def __init__(
        self,
        permitted_subtrees: Iterable[GeneralName] | None,
        excluded_subtrees: Iterable[GeneralName] | None,
    ) -> None:
        permitted = self._subtrees(permitted_subtrees, "permitted_subtrees")
        excluded = self._subtrees(excluded_subtrees, "excluded_subtrees")
        if permitted is None and excluded is None:
            raise ValueError(
                "At least one of permitted_subtrees and excluded_subtrees "
                "must not be None"
            )
        self._permitted_subtrees = permitted
        self._excluded_subtrees = excluded

    @staticmethod
    def _subtrees(
        subtrees: Iterable[GeneralName] | None, what: str
    ) -> list[GeneralName] | None:
        if subtrees is None:
            return None
        subtrees = list(subtrees)
        if not subtrees:
            raise ValueError(f"{what} must be a non-empty list or None")
        if not all(isinstance(x, GeneralName) for x in subtrees):
            raise TypeError(f"{what} must be a list of GeneralName objects or None")
        # RFC 5280 section 4.2.1.10: an iPAddress constraint is a network.
        if any(
            isinstance(name, IPAddress)
            and not isinstance(
                name.value, (ipaddress.IPv4Network, ipaddress.IPv6Network)
            )
            for name in subtrees
        ):
            raise TypeError(
                "IPAddress name constraints must be an IPv4Network or"
                " IPv6Network object"
            )
        # A DNS constraint is a domain (and its subdomains), never a pattern.
        if any(isinstance(name, DNSName) and "*" in name.value for name in subtrees):
            raise ValueError(
                "DNSName name constraints must not contain the '*' wildcard character"
            )
        return subtrees

    @property
    def permitted_subtrees(self) -> list[GeneralName] | None:
        return self._permitted_subtrees

    @property
    def excluded_subtrees(self) -> list[GeneralName] | None:
        return self._excluded_subtrees

    def _fields(self) -> tuple[typing.Any, ...]:
        permitted = (
            None if self.permitted_subtrees is None else tuple(self.permitted_subtrees)
        )
        excluded = (
            None if self.excluded_subtrees is None else tuple(self.excluded_subtrees)
        )
        return (permitted, excluded)

    def __repr__(self) -> str:
        return (
            f"<NameConstraints(permitted_subtrees={self.permitted_subtrees}, "
            f"excluded_subtrees={self.excluded_subtrees})>"
        )


class _SctListExtension(_ListExtension):
    def __init__(
        self, signed_certificate_timestamps: Iterable[SignedCertificateTimestamp]
    ) -> None:
        signed_certificate_timestamps = list(signed_certificate_timestamps)
        if not all(
            isinstance(sct, SignedCertificateTimestamp)
            for sct in signed_certificate_timestamps
        ):
            raise TypeError(
                "Every item in the signed_certificate_timestamps list must be a "
                "SignedCertificateTimestamp"
            )
        self._items = signed_certificate_timestamps

    def __repr__(self) -> str:
        return f"<{type(self).__name__}({self._items})>"


class PrecertificateSignedCertificateTimestamps(_SctListExtension):
    oid = ExtensionOID.PRECERT_SIGNED_CERTIFICATE_TIMESTAMPS


class SignedCertificateTimestamps(_SctListExtension):
    oid = ExtensionOID.SIGNED_CERTIFICATE_TIMESTAMPS


# The Admissions extension (Common PKI / ISIS-MTT): who admitted the subject to which
# profession. Four value classes mirror its four ASN.1 types.


def _optional_instance(value: typing.Any, kind: type, message: str) -> None:
    if value is not None and not isinstance(value, kind):
        raise TypeError(message)


class _FieldsValue:
    """Equality and hash by a tuple of fields (`_fields`), for the Admissions values."""

    def _fields(self) -> tuple[typing.Any, ...]:
        raise NotImplementedError

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, type(self)):
            return NotImplemented
        return self._fields() == other._fields()

    def __hash__(self) -> int:
        return hash(self._fields())


class NamingAuthority(_FieldsValue):
    def __init__(
        self,
        id: ObjectIdentifier | None,
        url: str | None,
        text: str | None,
    ) -> None:
        _optional_instance(id, ObjectIdentifier, "id must be an ObjectIdentifier")
        _optional_instance(url, str, "url must be a str")
        _optional_instance(text, str, "text must be a str")
        self._id = id
        self._url = url
        self._text = text

    @property
    def id(self) -> ObjectIdentifier | None:
        return self._id

    @property
    def url(self) -> str | None:
        return self._url

    @property
    def text(self) -> str | None:
        return self._text

    def _fields(self) -> tuple[typing.Any, ...]:
        return (self._id, self._url, self._text)

    def __repr__(self) -> str:
        return f"<NamingAuthority(id={self.id}, url={self.url}, text={self.text})>"


class ProfessionInfo(_FieldsValue):
    def __init__(
        self,
        naming_authority: NamingAuthority | None,
        profession_items: Iterable[str],
        profession_oids: Iterable[ObjectIdentifier] | None,
        registration_number: str | None,
        add_profession_info: bytes | None,
    ) -> None:
        _optional_instance(
            naming_authority,
            NamingAuthority,
            "naming_authority must be a NamingAuthority",
        )
        items = _typed_list(
            profession_items,
            str,
            "Every item in the profession_items list must be a str",
        )
        oids = None
        if profession_oids is not None:
            oids = _typed_list(
                profession_oids,
                ObjectIdentifier,
                "Every item in the profession_oids list must be an ObjectIdentifier",
            )
        _optional_instance(
            registration_number, str, "registration_number must be a str"
        )
        _optional_instance(
            add_profession_info, bytes, "add_profession_info must be bytes"
        )
        self._naming_authority = naming_authority
        self._profession_items = items
        self._profession_oids = oids
        self._registration_number = registration_number
        self._add_profession_info = add_profession_info

    @property
    def naming_authority(self) -> NamingAuthority | None:
        return self._naming_authority

    @property
    def profession_items(self) -> list[str]:
        return self._profession_items

    @property
    def profession_oids(self) -> list[ObjectIdentifier] | None:
        return self._profession_oids

    @property
    def registration_number(self) -> str | None:
        return self._registration_number

    @property
    def add_profession_info(self) -> bytes | None:
        return self._add_profession_info

    def _fields(self) -> tuple[typing.Any, ...]:
        oids = None if self._profession_oids is None else tuple(self._profession_oids)
        return (
            self._naming_authority,
            tuple(self._profession_items),
            oids,
            self._registration_number,
            self._add_profession_info,
        )

    def __repr__(self) -> str:
        return (
            f"<ProfessionInfo(naming_authority={self.naming_authority}, "
            f"profession_items={self.profession_items}, "
            f"profession_oids={self.profession_oids}, "
            f"registration_number={self.registration_number}, "
            f"add_profession_info={self.add_profession_info!r})>"
        )


class Admission(_FieldsValue):
    def __init__(
        self,
        admission_authority: GeneralName | None,
        naming_authority: NamingAuthority | None,
        profession_infos: Iterable[ProfessionInfo],
    ) -> None:
        _optional_instance(
            admission_authority,
            GeneralName,
            "admission_authority must be a GeneralName",
        )
        _optional_instance(
            naming_authority,
            NamingAuthority,
            "naming_authority must be a NamingAuthority",
        )
        self._admission_authority = admission_authority
        self._naming_authority = naming_authority
        self._profession_infos = _typed_list(
            profession_infos,
            ProfessionInfo,
            "Every item in the profession_infos list must be a ProfessionInfo",
        )

    @property
    def admission_authority(self) -> GeneralName | None:
        return self._admission_authority

    @property
    def naming_authority(self) -> NamingAuthority | None:
        return self._naming_authority

    @property
    def profession_infos(self) -> list[ProfessionInfo]:
        return self._profession_infos

    def _fields(self) -> tuple[typing.Any, ...]:
        return (
            self._admission_authority,
            self._naming_authority,
            tuple(self._profession_infos),
        )

    def __repr__(self) -> str:
        return (
            f"<Admission(admission_authority={self.admission_authority}, "
            f"naming_authority={self.naming_authority}, "
            f"profession_infos={self.profession_infos})>"
        )


class Admissions(_ListExtension):
    oid = ExtensionOID.ADMISSIONS

    def __init__(
        self,
        authority: GeneralName | None,
        admissions: Iterable[Admission],
    ) -> None:
        _optional_instance(authority, GeneralName, "authority must be a GeneralName")
        self._authority = authority
        self._items = _typed_list(
            admissions,
            Admission,
            "Every item in the contents_of_admissions list must be an Admission",
        )

    @property
    def authority(self) -> GeneralName | None:
        return self._authority

    def _fields(self) -> tuple[typing.Any, ...]:
        return (self._authority, tuple(self._items))

    def __repr__(self) -> str:
        return f"<Admissions(authority={self.authority}, admissions={self._items})>"
