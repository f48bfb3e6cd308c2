"""Wycheproof's RSA, DSA, ECDSA, ECDH, EdDSA and XDH files. A "valid" case must succeed with
the expected result, an "invalid" one must fail, an "acceptable" one may do either;
every file's cases are counted so that a reader that skips silently fails."""

from __future__ import annotations

import functools
import pathlib
import typing

import pytest

from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import (
    dsa,
    ec,
    ed448,
    ed25519,
    padding,
    rsa,
    utils,
    x448,
    x25519,
)
from tests.vectors import wycheproof_groups


def _hash(name: str) -> hashes.HashAlgorithm:
    return {
        "SHA-1": hashes.SHA1(),
        "SHA-224": hashes.SHA224(),
        "SHA-256": hashes.SHA256(),
        "SHA-384": hashes.SHA384(),
        "SHA-512": hashes.SHA512(),
        "SHA-512/224": hashes.SHA512_224(),
        "SHA-512/256": hashes.SHA512_256(),
        "SHA3-224": hashes.SHA3_224(),
        "SHA3-256": hashes.SHA3_256(),
        "SHA3-384": hashes.SHA3_384(),
        "SHA3-512": hashes.SHA3_512(),
        # Wycheproof's ECDSA files use SHAKE128 with 256 and SHAKE256 with 512 output
        # bits (FIPS 186-5).
        "SHAKE128": hashes.SHAKE128(32),
        "SHAKE256": hashes.SHAKE256(64),
    }[name]


def _files(root: pathlib.Path, prefix: str, exclude: tuple[str, ...] = ()) -> list[str]:
    return sorted(
        path.name
        for path in root.glob(f"{prefix}*_test.json")
        if not any(part in path.name for part in exclude)
    )


def _outcome(
    test: dict[str, typing.Any],
    action: typing.Callable[..., object],
    args: tuple[typing.Any, ...],
    errors: typing.Any,
) -> bool:
    """Runs `action(*args)`; checks it against the test's result. Returns whether it
    succeeded."""
    if test["result"] == "valid":
        action(*args)
        return True
    if test["result"] == "invalid":
        with pytest.raises(errors):
            action(*args)
        return False
    try:
        action(*args)
    except errors:
        return False
    return True


@functools.cache
def _private_key(der_hex: str) -> typing.Any:
    """A group's private key, loaded (and validated) once: RSA validation is the costly
    part of these files, and each group shares one key."""
    return serialization.load_der_private_key(bytes.fromhex(der_hex), None)


def _counted(counts: dict[str, int], ok: bool) -> None:
    counts["ok" if ok else "refused"] += 1


def test_rsa_pkcs1_signatures(wycheproof_root):
    names = _files(wycheproof_root, "rsa_signature_")
    assert len(names) >= 20
    for name in names:
        counts = {"ok": 0, "refused": 0}
        for group, test in wycheproof_groups(wycheproof_root, name):
            key = serialization.load_der_public_key(
                bytes.fromhex(group["publicKeyDer"])
            )
            assert isinstance(key, rsa.RSAPublicKey)
            algorithm = _hash(group["sha"])
            args = (
                bytes.fromhex(test["sig"]),
                bytes.fromhex(test["msg"]),
                padding.PKCS1v15(),
                algorithm,
            )
            ok = _outcome(test, key.verify, args, InvalidSignature)
            _counted(counts, ok)
        assert counts["ok"] and counts["refused"], name


def test_rsa_pkcs1_signature_generation(wycheproof_root):
    names = _files(wycheproof_root, "rsa_pkcs1_", exclude=("_test.json_",))
    names = [name for name in names if "sig_gen" in name]
    assert len(names) == 5
    for name in names:
        signed = 0
        for group, test in wycheproof_groups(wycheproof_root, name):
            key = _private_key(group["privateKeyPkcs8"])
            assert isinstance(key, rsa.RSAPrivateKey)
            signature = key.sign(
                bytes.fromhex(test["msg"]), padding.PKCS1v15(), _hash(group["sha"])
            )
            assert signature == bytes.fromhex(test["sig"])
            signed += 1
        assert signed > 20


