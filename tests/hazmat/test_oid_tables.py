"""The OID tables of `cryptography.hazmat._oid`: values checked against the documents
that assign them, the names an OID's repr shows, and the hash of each signature
algorithm."""

from __future__ import annotations

import pytest

from cryptography.hazmat import _oid
from cryptography.hazmat._oid import (
    AuthorityInformationAccessOID,
    CertificatePoliciesOID,
    CRLEntryExtensionOID,
    ExtendedKeyUsageOID,
    ExtensionOID,
    HashAlgorithmOID,
    NameOID,
    ObjectIdentifier,
    OCSPExtensionOID,
    PublicKeyAlgorithmOID,
    SignatureAlgorithmOID,
)
from cryptography.hazmat.primitives import hashes

# (OID, dotted string, where it is assigned)
ASSIGNED = [
    (NameOID.COMMON_NAME, "2.5.4.3", "X.520 id-at-commonName"),
    (NameOID.COUNTRY_NAME, "2.5.4.6", "X.520 id-at-countryName"),
    (NameOID.ORGANIZATION_IDENTIFIER, "2.5.4.97", "X.520 id-at-organizationIdentifier"),
    (NameOID.DOMAIN_COMPONENT, "0.9.2342.19200300.100.1.25", "RFC 4519 dc"),
    (NameOID.EMAIL_ADDRESS, "1.2.840.113549.1.9.1", "RFC 2985 emailAddress"),
    (ExtensionOID.BASIC_CONSTRAINTS, "2.5.29.19", "RFC 5280 id-ce-basicConstraints"),
    (
        ExtensionOID.SUBJECT_ALTERNATIVE_NAME,
        "2.5.29.17",
        "RFC 5280 id-ce-subjectAltName",
    ),
    (ExtensionOID.INHIBIT_ANY_POLICY, "2.5.29.54", "RFC 5280 id-ce-inhibitAnyPolicy"),
    (
        ExtensionOID.AUTHORITY_INFORMATION_ACCESS,
        "1.3.6.1.5.5.7.1.1",
        "RFC 5280 id-pe-authorityInfoAccess",
    ),
    (ExtensionOID.TLS_FEATURE, "1.3.6.1.5.5.7.1.24", "RFC 7633 id-pe-tlsfeature"),
    (ExtensionOID.PRECERT_POISON, "1.3.6.1.4.1.11129.2.4.3", "RFC 6962 section 3.1"),
    (
        ExtensionOID.SIGNED_CERTIFICATE_TIMESTAMPS,
        "1.3.6.1.4.1.11129.2.4.5",
        "RFC 6962 section 3.3",
    ),
    (CRLEntryExtensionOID.CRL_REASON, "2.5.29.21", "RFC 5280 id-ce-cRLReasons"),
    (
        CRLEntryExtensionOID.INVALIDITY_DATE,
        "2.5.29.24",
        "RFC 5280 id-ce-invalidityDate",
    ),
    (OCSPExtensionOID.NONCE, "1.3.6.1.5.5.7.48.1.2", "RFC 6960 id-pkix-ocsp-nonce"),
    (ExtendedKeyUsageOID.SERVER_AUTH, "1.3.6.1.5.5.7.3.1", "RFC 5280 id-kp-serverAuth"),
    (
        ExtendedKeyUsageOID.OCSP_SIGNING,
        "1.3.6.1.5.5.7.3.9",
        "RFC 5280 id-kp-OCSPSigning",
    ),
    (
        ExtendedKeyUsageOID.ANY_EXTENDED_KEY_USAGE,
        "2.5.29.37.0",
        "RFC 5280 anyExtendedKeyUsage",
    ),
    (AuthorityInformationAccessOID.OCSP, "1.3.6.1.5.5.7.48.1", "RFC 5280 id-ad-ocsp"),
    (CertificatePoliciesOID.ANY_POLICY, "2.5.29.32.0", "RFC 5280 anyPolicy"),
    (
        SignatureAlgorithmOID.RSA_WITH_SHA256,
        "1.2.840.113549.1.1.11",
        "RFC 4055 sha256WithRSAEncryption",
    ),
    (
        SignatureAlgorithmOID.RSASSA_PSS,
        "1.2.840.113549.1.1.10",
        "RFC 4055 id-RSASSA-PSS",
    ),
    (
        SignatureAlgorithmOID.ECDSA_WITH_SHA384,
        "1.2.840.10045.4.3.3",
        "RFC 5758 ecdsa-with-SHA384",
    ),
    (
        SignatureAlgorithmOID.DSA_WITH_SHA256,
        "2.16.840.1.101.3.4.3.2",
        "RFC 5758 id-dsa-with-sha256",
    ),
    (SignatureAlgorithmOID.ED448, "1.3.101.113", "RFC 8410 id-Ed448"),
    (
        SignatureAlgorithmOID.ML_DSA_65,
        "2.16.840.1.101.3.4.3.18",
        "NIST CSOR id-ml-dsa-65",
    ),
    (
        PublicKeyAlgorithmOID.EC_PUBLIC_KEY,
        "1.2.840.10045.2.1",
        "RFC 5480 id-ecPublicKey",
    ),
    (PublicKeyAlgorithmOID.X25519, "1.3.101.110", "RFC 8410 id-X25519"),
    (
        PublicKeyAlgorithmOID.ML_KEM_768,
        "2.16.840.1.101.3.4.4.2",
        "NIST CSOR id-alg-ml-kem-768",
    ),
    (HashAlgorithmOID.SHA256, "2.16.840.1.101.3.4.2.1", "RFC 5754 id-sha256"),
    (HashAlgorithmOID.SHA3_256_NIST, "2.16.840.1.101.3.4.2.8", "NIST CSOR id-sha3-256"),
]


