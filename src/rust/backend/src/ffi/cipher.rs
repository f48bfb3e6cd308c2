//! Symmetric ciphers: fetched algorithms and `EVP_CIPHER_CTX`s keyed for one direction.

use std::ffi::{c_int, CStr};
use std::ptr;

use openssl::error::ErrorStack;
use openssl_sys as sys;

use super::{check, check_ptr, Output};
use crate::error::{CipherError, Error};

/// A symmetric cipher fetched once from the default library context.
pub(crate) struct FetchedCipher(*mut sys::EVP_CIPHER);

// SAFETY: as for `FetchedDigest`: reference counted, immutable after fetch.
unsafe impl Send for FetchedCipher {}
// SAFETY: as above.
unsafe impl Sync for FetchedCipher {}

impl FetchedCipher {
    pub(crate) fn fetch(name: &CStr) -> Result<Self, ErrorStack> {
        // SAFETY: `name` is NUL-terminated; null means the default context and properties.
        let cipher = unsafe { sys::EVP_CIPHER_fetch(ptr::null_mut(), name.as_ptr(), ptr::null()) };
        check_ptr(cipher).map(FetchedCipher)
    }
}

impl FetchedCipher {
    /// The cipher's default key length (cached in the EVP_CIPHER by OpenSSL).
    fn key_len(&self) -> usize {
        // SAFETY: the EVP_CIPHER is valid for our lifetime.
        usize::try_from(unsafe { sys::EVP_CIPHER_get_key_length(self.0) }).unwrap_or(0)
    }

    /// The cipher's default IV length.
    fn iv_len(&self) -> usize {
        // SAFETY: the EVP_CIPHER is valid for our lifetime.
        usize::try_from(unsafe { sys::EVP_CIPHER_get_iv_length(self.0) }).unwrap_or(0)
    }
}

impl Drop for FetchedCipher {
    fn drop(&mut self) {
        // SAFETY: we own one reference to a non-null EVP_CIPHER.
        unsafe { sys::EVP_CIPHER_free(self.0) }
    }
}

/// OpenSSL takes lengths as `int`; larger inputs are fed in pieces of this size.
const MAX_CHUNK: usize = 1 << 30;

fn c_len(len: usize) -> c_int {
    // Callers never pass more than MAX_CHUNK, which fits.
    c_int::try_from(len).unwrap_or(c_int::MAX)
}

/// An `EVP_CIPHER_CTX` keyed for one direction, with padding off (callers handle it).
///
/// With padding off, OpenSSL buffers a partial block and writes whole blocks, in both
/// directions (OCB may hold back one whole block more until its final call). The context
/// tracks how much is buffered, so that it knows how many bytes each update writes at most
/// (exactly, for the classic modes) and can check the room in the output before OpenSSL
/// writes to it.
pub(crate) struct CipherCtx {
    ctx: *mut sys::EVP_CIPHER_CTX,
    /// The cipher's block length in this mode: 1 for stream modes (CTR, GCM, XTS, ...).
    block_len: usize,
    /// Input bytes held back by OpenSSL: less than `block_len`, except for OCB.
    buffered: usize,
    /// The IV length the context expects, kept in step with every change made to it
    /// (asking OpenSSL goes through its parameter machinery on every call).
    iv_len: usize,
}

// SAFETY: owned exclusively; mutation needs `&mut self`.
unsafe impl Send for CipherCtx {}
// SAFETY: the only `&self` method (`try_clone`) reads the context.
unsafe impl Sync for CipherCtx {}

impl CipherCtx {
    /// A context with the cipher set and no key yet.
    fn with_cipher(cipher: &FetchedCipher, encrypt: bool) -> Result<Self, Error> {
        // SAFETY: EVP_CIPHER_CTX_new has no preconditions.
        let ctx = CipherCtx {
            ctx: check_ptr(unsafe { sys::EVP_CIPHER_CTX_new() })?,
            block_len: 1,
            buffered: 0,
            iv_len: cipher.iv_len(),
        };
        // SAFETY: the context and cipher are valid; null key and IV defer keying.
        check(unsafe {
            sys::EVP_CipherInit_ex(
                ctx.ctx,
                cipher.0,
                ptr::null_mut(),
                ptr::null(),
                ptr::null(),
                c_int::from(encrypt),
            )
        })?;
        Ok(ctx)
    }

