//! The .xlsx reader on arbitrary bytes.
#![no_main]

use cchc_office::Limits;
use cchc_office::read::xlsx;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = xlsx::read(data, &Limits::default());
});
