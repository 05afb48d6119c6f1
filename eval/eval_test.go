package eval_test

// TestEvalCorpus audits every hand-labelled site under sites/ and scores the
// tool against the labels in each site's truth.json. It depends only on the
// public JSON contract of audit.Result: the result is marshalled to JSON and
// decoded into this file's own types.

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math"
	"mime"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/shopper-audit/shopper/audit"
	"github.com/shopper-audit/shopper/crawler"
)

// Targets below which the test fails.
const (
	targetTollFree   = 0.95
	targetProminent  = 0.95
	targetChatF1     = 0.95
	targetFAQRate    = 0.90
	targetEmailF1    = 0.90
	targetPolicyF1   = 0.90
	perSiteAuditTime = 90 * time.Second
)

// paths is a truth value that names a page: null (no such page), one path,
// or a list of paths when a careful auditor would accept any of them (for
// example a Turkish shop with both a privacy policy and a KVKK notice).
type paths []string

func (p *paths) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	switch {
	case bytes.Equal(b, []byte("null")):
		*p = nil
		return nil
	case len(b) > 0 && b[0] == '[':
		var l []string
		if err := json.Unmarshal(b, &l); err != nil {
			return err
		}
		*p = l
		return nil
	default:
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*p = paths{s}
		return nil
	}
}

// matches reports whether an absolute URL from the tool names one of the
// truth's paths. Paths compare with their query (parameters in canonical
// order), without a trailing slash.
func (p paths) matches(got *string) bool {
	if len(p) == 0 || got == nil || *got == "" {
		return false
	}
	g := normPath(*got)
	for _, want := range p {
		if normPath(want) == g {
			return true
		}
	}
	return false
}

func normPath(s string) string {
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil {
		return s
	}
	p := u.EscapedPath()
	if unesc, err := url.PathUnescape(p); err == nil {
		p = unesc
	}
	if len(p) > 1 {
		p = strings.TrimRight(p, "/")
	}
	if p == "" {
		p = "/"
	}
	if u.RawQuery != "" {
		p += "?" + queryKey(u.RawQuery)
	}
	return p
}

type truth struct {
	Region      string `json:"region"`
	ContactPage paths  `json:"contact_page"`
	Phone       struct {
		TollFree  bool     `json:"toll_free"`
		Prominent bool     `json:"prominent"`
		Numbers   []string `json:"numbers"`
	} `json:"phone"`
	FAQ struct {
		URL       paths `json:"url"`
		Questions int   `json:"questions"`
	} `json:"faq"`
	Chat struct {
		Present bool     `json:"present"`
		Vendors []string `json:"vendors"`
	} `json:"chat"`
	Email struct {
		Addresses []string `json:"addresses"`
	} `json:"email"`
	ContactForm struct {
		Present bool `json:"present"`
	} `json:"contact_form"`
	Policies struct {
		Returns  paths `json:"returns"`
		Shipping paths `json:"shipping"`
		Privacy  paths `json:"privacy"`
		Warranty paths `json:"warranty"`
	} `json:"policies"`
	Notes string `json:"notes"`
}

// result is the part of audit.Result's JSON contract the evaluation reads.
type result struct {
	URL          string  `json:"url"`
	PagesCrawled int     `json:"pages_crawled"`
	Region       string  `json:"region"`
	ContactPage  *string `json:"contact_page"`
	Phone        struct {
		Numbers []struct {
			E164        string `json:"e164"`
			Type        string `json:"type"`
			OnHome      bool   `json:"on_home"`
			OnContact   bool   `json:"on_contact"`
			ClickToCall bool   `json:"click_to_call"`
		} `json:"numbers"`
		TollFree  bool `json:"toll_free"`
		Prominent bool `json:"prominent"`
	} `json:"phone"`
	FAQ struct {
		URL       *string `json:"url"`
		Questions int     `json:"questions"`
	} `json:"faq"`
	Chat struct {
		Present bool     `json:"present"`
		Vendors []string `json:"vendors"`
	} `json:"chat"`
	Email struct {
		Addresses []string `json:"addresses"`
	} `json:"email"`
	ContactForm struct {
		Present bool    `json:"present"`
		URL     *string `json:"url"`
	} `json:"contact_form"`
	Policies struct {
		Returns  *string `json:"returns"`
		Shipping *string `json:"shipping"`
		Privacy  *string `json:"privacy"`
		Warranty *string `json:"warranty"`
	} `json:"policies"`
	Social []string `json:"social"`
	Score  struct {
		Total float64 `json:"total"`
		Grade string  `json:"grade"`
	} `json:"score"`
}

