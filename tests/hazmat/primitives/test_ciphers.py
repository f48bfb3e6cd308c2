from __future__ import annotations

import struct
import sys
import typing

import pytest

from cryptography.exceptions import (
    AlreadyFinalized,
    AlreadyUpdated,
    InvalidTag,
    NotYetFinalized,
    UnsupportedAlgorithm,
    _Reasons,
)
from cryptography.hazmat.decrepit.ciphers import algorithms as decrepit
from cryptography.hazmat.decrepit.ciphers import modes as decrepit_modes
from cryptography.hazmat.primitives import ciphers, padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from tests.vectors import load_records, unhex, vector_path, wycheproof_groups

Record = dict[str, str]


def _crypt(cipher: Cipher, data: bytes, encrypt: bool) -> bytes:
    ctx = cipher.encryptor() if encrypt else cipher.decryptor()
    # Two updates, to exercise buffering across calls.
    half = len(data) // 2
    return ctx.update(data[:half]) + ctx.update(data[half:]) + ctx.finalize()


def _check_file(
    parts: tuple[str, ...],
    make: typing.Callable[[Record], Cipher | None],
) -> int:
    checked = 0
    for record in load_records("ciphers", *parts):
        if "plaintext" not in record or "ciphertext" not in record:
            continue
        cipher = make(record)
        if cipher is None:
            continue
        pt, ct = unhex(record["plaintext"]), unhex(record["ciphertext"])
        assert _crypt(cipher, pt, True) == ct, record
        assert _crypt(cipher, ct, False) == pt, record
        checked += 1
    return checked


def _files(folder: str, prefix: str = "") -> list[tuple[str, ...]]:
    path = vector_path("ciphers", *folder.split("/"))
    return [
        (*folder.split("/"), f.name)
        for f in sorted(path.iterdir())
        if f.name.startswith(prefix) and f.suffix in (".rsp", ".txt")
    ]


def _iv(record: Record) -> bytes:
    return unhex(record["iv"])


AES_MODES = [
    ("AES/CBC", "", lambda r: modes.CBC(_iv(r))),
    ("AES/ECB", "", lambda r: modes.ECB()),
    ("AES/OFB", "", lambda r: decrepit_modes.OFB(_iv(r))),
    ("AES/CFB", "CFB128", lambda r: decrepit_modes.CFB(_iv(r))),
    ("AES/CFB", "CFB8", lambda r: decrepit_modes.CFB8(_iv(r))),
    ("AES/CTR", "", lambda r: modes.CTR(_iv(r))),
]


@pytest.mark.parametrize(
    ("parts", "make_mode"),
    [
        (parts, make)
        for folder, prefix, make in AES_MODES
        for parts in _files(folder, prefix)
    ],
    ids=lambda v: "/".join(v) if isinstance(v, tuple) else "",
)
def test_aes_published_vectors(parts, make_mode):
    checked = _check_file(
        parts, lambda r: Cipher(algorithms.AES(unhex(r["key"])), make_mode(r))
    )
    assert checked > 0


def _triple_des(
    record: Record, mode: typing.Callable[[Record], modes.Mode]
) -> Cipher | None:
    if "keys" in record:
        key = unhex(record["keys"]) * 3  # one key used three times
    else:
        key = unhex(record["key1"] + record["key2"] + record["key3"])
    return Cipher(decrepit.TripleDES(key), mode(record))


@pytest.mark.parametrize(
    ("parts", "make_mode"),
    [
        (parts, make)
        for folder, prefix, make in [
            ("3DES/CBC", "TCBCMMT", lambda r: modes.CBC(_iv(r))),
            ("3DES/CBC", "TCBCvar", lambda r: modes.CBC(_iv(r))),
            ("3DES/ECB", "TECBMMT", lambda r: modes.ECB()),
            ("3DES/OFB", "TOFBMMT", lambda r: decrepit_modes.OFB(_iv(r))),
            ("3DES/CFB", "TCFB64MMT", lambda r: decrepit_modes.CFB(_iv(r))),
            ("3DES/CFB", "TCFB8MMT", lambda r: decrepit_modes.CFB8(_iv(r))),
        ]
        for parts in _files(folder, prefix)
    ],
    ids=lambda v: "/".join(v) if isinstance(v, tuple) else "",
)
def test_triple_des_published_vectors(parts, make_mode):
    assert _check_file(parts, lambda r: _triple_des(r, make_mode)) > 0


