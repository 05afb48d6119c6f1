package crawler

import (
	"net/url"
	"strings"
	"sync"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
)

// Site is what one crawl of a company website gathered. It is a plain value:
// saved as JSON it can be probed and scored again without the network.
type Site struct {
	// URL is the address the crawl was asked to start from.
	URL string `json:"url"`
	// Home is the final address of the home page, after redirects.
	Home string `json:"home"`
	// Pages holds every HTML page fetched, the home page first.
	Pages []*Page `json:"pages"`
	// Skipped lists addresses that were found but not fetched or not kept,
	// with the reason (robots.txt, not HTML, out of scope, error, ...).
	Skipped []Skip `json:"skipped,omitempty"`
	// UsedSitemap is true when sitemap.xml was read to find more pages.
	UsedSitemap bool `json:"used_sitemap,omitempty"`
	// RenderErrors lists pages that were to be rendered but could not be,
	// and why; each kept its static HTML.
	RenderErrors []Skip `json:"render_errors,omitempty"`
}

// Skip records an address the crawl did not keep, and why.
type Skip struct {
	URL    string `json:"url"`
	Reason string `json:"reason"`
}

// Page is one fetched HTML page.
type Page struct {
	// URL is the page's final address after redirects, without fragment.
	URL string `json:"url"`
	// Status is the HTTP status code of the final response.
	Status int `json:"status"`
	// Depth is the number of links followed from the home page (0 for home).
	Depth int `json:"depth"`
	// Title is the text of the page's <title>.
	Title string `json:"title,omitempty"`
	// Lang is the <html lang> attribute, as written.
	Lang string `json:"lang,omitempty"`
	// Anchors holds the texts, titles and aria-labels of the links that led
	// to this page (at most a few), which say what the site calls it.
	Anchors []string `json:"anchors,omitempty"`
	// Source says how the page was found: "start", "link" or "sitemap".
	Source string `json:"source"`
	// Rendered is true when HTML is the DOM after JavaScript ran.
	Rendered bool `json:"rendered,omitempty"`
	// Globals names the JavaScript globals defined on window after the page
	// ran, when it was rendered (chat vendors' objects show here).
	Globals []string `json:"globals,omitempty"`
	// Fold maps a viewport name ("desktop": 1366×768, "mobile": 390×844)
	// to the text a visitor sees in the first screen without scrolling or
	// interacting, a line a block, when the page was rendered. Nil for a
	// page that was not rendered: then nothing is known about the fold.
	Fold map[string]string `json:"fold,omitempty"`
	// Requests lists the URLs the rendered page tried to load, blocked
	// third-party requests included.
	Requests []string `json:"requests,omitempty"`
	// Screenshot is a PNG of the rendered page's first screen at desktop
	// size, when Options.ScreenshotPage asked for one. It is not saved
	// with the site.
	Screenshot []byte `json:"-"`
	// HTML is the document decoded to UTF-8 and normalised to NFC: the
	// DOM after scripts ran when Rendered is true.
	HTML string `json:"html"`

	once sync.Once
	doc  *goquery.Document
	base *url.URL
	text []TextBlock
	tone sync.Once

	memoMu sync.Mutex
	memo   map[string]any
}

// Memo returns the value f computes for key, computing it once per page:
// a probe's reading of a page (its kind scores, its links) is then shared
// by every caller, and lives and dies with the page. Callers must treat the
// value as read-only.
func (p *Page) Memo(key string, f func() any) any {
	p.memoMu.Lock()
	if v, ok := p.memo[key]; ok {
		p.memoMu.Unlock()
		return v
	}
	p.memoMu.Unlock()
	v := f()
	p.memoMu.Lock()
	defer p.memoMu.Unlock()
	if old, ok := p.memo[key]; ok {
		return old
	}
	if p.memo == nil {
		p.memo = map[string]any{}
	}
	p.memo[key] = v
	return v
}

// Doc returns the page's parsed document. It is parsed once, on first use,
// and shared by every caller: callers must not modify it.
func (p *Page) Doc() *goquery.Document {
	p.once.Do(func() {
		if p.doc == nil {
			d, err := goquery.NewDocumentFromReader(strings.NewReader(p.HTML))
			if err != nil {
				// The parser refuses documents nested more than 512 deep:
				// such a page reads as empty rather than breaking probes.
				d = goquery.NewDocumentFromNode(&html.Node{Type: html.DocumentNode})
			}
			p.doc = d
		}
		p.base, _ = url.Parse(p.URL)
		if href, ok := p.doc.Find("base[href]").First().Attr("href"); ok && p.base != nil {
			if b, err := p.base.Parse(strings.TrimSpace(href)); err == nil {
				p.base = b
			}
		}
	})
	return p.doc
}

// Resolve turns an href found on the page into an absolute URL, honouring
// <base href>. It returns nil for hrefs that cannot be parsed.
func (p *Page) Resolve(href string) *url.URL {
	p.Doc()
	if p.base == nil {
		return nil
	}
	u, err := p.base.Parse(strings.TrimSpace(href))
	if err != nil {
		return nil
	}
	return u
}

// HomePage returns the home page, or nil when the crawl kept no page.
func (s *Site) HomePage() *Page {
	if len(s.Pages) == 0 {
		return nil
	}
	return s.Pages[0]
}

// Page returns the kept page whose address is u (fragment ignored), or nil.
func (s *Site) Page(u string) *Page {
	u = stripFragment(u)
	for _, p := range s.Pages {
		if p.URL == u {
			return p
		}
	}
	return nil
}

// NewPage makes a page from already-decoded HTML; tests and fetchers use it.
func NewPage(pageURL, html string) *Page {
	return &Page{URL: stripFragment(pageURL), Status: 200, HTML: html, Source: "link"}
}

func stripFragment(u string) string {
	if i := strings.IndexByte(u, '#'); i >= 0 {
		return u[:i]
	}
	return u
}
