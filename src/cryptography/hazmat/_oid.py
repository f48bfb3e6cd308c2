# This file is dual licensed under the terms of the Apache License, Version
# 2.0, and the BSD License. See the LICENSE file in the root of this repository
# for complete details.

"""Object identifiers: the native `ObjectIdentifier`, the OIDs X.509 and its neighbours
name (grouped by what they identify), the names an OID's repr shows, and the hash each
signature algorithm uses."""

from __future__ import annotations

from cryptography.hazmat.bindings._rust import ObjectIdentifier as ObjectIdentifier
from cryptography.hazmat.primitives import hashes

__all__ = [
    "AttributeOID",
    "AuthorityInformationAccessOID",
    "CRLEntryExtensionOID",
    "CertificatePoliciesOID",
    "ExtendedKeyUsageOID",
    "ExtensionOID",
    "HashAlgorithmOID",
    "NameOID",
    "OCSPExtensionOID",
    "ObjectIdentifier",
    "OtherNameFormOID",
    "PublicKeyAlgorithmOID",
    "SignatureAlgorithmOID",
    "SubjectInformationAccessOID",
]

# The registered name of each OID that has one (`ObjectIdentifier._name` and its repr
# read this table).
_OID_NAMES: dict[ObjectIdentifier, str] = {}


def _oid(dotted: str, name: str | None = None) -> ObjectIdentifier:
    """The OID `dotted`, its `name` recorded for its repr."""
    oid = ObjectIdentifier(dotted)
    if name is not None:
        _OID_NAMES.setdefault(oid, name)
    return oid


class ExtensionOID:
    SUBJECT_DIRECTORY_ATTRIBUTES = _oid("2.5.29.9", "subjectDirectoryAttributes")
    SUBJECT_KEY_IDENTIFIER = _oid("2.5.29.14", "subjectKeyIdentifier")
    KEY_USAGE = _oid("2.5.29.15", "keyUsage")
    PRIVATE_KEY_USAGE_PERIOD = _oid("2.5.29.16", "privateKeyUsagePeriod")
    SUBJECT_ALTERNATIVE_NAME = _oid("2.5.29.17", "subjectAltName")
    ISSUER_ALTERNATIVE_NAME = _oid("2.5.29.18", "issuerAltName")
    BASIC_CONSTRAINTS = _oid("2.5.29.19", "basicConstraints")
    CRL_NUMBER = _oid("2.5.29.20", "cRLNumber")
    DELTA_CRL_INDICATOR = _oid("2.5.29.27", "deltaCRLIndicator")
    ISSUING_DISTRIBUTION_POINT = _oid("2.5.29.28", "issuingDistributionPoint")
    NAME_CONSTRAINTS = _oid("2.5.29.30", "nameConstraints")
    CRL_DISTRIBUTION_POINTS = _oid("2.5.29.31", "cRLDistributionPoints")
    CERTIFICATE_POLICIES = _oid("2.5.29.32", "certificatePolicies")
    POLICY_MAPPINGS = _oid("2.5.29.33", "policyMappings")
    AUTHORITY_KEY_IDENTIFIER = _oid("2.5.29.35", "authorityKeyIdentifier")
    POLICY_CONSTRAINTS = _oid("2.5.29.36", "policyConstraints")
    EXTENDED_KEY_USAGE = _oid("2.5.29.37", "extendedKeyUsage")
    FRESHEST_CRL = _oid("2.5.29.46", "freshestCRL")
    INHIBIT_ANY_POLICY = _oid("2.5.29.54", "inhibitAnyPolicy")
    AUTHORITY_INFORMATION_ACCESS = _oid("1.3.6.1.5.5.7.1.1", "authorityInfoAccess")
    SUBJECT_INFORMATION_ACCESS = _oid("1.3.6.1.5.5.7.1.11", "subjectInfoAccess")
    TLS_FEATURE = _oid("1.3.6.1.5.5.7.1.24", "TLSFeature")
    OCSP_NO_CHECK = _oid("1.3.6.1.5.5.7.48.1.5", "OCSPNoCheck")
    # RFC 6962: in a precertificate, in a certificate, and the poison extension.
    PRECERT_SIGNED_CERTIFICATE_TIMESTAMPS = _oid(
        "1.3.6.1.4.1.11129.2.4.2", "signedCertificateTimestampList"
    )
    PRECERT_POISON = _oid("1.3.6.1.4.1.11129.2.4.3", "ctPoison")
    SIGNED_CERTIFICATE_TIMESTAMPS = _oid(
        "1.3.6.1.4.1.11129.2.4.5", "signedCertificateTimestampList"
    )
    MS_CERTIFICATE_TEMPLATE = _oid("1.3.6.1.4.1.311.21.7", "msCertificateTemplate")
    ADMISSIONS = _oid("1.3.36.8.3.3", "Admissions")


