"""The memo of validated RSA private keys: a key whose exact integers passed the full
check before is not checked again, whatever form it is loaded from; a key that differs
in any byte, or that fails the check, is checked in full every time.

The memo's counters (`validation_memo_stats`) are process-wide, so each test works with
keys of its own, generated or derived here, and looks only at how the counters move."""

from __future__ import annotations

import math
import threading
import typing

import pytest

from cryptography.hazmat.bindings._rust import openssl as rust_openssl
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

Encoding = serialization.Encoding
PrivateFormat = serialization.PrivateFormat
PASSWORD = b"correct horse"


def stats() -> dict[str, int]:
    return rust_openssl.rsa.validation_memo_stats()


class Counted:
    """How many full checks and memo hits happened inside a `with` block."""

    def __enter__(self) -> Counted:
        self._before = stats()
        return self

    def __exit__(self, *exc_info: object) -> None:
        after = stats()
        self.full_checks = after["full_checks"] - self._before["full_checks"]
        self.hits = after["hits"] - self._before["hits"]


def new_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(65537, 1024)


def pem_pkcs8(key: rsa.RSAPrivateKey) -> bytes:
    return key.private_bytes(
        Encoding.PEM, PrivateFormat.PKCS8, serialization.NoEncryption()
    )


def loader_for(form: str, key: rsa.RSAPrivateKey) -> typing.Callable[[], object]:
    """A function that loads `key` from the given form each time it is called."""
    encrypted = serialization.BestAvailableEncryption(PASSWORD)
    none = serialization.NoEncryption()
    if form == "numbers":
        numbers = key.private_numbers()
        return numbers.private_key
    encoding = Encoding.PEM if form.startswith("pem") else Encoding.DER
    fmt = PrivateFormat.PKCS8 if "pkcs8" in form else PrivateFormat.TraditionalOpenSSL
    password = PASSWORD if form.endswith("encrypted") else None
    data = key.private_bytes(encoding, fmt, encrypted if password else none)
    load = (
        serialization.load_pem_private_key
        if encoding is Encoding.PEM
        else serialization.load_der_private_key
    )
    return lambda: load(data, password)


FORMS = [
    "pem_pkcs8",
    "der_pkcs8",
    "pem_pkcs1",
    "der_pkcs1",
    "pem_pkcs8_encrypted",
    "der_pkcs8_encrypted",
    "pem_pkcs1_encrypted",
    "numbers",
]


@pytest.mark.parametrize("form", FORMS)
def test_a_second_load_skips_the_check(form: str) -> None:
    key = new_key()
    load = loader_for(form, key)
    with Counted() as first:
        loaded = load()
    assert (first.full_checks, first.hits) == (1, 0)
    with Counted() as second:
        again = load()
    assert (second.full_checks, second.hits) == (0, 1)
    # A new key object every time (private keys compare by identity), with the same
    # integers as the original.
    assert isinstance(again, rsa.RSAPrivateKey)
    assert again is not loaded
    assert again.private_numbers() == key.private_numbers()


def test_every_form_of_one_key_shares_its_entry() -> None:
    key = new_key()
    with Counted() as counted:
        for form in FORMS:
            loader_for(form, key)()
    assert (counted.full_checks, counted.hits) == (1, len(FORMS) - 1)


def test_unsafe_skip_neither_checks_nor_remembers() -> None:
    key = new_key()
    data = pem_pkcs8(key)
    with Counted() as skipped:
        for _ in range(2):
            serialization.load_pem_private_key(
                data, None, unsafe_skip_rsa_key_validation=True
            )
        key.private_numbers().private_key(unsafe_skip_rsa_key_validation=True)
    assert (skipped.full_checks, skipped.hits) == (0, 0)
    # Not remembered: the first validated load still checks the key in full.
    with Counted() as validated:
        serialization.load_pem_private_key(data, None)
    assert (validated.full_checks, validated.hits) == (1, 0)


