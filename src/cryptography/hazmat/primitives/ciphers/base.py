# This file is dual licensed under the terms of the Apache License, Version
# 2.0, and the BSD License. See the LICENSE file in the root of this repository
# for complete details.

from __future__ import annotations

import abc
import typing

from cryptography.hazmat.bindings._rust import openssl as rust_openssl
from cryptography.hazmat.primitives._cipheralgorithm import (
    CipherAlgorithm as CipherAlgorithm,
)
from cryptography.hazmat.primitives.ciphers import modes
from cryptography.utils import Buffer


class CipherContext(metaclass=abc.ABCMeta):
    @abc.abstractmethod
    def update(self, data: Buffer) -> bytes:
        """Processes the provided bytes through the cipher and returns the results
        as bytes."""

    @abc.abstractmethod
    def update_into(self, data: Buffer, buf: Buffer) -> int:
        """Processes the provided bytes and writes the resulting data into the
        provided buffer. Returns the number of bytes written."""

    @abc.abstractmethod
    def finalize(self) -> bytes:
        """Returns the results of processing the final block as bytes."""

    @abc.abstractmethod
    def reset_nonce(self, nonce: bytes) -> None:
        """Resets the nonce for the cipher context to the provided value.
        Raises an exception if it does not support reset or if the provided
        nonce does not have a valid length."""


class AEADCipherContext(CipherContext, metaclass=abc.ABCMeta):
    @abc.abstractmethod
    def authenticate_additional_data(self, data: Buffer) -> None:
        """Authenticates the provided bytes."""


class AEADDecryptionContext(AEADCipherContext, metaclass=abc.ABCMeta):
    @abc.abstractmethod
    def finalize_with_tag(self, tag: bytes) -> bytes:
        """Returns the results of processing the final block as bytes and allows
        delayed passing of the authentication tag."""


class AEADEncryptionContext(AEADCipherContext, metaclass=abc.ABCMeta):
    @property
    @abc.abstractmethod
    def tag(self) -> bytes:
        """Returns tag bytes. This is only available after encryption is
        finalized."""


Mode = typing.TypeVar("Mode", bound=typing.Optional[modes.Mode], covariant=True)


# Native: `Cipher(algorithm, mode)` is built for every message. It checks its arguments
# as the reference does, subscripts like a generic class (`Cipher[modes.GCM]`), and
# `encryptor()`/`decryptor()` make the contexts below.
Cipher = rust_openssl.ciphers.Cipher

CipherContext.register(rust_openssl.ciphers.CipherContext)
AEADEncryptionContext.register(rust_openssl.ciphers.AEADEncryptionContext)
AEADDecryptionContext.register(rust_openssl.ciphers.AEADDecryptionContext)
