"""OpenSSH keys and certificates against files made by OpenSSH's ssh-keygen: the OpenSSH
folder of cryptography-vectors (every key type, encrypted and not, certificates of every
CA type, malformed certificates), this repository's vectors/openssh (one key per cipher
`ssh-keygen -Z` offers, see its make.sh), fingerprints as `ssh-keygen -l` prints them,
certificates rebuilt byte for byte, and every error path."""

from __future__ import annotations

import base64
import os
import pathlib
import shutil
import subprocess
import typing

import pytest

from cryptography.exceptions import InvalidSignature, InvalidTag, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import dsa, ec, ed25519, rsa, x25519
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    PublicFormat,
    SSHCertificate,
    SSHCertificateBuilder,
    SSHCertificateType,
    load_ssh_private_key,
    load_ssh_public_identity,
    load_ssh_public_key,
    ssh_key_fingerprint,
)
from tests.vectors import vector_path

OPENSSH = vector_path("asymmetric", "OpenSSH")
OURS = pathlib.Path(__file__).resolve().parents[2].parent / "vectors" / "openssh"
DSA_WARNING = "ignore:SSH DSA key"


def line_without_comment(path: pathlib.Path) -> bytes:
    return b" ".join(path.read_bytes().split()[:2])


def key_files() -> list[str]:
    return sorted(p.name for p in OPENSSH.glob("*.key"))


@pytest.mark.filterwarnings(DSA_WARNING)
@pytest.mark.parametrize("name", key_files())
def test_private_key_files(name):
    data = (OPENSSH / name).read_bytes()
    password = b"password" if "-psw" in name else None
    if name.startswith("sk-"):
        with pytest.raises(UnsupportedAlgorithm, match="private keys cannot be loaded"):
            load_ssh_private_key(data, password)
        return
    key = load_ssh_private_key(data, password)
    expected = line_without_comment(OPENSSH / f"{name}.pub")
    public = key.public_key().public_bytes(Encoding.OpenSSH, PublicFormat.OpenSSH)
    assert public == expected
    kind = name.split("-")[0]
    assert isinstance(
        key,
        {
            "rsa": rsa.RSAPrivateKey,
            "dsa": dsa.DSAPrivateKey,
            "ecdsa": ec.EllipticCurvePrivateKey,
            "ed25519": ed25519.Ed25519PrivateKey,
        }[kind],
    )
    if password is not None:
        with pytest.raises(TypeError, match="password-protected"):
            load_ssh_private_key(data, None)
        wrong = ValueError if "aesgcm" not in name else InvalidTag
        with pytest.raises(wrong):
            load_ssh_private_key(data, b"wrong")
    else:
        with pytest.raises(TypeError, match="not encrypted"):
            load_ssh_private_key(data, b"password")


def test_dsa_keys_warn():
    data = (OPENSSH / "dsa-nopsw.key").read_bytes()
    with pytest.warns(UserWarning, match="SSH DSA keys are deprecated"):
        key = load_ssh_private_key(data, None)
    with pytest.warns(UserWarning, match="SSH DSA key support is deprecated"):
        key.public_key().public_bytes(Encoding.OpenSSH, PublicFormat.OpenSSH)
    with pytest.warns(UserWarning, match="SSH DSA keys are deprecated"):
        load_ssh_public_key((OPENSSH / "dsa-nopsw.key.pub").read_bytes())
    # Certificates and identities refuse DSA.
    with pytest.raises(UnsupportedAlgorithm, match="DSA keys aren't supported"):
        load_ssh_public_identity((OPENSSH / "dsa-nopsw.key.pub").read_bytes())


