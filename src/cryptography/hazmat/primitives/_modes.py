# This file is dual licensed under the terms of the Apache License, Version
# 2.0, and the BSD License. See the LICENSE file in the root of this repository
# for complete details.

"""Interfaces of cipher modes, and the checks the mode classes share. Importable from
this private module because third-party code does."""

from __future__ import annotations

import abc

from cryptography import utils
from cryptography.exceptions import UnsupportedAlgorithm, _Reasons
from cryptography.hazmat.bindings._rust import openssl as rust_openssl
from cryptography.hazmat.primitives._cipheralgorithm import (
    BlockCipherAlgorithm,
    CipherAlgorithm,
)

__all__ = [
    "BlockCipherAlgorithm",
    "CipherAlgorithm",
    "Mode",
    "ModeWithAuthenticationTag",
    "ModeWithInitializationVector",
    "ModeWithNonce",
    "ModeWithTweak",
    "UnsupportedAlgorithm",
]


class Mode(metaclass=abc.ABCMeta):
    @property
    @abc.abstractmethod
    def name(self) -> str:
        """A string naming this mode (e.g. "ECB", "CBC")."""

    @abc.abstractmethod
    def validate_for_algorithm(self, algorithm: CipherAlgorithm) -> None:
        """Checks that all the necessary invariants of this (mode, algorithm)
        combination are met."""


class ModeWithInitializationVector(Mode, metaclass=abc.ABCMeta):
    @property
    @abc.abstractmethod
    def initialization_vector(self) -> utils.Buffer:
        """The value of the initialization vector for this mode as bytes."""


class ModeWithTweak(Mode, metaclass=abc.ABCMeta):
    @property
    @abc.abstractmethod
    def tweak(self) -> utils.Buffer:
        """The value of the tweak for this mode as bytes."""


class ModeWithNonce(Mode, metaclass=abc.ABCMeta):
    @property
    @abc.abstractmethod
    def nonce(self) -> utils.Buffer:
        """The value of the nonce for this mode as bytes."""


class ModeWithAuthenticationTag(Mode, metaclass=abc.ABCMeta):
    @property
    @abc.abstractmethod
    def tag(self) -> bytes | None:
        """The value of the tag supplied to the constructor of this mode."""


def _check_block_cipher(mode: Mode, algorithm: CipherAlgorithm) -> None:
    if not isinstance(algorithm, BlockCipherAlgorithm):
        raise UnsupportedAlgorithm(
            f"{mode} requires a block cipher algorithm",
            _Reasons.UNSUPPORTED_CIPHER,
        )


# The rules themselves, and their messages, are the core's.
def _check_aes_key_length(mode: Mode, algorithm: CipherAlgorithm) -> None:
    rust_openssl.ciphers.check_aes_key_for_mode(
        algorithm.name == "AES", algorithm.key_size
    )


def _check_iv_length(
    mode: ModeWithInitializationVector, algorithm: BlockCipherAlgorithm
) -> None:
    rust_openssl.ciphers.check_iv_length(
        mode.name, algorithm.block_size, len(mode.initialization_vector)
    )


def _check_iv_and_key_length(
    self: ModeWithInitializationVector, algorithm: CipherAlgorithm
) -> None:
    """`validate_for_algorithm` of the modes with an IV (hence the `self`)."""
    _check_block_cipher(self, algorithm)
    assert isinstance(algorithm, BlockCipherAlgorithm)
    _check_aes_key_length(self, algorithm)
    _check_iv_length(self, algorithm)
