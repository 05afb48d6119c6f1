package phone

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/shopper-audit/shopper/crawler"
	"github.com/shopper-audit/shopper/crawler/browser"
	sitefixture "github.com/shopper-audit/shopper/internal/fixture"
)

// hiddenByStylesheet is a home and a contact page whose only phone number
// stands in parts the stylesheet hides: a menu that opens on hover and a
// collapsed accordion. The contact page's e-mail is visible.
var hiddenByStylesheet = map[string]string{
	"/": `<!doctype html><html lang="en"><head><title>Acme</title><style>
.menu-panel { display: none } .menu:hover .menu-panel { display: block }
</style></head><body>
<header><div class="menu"><a href="/contact">Contact</a><div class="menu-panel">Call us: <a href="tel:+18005550199">1-800-555-0199</a></div></div></header>
<h1>Acme bikes</h1></body></html>`,
	"/contact": `<!doctype html><html lang="en"><head><title>Contact us</title><style>
.answer { height: 0; overflow: hidden } .open .answer { height: auto }
</style></head><body><h1>Contact us</h1><p>Write to help@acme.test.</p>
<div class="faq-item"><button>Can I call you?</button><div class="answer"><p>Yes: 1-800-555-0199, 9 to 5.</p></div></div>
</body></html>`,
}

// TestStylesheetHiddenNumberIsNotProminent renders the pages in Chromium:
// the number is on both pages, but a visitor sees it on neither without
// opening something, so it is listed but neither visible nor prominent.
// Read statically, as before, it is both.
func TestStylesheetHiddenNumberIsNotProminent(t *testing.T) {
	if _, err := browser.Find(); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("CI needs a browser for the render tests: %v (scripts/test.sh installs chromium)", err)
		}
		t.Skipf("no browser: %v", err)
	}
	srv := sitefixture.Serve(t, hiddenByStylesheet)
	b, err := browser.New(context.Background(), browser.Options{Tabs: 1, RenderTimeout: 5 * time.Second, LoopbackOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()

	var rendered, static []*crawler.Page
	for _, path := range []string{"/", "/contact"} {
		u := srv.URL + path
		res, err := b.Render(context.Background(), u, browser.RenderOptions{Viewports: browser.Viewports})
		if err != nil {
			t.Fatal(err)
		}
		rp := crawler.NewPage(u, res.HTML)
		rp.Rendered, rp.Fold = true, res.Fold
		rendered = append(rendered, rp)
		static = append(static, crawler.NewPage(u, hiddenByStylesheet[path]))
	}

	f := Probe(siteOf(rendered...), Input{Region: "US", Contact: rendered[1]})
	if len(f.Numbers) != 1 {
		t.Fatalf("rendered: numbers = %+v, want the one number, listed though hidden", f.Numbers)
	}
	n := f.Numbers[0]
	if n.E164 != "+18005550199" || len(n.Pages) != 2 {
		t.Errorf("rendered: number %s on %v, want +18005550199 on both pages", n.E164, n.Pages)
	}
	if n.Visible || n.OnHome || n.OnContact || n.ClickToCall || n.InHeader || f.Prominent || f.TollFree {
		t.Errorf("rendered: %+v, prominent %v, toll free %v; want nothing visible: every sighting is hidden by the stylesheet", n, f.Prominent, f.TollFree)
	}
	if f.AboveFold == nil || f.AboveFold.Desktop || f.AboveFold.Mobile {
		t.Errorf("rendered: above fold %+v, want false at both sizes", f.AboveFold)
	}

	f = Probe(siteOf(static...), Input{Region: "US", Contact: static[1]})
	if len(f.Numbers) != 1 || !f.Numbers[0].Visible || !f.Prominent || f.AboveFold != nil {
		t.Errorf("static: %+v, want the number visible and prominent, nothing known of the fold", f)
	}
}

// TestConcealedSightingsAreListedNotVisible: the same rule on marked HTML,
// with a number that is also shown.
func TestConcealedSightingsAreListedNotVisible(t *testing.T) {
	home := page("https://example.test/", `<header><div data-shopper-hidden="1">Toll free 1-800-555-0199 <a href="tel:18005550199">call</a></div></header>
<footer>Office (212) 555-0123</footer>`)
	home.Rendered = true
	f := Probe(siteOf(home), Input{Region: "US"})
	got := map[string]Number{}
	for _, n := range f.Numbers {
		got[n.E164] = n
	}
	if n := got["+18005550199"]; n.E164 == "" || n.Visible || n.OnHome || n.ClickToCall || n.InHeader {
		t.Errorf("concealed number = %+v, want it listed, not visible", n)
	}
	if n := got["+12125550123"]; !n.Visible || !n.OnHome || !n.InFooter {
		t.Errorf("shown number = %+v, want it visible on the home page", n)
	}
	if !f.Prominent || f.TollFree {
		t.Errorf("prominent %v, toll free %v; want prominent (the office number), not toll free", f.Prominent, f.TollFree)
	}
}
