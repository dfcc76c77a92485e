//! Turning `cover:` and `gallery:` into checked photos: the file exists inside the site,
//! the alt text describes it, consent is recorded where the site requires it.

use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};

use serde::Deserialize;

use super::{alt, is_photo, privacy};
use crate::config::ImageSettings;
use crate::content::meta::photo::{GallerySpec, PhotoSpec};
use crate::content::DocumentRef;
use crate::diagnostics::Diagnostic;
use crate::locale::catalogue::Photos as M;
use crate::locale::{msg, Message};

/// The sidecar file of `gallery: { dir: … }` with alt texts.
pub const SIDECAR: &str = "alt.yaml";

/// A checked photo of a document.
#[derive(Debug, Clone, PartialEq)]
pub struct Photo {
    /// Canonical path of the file, inside the site.
    pub source: PathBuf,
    /// Empty for decorative photos.
    pub alt: String,
    pub caption: Option<String>,
}

/// The photos of one document.
#[derive(Debug, Clone, Default)]
pub struct DocumentPhotos {
    pub cover: Option<Photo>,
    pub gallery: Vec<Photo>,
    /// The photos of the text, by number.
    pub text: Vec<Photo>,
}

impl DocumentPhotos {
    /// Every photo, each as often as it is shown.
    pub fn all(&self) -> impl Iterator<Item = &Photo> {
        self.cover.iter().chain(&self.gallery).chain(&self.text)
    }
}

/// One entry of the sidecar: just the alt text, or the same fields as in front matter.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum SidecarEntry {
    Alt(String),
    // Its own fields, not a `PhotoSpec`: an untagged newtype struct would also take a YAML
    // list (serde reads structs from sequences), turning a typo into a photo without alt.
    Full {
        #[serde(default)]
        alt: Option<String>,
        #[serde(default)]
        caption: Option<String>,
        #[serde(default)]
        people: bool,
        #[serde(default)]
        consent: bool,
        #[serde(default)]
        child: bool,
        #[serde(default)]
        guardian_consent: bool,
        #[serde(default)]
        decorative: bool,
    },
}

struct Context<'a> {
    root: &'a Path,
    doc: &'a DocumentRef<'a>,
    settings: &'a ImageSettings,
    problems: Vec<Diagnostic>,
}

