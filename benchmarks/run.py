#!/usr/bin/env python3
"""Micro-benchmarks of this package's scope, over the public API only.

Runs unchanged under pyca/cryptography, so the same script measures both sides:

    python benchmarks/run.py [--quick] [--filter a,b] [--out FILE] [--list]

Output is one JSON object (stdout, and FILE with --out) in the form
``../shared/bench/compare.py --script`` reads: ``meta``, ``ns_per_op`` (median ns per
call), ``mb_per_s``, ``rel_spread`` and ``skipped``. ``nox -s bench`` runs it, and with
``-- --compare`` runs compare.py against the reference in a second virtualenv.
"""

from __future__ import annotations

import argparse
import collections
import ctypes
import datetime
import gc
import json
import os
import pathlib
import platform
import statistics
import sys
import threading
import time
import typing

KiB = 1024
MiB = 1024 * KiB
SIZES = (("64B", 64), ("1KiB", KiB), ("1MiB", MiB))

Op = tuple[str, typing.Callable[[], object], typing.Optional[int]]


class Threads:
    """`count` dedicated threads that each run `work` once per call, in step.

    A thread pool can hand two tasks to one worker when another wakes late, which turns
    a call into sequential runs; here each thread always does its own share, so a call
    measures `count` threads working at once (one thread: the same work, on a thread of
    its own, as the baseline of the others).
    """

    def __init__(self, work: typing.Callable[[], object], count: int = 2) -> None:
        self._work = work
        self._start = threading.Barrier(count + 1)
        self._done = threading.Barrier(count + 1)
        for _ in range(count):
            threading.Thread(target=self._loop, daemon=True).start()

    def _loop(self) -> None:
        while True:
            self._start.wait()
            self._work()
            self._done.wait()

    def __call__(self) -> None:
        self._start.wait()
        self._done.wait()


def TwoThreads(work: typing.Callable[[], object]) -> Threads:  # noqa: N802
    return Threads(work, 2)


