//! `tablica import wordpress EXPORT.xml [--uploads DIR] [--into SITE]`: a WordPress export
//! (WXR) as a tablica site.
//!
//! Everything is planned in memory first ([`plan`]): the documents, the photos to copy, the
//! report. Only when no file of the site would be overwritten is anything written, so an
//! import either writes all of it or nothing of it.

mod document;
mod html;
mod media;
mod plan;
mod shortcodes;
mod write;
mod wxr;

use std::fs;
use std::path::{Path, PathBuf};

use crate::import::report::Report;
use crate::locale::catalogue::Import as M;
use crate::locale::{msg, Message};
use crate::scaffold;

/// The largest export read: its whole tree is held in memory.
pub const MAX_EXPORT_MB: u64 = 512;

/// What to import, from where, into where.
#[derive(Debug, Clone)]
pub struct Options {
    pub export: PathBuf,
    /// A copy of `wp-content/uploads`.
    pub uploads: Option<PathBuf>,
    /// The site folder: an existing tablica site, or an empty or new folder.
    pub into: PathBuf,
    /// Today's date, for items without one and a new site's accessibility statement.
    pub today: chrono::NaiveDate,
}

/// Why nothing was imported.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{}", msg!(M::CannotRead, file = file.as_str(), error = error.as_str()))]
    Read { file: String, error: String },
    #[error("{}", msg!(M::TooLarge, file = file.as_str(), max = MAX_EXPORT_MB))]
    TooLarge { file: String },
    #[error("{}", msg!(M::NotXml, file = file.as_str(), line = *line, detail = detail.as_str()))]
    Xml {
        file: String,
        line: u32,
        detail: String,
    },
    #[error("{}", msg!(M::NotWxr, file = file.as_str()))]
    NotWxr { file: String },
    #[error("{}", msg!(M::UploadsMissing, dir = dir.as_str()))]
    UploadsMissing { dir: String },
    #[error("{}", msg!(M::NotEmpty, dir = dir.as_str()))]
    NotEmpty { dir: String },
    #[error("{}", msg!(M::WouldOverwrite, n = files.len(), files = files.iter().map(|f| format!("  {f}")).collect::<Vec<_>>().join("\n")))]
    WouldOverwrite { files: Vec<String> },
    #[error("{}", msg!(M::Linked, path = path.as_str()))]
    Linked { path: String },
    #[error("{}", msg!(M::CannotWrite, path = path.as_str(), error = error.as_str()))]
    Write { path: String, error: String },
}

impl ImportError {
    /// What to do about it.
    pub fn hint(&self) -> Option<Message> {
        let key = match self {
            ImportError::Read { .. } | ImportError::NotWxr { .. } => M::CannotReadHint,
            ImportError::TooLarge { .. } => M::TooLargeHint,
            ImportError::Xml { .. } => M::NotXmlHint,
            ImportError::UploadsMissing { .. } => M::UploadsMissingHint,
            ImportError::NotEmpty { .. } => M::NotEmptyHint,
            ImportError::WouldOverwrite { .. } => M::WouldOverwriteHint,
            ImportError::Linked { .. } => M::LinkedHint,
            ImportError::Write { .. } => return None,
        };
        Some(Message::new(key))
    }
}

/// A finished import: its report and the file it was also written to.
#[derive(Debug)]
pub struct Outcome {
    pub report: Report,
    pub report_file: PathBuf,
    /// The site folder, for the next steps.
    pub site: PathBuf,
}

/// The report, where it is kept, and what to do next.
impl std::fmt::Display for Outcome {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.report.render())?;
        let file = shown(&self.report_file);
        writeln!(f, "\n{}", msg!(M::Done, file = file))?;
        writeln!(f, "{}", msg!(M::NextSteps, dir = shown(&self.site)))
    }
}

fn shown(path: &Path) -> String {
    path.display().to_string()
}

/// Reads the export as tablica reads every file: a regular file, not a link, bounded in size.
fn read_export(path: &Path) -> Result<String, ImportError> {
    let file = shown(path);
    let bytes = match crate::content::file::read(path, MAX_EXPORT_MB * 1024 * 1024) {
        Ok(bytes) => bytes,
        Err(crate::content::file::ReadError::TooLarge { .. }) => {
            return Err(ImportError::TooLarge { file })
        }
        Err(e) => {
            return Err(ImportError::Read {
                file,
                error: e.message().to_string(),
            })
        }
    };
    String::from_utf8(bytes).map_err(|e| ImportError::Read {
        file,
        error: e.to_string(),
    })
}

