// Package audit runs one customer-service audit of a website: it crawls
// the site once, runs every probe on the crawled pages, and scores the
// findings. Analyze is pure, so a saved Site can be audited again without
// the network; Run adds the crawl. Result is the public JSON contract of
// `shopper audit --json`: fields may be added, never renamed or dropped.
package audit

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"runtime/debug"
	"strings"
	"time"

	"github.com/shopper-audit/shopper/crawler"
	"github.com/shopper-audit/shopper/crawler/browser"
	"github.com/shopper-audit/shopper/probes/channels"
	"github.com/shopper-audit/shopper/probes/chat"
	"github.com/shopper-audit/shopper/probes/faq"
	"github.com/shopper-audit/shopper/probes/pagekind"
	"github.com/shopper-audit/shopper/probes/phone"
	"github.com/shopper-audit/shopper/scoring"
)

// Options configure an audit. The zero value crawls with the crawler's
// defaults and picks the region from the site.
type Options struct {
	// Crawl configures the crawler. Its Priority defaults to
	// pagekind.Priority: contact, FAQ, help and policy pages first.
	Crawl crawler.Options
	// Region overrides the ISO region used for national-format phone
	// numbers ("US", "VN", "TR", ...). Default: from the site.
	Region string
	// Renderer renders pages in a browser (see BrowserRenderer). Default
	// nil: the static crawl only, whatever Render says.
	Renderer crawler.Renderer
	// Render says which pages Renderer renders. Default RenderAuto.
	Render RenderMode
	// SaveScreenshot, when set, asks for screenshots of the home and
	// contact pages (rendered pages only) and is handed each PNG, with
	// kind "home" or "contact"; it returns where it kept it (a file path),
	// which Result.Screenshots reports. Default nil: no screenshots.
	SaveScreenshot func(kind, pageURL string, png []byte) (string, error)
	// Rubric scores the findings. Default nil: scoring.DefaultRubric().
	Rubric *scoring.Rubric
}

// RenderMode says which pages an audit renders in a browser.
type RenderMode string

// The render modes of `shopper audit --render`.
const (
	// RenderAuto renders the home page, pages that look like contact, FAQ
	// or help pages, and pages whose static HTML shows that scripts build
	// them or load more (crawler.ReadScripts); a page whose only such sign
	// is a tag manager or loader that a page already picked carries too
	// (the site-wide snippet) is not rendered again, while a page running
	// a same-site script the home page does not run is (crawler.LoaderSet).
	// The zero value means auto.
	RenderAuto RenderMode = "auto"
	// RenderAlways renders every page.
	RenderAlways RenderMode = "always"
	// RenderNever renders nothing: the static crawl.
	RenderNever RenderMode = "never"
)

// renderPicker returns the crawler's RenderPage function for a mode.
func renderPicker(m RenderMode) func(p *crawler.Page) bool {
	switch m {
	case RenderNever:
		return nil
	case RenderAlways:
		return func(*crawler.Page) bool { return true }
	}
	var loaders crawler.LoaderSet
	return func(p *crawler.Page) bool {
		s := pagekind.Scores(p)
		picked := p.Source == "start" || s[pagekind.Contact] >= 3 || s[pagekind.FAQ] >= 3 || s[pagekind.Help] >= 3
		// A page whose only sign of scripts is a loader a rendered page
		// carries too (a site-wide tag manager) shows nothing new.
		return loaders.Pick(crawler.ReadScripts(p), picked, p.Source == "start")
	}
}

// screenshotPicker picks the pages to take a screenshot of: the home page
// and the pages that may turn out to be the contact page.
func screenshotPicker(p *crawler.Page) bool {
	return p.Source == "start" || pagekind.Scores(p)[pagekind.Contact] >= 3
}

// BrowserRenderer adapts a browser to the crawler: each page is measured
// at the desktop and mobile viewports.
func BrowserRenderer(b *browser.Browser) crawler.Renderer { return browserRenderer{b} }

type browserRenderer struct{ b *browser.Browser }

func (r browserRenderer) Render(ctx context.Context, pageURL string, shot bool) (*crawler.Rendered, error) {
	res, err := r.b.Render(ctx, pageURL, browser.RenderOptions{Viewports: browser.Viewports, Screenshot: shot})
	if err != nil {
		// The crawler names the page; keep only why it failed.
		if inner := errors.Unwrap(err); inner != nil {
			err = inner
		}
		return nil, err
	}
	return &crawler.Rendered{HTML: res.HTML, Globals: res.Globals, Fold: res.Fold, Screenshot: res.Screenshot, Requests: res.Requests}, nil
}

