# This file is dual licensed under the terms of the Apache License, Version
# 2.0, and the BSD License. See the LICENSE file in the root of this repository
# for complete details.

"""ML-DSA against the FIPS 204 known answers of cryptography-vectors (keys from seeds,
signatures of the deterministic variant verified, mu recomputed) and Wycheproof's
files (signatures, mu, PKCS #8 and invalid keys and signatures); serialization as
RFC 9881 writes it; every error."""

from __future__ import annotations

import copy
import dataclasses
import pathlib
import typing

import pytest

from cryptography.exceptions import AlreadyFinalized, InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ed25519, mldsa
from tests.der import octets, sequence, tlv
from tests.vectors import load_records, unhex, vector_path, wycheproof_groups


@dataclasses.dataclass(frozen=True)
class Variant:
    name: str
    private: typing.Any
    public: typing.Any
    public_len: int
    signature_len: int


VARIANTS = [
    Variant("44", mldsa.MLDSA44PrivateKey, mldsa.MLDSA44PublicKey, 1312, 2420),
    Variant("65", mldsa.MLDSA65PrivateKey, mldsa.MLDSA65PublicKey, 1952, 3309),
    Variant("87", mldsa.MLDSA87PrivateKey, mldsa.MLDSA87PublicKey, 2592, 4627),
]
BY_NAME = {variant.name: variant for variant in VARIANTS}


@pytest.mark.parametrize("variant", VARIANTS, ids=lambda v: f"ML-DSA-{v.name}")
def test_fips204_known_answers(variant: Variant) -> None:
    records = load_records(
        "asymmetric", "MLDSA", f"kat_MLDSA_{variant.name}_det_pure.rsp"
    )
    assert len(records) == 100
    for record in records:
        xi, pk, msg, ctx = (unhex(record[k]) for k in ("xi", "pk", "msg", "ctx"))
        signature = unhex(record["sm"])[: variant.signature_len]
        key = variant.private.from_seed_bytes(xi)
        assert key.private_bytes_raw() == xi
        assert key.public_key().public_bytes_raw() == pk
        public = variant.public.from_public_bytes(pk)
        public.verify(signature, msg, ctx)
        # The deterministic signature is of the mu of (pk, ctx, msg).
        hasher = mldsa.MLDSAMuHasher(public, ctx)
        hasher.update(msg)
        public.verify_mu(signature, hasher.finalize())
        with pytest.raises(InvalidSignature):
            public.verify(signature, msg + b"\x00", ctx)


def _wycheproof(root: pathlib.Path, name: str) -> typing.Iterator[tuple[dict, dict]]:
    return wycheproof_groups(root, name)


@pytest.mark.parametrize("variant", VARIANTS, ids=lambda v: f"ML-DSA-{v.name}")
def test_wycheproof_verify(wycheproof_root: pathlib.Path, variant: Variant) -> None:
    seen = 0
    for group, test in _wycheproof(
        wycheproof_root, f"mldsa_{variant.name}_verify_test.json"
    ):
        seen += 1
        ctx = unhex(test.get("ctx", ""))
        try:
            public = variant.public.from_public_bytes(unhex(group["publicKey"]))
        except ValueError:
            assert test["result"] == "invalid"
            continue
        if test["result"] == "valid":
            public.verify(unhex(test["sig"]), unhex(test["msg"]), ctx)
        else:
            with pytest.raises((InvalidSignature, ValueError)):
                public.verify(unhex(test["sig"]), unhex(test["msg"]), ctx)
    assert seen > 50


