"""Key serialization: every key file of cryptography-vectors (PEM, DER, PKCS #8 plain and
encrypted, traditional OpenSSL, SubjectPublicKeyInfo, PKCS #1) loads to the expected key
or fails with the expected error, and keys serialize back in every valid combination."""

from __future__ import annotations

import hashlib
import typing

import pytest

from cryptography.exceptions import UnsupportedAlgorithm, _Reasons
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import (
    dsa,
    ec,
    ed25519,
    padding,
    rsa,
    x25519,
)
from cryptography.hazmat.primitives.serialization import (
    BestAvailableEncryption,
    Encoding,
    NoEncryption,
    PrivateFormat,
    PublicFormat,
)
from tests import der
from tests.vectors import vector_path

NOT_ENCRYPTED = "Password was given but private key is not encrypted."
NO_PASSWORD = "Password was not given but private key is encrypted"
WRONG_PASSWORD = "Incorrect password, could not decrypt key"
NO_PRIVATE_PEM = "Valid PEM but no BEGIN/END delimiters for a private key found"
NO_PUBLIC_PEM = "Valid PEM but no BEGIN PUBLIC KEY/END PUBLIC KEY delimiters"
DESERIALIZE = "Could not deserialize key data"
EXPLICIT = "ECDSA keys with explicit parameters are only supported when they map to"


def fingerprint(key: typing.Any) -> str:
    """A short digest of a key's defining numbers, to tell keys apart."""
    if isinstance(key, rsa.RSAPrivateKey):
        numbers = key.private_numbers()
        text = f"rsa {numbers.d} {numbers.p}"
    elif isinstance(key, rsa.RSAPublicKey):
        text = f"rsapub {key.public_numbers().n}"
    elif isinstance(key, ec.EllipticCurvePrivateKey):
        text = f"ec {key.curve.name} {key.private_numbers().private_value}"
    elif isinstance(key, ec.EllipticCurvePublicKey):
        point = key.public_numbers()
        text = f"ecpub {key.curve.name} {point.x} {point.y}"
    else:
        raise AssertionError(type(key))
    return hashlib.sha256(text.encode()).hexdigest()[:12]


def load(path: str, password: bytes | None = None, public: bool = False) -> typing.Any:
    data = vector_path("asymmetric", *path.split("/")).read_bytes()
    pem = data.lstrip().startswith(b"-----")
    if public:
        if pem:
            return serialization.load_pem_public_key(data)
        return serialization.load_der_public_key(data)
    if pem:
        return serialization.load_pem_private_key(data, password)
    return serialization.load_der_private_key(data, password)


