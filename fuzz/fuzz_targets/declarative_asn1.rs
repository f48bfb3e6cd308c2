//! Structures described at run time (`cryptography.hazmat.asn1`'s core): the first byte
//! picks one of a few schemas that use every kind, tagging, SIZE, DEFAULT, OPTIONAL,
//! CHOICE, SET and SET OF; the rest is read through it. DER has one encoding per value,
//! so whatever is accepted must write back as exactly the bytes that were read.
#![no_main]

use std::sync::OnceLock;

use cryptography_asn1::declarative::tree::{Tree, Value};
use cryptography_asn1::declarative::{decode, encode, Field, Kind, Leaf, Size, Tagging};
use libfuzzer_sys::fuzz_target;

type F = Field<()>;

fn plain(kind: Kind<()>) -> F {
    Field::new(kind, ())
}

fn tagged(kind: Kind<()>, tagging: Tagging) -> F {
    let mut field = plain(kind);
    field.tagging = Some(tagging);
    field
}

fn optional(field: F) -> F {
    plain(Kind::Optional(Box::new(field)))
}

fn sized(mut field: F, min: usize, max: Option<usize>) -> F {
    field.size = Some(Size { min, max });
    field
}

fn defaulting(mut field: F, value: Value) -> F {
    field.default = Some(encode(&field, &value, &Tree).unwrap());
    field
}

fn schemas() -> Vec<F> {
    let time = || {
        plain(Kind::Choice(vec![
            plain(Kind::UtcTime),
            plain(Kind::GeneralizedTime),
        ]))
    };
    let name = plain(Kind::Choice(vec![
        tagged(Kind::Ia5String, Tagging::Implicit(1)),
        tagged(Kind::PrintableString, Tagging::Implicit(2)),
        tagged(Kind::Utf8String, Tagging::Explicit(6)),
    ]));
    let everything = plain(Kind::Sequence(vec![
        defaulting(
            tagged(Kind::Integer, Tagging::Explicit(0)),
            Value::Leaf(Leaf::Integer(vec![0].into())),
        ),
        defaulting(plain(Kind::Boolean), Value::Leaf(Leaf::Boolean(false))),
        optional(sized(plain(Kind::OctetString), 0, Some(8))),
        plain(Kind::ObjectIdentifier),
        time(),
        sized(plain(Kind::SequenceOf(Box::new(name))), 1, None),
        optional(tagged(Kind::BitString, Tagging::Implicit(3))),
        optional(tagged(Kind::Any, Tagging::Explicit(4))),
        optional(plain(Kind::Null)),
    ]));
    let set = plain(Kind::Set(vec![
        plain(Kind::Boolean),
        plain(Kind::Integer),
        sized(
            plain(Kind::SetOf(Box::new(plain(Kind::Integer)))),
            1,
            Some(4),
        ),
    ]));
    let choice = plain(Kind::Choice(vec![
        plain(Kind::SequenceOf(Box::new(plain(Kind::Any)))),
        tagged(
            Kind::SetOf(Box::new(plain(Kind::ObjectIdentifier))),
            Tagging::Implicit(0),
        ),
        sized(plain(Kind::Utf8String), 1, Some(3)),
    ]));
    // RFC 5280's Validity after an AlgorithmIdentifier with optional NULL parameters.
    let algorithm = plain(Kind::Sequence(vec![
        plain(Kind::ObjectIdentifier),
        optional(plain(Kind::Null)),
    ]));
    let validity = plain(Kind::Sequence(vec![
        algorithm,
        plain(Kind::Sequence(vec![time(), time()])),
        optional(tagged(
            Kind::Sequence(vec![plain(Kind::Integer)]),
            Tagging::Implicit(1),
        )),
    ]));
    vec![everything, set, choice, validity]
}

fuzz_target!(|data: &[u8]| {
    static SCHEMAS: OnceLock<Vec<F>> = OnceLock::new();
    let schemas = SCHEMAS.get_or_init(schemas);
    let Some((&selector, der)) = data.split_first() else {
        return;
    };
    let schema = &schemas[usize::from(selector) % schemas.len()];
    if let Ok(value) = decode(schema, der, &mut Tree) {
        assert_eq!(encode(schema, &value, &Tree).unwrap(), der);
    }
});
