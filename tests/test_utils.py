from __future__ import annotations

import inspect
import sys
import types
import warnings

import pytest

from cryptography import utils
from cryptography.hazmat.primitives.ciphers import algorithms


def test_int_to_bytes():
    assert utils.int_to_bytes(0) == b"\x00"
    assert utils.int_to_bytes(255) == b"\xff"
    assert utils.int_to_bytes(256) == b"\x01\x00"
    assert utils.int_to_bytes(1, 4) == b"\x00\x00\x00\x01"
    with pytest.raises(ValueError, match="length argument can't be 0"):
        utils.int_to_bytes(1, 0)
    with pytest.raises(OverflowError):
        utils.int_to_bytes(-1)
    with pytest.raises(OverflowError):
        utils.int_to_bytes(256, 1)


def test_checks():
    utils._check_bytes("data", b"x")
    with pytest.raises(TypeError, match="data must be bytes"):
        utils._check_bytes("data", "x")  # type: ignore[arg-type]
    utils._check_byteslike("data", bytearray(b"x"))
    utils._check_byteslike("data", memoryview(b"x"))
    with pytest.raises(TypeError, match="data must be bytes-like"):
        utils._check_byteslike("data", "x")  # type: ignore[arg-type]


def test_deprecation_classes():
    assert issubclass(utils.CryptographyDeprecationWarning, UserWarning)
    for name in ("36", "40", "41", "42", "43", "47", "50"):
        assert issubclass(
            getattr(utils, f"DeprecatedIn{name}"),
            utils.CryptographyDeprecationWarning,
        )


def test_deprecated_attribute_warns():
    module = types.ModuleType("cryptography_test_deprecated_module")
    module.value = 1  # type: ignore[attr-defined]
    sys.modules[module.__name__] = module
    try:
        module.old = utils.deprecated(  # type: ignore[attr-defined]
            42, module.__name__, "old is deprecated", utils.DeprecatedIn50
        )
        proxy = sys.modules[module.__name__]
        with pytest.warns(utils.DeprecatedIn50, match="old is deprecated"):
            assert proxy.old == 42
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            assert proxy.value == 1
        assert "old" in dir(proxy)
        utils.deprecated(
            7, module.__name__, "named", utils.DeprecatedIn50, name="named"
        )
        with pytest.warns(utils.DeprecatedIn50, match="named"):
            assert proxy.named == 7
        with pytest.warns(utils.DeprecatedIn50):
            del proxy.named
    finally:
        del sys.modules[module.__name__]


def test_enum_repr():
    class Color(utils.Enum):
        RED = "red"

    assert repr(Color.RED) == "<Color.RED: 'red'>"
    assert str(Color.RED) == "Color.RED"


@pytest.mark.skipif(
    sys.version_info < (3, 10),
    reason="Buffer is a typing.Union before 3.12; isinstance takes unions from 3.10",
)
def test_buffer_accepts_bytes_like():
    for value in (b"x", bytearray(b"x"), memoryview(b"x")):
        assert isinstance(value, utils.Buffer)  # type: ignore[arg-type]


def test_named_deprecation_changes_the_module_in_place():
    module = types.ModuleType("cryptography_test_named_deprecation")
    module.current = 1  # type: ignore[attr-defined]
    module.old = 2  # type: ignore[attr-defined]
    sys.modules[module.__name__] = module
    try:
        utils.deprecated(
            3, module.__name__, "old moved", utils.DeprecatedIn50, name="old"
        )
        utils.deprecated(
            4, module.__name__, "older moved", utils.DeprecatedIn50, name="older"
        )
        # The same object, now a _ModuleWithDeprecations; ordinary names unchanged.
        assert sys.modules[module.__name__] is module
        assert isinstance(module, utils._ModuleWithDeprecations)
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            assert module.current == 1
            module.later = 5
            assert module.later == 5
            del module.later
        with pytest.warns(utils.DeprecatedIn50, match="old moved"):
            assert module.old == 3
        with pytest.warns(utils.DeprecatedIn50, match="older moved"):
            exec(f"from {module.__name__} import older as value; assert value == 4")
        assert {"current", "old", "older"} <= set(dir(module))
        with pytest.raises(AttributeError, match="has no attribute 'missing'"):
            module.missing  # noqa: B018
        with pytest.warns(utils.DeprecatedIn50, match="old moved"):
            del module.old
        with pytest.raises(AttributeError):
            module.old  # noqa: B018
    finally:
        del sys.modules[module.__name__]


def test_module_with_deprecations_is_inspectable():
    # A module of the package that deprecates names keeps its file for `inspect`.
    assert isinstance(algorithms, utils._ModuleWithDeprecations)
    source = inspect.getsourcefile(algorithms)
    assert source is not None
    assert source.endswith("algorithms.py")


def test_named_deprecation_keeps_an_existing_module_getattr():
    module = types.ModuleType("cryptography_test_module_getattr")
    module.__getattr__ = lambda name: f"lazy {name}"  # type: ignore[method-assign]
    sys.modules[module.__name__] = module
    try:
        utils.deprecated(5, module.__name__, "gone", utils.DeprecatedIn50, name="gone")
        with pytest.warns(utils.DeprecatedIn50):
            assert module.gone == 5
        assert module.other == "lazy other"
    finally:
        del sys.modules[module.__name__]
