//! Process-wide memos of the RSA private keys that passed the full key check and of the
//! DH groups that passed OpenSSL's DH_check, so that loading the same key (or a key in
//! the same group) again does not repeat the check.
//!
//! A DH group is public, and its check (primality of p and q) as deterministic as the
//! RSA one; the same bounded, keyed memo serves it.
//!
//! The check (`key_is_consistent`: two primality tests and the CRT arithmetic) is a pure
//! function of the key's eight integers, and it costs tens of milliseconds; programs that
//! load the same PEM for every request (a JWT signer, a web client with a client
//! certificate) pay it every time. Here the integers of every key that passed are
//! remembered, so a second load of the same integers skips the check and gets the same
//! verdict it would have computed.
//!
//! What is remembered is only "these integers passed": a 32-byte HMAC-SHA256 tag of the
//! integers under a key drawn at random when the memo is made, never the integers nor a
//! plain hash of them (which would be a stable fingerprint of the private key for anyone
//! who can read the process's memory or its dumps). A key that fails is never remembered
//! and is checked in full each time; a key that differs in any integer has a different
//! tag and is checked in full. The memo holds at most `CAPACITY` tags and forgets the
//! least recently used. Its lock is held only to look a tag up or to record one, never
//! during a check: two threads loading the same new key at once both check it.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, MutexGuard, OnceLock, PoisonError};

use zeroize::Zeroizing;

use crate::dh::DhParameterComponents;
use crate::error::Result;
use crate::hash::HashAlgorithm;
use crate::mac::Hmac;
use crate::rsa::RsaPrivateComponents;

/// How many validated keys the process-wide memo remembers.
pub const CAPACITY: usize = 256;

/// What identifies a validated key: its integers' HMAC-SHA256 under the memo's key.
type Tag = [u8; 32];

/// The counters of a memo, for tests and diagnostics.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MemoStats {
    /// How many times the full check ran (misses, and every load of a failing key).
    pub full_checks: u64,
    /// How many loads were answered by the memo.
    pub hits: u64,
    /// How many keys it remembers now.
    pub entries: usize,
    /// The most it remembers.
    pub capacity: usize,
}

/// Tags of keys that passed, each with the time it was last used (a counter).
#[derive(Default)]
struct Entries {
    last_used: HashMap<Tag, u64>,
    clock: u64,
}

impl Entries {
    fn touch(&mut self, tag: &Tag) -> bool {
        self.clock += 1;
        let now = self.clock;
        match self.last_used.get_mut(tag) {
            Some(last_used) => {
                *last_used = now;
                true
            }
            None => false,
        }
    }

    fn insert(&mut self, tag: Tag, capacity: usize) {
        self.clock += 1;
        if !self.last_used.contains_key(&tag) && self.last_used.len() >= capacity {
            // A linear scan: it runs only after a full check, which costs a thousand
            // times more than scanning a few hundred entries.
            let oldest = self
                .last_used
                .iter()
                .min_by_key(|(_, last_used)| **last_used)
                .map(|(tag, _)| *tag);
            if let Some(oldest) = oldest {
                self.last_used.remove(&oldest);
            }
        }
        if capacity > 0 {
            self.last_used.insert(tag, self.clock);
        }
    }
}

/// What a memo tells apart: the integers a check is a function of.
pub trait Checked {
    /// Every integer the check reads, in a fixed order.
    fn integers(&self) -> Vec<&[u8]>;
}

impl Checked for RsaPrivateComponents {
    fn integers(&self) -> Vec<&[u8]> {
        vec![
            &self.public.n,
            &self.public.e,
            &self.d,
            &self.p,
            &self.q,
            &self.dmp1,
            &self.dmq1,
            &self.iqmp,
        ]
    }
}

impl Checked for DhParameterComponents {
    fn integers(&self) -> Vec<&[u8]> {
        // An absent q and an empty one are told apart by the count of integers.
        let mut integers: Vec<&[u8]> = vec![&self.p, &self.g];
        integers.extend(self.q.as_deref());
        integers
    }
}

/// A bounded memo of values that passed a check (see the module's documentation).
pub struct ValidationMemo {
    tag_key: Zeroizing<[u8; 32]>,
    capacity: usize,
    entries: Mutex<Entries>,
    full_checks: AtomicU64,
    hits: AtomicU64,
}

impl ValidationMemo {
    /// An empty memo holding at most `capacity` keys, with a fresh random tag key.
    pub fn new(capacity: usize) -> Result<Self> {
        let mut tag_key = Zeroizing::new([0u8; 32]);
        crate::random_bytes(tag_key.as_mut())?;
        Ok(ValidationMemo {
            tag_key,
            capacity,
            entries: Mutex::new(Entries::default()),
            full_checks: AtomicU64::new(0),
            hits: AtomicU64::new(0),
        })
    }

