package crawler

import (
	"context"
	"errors"
	"fmt"
	"github.com/shopper-audit/shopper/internal/fixture"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"
)

// testOpts are quick crawl options for loopback fixture sites.
func testOpts() Options {
	return Options{AllowPrivate: true, RequestTimeout: 3 * time.Second, SiteTimeout: 20 * time.Second}
}

func page(body string) string {
	return "<!doctype html><html><head><title>t</title></head><body>" + body + "</body></html>"
}

// site serves a map of path → HTML (text/html; charset=utf-8).
func site(t *testing.T, pages map[string]string) *httptest.Server {
	t.Helper()
	return fixture.Serve(t, pages)
}

func paths(s *Site) []string {
	var out []string
	for _, p := range s.Pages {
		out = append(out, p.URL[strings.Index(p.URL[8:], "/")+8:])
	}
	return out
}

func TestCrawlFetchesPriorityLinksFirst(t *testing.T) {
	var links strings.Builder
	for i := range 30 {
		fmt.Fprintf(&links, `<a href="/product/%d">Product %d</a>`, i, i)
	}
	pages := map[string]string{
		"/":        page(links.String() + `<footer><a href="/lien-he">Liên hệ</a></footer>`),
		"/lien-he": page("<h1>Liên hệ</h1>"),
	}
	for i := range 30 {
		pages[fmt.Sprintf("/product/%d", i)] = page("product")
	}
	srv := site(t, pages)
	opts := testOpts()
	opts.MaxPages = 3
	opts.Parallelism = 1
	opts.Priority = func(l Link) int {
		if strings.Contains(l.Text, "Liên hệ") {
			return 100
		}
		return 0
	}
	s, err := Crawl(context.Background(), srv.URL, opts)
	if err != nil {
		t.Fatal(err)
	}
	got := paths(s)
	if len(got) != 3 || got[0] != "/" || got[1] != "/lien-he" {
		t.Fatalf("pages = %v, want / then /lien-he first", got)
	}
	if a := s.Pages[1].Anchors; len(a) == 0 || a[0] != "Liên hệ" {
		t.Errorf("anchors of contact page = %v, want [Liên hệ]", a)
	}
}

func TestCrawlShapeBoundSparesImportantPages(t *testing.T) {
	// A routed shop: every page is index.php?route=..., one shape. The
	// contact link comes last on the page.
	var links strings.Builder
	for i := range 20 {
		fmt.Fprintf(&links, `<a href="/index.php?route=product/p%d">p</a>`, i)
	}
	links.WriteString(`<a href="/index.php?route=information/contact">Liên hệ</a>`)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, page(links.String()))
	}))
	defer srv.Close()
	opts := testOpts()
	opts.Parallelism = 1
	opts.Priority = func(l Link) int {
		if l.Text == "Liên hệ" {
			return 100
		}
		return 0
	}
	s, err := Crawl(context.Background(), srv.URL, opts)
	if err != nil {
		t.Fatal(err)
	}
	if s.Page(srv.URL+"/index.php?route=information/contact") == nil {
		t.Errorf("contact page not fetched: %v", paths(s))
	}
	if n := len(s.Pages); n != 1+1+shapeLimit {
		t.Errorf("fetched %d pages, want home, contact and %d of the one shape", n, shapeLimit)
	}
}

func TestCrawlObeysRobotsAndNamesItself(t *testing.T) {
	var mu sync.Mutex
	var agents []string
	var fetched []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		agents = append(agents, r.UserAgent())
		fetched = append(fetched, r.URL.Path)
		mu.Unlock()
		switch r.URL.Path {
		case "/robots.txt":
			fmt.Fprint(w, "User-agent: shopper\nDisallow: /private/\n\nUser-agent: *\nDisallow: /\n")
		case "/":
			fmt.Fprint(w, page(`<a href="/private/x">x</a><a href="/public">p</a>`))
		default:
			fmt.Fprint(w, page("ok"))
		}
	}))
	defer srv.Close()
	s, err := Crawl(context.Background(), srv.URL, testOpts())
	if err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	defer mu.Unlock()
	for _, p := range fetched {
		if strings.HasPrefix(p, "/private") {
			t.Errorf("fetched %s, which robots.txt disallows", p)
		}
	}
	if s.Page(s.Home+"public") == nil {
		t.Errorf("pages = %v, want /public, which the group for shopper allows", paths(s))
	}
	for _, a := range agents {
		if !strings.Contains(a, "shopper") || !strings.Contains(a, "https://") {
			t.Errorf("User-Agent %q does not name shopper and its project URL", a)
		}
	}
	found := false
	for _, sk := range s.Skipped {
		if strings.HasSuffix(sk.URL, "/private/x") && strings.Contains(sk.Reason, "robots") {
			found = true
		}
	}
	if !found {
		t.Errorf("skipped = %v, want /private/x disallowed by robots.txt", s.Skipped)
	}
}

