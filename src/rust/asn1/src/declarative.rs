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
#[derive(Clone, Debug, PartialEq, Eq)]
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

impl Leaf<'_> {
    /// The same leaf, owning its bytes.
    pub fn into_owned(self) -> Leaf<'static> {
        match self {
            Leaf::Boolean(value) => Leaf::Boolean(value),
            Leaf::Integer(bytes) => Leaf::Integer(Cow::Owned(bytes.into_owned())),
            Leaf::OctetString(bytes) => Leaf::OctetString(Cow::Owned(bytes.into_owned())),
            Leaf::Utf8String(text) => Leaf::Utf8String(Cow::Owned(text.into_owned())),
            Leaf::PrintableString(text) => Leaf::PrintableString(Cow::Owned(text.into_owned())),
            Leaf::Ia5String(text) => Leaf::Ia5String(Cow::Owned(text.into_owned())),
            Leaf::ObjectIdentifier(oid) => Leaf::ObjectIdentifier(oid),
            Leaf::UtcTime(time) => Leaf::UtcTime(time),
            Leaf::GeneralizedTime(time, nanoseconds) => Leaf::GeneralizedTime(time, nanoseconds),
            Leaf::BitString(bytes, padding) => {
                Leaf::BitString(Cow::Owned(bytes.into_owned()), padding)
            }
            Leaf::Null => Leaf::Null,
            Leaf::Any(der) => Leaf::Any(Cow::Owned(der.into_owned())),
            Leaf::X509(kind, der) => Leaf::X509(kind, Cow::Owned(der.into_owned())),
        }
    }

    /// The same leaf, borrowing from this one.
    pub fn borrowed(&self) -> Leaf<'_> {
        fn bytes(bytes: &[u8]) -> Cow<'_, [u8]> {
            Cow::Borrowed(bytes)
        }
        fn text(text: &str) -> Cow<'_, str> {
            Cow::Borrowed(text)
        }
        match self {
            Leaf::Boolean(value) => Leaf::Boolean(*value),
            Leaf::Integer(value) => Leaf::Integer(bytes(value)),
            Leaf::OctetString(value) => Leaf::OctetString(bytes(value)),
            Leaf::Utf8String(value) => Leaf::Utf8String(text(value)),
            Leaf::PrintableString(value) => Leaf::PrintableString(text(value)),
            Leaf::Ia5String(value) => Leaf::Ia5String(text(value)),
            Leaf::ObjectIdentifier(oid) => Leaf::ObjectIdentifier(oid.clone()),
            Leaf::UtcTime(time) => Leaf::UtcTime(time.clone()),
            Leaf::GeneralizedTime(time, nanoseconds) => {
                Leaf::GeneralizedTime(time.clone(), *nanoseconds)
            }
            Leaf::BitString(value, padding) => Leaf::BitString(bytes(value), *padding),
            Leaf::Null => Leaf::Null,
            Leaf::Any(der) => Leaf::Any(bytes(der)),
            Leaf::X509(kind, der) => Leaf::X509(*kind, bytes(der)),
        }
    }
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

/// A host of plain Rust values, for schemas used from Rust (tests, fuzzing): every
/// value read is kept as a [`tree::Value`], which writes back as it was read.
pub mod tree {
    use super::{decode, Build, Error, Field, Inspect, Kind, Leaf};

    #[derive(Clone, Debug, PartialEq, Eq)]
    pub enum Value {
        Leaf(Leaf<'static>),
        /// A SEQUENCE or SET, its members in the schema's order.
        Structure(Vec<Value>),
        /// A SEQUENCE OF or SET OF.
        List(Vec<Value>),
        /// An OPTIONAL member that was not there.
        Absent,
        /// A CHOICE: the alternative's index and its value.
        Chosen(usize, Box<Value>),
    }

    /// Reads and writes [`Value`]s. A DEFAULT member that was not there reads as its
    /// default value.
    pub struct Tree;

    impl<'a, H> Build<'a, H> for Tree {
        type Value = Value;
        type Error = Error;

        fn leaf(&mut self, _: &Field<H>, leaf: Leaf<'a>) -> Result<Value, Error> {
            Ok(Value::Leaf(leaf.into_owned()))
        }

        fn structure(&mut self, _: &Field<H>, members: Vec<Value>) -> Result<Value, Error> {
            Ok(Value::Structure(members))
        }

        fn absent(&mut self, member: &Field<H>) -> Result<Value, Error> {
            match &member.default {
                Some(default) => decode(member, default, self),
                None => Ok(Value::Absent),
            }
        }