    /// Keys a new context. For an AEAD cipher (`aead_iv`) the IV length is set to the
    /// IV's; for variable-length ciphers (`set_key_len`) the key length to the key's.
    /// Otherwise key and IV must have the lengths the cipher expects: OpenSSL reads as
    /// many bytes as it expects, so a shorter buffer is refused here, before the call.
    pub(crate) fn new(
        cipher: &FetchedCipher,
        key: &[u8],
        iv: Option<&[u8]>,
        encrypt: bool,
        aead_iv: bool,
        set_key_len: bool,
    ) -> Result<Self, Error> {
        let iv_len_differs = aead_iv && iv.is_some_and(|iv| iv.len() != cipher.iv_len());
        let (mut ctx, init_cipher, key_len) = if set_key_len || iv_len_differs {
            // Lengths must be set between choosing the cipher and keying it.
            let mut ctx = CipherCtx::with_cipher(cipher, encrypt)?;
            if set_key_len {
                // SAFETY: the context has a cipher.
                check(unsafe { sys::EVP_CIPHER_CTX_set_key_length(ctx.ctx, c_len(key.len())) })?;
            }
            if let (true, Some(iv)) = (iv_len_differs, iv) {
                ctx.set_iv_len(iv.len())?;
            }
            // Only a variable-length cipher's context can expect another key length than
            // the cipher's default.
            let key_len = if set_key_len {
                ctx.query_key_len()
            } else {
                cipher.key_len()
            };
            (ctx, ptr::null(), key_len)
        } else {
            // The common case: cipher, key and IV in one call (each call walks OpenSSL's
            // provider dispatch, which costs as much as keying AES).
            // SAFETY: EVP_CIPHER_CTX_new has no preconditions.
            let ctx = CipherCtx {
                ctx: check_ptr(unsafe { sys::EVP_CIPHER_CTX_new() })?,
                block_len: 1,
                buffered: 0,
                iv_len: cipher.iv_len(),
            };
            (ctx, cipher.0.cast_const(), cipher.key_len())
        };
        let iv_ptr = ctx.checked_iv_ptr(key, key_len, iv)?;
        // SAFETY: the context is valid and `init_cipher` is either null (the context
        // already has its cipher) or the fetched cipher; key and IV have exactly the
        // lengths the context expects (checked above); OpenSSL copies them.
        check(unsafe {
            sys::EVP_CipherInit_ex(
                ctx.ctx,
                init_cipher,
                ptr::null_mut(),
                key.as_ptr(),
                iv_ptr,
                c_int::from(encrypt),
            )
        })?;
        // SAFETY: the cipher is valid.
        let block_len = unsafe { sys::EVP_CIPHER_get_block_size(cipher.0) };
        ctx.block_len = usize::try_from(block_len).unwrap_or(1).max(1);
        if ctx.block_len > 1 {
            // Stream modes never pad, so only block modes need telling.
            // SAFETY: the context is keyed.
            check(unsafe { sys::EVP_CIPHER_CTX_set_padding(ctx.ctx, 0) })?;
        }
        Ok(ctx)
    }

    /// Checks the key against the expected length and returns the IV pointer to pass
    /// (null when the context takes no IV), or the error for a wrong length.
    fn checked_iv_ptr(
        &self,
        key: &[u8],
        key_len: usize,
        iv: Option<&[u8]>,
    ) -> Result<*const u8, Error> {
        if key.len() != key_len {
            return Err(Error::InvalidKeyLength);
        }
        match iv {
            Some(iv) if iv.len() == self.iv_len => Ok(iv.as_ptr()),
            None if self.iv_len == 0 => Ok(ptr::null()),
            _ => Err(Error::Cipher(CipherError::InvalidNonceLength)),
        }
    }

