//! Processing photos: EXIF orientation applied, resized copies and a thumbnail encoded as
//! JPEG without any metadata, cached by content hash so a rebuild re-encodes nothing.
//!
//! Each resized copy is also encoded as lossy WebP (libwebp, see [`super::webp`]), which pages
//! offer first through `<picture>`; JPEG stays for every other browser and for the thumbnail.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::fs;
use std::io::Cursor;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex};

use image::{DynamicImage, ImageDecoder, ImageReader};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::config::{ImageSettings, OnError};
use crate::content::file;
use crate::diagnostics::Diagnostic;
use crate::locale::catalogue::Photos as M;
use crate::locale::{msg, Message};

/// Changes whenever the output for the same input and settings would change.
const FORMAT_VERSION: u32 = 3;

/// How many photos must need encoding before a progress bar is worth showing.
const PROGRESS_THRESHOLD: usize = 4;

/// The encoded copies of one source photo, kept in the cache.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Processed {
    /// Content hash of the source and the settings: the cache entry's name.
    pub key: String,
    /// (width, height) of each copy, smallest first.
    pub variants: Vec<(u32, u32)>,
    pub thumb: (u32, u32),
    /// Size of the re-encoded original, when `keep_originals` is set.
    pub original: Option<(u32, u32)>,
    /// Whether every copy of `variants` and the thumbnail also has a WebP file
    /// (`<width>.webp`, `thumb.webp`).
    #[serde(default)]
    pub webp: bool,
}

/// What a processing run did (for tests and benchmarks).
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct ProcessReport {
    /// Photos decoded and encoded in this run.
    pub encoded: usize,
    /// Photos found in the cache.
    pub cached: usize,
}

/// Processes every distinct source photo (in parallel) into the cache.
///
/// Returns the processed copies by source path; problems are reported per photo, as errors
/// or, with `on_error: skip`, as warnings (the photo is then left out).
pub fn process(
    root: &Path,
    sources: &[PathBuf],
    settings: &ImageSettings,
    cache_dir: &Path,
    progress: bool,
) -> (HashMap<PathBuf, Processed>, Vec<Diagnostic>, ProcessReport) {
    let encoded = AtomicUsize::new(0);
    let budget = Budget::new(settings.max_memory_mb.saturating_mul(1 << 20));
    let bar =
        ProgressBar::with_draw_target(Some(sources.len() as u64), ProgressDrawTarget::hidden());
    if progress && sources.len() >= PROGRESS_THRESHOLD {
        bar.set_draw_target(ProgressDrawTarget::stderr());
        if let Ok(style) = ProgressStyle::with_template(&format!(
            "{} {{bar:30}} {{pos}}/{{len}} {{msg}}",
            Message::new(M::Progress)
        )) {
            bar.set_style(style);
        }
    }
    let results: Vec<_> = sources
        .par_iter()
        .map(|source| {
            let result = process_one(source, settings, cache_dir, &encoded, &budget);
            bar.inc(1);
            (source, result)
        })
        .collect();
    bar.finish_and_clear();
    let mut done = HashMap::new();
    let mut problems = Vec::new();
    for (source, result) in results {
        match result {
            Ok(p) => {
                done.insert(source.clone(), p);
            }
            Err(Failure::Cache(message)) => {
                // Not the photo's fault: `on_error: skip` does not apply.
                let rel = source.strip_prefix(root).unwrap_or(source);
                problems.push(Diagnostic::error(rel, message).hint(M::CacheHint));
            }
            Err(Failure::Photo(message)) => {
                let rel = source.strip_prefix(root).unwrap_or(source);
                let d = Diagnostic::error(rel, message).hint(M::BadPhotoHint);
                problems.push(match settings.on_error {
                    OnError::Fail => d,
                    OnError::Skip => d.with_severity(crate::diagnostics::Severity::Warning),
                });
            }
        }
    }
    let encoded = encoded.into_inner();
    let report = ProcessReport {
        encoded,
        cached: done.len().saturating_sub(encoded),
    };
    (done, problems, report)
}

/// The cache key of `bytes` under `settings`.
fn cache_key(bytes: &[u8], settings: &ImageSettings) -> String {
    let mut hasher = blake3::Hasher::new();
    hasher.update(bytes);
    hasher.update(
        format!(
            "v{FORMAT_VERSION} widths={:?} thumb={} q={} orig={}",
            settings.widths, settings.thumbnail_width, settings.quality, settings.keep_originals
        )
        .as_bytes(),
    );
    hasher.finalize().to_hex()[..32].to_string()
}

