package phone

import (
	"reflect"
	"strings"
	"testing"

	"github.com/nyaruka/phonenumbers"

	"github.com/shopper-audit/shopper/crawler"
)

// page builds a page whose body is body.
func page(url, body string) *crawler.Page {
	return crawler.NewPage(url, "<!doctype html><html><body>"+body+"</body></html>")
}

// siteOf builds a site whose home page is the first page.
func siteOf(pages ...*crawler.Page) *crawler.Site {
	return &crawler.Site{URL: pages[0].URL, Home: pages[0].URL, Pages: pages}
}

// found lists what Probe found on a one-page site, as "E164 type" strings.
func found(region, body string) []string {
	f := Probe(siteOf(page("https://example.test/", body)), Input{Region: region})
	out := []string{}
	for _, n := range f.Numbers {
		out = append(out, n.E164+" "+n.Type)
	}
	return out
}

func TestProbeEnglishSite(t *testing.T) {
	home := page("https://example.test/", `
<header><a href="tel:+1-800-555-0199" class="btn"><i class="icon-phone"></i></a></header>
<main><p>Questions? Call <strong>(212) 555-0123</strong>, Monday to Friday.</p></main>
<footer>Toll free: 1-800-555-0199 · © 1998-2024 Example Inc.</footer>`)
	contact := page("https://example.test/contact", `
<h1>Contact us</h1><p>Phone: 212.555.0123 or toll free <a href="TEL:18005550199">1&nbsp;(800)&nbsp;555-0199</a></p>
<script type="application/ld+json">{"@type":"Organization","telephone":"+1-646-555-0100"}</script>`)
	about := page("https://example.test/about", `<p>Our story began in 1998.</p>`)
	got := Probe(siteOf(home, about, contact), Input{Region: "US", Contact: contact})
	want := Finding{
		Region:    "US",
		TollFree:  true,
		Prominent: true,
		Numbers: []Number{{
			E164: "+18005550199", Type: "toll_free", TollFree: true, Region: "US",
			OnHome: true, OnContact: true, ClickToCall: true, InHeader: true, InFooter: true, Visible: true,
			Display: "1-800-555-0199", Sources: []string{"text", "tel"},
			Pages: []string{"https://example.test/", "https://example.test/contact"},
		}, {
			E164: "+12125550123", Type: "fixed_line_or_mobile", Region: "US",
			OnHome: true, OnContact: true, Visible: true,
			Display: "(212) 555-0123", Sources: []string{"text"},
			Pages: []string{"https://example.test/", "https://example.test/contact"},
		}, {
			E164: "+16465550100", Type: "fixed_line_or_mobile", Region: "US",
			Display: "+1-646-555-0100", Sources: []string{"jsonld"},
			Pages: []string{"https://example.test/contact"},
		}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Probe =\n%+v\nwant\n%+v", got, want)
	}
}

// TestProbeFindsNumbers covers the ways numbers are written, per region.
// Every type stated here is what libphonenumber's metadata says.
func TestProbeFindsNumbers(t *testing.T) {
	cases := []struct {
		name, region, body string
		want               []string
	}{
		{"US toll free with trunk 1", "US", `<p>Call 1-800-555-0199 today</p>`, []string{"+18005550199 toll_free"}},
		{"US parentheses and dots", "US", `<p>(800) 555-0199 and 212.555.0123</p>`,
			[]string{"+18005550199 toll_free", "+12125550123 fixed_line_or_mobile"}},
		{"aside in brackets", "GB", `<p>Top-up line: 0844 800 1234 (7p per minute plus access charge)</p>`, []string{"+448448001234 premium_rate"}},
		{"unclosed bracket before the number", "VN", `<p>ĐT (028 3822 1234</p>`, []string{"+842838221234 fixed_line"}},
		{"US extension", "US", `<p>Support: 800-555-0199 x123</p>`, []string{"+18005550199 toll_free"}},
		{"US extension without a space", "US", `<p>Support: 800-555-0199x123</p>`, []string{"+18005550199 toll_free"}},
		{"international with dots is no price", "US", `<p>Sofia office: +359.888.123.456</p>`, []string{"+359888123456 mobile"}},
		{"split across spans", "US", `<p><span>1-800</span>-<span>555-0199</span></p>`, []string{"+18005550199 toll_free"}},
		{"split across inline elements", "VN", `<p>Hotline: <b>1900</b> <i>1234</i></p>`, []string{"+8419001234 premium_rate"}},

		{"VN toll free", "VN", `<p>Tổng đài miễn phí: 1800 1567</p>`, []string{"+8418001567 toll_free"}},
		{"VN 1900 premium", "VN", `<p>Hotline 1900 633 045</p>`, []string{"+841900633045 premium_rate"}},
		{"VN fixed line", "VN", `<p>Điện thoại: 028 3822 1234</p>`, []string{"+842838221234 fixed_line"}},
		{"VN mobile", "VN", `<p>Di động: 090 123 4567</p>`, []string{"+84901234567 mobile"}},
		{"VN mobile with dots", "VN", `<p>Zalo: 0901.234.567</p>`, []string{"+84901234567 mobile"}},
		{"VN international", "US", `<p>Văn phòng: +84 28 3822 1234</p>`, []string{"+842838221234 fixed_line"}},
		{"VN international in brackets", "US", `<p>ĐT: (+84) 28 3822 1234</p>`, []string{"+842838221234 fixed_line"}},
		{"VN international with (0)", "GB", `<p>Tel: +84 (0) 28 3822 1234</p>`, []string{"+842838221234 fixed_line"}},
		{"VN two numbers joined by a dash", "VN", `<p>Hotline: 1900 1234 - 028 3822 1234</p>`,
			[]string{"+8419001234 premium_rate", "+842838221234 fixed_line"}},
		{"VN two numbers joined by a slash", "VN", `<p>ĐT: 0901234567/0912345678</p>`,
			[]string{"+84901234567 mobile", "+84912345678 mobile"}},
		{"VN two numbers joined by a space", "VN", `<p>Hotline 1900 1234 028 3822 1234</p>`,
			[]string{"+8419001234 premium_rate", "+842838221234 fixed_line"}},
		{"VN two numbers joined by a comma", "VN", `<p>ĐT: 0901234567,0912345678</p>`,
			[]string{"+84901234567 mobile", "+84912345678 mobile"}},
		{"VN second number without area code", "VN", `<p>ĐT: 028 3822 1234 - 3822 5678</p>`, []string{"+842838221234 fixed_line"}},
		{"VN date, then a number", "VN", `<p>Từ 15/01/2024 - 1900 1234</p>`, []string{"+8419001234 premium_rate"}},
		{"VN two numbers grouped like a payment card", "VN", `<p>Hotline 1900 1234 1800 1567</p>`,
			[]string{"+8418001567 toll_free", "+8419001234 premium_rate"}},
		{"VN spaced dash inside one number", "VN", `<p>ĐT: 028 - 3822 1234</p>`, []string{"+842838221234 fixed_line"}},

		{"TR 0850", "TR", `<p>Müşteri Hizmetleri: 0850 222 0 444</p>`, []string{"+908502220444 voip"}},
		{"TR 444", "TR", `<p>Çağrı Merkezi: 444 0 444</p>`, []string{"+904440444 uan"}},
		{"TR toll free", "TR", `<p>Ücretsiz hat: 0800 211 00 11</p>`, []string{"+908002110011 toll_free"}},
		{"TR fixed line", "TR", `<p>Telefon: 0212 444 55 66</p>`, []string{"+902124445566 fixed_line"}},
		{"TR fixed line with bracketed area code", "TR", `<p>Tel: 0 (212) 444 55 66</p>`, []string{"+902124445566 fixed_line"}},
		{"TR mobile", "TR", `<p>GSM: 0532 123 45 67</p>`, []string{"+905321234567 mobile"}},
		{"TR international", "US", `<p>Tel: +90 212 444 55 66</p>`, []string{"+902124445566 fixed_line"}},
		{"TR with 00 prefix outside a 00 region", "US", `<p>Tel: 00 90 212 444 55 66</p>`, []string{"+902124445566 fixed_line"}},

		{"GB 0800", "GB", `<p>Freephone 0800 123 4567</p>`, []string{"+448001234567 toll_free"}},
		{"GB 0808", "GB", `<p>Call 0808 157 0192</p>`, []string{"+448081570192 toll_free"}},
		{"GB 0345", "GB", `<p>Customer services 0345 300 0000</p>`, []string{"+443453000000 uan"}},
		{"GB London", "GB", `<p>020 7946 0018</p>`, []string{"+442079460018 fixed_line"}},
		{"GB mobile", "GB", `<p>07911 123456</p>`, []string{"+447911123456 mobile"}},

		{"DE Berlin with slash", "DE", `<p>Telefon: 030/12345678</p>`, []string{"+493012345678 fixed_line"}},
		{"DE 0800", "DE", `<p>Kostenlos: 0800 123 4567</p>`, []string{"+498001234567 toll_free"}},
		{"DE 0180", "DE", `<p>Hotline: 01805 123456</p>`, []string{"+491805123456 shared_cost"}},
		{"DE 5-4 with trunk prefix is a phone", "DE", `<p>Tel. 02134-1234</p>`, []string{"+4921341234 fixed_line"}},
		{"FR fixed line", "FR", `<p>Tél. : 01 23 45 67 89</p>`, []string{"+33123456789 fixed_line"}},
		{"FR dotted", "FR", `<p>01.23.45.67.89</p>`, []string{"+33123456789 fixed_line"}},
		{"FR numéro vert", "FR", `<p>Numéro vert 0 800 12 34 56</p>`, []string{"+33800123456 toll_free"}},

		{"vanity US", "US", `<p>Call 1-800-FLOWERS</p>`, []string{"+18003569377 toll_free"}},
		{"vanity after a year", "US", `<p>© 2024 1-800-FLOWERS</p>`, []string{"+18003569377 toll_free"}},
		{"vanity with brackets", "US", `<p>1 (800) GO-FEDEX</p>`, []string{"+18004633339 toll_free"}},
		{"vanity with extra letters", "US", `<p>1-800-MATTRESS</p>`, []string{"+18006288737 toll_free"}},
		{"vanity GB", "GB", `<p>0800-HELP-NOW</p>`, []string{"+448004357669 toll_free"}},
		{"vanity GB without its trunk prefix", "GB", `<p>800-HELP-NOW</p>`, []string{}},
		{"number then capitals is no vanity", "VN", `<p>1900 1234 HCM</p>`, []string{"+8419001234 premium_rate"}},
		{"lower-case words are no vanity", "US", `<p>1-800-flowers</p>`, []string{}},
		{"capitals after a number are no vanity mobile", "VN", `<p>Chứng nhận ISO 9001 HACCP</p>`, []string{}},
		{"capitals after a number are no truncated vanity", "VN", `<p>ISO 9001 CERTIFIED</p>`, []string{}},

		{"fax numbers are shown to visitors too", "VN", `<p>Tel: 028 3822 1234 Fax: 028 3822 1235</p><p>028 3822 1236 (Fax)</p>`,
			[]string{"+842838221234 fixed_line", "+842838221235 fixed_line", "+842838221236 fixed_line"}},
		{"call to order keeps the number", "US", `<p>Call to order: 1-800-555-0199</p>`, []string{"+18005550199 toll_free"}},
		{"order hotline keeps the number", "VN", `<p>Mã đơn hàng: tra cứu qua hotline 1900 1234</p>`, []string{"+8419001234 premium_rate"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := found(c.region, c.body); !reflect.DeepEqual(got, c.want) {
				t.Errorf("Probe(%q, %s) = %q, want %q", c.body, c.region, got, c.want)
			}
		})
	}
}

// TestProbeIgnoresDecoys covers digits that are not phone numbers. Where
// raw is set, libphonenumber alone accepts it as a valid number in region
// (the test checks this), so the rule named in the case is what stops it.
func TestProbeIgnoresDecoys(t *testing.T) {
	cases := []struct {
		name, region, body, raw string
	}{
		{"ISO date", "DE", `<p>Stand: 2024-12-15</p>`, ""},
		{"dotted date", "DE", `<p>Aktualisiert 04.01.2023</p>`, "04.01.2023"},
		{"slashed date", "DE", `<p>Gültig bis 05/12/2024</p>`, "05/12/2024"},
		{"slashed date, day first", "VN", `<p>Ngày 15/01/2024</p>`, ""},
		{"date and time", "US", `<p>Updated 2024-01-15 10:30</p>`, "2024-01-15 10"},
		{"timestamp", "US", `<p>Last updated 20240115 10:30 UTC</p>`, "20240115 10"},
		{"VND price with sign", "VN", `<p>Giá ưu đãi chỉ 19.000.000 ₫</p>`, "19.000.000"},
		{"VND price with đ", "VN", `<p>18.000.000đ</p>`, "18.000.000"},
		{"VND price with code", "VN", `<p>19 000 000 VND</p>`, "19 000 000"},
		{"VND price labelled", "VN", `<p>Giá: 19 000 000</p>`, "19 000 000"},
		{"price thousands grouping", "VN", `<p>Trả góp 302.926.000 trong 12 tháng</p>`, "302.926.000"},
		{"TL price", "TR", `<p>4.440.000 TL</p>`, "4.440.000"},
		{"TL price with decimals", "TR", `<p>Fiyat 4.440.000,00 TL</p>`, "4.440.000"},
		{"TL price, small", "TR", `<p>12.345,67 TL</p>`, ""},
		{"dollar price", "US", `<p>$1,234.56 or $2125550123</p>`, "2125550123"},
		{"order number", "US", `<p>Order #2125550123 has shipped</p>`, "2125550123"},
		{"order number, words", "US", `<p>Your order number is 8005550199.</p>`, "8005550199"},
		{"tracking number glued to letters", "US", `<p>Tracking: 1Z999AA12125550123</p>`, "12125550123"},
		{"tracking label", "US", `<p>Tracking no. 2125550123</p>`, "2125550123"},
		{"invoice", "US", `<p>Invoice 2125550123</p>`, "2125550123"},
		{"reference", "GB", `<p>Ref: 020 7946 0018</p>`, "020 7946 0018"},
		{"SKU", "US", `<p>SKU: 212-555-0123</p>`, "212-555-0123"},
		{"model", "US", `<p>Model 212-555-0123</p>`, "212-555-0123"},
		{"serial", "US", `<p>Serial number: 2125550123</p>`, "2125550123"},
		{"part", "US", `<p>Part no. 212-555-0123</p>`, "212-555-0123"},
		{"VN order code", "VN", `<p>Mã đơn: 0312345678</p>`, "0312345678"},
		{"TR order", "TR", `<p>Sipariş No: 2124445566</p>`, "2124445566"},
		{"TR tracking", "TR", `<p>Kargo takip numarası 2124445566</p>`, "2124445566"},
		{"TR invoice", "TR", `<p>Fatura no: 0212 444 55 66</p>`, "0212 444 55 66"},
		{"ISBN-13", "DE", `<p>ISBN 978-3-16-148410-0</p>`, ""},
		{"ISBN-10 unlabelled", "FR", `<p>Oxford University Press 0-19-852663-6</p>`, "0-19-852663-6"},
		{"ZIP+4", "VN", `<p>Los Angeles, CA 90012-3456</p>`, "90012-3456"},
		{"version", "VN", `<p>Phiên bản 3.10.240118</p>`, "3.10.240118"},
		{"version glued to v", "VN", `<p>v3.10.240118</p>`, "3.10.240118"},
		{"Windows build", "US", `<p>Windows 10.0.19045</p>`, ""},
		{"IP address", "US", `<p>Server 212.58.244.20 is down</p>`, "212.58.244.20"},
		{"payment card", "US", `<p>Test card 4111 1111 1111 1111</p>`, ""},
		{"payment card read as +49", "DE", `<p>Visa 4946 6321 2532 9241</p>`, "4946 6321 2532 9241"},
		{"MST", "VN", `<p>MST: 0312345678</p>`, "0312345678"},
		{"Mã số thuế", "VN", `<p>Mã số thuế 0312345678 do Sở KH&ĐT cấp</p>`, "0312345678"},
		{"Giấy phép ĐKKD", "VN", `<p>GPKD số 0312345678</p>`, "0312345678"},
		{"VAT", "GB", `<p>VAT No. 020 7946 0018</p>`, "020 7946 0018"},
		{"Vergi No", "TR", `<p>Vergi Dairesi: Kadıköy, Vergi No: 2124445566</p>`, "2124445566"},
		{"Mersis", "TR", `<p>Mersis No: 0212444556600015</p>`, ""},
		{"street address and postal code", "DE", `<p>Friedrichstraße 164 10115 Berlin</p>`, "164 10115"},
		{"Turkish street address", "TR", `<p>Büyükdere Cad. No: 185 34394 Levent</p>`, ""},
		{"year range", "DE", `<p>© 1998-2024</p>`, ""},
		{"coordinates", "VN", `<p>Sydney: -33.8688197, 151.2092955</p>`, "33.8688197"},
		{"glued to a code by a dash", "VN", `<p>Phụ tùng HD-0312345678 chính hãng</p>`, "0312345678"},
		{"glued to a unit", "US", `<p>Cable 2125550123mm</p>`, "2125550123"},
		{"percent", "US", `<p>2125550123%</p>`, "2125550123"},
		{"e-mail address", "VN", `<p>0901234567@example.vn</p>`, "0901234567"},
		{"URL path", "US", `<p>example.test/p/2125550123</p>`, "2125550123"},
		{"too short", "US", `<p>Call 555-0199</p>`, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if c.raw != "" {
				n, err := phonenumbers.ParseAndKeepRawInput(c.raw, c.region)
				if err != nil || !phonenumbers.VALID.Verify(n, c.raw) {
					t.Fatalf("libphonenumber rejects %q in %s by itself: the case tests nothing", c.raw, c.region)
				}
			}
			if got := found(c.region, c.body); len(got) != 0 {
				t.Errorf("Probe(%q, %s) = %q, want none", c.body, c.region, got)
			}
		})
	}
}