def test_rsa_pss(wycheproof_root):
    names = _files(wycheproof_root, "rsa_pss_")
    assert len(names) >= 25
    checked = 0
    for name in names:
        for group, test in wycheproof_groups(wycheproof_root, name):
            key = serialization.load_der_public_key(
                bytes.fromhex(group["publicKeyDer"])
            )
            assert isinstance(key, rsa.RSAPublicKey)
            if group["mgf"] != "MGF1":
                # PSS with SHAKE as the mask function (RFC 8702) has no padding object.
                continue
            algorithm = _hash(group["sha"])
            pss = padding.PSS(padding.MGF1(_hash(group["mgfSha"])), group["sLen"])
            args = (
                bytes.fromhex(test["sig"]),
                bytes.fromhex(test["msg"]),
                pss,
                algorithm,
            )
            _outcome(test, key.verify, args, InvalidSignature)
            checked += 1
    assert checked > 2000


OAEP_HASHES = {"SHA-1", "SHA-224", "SHA-256", "SHA-384", "SHA-512"}


def test_rsa_oaep(wycheproof_root):
    names = _files(wycheproof_root, "rsa_oaep_")
    assert len(names) >= 20
    decrypted = refused = 0
    for name in names:
        for group, test in wycheproof_groups(wycheproof_root, name):
            key = _private_key(group["privateKeyPkcs8"])
            assert isinstance(key, rsa.RSAPrivateKey)
            oaep = padding.OAEP(
                padding.MGF1(_hash(group["mgfSha"])),
                _hash(group["sha"]),
                bytes.fromhex(test["label"]) or None,
            )
            ciphertext = bytes.fromhex(test["ct"])
            if not {group["sha"], group["mgfSha"]} <= OAEP_HASHES:
                with pytest.raises(UnsupportedAlgorithm):
                    key.decrypt(ciphertext, oaep)
                continue
            if test["result"] == "invalid":
                with pytest.raises(ValueError):
                    key.decrypt(ciphertext, oaep)
                refused += 1
                continue
            # Acceptable: ciphertexts that are small integers decrypt all the same.
            assert key.decrypt(ciphertext, oaep) == bytes.fromhex(test["msg"])
            decrypted += 1
    assert decrypted > 600 and refused > 300


def test_rsa_three_prime_keys_are_refused(wycheproof_root):
    for name in _files(wycheproof_root, "rsa_three_primes_"):
        for group, _test in wycheproof_groups(wycheproof_root, name):
            with pytest.raises(ValueError, match="Invalid key"):
                serialization.load_der_private_key(
                    bytes.fromhex(group["privateKeyPkcs8"]), None
                )
            break


def test_rsa_pkcs1_decryption(wycheproof_root):
    names = [n for n in _files(wycheproof_root, "rsa_pkcs1_") if "sig_gen" not in n]
    assert len(names) == 3
    for name in names:
        valid = invalid = 0
        for group, test in wycheproof_groups(wycheproof_root, name):
            key = _private_key(group["privateKeyPkcs8"])
            assert isinstance(key, rsa.RSAPrivateKey)
            ciphertext = bytes.fromhex(test["ct"])
            if test["result"] == "valid":
                assert key.decrypt(ciphertext, padding.PKCS1v15()) == bytes.fromhex(
                    test["msg"]
                )
                valid += 1
                continue
            # Implicit rejection: an invalid ciphertext of the right length decrypts to
            # a pseudo-random message (the same on every attempt) rather than raising.
            # A ciphertext of the wrong length, or not below the modulus, is refused.
            try:
                first = key.decrypt(ciphertext, padding.PKCS1v15())
            except ValueError:
                assert (
                    len(ciphertext) != key.key_size // 8 or "c = n" in test["comment"]
                )
            else:
                assert first == key.decrypt(ciphertext, padding.PKCS1v15())
            invalid += 1
        assert valid and invalid, name


