"""OCSP (RFC 6960): the request and response files of cryptography-vectors read field by
field (values as `openssl ocsp -reqin/-respin -*_text` prints them), the files each
refuses, and built requests and responses checked against OpenSSL's own output."""

from __future__ import annotations

import datetime

import pytest

from cryptography import utils, x509
from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ed25519
from cryptography.x509 import ocsp
from cryptography.x509.oid import NameOID
from tests.vectors import vector_path

UTC = datetime.timezone.utc
DER = serialization.Encoding.DER


def _request(name: str) -> ocsp.OCSPRequest:
    return ocsp.load_der_ocsp_request(vector_path("x509", "ocsp", name).read_bytes())


def _response(name: str) -> ocsp.OCSPResponse:
    return ocsp.load_der_ocsp_response(vector_path("x509", "ocsp", name).read_bytes())


def test_a_request() -> None:
    request = _request("req-sha1.der")
    assert isinstance(request.hash_algorithm, hashes.SHA1)
    assert request.issuer_name_hash.hex() == "38ca468c07448df48196c76d6d4c70519e60a7bd"
    assert request.issuer_key_hash.hex() == "7975bb843acb2cde7a09be311b43bc1c2a4d5358"
    assert request.serial_number == 0x98D9E5C0B4C373552DF77C5D0F1EB5128E4945F9
    assert len(request.extensions) == 0
    der = vector_path("x509", "ocsp", "req-sha1.der").read_bytes()
    assert request.public_bytes(DER) == der
    with pytest.raises(ValueError, match="only allowed encoding value is Encoding.DER"):
        request.public_bytes(serialization.Encoding.PEM)


def test_request_extensions() -> None:
    nonce = _request("req-ext-nonce.der").extensions.get_extension_for_class(
        x509.OCSPNonce
    )
    assert nonce.value.nonce.hex() == "7b805a1d3726b8b84f48d2f8bfd72dfd"
    accepted = _request("req-acceptable-responses.der").extensions[0].value
    assert isinstance(accepted, x509.OCSPAcceptableResponses)
    assert list(accepted) == [x509.ObjectIdentifier("1.3.6.1.5.5.7.48.1.1")]
    unknown = _request("req-ext-unknown-oid.der").extensions[0].value
    assert isinstance(unknown, x509.UnrecognizedExtension)
    with pytest.raises(x509.DuplicateExtension):
        assert _request("req-duplicate-ext.der").extensions is None


def test_requests_refused() -> None:
    with pytest.raises(ValueError, match="1 is not a valid OCSP request version"):
        _request("req-invalid-version.der")
    with pytest.raises(NotImplementedError, match="more than one request"):
        _request("req-multi-sha1.der")
    with pytest.raises(UnsupportedAlgorithm, match="1.3.6.1.4.1.37476.3.2.1.99.1"):
        assert _request("req-invalid-hash-alg.der").hash_algorithm is None


def test_a_response_by_name() -> None:
    response = _response("resp-sha256.der")
    assert response.response_status is ocsp.OCSPResponseStatus.SUCCESSFUL
    assert response.responder_name == x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "US"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Let's Encrypt"),
            x509.NameAttribute(NameOID.COMMON_NAME, "Let's Encrypt Authority X3"),
        ]
    )
    assert response.responder_key_hash is None
    assert response.produced_at_utc == datetime.datetime(
        2018, 8, 30, 11, 15, tzinfo=UTC
    )
    assert response.certificate_status is ocsp.OCSPCertStatus.GOOD
    assert response.this_update_utc == datetime.datetime(2018, 8, 30, 11, 0, tzinfo=UTC)
    assert response.next_update_utc == datetime.datetime(2018, 9, 6, 11, 0, tzinfo=UTC)
    assert response.revocation_time_utc is None
    assert response.revocation_reason is None
    assert response.serial_number == 271024907440004808294641238224534273948400
    assert isinstance(response.hash_algorithm, hashes.SHA1)
    assert isinstance(response.signature_hash_algorithm, hashes.SHA256)
    assert response.signature_algorithm_oid.dotted_string == "1.2.840.113549.1.1.11"
    assert response.certificates == []
    with pytest.warns(utils.CryptographyDeprecationWarning):
        assert response.this_update == datetime.datetime(2018, 8, 30, 11, 0)
    [single] = list(response.responses)
    assert single.serial_number == response.serial_number
    assert single.certificate_status is ocsp.OCSPCertStatus.GOOD


def test_revoked_responses() -> None:
    by_key = _response("resp-revoked.der")
    assert by_key.responder_name is None
    key_hash = by_key.responder_key_hash
    assert key_hash is not None
    assert key_hash.hex() == "0f80611c823161d52f28e78d4638b42ce1c6d9e2"
    assert by_key.certificate_status is ocsp.OCSPCertStatus.REVOKED
    assert by_key.revocation_time_utc == datetime.datetime(
        2016, 9, 2, 21, 28, 48, tzinfo=UTC
    )
    assert by_key.revocation_reason is None
    reason = _response("resp-revoked-reason.der")
    assert reason.revocation_reason is x509.ReasonFlags.superseded
    assert len(reason.certificates) == 1
    nonce = reason.extensions.get_extension_for_class(x509.OCSPNonce).value
    assert nonce.nonce.hex() == "3595379f610383878972578fae99f722"
    assert _response("resp-revoked-no-next-update.der").next_update_utc is None


