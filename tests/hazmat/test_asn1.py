# This file is dual licensed under the terms of the Apache License, Version
# 2.0, and the BSD License. See the LICENSE file in the root of this repository
# for complete details.

"""`cryptography.hazmat.asn1`: structures declared in Python, checked against the
encodings X.690 gives as examples and against RFC 5280 structures as the X.509 layer
writes them, then every annotation and every error.

No `from __future__ import annotations` here: the classes declared inside tests name
local classes, which string annotations could not resolve.
"""

import dataclasses
import datetime
import enum
import ipaddress
import re
import sys
import typing
from typing import Annotated, Optional, Union

import pytest

from cryptography import x509
from cryptography.hazmat import asn1
from cryptography.hazmat.bindings._rust import declarative_asn1
from cryptography.hazmat.primitives import serialization
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from tests import der as der_writer
from tests.vectors import vector_path

UTC = datetime.timezone.utc


def tlv(tag: int, *contents: bytes) -> bytes:
    return der_writer.tlv(tag, b"".join(contents))


def round_trip(value: object, der: bytes) -> None:
    """`value` encodes as `der`, which decodes as an equal value of its class."""
    assert asn1.encode_der(value) == der
    assert asn1.decode_der(type(value), der) == value


# --- X.690's examples -------------------------------------------------------------


@asn1.sequence
class NameAndFlag:
    # X.690 8.9.3: SEQUENCE {name IA5String, ok BOOLEAN}
    name: asn1.IA5String
    ok: bool


def test_x690_sequence_example() -> None:
    der = b"\x30\x0a\x16\x05Smith\x01\x01\xff"
    assert asn1.encode_der(NameAndFlag(name=asn1.IA5String("Smith"), ok=True)) == der
    decoded = asn1.decode_der(NameAndFlag, der)
    assert decoded.name == asn1.IA5String("Smith")
    assert decoded.ok is True


def test_x690_leaf_examples() -> None:
    # 8.2: TRUE; 8.6.4.2: '0A3B5F291CD'H; 8.19.5: {2 999 3}.
    round_trip(True, b"\x01\x01\xff")
    round_trip(
        asn1.BitString(b"\x0a\x3b\x5f\x29\x1c\xd0", 4),
        b"\x03\x07\x04\x0a\x3b\x5f\x29\x1c\xd0",
    )
    round_trip(x509.ObjectIdentifier("2.999.3"), b"\x06\x03\x88\x37\x03")


@pytest.mark.parametrize(
    ("text", "when"),
    [
        # X.690 11.7 and 11.8's examples of DER times.
        (b"19920521000000Z", datetime.datetime(1992, 5, 21, tzinfo=UTC)),
        (b"19920622123421Z", datetime.datetime(1992, 6, 22, 12, 34, 21, tzinfo=UTC)),
        (
            b"19920722132100.3Z",
            datetime.datetime(1992, 7, 22, 13, 21, 0, 300000, tzinfo=UTC),
        ),
    ],
)
def test_x690_generalized_time_examples(text: bytes, when: datetime.datetime) -> None:
    round_trip(asn1.GeneralizedTime(when), tlv(0x18, text))


@pytest.mark.parametrize(
    ("text", "when"),
    [
        (b"920521000000Z", datetime.datetime(1992, 5, 21, tzinfo=UTC)),
        (b"920622123421Z", datetime.datetime(1992, 6, 22, 12, 34, 21, tzinfo=UTC)),
        (b"920722132100Z", datetime.datetime(1992, 7, 22, 13, 21, tzinfo=UTC)),
    ],
)
def test_x690_utc_time_examples(text: bytes, when: datetime.datetime) -> None:
    round_trip(asn1.UTCTime(when), tlv(0x17, text))
    assert asn1.decode_der(asn1.UTCTime, tlv(0x17, text)).as_datetime() == when


# --- RFC 5280's structures, against the X.509 layer --------------------------------


@asn1.sequence
class AlgorithmIdentifier:
    algorithm: x509.ObjectIdentifier
    # ANY DEFINED BY algorithm: NULL for the RSA algorithms of these certificates.
    parameters: Optional[asn1.Null]


Time = Union[asn1.UTCTime, asn1.GeneralizedTime]


@asn1.sequence
class Validity:
    not_before: Time
    not_after: Time


@asn1.sequence
class SubjectPublicKeyInfo:
    algorithm: AlgorithmIdentifier
    subject_public_key: asn1.BitString


@asn1.sequence
class Extension:
    extn_id: x509.ObjectIdentifier
    critical: Annotated[bool, asn1.Default(False)]
    extn_value: bytes


@asn1.sequence
class TBSCertificate:
    version: Annotated[int, asn1.Explicit(0), asn1.Default(0)]
    serial_number: int
    signature: AlgorithmIdentifier
    issuer: x509.Name
    validity: Validity
    subject: x509.Name
    subject_public_key_info: SubjectPublicKeyInfo
    issuer_unique_id: Annotated[Optional[asn1.BitString], asn1.Implicit(1)]
    subject_unique_id: Annotated[Optional[asn1.BitString], asn1.Implicit(2)]
    extensions: Annotated[Optional[list[Extension]], asn1.Explicit(3)]


