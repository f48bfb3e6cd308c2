# This file is dual licensed under the terms of the Apache License, Version
# 2.0, and the BSD License. See the LICENSE file in the root of this repository
# for complete details.

"""ML-KEM against the FIPS 203 known answers of cryptography-vectors (keys from
seeds, encapsulation with the vectors' randomness, decapsulation including implicit
rejection) and Wycheproof's files (key generation, encapsulation with invalid keys,
decapsulation with bad ciphertexts); serialization as RFC 9935 writes it; errors."""

from __future__ import annotations

import copy
import dataclasses
import pathlib
import typing

import pytest

from cryptography.hazmat.bindings._rust import test_support
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import mlkem
from tests.der import octets, sequence, tlv
from tests.vectors import load_records, unhex, vector_path, wycheproof_groups


@dataclasses.dataclass(frozen=True)
class Variant:
    name: str
    private: typing.Any
    public: typing.Any
    public_len: int
    ciphertext_len: int
    oid_last: int


VARIANTS = [
    Variant("512", mlkem.MLKEM512PrivateKey, mlkem.MLKEM512PublicKey, 800, 768, 1),
    Variant("768", mlkem.MLKEM768PrivateKey, mlkem.MLKEM768PublicKey, 1184, 1088, 2),
    Variant("1024", mlkem.MLKEM1024PrivateKey, mlkem.MLKEM1024PublicKey, 1568, 1568, 3),
]
IDS = [f"ML-KEM-{v.name}" for v in VARIANTS]


@pytest.mark.parametrize("variant", VARIANTS, ids=IDS)
def test_fips203_known_answers(variant: Variant) -> None:
    records = load_records("asymmetric", "MLKEM", f"kat_MLKEM_{variant.name}.rsp")
    assert len(records) == 1000
    for record in records:
        seed = unhex(record["d"]) + unhex(record["z"])
        key = variant.private.from_seed_bytes(seed)
        assert key.private_bytes_raw() == seed
        public = key.public_key()
        assert public.public_bytes_raw() == unhex(record["pk"])
        # Encapsulation with the vector's randomness m gives its ciphertext and secret.
        secret, ciphertext = test_support.mlkem_encapsulate_with_entropy(
            public, unhex(record["msg"])
        )
        assert (secret, ciphertext) == (unhex(record["ss"]), unhex(record["ct"]))
        assert key.decapsulate(ciphertext) == unhex(record["ss"])
        # A ciphertext not made for the key: the implicit-rejection secret.
        assert key.decapsulate(unhex(record["ct_n"])) == unhex(record["ss_n"])


@pytest.mark.parametrize("variant", VARIANTS, ids=IDS)
def test_wycheproof_encapsulation(
    wycheproof_root: pathlib.Path, variant: Variant
) -> None:
    seen = 0
    for _, test in wycheproof_groups(
        wycheproof_root, f"mlkem_{variant.name}_encaps_test.json"
    ):
        seen += 1
        if test["result"] == "invalid":
            # Wrong lengths and keys whose coefficients are not reduced mod q.
            with pytest.raises(ValueError):
                variant.public.from_public_bytes(unhex(test["ek"]))
            continue
        public = variant.public.from_public_bytes(unhex(test["ek"]))
        secret, ciphertext = test_support.mlkem_encapsulate_with_entropy(
            public, unhex(test["m"])
        )
        assert (secret, ciphertext) == (unhex(test["K"]), unhex(test["c"]))
    assert seen > 100


@pytest.mark.parametrize("variant", VARIANTS, ids=IDS)
def test_wycheproof_decapsulation(
    wycheproof_root: pathlib.Path, variant: Variant
) -> None:
    seen = 0
    for _, test in wycheproof_groups(
        wycheproof_root, f"mlkem_{variant.name}_test.json"
    ):
        seen += 1
        seed, ciphertext = unhex(test["seed"]), unhex(test["c"])
        if test["result"] == "invalid":
            # A seed or a ciphertext of the wrong length.
            with pytest.raises(ValueError):
                variant.private.from_seed_bytes(seed).decapsulate(ciphertext)
            continue
        key = variant.private.from_seed_bytes(seed)
        assert key.public_key().public_bytes_raw() == unhex(test["ek"])
        assert key.decapsulate(ciphertext) == unhex(test["K"])
    assert seen > 100


def _pkcs8_with_both(variant: Variant, seed: bytes, expanded: bytes) -> bytes:
    oid = b"\x60\x86\x48\x01\x65\x03\x04\x04" + bytes([variant.oid_last])
    algorithm = sequence(tlv(0x06, oid))
    return sequence(
        b"\x02\x01\x00", algorithm, octets(sequence(octets(seed), octets(expanded)))
    )


