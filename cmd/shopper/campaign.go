package main

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"text/tabwriter"
	"time"

	"github.com/shopper-audit/shopper/audit"
	"github.com/shopper-audit/shopper/campaign"
	"github.com/shopper-audit/shopper/crawler"
	"github.com/shopper-audit/shopper/crawler/browser"
	"github.com/shopper-audit/shopper/reports"
	"github.com/shopper-audit/shopper/store"
)

const campaignUsage = `Usage:
  shopper campaign run [--send] [flags] FILE      draft, send and watch a campaign's inquiries
  shopper campaign status [--json] [flags] FILE   one line (or JSON object) per inquiry
  shopper campaign report [--pdf DIR] [flags] FILE  scorecards with the e-mail response section

run audits each company of the campaign file (its website, to find where to
write and for its scorecard), and prints every inquiry exactly as it would
be sent. Nothing is sent without --send; with it each inquiry is sent once,
a copy kept in the Sent folder, and the inbox watched until every inquiry
is answered or past its deadline; then the scorecards are written. Run it
again to resume: Ctrl-C (even a crash) is safe, and an inquiry is never
sent twice.

Passwords come from SHOPPER_SMTP_PASSWORD and SHOPPER_IMAP_PASSWORD, or a
password_file named in the campaign file; never from flags.

The state (inquiries, replies, the inbox's cursor, the audits) is kept in
FILE.db next to the campaign file unless --db names another store (a path,
sqlite:PATH or postgres://...).

Examples:
  shopper campaign run examples/campaign.yaml              # dry run: prints every message
  SHOPPER_SMTP_PASSWORD=... SHOPPER_IMAP_PASSWORD=... \
    shopper campaign run --send examples/campaign.yaml     # send, watch, write scorecards
  shopper campaign status examples/campaign.yaml
  shopper campaign status --json examples/campaign.yaml | jq .human_reply_seconds
  shopper campaign report --pdf reports/ examples/campaign.yaml

See examples/campaign.yaml for the file's fields, and
'shopper campaign run --help' for each command's flags.
`

const campaignRunUsage = `Usage: shopper campaign run [--send] [flags] FILE

Audits each company of the campaign file that has a url (once: the audit is
kept in the store), drafts its inquiries, and prints each exactly as it
would be sent — the whole e-mail, or the form fields that would be filled.
Nothing is sent without --send. With --send each inquiry is sent once (a
copy kept in the Sent folder), the inbox is watched until every inquiry is
answered or past its deadline, and the scorecards with the e-mail response
section are written to --pdf DIR (default: NAME-scorecards beside FILE).
Run the same command again to resume; an inquiry is never sent twice.

Passwords come from SHOPPER_SMTP_PASSWORD and SHOPPER_IMAP_PASSWORD, or a
password_file named in the campaign file.

Examples:
  shopper campaign run examples/campaign.yaml
  SHOPPER_SMTP_PASSWORD=... SHOPPER_IMAP_PASSWORD=... \
    shopper campaign run --send examples/campaign.yaml
  shopper campaign run --send --db postgres://shopper@db.internal/shopper --pdf out/ spring.yaml
  shopper campaign run --render never --max-pages 20 examples/campaign.yaml

Flags:
`

const campaignStatusUsage = `Usage: shopper campaign status [--json] [flags] FILE

Prints one line per inquiry of the campaign: where it went, its status, and
the times to the first response, the human reply and in business hours.
With --json it prints one JSON object per inquiry instead (the fields of
the scorecard's e-mail response section, with the company and inquiry id).
Nothing is sent or audited.

Examples:
  shopper campaign status examples/campaign.yaml
  shopper campaign status --json examples/campaign.yaml > outcomes.jsonl
  shopper campaign status --db postgres://shopper@db.internal/shopper spring.yaml

Flags:
`

const campaignReportUsage = `Usage: shopper campaign report [flags] FILE

Writes the scorecards of the campaign's companies from the store, their
audits scored again with the inquiries' outcomes (the e-mail response
section): a PDF per company plus benchmark.pdf into --pdf DIR, JUnit XML,
Markdown, or with no output flag a summary on standard output. Nothing is
sent or audited; companies not audited yet are named on stderr.

Examples:
  shopper campaign report --pdf reports/ examples/campaign.yaml
  shopper campaign report --pdf reports/ --brand-name "Northwind Consulting" spring.yaml
  shopper campaign report --markdown summary.md --rubric strict.yaml spring.yaml

Flags:
`

