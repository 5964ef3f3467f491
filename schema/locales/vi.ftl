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
# A sentence not in the catalogue yet, said as written (English).
text-as-written = { $text }
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
## Mâu thuẫn với dữ liệu đã lưu (409)

report-state-draft = dự thảo
report-state-submitted = đã gửi
report-state-returned = bị trả lại
report-state-approved = đã phê duyệt
report-not-editable = báo cáo đang ở trạng thái { $state }: số liệu và nội dung chỉ được sửa khi báo cáo là dự thảo hoặc bị trả lại
report-verb-submitted = gửi
report-verb-returned = trả lại
report-verb-approved = phê duyệt
report-verb-reopened = mở lại
either-or = { $first } hoặc { $second }
report-transition-refused = báo cáo đang ở trạng thái { $current }: chỉ báo cáo { $from } mới được { $verb }
report-children-not-approved = báo cáo của các đơn vị cấp dưới chưa được phê duyệt hết: { $children }; hãy phê duyệt các báo cáo đó trước hoặc nêu lý do trong overrideReason
catalog-number-taken-in-its-section = số thứ tự { $number } đã được dùng trong phần này của danh mục { $catalog } cho chỉ tiêu { $indicator }
catalog-indicator-has-children = chỉ tiêu { $code } còn { $count } chỉ tiêu con ({ $children }); hãy xoá hoặc chuyển các chỉ tiêu con trước
catalog-indicator-code-taken = mã chỉ tiêu { $code } đã được dùng cho chỉ tiêu số { $number } của danh mục { $catalog }
catalog-place-section = phần { $code }
catalog-place-outside-sections = các chỉ tiêu không thuộc phần nào
catalog-number-taken = số thứ tự { $number } trong { $place } của danh mục { $catalog } đã được dùng cho chỉ tiêu { $indicator }
catalog-section-not-empty = phần { $section } của danh mục { $catalog } còn { $count } chỉ tiêu; hãy chuyển hoặc xoá các chỉ tiêu đó trước
catalog-not-empty = danh mục { $code } còn { $count } chỉ tiêu; hãy xoá các chỉ tiêu đó trước
catalog-section-exists = danh mục { $catalog } đã có phần { $code }
catalog-code-taken = mã danh mục { $code } đã được sử dụng
plan-item-has-values = các báo cáo của kế hoạch { $plan } có { $count } số liệu của chỉ tiêu { $indicator }; mục kế hoạch được giữ lại
plan-code-taken = mã kế hoạch { $code } đã được sử dụng
plan-has-indicator = kế hoạch { $plan } đã có chỉ tiêu { $code }
plan-not-empty = kế hoạch { $code } còn { $items } chỉ tiêu và { $reports } báo cáo; hãy xoá các chỉ tiêu trước (kế hoạch đã có báo cáo thì được giữ lại)
plan-changed-while-deleted = kế hoạch { $code } có thêm chỉ tiêu hoặc báo cáo trong lúc đang bị xoá
org-unit-already-closed = đơn vị { $code } đã ngừng hoạt động (từ ngày { $closedOn })
org-unit-close-before-start = đơn vị { $code } có hiệu lực từ ngày { $from }; không thể ngừng hoạt động trước ngày đó
org-unit-has-open-children = đơn vị { $code } còn { $count } đơn vị trực thuộc đang hoạt động; hãy cho ngừng hoạt động hoặc chuyển các đơn vị đó trước
org-unit-code-taken = đã có đơn vị mang mã { $code }
user-name-taken = tên đăng nhập { $username } đã được sử dụng
validation-rule-code-taken = mã quy tắc kiểm tra { $code } đã được sử dụng
outbox-entry-not-revivable = mục chờ đồng bộ { $id } đang ở trạng thái { $state }: chỉ mục đã dừng gửi (dead) hoặc cần xử lý mới được { $verb }
progress-no-target-year = không có chỉ tiêu nào áp dụng cho kỳ { $period }: { $reason }

