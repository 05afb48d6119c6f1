package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/netip"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/shopper-audit/shopper/audit"
	"github.com/shopper-audit/shopper/crawler"
	"github.com/shopper-audit/shopper/crawler/browser"
	"github.com/shopper-audit/shopper/history"
	"github.com/shopper-audit/shopper/reports"
	"github.com/shopper-audit/shopper/store"
)

const auditUsage = `Usage: shopper audit [flags] URL...

Crawls each website as a customer would and reports what a customer can
find: phone numbers (toll-free? on the home and contact pages?), the FAQ
and how many questions it answers, live chat and its vendor, e-mail
addresses, contact forms, returns/shipping/privacy/warranty policies and
social profiles, with a score from 0 to 100 and a grade from A to F.

shopper obeys robots.txt, names itself in its User-Agent, waits between
requests to a site, and never fetches carts, log-ins or accounts.

Pages are read as a customer's browser shows them: with --render auto (the
default) the home, contact and FAQ pages, and pages that scripts build or
add to (tag managers, chat loaders, app shells), are rendered in headless
Chromium, found through CHROME_PATH or as chromium, chromium-browser or
google-chrome on PATH. Requests the pages make to other sites are blocked
unless --third-party allow. Without Chromium, auto audits the static HTML.

Examples:
  shopper audit https://www.example.com
  shopper audit --json example.com example.vn example.com.tr > audit.jsonl
  shopper audit --region GB --max-pages 80 shop.example.co.uk
  shopper audit --fail-under 70 https://staging.example.com   # in CI
  shopper audit --baseline latest --fail-on-regression https://www.example.com   # after a deploy
  shopper audit --render always --tabs 4 --screenshots shots/ example.com
  shopper audit --pdf acme.pdf --brand-name "Northwind Consulting" acme.example
  shopper audit --pdf reports/ example.com example.vn example.com.tr
  shopper audit --junit junit.xml --markdown summary.md --fail-under 70 example.com

--pdf PATH: with one address, PATH is the scorecard PDF (or a folder to put it
in, when PATH is one or ends in /); with several, PATH
is a folder that receives one scorecard per company, named after it, and
benchmark.pdf comparing them all. 'shopper report' renders the same
reports later from the output of --json.

Exit codes: 0 done; 1 a site scored under --fail-under, or lost something
since --baseline with --fail-on-regression; 2 a usage error or a site could
not be audited (the reason is printed on stderr).

Flags:
`

type auditFlags struct {
	json         bool
	region       string
	maxPages     int
	maxDepth     int
	parallel     int
	delay        time.Duration
	timeout      time.Duration
	siteTimeout  time.Duration
	maxBody      byteSize
	sites        int
	allowPrivate bool
	failUnder    int
	quiet        bool
	render       string
	tabs         int
	renderTime   time.Duration
	thirdParty   string
	screenshots  string
	out          outputFlags
	hist         historyFlags // --baseline, --fail-on-regression, --db: baseline.go
}