// TestProbeNeedsTrunkPrefix checks that numbers read from prose meet
// libphonenumber's VALID leniency, not mere validity: 1234567890 is a valid
// British number, but a Briton writes it 01234 567890.
func TestProbeNeedsTrunkPrefix(t *testing.T) {
	n, err := phonenumbers.Parse("1234567890", "GB")
	if err != nil || !phonenumbers.IsValidNumber(n) {
		t.Fatalf("libphonenumber no longer finds 1234567890 valid in GB: the case tests nothing")
	}
	if got := found("GB", `<p>We have served 1234567890 customers</p>`); len(got) != 0 {
		t.Errorf("Probe = %q, want none", got)
	}
	if got, want := found("GB", `<p>Call 01234 567890</p>`), []string{"+441234567890 fixed_line"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Probe = %q, want %q", got, want)
	}
}

func TestProbeReadsOnlyVisibleText(t *testing.T) {
	body := `
<script>var support = "1-800-555-0101";</script>
<style>.x::after { content: "1-800-555-0102" }</style>
<p hidden>1-800-555-0103</p>
<p style="display: none">1-800-555-0104</p>
<div class="d-none"><p>1-800-555-0105</p></div>
<p title="1-800-555-0106" data-phone="18005550107">Contact us</p>
<template><p>1-800-555-0108</p></template>
<input type="hidden" value="1-800-555-0109">
<img alt="call 1-800-555-0110" src="x.png">
<p>Visible: 1-800-555-0199</p>`
	want := []string{"+18005550199 toll_free"}
	if got := found("US", body); !reflect.DeepEqual(got, want) {
		t.Errorf("Probe = %q, want %q", got, want)
	}
}

