//! What the layout fixtures `thai_tan_yearly_2025` and `nghi_duong_appendix_1_lines` must read
//! as: their appendices item by item, hand-checked against the seeds, and the units the yearly
//! plan proposes.

use super::expected::{ALL, Appendix, Item, nghi_duong_appendix_1};

/// The units the Thái Tân yearly plan proposes: an agency of a comma list, written once with
/// a hyphen and once with an en dash, and a named group.
pub const TT_CENTRE: &str = "31001-TRUNG-TAM-VH-TT-TT";
pub const SCHOOLS: &str = "31001-CAC-CO-SO-GIAO-DUC-TREN-DIA";

/// Everyone but the lead: what "every agency" in the coordinating cell gives.
fn all_but(lead: &str) -> Vec<&'static str> {
    ALL.iter().copied().filter(|a| *a != lead).collect()
}

#[allow(clippy::too_many_arguments)]
fn item(
    section: &'static str,
    number: &str,
    name: &str,
    unit: Option<&'static str>,
    kind: &str,
    target: (i32, &str),
    lead: Option<&str>,
    coordinating: &[&str],
) -> Item {
    Item {
        number: number.to_owned(),
        written: number.to_owned(),
        section,
        kind: kind.to_owned(),
        unit,
        targets: vec![(target.0, target.1.to_owned())],
        lead: lead.map(str::to_owned),
        coordinating: coordinating.iter().map(|c| (*c).to_owned()).collect(),
        name: Some(name.to_owned()),
    }
}

