# This file is dual licensed under the terms of the Apache License, Version
# 2.0, and the BSD License. See the LICENSE file in the root of this repository
# for complete details.

from __future__ import annotations

import enum
import sys
import types
import typing
import warnings
from collections.abc import Sequence

if sys.version_info >= (3, 12):
    from collections.abc import Buffer
else:
    # Before 3.12 there is no ABC for the buffer protocol; bytes-like is the best name.
    Buffer = typing.Union[bytes, bytearray, memoryview]


class CryptographyDeprecationWarning(UserWarning):
    """Base class of every deprecation warning the package emits.

    A UserWarning rather than a DeprecationWarning so that it is shown by default.
    """


# Several of the DeprecatedInNN classes are deprecations whose removal versions the
# reference still names; they remain importable for code that filters on them.
DeprecatedIn36 = CryptographyDeprecationWarning
DeprecatedIn40 = CryptographyDeprecationWarning
DeprecatedIn41 = CryptographyDeprecationWarning
DeprecatedIn42 = CryptographyDeprecationWarning
DeprecatedIn43 = CryptographyDeprecationWarning
DeprecatedIn47 = CryptographyDeprecationWarning
DeprecatedIn50 = CryptographyDeprecationWarning


def _check_bytes(name: str, value: bytes) -> None:
    if not isinstance(value, bytes):
        raise TypeError(f"{name} must be bytes")


def _check_byteslike(name: str, value: Buffer) -> None:
    # bytes and bytearray are the common case; checking them first skips building a view.
    if isinstance(value, (bytes, bytearray)):
        return
    try:
        memoryview(value)
    except TypeError:
        raise TypeError(f"{name} must be bytes-like") from None


def int_to_bytes(integer: int, length: int | None = None) -> bytes:
    """Big-endian bytes of a non-negative integer, at least one byte long."""
    if length == 0:
        raise ValueError("length argument can't be 0")
    return integer.to_bytes(length or (integer.bit_length() + 7) // 8 or 1, "big")


class InterfaceNotImplemented(Exception):
    pass


class _DeprecatedValue:
    def __init__(self, value: object, message: str, warning_class: type) -> None:
        self.value = value
        self.message = message
        self.warning_class = warning_class


class _ModuleWithDeprecations(types.ModuleType):
    """A module some of whose names are deprecated: reading or deleting one warns.

    `deprecated()` turns a module into one of these in place, by changing its class: it
    stays the same object with the same namespace (so `inspect`, `importlib.reload` and
    names added later behave as for any module). The class defines no ``__getattr__``:
    reads keep the module type's own lookup (a Python-level hook on the class would put
    every read of ``algorithms.AES`` through the slow attribute protocol). Deprecated
    values live apart, in `_deprecated_names`, and a module-level ``__getattr__`` (PEP
    562), which runs only when that lookup misses, serves them.
    """

    _deprecated_names: dict[str, _DeprecatedValue]

    def __setattr__(self, attr: str, value: object) -> None:
        if isinstance(value, _DeprecatedValue):
            self.__dict__.pop(attr, None)
            self._deprecated_names[attr] = value
        else:
            self._deprecated_names.pop(attr, None)
            super().__setattr__(attr, value)

    def __delattr__(self, attr: str) -> None:
        dv = self._deprecated_names.pop(attr, None)
        if dv is None:
            super().__delattr__(attr)
        else:
            warnings.warn(dv.message, dv.warning_class, stacklevel=2)

    def __dir__(self) -> Sequence[str]:
        return sorted({*self.__dict__, *self._deprecated_names})


def _with_deprecations(module: types.ModuleType) -> _ModuleWithDeprecations:
    if not isinstance(module, _ModuleWithDeprecations):
        namespace = module.__dict__
        registry: dict[str, _DeprecatedValue] = {}
        # A module-level __getattr__ the module had keeps answering the other names.
        fallback = namespace.get("__getattr__")
        module_name = module.__name__

        def module_getattr(attr: str) -> object:
            dv = registry.get(attr)
            if dv is not None:
                warnings.warn(dv.message, dv.warning_class, stacklevel=2)
                return dv.value
            if fallback is not None:
                return fallback(attr)
            raise AttributeError(f"module {module_name!r} has no attribute {attr!r}")

        namespace["_deprecated_names"] = registry
        namespace["__getattr__"] = module_getattr
        module.__class__ = _ModuleWithDeprecations
    assert isinstance(module, _ModuleWithDeprecations)
    # A value from the unnamed form that module code assigned to a global directly
    # (bypassing __setattr__) is moved to where __getattr__ serves it from.
    for key, value in list(vars(module).items()):
        if isinstance(value, _DeprecatedValue):
            setattr(module, key, value)
    return module


def deprecated(
    value: object,
    module_name: str,
    message: str,
    warning_class: type[Warning],
    name: str | None = None,
) -> _DeprecatedValue:
    """Marks a module attribute as deprecated: reading or deleting it warns with
    `message`.

    With `name`, the attribute is set here; without it, the caller assigns the returned
    value to a module attribute itself (``module.old = deprecated(...)``).
    """
    module = _with_deprecations(sys.modules[module_name])
    dv = _DeprecatedValue(value, message, warning_class)
    if name is not None:
        setattr(module, name, dv)
    return dv


class Enum(enum.Enum):
    """An Enum whose repr and str are the member's qualified name."""

    def __repr__(self) -> str:
        return f"<{self.__class__.__name__}.{self._name_}: {self._value_!r}>"

    def __str__(self) -> str:
        return f"{self.__class__.__name__}.{self._name_}"
