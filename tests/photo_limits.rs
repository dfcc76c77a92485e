//! Photos that look small but are not: huge declared sizes, files cut short, limits
//! lowered after the photo was cached.

mod common;

use common::*;

fn site(images: &str, photo: &[u8]) -> TestSite {
    let site = TestSite::with_config(&format!("{SITE_YAML}{images}"));
    site.write(
        "content/posts/festyn/index.md",
        "---\ntitle: Festyn\ndate: 2026-06-01\ngallery:\n  - src: zdjecie.jpg\n    alt: Mieszkańcy przy stołach na festynie\n---\nTekst.\n",
    );
    site.write_bytes("content/posts/festyn/zdjecie.jpg", photo);
    site
}

/// The largest resident size, in bytes, any finished child of this process reached.
fn peak_child_memory() -> u64 {
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: `usage` is a valid, writable rusage.
    assert_eq!(
        unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage) },
        0
    );
    u64::try_from(usage.ru_maxrss).unwrap_or(0) * 1024
}

/// A PNG of a few dozen bytes whose header claims `w`×`h` pixels of 16-bit RGBA.
fn png_claiming(w: u32, h: u32) -> Vec<u8> {
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut ihdr = Vec::new();
    ihdr.extend_from_slice(&w.to_be_bytes());
    ihdr.extend_from_slice(&h.to_be_bytes());
    ihdr.extend_from_slice(&[16, 6, 0, 0, 0]);
    png.extend(png_chunk(b"IHDR", &ihdr));
    png.extend(png_chunk(
        b"IDAT",
        &[0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01],
    ));
    png.extend(png_chunk(b"IEND", &[]));
    png
}

#[test]
fn photos_declaring_huge_sizes_within_max_pixels_are_refused_before_decoding() {
    // 48 megapixels, under the default max_pixels of 50: 850 MB as 16-bit RGBA.
    let png = png_claiming(8000, 6000);
    assert!(png.len() < 100);
    let err = site("", &png).build_err();
    assert!(err.contains("content/posts/festyn/zdjecie.jpg"), "{err}");
    assert!(err.contains("MB of memory"), "{err}");
    assert!(err.contains("images.max_memory_mb"), "{err}");

    // A JPEG of 1 KB claiming 48 megapixels, with the memory limit lowered.
    let jpeg = jpeg_claiming(8000, 6000);
    let err = site("images:\n  max_memory_mb: 100\n", &jpeg).build_err();
    assert!(err.contains("MB of memory"), "{err}");
    assert!(
        peak_child_memory() < 200 << 20,
        "a build took {} MB",
        peak_child_memory() >> 20
    );
}

#[test]
fn a_jpeg_cut_short_is_an_error_not_a_grey_photo() {
    let whole = gradient_jpeg(400, 300, 2);
    let err = site("", &whole[..whole.len() / 2]).build_err();
    assert!(err.contains("content/posts/festyn/zdjecie.jpg"), "{err}");
    assert!(err.contains("cut off"), "{err}");
    assert!(err.contains("save it again"), "{err}");
    // The whole photo, and one with bytes after its end (as some phones add), still pass.
    site("", &whole).build_ok();
    let mut trailing = whole.clone();
    trailing.extend_from_slice(b"\x00\x00ftypmp42 motion photo");
    site("", &trailing).build_ok();
}

#[test]
fn a_lowered_max_pixels_applies_to_photos_already_cached() {
    let site = site("", &gradient_jpeg(400, 300, 3));
    site.build_ok();
    site.write(
        "content/site.yaml",
        &format!("{SITE_YAML}images:\n  max_pixels: 100000\n"),
    );
    let err = site.build_err();
    assert!(err.contains("the photo is too large: 400 × 300"), "{err}");
}
