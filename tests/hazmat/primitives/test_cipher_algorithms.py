from __future__ import annotations

import typing
import warnings

import pytest

from cryptography import utils
from cryptography.hazmat.decrepit.ciphers import algorithms as decrepit
from cryptography.hazmat.primitives import _cipheralgorithm
from cryptography.hazmat.primitives.ciphers import algorithms, modes


@pytest.mark.parametrize(
    ("cls", "good", "bad"),
    [
        (algorithms.AES, [16, 24, 32, 64], [0, 15, 48]),
        (algorithms.AES128, [16], [32]),
        (algorithms.AES256, [32], [16]),
        (algorithms.SM4, [16], [32]),
        (decrepit.Camellia, [16, 24, 32], [8]),
        (decrepit.TripleDES, [8, 16, 24], [12]),
        (decrepit.Blowfish, [4, 56], [3, 57]),
        (decrepit.CAST5, [5, 16], [4, 17]),
        (decrepit.IDEA, [16], [8]),
        (decrepit.SEED, [16], [8]),
        (decrepit.RC2, [16], [8]),
        (decrepit.ARC4, [5, 32], [4]),
    ],
)
def test_key_sizes(cls, good, bad):
    for size in good:
        algorithm = cls(b"\x01" * size)
        assert isinstance(algorithm, _cipheralgorithm.CipherAlgorithm)
        expected_bits = 192 if cls is decrepit.TripleDES else size * 8
        assert algorithm.key_size == expected_bits
    for size in bad:
        with pytest.raises(ValueError, match=rf"Invalid key size \({size * 8}\) for "):
            cls(b"\x01" * size)
    with pytest.raises(TypeError, match="key must be bytes-like"):
        cls("k" * 16)


def test_triple_des_expands_short_keys_with_a_warning():
    with pytest.warns(utils.DeprecatedIn47, match="Single-key TripleDES"):
        assert decrepit.TripleDES(b"12345678").key == b"12345678" * 3
    with pytest.warns(utils.DeprecatedIn47, match="Two-key TripleDES"):
        assert (
            decrepit.TripleDES(b"1234567890abcdef").key == b"1234567890abcdef12345678"
        )
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert decrepit.TripleDES(b"k" * 24).key_size == 192
        # A wrong type is a TypeError, not a warning first.
        with pytest.raises(TypeError, match="key must be bytes-like"):
            decrepit.TripleDES("k" * 8)  # type: ignore[arg-type]


def test_des_marker_is_not_supported():
    from cryptography.hazmat.backends import default_backend
    from cryptography.hazmat.decrepit.ciphers.algorithms import _DES

    assert _DES().key_size == 64
    assert not default_backend().cipher_supported(_DES(), modes.CBC(b"\0" * 8))


def test_chacha20():
    c = algorithms.ChaCha20(b"k" * 32, b"n" * 16)
    assert (c.name, c.key_size, c.nonce) == ("ChaCha20", 256, b"n" * 16)
    with pytest.raises(ValueError, match=r"nonce must be 128-bits \(16 bytes\)"):
        algorithms.ChaCha20(b"k" * 32, b"n" * 12)
    with pytest.raises(TypeError, match="nonce must be bytes-like"):
        algorithms.ChaCha20(b"k" * 32, "n" * 16)  # type: ignore[arg-type]


@pytest.mark.parametrize("name", ["ARC4", "TripleDES", "Camellia"])
def test_moved_ciphers_warn(name):
    with pytest.warns(Warning, match=f"{name} has been moved"):
        assert getattr(algorithms, name) is getattr(decrepit, name)


@pytest.mark.parametrize("name", ["Blowfish", "CAST5", "IDEA", "SEED", "AES", "SM4"])
def test_other_names_do_not_warn(name):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        getattr(algorithms, name)


def test_native_value_objects_take_weakrefs_and_attributes():
    # As the reference's Python classes do: caches keyed by weak reference, and
    # attributes that applications hang on the objects.
    import weakref

    from cryptography.hazmat.primitives.ciphers import Cipher

    key = algorithms.AES(b"k" * 16)
    objects: list[typing.Any] = [
        key,
        algorithms.AES128(b"k" * 16),
        algorithms.AES256(b"k" * 32),
        modes.CBC(b"i" * 16),
        modes.CTR(b"n" * 16),
        modes.ECB(),
        modes.GCM(b"n" * 12),
        modes.XTS(b"t" * 16),
        Cipher(key, modes.CBC(b"i" * 16)),
    ]
    for obj in objects:
        obj.label = "mine"
        assert obj.label == "mine"
        assert weakref.ref(obj)() is obj
    # The API's own attributes stay what they were.
    assert key.key == b"k" * 16 and key.key_size == 128