# (file, password, key type, group): files naming the same group hold the same key, and
# different groups different keys. An encrypted file that loads proves its scheme: a
# wrong decryption cannot pass the RSA or EC key checks.
PRIVATE_KEYS = [
    ("PEM_Serialization/ec_private_key.pem", None, ec.EllipticCurvePrivateKey, "ec1"),
    (
        "PEM_Serialization/ec_private_key_encrypted.pem",
        b"123456",
        ec.EllipticCurvePrivateKey,
        "ec1",
    ),
    ("DER_Serialization/ec_private_key.der", None, ec.EllipticCurvePrivateKey, "ec1"),
    (
        "DER_Serialization/ec_private_key_encrypted.der",
        b"123456",
        ec.EllipticCurvePrivateKey,
        "ec1",
    ),
    ("PKCS8/ec_private_key.pem", None, ec.EllipticCurvePrivateKey, "ec1"),
    (
        "PKCS8/ec_private_key_encrypted.pem",
        b"123456",
        ec.EllipticCurvePrivateKey,
        "ec1",
    ),
    ("PKCS8/ec-consistent-curve.pem", None, ec.EllipticCurvePrivateKey, "ec1"),
    ("PKCS8/ecc_private_with_rfc5915_ext.pem", None, ec.EllipticCurvePrivateKey, "ec2"),
    ("PKCS8/enc-ec-sha1-128-rc4.pem", b"password", ec.EllipticCurvePrivateKey, "ec3"),
    ("EC/high-bit-set.pem", None, ec.EllipticCurvePrivateKey, "ec4"),
    ("EC/secp256r1-explicit-no-seed.pem", None, ec.EllipticCurvePrivateKey, "ec5"),
    ("EC/secp256r1-explicit-seed.pem", None, ec.EllipticCurvePrivateKey, "ec6"),
    ("EC/secp384r1-explicit-no-seed.pem", None, ec.EllipticCurvePrivateKey, "ec7"),
    ("EC/secp384r1-explicit-seed.pem", None, ec.EllipticCurvePrivateKey, "ec8"),
    ("EC/secp521r1-explicit-no-seed.pem", None, ec.EllipticCurvePrivateKey, "ec9"),
    ("EC/secp521r1-explicit-seed.pem", None, ec.EllipticCurvePrivateKey, "ec10"),
    ("PEM_Serialization/rsa_private_key.pem", b"123456", rsa.RSAPrivateKey, "rsa1"),
    ("DER_Serialization/testrsa.der", None, rsa.RSAPrivateKey, "rsa2"),
    ("Traditional_OpenSSL_Serialization/testrsa.pem", None, rsa.RSAPrivateKey, "rsa2"),
    (
        "Traditional_OpenSSL_Serialization/key1.pem",
        b"123456",
        rsa.RSAPrivateKey,
        "rsa2",
    ),
    (
        "Traditional_OpenSSL_Serialization/key2.pem",
        b"a123456",
        rsa.RSAPrivateKey,
        "rsa2",
    ),
    (
        "Traditional_OpenSSL_Serialization/testrsa-encrypted.pem",
        b"password",
        rsa.RSAPrivateKey,
        "rsa2",
    ),
    ("DER_Serialization/unenc-rsa-pkcs8.der", None, rsa.RSAPrivateKey, "rsa3"),
    ("DER_Serialization/enc-rsa-pkcs8.der", b"foobar", rsa.RSAPrivateKey, "rsa8"),
    ("DER_Serialization/enc2-rsa-pkcs8.der", b"baz", rsa.RSAPrivateKey, "rsa9"),
    ("PKCS8/enc2-rsa-pkcs8.pem", b"baz", rsa.RSAPrivateKey, "rsa9"),
    ("PKCS8/rsa-40bitrc2.pem", b"baz", rsa.RSAPrivateKey, "rsa9"),
    ("PKCS8/enc-rsa-3des.pem", b"password", rsa.RSAPrivateKey, "rsa4"),
    ("PKCS8/rsa-pbe-3des-long-salt.pem", b"password", rsa.RSAPrivateKey, "rsa5"),
    ("PKCS8/rsa-pbewithmd5anddescbc.pem", b"hunter2", rsa.RSAPrivateKey, "rsa10"),
    ("PKCS8/rsa-aes-192-cbc.pem", b"PolarSSLTest", rsa.RSAPrivateKey, "rsa6"),
    (
        "PKCS8/rsa_pkcs8_pbes2_pbkdf2_2048_3des_sha224.pem",
        b"PolarSSLTest",
        rsa.RSAPrivateKey,
        "rsa6",
    ),
    (
        "PKCS8/rsa_pkcs8_pbes2_pbkdf2_2048_3des_sha384.pem",
        b"PolarSSLTest",
        rsa.RSAPrivateKey,
        "rsa6",
    ),
    (
        "PKCS8/rsa_pkcs8_pbes2_pbkdf2_2048_3des_sha512.pem",
        b"PolarSSLTest",
        rsa.RSAPrivateKey,
        "rsa6",
    ),
    ("PKCS8/rsa_pss_2048.pem", None, rsa.RSAPrivateKey, "pss1"),
    ("PKCS8/rsa_pss_2048_hash.pem", None, rsa.RSAPrivateKey, "pss2"),
    ("PKCS8/rsa_pss_2048_hash_mask.pem", None, rsa.RSAPrivateKey, "pss3"),
    ("PKCS8/rsa_pss_2048_hash_mask_diff.pem", None, rsa.RSAPrivateKey, "pss4"),
    ("PKCS8/rsa_pss_2048_hash_mask_salt.pem", None, rsa.RSAPrivateKey, "pss5"),
] + [
    (f"PKCS8/pkcs12_s2k_pem-X_{n}.pem", b"123456", rsa.RSAPrivateKey, "rsa7")
    for n in (9607, 9671, 9925, 9926, 9927, 9928, 9929, 9930, 9931, 9932)
]


def test_private_key_files():
    groups: dict[str, set[str]] = {}
    for path, password, cls, group in PRIVATE_KEYS:
        key = load(path, password)
        assert isinstance(key, cls), path
        groups.setdefault(group, set()).add(fingerprint(key))
    assert all(len(prints) == 1 for prints in groups.values()), groups
    assert len({next(iter(p)) for p in groups.values()}) == len(groups)