// queryKey is a query string in a canonical form: its decoded "k=v" pairs,
// sorted and joined with "&", so a crawler that reorders or re-escapes
// parameters still reaches the same file.
func queryKey(raw string) string {
	vals, err := url.ParseQuery(raw)
	if err != nil {
		return raw
	}
	var pairs []string
	for k, vs := range vals {
		for _, v := range vs {
			pairs = append(pairs, k+"="+v)
		}
	}
	sort.Strings(pairs)
	return strings.Join(pairs, "&")
}

// siteHandler serves one corpus directory as a static site: "/" from
// index.html, "/x" from x, x.html or x/index.html, and "/x?q" first from
// x__<q>.html, where <q> is queryKey(q) with every character outside
// [A-Za-z0-9.-] replaced by "_" (so CMS-style addresses such as
// /index.php?route=information/contact can be stored as files). HTML goes
// out as plain "text/html" with no charset, so <meta charset> decides.
// truth.json is never served.
func siteHandler(dir string) http.Handler {
	unsafe := regexp.MustCompile(`[^A-Za-z0-9.-]`)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		rel := strings.TrimPrefix(path.Clean("/"+r.URL.Path), "/")
		var cands []string
		if r.URL.RawQuery != "" {
			base := rel
			if base == "" {
				base = "index"
			}
			cands = append(cands, base+"__"+unsafe.ReplaceAllString(queryKey(r.URL.RawQuery), "_")+".html")
		}
		if rel == "" {
			cands = append(cands, "index.html")
		} else {
			cands = append(cands, rel, rel+".html", rel+"/index.html")
		}
		for _, c := range cands {
			if c == "truth.json" || strings.HasPrefix(path.Base(c), ".") {
				continue
			}
			full := filepath.Join(dir, filepath.FromSlash(c))
			st, err := os.Stat(full)
			if err != nil || st.IsDir() {
				continue
			}
			body, err := os.ReadFile(full)
			if err != nil {
				continue
			}
			ct := "application/octet-stream"
			switch ext := strings.ToLower(path.Ext(c)); ext {
			case ".html", ".htm":
				ct = "text/html"
			case ".txt":
				ct = "text/plain; charset=utf-8"
			case ".xml":
				ct = "application/xml"
			default:
				if t := mime.TypeByExtension(ext); t != "" {
					ct = t
				}
			}
			w.Header().Set("Content-Type", ct)
			if r.Method == http.MethodHead {
				return
			}
			w.Write(body)
			return
		}
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(http.StatusNotFound)
		fmt.Fprint(w, "<!doctype html><html><head><title>404 Not Found</title></head><body><h1>Not Found</h1></body></html>")
	})
}

// counts accumulates a micro-averaged precision/recall.
type counts struct{ tp, fp, fn int }

func (c *counts) add(o counts) { c.tp += o.tp; c.fp += o.fp; c.fn += o.fn }

func (c counts) prf() (p, r, f float64) {
	if c.tp+c.fp == 0 {
		p = 1
	} else {
		p = float64(c.tp) / float64(c.tp+c.fp)
	}
	if c.tp+c.fn == 0 {
		r = 1
	} else {
		r = float64(c.tp) / float64(c.tp+c.fn)
	}
	if p+r == 0 {
		return p, r, 0
	}
	return p, r, 2 * p * r / (p + r)
}

func setCounts(want, got []string, norm func(string) string) (c counts, missed, extra []string) {
	w := map[string]bool{}
	for _, s := range want {
		w[norm(s)] = true
	}
	g := map[string]bool{}
	for _, s := range got {
		g[norm(s)] = true
	}
	for s := range g {
		if w[s] {
			c.tp++
		} else {
			c.fp++
			extra = append(extra, s)
		}
	}
	for s := range w {
		if !g[s] {
			c.fn++
			missed = append(missed, s)
		}
	}
	sort.Strings(missed)
	sort.Strings(extra)
	return c, missed, extra
}

