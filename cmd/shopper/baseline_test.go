package main

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/shopper-audit/shopper/internal/fixture"
)

// shopPages is a small site; variants drop parts of it.
func shopPages(toll, chat, faq bool) map[string]string {
	phone := "+1 212 555 0100"
	if toll {
		phone = "1-800-555-0199"
	}
	widget, q := "", ""
	if chat {
		widget = `<script src="https://embed.tawk.to/abc/default"></script>`
	}
	if faq {
		q = `<details><summary>How long does delivery take?</summary>Three days.</details>`
	}
	return map[string]string{
		"/": `<html lang="en"><head><title>Acme</title>` + widget + `</head><body><header><a href="/contact">Contact us</a> <a href="/faq">FAQ</a> Call ` + phone + `</header>
<main><h1>Acme</h1></main><footer><a href="/returns">Returns policy</a> support@acme.example</footer></body></html>`,
		"/contact": `<html lang="en"><head><title>Contact us</title></head><body><h1>Contact us</h1><p>Phone: ` + phone + `</p></body></html>`,
		"/faq": `<html lang="en"><head><title>FAQ</title></head><body><h1>Frequently asked questions</h1>
<details><summary>How do I return a chair?</summary>Use the form.</details>` + q + `</body></html>`,
		"/returns": `<html><head><title>Returns</title></head><body><h1>Returns policy</h1></body></html>`,
	}
}

func TestAuditBaselineLatestReportsLossesAndFails(t *testing.T) {
	db := filepath.Join(t.TempDir(), "h.db")
	// One address, whose pages a deploy changes.
	var site atomic.Pointer[http.Handler]
	h := http.Handler(fixture.Serve(t, shopPages(true, true, true)).Config.Handler)
	site.Store(&h)
	before := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { (*site.Load()).ServeHTTP(w, r) }))
	defer before.Close()
	base := []string{"audit", "--quiet", "--delay", "0", "--allow-private", "--render", "never", "--db", db}

	// A plain audit stores nothing.
	if code, _, errs := runCmd("audit", "--quiet", "--delay", "0", "--allow-private", "--render", "never", before.URL); code != exitOK {
		t.Fatalf("plain audit: exit %d, %s", code, errs)
	}
	if _, err := os.Stat("shopper.db"); err == nil {
		t.Fatal("a plain audit wrote shopper.db")
	}
	// The first audit with --baseline latest becomes the baseline.
	code, out, errs := runCmd(append(base, "--baseline", "latest", "--fail-on-regression", "--json", before.URL)...)
	if code != exitOK || !strings.Contains(errs, "no earlier audit") {
		t.Fatalf("first audit: exit %d, stderr %q", code, errs)
	}
	var first map[string]any
	if err := json.Unmarshal([]byte(out), &first); err != nil {
		t.Fatal(err)
	}
	if c, ok := first["changes"]; !ok || c != nil {
		t.Errorf("changes = %v (present %v), want null: no baseline", c, ok)
	}
	saved := filepath.Join(t.TempDir(), "before.json")
	os.WriteFile(saved, []byte(out), 0o644)

	// The same site after a bad deploy, served at the same address.
	h = fixture.Serve(t, shopPages(false, false, false)).Config.Handler
	site.Store(&h)

	code, out, errs = runCmd(append(base, "--baseline", "latest", before.URL)...)
	if code != exitOK {
		t.Fatalf("without --fail-on-regression: exit %d, stderr %q", code, errs)
	}
	for _, want := range []string{"Changes since the baseline", "✗ The toll-free number is gone", "✗ The live chat was removed (was tawkto)", "✗ The FAQ shrank from 2 to 1 questions"} {
		if !strings.Contains(out, want) {
			t.Errorf("summary lacks %q:\n%s", want, out)
		}
	}
	// --baseline FILE compares with the saved JSON; --fail-on-regression fails.
	code, out, errs = runCmd("audit", "--quiet", "--delay", "0", "--allow-private", "--render", "never",
		"--baseline", saved, "--fail-on-regression", "--json", before.URL)
	if code != exitThreshold || !strings.Contains(errs, "failing --fail-on-regression") {
		t.Fatalf("regression: exit %d, stderr %q", code, errs)
	}
	var second struct {
		URL     string `json:"url"`
		Changes []struct {
			Item       string `json:"item"`
			Regression bool   `json:"regression"`
		} `json:"changes"`
	}
	if err := json.Unmarshal([]byte(out), &second); err != nil || second.URL == "" {
		t.Fatalf("JSON %q: %v", out, err)
	}
	items := map[string]bool{}
	for _, c := range second.Changes {
		items[c.Item] = c.Regression
	}
	for _, it := range []string{"phone.toll_free", "chat", "faq.questions", "score"} {
		if !items[it] {
			t.Errorf("changes %+v: want %s as a regression", second.Changes, it)
		}
	}
	// History kept: two audits of the site in --db.
	code, _, errs = runCmd(append(base, "--baseline", "latest", "--fail-on-regression", before.URL)...)
	if code != exitOK {
		t.Errorf("unchanged since the last audit: exit %d, stderr %q", code, errs)
	}
}

func TestAuditBaselineFlagErrors(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--fail-on-regression"}, "--fail-on-regression needs --baseline"},
		{[]string{"--baseline", filepath.Join(t.TempDir(), "none.json")}, "cannot read the baseline"},
		{[]string{"--baseline", writeCSV(t, "not json\n")}, "is not the output of 'shopper audit --json'"},
	} {
		code, _, errs := runCmd(append(append([]string{"audit"}, c.args...), "https://example.com")...)
		if code != exitUsage || !strings.Contains(errs, c.want) || strings.Count(errs, "\n") != 1 {
			t.Errorf("%v: exit %d, stderr %q; want one line with %q", c.args, code, errs, c.want)
		}
	}
}