@pytest.mark.filterwarnings(DSA_WARNING)
@pytest.mark.parametrize("name", sorted(p.name for p in OPENSSH.glob("*.key.pub")))
def test_public_key_files(name):
    data = (OPENSSH / name).read_bytes()
    key = load_ssh_public_key(data)
    if name.startswith("sk-"):
        # A FIDO key reads as its plain key; the application string is checked, not kept.
        kind = (
            ec.EllipticCurvePublicKey if "ecdsa" in name else ed25519.Ed25519PublicKey
        )
        assert isinstance(key, kind)
        return
    assert key.public_bytes(Encoding.OpenSSH, PublicFormat.OpenSSH) == (
        line_without_comment(OPENSSH / name)
    )
    # Tabs and runs of spaces between the fields, and no comment.
    fields = data.split()
    assert load_ssh_public_key(b" \t ".join(fields[:2])) == key
    # Every truncation of the blob is refused.
    blob = base64.b64decode(fields[1])
    for cut in range(1, len(blob), 7):
        with pytest.raises(ValueError):
            load_ssh_public_key(fields[0] + b" " + base64.b64encode(blob[:cut]))


@pytest.mark.parametrize(
    ("name", "sha256", "md5"),
    [
        (
            "ed25519-nopsw.key.pub",
            "knottK/0LBWlxvM2cDgzzCJdQ0ppFlY/hzlHWlZTOLk",
            "e5523d019ea0c1e98c3f4c7cc5945785",
        ),
        (
            "rsa-nopsw.key.pub",
            "gMB1ylYk/OsEsYNdmh6hjRfEZKIzvmuk6SCSaonm6CU",
            "1047c26573d65149480b811f36047b52",
        ),
        (
            "ecdsa-nopsw.key.pub",
            "W6Wr6d8N5R5y1rzZl8L03NTgrxc8adxeET7GkXdJSvU",
            "0d65f22dfa47718c5e16b0352b061b37",
        ),
    ],
)
def test_fingerprints_match_ssh_keygen(name, sha256, md5):
    # The values `ssh-keygen -l -E sha256|md5 -f FILE` prints.
    key = load_ssh_public_key((OPENSSH / name).read_bytes())
    digest = ssh_key_fingerprint(key, hashes.SHA256())
    assert base64.b64encode(digest).rstrip(b"=").decode() == sha256
    assert ssh_key_fingerprint(key, hashes.MD5()).hex() == md5
    assert len(ssh_key_fingerprint(key, hashes.SHA1())) == 20
    with pytest.raises(TypeError):
        ssh_key_fingerprint(key, hashes.SHA512())  # type: ignore[arg-type]


@pytest.mark.parametrize("path", sorted(OURS.glob("*.key")), ids=lambda p: p.name)
def test_every_cipher_of_ssh_keygen(path):
    data = path.read_bytes()
    key = load_ssh_private_key(data, b"password")
    expected = line_without_comment(path.with_name(path.name + ".pub"))
    public = key.public_key().public_bytes(Encoding.OpenSSH, PublicFormat.OpenSSH)
    assert public == expected
    aead = "gcm" in path.name or "chacha" in path.name
    with pytest.raises(InvalidTag if aead else ValueError):
        load_ssh_private_key(data, b"passwore")


def test_tampered_aead_tag():
    path = OURS / "ed25519-chacha20-poly1305.key"
    lines = path.read_bytes().splitlines()
    body = bytearray(base64.b64decode(b"".join(lines[1:-1])))
    body[-1] ^= 1
    encoded = base64.encodebytes(bytes(body))
    tampered = lines[0] + b"\n" + encoded + lines[-1] + b"\n"
    with pytest.raises(InvalidTag):
        load_ssh_private_key(tampered, b"password")
    # A tag of the wrong length is a corrupt file.
    short = base64.encodebytes(bytes(body[:-1]))
    with pytest.raises(ValueError, match="tag length"):
        load_ssh_private_key(lines[0] + b"\n" + short + lines[-1], b"password")


CERTIFICATES = {
    # name: (type, serial, key id, principals, extensions)
    "rsa-nopsw.key-cert.pub": (
        SSHCertificateType.USER,
        2,
        [b"user1", b"user2"],
        [
            b"permit-X11-forwarding",
            b"permit-agent-forwarding",
            b"permit-port-forwarding",
            b"permit-pty",
            b"permit-user-rc",
        ],
    ),
    "ecdsa-nopsw.key-cert.pub": (
        SSHCertificateType.HOST,
        0,
        [b"domain1", b"domain2"],
        [],
    ),
    "ed25519-nopsw.key-cert.pub": (
        SSHCertificateType.USER,
        0,
        [],
        [
            b"permit-X11-forwarding",
            b"permit-agent-forwarding",
            b"permit-pty",
            b"permit-user-rc",
        ],
    ),
}


