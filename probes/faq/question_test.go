package faq

import "testing"

func TestQuestionForm(t *testing.T) {
	cases := []struct {
		in   string
		want bool
	}{
		{"Do you ship internationally?", true},
		{"How long does shipping take? +", true},
		{"How to track my order", true},
		{"Can I change my order", true},
		{"What payment methods do you accept", true},
		{"What our customers say", false},
		{"How it works", false},
		{"Frequently asked questions", false},
		{"Shipping times", false},
		{"Why?", false},
		{"Do not wash in hot water", false},
		{"Q: Shipping costs", true},
		{"Question 3: Shipping costs", true},
		{"1. Shipping", false},
		// Vietnamese
		{"Làm thế nào để đặt hàng", true},
		{"Thời gian giao hàng bao lâu", true},
		{"Tôi có thể đổi hàng không", true},
		{"Câu 1: Đặt hàng", true},
		{"Hỏi: đổi trả", true},
		{"Chính sách đổi trả", false},
		// Turkish
		{"Siparişimi nasıl takip ederim", true},
		{"Kapıda ödeme var mı", true},
		{"İade süresi nedir", true},
		{"Soru: Kargo ücreti", true},
		{"S: Kargo ücreti", false}, // "S:" alone needs an answer marker
		{"Kargo ve teslimat", false},
		// German, French, Spanish, other scripts
		{"Wie lange dauert der Versand", true},
		{"Comment retourner un article", true},
		{"¿Cuánto tarda el envío?", true},
		{"Cómo puedo pagar con tarjeta", true},
		{"ما هي سياسة الإرجاع؟", true},
		{"配送にはどのくらいかかりますか？", true},
		{"Τι είναι η πολιτική επιστροφών;", false}, // Greek ";" is a semicolon too
	}
	for _, c := range cases {
		if got := questionForm(c.in); got != c.want {
			t.Errorf("questionForm(%q) = %v, want %v", c.in, got, c.want)
		}
	}
}

func TestAdmit(t *testing.T) {
	cases := []struct {
		in   string
		want bool
	}{
		{"How can I contact customer service?", true},
		{"Need help?", false},
		{"Still have questions? Contact us", false},
		{"Have a question?", false},
		{"Questions about shipping?", false},
		{"Was this article helpful?", false},
		{"12 out of 15 found this helpful", false},
		{"Which accessories are useful for hiking?", true},
		{"War dieser Artikel hilfreich?", false},
		{"Forgot your password?", false},
		{"What are you looking for?", false},
		{"Frequently Asked Questions", false},
		{"FAQ", false},
		{"Sıkça Sorulan Sorular", false},
		{"Câu hỏi thường gặp", false},
		{"Bạn cần hỗ trợ?", false},
		{"Bài viết này có hữu ích không?", false},
		{"Bu cevap yardımcı oldu mu?", false},
		{"Aradığınızı bulamadınız mı?", false},
		{"?", false},
	}
	for _, c := range cases {
		if _, _, got := admit(c.in, false); got != c.want {
			t.Errorf("admit(%q) ok = %v, want %v", c.in, got, c.want)
		}
	}
}

func TestKey(t *testing.T) {
	want := "how do i pay"
	for _, in := range []string{
		"How do I pay?", "How do I pay", "  how do I PAY ? ", "1. How do I pay?", "2) How do I pay?",
		"Q: How do I pay?", "Q3. How do I pay?", "Question 4: How do I pay?", "Câu 1: How do I pay?",
		"Hỏi: How do I pay?", "Soru 2: How do I pay?", "S: How do I pay?", "• How do I pay?", "► How do I pay?",
	} {
		if _, got, ok := admit(in, false); !ok || got != want {
			t.Errorf("admit(%q) key = %q, %v; want %q", in, got, ok, want)
		}
	}
	// Numbers that are not numbering stay.
	if _, got, _ := admit("24/7 support: is it free?", false); got != "24 7 support is it free" {
		t.Errorf("admit(24/7 ...) key = %q", got)
	}
}

func TestToggleName(t *testing.T) {
	cases := []struct {
		in   string
		want bool
	}{
		{"accordion-button", true},
		{"accordion__title", true},
		{"faq__question", true},
		{"faqQuestion", true},
		{"elementor-tab-title", true},
		{"et_pb_toggle_title", true},
		{"schema-faq-question", true},
		{"rank-math-question", true},
		{"Collapsible__Button", true},
		{"collapsible-trigger", true},
		{"sss-soru", true},
		{"sssBaslik", true},
		{"cau-hoi", true},
		{"panel-title", true},
		{"toggle", false},
		{"accordion", false},
		{"accordion-item", false},
		{"accordion-collapse", false},
		{"accordion-body", false},
		{"faq-questions", false},
		{"faq-question-icon", false},
		{"sssIcerik", false},
		{"table-header", false},
		{"tieu-de", false},
	}
	for _, c := range cases {
		if got := toggleName(c.in); got != c.want {
			t.Errorf("toggleName(%q) = %v, want %v", c.in, got, c.want)
		}
	}
}
