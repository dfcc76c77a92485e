//! Videos from a document's `video:` front matter: films in the page bundle, which must have
//! captions (WebVTT) and may have a transcript, and films on YouTube or Vimeo, which pages show
//! behind a click-to-load placeholder so that nothing is fetched from those hosts (and no
//! cookie set) until the reader asks for it.

use std::path::{Path, PathBuf};

use serde::Serialize;
use url::Url;

use crate::content;
use crate::content::meta::video::{VideoSpec, Videos};
use crate::diagnostics::Diagnostic;
use crate::locale::catalogue::Documents as M;
use crate::locale::{msg, Lang, Message};
use crate::site::attachments::{self, BundleProblem, DocumentInfo};

/// A checked video, as templates show it.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Video {
    pub title: String,
    /// The transcript as HTML.
    pub transcript: Option<String>,
    #[serde(flatten)]
    pub source: VideoSource,
}

/// Where a video plays from.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum VideoSource {
    /// A film published beside the page.
    Local {
        /// File names, relative to the page.
        src: String,
        mime: &'static str,
        captions: String,
        /// "MP4, 2,4 MB", for the download link.
        download: String,
    },
    /// A film on another site, loaded only when the reader asks.
    External {
        /// "YouTube (Google)".
        provider: &'static str,
        /// The player address, set as the iframe's `src` by the script after the click.
        embed: String,
        /// The film's page on the other site, a plain link.
        watch: String,
        /// The origin the page's Content-Security-Policy must allow as `frame-src`.
        frame_src: &'static str,
    },
}

/// The sites whose players a page can load after the reader's click.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Provider {
    YouTube,
    Vimeo,
}

impl Provider {
    fn field(self) -> &'static str {
        match self {
            Provider::YouTube => "youtube",
            Provider::Vimeo => "vimeo",
        }
    }

    fn name(self) -> &'static str {
        match self {
            Provider::YouTube => "YouTube (Google)",
            Provider::Vimeo => "Vimeo",
        }
    }

    /// The origin of the player, for the Content-Security-Policy's `frame-src`.
    pub fn frame_src(self) -> &'static str {
        match self {
            Provider::YouTube => "https://www.youtube-nocookie.com",
            Provider::Vimeo => "https://player.vimeo.com",
        }
    }

    fn embed(self, id: &str) -> String {
        match self {
            Provider::YouTube => format!("{}/embed/{id}?autoplay=1", self.frame_src()),
            Provider::Vimeo => format!("{}/video/{id}?dnt=1&autoplay=1", self.frame_src()),
        }
    }

    fn watch(self, id: &str) -> String {
        match self {
            Provider::YouTube => format!("https://www.youtube.com/watch?v={id}"),
            Provider::Vimeo => format!("https://vimeo.com/{id}"),
        }
    }

    /// The video ID from an ID or any usual address of a video, checked.
    ///
    /// YouTube: 11 characters `[A-Za-z0-9_-]`, from `watch?v=`, `youtu.be/`, `embed/`,
    /// `shorts/`, `live/` addresses. Vimeo: the video number, from `vimeo.com/…/<number>` and
    /// `player.vimeo.com/video/<number>`.
    pub fn video_id(self, input: &str) -> Option<String> {
        let input = input.trim();
        let id = match address(input) {
            None => input.to_string(),
            Some(url) => {
                let host = url.host_str()?;
                let host = host.strip_prefix("www.").unwrap_or(host);
                let path = url.path().trim_start_matches('/').trim_end_matches('/');
                let first = |rest: &str| rest.split('/').next().map(str::to_string);
                match self {
                    Provider::YouTube => match host {
                        "youtu.be" => first(path)?,
                        "youtube.com" | "m.youtube.com" | "youtube-nocookie.com" => {
                            match path.split_once('/') {
                                Some(("embed" | "shorts" | "live" | "v", rest)) => first(rest)?,
                                _ if path == "watch" => {
                                    url.query_pairs().find_map(|(key, value)| {
                                        (key == "v").then(|| value.into_owned())
                                    })?
                                }
                                _ => return None,
                            }
                        }
                        _ => return None,
                    },
                    Provider::Vimeo => match host {
                        "vimeo.com" | "player.vimeo.com" => {
                            path.split('/').rev().find(|s| !s.is_empty())?.to_string()
                        }
                        _ => return None,
                    },
                }
            }
        };
        let valid = match self {
            Provider::YouTube => {
                id.len() == 11
                    && id
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
            }
            Provider::Vimeo => {
                (1..=12).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_digit())
            }
        };
        valid.then(|| id.to_string())
    }
}