func TestProbeTelLinks(t *testing.T) {
	cases := []struct {
		name, region, body string
		want               []Number
	}{
		{"icon link in header", "US", `<header><a href="tel:+18005550199" aria-label="Call us"><svg></svg></a></header>`,
			[]Number{{E164: "+18005550199", Type: "toll_free", TollFree: true, Region: "US", ClickToCall: true, InHeader: true,
				Visible: true, Display: "+18005550199", Sources: []string{"tel"}}}},
		{"percent-encoded national number", "VN", `<footer><a href="tel:1900%201234">Gọi ngay</a></footer>`,
			[]Number{{E164: "+8419001234", Type: "premium_rate", Region: "VN", ClickToCall: true, InFooter: true,
				Visible: true, Display: "1900 1234", Sources: []string{"tel"}}}},
		{"upper case scheme, slashes and parameters", "TR", `<a href=" TEL://0850-222-0444;ext=12 ">ara</a>`,
			[]Number{{E164: "+908502220444", Type: "voip", Region: "TR", ClickToCall: true,
				Visible: true, Display: "0850-222-0444", Sources: []string{"tel"}}}},
		// Never shown, so never offered: not reported at all.
		{"hidden link", "US", `<div hidden><a href="tel:18005550199">Call</a></div>`, []Number{}},
		{"link shown only on small screens is visible", "US", `<a class="hidden-lg" href="tel:18005550199">Call</a>`,
			[]Number{{E164: "+18005550199", Type: "toll_free", TollFree: true, Region: "US", ClickToCall: true,
				Visible: true, Display: "18005550199", Sources: []string{"tel"}}}},
		{"vanity link", "US", `<a href="tel:1-800-FLOWERS">Order flowers</a>`,
			[]Number{{E164: "+18003569377", Type: "toll_free", TollFree: true, Region: "US", ClickToCall: true,
				Visible: true, Display: "1-800-FLOWERS", Sources: []string{"tel"}}}},
		{"link in a template", "US", `<template><a href="tel:18005550199">Call</a></template>`, []Number{}},
		{"not a number", "US", `<a href="tel:">x</a><a href="tel:911">x</a><a href="tel:%zz">x</a><a href="telephone.html">x</a>`, []Number{}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			for i := range c.want {
				c.want[i].Pages = []string{"https://example.test/"}
			}
			f := Probe(siteOf(page("https://example.test/", c.body)), Input{Region: c.region})
			if !reflect.DeepEqual(f.Numbers, c.want) {
				t.Errorf("Probe(%q).Numbers =\n%+v\nwant\n%+v", c.body, f.Numbers, c.want)
			}
		})
	}
}

