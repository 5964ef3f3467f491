//! The last complete quarter's reports, with a narrative, so the demo can show the report as
//! officials file it (`GET …/document`): Nghi Dương's approved, numbered and signed as seed 000
//! is (Thường trực HĐND, `11/BC-HĐND`), and Thái Tân's still a draft with every particular
//! defaulted. Their figures are those of the quarter's own report.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};

use super::plan::{NGHI_DUONG_PLAN, PLAN};
use super::reports::{Stage, report};
use super::tree::{NGHI_DUONG, THAI_TAN, demo_data};
use crate::StoreError;
use crate::db::Db;
use crate::domain::{OrgUnitCode, Period, ValueKind};
use crate::reports::{self, Actor, DocumentDetails, NarrativeSection, ReportKey, Transition};

pub fn seed(
    conn: &mut Db,
    kinds: &HashMap<i64, ValueKind>,
    today: NaiveDate,
) -> Result<usize, StoreError> {
    let quarter = last_complete_quarter(today);
    let mut written = report(conn, kinds, PLAN, THAI_TAN, quarter, 11, Stage::Draft)?;
    let thai_tan = key(PLAN, THAI_TAN, quarter)?;
    narrative(conn, &thai_tan, &thai_tan_outline())?;
    written += report(
        conn,
        kinds,
        NGHI_DUONG_PLAN,
        NGHI_DUONG,
        quarter,
        11,
        Stage::Draft,
    )?;
    let nghi_duong = key(NGHI_DUONG_PLAN, NGHI_DUONG, quarter)?;
    narrative(conn, &nghi_duong, &nghi_duong_outline())?;
    for step in [
        Transition::Submit(Default::default()),
        Transition::Approve {
            override_reason: Some("Tổng hợp từ báo cáo giấy của các phòng, đơn vị".to_owned()),
        },
    ] {
        reports::transition(conn, &nghi_duong, None, step, &actor())?;
    }
    // Numbered and signed after approval, as a clerk does.
    let issued_on = quarter.end().succ_opt().and_then(|d| d.with_day(10));
    let details = DocumentDetails {
        document_number: Some("11/BC-HĐND".to_owned()),
        superior_body: Some("HĐND XÃ NGHI DƯƠNG".to_owned()),
        issuing_body: Some("THƯỜNG TRỰC".to_owned()),
        place: Some("Nghi Dương".to_owned()),
        issued_on,
        summary: None,
        signer_authority: Some("TM. THƯỜNG TRỰC HĐND\nKT. CHỦ TỊCH".to_owned()),
        signer_title: Some("PHÓ CHỦ TỊCH".to_owned()),
        signer_name: Some("Phạm Thị Thanh".to_owned()),
        recipients: Some(vec![
            "Đảng ủy xã (báo cáo)".to_owned(),
            "Ban Chỉ đạo về thực hiện Chuyển đổi số".to_owned(),
            "Văn phòng Đảng ủy".to_owned(),
            "Lưu: VT".to_owned(),
        ]),
    };
    reports::set_document_details(conn, &nghi_duong, &details, &actor())?;
    Ok(written)
}

fn actor() -> Actor {
    Actor {
        subject: "demo".to_owned(),
        request_id: None,
    }
}

fn key(plan: &str, unit: &str, period: Period) -> Result<ReportKey, StoreError> {
    Ok(ReportKey {
        unit: OrgUnitCode::parse(unit).map_err(demo_data(unit))?,
        plan: plan.to_owned(),
        period,
    })
}

/// The quarter that ended before the month of `today`'s quarter began.
pub fn last_complete_quarter(today: NaiveDate) -> Period {
    let quarter = (today.month() - 1) / 3 + 1;
    if quarter == 1 {
        Period::Quarterly {
            year: today.year() - 1,
            quarter: 4,
        }
    } else {
        Period::Quarterly {
            year: today.year(),
            quarter: quarter - 1,
        }
    }
}

/// Writes the narrative; sub-sections hang under the code their numbering names.
fn narrative(
    conn: &mut Db,
    key: &ReportKey,
    outline: &[(&str, &str, &str)],
) -> Result<(), StoreError> {
    let sections = outline
        .iter()
        .enumerate()
        .map(|(index, (code, title, html))| NarrativeSection {
            code: (*code).to_owned(),
            parent_code: code.rsplit_once('.').map(|(parent, _)| parent.to_owned()),
            title: (*title).to_owned(),
            position: i32::try_from(index).unwrap_or(0),
            content_html: NarrativeSection::normalise_html(html),
        })
        .collect();
    reports::set_narrative(conn, key, None, sections, &actor())?;
    Ok(())
}

fn thai_tan_outline() -> Vec<(&'static str, &'static str, &'static str)> {
    vec![
        (
            "I",
            "Công tác lãnh đạo, chỉ đạo",
            "<p>Ủy ban nhân dân xã đã ban hành Kế hoạch số 18/KH-UBND triển khai Nghị quyết số 57-NQ/TW; phân công nhiệm vụ cho <b>04 phòng, đơn vị</b> theo nguyên tắc “rõ người, rõ việc, rõ trách nhiệm”.</p>",
        ),
        (
            "II",
            "Kết quả đạt được",
            "<p>Các chỉ tiêu của quý được tổng hợp tại <i>Phụ lục</i> kèm theo báo cáo này.</p>",
        ),
        (
            "II.1",
            "Về hạ tầng số",
            "<p>Hạ tầng mạng tại trụ sở và Trung tâm phục vụ hành chính công được duy trì ổn định.</p>",
        ),
        (
            "II.2",
            "Về chính quyền số",
            "<ul><li>Tiếp nhận hồ sơ trực tuyến toàn trình;</li><li>Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính.</li></ul>",
        ),
        ("III", "Đánh giá chung", ""),
        (
            "III.1",
            "Ưu điểm",
            "<p>Các phòng, đơn vị báo cáo đúng hạn, số liệu đầy đủ.</p>",
        ),
        (
            "III.2",
            "Tồn tại, hạn chế",
            "<p>Một số chỉ tiêu tỷ lệ chưa có đủ mẫu số.</p>",
        ),
        (
            "IV",
            "Nhiệm vụ trọng tâm quý tới",
            "<ol><li>Hoàn thiện số liệu các chỉ tiêu còn thiếu;</li><li>Đẩy mạnh thanh toán không dùng tiền mặt.</li></ol>",
        ),
        (
            "V",
            "Kiến nghị, đề xuất",
            "<p>Đề nghị thành phố hỗ trợ kinh phí nâng cấp trang thiết bị.</p>",
        ),
    ]
}

