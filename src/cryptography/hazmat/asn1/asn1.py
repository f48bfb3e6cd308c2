# This file is dual licensed under the terms of the Apache License, Version
# 2.0, and the BSD License. See the LICENSE file in the root of this repository
# for complete details.

"""ASN.1 structures declared as annotated Python classes.

A class decorated with `sequence` or `set` (or an enum with `value_set`) gets
an `__asn1_root__`: its fields' annotations turned into the native module's
type description. Everything about the DER (tags, lengths, ordering, DEFAULT
and SIZE rules) happens in Rust, which reads the description once per class.
This module only interprets the annotations and refuses the ones that have no
ASN.1 meaning.
"""

from __future__ import annotations

import dataclasses
import enum
import sys
import types
import typing

from cryptography.hazmat.bindings._rust import declarative_asn1
from cryptography.hazmat.bindings._rust import x509 as rust_x509

T = typing.TypeVar("T", covariant=True)
U = typing.TypeVar("U")
Tag = typing.TypeVar("Tag", bound=str)

_NoneType = type(None)
_Type = declarative_asn1.Type


@dataclasses.dataclass(frozen=True)
class Variant(typing.Generic[U, Tag]):
    """A value of a CHOICE whose alternatives are told apart by name.

    Used when several alternatives share a Python type, each named by a
    `typing.Literal` (`Variant[int, typing.Literal["first"]]`) and usually
    given its own tag: `Variant(5, "first")`.
    """

    value: U
    tag: str


@dataclasses.dataclass(frozen=True)
class Default(typing.Generic[U]):
    """The DEFAULT value of a field, in `typing.Annotated`."""

    value: U


decode_der = declarative_asn1.decode_der
encode_der = declarative_asn1.encode_der

SetOf = declarative_asn1.SetOf
Explicit = declarative_asn1.Encoding.Explicit
Implicit = declarative_asn1.Encoding.Implicit
Size = declarative_asn1.Size
PrintableString = declarative_asn1.PrintableString
IA5String = declarative_asn1.IA5String
UTCTime = declarative_asn1.UTCTime
GeneralizedTime = declarative_asn1.GeneralizedTime
BitString = declarative_asn1.BitString
TLV = declarative_asn1.Tlv
Null = declarative_asn1.Null

# The types a SIZE constraint can apply to, besides SEQUENCE OF and SET OF.
_SIZED_TYPES = (bytes, str, BitString, IA5String, PrintableString)
# Structures kept whole as their DER: an IMPLICIT tag would change that DER.
_WHOLE_X509_TYPES = (
    rust_x509.Certificate,
    rust_x509.CertificateSigningRequest,
    rust_x509.CertificateRevocationList,
)
_ROOT_TYPES = (_Type.Sequence, _Type.Set, _Type.ValueSet)


def _is_union(annotation: typing.Any) -> bool:
    origin = typing.get_origin(annotation)
    if origin is typing.Union:
        return True
    union_type = getattr(types, "UnionType", None)
    return union_type is not None and origin is union_type


def _unalias(annotation: typing.Any) -> typing.Any:
    """`annotation` with every PEP 695 alias (`type X = ...`) replaced by
    what it stands for, at any depth; unions of unions are flattened, as if
    the alias had been written out."""
    alias_type = getattr(typing, "TypeAliasType", None)
    if alias_type is None:
        return annotation
    while isinstance(annotation, alias_type):
        annotation = annotation.__value__
    args = typing.get_args(annotation)
    resolved = tuple(_unalias(arg) for arg in args)
    if resolved == args:
        return annotation
    if _is_union(annotation):
        return typing.Union[resolved]
    return typing.get_origin(annotation)[resolved]


def _split_annotated(annotation: typing.Any) -> tuple[typing.Any, tuple]:
    if typing.get_origin(annotation) is typing.Annotated:
        return typing.get_args(annotation)[0], annotation.__metadata__
    return annotation, ()


def _annotation(metadata: tuple, field_name: str) -> declarative_asn1.Annotation:
    found: dict[str, typing.Any] = {}

    def keep(key: str, value: typing.Any, label: str) -> None:
        if key in found:
            raise TypeError(
                f"multiple {label} annotations found in field '{field_name}'"
            )
        found[key] = value

    for item in metadata:
        if isinstance(item, Default):
            keep("default", item.value, "DEFAULT")
        elif isinstance(item, declarative_asn1.Encoding):
            keep("encoding", item, "IMPLICIT/EXPLICIT")
        elif isinstance(item, declarative_asn1.Size):
            keep("size", item, "SIZE")
        else:
            raise TypeError(f"unsupported annotation: {item}")
    return declarative_asn1.Annotation(**found)