def test_public_key_files():
    pairs = [
        ("PEM_Serialization/ec_public_key.pem", "PEM_Serialization/ec_private_key.pem"),
        ("DER_Serialization/ec_public_key.der", "PEM_Serialization/ec_private_key.pem"),
        ("PEM_Serialization/rsa_public_key.pem", None),
        ("PEM_Serialization/rsa_wrong_delimiter_public_key.pem", None),
        ("DER_Serialization/rsa_public_key.der", None),
        (
            "DER_Serialization/unenc-rsa-pkcs8.pub.der",
            "DER_Serialization/unenc-rsa-pkcs8.der",
        ),
        ("PKCS8/unenc-rsa-pkcs8.pub.pem", "DER_Serialization/unenc-rsa-pkcs8.der"),
        ("public/PKCS1/rsa.pub.pem", "DER_Serialization/unenc-rsa-pkcs8.der"),
        ("public/PKCS1/rsa.pub.der", "DER_Serialization/unenc-rsa-pkcs8.der"),
        ("PKCS8/rsa_pss_2048_pub.der", None),
        ("EC/secp256r1-pub-explicit-no-seed.pem", "EC/secp256r1-explicit-no-seed.pem"),
        ("EC/secp256r1-pub-explicit-seed.pem", "EC/secp256r1-explicit-seed.pem"),
        ("EC/secp384r1-pub-explicit-no-seed.pem", "EC/secp384r1-explicit-no-seed.pem"),
        ("EC/secp384r1-pub-explicit-seed.pem", "EC/secp384r1-explicit-seed.pem"),
        ("EC/secp521r1-pub-explicit-no-seed.pem", "EC/secp521r1-explicit-no-seed.pem"),
        ("EC/secp521r1-pub-explicit-seed.pem", "EC/secp521r1-explicit-seed.pem"),
    ]
    rsa_public = load("PEM_Serialization/rsa_public_key.pem", public=True)
    assert rsa_public == load("DER_Serialization/rsa_public_key.der", public=True)
    assert (
        rsa_public
        == load("PEM_Serialization/rsa_private_key.pem", b"123456").public_key()
    )
    for public_path, private_path in pairs:
        public = load(public_path, public=True)
        assert isinstance(public, (rsa.RSAPublicKey, ec.EllipticCurvePublicKey))
        if private_path is not None:
            assert public == load(private_path).public_key(), public_path


@pytest.mark.parametrize(
    ("path", "password", "error", "message"),
    [
        # Wrong, missing and superfluous passwords.
        ("PKCS8/enc2-rsa-pkcs8.pem", b"wrong", ValueError, WRONG_PASSWORD),
        ("PKCS8/enc2-rsa-pkcs8.pem", None, TypeError, NO_PASSWORD),
        (
            "Traditional_OpenSSL_Serialization/key1.pem",
            b"wrong",
            ValueError,
            WRONG_PASSWORD,
        ),
        ("Traditional_OpenSSL_Serialization/key1.pem", None, TypeError, NO_PASSWORD),
        ("PKCS8/ed25519-scrypt.pem", b"wrong", ValueError, WRONG_PASSWORD),
        (
            "DER_Serialization/ec_private_key_encrypted.der",
            b"wrong",
            ValueError,
            WRONG_PASSWORD,
        ),
        ("DER_Serialization/unenc-rsa-pkcs8.der", b"foobar", TypeError, NOT_ENCRYPTED),
        ("DER_Serialization/testrsa.der", b"foobar", TypeError, NOT_ENCRYPTED),
        (
            "PEM_Serialization/rsa-bad-1025-q-is-2.pem",
            b"foobar",
            TypeError,
            NOT_ENCRYPTED,
        ),
        # Invalid keys and structures.
        (
            "PEM_Serialization/rsa-bad-1025-q-is-2.pem",
            None,
            ValueError,
            "Invalid private key",
        ),
        ("PKCS8/ec-inconsistent-curve.pem", None, ValueError, "Invalid key"),
        ("PKCS8/ec-inconsistent-curve2.pem", None, ValueError, "Invalid key"),
        ("PKCS8/ec-invalid-version.pem", None, ValueError, "Invalid key"),
        ("PKCS8/ec-invalid-private-scalar.pem", None, ValueError, "Invalid key"),
        ("PKCS8/invalid-version.der", None, ValueError, "Invalid key"),
        ("PKCS8/enc-rsa-pkcs8-pbkdf2-0iter.pem", b"foobar", ValueError, "Invalid key"),
        (
            "PKCS8/rsa-rc2-cbc-effective-key-length.pem",
            b"foobar",
            ValueError,
            "Invalid key",
        ),
        (
            "Traditional_OpenSSL_Serialization/rsa-wrong-version.pem",
            None,
            ValueError,
            "Invalid key",
        ),
        ("EC/ec-missing-curve.pem", None, ValueError, "Invalid key"),
        ("EC/ec_private_key_non_zero_unused_bits.der", None, ValueError, "Invalid key"),
        # A private value shorter than the curve's (RFC 5915), refused by name.
        (
            "EC/truncated-private-key.der",
            None,
            ValueError,
            "private key value is too short",
        ),
        ("PKCS8/wrong-pem-delimiter-rsa.pem", None, ValueError, DESERIALIZE),
        # Files whose PEM body is not the structure its label names.
        ("PKCS8/unenc-rsa-pkcs8.pem", None, ValueError, DESERIALIZE),
        ("PKCS8/enc-rsa-pkcs8.pem", b"foobar", ValueError, DESERIALIZE),
        # Unknown encryption.
        (
            "PKCS8/bad-encryption-oid.pem",
            b"foobar",
            ValueError,
            "Unknown key encryption algorithm: 0.24",
        ),
        (
            "PKCS8/enc-unknown-algorithm.pem",
            b"foobar",
            ValueError,
            "Unknown key encryption algorithm: 1.2.840.113549.3.7.23",
        ),
        (
            "PKCS8/enc-unknown-kdf.pem",
            b"foobar",
            ValueError,
            "Unknown key encryption algorithm: 1.2.840.113549.1.5.12.321",
        ),
        (
            "PKCS8/enc-unknown-pbkdf2-prf.pem",
            b"foobar",
            ValueError,
            "Unknown key encryption algorithm: 1.2.840.113549.2.9.213",
        ),
        # Malformed traditional encryption headers.
        (
            "Traditional_OpenSSL_Serialization/key1-malformed-dek-info.pem",
            None,
            ValueError,
            "DEK-Info header is not valid",
        ),
        (
            "Traditional_OpenSSL_Serialization/key1-no-dek-info.pem",
            None,
            ValueError,
            "doesn't have a DEK-Info header",
        ),
        (
            "Traditional_OpenSSL_Serialization/key1-malformed-iv.pem",
            b"123456",
            ValueError,
            "DEK-Info IV is not valid hex",
        ),
        (
            "Traditional_OpenSSL_Serialization/key1-short-iv.pem",
            b"123456",
            ValueError,
            "DEK-Info IV is not valid hex",
        ),
        # PEM blocks of the wrong kind.
        ("PEM_Serialization/ec_public_key.pem", None, ValueError, NO_PRIVATE_PEM),
        ("PEM_Serialization/dsaparam.pem", None, ValueError, NO_PRIVATE_PEM),
    ],
)
def test_private_key_errors(path, password, error, message):
    with pytest.raises(error, match=message.replace("(", r"\(").replace(".", r"\.")):
        load(path, password)


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("PKCS8/unknown-oid.der", "Unknown key type: 1.2.840.1004321.3213.321"),
        ("PKCS8/bad-oid-dsa-key.pem", "Unknown key type: 0.37.11229.117.11229.113"),
    ],
)
def test_unknown_key_types(path, message):
    with pytest.raises(UnsupportedAlgorithm, match=message) as info:
        load(path)
    assert info.value._reason is _Reasons.UNSUPPORTED_PUBLIC_KEY_ALGORITHM


