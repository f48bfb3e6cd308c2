//! Message digests and extendable-output functions.
//!
//! ```
//! use cryptography_backend::hash::{HashAlgorithm, Hasher};
//!
//! let mut hasher = Hasher::new(HashAlgorithm::Sha256)?;
//! hasher.update(b"abc")?;
//! let mut digest = [0u8; 32];
//! hasher.finalize_into(&mut digest)?;
//! assert_eq!(digest[..4], [0xba, 0x78, 0x16, 0xbf]);
//! # Ok::<(), cryptography_backend::Error>(())
//! ```

use std::ffi::CStr;

use crate::algorithms::FetchSlot;
use crate::error::{Error, Result, Unsupported};
use crate::ffi::{DigestCtx, FetchedDigest};

/// A hash algorithm. The extendable-output functions carry the output length their
/// caller asked for, since that is part of what the algorithm object means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HashAlgorithm {
    Md5,
    Sha1,
    Sha224,
    Sha256,
    Sha384,
    Sha512,
    Sha512_224,
    Sha512_256,
    Sha3_224,
    Sha3_256,
    Sha3_384,
    Sha3_512,
    Shake128 {
        output_len: usize,
    },
    Shake256 {
        output_len: usize,
    },
    /// BLAKE2b with its full 64-byte output (the only size OpenSSL's default offers).
    Blake2b512,
    /// BLAKE2s with its full 32-byte output.
    Blake2s256,
    Sm3,
}

const DIGEST_COUNT: usize = 17;

/// One cache slot per algorithm, in the order of `HashAlgorithm::index`.
static DIGESTS: [FetchSlot<FetchedDigest>; DIGEST_COUNT] = [
    FetchSlot::new(c"MD5"),
    FetchSlot::new(c"SHA1"),
    FetchSlot::new(c"SHA2-224"),
    FetchSlot::new(c"SHA2-256"),
    FetchSlot::new(c"SHA2-384"),
    FetchSlot::new(c"SHA2-512"),
    FetchSlot::new(c"SHA2-512/224"),
    FetchSlot::new(c"SHA2-512/256"),
    FetchSlot::new(c"SHA3-224"),
    FetchSlot::new(c"SHA3-256"),
    FetchSlot::new(c"SHA3-384"),
    FetchSlot::new(c"SHA3-512"),
    FetchSlot::new(c"SHAKE-128"),
    FetchSlot::new(c"SHAKE-256"),
    FetchSlot::new(c"BLAKE2B-512"),
    FetchSlot::new(c"BLAKE2S-256"),
    FetchSlot::new(c"SM3"),
];

impl HashAlgorithm {
    /// Position of this algorithm in per-algorithm tables.
    pub(crate) fn index(self) -> usize {
        match self {
            HashAlgorithm::Md5 => 0,
            HashAlgorithm::Sha1 => 1,
            HashAlgorithm::Sha224 => 2,
            HashAlgorithm::Sha256 => 3,
            HashAlgorithm::Sha384 => 4,
            HashAlgorithm::Sha512 => 5,
            HashAlgorithm::Sha512_224 => 6,
            HashAlgorithm::Sha512_256 => 7,
            HashAlgorithm::Sha3_224 => 8,
            HashAlgorithm::Sha3_256 => 9,
            HashAlgorithm::Sha3_384 => 10,
            HashAlgorithm::Sha3_512 => 11,
            HashAlgorithm::Shake128 { .. } => 12,
            HashAlgorithm::Shake256 { .. } => 13,
            HashAlgorithm::Blake2b512 => 14,
            HashAlgorithm::Blake2s256 => 15,
            HashAlgorithm::Sm3 => 16,
        }
    }

