"""PKCS #7: the .p7b files of cryptography-vectors read (DER, BER with the reference's
warning, PEM), the other content types and malformed inputs refused with the
reference's exceptions, certs-only SignedData written byte for byte as the published
files, and signatures: checked by OpenSSL, their attributes and S/MIME layout, Ed25519's
SignedData byte for byte, and the builder's errors."""

from __future__ import annotations

import datetime
import email.message
import email.parser
import hashlib
import pathlib
import typing
import warnings

import pytest

from cryptography import x509
from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm, _Reasons
from cryptography.hazmat.bindings._rust import test_support
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, padding, rsa
from cryptography.hazmat.primitives.ciphers import algorithms
from cryptography.hazmat.primitives.serialization import pkcs7
from cryptography.hazmat.primitives.serialization.pkcs7 import (
    load_der_pkcs7_certificates,
    load_pem_pkcs7_certificates,
    serialize_certificates,
)
from tests.der import sequence, tlv
from tests.vectors import vector_path


def _vector(name: str) -> bytes:
    return vector_path("pkcs7", name).read_bytes()


def _common_names(certificates: list[x509.Certificate]) -> list[str]:
    return [
        typing.cast(
            str, c.subject.get_attributes_for_oid(x509.NameOID.COMMON_NAME)[0].value
        )
        for c in certificates
    ]


def test_der_and_pem_files() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        amazon = load_der_pkcs7_certificates(_vector("amazon-roots.der"))
        # An Authenticode signature: an unknown inner content type, still DER.
        authenticode = load_der_pkcs7_certificates(_vector("authenticode.der"))
        isrg = load_pem_pkcs7_certificates(_vector("isrg.pem"))
    assert _common_names(amazon) == ["Amazon Root CA 3", "Amazon Root CA 2"]
    assert _common_names(authenticode) == ["kernel-signer"]
    assert _common_names(isrg) == ["ISRG Root X1"]


def test_a_ber_file_loads_with_a_warning() -> None:
    with pytest.warns(UserWarning, match="could not be parsed as DER") as caught:
        certificates = load_der_pkcs7_certificates(_vector("amazon-roots.p7b"))
    assert "ValueError: error parsing asn1 value" in str(caught[0].message)
    assert certificates == load_der_pkcs7_certificates(_vector("amazon-roots.der"))


def test_refusals() -> None:
    with pytest.raises(ValueError, match="^Unable to parse PKCS7 data$"):
        load_der_pkcs7_certificates(b"nonsense")
    with pytest.raises(ValueError, match="MalformedFraming"):
        load_pem_pkcs7_certificates(b"nonsense")
    with pytest.raises(
        ValueError, match="^The provided PEM data does not have the PKCS7 tag.$"
    ):
        load_pem_pkcs7_certificates(
            b"-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n"
        )
    with pytest.raises(UnsupportedAlgorithm, match="NID for this data was 23") as info:
        load_pem_pkcs7_certificates(_vector("enveloped.pem"))
    assert info.value._reason is _Reasons.UNSUPPORTED_SERIALIZATION
    no_certificates = "^The provided PKCS7 has no certificate data"
    with pytest.raises(ValueError, match=no_certificates):
        # signedData without its content.
        load_der_pkcs7_certificates(
            b"\x30\x0b\x06\x09\x2a\x86\x48\x86\xf7\x0d\x01\x07\x02"
        )
    with pytest.raises(ValueError, match=no_certificates):
        # A SignedData without certificates.
        load_der_pkcs7_certificates(
            b"0#\x06\t*\x86H\x86\xf7\r\x01\x07\x02\xa0\x160\x14\x02\x01\x011"
            b"\x000\x0b\x06\t*\x86H\x86\xf7\r\x01\x07\x011\x00"
        )
    with pytest.raises(TypeError):
        load_der_pkcs7_certificates(typing.cast(typing.Any, 38))


def test_written_as_the_published_files() -> None:
    der = _vector("amazon-roots.der")
    certificates = load_der_pkcs7_certificates(der)
    assert serialize_certificates(certificates, serialization.Encoding.DER) == der
    # The SET of certificates is in DER order, whatever order they come in.
    reversed_certificates = list(reversed(certificates))
    assert (
        serialize_certificates(reversed_certificates, serialization.Encoding.DER) == der
    )
    pem = _vector("isrg.pem")
    assert (
        serialize_certificates(
            load_pem_pkcs7_certificates(pem), serialization.Encoding.PEM
        )
        == pem
    )


