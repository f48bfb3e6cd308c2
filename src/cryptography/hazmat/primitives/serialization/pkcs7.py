# This file is dual licensed under the terms of the Apache License, Version
# 2.0, and the BSD License. See the LICENSE file in the root of this repository
# for complete details.

"""PKCS #7: the certificates of a SignedData (a ``.p7b`` file) read from DER, BER or
PEM and written as a certs-only SignedData; data signed as SignedData and enveloped as
EnvelopedData (DER, PEM or S/MIME), and EnvelopedData decrypted. Parsing, signing,
encryption and writing are native; this module checks the builders' arguments."""

from __future__ import annotations

import email.message
import typing
from collections.abc import Iterable

from cryptography import utils, x509
from cryptography.exceptions import UnsupportedAlgorithm as UnsupportedAlgorithm
from cryptography.hazmat.bindings._rust import pkcs7 as rust_pkcs7
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, padding, rsa
from cryptography.hazmat.primitives.ciphers import algorithms

__all__ = [
    "ContentEncryptionAlgorithm",
    "OpenSSLMimePart",
    "PKCS7EnvelopeBuilder",
    "PKCS7HashTypes",
    "PKCS7Options",
    "PKCS7PrivateKeyTypes",
    "PKCS7SignatureBuilder",
    "load_der_pkcs7_certificates",
    "load_pem_pkcs7_certificates",
    "pkcs7_decrypt_der",
    "pkcs7_decrypt_pem",
    "pkcs7_decrypt_smime",
    "pkcs7_verify_der",
    "pkcs7_verify_pem",
    "pkcs7_verify_smime",
    "serialize_certificates",
]

ContentEncryptionAlgorithm = typing.Union[
    type[algorithms.AES128], type[algorithms.AES256]
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


serialize_certificates = rust_pkcs7.serialize_certificates


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


class PKCS7EnvelopeBuilder:
    """Encrypts data for RSA recipients as PKCS #7 EnvelopedData (AES-128-CBC unless
    set to AES-256-CBC). Each setter returns a new builder."""

    def __init__(
        self,
        *,
        _data: bytes | None = None,
        _recipients: list[x509.Certificate] | None = None,
        _content_encryption_algorithm: ContentEncryptionAlgorithm | None = None,
    ):
        self._data = _data
        self._recipients: list[x509.Certificate] = list(_recipients or [])
        self._content_encryption_algorithm = _content_encryption_algorithm

    def _with(self, **changes: typing.Any) -> PKCS7EnvelopeBuilder:
        settings: dict[str, typing.Any] = {
            "_data": self._data,
            "_recipients": self._recipients,
            "_content_encryption_algorithm": self._content_encryption_algorithm,
        }
        settings.update(changes)
        return PKCS7EnvelopeBuilder(**settings)

    def set_data(self, data: bytes) -> PKCS7EnvelopeBuilder:
        utils._check_byteslike("data", data)
        if self._data is not None:
            raise ValueError("data may only be set once")
        return self._with(_data=data)

    def add_recipient(self, certificate: x509.Certificate) -> PKCS7EnvelopeBuilder:
        if not isinstance(certificate, x509.Certificate):
            raise TypeError("certificate must be a x509.Certificate")
        if not isinstance(certificate.public_key(), rsa.RSAPublicKey):
            raise TypeError("Only RSA keys are supported at this time.")
        return self._with(_recipients=[*self._recipients, certificate])

    def set_content_encryption_algorithm(
        self, content_encryption_algorithm: ContentEncryptionAlgorithm
    ) -> PKCS7EnvelopeBuilder:
        if self._content_encryption_algorithm is not None:
            raise ValueError("Content encryption algo may only be set once")
        if content_encryption_algorithm not in (algorithms.AES128, algorithms.AES256):
            raise TypeError("Only AES128 and AES256 are supported")
        return self._with(_content_encryption_algorithm=content_encryption_algorithm)

    def encrypt(
        self,
        encoding: serialization.Encoding,
        options: Iterable[PKCS7Options],
    ) -> bytes:
        if not self._recipients:
            raise ValueError("Must have at least one recipient")
        if self._data is None:
            raise ValueError("You must add data to encrypt")
        return rust_pkcs7.encrypt_and_serialize(
            self,
            self._content_encryption_algorithm or algorithms.AES128,
            encoding,
            list(options),
        )


def pkcs7_decrypt_der(
    data: bytes,
    certificate: x509.Certificate,
    private_key: rsa.RSAPrivateKey,
    options: Iterable[PKCS7Options],
) -> bytes:
    return rust_pkcs7.decrypt_der(data, certificate, private_key, list(options))


def pkcs7_decrypt_pem(
    data: bytes,
    certificate: x509.Certificate,
    private_key: rsa.RSAPrivateKey,
    options: Iterable[PKCS7Options],
) -> bytes:
    return rust_pkcs7.decrypt_pem(data, certificate, private_key, list(options))


def pkcs7_decrypt_smime(
    data: bytes,
    certificate: x509.Certificate,
    private_key: rsa.RSAPrivateKey,
    options: Iterable[PKCS7Options],
) -> bytes:
    return rust_pkcs7.decrypt_smime(data, certificate, private_key, list(options))


# Verification: an addition to pyca/cryptography, which has no public API for it.


def pkcs7_verify_der(
    signature: bytes,
    content: bytes | None = None,
    certificates: Iterable[x509.Certificate] | None = None,
) -> list[x509.Certificate]:
    """Checks every signature of a PKCS #7 SignedData (DER) and returns the signers'
    certificates, in the order of its SignerInfos.

    Each signature is checked over its signed attributes, whose message digest must be
    the content's, or over the content itself when there are none. ``content`` is the
    content of a detached signature (an attached one holds its own; given for one, it
    must be the same). Each signer's
    certificate is found by issuer and serial number among the structure's certificates
    and ``certificates``. Whether the certificates are trusted is not checked here.

    Raises ``InvalidSignature`` for a signature or digest that does not match,
    ``UnsupportedAlgorithm`` for a digest or signature algorithm outside SHA-1/SHA-2
    with RSA (PKCS #1 v1.5 or PSS), ECDSA or Ed25519, and ``ValueError`` for malformed
    data, a signer without its certificate, or missing or different content.
    """
    return rust_pkcs7.verify_der(signature, content, _certificate_list(certificates))


def pkcs7_verify_pem(
    signature: bytes,
    content: bytes | None = None,
    certificates: Iterable[x509.Certificate] | None = None,
) -> list[x509.Certificate]:
    """As ``pkcs7_verify_der``, for a PEM ``PKCS7`` block."""
    return rust_pkcs7.verify_pem(signature, content, _certificate_list(certificates))


def pkcs7_verify_smime(
    message: bytes,
    certificates: Iterable[x509.Certificate] | None = None,
) -> list[x509.Certificate]:
    """As ``pkcs7_verify_der``, for an S/MIME message: multipart/signed (the first part,
    in canonical form, is the content) or application/pkcs7-mime signed data."""
    return rust_pkcs7.verify_smime(message, _certificate_list(certificates))


def _certificate_list(
    certificates: Iterable[x509.Certificate] | None,
) -> list[x509.Certificate] | None:
    return None if certificates is None else list(certificates)


class OpenSSLMimePart(email.message.MIMEPart):
    """A MIME part written as OpenSSL writes one: a part without header fields has no
    blank line before its body."""

    def _write_headers(self, generator: typing.Any) -> None:
        if any(True for _ in self.raw_items()):
            generator._write_headers(self)
