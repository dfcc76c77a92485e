//! `brand:` in site.yaml: the colour of the header and of the theme's accents, the logo or coat
//! of arms shown beside the site's name, and the favicon. A colour that white text on it (and it
//! as text on the white page) would not read at 4.5:1 (WCAG 2.1, 1.4.3) is refused, with the
//! nearest colour that passes.

use std::path::Path;

use serde::Deserialize;

use crate::diagnostics::Diagnostic;
use crate::locale::catalogue::Content as M;
use crate::locale::msg;

/// `brand:` as written.
#[derive(Debug, Clone, Default, Deserialize, Hash)]
#[serde(deny_unknown_fields)]
pub struct BrandSettings {
    /// `#rrggbb` (or `#rgb`).
    pub colour: Option<String>,
    /// A picture below `content/`: the logo or coat of arms.
    pub logo: Option<String>,
    /// A picture below `content/`: the icon browsers show in tabs and bookmarks.
    pub favicon: Option<String>,
}

/// A colour of 8-bit sRGB channels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Rgb(pub [u8; 3]);

/// The theme's background and the text on the brand colour (`--bg`, `--brand-text`).
pub const WHITE: Rgb = Rgb([255, 255, 255]);
/// WCAG 2.1 AA for normal text (1.4.3).
pub const MIN_CONTRAST: f64 = 4.5;

impl Rgb {
    /// `#1d4f91` or `#14f`.
    pub fn parse(text: &str) -> Option<Rgb> {
        let hex = text.trim().strip_prefix('#')?;
        if !hex.chars().all(|c| c.is_ascii_hexdigit()) {
            return None;
        }
        let channel = |s: &str| u8::from_str_radix(s, 16).ok();
        match hex.len() {
            6 => Some(Rgb([
                channel(&hex[0..2])?,
                channel(&hex[2..4])?,
                channel(&hex[4..6])?,
            ])),
            3 => {
                let short = |i: usize| channel(&hex[i..=i]).map(|v| v * 17);
                Some(Rgb([short(0)?, short(1)?, short(2)?]))
            }
            _ => None,
        }
    }

    pub fn hex(self) -> String {
        let [r, g, b] = self.0;
        format!("#{r:02x}{g:02x}{b:02x}")
    }

    /// WCAG's relative luminance.
    fn luminance(self) -> f64 {
        let linear = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        let [r, g, b] = self.0;
        0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
    }

    /// WCAG's contrast ratio of two colours (1 to 21).
    pub fn contrast(self, other: Rgb) -> f64 {
        let (a, b) = (self.luminance(), other.luminance());
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }

    /// The nearest colour with at least [`MIN_CONTRAST`] against white: the same colour
    /// darkened (its channels scaled down together, so hue and saturation stay) as little as
    /// needed.
    pub fn nearest_passing(self) -> Rgb {
        (0..=1000)
            .rev()
            .map(|k| {
                Rgb(self
                    .0
                    .map(|c| (f64::from(c) * f64::from(k) / 1000.0).round() as u8))
            })
            .find(|c| c.contrast(WHITE) >= MIN_CONTRAST)
            .unwrap_or(Rgb([0, 0, 0]))
    }
}

impl BrandSettings {
    /// The colour checked: `Ok(None)` without one.
    pub(super) fn colour(
        &self,
        file: &Path,
        line: Option<usize>,
    ) -> Result<Option<Rgb>, Diagnostic> {
        let Some(text) = &self.colour else {
            return Ok(None);
        };
        let error = |d: Diagnostic| d.field("brand.colour").at_line(line);
        let colour = Rgb::parse(text).ok_or_else(|| {
            error(Diagnostic::error(file, M::BrandColourForm).hint(M::BrandColourFormHint))
        })?;
        let ratio = colour.contrast(WHITE);
        if ratio < MIN_CONTRAST {
            // Rounded down, so that 4.46 never reads as a passing "4.5".
            let shown =
                crate::locale::decimal(crate::locale::language(), (ratio * 10.0).floor() / 10.0, 1);
            let nearest = colour.nearest_passing().hex();
            return Err(error(
                Diagnostic::error(
                    file,
                    msg!(M::BrandContrast, colour = colour.hex(), ratio = shown),
                )
                .hint(msg!(M::BrandContrastHint, nearest = &nearest)),
            ));
        }
        Ok(Some(colour))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contrast_follows_wcag() {
        assert!((Rgb([0, 0, 0]).contrast(WHITE) - 21.0).abs() < 1e-9);
        assert!((WHITE.contrast(WHITE) - 1.0).abs() < 1e-9);
        // The theme's own brand colour.
        let theme = Rgb::parse("#1d4f91").expect("hex");
        assert!(theme.contrast(WHITE) > 8.0);
        assert_eq!(Rgb::parse("#14F"), Some(Rgb([0x11, 0x44, 0xff])));
        assert_eq!(Rgb::parse("1d4f91"), None);
        assert_eq!(Rgb::parse("#1d4f9"), None);
        assert_eq!(Rgb::parse("#gg0000"), None);
    }

    #[test]
    fn the_nearest_passing_colour_is_the_least_darkened_one() {
        for hex in ["#7fb2e5", "#ffcc00", "#ffffff", "#00a651"] {
            let colour = Rgb::parse(hex).expect("hex");
            assert!(colour.contrast(WHITE) < MIN_CONTRAST, "{hex} fails");
            let nearest = colour.nearest_passing();
            assert!(
                nearest.contrast(WHITE) >= MIN_CONTRAST,
                "{hex} → {}",
                nearest.hex()
            );
            // One step lighter fails: nothing nearer passes.
            let lighter = Rgb(nearest.0.map(|c| c.saturating_add(2)));
            assert!(
                lighter.contrast(WHITE) < MIN_CONTRAST + 0.2,
                "{hex} → {}",
                nearest.hex()
            );
        }
        for hex in ["#1d4f91", "#e30613"] {
            let passing = Rgb::parse(hex).expect("hex");
            assert_eq!(passing.nearest_passing(), passing, "{hex} passes as it is");
        }
    }
}