@pytest.mark.parametrize(
    ("path", "public", "message"),
    [
        ("EC/secp128r1_private_key.pem", False, "Curve 1.3.132.0.28 is not supported"),
        (
            "PKCS8/withdompar_private.pkcs8.pem",
            False,
            "Curve 1.3.6.1.4.1.8301.3.1.2.9.0.33",
        ),
        ("EC/sect163k1-spki.pem", True, "Curve 1.3.132.0.1 is not supported"),
        ("EC/sect233r1-spki.pem", True, "Curve 1.3.132.0.27 is not supported"),
        ("EC/explicit_parameters_private_key.pem", False, EXPLICIT),
        (
            "EC/explicit_parameters_wap_wsg_idm_ecid_wtls11_private_key.pem",
            False,
            EXPLICIT,
        ),
        ("EC/secp256k1-explicit-no-seed.pem", False, EXPLICIT),
        ("EC/secp256k1-pub-explicit-no-seed.pem", True, EXPLICIT),
        ("PKCS8/nodompar_private.pkcs8.pem", False, EXPLICIT),
        ("PKCS8/ec_oid_not_in_reg_private_2.pkcs8.pem", False, EXPLICIT),
        ("PKCS8/private.pem", False, EXPLICIT),
    ],
)
def test_unsupported_curves(path, public, message):
    with pytest.raises(UnsupportedAlgorithm, match=message.replace(".", r"\.")) as info:
        load(path, public=public)
    assert info.value._reason is _Reasons.UNSUPPORTED_ELLIPTIC_CURVE


def test_public_key_errors():
    with pytest.raises(ValueError, match="Incorrect PEM delimiter for key type."):
        load("PEM_Serialization/ec_public_key_rsa_delimiter.pem", public=True)
    with pytest.raises(ValueError, match=NO_PUBLIC_PEM):
        load("PEM_Serialization/rsa_private_key.pem", public=True)
    with pytest.raises(ValueError, match=DESERIALIZE):
        load("DER_Serialization/dsa_public_key_invalid_bit_string.der", public=True)
    with pytest.raises(ValueError, match=DESERIALIZE):
        load("DER_Serialization/testrsa.der", public=True)