const META_FILE: &str = "meta.json";

/// Why a photo could not be processed.
#[derive(Debug)]
enum Failure {
    /// The photo itself: unreadable, corrupt, too large.
    Photo(Message),
    /// Writing the cache entry (disk full, permissions).
    Cache(Message),
}

fn process_one(
    source: &Path,
    settings: &ImageSettings,
    cache_dir: &Path,
    encoded: &AtomicUsize,
    budget: &Budget,
) -> Result<Processed, Failure> {
    let bytes = file::read(source, file::MAX_PHOTO_BYTES)
        .map_err(|e| Failure::Photo(msg!(M::CannotRead, error = e.to_string())))?;
    // The limits are checked before the cache is looked at, so that lowering one in
    // site.yaml applies to photos processed before.
    let (decoder, memory) =
        open(&bytes, settings.max_pixels, budget.cap).map_err(Failure::Photo)?;
    let key = cache_key(&bytes, settings);
    let entry = cache_dir.join(&key);
    if let Some(p) = file::read(&entry.join(META_FILE), file::MAX_RECORD_BYTES)
        .ok()
        .and_then(|m| serde_json::from_slice::<Processed>(&m).ok())
    {
        return Ok(p);
    }
    let _memory = budget.take(memory);
    let image = upright(decoder).map_err(Failure::Photo)?;
    let processed = encode_all(&image, &key, settings, cache_dir)?;
    encoded.fetch_add(1, Ordering::Relaxed);
    Ok(processed)
}

/// Memory that photos decoded at the same time share: a photo waits until its part is free.
struct Budget {
    cap: u64,
    used: Mutex<u64>,
    freed: Condvar,
}

/// A part of the budget, given back when dropped.
struct Taken<'a> {
    budget: &'a Budget,
    bytes: u64,
}

impl Budget {
    fn new(cap: u64) -> Self {
        Budget {
            cap,
            used: Mutex::new(0),
            freed: Condvar::new(),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, u64> {
        self.used.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Waits until `bytes` fit (a part larger than the cap waits until nothing else runs).
    fn take(&self, bytes: u64) -> Taken<'_> {
        let mut used = self.lock();
        while *used > 0 && used.saturating_add(bytes) > self.cap {
            used = self.freed.wait(used).unwrap_or_else(|p| p.into_inner());
        }
        *used += bytes;
        Taken {
            budget: self,
            bytes,
        }
    }
}

impl Drop for Taken<'_> {
    fn drop(&mut self) {
        *self.budget.lock() -= self.bytes;
        self.budget.freed.notify_all();
    }
}

/// Reads a photo's header: its decoder and the memory decoding and resizing it takes,
/// refused when it has more than `max_pixels`, needs more than `max_memory` or is cut short.
/// Nothing is decoded yet.
fn open(
    bytes: &[u8],
    max_pixels: u64,
    max_memory: u64,
) -> Result<(impl ImageDecoder + '_, u64), Message> {
    let mut reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| msg!(M::CannotRead, error = e.to_string()))?;
    let Some(format) = reader.format() else {
        return Err(M::UnknownFormat.into());
    };
    if format == image::ImageFormat::Jpeg && !jpeg_is_complete(bytes) {
        return Err(M::Truncated.into());
    }
    let mut limits = image::Limits::default();
    limits.max_alloc = Some(max_memory);
    reader.limits(limits);
    let decoder = reader
        .into_decoder()
        .map_err(|e| msg!(M::Damaged, error = e.to_string()))?;
    check_pixels(&decoder, max_pixels)?;
    let (w, h) = decoder.dimensions();
    // The decoded pixels, a turned copy of them, and the 8-bit RGB copy that is resized.
    let memory = decoder
        .total_bytes()
        .saturating_mul(2)
        .saturating_add(u64::from(w) * u64::from(h) * 3);
    if memory > max_memory {
        return Err(msg!(
            M::TooMuchMemory,
            needed = memory >> 20,
            width = w,
            height = h,
            limit = max_memory >> 20
        ));
    }
    Ok((decoder, memory))
}

/// Refuses a photo with more pixels than `max_pixels`, or none.
fn check_pixels(decoder: &impl ImageDecoder, max_pixels: u64) -> Result<(), Message> {
    let (w, h) = decoder.dimensions();
    let pixels = u64::from(w) * u64::from(h);
    if pixels > max_pixels {
        return Err(msg!(
            M::TooManyPixels,
            width = w,
            height = h,
            megapixels = pixels / 1_000_000,
            limit = max_pixels / 1_000_000
        ));
    }
    if pixels == 0 {
        return Err(M::NoPixels.into());
    }
    Ok(())
}