/// Seed 000's outline, its text abridged.
fn nghi_duong_outline() -> Vec<(&'static str, &'static str, &'static str)> {
    vec![
        ("I", "Công tác lãnh đạo, chỉ đạo", ""),
        (
            "I.1",
            "Công tác lãnh đạo, chỉ đạo ban hành các văn bản",
            "<p>Thường trực HĐND xã Nghi Dương xác định việc triển khai Nghị quyết số 57-NQ/TW là <b>nhiệm vụ chính trị trọng tâm</b>, có ý nghĩa then chốt trong đổi mới phương thức hoạt động của HĐND.</p><p>Việc tổ chức thực hiện được phân công theo nguyên tắc <i>“rõ người, rõ việc, rõ trách nhiệm, rõ tiến độ, rõ kết quả”</i>.</p>",
        ),
        (
            "I.2",
            "Công tác tuyên truyền, quán triệt",
            "<p>Nội dung quán triệt tập trung vào các nhiệm vụ trọng tâm:</p><ul><li>chuyển đổi số trong hoạt động của cơ quan nhà nước;</li><li>dịch vụ công trực tuyến và định danh điện tử;</li><li>thanh toán không dùng tiền mặt.</li></ul>",
        ),
        (
            "I.3",
            "Công tác kiểm tra, giám sát và tổ chức thực hiện",
            "<p>Trong kỳ, Thường trực HĐND xã đã tổ chức các cuộc giám sát chuyên đề về chuyển đổi số:</p><table><tr><th>Nội dung</th><th>Số cuộc</th></tr><tr><td>Giám sát chuyên đề chuyển đổi số</td><td>02</td></tr><tr><td>Kiểm tra, đôn đốc sau giám sát</td><td>01</td></tr></table>",
        ),
        (
            "I.4",
            "Phát triển chính quyền số",
            "<p>Mô hình “kỳ họp không giấy tờ” được triển khai bước đầu; tài liệu kỳ họp được cung cấp qua mã QR.</p>",
        ),
        (
            "I.5",
            "Ứng dụng công nghệ thông tin trong hoạt động",
            "<p>Các nền tảng số như phần mềm quản lý văn bản và điều hành, thư điện tử công vụ được sử dụng thường xuyên.</p>",
        ),
        ("II", "Kết quả đạt được", ""),
        (
            "II.1",
            "Về hạ tầng số phục vụ hoạt động của HĐND xã",
            "<p>Hệ thống mạng nội bộ, kết nối internet cơ bản đáp ứng yêu cầu phục vụ kỳ họp và hoạt động giám sát.</p>",
        ),
        (
            "II.2",
            "Về xây dựng chính quyền số trong hoạt động của HĐND xã",
            "<p>Tài liệu kỳ họp được gửi qua môi trường điện tử, giảm sử dụng văn bản giấy.</p>",
        ),
        (
            "II.3",
            "Về thúc đẩy kinh tế số",
            "<p>HĐND xã lồng ghép nội dung phát triển kinh tế số vào các nghị quyết phát triển kinh tế - xã hội.</p>",
        ),
        ("III", "Đánh giá chung", ""),
        (
            "III.1",
            "Ưu điểm",
            "<p>Hoạt động giám sát được tăng cường; ứng dụng công nghệ thông tin có chuyển biến rõ nét.</p>",
        ),
        (
            "III.2",
            "Tồn tại, hạn chế",
            "<p>Hạ tầng công nghệ thông tin chưa đồng bộ; nguồn lực triển khai còn khó khăn.</p>",
        ),
        (
            "III.3",
            "Nguyên nhân",
            "<p>Điều kiện kinh tế - xã hội còn khó khăn, nguồn lực đầu tư hạn chế.</p>",
        ),
        ("IV", "Phương hướng, nhiệm vụ quý tới", ""),
        (
            "IV.1",
            "Tăng cường lãnh đạo, chỉ đạo",
            "<p>Tiếp tục quán triệt, triển khai đồng bộ Nghị quyết số 57-NQ/TW.</p>",
        ),
        (
            "IV.2",
            "Phát triển hạ tầng và nguồn lực",
            "<p>Rà soát, đề xuất đầu tư, nâng cấp trang thiết bị, hệ thống mạng.</p>",
        ),
        ("V", "Kiến nghị, đề xuất", ""),
        (
            "V.1",
            "Đối với cấp trên",
            "<p>Quan tâm ban hành hướng dẫn, tiêu chí đánh giá chuyển đổi số phù hợp với cấp xã.</p>",
        ),
        (
            "V.2",
            "Đối với Đảng ủy xã",
            "<p>Chỉ đạo xây dựng, triển khai các mô hình điểm về chuyển đổi số.</p>",
        ),
        (
            "V.3",
            "Đối với UBND xã",
            "<p>Đẩy mạnh cải cách hành chính gắn với dịch vụ công trực tuyến.</p>",
        ),
    ]
}
