"""Extension value classes: their rules and their DER. The expected encodings follow
X.690's DER rules for each structure of RFC 5280 (and were checked against the
reference's output for the same values)."""

from __future__ import annotations

import datetime
import ipaddress

import pytest

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ed25519
from cryptography.x509.oid import (
    AuthorityInformationAccessOID,
    ExtendedKeyUsageOID,
    ExtensionOID,
)

DNS = x509.DNSName("a.example")
URI = x509.UniformResourceIdentifier("http://a")

ENCODINGS = [
    # BasicConstraints: cA TRUE, pathLenConstraint 3; an end entity is the empty SEQUENCE.
    (x509.BasicConstraints(True, 3), "30060101ff020103"),
    (x509.BasicConstraints(False, None), "3000"),
    (x509.SubjectKeyIdentifier(b"\x01\x02"), "04020102"),
    # AKI: [0] key id, [1] GeneralNames with a dNSName, [2] serial 5.
    (
        x509.AuthorityKeyIdentifier(b"\x01", [DNS], 5),
        "3013800101a10b8209612e6578616d706c65820105",
    ),
    (
        x509.AuthorityKeyIdentifier(b"\x01", [DNS], -5),
        "3013800101a10b8209612e6578616d706c658201fb",
    ),
    # KeyUsage: bits 0, 2, 4 -> 10101000, three unused bits.
    (
        x509.KeyUsage(True, False, True, False, True, False, False, False, False),
        "030203a8",
    ),
    # keyAgreement and decipherOnly (bit 8): two bytes, seven unused bits.
    (
        x509.KeyUsage(False, False, False, False, True, False, False, False, True),
        "0303070880",
    ),
    (
        x509.ExtendedKeyUsage(
            [ExtendedKeyUsageOID.SERVER_AUTH, ExtendedKeyUsageOID.CLIENT_AUTH]
        ),
        "301406082b0601050507030106082b06010505070302",
    ),
    (
        x509.SubjectAlternativeName([DNS, URI]),
        "30158209612e6578616d706c658608687474703a2f2f61",
    ),
    (
        x509.SubjectAlternativeName(
            [x509.IPAddress(ipaddress.ip_address("192.0.2.1"))]
        ),
        "30068704c0000201",
    ),
    (
        x509.SubjectAlternativeName(
            [
                x509.DirectoryName(
                    x509.Name([x509.NameAttribute(x509.NameOID.COMMON_NAME, "a")])
                )
            ]
        ),
        "3010a40e300c310a300806035504030c0161",
    ),
    (
        x509.SubjectAlternativeName(
            [x509.OtherName(x509.ObjectIdentifier("1.2.3"), b"\x05\x00")]
        ),
        "300aa00806022a03a0020500",
    ),
    (x509.OCSPNoCheck(), "0500"),
    (x509.PrecertPoison(), "0500"),
    (x509.InhibitAnyPolicy(3), "020103"),
    (x509.CRLNumber(3), "020103"),
    (x509.CRLNumber(128), "02020080"),
    (x509.CRLReason(x509.ReasonFlags.key_compromise), "0a0101"),
    (x509.CRLReason(x509.ReasonFlags.remove_from_crl), "0a0108"),
    (
        x509.InvalidityDate(datetime.datetime(2020, 1, 1)),
        "180f32303230303130313030303030305a",
    ),
    (x509.PolicyConstraints(1, 2), "3006800101810102"),
    (x509.TLSFeature([x509.TLSFeatureType.status_request]), "3003020105"),
    (x509.OCSPNonce(b"abc"), "0403616263"),
    (
        x509.AuthorityInformationAccess(
            [x509.AccessDescription(AuthorityInformationAccessOID.OCSP, URI)]
        ),
        "3016301406082b060105050730018608687474703a2f2f61",
    ),
    (
        x509.MSCertificateTemplate(x509.ObjectIdentifier("1.2.3"), 1, 2),
        "300a06022a03020101020102",
    ),
    (
        x509.PrivateKeyUsagePeriod(
            datetime.datetime(2020, 1, 1), datetime.datetime(2021, 1, 1)
        ),
        "3022800f32303230303130313030303030305a810f32303231303130313030303030305a",
    ),
]


@pytest.mark.parametrize(("value", "der"), ENCODINGS)
def test_encodings(value: x509.ExtensionType, der: str) -> None:
    assert value.public_bytes().hex() == der


