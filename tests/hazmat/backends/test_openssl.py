from __future__ import annotations

import pytest

from cryptography.hazmat.backends import default_backend
from cryptography.hazmat.backends.openssl import backend
from cryptography.hazmat.backends.openssl.backend import Backend
from cryptography.hazmat.decrepit.ciphers import algorithms as decrepit
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers import algorithms, modes


class _Mode:
    def __init__(self, name: str) -> None:
        self.name = name


class _Named:
    def __init__(self, name: str) -> None:
        self.name = name


def test_default_backend_is_the_openssl_backend():
    assert default_backend() is backend
    assert isinstance(backend, Backend)
    assert backend.name == "openssl"


def test_versions():
    text = backend.openssl_version_text()
    assert text.startswith("OpenSSL 3.")
    number = backend.openssl_version_number()
    assert number >= 0x30000000
    assert text in repr(backend)


def test_fips_and_errors():
    assert backend._fips_enabled is False
    assert backend._consume_errors() == []


def test_private_hooks_of_the_openssl_module():
    from cryptography.exceptions import InternalError
    from cryptography.hazmat.bindings._rust import openssl as rust_openssl

    # True to the linked library: OpenSSL 3.x, none of the forks.
    assert rust_openssl.CRYPTOGRAPHY_IS_LIBRESSL is False
    assert rust_openssl.CRYPTOGRAPHY_IS_BORINGSSL is False
    assert rust_openssl.CRYPTOGRAPHY_IS_AWSLC is False
    number = rust_openssl.openssl_version()
    assert rust_openssl.CRYPTOGRAPHY_OPENSSL_309_OR_GREATER is (number >= 0x30000090)
    assert rust_openssl.CRYPTOGRAPHY_OPENSSL_320_OR_GREATER is (number >= 0x30200000)
    assert rust_openssl.CRYPTOGRAPHY_OPENSSL_330_OR_GREATER is (number >= 0x30300000)
    assert rust_openssl.CRYPTOGRAPHY_OPENSSL_350_OR_GREATER is (number >= 0x30500000)
    assert rust_openssl._legacy_provider_loaded is True
    with pytest.raises(InternalError) as info:
        rust_openssl.raise_openssl_error()
    assert info.value.err_code == []
    backend.openssl_assert(True)
    with pytest.raises(InternalError):
        backend.openssl_assert(False)
    assert backend._consume_errors() == []


def test_hash_predicates():
    assert backend.hash_supported(hashes.SHA256())
    assert backend.hash_supported(hashes.SHAKE128(16))
    assert backend.hmac_supported(hashes.SHA3_256())
    assert not backend.hmac_supported(hashes.SHAKE256(32))
    assert backend.signature_hash_supported(hashes.SHA512())

    class Unknown(hashes.HashAlgorithm):
        name = "unknown"
        digest_size = 1
        block_size = 1

    assert not backend.hash_supported(Unknown())
    assert not backend.hmac_supported(Unknown())


def test_mac_and_cipher_predicates():
    assert backend.cmac_algorithm_supported(algorithms.AES(b"k" * 16))
    assert not backend.cmac_algorithm_supported(decrepit.ARC4(b"k" * 16))  # type: ignore[arg-type]
    assert backend.poly1305_supported()
    assert backend.cipher_supported(algorithms.AES(b"k" * 16), modes.GCM(b"i" * 12))
    assert backend.cipher_supported(algorithms.AES(b"k" * 64), modes.XTS(b"t" * 16))
    assert backend.cipher_supported(decrepit.Blowfish(b"k" * 16), modes.CBC(b"i" * 8))
    assert backend.cipher_supported(algorithms.ChaCha20(b"k" * 32, b"n" * 16), None)
    assert not backend.cipher_supported(algorithms.AES(b"k" * 16), None)
    assert not backend.cipher_supported(algorithms.AES(b"k" * 16), _Mode("NOPE"))
    # OpenSSL has Camellia-CTR, but Cipher does not offer it: the predicate agrees.
    assert not backend.cipher_supported(
        decrepit.Camellia(b"k" * 16), modes.CTR(b"n" * 16)
    )


def test_public_key_and_kdf_predicates():
    version = backend.openssl_version_number()
    # What each OpenSSL release added; the vendored build (3.6) has all of them.
    assert backend.argon2_supported() is (version >= 0x30200000)
    assert backend.ecdsa_deterministic_supported() is (version >= 0x30200000)
    assert backend.mldsa_supported() is (version >= 0x30500000)
    assert backend.mlkem_supported() is (version >= 0x30500000)
    assert backend.scrypt_supported()
    assert backend.ed25519_supported()
    assert backend.ed448_supported()
    assert backend.x25519_supported()
    assert backend.x448_supported()
    assert backend.dh_supported()
    assert backend.dsa_supported()
    assert backend.elliptic_curve_supported(_Named("secp256r1"))
    assert backend.elliptic_curve_supported(_Named("brainpoolP512r1"))
    assert not backend.elliptic_curve_supported(_Named("nonsense"))
    assert backend.rsa_padding_supported(_Named("EMSA-PKCS1-v1_5"))
    assert not backend.rsa_padding_supported(_Named("nonsense"))


def test_rsa_padding_needs_mgf1():
    from cryptography.hazmat.primitives.asymmetric import padding

    class OtherMgf(padding.MGF):
        _algorithm = hashes.SHA1()

    mgf1 = padding.MGF1(hashes.SHA256())
    assert backend.rsa_padding_supported(padding.OAEP(mgf1, hashes.SHA256(), None))
    assert backend.rsa_padding_supported(padding.PSS(mgf1, 32))
    # A mask generation function other than MGF1 is not one OpenSSL has.
    other = OtherMgf()
    assert not backend.rsa_padding_supported(padding.OAEP(other, hashes.SHA1(), None))
    assert not backend.rsa_padding_supported(padding.PSS(other, 32))