def _p1363_to_der(signature: bytes, order_bits: int) -> bytes:
    """An IEEE P1363 signature (r || s at the group order's length) in DER, through the
    utilities; a signature of any other length cannot verify."""
    size = (order_bits + 7) // 8
    if len(signature) != 2 * size:
        return b""
    r = int.from_bytes(signature[:size], "big")
    s = int.from_bytes(signature[size:], "big")
    return utils.encode_dss_signature(r, s)


def test_dsa(wycheproof_root):
    names = _files(wycheproof_root, "dsa_")
    assert len(names) == 8
    checked = 0
    for name in names:
        counts = {"ok": 0, "refused": 0}
        for group, test in wycheproof_groups(wycheproof_root, name):
            key = serialization.load_der_public_key(
                bytes.fromhex(group["publicKeyDer"])
            )
            assert isinstance(key, dsa.DSAPublicKey)
            assert key.public_numbers().y == int(group["publicKey"]["y"], 16)
            signature = bytes.fromhex(test["sig"])
            if "p1363" in name:
                q = key.parameters().parameter_numbers().q
                signature = _p1363_to_der(signature, q.bit_length())
            args = (signature, bytes.fromhex(test["msg"]), _hash(group["sha"]))
            _counted(counts, _outcome(test, key.verify, args, InvalidSignature))
            checked += 1
        assert counts["ok"] and counts["refused"], name
    assert checked == 1956


def test_ecdsa(wycheproof_root):
    names = _files(wycheproof_root, "ecdsa_", exclude=("bitcoin", "webcrypto"))
    assert len(names) >= 70
    checked = skipped_files = 0
    for name in names:
        p1363 = "p1363" in name
        counts = {"ok": 0, "refused": 0}
        for group, test in wycheproof_groups(wycheproof_root, name):
            try:
                key = serialization.load_der_public_key(
                    bytes.fromhex(group["publicKeyDer"])
                )
            except UnsupportedAlgorithm:
                # secp160k1, brainpoolP224r1, ... are not curves of this API.
                skipped_files += 1
                break
            assert isinstance(key, ec.EllipticCurvePublicKey)
            algorithm = _hash(group["sha"])
            signature = bytes.fromhex(test["sig"])
            if p1363:
                signature = _p1363_to_der(signature, key.curve.key_size)
            args = (signature, bytes.fromhex(test["msg"]), ec.ECDSA(algorithm))
            ok = _outcome(test, key.verify, args, InvalidSignature)
            _counted(counts, ok)
            checked += 1
    assert checked > 20000
    # brainpoolP224r1/P320r1, secp160k1/r1/r2, secp192k1 and secp224k1.
    assert skipped_files == 18


def _ecdh_public(group: dict[str, typing.Any], test: dict[str, typing.Any], name: str):
    if "ecpoint" in name:
        curve = ec._CURVE_TYPES[group["curve"]]
        return ec.EllipticCurvePublicKey.from_encoded_point(
            curve, bytes.fromhex(test["public"])
        )
    if "pem" in name:
        return serialization.load_pem_public_key(test["public"].encode())
    return serialization.load_der_public_key(bytes.fromhex(test["public"]))


def _ecdh_private(group: dict[str, typing.Any], test: dict[str, typing.Any], name: str):
    if "pem" in name:
        return serialization.load_pem_private_key(test["private"].encode(), None)
    curve = ec._CURVE_TYPES[group["curve"]]
    return ec.derive_private_key(int(test["private"], 16), curve)


def _ecdh_exchange(
    group: dict[str, typing.Any], test: dict[str, typing.Any], name: str
) -> bytes:
    public = _ecdh_public(group, test, name)
    private = _ecdh_private(group, test, name)
    assert isinstance(private, ec.EllipticCurvePrivateKey)
    return private.exchange(ec.ECDH(), public)