func TestCrawlDecodesLegacyCharsets(t *testing.T) {
	cases := []struct {
		name, charset string
		enc           *charmap.Charmap
		text          string
		header        bool
	}{
		{"turkish meta", "windows-1254", charmap.Windows1254, "İletişim ve Sıkça Sorulan Sorular", false},
		{"turkish header", "iso-8859-9", charmap.ISO8859_9, "Gizlilik Politikası - İade", true},
		{"vietnamese meta", "windows-1258", charmap.Windows1258, "Liên hệ với chúng tôi", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			html := `<html><head><meta charset="` + c.charset + `"><title>x</title></head><body><p>` + c.text + `</p></body></html>`
			body, err := encodeLegacy(c.enc, html)
			if err != nil {
				t.Fatal(err)
			}
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				ct := "text/html"
				if c.header {
					ct += "; charset=" + c.charset
				}
				w.Header().Set("Content-Type", ct)
				fmt.Fprint(w, body)
			}))
			defer srv.Close()
			s, err := Crawl(context.Background(), srv.URL, testOpts())
			if err != nil {
				t.Fatal(err)
			}
			if got := s.HomePage().VisibleText(); !strings.Contains(got, c.text) {
				t.Errorf("visible text = %q, want it to contain %q", got, c.text)
			}
		})
	}
}

func TestCrawlRedirects(t *testing.T) {
	other := site(t, map[string]string{"/": page("elsewhere")})
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/":
			http.Redirect(w, r, "/home", http.StatusMovedPermanently)
		case "/home":
			fmt.Fprint(w, page(`<a href="/old-contact">Contact</a><a href="/away">Away</a><a href="/loop">loop</a>`))
		case "/old-contact":
			http.Redirect(w, r, "/contact", http.StatusFound)
		case "/contact":
			fmt.Fprint(w, page("contact"))
		case "/away":
			// Another host name: another site.
			http.Redirect(w, r, strings.Replace(other.URL, "127.0.0.1", "localhost", 1), http.StatusFound)
		case "/loop":
			http.Redirect(w, r, "/loop", http.StatusFound)
		}
	}))
	defer srv.Close()
	s, err := Crawl(context.Background(), srv.URL, testOpts())
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(s.Home, "/home") {
		t.Errorf("home = %s, want the redirect target /home", s.Home)
	}
	if s.Page(srv.URL+"/contact") == nil {
		t.Errorf("pages = %v, want /contact reached through its redirect", paths(s))
	}
	reasons := map[string]string{}
	for _, sk := range s.Skipped {
		reasons[sk.URL[len(srv.URL):]] = sk.Reason
	}
	if !strings.Contains(reasons["/away"], "off the site") {
		t.Errorf("/away skipped for %q, want off-site redirect", reasons["/away"])
	}
	if !strings.Contains(reasons["/loop"], "redirect") {
		t.Errorf("/loop skipped for %q, want a redirect loop", reasons["/loop"])
	}
}

func TestCrawlFollowsHomeMetaRefresh(t *testing.T) {
	srv := site(t, map[string]string{
		"/":           `<html><head><meta http-equiv="refresh" content="0; URL='/vi/'"></head><body>Chọn ngôn ngữ</body></html>`,
		"/vi/":        page(`<a href="/vi/lien-he">Liên hệ</a>`),
		"/vi/lien-he": page("Liên hệ"),
	})
	s, err := Crawl(context.Background(), srv.URL, testOpts())
	if err != nil {
		t.Fatal(err)
	}
	if s.Home != srv.URL+"/vi/" || s.HomePage().URL != s.Home || s.HomePage().Source != "start" {
		t.Errorf("home = %s (first page %s), want the refresh target /vi/", s.Home, s.HomePage().URL)
	}
	if s.Page(srv.URL+"/") != nil {
		t.Errorf("the language gate was kept as a page")
	}
}

