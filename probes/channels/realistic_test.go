package channels

import (
	"fmt"
	"reflect"
	"testing"

	"github.com/shopper-audit/shopper/crawler"
)

// TestProbeRealisticShop probes a shop whose pages carry what real pages
// carry around the content: a mega-menu and a promotion bar, a search box,
// a footer with policies, profiles and a newsletter form, a cookie banner,
// JSON-LD and a chat snippet. Only what a visitor sees counts.
func TestProbeRealisticShop(t *testing.T) {
	cookie := `<div id="cookie-banner" class="cookie-consent"><p>We use cookies. See our <a href="/pages/privacy">Privacy Policy</a>.</p><button>Accept</button><a href="#" class="settings">Cookie settings</a></div>`
	jsonld := `<script type="application/ld+json">{"@context":"https://schema.org","@type":"Organization","email":"ld@shop.com","sameAs":["https://www.facebook.com/shop"]}</script>`
	chat := `<script>window.intercomSettings={app_id:"abc"};(function(){var w=window;})();</script><script src="https://widget.intercom.io/widget/abc"></script>`
	mega := `<header class="site-header"><div class="announcement"><a href="/collections/sale">Free shipping on orders over $50 — shop now</a></div><nav><ul>`
	for i := 0; i < 60; i++ {
		mega += fmt.Sprintf(`<li><a href="/collections/c%d">Category %d</a></li>`, i, i)
	}
	mega += `<li><a href="/pages/contact">Contact</a></li><li><a href="/account/login">Log in</a></li></ul></nav>
	<form action="/search"><input type="search" name="q" placeholder="Search"></form></header>`
	footer := `<footer class="footer"><div><h4>Customer care</h4><ul><li><a href="/pages/faq">FAQ</a></li><li><a href="/policies/shipping-policy">Shipping</a></li>
	<li><a href="/policies/refund-policy">Returns &amp; refunds</a></li><li><a href="/pages/warranty">Warranty</a></li></ul></div>
	<div><p>Call 1-800-555-0100<br>Email: <a href="mailto:help@shop.com?subject=Website%20enquiry">help@shop.com</a></p></div>
	<div class="social"><a href="https://www.facebook.com/shop" aria-label="Facebook"><svg></svg></a><a href="https://www.instagram.com/shop/" aria-label="Instagram"><svg></svg></a>
	<a href="https://twitter.com/shop"><svg></svg></a><a href="https://www.youtube.com/channel/UCx"><svg></svg></a></div>
	<form class="newsletter" action="/contact#newsletter"><input type="hidden" name="contact[tags]" value="newsletter"><label for="nl">Email</label><input id="nl" type="email" name="contact[email]"><button>Sign up</button></form>
	<p>&copy; 2024 Shop Inc. <img src="/cdn/logo@2x.png" alt=""></p></footer>`
	page := func(body string) string { return mega + body + footer + cookie + jsonld + chat }
	h := crawler.NewPage("https://www.shop.com/", page(`<main><h1>Shoes for everyone</h1><p>Questions? Write to hello [at] shop [dot] com</p></main>`))
	h.Depth, h.Source = 0, "start"
	c := crawler.NewPage("https://www.shop.com/pages/contact", page(`<main><h1>Contact us</h1><form method="post" action="/contact#contact_form" id="ContactForm">
		<input type="hidden" name="form_type" value="contact"><div class="field"><input id="ContactForm-name" name="contact[Name]" placeholder="Name"><label for="ContactForm-name">Name</label></div>
		<div class="field"><input type="email" id="ContactForm-email" name="contact[email]" placeholder="Email"><label for="ContactForm-email">Email *</label></div>
		<div class="field"><input type="tel" id="ContactForm-phone" name="contact[Phone number]" placeholder="Phone number"></div>
		<div class="field"><textarea id="ContactForm-body" name="contact[Comment]" placeholder="Comment"></textarea></div><button>Send</button></form></main>`))
	c.Depth, c.Anchors = 1, []string{"Contact"}
	s := &crawler.Site{URL: "https://shop.com", Home: "https://www.shop.com/", Pages: []*crawler.Page{h, c}}
	f := Probe(s, nil)
	if got, want := f.Email.Addresses, []string{"hello@shop.com", "help@shop.com"}; !reflect.DeepEqual(got, want) {
		t.Errorf("addresses = %q, want %q (the JSON-LD address is not shown)", got, want)
	}
	if got, want := str(f.ContactForm.URL), "https://www.shop.com/pages/contact"; got != want {
		t.Errorf("contact form = %s, want %s", got, want)
	}
	if got, want := f.ContactForm.Fields, []string{"email", "message", "name", "phone"}; !reflect.DeepEqual(got, want) {
		t.Errorf("fields = %q, want %q", got, want)
	}
	if got, want := f.Social, []string{"facebook", "instagram", "x", "youtube"}; !reflect.DeepEqual(got, want) {
		t.Errorf("social = %q, want %q", got, want)
	}
	p := f.Policies
	got := []string{str(p.Returns), str(p.Shipping), str(p.Privacy), str(p.Warranty)}
	want := []string{"https://www.shop.com/policies/refund-policy", "https://www.shop.com/policies/shipping-policy",
		"https://www.shop.com/pages/privacy", "https://www.shop.com/pages/warranty"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("policies = %q, want %q", got, want)
	}
}

