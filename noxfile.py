"""Development sessions. `nox -l` lists them; `nox` runs tests, lint and rust.

- tests: build and install the package (vendored OpenSSL), run the pytest suite; the
  Wycheproof vectors in ../shared/wycheproof are used when that folder exists.
- rust:  cargo fmt --check, clippy -D warnings, and the core crate's unit tests.
- lint:  ruff check, ruff format --check, mypy, and stubtest of the native module's stubs.
- conformance: pyca/cryptography 50.0.2's own test suite, downloaded at run time into a
  cache outside the repository, run against this package (conformance/conformance.py): passed,
  failed and skipped per area, and no failure outside conformance/expected-failures.txt.
- fuzz: the coverage-guided fuzz targets of fuzz/ (cargo-fuzz), seeded from the published
  vectors: corpus replay and a few seconds each (`nox -s fuzz -- --seconds 600` for a
  long run).
- docs: the Sphinx pages of docs/ (install, development guide), warnings as errors.
- bench: the benchmark suite; `nox -s bench -- --compare` also measures pyca/cryptography
  50.0.2 in a second virtualenv, interleaved, with ../shared/bench/compare.py.
"""

from __future__ import annotations

import pathlib
import shutil

import nox

nox.options.sessions = ["tests", "lint", "rust"]
nox.options.default_venv_backend = "venv"

ROOT = pathlib.Path(__file__).resolve().parent
SHARED = ROOT.parent / "shared"
WYCHEPROOF = SHARED / "wycheproof"
REFERENCE = "cryptography==50.0.2"
BENCH_PYJWT = "pyjwt==2.15.1"


@nox.session
def tests(session: nox.Session) -> None:
    session.install(".[test]")
    args = ["tests"]
    if (WYCHEPROOF / "testvectors_v1").is_dir():
        # One argument, so that pytest does not take the folder for a test path.
        args.append(f"--wycheproof-root={WYCHEPROOF}")
    session.run("pytest", *args, *session.posargs)


@nox.session
def rust(session: nox.Session) -> None:
    # The binding crate needs an interpreter to configure PyO3 against.
    env = {"PYO3_PYTHON": session.virtualenv.bin + "/python"}
    session.run("cargo", "fmt", "--all", "--", "--check", external=True)
    session.run(
        "cargo",
        "clippy",
        "--release",
        "--all-targets",
        "--",
        "-D",
        "warnings",
        external=True,
        env=env,
    )
    # The core crates (the binding crate needs an interpreter to link its tests).
    session.run(
        "cargo",
        "test",
        "--release",
        "-p",
        "cryptography-asn1",
        "-p",
        "cryptography-backend",
        "-p",
        "cryptography-keys",
        "-p",
        "cryptography-x509",
        external=True,
    )


@nox.session
def lint(session: nox.Session) -> None:
    session.install(".[test]", "ruff", "mypy", "typing_extensions")
    paths = ["src", "tests", "benchmarks", "conformance", "fuzz", "docs", "noxfile.py"]
    session.run("ruff", "check", *paths)
    session.run("ruff", "format", "--check", *paths)
    session.run(
        "mypy", "src/cryptography", "tests", "benchmarks", "conformance", "fuzz/fuzz.py"
    )
    session.run("python", "-m", "mypy.stubtest", "cryptography.hazmat.bindings._rust")


@nox.session
def conformance(session: nox.Session) -> None:
    # The reference suite's own test dependencies (its pyproject's `test` group, less
    # coverage): pytest-benchmark because its pytest options name it.
    session.install(
        ".",
        "cryptography-vectors==50.0.2",
        "pytest>=8",
        "pytest-xdist",
        "pytest-benchmark",
        "pretend",
        "certifi",
    )
    args = []
    if (WYCHEPROOF / "testvectors_v1").is_dir():
        args.append(f"--wycheproof-root={WYCHEPROOF}")
    session.run("python", "conformance/conformance.py", *args, *session.posargs)


@nox.session
def fuzz(session: nox.Session) -> None:
    session.install("cryptography-vectors==50.0.2")
    if shutil.which("cargo-fuzz") is None:
        session.run("cargo", "install", "cargo-fuzz", "--locked", external=True)
    session.run("python", "fuzz/fuzz.py", *session.posargs)


@nox.session
def docs(session: nox.Session) -> None:
    session.install("sphinx")
    session.run(
        "sphinx-build", "-W", "--keep-going", "-b", "html", "docs", "docs/_build/html"
    )


@nox.session
def bench(session: nox.Session) -> None:
    # PyJWT for the jwt.* ops (signing with a PEM string loads the key per token).
    session.install(".", BENCH_PYJWT)
    if "--compare" not in session.posargs:
        session.run("python", "benchmarks/run.py", *session.posargs)
        return
    extra = [a for a in session.posargs if a != "--compare"]
    reference = ROOT / ".nox" / "reference"
    if not (reference / "bin" / "python").exists():
        session.run("python", "-m", "venv", str(reference))
    session.run(
        str(reference / "bin" / "python"),
        "-m",
        "pip",
        "install",
        "--quiet",
        REFERENCE,
        BENCH_PYJWT,
        external=True,
    )
    session.run(
        "python",
        str(SHARED / "bench" / "compare.py"),
        str(reference / "bin" / "python"),
        session.virtualenv.bin + "/python",
        "--labels",
        "ref,new",
        "--script",
        "benchmarks/run.py",
        *extra,
    )
