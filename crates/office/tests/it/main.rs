//! Integration tests of cchc-office (one binary): the two real plans, the
//! .docx and .xlsx readers, refused files, exports read back and property tests.

mod docx;
mod errors;
mod export_domain;
mod export_files;
mod export_props;
mod export_render;
mod export_report;
mod export_roundtrip;
mod export_view;
mod json_format;
mod props;
mod seed_binh_dinh;
mod seed_dak_nong;
mod support;
mod text;
mod xlsx;
