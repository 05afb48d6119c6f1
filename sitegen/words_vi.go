package sitegen

import (
	"fmt"
	"math"
)

var vietnamese = register(&language{
	code:     "vi",
	htmlLang: []string{"vi", "vi-VN", "vi"},
	region:   "VN",
	country:  "Việt Nam",
	ui: map[string]string{
		"home": "Trang chủ", "contact": "Liên hệ", "faq": "Hỏi đáp", "faq_long": "Câu hỏi thường gặp",
		"about": "Giới thiệu", "help": "Hỗ trợ khách hàng", "track_order": "Tra cứu đơn hàng",
		"stores": "Hệ thống cửa hàng", "search": "Tìm kiếm", "search_placeholder": "Bạn cần tìm gì hôm nay?",
		"account": "Đăng nhập", "wishlist": "Yêu thích", "cart": "Giỏ hàng", "menu": "Danh mục", "close": "Đóng",
		"view_all": "Xem tất cả", "shop_all": "Xem tất cả {c}", "new_arrivals": "Hàng mới về",
		"bestsellers": "Bán chạy nhất", "on_sale": "Khuyến mãi", "you_may_like": "Có thể bạn cũng thích",
		"recently_viewed": "Sản phẩm đã xem", "add_to_cart": "Thêm vào giỏ", "in_stock": "Còn hàng",
		"description": "Mô tả sản phẩm", "specs": "Thông số kỹ thuật", "reviews": "Đánh giá của khách hàng",
		"reviews_count": "{n} đánh giá", "related": "Sản phẩm liên quan", "newsletter_title": "Đăng ký nhận tin",
		"newsletter_text":   "Nhận thông tin sản phẩm mới và chương trình ưu đãi sớm nhất.",
		"email_placeholder": "Nhập email của bạn", "subscribe": "Đăng ký", "follow_us": "Kết nối với chúng tôi",
		"customer_service": "Chăm sóc khách hàng", "information": "Về chúng tôi", "categories": "Danh mục sản phẩm",
		"contact_info": "Thông tin liên hệ", "hotline": "Hotline", "email_us": "Email",
		"opening_hours": "Giờ làm việc", "hours_text": "8:00 – 21:00 tất cả các ngày trong tuần",
		"address": "Địa chỉ", "tax_id": "Mã số doanh nghiệp", "rights": "Bảo lưu mọi quyền.",
		"cookie_text": "Chúng tôi sử dụng cookie để website hoạt động ổn định, phân tích lưu lượng truy cập và hiển thị ưu đãi phù hợp với bạn. Bạn có thể chấp nhận tất cả hoặc tùy chỉnh các loại cookie.",
		"cookie_more": "Xem chính sách bảo mật", "cookie_accept": "Đồng ý", "cookie_reject": "Từ chối",
		"cookie_settings": "Tùy chỉnh", "form_title": "Gửi tin nhắn cho chúng tôi", "form_name": "Họ và tên",
		"form_email": "Email", "form_phone": "Số điện thoại", "form_subject": "Tiêu đề",
		"form_order": "Mã đơn hàng (nếu có)", "form_message": "Nội dung",
		"form_consent":  "Tôi đồng ý để thông tin của mình được sử dụng nhằm phản hồi yêu cầu.",
		"form_send":     "Gửi liên hệ",
		"contact_intro": "Đội ngũ chăm sóc khách hàng luôn sẵn sàng hỗ trợ bạn. Hãy gọi hotline, gửi email hoặc điền vào biểu mẫu bên dưới, chúng tôi sẽ phản hồi trong vòng 24 giờ.",
		"faq_intro":     "Giải đáp nhanh những thắc mắc thường gặp khi mua sắm tại cửa hàng. Chưa tìm thấy câu trả lời?",
		"faq_more":      "Liên hệ với chúng tôi", "free_shipping": "Miễn phí giao hàng cho đơn từ {free}",
		"easy_returns": "Đổi trả miễn phí trong 7 ngày", "secure_payment": "Thanh toán an toàn",
		"fast_delivery": "Giao hàng nhanh toàn quốc", "hero_title": "Bộ sưu tập mới đã có mặt",
		"hero_text": "Khám phá {c} mới nhất từ {b}.", "shop_now": "Mua ngay", "our_story": "Câu chuyện thương hiệu",
		"read_more": "Xem thêm", "payment_methods": "Phương thức thanh toán", "download_app": "Tải ứng dụng",
		"spec_brand": "Thương hiệu", "spec_model": "Model", "spec_color": "Màu sắc", "spec_material": "Chất liệu",
		"spec_weight": "Trọng lượng", "spec_warranty": "Bảo hành", "spec_origin": "Xuất xứ", "spec_sku": "Mã SP",
		"warranty_value": "12 tháng", "qty": "Số lượng", "sort_by": "Sắp xếp",
		"sort_options": "Mặc định|Bán chạy|Giá tăng dần|Giá giảm dần|Mới nhất", "filter": "Bộ lọc",
		"products_count": "{n} sản phẩm", "about_category": "Tìm hiểu về {c}", "updated": "Cập nhật lần cuối",
		"other_policies": "Chính sách khác", "skip": "Bỏ qua và đến nội dung chính", "chat_with_us": "Chat với chúng tôi",
		"not_found": "Không tìm thấy trang bạn yêu cầu", "stores_title": "Hệ thống showroom",
		"compare_at": "Giá gốc", "details": "Chi tiết", "map": "Xem bản đồ",
	},
	series:    []string{"Aero", "Terra", "Nova", "Luma", "Vista", "Orion", "Zen", "Atlas", "Pulse", "Sierra", "Sen", "Mekong"},
	models:    []string{"", "Pro", "Lite", "Plus", "Max", "X", "S2", "300", "Air", "2024"},
	materials: []string{"vải polyester tái chế", "cotton hữu cơ", "nhôm anod hóa", "gỗ sồi tự nhiên", "thép không gỉ", "da bò thật", "nhựa không chứa BPA", "kính cường lực", "len merino", "sợi tre"},
	colors:    []string{"đen", "trắng", "xanh navy", "xanh rêu", "be", "xám", "đỏ", "xanh lá", "xanh da trời", "ghi đậm"},
	productName: func(noun, series, model string) string {
		return join(noun, series, model)
	},
	describe: []string{
		"{p} được thiết kế để sử dụng hằng ngày và có độ bền cao theo thời gian.",
		"Sản phẩm được làm từ {m}, mang lại cảm giác thoải mái trong mọi điều kiện thời tiết.",
		"Khách hàng lựa chọn {p} nhờ thiết kế tinh tế và mức giá hợp lý.",
		"Mỗi sản phẩm đều được đội ngũ {b} kiểm tra kỹ trước khi xuất kho.",
		"Bạn có thể kết hợp với các sản phẩm khác trong danh mục {c} để tạo thành bộ hoàn chỉnh.",
		"Có sẵn màu {col}, miễn phí giao hàng cho đơn từ {free}.",
		"Nếu sản phẩm chưa phù hợp, bạn có thể đổi trả trong vòng 7 ngày.",
		"Việc bảo quản rất đơn giản: chỉ cần làm theo hướng dẫn trên nhãn sản phẩm.",
		"Dòng {s} được phát triển dựa trên góp ý của hàng nghìn khách hàng.",
		"So với phiên bản trước, {p} nhẹ hơn, êm hơn và dễ vệ sinh hơn.",
		"Tất cả linh kiện đều được bảo hành chính hãng, có sẵn phụ tùng thay thế trong 5 năm.",
		"Cần tư vấn về kích cỡ hoặc cách sử dụng? Đội ngũ chăm sóc khách hàng luôn sẵn sàng hỗ trợ.",
		"Nhờ thiết kế gọn nhẹ, {p} dễ dàng cất giữ khi không sử dụng.",
		"Mỗi đơn hàng đều kèm hóa đơn VAT và hướng dẫn sử dụng bằng tiếng Việt.",
	},
	catText: []string{
		"Tại {b}, bạn sẽ tìm thấy các sản phẩm {c} được tuyển chọn kỹ lưỡng, phù hợp với mọi ngân sách.",
		"Tất cả sản phẩm {c} đều có sẵn tại kho và được giao trong vòng 24 giờ.",
		"Chưa biết chọn sản phẩm nào? Hãy so sánh thông số hoặc nhắn tin để được tư vấn miễn phí.",
		"Chúng tôi chỉ bán những sản phẩm {c} đã được kiểm tra kỹ lưỡng và cam kết hàng chính hãng.",
		"Đặt hàng ngay hôm nay để nhận ưu đãi và đổi trả miễn phí trong 7 ngày.",
		"Thành viên được tích điểm cho mỗi đơn hàng và nhận ưu đãi riêng vào ngày sinh nhật.",
	},
	faq: []qa{
		{"Thời gian giao hàng mất bao lâu?", "Đơn hàng nội thành Hà Nội và TP. Hồ Chí Minh được giao trong 1–2 ngày; các tỉnh thành khác từ 3–5 ngày làm việc."},
		{"Phí vận chuyển là bao nhiêu?", "Miễn phí vận chuyển cho đơn hàng từ {free}. Đơn hàng dưới mức này có phí giao hàng {ship}."},
		{"Tôi có thể theo dõi đơn hàng như thế nào?", "Sau khi đơn hàng được giao cho đơn vị vận chuyển, chúng tôi sẽ gửi mã vận đơn qua SMS và email để bạn tra cứu."},
		{"Shop có hỗ trợ thanh toán khi nhận hàng (COD) không?", "Có. Bạn có thể thanh toán bằng tiền mặt khi nhận hàng trên toàn quốc."},
		{"Những hình thức thanh toán nào được chấp nhận?", "Chúng tôi chấp nhận COD, chuyển khoản ngân hàng, thẻ ATM nội địa, thẻ Visa/Mastercard, ví MoMo, ZaloPay và VNPay."},
		{"Làm thế nào để đổi trả sản phẩm?", "Bạn vui lòng liên hệ hotline hoặc gửi email trong vòng 7 ngày kể từ khi nhận hàng, kèm mã đơn hàng và hình ảnh sản phẩm."},
		{"Khi nào tôi nhận được tiền hoàn?", "Tiền hoàn sẽ được chuyển về tài khoản của bạn trong vòng 5–7 ngày làm việc sau khi chúng tôi nhận lại sản phẩm."},
		{"Tôi có thể đổi sang size hoặc màu khác không?", "Có. Chúng tôi hỗ trợ đổi size, đổi màu miễn phí một lần cho mỗi đơn hàng."},
		{"Sản phẩm nhận được bị lỗi thì phải làm sao?", "Vui lòng quay video khi mở hộp và liên hệ với chúng tôi trong vòng 48 giờ để được đổi sản phẩm mới."},
		{"Tôi có thể hủy đơn hàng đã đặt không?", "Bạn có thể hủy đơn hàng khi đơn chưa được bàn giao cho đơn vị vận chuyển."},
		{"Có cần tạo tài khoản để mua hàng không?", "Không bắt buộc. Tuy nhiên, tài khoản giúp bạn theo dõi đơn hàng và tích điểm thành viên."},
		{"Tôi quên mật khẩu thì làm thế nào?", "Chọn \"Quên mật khẩu\" tại trang đăng nhập, hệ thống sẽ gửi đường dẫn đặt lại mật khẩu qua email."},
		{"Sản phẩm được bảo hành bao lâu?", "Tất cả sản phẩm được bảo hành chính hãng 12 tháng. Một số sản phẩm có thời gian bảo hành dài hơn, vui lòng xem trang sản phẩm."},
		{"Tôi cần làm gì để được bảo hành?", "Mang sản phẩm kèm hóa đơn mua hàng đến cửa hàng gần nhất hoặc liên hệ tổng đài để được hướng dẫn."},
		{"Shop có xuất hóa đơn VAT không?", "Có. Bạn vui lòng ghi thông tin công ty trong phần ghi chú khi đặt hàng."},
		{"Shop có cửa hàng trực tiếp không?", "Có, bạn có thể ghé showroom của chúng tôi tại {city}. Giờ mở cửa được ghi trên trang liên hệ."},
		{"Làm sao để chọn đúng kích cỡ?", "Mỗi trang sản phẩm đều có bảng size. Nếu còn phân vân, hãy nhắn tin cho chúng tôi để được tư vấn."},
		{"Shop có chương trình khách hàng thân thiết không?", "Có. Mỗi 10.000₫ chi tiêu được tích 1 điểm, dùng để giảm giá cho các đơn hàng tiếp theo."},
		{"Tôi có thể dùng nhiều mã giảm giá cho một đơn không?", "Mỗi đơn hàng chỉ áp dụng một mã giảm giá."},
		{"Shop có bán hàng trả góp không?", "Có. Bạn có thể trả góp 0% lãi suất qua thẻ tín dụng của các ngân hàng liên kết cho đơn từ 3.000.000₫."},
		{"Thông tin cá nhân của tôi được bảo mật như thế nào?", "Chúng tôi chỉ sử dụng thông tin của bạn để xử lý đơn hàng và không chia sẻ cho bên thứ ba. Xem chính sách bảo mật để biết thêm chi tiết."},
		{"Shop có giao hàng ra nước ngoài không?", "Hiện tại chúng tôi chỉ giao hàng trong lãnh thổ Việt Nam."},
		{"Tôi có thể đặt hàng qua điện thoại không?", "Có. Bạn chỉ cần gọi hotline, nhân viên sẽ tạo đơn giúp bạn."},
		{"Thời gian làm việc của bộ phận chăm sóc khách hàng?", "Từ 8:00 đến 21:00 tất cả các ngày trong tuần, kể cả ngày lễ."},
		{"Shop có gói quà tặng không?", "Có. Bạn có thể chọn gói quà và viết thiệp miễn phí khi thanh toán."},
		{"Sản phẩm có phải hàng chính hãng không?", "Tất cả sản phẩm đều là hàng chính hãng, có đầy đủ tem và giấy tờ nhập khẩu."},
		{"Tôi có được kiểm tra hàng trước khi thanh toán không?", "Có. Bạn được mở hộp kiểm tra sản phẩm trước khi thanh toán cho nhân viên giao hàng."},
		{"Làm sao để hủy nhận bản tin?", "Bấm vào liên kết \"Hủy đăng ký\" ở cuối mỗi email bản tin."},
		{"Giá trên website đã bao gồm VAT chưa?", "Giá niêm yết đã bao gồm thuế VAT."},
		{"Tôi có thể nhận hàng tại cửa hàng không?", "Có. Chọn \"Nhận tại cửa hàng\" khi thanh toán, chúng tôi sẽ báo khi hàng sẵn sàng."},
	},
	faqCity: qa{"Shop có giao hàng đến {city} không?", "Có, chúng tôi giao hàng đến {city}, thường trong vòng {n} ngày làm việc."},
	places: []place{
		{"TP. Hồ Chí Minh", "Phường Bến Nghé, Quận 1", "700000", "", "28"}, {"Hà Nội", "Phường Láng Hạ, Quận Đống Đa", "100000", "", "24"},
		{"Đà Nẵng", "Phường Thạch Thang, Quận Hải Châu", "550000", "", "236"}, {"Hải Phòng", "Phường Máy Tơ, Quận Ngô Quyền", "180000", "", "225"},
		{"Cần Thơ", "Phường An Hòa, Quận Ninh Kiều", "900000", "", "292"}, {"TP. Hồ Chí Minh", "Phường Tân Phong, Quận 7", "700000", "", "28"},
		{"Hà Nội", "Phường Dịch Vọng, Quận Cầu Giấy", "100000", "", "24"}, {"Nha Trang", "Phường Lộc Thọ", "650000", "", "258"},
		{"Huế", "Phường Vĩnh Ninh", "530000", "", "234"}, {"Biên Hòa", "Phường Tân Mai", "810000", "", "251"},
	},
	streets: []string{"Nguyễn Huệ", "Lê Lợi", "Trần Hưng Đạo", "Nguyễn Văn Linh", "Lý Thường Kiệt", "Hai Bà Trưng", "Điện Biên Phủ", "Cách Mạng Tháng Tám"},
	address: func(num int, street string, p place) string {
		return fmt.Sprintf("Số %d %s, %s, %s", num, street, p.district, p.city)
	},
	policies: map[string]policyWords{
		"privacy": {"Chính sách bảo mật",
			[]string{"Mục đích thu thập thông tin", "Phạm vi sử dụng thông tin", "Thời gian lưu trữ thông tin", "Cam kết bảo mật thông tin", "Quyền của khách hàng", "Thông tin liên hệ"},
			[]string{"Chúng tôi thu thập họ tên, địa chỉ, email và số điện thoại khi bạn đặt hàng trên website.", "Thông tin được sử dụng để xử lý đơn hàng, giao hàng và giải đáp thắc mắc của khách hàng.", "Chúng tôi cam kết không bán hoặc chia sẻ thông tin cá nhân của bạn cho bên thứ ba.", "Bạn có quyền yêu cầu xem, chỉnh sửa hoặc xóa thông tin cá nhân bất kỳ lúc nào.", "Thông tin thanh toán được xử lý bởi đối tác cổng thanh toán và không được lưu trữ trên hệ thống của chúng tôi.", "Dữ liệu cá nhân được lưu trữ cho đến khi có yêu cầu hủy bỏ từ phía khách hàng.", "Chính sách này tuân thủ Nghị định 13/2023/NĐ-CP về bảo vệ dữ liệu cá nhân."}},
		"returns": {"Chính sách đổi trả",
			[]string{"Điều kiện đổi trả", "Thời hạn đổi trả", "Quy trình đổi trả", "Hoàn tiền", "Sản phẩm không áp dụng đổi trả"},
			[]string{"Quý khách được đổi trả sản phẩm trong vòng 7 ngày kể từ ngày nhận hàng.", "Sản phẩm đổi trả phải còn nguyên tem, nhãn mác và chưa qua sử dụng.", "Vui lòng liên hệ hotline hoặc gửi email kèm mã đơn hàng để được hướng dẫn đổi trả.", "Tiền hoàn sẽ được chuyển khoản trong vòng 5–7 ngày làm việc sau khi nhận lại sản phẩm.", "Miễn phí đổi trả đối với sản phẩm bị lỗi do nhà sản xuất hoặc giao sai mẫu.", "Sản phẩm khuyến mãi giảm giá trên 50% không áp dụng đổi trả."}},
		"shipping": {"Chính sách giao hàng",
			[]string{"Phạm vi giao hàng", "Thời gian giao hàng", "Phí giao hàng", "Kiểm tra hàng khi nhận"},
			[]string{"Chúng tôi giao hàng trên toàn quốc thông qua Giao Hàng Nhanh, Giao Hàng Tiết Kiệm và Viettel Post.", "Đơn hàng nội thành được giao trong 1–2 ngày, các tỉnh thành khác từ 3–5 ngày làm việc.", "Miễn phí giao hàng cho đơn từ {free}; đơn dưới mức này có phí {ship}.", "Quý khách được kiểm tra hàng trước khi thanh toán cho nhân viên giao hàng.", "Nếu quá thời gian dự kiến mà chưa nhận được hàng, vui lòng liên hệ hotline để được hỗ trợ."}},
		"terms": {"Điều khoản sử dụng",
			[]string{"Giới thiệu", "Đặt hàng và xác nhận", "Giá cả và thanh toán", "Trách nhiệm", "Luật áp dụng"},
			[]string{"Khi truy cập website, quý khách đồng ý tuân thủ các điều khoản dưới đây.", "Đơn hàng được xác nhận khi chúng tôi gọi điện hoặc gửi email xác nhận cho quý khách.", "Giá niêm yết trên website đã bao gồm thuế VAT.", "Chúng tôi không chịu trách nhiệm với những chậm trễ do sự kiện bất khả kháng.", "Các điều khoản này được điều chỉnh bởi pháp luật nước Cộng hòa Xã hội Chủ nghĩa Việt Nam."}},
		"warranty": {"Chính sách bảo hành",
			[]string{"Thời hạn bảo hành", "Điều kiện bảo hành", "Trường hợp không được bảo hành", "Quy trình bảo hành"},
			[]string{"Sản phẩm được bảo hành chính hãng 12 tháng kể từ ngày mua.", "Bảo hành áp dụng cho lỗi kỹ thuật do nhà sản xuất.", "Không bảo hành với sản phẩm bị rơi vỡ, vào nước hoặc tự ý sửa chữa.", "Quý khách mang sản phẩm kèm hóa đơn đến trung tâm bảo hành hoặc gửi qua đường bưu điện.", "Thời gian xử lý bảo hành từ 7 đến 14 ngày làm việc."}},
		"about": {"Giới thiệu",
			[]string{"Câu chuyện của chúng tôi", "Sứ mệnh", "Đội ngũ"},
			[]string{"{b} được thành lập năm {year} với mong muốn mang đến sản phẩm chất lượng với giá hợp lý.", "Hiện nay chúng tôi phục vụ hơn {n} khách hàng trên toàn quốc từ trụ sở tại {city}.", "Mọi sản phẩm đều được chúng tôi kiểm tra kỹ lưỡng trước khi đến tay khách hàng.", "Dịch vụ khách hàng tận tâm là giá trị cốt lõi của chúng tôi.", "Chúng tôi hợp tác trực tiếp với các nhà sản xuất uy tín trong và ngoài nước."}},
	},
	brandStems: []string{"Minh Phát", "Hoàng Gia", "Thiên Long", "An Khang", "Phú Thịnh", "Việt Tiến", "Hưng Thịnh", "Đại Việt", "Sao Mai", "Kim Long", "Tân Phát", "Bình Minh", "Hải Âu", "Phương Nam", "Nam Á", "Thành Công"},
	legal:      []string{"Công ty TNHH %s", "Công ty Cổ phần %s", "Công ty TNHH Thương mại Dịch vụ %s"},
	emailUsers: []string{"cskh", "hotro", "info", "lienhe", "sales"},
	reviewers:  []string{"Nguyễn Thị Lan", "Trần Văn Minh", "Lê Hoàng Anh", "Phạm Thu Trang", "Võ Quốc Bảo", "Đặng Ngọc Hân", "Bùi Đức Thắng", "Huỳnh Mai Phương", "Đỗ Thanh Tùng", "Ngô Bảo Châu"},
	reviews: []string{
		"Sản phẩm đúng như mô tả, giao hàng nhanh.", "Chất lượng tốt so với giá tiền, sẽ ủng hộ shop tiếp.",
		"Nhân viên tư vấn nhiệt tình, chọn đúng size ngay lần đầu.", "Hàng đẹp hơn trong hình, đóng gói cẩn thận.",
		"Dùng ổn, nhưng hướng dẫn sử dụng hơi khó hiểu.", "Mua lần thứ hai rồi, vẫn rất hài lòng.",
		"Giao hàng siêu nhanh, shipper thân thiện.", "Sản phẩm tốt, màu hơi đậm hơn ảnh một chút.",
	},
	tlds: []string{".vn", ".com.vn", ".vn", ".com"},
	slugStyles: []map[string]string{
		{"contact": "/pages/lien-he", "faq": "/pages/cau-hoi-thuong-gap", "about": "/pages/gioi-thieu", "privacy": "/pages/chinh-sach-bao-mat",
			"returns": "/pages/chinh-sach-doi-tra", "shipping": "/pages/chinh-sach-van-chuyen", "terms": "/pages/dieu-khoan-dich-vu",
			"warranty": "/pages/chinh-sach-bao-hanh", "category": "/collections/{slug}", "product": "/products/{slug}"},
		{"contact": "/lien-he", "faq": "/hoi-dap", "about": "/gioi-thieu", "privacy": "/chinh-sach-bao-mat", "returns": "/chinh-sach-doi-tra",
			"shipping": "/chinh-sach-giao-hang", "terms": "/dieu-khoan-su-dung", "warranty": "/chinh-sach-bao-hanh",
			"category": "/danh-muc/{slug}", "product": "/san-pham/{slug}"},
		{"contact": "/lien-he.html", "faq": "/cau-hoi-thuong-gap.html", "about": "/gioi-thieu.html", "privacy": "/chinh-sach-bao-mat.html",
			"returns": "/chinh-sach-doi-tra.html", "shipping": "/chinh-sach-giao-hang.html", "terms": "/dieu-khoan-su-dung.html",
			"warranty": "/bao-hanh.html", "category": "/{slug}", "product": "/{slug}.html"},
	},
	chat: []weighted{{"zalo", 5}, {"messenger", 3}, {"tawk.to", 3}, {"crisp", 1}, {"tidio", 1}, {"", 3}},
	date: func(y, m, d int) string { return fmt.Sprintf("%02d/%02d/%d", d, m, y) },
	price: func(usd float64) string {
		v := int64(math.Round(usd*25.5))*1000 - 10000 // 1.290.000₫
		if v < 10000 {
			v = 19000
		}
		return group(v, ".") + "₫"
	},
	freeShipUS: 20, shipUS: 1.2,
	phones: func(g *gen) []phoneNumber {
		n4 := fmt.Sprintf("%04d", 1000+g.rng.IntN(9000))
		mob := fmt.Sprintf("%03d %03d", g.rng.IntN(1000), g.rng.IntN(1000))
		pre := pick(g.rng, []string{"909", "903", "912", "988", "937", "868"})
		mobile := phoneNumber{display: "0" + pre + " " + mob, e164: "+84" + pre + mob[:3] + mob[4:]}
		switch k := g.rng.IntN(10); {
		case k < 6:
			return []phoneNumber{{display: "1900 " + n4, e164: "+841900" + n4}, mobile}
		case k < 8:
			return []phoneNumber{{display: "1800 " + n4, e164: "+841800" + n4, tollFree: true}, mobile}
		default:
			d := fmt.Sprintf("%04d %04d", g.rng.IntN(10000), g.rng.IntN(10000))
			if len(g.place.area) == 3 {
				d = fmt.Sprintf("%03d %04d", g.rng.IntN(1000), g.rng.IntN(10000))
			}
			digits := d[:len(d)-5] + d[len(d)-4:]
			return []phoneNumber{{display: "(0" + g.place.area + ") " + d, e164: "+84" + g.place.area + digits}}
		}
	},
	gov: func(g *gen) string {
		return `<a class="bct-badge" href="http://online.gov.vn/Home/WebDetails/` + fmt.Sprint(10000+g.rng.IntN(90000)) + `" target="_blank" rel="nofollow noopener"><img src="/assets/img/logo-da-thong-bao-bct.png" alt="Đã thông báo Bộ Công Thương" width="150" height="57" loading="lazy"></a>`
	},
}, map[string]string{
	"outdoor":     "Đồ dã ngoại/Outdoor::Áo khoác: Áo khoác gió, Áo khoác chống nước, Áo phao lông vũ | Lều trại: Lều cắm trại, Lều gia đình, Lều siêu nhẹ | Balo: Balo leo núi, Balo du lịch, Túi nước | Giày dép: Giày leo núi, Giày chạy địa hình, Dép quai hậu | Túi ngủ: Túi ngủ văn phòng, Đệm hơi, Gối hơi | Dụng cụ nấu ăn: Bếp gas mini, Bộ nồi dã ngoại, Bình giữ nhiệt",
	"electronics": "Điện thoại - Điện tử/Mobile::Điện thoại: Điện thoại thông minh, Ốp lưng, Củ sạc nhanh | Laptop: Laptop văn phòng, Laptop gaming, Túi chống sốc | Âm thanh: Tai nghe không dây, Tai nghe chống ồn, Loa bluetooth | Tivi: Smart tivi, Loa thanh, Android TV box | Đồng hồ thông minh: Đồng hồ thông minh, Vòng đeo tay thông minh, Dây đeo đồng hồ | Phụ kiện: Sạc dự phòng, Hub USB-C, Chuột không dây",
	"home":        "Nội thất/Home::Phòng khách: Ghế sofa, Bàn trà, Ghế bành | Phòng ngủ: Giường ngủ, Nệm cao su, Tủ đầu giường | Phòng ăn: Bàn ăn, Ghế ăn, Tủ bếp | Đèn trang trí: Đèn cây, Đèn thả trần, Đèn bàn | Tủ kệ: Kệ sách, Tủ quần áo, Tủ giày | Trang trí: Gương treo tường, Thảm trải sàn, Chăn sofa",
	"fashion":     "Thời trang/Fashion::Thời trang nữ: Đầm suông, Áo sơ mi lụa, Chân váy midi | Thời trang nam: Áo sơ mi nam, Quần kaki, Áo polo | Giày: Giày thể thao, Bốt cổ ngắn, Giày lười | Túi xách: Túi tote, Túi đeo chéo, Ví da | Trẻ em: Áo hoodie trẻ em, Quần jean trẻ em, Balo học sinh | Phụ kiện: Khăn len, Thắt lưng da, Kính mát",
	"beauty":      "Mỹ phẩm/Beauty::Chăm sóc da: Serum vitamin C, Kem dưỡng ban đêm, Sữa rửa mặt dịu nhẹ | Trang điểm: Son lì, Kem nền, Mascara | Chăm sóc tóc: Dầu gội phục hồi, Kem ủ tóc, Tinh dầu dưỡng tóc | Nước hoa: Nước hoa nữ, Xịt thơm toàn thân, Nến thơm | Chăm sóc cơ thể: Sữa dưỡng thể, Sữa tắm, Kem dưỡng tay | Chống nắng: Kem chống nắng, Gel làm dịu sau nắng, Kem chống nắng có màu",
	"appliances":  "Điện gia dụng/Điện Máy::Nhà bếp: Nồi chiên không dầu, Máy đánh trứng, Máy xay sinh tố | Cà phê: Máy pha cà phê, Máy xay cà phê, Máy đánh sữa | Vệ sinh: Robot hút bụi, Máy hút bụi cầm tay, Cây lau nhà hơi nước | Điều hòa không khí: Máy lọc không khí, Quạt tháp, Máy hút ẩm | Giặt ủi: Máy giặt, Máy sấy quần áo, Bàn ủi hơi nước | Nồi chảo: Chảo chống dính, Nồi gang, Bộ dao",
})
