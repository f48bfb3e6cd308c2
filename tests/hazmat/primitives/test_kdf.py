from __future__ import annotations

import base64
import re
import sys
import threading
import typing

import pytest

from cryptography.exceptions import (
    AlreadyFinalized,
    InvalidKey,
    UnsupportedAlgorithm,
    _Reasons,
)
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers import algorithms
from cryptography.hazmat.primitives.kdf import KeyDerivationFunction
from cryptography.hazmat.primitives.kdf.concatkdf import ConcatKDFHash, ConcatKDFHMAC
from cryptography.hazmat.primitives.kdf.hkdf import HKDF, HKDFExpand
from cryptography.hazmat.primitives.kdf.kbkdf import (
    KBKDFCMAC,
    KBKDFHMAC,
    CounterLocation,
    Mode,
)
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt
from cryptography.hazmat.primitives.kdf.x963kdf import X963KDF
from tests.vectors import load_records, unhex, vector_path, wycheproof_groups

HASHES: dict[str, typing.Callable[[], hashes.HashAlgorithm]] = {
    "SHA-1": hashes.SHA1,
    "SHA1": hashes.SHA1,
    "SHA-224": hashes.SHA224,
    "SHA224": hashes.SHA224,
    "SHA-256": hashes.SHA256,
    "SHA256": hashes.SHA256,
    "SHA-384": hashes.SHA384,
    "SHA384": hashes.SHA384,
    "SHA-512": hashes.SHA512,
    "SHA512": hashes.SHA512,
}


def test_rfc6070_pbkdf2():
    checked = 0
    for record in load_records("KDF", "rfc-6070-PBKDF2-SHA1.txt"):
        iterations = int(record["iterations"])  # up to 16 777 216 (about 2 s)
        kdf = PBKDF2HMAC(
            hashes.SHA1(),
            int(record["length"]),
            record["salt"].encode().replace(b"\\0", b"\0"),
            iterations,
        )
        password = record["password"].encode().replace(b"\\0", b"\0")
        assert kdf.derive(password) == unhex(record["derived_key"])
        checked += 1
    assert checked == 6


@pytest.mark.parametrize("bits", ["1", "224", "256", "384", "512"])
def test_wycheproof_pbkdf2(wycheproof_root, bits):
    checked = 0
    name = f"pbkdf2_hmacsha{bits}_test.json"
    for _group, test in wycheproof_groups(wycheproof_root, name):
        kdf = PBKDF2HMAC(
            HASHES[f"SHA{bits}"](),
            test["dkLen"],
            unhex(test["salt"]),
            test["iterationCount"],
        )
        assert test["result"] == "valid"
        assert kdf.derive(unhex(test["password"])) == unhex(test["dk"]), test["tcId"]
        checked += 1
    assert checked > 0


def test_rfc7914_scrypt():
    checked = 0
    for record in load_records("KDF", "scrypt.txt"):
        n = int(record["n"])  # up to 2**20 with r = 8: 1 GiB, about 3 s
        kdf = Scrypt(
            record["salt"].encode(),
            int(record["length"]),
            n,
            int(record["r"]),
            int(record["p"]),
        )
        assert kdf.derive(record["password"].encode()) == unhex(record["derived_key"])
        checked += 1
    assert checked == 4


@pytest.mark.parametrize(
    "name", ["rfc-5869-HKDF-SHA1.txt", "rfc-5869-HKDF-SHA256.txt", "hkdf-generated.txt"]
)
def test_hkdf_vectors(name):
    checked = 0
    # These files break one case over several blank-line-separated groups; a case runs
    # from one COUNT to the next.
    cases: list[dict[str, str]] = []
    for record in load_records("KDF", name):
        if "count" in record or not cases:
            cases.append({})
        cases[-1].update(record)
    for record in cases:
        algorithm = HASHES[record["hash"]]()
        salt = unhex(record["salt"]) or None
        ikm, info = unhex(record["ikm"]), unhex(record["info"])
        length, okm = int(record["l"]), unhex(record["okm"])
        assert HKDF(algorithm, length, salt, info).derive(ikm) == okm
        if "prk" in record:
            prk = HKDF.extract(algorithm, salt, ikm)
            assert prk == unhex(record["prk"])
            # The private hook other projects call: extract with the object's salt.
            assert HKDF(algorithm, length, salt, info)._extract(ikm) == prk
            assert HKDFExpand(algorithm, length, info).derive(prk) == okm
        checked += 1
    assert checked > 0


