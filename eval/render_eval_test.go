package eval_test

// TestEvalRendered audits every hand-labelled site under jssites/ — sites
// whose chat widgets and FAQs appear only after JavaScript runs — with
// `--render auto` in a real headless Chromium, and scores the chat and FAQ
// findings against each site's truth.json. Like TestEvalCorpus it reads only
// the public JSON contract of audit.Result, and it reuses that test's file
// server (siteHandler), label types and tolerances.

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/shopper-audit/shopper/audit"
	"github.com/shopper-audit/shopper/crawler"
	"github.com/shopper-audit/shopper/crawler/browser"
)

const (
	// renderedSiteStall bounds one rendered audit. It guards against an
	// audit stalling on an unreachable third-party host; it is not a speed
	// target.
	renderedSiteStall = 30 * time.Second
	// renderedTabs and renderedSites keep the whole corpus to about a
	// minute on a small machine.
	renderedTabs  = 4
	renderedSites = 4
)

// renderedResult is what TestEvalRendered reads beyond result.
type renderedResult struct {
	result
	PagesRendered int `json:"pages_rendered"`
	RenderErrors  []struct {
		URL    string `json:"url"`
		Reason string `json:"reason"`
	} `json:"render_errors"`
	// ChatEvidence is chat.evidence, kept apart from result.Chat.
	ChatEvidence []struct {
		Vendor string `json:"vendor"`
		Page   string `json:"page"`
		Signal string `json:"signal"`
		Detail string `json:"detail"`
	} `json:"-"`
}

type renderedSite struct {
	name    string
	truth   truth
	got     renderedResult
	err     error
	elapsed time.Duration
}

