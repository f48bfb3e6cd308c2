# This file is dual licensed under the terms of the Apache License, Version
# 2.0, and the BSD License. See the LICENSE file in the root of this repository
# for complete details.

"""Loading keys from PEM and DER: strict DER parsing in the native key encodings, with
OpenSSL building and checking the keys."""

from __future__ import annotations

from cryptography.hazmat.bindings._rust import keys as rust_keys
from cryptography.hazmat.bindings._rust import openssl as rust_openssl

load_pem_private_key = rust_keys.load_pem_private_key
load_der_private_key = rust_keys.load_der_private_key
load_pem_public_key = rust_keys.load_pem_public_key
load_der_public_key = rust_keys.load_der_public_key
load_pem_parameters = rust_openssl.dh.from_pem_parameters
load_der_parameters = rust_openssl.dh.from_der_parameters

__all__ = [
    "load_der_parameters",
    "load_der_private_key",
    "load_der_public_key",
    "load_pem_parameters",
    "load_pem_private_key",
    "load_pem_public_key",
]