/// Seed 002 as a plan of 2025, numbering restarting in each section (hand-checked against
/// the seed's Appendix 2: its items 4–15 and 17 are II.1–II.13, 18–19 III.1–2, 20 IV.1,
/// 21–29 V.1–9).
pub fn thai_tan_yearly_2025() -> Appendix {
    let pct = Some("%");
    let vh = Some("VHXH");
    let hcc = Some("TTHCC");
    let y = |t: &'static str| (2025, t);
    let items = vec![
        item(
            "I",
            "1",
            "Tỷ lệ phủ sóng 5G trên địa bàn xã",
            pct,
            "percent",
            y("≥60%"),
            vh,
            &["KT", "CA"],
        ),
        item(
            "I",
            "2",
            "Tỷ lệ người sử dụng có khả năng truy cập băng rộng cố định với tốc độ trên 01 Gbps",
            pct,
            "percent",
            y("≥60%"),
            vh,
            &[],
        ),
        item(
            "I",
            "3",
            "Tỷ lệ phủ sóng 6G trên địa bàn xã",
            pct,
            "percent",
            y("-"),
            vh,
            &[],
        ),
        item(
            "II",
            "1",
            "Tỷ lệ chi cho KHCN, ĐMST, CDS trong tổng chi ngân sách xã",
            pct,
            "percent",
            y("phần đầu ít nhất 2-3%"),
            Some("KT"),
            &all_but("KT"),
        ),
        item(
            "II",
            "2",
            "Tỷ lệ kinh phí chi cho nghiên cứu phát triển (R&D) trong GRDP",
            Some("% GRDP"),
            "percent",
            y("-"),
            Some("KT"),
            &[],
        ),
        item(
            "II",
            "3",
            "Tỷ lệ cán bộ, công chức xã được bồi dưỡng kỹ năng số căn bản.",
            pct,
            "percent",
            y("80%"),
            vh,
            &all_but("VHXH"),
        ),
        item(
            "II",
            "4",
            "Tỷ lệ cán bộ, công chức, viên chức làm chủ kỹ năng số, ứng dụng công nghệ trong quản lý, điều hành.",
            pct,
            "percent",
            y("80%"),
            vh,
            &[],
        ),
        item(
            "II",
            "5",
            "Tỷ lệ dân số trưởng thành tiếp cận dịch vụ số trong y tế, giáo dục, bảo hiểm, giao thông.",
            pct,
            "percent",
            y("80%"),
            vh,
            &["KT", "TTHCC"],
        ),
        item(
            "II",
            "6",
            "Tỷ lệ dân số trưởng thành thường xuyên sử dụng dịch vụ số (chăm sóc sức khỏe từ xa, học trực tuyến nâng cao, giao dịch tài chính số...)",
            pct,
            "percent",
            y("-"),
            vh,
            &[],
        ),
        item(
            "II",
            "7",
            "Tỷ lệ cơ sở giáo dục phổ thông đánh giá mức độ CDS đạt mức 2 trở lên",
            pct,
            "percent",
            y("≥ 75%"),
            vh,
            &[SCHOOLS],
        ),
        item(
            "II",
            "8",
            "Tỷ lệ các cơ sở giáo dục mầm non và các cơ quan quản lý giáo dục đánh giá mức độ CDS đạt mức 2 trở lên",
            pct,
            "percent",
            y("≥ 70%"),
            vh,
            &[SCHOOLS],
        ),
        item(
            "II",
            "9",
            "Tỷ lệ Cơ sở giáo dục triển khai ký số trên các hệ thống sổ sách, sổ điểm, học bạ số",
            pct,
            "percent",
            y("≥ 90%"),
            vh,
            &[],
        ),
        item(
            "II",
            "10",
            "Tỷ lệ Cơ sở giáo dục phổ thông triển khai phương thức giáo dục tích hợp Khoa học, Kỹ thuật, Công nghệ, Toán học (STEM) và nghiên cứu khoa học.",
            pct,
            "percent",
            y("≥ 80%"),
            vh,
            &[],
        ),
        item(
            "II",
            "11",
            "Tỷ lệ cơ sở giáo dục phổ thông, thường xuyên triển khai các chương trình giảng dạy về kỹ năng số cho học sinh (học viên)",
            pct,
            "percent",
            y("-"),
            vh,
            &[],
        ),
        item(
            "II",
            "12",
            "Tỷ lệ Các cơ sở giáo dục phổ thông thực hiện lồng ghép, tích hợp giáo dục khởi nghiệp, ĐMST vào các môn học và hoạt động giáo dục",
            pct,
            "percent",
            y("-"),
            vh,
            &[],
        ),
        item(
            "II",
            "13",
            "Tỷ lệ Cơ sở giáo dục phổ thông triển khai phương thức giáo dục tích hợp Khoa học, Kỹ thuật, Công nghệ, Toán học (STEM) và nghiên cứu khoa học.",
            pct,
            "percent",
            y("-"),
            vh,
            &[],
        ),
        item(
            "III",
            "1",
            "Số lượng nhiệm vụ khoa học và công nghệ cấp thành phố triển khai / năm",
            Some("Nhiệm vụ"),
            "count",
            y("≥ 20"),
            vh,
            &[TT_CENTRE],
        ),
        item(
            "III",
            "2",
            "Triển khai ứng dụng AI trợ lý ảo cho cán bộ, công chức và người dân trong xử lý công việc và giải quyết thủ tục hành chính",
            None,
            "status",
            y("Thực hiện thường xuyên trong các năm"),
            vh,
            &[TT_CENTRE, "TTHCC"],
        ),
        item(
            "IV",
            "1",
            "Số lượng đề tài, sáng kiến trong khu vực công được công nhận/năm",
            Some("Đề tài"),
            "count",
            y("Hàng năm bình quân có ≥ 5 đề tài, sáng kiến"),
            None,
            &ALL,
        ),
        item(
            "V",
            "1",
            "Chỉ số CDS xã",
            Some("Điểm"),
            "score",
            y("Đạt chỉ tiêu thành phố giao"),
            None,
            &ALL,
        ),
        item(
            "V",
            "2",
            "Tỷ lệ thủ tục hành chính được tiếp nhận, giải quyết phi địa giới hành chính giữa trung ương và địa phương, giữa các cấp chính quyền.",
            pct,
            "percent",
            y("≥ 70%"),
            hcc,
            &[],
        ),
        item(
            "V",
            "3",
            "Tỷ lệ thủ tục hành chính liên quan đến đào tạo, nghiên cứu, sản xuất, kinh doanh phải được thực hiện trực tuyến.",
            pct,
            "percent",
            y("100%"),
            hcc,
            &[],
        ),
        item(
            "V",
            "4",
            "Tỷ lệ giao dịch hành chính thuộc diện “phi tiếp xúc”.",
            pct,
            "percent",
            y("≥ 70%"),
            hcc,
            &["KT", "CA"],
        ),
        item(
            "V",
            "5",
            "Tỷ lệ hồ sơ, kết quả giải quyết thủ tục hành chính được số hóa.",
            pct,
            "percent",
            y("≥ 80%"),
            hcc,
            &[],
        ),
        item(
            "V",
            "6",
            "Tỷ lệ dịch vụ công trực tuyến toàn trình trên tổng số thủ tục hành chính có đủ điều kiện.",
            pct,
            "percent",
            y("100%"),
            hcc,
            &[],
        ),
        item(
            "V",
            "7",
            "Tỷ lệ hồ sơ thủ tục hành chính xử lý trực tuyến.",
            pct,
            "percent",
            y("≥ 70%"),
            hcc,
            &[],
        ),
        item(
            "V",
            "8",
            "Tỷ lệ người dân có chữ ký số",
            pct,
            "percent",
            y("-"),
            Some("CA"),
            &[],
        ),
        item(
            "V",
            "9",
            "Tỷ lệ người dân có tài khoản định danh điện tử (VNeID)",
            pct,
            "percent",
            y("≥ 70%"),
            Some("CA"),
            &["VHXH"],
        ),
    ];
    Appendix {
        commune: "31001",
        sections: vec![
            ("I", "Phát triển hạ tầng"),
            ("II", "Phát triển nguồn lực"),
            ("III", "Phát triển KHCN"),
            ("IV", "Phát triển hệ sinh thái ĐMST"),
            ("V", "Phát triển CDS"),
        ],
        items,
    }
}

/// Seed 001's Appendix 1 excerpt with its agencies written one a line, as a comma list and as
/// "every agency" (the targets, units and numbers as in [`nghi_duong_appendix_1`]).
pub fn nghi_duong_appendix_1_lines() -> Appendix {
    let mut appendix = nghi_duong_appendix_1();
    let coordinating: &[(&str, &[&str])] = &[
        ("2", &["KT"]),
        ("7.1", &["TTHCC"]),
        ("7.6", &["VHXH", "TTHCC"]),
        ("8", &["KT"]),
        ("11", &["VHXH", "CA"]),
        ("12.2", &["CA", "KT", "TTHCC"]),
    ];
    for (number, agencies) in coordinating {
        let item = appendix
            .items
            .iter_mut()
            .find(|i| i.number == *number)
            .expect("the item");
        item.coordinating = agencies.iter().map(|a| (*a).to_owned()).collect();
    }
    appendix
}
