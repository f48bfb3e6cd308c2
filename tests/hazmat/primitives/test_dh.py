"""Finite-field Diffie-Hellman against published vectors (RFC 5114's test keys, NIST CAVS
KAS FFC validity tests, Botan's exchange vectors, the RFC 3526 groups), the DH key and
group files of cryptography-vectors (every encoding, byte-exact re-serialization), the
deprecation warnings, and every error path of the API."""

from __future__ import annotations

import copy
import pathlib
import subprocess
import sys
import warnings

import pytest

from cryptography import utils
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import dh
from tests.vectors import Record, load_records, vector_path

# Every name of the dh module warns when read; the tests read them all the time.
pytestmark = pytest.mark.filterwarnings(
    "ignore::cryptography.utils.CryptographyDeprecationWarning"
)

Encoding = serialization.Encoding
PrivateFormat = serialization.PrivateFormat
PublicFormat = serialization.PublicFormat
ParameterFormat = serialization.ParameterFormat


def by_count(records: list[Record]) -> list[Record]:
    """Merges the blank-line-separated parts of each COUNT's record."""
    out: list[Record] = []
    for record in records:
        if "count" in record or not out:
            out.append(dict(record))
        else:
            out[-1].update(record)
    return out


def group_numbers(record: Record, base: int = 16) -> dh.DHParameterNumbers:
    q = int(record["q"], base) if "q" in record else None
    return dh.DHParameterNumbers(int(record["p"], base), int(record["g"], base), q)


def private_key(x: int, y: int, group: dh.DHParameterNumbers) -> dh.DHPrivateKey:
    return dh.DHPrivateNumbers(x, dh.DHPublicNumbers(y, group)).private_key()


def public_key(y: int, group: dh.DHParameterNumbers) -> dh.DHPublicKey:
    return dh.DHPublicNumbers(y, group).public_key()


@pytest.fixture(scope="module")
def rfc5114_group() -> dh.DHParameterNumbers:
    return group_numbers(by_count(load_records("asymmetric", "DH", "RFC5114.txt"))[0])


@pytest.fixture(scope="module")
def key(rfc5114_group) -> dh.DHPrivateKey:
    return rfc5114_group.parameters().generate_private_key()


def test_rfc5114_test_keys():
    records = by_count(load_records("asymmetric", "DH", "RFC5114.txt"))
    assert len(records) == 3
    for record in records:
        group = group_numbers(record)
        cavs = private_key(
            int(record["xstatcavs"], 16), int(record["ystatcavs"], 16), group
        )
        iut = private_key(
            int(record["xstatiut"], 16), int(record["ystatiut"], 16), group
        )
        expected = bytes.fromhex(record["z"])
        assert cavs.exchange(iut.public_key()) == expected
        assert iut.exchange(cavs.public_key()) == expected
        assert cavs.key_size == group.p.bit_length()


def kas_records() -> list[tuple[dh.DHParameterNumbers, Record]]:
    """(group, record) of the CAVS KAS FFC validity file: the P, Q, G lines head the
    records that follow them."""
    out = []
    group = None
    for record in load_records(
        "asymmetric", "DH", "KASValidityTest_FFCStatic_NOKC_ZZOnly_init.fax"
    ):
        if "p" in record:
            group = group_numbers(record)
            continue
        if "count" in record:
            assert group is not None
            out.append((group, record))
    return out


def test_kas_ffc_validity():
    records = kas_records()
    assert len(records) == 72
    outcomes: dict[str, int] = {}
    for group, record in records:
        result = record["result"]
        z = bytes.fromhex(record["z"])
        cavs = private_key(
            int(record["xstatcavs"], 16), int(record["ystatcavs"], 16), group
        )
        iut = private_key(
            int(record["xstatiut"], 16), int(record["ystatiut"], 16), group
        )
        code = result.split("(")[1].split()[0]
        outcomes[code] = outcomes.get(code, 0) + 1
        if result.startswith("P"):
            assert iut.exchange(cavs.public_key()) == z
            assert cavs.exchange(iut.public_key()) == z
        elif code == "1":
            # The CAVS public key is outside the subgroup: refused as a peer key.
            with pytest.raises(ValueError, match="Error computing shared key"):
                iut.exchange(cavs.public_key())
        elif code == "3":
            with pytest.raises(ValueError, match="Error computing shared key"):
                cavs.exchange(iut.public_key())
        else:
            # 4: the IUT's private value was changed; 5: Z was changed.
            assert code in ("4", "5")
            assert iut.exchange(cavs.public_key()) != z
    assert outcomes == {"0": 42, "10": 6, "1": 6, "3": 6, "4": 6, "5": 6}


