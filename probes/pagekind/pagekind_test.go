package pagekind

import (
	"net/url"
	"slices"
	"testing"

	"github.com/shopper-audit/shopper/crawler"
)

func TestMatch(t *testing.T) {
	cases := []struct {
		text string
		want []Kind
	}{
		{"Contact us", []Kind{Contact}},
		{"Get in touch", []Kind{Contact}},
		{"LIÊN HỆ", []Kind{Contact}},
		{"İletişim", []Kind{Contact}},
		{"Bize Ulaşın", []Kind{Contact}},
		{"Kontakt", []Kind{Contact}},
		{"Câu hỏi thường gặp", []Kind{FAQ}},
		{"Sıkça Sorulan Sorular", []Kind{FAQ}},
		{"SSS", []Kind{FAQ}},
		{"Häufige Fragen", []Kind{FAQ}},
		{"Preguntas frecuentes", []Kind{FAQ}},
		{"Đổi trả", []Kind{Returns}},
		{"İade ve Değişim", []Kind{Returns}},
		{"Gizlilik Politikası", []Kind{Privacy}},
		{"KVKK Aydınlatma Metni", []Kind{Privacy}},
		{"Chính sách bảo mật", []Kind{Privacy}},
		{"Chính sách bảo hành", []Kind{Warranty}},
		{"Kargo ve Teslimat", []Kind{Shipping}},
		{"Shipping & Returns", []Kind{Returns, Shipping}},
		{"Datenschutzerklärung", []Kind{Privacy}},
		{"Our new sofa", nil},
		{"Return to top", nil},
	}
	for _, c := range cases {
		if got := Match(c.text); !slices.Equal(got, c.want) {
			t.Errorf("Match(%q) = %v, want %v", c.text, got, c.want)
		}
	}
}

func page(u string, depth int, title, html string, anchors ...string) *crawler.Page {
	p := crawler.NewPage(u, "<html><head><title>"+title+"</title></head><body>"+html+"</body></html>")
	p.Depth, p.Title, p.Anchors = depth, title, anchors
	return p
}

func TestFind(t *testing.T) {
	home := page("https://shop.example.vn/", 0, "Liên hệ ngay", "")
	home.Source = "start"
	site := &crawler.Site{Pages: []*crawler.Page{
		home,
		page("https://shop.example.vn/page?id=12", 1, "Cửa hàng ABC", "<h1>Liên hệ</h1>", "Liên hệ"),
		page("https://shop.example.vn/blog/lien-he-bao-chi", 3, "Tin tức", ""),
		page("https://shop.example.vn/cau-hoi-thuong-gap", 1, "Câu hỏi thường gặp", ""),
		page("https://shop.example.vn/chinh-sach-doi-tra", 1, "Chính sách", ""),
	}}
	got := Find(site)
	if p := got[Contact]; p == nil || p.URL != "https://shop.example.vn/page?id=12" {
		t.Errorf("contact page = %v, want the page its link and heading call Liên hệ", p)
	}
	if p := got[FAQ]; p == nil || p.URL != "https://shop.example.vn/cau-hoi-thuong-gap" {
		t.Errorf("faq page = %v", p)
	}
	if p := got[Returns]; p == nil || p.URL != "https://shop.example.vn/chinh-sach-doi-tra" {
		t.Errorf("returns page = %v", p)
	}
	if got[Privacy] != nil {
		t.Errorf("privacy page = %v, want none", got[Privacy].URL)
	}
}

func TestPriority(t *testing.T) {
	from := page("https://x.example/", 0, "Home", "")
	faqPage := page("https://x.example/pages/faq", 1, "FAQ", "<h1>FAQ</h1>")
	link := func(href, text string, from *crawler.Page) crawler.Link {
		u, _ := url.Parse(href)
		return crawler.Link{URL: u, Text: text, From: from}
	}
	cases := []struct {
		l    crawler.Link
		want int
	}{
		{link("https://x.example/iletisim", "", from), 100},
		{link("https://x.example/p?id=3", "Bize Ulaşın", from), 100},
		{link("https://x.example/sikca-sorulan-sorular", "", from), 95},
		{link("https://x.example/support", "", from), 90},
		{link("https://x.example/help/faq/orders", "Orders", from), 95},
		{link("https://x.example/pages/orders-and-payment", "Orders", faqPage), 85},
		{link("https://x.example/pages/orders-and-payment", "Orders", from), 0},
		{link("https://x.example/privacy", "", from), 70},
		{link("https://x.example/sofas", "Sofas", from), 0},
		{link("https://x.example/cart", "Cart", from), -1},
		{link("https://x.example/help/account", "Your account", from), 90},
		{link("https://x.example/index.php?route=information/contact", "", from), 100},
		{link("https://x.example/index.php?route=checkout/cart", "Giỏ hàng", from), -1},
		{link("https://x.example/tai-khoan/dang-nhap", "Đăng nhập", from), -1},
		{link("https://x.example/p?add-to-cart=12", "Buy", from), -1},
	}
	for _, c := range cases {
		if got := Priority(c.l); got != c.want {
			t.Errorf("Priority(%s %q) = %d, want %d", c.l.URL, c.l.Text, got, c.want)
		}
	}
}

func BenchmarkPriority(b *testing.B) {
	from := page("https://x.example/", 0, "Home", "")
	u, _ := url.Parse("https://x.example/collections/office-chairs-and-desks")
	l := crawler.Link{URL: u, Text: "Office chairs and desks for the home", From: from}
	for b.Loop() {
		Priority(l)
	}
}