def measure(fn: typing.Callable[[], object], quick: bool) -> tuple[float, float]:
    """Median ns per call over several timed loops, and the loops' relative spread."""
    budget_ns = 15_000_000 if quick else 60_000_000
    repeats = 5 if quick else 9
    fn()  # warm caches (first-use fetches, imports)
    calls = 1
    while True:
        start = time.perf_counter_ns()
        for _ in range(calls):
            fn()
        elapsed = time.perf_counter_ns() - start
        if elapsed > budget_ns // 10 or calls > 10_000_000:
            break
        calls *= 4
    # Scale the loop so that one timed repeat takes about the budget.
    calls = max(1, calls * budget_ns // max(elapsed, 1))
    samples = []
    for _ in range(repeats):
        gc.collect()
        gc.disable()
        try:
            start = time.perf_counter_ns()
            for _ in range(calls):
                fn()
            samples.append((time.perf_counter_ns() - start) / calls)
        finally:
            gc.enable()
    median = statistics.median(samples)
    return median, (max(samples) - min(samples)) / median


def keep_large_allocations_on_the_heap() -> None:
    """Puts glibc's allocator in the state a long-running process reaches by itself.

    By default glibc serves allocations over 128 KiB with mmap and trims the heap after
    large frees, so every 1 MiB output is page-faulted in afresh (and threads queue on the
    kernel's memory-map lock). After the first large free glibc raises both thresholds on
    its own; setting them up front lets short runs measure that steady state.
    """
    if sys.platform != "linux":
        return
    try:
        libc = ctypes.CDLL("libc.so.6")
    except OSError:
        return
    m_trim_threshold, m_mmap_threshold = -1, -3
    libc.mallopt(m_mmap_threshold, 64 * MiB)
    libc.mallopt(m_trim_threshold, 256 * MiB)


def build_ops(skipped: dict[str, str]) -> list[Op]:
    from cryptography.hazmat.primitives import (
        cmac,
        constant_time,
        hashes,
        hmac,
        padding,
        poly1305,
    )
    from cryptography.hazmat.primitives.ciphers import algorithms

    ops: list[Op] = []
    data = {name: os.urandom(size) for name, size in SIZES}
    key = os.urandom(32)

    def add(
        name: str, fn: typing.Callable[[], object], nbytes: int | None = None
    ) -> None:
        ops.append((name, fn, nbytes))

    # Object construction.
    add("construct.sha256_algorithm", hashes.SHA256)
    sha256 = hashes.SHA256()
    add("construct.hash_context", lambda: hashes.Hash(sha256))
    add("construct.hmac_context", lambda: hmac.HMAC(key, sha256))
    aes_key = algorithms.AES(key[:16])
    add("construct.cmac_context", lambda: cmac.CMAC(aes_key))
    add("construct.poly1305_context", lambda: poly1305.Poly1305(key))

    # Hashes: a fresh algorithm object per call, as applications write it.
    algorithms_by_name: dict[str, typing.Callable[[], hashes.HashAlgorithm]] = {
        "sha256": hashes.SHA256,
        "sha512": hashes.SHA512,
        "sha1": hashes.SHA1,
        "md5": hashes.MD5,
        "sha3_256": hashes.SHA3_256,
        "blake2b": lambda: hashes.BLAKE2b(64),
        "blake2s": lambda: hashes.BLAKE2s(32),
        "shake128": lambda: hashes.SHAKE128(32),
        "sm3": hashes.SM3,
    }
    for alg_name, make in algorithms_by_name.items():
        for size_name, size in SIZES:
            payload = data[size_name]

            def digest(make=make, payload=payload) -> bytes:
                h = hashes.Hash(make())
                h.update(payload)
                return h.finalize()

            add(f"hash.{alg_name}_{size_name}", digest, size)

    def sha256_reused() -> bytes:
        h = hashes.Hash(sha256)
        h.update(data["64B"])
        return h.finalize()

    add("hash.sha256_64B_alg_reused", sha256_reused, 64)
    add(
        "hash.sha256_oneshot_64B",
        lambda: hashes.Hash.hash(sha256, data["64B"]),
        64,
    )

    def sha256_copy() -> bytes:
        h = hashes.Hash(sha256)
        h.update(data["64B"])
        return h.copy().finalize()

    add("hash.sha256_copy_64B", sha256_copy, 64)

    def hmac_copy() -> bytes:
        h = hmac.HMAC(key, sha256)
        h.update(data["64B"])
        return h.copy().finalize()

    add("hmac.sha256_copy_64B", hmac_copy, 64)

    def cmac_copy() -> bytes:
        c = cmac.CMAC(aes_key)
        c.update(data["64B"])
        return c.copy().finalize()

    add("cmac.aes128_copy_64B", cmac_copy, 64)
    add("construct.aes_algorithm", lambda: algorithms.AES(key[:16]))

    try:

        def shake_squeeze() -> bytes:
            x = hashes.XOFHash(hashes.SHAKE128(1024))
            x.update(data["64B"])
            return x.squeeze(1024)

        shake_squeeze()
        add("hash.shake128_xof_squeeze_1KiB", shake_squeeze, KiB)
    except Exception as e:  # XOFHash needs OpenSSL 3.3
        skipped["hash.shake128_xof_squeeze_1KiB"] = f"{type(e).__name__}: {e}"

    # Two threads hashing 1 MiB each: about the time of one when the interpreter is
    # released during the work, about twice that when it is not.
    def sha256_1mib() -> bytes:
        h = hashes.Hash(hashes.SHA256())
        h.update(data["1MiB"])
        return h.finalize()

    add("hash.sha256_1MiB_x2_threads", TwoThreads(sha256_1mib), 2 * MiB)

    # HMAC.
    for alg_name, make in (("sha256", hashes.SHA256), ("sha512", hashes.SHA512)):
        for size_name, size in SIZES:
            payload = data[size_name]

            def mac(make=make, payload=payload) -> bytes:
                h = hmac.HMAC(key, make())
                h.update(payload)
                return h.finalize()

            add(f"hmac.{alg_name}_{size_name}", mac, size)
    tag = hmac.HMAC(key, sha256)
    tag.update(data["64B"])
    expected = tag.finalize()

    def hmac_verify() -> None:
        h = hmac.HMAC(key, hashes.SHA256())
        h.update(data["64B"])
        h.verify(expected)

    add("hmac.sha256_verify_64B", hmac_verify, 64)

    # CMAC and Poly1305.
    for size_name, size in SIZES:
        payload = data[size_name]

        def cmac_aes(payload=payload) -> bytes:
            c = cmac.CMAC(algorithms.AES(key[:16]))
            c.update(payload)
            return c.finalize()

        add(f"cmac.aes128_{size_name}", cmac_aes, size)

        def poly(payload=payload) -> bytes:
            p = poly1305.Poly1305(key)
            p.update(payload)
            return p.finalize()

        add(f"poly1305.{size_name}", poly, size)
    poly_tag = poly1305.Poly1305.generate_tag(key, data["64B"])
    add(
        "poly1305.generate_tag_64B",
        lambda: poly1305.Poly1305.generate_tag(key, data["64B"]),
        64,
    )
    add(
        "poly1305.verify_tag_64B",
        lambda: poly1305.Poly1305.verify_tag(key, data["64B"], poly_tag),
        64,
    )

    # Padding.
    pkcs7 = padding.PKCS7(128)
    for size_name, size in SIZES[:2]:
        payload = data[size_name]
        padded_parts: list[bytes] = []
        padder = pkcs7.padder()
        padded = bytes(padder.update(payload)) + padder.finalize()
        padded_parts.append(padded)

        def pad(payload=payload) -> bytes:
            p = pkcs7.padder()
            return bytes(p.update(payload)) + p.finalize()

        def unpad(padded=padded) -> bytes:
            u = pkcs7.unpadder()
            return u.update(padded) + u.finalize()

        add(f"padding.pkcs7_pad_{size_name}", pad, size)
        add(f"padding.pkcs7_unpad_{size_name}", unpad, size)

    # Fernet.
    from cryptography.fernet import Fernet

    fernet = Fernet(Fernet.generate_key())
    for size_name, payload in (("100B", os.urandom(100)), ("1MiB", data["1MiB"])):
        token = fernet.encrypt(payload)

        def fernet_encrypt(payload: bytes = payload) -> bytes:
            return fernet.encrypt(payload)

        def fernet_decrypt(token: bytes = token) -> bytes:
            return fernet.decrypt(token)

        add(f"fernet.encrypt_{size_name}", fernet_encrypt, len(payload))
        add(f"fernet.decrypt_{size_name}", fernet_decrypt, len(payload))
    from cryptography.fernet import MultiFernet

    message = os.urandom(100)
    retired = Fernet(Fernet.generate_key())
    retired_token = retired.encrypt(message)
    rotating = MultiFernet([fernet, retired])
    add("fernet.multifernet_rotate_100B", lambda: rotating.rotate(retired_token), 100)
    current_token = fernet.encrypt(message)
    add(
        "fernet.extract_timestamp_100B",
        lambda: fernet.extract_timestamp(current_token),
        100,
    )
    fernet_key = Fernet.generate_key()
    current_token_for_key = Fernet(fernet_key).encrypt(message)
    add("fernet.construct", lambda: Fernet(fernet_key))
    # Applications often make a Fernet per message.
    add(
        "fernet.construct_and_decrypt_100B",
        lambda: Fernet(fernet_key).decrypt(current_token_for_key),
        100,
    )

    # Symmetric ciphers through the Cipher API: construction plus one message, and bulk.
    from cryptography.hazmat.primitives.ciphers import Cipher, modes

    iv = os.urandom(16)
    for mode_name, make_mode in (
        ("cbc", lambda: modes.CBC(iv)),
        ("ctr", lambda: modes.CTR(iv)),
        ("gcm", lambda: modes.GCM(iv[:12])),
    ):
        for size_name, size in (("64B", 64), ("1MiB", MiB)):
            payload = data[size_name]

            def encrypt(make_mode=make_mode, payload=payload) -> bytes:
                ctx = Cipher(algorithms.AES(key), make_mode()).encryptor()
                return ctx.update(payload) + ctx.finalize()

            add(f"cipher.aes256_{mode_name}_{size_name}", encrypt, size)
    chacha_nonce = os.urandom(16)

    def chacha20_64b() -> bytes:
        ctx = Cipher(algorithms.ChaCha20(key, chacha_nonce), None).encryptor()
        return ctx.update(data["64B"]) + ctx.finalize()

    add("cipher.chacha20_64B", chacha20_64b, 64)
    cbc_sealed = (
        Cipher(algorithms.AES(key), modes.CBC(iv)).encryptor().update(data["64B"])
    )

    def cbc_decrypt_64b() -> bytes:
        ctx = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
        return ctx.update(cbc_sealed) + ctx.finalize()

    def ecb_64b() -> bytes:
        ctx = Cipher(algorithms.AES(key[:16]), modes.ECB()).encryptor()
        return ctx.update(data["64B"]) + ctx.finalize()

    xts_key = key + bytes(reversed(key))

    def xts_64b() -> bytes:
        ctx = Cipher(algorithms.AES(xts_key), modes.XTS(iv)).encryptor()
        return ctx.update(data["64B"]) + ctx.finalize()

    add("cipher.aes256_cbc_decrypt_64B", cbc_decrypt_64b, 64)
    add("cipher.aes128_ecb_64B", ecb_64b, 64)
    add("cipher.aes256_xts_64B", xts_64b, 64)
    from cryptography.hazmat.decrepit.ciphers import algorithms as decrepit

    for name, make_algorithm, block in (
        ("camellia128_cbc", lambda: decrepit.Camellia(key[:16]), 16),
        ("tripledes_cbc", lambda: decrepit.TripleDES(key[:24]), 8),
    ):

        def decrepit_64b(make_algorithm=make_algorithm, block=block) -> bytes:
            ctx = Cipher(make_algorithm(), modes.CBC(iv[:block])).encryptor()
            return ctx.update(data["64B"]) + ctx.finalize()

        add(f"cipher.{name}_64B", decrepit_64b, 64)
    reused = Cipher(algorithms.AES(key), modes.CTR(iv)).encryptor()
    out = bytearray(MiB + 15)
    add(
        "cipher.aes256_ctr_update_into_1MiB",
        lambda: reused.update_into(data["1MiB"], out),
        MiB,
    )

    # AEADs: one object, a fresh nonce per message (as applications use them).
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM, ChaCha20Poly1305

    nonce12 = os.urandom(12)
    for aead_name, aead in (
        ("aesgcm", AESGCM(key)),
        ("chacha20poly1305", ChaCha20Poly1305(key)),
    ):
        for size_name, size in SIZES:
            payload = data[size_name]
            sealed = aead.encrypt(nonce12, payload, None)

            def seal(aead: typing.Any = aead, payload: bytes = payload) -> bytes:
                return aead.encrypt(nonce12, payload, None)

            def unseal(aead: typing.Any = aead, sealed: bytes = sealed) -> bytes:
                return aead.decrypt(nonce12, sealed, None)

            add(f"aead.{aead_name}_encrypt_{size_name}", seal, size)
            add(f"aead.{aead_name}_decrypt_{size_name}", unseal, size)
    add("aead.aesgcm_construct", lambda: AESGCM(key))
    from cryptography.hazmat.primitives.ciphers.aead import (
        AESCCM,
        AESGCMSIV,
        AESOCB3,
        AESSIV,
    )

    others: list[tuple[str, typing.Any, bytes | None]] = [
        ("aesccm", AESCCM(key[:16]), nonce12),
        ("aesocb3", AESOCB3(key[:16]), nonce12),
        ("aesgcmsiv", AESGCMSIV(key[:16]), nonce12),
    ]
    for aead_name, aead, nonce in others:
        for size_name in ("64B", "1KiB", "1MiB"):
            payload = data[size_name]
            sealed_payload = aead.encrypt(nonce, payload, None)

            def seal_other(
                aead: typing.Any = aead,
                nonce: typing.Any = nonce,
                payload: bytes = payload,
            ) -> bytes:
                return aead.encrypt(nonce, payload, None)

            def open_other(
                aead: typing.Any = aead,
                nonce: typing.Any = nonce,
                sealed: bytes = sealed_payload,
            ) -> bytes:
                return aead.decrypt(nonce, sealed, None)

            add(f"aead.{aead_name}_encrypt_{size_name}", seal_other, len(payload))
            if size_name != "1KiB":
                add(f"aead.{aead_name}_decrypt_{size_name}", open_other, len(payload))
    siv = AESSIV(key)
    siv_items = [b"header", nonce12]
    for size_name in ("64B", "1MiB"):
        payload = data[size_name]
        siv_sealed = siv.encrypt(payload, siv_items)

        def siv_seal(payload: bytes = payload) -> bytes:
            return siv.encrypt(payload, None)

        def siv_seal_items(payload: bytes = payload) -> bytes:
            return siv.encrypt(payload, siv_items)

        def siv_open_items(sealed: bytes = siv_sealed) -> bytes:
            return siv.decrypt(sealed, siv_items)

        add(f"aead.aessiv_encrypt_{size_name}", siv_seal, len(payload))
        add(f"aead.aessiv_encrypt_2ad_{size_name}", siv_seal_items, len(payload))
        add(f"aead.aessiv_decrypt_2ad_{size_name}", siv_open_items, len(payload))
    # XChaCha20Poly1305 is this package's addition: measured here, absent from the
    # reference (which reports it skipped).
    try:
        from cryptography.hazmat.primitives.ciphers.aead import (
            XChaCha20Poly1305,
        )
    except ImportError as e:
        skipped["aead.xchacha20poly1305_encrypt_64B"] = f"{type(e).__name__}: {e}"
    else:
        xchacha = XChaCha20Poly1305(key)
        nonce24 = os.urandom(24)
        add(
            "aead.xchacha20poly1305_encrypt_64B",
            lambda: xchacha.encrypt(nonce24, data["64B"], None),
            64,
        )

    # Cobblestone (chunked encryption).
    from cryptography import cobblestone

    cob_key = cobblestone.Cobblestone128Encryptor.generate_key()
    for size_name in ("64B", "1MiB"):
        payload = data[size_name]
        enc = cobblestone.Cobblestone128Encryptor(cob_key, b"")
        sealed_message = enc.update(payload) + enc.finalize()

        def cob_encrypt(payload: bytes = payload) -> bytes:
            e = cobblestone.Cobblestone128Encryptor(cob_key, b"")
            return e.update(payload) + e.finalize()

        def cob_decrypt(sealed: bytes = sealed_message) -> bytes:
            d = cobblestone.Cobblestone128Decryptor(cob_key, b"")
            return d.update(sealed) + d.finalize()

        add(f"cobblestone.aes128_encrypt_{size_name}", cob_encrypt, len(payload))
        add(f"cobblestone.aes128_decrypt_{size_name}", cob_decrypt, len(payload))

    # Key wrap.
    from cryptography.hazmat.primitives import keywrap

    wrapped = keywrap.aes_key_wrap(key[:16], key)
    add("keywrap.aes_key_wrap_32B", lambda: keywrap.aes_key_wrap(key[:16], key), 32)
    add(
        "keywrap.aes_key_unwrap_32B",
        lambda: keywrap.aes_key_unwrap(key[:16], wrapped),
        32,
    )
    padded_wrapped = keywrap.aes_key_wrap_with_padding(key[:16], key[:20])
    add(
        "keywrap.aes_key_wrap_with_padding_20B",
        lambda: keywrap.aes_key_wrap_with_padding(key[:16], key[:20]),
        20,
    )
    add(
        "keywrap.aes_key_unwrap_with_padding_20B",
        lambda: keywrap.aes_key_unwrap_with_padding(key[:16], padded_wrapped),
        20,
    )
    # One AESGCM object shared by two threads, each encrypting 1 MiB chunks: compare the
    # MB/s of the two ops (one thread vs two). Sixteen chunks per call keep the threads'
    # wake-up latency (tens of microseconds on a busy host) out of the measurement.
    shared = AESGCM(key)
    chunks = 16

    def aesgcm_chunks() -> None:
        for _ in range(chunks):
            shared.encrypt(iv[:12], data["1MiB"], None)

    add("aead.aesgcm_shared_16x1MiB_1_thread", aesgcm_chunks, chunks * MiB)
    add(
        "aead.aesgcm_shared_16x1MiB_x2_threads",
        TwoThreads(aesgcm_chunks),
        2 * chunks * MiB,
    )

    # Key derivation: one object per derivation, as the API requires.
    from cryptography.hazmat.primitives.ciphers import algorithms as cipher_algorithms
    from cryptography.hazmat.primitives.kdf.concatkdf import (
        ConcatKDFHash,
        ConcatKDFHMAC,
    )
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

    sha256 = hashes.SHA256()
    ikm, salt16 = os.urandom(32), os.urandom(16)
    add(
        "kdf.hkdf_sha256_32B",
        lambda: HKDF(sha256, 32, salt16, b"info").derive(ikm),
        32,
    )
    add(
        "kdf.hkdf_expand_sha256_32B",
        lambda: HKDFExpand(sha256, 32, b"info").derive(ikm),
        32,
    )
    add(
        "kdf.hkdf_sha256_1KiB", lambda: HKDF(sha256, KiB, salt16, None).derive(ikm), KiB
    )
    add("kdf.x963_sha256_32B", lambda: X963KDF(sha256, 32, b"info").derive(ikm), 32)
    add(
        "kdf.concatkdf_hash_sha256_32B",
        lambda: ConcatKDFHash(sha256, 32, b"info").derive(ikm),
        32,
    )
    add(
        "kdf.concatkdf_hmac_sha256_32B",
        lambda: ConcatKDFHMAC(sha256, 32, salt16, b"info").derive(ikm),
        32,
    )
    ctr, before = Mode.CounterMode, CounterLocation.BeforeFixed
    add(
        "kdf.kbkdf_hmac_sha256_32B",
        lambda: KBKDFHMAC(sha256, ctr, 32, 4, 4, before, b"l", b"c", None).derive(ikm),
        32,
    )
    add(
        "kdf.kbkdf_cmac_aes128_32B",
        lambda: KBKDFCMAC(
            cipher_algorithms.AES, ctr, 32, 4, 4, before, b"l", b"c", None
        ).derive(ikm[:16]),
        32,
    )
    add(
        "kdf.pbkdf2_sha256_10000_iterations",
        lambda: PBKDF2HMAC(sha256, 32, salt16, 10_000).derive(b"password"),
        32,
    )

    def scrypt_16mib() -> bytes:
        return Scrypt(salt16, 32, 16384, 8, 1).derive(b"password")

    add("kdf.scrypt_n16384_r8_p1", scrypt_16mib, 32)
    # Two threads each running the same scrypt: about the time of one when the
    # interpreter is released during the work.
    add("kdf.scrypt_n16384_r8_p1_x2_threads", TwoThreads(scrypt_16mib), 64)
    # Argon2id: a small single-lane cost, and RFC 9106's recommended shape (4 lanes over
    # 64 MiB), which OpenSSL can fill on a thread per lane.
    argon2_cases = {
        "kdf.argon2id_m4096_t2_p1": (2, 1, 4096),
        "kdf.argon2id_m65536_t1_p4": (1, 4, 65536),
    }
    try:
        from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

        Argon2id(salt=salt16, length=32, iterations=1, lanes=1, memory_cost=8)
    except Exception as e:  # Argon2 needs OpenSSL 3.2
        for name in argon2_cases:
            skipped[name] = f"{type(e).__name__}: {e}"
    else:
        for name, (iterations, lanes, memory_cost) in argon2_cases.items():

            def argon2(
                t: int = iterations, p: int = lanes, m: int = memory_cost
            ) -> bytes:
                return Argon2id(
                    salt=salt16, length=32, iterations=t, lanes=p, memory_cost=m
                ).derive(b"password")

            add(name, argon2, 32)

    add_asymmetric(add, data["64B"])
    add_rsa_loading(add, skipped)
    add_thread_mixes(add, data)
    add_x509(add, skipped)
    add_pkcs12(add, skipped)
    add_pkcs7_and_ocsp(add, skipped)
    add_dh(add, skipped)
    add_ssh(add, skipped)
    add_declarative_asn1(add, skipped)
    add_hpke(add, skipped)

    # One-time passwords.
    from cryptography.hazmat.primitives.twofactor.hotp import HOTP
    from cryptography.hazmat.primitives.twofactor.totp import TOTP

    hotp = HOTP(os.urandom(20), 6, hashes.SHA1())
    totp = TOTP(os.urandom(20), 8, hashes.SHA256(), 30)
    code = hotp.generate(1234)
    totp_code = totp.generate(1_700_000_000)
    add("twofactor.hotp_generate", lambda: hotp.generate(1234))
    add("twofactor.hotp_verify", lambda: hotp.verify(code, 1234))
    add("twofactor.totp_generate", lambda: totp.generate(1_700_000_000))
    add("twofactor.totp_verify", lambda: totp.verify(totp_code, 1_700_000_000))

    a, b = os.urandom(32), os.urandom(32)
    add("constant_time.bytes_eq_32B", lambda: constant_time.bytes_eq(a, b), 32)
    return ops


def distinct_rsa_pems(count: int) -> list[bytes]:
    """`count` different valid RSA-2048 private keys as PKCS#8 PEM, made cheaply: one
    pair of primes with `count` public exponents. Every key's integers differ, so loading
    one is a first load, and its check (two primality tests, the CRT arithmetic) costs
    what any 2048-bit key's does."""
    import math

    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    base = rsa.generate_private_key(65537, 2048).private_numbers()
    p, q = base.p, base.q
    carmichael = math.lcm(p - 1, q - 1)
    pems: list[bytes] = []
    e = 65537
    while len(pems) < count:
        e += 2
        if math.gcd(e, carmichael) != 1:
            continue
        d = pow(e, -1, carmichael)
        numbers = rsa.RSAPrivateNumbers(
            p,
            q,
            d,
            d % (p - 1),
            d % (q - 1),
            pow(q, -1, p),
            rsa.RSAPublicNumbers(e, p * q),
        )
        key = numbers.private_key(unsafe_skip_rsa_key_validation=True)
        pems.append(
            key.private_bytes(
                serialization.Encoding.PEM,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            )
        )
    return pems


def add_rsa_loading(add: typing.Callable[..., None], skipped: dict[str, str]) -> None:
    """Loading RSA private keys: keys never loaded before (a pool larger than any memo
    of validated keys, cycled), and PyJWT signing with a PEM string, which loads the
    key for every token."""
    import itertools

    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import padding, rsa

    pool = itertools.cycle(distinct_rsa_pems(320))
    add(
        "keys.load_pem_rsa2048_pkcs8_first",
        lambda: serialization.load_pem_private_key(next(pool), None),
    )
    key = rsa.generate_private_key(65537, 2048)
    pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode()
    # What PyJWT does for each token it signs with a PEM string (load, then RS256 over
    # the encoded header and claims), without PyJWT.
    signing_input = b"eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9." + b"e" * 80
    pkcs1v15, sha256 = padding.PKCS1v15(), hashes.SHA256()

    def sign_with_pem() -> bytes:
        loaded = serialization.load_pem_private_key(pem.encode(), None)
        assert isinstance(loaded, rsa.RSAPrivateKey)
        return loaded.sign(signing_input, pkcs1v15, sha256)

    add("keys.rs256_sign_with_pem", sign_with_pem)
    try:
        import jwt
    except ImportError as e:
        for name in ("jwt.encode_rs256_pem", "jwt.encode_rs256_key"):
            skipped[name] = f"{type(e).__name__}: {e}"
        return
    claims = {"sub": "1234567890", "name": "Jane Doe", "iat": 1_700_000_000}
    add("jwt.encode_rs256_pem", lambda: jwt.encode(claims, pem, algorithm="RS256"))
    add("jwt.encode_rs256_key", lambda: jwt.encode(claims, key, algorithm="RS256"))


def add_x509(add: typing.Callable[..., None], skipped: dict[str, str]) -> None:
    """X.509 at scale: a CRL of 10,000 entries (loading, and looking up a present and an
    absent serial, which should not walk the list), a certificate whose SAN holds 100
    names, and building and signing a leaf. Inputs are built here with Ed25519, whose
    signatures are deterministic, so both implementations read the same bytes."""
    try:
        from cryptography import x509
    except ImportError as e:
        skipped["x509.*"] = f"{type(e).__name__}: {e}"
        return
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ed25519
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    key = ed25519.Ed25519PrivateKey.from_private_bytes(b"\x07" * 32)
    issuer = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Bench CRL Issuer")])
    start = datetime.datetime(2025, 1, 1, tzinfo=datetime.timezone.utc)
    der = serialization.Encoding.DER

    # Serials spread over 64 bits, as issued serials are; every seventh is looked up.
    serials = [(n * 0x9E3779B97F4A7C15) % 2**63 + 1 for n in range(1, 10_001)]
    crl_builder = (
        x509.CertificateRevocationListBuilder()
        .issuer_name(issuer)
        .last_update(start)
        .next_update(start + datetime.timedelta(days=7))
    )
    for serial in serials:
        crl_builder = crl_builder.add_revoked_certificate(
            x509.RevokedCertificateBuilder()
            .serial_number(serial)
            .revocation_date(start)
            .build()
        )
    crl_der = crl_builder.sign(key, None).public_bytes(der)
    crl = x509.load_der_x509_crl(crl_der)
    present, absent = serials[7_001], 2**63 + 5
    lookup = crl.get_revoked_certificate_by_serial_number
    assert lookup(present) is not None and lookup(absent) is None
    add("x509.crl_10k_load", lambda: x509.load_der_x509_crl(crl_der))
    add("x509.crl_10k_lookup_present", lambda: lookup(present))
    add("x509.crl_10k_lookup_absent", lambda: lookup(absent))
    # A fresh list and one lookup: what a one-shot revocation check pays.
    add(
        "x509.crl_10k_load+lookup",
        lambda: x509.load_der_x509_crl(
            crl_der
        ).get_revoked_certificate_by_serial_number(present),
    )

    def leaf(names: typing.Sequence[x509.GeneralName]) -> x509.Certificate:
        subject = x509.Name(
            [x509.NameAttribute(NameOID.COMMON_NAME, "www.example.com")]
        )
        return (
            x509.CertificateBuilder()
            .subject_name(subject)
            .issuer_name(issuer)
            .public_key(key.public_key())
            .serial_number(0x1234_5678_9ABC_DEF0)
            .not_valid_before(start)
            .not_valid_after(start + datetime.timedelta(days=90))
            .add_extension(x509.SubjectAlternativeName(names), critical=False)
            .add_extension(
                x509.BasicConstraints(ca=False, path_length=None), critical=True
            )
            .add_extension(
                x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False
            )
            .sign(key, None)
        )

    san_der = leaf(
        [x509.DNSName(f"host{n}.example.com") for n in range(100)]
    ).public_bytes(der)
    san = x509.SubjectAlternativeName

    def read_san() -> list[str]:
        cert = x509.load_der_x509_certificate(san_der)
        names = cert.extensions.get_extension_for_class(san).value
        return names.get_values_for_type(x509.DNSName)

    assert len(read_san()) == 100
    add("x509.san_100_names_load+read", read_san)
    few = [x509.DNSName("www.example.com"), x509.DNSName("example.com")]
    add("x509.leaf_build+sign_ed25519", lambda: leaf(few))


def add_pkcs12(add: typing.Callable[..., None], skipped: dict[str, str]) -> None:
    """PKCS #12 with a key, its certificate and two CAs (cryptography-vectors' files):
    loading one under a password, and writing one with the default password encryption
    and without any (the KDF rounds dominate the first)."""
    try:
        from cryptography.hazmat.primitives.serialization import pkcs12
    except ImportError as e:
        skipped["pkcs12.*"] = f"{type(e).__name__}: {e}"
        return
    import cryptography_vectors

    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ec

    root = pathlib.Path(cryptography_vectors.__file__).parent
    p12 = (root / "pkcs12" / "name-all-pwd.p12").read_bytes()
    loaded = pkcs12.load_pkcs12(p12, b"password")
    assert loaded.cert is not None and len(loaded.additional_certs) == 2
    cas = [other.certificate for other in loaded.additional_certs]
    key, cert = loaded.key, loaded.cert.certificate
    assert isinstance(key, ec.EllipticCurvePrivateKey)
    add("pkcs12.load_key+cert+2cas", lambda: pkcs12.load_pkcs12(p12, b"password"))
    best = serialization.BestAvailableEncryption(b"password")
    add(
        "pkcs12.serialize_key+cert+2cas_encrypted",
        lambda: pkcs12.serialize_key_and_certificates(b"name", key, cert, cas, best),
    )
    none = serialization.NoEncryption()
    add(
        "pkcs12.serialize_key+cert+2cas_plain",
        lambda: pkcs12.serialize_key_and_certificates(b"name", key, cert, cas, none),
    )


def add_ssh(add: typing.Callable[..., None], skipped: dict[str, str]) -> None:
    """OpenSSH keys and certificates (cryptography-vectors' ssh-keygen files): loading
    private keys (the encrypted one runs OpenSSH's default 16 bcrypt_pbkdf rounds; the
    reference needs the bcrypt package for it), a public key line, a certificate with
    its signature check, and writing a private key file."""
    try:
        from cryptography.hazmat.primitives.serialization import ssh
    except ImportError as e:
        skipped["ssh.*"] = f"{type(e).__name__}: {e}"
        return
    import cryptography_vectors

    from cryptography.hazmat.primitives import serialization

    root = pathlib.Path(cryptography_vectors.__file__).parent / "asymmetric" / "OpenSSH"
    files = {
        name: (root / name).read_bytes() for name in os.listdir(root) if "." in name
    }
    for kind in ("ed25519", "rsa", "ecdsa"):
        data = files[f"{kind}-nopsw.key"]
        add(
            f"ssh.load_private_{kind}",
            lambda data=data: ssh.load_ssh_private_key(data, None),
        )
    encrypted = files["ed25519-psw.key"]
    add(
        "ssh.load_private_ed25519_bcrypt16",
        lambda: ssh.load_ssh_private_key(encrypted, b"password"),
    )
    public = files["ed25519-nopsw.key.pub"]
    add("ssh.load_public_ed25519", lambda: ssh.load_ssh_public_key(public))
    for kind in ("ed25519", "rsa"):
        line = files[f"{kind}-nopsw.key-cert.pub"]

        def load_and_verify(line: bytes = line) -> None:
            cert = ssh.load_ssh_public_identity(line)
            assert isinstance(cert, ssh.SSHCertificate)
            cert.verify_cert_signature()

        add(f"ssh.cert_load+verify_{kind}", load_and_verify)
    key = ssh.load_ssh_private_key(files["ed25519-nopsw.key"], None)
    add(
        "ssh.private_bytes_ed25519",
        lambda: key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.OpenSSH,
            serialization.NoEncryption(),
        ),
    )


