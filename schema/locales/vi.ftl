# Thông điệp của chitieu bằng tiếng Việt. Mỗi khoá ở đây cũng có trong en.ftl (có kiểm thử).
# Tham số: { $ten }. Số đã được làm tròn và viết theo cách của người đọc (dấu phẩy thập phân).

## Tiêu đề lỗi (`title` của problem+json), theo loại lỗi

problem-title-malformed-request = Yêu cầu không đúng định dạng
problem-title-invalid-field = Có trường dữ liệu không hợp lệ
problem-title-unauthorized = Cần xác thực
problem-title-forbidden = Không được phép
problem-title-not-found = Không tìm thấy
problem-title-conflict = Thay đổi mâu thuẫn với dữ liệu đã lưu
problem-title-import-rejected = Không có dữ liệu nào được nhập
problem-title-validation-rules-violated = Báo cáo vi phạm quy tắc kiểm tra dữ liệu
problem-title-precondition-failed = Dữ liệu đã thay đổi kể từ khi bạn đọc
problem-title-precondition-required = Cần tiêu đề If-Match
problem-title-method-not-allowed = Phương thức không được hỗ trợ
problem-title-payload-too-large = Yêu cầu quá lớn
problem-title-unprocessable-file = Không thể nhập tệp này
problem-title-unsupported-media-type = Kiểu nội dung không được hỗ trợ
problem-title-too-many-requests = Quá nhiều yêu cầu
problem-title-unavailable = Dịch vụ tạm thời không sẵn sàng
problem-title-internal = Lỗi máy chủ nội bộ

## Chi tiết lỗi

problem-detail-invalid-fields = Có { $count } trường dữ liệu không hợp lệ
problem-detail-internal = Đã xảy ra lỗi không mong muốn
problem-detail-unavailable = Cơ sở dữ liệu tạm thời không sẵn sàng
problem-detail-version-mismatch = Dữ liệu hiện ở phiên bản { $current }: hãy đọc lại và áp dụng lại thay đổi của bạn
store-not-found = Không có { $what } { $key }

## Tên các đối tượng (dùng trong câu, viết thường)

thing-api-key = khoá API
thing-catalog = danh mục
thing-indicator = chỉ tiêu
thing-org-unit = đơn vị
thing-outbox-entry = mục chờ đồng bộ
thing-plan-item = mục kế hoạch
thing-plan = kế hoạch
thing-report = báo cáo
thing-sync-target = đích đồng bộ
thing-webhook = đăng ký webhook
thing-user = người dùng

## Lý do một trường không hợp lệ (lỗi theo trường)

invalid-province-code = mã tỉnh gồm đúng 2 chữ số (QĐ 19/2025/QĐ-TTg)
invalid-commune-code = mã xã gồm đúng 5 chữ số (QĐ 19/2025/QĐ-TTg)
invalid-reserved-code = mã gồm 2 hoặc 5 chữ số dành cho mã tỉnh và mã xã chính thức; hãy đặt cho đơn vị này mã như 01001-VHXH
invalid-code-length = phải dài từ { $min } đến { $max } ký tự
invalid-code-character = chỉ được gồm chữ in hoa A-Z, chữ số, '.', '_' và '-' (gặp { $found })
invalid-code-start = phải bắt đầu bằng chữ cái hoặc chữ số
invalid-empty = không được để trống
invalid-too-long = dài tối đa { $max } ký tự
invalid-line-break = không được chứa ký tự điều khiển như dấu xuống dòng
invalid-control-character = không được chứa ký tự điều khiển
invalid-hidden-character = không được chứa ký tự ẩn hoặc ký tự đổi chiều văn bản (gặp { $found })
invalid-period = { $raw } không phải là kỳ báo cáo: dùng 202601 (tháng), 2026Q1 (quý), 2026S1 (6 tháng), 2026 (năm) hoặc 2026-03-15..2026-03-20 (đột xuất)

## Xu hướng tiến tới mốc chỉ tiêu (phương pháp Open SDG)

trajectory-no-numeric-target = chỉ tiêu của mốc không phải là một con số
trajectory-no-current = chưa có số liệu hiện tại
trajectory-no-baseline = chưa có số liệu kỳ gốc
trajectory-baseline-order = kỳ gốc phải trước số liệu hiện tại và trước mốc chỉ tiêu
trajectory-baseline-equals-target = số liệu kỳ gốc đã bằng chỉ tiêu
trajectory-already-met = số liệu hiện tại { $current } đã đạt chỉ tiêu năm { $year } là { $target }
trajectory-cagr = tăng trưởng bình quân năm (CAGR): thực tế { $actual } % từ { $baseline } ({ $baselinePeriod }) đến { $current } ({ $currentPeriod }), cần { $required } % để đạt { $target } vào cuối năm { $year }; tỷ số { $ratio }
trajectory-linear = mức thay đổi bình quân năm (tuyến tính: có số liệu không dương): thực tế { $actual } từ { $baseline } ({ $baselinePeriod }) đến { $current } ({ $currentPeriod }), cần { $required } để đạt { $target } vào cuối năm { $year }; tỷ số { $ratio }
invalid-lang = { $raw } không phải là ngôn ngữ chitieu hỗ trợ: dùng vi hoặc en
invalid-enum-value = { $raw } không phải là giá trị được phép: { $allowed }

