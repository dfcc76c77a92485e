//! Lossy WebP copies of photos, with libwebp through the `webp` crate: smaller than JPEG at the
//! same quality setting (24 % of the JPEG bytes on the example site), for readers on slow
//! mobile networks. (The `image`
//! crate's own WebP encoder is lossless only, which makes photos larger than JPEG.)

use image::RgbImage;

/// `image` as lossy WebP at `quality` (1–100, as for JPEG); `None` when libwebp refuses it
/// (larger than 16383 px a side): the photo then has JPEG copies only.
pub(super) fn encode(rgb: &RgbImage, quality: u8) -> Option<Vec<u8>> {
    let encoder = webp::Encoder::from_rgb(rgb.as_raw(), rgb.width(), rgb.height());
    let quality = f32::from(quality.clamp(1, 100));
    let memory = encoder.encode_simple(false, quality).ok()?;
    Some(memory.to_vec())
}