impl Context<'_> {
    /// The line of the front matter that mentions `needle`, else the line of `key`.
    fn line(&self, needle: &str, key: &str) -> Option<usize> {
        self.doc
            .yaml
            .lines()
            .position(|l| !needle.is_empty() && l.contains(needle))
            .map(|i| self.doc.yaml_line + i)
            .or_else(|| {
                crate::content::front_matter::key_line(self.doc.yaml, self.doc.yaml_line, key)
            })
    }

    fn error(&mut self, field: &str, line: Option<usize>, message: Message, hint: M) {
        self.problems.push(
            Diagnostic::error(self.doc.path, message)
                .field(field)
                .at_line(line)
                .hint(hint),
        );
    }

    /// Checks one photo written as `spec` at `field` (e.g. `gallery[2]`).
    fn photo(&mut self, field: &str, spec: &PhotoSpec, base: &Path) -> Option<Photo> {
        let line = self.line(&spec.src, field.split('[').next().unwrap_or(field));
        let source = match locate(self.root, &spec.src, base) {
            Ok(source) => source,
            Err((message, hint)) => {
                self.error(&format!("{field}.src"), line, message, hint);
                return None;
            }
        };
        let alt_text = match (&spec.alt, spec.decorative) {
            (_, true) => String::new(),
            (Some(a), false) => {
                if let Some(why) = alt::problem(a) {
                    self.error(
                        &format!("{field}.alt"),
                        line,
                        msg!(
                            M::BadAlt,
                            why = Message::new(why),
                            alt = a.trim(),
                            src = &spec.src
                        ),
                        M::BadAltHint,
                    );
                    return None;
                }
                a.trim().to_string()
            }
            (None, false) => {
                self.error(
                    &format!("{field}.alt"),
                    line,
                    msg!(M::NoAlt, src = &spec.src),
                    M::NoAltHint,
                );
                return None;
            }
        };
        if spec.people && !spec.consent && self.settings.require_consent {
            self.error(
                &format!("{field}.consent"),
                line,
                msg!(M::NoConsent, src = &spec.src),
                M::NoConsentHint,
            );
            return None;
        }
        let parts = [
            ("alt", M::PartAlt, Some(&alt_text)),
            ("caption", M::PartCaption, spec.caption.as_ref()),
        ];
        for (part, named, text) in parts {
            if text.is_some_and(|t| privacy::may_reveal_assistance(t)) {
                self.problems.push(
                    Diagnostic::warning(
                        self.doc.path,
                        msg!(
                            M::RevealsAssistance,
                            part = Message::new(named),
                            src = &spec.src
                        ),
                    )
                    .field(format!("{field}.{part}"))
                    .at_line(line)
                    .hint(M::RevealsAssistanceHint),
                );
            }
        }
        // RODO art. 8 and the civil code's image right: a child's photo needs a guardian's
        // consent on every site, not only where `require_consent` is on.
        if spec.child && !spec.guardian_consent {
            self.error(
                &format!("{field}.guardian_consent"),
                line,
                msg!(M::ChildNoConsent, src = &spec.src),
                M::ChildNoConsentHint,
            );
            return None;
        }
        Some(Photo {
            source,
            alt: alt_text,
            caption: spec
                .caption
                .as_ref()
                .map(|c| c.trim().to_string())
                .filter(|c| !c.is_empty()),
        })
    }

    /// Every photo of a folder in name order, with alt texts from its sidecar file.
    fn folder(&mut self, dir_name: &str) -> Vec<Photo> {
        let line = self.line(dir_name, "gallery");
        let Some(dir) = self.locate_dir(line, dir_name) else {
            return Vec::new();
        };
        let sidecar_path = dir.join(SIDECAR);
        let sidecar_rel = self
            .doc
            .path
            .with_file_name(Path::new(dir_name).join(SIDECAR));
        // A link or FIFO named alt.yaml is there too, and refused when read.
        let text = if sidecar_path.symlink_metadata().is_ok() {
            // Read like documents: size limit, BOM and CRLF, UTF-8 checked.
            match crate::content::read_text(self.root, &sidecar_path) {
                Ok(text) => Some(text),
                Err(d) => {
                    self.problems.push(d);
                    return Vec::new();
                }
            }
        } else {
            None
        };
        let entries: BTreeMap<String, SidecarEntry> = match text {
            Some(text) => match crate::content::yaml::from_str(&text) {
                Ok(map) => map,
                Err(e) => {
                    self.problems.push(
                        Diagnostic::error(
                            &sidecar_rel,
                            msg!(M::BadSidecar, detail = crate::content::yaml::describe(&e)),
                        )
                        .at_line(e.location().map(|l| l.line()))
                        .hint(M::BadSidecarHint),
                    );
                    return Vec::new();
                }
            },
            None => BTreeMap::new(),
        };
        let mut files: Vec<PathBuf> = match std::fs::read_dir(&dir) {
            Ok(rd) => rd
                .flatten()
                .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
                .map(|e| e.path())
                .filter(|p| is_photo(p))
                .filter(|p| {
                    !p.file_name()
                        .is_some_and(|n| crate::fingerprint::is_ignored_name(&n.to_string_lossy()))
                })
                .collect(),
            Err(_) => Vec::new(),
        };
        files.sort();
        let mut photos = Vec::new();
        for file in files {
            let name = file
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let spec = match entries.get(&name) {
                Some(SidecarEntry::Alt(a)) => PhotoSpec {
                    src: name.clone(),
                    alt: Some(a.clone()),
                    ..PhotoSpec::default()
                },
                Some(SidecarEntry::Full {
                    alt,
                    caption,
                    people,
                    consent,
                    child,
                    guardian_consent,
                    decorative,
                }) => PhotoSpec {
                    src: name.clone(),
                    alt: alt.clone(),
                    caption: caption.clone(),
                    people: *people,
                    consent: *consent,
                    child: *child,
                    guardian_consent: *guardian_consent,
                    decorative: *decorative,
                },
                None => {
                    self.problems.push(
                        Diagnostic::error(&sidecar_rel, msg!(M::NoAlt, src = &name))
                            .field(name.clone())
                            .hint(msg!(M::SidecarNoAltHint, name = &name, file = SIDECAR)),
                    );
                    continue;
                }
            };
            let field = format!("gallery.dir/{name}");
            if let Some(photo) = self.photo(&field, &spec, &dir) {
                photos.push(photo);
            }
        }
        for name in entries.keys() {
            if !dir.join(name).is_file() {
                self.problems.push(
                    Diagnostic::warning(&sidecar_rel, msg!(M::DescribedNoPhoto, name = name))
                        .hint(M::DescribedNoPhotoHint),
                );
            }
        }
        photos
    }

    fn locate_dir(&mut self, line: Option<usize>, dir_name: &str) -> Option<PathBuf> {
        let rel = Path::new(dir_name);
        let inside = !rel.is_absolute()
            && rel
                .components()
                .all(|c| matches!(c, Component::Normal(_) | Component::CurDir));
        let dir = self.doc.dir.join(rel);
        match dir.canonicalize() {
            Ok(c) if inside && c.starts_with(self.root) && c.is_dir() => Some(c),
            _ => {
                self.error(
                    "gallery.dir",
                    line,
                    msg!(M::NoFolder, dir = dir_name),
                    M::NoFolderHint,
                );
                None
            }
        }
    }
}