MODE_BY_SUFFIX: dict[str, typing.Callable[[Record], modes.Mode]] = {
    "cbc": lambda r: modes.CBC(_iv(r)),
    "ecb": lambda r: modes.ECB(),
    "ofb": lambda r: decrepit_modes.OFB(_iv(r)),
    "cfb": lambda r: decrepit_modes.CFB(_iv(r)),
    "ctr": lambda r: modes.CTR(_iv(r)),
}


@pytest.mark.parametrize(
    ("folder", "name", "algorithm"),
    [
        ("Blowfish", "bf-cbc.txt", decrepit.Blowfish),
        ("Blowfish", "bf-ecb.txt", decrepit.Blowfish),
        ("Blowfish", "bf-ofb.txt", decrepit.Blowfish),
        ("Blowfish", "bf-cfb.txt", decrepit.Blowfish),
        ("CAST5", "cast5-cbc.txt", decrepit.CAST5),
        ("CAST5", "cast5-ecb.txt", decrepit.CAST5),
        ("CAST5", "cast5-ofb.txt", decrepit.CAST5),
        ("CAST5", "cast5-cfb.txt", decrepit.CAST5),
        ("IDEA", "idea-cbc.txt", decrepit.IDEA),
        ("IDEA", "idea-ecb.txt", decrepit.IDEA),
        ("IDEA", "idea-ofb.txt", decrepit.IDEA),
        ("IDEA", "idea-cfb.txt", decrepit.IDEA),
        ("SEED", "seed-ofb.txt", decrepit.SEED),
        ("SEED", "seed-cfb.txt", decrepit.SEED),
        ("SEED", "rfc-4269.txt", decrepit.SEED),
        ("Camellia", "camellia-cbc.txt", decrepit.Camellia),
        ("Camellia", "camellia-ofb.txt", decrepit.Camellia),
        ("Camellia", "camellia-cfb.txt", decrepit.Camellia),
        ("SM4", "draft-ribose-cfrg-sm4-10-cbc.txt", algorithms.SM4),
        ("SM4", "draft-ribose-cfrg-sm4-10-ecb.txt", algorithms.SM4),
        ("SM4", "draft-ribose-cfrg-sm4-10-ofb.txt", algorithms.SM4),
        ("SM4", "draft-ribose-cfrg-sm4-10-cfb.txt", algorithms.SM4),
        ("SM4", "draft-ribose-cfrg-sm4-10-ctr.txt", algorithms.SM4),
        ("RC2", "rc2-cbc.txt", decrepit.RC2),
    ],
)
def test_other_block_ciphers(folder, name, algorithm):
    suffix = name.rsplit("-", 1)[-1].split(".")[0]
    make_mode = MODE_BY_SUFFIX.get(suffix, MODE_BY_SUFFIX["ecb"])
    if name == "rfc-4269.txt":
        make_mode = MODE_BY_SUFFIX["ecb"]
    if not ciphers_supported(algorithm):
        pytest.skip(f"{algorithm.name} is not in this OpenSSL build")
    assert (
        _check_file(
            (folder, name), lambda r: Cipher(algorithm(unhex(r["key"])), make_mode(r))
        )
        > 0
    )


def ciphers_supported(algorithm: typing.Any) -> bool:
    from cryptography.hazmat.backends import default_backend

    key = b"\x01" * (
        max(algorithm.key_sizes) // 8 if algorithm is not decrepit.Blowfish else 16
    )
    if algorithm is decrepit.TripleDES:
        key = b"\x01" * 24
    return default_backend().cipher_supported(algorithm(key), modes.ECB()) or (
        algorithm is decrepit.RC2
    )


@pytest.mark.parametrize("bits", ["128", "192", "256"])
def test_camellia_ntt_vectors(bits):
    # NTT's format: "K No.001 : 00 01 ...", then "P No.nnn" / "C No.nnn" pairs.
    text = vector_path("ciphers", "Camellia", f"camellia-{bits}-ecb.txt").read_text()
    key = b""
    plaintext = b""
    checked = 0
    for line in text.splitlines():
        label, _, value = line.partition(":")
        if not label.startswith(("K No.", "P No.", "C No.")):
            continue
        data = bytes.fromhex(value.replace(" ", ""))
        if label.startswith("K No."):
            key = data
        elif label.startswith("P No."):
            plaintext = data
        elif label.startswith("C No."):
            cipher = Cipher(decrepit.Camellia(key), modes.ECB())
            assert _crypt(cipher, plaintext, True) == data
            assert _crypt(cipher, data, False) == plaintext
            checked += 1
    assert checked > 0


