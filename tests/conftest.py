from __future__ import annotations

import pathlib

import pytest


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--wycheproof-root",
        default=None,
        help="folder holding Wycheproof's testvectors_v1/ (tests using it skip without it)",
    )


@pytest.fixture(scope="session")
def wycheproof_root(request: pytest.FixtureRequest) -> pathlib.Path:
    root = request.config.getoption("--wycheproof-root")
    if root is None:
        pytest.skip("Wycheproof vectors not given (--wycheproof-root)")
    path = pathlib.Path(root) / "testvectors_v1"
    if not path.is_dir():
        pytest.fail(f"--wycheproof-root {root} has no testvectors_v1/ folder")
    return path


@pytest.fixture(autouse=True)
def no_stale_openssl_errors():
    """Every public call leaves OpenSSL's error queue empty, failures included."""
    from cryptography.hazmat.backends import default_backend

    yield
    assert default_backend()._consume_errors() == []