@asn1.sequence
class Certificate:
    tbs_certificate: TBSCertificate
    signature_algorithm: AlgorithmIdentifier
    signature_value: asn1.BitString


def _as_datetime(time: Time) -> datetime.datetime:
    return time.as_datetime()


@pytest.mark.parametrize(
    "name", ["cryptography.io.pem", "v1_cert.pem", "wildcard_san.pem"]
)
def test_certificates_read_through_rfc5280(name: str) -> None:
    cert = x509.load_pem_x509_certificate(vector_path("x509", name).read_bytes())
    der = cert.public_bytes(serialization.Encoding.DER)
    decoded = asn1.decode_der(Certificate, der)
    tbs = decoded.tbs_certificate

    assert tbs.version == cert.version.value
    assert tbs.serial_number == cert.serial_number
    # (v1_cert.pem names md5WithRSAEncryption inside and md5 outside: the package
    # reports the outer one.)
    assert decoded.signature_algorithm.algorithm == cert.signature_algorithm_oid
    assert tbs.issuer == cert.issuer
    assert tbs.subject == cert.subject
    assert _as_datetime(tbs.validity.not_before) == cert.not_valid_before_utc
    assert _as_datetime(tbs.validity.not_after) == cert.not_valid_after_utc
    assert asn1.encode_der(
        tbs.subject_public_key_info
    ) == cert.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    assert tbs.issuer_unique_id is None
    assert tbs.subject_unique_id is None
    extensions = [(e.extn_id, e.critical, e.extn_value) for e in tbs.extensions or []]
    assert extensions == [
        (ext.oid, ext.critical, ext.value.public_bytes()) for ext in cert.extensions
    ]
    assert decoded.signature_value.as_bytes() == cert.signature
    assert decoded.signature_value.padding_bits() == 0

    # Written back: the same bytes, part by part and whole.
    assert asn1.encode_der(tbs) == cert.tbs_certificate_bytes
    assert asn1.encode_der(decoded) == der


@asn1.sequence
class BasicConstraints:
    ca: Annotated[bool, asn1.Default(False)]
    path_len_constraint: Optional[int]


@pytest.mark.parametrize(
    ("ca", "path_length"), [(False, None), (True, None), (True, 0), (True, 300)]
)
def test_basic_constraints(ca: bool, path_length: Optional[int]) -> None:
    expected = x509.BasicConstraints(ca=ca, path_length=path_length).public_bytes()
    value = BasicConstraints(ca=ca, path_len_constraint=path_length)
    assert asn1.encode_der(value) == expected
    decoded = asn1.decode_der(BasicConstraints, expected)
    assert (decoded.ca, decoded.path_len_constraint) == (ca, path_length)


GeneralName = Union[
    Annotated[
        asn1.Variant[asn1.IA5String, typing.Literal["rfc822Name"]], asn1.Implicit(1)
    ],
    Annotated[
        asn1.Variant[asn1.IA5String, typing.Literal["dNSName"]], asn1.Implicit(2)
    ],
    Annotated[
        asn1.Variant[x509.Name, typing.Literal["directoryName"]], asn1.Explicit(4)
    ],
    Annotated[
        asn1.Variant[asn1.IA5String, typing.Literal["uniformResourceIdentifier"]],
        asn1.Implicit(6),
    ],
    Annotated[asn1.Variant[bytes, typing.Literal["iPAddress"]], asn1.Implicit(7)],
    Annotated[
        asn1.Variant[x509.ObjectIdentifier, typing.Literal["registeredID"]],
        asn1.Implicit(8),
    ],
]


@asn1.sequence
class AuthorityKeyIdentifier:
    key_identifier: Annotated[Optional[bytes], asn1.Implicit(0)]
    authority_cert_issuer: Annotated[Optional[list[GeneralName]], asn1.Implicit(1)]
    authority_cert_serial_number: Annotated[Optional[int], asn1.Implicit(2)]


@asn1.sequence
class GeneralNames:
    names: list[GeneralName]


ISSUER = x509.Name(
    [
        x509.NameAttribute(NameOID.COUNTRY_NAME, "NZ"),
        x509.NameAttribute(NameOID.COMMON_NAME, "Example CA"),
    ]
)


