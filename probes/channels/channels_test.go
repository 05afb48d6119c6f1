package channels

import (
	"encoding/json"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/shopper-audit/shopper/crawler"
)

func TestProbeEmptyJSON(t *testing.T) {
	for name, s := range map[string]*crawler.Site{
		"nil site":   nil,
		"no pages":   {URL: "https://shop.com/"},
		"empty page": siteOf(home("https://shop.com/", "")),
	} {
		b, err := json.Marshal(Probe(s, nil))
		if err != nil {
			t.Fatal(err)
		}
		want := `{"email":{"addresses":[],"evidence":[],"on_home":false,"on_contact_page":false},` +
			`"contact_form":{"present":false,"url":null},"social":[],"social_links":[],` +
			`"policies":{"returns":null,"shipping":null,"privacy":null,"warranty":null}}`
		if string(b) != want {
			t.Errorf("%s: JSON = %s, want %s", name, b, want)
		}
	}
}

// TestProbeSites runs whole small sites in three languages, as a crawl
// would keep them.
func TestProbeSites(t *testing.T) {
	footerVN := `<footer class="site-footer">
		<p>CÔNG TY TNHH ÁO ĐẸP - Hotline: 1900 6868 - Email: <a href="mailto:cskh@aodep.vn">cskh@aodep.vn</a></p>
		<ul><li><a href="/chinh-sach-doi-tra">Chính sách đổi trả</a></li><li><a href="/chinh-sach-van-chuyen">Chính sách vận chuyển</a></li>
		<li><a href="/chinh-sach-bao-mat">Chính sách bảo mật</a></li></ul>
		<a href="https://www.facebook.com/aodep.vn"><img src="/fb.png" alt="Facebook"></a><a href="https://zalo.me/19006868">Zalo</a>
		<a href="https://www.tiktok.com/@aodep">TikTok</a>
		<div class="newsletter"><h4>Đăng ký nhận tin</h4><form><input type="email" placeholder="Email của bạn"><button>Đăng ký</button></form></div></footer>`
	footerTR := `<footer><p>E-posta: destek [at] firma [nokta] com [nokta] tr</p>
		<a href="/sayfa/iade-ve-degisim">İade ve Değişim</a><a href="/sayfa/kvkk-aydinlatma-metni">KVKK Aydınlatma Metni</a>
		<a href="/sayfa/teslimat-kosullari">Teslimat Koşulları</a>
		<a href="https://instagram.com/firma">Instagram</a><a href="https://x.com/firma">X</a></footer>`
	footerEN := `<footer><a href="/pages/contact">Contact</a><a href="/policies/refund-policy">Refund policy</a>
		<a href="/policies/privacy-policy">Privacy policy</a><a href="/policies/shipping-policy">Shipping policy</a>
		<a href="https://www.youtube.com/@shop">YouTube</a><a href="https://www.linkedin.com/company/shop">LinkedIn</a>
		<a href="https://www.facebook.com/sharer/sharer.php?u=x">Share</a></footer>`
	cases := []struct {
		name      string
		pages     []*crawler.Page
		emails    []string
		form      string
		fields    []string
		social    []string
		returns   string
		shipping  string
		privacy   string
		warranty  string
		onContact bool
	}{
		{
			name: "vietnamese shop",
			pages: []*crawler.Page{
				home("https://aodep.vn/", `<header><a href="/lien-he">Liên hệ</a></header><img src="/logo@2x.png">`+footerVN),
				sub("https://aodep.vn/lien-he", "Liên hệ - Áo Đẹp", `<h1>Liên hệ</h1><p>Email: kinhdoanh@aodep.vn</p>
					<form class="wpcf7-form"><input name="ho-ten" placeholder="Họ và tên"><input name="email" placeholder="Email">
					<input name="so-dien-thoai" placeholder="Số điện thoại"><textarea name="noi-dung" placeholder="Nội dung"></textarea>
					<input type="submit" value="Gửi"></form>`+footerVN, "Liên hệ"),
				sub("https://aodep.vn/chinh-sach-doi-tra", "Chính sách đổi trả", `<h1>Chính sách đổi trả</h1>`+footerVN, "Chính sách đổi trả"),
			},
			emails: []string{"cskh@aodep.vn", "kinhdoanh@aodep.vn"}, form: "https://aodep.vn/lien-he",
			fields: []string{"email", "message", "name", "phone"}, social: []string{"facebook", "tiktok", "zalo"},
			returns: "https://aodep.vn/chinh-sach-doi-tra", shipping: "https://aodep.vn/chinh-sach-van-chuyen",
			privacy: "https://aodep.vn/chinh-sach-bao-mat", warranty: "<nil>", onContact: true,
		},
		{
			name: "turkish shop",
			pages: []*crawler.Page{
				home("https://firma.com.tr/", `<form action="/arama"><input name="q" placeholder="Ürün ara"></form>`+footerTR),
				sub("https://firma.com.tr/iletisim", "İletişim", `<h1>Bize Ulaşın</h1><form><input placeholder="Adınız Soyadınız">
					<input type="email" placeholder="E-posta adresiniz"><input placeholder="Konu"><textarea placeholder="Mesajınız"></textarea>
					<button>Gönder</button></form>`+footerTR, "İletişim"),
			},
			emails: []string{"destek@firma.com.tr"}, form: "https://firma.com.tr/iletisim",
			fields: []string{"email", "message", "name", "subject"}, social: []string{"instagram", "x"},
			returns: "https://firma.com.tr/sayfa/iade-ve-degisim", shipping: "https://firma.com.tr/sayfa/teslimat-kosullari",
			privacy: "https://firma.com.tr/sayfa/kvkk-aydinlatma-metni", warranty: "<nil>", onContact: true,
		},
		{
			name: "english shop without e-mail",
			pages: []*crawler.Page{
				home("https://shop.com/", `<form action="/search" role="search"><input type="search" name="q"></form>`+footerEN),
				sub("https://shop.com/pages/contact", "Contact", `<h1>Contact</h1><p>Use the form below; we reply within a day.</p>
					<form action="/contact#contact_form"><input name="contact[name]" placeholder="Name"><input type="email" name="contact[email]" placeholder="Email">
					<textarea name="contact[body]" placeholder="Comment"></textarea></form>
					<p>Example: jane@example.com</p>`+footerEN, "Contact"),
				sub("https://shop.com/blogs/news/summer", "Summer", `<article><h1>Summer</h1><p>By <a href="https://instagram.com/guestwriter">@guestwriter</a></p></article>`+footerEN),
			},
			emails: []string{}, form: "https://shop.com/pages/contact", fields: []string{"email", "message", "name"},
			social: []string{"linkedin", "youtube"}, returns: "https://shop.com/policies/refund-policy",
			shipping: "https://shop.com/policies/shipping-policy", privacy: "https://shop.com/policies/privacy-policy", warranty: "<nil>",
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := probe(c.pages...)
			if !reflect.DeepEqual(f.Email.Addresses, c.emails) {
				t.Errorf("addresses = %q, want %q", f.Email.Addresses, c.emails)
			}
			if f.Email.OnContactPage != c.onContact {
				t.Errorf("OnContactPage = %v, want %v", f.Email.OnContactPage, c.onContact)
			}
			if str(f.ContactForm.URL) != c.form || !reflect.DeepEqual(f.ContactForm.Fields, c.fields) {
				t.Errorf("contact form = %s %q, want %s %q", str(f.ContactForm.URL), f.ContactForm.Fields, c.form, c.fields)
			}
			if !reflect.DeepEqual(f.Social, c.social) {
				t.Errorf("social = %q, want %q", f.Social, c.social)
			}
			p := f.Policies
			if str(p.Returns) != c.returns || str(p.Shipping) != c.shipping || str(p.Privacy) != c.privacy || str(p.Warranty) != c.warranty {
				t.Errorf("policies = %s %s %s %s, want %s %s %s %s", str(p.Returns), str(p.Shipping), str(p.Privacy), str(p.Warranty),
					c.returns, c.shipping, c.privacy, c.warranty)
			}
		})
	}
}

