// Package demo runs shopper's whole workflow offline, on loopback: it
// serves sample company sites (sitegen) on 127.0.0.1, starts a scripted
// customer-service desk (internal/desk) that receives the inquiries by
// SMTP with STARTTLS and AUTH and answers them, and the persona's mailbox
// (go-imap's in-memory IMAP server, over TLS) where the answers land. It
// then runs a real campaign against them — the audits, campaign.Runner
// with sending on, the SQLite store, replies.Watch — and returns each
// company's scorecard with the e-mail response section filled in.
//
// The demo compresses time: replies come within seconds, and the
// campaign's deadline is seconds too, where real desks take hours and real
// campaigns wait days. Every address the campaign writes to is answered
// by the demo's own desk; nothing leaves the machine.
package demo

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/tls"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"text/template"
	"time"

	"github.com/shopper-audit/shopper/audit"
	"github.com/shopper-audit/shopper/campaign"
	"github.com/shopper-audit/shopper/crawler"
	"github.com/shopper-audit/shopper/internal/desk"
	"github.com/shopper-audit/shopper/probes/inquiry"
	"github.com/shopper-audit/shopper/probes/replies"
	"github.com/shopper-audit/shopper/sitegen"
	"github.com/shopper-audit/shopper/store"
)

// Pages is how many pages each sample site has.
const Pages = 12

// Files the demo writes into Options.Dir.
const (
	CampaignFile = "campaign.yaml"
	StoreFile    = "demo.db"
)

// Options configure a demo run.
type Options struct {
	// Dir is the folder the campaign file and the store are written to;
	// it is made when missing. A store left there by an earlier demo is
	// replaced. Required.
	Dir string
	// Out receives the progress lines. Default: none.
	Out io.Writer
	// Speed divides the desk's delays and the campaign's deadline: 2
	// runs twice as fast. Default 1 (replies after 1 to 6 seconds, a
	// 12-second deadline).
	Speed float64
	// Renderer renders pages for the audits (see audit.Options). Default
	// nil: the audits read the static HTML, and no browser is needed.
	Renderer crawler.Renderer
	// Companies are the sample companies. Default Companies.
	Companies []Company
}

// Result is what a demo run did.
type Result struct {
	// CampaignPath and StorePath are the campaign file and the store it
	// wrote.
	CampaignPath, StorePath string
	// File is the campaign.
	File *campaign.File
	// Scorecards are the companies' audits scored with their inquiries'
	// outcomes, in the campaign file's order.
	Scorecards []campaign.Scorecard
	// Outcomes are the inquiries' outcomes.
	Outcomes []campaign.Outcome
	// Contacted lists every address the campaign connected to: the
	// pages it crawled, the SMTP and the IMAP server (scheme://host:port/…).
	Contacted []string
	// Received counts the messages the desk received.
	Received int
}

