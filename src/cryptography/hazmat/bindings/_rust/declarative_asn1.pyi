# This file is dual licensed under the terms of the Apache License, Version
# 2.0, and the BSD License. See the LICENSE file in the root of this repository
# for complete details.

import datetime
import types
import typing

from typing_extensions import disjoint_base

__all__ = [
    "AnnotatedType",
    "Annotation",
    "BitString",
    "Encoding",
    "GeneralizedTime",
    "IA5String",
    "Null",
    "PrintableString",
    "SetOf",
    "Size",
    "Tlv",
    "Type",
    "UTCTime",
    "Variant",
    "decode_der",
    "encode_der",
    "non_root_python_to_rust",
]

_T = typing.TypeVar("_T")

def decode_der(cls: type[_T], value: bytes) -> _T: ...
def encode_der(value: typing.Any) -> bytes: ...
def non_root_python_to_rust(cls: type) -> Type: ...

# `Type` and `Encoding` are enums whose variants are classes (`Type.Sequence(cls,
# fields)`), their fields read as `_0`, `_1`, ...
@disjoint_base
class Type:
    Sequence: typing.ClassVar[type]
    SequenceOf: typing.ClassVar[type]
    Set: typing.ClassVar[type]
    SetOf: typing.ClassVar[type]
    Option: typing.ClassVar[type]
    Choice: typing.ClassVar[type]
    ValueSet: typing.ClassVar[type]
    PyBool: typing.ClassVar[type]
    PyInt: typing.ClassVar[type]
    PyBytes: typing.ClassVar[type]
    PyStr: typing.ClassVar[type]
    PrintableString: typing.ClassVar[type]
    IA5String: typing.ClassVar[type]
    ObjectIdentifier: typing.ClassVar[type]
    UtcTime: typing.ClassVar[type]
    GeneralizedTime: typing.ClassVar[type]
    BitString: typing.ClassVar[type]
    Tlv: typing.ClassVar[type]
    Null: typing.ClassVar[type]
    Certificate: typing.ClassVar[type]
    CertificateSigningRequest: typing.ClassVar[type]
    CertificateRevocationList: typing.ClassVar[type]
    Name: typing.ClassVar[type]

@disjoint_base
class Encoding:
    Implicit: typing.ClassVar[type]
    Explicit: typing.ClassVar[type]

@typing.final
class Size:
    @property
    def min(self) -> int: ...
    @property
    def max(self) -> int | None: ...
    def __new__(cls, min: int, max: int | None) -> Size: ...
    @staticmethod
    def exact(n: int) -> Size: ...

@typing.final
class Annotation:
    @property
    def default(self) -> typing.Any | None: ...
    @property
    def encoding(self) -> Encoding | None: ...
    @property
    def size(self) -> Size | None: ...
    def __new__(
        cls,
        default: typing.Any | None = None,
        encoding: Encoding | None = None,
        size: Size | None = None,
    ) -> Annotation: ...
    def is_empty(self) -> bool: ...

@typing.final
class AnnotatedType:
    @property
    def inner(self) -> Type: ...
    @property
    def annotation(self) -> Annotation: ...
    def __new__(cls, inner: Type, annotation: Annotation) -> AnnotatedType: ...

@typing.final
class Variant:
    @property
    def python_class(self) -> type: ...
    @property
    def ann_type(self) -> AnnotatedType: ...
    @property
    def tag_name(self) -> str | None: ...
    def __new__(
        cls, python_class: type, ann_type: AnnotatedType, tag_name: str | None
    ) -> Variant: ...

@typing.final
class PrintableString:
    def __new__(cls, inner: str) -> PrintableString: ...
    def as_str(self) -> str: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@typing.final
class IA5String:
    def __new__(cls, inner: str) -> IA5String: ...
    def as_str(self) -> str: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@typing.final
class UTCTime:
    def __new__(cls, inner: datetime.datetime) -> UTCTime: ...
    def as_datetime(self) -> datetime.datetime: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@typing.final
class GeneralizedTime:
    def __new__(cls, inner: datetime.datetime) -> GeneralizedTime: ...
    def as_datetime(self) -> datetime.datetime: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@typing.final
class BitString:
    def __new__(cls, data: bytes, padding_bits: int) -> BitString: ...
    def as_bytes(self) -> bytes: ...
    def padding_bits(self) -> int: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@typing.final
class Null:
    def __new__(cls) -> Null: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@typing.final
class SetOf(typing.Generic[_T]):
    def __new__(cls, inner: list[_T]) -> SetOf[_T]: ...
    @classmethod
    def __class_getitem__(cls, key: typing.Any) -> types.GenericAlias: ...
    def as_list(self) -> list[_T]: ...
    def __eq__(self, value: object, /) -> bool: ...

@typing.final
class Tlv:
    @property
    def tag_bytes(self) -> bytes: ...
    @property
    def data(self) -> memoryview: ...
    def parse(self, cls: type[_T]) -> _T: ...
