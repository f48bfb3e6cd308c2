//! AES-SIV (RFC 5297), composed over OpenSSL's AES in CBC and CTR modes.
//!
//! OpenSSL's own SIV cipher duplicates a CMAC context for every string it authenticates
//! and its context cannot be reused, so a message cost a context copy (a CMAC state and
//! a CTR state, a dozen allocations) plus one CMAC copy per item: more than the
//! reference's whole call. Here a key keeps two AES contexts, CBC under K1 for CMAC and
//! CTR under K2, and a message only resets their IVs: S2V is CMAC chained by doubling
//! (RFC 5297 section 2.4), CMAC is CBC-MAC with the last block masked by a subkey
//! (NIST SP 800-38B), and the synthetic IV, with bits 31 and 63 cleared, starts CTR.
//! The block cipher stays OpenSSL's; this module only sequences blocks.

use zeroize::{Zeroize, Zeroizing};

use crate::cipher::{fetched_for, CipherAlgorithm, Mode};
use crate::error::{Error, Result};
use crate::ffi::{CipherCtx, Output};
use crate::pool::Pool;

const BLOCK: usize = 16;
const ZERO_BLOCK: [u8; BLOCK] = [0u8; BLOCK];
/// CBC-MAC output is discarded; it is written to a stack buffer this long at a time.
const SCRATCH: usize = 1024;

/// Doubling in GF(2^128) (RFC 5297 section 2.3), without a secret-dependent branch.
fn dbl(block: &[u8; BLOCK]) -> [u8; BLOCK] {
    let mut out = [0u8; BLOCK];
    for i in 0..BLOCK - 1 {
        out[i] = (block[i] << 1) | (block[i + 1] >> 7);
    }
    out[BLOCK - 1] = block[BLOCK - 1] << 1;
    let carry = block[0] >> 7;
    out[BLOCK - 1] ^= 0x87 & 0u8.wrapping_sub(carry);
    out
}

fn xor_into(target: &mut [u8], other: &[u8]) {
    for (t, o) in target.iter_mut().zip(other) {
        *t ^= o;
    }
}

/// The CBC (for CMAC) and CTR contexts one message uses.
struct Contexts {
    mac: CipherCtx,
    ctr: CipherCtx,
}

/// CMAC over the pieces of one message, fed to a CBC context with a zero IV. The last
/// block (whole or partial) is held back until the end, where it is masked by a subkey.
struct Cmac<'a> {
    ctx: &'a mut CipherCtx,
    subkeys: &'a [[u8; BLOCK]; 2],
    pending: Zeroizing<[u8; BLOCK]>,
    pending_len: usize,
}

impl<'a> Cmac<'a> {
    fn start(ctx: &'a mut CipherCtx, subkeys: &'a [[u8; BLOCK]; 2]) -> Result<Self> {
        ctx.reset_iv(&ZERO_BLOCK)?;
        Ok(Cmac {
            ctx,
            subkeys,
            pending: Zeroizing::new([0u8; BLOCK]),
            pending_len: 0,
        })
    }

    /// Runs whole blocks through CBC; returns the last output block.
    fn chain(&mut self, blocks: &[u8]) -> Result<[u8; BLOCK]> {
        let mut scratch = Zeroizing::new([0u8; SCRATCH]);
        let mut last = [0u8; BLOCK];
        for chunk in blocks.chunks(SCRATCH) {
            let out = &mut scratch[..chunk.len()];
            self.ctx.update(chunk, &mut Output::new(out))?;
            last.copy_from_slice(&out[chunk.len() - BLOCK..]);
        }
        Ok(last)
    }

    fn update(&mut self, mut data: &[u8]) -> Result<()> {
        if data.is_empty() {
            return Ok(());
        }
        if self.pending_len > 0 {
            let take = (BLOCK - self.pending_len).min(data.len());
            self.pending[self.pending_len..self.pending_len + take].copy_from_slice(&data[..take]);
            self.pending_len += take;
            data = &data[take..];
            if data.is_empty() {
                return Ok(());
            }
            // More follows, so the held block is not the last one.
            let block = *self.pending;
            self.chain(&block)?;
            self.pending_len = 0;
        }
        // Keep the last block, whole or partial, for `finish`.
        let keep = match data.len() % BLOCK {
            0 => BLOCK,
            partial => partial,
        };
        let (blocks, rest) = data.split_at(data.len() - keep);
        if !blocks.is_empty() {
            self.chain(blocks)?;
        }
        self.pending[..keep].copy_from_slice(rest);
        self.pending_len = keep;
        Ok(())
    }

    fn finish(mut self) -> Result<[u8; BLOCK]> {
        let mut last = Zeroizing::new([0u8; BLOCK]);
        if self.pending_len == BLOCK {
            last.copy_from_slice(&*self.pending);
            xor_into(&mut *last, &self.subkeys[0]);
        } else {
            last[..self.pending_len].copy_from_slice(&self.pending[..self.pending_len]);
            last[self.pending_len] = 0x80;
            xor_into(&mut *last, &self.subkeys[1]);
        }
        self.chain(&*last)
    }
}

