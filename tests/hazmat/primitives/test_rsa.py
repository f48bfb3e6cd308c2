"""RSA against published vectors (RSA Laboratories' PKCS #1 v2.1 PSS and OAEP examples,
the PKCS #1 v1.5 signature examples, NIST CAVS FIPS 186-2/186-3 SigGen and SigVer, the
OAEP SHA-2 and label vectors of cryptography-vectors), key validation, and every error
path of the API."""

from __future__ import annotations

import copy
import pickle
import re

import pytest

from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm, _Reasons
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa, utils
from tests import der
from tests.vectors import load_records, unhex, vector_path

HASHES = {
    "sha1": hashes.SHA1(),
    "sha224": hashes.SHA224(),
    "sha256": hashes.SHA256(),
    "sha384": hashes.SHA384(),
    "sha512": hashes.SHA512(),
}

CASE_FIELDS = {
    "Message to be signed",
    "Salt",
    "Signature",
    "Message",
    "Message to be encrypted",
    "Seed",
    "Encryption",
}


def pkcs1_examples(*parts: str) -> list[tuple[dict[str, bytes], dict[str, bytes]]]:
    """(key, case) pairs of RSA Laboratories' example files: `# Field:` lines followed by
    hex lines, keys introduced by `# Example`, cases by `# ... Example N.M`."""
    pairs: list[tuple[dict[str, str], dict[str, str]]] = []
    key: dict[str, str] = {}
    case: dict[str, str] | None = None
    target: dict[str, str] | None = None
    field = ""
    section = "public"
    for raw in vector_path("asymmetric", "RSA", *parts).read_text().splitlines():
        line = raw.strip()
        if not line:
            continue
        if line.startswith("#"):
            text = line[1:].strip()
            if re.fullmatch(r"Example( \d+:.*)?", text):
                key, case, section = {}, None, "public"
            elif "Example" in text:
                case = {}
                pairs.append((key, case))
            elif text in ("Private key", "Public key"):
                section = text.split()[0].lower()
            elif text.endswith(":"):
                field = text[:-1]
                if field == "Exponent":
                    field = "e" if section == "public" else "d"
                target = case if field in CASE_FIELDS else key
                if target is not None:
                    target[field] = ""
            else:
                target = None
            continue
        if target is not None and re.fullmatch(r"[0-9a-fA-F ]+", line):
            target[field] += line.replace(" ", "")

    def as_bytes(fields: dict[str, str]) -> dict[str, bytes]:
        # Some files write integers with an odd number of hex digits.
        return {
            name: unhex(text.rjust(len(text) + len(text) % 2, "0"))
            for name, text in fields.items()
        }

    return [(as_bytes(k), as_bytes(c)) for k, c in pairs if c]


def _int(value: bytes) -> int:
    return int.from_bytes(value, "big")


_KEYS: dict[bytes, rsa.RSAPrivateKey] = {}


def private_key_of(key: dict[str, bytes]) -> rsa.RSAPrivateKey:
    """The example's key, built (and validated) once per modulus."""
    if key["Modulus"] in _KEYS:
        return _KEYS[key["Modulus"]]
    public = rsa.RSAPublicNumbers(_int(key["e"]), _int(key["Modulus"]))
    built = rsa.RSAPrivateNumbers(
        p=_int(key["Prime 1"]),
        q=_int(key["Prime 2"]),
        d=_int(key["d"]),
        dmp1=_int(key["Prime exponent 1"]),
        dmq1=_int(key["Prime exponent 2"]),
        iqmp=_int(key["Coefficient"]),
        public_numbers=public,
    ).private_key()
    _KEYS[key["Modulus"]] = built
    return built


def test_pkcs1v15_signature_examples():
    examples = pkcs1_examples("pkcs1v15sign-vectors.txt")
    assert len(examples) == 300
    for key, case in examples:
        private = private_key_of(key)
        message = case["Message to be signed"]
        signature = private.sign(message, padding.PKCS1v15(), hashes.SHA1())
        assert signature == case["Signature"]
        private.public_key().verify(
            signature, message, padding.PKCS1v15(), hashes.SHA1()
        )