// FuzzProbe feeds arbitrary HTML as a home page and a contact page: Probe
// must not panic, and its addresses must be valid, sorted and unique.
func FuzzProbe(f *testing.F) {
	for _, s := range []string{
		"",
		`<a href="mailto:a@shop.com,b@shop.com?subject=x">x</a>`,
		`<p>info [at] shop [dot] com</p><p>x AT y DOT com</p><p>logo@2x.png</p>`,
		`<a href="/cdn-cgi/l/email-protection#2d44434b426d5e45425d034e4240">e</a><span data-cfemail="zz"></span>`,
		`<form><input name="n"><input type="email"><textarea></textarea></form>`,
		`<form><label for="x">Ad Soyad</label><input id="x"><input type="tel"></form><iframe src="https://docs.google.com/forms/x">`,
		`<a href="https://facebook.com/profile.php?id=1">f</a><a href="https://line.me/R/ti/p/">l</a><a href="http://[::1">bad</a>`,
		`<footer><a href="/r" title="Returns">R</a><a href="%zz">Privacy</a></footer>`,
		`<p>a@b@c.com x@.com @@ ＠ [at] (dot) <at></p>`,
		"<p>\x00\xff info＠shop.com.Vn</p>",
		`<base href="https://other.com/"><a href="/privacy">Privacy</a>`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		h := home("https://shop.com/", body)
		c := sub("https://shop.com/contact", "Contact", body, "Contact us")
		got := Probe(siteOf(h, c), nil)
		a := got.Email.Addresses
		if a == nil || got.Social == nil || got.Email.Evidence == nil || got.SocialLinks == nil {
			t.Fatalf("null list in %+v", got)
		}
		if !sort.StringsAreSorted(a) || !sort.StringsAreSorted(got.Social) {
			t.Errorf("not sorted: %q %q", a, got.Social)
		}
		for i, x := range a {
			if i > 0 && a[i-1] == x {
				t.Errorf("duplicate %q", x)
			}
			if normalizeAddress(x) != x || x != strings.ToLower(x) {
				t.Errorf("invalid address %q", x)
			}
		}
		if got.ContactForm.Present != (got.ContactForm.URL != nil) {
			t.Errorf("contact form present %v with url %v", got.ContactForm.Present, got.ContactForm.URL)
		}
	})
}