def test_single_response_extensions() -> None:
    scts = _response("resp-sct-extension.der").single_extensions[0].value
    assert isinstance(scts, x509.SignedCertificateTimestamps)
    assert len(scts) == 4
    reason = _response("resp-single-extension-reason.der").single_extensions[0].value
    assert reason == x509.CRLReason(x509.ReasonFlags.unspecified)


def test_many_single_responses() -> None:
    response = _response("ocsp-army.deps.mil-resp.der")
    with pytest.raises(ValueError, match="contains 20 SINGLERESP structures"):
        assert response.serial_number is None
    assert len(list(response.responses)) == 20


def test_responses_refused() -> None:
    with pytest.raises(ValueError, match="1 is not a valid OCSP response version"):
        _response("resp-invalid-version.der")
    with pytest.raises(ValueError, match="unknown status code"):
        _response("resp-unknown-response-status.der")
    with pytest.raises(ValueError, match="does not contain a BasicResponse"):
        _response("resp-successful-no-response-bytes.der")
    with pytest.raises(ValueError, match="UnknownDefinedBy"):
        _response("resp-response-type-unknown-oid.der")
    with pytest.raises(UnsupportedAlgorithm, match="1.2.840.113549.1.1.2"):
        assert _response("resp-invalid-signature-oid.der").signature_hash_algorithm


def test_an_unsuccessful_response() -> None:
    response = _response("resp-unauthorized.der")
    assert response.response_status is ocsp.OCSPResponseStatus.UNAUTHORIZED
    for read in (
        lambda: response.certificate_status,
        lambda: response.signature,
        lambda: response.responses,
        lambda: response.extensions,
    ):
        with pytest.raises(ValueError, match="status is not successful"):
            read()
    built = ocsp.OCSPResponseBuilder.build_unsuccessful(
        ocsp.OCSPResponseStatus.TRY_LATER
    )
    assert built.public_bytes(DER) == bytes.fromhex("30030a0103")


def _cert_and_issuer() -> tuple[x509.Certificate, x509.Certificate]:
    def load(name: str) -> x509.Certificate:
        return x509.load_pem_x509_certificate(vector_path("x509", name).read_bytes())

    return load("cryptography.io.pem"), load("rapidssl_sha256_ca_g3.pem")


# `openssl ocsp -issuer rapidssl_sha256_ca_g3.pem [-sha256] -cert cryptography.io.pem
# -no_nonce -reqout req.der` (OpenSSL 3.0.19), in hex.
OPENSSL_REQUESTS = [
    (
        hashes.SHA1(),
        "30433041303f303d303b300906052b0e03021a05000414400b467af1e6b2d30983ba0d607e7e"
        "59374824c40414c39cf3fcd3460834bbce467fa07c5bf3e208cb5902023f20",
    ),
    (
        hashes.SHA256(),
        "305f305d305b30593057300d0609608648016503040201050004209f7068c016a887bee1d7b5"
        "0b7e45faefcd5d5033c3f364da8fcc0ed63656859a0420dc4f823a10b61df0eeae00a2e28a7a"
        "b33120c22e506e04b96536a597f08a1e7602023f20",
    ),
]


@pytest.mark.parametrize(("algorithm", "expected"), OPENSSL_REQUESTS)
def test_built_requests_match_openssl(
    algorithm: hashes.HashAlgorithm, expected: str
) -> None:
    cert, issuer = _cert_and_issuer()
    request = ocsp.OCSPRequestBuilder().add_certificate(cert, issuer, algorithm).build()
    assert request.public_bytes(DER).hex() == expected
    by_hash = (
        ocsp.OCSPRequestBuilder()
        .add_certificate_by_hash(
            request.issuer_name_hash,
            request.issuer_key_hash,
            request.serial_number,
            algorithm,
        )
        .build()
    )
    assert by_hash.public_bytes(DER).hex() == expected


def test_request_builder_rules() -> None:
    cert, issuer = _cert_and_issuer()
    builder = ocsp.OCSPRequestBuilder()
    with pytest.raises(ValueError, match="must add a certificate"):
        builder.build()
    with pytest.raises(ValueError, match="SHA1, SHA224"):
        builder.add_certificate(cert, issuer, hashes.MD5())
    with pytest.raises(ValueError, match="same length as the digest size"):
        builder.add_certificate_by_hash(b"\x00" * 20, b"\x00" * 19, 1, hashes.SHA1())
    one = builder.add_certificate(cert, issuer, hashes.SHA1())
    with pytest.raises(ValueError, match="Only one certificate"):
        one.add_certificate(cert, issuer, hashes.SHA1())
    nonce = one.add_extension(x509.OCSPNonce(b"\x00" * 8), False).build()
    assert nonce.extensions[0].value == x509.OCSPNonce(b"\x00" * 8)