/// Decodes a photo and turns it upright according to its EXIF orientation.
fn upright(mut decoder: impl ImageDecoder) -> Result<DynamicImage, Message> {
    let orientation = decoder
        .orientation()
        .unwrap_or(image::metadata::Orientation::NoTransforms);
    let mut image = DynamicImage::from_decoder(decoder)
        .map_err(|e| msg!(M::DamagedTruncated, error = e.to_string()))?;
    image.apply_orientation(orientation);
    Ok(image)
}

/// Decodes a photo, refusing it before decoding when it has too many pixels, needs more
/// memory than the default limit or is cut short, and turns it upright.
pub fn decode(bytes: &[u8], max_pixels: u64) -> Result<DynamicImage, Message> {
    let max_memory = ImageSettings::default().max_memory_mb << 20;
    let (decoder, _) = open(bytes, max_pixels, max_memory)?;
    upright(decoder)
}

/// The position of the first 0xFF byte at or after `from`.
fn next_ff(bytes: &[u8], from: usize) -> Option<usize> {
    let skip = bytes.get(from..)?.iter().position(|&b| b == 0xFF)?;
    Some(from + skip)
}

/// Whether a JPEG's data runs to its end-of-image marker. The `image` crate decodes JPEG
/// with zune-jpeg in its lenient mode (not configurable), which fills the rows of a cut
/// file with grey instead of failing; this walk of the segments catches the cut.
fn jpeg_is_complete(bytes: &[u8]) -> bool {
    let mut at = 2; // after the start-of-image marker
    loop {
        // The next marker; stray bytes between segments are skipped as decoders do.
        let Some(next) = next_ff(bytes, at) else {
            return false;
        };
        at = next;
        while bytes.get(at) == Some(&0xFF) {
            at += 1;
        }
        let Some(&code) = bytes.get(at) else {
            return false;
        };
        at += 1;
        match code {
            0xD9 => return true,
            0x01 | 0xD0..=0xD7 => continue, // markers without a length
            _ => {}
        }
        let Some(&[hi, lo]) = bytes.get(at..at + 2) else {
            return false;
        };
        at += usize::from(u16::from_be_bytes([hi, lo]));
        if at > bytes.len() {
            return false;
        }
        if code == 0xDA {
            // Entropy-coded data runs to the next marker that is not a stuffed 0xFF or a
            // restart marker.
            loop {
                let Some(next) = next_ff(bytes, at) else {
                    return false;
                };
                at = next;
                match bytes.get(at + 1) {
                    None => return false,
                    Some(0x00 | 0xD0..=0xD7) => at += 2,
                    Some(0xFF) => at += 1,
                    Some(_) => break,
                }
            }
        }
    }
}

/// Reads only the header of a photo: its format and size, against the pixel limit.
pub fn inspect(source: &Path, max_pixels: u64) -> Result<(u32, u32), Message> {
    let reader = ImageReader::open(source)
        .and_then(|r| r.with_guessed_format())
        .map_err(|e| msg!(M::CannotRead, error = e.to_string()))?;
    if reader.format().is_none() {
        return Err(M::UnknownFormat.into());
    }
    let (w, h) = reader
        .into_dimensions()
        .map_err(|e| msg!(M::Damaged, error = e.to_string()))?;
    if u64::from(w) * u64::from(h) > max_pixels {
        return Err(msg!(M::TooLarge, width = w, height = h));
    }
    Ok((w, h))
}

fn height_for(width: u32, image: &image::RgbImage) -> u32 {
    ((u64::from(image.height()) * u64::from(width) + u64::from(image.width()) / 2)
        / u64::from(image.width().max(1)))
    .max(1) as u32
}