def test_general_names_as_the_x509_layer_writes_them() -> None:
    san = x509.SubjectAlternativeName(
        [
            x509.RFC822Name("ops@example.com"),
            x509.DNSName("example.com"),
            x509.DirectoryName(ISSUER),
            x509.UniformResourceIdentifier("https://example.com/"),
            x509.IPAddress(ipaddress.ip_address("192.0.2.1")),
            x509.RegisteredID(x509.ObjectIdentifier("1.2.3.4")),
        ]
    )
    names = GeneralNames(
        names=[
            asn1.Variant(asn1.IA5String("ops@example.com"), "rfc822Name"),
            asn1.Variant(asn1.IA5String("example.com"), "dNSName"),
            asn1.Variant(ISSUER, "directoryName"),
            asn1.Variant(
                asn1.IA5String("https://example.com/"), "uniformResourceIdentifier"
            ),
            asn1.Variant(b"\xc0\x00\x02\x01", "iPAddress"),
            asn1.Variant(x509.ObjectIdentifier("1.2.3.4"), "registeredID"),
        ]
    )
    # GeneralNames is the SEQUENCE OF; the declared class wraps it in one more.
    expected = tlv(0x30, san.public_bytes())
    assert asn1.encode_der(names) == expected
    decoded = asn1.decode_der(GeneralNames, expected)
    assert decoded.names == names.names


def test_authority_key_identifier() -> None:
    aki = x509.AuthorityKeyIdentifier(
        key_identifier=bytes(range(20)),
        authority_cert_issuer=[x509.DirectoryName(ISSUER)],
        authority_cert_serial_number=4096,
    )
    value = AuthorityKeyIdentifier(
        key_identifier=bytes(range(20)),
        authority_cert_issuer=[asn1.Variant(ISSUER, "directoryName")],
        authority_cert_serial_number=4096,
    )
    assert asn1.encode_der(value) == aki.public_bytes()
    decoded = asn1.decode_der(AuthorityKeyIdentifier, aki.public_bytes())
    assert decoded.key_identifier == bytes(range(20))
    assert decoded.authority_cert_issuer == [asn1.Variant(ISSUER, "directoryName")]
    assert decoded.authority_cert_serial_number == 4096

    # Only the key identifier, from a certificate of the vectors.
    cert = x509.load_pem_x509_certificate(
        vector_path("x509", "cryptography.io.pem").read_bytes()
    )
    ext = cert.extensions.get_extension_for_class(x509.AuthorityKeyIdentifier)
    decoded = asn1.decode_der(AuthorityKeyIdentifier, ext.value.public_bytes())
    assert decoded.key_identifier == ext.value.key_identifier
    assert decoded.authority_cert_issuer is None
    assert decoded.authority_cert_serial_number is None


@asn1.sequence
class KeyPurposes:
    purposes: Annotated[list[x509.ObjectIdentifier], asn1.Size(min=1, max=None)]


def test_extended_key_usage_and_key_usage() -> None:
    eku = x509.ExtendedKeyUsage(
        [ExtendedKeyUsageOID.SERVER_AUTH, ExtendedKeyUsageOID.CLIENT_AUTH]
    )
    value = KeyPurposes(
        purposes=[ExtendedKeyUsageOID.SERVER_AUTH, ExtendedKeyUsageOID.CLIENT_AUTH]
    )
    assert asn1.encode_der(value) == tlv(0x30, eku.public_bytes())
    with pytest.raises(
        ValueError, match=re.escape("SEQUENCE OF has size 0, expected size in [1, ")
    ):
        asn1.encode_der(KeyPurposes(purposes=[]))

    # KeyUsage: digitalSignature and keyEncipherment, bits 0 and 2 (five unused bits).
    usage = x509.KeyUsage(
        digital_signature=True,
        content_commitment=False,
        key_encipherment=True,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=False,
        crl_sign=False,
        encipher_only=False,
        decipher_only=False,
    )
    bits = asn1.decode_der(asn1.BitString, usage.public_bytes())
    assert (bits.as_bytes(), bits.padding_bits()) == (b"\xa0", 5)
    assert asn1.encode_der(bits) == usage.public_bytes()


def test_x509_objects_whole() -> None:
    cert = x509.load_pem_x509_certificate(
        vector_path("x509", "cryptography.io.pem").read_bytes()
    )
    der = cert.public_bytes(serialization.Encoding.DER)
    assert asn1.decode_der(x509.Certificate, der) == cert
    assert asn1.encode_der(cert) == der
    csr = x509.load_pem_x509_csr(
        vector_path("x509", "requests", "rsa_sha256.pem").read_bytes()
    )
    csr_der = csr.public_bytes(serialization.Encoding.DER)
    assert asn1.decode_der(x509.CertificateSigningRequest, csr_der) == csr
    crl = x509.load_pem_x509_crl(
        vector_path("x509", "custom", "crl_all_reasons.pem").read_bytes()
    )
    crl_der = crl.public_bytes(serialization.Encoding.DER)
    assert asn1.decode_der(x509.CertificateRevocationList, crl_der) == crl
    round_trip(ISSUER, ISSUER.public_bytes())

    # Refused as their loaders refuse them.
    with pytest.raises(ValueError):
        asn1.decode_der(x509.Certificate, b"\x30\x03\x02\x01\x00")
    with pytest.raises(ValueError):
        asn1.decode_der(x509.Name, b"\x30\x03\x02\x01\x00")

    @asn1.sequence
    class Holder:
        name: Annotated[x509.Name, asn1.Implicit(5)]
        cert: Annotated[Optional[x509.Certificate], asn1.Explicit(0)]

    holder = Holder(name=ISSUER, cert=cert)
    inner = b"\xa5" + ISSUER.public_bytes()[1:] + tlv(0xA0, der)
    assert asn1.encode_der(holder) == tlv(0x30, inner)
    decoded = asn1.decode_der(Holder, tlv(0x30, inner))
    assert (decoded.name, decoded.cert) == (ISSUER, cert)
    with pytest.raises(
        TypeError, match="Name field must be an instance of x509.Name, got: str"
    ):
        asn1.encode_der(Holder(name=typing.cast(typing.Any, "CN=x"), cert=None))
    with pytest.raises(TypeError):
        asn1.encode_der(Holder(name=ISSUER, cert=typing.cast(typing.Any, csr)))