@pytest.mark.parametrize("bits", ["1", "256", "384", "512"])
def test_wycheproof_hkdf(wycheproof_root, bits):
    checked = 0
    for _group, test in wycheproof_groups(wycheproof_root, f"hkdf_sha{bits}_test.json"):
        algorithm = HASHES[f"SHA{bits}"]()
        salt = unhex(test["salt"]) or None
        info = unhex(test["info"])
        if test["result"] == "valid":
            kdf = HKDF(algorithm, test["size"], salt, info)
            assert kdf.derive(unhex(test["ikm"])) == unhex(test["okm"]), test["tcId"]
        else:
            assert "SizeTooLarge" in test["flags"]
            with pytest.raises(ValueError, match="Cannot derive keys larger than"):
                HKDF(algorithm, test["size"], salt, info)
        checked += 1
    assert checked > 0


def _x963_records():
    """The ANSI X9.63 CAVS file: records with Z, SharedInfo and key_data, under a hash
    section; the indented lines show intermediate values and are skipped."""
    algorithm = None
    record: dict[str, str] = {}
    lines = vector_path("KDF", "ansx963_2001.txt").read_text().splitlines()
    for line in lines:
        if line.startswith("[SHA"):
            algorithm = line.strip("[]")
        elif line.startswith(("\t", " ", "#")) or "=" not in line:
            continue
        else:
            name, _, value = line.partition("=")
            record[name.strip()] = value.strip()
            if name.strip() == "key_data":
                yield algorithm, record
                record = {}


def test_ansx963_vectors():
    checked = 0
    for algorithm, record in _x963_records():
        key_data = unhex(record["key_data"])
        kdf = X963KDF(HASHES[algorithm](), len(key_data), unhex(record["SharedInfo"]))
        assert kdf.derive(unhex(record["Z"])) == key_data
        checked += 1
    assert checked == 100


def test_concatkdf_rfc7518_appendix_c():
    # The JWE ECDH-ES example: Z, then OtherInfo = AlgorithmID || PartyUInfo ||
    # PartyVInfo || SuppPubInfo, each a length-prefixed field.
    z = bytes(
        [158, 86, 217, 29, 129, 113, 53, 211, 114, 131, 66, 131, 191, 132, 38, 156]
        + [251, 49, 110, 163, 218, 128, 106, 72, 246, 218, 167, 121, 140, 254, 144, 196]
    )
    other_info = b"".join(
        len(part).to_bytes(4, "big") + part for part in (b"A128GCM", b"Alice", b"Bob")
    ) + (128).to_bytes(4, "big")
    derived = ConcatKDFHash(hashes.SHA256(), 16, other_info).derive(z)
    assert base64.urlsafe_b64encode(derived) == b"VqqN6vgjbSBcIijNcacQGg=="


def test_concatkdf_hmac_is_the_hash_construction_with_hmac():
    # SP 800-56A's HMAC variant: K(1) = HMAC(salt, counter || Z || OtherInfo); a missing
    # salt is a block of zeros as long as the digest's block.
    from cryptography.hazmat.primitives import hmac

    z, other_info = b"shared secret", b"other info"
    for salt, key in ((b"salt", b"salt"), (None, b"\0" * 64)):
        mac = hmac.HMAC(key, hashes.SHA256())
        mac.update(b"\0\0\0\1" + z + other_info)
        expected = mac.finalize()
        assert (
            ConcatKDFHMAC(hashes.SHA256(), 32, salt, other_info).derive(z) == expected
        )
    with pytest.raises(TypeError, match="sha3-256 is unsupported for ConcatKDF"):
        ConcatKDFHMAC(hashes.SHA3_256(), 32, None, None)


