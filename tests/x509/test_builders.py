"""CertificateBuilder: its rules, and certificates built byte for byte. Ed25519 and
Ed448 signatures and RFC 6979 deterministic ECDSA are deterministic, so a certificate
built from fixed inputs has one correct DER; these were checked against the
reference's builder for the same inputs."""

from __future__ import annotations

import datetime

import pytest

from cryptography import x509
from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, padding

NAME = x509.Name([x509.NameAttribute(x509.NameOID.COMMON_NAME, "a")])
KEY = ed25519.Ed25519PrivateKey.from_private_bytes(b"\x01" * 32)


def builder() -> x509.CertificateBuilder:
    return (
        x509.CertificateBuilder()
        .subject_name(NAME)
        .issuer_name(NAME)
        .serial_number(1)
        .not_valid_before(datetime.datetime(2020, 1, 1))
        .not_valid_after(datetime.datetime(2030, 1, 1))
        .public_key(KEY.public_key())
    )


def test_an_ed25519_certificate_byte_for_byte() -> None:
    certificate = (
        builder()
        .add_extension(x509.BasicConstraints(True, None), True)
        .add_extension(x509.SubjectAlternativeName([x509.DNSName("a.example")]), False)
        .sign(KEY, None)
    )
    der = certificate.public_bytes(serialization.Encoding.DER)
    assert der.hex() == (
        "3081ef3081a2a003020102020101300506032b6570300c310a300806035504030c0161"
        "301e170d3230303130313030303030305a170d3330303130313030303030305a300c31"
        "0a300806035504030c0161302a300506032b65700321008a88e3dd7409f195fd52db2d"
        "3cba5d72ca6709bf1d94121bf3748801b40f6f5ca3293027300f0603551d130101ff04"
        "0530030101ff30140603551d11040d300b8209612e6578616d706c65300506032b6570"
        "034100dccf0f5122ce07d78ae7757d2157ac5273a76f1cbfa62a84df6989f165b0f075"
        "1596ba6d79191fa869879e1f47a0853786a1057d95de4ce2169851a188c7440f"
    )
    certificate.verify_directly_issued_by(certificate)
    assert certificate.extensions.get_extension_for_class(
        x509.BasicConstraints
    ).critical


def test_times_after_2049_are_generalized_and_aware_times_become_utc() -> None:
    later = (
        x509.CertificateBuilder()
        .subject_name(NAME)
        .issuer_name(NAME)
        .serial_number(1)
        .not_valid_before(
            datetime.datetime(
                2020, 1, 1, tzinfo=datetime.timezone(datetime.timedelta(hours=2))
            )
        )
        .not_valid_after(datetime.datetime(2051, 1, 1))
        .public_key(KEY.public_key())
        .sign(KEY, None)
    )
    # 2019-12-31 22:00 UTC as UTCTime, 2051 as GeneralizedTime (RFC 5280 4.1.2.5).
    tbs = later.tbs_certificate_bytes
    assert b"\x17\x0d191231220000Z" in tbs
    assert b"\x18\x0f20510101000000Z" in tbs


def test_deterministic_ecdsa_is_repeatable() -> None:
    key = ec.derive_private_key(12345, ec.SECP256R1())
    one = builder().sign(key, hashes.SHA256(), ecdsa_deterministic=True)
    two = builder().sign(key, hashes.SHA256(), ecdsa_deterministic=True)
    assert one == two
    assert one.signature_algorithm_oid == x509.SignatureAlgorithmOID.ECDSA_WITH_SHA256


def test_rules() -> None:
    with pytest.raises(TypeError):
        x509.CertificateBuilder().issuer_name("x")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        x509.CertificateBuilder().issuer_name(NAME).issuer_name(NAME)
    with pytest.raises(ValueError):
        x509.CertificateBuilder().serial_number(0)
    with pytest.raises(ValueError):
        x509.CertificateBuilder().serial_number(1 << 159)
    x509.CertificateBuilder().serial_number((1 << 159) - 1)
    with pytest.raises(ValueError):
        x509.CertificateBuilder().not_valid_before(datetime.datetime(1940, 1, 1))
    with pytest.raises(ValueError, match="must have a subject name"):
        x509.CertificateBuilder().sign(KEY, None)
    with pytest.raises(ValueError):
        builder().sign(KEY, hashes.SHA256())
    with pytest.raises(TypeError):
        builder().sign(KEY, None, rsa_padding=padding.PKCS1v15())
    with pytest.raises(TypeError):
        builder().sign(KEY, None, ecdsa_deterministic=True)
    key = ec.derive_private_key(12345, ec.SECP256R1())
    with pytest.raises(UnsupportedAlgorithm):
        builder().sign(key, hashes.SHA1())
    with pytest.raises(ValueError):
        builder().add_extension(x509.BasicConstraints(True, None), False).add_extension(
            x509.BasicConstraints(True, None), False
        )
    unsigned = builder().create_unsigned()
    assert unsigned.signature == b""
    assert unsigned.signature_algorithm_oid == x509.SignatureAlgorithmOID.UNSIGNED
    assert 0 < x509.random_serial_number() < (1 << 159)


