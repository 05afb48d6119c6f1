package crawler

import (
	"context"
	"regexp"
	"slices"
	"strings"
	"sync"

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

// dataMarks are the inline data that client-side apps render their
// content from (Next.js, Nuxt, Redux, Apollo, Remix).
var dataMarks = []string{
	"__next_data__", "self.__next_f", "__nuxt__", "__nuxt_data__", "__initial_state__", "__preloaded_state__",
	"__apollo_state__", "__remixcontext", "__sveltekit",
}

// tagIDs match the container and measurement ids of tag managers: one
// container loads the same tags on every page it is on.
var tagIDs = regexp.MustCompile(`\b(?:GTM-[A-Z0-9]+|G-[A-Z0-9]{6,}|AW-[0-9]{6,}|UA-[0-9]{4,}-[0-9]+|DC-[0-9]{6,})\b`)

// Scripts is what a page's static HTML shows of the scripts that build it
// or add to it after it loads.
type Scripts struct {
	// Builds is true when scripts build the page's own content: an app's
	// empty mount point (#root, #app, #__next, …) in a body with little
	// text, a <noscript> asking for JavaScript in such a body, the inline
	// data client-side apps render from (__NEXT_DATA__, __NUXT__,
	// __INITIAL_STATE__, …), or inline code that fetches content and
	// writes it into the page.
	Builds bool
	// Loaders name the tag managers and loader scripts the page carries
	// (Google Tag Manager, Segment, Tealium, Adobe Launch, inline code that
	// creates <script> elements), each once, by what it loads: a script's
	// address; an inline loader's container ids (GTM-…, G-…), or its text
	// when it names none. A site-wide snippet has the same name on every
	// page. A <noscript> asking for JavaScript in a page with plenty of
	// text is named by its text too: a theme's site-wide notice.
	Loaders []string
	// Own are the addresses, without query, of the page's scripts from
	// its own site.
	Own []string
}

// ReadScripts reads the signs of scripts at work in a page's static HTML.
func ReadScripts(p *Page) Scripts {
	var sc Scripts
	doc := p.Doc()
	body := doc.Find("body")
	little := len(strings.TrimSpace(p.VisibleText())) < 400
	if little && body.Find(rootSelectors).Length() > 0 {
		sc.Builds = true
	}
	seen := map[string]bool{}
	loader := func(name string) {
		if !seen[name] {
			seen[name] = true
			sc.Loaders = append(sc.Loaders, name)
		}
	}
	doc.Find("noscript").Each(func(_ int, s *goquery.Selection) {
		text := strings.ToLower(strings.Join(strings.Fields(s.Text()), " "))
		switch {
		case !strings.Contains(text, "javascript"):
		case little:
			sc.Builds = true
		default:
			loader("noscript:" + text)
		}
	})
	doc.Find("script").Each(func(_ int, s *goquery.Selection) {
		typ, _ := s.Attr("type")
		if t := strings.ToLower(strings.TrimSpace(typ)); strings.Contains(t, "ld+json") {
			return
		}
		if id, _ := s.Attr("id"); id == "__NEXT_DATA__" || id == "__NUXT_DATA__" {
			sc.Builds = true
			return
		}
		src, _ := s.Attr("src")
		raw := s.Text()
		code := strings.ToLower(strings.ReplaceAll(raw, " ", ""))
		if src != "" {
			u := p.Resolve(src)
			if hasAny(strings.ToLower(src), loaderMarks) {
				if u != nil {
					src = u.String()
				}
				loader("src:" + src)
			} else if base := p.Resolve(""); u != nil && base != nil && siteOf(u) == siteOf(base) {
				own := *u
				own.RawQuery, own.Fragment = "", ""
				if a := own.String(); !slices.Contains(sc.Own, a) {
					sc.Own = append(sc.Own, a)
				}
			}
			return
		}
		if hasAny(code, dataMarks) {
			sc.Builds = true
		}
		if (strings.Contains(code, "fetch(") || strings.Contains(code, "xmlhttprequest") || strings.Contains(code, "$.ajax") || strings.Contains(code, "$.get(")) &&
			hasAny(code, []string{"innerhtml", "insertadjacenthtml", "appendchild", "textcontent", ".html(", ".append("}) {
			sc.Builds = true
		}
		if hasAny(code, loaderMarks) {
			if ids := tagIDs.FindAllString(raw, -1); len(ids) > 0 {
				slices.Sort(ids)
				loader("tag:" + strings.Join(slices.Compact(ids), ","))
			} else {
				loader("inline:" + strings.Join(strings.Fields(raw), " "))
			}
		}
	})
	return sc
}

func hasAny(s string, marks []string) bool {
	for _, m := range marks {
		if strings.Contains(s, m) {
			return true
		}
	}
	return false
}

// LoaderSet remembers the loaders (Scripts.Loaders) of the pages a crawl
// renders, so that a site-wide tag manager already seen rendered on the
// home page does not get every other page rendered too, and the home
// page's own scripts, so that a page running a script of its own can be.
// It is safe for concurrent use; the zero value is empty.
type LoaderSet struct {
	mu   sync.Mutex
	seen map[string]bool
	home map[string]bool // the home page's own scripts
	own  map[string]int  // pages picked for each other own script
}

// ownCap bounds the pages picked for running one same-site script the
// home page does not run: a script of a page type (a FAQ category's, a
// product page's) builds pages of one kind, which a few samples show
// without rendering a whole catalogue.
const ownCap = 10

// Pick reports whether a page whose scripts read sc is to be rendered,
// given whether it was picked for another reason (the home page is picked
// first, and isHome says which it is): when picked, when its scripts build
// its content, when it carries a loader no page picked before carried, or
// when it runs a script of its own site that the home page does not run
// (up to ownCap pages a script). The loaders of a page picked are
// remembered.
func (l *LoaderSet) Pick(sc Scripts, picked, isHome bool) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	if isHome {
		if l.home == nil {
			l.home = map[string]bool{}
		}
		for _, a := range sc.Own {
			l.home[a] = true
		}
	}
	picked = picked || sc.Builds
	for _, name := range sc.Loaders {
		picked = picked || !l.seen[name]
	}
	for _, a := range sc.Own {
		if !l.home[a] && l.own[a] < ownCap {
			picked = true
		}
	}
	if picked {
		for _, a := range sc.Own {
			if !l.home[a] {
				if l.own == nil {
					l.own = map[string]int{}
				}
				l.own[a]++
			}
		}
	}
	if picked && len(sc.Loaders) > 0 {
		if l.seen == nil {
			l.seen = map[string]bool{}
		}
		for _, name := range sc.Loaders {
			l.seen[name] = true
		}
	}
	return picked
}

// ScriptBuilt reports whether a page's static HTML shows that scripts build
// it or add to it after it loads, so that only a browser sees the page a
// customer sees: ReadScripts finds it Builds, or finds a loader.
func ScriptBuilt(p *Page) bool {
	sc := ReadScripts(p)
	return sc.Builds || len(sc.Loaders) > 0
}
