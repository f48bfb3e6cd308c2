//! Structures described at run time (the schemas of `cryptography.hazmat.asn1`), read and
//! written through the `asn1` crate's readers and writers.
//!
//! A schema is a tree of [`Field`]s. Each carries the rules that decide its DER: the
//! kind of value, its tagging, a SIZE constraint, the DER of its DEFAULT value. The
//! walkers here apply every one of those rules; the host that owns the values (the
//! Python binding) only converts leaves and builds containers, through [`Build`] when
//! reading and [`Inspect`] when writing. `H` is the host's own data on each field (the
//! class to build, a field's name, ...), carried and never looked at here.
//!
//! Strictness is the `asn1` crate's: every leaf is read by its `parse_data`, containers
//! reject trailing data, SET and SET OF elements must be in DER order, an OPTIONAL or
//! DEFAULT field is present exactly when the next element's tag is one it accepts.

use std::borrow::Cow;

use asn1::{
    ParseError, ParseErrorKind, SimpleAsn1Readable, SimpleAsn1Writable, Tag, Tlv, WriteBuf,
    WriteError, Writer,
};

/// How a field's tag is changed (X.680 31.2): IMPLICIT replaces the tag, EXPLICIT wraps
/// the element in a constructed context-specific one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tagging {
    Implicit(u32),
    Explicit(u32),
}

/// A SIZE constraint: the number of elements of a SEQUENCE OF or SET OF, of bytes of an
/// OCTET STRING, of characters of a string, of bits of a BIT STRING.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Size {
    pub min: usize,
    pub max: Option<usize>,
}

impl Size {
    pub fn exact(n: usize) -> Size {
        Size {
            min: n,
            max: Some(n),
        }
    }

    fn check(&self, what: &'static str, actual: usize) -> Result<(), Error> {
        let max = self.max.unwrap_or(usize::MAX);
        if (self.min..=max).contains(&actual) {
            Ok(())
        } else {
            Err(Error::Size {
                what,
                actual,
                min: self.min,
                max,
            })
        }
    }
}

/// The X.509 structures a schema may hold whole, as their own DER.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum X509Kind {
    Certificate,
    CertificateRequest,
    RevocationList,
    Name,
}

/// What a field holds.
#[derive(Debug)]
pub enum Kind<H> {
    Boolean,
    Integer,
    OctetString,
    Utf8String,
    PrintableString,
    Ia5String,
    ObjectIdentifier,
    UtcTime,
    GeneralizedTime,
    BitString,
    Null,
    /// Any single element, kept as read.
    Any,
    X509(X509Kind),
    Sequence(Vec<Field<H>>),
    Set(Vec<Field<H>>),
    SequenceOf(Box<Field<H>>),
    SetOf(Box<Field<H>>),
    /// OPTIONAL: the field's tagging and SIZE are its inner field's.
    Optional(Box<Field<H>>),
    /// CHOICE: the first alternative whose tag matches is read.
    Choice(Vec<Field<H>>),
    /// A value restricted to a set of values of the inner field (the host checks which).
    ValueSet(Box<Field<H>>),
}

/// A node of a schema.
#[derive(Debug)]
pub struct Field<H> {
    pub kind: Kind<H>,
    pub tagging: Option<Tagging>,
    pub size: Option<Size>,
    /// The DER of the DEFAULT value, as this field writes it: a field holding it is
    /// omitted when written and refused when read.
    pub default: Option<Vec<u8>>,
    pub host: H,
}

/// What can go wrong reading or writing through a schema, besides the host's own errors.
#[derive(Debug, PartialEq, Eq)]
pub enum Error {
    Parse(ParseError),
    Write(WriteError),
    Size {
        what: &'static str,
        actual: usize,
        min: usize,
        max: usize,
    },
    /// A CHOICE read an element none of its alternatives takes.
    NoMatchingVariant,
    /// A DEFAULT field was present with its default value (DER omits it).
    EncodedDefault,
    /// A value to write is not one its field can hold.
    Mismatch,
}

impl From<ParseError> for Error {
    fn from(err: ParseError) -> Error {
        Error::Parse(err)
    }
}

