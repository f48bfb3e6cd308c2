# This file is dual licensed under the terms of the Apache License, Version
# 2.0, and the BSD License. See the LICENSE file in the root of this repository
# for complete details.

"""RSA: key interfaces (implemented natively), the numbers classes, key generation, and
the CRT helpers."""

from __future__ import annotations

import abc
import math
import typing

from cryptography.hazmat.bindings._rust import openssl as rust_openssl
from cryptography.hazmat.primitives import _serialization, hashes
from cryptography.hazmat.primitives._asymmetric import AsymmetricPadding
from cryptography.hazmat.primitives.asymmetric import utils as asym_utils

__all__ = [
    "RSAPrivateKey",
    "RSAPrivateKeyWithSerialization",
    "RSAPrivateNumbers",
    "RSAPublicKey",
    "RSAPublicKeyWithSerialization",
    "RSAPublicNumbers",
    "generate_private_key",
    "rsa_crt_dmp1",
    "rsa_crt_dmq1",
    "rsa_crt_iqmp",
    "rsa_recover_prime_factors",
    "rsa_recover_private_exponent",
]

gcd = math.gcd
lcm = math.lcm


class RSAPrivateKey(metaclass=abc.ABCMeta):
    @abc.abstractmethod
    def decrypt(self, ciphertext: bytes, padding: AsymmetricPadding) -> bytes:
        """Decrypts the provided ciphertext."""

    @property
    @abc.abstractmethod
    def key_size(self) -> int:
        """The bit length of the public modulus."""

    @abc.abstractmethod
    def public_key(self) -> RSAPublicKey:
        """The RSAPublicKey associated with this private key."""

    @abc.abstractmethod
    def sign(
        self,
        data: bytes,
        padding: AsymmetricPadding,
        algorithm: asym_utils.Prehashed | hashes.HashAlgorithm,
    ) -> bytes:
        """Signs the data."""

    @abc.abstractmethod
    def private_numbers(self) -> RSAPrivateNumbers:
        """Returns an RSAPrivateNumbers."""

    @abc.abstractmethod
    def private_bytes(
        self,
        encoding: _serialization.Encoding,
        format: _serialization.PrivateFormat,
        encryption_algorithm: _serialization.KeySerializationEncryption,
    ) -> bytes:
        """Returns the key serialized as bytes."""

    @abc.abstractmethod
    def __copy__(self) -> RSAPrivateKey:
        """Returns a copy."""

    @abc.abstractmethod
    def __deepcopy__(self, memo: dict) -> RSAPrivateKey:
        """Returns a deep copy."""


RSAPrivateKeyWithSerialization = RSAPrivateKey
RSAPrivateKey.register(rust_openssl.rsa.RSAPrivateKey)


class RSAPublicKey(metaclass=abc.ABCMeta):
    @abc.abstractmethod
    def encrypt(self, plaintext: bytes, padding: AsymmetricPadding) -> bytes:
        """Encrypts the given plaintext."""

    @property
    @abc.abstractmethod
    def key_size(self) -> int:
        """The bit length of the public modulus."""

    @abc.abstractmethod
    def public_numbers(self) -> RSAPublicNumbers:
        """Returns an RSAPublicNumbers."""

    @abc.abstractmethod
    def public_bytes(
        self,
        encoding: _serialization.Encoding,
        format: _serialization.PublicFormat,
    ) -> bytes:
        """Returns the key serialized as bytes."""

    @abc.abstractmethod
    def verify(
        self,
        signature: bytes,
        data: bytes,
        padding: AsymmetricPadding,
        algorithm: asym_utils.Prehashed | hashes.HashAlgorithm,
    ) -> None:
        """Verifies the signature of the data."""

    @abc.abstractmethod
    def recover_data_from_signature(
        self,
        signature: bytes,
        padding: AsymmetricPadding,
        algorithm: hashes.HashAlgorithm | None,
    ) -> bytes:
        """Recovers the original data from the signature."""

    @abc.abstractmethod
    def __eq__(self, other: object) -> bool:
        """Checks equality."""

    @abc.abstractmethod
    def __copy__(self) -> RSAPublicKey:
        """Returns a copy."""

    @abc.abstractmethod
    def __deepcopy__(self, memo: dict) -> RSAPublicKey:
        """Returns a deep copy."""


RSAPublicKeyWithSerialization = RSAPublicKey
RSAPublicKey.register(rust_openssl.rsa.RSAPublicKey)


def _require_int(value: object) -> None:
    if not isinstance(value, int):
        raise TypeError(f"'{type(value).__name__}' object is not an instance of 'int'")


class RSAPublicNumbers:
    """The public integers of an RSA key: exponent `e` and modulus `n`."""

    __slots__ = ("_e", "_n")

    def __init__(self, e: int, n: int):
        _require_int(e)
        _require_int(n)
        self._e = e
        self._n = n

    @property
    def e(self) -> int:
        return self._e

    @property
    def n(self) -> int:
        return self._n

    def public_key(self, backend: typing.Any = None) -> RSAPublicKey:
        return rust_openssl.rsa.public_key_from_numbers(self._e, self._n)

    def __repr__(self) -> str:
        return f"<RSAPublicNumbers(e={self._e}, n={self._n})>"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, RSAPublicNumbers):
            return NotImplemented
        return self._e == other._e and self._n == other._n

    def __hash__(self) -> int:
        return hash((self._e, self._n))


