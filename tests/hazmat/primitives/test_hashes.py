from __future__ import annotations

import copy
import pickle
import threading

import pytest

from cryptography.exceptions import (
    AlreadyFinalized,
    UnsupportedAlgorithm,
    _Reasons,
)
from cryptography.hazmat.backends import default_backend
from cryptography.hazmat.primitives import hashes
from tests.vectors import load_records, message, unhex

# XOFHash squeezes through EVP_DigestSqueeze, new in OpenSSL 3.3; before that it is
# refused with UnsupportedAlgorithm.
XOF_SQUEEZE = default_backend().openssl_version_number() >= 0x30300000


def test_xof_hash_needs_openssl_3_3():
    if XOF_SQUEEZE:
        hashes.XOFHash(hashes.SHAKE128(16))
    else:
        with pytest.raises(UnsupportedAlgorithm):
            hashes.XOFHash(hashes.SHAKE128(16))


needs_xof_squeeze = pytest.mark.skipif(
    not XOF_SQUEEZE,
    reason="XOFHash needs OpenSSL 3.3 (checked in test_xof_hash_needs_openssl_3_3)",
)

FIXED = [
    (hashes.MD5(), ("MD5", "rfc-1321.txt")),
    (hashes.SHA1(), ("SHA1", "SHA1ShortMsg.rsp")),
    (hashes.SHA1(), ("SHA1", "SHA1LongMsg.rsp")),
    (hashes.SM3(), ("SM3", "oscca.txt")),
    (hashes.BLAKE2b(64), ("blake2", "blake2b.txt")),
    (hashes.BLAKE2s(32), ("blake2", "blake2s.txt")),
]
for _bits in ("224", "256", "384", "512", "512_224", "512_256"):
    for _kind in ("ShortMsg", "LongMsg"):
        FIXED.append(
            (
                getattr(hashes, f"SHA{_bits}")(),
                ("SHA2", f"SHA{_bits}{_kind}.rsp"),
            )
        )
for _bits in ("224", "256", "384", "512"):
    for _kind in ("ShortMsg", "LongMsg"):
        FIXED.append(
            (
                getattr(hashes, f"SHA3_{_bits}")(),
                ("SHA3", f"SHA3_{_bits}{_kind}.rsp"),
            )
        )


@pytest.mark.parametrize(("algorithm", "path"), FIXED, ids=[p[-1] for _, p in FIXED])
def test_published_digests(algorithm, path):
    records = [r for r in load_records("hashes", *path) if "md" in r]
    assert records
    for record in records:
        msg = message(record)
        expected = unhex(record["md"])
        h = hashes.Hash(algorithm)
        h.update(msg)
        assert h.finalize() == expected
        assert hashes.Hash.hash(algorithm, msg) == expected


def _sha2_monte(algorithm, seed: bytes, count: int) -> list[bytes]:
    """The SHAVS Monte Carlo test: 100 checkpoints of 1000 chained digests each."""
    out = []
    for _ in range(count):
        md = [seed, seed, seed]
        for _ in range(1000):
            digest = hashes.Hash.hash(algorithm, md[-3] + md[-2] + md[-1])
            md = [md[-2], md[-1], digest]
        seed = md[-1]
        out.append(seed)
    return out


def _sha3_monte(algorithm, seed: bytes, count: int) -> list[bytes]:
    """The SHA-3 VS Monte Carlo test: each checkpoint chains 1000 digests."""
    out = []
    md = seed
    for _ in range(count):
        for _ in range(1000):
            md = hashes.Hash.hash(algorithm, md)
        out.append(md)
    return out


@pytest.mark.parametrize(
    ("algorithm", "folder", "name", "monte"),
    [
        (hashes.SHA1(), "SHA1", "SHA1Monte.rsp", _sha2_monte),
        (hashes.SHA256(), "SHA2", "SHA256Monte.rsp", _sha2_monte),
        (hashes.SHA512_256(), "SHA2", "SHA512_256Monte.rsp", _sha2_monte),
        (hashes.SHA3_256(), "SHA3", "SHA3_256Monte.rsp", _sha3_monte),
        (hashes.SHA3_512(), "SHA3", "SHA3_512Monte.rsp", _sha3_monte),
    ],
)
def test_monte_carlo(algorithm, folder, name, monte):
    records = load_records("hashes", folder, name)
    seed = unhex(records[0]["seed"])
    expected = [unhex(r["md"]) for r in records[1:]]
    assert monte(algorithm, seed, len(expected)) == expected