def add_declarative_asn1(
    add: typing.Callable[..., None], skipped: dict[str, str]
) -> None:
    """Structures declared with `cryptography.hazmat.asn1`: a small SEQUENCE (an
    INTEGER, a UTF8String, an OID and an OPTIONAL field, present) and a SEQUENCE OF 100
    of them, decoded and encoded."""
    try:
        from cryptography.hazmat import asn1
    except ImportError as e:
        skipped["asn1.*"] = f"{type(e).__name__}: {e}"
        return
    from cryptography import x509

    # Annotations given as objects: this file's are strings (`from __future__ import
    # annotations`), which cannot name the function's locals.
    @asn1.sequence
    class Record:
        __annotations__ = {  # noqa: RUF012
            "serial": int,
            "label": str,
            "kind": x509.ObjectIdentifier,
            "note": typing.Optional[bytes],
        }

    @asn1.sequence
    class Records:
        __annotations__ = {"items": list[Record]}  # noqa: RUF012

    def record(i: int) -> typing.Any:
        return Record(  # type: ignore[call-arg]
            serial=1000 + i,
            label=f"record {i}",
            kind=x509.ObjectIdentifier("1.3.6.1.5.5.7.3.1"),
            note=b"note",
        )

    one = record(1)
    hundred = Records(items=[record(i) for i in range(100)])  # type: ignore[call-arg]
    one_der = asn1.encode_der(one)
    hundred_der = asn1.encode_der(hundred)
    add("asn1.decode_sequence", lambda: asn1.decode_der(Record, one_der))
    add("asn1.encode_sequence", lambda: asn1.encode_der(one))
    add("asn1.decode_sequence_of_100", lambda: asn1.decode_der(Records, hundred_der))
    add("asn1.encode_sequence_of_100", lambda: asn1.encode_der(hundred))


