//! The report as officials file it: `GET /reports/{unit}/{plan}/{period}/document` answers a
//! Word document in the state format. Read back by unzipping it and walking `document.xml`.

use std::io::{Cursor, Read};

use chitieu_e2e::reporting_fixture::{COMMUNE, report_url, seed_commune_plan};
use chitieu_e2e::{Scenario, TestApp, expect_json};
use chitieu_schema::domain::VIETNAM_OFFSET;
use chrono::{FixedOffset, Utc};
use reqwest::Method;
use serde_json::{Value, json};

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const DOCX: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

pub fn scenarios() -> Vec<Scenario> {
    vec![
        Scenario::new(
            "the_demo_quarters_render_as_documents_in_the_state_format",
            |app| {
                Box::pin(the_demo_quarters_render_as_documents_in_the_state_format(
                    app,
                ))
            },
        ),
        Scenario::new(
            "a_party_bodys_report_carries_the_party_header_and_its_particulars",
            |app| Box::pin(a_party_bodys_report_carries_the_party_header_and_its_particulars(app)),
        ),
    ]
}

/// `document.xml` of a DOCX, read into paragraphs (text and run formatting) and tables.
struct Document {
    xml: String,
}

/// A paragraph's text with, per run, its text, bold and italic.
struct Para {
    text: String,
    runs: Vec<(String, bool, bool)>,
}

impl Document {
    fn read(bytes: &[u8]) -> Document {
        let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).expect("a DOCX is a zip");
        let mut xml = String::new();
        archive
            .by_name("word/document.xml")
            .expect("word/document.xml")
            .read_to_string(&mut xml)
            .expect("UTF-8 XML");
        Document { xml }
    }

    fn tree(&self) -> roxmltree::Document<'_> {
        roxmltree::Document::parse(&self.xml).expect("well-formed XML")
    }

    fn paragraphs(&self) -> Vec<Para> {
        let tree = self.tree();
        tree.descendants()
            .filter(|n| n.has_tag_name((W, "p")))
            .map(|p| {
                let runs: Vec<(String, bool, bool)> = p
                    .descendants()
                    .filter(|n| n.has_tag_name((W, "r")))
                    .map(|r| {
                        let text: String = r
                            .descendants()
                            .filter(|n| n.has_tag_name((W, "t")))
                            .filter_map(|t| t.text())
                            .collect();
                        let has = |name: &str| {
                            r.descendants().any(|n| {
                                n.has_tag_name((W, name))
                                    && n.attribute((W, "val")) != Some("false")
                            })
                        };
                        (text, has("b"), has("i"))
                    })
                    .collect();
                Para {
                    text: runs.iter().map(|r| r.0.as_str()).collect(),
                    runs,
                }
            })
            .collect()
    }

    fn texts(&self) -> Vec<String> {
        self.paragraphs()
            .into_iter()
            .map(|p| p.text)
            .filter(|t| !t.is_empty())
            .collect()
    }

    /// The rows of the last table (the appendix), each as its cells' texts.
    fn last_table(&self) -> Vec<Vec<String>> {
        let tree = self.tree();
        let table = tree
            .descendants()
            .rfind(|n| n.has_tag_name((W, "tbl")))
            .expect("an appendix table");
        table
            .children()
            .filter(|n| n.has_tag_name((W, "tr")))
            .map(|row| {
                row.children()
                    .filter(|n| n.has_tag_name((W, "tc")))
                    .map(|cell| {
                        cell.descendants()
                            .filter(|n| n.has_tag_name((W, "t")))
                            .filter_map(|t| t.text())
                            .collect()
                    })
                    .collect()
            })
            .collect()
    }

    fn attribute(&self, element: &str, attribute: &str) -> Option<String> {
        let tree = self.tree();
        let node = tree.descendants().find(|n| n.has_tag_name((W, element)))?;
        node.attribute((W, attribute)).map(str::to_owned)
    }
}

async fn download(app: &TestApp, path: &str) -> Document {
    let response = app.get(path).await;
    assert_eq!(response.status(), 200, "{path}");
    assert_eq!(response.headers()["content-type"], DOCX);
    let disposition = response.headers()["content-disposition"].to_str().unwrap();
    assert!(
        disposition.starts_with("attachment; filename=\"bao-cao-"),
        "{disposition}"
    );
    Document::read(&response.bytes().await.expect("a body"))
}

/// Texts in `wanted` appear in `texts` in that order.
fn assert_in_order(texts: &[String], wanted: &[&str]) {
    let mut at = 0;
    for want in wanted {
        let found = texts[at..].iter().position(|t| t == want);
        let Some(offset) = found else {
            panic!("{want:?} not found after position {at} in {texts:#?}")
        };
        at += offset + 1;
    }
}