/// Encodes every copy into a fresh cache entry, then publishes the entry by renaming it,
/// so a killed build never leaves a half-written entry behind.
fn encode_all(
    image: &DynamicImage,
    key: &str,
    settings: &ImageSettings,
    cache_dir: &Path,
) -> Result<Processed, Failure> {
    let cache_error =
        |e: std::io::Error| Failure::Cache(msg!(M::CannotWriteCache, error = e.to_string()));
    let rgb = flatten(image);
    let mut widths: Vec<u32> = settings
        .widths
        .iter()
        .copied()
        .filter(|&w| w > 0 && w < rgb.width())
        .collect();
    widths.sort_unstable();
    widths.dedup();
    if widths.len() < settings.widths.len() {
        // The original is smaller than some requested widths: publish it at its own size.
        widths.push(rgb.width());
    }
    let tmp = cache_dir.join(format!(
        "{key}.tmp-{}-{:?}",
        std::process::id(),
        std::thread::current().id()
    ));
    let _ = fs::remove_dir_all(&tmp);
    fs::create_dir_all(&tmp).map_err(cache_error)?;
    let write = |name: &str, img: &image::RgbImage| -> Result<(u32, u32), Failure> {
        let mut buf = Vec::new();
        let encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(
            &mut buf,
            settings.quality.clamp(1, 100),
        );
        img.write_with_encoder(encoder)
            .map_err(|e| Failure::Photo(msg!(M::CannotEncode, error = e.to_string())))?;
        fs::write(tmp.join(name), &buf).map_err(cache_error)?;
        Ok((img.width(), img.height()))
    };
    // Largest first, each copy resized from the previous one: fast and sharp enough.
    let mut variants = Vec::new();
    let mut webp = true;
    let resized = |img: &image::RgbImage, w: u32| {
        super::resize::resized(img, w, height_for(w, img))
            .map_err(|e| Failure::Photo(msg!(M::CannotEncode, error = e)))
    };
    // The flattened photo itself is not copied: only a copy at its own width is written from it.
    let mut current = Cow::Borrowed(&rgb);
    for &w in widths.iter().rev() {
        if w != current.width() {
            current = Cow::Owned(resized(&current, w)?);
        }
        variants.push(write(&format!("{w}.jpg"), &current)?);
        if webp {
            let bytes = super::webp::encode(&current, settings.quality);
            webp = bytes.is_some();
            if let Some(bytes) = bytes {
                fs::write(tmp.join(format!("{w}.webp")), bytes).map_err(cache_error)?;
            }
        }
    }
    let thumb_w = settings.thumbnail_width.min(current.width()).max(1);
    let thumb_img = if thumb_w == current.width() {
        current
    } else {
        Cow::Owned(resized(&current, thumb_w)?)
    };
    let thumb = write("thumb.jpg", &thumb_img)?;
    if webp {
        let bytes = super::webp::encode(&thumb_img, settings.quality);
        webp = bytes.is_some();
        if let Some(bytes) = bytes {
            fs::write(tmp.join("thumb.webp"), bytes).map_err(cache_error)?;
        }
    }
    let original = if settings.keep_originals {
        Some(write("original.jpg", &rgb)?)
    } else {
        None
    };
    variants.reverse();
    let processed = Processed {
        key: key.to_string(),
        variants,
        thumb,
        original,
        webp,
    };
    let meta = serde_json::to_vec(&processed)
        .map_err(|e| Failure::Cache(msg!(M::CannotWriteCache, error = e.to_string())))?;
    fs::write(tmp.join(META_FILE), meta).map_err(cache_error)?;
    let entry = cache_dir.join(key);
    if fs::rename(&tmp, &entry).is_err() {
        // Another thread finished the same photo first; its entry is as good as ours.
        let _ = fs::remove_dir_all(&tmp);
    }
    Ok(processed)
}

/// JPEG has no transparency: put transparent pixels on white.
fn flatten(image: &DynamicImage) -> image::RgbImage {
    if !image.color().has_alpha() {
        return image.to_rgb8();
    }
    let rgba = image.to_rgba8();
    image::RgbImage::from_fn(rgba.width(), rgba.height(), |x, y| {
        let p = rgba.get_pixel(x, y).0;
        let a = u16::from(p[3]);
        let blend = |c: u8| ((u16::from(c) * a + 255 * (255 - a)) / 255) as u8;
        image::Rgb([blend(p[0]), blend(p[1]), blend(p[2])])
    })
}

/// Removes cache entries that the last successful build did not use: only folders named as
/// [`cache_key`] names them (and their `.tmp-` work folders), nothing else found there. Work
/// folders of this process are left alone: in `tablica edit` the preview's build, the
/// publishing build and the editor's thumbnails run at once, each its own photos.
pub fn prune(cache_dir: &Path, used: &HashSet<String>) {
    let own = format!(".tmp-{}-", std::process::id());
    let Ok(entries) = fs::read_dir(cache_dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let key = name.get(..32).filter(|k| {
            k.bytes().all(|b| b.is_ascii_hexdigit())
                && (name.len() == 32 || name[32..].starts_with(".tmp-"))
        });
        let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
        let working = name.get(32..).is_some_and(|rest| rest.starts_with(&own));
        if key.is_some() && is_dir && !used.contains(&name) && !working {
            let _ = fs::remove_dir_all(entry.path());
        }
    }
}
