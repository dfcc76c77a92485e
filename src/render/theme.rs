//! The theme: the built-in default theme, with any file overridden from the site's
//! `themes/<name>/` folder. Loads the Tera templates, the translations and the static files.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use include_dir::Dir;
use serde_json::Value;
use tera::Tera;

use crate::content::yaml;
use crate::fingerprint;
use crate::locale::catalogue::Templates;
use crate::locale::{self, msg, Lang, Message};
use crate::theme_names::DEFAULT_THEME;

/// Where the site's theme overrides live, relative to the site root.
pub const THEMES_DIR: &str = "themes";

/// Problems with the theme itself (not with content).
#[derive(Debug, thiserror::Error)]
pub enum ThemeError {
    #[error("{}", self.message())]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}", self.message())]
    NotText { path: PathBuf },
    #[error("{}", self.message())]
    Template(#[from] tera::Error),
    #[error("{}", self.message())]
    Translations { path: String, message: String },
    #[error("{}", self.message())]
    MissingLanguage(&'static str),
}

impl ThemeError {
    /// What is wrong, in the catalogue's words.
    fn message(&self) -> Message {
        match self {
            ThemeError::Read { path, source } => msg!(
                Templates::CannotRead,
                path = path.display().to_string(),
                error = source.to_string()
            ),
            ThemeError::NotText { path } => {
                msg!(Templates::NotText, path = path.display().to_string())
            }
            ThemeError::Template(e) => msg!(Templates::Template, error = chain(e)),
            ThemeError::Translations { path, message } => {
                msg!(Templates::Translations, path = path, error = message)
            }
            ThemeError::MissingLanguage(lang) => msg!(Templates::MissingLanguage, lang = *lang),
        }
    }
}

/// A file of the theme: built in, or overridden by the site.
#[derive(Debug, Clone)]
pub enum ThemeFile {
    Builtin(&'static [u8]),
    Site(PathBuf),
}

impl ThemeFile {
    /// The file's bytes.
    pub fn read(&self) -> std::io::Result<std::borrow::Cow<'static, [u8]>> {
        match self {
            ThemeFile::Builtin(b) => Ok(std::borrow::Cow::Borrowed(b)),
            ThemeFile::Site(p) => {
                crate::content::file::read(p, crate::content::file::MAX_THEME_FILE_BYTES)
                    .map(std::borrow::Cow::Owned)
                    .map_err(Into::into)
            }
        }
    }
}

/// Interface text of one language.
#[derive(Debug, Clone)]
pub struct Translations {
    pub lang: Lang,
    /// Plain strings by key, given to templates as `t`.
    pub strings: serde_json::Map<String, Value>,
    /// Plural forms: key → form (`one`/`few`/`many`) → text with `{n}`.
    pub plurals: HashMap<String, HashMap<String, String>>,
}

impl Translations {
    /// The text of `key`, or the key itself when the theme lacks it.
    pub fn text<'a>(&'a self, key: &'a str) -> &'a str {
        self.strings.get(key).and_then(Value::as_str).unwrap_or(key)
    }

    /// These texts, with `fallback`'s for the keys they lack: a site's own theme may add
    /// keys to its language's file only.
    fn or_else(mut self, fallback: &Translations) -> Translations {
        for (key, value) in &fallback.strings {
            self.strings
                .entry(key.clone())
                .or_insert_with(|| value.clone());
        }
        for (key, forms) in &fallback.plurals {
            self.plurals
                .entry(key.clone())
                .or_insert_with(|| forms.clone());
        }
        self
    }

    /// "5 zdjęć" for `plural("photos", 5)`.
    pub fn plural(&self, key: &str, n: u64) -> Option<String> {
        let forms = self.plurals.get(key)?;
        let form = locale::plural_form(self.lang, n).key();
        let text = forms.get(form).or_else(|| forms.get("many"))?;
        Some(text.replace("{n}", &n.to_string()))
    }
}

/// The theme in a language other than the site's.
struct Localised {
    lang: Lang,
    translations: Arc<Translations>,
    /// The site language's templates with this language's filters, made when a page first
    /// needs them.
    tera: std::sync::OnceLock<Tera>,
}

/// A loaded theme.
pub struct Theme {
    /// The templates with the filters of the site's language.
    pub tera: Tera,
    pub translations: Arc<Translations>,
    /// The texts of each other language the theme has, for the pages of texts in it
    /// (`language:`), with the templates and that language's filters.
    others: Vec<Localised>,
    /// Files copied to `assets/` in the output, by path below `static/`.
    pub static_files: BTreeMap<PathBuf, ThemeFile>,
    /// A hash of each template's source, by template name, to tell which pages a change
    /// to the theme affects.
    pub template_hashes: BTreeMap<String, u64>,
    /// A hash of the static files and translations.
    pub assets_hash: u64,
}

impl Theme {
    /// The templates and texts for a page in `lang`: the site language's when the theme has
    /// no texts in `lang`.
    pub fn localised(&self, lang: Lang) -> (&Tera, &Arc<Translations>) {
        let Some(other) = self.others.iter().find(|o| o.lang == lang) else {
            return (&self.tera, &self.translations);
        };
        // A copy of the parsed templates: parsing them again would cost as much as the first
        // time, for every language of the theme.
        let tera = other.tera.get_or_init(|| {
            let mut tera = self.tera.clone();
            register_filters(&mut tera, &other.translations);
            tera
        });
        (tera, &other.translations)
    }

    /// The texts for a page in `lang`: the site language's when the theme has no texts in
    /// `lang`. Unlike [`Theme::localised`], this makes no templates.
    pub fn translations(&self, lang: Lang) -> &Arc<Translations> {
        self.others
            .iter()
            .find(|o| o.lang == lang)
            .map_or(&self.translations, |o| &o.translations)
    }

    /// The languages other than the site's the theme has texts for.
    pub fn other_languages(&self) -> impl Iterator<Item = Lang> + '_ {
        self.others.iter().map(|o| o.lang)
    }

    /// Renders the template `name` into the output file `file` with the variables of
    /// `context`: for the whole-site files (feeds, sitemap, robots.txt), which have no page.
    pub fn render(
        &self,
        name: &str,
        file: &Path,
        context: &impl serde::Serialize,
    ) -> Result<String, super::RenderError> {
        let error = |e: tera::Error| super::RenderError {
            page: format!("/{}", file.display()),
            template: name.to_string(),
            message: chain(&e),
        };
        let context = tera::Context::from_serialize(context).map_err(error)?;
        self.tera.render(name, &context).map_err(error)
    }
}

/// All files of the theme (built in, then overridden), by path relative to the theme folder.
fn theme_files(override_dir: &Path) -> Result<BTreeMap<PathBuf, ThemeFile>, ThemeError> {
    let mut files = BTreeMap::new();
    collect_builtin(&DEFAULT_THEME, &mut files);
    if override_dir.is_dir() {
        for entry in walkdir::WalkDir::new(override_dir).follow_links(false) {
            let entry = entry.map_err(|e| ThemeError::Read {
                path: override_dir.to_path_buf(),
                source: e.into(),
            })?;
            let name = entry.file_name().to_string_lossy();
            if !entry.file_type().is_file() || crate::fingerprint::is_ignored_name(&name) {
                continue;
            }
            if let Ok(rel) = entry.path().strip_prefix(override_dir) {
                files.insert(
                    rel.to_path_buf(),
                    ThemeFile::Site(entry.path().to_path_buf()),
                );
            }
        }
    }
    Ok(files)
}

fn collect_builtin(dir: &'static Dir<'static>, files: &mut BTreeMap<PathBuf, ThemeFile>) {
    for f in dir.files() {
        files.insert(f.path().to_path_buf(), ThemeFile::Builtin(f.contents()));
    }
    for d in dir.dirs() {
        collect_builtin(d, files);
    }
}

/// A fingerprint of what [`load`] reads for the theme `name` in `lang`: the site's override
/// files by name, size and time (the built-in files are part of the binary).
pub(crate) fn sources_fingerprint(root: &Path, name: &str, lang: Lang) -> u64 {
    let overrides = fingerprint::of_tree(&root.join(THEMES_DIR).join(name), |_| false);
    fingerprint::of((name, lang.code(), overrides))
}

/// Loads the theme `name` for a site at `root` in language `lang`.
pub fn load(root: &Path, name: &str, lang: Lang) -> Result<Theme, ThemeError> {
    let override_dir = root.join(THEMES_DIR).join(name);
    let files = theme_files(&override_dir)?;
    let mut templates = Vec::new();
    let mut static_files = BTreeMap::new();
    let mut translation_files = Vec::new();
    let mut assets = std::collections::hash_map::DefaultHasher::new();
    for (rel, file) in files {
        if let Ok(t) = rel.strip_prefix("templates") {
            let bytes = file.read().map_err(|source| ThemeError::Read {
                path: rel.clone(),
                source,
            })?;
            let text = String::from_utf8(bytes.into_owned())
                .map_err(|_| ThemeError::NotText { path: rel.clone() })?;
            templates.push((t.to_string_lossy().replace('\\', "/"), text));
        } else if let Ok(s) = rel.strip_prefix("static") {
            if let Ok(bytes) = file.read() {
                std::hash::Hash::hash(&(s, fingerprint::of(&bytes)), &mut assets);
            }
            static_files.insert(s.to_path_buf(), file);
        } else if let Some(l) = Lang::ALL
            .into_iter()
            .find(|l| rel == Path::new("i18n").join(format!("{}.yaml", l.code())))
        {
            if let Ok(bytes) = file.read() {
                std::hash::Hash::hash(&(l.code(), fingerprint::of(&bytes)), &mut assets);
            }
            translation_files.push((l, rel, file));
        }
    }
    let (_, rel, file) = (translation_files.iter())
        .find(|(l, _, _)| *l == lang)
        .ok_or(ThemeError::MissingLanguage(lang.code()))?;
    let translations = Arc::new(parse_translations(rel, file, lang)?);
    let template_hashes = templates
        .iter()
        .map(|(name, text)| (name.clone(), fingerprint::of(text)))
        .collect();
    let mut others = Vec::new();
    for (l, rel, file) in translation_files.iter().filter(|(l, _, _)| *l != lang) {
        let own = parse_translations(rel, file, *l)?;
        others.push(Localised {
            lang: *l,
            translations: Arc::new(own.or_else(&translations)),
            tera: std::sync::OnceLock::new(),
        });
    }
    let tera = templates_with(templates, &translations)?;
    Ok(Theme {
        tera,
        translations,
        others,
        static_files,
        template_hashes,
        assets_hash: std::hash::Hasher::finish(&assets),
    })
}

/// The templates with the filters of `translations`' language.
fn templates_with(
    templates: Vec<(String, String)>,
    translations: &Arc<Translations>,
) -> Result<Tera, ThemeError> {
    let mut tera = Tera::default();
    tera.autoescape_on(vec![".html", ".htm", ".xml"]);
    tera.set_escape_fn(escape_html);
    tera.add_raw_templates(templates)?;
    register_filters(&mut tera, translations);
    Ok(tera)
}

fn parse_translations(
    rel: &Path,
    file: &ThemeFile,
    lang: Lang,
) -> Result<Translations, ThemeError> {
    let bad = |message: String| ThemeError::Translations {
        path: rel.display().to_string(),
        message,
    };
    let bytes = file.read().map_err(|source| ThemeError::Read {
        path: rel.to_path_buf(),
        source,
    })?;
    let text = std::str::from_utf8(&bytes)
        .map_err(|_| bad(Message::new(Templates::NotTextDetail).to_string()))?;
    /// A translation file: `plural:` forms, and every other key a string for templates.
    #[derive(serde::Deserialize)]
    struct File {
        #[serde(default)]
        plural: HashMap<String, HashMap<String, String>>,
        #[serde(flatten)]
        strings: serde_json::Map<String, Value>,
    }
    let File {
        plural: plurals,
        strings,
    } = yaml::from_str(text).map_err(|e| bad(yaml::describe(&e)))?;
    Ok(Translations {
        lang,
        strings,
        plurals,
    })
}

/// Dates, plurals and money, formatted for the site's language, and JSON for scripts.
fn register_filters(tera: &mut Tera, translations: &Arc<Translations>) {
    let lang = translations.lang;
    let date_filter = move |format: fn(Lang, chrono::NaiveDate) -> String| {
        move |value: &Value, _: &HashMap<String, Value>| -> tera::Result<Value> {
            let s = value.as_str().unwrap_or_default();
            let date = s
                .get(..10)
                .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
                .ok_or_else(|| {
                    tera::Error::msg(
                        msg!(Templates::FilterNotADate, value = value.to_string()).to_string(),
                    )
                })?;
            Ok(Value::String(format(lang, date)))
        }
    };
    // JSON for a `<script type="application/json">` element: `json_encode` leaves `</script>`
    // and `<!--` in strings as they are, which would end the element early.
    tera.register_filter(
        "json_script",
        |value: &Value, _: &HashMap<String, Value>| -> tera::Result<Value> {
            Ok(Value::String(crate::render::structured_data::script_body(
                value,
            )))
        },
    );
    tera.register_filter("date_long", date_filter(locale::date_long));
    tera.register_filter("date_short", date_filter(locale::date_short));
    tera.register_filter(
        "date_iso",
        date_filter(|_, d| d.format("%Y-%m-%d").to_string()),
    );
    let t = Arc::clone(translations);
    tera.register_filter(
        "plural",
        move |value: &Value, args: &HashMap<String, Value>| {
            let n = value
                .as_u64()
                .or_else(|| value.as_f64().map(|f| f as u64))
                .ok_or_else(|| {
                    tera::Error::msg(
                        msg!(Templates::FilterNotANumber, filter = "plural").to_string(),
                    )
                })?;
            let key = args.get("key").and_then(Value::as_str).ok_or_else(|| {
                tera::Error::msg(Message::new(Templates::PluralNoKey).to_string())
            })?;
            t.plural(key, n).map(Value::String).ok_or_else(|| {
                tera::Error::msg(msg!(Templates::PluralNoForms, key = key).to_string())
            })
        },
    );
    tera.register_filter(
        "money",
        move |value: &Value, args: &HashMap<String, Value>| {
            let amount = value.as_f64().ok_or_else(|| {
                tera::Error::msg(msg!(Templates::FilterNotANumber, filter = "money").to_string())
            })?;
            let currency = args
                .get("currency")
                .and_then(Value::as_str)
                .unwrap_or("PLN");
            Ok(Value::String(locale::money(lang, amount, currency)))
        },
    );
}

/// Escapes text for HTML and XML element content and quoted attribute values: the one
/// escaper of every template (pages, and the feeds and sitemap in `publish`).
///
/// Unlike Tera's default this leaves `/` alone, so URLs stay readable (`/aktualnosci/`).
/// `&#x27;` means `'` in HTML and XML alike (`&apos;` is not HTML 4). C0 control characters
/// but tab and line breaks, which XML 1.0 does not allow and HTML calls parse errors, are
/// dropped.
pub fn escape_html(input: &str) -> String {
    let mut out = String::with_capacity(input.len() + input.len() / 8);
    // Every character escaped or dropped is ASCII, so the text between two of them is copied
    // as one slice (a byte below 0x80 is never part of a longer UTF-8 sequence).
    let mut copied = 0;
    for (i, byte) in input.bytes().enumerate() {
        let replacement = match byte {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#x27;",
            b if b < b' ' && !matches!(b, b'\n' | b'\t' | b'\r') => "",
            _ => continue,
        };
        out.push_str(&input[copied..i]);
        out.push_str(replacement);
        copied = i + 1;
    }
    out.push_str(&input[copied..]);
    out
}

/// A Tera error with all its causes, which Tera keeps in its source chain.
pub fn chain(e: &tera::Error) -> String {
    let mut s = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(cause) = source {
        s.push_str(": ");
        s.push_str(&cause.to_string());
        source = cause.source();
    }
    s
}

#[cfg(test)]
mod tests {
    use super::escape_html;