/// Finds the photo `src` relative to `base`, refusing anything that leads out of the
/// document's folder or the site (`root`, canonical), what is no photo, and HEIC; `Err` is
/// the message and hint, for the caller to report where `src` was written. The one way a
/// photo's file is found: of the front matter here, of the text by its renderer.
pub fn locate(root: &Path, src: &str, base: &Path) -> Result<PathBuf, (Message, M)> {
    let rel = Path::new(src);
    let escapes = rel.is_absolute()
        || src.starts_with('\\')
        || src.contains(':')
        || rel
            .components()
            .any(|c| !matches!(c, Component::Normal(_) | Component::CurDir));
    if escapes {
        return Err((msg!(M::OutsideFolder, src = src), M::OutsideFolderHint));
    }
    if !is_photo(rel) {
        return Err(if super::is_heic(rel) {
            (msg!(M::Heic, src = src), M::HeicHint)
        } else {
            (msg!(M::NotAPhoto, src = src), M::NotAPhotoHint)
        });
    }
    let path = base.join(rel);
    match path.canonicalize() {
        Ok(canonical) if canonical.starts_with(root) && canonical.is_file() => Ok(canonical),
        Ok(_) => Err((msg!(M::LinkOutside, src = src), M::LinkHint)),
        Err(_) if path.is_symlink() => Err((msg!(M::BrokenLink, src = src), M::LinkHint)),
        Err(_) => Err((msg!(M::Missing, src = src), M::MissingHint)),
    }
}

/// Resolves and checks the photos of one document. `root` must be canonical.
pub fn resolve(
    root: &Path,
    doc: &DocumentRef<'_>,
    settings: &ImageSettings,
) -> (DocumentPhotos, Vec<Diagnostic>) {
    let mut cx = Context {
        root,
        doc,
        settings,
        problems: Vec::new(),
    };
    let base = doc.dir.to_path_buf();
    let cover = doc.cover.and_then(|spec| cx.photo("cover", spec, &base));
    let gallery = match doc.gallery {
        None => Vec::new(),
        Some(GallerySpec::List(list)) => list
            .iter()
            .enumerate()
            .filter_map(|(i, spec)| cx.photo(&format!("gallery[{i}]"), spec, &base))
            .collect(),
        Some(GallerySpec::Dir(d)) => cx.folder(&d.dir),
    };
    // Found and checked by the text's renderer, through [`locate`].
    let text = (doc.text_photos.iter())
        .map(|photo| Photo {
            source: photo.path.clone(),
            alt: photo.alt.clone(),
            caption: None,
        })
        .collect();
    let photos = DocumentPhotos {
        cover,
        gallery,
        text,
    };
    (photos, cx.problems)
}