        fn list(&mut self, _: &Field<H>, items: Vec<Value>) -> Result<Value, Error> {
            Ok(Value::List(items))
        }

        fn chosen(
            &mut self,
            choice: &Field<H>,
            variant: &Field<H>,
            value: Value,
        ) -> Result<Value, Error> {
            let Kind::Choice(variants) = &choice.kind else {
                return Err(Error::Mismatch);
            };
            let index = variants
                .iter()
                .position(|candidate| std::ptr::eq(candidate, variant))
                .ok_or(Error::Mismatch)?;
            Ok(Value::Chosen(index, Box::new(value)))
        }

        fn member(&mut self, _: &Field<H>, value: Value) -> Result<Value, Error> {
            Ok(value)
        }
    }

    impl<H> Inspect<H> for Tree {
        type Value = Value;
        type Error = Error;

        fn leaf<'v>(&self, _: &Field<H>, value: &'v Value) -> Result<Leaf<'v>, Error> {
            match value {
                Value::Leaf(leaf) => Ok(leaf.borrowed()),
                _ => Err(Error::Mismatch),
            }
        }

        fn is_absent(&self, value: &Value) -> bool {
            matches!(value, Value::Absent)
        }

        fn member(&self, _: &Field<H>, index: usize, value: &Value) -> Result<Value, Error> {
            match value {
                Value::Structure(members) => members.get(index).cloned().ok_or(Error::Mismatch),
                _ => Err(Error::Mismatch),
            }
        }

        fn items(&self, _: &Field<H>, value: &Value) -> Result<Vec<Value>, Error> {
            match value {
                Value::List(items) => Ok(items.clone()),
                _ => Err(Error::Mismatch),
            }
        }

        fn choose(&self, _: &Field<H>, value: &Value) -> Result<(usize, Value), Error> {
            match value {
                Value::Chosen(index, value) => Ok((*index, (**value).clone())),
                _ => Err(Error::Mismatch),
            }
        }

