//! "Chỉ tiêu đạt được" column of the Sở Y tế Bình Định 2023 plan, and
//! targets stated in its body text.

use super::check;

#[test]
fn binh_dinh_targets_with_numbers() {
    check(&[
        (
            r#"Hoàn thành 100% nhiệm vụ CCHC đã đề ra theo Kế hoạch cải cách hành chính hàng năm của ngành Y tế"#,
            &["Ge 100 %"],
        ),
        (
            r#"- Tiến hành kiểm tra định kỳ và chuyên đề công tác CCHC tại các đơn vị trực thuộc đạt từ 30% trở lên. - 100% các đơn vị được kiểm tra có báo cáo khắc phục các tồn tại hạn chế mà các Đoàn kiểm tra CCHC đã chỉ ra."#,
            &["Ge 30 %", "Ge 100 %"],
        ),
        (
            r#"Mỗi năm có ít nhất 01 sáng kiến hoặc giải pháp mới trong CCHC cấp cơ sở trở lên."#,
            &["Ge 1 sáng kiến"],
        ),
        (
            r#"- Ban hành văn bản chỉ đạo giải quyết những kiến nghị, đề xuất của người dân, doanh nghiệp tại các cuộc đối thoại; - Xử lý 100% đề xuất, kiến nghị của người dân, doanh nghiệp thuộc chức năng, nhiệm vụ quản lý."#,
            &["Ge 100 %"],
        ),
        (
            r#"- Hoàn thành 100% nhiệm vụ trọng tâm UBND tỉnh giao theo tháng, quý, năm. - Hoàn thành 100% nhiệm vụ thường xuyên, đột xuất được UBND tỉnh, Chủ tịch UBND tỉnh giao"#,
            &["Ge 100 %", "Ge 100 %"],
        ),
        (
            r#"100% TTHC không có quy định trái thẩm quyền (nội dung TTHC, thành phần hồ sơ, mẫu đơn, mẫu tờ khai, điều kiện thực hiện TTHC...)"#,
            &["Ge 100 %"],
        ),
        (
            r#"- 100% TTHC cấp tỉnh thuộc thẩm quyền giải quyết của Sở Y tế được tiếp nhận và trả kết quả tại Trung tâm PVHCC. - Đạt 05 TTHC hoặc nhóm TTHC được giải quyết theo hình thức liên thông cùng cấp"#,
            &["Ge 100 %", "Ge 5 TTHC"],
        ),
        (
            r#"- Trên 99% hồ sơ TTHC do cơ quan chuyên môn cấp tỉnh tiếp nhận trong năm được giải quyết đúng hạn. - 100% hồ sơ TTHC trễ hạn thực hiện việc xin lỗi kịp thời trong giải quyết hồ sơ TTHC."#,
            &["Gt 99 %", "Ge 100 %"],
        ),
        (
            r#"- 100% phản ánh, kiến nghị của cá nhân, tổ chức đối với TTHC thuộc thẩm quyền giải quyết của Sở Y tế được giải quyết kịp thời. - 100% kết quả trả lời phản ánh, kiến nghị của cá nhân, tổ chức đối với TTHC thuộc thẩm quyền giải quyết của Sở Y tế được công khai trên cổng Dịch vụ công tỉnh."#,
            &["Ge 100 %", "Ge 100 %"],
        ),
        (
            r#"Nhân viên y tế thôn, bản đạt chuẩn về chuyên môn, nghiệp vụ theo quy định tại Thông tư số 07/2013/TT-BYT ngày 08/3/2013 của Bộ Y tế."#,
            &[],
        ),
        (
            r#"Phấn đấu thực hiện giải ngân 100% số tiền NSNN phải giải ngân theo Kế hoạch"#,
            &["Ge 100 %"],
        ),
        (
            r#"100% các đơn vị sử dụng kinh phí nguồn từ NSNN đảm bảo theo quy định"#,
            &["Ge 100 %"],
        ),
        (
            r#"Hoàn thành 100% kiến nghị sau thanh tra, kiểm tra, kiểm toán nhà nước về tài chính, ngân sách"#,
            &["Ge 100 %"],
        ),
        (
            r#"100% các đơn vị ban hành Quy chế quản lý, sử dụng tài sản công"#,
            &["Ge 100 %"],
        ),
        (
            r#"Từ 85% số cơ sở nhà, đất trở lên thuộc thẩm quyền quản lý được cấp có thẩm quyền phê duyệt phương án sắp xếp lại, xử lý"#,
            &["Ge 85 %"],
        ),
        (
            r#"Có thêm đơn vị tự bảo đảm chi thường xuyên sau mỗi thời kỳ ổn định (05 năm)"#,
            &[],
        ),
        (
            r#"Sau mỗi thời kỳ ổn định (05 năm): - Có thêm đơn vị tự bảo đảm từ 70% đến dưới 100% chi thường xuyên - Có thêm đơn vị tự bảo đảm từ 30% đến dưới 70% chi thường xuyên - Có thêm đơn vị tự bảo đảm từ 10% đến dưới 30% chi thường xuyên"#,
            &[],
        ),
        (
            r#"100% các đơn vị SNCL sử dụng các nguồn tài chính và phân phối kết quả tài chính đảm bảo theo quy định"#,
            &["Ge 100 %"],
        ),
        (
            r#"Hằng năm, thực hiện giảm tối thiểu 2,5% chi hỗ trợ trực tiếp từ ngân sách nhà nước."#,
            &["Ge 2.5 %"],
        ),
        (
            r#"<ul style="list-style-type: none"> - Nền tảng Hồ sơ SKĐT: Mỗi người dân có một hồ sơ sức khỏe điện tử được kết nối, chia sẻ với cơ sở dữ liệu quốc gia về dân cư; Xây dựng Kho cơ sở dữ liệu y tế dùng chung cho toàn ngành. - Nền tảng Quản lý tiêm chủng: Cung cấp cho người dân công cụ đăng ký, phản ánh, tra cứu thông tin tiêm chủng; hỗ trợ các cơ sở tiêm chủng triển khai công cụ lập kế hoạch, quản lý vắc xin, thực hiện tiêm và cấp chứng nhận tiêm chủng. - Nền tảng Hỗ trợ tư vấn khám chữa bệnh từ xa: 100% cơ sở y tế có triển khai tư vấn KCB từ xa; 100% các bệnh viện tuyến tỉnh, trung tâm y tế huyện, thị xã, thành phố kết nối với bệnh viện tuyến trên phục vụ hội chẩn, tư vấn khám chữa bệnh từ xa qua nền tảng công nghệ số. - Nền tảng Trạm y tế xã: Triển khai thành công và hiệu quả việc sử dụng phần mềm quản lý toàn diện các hoạt động của trạm y tế xã, phường, thị trấn theo quy định tại Quyết định số 3532/QĐ-BYT ngày 12/8/2020 của Bộ Y tế."#,
            &["Ge 100 %", "Ge 100 %"],
        ),
        (
            r#"<ul style="list-style-type: none"> - Tỷ lệ xử lý văn bản, hồ sơ công việc trên môi trường mạng tại các phòng, Văn phòng, Thanh tra Sở và 02 Chi cục đạt từ 90% trở lên. - Tỷ lệ xử lý văn bản, hồ sơ công việc trên môi trường mạng tại các đơn vị còn lại đạt từ 80% trở lên."#,
            &["Ge 90 %", "Ge 80 %"],
        ),
        (
            r#"100% các đơn vị gửi, nhận văn bản điện tử qua hệ thống iDesk"#,
            &["Ge 100 %"],
        ),
        (
            r#"100% chế độ báo cáo, báo cáo định kỳ và báo cáo thống kê trong lĩnh vực y tế phục vụ sự chỉ đạo, điều hành của Sở Y tế được kết nối, tích hợp, chia sẻ dữ liệu số trên Hệ thống thông tin báo cáo của tỉnh."#,
            &["Ge 100 %"],
        ),
        (
            r#"Số hóa hồ sơ, kết quả giải quyết và cấp kết quả giải quyết TTHC điện tử đối với TTHC thuộc thẩm quyền giải quyết của Sở Y tế đạt tối thiểu 70%."#,
            &["Ge 70 %"],
        ),
        (
            r#"100% số dịch vụ công trực tuyến đủ điều kiện theo quy định, thực hiện dịch vụ công trực tuyến toàn trình."#,
            &["Ge 100 %"],
        ),
        (
            r#"Trên 80% hồ sơ TTHC của dịch vụ công trực tuyến toàn trình được giải quyết trực tuyến"#,
            &["Gt 80 %"],
        ),
        (
            r#"<ul style="list-style-type: none"> - 100% TTHC có yêu cầu nghĩa vụ tài chính và có đủ điều kiện triển khai được triển khai thanh toán trực tuyến. - 100% TTHC được triển khai thanh toán trực tuyến có phát sinh giao dịch thanh toán trực tuyến - 100% hồ sơ TTHC đã giải quyết của các TTHC có yêu cầu nghĩa vụ tài chính đang triển khai thanh toán trực tuyến được giao dịch thanh toán trực tiếp"#,
            &["Ge 100 %", "Ge 100 %", "Ge 100 %"],
        ),
    ]);
}