def add_hpke(add: typing.Callable[..., None], skipped: dict[str, str]) -> None:
    """HPKE with X25519, HKDF-SHA256 and AES-128-GCM: single-shot encryption and
    decryption of 100 bytes (the reference's API), and 100-byte messages sealed and
    opened in one context (this package's addition; the reference skips them)."""
    try:
        from cryptography.hazmat.primitives import hpke
    except ImportError as e:
        skipped["hpke.*"] = f"{type(e).__name__}: {e}"
        return
    from cryptography.hazmat.primitives.asymmetric import x25519

    suite = hpke.Suite(hpke.KEM.X25519, hpke.KDF.HKDF_SHA256, hpke.AEAD.AES_128_GCM)
    key = x25519.X25519PrivateKey.generate()
    public = key.public_key()
    message = b"m" * 100
    ciphertext = suite.encrypt(message, public, info=b"bench")
    add(
        "hpke.x25519_aes128gcm.encrypt_100B",
        lambda: suite.encrypt(message, public, b"bench"),
    )
    add(
        "hpke.x25519_aes128gcm.decrypt_100B",
        lambda: suite.decrypt(ciphertext, key, b"bench"),
    )
    if not hasattr(suite, "sender_context"):
        skipped["hpke.x25519_aes128gcm.context_*"] = (
            "contexts are this package's addition"
        )
        return
    sender = suite.sender_context(public, b"bench")
    # Sealing advances the sequence number, so each call seals a new message; the
    # recipient opens one sealed at each of its sequence numbers in turn.
    add("hpke.x25519_aes128gcm.context_seal_100B", lambda: sender.seal(message))
    opener_sender = suite.sender_context(public, b"bench")
    recipient = suite.recipient_context(opener_sender.encapsulated_key, key, b"bench")
    sealed = collections.deque(opener_sender.seal(message) for _ in range(1 << 16))

    def context_open() -> bytes:
        if not sealed:
            sealed.extend(opener_sender.seal(message) for _ in range(1 << 16))
        return recipient.open(sealed.popleft())

    add("hpke.x25519_aes128gcm.context_open_100B", context_open)


