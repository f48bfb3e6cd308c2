# This file is dual licensed under the terms of the Apache License, Version
# 2.0, and the BSD License. See the LICENSE file in the root of this repository
# for complete details.

"""HPKE against the published vectors of cryptography-vectors: RFC 9180's 128
(every mode; P-256, P-521, X25519 and X448; HKDF-SHA256/512; both AES-GCMs,
ChaCha20-Poly1305 and the export-only AEAD) and draft-ietf-hpke-pq's (ML-KEM,
the hybrid KEMs, the SHAKE KDFs). The recipient's side is checked against each
vector's 257 messages and its exports; the sender's side, whose ephemeral key is
random, against the checked recipient. Then the rules and their errors."""

from __future__ import annotations

import hashlib
import json
import typing

import pytest

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.bindings._rust import openssl as rust_openssl
from cryptography.hazmat.bindings._rust import test_support
from cryptography.hazmat.primitives import hpke
from cryptography.hazmat.primitives.asymmetric import ec, mlkem, x448, x25519
from tests.vectors import unhex, vector_path

Vector = dict[str, typing.Any]

# RFC 9180's identifiers and draft-ietf-hpke-pq's.
KEMS = {
    0x0010: hpke.KEM.P256,
    0x0011: hpke.KEM.P384,
    0x0012: hpke.KEM.P521,
    0x0020: hpke.KEM.X25519,
    0x0021: hpke.KEM.X448,
    0x0040: hpke.KEM.MLKEM512,
    0x0041: hpke.KEM.MLKEM768,
    0x0042: hpke.KEM.MLKEM1024,
    0x0051: hpke.KEM.MLKEM1024_P384,
    0x647A: hpke.KEM.MLKEM768_X25519,
}
KDFS = {
    0x0001: hpke.KDF.HKDF_SHA256,
    0x0002: hpke.KDF.HKDF_SHA384,
    0x0003: hpke.KDF.HKDF_SHA512,
    0x0010: hpke.KDF.SHAKE128,
    0x0011: hpke.KDF.SHAKE256,
}
AEADS = {
    0x0001: hpke.AEAD.AES_128_GCM,
    0x0002: hpke.AEAD.AES_256_GCM,
    0x0003: hpke.AEAD.CHACHA20_POLY1305,
    0xFFFF: hpke.AEAD.EXPORT_ONLY,
}
CURVES: dict[typing.Any, ec.EllipticCurve] = {
    hpke.KEM.P256: ec.SECP256R1(),
    hpke.KEM.P384: ec.SECP384R1(),
    hpke.KEM.P521: ec.SECP521R1(),
}
MLKEM_SEEDED: dict[typing.Any, typing.Any] = {
    hpke.KEM.MLKEM512: mlkem.MLKEM512PrivateKey,
    hpke.KEM.MLKEM768: mlkem.MLKEM768PrivateKey,
    hpke.KEM.MLKEM1024: mlkem.MLKEM1024PrivateKey,
}


def load(name: str) -> list[Vector]:
    return json.loads(vector_path("HPKE", name).read_text())


def suite_of(vector: Vector) -> hpke.Suite | None:
    """The vector's suite, or None for one this package does not offer (the
    TurboSHAKE KDFs, MLKEM768-P256)."""
    ids = (vector["kem_id"], vector["kdf_id"], vector["aead_id"])
    if ids[0] not in KEMS or ids[1] not in KDFS or ids[2] not in AEADS:
        return None
    return hpke.Suite(KEMS[ids[0]], KDFS[ids[1]], AEADS[ids[2]])


def group_private_key(kem: typing.Any, secret: bytes) -> typing.Any:
    """A DHKEM private key from its serialization (RFC 9180 section 7.1.2)."""
    if kem == hpke.KEM.X25519:
        return x25519.X25519PrivateKey.from_private_bytes(secret)
    if kem == hpke.KEM.X448:
        return x448.X448PrivateKey.from_private_bytes(secret)
    return ec.derive_private_key(int.from_bytes(secret, "big"), CURVES[kem])