ALL_KDFS = [
    lambda: PBKDF2HMAC(hashes.SHA256(), 32, b"salt", 2),
    lambda: Scrypt(b"salt", 32, 16, 1, 1),
    lambda: HKDF(hashes.SHA256(), 32, b"salt", b"info"),
    lambda: HKDFExpand(hashes.SHA256(), 32, b"info"),
    lambda: X963KDF(hashes.SHA256(), 32, b"info"),
    lambda: ConcatKDFHash(hashes.SHA256(), 32, b"info"),
    lambda: ConcatKDFHMAC(hashes.SHA256(), 32, b"salt", b"info"),
    lambda: KBKDFHMAC(
        hashes.SHA256(),
        Mode.CounterMode,
        32,
        4,
        4,
        CounterLocation.BeforeFixed,
        b"label",
        b"context",
        None,
    ),
    lambda: KBKDFCMAC(
        algorithms.AES,
        Mode.CounterMode,
        32,
        4,
        4,
        CounterLocation.AfterFixed,
        b"label",
        b"context",
        None,
    ),
]


@pytest.mark.parametrize("make", ALL_KDFS)
def test_single_use_verify_and_derive_into(make):
    key_material = b"k" * 32
    expected = make().derive(key_material)
    assert len(expected) == 32
    assert isinstance(make(), KeyDerivationFunction)

    kdf = make()
    assert kdf.derive(bytearray(key_material)) == expected
    with pytest.raises(AlreadyFinalized, match="Context was already finalized."):
        kdf.derive(key_material)

    kdf = make()
    kdf.verify(memoryview(key_material), expected)
    with pytest.raises(AlreadyFinalized):
        kdf.verify(key_material, expected)
    with pytest.raises(InvalidKey, match="Keys do not match."):
        make().verify(key_material, expected[:-1] + bytes([expected[-1] ^ 1]))
    with pytest.raises(InvalidKey):
        make().verify(key_material, expected[:16])

    buf = bytearray(32)
    assert make().derive_into(key_material, buf) == 32
    assert bytes(buf) == expected
    for size in (31, 33):
        with pytest.raises(ValueError, match="buffer must be 32 bytes"):
            make().derive_into(key_material, bytearray(size))
    with pytest.raises(TypeError, match="Buffer is not writable."):
        make().derive_into(key_material, b"\0" * 32)
    with pytest.raises(TypeError):
        make().derive("text")


def test_constructor_checks():
    sha256 = hashes.SHA256()
    with pytest.raises(
        ValueError, match="iterations must be greater than or equal to 1."
    ):
        PBKDF2HMAC(sha256, 32, b"salt", 0)
    with pytest.raises(OverflowError):
        PBKDF2HMAC(sha256, -1, b"salt", 1)
    with pytest.raises(TypeError, match="'str' object is not an instance of 'bytes'"):
        PBKDF2HMAC(sha256, 32, "salt", 1)  # type: ignore[arg-type]
    with pytest.raises(
        TypeError, match="'bytearray' object is not an instance of 'bytes'"
    ):
        HKDF(sha256, 32, bytearray(b"salt"), None)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="Expected instance of hashes.HashAlgorithm."):
        HKDF(object(), 32, None, None)  # type: ignore[arg-type]
    for n in (1, 15, 0):
        with pytest.raises(
            ValueError, match="n must be greater than 1 and be a power of 2."
        ):
            Scrypt(b"salt", 32, n, 1, 1)
    with pytest.raises(ValueError, match="r must be greater than or equal to 1."):
        Scrypt(b"salt", 32, 16, 0, 1)
    with pytest.raises(ValueError, match="p must be greater than or equal to 1."):
        Scrypt(b"salt", 32, 16, 1, 0)
    with pytest.raises(ValueError, match="Cannot derive keys larger than 8160 octets."):
        HKDF(sha256, 8161, None, None)

    class Enormous(hashes.HashAlgorithm):
        name = "enormous"
        digest_size = sys.maxsize >> 3
        block_size = 64

    # The size check comes before the hash is looked up.
    for make_hkdf in (
        lambda: HKDF(Enormous(), 32, None, None),
        lambda: HKDFExpand(Enormous(), 32, None),
    ):
        with pytest.raises(
            ValueError, match="Digest size too large, would cause overflow"
        ):
            make_hkdf()
    with pytest.raises(ValueError, match="Cannot derive keys larger than 8160 octets."):
        HKDFExpand(sha256, 8161, None)
    assert len(HKDF(sha256, 8160, None, None).derive(b"k")) == 8160
    limit = "Cannot derive keys larger than 137438953440 bits."
    for make in (
        lambda n: X963KDF(sha256, n, None),
        lambda n: ConcatKDFHash(sha256, n, None),
        lambda n: ConcatKDFHMAC(sha256, n, None, None),
    ):
        with pytest.raises(ValueError, match=limit):
            make(32 * (2**32))
        make(32 * (2**32 - 1))  # the limit itself is allowed


