//! The tab-separated text reader on arbitrary bytes.
#![no_main]

use cchc_office::Limits;
use cchc_office::read::text;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = text::read(data, &Limits::default());
});
