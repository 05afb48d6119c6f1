// Command shopper mystery-shops a company's customer service: it audits
// what a customer can find on the company's website — a toll-free phone
// number, a deep FAQ, live chat, e-mail, contact forms, published
// policies — and scores it against published customer-service standards.
//
// Run `shopper help` for the commands and `shopper audit --help` for the
// audit's flags and examples.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"
)

// Exit codes, part of the command's public contract.
const (
	exitOK        = 0
	exitThreshold = 1 // a --fail-under threshold was missed
	exitUsage     = 2 // a usage error, or a site could not be audited
)

const usage = `shopper mystery-shops a company's customer service.

Usage:
  shopper demo [--out DIR]            run a whole campaign offline on sample sites; PDFs in ./shopper-demo/
  shopper audit [flags] URL...        audit websites: phone, FAQ, chat, e-mail, forms, policies
  shopper report [flags] FILE         render PDF, JUnit or Markdown reports from saved results
  shopper campaign run|status|report FILE
                                      send test inquiries and measure the replies (a dry run without --send)
  shopper benchmark [flags] FILE.csv  audit every company in a file as jobs; JSON Lines and PDF
  shopper worker [flags]              work queued jobs, on as many machines as wanted (--db postgres://)
  shopper version                     print the version
  shopper help [command]              show help

Examples:
  shopper demo
  shopper audit https://www.example.com
  shopper audit --json shop.example.vn magaza.example.com.tr > results.jsonl
  shopper audit --pdf scorecard.pdf https://www.example.com
  shopper report --pdf reports/ --junit junit.xml results.jsonl

Run 'shopper help COMMAND' (or 'shopper COMMAND --help') for its flags.
`

// version is set at build time with -ldflags "-X main.version=...".
var version = "0.1.0-dev"

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// run is the whole command, testable: it returns the exit code.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	switch args[0] {
	case "demo":
		return runDemo(ctx, args[1:], stdout, stderr)
	case "audit":
		return runAudit(ctx, args[1:], stdout, stderr)
	case "report":
		return runReport(ctx, args[1:], os.Stdin, stdout, stderr)
	case "campaign":
		return runCampaign(ctx, args[1:], stdout, stderr)
	case "benchmark":
		return runBenchmark(ctx, args[1:], stdout, stderr)
	case "worker":
		return runWorker(ctx, args[1:], stdout, stderr)
	case "version", "--version", "-v":
		fmt.Fprintf(stdout, "shopper %s\n", version)
		return exitOK
	case "help", "-h", "--help":
		if len(args) > 1 && args[1] != "help" && !strings.HasPrefix(args[1], "-") {
			return run(ctx, []string{args[1], "--help"}, stdout, stderr)
		}
		fmt.Fprint(stdout, usage)
		return exitOK
	default:
		fmt.Fprintf(stderr, "shopper: unknown command %q; run 'shopper help' for the list.\n", args[0])
		return exitUsage
	}
}