def test_botan_exchange_vectors():
    records = load_records("asymmetric", "DH", "vec.txt")
    assert len(records) == 5
    for record in records:
        p, g = int(record["p"]), int(record["g"])
        if p.bit_length() < 512:
            # Below the smallest group accepted.
            with pytest.raises(ValueError, match="at least 512-bit"):
                dh.DHParameterNumbers(p, g)
            continue
        group = dh.DHParameterNumbers(p, g)
        y = int(record["y"])
        key = private_key(int(record["x"]), y, group)
        shared = key.exchange(public_key(y, group))
        assert int.from_bytes(shared, "big") == int(record["k"], 16)
        assert len(shared) == (p.bit_length() + 7) // 8


def test_shared_secret_keeps_leading_zeros():
    # Botan's vector 1 gives a secret of 63 significant bytes in a 64-byte group.
    record = load_records("asymmetric", "DH", "vec.txt")[1]
    group = dh.DHParameterNumbers(int(record["p"]), int(record["g"]))
    y = int(record["y"])
    shared = private_key(int(record["x"]), y, group).exchange(public_key(y, group))
    assert len(shared) == 64
    assert int.from_bytes(shared, "big") == int(record["k"], 16)


def test_bad_exchanges():
    records = load_records("asymmetric", "DH", "bad_exchange.txt")
    assert len(records) == 2
    for record in records:
        g = int(record["g"])
        one = private_key(
            int(record["x1"]),
            int(record["y1"]),
            dh.DHParameterNumbers(int(record["p1"]), g),
        )
        two = private_key(
            int(record["x2"]),
            int(record["y2"]),
            dh.DHParameterNumbers(int(record["p2"]), g),
        )
        with pytest.raises(ValueError, match="Error computing shared key"):
            one.exchange(two.public_key())
        with pytest.raises(ValueError, match="Error computing shared key"):
            two.exchange(one.public_key())


@pytest.mark.parametrize("index", range(6))
def test_rfc3526_groups(index):
    record = load_records("asymmetric", "DH", "rfc3526.txt")[index]
    group = dh.DHParameterNumbers(int(record["p"], 16), int(record["g"]))
    parameters = group.parameters()
    assert parameters.parameter_numbers() == group
    if group.p.bit_length() > 4096:
        return
    one = parameters.generate_private_key()
    two = parameters.generate_private_key()
    shared = one.exchange(two.public_key())
    assert shared == two.exchange(one.public_key())
    assert len(shared) == group.p.bit_length() // 8
    numbers = one.private_numbers()
    assert numbers.public_numbers.parameter_numbers == group
    assert pow(group.g, numbers.x, group.p) == numbers.public_numbers.y


KEY_FILES = [
    ("dhkey.pem", "dhkey.txt"),
    ("dhkey.der", "dhkey.txt"),
    ("dhkey_rfc5114_2.pem", "dhkey_rfc5114_2.txt"),
    ("dhkey_rfc5114_2.der", "dhkey_rfc5114_2.txt"),
]


def load_private(name: str) -> dh.DHPrivateKey:
    data = vector_path("asymmetric", "DH", name).read_bytes()
    loader = (
        serialization.load_pem_private_key
        if name.endswith(".pem")
        else serialization.load_der_private_key
    )
    with pytest.warns(utils.DeprecatedIn50, match="Diffie-Hellman over finite"):
        key = loader(data, None)
    assert isinstance(key, dh.DHPrivateKey)
    return key


def load_public(name: str) -> dh.DHPublicKey:
    data = vector_path("asymmetric", "DH", name).read_bytes()
    loader = (
        serialization.load_pem_public_key
        if name.endswith(".pem")
        else serialization.load_der_public_key
    )
    with pytest.warns(utils.DeprecatedIn50, match="Diffie-Hellman over finite"):
        key = loader(data)
    assert isinstance(key, dh.DHPublicKey)
    return key


def check_group(numbers: dh.DHParameterNumbers, record: Record) -> None:
    assert numbers.p == int(record["p"], 16)
    assert numbers.g == int(record["g"], 16)
    assert numbers.q == (int(record["q"], 16) if "q" in record else None)


