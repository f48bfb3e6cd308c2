"""DSA against published vectors (NIST CAVS FIPS 186-2 and 186-3 KeyPair, SigGen and
SigVer), the DSA key files of cryptography-vectors (every encoding, byte-exact
re-serialization), and every error path of the API."""

from __future__ import annotations

import copy
import pickle

import pytest

from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import dsa, utils
from tests.vectors import NIST_HASHES, Record, load_records, unhex, vector_path


def dsa_records(*parts: str) -> list[tuple[dsa.DSAParameterNumbers, str, Record]]:
    """(parameters, hash name, record) for each key or message of a CAVS DSA file: the
    P, Q and G lines head the records that follow them; the section names the hash
    (FIPS 186-2 files are SHA-1 only)."""
    out = []
    parameters = None
    for record in load_records("asymmetric", "DSA", *parts):
        if "p" in record:
            parameters = dsa.DSAParameterNumbers(
                int(record["p"], 16), int(record["q"], 16), int(record["g"], 16)
            )
            continue
        assert parameters is not None
        mod = record["mod"]
        hash_name = mod.rpartition(", ")[2] if "SHA" in mod else "SHA-1"
        out.append((parameters, hash_name, record))
    return out


def public_numbers(
    parameters: dsa.DSAParameterNumbers, record: Record
) -> dsa.DSAPublicNumbers:
    return dsa.DSAPublicNumbers(int(record["y"], 16), parameters)


def signature(record: Record) -> bytes:
    return utils.encode_dss_signature(int(record["r"], 16), int(record["s"], 16))


@pytest.mark.parametrize("version", ["FIPS_186-2", "FIPS_186-3"])
def test_key_pairs(version):
    records = dsa_records(version, "KeyPair.rsp")
    assert len(records) == {"FIPS_186-2": 10, "FIPS_186-3": 40}[version]
    for parameters, _, record in records:
        numbers = dsa.DSAPrivateNumbers(
            int(record["x"], 16), public_numbers(parameters, record)
        )
        key = numbers.private_key()
        assert key.private_numbers() == numbers
        assert key.public_key().public_numbers() == numbers.public_numbers
        assert key.key_size == parameters.p.bit_length()
        assert key.parameters().parameter_numbers() == parameters


@pytest.mark.parametrize("version", ["FIPS_186-2", "FIPS_186-3"])
def test_signature_verification(version):
    records = dsa_records(version, "SigVer.rsp")
    outcomes = {"P": 0, "F": 0}
    for parameters, hash_name, record in records:
        key = public_numbers(parameters, record).public_key()
        args = (signature(record), unhex(record["msg"]), NIST_HASHES[hash_name])
        if record["result"].startswith("P"):
            key.verify(*args)
            outcomes["P"] += 1
        else:
            with pytest.raises(InvalidSignature):
                key.verify(*args)
            outcomes["F"] += 1
    expected = {"FIPS_186-2": (7, 8), "FIPS_186-3": (140, 160)}[version]
    assert (outcomes["P"], outcomes["F"]) == expected


@pytest.mark.parametrize("version", ["FIPS_186-2", "FIPS_186-3"])
def test_signature_generation(version):
    """The published signatures verify; signatures made here (random nonces, so not the
    published ones) verify under the published key and are rejected for another message."""
    records = dsa_records(version, "SigGen.txt")
    assert len(records) == {"FIPS_186-2": 15, "FIPS_186-3": 300}[version]
    for parameters, hash_name, record in records:
        public = public_numbers(parameters, record)
        key = dsa.DSAPrivateNumbers(int(record["x"], 16), public).private_key()
        algorithm = NIST_HASHES[hash_name]
        message = unhex(record["msg"])
        public_key = public.public_key()
        public_key.verify(signature(record), message, algorithm)
        ours = key.sign(message, algorithm)
        r, s = utils.decode_dss_signature(ours)
        assert 0 < r < parameters.q and 0 < s < parameters.q
        public_key.verify(ours, message, algorithm)
        with pytest.raises(InvalidSignature):
            public_key.verify(ours, message + b"\x00", algorithm)