class RSAPrivateNumbers:
    """The private integers of an RSA key (two primes, with the CRT values)."""

    __slots__ = ("_d", "_dmp1", "_dmq1", "_iqmp", "_p", "_public_numbers", "_q")

    def __init__(
        self,
        p: int,
        q: int,
        d: int,
        dmp1: int,
        dmq1: int,
        iqmp: int,
        public_numbers: RSAPublicNumbers,
    ):
        for value in (p, q, d, dmp1, dmq1, iqmp):
            _require_int(value)
        if not isinstance(public_numbers, RSAPublicNumbers):
            shown = "None" if public_numbers is None else type(public_numbers).__name__
            raise TypeError(f"'{shown}' is not an instance of 'RSAPublicNumbers'")
        self._p = p
        self._q = q
        self._d = d
        self._dmp1 = dmp1
        self._dmq1 = dmq1
        self._iqmp = iqmp
        self._public_numbers = public_numbers

    @property
    def p(self) -> int:
        return self._p

    @property
    def q(self) -> int:
        return self._q

    @property
    def d(self) -> int:
        return self._d

    @property
    def dmp1(self) -> int:
        return self._dmp1

    @property
    def dmq1(self) -> int:
        return self._dmq1

    @property
    def iqmp(self) -> int:
        return self._iqmp

    @property
    def public_numbers(self) -> RSAPublicNumbers:
        return self._public_numbers

    def private_key(
        self,
        backend: typing.Any = None,
        *,
        unsafe_skip_rsa_key_validation: bool = False,
    ) -> RSAPrivateKey:
        _check_private_key_components(
            self._p,
            self._q,
            self._d,
            self._dmp1,
            self._dmq1,
            self._iqmp,
            self._public_numbers.e,
            self._public_numbers.n,
        )
        return rust_openssl.rsa.private_key_from_numbers(
            self._p,
            self._q,
            self._d,
            self._dmp1,
            self._dmq1,
            self._iqmp,
            self._public_numbers.e,
            self._public_numbers.n,
            not unsafe_skip_rsa_key_validation,
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, RSAPrivateNumbers):
            return NotImplemented
        return (
            self._p == other._p
            and self._q == other._q
            and self._d == other._d
            and self._dmp1 == other._dmp1
            and self._dmq1 == other._dmq1
            and self._iqmp == other._iqmp
            and self._public_numbers == other._public_numbers
        )

    def __hash__(self) -> int:
        return hash(
            (
                self._p,
                self._q,
                self._d,
                self._dmp1,
                self._dmq1,
                self._iqmp,
                self._public_numbers,
            )
        )


def _check_private_key_components(
    p: int,
    q: int,
    private_exponent: int,
    dmp1: int,
    dmq1: int,
    iqmp: int,
    public_exponent: int,
    modulus: int,
) -> None:
    """The range and parity checks every RSA private key passes before OpenSSL's own."""
    if modulus < 3:
        raise ValueError("modulus must be >= 3.")
    for name, value in (
        ("p", p),
        ("q", q),
        ("dmp1", dmp1),
        ("dmq1", dmq1),
        ("iqmp", iqmp),
        ("private_exponent", private_exponent),
    ):
        if value >= modulus:
            raise ValueError(f"{name} must be < modulus.")
    if public_exponent < 3 or public_exponent >= modulus:
        raise ValueError("public_exponent must be >= 3 and < modulus.")
    if public_exponent & 1 == 0:
        raise ValueError("public_exponent must be odd.")
    if dmp1 & 1 == 0:
        raise ValueError("dmp1 must be odd.")
    if dmq1 & 1 == 0:
        raise ValueError("dmq1 must be odd.")
    if p * q != modulus:
        raise ValueError("p*q must equal modulus.")


def generate_private_key(
    public_exponent: int,
    key_size: int,
    backend: typing.Any = None,
) -> RSAPrivateKey:
    if public_exponent not in (3, 65537):
        raise ValueError(
            "public_exponent must be either 3 (for legacy compatibility) or 65537. "
            "Almost everyone should choose 65537 here!"
        )
    return rust_openssl.rsa.generate_private_key(public_exponent, key_size)


def rsa_crt_iqmp(p: int, q: int) -> int:
    """The CRT coefficient q^-1 mod p."""
    return pow(q, -1, p)


def rsa_crt_dmp1(private_exponent: int, p: int) -> int:
    """The CRT exponent d mod (p - 1)."""
    return private_exponent % (p - 1)


def rsa_crt_dmq1(private_exponent: int, q: int) -> int:
    """The CRT exponent d mod (q - 1)."""
    return private_exponent % (q - 1)


def rsa_recover_private_exponent(e: int, p: int, q: int) -> int:
    """The private exponent d = e^-1 mod lcm(p - 1, q - 1) (Carmichael's totient)."""
    return pow(e, -1, lcm(p - 1, q - 1))


def rsa_recover_prime_factors(n: int, e: int, d: int) -> tuple[int, int]:
    """The primes (p, q), p > q, of a modulus whose exponents e and d are known."""
    return rust_openssl.rsa.recover_prime_factors(n, e, d)
