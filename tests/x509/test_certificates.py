"""Certificates of cryptography-vectors and of vectors/x509, read field by field; the
expected values are what `openssl x509 -noout -serial -startdate -enddate -subject
-issuer -nameopt RFC2253 -fingerprint -sha256` prints for each file."""

from __future__ import annotations

import datetime
import pathlib
import warnings

import pytest

from cryptography import utils, x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ed25519, rsa
from tests.vectors import vector_path

UTC = datetime.timezone.utc
FIXTURES = pathlib.Path(__file__).resolve().parents[2] / "vectors" / "x509"

# (file, serial, not before, not after, subject, issuer, SHA-256 fingerprint)
OPENSSL_READINGS = [
    (
        "x509/cryptography.io.pem",
        0x3F20,
        datetime.datetime(2014, 10, 15, 12, 9, 32, tzinfo=UTC),
        datetime.datetime(2018, 11, 16, 1, 15, 3, tzinfo=UTC),
        "CN=www.cryptography.io,OU=Domain Control Validated - RapidSSL(R),"
        "OU=See www.rapidssl.com/resources/cps (c)14,OU=GT48742965",
        "CN=RapidSSL SHA256 CA - G3,O=GeoTrust Inc.,C=US",
        "dc4f4d1400d4526052b5da693394dc8560b29cc21df90b9e2ec7416261c73888",
    ),
    (
        "x509/v1_cert.pem",
        0x18,
        datetime.datetime(1995, 6, 19, 23, 33, 12, tzinfo=UTC),
        datetime.datetime(1995, 7, 17, 23, 33, 12, tzinfo=UTC),
        "CN=SSLeay/rsa test cert,ST=QLD,C=AU",
        "CN=SSLeay/rsa test CA,ST=QLD,C=AU",
        "5b7c4e9f7e70162fcc12a8d2416dae351273979f0ed0c97d0ff126fd73a7ee66",
    ),
    (
        "x509/custom/post2000utctime.pem",
        0xA06CB4B955F7F4DB,
        datetime.datetime(2014, 11, 26, 21, 41, 20, tzinfo=UTC),
        datetime.datetime(2014, 12, 26, 21, 41, 20, tzinfo=UTC),
        "CN=Hello CA,O=Internet Widgits Pty Ltd,ST=Some-State,C=AU",
        "CN=Hello CA,O=Internet Widgits Pty Ltd,ST=Some-State,C=AU",
        "c892581967059e155df60efe03c3ea1424490826fac8049d1d772d130d444e50",
    ),
]


@pytest.mark.parametrize(
    ("path", "serial", "before", "after", "subject", "issuer", "sha256"),
    OPENSSL_READINGS,
)
def test_fields_as_openssl_reads_them(
    path: str,
    serial: int,
    before: datetime.datetime,
    after: datetime.datetime,
    subject: str,
    issuer: str,
    sha256: str,
) -> None:
    with open(vector_path(path), "rb") as f:
        certificate = x509.load_pem_x509_certificate(f.read())
    assert certificate.serial_number == serial
    assert certificate.not_valid_before_utc == before
    assert certificate.not_valid_after_utc == after
    assert certificate.subject.rfc4514_string() == subject
    assert certificate.issuer.rfc4514_string() == issuer
    assert certificate.fingerprint(hashes.SHA256()).hex() == sha256
    with pytest.warns(utils.CryptographyDeprecationWarning):
        assert certificate.not_valid_before == before.replace(tzinfo=None)
    assert isinstance(certificate.public_key(), rsa.RSAPublicKey)


def test_v1_and_v3() -> None:
    with open(vector_path("x509/v1_cert.pem"), "rb") as f:
        assert x509.load_pem_x509_certificate(f.read()).version is x509.Version.v1
    with open(vector_path("x509/cryptography.io.pem"), "rb") as f:
        assert x509.load_pem_x509_certificate(f.read()).version is x509.Version.v3


def test_a_negative_serial_loads_with_a_warning() -> None:
    # openssl: serial=-04316693ED
    with open(vector_path("x509/custom/negative_serial.pem"), "rb") as f:
        data = f.read()
    with pytest.warns(utils.CryptographyDeprecationWarning):
        certificate = x509.load_pem_x509_certificate(data)
    with pytest.warns(utils.CryptographyDeprecationWarning):
        assert certificate.serial_number == -0x04316693ED


