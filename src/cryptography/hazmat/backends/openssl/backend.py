# This file is dual licensed under the terms of the Apache License, Version
# 2.0, and the BSD License. See the LICENSE file in the root of this repository
# for complete details.

"""The backend object: what the linked OpenSSL can do, asked of OpenSSL itself.

Every predicate answers for this build: an algorithm the build lacks answers False, and
using it raises UnsupportedAlgorithm.
"""

from __future__ import annotations

import typing

from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.bindings._rust import openssl as rust_openssl
from cryptography.hazmat.primitives import hashes

# Names the reference's backend module also exposes; code written against old
# releases imports them from here.
from cryptography.hazmat.primitives._asymmetric import (
    AsymmetricPadding as AsymmetricPadding,
)
from cryptography.hazmat.primitives._cipheralgorithm import (
    BlockCipherAlgorithm,
    CipherAlgorithm,
)
from cryptography.hazmat.primitives.asymmetric.padding import MGF1 as MGF1
from cryptography.hazmat.primitives.asymmetric.padding import OAEP as OAEP
from cryptography.hazmat.primitives.asymmetric.padding import PSS as PSS
from cryptography.hazmat.primitives.asymmetric.padding import PKCS1v15 as PKCS1v15
from cryptography.hazmat.primitives.ciphers.algorithms import AES as AES
from cryptography.hazmat.primitives.ciphers.modes import CBC as CBC
from cryptography.hazmat.primitives.ciphers.modes import Mode as Mode

# Elliptic curves by the reference's curve `name`, mapped to OpenSSL short names.
_CURVES = {
    "secp192r1": "prime192v1",
    "secp224r1": "secp224r1",
    "secp256r1": "prime256v1",
    "secp384r1": "secp384r1",
    "secp521r1": "secp521r1",
    "secp256k1": "secp256k1",
    "sect163k1": "sect163k1",
    "sect163r2": "sect163r2",
    "sect233k1": "sect233k1",
    "sect233r1": "sect233r1",
    "sect283k1": "sect283k1",
    "sect283r1": "sect283r1",
    "sect409k1": "sect409k1",
    "sect409r1": "sect409r1",
    "sect571k1": "sect571k1",
    "sect571r1": "sect571r1",
    "brainpoolP256r1": "brainpoolP256r1",
    "brainpoolP384r1": "brainpoolP384r1",
    "brainpoolP512r1": "brainpoolP512r1",
}