def add_dh(add: typing.Callable[..., None], skipped: dict[str, str]) -> None:
    """Finite-field DH: the exchange in RFC 3526's 2048-bit MODP group, and loading a
    PKCS #8 key in RFC 5114's 2048-bit group with q (cryptography-vectors), where the
    group check dominates. Both warn (FFDH is deprecated); the warning is silenced."""
    import warnings

    warnings.filterwarnings("ignore", message="Diffie-Hellman over finite fields")
    try:
        from cryptography.hazmat.primitives.asymmetric import dh
    except ImportError as e:
        skipped["dh.*"] = f"{type(e).__name__}: {e}"
        return
    import cryptography_vectors

    from cryptography.hazmat.primitives import serialization

    root = pathlib.Path(cryptography_vectors.__file__).parent
    modp2048 = int(
        "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B2251"
        "4A08798E3404DDEF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C"
        "42E9A637ED6B0BFF5CB6F406B7EDEE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007C"
        "B8A163BF0598DA48361C55D39A69163FA8FD24CF5F83655D23DCA3AD961C62F356208552BB9ED52907"
        "7096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3BE39E772C180E86039B2783A2EC"
        "07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA051015728E5A8AAC"
        "AA68FFFFFFFFFFFFFFFF",
        16,
    )
    group = dh.DHParameterNumbers(modp2048, 2).parameters()
    one, two = group.generate_private_key(), group.generate_private_key()
    peer = two.public_key()
    add("dh2048.exchange", lambda: one.exchange(peer))
    pem = (root / "asymmetric" / "DH" / "dhkey_rfc5114_2.pem").read_bytes()
    add(
        "dh2048.load_pem_pkcs8_x942",
        lambda: serialization.load_pem_private_key(pem, None),
    )


