//! Working-day calendar (Vietnam): weekends, public holidays, lunar dates, overrides.
//!
//! - lunar dates ([`to_lunar`], [`from_lunar`]): the Vietnamese lunar calendar
//!   (UTC+7), which places Tết and Giỗ Tổ Hùng Vương.
//! - `rules`: the statutory holidays and compensatory days of any year.
//! - [`Override`]: per-date decisions that win over the rules; the government's
//!   published ones for [`OFFICIAL_YEARS`] are [`official_overrides`].
//! - [`WorkingCalendar`]: rules + overrides, with working-day arithmetic.
//! - [`month_weeks`]: a month as Monday-first weeks, for calendar pages.

mod arithmetic;
mod lunar;
mod month;
mod official;
mod overrides;
mod rules;
mod working;

pub use lunar::{
    LUNAR_SUPPORTED_YEARS, LunarDate, from_lunar, leap_month, lunar_new_year, to_lunar,
};
pub use month::{month_weeks, next_month, previous_month};
pub use official::{OFFICIAL_YEARS, all_official_overrides, official_overrides};
pub use overrides::{
    DAY_OFF, OVERRIDE_KINDS, Override, OverrideDraft, OverrideKind, OverrideRecord, WORKING_DAY,
    override_kind_label,
};
pub use rules::{
    COMPENSATORY_PREFIX, HUNG_KINGS, LABOUR_DAY, LUNAR_NEW_YEAR, NATIONAL_DAY, NEW_YEAR,
    VICTORY_DAY, is_weekend, public_holidays, rule_days_off,
};
pub use working::{DayStatus, WorkingCalendar};
