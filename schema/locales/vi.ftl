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
problem-title-precondition-failed = Dữ liệu đã thay đổi kể từ khi bạn đọc
problem-title-precondition-required = Cần tiêu đề If-Match
problem-title-method-not-allowed = Phương thức không được hỗ trợ
problem-title-payload-too-large = Yêu cầu quá lớn
problem-title-unprocessable-file = Không thể nhập tệp này
problem-title-unsupported-media-type = Kiểu nội dung không được hỗ trợ
problem-title-too-many-requests = Quá nhiều yêu cầu
problem-title-unavailable = Dịch vụ tạm thời không sẵn sàng
problem-title-internal = Lỗi máy chủ nội bộ