def add_pkcs7_and_ocsp(
    add: typing.Callable[..., None], skipped: dict[str, str]
) -> None:
    """PKCS #7 signing (a P-256 signer with the default attributes, as DER; an RSA-2048
    signer detached as S/MIME) and an OCSP response (cryptography-vectors'
    resp-sha256.der) loaded and its fields read."""
    try:
        from cryptography.hazmat.primitives.serialization import pkcs7
        from cryptography.x509 import ocsp
    except ImportError as e:
        skipped["pkcs7.*, ocsp.*"] = f"{type(e).__name__}: {e}"
        return
    import cryptography_vectors

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec, rsa

    root = pathlib.Path(cryptography_vectors.__file__).parent
    ca = root / "x509" / "custom" / "ca"
    ec_key = serialization.load_pem_private_key((ca / "ca_key.pem").read_bytes(), None)
    ec_cert = x509.load_pem_x509_certificate((ca / "ca.pem").read_bytes())
    rsa_key = serialization.load_pem_private_key(
        (ca / "rsa_key.pem").read_bytes(), None, unsafe_skip_rsa_key_validation=True
    )
    rsa_cert = x509.load_pem_x509_certificate((ca / "rsa_ca.pem").read_bytes())
    assert isinstance(ec_key, ec.EllipticCurvePrivateKey)
    assert isinstance(rsa_key, rsa.RSAPrivateKey)
    message = b"hello world\n" * 8
    der = serialization.Encoding.DER
    smime = serialization.Encoding.SMIME

    def sign_ec() -> bytes:
        return (
            pkcs7.PKCS7SignatureBuilder()
            .set_data(message)
            .add_signer(ec_cert, ec_key, hashes.SHA256())
            .sign(der, [])
        )

    def sign_rsa_smime() -> bytes:
        return (
            pkcs7.PKCS7SignatureBuilder()
            .set_data(message)
            .add_signer(rsa_cert, rsa_key, hashes.SHA256())
            .sign(smime, [pkcs7.PKCS7Options.DetachedSignature])
        )

    add("pkcs7.sign_p256_der", sign_ec)
    add("pkcs7.sign_rsa4096_smime_detached", sign_rsa_smime)

    response_der = (root / "x509" / "ocsp" / "resp-sha256.der").read_bytes()

    def ocsp_read() -> object:
        response = ocsp.load_der_ocsp_response(response_der)
        return (
            response.response_status,
            response.certificate_status,
            response.serial_number,
            response.this_update_utc,
            response.next_update_utc,
            response.produced_at_utc,
            response.responder_name,
            response.signature_hash_algorithm,
            response.issuer_key_hash,
            list(response.extensions),
        )

    ocsp_read()
    add("ocsp.load_response+read_fields", ocsp_read)