# --- Every type ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "der"),
    [
        (0, b"\x02\x01\x00"),
        (127, b"\x02\x01\x7f"),
        (128, b"\x02\x02\x00\x80"),
        (-128, b"\x02\x01\x80"),
        (-129, b"\x02\x02\xff\x7f"),
        (2**64, b"\x02\x09\x01" + bytes(8)),
        (-(2**64), b"\x02\x09\xff" + bytes(8)),
        (False, b"\x01\x01\x00"),
        (b"", b"\x04\x00"),
        (b"\x00\xff", b"\x04\x02\x00\xff"),
        ("", b"\x0c\x00"),
        ("€", b"\x0c\x03\xe2\x82\xac"),
        (asn1.PrintableString("A b'()+,-./:=?"), b"\x13\x0eA b'()+,-./:=?"),
        (asn1.IA5String("@\x00~"), b"\x16\x03@\x00~"),
        (asn1.BitString(b"", 0), b"\x03\x01\x00"),
        (asn1.Null(), b"\x05\x00"),
        (
            x509.ObjectIdentifier("1.2.840.113549.1.1.11"),
            b"\x06\x09\x2a\x86\x48\x86\xf7\x0d\x01\x01\x0b",
        ),
        (asn1.SetOf([2, 1]), b"\x31\x06\x02\x01\x01\x02\x01\x02"),
    ],
)
def test_top_level_values(value: object, der: bytes) -> None:
    assert asn1.encode_der(value) == der
    if isinstance(value, asn1.SetOf):
        # Decoding needs the element type; a top-level SetOf has none.
        with pytest.raises(TypeError, match="cannot handle type"):
            asn1.decode_der(asn1.SetOf, der)
    else:
        decoded = asn1.decode_der(type(value), der)
        assert decoded == value
        assert type(decoded) is type(value)


def test_tlv() -> None:
    tlv_value = asn1.decode_der(asn1.TLV, b"\x30\x06\x02\x01\x01\x01\x01\xff")
    assert tlv_value.tag_bytes == b"\x30"
    assert bytes(tlv_value.data) == b"\x02\x01\x01\x01\x01\xff"
    assert isinstance(tlv_value.data, memoryview)
    assert asn1.encode_der(tlv_value) == b"\x30\x06\x02\x01\x01\x01\x01\xff"

    @asn1.sequence
    class Pair:
        number: int
        flag: bool

    pair = tlv_value.parse(Pair)
    assert (pair.number, pair.flag) == (1, True)
    # A high tag number: its tag takes two bytes.
    high = asn1.decode_der(asn1.TLV, b"\x9f\x1f\x01\x00")
    assert high.tag_bytes == b"\x9f\x1f"
    assert bytes(high.data) == b"\x00"


def test_set_of() -> None:
    @asn1.sequence
    class Holder:
        numbers: asn1.SetOf[int]
        pairs: asn1.SetOf[NameAndFlag]

    value = Holder(
        numbers=asn1.SetOf([3, 1, 2]),
        pairs=asn1.SetOf(
            [
                NameAndFlag(name=asn1.IA5String("b"), ok=True),
                NameAndFlag(name=asn1.IA5String("a"), ok=False),
            ]
        ),
    )
    pairs = tlv(
        0x31,
        tlv(0x30, b"\x16\x01a\x01\x01\x00"),
        tlv(0x30, b"\x16\x01b\x01\x01\xff"),
    )
    der = tlv(0x30, tlv(0x31, b"\x02\x01\x01\x02\x01\x02\x02\x01\x03"), pairs)
    assert asn1.encode_der(value) == der
    decoded = asn1.decode_der(Holder, der)
    assert decoded.numbers == asn1.SetOf([1, 2, 3])
    assert [p.name.as_str() for p in decoded.pairs.as_list()] == ["a", "b"]
    # A top-level SET OF of declared values takes their class's schema.
    assert asn1.encode_der(value.pairs) == pairs
    unsorted = tlv(0x30, tlv(0x31, b"\x02\x01\x02\x02\x01\x01"), tlv(0x31, b""))
    with pytest.raises(ValueError, match="InvalidSetOrdering"):
        asn1.decode_der(Holder, unsorted)