// TestProbeRealisticVietnameseShop probes a Vietnamese shop built the way
// many are: a top bar with the hotline and e-mail, a "register for advice"
// callback form on the home page, a quick-order form on product pages,
// share buttons, a Facebook page plugin, Zalo, and a Cloudflare-protected
// address on the contact page.
func TestProbeRealisticVietnameseShop(t *testing.T) {
	top := `<div class="topbar"><span>Hotline: 1900 1234</span> | <span>Email: cskh@aodep.vn</span></div>
		<header><nav><a href="/">Trang chủ</a><a href="/collections/all">Sản phẩm</a><a href="/pages/lien-he">Liên hệ</a></nav></header>`
	footer := `<footer id="footer"><div class="col"><h4>Chính sách</h4><ul>
		<li><a href="/pages/chinh-sach-doi-tra">Chính sách đổi trả</a></li><li><a href="/pages/chinh-sach-bao-mat">Chính sách bảo mật</a></li>
		<li><a href="/pages/chinh-sach-giao-hang">Chính sách giao hàng</a></li><li><a href="/pages/chinh-sach-bao-hanh">Chính sách bảo hành</a></li></ul></div>
		<div class="col"><iframe src="https://www.facebook.com/plugins/page.php?href=https%3A%2F%2Fwww.facebook.com%2Faodep"></iframe>
		<a href="https://www.facebook.com/aodep" target="_blank"><img src="/fb.png" alt="Facebook"></a>
		<a href="https://zalo.me/4321987654321"><img src="/zalo.png" alt="Zalo"></a>
		<a href="https://www.youtube.com/@aodep">YouTube</a></div>
		<div class="zalo-chat-widget" data-oaid="4321987654321"></div><p>© Bản quyền thuộc về Áo Đẹp. Thiết kế bởi <a href="https://web.vn">Web.vn</a></p></footer>`
	page := func(body string) string { return "<html><body>" + top + body + footer + "</body></html>" }
	h := crawler.NewPage("https://aodep.vn/", page(`<main><section class="tu-van"><h2>Đăng ký nhận tư vấn</h2>
		<form><input placeholder="Họ và tên"><input type="tel" placeholder="Số điện thoại"><button>Gửi</button></form></section></main>`))
	h.Depth, h.Source = 0, "start"
	c := crawler.NewPage("https://aodep.vn/pages/lien-he", page(`<main><h1>Liên hệ</h1>
		<p>Email: <a href="/cdn-cgi/l/email-protection#d2b7bfb3bbbe92b3bdb6b7a2fca4bc" class="__cf_email__" data-cfemail="d2b7bfb3bbbe92b3bdb6b7a2fca4bc">[email&#160;protected]</a></p>
		<form action="/contact" method="post"><input type="hidden" name="form_type" value="contact">
		<input name="contact[name]" placeholder="Tên của bạn"><input type="email" name="contact[email]" placeholder="Email của bạn">
		<input name="contact[phone]" placeholder="Số điện thoại"><textarea name="contact[body]" placeholder="Viết bình luận"></textarea>
		<button>Gửi cho chúng tôi</button></form></main>`))
	c.Depth, c.Anchors = 1, []string{"Liên hệ"}
	p := crawler.NewPage("https://aodep.vn/products/ao-thun", page(`<main><h1>Áo thun</h1>
		<form action="/cart/add"><input type="number" name="quantity"><button>Thêm vào giỏ</button></form>
		<div class="quick-order"><h3>Mua nhanh</h3><form><input placeholder="Họ tên"><input type="tel" placeholder="Số điện thoại">
		<textarea placeholder="Địa chỉ nhận hàng"></textarea><button>Đặt hàng</button></form></div>
		<div class="share"><a href="https://www.facebook.com/sharer/sharer.php?u=https://aodep.vn/products/ao-thun">Chia sẻ</a>
		<a href="https://pinterest.com/pin/create/button/?url=x">Pin</a></div></main>`))
	p.Depth = 1
	b := crawler.NewPage("https://aodep.vn/blogs/tin-tuc/phoi-do", page(`<article><h1>Phối đồ mùa hè</h1>
		<p>Theo stylist <a href="https://www.instagram.com/stylistabc/">@stylistabc</a>, năm nay ...</p></article>`))
	b.Depth = 2
	r := crawler.NewPage("https://aodep.vn/pages/chinh-sach-doi-tra", page(`<main><h1>Chính sách đổi trả</h1><p>Đổi trả trong 7 ngày.</p></main>`))
	r.Depth, r.Anchors, r.Title = 1, []string{"Chính sách đổi trả"}, "Chính sách đổi trả"
	s := &crawler.Site{URL: "https://aodep.vn/", Home: "https://aodep.vn/", Pages: []*crawler.Page{h, c, p, b, r}}
	f := Probe(s, nil)
	if got, want := f.Email.Addresses, []string{"cskh@aodep.vn", "email@aodep.vn"}; !reflect.DeepEqual(got, want) {
		t.Errorf("addresses = %q, want %q", got, want)
	}
	if !f.Email.OnHome || !f.Email.OnContactPage {
		t.Errorf("OnHome, OnContactPage = %v, %v, want true, true", f.Email.OnHome, f.Email.OnContactPage)
	}
	if got, want := str(f.ContactForm.URL), "https://aodep.vn/pages/lien-he"; got != want {
		t.Errorf("contact form = %s, want %s", got, want)
	}
	if got, want := len(f.ContactForm.Evidence), 2; got != want {
		t.Errorf("contact forms found = %v, want %d (contact page and the home page's callback form)", f.ContactForm.Evidence, want)
	}
	if got, want := f.Social, []string{"facebook", "youtube", "zalo"}; !reflect.DeepEqual(got, want) {
		t.Errorf("social = %q, want %q", got, want)
	}
	pol := f.Policies
	got := []string{str(pol.Returns), str(pol.Shipping), str(pol.Privacy), str(pol.Warranty)}
	want := []string{"https://aodep.vn/pages/chinh-sach-doi-tra", "https://aodep.vn/pages/chinh-sach-giao-hang",
		"https://aodep.vn/pages/chinh-sach-bao-mat", "https://aodep.vn/pages/chinh-sach-bao-hanh"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("policies = %q, want %q", got, want)
	}
}

