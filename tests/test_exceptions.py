from __future__ import annotations

import pytest

from cryptography import exceptions


def test_unsupported_algorithm_carries_its_reason():
    e = exceptions.UnsupportedAlgorithm("nope", exceptions._Reasons.UNSUPPORTED_HASH)
    assert str(e) == "nope"
    assert e._reason is exceptions._Reasons.UNSUPPORTED_HASH
    assert exceptions.UnsupportedAlgorithm("x")._reason is None


def test_internal_error_keeps_codes():
    e = exceptions.InternalError("boom", [1, 2])
    assert str(e) == "boom"
    assert e.err_code == [1, 2]


@pytest.mark.parametrize(
    "cls",
    [
        exceptions.AlreadyFinalized,
        exceptions.AlreadyUpdated,
        exceptions.NotYetFinalized,
        exceptions.InvalidTag,
        exceptions.InvalidSignature,
        exceptions.InvalidKey,
        exceptions.UnsupportedAlgorithm,
        exceptions.InternalError,
    ],
)
def test_all_are_exceptions(cls):
    assert issubclass(cls, Exception)


def test_reasons():
    names = {r.name for r in exceptions._Reasons}
    assert {
        "BACKEND_MISSING_INTERFACE",
        "UNSUPPORTED_HASH",
        "UNSUPPORTED_CIPHER",
        "UNSUPPORTED_PADDING",
        "UNSUPPORTED_MGF",
        "UNSUPPORTED_PUBLIC_KEY_ALGORITHM",
        "UNSUPPORTED_ELLIPTIC_CURVE",
        "UNSUPPORTED_SERIALIZATION",
        "UNSUPPORTED_X509",
        "UNSUPPORTED_EXCHANGE_ALGORITHM",
        "UNSUPPORTED_DIFFIE_HELLMAN",
        "UNSUPPORTED_MAC",
    } == names