class OCSPExtensionOID:
    NONCE = _oid("1.3.6.1.5.5.7.48.1.2", "OCSPNonce")
    ACCEPTABLE_RESPONSES = _oid("1.3.6.1.5.5.7.48.1.4")


class CRLEntryExtensionOID:
    CRL_REASON = _oid("2.5.29.21", "cRLReason")
    INVALIDITY_DATE = _oid("2.5.29.24", "invalidityDate")
    CERTIFICATE_ISSUER = _oid("2.5.29.29", "certificateIssuer")


class NameOID:
    COMMON_NAME = _oid("2.5.4.3", "commonName")
    SURNAME = _oid("2.5.4.4", "surname")
    SERIAL_NUMBER = _oid("2.5.4.5", "serialNumber")
    COUNTRY_NAME = _oid("2.5.4.6", "countryName")
    LOCALITY_NAME = _oid("2.5.4.7", "localityName")
    STATE_OR_PROVINCE_NAME = _oid("2.5.4.8", "stateOrProvinceName")
    STREET_ADDRESS = _oid("2.5.4.9", "streetAddress")
    ORGANIZATION_NAME = _oid("2.5.4.10", "organizationName")
    ORGANIZATIONAL_UNIT_NAME = _oid("2.5.4.11", "organizationalUnitName")
    TITLE = _oid("2.5.4.12", "title")
    BUSINESS_CATEGORY = _oid("2.5.4.15", "businessCategory")
    POSTAL_ADDRESS = _oid("2.5.4.16", "postalAddress")
    POSTAL_CODE = _oid("2.5.4.17", "postalCode")
    GIVEN_NAME = _oid("2.5.4.42", "givenName")
    INITIALS = _oid("2.5.4.43")
    GENERATION_QUALIFIER = _oid("2.5.4.44", "generationQualifier")
    X500_UNIQUE_IDENTIFIER = _oid("2.5.4.45", "x500UniqueIdentifier")
    DN_QUALIFIER = _oid("2.5.4.46", "dnQualifier")
    PSEUDONYM = _oid("2.5.4.65", "pseudonym")
    ORGANIZATION_IDENTIFIER = _oid("2.5.4.97")
    USER_ID = _oid("0.9.2342.19200300.100.1.1", "userID")
    DOMAIN_COMPONENT = _oid("0.9.2342.19200300.100.1.25", "domainComponent")
    EMAIL_ADDRESS = _oid("1.2.840.113549.1.9.1", "emailAddress")
    UNSTRUCTURED_NAME = _oid("1.2.840.113549.1.9.2", "unstructuredName")
    # EV certificates' jurisdiction (CA/Browser Forum EV guidelines).
    JURISDICTION_LOCALITY_NAME = _oid(
        "1.3.6.1.4.1.311.60.2.1.1", "jurisdictionLocalityName"
    )
    JURISDICTION_STATE_OR_PROVINCE_NAME = _oid(
        "1.3.6.1.4.1.311.60.2.1.2", "jurisdictionStateOrProvinceName"
    )
    JURISDICTION_COUNTRY_NAME = _oid(
        "1.3.6.1.4.1.311.60.2.1.3", "jurisdictionCountryName"
    )
    # Russian identifiers of taxpayers, companies and insured persons.
    INN = _oid("1.2.643.3.131.1.1", "INN")
    OGRN = _oid("1.2.643.100.1", "OGRN")
    SNILS = _oid("1.2.643.100.3", "SNILS")
    # The issuer name of an unsigned certificate (id-rdna-unsigned, IETF LAMPS).
    UNSIGNED = _oid("1.3.6.1.5.5.7.25.1")