#[test]
fn binh_dinh_body_targets() {
    check(&[
        (
            "Kiểm tra tối thiểu 30% các đơn vị trực thuộc Sở; 100% các vấn đề phát hiện qua kiểm tra được xử lý.",
            &["Ge 30 %", "Ge 100 %"],
        ),
        (
            "Hàng năm, có ít nhất 01 sáng kiến cấp cơ sở về cải cách hành chính.",
            &["Ge 1 sáng kiến"],
        ),
        (
            "Trên 99% hồ sơ thủ tục hành chính tiếp nhận được giải quyết đúng và sớm hạn. 100% hồ sơ thủ tục hành chính trễ hạn thực hiện việc xin lỗi kịp thời.",
            &["Gt 99 %", "Ge 100 %"],
        ),
        (
            "Phấn đấu đến năm 2025, kết quả đánh giá mức độ hài lòng của tổ chức, công dân đạt từ 90% trở lên; kết quả đánh giá của đại biểu Hội đồng nhân dân, lãnh đạo các cơ quan, đơn vị, địa phương đạt từ 80% trở lên.",
            &["Ge 90 %", "Ge 80 %"],
        ),
        (
            "- Chuyển ít nhất 30% số lượng đơn vị sự nghiệp công tự bảo đảm từ 70% đến dưới 100% chi thường xuyên sang đơn vị nhóm 2; hằng năm, thực hiện giảm tối thiểu 2,5% chi hỗ trợ trực tiếp từ ngân sách nhà nước;",
            &["Ge 30 %", "Ge 2.5 %"],
        ),
        (
            "100% thủ tục hành chính được tiếp nhận và trả kết quả theo cơ chế một cửa, một cửa liên thông đảm bảo theo quy định tại Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 và Nghị định số 107/2021/NĐ-CP ngày 06/12/2021 của Chính phủ sửa đổi, bổ sung một số điều của Nghị định số 61/2018/NĐ-CP của Chính phủ.",
            &["Ge 100 %"],
        ),
        (
            "Phần đầu trên 80% hồ sơ thủ tục hành chính được xử lý trực tuyến.",
            &["Gt 80 %"],
        ),
        (
            "Thực hiện đầy đủ các hoạt động theo dõi tình hình thi hành pháp luật được quy định tại Nghị định số 59/2012/NĐ-CP, Nghị định số 32/2020/NĐ-CP và các văn bản hướng dẫn thi hành.",
            &[],
        ),
        (
            "Sau mỗi thời kỳ ổn định (05 năm), thực hiện rà soát, nâng mức độ tự chủ tài chính của các đơn vị nhóm 3 theo lộ trình như sau:",
            &[],
        ),
    ]);
}