/// A scheduled AES-SIV key: K1 drives S2V, K2 drives CTR.
pub(crate) struct SivKey {
    mac_template: CipherCtx,
    ctr_template: CipherCtx,
    spare: Pool<Contexts>,
    /// CMAC's subkeys K1 and K2 (SP 800-38B section 6.1), for the S2V key.
    subkeys: Zeroizing<[[u8; BLOCK]; 2]>,
    /// S2V's starting value: CMAC of the zero block.
    d_zero: Zeroizing<[u8; BLOCK]>,
}

impl SivKey {
    /// `key` is K1 || K2, two AES keys of 16, 24 or 32 bytes.
    pub(crate) fn new(key: &[u8]) -> Result<Self> {
        if !matches!(key.len(), 32 | 48 | 64) {
            return Err(Error::InvalidKeyLength);
        }
        let (mac_key, ctr_key) = key.split_at(key.len() / 2);
        let cbc = fetched_for(CipherAlgorithm::Aes, mac_key.len(), Mode::Cbc)?;
        let ctr = fetched_for(CipherAlgorithm::Aes, ctr_key.len(), Mode::Ctr)?;
        let mut mac_template = CipherCtx::new(cbc, mac_key, Some(&ZERO_BLOCK), true, false, false)?;
        let ctr_template = CipherCtx::new(ctr, ctr_key, Some(&ZERO_BLOCK), true, false, false)?;
        // L = AES(K1, 0) is one CBC block under a zero IV.
        let mut l = Zeroizing::new([0u8; BLOCK]);
        mac_template.update(&ZERO_BLOCK, &mut Output::new(&mut *l))?;
        let first = dbl(&l);
        let subkeys = Zeroizing::new([first, dbl(&first)]);
        let mut d_zero = Zeroizing::new([0u8; BLOCK]);
        {
            let mut cmac = Cmac::start(&mut mac_template, &subkeys)?;
            cmac.update(&ZERO_BLOCK)?;
            *d_zero = cmac.finish()?;
        }
        Ok(SivKey {
            mac_template,
            ctr_template,
            spare: Pool::new(),
            subkeys,
            d_zero,
        })
    }

    fn with_contexts<T>(&self, work: impl FnOnce(&mut Contexts) -> Result<T>) -> Result<T> {
        let fresh = || {
            Ok(Contexts {
                mac: self.mac_template.try_clone()?,
                ctr: self.ctr_template.try_clone()?,
            })
        };
        self.spare.with(fresh, work)
    }

    fn cmac(&self, ctx: &mut CipherCtx, pieces: &[&[u8]]) -> Result<[u8; BLOCK]> {
        let mut cmac = Cmac::start(ctx, &self.subkeys)?;
        for piece in pieces {
            cmac.update(piece)?;
        }
        cmac.finish()
    }

    /// S2V(K1, AD1, ..., ADn, P): RFC 5297 section 2.4.
    fn s2v(&self, ctx: &mut CipherCtx, aad: &[&[u8]], plaintext: &[u8]) -> Result<[u8; BLOCK]> {
        let mut d = Zeroizing::new(*self.d_zero);
        for item in aad {
            let mac = self.cmac(ctx, &[item])?;
            *d = dbl(&d);
            xor_into(&mut *d, &mac);
        }
        let mut last = Zeroizing::new([0u8; BLOCK]);
        if plaintext.len() >= BLOCK {
            // T = P xorend D
            let (head, tail) = plaintext.split_at(plaintext.len() - BLOCK);
            last.copy_from_slice(tail);
            xor_into(&mut *last, &*d);
            self.cmac(ctx, &[head, &*last])
        } else {
            // T = dbl(D) xor pad(P)
            *last = dbl(&d);
            xor_into(&mut last[..plaintext.len()], plaintext);
            last[plaintext.len()] ^= 0x80;
            self.cmac(ctx, &[&*last])
        }
    }

    /// The CTR starting block: the synthetic IV with bits 63 and 31 cleared.
    fn counter(iv: &[u8; BLOCK]) -> [u8; BLOCK] {
        let mut q = *iv;
        q[8] &= 0x7f;
        q[12] &= 0x7f;
        q
    }

    /// Appends the synthetic IV then the ciphertext to `out` (`plaintext.len() + 16`).
    pub(crate) fn seal_into(
        &self,
        aad: &[&[u8]],
        plaintext: &[u8],
        out: &mut Output<'_>,
    ) -> Result<()> {
        self.with_contexts(|contexts| {
            let iv = self.s2v(&mut contexts.mac, aad, plaintext)?;
            out.push(&iv)?;
            contexts.ctr.reset_iv(&Self::counter(&iv))?;
            contexts.ctr.update(plaintext, out)?;
            Ok(())
        })
    }