def test_malformed_inputs():
    der = load_der_rsa()
    for loader in (
        lambda d: serialization.load_der_private_key(d, None),
        serialization.load_der_public_key,
    ):
        # Empty, truncated and trailing data.
        for bad in (b"", b"0", der[:-1], der + b"\0"):
            with pytest.raises(ValueError, match=DESERIALIZE):
                loader(bad)
    with pytest.raises(ValueError, match="Unable to load PEM file"):
        serialization.load_pem_private_key(b"junk", None)
    with pytest.raises(ValueError, match="Unable to load PEM file"):
        serialization.load_pem_private_key(
            b"-----BEGIN PRIVATE KEY-----\nM!A=\n-----END PRIVATE KEY-----\n", None
        )
    with pytest.raises(ValueError, match=DESERIALIZE):
        serialization.load_pem_private_key(
            b"-----BEGIN PRIVATE KEY-----\nMAA=\n-----END PRIVATE KEY-----\n", None
        )
    with pytest.raises(ValueError, match=DESERIALIZE):
        serialization.load_pem_public_key(
            b"-----BEGIN RSA PUBLIC KEY-----\nMAA=\n-----END RSA PUBLIC KEY-----\n"
        )
    with pytest.raises(TypeError):
        serialization.load_pem_private_key("text", None)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        serialization.load_der_public_key("text")  # type: ignore[arg-type]


def test_pkcs8_under_a_traditional_label_gets_a_hint() -> None:
    data = vector_path(
        "asymmetric", "PKCS8", "wrong-pem-delimiter-rsa.pem"
    ).read_bytes()
    assert data.startswith(b"-----BEGIN RSA PRIVATE KEY-----")
    with pytest.raises(ValueError, match=DESERIALIZE) as info:
        serialization.load_pem_private_key(data, password=None)
    assert getattr(info.value, "__notes__", None) == [
        "If your key is in PKCS#8 format, you must use BEGIN/END PRIVATE KEY PEM delimiters"
    ]
    # Malformed PKCS#1 that is not PKCS#8 either gets no hint.
    with pytest.raises(ValueError, match=DESERIALIZE) as info:
        serialization.load_pem_private_key(
            b"-----BEGIN RSA PRIVATE KEY-----\nMAA=\n-----END RSA PRIVATE KEY-----\n",
            None,
        )
    assert not hasattr(info.value, "__notes__")


def load_der_rsa() -> bytes:
    return vector_path(
        "asymmetric", "DER_Serialization", "unenc-rsa-pkcs8.der"
    ).read_bytes()


def test_unsafe_skip_rsa_key_validation():
    data = vector_path(
        "asymmetric", "PEM_Serialization", "rsa-bad-1025-q-is-2.pem"
    ).read_bytes()
    key = serialization.load_pem_private_key(
        data, None, unsafe_skip_rsa_key_validation=True
    )
    assert isinstance(key, rsa.RSAPrivateKey) and key.key_size == 1025


def _keys():
    return [
        rsa.generate_private_key(65537, 1024),
        ec.generate_private_key(ec.SECP384R1()),
        dsa.generate_private_key(1024),
        ed25519.Ed25519PrivateKey.generate(),
        x25519.X25519PrivateKey.generate(),
    ]


@pytest.mark.parametrize("key", _keys(), ids=lambda k: type(k).__name__)
def test_private_round_trips(key):
    formats = [PrivateFormat.PKCS8]
    if isinstance(
        key, (rsa.RSAPrivateKey, ec.EllipticCurvePrivateKey, dsa.DSAPrivateKey)
    ):
        formats.append(PrivateFormat.TraditionalOpenSSL)
    for fmt in formats:
        for encoding, loader in (
            (Encoding.PEM, serialization.load_pem_private_key),
            (Encoding.DER, serialization.load_der_private_key),
        ):
            data = key.private_bytes(encoding, fmt, NoEncryption())
            again = loader(data, None)
            assert again.private_bytes(encoding, fmt, NoEncryption()) == data
            if encoding is Encoding.DER and fmt is PrivateFormat.TraditionalOpenSSL:
                with pytest.raises(
                    ValueError, match="not supported for DER encoded traditional"
                ):
                    key.private_bytes(encoding, fmt, BestAvailableEncryption(b"pw"))
                continue
            encrypted = key.private_bytes(encoding, fmt, BestAvailableEncryption(b"pw"))
            assert encrypted != data
            decrypted = loader(encrypted, b"pw")
            assert decrypted.private_bytes(encoding, fmt, NoEncryption()) == data
            with pytest.raises(ValueError, match=WRONG_PASSWORD):
                loader(encrypted, b"wrong")
            with pytest.raises(TypeError, match=NO_PASSWORD):
                loader(encrypted, None)
    pem = key.private_bytes(
        Encoding.PEM, PrivateFormat.PKCS8, BestAvailableEncryption(b"pw")
    )
    assert pem.startswith(b"-----BEGIN ENCRYPTED PRIVATE KEY-----\n")
    if isinstance(key, (rsa.RSAPrivateKey, dsa.DSAPrivateKey)):
        traditional = key.private_bytes(
            Encoding.PEM,
            PrivateFormat.TraditionalOpenSSL,
            BestAvailableEncryption(b"pw"),
        )
        assert b"Proc-Type: 4,ENCRYPTED\nDEK-Info: AES-256-CBC," in traditional


