//! Problems found in a site's content, reported with file, line, field and a hint.
//!
//! A build collects every [`Diagnostic`] it can find before giving up, so an editor
//! sees all broken files at once instead of fixing them one run at a time.

use std::borrow::Cow;
use std::fmt;
use std::path::{Path, PathBuf};

/// How serious a problem is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum Severity {
    /// Reported, but the site is still built.
    Warning,
    /// The site is not built (or, for `check`, the command fails).
    Error,
}

impl Severity {
    /// "error" or "warning", as messages start.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// One problem in one file.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Path of the file, relative to the site root where possible.
    pub file: PathBuf,
    /// 1-based line number in `file`, when known.
    pub line: Option<usize>,
    /// The front matter field or setting concerned, when there is one.
    pub field: Option<String>,
    pub message: String,
    /// What the editor should do about it.
    pub hint: Option<String>,
}

impl Diagnostic {
    /// An error in `file`.
    pub fn error(file: impl AsRef<Path>, message: impl Into<String>) -> Self {
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
    pub fn warning(file: impl AsRef<Path>, message: impl Into<String>) -> Self {
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

    pub fn hint(mut self, hint: impl Into<String>) -> Self {
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

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let file = self.file.display().to_string();
        write!(f, "{}: {}", self.severity.as_str(), terminal_safe(&file))?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        write!(f, ": ")?;
        if let Some(field) = &self.field {
            write!(f, "field `{}`: ", terminal_safe(field))?;
        }
        write!(f, "{}", terminal_safe(&self.message))?;
        if let Some(hint) = &self.hint {
            write!(f, "\n  hint: {}", terminal_safe(hint))?;
        }
        Ok(())
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
}
