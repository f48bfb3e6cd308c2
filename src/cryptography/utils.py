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
    """Stands in for a module so that reading a deprecated name warns.

    Ordinary attributes are copied into the proxy's own namespace, so reading them costs
    a plain module lookup; only names missing there (the deprecated ones, and any added to
    the module later) reach ``__getattr__``.
    """

    def __init__(self, module: types.ModuleType) -> None:
        super().__init__(module.__name__)
        namespace = self.__dict__
        for key, value in vars(module).items():
            if not isinstance(value, _DeprecatedValue):
                namespace[key] = value
        namespace["_module"] = module

    def __getattr__(self, attr: str) -> object:
        obj = getattr(self._module, attr)
        if isinstance(obj, _DeprecatedValue):
            warnings.warn(obj.message, obj.warning_class, stacklevel=2)
            return obj.value
        self.__dict__[attr] = obj
        return obj

    def __setattr__(self, attr: str, value: object) -> None:
        setattr(self._module, attr, value)
        if isinstance(value, _DeprecatedValue):
            self.__dict__.pop(attr, None)
        else:
            self.__dict__[attr] = value

    def __delattr__(self, attr: str) -> None:
        obj = getattr(self._module, attr)
        if isinstance(obj, _DeprecatedValue):
            warnings.warn(obj.message, obj.warning_class, stacklevel=2)
        delattr(self._module, attr)
        self.__dict__.pop(attr, None)

    def __dir__(self) -> Sequence[str]:
        return ["_module", *dir(self._module)]


def _install_module_getattr(module: types.ModuleType) -> dict[str, _DeprecatedValue]:
    """Gives `module` a module-level ``__getattr__`` (PEP 562) serving its deprecated
    names, and returns the registry it reads.

    The module stays a plain module, so reading any other name costs a dictionary
    lookup; a proxy module class with ``__getattr__`` would route every read of
    ``algorithms.AES`` or ``modes.CBC`` through Python-level attribute hooks.
    """
    namespace = vars(module)
    registry: dict[str, _DeprecatedValue] | None = namespace.get("_deprecated_names")
    if registry is not None:
        return registry
    registry = {}
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

    def module_dir() -> list[str]:
        return sorted({*namespace, *registry})

    namespace["_deprecated_names"] = registry
    namespace["__getattr__"] = module_getattr
    namespace["__dir__"] = module_dir
    return registry


def deprecated(
    value: object,
    module_name: str,
    message: str,
    warning_class: type[Warning],
    name: str | None = None,
) -> _DeprecatedValue:
    """Marks a module attribute as deprecated: reading it warns with `message`.

    With `name`, the module serves the name from a module-level ``__getattr__``.
    Without it, the caller assigns the returned value to a module attribute itself, so
    the module is swapped in ``sys.modules`` for a proxy that unwraps such values.
    """
    module = sys.modules[module_name]
    dv = _DeprecatedValue(value, message, warning_class)
    if name is not None and not isinstance(module, _ModuleWithDeprecations):
        vars(module).pop(name, None)
        _install_module_getattr(module)[name] = dv
        return dv
    if not isinstance(module, _ModuleWithDeprecations):
        sys.modules[module_name] = module = _ModuleWithDeprecations(module)
    if name is not None:
        setattr(module, name, dv)
    return dv


class Enum(enum.Enum):
    """An Enum whose repr and str are the member's qualified name."""

    def __repr__(self) -> str:
        return f"<{self.__class__.__name__}.{self._name_}: {self._value_!r}>"

    def __str__(self) -> str:
        return f"{self.__class__.__name__}.{self._name_}"
