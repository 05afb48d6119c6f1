package phone

import (
	"fmt"
	"strings"
	"testing"

	"github.com/shopper-audit/shopper/crawler"
)

// benchSite is a 40-page Vietnamese shop: a header and footer with numbers
// on every page, product listings full of prices, dates and codes.
func benchSite() *crawler.Site {
	var pages []*crawler.Page
	for i := 0; i < 40; i++ {
		var b strings.Builder
		b.WriteString(`<html lang="vi"><body><header><div class="top-bar">Hotline: <a href="tel:19001234">1900 1234</a> | Tổng đài miễn phí 1800 1567</div><nav><a href="/">Trang chủ</a><a href="/lien-he">Liên hệ</a></nav></header><main>`)
		for j := 0; j < 30; j++ {
			fmt.Fprintf(&b, `<div class="product"><h3>Sản phẩm %d-%d</h3><p>Giá: %d.%03d.000 ₫ <s>%d.990.000đ</s></p><p>Mã SP: SP%06d · Cập nhật 15/01/2024 · Bảo hành 12 tháng</p></div>`, i, j, j+1, j*37%1000, j+2, i*100+j)
		}
		b.WriteString(`<p>Mọi thắc mắc xin gọi 028 3822 1234 hoặc 0901 234 567.</p></main><footer><p>Công ty TNHH Ví Dụ · MST: 0312345678 · Địa chỉ: 123 Nguyễn Huệ, Quận 1, TP. HCM 700000</p><p>ĐT: (028) 3822 1234 - Fax: (028) 3822 1235 · © 2015-2024</p></footer>`)
		b.WriteString(`<script type="application/ld+json">{"@context":"https://schema.org","@type":"Organization","contactPoint":[{"@type":"ContactPoint","telephone":"+84-1800-1567","contactOption":"TollFree"}]}</script></body></html>`)
		u := "https://shop.example.vn/"
		if i > 0 {
			u += fmt.Sprintf("p/%d", i)
		}
		pages = append(pages, crawler.NewPage(u, b.String()))
	}
	return &crawler.Site{URL: pages[0].URL, Home: pages[0].URL, Pages: pages}
}

// BenchmarkProbe measures Probe on a 40-page site whose pages are already
// parsed, as they are after the crawler and other probes have read them.
func BenchmarkProbe(b *testing.B) {
	site := benchSite()
	for _, p := range site.Pages {
		p.Text()
	}
	in := Input{Contact: site.Pages[1]}
	for b.Loop() {
		Probe(site, in)
	}
}

func TestBenchSite(t *testing.T) {
	f := Probe(benchSite(), Input{})
	var got []string
	for _, n := range f.Numbers {
		got = append(got, n.E164)
	}
	want := "+8418001567 +8419001234 +842838221234 +84901234567 +842838221235"
	if strings.Join(got, " ") != want {
		t.Errorf("Probe(benchSite) = %v, want %v", got, want)
	}
}