class SignatureAlgorithmOID:
    RSA_WITH_MD5 = _oid("1.2.840.113549.1.1.4", "md5WithRSAEncryption")
    RSA_WITH_SHA1 = _oid("1.2.840.113549.1.1.5", "sha1WithRSAEncryption")
    # The OIW's sha1WithRSASignature, found in old certificates.
    _RSA_WITH_SHA1 = _oid("1.3.14.3.2.29")
    RSASSA_PSS = _oid("1.2.840.113549.1.1.10", "rsassaPss")
    RSA_WITH_SHA256 = _oid("1.2.840.113549.1.1.11", "sha256WithRSAEncryption")
    RSA_WITH_SHA384 = _oid("1.2.840.113549.1.1.12", "sha384WithRSAEncryption")
    RSA_WITH_SHA512 = _oid("1.2.840.113549.1.1.13", "sha512WithRSAEncryption")
    RSA_WITH_SHA224 = _oid("1.2.840.113549.1.1.14", "sha224WithRSAEncryption")
    RSA_WITH_SHA3_224 = _oid("2.16.840.1.101.3.4.3.13")
    RSA_WITH_SHA3_256 = _oid("2.16.840.1.101.3.4.3.14")
    RSA_WITH_SHA3_384 = _oid("2.16.840.1.101.3.4.3.15")
    RSA_WITH_SHA3_512 = _oid("2.16.840.1.101.3.4.3.16")
    ECDSA_WITH_SHA1 = _oid("1.2.840.10045.4.1", "ecdsa-with-SHA1")
    ECDSA_WITH_SHA224 = _oid("1.2.840.10045.4.3.1", "ecdsa-with-SHA224")
    ECDSA_WITH_SHA256 = _oid("1.2.840.10045.4.3.2", "ecdsa-with-SHA256")
    ECDSA_WITH_SHA384 = _oid("1.2.840.10045.4.3.3", "ecdsa-with-SHA384")
    ECDSA_WITH_SHA512 = _oid("1.2.840.10045.4.3.4", "ecdsa-with-SHA512")
    ECDSA_WITH_SHA3_224 = _oid("2.16.840.1.101.3.4.3.9")
    ECDSA_WITH_SHA3_256 = _oid("2.16.840.1.101.3.4.3.10")
    ECDSA_WITH_SHA3_384 = _oid("2.16.840.1.101.3.4.3.11")
    ECDSA_WITH_SHA3_512 = _oid("2.16.840.1.101.3.4.3.12")
    DSA_WITH_SHA1 = _oid("1.2.840.10040.4.3", "dsa-with-sha1")
    DSA_WITH_SHA224 = _oid("2.16.840.1.101.3.4.3.1", "dsa-with-sha224")
    DSA_WITH_SHA256 = _oid("2.16.840.1.101.3.4.3.2", "dsa-with-sha256")
    DSA_WITH_SHA384 = _oid("2.16.840.1.101.3.4.3.3")
    DSA_WITH_SHA512 = _oid("2.16.840.1.101.3.4.3.4")
    ED25519 = _oid("1.3.101.112", "ed25519")
    ED448 = _oid("1.3.101.113", "ed448")
    ML_DSA_44 = _oid("2.16.840.1.101.3.4.3.17", "ML-DSA-44")
    ML_DSA_65 = _oid("2.16.840.1.101.3.4.3.18", "ML-DSA-65")
    ML_DSA_87 = _oid("2.16.840.1.101.3.4.3.19", "ML-DSA-87")
    GOSTR3411_94_WITH_3410_2001 = _oid(
        "1.2.643.2.2.3", "GOST R 34.11-94 with GOST R 34.10-2001"
    )
    GOSTR3410_2012_WITH_3411_2012_256 = _oid(
        "1.2.643.7.1.1.3.2", "GOST R 34.10-2012 with GOST R 34.11-2012 (256 bit)"
    )
    GOSTR3410_2012_WITH_3411_2012_512 = _oid(
        "1.2.643.7.1.1.3.3", "GOST R 34.10-2012 with GOST R 34.11-2012 (512 bit)"
    )
    # id-alg-unsigned (IETF LAMPS): a certificate that carries no signature.
    UNSIGNED = _oid("1.3.6.1.5.5.7.6.36")


