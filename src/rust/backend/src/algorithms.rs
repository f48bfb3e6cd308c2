//! Algorithm handles fetched from OpenSSL once per process.
//!
//! OpenSSL 3 resolves an algorithm by name through its provider store on every implicit
//! use, which costs more than hashing 64 bytes. Each algorithm here is fetched on first use
//! and the handle kept for the life of the process. A failed fetch is remembered too: the
//! build simply does not have that algorithm.

use std::ffi::CStr;
use std::sync::OnceLock;

use openssl::provider::Provider;

use crate::error::{Error, Result};
use crate::ffi::{FetchedDigest, FetchedMac};

/// Providers loaded for the whole process. Their handles are kept alive on purpose:
/// dropping an `openssl::provider::Provider` unloads it.
struct LoadedProviders {
    _legacy: Option<Provider>,
}

static PROVIDERS: OnceLock<LoadedProviders> = OnceLock::new();

/// Loads the providers the reference's algorithm set needs, once. The legacy provider
/// (Blowfish, CAST5, IDEA, SEED, RC2, RC4, ...) is optional: a build without it simply
/// reports those algorithms as unsupported. Fallbacks stay enabled so that loading it does
/// not hide the default provider.
pub fn load_providers() {
    PROVIDERS.get_or_init(|| {
        let legacy = Provider::try_load(None, "legacy", true).ok();
        crate::ffi::raise_thread_limit();
        // A failed load leaves its reason on the error queue; it must not leak into the
        // next caller's errors.
        crate::error::discard_openssl_errors();
        LoadedProviders { _legacy: legacy }
    });
}

/// Whether the legacy provider could be loaded.
pub fn legacy_provider_loaded() -> bool {
    load_providers();
    PROVIDERS.get().is_some_and(|p| p._legacy.is_some())
}

/// A process-wide cache slot for one fetched algorithm.
pub(crate) struct FetchSlot<T> {
    name: &'static CStr,
    handle: OnceLock<Option<T>>,
}

/// What a slot fetches, and the kind of thing it is when the build lacks it.
pub(crate) trait Fetched: Sized {
    const KIND: crate::error::Unsupported;
}

impl Fetched for FetchedDigest {
    const KIND: crate::error::Unsupported = crate::error::Unsupported::Hash;
}

impl Fetched for FetchedMac {
    const KIND: crate::error::Unsupported = crate::error::Unsupported::Mac;
}

impl Fetched for crate::ffi::FetchedKdf {
    const KIND: crate::error::Unsupported = crate::error::Unsupported::BackendInterface;
}

impl<T: Fetched> FetchSlot<T> {
    pub(crate) const fn new(name: &'static CStr) -> Self {
        FetchSlot {
            name,
            handle: OnceLock::new(),
        }
    }

    fn get_with(
        &self,
        fetch: fn(&CStr) -> std::result::Result<T, openssl::error::ErrorStack>,
    ) -> Result<&T> {
        self.handle
            .get_or_init(|| {
                load_providers();
                // The failure's error queue entries are consumed here: an unavailable
                // algorithm is an answer, not an error to report later.
                fetch(self.name).ok()
            })
            .as_ref()
            .ok_or_else(|| Error::Unsupported(T::KIND, self.algorithm_name()))
    }

    pub(crate) const fn name(&self) -> &'static CStr {
        self.name
    }

    fn algorithm_name(&self) -> &'static str {
        self.name.to_str().unwrap_or("algorithm")
    }
}

impl FetchSlot<FetchedDigest> {
    pub(crate) fn digest(&self) -> Result<&FetchedDigest> {
        self.get_with(FetchedDigest::fetch)
    }
}

impl FetchSlot<crate::ffi::FetchedKdf> {
    pub(crate) fn kdf(&self) -> Result<&crate::ffi::FetchedKdf> {
        self.get_with(crate::ffi::FetchedKdf::fetch)
    }
}

impl FetchSlot<FetchedMac> {
    pub(crate) fn mac(&self) -> Result<&FetchedMac> {
        self.get_with(FetchedMac::fetch)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Unsupported;

    #[test]
    fn a_missing_algorithm_says_what_kind_it_is() {
        static DIGEST: FetchSlot<FetchedDigest> = FetchSlot::new(c"NO-SUCH-DIGEST");
        static MAC: FetchSlot<FetchedMac> = FetchSlot::new(c"NO-SUCH-MAC");
        static KDF: FetchSlot<crate::ffi::FetchedKdf> = FetchSlot::new(c"NO-SUCH-KDF");
        assert!(matches!(
            DIGEST.digest(),
            Err(Error::Unsupported(Unsupported::Hash, "NO-SUCH-DIGEST"))
        ));
        assert!(matches!(
            MAC.mac(),
            Err(Error::Unsupported(Unsupported::Mac, "NO-SUCH-MAC"))
        ));
        assert!(matches!(
            KDF.kdf(),
            Err(Error::Unsupported(
                Unsupported::BackendInterface,
                "NO-SUCH-KDF"
            ))
        ));
        // The failed fetches leave nothing on OpenSSL's error queue.
        assert!(openssl::error::ErrorStack::get().errors().is_empty());
    }
}