// campaignFlags are the flags of the campaign commands.
type campaignFlags struct {
	db           string
	send         bool
	asJSON       bool
	allowPrivate bool
	delay        time.Duration
	maxPages     int
	render       string
	catchUp      time.Duration
	workers      int
	out          outputFlags
}

func runCampaign(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, campaignUsage)
		return exitUsage
	}
	sub := args[0]
	var usage string
	switch sub {
	case "run":
		usage = campaignRunUsage
	case "status":
		usage = campaignStatusUsage
	case "report":
		usage = campaignReportUsage
	case "-h", "--help", "-help", "help":
		fmt.Fprint(stdout, campaignUsage)
		return exitOK
	default:
		fmt.Fprintf(stderr, "shopper campaign: unknown command %q; use run, status or report (see 'shopper campaign --help').\n", sub)
		return exitUsage
	}
	name := "shopper campaign " + sub
	var f campaignFlags
	fs := flag.NewFlagSet("campaign "+sub, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&f.db, "db", "", "the store: a `path`, sqlite:PATH or postgres://... (default FILE.db)")
	switch sub {
	case "run":
		fs.BoolVar(&f.send, "send", false, "send for real; without it nothing is sent")
		fs.BoolVar(&f.allowPrivate, "allow-private", false, "let the audits reach private and loopback addresses")
		fs.DurationVar(&f.delay, "delay", 250*time.Millisecond, "pause after each request of an audit")
		fs.IntVar(&f.maxPages, "max-pages", 40, "most pages fetched per site audited")
		fs.StringVar(&f.render, "render", "auto", "which pages the audits render in headless Chromium: `auto`, always or never\n(as for 'shopper audit'); without Chromium, auto audits the static HTML")
		fs.DurationVar(&f.catchUp, "catch-up", 30*time.Second, "the longest a run reads the inbox to its end before closing inquiries\npast their deadline (it stops as soon as the inbox is read)")
		fs.IntVar(&f.workers, "workers", 2, "audits this process works at once, as jobs in the store; with --send it also\nsends and checks deadlines; 0 leaves the jobs to 'shopper worker --db ...' processes")
		f.out.register(fs)
	case "status":
		fs.BoolVar(&f.asJSON, "json", false, "print one JSON object per inquiry")
	case "report":
		f.out.register(fs)
	}
	if pdf := fs.Lookup("pdf"); pdf != nil {
		pdf.Usage = "write the scorecards into the folder `DIR`: one PDF per audited company plus\nbenchmark.pdf"
		if sub == "run" {
			pdf.Usage += " (default: NAME-scorecards beside FILE, once every inquiry is settled)"
		}
	}
	fail := func(format string, a ...any) int {
		fmt.Fprintf(stderr, "%s: %s.\n", name, oneLine(fmt.Sprintf(format, a...)))
		return exitUsage
	}
	rest, help, err := parseFlags(fs, usage, args[1:], stdout)
	if help {
		return exitOK
	}
	if err != nil {
		return fail("%v; see '%s --help' for the flags", err, name)
	}
	if len(rest) != 1 {
		return fail("name one campaign file (see '%s --help')", name)
	}
	if sub == "run" {
		switch {
		case f.render != "auto" && f.render != "always" && f.render != "never":
			return fail("--render takes auto, always or never, not %q", f.render)
		case f.delay < 0:
			return fail("--delay must not be negative")
		case f.maxPages <= 0:
			return fail("--max-pages must be at least 1")
		case f.catchUp <= 0:
			return fail("--catch-up must be a positive duration such as 30s")
		case f.workers < 0 || f.workers > 64:
			return fail("--workers must be between 0 and 64")
		}
	}
	if sub != "status" {
		if msg := f.out.load(); msg != "" {
			return fail("%s", msg)
		}
	}
	file, err := campaign.Load(rest[0])
	if err != nil {
		return fail("%s", sentence(err))
	}
	dsn := f.db
	if dsn == "" {
		dsn = rest[0] + ".db"
	}
	st, err := store.Open(ctx, dsn)
	if err != nil {
		return fail("%s", sentence(err))
	}
	defer st.Close()

	switch sub {
	case "status":
		return campaignStatus(ctx, st, file, f.asJSON, stdout, stderr)
	case "report":
		return campaignReport(ctx, st, file, &f.out, true, stdout, stderr)
	}
	return campaignRun(ctx, st, file, &f, stdout, stderr)
}

