"""Certificate revocation lists of cryptography-vectors' x509/custom folder: fields as
`openssl crl -noout -text` reads them, entries, their extensions, and the loaders'
errors."""

from __future__ import annotations

import datetime

import pytest

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from tests.vectors import vector_path

UTC = datetime.timezone.utc


def load(name: str) -> x509.CertificateRevocationList:
    with open(vector_path("x509/custom", name), "rb") as f:
        data = f.read()
    if name.endswith(".der"):
        return x509.load_der_x509_crl(data)
    return x509.load_pem_x509_crl(data)


def test_all_reasons() -> None:
    # openssl crl: Issuer: CN=cryptography.io, C=US; Last Update: Jan 1 00:00:00 2015;
    # Next Update: Jan 1 00:00:00 2016; twelve revoked certificates.
    crl = load("crl_all_reasons.pem")
    assert crl.issuer.rfc4514_string() == "CN=cryptography.io,C=US"
    assert crl.last_update_utc == datetime.datetime(2015, 1, 1, tzinfo=UTC)
    assert crl.next_update_utc == datetime.datetime(2016, 1, 1, tzinfo=UTC)
    assert len(crl) == 12
    reasons = set()
    for entry in crl:
        for extension in entry.extensions:
            if isinstance(extension.value, x509.CRLReason):
                reasons.add(extension.value.reason)
    assert x509.ReasonFlags.key_compromise in reasons
    first = crl[0]
    assert crl.get_revoked_certificate_by_serial_number(first.serial_number) is not None
    assert crl.get_revoked_certificate_by_serial_number(123456789) is None
    assert len(crl[1:3]) == 2
    assert crl[-1].serial_number == crl[11].serial_number
    with pytest.raises(IndexError):
        crl[12]
    der = crl.public_bytes(serialization.Encoding.DER)
    assert x509.load_der_x509_crl(der) == crl
    assert crl.tbs_certlist_bytes in der


def test_no_next_update() -> None:
    assert load("crl_no_next_update.pem").next_update_utc is None


def test_signature_validity() -> None:
    with open(vector_path("x509/custom/valid_signature_cert.pem"), "rb") as f:
        issuer = x509.load_pem_x509_certificate(f.read())
    assert load("valid_signature_crl.pem").is_signature_valid(issuer.public_key())
    assert not load("invalid_signature_crl.pem").is_signature_valid(issuer.public_key())
    with pytest.raises(TypeError):
        load("valid_signature_crl.pem").is_signature_valid("x")  # type: ignore[arg-type]


def test_errors() -> None:
    with pytest.raises(x509.InvalidVersion):
        load("crl_bad_version.pem")
    with pytest.raises(ValueError, match="Inner and outer signature algorithms"):
        load("crl_inner_outer_mismatch.der")
    with pytest.raises(ValueError, match="Are you sure this is a CRL"):
        x509.load_pem_x509_crl(
            b"-----BEGIN CERTIFICATE-----\nMAA=\n-----END CERTIFICATE-----\n"
        )
    with pytest.raises(x509.DuplicateExtension):
        _ = load("crl_dup_entry_ext.pem")[0].extensions