def test_pss_examples():
    examples = pkcs1_examples("pkcs-1v2-1d2-vec", "pss-vect.txt")
    assert len(examples) == 60
    for key, case in examples:
        public = private_key_of(key).public_key()
        pss = padding.PSS(padding.MGF1(hashes.SHA1()), len(case["Salt"]))
        public.verify(
            case["Signature"], case["Message to be signed"], pss, hashes.SHA1()
        )
        auto = padding.PSS(padding.MGF1(hashes.SHA1()), padding.PSS.AUTO)
        public.verify(
            case["Signature"], case["Message to be signed"], auto, hashes.SHA1()
        )
        with pytest.raises(InvalidSignature):
            public.verify(
                case["Signature"],
                case["Message to be signed"] + b"\0",
                pss,
                hashes.SHA1(),
            )


@pytest.mark.parametrize(
    "parts",
    [("pkcs-1v2-1d2-vec", "oaep-vect.txt")]
    + [
        ("oaep-custom", path.name)
        for path in sorted(vector_path("asymmetric", "RSA", "oaep-custom").iterdir())
    ],
)
def test_oaep_examples(parts):
    examples = pkcs1_examples(*parts)
    assert examples
    hash_name, mgf_name = "sha1", "sha1"
    found = re.search(r"oaep-(sha\d+)-(sha\d+)", parts[-1])
    if found:
        mgf_name, hash_name = found.groups()
    oaep = padding.OAEP(padding.MGF1(HASHES[mgf_name]), HASHES[hash_name], None)
    for key, case in examples:
        private = private_key_of(key)
        message = case.get("Message", case.get("Message to be encrypted"))
        assert private.decrypt(case["Encryption"], oaep) == message
        # A fresh encryption (random seed) decrypts to the same message.
        ciphertext = private.public_key().encrypt(message, oaep)
        assert ciphertext != case["Encryption"]
        assert private.decrypt(ciphertext, oaep) == message


def test_oaep_label_vector():
    (record,) = load_records("asymmetric", "RSA", "oaep-label.txt")
    private = serialization.load_der_private_key(unhex(record["key"]), None)
    assert isinstance(private, rsa.RSAPrivateKey)
    oaep = padding.OAEP(
        padding.MGF1(hashes.SHA512()), hashes.SHA512(), unhex(record["oaeplabel"])
    )
    assert private.decrypt(unhex(record["input"]), oaep) == b"Hello World"
    no_label = padding.OAEP(padding.MGF1(hashes.SHA512()), hashes.SHA512(), None)
    with pytest.raises(ValueError, match="Decryption failed"):
        private.decrypt(unhex(record["input"]), no_label)


def nist_cases(name: str):
    """(n, e, record) for each case of a CAVS RSA file; key lines precede their cases."""
    n = e = 0
    for record in load_records("asymmetric", "RSA", "FIPS_186-2", name):
        if "n" in record:
            n = int(record["n"], 16)
        if "e" in record:
            e = int(record["e"], 16)
        if "msg" in record:
            yield n, e, record


@pytest.mark.parametrize(
    ("name", "pss"),
    [
        ("SigGen15_186-2.rsp", False),
        ("SigGen15_186-3.rsp", False),
        ("SigGenPSS_186-2.rsp", True),
        ("SigGenPSS_186-3.rsp", True),
    ],
)
def test_nist_siggen_signatures_verify(name, pss):
    count = 0
    for n, e, record in nist_cases(name):
        public = rsa.RSAPublicNumbers(e, n).public_key()
        algorithm = HASHES[record["shaalg"].lower()]
        pad = (
            padding.PSS(padding.MGF1(algorithm), padding.PSS.AUTO)
            if pss
            else padding.PKCS1v15()
        )
        public.verify(unhex(record["s"]), unhex(record["msg"]), pad, algorithm)
        count += 1
    assert count >= 150


@pytest.mark.parametrize(
    ("name", "pss"), [("SigVer15_186-3.rsp", False), ("SigVerPSS_186-3.rsp", True)]
)
def test_nist_sigver(name, pss):
    passed = failed = 0
    for n, e, record in nist_cases(name):
        public = rsa.RSAPublicNumbers(e, n).public_key()
        algorithm = HASHES[record["shaalg"].lower()]
        salt = (
            len(unhex(record["saltval"])) if record.get("saltval", "00") != "00" else 0
        )
        pad = padding.PSS(padding.MGF1(algorithm), salt) if pss else padding.PKCS1v15()
        args = (unhex(record["s"]), unhex(record["msg"]), pad, algorithm)
        if record["result"].startswith("P"):
            public.verify(*args)
            passed += 1
        else:
            with pytest.raises(InvalidSignature):
                public.verify(*args)
            failed += 1
    assert passed > 50 and failed > 50


