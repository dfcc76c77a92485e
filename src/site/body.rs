//! A document's body: its Markdown rendered with linked bundle documents described, its videos
//! resolved, and what the checks found reported as the site configures them.

use std::path::Path;

use super::attachments;
use super::video::{self, VideoContext};
use super::Media;
use crate::config::Config;
use crate::content::meta::video::Videos;
use crate::content::{self, Document};
use crate::diagnostics::Diagnostic;
use crate::fingerprint::FileStamp;
use crate::markdown::{self, Check, LinkNote, MarkdownOptions, Rendered};

/// Renders a document's text and resolves its videos, reporting what the checks found.
/// Links to documents in the bundle get their type and size in the link text.
pub(super) fn render_body<M>(
    config: &Config,
    doc: &Document<M>,
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
    let mut text = markdown::render_with_links(&doc.body, doc.body_line, md, &mut links);
    report_findings(config, &doc.path, &mut text, problems);
    let videos = match videos {
        None => Vec::new(),
        Some(videos) => {
            let depth = doc.path.components().count();
            let root = doc.abs_path.ancestors().nth(depth).unwrap_or(Path::new(""));
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
    (text, Media { videos, files })
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