@pytest.mark.parametrize(("name", "values"), KEY_FILES)
def test_private_key_files(name, values):
    record = load_records("asymmetric", "DH", values)[0]
    key = load_private(name)
    numbers = key.private_numbers()
    assert numbers.x == int(record["x"], 16)
    assert numbers.public_numbers.y == int(record["y"], 16)
    check_group(numbers.public_numbers.parameter_numbers, record)
    encoding = Encoding.PEM if name.endswith(".pem") else Encoding.DER
    written = key.private_bytes(
        encoding, PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    assert written == vector_path("asymmetric", "DH", name).read_bytes()
    assert key.key_size == int(record["p"], 16).bit_length()


@pytest.mark.parametrize(
    ("name", "values"), [(n.replace("dhkey", "dhpub"), v) for n, v in KEY_FILES]
)
def test_public_key_files(name, values):
    record = load_records("asymmetric", "DH", values)[0]
    key = load_public(name)
    numbers = key.public_numbers()
    assert numbers.y == int(record["y"], 16)
    check_group(numbers.parameter_numbers, record)
    encoding = Encoding.PEM if name.endswith(".pem") else Encoding.DER
    written = key.public_bytes(encoding, PublicFormat.SubjectPublicKeyInfo)
    assert written == vector_path("asymmetric", "DH", name).read_bytes()
    # The private key file holds the same key.
    assert load_private(name.replace("dhpub", "dhkey")).public_key() == key


@pytest.mark.parametrize(
    ("name", "values"),
    [(n.replace("dhkey", "dhp"), v) for n, v in KEY_FILES],
)
def test_parameter_files(name, values):
    record = load_records("asymmetric", "DH", values)[0]
    data = vector_path("asymmetric", "DH", name).read_bytes()
    pem = name.endswith(".pem")
    with pytest.warns(utils.DeprecatedIn50, match="Diffie-Hellman over finite"):
        loader = (
            serialization.load_pem_parameters
            if pem
            else serialization.load_der_parameters
        )
    with pytest.warns(utils.DeprecatedIn50, match="Diffie-Hellman over finite"):
        parameters = loader(data)
    check_group(parameters.parameter_numbers(), record)
    encoding = Encoding.PEM if pem else Encoding.DER
    assert parameters.parameter_bytes(encoding, ParameterFormat.PKCS3) == data


def test_pkcs3_private_value_length_is_not_q():
    data = vector_path("asymmetric", "DH", "dhp_privatevaluelength.pem").read_bytes()
    parameters = serialization.load_pem_parameters(data)
    numbers = parameters.parameter_numbers()
    assert (numbers.g, numbers.q) == (2, None)
    # Written back without the advisory length.
    out = parameters.parameter_bytes(Encoding.PEM, ParameterFormat.PKCS3)
    assert out.startswith(b"-----BEGIN DH PARAMETERS-----\n")
    assert serialization.load_pem_parameters(out).parameter_numbers() == numbers


def test_old_public_key_file():
    key = load_public("dhpub_cryptography_old.pem")
    other = key.parameters().generate_private_key()
    assert len(other.exchange(key)) == (key.key_size + 7) // 8


def test_small_groups_are_refused():
    data = vector_path("asymmetric", "DH", "dh_key_256.pem").read_bytes()
    with pytest.raises(ValueError, match="Invalid DH parameters"):
        serialization.load_pem_private_key(data, None)
    # The public half of the same 256-bit group, as a SubjectPublicKeyInfo.
    spki = bytes.fromhex(
        "305a303306092a864886f70d0103013026022100813e0e814bee676d"
        "bd3d9d28ed73d36735d21ff6457236f68d3d6145560c0fab02010203"
        "230002202229529e73a612153eb1d5180040c2ceb50cfcf9bd86d221"
        "2441626ecf288e06"
    )
    with pytest.raises(ValueError, match="Invalid DH parameters"):
        serialization.load_der_public_key(spki)


def test_malformed_files():
    der = vector_path("asymmetric", "DH", "dhkey.der").read_bytes()
    with pytest.raises(ValueError):
        serialization.load_der_private_key(der[:-1], None)
    with pytest.raises(ValueError):
        serialization.load_der_private_key(der + b"\x00", None)
    params = vector_path("asymmetric", "DH", "dhp.der").read_bytes()
    with pytest.raises(ValueError):
        serialization.load_der_parameters(params + b"\x00")
    with pytest.raises(ValueError, match="no BEGIN DH PARAMETERS"):
        serialization.load_pem_parameters(
            vector_path("asymmetric", "DH", "dhpub.pem").read_bytes()
        )
    # A group whose p is not prime.
    numbers = load_private("dhkey.der").private_numbers().public_numbers
    group = numbers.parameter_numbers
    bad = dh.DHParameterNumbers(group.p + 2, group.g)
    with pytest.raises(ValueError, match="Invalid DH parameters"):
        bad.parameters()
    with pytest.raises(ValueError, match="Invalid DH parameters"):
        dh.DHPublicNumbers(numbers.y, bad).public_key()


def test_numbers_rules():
    p = load_private("dhkey.der").private_numbers().public_numbers.parameter_numbers.p
    group = dh.DHParameterNumbers(p, 2)
    assert (group.p, group.g, group.q) == (p, 2, None)
    with pytest.raises(TypeError):
        dh.DHParameterNumbers(None, 2)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        dh.DHParameterNumbers(p, None)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        dh.DHParameterNumbers(p, 2, "q")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="DH generator must be 2 or greater"):
        dh.DHParameterNumbers(p, 1)
    with pytest.raises(ValueError, match="p \\(modulus\\) must be at least 512-bit"):
        dh.DHParameterNumbers(65537, 2)
    public = dh.DHPublicNumbers(1, group)
    assert public.parameter_numbers is group
    with pytest.raises(TypeError):
        dh.DHPublicNumbers(1, None)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        dh.DHPublicNumbers(None, group)  # type: ignore[arg-type]
    private = dh.DHPrivateNumbers(2, public)
    assert private.public_numbers is public
    with pytest.raises(TypeError):
        dh.DHPrivateNumbers(2, None)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        dh.DHPrivateNumbers(-2, public).private_key()

    assert group == dh.DHParameterNumbers(p, 2)
    assert group != dh.DHParameterNumbers(p, 2, 7)
    assert group != dh.DHParameterNumbers(p, 5)
    assert group != object()
    assert public == dh.DHPublicNumbers(1, dh.DHParameterNumbers(p, 2))
    assert public != dh.DHPublicNumbers(3, group)
    assert private == dh.DHPrivateNumbers(2, public)
    assert private != dh.DHPrivateNumbers(3, public)
    assert private != object()