@pytest.mark.parametrize("variant", VARIANTS, ids=lambda v: f"ML-DSA-{v.name}")
def test_wycheproof_sign_from_seed(
    wycheproof_root: pathlib.Path, variant: Variant
) -> None:
    seen = 0
    for group, test in _wycheproof(
        wycheproof_root, f"mldsa_{variant.name}_sign_seed_test.json"
    ):
        seen += 1
        seed = unhex(group["privateSeed"])
        if "IncorrectPrivateKeyLength" in test["flags"]:
            with pytest.raises(ValueError, match="seed is 32 bytes long"):
                variant.private.from_seed_bytes(seed)
            continue
        key = variant.private.from_seed_bytes(seed)
        public = key.public_key()
        assert public.public_bytes_raw() == unhex(group["publicKey"])
        if "privateKeyPkcs8" in group:
            loaded = serialization.load_der_private_key(
                unhex(group["privateKeyPkcs8"]), password=None
            )
            assert isinstance(loaded, variant.private)
            assert loaded.private_bytes_raw() == key.private_bytes_raw()
        ctx = unhex(test.get("ctx", ""))
        if test["result"] == "invalid":
            # A context over 255 bytes.
            assert len(ctx) > 255
            with pytest.raises(ValueError, match="Context must be at most 255 bytes"):
                key.sign(unhex(test.get("msg", "")), ctx)
            continue
        signature = unhex(test["sig"])
        mu = unhex(test["mu"])
        public.verify_mu(signature, mu)
        if "msg" in test:
            hasher = mldsa.MLDSAMuHasher(public, ctx)
            hasher.update(unhex(test["msg"]))
            assert hasher.finalize() == mu
            public.verify(signature, unhex(test["msg"]), ctx)
            # Our own (hedged) signature verifies too.
            public.verify(key.sign(unhex(test["msg"]), ctx), unhex(test["msg"]), ctx)
        public.verify_mu(key.sign_mu(mu), mu)
    assert seen > 50


def test_serialization_as_rfc_9881_writes_it() -> None:
    der = vector_path("asymmetric", "MLDSA", "mldsa44_priv.der").read_bytes()
    key = serialization.load_der_private_key(der, password=None)
    assert isinstance(key, mldsa.MLDSA44PrivateKey)
    # The seed form: [0] IMPLICIT OCTET STRING inside the privateKey OCTET STRING.
    assert der[-34:-32] == b"\x80\x20"
    assert key.private_bytes_raw() == der[-32:]
    assert (
        key.private_bytes(
            serialization.Encoding.DER,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        == der
    )
    public_der = vector_path("asymmetric", "MLDSA", "mldsa44_pub.der").read_bytes()
    public = serialization.load_der_public_key(public_der)
    assert public == key.public_key()
    assert (
        public.public_bytes(
            serialization.Encoding.DER,
            serialization.PublicFormat.SubjectPublicKeyInfo,
        )
        == public_der
    )
    pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(b"password"),
    )
    again = serialization.load_pem_private_key(pem, password=b"password")
    assert isinstance(again, mldsa.MLDSA44PrivateKey)
    assert again.private_bytes_raw() == key.private_bytes_raw()


def test_keys_without_their_seed_are_refused() -> None:
    der = vector_path("asymmetric", "MLDSA", "mldsa65_noseed_priv.der").read_bytes()
    with pytest.raises(ValueError, match="without their seed"):
        serialization.load_der_private_key(der, password=None)


def _pkcs8_with_both(seed: bytes, expanded: bytes) -> bytes:
    both = sequence(octets(seed), octets(expanded))
    algorithm = sequence(tlv(0x06, b"\x60\x86\x48\x01\x65\x03\x04\x03\x11"))
    return sequence(b"\x02\x01\x00", algorithm, octets(both))


def test_seed_and_expanded_key_must_agree(wycheproof_root: pathlib.Path) -> None:
    # The noseed file's expanded key, with a seed that does not give it.
    for group, _ in _wycheproof(wycheproof_root, "mldsa_44_sign_noseed_test.json"):
        expanded = unhex(group["privateKey"])
        break
    with pytest.raises(ValueError, match="does not match its seed"):
        serialization.load_der_private_key(
            _pkcs8_with_both(b"\x01" * 32, expanded), password=None
        )