def test_cast5_ctr_is_not_offered():
    with pytest.raises(UnsupportedAlgorithm) as info:
        Cipher(decrepit.CAST5(b"k" * 16), modes.CTR(b"n" * 8)).encryptor()
    assert info.value._reason is _Reasons.UNSUPPORTED_CIPHER


@pytest.mark.parametrize("bits", ["40", "56", "64", "80", "128", "192", "256"])
def test_arc4_rfc6229(bits):
    records = [
        r
        for r in load_records("ciphers", "ARC4", f"rfc-6229-{bits}.txt")
        if "offset" in r
    ]
    assert records
    for record in records:
        ctx = Cipher(decrepit.ARC4(unhex(record["key"])), None).encryptor()
        ctx.update(b"\x00" * int(record["offset"]))
        assert ctx.update(unhex(record["plaintext"])) == unhex(record["ciphertext"])


def test_chacha20_rfc7539():
    records = [
        r for r in load_records("ciphers", "ChaCha20", "rfc7539.txt") if "key" in r
    ]
    assert records
    for record in records:
        nonce = struct.pack("<I", int(record["initial_block_counter"])) + unhex(
            record["nonce"]
        )
        cipher = Cipher(algorithms.ChaCha20(unhex(record["key"]), nonce), None)
        pt, ct = unhex(record["plaintext"]), unhex(record["ciphertext"])
        assert _crypt(cipher, pt, True) == ct
        assert _crypt(cipher, ct, False) == pt


def test_chacha20_counter_overflow():
    nonce = b"\xff\xff\xff\xff" + b"\x00" * 12
    ctx = Cipher(algorithms.ChaCha20(b"k" * 32, nonce), None).encryptor()
    assert len(ctx.update(b"a" * 64)) == 64
    with pytest.raises(
        ValueError, match="32-bit counter portion of the nonce would overflow"
    ):
        ctx.update(b"a")
    ctx.reset_nonce(b"\x00" * 16)
    assert len(ctx.update(b"a" * 1000)) == 1000


@pytest.mark.parametrize("bits", ["128", "256"])
def test_aes_xts(bits):
    checked = 0
    for parts in _files("AES/XTS/tweak-128hexstr"):
        if f"AES{bits}" not in parts[-1]:
            continue
        for record in load_records("ciphers", *parts):
            if "pt" not in record or int(record["dataunitlen"]) % 8:
                continue
            cipher = Cipher(
                algorithms.AES(unhex(record["key"])), modes.XTS(unhex(record["i"]))
            )
            pt, ct = unhex(record["pt"]), unhex(record["ct"])
            enc = cipher.encryptor()
            assert enc.update(pt) + enc.finalize() == ct
            dec = cipher.decryptor()
            assert dec.update(ct) + dec.finalize() == pt
            checked += 1
    assert checked > 0


def test_xts_rules():
    with pytest.raises(ValueError, match="tweak must be 128-bits"):
        modes.XTS(b"t" * 15)
    with pytest.raises(
        ValueError, match="The XTS specification requires a 256-bit key"
    ):
        Cipher(algorithms.AES(b"k" * 16), modes.XTS(b"t" * 16))
    with pytest.raises(ValueError, match="In XTS mode duplicated keys are not allowed"):
        Cipher(algorithms.AES(b"k" * 32), modes.XTS(b"t" * 16)).encryptor()
    ctx = Cipher(
        algorithms.AES(b"k" * 16 + b"j" * 16), modes.XTS(b"t" * 16)
    ).encryptor()
    with pytest.raises(
        ValueError, match="In XTS mode you must supply at least a full block"
    ):
        ctx.update(b"a" * 15)


@pytest.mark.parametrize("bits", ["128", "192", "256"])
def test_aes_gcm_encrypt(bits):
    checked = 0
    for record in load_records("ciphers", "AES", "GCM", f"gcmEncryptExtIV{bits}.rsp"):
        if "ct" not in record:
            continue
        tag = unhex(record["tag"])
        iv = unhex(record["iv"])
        if len(iv) < 8:
            continue  # below the 64-bit minimum GCM accepts here
        enc = Cipher(algorithms.AES(unhex(record["key"])), modes.GCM(iv)).encryptor()
        enc.authenticate_additional_data(unhex(record["aad"]))
        ct = enc.update(unhex(record["pt"])) + enc.finalize()
        assert ct == unhex(record["ct"])
        assert enc.tag[: len(tag)] == tag
        checked += 1
    assert checked > 0