def broken_der(key: rsa.RSAPrivateKey) -> bytes:
    """The key's PKCS#1 DER with the last byte of d changed: still a well-formed
    RSAPrivateKey, no longer a consistent key."""
    der = key.private_bytes(
        Encoding.DER, PrivateFormat.TraditionalOpenSSL, serialization.NoEncryption()
    )
    d = key.private_numbers().d
    d_bytes = d.to_bytes((d.bit_length() + 7) // 8, "big")
    at = der.index(d_bytes) + len(d_bytes) - 1
    return der[:at] + bytes([der[at] ^ 0x02]) + der[at + 1 :]


def test_a_key_that_fails_is_checked_in_full_every_time() -> None:
    key = new_key()
    der = broken_der(key)
    with Counted() as counted:
        for _ in range(3):
            with pytest.raises(ValueError):
                serialization.load_der_private_key(der, None)
    assert (counted.full_checks, counted.hits) == (3, 0)
    # Its numbers fail the same way.
    unchecked = serialization.load_der_private_key(
        der, None, unsafe_skip_rsa_key_validation=True
    )
    assert isinstance(unchecked, rsa.RSAPrivateKey)
    numbers = unchecked.private_numbers()
    with Counted() as counted:
        for _ in range(2):
            with pytest.raises(ValueError):
                numbers.private_key()
    assert (counted.full_checks, counted.hits) == (2, 0)


def test_one_changed_byte_is_checked_in_full() -> None:
    key = new_key()
    good = key.private_bytes(
        Encoding.DER, PrivateFormat.TraditionalOpenSSL, serialization.NoEncryption()
    )
    serialization.load_der_private_key(good, None)
    with Counted() as counted:
        serialization.load_der_private_key(good, None)
        with pytest.raises(ValueError):
            serialization.load_der_private_key(broken_der(key), None)
    assert (counted.full_checks, counted.hits) == (1, 1)


def same_primes_other_exponents(
    key: rsa.RSAPrivateKey, count: int
) -> list[rsa.RSAPrivateNumbers]:
    """`count` valid keys that differ from `key` and from each other: its primes with
    other public exponents (and the private exponents that go with them)."""
    numbers = key.private_numbers()
    p, q = numbers.p, numbers.q
    carmichael = math.lcm(p - 1, q - 1)
    keys: list[rsa.RSAPrivateNumbers] = []
    e = 65537
    while len(keys) < count:
        e += 2
        if math.gcd(e, carmichael) != 1:
            continue
        d = pow(e, -1, carmichael)
        public = rsa.RSAPublicNumbers(e, p * q)
        keys.append(
            rsa.RSAPrivateNumbers(
                p, q, d, d % (p - 1), d % (q - 1), pow(q, -1, p), public
            )
        )
    return keys


def test_the_least_recently_used_key_is_forgotten() -> None:
    capacity = stats()["capacity"]
    assert capacity >= 100
    oldest = new_key().private_numbers()
    others = same_primes_other_exponents(new_key(), capacity)
    with Counted() as counted:
        oldest.private_key()
        for numbers in others:
            numbers.private_key()
    assert counted.full_checks == capacity + 1
    assert stats()["entries"] == capacity
    # The newest are still remembered; the oldest was pushed out by them.
    with Counted() as counted:
        others[-1].private_key()
        oldest.private_key()
    assert (counted.full_checks, counted.hits) == (1, 1)


def test_eight_threads_loading_a_mix_of_keys() -> None:
    good = [new_key() for _ in range(4)]
    pems = [pem_pkcs8(key) for key in good]
    bad = [broken_der(key) for key in good[:2]]
    expected = [key.private_numbers() for key in good]
    failures: list[str] = []
    start = threading.Barrier(8)

    def work(thread: int) -> None:
        start.wait()
        for round_ in range(12):
            index = (thread + round_) % 6
            try:
                if index < 4:
                    loaded = serialization.load_pem_private_key(pems[index], None)
                    assert isinstance(loaded, rsa.RSAPrivateKey)
                    if loaded.private_numbers() != expected[index]:
                        failures.append(f"thread {thread}: key {index} differs")
                else:
                    with pytest.raises(ValueError):
                        serialization.load_der_private_key(bad[index - 4], None)
            except BaseException as e:  # collected, asserted on below
                failures.append(f"thread {thread}: {e!r}")

    with Counted() as counted:
        threads = [threading.Thread(target=work, args=(n,)) for n in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert failures == []
    loads = 8 * 12
    bad_loads = sum(1 for t in range(8) for r in range(12) if (t + r) % 6 >= 4)
    assert counted.full_checks + counted.hits == loads
    # Failing keys are checked on every load; each good key at least once (two threads
    # may check the same new key at once, neither holding the memo's lock meanwhile).
    assert bad_loads + 4 <= counted.full_checks <= bad_loads + 4 * 8
    assert counted.hits >= loads - bad_loads - 4 * 8