KEY = ed25519.Ed25519PrivateKey.from_private_bytes(b"\x05" * 32)
RESPONDER_NAME = x509.Name(
    [x509.NameAttribute(NameOID.COMMON_NAME, "OCSP Test Responder")]
)

# The ResponseData of the response built below, around its producedAt (the time it is
# signed): responder by key hash (SHA-1 of the Ed25519 key), one revoked certificate
# (keyCompromise) with this and next update, and a nonce. `openssl ocsp -respin
# resp.der -VAfile responder.pem` verifies the whole response ("Response verify OK").
RESPONSE_DATA_BEFORE = "3081cba2160414a38625f2e15e1107aa97a0de217b21eac7c33d0f"
RESPONSE_DATA_AFTER = (
    "307b3079303b300906052b0e03021a050004147e510bfca978448de38a716f9a700d4bbe1e97e9"
    "0414a38625f2e15e1107aa97a0de217b21eac7c33d0f02020c5da116180f323032363032303130"
    "30303030305aa0030a0101180f32303236303330313030303030305aa011180f32303236303330"
    "383030303030305aa1233021301f06092b06010505073001020412041001010101010101010101"
    "010101010101"
)


def test_a_signed_response() -> None:
    start = datetime.datetime(2026, 1, 1)
    responder = (
        x509.CertificateBuilder()
        .subject_name(RESPONDER_NAME)
        .issuer_name(RESPONDER_NAME)
        .public_key(KEY.public_key())
        .serial_number(0x0C5D)
        .not_valid_before(start)
        .not_valid_after(datetime.datetime(2036, 1, 1))
        .sign(KEY, None)
    )
    response = (
        ocsp.OCSPResponseBuilder()
        .add_response(
            responder,
            responder,
            hashes.SHA1(),
            ocsp.OCSPCertStatus.REVOKED,
            datetime.datetime(2026, 3, 1),
            datetime.datetime(2026, 3, 8),
            datetime.datetime(2026, 2, 1),
            x509.ReasonFlags.key_compromise,
        )
        .responder_id(ocsp.OCSPResponderEncoding.HASH, responder)
        .certificates([responder])
        .add_extension(x509.OCSPNonce(b"\x01" * 16), False)
        .sign(KEY, None)
    )
    produced = response.produced_at_utc.strftime("%Y%m%d%H%M%SZ").encode()
    assert response.tbs_response_bytes == (
        bytes.fromhex(RESPONSE_DATA_BEFORE)
        + b"\x18\x0f"
        + produced
        + bytes.fromhex(RESPONSE_DATA_AFTER)
    )
    KEY.public_key().verify(response.signature, response.tbs_response_bytes)
    with pytest.raises(InvalidSignature):
        KEY.public_key().verify(response.signature, response.tbs_response_bytes + b"x")
    assert response.certificates == [responder]
    assert response.revocation_reason is x509.ReasonFlags.key_compromise
    # A responder whose certificate is not the signing key's is refused.
    other = ed25519.Ed25519PrivateKey.from_private_bytes(b"\x06" * 32)
    builder = (
        ocsp.OCSPResponseBuilder()
        .add_response(
            responder,
            responder,
            hashes.SHA1(),
            ocsp.OCSPCertStatus.GOOD,
            datetime.datetime(2026, 3, 1),
            None,
            None,
            None,
        )
        .responder_id(ocsp.OCSPResponderEncoding.NAME, responder)
    )
    with pytest.raises(ValueError, match="do not match"):
        builder.sign(other, None)
    by_name = builder.sign(KEY, None)
    assert by_name.responder_name == RESPONDER_NAME


def test_response_builder_rules() -> None:
    cert, issuer = _cert_and_issuer()
    when = datetime.datetime(2026, 3, 1)
    builder = ocsp.OCSPResponseBuilder()
    with pytest.raises(ValueError, match="must add a response"):
        builder.sign(KEY, None)
    with pytest.raises(ValueError, match="only be provided if the certificate is"):
        builder.add_response(
            cert,
            issuer,
            hashes.SHA1(),
            ocsp.OCSPCertStatus.GOOD,
            when,
            None,
            when,
            None,
        )
    with pytest.raises(TypeError, match="revocation_time must be a datetime"):
        builder.add_response(
            cert,
            issuer,
            hashes.SHA1(),
            ocsp.OCSPCertStatus.REVOKED,
            when,
            None,
            None,
            None,
        )
    with pytest.raises(ValueError, match="cannot be SUCCESSFUL"):
        ocsp.OCSPResponseBuilder.build_unsuccessful(ocsp.OCSPResponseStatus.SUCCESSFUL)
    with pytest.raises(ValueError, match="must not be an empty list"):
        builder.certificates([])