def test_value_classes() -> None:
    assert asn1.PrintableString("x") == asn1.PrintableString("x")
    assert asn1.PrintableString("x") != asn1.IA5String("x")
    assert hash(asn1.IA5String("x")) == hash(asn1.IA5String("x"))
    assert (
        repr(asn1.BitString(b"\x80", 7)) == "BitString(data=b'\\x80', padding_bits=7)"
    )
    assert asn1.Null() == asn1.Null()
    assert hash(asn1.Null()) == hash(asn1.Null())
    assert repr(asn1.SetOf([1])) == "SetOf([1])"
    assert asn1.SetOf[int] is not asn1.SetOf
    when = datetime.datetime(
        2020, 1, 1, 1, tzinfo=datetime.timezone(datetime.timedelta(hours=1))
    )
    # An aware time in another zone is written in UTC.
    assert asn1.encode_der(asn1.UTCTime(when)) == tlv(0x17, b"200101000000Z")
    assert asn1.UTCTime(when).as_datetime() is when
    assert asn1.Size.exact(3).min == asn1.Size.exact(3).max == 3
    assert asn1.Size(1, None).max is None
    assert asn1.Variant(1, "a") == asn1.Variant(1, "a")


# --- Annotations --------------------------------------------------------------------


def test_explicit_and_implicit() -> None:
    @asn1.sequence
    class Tagged:
        a: Annotated[int, asn1.Implicit(0)]
        b: Annotated[NameAndFlag, asn1.Implicit(1)]
        c: Annotated[asn1.SetOf[int], asn1.Explicit(2)]
        d: Annotated[asn1.TLV, asn1.Explicit(30)]

    value = Tagged(
        a=5,
        b=NameAndFlag(name=asn1.IA5String("n"), ok=False),
        c=asn1.SetOf([1]),
        d=asn1.decode_der(asn1.TLV, b"\x05\x00"),
    )
    der = tlv(
        0x30,
        b"\x80\x01\x05",
        tlv(0xA1, b"\x16\x01n\x01\x01\x00"),
        tlv(0xA2, tlv(0x31, b"\x02\x01\x01")),
        tlv(0xBE, b"\x05\x00"),
    )
    assert asn1.encode_der(value) == der
    decoded = asn1.decode_der(Tagged, der)
    assert decoded.a == 5
    assert decoded.b.name == asn1.IA5String("n")
    assert decoded.c == asn1.SetOf([1])
    assert decoded.d.tag_bytes == b"\x05"


def test_optional_and_default_fields() -> None:
    @asn1.sequence
    class Settings:
        name: Annotated[str, asn1.Default("x"), asn1.Size(min=1, max=3)]
        level: Annotated[int, asn1.Explicit(0), asn1.Default(1)]
        note: Annotated[Optional[bytes], asn1.Implicit(1)]
        kind: Union[bool, int, None]

    round_trip_fields = [
        (Settings(name="x", level=1, note=None, kind=None), b"\x30\x00"),
        (
            Settings(name="abc", level=2, note=b"!", kind=True),
            tlv(
                0x30,
                b"\x0c\x03abc",
                b"\xa0\x03\x02\x01\x02",
                b"\x81\x01!",
                b"\x01\x01\xff",
            ),
        ),
        (Settings(name="x", level=1, note=None, kind=7), b"\x30\x03\x02\x01\x07"),
    ]
    for value, der in round_trip_fields:
        assert asn1.encode_der(value) == der
        decoded = asn1.decode_der(Settings, der)
        assert (decoded.name, decoded.level, decoded.note, decoded.kind) == (
            value.name,
            value.level,
            value.note,
            value.kind,
        )
        assert type(decoded.kind) is type(value.kind)
    with pytest.raises(
        ValueError, match="invalid DER: DEFAULT value was explicitly encoded"
    ):
        asn1.decode_der(Settings, b"\x30\x05\xa0\x03\x02\x01\x01")


def test_value_sets() -> None:
    @asn1.value_set(int)
    class Version(enum.Enum):
        V1 = 0
        V2 = 1
        V3 = 2

    @asn1.sequence
    class Versioned:
        version: Annotated[Version, asn1.Explicit(0), asn1.Default(Version.V1)]

    round_trip(Version.V3, b"\x02\x01\x02")
    assert asn1.encode_der(Versioned(version=Version.V1)) == b"\x30\x00"
    assert asn1.decode_der(Versioned, b"\x30\x00").version is Version.V1
    assert (
        asn1.decode_der(Versioned, b"\x30\x05\xa0\x03\x02\x01\x02").version
        is Version.V3
    )
    with pytest.raises(ValueError, match="^7 is not a valid value for Version$"):
        asn1.decode_der(Version, b"\x02\x01\x07")
    with pytest.raises(
        TypeError, match="value set field must be an instance of Version, got: int"
    ):
        asn1.encode_der(Versioned(version=typing.cast(typing.Any, 2)))


# --- Instances made when read -------------------------------------------------------


