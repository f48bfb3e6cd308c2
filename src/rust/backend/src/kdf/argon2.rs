//! Argon2 (RFC 9106) through OpenSSL's KDF, and its PHC string form.

use crate::error::{Error, KdfError, Result};

/// The three Argon2 variants (RFC 9106).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Argon2Variant {
    Argon2d,
    Argon2i,
    Argon2id,
}

static ARGON2: [crate::algorithms::FetchSlot<crate::ffi::FetchedKdf>; 3] = [
    crate::algorithms::FetchSlot::new(c"ARGON2D"),
    crate::algorithms::FetchSlot::new(c"ARGON2I"),
    crate::algorithms::FetchSlot::new(c"ARGON2ID"),
];

impl Argon2Variant {
    /// The variant's name in PHC strings (`$argon2id$...`).
    pub fn phc_name(self) -> &'static str {
        match self {
            Argon2Variant::Argon2d => "argon2d",
            Argon2Variant::Argon2i => "argon2i",
            Argon2Variant::Argon2id => "argon2id",
        }
    }

    fn from_phc_name(name: &str) -> Option<Self> {
        [Self::Argon2d, Self::Argon2i, Self::Argon2id]
            .into_iter()
            .find(|variant| variant.phc_name() == name)
    }

    /// Whether the linked OpenSSL has Argon2 (3.2 and later).
    pub fn is_supported(self) -> bool {
        ARGON2[self as usize].kdf().is_ok()
    }
}

/// Argon2's cost parameters, checked with the request they serve.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Argon2Params {
    iterations: u32,
    lanes: u32,
    /// In KiB blocks.
    memory_cost: u32,
}

impl Argon2Params {
    /// Checks an Argon2 request in the reference's order: a salt of 8 bytes or more, an
    /// output of 4 bytes or more, at least one iteration and one lane, and 8 KiB of
    /// memory per lane (RFC 9106 section 3.1).
    pub fn new(
        salt: &[u8],
        length: usize,
        iterations: u32,
        lanes: u32,
        memory_cost: u32,
    ) -> Result<Self> {
        if salt.len() < 8 {
            return Err(KdfError::Argon2Salt.into());
        }
        if length < 4 {
            return Err(KdfError::Argon2Length.into());
        }
        if iterations < 1 {
            return Err(KdfError::Argon2Iterations.into());
        }
        if lanes < 1 {
            return Err(KdfError::Argon2Lanes.into());
        }
        if u64::from(memory_cost) < 8 * u64::from(lanes) {
            return Err(KdfError::Argon2Memory.into());
        }
        Ok(Argon2Params {
            iterations,
            lanes,
            memory_cost,
        })
    }

    pub fn iterations(self) -> u32 {
        self.iterations
    }

    pub fn lanes(self) -> u32 {
        self.lanes
    }

    /// In KiB blocks.
    pub fn memory_cost(self) -> u32 {
        self.memory_cost
    }
}

/// Argon2 (RFC 9106) into `out`; `secret` and `ad` may be empty.
pub fn argon2(
    variant: Argon2Variant,
    params: Argon2Params,
    password: &[u8],
    salt: &[u8],
    secret: &[u8],
    ad: &[u8],
    out: &mut [u8],
) -> Result<()> {
    let kdf = ARGON2[variant as usize].kdf()?;
    let inputs = crate::ffi::Argon2Inputs {
        password,
        salt,
        secret,
        ad,
        iterations: params.iterations,
        lanes: params.lanes,
        memory_kib: params.memory_cost,
    };
    // A thread per lane, as far as OpenSSL's pool allows (RFC 9106 recommends 4 lanes).
    let threads = u32::try_from(crate::ffi::max_threads())
        .unwrap_or(u32::MAX)
        .clamp(1, params.lanes.max(1));
    let out_of_memory = |_| {
        Error::Kdf(KdfError::Argon2OutOfMemory {
            kib: params.memory_cost,
        })
    };
    match crate::ffi::argon2(kdf, &inputs, threads, out) {
        Ok(()) => Ok(()),
        // Other derivations may hold the pool's threads just now: OpenSSL then refuses
        // the thread count, and one thread does the same work.
        Err(_) if threads > 1 => crate::ffi::argon2(kdf, &inputs, 1, out).map_err(out_of_memory),
        // The arguments were checked before; what OpenSSL can still refuse is the memory.
        Err(stack) => Err(out_of_memory(stack)),
    }
}

/// The PHC string format (`$argon2id$v=19$m=...,t=...,p=...$salt$hash`), base64 without
/// padding.
pub fn argon2_phc_encode(
    variant: Argon2Variant,
    params: Argon2Params,
    salt: &[u8],
    hash: &[u8],
) -> String {
    use base64_simd::STANDARD_NO_PAD as B64;
    format!(
        "${}$v=19$m={},t={},p={}${}${}",
        variant.phc_name(),
        params.memory_cost,
        params.iterations,
        params.lanes,
        B64.encode_to_string(salt),
        B64.encode_to_string(hash)
    )
}

/// What is wrong with a PHC string, in the reference's terms.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PhcError {
    Format,
    /// The string is for another variant (named).
    Variant(Argon2Variant),
    Version,
    ParameterOrder,
    Salt,
    Hash,
}

/// A parsed PHC string.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Argon2Phc {
    /// The costs as written (not yet checked: `Argon2Params::new` does that).
    pub iterations: u32,
    pub lanes: u32,
    pub memory_cost: u32,
    pub salt: Vec<u8>,
    pub hash: Vec<u8>,
}

/// Parses a PHC string that must be for `expected`.
pub fn argon2_phc_decode(
    expected: Argon2Variant,
    encoded: &str,
) -> std::result::Result<Argon2Phc, PhcError> {
    use base64_simd::STANDARD_NO_PAD as B64;
    let fields: Vec<&str> = encoded.split('$').collect();
    let [empty, variant, version, params, salt, hash] = fields.as_slice() else {
        return Err(PhcError::Format);
    };
    if !empty.is_empty() {
        return Err(PhcError::Format);
    }
    let variant = Argon2Variant::from_phc_name(variant).ok_or(PhcError::Format)?;
    if variant != expected {
        return Err(PhcError::Variant(variant));
    }
    if *version != "v=19" {
        return Err(PhcError::Version);
    }
    let pairs: Vec<(&str, &str)> = params
        .split(',')
        .map(|pair| pair.split_once('=').ok_or(PhcError::Format))
        .collect::<std::result::Result<_, _>>()?;
    let [("m", m), ("t", t), ("p", p)] = pairs.as_slice() else {
        return Err(if pairs.len() == 3 {
            PhcError::ParameterOrder
        } else {
            PhcError::Format
        });
    };
    let number = |text: &str| text.parse::<u32>().map_err(|_| PhcError::Format);
    let (memory_cost, iterations, lanes) = (number(m)?, number(t)?, number(p)?);
    let salt = B64.decode_to_vec(salt).map_err(|_| PhcError::Salt)?;
    let hash = B64.decode_to_vec(hash).map_err(|_| PhcError::Hash)?;
    Ok(Argon2Phc {
        iterations,
        lanes,
        memory_cost,
        salt,
        hash,
    })
}