@pytest.mark.parametrize("bits", ["128", "192", "256"])
def test_aes_gcm_decrypt(bits):
    checked = 0
    for record in load_records("ciphers", "AES", "GCM", f"gcmDecrypt{bits}.rsp"):
        if "ct" not in record:
            continue
        iv = unhex(record["iv"])
        tag = unhex(record["tag"])
        if len(iv) < 8 or len(tag) < 4:
            continue
        mode = modes.GCM(iv, tag, min_tag_length=len(tag))
        dec = Cipher(algorithms.AES(unhex(record["key"])), mode).decryptor()
        dec.authenticate_additional_data(unhex(record["aad"]))
        pt = dec.update(unhex(record["ct"]))
        if "fail" in record:
            with pytest.raises(InvalidTag):
                dec.finalize()
        else:
            assert pt + dec.finalize() == unhex(record["pt"])
        checked += 1
    assert checked > 0


def test_gcm_context_rules():
    key, iv = b"k" * 16, b"i" * 12
    enc = Cipher(algorithms.AES(key), modes.GCM(iv)).encryptor()
    assert isinstance(enc, ciphers.AEADEncryptionContext)
    with pytest.raises(NotYetFinalized):
        enc.tag  # noqa: B018
    enc.authenticate_additional_data(b"aad")
    ct = enc.update(b"hello")
    with pytest.raises(AlreadyUpdated, match="Update has been called on this context."):
        enc.authenticate_additional_data(b"more")
    assert enc.finalize() == b""
    tag = enc.tag
    # Known answer computed by the reference implementation.
    assert (ct.hex(), tag.hex()) == ("75814a6773", "16ac9f821f64a5b2665f56698eb54a14")
    with pytest.raises(AlreadyFinalized):
        enc.update(b"")
    with pytest.raises(AlreadyFinalized):
        enc.finalize()
    with pytest.raises(
        ValueError, match="Authentication tag must be None when encrypting."
    ):
        Cipher(algorithms.AES(key), modes.GCM(iv, tag)).encryptor()

    dec = Cipher(algorithms.AES(key), modes.GCM(iv)).decryptor()
    assert isinstance(dec, ciphers.AEADDecryptionContext)
    dec.authenticate_additional_data(b"aad")
    assert dec.update(ct) == b"hello"
    assert dec.finalize_with_tag(tag) == b""

    dec = Cipher(algorithms.AES(key), modes.GCM(iv)).decryptor()
    with pytest.raises(
        ValueError, match="Authentication tag must be provided when decrypting."
    ):
        dec.finalize()
    dec = Cipher(algorithms.AES(key), modes.GCM(iv)).decryptor()
    with pytest.raises(
        ValueError, match="Authentication tag must be 16 bytes or longer."
    ):
        dec.finalize_with_tag(tag[:8])
    dec = Cipher(algorithms.AES(key), modes.GCM(iv, tag)).decryptor()
    with pytest.raises(
        ValueError, match="Authentication tag must be provided only once."
    ):
        dec.finalize_with_tag(tag)
    dec = Cipher(algorithms.AES(key), modes.GCM(iv, b"\x00" * 16)).decryptor()
    dec.update(ct)
    with pytest.raises(InvalidTag):
        dec.finalize()
    with pytest.raises(InvalidTag):
        dec.finalize()
    dec = Cipher(algorithms.AES(key), modes.GCM(iv)).decryptor()
    dec.update(ct)
    with pytest.raises(InvalidTag):
        dec.finalize_with_tag(b"\x00" * 16)
    with pytest.raises(InvalidTag):
        dec.finalize_with_tag(b"\x00" * 16)


def test_gcm_mode_checks():
    with pytest.raises(
        ValueError, match="initialization_vector must be between 8 and 128 bytes"
    ):
        modes.GCM(b"i" * 7)
    with pytest.raises(
        ValueError, match="Authentication tag must be 16 bytes or longer."
    ):
        modes.GCM(b"i" * 12, b"t" * 3)
    with pytest.raises(ValueError, match="min_tag_length must be >= 4"):
        modes.GCM(b"i" * 12, b"t" * 16, min_tag_length=3)
    with pytest.raises(TypeError, match="tag must be bytes"):
        modes.GCM(b"i" * 12, "t" * 16)  # type: ignore[arg-type]
    mode = modes.GCM(b"i" * 12)
    assert (mode.initialization_vector, mode.tag, mode.name) == (b"i" * 12, None, "GCM")