def test_post_init_and_written_init_run_when_read() -> None:
    seen: list[object] = []

    @asn1.sequence
    class Checked:
        value: int

        def __post_init__(self) -> None:
            seen.append(self.value)
            if self.value < 0:
                raise ValueError("negative")

    assert asn1.decode_der(Checked, b"\x30\x03\x02\x01\x05").value == 5
    assert seen == [5]
    with pytest.raises(ValueError, match="negative"):
        asn1.decode_der(Checked, b"\x30\x03\x02\x01\xff")

    @asn1.sequence
    class OwnInit:
        value: int

        def __init__(self, *, value: int) -> None:
            self.value = value * 10

    assert asn1.decode_der(OwnInit, b"\x30\x03\x02\x01\x05").value == 50

    @asn1.sequence
    @dataclasses.dataclass(frozen=True)
    class Frozen:
        value: int

    assert asn1.decode_der(Frozen, b"\x30\x03\x02\x01\x05") == Frozen(value=5)


def test_a_subclass_declared_again_has_its_own_schema() -> None:
    @asn1.sequence
    class Base:
        a: int

    @asn1.sequence
    class Derived(Base):
        b: bool

    assert asn1.encode_der(Base(a=1)) == b"\x30\x03\x02\x01\x01"
    assert asn1.encode_der(Derived(a=1, b=True)) == b"\x30\x06\x02\x01\x01\x01\x01\xff"
    assert asn1.decode_der(Derived, b"\x30\x06\x02\x01\x01\x01\x01\xff").b is True


def test_type_aliases(monkeypatch: pytest.MonkeyPatch) -> None:
    # PEP 695 aliases (Python 3.12) are resolved wherever they appear; an object with
    # the alias type's `__value__` stands in for one on older versions.
    class AliasType:
        def __init__(self, value: object) -> None:
            self.__value__ = value

    monkeypatch.setattr(typing, "TypeAliasType", AliasType, raising=False)
    my_int = AliasType(int)
    times = AliasType(Union[asn1.UTCTime, asn1.GeneralizedTime])

    @asn1.sequence
    class Aliased:
        a: my_int  # type: ignore[valid-type]
        b: list[my_int]  # type: ignore[valid-type]
        c: Union[times, int]  # type: ignore[valid-type]
        d: Annotated[Optional[AliasType(my_int)], asn1.Implicit(0)]  # type: ignore[valid-type]

    value = Aliased(
        a=1, b=[2], c=asn1.UTCTime(datetime.datetime(2025, 1, 1, tzinfo=UTC)), d=3
    )
    der = tlv(
        0x30,
        b"\x02\x01\x01",
        tlv(0x30, b"\x02\x01\x02"),
        tlv(0x17, b"250101000000Z"),
        b"\x80\x01\x03",
    )
    assert asn1.encode_der(value) == der
    assert asn1.decode_der(Aliased, der).c == value.c


# --- Errors -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cls", "der", "message"),
    [
        (int, b"", "ShortData"),
        (int, b"\x02\x01\x01\x00", "ExtraData"),
        (int, b"\x02\x02\x00\x01", "InvalidValue"),
        (int, b"\x01\x01\xff", "UnexpectedTag"),
        (bool, b"\x01\x01\x01", "InvalidValue"),
        (asn1.Null, b"\x05\x01\x00", "error parsing asn1 value"),
        (asn1.PrintableString, b"\x13\x01*", "error parsing asn1 value"),
        (asn1.IA5String, b"\x16\x01\xe9", "error parsing asn1 value"),
        (str, b"\x0c\x01\xff", "error parsing asn1 value"),
        (asn1.UTCTime, b"\x17\x0b9201010000Z", "error parsing asn1 value"),
        (
            asn1.GeneralizedTime,
            b"\x18\x1119920101000000.0Z",
            "error parsing asn1 value",
        ),
        (
            asn1.GeneralizedTime,
            b"\x18\x1719920101000000.0000001Z",
            "decoded GeneralizedTime data has higher precision than supported",
        ),
        (asn1.BitString, b"\x03\x02\x07\x01", "error parsing asn1 value"),
        (x509.ObjectIdentifier, b"\x06\x02\x80\x01", "error parsing asn1 value"),
        (NameAndFlag, b"\x30\x80\x16\x00\x01\x01\xff\x00\x00", "InvalidLength"),
        (NameAndFlag, b"\x30\x03\x16\x01a", "ShortData"),
        (NameAndFlag, b"\x30\x08\x16\x01a\x01\x01\xff\x05\x00", "ExtraData"),
        (asn1.TLV, b"\x05", "ShortData"),
    ],
)
def test_decode_errors(cls: type, der: bytes, message: str) -> None:
    with pytest.raises(ValueError, match=re.escape(message)):
        asn1.decode_der(cls, der)