func lower(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// faqWithin is the FAQ-count tolerance: exact for 0, ±1 up to 10
// questions, otherwise ±10% of the truth, rounded.
func faqWithin(want, got int) bool {
	d := got - want
	if d < 0 {
		d = -d
	}
	switch {
	case want == 0:
		return got == 0
	case want <= 10:
		return d <= 1
	default:
		return d <= int(math.Round(0.1*float64(want)))
	}
}

func strp(s *string) string {
	if s == nil {
		return "null"
	}
	return normPath(*s)
}

func want(p paths) string {
	if len(p) == 0 {
		return "null"
	}
	return strings.Join(p, "|")
}

func TestEvalCorpus(t *testing.T) {
	entries, err := os.ReadDir("sites")
	if err != nil {
		t.Fatalf("reading corpus: %v", err)
	}
	var (
		n                                            int
		tollOK, promOK, chatPresentOK, faqOK, faqURL int
		formOK, contactOK, regionOK                  int
		chatC, emailC, policyC, numberC              counts
		misses                                       []string
	)
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		name := e.Name()
		dir := filepath.Join("sites", name)
		raw, err := os.ReadFile(filepath.Join(dir, "truth.json"))
		if err != nil {
			t.Errorf("%s: no truth.json: %v", name, err)
			continue
		}
		var tr truth
		if err := json.Unmarshal(raw, &tr); err != nil {
			t.Errorf("%s: bad truth.json: %v", name, err)
			continue
		}
		n++

		srv := httptest.NewServer(siteHandler(dir))
		ctx, cancel := context.WithTimeout(context.Background(), perSiteAuditTime)
		res, err := audit.Run(ctx, srv.URL, audit.Options{Crawl: crawler.Options{AllowPrivate: true, Delay: 0}, Region: ""})
		cancel()
		srv.Close()

		var got result
		var miss []string
		failed := err != nil || res == nil
		if failed {
			miss = append(miss, fmt.Sprintf("AUDIT ERROR: %v", err))
		} else {
			b, err := json.Marshal(res)
			if err == nil {
				err = json.Unmarshal(b, &got)
			}
			if err != nil {
				failed = true
				miss = append(miss, fmt.Sprintf("RESULT JSON: %v", err))
			}
		}

		// Phone verdicts.
		if !failed && got.Phone.TollFree == tr.Phone.TollFree {
			tollOK++
		} else if !failed {
			miss = append(miss, fmt.Sprintf("toll_free: want %v got %v", tr.Phone.TollFree, got.Phone.TollFree))
		}
		if !failed && got.Phone.Prominent == tr.Phone.Prominent {
			promOK++
		} else if !failed {
			miss = append(miss, fmt.Sprintf("prominent: want %v got %v", tr.Phone.Prominent, got.Phone.Prominent))
		}
		var gotNums []string
		for _, x := range got.Phone.Numbers {
			gotNums = append(gotNums, x.E164)
		}
		c, m, x := setCounts(tr.Phone.Numbers, gotNums, strings.TrimSpace)
		numberC.add(c)
		if !failed && (len(m) > 0 || len(x) > 0) {
			miss = append(miss, fmt.Sprintf("numbers (info): missed %v extra %v", m, x))
		}

		// Chat.
		if !failed && got.Chat.Present == tr.Chat.Present {
			chatPresentOK++
		} else if !failed {
			miss = append(miss, fmt.Sprintf("chat.present: want %v got %v", tr.Chat.Present, got.Chat.Present))
		}
		c, m, x = setCounts(tr.Chat.Vendors, got.Chat.Vendors, lower)
		chatC.add(c)
		if !failed && (len(m) > 0 || len(x) > 0) {
			miss = append(miss, fmt.Sprintf("chat vendors: missed %v extra %v", m, x))
		}

		// FAQ.
		if !failed && faqWithin(tr.FAQ.Questions, got.FAQ.Questions) {
			faqOK++
		} else if !failed {
			miss = append(miss, fmt.Sprintf("faq.questions: want %d got %d (url %s)", tr.FAQ.Questions, got.FAQ.Questions, strp(got.FAQ.URL)))
		}
		if !failed && ((len(tr.FAQ.URL) == 0 && got.FAQ.URL == nil) || tr.FAQ.URL.matches(got.FAQ.URL)) {
			faqURL++
		} else if !failed {
			miss = append(miss, fmt.Sprintf("faq.url (info): want %s got %s", want(tr.FAQ.URL), strp(got.FAQ.URL)))
		}

		// E-mail.
		c, m, x = setCounts(tr.Email.Addresses, got.Email.Addresses, lower)
		emailC.add(c)
		if !failed && (len(m) > 0 || len(x) > 0) {
			miss = append(miss, fmt.Sprintf("email: missed %v extra %v", m, x))
		}

		// Contact form and contact page.
		if !failed && got.ContactForm.Present == tr.ContactForm.Present {
			formOK++
		} else if !failed {
			miss = append(miss, fmt.Sprintf("contact_form: want %v got %v", tr.ContactForm.Present, got.ContactForm.Present))
		}
		if !failed && ((len(tr.ContactPage) == 0 && got.ContactPage == nil) || tr.ContactPage.matches(got.ContactPage)) {
			contactOK++
		} else if !failed {
			miss = append(miss, fmt.Sprintf("contact_page: want %s got %s", want(tr.ContactPage), strp(got.ContactPage)))
		}
		if !failed && strings.EqualFold(got.Region, tr.Region) {
			regionOK++
		} else if !failed {
			miss = append(miss, fmt.Sprintf("region (info): want %s got %s", tr.Region, got.Region))
		}

		// Policies: micro over the four kinds; a wrong URL is a false
		// positive and a false negative.
		for _, k := range []struct {
			kind string
			want paths
			got  *string
		}{
			{"returns", tr.Policies.Returns, got.Policies.Returns},
			{"shipping", tr.Policies.Shipping, got.Policies.Shipping},
			{"privacy", tr.Policies.Privacy, got.Policies.Privacy},
			{"warranty", tr.Policies.Warranty, got.Policies.Warranty},
		} {
			hasGot := !failed && k.got != nil && *k.got != ""
			switch {
			case len(k.want) > 0 && hasGot && k.want.matches(k.got):
				policyC.tp++
			default:
				if hasGot {
					policyC.fp++
				}
				if len(k.want) > 0 {
					policyC.fn++
				}
				if !failed && (hasGot || len(k.want) > 0) {
					miss = append(miss, fmt.Sprintf("policy %s: want %s got %s", k.kind, want(k.want), strp(k.got)))
				}
			}
		}

		if len(miss) > 0 {
			misses = append(misses, fmt.Sprintf("%s (%d pages):\n    %s", name, got.PagesCrawled, strings.Join(miss, "\n    ")))
		}
	}
	if n == 0 {
		t.Fatal("no sites in the corpus")
	}

	for _, m := range misses {
		t.Logf("MISS %s", m)
	}
	rate := func(k int) float64 { return float64(k) / float64(n) }
	_, _, chatF1 := chatC.prf()
	cp, cr, _ := chatC.prf()
	ep, er, emailF1 := emailC.prf()
	pp, pr, policyF1 := policyC.prf()
	np, nr, nf := numberC.prf()
	t.Logf("sites: %d", n)
	t.Logf("toll-free accuracy      %.3f (target %.2f)", rate(tollOK), targetTollFree)
	t.Logf("prominent accuracy      %.3f (target %.2f)", rate(promOK), targetProminent)
	t.Logf("chat vendors P/R/F1     %.3f / %.3f / %.3f (target F1 %.2f)", cp, cr, chatF1, targetChatF1)
	t.Logf("chat present accuracy   %.3f", rate(chatPresentOK))
	t.Logf("FAQ count within ±10%%   %.3f (target %.2f)", rate(faqOK), targetFAQRate)
	t.Logf("e-mail P/R/F1           %.3f / %.3f / %.3f (target F1 %.2f)", ep, er, emailF1, targetEmailF1)
	t.Logf("policy P/R/F1           %.3f / %.3f / %.3f (target F1 %.2f)", pp, pr, policyF1, targetPolicyF1)
	t.Logf("contact-form accuracy   %.3f", rate(formOK))
	t.Logf("contact-page accuracy   %.3f", rate(contactOK))
	t.Logf("info: FAQ url accuracy  %.3f; region accuracy %.3f; phone-number P/R/F1 %.3f / %.3f / %.3f", rate(faqURL), rate(regionOK), np, nr, nf)

	check := func(name string, v, target float64) {
		if v < target {
			t.Errorf("%s %.3f is below the target %.2f", name, v, target)
		}
	}
	check("toll-free accuracy", rate(tollOK), targetTollFree)
	check("prominent accuracy", rate(promOK), targetProminent)
	check("chat vendor F1", chatF1, targetChatF1)
	check("FAQ ±10% rate", rate(faqOK), targetFAQRate)
	check("e-mail F1", emailF1, targetEmailF1)
	check("policy F1", policyF1, targetPolicyF1)
}