func TestProbeJSONLD(t *testing.T) {
	ld := func(s string) string { return `<script type="application/ld+json">` + s + `</script>` }
	cases := []struct {
		name, body string
		want       []string // "E164 tollfree visible sources"
	}{
		{"organization telephone", ld(`{"@type":"Organization","telephone":"+1-212-555-0123"}`),
			[]string{"+12125550123 false false jsonld"}},
		{"array and @graph with TollFree contact point", ld(`[{"@context":"https://schema.org","@graph":[
			{"@type":"Organization","contactPoint":[
				{"@type":"ContactPoint","telephone":"+84-24-3944-5555","contactOption":"TollFree"},
				{"@type":"ContactPoint","telephone":"+84-28-3822-1234","contactType":"sales"}]}]}]`),
			[]string{"+842439445555 true false jsonld", "+842838221234 false false jsonld"}},
		{"full schema URL, list of options", ld(`{"contactPoint":{"@type":"ContactPoint","telephone":["0212 444 55 66"],
			"contactOption":["HearingImpairedSupported","https://schema.org/TollFree"]}}`),
			[]string{"+902124445566 true false jsonld"}},
		{"ContactPoint key and number value", ld(`{"ContactPoint":{"telephone":19001234}}`),
			[]string{"+8419001234 false false jsonld"}},
		{"also visible", ld(`{"telephone":"tel:+84 28 3822 1234"}`) + `<p>ĐT: 028 3822 1234</p>`,
			[]string{"+842838221234 false true text,jsonld"}},
		{"several numbers in one value", ld(`{"telephone":"028 3822 1234 - 0901 234 567"}`),
			[]string{"+842838221234 false false jsonld", "+84901234567 false false jsonld"}},
		{"two objects in one script", ld(`{"telephone":"028 3822 1234"} {"telephone":"1800 1567"}`),
			[]string{"+842838221234 false false jsonld", "+8418001567 true false jsonld"}},
		{"malformed", ld(`{"telephone": "028 3822 1234",,}`) + ld(`{"telephone": `) + ld(`null`) + ld(`"x"`), []string{}},
		{"not JSON-LD", `<script type="application/json">{"telephone":"028 3822 1234"}</script>`, []string{}},
		{"type with parameters", `<script type=" Application/LD+JSON; charset=utf-8">{"telephone":"028 3822 1234"}</script>`,
			[]string{"+842838221234 false false jsonld"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := Probe(siteOf(page("https://example.test/", c.body)), Input{Region: "VN"})
			if c.name == "full schema URL, list of options" {
				f = Probe(siteOf(page("https://example.test/", c.body)), Input{Region: "TR"})
			}
			got := []string{}
			for _, n := range f.Numbers {
				got = append(got, strings.Join([]string{n.E164, boolStr(n.TollFree), boolStr(n.Visible), strings.Join(n.Sources, ",")}, " "))
			}
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("Probe(%q) = %q, want %q", c.body, got, c.want)
			}
		})
	}
}