def group_public_key(kem: typing.Any, encoded: bytes) -> typing.Any:
    if kem == hpke.KEM.X25519:
        return x25519.X25519PublicKey.from_public_bytes(encoded)
    if kem == hpke.KEM.X448:
        return x448.X448PublicKey.from_public_bytes(encoded)
    return ec.EllipticCurvePublicKey.from_encoded_point(CURVES[kem], encoded)


def hybrid_private_key(kem: typing.Any, seed: bytes) -> typing.Any:
    """expandKey of draft-irtf-cfrg-concrete-hybrid-kems: SHAKE256 of the seed
    gives ML-KEM's 64-byte seed, then the group's seed, whose first window that is
    a valid scalar is the group's key (X25519 takes any)."""
    if kem == hpke.KEM.MLKEM768_X25519:
        expanded = hashlib.shake_256(seed).digest(64 + 32)
        return hpke.MLKEM768X25519PrivateKey(
            mlkem.MLKEM768PrivateKey.from_seed_bytes(expanded[:64]),
            x25519.X25519PrivateKey.from_private_bytes(expanded[64:]),
        )
    expanded = hashlib.shake_256(seed).digest(64 + 48)
    order = int(
        "ffffffffffffffffffffffffffffffffffffffffffffffffc7634d81f4372ddf"
        "581a0db248b0a77aecec196accc52973",
        16,
    )
    scalar = int.from_bytes(expanded[64:], "big")
    assert 0 < scalar < order
    return hpke.MLKEM1024P384PrivateKey(
        mlkem.MLKEM1024PrivateKey.from_seed_bytes(expanded[:64]),
        ec.derive_private_key(scalar, ec.SECP384R1()),
    )


def recipient_key(kem: typing.Any, vector: Vector) -> typing.Any:
    secret = unhex(vector["skRm"])
    if kem in MLKEM_SEEDED:
        return MLKEM_SEEDED[kem].from_seed_bytes(secret)
    if kem in (hpke.KEM.MLKEM768_X25519, hpke.KEM.MLKEM1024_P384):
        return hybrid_private_key(kem, secret)
    return group_private_key(kem, secret)


def mode_arguments(vector: Vector, *, sender_side: bool) -> dict[str, typing.Any]:
    """The keyword arguments that select the vector's mode (0 base, 1 PSK, 2 Auth,
    3 AuthPSK)."""
    kem = KEMS[vector["kem_id"]]
    arguments: dict[str, typing.Any] = {}
    if vector["mode"] in (1, 3):
        arguments["psk"] = unhex(vector["psk"])
        arguments["psk_id"] = unhex(vector["psk_id"])
    if vector["mode"] in (2, 3):
        if sender_side:
            arguments["sender_key"] = group_private_key(kem, unhex(vector["skSm"]))
        else:
            arguments["sender_public_key"] = group_public_key(
                kem, unhex(vector["pkSm"])
            )
    return arguments