_S = SignatureAlgorithmOID
# The hash of each signature algorithm that has one of its own (None: the algorithm
# hashes internally, or there is no signature); RSASSA-PSS names its hash in its
# parameters, so it is not here.
_SIG_OIDS_TO_HASH: dict[ObjectIdentifier, hashes.HashAlgorithm | None] = {
    _S.RSA_WITH_MD5: hashes.MD5(),
    _S.RSA_WITH_SHA1: hashes.SHA1(),
    _S._RSA_WITH_SHA1: hashes.SHA1(),
    _S.RSA_WITH_SHA224: hashes.SHA224(),
    _S.RSA_WITH_SHA256: hashes.SHA256(),
    _S.RSA_WITH_SHA384: hashes.SHA384(),
    _S.RSA_WITH_SHA512: hashes.SHA512(),
    _S.RSA_WITH_SHA3_224: hashes.SHA3_224(),
    _S.RSA_WITH_SHA3_256: hashes.SHA3_256(),
    _S.RSA_WITH_SHA3_384: hashes.SHA3_384(),
    _S.RSA_WITH_SHA3_512: hashes.SHA3_512(),
    _S.ECDSA_WITH_SHA1: hashes.SHA1(),
    _S.ECDSA_WITH_SHA224: hashes.SHA224(),
    _S.ECDSA_WITH_SHA256: hashes.SHA256(),
    _S.ECDSA_WITH_SHA384: hashes.SHA384(),
    _S.ECDSA_WITH_SHA512: hashes.SHA512(),
    _S.ECDSA_WITH_SHA3_224: hashes.SHA3_224(),
    _S.ECDSA_WITH_SHA3_256: hashes.SHA3_256(),
    _S.ECDSA_WITH_SHA3_384: hashes.SHA3_384(),
    _S.ECDSA_WITH_SHA3_512: hashes.SHA3_512(),
    _S.DSA_WITH_SHA1: hashes.SHA1(),
    _S.DSA_WITH_SHA224: hashes.SHA224(),
    _S.DSA_WITH_SHA256: hashes.SHA256(),
    _S.ED25519: None,
    _S.ED448: None,
    _S.ML_DSA_44: None,
    _S.ML_DSA_65: None,
    _S.ML_DSA_87: None,
    _S.GOSTR3411_94_WITH_3410_2001: None,
    _S.GOSTR3410_2012_WITH_3411_2012_256: None,
    _S.GOSTR3410_2012_WITH_3411_2012_512: None,
    _S.UNSIGNED: None,
}
del _S


class HashAlgorithmOID:
    SHA1 = _oid("1.3.14.3.2.26", "sha1")
    SHA224 = _oid("2.16.840.1.101.3.4.2.4", "sha224")
    SHA256 = _oid("2.16.840.1.101.3.4.2.1", "sha256")
    SHA384 = _oid("2.16.840.1.101.3.4.2.2", "sha384")
    SHA512 = _oid("2.16.840.1.101.3.4.2.3", "sha512")
    # SHA-3 under an arc registered before NIST assigned its own, still in use.
    SHA3_224 = _oid("1.3.6.1.4.1.37476.3.2.1.99.7.224", "sha3_224")
    SHA3_256 = _oid("1.3.6.1.4.1.37476.3.2.1.99.7.256", "sha3_256")
    SHA3_384 = _oid("1.3.6.1.4.1.37476.3.2.1.99.7.384", "sha3_384")
    SHA3_512 = _oid("1.3.6.1.4.1.37476.3.2.1.99.7.512", "sha3_512")
    SHA3_224_NIST = _oid("2.16.840.1.101.3.4.2.7", "sha3_224")
    SHA3_256_NIST = _oid("2.16.840.1.101.3.4.2.8", "sha3_256")
    SHA3_384_NIST = _oid("2.16.840.1.101.3.4.2.9", "sha3_384")
    SHA3_512_NIST = _oid("2.16.840.1.101.3.4.2.10", "sha3_512")


