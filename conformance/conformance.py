"""Run pyca/cryptography's own test suite, unmodified, against the installed package.

    python conformance/conformance.py [--wycheproof-root DIR] [-- PYTEST-ARGS...]

Downloads the reference's sdist from PyPI into a cache outside the repository (never into
our tree), runs its tests/ folder with the interpreter that runs this script, prints
passed/failed/skipped per area (conformance/areas.txt) and checks the outcome against
conformance/expected-failures.txt:

- a test that fails and is not listed there fails the run;
- a listed test that no longer fails fails the run too, so the list only shrinks.

The interpreter needs the package under test, cryptography-vectors and the suite's test
dependencies installed (`nox -s conformance` does all of it).
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import pathlib
import subprocess
import sys
import tarfile
import tempfile

HERE = pathlib.Path(__file__).resolve().parent
REFERENCE_VERSION = "50.0.2"
EXPECTATIONS = HERE / "expected-failures.txt"
AREAS = HERE / "areas.txt"
REASON_KINDS = ("not built yet: ", "deliberate: ")


def default_cache() -> pathlib.Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(pathlib.Path.home() / ".cache")
    return pathlib.Path(base) / "cryptography-conformance"


def fetch_suite(cache: pathlib.Path) -> pathlib.Path:
    """The extracted sdist of the reference, downloaded on first use."""
    root = cache / f"cryptography-{REFERENCE_VERSION}"
    if (root / "tests" / "conftest.py").is_file():
        return root
    cache.mkdir(parents=True, exist_ok=True)
    archive = cache / f"cryptography-{REFERENCE_VERSION}.tar.gz"
    if not archive.is_file():
        subprocess.run(
            [
                sys.executable,
                "-m",
                "pip",
                "download",
                "--quiet",
                "--no-deps",
                "--no-binary",
                "cryptography",
                "--dest",
                str(cache),
                f"cryptography=={REFERENCE_VERSION}",
            ],
            check=True,
        )
    with tarfile.open(archive) as tar:
        if hasattr(tarfile, "data_filter"):
            tar.extractall(cache, filter="data")
        else:  # Python < 3.11.4: the archive comes from PyPI over TLS, pinned by version.
            tar.extractall(cache)
    return root


def load_areas() -> list[tuple[str, str]]:
    pairs = []
    for line in AREAS.read_text().splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            prefix, area = line.split()
            pairs.append((prefix, area))
    # Longest prefix first, so that the first match is the most specific.
    return sorted(pairs, key=lambda pair: -len(pair[0]))


def area_of(nodeid: str, areas: list[tuple[str, str]]) -> str:
    path = nodeid.split("::", 1)[0]
    for prefix, area in areas:
        if path.startswith(prefix):
            return area
    return "unmapped"


def load_expectations() -> dict[str, str]:
    """nodeid -> reason. The file groups node ids under `[reason]` headers."""
    expected: dict[str, str] = {}
    reason = None
    for number, raw in enumerate(EXPECTATIONS.read_text().splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            reason = line[1:-1]
            if not reason.startswith(REASON_KINDS) or len(reason) <= 16:
                raise SystemExit(
                    f"{EXPECTATIONS.name}:{number}: a reason is 'not built yet: <module>'"
                    f" or 'deliberate: <one line>', not {reason!r}"
                )
            continue
        if reason is None:
            raise SystemExit(
                f"{EXPECTATIONS.name}:{number}: a test before any [reason]"
            )
        if line in expected:
            raise SystemExit(f"{EXPECTATIONS.name}:{number}: {line} is listed twice")
        expected[line] = reason
    return expected


def run_suite(suite: pathlib.Path, pytest_args: list[str]) -> dict[str, dict[str, str]]:
    with tempfile.TemporaryDirectory() as scratch:
        results_path = pathlib.Path(scratch) / "results.json"
        env = dict(os.environ)
        env["CONFORMANCE_RESULTS"] = str(results_path)
        env["PYTHONPATH"] = os.pathsep.join(
            [str(HERE), *filter(None, [env.get("PYTHONPATH")])]
        )
        command = [
            sys.executable,
            "-m",
            "pytest",
            "-p",
            "_conformance_plugin",
            "-p",
            "no:cacheprovider",
            "-q",
            "--tb=no",
            "-rN",
            *pytest_args,
        ]
        # The exit status is judged below, test by test, against the expectations.
        subprocess.run(command, cwd=suite, env=env, check=False)
        if not results_path.is_file():
            raise SystemExit("the suite ended without writing its results")
        results: dict[str, dict[str, str]] = json.loads(results_path.read_text())
        return results


def print_table(
    results: dict[str, dict[str, str]], areas: list[tuple[str, str]]
) -> None:
    counts: dict[str, collections.Counter[str]] = collections.defaultdict(
        collections.Counter
    )
    for nodeid, result in results.items():
        counts[area_of(nodeid, areas)][result["outcome"]] += 1
    total: collections.Counter[str] = collections.Counter()
    print(f"\n{'area':<20}{'passed':>8}{'failed':>8}{'skipped':>9}")
    for area in sorted(counts):
        c = counts[area]
        total.update(c)
        print(f"{area:<20}{c['passed']:>8}{c['failed']:>8}{c['skipped']:>9}")
    print(f"{'total':<20}{total['passed']:>8}{total['failed']:>8}{total['skipped']:>9}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cache", type=pathlib.Path, default=default_cache())
    parser.add_argument("--wycheproof-root", type=pathlib.Path)
    parser.add_argument("--workers", default="2", help="pytest-xdist workers (0: none)")
    parser.add_argument(
        "pytest_args", nargs="*", help="after --: a selection for pytest"
    )
    args = parser.parse_args()

    expected = load_expectations()
    areas = load_areas()
    suite = fetch_suite(args.cache)

    pytest_args = ["-n", args.workers] if args.workers != "0" else []
    if args.wycheproof_root is not None:
        pytest_args.append(f"--wycheproof-root={args.wycheproof_root.resolve()}")
    # A selection runs part of the suite: listed tests outside it are not judged.
    selection = args.pytest_args or ["tests"]
    results = run_suite(suite, pytest_args + selection)
    print_table(results, areas)

    unexpected = sorted(
        nodeid
        for nodeid, result in results.items()
        if result["outcome"] == "failed" and nodeid not in expected
    )
    # A listed test that was skipped (Wycheproof vectors absent, say) is not judged.
    fixed = sorted(
        nodeid
        for nodeid in expected
        if nodeid in results and results[nodeid]["outcome"] == "passed"
    )
    stale = [] if args.pytest_args else sorted(set(expected) - set(results))

    for nodeid in unexpected:
        # The end of the report holds the exception; the full traceback is a rerun away.
        detail = "\n".join(results[nodeid]["detail"].splitlines()[-12:])
        print(f"\nUNEXPECTED FAILURE {nodeid}\n{detail}")
    for nodeid in fixed:
        print(f"NOW PASSES (remove it from the list): {nodeid}  [{expected[nodeid]}]")
    for nodeid in stale:
        print(f"NOT IN THE SUITE (remove it from the list): {nodeid}")

    listed = sum(
        1
        for nodeid in expected
        if nodeid in results and results[nodeid]["outcome"] == "failed"
    )
    kinds = collections.Counter(reason.split(":")[0] for reason in expected.values())
    print(
        f"\nexpected failures listed: {len(expected)} "
        f"({', '.join(f'{n} {kind}' for kind, n in sorted(kinds.items()))}), "
        f"{listed} seen failing in this run; unexpected failures: {len(unexpected)}; "
        f"listed but not failing: {len(fixed) + len(stale)}"
    )
    return 1 if unexpected or fixed or stale else 0


if __name__ == "__main__":
    sys.exit(main())
