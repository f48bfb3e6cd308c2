"""Memory held by loaded, unread X.509 certificates.

    python benchmarks/memory.py [--count 10000]

Loads the same DER certificate `count` times, keeping every object, and prints what
they hold: the growth of Python's traced allocations (tracemalloc) and of the process's
resident memory (which also counts native allocations, where a Rust extension keeps its
copy of the DER and its parse). Run it under each implementation and compare; it uses
the public API only.
"""

from __future__ import annotations

import argparse
import datetime
import gc
import json
import tracemalloc


def resident_bytes() -> int:
    """The process's resident set size (Linux), or 0 where /proc is absent."""
    try:
        with open("/proc/self/statm") as statm:
            pages = int(statm.read().split()[1])
    except OSError:
        return 0
    import resource

    return pages * resource.getpagesize()


def sample_certificate() -> bytes:
    """A typical leaf: Ed25519 (deterministic, so every run loads the same bytes), a
    three-attribute subject, SAN, basic constraints, key usage and EKU."""
    from cryptography import x509
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ed25519
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    key = ed25519.Ed25519PrivateKey.from_private_bytes(b"\x09" * 32)
    name = x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "US"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Example Corp"),
            x509.NameAttribute(NameOID.COMMON_NAME, "www.example.com"),
        ]
    )
    start = datetime.datetime(2025, 1, 1, tzinfo=datetime.timezone.utc)
    names = [x509.DNSName("www.example.com"), x509.DNSName("example.com")]
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(0x1234_5678_9ABC_DEF0)
        .not_valid_before(start)
        .not_valid_after(start + datetime.timedelta(days=90))
        .add_extension(x509.SubjectAlternativeName(names), critical=False)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(True, False, True, False, False, False, False, False, False),
            critical=True,
        )
        .add_extension(
            x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False
        )
        .sign(key, None)
    )
    return certificate.public_bytes(serialization.Encoding.DER)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=10_000)
    count = parser.parse_args().count

    import cryptography
    from cryptography import x509

    der = sample_certificate()
    load = x509.load_der_x509_certificate
    load(der)  # first-use imports and caches, outside the measurement
    gc.collect()
    rss_before = resident_bytes()
    tracemalloc.start()
    kept = [load(der) for _ in range(count)]
    traced, _ = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    gc.collect()
    rss_after = resident_bytes()
    print(
        json.dumps(
            {
                "implementation": f"cryptography {cryptography.__version__}",
                "certificate_der_bytes": len(der),
                "count": len(kept),
                "traced_bytes_per_certificate": round(traced / count, 1),
                "resident_bytes_per_certificate": round(
                    (rss_after - rss_before) / count, 1
                ),
            }
        )
    )


if __name__ == "__main__":
    main()