## Bảng tiến độ (HTML, XLSX, CSV)

export-column-number = STT
export-column-indicator = Chỉ tiêu
export-column-unit = Đơn vị tính
export-column-target = Chỉ tiêu năm { $year }
export-column-actual = Thực hiện { $period }
export-column-status = So với chỉ tiêu kế hoạch
export-column-achievement = Tỷ lệ đạt (%)
export-title = Phụ lục tiến độ thực hiện các chỉ tiêu (năm { $year })
export-plan = { $title } (số { $number }, ngày { $date })
export-scope = Đơn vị: { $unit } ({ $code }); kỳ báo cáo: { $period }
export-scope-approved-only = Đơn vị: { $unit } ({ $code }); kỳ báo cáo: { $period }; chỉ gồm số liệu đã phê duyệt

## Kỳ báo cáo bằng chữ

period-monthly = tháng { $month }/{ $year }
period-quarterly = quý { $quarter }/{ $year }
period-first-half = 6 tháng đầu năm { $year }
period-second-half = 6 tháng cuối năm { $year }
period-yearly = năm { $year }
period-ad-hoc = từ { $start } đến { $end }

## So với chỉ tiêu năm

status-achieved = Đạt
status-exceeded = Vượt
status-not-achieved = Chưa đạt
status-no-data = Chưa có số liệu
status-no-target = Không giao chỉ tiêu
status-needs-judgement = Cần đánh giá

## Theo dõi hạn nộp báo cáo

deadline-report-approaching = { $unit } ({ $code }) chưa có báo cáo kỳ { $period } (kế hoạch { $plan }) được phê duyệt, sắp đến hạn { $due }
deadline-report-missed = { $unit } ({ $code }) đã quá hạn { $due }: báo cáo kỳ { $period } (kế hoạch { $plan }) chưa được phê duyệt
deadline-summary-approaching = { $period }: { $count } báo cáo chưa nộp hoặc chưa được phê duyệt, sắp đến hạn
deadline-summary-missed = { $period }: { $count } báo cáo đã quá hạn

## Nhận xét của chức năng nhập kế hoạch về các dòng của tệp

import-repeated-rows = { $count } dòng: { $remark }
import-target-without-year = cột chỉ tiêu không ghi năm; đọc là năm { $year } ({ $whence })
import-year-from-section = theo tiêu đề của phần
import-year-from-plan = năm cuối của kế hoạch
import-target-qualitative = chỉ tiêu năm { $year } { $raw } là chỉ tiêu định tính, do người đánh giá: { $reason }
import-item = chỉ tiêu { $number } { $name }: { $kind } ({ $why }), { $targets } mốc chỉ tiêu, chủ trì { $lead }
import-header-found = đã tìm thấy dòng tiêu đề: { $columns }
import-another-table = một bảng chỉ tiêu khác: không nhập (mỗi lần nhập một bảng; hãy tách tệp)
import-item-groups = chỉ tiêu { $number } gồm các chỉ tiêu con và không có chỉ tiêu riêng
import-column-numbers-row = dòng đánh số cột ((1), (2) …): bỏ qua
import-continues-item = không có số thứ tự: nối tiếp chỉ tiêu { $number } ở trên
import-row-before-items = dòng không có số thứ tự trước mọi chỉ tiêu: bỏ qua
import-section-again = phần { $code } xuất hiện lần nữa: các chỉ tiêu của nó được gộp vào phần đầu tiên
import-section = phần { $code }: { $title }
import-new-unit = đề xuất đơn vị mới { $name } trực thuộc { $parent }
import-lead-everyone = ô chủ trì ghi tất cả các cơ quan: tất cả cùng phối hợp, không cơ quan nào chủ trì

## Loại giá trị (dùng trong câu)

kind-percent = tỷ lệ phần trăm
kind-count = số lượng
kind-decimal = số thập phân
kind-rank = thứ hạng
kind-score = điểm số
kind-status = trạng thái
kind-text = văn bản
problem-detail-no-route = không có đường dẫn { $method } { $path }

## Giá trị bất thường: lý do liệt kê

outlier-above = cao bất thường so với
outlier-below = thấp bất thường so với
outlier-modified-z-history = { $value } { $direction } trung vị { $median } của { $count } kỳ trước: điểm z hiệu chỉnh { $score }, bất thường từ { $threshold }
outlier-modified-z-peers = { $value } { $direction } trung vị { $median } của { $count } đơn vị cùng cấp trong kỳ { $period }: điểm z hiệu chỉnh { $score }, bất thường từ { $threshold }
outlier-z-history = { $value } { $direction } trung bình { $mean } của { $count } kỳ trước: điểm z { $score }, bất thường từ { $threshold }
outlier-z-peers = { $value } { $direction } trung bình { $mean } của { $count } đơn vị cùng cấp trong kỳ { $period }: điểm z { $score }, bất thường từ { $threshold }
outlier-min-max-history = { $value } nằm ngoài khoảng { $lower } đến { $upper }, tức trung bình ± { $threshold } độ lệch chuẩn của { $count } kỳ trước (trung vị { $median })
outlier-min-max-peers = { $value } nằm ngoài khoảng { $lower } đến { $upper }, tức trung bình ± { $threshold } độ lệch chuẩn của { $count } đơn vị cùng cấp trong kỳ { $period } (trung vị { $median })