// Result is everything one audit found, as `shopper audit --json` prints it.
type Result struct {
	URL  string `json:"url"`
	Home string `json:"home"`
	// Company names the company: the home page's og:site_name, else its
	// title without taglines, else the site's host.
	Company      string               `json:"company"`
	AuditedAt    *time.Time           `json:"audited_at,omitempty"`
	Seconds      float64              `json:"seconds,omitempty"`
	PagesCrawled int                  `json:"pages_crawled"`
	Region       string               `json:"region"`
	Language     string               `json:"language,omitempty"`
	ContactPage  *string              `json:"contact_page"`
	Phone        phone.Finding        `json:"phone"`
	FAQ          faq.Finding          `json:"faq"`
	Chat         chat.Finding         `json:"chat"`
	Email        channels.Email       `json:"email"`
	ContactForm  channels.ContactForm `json:"contact_form"`
	Policies     channels.Policies    `json:"policies"`
	Social       []string             `json:"social"`
	Score        scoring.Scorecard    `json:"score"`
	// ProbeErrors lists probes that failed on this site; their items are
	// scored as not measured.
	ProbeErrors []string `json:"probe_errors,omitempty"`
	// Pages lists the pages crawled, with what each was taken for.
	Pages []PageSummary `json:"pages"`
	// Skipped counts addresses found but not kept, by reason.
	Skipped map[string]int `json:"skipped,omitempty"`
	// PagesRendered counts the pages read from a browser's rendered DOM.
	PagesRendered int `json:"pages_rendered,omitempty"`
	// RenderErrors lists pages that could not be rendered, and why; they
	// were audited from their static HTML.
	RenderErrors []crawler.Skip `json:"render_errors,omitempty"`
	// Screenshots maps "home" and "contact" to where their screenshots
	// were saved, when asked for.
	Screenshots map[string]string `json:"screenshots,omitempty"`
	// Inquiries holds the measured outcomes of the test inquiries sent to
	// the company, when a campaign sent any; an audit alone sends none.
	Inquiries []scoring.Inquiry `json:"inquiries,omitempty"`
	// History lists the site's earlier audits kept in a store, oldest
	// first, for the reports' trend; the command fills it when a store is
	// in use. An audit alone has none.
	History []Point `json:"history,omitempty"`
	// Changes lists what changed since the baseline audit, as
	// `shopper audit --baseline` finds them (history.Diff); nil when no
	// baseline was compared.
	Changes []Change `json:"changes,omitempty"`
}

// Point is one earlier audit of a site in Result.History.
type Point struct {
	// At is when the audit was made.
	At time.Time `json:"at"`
	// Total and Grade are its score.
	Total int    `json:"total"`
	Grade string `json:"grade"`
}

// Change is one difference from the baseline in Result.Changes, in the
// shape of history.Change, which makes them.
type Change struct {
	// Kind is "removed", "added" or "changed".
	Kind string `json:"kind"`
	// Item names what changed, e.g. "phone.toll_free", "score".
	Item   string `json:"item"`
	Before string `json:"before"`
	After  string `json:"after"`
	// Regression is true when the change leaves customers worse off.
	Regression bool `json:"regression"`
	// Sentence says it in plain words.
	Sentence string `json:"sentence"`
}

// PageSummary is one crawled page in a result.
type PageSummary struct {
	URL   string   `json:"url"`
	Title string   `json:"title,omitempty"`
	Kinds []string `json:"kinds,omitempty"`
}

// Run crawls the site at siteURL and audits it. It fails only when the
// site cannot be crawled at all (a *crawler.HomeError).
func Run(ctx context.Context, siteURL string, opts Options) (*Result, error) {
	co := opts.Crawl
	if co.Priority == nil {
		co.Priority = pagekind.Priority
	}
	if opts.Renderer != nil && opts.Render != RenderNever {
		co.Renderer = opts.Renderer
		co.RenderPage = renderPicker(opts.Render)
		if opts.SaveScreenshot != nil {
			co.ScreenshotPage = screenshotPicker
		}
	}
	start := time.Now()
	site, err := crawler.Crawl(ctx, siteURL, co)
	if err != nil {
		return nil, err
	}
	r := analyze(site, opts.Region, opts.Rubric)
	if opts.SaveScreenshot != nil {
		saveScreenshots(r, site, opts.SaveScreenshot)
	}
	at := start.UTC().Truncate(time.Second)
	r.AuditedAt = &at
	r.Seconds = time.Since(start).Round(time.Millisecond).Seconds()
	return r, nil
}