func boolStr(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

func TestProbeVerdicts(t *testing.T) {
	home := func(body string) *crawler.Page { return page("https://example.test/", body) }
	contact := func(body string) *crawler.Page { return page("https://example.test/lien-he", body) }
	cases := []struct {
		name                string
		home, contact       *crawler.Page
		tollFree, prominent bool
	}{
		{"toll free on home and contact", home(`<p>1800 1567</p>`), contact(`<p>Hotline: 1800 1567</p>`), true, true},
		{"only on the contact page", home(`<p>Welcome</p>`), contact(`<p>028 3822 1234</p>`), false, false},
		{"only on the home page", home(`<p>028 3822 1234</p>`), contact(`<form></form>`), false, false},
		{"home page without a contact page", home(`<p>028 3822 1234</p>`), nil, false, true},
		{"different numbers on each", home(`<p>028 3822 1234</p>`), contact(`<p>1800 1567</p>`), true, false},
		{"toll free only in JSON-LD", home(`<script type="application/ld+json">{"telephone":"1800 1567"}</script>`), nil, false, false},
		{"TollFree contact option, also visible", home(`<p>028 3822 1234</p><script type="application/ld+json">
			{"contactPoint":{"telephone":"+84 28 3822 1234","contactOption":"TollFree"}}</script>`), nil, true, true},
		{"tel link only does not make it prominent", home(`<a href="tel:18001567">Gọi</a>`), contact(`<a href="tel:18001567">Gọi</a>`), true, false},
		{"hidden toll free link", home(`<a hidden href="tel:18001567">Gọi</a>`), nil, false, false},
		{"nothing", home(`<p>Xin chào</p>`), nil, false, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			pages := []*crawler.Page{c.home}
			if c.contact != nil {
				pages = append(pages, c.contact)
			}
			f := Probe(siteOf(pages...), Input{Region: "VN", Contact: c.contact})
			if f.TollFree != c.tollFree || f.Prominent != c.prominent {
				t.Errorf("Probe: TollFree, Prominent = %v, %v, want %v, %v (numbers %+v)", f.TollFree, f.Prominent, c.tollFree, c.prominent, f.Numbers)
			}
		})
	}
}