    /// The key length the context expects, asked of OpenSSL.
    fn query_key_len(&self) -> usize {
        // SAFETY: the context has a cipher.
        usize::try_from(unsafe { sys::EVP_CIPHER_CTX_get_key_length(self.ctx) }).unwrap_or(0)
    }

    /// The IV length the context expects, asked of OpenSSL.
    fn query_iv_len(&self) -> usize {
        // SAFETY: the context has a cipher.
        usize::try_from(unsafe { sys::EVP_CIPHER_CTX_get_iv_length(self.ctx) }).unwrap_or(0)
    }

    /// Sets an AEAD context's IV length, and records what OpenSSL then expects.
    fn set_iv_len(&mut self, len: usize) -> Result<(), ErrorStack> {
        // SAFETY: the context has an AEAD cipher; the control only reads the length.
        let result = check(unsafe {
            sys::EVP_CIPHER_CTX_ctrl(
                self.ctx,
                sys::EVP_CTRL_GCM_SET_IVLEN,
                c_len(len),
                ptr::null_mut(),
            )
        });
        self.iv_len = self.query_iv_len();
        result
    }

    /// Sets a new IV (nonce) of the context's IV length, keeping the key; drops any
    /// buffered partial block.
    pub(crate) fn reset_iv(&mut self, iv: &[u8]) -> Result<(), Error> {
        if iv.len() != self.iv_len {
            return Err(Error::Cipher(CipherError::InvalidNonceLength));
        }
        // SAFETY: the IV has the length the context expects; null cipher and key keep
        // the current ones; -1 keeps the direction.
        check(unsafe {
            sys::EVP_CipherInit_ex(
                self.ctx,
                ptr::null(),
                ptr::null_mut(),
                ptr::null(),
                iv.as_ptr(),
                -1,
            )
        })?;
        self.buffered = 0;
        Ok(())
    }

    /// The block length (1 for stream modes).
    pub(crate) fn block_len(&self) -> usize {
        self.block_len
    }

    /// Bytes of input held back, waiting for a whole block.
    pub(crate) fn buffered(&self) -> usize {
        self.buffered
    }

    /// How many bytes `update` writes at most for `input_len` bytes of input (exactly,
    /// for the classic modes).
    pub(crate) fn output_len(&self, input_len: usize) -> usize {
        let total = self.buffered.saturating_add(input_len);
        total - total % self.block_len
    }

    /// Processes `input`, appending the output to `out`, which must have room for
    /// `output_len(input.len())` bytes; returns the bytes written.
    pub(crate) fn update(&mut self, input: &[u8], out: &mut Output<'_>) -> Result<usize, Error> {
        out.reserve(self.output_len(input.len()))?;
        let mut written = 0usize;
        for chunk in input.chunks(MAX_CHUNK) {
            let chunk_out = self.output_len(chunk.len());
            let mut outl: c_int = 0;
            // SAFETY: with padding off OpenSSL writes at most the whole blocks of what is
            // buffered plus `chunk`, which is `chunk_out` bytes, all of which `target`
            // has room for; `advance` then records what it reports written.
            let outl = unsafe {
                let target = out.unfilled_ptr(chunk_out)?;
                check(sys::EVP_CipherUpdate(
                    self.ctx,
                    target,
                    &mut outl,
                    chunk.as_ptr(),
                    c_len(chunk.len()),
                ))?;
                let outl = usize::try_from(outl).unwrap_or(0).min(chunk_out);
                out.advance(outl);
                written += outl;
                outl
            };
            // What OpenSSL holds back: a partial block, or for OCB up to a block more,
            // which only its final call releases.
            self.buffered = self.buffered + chunk.len() - outl;
        }
        Ok(written)
    }