def test_mode_and_cipher_checks():
    key = b"k" * 16
    with pytest.raises(ValueError, match=r"Invalid IV size \(15\) for CBC."):
        Cipher(algorithms.AES(key), modes.CBC(b"i" * 15))
    with pytest.raises(ValueError, match=r"Invalid nonce size \(15\) for CTR."):
        Cipher(algorithms.AES(key), modes.CTR(b"n" * 15))
    with pytest.raises(TypeError, match="initialization_vector must be bytes-like"):
        modes.CBC("i" * 16)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="Expected interface of CipherAlgorithm."):
        Cipher(b"key", modes.CBC(b"i" * 16))  # type: ignore[arg-type]
    with pytest.raises(UnsupportedAlgorithm) as info:
        Cipher(algorithms.ChaCha20(b"k" * 32, b"n" * 16), modes.CBC(b"i" * 16))
    assert info.value._reason is _Reasons.UNSUPPORTED_CIPHER
    with pytest.raises(ValueError, match="Only 128, 192, and 256 bit keys"):
        Cipher(algorithms.AES(b"k" * 64), modes.CBC(b"i" * 16))
    with pytest.raises(UnsupportedAlgorithm):
        Cipher(decrepit.Camellia(key), modes.CTR(b"n" * 16)).encryptor()
    cipher = Cipher(algorithms.AES(key), modes.CBC(b"i" * 16), backend=None)
    assert (cipher.algorithm.name, cipher.mode.name) == ("AES", "CBC")


def test_block_mode_rules_and_update_into():
    cipher = Cipher(algorithms.AES(b"k" * 16), modes.CBC(b"i" * 16))
    enc = cipher.encryptor()
    assert isinstance(enc, ciphers.CipherContext)
    assert enc.update(b"a" * 17) != b""
    with pytest.raises(ValueError, match="not a multiple of the block length"):
        enc.finalize()
    # As in the reference, a failed finalize leaves the context open.
    with pytest.raises(ValueError, match="not a multiple of the block length"):
        enc.finalize()
    assert len(enc.update(b"a" * 15)) == 16
    assert enc.finalize() == b""
    with pytest.raises(AlreadyFinalized):
        enc.update(b"")

    enc = cipher.encryptor()
    buf = bytearray(31)
    with pytest.raises(ValueError, match="buffer must be at least 31 bytes"):
        enc.update_into(b"a" * 16, bytearray(30))
    assert enc.update_into(b"a" * 16, buf) == 16
    # Known answer computed by the reference implementation.
    assert bytes(buf[:16]).hex() == "7542339b19a4cb8aa4d80e2d3417b0e1"
    assert enc.update_into(b"a", bytearray(16)) == 0
    with pytest.raises(TypeError, match="Buffer is not writable."):
        enc.update_into(b"a", b"x" * 32)
    with pytest.raises(
        UnsupportedAlgorithm, match="does not support resetting the nonce"
    ):
        enc.reset_nonce(b"i" * 16)
    with pytest.raises(TypeError):
        enc.update("abc")  # type: ignore[arg-type]


def test_ctr_reset_nonce_and_update_into():
    cipher = Cipher(algorithms.AES(b"k" * 16), modes.CTR(b"n" * 16))
    enc = cipher.encryptor()
    first = enc.update(b"abc")
    enc.reset_nonce(b"n" * 16)
    assert enc.update(b"abc") == first
    with pytest.raises(ValueError, match="Nonce must be 16 bytes long"):
        enc.reset_nonce(b"n" * 15)
    buf = bytearray(3)
    enc.reset_nonce(b"n" * 16)
    assert enc.update_into(b"abc", buf) == 3
    assert bytes(buf) == first
    assert enc.finalize() == b""


def test_moved_modes_warn():
    for name in ("CFB", "CFB8", "OFB"):
        with pytest.warns(Warning, match=f"{name} has been moved"):
            assert getattr(modes, name) is getattr(decrepit_modes, name)