def check_vector(vector: Vector) -> None:
    suite = suite_of(vector)
    assert suite is not None
    kem = KEMS[vector["kem_id"]]
    private_key = recipient_key(kem, vector)
    public_key = private_key.public_key()
    info, enc = unhex(vector["info"]), unhex(vector["enc"])
    assert len(enc) == kem.enc_length()

    recipient = suite.recipient_context(
        enc, private_key, info, **mode_arguments(vector, sender_side=False)
    )
    for encryption in vector["encryptions"]:
        aad, ct = unhex(encryption["aad"]), unhex(encryption["ct"])
        assert recipient.open(ct, aad) == unhex(encryption["pt"])
    for export in vector["exports"]:
        exported = recipient.export(unhex(export["exporter_context"]), export["L"])
        assert exported == unhex(export["exported_value"])

    encryptions = vector["encryptions"]
    if vector["mode"] == 0 and encryptions:
        # The single-shot form is the encapsulated key then the first message.
        first = encryptions[0]
        assert rust_openssl.hpke._decrypt_with_aad(
            suite,
            enc + unhex(first["ct"]),
            private_key,
            info=info,
            aad=unhex(first["aad"]),
        ) == unhex(first["pt"])

    # The sender's side, opened by a recipient the vector has checked; both
    # export the same secrets.
    sender = suite.sender_context(
        public_key, info, **mode_arguments(vector, sender_side=True)
    )
    opener = suite.recipient_context(
        sender.encapsulated_key,
        private_key,
        info,
        **mode_arguments(vector, sender_side=False),
    )
    if encryptions:
        for message in (b"first", b"", b"third" * 100):
            assert opener.open(sender.seal(message, b"aad"), b"aad") == message
    for export in vector["exports"]:
        context, length = unhex(export["exporter_context"]), export["L"]
        assert sender.export(context, length) == opener.export(context, length)
        assert len(sender.export(context, length)) == length


RFC9180 = load("test-vectors.json")
HPKE_PQ = load("hpke-pq-test-vectors.json")


def vector_id(vector: Vector) -> str:
    return "mode{mode}-kem{kem_id:x}-kdf{kdf_id:x}-aead{aead_id:x}".format(**vector)


@pytest.mark.parametrize("vector", RFC9180, ids=vector_id)
def test_rfc9180_vectors(vector: Vector) -> None:
    check_vector(vector)


def test_rfc9180_vectors_are_all_offered() -> None:
    assert len(RFC9180) == 128
    assert all(suite_of(vector) is not None for vector in RFC9180)


PQ_OFFERED = [vector for vector in HPKE_PQ if suite_of(vector) is not None]


@pytest.mark.parametrize("vector", PQ_OFFERED, ids=vector_id)
def test_hpke_pq_vectors(vector: Vector) -> None:
    check_vector(vector)


def test_hpke_pq_vectors_offered() -> None:
    # Of draft-ietf-hpke-pq's 13: all but the TurboSHAKE KDFs (which OpenSSL does
    # not have) and MLKEM768-P256 (which pyca/cryptography's KEM does not name).
    assert len(HPKE_PQ) == 13
    left_out = {(v["kem_id"], v["kdf_id"]) for v in HPKE_PQ if suite_of(v) is None}
    assert left_out == {
        (0x50, 0x01),
        (0x50, 0x10),
        (0x20, 0x12),
        (0x21, 0x13),
        (0x42, 0x13),
    }
    assert len(PQ_OFFERED) == 8


X25519_SUITE = hpke.Suite(hpke.KEM.X25519, hpke.KDF.HKDF_SHA256, hpke.AEAD.AES_128_GCM)


def test_context_sequence() -> None:
    key = x25519.X25519PrivateKey.generate()
    sender = X25519_SUITE.sender_context(key.public_key(), b"info")
    assert len(sender.encapsulated_key) == hpke.KEM.X25519.enc_length() == 32
    recipient = X25519_SUITE.recipient_context(sender.encapsulated_key, key, b"info")
    first, second = sender.seal(b"one"), sender.seal(b"two")
    # Out of order: the second message does not open first, and the failure
    # leaves the sequence where it was.
    with pytest.raises(InvalidTag):
        recipient.open(second)
    assert recipient.open(first) == b"one"
    assert recipient.open(second) == b"two"
    # A replay is out of sequence.
    with pytest.raises(InvalidTag):
        recipient.open(second)
    # The base mode's context and the single-shot form agree.
    single = hpke.Suite(hpke.KEM.X25519, hpke.KDF.HKDF_SHA256, hpke.AEAD.AES_128_GCM)
    fresh = single.sender_context(key.public_key(), b"info")
    assert (
        single.decrypt(fresh.encapsulated_key + fresh.seal(b"m"), key, b"info") == b"m"
    )


