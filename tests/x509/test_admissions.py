"""The Admissions extension (Common PKI, OID 1.3.36.8.3.3): its two certificates in
cryptography-vectors read field by field (the values are what `openssl asn1parse` shows
inside the extension), their DER written back byte for byte, and the value classes'
rules."""

from __future__ import annotations

import warnings

import pytest

from cryptography import utils, x509
from cryptography.hazmat.primitives import serialization
from cryptography.x509.oid import ExtensionOID, NameOID, ObjectIdentifier
from tests.vectors import vector_path

from ..der import tlv

ADMISSIONS_OID_DER = tlv(0x06, bytes.fromhex("2b24080303"))


def _load(name: str) -> tuple[x509.Certificate, bytes]:
    """A certificate of x509/custom/ and its Admissions extnValue, cut from its DER."""
    pem = vector_path("x509", "custom", name).read_bytes()
    cert = x509.load_pem_x509_certificate(pem)
    der = cert.public_bytes(serialization.Encoding.DER)
    at = der.index(ADMISSIONS_OID_DER) + len(ADMISSIONS_OID_DER)
    assert der[at] == 0x04  # not critical: the OCTET STRING follows the OID
    length = der[at + 1]
    if length & 0x80:
        size = length & 0x7F
        length = int.from_bytes(der[at + 2 : at + 2 + size], "big")
        at += size
    return cert, der[at + 2 : at + 2 + length]


def oid(dotted: str) -> ObjectIdentifier:
    return ObjectIdentifier(dotted)


def test_the_full_vector() -> None:
    cert, value = _load("admissions_extension_optional_data_not_provided.pem")
    extension = cert.extensions.get_extension_for_oid(ExtensionOID.ADMISSIONS)
    assert extension.critical is False
    admissions = extension.value
    assert isinstance(admissions, x509.Admissions)
    assert admissions.authority == x509.DirectoryName(
        x509.Name(
            [
                x509.NameAttribute(NameOID.COUNTRY_NAME, "DE"),
                x509.NameAttribute(
                    NameOID.ORGANIZATION_NAME,
                    "Elektronisches Gesundheitsberuferegister",
                ),
            ]
        )
    )
    assert len(admissions) == 5
    first, second, third, fourth, fifth = admissions
    # The file's texts were UTF-8 encoded twice ("ä" became "Ã¤"); read as they are.
    assert first == x509.Admission(
        x509.RegisteredID(NameOID.ORGANIZATION_NAME),
        x509.NamingAuthority(
            oid("1.2.276.0.76.4.223"), "", "BetriebsstÃ¤tte GKV-Spitzenverband"
        ),
        [
            x509.ProfessionInfo(
                x509.NamingAuthority(
                    oid("1.2.276.0.76.4.225"),
                    "https://example.com",
                    "BetriebsstÃ¤tte Deutscher Apothekerverband",
                ),
                ["Ã\x84rztin/Arzt", ""],
                [oid("1.2.276.0.76.4.30"), oid("1.2.276.0.76.4.31")],
                "9-999/99999999",
                b'\x16"additional profession info example',
            )
        ],
    )
    # An OtherName authority; two profession infos, the second without an authority.
    assert second.admission_authority == x509.OtherName(
        NameOID.COUNTRY_NAME, b"\x04\x04\x13\x02DE"
    )
    assert second.naming_authority is None
    assert [info.profession_items for info in second.profession_infos] == [
        ["Krankenhaus"],
        ["Krankenhaus", "BetriebsstÃ¤tte Geburtshilfe"],
    ]
    assert second.profession_infos[1].registration_number == ""
    assert second.profession_infos[1].profession_oids == [oid("1.2.276.0.76.4.53")]
    # The optional parts absent, one level at a time.
    assert third == x509.Admission(
        None, None, [x509.ProfessionInfo(None, [], None, None, None)]
    )
    assert fourth == x509.Admission(None, x509.NamingAuthority(None, None, None), [])
    assert fifth == x509.Admission(None, None, [])
    # Written back: the same DER.
    assert admissions.public_bytes() == value
    assert len(value) == 585


def test_the_empty_vector() -> None:
    cert, value = _load("admissions_extension_authority_not_provided.pem")
    admissions = cert.extensions.get_extension_for_class(x509.Admissions).value
    assert admissions == x509.Admissions(None, [])
    assert admissions.authority is None
    assert list(admissions) == []
    assert admissions.public_bytes() == value == bytes.fromhex("30023000")


NA = x509.NamingAuthority
PI = x509.ProfessionInfo