        fn member_value(&self, _: &Field<H>, value: &Value) -> Result<Value, Error> {
            Ok(value.clone())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::tree::{Tree, Value};
    use super::*;

    type F = Field<()>;

    fn field(kind: Kind<()>) -> F {
        Field::new(kind, ())
    }

    fn tagged(kind: Kind<()>, tagging: Tagging) -> F {
        let mut f = field(kind);
        f.tagging = Some(tagging);
        f
    }

    fn sized(kind: Kind<()>, min: usize, max: Option<usize>) -> F {
        let mut f = field(kind);
        f.size = Some(Size { min, max });
        f
    }

    fn with_default(mut f: F, value: Value) -> F {
        f.default = Some(encode(&f, &value, &Tree).unwrap());
        f
    }

    fn leaf(leaf: Leaf<'static>) -> Value {
        Value::Leaf(leaf)
    }

    fn int(bytes: &[u8]) -> Value {
        leaf(Leaf::Integer(Cow::Owned(bytes.to_vec())))
    }

    fn read(schema: &F, der: &[u8]) -> Result<Value, Error> {
        decode(schema, der, &mut Tree)
    }

    fn write(schema: &F, value: &Value) -> Result<Vec<u8>, Error> {
        encode(schema, value, &Tree)
    }

    /// `der` reads as `value`, which writes back as `der`.
    fn round_trip(schema: &F, value: Value, der: &[u8]) {
        assert_eq!(read(schema, der).unwrap(), value);
        assert_eq!(write(schema, &value).unwrap(), der);
    }

    fn parse_error(kind: ParseErrorKind) -> impl Fn(Result<Value, Error>) -> bool {
        move |result| matches!(result, Err(Error::Parse(err)) if err.kind() == kind)
    }

    #[test]
    fn x690_sequence_example() {
        // X.690 8.9.3: SEQUENCE {name IA5String, ok BOOLEAN}, {name "Smith", ok TRUE}.
        let schema = field(Kind::Sequence(vec![
            field(Kind::Ia5String),
            field(Kind::Boolean),
        ]));
        round_trip(
            &schema,
            Value::Structure(vec![
                leaf(Leaf::Ia5String(Cow::Borrowed("Smith"))),
                leaf(Leaf::Boolean(true)),
            ]),
            b"\x30\x0a\x16\x05Smith\x01\x01\xff",
        );
    }

    #[test]
    fn x690_bit_string_example() {
        // X.690 8.6.4.2: '0A3B5F291CD'H, primitive.
        round_trip(
            &field(Kind::BitString),
            leaf(Leaf::BitString(
                Cow::Borrowed(b"\x0a\x3b\x5f\x29\x1c\xd0"),
                4,
            )),
            b"\x03\x07\x04\x0a\x3b\x5f\x29\x1c\xd0",
        );
    }

    #[test]
    fn x690_object_identifier_example() {
        // X.690 8.19.5: {2 999 3}.
        round_trip(
            &field(Kind::ObjectIdentifier),
            leaf(Leaf::ObjectIdentifier(
                asn1::ObjectIdentifier::from_string("2.999.3").unwrap(),
            )),
            b"\x06\x03\x88\x37\x03",
        );
    }

    #[test]
    fn x690_generalized_time_example() {
        // X.690 11.7: "19920722132100.3Z", a tenth of a second kept as written.
        let time = asn1::DateTime::new(1992, 7, 22, 13, 21, 0).unwrap();
        round_trip(
            &field(Kind::GeneralizedTime),
            leaf(Leaf::GeneralizedTime(time, Some(300_000_000))),
            b"\x18\x1119920722132100.3Z",
        );
    }

    #[test]
    fn tagging() {
        let implicit = tagged(Kind::Integer, Tagging::Implicit(1));
        round_trip(&implicit, int(b"\x05"), b"\x81\x01\x05");
        assert!(implicit.accepts(asn1::implicit_tag(1, tag_of::<asn1::BigInt<'_>>())));
        assert!(!implicit.accepts(tag_of::<asn1::BigInt<'_>>()));

        let explicit = tagged(Kind::Integer, Tagging::Explicit(2));
        round_trip(&explicit, int(b"\x05"), b"\xa2\x03\x02\x01\x05");
        // The wrapped element must be the field's own.
        assert!(parse_error(ParseErrorKind::UnexpectedTag {
            actual: tag_of::<bool>()
        })(read(&explicit, b"\xa2\x03\x01\x01\xff")));
        // Exactly one element inside the EXPLICIT tag.
        assert!(parse_error(ParseErrorKind::ExtraData)(read(
            &explicit,
            b"\xa2\x06\x02\x01\x05\x02\x01\x05"
        )));

        // An IMPLICIT SEQUENCE keeps its constructed bit.
        let sequence = tagged(
            Kind::Sequence(vec![field(Kind::Boolean)]),
            Tagging::Implicit(0),
        );
        round_trip(
            &sequence,
            Value::Structure(vec![leaf(Leaf::Boolean(false))]),
            b"\xa0\x03\x01\x01\x00",
        );
    }

    #[test]
    fn optional_members_are_found_by_tag() {
        let schema = field(Kind::Sequence(vec![
            field(Kind::Optional(Box::new(field(Kind::Boolean)))),
            field(Kind::Integer),
            field(Kind::Optional(Box::new(tagged(
                Kind::Integer,
                Tagging::Implicit(0),
            )))),
        ]));
        round_trip(
            &schema,
            Value::Structure(vec![Value::Absent, int(b"\x01"), Value::Absent]),
            b"\x30\x03\x02\x01\x01",
        );
        round_trip(
            &schema,
            Value::Structure(vec![leaf(Leaf::Boolean(true)), int(b"\x01"), int(b"\x02")]),
            b"\x30\x09\x01\x01\xff\x02\x01\x01\x80\x01\x02",
        );
        // An element no member takes is left over.
        assert!(parse_error(ParseErrorKind::ExtraData)(read(
            &schema,
            b"\x30\x06\x02\x01\x01\x81\x01\x02"
        )));
        // A required member that is missing.
        assert!(parse_error(ParseErrorKind::ShortData { needed: 1 })(read(
            &schema,
            b"\x30\x03\x01\x01\xff"
        )));
    }

    #[test]
    fn default_members_are_omitted() {
        let schema = field(Kind::Sequence(vec![
            with_default(field(Kind::Boolean), leaf(Leaf::Boolean(false))),
            field(Kind::Integer),
        ]));
        // Absent: read as the default, and written as nothing.
        round_trip(
            &schema,
            Value::Structure(vec![leaf(Leaf::Boolean(false)), int(b"\x07")]),
            b"\x30\x03\x02\x01\x07",
        );
        round_trip(
            &schema,
            Value::Structure(vec![leaf(Leaf::Boolean(true)), int(b"\x07")]),
            b"\x30\x06\x01\x01\xff\x02\x01\x07",
        );
        assert_eq!(
            read(&schema, b"\x30\x06\x01\x01\x00\x02\x01\x07"),
            Err(Error::EncodedDefault)
        );
        assert_eq!(
            Error::EncodedDefault.to_string(),
            "invalid DER: DEFAULT value was explicitly encoded"
        );
    }

    #[test]
    fn choice() {
        let schema = field(Kind::Choice(vec![
            field(Kind::Integer),
            tagged(Kind::Integer, Tagging::Implicit(0)),
            field(Kind::Utf8String),
        ]));
        round_trip(
            &schema,
            Value::Chosen(1, Box::new(int(b"\x09"))),
            b"\x80\x01\x09",
        );
        round_trip(
            &schema,
            Value::Chosen(2, Box::new(leaf(Leaf::Utf8String(Cow::Borrowed("a"))))),
            b"\x0c\x01a",
        );
        assert_eq!(
            read(&schema, b"\x01\x01\xff"),
            Err(Error::NoMatchingVariant)
        );
        let explicit = tagged(
            Kind::Choice(vec![field(Kind::Integer), field(Kind::Boolean)]),
            Tagging::Explicit(3),
        );
        round_trip(
            &explicit,
            Value::Chosen(1, Box::new(leaf(Leaf::Boolean(true)))),
            b"\xa3\x03\x01\x01\xff",
        );
        assert!(explicit.accepts(asn1::explicit_tag(3)));
        assert!(!explicit.accepts(tag_of::<bool>()));
    }

    #[test]
    fn sets_are_in_der_order() {
        let set = field(Kind::Set(vec![field(Kind::Integer), field(Kind::Integer)]));
        round_trip(
            &set,
            Value::Structure(vec![int(b"\x01"), int(b"\x02")]),
            b"\x31\x06\x02\x01\x01\x02\x01\x02",
        );
        assert!(parse_error(ParseErrorKind::InvalidSetOrdering)(read(
            &set,
            b"\x31\x06\x02\x01\x02\x02\x01\x01"
        )));
        assert_eq!(
            write(&set, &Value::Structure(vec![int(b"\x02"), int(b"\x01")])),
            Err(Error::Write(WriteError::InvalidSetOrdering))
        );

        // SET OF: sorted when written, refused unsorted when read.
        let set_of = field(Kind::SetOf(Box::new(field(Kind::Integer))));
        assert_eq!(
            write(
                &set_of,
                &Value::List(vec![int(b"\x03"), int(b"\x01"), int(b"\x02")])
            ),
            Ok(b"\x31\x09\x02\x01\x01\x02\x01\x02\x02\x01\x03".to_vec())
        );
        assert!(parse_error(ParseErrorKind::InvalidSetOrdering)(read(
            &set_of,
            b"\x31\x06\x02\x01\x03\x02\x01\x01"
        )));
    }

    #[test]
    fn size_constraints() {
        let list = sized(Kind::SequenceOf(Box::new(field(Kind::Integer))), 1, Some(2));
        let three = b"\x30\x09\x02\x01\x01\x02\x01\x02\x02\x01\x03";
        let too_many = || Error::Size {
            what: "SEQUENCE OF",
            actual: 3,
            min: 1,
            max: 2,
        };
        assert_eq!(read(&list, three), Err(too_many()));
        assert_eq!(
            write(
                &list,
                &Value::List(vec![int(b"\x01"), int(b"\x02"), int(b"\x03")])
            ),
            Err(too_many())
        );
        assert_eq!(
            too_many().to_string(),
            "SEQUENCE OF has size 3, expected size in [1, 2]"
        );

        // Characters, not bytes, for a UTF8String; bits for a BIT STRING.
        let text = sized(Kind::Utf8String, 2, Some(2));
        round_trip(
            &text,
            leaf(Leaf::Utf8String(Cow::Borrowed("é€"))),
            b"\x0c\x05\xc3\xa9\xe2\x82\xac",
        );
        let bits = sized(Kind::BitString, 0, Some(3));
        assert_eq!(
            read(&bits, b"\x03\x02\x04\xf0"),
            Err(Error::Size {
                what: "BIT STRING",
                actual: 4,
                min: 0,
                max: 3
            })
        );
        let unbounded = sized(Kind::OctetString, 2, None);
        assert_eq!(
            read(&unbounded, b"\x04\x01\x00").unwrap_err().to_string(),
            format!(
                "OCTET STRING has size 1, expected size in [2, {}]",
                usize::MAX
            )
        );
    }

    #[test]
    fn strict_der() {
        let integer = field(Kind::Integer);
        // Trailing data, a non-minimal INTEGER, an indefinite length.
        assert!(parse_error(ParseErrorKind::ExtraData)(read(
            &integer,
            b"\x02\x01\x01\x00"
        )));
        assert!(parse_error(ParseErrorKind::InvalidValue)(read(
            &integer,
            b"\x02\x02\x00\x01"
        )));
        assert!(parse_error(ParseErrorKind::InvalidLength)(read(
            &field(Kind::SequenceOf(Box::new(integer))),
            b"\x30\x80\x02\x01\x01\x00\x00"
        )));
        // BOOLEAN is 0x00 or 0xff; NULL is empty; padding bits are zero.
        assert!(parse_error(ParseErrorKind::InvalidValue)(read(
            &field(Kind::Boolean),
            b"\x01\x01\x01"
        )));
        assert!(read(&field(Kind::Null), b"\x05\x01\x00").is_err());
        assert!(parse_error(ParseErrorKind::InvalidValue)(read(
            &field(Kind::BitString),
            b"\x03\x02\x07\x01"
        )));
        // Character sets.
        assert!(read(&field(Kind::PrintableString), b"\x13\x01*").is_err());
        assert!(read(&field(Kind::Ia5String), b"\x16\x01\x80").is_err());
        assert!(read(&field(Kind::Utf8String), b"\x0c\x01\xff").is_err());
        // The wrong universal tag.
        assert!(parse_error(ParseErrorKind::UnexpectedTag {
            actual: tag_of::<asn1::Utf8String<'_>>()
        })(read(&field(Kind::OctetString), b"\x0c\x00")));
    }

    #[test]
    fn any_element_and_x509_structures_are_kept_whole() {
        let any = field(Kind::Any);
        round_trip(
            &any,
            leaf(Leaf::Any(Cow::Borrowed(b"\x05\x00"))),
            b"\x05\x00",
        );
        let explicit = tagged(Kind::Any, Tagging::Explicit(0));
        round_trip(
            &explicit,
            leaf(Leaf::Any(Cow::Borrowed(b"\x02\x01\x08"))),
            b"\xa0\x03\x02\x01\x08",
        );
        // A name under an IMPLICIT tag reaches the host with its SEQUENCE tag back.
        let name = tagged(Kind::X509(X509Kind::Name), Tagging::Implicit(0));
        round_trip(
            &name,
            leaf(Leaf::X509(X509Kind::Name, Cow::Borrowed(b"\x30\x00"))),
            b"\xa0\x00",
        );
    }

    #[test]
    fn nested_schema_round_trips() {
        // SEQUENCE { version [0] EXPLICIT INTEGER DEFAULT 0, items SET OF SEQUENCE {
        //   id OBJECT IDENTIFIER, when CHOICE { UTCTime, GeneralizedTime } } }
        let item = field(Kind::Sequence(vec![
            field(Kind::ObjectIdentifier),
            field(Kind::Choice(vec![
                field(Kind::UtcTime),
                field(Kind::GeneralizedTime),
            ])),
        ]));
        let schema = field(Kind::Sequence(vec![
            with_default(tagged(Kind::Integer, Tagging::Explicit(0)), int(b"\x00")),
            field(Kind::SetOf(Box::new(item))),
        ]));
        let time = asn1::DateTime::new(2049, 12, 31, 23, 59, 59).unwrap();
        let oid = asn1::ObjectIdentifier::from_string("1.2.3").unwrap();
        let value = Value::Structure(vec![
            int(b"\x02"),
            Value::List(vec![Value::Structure(vec![
                leaf(Leaf::ObjectIdentifier(oid)),
                Value::Chosen(0, Box::new(leaf(Leaf::UtcTime(time)))),
            ])]),
        ]);
        let der =
            b"\x30\x1c\xa0\x03\x02\x01\x02\x31\x15\x30\x13\x06\x02\x2a\x03\x17\x0d491231235959Z";
        assert_eq!(write(&schema, &value).unwrap(), der);
        assert_eq!(read(&schema, der).unwrap(), value);
        // The version at its default is left out.
        let mut at_default = value.clone();
        if let Value::Structure(members) = &mut at_default {
            members[0] = int(b"\x00");
        }
        assert_eq!(
            write(&schema, &at_default).unwrap()[..4],
            *b"\x30\x17\x31\x15"
        );
    }
}
