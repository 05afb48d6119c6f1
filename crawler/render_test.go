package crawler

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// fakeRenderer stands in for a browser: it returns the static page with a
// script's additions, as a fixed function of the URL.
type fakeRenderer struct {
	mu    sync.Mutex
	calls []string
	shots []string
	add   map[string]string // path → HTML the "scripts" append to <body>
	fail  map[string]bool
	delay map[string]time.Duration // path → how long its render takes
	base  string
	pages map[string]string
}

func (f *fakeRenderer) Render(_ context.Context, u string, shot bool) (*Rendered, error) {
	path := strings.TrimPrefix(u, f.base)
	time.Sleep(f.delay[path])
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls = append(f.calls, path)
	if shot {
		f.shots = append(f.shots, path)
	}
	if f.fail[path] {
		return nil, errors.New("the page did not finish rendering in time (10s)")
	}
	html := strings.Replace(f.pages[path], "</body>", f.add[path]+"</body>", 1)
	r := &Rendered{HTML: html, Globals: []string{"Intercom"}, Fold: map[string]string{"desktop": "Call 1-800-555-0199"}, Requests: []string{"https://widget.intercom.io/widget/abc"}}
	if shot {
		r.Screenshot = []byte("\x89PNG")
	}
	return r, nil
}

func TestCrawlRendersPickedPages(t *testing.T) {
	pages := map[string]string{
		"/":          page(`<a href="/about">About</a><script>setTimeout(loadMenu, 100)</script>`),
		"/about":     page(`<h1>About</h1><a href="/contact">Contact</a>`),
		"/contact":   page(`<h1>Contact</h1>`),
		"/help/faq":  page(`<h1>FAQ</h1><div id="faq"></div>`),
		"/hidden":    page(`hidden`),
		"/slow-page": page(`slow`),
	}
	srv := site(t, pages)
	f := &fakeRenderer{base: srv.URL, pages: pages,
		add: map[string]string{
			// Only scripts link to the FAQ and to /slow-page.
			"/":         `<nav><a href="/help/faq">FAQ</a> <a href="/slow-page">Slow</a></nav>`,
			"/help/faq": `<details><summary>How do I return an item?</summary>Use the form.</details>`,
		},
		fail: map[string]bool{"/slow-page": true},
	}
	opts := testOpts()
	opts.Parallelism = 1
	opts.Renderer = f
	opts.RenderPage = func(p *Page) bool {
		return p.Source == "start" || strings.Contains(p.URL, "faq") || strings.Contains(p.URL, "slow")
	}
	opts.ScreenshotPage = func(p *Page) bool { return p.Source == "start" }
	s, err := Crawl(context.Background(), srv.URL, opts)
	if err != nil {
		t.Fatal(err)
	}
	if len(f.calls) == 0 || f.calls[0] != "/" {
		t.Fatalf("renders = %v, want the home page first", f.calls)
	}
	home := s.HomePage()
	if !home.Rendered || home.Fold["desktop"] == "" || len(home.Globals) == 0 || len(home.Requests) == 0 || string(home.Screenshot) != "\x89PNG" {
		t.Errorf("home page: rendered %v, fold %v, globals %v, requests %v, screenshot %q", home.Rendered, home.Fold, home.Globals, home.Requests, home.Screenshot)
	}
	faq := s.Page(srv.URL + "/help/faq")
	if faq == nil {
		t.Fatalf("pages = %v, want /help/faq, linked only from the rendered home page", paths(s))
	}
	if !faq.Rendered || faq.Doc().Find("details").Length() != 1 || !strings.Contains(faq.VisibleText(), "How do I return an item?") {
		t.Errorf("FAQ page not read from its rendered DOM: %s", faq.HTML)
	}
	if faq.Screenshot != nil {
		t.Errorf("FAQ page has a screenshot nobody asked for")
	}
	if about := s.Page(srv.URL + "/about"); about == nil || about.Rendered || about.Fold != nil {
		t.Errorf("/about: %+v, want it kept static", about)
	}
	if s.Page(srv.URL+"/contact") == nil {
		t.Errorf("static links of rendered pages are not followed: %v", paths(s))
	}
	slow := s.Page(srv.URL + "/slow-page")
	if slow == nil || slow.Rendered || !strings.Contains(slow.HTML, "slow") {
		t.Errorf("a page whose render failed is not kept static: %+v", slow)
	}
	if len(s.RenderErrors) != 1 || !strings.HasSuffix(s.RenderErrors[0].URL, "/slow-page") || !strings.Contains(s.RenderErrors[0].Reason, "render failed: ") {
		t.Errorf("RenderErrors = %v, want /slow-page's failure", s.RenderErrors)
	}
	for _, sk := range s.Skipped {
		if strings.Contains(sk.Reason, "render") {
			t.Errorf("render failure listed as skipped: %v", sk)
		}
	}
}

