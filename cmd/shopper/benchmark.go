package main

import (
	"context"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/goccy/go-yaml"
	"github.com/riverqueue/river"

	"github.com/shopper-audit/shopper/audit"
	"github.com/shopper-audit/shopper/campaign"
	"github.com/shopper-audit/shopper/campaign/jobs"
	"github.com/shopper-audit/shopper/crawler"
	"github.com/shopper-audit/shopper/crawler/browser"
	"github.com/shopper-audit/shopper/reports"
	"github.com/shopper-audit/shopper/store"
)

const benchmarkUsage = `Usage: shopper benchmark [flags] FILE.csv

Audits every company in FILE.csv, as jobs in the store (--db), and writes
the results to --out: results.jsonl (one line per company: the company as
the file gives it, and its audit as 'shopper audit --json' prints it, or
why it could not be audited) and, when this build has it, benchmark.pdf.

FILE.csv has one company a line: name, website, and optionally the ISO
region for phone numbers, the channel and the address to send inquiries to.
A header line (name,url,...) is optional; lines starting with # are skipped.

Test inquiries: when rows give a channel (email or form) or an address, or
--campaign FILE is given, every such company (every company, with
--campaign) is also sent the campaign's first inquiry after the audits, as
'shopper campaign run' sends it: the persona, the mailbox and the
inquiries come from the campaign file (its companies are replaced by the
CSV's), the address from the row or else from the audit. Nothing is sent
without --send: without it each inquiry is printed as it would be sent.
With --send the benchmark waits until every inquiry is answered or past
the campaign's deadline, and results.jsonl and benchmark.pdf include the
e-mail response section. Passwords come from SHOPPER_SMTP_PASSWORD and
SHOPPER_IMAP_PASSWORD, as for 'shopper campaign run'.

Audits run --workers at once in this process, one at a time per website.
With --db postgres://... any number of 'shopper worker --db ...' processes,
on this machine or others, share the work. An interrupted benchmark resumes
where it stopped when run again: audits already stored are not redone. A
benchmark that finished starts afresh.

Examples:
  shopper benchmark companies.csv
  shopper benchmark --out q3/ --workers 8 companies.csv
  shopper benchmark --db postgres://shopper@db.internal/shopper --workers 0 companies.csv
  SHOPPER_SMTP_PASSWORD=... SHOPPER_IMAP_PASSWORD=... \
    shopper benchmark --campaign examples/campaign.yaml --send companies.csv

Exit codes: 0 done (sites that could not be audited are listed in the
results); 2 a usage error, a bad file, or an interrupted run.

Flags:
`

type benchmarkFlags struct {
	out      string
	quiet    bool
	campaign string
	send     bool
	catchUp  time.Duration
	jobFlags
}

// jobFlags are the flags of the commands that work audit jobs: benchmark
// and worker.
type jobFlags struct {
	db           string
	workers      int
	maxPages     int
	maxDepth     int
	parallel     int
	delay        time.Duration
	timeout      time.Duration
	siteTimeout  time.Duration
	allowPrivate bool
	render       string
	jobTimeout   time.Duration
	rescueAfter  time.Duration
}

// register defines the flags (all but --workers, whose default differs).
func (f *jobFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.db, "db", store.DefaultPath, "the store: an SQLite file, or a postgres:// URL to share the work between\nprocesses and machines")
	fs.IntVar(&f.maxPages, "max-pages", 40, "most pages fetched per site")
	fs.IntVar(&f.maxDepth, "max-depth", 4, "most links followed from the home page")
	fs.IntVar(&f.parallel, "parallel", 2, "requests at once to one site")
	fs.DurationVar(&f.delay, "delay", 250*time.Millisecond, "pause after each request to a site, per parallel request")
	fs.DurationVar(&f.timeout, "timeout", 15*time.Second, "time allowed for one request")
	fs.DurationVar(&f.siteTimeout, "site-timeout", 3*time.Minute, "time allowed for one whole site")
	fs.BoolVar(&f.allowPrivate, "allow-private", false, "allow private, loopback and link-local addresses")
	fs.StringVar(&f.render, "render", "auto", "which pages to render in headless Chromium: `auto`, always or never\n(as for 'shopper audit')")
	fs.DurationVar(&f.jobTimeout, "job-timeout", 0, "longest one job may run before it is stopped and tried again (default\n--site-timeout plus a minute)")
	fs.DurationVar(&f.rescueAfter, "rescue-after", 0, "how long a job may stay running before it is taken for the job of a dead\nworker and run again; must exceed --job-timeout (default --job-timeout plus a\nminute)")
}

