package channels

import (
	"reflect"
	"strings"
	"testing"

	"github.com/shopper-audit/shopper/crawler"
)

func TestEmailAddresses(t *testing.T) {
	cases := []struct {
		name string
		body string
		want []string
	}{
		// Links.
		{"mailto", `<a href="mailto:Info@Shop.com">Write to us</a>`, []string{"info@shop.com"}},
		{"mailto subject", `<a href="mailto:sales@shop.com?subject=Hello%20there&body=x">Sales</a>`, []string{"sales@shop.com"}},
		{"mailto encoded at", `<a href="mailto:care%40shop.com">Care</a>`, []string{"care@shop.com"}},
		{"mailto several", `<a href="mailto:a@shop.com,b@shop.com;c@shop.com?cc=d@shop.com">All</a>`, []string{"a@shop.com", "b@shop.com", "c@shop.com"}},
		{"mailto upper scheme", `<a href="MAILTO:help@shop.com">Help</a>`, []string{"help@shop.com"}},
		{"mailto display name", `<a href="mailto:Shop%20Care%20%3Ccare@shop.com%3E">Care</a>`, []string{"care@shop.com"}},
		{"mailto share link without address", `<a href="mailto:?subject=Look&body=https://shop.com/p/1">Share by e-mail</a>`, nil},
		{"cloudflare attribute", `<a href="/cdn-cgi/l/email-protection" class="__cf_email__" data-cfemail="2d44434b426d5e45425d034e4240">[email&#160;protected]</a>`, []string{"info@shop.com"}},
		{"cloudflare href", `<a href="/cdn-cgi/l/email-protection#2d44434b426d5e45425d034e4240">Email</a>`, []string{"info@shop.com"}},

		// Visible text.
		{"text", `<p>Email: support@shop.com</p>`, []string{"support@shop.com"}},
		{"text entity", `<p>Email: support&#64;shop.com</p>`, []string{"support@shop.com"}},
		{"text spans", `<p>cskh<span>@</span>shop.vn</p>`, []string{"cskh@shop.vn"}},
		{"text trailing dot", `<p>Write to hello@shop.co.uk.</p>`, []string{"hello@shop.co.uk"}},
		{"vietnamese", `<footer><p>Email: cskh@congty.com.vn<br>Hotline: 1900 1234</p></footer>`, []string{"cskh@congty.com.vn"}},
		{"vietnamese glued", `<p>Email: lienhe@congty.vn<b>Địa chỉ:</b> 12 Lê Lợi</p>`, []string{"lienhe@congty.vn"}},
		{"glued next label", `<p><span>info@shop.com</span><span>Hotline</span></p>`, []string{"info@shop.com"}},
		{"turkish", `<p>E-posta: bilgi@firma.com.tr</p>`, []string{"bilgi@firma.com.tr"}},
		{"full-width at", `<p>Email: info＠shop.jp</p>`, []string{"info@shop.jp"}},
		{"glued label before, link after", `<p>E-mail<a href="mailto:info@shop.com">info@shop.com</a></p>`, []string{"info@shop.com"}},
		{"glued label before, same page", `<p>Emailinfo@shop.com</p><p>Or info@shop.com</p>`, []string{"info@shop.com"}},

		// Obfuscations.
		{"bracket at dot", `<p>info [at] shop [dot] com</p>`, []string{"info@shop.com"}},
		{"paren at", `<p>info(at)shop.com</p>`, []string{"info@shop.com"}},
		{"curly at", `<p>info{at}shop{dot}com</p>`, []string{"info@shop.com"}},
		{"angle at", `<p>info &lt;at&gt; shop &lt;dot&gt; com</p>`, []string{"info@shop.com"}},
		{"spaced", `<p>Mail: info @ shop . com</p>`, []string{"info@shop.com"}},
		{"capital words", `<p>sales AT shop DOT com</p>`, []string{"sales@shop.com"}},
		{"vietnamese a còng", `<p>Email: cskh [a còng] congty [chấm] vn</p>`, []string{"cskh@congty.vn"}},
		{"vietnamese paren a", `<p>Email: cskh(a)congty.vn</p>`, []string{"cskh@congty.vn"}},
		{"turkish nokta", `<p>E-posta: destek [at] firma [nokta] com [nokta] tr</p>`, []string{"destek@firma.com.tr"}},

		// Not addresses.
		{"lower-case at is English", `<p>Meet us at shop dot com for deals</p>`, nil},
		{"open at time", `<p>OPEN AT NINE DAILY</p>`, nil},
		{"follow us @ link", `<p>Follow us @ instagram.com/shop</p>`, nil},
		{"find us @ network", `<p>Find us @ facebook.com</p>`, nil},
		{"instagram handle with dot", `<p>Follow us on Instagram @shop.vn and TikTok @shop.official</p>`, nil},
		{"visit us at", `<p>VISIT US @ SHOP.COM</p>`, nil},
		{"capital slogan", `<p>SHOP AT STORE.COM TODAY</p>`, nil},
		{"space after at", `<p>Email: info@ shop.com</p>`, []string{"info@shop.com"}},
		{"capital at with bracketed dot", `<p>info AT shop [dot] com</p>`, []string{"info@shop.com"}},
		{"retina image text", `<p>logo@2x.png icon@3x.webp banner@2x.jpg a@1.5x.gif</p>`, nil},
		{"retina image src", `<img src="/img/logo@2x.png" alt="logo@2x.png">`, nil},
		{"script", `<script>var e="hidden@shop.com";</script>`, nil},
		{"json-ld", `<script type="application/ld+json">{"email":"ld@shop.com"}</script>`, nil},
		{"style", `<style>/* css@shop.com */</style>`, nil},
		{"hidden text", `<p style="display:none">ghost@shop.com</p><div hidden>h@shop.com</div><p class="d-none">d@shop.com</p>`, nil},
		{"hidden mailto", `<div class="hidden"><a href="mailto:ghost@shop.com">x</a></div>`, nil},
		{"input placeholder", `<form><input type="email" placeholder="you@domain.com" value="me@shop.com"></form>`, nil},
		{"example", `<p>For example, jane@example.com or joe@example.org or a@example.net or mail@example.co.uk</p>`, nil},
		{"placeholders", `<p>you@domain.com, name@yourdomain.com, email@example.com, test@test.com, your@email.com, name@your-site.vn</p>`, nil},
		{"sentry", `<p>1234abcd@sentry.io 0123456789abcdef0123456789abcdef@o123.ingest.sentry.io x@sentry.wixpress.com y@sentry-next.wixpress.com</p>`, nil},
		{"file extensions", `<p>a@b.js c@d.css e@f.svg g@h.png</p>`, nil},
		{"version strings", `<p>jquery@3.6.0 and @babel/core@7.1.2</p>`, nil},
		{"no reply", `<p>Mail from noreply@shop.com or no-reply@shop.com</p>`, nil},
		{"unknown tld", `<p>x@shop.internal</p>`, nil},
		{"handle", `<p>Follow @shopvn on Instagram</p>`, nil},
		{"email protected text", `<p>[email&#160;protected]</p>`, nil},
		{"real brand named your", `<p>hello@yourcloset.vn</p>`, []string{"hello@yourcloset.vn"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := probe(home("https://shop.com/", c.body))
			want := c.want
			if want == nil {
				want = []string{}
			}
			if !reflect.DeepEqual(f.Email.Addresses, want) {
				t.Errorf("addresses of %s = %q, want %q", c.body, f.Email.Addresses, want)
			}
		})
	}
}