def test_choice_errors() -> None:
    @asn1.sequence
    class Choosing:
        value: Union[bool, asn1.IA5String]

    with pytest.raises(
        ValueError, match="could not find matching variant when parsing CHOICE field"
    ):
        asn1.decode_der(Choosing, b"\x30\x03\x02\x01\x01")
    with pytest.raises(ValueError, match="could not find matching variant"):
        asn1.encode_der(Choosing(value=typing.cast(typing.Any, b"x")))

    @asn1.sequence
    class Named:
        value: Union[
            Annotated[asn1.Variant[int, typing.Literal["a"]], asn1.Implicit(0)],
            Annotated[asn1.Variant[int, typing.Literal["b"]], asn1.Implicit(1)],
        ]

    with pytest.raises(ValueError, match="could not find matching variant"):
        asn1.encode_der(Named(value=asn1.Variant(1, "c")))


def test_encode_type_errors() -> None:
    @asn1.sequence
    class Typed:
        flag: bool
        data: bytes
        items: list[int]

    for value in [
        Typed(flag=typing.cast(typing.Any, 1), data=b"", items=[]),
        Typed(flag=True, data=typing.cast(typing.Any, "x"), items=[]),
        Typed(flag=True, data=b"", items=typing.cast(typing.Any, (1,))),
        Typed(flag=True, data=b"", items=typing.cast(typing.Any, ["1"])),
    ]:
        with pytest.raises(TypeError):
            asn1.encode_der(value)

    @asn1.sequence
    class Outer:
        inner: NameAndFlag

    with pytest.raises(
        TypeError, match="expected an instance of NameAndFlag, got: int"
    ):
        asn1.encode_der(Outer(inner=typing.cast(typing.Any, 3)))
    with pytest.raises(TypeError, match="cannot handle type"):
        asn1.encode_der(1.5)
    with pytest.raises(TypeError, match="cannot handle type"):
        asn1.decode_der(float, b"\x02\x01\x01")


def test_set_field_order_errors() -> None:
    @asn1.set
    class Pair:
        a: int
        b: int

    round_trip_der = b"\x31\x06\x02\x01\x01\x02\x01\x02"
    assert asn1.encode_der(Pair(a=1, b=2)) == round_trip_der
    with pytest.raises(
        ValueError, match="invalid SET ordering while performing ASN.1 serialization"
    ):
        asn1.encode_der(Pair(a=2, b=1))
    with pytest.raises(ValueError, match="InvalidSetOrdering"):
        asn1.decode_der(Pair, b"\x31\x06\x02\x01\x02\x02\x01\x01")


@pytest.mark.parametrize(
    ("annotation", "value", "der", "message"),
    [
        (
            Annotated[bytes, asn1.Size(2, 2)],
            b"a",
            b"\x04\x01a",
            "OCTET STRING has size 1, expected size in [2, 2]",
        ),
        (
            Annotated[str, asn1.Size(0, 1)],
            "ab",
            b"\x0c\x02ab",
            "UTF8String has size 2, expected size in [0, 1]",
        ),
        (
            Annotated[asn1.IA5String, asn1.Size(0, 1)],
            asn1.IA5String("ab"),
            b"\x16\x02ab",
            "IA5String has size 2, expected size in [0, 1]",
        ),
        (
            Annotated[asn1.PrintableString, asn1.Size(3, 4)],
            asn1.PrintableString("ab"),
            b"\x13\x02ab",
            "PrintableString has size 2, expected size in [3, 4]",
        ),
        (
            Annotated[asn1.BitString, asn1.Size(0, 7)],
            asn1.BitString(b"\xff", 0),
            b"\x03\x02\x00\xff",
            "BIT STRING has size 8, expected size in [0, 7]",
        ),
        (
            Annotated[asn1.SetOf[int], asn1.Size(2, 2)],
            asn1.SetOf([1]),
            b"\x31\x03\x02\x01\x01",
            "SET OF has size 1, expected size in [2, 2]",
        ),
    ],
)
def test_size_errors(
    annotation: object, value: object, der: bytes, message: str
) -> None:
    @asn1.sequence
    class Sized:
        __annotations__ = {"value": annotation}  # noqa: RUF012

    with pytest.raises(ValueError, match=re.escape(message)):
        asn1.decode_der(Sized, tlv(0x30, der))
    with pytest.raises(ValueError, match=re.escape(message)):
        asn1.encode_der(Sized(value=value))  # type: ignore[call-arg]


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda: asn1.PrintableString("a*b"), "invalid PrintableString: a*b"),
        (lambda: asn1.IA5String("é"), "invalid IA5String: é"),
        (lambda: asn1.BitString(b"\x01", 1), "invalid BIT STRING"),
        (lambda: asn1.BitString(b"", 1), "invalid BIT STRING"),
        (
            lambda: asn1.UTCTime(datetime.datetime(2000, 1, 1)),
            "invalid UTCTime: cannot initialize with naive datetime object",
        ),
        (
            lambda: asn1.UTCTime(datetime.datetime(2050, 1, 1, tzinfo=UTC)),
            "invalid UTCTime",
        ),
        (
            lambda: asn1.UTCTime(datetime.datetime(2000, 1, 1, 0, 0, 0, 1, tzinfo=UTC)),
            "invalid UTCTime: fractional seconds are not supported",
        ),
        (
            lambda: asn1.GeneralizedTime(datetime.datetime(2000, 1, 1)),
            "invalid GeneralizedTime: cannot initialize with naive datetime object",
        ),
    ],
)
def test_value_class_errors(make: typing.Callable[[], object], message: str) -> None:
    with pytest.raises(ValueError, match=re.escape(message)):
        make()