## Quyền truy cập, vai trò và các trường hợp từ chối khác (403, 404, 409)

role-administrator = quản trị viên
role-province-officer = cán bộ cấp tỉnh
role-commune-officer = cán bộ cấp xã
role-reporter = người báo cáo
role-viewer = người xem
role-integrator = hệ thống tích hợp
access-no-unit-with-code = không có đơn vị nào mang mã này
access-role-required = vai trò { $role } không được thực hiện thao tác này; cần một trong các vai trò: { $roles }
access-grant-above-own = vai trò { $role } không được cấp vai trò { $granted } vì vai trò này cao hơn vai trò của mình
access-grant-without-unit = chỉ quản trị viên mới được cấp quyền truy cập không gắn với đơn vị
access-may-not = vai trò { $role } không được { $action } tại đơn vị này
access-outside-scope = bạn chỉ được thay đổi các đơn vị hiện có thuộc phạm vi quản lý của mình
access-not-in-your-tree = không có dữ liệu này trong phạm vi quản lý của bạn
access-unit-outside-tree = đơn vị { $code } nằm ngoài phạm vi quản lý của bạn
action-read = xem dữ liệu
action-enter-data = nhập số liệu
action-approve-reports = phê duyệt báo cáo
action-add-units = thêm đơn vị trực thuộc
action-manage-units = thay đổi đơn vị
action-assign-catalogs = giao danh mục chỉ tiêu
action-manage-accounts = quản lý tài khoản
action-administer = quản trị hệ thống
access-key-creates-key = khoá API do người dùng tạo; không thể dùng một khoá API để tạo khoá khác
access-password-set-by-other = mật khẩu của tài khoản này do người khác đặt: hãy đổi mật khẩu trước bằng PATCH /api/v1/users/{ $username } (password và currentPassword)
access-password-set-by-other-sign-in = mật khẩu của tài khoản này do người khác đặt: hãy đổi mật khẩu trước bằng PATCH /api/v1/users/{ $username } (password và currentPassword), sau đó đăng nhập lại
access-may-not-change-plans = vai trò { $role } không được thay đổi kế hoạch tại đây: kế hoạch do quản trị viên hoặc cán bộ có phạm vi quản lý bao gồm đơn vị ban hành lập và sửa đổi
access-may-not-enter-data = vai trò { $role } không được nhập số liệu
access-change-own-account = bạn không được tự thay đổi vai trò, đơn vị hoặc trạng thái khoá của tài khoản mình
access-password-of-peer = bạn không được đặt mật khẩu cho { $username } vì vai trò của người này tại đơn vị của bạn không thấp hơn vai trò của bạn
access-password-outside-unit = bạn không được đặt mật khẩu cho { $username } vì đơn vị của người này không thuộc đơn vị của bạn
access-may-not-import-plans = vai trò { $role } không được nhập kế hoạch của đơn vị { $unit }
access-import-creates-catalog = việc tạo danh mục { $code } từ bảng cần quản trị viên thực hiện; hãy ghi một danh mục đã có vào plan.catalogCode
validation-rule-not-found = không có quy tắc kiểm tra { $code }
idempotency-in-progress = một yêu cầu có cùng { $header } đang được xử lý: hãy thử lại sau

## Mâu thuẫn với dữ liệu đã lưu (409), tiếp theo

catalog-indicator-changed-while-deleted = chỉ tiêu { $code } có thêm chỉ tiêu con trong lúc đang bị xoá
catalog-section-changed-while-deleted = phần { $section } của danh mục { $catalog } có thêm chỉ tiêu trong lúc đang bị xoá
catalog-changed-while-deleted = danh mục { $code } có thêm chỉ tiêu trong lúc đang bị xoá
plan-unit-already-assigned = đơn vị { $code } đã được giao thực hiện chỉ tiêu này

## Giá trị và trường dữ liệu (422)