// saveScreenshots hands the home and contact pages' screenshots to save. A
// screenshot that cannot be saved is reported as a render error.
func saveScreenshots(r *Result, site *crawler.Site, save func(kind, pageURL string, png []byte) (string, error)) {
	pages := map[string]*crawler.Page{"home": site.HomePage()}
	if r.ContactPage != nil {
		pages["contact"] = site.Page(*r.ContactPage)
	}
	for _, kind := range []string{"home", "contact"} {
		p := pages[kind]
		if p == nil || len(p.Screenshot) == 0 {
			continue
		}
		where, err := save(kind, p.URL, p.Screenshot)
		if err != nil {
			r.RenderErrors = append(r.RenderErrors, crawler.Skip{URL: p.URL, Reason: "screenshot not saved: " + err.Error()})
			continue
		}
		if r.Screenshots == nil {
			r.Screenshots = map[string]string{}
		}
		r.Screenshots[kind] = where
	}
}

// Analyze runs every probe on a crawled site and scores the findings. It
// does no I/O. A probe that panics is reported in ProbeErrors and its items
// are not measured; the rest of the audit stands.
func Analyze(site *crawler.Site, region string) *Result { return analyze(site, region, nil) }

func analyze(site *crawler.Site, region string, rubric *scoring.Rubric) *Result {
	r := &Result{URL: site.URL, Home: site.Home, PagesCrawled: len(site.Pages), Social: []string{}}
	if home := site.HomePage(); home != nil {
		r.Language = home.Lang
	}
	r.Company = companyName(site)
	var kinds pagekind.Pages
	run(r, "pagekind", func() { kinds = pagekind.Find(site) })
	if kinds == nil {
		kinds = pagekind.Pages{}
	}
	r.ContactPage = kinds.URL(pagekind.Contact)
	r.Region = "US"
	run(r, "region", func() { r.Region = phone.Region(site, region) })

	var f scoring.Findings
	f.ContactPage = r.ContactPage
	run(r, "phone", func() {
		p := phone.Probe(site, phone.Input{Region: r.Region, Contact: kinds[pagekind.Contact]})
		f.Phone, r.Phone = &p, p
	})
	run(r, "faq", func() {
		q := faq.Probe(site, faq.Input{FAQ: kinds[pagekind.FAQ], Help: kinds[pagekind.Help]})
		f.FAQ, r.FAQ = &q, q
	})
	run(r, "chat", func() {
		c := chat.Probe(site)
		f.Chat, r.Chat = &c, c
	})
	run(r, "channels", func() {
		c := channels.Probe(site, kinds)
		f.Channels = &c
		r.Email, r.ContactForm, r.Policies, r.Social = c.Email, c.ContactForm, c.Policies, c.Social
	})
	if r.Phone.Numbers == nil {
		r.Phone.Numbers = []phone.Number{}
	}
	if r.Chat.Vendors == nil {
		r.Chat.Vendors = []string{}
	}
	if r.Email.Addresses == nil {
		r.Email.Addresses = []string{}
	}
	if r.Social == nil {
		r.Social = []string{}
	}
	r.Score = score(rubric, f)

	for _, p := range site.Pages {
		ps := PageSummary{URL: p.URL, Title: p.Title}
		for _, k := range pagekind.Kinds {
			if kinds[k] == p {
				ps.Kinds = append(ps.Kinds, string(k))
			}
		}
		r.Pages = append(r.Pages, ps)
	}
	for _, p := range site.Pages {
		if p.Rendered {
			r.PagesRendered++
		}
	}
	r.RenderErrors = append(r.RenderErrors, site.RenderErrors...)
	if len(site.Skipped) > 0 {
		r.Skipped = map[string]int{}
		for _, s := range site.Skipped {
			r.Skipped[s.Reason]++
		}
	}
	return r
}