// BenchmarkProbe probes a 40-page site of large shop pages: 300 product
// cards each, a mega-menu header, a footer with policies and profiles.
func BenchmarkProbe(b *testing.B) {
	var card strings.Builder
	for i := 0; i < 300; i++ {
		card.WriteString(`<div class="card"><a href="/products/p` + strings.Repeat("x", i%7) + `"><img src="/img/p@2x.jpg" alt="Shoe">
			<span>Shoe with free shipping and easy returns</span></a><form action="/cart/add"><input name="quantity" type="number"><button>Add to cart</button></form></div>`)
	}
	footer := `<footer><p>Email: care@shop.com · sales [at] shop [dot] com</p><a href="/policies/refund-policy">Refund policy</a>
		<a href="/policies/privacy-policy">Privacy policy</a><a href="https://instagram.com/shop">Instagram</a>
		<form class="newsletter"><input type="email"><button>Subscribe</button></form></footer>`
	body := `<header><nav><a href="/contact">Contact</a><form role="search"><input name="q"></form></nav></header>` + card.String() + footer
	pages := []*crawler.Page{home("https://shop.com/", body)}
	for i := 1; i < 40; i++ {
		pages = append(pages, sub("https://shop.com/c/"+strings.Repeat("a", i), "Category", body))
	}
	// The crawler's pages parse once and cache their document and text;
	// parse them before timing so that the loop measures Probe alone.
	Probe(siteOf(pages...), nil)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Probe(siteOf(pages...), nil)
	}
}