def test_modes_must_match() -> None:
    key = x25519.X25519PrivateKey.generate()
    sender_key = x25519.X25519PrivateKey.generate()
    sender = X25519_SUITE.sender_context(
        key.public_key(), psk=b"p" * 32, psk_id=b"id", sender_key=sender_key
    )
    sealed = sender.seal(b"m")
    enc = sender.encapsulated_key
    mismatched: list[dict[str, typing.Any]] = [
        {},
        {"psk": b"p" * 32, "psk_id": b"id"},
        {"sender_public_key": sender_key.public_key()},
        {
            "psk": b"q" * 32,
            "psk_id": b"id",
            "sender_public_key": sender_key.public_key(),
        },
        {
            "psk": b"p" * 32,
            "psk_id": b"id",
            "sender_public_key": x25519.X25519PrivateKey.generate().public_key(),
        },
    ]
    for arguments in mismatched:
        with pytest.raises(InvalidTag):
            X25519_SUITE.recipient_context(enc, key, **arguments).open(sealed)
    opened = X25519_SUITE.recipient_context(
        enc, key, psk=b"p" * 32, psk_id=b"id", sender_public_key=sender_key.public_key()
    ).open(sealed)
    assert opened == b"m"


def test_psk_inputs() -> None:
    public = x25519.X25519PrivateKey.generate().public_key()
    inputs: list[tuple[bytes | None, bytes | None]] = [
        (b"p", None),
        (None, b"id"),
        (b"", b""),
    ]
    for psk, psk_id in inputs:
        with pytest.raises(ValueError, match="psk and psk_id"):
            X25519_SUITE.sender_context(public, psk=psk, psk_id=psk_id)


def test_auth_needs_a_dh_kem() -> None:
    suite = hpke.Suite(hpke.KEM.MLKEM768, hpke.KDF.HKDF_SHA256, hpke.AEAD.AES_128_GCM)
    key = mlkem.MLKEM768PrivateKey.generate()
    with pytest.raises(ValueError, match="no authenticated mode"):
        suite.sender_context(key.public_key(), sender_key=key)


def test_key_types() -> None:
    x_key = x25519.X25519PrivateKey.generate()
    p256 = ec.generate_private_key(ec.SECP256R1())
    p384 = ec.generate_private_key(ec.SECP384R1())
    with pytest.raises(TypeError):
        X25519_SUITE.sender_context(p256.public_key())
    with pytest.raises(TypeError):
        X25519_SUITE.sender_context(x_key.public_key(), sender_key=p256)
    with pytest.raises(TypeError):
        X25519_SUITE.recipient_context(b"\x00" * 32, p256)
    p256_suite = hpke.Suite(hpke.KEM.P256, hpke.KDF.HKDF_SHA256, hpke.AEAD.AES_128_GCM)
    with pytest.raises(TypeError):
        p256_suite.encrypt(b"m", p384.public_key())
    with pytest.raises(TypeError):
        p256_suite.sender_context(p256.public_key(), sender_key=x_key)
    x448_suite = hpke.Suite(hpke.KEM.X448, hpke.KDF.HKDF_SHA512, hpke.AEAD.AES_256_GCM)
    with pytest.raises(TypeError):
        x448_suite.encrypt(b"m", x_key.public_key())
    with pytest.raises(TypeError):
        hpke.MLKEM768X25519PrivateKey(
            mlkem.MLKEM1024PrivateKey.generate(),  # type: ignore[arg-type]
            x_key,
        )
    with pytest.raises(TypeError):
        hpke.MLKEM1024P384PublicKey(
            mlkem.MLKEM1024PrivateKey.generate().public_key(), p256.public_key()
        )