@pytest.mark.parametrize("name", sorted(CERTIFICATES))
def test_certificate_files(name):
    cert_type, serial, principals, extensions = CERTIFICATES[name]
    data = (OPENSSH / name).read_bytes()
    cert = load_ssh_public_identity(data)
    assert isinstance(cert, SSHCertificate)
    assert (cert.type, cert.serial, cert.key_id) == (cert_type, serial, b"name")
    assert cert.valid_principals == principals
    assert list(cert.extensions) == extensions
    assert all(value == b"" for value in cert.extensions.values())
    assert cert.critical_options == {}
    assert (cert.valid_after, cert.valid_before) == (0, 2**64 - 1)
    assert len(cert.nonce) == 32
    cert.verify_cert_signature()
    assert cert.public_bytes() == line_without_comment(OPENSSH / name)
    # Self-signed by the key in the file: subject and CA are the same key.
    own = load_ssh_public_key((OPENSSH / name.replace("-cert", "")).read_bytes())
    assert cert.public_key() == own
    assert cert.signature_key() == own
    # The certificate's line also reads as its subject key.
    assert load_ssh_public_key(data) == own


@pytest.mark.parametrize(
    ("name", "rebuild"),
    [("ed25519-nopsw.key-cert.pub", "ed25519"), ("rsa-nopsw.key-cert.pub", "rsa")],
)
def test_certificates_rebuilt_byte_for_byte(monkeypatch, name, rebuild):
    # Ed25519 and RSA PKCS#1 v1.5 signatures are deterministic: with ssh-keygen's
    # nonce, the builder must give ssh-keygen's certificate exactly.
    original = load_ssh_public_identity((OPENSSH / name).read_bytes())
    assert isinstance(original, SSHCertificate)
    ca = load_ssh_private_key(
        (OPENSSH / name.replace("-cert.pub", "")).read_bytes(), None
    )
    monkeypatch.setattr(os, "urandom", lambda n: original.nonce)
    builder = (
        SSHCertificateBuilder()
        .public_key(original.public_key())
        .serial(original.serial)
        .type(original.type)
        .key_id(original.key_id)
        .valid_after(original.valid_after)
        .valid_before(original.valid_before)
    )
    if original.valid_principals:
        builder = builder.valid_principals(original.valid_principals)
    else:
        builder = builder.valid_for_all_principals()
    # Given in reverse: the builder sorts them as OpenSSH requires.
    for extension in reversed(list(original.extensions)):
        builder = builder.add_extension(extension, b"")
    rebuilt = builder.sign(typing.cast(typing.Any, ca))
    assert rebuilt.public_bytes() == original.public_bytes()


@pytest.mark.parametrize(
    "name",
    [
        "p256-p384.pub",
        "p256-p521.pub",
        "p256-rsa-sha1.pub",
        "p256-rsa-sha256.pub",
        "p256-rsa-sha512.pub",
    ],
)
def test_certificates_signed_by_other_cas(name):
    cert = load_ssh_public_identity((OPENSSH / "certs" / name).read_bytes())
    assert isinstance(cert, SSHCertificate)
    cert.verify_cert_signature()
    assert isinstance(cert.public_key(), ec.EllipticCurvePublicKey)


@pytest.mark.parametrize(
    ("name", "error"),
    [
        ("dsa-p256.pub", UnsupportedAlgorithm),
        ("p256-dsa.pub", UnsupportedAlgorithm),
        ("p256-ed25519-non-singular-crit-opt-val.pub", ValueError),
        ("p256-ed25519-non-singular-ext-val.pub", ValueError),
        ("p256-p256-broken-signature-key-type.pub", ValueError),
        ("p256-p256-duplicate-crit-opts.pub", ValueError),
        ("p256-p256-duplicate-extension.pub", ValueError),
        ("p256-p256-invalid-cert-type.pub", ValueError),
        ("p256-p256-non-lexical-crit-opts.pub", ValueError),
        ("p256-p256-non-lexical-extensions.pub", ValueError),
    ],
)
def test_malformed_certificates(name, error):
    with pytest.raises(error):
        load_ssh_public_identity((OPENSSH / "certs" / name).read_bytes())