def test_serialize_argument_errors() -> None:
    certificates = load_der_pkcs7_certificates(_vector("amazon-roots.der"))
    with pytest.raises(
        TypeError, match="^certs must be a list of certs with length >= 1$"
    ):
        serialize_certificates([], serialization.Encoding.PEM)
    with pytest.raises(TypeError):
        serialize_certificates(
            typing.cast(typing.Any, object()), serialization.Encoding.PEM
        )
    with pytest.raises(
        TypeError, match="^encoding must be Encoding.DER or Encoding.PEM$"
    ):
        serialize_certificates(certificates, serialization.Encoding.SMIME)


# Signing. OpenSSL's PKCS7_verify (through test_support) checks what is signed with RSA
# and EC keys; Ed25519, which it cannot check, is compared byte for byte with a
# SignedData assembled here from RFC 2315 and RFC 8419.


def _ec_signer() -> tuple[x509.Certificate, ec.EllipticCurvePrivateKey]:
    key = serialization.load_pem_private_key(
        vector_path("x509", "custom", "ca", "ca_key.pem").read_bytes(), None
    )
    assert isinstance(key, ec.EllipticCurvePrivateKey)
    return x509.load_pem_x509_certificate(
        vector_path("x509", "custom", "ca", "ca.pem").read_bytes()
    ), key


def _rsa_signer() -> tuple[x509.Certificate, rsa.RSAPrivateKey]:
    key = serialization.load_pem_private_key(
        vector_path("x509", "custom", "ca", "rsa_key.pem").read_bytes(),
        None,
        unsafe_skip_rsa_key_validation=True,
    )
    assert isinstance(key, rsa.RSAPrivateKey)
    return x509.load_pem_x509_certificate(
        vector_path("x509", "custom", "ca", "rsa_ca.pem").read_bytes()
    ), key


Options = pkcs7.PKCS7Options
DER = serialization.Encoding.DER
PEM = serialization.Encoding.PEM
SMIME = serialization.Encoding.SMIME


@pytest.mark.parametrize(
    ("encoding", "options"),
    [
        (DER, []),
        (PEM, []),
        (DER, [Options.DetachedSignature]),
        (DER, [Options.NoCapabilities]),
        (DER, [Options.NoAttributes]),
        (DER, [Options.Binary]),
        (SMIME, []),
        (SMIME, [Options.DetachedSignature]),
    ],
)
@pytest.mark.parametrize("signer", [_ec_signer, _rsa_signer])
def test_signatures_verify_with_openssl(
    encoding: serialization.Encoding,
    options: list[pkcs7.PKCS7Options],
    signer: typing.Callable[[], tuple[x509.Certificate, typing.Any]],
) -> None:
    cert, key = signer()
    data = b"hello\nworld\n"
    signed = (
        pkcs7.PKCS7SignatureBuilder()
        .set_data(data)
        .add_signer(cert, key, hashes.SHA384())
        .sign(encoding, options)
    )
    detached = Options.DetachedSignature in options
    canonical = data if Options.Binary in options else b"hello\r\nworld\r\n"
    content = canonical if detached or encoding is SMIME else None
    test_support.pkcs7_verify(encoding, signed, content, [cert], options)
    if encoding is DER:
        assert (canonical in signed) is not detached
    # Changed content does not verify.
    if content is not None:
        with pytest.raises(ValueError):
            test_support.pkcs7_verify(encoding, signed, content + b"!", [cert], options)
    elif encoding is DER:
        tampered = signed.replace(canonical, canonical.upper())
        with pytest.raises(ValueError):
            test_support.pkcs7_verify(encoding, tampered, None, [cert], options)


def test_smime_layout() -> None:
    cert, key = _ec_signer()
    signed = (
        pkcs7.PKCS7SignatureBuilder()
        .set_data(b"hello world")
        .add_signer(cert, key, hashes.SHA256())
        .sign(SMIME, [Options.DetachedSignature, Options.Text])
    )
    message = email.parser.BytesParser().parsebytes(signed)
    assert message.get_content_type() == "multipart/signed"
    assert message.get_param("micalg") == "sha-256"
    assert message.get_param("protocol") == "application/x-pkcs7-signature"
    boundary = message.get_boundary()
    assert boundary is not None and len(boundary) == 36
    assert b"\r\n\r\nThis is an S/MIME signed message\r\n\r\n" in signed
    assert b"Content-Type: text/plain\r\n\r\nhello world\r\n" in signed
    first, second = typing.cast(list[email.message.Message], message.get_payload())
    assert second.get_filename() == "smime.p7s"
    # The text/plain part, headers included, is what is signed.
    test_support.pkcs7_verify(
        SMIME,
        signed,
        b"Content-Type: text/plain\r\n\r\nhello world",
        [cert],
        [Options.DetachedSignature, Options.Text],
    )
    body = typing.cast(str, second.get_payload())
    assert all(len(line) <= 64 for line in body.splitlines())