@pytest.mark.parametrize(("oid", "dotted", "source"), ASSIGNED)
def test_values_are_the_assigned_ones(
    oid: ObjectIdentifier, dotted: str, source: str
) -> None:
    assert oid.dotted_string == dotted, source
    assert oid == ObjectIdentifier(dotted)


def test_repr_names_a_known_oid() -> None:
    assert repr(NameOID.COMMON_NAME) == (
        "<ObjectIdentifier(oid=2.5.4.3, name=commonName)>"
    )
    assert repr(SignatureAlgorithmOID.GOSTR3410_2012_WITH_3411_2012_256) == (
        "<ObjectIdentifier(oid=1.2.643.7.1.1.3.2, "
        "name=GOST R 34.10-2012 with GOST R 34.11-2012 (256 bit))>"
    )
    # Some OIDs of the tables have no registered name.
    assert repr(NameOID.ORGANIZATION_IDENTIFIER) == (
        "<ObjectIdentifier(oid=2.5.4.97, name=Unknown OID)>"
    )
    assert repr(ObjectIdentifier("1.2.3")) == (
        "<ObjectIdentifier(oid=1.2.3, name=Unknown OID)>"
    )


def test_one_oid_in_two_tables_is_one_value() -> None:
    assert SignatureAlgorithmOID.ED25519 == PublicKeyAlgorithmOID.ED25519
    assert _oid.AttributeOID.UNSTRUCTURED_NAME == NameOID.UNSTRUCTURED_NAME


@pytest.mark.parametrize(
    ("oid", "hash_type"),
    [
        (SignatureAlgorithmOID.RSA_WITH_MD5, hashes.MD5),
        (SignatureAlgorithmOID.RSA_WITH_SHA1, hashes.SHA1),
        (ObjectIdentifier("1.3.14.3.2.29"), hashes.SHA1),
        (SignatureAlgorithmOID.RSA_WITH_SHA3_512, hashes.SHA3_512),
        (SignatureAlgorithmOID.ECDSA_WITH_SHA224, hashes.SHA224),
        (SignatureAlgorithmOID.DSA_WITH_SHA256, hashes.SHA256),
        (SignatureAlgorithmOID.ED25519, None),
        (SignatureAlgorithmOID.ML_DSA_87, None),
        (SignatureAlgorithmOID.UNSIGNED, None),
    ],
)
def test_signature_hashes(oid: ObjectIdentifier, hash_type: type | None) -> None:
    found = _oid._SIG_OIDS_TO_HASH[oid]
    if hash_type is None:
        assert found is None
    else:
        assert type(found) is hash_type


def test_pss_names_its_hash_in_its_parameters() -> None:
    assert SignatureAlgorithmOID.RSASSA_PSS not in _oid._SIG_OIDS_TO_HASH