@pytest.mark.parametrize("bits", [128, 256])
@pytest.mark.parametrize("kind", ["ShortMsg", "LongMsg"])
def test_shake_fixed_output(bits, kind):
    for record in load_records("hashes", "SHAKE", f"SHAKE{bits}{kind}.rsp"):
        if "output" not in record:
            continue
        expected = unhex(record["output"])
        algorithm = getattr(hashes, f"SHAKE{bits}")(len(expected))
        assert hashes.Hash.hash(algorithm, message(record)) == expected


@pytest.mark.parametrize("bits", [128, 256])
def test_shake_variable_output(bits):
    records = [
        r
        for r in load_records("hashes", "SHAKE", f"SHAKE{bits}VariableOut.rsp")
        if "output" in r
    ]
    assert records
    for record in records:
        expected = unhex(record["output"])
        algorithm = getattr(hashes, f"SHAKE{bits}")(len(expected))
        h = hashes.Hash(algorithm)
        h.update(unhex(record["msg"]))
        assert h.finalize() == expected
        if not XOF_SQUEEZE:
            continue
        # XOFHash yields the same stream, read in two pieces.
        x = hashes.XOFHash(getattr(hashes, f"SHAKE{bits}")(len(expected)))
        x.update(unhex(record["msg"]))
        half = len(expected) // 2
        assert x.squeeze(half) + x.squeeze(len(expected) - half) == expected


def test_update_in_pieces_and_bytes_like_inputs():
    data = bytes(range(256)) * 40  # over the size at which the GIL is released
    expected = hashes.Hash.hash(hashes.SHA256(), data)
    for kind in (bytes, bytearray, memoryview):
        h = hashes.Hash(hashes.SHA256())
        h.update(kind(data[:100]))
        h.update(kind(data[100:]))
        assert h.finalize() == expected


def test_copy_is_independent():
    h = hashes.Hash(hashes.SHA256())
    h.update(b"ab")
    c = h.copy()
    h.update(b"c")
    c.update(b"x")
    assert h.finalize() == unhex(
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    )
    assert c.finalize() == hashes.Hash.hash(hashes.SHA256(), b"abx")


def test_algorithm_property_is_the_given_object():
    algorithm = hashes.SHA384()
    assert hashes.Hash(algorithm).algorithm is algorithm
    assert isinstance(hashes.Hash(algorithm), hashes.HashContext)


def test_backend_argument_is_accepted_and_ignored():
    h = hashes.Hash(hashes.SHA256(), backend=None)
    h.update(b"abc")
    assert h.finalize()[:2] == b"\xba\x78"
    hashes.Hash(hashes.SHA256(), object())


def test_finalized_context_refuses_reuse():
    h = hashes.Hash(hashes.SHA1())
    h.finalize()
    for call in (lambda: h.update(b"x"), h.finalize, h.copy):
        with pytest.raises(AlreadyFinalized, match="Context was already finalized."):
            call()


def test_str_is_not_bytes():
    h = hashes.Hash(hashes.SHA256())
    with pytest.raises(TypeError):
        h.update("abc")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        hashes.Hash.hash(hashes.SHA256(), "abc")  # type: ignore[arg-type]


def test_non_algorithm_is_a_type_error():
    with pytest.raises(TypeError, match="Expected instance of hashes.HashAlgorithm."):
        hashes.Hash("sha256")  # type: ignore[arg-type]


def test_unknown_algorithm_is_unsupported():
    class Whirlpool(hashes.HashAlgorithm):
        name = "whirlpool"
        digest_size = 64
        block_size = 64

    with pytest.raises(UnsupportedAlgorithm) as info:
        hashes.Hash(Whirlpool())
    assert info.value._reason is _Reasons.UNSUPPORTED_HASH
    assert str(info.value) == "whirlpool is not a supported hash on this backend"