@pytest.mark.parametrize(
    ("annotation", "message"),
    [
        (float, "cannot handle type"),
        (Annotated[int, "x"], "unsupported annotation: x"),
        (Annotated[int, asn1.Size(1, 2)], "field 'value' has a SIZE annotation"),
        (
            Annotated[Optional[bytes], asn1.Size(1, 2)],
            "field 'value' has a SIZE annotation",
        ),
        (
            Annotated[int, asn1.Implicit(0), asn1.Explicit(1)],
            "multiple IMPLICIT/EXPLICIT annotations found in field 'value'",
        ),
        (
            Annotated[int, asn1.Default(1), asn1.Default(1)],
            "multiple DEFAULT annotations found in field 'value'",
        ),
        (
            Annotated[bytes, asn1.Size(1, 2), asn1.Size(1, 2)],
            "multiple SIZE annotations found in field 'value'",
        ),
        (
            Annotated[asn1.TLV, asn1.Implicit(0)],
            "IMPLICIT annotations are not supported for TLV types.",
        ),
        (
            Annotated[asn1.TLV, asn1.Default(1)],
            "DEFAULT annotations are not supported for TLV types.",
        ),
        (
            Optional[asn1.TLV],
            "optional TLV types (`TLV | None`) are not currently supported",
        ),
        (
            Annotated[x509.Certificate, asn1.Implicit(0)],
            "IMPLICIT annotations are not supported for X.509 types.",
        ),
        (
            Annotated[Optional[x509.CertificateRevocationList], asn1.Implicit(0)],
            "IMPLICIT annotations are not supported for X.509 types.",
        ),
        (
            Optional[Annotated[int, asn1.Implicit(0)]],
            "optional (`X | None`) types cannot have `X` annotated",
        ),
        (
            Annotated[Optional[int], asn1.Default(1)],
            "optional (`X | None`) types should not have a DEFAULT annotation",
        ),
        (
            Annotated[Union[int, bool], asn1.Implicit(0)],
            "CHOICE (`X | Y | ...`) types should not have an IMPLICIT annotation",
        ),
        (
            Union[int, asn1.Variant[bool, typing.Literal["b"]]],
            "all the other types in the union must also be `asn1.Variant`",
        ),
        (
            Union[
                asn1.Variant[int, typing.Literal["a"]],
                asn1.Variant[bool, typing.Literal["a"]],
            ],
            "the tags used must be unique",
        ),
        (
            Union[asn1.Variant[int, str], asn1.Variant[bool, typing.Literal["a"]]],
            "the second type parameter must be a `typing.Literal` type",
        ),
    ],
)
def test_declaration_errors(annotation: object, message: str) -> None:
    with pytest.raises(TypeError, match=re.escape(message)):

        @asn1.sequence
        class Declared:
            __annotations__ = {"value": annotation}  # noqa: RUF012


def test_value_set_declaration_errors() -> None:
    with pytest.raises(
        TypeError, match="value sets can only be defined from enum.Enum subclasses"
    ):
        asn1.value_set(int)(type("NotEnum", (), {}))
    with pytest.raises(
        TypeError, match="value set 'Empty' must have at least one member"
    ):
        asn1.value_set(int)(typing.cast(type, enum.Enum("Empty", {})))
    with pytest.raises(
        TypeError,
        match="member 'B' of value set 'Mixed' must have a value of type 'int', got: 'str'",
    ):
        asn1.value_set(int)(typing.cast(type, enum.Enum("Mixed", {"A": 1, "B": "b"})))
    with pytest.raises(TypeError, match="cannot handle type"):
        asn1.value_set(complex)


def test_malformed_root() -> None:
    @asn1.sequence
    class Broken:
        a: int

    Broken.__asn1_root__ = 5  # type: ignore[attr-defined]
    with pytest.raises(TypeError, match="unsupported root type: 5"):

        @asn1.sequence
        class User:
            b: Broken

    # The description objects, as the Python layer makes them.
    seq = declarative_asn1.Type.Sequence(Broken, {})
    assert (seq._0, seq._1) == (Broken, {})
    implicit = declarative_asn1.Encoding.Implicit(3)
    assert implicit._0 == 3
    assert declarative_asn1.Annotation().is_empty()
    assert not declarative_asn1.Annotation(size=asn1.Size(1, 1)).is_empty()
    assert isinstance(
        declarative_asn1.non_root_python_to_rust(int), declarative_asn1.Type.PyInt
    )


@pytest.mark.skipif(
    sys.version_info < (3, 10), reason="keyword-only fields: Python 3.10"
)
def test_generated_init_is_keyword_only() -> None:
    with pytest.raises(TypeError):
        NameAndFlag(asn1.IA5String("a"), True)  # type: ignore[call-arg]