def add_thread_mixes(add: typing.Callable[..., None], data: dict[str, bytes]) -> None:
    """Rounds of mixed work on 1, 2 and 4 threads at once (one round per thread per
    call): how far the package lets threads run in parallel. Rounds per second on n
    threads is n / (ns per call)."""
    from cryptography.fernet import Fernet
    from cryptography.hazmat.primitives import hashes, hmac
    from cryptography.hazmat.primitives.asymmetric import ec, ed25519, padding, rsa
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    message = data["64B"]
    sha256 = hashes.SHA256()
    rsa_key = rsa.generate_private_key(65537, 2048)
    pkcs1v15 = padding.PKCS1v15()
    ed = ed25519.Ed25519PrivateKey.generate()
    ed_public = ed.public_key()
    ed_signature = ed.sign(message)
    p256 = ec.generate_private_key(ec.SECP256R1())
    ecdsa = ec.ECDSA(sha256)
    fernet = Fernet(Fernet.generate_key())
    aead = AESGCM(AESGCM.generate_key(bit_length=128))
    nonce = b"\x00" * 12
    mac_key = b"k" * 32

    def native_round() -> None:
        # Work that is almost all native: what releasing the interpreter can scale.
        rsa_key.sign(message, pkcs1v15, sha256)
        ed.sign(message)
        ed_public.verify(ed_signature, message)
        p256.sign(message, ecdsa)
        fernet.encrypt(data["1MiB"])

    def mixed_round() -> None:
        # Many short calls (AEAD, HMAC, hashes of 64 bytes) among signatures.
        for _ in range(20):
            aead.encrypt(nonce, message, None)
            tag = hmac.HMAC(mac_key, sha256)
            tag.update(message)
            tag.finalize()
            digest = hashes.Hash(sha256)
            digest.update(message)
            digest.finalize()
        rsa_key.sign(message, pkcs1v15, sha256)
        ed.sign(message)
        p256.sign(message, ecdsa)

    for count in (1, 2, 4):
        add(f"threads.native_mix_{count}_threads", Threads(native_round, count))
        add(f"threads.mixed_{count}_threads", Threads(mixed_round, count))