func campaignRun(ctx context.Context, st *store.DB, file *campaign.File, f *campaignFlags, stdout, stderr io.Writer) int {
	fail := func(format string, a ...any) int {
		fmt.Fprintf(stderr, "shopper campaign run: %s.\n", oneLine(fmt.Sprintf(format, a...)))
		return exitUsage
	}
	r := &campaign.Runner{File: file, DB: st, Send: f.send, Out: stdout, SMTPAddr: file.Mailbox.SMTP.Addr(),
		Analyzer: campaign.RepliesAnalyzer{}, CatchUp: f.catchUp}
	forms := &campaign.BrowserForms{Options: browser.Options{UserAgentSuffix: crawler.DefaultUserAgent}, AllowPrivate: f.allowPrivate}
	defer forms.Close()
	r.Forms = forms
	rend := &campaignRenderer{mode: f.render, stderr: stderr}
	defer rend.close()
	r.Audit = func(ctx context.Context, siteURL string) (*audit.Result, error) {
		opts := audit.Options{Render: audit.RenderMode(f.render), Crawl: crawler.Options{
			AllowPrivate: f.allowPrivate, Delay: f.delay, MaxPages: f.maxPages}}
		if f.render != string(audit.RenderNever) {
			ren, err := rend.get(ctx)
			if err != nil {
				return nil, err
			}
			if ren != nil {
				opts.Renderer = ren
			}
		}
		return audit.Run(ctx, siteURL, opts)
	}
	r.CursorName = cursorName(file)
	r.Hook = crashHook()
	if f.send {
		var err error
		if r.Mailer, r.Inbox, err = campaignMail(file, stderr); err != nil {
			return fail("%s", sentence(err))
		}
	}
	// The audits, sends and deadline checks are jobs in the store, worked
	// here (--workers) and by any 'shopper worker' on the same store.
	jr := campaignJobRunner(forms, stdout, stderr, f.catchUp)
	q, stop, err := openCampaignQueue(ctx, st, f.workers, f.send, r.Audit, jr)
	if err != nil {
		return fail("%s", sentence(err))
	}
	defer stop()
	r.Queue = q
	if err := r.Run(ctx); err != nil {
		if ctx.Err() != nil {
			fmt.Fprintln(stderr, "shopper campaign run: interrupted; run the same command again to resume.")
			return exitUsage
		}
		return fail("%s", sentence(err))
	}
	if !f.send {
		return exitOK
	}
	fmt.Fprintln(stdout)
	if code := campaignStatus(ctx, st, file, false, stdout, stderr); code != exitOK {
		return code
	}
	if f.out.pdf == "" {
		f.out.pdf = filepath.Join(filepath.Dir(file.Path), file.Name+"-scorecards")
	}
	return campaignReport(ctx, st, file, &f.out, false, stdout, stderr)
}

// campaignRenderer finds Chromium for the campaign's audits when the first
// audit needs it: with --render auto and no Chromium it warns once and
// the audits read the static HTML.
type campaignRenderer struct {
	mode   string
	stderr io.Writer

	mu     sync.Mutex
	looked bool
	r      *lazyRenderer
	err    error
}

func (c *campaignRenderer) get(ctx context.Context) (crawler.Renderer, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.looked {
		c.looked = true
		path, err := browser.Find()
		switch {
		case err != nil && c.mode == string(audit.RenderAlways):
			c.err = errors.New("--render always needs Chromium, and none was found; install it (e.g. 'apt-get install chromium') or set CHROME_PATH")
		case err != nil:
			fmt.Fprintln(c.stderr, "shopper campaign run: no Chromium found (set CHROME_PATH or install chromium); auditing without rendering.")
		default:
			c.r = &lazyRenderer{ctx: context.WithoutCancel(ctx), stderr: c.stderr, opts: browser.Options{Path: path, Tabs: 2,
				RenderTimeout: 10 * time.Second, UserAgentSuffix: crawler.DefaultUserAgent}}
		}
	}
	if c.err != nil {
		return nil, c.err
	}
	if c.r == nil {
		return nil, nil
	}
	return c.r, nil
}

func (c *campaignRenderer) close() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.r != nil {
		c.r.close()
	}
}

// password reads a password from the environment, else the first line of
// file; it never appears in messages.
func password(env, file string) (string, error) {
	if v := os.Getenv(env); v != "" {
		return v, nil
	}
	if file == "" {
		return "", fmt.Errorf("no password: set %s or name a password_file in the campaign file", env)
	}
	b, err := os.ReadFile(file)
	if err != nil {
		return "", fmt.Errorf("cannot read the password_file %s (%v)", file, unwrapPath(err))
	}
	line, _, _ := strings.Cut(string(b), "\n")
	line = strings.TrimRight(line, "\r")
	if line == "" {
		return "", fmt.Errorf("the password_file %s is empty", file)
	}
	return line, nil
}