def _refuse_implicit(
    value_type: typing.Any,
    annotation: declarative_asn1.Annotation,
    field_name: str,
) -> None:
    if value_type in _WHOLE_X509_TYPES and isinstance(annotation.encoding, Implicit):
        raise TypeError(
            f"field '{field_name}' has an IMPLICIT annotation, but "
            "IMPLICIT annotations are not supported for X.509 types."
        )


def _field(annotation: typing.Any, field_name: str) -> declarative_asn1.AnnotatedType:
    """The type description of one field's annotation."""
    value_type, metadata = _split_annotated(_unalias(annotation))
    annotated = _annotation(metadata, field_name)
    origin = typing.get_origin(value_type)

    if annotated.size is not None and not (
        origin in (list, SetOf) or value_type in _SIZED_TYPES
    ):
        raise TypeError(
            f"field '{field_name}' has a SIZE annotation, but SIZE "
            "annotations are only supported for fields of types: "
            "[SEQUENCE OF, SET OF, BIT STRING, OCTET STRING, UTF8String, "
            "PrintableString, IA5String]"
        )
    if value_type is TLV:
        if isinstance(annotated.encoding, Implicit):
            raise TypeError(
                f"field '{field_name}' has an IMPLICIT annotation, but "
                "IMPLICIT annotations are not supported for TLV types."
            )
        if annotated.default is not None:
            raise TypeError(
                f"field '{field_name}' has a DEFAULT annotation, but "
                "DEFAULT annotations are not supported for TLV types."
            )
    _refuse_implicit(value_type, annotated, field_name)

    if hasattr(value_type, "__asn1_root__"):
        root = value_type.__asn1_root__
        if not isinstance(root, _ROOT_TYPES):
            raise TypeError(f"unsupported root type: {root}")
        return declarative_asn1.AnnotatedType(
            typing.cast(declarative_asn1.Type, root), annotated
        )
    if _is_union(value_type):
        return declarative_asn1.AnnotatedType(
            _union(value_type, annotated, field_name), annotated
        )
    if origin is list:
        (item,) = typing.get_args(value_type)
        return declarative_asn1.AnnotatedType(
            _Type.SequenceOf(_field(item, field_name)), annotated
        )
    if origin is SetOf:
        (item,) = typing.get_args(value_type)
        return declarative_asn1.AnnotatedType(
            _Type.SetOf(_field(item, field_name)), annotated
        )
    return declarative_asn1.AnnotatedType(
        declarative_asn1.non_root_python_to_rust(value_type), annotated
    )


def _union(
    union: typing.Any,
    annotated: declarative_asn1.Annotation,
    field_name: str,
) -> declarative_asn1.Type:
    """`X | None` is OPTIONAL; any other union is a CHOICE (OPTIONAL when it
    includes None)."""
    members = [arg for arg in typing.get_args(union) if arg is not _NoneType]
    optional = len(members) < len(typing.get_args(union))

    if optional and len(members) == 1:
        (value_type,) = members
        if value_type is TLV:
            raise TypeError(
                "optional TLV types (`TLV | None`) are not currently supported"
            )
        # The annotation of an OPTIONAL field is its value's.
        _refuse_implicit(value_type, annotated, field_name)
        inner = _field(value_type, field_name)
        if not inner.annotation.is_empty():
            raise TypeError(
                "optional (`X | None`) types cannot have `X` annotated: "
                "annotations must apply to the union (i.e: "
                "`Annotated[X | None, annotation]`)"
            )
        if annotated.default is not None:
            raise TypeError(
                "optional (`X | None`) types should not have a DEFAULT annotation"
            )
        return _Type.Option(inner)

    # An IMPLICIT tag would hide which alternative was chosen (X.680 31.2.9).
    if isinstance(annotated.encoding, Implicit):
        raise TypeError(
            "CHOICE (`X | Y | ...`) types should not have an IMPLICIT annotation"
        )
    alternatives = [_alternative(member, field_name) for member in members]
    named = {alternative.tag_name is not None for alternative in alternatives}
    if len(named) > 1:
        raise TypeError(
            "When using `asn1.Variant` in a union, all the other types in "
            "the union must also be `asn1.Variant`"
        )
    if named == {True}:
        tag_names = {alternative.tag_name for alternative in alternatives}
        if len(tag_names) != len(alternatives):
            raise TypeError(
                "When using `asn1.Variant` in a union, the tags used must be unique"
            )
    choice = _Type.Choice(alternatives)
    if optional:
        return _Type.Option(
            declarative_asn1.AnnotatedType(choice, declarative_asn1.Annotation())
        )
    return choice