    /// Decrypts `body`, appending it to `out`, and checks it against the synthetic IV
    /// `tag`; on a mismatch what was written is wiped.
    pub(crate) fn open_into(
        &self,
        aad: &[&[u8]],
        tag: &[u8],
        body: &[u8],
        out: &mut Output<'_>,
    ) -> Result<()> {
        let mut iv = [0u8; BLOCK];
        iv.copy_from_slice(tag.get(..BLOCK).ok_or(Error::InvalidTag)?);
        let start = out.len();
        let result = self.with_contexts(|contexts| {
            contexts.ctr.reset_iv(&Self::counter(&iv))?;
            contexts.ctr.update(body, out)?;
            let mut expected = self.s2v(&mut contexts.mac, aad, &out.written()[start..])?;
            let genuine = crate::ffi::constant_time_eq(&expected, &iv);
            expected.zeroize();
            if genuine {
                Ok(())
            } else {
                Err(Error::InvalidTag)
            }
        });
        if result.is_err() {
            out.wipe_from(start);
        }
        result
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::unhex;

    /// A key whose K1 is RFC 4493's AES-CMAC example key.
    fn rfc4493_key() -> SivKey {
        let mut key = unhex("2b7e151628aed2a6abf7158809cf4f3c");
        key.extend_from_slice(&[0u8; 16]);
        SivKey::new(&key).unwrap()
    }

    fn cmac(key: &SivKey, pieces: &[&[u8]]) -> Vec<u8> {
        let mut ctx = key.mac_template.try_clone().unwrap();
        key.cmac(&mut ctx, pieces).unwrap().to_vec()
    }

    #[test]
    fn cmac_subkeys_and_examples_of_rfc4493() {
        let key = rfc4493_key();
        assert_eq!(
            key.subkeys[0].to_vec(),
            unhex("fbeed618357133667c85e08f7236a8de")
        );
        assert_eq!(
            key.subkeys[1].to_vec(),
            unhex("f7ddac306ae266ccf90bc11ee46d513b")
        );
        assert_eq!(cmac(&key, &[]), unhex("bb1d6929e95937287fa37d129b756746"));
        let block = unhex("6bc1bee22e409f96e93d7e117393172a");
        assert_eq!(
            cmac(&key, &[&block]),
            unhex("070a16b46b4d4144f79bdd9dd04a287c")
        );
    }

    #[test]
    fn cmac_is_the_same_however_the_message_is_split() {
        let key = rfc4493_key();
        let message: Vec<u8> = (0u8..=200).collect();
        for len in [0, 1, 15, 16, 17, 31, 32, 33, 64, 200] {
            let whole = cmac(&key, &[&message[..len]]);
            for cut in 0..=len {
                let (a, b) = message[..len].split_at(cut);
                assert_eq!(cmac(&key, &[a, b]), whole, "len {len} cut {cut}");
                assert_eq!(cmac(&key, &[a, &[], b]), whole, "len {len} cut {cut}");
            }
        }
        // Longer than the scratch buffer, so CBC runs over several chunks.
        let long = vec![7u8; SCRATCH * 3 + 5];
        let (a, b) = long.split_at(SCRATCH + 3);
        assert_eq!(cmac(&key, &[a, b]), cmac(&key, &[&long]));
    }

    #[test]
    fn doubling_reduces_by_the_polynomial() {
        let mut top = [0u8; BLOCK];
        top[0] = 0x80;
        let mut expected = [0u8; BLOCK];
        expected[BLOCK - 1] = 0x87;
        assert_eq!(dbl(&top), expected);
        let mut low = [0u8; BLOCK];
        low[BLOCK - 1] = 0x01;
        let mut shifted = [0u8; BLOCK];
        shifted[BLOCK - 1] = 0x02;
        assert_eq!(dbl(&low), shifted);
    }

    #[test]
    fn reused_contexts_give_the_same_answers() {
        let key = SivKey::new(&[3u8; 64]).unwrap();
        let seal = |aad: &[&[u8]], pt: &[u8]| {
            let mut out = vec![0u8; pt.len() + BLOCK];
            key.seal_into(aad, pt, &mut Output::new(&mut out)).unwrap();
            out
        };
        let first = seal(&[b"header", b""], &[9u8; 40]);
        let other = seal(&[], &[1u8; 3]);
        assert_eq!(seal(&[b"header", b""], &[9u8; 40]), first);
        let mut opened = vec![0u8; 3];
        key.open_into(
            &[],
            &other[..BLOCK],
            &other[BLOCK..],
            &mut Output::new(&mut opened),
        )
        .unwrap();
        assert_eq!(opened, [1u8; 3]);
        // An empty item is a component of the vector, not nothing.
        assert_ne!(seal(&[b"header"], &[9u8; 40]), first);
    }
}
