//! The JSON of a preview is a documented format (`cchc plan import --dry-run
//! --format json`): its keys are fixed here so a change is deliberate.

use cchc_office::read_plan;
use serde_json::Value;

use super::support::*;

fn keys(value: &Value) -> Vec<&str> {
    let mut keys: Vec<&str> = value
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort();
    keys
}

#[test]
fn the_preview_has_the_documented_shape() {
    let plan = read_plan(DAK_NONG, "ke-hoach.txt", &units()).unwrap();
    let json = serde_json::to_value(&plan).unwrap();
    assert_eq!(keys(&json), ["plan", "sections", "warnings"]);
    assert_eq!(
        keys(&json["plan"]),
        [
            "budget_total_million_vnd",
            "date_text",
            "issued_on",
            "legal_bases",
            "number",
            "period",
            "place",
            "title"
        ]
    );
    assert_eq!(
        json["plan"]["period"],
        serde_json::json!({"first_year": 2020, "last_year": 2020})
    );
    let section = &json["sections"][0];
    assert_eq!(keys(section), ["items", "number", "row", "title"]);
    let item = &section["items"][0]["children"][4];
    assert_eq!(item["number"], "1.5");
    assert_eq!(
        keys(item),
        [
            "budget_million_vnd",
            "budget_text",
            "children",
            "content",
            "cooperating",
            "end",
            "extra",
            "indicator",
            "lead",
            "note",
            "number",
            "output",
            "responsibility",
            "row",
            "schedule",
            "start",
            "target"
        ]
    );
    assert_eq!(
        item["lead"][0],
        serde_json::json!({"text": "Văn phòng Sở", "unit_id": VAN_PHONG, "unit_name": "Văn phòng Sở", "score": 1.0, "match": "exact"})
    );
    assert_eq!(keys(&item["start"]), ["parsed", "text"]);
    assert_eq!(item["end"]["parsed"]["kind"], "after_event");
    assert_eq!(
        item["end"]["parsed"]["after"]["offset"],
        serde_json::json!({"amount": 30, "unit": "days"})
    );
    assert_eq!(
        keys(&item["schedule"]),
        ["needs_decision", "occurrences", "parsed", "text"]
    );
    assert_eq!(keys(&item["target"]), ["parts", "text"]);
    assert_eq!(keys(&json["warnings"][0]), ["message", "row"]);
}
