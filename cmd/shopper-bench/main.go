// Command shopper-bench measures what a shopper audit costs beside a bare
// colly crawl of the same sites, in the same run, on loopback.
//
// It serves generated company sites (package sitegen) from this process and
// runs each mode in a child process — itself, re-executed with a hidden
// flag — so that each mode's peak RSS is its own. Run `shopper-bench
// --help` for the flags and examples.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"text/tabwriter"
	"time"

	"github.com/shopper-audit/shopper/sitegen"
)

// targetRatio is the spec's budget: an audit may cost at most this many
// times the bare crawl's wall time per page.
const targetRatio = 1.5

// contendedShare is the share of the machine's CPU time other processes
// may use during a run before the run counts as contended.
const contendedShare = 0.15

// flatRSS is how much the audit's peak RSS may grow from the smallest to
// the largest site count and still count as flat.
const flatRSS = 1.25

const usage = `shopper-bench measures what a shopper audit costs beside a bare colly crawl.

It serves generated company sites (package sitegen: en/vi/tr shops, 31–64 KB
pages, ~150 links each) on loopback addresses 127.0.1.1, 127.0.1.2, ... and
then runs, each in its own child process so that each has its own peak RSS,
alternating for -rounds rounds:

  bare   one colly collector per site: async, -parallel requests at once,
         -max-pages pages and -depth link levels, following same-site
         a[href] links and nothing else
  audit  audit.Run on each site with the same parallelism, page budget and
         depth (no delay, private addresses allowed), its JSON encoded to
         io.Discard

Both run -concurrency sites at once. It reports sites/s, pages/s, CPU
seconds and peak RSS per run, the medians per mode, and the audit/bare ratio
of wall time per page against the target (at most 1.5x). With a list for
-sites it also runs both modes once at each count, to show whether peak RSS
stays flat as the number of sites grows. All traffic stays on loopback; the
command stops by itself.

Usage:
  shopper-bench [flags]

Examples:
  shopper-bench                          # 200 sites x 20 pages, 3 rounds
  shopper-bench -rounds 5 -json > bench.json
  shopper-bench -sites 50,100,200        # also: peak RSS as sites grow
  shopper-bench -sites 40 -rounds 1 -cpuprofile /tmp/prof
  go tool pprof -top /tmp/prof/audit-1.pprof

Flags:
`

// config is the benchmark's settings, from the flags.
type config struct {
	Sites       []int         `json:"sites"`
	Pages       int           `json:"pages_per_site"`
	Rounds      int           `json:"rounds"`
	Concurrency int           `json:"concurrency"`
	Parallel    int           `json:"parallel"`
	MaxPages    int           `json:"max_pages"`
	Depth       int           `json:"depth"`
	Timeout     time.Duration `json:"-"`
	Settle      time.Duration `json:"settle"`
	JSON        bool          `json:"-"`
	CPUProfile  string        `json:"-"`
}

// run is one child process: one mode over some sites.
type run struct {
	Mode      string   `json:"mode"`
	Round     int      `json:"round,omitempty"` // 0 in the scaling runs
	Sites     int      `json:"sites"`
	Failed    int      `json:"failed"`
	Errors    []string `json:"errors,omitempty"`
	Pages     int      `json:"pages"`
	Seconds   float64  `json:"wall_seconds"`
	SitesPerS float64  `json:"sites_per_second"`
	PagesPerS float64  `json:"pages_per_second"`
	CPU       float64  `json:"cpu_seconds"`
	CPUPerPg  float64  `json:"cpu_ms_per_page"`
	RSS       int64    `json:"peak_rss_bytes"` // rusage Maxrss of the child
	HWM       int64    `json:"vm_hwm_bytes"`   // the child's VmHWM, a cross-check
	// ServerCPU is the CPU the site server used during the run: it shares
	// the machine with the child.
	ServerCPU float64 `json:"server_cpu_seconds"`
	// Other is the CPU time other processes on the machine used during
	// the run; Contended is set when it exceeds contendedShare of the
	// machine, and the run's wall time then says little.
	Other     float64 `json:"other_cpu_seconds"`
	Contended bool    `json:"contended"`
	// Load is the one-minute load average when the run started.
	Load float64 `json:"load_before"`
}

