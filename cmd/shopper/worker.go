package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"time"

	"github.com/shopper-audit/shopper/campaign/jobs"
	"github.com/shopper-audit/shopper/store"
)

const workerUsage = `Usage: shopper worker [flags]

Works the jobs queued in the store (--db) — the audits of 'shopper
benchmark' — until interrupted (Ctrl-C or SIGTERM), then finishes or hands
back the jobs it is running. With --db postgres://... start as many workers
as wanted, on as many machines: each job is done by one of them, and the
jobs of a worker that dies are done by another. The crawl flags apply to the
audits this worker does.

Examples:
  shopper worker --db postgres://shopper@db.internal/shopper
  shopper worker --db postgres://shopper@db.internal/shopper --workers 8 --render never

Flags:
`

func runWorker(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	var f jobFlags
	fs := flag.NewFlagSet("worker", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.IntVar(&f.workers, "workers", 4, "jobs at once in this process")
	f.register(fs)
	var quiet bool
	fs.BoolVar(&quiet, "quiet", false, "print nothing on stderr but errors")
	fs.BoolVar(&quiet, "q", false, "same as --quiet")
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), workerUsage)
		fs.PrintDefaults()
	}
	rest, err := parseInterspersed(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		fs.SetOutput(stdout)
		fs.Usage()
		return exitOK
	}
	if err != nil {
		return exitUsage
	}
	fail := func(format string, a ...any) int {
		fmt.Fprintf(stderr, "shopper worker: "+format+"\n", a...)
		return exitUsage
	}
	if len(rest) > 0 {
		return fail("takes no arguments, only flags, not %q (see --help).", rest[0])
	}
	if msg := f.check(); msg != "" {
		return fail("%s", msg)
	}
	if f.workers == 0 {
		return fail("--workers must be at least 1.")
	}
	db, err := store.Open(ctx, f.db)
	if err != nil {
		return fail("%s; check --db.", sentence(err))
	}
	defer db.Close()
	opts, closeRenderer, code := f.jobOptions(ctx, stderr)
	if code != exitOK {
		return code
	}
	defer closeRenderer()
	q, err := jobs.Open(ctx, db, opts)
	if err != nil {
		return fail("%s.", sentence(err))
	}
	defer q.Close()
	// Started apart from ctx: an interrupt stops fetching, and running
	// jobs get a moment to finish.
	if err := q.Start(context.WithoutCancel(ctx)); err != nil {
		return fail("%s.", sentence(err))
	}
	if !quiet {
		fmt.Fprintf(stderr, "shopper worker: working jobs from %s, %d at once; Ctrl-C stops.\n", db.URL, f.workers)
	}
	<-ctx.Done()
	// Give running audits a moment to finish; the rest run again elsewhere.
	stopCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 20*time.Second)
	defer cancel()
	if err := q.Stop(stopCtx); err != nil {
		return fail("%s.", sentence(err))
	}
	if !quiet {
		fmt.Fprintln(stderr, "shopper worker: stopped.")
	}
	return exitOK
}