def _read(data: bytes, at: int = 0) -> tuple[int, bytes, int]:
    """One TLV at `at`: its tag, its content and where the next one starts."""
    tag, length, at = data[at], data[at + 1], at + 2
    if length & 0x80:
        count = length & 0x7F
        length, at = int.from_bytes(data[at : at + count], "big"), at + count
    return tag, data[at : at + length], at + length


def test_signed_attributes() -> None:
    cert, key = _ec_signer()
    before = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
    signed = (
        pkcs7.PKCS7SignatureBuilder()
        .set_data(b"a\nb")
        .add_signer(cert, key, hashes.SHA256())
        .sign(DER, [])
    )
    digest = hashlib.sha256(b"a\r\nb").digest()
    # messageDigest: SEQUENCE { OID, SET { OCTET STRING digest } }.
    assert (
        sequence(
            tlv(0x06, b"\x2a\x86\x48\x86\xf7\x0d\x01\x09\x04"),
            tlv(0x31, tlv(0x04, digest)),
        )
        in signed
    )
    # contentType: data.
    assert (
        sequence(
            tlv(0x06, b"\x2a\x86\x48\x86\xf7\x0d\x01\x09\x03"),
            tlv(0x31, tlv(0x06, b"\x2a\x86\x48\x86\xf7\x0d\x01\x07\x01")),
        )
        in signed
    )
    # smimeCapabilities: AES-256, AES-192, AES-128 CBC, in that order.
    aes = [b"\x60\x86\x48\x01\x65\x03\x04\x01" + bytes([n]) for n in (0x2A, 0x16, 0x02)]
    capabilities = sequence(*(sequence(tlv(0x06, oid)) for oid in aes))
    assert (
        sequence(
            tlv(0x06, b"\x2a\x86\x48\x86\xf7\x0d\x01\x09\x0f"), tlv(0x31, capabilities)
        )
        in signed
    )
    # signingTime: a UTCTime of now.
    marker = b"\x06\x09\x2a\x86\x48\x86\xf7\x0d\x01\x09\x05\x31\x0f\x17\x0d"
    at = signed.index(marker) + len(marker)
    signing_time = datetime.datetime.strptime(
        signed[at : at + 13].decode(), "%y%m%d%H%M%SZ"
    ).replace(tzinfo=datetime.timezone.utc)
    assert before <= signing_time <= datetime.datetime.now(datetime.timezone.utc)


def test_ed25519_signed_data_byte_for_byte() -> None:
    key = ed25519.Ed25519PrivateKey.from_private_bytes(bytes(range(32)))
    name = x509.Name([x509.NameAttribute(x509.NameOID.COMMON_NAME, "Ed25519 signer")])
    start = datetime.datetime(2025, 1, 1, tzinfo=datetime.timezone.utc)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(0x1234)
        .not_valid_before(start)
        .not_valid_after(start + datetime.timedelta(days=365))
        .sign(key, None)
    )
    content = b"ed25519\r\nsigned\r\n"
    signed = (
        pkcs7.PKCS7SignatureBuilder()
        .set_data(b"ed25519\nsigned\n")
        .add_signer(cert, key, hashes.SHA512())
        .sign(DER, [Options.NoAttributes])
    )
    signature = key.sign(content)
    sha512 = sequence(tlv(0x06, b"\x60\x86\x48\x01\x65\x03\x04\x02\x03"), b"\x05\x00")
    cert_der = cert.public_bytes(DER)
    issuer = name.public_bytes()
    signer_info = sequence(
        tlv(0x02, b"\x01"),
        sequence(issuer, tlv(0x02, b"\x12\x34")),
        sha512,
        sequence(tlv(0x06, b"\x2b\x65\x70")),  # id-Ed25519, no parameters
        tlv(0x04, signature),
    )
    signed_data = sequence(
        tlv(0x02, b"\x01"),
        tlv(0x31, sha512),
        sequence(
            tlv(0x06, b"\x2a\x86\x48\x86\xf7\x0d\x01\x07\x01"),
            tlv(0xA0, tlv(0x04, content)),
        ),
        tlv(0xA0, cert_der),
        tlv(0x31, signer_info),
    )
    expected = sequence(
        tlv(0x06, b"\x2a\x86\x48\x86\xf7\x0d\x01\x07\x02"), tlv(0xA0, signed_data)
    )
    assert signed == expected
    key.public_key().verify(signature, content)


