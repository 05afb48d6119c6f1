package audit

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/shopper-audit/shopper/crawler"
	"github.com/shopper-audit/shopper/crawler/browser"
	"github.com/shopper-audit/shopper/internal/fixture"
)

// gtmSnippet is Google Tag Manager's snippet, with a page-specific
// dataLayer entry as shops write it.
const gtmSnippet = `<script>window.dataLayer=window.dataLayer||[];dataLayer.push({pageType:'%s'});
(function(w,d,s,l,i){w[l]=w[l]||[];w[l].push({'gtm.start':new Date().getTime(),event:'gtm.js'});var f=d.getElementsByTagName(s)[0],
j=d.createElement(s),dl=l!='dataLayer'?'&l='+l:'';j.async=true;j.src='https://www.googletagmanager.com/gtm.js?id='+i+dl;f.parentNode.insertBefore(j,f);
})(window,document,'script','dataLayer','%s');</script>`

// gtmSite is a shop with the same tag manager on every page: a home page,
// contact and FAQ pages, ten product pages, one product page with a
// second container of its own and one built by a client-side app.
func gtmSite() map[string]string {
	pg := func(title, kind, container, body string) string {
		return `<!doctype html><html lang="en"><head><title>` + title + `</title>` + fmt.Sprintf(gtmSnippet, kind, container) +
			`</head><body><header><a href="/">Acme</a> <a href="/contact">Contact us</a> <a href="/faq">FAQ</a></header>` + body + `</body></html>`
	}
	var links strings.Builder
	pages := map[string]string{}
	for i := range 10 {
		fmt.Fprintf(&links, `<li><a href="/bikes/%d">Bike %d</a></li>`, i, i)
		pages[fmt.Sprintf("/bikes/%d", i)] = pg(fmt.Sprintf("Bike %d", i), "product", "GTM-AC1E", fmt.Sprintf("<h1>Bike %d</h1><p>A sturdy bike with %d gears.</p>", i, i+3))
	}
	links.WriteString(`<li><a href="/bikes/promo">Promo</a></li><li><a href="/bikes/app">Configurator</a></li>`)
	pages["/"] = pg("Acme bikes", "home", "GTM-AC1E", "<h1>Acme bikes</h1><ul>"+links.String()+"</ul>")
	pages["/contact"] = pg("Contact us", "contact", "GTM-AC1E", "<h1>Contact us</h1><p>Call 1-800-555-0199.</p>")
	pages["/faq"] = pg("FAQ", "faq", "GTM-AC1E", "<h1>Frequently asked questions</h1><h2>How do I return a bike?</h2><p>Use the form.</p>")
	pages["/bikes/promo"] = strings.Replace(pg("Promo", "product", "GTM-AC1E", "<h1>Spring promo</h1>"), "</head>", fmt.Sprintf(gtmSnippet, "promo", "GTM-PR0M0")+"</head>", 1)
	pages["/bikes/app"] = pg("Configurator", "product", "GTM-AC1E", `<div id="root"></div><script>document.getElementById('root').textContent = 'Build your bike';</script>`)
	return pages
}

// TestAutoRendersASiteWideTagManagerOnce audits a shop whose every page
// carries the same Google Tag Manager container, in a real browser: auto
// renders the home, contact and FAQ pages, the page with a container of
// its own and the client-side app, not the ten product pages whose only
// script is the container already rendered.
func TestAutoRendersASiteWideTagManagerOnce(t *testing.T) {
	if _, err := browser.Find(); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("CI needs a browser for the render tests: %v (scripts/test.sh installs chromium)", err)
		}
		t.Skipf("no browser: %v", err)
	}
	b, err := browser.New(context.Background(), browser.Options{Tabs: 2, RenderTimeout: 5 * time.Second, LoopbackOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	u := fixture.Serve(t, gtmSite()).URL
	rec := &recorder{r: BrowserRenderer(b)}
	r, err := Run(context.Background(), u, Options{
		Crawl:    crawler.Options{AllowPrivate: true, IgnoreRobots: true, MaxPages: 40},
		Renderer: rec,
	})
	if err != nil {
		t.Fatal(err)
	}
	var rendered []string
	for _, p := range rec.urls {
		rendered = append(rendered, strings.TrimPrefix(p, u))
	}
	slices.Sort(rendered)
	want := []string{"/", "/bikes/app", "/bikes/promo", "/contact", "/faq"}
	if r.PagesCrawled < 10 || r.PagesRendered != len(want) || !slices.Equal(rendered, want) {
		t.Errorf("crawled %d, pages_rendered %d: %v; want product pages crawled, %v rendered", r.PagesCrawled, r.PagesRendered, rendered, want)
	}
	if len(r.RenderErrors) != 0 {
		t.Errorf("render errors: %v", r.RenderErrors)
	}
}

// recorder notes the pages a renderer renders.
type recorder struct {
	r    crawler.Renderer
	mu   sync.Mutex
	urls []string
}

func (rec *recorder) Render(ctx context.Context, pageURL string, shot bool) (*crawler.Rendered, error) {
	rec.mu.Lock()
	rec.urls = append(rec.urls, pageURL)
	rec.mu.Unlock()
	return rec.r.Render(ctx, pageURL, shot)
}