def test_zero_length_and_odd_digests():
    for kdf in (
        PBKDF2HMAC(hashes.SHA256(), 0, b"s", 1),
        Scrypt(b"s", 0, 16, 1, 1),
        HKDF(hashes.SHA256(), 0, None, None),
        X963KDF(hashes.SHA256(), 0, None),
    ):
        assert kdf.derive(b"k") == b""
    # Known answers computed by the reference implementation.
    assert (
        PBKDF2HMAC(hashes.BLAKE2b(64), 32, b"salt", 1).derive(b"pw").hex()
        == "413a379cc59ee62cd36fb893ecc3f69087fedabe3a2fa25e9db408fe131989ae"
    )
    assert (
        X963KDF(hashes.SHAKE128(16), 32, None).derive(b"z").hex()
        == "eb38e0aabee734cefd6ac608fb6adf35a93dd8cce5d1f87491e010eebb585d6b"
    )
    for kdf in (
        HKDF(hashes.SHAKE128(16), 32, None, None),
        PBKDF2HMAC(hashes.SHAKE128(16), 32, b"salt", 1),
    ):
        with pytest.raises(
            UnsupportedAlgorithm, match="not supported for HMAC"
        ) as info:
            kdf.derive(b"k")
        assert info.value._reason is _Reasons.UNSUPPORTED_HASH


def test_scrypt_memory_error():
    with pytest.raises(
        MemoryError, match="These parameters require 1048576MB of memory."
    ):
        Scrypt(b"salt", 32, 2**30, 8, 1).derive(b"pw")


