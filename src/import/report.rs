//! What an import did: how much of each kind came in, what was left out and why, and what a
//! person still has to do, document by document. Shown at the end and written as a file.

use std::collections::BTreeMap;

use crate::locale::catalogue::Import as M;
use crate::locale::{msg, Message};

/// Something a person has to look at in one imported document.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum ToDo {
    /// A photo with no usable alt text got the placeholder (its file name).
    Alt(String),
    /// A photo not found in the uploads folder (its path there).
    PhotoMissing(String),
    /// A file there that is not a photo tablica can use.
    NotAPhoto(String),
    /// No uploads folder given: the photo at this address was not copied.
    NoUploads(String),
    /// A file attached in WordPress that is not a photo (a PDF, a recording …): not copied.
    Attachment(String),
    /// A shortcode left in the text as written.
    Shortcode(String),
    /// A block made by WordPress when shown (latest posts …): left out.
    Block(String),
    /// An element removed with its content (`iframe`, `script` …).
    Removed(String),
    /// An element kept as HTML.
    KeptHtml(String),
    NoTitle,
    NoDate,
    /// Was to be published at this date: kept as a draft.
    Scheduled(String),
    /// Was private: kept as a draft.
    Private,
    /// More than one category: the first is `category:`, the rest became tags.
    MoreCategories(Vec<String>),
    /// Its parent page was left out, so it is a top-level page.
    ParentLeftOut,
}

impl ToDo {
    fn message(&self) -> Message {
        match self {
            ToDo::Alt(file) => msg!(M::NeedsAlt, file = file.as_str()),
            ToDo::PhotoMissing(path) => msg!(M::PhotoMissing, path = path.as_str()),
            ToDo::NotAPhoto(path) => msg!(
                M::NotAPhoto,
                path = path.as_str(),
                max = crate::content::file::MAX_PHOTO_BYTES >> 20
            ),
            ToDo::NoUploads(url) => msg!(M::NoUploads, url = url.as_str()),
            ToDo::Attachment(url) => msg!(M::AttachmentNotCopied, url = url.as_str()),
            ToDo::Shortcode(name) => msg!(M::ShortcodeLeft, name = name.as_str()),
            ToDo::Block(name) => msg!(M::BlockLeftOut, name = name.as_str()),
            ToDo::Removed(name) => msg!(M::ElementRemoved, name = name.as_str()),
            ToDo::KeptHtml(name) => msg!(M::ElementKept, name = name.as_str()),
            ToDo::NoTitle => Message::new(M::NeedsTitle),
            ToDo::NoDate => Message::new(M::NeedsDate),
            ToDo::Scheduled(date) => msg!(M::WasScheduled, date = date.as_str()),
            ToDo::Private => Message::new(M::WasPrivate),
            ToDo::MoreCategories(rest) => msg!(M::MoreCategories, categories = rest.join(", ")),
            ToDo::ParentLeftOut => Message::new(M::ParentLeftOut),
        }
    }
}

/// Why an item of the export was not imported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum LeftOut {
    Password,
    Trash,
    /// An empty draft WordPress saves by itself (`auto-draft`).
    AutoDraft,
}

/// The whole account of an import.
#[derive(Debug, Default)]
pub struct Report {
    /// The site the export came from.
    pub source: String,
    pub posts: u64,
    pub pages: u64,
    /// Of those, kept as drafts.
    pub drafts: u64,
    pub photos: u64,
    /// Attachments none of the imported documents uses.
    pub unused_attachments: u64,
    /// Items of other kinds (menu entries, revisions, blocks …) by WordPress's name of the kind.
    pub other_kinds: BTreeMap<String, u64>,
    /// Left out: title, WordPress id, why.
    pub left_out: Vec<(String, u64, LeftOut)>,
    /// Per written document (its path in the site): what needs a person.
    pub to_do: Vec<(String, Vec<ToDo>)>,
}

impl Report {
    /// Photos still waiting for an alt text.
    pub fn placeholders(&self) -> usize {
        self.to_do
            .iter()
            .flat_map(|(_, t)| t)
            .filter(|t| matches!(t, ToDo::Alt(_)))
            .count()
    }

    /// The report, in the run's language.
    pub fn render(&self) -> String {
        let mut out = vec![
            msg!(M::ReportTitle, site = self.source.as_str()).to_string(),
            msg!(
                M::Imported,
                posts = self.posts,
                pages = self.pages,
                drafts = self.drafts,
                photos = self.photos
            )
            .to_string(),
            String::new(),
            Message::new(M::LeftOutHeading).to_string(),
        ];
        let before = out.len();
        for (kind, n) in &self.other_kinds {
            let why = match kind.as_str() {
                "nav_menu_item" => M::KindMenu,
                "revision" => M::KindRevision,
                _ => M::KindOther,
            };
            out.push(format!("  - {}", msg!(why, n = *n, kind = kind.as_str())));
        }
        if self.unused_attachments > 0 {
            out.push(format!(
                "  - {}",
                msg!(M::UnusedAttachments, n = self.unused_attachments)
            ));
        }
        for (title, id, why) in &self.left_out {
            let why = match why {
                LeftOut::Password => M::LeftOutPassword,
                LeftOut::Trash => M::LeftOutTrash,
                LeftOut::AutoDraft => M::LeftOutAutoDraft,
            };
            out.push(format!(
                "  - {}",
                msg!(why, title = title.as_str(), id = *id)
            ));
        }
        if out.len() == before {
            out.push(format!("  {}", Message::new(M::Nothing)));
        }
        out.push(String::new());
        let files = self.to_do.iter().filter(|(_, t)| !t.is_empty()).count() as u64;
        out.push(msg!(M::ToDoHeading, files = files).to_string());
        for (file, items) in self.to_do.iter().filter(|(_, t)| !t.is_empty()) {
            out.push(format!("  {file}"));
            out.extend(items.iter().map(|t| format!("    - {}", t.message())));
        }
        if self.placeholders() > 0 {
            out.push(String::new());
            out.push(msg!(M::AltHint, n = self.placeholders() as u64).to_string());
        }
        out.join("\n") + "\n"
    }
}