// A page being rendered is still in flight: the crawl must not end while
// the links it will queue are not known yet, even when every other worker
// finds the frontier empty.
func TestCrawlWaitsForPagesBeingRendered(t *testing.T) {
	pages := map[string]string{
		"/":             page(`<a href="/faq">FAQ</a> <a href="/a">A</a> <a href="/b">B</a> <a href="/c">C</a>`),
		"/a":            page(`a`),
		"/b":            page(`b`),
		"/c":            page(`c`),
		"/faq":          page(`<h1>FAQ</h1><a href="/faq/shipping">Shipping questions</a>`),
		"/faq/shipping": page(`<h1>Shipping</h1>`),
	}
	srv := site(t, pages)
	f := &fakeRenderer{base: srv.URL, pages: pages, delay: map[string]time.Duration{"/faq": 300 * time.Millisecond}}
	opts := testOpts()
	opts.Parallelism = 4
	opts.Renderer = f
	opts.RenderPage = func(p *Page) bool { return strings.HasSuffix(p.URL, "/faq") }
	s, err := Crawl(context.Background(), srv.URL, opts)
	if err != nil {
		t.Fatal(err)
	}
	if s.Page(srv.URL+"/faq/shipping") == nil {
		t.Fatalf("pages = %v: the crawl ended while /faq was rendering, and its link was lost", paths(s))
	}
}

func TestCrawlWithoutRenderPageRendersNothing(t *testing.T) {
	pages := map[string]string{"/": page(`<a href="/x">x</a>`), "/x": page("x")}
	srv := site(t, pages)
	f := &fakeRenderer{base: srv.URL, pages: pages}
	opts := testOpts()
	opts.Renderer = f
	s, err := Crawl(context.Background(), srv.URL, opts)
	if err != nil {
		t.Fatal(err)
	}
	if len(f.calls) != 0 || len(s.Pages) != 2 {
		t.Errorf("renders %v and %d pages, want no render and 2 pages", f.calls, len(s.Pages))
	}
}

func TestScriptBuilt(t *testing.T) {
	cases := []struct {
		name, body string
		want       bool
	}{
		{"plain page", `<h1>Contact</h1><p>Call 1-800-555-0199</p><script src="/js/app.js"></script>`, false},
		{"react root", `<div id="root"></div><script src="/static/js/main.js"></script>`, true},
		{"next.js", `<div id="__next"><div class="spinner"></div></div>`, true},
		{"vue app with content", `<div id="app">` + strings.Repeat("<p>Long server-rendered text about our shop.</p>", 20) + `</div>`, false},
		{"noscript", `<noscript>You need to enable JavaScript to run this app.</noscript><main>Hi</main>`, true},
		{"gtm noscript only", `<noscript><iframe src="https://www.googletagmanager.com/ns.html?id=GTM-1"></iframe></noscript><p>Hi</p>`, false},
		{"gtm snippet", `<script>(function(w,d,s,l,i){var j=d.createElement(s);j.src='https://www.googletagmanager.com/gtm.js?id='+i;})(window,document,'script','dataLayer','GTM-1');</script>`, true},
		{"segment", `<script src="https://cdn.segment.com/analytics.js/v1/KEY/analytics.min.js"></script>`, true},
		{"tealium", `<script src="//tags.tiqcdn.com/utag/acme/main/prod/utag.js"></script>`, true},
		{"async loader", `<script>(function(){var s = document.createElement( 'script' ); s.src='https://example.com/w.js'; document.head.appendChild(s);})();</script>`, true},
		{"json-ld only", `<script type="application/ld+json">{"@type":"Organization"}</script>`, false},
	}
	for _, c := range cases {
		p := NewPage("https://shop.example/", page(c.body))
		if got := ScriptBuilt(p); got != c.want {
			t.Errorf("%s: ScriptBuilt = %v, want %v", c.name, got, c.want)
		}
	}
}

