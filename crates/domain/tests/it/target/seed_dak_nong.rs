//! "Chỉ số" column of the Sở Y tế Đắk Nông 2020 plan: every text with a
//! number, and texts whose numbers are legal references, years or levels.

use super::check;

#[test]
fn dak_nong_targets_with_numbers() {
    check(&[
        (
            r#"Phải xác định đầy đủ 6 nội dung CCHC trên các lĩnh vực theo Chương trình CCHC của Chính phủ, của tỉnh quy định (đối với các đơn vị được phân công tiếp nhận và giải quyết có TTHC) và bố trí kinh phí thực hiện; Các kết quả phải xác định rõ ràng, cụ thể, phân công trách nhiệm, thời gian triển khai và hoàn thành các tiêu chí trong kế hoạch đúng yêu cầu và hợp lý"#,
            &["Ge 6 nội dung"],
        ),
        (
            r#"100% các hoạt động theo Kế hoạch được triển khai."#,
            &["Ge 100 %"],
        ),
        (
            r#"Có đủ số lượng báo cáo (02 báo cáo quý, 6 tháng và báo cáo năm), tất cả báo cáo đầy đủ nội dung theo quy định ."#,
            &["Ge 2 báo cáo quý"],
        ),
        (
            r#"(1) Kiểm tra ít nhất 30% đơn vị trực thuộc. (2) 100% các đơn vị trong KH được kiểm tra."#,
            &["Ge 30 %", "Ge 100 %"],
        ),
        (
            r#"100% vấn đề phát hiện qua kiểm tra đã được xử lý hoặc kiến nghị cấp có thẩm quyền xử lý so với tổng số vấn đề phát hiện qua kiểm tra"#,
            &["Ge 100 %"],
        ),
        (
            r#"Có ban hành kế hoạch riêng hoặc lồng ghép với kế hoạch CCHC năm; 100% số nhiệm vụ đã hoàn thành so với tổng nhiệm vụ trong kế hoạch"#,
            &["Ge 100 %"],
        ),
        (
            r#"Giao Trung tâm Kiểm soát Bệnh tật xây dựng ít nhất 04 bài viết về CCHC trên mục CCHC của Trang Ngành"#,
            &["Ge 4 bài viết"],
        ),
        (
            r#"100% số văn bản được ban hành đúng tiến độ theo danh mục đã được cơ quan có thẩm quyền phê duyệt"#,
            &["Ge 100 %"],
        ),
        (
            r#"100% số văn bản đã ban hành và dự kiến ban hành được xây dựng theo đúng quy trình, thủ tục ban hành VBQPPL"#,
            &["Ge 100 %"],
        ),
        (
            r#"Ban hành kế hoạch theo dõi thi hành pháp luật của cơ quan đơn vị, 100% số nhiệm vụ/sản phẩm đã hoàn thành so với tổng số nhiệm vụ/sản phẩm trong kế hoạch"#,
            &["Ge 100 %"],
        ),
        (
            r#"Qua công tác theo dõi tình hình thi hành pháp luật tại cơ quan, đơn vị 100% số vấn đề phát hiện qua theo dõi được xử lý theo quy định"#,
            &["Ge 100 %"],
        ),
        (
            r#"100% số vấn đề phát hiện được xử lý hoặc kiến nghị"#,
            &["Ge 100 %"],
        ),
        (
            r#"100% số nhiệm vụ hoàn thành so với tổng số nhiệm vụ trong kế hoạch"#,
            &["Ge 100 %"],
        ),
        (
            r#"Niên yết công khai đối với TTHC là phải đầy đủ thông tin (các bộ phận cấu thành TTHC), đúng quy định (thường xuyên, rõ ràng, đúng địa chỉ, dễ tiếp cận, dễ khai thác, dễ sử dụng). 100 % TTHC được công khai đầy đủ, đúng quy định tại Bộ phận tiếp nhận và trả kết quả ; Trên Trang của Ngành"#,
            &["Ge 100 %"],
        ),
        (r#"100% phản ánh kiến nghị xử lý được xử lý"#, &["Ge 100 %"]),
        (
            r#"Thực hiện các nhiệm vụ về phân cấp quản lý nhà nước theo đúng quy định tại Nghị định số 21/NQ-CP ngày 21/3/2016 của Chính phủ và các quy định khác của Trung ương, của tỉnh về phân cấp quản lý nhà nước. Có đề xuất sửa đổi, bổ sung phù hợp với chức năng"#,
            &[],
        ),
        (
            r#"100% thực hiện đúng các quy định so với tổng số nhiệm vụ phải thực hiện của cơ quan, đơn vị và các đơn vị trực thuộc thực hiện"#,
            &["Ge 100 %"],
        ),
        (
            r#"(1) Bản mô tả công việc và khung năng lực cho từng vị trí việc làm theo danh mục đã được phê duyệt; (2) Bố trí công chức, viên chức đúng theo vị trí việc làm và tiêu chuẩn ngạch công chức tương ứng với từng vị trí."#,
            &[],
        ),
        (
            r#"Thực hiện việc chuyển đổi vị trí công tác theo định kỳ đối với cán bộ, công chức, viên chức; Thực hiện theo đúng 100% kế hoạch và các quy định khác của Trung ương, của tỉnh"#,
            &["Ge 100 %"],
        ),
        (
            r#"Thực hiện cơ chế tự chủ, tự chịu trách nhiệm về sử dụng kinh phí quản lý hành chính theo quy định tại Nghị định số 130/2005/NĐ-CP, đã triển khai thực hiện, tiết kiệm chi thu nhập cho cán bộ, công chức"#,
            &[],
        ),
        (
            r#"80% đơn vị sự nghiệp trực thuộc thuộc cơ quan quản lý đã triển khai cơ chế tự chủ, tự chịu trách nhiệm theo quy định"#,
            &["Ge 80 %"],
        ),
        (
            r#"100% nhiệm vụ đã hoàn thành so với tổng số nhiệm vụ/sản phẩm trong kế hoạch"#,
            &["Ge 100 %"],
        ),
        (
            r#"100% số văn bản (trừ văn bản mật) được trao đổi qua điện tử so với tổng số văn bản phát hành và tiếp nhận tại cơ quan, đơn vị"#,
            &["Ge 100 %"],
        ),
        (
            r#"100% công chức, viên chức thực hiện, sử dụng hiệu quả hộp thư điện tử công vụ tỉnh"#,
            &["Ge 100 %"],
        ),
        (
            r#"100% công chức lãnh đạo, quản lý đã sử dụng chứng thư số, chữ ký số trao đổi bằng văn bản điện tử so với tổng số cán bộ lãnh đạo, quản lý trong cơ quan, đơn vị"#,
            &["Ge 100 %"],
        ),
        (
            r#"100% TTHC được cung cấp trực tuyến ở mức độ 2; 100 % TTHC được cung cấp trực tuyến ở mức độ 3; 30% TTHC được cung cấp trực tuyến ở mức độ 4"#,
            &["Ge 100 %", "Ge 100 %", "Ge 30 %"],
        ),
        (
            r#"Triển khai áp dụng và cải tiến Hệ thống quản lý chất lượng theo tiêu chuẩn TCVN ISO 9001:2015 trong các đơn vị, cơ quan Sở"#,
            &[],
        ),
        (
            r#"100 % TTHC được thực hiện theo cơ chế một cửa"#,
            &["Ge 100 %"],
        ),
        (r#"100% hồ sơ được giải quyết đúng hạn"#, &["Ge 100 %"]),
        (
            r#"100 % TTHC trễ hạn phải ban hành văn bản xin lỗi, báo cáo kết quả"#,
            &["Ge 100 %"],
        ),
        (
            r#"100 % phản ánh kiến nghị được xử lý, báo cáo kết quả"#,
            &["Ge 100 %"],
        ),
        (
            r#"Kế hoạch CCHC năm 2021 được xây dựng theo đúng quy định."#,
            &[],
        ),
    ]);
}

#[test]
fn dak_nong_body_targets() {
    check(&[
        (
            "b) 100% văn bản QPPL được theo dõi, kiểm tra, rà soát hệ thống hóa theo đúng quy định; triển khai thống nhất trong toàn Ngành.",
            &["Ge 100 %"],
        ),
        (
            "Thực hiện Quyết định số 1999/QĐ-UBND ngày 12/12/2019 về việc ban hành Kế hoạch Cải cách hành chính tỉnh Đắk Nông năm 2020.",
            &[],
        ),
        (
            "Nghị quyết số 30c-NQ-CP ngày 08/11/2011 của Chính phủ, giai đoạn 2011-2020",
            &[],
        ),
    ]);
}

#[test]
fn dak_nong_text_targets_are_kept_whole() {
    for text in [
        "Đầy đủ, đúng thời gian theo quy định",
        "Có phương án giảm thời gian giải quyết TTHC",
        "Kế hoạch kiểm soát TTHC của cơ quan, đơn vị ban hành trong Quý IV của năm trước liền kề năm kế hoạch",
        "Kế hoạch đào tạo - bồi dưỡng của cơ quan, đơn vị ban hành trong Quý IV của năm trước liền kề năm kế hoạch",
        "Bố trí, sắp xếp cho công chức, viên chức tập sự; bổ nhiệm chính thức vào ngạch công chức, viên chức đảm bảo theo đúng quy định",
        "Tổ chức làm việc tập thể đánh giá công tác thực hiện CCHC, gắn việc triển khai nhiệm vụ CCHC với công tác thi đua và đánh giá mức độ hoàn thành nhiệm vụ của các tập thể, cá nhân có thể lồng ghép với các cuộc họp cơ quan theo định kỳ tháng, quý, năm",
    ] {
        let target = cchc_domain::target::Target::parse(text);
        assert!(!target.is_measurable(), "{text}");
        assert_eq!(target.parts.len(), 1, "{text}");
        assert_eq!(target.parts[0].text, text);
        assert_eq!(target.evaluate(100.0), None);
    }
}