impl From<WriteError> for Error {
    fn from(err: WriteError) -> Error {
        Error::Write(err)
    }
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::Parse(err) => write!(f, "error parsing asn1 value: {err:?}"),
            Error::Write(WriteError::InvalidSetOrdering) => {
                write!(
                    f,
                    "invalid SET ordering while performing ASN.1 serialization"
                )
            }
            Error::Write(err) => write!(f, "error writing asn1 value: {err}"),
            Error::Size {
                what,
                actual,
                min,
                max,
            } => write!(
                f,
                "{what} has size {actual}, expected size in [{min}, {max}]"
            ),
            Error::NoMatchingVariant => {
                write!(
                    f,
                    "could not find matching variant when parsing CHOICE field"
                )
            }
            Error::EncodedDefault => {
                write!(f, "invalid DER: DEFAULT value was explicitly encoded")
            }
            Error::Mismatch => write!(f, "value cannot be encoded as its declared ASN.1 type"),
        }
    }
}

/// A value with no inner structure, as read or as to be written. Strings and bytes are
/// borrowed from the DER when read; when written, from the host's objects where it can.
#[derive(Debug)]
pub enum Leaf<'a> {
    Boolean(bool),
    /// Two's complement, big-endian, minimal (DER INTEGER contents).
    Integer(Cow<'a, [u8]>),
    OctetString(Cow<'a, [u8]>),
    Utf8String(Cow<'a, str>),
    PrintableString(Cow<'a, str>),
    Ia5String(Cow<'a, str>),
    ObjectIdentifier(asn1::ObjectIdentifier),
    UtcTime(asn1::DateTime),
    /// The time and its fraction of a second in nanoseconds.
    GeneralizedTime(asn1::DateTime, Option<u32>),
    BitString(Cow<'a, [u8]>, u8),
    Null,
    /// A whole element (tag, length, contents).
    Any(Cow<'a, [u8]>),
    /// A whole X.509 structure, with its universal SEQUENCE tag.
    X509(X509Kind, Cow<'a, [u8]>),
}

/// The host's side of reading: turns what was read into its values.
pub trait Build<'a, H> {
    type Value;
    type Error: From<Error>;

    fn leaf(&mut self, field: &Field<H>, leaf: Leaf<'a>) -> Result<Self::Value, Self::Error>;
    /// A SEQUENCE or SET, its members' values in the schema's order.
    fn structure(
        &mut self,
        field: &Field<H>,
        members: Vec<Self::Value>,
    ) -> Result<Self::Value, Self::Error>;
    /// The value of an OPTIONAL or DEFAULT member that was not there.
    fn absent(&mut self, member: &Field<H>) -> Result<Self::Value, Self::Error>;
    /// A SEQUENCE OF or SET OF.
    fn list(
        &mut self,
        field: &Field<H>,
        items: Vec<Self::Value>,
    ) -> Result<Self::Value, Self::Error>;
    /// The value of a CHOICE, read as its alternative `variant`.
    fn chosen(
        &mut self,
        choice: &Field<H>,
        variant: &Field<H>,
        value: Self::Value,
    ) -> Result<Self::Value, Self::Error>;
    /// The member of a value set that `value` (read as its inner field) is.
    fn member(&mut self, set: &Field<H>, value: Self::Value) -> Result<Self::Value, Self::Error>;
}

/// The host's side of writing: takes its values apart.
pub trait Inspect<H> {
    type Value;
    type Error: From<Error> + From<WriteError>;

    fn leaf<'v>(&self, field: &Field<H>, value: &'v Self::Value) -> Result<Leaf<'v>, Self::Error>;
    /// Whether an OPTIONAL field's value is the host's "absent".
    fn is_absent(&self, value: &Self::Value) -> bool;
    /// The value of the member `index` of a SEQUENCE or SET.
    fn member(
        &self,
        structure: &Field<H>,
        index: usize,
        value: &Self::Value,
    ) -> Result<Self::Value, Self::Error>;
    /// The elements of a SEQUENCE OF or SET OF.
    fn items(&self, field: &Field<H>, value: &Self::Value)
        -> Result<Vec<Self::Value>, Self::Error>;
    /// Which alternative of a CHOICE `value` is, and the value to write with it.
    fn choose(
        &self,
        choice: &Field<H>,
        value: &Self::Value,
    ) -> Result<(usize, Self::Value), Self::Error>;
    /// The value of the inner field that a value set's member stands for.
    fn member_value(&self, set: &Field<H>, value: &Self::Value)
        -> Result<Self::Value, Self::Error>;
}

/// The universal tag of an `asn1` crate type.
fn tag_of<'a, T: SimpleAsn1Readable<'a>>() -> Tag {
    T::TAG
}

fn sequence_tag() -> Tag {
    tag_of::<asn1::Sequence<'_>>()
}

fn set_tag() -> Tag {
    tag_of::<asn1::Set<'_>>()
}

impl<H> Field<H> {
    pub fn new(kind: Kind<H>, host: H) -> Field<H> {
        Field {
            kind,
            tagging: None,
            size: None,
            default: None,
            host,
        }
    }

    /// The universal tag of the kind, for the kinds that have one.
    fn universal_tag(&self) -> Option<Tag> {
        Some(match &self.kind {
            Kind::Boolean => tag_of::<bool>(),
            Kind::Integer => tag_of::<asn1::BigInt<'_>>(),
            Kind::OctetString => tag_of::<&[u8]>(),
            Kind::Utf8String => tag_of::<asn1::Utf8String<'_>>(),
            Kind::PrintableString => tag_of::<asn1::PrintableString<'_>>(),
            Kind::Ia5String => tag_of::<asn1::IA5String<'_>>(),
            Kind::ObjectIdentifier => tag_of::<asn1::ObjectIdentifier>(),
            Kind::UtcTime => tag_of::<asn1::UtcTime>(),
            Kind::GeneralizedTime => tag_of::<asn1::GeneralizedTime>(),
            Kind::BitString => tag_of::<asn1::BitString<'_>>(),
            Kind::Null => tag_of::<asn1::Null>(),
            Kind::Sequence(_) | Kind::SequenceOf(_) | Kind::X509(_) => sequence_tag(),
            Kind::Set(_) | Kind::SetOf(_) => set_tag(),
            Kind::Any | Kind::Optional(_) | Kind::Choice(_) | Kind::ValueSet(_) => return None,
        })
    }

    /// Whether an element with `tag` is one this field reads.
    pub fn accepts(&self, tag: Tag) -> bool {
        if let Some(Tagging::Explicit(n)) = self.tagging {
            return tag == asn1::explicit_tag(n);
        }
        match &self.kind {
            Kind::Any => self.tagging.is_none(),
            Kind::Optional(inner) | Kind::ValueSet(inner) => inner.accepts(tag),
            // IMPLICIT is refused for a CHOICE when the schema is declared.
            Kind::Choice(variants) => {
                self.tagging.is_none() && variants.iter().any(|v| v.accepts(tag))
            }
            _ => self.own_tag() == Some(tag),
        }
    }

    /// The tag of the element this field writes, when it is not EXPLICIT and has one.
    fn own_tag(&self) -> Option<Tag> {
        let universal = self.universal_tag()?;
        Some(match self.tagging {
            Some(Tagging::Implicit(n)) => asn1::implicit_tag(n, universal),
            _ => universal,
        })
    }

    fn is_optional(&self) -> bool {
        self.default.is_some() || matches!(self.kind, Kind::Optional(_))
    }
}

fn unexpected(tag: Tag) -> Error {
    Error::Parse(ParseError::new(ParseErrorKind::UnexpectedTag {
        actual: tag,
    }))
}

/// Reads `data`, one element and nothing after it, as `root` describes it.
pub fn decode<'a, H, B: Build<'a, H>>(
    root: &Field<H>,
    data: &'a [u8],
    host: &mut B,
) -> Result<B::Value, B::Error> {
    let tlv = asn1::parse_single::<Tlv<'a>>(data).map_err(Error::from)?;
    decode_element(root, tlv, host)
}

fn decode_element<'a, H, B: Build<'a, H>>(
    field: &Field<H>,
    tlv: Tlv<'a>,
    host: &mut B,
) -> Result<B::Value, B::Error> {
    match &field.kind {
        Kind::Optional(inner) => return decode_element(inner, tlv, host),
        Kind::ValueSet(inner) => {
            let value = decode_element(inner, tlv, host)?;
            return host.member(field, value);
        }
        _ => {}
    }
    // An EXPLICIT tag wraps exactly one element: the one the field reads.
    let tlv = match field.tagging {
        Some(Tagging::Explicit(n)) => {
            if tlv.tag() != asn1::explicit_tag(n) {
                return Err(unexpected(tlv.tag()).into());
            }
            asn1::parse_single::<Tlv<'a>>(tlv.data()).map_err(Error::from)?
        }
        _ => tlv,
    };
    match &field.kind {
        Kind::Choice(variants) => {
            let variant = variants
                .iter()
                .find(|variant| variant.accepts(tlv.tag()))
                .ok_or(Error::NoMatchingVariant)?;
            let value = decode_element(variant, tlv, host)?;
            host.chosen(field, variant, value)
        }
        Kind::Any => host.leaf(field, Leaf::Any(Cow::Borrowed(tlv.full_data()))),
        _ => {
            let expected = match field.tagging {
                Some(Tagging::Implicit(n)) => field
                    .universal_tag()
                    .map(|universal| asn1::implicit_tag(n, universal)),
                _ => field.universal_tag(),
            };
            if expected != Some(tlv.tag()) {
                return Err(unexpected(tlv.tag()).into());
            }
            decode_contents(field, tlv, host)
        }
    }
}

/// Reads the contents of an element whose tag was checked.
fn decode_contents<'a, H, B: Build<'a, H>>(
    field: &Field<H>,
    tlv: Tlv<'a>,
    host: &mut B,
) -> Result<B::Value, B::Error> {
    let data = tlv.data();
    let leaf = match &field.kind {
        Kind::Sequence(members) => return decode_members(field, members, data, host),
        Kind::Set(members) => {
            check_set_order(data)?;
            return decode_members(field, members, data, host);
        }
        Kind::SequenceOf(item) => return decode_items(field, item, data, false, host),
        Kind::SetOf(item) => return decode_items(field, item, data, true, host),
        Kind::Boolean => Leaf::Boolean(parse_data::<bool>(data)?),
        Kind::Integer => Leaf::Integer(Cow::Borrowed(
            parse_data::<asn1::BigInt<'a>>(data)?.as_bytes(),
        )),
        Kind::OctetString => {
            let bytes = parse_data::<&'a [u8]>(data)?;
            check_size(field, "OCTET STRING", bytes.len())?;
            Leaf::OctetString(Cow::Borrowed(bytes))
        }
        Kind::Utf8String => {
            let text = parse_data::<asn1::Utf8String<'a>>(data)?.as_str();
            check_size(field, "UTF8String", text.chars().count())?;
            Leaf::Utf8String(Cow::Borrowed(text))
        }
        Kind::PrintableString => {
            let text = parse_data::<asn1::PrintableString<'a>>(data)?.as_str();
            check_size(field, "PrintableString", text.len())?;
            Leaf::PrintableString(Cow::Borrowed(text))
        }
        Kind::Ia5String => {
            let text = parse_data::<asn1::IA5String<'a>>(data)?.as_str();
            check_size(field, "IA5String", text.len())?;
            Leaf::Ia5String(Cow::Borrowed(text))
        }
        Kind::ObjectIdentifier => {
            Leaf::ObjectIdentifier(parse_data::<asn1::ObjectIdentifier>(data)?)
        }
        Kind::UtcTime => Leaf::UtcTime(parse_data::<asn1::UtcTime>(data)?.as_datetime().clone()),
        Kind::GeneralizedTime => {
            let time = parse_data::<asn1::GeneralizedTime>(data)?;
            Leaf::GeneralizedTime(time.as_datetime().clone(), time.nanoseconds())
        }
        Kind::BitString => {
            let bits = parse_data::<asn1::BitString<'a>>(data)?;
            check_size(
                field,
                "BIT STRING",
                bit_count(bits.as_bytes(), bits.padding_bits()),
            )?;
            Leaf::BitString(Cow::Borrowed(bits.as_bytes()), bits.padding_bits())
        }
        Kind::Null => {
            parse_data::<asn1::Null>(data)?;
            Leaf::Null
        }
        Kind::X509(kind) => {
            // Under an IMPLICIT tag (allowed for names only) the structure is given to
            // the host with its own SEQUENCE tag back.
            let der = if matches!(field.tagging, Some(Tagging::Implicit(_))) {
                Cow::Owned(
                    asn1::write(|w| {
                        w.write_tlv(sequence_tag(), Some(data.len()), |buf| buf.push_slice(data))
                    })
                    .map_err(Error::from)?,
                )
            } else {
                Cow::Borrowed(tlv.full_data())
            };
            Leaf::X509(*kind, der)
        }
        // Read by `decode_element` before it gets here.
        Kind::Any | Kind::Optional(_) | Kind::Choice(_) | Kind::ValueSet(_) => {
            return Err(Error::Mismatch.into())
        }
    };
    host.leaf(field, leaf)
}

fn parse_data<'a, T: SimpleAsn1Readable<'a>>(data: &'a [u8]) -> Result<T, Error> {
    Ok(T::parse_data(data)?)
}

fn check_size(field: &Field<impl Sized>, what: &'static str, actual: usize) -> Result<(), Error> {
    match &field.size {
        Some(size) => size.check(what, actual),
        None => Ok(()),
    }
}

fn bit_count(bytes: &[u8], padding_bits: u8) -> usize {
    (bytes.len() * 8).saturating_sub(usize::from(padding_bits))
}

/// The elements of `data`, one after another, each checked as a whole TLV.
struct Elements<'a> {
    rest: &'a [u8],
}

impl<'a> Elements<'a> {
    fn new(data: &'a [u8]) -> Elements<'a> {
        Elements { rest: data }
    }

    fn peek(&self) -> Result<Option<Tlv<'a>>, Error> {
        if self.rest.is_empty() {
            return Ok(None);
        }
        Ok(Some(asn1::strip_tlv(self.rest)?.0))
    }

    fn next(&mut self) -> Result<Option<Tlv<'a>>, Error> {
        if self.rest.is_empty() {
            return Ok(None);
        }
        let (tlv, rest) = asn1::strip_tlv(self.rest)?;
        self.rest = rest;
        Ok(Some(tlv))
    }

    /// The next element, which must be there.
    fn required(&mut self) -> Result<Tlv<'a>, Error> {
        self.next()?
            .ok_or_else(|| ParseError::new(ParseErrorKind::ShortData { needed: 1 }).into())
    }

    fn finish(&self) -> Result<(), Error> {
        if self.rest.is_empty() {
            Ok(())
        } else {
            Err(ParseError::new(ParseErrorKind::ExtraData).into())
        }
    }
}

/// DER orders the elements of a SET and a SET OF by their encodings (X.690 11.6).
fn check_set_order(data: &[u8]) -> Result<(), Error> {
    let mut elements = Elements::new(data);
    let mut previous: Option<&[u8]> = None;
    let mut index = 0;
    while let Some(element) = elements.next()? {
        if previous.is_some_and(|previous| element.full_data() < previous) {
            return Err(ParseError::new(ParseErrorKind::InvalidSetOrdering)
                .add_location(asn1::ParseLocation::Index(index))
                .into());
        }
        previous = Some(element.full_data());
        index += 1;
    }
    Ok(())
}

fn decode_members<'a, H, B: Build<'a, H>>(
    field: &Field<H>,
    members: &[Field<H>],
    data: &'a [u8],
    host: &mut B,
) -> Result<B::Value, B::Error> {
    let mut elements = Elements::new(data);
    let mut values = Vec::with_capacity(members.len());
    for member in members {
        if member.is_optional() {
            let present = elements
                .peek()?
                .is_some_and(|next| member.accepts(next.tag()));
            if !present {
                values.push(host.absent(member)?);
                continue;
            }
        }
        let tlv = elements.required()?;
        if member.default.as_deref() == Some(tlv.full_data()) {
            return Err(Error::EncodedDefault.into());
        }
        values.push(decode_element(member, tlv, host)?);
    }
    elements.finish()?;
    host.structure(field, values)
}

fn decode_items<'a, H, B: Build<'a, H>>(
    field: &Field<H>,
    item: &Field<H>,
    data: &'a [u8],
    is_set: bool,
    host: &mut B,
) -> Result<B::Value, B::Error> {
    if is_set {
        check_set_order(data)?;
    }
    let mut elements = Elements::new(data);
    let mut items = Vec::new();
    while let Some(tlv) = elements.next()? {
        items.push(decode_element(item, tlv, host)?);
    }
    check_size(
        field,
        if is_set { "SET OF" } else { "SEQUENCE OF" },
        items.len(),
    )?;
    host.list(field, items)
}

/// Writes `value` as `root` describes it.
pub fn encode<H, I: Inspect<H>>(
    root: &Field<H>,
    value: &I::Value,
    host: &I,
) -> Result<Vec<u8>, I::Error> {
    asn1::write(|w| encode_element(root, value, host, w))
}

fn encode_element<H, I: Inspect<H>>(
    field: &Field<H>,
    value: &I::Value,
    host: &I,
    w: &mut Writer<'_>,
) -> Result<(), I::Error> {
    match &field.kind {
        Kind::Optional(inner) => {
            if host.is_absent(value) {
                return Ok(());
            }
            return encode_element(inner, value, host, w);
        }
        Kind::ValueSet(inner) => {
            let value = host.member_value(field, value)?;
            return encode_element(inner, &value, host, w);
        }
        _ => {}
    }
    match field.tagging {
        Some(Tagging::Explicit(n)) => w.write_tlv(asn1::explicit_tag(n), None, |buf| {
            encode_untagged(field, value, host, &mut Writer::new(buf))
        }),
        _ => encode_untagged(field, value, host, w),
    }
}

/// Writes the element of `field` inside any EXPLICIT tag it has.
fn encode_untagged<H, I: Inspect<H>>(
    field: &Field<H>,
    value: &I::Value,
    host: &I,
    w: &mut Writer<'_>,
) -> Result<(), I::Error> {
    let tag = match &field.kind {
        Kind::Choice(variants) => {
            let (index, chosen) = host.choose(field, value)?;
            let variant = variants.get(index).ok_or(Error::NoMatchingVariant)?;
            return encode_element(variant, &chosen, host, w);
        }
        _ => field.own_tag(),
    };
    let structure_tag = || tag.ok_or(Error::Mismatch);
    match &field.kind {
        Kind::Sequence(members) => w.write_tlv(structure_tag()?, None, |buf| {
            let mut w = Writer::new(buf);
            for (index, member) in members.iter().enumerate() {
                let member_value = host.member(field, index, value)?;
                encode_member(member, &member_value, host, &mut w)?;
            }
            Ok(())
        }),
        Kind::Set(members) => {
            let mut encoded = Vec::with_capacity(members.len());
            for (index, member) in members.iter().enumerate() {
                let member_value = host.member(field, index, value)?;
                let der = asn1::write(|w| encode_member(member, &member_value, host, w))?;
                if !der.is_empty() {
                    encoded.push(der);
                }
            }
            // Written in the schema's order, which must be DER's.
            if encoded.windows(2).any(|pair| pair[1] < pair[0]) {
                return Err(Error::Write(WriteError::InvalidSetOrdering).into());
            }
            write_concatenated(w, structure_tag()?, &encoded)
        }
        Kind::SequenceOf(item) => {
            let items = host.items(field, value)?;
            check_size(field, "SEQUENCE OF", items.len())?;
            w.write_tlv(structure_tag()?, None, |buf| {
                let mut w = Writer::new(buf);
                for item_value in &items {
                    encode_element(item, item_value, host, &mut w)?;
                }
                Ok(())
            })
        }
        Kind::SetOf(item) => {
            let items = host.items(field, value)?;
            check_size(field, "SET OF", items.len())?;
            let mut encoded = items
                .iter()
                .map(|item_value| asn1::write(|w| encode_element(item, item_value, host, w)))
                .collect::<Result<Vec<_>, _>>()?;
            encoded.sort();
            write_concatenated(w, structure_tag()?, &encoded)
        }
        _ => {
            let leaf = host.leaf(field, value)?;
            encode_leaf(field, tag, leaf, w)
        }
    }
}

/// Writes a member of a SEQUENCE or SET: nothing when it holds its DEFAULT.
fn encode_member<H, I: Inspect<H>>(
    member: &Field<H>,
    value: &I::Value,
    host: &I,
    w: &mut Writer<'_>,
) -> Result<(), I::Error> {
    match &member.default {
        None => encode_element(member, value, host, w),
        Some(default) => {
            let der = asn1::write(|w| encode_element(member, value, host, w))?;
            if der == *default {
                Ok(())
            } else {
                write_raw(w, &der, None)
            }
        }
    }
}

fn write_concatenated<E: From<WriteError>>(
    w: &mut Writer<'_>,
    tag: Tag,
    elements: &[Vec<u8>],
) -> Result<(), E> {
    let length = elements.iter().map(Vec::len).sum();
    w.write_tlv(tag, Some(length), |buf| {
        for element in elements {
            buf.push_slice(element)?;
        }
        Ok(())
    })
}

/// Writes a whole element as it is, or its contents under `tag` when given.
fn write_raw<E: From<WriteError> + From<Error>>(
    w: &mut Writer<'_>,
    der: &[u8],
    tag: Option<Tag>,
) -> Result<(), E> {
    let tlv = asn1::parse_single::<Tlv<'_>>(der).map_err(Error::from)?;
    match tag {
        None => w.write_element(&tlv).map_err(E::from),
        Some(tag) => w.write_tlv(tag, Some(tlv.data().len()), |buf| {
            buf.push_slice(tlv.data()).map_err(E::from)
        }),
    }
}

/// Writes a leaf under the field's tag (`None` for a field of any element, which the
/// leaf carries whole).
fn encode_leaf<E: From<WriteError> + From<Error>>(
    field: &Field<impl Sized>,
    tag: Option<Tag>,
    leaf: Leaf<'_>,
    w: &mut Writer<'_>,
) -> Result<(), E> {
    fn contents<T: SimpleAsn1Writable<Error = WriteError>, E: From<WriteError> + From<Error>>(
        w: &mut Writer<'_>,
        tag: Option<Tag>,
        value: &T,
    ) -> Result<(), E> {
        let tag = tag.ok_or(Error::Mismatch)?;
        w.write_tlv(tag, value.data_length(), |buf: &mut WriteBuf| {
            value.write_data(buf).map_err(E::from)
        })
    }
    let invalid = || Error::Mismatch;
    match leaf {
        Leaf::Boolean(value) => contents(w, tag, &value),
        Leaf::Integer(bytes) => contents(w, tag, &asn1::BigInt::new(&bytes).ok_or_else(invalid)?),
        Leaf::OctetString(bytes) => {
            check_size(field, "OCTET STRING", bytes.len())?;
            contents(w, tag, &&*bytes)
        }
        Leaf::Utf8String(text) => {
            check_size(field, "UTF8String", text.chars().count())?;
            contents(w, tag, &asn1::Utf8String::new(&text))
        }
        Leaf::PrintableString(text) => {
            check_size(field, "PrintableString", text.len())?;
            contents(
                w,
                tag,
                &asn1::PrintableString::new(&text).ok_or_else(invalid)?,
            )
        }
        Leaf::Ia5String(text) => {
            check_size(field, "IA5String", text.len())?;
            contents(w, tag, &asn1::IA5String::new(&text).ok_or_else(invalid)?)
        }
        Leaf::ObjectIdentifier(oid) => contents(w, tag, &oid),
        Leaf::UtcTime(time) => contents(w, tag, &asn1::UtcTime::new(time).map_err(Error::from)?),
        Leaf::GeneralizedTime(time, nanoseconds) => contents(
            w,
            tag,
            &asn1::GeneralizedTime::new(time, nanoseconds).map_err(Error::from)?,
        ),
        Leaf::BitString(bytes, padding_bits) => {
            check_size(field, "BIT STRING", bit_count(&bytes, padding_bits))?;
            contents(
                w,
                tag,
                &asn1::BitString::new(&bytes, padding_bits).ok_or_else(invalid)?,
            )
        }
        Leaf::Null => contents(w, tag, &()),
        Leaf::Any(der) | Leaf::X509(_, der) => {
            let retag = matches!(field.tagging, Some(Tagging::Implicit(_)));
            write_raw(w, &der, if retag { tag } else { None })
        }
    }
}
