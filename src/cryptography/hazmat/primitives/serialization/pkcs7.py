# This file is dual licensed under the terms of the Apache License, Version
# 2.0, and the BSD License. See the LICENSE file in the root of this repository
# for complete details.

"""PKCS #7: the certificates of a SignedData (a ``.p7b`` file) read from DER, BER or
PEM and written as a certs-only SignedData, and data signed as SignedData (DER, PEM or
S/MIME). Parsing, signing and writing are native; this module checks the builder's
arguments.

Enveloping and decryption (``PKCS7EnvelopeBuilder``, ``pkcs7_decrypt_*``) are not built
yet: importing them fails, as importing this module did before."""

from __future__ import annotations

import typing
from collections.abc import Iterable

from cryptography import utils, x509
from cryptography.hazmat.bindings._rust import pkcs7 as rust_pkcs7
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, padding, rsa

__all__ = [
    "PKCS7HashTypes",
    "PKCS7Options",
    "PKCS7PrivateKeyTypes",
    "PKCS7SignatureBuilder",
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


_SIGNING_HASHES = (hashes.SHA224, hashes.SHA256, hashes.SHA384, hashes.SHA512)

_Signer = tuple[
    x509.Certificate,
    typing.Union[PKCS7PrivateKeyTypes, ed25519.Ed25519PrivateKey],
    PKCS7HashTypes,
    typing.Union[padding.PSS, padding.PKCS1v15, None],
]


class PKCS7SignatureBuilder:
    """Signs data as PKCS #7 SignedData. Each setter returns a new builder.

    Signers use RSA (PKCS #1 v1.5 or PSS padding) or EC keys, as in pyca/cryptography;
    Ed25519 keys with SHA-512 (RFC 8419) are an addition."""

    def __init__(
        self,
        data: utils.Buffer | None = None,
        signers: list[_Signer] | None = None,
        additional_certs: list[x509.Certificate] | None = None,
    ):
        self._data = data
        self._signers: list[_Signer] = list(signers or [])
        self._additional_certs: list[x509.Certificate] = list(additional_certs or [])

    def set_data(self, data: utils.Buffer) -> PKCS7SignatureBuilder:
        utils._check_byteslike("data", data)
        if self._data is not None:
            raise ValueError("data may only be set once")
        return PKCS7SignatureBuilder(data, self._signers, self._additional_certs)

    def add_signer(
        self,
        certificate: x509.Certificate,
        private_key: PKCS7PrivateKeyTypes | ed25519.Ed25519PrivateKey,
        hash_algorithm: PKCS7HashTypes,
        *,
        rsa_padding: padding.PSS | padding.PKCS1v15 | None = None,
    ) -> PKCS7SignatureBuilder:
        if not isinstance(hash_algorithm, _SIGNING_HASHES):
            raise TypeError(
                "hash_algorithm must be one of hashes.SHA224, SHA256, SHA384, or SHA512"
            )
        if not isinstance(certificate, x509.Certificate):
            raise TypeError("certificate must be a x509.Certificate")
        ed25519_key = isinstance(private_key, ed25519.Ed25519PrivateKey)
        if ed25519_key and not isinstance(hash_algorithm, hashes.SHA512):
            # RFC 8419 section 3.1: Ed25519 signed attributes are hashed with SHA-512.
            raise TypeError("Only RSA & EC keys are supported at this time.")
        if not ed25519_key and not isinstance(
            private_key, (rsa.RSAPrivateKey, ec.EllipticCurvePrivateKey)
        ):
            raise TypeError("Only RSA & EC keys are supported at this time.")
        if rsa_padding is not None:
            if not isinstance(rsa_padding, (padding.PSS, padding.PKCS1v15)):
                raise TypeError("Padding must be PSS or PKCS1v15")
            if not isinstance(private_key, rsa.RSAPrivateKey):
                raise TypeError("Padding is only supported for RSA keys")
        signer: _Signer = (certificate, private_key, hash_algorithm, rsa_padding)
        return PKCS7SignatureBuilder(
            self._data, [*self._signers, signer], self._additional_certs
        )

    def add_certificate(self, certificate: x509.Certificate) -> PKCS7SignatureBuilder:
        if not isinstance(certificate, x509.Certificate):
            raise TypeError("certificate must be a x509.Certificate")
        return PKCS7SignatureBuilder(
            self._data, self._signers, [*self._additional_certs, certificate]
        )

    def sign(
        self,
        encoding: serialization.Encoding,
        options: Iterable[PKCS7Options],
        backend: typing.Any = None,
    ) -> bytes:
        if self._data is None and self._signers:
            raise ValueError("You must add data to sign")
        options = list(options)
        if not all(isinstance(option, PKCS7Options) for option in options):
            raise ValueError("options must be from the PKCS7Options enum")
        return rust_pkcs7.sign_and_serialize(self, encoding, options)
