"""Ed25519, Ed448, X25519 and X448 against RFC 8032 (the 1024 Ed25519 vectors of the
reference implementation's sign.input, the Ed448 examples), RFC 7748 (X25519 and X448
scalar multiplication), the key files of cryptography-vectors, and every error path."""

from __future__ import annotations

import copy
import pickle
import typing

import pytest

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ed448, ed25519, x448, x25519
from tests.vectors import load_records, unhex, vector_path

Encoding = serialization.Encoding
PrivateFormat = serialization.PrivateFormat
PublicFormat = serialization.PublicFormat

ALGORITHMS: dict[str, tuple[typing.Any, typing.Any, int, int]] = {
    "Ed25519": (ed25519.Ed25519PrivateKey, ed25519.Ed25519PublicKey, 32, 32),
    "Ed448": (ed448.Ed448PrivateKey, ed448.Ed448PublicKey, 57, 57),
    "X25519": (x25519.X25519PrivateKey, x25519.X25519PublicKey, 32, 32),
    "X448": (x448.X448PrivateKey, x448.X448PublicKey, 56, 56),
}


def test_ed25519_sign_input():
    lines = vector_path("asymmetric", "Ed25519", "sign.input").read_text().splitlines()
    assert len(lines) == 1024
    for line in lines:
        secret, public, message, signed, _ = line.split(":")
        seed, public_bytes = unhex(secret)[:32], unhex(public)
        signature = unhex(signed)[:64]
        key = ed25519.Ed25519PrivateKey.from_private_bytes(seed)
        assert key.public_key().public_bytes_raw() == public_bytes
        assert key.sign(unhex(message)) == signature
        verifier = ed25519.Ed25519PublicKey.from_public_bytes(public_bytes)
        verifier.verify(signature, unhex(message))
        with pytest.raises(InvalidSignature):
            verifier.verify(signature, unhex(message) + b"\0")


def test_ed448_rfc8032():
    checked = 0
    for record in load_records("asymmetric", "Ed448", "rfc8032.txt"):
        if "context" in record:
            # Ed448ctx: the API signs without a context.
            continue
        key = ed448.Ed448PrivateKey.from_private_bytes(unhex(record["secret"]))
        assert key.public_key().public_bytes_raw() == unhex(record["public"])
        message = unhex(record.get("message", ""))
        assert key.sign(message) == unhex(record["signature"])
        key.public_key().verify(unhex(record["signature"]), message)
        checked += 1
    assert checked >= 7


@pytest.mark.parametrize(
    ("name", "cls", "pub"),
    [
        ("X25519", x25519.X25519PrivateKey, x25519.X25519PublicKey),
        ("X448", x448.X448PrivateKey, x448.X448PublicKey),
    ],
)
def test_rfc7748(name: str, cls: typing.Any, pub: typing.Any) -> None:
    records = load_records("asymmetric", name, "rfc7748.txt")
    assert len(records) >= 2
    for record in records:
        key = cls.from_private_bytes(unhex(record["input_scalar"]))
        peer = pub.from_public_bytes(unhex(record["input_u"]))
        assert key.exchange(peer) == unhex(record["output_u"])


@pytest.mark.parametrize("name", sorted(ALGORITHMS))
def test_key_files(name):
    """The PKCS #8 (plain and encrypted) and SubjectPublicKeyInfo files hold one key pair;
    serializing it again gives the same bytes."""
    private_cls, public_cls, _, _ = ALGORITHMS[name]
    folder = name
    stem = name.lower()
    loaded = {}
    for suffix in ("pkcs8.pem", "pkcs8.der", "pkcs8-enc.pem", "pkcs8-enc.der"):
        data = vector_path("asymmetric", folder, f"{stem}-{suffix}").read_bytes()
        password = b"password" if "enc" in suffix else None
        load = (
            serialization.load_pem_private_key
            if suffix.endswith("pem")
            else serialization.load_der_private_key
        )
        key: typing.Any = load(data, password)
        assert isinstance(key, private_cls)
        loaded[suffix] = key.private_bytes_raw()
        if "enc" not in suffix:
            encoding = Encoding.PEM if suffix.endswith("pem") else Encoding.DER
            assert (
                key.private_bytes(
                    encoding, PrivateFormat.PKCS8, serialization.NoEncryption()
                )
                == data
            )
    assert len(set(loaded.values())) == 1
    for suffix, load_public in (
        ("pub.pem", serialization.load_pem_public_key),
        ("pub.der", serialization.load_der_public_key),
    ):
        data = vector_path("asymmetric", folder, f"{stem}-{suffix}").read_bytes()
        public = load_public(data)
        assert isinstance(public, public_cls)
        encoding = Encoding.PEM if suffix.endswith("pem") else Encoding.DER
        assert public.public_bytes(encoding, PublicFormat.SubjectPublicKeyInfo) == data
        assert (
            public == private_cls.from_private_bytes(loaded["pkcs8.der"]).public_key()
        )


def test_ed25519_public_key_with_unused_bits_is_refused():
    data = vector_path(
        "asymmetric", "Ed25519", "ed25519-pub-non-zero-unused-bits.der"
    ).read_bytes()
    with pytest.raises(ValueError, match="Invalid key"):
        serialization.load_der_public_key(data)