// Rescore scores the result again with rubric (nil: the default rubric),
// from its findings and inquiries, without the network. Probes that failed
// on the site stay not measured.
func (r *Result) Rescore(rubric *scoring.Rubric) {
	failed := map[string]bool{}
	for _, e := range r.ProbeErrors {
		name, _, _ := strings.Cut(e, ":")
		failed[name] = true
	}
	f := scoring.Findings{ContactPage: r.ContactPage, Inquiries: r.Inquiries}
	if !failed["phone"] {
		f.Phone = &r.Phone
	}
	if !failed["faq"] {
		f.FAQ = &r.FAQ
	}
	if !failed["chat"] {
		f.Chat = &r.Chat
	}
	if !failed["channels"] {
		f.Channels = &channels.Finding{Email: r.Email, ContactForm: r.ContactForm, Policies: r.Policies, Social: r.Social}
	}
	r.Score = score(rubric, f)
}

func score(rubric *scoring.Rubric, f scoring.Findings) scoring.Scorecard {
	if rubric == nil {
		return scoring.Score(f)
	}
	return rubric.Score(f)
}

// companyName names the company behind a site: the home page's
// og:site_name, else the first part of its title that is not a generic
// "Home" (taglines after " | ", " – ", " - " and the like dropped), else
// the host without "www.".
func companyName(site *crawler.Site) string {
	clean := func(s string) string { return strings.Join(strings.Fields(s), " ") }
	home := site.HomePage()
	if home != nil {
		if doc := home.Doc(); doc != nil {
			if n := clean(doc.Find(`meta[property="og:site_name"]`).First().AttrOr("content", "")); n != "" {
				return n
			}
		}
	}
	// Titles read "Page – Brand" or "Brand | Page": the brand is the part
	// most pages of the site share. On the home page alone, a part that
	// is not the tagline is guessed: the shorter of the first and last.
	count := map[string]int{}
	titled := 0
	for _, p := range site.Pages {
		parts := titleParts(pageTitle(p))
		if len(parts) == 0 {
			continue
		}
		titled++
		seen := map[string]bool{}
		for _, q := range parts {
			if !seen[q] {
				seen[q] = true
				count[q]++
			}
		}
	}
	var homeParts []string
	if home != nil {
		homeParts = titleParts(pageTitle(home))
	}
	best, bestN := "", 1
	for _, q := range homeParts {
		if n := count[q]; n > bestN {
			best, bestN = q, n
		}
	}
	if best != "" && 2*bestN >= titled {
		return best
	}
	switch len(homeParts) {
	case 0:
	case 1:
		return homeParts[0]
	default:
		first, last := homeParts[0], homeParts[len(homeParts)-1]
		if len([]rune(last)) < len([]rune(first)) {
			return last
		}
		return first
	}
	host := site.Home
	if u, err := url.Parse(site.URL); err == nil && u.Hostname() != "" {
		host = u.Hostname()
	}
	return strings.TrimPrefix(host, "www.")
}

// pageTitle is a page's title, read from its document when the crawl did
// not set it.
func pageTitle(p *crawler.Page) string {
	if p.Title != "" {
		return p.Title
	}
	if doc := p.Doc(); doc != nil {
		return doc.Find("title").First().Text()
	}
	return ""
}

// titleParts splits a page title at the separators sites put between the
// page's name, the brand and a tagline, leaving out words that only say
// "home page".
func titleParts(title string) []string {
	var out []string
	for _, p := range strings.FieldsFunc(title, func(r rune) bool { return strings.ContainsRune("|–—·•»:", r) }) {
		for _, q := range strings.Split(p, " - ") {
			q = strings.Join(strings.Fields(q), " ")
			switch strings.ToLower(q) {
			case "", "home", "home page", "homepage", "welcome", "trang chủ", "anasayfa", "ana sayfa", "startseite", "accueil", "inicio":
				continue
			}
			out = append(out, q)
		}
	}
	return out
}

// run calls a probe, turning a panic into a probe error so that one broken
// probe never sinks the audit.
func run(r *Result, name string, f func()) {
	defer func() {
		if v := recover(); v != nil {
			r.ProbeErrors = append(r.ProbeErrors, fmt.Sprintf("%s: %v", name, v))
			if debugProbes {
				r.ProbeErrors = append(r.ProbeErrors, string(debug.Stack()))
			}
		}
	}()
	f()
}

// debugProbes adds stack traces to probe errors; tests turn it on.
var debugProbes = false
