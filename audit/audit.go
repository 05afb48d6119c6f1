// Package audit runs one customer-service audit of a website: it crawls
// the site once, runs every probe on the crawled pages, and scores the
// findings. Analyze is pure, so a saved Site can be audited again without
// the network; Run adds the crawl. Result is the public JSON contract of
// `shopper audit --json`: fields may be added, never renamed or dropped.
package audit

import (
	"context"
	"fmt"
	"runtime/debug"
	"time"

	"github.com/shopper-audit/shopper/crawler"
	"github.com/shopper-audit/shopper/probes/channels"
	"github.com/shopper-audit/shopper/probes/chat"
	"github.com/shopper-audit/shopper/probes/faq"
	"github.com/shopper-audit/shopper/probes/pagekind"
	"github.com/shopper-audit/shopper/probes/phone"
	"github.com/shopper-audit/shopper/scoring"
)

// Options configure an audit. The zero value crawls with the crawler's
// defaults and picks the region from the site.
type Options struct {
	// Crawl configures the crawler. Its Priority defaults to
	// pagekind.Priority: contact, FAQ, help and policy pages first.
	Crawl crawler.Options
	// Region overrides the ISO region used for national-format phone
	// numbers ("US", "VN", "TR", ...). Default: from the site.
	Region string
}

// Result is everything one audit found, as `shopper audit --json` prints it.
type Result struct {
	URL          string               `json:"url"`
	Home         string               `json:"home"`
	AuditedAt    *time.Time           `json:"audited_at,omitempty"`
	Seconds      float64              `json:"seconds,omitempty"`
	PagesCrawled int                  `json:"pages_crawled"`
	Region       string               `json:"region"`
	Language     string               `json:"language,omitempty"`
	ContactPage  *string              `json:"contact_page"`
	Phone        phone.Finding        `json:"phone"`
	FAQ          faq.Finding          `json:"faq"`
	Chat         chat.Finding         `json:"chat"`
	Email        channels.Email       `json:"email"`
	ContactForm  channels.ContactForm `json:"contact_form"`
	Policies     channels.Policies    `json:"policies"`
	Social       []string             `json:"social"`
	Score        scoring.Scorecard    `json:"score"`
	// ProbeErrors lists probes that failed on this site; their items are
	// scored as not measured.
	ProbeErrors []string `json:"probe_errors,omitempty"`
	// Pages lists the pages crawled, with what each was taken for.
	Pages []PageSummary `json:"pages"`
	// Skipped counts addresses found but not kept, by reason.
	Skipped map[string]int `json:"skipped,omitempty"`
}

// PageSummary is one crawled page in a result.
type PageSummary struct {
	URL   string   `json:"url"`
	Title string   `json:"title,omitempty"`
	Kinds []string `json:"kinds,omitempty"`
}

// Run crawls the site at siteURL and audits it. It fails only when the
// site cannot be crawled at all (a *crawler.HomeError).
func Run(ctx context.Context, siteURL string, opts Options) (*Result, error) {
	co := opts.Crawl
	if co.Priority == nil {
		co.Priority = pagekind.Priority
	}
	start := time.Now()
	site, err := crawler.Crawl(ctx, siteURL, co)
	if err != nil {
		return nil, err
	}
	r := Analyze(site, opts.Region)
	at := start.UTC().Truncate(time.Second)
	r.AuditedAt = &at
	r.Seconds = time.Since(start).Round(time.Millisecond).Seconds()
	return r, nil
}

// Analyze runs every probe on a crawled site and scores the findings. It
// does no I/O. A probe that panics is reported in ProbeErrors and its items
// are not measured; the rest of the audit stands.
func Analyze(site *crawler.Site, region string) *Result {
	r := &Result{URL: site.URL, Home: site.Home, PagesCrawled: len(site.Pages), Social: []string{}}
	if home := site.HomePage(); home != nil {
		r.Language = home.Lang
	}
	var kinds pagekind.Pages
	run(r, "pagekind", func() { kinds = pagekind.Find(site) })
	if kinds == nil {
		kinds = pagekind.Pages{}
	}
	r.ContactPage = kinds.URL(pagekind.Contact)
	r.Region = "US"
	run(r, "region", func() { r.Region = phone.Region(site, region) })

	var f scoring.Findings
	f.ContactPage = r.ContactPage
	run(r, "phone", func() {
		p := phone.Probe(site, phone.Input{Region: r.Region, Contact: kinds[pagekind.Contact]})
		f.Phone, r.Phone = &p, p
	})
	run(r, "faq", func() {
		q := faq.Probe(site, faq.Input{FAQ: kinds[pagekind.FAQ], Help: kinds[pagekind.Help]})
		f.FAQ, r.FAQ = &q, q
	})
	run(r, "chat", func() {
		c := chat.Probe(site)
		f.Chat, r.Chat = &c, c
	})
	run(r, "channels", func() {
		c := channels.Probe(site, kinds)
		f.Channels = &c
		r.Email, r.ContactForm, r.Policies, r.Social = c.Email, c.ContactForm, c.Policies, c.Social
	})
	if r.Phone.Numbers == nil {
		r.Phone.Numbers = []phone.Number{}
	}
	if r.Chat.Vendors == nil {
		r.Chat.Vendors = []string{}
	}
	if r.Email.Addresses == nil {
		r.Email.Addresses = []string{}
	}
	if r.Social == nil {
		r.Social = []string{}
	}
	r.Score = scoring.Score(f)

	for _, p := range site.Pages {
		ps := PageSummary{URL: p.URL, Title: p.Title}
		for _, k := range pagekind.Kinds {
			if kinds[k] == p {
				ps.Kinds = append(ps.Kinds, string(k))
			}
		}
		r.Pages = append(r.Pages, ps)
	}
	if len(site.Skipped) > 0 {
		r.Skipped = map[string]int{}
		for _, s := range site.Skipped {
			r.Skipped[s.Reason]++
		}
	}
	return r
}

// run calls a probe, turning a panic into a probe error so that one broken
// probe never sinks the audit.
func run(r *Result, name string, f func()) {
	defer func() {
		if v := recover(); v != nil {
			r.ProbeErrors = append(r.ProbeErrors, fmt.Sprintf("%s: %v", name, v))
			if debugProbes {
				r.ProbeErrors = append(r.ProbeErrors, string(debug.Stack()))
			}
		}
	}()
	f()
}

// debugProbes adds stack traces to probe errors; tests turn it on.
var debugProbes = false