@pytest.mark.parametrize("key", _keys(), ids=lambda k: type(k).__name__)
def test_public_round_trips(key):
    public = key.public_key()
    for encoding, loader in (
        (Encoding.PEM, serialization.load_pem_public_key),
        (Encoding.DER, serialization.load_der_public_key),
    ):
        data = public.public_bytes(encoding, PublicFormat.SubjectPublicKeyInfo)
        assert loader(data) == public
        if isinstance(public, rsa.RSAPublicKey):
            pkcs1 = public.public_bytes(encoding, PublicFormat.PKCS1)
            assert loader(pkcs1) == public
            assert pkcs1 != data


def test_serialization_argument_errors():
    key = ec.generate_private_key(ec.SECP256R1())
    public = key.public_key()
    with pytest.raises(
        TypeError, match="encoding must be Encoding.DER or Encoding.PEM"
    ):
        key.private_bytes(Encoding.Raw, PrivateFormat.PKCS8, NoEncryption())
    with pytest.raises(
        TypeError, match="encoding must be Encoding.DER or Encoding.PEM"
    ):
        key.private_bytes(Encoding.X962, PrivateFormat.PKCS8, NoEncryption())
    with pytest.raises(ValueError, match="format is invalid with this key"):
        key.private_bytes(Encoding.PEM, PrivateFormat.Raw, NoEncryption())
    with pytest.raises(ValueError, match="format is invalid with this key"):
        key.private_bytes(Encoding.PEM, PrivateFormat.PKCS12, NoEncryption())
    with pytest.raises(ValueError, match="Passwords longer than 1023 bytes"):
        key.private_bytes(
            Encoding.PEM, PrivateFormat.PKCS8, BestAvailableEncryption(b"x" * 1024)
        )
    with pytest.raises(
        TypeError, match="must be a KeySerializationEncryption instance"
    ):
        key.private_bytes(Encoding.PEM, PrivateFormat.PKCS8, object())  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="is not an instance of 'PrivateFormat'"):
        key.private_bytes(Encoding.PEM, "PKCS8", NoEncryption())  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="is not an instance of 'Encoding'"):
        key.private_bytes("PEM", PrivateFormat.PKCS8, NoEncryption())  # type: ignore[arg-type]
    builder = PrivateFormat.OpenSSH.encryption_builder().build(b"x")
    with pytest.raises(ValueError, match="Unsupported encryption type"):
        key.private_bytes(Encoding.PEM, PrivateFormat.PKCS8, builder)
    with pytest.raises(ValueError, match="format is invalid with this key"):
        public.public_bytes(Encoding.PEM, PublicFormat.PKCS1)
    with pytest.raises(ValueError, match="format is invalid with this key"):
        public.public_bytes(Encoding.DER, PublicFormat.CompressedPoint)
    with pytest.raises(ValueError, match="format is invalid with this key"):
        public.public_bytes(Encoding.Raw, PublicFormat.Raw)
    with pytest.raises(
        TypeError, match="encoding must be Encoding.DER or Encoding.PEM"
    ):
        public.public_bytes(Encoding.X962, PublicFormat.SubjectPublicKeyInfo)
    with pytest.raises(
        ValueError, match="OpenSSH format must be used with OpenSSH encoding"
    ):
        public.public_bytes(Encoding.PEM, PublicFormat.OpenSSH)
    # The encoding rule of the OpenSSH private format comes before anything else.
    for encoding in (Encoding.DER,):
        with pytest.raises(
            ValueError,
            match="OpenSSH private key format can only be used with PEM encoding",
        ):
            key.private_bytes(encoding, PrivateFormat.OpenSSH, NoEncryption())
    rsa_public = rsa.generate_private_key(65537, 1024).public_key()
    with pytest.raises(ValueError, match="format is invalid with this key"):
        rsa_public.public_bytes(Encoding.X962, PublicFormat.CompressedPoint)


