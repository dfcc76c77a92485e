//! The `video:` block of front matter: one video or a list of them.

use std::fmt;

use serde::de::value::{MapAccessDeserializer, SeqAccessDeserializer};
use serde::de::{MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer};

/// One video as front matter describes it.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct VideoSpec {
    pub title: Option<String>,
    /// A film in the page bundle (MP4 or WebM).
    pub src: Option<String>,
    /// Its captions, a WebVTT file in the page bundle. Required with `src`.
    pub captions: Option<String>,
    /// A `.md` or `.txt` file in the page bundle, or the transcript itself (Markdown).
    pub transcript: Option<String>,
    /// A YouTube video ID or address.
    pub youtube: Option<String>,
    /// A Vimeo video number or address.
    pub vimeo: Option<String>,
}

/// `video:` is one video or a list of them.
#[derive(Debug, Clone, PartialEq)]
pub struct Videos {
    pub list: Vec<VideoSpec>,
    /// Written as a list, so fields are named `video[1].captions` in messages.
    pub is_list: bool,
}

impl<'de> Deserialize<'de> for Videos {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct OneOrMany;
        impl<'de> Visitor<'de> for OneOrMany {
            type Value = Videos;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                write!(
                    f,
                    "{}",
                    crate::locale::Message::new(crate::locale::catalogue::Content::VideoExpected)
                )
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Videos, A::Error> {
                let one = VideoSpec::deserialize(MapAccessDeserializer::new(map))?;
                Ok(Videos {
                    list: vec![one],
                    is_list: false,
                })
            }
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Videos, A::Error> {
                let list = Vec::deserialize(SeqAccessDeserializer::new(seq))?;
                Ok(Videos {
                    list,
                    is_list: true,
                })
            }
        }
        deserializer.deserialize_any(OneOrMany)
    }
}
