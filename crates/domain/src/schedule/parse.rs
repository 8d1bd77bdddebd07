//! Grammar of one schedule cell. Each reading must account for every token
//! of the cell; a cell that none accounts for is `Unrecognized`, so nothing
//! is guessed from part of a text.

use super::kind::{AfterEvent, Offset, OffsetUnit, Recurrence, ScheduleKind};
use super::lex::{Cursor, Tok, Token, tokenize};
use super::point_parse::{parse_point_full, parse_span_full};

/// Words that open a cell without meaning anything: "Thời gian thực hiện:",
/// "Kết thúc", "Bắt đầu", "Dự kiến".
const LEAD_FILLERS: &[&[&str]] = &[
    &["thoi", "gian"],
    &["thuc", "hien"],
    &["hoan", "thanh"],
    &["ket", "thuc"],
    &["bat", "dau"],
    &["du", "kien"],
];

const EDGE_PUNCT: &[char] = &['-', '+', '*', '•', ':', '.', ',', ';', '(', ')', '"'];

/// Parses the text of one schedule cell.
pub(super) fn parse_cell(text: &str) -> ScheduleKind {
    let tokens = tokenize(text);
    if tokens.iter().all(|t| matches!(t.tok, Tok::Punct(_))) {
        return ScheduleKind::Unspecified;
    }
    let mut c = Cursor::new(&tokens);
    loop {
        c.skip_punct(EDGE_PUNCT);
        if !c.eat_any(LEAD_FILLERS) {
            break;
        }
    }
    let body = &tokens[c.pos..];
    if is_continuous(body) {
        return ScheduleKind::Continuous;
    }
    if let Some(span) = parse_span_full(body) {
        return ScheduleKind::Fixed { span };
    }
    if let Some(recurrence) = parse_recurrence(body) {
        return ScheduleKind::Recurring { recurrence };
    }
    if let Some(after) = parse_after_event(text, body) {
        return ScheduleKind::AfterEvent { after };
    }
    if body.first().and_then(Token::word) == Some("theo") {
        return ScheduleKind::ByReference {
            reference: text.trim().to_owned(),
        };
    }
    ScheduleKind::Unrecognized
}

/// "Thường xuyên", "Liên tục", "Hàng ngày", or several of them joined.
fn is_continuous(body: &[Token]) -> bool {
    let mut c = Cursor::new(body);
    let mut any = false;
    loop {
        c.skip_punct(EDGE_PUNCT);
        if c.eat_any(&[&["thuong", "xuyen"], &["lien", "tuc"], &["hang", "ngay"]]) {
            any = true;
        } else if !(any && c.eat_words(&["va"])) {
            break;
        }
    }
    any && c.at_end()
}

/// Recurrence words found in a cell.
fn recurrence_word(c: &mut Cursor) -> Option<Recurrence> {
    const EVERY: &[(&[&str], Recurrence)] = &[
        (&["hang", "nam"], Recurrence::Yearly { at: None }),
        (&["moi", "nam"], Recurrence::Yearly { at: None }),
        (&["hang", "quy"], Recurrence::Quarterly),
        (&["moi", "quy"], Recurrence::Quarterly),
        (&["hang", "thang"], Recurrence::Monthly),
        (&["moi", "thang"], Recurrence::Monthly),
        (&["nua", "nam"], Recurrence::HalfYearly),
    ];
    if let Some((_, r)) = EVERY.iter().find(|(words, _)| c.eat_words(words)) {
        return Some(*r);
    }
    let mut t = *c;
    t.eat_words(&["hang"]);
    if t.eat_num().is_some_and(|(v, _)| v == 6) && t.eat_words(&["thang"]) {
        // "6 tháng một lần", "6 tháng/lần"
        let mut once = t;
        if once.eat_words(&["mot", "lan"]) || (once.eat_punct('/') && once.eat_words(&["lan"])) {
            t = once;
        }
        *c = t;
        return Some(Recurrence::HalfYearly);
    }
    None
}