def test_slow_derivations_release_the_interpreter():
    # Two threads each deriving; each result must be right (the derivation runs with the
    # interpreter released, so they overlap).
    expected = Scrypt(b"salt", 32, 1024, 8, 1).derive(b"pw")
    results: list[bytes] = []

    def work() -> None:
        results.append(Scrypt(b"salt", 32, 1024, 8, 1).derive(b"pw"))

    threads = [threading.Thread(target=work) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [expected, expected]


def _kbkdf_records():
    """The NIST SP 800-108 counter-mode CAVS file: records under [PRF=...],
    [CTRLOCATION=...] and [RLEN=...] headers; indented lines show intermediate values."""
    section: dict[str, str] = {}
    record: dict[str, str] = {}
    text = vector_path("KDF", "nist-800-108-KBKDF-CTR.txt").read_text()
    for line in text.splitlines():
        if line.startswith("["):
            name, _, value = line.strip("[]").partition("=")
            section[name] = value
        elif line.startswith(("\t", " ", "#")) or "=" not in line:
            continue
        else:
            name, _, value = line.partition("=")
            record[name.strip()] = value.strip()
            if name.strip() == "KO":
                yield {**section, **record}
                record = {}


def test_nist_sp800_108_kbkdf_counter_mode():
    from cryptography.hazmat.decrepit.ciphers.algorithms import TripleDES

    locations = {
        "BEFORE_FIXED": CounterLocation.BeforeFixed,
        "AFTER_FIXED": CounterLocation.AfterFixed,
        "MIDDLE_FIXED": CounterLocation.MiddleFixed,
    }
    checked = 0
    for record in _kbkdf_records():
        prf = record["PRF"]
        location = locations[record["CTRLOCATION"]]
        rlen = int(record["RLEN"].split("_")[0]) // 8
        ko = unhex(record["KO"])
        if location is CounterLocation.MiddleFixed:
            before = unhex(record["DataBeforeCtrData"])
            fixed = before + unhex(record["DataAfterCtrData"])
            break_location = len(before)
        else:
            fixed, break_location = unhex(record["FixedInputData"]), None
        args = (Mode.CounterMode, len(ko), rlen, None, location, None, None, fixed)
        kdf: KBKDFHMAC | KBKDFCMAC
        if prf.startswith("HMAC_"):
            kdf = KBKDFHMAC(HASHES[prf[5:]](), *args, break_location=break_location)
        else:
            cipher = algorithms.AES if "AES" in prf else TripleDES
            kdf = KBKDFCMAC(cipher, *args, break_location=break_location)
        assert kdf.derive(unhex(record["KI"])) == ko, record
        checked += 1
    assert checked > 1000


def test_kbkdf_argument_rules():
    sha256, ctr = hashes.SHA256(), Mode.CounterMode
    before, middle = CounterLocation.BeforeFixed, CounterLocation.MiddleFixed

    def hmac_kdf(*args, **kwargs):
        return KBKDFHMAC(sha256, *args, **kwargs)

    with pytest.raises(TypeError, match="mode must be of type Mode"):
        hmac_kdf("ctr", 32, 4, 4, before, b"l", b"c", None)
    with pytest.raises(TypeError, match="location must be of type CounterLocation"):
        hmac_kdf(ctr, 32, 4, 4, "before", b"l", b"c", None)
    with pytest.raises(ValueError, match="Please specify a break_location"):
        hmac_kdf(ctr, 32, 4, 4, middle, b"l", b"c", None)
    with pytest.raises(ValueError, match="break_location is ignored when location"):
        hmac_kdf(ctr, 32, 4, 4, before, b"l", b"c", None, break_location=3)
    with pytest.raises(ValueError, match="label and context are ignored"):
        hmac_kdf(ctr, 32, 4, 4, before, b"l", None, b"fixed")
    for rlen in (0, 5):
        with pytest.raises(ValueError, match="rlen must be between 1 and 4"):
            hmac_kdf(ctr, 32, rlen, 4, before, b"l", b"c", None)
    with pytest.raises(ValueError, match="Please specify an llen"):
        hmac_kdf(ctr, 32, 4, None, before, b"l", b"c", None)
    with pytest.raises(ValueError, match="llen must be non-zero"):
        hmac_kdf(ctr, 32, 4, 0, before, b"l", b"c", None)
    with pytest.raises(TypeError, match="'str' object is not an instance of 'bytes'"):
        hmac_kdf(ctr, 32, 4, 4, before, "l", b"c", None)
    # The counter must number every block: checked when the object is made, as the
    # reference checks it (a 2**40-byte request is refused at once, not by memory).
    with pytest.raises(ValueError, match="There are too many iterations."):
        hmac_kdf(ctr, 32 * 256, 1, 4, before, b"l", b"c", None)
    for length in (85_899_345_920, 2**40):
        with pytest.raises(ValueError, match="There are too many iterations."):
            KBKDFHMAC(hashes.SHA1(), ctr, length, 4, 4, before, b"l", b"c", None)
        with pytest.raises(ValueError, match="There are too many iterations."):
            KBKDFCMAC(algorithms.AES, ctr, length, 4, 4, before, b"l", b"c", None)
    assert (
        len(hmac_kdf(ctr, 32 * 255, 1, 4, before, b"l", b"c", None).derive(b"k"))
        == 8160
    )
    with pytest.raises(OverflowError, match="int too big to convert"):
        hmac_kdf(ctr, 32, 4, 1, before, b"l", b"c", None).derive(b"k")
    with pytest.raises(ValueError, match=r"break_location offset > len\(fixed\)"):
        hmac_kdf(ctr, 32, 4, 4, middle, b"l", b"c", None, break_location=100).derive(
            b"k"
        )
    # Known answers computed by the reference implementation.
    assert (
        hmac_kdf(ctr, 32, 4, 4, middle, b"label", b"context", None, break_location=3)
        .derive(b"k" * 32)
        .hex()
        == "658bd5291cd1b3ec358e3d2a21c51d513a075abb71888f9773159b1255382571"
    )
    assert (
        KBKDFHMAC(hashes.SHA3_256(), ctr, 32, 4, 4, before, b"l", b"c", None)
        .derive(b"k")
        .hex()
        == "18b1c779650877d00966e940ce148e75087922f60fc374cd8c242b82ea42fc62"
    )

    cmac_args = (ctr, 32, 4, 4, before, b"l", b"c", None)
    with pytest.raises(TypeError, match="'AES' object is not an instance of 'type'"):
        KBKDFCMAC(algorithms.AES(b"k" * 16), *cmac_args)
    for not_block in (algorithms.ChaCha20, hashes.SHA256):
        with pytest.raises(
            UnsupportedAlgorithm, match="Algorithm must be a block cipher."
        ):
            KBKDFCMAC(not_block, *cmac_args)
    with pytest.raises(ValueError, match=r"Invalid key size \(120\) for AES."):
        KBKDFCMAC(algorithms.AES, *cmac_args).derive(b"k" * 15)
    assert (
        KBKDFCMAC(algorithms.SM4, *cmac_args).derive(b"k" * 16).hex()
        == "f39daffc8e97cf754f4bf3a2a9881a0a9be50efd07dff9bdedae16fcb578b0fc"
    )


def _argon2_available() -> bool:
    from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

    try:
        Argon2id(salt=b"s" * 8, length=4, iterations=1, lanes=1, memory_cost=8)
    except UnsupportedAlgorithm as e:
        # OpenSSL before 3.2 has no Argon2: refused, not faked.
        assert "does not support argon2" in str(e)
        return False
    return True


requires_argon2 = pytest.mark.skipif(
    not _argon2_available(), reason="the linked OpenSSL has no Argon2 (3.2+)"
)


@requires_argon2
@pytest.mark.parametrize("variant", ["argon2d", "argon2i", "argon2id"])
def test_argon2_vectors(variant):
    from cryptography.hazmat.primitives.kdf import argon2

    cls = {
        "argon2d": argon2.Argon2d,
        "argon2i": argon2.Argon2i,
        "argon2id": argon2.Argon2id,
    }[variant]
    checked = 0
    for record in load_records("KDF", f"{variant}.txt"):
        kdf = cls(
            salt=unhex(record["salt"]),
            length=int(record["length"]),
            iterations=int(record["iter"]),
            lanes=int(record["lanes"]),
            memory_cost=int(record["memcost"]),
            ad=unhex(record["ad"]) if "ad" in record else None,
            secret=unhex(record["secret"]) if "secret" in record else None,
        )
        assert kdf.derive(unhex(record["pass"])) == unhex(record["output"]), record
        checked += 1
    assert checked > 0


@requires_argon2
def test_argon2_rules_and_phc_strings():
    from cryptography.hazmat.primitives.kdf.argon2 import Argon2i, Argon2id

    kw = dict(salt=b"s" * 16, length=32, iterations=1, lanes=1, memory_cost=32)
    for change, message in (
        ({"salt": b"s" * 7}, "salt must be at least 8 bytes"),
        ({"length": 3}, "length must be greater than or equal to 4."),
        ({"iterations": 0}, "iterations must be greater than or equal to 1."),
        ({"lanes": 0}, "lanes must be greater than or equal to 1."),
        (
            {"lanes": 4, "memory_cost": 31},
            r"memory_cost must be an integer >= 8 \* lanes.",
        ),
    ):
        with pytest.raises(ValueError, match=message):
            Argon2id(**{**kw, **change})  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="'str' object is not an instance of 'bytes'"):
        Argon2id(**{**kw, "salt": "s" * 16})  # type: ignore[arg-type]

    # Known answers computed by the reference implementation.
    encoded = Argon2id(**kw).derive_phc_encoded(b"pw")  # type: ignore[arg-type]
    assert encoded == (
        "$argon2id$v=19$m=32,t=1,p=1$c3Nzc3Nzc3Nzc3Nzc3Nzcw"
        "$GGGTLvwe6mIWGgPwxQ6nuSSdbKZD51WaCaKhiR2yoH0"
    )
    Argon2id.verify_phc_encoded(b"pw", encoded)
    with pytest.raises(InvalidKey, match="Keys do not match."):
        Argon2id.verify_phc_encoded(b"px", encoded)
    for bad, message in (
        ("garbage", "Invalid PHC string format."),
        (encoded.replace("$v=19", ""), "Invalid PHC string format."),
        (encoded.replace("v=19", "v=16"), "Invalid version in PHC string."),
        (
            encoded.replace("m=32,t=1", "t=1,m=32"),
            "Parameters must be in order: m, t, p.",
        ),
        (encoded[:-3] + "!!!", "Invalid base64 hash in PHC string."),
    ):
        with pytest.raises(InvalidKey, match=re.escape(message)):
            Argon2id.verify_phc_encoded(b"pw", bad)
    with pytest.raises(InvalidKey, match="did you mean to use Argon2id?"):
        Argon2i.verify_phc_encoded(b"pw", encoded)
    with pytest.raises(TypeError, match="'bytes' object is not an instance of 'str'"):
        Argon2id.verify_phc_encoded(b"pw", encoded.encode())  # type: ignore[arg-type]
    with_secret = Argon2id(**kw, secret=b"k").derive_phc_encoded(b"pw")  # type: ignore[arg-type]
    Argon2id.verify_phc_encoded(b"pw", with_secret, secret=b"k")
    with pytest.raises(InvalidKey):
        Argon2id.verify_phc_encoded(b"pw", with_secret)
    kdf = Argon2id(**kw)  # type: ignore[arg-type]
    kdf.derive(b"pw")
    with pytest.raises(AlreadyFinalized):
        kdf.derive_phc_encoded(b"pw")


