"""Elliptic curves against published vectors (NIST CAVS FIPS 186-3 KeyPair, PKV, SigGen
and SigVer; the secp256k1 SigGen vectors; RFC 6979 deterministic ECDSA; NIST KAS ECC
CDH primitive tests; RFC 7027 brainpool ECDH), and every error path of the API."""

from __future__ import annotations

import copy
import functools
import pickle
import re

import pytest

from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm, _Reasons
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa, utils
from tests.vectors import NIST_HASHES, Record, load_records, unhex, vector_path

NIST_CURVES: dict[str, ec.EllipticCurve] = {
    "P-192": ec.SECP192R1(),
    "P-224": ec.SECP224R1(),
    "P-256": ec.SECP256R1(),
    "P-384": ec.SECP384R1(),
    "P-521": ec.SECP521R1(),
    "K-256": ec.SECP256K1(),
}

KAS_CURVES = {"EA": "P-192", "EB": "P-224", "EC": "P-256", "ED": "P-384", "EE": "P-521"}


def curve_and_hash(
    record: Record,
) -> tuple[ec.EllipticCurve, hashes.HashAlgorithm] | None:
    """The curve and hash of a `[P-256,SHA-256]` section, or None for binary curves."""
    curve_name, _, hash_name = record["section"].upper().partition(",")
    if curve_name not in NIST_CURVES:
        return None
    return NIST_CURVES[curve_name], NIST_HASHES[hash_name]


def sectioned_records(*parts: str) -> list[tuple[str, Record]]:
    """Records of a CAVS file with the last curve header (`[P-256]`) or parameter-set
    header (`[EA - SHA1]`) above them; other headers do not replace it."""
    out = []
    header = ""
    current: Record = {}
    for raw in vector_path(*parts).read_text().splitlines():
        line = raw.strip()
        if line.startswith("["):
            name = line.strip("[]")
            if re.match(r"[PKB]-\d+", name) or name.split()[0] in KAS_CURVES:
                header = name
            continue
        if not line or line.startswith("#"):
            if current:
                out.append((header, current))
                current = {}
            continue
        key, _, value = line.partition("=")
        current[key.strip().lower()] = value.strip()
    if current:
        out.append((header, current))
    return out


def public_numbers(
    record: Record, curve: ec.EllipticCurve
) -> ec.EllipticCurvePublicNumbers:
    return ec.EllipticCurvePublicNumbers(
        int(record["qx"], 16), int(record["qy"], 16), curve
    )


def test_fips_186_3_keypair():
    count = 0
    for section, record in sectioned_records(
        "asymmetric", "ECDSA", "FIPS_186-3", "KeyPair.rsp"
    ):
        curve = NIST_CURVES.get(section.split("]")[0])
        if curve is None or "d" not in record:
            continue
        key = ec.derive_private_key(int(record["d"], 16), curve)
        assert key.public_key().public_numbers() == public_numbers(record, curve)
        count += 1
    assert count == 50


def test_fips_186_3_public_key_validation():
    passed = failed = 0
    for section, record in sectioned_records(
        "asymmetric", "ECDSA", "FIPS_186-3", "PKV.rsp"
    ):
        curve = NIST_CURVES.get(section)
        if curve is None or "qx" not in record:
            continue
        numbers = public_numbers(record, curve)
        if record["result"].startswith("P"):
            numbers.public_key()
            passed += 1
        else:
            with pytest.raises(ValueError):
                numbers.public_key()
            failed += 1
    assert passed > 10 and failed > 20


def _signature(record: Record) -> bytes:
    return utils.encode_dss_signature(int(record["r"], 16), int(record["s"], 16))


@pytest.mark.parametrize(
    "parts",
    [
        ("ECDSA", "FIPS_186-3", "SigGen.txt"),
        ("ECDSA", "SECP256K1", "SigGen.txt"),
    ],
)
def test_siggen_vectors(parts):
    count = 0
    for record in load_records("asymmetric", *parts):
        found = curve_and_hash(record)
        if found is None:
            continue
        curve, algorithm = found
        private = ec.derive_private_key(int(record["d"], 16), curve)
        public = private.public_key()
        assert public.public_numbers() == public_numbers(record, curve)
        message = unhex(record["msg"])
        public.verify(_signature(record), message, ec.ECDSA(algorithm))
        with pytest.raises(InvalidSignature):
            public.verify(_signature(record), message + b"\0", ec.ECDSA(algorithm))
        # The key signs messages of its own that verify.
        public.verify(
            private.sign(message, ec.ECDSA(algorithm)), message, ec.ECDSA(algorithm)
        )
        count += 1
    assert count >= 60