// check validates the values; it returns a sentence saying what to fix.
func (f *jobFlags) check() string {
	switch {
	case f.workers < 0 || f.workers > 64:
		return "--workers must be between 0 and 64."
	case f.maxPages < 1 || f.maxDepth < 1:
		return "--max-pages and --max-depth must be at least 1."
	case f.parallel < 1 || f.parallel > 16:
		return "--parallel must be between 1 and 16."
	case f.delay < 0 || f.timeout <= 0 || f.siteTimeout <= 0:
		return "--delay cannot be negative; --timeout and --site-timeout must be positive durations such as 15s or 3m."
	case f.render != "auto" && f.render != "always" && f.render != "never":
		return fmt.Sprintf("--render takes auto, always or never, not %q.", f.render)
	case f.jobTimeout < 0 || f.rescueAfter < 0:
		return "--job-timeout and --rescue-after cannot be negative."
	case f.rescueAfter > 0 && f.rescueAfter <= f.jobLimit():
		return "--rescue-after must exceed --job-timeout (by default --site-timeout plus a minute)."
	}
	return ""
}

// jobLimit is the longest one job may run.
func (f *jobFlags) jobLimit() time.Duration {
	if f.jobTimeout > 0 {
		return f.jobTimeout
	}
	return f.siteTimeout + time.Minute
}

// jobOptions turns the flags into the job queue's options, with a shared
// browser when pages are rendered; call the returned function when done.
func (f *jobFlags) jobOptions(ctx context.Context, stderr io.Writer) (jobs.Options, func(), int) {
	opts := jobs.Options{
		Workers: f.workers,
		Audit: audit.Options{
			Crawl: crawler.Options{
				MaxPages: f.maxPages, MaxDepth: f.maxDepth, Parallelism: f.parallel, Delay: f.delay,
				RequestTimeout: f.timeout, SiteTimeout: f.siteTimeout, AllowPrivate: f.allowPrivate,
			},
			Render: audit.RenderMode(f.render),
		},
		JobTimeout:  f.jobLimit(),
		RescueAfter: f.rescueAfter,
	}
	if f.workers == 0 || f.render == "never" {
		return opts, func() {}, exitOK
	}
	af := auditFlags{render: f.render, tabs: 2, renderTime: 10 * time.Second, thirdParty: "block", allowPrivate: f.allowPrivate}
	r, code := af.renderer(ctx, stderr)
	if code != exitOK || r == nil {
		return opts, func() {}, code
	}
	opts.Audit.Renderer = r
	return opts, r.close, exitOK
}