def test_builder_errors() -> None:
    cert, key = _ec_signer()
    rsa_cert, rsa_key = _rsa_signer()
    builder = (
        pkcs7.PKCS7SignatureBuilder()
        .set_data(b"x")
        .add_signer(cert, key, hashes.SHA256())
    )
    with pytest.raises(ValueError, match="^data may only be set once$"):
        builder.set_data(b"y")
    with pytest.raises(TypeError):
        pkcs7.PKCS7SignatureBuilder().set_data(typing.cast(typing.Any, "text"))
    with pytest.raises(ValueError, match="^Must have at least one signer$"):
        pkcs7.PKCS7SignatureBuilder().set_data(b"x").sign(DER, [])
    with pytest.raises(ValueError, match="^You must add data to sign$"):
        pkcs7.PKCS7SignatureBuilder().add_signer(cert, key, hashes.SHA256()).sign(
            DER, []
        )
    with pytest.raises(TypeError, match="^hash_algorithm must be one of"):
        pkcs7.PKCS7SignatureBuilder().add_signer(
            cert, key, typing.cast(typing.Any, hashes.SHA1())
        )
    with pytest.raises(TypeError, match="^certificate must be a x509.Certificate$"):
        pkcs7.PKCS7SignatureBuilder().add_signer(
            typing.cast(typing.Any, b"cert"), key, hashes.SHA256()
        )
    ed_key = ed25519.Ed25519PrivateKey.generate()
    with pytest.raises(
        TypeError, match="^Only RSA & EC keys are supported at this time.$"
    ):
        pkcs7.PKCS7SignatureBuilder().add_signer(
            cert, typing.cast(typing.Any, ed_key), hashes.SHA256()
        )
    with pytest.raises(TypeError, match="^Padding is only supported for RSA keys$"):
        pkcs7.PKCS7SignatureBuilder().add_signer(
            cert, key, hashes.SHA256(), rsa_padding=padding.PKCS1v15()
        )
    with pytest.raises(TypeError, match="^Padding must be PSS or PKCS1v15$"):
        pkcs7.PKCS7SignatureBuilder().add_signer(
            rsa_cert,
            rsa_key,
            hashes.SHA256(),
            rsa_padding=typing.cast(typing.Any, object()),
        )
    with pytest.raises(TypeError, match="^certificate must be a x509.Certificate$"):
        builder.add_certificate(typing.cast(typing.Any, b"cert"))
    with pytest.raises(
        ValueError, match="^options must be from the PKCS7Options enum$"
    ):
        builder.sign(DER, [typing.cast(typing.Any, "Text")])
    with pytest.raises(
        ValueError, match="^Must be PEM, DER, or SMIME from the Encoding enum$"
    ):
        builder.sign(serialization.Encoding.Raw, [])
    with pytest.raises(ValueError, match="must also pass DetachedSignature"):
        builder.sign(SMIME, [Options.Text])
    with pytest.raises(ValueError, match="only available for SMIME serialization"):
        builder.sign(DER, [Options.Text, Options.DetachedSignature])
    with pytest.raises(ValueError, match="superset of NoCapabilities"):
        builder.sign(DER, [Options.NoAttributes, Options.NoCapabilities])