func TestCrawlBoundsInfiniteLinkSpaces(t *testing.T) {
	var mu sync.Mutex
	hits := 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		hits++
		mu.Unlock()
		// Every page links to the next day of a calendar and a deeper copy
		// of itself.
		fmt.Fprintf(w, page(`<a href="/calendar?day=%d">next</a><a href="%sa/">deeper</a><a href="/p/%d">p</a>`),
			len(r.URL.RawQuery)+hits, r.URL.Path, hits)
	}))
	defer srv.Close()
	opts := testOpts()
	opts.MaxPages = 1000
	opts.MaxDepth = 1000
	s, err := Crawl(context.Background(), srv.URL, opts)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(s.Pages); n > 100 {
		t.Errorf("crawled %d pages of an endless site, want the shape bounds to stop it early", n)
	}
	opts.MaxPages = 5
	s, err = Crawl(context.Background(), srv.URL, opts)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(s.Pages); n != 5 {
		t.Errorf("crawled %d pages with MaxPages 5", n)
	}
}

func TestCrawlSitemapFallback(t *testing.T) {
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/":
			fmt.Fprint(w, page(`<div id="app"></div>`)) // links built by JavaScript
		case "/sitemap.xml":
			w.Header().Set("Content-Type", "application/xml")
			fmt.Fprintf(w, `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>%s/iletisim</loc></url><url><loc>http://elsewhere.example/x</loc></url></urlset>`, srv.URL)
		case "/iletisim":
			fmt.Fprint(w, page("İletişim"))
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	s, err := Crawl(context.Background(), srv.URL, testOpts())
	if err != nil {
		t.Fatal(err)
	}
	p := s.Page(srv.URL + "/iletisim")
	if p == nil || p.Source != "sitemap" || !s.UsedSitemap {
		t.Fatalf("pages = %v, want /iletisim found through sitemap.xml", paths(s))
	}
}

func TestCrawlSkipsSlowAndHugePages(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/":
			fmt.Fprint(w, page(`<a href="/slow">slow</a><a href="/huge">huge</a><a href="/file.pdf">pdf</a><a href="/data">data</a>`))
		case "/slow":
			select {
			case <-time.After(5 * time.Second):
			case <-r.Context().Done():
			}
		case "/huge":
			fmt.Fprint(w, "<html><body><p>start</p>")
			chunk := strings.Repeat("<p>filler</p>", 1000)
			for range 1000 { // about 13 MB
				if _, err := fmt.Fprint(w, chunk); err != nil {
					return
				}
			}
		case "/data":
			w.Header().Set("Content-Type", "application/json")
			fmt.Fprint(w, `{}`)
		}
	}))
	defer srv.Close()
	opts := testOpts()
	opts.RequestTimeout = 500 * time.Millisecond
	opts.MaxBodyBytes = 64 << 10
	start := time.Now()
	s, err := Crawl(context.Background(), srv.URL, opts)
	if err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d > 4*time.Second {
		t.Errorf("crawl took %v: the slow page held it up", d)
	}
	huge := s.Page(srv.URL + "/huge")
	if huge == nil || len(huge.HTML) > 64<<10 || !strings.Contains(huge.VisibleText(), "start") {
		t.Errorf("huge page not kept cut at the body cap")
	}
	reasons := map[string]string{}
	for _, sk := range s.Skipped {
		reasons[sk.URL[len(srv.URL):]] = sk.Reason
	}
	if !strings.Contains(reasons["/slow"], "timed out") {
		t.Errorf("/slow: %q, want timed out", reasons["/slow"])
	}
	if reasons["/data"] != "not HTML" {
		t.Errorf("/data: %q, want not HTML", reasons["/data"])
	}
	if _, fetched := reasons["/file.pdf"]; fetched || s.Page(srv.URL+"/file.pdf") != nil {
		t.Errorf("a .pdf link was fetched")
	}
}

