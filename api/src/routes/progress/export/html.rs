//! The appendix table as a complete printable page: no script, no external resource, so it
//! prints the same from any browser and can be attached to an email. Numbers are written the
//! Vietnamese way (`12,5`) since people read this one.

use std::fmt::Write as _;

use chitieu_schema::messages::Lang;
use chitieu_schema::progress::{ProgressReport, ProgressRow};

use super::table::{self, COLUMNS, Line};

const STYLE: &str = "
body { font-family: 'Times New Roman', Times, serif; font-size: 13pt; margin: 2em; color: #000; }
header { text-align: center; margin-bottom: 1em; }
header h1 { font-size: 14pt; margin: 0 0 .3em; text-transform: uppercase; }
header p { margin: .2em 0; font-style: italic; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #000; padding: .3em .4em; vertical-align: middle; }
thead th { background: #d9e1f2; text-align: center; }
tr.section th { text-align: left; background: #f2f2f2; }
td.center, td.number, td.status { text-align: center; }
td.value { text-align: right; white-space: nowrap; }
tr.status-notAchieved td.status { color: #b00020; }
tr.status-exceeded td.status, tr.status-achieved td.status { color: #006100; }
@media print {
  @page { size: A4 landscape; margin: 15mm; }
  body { margin: 0; font-size: 12pt; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
  thead th, tr.section th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
";

pub fn render(report: &ProgressReport, lang: Lang) -> String {
    let [title, plan, scope] = table::heading_lines(report, lang);
    let mut page = String::with_capacity(8 * 1024);
    let _ = write!(
        page,
        "<!doctype html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n",
        lang.tag()
    );
    page.push_str(
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>",
    );
    page.push_str(&escape(&format!("{title}: {}", report.unit.name)));
    page.push_str("</title>\n<style>");
    page.push_str(STYLE);
    page.push_str("</style>\n</head>\n<body>\n<header>\n");
    let _ = writeln!(page, "<h1>{}</h1>", escape(&title));
    let _ = writeln!(page, "<p>{}</p>", escape(&plan));
    let _ = writeln!(page, "<p>{}</p>", escape(&scope));
    page.push_str("</header>\n<table>\n<thead>\n<tr>");
    for column in table::column_titles(report, lang) {
        let _ = write!(page, "<th scope=\"col\">{}</th>", escape(&column));
    }
    page.push_str("</tr>\n</thead>\n<tbody>\n");
    for line in table::lines(report) {
        match line {
            Line::Section { code, title } => {
                let _ = writeln!(
                    page,
                    "<tr class=\"section\"><th scope=\"rowgroup\">{}</th>\
                     <th scope=\"rowgroup\" colspan=\"{}\">{}</th></tr>",
                    escape(code),
                    COLUMNS - 1,
                    escape(title)
                );
            }
            Line::Item(row) => write_item(&mut page, row, lang),
        }
    }
    page.push_str("</tbody>\n</table>\n</body>\n</html>\n");
    page
}

fn write_item(page: &mut String, row: &ProgressRow, lang: Lang) {
    let [number, name, unit, target, actual, status_label, achieved] =
        table::display_cells(row, lang);
    let _ = writeln!(
        page,
        "<tr class=\"status-{}\"><td class=\"number\">{}</td><td>{}</td><td class=\"center\">{}</td>\
         <td class=\"center\">{}</td><td class=\"value\">{}</td><td class=\"status\">{}</td>\
         <td class=\"value\">{}</td></tr>",
        row.assessment.status.as_str(),
        escape(&number),
        escape(&name),
        escape(&unit),
        escape(&target),
        escape(&actual),
        escape(&status_label),
        escape(&achieved),
    );
}

/// Text for element content and quoted attribute values alike.
pub fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&#39;"),
            c => escaped.push(c),
        }
    }
    escaped
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::routes::progress::export::fixture::seed_report;

    #[test]
    fn escaping_neutralises_a_script_tag_and_quotes() {
        assert_eq!(
            escape("<script>alert('x & \"y\"')</script>"),
            "&lt;script&gt;alert(&#39;x &amp; &quot;y&quot;&#39;)&lt;/script&gt;"
        );
        assert_eq!(escape("Tỷ lệ phủ sóng 5G"), "Tỷ lệ phủ sóng 5G");
    }

    #[test]
    fn the_html_export_is_a_complete_vietnamese_page_for_print() {
        let page = render(&seed_report(), Lang::Vi);
        assert!(page.starts_with("<!doctype html>\n<html lang=\"vi\">"));
        assert!(page.contains("<meta charset=\"utf-8\">"));
        assert!(page.contains("@media print"));
        assert!(page.contains("<thead>"));
        assert!(page.contains("<th scope=\"col\">Thực hiện tháng 10/2025</th>"));
        assert!(page.trim_end().ends_with("</html>"));
    }

    #[test]
    fn the_html_export_has_section_group_rows_and_vietnamese_numbers() {
        let page = render(&seed_report(), Lang::Vi);
        assert!(page.contains(
            "<tr class=\"section\"><th scope=\"rowgroup\">I</th>\
             <th scope=\"rowgroup\" colspan=\"6\">Phát triển hạ tầng số</th></tr>"
        ));
        assert!(page.contains("<td class=\"center\">&gt; 60 %</td><td class=\"value\">75%</td>"));
        assert!(page.contains("<td class=\"value\">112,5%</td>"));
    }

    #[test]
    fn the_html_export_escapes_every_text_from_the_data() {
        let mut report = seed_report();
        report.unit.name = "<script>alert(1)</script>".to_owned();
        let page = render(&report, Lang::Vi);
        assert!(!page.contains("<script>"));
        assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(page.contains("Mô hình &quot;Chợ 4.0&quot; &lt;thí điểm&gt; &amp; nhân rộng"));
        assert!(page.contains("Đã triển khai &lt;b&gt;2&lt;/b&gt; chợ &amp; 1 &quot;phố&quot;"));
        assert!(!page.contains("<b>"));
    }
}
