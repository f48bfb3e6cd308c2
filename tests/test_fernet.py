from __future__ import annotations

import base64
import datetime
import json
import typing

import pytest

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from tests.vectors import vector_path


def _vectors(name: str) -> list[dict]:
    return json.loads(vector_path("fernet", name).read_text())


def _seconds(stamp: str) -> int:
    return int(datetime.datetime.fromisoformat(stamp).timestamp())


def test_spec_generate():
    # The IV is random through the public API, so the spec's exact token (made with a
    # fixed IV) is checked by the core's unit test; here: it decrypts, and a fresh token
    # for the same input carries the same timestamp and decrypts back.
    for v in _vectors("generate.json"):
        f = Fernet(v["secret"])
        now = _seconds(v["now"])
        assert f.decrypt_at_time(v["token"].encode(), 60, now) == v["src"].encode()
        token = f.encrypt_at_time(v["src"].encode(), now)
        assert f.extract_timestamp(token) == now
        assert len(token) == len(v["token"])
        assert f.decrypt_at_time(token, 60, now) == v["src"].encode()


def test_spec_verify():
    for v in _vectors("verify.json"):
        f = Fernet(v["secret"].encode())
        now = _seconds(v["now"])
        assert (
            f.decrypt_at_time(v["token"].encode(), v["ttl_sec"], now)
            == v["src"].encode()
        )
        assert f.decrypt_at_time(v["token"], v["ttl_sec"], now) == v["src"].encode()


def test_spec_invalid():
    vectors = _vectors("invalid.json")
    assert vectors
    for v in vectors:
        f = Fernet(v["secret"])
        with pytest.raises(InvalidToken):
            f.decrypt_at_time(v["token"].encode(), v["ttl_sec"], _seconds(v["now"]))


def test_round_trip_ttl_and_clock_skew():
    f = Fernet(Fernet.generate_key())
    token = f.encrypt_at_time(b"abc", 1000)
    assert f.extract_timestamp(token) == 1000
    assert f.decrypt_at_time(token, 100, 1050) == b"abc"
    with pytest.raises(InvalidToken):
        f.decrypt_at_time(token, 10, 1050)  # expired
    assert f.decrypt_at_time(token, 100, 1000 - 59) == b"abc"
    with pytest.raises(InvalidToken):
        f.decrypt_at_time(token, 100, 1000 - 61)  # too far in the future
    with pytest.raises(InvalidToken):
        f.decrypt_at_time(token, -1, 1050)
    assert f.decrypt(token) == b"abc"  # no TTL: no time checks
    token = f.encrypt(b"now")
    assert f.decrypt(token, ttl=60) == b"now"


def test_errors():
    key = base64.urlsafe_b64encode(b"k" * 32)
    f = Fernet(key)
    for bad in (b"short", b"!!!!", base64.urlsafe_b64encode(b"k" * 31)):
        with pytest.raises(
            ValueError, match="Fernet key must be 32 url-safe base64-encoded bytes."
        ):
            Fernet(bad)
    with pytest.raises(TypeError):
        Fernet(5)  # type: ignore[arg-type]
    Fernet(key.decode(), backend=None)
    with pytest.raises(TypeError, match="data must be bytes"):
        f.encrypt("abc")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="data must be bytes"):
        f.encrypt(bytearray(b"abc"))  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="token must be bytes or str"):
        f.decrypt(5)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="token must be bytes or str"):
        f.decrypt(bytearray(f.encrypt(b"x")))  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="non-None ttl"):
        f.decrypt_at_time(f.encrypt(b"x"), None, 5)  # type: ignore[arg-type]
    with pytest.raises(OverflowError):
        f.encrypt_at_time(b"abc", -1)
    for token in (b"!!!", b"abc", f.encrypt(b"x")[:-2] + b"AA"):
        with pytest.raises(InvalidToken):
            f.decrypt(token)
        with pytest.raises(InvalidToken):
            f.extract_timestamp(token)
    with pytest.raises(InvalidToken):
        Fernet(Fernet.generate_key()).decrypt(f.encrypt(b"x"))
    # Python's base64 refuses a non-ASCII str before any token check.
    with pytest.raises(ValueError, match="only ASCII characters") as info:
        f.decrypt("é" * 10)
    assert not isinstance(info.value, InvalidToken)


def test_spec_generate_with_fixed_iv():
    # The private hook the specification's vectors need: a token from given parts.
    for v in _vectors("generate.json"):
        token = Fernet(v["secret"])._encrypt_from_parts(
            v["src"].encode(), _seconds(v["now"]), bytes(v["iv"])
        )
        assert token == v["token"].encode()
        stamp, raw = Fernet._get_unverified_token_data(token)
        assert stamp == _seconds(v["now"])
        assert raw == base64.urlsafe_b64decode(token)
    with pytest.raises(InvalidToken):
        Fernet._get_unverified_token_data(base64.urlsafe_b64encode(b"\x81" + b"\0" * 8))
    with pytest.raises(InvalidToken):
        Fernet._get_unverified_token_data(base64.urlsafe_b64encode(b"\x80" * 8))


def test_clock_is_python_time(monkeypatch):
    # Apps freeze time.time() in their tests (freezegun, mock.patch); the recipe must
    # read that clock, for stamping and for the TTL check.
    f = Fernet(Fernet.generate_key())
    monkeypatch.setattr("time.time", lambda: 1_000_000.75)
    token = f.encrypt(b"frozen")
    assert f.extract_timestamp(token) == 1_000_000
    assert f.decrypt(token, ttl=10) == b"frozen"
    assert MultiFernet([f]).decrypt(token, ttl=10) == b"frozen"
    assert f.extract_timestamp(MultiFernet([f]).encrypt(b"x")) == 1_000_000
    monkeypatch.setattr("time.time", lambda: 1_000_011.0)
    with pytest.raises(InvalidToken):
        f.decrypt(token, ttl=10)