func TestEvalRendered(t *testing.T) {
	path, err := browser.Find()
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("rendered evaluation needs Chromium: %v", err)
		}
		t.Skipf("rendered evaluation needs Chromium: %v", err)
	}
	entries, err := os.ReadDir("jssites")
	if err != nil {
		t.Fatalf("reading corpus: %v", err)
	}
	var sites []*renderedSite
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		s := &renderedSite{name: e.Name()}
		raw, err := os.ReadFile(filepath.Join("jssites", s.name, "truth.json"))
		if err != nil {
			t.Fatalf("%s: no truth.json: %v", s.name, err)
		}
		if err := json.Unmarshal(raw, &s.truth); err != nil {
			t.Fatalf("%s: bad truth.json: %v", s.name, err)
		}
		sites = append(sites, s)
	}
	if len(sites) == 0 {
		t.Fatal("no sites in jssites/")
	}

	startCtx, cancelStart := context.WithTimeout(context.Background(), 30*time.Second)
	b, err := browser.New(startCtx, browser.Options{
		Path:            path,
		Tabs:            renderedTabs,
		LoopbackOnly:    true,
		UserAgentSuffix: crawler.DefaultUserAgent,
	})
	cancelStart()
	if err != nil {
		if errors.Is(err, browser.ErrNotFound) && os.Getenv("CI") != "true" {
			t.Skipf("rendered evaluation needs Chromium: %v", err)
		}
		t.Fatalf("starting Chromium: %v", err)
	}
	defer b.Close()
	renderer := audit.BrowserRenderer(b)

	sem := make(chan struct{}, renderedSites)
	var wg sync.WaitGroup
	for _, s := range sites {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			srv := httptest.NewServer(siteHandler(filepath.Join("jssites", s.name)))
			defer srv.Close()
			// The context is longer than the stall bound so that a slow
			// audit is measured and reported rather than cut short.
			ctx, cancel := context.WithTimeout(context.Background(), 2*renderedSiteStall)
			defer cancel()
			start := time.Now()
			res, err := audit.Run(ctx, srv.URL, audit.Options{
				Crawl:    crawler.Options{AllowPrivate: true, Delay: 0},
				Renderer: renderer,
				Render:   audit.RenderAuto,
			})
			s.elapsed = time.Since(start)
			if err != nil {
				s.err = fmt.Errorf("audit: %w", err)
				return
			}
			raw, err := json.Marshal(res)
			if err == nil {
				err = json.Unmarshal(raw, &s.got)
			}
			if err == nil {
				var ev struct {
					Chat struct {
						Evidence json.RawMessage `json:"evidence"`
					} `json:"chat"`
				}
				if err = json.Unmarshal(raw, &ev); err == nil && len(ev.Chat.Evidence) > 0 && string(ev.Chat.Evidence) != "null" {
					err = json.Unmarshal(ev.Chat.Evidence, &s.got.ChatEvidence)
				}
			}
			if err != nil {
				s.err = fmt.Errorf("result JSON: %w", err)
			}
		}()
	}
	wg.Wait()

	var (
		n, presentOK, faqOK int
		chatC               counts
		slowest             time.Duration
		slowestSite         string
	)
	for _, s := range sites {
		n++
		if s.elapsed > slowest {
			slowest, slowestSite = s.elapsed, s.name
		}
		if s.elapsed > renderedSiteStall {
			t.Errorf("%s: the audit took %s, longer than the stall bound %s", s.name, s.elapsed.Round(time.Millisecond), renderedSiteStall)
		}
		if s.err != nil {
			t.Errorf("%s: %v", s.name, s.err)
			// A failed audit misses every vendor it should have found.
			chatC.fn += len(s.truth.Chat.Vendors)
			continue
		}
		g, tr := s.got, s.truth
		var miss []string
		if g.PagesRendered == 0 {
			t.Errorf("%s: no page was rendered with --render auto", s.name)
		}
		if g.Chat.Present == tr.Chat.Present {
			presentOK++
		} else {
			miss = append(miss, fmt.Sprintf("chat.present: want %v got %v", tr.Chat.Present, g.Chat.Present))
		}
		c, m, x := setCounts(tr.Chat.Vendors, g.Chat.Vendors, lower)
		chatC.add(c)
		if len(m) > 0 || len(x) > 0 {
			miss = append(miss, fmt.Sprintf("chat vendors: want %v got %v (missed %v, extra %v)", tr.Chat.Vendors, g.Chat.Vendors, m, x))
		}
		if len(miss) > 0 {
			for _, e := range g.ChatEvidence {
				miss = append(miss, fmt.Sprintf("  chat evidence: vendor %q %s %q on %s", e.Vendor, e.Signal, e.Detail, normPath(e.Page)))
			}
		}
		if faqWithin(tr.FAQ.Questions, g.FAQ.Questions) {
			faqOK++
		} else {
			miss = append(miss, fmt.Sprintf("faq.questions: want %d got %d (faq url want %s got %s)", tr.FAQ.Questions, g.FAQ.Questions, want(tr.FAQ.URL), strp(g.FAQ.URL)))
		}
		// For information: the fields TestEvalCorpus scores.
		if !((len(tr.FAQ.URL) == 0 && g.FAQ.URL == nil) || tr.FAQ.URL.matches(g.FAQ.URL)) {
			miss = append(miss, fmt.Sprintf("faq.url (info): want %s got %s", want(tr.FAQ.URL), strp(g.FAQ.URL)))
		}
		if g.Phone.TollFree != tr.Phone.TollFree {
			miss = append(miss, fmt.Sprintf("toll_free (info): want %v got %v", tr.Phone.TollFree, g.Phone.TollFree))
		}
		if g.Phone.Prominent != tr.Phone.Prominent {
			miss = append(miss, fmt.Sprintf("prominent (info): want %v got %v", tr.Phone.Prominent, g.Phone.Prominent))
		}
		if _, m, x := setCounts(tr.Email.Addresses, g.Email.Addresses, lower); len(m) > 0 || len(x) > 0 {
			miss = append(miss, fmt.Sprintf("email (info): missed %v extra %v", m, x))
		}
		if g.ContactForm.Present != tr.ContactForm.Present {
			miss = append(miss, fmt.Sprintf("contact_form (info): want %v got %v", tr.ContactForm.Present, g.ContactForm.Present))
		}
		for _, e := range g.RenderErrors {
			miss = append(miss, fmt.Sprintf("render error (info): %s: %s", e.URL, e.Reason))
		}
		if len(miss) > 0 {
			t.Logf("MISS %s (%d pages, %d rendered, %s):\n    %s", s.name, g.PagesCrawled, g.PagesRendered,
				s.elapsed.Round(time.Millisecond), strings.Join(miss, "\n    "))
		}
	}

	var table []string
	for _, s := range sites {
		table = append(table, fmt.Sprintf("%-34s %6.1fs  chat %-22s faq %3d/%-3d",
			s.name, s.elapsed.Seconds(), strings.Join(sortedCopy(s.got.Chat.Vendors), ","), s.got.FAQ.Questions, s.truth.FAQ.Questions))
	}
	t.Logf("per site (got / want):\n    %s", strings.Join(table, "\n    "))

	rate := func(k int) float64 { return float64(k) / float64(n) }
	cp, cr, chatF1 := chatC.prf()
	t.Logf("sites: %d (rendered with --render auto, third-party hosts blocked)", n)
	t.Logf("chat vendors P/R/F1     %.3f / %.3f / %.3f (target F1 %.2f)", cp, cr, chatF1, targetChatF1)
	t.Logf("chat present accuracy   %.3f", rate(presentOK))
	t.Logf("FAQ count within ±10%%   %.3f (target %.2f)", rate(faqOK), targetFAQRate)
	t.Logf("slowest audit           %s (%s; stall bound %s)", slowest.Round(time.Millisecond), slowestSite, renderedSiteStall)
	if chatF1 < targetChatF1 {
		t.Errorf("rendered chat vendor F1 %.3f is below the target %.2f", chatF1, targetChatF1)
	}
	if rate(faqOK) < targetFAQRate {
		t.Errorf("rendered FAQ ±10%% rate %.3f is below the target %.2f", rate(faqOK), targetFAQRate)
	}
}

func sortedCopy(s []string) []string {
	c := append([]string(nil), s...)
	sort.Strings(c)
	return c
}
