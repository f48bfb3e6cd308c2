"""Names: RFC 4514's own examples read and written back (section 4), DER checked byte for
byte (the encodings were checked against the reference's for the same Names), the
value rules of NameAttribute, RelativeDistinguishedName and Name, and the GeneralName
value classes."""

from __future__ import annotations

import ipaddress

import pytest

from cryptography import x509
from cryptography.x509.name import _ASN1Type
from cryptography.x509.oid import NameOID

DC = NameOID.DOMAIN_COMPONENT.dotted_string
CN = NameOID.COMMON_NAME.dotted_string

# (RFC 4514 section 4 string, its attributes RDN by RDN as a Name stores them, the
# string written back, the DER)
RFC4514_EXAMPLES = [
    (
        "UID=jsmith,DC=example,DC=net",
        [[(DC, "net")], [(DC, "example")], [(NameOID.USER_ID.dotted_string, "jsmith")]],
        "UID=jsmith,DC=example,DC=net",
        "304631133011060a0992268993f22c64011916036e657431173015060a0992268993f22c"
        "64011916076578616d706c6531163014060a0992268993f22c6401010c066a736d697468",
    ),
    (
        "OU=Sales+CN=J.  Smith,DC=example,DC=net",
        [
            [(DC, "net")],
            [(DC, "example")],
            [
                (NameOID.ORGANIZATIONAL_UNIT_NAME.dotted_string, "Sales"),
                (CN, "J.  Smith"),
            ],
        ],
        "OU=Sales+CN=J.  Smith,DC=example,DC=net",
        None,
    ),
    (
        'CN=James \\"Jim\\" Smith\\, III,DC=example,DC=net',
        [[(DC, "net")], [(DC, "example")], [(CN, 'James "Jim" Smith, III')]],
        'CN=James \\"Jim\\" Smith\\, III,DC=example,DC=net',
        None,
    ),
    (
        "CN=Before\\0dAfter,DC=example,DC=net",
        [[(DC, "net")], [(DC, "example")], [(CN, "Before\rAfter")]],
        "CN=Before\rAfter,DC=example,DC=net",
        None,
    ),
    (
        "CN=Lu\\C4\\8Di\\C4\\87",
        [[(CN, "Lu\u010di\u0107")]],
        "CN=Lu\u010di\u0107",
        "30123110300e06035504030c074c75c48d69c487",
    ),
]


@pytest.mark.parametrize(("text", "rdns", "written", "der"), RFC4514_EXAMPLES)
def test_rfc4514_examples(
    text: str, rdns: list[list[tuple[str, str]]], written: str, der: str | None
) -> None:
    name = x509.Name.from_rfc4514_string(text)
    assert [[(a.oid.dotted_string, a.value) for a in rdn] for rdn in name.rdns] == rdns
    assert name.rfc4514_string() == written
    encoded = name.public_bytes()
    if der is not None:
        assert encoded.hex() == der
    assert x509.Name.from_bytes(encoded) == name


def test_hex_values_are_taken_as_text() -> None:
    # RFC 4514's "#04024869" example: the reference keeps the bytes as the text.
    name = x509.Name.from_rfc4514_string("1.3.6.1.4.1.1466.0=#04024869")
    assert (
        name.rdns[0]
        .get_attributes_for_oid(x509.ObjectIdentifier("1.3.6.1.4.1.1466.0"))[0]
        .value
        == "\x04\x02Hi"
    )


@pytest.mark.parametrize(
    "bad",
    [
        "CN=a, O=b",
        " CN=a",
        "CN =a",
        "cn=a",
        "FOO=a",
        "CN=a,",
        "CN=a;O=b",
        "CN=a\\",
        "CN=\\c3",
        "CN=#zz",
        "CN=",
    ],
)
def test_rfc4514_refusals(bad: str) -> None:
    with pytest.raises(ValueError):
        x509.Name.from_rfc4514_string(bad)


def test_rfc4514_overrides() -> None:
    name = x509.Name.from_rfc4514_string("FOO=a", {"FOO": NameOID.COMMON_NAME})
    assert name.rfc4514_string() == "CN=a"
    assert name.rfc4514_string({NameOID.COMMON_NAME: "FOO"}) == "FOO=a"


@pytest.mark.parametrize(
    ("kind", "der"),
    [
        (_ASN1Type.BMPString, "30133111300f06035504031e08006800e9d83dde00"),
        (
            _ASN1Type.UniversalString,
            "30173115301306035504031c0c00000068000000e90001f600",
        ),
        (_ASN1Type.T61String, None),
    ],
)
def test_wide_string_types(kind: _ASN1Type, der: str | None) -> None:
    name = x509.Name(
        [x509.NameAttribute(NameOID.COMMON_NAME, "h\u00e9\U0001f600", _type=kind)]
    )
    if der is not None:
        assert name.public_bytes().hex() == der
    read = x509.Name.from_bytes(name.public_bytes())
    attribute = read.rdns[0]._attributes[0]
    assert attribute.value == "h\u00e9\U0001f600"
    assert attribute._type is kind