class Backend:
    """OpenSSL, as linked into this package."""

    name = "openssl"

    def __init__(self) -> None:
        # Loading the providers is OpenSSL's business, done on first use of an algorithm.
        pass

    def __repr__(self) -> str:
        return (
            f"<OpenSSLBackend(version: {self.openssl_version_text()}, "
            f"FIPS: {self._fips_enabled}, "
            f"Legacy: {rust_openssl._legacy_provider_loaded})>"
        )

    def openssl_assert(self, ok: bool) -> None:
        """Raises InternalError, with OpenSSL's pending errors, when `ok` is false."""
        if not ok:
            rust_openssl.raise_openssl_error()

    def openssl_version_text(self) -> str:
        """The version text of the linked OpenSSL, e.g. 'OpenSSL 3.6.3 30 Sep 2026'."""
        return rust_openssl.openssl_version_text()

    def openssl_version_number(self) -> int:
        return rust_openssl.openssl_version()

    @property
    def _fips_enabled(self) -> bool:
        return rust_openssl.is_fips_enabled()

    def _enable_fips(self) -> None:
        raise UnsupportedAlgorithm(
            "This build of OpenSSL has no FIPS provider to enable."
        )

    def _consume_errors(self) -> list[tuple[int, int, str]]:
        """Returns and clears OpenSSL's pending errors (empty after every public call)."""
        return rust_openssl.capture_error_stack()

    # Hashes and MACs.

    def hash_supported(self, algorithm: hashes.HashAlgorithm) -> bool:
        try:
            hashes.Hash(algorithm)
        except UnsupportedAlgorithm:
            return False
        return True

    def signature_hash_supported(self, algorithm: hashes.HashAlgorithm) -> bool:
        # Signatures take any fixed-size digest; XOFs have no DigestInfo.
        return self.hash_supported(algorithm) and not isinstance(
            algorithm, hashes.ExtendableOutputFunction
        )

    def hmac_supported(self, algorithm: hashes.HashAlgorithm) -> bool:
        return self.signature_hash_supported(algorithm)

    def cmac_algorithm_supported(self, algorithm: BlockCipherAlgorithm) -> bool:
        from cryptography.hazmat.primitives import cmac

        try:
            cmac.CMAC(algorithm)
        except (UnsupportedAlgorithm, TypeError):
            return False
        return True

    def poly1305_supported(self) -> bool:
        return rust_openssl.algorithm_available("key", "POLY1305")

    def cipher_supported(self, cipher: CipherAlgorithm, mode: typing.Any) -> bool:
        return rust_openssl.ciphers.cipher_supported(cipher, mode)

    # Key derivation.

    def scrypt_supported(self) -> bool:
        return rust_openssl.algorithm_available("kdf", "SCRYPT")

    def argon2_supported(self) -> bool:
        return rust_openssl.algorithm_available("kdf", "ARGON2ID")

    # Public-key algorithms.

    def rsa_padding_supported(self, padding: typing.Any) -> bool:
        name = getattr(padding, "name", None)
        if name == "EMSA-PKCS1-v1_5":
            return True
        if name in ("EMSA-PSS", "EME-OAEP"):
            # MGF1 is the only mask generation function there is.
            mgf = getattr(padding, "_mgf", None)
            if not isinstance(mgf, MGF1):
                return False
            if not self.signature_hash_supported(mgf._algorithm):
                return False
            if name == "EME-OAEP":
                return self.signature_hash_supported(padding._algorithm)
            return True
        return False

    def rsa_encryption_supported(self, padding: typing.Any) -> bool:
        name = getattr(padding, "name", None)
        if name == "EME-OAEP" or (name == "EMSA-PKCS1-v1_5" and not self._fips_enabled):
            return self.rsa_padding_supported(padding)
        return False

    def dsa_supported(self) -> bool:
        return not self._fips_enabled and rust_openssl.algorithm_available("key", "DSA")

    def dsa_hash_supported(self, algorithm: hashes.HashAlgorithm) -> bool:
        return self.dsa_supported() and self.signature_hash_supported(algorithm)

    def dh_supported(self) -> bool:
        return rust_openssl.algorithm_available("key", "DH")

    def dh_x942_serialization_supported(self) -> bool:
        return rust_openssl.algorithm_available("key", "DHX")

    def elliptic_curve_supported(self, curve: typing.Any) -> bool:
        name = _CURVES.get(getattr(curve, "name", ""))
        return name is not None and rust_openssl.algorithm_available("curve", name)

    def elliptic_curve_signature_algorithm_supported(
        self, signature_algorithm: typing.Any, curve: typing.Any
    ) -> bool:
        algorithm = getattr(signature_algorithm, "algorithm", None)
        if type(signature_algorithm).__name__ != "ECDSA":
            return False
        if isinstance(algorithm, hashes.HashAlgorithm):
            if not self.signature_hash_supported(algorithm):
                return False
        return self.elliptic_curve_supported(curve)

    def elliptic_curve_exchange_algorithm_supported(
        self, algorithm: typing.Any, curve: typing.Any
    ) -> bool:
        return type(algorithm).__name__ == "ECDH" and self.elliptic_curve_supported(
            curve
        )

    def ecdsa_deterministic_supported(self) -> bool:
        # RFC 6979 nonces arrived in OpenSSL 3.2.
        return self.openssl_version_number() >= 0x30200000

    def ed25519_supported(self) -> bool:
        return rust_openssl.algorithm_available("key", "ED25519")

    def ed448_supported(self) -> bool:
        return not self._fips_enabled and rust_openssl.algorithm_available(
            "key", "ED448"
        )

    def x25519_supported(self) -> bool:
        return rust_openssl.algorithm_available("key", "X25519")

    def x448_supported(self) -> bool:
        return not self._fips_enabled and rust_openssl.algorithm_available(
            "key", "X448"
        )

    def mldsa_supported(self) -> bool:
        return rust_openssl.algorithm_available("key", "ML-DSA-65")

    def mlkem_supported(self) -> bool:
        return rust_openssl.algorithm_available("key", "ML-KEM-768")


backend = Backend()