// TestProbeRealisticTurkishShop probes a Turkish shop: a KVKK consent
// checkbox whose label links the notice, an e-bulletin sign-up, WhatsApp
// (a chat channel, not a profile), legal pages that are not policies of
// the four kinds, and a combined cancellation-and-returns page.
func TestProbeRealisticTurkishShop(t *testing.T) {
	footer := `<footer><div class="ebulten"><h5>E-Bültenimize Abone Olun</h5><form action="/ebulten">
		<input type="text" name="adsoyad" placeholder="Adınız Soyadınız"><input type="text" name="eposta" placeholder="E-posta adresiniz"><button>Kaydol</button></form></div>
		<ul><li><a href="/mesafeli-satis-sozlesmesi">Mesafeli Satış Sözleşmesi</a></li><li><a href="/iptal-ve-iade-kosullari">İptal ve İade Koşulları</a></li>
		<li><a href="/kvkk">Kişisel Verilerin Korunması</a></li><li><a href="/cerez-politikasi">Çerez Politikası</a></li></ul>
		<p>E-posta: <a href="mailto:info@firma.com.tr">info@firma.com.tr</a></p>
		<a href="https://wa.me/905321234567">WhatsApp</a><a href="https://www.instagram.com/firma/">Instagram</a>
		<a href="https://www.linkedin.com/company/firma/">LinkedIn</a></footer>`
	h := crawler.NewPage("https://www.firma.com.tr/", "<html><body><main><h1>Hoş geldiniz</h1></main>"+footer+"</body></html>")
	h.Depth, h.Source = 0, "start"
	c := crawler.NewPage("https://www.firma.com.tr/iletisim", `<html><head><title>İletişim</title></head><body><main><h1>Bize Ulaşın</h1>
		<form action="/iletisim/gonder" method="post"><input name="AdSoyad" placeholder="Ad Soyad"><input name="Eposta" placeholder="E-Posta">
		<input name="Telefon" placeholder="Telefon"><select name="Konu"><option>Sipariş</option></select><textarea name="Mesaj" placeholder="Mesajınız"></textarea>
		<label><input type="checkbox" name="kvkk"> <a href="/kvkk">Aydınlatma metnini</a> okudum, onaylıyorum.</label><button>Gönder</button></form></main>`+footer+`</body></html>`)
	c.Depth, c.Anchors, c.Title = 1, []string{"İletişim"}, "İletişim"
	s := &crawler.Site{URL: "https://firma.com.tr", Home: "https://www.firma.com.tr/", Pages: []*crawler.Page{h, c}}
	f := Probe(s, nil)
	if got, want := f.Email.Addresses, []string{"info@firma.com.tr"}; !reflect.DeepEqual(got, want) {
		t.Errorf("addresses = %q, want %q", got, want)
	}
	if got, want := str(f.ContactForm.URL), "https://www.firma.com.tr/iletisim"; got != want || len(f.ContactForm.Evidence) != 1 {
		t.Errorf("contact form = %s %v, want %s alone (the e-bulletin is no contact form)", got, f.ContactForm.Evidence, want)
	}
	if got, want := f.ContactForm.Fields, []string{"email", "message", "name", "phone", "subject"}; !reflect.DeepEqual(got, want) {
		t.Errorf("fields = %q, want %q", got, want)
	}
	if got, want := f.Social, []string{"instagram", "linkedin"}; !reflect.DeepEqual(got, want) {
		t.Errorf("social = %q, want %q", got, want)
	}
	pol := f.Policies
	got := []string{str(pol.Returns), str(pol.Shipping), str(pol.Privacy), str(pol.Warranty)}
	want := []string{"https://www.firma.com.tr/iptal-ve-iade-kosullari", "<nil>", "https://www.firma.com.tr/kvkk", "<nil>"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("policies = %q, want %q", got, want)
	}
}
