package sitegen

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestGenerateIsDeterministic(t *testing.T) {
	for _, seed := range []int64{0, 1, 2, 41} {
		a, b := Generate(seed, 20), Generate(seed, 20)
		if !reflect.DeepEqual(a, b) {
			t.Errorf("Generate(%d, 20) twice gave different sites", seed)
		}
	}
	if reflect.DeepEqual(Generate(3, 20).Pages, Generate(6, 20).Pages) {
		t.Error("Generate(3, 20) and Generate(6, 20) gave the same pages")
	}
}

func TestGenerateShape(t *testing.T) {
	langs := map[string]int{}
	totalLinks, pages := 0, 0
	for seed := range int64(30) {
		s := Generate(seed, 20)
		langs[s.Lang]++
		if want := languageCodes[seed%3]; s.Lang != want {
			t.Errorf("Generate(%d).Lang = %q, want %q", seed, s.Lang, want)
		}
		if len(s.Pages) != 20 || len(s.Kinds) != 20 {
			t.Errorf("Generate(%d, 20) has %d pages and %d kinds, want 20", seed, len(s.Pages), len(s.Kinds))
		}
		for path, page := range s.Pages {
			if n := len(page); n < 30_000 || n > 65_000 {
				t.Errorf("seed %d: %s is %d bytes, want 30–65 KB", seed, path, n)
			}
			for _, want := range []string{`<html lang="` + s.Lang, `application/ld+json`, `id="cookie-banner"`, `class="mega-menu"`} {
				if !strings.Contains(page, want) {
					t.Errorf("seed %d: %s lacks %q", seed, path, want)
				}
			}
			totalLinks += strings.Count(page, "<a ")
			pages++
		}
	}
	if avg := totalLinks / pages; avg < 120 || avg > 180 {
		t.Errorf("pages have %d links on average, want about 150", avg)
	}
	if len(langs) != 3 {
		t.Errorf("languages of 30 sites = %v, want en, vi and tr", langs)
	}
	if s := Generate(5, 1); len(s.Pages) != MinPages {
		t.Errorf("Generate(5, 1) has %d pages, want MinPages = %d", len(s.Pages), MinPages)
	}
}

func TestLanguagesAreComplete(t *testing.T) {
	for _, code := range languageCodes {
		l := languages[code]
		for _, k := range uiKeys {
			if l.ui[k] == "" {
				t.Errorf("%s: ui[%q] is missing", code, k)
			}
		}
		for _, k := range []string{KindPrivacy, KindReturns, KindShipping, KindTerms, KindWarranty, KindAbout} {
			if p := l.policies[k]; p.title == "" || len(p.headings) == 0 || len(p.sentences) < 3 {
				t.Errorf("%s: policy words for %q are missing", code, k)
			}
		}
		for _, id := range industryIDs {
			if ind := l.industries[id]; ind == nil || len(ind.cats) != 6 {
				t.Errorf("%s: industry %q should have 6 categories", code, id)
			}
		}
	}
}

// chatMarks are strings each vendor's snippet is known by.
var chatMarks = map[string]string{
	"tawk.to": "embed.tawk.to", "intercom": "widget.intercom.io", "crisp": "client.crisp.chat",
	"zendesk": "static.zdassets.com/ekr/snippet.js", "livechat": "cdn.livechatinc.com/tracking.js",
	"hubspot": "js.hs-scripts.com", "drift": "js.driftt.com", "tidio": "code.tidio.co",
	"freshchat": "wchat.freshchat.com", "olark": "static.olark.com", "zalo": "sp.zalo.me/plugins/sdk.js",
	"messenger": "xfbml.customerchat.js", "jivochat": "code.jivosite.com", "smartsupp": "smartsuppchat.com",
}

// TestServedSite crawls served sites the way a crawler would and checks
// they hold what Site promises.
func TestServedSite(t *testing.T) {
	vendors := map[string]bool{}
	for seed := range int64(12) {
		s := Generate(seed, 20)
		vendors[s.Chat] = true
		srv := httptest.NewServer(s)
		t.Run(fmt.Sprint(seed, "-", s.Lang), func(t *testing.T) {
			checkServed(t, srv.URL, s)
		})
		srv.Close()
	}
	if len(vendors) < 5 {
		t.Errorf("12 sites use only chat vendors %v", vendors)
	}
}

