# This file is dual licensed under the terms of the Apache License, Version
# 2.0, and the BSD License. See the LICENSE file in the root of this repository
# for complete details.

"""PKCS #7: the certificates of a SignedData (a ``.p7b`` file) read from DER, BER or
PEM, and written as a certs-only SignedData. Parsing and writing are native.

Signing, enveloping and decryption (``PKCS7SignatureBuilder``, ``PKCS7EnvelopeBuilder``,
``pkcs7_decrypt_*``) are not built yet: importing them fails, as importing this module
did before."""

from __future__ import annotations

import typing

from cryptography import utils, x509
from cryptography.hazmat.bindings._rust import pkcs7 as rust_pkcs7
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa

__all__ = [
    "PKCS7HashTypes",
    "PKCS7Options",
    "PKCS7PrivateKeyTypes",
    "load_der_pkcs7_certificates",
    "load_pem_pkcs7_certificates",
    "serialize_certificates",
]

PKCS7HashTypes = typing.Union[
    hashes.SHA224,
    hashes.SHA256,
    hashes.SHA384,
    hashes.SHA512,
]

PKCS7PrivateKeyTypes = typing.Union[rsa.RSAPrivateKey, ec.EllipticCurvePrivateKey]


class PKCS7Options(utils.Enum):
    Text = "Add text/plain MIME type"
    Binary = "Don't translate input data into canonical MIME format"
    DetachedSignature = "Don't embed data in the PKCS7 structure"
    NoCapabilities = "Don't embed SMIME capabilities"
    NoAttributes = "Don't embed authenticatedAttributes"
    NoCerts = "Don't embed signer certificate"


def load_pem_pkcs7_certificates(data: bytes) -> list[x509.Certificate]:
    return rust_pkcs7.load_pem_pkcs7_certificates(data)


def load_der_pkcs7_certificates(data: bytes) -> list[x509.Certificate]:
    return rust_pkcs7.load_der_pkcs7_certificates(data)


def serialize_certificates(
    certs: list[x509.Certificate],
    encoding: serialization.Encoding,
) -> bytes:
    return rust_pkcs7.serialize_certificates(certs, encoding)