    /// Whether `components` pass `check`: answered from the memo when these exact
    /// integers passed before, otherwise by running `check` (and remembering a pass).
    pub fn passes<T: Checked>(
        &self,
        components: &T,
        check: impl FnOnce(&T) -> Result<bool>,
    ) -> Result<bool> {
        let tag = self.tag(components)?;
        if self.lock().touch(&tag) {
            self.hits.fetch_add(1, Ordering::Relaxed);
            return Ok(true);
        }
        self.full_checks.fetch_add(1, Ordering::Relaxed);
        let passed = check(components)?;
        if passed {
            self.lock().insert(tag, self.capacity);
        }
        Ok(passed)
    }

    pub fn stats(&self) -> MemoStats {
        MemoStats {
            full_checks: self.full_checks.load(Ordering::Relaxed),
            hits: self.hits.load(Ordering::Relaxed),
            entries: self.lock().last_used.len(),
            capacity: self.capacity,
        }
    }

    /// The HMAC of the integers, each preceded by its length so that no two different
    /// values give the same input.
    fn tag(&self, components: &impl Checked) -> Result<Tag> {
        let mut mac = Hmac::new(HashAlgorithm::Sha256, self.tag_key.as_ref())?;
        let integers = components.integers();
        mac.update(&(integers.len() as u64).to_be_bytes())?;
        for integer in integers {
            // usize -> u64 is lossless on every platform Rust supports.
            mac.update(&(integer.len() as u64).to_be_bytes())?;
            mac.update(integer)?;
        }
        let mut tag = [0u8; 32];
        mac.finalize_into(&mut tag)?;
        Ok(tag)
    }

    fn lock(&self) -> MutexGuard<'_, Entries> {
        // A panic cannot happen while the lock is held (map updates only), and if one did
        // the entries would still only hold tags of keys that passed.
        self.entries.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// The memo `RsaPrivateKey::from_components` uses, made on first use. None if no random
/// tag key could be drawn: then every key is checked in full.
pub fn rsa_keys() -> Option<&'static ValidationMemo> {
    static MEMO: OnceLock<Option<ValidationMemo>> = OnceLock::new();
    MEMO.get_or_init(|| ValidationMemo::new(CAPACITY).ok())
        .as_ref()
}