def _alternative(annotation: typing.Any, field_name: str) -> declarative_asn1.Variant:
    """One alternative of a CHOICE: a plain type, or an `asn1.Variant`."""
    value_type, metadata = _split_annotated(annotation)
    if typing.get_origin(value_type) is not Variant:
        python_class = typing.get_origin(value_type) or value_type
        return declarative_asn1.Variant(
            python_class, _field(annotation, field_name), None
        )

    variant_type, tag = typing.get_args(value_type)
    if typing.get_origin(tag) is not typing.Literal:
        raise TypeError(
            "When using `asn1.Variant` in a type annotation, the second "
            "type parameter must be a `typing.Literal` type. E.g: "
            '`Variant[int, typing.Literal["MyInt"]]`.'
        )
    (tag_name,) = typing.get_args(tag)
    root = getattr(variant_type, "__asn1_root__", None)
    if root is None:
        root = declarative_asn1.non_root_python_to_rust(variant_type)
    return declarative_asn1.Variant(
        Variant,
        declarative_asn1.AnnotatedType(root, _annotation(metadata, field_name)),
        tag_name,
    )


def _declare(cls: type[U], root_type: typing.Any) -> type[U]:
    # A keyword-only __init__ and nothing else: equality and repr stay the
    # class's own.
    if sys.version_info >= (3, 10):
        options = {"match_args": False, "kw_only": True}
    else:  # pragma: no cover - kw_only arrived in Python 3.10
        options = {}
    written_init = "__init__" in vars(cls)
    cls = dataclasses.dataclass(repr=False, eq=False, **options)(cls)
    hints = typing.get_type_hints(cls, include_extras=True)
    fields = {name: _field(hint, name) for name, hint in hints.items()}
    cls.__asn1_root__ = root_type(cls, fields)  # type: ignore[attr-defined]
    if not written_init:
        # The __init__ that dataclasses wrote (it only sets the fields and calls
        # __post_init__): decoding may do the same without calling it.
        cls.__asn1_generated_init__ = vars(cls)["__init__"]  # type: ignore[attr-defined]
    return cls


if sys.version_info >= (3, 11):
    from typing import dataclass_transform
else:  # pragma: no cover - typing has it from Python 3.11

    def dataclass_transform(**_: typing.Any) -> typing.Any:
        return lambda function: function


@dataclass_transform(kw_only_default=True)
def sequence(cls: type[U]) -> type[U]:
    """Declares `cls` as an ASN.1 SEQUENCE of its annotated fields."""
    return _declare(cls, _Type.Sequence)


@dataclass_transform(kw_only_default=True)
def set(cls: type[U]) -> type[U]:
    """Declares `cls` as an ASN.1 SET of its annotated fields (written in
    the order declared, which must be DER's)."""
    return _declare(cls, _Type.Set)


def value_set(value_type: type) -> typing.Callable[[type[U]], type[U]]:
    """Declares an `enum.Enum` whose members' values, all of `value_type`,
    are the only values a field of it takes. A member is written as its
    value; reading anything else fails."""
    inner = declarative_asn1.AnnotatedType(
        declarative_asn1.non_root_python_to_rust(value_type),
        declarative_asn1.Annotation(),
    )

    def declare(cls: type[U]) -> type[U]:
        if not (isinstance(cls, type) and issubclass(cls, enum.Enum)):
            raise TypeError("value sets can only be defined from enum.Enum subclasses")
        members = list(cls)
        if not members:
            raise TypeError(f"value set '{cls.__name__}' must have at least one member")
        for member in members:
            if not isinstance(member.value, value_type):
                raise TypeError(
                    f"member '{member.name}' of value set '{cls.__name__}' "
                    f"must have a value of type '{value_type.__name__}', "
                    f"got: '{type(member.value).__name__}'"
                )
        by_value = {member.value: member for member in members}
        root = _Type.ValueSet(cls, inner, by_value)
        cls.__asn1_root__ = root  # type: ignore[attr-defined]
        return cls

    return declare
