//! Demo data: a fictional provincial health department with its divisions,
//! subordinate units and a few users per role, entered through the same use
//! cases as the UI. Loading is idempotent: what exists already is kept.

use chrono::NaiveDate;

use cchc_domain::roles::{Role, RoleGrant};
use cchc_domain::units::UnitDraft;
use cchc_domain::users::UserProfile;
use cchc_store::{meta, units, users};

use crate::auth::system_actor;
use crate::users::NewUser;
use crate::{App, Result};

/// The password of every demo account, printed by `serve --demo`.
pub const DEMO_PASSWORD: &str = "Cchc@2026";

const ROOT: &str = "SYT";

/// (code, name, short name, kind, parent code)
const UNITS: &[(&str, &str, &str, &str, &str)] = &[
    (ROOT, "Sở Y tế tỉnh An Phú", "SYT", "department", ""),
    ("VPS", "Văn phòng Sở", "VPS", "division", ROOT),
    ("TTS", "Thanh tra Sở", "TTS", "division", ROOT),
    ("TCCB", "Phòng Tổ chức cán bộ", "TCCB", "division", ROOT),
    (
        "KHTC",
        "Phòng Kế hoạch – Tài chính",
        "KHTC",
        "division",
        ROOT,
    ),
    ("NVY", "Phòng Nghiệp vụ Y", "NVY", "division", ROOT),
    ("NVD", "Phòng Nghiệp vụ Dược", "NVD", "division", ROOT),
    (
        "BVDK",
        "Bệnh viện Đa khoa tỉnh",
        "BVĐK",
        "subordinate",
        ROOT,
    ),
    (
        "BVYHCT",
        "Bệnh viện Y dược cổ truyền",
        "BV YDCT",
        "subordinate",
        ROOT,
    ),
    (
        "CDC",
        "Trung tâm Kiểm soát bệnh tật",
        "CDC",
        "subordinate",
        ROOT,
    ),
    ("TTKN", "Trung tâm Kiểm nghiệm", "TTKN", "subordinate", ROOT),
    ("TTPY", "Trung tâm Pháp y", "TTPY", "subordinate", ROOT),
    (
        "TTGDYK",
        "Trung tâm Giám định y khoa",
        "TTGĐYK",
        "subordinate",
        ROOT,
    ),
    (
        "CCDS",
        "Chi cục Dân số – Kế hoạch hóa gia đình",
        "CCDS",
        "subordinate",
        ROOT,
    ),
    (
        "CCATTP",
        "Chi cục An toàn vệ sinh thực phẩm",
        "CCATVSTP",
        "subordinate",
        ROOT,
    ),
    (
        "TTYT-DS",
        "Trung tâm Y tế huyện Đông Sơn",
        "TTYT Đông Sơn",
        "subordinate",
        ROOT,
    ),
    (
        "TTYT-TH",
        "Trung tâm Y tế huyện Tây Hòa",
        "TTYT Tây Hòa",
        "subordinate",
        ROOT,
    ),
];

/// (username, full name, home unit, role, role unit: "" for the whole organisation)
const USERS: &[(&str, &str, &str, Role, &str)] = &[
    ("admin", "Đỗ Quang Tuấn", "VPS", Role::Admin, ""),
    ("daumoi", "Nguyễn Thị Hoa", "VPS", Role::Coordinator, ""),
    ("giamdoc", "Trần Văn Minh", ROOT, Role::Viewer, ""),
    ("lanhdao.vps", "Lê Văn Hùng", "VPS", Role::Leader, "VPS"),
    (
        "chuyenvien.vps",
        "Phạm Thu Trang",
        "VPS",
        Role::Staff,
        "VPS",
    ),
    (
        "lanhdao.bvdk",
        "Hoàng Minh Đức",
        "BVDK",
        Role::Leader,
        "BVDK",
    ),
    ("chuyenvien.bvdk", "Vũ Thị Lan", "BVDK", Role::Staff, "BVDK"),
    ("lanhdao.cdc", "Đặng Quốc Bảo", "CDC", Role::Leader, "CDC"),
    ("chuyenvien.cdc", "Bùi Thị Ngọc", "CDC", Role::Staff, "CDC"),
    ("lanhdao.nvy", "Đỗ Thanh Tùng", "NVY", Role::Leader, "NVY"),
    ("chuyenvien.nvy", "Ngô Thị Mai", "NVY", Role::Staff, "NVY"),
];

/// One line per demo login for the console: username, role, unit.
pub fn demo_logins() -> Vec<String> {
    USERS
        .iter()
        .map(|(username, name, unit, role, _)| {
            format!("{username:<16} {:<18} {name} ({unit})", role.label())
        })
        .collect()
}

impl App {
    /// Loads the demo organisation once. Returns false when it was already loaded.
    pub async fn load_demo(&self) -> Result<bool> {
        let mut tx = self.db.read().await?;
        let loaded = meta::get(&mut tx, "demo_loaded").await?.is_some();
        drop(tx);
        if loaded {
            return Ok(false);
        }
        let system = system_actor();
        let since = NaiveDate::from_ymd_opt(2020, 1, 1);
        for (code, name, short, kind, parent) in UNITS {
            let mut tx = self.db.read().await?;
            if units::id_by_code(&mut tx, code).await?.is_some() {
                continue;
            }
            let parent_id = if parent.is_empty() {
                None
            } else {
                units::id_by_code(&mut tx, parent).await?
            };
            drop(tx);
            let draft = UnitDraft {
                code: code.to_string(),
                name: name.to_string(),
                short_name: Some(short.to_string()),
                aliases: vec![],
                kind: kind.to_string(),
                parent_id,
                valid_from: since,
                valid_to: None,
            };
            self.create_unit(&system, draft).await?;
        }
        for (username, full_name, unit, role, role_unit) in USERS {
            let mut tx = self.db.read().await?;
            if users::id_by_username(&mut tx, username).await?.is_some() {
                continue;
            }
            let unit_id = units::id_by_code(&mut tx, unit).await?;
            let role_unit = if role_unit.is_empty() {
                None
            } else {
                units::id_by_code(&mut tx, role_unit).await?
            };
            drop(tx);
            let user = NewUser {
                username: username.to_string(),
                password: DEMO_PASSWORD.to_string(),
                profile: UserProfile {
                    full_name: full_name.to_string(),
                    email: Some(format!("{username}@syt.anphu.gov.vn")),
                    unit_id,
                },
                roles: vec![RoleGrant {
                    role: *role,
                    unit_id: role_unit,
                }],
            };
            self.create_user(&system, user).await?;
        }
        self.load_demo_plan().await?;
        self.load_demo_reports().await?;
        let mut tx = self.db.write().await?;
        meta::set(&mut tx, "demo_loaded", "1").await?;
        tx.commit().await?;
        Ok(true)
    }
}