func runBenchmark(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	var f benchmarkFlags
	fs := flag.NewFlagSet("benchmark", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&f.out, "out", "shopper-benchmark", "write results.jsonl and benchmark.pdf in `DIR`")
	fs.IntVar(&f.workers, "workers", 4, "audits at once in this process; 0 leaves them to 'shopper worker' processes")
	f.register(fs)
	fs.BoolVar(&f.quiet, "quiet", false, "print no progress on stderr")
	fs.BoolVar(&f.quiet, "q", false, "same as --quiet")
	fs.StringVar(&f.campaign, "campaign", "", "send every company the first inquiry of the campaign `FILE`, from its persona\nand mailbox")
	fs.BoolVar(&f.send, "send", false, "send the inquiries for real; without it nothing is sent")
	fs.DurationVar(&f.catchUp, "catch-up", 30*time.Second, "how long a resumed benchmark whose deadlines have all passed reads the inbox")
	rest, help, err := parseFlags(fs, benchmarkUsage, args, stdout)
	if help {
		return exitOK
	}
	if err != nil {
		return exitUsage
	}
	fail := func(format string, a ...any) int {
		fmt.Fprintf(stderr, "shopper benchmark: "+format+"\n", a...)
		return exitUsage
	}
	if len(rest) != 1 {
		return fail("give one CSV file of companies, e.g. 'shopper benchmark companies.csv' (see --help).")
	}
	if msg := f.check(); msg != "" {
		return fail("%s", msg)
	}
	companies, digest, err := readCompanies(rest[0])
	if err != nil {
		return fail("%s", sentence(err))
	}
	var inq *benchInquiries
	if f.campaign != "" || askInquiries(companies) {
		if f.campaign == "" {
			return fail("rows of %s ask for test inquiries, which need a persona and a mailbox: name a campaign file with --campaign FILE.", rest[0])
		}
		if inq, err = newBenchInquiries(f.campaign, companies, digest); err != nil {
			return fail("%s.", sentence(err))
		}
	}

	db, err := store.Open(ctx, f.db)
	if err != nil {
		return fail("%s; check --db.", sentence(err))
	}
	defer db.Close()
	st, err := loadBenchState(f.out, digest)
	if err != nil {
		return fail("%s", sentence(err))
	}
	for i := range companies {
		companies[i].Key = fmt.Sprintf("%s/%05d", st.Batch, i+1)
	}

	opts, closeRenderer, code := f.jobOptions(ctx, stderr)
	if code != exitOK {
		return code
	}
	defer closeRenderer()
	// The report is built by this process: it writes in --out here.
	opts.Queues = map[string]int{reportQueue(): 1}
	opts.PDF = benchmarkPDF
	if inq != nil && f.send {
		if inq.mailer, inq.inbox, err = campaignMail(inq.file, stderr); err != nil {
			return fail("%s.", sentence(err))
		}
		inq.forms = &campaign.BrowserForms{Options: browser.Options{UserAgentSuffix: crawler.DefaultUserAgent}, AllowPrivate: f.allowPrivate}
		defer inq.forms.Close()
		if f.workers > 0 {
			jr := campaignJobRunner(inq.forms, stderr, stderr, f.catchUp)
			maps.Copy(opts.Queues, campaign.JobQueues())
			opts.Register = func(w *river.Workers) error { return campaign.RegisterJobs(w, db, jr) }
		}
		// The report scores each company with its inquiries' outcomes.
		opts.Amend = func(ctx context.Context, _ jobs.ReportArgs, c jobs.Company, r *audit.Result) error {
			outcomes, err := campaign.Results(ctx, db, inq.file, time.Now())
			if err != nil {
				return err
			}
			campaign.Attach(r, c.Name, outcomes, nil)
			return nil
		}
	}
	// The report shows each company's score over time: its audits kept
	// in the store before this one (earlier benchmarks, 'shopper audit
	// --db'), not the copy a campaign keeps of this one.
	amend := opts.Amend
	opts.Amend = func(ctx context.Context, a jobs.ReportArgs, c jobs.Company, r *audit.Result) error {
		at := time.Now().UTC()
		if r.AuditedAt != nil {
			at = *r.AuditedAt
		}
		pts, err := earlierAudits(ctx, db, r.URL, func(s store.Audit) bool { return s.Key != c.Key && s.At.Before(at) })
		if err != nil {
			return err
		}
		r.History = pts
		if amend != nil {
			return amend(ctx, a, c, r)
		}
		return nil
	}
	q, err := jobs.Open(ctx, db, opts)
	if err != nil {
		return fail("%s.", sentence(err))
	}
	defer q.Close()
	fresh := 0
	for _, c := range companies {
		e, err := q.EnqueueAudit(ctx, jobs.AuditArgs{Batch: st.Batch, Key: c.Key, URL: c.URL, Region: c.Region})
		if err != nil {
			return fail("%s.", sentence(err))
		}
		if !e.Duplicate {
			fresh++
		}
	}
	if err := q.Start(ctx); err != nil {
		return fail("%s.", sentence(err))
	}
	defer func() {
		stopCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
		defer cancel()
		q.Stop(stopCtx)
	}()
	if !f.quiet && fresh < len(companies) {
		fmt.Fprintf(stderr, "shopper benchmark: resuming: %d of %d audits were already queued or done.\n", len(companies)-fresh, len(companies))
	}

	prog := newBenchProgress(stderr, f.quiet, len(companies))
	for {
		ok, failed, err := db.CountBatch(ctx, st.Batch)
		if err != nil {
			prog.finish()
			return fail("%s.", sentence(err))
		}
		prog.update(ok, failed)
		if ok+failed >= len(companies) {
			break
		}
		select {
		case <-ctx.Done():
			prog.finish()
			return fail("interrupted with %d of %d companies audited; run the same command again to resume.", ok+failed, len(companies))
		case <-time.After(250 * time.Millisecond):
		}
	}
	prog.finish()

	if inq != nil {
		if code := inq.run(ctx, db, q, st.Batch, companies, &f, stdout, stderr); code != exitOK {
			return code
		}
	}

	e, err := q.Enqueue(ctx, jobs.ReportArgs{Batch: st.Batch, Dir: absDir(f.out), PDF: true, Companies: companies},
		jobs.EnqueueOptions{Queue: reportQueue()})
	if err == nil {
		err = q.WaitJob(ctx, e.ID, 100*time.Millisecond)
	}
	if err != nil {
		return fail("the audits are stored, but the report was not written: %s.", sentence(err))
	}
	st.Done = true
	if err := st.save(f.out); err != nil {
		return fail("%s", sentence(err))
	}
	ok, failed, _ := db.CountBatch(ctx, st.Batch)
	files := filepath.Join(f.out, jobs.ResultsFile)
	if _, err := os.Stat(filepath.Join(f.out, jobs.PDFFile)); err == nil {
		files += " and " + filepath.Join(f.out, jobs.PDFFile)
	}
	fmt.Fprintf(stdout, "%d of %d companies audited", ok, len(companies))
	if failed > 0 {
		fmt.Fprintf(stdout, "; %d could not be (see their \"error\" in the results)", failed)
	}
	fmt.Fprintf(stdout, ". Results: %s\n", files)
	return exitOK
}