func runAudit(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	var f auditFlags
	f.maxBody = 5 << 20
	fs := flag.NewFlagSet("audit", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.BoolVar(&f.json, "json", false, "print one JSON object per site (JSON Lines) instead of the summary")
	fs.StringVar(&f.region, "region", "", "ISO region for national-format phone numbers, e.g. US, GB, VN, TR\n(default: the site's country domain, else its language, else US)")
	fs.IntVar(&f.maxPages, "max-pages", 40, "most pages fetched per site")
	fs.IntVar(&f.maxDepth, "max-depth", 4, "most links followed from the home page")
	fs.IntVar(&f.parallel, "parallel", 2, "requests at once to one site")
	fs.DurationVar(&f.delay, "delay", 250*time.Millisecond, "pause after each request to a site, per parallel request")
	fs.DurationVar(&f.timeout, "timeout", 15*time.Second, "time allowed for one request")
	fs.DurationVar(&f.siteTimeout, "site-timeout", 3*time.Minute, "time allowed for one whole site")
	fs.Var(&f.maxBody, "max-body", "largest page read, e.g. 5MiB or 800KB; larger pages are cut (default 5MiB)")
	fs.IntVar(&f.sites, "sites", 4, "sites audited at once")
	fs.BoolVar(&f.allowPrivate, "allow-private", false, "allow private, loopback and link-local addresses (refused by default so\nsites cannot point shopper at internal services)")
	fs.IntVar(&f.failUnder, "fail-under", 0, "exit 1 when any site scores below `N` (0..100)")
	fs.BoolVar(&f.quiet, "quiet", false, "print no progress on stderr")
	fs.BoolVar(&f.quiet, "q", false, "same as --quiet")
	fs.StringVar(&f.render, "render", "auto", "which pages to render in headless Chromium: `auto` (home, contact, FAQ and\nscript-built pages), always (every page) or never (static HTML only)")
	fs.IntVar(&f.tabs, "tabs", 2, "browser tabs rendering at once, shared by all sites")
	fs.DurationVar(&f.renderTime, "render-timeout", 10*time.Second, "time allowed to render one page")
	fs.StringVar(&f.thirdParty, "third-party", "block", "requests rendered pages make to other sites: `block` (fast, never stalls)\nor allow")
	fs.StringVar(&f.screenshots, "screenshots", "", "save PNG screenshots of each site's home and contact pages in `DIR`")
	f.out.register(fs)
	f.hist.register(fs)
	urls, help, err := parseFlags(fs, auditUsage, args, stdout)
	if help {
		return exitOK
	}
	if err != nil {
		return exitUsage // the flag package has said why
	}
	msg := f.check(urls)
	if msg == "" {
		msg = f.out.load()
	}
	if msg == "" {
		msg = f.hist.check()
	}
	if msg != "" {
		fmt.Fprintf(stderr, "shopper audit: %s\n", msg)
		return exitUsage
	}
	hist, err := f.hist.open(ctx)
	if err != nil {
		fmt.Fprintf(stderr, "shopper audit: %s.\n", sentence(err))
		return exitUsage
	}
	defer hist.close()
	opts := audit.Options{
		Region: strings.ToUpper(f.region),
		Crawl: crawler.Options{
			MaxPages: f.maxPages, MaxDepth: f.maxDepth, Parallelism: f.parallel, Delay: f.delay,
			RequestTimeout: f.timeout, SiteTimeout: f.siteTimeout, MaxBodyBytes: int(f.maxBody),
			AllowPrivate: f.allowPrivate,
		},
		Render: audit.RenderMode(f.render),
		Rubric: f.out.rubric,
	}
	if f.render != string(audit.RenderNever) {
		r, code := f.renderer(ctx, stderr)
		if code != exitOK {
			return code
		}
		if r != nil {
			defer r.close()
			opts.Renderer = r
			if f.screenshots != "" {
				opts.SaveScreenshot = screenshotSaver(f.screenshots)
			}
		}
	}
	prog := newProgress(stderr, f.quiet, len(urls))
	results := make([]*audit.Result, len(urls))
	errs := make([]error, len(urls))
	var wg sync.WaitGroup
	sem := make(chan struct{}, f.sites)
	for i, u := range urls {
		wg.Add(1)
		go func() {
			defer wg.Done()
			select {
			case sem <- struct{}{}:
			case <-ctx.Done():
				errs[i] = ctx.Err()
				return
			}
			defer func() { <-sem }()
			o := opts
			o.Crawl.Progress = func(_ string, n int) { prog.page(u, n) }
			results[i], errs[i] = audit.Run(ctx, u, o)
			prog.done(u, results[i], errs[i])
		}()
	}
	wg.Wait()
	prog.finish()

	code := exitOK
	var done []*audit.Result
	for i, u := range urls {
		if err := errs[i]; err != nil {
			if ctx.Err() != nil {
				fmt.Fprintf(stderr, "shopper audit: %s: interrupted before the audit finished.\n", u)
			} else {
				fmt.Fprintf(stderr, "shopper audit: %s.\n", strings.TrimSuffix(err.Error(), "."))
			}
			code = exitUsage
			continue
		}
		r := results[i]
		done = append(done, r)
		var werr error
		// The site's earlier audits are read before compare stores this
		// one, which is stored without them.
		earlier := hist.earlier(ctx, r, stderr)
		changes := hist.compare(ctx, r, stderr)
		r.History = earlier
		if f.json {
			werr = hist.jsonLine(stdout, r, changes)
		} else {
			if i > 0 {
				fmt.Fprintln(stdout)
			}
			werr = reports.Summary(stdout, r)
			if werr == nil {
				werr = hist.summary(stdout, changes)
			}
		}
		if werr != nil {
			fmt.Fprintf(stderr, "shopper audit: %v\n", werr)
			return exitUsage
		}
		// The reports written below show the changes; the JSON line above
		// has them already, as its "changes".
		r.Changes = resultChanges(changes)
		if f.failUnder > 0 && r.Score.Total < f.failUnder && code == exitOK {
			fmt.Fprintf(stderr, "shopper audit: %s scored %d, under --fail-under %d.\n", r.URL, r.Score.Total, f.failUnder)
			code = exitThreshold
		}
		if hist.failed(r, changes, stderr) && code == exitOK {
			code = exitThreshold
		}
	}
	if err := f.out.write(done, len(urls) > 1); err != nil {
		fmt.Fprintf(stderr, "shopper audit: %s.\n", strings.TrimSuffix(err.Error(), "."))
		return exitUsage
	}
	return code
}

// earlier returns the audits of r's site kept in --db up to r's time,
// oldest first, for its trend: none without a store. A store that cannot
// be read is said on stderr and leaves the audit standing.
func (a *auditHistory) earlier(ctx context.Context, r *audit.Result, stderr io.Writer) []audit.Point {
	if a == nil || a.db == nil {
		return nil
	}
	at := time.Now().UTC()
	if r.AuditedAt != nil {
		at = *r.AuditedAt
	}
	pts, err := earlierAudits(ctx, a.db, r.URL, func(s store.Audit) bool { return !s.At.After(at) })
	if err != nil {
		fmt.Fprintf(stderr, "shopper audit: %s: the earlier audits cannot be read: %v.\n", r.URL, sentence(err))
	}
	return pts
}

// earlierAudits returns the audits of site kept in db that keep accepts,
// oldest first, as points of the site's trend. Audits that failed,
// results that cannot be read, and copies of an audit kept twice (a
// benchmark's campaign keeps its own copy: same time, same result) are
// left out.
func earlierAudits(ctx context.Context, db *store.DB, site string, keep func(store.Audit) bool) ([]audit.Point, error) {
	as, err := db.ListAudits(ctx, site)
	if err != nil {
		return nil, err
	}
	var pts []audit.Point
	seen := map[string]bool{}
	for _, a := range as {
		if a.Error != "" || !keep(a) {
			continue
		}
		if k := a.At.Format(time.RFC3339Nano) + " " + string(a.Result); seen[k] {
			continue
		} else {
			seen[k] = true
		}
		var s struct {
			Score struct {
				Total int    `json:"total"`
				Grade string `json:"grade"`
			} `json:"score"`
		}
		if err := json.Unmarshal(a.Result, &s); err != nil {
			continue
		}
		pts = append(pts, audit.Point{At: a.At, Total: s.Score.Total, Grade: s.Score.Grade})
	}
	return pts, nil
}

// resultChanges carries the changes history.Diff found into the result,
// for the reports; nil stays nil (no baseline).
func resultChanges(cs []history.Change) []audit.Change {
	if cs == nil {
		return nil
	}
	out := make([]audit.Change, len(cs))
	for i, c := range cs {
		out[i] = audit.Change{Kind: string(c.Kind), Item: c.Item, Before: c.Before, After: c.After, Regression: c.Regression, Sentence: c.Sentence}
	}
	return out
}

// check validates flag values; it returns a sentence saying what to fix.
func (f *auditFlags) check(urls []string) string {
	switch {
	case len(urls) == 0:
		return "give at least one website address, e.g. 'shopper audit https://www.example.com' (see --help)"
	case f.maxPages < 1:
		return "--max-pages must be at least 1"
	case f.maxDepth < 1:
		return "--max-depth must be at least 1"
	case f.parallel < 1 || f.parallel > 16:
		return "--parallel must be between 1 and 16"
	case f.sites < 1:
		return "--sites must be at least 1"
	case f.delay < 0:
		return "--delay cannot be negative"
	case f.timeout <= 0 || f.siteTimeout <= 0:
		return "--timeout and --site-timeout must be positive durations such as 15s or 3m"
	case f.failUnder < 0 || f.failUnder > 100:
		return "--fail-under takes a score from 0 to 100"
	case f.render != "auto" && f.render != "always" && f.render != "never":
		return fmt.Sprintf("--render takes auto, always or never, not %q", f.render)
	case f.tabs < 1 || f.tabs > 16:
		return "--tabs must be between 1 and 16"
	case f.renderTime <= 0:
		return "--render-timeout must be a positive duration such as 10s"
	case f.thirdParty != "block" && f.thirdParty != "allow":
		return fmt.Sprintf("--third-party takes block or allow, not %q", f.thirdParty)
	case f.screenshots != "" && f.render == "never":
		return "--screenshots needs rendered pages; drop --render never"
	case f.region != "" && (len(f.region) != 2 || strings.ToUpper(f.region) != strings.Map(asciiUpper, f.region)):
		return fmt.Sprintf("--region %q is not a two-letter ISO region such as US, GB, VN or TR", f.region)
	}
	for _, u := range urls {
		if _, err := crawler.ParseSiteURL(u); err != nil {
			return err.Error()
		}
	}
	return ""
}

// renderer finds the browser every site will share. With --render auto
// and no browser it warns once and returns nil: the audit goes on
// statically. With --render always it says how to install one and returns
// exitUsage. The browser starts when the first page is to be rendered, so
// a site that cannot be reached costs no browser start.
func (f *auditFlags) renderer(ctx context.Context, stderr io.Writer) (*lazyRenderer, int) {
	path, err := browser.Find()
	if err != nil {
		if f.render == string(audit.RenderAlways) {
			why := "none of " + strings.Join(browser.Names, ", ") + " is on PATH"
			if p := os.Getenv("CHROME_PATH"); p != "" {
				why = "CHROME_PATH=" + p + " is not an executable file"
			}
			fmt.Fprintf(stderr, "shopper audit: --render always needs Chromium, and %s; install it (e.g. 'apt-get install chromium') or set CHROME_PATH to a Chrome or Chromium executable.\n", why)
			return nil, exitUsage
		}
		fmt.Fprintln(stderr, "shopper audit: no Chromium found (set CHROME_PATH or install chromium); auditing without rendering.")
		return nil, exitOK
	}
	bo := browser.Options{Path: path, Tabs: f.tabs, RenderTimeout: f.renderTime, UserAgentSuffix: crawler.DefaultUserAgent}
	// Rendered pages are held to the crawl's address guard: a same-site
	// name that resolves to a private address is refused in the browser too.
	bo.Dial = crawler.Dialer(crawler.Options{AllowPrivate: f.allowPrivate, RequestTimeout: f.timeout})
	if f.thirdParty == "allow" {
		allowPrivate := f.allowPrivate
		bo.AllowHosts = func(host string) bool {
			// Addresses written out are checked as the crawler checks
			// them; names are let through.
			a, err := netip.ParseAddr(host)
			return err != nil || allowPrivate || crawler.PublicAddr(a)
		}
	}
	return &lazyRenderer{ctx: ctx, opts: bo, stderr: stderr}, exitOK
}

// lazyRenderer starts the browser on the first render and shares it.
type lazyRenderer struct {
	ctx    context.Context
	opts   browser.Options
	stderr io.Writer

	mu  sync.Mutex
	b   *browser.Browser
	r   crawler.Renderer
	err error
}

func (l *lazyRenderer) Render(ctx context.Context, pageURL string, shot bool) (*crawler.Rendered, error) {
	l.mu.Lock()
	if l.r == nil && l.err == nil {
		l.b, l.err = browser.New(l.ctx, l.opts)
		if l.err != nil {
			fmt.Fprintf(l.stderr, "shopper audit: Chromium did not start (%v); auditing without rendering.\n", l.err)
		} else {
			l.r = audit.BrowserRenderer(l.b)
		}
	}
	r, err := l.r, l.err
	l.mu.Unlock()
	if err != nil {
		return nil, fmt.Errorf("no browser: %w", err)
	}
	return r.Render(ctx, pageURL, shot)
}

// close stops the browser, if it started.
func (l *lazyRenderer) close() {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.b != nil {
		l.b.Close()
	}
}

// screenshotSaver writes screenshots to dir as HOST-KIND.png.
func screenshotSaver(dir string) func(kind, pageURL string, png []byte) (string, error) {
	return func(kind, pageURL string, png []byte) (string, error) {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return "", fmt.Errorf("screenshot directory: %w", err)
		}
		host := "site"
		if u, err := url.Parse(pageURL); err == nil && u.Host != "" {
			host = u.Host
		}
		name := strings.Map(func(r rune) rune {
			if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '.' || r == '-' {
				return r
			}
			return '_'
		}, host) + "-" + kind + ".png"
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, png, 0o644); err != nil {
			return "", fmt.Errorf("save screenshot: %w", err)
		}
		return path, nil
	}
}

