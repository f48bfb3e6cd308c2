from __future__ import annotations

import pytest

from cryptography.hazmat.primitives import keywrap
from tests.vectors import load_records, unhex, vector_path, wycheproof_groups


def _nist_files(prefix: str) -> list[str]:
    # The *_inv files use SP 800-38F's variant with the AES inverse cipher as the
    # forward function, which is not what AES key wrap (RFC 3394 / 5649) is.
    folder = vector_path("keywrap", "kwtestvectors")
    return sorted(
        f.name
        for f in folder.iterdir()
        if f.name.startswith(prefix) and "_inv" not in f.name
    )


@pytest.mark.parametrize("name", _nist_files("KW_") + _nist_files("KWP_"))
def test_nist_sp800_38f(name):
    padded = name.startswith("KWP_")
    wrap = keywrap.aes_key_wrap_with_padding if padded else keywrap.aes_key_wrap
    unwrap = keywrap.aes_key_unwrap_with_padding if padded else keywrap.aes_key_unwrap
    checked = 0
    for record in load_records("keywrap", "kwtestvectors", name):
        if "k" not in record:
            continue
        key, wrapped = unhex(record["k"]), unhex(record["c"])
        if "fail" in record:
            with pytest.raises(keywrap.InvalidUnwrap):
                unwrap(key, wrapped)
        else:
            plaintext = unhex(record["p"])
            if "_AE_" in name:
                assert wrap(key, plaintext) == wrapped
            assert unwrap(key, wrapped) == plaintext
        checked += 1
    assert checked > 0


def test_rfc5649_botan():
    records = [r for r in load_records("keywrap", "kwp_botan.txt") if "key" in r]
    assert records
    for record in records:
        key, data, out = (
            unhex(record["key"]),
            unhex(record["input"]),
            unhex(record["output"]),
        )
        assert keywrap.aes_key_wrap_with_padding(key, data) == out
        assert keywrap.aes_key_unwrap_with_padding(key, out) == data


@pytest.mark.parametrize(
    ("name", "padded"), [("aes_wrap_test.json", False), ("aes_kwp_test.json", True)]
)
def test_wycheproof(wycheproof_root, name, padded):
    wrap = keywrap.aes_key_wrap_with_padding if padded else keywrap.aes_key_wrap
    unwrap = keywrap.aes_key_unwrap_with_padding if padded else keywrap.aes_key_unwrap
    checked = 0
    for _group, test in wycheproof_groups(wycheproof_root, name):
        key, msg, ct = unhex(test["key"]), unhex(test["msg"]), unhex(test["ct"])
        if test["result"] == "valid":
            assert wrap(key, msg) == ct, test["tcId"]
            assert unwrap(key, ct) == msg
        else:
            with pytest.raises((keywrap.InvalidUnwrap, ValueError)):
                unwrap(key, ct)
        checked += 1
    assert checked > 0


def test_argument_rules():
    k = b"k" * 16
    with pytest.raises(
        ValueError, match="The wrapping key must be a valid AES key length"
    ):
        keywrap.aes_key_wrap(b"k" * 15, b"x" * 16)
    with pytest.raises(ValueError, match="The key to wrap must be at least 16 bytes"):
        keywrap.aes_key_wrap(k, b"x" * 8)
    with pytest.raises(
        ValueError, match="The key to wrap must be a multiple of 8 bytes"
    ):
        keywrap.aes_key_wrap(k, b"x" * 17)
    with pytest.raises(keywrap.InvalidUnwrap, match="Must be at least 24 bytes"):
        keywrap.aes_key_unwrap(k, b"x" * 16)
    with pytest.raises(
        keywrap.InvalidUnwrap, match="The wrapped key must be a multiple of 8 bytes"
    ):
        keywrap.aes_key_unwrap(k, b"x" * 25)
    with pytest.raises(keywrap.InvalidUnwrap):
        keywrap.aes_key_unwrap(k, b"x" * 24)
    with pytest.raises(
        ValueError, match="The wrapping key must be a valid AES key length"
    ):
        keywrap.aes_key_unwrap(b"k" * 15, b"x" * 24)
    with pytest.raises(
        ValueError, match=r"key_to_wrap must be between 1 and 2\^32 bytes"
    ):
        keywrap.aes_key_wrap_with_padding(k, b"")
    with pytest.raises(keywrap.InvalidUnwrap, match="Must be at least 16 bytes"):
        keywrap.aes_key_unwrap_with_padding(k, b"x" * 15)
    for wrapped in (b"x" * 16, b"x" * 24):
        with pytest.raises(keywrap.InvalidUnwrap):
            keywrap.aes_key_unwrap_with_padding(k, wrapped)
    with pytest.raises(TypeError):
        keywrap.aes_key_wrap(k, "x" * 16)  # type: ignore[arg-type]
    # Known answers computed by the reference implementation; bytes-like inputs.
    assert keywrap.aes_key_wrap(
        bytearray(k), memoryview(b"x" * 16), backend=None
    ).hex() == ("ddf225bf2e912f33872f5f5bce68bcdd539085999638d00e")
    assert (
        keywrap.aes_key_wrap_with_padding(k, b"x").hex()
        == "c05fbc7d8632f510c4b1669c25aad842"
    )
    assert (
        keywrap.aes_key_unwrap_with_padding(
            k, keywrap.aes_key_wrap_with_padding(k, b"y" * 20)
        )
        == b"y" * 20
    )


def test_padded_unwrap_length_rules():
    for wrapped, message in (
        (b"\0" * 15, "Must be at least 16 bytes"),
        (b"\0" * 17, "multiple of 8 bytes"),
    ):
        with pytest.raises(keywrap.InvalidUnwrap, match=message):
            keywrap.aes_key_unwrap_with_padding(b"sixteen_byte_key", wrapped)
