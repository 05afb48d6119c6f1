package phone

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/nyaruka/phonenumbers"

	"github.com/shopper-audit/shopper/crawler"
)

// FuzzProbe checks that Probe never panics and reports only valid E.164
// numbers, whatever the HTML. The seeds run in every go test.
func FuzzProbe(f *testing.F) {
	for _, s := range []string{
		``,
		`<p>Call 1-800-555-0199 or (212) 555-0123</p>`,
		`<header><a href="tel:+1-800-555-0199">Call</a></header><footer>1-800-FLOWERS</footer>`,
		`<p>Hotline: 1900 1234 - 028 3822 1234</p><p>MST: 0312345678</p><p>Giá 19.000.000 ₫</p>`,
		`<p>Çağrı Merkezi: 444 0 444</p><p>Sipariş No: 2124445566</p><p>4.440.000,00 TL</p>`,
		`<p>Tel/Fax: +84 (0) 28 3822 1234</p><p>0901234567/0912345678,0987654321</p>`,
		`<p><span>1-800</span>-<span>555-0199</span></p><p hidden>1-800-555-0100</p>`,
		`<script type="application/ld+json">{"@graph":[{"contactPoint":[{"telephone":"+1-800-555-0199","contactOption":"TollFree"}]}]}</script>`,
		`<script type="application/ld+json">{"telephone":[1,null,{"@id":"tel:"},"+"],"contactOption":{"@id":"schema:TollFree"}}</script>`,
		`<script type="application/ld+json">{{{</script><a href="tel:%ZZ">x</a><a href="tel:;;">x</a>`,
		`<p>2024-01-15 10:30 · 212.58.244.20 · ISBN 978-3-16-148410-0 · 90012-3456 · 4111 1111 1111 1111</p>`,
		`<p>1 (800) GO-FEDEX · 0800-HELP-NOW · 1-800-MATTRESS · ISO 9001 CERTIFIED</p>`,
		`<p>+++(((0000)))---///...00 00 00 00 00 00 00 00 00 00 00 00 00 00 00</p>`,
		`<p>` + strings.Repeat("1 ", 200) + `</p><p>` + strings.Repeat("٠١٢٣٤٥٦٧٨٩ ", 5) + `</p>`,
		`<a href="tel:+84 28 3822 1234;phone-context=+84;ext=1">a</a><a href="tel:tel:+1;phone-context=">b</a>`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		home := crawler.NewPage("https://example.test/", body)
		contact := crawler.NewPage("https://example.test/contact", "<main>"+body+"</main>")
		site := &crawler.Site{URL: home.URL, Home: home.URL, Pages: []*crawler.Page{home, contact}}
		region := []string{"US", "VN", "TR", "DE"}[len(body)%4]
		got := Probe(site, Input{Region: region, Contact: contact})
		if got.Numbers == nil {
			t.Fatal("Numbers is nil")
		}
		tollFree := false
		for _, n := range got.Numbers {
			if !strings.HasPrefix(n.E164, "+") {
				t.Fatalf("E164 %q does not start with +", n.E164)
			}
			p, err := phonenumbers.Parse(n.E164, "")
			if err != nil || !phonenumbers.IsValidNumber(p) || phonenumbers.Format(p, phonenumbers.E164) != n.E164 {
				t.Fatalf("E164 %q is not a valid E.164 number (%v)", n.E164, err)
			}
			if (n.OnHome || n.OnContact || n.ClickToCall || n.InHeader || n.InFooter) && !n.Visible {
				t.Fatalf("number %+v is shown somewhere but not Visible", n)
			}
			if len(n.Sources) == 0 || len(n.Pages) == 0 || n.Display == "" {
				t.Fatalf("number %+v lacks its evidence", n)
			}
			tollFree = tollFree || n.Visible && n.TollFree
		}
		if got.TollFree != tollFree {
			t.Fatalf("TollFree = %v, but the numbers say %v", got.TollFree, tollFree)
		}
		if _, err := json.Marshal(got); err != nil {
			t.Fatal(err)
		}
	})
}