/// The memo of DH groups that passed DH_check (`dh`), made on first use; None as above.
pub fn dh_groups() -> Option<&'static ValidationMemo> {
    static MEMO: OnceLock<Option<ValidationMemo>> = OnceLock::new();
    MEMO.get_or_init(|| ValidationMemo::new(CAPACITY).ok())
        .as_ref()
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::AtomicUsize;

    use super::*;
    use crate::rsa::{RsaPrivateKey, RsaPublicComponents};

    /// Components that are not a real key: the memo never looks inside them.
    fn fake_key(seed: u8) -> RsaPrivateComponents {
        let secret = |byte: u8| Zeroizing::new(vec![byte; 64]);
        RsaPrivateComponents {
            public: RsaPublicComponents {
                n: vec![seed; 128],
                e: vec![1, 0, 1],
            },
            d: secret(seed),
            p: secret(seed ^ 1),
            q: secret(seed ^ 2),
            dmp1: secret(seed ^ 3),
            dmq1: secret(seed ^ 4),
            iqmp: secret(seed ^ 5),
        }
    }

    #[test]
    fn a_passing_key_is_checked_once() {
        let memo = ValidationMemo::new(4).unwrap();
        let key = fake_key(1);
        let checks = AtomicUsize::new(0);
        let check = |_: &RsaPrivateComponents| {
            checks.fetch_add(1, Ordering::Relaxed);
            Ok(true)
        };
        for _ in 0..3 {
            assert!(memo.passes(&key, check).unwrap());
        }
        assert_eq!(checks.load(Ordering::Relaxed), 1);
        let stats = memo.stats();
        assert_eq!((stats.full_checks, stats.hits, stats.entries), (1, 2, 1));
    }

    #[test]
    fn a_failing_key_is_checked_every_time() {
        let memo = ValidationMemo::new(4).unwrap();
        let key = fake_key(2);
        for _ in 0..3 {
            assert!(!memo.passes(&key, |_| Ok(false)).unwrap());
        }
        // An error from the check is not a pass either.
        let failure = || Err(crate::Error::InvalidKey("no"));
        assert!(memo.passes(&key, |_| failure()).is_err());
        let stats = memo.stats();
        assert_eq!((stats.full_checks, stats.hits, stats.entries), (4, 0, 0));
    }

    #[test]
    fn any_changed_byte_is_a_different_key() {
        let memo = ValidationMemo::new(64).unwrap();
        let key = fake_key(3);
        assert!(memo.passes(&key, |_| Ok(true)).unwrap());
        let mut variants = Vec::new();
        let mut changed = key.clone();
        changed.public.n[0] ^= 1;
        variants.push(changed);
        let mut changed = key.clone();
        changed.public.e.push(0);
        variants.push(changed);
        for field in 0..6 {
            let mut changed = key.clone();
            let integer = match field {
                0 => &mut changed.d,
                1 => &mut changed.p,
                2 => &mut changed.q,
                3 => &mut changed.dmp1,
                4 => &mut changed.dmq1,
                _ => &mut changed.iqmp,
            };
            integer[63] ^= 0x80;
            variants.push(changed);
        }
        // Moving a byte from one integer to the next keeps the concatenation.
        let mut shifted = key.clone();
        let moved = shifted.p.pop().unwrap();
        shifted.q.insert(0, moved);
        variants.push(shifted);
        for variant in &variants {
            assert!(!memo.passes(variant, |_| Ok(false)).unwrap());
        }
        assert_eq!(memo.stats().full_checks, 1 + variants.len() as u64);
    }

    #[test]
    fn the_least_recently_used_key_goes_first() {
        let memo = ValidationMemo::new(3).unwrap();
        let keys: Vec<_> = (10..14).map(fake_key).collect();
        let pass = |_: &RsaPrivateComponents| Ok(true);
        for key in &keys[..3] {
            memo.passes(key, pass).unwrap();
        }
        // Key 0 is used again, so key 1 is now the oldest; adding key 3 drops it.
        memo.passes(&keys[0], pass).unwrap();
        memo.passes(&keys[3], pass).unwrap();
        assert_eq!(memo.stats().entries, 3);
        let full_checks = memo.stats().full_checks;
        for key in [&keys[0], &keys[2], &keys[3]] {
            memo.passes(key, |_| panic!("remembered keys are not checked"))
                .unwrap();
        }
        assert_eq!(memo.stats().full_checks, full_checks);
        memo.passes(&keys[1], pass).unwrap();
        assert_eq!(memo.stats().full_checks, full_checks + 1);
        // A memo of no keys remembers nothing.
        let empty = ValidationMemo::new(0).unwrap();
        empty.passes(&keys[0], pass).unwrap();
        empty.passes(&keys[0], pass).unwrap();
        assert_eq!((empty.stats().full_checks, empty.stats().entries), (2, 0));
    }

    #[test]
    fn tags_are_keyed_per_memo() {
        let key = fake_key(4);
        let (first, second) = (
            ValidationMemo::new(1).unwrap(),
            ValidationMemo::new(1).unwrap(),
        );
        assert_ne!(first.tag(&key).unwrap(), second.tag(&key).unwrap());
        assert_eq!(first.tag(&key).unwrap(), first.tag(&key).unwrap());
    }

    #[test]
    fn concurrent_loads_of_a_mix_of_keys() {
        // Eight threads, sixteen keys of which the odd ones fail: every verdict is right,
        // failing keys are checked on every load, passing ones at most once per thread.
        let memo = ValidationMemo::new(8).unwrap();
        let keys: Vec<_> = (0..16).map(fake_key).collect();
        let checks: Vec<_> = (0..16).map(|_| AtomicUsize::new(0)).collect();
        const ROUNDS: usize = 50;
        std::thread::scope(|scope| {
            for thread in 0..8 {
                let (memo, keys, checks) = (&memo, &keys, &checks);
                scope.spawn(move || {
                    for round in 0..ROUNDS {
                        let index = (thread + round) % 16;
                        let check = |_: &RsaPrivateComponents| {
                            checks[index].fetch_add(1, Ordering::Relaxed);
                            Ok(index % 2 == 0)
                        };
                        assert_eq!(memo.passes(&keys[index], check).unwrap(), index % 2 == 0);
                    }
                });
            }
        });
        let stats = memo.stats();
        assert_eq!(stats.full_checks + stats.hits, 8 * ROUNDS as u64);
        assert!(stats.entries <= 8);
        let loads_of = |index: usize| {
            (0..8)
                .flat_map(|thread| (0..ROUNDS).map(move |round| (thread + round) % 16))
                .filter(|&loaded| loaded == index)
                .count()
        };
        for (index, count) in checks.iter().enumerate() {
            let count = count.load(Ordering::Relaxed);
            if index % 2 == 1 {
                assert_eq!(count, loads_of(index));
            } else {
                assert!((1..=loads_of(index)).contains(&count));
            }
        }
    }

    #[test]
    fn real_keys_through_the_process_memo() {
        let key = RsaPrivateKey::generate(65537, 1024).unwrap();
        let components = key.components().clone();
        let memo = rsa_keys().unwrap();
        // The process memo is shared with the other tests: count this key's checks only.
        let checks = AtomicUsize::new(0);
        let counted = |c: &RsaPrivateComponents| {
            checks.fetch_add(1, Ordering::Relaxed);
            crate::rsa::key_is_consistent(c)
        };
        assert!(memo.passes(&components, counted).unwrap());
        assert!(memo.passes(&components, counted).unwrap());
        assert_eq!(checks.load(Ordering::Relaxed), 1);
        let mut broken = components.clone();
        let last = broken.d.len() - 1;
        broken.d[last] ^= 2;
        for _ in 0..2 {
            assert!(!memo.passes(&broken, counted).unwrap());
        }
        assert_eq!(checks.load(Ordering::Relaxed), 3);
        assert!(RsaPrivateKey::from_components(&components, true).is_ok());
        assert!(RsaPrivateKey::from_components(&broken, true).is_err());
    }
}