def test_certificate_with_no_principals_and_a_bad_window():
    cert = load_ssh_public_identity(
        (OPENSSH / "certs" / "p256-p256-empty-principals.pub").read_bytes()
    )
    assert isinstance(cert, SSHCertificate)
    # As `ssh-keygen -L` shows it: key id "test", no principals, valid_after after
    # valid_before (reading does not judge validity).
    assert (cert.key_id, cert.valid_principals) == (b"test", [])
    assert cert.valid_after > cert.valid_before
    cert.verify_cert_signature()


def test_tampered_certificate_signature():
    line = (OPENSSH / "ed25519-nopsw.key-cert.pub").read_bytes().split()
    blob = bytearray(base64.b64decode(line[1]))
    blob[-1] ^= 1
    cert = load_ssh_public_identity(line[0] + b" " + base64.b64encode(bytes(blob)))
    assert isinstance(cert, SSHCertificate)
    with pytest.raises(InvalidSignature):
        cert.verify_cert_signature()


def _ssh_keygen_reads(path: pathlib.Path, passphrase: bytes) -> bytes:
    result = subprocess.run(
        ["ssh-keygen", "-y", "-P", passphrase.decode(), "-f", str(path)],
        capture_output=True,
        check=True,
    )
    return result.stdout.strip()


def _keys() -> list[typing.Any]:
    return [
        rsa.generate_private_key(65537, 2048),
        ec.generate_private_key(ec.SECP256R1()),
        ec.generate_private_key(ec.SECP384R1()),
        ec.generate_private_key(ec.SECP521R1()),
        ed25519.Ed25519PrivateKey.generate(),
    ]


@pytest.mark.parametrize("key", _keys(), ids=lambda k: type(k).__name__)
@pytest.mark.parametrize("passphrase", [b"", b"secret"])
def test_written_files_read_back(tmp_path, key, passphrase):
    encryption: serialization.KeySerializationEncryption = NoEncryption()
    if passphrase:
        encryption = (
            PrivateFormat.OpenSSH.encryption_builder().kdf_rounds(2).build(passphrase)
        )
    pem = key.private_bytes(Encoding.PEM, PrivateFormat.OpenSSH, encryption)
    assert pem.startswith(b"-----BEGIN OPENSSH PRIVATE KEY-----\n")
    assert max(len(line) for line in pem.splitlines()) <= 70
    loaded = load_ssh_private_key(pem, passphrase or None)
    public = key.public_key().public_bytes(Encoding.OpenSSH, PublicFormat.OpenSSH)
    assert (
        loaded.public_key().public_bytes(Encoding.OpenSSH, PublicFormat.OpenSSH)
        == public
    )
    if shutil.which("ssh-keygen"):
        path = tmp_path / "key"
        path.write_bytes(pem)
        path.chmod(0o600)
        assert _ssh_keygen_reads(path, passphrase) == public


def test_serialization_rules():
    key = ec.generate_private_key(ec.SECP256R1())
    with pytest.raises(ValueError, match="PEM encoding"):
        key.private_bytes(Encoding.DER, PrivateFormat.OpenSSH, NoEncryption())
    with pytest.raises(ValueError, match="Unsupported encryption type"):
        key.private_bytes(
            Encoding.PEM,
            PrivateFormat.OpenSSH,
            PrivateFormat.PKCS12.encryption_builder().build(b"pw"),
        )
    with pytest.raises(ValueError, match="Unsupported curve"):
        ec.generate_private_key(ec.SECP224R1()).public_key().public_bytes(
            Encoding.OpenSSH, PublicFormat.OpenSSH
        )
    exchange = x25519.X25519PrivateKey.generate()
    with pytest.raises(ValueError):
        exchange.private_bytes(Encoding.PEM, PrivateFormat.OpenSSH, NoEncryption())
    with pytest.raises(ValueError):
        exchange.public_key().public_bytes(Encoding.OpenSSH, PublicFormat.OpenSSH)
    with pytest.raises(ValueError, match="OpenSSH encoding"):
        key.public_key().public_bytes(Encoding.PEM, PublicFormat.OpenSSH)
    with pytest.raises(TypeError):
        key.public_key().public_bytes(
            Encoding.OpenSSH, PublicFormat.SubjectPublicKeyInfo
        )


