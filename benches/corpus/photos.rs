//! Deterministic synthetic photos for the photo benchmarks, and a gallery post that shows them.

use std::path::{Path, PathBuf};

use image::codecs::jpeg::JpegEncoder;
use image::{Rgb, RgbImage};
use rayon::prelude::*;

/// Width of a generated photo: 12 MP, as from a phone.
pub const WIDTH: u32 = 4000;
/// Height of a generated photo.
pub const HEIGHT: u32 = 3000;
/// Quality of the generated source photos (a camera's JPEG is usually 90–95).
const SOURCE_QUALITY: u8 = 92;
/// The gallery post written by [`gallery_post`], relative to the site folder.
pub const GALLERY_POST: &str = "content/posts/galeria-zdjec";
/// The folder of its photos, inside the post's bundle.
const GALLERY_DIR: &str = "zdjecia";

/// Writes `count` photos into `dir` and returns their paths, in order.
pub fn generate_photos(dir: &Path, count: usize) -> Vec<PathBuf> {
    std::fs::create_dir_all(dir).expect("cannot create the photo directory");
    (0..count)
        .into_par_iter()
        .map(|i| {
            let path = dir.join(format!("photo-{i:03}.jpg"));
            let image = synthetic_photo(i as u64, WIDTH, HEIGHT);
            let mut bytes = Vec::new();
            image
                .write_with_encoder(JpegEncoder::new_with_quality(&mut bytes, SOURCE_QUALITY))
                .expect("cannot encode a generated photo");
            std::fs::write(&path, bytes).expect("cannot write a generated photo");
            path
        })
        .collect()
}

/// Writes a bundle post with `count` generated photos in its gallery (`gallery: { dir: … }`
/// with an `alt.yaml`) into the site at `root`; returns the photos' paths.
pub fn gallery_post(root: &Path, count: usize) -> Vec<PathBuf> {
    let bundle = root.join(GALLERY_POST);
    let photos = generate_photos(&bundle.join(GALLERY_DIR), count);
    std::fs::write(
        bundle.join("index.md"),
        format!(
            "---\ntitle: Galeria zdjęć z festynu\ndate: 2026-06-01\ntags: [Festyn]\n\
             category: Wydarzenia\ngallery: {{ dir: {GALLERY_DIR} }}\n---\n\
             Zdjęcia z festynu rodzinnego w parku miejskim.\n"
        ),
    )
    .expect("write the gallery post");
    let alt: String = (0..count)
        .map(|i| format!("photo-{i:03}.jpg: Uczestnicy festynu przy stoisku numer {i}\n"))
        .collect();
    std::fs::write(bundle.join(GALLERY_DIR).join("alt.yaml"), alt).expect("write alt.yaml");
    photos
}

/// A deterministic "photo": diagonal colour gradients, soft waves and blocks of varying
/// brightness (so resizing has structure to work on), plus fine grain noise (so JPEG
/// compresses it about as well as a real photo, not trivially well).
fn synthetic_photo(seed: u64, width: u32, height: u32) -> RgbImage {
    // Per-photo parameters from a small LCG, so every photo differs (and has its own cache key).
    let mut state = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0x2545_F491_4F6C_DD1D;
    let mut next = || {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (state >> 33) as u32
    };
    let phase = next() % 1024;
    let wave = 40 + next() % 80;
    let block = 64 + next() % 192;
    let tint = [next() % 64, next() % 64, next() % 64];
    let w = width.max(1);
    let h = height.max(1);
    RgbImage::from_fn(width, height, |x, y| {
        let gx = x * 160 / w;
        let gy = y * 160 / h;
        // A triangle wave: smooth bands without floating point.
        let t = (x + 2 * y + phase) % (2 * wave);
        let band = if t < wave { t } else { 2 * wave - t } * 48 / wave;
        let cell = hash(seed, x / block, y / block) % 40;
        let grain = hash(seed ^ 0xA5A5, x, y);
        let channel = |c: usize, base: u32| -> u8 {
            // Luminance grain shared by the channels (0..=15) and a little colour grain (0..=3),
            // roughly like a camera's sensor noise.
            let noise = (grain & 0x0F) + ((grain >> (8 + c * 2)) & 0x03);
            (base + band + cell + noise + tint[c]).min(255) as u8
        };
        Rgb([
            channel(0, gx),
            channel(1, (gx + gy) / 2),
            channel(2, 160 - gy),
        ])
    })
}

/// A cheap integer hash of a position, for the noise pattern.
fn hash(seed: u64, x: u32, y: u32) -> u32 {
    let mut v = seed
        .wrapping_mul(0x9E37_79B9_7F4A_7C15)
        .wrapping_add(u64::from(x) << 32 | u64::from(y));
    v ^= v >> 33;
    v = v.wrapping_mul(0xFF51_AFD7_ED55_8CCD);
    v ^= v >> 33;
    v = v.wrapping_mul(0xC4CE_B9FE_1A85_EC53);
    v ^= v >> 33;
    v as u32
}