value-listed-twice = chỉ tiêu { $code } đã có ở /values/{ $first }
value-not-assigned = chỉ tiêu { $code } không được giao cho đơn vị { $unit } trong kế hoạch { $plan }
value-kind-takes = chỉ tiêu loại { $kind } nhận { $expected }
value-takes-percent = một số từ 0 đến 100 hoặc {"{"}"numerator", "denominator"{"}"} (tử số, mẫu số)
value-takes-count = một số nguyên ≥ 0
value-takes-rank = một số nguyên ≥ 1
value-takes-decimal = một số hoặc {"{"}"numerator", "denominator"{"}"} (tử số, mẫu số)
value-takes-score = một số
value-takes-status = {"{"}"achieved": true|false, "label"?: văn bản{"}"} (đạt hay không, nhãn)
value-takes-text = một đoạn văn bản
value-not-finite = phải là một số hữu hạn
value-denominator-not-finite = mẫu số phải là một số hữu hạn
value-out-of-range = { $n } vượt quá phạm vi: giá trị tuyệt đối không được lớn hơn 10^15
value-percent-range = tỷ lệ phần trăm nhập trực tiếp phải từ 0 đến 100, không phải { $n }
value-denominator-positive = mẫu số phải lớn hơn 0, không phải { $denominator }
value-numerator-range = tử số phải từ 0 đến mẫu số ({ $denominator }), không phải { $numerator }
value-count = số lượng phải là số nguyên ≥ 0, không phải { $n }
value-rank = thứ hạng phải là số nguyên ≥ 1, không phải { $n }
invalid-username-character = chỉ được gồm chữ thường a-z, chữ số, '.', '_' và '-' (gặp { $found })
invalid-too-short = phải dài ít nhất { $min } ký tự
invalid-too-long-chars = dài tối đa { $max } ký tự
invalid-only-spaces = không được chỉ gồm dấu cách
invalid-role = vai trò { $raw } không hợp lệ; dùng một trong các giá trị administrator, provinceOfficer, communeOfficer, reporter, viewer, integrator
account-needs-home-unit = mọi vai trò trừ quản trị viên đều phải gắn với một đơn vị
invalid-page-start = số trang bắt đầu từ 1
invalid-page-max = số trang tối đa là { $max }
invalid-page-size = pageSize phải từ 1 đến { $max }
invalid-target-year = năm của chỉ tiêu phải từ { $first } đến { $last }
invalid-year = { $raw } không phải là năm: hãy ghi bốn chữ số, từ { $first } đến { $last }
invalid-plan-code = { $raw } không phải là mã kế hoạch: gồm 2 đến 64 ký tự A-Z, 0-9, '.', '_' và '-'
invalid-narrative-section = { $raw } không phải là mã mục như I, III hoặc III.1
invalid-report-state = { $raw } không phải là trạng thái báo cáo: draft, submitted, returned hoặc approved
invalid-decimals = số chữ số thập phân phải từ 0 đến { $max }
invalid-between-zero-and = phải từ 0 đến { $max }

## Tham chiếu tới dữ liệu đã lưu (422)