def test_prehashed_and_truncated_digests():
    """A SHA-512 digest is longer than q: FIPS 186 signs its leftmost bits. Prehashed
    input signs the same digest as the message it came from."""
    parameters, _, record = dsa_records("FIPS_186-3", "SigGen.txt")[0]
    key = dsa.DSAPrivateNumbers(
        int(record["x"], 16), public_numbers(parameters, record)
    ).private_key()
    public_key = key.public_key()
    for algorithm in [hashes.SHA512(), hashes.SHA3_256(), hashes.SHA1()]:
        digest = hashes.Hash(algorithm)
        digest.update(b"message")
        prehashed = utils.Prehashed(algorithm)
        signed = key.sign(digest.finalize(), prehashed)
        public_key.verify(signed, b"message", algorithm)
        public_key.verify(key.sign(b"message", algorithm), b"message", algorithm)
    with pytest.raises(ValueError, match="digest size"):
        key.sign(b"short", utils.Prehashed(hashes.SHA256()))
    with pytest.raises(ValueError, match="digest size"):
        public_key.verify(b"", b"short", utils.Prehashed(hashes.SHA256()))


# Key files: name -> (loader kind, password). Groups below name the files holding the
# same key.
KEY_FILES = {
    ("DER_Serialization", "dsa.1024.der"): "private",
    ("DER_Serialization", "dsa.2048.der"): "private",
    ("DER_Serialization", "dsa.3072.der"): "private",
    ("DER_Serialization", "unenc-dsa-pkcs8.der"): "private",
    ("DER_Serialization", "dsa_public_key.der"): "public",
    ("DER_Serialization", "unenc-dsa-pkcs8.pub.der"): "public",
    ("PEM_Serialization", "dsa_4096.pem"): "private",
    ("PEM_Serialization", "dsa_private_key.pem"): "private",
    ("PEM_Serialization", "dsa_public_key.pem"): "public",
    ("PKCS8", "unenc-dsa-pkcs8.pem"): "private",
    ("PKCS8", "unenc-dsa-pkcs8.pub.pem"): "public",
    ("Traditional_OpenSSL_Serialization", "dsa.1024.pem"): "private",
    ("Traditional_OpenSSL_Serialization", "dsa.2048.pem"): "private",
    ("Traditional_OpenSSL_Serialization", "dsa.3072.pem"): "private",
}

PASSWORDS = {"dsa_private_key.pem": b"123456"}

SIZES = {
    "dsa.1024": (1024, 160),
    "dsa.2048": (2048, 256),
    "dsa.3072": (3072, 256),
    "dsa_4096": (4096, 256),
    "unenc-dsa-pkcs8": (1024, 160),
    "dsa_public_key": (2048, 160),
    "dsa_private_key": (2048, 160),
}


def load_file(parts: tuple[str, str], kind: str):
    data = vector_path("asymmetric", *parts).read_bytes()
    pem = parts[1].endswith(".pem")
    if kind == "public":
        loader = (
            serialization.load_pem_public_key
            if pem
            else serialization.load_der_public_key
        )
        return data, loader(data)
    private_loader = (
        serialization.load_pem_private_key
        if pem
        else serialization.load_der_private_key
    )
    return data, private_loader(data, PASSWORDS.get(parts[1]))


@pytest.mark.parametrize("parts", sorted(KEY_FILES), ids="/".join)
def test_key_files(parts):
    kind = KEY_FILES[parts]
    _, key = load_file(parts, kind)
    public = key if kind == "public" else key.public_key()
    assert isinstance(public, dsa.DSAPublicKey)
    stem = parts[1].split(".pub")[0].rsplit(".", 1)[0]
    if stem.startswith("dsa."):
        stem = parts[1][:8]
    numbers = public.parameters().parameter_numbers()
    assert (numbers.p.bit_length(), numbers.q.bit_length()) == SIZES[stem]
    assert public.key_size == SIZES[stem][0]
    if kind == "private":
        assert isinstance(key, dsa.DSAPrivateKey)
        signed = key.sign(b"vector", hashes.SHA256())
        public.verify(signed, b"vector", hashes.SHA256())


@pytest.mark.parametrize(
    "group",
    [
        [
            ("DER_Serialization", "dsa.1024.der"),
            ("Traditional_OpenSSL_Serialization", "dsa.1024.pem"),
        ],
        [
            ("DER_Serialization", "dsa.2048.der"),
            ("Traditional_OpenSSL_Serialization", "dsa.2048.pem"),
        ],
        [
            ("DER_Serialization", "dsa.3072.der"),
            ("Traditional_OpenSSL_Serialization", "dsa.3072.pem"),
        ],
        [
            ("DER_Serialization", "unenc-dsa-pkcs8.der"),
            ("PKCS8", "unenc-dsa-pkcs8.pem"),
            ("DER_Serialization", "unenc-dsa-pkcs8.pub.der"),
            ("PKCS8", "unenc-dsa-pkcs8.pub.pem"),
        ],
        [
            ("PEM_Serialization", "dsa_private_key.pem"),
            ("PEM_Serialization", "dsa_public_key.pem"),
            ("DER_Serialization", "dsa_public_key.der"),
        ],
    ],
)
def test_same_key_in_every_encoding(group):
    publics = []
    for parts in group:
        _, key = load_file(parts, KEY_FILES[parts])
        publics.append(key if isinstance(key, dsa.DSAPublicKey) else key.public_key())
    assert all(public == publics[0] for public in publics)
    assert len({public.public_numbers().y for public in publics}) == 1


