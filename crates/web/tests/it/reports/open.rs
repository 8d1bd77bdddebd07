//! Opening a round through the form: what the preview shows, what it
//! refuses, and who may open one.

use axum::http::{Method, StatusCode};

use cchc_testkit::reports as fixture;

use super::assert_has;
use crate::support::{enc, webs};

#[tokio::test]
async fn opening_a_round_explains_what_is_missing() {
    for web in webs().await {
        let db = web.t.db.name;
        let f = fixture::build(&web.t.app).await;
        let dm = web.session("dm.syt").await;
        let adhoc = web
            .page(
                Method::GET,
                &format!(
                    "/reports/new?type_code=adhoc&year=2026&department_id={}&window_start=31%2F03%2F2026&window_end=01%2F03%2F2026&preview=1",
                    f.o.root
                ),
                Some(&dm),
                None,
            )
            .await;
        assert_has(
            &adhoc,
            &[
                "Nhập tên báo cáo đột xuất.",
                "Ngày kết thúc phải từ ngày bắt đầu trở đi.",
                "Nhập hạn gửi báo cáo của đơn vị.",
            ],
            db,
        );
        assert!(!adhoc.body.contains("Xác nhận mở kỳ báo cáo"));
        let form_with = |deadline: &str| {
            format!(
                "type_code=adhoc&year=2026&department_id={}&label={}&window_start=01%2F03%2F2026&window_end=31%2F03%2F2026&unit_deadline={}",
                f.o.root,
                enc("Báo cáo rà soát thủ tục hành chính"),
                enc(deadline)
            )
        };
        let form = form_with("03/04/2026");
        let preview = web
            .page(
                Method::GET,
                &format!("/reports/new?{form}&preview=1"),
                Some(&dm),
                None,
            )
            .await;
        assert_has(
            &preview,
            &[
                "Xác nhận mở “Báo cáo rà soát thủ tục hành chính”",
                "01/03/2026 – 31/03/2026",
            ],
            db,
        );
        let none = web
            .page(
                Method::POST,
                "/reports",
                Some(&dm),
                Some(&format!("{form}&participants_shown=1")),
            )
            .await;
        assert_eq!(none.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_has(&none, &["Chọn ít nhất một đơn vị báo cáo."], db);
        let bad_date = web
            .page(
                Method::POST,
                "/reports",
                Some(&dm),
                Some(&form_with("31/02/2026")),
            )
            .await;
        assert_eq!(bad_date.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_has(&bad_date, &["Ngày “31/02/2026” không hợp lệ"], db);
        let opened = web
            .page(
                Method::POST,
                "/reports",
                Some(&dm),
                Some(&format!("{form}&participant={}", f.o.inside)),
            )
            .await;
        assert_eq!(opened.status, StatusCode::SEE_OTHER, "{}", opened.body);
        let round = web
            .page(Method::GET, opened.location(), Some(&dm), None)
            .await;
        assert_has(
            &round,
            &[
                "Báo cáo rà soát thủ tục hành chính",
                "Văn phòng Sở",
                "03/04/2026",
                "0/1",
            ],
            db,
        );
        assert!(
            !round.body.contains("Thanh tra Sở"),
            "only the unit ticked reports"
        );

        let cv = web.session("cv.vps").await;
        let list = web.page(Method::GET, "/reports", Some(&cv), None).await;
        assert_has(
            &list,
            &[
                "Báo cáo định kỳ năm 2026",
                "Báo cáo rà soát thủ tục hành chính",
            ],
            db,
        );
        assert!(
            !list.body.contains("/reports/new"),
            "only coordinators open rounds"
        );
        let empty = web
            .page(Method::GET, "/reports?year=2024", Some(&cv), None)
            .await;
        assert_has(&empty, &["Chưa có kỳ báo cáo nào của năm 2024"], db);
        assert_eq!(
            web.page(Method::GET, "/reports/new", Some(&cv), None)
                .await
                .status,
            StatusCode::FORBIDDEN
        );
    }
}