catalog-no-section = danh mục { $catalog } không có phần { $code }
catalog-no-indicator = không có chỉ tiêu { $code }
catalog-parent-elsewhere = chỉ tiêu { $parent } thuộc danh mục khác, không phải { $catalog }; chỉ tiêu cha phải cùng danh mục
catalog-parent-cycle = chỉ tiêu { $child } không thể nằm dưới chính nó hoặc một chỉ tiêu con của nó ({ $parent })
catalog-parent-too-deep = chuỗi chỉ tiêu cha phía trên { $parent } sâu quá { $max } cấp
catalog-in-section = thuộc phần { $code }
catalog-outside-sections = không thuộc phần nào
catalog-section-mismatch = chỉ tiêu cha { $parent } { $parentSection }, còn chỉ tiêu này sẽ { $wanted }; chỉ tiêu con phải cùng phần với chỉ tiêu cha
catalog-no-catalog = không có danh mục { $code }
plan-validity-order = kế hoạch sẽ có hiệu lực từ { $from } đến { $to }: validFrom không được sau validTo
org-unit-no-unit-with-code = không có đơn vị mang mã { $code }
catalog-no-catalog-with-code = không có danh mục mang mã { $code }
catalog-no-indicator-with-code = không có chỉ tiêu mang mã { $code }
plan-indicator-outside-catalog = chỉ tiêu { $code } không thuộc danh mục { $catalog } của kế hoạch
plan-no-plan-with-code = không có kế hoạch mang mã { $code }
org-kind-national = cấp trung ương
org-kind-province = tỉnh
org-kind-commune = xã
org-kind-unit = cơ quan, đơn vị
org-parents-national = không có đơn vị cấp trên
org-parents-province = không có đơn vị cấp trên hoặc là đơn vị cấp trung ương
org-parents-commune = một tỉnh
org-parents-unit = một tỉnh, một xã hoặc một cơ quan, đơn vị khác
org-unit-needs-parent = đơn vị cấp { $kind } phải có đơn vị cấp trên: { $parents }
org-unit-wrong-parent = đơn vị cấp { $kind } không thể trực thuộc đơn vị cấp { $parentKind } ({ $parent }); đơn vị cấp trên phải là { $parents }
org-unit-parent-closed = đơn vị { $parent } đã ngừng hoạt động từ ngày { $closedOn }; hãy đặt đơn vị này trực thuộc một đơn vị kế thừa
org-unit-start-after-close = đơn vị { $code } đã ngừng hoạt động từ ngày { $to }; không thể có hiệu lực sau ngày đó
org-unit-own-parent = đơn vị { $code } không thể là đơn vị cấp trên của chính nó
org-unit-under-descendant = đơn vị { $parent } trực thuộc { $code }: không thể chuyển một đơn vị về trực thuộc đơn vị cấp dưới của nó
report-period-outside-plan = kỳ báo cáo { $period } (từ { $start } đến { $end }) nằm ngoài thời gian hiệu lực của kế hoạch { $plan } (từ { $from } đến { $to })
report-unit-not-assigned = đơn vị { $unit } không được giao chỉ tiêu nào của kế hoạch { $plan }: hãy giao chỉ tiêu trong kế hoạch trước

## Trường dữ liệu của yêu cầu (422), tiếp theo

org-unit-listed-twice = đơn vị { $code } được liệt kê hai lần
org-unit-succeeds-itself = đơn vị { $code } không thể kế thừa chính nó
org-unit-succeeds-ancestor = đơn vị { $code } trực thuộc { $unit }: không thể kế thừa đơn vị cấp trên của chính nó
org-unit-successor-closed = đơn vị { $code } đã ngừng hoạt động từ ngày { $closedOn }; hãy chọn một đơn vị đang hoạt động
org-unit-successor-kind = đơn vị { $code } thuộc cấp { $kind }, còn { $unit } thuộc cấp { $unitKind }: đơn vị kế thừa phải cùng cấp
org-unit-no-unit-has-code = không có đơn vị nào mang mã { $code }
api-key-no-unit = không có đơn vị nào mang mã { $code }
account-current-password-needed = cần nhập để đổi mật khẩu của chính bạn
account-not-your-password = không đúng mật khẩu của bạn
progress-format-in-path = địa chỉ này trả về tệp .{ $extension }; không cần tham số format
invalid-max-depth = maxDepth tối đa là 2147483647
invalid-after = after phải lớn hơn hoặc bằng 0
invalid-limit = limit phải từ 1 đến 500
invalid-outbox-state = phải là một trong các giá trị pending, sending, sent, attention, dead, discarded, superseded
idempotency-key-shape = phải gồm 1 đến 255 ký tự ASCII nhìn thấy được
idempotency-key-reused = khoá này đã được dùng cho một yêu cầu khác ({ $first }, hoặc cùng địa chỉ nhưng nội dung khác): hãy dùng khoá mới cho yêu cầu mới
form-field-required = trường này của biểu mẫu là bắt buộc
exchange-id-scheme = chỉ hỗ trợ idScheme=code, không hỗ trợ { $scheme }
exchange-strategy = { $raw } không phải là CREATE, UPDATE, CREATE_AND_UPDATE, DELETE hoặc SYNC