// Run runs the demo: it starts the sites, the desk and the mailbox,
// runs the campaign until every inquiry is answered or past its
// deadline, and stops them all. It returns ctx's error when ctx ends
// first.
func Run(ctx context.Context, opts Options) (*Result, error) {
	if opts.Dir == "" {
		return nil, errors.New("no folder given for the demo's files")
	}
	if opts.Out == nil {
		opts.Out = io.Discard
	}
	if opts.Speed <= 0 {
		opts.Speed = 1
	}
	if opts.Companies == nil {
		opts.Companies = Companies
	}
	start := time.Now()
	out := &progress{w: opts.Out, start: start}
	if err := os.MkdirAll(opts.Dir, 0o755); err != nil {
		return nil, fmt.Errorf("make the folder %s: %w", opts.Dir, err)
	}
	storePath := filepath.Join(opts.Dir, StoreFile)
	for _, suffix := range []string{"", "-wal", "-shm", "-journal"} {
		if err := os.Remove(storePath + suffix); err != nil && !errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("remove the earlier store: %w", err)
		}
	}

	// The sites.
	sites, stopSites, err := serveSites(opts.Companies)
	if err != nil {
		return nil, err
	}
	defer stopSites()
	for _, s := range sites {
		out.printf("site     %-26s %s  (%s, %s)", s.site.Name, s.url, s.site.Lang, s.company.Behaviour)
	}

	// The mailbox and the desk.
	password := secret()
	mbox, err := startIMAP("alex.morgan", password)
	if err != nil {
		return nil, err
	}
	defer mbox.close()
	d, err := desk.Start(desk.Options{Password: secret(), Deliver: mbox.deliver})
	if err != nil {
		return nil, err
	}
	defer d.Close()
	for _, s := range sites {
		sc := script(s.company.Behaviour, s.site.Lang, opts.Speed)
		for _, addr := range s.site.Emails {
			d.Script(addr, sc)
		}
	}
	out.printf("mailbox  IMAP over TLS on %s (in-process, in memory)", mbox.addr)
	out.printf("desk     SMTP with STARTTLS and AUTH on %s: it answers every address of the sample companies;", d.Submission())
	out.printf("         no e-mail leaves this machine.")
	out.printf("time     replies arrive within seconds in the demo; real desks take hours (deadline here: %s).", dur(deadline, opts.Speed))

	// The campaign file.
	file, cpath, err := writeCampaign(opts.Dir, sites, d.Submission(), mbox.addr, mbox.username, dur(deadline, opts.Speed))
	if err != nil {
		return nil, err
	}
	db, err := store.Open(ctx, storePath)
	if err != nil {
		return nil, err
	}
	defer db.Close()

	res := &Result{CampaignPath: cpath, StorePath: storePath, File: file}
	var mu sync.Mutex
	contacted := func(a string) {
		mu.Lock()
		res.Contacted = append(res.Contacted, a)
		mu.Unlock()
	}
	smtpHost, smtpPort := splitAddr(d.Submission())
	mailer := recordingMailer{SMTP: inquiry.SMTP{Host: smtpHost, Port: smtpPort, Security: inquiry.SecurityStartTLS,
		Username: d.Username(), Password: d.Password(), TLSConfig: d.TLSConfig(), Timeout: 30 * time.Second},
		seen: contacted}
	mb := replies.Mailbox{Addr: mbox.addr, Security: "tls", Username: mbox.username, Password: password,
		Folder: "INBOX", TLSConfig: mboxTLS(mbox), PollInterval: 200 * time.Millisecond, MaxBackoff: time.Second,
		Logf: func(format string, a ...any) { out.printf("imap     "+format, a...) }}
	contacted("imaps://" + mbox.addr + "/INBOX")
	r := &campaign.Runner{File: file, DB: db, Send: true, Out: out, SMTPAddr: d.Submission(),
		Mailer: mailer, Inbox: campaign.IMAPInbox{Mailbox: mb, Sent: "Sent"}, Analyzer: campaign.RepliesAnalyzer{},
		CursorName: "imaps://" + mbox.username + "@" + mbox.addr + "/INBOX", CatchUp: time.Second}
	loopback := []netip.Prefix{netip.MustParsePrefix("127.0.0.0/8")}
	r.Audit = func(ctx context.Context, siteURL string) (*audit.Result, error) {
		a, err := audit.Run(ctx, siteURL, audit.Options{Renderer: opts.Renderer, Render: audit.RenderAuto,
			Crawl: crawler.Options{AllowNets: loopback, MaxPages: 2 * Pages, Parallelism: 4}})
		if err != nil {
			return nil, err
		}
		for _, p := range a.Pages {
			contacted(p.URL)
		}
		name := a.Company
		for _, s := range sites {
			if s.url == siteURL {
				name = s.site.Name
			}
		}
		out.printf("audited  %-26s grade %s, %d/100 from %d pages", name, a.Score.Grade, a.Score.Total, a.PagesCrawled)
		return a, nil
	}
	out.printf("campaign %s: auditing the sites, then sending one inquiry to each company", cpath)
	if err := r.Run(ctx); err != nil {
		return nil, err
	}
	res.Received = len(d.Received())
	now := time.Now()
	if res.Outcomes, err = campaign.Results(ctx, db, file, now); err != nil {
		return nil, err
	}
	if res.Scorecards, err = campaign.Scorecards(ctx, db, file, now, nil); err != nil {
		return nil, err
	}
	out.printf("done     in %s", time.Since(start).Round(100*time.Millisecond))
	return res, nil
}

// site is a sample site being served.
type site struct {
	company Company
	site    *sitegen.Site
	url     string
}