func asciiUpper(r rune) rune {
	if r >= 'a' && r <= 'z' {
		return r - 32
	}
	if r >= 'A' && r <= 'Z' {
		return r
	}
	return -1
}

// parseFlags gives fs its help text (usage, then the flags), parses args
// with flags anywhere among them, and prints the help on stdout when asked
// for it with -h or --help, reporting that it did.
func parseFlags(fs *flag.FlagSet, usage string, args []string, stdout io.Writer) (rest []string, help bool, err error) {
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), usage)
		fs.PrintDefaults()
	}
	rest, err = parseInterspersed(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		fs.SetOutput(stdout)
		fs.Usage()
		return nil, true, nil
	}
	return rest, false, err
}

// parseInterspersed parses flags wherever they stand among the arguments,
// so 'shopper audit example.com --json' works too.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var rest []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return rest, nil
		}
		if args[0] == "--" {
			return append(rest, args[1:]...), nil
		}
		rest = append(rest, args[0])
		args = args[1:]
	}
}

// byteSize is a flag value like 5MiB, 800KB or 1048576.
type byteSize int64

func (b *byteSize) String() string { return strconv.FormatInt(int64(*b), 10) }

func (b *byteSize) Set(s string) error {
	t := strings.ToUpper(strings.TrimSpace(s))
	mult := int64(1)
	for _, u := range []struct {
		suffix string
		m      int64
	}{{"KIB", 1 << 10}, {"MIB", 1 << 20}, {"GIB", 1 << 30}, {"KB", 1000}, {"MB", 1000 * 1000}, {"GB", 1000 * 1000 * 1000}, {"K", 1 << 10}, {"M", 1 << 20}, {"B", 1}} {
		if strings.HasSuffix(t, u.suffix) {
			t, mult = strings.TrimSpace(strings.TrimSuffix(t, u.suffix)), u.m
			break
		}
	}
	n, err := strconv.ParseFloat(t, 64)
	if err != nil || n < 1024/float64(mult) || n*float64(mult) > 1<<31 {
		return fmt.Errorf("%q is not a size from 1KiB to 2GiB, such as 5MiB", s)
	}
	*b = byteSize(n * float64(mult))
	return nil
}