def test_signers_certificates_and_pss() -> None:
    cert, key = _ec_signer()
    rsa_cert, rsa_key = _rsa_signer()
    sha384_oid = b"\x06\x09\x60\x86\x48\x01\x65\x03\x04\x02\x02"
    sha512_oid = b"\x06\x09\x60\x86\x48\x01\x65\x03\x04\x02\x03"
    signed = (
        pkcs7.PKCS7SignatureBuilder()
        .set_data(b"hello")
        .add_signer(cert, key, hashes.SHA384())
        .add_signer(rsa_cert, rsa_key, hashes.SHA512())
        .add_signer(cert, key, hashes.SHA384())
        .add_certificate(rsa_cert)
        .sign(DER, [])
    )
    # The digest algorithms once each, then one per SignerInfo.
    assert signed.count(sha384_oid) == 3
    assert signed.count(sha512_oid) == 2
    assert signed.count(rsa_cert.public_bytes(DER)) == 2
    test_support.pkcs7_verify(DER, signed, None, [cert, rsa_cert], [])
    no_certs = (
        pkcs7.PKCS7SignatureBuilder()
        .set_data(b"hello")
        .add_signer(cert, key, hashes.SHA256())
        .sign(DER, [Options.NoCerts])
    )
    assert cert.public_bytes(DER) not in no_certs
    test_support.pkcs7_verify(DER, no_certs, None, [cert], [])
    pss = padding.PSS(
        mgf=padding.MGF1(hashes.SHA256()), salt_length=padding.PSS.DIGEST_LENGTH
    )
    signed = (
        pkcs7.PKCS7SignatureBuilder()
        .set_data(b"hello")
        .add_signer(rsa_cert, rsa_key, hashes.SHA512(), rsa_padding=pss)
        .sign(DER, [Options.NoAttributes])
    )
    # RSASSA-PSS with { [0] SHA-512, [1] MGF1(SHA-256), [2] 64 }.
    mgf1 = sequence(
        tlv(0x06, b"\x2a\x86\x48\x86\xf7\x0d\x01\x01\x08"),
        sequence(tlv(0x06, b"\x60\x86\x48\x01\x65\x03\x04\x02\x01"), b"\x05\x00"),
    )
    parameters = sequence(
        tlv(0xA0, sequence(sha512_oid, b"\x05\x00")),
        tlv(0xA1, mgf1),
        tlv(0xA2, tlv(0x02, b"\x40")),
    )
    identifier = sequence(
        tlv(0x06, b"\x2a\x86\x48\x86\xf7\x0d\x01\x01\x0a"), parameters
    )
    assert identifier in signed
    # The signature itself: PSS over the content with the key's public half.
    _, signer_infos = signed.rsplit(identifier, 1)
    _, signature, _ = _read(signer_infos)
    rsa_key.public_key().verify(signature, b"hello", pss, hashes.SHA512())


# Enveloping and decryption, checked against OpenSSL's PKCS7_encrypt and PKCS7_decrypt
# (through test_support) in both directions.


def _pkcs8(key: rsa.RSAPrivateKey) -> bytes:
    return key.private_bytes(
        DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )


@pytest.mark.parametrize("cipher", [algorithms.AES128, algorithms.AES256])
@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ([], b"hello\r\nworld\r\n"),
        ([Options.Binary], b"hello\nworld\n"),
        ([Options.Text], b"Content-Type: text/plain\r\n\r\nhello\r\nworld\r\n"),
    ],
)
def test_openssl_decrypts_what_is_enveloped(
    cipher: pkcs7.ContentEncryptionAlgorithm,
    options: list[pkcs7.PKCS7Options],
    expected: bytes,
) -> None:
    cert, key = _rsa_signer()
    enveloped = (
        pkcs7.PKCS7EnvelopeBuilder()
        .set_data(b"hello\nworld\n")
        .set_content_encryption_algorithm(cipher)
        .add_recipient(cert)
        .encrypt(DER, options)
    )
    cipher_oid = b"\x60\x86\x48\x01\x65\x03\x04\x01" + (
        b"\x2a" if cipher is algorithms.AES256 else b"\x02"
    )
    assert tlv(0x06, cipher_oid) in enveloped
    assert test_support.pkcs7_openssl_decrypt(enveloped, cert, _pkcs8(key)) == expected
    text = [Options.Text] if Options.Text in options else []
    decrypted = pkcs7.pkcs7_decrypt_der(enveloped, cert, key, text)
    assert decrypted == (b"hello\r\nworld\r\n" if text else expected)


@pytest.mark.parametrize("key_bits", [128, 256])
def test_what_openssl_envelopes_decrypts(key_bits: int) -> None:
    cert, key = _rsa_signer()
    content = b"Content-Type: text/plain\r\n\r\nfrom OpenSSL\r\n"
    der = test_support.pkcs7_openssl_encrypt(content, cert, key_bits)
    assert pkcs7.pkcs7_decrypt_der(der, cert, key, []) == content
    assert (
        pkcs7.pkcs7_decrypt_der(der, cert, key, [Options.Text]) == b"from OpenSSL\r\n"
    )
    pem = serialization_pem(der)
    assert pkcs7.pkcs7_decrypt_pem(pem, cert, key, []) == content


def serialization_pem(der: bytes) -> bytes:
    import base64

    body = base64.encodebytes(der).replace(b"\n", b"")
    lines = [body[i : i + 64] for i in range(0, len(body), 64)]
    return b"-----BEGIN PKCS7-----\n" + b"\n".join(lines) + b"\n-----END PKCS7-----\n"