// serveSites serves each company's site on its own port of 127.0.0.1.
func serveSites(companies []Company) ([]site, func(), error) {
	var out []site
	var servers []*http.Server
	var wg sync.WaitGroup
	stop := func() {
		for _, s := range servers {
			_ = s.Close()
		}
		wg.Wait()
	}
	for _, c := range companies {
		s := sitegen.Generate(c.Seed, Pages)
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			stop()
			return nil, nil, fmt.Errorf("serve %s: %w", s.Name, err)
		}
		srv := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}
		servers = append(servers, srv)
		wg.Go(func() { _ = srv.Serve(ln) })
		out = append(out, site{company: c, site: s, url: "http://" + ln.Addr().String() + "/"})
	}
	return out, stop, nil
}

// writeCampaign writes the campaign file into dir and loads it.
func writeCampaign(dir string, sites []site, smtpAddr, imapAddr, username, deadline string) (*campaign.File, string, error) {
	type co struct{ Name, URL, Lang string }
	v := struct {
		Deadline, Username string
		SMTPPort, IMAPPort int
		Companies          []co
	}{Deadline: deadline, Username: username}
	_, v.SMTPPort = splitAddr(smtpAddr)
	_, v.IMAPPort = splitAddr(imapAddr)
	for _, s := range sites {
		v.Companies = append(v.Companies, co{s.site.Name, s.url, s.site.Lang})
	}
	var buf bytes.Buffer
	if err := template.Must(template.New("campaign").Parse(campaignYAML)).Execute(&buf, v); err != nil {
		return nil, "", fmt.Errorf("campaign file: %w", err)
	}
	path := filepath.Join(dir, CampaignFile)
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		return nil, "", fmt.Errorf("write the campaign file: %w", err)
	}
	f, err := campaign.Parse(path, buf.Bytes())
	if err != nil {
		return nil, "", fmt.Errorf("campaign file: %w", err)
	}
	return f, path, nil
}

// recordingMailer sends through the desk and notes the server it
// connected to.
type recordingMailer struct {
	inquiry.SMTP
	seen func(string)
}

func (m recordingMailer) Send(ctx context.Context, from string, to []string, raw []byte) error {
	m.seen("smtp://" + net.JoinHostPort(m.Host, strconv.Itoa(m.Port)))
	return m.SMTP.Send(ctx, from, to, raw)
}

func splitAddr(addr string) (string, int) {
	host, port, _ := net.SplitHostPort(addr)
	n, _ := strconv.Atoi(port)
	return host, n
}

// secret is a password made for one run.
func secret() string {
	b := make([]byte, 12)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// dur is d divided by speed, written for a campaign file ("12s").
func dur(d time.Duration, speed float64) string {
	return time.Duration(float64(d) / speed).Round(time.Millisecond).String()
}

// IsLoopback reports whether an address such as "http://127.0.0.1:8080/x"
// or "smtp://127.0.0.1:25" names a loopback host.
func IsLoopback(address string) bool {
	u, err := url.Parse(address)
	if err != nil {
		return false
	}
	ip, err := netip.ParseAddr(u.Hostname())
	return err == nil && ip.IsLoopback()
}

// progress writes progress lines, each after the time since the start.
type progress struct {
	mu    sync.Mutex
	w     io.Writer
	start time.Time
	buf   []byte
}

func (p *progress) printf(format string, a ...any) {
	fmt.Fprintf(p, format+"\n", a...)
}

// Write writes whole lines, each prefixed with the elapsed time.
func (p *progress) Write(b []byte) (int, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.buf = append(p.buf, b...)
	for {
		i := bytes.IndexByte(p.buf, '\n')
		if i < 0 {
			return len(b), nil
		}
		line := strings.TrimRight(string(p.buf[:i]), " ")
		p.buf = p.buf[i+1:]
		if line == "" {
			continue
		}
		if _, err := fmt.Fprintf(p.w, "%5.1fs  %s\n", time.Since(p.start).Seconds(), line); err != nil {
			return len(b), err
		}
	}
}

func mboxTLS(m *mailServer) *tls.Config {
	return &tls.Config{RootCAs: m.roots, MinVersion: tls.VersionTLS12}
}