## Nhận xét của chức năng nhập kế hoạch, tiếp theo

import-lead-several = ô chủ trì ghi nhiều cơ quan: { $lead } chủ trì, { $other } được coi là cơ quan phối hợp
import-of-section = {" "}của phần { $code }
import-in-section = {" "}trong phần { $code }
import-numbering-skips = số thứ tự{ $ofSection } nhảy từ { $previous } lên { $number }: giữ nguyên như bản in
import-sub-item-orphan = chỉ tiêu con { $number } không có chỉ tiêu { $parent }{ $inSection } ở phía trên
import-first-at = {" "}(lần đầu tại { $at })
import-number-twice = số thứ tự { $number } xuất hiện hai lần{ $inSection }{ $earlier }: dòng này được lưu với số { $stored }, vì trong một phần mỗi chỉ tiêu chỉ có một số thứ tự
import-arabic-section = phần { $code } (đánh số bằng chữ số Ả Rập, các chỉ tiêu { $number }.1, { $number }.2 …): { $title }
import-why-unit = đơn vị tính { $unit }
import-why-rank-target = có chỉ tiêu ghi thứ hạng (Top …)
import-why-percent-targets = các chỉ tiêu là tỷ lệ phần trăm
import-why-status-targets = các chỉ tiêu là kết quả đạt hay không (Đạt, Có, Duy trì …)
import-why-name-starts = tên chỉ tiêu bắt đầu bằng { $words }
import-why-numbers = các chỉ tiêu là số không có đơn vị tính
import-why-default = không có đơn vị tính và chỉ tiêu không ghi số: coi là chỉ tiêu trạng thái (đạt hay không)
import-column = { $position } { $role }
list-comma = { $first }, { $rest }
import-column-number = số thứ tự
import-column-name = chỉ tiêu
import-column-unit = đơn vị tính
import-column-year = chỉ tiêu năm { $year }
import-column-result = chỉ tiêu (năm lấy theo tiêu đề phần hoặc kế hoạch)
import-column-lead = cơ quan chủ trì
import-column-coordinating = cơ quan phối hợp
import-column-output = sản phẩm đầu ra
import-column-note = ghi chú

## Yêu cầu không đọc được (400, 413, 415)

malformed-body-unreadable = không đọc được nội dung yêu cầu: { $error }
media-type-bulk = nội dung phải có kiểu application/json, text/csv (hoặc application/csv) hoặc application/adx+xml
media-type-json-not = nội dung phải có kiểu application/json, không phải { $other }
media-type-json-missing = nội dung phải được gửi kèm Content-Type: application/json
malformed-json = nội dung không phải JSON hợp lệ: { $error }
malformed-array = nội dung phải là một đối tượng JSON, không phải một mảng
malformed-expected-object = cần một đối tượng
malformed-query = chuỗi truy vấn không hợp lệ: { $error }
not-found-path = không có dữ liệu tại đường dẫn này: { $error }
malformed-body-not-taken = { $method } { $path } không nhận nội dung yêu cầu; không gửi kèm nội dung
malformed-unknown-members = thành phần không xác định: { $members }
malformed-unknown-member = thành phần không xác định
form-unknown-field = trường biểu mẫu { $field } không xác định: chỉ nhận file, plan và dryRun (không bắt buộc)
form-unreadable = không đọc được nội dung multipart: { $error }
form-media-type = hãy gửi kế hoạch dưới dạng multipart/form-data gồm trường `file` và trường `plan`
form-file-too-large = tệp lớn hơn giới hạn { $limit } byte (CHITIEU_IMPORT_MAX_BYTES)
form-field-too-large = trường biểu mẫu { $field } lớn hơn { $limit } byte
form-plan-part = phần plan: { $detail }
catalog-no-section-path = không có phần { $raw }: { $reason }
problem-detail-with-setting = { $detail } ({ $setting })
problem-detail-at = { $place }: { $reason }
import-error-too-large = tệp có dung lượng { $size } byte, vượt giới hạn { $limit } byte
import-error-zip-bomb = từ chối tệp nén bất thường (zip bomb): khi giải nén sẽ vượt giới hạn { $limit } byte ({ $what })
import-error-too-many-rows = bảng có { $rows } dòng, vượt giới hạn { $limit } dòng
import-error-no-table = không tìm thấy bảng có dòng tiêu đề nhận dạng được; đã tìm dòng có cột số thứ tự ({ $numbers }) và cột tên chỉ tiêu ({ $names })

