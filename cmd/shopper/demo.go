package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/shopper-audit/shopper/audit"
	"github.com/shopper-audit/shopper/campaign"
	"github.com/shopper-audit/shopper/crawler"
	"github.com/shopper-audit/shopper/crawler/browser"
	"github.com/shopper-audit/shopper/demo"
	"github.com/shopper-audit/shopper/reports"
)

const demoUsage = `Usage: shopper demo [--out DIR] [flags]

Runs a whole mystery-shopping campaign offline, in under 20 seconds, and
writes its scorecards. Everything runs on this machine, on 127.0.0.1:

  - six sample company sites (English, Vietnamese, Turkish; good to poor),
  - a customer-service desk that receives the inquiries by SMTP (STARTTLS
    and AUTH) and answers them: an acknowledgement and a personal reply,
    a canned reply, or nothing,
  - the shopper's mailbox, an in-memory IMAP server the replies land in.

shopper audits each site, sends each company one inquiry in its language
(sending for real, as 'shopper campaign run --send' does, but only to the
demo's own desk), watches the mailbox, measures the replies and writes a
scorecard PDF per company, benchmark.pdf, results.jsonl, the campaign file
and its store into DIR. Time is compressed: replies arrive within seconds
in the demo, where real desks take hours. Nothing needs the internet, a
browser or a database server. Files in DIR from an earlier demo are
replaced.

Examples:
  shopper demo
  shopper demo --out /tmp/demo && open /tmp/demo/benchmark.pdf
  shopper campaign status --db shopper-demo/demo.db shopper-demo/campaign.yaml

Flags:
`

func runDemo(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("demo", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	out := fs.String("out", "shopper-demo", "write the reports, the campaign file and its store into `DIR`")
	speed := fs.Float64("speed", 1, "run the desks' replies and the campaign's deadline `N` times faster")
	render := fs.String("render", "never", "render pages in headless Chromium: never, or auto when Chromium is installed")
	fail := func(format string, a ...any) int {
		fmt.Fprintf(stderr, "shopper demo: %s.\n", strings.TrimSuffix(fmt.Sprintf(format, a...), "."))
		return exitUsage
	}
	rest, help, err := parseFlags(fs, demoUsage, args, stdout)
	if help {
		return exitOK
	}
	switch {
	case err != nil:
		return fail("%v; see 'shopper demo --help'", err)
	case len(rest) > 0:
		return fail("it takes no arguments, not %q; see 'shopper demo --help'", rest[0])
	case *speed <= 0 || *speed > 100:
		return fail("--speed must be above 0 and at most 100")
	case *render != "never" && *render != "auto":
		return fail("--render takes never or auto, not %q", *render)
	case *out == "":
		return fail("--out needs a folder")
	}
	opts := demo.Options{Dir: *out, Out: stdout, Speed: *speed}
	if *render == "auto" {
		if path, err := browser.Find(); err != nil {
			fmt.Fprintln(stderr, "shopper demo: no Chromium found; the sites are audited from their HTML.")
		} else {
			lr := &lazyRenderer{ctx: context.WithoutCancel(ctx), stderr: stderr, opts: browser.Options{Path: path, Tabs: 2,
				RenderTimeout: 10 * time.Second, UserAgentSuffix: crawler.DefaultUserAgent, LoopbackOnly: true}}
			defer lr.close()
			opts.Renderer = lr
		}
	}
	res, err := demo.Run(ctx, opts)
	if err != nil {
		if ctx.Err() != nil {
			fmt.Fprintln(stderr, "shopper demo: interrupted; every server it started is stopped.")
			return exitUsage
		}
		return fail("%s", sentence(err))
	}
	var results []*audit.Result
	for _, sc := range res.Scorecards {
		if sc.Result == nil {
			fmt.Fprintf(stderr, "shopper demo: no scorecard for %s: %s.\n", sc.Company, sc.Missing)
			continue
		}
		results = append(results, sc.Result)
	}
	if len(results) == 0 {
		return fail("no company could be audited")
	}
	printDemoTable(stdout, res, results)
	if err := writePDFs(*out, results, true, reports.PDFOptions{Now: time.Now()}); err != nil {
		return fail("%s", sentence(err))
	}
	jsonl := filepath.Join(*out, "results.jsonl")
	if err := writeFile(jsonl, func(w io.Writer) error {
		for _, r := range results {
			if err := reports.JSONLine(w, r); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		return fail("%s", sentence(err))
	}
	fmt.Fprintf(stdout, "\nWritten to %s:\n", *out)
	names, _ := filepath.Glob(filepath.Join(*out, "*.pdf"))
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(stdout, "  %s\n", n)
	}
	fmt.Fprintf(stdout, "  %s\n  %s (the campaign file) and %s (its store)\n", jsonl, res.CampaignPath, res.StorePath)
	fmt.Fprintf(stdout, "\nNext: 'shopper campaign status --db %s %s', or run your own campaign from examples/campaign.yaml.\n",
		res.StorePath, res.CampaignPath)
	return exitOK
}

// printDemoTable prints a line per company: its grade and total with the
// inquiry's outcome, best first.
func printDemoTable(w io.Writer, res *demo.Result, results []*audit.Result) {
	byCompany := map[string]campaign.Outcome{}
	for _, o := range res.Outcomes {
		byCompany[o.Company] = o
	}
	fmt.Fprintln(w)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "COMPANY\tGRADE\tTOTAL\tINQUIRY\tFIRST RESPONSE\tHUMAN REPLY\tPERSONAL")
	unanalysed := false
	for _, r := range reports.Rank(results) {
		o, ok := byCompany[r.Company]
		status, personal := "-", "-"
		if ok {
			status = o.Status
			if o.Personalization != nil {
				personal = fmt.Sprintf("%.0f%%", 100**o.Personalization)
			} else if o.HumanReplySeconds != nil {
				unanalysed = true
			}
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t%s\t%s\t%s\t%s\n", r.Company, r.Score.Grade, r.Score.Total, status,
			seconds(o.FirstResponseSeconds), seconds(o.HumanReplySeconds), personal)
	}
	tw.Flush()
	fmt.Fprintln(w, "Times are from sending to the reply landing in the mailbox, to the second (IMAP's arrival dates have no finer grain).")
	if unanalysed {
		fmt.Fprintln(w, "PERSONAL is - where the reply's wording was not analysed.")
	}
}

// seconds writes a measured time to the nearest second, "-" when none.
func seconds(s *float64) string {
	if s == nil {
		return "-"
	}
	return time.Duration(*s * float64(time.Second)).Round(time.Second).String()
}
