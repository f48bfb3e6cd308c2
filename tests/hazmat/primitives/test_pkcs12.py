"""PKCS #12: the files of cryptography-vectors read with their passwords (keys, the
certificate that goes with the key, the others in order, friendly names), wrong
passwords and non-PKCS #12 data refused with the reference's messages, and what is
written: the Java trust store of the vectors byte for byte up to its random MAC, the
key bag's exact PKCS #8, the local key ID, the scheme and MAC choices by their DER, and
an independent check of the MAC."""

from __future__ import annotations

import hashlib
import hmac
import typing

import pytest

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519
from cryptography.hazmat.primitives.serialization.pkcs12 import (
    PBES,
    PKCS12Certificate,
    PKCS12KeyAndCertificates,
    load_key_and_certificates,
    load_pkcs12,
    serialize_java_truststore,
    serialize_key_and_certificates,
)
from tests.der import sequence, tlv
from tests.vectors import vector_path


def _cert(*parts: str) -> x509.Certificate:
    return x509.load_pem_x509_certificate(vector_path(*parts).read_bytes())


def _ca() -> tuple[x509.Certificate, ec.EllipticCurvePrivateKey]:
    key = serialization.load_pem_private_key(
        vector_path("pkcs12", "ca", "ca_key.pem").read_bytes(), None
    )
    assert isinstance(key, ec.EllipticCurvePrivateKey)
    return _cert("pkcs12", "ca", "ca.pem"), key


def _p12(name: str) -> bytes:
    return vector_path("pkcs12", name).read_bytes()


CERT2 = ("x509", "cryptography.io.pem")
CERT3 = ("x509", "letsencryptx3.pem")


@pytest.mark.parametrize(
    ("filename", "password"),
    [
        ("cert-key-aes256cbc.p12", b"cryptography"),
        ("cert-none-key-none.p12", b"cryptography"),
        ("cert-rc2-key-3des.p12", b"cryptography"),
    ],
)
def test_key_and_certificate(filename: str, password: bytes) -> None:
    cert, key = _ca()
    loaded_key, loaded_cert, others = load_key_and_certificates(
        _p12(filename), password
    )
    assert isinstance(loaded_key, ec.EllipticCurvePrivateKey)
    assert loaded_key.private_numbers() == key.private_numbers()
    assert loaded_cert == cert
    assert others == []


def test_a_ber_file_loads_with_a_warning() -> None:
    # The MAC's iteration count is written out although it is the default: not DER.
    cert, key = _ca()
    with pytest.warns(UserWarning, match="could not be parsed as DER") as caught:
        loaded_key, loaded_cert, _ = load_key_and_certificates(
            _p12("no-password.p12"), None
        )
    assert "DEFAULT value was explicitly encoded" in str(caught[0].message)
    assert isinstance(loaded_key, ec.EllipticCurvePrivateKey)
    assert loaded_key.private_numbers() == key.private_numbers()
    assert loaded_cert == cert


def test_certificate_or_key_alone() -> None:
    cert, key = _ca()
    assert load_key_and_certificates(
        _p12("cert-aes256cbc-no-key.p12"), b"cryptography"
    ) == (None, None, [cert])
    loaded_key, loaded_cert, others = load_key_and_certificates(
        typing.cast(bytes, bytearray(_p12("no-cert-key-aes256cbc.p12"))),
        typing.cast(bytes, bytearray(b"cryptography")),
    )
    assert isinstance(loaded_key, ec.EllipticCurvePrivateKey)
    assert loaded_key.private_numbers() == key.private_numbers()
    assert (loaded_cert, others) == (None, [])


NAMES = {
    "no-name": (None, None, None),
    "name-all": (b"name", b"name2", b"name3"),
    "name-1": (b"name", None, None),
    "name-2-3": (None, b"name2", b"name3"),
    "name-2": (None, b"name2", None),
    "name-3": (None, None, b"name3"),
    "name-unicode": ("☺".encode(), "ä".encode(), "ç".encode()),
}


@pytest.mark.parametrize("stem", sorted(NAMES))
@pytest.mark.parametrize(
    ("suffix", "password"), [("no-pwd", None), ("pwd", b"password")]
)
def test_friendly_names(stem: str, suffix: str, password: bytes | None) -> None:
    cert, key = _ca()
    loaded = load_pkcs12(_p12(f"{stem}-{suffix}.p12"), password)
    name1, name2, name3 = NAMES[stem]
    assert isinstance(loaded.key, ec.EllipticCurvePrivateKey)
    assert loaded.key.private_numbers() == key.private_numbers()
    assert loaded.cert == PKCS12Certificate(cert, name1)
    assert loaded.additional_certs == [
        PKCS12Certificate(_cert(*CERT2), name2),
        PKCS12Certificate(_cert(*CERT3), name3),
    ]


