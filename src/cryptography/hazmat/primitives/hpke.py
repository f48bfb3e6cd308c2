# This file is dual licensed under the terms of the Apache License, Version
# 2.0, and the BSD License. See the LICENSE file in the root of this repository
# for complete details.

"""Hybrid Public Key Encryption (RFC 9180): a `Suite` of KEM, KDF and AEAD
encrypts to a public key (`encrypt` returns the encapsulated key followed by
the ciphertext) and decrypts with the private key. The KEMs include ML-KEM and
the ML-KEM hybrids of draft-ietf-hpke-pq, the KDFs its SHAKE128 and SHAKE256.

Additions beyond pyca/cryptography: `Suite.sender_context` and
`Suite.recipient_context` (many messages, the PSK, Auth and AuthPSK modes, the
secret exporter), `KEM.X448`, `KEM.MLKEM512` and `AEAD.EXPORT_ONLY`."""

from __future__ import annotations

from cryptography.hazmat.bindings._rust import openssl as rust_openssl


class MessageLimitReachedError(ValueError):
    """A context has sealed or opened as many messages as its sequence number
    allows (RFC 9180 section 5.2)."""


AEAD = rust_openssl.hpke.AEAD
KDF = rust_openssl.hpke.KDF
KEM = rust_openssl.hpke.KEM
MLKEM768X25519PrivateKey = rust_openssl.hpke.MLKEM768X25519PrivateKey
MLKEM768X25519PublicKey = rust_openssl.hpke.MLKEM768X25519PublicKey
MLKEM1024P384PrivateKey = rust_openssl.hpke.MLKEM1024P384PrivateKey
MLKEM1024P384PublicKey = rust_openssl.hpke.MLKEM1024P384PublicKey
RecipientContext = rust_openssl.hpke.RecipientContext
SenderContext = rust_openssl.hpke.SenderContext
Suite = rust_openssl.hpke.Suite

__all__ = [
    "AEAD",
    "KDF",
    "KEM",
    "MLKEM768X25519PrivateKey",
    "MLKEM768X25519PublicKey",
    "MLKEM1024P384PrivateKey",
    "MLKEM1024P384PublicKey",
    "MessageLimitReachedError",
    "RecipientContext",
    "SenderContext",
    "Suite",
]