def _key(bits: int = 2048) -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(65537, bits)


@pytest.fixture(scope="module")
def key() -> rsa.RSAPrivateKey:
    return _key()


class TestGeneration:
    def test_exponents_and_sizes(self):
        assert rsa.generate_private_key(3, 1024).private_numbers().public_numbers.e == 3
        assert rsa.generate_private_key(65537, 1025).key_size == 1025

    @pytest.mark.parametrize("exponent", [1, 5, 65539, "65537"])
    def test_bad_exponent(self, exponent):
        with pytest.raises(ValueError, match="public_exponent must be either 3"):
            rsa.generate_private_key(exponent, 2048)

    @pytest.mark.parametrize("size", [512, 1023])
    def test_small_size(self, size):
        with pytest.raises(ValueError, match="key_size must be at least 1024-bits."):
            rsa.generate_private_key(65537, size)

    def test_non_integer_size(self):
        with pytest.raises(TypeError):
            rsa.generate_private_key(65537, 2048.0)  # type: ignore[arg-type]

    def test_generated_key_is_consistent(self, key):
        numbers = key.private_numbers()
        public = numbers.public_numbers
        assert numbers.p * numbers.q == public.n
        assert rsa.rsa_crt_iqmp(numbers.p, numbers.q) == numbers.iqmp
        assert rsa.rsa_crt_dmp1(numbers.d, numbers.p) == numbers.dmp1
        assert rsa.rsa_crt_dmq1(numbers.d, numbers.q) == numbers.dmq1
        assert key.key_size == 2048 == public.n.bit_length()