def test_fips_186_3_sigver():
    passed = failed = 0
    for record in load_records("asymmetric", "ECDSA", "FIPS_186-3", "SigVer.rsp"):
        found = curve_and_hash(record)
        if found is None:
            continue
        curve, algorithm = found
        public = public_numbers(record, curve).public_key()
        args = (_signature(record), unhex(record["msg"]), ec.ECDSA(algorithm))
        if record["result"].startswith("P"):
            public.verify(*args)
            passed += 1
        else:
            with pytest.raises(InvalidSignature):
                public.verify(*args)
            failed += 1
    assert passed > 30 and failed > 60


def rfc6979_entries() -> list[dict[str, str]]:
    """Blocks of OpenSSL's evp test file: `Name = value` lines and PEM keys."""
    entries: list[dict[str, str]] = []
    current: dict[str, str] = {}
    pem_name = ""
    path = vector_path("asymmetric", "ECDSA", "RFC6979", "evppkey_ecdsa_rfc6979.txt")
    for raw in path.read_text().splitlines():
        line = raw.strip()
        if line.startswith("#"):
            continue
        if pem_name:
            current[pem_name] += raw + "\n"
            if line.startswith("-----END"):
                pem_name = ""
            continue
        if not line:
            if current:
                entries.append(current)
                current = {}
            continue
        name, _, value = line.partition("=")
        name, value = name.strip(), value.strip()
        if name in ("PrivateKey", "PublicKey"):
            current["kind"], current["name"] = name, value
            pem_name = "pem"
            current["pem"] = ""
        else:
            current[name] = value
    if current:
        entries.append(current)
    return entries


def test_rfc6979_deterministic_signatures():
    keys: dict[str, object] = {}
    signed = verified = 0
    for entry in rfc6979_entries():
        if entry.get("kind") == "PrivateKey" and entry["name"].startswith("P-"):
            keys[entry["name"]] = serialization.load_pem_private_key(
                entry["pem"].encode(), None
            )
        elif entry.get("kind") == "PublicKey" and entry["name"].startswith("P-"):
            keys[entry["name"]] = serialization.load_pem_public_key(
                entry["pem"].encode()
            )
        key = keys.get(entry.get("Key", ""))
        if key is None:
            continue
        algorithm = NIST_HASHES[
            "SHA-" + entry.get("DigestSign", entry.get("DigestVerify", ""))[3:]
        ]
        if entry["DigestSign" if "DigestSign" in entry else "DigestVerify"] == "SHA1":
            algorithm = hashes.SHA1()
        message = entry["Input"].strip('"').encode()
        expected = unhex(entry["Output"])
        if "DigestSign" in entry:
            assert isinstance(key, ec.EllipticCurvePrivateKey)
            signature = key.sign(
                message, ec.ECDSA(algorithm, deterministic_signing=True)
            )
            assert signature == expected
            signed += 1
        else:
            assert isinstance(key, ec.EllipticCurvePublicKey)
            if entry.get("Result") == "VERIFY_ERROR":
                with pytest.raises(InvalidSignature):
                    key.verify(expected, message, ec.ECDSA(algorithm))
            else:
                key.verify(expected, message, ec.ECDSA(algorithm))
            verified += 1
    assert signed == 50 and verified == 100


def test_deterministic_prehashed_equals_message_signature():
    key = ec.derive_private_key(12345, ec.SECP256R1())
    digest = hashes.Hash(hashes.SHA256())
    digest.update(b"sample")
    by_message = key.sign(b"sample", ec.ECDSA(hashes.SHA256(), True))
    by_digest = key.sign(
        digest.finalize(), ec.ECDSA(utils.Prehashed(hashes.SHA256()), True)
    )
    assert by_message == by_digest