def test_key_identifiers_of_a_key() -> None:
    # RFC 8410 section 10.1's X25519 SPKI is for X25519; an Ed25519 key's identifier is
    # the SHA-1 of its 32 public bytes (the BIT STRING's content).
    key = ed25519.Ed25519PrivateKey.from_private_bytes(b"\x01" * 32).public_key()
    import hashlib

    raw = key.public_bytes_raw()
    expected = hashlib.sha1(raw).digest()
    assert x509.SubjectKeyIdentifier.from_public_key(key).digest == expected
    aki = x509.AuthorityKeyIdentifier.from_issuer_public_key(key)
    assert aki.key_identifier == expected
    assert aki.authority_cert_issuer is None


def test_rules() -> None:
    with pytest.raises(ValueError, match="path_length must be None when ca is False"):
        x509.BasicConstraints(False, 1)
    with pytest.raises(TypeError):
        x509.BasicConstraints(True, -1)
    with pytest.raises(ValueError):
        x509.AuthorityKeyIdentifier(b"\x01", [DNS], None)
    with pytest.raises(ValueError):
        x509.KeyUsage(True, False, True, False, False, False, False, True, False)
    with pytest.raises(ValueError):
        _ = x509.KeyUsage(
            False, False, False, False, False, False, False, False, False
        ).encipher_only
    with pytest.raises(TypeError):
        x509.TLSFeature([])
    with pytest.raises(ValueError):
        x509.PolicyConstraints(None, None)
    with pytest.raises(ValueError):
        x509.PrivateKeyUsagePeriod(
            datetime.datetime(2021, 1, 1), datetime.datetime(2020, 1, 1)
        )
    with pytest.raises(TypeError):
        x509.SubjectAlternativeName(["x"])  # type: ignore[list-item]
    assert x509.SubjectAlternativeName([DNS, URI]).get_values_for_type(
        x509.DNSName
    ) == ["a.example"]
    assert x509.OCSPNoCheck() == x509.OCSPNoCheck()
    assert x509.Extension(
        ExtensionOID.BASIC_CONSTRAINTS, True, x509.BasicConstraints(True, None)
    ) == (
        x509.Extension(
            ExtensionOID.BASIC_CONSTRAINTS, True, x509.BasicConstraints(True, None)
        )
    )
    extensions = x509.Extensions(
        [
            x509.Extension(
                ExtensionOID.BASIC_CONSTRAINTS, True, x509.BasicConstraints(True, None)
            )
        ]
    )
    assert extensions.get_extension_for_class(x509.BasicConstraints).critical
    with pytest.raises(x509.ExtensionNotFound):
        extensions.get_extension_for_oid(ExtensionOID.KEY_USAGE)
    with pytest.raises(TypeError):
        extensions.get_extension_for_class(x509.UnrecognizedExtension)


RFC5280_LISTS = [
    # certificatePolicies: one policy with a CPS URI and a user notice.
    (
        x509.CertificatePolicies(
            [
                x509.PolicyInformation(
                    x509.ObjectIdentifier("1.2.3"),
                    [
                        "http://cps",
                        x509.UserNotice(x509.NoticeReference("org", [1, 2]), "text"),
                    ],
                )
            ]
        ),
        "3043304106022a03303b301606082b06010505070201160a687474703a2f2f6370733021"
        "06082b060105050702023015300d0c036f726730060201010201020c0474657874",
    ),
    # cRLDistributionPoints: full name, reasons keyCompromise and cACompromise (bits 1
    # and 2: 0x60 with five unused bits), CRL issuer.
    (
        x509.CRLDistributionPoints(
            [
                x509.DistributionPoint(
                    [URI],
                    None,
                    frozenset(
                        [
                            x509.ReasonFlags.key_compromise,
                            x509.ReasonFlags.ca_compromise,
                        ]
                    ),
                    [DNS],
                )
            ]
        ),
        "3021301fa00ca00a8608687474703a2f2f6181020560a20b8209612e6578616d706c65",
    ),
    # issuingDistributionPoint: onlyContainsUserCerts and onlySomeReasons superseded
    # (bit 4: 0x08, three unused bits).
    (
        x509.IssuingDistributionPoint(
            [URI],
            None,
            True,
            False,
            frozenset([x509.ReasonFlags.superseded]),
            False,
            False,
        ),
        "3015a00ca00a8608687474703a2f2f618101ff83020308",
    ),
    # nameConstraints: a permitted dNSName and network, an excluded URI.
    (
        x509.NameConstraints(
            [DNS, x509.IPAddress(ipaddress.ip_network("10.0.0.0/8"))], [URI]
        ),
        "3029a019300b8209612e6578616d706c65300a87080a000000ff000000a10c300a8608"
        "687474703a2f2f61",
    ),
]


@pytest.mark.parametrize(("value", "der"), RFC5280_LISTS)
def test_list_encodings(value: x509.ExtensionType, der: str) -> None:
    assert value.public_bytes().hex() == der