def test_encryption_objects():
    assert BestAvailableEncryption(b"x").password == b"x"
    for bad in (b"", "str"):
        with pytest.raises(ValueError, match="Password must be 1 or more bytes."):
            BestAvailableEncryption(bad)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="encryption_builder only supported"):
        PrivateFormat.PKCS8.encryption_builder()
    builder = PrivateFormat.OpenSSH.encryption_builder().kdf_rounds(5)
    with pytest.raises(ValueError, match="kdf_rounds already set"):
        builder.kdf_rounds(6)
    with pytest.raises(ValueError, match="kdf_rounds must be a positive integer"):
        PrivateFormat.OpenSSH.encryption_builder().kdf_rounds(0)
    with pytest.raises(TypeError, match="kdf_rounds must be an integer"):
        PrivateFormat.OpenSSH.encryption_builder().kdf_rounds("a")  # type: ignore[arg-type]
    with pytest.raises(
        TypeError, match="hmac_hash only supported with PrivateFormat.PKCS12"
    ):
        builder.hmac_hash(hashes.SHA256())
    pkcs12 = PrivateFormat.PKCS12.encryption_builder().hmac_hash(hashes.SHA256())
    with pytest.raises(ValueError, match="hmac_hash already set"):
        pkcs12.hmac_hash(hashes.SHA256())
    with pytest.raises(ValueError, match="Password must be 1 or more bytes."):
        builder.build(b"")
    assert isinstance(builder.build(b"pw"), serialization.KeySerializationEncryption)


def test_enumerations():
    assert repr(Encoding.PEM) == "Encoding.PEM"
    assert Encoding.PEM == Encoding.PEM and Encoding.PEM != Encoding.DER
    assert Encoding.PEM != typing.cast(typing.Any, "PEM")
    assert hash(PublicFormat.Raw) == hash(PublicFormat.Raw)
    with pytest.raises(TypeError):
        Encoding("PEM")  # type: ignore[call-arg]
    assert (
        type(PrivateFormat.PKCS8).__module__
        == "cryptography.hazmat.primitives._serialization"
    )


def test_pss_keys_load_as_rsa_and_work():
    key = load("PKCS8/rsa_pss_2048.pem")
    assert isinstance(key, rsa.RSAPrivateKey)
    signature = key.sign(
        b"m", padding.PSS(padding.MGF1(hashes.SHA256()), 32), hashes.SHA256()
    )
    key.public_key().verify(
        signature, b"m", padding.PSS(padding.MGF1(hashes.SHA256()), 32), hashes.SHA256()
    )


def _pbes2_pkcs8(iterations: int) -> bytes:
    """An EncryptedPrivateKeyInfo (RFC 5958) with PBES2: PBKDF2-HMAC-SHA256 of the given
    iteration count, AES-256-CBC, over one block of ciphertext."""
    pbkdf2 = der.sequence(
        der.oid("1.2.840.113549.1.5.12"),
        der.sequence(
            der.octets(b"saltsalt"),
            der.integer(iterations),
            der.sequence(der.oid("1.2.840.113549.2.9"), b"\x05\x00"),
        ),
    )
    cipher = der.sequence(der.oid("2.16.840.1.101.3.4.1.42"), der.octets(b"\x00" * 16))
    pbes2 = der.sequence(der.oid("1.2.840.113549.1.5.13"), der.sequence(pbkdf2, cipher))
    return der.sequence(pbes2, der.octets(b"\x00" * 16))


def test_key_files_cannot_ask_for_endless_derivations():
    # 2**40 PBKDF2 iterations would take days: refused at once, as the reference's own
    # limit (2**31 - 1) says.
    for iterations in (2**31, 2**40):
        with pytest.raises(ValueError, match=r"more than 2\*\*31 - 1"):
            serialization.load_der_private_key(_pbes2_pkcs8(iterations), b"password")
    # Below the limit the file is an ordinary (wrongly encrypted) key.
    with pytest.raises(ValueError, match="Incorrect password"):
        serialization.load_der_private_key(_pbes2_pkcs8(1), b"password")


@pytest.mark.skipif(not hasattr(__import__("signal"), "setitimer"), reason="POSIX")
def test_long_key_file_derivation_stops_for_a_signal():
    import signal
    import time

    class Stop(Exception):
        pass

    def handler(signum: int, frame: object) -> None:
        raise Stop

    previous = signal.signal(signal.SIGALRM, handler)
    signal.setitimer(signal.ITIMER_REAL, 0.2)
    start = time.monotonic()
    try:
        with pytest.raises(Stop):
            serialization.load_der_private_key(_pbes2_pkcs8(2**31 - 1), b"password")
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    assert time.monotonic() - start < 0.2 + 0.3


def _p256_key() -> ec.EllipticCurvePrivateKey:
    return ec.derive_private_key(12345, ec.SECP256R1())


def test_encrypted_keys_and_empty_passwords():
    key = _p256_key()
    for fmt in (PrivateFormat.PKCS8, PrivateFormat.TraditionalOpenSSL):
        pem = key.private_bytes(Encoding.PEM, fmt, BestAvailableEncryption(b"pw"))
        # No key is encrypted under an empty password: it counts as none given.
        with pytest.raises(TypeError, match="Password was not given"):
            serialization.load_pem_private_key(pem, b"")
    trad = key.private_bytes(
        Encoding.PEM, PrivateFormat.TraditionalOpenSSL, BestAvailableEncryption(b"pw")
    )
    unknown = trad.replace(b"AES-256-CBC", b"FOO-128-CBC")
    with pytest.raises(ValueError, match="Key encrypted with unknown cipher."):
        serialization.load_pem_private_key(unknown, b"pw")