def test_smime_envelope_layout_and_round_trip() -> None:
    cert, key = _rsa_signer()
    enveloped = (
        pkcs7.PKCS7EnvelopeBuilder()
        .set_data(b"hello world\n")
        .add_recipient(cert)
        .add_recipient(cert)
        .encrypt(SMIME, [])
    )
    assert enveloped.startswith(b"MIME-Version: 1.0\n")
    message = email.parser.BytesParser().parsebytes(enveloped)
    assert message.get_content_type() == "application/pkcs7-mime"
    assert message.get_param("smime-type") == "enveloped-data"
    assert message.get_filename() == "smime.p7m"
    der = typing.cast(bytes, message.get_payload(decode=True))
    # Two RecipientInfos, one per recipient given.
    assert der.count(cert.issuer.public_bytes()) == 2
    assert (
        test_support.pkcs7_openssl_decrypt(der, cert, _pkcs8(key)) == b"hello world\r\n"
    )
    assert pkcs7.pkcs7_decrypt_smime(enveloped, cert, key, []) == b"hello world\r\n"


def test_decryption_refusals() -> None:
    cert, key = _rsa_signer()
    ec_cert, ec_key = _ec_signer()

    def enveloped(
        data: bytes = b"x", options: list[pkcs7.PKCS7Options] | None = None
    ) -> bytes:
        return (
            pkcs7.PKCS7EnvelopeBuilder()
            .set_data(data)
            .add_recipient(cert)
            .encrypt(DER, options or [])
        )

    der = enveloped()
    with pytest.raises(TypeError, match="^Only certificate with RSA public keys"):
        pkcs7.pkcs7_decrypt_der(der, ec_cert, key, [])
    with pytest.raises(TypeError, match="^Only RSA private keys are supported"):
        pkcs7.pkcs7_decrypt_der(der, cert, typing.cast(typing.Any, ec_key), [])
    with pytest.raises(ValueError, match="supported for decryption: Text$"):
        pkcs7.pkcs7_decrypt_der(der, cert, key, [Options.Binary])
    with pytest.raises(ValueError, match="^No recipient found"):
        other = (
            x509.CertificateBuilder()
            .subject_name(cert.subject)
            .issuer_name(cert.issuer)
            .public_key(key.public_key())
            .serial_number(cert.serial_number + 1)
            .not_valid_before(cert.not_valid_before_utc)
            .not_valid_after(cert.not_valid_after_utc)
            .sign(key, hashes.SHA256())
        )
        pkcs7.pkcs7_decrypt_der(der, other, key, [])
    with pytest.raises(ValueError, match="^The PKCS7 data is not an EnvelopedData"):
        signed = (
            pkcs7.PKCS7SignatureBuilder()
            .set_data(b"x")
            .add_signer(ec_cert, ec_key, hashes.SHA256())
            .sign(DER, [])
        )
        pkcs7.pkcs7_decrypt_der(signed, cert, key, [])
    with pytest.raises(ValueError, match="^Not an S/MIME enveloped message$"):
        pkcs7.pkcs7_decrypt_smime(b"Content-Type: text/plain\n\nhello", cert, key, [])
    with pytest.raises(ValueError, match="does not contain encrypted content"):
        pkcs7.pkcs7_decrypt_der(_vector("enveloped-no-content.der"), cert, key, [])
    with pytest.raises(UnsupportedAlgorithm, match="PKCS #1 v1.5 padding"):
        pkcs7.pkcs7_decrypt_pem(_vector("enveloped-rsa-oaep.pem"), cert, key, [])
    with pytest.raises(UnsupportedAlgorithm, match="AES"):
        pkcs7.pkcs7_decrypt_pem(_vector("enveloped-triple-des.pem"), cert, key, [])
    with pytest.raises(ValueError, match="has no 'Content-Type' header"):
        pkcs7.pkcs7_decrypt_der(der, cert, key, [Options.Text])
    html = enveloped(b"Content-Type: text/html\r\n\r\n<br>", [Options.Binary])
    with pytest.raises(ValueError, match="content type is 'text/html'"):
        pkcs7.pkcs7_decrypt_der(html, cert, key, [Options.Text])
    # A replaced content key decrypts to garbage that fails on its padding, with the
    # one message whatever went wrong (or, rarely, to garbage).
    marker = b"\x04\x82\x02\x00"
    at = der.index(marker) + len(marker)
    for replacement in (
        b"\x00" * 512,
        key.public_key().encrypt(b"A" * 15, padding.PKCS1v15()),
    ):
        tampered = der[:at] + replacement + der[at + 512 :]
        try:
            pkcs7.pkcs7_decrypt_der(tampered, cert, key, [])
        except ValueError as err:
            assert str(err) == "Invalid padding bytes."


