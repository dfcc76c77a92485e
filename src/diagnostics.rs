//! Problems found in a site's content, reported with file, line, field and a hint.
//!
//! A build collects every [`Diagnostic`] it can find before giving up, so an editor
//! sees all broken files at once instead of fixing them one run at a time.

use std::borrow::Cow;
use std::fmt;
use std::path::{Path, PathBuf};

use crate::locale::catalogue::Cli;
use crate::locale::{language, Lang, Message};

/// How serious a problem is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum Severity {
    /// Reported, but the site is still built.
    Warning,
    /// The site is not built (or, for `check`, the command fails).
    Error,
}

impl Severity {
    /// "error" or "warning", as messages start (in English: a stable name for programs).
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }

    /// The word messages start with, in `lang`.
    pub fn word(self, lang: Lang) -> String {
        let key = match self {
            Severity::Error => Cli::Error,
            Severity::Warning => Cli::Warning,
        };
        Message::new(key).render(lang)
    }
}

/// One problem in one file.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Path of the file, relative to the site root where possible.
    pub file: PathBuf,
    /// 1-based line number in `file`, when known.
    pub line: Option<usize>,
    /// The front matter field or setting concerned, when there is one.
    pub field: Option<String>,
    /// What is wrong, rendered in the user's language when shown.
    pub message: Message,
    /// What the editor should do about it.
    pub hint: Option<Message>,
}

impl Diagnostic {
    /// An error in `file`.
    pub fn error(file: impl AsRef<Path>, message: impl Into<Message>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            file: file.as_ref().to_path_buf(),
            line: None,
            field: None,
            message: message.into(),
            hint: None,
        }
    }

    /// A warning in `file`.
    pub fn warning(file: impl AsRef<Path>, message: impl Into<Message>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(file, message)
        }
    }

    pub fn at_line(mut self, line: Option<usize>) -> Self {
        self.line = line;
        self
    }

    pub fn field(mut self, field: impl Into<String>) -> Self {
        self.field = Some(field.into());
        self
    }

    pub fn hint(mut self, hint: impl Into<Message>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub fn with_severity(mut self, severity: Severity) -> Self {
        self.severity = severity;
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl Diagnostic {
    /// The problem as the terminal shows it, in `lang`:
    /// `error: content/posts/a.md:3: field `date`: … \n  hint: …`.
    pub fn render(&self, lang: Lang) -> String {
        let file = self.file.display().to_string();
        let mut out = format!("{}: {}", self.severity.word(lang), terminal_safe(&file));
        if let Some(line) = self.line {
            out.push_str(&format!(":{line}"));
        }
        out.push_str(": ");
        if let Some(field) = &self.field {
            let field = Message::new(Cli::Field).arg("field", terminal_safe(field).as_ref());
            out.push_str(&format!("{}: ", field.render(lang)));
        }
        out.push_str(&terminal_safe(&self.message.render(lang)));
        if let Some(hint) = &self.hint {
            out.push_str(&format!(
                "\n  {}: {}",
                Message::new(Cli::Hint).render(lang),
                terminal_safe(&hint.render(lang))
            ));
        }
        out
    }
}

/// Shown in the language chosen for this run ([`crate::locale::set_language`]).
impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(language()))
    }
}

/// `text` with its control characters other than tab and line feed written as escapes
/// (`\u{1b}`): messages quote content, and an ESC or a carriage return from a file must not
/// drive the terminal (colours, moved cursor, a rewritten line) or a CI log.
pub fn terminal_safe(text: &str) -> Cow<'_, str> {
    let escaped = |c: char| c.is_control() && !matches!(c, '\t' | '\n');
    if !text.contains(escaped) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if escaped(c) {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Many diagnostics, sorted for stable output.
#[derive(Debug, Default, Clone)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    pub fn push(&mut self, d: Diagnostic) {
        self.0.push(d);
    }

    pub fn extend(&mut self, ds: impl IntoIterator<Item = Diagnostic>) {
        self.0.extend(ds);
    }

    pub fn has_errors(&self) -> bool {
        self.0.iter().any(Diagnostic::is_error)
    }

    pub fn error_count(&self) -> usize {
        self.0.iter().filter(|d| d.is_error()).count()
    }

    pub fn sort(&mut self) {
        self.0
            .sort_by(|a, b| (&a.file, a.line, &a.message).cmp(&(&b.file, b.line, &b.message)));
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for d in &self.0 {
            writeln!(f, "{d}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_from_content_are_escaped_for_the_terminal() {
        let d = Diagnostic::warning(
            "content/posts/a\u{1b}]0;x\u{7}.md",
            "the image `\u{1b}[2J\u{0}` x",
        )
        .at_line(Some(3))
        .field("t\u{9b}31m")
        .hint("line one\n\tline two\r");
        assert_eq!(
            d.to_string(),
            "warning: content/posts/a\\u{1b}]0;x\\u{7}.md:3: field `t\\u{9b}31m`: the image `\\u{1b}[2J\\u{0}` x\n  hint: line one\n\tline two\\u{d}"
        );
    }

    #[test]
    fn a_diagnostic_is_rendered_in_the_language_asked_for() {
        use crate::locale::catalogue::Content;
        let d = Diagnostic::error(
            "content/site.yaml",
            crate::locale::msg!(Content::InvalidDate, value = "24.11.2026"),
        )
        .at_line(Some(7))
        .field("accessibility.statement.published")
        .hint(crate::locale::msg!(Content::DateAs, date = "2026-11-24"));
        assert_eq!(
            d.render(Lang::Pl),
            "błąd: content/site.yaml:7: pole `accessibility.statement.published`: `24.11.2026` to nie jest poprawna data\n  wskazówka: daty pisz jako RRRR-MM-DD: `2026-11-24`"
        );
        assert_eq!(
            d.render(Lang::En),
            "error: content/site.yaml:7: field `accessibility.statement.published`: `24.11.2026` is not a valid date\n  hint: write dates as YYYY-MM-DD: `2026-11-24`"
        );
        // Displayed in the language of the run: English unless the command line chose.
        assert_eq!(d.to_string(), d.render(Lang::En));
    }
}
