"""Readers for the published test vectors the suite checks against.

NIST CAVP ``.rsp`` files and the RFC vectors of the ``cryptography-vectors`` package
share one format: ``Name = value`` lines, records separated by blank lines, ``[...]``
section headers and ``#`` comments. Wycheproof vectors are JSON files read in place from
the folder given with ``--wycheproof-root``.
"""

from __future__ import annotations

import binascii
import json
import pathlib
import typing

import cryptography_vectors

from cryptography.hazmat.primitives import hashes

Record = dict[str, str]

# The hash names of NIST CAVS files.
NIST_HASHES: dict[str, hashes.HashAlgorithm] = {
    "SHA-1": hashes.SHA1(),
    "SHA-224": hashes.SHA224(),
    "SHA-256": hashes.SHA256(),
    "SHA-384": hashes.SHA384(),
    "SHA-512": hashes.SHA512(),
}


def vector_path(*parts: str) -> pathlib.Path:
    return pathlib.Path(cryptography_vectors.__file__).parent.joinpath(*parts)


def load_records(*parts: str) -> list[Record]:
    """Records of a NIST-style file; keys are lower-cased, section values included."""
    records: list[Record] = []
    section: Record = {}
    current: Record = {}
    for raw in vector_path(*parts).read_text().splitlines():
        line = raw.strip()
        if line.startswith("#"):
            continue
        if not line:
            if current:
                records.append({**section, **current})
                current = {}
            continue
        if line.startswith("[") and line.endswith("]"):
            if current:
                records.append({**section, **current})
                current = {}
            name, sep, value = line[1:-1].partition("=")
            if sep:
                section[name.strip().lower()] = value.strip()
            else:
                # A bare header such as [ENCRYPT] or [DECRYPT] names the records' kind.
                section["section"] = name.strip().upper()
            continue
        name, sep, value = line.partition("=")
        if not sep:
            # A bare word such as FAIL marks the current record.
            current[line.lower()] = ""
            continue
        key = name.strip().lower()
        # A repeated field (COUNT, Len, ...) starts a new record even without a blank line.
        if key in current:
            records.append({**section, **current})
            current = {}
        current[key] = value.strip()
    if current:
        records.append({**section, **current})
    return records


def unhex(value: str) -> bytes:
    return binascii.unhexlify(value)


def message(record: Record) -> bytes:
    """The message of a hash record: NIST writes an empty message as Len = 0, Msg = 00."""
    msg = unhex(record["msg"])
    if "len" in record:
        msg = msg[: int(record["len"]) // 8]
    return msg


def wycheproof_groups(
    root: pathlib.Path, name: str
) -> typing.Iterator[tuple[dict[str, typing.Any], dict[str, typing.Any]]]:
    """(group, test) pairs of a Wycheproof file."""
    data = json.loads((root / name).read_text())
    for group in data["testGroups"]:
        for test in group["tests"]:
            yield group, test