@pytest.mark.parametrize(
    ("parts", "encoding", "format"),
    [
        (
            ("DER_Serialization", "dsa.1024.der"),
            serialization.Encoding.DER,
            serialization.PrivateFormat.TraditionalOpenSSL,
        ),
        (
            ("Traditional_OpenSSL_Serialization", "dsa.2048.pem"),
            serialization.Encoding.PEM,
            serialization.PrivateFormat.TraditionalOpenSSL,
        ),
        (
            ("DER_Serialization", "unenc-dsa-pkcs8.der"),
            serialization.Encoding.DER,
            serialization.PrivateFormat.PKCS8,
        ),
        (
            ("PKCS8", "unenc-dsa-pkcs8.pem"),
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
        ),
    ],
)
def test_private_bytes_reproduce_files(parts, encoding, format):
    data, key = load_file(parts, "private")
    out = key.private_bytes(encoding, format, serialization.NoEncryption())
    assert out.strip() == data.strip()


@pytest.mark.parametrize(
    ("parts", "encoding"),
    [
        (("DER_Serialization", "unenc-dsa-pkcs8.pub.der"), serialization.Encoding.DER),
        (("PKCS8", "unenc-dsa-pkcs8.pub.pem"), serialization.Encoding.PEM),
        (("DER_Serialization", "dsa_public_key.der"), serialization.Encoding.DER),
    ],
)
def test_public_bytes_reproduce_files(parts, encoding):
    data, key = load_file(parts, "public")
    out = key.public_bytes(encoding, serialization.PublicFormat.SubjectPublicKeyInfo)
    assert out.strip() == data.strip()


@pytest.mark.parametrize(
    "format",
    [serialization.PrivateFormat.PKCS8, serialization.PrivateFormat.TraditionalOpenSSL],
)
def test_encrypted_private_bytes_load_back(format):
    _, key = load_file(("DER_Serialization", "dsa.1024.der"), "private")
    pem = key.private_bytes(
        serialization.Encoding.PEM,
        format,
        serialization.BestAvailableEncryption(b"secret"),
    )
    loaded = serialization.load_pem_private_key(pem, b"secret")
    assert isinstance(loaded, dsa.DSAPrivateKey)
    assert loaded.private_numbers() == key.private_numbers()
    with pytest.raises(ValueError):
        serialization.load_pem_private_key(pem, b"wrong")
    with pytest.raises(TypeError):
        serialization.load_pem_private_key(pem, None)


@pytest.mark.parametrize(
    ("parts", "kind", "error"),
    [
        (
            ("DER_Serialization", "dsa_public_key_invalid_bit_string.der"),
            "public",
            ValueError,
        ),
        # Parameters inherited from an issuer cannot be used alone.
        (("DER_Serialization", "dsa_public_key_no_params.der"), "public", ValueError),
        (
            ("Traditional_OpenSSL_Serialization", "dsa-wrong-version.pem"),
            "private",
            ValueError,
        ),
        (("PKCS8", "bad-oid-dsa-key.pem"), "private", UnsupportedAlgorithm),
        (("public", "PKCS1", "dsa.pub.pem"), "public", ValueError),
        # g = y = 1 modulo p: degenerate (the key signs nothing), refused on loading.
        (("DSA", "custom", "nilpotent.pem"), "private", ValueError),
    ],
    ids=lambda value: value[-1] if isinstance(value, tuple) else None,
)
def test_invalid_key_files(parts, kind, error):
    data = vector_path("asymmetric", *parts).read_bytes()
    pem = parts[-1].endswith(".pem")
    with pytest.raises(error):
        if kind == "public":
            (
                serialization.load_pem_public_key
                if pem
                else serialization.load_der_public_key
            )(data)
        else:
            (
                serialization.load_pem_private_key
                if pem
                else serialization.load_der_private_key
            )(data, None)


