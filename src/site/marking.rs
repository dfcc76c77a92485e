//! The marking of funded projects, checked: the images of signs read and re-encoded (only real
//! pictures, no metadata), the EU wording's fields by programming period, and the state
//! budget's amounts. What the rules ask is in docs/content-format.md ("Marking of funding").

use std::io::Cursor;
use std::path::Path;
use std::sync::Arc;

use crate::config::Config;
use crate::content::file;
use crate::content::meta::marking::{Period, SignsSpec};
use crate::content::meta::ProjectMeta;
use crate::content::{self, Document};
use crate::diagnostics::Diagnostic;
use crate::locale::catalogue::Marking as M;
use crate::locale::{msg, Message};

use super::{attachments, ProjectEntry};

/// The most signs a strip may have (the EU emblem, the Funds' sign, the colours of Poland and
/// a region's sign).
pub const MAX_SIGNS: usize = 4;
/// The largest file of signs read, and the most pixels decoded: a strip is a small picture.
const MAX_BYTES: u64 = 8 << 20;
const MAX_PIXELS: u64 = 16_000_000;

/// A picture the site supplies (a strip of signs, a logo, a favicon), decoded and written
/// again as PNG, which drops whatever metadata the original carried.
#[derive(Clone)]
pub struct Picture {
    /// The file name in the output (`pasek-fe.png`).
    pub name: String,
    pub png: Arc<Vec<u8>>,
    pub width: u32,
    pub height: u32,
}

impl std::fmt::Debug for Picture {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Picture({}, {}×{})", self.name, self.width, self.height)
    }
}

/// An image of signs, with its alt text made of the names of its signs.
#[derive(Debug, Clone)]
pub struct Signs {
    pub picture: Picture,
    pub alt: String,
}

impl std::ops::Deref for Signs {
    type Target = Picture;
    fn deref(&self) -> &Picture {
        &self.picture
    }
}

/// Whether a sign's name is the EU emblem's ("Znak Unii Europejskiej", "flaga UE", "EU emblem").
fn names_the_eu(sign: &str) -> bool {
    let lower = sign.to_lowercase();
    let words: Vec<&str> = lower.split(|c: char| !c.is_alphanumeric()).collect();
    (lower.contains("uni") && lower.contains("europ"))
        || lower.contains("european union")
        || words.iter().any(|w| matches!(*w, "ue" | "eu"))
}

/// The names of the signs checked: 1 to [`MAX_SIGNS`], the EU emblem among them when `eu`.
fn check_names(spec: &SignsSpec, eu: bool) -> Result<String, (Message, Message)> {
    let signs: Vec<&str> = (spec.signs.iter())
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .collect();
    if signs.is_empty() {
        return Err((M::NoSigns.into(), M::NoSignsHint.into()));
    }
    if signs.len() > MAX_SIGNS {
        return Err((
            msg!(M::TooManySigns, n = signs.len()),
            M::TooManySignsHint.into(),
        ));
    }
    if eu && !signs.iter().any(|s| names_the_eu(s)) {
        return Err((M::NoEuSign.into(), M::NoEuSignHint.into()));
    }
    Ok(signs.join(", "))
}

/// Reads the picture at `path`: only a real picture, at most [`MAX_BYTES`] and [`MAX_PIXELS`].
pub fn picture(path: &Path) -> Result<Picture, (Message, Message)> {
    let bytes = file::read(path, MAX_BYTES).map_err(|e| (e.message(), e.hint()))?;
    let not_an_image = |error: Message| {
        (
            msg!(M::NotAnImage, error = error),
            Message::from(M::NotAnImageHint),
        )
    };
    let image = crate::gallery::process::decode(&bytes, MAX_PIXELS).map_err(not_an_image)?;
    let mut png = Vec::new();
    image
        .write_to(&mut Cursor::new(&mut png), image::ImageFormat::Png)
        .map_err(|e| not_an_image(Message::text(e.to_string())))?;
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok(Picture {
        name: format!("{}.png", crate::slug::slugify(&stem)),
        png: Arc::new(png),
        width: image.width(),
        height: image.height(),
    })
}