def test_generation():
    with pytest.raises(ValueError, match="at least 512 bits"):
        dh.generate_parameters(2, 511)
    with pytest.raises(ValueError, match="DH generator must be 2 or 5"):
        dh.generate_parameters(7, 512)
    with pytest.raises(ValueError, match="Unable to generate DH parameters"):
        dh.generate_parameters(2, 1 << 30)
    parameters = dh.generate_parameters(2, 512)
    numbers = parameters.parameter_numbers()
    assert (numbers.p.bit_length(), numbers.g, numbers.q) == (512, 2, None)
    key = parameters.generate_private_key()
    assert key.key_size == 512
    assert key.parameters().parameter_numbers() == numbers
    assert key.public_key().parameters().parameter_numbers() == numbers


def test_serialization_rules(key):
    public = key.public_key()
    with pytest.raises(ValueError):
        key.private_bytes(
            Encoding.PEM, PrivateFormat.TraditionalOpenSSL, serialization.NoEncryption()
        )
    for encoding, private_format in [
        (Encoding.Raw, PrivateFormat.PKCS8),
        (Encoding.DER, PrivateFormat.Raw),
        (Encoding.Raw, PrivateFormat.Raw),
        (Encoding.X962, PrivateFormat.PKCS8),
    ]:
        with pytest.raises((ValueError, TypeError)):
            key.private_bytes(encoding, private_format, serialization.NoEncryption())
    with pytest.raises(TypeError):
        key.private_bytes("PEM", PrivateFormat.PKCS8, serialization.NoEncryption())
    with pytest.raises(ValueError):
        public.public_bytes(Encoding.PEM, PublicFormat.PKCS1)
    for format in [PublicFormat.Raw, PublicFormat.UncompressedPoint]:
        with pytest.raises((ValueError, TypeError)):
            public.public_bytes(Encoding.DER, format)
    parameters = key.parameters()
    with pytest.raises(TypeError):
        parameters.parameter_bytes(Encoding.OpenSSH, ParameterFormat.PKCS3)
    with pytest.raises(TypeError):
        parameters.parameter_bytes(Encoding.PEM, "PKCS3")
    with pytest.raises(TypeError):
        parameters.parameter_bytes("PEM", ParameterFormat.PKCS3)
    # An X9.42 group is written under its own label and read back with q.
    pem = parameters.parameter_bytes(Encoding.PEM, ParameterFormat.PKCS3)
    assert pem.startswith(b"-----BEGIN X9.42 DH PARAMETERS-----\n")
    assert serialization.load_pem_parameters(pem).parameter_numbers().q is not None