def test_the_ed25519_fixture() -> None:
    der = (FIXTURES / "ed25519-ca.der").read_bytes()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        certificate = x509.load_der_x509_certificate(der)
    assert certificate.serial_number == 0x5EED
    assert certificate.subject == certificate.issuer
    assert certificate.subject.rfc4514_string() == (
        "CN=Ed25519 Test CA,O=Cryptography Vectors,C=NZ"
    )
    assert certificate.fingerprint(hashes.SHA256()).hex() == (
        "7f0e7aac6d224738906d6b22005a8ff3b4a8ff21a2a5995303f4ac825b703412"
    )
    assert isinstance(certificate.public_key(), ed25519.Ed25519PublicKey)
    assert certificate.signature_algorithm_oid.dotted_string == "1.3.101.112"
    assert len(certificate.signature) == 64
    # The TBSCertificate is bytes 4 to 375 of the DER (openssl asn1parse).
    assert certificate.tbs_certificate_bytes == der[4:375]
    assert certificate.public_bytes(serialization.Encoding.DER) == der
    pem = certificate.public_bytes(serialization.Encoding.PEM)
    assert pem.startswith(b"-----BEGIN CERTIFICATE-----\n")
    assert x509.load_pem_x509_certificate(pem) == certificate
    assert hash(x509.load_pem_x509_certificate(pem)) == hash(certificate)
    assert certificate.__deepcopy__({}) is certificate
    assert repr(certificate) == (
        "<Certificate(subject=<Name(CN=Ed25519 Test CA,O=Cryptography Vectors,"
        "C=NZ)>, ...)>"
    )
    with pytest.raises(TypeError):
        certificate.public_bytes(serialization.Encoding.OpenSSH)


def test_loading_errors() -> None:
    with pytest.raises(ValueError, match="MalformedFraming"):
        x509.load_pem_x509_certificate(b"junk")
    with pytest.raises(ValueError, match="Are you sure this is a certificate"):
        x509.load_pem_x509_certificate(
            b"-----BEGIN PUBLIC KEY-----\nMAA=\n-----END PUBLIC KEY-----\n"
        )
    with pytest.raises(ValueError, match="MalformedFraming"):
        x509.load_pem_x509_certificates(b"")
    with pytest.raises(ValueError):
        x509.load_der_x509_certificate(b"\x30\x00")
    der = bytearray((FIXTURES / "ed25519-ca.der").read_bytes())
    der[12] = 3  # the version INTEGER: 3 is not an X.509 version
    with pytest.raises(x509.InvalidVersion) as raised:
        x509.load_der_x509_certificate(bytes(der))
    assert raised.value.parsed_version == 3


def test_a_bundle_in_order() -> None:
    with open(vector_path("x509/cryptography.io.chain.pem"), "rb") as f:
        certificates = x509.load_pem_x509_certificates(f.read())
    assert len(certificates) == 2
    assert certificates[0].issuer == certificates[1].subject


def test_the_fixtures_extensions() -> None:
    # As `openssl x509 -text` lists them (vectors/x509/README.md).
    import ipaddress

    certificate = x509.load_der_x509_certificate(
        (FIXTURES / "ed25519-ca.der").read_bytes()
    )
    extensions = certificate.extensions
    assert [e.oid.dotted_string for e in extensions] == [
        "2.5.29.14",
        "2.5.29.35",
        "2.5.29.19",
        "2.5.29.15",
        "2.5.29.17",
    ]
    key_id = bytes.fromhex("a9458d8c3f259d8d1fc181f5b431e9475dd5d81b")
    ski = extensions.get_extension_for_class(x509.SubjectKeyIdentifier)
    assert ski.value.digest == key_id and not ski.critical
    aki = extensions.get_extension_for_class(x509.AuthorityKeyIdentifier).value
    assert aki.key_identifier == key_id
    basic = extensions.get_extension_for_class(x509.BasicConstraints)
    assert basic.critical and basic.value == x509.BasicConstraints(True, None)
    usage = extensions.get_extension_for_class(x509.KeyUsage)
    assert usage.critical
    assert usage.value == x509.KeyUsage(
        False, False, False, False, False, True, True, False, False
    )
    san = extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    assert san.get_values_for_type(x509.DNSName) == ["ca.example"]
    assert san.get_values_for_type(x509.IPAddress) == [
        ipaddress.ip_address("192.0.2.1")
    ]
    # Read once: the same objects every time.
    assert certificate.extensions is extensions
    # And each value writes back the DER it was read from.
    der = (FIXTURES / "ed25519-ca.der").read_bytes()
    for extension in extensions:
        assert extension.value.public_bytes() in der


def test_duplicate_extensions_are_refused_when_read() -> None:
    with open(vector_path("x509/custom/two_basic_constraints.pem"), "rb") as f:
        certificate = x509.load_pem_x509_certificate(f.read())
    with pytest.raises(x509.DuplicateExtension) as raised:
        _ = certificate.extensions
    assert raised.value.oid == x509.ExtensionOID.BASIC_CONSTRAINTS


