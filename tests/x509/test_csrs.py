"""Certificate signing requests of cryptography-vectors' x509/requests folder: the
fields openssl reads (`openssl req -noout -subject -nameopt RFC2253 -verify`), the
attributes and requested extensions, and the loaders' errors."""

from __future__ import annotations

import pytest

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.x509.oid import AttributeOID
from tests.vectors import vector_path


def load(name: str) -> x509.CertificateSigningRequest:
    with open(vector_path("x509/requests", name), "rb") as f:
        data = f.read()
    if name.endswith(".der"):
        return x509.load_der_x509_csr(data)
    return x509.load_pem_x509_csr(data)


def test_an_rsa_request() -> None:
    # openssl req: subject=CN=cryptography.io,O=PyCA,L=Austin,ST=Texas,C=US; verify OK
    request = load("rsa_sha256.pem")
    assert request.subject.rfc4514_string() == (
        "CN=cryptography.io,O=PyCA,L=Austin,ST=Texas,C=US"
    )
    assert request.is_signature_valid
    assert isinstance(request.signature_hash_algorithm, hashes.SHA256)
    assert len(request.attributes) == 0
    assert len(request.extensions) == 0
    der = request.public_bytes(serialization.Encoding.DER)
    assert x509.load_der_x509_csr(der) == request
    assert request.tbs_certrequest_bytes in der


def test_the_old_pem_label() -> None:
    assert load("ec_sha256_old_header.pem") == load("ec_sha256.pem")


def test_challenge_password_and_unstructured_name() -> None:
    attributes = load("challenge-unstructured.pem").attributes
    password = attributes.get_attribute_for_oid(AttributeOID.CHALLENGE_PASSWORD)
    assert password.value == b"beauty"
    name = attributes.get_attribute_for_oid(AttributeOID.UNSTRUCTURED_NAME)
    assert name.value == b"an unstructured field"
    with pytest.raises(x509.AttributeNotFound):
        attributes.get_attribute_for_oid(x509.ObjectIdentifier("1.2.3"))


def test_requested_extensions() -> None:
    extensions = load("basic_constraints.pem").extensions
    basic = extensions.get_extension_for_class(x509.BasicConstraints)
    assert basic.critical
    with pytest.raises(x509.DuplicateExtension):
        _ = load("two_basic_constraints.pem").extensions


@pytest.mark.parametrize(
    "name", ["rsa_sha1.pem", "dsa_sha1.pem", "rsa_md4.pem", "invalid_signature.pem"]
)
def test_signatures_not_valid(name: str) -> None:
    # SHA-1 and MD4 signatures are not checked; invalid_signature.pem's does not hold.
    assert not load(name).is_signature_valid


def test_errors() -> None:
    with pytest.raises(x509.InvalidVersion):
        load("bad-version.pem")
    with pytest.raises(ValueError, match="Only single-valued attributes"):
        _ = load("challenge-multi-valued.der").attributes
    with pytest.raises(ValueError, match="Long-form tags"):
        _ = load("long-form-attribute.pem").attributes
    with pytest.raises(ValueError, match="Are you sure this is a CSR"):
        x509.load_pem_x509_csr(
            b"-----BEGIN CERTIFICATE-----\nMAA=\n-----END CERTIFICATE-----\n"
        )


def test_public_bytes_errors() -> None:
    # As the reference words them: an argument that is not an Encoding at all, and an
    # Encoding other than DER or PEM. Certificates and CRLs share the same rule.
    with open(vector_path("x509/custom/valid_signature_cert.pem"), "rb") as f:
        certificate = x509.load_pem_x509_certificate(f.read())
    with open(vector_path("x509/custom/valid_signature_crl.pem"), "rb") as f:
        crl = x509.load_pem_x509_crl(f.read())
    for loaded in (load("rsa_sha256.pem"), certificate, crl):
        with pytest.raises(
            TypeError, match="'str' object is not an instance of 'Encoding'"
        ):
            loaded.public_bytes("DER")  # type: ignore[arg-type]
        with pytest.raises(
            TypeError, match="encoding must be Encoding.DER or Encoding.PEM"
        ):
            loaded.public_bytes(serialization.Encoding.Raw)