def test_escapes_and_bit_strings_in_rfc4514_strings() -> None:
    name = x509.Name(
        [
            x509.RelativeDistinguishedName(
                [
                    x509.NameAttribute(NameOID.COMMON_NAME, ' #a+b,c;d<e>f"g\\h\x00 '),
                    x509.NameAttribute(NameOID.ORGANIZATION_NAME, "O"),
                ]
            ),
            x509.RelativeDistinguishedName(
                [x509.NameAttribute(NameOID.COUNTRY_NAME, "NZ")]
            ),
            x509.RelativeDistinguishedName(
                [
                    x509.NameAttribute(
                        NameOID.X500_UNIQUE_IDENTIFIER,
                        b"\x01\x02",
                        _type=_ASN1Type.BitString,
                    )
                ]
            ),
        ]
    )
    assert name.rfc4514_string() == (
        '2.5.4.45=#0102,C=NZ,CN=\\ #a\\+b\\,c\\;d\\<e\\>f\\"g\\\\h\\00\\ +O=O'
    )
    # Read back, the RDN's attributes come in DER order (shorter encoding first).
    assert x509.Name.from_bytes(name.public_bytes()) == name


def test_name_attribute_rules() -> None:
    with pytest.raises(TypeError):
        x509.NameAttribute("2.5.4.3", "a")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        x509.NameAttribute(NameOID.COMMON_NAME, b"a")
    with pytest.raises(TypeError):
        x509.NameAttribute(NameOID.COMMON_NAME, "a", _type=19)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=">= 2 and <= 2, but it was 4"):
        x509.NameAttribute(NameOID.COUNTRY_NAME, "\u00e9\u00e9")
    with pytest.raises(ValueError, match=">= 1 and <= 64, but it was 65"):
        x509.NameAttribute(NameOID.COMMON_NAME, "x" * 65)
    with pytest.warns(UserWarning):
        x509.NameAttribute(NameOID.COUNTRY_NAME, "NZL", _validate=False)
    with pytest.raises(TypeError):
        x509.NameAttribute(NameOID.COMMON_NAME, b"a", _type=_ASN1Type.BitString)
    assert (
        x509.NameAttribute(NameOID.COUNTRY_NAME, "NZ")._type
        is _ASN1Type.PrintableString
    )
    assert x509.NameAttribute(NameOID.EMAIL_ADDRESS, "a@b")._type is _ASN1Type.IA5String
    a = x509.NameAttribute(NameOID.COMMON_NAME, "a")
    assert a == x509.NameAttribute(
        NameOID.COMMON_NAME, "a", _type=_ASN1Type.PrintableString
    )
    assert repr(a) == (
        "<NameAttribute(oid=<ObjectIdentifier(oid=2.5.4.3, name=commonName)>, value='a')>"
    )


def test_rdn_and_name_rules() -> None:
    a = x509.NameAttribute(NameOID.COMMON_NAME, "a")
    b = x509.NameAttribute(NameOID.ORGANIZATION_NAME, "b")
    with pytest.raises(ValueError):
        x509.RelativeDistinguishedName([])
    with pytest.raises(ValueError):
        x509.RelativeDistinguishedName([a, a])
    with pytest.raises(TypeError):
        x509.RelativeDistinguishedName(["x"])  # type: ignore[list-item]
    assert x509.RelativeDistinguishedName([a, b]) == x509.RelativeDistinguishedName(
        [b, a]
    )
    with pytest.raises(TypeError):
        x509.Name([a, x509.RelativeDistinguishedName([b])])  # type: ignore[list-item]
    assert repr(x509.Name([a, b])) == "<Name(O=b,CN=a)>"
    assert (
        len(
            x509.Name(
                [
                    x509.RelativeDistinguishedName([a, b]),
                    x509.RelativeDistinguishedName([a]),
                ]
            )
        )
        == 3
    )
    assert x509.Name([a, b]) != x509.Name([b, a])
    assert x509.Name([]).public_bytes() == b"\x30\x00"
    with pytest.raises(ValueError):
        x509.Name.from_bytes(b"\x31\x00")


def test_general_names() -> None:
    assert x509.DNSName("a") != x509.RFC822Name("a")
    with pytest.raises(ValueError, match="A-label"):
        x509.DNSName("\u00e9.example")
    with pytest.raises(ValueError, match="Invalid rfc822name value"):
        x509.RFC822Name("Name <a@b>")
    with pytest.raises(TypeError):
        x509.UniformResourceIdentifier(b"x")  # type: ignore[arg-type]
    # RFC 5280 4.2.1.10: in name constraints an address carries its mask.
    network = x509.IPAddress(ipaddress.ip_network("10.0.0.0/8"))
    assert network._packed() == bytes.fromhex("0a000000ff000000")
    assert repr(x509.IPAddress(ipaddress.ip_address("::1"))) == "<IPAddress(value=::1)>"
    other = x509.OtherName(x509.ObjectIdentifier("1.2.3"), b"\x05\x00")
    assert other == x509.OtherName(x509.ObjectIdentifier("1.2.3"), b"\x05\x00")
    with pytest.raises(TypeError):
        x509.OtherName(x509.ObjectIdentifier("1.2.3"), "x")  # type: ignore[arg-type]
