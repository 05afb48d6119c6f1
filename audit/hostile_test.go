package audit

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/shopper-audit/shopper/crawler"
)

// TestHostileSite audits a site built to break parsers and probes: it must
// finish, in bounded time, with a result and no probe failure.
func TestHostileSite(t *testing.T) {
	links := `<a href="/deep">x</a><a href="/wide">x</a><a href="/garbage">x</a><a href="/ldjson">x</a><a href="/long">x</a>` +
		`<a href="http://169.254.169.254/latest/meta-data/">x</a><a href="http://10.0.0.1/admin">x</a><a href="javascript:alert(1)">x</a>`
	hostile := map[string]string{
		"/":        "<html><body>" + links + "<p>Call 1-800-555-0199</p>",
		"/deep":    strings.Repeat("<div><span>", 50000) + "0800 123 4567?" + strings.Repeat("</span></div>", 10),
		"/wide":    "<ul>" + strings.Repeat(`<li><a href="/wide?p=1">How do I pay?</a> <a href="mailto:a@b">m</a> 1-800-FLOWERS</li>`, 20000) + "</ul>",
		"/garbage": "\x00\xff\xfe<html>\x01\x02<<<>>>\xc3\x28<script>var a='</scr'+'ipt>'</script><p>\u202eİletişim\u202c</p><tel:><a href='tel:%%%'>call</a>",
		"/ldjson":  `<script type="application/ld+json">{"@type":"FAQPage","mainEntity":[{"@type":"Question","name":` + strings.Repeat("[", 10000) + `</script><script type="application/ld+json">{"@graph":[{"@type":"Organization","contactPoint":{"telephone":null,"contactOption":["TollFree",{"x":1}]}}]}</script>`,
		"/long":    "<p>" + strings.Repeat("0", 3<<20) + "</p><details><summary>" + strings.Repeat("Why? ", 100000) + "</summary></details>",
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, ok := hostile[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, body)
	}))
	defer srv.Close()
	debugProbes = true
	defer func() { debugProbes = false }()
	start := time.Now()
	r, err := Run(context.Background(), srv.URL, Options{Crawl: crawler.Options{AllowPrivate: true}})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.ProbeErrors) > 0 {
		t.Errorf("probe failures on a hostile site: %v", r.ProbeErrors)
	}
	// x/net/html refuses documents nested more than 512 deep: /deep is
	// skipped with that reason, the rest is audited, and /wide's link to
	// /wide?p=1 is followed (the same body again).
	if want := len(hostile) - 1 + 1; r.PagesCrawled != want || r.Skipped["unreadable HTML: elements nested more than 512 deep"] != 1 {
		t.Errorf("crawled %d pages, want %d (skipped %v)", r.PagesCrawled, want, r.Skipped)
	}
	if d := time.Since(start); d > 30*time.Second {
		t.Errorf("hostile site took %v", d)
	}
	t.Logf("hostile site audited in %v: score %d, %d numbers, %d questions", time.Since(start), r.Score.Total, len(r.Phone.Numbers), r.FAQ.Questions)
}