func TestCrawlHomeErrors(t *testing.T) {
	handler := func(f http.HandlerFunc) string {
		srv := httptest.NewServer(f)
		t.Cleanup(srv.Close)
		return srv.URL
	}
	closed := func() string {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		addr := l.Addr().String()
		l.Close()
		return "http://" + addr
	}()
	tlsSrv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	defer tlsSrv.Close()

	cases := []struct {
		name, url, want string
		opts            func(*Options)
	}{
		{"malformed", "http://exa mple.com", "not a web address", nil},
		{"scheme", "ftp://example.com", "only http and https", nil},
		{"empty", "", "empty address", nil},
		{"refused", closed, "refused the connection", nil},
		{"404", handler(func(w http.ResponseWriter, r *http.Request) { http.NotFound(w, r) }), "HTTP 404", nil},
		{"500", handler(func(w http.ResponseWriter, r *http.Request) { http.Error(w, "boom", 500) }), "HTTP 500", nil},
		{"not html", handler(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/pdf")
			fmt.Fprint(w, "%PDF-1.4")
		}), "not HTML but application/pdf", nil},
		{"redirect loop", handler(func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, r.URL.Path+"x", http.StatusFound)
		}), "redirects in a loop", nil},
		{"slow", handler(func(w http.ResponseWriter, r *http.Request) {
			select {
			case <-time.After(3 * time.Second):
			case <-r.Context().Done():
			}
		}), "did not answer in time", func(o *Options) { o.RequestTimeout = 300 * time.Millisecond }},
		{"tls", tlsSrv.URL, "TLS", nil},
		{"robots", handler(func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path == "/robots.txt" {
				fmt.Fprint(w, "User-agent: *\nDisallow: /\n")
				return
			}
			fmt.Fprint(w, page("x"))
		}), "robots.txt", nil},
		{"too deep", handler(func(w http.ResponseWriter, r *http.Request) {
			fmt.Fprint(w, strings.Repeat("<div>", 600))
		}), "nested more than 512 deep", nil},
		{"private refused", handler(func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, page("x")) }),
			"--allow-private", func(o *Options) { o.AllowPrivate = false }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			opts := testOpts()
			if c.opts != nil {
				c.opts(&opts)
			}
			_, err := Crawl(context.Background(), c.url, opts)
			var he *HomeError
			if !errors.As(err, &he) {
				t.Fatalf("Crawl(%q) error = %v, want a *HomeError", c.url, err)
			}
			if !strings.Contains(err.Error(), c.want) {
				t.Errorf("Crawl(%q) error = %q, want it to say %q", c.url, err, c.want)
			}
		})
	}
}

func TestGuardRefusesPrivateRedirect(t *testing.T) {
	// An "internal service" on 127.0.0.2, which the guard must refuse even
	// though the public-looking site (127.0.0.1, let through) redirects there.
	l, err := net.Listen("tcp", "127.0.0.2:0")
	if err != nil {
		t.Skipf("cannot listen on 127.0.0.2: %v", err)
	}
	internal := &httptest.Server{Listener: l, Config: &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		t.Errorf("the internal service was reached: %s", r.URL)
	})}}
	internal.Start()
	defer internal.Close()
	srv := site(t, map[string]string{})
	srv.Config.Handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, internal.URL+"/admin", http.StatusFound)
	})
	opts := testOpts()
	opts.AllowPrivate = false
	opts.AllowNets = []netip.Prefix{netip.MustParsePrefix("127.0.0.1/32")}
	_, err = Crawl(context.Background(), srv.URL, opts)
	if !errors.Is(err, ErrPrivateAddress) {
		t.Fatalf("error = %v, want ErrPrivateAddress", err)
	}
}

func TestParseSiteURL(t *testing.T) {
	cases := []struct{ in, want string }{
		{"example.com", "https://example.com/"},
		{"HTTP://Example.COM:80/a#top", "http://example.com/a"},
		{" https://shop.example.vn ", "https://shop.example.vn/"},
	}
	for _, c := range cases {
		u, err := ParseSiteURL(c.in)
		if err != nil || u.String() != c.want {
			t.Errorf("ParseSiteURL(%q) = %v, %v, want %s", c.in, u, err, c.want)
		}
	}
}

// encodeLegacy encodes s in a legacy charset. windows-1258 writes most
// Vietnamese letters as a base letter plus a combining tone mark, so a
// letter the charset lacks precomposed is written decomposed.
func encodeLegacy(cm *charmap.Charmap, s string) (string, error) {
	var out []byte
	for _, r := range s {
		if b, ok := cm.EncodeRune(r); ok {
			out = append(out, b)
			continue
		}
		d := []rune(norm.NFD.String(string(r)))
		base, marks := d[0], d[1:]
		for k, m := range marks { // compose the base with the mark the charset has
			c := []rune(norm.NFC.String(string([]rune{base, m})))
			if _, ok := cm.EncodeRune(c[0]); ok && len(c) == 1 {
				base, marks = c[0], append(append([]rune{}, marks[:k]...), marks[k+1:]...)
				break
			}
		}
		for _, x := range append([]rune{base}, marks...) {
			b, ok := cm.EncodeRune(x)
			if !ok {
				return "", fmt.Errorf("cannot encode %q", r)
			}
			out = append(out, b)
		}
	}
	return string(out), nil
}

func TestCrawlFetchesHomeOnce(t *testing.T) {
	var mu sync.Mutex
	hits := map[string]int{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		hits[r.URL.Path]++
		mu.Unlock()
		fmt.Fprint(w, page(`<a href="/">Home</a><a href="/a">a</a>`))
	}))
	defer srv.Close()
	if _, err := Crawl(context.Background(), srv.URL, testOpts()); err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	defer mu.Unlock()
	if hits["/"] != 1 || hits["/a"] != 1 {
		t.Errorf("fetches = %v, want each page once", hits)
	}
}
