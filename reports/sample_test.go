package reports

import (
	"strings"
	"time"

	"github.com/shopper-audit/shopper/audit"
	"github.com/shopper-audit/shopper/crawler"
	"github.com/shopper-audit/shopper/scoring"
)

// Company names that must render and extract as written.
const (
	nameVI = "Công ty TNHH Thương mại Ánh Dương — Hỗ trợ khách hàng"
	nameTR = "Çağrı Merkezi İletişim — Şikâyet, Ödeme, Güvenlik: ığüşöçİĞÜŞÖÇ"
)

var auditedAt = time.Date(2026, 3, 14, 9, 30, 0, 0, time.UTC)

// site audits hand-written pages without the network; pages maps a path
// to its HTML, "/" being the home page.
func site(base string, pages map[string]string) *audit.Result {
	s := &crawler.Site{URL: base, Home: base + "/"}
	for _, path := range []string{"/", "/lien-he", "/iletisim", "/contact", "/faq", "/sss"} {
		html, ok := pages[path]
		if !ok {
			continue
		}
		p := crawler.NewPage(base+path, html)
		if path == "/" {
			p.Source = "start"
		} else {
			p.Depth, p.Source = 1, "link"
		}
		s.Pages = append(s.Pages, p)
	}
	r := audit.Analyze(s, "")
	r.AuditedAt = &auditedAt
	return r
}

// vietnamese is a Vietnamese company named by og:site_name.
func vietnamese() *audit.Result {
	return site("https://anhduong.example.vn", map[string]string{
		"/": `<html lang="vi"><head><title>Trang chủ</title><meta property="og:site_name" content="` + nameVI + `"></head><body>
<header>Hotline: <a href="tel:18001234">1800 1234</a> <a href="/lien-he">Liên hệ</a> <a href="/faq">Câu hỏi thường gặp</a></header>
<footer><a href="/chinh-sach-doi-tra">Chính sách đổi trả</a> cskh@anhduong.example.vn</footer></body></html>`,
		"/lien-he": `<html lang="vi"><head><title>Liên hệ</title></head><body><h1>Liên hệ</h1><p>Tổng đài miễn phí 1800 1234</p>
<form action="/gui"><input type="email" name="email"><textarea name="noi_dung"></textarea></form></body></html>`,
		"/faq": `<html lang="vi"><head><title>Câu hỏi thường gặp</title></head><body><h1>Câu hỏi thường gặp</h1>` +
			strings.Repeat(`<details><summary>Làm sao để đổi hàng?</summary>Liên hệ tổng đài.</details>`, 1) +
			`<details><summary>Giao hàng mất bao lâu?</summary>Ba ngày.</details>
<details><summary>Tôi thanh toán thế nào?</summary>Thẻ hoặc tiền mặt.</details></body></html>`,
	})
}

// turkish is a Turkish company named by og:site_name, with test inquiries.
func turkish() *audit.Result {
	r := site("https://cagri.example.com.tr", map[string]string{
		"/": `<html lang="tr"><head><title>Anasayfa</title><meta property="og:site_name" content="` + nameTR + `"></head><body>
<header><a href="/iletisim">İletişim</a> Müşteri hizmetleri: 0850 123 45 67</header>
<footer>destek@cagri.example.com.tr <a href="/gizlilik">Gizlilik politikası</a></footer></body></html>`,
		"/iletisim": `<html lang="tr"><head><title>İletişim</title></head><body><h1>İletişim</h1><p>Telefon: 0850 123 45 67</p></body></html>`,
	})
	r.Inquiries = []scoring.Inquiry{
		{Channel: "email", To: "destek@cagri.example.com.tr", Token: "t1", SentAt: "2026-03-14T10:00:00Z", Status: "replied",
			FirstResponseSeconds: ptr(45.0), AutoAck: ptr(true), AutoAckSeconds: ptr(45.0), HumanReplySeconds: ptr(3.2 * 3600)},
		{Channel: "form", To: "https://cagri.example.com.tr/iletisim", Token: "t2", SentAt: "2026-03-14T10:05:00Z", Status: "replied",
			FirstResponseSeconds: ptr(27 * 3600.0), HumanReplySeconds: ptr(27 * 3600.0)},
	}
	r.Rescore(nil)
	return r
}

// english is an English company named by its title, with a slow reply.
func english() *audit.Result {
	r := site("https://www.lakeshore.example.com", map[string]string{
		"/": `<html lang="en"><head><title>Home | Lakeshore Sleep – Mattresses made in Ohio</title></head><body>
<header><a href="/contact">Contact us</a> <a href="/faq">FAQ</a></header><main>Call 1-800-555-0199 (toll-free)</main>
<footer><a href="/returns">Returns</a> <a href="/shipping">Shipping</a> <a href="/privacy">Privacy</a> help@lakeshore.example.com
<script src="https://widget.intercom.io/widget/abc"></script></footer></body></html>`,
		"/contact": `<html lang="en"><head><title>Contact us</title></head><body><h1>Contact us</h1><p>Call 1-800-555-0199</p>
<form action="/send"><input type="email" name="email"><textarea name="message"></textarea></form></body></html>`,
		"/faq": `<html lang="en"><head><title>FAQ</title></head><body><h1>Frequently asked questions</h1>` + faqs(12) + `</body></html>`,
	})
	r.Inquiries = []scoring.Inquiry{{Channel: "email", To: "help@lakeshore.example.com", Token: "t3", SentAt: "2026-03-14T10:00:00Z",
		Status: "replied", FirstResponseSeconds: ptr(5.5 * 3600), HumanReplySeconds: ptr(5.5 * 3600)}}
	r.Rescore(nil)
	return r
}

// bare is a site with no name anywhere: its host names it.
func bare() *audit.Result {
	r := site("https://bare.example.org", map[string]string{"/": `<html><body><p>Nothing here.</p></body></html>`})
	r.Inquiries = []scoring.Inquiry{{Channel: "email", To: "info@bare.example.org", Token: "t4", SentAt: "2026-03-14T10:00:00Z", Status: "no_reply"}}
	r.Rescore(nil)
	return r
}

func faqs(n int) string {
	var b strings.Builder
	for i := range n {
		b.WriteString("<details><summary>Question number " + string(rune('A'+i)) + " about mattresses?</summary>Answer.</details>\n")
	}
	return b.String()
}

func ptr[T any](v T) *T { return &v }
