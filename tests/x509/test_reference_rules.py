"""Rules the reference applies at the edges of X.509 reading, building and checking:
which extensions each kind of object decodes, where a parse error was, which key and
hash pairs sign, what a signature check says for the wrong key. Files are from
cryptography-vectors; messages and exception classes are the reference's."""

from __future__ import annotations

import datetime
import typing
import warnings

import pytest

from cryptography import utils, x509
from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import (
    dsa,
    ec,
    ed448,
    ed25519,
    padding,
    rsa,
    x25519,
)
from cryptography.x509.oid import ExtensionOID, NameOID, PublicKeyAlgorithmOID
from tests.vectors import vector_path

NAME = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "CA")])
ED_KEY = ed25519.Ed25519PrivateKey.from_private_bytes(b"\x02" * 32)
T0 = datetime.datetime(2020, 1, 1)
T1 = datetime.datetime(2030, 1, 1)


def _rsa_key() -> rsa.RSAPrivateKey:
    pem = vector_path("asymmetric", "PEM_Serialization", "rsa_private_key.pem")
    key = serialization.load_pem_private_key(pem.read_bytes(), b"123456")
    assert isinstance(key, rsa.RSAPrivateKey)
    return key


def _builder(
    public_key: typing.Any, rsa_padding: typing.Any = None
) -> x509.CertificateBuilder:
    return (
        x509.CertificateBuilder()
        .subject_name(NAME)
        .issuer_name(NAME)
        .serial_number(1)
        .not_valid_before(T0)
        .not_valid_after(T1)
        .public_key(public_key, rsa_padding=rsa_padding)
    )


def _cert(name: str) -> x509.Certificate:
    return x509.load_pem_x509_certificate(
        vector_path("x509", "custom", name).read_bytes()
    )


# Which extensions each object decodes.


def _unrecognized_in_certificate(oid: x509.ObjectIdentifier) -> x509.ExtensionType:
    # A value that is not the extension's structure (an empty [0]): decoding it would fail.
    bad = x509.UnrecognizedExtension(oid, b"\x30\x03\xa0\x01\x00")
    cert = _builder(ED_KEY.public_key()).add_extension(bad, False).sign(ED_KEY, None)
    return cert.extensions.get_extension_for_oid(oid).value


@pytest.mark.parametrize(
    "oid",
    [
        ExtensionOID.CRL_NUMBER,
        ExtensionOID.DELTA_CRL_INDICATOR,
        ExtensionOID.ISSUING_DISTRIBUTION_POINT,
        ExtensionOID.POLICY_MAPPINGS,
        ExtensionOID.SIGNED_CERTIFICATE_TIMESTAMPS,
        x509.CRLEntryExtensionOID.CRL_REASON,
    ],
)
def test_other_objects_extensions_stay_unread_in_a_certificate(
    oid: x509.ObjectIdentifier,
) -> None:
    assert isinstance(_unrecognized_in_certificate(oid), x509.UnrecognizedExtension)


def test_a_crl_decodes_only_crl_extensions() -> None:
    bad = b"\x30\x03\xa0\x01\x00"
    builder = (
        x509.CertificateRevocationListBuilder()
        .issuer_name(NAME)
        .last_update(T0)
        .next_update(T1)
    )
    crl = builder.add_extension(
        x509.UnrecognizedExtension(ExtensionOID.BASIC_CONSTRAINTS, bad), False
    ).sign(ED_KEY, None)
    value = crl.extensions.get_extension_for_oid(ExtensionOID.BASIC_CONSTRAINTS).value
    assert isinstance(value, x509.UnrecognizedExtension)
    crl = builder.add_extension(
        x509.UnrecognizedExtension(ExtensionOID.CRL_NUMBER, bad), False
    ).sign(ED_KEY, None)
    with pytest.raises(ValueError, match="error parsing asn1 value"):
        assert crl.extensions is None


@pytest.mark.parametrize(
    ("name", "field"),
    [
        ("malformed-san.pem", "subject_alternative_name"),
        ("malformed-ian.pem", "issuer_alternative_name"),
    ],
)
def test_a_malformed_alternative_name_says_which(name: str, field: str) -> None:
    with pytest.raises(ValueError, match=f'"{field}", 0, "GeneralName::OtherName"'):
        assert _cert(name).extensions is None