// benchmarkPDF renders the benchmark PDF of the companies audited.
func benchmarkPDF(w io.Writer, results []audit.Result) error {
	rs := make([]*audit.Result, len(results))
	for i := range results {
		rs[i] = &results[i]
	}
	return reports.BenchmarkPDF(w, rs, reports.PDFOptions{})
}

// reportQueue is a queue only this process works, so that the report is
// written on the machine that asked for it.
func reportQueue() string {
	host, _ := os.Hostname()
	name := strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			return r
		case r >= 'A' && r <= 'Z':
			return r + 32
		}
		return -1
	}, host)
	return fmt.Sprintf("report_%s_%d", name, os.Getpid())
}

func absDir(dir string) string {
	if a, err := filepath.Abs(dir); err == nil {
		return a
	}
	return dir
}

// sentence trims an error to one sentence without its final stop.
func sentence(err error) string { return strings.TrimSuffix(err.Error(), ".") }

// readCompanies reads a benchmark file and returns its companies and a
// digest of them, which names the benchmark for resuming.
func readCompanies(path string) ([]jobs.Company, string, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, "", fmt.Errorf("cannot read the companies file: %w", err)
	}
	defer fh.Close()
	r := csv.NewReader(fh)
	r.FieldsPerRecord = -1
	r.TrimLeadingSpace = true
	r.Comment = '#'
	var out []jobs.Company
	h := sha256.New()
	seen := map[string]int{}
	for first := true; ; first = false {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		line, _ := r.FieldPos(0)
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return nil, "", fmt.Errorf("%s line %d: %v", path, pe.Line, pe.Err)
			}
			return nil, "", fmt.Errorf("%s: %w", path, err)
		}
		for i := range rec {
			rec[i] = strings.TrimSpace(rec[i])
		}
		if first && len(rec) >= 2 && strings.EqualFold(rec[0], "name") {
			continue // the header
		}
		if len(rec) == 1 && rec[0] == "" {
			continue
		}
		if len(rec) < 2 || len(rec) > 5 {
			return nil, "", fmt.Errorf("%s line %d has %d columns; give name, website and optionally region, channel and address", path, line, len(rec))
		}
		c := jobs.Company{Name: rec[0], URL: rec[1]}
		if c.Name == "" {
			return nil, "", fmt.Errorf("%s line %d has no company name", path, line)
		}
		if _, err := crawler.ParseSiteURL(c.URL); err != nil {
			return nil, "", fmt.Errorf("%s line %d: %v", path, line, sentence(err))
		}
		if len(rec) > 2 && rec[2] != "" {
			c.Region = strings.ToUpper(rec[2])
			if len(c.Region) != 2 || strings.Map(asciiUpper, c.Region) != c.Region {
				return nil, "", fmt.Errorf("%s line %d: region %q is not a two-letter ISO region such as US, GB, VN or TR", path, line, rec[2])
			}
		}
		if len(rec) > 3 {
			c.Channel = strings.ToLower(rec[3])
			if c.Channel != "" && c.Channel != "email" && c.Channel != "form" {
				return nil, "", fmt.Errorf("%s line %d: channel %q is neither email nor form", path, line, rec[3])
			}
		}
		if len(rec) > 4 {
			c.Address = rec[4]
		}
		if prev, dup := seen[strings.ToLower(c.URL)]; dup {
			return nil, "", fmt.Errorf("%s line %d: %s is already on line %d", path, line, c.URL, prev)
		}
		seen[strings.ToLower(c.URL)] = line
		out = append(out, c)
		json.NewEncoder(h).Encode([]string{c.Name, c.URL, c.Region})
	}
	if len(out) == 0 {
		return nil, "", fmt.Errorf("%s lists no companies; give one per line: name, website", path)
	}
	return out, hex.EncodeToString(h.Sum(nil))[:16], nil
}