    /// Feeds one item of additional authenticated data to an AEAD context. An empty item
    /// is passed on too, as one zero-length update.
    pub(crate) fn update_aad(&mut self, aad: &[u8]) -> Result<(), ErrorStack> {
        let empty = [0u8; 1];
        let pieces: Vec<&[u8]> = if aad.is_empty() {
            vec![&empty[..0]]
        } else {
            aad.chunks(MAX_CHUNK).collect()
        };
        for chunk in pieces {
            let mut outl: c_int = 0;
            let input = if chunk.is_empty() {
                empty.as_ptr()
            } else {
                chunk.as_ptr()
            };
            // SAFETY: a null output makes OpenSSL treat the input as AAD; `input` points
            // to at least `chunk.len()` readable bytes (a valid byte when it is zero).
            check(unsafe {
                sys::EVP_CipherUpdate(
                    self.ctx,
                    ptr::null_mut(),
                    &mut outl,
                    input,
                    c_len(chunk.len()),
                )
            })?;
        }
        Ok(())
    }

    /// Finishes, appending what the mode still holds to `out` and returning its length.
    /// With padding off that is at most the buffered partial block: nothing for CBC and
    /// ECB (which fail unless the input was whole blocks) and the stream modes, the last
    /// partial block for OCB. Fails too when an AEAD tag does not match.
    pub(crate) fn finalize_into(&mut self, out: &mut Output<'_>) -> Result<usize, Error> {
        let held = self.buffered;
        out.reserve(held)?;
        // OpenSSL may be handed a pointer to an empty tail; give it a scratch block then.
        let mut scratch = [0u8; 32];
        let mut outl: c_int = 0;
        // SAFETY: with padding off OpenSSL writes at most the buffered bytes, which `out`
        // has room for (checked above), or nothing, into the scratch block (which is as
        // long as any held-back data); `advance` records what it reports written.
        unsafe {
            let target = if held == 0 {
                scratch.as_mut_ptr()
            } else {
                out.unfilled_ptr(held)?
            };
            if let Err(err) = check(sys::EVP_CipherFinal(self.ctx, target, &mut outl)) {
                // A failed OCB decryption may have written the last block before its tag
                // check: unauthenticated plaintext, which must not stay behind.
                ptr::write_bytes(target, 0, held);
                return Err(err.into());
            }
            if held != 0 {
                out.advance(usize::try_from(outl).unwrap_or(0).min(held));
            }
        }
        self.buffered = 0;
        Ok(usize::try_from(outl).unwrap_or(0).min(held))
    }

    /// Finishes a context that holds nothing back (see `finalize_into`).
    pub(crate) fn finalize(&mut self) -> Result<(), Error> {
        self.finalize_into(&mut Output::new(&mut [])).map(|_| ())
    }

    /// Appends the `len`-byte tag of a finished AEAD encryption to `out`.
    pub(crate) fn tag(&mut self, len: usize, out: &mut Output<'_>) -> Result<(), Error> {
        // SAFETY: OpenSSL writes `len` bytes of tag, for which `out` has room; `advance`
        // runs only once it has.
        unsafe {
            let target = out.unfilled_ptr(len)?;
            check(sys::EVP_CIPHER_CTX_ctrl(
                self.ctx,
                sys::EVP_CTRL_GCM_GET_TAG,
                c_len(len),
                target.cast(),
            ))?;
            out.advance(len);
        }
        Ok(())
    }

    /// A CCM context keyed for one message. OpenSSL fixes CCM's tag length and nonce
    /// length (its L) when the key is set, so both are set first.
    pub(crate) fn new_ccm(
        cipher: &FetchedCipher,
        key: &[u8],
        nonce: &[u8],
        tag_len: usize,
        encrypt: bool,
    ) -> Result<Self, Error> {
        let mut ctx = CipherCtx::with_cipher(cipher, encrypt)?;
        let enc = c_int::from(encrypt);
        ctx.set_iv_len(nonce.len())?;
        // SAFETY: with a null pointer OpenSSL only records the tag length.
        check(unsafe {
            sys::EVP_CIPHER_CTX_ctrl(
                ctx.ctx,
                sys::EVP_CTRL_GCM_SET_TAG,
                c_len(tag_len),
                ptr::null_mut(),
            )
        })?;
        if key.len() != cipher.key_len() {
            return Err(Error::InvalidKeyLength);
        }
        if nonce.len() != ctx.iv_len {
            return Err(Error::Cipher(CipherError::InvalidNonceLength));
        }
        // SAFETY: key and nonce have the lengths the context expects (checked above).
        check(unsafe {
            sys::EVP_CipherInit_ex(
                ctx.ctx,
                ptr::null(),
                ptr::null_mut(),
                key.as_ptr(),
                nonce.as_ptr(),
                enc,
            )
        })?;
        Ok(ctx)
    }