@pytest.mark.parametrize(
    "name", ["invalid_utf8_common_name.pem", "name_attribute_unsupported_tag.pem"]
)
def test_a_name_that_does_not_decode_says_which(name: str) -> None:
    cert = _cert(name)
    with pytest.raises(ValueError, match='location: \\["subject"\\]'):
        assert cert.subject is None
    with pytest.raises(ValueError, match='location: \\["issuer"\\]'):
        assert cert.issuer is None


def test_duplicate_extensions_in_the_precertificate_view() -> None:
    cert = _cert("two_basic_constraints.pem")
    with pytest.raises(x509.DuplicateExtension, match=r"Duplicate 2\.5\.29\.19 ") as e:
        assert cert.tbs_precertificate_bytes is None
    assert e.value.oid == ExtensionOID.BASIC_CONSTRAINTS


def test_a_negative_serial_warns_on_load_and_on_reading() -> None:
    with pytest.warns(utils.DeprecatedIn36):
        cert = _cert("negative_serial.pem")
    with pytest.warns(utils.DeprecatedIn36, match="wasn't positive"):
        assert cert.serial_number == -18008675309


def test_the_module_level_oid_names() -> None:
    assert x509.OID_COMMON_NAME == NameOID.COMMON_NAME
    assert x509.OID_SUBJECT_ALTERNATIVE_NAME == ExtensionOID.SUBJECT_ALTERNATIVE_NAME
    assert x509.OID_RSA_WITH_SHA256.dotted_string == "1.2.840.113549.1.1.11"
    assert x509.OID_ANY_POLICY.dotted_string == "2.5.29.32.0"
    # Only the two access-method names are listed in __all__, as in the reference.
    assert [name for name in x509.__all__ if name.startswith("OID_")] == [
        "OID_CA_ISSUERS",
        "OID_OCSP",
    ]


# CRL entries: a lazy iterator that knows its length, and lookups by serial.


def test_iterating_and_looking_up_a_crl() -> None:
    pem = vector_path("x509", "custom", "crl_all_reasons.pem").read_bytes()
    crl = x509.load_pem_x509_crl(pem)
    assert len(crl) == 12
    entries = iter(crl)
    assert len(entries) == 12  # type: ignore[arg-type]
    first = next(entries)
    assert len(entries) == 11  # type: ignore[arg-type]
    assert [entry.serial_number for entry in entries] == [
        entry.serial_number for entry in crl[1:]
    ]
    found = crl.get_revoked_certificate_by_serial_number(first.serial_number)
    assert found is not None and found.serial_number == first.serial_number
    assert (
        crl.get_revoked_certificate_by_serial_number(first.serial_number + 10**9)
        is None
    )


def test_a_repeated_serial_finds_the_first_entry() -> None:
    def entry(serial: int, year: int) -> x509.RevokedCertificate:
        return (
            x509.RevokedCertificateBuilder()
            .serial_number(serial)
            .revocation_date(datetime.datetime(year, 1, 1))
            .build()
        )

    builder = (
        x509.CertificateRevocationListBuilder()
        .issuer_name(NAME)
        .last_update(T0)
        .next_update(T1)
    )
    for serial, year in [(7, 2001), (3, 2002), (7, 2003), (2**70, 2004)]:
        builder = builder.add_revoked_certificate(entry(serial, year))
    crl = builder.sign(ED_KEY, None)
    found = crl.get_revoked_certificate_by_serial_number(7)
    assert found is not None and found.revocation_date_utc.year == 2001
    found = crl.get_revoked_certificate_by_serial_number(2**70)
    assert found is not None and found.revocation_date_utc.year == 2004
    assert crl.get_revoked_certificate_by_serial_number(4) is None


# Signing: which keys with which hashes and paddings.


def test_pss_names_its_own_mgf1_hash() -> None:
    key = _rsa_key()
    pss = padding.PSS(mgf=padding.MGF1(hashes.SHA512()), salt_length=32)
    cert = _builder(key.public_key()).sign(key, hashes.SHA256(), rsa_padding=pss)
    parameters = cert.signature_algorithm_parameters
    assert isinstance(parameters, padding.PSS)
    assert isinstance(parameters.mgf, padding.MGF1)
    assert isinstance(parameters.mgf._algorithm, hashes.SHA512)
    assert isinstance(cert.signature_hash_algorithm, hashes.SHA256)
    cert.verify_directly_issued_by(cert)


