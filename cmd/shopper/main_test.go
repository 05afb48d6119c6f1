package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"github.com/shopper-audit/shopper/internal/fixture"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/shopper-audit/shopper/crawler/browser"
)

// shop serves a small English company site on loopback.
func shop(t *testing.T) *httptest.Server {
	t.Helper()
	pages := map[string]string{
		"/": `<html lang="en"><head><title>Acme Supplies</title></head><body>
<header><a href="/contact-us">Contact us</a> <a href="/help/faq">FAQ</a> Call <a href="tel:+18005550199">1-800-555-0199</a></header>
<main><h1>Acme Supplies</h1><p>Office chairs since 1999.</p></main>
<footer><a href="/returns">Returns</a> <a href="/privacy">Privacy policy</a> support@acme-supplies.example</footer></body></html>`,
		"/contact-us": `<html lang="en"><head><title>Contact us</title></head><body><h1>Contact us</h1>
<p>Phone: 1-800-555-0199</p><form action="/send"><input type="email" name="email"><textarea name="message"></textarea></form></body></html>`,
		"/help/faq": `<html lang="en"><head><title>FAQ</title></head><body><h1>Frequently asked questions</h1>
<details><summary>How do I return a chair?</summary>Use the form.</details>
<details><summary>How long does delivery take?</summary>Three days.</details></body></html>`,
		"/returns": `<html><head><title>Returns</title></head><body><h1>Returns policy</h1></body></html>`,
		"/privacy": `<html><head><title>Privacy</title></head><body><h1>Privacy policy</h1></body></html>`,
	}
	return fixture.Serve(t, pages)
}