def test_encrypted_private_key_round_trip(key):
    pem = key.private_bytes(
        Encoding.PEM, PrivateFormat.PKCS8, serialization.BestAvailableEncryption(b"pw")
    )
    assert pem.startswith(b"-----BEGIN ENCRYPTED PRIVATE KEY-----")
    loaded = serialization.load_pem_private_key(pem, b"pw")
    assert isinstance(loaded, dh.DHPrivateKey)
    assert loaded.private_numbers() == key.private_numbers()


def test_object_rules(key):
    public = key.public_key()
    assert copy.copy(key) is key
    assert copy.deepcopy(key) is key
    assert copy.copy(public) is public
    assert copy.deepcopy(public) is public
    assert public == key.public_key()
    assert public != key.parameters().generate_private_key().public_key()
    assert public != object()
    with pytest.raises(TypeError):
        public < public  # noqa: B015
    with pytest.raises(TypeError):
        key.exchange(b"not a key")
    with pytest.raises(ValueError, match="Error computing shared key"):
        key.exchange(load_public("dhpub.pem"))


def test_deprecation_warnings():
    with pytest.warns(utils.DeprecatedIn50, match="Diffie-Hellman over finite"):
        dh.DHParameterNumbers  # noqa: B018
    with pytest.warns(utils.DeprecatedIn50, match="Diffie-Hellman over finite"):
        dh.generate_parameters  # noqa: B018
    with pytest.warns(utils.DeprecatedIn50, match="Diffie-Hellman over finite"):
        serialization.load_der_parameters  # noqa: B018
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        # The aliases the key-type unions use do not warn.
        assert dh._DHPublicKey is not None
        assert dh._DHPrivateKey is not None


def test_importing_the_key_types_does_not_warn():
    code = (
        "import warnings; warnings.simplefilter('error'); "
        "import cryptography.hazmat.primitives.asymmetric.types; "
        "import cryptography.hazmat.primitives.serialization"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


OURS = pathlib.Path(__file__).resolve().parents[2].parent / "vectors" / "dh"


def floor_of_e_times_2_to(bits: int) -> int:
    """floor(e * 2**bits), from the series for e with 64 guard bits (each of the few
    hundred terms is floored once; the error stays far below the guard)."""
    guard = 64
    total, term, k = 0, 1 << (bits + guard), 0
    while term:
        total += term
        k += 1
        term //= k
    return total >> guard


@pytest.mark.parametrize(
    ("bits", "x"), [(2048, 560316), (3072, 2625351), (4096, 5736041)]
)
def test_rfc7919_groups(bits, x):
    # RFC 7919 appendix A: p = 2^b - 2^(b-64) + {[2^(b-130) e] + X} * 2^64 - 1, g = 2;
    # the files are OpenSSL's (vectors/dh/README.md has the command).
    p = 2**bits - 2 ** (bits - 64) + (floor_of_e_times_2_to(bits - 130) + x) * 2**64 - 1
    data = (OURS / f"ffdhe{bits}.pem").read_bytes()
    parameters = serialization.load_pem_parameters(data)
    numbers = parameters.parameter_numbers()
    assert (numbers.p, numbers.g, numbers.q) == (p, 2, None)
    assert parameters.parameter_bytes(Encoding.PEM, ParameterFormat.PKCS3) == data
    one, two = parameters.generate_private_key(), parameters.generate_private_key()
    shared = one.exchange(two.public_key())
    assert shared == two.exchange(one.public_key())
    assert len(shared) == bits // 8
    assert int.from_bytes(shared, "big") == pow(
        two.public_key().public_numbers().y, one.private_numbers().x, p
    )
