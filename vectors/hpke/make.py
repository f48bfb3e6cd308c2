#!/usr/bin/env python3
"""Writes HPKE test vectors as `name = value` lines, one vector per paragraph, with the
encryptions at sequence numbers 0, 1, 2 and 255 (those present) and all exports:

    python3 make.py path/to/test-vectors-5f503c5.json > rfc9180.txt
    python3 make.py path/to/hpke-pq-test-vectors.json > hpke-pq.txt

The first file is RFC 9180's (the CFRG's test-vectors.json at commit 5f503c5, as
shipped in the `hpke` 0.12.0 crate on crates.io), the second draft-ietf-hpke-pq's (as
shipped in cryptography-vectors 50.0.2, HPKE/hpke-pq-test-vectors.json).
"""

import json
import sys

KEEP = {0, 1, 2, 255}
FIELDS = [
    "mode", "kem_id", "kdf_id", "aead_id", "info", "ikmE", "ikmR", "ikmS", "psk",
    "psk_id", "pkRm", "pkSm", "enc", "shared_secret", "key", "base_nonce",
    "exporter_secret",
]

vectors = json.load(open(sys.argv[1]))
for vector in vectors:
    for field in FIELDS:
        if field in vector:
            print(f"{field} = {vector[field]}")
    for seq, encryption in enumerate(vector["encryptions"]):
        if seq in KEEP:
            parts = [str(seq), encryption["aad"], encryption["pt"], encryption["ct"]]
            print("encryption = " + ":".join(parts))
    for export in vector["exports"]:
        parts = [export["exporter_context"], str(export["L"]), export["exported_value"]]
        print("export = " + ":".join(parts))
    print()