func runCmd(args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = run(context.Background(), args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestAuditJSONHasTheContractFields(t *testing.T) {
	srv := shop(t)
	code, out, errs := runCmd("audit", "--json", "--quiet", "--delay", "0", "--allow-private", srv.URL)
	if code != exitOK {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 1 {
		t.Fatalf("got %d lines, want one JSON object", len(lines))
	}
	var m map[string]any
	if err := json.Unmarshal([]byte(lines[0]), &m); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{
		"url", "pages_crawled", "region", "contact_page",
		"phone.numbers", "phone.toll_free", "phone.prominent",
		"faq.url", "faq.questions", "chat.present", "chat.vendors",
		"email.addresses", "contact_form.present", "contact_form.url",
		"policies.returns", "policies.shipping", "policies.privacy", "policies.warranty",
		"social", "score.total", "score.grade",
	} {
		if _, ok := lookup(m, path); !ok {
			t.Errorf("JSON lacks %s", path)
		}
	}
	if v, _ := lookup(m, "phone.toll_free"); v != true {
		t.Errorf("phone.toll_free = %v, want true", v)
	}
	if v, _ := lookup(m, "contact_page"); v != srv.URL+"/contact-us" {
		t.Errorf("contact_page = %v", v)
	}
	nums, _ := lookup(m, "phone.numbers")
	if list, ok := nums.([]any); !ok || len(list) == 0 {
		t.Fatalf("phone.numbers = %v", nums)
	} else {
		n := list[0].(map[string]any)
		for _, k := range []string{"e164", "type", "on_home", "on_contact", "click_to_call"} {
			if _, ok := n[k]; !ok {
				t.Errorf("phone.numbers[0] lacks %s", k)
			}
		}
	}
}

func lookup(m map[string]any, path string) (any, bool) {
	var cur any = m
	for _, k := range strings.Split(path, ".") {
		mm, ok := cur.(map[string]any)
		if !ok {
			return nil, false
		}
		cur, ok = mm[k]
		if !ok {
			return nil, false
		}
	}
	return cur, true
}

func TestAuditSummaryAndOrder(t *testing.T) {
	a, b := shop(t), shop(t)
	// Flags after the addresses work too.
	code, out, errs := runCmd("audit", a.URL, b.URL+"/", "--allow-private", "--delay=0", "-q")
	if code != exitOK {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	ia, ib := strings.Index(out, a.URL+"\n"), strings.Index(out, b.URL+"/\n")
	if ia < 0 || ib < 0 || ia > ib {
		t.Errorf("summary does not list %s then %s:\n%s", a.URL, b.URL, out)
	}
	for _, want := range []string{"score ", "Phone", "FAQ", "Live chat", "Policies"} {
		if !strings.Contains(out, want) {
			t.Errorf("summary lacks %q:\n%s", want, out)
		}
	}
	if errs != "" {
		t.Errorf("--quiet printed %q on stderr", errs)
	}
}

func TestAuditFailures(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closed := "http://" + l.Addr().String()
	l.Close()
	srv := shop(t)
	cases := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"no url", []string{"audit"}, exitUsage, "give at least one website address"},
		{"bad flag", []string{"audit", "--max-pagez", "3", "x.com"}, exitUsage, "flag provided but not defined"},
		{"bad region", []string{"audit", "--region", "Vietnam", "x.com"}, exitUsage, "not a two-letter ISO region"},
		{"bad size", []string{"audit", "--max-body", "lots", "x.com"}, exitUsage, "not a size"},
		{"malformed url", []string{"audit", "http://exa mple.com"}, exitUsage, "not a web address"},
		{"unreachable", []string{"audit", "-q", "--allow-private", closed}, exitUsage, "refused the connection"},
		{"private refused", []string{"audit", "-q", srv.URL}, exitUsage, "--allow-private"},
		{"fail under", []string{"audit", "-q", "--allow-private", "--delay", "0", "--fail-under", "100", srv.URL}, exitThreshold, "under --fail-under 100"},
		{"unknown command", []string{"audti"}, exitUsage, "unknown command"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, _, errs := runCmd(c.args...)
			if code != c.code || !strings.Contains(errs, c.want) {
				t.Errorf("shopper %v: exit %d, stderr %q; want exit %d saying %q", c.args, code, errs, c.code, c.want)
			}
			if strings.Contains(errs, "panic") || strings.Contains(errs, "goroutine ") {
				t.Errorf("stderr shows a panic: %s", errs)
			}
		})
	}
}

func TestHelp(t *testing.T) {
	for _, args := range [][]string{{"audit", "--help"}, {"help", "audit"}} {
		code, out, _ := runCmd(args...)
		if code != exitOK || !strings.Contains(out, "Examples:") || !strings.Contains(out, "-max-pages") {
			t.Errorf("shopper %v: exit %d, output lacks examples or flags:\n%s", args, code, out)
		}
	}
	code, out, _ := runCmd("help")
	if code != exitOK || !strings.Contains(out, "shopper audit") {
		t.Errorf("shopper help: exit %d:\n%s", code, out)
	}
}

// needBrowser skips a render test when no browser is installed, except in
// CI (CI=true), where it fails: scripts/test.sh installs chromium.
func needBrowser(t *testing.T) {
	t.Helper()
	if _, err := browser.Find(); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("CI needs a browser for the render tests: %v", err)
		}
		t.Skipf("no browser: %v", err)
	}
}

