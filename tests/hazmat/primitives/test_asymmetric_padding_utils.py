from __future__ import annotations

import pytest

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives._asymmetric import AsymmetricPadding
from cryptography.hazmat.primitives.asymmetric import padding, utils


def test_padding_values_compare_by_parameters():
    sha256 = hashes.SHA256()
    assert padding.PKCS1v15().name == "EMSA-PKCS1-v1_5"
    assert padding.PKCS1v15() == padding.PKCS1v15()
    pss = padding.PSS(padding.MGF1(sha256), 32)
    assert (pss.name, pss._salt_length) == ("EMSA-PSS", 32)
    assert pss == padding.PSS(padding.MGF1(hashes.SHA256()), 32)
    assert pss != padding.PSS(padding.MGF1(sha256), 31)
    assert pss != padding.PSS(padding.MGF1(hashes.SHA1()), 32)
    max_length = padding.PSS(padding.MGF1(sha256), padding.PSS.MAX_LENGTH)
    assert max_length == padding.PSS(padding.MGF1(sha256), padding.PSS.MAX_LENGTH)
    oaep = padding.OAEP(padding.MGF1(sha256), sha256, b"label")
    assert (oaep.name, oaep.algorithm, oaep._label) == ("EME-OAEP", sha256, b"label")
    assert oaep == padding.OAEP(padding.MGF1(sha256), hashes.SHA256(), b"label")
    assert oaep != padding.OAEP(padding.MGF1(sha256), sha256, b"other")
    for value in (padding.PKCS1v15(), pss, oaep):
        assert isinstance(value, AsymmetricPadding)
        with pytest.raises(TypeError):
            hash(value)
    assert isinstance(padding.MGF1(sha256), padding.MGF)


def test_padding_argument_checks():
    mgf = padding.MGF1(hashes.SHA256())
    with pytest.raises(ValueError, match="salt_length must be zero or greater."):
        padding.PSS(mgf, -1)
    with pytest.raises(TypeError, match="salt_length must be an integer, MAX_LENGTH"):
        padding.PSS(mgf, "32")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="Expected instance of hashes.HashAlgorithm."):
        padding.MGF1(object())  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="Expected instance of hashes.HashAlgorithm."):
        padding.OAEP(mgf, object(), None)  # type: ignore[arg-type]


def test_prehashed_and_no_digest_info():
    prehashed = utils.Prehashed(hashes.SHA384())
    assert prehashed.digest_size == 48
    with pytest.raises(TypeError, match="Expected instance of HashAlgorithm."):
        utils.Prehashed(object())  # type: ignore[arg-type]
    assert isinstance(utils.NoDigestInfo(), utils.NoDigestInfo)


def test_dss_signature_der():
    assert utils.encode_dss_signature(1, 2).hex() == "3006020101020102"
    assert utils.encode_dss_signature(0, 0).hex() == "3006020100020100"
    big = utils.encode_dss_signature(2**255, 2**256 - 1)
    assert big.hex() == "3046" + "022100" + "80" + "00" * 31 + "022100" + "ff" * 32
    assert utils.decode_dss_signature(big) == (2**255, 2**256 - 1)
    assert utils.decode_dss_signature(bytes.fromhex("3006020101020102")) == (1, 2)
    with pytest.raises(ValueError, match="Negative integers are not supported"):
        utils.encode_dss_signature(-1, 2)
    with pytest.raises(TypeError, match="'float' object is not an instance of 'int'"):
        utils.encode_dss_signature(1.0, 2)  # type: ignore[arg-type]
    # Strict DER: short data, trailing data, a negative or non-minimal integer.
    for bad, kind in (
        ("3000", "ShortData"),
        ("300602010102010200", "ExtraData"),
        ("30060201ff020102", "InvalidValue"),
        ("300702020001020102", "InvalidValue"),
    ):
        with pytest.raises(
            ValueError, match=f"error parsing asn1 value: ParseError {{ kind: {kind}"
        ):
            utils.decode_dss_signature(bytes.fromhex(bad))
    with pytest.raises(
        TypeError, match="'bytearray' object is not an instance of 'bytes'"
    ):
        utils.decode_dss_signature(bytearray(b"0"))  # type: ignore[arg-type]
