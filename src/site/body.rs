//! A document's body: its Markdown rendered with linked bundle documents described, its videos
//! resolved, and what the checks found reported as the site configures them.

use std::path::Path;

use super::attachments::{self, BundleProblem};
use super::video::{self, VideoContext};
use super::Media;
use crate::config::Config;
use crate::content::meta::video::Videos;
use crate::content::TextPhoto;
use crate::content::{self, Document};
use crate::diagnostics::Diagnostic;
use crate::fingerprint::FileStamp;
use crate::locale::catalogue::{Documents, Photos};
use crate::locale::{msg, Message};
use crate::markdown::{self, Check, ImageNote, LinkNote, MarkdownOptions, Rendered, TextImage};

/// Renders a document's text and resolves its videos, reporting what the checks found.
/// Links to documents in the bundle get their type and size in the link text; photos of the
/// bundle the text shows (by name, or by their address below the document's own, `path`)
/// become its text photos, for the photo stage.
pub(super) fn render_body<M>(
    config: &Config,
    doc: &Document<M>,
    path: Option<&str>,
    videos: Option<&Videos>,
    md: MarkdownOptions,
    problems: &mut Vec<Diagnostic>,
) -> (Rendered, Media) {
    let bundle = content::is_bundle_index(&doc.abs_path).then_some(doc.dir.as_path());
    let lang = config.language;
    let mut files = Vec::new();
    let mut links = |url: &str| {
        let Some(name) = attachments::linked_document(url) else {
            return LinkNote::Keep;
        };
        match attachments::bundle_document(bundle, &name) {
            Ok((path, info)) => {
                files.push(path);
                LinkNote::Describe(info.label(lang))
            }
            Err(problem) => {
                let what = crate::locale::catalogue::Documents::LinkedDocument;
                let (message, hint) = problem.describe(what, &name);
                LinkNote::Problem { message, hint }
            }
        }
    };
    let mut photos = Vec::new();
    let own = path.map(|p| format!("{}{p}", config.root));
    let depth = doc.path.components().count();
    let root = doc.abs_path.ancestors().nth(depth).unwrap_or(Path::new(""));
    // Canonical, as the photo stage compares with it; found only for a text with photos.
    let mut canonical = None;
    let mut images = |image: TextImage| {
        let root = canonical.get_or_insert_with(|| root.canonicalize().unwrap_or(root.into()));
        text_photo(bundle, root, own.as_deref(), image, &mut photos)
    };
    let mut text = markdown::render_with(&doc.body, doc.body_line, md, &mut links, &mut images);
    report_findings(config, &doc.path, &mut text, problems);
    let videos = match videos {
        None => Vec::new(),
        Some(videos) => {
            let cx = VideoContext {
                root,
                doc: &doc.path,
                yaml: &doc.yaml,
                yaml_line: doc.yaml_line,
                bundle,
                lang,
            };
            let mut found = Vec::new();
            let mut transcript = |file: &Path, body: &str, line: usize| {
                let mut text = markdown::render(body, line, md);
                report_findings(config, file, &mut text, &mut found);
                text.html
            };
            let resolved = video::resolve(&cx, videos, problems, &mut files, &mut transcript);
            problems.extend(found);
            resolved
        }
    };
    files.sort();
    files.dedup();
    let files = files
        .into_iter()
        .map(|p| {
            let stamp = FileStamp::of(&p);
            (p, stamp)
        })
        .collect();
    let media = Media {
        videos,
        photos,
        files,
    };
    (text, media)
}

/// What an image of the text is: a photo of the bundle (`plakat.jpg`, or `/…/plakat.jpg`
/// below the document's own address `own`) is added to `photos`; another address on the site
/// is kept with a warning that it is not checked. `root`: the site's folder, canonical.
fn text_photo(
    bundle: Option<&Path>,
    root: &Path,
    own: Option<&str>,
    image: TextImage,
    photos: &mut Vec<TextPhoto>,
) -> ImageNote {
    let url = image.url.trim();
    let name = match url.strip_prefix('/') {
        None => Some(url.strip_prefix("./").unwrap_or(url).to_string()),
        Some(_) => (own.and_then(|own| url.strip_prefix(own)))
            .filter(|rest| !rest.contains('/'))
            .and_then(crate::url::percent_decode),
    };
    let Some(name) = name else {
        return ImageNote::Unchecked {
            message: msg!(Photos::TextPhotoElsewhere, url = url),
            hint: Photos::TextPhotoElsewhereHint.into(),
        };
    };
    let problem = |message: Message, hint: Message| ImageNote::Problem { message, hint };
    let file = Path::new(&name);
    if !(crate::gallery::is_photo(file) || crate::gallery::is_heic(file)) {
        // Not meant as a photo (`![x](x)`): left out with a warning, as it always was.
        return ImageNote::Keep;
    }
    if !image.alt.is_empty() {
        if let Some(why) = crate::gallery::alt::problem(image.alt) {
            let why = Message::new(why);
            let message = msg!(Photos::BadAlt, why = why, alt = image.alt, src = &name);
            return problem(message, Photos::BadAltTextHint.into());
        }
    }
    let Some(bundle) = bundle else {
        let (message, hint) = BundleProblem::NotABundle.describe(Documents::TextPhoto, &name);
        return problem(message, hint);
    };
    // Found as the photos of the front matter are: inside the post's folder and the site,
    // there, a photo, not HEIC.
    match crate::gallery::resolve::locate(root, &name, bundle) {
        Ok(path) => {
            photos.push(TextPhoto {
                path,
                alt: image.alt.to_string(),
                line: image.line,
            });
            ImageNote::Photo(photos.len() - 1)
        }
        Err((message, hint)) => problem(message, hint.into()),
    }
}

/// Adds the findings of rendered Markdown from `file` to `problems`, as the site configures
/// their severity.
fn report_findings(
    config: &Config,
    file: &Path,
    rendered: &mut Rendered,
    problems: &mut Vec<Diagnostic>,
) {
    for f in std::mem::take(&mut rendered.findings) {
        let level = match f.check {
            Check::HeadingLevels => config.checks.heading_levels.severity(),
            Check::EmptyLinkText => config.checks.empty_link_text.severity(),
            Check::VagueLinkText => config.checks.vague_link_text.severity(),
            Check::ImageAlt => config.checks.image_alt.severity(),
            Check::TableHeader => config.checks.table_header.severity(),
            Check::FrameTitle => config.checks.frame_title.severity(),
            // The address was removed and the page still builds; the editor should know.
            Check::Unsafe => Some(crate::diagnostics::Severity::Warning),
            Check::Document => Some(crate::diagnostics::Severity::Error),
        };
        if let Some(severity) = level {
            problems.push(
                Diagnostic::error(file, f.message)
                    .with_severity(severity)
                    .at_line(Some(f.line))
                    .hint(f.hint),
            );
        }
    }
}