/// Reads the image of signs at `path` as `spec` names it.
pub fn read(path: &Path, spec: &SignsSpec, eu: bool) -> Result<Signs, (Message, Message)> {
    let alt = check_names(spec, eu)?;
    Ok(Signs {
        picture: picture(path)?,
        alt,
    })
}

/// The file `src` names below `content/`, when it is a plain relative path.
fn in_content(root: &Path, src: &str) -> Result<std::path::PathBuf, (Message, Message)> {
    let plain = !src.is_empty()
        && !src.starts_with(['/', '\\'])
        && !src.contains(':')
        && Path::new(src)
            .components()
            .all(|c| matches!(c, std::path::Component::Normal(_)));
    if !plain {
        return Err((msg!(M::NotInContent, src = src), M::NotInContentHint.into()));
    }
    Ok(root.join(content::CONTENT_DIR).join(src))
}

/// Reads a picture site.yaml names by its path below `content/`: an image of signs (`spec`
/// with `eu` when it is the EU's strip) or, without `spec`, a logo or favicon.
fn read_from_settings(
    root: &Path,
    file: &Path,
    field: &str,
    src: &str,
    spec: Option<(&SignsSpec, bool)>,
) -> Result<Signs, Diagnostic> {
    let read = || {
        let path = in_content(root, src)?;
        match spec {
            Some((spec, eu)) => read(&path, spec, eu),
            None => Ok(Signs {
                picture: picture(&path)?,
                alt: String::new(),
            }),
        }
    };
    read().map_err(|(message, hint)| Diagnostic::error(file, message).field(field).hint(hint))
}

/// The pictures site.yaml supplies, read.
#[derive(Debug, Clone, Default)]
pub struct SitePictures {
    /// The strip of EU projects (2021–2027) without one of their own.
    pub eu: Option<Signs>,
    /// The flag and emblem of Poland.
    pub state: Option<Signs>,
    /// The logo or coat of arms beside the site's name.
    pub logo: Option<Picture>,
    pub favicon: Option<Picture>,
}

/// Reads the pictures of site.yaml (`marking:`, `brand:`); warns when `projects` use the state
/// budget's marking and the site supplies no flag and emblem.
pub(super) fn site_pictures(
    config: &Config,
    root: &Path,
    projects: &[Arc<ProjectEntry>],
    problems: &mut Vec<Diagnostic>,
) -> SitePictures {
    let (marking, brand) = (&config.marking, &config.brand);
    let mut read_one = |field: &str, src: Option<&String>, spec: Option<(&SignsSpec, bool)>| {
        read_from_settings(root, &config.file, field, src?, spec)
            .map_err(|d| problems.push(d))
            .ok()
    };
    let pictures = SitePictures {
        eu: read_one(
            "marking.eu_strip",
            marking.eu_strip.as_ref().map(|s| &s.src),
            marking.eu_strip.as_ref().map(|s| (s, true)),
        ),
        state: read_one(
            "marking.state_signs",
            marking.state_signs.as_ref().map(|s| &s.src),
            marking.state_signs.as_ref().map(|s| (s, false)),
        ),
        logo: read_one("brand.logo", brand.logo.as_ref(), None).map(|s| s.picture),
        favicon: read_one("brand.favicon", brand.favicon.as_ref(), None).map(|s| s.picture),
    };
    let state_projects = (projects.iter())
        .filter(|p| p.doc.meta.state_budget.is_some())
        .count();
    if state_projects > 0 && marking.state_signs.is_none() {
        problems.push(
            Diagnostic::warning(&config.file, msg!(M::NoStateSigns, n = state_projects))
                .field("marking.state_signs")
                .hint(M::NoStateSignsHint),
        );
    }
    pictures
}

