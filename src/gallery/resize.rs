//! Resizing photos with the Catmull-Rom filter, through `fast_image_resize`: the same filter
//! as the `image` crate's own resize, computed with the processor's vector instructions (the
//! `image` resize was 40 % of a cold photo build's CPU; see the README's figures).

use fast_image_resize::images::{Image, ImageRef};
use fast_image_resize::{FilterType, PixelType, ResizeAlg, ResizeOptions, Resizer};
use image::RgbImage;

/// `image` resized to `width` × `height`.
pub(super) fn resized(image: &RgbImage, width: u32, height: u32) -> Result<RgbImage, String> {
    let (w, h) = image.dimensions();
    let source = ImageRef::new(w, h, image.as_raw(), PixelType::U8x3).map_err(|e| e.to_string())?;
    let mut target = Image::new(width, height, PixelType::U8x3);
    let options = ResizeOptions::new().resize_alg(ResizeAlg::Convolution(FilterType::CatmullRom));
    (Resizer::new().resize(&source, &mut target, &options)).map_err(|e| e.to_string())?;
    RgbImage::from_raw(width, height, target.into_vec())
        .ok_or_else(|| format!("{width}×{height}: buffer too small"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_resized_photo_has_the_size_asked_for_and_keeps_its_colours() {
        // Left half red, right half blue.
        let photo = RgbImage::from_fn(400, 300, |x, _| match x < 200 {
            true => image::Rgb([200, 30, 30]),
            false => image::Rgb([30, 30, 200]),
        });
        let small = resized(&photo, 100, 75).expect("resized");
        assert_eq!(small.dimensions(), (100, 75));
        assert_eq!(small.get_pixel(10, 40).0, [200, 30, 30]);
        assert_eq!(small.get_pixel(90, 40).0, [30, 30, 200]);
        // The edge is blended, not moved: the middle columns lie between the two colours.
        let middle = small.get_pixel(50, 40).0;
        assert!((30..=200).contains(&middle[0]) && (30..=200).contains(&middle[2]));
    }
}
