package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
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
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, ok := pages[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, body)
	}))
	t.Cleanup(srv.Close)
	return srv
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
