"""PKCS #7 certificates: the .p7b files of cryptography-vectors read (DER, BER with the
reference's warning, PEM), the other content types and malformed inputs refused with
the reference's exceptions, and certs-only SignedData written byte for byte as the
published files."""

from __future__ import annotations

import typing
import warnings

import pytest

from cryptography import x509
from cryptography.exceptions import UnsupportedAlgorithm, _Reasons
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.serialization.pkcs7 import (
    load_der_pkcs7_certificates,
    load_pem_pkcs7_certificates,
    serialize_certificates,
)
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