def _kas_public(
    record: Record, curve: ec.EllipticCurve, prefix: str
) -> ec.EllipticCurvePublicKey:
    return ec.EllipticCurvePublicNumbers(
        int(record[prefix + "x"], 16), int(record[prefix + "y"], 16), curve
    ).public_key()


def test_nist_ecc_cdh_primitive():
    """Each failing case is refused at the step it breaks: a public key off the curve
    when it is built, a changed private key or Z by a result that differs."""
    passed = failed = 0
    path = (
        "asymmetric",
        "ECDH",
        "KASValidityTest_ECCStaticUnified_NOKC_ZZOnly_init.fax",
    )
    for section, record in sectioned_records(*path):
        if "z" not in record:
            continue
        curve = NIST_CURVES[KAS_CURVES[section.split()[0]]]
        reason = record["result"]

        public = functools.partial(_kas_public, record, curve)

        if "fails PKV" in reason:
            with pytest.raises(ValueError):
                public("qscavs" if "CAVS" in reason else "qsiut")
            failed += 1
            continue
        if reason.startswith("P"):
            ours = ec.derive_private_key(int(record["dsiut"], 16), curve)
            assert ours.public_key() == public("qsiut")
            assert ours.exchange(ec.ECDH(), public("qscavs")) == unhex(record["z"])
            passed += 1
            continue
        try:
            ours = ec.derive_private_key(int(record["dsiut"], 16), curve)
        except ValueError:
            # A changed d beyond the group order is no private key at all.
            assert "private key d changed" in reason
        else:
            agreed = ours.exchange(ec.ECDH(), public("qscavs"))
            assert ours.public_key() != public("qsiut") or agreed != unhex(record["z"])
        failed += 1
    assert passed == 90 and failed == 60


def test_rfc7027_brainpool_ecdh():
    records = load_records("asymmetric", "ECDH", "brainpool.txt")
    assert len(records) == 3
    for record in records:
        curve = ec._CURVE_TYPES[record["curve"]]
        a = ec.derive_private_key(int(record["da"], 16), curve)
        b = ec.derive_private_key(int(record["db"], 16), curve)
        assert a.public_key().public_numbers().x == int(record["x_qa"], 16)
        assert b.public_key().public_numbers().y == int(record["y_qb"], 16)
        z = a.exchange(ec.ECDH(), b.public_key())
        assert z == b.exchange(ec.ECDH(), a.public_key())
        assert int.from_bytes(z, "big") == int(record["x_z"], 16)


@pytest.fixture(scope="module")
def key() -> ec.EllipticCurvePrivateKey:
    return ec.generate_private_key(ec.SECP256R1())


def _curve_name(curve: ec.EllipticCurve) -> str:
    return curve.name