class TestSignatures:
    def test_pss_salt_lengths(self, key):
        public = key.public_key()
        for salt in (padding.PSS.MAX_LENGTH, padding.PSS.DIGEST_LENGTH, 0, 17):
            pss = padding.PSS(padding.MGF1(hashes.SHA256()), salt)
            signature = key.sign(b"msg", pss, hashes.SHA256())
            public.verify(signature, b"msg", pss, hashes.SHA256())
            auto = padding.PSS(padding.MGF1(hashes.SHA256()), padding.PSS.AUTO)
            public.verify(signature, b"msg", auto, hashes.SHA256())
        signature = key.sign(
            b"msg", padding.PSS(padding.MGF1(hashes.SHA256()), 17), hashes.SHA256()
        )
        with pytest.raises(InvalidSignature):
            public.verify(
                signature,
                b"msg",
                padding.PSS(padding.MGF1(hashes.SHA256()), 20),
                hashes.SHA256(),
            )

    def test_pss_digest_too_large_for_the_key_is_a_value_error(self):
        # A 512-bit key leaves 64 - 2 bytes for digest and salt: SHA-512 does not fit,
        # which is an argument error when verifying, not a bad signature.
        small = rsa.RSAPublicNumbers(65537, (1 << 511) | 0x1235).public_key()
        pss = padding.PSS(padding.MGF1(hashes.SHA512()), padding.PSS.MAX_LENGTH)
        with pytest.raises(ValueError, match="Digest or salt length too long"):
            small.verify(b"\x01" * 64, b"msg", pss, hashes.SHA512())

    def test_auto_salt_refused_when_signing(self, key):
        pss = padding.PSS(padding.MGF1(hashes.SHA256()), padding.PSS.AUTO)
        with pytest.raises(ValueError, match="only be set to Auto when verifying"):
            key.sign(b"msg", pss, hashes.SHA256())

    def test_salt_too_long(self, key):
        pss = padding.PSS(padding.MGF1(hashes.SHA256()), 1000)
        with pytest.raises(ValueError, match="Digest or salt length too long"):
            key.sign(b"msg", pss, hashes.SHA256())

    def test_max_salt_length(self, key):
        assert padding.calculate_max_pss_salt_length(key, hashes.SHA256()) == 222
        # The encoded message is ceil((modBits - 1) / 8) bytes: a 1025-bit key has 128.
        odd = rsa.generate_private_key(65537, 1025)
        assert padding.calculate_max_pss_salt_length(odd, hashes.SHA256()) == 94
        longest = padding.PSS(padding.MGF1(hashes.SHA256()), 94)
        odd.public_key().verify(
            odd.sign(b"m", longest, hashes.SHA256()), b"m", longest, hashes.SHA256()
        )
        assert (
            padding.calculate_max_pss_salt_length(key.public_key(), hashes.SHA512())
            == 190
        )
        with pytest.raises(TypeError, match="key must be an RSA public or private key"):
            padding.calculate_max_pss_salt_length(object(), hashes.SHA256())  # type: ignore[arg-type]

    def test_prehashed_and_no_digest_info(self, key):
        public = key.public_key()
        digest = hashes.Hash(hashes.SHA256())
        digest.update(b"msg")
        prehashed = digest.finalize()
        signature = key.sign(
            prehashed, padding.PKCS1v15(), utils.Prehashed(hashes.SHA256())
        )
        public.verify(signature, b"msg", padding.PKCS1v15(), hashes.SHA256())
        with pytest.raises(ValueError, match="same length as the hash algorithm"):
            key.sign(b"short", padding.PKCS1v15(), utils.Prehashed(hashes.SHA256()))
        raw = key.sign(b"raw bytes", padding.PKCS1v15(), utils.NoDigestInfo())
        public.verify(raw, b"raw bytes", padding.PKCS1v15(), utils.NoDigestInfo())
        assert public.recover_data_from_signature(raw, padding.PKCS1v15(), None) == (
            b"raw bytes"
        )
        with pytest.raises(ValueError, match="Digest or salt length too long"):
            key.sign(b"x" * 250, padding.PKCS1v15(), utils.NoDigestInfo())
        with pytest.raises(
            TypeError, match="Expected instance of hashes.HashAlgorithm."
        ):
            key.sign(
                b"x" * 32,
                padding.PSS(padding.MGF1(hashes.SHA256()), 10),
                utils.NoDigestInfo(),
            )

    def test_recover_data_from_signature(self, key):
        public = key.public_key()
        signature = key.sign(b"msg", padding.PKCS1v15(), hashes.SHA256())
        digest = hashes.Hash(hashes.SHA256())
        digest.update(b"msg")
        assert (
            public.recover_data_from_signature(
                signature, padding.PKCS1v15(), hashes.SHA256()
            )
            == digest.finalize()
        )
        # Without a hash: the whole DigestInfo (19-byte SHA-256 prefix + digest).
        recovered = public.recover_data_from_signature(
            signature, padding.PKCS1v15(), None
        )
        assert len(recovered) == 51
        # NoDigestInfo asks for the same: the whole DigestInfo.
        assert (
            public.recover_data_from_signature(
                signature, padding.PKCS1v15(), utils.NoDigestInfo()
            )
            == recovered
        )
        # PSS without a hash is a TypeError, before the padding is refused.
        pss = padding.PSS(padding.MGF1(hashes.SHA256()), 32)
        with pytest.raises(
            TypeError, match="Expected instance of hashes.HashAlgorithm"
        ):
            public.recover_data_from_signature(signature, pss, None)
        with pytest.raises(InvalidSignature):
            public.recover_data_from_signature(
                signature, padding.PKCS1v15(), hashes.SHA1()
            )
        with pytest.raises(InvalidSignature):
            public.recover_data_from_signature(b"\x01" * 256, padding.PKCS1v15(), None)
        with pytest.raises(UnsupportedAlgorithm) as info:
            public.recover_data_from_signature(
                signature, padding.PSS(padding.MGF1(hashes.SHA1()), 17), hashes.SHA256()
            )
        assert info.value._reason is _Reasons.UNSUPPORTED_PADDING
        with pytest.raises(TypeError, match="Prehashed is only supported"):
            public.recover_data_from_signature(
                signature,
                padding.PKCS1v15(),
                utils.Prehashed(hashes.SHA256()),
            )

    @pytest.mark.parametrize(
        ("algorithm", "name"),
        [(hashes.SHAKE128(16), "shake128"), (hashes.BLAKE2b(64), "blake2b")],
    )
    def test_unsupported_hashes(self, key, algorithm, name):
        with pytest.raises(
            UnsupportedAlgorithm, match=f"{name} is not supported"
        ) as info:
            key.sign(b"msg", padding.PKCS1v15(), algorithm)
        assert info.value._reason is _Reasons.UNSUPPORTED_HASH

    def test_padding_errors(self, key):
        with pytest.raises(TypeError, match="Padding must be an instance"):
            key.sign(b"msg", object(), hashes.SHA256())
        oaep = padding.OAEP(padding.MGF1(hashes.SHA256()), hashes.SHA256(), None)
        with pytest.raises(
            UnsupportedAlgorithm, match="EME-OAEP is not supported"
        ) as info:
            key.sign(b"msg", oaep, hashes.SHA256())
        assert info.value._reason is _Reasons.UNSUPPORTED_PADDING

        class OtherMGF(padding.MGF):
            _algorithm = hashes.SHA256()

        with pytest.raises(
            UnsupportedAlgorithm, match="Only MGF1 is supported."
        ) as info:
            key.sign(b"msg", padding.PSS(OtherMGF(), 10), hashes.SHA256())
        assert info.value._reason is _Reasons.UNSUPPORTED_MGF
        with pytest.raises(
            TypeError, match="Expected instance of hashes.HashAlgorithm."
        ):
            key.sign(b"msg", padding.PKCS1v15(), None)
        with pytest.raises(TypeError):
            key.sign("msg", padding.PKCS1v15(), hashes.SHA256())

    def test_bad_signatures(self, key):
        public = key.public_key()
        signature = key.sign(b"msg", padding.PKCS1v15(), hashes.SHA256())
        for bad in (signature[:-1], signature + b"\0", b"", bytes(256)):
            with pytest.raises(InvalidSignature):
                public.verify(bad, b"msg", padding.PKCS1v15(), hashes.SHA256())
        with pytest.raises(InvalidSignature):
            public.verify(signature, b"other", padding.PKCS1v15(), hashes.SHA256())
        public.verify(
            bytearray(signature),
            memoryview(b"msg"),
            padding.PKCS1v15(),
            hashes.SHA256(),
        )


