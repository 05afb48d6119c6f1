package channels

import (
	"github.com/shopper-audit/shopper/crawler"
	"github.com/shopper-audit/shopper/probes/pagekind"
)

// home makes a site's home page as a crawl would: depth 0, found at the
// start.
func home(u, body string) *crawler.Page {
	p := crawler.NewPage(u, doc(body))
	p.Depth, p.Source = 0, "start"
	return p
}

// sub makes a page one link from home, reached through links with the
// given texts.
func sub(u, title, body string, anchors ...string) *crawler.Page {
	p := crawler.NewPage(u, "<html><head><title>"+title+"</title></head><body>"+body+"</body></html>")
	p.Title, p.Depth, p.Source, p.Anchors = title, 1, "link", anchors
	return p
}

func doc(body string) string {
	return "<html><head><title>Home</title></head><body>" + body + "</body></html>"
}

// siteOf makes a site of pages, the first the home page.
func siteOf(pages ...*crawler.Page) *crawler.Site {
	return &crawler.Site{URL: pages[0].URL, Home: pages[0].URL, Pages: pages}
}

// probe runs Probe with pagekind's own page finding.
func probe(pages ...*crawler.Page) Finding {
	s := siteOf(pages...)
	return Probe(s, pagekind.Find(s))
}

func str(p *string) string {
	if p == nil {
		return "<nil>"
	}
	return *p
}