@pytest.mark.parametrize("name", sorted(ALGORITHMS))
class TestKeyObjects:
    def test_raw_round_trips_and_lengths(self, name):
        private_cls, public_cls, private_len, public_len = ALGORITHMS[name]
        key = private_cls.generate()
        raw = key.private_bytes_raw()
        assert len(raw) == private_len
        assert raw == key.private_bytes(
            Encoding.Raw, PrivateFormat.Raw, serialization.NoEncryption()
        )
        assert private_cls.from_private_bytes(bytearray(raw)).private_bytes_raw() == raw
        public = key.public_key()
        assert len(public.public_bytes_raw()) == public_len
        assert public_cls.from_public_bytes(public.public_bytes_raw()) == public
        with pytest.raises(
            ValueError, match=f"An {name} private key is {private_len} bytes long"
        ):
            private_cls.from_private_bytes(raw[:-1])
        with pytest.raises(
            ValueError, match=f"An {name} public key is {public_len} bytes long"
        ):
            public_cls.from_public_bytes(public.public_bytes_raw()[:-1])
        with pytest.raises(TypeError):
            private_cls.from_private_bytes("a" * private_len)

    def test_serialization_rules(self, name):
        private_cls, _, _, _ = ALGORITHMS[name]
        key = private_cls.generate()
        public = key.public_key()
        raw_rule = "When using Raw both encoding and format must be Raw"
        with pytest.raises(ValueError, match=raw_rule):
            key.private_bytes(
                Encoding.Raw, PrivateFormat.PKCS8, serialization.NoEncryption()
            )
        with pytest.raises(ValueError, match=raw_rule):
            key.private_bytes(
                Encoding.DER, PrivateFormat.Raw, serialization.NoEncryption()
            )
        with pytest.raises(ValueError, match=raw_rule):
            key.private_bytes(
                Encoding.Raw,
                PrivateFormat.Raw,
                serialization.BestAvailableEncryption(b"x"),
            )
        with pytest.raises(ValueError, match="format is invalid with this key"):
            key.private_bytes(
                Encoding.PEM,
                PrivateFormat.TraditionalOpenSSL,
                serialization.NoEncryption(),
            )
        with pytest.raises(ValueError, match=raw_rule):
            public.public_bytes(Encoding.Raw, PublicFormat.SubjectPublicKeyInfo)
        with pytest.raises(ValueError, match=raw_rule):
            public.public_bytes(Encoding.DER, PublicFormat.Raw)
        with pytest.raises(ValueError, match="format is invalid with this key"):
            public.public_bytes(Encoding.PEM, PublicFormat.PKCS1)
        encrypted = key.private_bytes(
            Encoding.PEM,
            PrivateFormat.PKCS8,
            serialization.BestAvailableEncryption(b"pw"),
        )
        reloaded = serialization.load_pem_private_key(encrypted, b"pw")
        assert isinstance(reloaded, private_cls)
        assert reloaded.private_bytes_raw() == key.private_bytes_raw()

    def test_object_rules(self, name):
        private_cls, public_cls, _, _ = ALGORITHMS[name]
        key = private_cls.generate()
        public = key.public_key()
        assert public == key.public_key()
        assert public != private_cls.generate().public_key()
        assert public != object()
        with pytest.raises(TypeError):
            hash(public)
        assert copy.copy(key) is key and copy.deepcopy(key) is key
        assert copy.copy(public) is public and copy.deepcopy(public) is public
        for obj in (key, public):
            with pytest.raises(TypeError):
                pickle.dumps(obj)
        assert isinstance(key, private_cls) and isinstance(public, public_cls)


@pytest.mark.parametrize("cls", [ed25519.Ed25519PrivateKey, ed448.Ed448PrivateKey])
def test_signature_errors(cls: typing.Any) -> None:
    key = cls.generate()
    signature = key.sign(memoryview(b"data"))
    public = key.public_key()
    public.verify(bytearray(signature), b"data")
    for bad in (signature[:-1], signature + b"\0", bytes(len(signature))):
        with pytest.raises(InvalidSignature):
            public.verify(bad, b"data")
    with pytest.raises(TypeError):
        public.verify("a" * len(signature), b"data")


@pytest.mark.parametrize(
    ("cls", "pub", "size"),
    [
        (x25519.X25519PrivateKey, x25519.X25519PublicKey, 32),
        (x448.X448PrivateKey, x448.X448PublicKey, 56),
    ],
)
def test_exchange_errors(cls, pub, size):
    key = cls.generate()
    other = cls.generate()
    assert key.exchange(other.public_key()) == other.exchange(key.public_key())
    # A peer key of small order gives the all-zero secret, which is refused.
    with pytest.raises(ValueError, match="Error computing shared key."):
        key.exchange(pub.from_public_bytes(bytes(size)))
    with pytest.raises(TypeError, match="is not an instance of"):
        key.exchange(object())
    with pytest.raises(TypeError, match="is not an instance of"):
        key.exchange(ed25519.Ed25519PrivateKey.generate().public_key())