func tlsConfig(s campaign.Server) (*tls.Config, error) {
	if s.CAFile == "" {
		return nil, nil
	}
	pem, err := os.ReadFile(s.CAFile)
	if err != nil {
		return nil, fmt.Errorf("cannot read the ca_file %s (%v)", s.CAFile, unwrapPath(err))
	}
	pool, err := x509.SystemCertPool()
	if err != nil || pool == nil {
		pool = x509.NewCertPool()
	}
	if !pool.AppendCertsFromPEM(pem) {
		return nil, fmt.Errorf("the ca_file %s holds no PEM certificate", s.CAFile)
	}
	return &tls.Config{RootCAs: pool, ServerName: s.Host}, nil
}

func campaignStatus(ctx context.Context, st *store.DB, f *campaign.File, asJSON bool, stdout, stderr io.Writer) int {
	list, err := campaign.Results(ctx, st, f, time.Now())
	if err != nil {
		fmt.Fprintf(stderr, "shopper campaign status: %s.\n", oneLine(err.Error()))
		return exitUsage
	}
	if asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		for _, o := range list {
			if err := enc.Encode(o); err != nil {
				fmt.Fprintf(stderr, "shopper campaign status: %s.\n", oneLine(err.Error()))
				return exitUsage
			}
		}
		return exitOK
	}
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "COMPANY\tINQUIRY\tCHANNEL\tTO\tSTATUS\tSENT\tFIRST\tHUMAN\tBUSINESS\tNOTE")
	for _, o := range list {
		sent := o.SentAt
		if sent == "" {
			sent = "-"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", o.Company, o.Template, o.Channel, o.To, o.Status,
			sent, dur(o.FirstResponseSeconds), dur(o.HumanReplySeconds), dur(o.BusinessSeconds), o.StatusReason)
	}
	tw.Flush()
	return exitOK
}

// campaignReport writes the scorecards of the campaign's audited
// companies as out asks; with summary and no output asked, it prints each
// company's summary.
func campaignReport(ctx context.Context, st *store.DB, f *campaign.File, out *outputFlags, summary bool, stdout, stderr io.Writer) int {
	name := "shopper campaign report"
	if !summary {
		name = "shopper campaign run"
	}
	cards, err := campaign.Scorecards(ctx, st, f, time.Now(), out.rubric)
	if err != nil {
		fmt.Fprintf(stderr, "%s: %s.\n", name, oneLine(err.Error()))
		return exitUsage
	}
	var results []*audit.Result
	for _, c := range cards {
		if c.Result != nil {
			results = append(results, c.Result)
		}
	}
	if len(results) == 0 {
		if !summary {
			return exitOK // nothing to score: the status above is the report
		}
		fmt.Fprintf(stderr, "%s: no company of %s has been audited; run 'shopper campaign run %s' first.\n", name, f.Path, f.Path)
		return exitUsage
	}
	for _, c := range cards {
		if c.Result == nil && (summary || !strings.HasPrefix(c.Missing, "no url")) {
			fmt.Fprintf(stderr, "%s: no scorecard for %s: %s.\n", name, c.Company, c.Missing)
		}
	}
	if out.pdf == "" && out.junit == "" && out.markdown == "" {
		if summary {
			for i, r := range results {
				if i > 0 {
					fmt.Fprintln(stdout)
				}
				if err := reports.Summary(stdout, r); err != nil {
					fmt.Fprintf(stderr, "%s: %s.\n", name, oneLine(err.Error()))
					return exitUsage
				}
			}
		}
		return exitOK
	}
	if err := out.write(results, true); err != nil {
		fmt.Fprintf(stderr, "%s: %s.\n", name, oneLine(err.Error()))
		return exitUsage
	}
	if out.pdf != "" {
		fmt.Fprintf(stdout, "Scorecards of %d companies written to %s.\n", len(results), out.pdf)
	}
	return exitOK
}

// oneLine makes a message one line without a final full stop: errors of
// some drivers span several lines.
func oneLine(msg string) string {
	return strings.TrimSuffix(strings.Join(strings.Fields(msg), " "), ".")
}

func dur(s *float64) string {
	if s == nil {
		return "-"
	}
	return (time.Duration(*s) * time.Second).String()
}