class PublicKeyAlgorithmOID:
    DSA = _oid("1.2.840.10040.4.1", "dsaEncryption")
    EC_PUBLIC_KEY = _oid("1.2.840.10045.2.1", "id-ecPublicKey")
    RSAES_PKCS1_v1_5 = _oid("1.2.840.113549.1.1.1", "rsaEncryption")
    RSASSA_PSS = _oid("1.2.840.113549.1.1.10", "rsassaPss")
    X25519 = _oid("1.3.101.110", "X25519")
    X448 = _oid("1.3.101.111", "X448")
    ED25519 = _oid("1.3.101.112", "ed25519")
    ED448 = _oid("1.3.101.113", "ed448")
    ML_DSA_44 = _oid("2.16.840.1.101.3.4.3.17", "ML-DSA-44")
    ML_DSA_65 = _oid("2.16.840.1.101.3.4.3.18", "ML-DSA-65")
    ML_DSA_87 = _oid("2.16.840.1.101.3.4.3.19", "ML-DSA-87")
    ML_KEM_768 = _oid("2.16.840.1.101.3.4.4.2")
    ML_KEM_1024 = _oid("2.16.840.1.101.3.4.4.3")


class ExtendedKeyUsageOID:
    SERVER_AUTH = _oid("1.3.6.1.5.5.7.3.1", "serverAuth")
    CLIENT_AUTH = _oid("1.3.6.1.5.5.7.3.2", "clientAuth")
    CODE_SIGNING = _oid("1.3.6.1.5.5.7.3.3", "codeSigning")
    EMAIL_PROTECTION = _oid("1.3.6.1.5.5.7.3.4", "emailProtection")
    TIME_STAMPING = _oid("1.3.6.1.5.5.7.3.8", "timeStamping")
    OCSP_SIGNING = _oid("1.3.6.1.5.5.7.3.9", "OCSPSigning")
    IPSEC_IKE = _oid("1.3.6.1.5.5.7.3.17")
    BUNDLE_SECURITY = _oid("1.3.6.1.5.5.7.3.35")
    ANY_EXTENDED_KEY_USAGE = _oid("2.5.29.37.0")
    SMARTCARD_LOGON = _oid("1.3.6.1.4.1.311.20.2.2", "msSmartcardLogin")
    KERBEROS_PKINIT_KDC = _oid("1.3.6.1.5.2.3.5", "pkInitKDC")
    CERTIFICATE_TRANSPARENCY = _oid("1.3.6.1.4.1.11129.2.4.4")


class OtherNameFormOID:
    PERMANENT_IDENTIFIER = _oid("1.3.6.1.5.5.7.8.3")
    HW_MODULE_NAME = _oid("1.3.6.1.5.5.7.8.4")
    DNS_SRV = _oid("1.3.6.1.5.5.7.8.7")
    NAI_REALM = _oid("1.3.6.1.5.5.7.8.8")
    SMTP_UTF8_MAILBOX = _oid("1.3.6.1.5.5.7.8.9")
    ACP_NODE_NAME = _oid("1.3.6.1.5.5.7.8.10")
    BUNDLE_EID = _oid("1.3.6.1.5.5.7.8.11")


class AuthorityInformationAccessOID:
    OCSP = _oid("1.3.6.1.5.5.7.48.1", "OCSP")
    CA_ISSUERS = _oid("1.3.6.1.5.5.7.48.2", "caIssuers")


class SubjectInformationAccessOID:
    CA_REPOSITORY = _oid("1.3.6.1.5.5.7.48.5", "caRepository")


class CertificatePoliciesOID:
    CPS_QUALIFIER = _oid("1.3.6.1.5.5.7.2.1", "id-qt-cps")
    CPS_USER_NOTICE = _oid("1.3.6.1.5.5.7.2.2", "id-qt-unotice")
    ANY_POLICY = _oid("2.5.29.32.0")


class AttributeOID:
    CHALLENGE_PASSWORD = _oid("1.2.840.113549.1.9.7", "challengePassword")
    UNSTRUCTURED_NAME = NameOID.UNSTRUCTURED_NAME