    /// An update over no data, which some AEADs (GCM-SIV) need before their tag exists.
    pub(crate) fn update_empty(&mut self) -> Result<(), ErrorStack> {
        let mut out = [0u8; 1];
        let input = [0u8; 1];
        let mut outl: c_int = 0;
        // SAFETY: zero input bytes are read and none written; the pointers are valid.
        check(unsafe {
            sys::EVP_CipherUpdate(self.ctx, out.as_mut_ptr(), &mut outl, input.as_ptr(), 0)
        })
    }

    /// Declares the total length of the message before its associated data (CCM).
    pub(crate) fn declare_message_len(&mut self, len: usize) -> Result<(), Error> {
        if len > MAX_CHUNK {
            return Err(Error::DataLimitExceeded("CCM message"));
        }
        let mut outl: c_int = 0;
        // SAFETY: null input and output with a length make OpenSSL record the length only.
        check(unsafe {
            sys::EVP_CipherUpdate(
                self.ctx,
                ptr::null_mut(),
                &mut outl,
                ptr::null(),
                c_len(len),
            )
        })?;
        Ok(())
    }

    /// Sets the expected tag of an AEAD decryption.
    pub(crate) fn set_tag(&mut self, tag: &[u8]) -> Result<(), ErrorStack> {
        // SAFETY: OpenSSL copies `tag.len()` bytes; it does not write through the pointer.
        check(unsafe {
            sys::EVP_CIPHER_CTX_ctrl(
                self.ctx,
                sys::EVP_CTRL_GCM_SET_TAG,
                c_len(tag.len()),
                tag.as_ptr().cast_mut().cast(),
            )
        })
    }
}

impl CipherCtx {
    /// An independent copy (key schedule included) of a context.
    pub(crate) fn try_clone(&self) -> Result<Self, ErrorStack> {
        // SAFETY: EVP_CIPHER_CTX_new has no preconditions.
        let copy = CipherCtx {
            ctx: check_ptr(unsafe { sys::EVP_CIPHER_CTX_new() })?,
            block_len: self.block_len,
            buffered: self.buffered,
            iv_len: self.iv_len,
        };
        // SAFETY: both contexts are valid; the source is only read.
        check(unsafe { sys::EVP_CIPHER_CTX_copy(copy.ctx, self.ctx) })?;
        Ok(copy)
    }

    /// Starts a new AEAD message: sets the direction and the nonce (none for SIV), first
    /// setting the IV length to the nonce's when it differs (a recycled context keeps the
    /// last one).
    pub(crate) fn start_message(&mut self, nonce: &[u8], encrypt: bool) -> Result<(), Error> {
        if nonce.len() != self.iv_len {
            self.set_iv_len(nonce.len())?;
            if nonce.len() != self.iv_len {
                return Err(Error::Cipher(CipherError::InvalidNonceLength));
            }
        }
        let nonce_ptr = if nonce.is_empty() {
            ptr::null()
        } else {
            nonce.as_ptr()
        };
        // SAFETY: the nonce has the length the context expects (checked above); null
        // cipher and key keep the current ones; OpenSSL copies the nonce.
        check(unsafe {
            sys::EVP_CipherInit_ex(
                self.ctx,
                ptr::null(),
                ptr::null_mut(),
                ptr::null(),
                nonce_ptr,
                c_int::from(encrypt),
            )
        })?;
        self.buffered = 0;
        Ok(())
    }
}

impl Drop for CipherCtx {
    fn drop(&mut self) {
        // SAFETY: we own the non-null context; freeing cleanses the key schedule.
        unsafe { sys::EVP_CIPHER_CTX_free(self.ctx) }
    }
}