@pytest.mark.parametrize("variant", VARIANTS, ids=lambda v: f"ML-DSA-{v.name}")
def test_errors(variant: Variant) -> None:
    key = variant.private.generate()
    public = key.public_key()
    with pytest.raises(
        ValueError, match=f"An ML-DSA-{variant.name} seed is 32 bytes long"
    ):
        variant.private.from_seed_bytes(b"\x00" * 31)
    with pytest.raises(
        ValueError,
        match=f"An ML-DSA-{variant.name} public key is {variant.public_len} bytes long",
    ):
        variant.public.from_public_bytes(b"\x00" * (variant.public_len - 1))
    with pytest.raises(ValueError, match="Context must be at most 255 bytes"):
        key.sign(b"m", b"\x00" * 256)
    with pytest.raises(ValueError, match="Context must be at most 255 bytes"):
        public.verify(b"\x00" * variant.signature_len, b"m", b"\x00" * 256)
    with pytest.raises(ValueError, match="mu must be 64 bytes"):
        key.sign_mu(b"\x00" * 63)
    with pytest.raises(ValueError, match="mu must be 64 bytes"):
        public.verify_mu(b"\x00" * variant.signature_len, b"\x00" * 65)
    with pytest.raises(InvalidSignature):
        public.verify(b"\x00" * variant.signature_len, b"m")
    with pytest.raises(InvalidSignature):
        public.verify(key.sign(b"m", b"a"), b"m", b"b")
    # An empty context is no context.
    public.verify(key.sign(b"m", b""), b"m")
    with pytest.raises(ValueError):
        key.private_bytes(
            serialization.Encoding.DER,
            serialization.PrivateFormat.TraditionalOpenSSL,
            serialization.NoEncryption(),
        )
    with pytest.raises(ValueError):
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.OpenSSH,
            serialization.NoEncryption(),
        )
    with pytest.raises(ValueError):
        public.public_bytes(
            serialization.Encoding.DER, serialization.PublicFormat.PKCS1
        )
    assert copy.copy(key) is key
    assert copy.deepcopy(public) is public
    assert public == variant.public.from_public_bytes(public.public_bytes_raw())
    assert public != variant.private.generate().public_key()


def test_mu_hasher() -> None:
    key = mldsa.MLDSA65PrivateKey.generate()
    hasher = mldsa.MLDSAMuHasher(key.public_key(), b"ctx")
    hasher.update(b"abc")
    fork = hasher.copy()
    fork.update(b"def")
    mu = hasher.finalize()
    key.public_key().verify(key.sign_mu(mu), b"abc", b"ctx")
    key.public_key().verify(key.sign_mu(fork.finalize()), b"abcdef", b"ctx")
    for call in (lambda: hasher.update(b"x"), hasher.finalize, hasher.copy):
        with pytest.raises(AlreadyFinalized):
            call()
    with pytest.raises(TypeError, match="public_key must be an ML-DSA public key."):
        mldsa.MLDSAMuHasher(typing.cast(typing.Any, key))
    with pytest.raises(TypeError):
        mldsa.MLDSAMuHasher(
            typing.cast(typing.Any, ed25519.Ed25519PrivateKey.generate().public_key())
        )
    with pytest.raises(ValueError, match="Context must be at most 255 bytes"):
        mldsa.MLDSAMuHasher(key.public_key(), b"\x00" * 256)


def test_loaders_give_each_parameter_set_its_class() -> None:
    for variant in VARIANTS:
        key = variant.private.generate()
        der = key.private_bytes(
            serialization.Encoding.DER,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        loaded = serialization.load_der_private_key(der, password=None)
        assert isinstance(loaded, variant.private)
        public_pem = key.public_key().public_bytes(
            serialization.Encoding.PEM,
            serialization.PublicFormat.SubjectPublicKeyInfo,
        )
        assert isinstance(serialization.load_pem_public_key(public_pem), variant.public)
    assert BY_NAME["65"].public_len == 1952