    #[test]
    fn escapes_markup_and_drops_control_characters() {
        assert_eq!(
            escape_html("a<b>&\"'/\u{1}\u{1f}\t\n"),
            "a&lt;b&gt;&amp;&quot;&#x27;/\t\n"
        );
    }
}

#[cfg(test)]
mod language_tests {
    use crate::theme_names::DEFAULT_THEME;

    /// The pages that are always in the site's language, the centre's own documents and
    /// pages of the whole site: their texts need no translation into the languages of texts.
    const SITE_LANGUAGE_PAGES: &[&str] = &[
        "templates/accessibility.html",
        "templates/privacy.html",
        "templates/404.html",
        "templates/search.html",
    ];

    fn keys(lang: &str) -> Vec<String> {
        let file = DEFAULT_THEME
            .get_file(format!("i18n/{lang}.yaml"))
            .and_then(|f| f.contents_utf8())
            .expect("the default theme's translations");
        let map: serde_json::Map<String, serde_json::Value> =
            crate::content::yaml::from_str(file).expect("valid YAML");
        map.keys().cloned().collect()
    }

    /// `t.key` and `t[…]` of the templates the pages of a document may be rendered with.
    fn used_keys() -> Vec<String> {
        fn walk(dir: &'static include_dir::Dir<'static>, out: &mut Vec<String>) {
            for f in dir.files() {
                let name = f.path().to_string_lossy();
                if SITE_LANGUAGE_PAGES.contains(&name.as_ref()) {
                    continue;
                }
                let text = f.contents_utf8().unwrap_or_default();
                for part in text.split("t.").skip(1) {
                    let key: String = part
                        .chars()
                        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                        .collect();
                    out.push(key);
                }
            }
            for d in dir.dirs() {
                walk(d, out);
            }
        }
        let mut keys = Vec::new();
        if let Some(templates) = DEFAULT_THEME.get_dir("templates") {
            walk(templates, &mut keys);
        }
        // Read as `t[key]`: the statuses and months.
        keys.extend(["status_planned", "status_ongoing", "status_finished"].map(String::from));
        keys.extend((1..=12).map(|m| format!("month_{m}")));
        keys.sort();
        keys.dedup();
        keys
    }

    #[test]
    fn ukrainian_has_every_text_of_a_documents_pages() {
        let pl = keys("pl");
        let uk = keys("uk");
        let missing: Vec<String> = (used_keys().into_iter())
            .filter(|k| pl.contains(k) && !uk.contains(k))
            .collect();
        assert!(missing.is_empty(), "not in i18n/uk.yaml: {missing:?}");
        let unknown: Vec<&String> = uk.iter().filter(|k| !pl.contains(k)).collect();
        assert!(unknown.is_empty(), "not in i18n/pl.yaml: {unknown:?}");
        // The plural forms of every count a page shows.
        let file = DEFAULT_THEME
            .get_file("i18n/uk.yaml")
            .and_then(|f| f.contents_utf8())
            .unwrap_or_default();
        for key in ["photos", "posts", "participants"] {
            assert!(file.contains(&format!("  {key}: {{ one: ")), "{key}");
        }
    }
}