func TestProbeContactOutsideSite(t *testing.T) {
	home := page("https://example.test/", `<p>Welcome</p>`)
	contact := page("https://example.test/iletisim", `<p>Telefon: 0212 444 55 66</p>`)
	f := Probe(siteOf(home), Input{Region: "TR", Contact: contact})
	if len(f.Numbers) != 1 || !f.Numbers[0].OnContact || f.Numbers[0].OnHome {
		t.Errorf("Probe with an outside contact page = %+v, want one number on the contact page only", f.Numbers)
	}
}

func TestProbeOrderAndDedup(t *testing.T) {
	home := page("https://example.test/", `<p>028 3822 1234</p><p>(028) 3822-1234</p><p>+84 28 3822 1234</p><p>1900 1234</p><p>1800 1567</p>`)
	other := page("https://example.test/b", `<p>0901 234 567</p><p>1800 1567</p>`)
	errPage := page("https://example.test/missing", `<p>0912 345 678</p>`)
	errPage.Status = 404
	f := Probe(siteOf(home, other, errPage), Input{Region: "VN"})
	var got []string
	for _, n := range f.Numbers {
		got = append(got, n.E164+" "+n.Display+" "+strings.Join(n.Pages, ","))
	}
	want := []string{
		"+8418001567 1800 1567 https://example.test/,https://example.test/b",
		"+842838221234 028 3822 1234 https://example.test/",
		"+8419001234 1900 1234 https://example.test/",
		"+84901234567 0901 234 567 https://example.test/b",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Probe order = %q, want %q", got, want)
	}
}