def test_an_rsa_key_can_be_certified_as_an_rsassa_pss_key() -> None:
    key = _rsa_key()
    pss = padding.PSS(mgf=padding.MGF1(hashes.SHA256()), salt_length=32)
    builder = _builder(key.public_key(), rsa_padding=padding.PSS)
    cert = builder.sign(key, hashes.SHA256(), rsa_padding=pss)
    assert cert.public_key_algorithm_oid == PublicKeyAlgorithmOID.RSASSA_PSS
    # RFC 4055: id-RSASSA-PSS with the parameters absent.
    der = cert.public_bytes(serialization.Encoding.DER)
    assert bytes.fromhex("300b06092a864886f70d01010a0382010f00") in der
    assert cert.public_key() == key.public_key()
    cert.verify_directly_issued_by(cert)


def test_public_key_padding_rules() -> None:
    key = _rsa_key().public_key()
    instance = padding.PSS(mgf=padding.MGF1(hashes.SHA256()), salt_length=32)
    for wrong in (instance, padding.PKCS1v15):
        with pytest.raises(TypeError, match="must be the PSS class, not an instance"):
            x509.CertificateBuilder().public_key(key, rsa_padding=wrong)
    ec_key = ec.derive_private_key(1, ec.SECP256R1()).public_key()
    with pytest.raises(TypeError, match="only supported with RSA public keys"):
        x509.CertificateBuilder().public_key(ec_key, rsa_padding=padding.PSS)


def test_hashes_a_signature_cannot_name() -> None:
    dsa_key = dsa.generate_private_key(2048)
    builder = _builder(dsa_key.public_key())
    for sha3 in (hashes.SHA3_224(), hashes.SHA3_256(), hashes.SHA3_512()):
        with pytest.raises(UnsupportedAlgorithm, match="SHA3 hashes are not supported"):
            builder.sign(dsa_key, sha3)
    with pytest.raises(
        UnsupportedAlgorithm, match='"md5" not supported for signatures'
    ):
        builder.sign(dsa_key, hashes.MD5())
    # SHA-3 with DSA is refused; SHA-2 signs.
    assert builder.sign(dsa_key, hashes.SHA256()).signature_hash_algorithm is not None


def test_signing_needs_a_key_and_ed_keys_no_hash() -> None:
    with pytest.raises(TypeError, match="Need private key to sign certificate"):
        _builder(ED_KEY.public_key()).sign(None, None)
    ed448_key = ed448.Ed448PrivateKey.generate()
    with pytest.raises(TypeError, match="registered hash algorithm"):
        _builder(ED_KEY.public_key()).sign(ed448_key, object())
    with pytest.raises(ValueError, match="Algorithm must be None"):
        _builder(ED_KEY.public_key()).sign(ed448_key, hashes.SHA256())


def test_a_request_attribute_in_a_utf8string_must_be_utf8() -> None:
    key = ec.derive_private_key(1, ec.SECP256R1())
    builder = x509.CertificateSigningRequestBuilder().subject_name(NAME)
    bad = builder.add_attribute(x509.oid.AttributeOID.CHALLENGE_PASSWORD, b"\xbb\xad")
    with pytest.raises(ValueError, match="Attribute values must be valid utf-8."):
        bad.sign(key, hashes.SHA256())
    # Other string types are written as given.
    raw = builder.add_attribute(
        x509.oid.AttributeOID.CHALLENGE_PASSWORD,
        b"\xbb\xad",
        _tag=x509.name._ASN1Type.OctetString,
    )
    csr = raw.sign(key, hashes.SHA256())
    value = csr.attributes.get_attribute_for_oid(
        x509.oid.AttributeOID.CHALLENGE_PASSWORD
    )
    assert value.value == b"\xbb\xad"


def test_extension_value_rules() -> None:
    with pytest.raises(ValueError, match="must not contain the '\\*' wildcard"):
        x509.NameConstraints([x509.DNSName("*.example.com")], None)
    with pytest.raises(ValueError, match="Qualifier must be an ASCII-string."):
        x509.CertificatePolicies(
            [x509.PolicyInformation(x509.ObjectIdentifier("1.2.3"), ["\u00e9"])]
        ).public_bytes()