@pytest.mark.parametrize(
    ("stem", "names"),
    [
        ("no-cert-no-name", (None, None)),
        ("no-cert-name-all", (b"name2", b"name3")),
        ("no-cert-name-2", (b"name2", None)),
        ("no-cert-name-3", (None, b"name3")),
        ("no-cert-name-unicode", ("☹".encode(), "ï".encode())),
    ],
)
@pytest.mark.parametrize(
    ("suffix", "password"), [("no-pwd", None), ("pwd", b"password")]
)
def test_certificates_without_key(
    stem: str,
    names: tuple[bytes | None, bytes | None],
    suffix: str,
    password: bytes | None,
) -> None:
    loaded = load_pkcs12(_p12(f"{stem}-{suffix}.p12"), password)
    assert loaded == PKCS12KeyAndCertificates(
        None,
        None,
        [
            PKCS12Certificate(_cert(*CERT2), names[0]),
            PKCS12Certificate(_cert(*CERT3), names[1]),
        ],
    )


def test_wrong_password_and_not_pkcs12() -> None:
    with pytest.raises(ValueError, match="^Invalid password or PKCS12 data$"):
        load_key_and_certificates(_p12("cert-key-aes256cbc.p12"), b"invalid")
    with pytest.raises(ValueError, match="^Invalid password or PKCS12 data$"):
        load_key_and_certificates(_p12("cert-key-aes256cbc.p12"), b"crypto\x00graphy")
    with pytest.raises(ValueError, match="^Could not deserialize PKCS12 data$"):
        load_key_and_certificates(b"invalid", b"pass")
    with pytest.raises(TypeError):
        load_key_and_certificates(
            _p12("cert-key-aes256cbc.p12"), typing.cast(typing.Any, "x")
        )


def _pfx_parts(p12: bytes) -> tuple[bytes, bytes, bytes, bytes, int]:
    """The AuthenticatedSafe's DER, and the MAC's hash OID, digest, salt and iterations."""

    def read(data: bytes, at: int) -> tuple[int, int, int]:
        tag, length, at = data[at], data[at + 1], at + 2
        if length & 0x80:
            count = length & 0x7F
            length, at = int.from_bytes(data[at : at + count], "big"), at + count
        return tag, at, length

    _, body, _ = read(p12, 0)
    _, version_end, version_len = read(p12, body)
    _, info, info_len = read(p12, version_end + version_len)
    _, oid, oid_len = read(p12, info)
    _, explicit, _ = read(p12, oid + oid_len)
    _, content, content_len = read(p12, explicit)
    auth_safe = p12[content : content + content_len]
    _, mac_data, _ = read(p12, info + info_len)
    _, digest_info, _ = read(p12, mac_data)
    _, algorithm, algorithm_len = read(p12, digest_info)
    _, hash_oid, hash_oid_len = read(p12, algorithm)
    _, digest, digest_len = read(p12, algorithm + algorithm_len)
    _, salt, salt_len = read(p12, digest + digest_len)
    _, iterations, iterations_len = read(p12, salt + salt_len)
    return (
        auth_safe,
        p12[hash_oid : hash_oid + hash_oid_len],
        p12[digest : digest + digest_len],
        p12[salt : salt + salt_len],
        int.from_bytes(p12[iterations : iterations + iterations_len], "big"),
    )