class TestEncryption:
    def test_round_trips(self, key):
        public = key.public_key()
        for pad in (
            padding.PKCS1v15(),
            padding.OAEP(padding.MGF1(hashes.SHA1()), hashes.SHA512(), b"label"),
            padding.OAEP(padding.MGF1(hashes.SHA256()), hashes.SHA256(), None),
        ):
            ciphertext = public.encrypt(b"secret", pad)
            assert len(ciphertext) == 256
            assert key.decrypt(ciphertext, pad) == b"secret"

    def test_failures(self, key):
        public = key.public_key()
        oaep = padding.OAEP(padding.MGF1(hashes.SHA256()), hashes.SHA256(), None)
        ciphertext = public.encrypt(b"secret", oaep)
        with pytest.raises(ValueError, match="^Decryption failed$"):
            key.decrypt(
                ciphertext,
                padding.OAEP(padding.MGF1(hashes.SHA256()), hashes.SHA256(), b"l"),
            )
        with pytest.raises(ValueError, match="^Decryption failed$"):
            key.decrypt(b"\x01" * 256, oaep)
        with pytest.raises(
            ValueError, match="Ciphertext length must be equal to key size."
        ):
            key.decrypt(ciphertext[:-1], oaep)
        with pytest.raises(ValueError, match="^Encryption failed$"):
            public.encrypt(b"x" * 250, oaep)
        with pytest.raises(ValueError, match="^Encryption failed$"):
            public.encrypt(b"x" * 250, padding.PKCS1v15())

    def test_pkcs1v15_invalid_padding_gives_no_oracle(self, key):
        # Implicit rejection: a malformed PKCS #1 v1.5 ciphertext decrypts to a
        # deterministic pseudo-random message instead of raising.
        first = key.decrypt(b"\x01" * 256, padding.PKCS1v15())
        assert first == key.decrypt(b"\x01" * 256, padding.PKCS1v15())
        assert first != key.decrypt(b"\x02" * 256, padding.PKCS1v15())

    @pytest.mark.parametrize("algorithm", [hashes.SHA3_256(), hashes.MD5()])
    def test_oaep_hash_restrictions(self, key, algorithm):
        oaep = padding.OAEP(padding.MGF1(algorithm), algorithm, None)
        with pytest.raises(
            UnsupportedAlgorithm, match="combination of padding"
        ) as info:
            key.public_key().encrypt(b"x", oaep)
        assert info.value._reason is _Reasons.UNSUPPORTED_PADDING

    def test_pss_is_not_an_encryption_padding(self, key):
        pss = padding.PSS(padding.MGF1(hashes.SHA1()), 17)
        with pytest.raises(UnsupportedAlgorithm, match="EMSA-PSS is not supported"):
            key.public_key().encrypt(b"x", pss)
        with pytest.raises(UnsupportedAlgorithm, match="EMSA-PSS is not supported"):
            key.decrypt(bytes(256), pss)