    /// OpenSSL's name for the algorithm.
    pub fn openssl_name(self) -> &'static CStr {
        DIGESTS[self.index()].name()
    }

    /// Bytes of output: the fixed digest size, or the requested length of an XOF.
    pub fn output_len(self) -> usize {
        match self {
            HashAlgorithm::Md5 => 16,
            HashAlgorithm::Sha1 => 20,
            HashAlgorithm::Sha224 | HashAlgorithm::Sha512_224 | HashAlgorithm::Sha3_224 => 28,
            HashAlgorithm::Sha256
            | HashAlgorithm::Sha512_256
            | HashAlgorithm::Sha3_256
            | HashAlgorithm::Blake2s256
            | HashAlgorithm::Sm3 => 32,
            HashAlgorithm::Sha384 | HashAlgorithm::Sha3_384 => 48,
            HashAlgorithm::Sha512 | HashAlgorithm::Sha3_512 | HashAlgorithm::Blake2b512 => 64,
            HashAlgorithm::Shake128 { output_len } | HashAlgorithm::Shake256 { output_len } => {
                output_len
            }
        }
    }

    /// Whether this is an extendable-output function (SHAKE).
    pub fn is_xof(self) -> bool {
        matches!(
            self,
            HashAlgorithm::Shake128 { .. } | HashAlgorithm::Shake256 { .. }
        )
    }

    /// Whether the linked OpenSSL provides the algorithm.
    pub fn is_supported(self) -> bool {
        self.fetched().is_ok()
    }

    pub(crate) fn fetched(self) -> Result<&'static FetchedDigest> {
        DIGESTS[self.index()].digest()
    }

    /// The fetched digest as the `openssl` crate's type, for key-operation contexts.
    pub(crate) fn md(self) -> Result<&'static openssl::md::MdRef> {
        Ok(self.fetched()?.as_md())
    }

    /// The algorithm's conventional lower-case name (`"sha256"`, `"sha3-256"`,
    /// `"shake128"`, ...), as messages name it.
    pub fn name(self) -> &'static str {
        match self {
            HashAlgorithm::Md5 => "md5",
            HashAlgorithm::Sha1 => "sha1",
            HashAlgorithm::Sha224 => "sha224",
            HashAlgorithm::Sha256 => "sha256",
            HashAlgorithm::Sha384 => "sha384",
            HashAlgorithm::Sha512 => "sha512",
            HashAlgorithm::Sha512_224 => "sha512-224",
            HashAlgorithm::Sha512_256 => "sha512-256",
            HashAlgorithm::Sha3_224 => "sha3-224",
            HashAlgorithm::Sha3_256 => "sha3-256",
            HashAlgorithm::Sha3_384 => "sha3-384",
            HashAlgorithm::Sha3_512 => "sha3-512",
            HashAlgorithm::Shake128 { .. } => "shake128",
            HashAlgorithm::Shake256 { .. } => "shake256",
            HashAlgorithm::Blake2b512 => "blake2b",
            HashAlgorithm::Blake2s256 => "blake2s",
            HashAlgorithm::Sm3 => "sm3",
        }
    }
}

/// A running hash computation. Finishing consumes it.
pub struct Hasher {
    algorithm: HashAlgorithm,
    ctx: DigestCtx,
}

impl Hasher {
    pub fn new(algorithm: HashAlgorithm) -> Result<Self> {
        let ctx = DigestCtx::new(algorithm.fetched()?)?;
        Ok(Hasher { algorithm, ctx })
    }

    pub fn algorithm(&self) -> HashAlgorithm {
        self.algorithm
    }

    pub fn update(&mut self, data: &[u8]) -> Result<()> {
        Ok(self.ctx.update(data)?)
    }

    /// An independent copy of the running state.
    pub fn fork(&self) -> Result<Self> {
        Ok(Hasher {
            algorithm: self.algorithm,
            ctx: self.ctx.try_clone()?,
        })
    }

    /// Writes the digest (or the requested XOF output) into `out`, which must be exactly
    /// `algorithm().output_len()` bytes.
    pub fn finalize_into(mut self, out: &mut [u8]) -> Result<()> {
        let expected = self.algorithm.output_len();
        if out.len() != expected {
            return Err(Error::OutputLength {
                expected,
                actual: out.len(),
            });
        }
        if self.algorithm.is_xof() {
            Ok(self.ctx.finalize_xof_into(out)?)
        } else {
            self.ctx.finalize_into(out)
        }
    }

    /// Hashes `data` in one call.
    pub fn digest_into(algorithm: HashAlgorithm, data: &[u8], out: &mut [u8]) -> Result<()> {
        let mut hasher = Hasher::new(algorithm)?;
        hasher.update(data)?;
        hasher.finalize_into(out)
    }
}

/// An extendable-output function that is absorbed, then squeezed any number of times up
/// to its declared output length. After the first squeeze it takes no more input.
pub struct XofHasher {
    algorithm: HashAlgorithm,
    ctx: DigestCtx,
    squeezed: usize,
    has_squeezed: bool,
}

impl XofHasher {
    /// Fails with `UnsupportedAlgorithm` for a fixed-size digest, and with
    /// `OpenSslTooOld` where OpenSSL cannot squeeze (before 3.3).
    pub fn new(algorithm: HashAlgorithm) -> Result<Self> {
        if !algorithm.is_xof() {
            return Err(Error::Unsupported(Unsupported::Operation, "non-XOF digest"));
        }
        if !cfg!(ossl330) {
            return Err(Error::OpenSslTooOld("3.3"));
        }
        let ctx = DigestCtx::new(algorithm.fetched()?)?;
        Ok(XofHasher {
            algorithm,
            ctx,
            squeezed: 0,
            has_squeezed: false,
        })
    }