def test_lenient_token_spellings():
    # Tokens are decoded as Python's base64.urlsafe_b64decode decodes them: a trailing
    # newline (tokens read from files), the standard alphabet, stray whitespace and
    # extra padding are accepted.
    f = Fernet(base64.urlsafe_b64encode(b"k" * 32))
    # A token whose standard spelling differs from its URL-safe one (the IV and
    # ciphertext are random: about one token in 600 has neither + nor /).
    for _ in range(100):
        token = f.encrypt_at_time(b"\xfb\xff" * 40, 1_000)
        raw = base64.urlsafe_b64decode(token)
        standard = base64.b64encode(raw)
        if b"+" in standard or b"/" in standard:
            break
    assert b"+" in standard or b"/" in standard
    spellings: list[bytes | str] = [
        token + b"\n",
        standard,
        token[:10] + b" \r\n" + token[10:],
        token + b"==",
        (token + b"\n").decode(),
    ]
    for spelling in spellings:
        assert f.decrypt(spelling) == b"\xfb\xff" * 40
        assert f.extract_timestamp(spelling) == 1_000


def test_ttl_and_time_arguments():
    f = Fernet(base64.urlsafe_b64encode(b"k" * 32))
    token = f.encrypt_at_time(b"t", 1_000)
    # Floats compare as Python compares them (the API is typed int, as the
    # reference's, which takes floats all the same).
    untyped: typing.Any = f
    assert untyped.decrypt_at_time(token, 10.5, 1_010.5) == b"t"
    with pytest.raises(InvalidToken):
        untyped.decrypt_at_time(token, 10.5, 1_010.75)
    assert untyped.decrypt_at_time(token, 0.5, 999.5) == b"t"
    # A TTL beyond any machine integer never expires; a negative clock is just early.
    assert f.decrypt_at_time(token, 2**200, 10**12) == b"t"
    assert f.decrypt_at_time(token, 2**64, 2**63) == b"t"
    with pytest.raises(InvalidToken):
        f.decrypt_at_time(token, 10, -1)
    with pytest.raises(InvalidToken):
        f.decrypt_at_time(token, 10, -(2**100))
    with pytest.raises(TypeError):
        f.decrypt_at_time(token, "10", 1_000)  # type: ignore[arg-type]


def test_fernet_pickles_and_copies():
    import copy
    import pickle

    f = Fernet(Fernet.generate_key())
    token = f.encrypt(b"to a worker")
    for clone in (pickle.loads(pickle.dumps(f)), copy.deepcopy(f), copy.copy(f)):
        assert clone.decrypt(token) == b"to a worker"
    mf = pickle.loads(pickle.dumps(MultiFernet([Fernet(Fernet.generate_key()), f])))
    assert mf.decrypt(token) == b"to a worker"


def test_token_format():
    f = Fernet(base64.urlsafe_b64encode(b"k" * 32))
    for size in (0, 1, 15, 16, 17, 100, 1 << 16):
        token = f.encrypt_at_time(b"a" * size, 7)
        raw = base64.urlsafe_b64decode(token)
        assert raw[0] == 0x80
        assert int.from_bytes(raw[1:9], "big") == 7
        assert len(raw) == 1 + 8 + 16 + (size // 16 + 1) * 16 + 32
        assert f.decrypt(token) == b"a" * size


def test_multifernet():
    f1, f2 = Fernet(Fernet.generate_key()), Fernet(Fernet.generate_key())
    mf = MultiFernet([f1, f2])
    assert f1.decrypt(mf.encrypt(b"abc")) == b"abc"
    assert mf.decrypt(f2.encrypt(b"old")) == b"old"
    old = f2.encrypt_at_time(b"rotate me", 1234)
    rotated = mf.rotate(old)
    assert f1.decrypt(rotated) == b"rotate me"
    assert f1.extract_timestamp(rotated) == 1234
    assert mf.extract_timestamp(old) == 1234
    assert mf.decrypt_at_time(old, 100, 1300) == b"rotate me"
    with pytest.raises(InvalidToken):
        mf.decrypt(Fernet(Fernet.generate_key()).encrypt(b"x"))
    with pytest.raises(InvalidToken):
        mf.rotate(b"garbage")
    with pytest.raises(
        ValueError, match="MultiFernet requires at least one Fernet instance"
    ):
        MultiFernet([])
    assert f1.decrypt(MultiFernet(iter([f1])).encrypt_at_time(b"t", 5)) == b"t"


def test_large_token_checked_by_hand():
    # Tokens from 4 KiB up are built in unzeroed buffers; take one apart with the
    # primitives (HMAC-SHA256, AES-128-CBC, PKCS7) to check every byte of it.
    from cryptography.hazmat.primitives import hashes, hmac, padding
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

    key = Fernet.generate_key()
    raw_key = base64.urlsafe_b64decode(key)
    data = bytes(range(256)) * 64
    token = base64.urlsafe_b64decode(Fernet(key).encrypt_at_time(data, 1_000))
    assert token[:9] == b"\x80" + (1_000).to_bytes(8, "big")
    mac = hmac.HMAC(raw_key[:16], hashes.SHA256())
    mac.update(token[:-32])
    mac.verify(token[-32:])
    decryptor = Cipher(algorithms.AES(raw_key[16:]), modes.CBC(token[9:25])).decryptor()
    padded = decryptor.update(token[25:-32]) + decryptor.finalize()
    unpadder = padding.PKCS7(128).unpadder()
    assert unpadder.update(padded) + unpadder.finalize() == data