def test_envelope_builder_errors() -> None:
    cert, _ = _rsa_signer()
    ec_cert, _ = _ec_signer()
    builder = pkcs7.PKCS7EnvelopeBuilder().set_data(b"x").add_recipient(cert)
    with pytest.raises(ValueError, match="^data may only be set once$"):
        builder.set_data(b"y")
    with pytest.raises(TypeError, match="^Only RSA keys are supported at this time.$"):
        pkcs7.PKCS7EnvelopeBuilder().add_recipient(ec_cert)
    with pytest.raises(TypeError, match="^Only AES128 and AES256 are supported$"):
        pkcs7.PKCS7EnvelopeBuilder().set_content_encryption_algorithm(
            typing.cast(typing.Any, algorithms.AES)
        )
    with pytest.raises(ValueError, match="^Must have at least one recipient$"):
        pkcs7.PKCS7EnvelopeBuilder().set_data(b"x").encrypt(DER, [])
    with pytest.raises(ValueError, match="^You must add data to encrypt$"):
        pkcs7.PKCS7EnvelopeBuilder().add_recipient(cert).encrypt(DER, [])
    with pytest.raises(ValueError, match="supported for encryption: Text, Binary$"):
        builder.encrypt(DER, [Options.NoCerts])
    with pytest.raises(ValueError, match="^Cannot use Binary and Text options"):
        builder.encrypt(DER, [Options.Binary, Options.Text])
    with pytest.raises(ValueError, match="^Must be PEM, DER, or SMIME"):
        builder.encrypt(serialization.Encoding.Raw, [])


# Verification (an addition): signatures made by OpenSSL's cms and smime commands
# (vectors/pkcs7, with the commands in its README) and by the builder.

OURS = pathlib.Path(__file__).resolve().parents[3] / "vectors" / "pkcs7"
MESSAGE = b"Signed by OpenSSL.\r\nSecond line.\r\n"


def _ours(name: str) -> bytes:
    return (OURS / name).read_bytes()


def test_openssl_signatures_verify() -> None:
    ec_cert, _ = _ec_signer()
    rsa_cert, _ = _rsa_signer()
    assert _ours("message.txt") == MESSAGE
    assert pkcs7.pkcs7_verify_der(_ours("smime-rsa-sha256-attached.der")) == [rsa_cert]
    assert pkcs7.pkcs7_verify_der(_ours("cms-ec-sha384-detached.der"), MESSAGE) == [
        ec_cert
    ]
    assert pkcs7.pkcs7_verify_der(_ours("cms-rsa-sha512-noattr.der")) == [rsa_cert]
    assert pkcs7.pkcs7_verify_der(_ours("cms-rsa-pss.der")) == [rsa_cert]
    assert pkcs7.pkcs7_verify_smime(_ours("smime-ec-multipart.eml")) == [ec_cert]
    nocerts = _ours("smime-ec-nocerts.pem")
    assert pkcs7.pkcs7_verify_pem(nocerts, certificates=[rsa_cert, ec_cert]) == [
        ec_cert
    ]