// scriptShop serves a site whose chat widget and FAQ exist only once
// scripts ran: a tag-manager-like loader inserts Intercom's script after a
// delay (the script itself is on another site and blocked), and the FAQ
// page builds its questions from an inline JSON array.
func scriptShop(t *testing.T) *httptest.Server {
	t.Helper()
	pages := map[string]string{
		"/": `<html lang="en"><head><title>Bolt Bikes</title><script src="/tags.js" async></script></head><body>
<header><a href="/contact">Contact</a> <a href="/faq">FAQ</a> Call 1-800-555-0142</header>
<main><h1>Bolt Bikes</h1><p>City bikes since 2004.</p></main></body></html>`,
		"/tags.js": `setTimeout(function(){
  window.intercomSettings = {app_id: "abc123"};
  var s = document.createElement('script'); s.async = true;
  s.src = 'https://widget.intercom.io/widget/abc123';
  var x = document.getElementsByTagName('script')[0]; x.parentNode.insertBefore(s, x);
}, 100);`,
		"/contact": `<html lang="en"><head><title>Contact us</title><script src="/tags.js" async></script></head><body><h1>Contact us</h1>
<p>Phone: 1-800-555-0142</p></body></html>`,
		"/faq": `<html lang="en"><head><title>FAQ</title></head><body><h1>Frequently asked questions</h1><div id="faq"></div>
<script>
var faq = [{"q":"How do I return a bike?","a":"Book a pickup in your account."},
           {"q":"How long does delivery take?","a":"Three to five days."},
           {"q":"Do you offer a warranty?","a":"Two years on every frame."},
           {"q":"Can I pay in instalments?","a":"Yes, over 12 months."}];
document.addEventListener('DOMContentLoaded', function () {
  var root = document.getElementById('faq');
  faq.forEach(function (it) {
    var d = document.createElement('details'), s = document.createElement('summary');
    s.textContent = it.q; d.appendChild(s);
    var p = document.createElement('p'); p.textContent = it.a; d.appendChild(p);
    root.appendChild(d);
  });
});
</script></body></html>`,
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, ok := pages[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		if strings.HasSuffix(r.URL.Path, ".js") {
			w.Header().Set("Content-Type", "text/javascript")
		} else {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
		}
		fmt.Fprint(w, body)
	}))
	t.Cleanup(srv.Close)
	return srv
}

func auditJSON(t *testing.T, args ...string) (map[string]any, string) {
	t.Helper()
	code, out, errs := runCmd(append([]string{"audit", "--json", "-q", "--delay", "0", "--allow-private"}, args...)...)
	if code != exitOK {
		t.Fatalf("shopper audit %v: exit %d, stderr %q", args, code, errs)
	}
	var m map[string]any
	if err := json.Unmarshal([]byte(out), &m); err != nil {
		t.Fatalf("output is not one JSON object: %v\n%s", err, out)
	}
	return m, errs
}

func TestAuditRendersWhatScriptsBuild(t *testing.T) {
	needBrowser(t)
	srv := scriptShop(t)
	dir := t.TempDir()
	m, _ := auditJSON(t, "--render", "auto", "--screenshots", dir, srv.URL)
	if v, _ := lookup(m, "chat.present"); v != true {
		t.Errorf("--render auto: chat.present = %v, want true (Intercom injected by a loader)", v)
	}
	if v, _ := lookup(m, "chat.vendors"); fmt.Sprint(v) != "[intercom]" {
		t.Errorf("--render auto: chat.vendors = %v, want [intercom]", v)
	}
	if v, _ := lookup(m, "faq.questions"); v != 4.0 {
		t.Errorf("--render auto: faq.questions = %v, want 4 (built from JSON by a script)", v)
	}
	if v, _ := lookup(m, "pages_rendered"); v != 3.0 {
		t.Errorf("--render auto: pages_rendered = %v, want home, contact and FAQ", v)
	}
	for _, kind := range []string{"home", "contact"} {
		v, _ := lookup(m, "screenshots."+kind)
		path, _ := v.(string)
		if b, err := os.ReadFile(path); err != nil || !bytes.HasPrefix(b, []byte("\x89PNG")) {
			t.Errorf("screenshots.%s = %v: not a PNG file (%v)", kind, v, err)
		}
	}

	m, _ = auditJSON(t, "--render", "never", srv.URL)
	if v, _ := lookup(m, "chat.present"); v != false {
		t.Errorf("--render never: chat.present = %v, want false: the static HTML has no chat", v)
	}
	if v, _ := lookup(m, "faq.questions"); v != 0.0 {
		t.Errorf("--render never: faq.questions = %v, want 0", v)
	}
	if _, ok := lookup(m, "pages_rendered"); ok {
		t.Errorf("--render never rendered pages")
	}
}