// report is the whole result, as -json prints it.
type report struct {
	Machine  machine `json:"machine"`
	Command  string  `json:"command"`
	Config   config  `json:"config"`
	Runs     []run   `json:"runs"`
	Median   []run   `json:"median"` // per mode, over the rounds
	Ratio    ratios  `json:"audit_over_bare"`
	Scaling  []run   `json:"scaling,omitempty"`
	FlatRSS  *bool   `json:"audit_rss_flat,omitempty"`
	RSSGrow  float64 `json:"audit_rss_growth,omitempty"`
	Started  string  `json:"started"`
	Duration float64 `json:"duration_seconds"`
}

type ratios struct {
	// WallPerPage is the median of the per-round ratios, over the rounds
	// where neither run was contended when there are any (CleanRounds).
	WallPerPage  float64   `json:"wall_per_page"`
	PerRound     []float64 `json:"wall_per_page_per_round"`
	Contended    []bool    `json:"round_contended"`
	CleanRounds  int       `json:"clean_rounds"`
	CPUPerPage   float64   `json:"cpu_per_page"`
	PeakRSS      float64   `json:"peak_rss"`
	Target       float64   `json:"target"`
	TargetMet    bool      `json:"target_met"`
	RatioOfMeans float64   `json:"wall_per_page_of_medians"`
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := mainCode(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// hidden flags are left out of --help: the parent passes them to children.
var hidden = map[string]bool{"child": true}

func mainCode(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("shopper-bench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var cfg config
	sites := fs.String("sites", "200", "how many sites to serve and crawl: a count, or a `list` such as 50,100,200 to also measure peak RSS at each count")
	fs.IntVar(&cfg.Pages, "pages", 20, "HTML pages per generated site")
	fs.IntVar(&cfg.Rounds, "rounds", 3, "rounds of bare then audit")
	fs.IntVar(&cfg.Concurrency, "concurrency", 16, "sites crawled at once")
	fs.IntVar(&cfg.Parallel, "parallel", 8, "requests at once per site")
	fs.IntVar(&cfg.MaxPages, "max-pages", 0, "pages fetched at most per site (default: -pages, every page)")
	fs.IntVar(&cfg.Depth, "depth", 3, "link levels followed from the home page")
	fs.DurationVar(&cfg.Timeout, "timeout", 10*time.Minute, "limit for each child run; a run that takes longer is killed and reported")
	fs.DurationVar(&cfg.Settle, "settle", time.Minute, "before each run, wait up to this long for other processes to leave the CPUs idle (0: do not wait)")
	fs.BoolVar(&cfg.JSON, "json", false, "print the report as JSON")
	fs.StringVar(&cfg.CPUProfile, "cpuprofile", "", "write each child's CPU profile to `dir`/<mode>-<round>.pprof")
	child := fs.String("child", "", "(internal) run one mode as a child process")
	fs.Usage = func() {
		fmt.Fprint(stderr, usage)
		fs.VisitAll(func(f *flag.Flag) {
			if hidden[f.Name] {
				return
			}
			name, help := flag.UnquoteUsage(f)
			fmt.Fprintf(stderr, "  -%s", f.Name)
			if name != "" {
				fmt.Fprintf(stderr, " %s", name)
			}
			fmt.Fprintf(stderr, "\n    \t%s", help)
			if f.DefValue != "" && f.DefValue != "0" && f.DefValue != "false" {
				fmt.Fprintf(stderr, " (default %s)", f.DefValue)
			}
			fmt.Fprintln(stderr)
		})
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if *child != "" {
		if err := childMain(ctx, stdin, stdout); err != nil {
			fmt.Fprintln(stderr, "shopper-bench child:", err)
			return 1
		}
		return 0
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "shopper-bench: unexpected argument %q; it takes flags only (see --help)\n", fs.Arg(0))
		return 2
	}
	for _, s := range strings.Split(*sites, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n < 1 {
			fmt.Fprintf(stderr, "shopper-bench: -sites %q: want a count or a list of counts, such as 200 or 50,100,200\n", *sites)
			return 2
		}
		cfg.Sites = append(cfg.Sites, n)
	}
	sort.Ints(cfg.Sites)
	if cfg.MaxPages <= 0 {
		cfg.MaxPages = cfg.Pages
	}
	if cfg.Rounds < 1 || cfg.Concurrency < 1 || cfg.Parallel < 1 || cfg.Pages < sitegen.MinPages || cfg.Depth < 1 {
		fmt.Fprintf(stderr, "shopper-bench: -rounds, -concurrency, -parallel and -depth must be at least 1, -pages at least %d\n", sitegen.MinPages)
		return 2
	}
	if cfg.CPUProfile != "" {
		if err := os.MkdirAll(cfg.CPUProfile, 0o755); err != nil {
			fmt.Fprintln(stderr, "shopper-bench:", err)
			return 2
		}
	}
	rep, err := bench(ctx, cfg, stderr)
	if err != nil {
		fmt.Fprintln(stderr, "shopper-bench:", err)
		return 1
	}
	rep.Command = "shopper-bench " + strings.Join(args, " ")
	if cfg.JSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		_ = enc.Encode(rep)
	} else {
		printReport(stdout, rep)
	}
	for _, r := range append(rep.Runs, rep.Scaling...) {
		if r.Failed > 0 {
			return 1
		}
	}
	return 0
}

// bench serves the sites and runs the children.
func bench(ctx context.Context, cfg config, progress io.Writer) (*report, error) {
	rep := &report{Machine: describeMachine(), Config: cfg, Started: time.Now().UTC().Format(time.RFC3339)}
	start := time.Now()
	most := cfg.Sites[len(cfg.Sites)-1]
	fmt.Fprintf(progress, "generating and serving %d sites × %d pages on loopback…\n", most, cfg.Pages)
	srv, err := startServer(ctx, most, cfg.Pages)
	if err != nil {
		return nil, err
	}
	defer srv.stop()
	urls := srv.urls
	fmt.Fprintf(progress, "serving on %s … %s\n", urls[0], urls[len(urls)-1])

	for round := 1; round <= cfg.Rounds; round++ {
		for _, mode := range []string{"bare", "audit"} {
			r, err := runChild(ctx, cfg, mode, round, urls, srv.pid)
			if err != nil {
				return nil, err
			}
			fmt.Fprintf(progress, "round %d %-5s %4d sites %5d pages %6.1f s %6.0f pages/s %6.1f MiB\n", round, mode, r.Sites, r.Pages, r.Seconds, r.PagesPerS, mib(r.RSS))
			rep.Runs = append(rep.Runs, r)
		}
	}
	rep.Median = []run{median(rep.Runs, "bare"), median(rep.Runs, "audit")}
	rep.Ratio = compare(rep.Runs, rep.Median[0], rep.Median[1])

	if len(cfg.Sites) > 1 {
		for _, n := range cfg.Sites {
			for _, mode := range []string{"bare", "audit"} {
				r, err := runChild(ctx, cfg, mode, 0, urls[:n], srv.pid)
				if err != nil {
					return nil, err
				}
				fmt.Fprintf(progress, "scaling %-5s %4d sites %5d pages %6.1f s %6.1f MiB\n", mode, r.Sites, r.Pages, r.Seconds, mib(r.RSS))
				rep.Scaling = append(rep.Scaling, r)
			}
		}
		lo, hi := int64(0), int64(0)
		for _, r := range rep.Scaling {
			if r.Mode != "audit" {
				continue
			}
			if lo == 0 {
				lo = r.RSS
			}
			hi = r.RSS
		}
		if lo > 0 {
			rep.RSSGrow = float64(hi) / float64(lo)
			flat := rep.RSSGrow <= flatRSS
			rep.FlatRSS = &flat
		}
	}
	rep.Duration = time.Since(start).Seconds()
	return rep, nil
}

// server is the child process serving the sites.
type server struct {
	urls []string
	pid  int
	stop func()
}

// startServer starts a child that generates and serves the sites on
// loopback; stop ends it.
func startServer(ctx context.Context, sites, pages int) (*server, error) {
	exe, err := os.Executable()
	if err != nil {
		return nil, fmt.Errorf("find own executable: %w", err)
	}
	cmd := exec.CommandContext(ctx, exe, "-child", "serve")
	cmd.SysProcAttr = childAttr()
	cmd.Stderr = os.Stderr
	in, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("start the site server: %w", err)
	}
	stop := func() {
		in.Close() // the server exits when its stdin closes
		_ = cmd.Wait()
	}
	j, _ := json.Marshal(job{Mode: "serve", Sites: sites, Pages: pages})
	if _, err := in.Write(append(j, '\n')); err != nil {
		stop()
		return nil, fmt.Errorf("start the site server: %w", err)
	}
	var urls []string
	if err := json.NewDecoder(out).Decode(&urls); err != nil || len(urls) != sites {
		stop()
		return nil, fmt.Errorf("the site server did not start (%v)", err)
	}
	return &server{urls: urls, pid: cmd.Process.Pid, stop: stop}, nil
}

// runChild runs one mode over urls in a child process and measures it.
func runChild(ctx context.Context, cfg config, mode string, round int, urls []string, serverPID int) (run, error) {
	exe, err := os.Executable()
	if err != nil {
		return run{}, fmt.Errorf("find own executable: %w", err)
	}
	j := job{Mode: mode, URLs: urls, Concurrency: cfg.Concurrency, Parallel: cfg.Parallel, MaxPages: cfg.MaxPages, Depth: cfg.Depth}
	if cfg.CPUProfile != "" && round > 0 {
		j.CPUProfile = filepath.Join(cfg.CPUProfile, fmt.Sprintf("%s-%d.pprof", mode, round))
	}
	in, _ := json.Marshal(j)
	cctx, cancel := context.WithTimeout(ctx, cfg.Timeout)
	defer cancel()
	cmd := exec.CommandContext(cctx, exe, "-child", mode)
	cmd.Stdin = bytes.NewReader(in)
	var out, errs bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errs
	cmd.SysProcAttr = childAttr()
	if cfg.Settle > 0 {
		waitQuiet(ctx, cfg.Settle)
	}
	load, srv0, busy0, t0 := loadAvg(), cpuOf(serverPID), busyCPU(), time.Now()
	if err := cmd.Run(); err != nil {
		if cctx.Err() == context.DeadlineExceeded {
			return run{}, fmt.Errorf("%s run %d took longer than -timeout %s and was killed", mode, round, cfg.Timeout)
		}
		return run{}, fmt.Errorf("%s run %d: %v: %s", mode, round, err, strings.TrimSpace(errs.String()))
	}
	var o outcome
	if err := json.Unmarshal(out.Bytes(), &o); err != nil {
		return run{}, fmt.Errorf("%s run %d: unreadable result %q: %w", mode, round, out.String(), err)
	}
	wall, srv1, busy1 := time.Since(t0).Seconds(), cpuOf(serverPID), busyCPU()
	r := run{Mode: mode, Round: round, Sites: o.Sites, Failed: o.Failed, Errors: o.Errors, Pages: o.Pages, Seconds: o.Seconds, HWM: o.HWM, Load: load}
	r.CPU, r.RSS = resources(cmd.ProcessState)
	if srv0 >= 0 && srv1 >= 0 {
		r.ServerCPU = srv1 - srv0
	}
	if busy0 >= 0 && busy1 >= 0 {
		r.Other = max(0, busy1-busy0-r.CPU-r.ServerCPU)
		r.Contended = r.Other > contendedShare*wall*float64(runtime.NumCPU())
	}
	if o.Seconds > 0 {
		r.SitesPerS, r.PagesPerS = float64(o.Sites)/o.Seconds, float64(o.Pages)/o.Seconds
	}
	if o.Pages > 0 {
		r.CPUPerPg = r.CPU * 1000 / float64(o.Pages)
	}
	return r, nil
}

// waitQuiet waits, up to limit, until other processes leave the CPUs
// nearly idle for a second.
func waitQuiet(ctx context.Context, limit time.Duration) {
	deadline := time.Now().Add(limit)
	for time.Now().Before(deadline) && ctx.Err() == nil {
		b0 := busyCPU()
		time.Sleep(time.Second)
		if b0 < 0 || busyCPU()-b0 < 0.3 {
			return
		}
	}
}

// median is the per-field median of one mode's rounds.
func median(runs []run, mode string) run {
	m := run{Mode: mode}
	var rs []run
	for _, r := range runs {
		if r.Mode == mode {
			rs = append(rs, r)
		}
	}
	if len(rs) == 0 {
		return m
	}
	f := func(get func(run) float64) float64 {
		v := make([]float64, len(rs))
		for i, r := range rs {
			v[i] = get(r)
		}
		return med(v)
	}
	m.Sites, m.Pages = rs[0].Sites, int(f(func(r run) float64 { return float64(r.Pages) }))
	m.Seconds = f(func(r run) float64 { return r.Seconds })
	m.SitesPerS = f(func(r run) float64 { return r.SitesPerS })
	m.PagesPerS = f(func(r run) float64 { return r.PagesPerS })
	m.CPU = f(func(r run) float64 { return r.CPU })
	m.CPUPerPg = f(func(r run) float64 { return r.CPUPerPg })
	m.RSS = int64(f(func(r run) float64 { return float64(r.RSS) }))
	m.HWM = int64(f(func(r run) float64 { return float64(r.HWM) }))
	m.ServerCPU = f(func(r run) float64 { return r.ServerCPU })
	m.Load = f(func(r run) float64 { return r.Load })
	m.Other = f(func(r run) float64 { return r.Other })
	for _, r := range rs {
		m.Failed += r.Failed
	}
	return m
}

func med(v []float64) float64 {
	sort.Float64s(v)
	if n := len(v); n%2 == 1 {
		return v[n/2]
	} else {
		return (v[n/2-1] + v[n/2]) / 2
	}
}

// compare works out the audit/bare ratios. The headline is the median of
// the per-round ratios of wall time per page: each round's bare and audit
// runs are adjacent in time, so drift in the machine's speed cancels.
func compare(runs []run, bare, aud run) ratios {
	rt := ratios{Target: targetRatio}
	var b *run
	for i := range runs {
		r := &runs[i]
		switch {
		case r.Mode == "bare":
			b = r
		case r.Mode == "audit" && b != nil && b.Round == r.Round && r.Pages > 0 && b.Pages > 0:
			rt.PerRound = append(rt.PerRound, (r.Seconds/float64(r.Pages))/(b.Seconds/float64(b.Pages)))
			rt.Contended = append(rt.Contended, r.Contended || b.Contended)
		}
	}
	var clean []float64
	for i, x := range rt.PerRound {
		if !rt.Contended[i] {
			clean = append(clean, x)
		}
	}
	rt.CleanRounds = len(clean)
	if len(clean) == 0 {
		clean = append(clean, rt.PerRound...)
	}
	if len(clean) > 0 {
		rt.WallPerPage = med(clean)
	}
	if bare.PagesPerS > 0 && aud.PagesPerS > 0 {
		rt.RatioOfMeans = bare.PagesPerS / aud.PagesPerS
	}
	if bare.CPUPerPg > 0 {
		rt.CPUPerPage = aud.CPUPerPg / bare.CPUPerPg
	}
	if bare.RSS > 0 {
		rt.PeakRSS = float64(aud.RSS) / float64(bare.RSS)
	}
	rt.TargetMet = rt.WallPerPage > 0 && rt.WallPerPage <= targetRatio
	return rt
}

func mib(b int64) float64 { return float64(b) / (1 << 20) }

func printReport(w io.Writer, rep *report) {
	c, m := rep.Config, rep.Machine
	fmt.Fprintf(w, "shopper-bench: %d sites × %d pages on loopback, %d sites at once, %d requests per site, at most %d pages and %d link levels per site\n",
		c.Sites[len(c.Sites)-1], c.Pages, c.Concurrency, c.Parallel, c.MaxPages, c.Depth)
	fmt.Fprintf(w, "machine: %d CPUs (%s), %s RAM, %s %s/%s\n\n", m.CPUs, m.CPUModel, m.Memory, m.Go, m.OS, m.Arch)

	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "round\tmode\tsites\tpages\twall s\tsites/s\tpages/s\tCPU s\tCPU ms/page\tpeak RSS MiB\tserver CPU s\tother CPU s\tfailed\t")
	row := func(label string, r run) {
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%.2f\t%.1f\t%.0f\t%.2f\t%.2f\t%.1f\t%.2f\t%.2f\t%d\t\n",
			label, r.Mode, r.Sites, r.Pages, r.Seconds, r.SitesPerS, r.PagesPerS, r.CPU, r.CPUPerPg, mib(r.RSS), r.ServerCPU, r.Other, r.Failed)
	}
	contended := false
	for _, r := range rep.Runs {
		label := strconv.Itoa(r.Round)
		if r.Contended {
			label += "*"
			contended = true
		}
		row(label, r)
	}
	fmt.Fprintln(tw, "\t\t\t\t\t\t\t\t\t\t\t\t\t")
	for _, r := range rep.Median {
		row("median", r)
	}
	tw.Flush()
	if contended {
		fmt.Fprintf(w, "* contended: other processes used more than %.0f%% of the machine's CPU during the run\n", contendedShare*100)
	}
	for _, r := range append(rep.Runs, rep.Scaling...) {
		for _, e := range r.Errors {
			fmt.Fprintf(w, "failure (%s, round %d): %s\n", r.Mode, r.Round, e)
		}
	}

	rt := rep.Ratio
	verdict := "MET"
	if !rt.TargetMet {
		verdict = "NOT MET"
	}
	per := make([]string, len(rt.PerRound))
	for i, x := range rt.PerRound {
		per[i] = fmt.Sprintf("%.2f", x)
		if rt.Contended[i] {
			per[i] += "*"
		}
	}
	over := "every round"
	if rt.CleanRounds > 0 && rt.CleanRounds < len(rt.PerRound) {
		over = fmt.Sprintf("the %d uncontended rounds", rt.CleanRounds)
	} else if rt.CleanRounds == 0 && len(rt.PerRound) > 0 {
		over = "every round, all contended"
	}
	fmt.Fprintf(w, "\naudit / bare: wall time per page %.2f× (median over %s: %s), CPU per page %.2f×, peak RSS %.2f×\n",
		rt.WallPerPage, over, strings.Join(per, ", "), rt.CPUPerPage, rt.PeakRSS)
	fmt.Fprintf(w, "target: the audit costs at most %.1f× the bare crawl (wall time per page): %s\n", targetRatio, verdict)

	if len(rep.Scaling) > 0 {
		fmt.Fprintf(w, "\npeak RSS as the number of sites grows (one run per count and mode):\n")
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintln(tw, "sites\tbare pages\tbare wall s\tbare peak RSS MiB\taudit pages\taudit wall s\taudit peak RSS MiB\t")
		star := func(r run) string {
			if r.Contended {
				contended = true
				return "*"
			}
			return ""
		}
		for i := 0; i+1 < len(rep.Scaling); i += 2 {
			b, a := rep.Scaling[i], rep.Scaling[i+1]
			fmt.Fprintf(tw, "%d\t%d\t%.2f%s\t%.1f\t%d\t%.2f%s\t%.1f\t\n", b.Sites, b.Pages, b.Seconds, star(b), mib(b.RSS), a.Pages, a.Seconds, star(a), mib(a.RSS))
		}
		tw.Flush()
		verdict := "flat"
		if rep.FlatRSS != nil && !*rep.FlatRSS {
			verdict = "NOT flat"
		}
		fmt.Fprintf(w, "audit peak RSS grows %.2f× from %d to %d sites: %s (flat means at most %.2f×)\n",
			rep.RSSGrow, c.Sites[0], c.Sites[len(c.Sites)-1], verdict, flatRSS)
	}
	fmt.Fprintf(w, "\nfinished in %.0f s\n", rep.Duration)
}

// machine describes where the benchmark ran.
type machine struct {
	CPUs     int    `json:"cpus"`
	CPUModel string `json:"cpu_model"`
	Memory   string `json:"memory"`
	Go       string `json:"go"`
	OS       string `json:"os"`
	Arch     string `json:"arch"`
}

func describeMachine() machine {
	m := machine{CPUs: runtime.NumCPU(), Go: runtime.Version(), OS: runtime.GOOS, Arch: runtime.GOARCH, CPUModel: "unknown", Memory: "unknown"}
	if b, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, l := range strings.Split(string(b), "\n") {
			if k, v, ok := strings.Cut(l, ":"); ok && strings.TrimSpace(k) == "model name" {
				m.CPUModel = strings.TrimSpace(v)
				break
			}
		}
	}
	if b, err := os.ReadFile("/proc/meminfo"); err == nil {
		for _, l := range strings.Split(string(b), "\n") {
			if f := strings.Fields(l); len(f) >= 2 && f[0] == "MemTotal:" {
				if kb, err := strconv.ParseFloat(f[1], 64); err == nil {
					m.Memory = fmt.Sprintf("%.1f GiB", kb/(1<<20))
				}
			}
		}
	}
	return m
}
