package crawler

import (
	"context"
	"strings"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/text/unicode/norm"
)

// Renderer loads a page in a browser, as a customer's browser shows it. The
// crawl loop is the same with or without one: a Renderer only replaces the
// HTML of the pages Options.RenderPage picks. Package crawler/browser
// provides one (adapted by the audit package).
type Renderer interface {
	// Render loads pageURL, waits for its scripts to settle and returns
	// what the browser shows; with screenshot, a PNG of the first screen
	// too. It must return within a bounded time.
	Render(ctx context.Context, pageURL string, screenshot bool) (*Rendered, error)
}

// Rendered is a page as a browser showed it.
type Rendered struct {
	// HTML is the document's outerHTML after scripts ran.
	HTML string
	// Globals are the window's own property names that scripts defined.
	Globals []string
	// Fold maps a viewport name to the visible text of its first screen.
	Fold map[string]string
	// Screenshot is a PNG of the first screen, when asked for.
	Screenshot []byte
	// Requests lists the URLs the page tried to load.
	Requests []string
}

// render renders a page kept statically and returns the rendered page, or
// nil when rendering failed (the failure is recorded in Site.RenderErrors).
// The rendered page is a new value: its parsed document and text caches
// start empty.
func (cr *crawl) render(p *Page) *Page {
	shot := cr.opts.ScreenshotPage != nil && cr.opts.ScreenshotPage(p)
	r, err := cr.opts.Renderer.Render(cr.ctx, p.URL, shot)
	if err == nil && r == nil {
		err = errNothingRendered
	}
	if err != nil {
		cr.renderError(p.URL, "render failed: "+err.Error())
		return nil
	}
	html := norm.NFC.String(strings.ToValidUTF8(r.HTML, "\uFFFD"))
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(html))
	if err != nil {
		cr.renderError(p.URL, "render failed: unreadable rendered HTML")
		return nil
	}
	rp := &Page{
		URL: p.URL, Status: p.Status, Depth: p.Depth, Source: p.Source, Anchors: p.Anchors,
		Rendered: true, Globals: r.Globals, Fold: r.Fold, Requests: r.Requests, Screenshot: r.Screenshot,
		HTML: html, doc: doc,
	}
	rp.Title = strings.Join(strings.Fields(doc.Find("title").First().Text()), " ")
	if rp.Title == "" {
		rp.Title = p.Title
	}
	rp.Lang, _ = doc.Find("html").First().Attr("lang")
	rp.Lang = strings.TrimSpace(rp.Lang)
	if rp.Lang == "" {
		rp.Lang = p.Lang
	}
	return rp
}

type renderErr string

func (e renderErr) Error() string { return string(e) }

const errNothingRendered = renderErr("the renderer returned no page")

func (cr *crawl) renderError(u, reason string) {
	cr.mu.Lock()
	cr.site.RenderErrors = append(cr.site.RenderErrors, Skip{URL: u, Reason: reason})
	cr.mu.Unlock()
}

// rootSelectors match the empty mount points of client-rendered apps.
const rootSelectors = "#root, #app, #__next, #__nuxt, #___gatsby, #svelte, [data-reactroot], [ng-app], [ng-version], app-root"

// loaderMarks are what tag managers and script loaders leave in a page's
// scripts: whatever they load arrives only when scripts run.
var loaderMarks = []string{
	"googletagmanager.com/gtm.js", "googletagmanager.com/gtag/js", "cdn.segment.com", "segment.com/analytics.js",
	"tags.tiqcdn.com", "utag.js", "assets.adobedtm.com",
	"createelement('script')", `createelement("script")`, "createelement(`script`)",
}

// ScriptBuilt reports whether a page's static HTML shows that scripts build
// it or add to it after it loads, so that only a browser sees the page a
// customer sees: an app's empty mount point (#root, #app, #__next, …) in a
// body with little text, a <noscript> asking for JavaScript, or a tag
// manager or loader script (Google Tag Manager, Segment, Tealium, Adobe
// Launch, inline code that creates <script> elements).
func ScriptBuilt(p *Page) bool {
	doc := p.Doc()
	body := doc.Find("body")
	if body.Find(rootSelectors).Length() > 0 && len(strings.TrimSpace(p.VisibleText())) < 400 {
		return true
	}
	built := false
	doc.Find("noscript").EachWithBreak(func(_ int, s *goquery.Selection) bool {
		if strings.Contains(strings.ToLower(s.Text()), "javascript") {
			built = true
		}
		return !built
	})
	if built {
		return true
	}
	doc.Find("script").EachWithBreak(func(_ int, s *goquery.Selection) bool {
		src, _ := s.Attr("src")
		text := strings.ToLower(src + " " + strings.ReplaceAll(s.Text(), " ", ""))
		for _, m := range loaderMarks {
			if strings.Contains(text, m) {
				built = true
				break
			}
		}
		return !built
	})
	return built
}