def test_malformed_lines_and_files():
    ed_line = (OPENSSH / "ed25519-nopsw.key.pub").read_bytes()
    for bad in [b"", b"ssh-ed25519", b"ssh-ed25519\nAAAA", b" ssh-ed25519 AAAA"]:
        with pytest.raises(ValueError):
            load_ssh_public_key(bad)
    with pytest.raises(UnsupportedAlgorithm, match="Unsupported key type"):
        load_ssh_public_key(b"ssh-foo " + ed_line.split()[1])
    # The type inside the blob must be the line's.
    with pytest.raises(ValueError, match="Invalid key format"):
        load_ssh_public_key(b"ecdsa-sha2-nistp256 " + ed_line.split()[1])
    with pytest.raises(ValueError):
        load_ssh_public_key(b"ssh-ed25519 !!!!")
    pem = (OPENSSH / "ed25519-nopsw.key").read_bytes()
    with pytest.raises(ValueError, match="Not OpenSSH private key format"):
        load_ssh_private_key(pem.replace(b"OPENSSH", b"OPENSSL"), None)
    lines = pem.splitlines()
    body = base64.b64decode(b"".join(lines[1:-1]))
    for cut in (20, 60, len(body) - 9):
        truncated = lines[0] + b"\n" + base64.encodebytes(body[:cut]) + lines[-1]
        with pytest.raises(ValueError):
            load_ssh_private_key(truncated, None)


def test_builder_rules():
    key = ed25519.Ed25519PrivateKey.generate()
    base = (
        SSHCertificateBuilder()
        .public_key(key.public_key())
        .type(SSHCertificateType.HOST)
        .valid_after(10)
        .valid_before(20.5)
    )
    with pytest.raises(ValueError, match="valid_principals must be set"):
        base.sign(key)
    cert = base.valid_principals([b"host"]).key_id(b"id").serial(7).sign(key)
    assert (cert.serial, cert.key_id, cert.valid_before) == (7, b"id", 20)
    assert cert.type is SSHCertificateType.HOST
    cert.verify_cert_signature()
    with pytest.raises(ValueError, match="already set"):
        base.valid_after(1)
    with pytest.raises(TypeError):
        exchange_key: typing.Any = x25519.X25519PrivateKey.generate().public_key()
        SSHCertificateBuilder().public_key(exchange_key)
    with pytest.raises(ValueError):
        SSHCertificateBuilder().serial(2**64)
    with pytest.raises(TypeError):
        base.valid_principals([])
    with pytest.raises(ValueError, match="maximum"):
        base.valid_principals([b"p"] * 257)
    with pytest.raises(ValueError, match="Duplicate"):
        base.add_extension(b"a", b"").add_extension(b"a", b"")
    with pytest.raises(ValueError, match="earlier"):
        SSHCertificateBuilder().public_key(key.public_key()).type(
            SSHCertificateType.USER
        ).valid_for_all_principals().valid_after(5).valid_before(4).sign(key)
    with pytest.raises(TypeError, match="Unsupported private key type"):
        base.valid_for_all_principals().sign(x25519.X25519PrivateKey.generate())  # type: ignore[arg-type]
    # A value is written as a string inside the field and read back as given.
    cert = (
        base.valid_for_all_principals()
        .add_critical_option(b"force-command", b"echo hi")
        .sign(ec.generate_private_key(ec.SECP384R1()))
    )
    assert cert.critical_options == {b"force-command": b"echo hi"}
    cert.verify_cert_signature()
