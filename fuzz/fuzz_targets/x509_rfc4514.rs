//! RFC 4514 strings: any text is read without panicking, and whatever reads as a Name
//! survives a round trip: written as DER (UTF8String values), turned back into an RFC
//! 4514 string and read again, it gives the same attributes (each RDN's in DER order).
#![no_main]

use cryptography_asn1::name::{
    build_name, string_tags, AttributeTypeAndValue, AttributeValue, Name, RawValue,
};
use cryptography_asn1::oid_ref::OidRef;
use cryptography_x509::{name, rfc4514};
use libfuzzer_sys::fuzz_target;

type Rdns = Vec<Vec<(String, String)>>;

fn sorted(rdns: Vec<Vec<rfc4514::ParsedAttribute>>) -> Rdns {
    rdns.into_iter()
        .map(|rdn| {
            let mut attributes: Vec<_> = rdn
                .into_iter()
                .map(|attribute| (attribute.oid.to_string(), attribute.value))
                .collect();
            attributes.sort();
            attributes
        })
        .collect()
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let no_names = |_: &str| None;
    let Ok(rdns) = rfc4514::parse(text, &no_names) else {
        return;
    };
    let built: Vec<Vec<AttributeTypeAndValue<'_>>> = rdns
        .iter()
        .map(|rdn| {
            rdn.iter()
                .map(|attribute| AttributeTypeAndValue {
                    attribute_type: OidRef::from(&attribute.oid),
                    value: AttributeValue(RawValue {
                        tag: string_tags::UTF8_STRING,
                        data: attribute.value.as_bytes(),
                    }),
                })
                .collect()
        })
        .collect();
    // A multi-valued RDN with two equal attributes is not a DER SET; skip it.
    let Ok(der) = asn1::write_single(&build_name(built)) else {
        return;
    };
    let Ok(parsed) = asn1::parse_single::<Name<'_>>(&der) else {
        return;
    };
    let no_overrides = |_: OidRef<'_>| None;
    let again = name::rfc4514_string(&parsed, &no_overrides).expect("UTF8String values read back");
    let reread = rfc4514::parse(&again, &no_names).expect("a written string reads back");
    assert_eq!(sorted(reread), sorted(rdns), "{text:?} -> {again:?}");
});
