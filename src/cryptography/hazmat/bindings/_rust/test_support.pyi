# This file is dual licensed under the terms of the Apache License, Version
# 2.0, and the BSD License. See the LICENSE file in the root of this repository
# for complete details.

import typing

from cryptography import x509
from cryptography.hazmat.primitives import hpke, serialization
from cryptography.hazmat.primitives.serialization import pkcs7

__all__ = [
    "TestCertificate",
    "hpke_skip_to_sequence",
    "mlkem_encapsulate_with_entropy",
    "pkcs7_openssl_decrypt",
    "pkcs7_openssl_encrypt",
    "pkcs7_verify",
    "test_parse_certificate",
]

@typing.final
class TestCertificate:
    @property
    def not_after_tag(self) -> int: ...
    @property
    def not_before_tag(self) -> int: ...
    @property
    def issuer_value_tags(self) -> bytes: ...
    @property
    def subject_value_tags(self) -> bytes: ...

def test_parse_certificate(data: bytes) -> TestCertificate: ...
def hpke_skip_to_sequence(
    context: hpke.SenderContext | hpke.RecipientContext, sequence: int
) -> None: ...
def pkcs7_verify(
    encoding: serialization.Encoding,
    sig: bytes,
    msg: bytes | None,
    certs: list[x509.Certificate],
    options: list[pkcs7.PKCS7Options],
) -> None: ...
def pkcs7_openssl_decrypt(
    der: bytes, certificate: x509.Certificate, private_key_pkcs8: bytes
) -> bytes: ...
def pkcs7_openssl_encrypt(
    content: bytes, certificate: x509.Certificate, key_bits: int
) -> bytes: ...
def mlkem_encapsulate_with_entropy(
    public_key: typing.Any, entropy: bytes
) -> tuple[bytes, bytes]: ...
