"""Seeds, builds and runs the coverage-guided fuzz targets of fuzz/ (cargo-fuzz).

    python fuzz/fuzz.py [--seconds N] [TARGET ...]

The parser targets feed hostile input to every parser; the differential targets
(`*_differential`) run what the core composes itself (the KDFs, AES-SIV, key wrap,
HChaCha20) beside OpenSSL's own implementation, or one written from the specification,
and fail on any difference. Each target's corpus (fuzz/corpus/<target>, not committed) is
seeded from the published vectors of the `cryptography-vectors` package (key files, Fernet
tokens, Cobblestone streams), or for a differential target from one synthetic input per
choice its first byte makes, and from vectors/fuzz/<target>, the regression inputs this
project keeps. The
run replays the whole corpus, then fuzzes each target for N seconds (default 5); any crash
fails it, and libFuzzer leaves the input in fuzz/artifacts/<target>. Needs cargo-fuzz;
the stable toolchain is used with RUSTC_BOOTSTRAP=1 for the sanitizer flags.
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import pathlib
import shutil
import subprocess
import sys

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent
TARGETS = [
    "pem_private_key",
    "der_private_key",
    "public_key",
    "fernet_token",
    "cobblestone_stream",
    "kdf_differential",
    "siv_differential",
    "keywrap_differential",
    "xchacha_differential",
    "x509_certificate",
    "x509_rfc4514",
    "ocsp_request",
    "ocsp_response",
    "pkcs12",
    "pkcs7_certificates",
    "pkcs7_smime",
    "dh_parameters",
    "ssh_private_key",
    "ssh_public_identity",
    "declarative_asn1",
    "post_quantum_keys",
    "hpke_decrypt",
]


def vectors_root() -> pathlib.Path:
    import cryptography_vectors

    return pathlib.Path(cryptography_vectors.__file__).parent


def tlv(tag: int, *contents: bytes) -> bytes:
    """A DER element with a short length."""
    content = b"".join(contents)
    return bytes([tag, len(content)]) + content


def declarative_seeds() -> list[bytes]:
    """One valid input per schema of the declarative_asn1 target (its first byte picks
    the schema)."""
    utc = tlv(0x17, b"250101000000Z")
    generalized = tlv(0x18, b"20500615142233.5Z")
    everything = tlv(
        0x30,
        tlv(0xA0, tlv(0x02, b"\x02")),
        tlv(0x01, b"\xff"),
        tlv(0x04, b"ab"),
        tlv(0x06, b"\x2a\x03"),
        utc,
        tlv(0x30, tlv(0x81, b"a"), tlv(0x82, b"B"), tlv(0xA6, tlv(0x0C, b"c"))),
        tlv(0x83, b"\x00\xff"),
        tlv(0xA4, tlv(0x05, b"")),
        tlv(0x05, b""),
    )
    sets = tlv(
        0x31,
        tlv(0x01, b"\x00"),
        tlv(0x02, b"\x07"),
        tlv(0x31, tlv(0x02, b"\x01"), tlv(0x02, b"\x02")),
    )
    choice = tlv(0xA0, tlv(0x06, b"\x2a\x03"), tlv(0x06, b"\x2a\x04"))
    validity = tlv(
        0x30,
        tlv(0x30, tlv(0x06, b"\x2a\x86\x48\x86\xf7\x0d\x01\x01\x0b"), tlv(0x05, b"")),
        tlv(0x30, utc, generalized),
        tlv(0xA1, tlv(0x02, b"\x01")),
    )
    return [
        b"\x00" + everything,
        b"\x01" + sets,
        b"\x02" + choice,
        b"\x02" + tlv(0x30, tlv(0x05, b""), tlv(0x01, b"\xff")),
        b"\x03" + validity,
    ]


def hpke_seeds(root: pathlib.Path) -> list[bytes]:
    """The base-mode vectors of RFC 9180 and draft-ietf-hpke-pq in the target's layout:
    the suite's identifiers, ikmR, info and the first message's aad (each after a
    length byte), then enc and that message."""
    found = []
    for name in ("test-vectors.json", "hpke-pq-test-vectors.json"):
        for vector in json.loads((root / "HPKE" / name).read_text()):
            if vector["mode"] != 0 or not vector["encryptions"]:
                continue
            first = vector["encryptions"][0]
            seed = b"".join(
                vector[part].to_bytes(2, "big")
                for part in ("kem_id", "kdf_id", "aead_id")
            )
            for value in (vector["ikmR"], vector["info"], first["aad"]):
                raw = bytes.fromhex(value)
                seed += bytes([len(raw)]) + raw
            found.append(seed + bytes.fromhex(vector["enc"] + first["ct"]))
    return found


def seeds(target: str) -> list[bytes]:
    """Inputs from the published vectors that reach deep into `target`."""
    if target.endswith("_differential"):
        # Arguments are read byte by byte: one input per choice of the first bytes,
        # with data of every length class after them.
        return [bytes([choice, choice]) + bytes(range(1, 250)) for choice in range(16)]
    root = vectors_root()
    if target in ("pem_private_key", "der_private_key", "public_key"):
        suffixes = {".pem", ".der", ".key", ".pub"}
        folders = [
            "PEM_Serialization",
            "DER_Serialization",
            "PKCS8",
            "Traditional_OpenSSL_Serialization",
            "EC",
            "DSA",
            "RSA",
            "X25519",
            "Ed25519",
            "DH",
            "public",
        ]
        found = []
        for folder in folders:
            for path in sorted((root / "asymmetric" / folder).rglob("*")):
                if path.suffix in suffixes and path.stat().st_size < 20_000:
                    found.append(path.read_bytes())
        return found
    if target == "x509_certificate":
        suffixes = {".pem", ".der", ".crt", ".cer"}
        return [
            path.read_bytes()
            for path in sorted((root / "x509").rglob("*"))
            if path.suffix in suffixes and path.stat().st_size < 50_000
        ]
    if target in ("ocsp_request", "ocsp_response"):
        kind = "req" if target == "ocsp_request" else "resp"
        return [
            path.read_bytes()
            for path in sorted((root / "x509" / "ocsp").glob("*.der"))
            if path.name.startswith(kind) or f"-{kind}" in path.name
        ]
    if target == "pkcs7_smime":
        return (
            [
                path.read_bytes()
                for path in sorted((root / "pkcs7").iterdir())
                if path.name.startswith("enveloped")
            ]
            + [
                path.read_bytes()
                for path in sorted((ROOT / "vectors" / "pkcs7").iterdir())
                if path.name != "README.md"
            ]
            + [b"Content-Type: application/pkcs7-mime\n\nMIIB"]
        )
    if target == "pkcs7_certificates":
        return [path.read_bytes() for path in sorted((root / "pkcs7").iterdir())]
    if target == "ssh_private_key":
        # Unencrypted files as they are; encrypted ones (first byte odd) only from this
        # repository's vectors, made with 4 bcrypt rounds.
        openssh = root / "asymmetric" / "OpenSSH"
        plain = [b"\x00" + p.read_bytes() for p in sorted(openssh.glob("*nopsw.key"))]
        ours = ROOT / "vectors" / "openssh"
        encrypted = [b"\x01" + p.read_bytes() for p in sorted(ours.glob("*.key"))]
        return plain + encrypted
    if target == "ssh_public_identity":
        openssh = root / "asymmetric" / "OpenSSH"
        return [
            p.read_bytes()
            for p in sorted(
                [*openssh.glob("*.pub"), *(openssh / "certs").glob("*.pub")]
            )
        ]
    if target == "declarative_asn1":
        return declarative_seeds()
    if target == "post_quantum_keys":
        key_folders = [root / "asymmetric" / "MLDSA", root / "asymmetric" / "MLKEM"]
        return [
            path.read_bytes()
            for key_folder in key_folders
            for path in sorted(key_folder.iterdir())
            if path.suffix == ".der"
        ]
    if target == "hpke_decrypt":
        return hpke_seeds(root)
    if target == "dh_parameters":
        return [
            path.read_bytes()
            for path in sorted((root / "asymmetric" / "DH").iterdir())
            if path.name.startswith("dhp")
        ]
    if target == "pkcs12":
        return [path.read_bytes() for path in sorted((root / "pkcs12").glob("*.p12"))]
    if target == "x509_rfc4514":
        return [
            b"CN=example.com,O=Org\\, Inc.,C=NZ",
            b"CN=a+OU=b,DC=example,DC=com",
            b"1.2.840.113549.1.9.1=#7573657240657861",
            b"CN=\\20lead and trail\\20,STREET=\\c3\\a9",
            b"UID=\\#x\\;y\\<z\\>",
        ]
    if target == "fernet_token":
        found = []
        for name in ("generate.json", "verify.json", "invalid.json"):
            for case in json.loads((root / "fernet" / name).read_text()):
                token = case["token"].encode()
                found.append(b"\x00" + token)
                try:
                    found.append(b"\x01" + base64.urlsafe_b64decode(token))
                except ValueError:
                    pass
        return found
    if target == "cobblestone_stream":
        cases = json.loads((root / "chunked-encryption" / "vectors.json").read_text())
        found = []
        for case in cases["vectors"]:
            if not case.get("ciphertext"):
                continue
            stream = base64.b64decode(case["ciphertext"])
            found.append(b"\x05" + stream)
            found.append(b"\x85" + stream)
        return found
    raise SystemExit(f"unknown target {target}")


def seed_corpus(target: str) -> pathlib.Path:
    corpus = HERE / "corpus" / target
    corpus.mkdir(parents=True, exist_ok=True)
    regressions = ROOT / "vectors" / "fuzz" / target
    for index, data in enumerate(seeds(target)):
        (corpus / f"vector-{index:04d}").write_bytes(data)
    if regressions.is_dir():
        for path in regressions.iterdir():
            shutil.copy(path, corpus / f"regression-{path.name}")
    return corpus


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("targets", nargs="*", default=TARGETS)
    args = parser.parse_args()
    env = dict(os.environ, RUSTC_BOOTSTRAP="1")
    # The differential targets' oracles must answer, and answer right: each is checked
    # against its specification's vectors first.
    subprocess.run(
        ["cargo", "test", "--release", "--lib"], cwd=HERE, env=env, check=True
    )
    subprocess.run(["cargo", "fuzz", "build", "-O"], cwd=ROOT, env=env, check=True)
    for target in args.targets:
        corpus = seed_corpus(target)
        print(f"fuzz {target}: {len(list(corpus.iterdir()))} inputs", flush=True)
        # One process: libFuzzer first runs every corpus input, then mutates for the
        # time given. A crash ends it with a non-zero status.
        subprocess.run(
            [
                "cargo",
                "fuzz",
                "run",
                "-O",
                target,
                str(corpus),
                "--",
                f"-max_total_time={args.seconds}",
                "-print_final_stats=1",
            ],
            cwd=ROOT,
            env=env,
            check=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