/// "Hàng năm", "Quý I hàng năm", "Trước 31/12 hàng năm", "hàng quý",
/// "hàng tháng", "6 tháng", "Định kỳ", "Định kỳ 6 tháng".
fn parse_recurrence(body: &[Token]) -> Option<Recurrence> {
    let mut c = Cursor::new(body);
    let (mut found, mut periodic) = (None, false);
    let mut rest: Vec<Token> = Vec::new();
    while !c.at_end() {
        if c.eat_any(&[&["dinh", "ky"], &["theo", "dinh", "ky"]]) {
            periodic = true;
        } else if let Some(r) = recurrence_word(&mut c) {
            if found.replace(r).is_some() {
                return None;
            }
        } else if let Some(t) = c.peek() {
            if ![',', ';', ':', '(', ')'].iter().any(|p| t.is_punct(*p)) {
                rest.push(t.clone());
            }
            c.pos += 1;
        }
    }
    let is_edge = |t: &Token| EDGE_PUNCT.iter().any(|p| t.is_punct(*p));
    let first = rest.iter().position(|t| !is_edge(t)).unwrap_or(rest.len());
    let last = rest
        .iter()
        .rposition(|t| !is_edge(t))
        .map_or(first, |i| i + 1);
    let rest = &rest[first..last.max(first)];
    let recurrence = match found {
        Some(r) => r,
        None if periodic && rest.is_empty() => return Some(Recurrence::Unspecified),
        None => return None,
    };
    if rest.is_empty() {
        return Some(recurrence);
    }
    // Only a yearly recurrence takes an anchor, and the anchor has no year.
    match (recurrence, parse_point_full(rest)) {
        (Recurrence::Yearly { .. }, Some(at)) if at.year().is_none() => {
            Some(Recurrence::Yearly { at: Some(at) })
        }
        _ => None,
    }
}

/// "Trong vòng 30 ngày kể từ ngày có thông báo kết quả kiểm tra",
/// "Sau khi có thông báo kết quả kiểm tra", "Khi có yêu cầu".
fn parse_after_event(text: &str, body: &[Token]) -> Option<AfterEvent> {
    let mut c = Cursor::new(body);
    let offset = offset_then_connector(&mut c);
    if offset.is_none()
        && !c.eat_any(&[
            &["ngay", "sau", "khi"],
            &["sau", "khi"],
            &["ke", "tu", "khi"],
            &["ke", "tu", "ngay"],
            &["khi"],
        ])
    {
        return None;
    }
    let start = c.peek()?.start;
    let event = text
        .get(start..)?
        .trim()
        .trim_end_matches(['.', ';', ','])
        .trim_end();
    let has_word = c.tokens[c.pos..].iter().any(|t| t.word().is_some());
    has_word.then(|| AfterEvent {
        offset,
        event: event.to_owned(),
    })
}

/// "[trong vòng] 30 ngày [làm việc] kể từ [ngày|khi]": the offset, with the
/// cursor left on the event.
fn offset_then_connector(c: &mut Cursor) -> Option<Offset> {
    let mut t = *c;
    t.eat_any(&[
        &["trong", "vong"],
        &["trong", "thoi", "han"],
        &["trong"],
        &["cham", "nhat"],
        &["toi", "da"],
        &["sau"],
    ]);
    let amount = u32::try_from(t.eat_num()?.0).ok()?;
    let (amount, unit) = if t.eat_words(&["ngay", "lam", "viec"]) {
        (amount, OffsetUnit::WorkingDays)
    } else if t.eat_words(&["ngay"]) {
        (amount, OffsetUnit::Days)
    } else if t.eat_words(&["tuan"]) {
        (amount.checked_mul(7)?, OffsetUnit::Days)
    } else if t.eat_words(&["thang"]) {
        (amount, OffsetUnit::Months)
    } else {
        return None;
    };
    if !t.eat_any(&[
        &["ke", "tu", "ngay"],
        &["ke", "tu", "khi"],
        &["ke", "tu"],
        &["sau", "khi"],
        &["sau", "ngay"],
    ]) {
        return None;
    }
    *c = t;
    Some(Offset { amount, unit })
}