@pytest.mark.parametrize(
    ("path", "hash_name", "parameters"),
    [
        # RFC 4055 RSASSA-PSS: SHA-256 with MGF1-SHA-256 and a 32-byte salt, and the
        # defaults (SHA-1, 20 bytes) when the parameters leave them out.
        ("x509/custom/rsa_pss_cert.pem", "sha256", ("sha256", 32)),
        ("x509/ee-pss-sha1-cert.pem", "sha1", ("sha1", 20)),
        ("x509/cryptography.io.pem", "sha256", "PKCS1v15"),
        ("x509/ecdsa_root.pem", "sha384", "ECDSA"),
        ("x509/ed448/root-ed448.pem", None, None),
    ],
)
def test_signature_algorithms(
    path: str, hash_name: str | None, parameters: object
) -> None:
    from cryptography.hazmat.primitives.asymmetric import ec, padding

    with open(vector_path(path), "rb") as f:
        certificate = x509.load_pem_x509_certificate(f.read())
    found = certificate.signature_hash_algorithm
    assert (found.name if found else None) == hash_name
    params = certificate.signature_algorithm_parameters
    if isinstance(parameters, tuple):
        assert isinstance(params, padding.PSS)
        assert params._mgf._algorithm.name == parameters[0]
        assert params._salt_length == parameters[1]
    elif parameters == "PKCS1v15":
        assert isinstance(params, padding.PKCS1v15)
    elif parameters == "ECDSA":
        assert isinstance(params, ec.ECDSA)
    else:
        assert params is None


def test_pss_parameter_errors() -> None:
    from cryptography.exceptions import UnsupportedAlgorithm

    def load(name: str) -> x509.Certificate:
        with open(vector_path("x509/custom", name), "rb") as f:
            return x509.load_der_x509_certificate(f.read())

    with pytest.raises(ValueError, match="Invalid RSA PSS parameters"):
        _ = load("rsa_pss_cert_no_sig_params.der").signature_hash_algorithm
    with pytest.raises(ValueError, match="Unsupported mask generation OID"):
        _ = load("rsa_pss_cert_invalid_mgf.der").signature_algorithm_parameters
    with pytest.raises(UnsupportedAlgorithm):
        _ = load("rsa_pss_cert_unsupported_mgf_hash.der").signature_algorithm_parameters


def test_verify_directly_issued_by() -> None:
    from cryptography.exceptions import InvalidSignature

    with open(vector_path("x509/cryptography.io.chain.pem"), "rb") as f:
        leaf, intermediate = x509.load_pem_x509_certificates(f.read())
    leaf.verify_directly_issued_by(intermediate)
    with pytest.raises(ValueError, match="subject does not match"):
        intermediate.verify_directly_issued_by(leaf)
    der = (FIXTURES / "ed25519-ca.der").read_bytes()
    ca = x509.load_der_x509_certificate(der)
    ca.verify_directly_issued_by(ca)
    tampered = x509.load_der_x509_certificate(der[:-1] + bytes([der[-1] ^ 1]))
    with pytest.raises(InvalidSignature):
        tampered.verify_directly_issued_by(ca)
    # SHA-1 signatures are not checked.
    with open(vector_path("x509/custom/post2000utctime.pem"), "rb") as f:
        sha1_signed = x509.load_pem_x509_certificate(f.read())
    with pytest.raises(ValueError, match="Unsupported signature algorithm"):
        sha1_signed.verify_directly_issued_by(sha1_signed)


def test_signed_certificate_timestamps() -> None:
    from cryptography.x509 import certificate_transparency as ct

    with open(vector_path("x509/cryptography-scts.pem"), "rb") as f:
        certificate = x509.load_pem_x509_certificate(f.read())
    scts = certificate.extensions.get_extension_for_class(
        x509.PrecertificateSignedCertificateTimestamps
    ).value
    assert len(scts) == 2
    first = scts[0]
    assert first.version is ct.Version.v1
    assert first.entry_type is ct.LogEntryType.PRE_CERTIFICATE
    assert first.log_id.hex().startswith("293c519654c83965")
    assert first.timestamp == datetime.datetime(2018, 9, 26, 20, 56, 33, 769000)
    assert first.signature_algorithm is ct.SignatureAlgorithm.ECDSA
    assert first.signature_hash_algorithm.name == "sha256"
    # The value writes back as it was read, and the precertificate TBS leaves the list
    # out.
    der = certificate.public_bytes(serialization.Encoding.DER)
    assert scts.public_bytes() in der
    assert len(certificate.tbs_precertificate_bytes) < len(
        certificate.tbs_certificate_bytes
    )
    with pytest.raises(ValueError, match="Could not find pre-certificate SCT list"):
        _ = x509.load_der_x509_certificate(
            (FIXTURES / "ed25519-ca.der").read_bytes()
        ).tbs_precertificate_bytes
    for name, message in [
        ("x509/custom/invalid-sct-version.der", "Invalid SCT version"),
        ("x509/custom/invalid-sct-length.der", "Invalid SCT length"),
    ]:
        with open(vector_path(name), "rb") as f:
            broken = x509.load_der_x509_certificate(f.read())
        with pytest.raises(ValueError, match=message):
            _ = broken.extensions