def test_subclass_of_a_known_algorithm_works_by_name():
    class MySHA256(hashes.SHA256):
        pass

    assert hashes.Hash.hash(MySHA256(), b"") == hashes.Hash.hash(hashes.SHA256(), b"")


def test_algorithm_constructor_checks():
    with pytest.raises(ValueError, match="Digest size must be 64"):
        hashes.BLAKE2b(32)
    with pytest.raises(ValueError, match="Digest size must be 32"):
        hashes.BLAKE2s(16)
    for cls in (hashes.SHAKE128, hashes.SHAKE256):
        with pytest.raises(ValueError, match="digest_size must be a positive integer"):
            cls(0)
        with pytest.raises(TypeError, match="digest_size must be an integer"):
            cls(1.5)  # type: ignore[arg-type]


def test_algorithm_attributes():
    assert (
        hashes.SHA256.name,
        hashes.SHA256.digest_size,
        hashes.SHA256.block_size,
    ) == (
        "sha256",
        32,
        64,
    )
    assert hashes.SHA3_256.block_size is None
    assert hashes.SHAKE128(17).digest_size == 17
    assert hashes.BLAKE2b(64).block_size == 128
    assert isinstance(hashes.SHAKE256(8), hashes.ExtendableOutputFunction)


def test_algorithm_equality_and_hashing():
    assert hashes.SHA256() == hashes.SHA256()
    sha224: hashes.HashAlgorithm = hashes.SHA224()
    assert hashes.SHA256() != sha224
    assert hashes.SHAKE128(16) == hashes.SHAKE128(16)
    assert hashes.SHAKE128(16) != hashes.SHAKE128(32)
    assert hashes.BLAKE2b(64) == hashes.BLAKE2b(64)
    assert hashes.SHA256() != object()
    with pytest.raises(TypeError):
        hash(hashes.SHA256())


def test_contexts_are_not_picklable_and_copy_module_copies():
    h = hashes.Hash(hashes.SHA256())
    with pytest.raises(TypeError):
        pickle.dumps(h)
    with pytest.raises(TypeError):
        copy.copy(h)


@needs_xof_squeeze
def test_xof_hash_rules():
    with pytest.raises(
        TypeError, match="Expected instance of an extendable output function."
    ):
        hashes.XOFHash(hashes.SHA256())  # type: ignore[arg-type]
    x = hashes.XOFHash(hashes.SHAKE128(16))
    x.update(b"a")
    copied = x.copy()
    assert x.squeeze(0) == b""
    first = x.squeeze(5)
    with pytest.raises(AlreadyFinalized, match="Context was already squeezed."):
        x.update(b"b")
    with pytest.raises(
        ValueError,
        match="Exceeded maximum squeeze limit specified by digest_size.",
    ):
        x.squeeze(12)
    assert first + x.squeeze(11) == hashes.Hash.hash(hashes.SHAKE128(16), b"a")
    assert copied.squeeze(16) == hashes.Hash.hash(hashes.SHAKE128(16), b"a")
    assert x.copy().squeeze(0) == b""
    with pytest.raises(OverflowError):
        x.squeeze(-1)
    assert isinstance(x.algorithm, hashes.SHAKE128)


def test_threads_hash_concurrently():
    data = b"\x5a" * (1 << 20)
    expected = hashes.Hash.hash(hashes.SHA256(), data)
    results: list[bytes] = []

    def work():
        for _ in range(4):
            results.append(hashes.Hash.hash(hashes.SHA256(), data))

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [expected] * 16


def test_xof_method_gives_unbounded_output():
    import sys

    for cls in (hashes.SHAKE128, hashes.SHAKE256):
        # A class method, as in the reference; reachable from an instance too.
        unbounded = cls.xof()
        assert isinstance(unbounded, cls)
        assert cls(16).xof() == unbounded
        assert unbounded.digest_size == sys.maxsize
        if not XOF_SQUEEZE:
            continue
        x = hashes.XOFHash(unbounded)
        x.update(b"abc")
        stream = x.squeeze(1000)
        assert stream[:16] == hashes.Hash.hash(cls(16), b"abc")