def test_pbkdf2_prf_parameters_must_be_null():
    encrypted = _p256_key().private_bytes(
        Encoding.DER, PrivateFormat.PKCS8, BestAvailableEncryption(b"pw")
    )
    hmac_sha256 = der.oid("1.2.840.113549.2.9") + b"\x05\x00"
    assert hmac_sha256 in encrypted
    # The same file with the PRF's NULL written as an empty OCTET STRING.
    altered = encrypted.replace(hmac_sha256, hmac_sha256[:-2] + b"\x04\x00")
    with pytest.raises(ValueError, match="Could not deserialize key data"):
        serialization.load_der_private_key(altered, b"pw")


def _p256_spki(parameters: bytes, point: bytes) -> bytes:
    ec_public_key = der.oid("1.2.840.10045.2.1")
    return der.sequence(
        der.sequence(ec_public_key, parameters), der.tlv(0x03, b"\x00" + point)
    )


def test_ec_key_encodings():
    public = _p256_key().public_key()
    numbers = public.public_numbers()
    x, y = numbers.x.to_bytes(32, "big"), numbers.y.to_bytes(32, "big")
    p256 = der.oid("1.2.840.10045.3.1.7")
    # X9.62's hybrid form (tag 6 or 7 by y's parity) loads from a key file, as OpenSSL
    # reads it; the key is written back in the standard forms.
    hybrid = bytes([6 | (numbers.y & 1)]) + x + y
    loaded = serialization.load_der_public_key(_p256_spki(p256, hybrid))
    assert loaded == public
    assert (
        loaded.public_bytes(Encoding.X962, PublicFormat.UncompressedPoint)
        == b"\x04" + x + y
    )
    wrong_parity = bytes([7 - (numbers.y & 1)]) + x + y
    with pytest.raises(ValueError):
        serialization.load_der_public_key(_p256_spki(p256, wrong_parity))
    # from_encoded_point keeps to the API's documented forms.
    with pytest.raises(ValueError, match="Unsupported elliptic curve point type"):
        ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), hybrid)
    # implicitCurve (NULL parameters) names no supported curve.
    with pytest.raises(UnsupportedAlgorithm, match="explicit parameters"):
        serialization.load_der_public_key(_p256_spki(b"\x05\x00", b"\x04" + x + y))
    # An invalid EC private key in a file reads as every invalid key file does.
    order = 0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551
    for scalar in (0, order):
        sec1 = der.sequence(
            der.integer(1), der.octets(scalar.to_bytes(32, "big")), der.tlv(0xA0, p256)
        )
        with pytest.raises(ValueError, match="^Invalid key$"):
            serialization.load_der_private_key(sec1, None)


def test_pem_framing():
    # Framing is the `pem` crate's, as the reference's: what either accepts, the other
    # accepts, and errors carry the crate's description.
    pem = _p256_key().private_bytes(Encoding.PEM, PrivateFormat.PKCS8, NoEncryption())
    lines = pem.split(b"\n")
    accepted = [
        b"\n".join([lines[0], lines[1][:10] + b"\x0b" + lines[1][10:], *lines[2:]]),
        pem + b"-----BEGIN PRIVATE KEY-----\n",
        b"text before the block\n" + pem,
    ]
    for data in accepted:
        assert serialization.load_pem_private_key(data, None) is not None
    blank_line_inside = b"\n".join([*lines[:2], b"", *lines[2:]])
    with pytest.raises(ValueError, match="InvalidHeader"):
        serialization.load_pem_private_key(blank_line_inside, None)
    bad_base64 = pem.replace(lines[1][:4], b"!!!!")
    with pytest.raises(ValueError, match=r"InvalidData\(Invalid symbol 33"):
        serialization.load_pem_private_key(bad_base64, None)
    trad = _p256_key().private_bytes(
        Encoding.PEM, PrivateFormat.TraditionalOpenSSL, BestAvailableEncryption(b"pw")
    )
    space_separator = trad.replace(b"\n\n", b"\n \n", 1)
    with pytest.raises(ValueError, match="Unable to load PEM file"):
        serialization.load_pem_private_key(space_separator, b"pw")
    # A public key must be the document's first block.
    public_pem = (
        _p256_key()
        .public_key()
        .public_bytes(Encoding.PEM, PublicFormat.SubjectPublicKeyInfo)
    )
    with pytest.raises(ValueError, match="no BEGIN PUBLIC KEY"):
        serialization.load_pem_public_key(pem + public_pem)
