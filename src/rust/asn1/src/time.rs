//! Reading X.509's times faster than field by field. RFC 5280 allows one form of each:
//! UTCTime "YYMMDDHHMMSSZ" and GeneralizedTime "YYYYMMDDHHMMSSZ". When the content has
//! exactly that shape, its digits are read in one pass and the date and time checked by
//! `asn1::DateTime::new`, as the `asn1` crate's readers check them; anything else goes to
//! those readers, so the result and every error are theirs.

use asn1::{ParseError, ParseErrorKind, ParseLocation, ParseResult, SimpleAsn1Readable, Tag};

use crate::certificate::Time;

const UTC_TIME: Tag = <asn1::UtcTime as SimpleAsn1Readable<'static>>::TAG;
const GENERALIZED_TIME: Tag = <asn1::X509GeneralizedTime as SimpleAsn1Readable<'static>>::TAG;

pub(crate) fn is_time_tag(tag: Tag) -> bool {
    tag == UTC_TIME || tag == GENERALIZED_TIME
}

/// The N digits of a fixed-width time followed by 'Z', as numbers; None for any other
/// content.
fn digits<const N: usize>(data: &[u8]) -> Option<[u8; N]> {
    let (body, zone) = data.split_at_checked(N)?;
    if zone != b"Z" {
        return None;
    }
    let mut out = [0u8; N];
    for (digit, &byte) in out.iter_mut().zip(body) {
        *digit = byte.wrapping_sub(b'0');
        if *digit > 9 {
            return None;
        }
    }
    Some(out)
}

fn pair(digits: &[u8], at: usize) -> u8 {
    digits[at] * 10 + digits[at + 1]
}

fn utc_time(data: &[u8]) -> ParseResult<asn1::UtcTime> {
    let Some(d) = digits::<12>(data) else {
        return asn1::UtcTime::parse_data(data);
    };
    // RFC 5280 section 4.1.2.5.1: two-digit years 50-99 are 19xx, 00-49 are 20xx.
    let yy = u16::from(pair(&d, 0));
    let year = if yy >= 50 { 1900 + yy } else { 2000 + yy };
    let (month, day, hour, minute, second) = (
        pair(&d, 2),
        pair(&d, 4),
        pair(&d, 6),
        pair(&d, 8),
        pair(&d, 10),
    );
    asn1::UtcTime::new(asn1::DateTime::new(year, month, day, hour, minute, second)?)
}

fn generalized_time(data: &[u8]) -> ParseResult<asn1::X509GeneralizedTime> {
    let Some(d) = digits::<14>(data) else {
        return asn1::X509GeneralizedTime::parse_data(data);
    };
    let year = u16::from(pair(&d, 0)) * 100 + u16::from(pair(&d, 2));
    let (month, day, hour, minute, second) = (
        pair(&d, 4),
        pair(&d, 6),
        pair(&d, 8),
        pair(&d, 10),
        pair(&d, 12),
    );
    asn1::X509GeneralizedTime::new(asn1::DateTime::new(year, month, day, hour, minute, second)?)
}

/// A Time (the CHOICE of the two), with the errors and locations the derived reader
/// would give.
pub(crate) fn read_time(tlv: asn1::Tlv<'_>) -> ParseResult<Time> {
    let tag = tlv.tag();
    if tag == UTC_TIME {
        utc_time(tlv.data())
            .map(Time::UtcTime)
            .map_err(|e| e.add_location(ParseLocation::Field("Time::UtcTime")))
    } else if tag == GENERALIZED_TIME {
        generalized_time(tlv.data())
            .map(Time::GeneralizedTime)
            .map_err(|e| e.add_location(ParseLocation::Field("Time::GeneralizedTime")))
    } else {
        Err(ParseError::new(ParseErrorKind::UnexpectedTag {
            actual: tag,
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every content of the two lengths built from digits, 'Z' and a few other bytes at
    /// each position, against the `asn1` crate's readers.
    #[test]
    fn same_results_as_the_asn1_crate() {
        let bases: [&[u8]; 6] = [
            b"250101120000Z",
            b"491231235959Z",
            b"500229000000Z",
            b"20500101000000Z",
            b"19991231235959Z",
            b"20240229120000Z",
        ];
        let replacements = [
            b'0', b'1', b'2', b'3', b'5', b'6', b'9', b'Z', b'/', b':', b'+',
        ];
        let mut checked = 0;
        for base in bases {
            for at in 0..base.len() {
                for &replacement in &replacements {
                    let mut data = base.to_vec();
                    data[at] = replacement;
                    for data in [
                        data.clone(),
                        data[..data.len() - 1].to_vec(),
                        [&data[..], b"0"].concat(),
                    ] {
                        let ours = utc_time(&data).ok();
                        let theirs = asn1::UtcTime::parse_data(&data).ok();
                        assert_eq!(ours, theirs, "UTCTime {:?}", data);
                        let ours = generalized_time(&data).ok();
                        let theirs = asn1::X509GeneralizedTime::parse_data(&data).ok();
                        assert_eq!(ours, theirs, "GeneralizedTime {:?}", data);
                        checked += 1;
                    }
                }
            }
        }
        assert!(checked > 1000);
        // Months, days (leap years included) and hours out of range.
        for bad in [
            &b"251301000000Z"[..],
            b"250230000000Z",
            b"250101240000Z",
            b"230229000000Z",
        ] {
            assert!(utc_time(bad).is_err());
            assert!(asn1::UtcTime::parse_data(bad).is_err());
        }
        assert!(utc_time(b"240229000000Z").is_ok());
    }
}