// progress tells a person what is happening on stderr: a live line on a
// terminal, a line per site otherwise, nothing with --quiet.
type progress struct {
	mu           sync.Mutex
	w            io.Writer
	tty, quiet   bool
	total, ended int
	pages        map[string]int
}

func newProgress(w io.Writer, quiet bool, total int) *progress {
	tty := false
	if f, ok := w.(*os.File); ok {
		if st, err := f.Stat(); err == nil && st.Mode()&os.ModeCharDevice != 0 {
			tty = true
		}
	}
	return &progress{w: w, tty: tty, quiet: quiet, total: total, pages: map[string]int{}}
}

func (p *progress) page(site string, n int) {
	if p.quiet || !p.tty {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.pages[site] = n
	fmt.Fprintf(p.w, "\r\033[K[%d/%d] %s: %d pages…", p.ended, p.total, site, n)
}

func (p *progress) done(site string, r *audit.Result, err error) {
	if p.quiet {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.ended++
	if err != nil {
		return // the error is printed with the results
	}
	line := fmt.Sprintf("[%d/%d] %s: %d pages in %.1fs, score %d", p.ended, p.total, site, r.PagesCrawled, r.Seconds, r.Score.Total)
	if p.tty {
		fmt.Fprintf(p.w, "\r\033[K%s", line)
		return
	}
	fmt.Fprintln(p.w, line)
}

func (p *progress) finish() {
	if !p.quiet && p.tty {
		fmt.Fprint(p.w, "\r\033[K")
	}
}