def test_truncated_and_trailing_data():
    data = vector_path("asymmetric", "DER_Serialization", "dsa.1024.der").read_bytes()
    with pytest.raises(ValueError):
        serialization.load_der_private_key(data[:-1], None)
    with pytest.raises(ValueError):
        serialization.load_der_private_key(data + b"\x00", None)
    public = vector_path(
        "asymmetric", "DER_Serialization", "dsa_public_key.der"
    ).read_bytes()
    with pytest.raises(ValueError):
        serialization.load_der_public_key(public[:-1])
    with pytest.raises(ValueError):
        serialization.load_der_public_key(public + b"\x00")


@pytest.fixture(scope="module")
def key() -> dsa.DSAPrivateKey:
    _, loaded = load_file(("DER_Serialization", "dsa.1024.der"), "private")
    return loaded


def test_generation():
    parameters = dsa.generate_parameters(1024)
    numbers = parameters.parameter_numbers()
    assert (numbers.p.bit_length(), numbers.q.bit_length()) == (1024, 160)
    assert 1 < numbers.g < numbers.p
    assert pow(numbers.g, numbers.q, numbers.p) == 1
    first, second = parameters.generate_private_key(), parameters.generate_private_key()
    assert first.parameters().parameter_numbers() == numbers
    assert first.private_numbers().x != second.private_numbers().x
    key = dsa.generate_private_key(1024)
    assert key.key_size == 1024
    x = key.private_numbers().x
    y = key.public_key().public_numbers().y
    params = key.parameters().parameter_numbers()
    assert pow(params.g, x, params.p) == y
    assert 0 < x < params.q


def test_generation_of_a_2048_bit_group():
    numbers = dsa.generate_parameters(2048).parameter_numbers()
    assert (numbers.p.bit_length(), numbers.q.bit_length()) == (2048, 256)
    assert (numbers.p - 1) % numbers.q == 0


@pytest.mark.parametrize("size", [512, 1000, 8192, -1, "1024", None])
def test_generation_sizes(size):
    with pytest.raises(
        ValueError, match="Key size must be 1024, 2048, 3072, or 4096 bits."
    ):
        dsa.generate_parameters(size)
    with pytest.raises(
        ValueError, match="Key size must be 1024, 2048, 3072, or 4096 bits."
    ):
        dsa.generate_private_key(size)


def test_numbers_argument_types(key):
    parameters = key.parameters().parameter_numbers()
    public = key.public_key().public_numbers()
    with pytest.raises(TypeError, match="'str' object is not an instance of 'int'"):
        dsa.DSAParameterNumbers("1", 2, 3)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="'float' object is not an instance of 'int'"):
        dsa.DSAParameterNumbers(1, 2.0, 3)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        dsa.DSAPublicNumbers("1", parameters)  # type: ignore[arg-type]
    with pytest.raises(
        TypeError, match="'None' is not an instance of 'DSAParameterNumbers'"
    ):
        dsa.DSAPublicNumbers(1, None)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        dsa.DSAPrivateNumbers("1", public)  # type: ignore[arg-type]
    with pytest.raises(
        TypeError,
        match="'DSAParameterNumbers' object is not an instance of 'DSAPublicNumbers'",
    ):
        dsa.DSAPrivateNumbers(1, parameters)


def test_parameter_checks(key):
    n = key.parameters().parameter_numbers()
    cases = [
        (
            (2**511 + 1, n.q, n.g),
            "p must be exactly 1024, 2048, 3072, or 4096 bits long",
        ),
        ((n.p, 2**150 + 1, n.g), "q must be exactly 160, 224, or 256 bits long"),
        ((n.p, n.q, 1), "g, p don't satisfy 1 < g < p."),
        ((n.p, n.q, n.p), "g, p don't satisfy 1 < g < p."),
        ((n.p, n.q, -n.g), "g, p don't satisfy 1 < g < p."),
    ]
    for (p, q, g), message in cases:
        numbers = dsa.DSAParameterNumbers(p, q, g)
        with pytest.raises(ValueError, match=message):
            numbers.parameters()
        with pytest.raises(ValueError, match=message):
            dsa.DSAPublicNumbers(2, numbers).public_key()
    assert n.parameters().parameter_numbers() == n


def test_private_number_checks(key):
    numbers = key.private_numbers()
    public, q = numbers.public_numbers, numbers.public_numbers.parameter_numbers.q
    for x in [0, q, q + 1, -numbers.x]:
        with pytest.raises(ValueError, match="x must be > 0 and < q."):
            dsa.DSAPrivateNumbers(x, public).private_key()
    with pytest.raises(ValueError, match=r"y must be equal to \(g \*\* x % p\)."):
        dsa.DSAPrivateNumbers(numbers.x ^ 1, public).private_key()
    assert numbers.private_key(None).private_numbers() == numbers