def add_asymmetric(add: typing.Callable[..., None], message: bytes) -> None:
    """Keys: signatures, encryption, key agreement, generation, loading and
    serialization. Keys are fixed (RSA-2048 is generated once) so that every round
    measures the same work."""
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import (
        dsa,
        ec,
        ed448,
        ed25519,
        padding,
        rsa,
        x448,
        x25519,
    )

    enc, priv, pub = (
        serialization.Encoding,
        serialization.PrivateFormat,
        serialization.PublicFormat,
    )
    none = serialization.NoEncryption()
    sha256 = hashes.SHA256()

    rsa_key = rsa.generate_private_key(65537, 2048)
    rsa_public = rsa_key.public_key()
    pkcs1v15 = padding.PKCS1v15()
    pss = padding.PSS(padding.MGF1(sha256), padding.PSS.DIGEST_LENGTH)
    oaep = padding.OAEP(padding.MGF1(sha256), sha256, None)
    pkcs1_signature = rsa_key.sign(message, pkcs1v15, sha256)
    pss_signature = rsa_key.sign(message, pss, sha256)
    oaep_ciphertext = rsa_public.encrypt(b"k" * 32, oaep)
    pkcs1_ciphertext = rsa_public.encrypt(b"k" * 32, pkcs1v15)
    add("rsa.sign_pkcs1v15_2048", lambda: rsa_key.sign(message, pkcs1v15, sha256))
    add("rsa.sign_pss_2048", lambda: rsa_key.sign(message, pss, sha256))
    add(
        "rsa.verify_pkcs1v15_2048",
        lambda: rsa_public.verify(pkcs1_signature, message, pkcs1v15, sha256),
    )
    add(
        "rsa.verify_pss_2048",
        lambda: rsa_public.verify(pss_signature, message, pss, sha256),
    )
    add("rsa.encrypt_oaep_2048", lambda: rsa_public.encrypt(b"k" * 32, oaep))
    add("rsa.decrypt_oaep_2048", lambda: rsa_key.decrypt(oaep_ciphertext, oaep))
    add(
        "rsa.decrypt_pkcs1v15_2048", lambda: rsa_key.decrypt(pkcs1_ciphertext, pkcs1v15)
    )
    add("rsa.private_numbers", rsa_key.private_numbers)
    public_numbers = rsa_public.public_numbers()
    add("rsa.public_key_from_numbers", public_numbers.public_key)
    # A key made for one verification (a JWT's key from its JWK numbers, say).
    add(
        "rsa.verify_pkcs1v15_2048_fresh_key",
        lambda: public_numbers.public_key().verify(
            pkcs1_signature, message, pkcs1v15, sha256
        ),
    )

    p256 = ec.derive_private_key(0x1234567890ABCDEF << 64, ec.SECP256R1())
    p384 = ec.derive_private_key(0xFEDCBA0987654321 << 64, ec.SECP384R1())
    p256_public, p384_public = p256.public_key(), p384.public_key()
    ecdsa = ec.ECDSA(sha256)
    ecdsa384 = ec.ECDSA(hashes.SHA384())
    p256_signature = p256.sign(message, ecdsa)
    p384_signature = p384.sign(message, ecdsa384)
    peer256 = ec.generate_private_key(ec.SECP256R1()).public_key()
    add("ec.generate_p256", lambda: ec.generate_private_key(ec.SECP256R1()))
    add("ec.sign_p256", lambda: p256.sign(message, ecdsa))
    add(
        "ec.sign_p256_deterministic", lambda: p256.sign(message, ec.ECDSA(sha256, True))
    )
    add("ec.verify_p256", lambda: p256_public.verify(p256_signature, message, ecdsa))
    add("ec.sign_p384", lambda: p384.sign(message, ecdsa384))
    add("ec.verify_p384", lambda: p384_public.verify(p384_signature, message, ecdsa384))
    add("ec.ecdh_p256", lambda: p256.exchange(ec.ECDH(), peer256))
    point = p256_public.public_bytes(enc.X962, pub.CompressedPoint)
    add(
        "ec.from_encoded_point_p256",
        lambda: ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), point),
    )
    add(
        "ec.derive_private_key_p256",
        lambda: ec.derive_private_key(12345, ec.SECP256R1()),
    )

    # DSA-2048 (256-bit q); the parameters are generated once per run.
    dsa_key = dsa.generate_private_key(2048)
    dsa_public = dsa_key.public_key()
    dsa_signature = dsa_key.sign(message, sha256)
    dsa_numbers = dsa_key.private_numbers()
    add("dsa.sign_2048", lambda: dsa_key.sign(message, sha256))
    add("dsa.verify_2048", lambda: dsa_public.verify(dsa_signature, message, sha256))
    add("dsa.private_key_from_numbers", dsa_numbers.private_key)
    add("dsa.private_numbers", dsa_key.private_numbers)
    dsa_public_numbers = dsa_public.public_numbers()
    add(
        "dsa.verify_2048_fresh_key",
        lambda: dsa_public_numbers.public_key().verify(dsa_signature, message, sha256),
    )

    ed = ed25519.Ed25519PrivateKey.from_private_bytes(b"e" * 32)
    ed_public = ed.public_key()
    ed_signature = ed.sign(message)
    ed4 = ed448.Ed448PrivateKey.from_private_bytes(b"e" * 57)
    ed4_public = ed4.public_key()
    ed4_signature = ed4.sign(message)
    add("ed25519.generate", ed25519.Ed25519PrivateKey.generate)
    add("ed25519.sign", lambda: ed.sign(message))
    add("ed25519.verify", lambda: ed_public.verify(ed_signature, message))
    add("ed448.sign", lambda: ed4.sign(message))
    add("ed448.verify", lambda: ed4_public.verify(ed4_signature, message))
    xk = x25519.X25519PrivateKey.from_private_bytes(b"x" * 32)
    x_peer = x25519.X25519PrivateKey.generate().public_key()
    x4 = x448.X448PrivateKey.from_private_bytes(b"x" * 56)
    x4_peer = x448.X448PrivateKey.generate().public_key()
    add("x25519.generate", x25519.X25519PrivateKey.generate)
    add("x25519.exchange", lambda: xk.exchange(x_peer))
    add("x448.exchange", lambda: x4.exchange(x4_peer))
    raw = x_peer.public_bytes_raw()
    add(
        "x25519.from_public_bytes",
        lambda: x25519.X25519PublicKey.from_public_bytes(raw),
    )
    ed_raw = ed_public.public_bytes_raw()
    add(
        "ed25519.from_public_bytes",
        lambda: ed25519.Ed25519PublicKey.from_public_bytes(ed_raw),
    )
    # A key read and used at once, as a token verifier reading a key from a JWKS does.
    add(
        "ed25519.from_public_bytes_and_verify",
        lambda: ed25519.Ed25519PublicKey.from_public_bytes(ed_raw).verify(
            ed_signature, message
        ),
    )

    # Loading and serializing.
    rsa_pem = rsa_key.private_bytes(enc.PEM, priv.PKCS8, none)
    rsa_der = rsa_key.private_bytes(enc.DER, priv.TraditionalOpenSSL, none)
    rsa_spki_pem = rsa_public.public_bytes(enc.PEM, pub.SubjectPublicKeyInfo)
    p256_pem = p256.private_bytes(enc.PEM, priv.PKCS8, none)
    p256_spki_der = p256_public.public_bytes(enc.DER, pub.SubjectPublicKeyInfo)
    ed_pem = ed.private_bytes(enc.PEM, priv.PKCS8, none)
    encrypted = p256.private_bytes(
        enc.PEM, priv.PKCS8, serialization.BestAvailableEncryption(b"password")
    )
    load_pem, load_der = (
        serialization.load_pem_private_key,
        serialization.load_der_private_key,
    )
    # The same key every time, as a program that loads its signing key per request does
    # (keys.load_pem_rsa2048_pkcs8_first loads a different key each time).
    add("keys.load_pem_rsa2048_pkcs8", lambda: load_pem(rsa_pem, None))
    add("keys.load_der_rsa2048_pkcs1", lambda: load_der(rsa_der, None))
    add(
        "keys.load_pem_rsa2048_unvalidated",
        lambda: load_pem(rsa_pem, None, unsafe_skip_rsa_key_validation=True),
    )
    add("keys.load_pem_p256_pkcs8", lambda: load_pem(p256_pem, None))
    add("keys.load_pem_ed25519_pkcs8", lambda: load_pem(ed_pem, None))
    add("keys.load_pem_p256_encrypted", lambda: load_pem(encrypted, b"password"))
    add(
        "keys.load_pem_rsa2048_spki",
        lambda: serialization.load_pem_public_key(rsa_spki_pem),
    )
    add(
        "keys.load_der_p256_spki",
        lambda: serialization.load_der_public_key(p256_spki_der),
    )
    dsa_pem = dsa_key.private_bytes(enc.PEM, priv.PKCS8, none)
    dsa_der = dsa_key.private_bytes(enc.DER, priv.TraditionalOpenSSL, none)
    dsa_spki_der = dsa_public.public_bytes(enc.DER, pub.SubjectPublicKeyInfo)
    add("keys.load_pem_dsa2048_pkcs8", lambda: load_pem(dsa_pem, None))
    add("keys.load_der_dsa2048_traditional", lambda: load_der(dsa_der, None))
    add(
        "keys.load_der_dsa2048_spki",
        lambda: serialization.load_der_public_key(dsa_spki_der),
    )
    add(
        "keys.dsa2048_private_bytes_pkcs8_pem",
        lambda: dsa_key.private_bytes(enc.PEM, priv.PKCS8, none),
    )
    add(
        "keys.dsa2048_public_bytes_spki_der",
        lambda: dsa_public.public_bytes(enc.DER, pub.SubjectPublicKeyInfo),
    )
    add(
        "keys.rsa2048_private_bytes_pkcs8_pem",
        lambda: rsa_key.private_bytes(enc.PEM, priv.PKCS8, none),
    )
    add(
        "keys.rsa2048_private_bytes_traditional_der",
        lambda: rsa_key.private_bytes(enc.DER, priv.TraditionalOpenSSL, none),
    )
    add(
        "keys.rsa2048_public_bytes_spki_pem",
        lambda: rsa_public.public_bytes(enc.PEM, pub.SubjectPublicKeyInfo),
    )
    add(
        "keys.rsa2048_public_bytes_pkcs1_der",
        lambda: rsa_public.public_bytes(enc.DER, pub.PKCS1),
    )
    add(
        "keys.p256_private_bytes_pkcs8_pem",
        lambda: p256.private_bytes(enc.PEM, priv.PKCS8, none),
    )
    add(
        "keys.p256_private_bytes_encrypted",
        lambda: p256.private_bytes(
            enc.PEM, priv.PKCS8, serialization.BestAvailableEncryption(b"password")
        ),
    )
    add(
        "keys.p256_public_bytes_spki_der",
        lambda: p256_public.public_bytes(enc.DER, pub.SubjectPublicKeyInfo),
    )
    add(
        "keys.p256_public_bytes_x962",
        lambda: p256_public.public_bytes(enc.X962, pub.CompressedPoint),
    )
    add(
        "keys.ed25519_private_bytes_pkcs8_pem",
        lambda: ed.private_bytes(enc.PEM, priv.PKCS8, none),
    )
    add(
        "keys.ed25519_public_bytes_raw",
        lambda: ed_public.public_bytes(enc.Raw, pub.Raw),
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--filter", default=None, help="comma-separated substrings")
    parser.add_argument("--out", default=None)
    parser.add_argument("--list", action="store_true")
    args = parser.parse_args(argv)

    import cryptography

    meta: dict[str, object] = {
        "cryptography_version": cryptography.__version__,
        "cryptography_file": cryptography.__file__,
        "python": sys.version.split()[0],
        "platform": platform.platform(),
        "quick": args.quick,
    }
    try:
        from cryptography.hazmat.backends import default_backend

        meta["backend"] = default_backend().openssl_version_text()
    except Exception as e:
        meta["backend"] = f"unknown ({type(e).__name__})"

    keep_large_allocations_on_the_heap()
    skipped: dict[str, str] = {}
    ops = build_ops(skipped)
    if args.filter:
        wanted = args.filter.split(",")
        ops = [op for op in ops if any(w in op[0] for w in wanted)]
    if args.list:
        for name, _, _ in ops:
            print(name)
        return 0

    result: dict[str, dict[str, float]] = {
        "ns_per_op": {},
        "mb_per_s": {},
        "rel_spread": {},
    }
    for name, fn, nbytes in ops:
        ns, spread = measure(fn, args.quick)
        result["ns_per_op"][name] = ns
        result["rel_spread"][name] = spread
        if nbytes:
            result["mb_per_s"][name] = nbytes / ns * 1e3
        print(f"{name:40s} {ns:12.1f} ns", file=sys.stderr)
    meta["loadavg_end"] = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    output = {"meta": meta, **result, "skipped": skipped}
    text = json.dumps(output, indent=1)
    if args.out:
        with open(args.out, "w") as f:
            f.write(text)
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