def test_a_request_byte_for_byte() -> None:
    from cryptography.x509.name import _ASN1Type
    from cryptography.x509.oid import AttributeOID

    request = (
        x509.CertificateSigningRequestBuilder()
        .subject_name(NAME)
        .add_extension(x509.BasicConstraints(True, None), True)
        .add_attribute(AttributeOID.CHALLENGE_PASSWORD, b"pw")
        .add_attribute(
            AttributeOID.UNSTRUCTURED_NAME, b"un", _tag=_ASN1Type.PrintableString
        )
        .sign(KEY, None)
    )
    # The attributes are a DER SET OF: unstructuredName sorts before
    # challengePassword, and the extension request comes as attribute 1.2.840.113549.1.9.14.
    assert request.public_bytes(serialization.Encoding.DER).hex() == (
        "3081d4308187020100300c310a300806035504030c0161302a300506032b6570032100"
        "8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5ca04830"
        "1106092a864886f70d01090231041302756e301106092a864886f70d01090731040c02"
        "7077302006092a864886f70d01090e31133011300f0603551d130101ff040530030101"
        "ff300506032b6570034100e6bb962a4510cdd70112d7aa69d4e9fadccb1b8ed3fbcc97"
        "7d38e7359d5c939fb588d8a49ff67ac0ca5fdffd8f80ccc142b35570c0bc7d6994a2ef"
        "eef547f20a"
    )
    assert request.is_signature_valid
    with pytest.raises(ValueError):
        x509.CertificateSigningRequestBuilder().add_attribute(
            AttributeOID.CHALLENGE_PASSWORD, b"x"
        ).add_attribute(AttributeOID.CHALLENGE_PASSWORD, b"y")
    with pytest.raises(ValueError, match="must have a subject"):
        x509.CertificateSigningRequestBuilder().sign(KEY, None)


def test_a_crl_byte_for_byte() -> None:
    revoked = (
        x509.RevokedCertificateBuilder()
        .serial_number(5)
        .revocation_date(datetime.datetime(2020, 1, 1))
        .add_extension(x509.CRLReason(x509.ReasonFlags.superseded), False)
        .build()
    )
    assert revoked.serial_number == 5
    crl = (
        x509.CertificateRevocationListBuilder()
        .issuer_name(NAME)
        .last_update(datetime.datetime(2020, 1, 1))
        .next_update(datetime.datetime(2021, 1, 1))
        .add_extension(x509.CRLNumber(7), False)
        .add_revoked_certificate(revoked)
        .sign(KEY, None)
    )
    assert crl.public_bytes(serialization.Encoding.DER).hex() == (
        "3081b6306a020101300506032b6570300c310a300806035504030c0161170d323030"
        "3130313030303030305a170d3231303130313030303030305a30223020020105170d"
        "3230303130313030303030305a300c300a0603551d1504030a0104a00e300c300a06"
        "03551d140403020107300506032b65700341001aca3650279af421dbd99382ead318"
        "3293f307c82647ca66d2f3ac62e436e500b86a747fa41515d345f02cd9c117148ab0"
        "ec13bb9192c948d24ab36ec96a830c"
    )
    assert crl.is_signature_valid(KEY.public_key())
    assert crl[0].extensions.get_extension_for_class(x509.CRLReason).value == (
        x509.CRLReason(x509.ReasonFlags.superseded)
    )
    with pytest.raises(ValueError, match="must have a next update time"):
        x509.CertificateRevocationListBuilder().issuer_name(NAME).last_update(
            datetime.datetime(2020, 1, 1)
        ).sign(KEY, None)