def test_public_value_range(key):
    """y = 0, 1 or p - 1 (and anything outside [0, p)) is refused: such a key would
    accept forged signatures or none."""
    parameters = key.parameters().parameter_numbers()
    for y in [0, 1, parameters.p - 1, parameters.p, -1]:
        with pytest.raises(ValueError, match="y must be > 1 and < p - 1."):
            dsa.DSAPublicNumbers(y, parameters).public_key()


def test_sign_and_verify_errors(key):
    public = key.public_key()
    signed = key.sign(b"abc", hashes.SHA256())
    public.verify(signed, b"abc", hashes.SHA256())
    public.verify(signed, bytearray(b"abc"), hashes.SHA256())
    public.verify(memoryview(signed), b"abc", hashes.SHA256())
    for bad in [b"", b"\x00", signed[:-1], signed + b"\x00", b"\x30\x00"]:
        with pytest.raises(InvalidSignature):
            public.verify(bad, b"abc", hashes.SHA256())
    with pytest.raises(InvalidSignature):
        public.verify(signed, b"abc", hashes.SHA384())
    with pytest.raises(TypeError):
        key.sign(b"abc", None)
    with pytest.raises(TypeError):
        key.sign("abc", hashes.SHA256())
    with pytest.raises(TypeError):
        public.verify(signed, b"abc", object())


@pytest.mark.parametrize(
    ("encoding", "format"),
    [
        (serialization.Encoding.PEM, serialization.PublicFormat.PKCS1),
        (serialization.Encoding.Raw, serialization.PublicFormat.Raw),
        (serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint),
        (serialization.Encoding.X962, serialization.PublicFormat.CompressedPoint),
    ],
)
def test_invalid_public_formats(key, encoding, format):
    with pytest.raises(ValueError, match="format is invalid with this key"):
        key.public_key().public_bytes(encoding, format)


def test_invalid_private_formats(key):
    with pytest.raises(ValueError, match="format is invalid with this key"):
        key.private_bytes(
            serialization.Encoding.Raw,
            serialization.PrivateFormat.Raw,
            serialization.NoEncryption(),
        )
    with pytest.raises(ValueError):
        key.private_bytes(
            serialization.Encoding.DER,
            serialization.PrivateFormat.TraditionalOpenSSL,
            serialization.BestAvailableEncryption(b"password"),
        )
    with pytest.raises(TypeError):
        key.private_bytes(
            serialization.Encoding.Raw,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )


def test_object_rules(key):
    public = key.public_key()
    assert public == key.public_key()
    assert public != dsa.generate_private_key(1024).public_key()
    assert public != object()
    assert key == key
    for obj in [key, public, key.parameters()]:
        assert copy.copy(obj) is obj
        assert copy.deepcopy(obj) is obj
        with pytest.raises(TypeError):
            pickle.dumps(obj)
    with pytest.raises(TypeError):
        hash(public)
    numbers = key.private_numbers()
    # The numbers classes compare by value and, as the reference's, are unhashable.
    assert numbers == key.private_numbers()
    assert numbers != object()
    for value in [
        numbers,
        numbers.public_numbers,
        numbers.public_numbers.parameter_numbers,
    ]:
        with pytest.raises(TypeError):
            hash(value)
    assert isinstance(key, dsa.DSAPrivateKeyWithSerialization)
    assert isinstance(public, dsa.DSAPublicKeyWithSerialization)
    assert isinstance(key.parameters(), dsa.DSAParametersWithNumbers)
    assert key.parameters() != key.parameters()


def test_numbers_repr():
    parameters = dsa.DSAParameterNumbers(7, 3, 2)
    public = dsa.DSAPublicNumbers(5, parameters)
    assert repr(parameters) == "<DSAParameterNumbers(p=7, q=3, g=2)>"
    assert repr(public) == (
        "<DSAPublicNumbers(y=5, parameter_numbers=<DSAParameterNumbers(p=7, q=3, g=2)>)>"
    )
    private = dsa.DSAPrivateNumbers(1, public)
    assert private.x == 1 and private.public_numbers is public
    assert public.y == 5 and public.parameter_numbers is parameters
    assert (parameters.p, parameters.q, parameters.g) == (7, 3, 2)
