from __future__ import annotations

import typing

import pytest

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.twofactor import InvalidToken
from cryptography.hazmat.primitives.twofactor.hotp import HOTP
from cryptography.hazmat.primitives.twofactor.totp import TOTP
from tests.vectors import load_records

MODES: dict[str, typing.Callable[[], hashes.SHA1 | hashes.SHA256 | hashes.SHA512]] = {
    "SHA1": hashes.SHA1,
    "SHA256": hashes.SHA256,
    "SHA512": hashes.SHA512,
}


def test_rfc4226_hotp():
    checked = 0
    for record in load_records("twofactor", "rfc-4226.txt"):
        hotp = HOTP(record["secret"].encode(), 6, hashes.SHA1())
        counter = int(record["counter"])
        assert hotp.generate(counter) == record["hotp"].encode()
        assert hotp._dynamic_truncate(counter) == int(record["truncated"], 16)
        hotp.verify(record["hotp"].encode(), counter)
        checked += 1
    assert checked == 10


def test_rfc6238_totp():
    checked = 0
    for record in load_records("twofactor", "rfc-6238.txt"):
        algorithm = MODES[record["mode"]]()
        totp = TOTP(record["secret"].encode(), 8, algorithm, 30)
        time = int(record["time"])
        assert totp.generate(time) == record["totp"].encode()
        totp.verify(record["totp"].encode(), time)
        checked += 1
    assert checked == 18


def test_hotp_rules():
    key = b"12345678901234567890"
    with pytest.raises(ValueError, match="Key length has to be at least 128 bits."):
        HOTP(b"k" * 15, 6, hashes.SHA1())
    # Known answer computed by the reference implementation.
    assert HOTP(b"k" * 15, 6, hashes.SHA1(), enforce_key_length=False).generate(1) == (
        b"298179"
    )
    for length in (5, 9, True):
        with pytest.raises(
            ValueError, match="Length of HOTP has to be between 6 and 8."
        ):
            HOTP(key, length, hashes.SHA1())
    bad_lengths: tuple[typing.Any, ...] = ("6", 6.0)
    for length in bad_lengths:
        with pytest.raises(
            TypeError, match="Length parameter must be an integer type."
        ):
            HOTP(key, length, hashes.SHA1())
    for algorithm in (hashes.MD5(), hashes.SHA224()):
        with pytest.raises(
            TypeError, match="Algorithm must be SHA1, SHA256 or SHA512."
        ):
            HOTP(key, 6, algorithm)  # type: ignore[arg-type]
    hotp = HOTP(bytearray(key), 6, hashes.SHA1())
    for counter in ("1", 1.0):
        with pytest.raises(
            TypeError, match="Counter parameter must be an integer type."
        ):
            hotp.generate(counter)  # type: ignore[arg-type]
    for counter in (-1, 2**64):
        with pytest.raises(
            ValueError, match="Counter must be between 0 and 18446744073709551615."
        ):
            hotp.generate(counter)
    assert hotp.generate(2**64 - 1) == b"094451"
    with pytest.raises(InvalidToken, match="Supplied HOTP value does not match."):
        hotp.verify(b"755225", 0)
    with pytest.raises(TypeError):
        hotp.verify("755224", 0)  # type: ignore[arg-type]


def test_totp_rules():
    key = b"12345678901234567890"
    totp = TOTP(key, 8, hashes.SHA1(), 30)
    assert totp.generate(59.9) == b"94287082"
    assert totp.generate(-1) == b"84755224"  # int(-1 / 30) is step 0
    with pytest.raises(
        TypeError, match="Time parameter must be an integer type or float type."
    ):
        totp.generate("59")  # type: ignore[arg-type]
    with pytest.raises(InvalidToken, match="Supplied TOTP value does not match."):
        totp.verify(b"94287083", 59)
    with pytest.raises(ValueError, match="Counter must be between"):
        totp.generate(2**70)
    with pytest.raises(ValueError, match="Key length has to be at least 128 bits."):
        TOTP(b"k" * 15, 6, hashes.SHA1(), 30)


def test_provisioning_uris():
    # Known answers computed by the reference implementation.
    key = b"12345678901234567890"
    secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
    assert HOTP(key, 6, hashes.SHA1()).get_provisioning_uri(
        "alice@google.com", 1, "Example Co"
    ) == (
        f"otpauth://hotp/Example%20Co:alice%40google.com?digits=6&secret={secret}"
        "&algorithm=SHA1&issuer=Example+Co&counter=1"
    )
    assert HOTP(key, 6, hashes.SHA512()).get_provisioning_uri(
        "a:b/c?d&e", 0, "Iss:u/er &"
    ) == (
        f"otpauth://hotp/Iss%3Au/er%20%26:a%3Ab/c%3Fd%26e?digits=6&secret={secret}"
        "&algorithm=SHA512&issuer=Iss%3Au%2Fer+%26&counter=0"
    )
    assert TOTP(key, 6, hashes.SHA1(), 60).get_provisioning_uri("alice", None) == (
        f"otpauth://totp/alice?digits=6&secret={secret}&algorithm=SHA1&period=60"
    )
    assert HOTP(b"k" * 16, 6, hashes.SHA1()).get_provisioning_uri("a", 0, "") == (
        "otpauth://hotp/a?digits=6&secret=NNVWW23LNNVWW23LNNVWW23LNM%3D%3D%3D%3D%3D%3D"
        "&algorithm=SHA1&issuer=&counter=0"
    )