def test_wrong_lengths_reaching_the_native_layer_are_refused():
    # OpenSSL reads as many key and IV bytes as the cipher expects; lengths that slipped
    # past the Python checks must be refused, not over-read.
    from cryptography.hazmat.bindings._rust import openssl as rust_openssl

    unvalidated = modes.CBC(b"i" * 8)  # Cipher() would have refused it
    with pytest.raises(ValueError):
        rust_openssl.ciphers.create_encryption_ctx(
            algorithms.AES(b"k" * 16), unvalidated
        )
    algorithm = algorithms.SM4(b"k" * 16)
    algorithm.key = b"short"
    with pytest.raises(ValueError):
        Cipher(algorithm, modes.ECB()).encryptor()


# The everyday cipher objects are native classes; these check that they still behave as
# the reference's Python classes do.

_KEY = b"k" * 16
_IV = b"i" * 16


def test_native_objects_implement_the_interfaces():
    checks = [
        (algorithms.AES(_KEY), ciphers.BlockCipherAlgorithm),
        (algorithms.AES128(_KEY), ciphers.BlockCipherAlgorithm),
        (algorithms.AES256(b"k" * 32), ciphers.CipherAlgorithm),
        (modes.CBC(_IV), modes.ModeWithInitializationVector),
        (modes.CTR(_IV), modes.ModeWithNonce),
        (modes.ECB(), modes.Mode),
        (modes.GCM(_IV), modes.ModeWithInitializationVector),
        (modes.GCM(_IV), modes.ModeWithAuthenticationTag),
        (modes.XTS(_IV), modes.ModeWithTweak),
    ]
    for obj, interface in checks:
        assert isinstance(obj, interface), (obj, interface)
    assert not isinstance(modes.CBC(_IV), modes.ModeWithNonce)
    assert not isinstance(algorithms.AES128(_KEY), algorithms.AES)
    assert (
        algorithms.AES.__module__ == "cryptography.hazmat.primitives.ciphers.algorithms"
    )
    assert modes.GCM.__module__ == "cryptography.hazmat.primitives.ciphers.modes"
    assert Cipher.__module__ == "cryptography.hazmat.primitives.ciphers.base"


def test_native_objects_keep_their_arguments():
    key = bytearray(_KEY)
    aes = algorithms.AES(key)
    assert aes.key is key
    assert (aes.name, aes.block_size, aes.key_size) == ("AES", 128, 128)
    assert algorithms.AES.key_sizes == frozenset([128, 192, 256, 512])
    assert (algorithms.AES128.key_size, algorithms.AES256.key_size) == (128, 256)
    aes.key = b"k" * 32  # a plain attribute in the reference too
    assert aes.key_size == 256
    assert modes.CBC(_IV).initialization_vector is _IV
    assert modes.CTR(_IV).nonce is _IV
    assert modes.XTS(_IV).tweak is _IV
    gcm = modes.GCM(_IV[:12], b"t" * 8, min_tag_length=8)
    assert (gcm.tag, gcm._min_tag_length) == (b"t" * 8, 8)
    assert (modes.GCM._MAX_ENCRYPTED_BYTES, modes.GCM._MAX_AAD_BYTES) == (
        (2**39 - 256) // 8,
        (2**64 - 1) // 8,
    )
    cipher = Cipher(aes, modes.ECB())
    assert cipher.algorithm is aes
    assert cipher.mode.name == "ECB"


def test_native_objects_pickle_and_copy():
    import copy
    import pickle

    cipher = Cipher(algorithms.AES(_KEY), modes.GCM(_IV[:12], b"t" * 16))
    for clone in (pickle.loads(pickle.dumps(cipher)), copy.deepcopy(cipher)):
        assert type(clone) is Cipher
        assert isinstance(clone.algorithm, algorithms.AES)
        assert clone.algorithm.key == _KEY
        assert (clone.mode.initialization_vector, clone.mode.tag) == (
            _IV[:12],
            b"t" * 16,
        )
    for obj in (modes.CBC(_IV), modes.CTR(_IV), modes.ECB(), modes.XTS(_IV)):
        assert type(copy.copy(obj)) is type(obj)


