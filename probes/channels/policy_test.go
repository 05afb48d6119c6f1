package channels

import (
	"testing"

	"github.com/shopper-audit/shopper/crawler"
)

func TestPolicies(t *testing.T) {
	type want struct{ returns, shipping, privacy, warranty string }
	none := "<nil>"
	cases := []struct {
		name  string
		pages func() []*crawler.Page
		want  want
	}{
		{"crawled pages, vietnamese", func() []*crawler.Page {
			return []*crawler.Page{
				home("https://shop.vn/", `<footer><a href="/chinh-sach-doi-tra">Chính sách đổi trả</a></footer>`),
				sub("https://shop.vn/chinh-sach-doi-tra", "Chính sách đổi trả", `<h1>Chính sách đổi trả</h1>`, "Chính sách đổi trả"),
				sub("https://shop.vn/chinh-sach-van-chuyen", "Chính sách vận chuyển", `<h1>Chính sách vận chuyển</h1>`, "Chính sách vận chuyển"),
				sub("https://shop.vn/chinh-sach-bao-mat", "Chính sách bảo mật", `<h1>Chính sách bảo mật thông tin</h1>`, "Chính sách bảo mật"),
				sub("https://shop.vn/chinh-sach-bao-hanh", "Chính sách bảo hành", `<h1>Chính sách bảo hành</h1>`, "Bảo hành"),
			}
		}, want{"https://shop.vn/chinh-sach-doi-tra", "https://shop.vn/chinh-sach-van-chuyen", "https://shop.vn/chinh-sach-bao-mat", "https://shop.vn/chinh-sach-bao-hanh"}},
		{"links only, turkish", func() []*crawler.Page {
			return []*crawler.Page{home("https://firma.com.tr/", `<footer><ul>
				<li><a href="/iade-ve-degisim">İade ve Değişim</a></li>
				<li><a href="/kargo-ve-teslimat">Kargo ve Teslimat</a></li>
				<li><a href="/kvkk">KVKK Aydınlatma Metni</a></li>
				<li><a href="/garanti">Garanti Koşulları</a></li></ul></footer>`)}
		}, want{"https://firma.com.tr/iade-ve-degisim", "https://firma.com.tr/kargo-ve-teslimat", "https://firma.com.tr/kvkk", "https://firma.com.tr/garanti"}},
		{"combined shipping and returns", func() []*crawler.Page {
			return []*crawler.Page{home("https://shop.com/", `<footer><a href="/pages/shipping-returns">Shipping &amp; Returns</a></footer>`)}
		}, want{"https://shop.com/pages/shipping-returns", "https://shop.com/pages/shipping-returns", none, none}},
		{"pdf, title and aria-label", func() []*crawler.Page {
			return []*crawler.Page{home("https://shop.com/", `<footer><a href="/files/privacy.pdf">Privacy Policy (PDF)</a>
				<a href="/w.pdf" title="Warranty"><img src="w.png"></a><a href="/r" aria-label="Refund policy"><i class="icon"></i></a></footer>`)}
		}, want{"https://shop.com/r", none, "https://shop.com/files/privacy.pdf", "https://shop.com/w.pdf"}},
		{"subdomain counts, other sites do not", func() []*crawler.Page {
			return []*crawler.Page{home("https://www.shop.com/", `<footer><a href="https://help.shop.com/returns">Returns</a>
				<a href="https://www.ups.com/track">Shipping</a><a href="https://policies.google.com/privacy">Privacy</a></footer>`)}
		}, want{"https://help.shop.com/returns", none, none, none}},
		{"crawled page beats link", func() []*crawler.Page {
			return []*crawler.Page{
				home("https://shop.com/", `<footer><a href="/privacy-old">Privacy</a></footer>`),
				sub("https://shop.com/legal/privacy-policy", "Privacy Policy", `<h1>Privacy Policy</h1>`, "Privacy Policy"),
			}
		}, want{none, none, "https://shop.com/legal/privacy-policy", none}},
		{"prose loses to footer", func() []*crawler.Page {
			footer := `<footer><a href="/policies/refund-policy">Refund policy</a></footer>`
			return []*crawler.Page{
				home("https://shop.com/", footer),
				sub("https://shop.com/blog/news", "News", `<p>We love <a href="/blog/returns">returns</a>.</p>`+footer),
				sub("https://shop.com/about", "About", footer),
			}
		}, want{"https://shop.com/policies/refund-policy", none, none, none}},
		{"footer policy beats mega-menu collection", func() []*crawler.Page {
			return []*crawler.Page{home("https://shop.com/", `<header><div class="promo"><a href="/collections/all">Free shipping on orders over $50</a></div>
				<nav><a href="/collections/free-shipping">Free Shipping</a></nav></header>
				<footer><a href="/pages/delivery">Shipping policy</a></footer>`)}
		}, want{none, "https://shop.com/pages/delivery", none, none}},
		{"promotion bar alone does not count", func() []*crawler.Page {
			return []*crawler.Page{home("https://shop.com/", `<header><div class="promo"><a href="/collections/all">Free shipping on orders over $50</a></div></header>`)}
		}, want{none, none, none, none}},
		{"long footer link counts", func() []*crawler.Page {
			return []*crawler.Page{home("https://shop.vn/", `<div class="footer"><a href="/page/12">Chính sách đổi trả hàng và hoàn tiền</a></div>`)}
		}, want{"https://shop.vn/page/12", none, none, none}},
		{"long prose link text does not count", func() []*crawler.Page {
			return []*crawler.Page{home("https://shop.com/", `<p>Since 1999 we have sold shoes. <a href="/story">Read how our
				free returns and fast shipping won customers all over the country</a> in our story.</p>`)}
		}, want{none, none, none, none}},
		{"decoys", func() []*crawler.Page {
			dead := sub("https://shop.com/returns", "Not found", `<h1>404</h1>`)
			dead.Status = 404
			return []*crawler.Page{home("https://shop.com/", `<footer>
				<a href="#" onclick="openConsent()">Privacy settings</a>
				<a href="javascript:void(0)">Cookie &amp; privacy</a>
				<a href="#shipping">Shipping</a>
				<a href="/returns">Returns</a>
				<div class="hidden"><a href="/warranty">Warranty</a></div>
				<a href="/">Shipping home</a>
				<a href="mailto:privacy@shop.com">Privacy</a></footer>`), dead}
		}, want{none, none, none, none}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := probe(c.pages()...).Policies
			got := want{str(p.Returns), str(p.Shipping), str(p.Privacy), str(p.Warranty)}
			if got != c.want {
				t.Errorf("policies = %+v, want %+v (evidence %v)", got, c.want, p.Evidence)
			}
		})
	}
}
