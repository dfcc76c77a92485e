//! Fingerprints: quick (not cryptographic) hashes that tell whether what a page or a file is
//! made of changed since the last build.

use std::hash::{DefaultHasher, Hash, Hasher};

/// The fingerprint of a value (bytes, strings, tuples of them, …).
pub(crate) fn of(value: impl Hash) -> u64 {
    let mut h = DefaultHasher::new();
    value.hash(&mut h);
    h.finish()
}
