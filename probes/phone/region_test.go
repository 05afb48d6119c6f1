package phone

import (
	"testing"

	"github.com/shopper-audit/shopper/crawler"
)

func TestRegion(t *testing.T) {
	site := func(home, lang string) *crawler.Site {
		html := "<html><body></body></html>"
		if lang != "" {
			html = `<html lang="` + lang + `"><body></body></html>`
		}
		return &crawler.Site{URL: home, Home: home, Pages: []*crawler.Page{crawler.NewPage(home, html)}}
	}
	cases := []struct {
		name     string
		site     *crawler.Site
		override string
		want     string
	}{
		{"override wins", site("https://example.vn/", "vi"), "tr", "TR"},
		{"override trimmed and upper-cased", site("https://example.com/", ""), " gb ", "GB"},
		{"override UK means GB", site("https://example.com/", ""), "UK", "GB"},
		{"unknown override is ignored", site("https://example.vn/", ""), "ZZ", "VN"},
		{"ccTLD", site("https://www.example.vn/", "en"), "", "VN"},
		{"second-level ccTLD", site("https://shop.example.com.tr/", ""), "", "TR"},
		{"uk is GB", site("https://example.co.uk/", ""), "", "GB"},
		{"ccTLD with port and trailing dot", site("https://example.de.:8443/", ""), "", "DE"},
		{"generic .io falls through to lang", site("https://example.io/", "de"), "", "DE"},
		{"generic .co falls through to lang", site("https://example.co/", "vi"), "", "VN"},
		{"generic .ai falls through to default", site("https://example.ai/", "en"), "", "US"},
		{".eu is not a region", site("https://example.eu/", "fr"), "", "FR"},
		{"lang vi", site("https://example.com/", "vi"), "", "VN"},
		{"lang tr", site("https://example.com/", "tr"), "", "TR"},
		{"lang with region", site("https://example.com/", "en-GB"), "", "GB"},
		{"lang with underscore", site("https://example.com/", "en_AU"), "", "AU"},
		{"lang pt-BR", site("https://example.com/", "pt-BR"), "", "BR"},
		{"lang de", site("https://example.com/", "de"), "", "DE"},
		{"lang fr", site("https://example.com/", "fr"), "", "FR"},
		{"lang es", site("https://example.com/", "es"), "", "ES"},
		{"lang ja", site("https://example.com/", "ja"), "", "JP"},
		{"bare en falls through", site("https://example.com/", "en"), "", "US"},
		{"lang with script and region", site("https://example.com/", "zh-Hant-TW"), "", "TW"},
		{"lang with a non-country region", site("https://example.com/", "es-419"), "", "US"},
		{"garbage lang", site("https://example.com/", "!!"), "", "US"},
		{"crawler's Lang field", &crawler.Site{Home: "https://example.com/", Pages: []*crawler.Page{{URL: "https://example.com/", Lang: "tr-TR"}}}, "", "TR"},
		{"start URL when Home is empty", &crawler.Site{URL: "https://example.vn/"}, "", "VN"},
		{"no site", nil, "", "US"},
		{"empty site", &crawler.Site{}, "", "US"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := Region(c.site, c.override); got != c.want {
				t.Errorf("Region(%q) = %q, want %q", c.override, got, c.want)
			}
		})
	}
}

func TestProbeUsesDetectedRegion(t *testing.T) {
	home := crawler.NewPage("https://example.com.tr/", `<html lang="tr"><body><p>Çağrı Merkezi: 444 0 444</p></body></html>`)
	f := Probe(&crawler.Site{URL: home.URL, Home: home.URL, Pages: []*crawler.Page{home}}, Input{})
	if f.Region != "TR" || len(f.Numbers) != 1 || f.Numbers[0].E164 != "+904440444" {
		t.Errorf("Probe without a region = %+v, want +904440444 read in TR", f)
	}
}

func TestRegionFromTheSitesOwnAddresses(t *testing.T) {
	cases := []struct{ name, html, want string }{
		{"canonical", `<html lang="en"><head><link rel="canonical" href="https://www.shop.co.uk/"></head><body></body></html>`, "GB"},
		{"og:url", `<html><head><meta property="og:url" content="https://magaza.com.tr/"></head><body></body></html>`, "TR"},
		{"lang beats mail", `<html lang="vi"><body><a href="mailto:a@shop.co.uk">m</a></body></html>`, "VN"},
		{"mail when lang is bare", `<html lang="en"><body><a href="mailto:orders@books.co.uk">m</a> <a href="mailto:events@books.co.uk">e</a></body></html>`, "GB"},
		{"generic mail", `<html lang="en"><body><a href="mailto:a@shop.com">m</a></body></html>`, "US"},
	}
	for _, c := range cases {
		home := crawler.NewPage("http://127.0.0.1:8080/", c.html)
		home.Source = "start"
		site := &crawler.Site{URL: home.URL, Home: home.URL, Pages: []*crawler.Page{home}}
		if got := Region(site, ""); got != c.want {
			t.Errorf("%s: Region = %s, want %s", c.name, got, c.want)
		}
	}
}