class TestKeys:
    @pytest.mark.parametrize(
        "curve",
        [
            ec.SECP192R1(),
            ec.SECP224R1(),
            ec.SECP256R1(),
            ec.SECP384R1(),
            ec.SECP521R1(),
            ec.SECP256K1(),
            ec.BrainpoolP256R1(),
            ec.BrainpoolP384R1(),
            ec.BrainpoolP512R1(),
        ],
        ids=_curve_name,
    )
    def test_every_curve(self, curve):
        private = ec.generate_private_key(curve)
        assert private.curve.name == curve.name
        assert private.key_size == curve.key_size
        public = private.public_key()
        signature = private.sign(b"data", ec.ECDSA(hashes.SHA256()))
        public.verify(signature, b"data", ec.ECDSA(hashes.SHA256()))
        for compressed in (True, False):
            fmt = (
                serialization.PublicFormat.CompressedPoint
                if compressed
                else serialization.PublicFormat.UncompressedPoint
            )
            point = public.public_bytes(serialization.Encoding.X962, fmt)
            assert point[0] in ((2, 3) if compressed else (4,))
            assert ec.EllipticCurvePublicKey.from_encoded_point(curve, point) == public
        other = ec.generate_private_key(curve)
        assert private.exchange(ec.ECDH(), other.public_key()) == other.exchange(
            ec.ECDH(), public
        )
        numbers = private.private_numbers()
        assert numbers.private_key().private_numbers() == numbers
        assert 0 < numbers.private_value < curve.group_order

    def test_generation_and_derivation_errors(self):
        with pytest.raises(TypeError, match="curve must be an EllipticCurve instance"):
            ec.generate_private_key(ec.SECP256R1)  # type: ignore[arg-type]

        class Fake(ec.EllipticCurve):
            name = "fake"
            key_size = 100
            group_order = 7

        with pytest.raises(
            UnsupportedAlgorithm, match="Curve fake is not supported"
        ) as info:
            ec.generate_private_key(Fake())
        assert info.value._reason is _Reasons.UNSUPPORTED_ELLIPTIC_CURVE
        for value in (0, -1):
            with pytest.raises(
                ValueError, match="private_value must be a positive integer."
            ):
                ec.derive_private_key(value, ec.SECP256R1())
        for value in (ec.SECP256R1.group_order, 2**600):
            with pytest.raises(ValueError, match="Invalid EC key"):
                ec.derive_private_key(value, ec.SECP256R1())
        with pytest.raises(TypeError, match="private_value must be an integer type."):
            ec.derive_private_key("1", ec.SECP256R1())  # type: ignore[arg-type]

    def test_points_off_the_curve_are_refused(self, key):
        numbers = key.public_key().public_numbers()
        with pytest.raises(ValueError, match="not on the curve"):
            ec.EllipticCurvePublicNumbers(
                numbers.x, numbers.y + 1, ec.SECP256R1()
            ).public_key()
        with pytest.raises(ValueError):
            ec.EllipticCurvePublicNumbers(
                numbers.x, numbers.y, ec.SECP384R1()
            ).public_key()
        mismatched = ec.EllipticCurvePrivateNumbers(
            key.private_numbers().private_value + 1, numbers
        )
        with pytest.raises(ValueError, match="Invalid EC key."):
            mismatched.private_key()
        with pytest.raises(ValueError, match="Invalid EC key."):
            ec.EllipticCurvePrivateNumbers(0, numbers).private_key()

    def test_encoded_point_errors(self, key):
        load = ec.EllipticCurvePublicKey.from_encoded_point
        with pytest.raises(ValueError, match="data must not be an empty byte string"):
            load(ec.SECP256R1(), b"")
        with pytest.raises(ValueError, match="Unsupported elliptic curve point type"):
            load(ec.SECP256R1(), b"\x05" + bytes(32))
        uncompressed = key.public_key().public_bytes(
            serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
        )
        with pytest.raises(ValueError, match="Unsupported elliptic curve point type"):
            load(ec.SECP256R1(), b"\x06" + uncompressed[1:])
        for bad in (b"\x04", b"\x04" + b"\x01" * 64, uncompressed[:-1]):
            with pytest.raises(ValueError, match="Invalid EC key."):
                load(ec.SECP256R1(), bad)
        with pytest.raises(TypeError, match="data must be bytes"):
            load(ec.SECP256R1(), "abc")  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="curve must be an EllipticCurve instance"):
            load(object(), uncompressed)  # type: ignore[arg-type]

    def test_signature_algorithm_errors(self, key):
        with pytest.raises(UnsupportedAlgorithm, match="signature algorithm") as info:
            key.sign(b"x", ec.ECDH())
        assert info.value._reason is _Reasons.UNSUPPORTED_PUBLIC_KEY_ALGORITHM
        with pytest.raises(UnsupportedAlgorithm, match="signature algorithm"):
            key.public_key().verify(b"", b"x", ec.ECDH())
        with pytest.raises(ValueError, match="same length as the hash"):
            key.sign(b"x", ec.ECDSA(utils.Prehashed(hashes.SHA256())))

    def test_other_hashes(self, key):
        public = key.public_key()
        for algorithm in (hashes.SHA3_256(), hashes.SHAKE128(16), hashes.BLAKE2b(64)):
            signature = key.sign(b"x", ec.ECDSA(algorithm))
            public.verify(signature, b"x", ec.ECDSA(algorithm))

    def test_bad_signatures(self, key):
        public = key.public_key()
        signature = key.sign(b"x", ec.ECDSA(hashes.SHA256()))
        for bad in (b"", b"\x30\x00", signature[:-1], signature + b"\0"):
            with pytest.raises(InvalidSignature):
                public.verify(bad, b"x", ec.ECDSA(hashes.SHA256()))

    def test_exchange_errors(self, key):
        with pytest.raises(ValueError, match="Error computing shared key."):
            key.exchange(
                ec.ECDH(), ec.generate_private_key(ec.SECP384R1()).public_key()
            )
        with pytest.raises(
            UnsupportedAlgorithm, match="Unsupported EC exchange algorithm"
        ) as info:
            key.exchange(ec.ECDSA(hashes.SHA256()), key.public_key())
        assert info.value._reason is _Reasons.UNSUPPORTED_EXCHANGE_ALGORITHM
        with pytest.raises(TypeError, match="is not an instance of 'ECPublicKey'"):
            key.exchange(
                ec.ECDH(),
                rsa.generate_private_key(65537, 1024).public_key(),
            )

    def test_numbers(self, key):
        numbers = key.private_numbers()
        public = numbers.public_numbers
        assert numbers == key.private_numbers()
        assert hash(numbers) == hash(key.private_numbers())
        assert hash(public) == hash(key.public_key().public_numbers())
        assert repr(public).startswith(
            "<EllipticCurvePublicNumbers(curve=secp256r1, x="
        )
        with pytest.raises(TypeError):
            ec.EllipticCurvePublicNumbers("1", 2, ec.SECP256R1())  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="curve must provide the EllipticCurve"):
            ec.EllipticCurvePublicNumbers(1, 2, object())  # type: ignore[arg-type]
        with pytest.raises(TypeError):
            ec.EllipticCurvePrivateNumbers("1", public)  # type: ignore[arg-type]
        with pytest.raises(TypeError):
            ec.EllipticCurvePrivateNumbers(1, None)  # type: ignore[arg-type]

    def test_oids(self):
        assert ec.get_curve_for_oid(ec.EllipticCurveOID.SECP256R1) is ec.SECP256R1
        assert (
            ec.get_curve_for_oid(ec.EllipticCurveOID.BRAINPOOLP512R1)
            is ec.BrainpoolP512R1
        )
        assert ec.EllipticCurveOID.SECP384R1.dotted_string == "1.3.132.0.34"
        with pytest.raises(LookupError):
            ec.get_curve_for_oid(ec.ObjectIdentifier("1.2.3"))

    def test_ecdsa_object(self):
        algorithm = ec.ECDSA(hashes.SHA256(), deterministic_signing=True)
        assert algorithm.deterministic_signing is True
        assert isinstance(algorithm.algorithm, hashes.SHA256)
        assert ec.ECDSA(hashes.SHA256()).deterministic_signing is False

    def test_object_rules(self, key):
        public = key.public_key()
        assert public == key.public_key() and public != object()
        with pytest.raises(TypeError):
            hash(public)
        assert copy.copy(key) is key and copy.deepcopy(public) is public
        for obj in (key, public):
            with pytest.raises(TypeError):
                pickle.dumps(obj)
        assert isinstance(key, ec.EllipticCurvePrivateKeyWithSerialization)
        assert type(key).__name__ == "ECPrivateKey"


def test_a_public_key_at_infinity_is_refused_by_name() -> None:
    # SEC 1 section 2.3.4: the single octet 00 is the point at infinity (here inside an
    # id-ecPublicKey P-256 SubjectPublicKeyInfo).
    pem = (
        b"-----BEGIN PUBLIC KEY-----\n"
        b"MBkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDAgAA\n"
        b"-----END PUBLIC KEY-----\n"
    )
    with pytest.raises(ValueError, match="point is at infinity"):
        serialization.load_pem_public_key(pem)


def test_traditional_openssl_is_only_pem_or_der() -> None:
    key = ec.derive_private_key(1234, ec.SECP256R1())
    for encoding in (serialization.Encoding.SMIME, serialization.Encoding.X962):
        with pytest.raises(ValueError, match="format is invalid with this key"):
            key.private_bytes(
                encoding,
                serialization.PrivateFormat.TraditionalOpenSSL,
                serialization.NoEncryption(),
            )