## Thông tin xác thực và giá trị dữ liệu, tiếp theo

auth-wrong-password = tên đăng nhập hoặc mật khẩu không đúng
auth-key-invalid = khoá API không hợp lệ, đã hết hạn hoặc đã bị thu hồi
auth-token-invalid = mã truy cập (token) không hợp lệ hoặc đã hết hạn; hãy xin cấp mã mới
auth-two-credentials = chỉ gửi một loại thông tin xác thực: Authorization hoặc X-API-Key, không gửi cả hai
auth-bearer-only = Authorization chỉ chấp nhận kiểu Bearer
auth-credentials-needed = địa chỉ này cần thông tin xác thực: mã Bearer trong Authorization lấy từ POST /api/v1/auth/token, hoặc tiêu đề X-API-Key
measure-period-aggregation = không thể tính số liệu loại { $kind } của kỳ dài hơn từ các tháng theo cách { $by }: { $reason }
measure-text-period = văn bản chỉ có giá trị khi được báo cáo cho chính kỳ đó
measure-status-period = trạng thái không được cộng dồn hay tính trung bình
measure-rank-period = thứ hạng và điểm số không cộng dồn được
measure-percent-period = tỷ lệ phần trăm của kỳ được tính từ các tháng theo cách sum, last hoặc mean
invalid-item-number = { $raw } không phải là số thứ tự chỉ tiêu như 7 hoặc 7.1
invalid-roman-numeral = { $raw } không phải là số La Mã như I, IV hoặc XI
invalid-section-heading = { $raw } không phải là tiêu đề phần như I, IV, A, B.II hoặc 3
invalid-org-kind = cấp đơn vị { $raw } không hợp lệ; dùng một trong các giá trị national, province, commune, unit
invalid-ad-hoc-order = kỳ báo cáo đột xuất không thể kết thúc trước khi bắt đầu
invalid-deadline-day = ngày hạn nộp phải từ 1 đến 28 (tháng nào cũng có)
invalid-deadline-offset = hạn nộp chậm nhất là 12 tháng sau kỳ báo cáo
value-part-numerator = tử số: { $reason }
value-part-denominator = mẫu số: { $reason }
value-not-a-number = { $text } không phải là một số
value-not-a-status = { $text } không phải là trạng thái: true, false hoặc một nhãn như Đạt, Có, Duy trì, Không đạt
invalid-role-name = vai trò { $raw } không hợp lệ
deadline-no-last-month = không xác định được tháng trước

## Cách đo và tổng hợp của chỉ tiêu

measure-aggregation = không thể tổng hợp số liệu loại { $kind } theo cách { $by }
measure-aggregation-rank = không thể tổng hợp số liệu loại { $kind } theo cách { $by }: thứ hạng và điểm số không cộng dồn được
measure-aggregation-percent = không thể tổng hợp số liệu loại { $kind } theo cách { $by }: tỷ lệ phần trăm được tổng hợp bằng tổng tử số chia tổng mẫu số

## Webhooks

webhook-no-events = hãy nêu ít nhất một loại sự kiện
webhook-unknown-event = loại sự kiện { $event } không tồn tại; các loại có: { $known }
webhook-event-twice = { $event } được nêu hai lần