def _pkcs12_kdf(
    name: str, password: bytes, salt: bytes, rounds: int, length: int
) -> bytes:
    """RFC 7292 appendix B.2 with ID 3 (a MAC key), written from the RFC."""
    block = hashlib.new(name).block_size

    def stretch(data: bytes) -> bytes:
        if not data:
            return b""
        size = block * -(-len(data) // block)
        return (data * (size // len(data) + 1))[:size]

    text = stretch(salt) + stretch(password)
    out = b""
    while len(out) < length:
        a = bytes([3]) * block + text
        for _ in range(rounds):
            a = hashlib.new(name, a).digest()
        out += a
        b = int.from_bytes((a * (block // len(a) + 1))[:block], "big")
        text = b"".join(
            (
                (int.from_bytes(text[i : i + block], "big") + b + 1)
                % (1 << (8 * block))
            ).to_bytes(block, "big")
            for i in range(0, len(text), block)
        )
    return out[:length]


SHA256_OID = b"\x60\x86\x48\x01\x65\x03\x04\x02\x01"
SHA1_OID = b"\x2b\x0e\x03\x02\x1a"


@pytest.mark.parametrize(
    ("encryption", "bmp_password", "hash_name", "hash_oid"),
    [
        # No encryption still gets a MAC, under the empty password.
        (serialization.NoEncryption(), b"\x00\x00", "sha256", SHA256_OID),
        (
            serialization.BestAvailableEncryption(b"pw"),
            b"\x00p\x00w\x00\x00",
            "sha256",
            SHA256_OID,
        ),
        (
            serialization.PrivateFormat.PKCS12.encryption_builder()
            .hmac_hash(hashes.SHA1())
            .build(b"pw"),
            b"\x00p\x00w\x00\x00",
            "sha1",
            SHA1_OID,
        ),
    ],
)
def test_the_mac_checks_out(
    encryption: serialization.KeySerializationEncryption,
    bmp_password: bytes,
    hash_name: str,
    hash_oid: bytes,
) -> None:
    cert, key = _ca()
    p12 = serialize_key_and_certificates(b"name", key, cert, None, encryption)
    auth_safe, oid, digest, salt, rounds = _pfx_parts(p12)
    assert (oid, len(salt), rounds) == (hash_oid, 8, 2048)
    mac_key = _pkcs12_kdf(hash_name, bmp_password, salt, rounds, len(digest))
    assert hmac.new(mac_key, auth_safe, hash_name).digest() == digest


def test_unencrypted_bags_hold_the_exact_key_and_attributes() -> None:
    cert, key = _ca()
    p12 = serialize_key_and_certificates(
        b"name", key, cert, None, serialization.NoEncryption()
    )
    pkcs8 = key.private_bytes(
        serialization.Encoding.DER,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    key_id = cert.fingerprint(hashes.SHA1())
    # friendlyName (BMPString "name") and localKeyId (the certificate's SHA-1), sorted
    # as a DER SET OF.
    attributes = tlv(
        0x31,
        sequence(
            tlv(0x06, b"\x2a\x86\x48\x86\xf7\x0d\x01\x09\x14"),
            tlv(0x31, tlv(0x1E, "name".encode("utf-16-be"))),
        )
        + sequence(
            tlv(0x06, b"\x2a\x86\x48\x86\xf7\x0d\x01\x09\x15"),
            tlv(0x31, tlv(0x04, key_id)),
        ),
    )
    key_bag = sequence(
        tlv(0x06, b"\x2a\x86\x48\x86\xf7\x0d\x01\x0c\x0a\x01\x01"),
        tlv(0xA0, pkcs8),
        attributes,
    )
    assert key_bag in p12
    assert p12.count(key_id) == 2
    encrypted = serialize_key_and_certificates(
        None, key, cert, None, serialization.BestAvailableEncryption(b"pw")
    )
    assert pkcs8 not in encrypted and encrypted.count(key_id) == 1


def test_java_truststore_matches_the_published_file() -> None:
    golden = _p12("java-truststore.p12")
    p12 = serialize_java_truststore(
        [
            PKCS12Certificate(
                _cert("x509", "custom", "dsa_selfsigned_ca.pem"), b"cert1"
            ),
            PKCS12Certificate(_cert(*CERT3), None),
        ],
        serialization.NoEncryption(),
    )
    # Everything but the MAC's digest, salt and iteration count (the last 49 bytes).
    assert len(p12) == len(golden)
    assert p12[:-49] == golden[:-49]
    assert load_pkcs12(p12, None).additional_certs[0].friendly_name == b"cert1"


@pytest.mark.parametrize(
    ("scheme", "scheme_der"),
    [
        (
            PBES.PBESv2SHA256AndAES256CBC,
            b"\x06\x09\x60\x86\x48\x01\x65\x03\x04\x01\x2a",
        ),
        (
            PBES.PBESv1SHA1And3KeyTripleDESCBC,
            b"\x06\x0a\x2a\x86\x48\x86\xf7\x0d\x01\x0c\x01\x03",
        ),
    ],
)
def test_builder_choices(scheme: PBES, scheme_der: bytes) -> None:
    cert, key = _ca()
    other = _cert(*CERT2)
    encryption = (
        serialization.PrivateFormat.PKCS12.encryption_builder()
        .key_cert_algorithm(scheme)
        .kdf_rounds(22222)
        .build(b"secret")
    )
    p12 = serialize_key_and_certificates(
        b"name", key, cert, [PKCS12Certificate(other, b"other")], encryption
    )
    # Two bags encrypted with the scheme, each with 22222 (0x56ce) rounds.
    assert p12.count(scheme_der) == 2
    assert p12.count(b"\x02\x02\x56\xce") == 2
    loaded = load_pkcs12(p12, b"secret")
    assert loaded.cert == PKCS12Certificate(cert, b"name")
    assert loaded.additional_certs == [PKCS12Certificate(other, b"other")]
    assert isinstance(loaded.key, ec.EllipticCurvePrivateKey)
    assert loaded.key.private_numbers() == key.private_numbers()
    with pytest.raises(ValueError, match="^Invalid password or PKCS12 data$"):
        load_pkcs12(p12, b"wrong")


def test_ordering_and_lone_certificates() -> None:
    cert, key = _ca()
    cert2, cert3 = _cert(*CERT2), _cert(*CERT3)
    p12 = serialize_key_and_certificates(
        None, key, cert, [cert2, cert3], serialization.NoEncryption()
    )
    assert load_key_and_certificates(p12, None)[1:] == (cert, [cert2, cert3])
    # A certificate without its key is written as one of the others.
    lone = serialize_key_and_certificates(
        None, None, cert, None, serialization.NoEncryption()
    )
    assert load_key_and_certificates(lone, None) == (None, None, [cert])


def test_serialization_errors() -> None:
    cert, key = _ca()
    none = serialization.NoEncryption()
    with pytest.raises(
        ValueError, match="^You must supply at least one of key, cert, or cas$"
    ):
        serialize_key_and_certificates(None, None, None, None, none)
    with pytest.raises(ValueError, match="^You must supply at least one cert$"):
        serialize_java_truststore([], none)
    with pytest.raises(ValueError, match="do not match"):
        serialize_key_and_certificates(
            None, ed25519.Ed25519PrivateKey.generate(), cert, None, none
        )
    with pytest.raises(ValueError):
        serialize_key_and_certificates(b"\xc9", None, cert, None, none)
    with pytest.raises(
        TypeError, match="^Key must be RSA, DSA, EllipticCurve, ED25519"
    ):
        serialize_key_and_certificates(
            None, typing.cast(typing.Any, cert), cert, None, none
        )
    with pytest.raises(TypeError, match="is not an instance of 'Certificate'"):
        serialize_key_and_certificates(
            None, key, typing.cast(typing.Any, key), None, none
        )
    with pytest.raises(
        TypeError, match="failed to extract enum CertificateOrPKCS12Certificate"
    ):
        serialize_key_and_certificates(
            None, key, cert, [typing.cast(typing.Any, key)], none
        )
    with pytest.raises(TypeError, match="is not an instance of 'PKCS12Certificate'"):
        serialize_java_truststore([typing.cast(typing.Any, cert)], none)
    with pytest.raises(
        TypeError,
        match="^Key encryption algorithm must be a KeySerializationEncryption instance$",
    ):
        serialize_key_and_certificates(
            None, key, cert, None, typing.cast(typing.Any, key)
        )
    openssh = serialization.PrivateFormat.OpenSSH.encryption_builder().build(b"pw")
    with pytest.raises(ValueError, match="^Unsupported key encryption type$"):
        serialize_key_and_certificates(None, key, cert, None, openssh)
    pbes1_non_utf8 = (
        serialization.PrivateFormat.PKCS12.encryption_builder()
        .key_cert_algorithm(PBES.PBESv1SHA1And3KeyTripleDESCBC)
        .build(b"\xff")
    )
    with pytest.raises(ValueError):
        serialize_key_and_certificates(None, key, cert, None, pbes1_non_utf8)


def test_value_classes() -> None:
    cert, key = _ca()
    named = PKCS12Certificate(cert, b"a")
    assert named == PKCS12Certificate(cert, b"a") != PKCS12Certificate(cert, None)
    assert hash(named) == hash(PKCS12Certificate(cert, b"a"))
    assert repr(named) == f"<PKCS12Certificate({cert!r}, friendly_name=b'a')>"
    with pytest.raises(TypeError):
        PKCS12Certificate(typing.cast(typing.Any, "cert"), None)
    with pytest.raises(TypeError):
        PKCS12Certificate(cert, typing.cast(typing.Any, "name"))
    bundle = PKCS12KeyAndCertificates(key, named, [])
    assert bundle == PKCS12KeyAndCertificates(key, named, [])
    assert bundle != PKCS12KeyAndCertificates(None, named, [])
    assert repr(bundle) == (
        f"<PKCS12KeyAndCertificates(key={key}, cert={named}, additional_certs=[])>"
    )
    with pytest.raises(TypeError):
        PKCS12KeyAndCertificates(None, None, [typing.cast(typing.Any, cert)])
