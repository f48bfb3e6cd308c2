from __future__ import annotations

import hashlib
import zlib

import pytest

from cryptography import cobblestone
from cryptography.exceptions import AlreadyFinalized, InvalidTag
from tests.vectors import unhex, wycheproof_groups

CLASSES = {
    "c2sp_chunked_encryption_aes_128_gcm_test.json": (
        cobblestone.Cobblestone128Encryptor,
        cobblestone.Cobblestone128Decryptor,
    ),
    "c2sp_chunked_encryption_aes_256_gcm_test.json": (
        cobblestone.Cobblestone256Encryptor,
        cobblestone.Cobblestone256Decryptor,
    ),
}


def _decrypt(
    decryptor_class, key: bytes, context: bytes, ct: bytes, pieces: int
) -> bytes:
    dec = decryptor_class(key, context)
    step = max(1, -(-len(ct) // pieces))
    out = b"".join(dec.update(ct[i : i + step]) for i in range(0, len(ct), step))
    return out + dec.finalize()


@pytest.mark.parametrize("name", sorted(CLASSES))
def test_wycheproof(wycheproof_root, name):
    encryptor_class, decryptor_class = CLASSES[name]
    checked = 0
    for _group, test in wycheproof_groups(wycheproof_root, name):
        key, context = unhex(test["key"]), unhex(test["ctx"])
        # The ciphertexts are stored zlib-compressed.
        ct = zlib.decompress(unhex(test["ct"]))
        if test["result"] == "valid":
            for pieces in (1, 3):
                message = _decrypt(decryptor_class, key, context, ct, pieces)
                assert len(message) == test["msgLength"], test["tcId"]
                digest = hashlib.sha512(message).hexdigest()
                assert digest.startswith(test["msgSha512"]), test["tcId"]
        else:
            with pytest.raises((InvalidTag, ValueError)):
                _decrypt(decryptor_class, key, context, ct, 1)
        checked += 1
    assert checked > 0


@pytest.mark.parametrize("classes", list(CLASSES.values()))
def test_round_trip_at_chunk_boundaries(classes):
    encryptor_class, decryptor_class = classes
    key = encryptor_class.generate_key()
    for size in (0, 1, 16383, 16384, 16385, 3 * 16384 + 7):
        message = bytes(i % 251 for i in range(size))
        enc = encryptor_class(key, b"context")
        sealed = enc.update(message[:100]) + enc.update(message[100:]) + enc.finalize()
        assert len(sealed) == 56 + (size // 16384 + 1) * 16 + size
        assert _decrypt(decryptor_class, key, b"context", sealed, 4) == message
        with pytest.raises(InvalidTag):
            _decrypt(decryptor_class, key, b"other", sealed, 1)


def test_rules_and_known_lengths():
    key = cobblestone.Cobblestone128Encryptor.generate_key()
    assert len(key) == 16
    assert len(cobblestone.Cobblestone256Encryptor.generate_key()) == 32
    with pytest.raises(ValueError, match="key must be 16 bytes."):
        cobblestone.Cobblestone128Encryptor(b"k" * 15, b"")
    with pytest.raises(ValueError, match="key must be 32 bytes."):
        cobblestone.Cobblestone256Decryptor(b"k" * 16, b"")
    with pytest.raises(TypeError):
        cobblestone.Cobblestone128Encryptor(key, "ctx")  # type: ignore[arg-type]
    enc = cobblestone.Cobblestone128Encryptor(key, b"")
    with pytest.raises(ValueError, match="buffer must be at least 56 bytes"):
        enc.update_into(b"abc", bytearray(10))
    assert enc.update_into(b"abc", bytearray(100)) == 56
    assert len(enc.finalize()) == 19
    with pytest.raises(AlreadyFinalized):
        enc.finalize()
    assert len(cobblestone.Cobblestone128Encryptor(key, b"").finalize()) == 72
    assert (
        len(cobblestone.Cobblestone128Encryptor(key, b"").update(b"a" * 16384)) == 16456
    )
    dec = cobblestone.Cobblestone128Decryptor(key, b"")
    dec.update(b"x" * 10)
    with pytest.raises(InvalidTag):
        dec.finalize()
    with pytest.raises(AlreadyFinalized):
        dec.update(b"")
    # A decryptor given too small a buffer says so and stays usable.
    sealed = cobblestone.Cobblestone128Encryptor(key, b"").finalize() + bytes(16384)
    dec = cobblestone.Cobblestone128Decryptor(key, b"")
    with pytest.raises(ValueError, match=r"buffer must be at least \d+ bytes"):
        dec.update_into(sealed + bytes(16400), bytearray(16383))
    assert dec.update(sealed[:72]) == b""
    assert dec.finalize() == b""
    dec = cobblestone.Cobblestone128Decryptor(key, b"")
    with pytest.raises(InvalidTag):
        dec.update_into(b"a" * 100, bytearray(0))
    with pytest.raises(AlreadyFinalized):
        dec.update(b"")
