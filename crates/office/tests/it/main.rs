//! Integration tests of cchc-office (one binary): the two real plans, the
//! .docx and .xlsx readers, refused files and property tests.

mod docx;
mod errors;
mod json_format;
mod props;
mod seed_binh_dinh;
mod seed_dak_nong;
mod support;
mod text;
mod xlsx;
