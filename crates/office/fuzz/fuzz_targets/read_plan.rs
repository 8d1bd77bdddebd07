//! The whole import (reader, header, records, structure, units, schedules)
//! on arbitrary text, as if uploaded as a .txt file.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = cchc_office::read_plan(data, "ke-hoach.txt", &[]);
});
