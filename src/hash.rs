//! FNV-1a, 64 bits: a small, stable hash, the same on every run and every machine (not for
//! security). A PDF's /ID and a font subset's tag are made from it, and the Kaggle reader's hash
//! maps use it for their short keys.

use std::hash::{BuildHasher, Hasher};

/// FNV-1a of `bytes`.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    let mut hasher = Fnv1a::default();
    hasher.write(bytes);
    hasher.finish()
}

/// The FNV-1a state, fed byte by byte: hashing two slices one after the other gives the hash of
/// the two joined.
#[derive(Debug, Clone, Copy)]
pub struct Fnv1a(u64);

impl Default for Fnv1a {
    fn default() -> Self {
        Self(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv1a {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
}

/// A hash map's hasher: `HashMap<K, V, Fnv>`. No untrusted party picks the keys to collide
/// where podium uses it, and on short keys it is noticeably faster than the default.
#[derive(Debug, Default, Clone, Copy)]
pub struct Fnv;

impl BuildHasher for Fnv {
    type Hasher = Fnv1a;

    fn build_hasher(&self) -> Fnv1a {
        Fnv1a::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv1a_gives_the_published_values_and_streams() {
        // The reference values of the FNV-1a 64-bit test suite.
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a(b"foobar"), 0x8594_4171_f739_67e8);
        let mut hasher = Fnv.build_hasher();
        hasher.write(b"foo");
        hasher.write(b"bar");
        assert_eq!(hasher.finish(), fnv1a(b"foobar"));
    }
}