def test_native_objects_subclass_like_python_classes():
    class TaggedAES(algorithms.AES):
        def __init__(self, key):
            super().__init__(key)
            self.label = "mine"

    class MyCBC(modes.CBC):
        pass

    aes = TaggedAES(_KEY)
    assert aes.label == "mine"
    plain = Cipher(algorithms.AES(_KEY), modes.CBC(_IV)).encryptor().update(_KEY)
    assert Cipher(aes, MyCBC(_IV)).encryptor().update(_KEY) == plain
    import inspect

    assert list(inspect.signature(algorithms.AES.__init__).parameters) == [
        "self",
        "key",
    ]
    if sys.version_info >= (3, 10):
        # A native class's own signature needs the limited API of 3.10.
        assert list(inspect.signature(modes.GCM).parameters) == [
            "initialization_vector",
            "tag",
            "min_tag_length",
        ]
        assert list(inspect.signature(Cipher).parameters) == [
            "algorithm",
            "mode",
            "backend",
        ]
    alias = Cipher[modes.GCM]
    assert (typing.get_origin(alias), typing.get_args(alias)) == (Cipher, (modes.GCM,))


def test_mode_checks_in_the_reference_order():
    chacha = algorithms.ChaCha20(b"k" * 32, b"n" * 16)
    with pytest.raises(UnsupportedAlgorithm, match="^CTR requires a block cipher"):
        modes.CTR(_IV).validate_for_algorithm(chacha)
    with pytest.raises(UnsupportedAlgorithm, match="^GCM requires a block cipher"):
        Cipher(chacha, modes.GCM(_IV))
    with pytest.raises(UnsupportedAlgorithm, match="CBC object at .* requires a block"):
        Cipher(chacha, modes.CBC(_IV))
    # ECB checks only the key length; the stream cipher is refused by the context.
    modes.ECB().validate_for_algorithm(chacha)
    with pytest.raises(
        UnsupportedAlgorithm, match="cipher ChaCha20 in ECB mode"
    ) as info:
        Cipher(chacha, modes.ECB()).encryptor()
    assert info.value._reason is _Reasons.UNSUPPORTED_CIPHER
    with pytest.raises(ValueError, match="Only 128, 192, and 256 bit keys"):
        modes.CTR(_IV).validate_for_algorithm(algorithms.AES(b"k" * 64))
    with pytest.raises(TypeError, match="AES128 and AES256 classes do not support XTS"):
        Cipher(algorithms.AES256(b"k" * 32), modes.XTS(_IV))
    with pytest.raises(ValueError, match="min_tag_length must be >= 4"):
        modes.GCM(_IV, min_tag_length=3)
    with pytest.raises(ValueError, match=r"tag cannot be more than 16 bytes\."):
        Cipher(algorithms.AES(_KEY), modes.GCM(_IV, b"t" * 17))
    with pytest.raises(ValueError, match="Authentication tag must be None when"):
        Cipher(algorithms.AES(_KEY), modes.GCM(_IV, b"t" * 16)).encryptor()
    with pytest.raises(UnsupportedAlgorithm, match="cipher AES in None mode"):
        Cipher(algorithms.AES(_KEY), None).encryptor()
    with pytest.raises(AssertionError):
        Cipher(algorithms.AES(_KEY), object())  # type: ignore[type-var]


def test_other_algorithm_and_mode_objects_go_through_their_attributes():
    class FakeBlockCipher(ciphers.BlockCipherAlgorithm):
        name = "AES"
        key_sizes = frozenset([512])
        key_size = 512
        block_size = 128
        key = b"k" * 64

    with pytest.raises(ValueError, match="Only 128, 192, and 256 bit keys"):
        Cipher(FakeBlockCipher(), modes.CBC(_IV))

    class TaggedMode(modes.ModeWithAuthenticationTag):
        name = "Tagged"
        tag = b"t" * 16

        def validate_for_algorithm(self, algorithm):
            self.seen = algorithm

    mode = TaggedMode()
    cipher = Cipher(algorithms.AES(_KEY), mode)
    assert mode.seen is cipher.algorithm
    with pytest.raises(ValueError, match="Authentication tag must be None when"):
        cipher.encryptor()
    with pytest.raises(UnsupportedAlgorithm, match="cipher AES in Tagged mode"):
        cipher.decryptor()