func TestProbeDisplayPrefersVisible(t *testing.T) {
	home := page("https://example.test/", `<script type="application/ld+json">{"telephone":"+84-28-3822-1234"}</script>`)
	other := page("https://example.test/b", `<p>ĐT: (028) 3822 1234</p>`)
	f := Probe(siteOf(home, other), Input{Region: "VN"})
	if len(f.Numbers) != 1 || f.Numbers[0].Display != "(028) 3822 1234" {
		t.Errorf("Probe = %+v, want one number displayed as %q", f.Numbers, "(028) 3822 1234")
	}
}

func TestProbeVanityDisplay(t *testing.T) {
	f := Probe(siteOf(page("https://example.test/", `<p>© 2024 1-800-FLOWERS (1-800-356-9377)</p>`)), Input{Region: "US"})
	want := []Number{{E164: "+18003569377", Type: "toll_free", TollFree: true, Region: "US", OnHome: true, Visible: true,
		Display: "1-800-FLOWERS", Sources: []string{"text", "vanity"}, Pages: []string{"https://example.test/"}}}
	if !reflect.DeepEqual(f.Numbers, want) {
		t.Errorf("Probe = %+v, want %+v", f.Numbers, want)
	}
}

func TestProbeEmpty(t *testing.T) {
	for _, site := range []*crawler.Site{nil, {}, {Pages: []*crawler.Page{nil}}} {
		f := Probe(site, Input{})
		if f.Numbers == nil || len(f.Numbers) != 0 || f.TollFree || f.Prominent || f.Region != "US" {
			t.Errorf("Probe(%+v) = %+v, want an empty finding", site, f)
		}
	}
}