class _Stop(Exception):
    pass


def _interrupt_after(seconds: float) -> typing.Callable[[], None]:
    """Raises _Stop from a SIGALRM handler after `seconds`; returns the undo."""
    import signal

    def handler(signum: int, frame: object) -> None:
        raise _Stop

    previous = signal.signal(signal.SIGALRM, handler)
    signal.setitimer(signal.ITIMER_REAL, seconds)

    def undo() -> None:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)

    return undo


@pytest.mark.skipif(not hasattr(__import__("signal"), "setitimer"), reason="POSIX")
@pytest.mark.parametrize("algorithm", [hashes.SHA1(), hashes.SHA256(), hashes.SHA512()])
def test_long_pbkdf2_stops_for_a_signal(algorithm):
    # A billion iterations take minutes; the exception of a signal handler (Ctrl-C's
    # KeyboardInterrupt) must stop the derivation within about 100 ms.
    import time

    kdf = PBKDF2HMAC(algorithm, 32, b"salt", 10**9)
    undo = _interrupt_after(0.2)
    start = time.monotonic()
    try:
        with pytest.raises(_Stop):
            kdf.derive(b"password")
    finally:
        undo()
    assert time.monotonic() - start < 0.2 + 0.3


def test_argon2_memory_it_cannot_get_is_a_memory_error():
    # 2**32 - 1 KiB is 4 TiB: where the allocation fails (no overcommit), the reference's
    # MemoryError with its message; where it would succeed, the test cannot tell.
    import mmap

    try:
        probe = mmap.mmap(-1, (2**32 - 1) * 1024)
    except (OSError, OverflowError):
        pass
    else:
        probe.close()
        pytest.skip("this machine overcommits memory")
    from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

    kdf = Argon2id(
        salt=b"salt" * 2, length=32, iterations=1, lanes=1, memory_cost=2**32 - 1
    )
    with pytest.raises(MemoryError, match="require 4294967295KiB of memory"):
        kdf.derive(b"password")