def test_wycheproof_aes_cbc_pkcs5(wycheproof_root):
    checked = invalid = 0
    for _group, test in wycheproof_groups(wycheproof_root, "aes_cbc_pkcs5_test.json"):
        cipher = Cipher(
            algorithms.AES(unhex(test["key"])), modes.CBC(unhex(test["iv"]))
        )
        msg, ct = unhex(test["msg"]), unhex(test["ct"])
        if test["result"] == "valid":
            padder = padding.PKCS7(128).padder()
            padded = padder.update(msg) + padder.finalize()
            assert _crypt(cipher, padded, True) == ct, test["tcId"]
        decryptor = cipher.decryptor()
        unpadder = padding.PKCS7(128).unpadder()
        if test["result"] == "valid":
            plain = decryptor.update(ct) + decryptor.finalize()
            assert unpadder.update(plain) + unpadder.finalize() == msg
        else:
            # Bad padding, or no ciphertext at all: refused when unpadding.
            with pytest.raises(ValueError):
                plain = decryptor.update(ct) + decryptor.finalize()
                unpadder.update(plain) + unpadder.finalize()
            invalid += 1
        checked += 1
    assert (checked, invalid) == (216, 144)


def test_wycheproof_aes_xts(wycheproof_root):
    checked = 0
    for _group, test in wycheproof_groups(wycheproof_root, "aes_xts_test.json"):
        key = unhex(test["key"])
        if len(key) == 48:
            # AES-192-XTS is not an XTS variant of the reference (nor of IEEE 1619).
            with pytest.raises(ValueError, match=r"Invalid key size \(384\)"):
                algorithms.AES(key)
            continue
        # The file's IVs are little-endian sector numbers, shorter than the tweak.
        tweak = unhex(test["iv"]).ljust(16, b"\x00")
        cipher = Cipher(algorithms.AES(key), modes.XTS(tweak))
        msg, ct = unhex(test["msg"]), unhex(test["ct"])
        assert test["result"] == "valid"
        # One update: OpenSSL treats each XTS update as a whole data unit.
        encryptor, decryptor = cipher.encryptor(), cipher.decryptor()
        assert encryptor.update(msg) + encryptor.finalize() == ct, test["tcId"]
        assert decryptor.update(ct) + decryptor.finalize() == msg
        checked += 1
    assert checked == 82


def test_large_outputs_match_piecewise_results():
    # Outputs from 4 KiB up are written into fresh, unzeroed buffers: each must equal
    # the same result assembled from small pieces.
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    data = bytes(range(256)) * 40 + b"tail"  # 10 244 bytes
    key, iv = b"k" * 32, b"i" * 16
    whole = Cipher(algorithms.AES(key), modes.CTR(iv)).encryptor().update(data)
    pieces = Cipher(algorithms.AES(key), modes.CTR(iv)).encryptor()
    assert whole == b"".join(
        pieces.update(data[i : i + 100]) for i in range(0, len(data), 100)
    )
    gcm = Cipher(algorithms.AES(key), modes.GCM(iv[:12])).encryptor()
    streamed = b"".join(gcm.update(data[i : i + 100]) for i in range(0, len(data), 100))
    streamed += gcm.finalize() + gcm.tag
    sealed = AESGCM(key).encrypt(iv[:12], data, None)
    assert sealed == streamed
    assert AESGCM(key).decrypt(iv[:12], sealed, None) == data


def test_gcm_tag_length_and_length_limits():
    decryptor = Cipher(algorithms.AES(b"0" * 16), modes.GCM(b"0" * 12)).decryptor()
    # Longer than GCM's 16-byte tag: an argument error, not OpenSSL's.
    with pytest.raises(ValueError, match="cannot be more than 16 bytes"):
        decryptor.finalize_with_tag(b"toolong" * 12)
    # The reference's test hooks reach GCM's limits (2**36 - 32 bytes of message, 2**61 - 1
    # of associated data) without the input.
    from cryptography.hazmat.bindings._rust import openssl as rust_openssl

    limit = (1 << 36) - 32
    for make in (
        Cipher(algorithms.AES(b"0" * 16), modes.GCM(b"1" * 12)).encryptor,
        Cipher(algorithms.AES(b"0" * 16), modes.GCM(b"1" * 12)).decryptor,
    ):
        context: typing.Any = make()
        rust_openssl.ciphers._advance(context, limit - 16)
        context.update(b"0" * 16)
        with pytest.raises(ValueError, match="Exceeded maximum encrypted byte limit"):
            context.update(b"0")
        context = make()
        rust_openssl.ciphers._advance_aad(context, (1 << 61) - 1 - 16)
        context.authenticate_additional_data(b"0" * 16)
        with pytest.raises(ValueError, match="Exceeded maximum AAD byte limit"):
            context.authenticate_additional_data(b"0")