def test_invalid_encapsulated_key() -> None:
    key = ec.generate_private_key(ec.SECP256R1())
    suite = hpke.Suite(hpke.KEM.P256, hpke.KDF.HKDF_SHA256, hpke.AEAD.AES_128_GCM)
    for enc in (b"\x04" + b"\x01" * 64, b"\x04" * 10, b""):
        with pytest.raises(ValueError, match="encapsulated key"):
            suite.recipient_context(enc, key)
        # The single-shot form says only that the ciphertext did not open.
        with pytest.raises(InvalidTag):
            suite.decrypt(enc + b"\x00" * 16, key)


def test_export_limits() -> None:
    key = x25519.X25519PrivateKey.generate()
    sender = X25519_SUITE.sender_context(key.public_key())
    assert len(sender.export(b"", 255 * 32)) == 255 * 32
    with pytest.raises(ValueError, match="length"):
        sender.export(b"", 255 * 32 + 1)
    with pytest.raises(OverflowError):
        sender.export(b"", -1)
    shake = hpke.Suite(hpke.KEM.X25519, hpke.KDF.SHAKE256, hpke.AEAD.AES_128_GCM)
    one_stage = shake.sender_context(key.public_key())
    assert len(one_stage.export(b"", 65535)) == 65535
    with pytest.raises(ValueError, match="length"):
        one_stage.export(b"", 65536)


def test_export_only() -> None:
    suite = hpke.Suite(hpke.KEM.X25519, hpke.KDF.HKDF_SHA256, hpke.AEAD.EXPORT_ONLY)
    key = x25519.X25519PrivateKey.generate()
    sender = suite.sender_context(key.public_key())
    recipient = suite.recipient_context(sender.encapsulated_key, key)
    assert sender.export(b"ctx", 48) == recipient.export(b"ctx", 48)
    with pytest.raises(ValueError, match="export-only"):
        sender.seal(b"m")
    with pytest.raises(ValueError, match="export-only"):
        recipient.open(b"\x00" * 16)
    with pytest.raises(ValueError, match="export-only"):
        suite.encrypt(b"m", key.public_key())
    with pytest.raises(ValueError, match="export-only"):
        suite.decrypt(sender.encapsulated_key + b"\x00" * 16, key)


def test_one_stage_input_limit() -> None:
    suite = hpke.Suite(hpke.KEM.X25519, hpke.KDF.SHAKE128, hpke.AEAD.AES_128_GCM)
    public = x25519.X25519PrivateKey.generate().public_key()
    with pytest.raises(ValueError, match="65,535"):
        suite.sender_context(public, b"i" * 65536)
    with pytest.raises(ValueError, match="65,535"):
        suite.sender_context(public, psk=b"p" * 65536, psk_id=b"id")
    # The reference's message for the single-shot form.
    with pytest.raises(ValueError, match="info is too large"):
        suite.encrypt(b"m", public, info=b"i" * 65536)


def test_message_limit() -> None:
    # RFC 9180's MessageLimitReachedError (a ValueError): the contexts are moved
    # forward to their last sequence numbers rather than sealing 2^64 messages.
    assert issubclass(hpke.MessageLimitReachedError, ValueError)
    key = x25519.X25519PrivateKey.generate()
    sender = X25519_SUITE.sender_context(key.public_key())
    recipient = X25519_SUITE.recipient_context(sender.encapsulated_key, key)
    last = 2**64 - 2
    test_support.hpke_skip_to_sequence(sender, last)
    test_support.hpke_skip_to_sequence(recipient, last)
    # The last message has the base nonce XOR its sequence number, so the two sides
    # agree on it only if both count the same way.
    assert recipient.open(sender.seal(b"last"), None) == b"last"
    with pytest.raises(hpke.MessageLimitReachedError):
        sender.seal(b"one too many")
    with pytest.raises(hpke.MessageLimitReachedError):
        recipient.open(b"\x00" * 32)
    # The exporter has no limit.
    assert len(sender.export(b"", 16)) == 16
