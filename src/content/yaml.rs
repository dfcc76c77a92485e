//! Reading YAML written by editors with a bound on its size after aliases are expanded.
//!
//! serde_yaml limits nesting (128 levels) and alias jumps, but its jump limit grows with the
//! length of the document: a few kilobytes of "billion laughs" (`&a [*b, *b, …]` nine levels
//! deep) padded with ordinary values still take seconds and hundreds of megabytes. Every
//! value is therefore counted first, aliases at each use, and the text is refused as soon as
//! the count passes [`MAX_VALUES`], before anything is built from it.

use std::cell::Cell;
use std::fmt;

use serde::de::{
    DeserializeOwned, DeserializeSeed, Deserializer, EnumAccess, Error as _, MapAccess, SeqAccess,
    VariantAccess, Visitor,
};

/// The most values (texts, numbers, lists, mappings; an alias counts as everything it
/// stands for) one YAML file may hold. Generous for a gallery of hundreds of photos.
pub const MAX_VALUES: usize = 20_000;

/// The start of the error message for YAML over [`MAX_VALUES`], for hints.
pub const TOO_MANY_VALUES: &str = "too many values";

/// Parses `text` like `serde_yaml::from_str`, refusing it first if it holds more than
/// [`MAX_VALUES`] values once aliases are expanded.
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, serde_yaml::Error> {
    check_size(text)?;
    serde_yaml::from_str(text)
}

/// Counts the values of `text` (aliases expanded), stopping with an error past [`MAX_VALUES`].
pub fn check_size(text: &str) -> Result<(), serde_yaml::Error> {
    let count = Cell::new(0);
    for document in serde_yaml::Deserializer::from_str(text) {
        Counter(&count).deserialize(document)?;
    }
    Ok(())
}

/// Visits every value, adding one to the shared count for each.
#[derive(Clone, Copy)]
struct Counter<'a>(&'a Cell<usize>);

impl Counter<'_> {
    fn tick<E: serde::de::Error>(self) -> Result<(), E> {
        let n = self.0.get() + 1;
        self.0.set(n);
        if n > MAX_VALUES {
            return Err(E::custom(format_args!(
                "{TOO_MANY_VALUES} (more than {MAX_VALUES}, counting each use of an alias `*name` as all it stands for)"
            )));
        }
        Ok(())
    }
}

impl<'de> DeserializeSeed<'de> for Counter<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Counter<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any YAML value")
    }

    fn visit_bool<E: serde::de::Error>(self, _: bool) -> Result<(), E> {
        self.tick()
    }
    fn visit_i64<E: serde::de::Error>(self, _: i64) -> Result<(), E> {
        self.tick()
    }
    fn visit_i128<E: serde::de::Error>(self, _: i128) -> Result<(), E> {
        self.tick()
    }
    fn visit_u64<E: serde::de::Error>(self, _: u64) -> Result<(), E> {
        self.tick()
    }
    fn visit_u128<E: serde::de::Error>(self, _: u128) -> Result<(), E> {
        self.tick()
    }
    fn visit_f64<E: serde::de::Error>(self, _: f64) -> Result<(), E> {
        self.tick()
    }
    fn visit_str<E: serde::de::Error>(self, _: &str) -> Result<(), E> {
        self.tick()
    }
    fn visit_bytes<E: serde::de::Error>(self, _: &[u8]) -> Result<(), E> {
        self.tick()
    }
    fn visit_unit<E: serde::de::Error>(self) -> Result<(), E> {
        self.tick()
    }
    fn visit_none<E: serde::de::Error>(self) -> Result<(), E> {
        self.tick()
    }
    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
    fn visit_newtype_struct<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        self.tick()?;
        while seq.next_element_seed(self)?.is_some() {}
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        self.tick()?;
        while map.next_key_seed(self)?.is_some() {
            map.next_value_seed(self)?;
        }
        Ok(())
    }

    /// A tagged value (`!tag value`).
    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<(), A::Error> {
        self.tick()?;
        let ((), variant) = data.variant_seed(self)?;
        variant.newtype_variant_seed(self).map_err(A::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, Instant};

    /// "Billion laughs": nine levels of nine aliases each, after `padding` ordinary values.
    pub(crate) fn alias_bomb(padding: usize) -> String {
        let mut y = String::from("title: Bomba\nextra:\n  pad: [");
        y.push_str(&vec!["x"; padding].join(", "));
        y.push_str("]\n  a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for level in 1..10 {
            let refs = vec![format!("*a{}", level - 1); 9].join(", ");
            y.push_str(&format!("  a{level}: &a{level} [{refs}]\n"));
        }
        y
    }

    #[test]
    fn alias_bombs_end_quickly_with_an_error() {
        for padding in [0, 5_000, 15_000] {
            let start = Instant::now();
            let e = from_str::<serde_yaml::Value>(&alias_bomb(padding)).expect_err("bomb");
            assert!(
                start.elapsed() < Duration::from_secs(2),
                "{padding}: {:?}",
                start.elapsed()
            );
            assert!(e.to_string().contains(TOO_MANY_VALUES), "{e}");
        }
    }

    #[test]
    fn ordinary_yaml_with_aliases_and_tags_is_read() {
        let v: serde_yaml::Value = from_str("a: &x [1, 2]\nb: *x\nc: !tag {d: e}\n").expect("fine");
        assert_eq!(v["b"], v["a"]);
    }

    #[test]
    fn many_plain_values_are_refused() {
        let list = format!("[{}]", vec!["1"; MAX_VALUES + 1].join(","));
        assert!(from_str::<serde_yaml::Value>(&list).is_err());
        let list = format!("[{}]", vec!["1"; MAX_VALUES - 1].join(","));
        assert!(from_str::<serde_yaml::Value>(&list).is_ok());
    }
}