func checkServed(t *testing.T, base string, s *Site) {
	// Walk the site from the home page, breadth first.
	depth := map[string]int{"/": 0}
	queue := []string{"/"}
	external := map[string]bool{}
	var home string
	for len(queue) > 0 {
		path := queue[0]
		queue = queue[1:]
		body, status := get(t, base+path)
		if status != 200 {
			t.Errorf("GET %s: %d; it was linked from the site", path, status)
			continue
		}
		if path == "/" {
			home = body
		}
		for _, href := range hrefs(t, body) {
			u, err := url.Parse(href)
			if err != nil {
				t.Errorf("%s links to unparsable %q", path, href)
				continue
			}
			switch {
			case u.Scheme == "tel" || u.Scheme == "mailto":
				external[href] = true
			case u.Scheme != "" || u.Host != "":
				external[strings.TrimSuffix(href, "/")] = true
			case u.Path == "":
				// a fragment on the same page
			default:
				if _, ok := s.Pages[u.Path]; !ok {
					t.Errorf("%s links to %s, which the site does not have", path, u.Path)
				} else if _, seen := depth[u.Path]; !seen {
					depth[u.Path] = depth[path] + 1
					queue = append(queue, u.Path)
				}
			}
		}
	}
	for path := range s.Pages {
		if d, ok := depth[path]; !ok || d > 2 {
			t.Errorf("%s is not within two clicks of the home page (depth %d, reached %v)", path, d, ok)
		}
	}

	// The promised contact points are linked.
	for _, p := range s.Phones {
		if !external["tel:"+p] {
			t.Errorf("no tel: link to %s", p)
		}
	}
	for _, e := range s.Emails {
		if !external["mailto:"+e] {
			t.Errorf("no mailto: link to %s", e)
		}
	}
	for _, soc := range s.Social {
		if !external[strings.TrimSuffix(soc, "/")] {
			t.Errorf("no link to %s", soc)
		}
	}
	for _, want := range append([]string{s.ContactPage, s.FAQPage}, values(s.Policies)...) {
		if want != "" && !strings.Contains(home, `href="`+want+`"`) {
			t.Errorf("home page does not link to %s", want)
		}
	}
	if s.Chat != "" && !strings.Contains(home, chatMarks[s.Chat]) {
		t.Errorf("home page lacks the %s snippet (%q)", s.Chat, chatMarks[s.Chat])
	}
	contact, _ := get(t, base+s.ContactPage)
	if got := strings.Contains(contact, `id="contact_form"`); got != s.ContactForm {
		t.Errorf("contact form on %s = %v, want %v", s.ContactPage, got, s.ContactForm)
	}
	if s.FAQPage != "" {
		faq, _ := get(t, base+s.FAQPage)
		if got := strings.Count(faq, ` id="faq-`); got != s.FAQQuestions {
			t.Errorf("%s has %d questions, want FAQQuestions = %d", s.FAQPage, got, s.FAQQuestions)
		}
	}

	// robots.txt, sitemap.xml and a missing page.
	robots, _ := get(t, base+"/robots.txt")
	if !strings.Contains(robots, "Sitemap: "+base+"/sitemap.xml") {
		t.Errorf("robots.txt = %q, want it to name %s/sitemap.xml", robots, base)
	}
	sitemap, _ := get(t, base+"/sitemap.xml")
	if n := strings.Count(sitemap, "<loc>"+base+"/"); n != len(s.Pages) {
		t.Errorf("sitemap.xml lists %d pages, want %d", n, len(s.Pages))
	}
	if _, status := get(t, base+"/no-such-page"); status != 404 {
		t.Errorf("GET /no-such-page: %d, want 404", status)
	}
}

func TestServe(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	urls, stop, err := Serve(ctx, 3, 8)
	if err != nil {
		t.Fatal(err)
	}
	hosts := map[string]bool{}
	for i, u := range urls {
		body, status := get(t, u)
		if want := Generate(int64(i), 8).Name; status != 200 || !strings.Contains(body, want) {
			t.Errorf("GET %s: %d, want site %d (%q)", u, status, i, want)
		}
		pu, _ := url.Parse(u)
		hosts[pu.Hostname()] = true
	}
	if len(hosts) != 3 {
		t.Logf("sites share a host (%v): 127.0.1.x could not be bound here", urls)
	}
	stop()
	stop() // idempotent
	if _, err := http.Get(urls[0]); err == nil {
		t.Errorf("GET %s after stop succeeded", urls[0])
	}
}

func ExampleGenerate() {
	s := Generate(7, 20)
	fmt.Println(s.Name, s.Lang, s.Region, len(s.Pages))
	fmt.Println(s.ContactPage, s.Chat, s.FAQQuestions)
	// Output:
	// An Khang Điện Máy vi VN 20
	// /pages/lien-he tawk.to 9
}

func get(t *testing.T, u string) (string, int) {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Fatalf("GET %s: %v", u, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("GET %s: %v", u, err)
	}
	return string(b), resp.StatusCode
}

// hrefs lists the href of every <a> element, as an HTML parser sees them.
func hrefs(t *testing.T, page string) []string {
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "a" {
			for _, a := range n.Attr {
				if a.Key == "href" {
					out = append(out, a.Val)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return out
}

func values(m map[string]string) []string {
	var out []string
	for _, v := range m {
		out = append(out, v)
	}
	return out
}