/// `input` read as an http(s) address, also when written without `https://`
/// (`youtu.be/…`); `None` for a bare video ID.
fn address(input: &str) -> Option<Url> {
    let url = match Url::parse(input) {
        Ok(url) => url,
        Err(url::ParseError::RelativeUrlWithoutBase) if input.contains('/') => {
            Url::parse(&format!("https://{input}")).ok()?
        }
        Err(_) => return None,
    };
    matches!(url.scheme(), "http" | "https").then_some(url)
}

/// A document whose videos are checked: where it is and what its front matter says.
pub struct VideoContext<'a> {
    /// The site folder, for messages about bundle files.
    pub root: &'a Path,
    /// The document, relative to the site root.
    pub doc: &'a Path,
    pub yaml: &'a str,
    pub yaml_line: usize,
    /// The bundle folder; `None` when the document is a single `x.md` file.
    pub bundle: Option<&'a Path>,
    pub lang: Lang,
}

impl VideoContext<'_> {
    /// The front matter line below `video:` that mentions `needle`, else that of `video:`.
    fn line(&self, needle: Option<&str>) -> Option<usize> {
        let key = content::front_matter::key_line(self.yaml, self.yaml_line, "video");
        let from = key.map_or(0, |l| l - self.yaml_line);
        needle
            .filter(|n| !n.trim().is_empty())
            .and_then(|needle| {
                let needle = needle.lines().next().unwrap_or(needle).trim();
                self.yaml
                    .lines()
                    .enumerate()
                    .skip(from)
                    .find(|(_, l)| l.contains(needle))
                    .map(|(i, _)| self.yaml_line + i)
            })
            .or(key)
    }
}

/// Checks and resolves a document's videos. Problems are added to `problems`, the bundle files
/// that the page shows (and whose change must render it again) to `files`; `markdown` renders a
/// transcript (file for messages, text, line of the text's first line).
pub fn resolve(
    cx: &VideoContext,
    videos: &Videos,
    problems: &mut Vec<Diagnostic>,
    files: &mut Vec<PathBuf>,
    markdown: &mut dyn FnMut(&Path, &str, usize) -> String,
) -> Vec<Video> {
    let mut resolved = Vec::new();
    for (i, spec) in videos.list.iter().enumerate() {
        let field = if videos.is_list {
            format!("video[{i}]")
        } else {
            "video".to_string()
        };
        let mut one = One {
            cx,
            spec,
            field,
            problems: Vec::new(),
        };
        let video = one.resolve(files, markdown);
        problems.append(&mut one.problems);
        resolved.extend(video);
    }
    resolved
}

/// One video being checked.
struct One<'a> {
    cx: &'a VideoContext<'a>,
    spec: &'a VideoSpec,
    /// `video` or `video[2]`.
    field: String,
    problems: Vec<Diagnostic>,
}