class TestNumbers:
    def test_round_trip_and_equality(self, key):
        numbers = key.private_numbers()
        assert numbers == key.private_numbers()
        assert hash(numbers) == hash(key.private_numbers())
        assert numbers.public_numbers == key.public_key().public_numbers()
        assert repr(numbers.public_numbers).startswith("<RSAPublicNumbers(e=65537, n=")
        rebuilt = numbers.private_key()
        assert rebuilt.private_numbers() == numbers
        assert numbers.public_numbers.public_key() == key.public_key()

    def test_type_checks(self, key):
        public = key.private_numbers().public_numbers
        with pytest.raises(TypeError):
            rsa.RSAPublicNumbers("1", 2)  # type: ignore[arg-type]
        with pytest.raises(TypeError):
            rsa.RSAPrivateNumbers(1, 2, 3, 4, 5, "6", public)  # type: ignore[arg-type]
        with pytest.raises(TypeError):
            rsa.RSAPrivateNumbers(1, 2, 3, 4, 5, 6, None)  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        ("e", "n", "message"),
        [
            (1, 2**1024 + 1, "e must be >= 3 and < n."),
            (4, 2**1024 + 1, "e must be odd."),
            (3, 2, "n must be >= 3."),
            (2**1025 + 1, 2**1024 + 1, "e must be >= 3 and < n."),
        ],
    )
    def test_public_number_checks(self, e, n, message):
        with pytest.raises(ValueError, match=re.escape(message)):
            rsa.RSAPublicNumbers(e, n).public_key()

    def test_inconsistent_private_keys_are_refused(self, key):
        """Each key the reference implementation refuses is refused here too."""
        n = key.private_numbers()
        public = n.public_numbers

        def build(**changes):
            values = dict(p=n.p, q=n.q, d=n.d, dmp1=n.dmp1, dmq1=n.dmq1, iqmp=n.iqmp)
            values.update(changes)
            return rsa.RSAPrivateNumbers(public_numbers=public, **values)

        with pytest.raises(ValueError, match="Invalid private key"):
            build(iqmp=n.iqmp + 1).private_key()
        with pytest.raises(ValueError, match="Invalid private key"):
            build(d=n.d + 2).private_key()
        # Swapped primes leave iqmp wrong for the new order.
        with pytest.raises(ValueError, match="Invalid private key"):
            build(p=n.q, q=n.p, dmp1=n.dmq1, dmq1=n.dmp1).private_key()
        with pytest.raises(ValueError, match="p must be < modulus."):
            build(p=public.n + 1).private_key()
        with pytest.raises(ValueError, match="dmp1 must be odd."):
            build(dmp1=n.dmp1 + 1 if n.dmp1 % 2 else n.dmp1).private_key()
        with pytest.raises(ValueError, match=r"p\*q must equal modulus."):
            build(p=n.p + 2).private_key()
        # Skipping OpenSSL's check still applies the range checks above, and builds the
        # inconsistent key on request.
        assert (
            build(iqmp=n.iqmp + 1)
            .private_key(unsafe_skip_rsa_key_validation=True)
            .key_size
            == 2048
        )

    def test_composite_primes_are_refused(self):
        # n = p*q with p composite (15 = 3*5) is not an RSA key even if every other
        # relation holds: d is computed over the wrong totient.
        p, q, e = 15, 17, 3
        n = p * q
        d = pow(e, -1, (p - 1) * (q - 1))
        numbers = rsa.RSAPrivateNumbers(
            p,
            q,
            d,
            d % (p - 1) | 1,
            d % (q - 1) | 1,
            pow(q, -1, p),
            rsa.RSAPublicNumbers(e, n),
        )
        with pytest.raises(ValueError):
            numbers.private_key()

    def test_recovery_helpers(self, key):
        n = key.private_numbers()
        public = n.public_numbers
        assert rsa.rsa_recover_private_exponent(public.e, n.p, n.q) == n.d
        p, q = rsa.rsa_recover_prime_factors(public.n, public.e, n.d)
        assert (p, q) == (max(n.p, n.q), min(n.p, n.q))
        with pytest.raises(ValueError, match="n, d, e don't match"):
            rsa.rsa_recover_prime_factors(public.n, public.e, 12345)

    def test_helpers_refuse_values_up_to_one(self):
        # ValueError, never OverflowError or ZeroDivisionError, for exponents and
        # primes of 1 or less.
        with pytest.raises(ValueError, match="d, e can't be <= 1"):
            rsa.rsa_recover_prime_factors(21, -1, -1)
        with pytest.raises(ValueError, match="d, e can't be <= 1"):
            rsa.rsa_recover_prime_factors(21, 1, 1)
        for call in (
            lambda: rsa.rsa_crt_iqmp(0, 0),
            lambda: rsa.rsa_crt_dmp1(1, 1),
            lambda: rsa.rsa_crt_dmq1(1, 1),
            lambda: rsa.rsa_recover_private_exponent(0, 1, 0),
        ):
            with pytest.raises(ValueError, match="Values can't be <= 1"):
                call()
        # The small worked example of the RSA helpers: p = 521, q = 491, e = 3.
        assert rsa.rsa_crt_iqmp(521, 491) == 191
        assert rsa.rsa_crt_dmp1(16987, 521) == 347
        assert rsa.rsa_crt_dmq1(16987, 491) == 327
        assert rsa.rsa_recover_private_exponent(3, 521, 491) == 16987
        assert rsa._modinv(491, 521) == 191


