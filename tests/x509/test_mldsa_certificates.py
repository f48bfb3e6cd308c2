# This file is dual licensed under the terms of the Apache License, Version
# 2.0, and the BSD License. See the LICENSE file in the root of this repository
# for complete details.

"""Certificates, requests and revocation lists signed with ML-DSA (RFC 9881): the
signature algorithm has no parameters, the signature has no context, and an ML-KEM key
may be the subject of an ML-DSA-signed certificate (RFC 9935)."""

from __future__ import annotations

import datetime
import typing

import pytest

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ed25519, mldsa, mlkem
from cryptography.x509.oid import NameOID, PublicKeyAlgorithmOID, SignatureAlgorithmOID

NAME = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "ML-DSA test")])
START = datetime.datetime(2026, 1, 1, tzinfo=datetime.timezone.utc)

KEYS = [
    (mldsa.MLDSA44PrivateKey, SignatureAlgorithmOID.ML_DSA_44, 17),
    (mldsa.MLDSA65PrivateKey, SignatureAlgorithmOID.ML_DSA_65, 18),
    (mldsa.MLDSA87PrivateKey, SignatureAlgorithmOID.ML_DSA_87, 19),
]


def _builder(public_key: typing.Any) -> x509.CertificateBuilder:
    return (
        x509.CertificateBuilder()
        .subject_name(NAME)
        .issuer_name(NAME)
        .public_key(public_key)
        .serial_number(7)
        .not_valid_before(START)
        .not_valid_after(START + datetime.timedelta(days=30))
    )


@pytest.mark.parametrize(("key_class", "oid", "last_arc"), KEYS)
def test_certificate(
    key_class: type, oid: x509.ObjectIdentifier, last_arc: int
) -> None:
    key = key_class.generate()  # type: ignore[attr-defined]
    cert = _builder(key.public_key()).sign(key, None)
    assert cert.signature_algorithm_oid == oid
    assert cert.signature_hash_algorithm is None
    assert cert.signature_algorithm_parameters is None
    assert cert.public_key_algorithm_oid == oid
    assert cert.public_key() == key.public_key()
    # AlgorithmIdentifier { id-ml-dsa-NN } and nothing else, twice (TBS and outer).
    identifier = b"\x30\x0b\x06\x09\x60\x86\x48\x01\x65\x03\x04\x03" + bytes([last_arc])
    der = cert.public_bytes(serialization.Encoding.DER)
    assert der.count(identifier) == 3  # signature, SPKI algorithm, signatureAlgorithm
    # The signature is over the TBS bytes with no context.
    key.public_key().verify(cert.signature, cert.tbs_certificate_bytes)
    with pytest.raises(InvalidSignature):
        key.public_key().verify(cert.signature, cert.tbs_certificate_bytes, b"ctx")
    cert.verify_directly_issued_by(cert)
    with pytest.raises(ValueError, match="Algorithm must be None"):
        _builder(key.public_key()).sign(key, hashes.SHA256())


def test_wrong_issuer_and_tampered_signature() -> None:
    key = mldsa.MLDSA65PrivateKey.generate()
    cert = _builder(key.public_key()).sign(key, None)
    other = mldsa.MLDSA65PrivateKey.generate()
    other_cert = _builder(other.public_key()).sign(other, None)
    with pytest.raises(InvalidSignature):
        cert.verify_directly_issued_by(other_cert)
    # An issuer of another parameter set, or another algorithm, is a mismatch.
    small = mldsa.MLDSA44PrivateKey.generate()
    with pytest.raises(ValueError, match="does not match issuer key type"):
        cert.verify_directly_issued_by(_builder(small.public_key()).sign(small, None))
    ed = ed25519.Ed25519PrivateKey.generate()
    with pytest.raises(ValueError, match="does not match issuer key type"):
        cert.verify_directly_issued_by(_builder(ed.public_key()).sign(ed, None))


def test_mlkem_subject_key() -> None:
    ca = mldsa.MLDSA87PrivateKey.generate()
    kem = mlkem.MLKEM1024PrivateKey.generate()
    cert = _builder(kem.public_key()).sign(ca, None)
    assert cert.public_key() == kem.public_key()
    assert cert.public_key_algorithm_oid == PublicKeyAlgorithmOID.ML_KEM_1024
    ca.public_key().verify(cert.signature, cert.tbs_certificate_bytes)


def test_csr_and_crl() -> None:
    key = mldsa.MLDSA44PrivateKey.generate()
    csr = x509.CertificateSigningRequestBuilder().subject_name(NAME).sign(key, None)
    assert csr.is_signature_valid
    assert csr.signature_algorithm_oid == SignatureAlgorithmOID.ML_DSA_44
    assert csr.public_key() == key.public_key()
    crl = (
        x509.CertificateRevocationListBuilder()
        .issuer_name(NAME)
        .last_update(START)
        .next_update(START + datetime.timedelta(days=1))
        .sign(key, None)
    )
    assert crl.is_signature_valid(key.public_key())
    assert not crl.is_signature_valid(mldsa.MLDSA44PrivateKey.generate().public_key())