/// The project's marking checked: the strip of its folder read, the fund of a 2014–2020
/// project and the state budget's programme and amounts present. Problems are reported;
/// the strip is `None` when there is none or it is broken.
pub(super) fn check_project(
    doc: &Document<ProjectMeta>,
    problems: &mut Vec<Diagnostic>,
) -> Option<Signs> {
    let mut strip = None;
    if let Some(f) = &doc.meta.funding {
        if f.period == Period::From2014 && f.is_eu() && f.fund.is_none() && f.strip.is_none() {
            problems.push(
                Diagnostic::error(&doc.path, M::NoFund)
                    .field("funding.fund")
                    .at_line(doc.line_of("funding"))
                    .hint(M::NoFundHint),
            );
        }
        if let Some(spec) = &f.strip {
            let bundle = content::is_bundle_index(&doc.abs_path).then_some(doc.dir.as_path());
            let found = attachments::bundle_file(bundle, &spec.src)
                .map_err(|p| p.describe(M::SignsImage, &spec.src))
                .and_then(|path| read(&path, spec, true));
            match found {
                Ok(signs) => strip = Some(signs),
                Err((message, hint)) => problems.push(
                    Diagnostic::error(&doc.path, message)
                        .field("funding.strip")
                        .at_line(doc.line_in("funding", "strip"))
                        .hint(hint),
                ),
            }
        }
    }
    if let Some(s) = &doc.meta.state_budget {
        let error = |field: &str, message: M, hint: M| {
            Diagnostic::error(&doc.path, message)
                .field(format!("state_budget.{field}"))
                .at_line(doc.line_in("state_budget", field))
                .hint(hint)
        };
        if s.programme.as_deref().is_none_or(|p| p.trim().is_empty()) {
            problems.push(error(
                "programme",
                M::StateNoProgramme,
                M::StateNoProgrammeHint,
            ));
        }
        match (s.amount, s.total_value) {
            (Some(amount), Some(total)) if amount > total || amount < 0.0 => {
                problems.push(error("amount", M::StateTooLarge, M::StateNoAmountHint));
            }
            (Some(_), Some(_)) => {}
            (None, _) => problems.push(error("amount", M::StateNoAmount, M::StateNoAmountHint)),
            (_, None) => {
                problems.push(error("total_value", M::StateNoAmount, M::StateNoAmountHint))
            }
        }
    }
    strip
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::locale::catalogue::Key;

    fn spec(signs: &[&str]) -> SignsSpec {
        SignsSpec {
            src: "pasek.png".into(),
            signs: signs.iter().map(|s| s.to_string()).collect(),
        }
    }

    #[test]
    fn the_alt_text_names_every_sign_and_the_eu_emblem_is_among_them() {
        let names = [
            "Znak Funduszy Europejskich",
            "Barwy Rzeczypospolitej Polskiej",
            "Znak Unii Europejskiej",
        ];
        assert_eq!(
            check_names(&spec(&names), true).expect("three signs"),
            "Znak Funduszy Europejskich, Barwy Rzeczypospolitej Polskiej, Znak Unii Europejskiej"
        );
        let without_eu = check_names(&spec(&names[..2]), true).expect_err("no EU emblem");
        assert_eq!(without_eu.0.key, Key::from(M::NoEuSign));
        assert!(check_names(&spec(&["Flaga RP", "Godło RP"]), false).is_ok());
        assert!(names_the_eu("flaga UE"));
        assert!(!names_the_eu("Fundusze Europejskie dla Mazowsza"));
    }

    #[test]
    fn a_strip_has_one_to_four_signs() {
        let five = ["a", "b", "c", "Znak UE", "e"];
        let (message, _) = check_names(&spec(&five), true).expect_err("five signs");
        assert_eq!(message.key, Key::from(M::TooManySigns));
        let (message, _) = check_names(&spec(&["  "]), true).expect_err("no sign");
        assert_eq!(message.key, Key::from(M::NoSigns));
        assert!(check_names(&spec(&five[..4]), true).is_ok());
    }
}