class TestKeyObjects:
    def test_equality_hashing_copy_pickle(self, key):
        public = key.public_key()
        assert public == key.public_key()
        assert public != _key(1024).public_key()
        assert public != object()
        with pytest.raises(TypeError):
            hash(public)
        assert copy.copy(key) is key and copy.deepcopy(key) is key
        assert copy.copy(public) is public and copy.deepcopy(public) is public
        for obj in (key, public):
            with pytest.raises(TypeError):
                pickle.dumps(obj)
        # Private keys compare by identity.
        reloaded = serialization.load_der_private_key(
            key.private_bytes(
                serialization.Encoding.DER,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            ),
            None,
        )
        assert reloaded != key and key == key

    def test_interfaces(self, key):
        assert isinstance(key, rsa.RSAPrivateKey)
        assert isinstance(key, rsa.RSAPrivateKeyWithSerialization)
        assert isinstance(key.public_key(), rsa.RSAPublicKey)
        assert type(key).__module__ == "cryptography.hazmat.bindings._rust.openssl.rsa"


def _pkcs1_public_pem(n: int, e: int) -> bytes:
    """An RSAPublicKey structure (RFC 8017 A.1.1), written by hand so that it can carry
    exponents no key generator would make."""
    return der.pem("RSA PUBLIC KEY", der.sequence(der.integer(n), der.integer(e)))


def test_loaded_public_keys_get_the_numbers_checks():
    # The checks of RSAPublicNumbers.public_key() apply to keys read from files too.
    n = _key(1024).public_key().public_numbers().n
    assert serialization.load_pem_public_key(_pkcs1_public_pem(n, 65537))
    for e, message in (
        (2, "e must be >= 3 and < n."),
        (65536, "e must be odd."),
        (n + 2, "e must be >= 3 and < n."),
        (1, "e must be >= 3 and < n."),
    ):
        with pytest.raises(ValueError, match=re.escape(message)):
            serialization.load_pem_public_key(_pkcs1_public_pem(n, e))
        with pytest.raises(ValueError, match=re.escape(message)):
            rsa.RSAPublicNumbers(e, n).public_key()
