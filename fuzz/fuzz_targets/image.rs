//! Photo decoding with the pixel limit: any bytes (JPEG, PNG, WebP, GIF or none of them)
//! must end in a photo within the limit or an error, never a panic or a huge allocation.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tablica::gallery::process::decode;

/// Smaller than the default limit, so the fuzzer spends its time on headers and not on
/// decoding big valid images.
const MAX_PIXELS: u64 = 4_000_000;

fuzz_target!(|data: &[u8]| {
    if let Ok(image) = decode(data, MAX_PIXELS) {
        assert!(u64::from(image.width()) * u64::from(image.height()) <= MAX_PIXELS);
    }
});