def test_a_key_identifier_needs_a_whole_byte_key() -> None:
    from cryptography.x509.extensions import _key_identifier_from_public_key

    class FakeKey(ed25519.Ed25519PublicKey):
        def __init__(self, spki: bytes) -> None:
            self._spki = spki

        def public_bytes(self, encoding: object, format: object) -> bytes:
            return self._spki

        def public_bytes_raw(self) -> bytes:
            raise NotImplementedError

        def verify(self, signature: object, data: object) -> None:
            raise NotImplementedError

        def __eq__(self, other: object) -> bool:
            return NotImplemented

        def __copy__(self) -> FakeKey:
            return self

        def __deepcopy__(self, memo: object) -> FakeKey:
            return self

    good = ED_KEY.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    assert (
        _key_identifier_from_public_key(FakeKey(good))
        == x509.SubjectKeyIdentifier.from_public_key(ED_KEY.public_key()).digest
    )
    # The same BIT STRING with one unused bit declared.
    partial = good[:11] + b"\x01" + good[12:-1] + b"\x00"
    with pytest.raises(ValueError, match="Invalid public key encoding"):
        _key_identifier_from_public_key(FakeKey(partial))


# verify_directly_issued_by: which error for which mistake.


def test_issuer_checks_by_key_type() -> None:
    cert = _builder(ED_KEY.public_key()).sign(ED_KEY, None)
    x25519_issuer = _builder(
        x25519.X25519PrivateKey.from_private_bytes(b"\x03" * 32).public_key()
    ).sign(ED_KEY, None)
    with pytest.raises(TypeError, match="Key must be an rsa, dsa, ec, ed25519"):
        cert.verify_directly_issued_by(x25519_issuer)
    ec_key = ec.derive_private_key(5, ec.SECP256R1())
    ec_issuer = _builder(ec_key.public_key()).sign(ec_key, hashes.SHA256())
    with pytest.raises(ValueError, match="does not match issuer key type"):
        cert.verify_directly_issued_by(ec_issuer)
    with pytest.raises(ValueError, match="does not match issuer key type"):
        ec_issuer.verify_directly_issued_by(cert)


def test_inner_and_outer_algorithms_are_compared_first() -> None:
    der = vector_path(
        "x509", "custom", "mismatch_inner_outer_sig_algorithm.der"
    ).read_bytes()
    cert = x509.load_der_x509_certificate(der)
    with pytest.raises(ValueError, match="^Inner and outer signature algorithms"):
        cert.verify_directly_issued_by(cert)


def test_a_well_formed_certificate_reads_without_warnings() -> None:
    cert = _builder(ED_KEY.public_key()).sign(ED_KEY, None)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert cert.serial_number == 1


def test_a_dsa_key_without_its_parameters_is_refused_at_load() -> None:
    # RFC 3279 lets a DSA certificate inherit its parameters from the issuer (PKITS
    # section 4.1.5); such a key cannot be used on its own, and the reference refuses
    # the certificate when it is loaded.
    for name in (
        "DSAParametersInheritedCACert.crt",
        "ValidDSAParameterInheritanceTest5EE.crt",
    ):
        der = vector_path("x509", "PKITS_data", "certs", name).read_bytes()
        with pytest.raises(ValueError, match='"AlgorithmIdentifier::params"'):
            x509.load_der_x509_certificate(der)


def test_lookups_in_a_long_list() -> None:
    # cryptography-vectors' list of 9,999 entries: the first lookup walks it, later ones
    # use the index by serial; both find each entry, and neither an absent serial.
    pem = vector_path("x509", "custom", "crl_almost_10k.pem").read_bytes()
    crl = x509.load_pem_x509_crl(pem)
    assert len(crl) == 9999
    serials = [entry.serial_number for entry in crl]
    for _ in range(2):
        for index in range(0, len(serials), 997):
            found = crl.get_revoked_certificate_by_serial_number(serials[index])
            assert found is not None
            assert found.serial_number == serials[index]
            first = crl[serials.index(serials[index])]
            assert found.revocation_date_utc == first.revocation_date_utc
        assert crl.get_revoked_certificate_by_serial_number(max(serials) + 1) is None