func TestEmailEvidence(t *testing.T) {
	contact := sub("https://shop.com/lien-he", "Liên hệ", `<h1>Liên hệ</h1><p>Email: <a href="mailto:cskh@shop.vn">cskh@shop.vn</a></p><p>hr [at] shop [dot] vn</p>`, "Liên hệ")
	h := home("https://shop.com/", `<footer>cskh@shop.vn</footer>`)
	f := probe(h, contact)
	if got, want := f.Email.Addresses, []string{"cskh@shop.vn", "hr@shop.vn"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("addresses = %q, want %q", got, want)
	}
	want := []Evidence{
		{"https://shop.com/lien-he", "mailto: cskh@shop.vn"},
		{"https://shop.com/", "text: cskh@shop.vn"},
		{"https://shop.com/lien-he", "obfuscated: hr@shop.vn"},
	}
	if !reflect.DeepEqual(f.Email.Evidence, want) {
		t.Errorf("evidence = %v, want %v", f.Email.Evidence, want)
	}
	if !f.Email.OnHome || !f.Email.OnContactPage {
		t.Errorf("OnHome, OnContactPage = %v, %v, want true, true", f.Email.OnHome, f.Email.OnContactPage)
	}
}

func TestEmailErrorPagesNotRead(t *testing.T) {
	missing := sub("https://shop.com/old", "Not found", `<p>old@shop.com</p>`)
	missing.Status = 404
	f := probe(home("https://shop.com/", `<p>Hi</p>`), missing)
	if len(f.Email.Addresses) != 0 {
		t.Errorf("addresses = %q, want none from a 404 page", f.Email.Addresses)
	}
}

