from __future__ import annotations

import importlib
import pkgutil
import subprocess
import sys

import pytest

import cryptography
import cryptography.__about__ as about


def test_version_and_metadata():
    assert cryptography.__version__ == about.__version__
    assert cryptography.__version__.startswith("50.")
    assert isinstance(cryptography.__author__, str)
    assert cryptography.__author__ in cryptography.__copyright__


def test_module_main_self_test_passes():
    result = subprocess.run(
        [sys.executable, "-m", "cryptography"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"cryptography {cryptography.__version__}" in result.stdout
    assert "OpenSSL 3." in result.stdout
    assert "All self-tests passed." in result.stdout


def test_module_main_fails_on_a_wrong_answer(monkeypatch, capsys):
    main = importlib.import_module("cryptography.__main__")
    real = main._known_answers

    def broken():
        answers = real()
        name, run, _ = answers[0]
        return [(name, run, "00" * 32), *answers[1:]]

    monkeypatch.setattr(main, "_known_answers", broken)
    assert main.main() == 1
    assert "WRONG ANSWER" in capsys.readouterr().out


def test_every_module_imports():
    for module in pkgutil.walk_packages(cryptography.__path__, "cryptography."):
        if module.name == "cryptography.__main__":
            continue
        importlib.import_module(module.name)


def test_native_submodules_are_importable_by_path():
    hashes = importlib.import_module(
        "cryptography.hazmat.bindings._rust.openssl.hashes"
    )
    assert hashes.Hash.__module__ == "cryptography.hazmat.bindings._rust.openssl.hashes"


@pytest.mark.parametrize(
    "name",
    [
        "cryptography.hazmat.primitives._cipheralgorithm",
        "cryptography.hazmat.decrepit.ciphers.algorithms",
    ],
)
def test_internal_paths_real_code_imports(name):
    importlib.import_module(name)
