"""Sphinx configuration for the package's documentation (`nox -s docs`)."""

project = "cryptography (Rust)"
author = "the authors of this package"
copyright = "the authors of this package"
release = "50.0.2"

extensions: list[str] = []
root_doc = "index"
exclude_patterns = ["_build"]
html_theme = "alabaster"
html_title = "cryptography, in Rust"