func TestReadScripts(t *testing.T) {
	const gtm = `<script>dataLayer.push({page: '%s'});(function(w,d,s,l,i){var j=d.createElement(s);j.src='https://www.googletagmanager.com/gtm.js?id='+i;})(window,document,'script','dataLayer','GTM-AB12');</script>`
	long := strings.Repeat("<p>Long server-rendered text about our shop.</p>", 20)
	cases := []struct {
		name, body string
		builds     bool
		loaders    []string
	}{
		{"gtm on a product page", fmt.Sprintf(gtm, "product") + long, false, []string{"tag:GTM-AB12"}},
		{"gtm on a blog page", fmt.Sprintf(gtm, "blog") + long, false, []string{"tag:GTM-AB12"}},
		{"loader script", `<script src="//tags.tiqcdn.com/utag/acme/main/prod/utag.js?v=1"></script>` + long, false, []string{"src:https://tags.tiqcdn.com/utag/acme/main/prod/utag.js?v=1"}},
		{"next data", `<div id="__next">` + long + `</div><script id="__NEXT_DATA__" type="application/json">{"props":{}}</script>`, true, nil},
		{"nuxt state", long + `<script>window.__NUXT__={data:[{faq:[]}]}</script>`, true, nil},
		{"fetch-built", long + `<div id="faq"></div><script>fetch('/api/faq').then(r=>r.json()).then(d=>{document.getElementById('faq').innerHTML=d.html})</script>`, true, nil},
		{"site-wide noscript notice", `<noscript>Please enable JavaScript for the best experience.</noscript>` + long, false, []string{"noscript:please enable javascript for the best experience."}},
		{"noscript app", `<noscript>You need to enable JavaScript to run this app.</noscript><div id="root"></div>`, true, nil},
	}
	for _, c := range cases {
		sc := ReadScripts(NewPage("https://shop.example/p", page(c.body)))
		if sc.Builds != c.builds || !slices.Equal(sc.Loaders, c.loaders) {
			t.Errorf("%s: ReadScripts = %+v, want builds %v, loaders %q", c.name, sc, c.builds, c.loaders)
		}
	}
}

func TestLoaderSetPick(t *testing.T) {
	const gtm = `<script>(function(w,d,s,l,i){var j=d.createElement(s);j.src='https://www.googletagmanager.com/gtm.js?id='+i;})(window,document,'script','dataLayer','GTM-AB12');</script>`
	read := func(body string) Scripts { return ReadScripts(NewPage("https://shop.example/x", page(body))) }
	var l LoaderSet
	if !l.Pick(read(gtm+`<script src="/js/app.js?v=3"></script>`), true, true) {
		t.Fatal("home page not picked")
	}
	cases := []struct {
		name, body string
		want       bool
	}{
		{"site-wide loader and bundle", gtm + `<script src="/js/app.js?v=3"></script>`, false},
		{"another container", `<script>(function(){var j=document.createElement('script');j.src='https://www.googletagmanager.com/gtm.js?id=GTM-ZZ99';})();</script>`, true},
		{"a script of its own", gtm + `<script src="/js/sss.js"></script>`, true},
		{"third-party script", `<script src="https://cdn.example.net/lib.js"></script>`, false},
	}
	for _, c := range cases {
		if got := l.Pick(read(c.body), false, false); got != c.want {
			t.Errorf("%s: Pick = %v, want %v", c.name, got, c.want)
		}
	}
	for i := 2; i <= ownCap; i++ {
		if !l.Pick(read(`<script src="/js/sss.js"></script>`), false, false) {
			t.Fatalf("page %d running /js/sss.js not picked", i)
		}
	}
	if l.Pick(read(`<script src="/js/sss.js"></script>`), false, false) {
		t.Errorf("more than %d pages picked for one script", ownCap)
	}
}