func TestAuditWithoutBrowser(t *testing.T) {
	srv := scriptShop(t)
	t.Setenv("CHROME_PATH", filepath.Join(t.TempDir(), "no-such-chromium"))
	code, out, errs := runCmd("audit", "--json", "-q", "--delay", "0", "--allow-private", srv.URL)
	const warning = "shopper audit: no Chromium found (set CHROME_PATH or install chromium); auditing without rendering.\n"
	if code != exitOK || errs != warning {
		t.Errorf("--render auto without a browser: exit %d, stderr %q; want exit 0 and the one warning line", code, errs)
	}
	if !strings.Contains(out, `"faq"`) {
		t.Errorf("no static audit printed: %s", out)
	}
	code, out, errs = runCmd("audit", "--json", "-q", "--allow-private", "--render", "always", srv.URL)
	if code != exitUsage || !strings.Contains(errs, "apt-get install chromium") || out != "" {
		t.Errorf("--render always without a browser: exit %d, stdout %q, stderr %q; want exit 2 saying how to install it", code, out, errs)
	}
}

func TestAuditRenderFlags(t *testing.T) {
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"--render", "sometimes"}, "--render takes auto, always or never"},
		{[]string{"--tabs", "0"}, "--tabs must be between 1 and 16"},
		{[]string{"--render-timeout", "0s"}, "--render-timeout must be a positive duration"},
		{[]string{"--third-party", "maybe"}, "--third-party takes block or allow"},
		{[]string{"--render", "never", "--screenshots", "shots"}, "--screenshots needs rendered pages"},
	}
	for _, c := range cases {
		code, _, errs := runCmd(append(append([]string{"audit"}, c.args...), "example.com")...)
		if code != exitUsage || !strings.Contains(errs, c.want) {
			t.Errorf("shopper audit %v: exit %d, stderr %q; want exit 2 saying %q", c.args, code, errs, c.want)
		}
	}
}

func TestAuditInterruptedClosesBrowser(t *testing.T) {
	needBrowser(t)
	started := make(chan struct{}, 1)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		switch r.URL.Path {
		case "/":
			fmt.Fprint(w, `<html><head><title>Shop</title></head><body><a href="/contact">Contact</a></body></html>`)
		case "/contact":
			// The browser asks for the contact page: interrupt the audit.
			if r.UserAgent() != "" && strings.Contains(r.UserAgent(), "Chrome") {
				select {
				case started <- struct{}{}:
				default:
				}
			}
			fmt.Fprint(w, `<html><head><title>Contact</title></head><body><h1>Contact us</h1><script>setTimeout(function(){}, 900)</script></body></html>`)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		<-started
		cancel()
	}()
	var out, errb bytes.Buffer
	run(ctx, []string{"audit", "-q", "--delay", "0", "--allow-private", "--render", "always", srv.URL}, &out, &errb)
	cancel()
	if strings.Contains(errb.String(), "panic") {
		t.Errorf("interrupted audit panicked: %s", errb.String())
	}
	if kids := browserChildren(); len(kids) > 0 {
		t.Errorf("browser processes left after the audit returned: %v", kids)
	}
}

// browserChildren lists this process's children that are a browser.
func browserChildren() []string {
	var out []string
	stats, _ := filepath.Glob("/proc/[0-9]*/stat")
	for _, f := range stats {
		b, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		s := string(b)
		open, end := strings.IndexByte(s, '('), strings.LastIndexByte(s, ')')
		if open < 0 || end < open {
			continue
		}
		fields := strings.Fields(s[end+1:])
		if len(fields) > 1 && fields[0] != "Z" && fields[1] == fmt.Sprint(os.Getpid()) && strings.Contains(strings.ToLower(s[open+1:end]), "chrom") {
			out = append(out, s[:end+1])
		}
	}
	return out
}

func TestProgressLinesWhenNotATerminal(t *testing.T) {
	srv := shop(t)
	code, _, errs := runCmd("audit", "--json", "--render", "never", "--allow-private", "--delay", "0", srv.URL)
	if code != exitOK {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	if !strings.Contains(errs, "[1/1] "+srv.URL+": ") || !strings.Contains(errs, "pages in") || strings.Contains(errs, "\r") {
		t.Errorf("stderr = %q, want one plain progress line per site (no terminal control)", errs)
	}
}