ENCODINGS = [
    # No authority; one admission with no profession infos.
    (x509.Admissions(None, [x509.Admission(None, None, [])]), "3006300430023000"),
    # Everything present: [2] dNSName authority, [0]/[1] EXPLICIT in the admission,
    # [0] EXPLICIT naming authority in the profession info, texts as UTF8String, the
    # URL as IA5String, the registration number as PrintableString.
    (
        x509.Admissions(
            x509.DNSName("a"),
            [
                x509.Admission(
                    x509.DNSName("b"),
                    NA(oid("1.2.3"), "u", "t"),
                    [PI(NA(None, None, None), ["x"], [oid("1.2")], "12", b"zz")],
                )
            ],
        ),
        "3034820161302f302da003820162a10c300a06022a031601750c017430183016a002"
        "300030030c0178300306012a1302313204027a7a",
    ),
]


@pytest.mark.parametrize(("value", "der"), ENCODINGS)
def test_encodings(value: x509.Admissions, der: str) -> None:
    assert value.public_bytes().hex() == der


def test_encoding_errors() -> None:
    bad_number = PI(None, [], None, "ä", None)
    with pytest.raises(
        ValueError, match="registration_number value must be a valid PrintableString"
    ):
        x509.Admissions(None, [x509.Admission(None, None, [bad_number])]).public_bytes()
    bad_url = x509.Admission(None, NA(None, "ä", None), [])
    with pytest.raises(ValueError, match="url value must be a valid IA5String"):
        x509.Admissions(None, [bad_url]).public_bytes()


@pytest.mark.parametrize(
    ("kind", "args", "message"),
    [
        (NA, ("1.2", None, None), "id must be an ObjectIdentifier"),
        (NA, (None, b"u", None), "url must be a str"),
        (NA, (None, None, b"t"), "text must be a str"),
        (PI, ("x", [], None, None, None), "naming_authority must be a"),
        (PI, (None, [b"a"], None, None, None), "profession_items list must"),
        (PI, (None, [], ["1.2"], None, None), "profession_oids list must"),
        (PI, (None, [], None, 1, None), "registration_number must be a str"),
        (PI, (None, [], None, None, "x"), "add_profession_info must be bytes"),
        (x509.Admission, ("x", None, []), "admission_authority must be a"),
        (x509.Admission, (None, "x", []), "naming_authority must be a"),
        (x509.Admission, (None, None, ["x"]), "profession_infos list must"),
        (x509.Admissions, ("x", []), "authority must be a GeneralName"),
        (x509.Admissions, (None, ["x"]), "contents_of_admissions list must"),
    ],
)
def test_constructor_rules(kind: type, args: tuple[object, ...], message: str) -> None:
    with pytest.raises(TypeError, match=message):
        kind(*args)


def test_values_compare_hash_and_print() -> None:
    info = PI(None, iter(["a"]), iter([oid("1.2.3")]), "r", b"x")
    assert info.profession_items == ["a"]
    assert info.profession_oids == [oid("1.2.3")]
    same = PI(None, ["a"], [oid("1.2.3")], "r", b"x")
    assert info == same and hash(info) == hash(same)
    assert info != PI(None, ["a"], None, "r", b"x")
    assert info != object()
    assert repr(NA(None, "u", "t")) == "<NamingAuthority(id=None, url=u, text=t)>"
    assert repr(info) == (
        "<ProfessionInfo(naming_authority=None, profession_items=['a'], "
        "profession_oids=[<ObjectIdentifier(oid=1.2.3, name=Unknown OID)>], "
        "registration_number=r, add_profession_info=b'x')>"
    )
    admissions = x509.Admissions(x509.DNSName("a"), [x509.Admission(None, None, [])])
    assert admissions[0] == x509.Admission(None, None, [])
    assert admissions[0:1] == [x509.Admission(None, None, [])]
    assert hash(admissions) == hash(
        x509.Admissions(x509.DNSName("a"), [x509.Admission(None, None, [])])
    )
    assert admissions != x509.Admissions(None, [x509.Admission(None, None, [])])
    assert repr(admissions) == (
        "<Admissions(authority=<DNSName(value='a')>, admissions=[<Admission("
        "admission_authority=None, naming_authority=None, profession_infos=[])>])>"
    )


def test_utf8_in_a_visiblestring_is_read_with_a_warning() -> None:
    # A Belgian eID certificate whose user notice puts UTF-8 in a VisibleString.
    pem = vector_path("x509", "belgian-eid-invalid-visiblestring.pem").read_bytes()
    cert = x509.load_pem_x509_certificate(pem)
    with pytest.warns(
        utils.DeprecatedIn41, match="UTF-8 characters in a VisibleString"
    ):
        policies = cert.extensions.get_extension_for_class(x509.CertificatePolicies)
    notice = policies.value[0].policy_qualifiers[1]
    assert isinstance(notice, x509.UserNotice)
    assert notice.explicit_text is not None
    assert "limitations de responsabilité" in notice.explicit_text
    # Well-formed text reads without one.
    pem = vector_path("x509", "cryptography.io.pem").read_bytes()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert len(x509.load_pem_x509_certificate(pem).extensions) == 8