func TestTaxOfficeAbbreviationIsNotAPhone(t *testing.T) {
	home := crawler.NewPage("https://patikoy.example/", `<html lang="tr"><body><footer>Kadıköy V.D. 3120456789 · Lisans 3124567890</footer></body></html>`)
	home.Source = "start"
	f := Probe(&crawler.Site{Home: home.URL, Pages: []*crawler.Page{home}}, Input{Region: "TR"})
	if len(f.Numbers) != 0 {
		t.Errorf("numbers = %+v, want none: a tax number and a licence number", f.Numbers)
	}
}

func TestAboveFold(t *testing.T) {
	home := crawler.NewPage("https://shop.example.vn/", `<html lang="vi"><body><header>Hotline 1800 1234</header><p>...</p><footer>028 3822 1234</footer></body></html>`)
	home.Source = "start"
	site := &crawler.Site{Home: home.URL, Pages: []*crawler.Page{home}}
	if f := Probe(site, Input{Region: "VN"}); f.AboveFold != nil {
		t.Errorf("AboveFold = %+v for a page that was not rendered, want null", f.AboveFold)
	}
	home.Rendered = true
	home.Fold = map[string]string{"desktop": "Hotline: 1800 1234 Giỏ hàng Liên hệ", "mobile": "Menu\nGiỏ hàng"}
	f := Probe(site, Input{Region: "VN"})
	if f.AboveFold == nil || !f.AboveFold.Desktop || f.AboveFold.Mobile || f.AboveFold.Page != home.URL {
		t.Errorf("AboveFold = %+v, want desktop true, mobile false on the home page", f.AboveFold)
	}
}