@pytest.mark.parametrize("variant", VARIANTS, ids=IDS)
def test_wycheproof_key_generation(
    wycheproof_root: pathlib.Path, variant: Variant
) -> None:
    # The expanded key is not something the API gives out; a PKCS #8 file that
    # carries it beside the seed loads only when it is what the seed gives.
    seen = 0
    for _, test in wycheproof_groups(
        wycheproof_root, f"mlkem_{variant.name}_keygen_seed_test.json"
    ):
        seen += 1
        seed, expanded = unhex(test["seed"]), unhex(test["dk"])
        key = variant.private.from_seed_bytes(seed)
        assert key.public_key().public_bytes_raw() == unhex(test["ek"])
        loaded = serialization.load_der_private_key(
            _pkcs8_with_both(variant, seed, expanded), password=None
        )
        assert isinstance(loaded, variant.private)
        assert loaded.private_bytes_raw() == seed
        with pytest.raises(ValueError, match="does not match its seed"):
            serialization.load_der_private_key(
                _pkcs8_with_both(variant, bytes(64), expanded), password=None
            )
    assert seen > 0


def test_serialization_as_rfc_9935_writes_it() -> None:
    record = load_records("asymmetric", "MLKEM", "kat_MLKEM_768.rsp")[0]
    key = mlkem.MLKEM768PrivateKey.from_seed_bytes(
        unhex(record["d"]) + unhex(record["z"])
    )
    der = vector_path("asymmetric", "MLKEM", "mlkem768.der").read_bytes()
    pem = vector_path("asymmetric", "MLKEM", "mlkem768.pem").read_bytes()
    none = serialization.NoEncryption()
    pkcs8 = serialization.PrivateFormat.PKCS8
    assert key.private_bytes(serialization.Encoding.DER, pkcs8, none) == der
    assert key.private_bytes(serialization.Encoding.PEM, pkcs8, none) == pem
    # The seed form: [0] IMPLICIT OCTET STRING of 64 bytes.
    assert der[-66:-64] == b"\x80\x40"
    loaded = serialization.load_pem_private_key(pem, password=None)
    assert isinstance(loaded, mlkem.MLKEM768PrivateKey)
    public = key.public_key()
    spki = public.public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    assert spki.endswith(public.public_bytes_raw())
    assert serialization.load_der_public_key(spki) == public


@pytest.mark.parametrize("variant", VARIANTS, ids=IDS)
def test_keys_and_errors(variant: Variant) -> None:
    key = variant.private.generate()
    public = key.public_key()
    secret, ciphertext = public.encapsulate()
    assert len(secret) == 32
    assert len(ciphertext) == variant.ciphertext_len
    assert key.decapsulate(ciphertext) == secret
    with pytest.raises(
        ValueError, match=f"An ML-KEM-{variant.name} seed is 64 bytes long"
    ):
        variant.private.from_seed_bytes(b"\x00" * 32)
    with pytest.raises(
        ValueError,
        match=f"An ML-KEM-{variant.name} public key is {variant.public_len} bytes long",
    ):
        variant.public.from_public_bytes(b"\x00" * 10)
    with pytest.raises(ValueError, match=f"Invalid ML-KEM-{variant.name} ciphertext"):
        key.decapsulate(ciphertext[:-1])
    with pytest.raises(TypeError):
        variant.private.from_seed_bytes(typing.cast(typing.Any, object()))
    with pytest.raises(ValueError):
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.TraditionalOpenSSL,
            serialization.NoEncryption(),
        )
    with pytest.raises(ValueError):
        public.public_bytes(
            serialization.Encoding.OpenSSH, serialization.PublicFormat.OpenSSH
        )
    der = key.private_bytes(
        serialization.Encoding.DER,
        serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(b"pw"),
    )
    loaded = serialization.load_der_private_key(der, password=b"pw")
    assert isinstance(loaded, variant.private)
    assert loaded.private_bytes_raw() == key.private_bytes_raw()
    assert copy.copy(key) is key
    assert copy.deepcopy(public) is public
    assert public == variant.public.from_public_bytes(public.public_bytes_raw())
    assert public != variant.private.generate().public_key()
    with pytest.raises(TypeError):
        test_support.mlkem_encapsulate_with_entropy(key, b"\x00" * 32)
    with pytest.raises(ValueError):
        test_support.mlkem_encapsulate_with_entropy(public, b"\x00" * 31)