func TestNormalizeAddress(t *testing.T) {
	cases := []struct{ in, want string }{
		{"Info@Shop.COM", "info@shop.com"},
		{"a.b+c@shop.com.tr", "a.b+c@shop.com.tr"},
		{"a..b@shop.com", ""},
		{".a@shop.com", "a@shop.com"},
		{"a@shop", ""},
		{"a@-shop.com", ""},
		{"a@b@shop.com", ""},
		{"a@shop.c", ""},
		{"logo@2x.png", ""},
		{"0123456789abcdef0123@shop.com", ""},
		{"0901234567@gmail.com", "0901234567@gmail.com"},
		{strings.Repeat("a", 65) + "@shop.com", ""},
	}
	for _, c := range cases {
		if got := normalizeAddress(c.in); got != c.want {
			t.Errorf("normalizeAddress(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestReservedTLDAddresses(t *testing.T) {
	home := crawler.NewPage("http://127.0.0.1:8080/", `<html><body><footer>Write to support@acme-supplies.example or help@shop.test</footer></body></html>`)
	home.Source = "start"
	got := Probe(&crawler.Site{Home: home.URL, Pages: []*crawler.Page{home}}, nil).Email.Addresses
	want := []string{"help@shop.test", "support@acme-supplies.example"}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("addresses = %v, want %v", got, want)
	}
}

func TestExampleDomainRoleMailboxes(t *testing.T) {
	home := crawler.NewPage("http://127.0.0.1:8080/", `<html><body><p>For example, jane@example.com.</p><footer><a href="mailto:customer.care@example.com">Write to us</a> support@example.org</footer></body></html>`)
	home.Source = "start"
	got := Probe(&crawler.Site{Home: home.URL, Pages: []*crawler.Page{home}}, nil).Email.Addresses
	want := []string{"customer.care@example.com", "support@example.org"}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("addresses = %v, want %v", got, want)
	}
}

func TestHelperTextSamplesAreNotAddresses(t *testing.T) {
	home := crawler.NewPage("http://127.0.0.1:8080/", `<html><body><form><label>E-posta</label><input type="email"><small>örn. isim@sirket.com</small></form><p>Ví dụ: ten@congty.com</p><footer>destek@yolcu.com.tr</footer></body></html>`)
	home.Source = "start"
	got := Probe(&crawler.Site{Home: home.URL, Pages: []*crawler.Page{home}}, nil).Email.Addresses
	if strings.Join(got, ",") != "destek@yolcu.com.tr" {
		t.Errorf("addresses = %v, want only destek@yolcu.com.tr", got)
	}
}
