package chat

import (
	"slices"
	"testing"

	"github.com/shopper-audit/shopper/crawler"
)

const testURL = "https://www.acme-shop.example/"

// page wraps body in a plausible page of a company site.
func page(body string) string {
	return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Acme Shop</title>
<link rel="stylesheet" href="/css/site.css"></head><body>
<header><nav><a href="/">Home</a> <a href="/products">Products</a> <a href="/contact">Contact</a></nav></header>
<main><h1>Welcome</h1><p>Quality goods since 1999.</p></main>
` + body + `
<footer><p>© Acme Shop</p><a href="/privacy">Privacy</a></footer>
</body></html>`
}

func siteOf(pages ...*crawler.Page) *crawler.Site {
	return &crawler.Site{URL: testURL, Home: testURL, Pages: pages}
}

func probeHTML(body string) Finding {
	return Probe(siteOf(crawler.NewPage(testURL, page(body))))
}

func signals(f Finding, vendor string) []string {
	var out []string
	for _, e := range f.Evidence {
		if e.Vendor == vendor && !slices.Contains(out, e.Signal) {
			out = append(out, e.Signal)
		}
	}
	return out
}

func TestInstallSnippets(t *testing.T) {
	seen := map[string]bool{}
	for _, tc := range installSnippets {
		seen[tc.vendor] = true
		f := probeHTML(tc.html)
		if !f.Present || !slices.Equal(f.Vendors, []string{tc.vendor}) {
			t.Errorf("%s snippet: Vendors = %v (present %v), want [%s]\nevidence: %+v", tc.vendor, f.Vendors, f.Present, tc.vendor, f.Evidence)
			continue
		}
		got := signals(f, tc.vendor)
		for _, s := range tc.signals {
			if !slices.Contains(got, s) {
				t.Errorf("%s snippet: signals = %v, want %s among them\nevidence: %+v", tc.vendor, got, s, f.Evidence)
			}
		}
	}
	for _, v := range vendors {
		if v.ID == "messenger" || v.ID == "zalo" || v.ID == "whatsapp" {
			continue // click-to-chat: see TestLinks
		}
		if !seen[v.ID] {
			t.Errorf("vendor %s has no install snippet test", v.ID)
		}
	}
}