def test_openssl_signatures_refused() -> None:
    ec_cert, _ = _ec_signer()
    rsa_cert, _ = _rsa_signer()
    with pytest.raises(InvalidSignature):
        pkcs7.pkcs7_verify_der(_ours("cms-ec-sha384-detached.der"), MESSAGE + b"!")
    with pytest.raises(ValueError, match="its content must be given"):
        pkcs7.pkcs7_verify_der(_ours("cms-ec-sha384-detached.der"))
    assert pkcs7.pkcs7_verify_der(_ours("cms-rsa-pss.der"), MESSAGE) == [rsa_cert]
    with pytest.raises(
        ValueError, match="differs from the content the signature holds"
    ):
        pkcs7.pkcs7_verify_der(_ours("cms-rsa-pss.der"), MESSAGE + b"!")
    # The embedded content changed: the message digest no longer matches.
    attached = _ours("smime-rsa-sha256-attached.der")
    with pytest.raises(InvalidSignature):
        pkcs7.pkcs7_verify_der(attached.replace(b"Second line", b"Second LINE"))
    # Without signed attributes, the signature itself no longer matches.
    noattr = _ours("cms-rsa-sha512-noattr.der")
    with pytest.raises(InvalidSignature):
        pkcs7.pkcs7_verify_der(noattr.replace(b"Second line", b"Second LINE"))
    with pytest.raises(ValueError, match="^No certificate was found for a signer"):
        pkcs7.pkcs7_verify_pem(_ours("smime-ec-nocerts.pem"))
    with pytest.raises(ValueError, match="^No certificate was found for a signer"):
        pkcs7.pkcs7_verify_pem(_ours("smime-ec-nocerts.pem"), certificates=[rsa_cert])
    with pytest.raises(UnsupportedAlgorithm, match="digest algorithm"):
        pkcs7.pkcs7_verify_der(_ours("cms-rsa-md5.der"))
    eml = _ours("smime-ec-multipart.eml")
    with pytest.raises(InvalidSignature):
        pkcs7.pkcs7_verify_smime(eml.replace(b"Second line", b"Second LINE"))
    with pytest.raises(ValueError, match="^Not an S/MIME signed message$"):
        pkcs7.pkcs7_verify_smime(b"Content-Type: text/plain\n\nhello")
    with pytest.raises(ValueError, match="not a SignedData"):
        pkcs7.pkcs7_verify_pem(_vector("enveloped.pem"))
    # A certs-only SignedData has no signers.
    with pytest.raises(ValueError, match="has no signers"):
        pkcs7.pkcs7_verify_der(_vector("amazon-roots.der"), b"")
    assert ec_cert != rsa_cert


@pytest.mark.parametrize(
    ("encoding", "options"),
    [
        (DER, []),
        (DER, [Options.NoAttributes]),
        (DER, [Options.DetachedSignature]),
        (PEM, [Options.NoCerts]),
        (SMIME, [Options.DetachedSignature]),
        (SMIME, [Options.DetachedSignature, Options.Text]),
        (SMIME, []),
    ],
)
def test_builder_signatures_verify(
    encoding: serialization.Encoding, options: list[pkcs7.PKCS7Options]
) -> None:
    ec_cert, ec_key = _ec_signer()
    rsa_cert, rsa_key = _rsa_signer()
    pss = padding.PSS(mgf=padding.MGF1(hashes.SHA256()), salt_length=32)
    signed = (
        pkcs7.PKCS7SignatureBuilder()
        .set_data(b"to be\nverified\n")
        .add_signer(ec_cert, ec_key, hashes.SHA384())
        .add_signer(rsa_cert, rsa_key, hashes.SHA256(), rsa_padding=pss)
        .sign(encoding, options)
    )
    certificates = [ec_cert, rsa_cert]
    content = b"to be\r\nverified\r\n"
    if encoding is SMIME:
        assert pkcs7.pkcs7_verify_smime(signed) == certificates
        tampered = signed.replace(b"verified", b"VERIFIED", 1)
        if Options.DetachedSignature in options:
            with pytest.raises(InvalidSignature):
                pkcs7.pkcs7_verify_smime(tampered)
        else:
            # The signature also holds the content, which the shown part must match.
            with pytest.raises(ValueError, match="differs"):
                pkcs7.pkcs7_verify_smime(tampered)
    elif encoding is PEM:
        assert pkcs7.pkcs7_verify_pem(signed, certificates=certificates) == certificates
    elif Options.DetachedSignature in options:
        assert pkcs7.pkcs7_verify_der(signed, content) == certificates
        with pytest.raises(InvalidSignature):
            pkcs7.pkcs7_verify_der(signed, content.upper())
    else:
        assert pkcs7.pkcs7_verify_der(signed) == certificates


def test_ed25519_signatures_verify() -> None:
    key = ed25519.Ed25519PrivateKey.generate()
    name = x509.Name([x509.NameAttribute(x509.NameOID.COMMON_NAME, "Ed25519 signer")])
    start = datetime.datetime(2025, 1, 1, tzinfo=datetime.timezone.utc)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(7)
        .not_valid_before(start)
        .not_valid_after(start + datetime.timedelta(days=1))
        .sign(key, None)
    )
    for options in ([], [Options.NoAttributes]):
        signed = (
            pkcs7.PKCS7SignatureBuilder()
            .set_data(b"ed")
            .add_signer(cert, key, hashes.SHA512())
            .sign(DER, options)
        )
        assert pkcs7.pkcs7_verify_der(signed) == [cert]
