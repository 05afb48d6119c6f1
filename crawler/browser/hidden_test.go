package browser

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
)

// TestHiddenElementsAreMarked: the rendered HTML marks what the page's
// stylesheets hide, whichever way they hide it, and nothing a visitor sees.
func TestHiddenElementsAreMarked(t *testing.T) {
	b := testBrowser(t)
	pages := map[string]string{
		"/": `<!doctype html><html><head><title>Acme</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/site.css">
<style>
  body { margin: 0; font: 16px sans-serif; }
  .gone { display: none; }
  .ghost { visibility: hidden; }
  .clear { opacity: 0; }
  .sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  .inset { position: absolute; clip-path: inset(50%); }
  .shut { height: 0; overflow: hidden; }
  .away { position: absolute; left: -9999px; }
  .indent { text-indent: -9999px; overflow: hidden; }
  .panel { display: none; } .panel.open { display: block; }
  .phone-only { display: none; } @media (max-width: 600px) { .phone-only { display: block; } }
  .scroller { height: 40px; overflow-y: auto; }
</style></head><body>
<header id="head">Call us: <a id="tel" href="tel:+18005550199">1-800-555-0199</a> <span id="hid" class="gone">1-800-555-0100</span></header>
<div id="gone" class="gone">Hidden 1-800-555-0122</div>
<div id="ext" class="ext-hide">External 1-800-555-0123</div>
<div id="ghost" class="ghost">Invisible 1-800-555-0133</div>
<div id="clear" class="clear">Transparent 1-800-555-0144</div>
<span id="sr" class="sr-only">Screen reader 1-800-555-0155</span>
<span id="inset" class="inset">Inset 1-800-555-0156</span>
<div id="shut" class="shut"><p>Collapsed 1-800-555-0166</p></div>
<div id="away" class="away">Away 1-800-555-0167</div>
<h2 id="indent" class="indent">Logo text</h2>
<div class="faq"><button id="q">How do I reach you?</button><div id="a" class="panel"><p>Write to help@acme.test</p></div></div>
<details id="details"><summary id="summary">Opening hours</summary><p id="answer">9 to 5, 1-800-555-0188</p></details>
<div id="phone" class="phone-only">Tap to call 1-800-555-0177</div>
<div class="scroller"><p>a</p><p>b</p><p id="scrolled">Below in the box 1-800-555-0189</p></div>
<p id="forged" data-shopper-hidden="1">Plain text 1-800-555-0111</p>
<div id="empty" class="gone"></div>
</body></html>`,
	}
	// The fixture server types every file but scripts as HTML; a
	// stylesheet needs its own type.
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/site.css" {
			w.Header().Set("Content-Type", "text/css")
			fmt.Fprint(w, ".ext-hide { display: none }")
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, pages[r.URL.Path])
	}))
	defer srv.Close()
	res := render(t, b, srv.URL+"/", RenderOptions{Viewports: Viewports})
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(res.HTML))
	if err != nil {
		t.Fatal(err)
	}
	marked := func(id string) bool {
		s := doc.Find("#" + id)
		if s.Length() == 0 {
			t.Fatalf("no #%s in the rendered HTML", id)
		}
		v, ok := s.Attr("data-shopper-hidden")
		return ok && v == "1"
	}
	for _, id := range []string{"hid", "gone", "ext", "ghost", "clear", "sr", "inset", "shut", "away", "indent", "a", "answer"} {
		if !marked(id) {
			t.Errorf("#%s is hidden by the stylesheets but not marked", id)
		}
	}
	for _, id := range []string{"head", "tel", "q", "details", "summary", "phone", "scrolled", "forged", "empty"} {
		if marked(id) {
			t.Errorf("#%s is marked hidden, but a visitor sees it (or it has nothing to see)", id)
		}
	}
	if n := doc.Find("[data-shopper-hidden] [data-shopper-hidden]").Length(); n != 0 {
		t.Errorf("%d marks inside marked elements; only the outermost should be marked", n)
	}
	// Marking changes nothing a visitor sees: the first screens read as
	// before.
	if fold := res.Fold["desktop"]; !strings.Contains(fold, "1-800-555-0199") || strings.Contains(fold, "0122") {
		t.Errorf("desktop fold:\n%s", fold)
	}
	if fold := res.Fold["mobile"]; !strings.Contains(fold, "0177") {
		t.Errorf("mobile fold lacks the phone-only number:\n%s", fold)
	}
}