    pub fn algorithm(&self) -> HashAlgorithm {
        self.algorithm
    }

    /// Whether output has been read (input is then no longer accepted).
    pub fn has_squeezed(&self) -> bool {
        self.has_squeezed
    }

    /// Absorbs more input. Callers check `has_squeezed` first; absorbing after a squeeze is
    /// refused by OpenSSL.
    pub fn update(&mut self, data: &[u8]) -> Result<()> {
        Ok(self.ctx.update(data)?)
    }

    pub fn fork(&self) -> Result<Self> {
        Ok(XofHasher {
            algorithm: self.algorithm,
            ctx: self.ctx.try_clone()?,
            squeezed: self.squeezed,
            has_squeezed: self.has_squeezed,
        })
    }

    /// Whether `len` more bytes stay within the declared output length.
    pub fn can_squeeze(&self, len: usize) -> bool {
        self.squeezed
            .checked_add(len)
            .is_some_and(|total| total <= self.algorithm.output_len())
    }

    /// Reads the next `out.len()` bytes of output.
    pub fn squeeze_into(&mut self, out: &mut [u8]) -> Result<()> {
        if !self.can_squeeze(out.len()) {
            return Err(Error::SqueezeLimitExceeded);
        }
        self.squeeze_unchecked(out)?;
        self.squeezed += out.len();
        self.has_squeezed = true;
        Ok(())
    }

    #[cfg(ossl330)]
    fn squeeze_unchecked(&mut self, out: &mut [u8]) -> Result<()> {
        Ok(self.ctx.squeeze_into(out)?)
    }

    #[cfg(not(ossl330))]
    fn squeeze_unchecked(&mut self, _out: &mut [u8]) -> Result<()> {
        Err(Error::OpenSslTooOld("3.3"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(bytes: &[u8]) -> String {
        bytes.iter().map(|b| format!("{b:02x}")).collect()
    }

    fn digest(algorithm: HashAlgorithm, data: &[u8]) -> String {
        let mut out = vec![0u8; algorithm.output_len()];
        Hasher::digest_into(algorithm, data, &mut out).unwrap();
        hex(&out)
    }

    #[test]
    fn fips_180_abc_vectors() {
        assert_eq!(
            digest(HashAlgorithm::Sha256, b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(
            digest(HashAlgorithm::Sha1, b"abc"),
            "a9993e364706816aba3e25717850c26c9cd0d89d"
        );
        assert_eq!(
            digest(HashAlgorithm::Md5, b""),
            "d41d8cd98f00b204e9800998ecf8427e"
        );
        assert_eq!(
            digest(HashAlgorithm::Sha3_256, b""),
            "a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a"
        );
        assert_eq!(
            digest(HashAlgorithm::Shake128 { output_len: 16 }, b""),
            "7f9c2ba4e88f827d616045507605853e"
        );
    }

    #[test]
    fn fork_is_independent() {
        let mut a = Hasher::new(HashAlgorithm::Sha256).unwrap();
        a.update(b"ab").unwrap();
        let mut b = a.fork().unwrap();
        a.update(b"c").unwrap();
        b.update(b"c").unwrap();
        let (mut x, mut y) = ([0u8; 32], [0u8; 32]);
        a.finalize_into(&mut x).unwrap();
        b.finalize_into(&mut y).unwrap();
        assert_eq!(x, y);
        assert_eq!(hex(&x), digest(HashAlgorithm::Sha256, b"abc"));
    }

    #[test]
    fn wrong_output_length_is_refused() {
        let hasher = Hasher::new(HashAlgorithm::Sha256).unwrap();
        let mut out = [0u8; 31];
        assert!(matches!(
            hasher.finalize_into(&mut out),
            Err(Error::OutputLength {
                expected: 32,
                actual: 31
            })
        ));
    }

    #[test]
    fn xof_squeezes_in_pieces_up_to_its_limit() {
        let algorithm = HashAlgorithm::Shake128 { output_len: 16 };
        let mut xof = XofHasher::new(algorithm).unwrap();
        let (mut first, mut second) = ([0u8; 6], [0u8; 10]);
        xof.squeeze_into(&mut first).unwrap();
        xof.squeeze_into(&mut second).unwrap();
        assert_eq!(hex(&first) + &hex(&second), digest(algorithm, b""));
        assert!(matches!(
            xof.squeeze_into(&mut [0u8; 1]),
            Err(Error::SqueezeLimitExceeded)
        ));
    }

    #[test]
    fn xof_refuses_fixed_digests() {
        assert!(matches!(
            XofHasher::new(HashAlgorithm::Sha256),
            Err(Error::Unsupported(..))
        ));
    }
}