/// Every item of the progress report is a row of the appendix with the same number, name,
/// target, figure and status.
async fn assert_appendix_is_the_progress_table(
    app: &TestApp,
    document: &Document,
    unit: &str,
    plan: &str,
    period: &str,
) {
    let progress = expect_json(
        app.get(&format!(
            "/api/v1/org-units/{unit}/progress?plan={plan}&period={period}"
        ))
        .await,
        200,
    )
    .await;
    let table = document.last_table();
    assert_eq!(table[0][0], "STT");
    let items: Vec<&Vec<String>> = table.iter().skip(1).filter(|r| r.len() == 7).collect();
    let rows: Vec<&Value> = progress["sections"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["rows"].as_array().unwrap())
        .collect();
    assert_eq!(items.len(), rows.len(), "one appendix row per progress row");
    for (cells, row) in items.iter().zip(&rows) {
        assert_eq!(cells[0], row["number"].as_str().unwrap());
        assert_eq!(cells[1], row["indicatorName"].as_str().unwrap());
        assert_eq!(cells[3], row["target"]["display"].as_str().unwrap_or(""));
        assert_eq!(cells[4], row["actualText"].as_str().unwrap_or(""));
    }
}

async fn the_demo_quarters_render_as_documents_in_the_state_format(app: TestApp) {
    let demo = TestApp::spawn_with(app.backend, |settings| settings.demo = true).await;
    let today = Utc::now()
        .with_timezone(&FixedOffset::east_opt(VIETNAM_OFFSET).unwrap())
        .date_naive();
    let quarter = chitieu_schema::demo::last_complete_quarter(today).to_string();

    let nghi_duong = download(
        &demo,
        &format!("/api/v1/reports/31002/ND-KH-2025/{quarter}/document"),
    )
    .await;
    // A4 with the decree's margins (20, 20, 30, 15 mm) and Times New Roman.
    assert_eq!(nghi_duong.attribute("pgSz", "w").as_deref(), Some("11906"));
    assert_eq!(nghi_duong.attribute("pgSz", "h").as_deref(), Some("16838"));
    assert_eq!(
        nghi_duong.attribute("pgMar", "top").as_deref(),
        Some("1133")
    );
    assert_eq!(
        nghi_duong.attribute("pgMar", "left").as_deref(),
        Some("1700")
    );
    assert_eq!(
        nghi_duong.attribute("pgMar", "right").as_deref(),
        Some("850")
    );
    assert_eq!(
        nghi_duong.attribute("rFonts", "ascii").as_deref(),
        Some("Times New Roman")
    );
    let texts = nghi_duong.texts();
    assert!(
        !texts.iter().any(|t| t == "DỰ THẢO"),
        "an approved report is no draft"
    );
    let issued = texts
        .iter()
        .find(|t| t.starts_with("Nghi Dương, ngày 10 tháng "))
        .expect("place and date in words");
    assert!(issued.contains(" năm "), "{issued}");
    assert_in_order(
        &texts,
        &[
            "HĐND XÃ NGHI DƯƠNG",
            "THƯỜNG TRỰC",
            "Số: 11/BC-HĐND",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            issued.as_str(),
            "BÁO CÁO",
            "I. CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO",
            "1. Công tác lãnh đạo, chỉ đạo ban hành các văn bản",
            "2. Công tác tuyên truyền, quán triệt",
            "II. KẾT QUẢ ĐẠT ĐƯỢC",
            "III. ĐÁNH GIÁ CHUNG",
            "3. Nguyên nhân",
            "V. KIẾN NGHỊ, ĐỀ XUẤT",
            "3. Đối với UBND xã",
            "Nơi nhận:",
            "- Đảng ủy xã (báo cáo);",
            "- Lưu: VT.",
            "TM. THƯỜNG TRỰC HĐND",
            "KT. CHỦ TỊCH",
            "PHÓ CHỦ TỊCH",
            "Phạm Thị Thanh",
        ],
    );
    assert_appendix_is_the_progress_table(&demo, &nghi_duong, "31002", "ND-KH-2025", &quarter)
        .await;

    let thai_tan = download(
        &demo,
        &format!("/api/v1/reports/31001/TT-18-2025/{quarter}/document"),
    )
    .await;
    let texts = thai_tan.texts();
    assert_in_order(
        &texts,
        &[
            "DỰ THẢO",
            "ỦY BAN NHÂN DÂN",
            "XÃ THÁI TÂN",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "BÁO CÁO",
            "I. CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO",
            "1. Về hạ tầng số",
            "Nơi nhận:",
            "TM. ỦY BAN NHÂN DÂN",
            "CHỦ TỊCH",
        ],
    );
    assert!(texts.iter().any(|t| t.starts_with("Thái Tân, ngày ")));
    assert_appendix_is_the_progress_table(&demo, &thai_tan, "31001", "TT-18-2025", &quarter).await;
    // Asked for explicitly, an approved report can be marked a draft too.
    let marked = download(
        &demo,
        &format!("/api/v1/reports/31002/ND-KH-2025/{quarter}/document?draft=true"),
    )
    .await;
    assert!(marked.texts().iter().any(|t| t == "DỰ THẢO"));
}