impl One<'_> {
    fn error(&mut self, sub: &str, near: Option<&str>, message: Message, hint: impl Into<Message>) {
        // Without the value itself, point at the video's first line that the editor wrote.
        let spec = self.spec;
        let anchor = spec
            .src
            .as_deref()
            .or(spec.youtube.as_deref())
            .or(spec.vimeo.as_deref())
            .or(spec.title.as_deref());
        self.problems.push(
            Diagnostic::error(self.cx.doc, message)
                .field(format!("{}.{sub}", self.field))
                .at_line(self.cx.line(near.or(anchor)))
                .hint(hint),
        );
    }

    fn resolve(
        &mut self,
        files: &mut Vec<PathBuf>,
        markdown: &mut dyn FnMut(&Path, &str, usize) -> String,
    ) -> Option<Video> {
        let spec = self.spec;
        let title = spec
            .title
            .as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty());
        if title.is_none() {
            self.error("title", None, M::VideoNoTitle.into(), M::VideoNoTitleHint);
        }
        let sources = [
            spec.src.as_deref().map(|_| "src"),
            spec.youtube.as_deref().map(|_| "youtube"),
            spec.vimeo.as_deref().map(|_| "vimeo"),
        ];
        let given: Vec<&str> = sources.into_iter().flatten().collect();
        let source = match given.as_slice() {
            ["src"] => self.local(files),
            ["youtube"] => self.external(Provider::YouTube),
            ["vimeo"] => self.external(Provider::Vimeo),
            [] => {
                self.error("src", None, M::VideoNoSource.into(), M::VideoNoSourceHint);
                None
            }
            _ => {
                self.error(
                    given[1],
                    None,
                    msg!(M::VideoTwoSources, first = given[0], second = given[1]),
                    M::VideoTwoSourcesHint,
                );
                None
            }
        };
        let transcript = self.transcript(files, markdown);
        Some(Video {
            title: title?.to_string(),
            transcript: transcript.ok()?,
            source: source?,
        })
    }

    /// A file of the bundle named in `sub`, reported when it cannot be published.
    fn bundle_file(&mut self, sub: &str, what: M, name: &str) -> Option<PathBuf> {
        match attachments::bundle_file(self.cx.bundle, name) {
            Ok(path) => Some(path),
            Err(problem) => {
                let (message, hint) = problem.describe(what, name);
                let hint = match problem {
                    BundleProblem::NotAFileName => M::NotInFolderVideoHint.into(),
                    _ => hint,
                };
                self.error(sub, Some(name), message, hint);
                None
            }
        }
    }

    fn local(&mut self, files: &mut Vec<PathBuf>) -> Option<VideoSource> {
        let spec = self.spec;
        let src = spec.src.as_deref()?.trim();
        let mime = match attachments::extension(src).as_str() {
            "mp4" => Some("video/mp4"),
            "webm" => Some("video/webm"),
            _ => None,
        };
        let film = self.bundle_file("src", M::Film, src);
        if film.is_some() && mime.is_none() {
            self.error(
                "src",
                Some(src),
                msg!(M::NotFilmFormat, src = src),
                M::NotFilmFormatHint,
            );
        }
        let captions = match spec.captions.as_deref().map(str::trim) {
            None | Some("") => {
                self.error(
                    "captions",
                    Some(src),
                    msg!(M::NoCaptions, src = src),
                    M::CaptionsHint,
                );
                None
            }
            Some(name) => self.captions(name),
        };
        files.extend(captions.clone());
        let film = film?;
        let download = DocumentInfo::of(&film).ok()?.label(self.cx.lang);
        files.push(film);
        Some(VideoSource::Local {
            src: src.strip_prefix("./").unwrap_or(src).to_string(),
            mime: mime?,
            captions: captions?.file_name()?.to_string_lossy().into_owned(),
            download,
        })
    }

    /// The captions file, checked to be WebVTT.
    fn captions(&mut self, name: &str) -> Option<PathBuf> {
        let path = self.bundle_file("captions", M::CaptionsFile, name)?;
        let header_ok = content::file::read(&path, content::MAX_TEXT_BYTES).is_ok_and(|bytes| {
            let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
            bytes.strip_prefix(b"WEBVTT").is_some_and(|rest| {
                rest.first()
                    .is_none_or(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
            })
        });
        if attachments::extension(name) != "vtt" || !header_ok {
            self.error(
                "captions",
                Some(name),
                msg!(M::NotWebVtt, name = name),
                M::CaptionsHint,
            );
            return None;
        }
        Some(path)
    }

    fn external(&mut self, provider: Provider) -> Option<VideoSource> {
        let spec = self.spec;
        let given = match provider {
            Provider::YouTube => spec.youtube.as_deref(),
            Provider::Vimeo => spec.vimeo.as_deref(),
        }?;
        if let Some(captions) = spec.captions.as_deref() {
            self.error(
                "captions",
                Some(captions),
                msg!(M::ExternalCaptions, provider = provider.name()),
                M::ExternalCaptionsHint,
            );
        }
        let Some(id) = provider.video_id(given) else {
            let hint = match provider {
                Provider::YouTube => M::YouTubeAddressHint,
                Provider::Vimeo => M::VimeoAddressHint,
            };
            self.error(
                provider.field(),
                Some(given),
                msg!(M::NotFilmAddress, given = given, provider = provider.name()),
                hint,
            );
            return None;
        };
        Some(VideoSource::External {
            provider: provider.name(),
            embed: provider.embed(&id),
            watch: provider.watch(&id),
            frame_src: provider.frame_src(),
        })
    }

    /// The transcript as HTML: a `.md` or `.txt` file of the bundle, or the text itself.
    fn transcript(
        &mut self,
        files: &mut Vec<PathBuf>,
        markdown: &mut dyn FnMut(&Path, &str, usize) -> String,
    ) -> Result<Option<String>, ()> {
        let Some(value) = self.spec.transcript.as_deref() else {
            return Ok(None);
        };
        let value = value.trim();
        let is_file = !value.contains(char::is_whitespace)
            && matches!(attachments::extension(value).as_str(), "md" | "txt");
        if !is_file {
            let line = self.cx.line(Some(value)).unwrap_or(self.cx.yaml_line);
            return Ok(Some(markdown(self.cx.doc, value, line)));
        }
        let path = self
            .bundle_file("transcript", M::Transcript, value)
            .ok_or(())?;
        let text = content::read_text(self.cx.root, &path).map_err(|d| self.problems.push(d))?;
        let rel = content::relative(self.cx.root, &path);
        files.push(path);
        Ok(Some(markdown(&rel, &text, 1)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn youtube_ids_come_from_the_usual_addresses() {
        let id = Some("dQw4w9WgXcQ".to_string());
        for input in [
            "dQw4w9WgXcQ",
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            "https://youtube.com/watch?feature=share&v=dQw4w9WgXcQ&t=42",
            "https://m.youtube.com/watch?v=dQw4w9WgXcQ",
            "https://youtu.be/dQw4w9WgXcQ?si=abc",
            "https://www.youtube.com/embed/dQw4w9WgXcQ",
            "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
            "https://www.youtube.com/shorts/dQw4w9WgXcQ",
            "youtu.be/dQw4w9WgXcQ",
            "HTTPS://WWW.YOUTUBE.COM/watch?v=dQw4w9WgXcQ",
            "https://www.youtube.com:443/watch?v=dQw4w9WgXcQ#t=1",
            "https://you\ttu.be/dQw4w9WgXcQ",
            "www.youtube.com/embed/dQw4w9WgXcQ/",
        ] {
            assert_eq!(Provider::YouTube.video_id(input), id, "{input}");
        }
        for bad in [
            "dQw4w9WgXc",
            "dQw4w9WgXcQQ",
            "dQw4w9WgX<Q",
            "https://example.org/watch?v=dQw4w9WgXcQ",
            "https://www.youtube.com/watch?v=short",
            "https://www.youtube.com/channel/dQw4w9WgXcQ",
            "javascript:alert(1)",
            "https://youtube.com@evil.org/watch?v=dQw4w9WgXcQ",
            "//evil.org/embed/dQw4w9WgXcQ",
            "ftp://youtu.be/dQw4w9WgXcQ",
            "https://www.youtube.com/embed%2FdQw4w9WgXcQ",
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ%26x",
        ] {
            assert_eq!(Provider::YouTube.video_id(bad), None, "{bad}");
        }
    }

    #[test]
    fn vimeo_ids_are_numbers() {
        let id = Some("76979871".to_string());
        for input in [
            "76979871",
            "https://vimeo.com/76979871",
            "https://player.vimeo.com/video/76979871",
        ] {
            assert_eq!(Provider::Vimeo.video_id(input), id, "{input}");
        }
        assert_eq!(Provider::Vimeo.video_id("https://vimeo.com/abc"), None);
    }

    #[test]
    fn video_is_one_video_or_a_list() {
        let one: Videos = content::yaml::from_str("title: A\nyoutube: dQw4w9WgXcQ\n").expect("one");
        assert!(!one.is_list);
        assert_eq!(one.list.len(), 1);
        let two: Videos =
            content::yaml::from_str("- title: A\n  src: a.mp4\n- title: B\n  vimeo: \"1\"\n")
                .expect("list");
        assert!(two.is_list);
        assert_eq!(two.list[1].vimeo.as_deref(), Some("1"));
        let typo = content::yaml::from_str::<Videos>("title: A\ncaption: a.vtt\n")
            .expect_err("unknown field");
        assert!(typo.to_string().contains("caption"), "{typo}");
    }
}