def test_ecdh(wycheproof_root):
    names = _files(
        wycheproof_root,
        "ecdh_",
        exclude=("webcrypto", "sect", "brainpoolP224", "brainpoolP320"),
    )
    assert len(names) >= 15
    agreed = refused = 0
    for name in names:
        for group, test in wycheproof_groups(wycheproof_root, name):
            exchange = functools.partial(_ecdh_exchange, group, test, name)

            if test["result"] == "invalid":
                with pytest.raises((ValueError, UnsupportedAlgorithm, TypeError)):
                    exchange()
                refused += 1
                continue
            try:
                shared = exchange()
            except (ValueError, UnsupportedAlgorithm):
                # Acceptable cases: compressed points in SPKI, unnamed curves, ...
                assert test["result"] == "acceptable", (name, test["tcId"])
                refused += 1
                continue
            assert shared == bytes.fromhex(test["shared"]), (name, test["tcId"])
            agreed += 1
    assert agreed > 3000 and refused > 500


@pytest.mark.parametrize(
    ("name", "public_cls"),
    [
        ("ed25519_test.json", ed25519.Ed25519PublicKey),
        ("ed448_test.json", ed448.Ed448PublicKey),
    ],
)
def test_eddsa(wycheproof_root, name, public_cls):
    counts = {"ok": 0, "refused": 0}
    for group, test in wycheproof_groups(wycheproof_root, name):
        key = serialization.load_der_public_key(bytes.fromhex(group["publicKeyDer"]))
        assert isinstance(key, public_cls)
        args = (bytes.fromhex(test["sig"]), bytes.fromhex(test["msg"]))
        ok = _outcome(test, key.verify, args, InvalidSignature)
        _counted(counts, ok)
    assert counts["ok"] >= 17 and counts["refused"] >= 60


XDH: dict[str, tuple[typing.Any, typing.Any]] = {
    "x25519": (x25519.X25519PrivateKey, x25519.X25519PublicKey),
    "x448": (x448.X448PrivateKey, x448.X448PublicKey),
}


def _xdh_exchange(algorithm: str, form: str, test: dict[str, typing.Any]) -> bytes:
    private_cls, public_cls = XDH[algorithm]
    private: typing.Any
    public: typing.Any
    if form == "raw":
        private = private_cls.from_private_bytes(bytes.fromhex(test["private"]))
        public = public_cls.from_public_bytes(bytes.fromhex(test["public"]))
    elif form == "asn":
        private = serialization.load_der_private_key(
            bytes.fromhex(test["private"]), None
        )
        public = serialization.load_der_public_key(bytes.fromhex(test["public"]))
    else:
        private = serialization.load_pem_private_key(test["private"].encode(), None)
        public = serialization.load_pem_public_key(test["public"].encode())
    assert isinstance(private, private_cls)
    return private.exchange(public)


@pytest.mark.parametrize("algorithm", sorted(XDH))
@pytest.mark.parametrize("form", ["raw", "asn", "pem"])
def test_xdh(wycheproof_root, algorithm, form):
    private_cls, public_cls = XDH[algorithm]
    name = (
        f"{algorithm}_test.json" if form == "raw" else f"{algorithm}_{form}_test.json"
    )
    agreed = refused = 0
    for _group, test in wycheproof_groups(wycheproof_root, name):
        exchange = functools.partial(_xdh_exchange, algorithm, form, test)

        if test["result"] == "invalid":
            with pytest.raises((ValueError, UnsupportedAlgorithm, TypeError)):
                exchange()
            refused += 1
            continue
        try:
            shared = exchange()
        except ValueError:
            # Acceptable: the all-zero secret of a low-order peer key is refused.
            assert test["result"] == "acceptable"
            assert set(bytes.fromhex(test["shared"])) == {0}
            refused += 1
            continue
        assert shared == bytes.fromhex(test["shared"])
        agreed += 1
    assert agreed > 200