/// Whether `dir` is a tablica site; an error when it is neither a site nor empty.
fn is_site(dir: &Path) -> Result<bool, ImportError> {
    if dir.join("content").join("site.yaml").is_file() {
        return Ok(true);
    }
    let empty = match fs::read_dir(dir) {
        Ok(mut entries) => entries.next().is_none(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => true,
        Err(_) => false,
    };
    if empty {
        Ok(false)
    } else {
        Err(ImportError::NotEmpty { dir: shown(dir) })
    }
}

/// The settings of a new site: the old site's name and address, its top pages in the menu.
fn new_site_settings(
    export: &wxr::Export,
    documents: &[document::Document],
    today: chrono::NaiveDate,
) -> String {
    let given = scaffold::Given {
        name: Some(export.channel.title.clone()).filter(|t| scaffold::check_text(t).is_ok()),
        base_url: Some(format!("{}/", export.channel.link.trim_end_matches('/')))
            .filter(|u| scaffold::check_base_url(u).is_ok()),
        ..scaffold::Given::default()
    };
    let answers = given.or_examples().unwrap_or_else(|_| {
        scaffold::Given::default()
            .or_examples()
            .expect("the examples are valid")
    });
    let mut menu = vec![(
        Message::new(M::News).to_string(),
        "/aktualnosci/".to_string(),
    )];
    for doc in documents.iter().filter(|d| !d.draft) {
        let Ok(rest) = doc.path.strip_prefix("content/pages") else {
            continue;
        };
        let top = rest.components().count() == 1
            || (rest.components().count() == 2 && rest.ends_with("index.md"));
        let title = doc.text.lines().find_map(|l| l.strip_prefix("title: "));
        if let (true, Some(title)) = (top && menu.len() < 7, title) {
            let slug = doc.text.lines().find_map(|l| l.strip_prefix("slug: "));
            let title: String = serde_json::from_str(title).unwrap_or_default();
            menu.push((title, format!("/{}/", slug.unwrap_or_default())));
        }
    }
    scaffold::settings(&answers, today, &menu)
}

/// Imports the export into the site folder, or writes nothing and says why.
pub fn import(options: &Options) -> Result<Outcome, ImportError> {
    let text = read_export(&options.export)?;
    let export = wxr::parse(&text).map_err(|e| match e {
        wxr::WxrError::Xml { line, detail } => ImportError::Xml {
            file: shown(&options.export),
            line,
            detail,
        },
        wxr::WxrError::NotWxr => ImportError::NotWxr {
            file: shown(&options.export),
        },
    })?;
    if let Some(dir) = &options.uploads {
        if !dir.is_dir() {
            return Err(ImportError::UploadsMissing { dir: shown(dir) });
        }
    }
    let existing = is_site(&options.into)?;
    let (documents, report) = plan::plan(&export, options.uploads.as_deref(), options.today);
    let report_file = options.into.join(Message::new(M::ReportFile).to_string());
    let mut writes: Vec<(PathBuf, Vec<u8>)> = Vec::new();
    let mut copies: Vec<(PathBuf, PathBuf)> = Vec::new();
    if !existing {
        let settings = new_site_settings(&export, &documents, options.today);
        writes.push((
            options.into.join("content/site.yaml"),
            settings.into_bytes(),
        ));
        writes.push((
            options.into.join(".gitignore"),
            scaffold::GITIGNORE.as_bytes().to_vec(),
        ));
    }
    for doc in &documents {
        let path = options.into.join(&doc.path);
        let folder = path.parent().map(Path::to_path_buf).unwrap_or_default();
        copies.extend(
            doc.copies
                .iter()
                .map(|(name, from)| (folder.join(name), from.clone())),
        );
        writes.push((path, doc.text.clone().into_bytes()));
    }
    writes.push((report_file.clone(), report.render().into_bytes()));
    // A folder of the site that is a link would take the writes elsewhere: refused up front.
    let targets = writes
        .iter()
        .map(|(p, _)| p)
        .chain(copies.iter().map(|(p, _)| p));
    if let Some(link) = targets
        .filter_map(|p| write::link_on_the_way(&options.into, p))
        .next()
    {
        return Err(ImportError::Linked { path: shown(&link) });
    }
    // A document is one whether written `x.md` or `x/index.md`: either form taken is taken.
    let other_form = |p: &Path| match p.file_name() {
        Some(n) if n == "index.md" => p.parent().map(|d| d.with_extension("md")),
        _ if p.extension().is_some_and(|e| e == "md") => {
            Some(p.with_extension("").join("index.md"))
        }
        _ => None,
    };
    let taken: Vec<String> = writes
        .iter()
        .map(|(p, _)| p)
        .chain(copies.iter().map(|(p, _)| p))
        .flat_map(|p| [Some(p.clone()), other_form(p)])
        .flatten()
        .filter(|p| p.symlink_metadata().is_ok())
        .map(|p| shown(&p))
        .collect();
    if !taken.is_empty() {
        return Err(ImportError::WouldOverwrite { files: taken });
    }
    // Should writing fail half-way (a full disk), what was written goes again: all or nothing.
    write::write_site(&options.into, &writes, &copies)?;
    Ok(Outcome {
        report,
        report_file,
        site: options.into.clone(),
    })
}