async fn a_party_bodys_report_carries_the_party_header_and_its_particulars(app: TestApp) {
    seed_commune_plan(&app).await;
    let url = report_url(COMMUNE, "2026Q1");
    let opened = app.request(Method::PUT, &url).send().await.unwrap();
    let etag = opened.headers()["etag"].to_str().unwrap().to_owned();
    expect_json(opened, 201).await;
    let narrative = json!({"sections": [
        {"code": "I", "title": "Công tác lãnh đạo, chỉ đạo", "position": 1,
         "contentHtml": "<p>Đã tổ chức <b>02 cuộc</b> giám sát <i>chuyên đề</i>.</p><ul><li>Zalo</li><li>thư điện tử</li></ul>"},
        {"code": "II", "title": "Kết quả đạt được", "position": 2,
         "contentHtml": "<table><tr><th>Nội dung</th><th>Số</th></tr><tr><td>Giám sát</td><td>02</td></tr></table>"},
        {"code": "II.1", "parentCode": "II", "title": "Về hạ tầng số", "position": 1, "contentHtml": ""},
        {"code": "II.1.1", "parentCode": "II.1", "title": "Mạng nội bộ", "position": 1, "contentHtml": "<p>Ổn định.</p>"},
    ]});
    let response = app
        .request(Method::PUT, &format!("{url}/narrative"))
        .header("If-Match", etag)
        .json(&narrative)
        .send()
        .await
        .unwrap();
    expect_json(response, 200).await;

    let too_many: Vec<String> = (0..31).map(|i| format!("Nơi {i}")).collect();
    let refused = app
        .request(Method::PUT, &format!("{url}/document"))
        .json(&json!({"recipients": too_many}))
        .send()
        .await
        .unwrap();
    let problem = expect_json(refused, 422).await;
    assert_eq!(problem["errors"][0]["pointer"], "/recipients");

    let details = json!({
        "documentNumber": "15-BC/ĐU", "issuingBody": "Đảng ủy xã Thái Tân", "place": "Thái Tân",
        "issuedOn": "2026-04-05", "signerAuthority": "T/M BAN THƯỜNG VỤ", "signerTitle": "BÍ THƯ",
        "signerName": "Nguyễn Văn A", "recipients": ["Ban Thường vụ Thành ủy", "Lưu Văn phòng Đảng ủy"]});
    let stored = app
        .request(Method::PUT, &format!("{url}/document"))
        .json(&details)
        .send()
        .await
        .unwrap();
    let stored = expect_json(stored, 200).await;
    assert_eq!(stored["documentNumber"], "15-BC/ĐU");
    assert_eq!(stored["issuedOn"], "2026-04-05");

    let document = download(&app, &format!("{url}/document")).await;
    let texts = document.texts();
    assert!(
        !texts
            .iter()
            .any(|t| t == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    );
    assert_in_order(
        &texts,
        &[
            "DỰ THẢO",
            "ĐẢNG ỦY XÃ THÁI TÂN",
            "*",
            "Số 15-BC/ĐU",
            "ĐẢNG CỘNG SẢN VIỆT NAM",
            "Thái Tân, ngày 05 tháng 4 năm 2026",
            "BÁO CÁO",
            "I. CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO",
            "Đã tổ chức 02 cuộc giám sát chuyên đề.",
            "- Zalo",
            "- thư điện tử",
            "II. KẾT QUẢ ĐẠT ĐƯỢC",
            "Nội dung",
            "Giám sát",
            "1. Về hạ tầng số",
            "a) Mạng nội bộ",
            "- Ban Thường vụ Thành ủy;",
            "- Lưu Văn phòng Đảng ủy.",
            "T/M BAN THƯỜNG VỤ",
            "BÍ THƯ",
            "Nguyễn Văn A",
        ],
    );
    let paragraphs = document.paragraphs();
    let emphasis = paragraphs
        .iter()
        .find(|p| p.text == "Đã tổ chức 02 cuộc giám sát chuyên đề.")
        .unwrap();
    assert!(
        emphasis
            .runs
            .iter()
            .any(|(t, bold, _)| t == "02 cuộc" && *bold)
    );
    assert!(
        emphasis
            .runs
            .iter()
            .any(|(t, _, italic)| t == "chuyên đề" && *italic)
    );
    assert!(
        emphasis
            .runs
            .iter()
            .any(|(t, bold, italic)| t == "Đã tổ chức " && !bold && !italic)
    );
    assert_appendix_is_the_progress_table(
        &app,
        &document,
        COMMUNE,
        chitieu_e2e::reporting_fixture::PLAN,
        "2026Q1",
    )
    .await;

    // A report that does not exist has no document.
    let missing = app
        .get(&format!(
            "/api/v1/reports/{COMMUNE}/NO-SUCH-PLAN/2026Q1/document"
        ))
        .await;
    assert_eq!(missing.status(), 404);
}