// benchState is what --out remembers of the benchmark last run there, so
// that running it again resumes an unfinished one.
type benchState struct {
	File  string `json:"file_digest"`
	Batch string `json:"batch"`
	Done  bool   `json:"done"`
}

const benchStateFile = ".shopper-benchmark.json"

// loadBenchState returns the batch to run: the unfinished one of the same
// file, or a new one.
func loadBenchState(dir, digest string) (*benchState, error) {
	var st benchState
	b, err := os.ReadFile(filepath.Join(dir, benchStateFile))
	if err == nil && json.Unmarshal(b, &st) == nil && st.File == digest && !st.Done && st.Batch != "" {
		return &st, nil
	}
	st = benchState{File: digest, Batch: digest + "-" + time.Now().UTC().Format("20060102T150405.000000000")}
	return &st, st.save(dir)
}

func (st *benchState) save(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("cannot create the output directory: %w", err)
	}
	b, _ := json.Marshal(st)
	if err := os.WriteFile(filepath.Join(dir, benchStateFile), b, 0o644); err != nil {
		return fmt.Errorf("cannot write in the output directory: %w", err)
	}
	return nil
}

// benchProgress shows how far a benchmark is: a bar on a terminal, a line
// per change otherwise, nothing with --quiet.
type benchProgress struct {
	w               io.Writer
	tty, quiet      bool
	total           int
	lastOK, lastBad int
	shown           bool
}

func newBenchProgress(w io.Writer, quiet bool, total int) *benchProgress {
	p := newProgress(w, quiet, total) // for its terminal check
	return &benchProgress{w: w, tty: p.tty, quiet: quiet, total: total, lastOK: -1}
}

func (p *benchProgress) update(ok, failed int) {
	if p.quiet || (ok == p.lastOK && failed == p.lastBad) {
		return
	}
	p.lastOK, p.lastBad = ok, failed
	done := ok + failed
	msg := fmt.Sprintf("%d/%d audited", done, p.total)
	if failed > 0 {
		msg += fmt.Sprintf(", %d could not be", failed)
	}
	if !p.tty {
		fmt.Fprintf(p.w, "shopper benchmark: %s\n", msg)
		return
	}
	const width = 30
	fill := width * done / max(p.total, 1)
	fmt.Fprintf(p.w, "\r\033[K[%s%s] %s", strings.Repeat("#", fill), strings.Repeat(".", width-fill), msg)
	p.shown = true
}

func (p *benchProgress) finish() {
	if p.shown {
		fmt.Fprint(p.w, "\r\033[K")
	}
}

