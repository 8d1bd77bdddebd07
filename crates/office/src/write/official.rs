//! What every official document (ND 30/2020) carries whatever its kind:
//! the header block (issuing body, number and symbol, place and date) and
//! the signer under "Nơi nhận:".

use chrono::NaiveDate;

use super::words::date_words;

/// The ND 30/2020 header block: issuing body on the left, number and the
/// place-and-date line.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DocHeader {
    /// The body above the issuer, as written in a sentence ("UBND tỉnh Đắk
    /// Nông"); printed in capitals. Empty when there is none.
    pub superior_body: String,
    /// The issuing unit ("Sở Y tế"); printed in capitals and bold in the
    /// header, as given in sentences ("của Sở Y tế").
    pub issuer: String,
    /// Number and symbol, "123/KH-SYT" (or "/KH-SYT" while unnumbered).
    pub number: String,
    /// "Đắk Nông", before the date.
    pub place: String,
    /// The signing date; `None` prints a blank "ngày ... tháng ... năm ...".
    pub issued_on: Option<NaiveDate>,
}

/// The signature block under "Nơi nhận:" (ND 30/2020 placeholders by default).
#[derive(Debug, Clone, PartialEq)]
pub struct Signer {
    /// "GIÁM ĐỐC", or several lines: "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC".
    pub authority: String,
    /// The signer's full name.
    pub name: String,
}

impl Default for Signer {
    fn default() -> Self {
        Signer {
            authority: "QUYỀN HẠN, CHỨC VỤ CỦA NGƯỜI KÝ".to_owned(),
            name: "Họ và tên".to_owned(),
        }
    }
}

impl DocHeader {
    /// "Đắk Nông, ngày 15 tháng 12 năm 2019"; dots stand for a missing place.
    pub fn place_and_date(&self) -> String {
        let date = date_words(self.issued_on);
        match self.place.trim() {
            "" => format!("......, {date}"),
            place => format!("{place}, {date}"),
        }
    }
}

/// The place a body's documents are dated at, read from its name: the
/// province or city it names ("Sở Y tế tỉnh An Phú" -> "An Phú", "UBND
/// thành phố Hà Nội" -> "Hà Nội"; ND 30/2020 writes Ho Chi Minh City in
/// full). `None` when the name names neither.
pub fn place_in(name: &str) -> Option<String> {
    let lower = name.to_lowercase();
    let (start, word) = ["tỉnh ", "thành phố ", "tp. "]
        .iter()
        .filter_map(|w| lower.rfind(w).map(|i| (i, *w)))
        .max_by_key(|(i, _)| *i)?;
    // Cut the original by characters: lowercasing keeps their count.
    let skip = lower[..start + word.len()].chars().count();
    let place: String = name.chars().skip(skip).collect();
    let place = place.trim().trim_end_matches(['.', ',', ';']).trim();
    if place.is_empty() {
        return None;
    }
    Some(if place == "Hồ Chí Minh" {
        "Thành phố Hồ Chí Minh".to_owned()
    } else {
        place.to_owned()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_come_from_the_province_or_city_named() {
        assert_eq!(place_in("Sở Y tế tỉnh An Phú").as_deref(), Some("An Phú"));
        assert_eq!(place_in("UBND tỉnh Đắk Nông").as_deref(), Some("Đắk Nông"));
        assert_eq!(
            place_in("Ủy ban nhân dân Thành phố Hà Nội").as_deref(),
            Some("Hà Nội")
        );
        assert_eq!(
            place_in("Sở Nội vụ TP. Hồ Chí Minh").as_deref(),
            Some("Thành phố Hồ Chí Minh")
        );
        assert_eq!(place_in("Sở Y tế"), None);
        assert_eq!(place_in("Sở Y tế tỉnh "), None);
    }

    #[test]
    fn the_date_line_has_dots_without_a_place() {
        let mut header = DocHeader {
            issued_on: NaiveDate::from_ymd_opt(2026, 3, 15),
            ..DocHeader::default()
        };
        assert_eq!(header.place_and_date(), "......, ngày 15 tháng 3 năm 2026");
        header.place = "An Phú".into();
        assert_eq!(header.place_and_date(), "An Phú, ngày 15 tháng 3 năm 2026");
    }
}
