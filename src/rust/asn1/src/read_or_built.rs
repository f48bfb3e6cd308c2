//! One declaration for a structure that is both parsed and built.
//!
//! A parsed Name is a lazy view over DER (`SequenceOf`); a Name a builder assembles is a
//! list of values (`SequenceOfWriter`). Declaring the field as `ReadOrBuilt` of the two
//! lets the certificate, CSR and CRL structures serve both the loaders and the builders.

use std::fmt;

use asn1::{
    ParseResult, SimpleAsn1Readable, SimpleAsn1Writable, Tag, WriteBuf, WriteError, WriteResult,
};

/// Either a value read from DER or one built to be written; both have the same tag.
///
/// A read value keeps its content octets and is written by copying them: strict DER
/// has one encoding per value, so they are what writing it element by element would
/// give, for a fraction of the cost (a certificate's TBS bytes and a Name's DER are
/// written this way).
#[derive(Clone, PartialEq, Eq, Hash)]
pub enum ReadOrBuilt<'a, R, W> {
    Read(R, &'a [u8]),
    Built(W),
}

/// Only which of the two it is: the `asn1` crate's lazy sequences have no `Debug`, and
/// the DER says more than a listing would.
impl<R, W> fmt::Debug for ReadOrBuilt<'_, R, W> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadOrBuilt::Read(..) => f.write_str("ReadOrBuilt::Read(..)"),
            ReadOrBuilt::Built(_) => f.write_str("ReadOrBuilt::Built(..)"),
        }
    }
}

impl<R, W> ReadOrBuilt<'_, R, W> {
    /// The parsed value; None for a built one (which only a builder holds).
    pub fn read(&self) -> Option<&R> {
        match self {
            ReadOrBuilt::Read(value, _) => Some(value),
            ReadOrBuilt::Built(_) => None,
        }
    }
}

impl<'a, R: SimpleAsn1Readable<'a>, W> SimpleAsn1Readable<'a> for ReadOrBuilt<'a, R, W> {
    const TAG: Tag = R::TAG;

    fn parse_data(data: &'a [u8]) -> ParseResult<Self> {
        Ok(ReadOrBuilt::Read(R::parse_data(data)?, data))
    }
}

impl<R, W> SimpleAsn1Writable for ReadOrBuilt<'_, R, W>
where
    R: SimpleAsn1Writable<Error = WriteError>,
    W: SimpleAsn1Writable<Error = WriteError>,
{
    type Error = WriteError;
    const TAG: Tag = R::TAG;

    fn write_data(&self, dest: &mut WriteBuf) -> WriteResult {
        match self {
            ReadOrBuilt::Read(_, der) => dest.push_slice(der),
            ReadOrBuilt::Built(value) => value.write_data(dest),
        }
    }

    fn data_length(&self) -> Option<usize> {
        match self {
            ReadOrBuilt::Read(_, der) => Some(der.len()),
            ReadOrBuilt::Built(value) => value.data_length(),
        }
    }
}
