package audit

import (
	"context"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/shopper-audit/shopper/crawler"
)

func TestRenderPicker(t *testing.T) {
	home := crawler.NewPage("https://shop.example/", "<title>Shop</title><p>Bikes</p>")
	home.Source, home.Depth = "start", 0
	contact := crawler.NewPage("https://shop.example/contact-us", "<title>Contact us</title><h1>Contact us</h1>")
	faq := crawler.NewPage("https://shop.example/help/faq", "<title>FAQ</title><h1>Frequently asked questions</h1>")
	app := crawler.NewPage("https://shop.example/p/42", `<title>Bike</title><div id="root"></div><script src="/app.js"></script>`)
	gtm := crawler.NewPage("https://shop.example/p/43", `<title>Bike</title><p>A bike.</p><script>(function(w,d,s){var j=d.createElement(s);j.src='https://www.googletagmanager.com/gtm.js?id=GTM-1';})(window,document,'script');</script>`)
	plain := crawler.NewPage("https://shop.example/p/44", `<title>Bike</title><p>A bike.</p>`)
	cases := []struct {
		mode RenderMode
		want map[*crawler.Page]bool
	}{
		{RenderAuto, map[*crawler.Page]bool{home: true, contact: true, faq: true, app: true, gtm: true, plain: false}},
		{"", map[*crawler.Page]bool{home: true, plain: false}},
		{RenderAlways, map[*crawler.Page]bool{home: true, plain: true}},
	}
	for _, c := range cases {
		pick := renderPicker(c.mode)
		for p, want := range c.want {
			if got := pick(p); got != want {
				t.Errorf("render %q: %s picked %v, want %v", c.mode, p.URL, got, want)
			}
		}
	}
	if renderPicker(RenderNever) != nil {
		t.Errorf("render never picks pages")
	}
}

// fakeRenderer adds a chat loader's script and a screenshot to each page.
type fakeRenderer struct {
	mu    sync.Mutex
	calls []string
}

func (f *fakeRenderer) Render(_ context.Context, u string, shot bool) (*crawler.Rendered, error) {
	f.mu.Lock()
	f.calls = append(f.calls, u)
	f.mu.Unlock()
	html := `<html lang="tr"><head><title>Sayfa</title><script src="https://embed.tawk.to/5f/default"></script></head><body><h1>Bize Ulaşın</h1></body></html>`
	r := &crawler.Rendered{HTML: html, Globals: []string{"Tawk_API"}, Fold: map[string]string{"desktop": "Bize Ulaşın"}}
	if shot {
		r.Screenshot = []byte("\x89PNG " + u)
	}
	return r, nil
}

func TestRunRenders(t *testing.T) {
	u := serve(t)
	f := &fakeRenderer{}
	saved := map[string]string{}
	var mu sync.Mutex
	r, err := Run(context.Background(), u, Options{
		Crawl:    crawler.Options{AllowPrivate: true},
		Renderer: f,
		SaveScreenshot: func(kind, pageURL string, png []byte) (string, error) {
			mu.Lock()
			defer mu.Unlock()
			saved[kind] = string(png)
			return "/shots/" + kind + ".png", nil
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	if !r.Chat.Present || !slices.Contains(r.Chat.Vendors, "tawkto") {
		t.Errorf("chat = %+v, want tawk.to from the rendered pages", r.Chat)
	}
	if r.PagesRendered != len(f.calls) || r.PagesRendered < 3 {
		t.Errorf("pages_rendered = %d, renders %v; want home, contact and FAQ at least", r.PagesRendered, f.calls)
	}
	if r.Screenshots["home"] != "/shots/home.png" || !strings.HasSuffix(saved["home"], u+"/") {
		t.Errorf("screenshots = %v, saved %v", r.Screenshots, saved)
	}
	if r.ContactPage != nil && !strings.HasSuffix(saved["contact"], *r.ContactPage) {
		t.Errorf("contact screenshot %q is not of the contact page %s", saved["contact"], *r.ContactPage)
	}

	r, err = Run(context.Background(), u, Options{Crawl: crawler.Options{AllowPrivate: true}, Renderer: f, Render: RenderNever})
	if err != nil {
		t.Fatal(err)
	}
	if r.PagesRendered != 0 || slices.Contains(r.Chat.Vendors, "tawkto") {
		t.Errorf("render never: %d pages rendered, chat vendors %v", r.PagesRendered, r.Chat.Vendors)
	}
}