// askInquiries reports whether rows of the benchmark file ask for test
// inquiries: a channel or an address.
func askInquiries(companies []jobs.Company) bool {
	for _, c := range companies {
		if c.Channel != "" || c.Address != "" {
			return true
		}
	}
	return false
}

// benchInquiries are a benchmark's test inquiries: a campaign made of the
// campaign file given (persona, mailbox, inquiries, deadline) and the
// benchmark's companies.
type benchInquiries struct {
	file   *campaign.File
	text   []byte
	mailer campaign.Mailer
	inbox  campaign.Inbox
	forms  *campaign.BrowserForms
}

// newBenchInquiries builds the campaign of a benchmark: the campaign
// file's text with its companies replaced by the benchmark's (all of
// them when no row asks for inquiries, else those whose row does), named
// after the campaign and the benchmark file so a resumed benchmark finds
// its inquiries (and never sends one twice).
func newBenchInquiries(path string, companies []jobs.Company, digest string) (*benchInquiries, error) {
	base, err := campaign.Load(path)
	if err != nil {
		return nil, err
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("cannot read the campaign file: %w", err)
	}
	var doc yaml.MapSlice
	if err := yaml.Unmarshal(raw, &doc); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	all := !askInquiries(companies)
	var list []map[string]any
	for _, c := range companies {
		if !all && c.Channel == "" && c.Address == "" {
			continue
		}
		m := map[string]any{"name": c.Name, "url": c.URL}
		if c.Channel != "" {
			m["channel"] = c.Channel
		}
		if c.Address != "" {
			m["to"] = c.Address
		}
		list = append(list, m)
	}
	name := base.Name + "-benchmark-" + digest[:8]
	var out yaml.MapSlice
	for _, it := range doc {
		switch it.Key {
		case "companies", "name":
			continue
		}
		out = append(out, it)
	}
	out = append(out, yaml.MapItem{Key: "name", Value: name}, yaml.MapItem{Key: "companies", Value: list})
	text, err := yaml.Marshal(out)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	f, err := campaign.Parse(path, text)
	if err != nil {
		return nil, err
	}
	return &benchInquiries{file: f, text: text}, nil
}

// run hands the benchmark's audits to the campaign and runs it: a dry run
// without --send, else sends and watches until every inquiry is settled.
func (b *benchInquiries) run(ctx context.Context, db *store.DB, q *jobs.Queue, batch string, companies []jobs.Company,
	f *benchmarkFlags, stdout, stderr io.Writer) int {
	fail := func(format string, a ...any) int {
		fmt.Fprintf(stderr, "shopper benchmark: "+format+"\n", a...)
		return exitUsage
	}
	stored, err := db.BatchAudits(ctx, batch)
	if err != nil {
		return fail("%s.", sentence(err))
	}
	byKey := map[string]store.Audit{}
	for _, a := range stored {
		byKey[a.Key] = a
	}
	for _, c := range companies {
		a, ok := byKey[c.Key]
		if !ok || a.Error != "" {
			continue
		}
		var res audit.Result
		if err := json.Unmarshal(a.Result, &res); err != nil {
			return fail("stored audit of %s: %s.", c.URL, sentence(err))
		}
		if err := campaign.KeepAudit(ctx, db, b.file, c.Name, &res, a.At); err != nil {
			return fail("%s.", sentence(err))
		}
	}
	r := &campaign.Runner{File: b.file, FileText: b.text, DB: db, Queue: q, Send: f.send, Out: stdout,
		SMTPAddr: b.file.Mailbox.SMTP.Addr(), Analyzer: campaign.RepliesAnalyzer{}, CursorName: cursorName(b.file),
		CatchUp: f.catchUp, Mailer: b.mailer, Inbox: b.inbox, Hook: crashHook()}
	if b.forms != nil {
		r.Forms = b.forms
	}
	if !f.quiet && f.send {
		fmt.Fprintf(stderr, "shopper benchmark: sending the test inquiries of %d companies and waiting for their replies (deadline %s).\n",
			len(b.file.Companies), b.file.DeadlineDuration())
	}
	if err := r.Run(ctx); err != nil {
		if ctx.Err() != nil {
			return fail("interrupted while the inquiries were out; run the same command again to resume (none is sent twice).")
		}
		return fail("%s.", sentence(err))
	}
	return exitOK
}
