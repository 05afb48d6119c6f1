package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"syscall"
	"time"

	"github.com/riverqueue/river"

	"github.com/shopper-audit/shopper/audit"
	"github.com/shopper-audit/shopper/campaign"
	"github.com/shopper-audit/shopper/campaign/jobs"
	"github.com/shopper-audit/shopper/crawler"
	"github.com/shopper-audit/shopper/crawler/browser"
	"github.com/shopper-audit/shopper/probes/inquiry"
	"github.com/shopper-audit/shopper/probes/replies"
	"github.com/shopper-audit/shopper/store"
)

const workerUsage = `Usage: shopper worker [flags]

Works the jobs queued in the store (--db) — the audits of 'shopper
benchmark' and 'shopper campaign run', and the inquiry sends and deadline
checks of 'shopper campaign run --send' — until interrupted (Ctrl-C or
SIGTERM), then finishes or hands back the jobs it is running. With --db
postgres://... start as many workers as wanted, on as many machines: each
job is done by one of them, and the jobs of a worker that dies are done by
another after --rescue-after. The crawl flags apply to the audits this
worker does.

A campaign's jobs carry the campaign file's path and text, never a
password: this worker sends and reads mail with SHOPPER_SMTP_PASSWORD and
SHOPPER_IMAP_PASSWORD from its own environment, or the password_file the
campaign names, and reads ca_file and password_file at the campaign file's
path on this machine. An inquiry is sent once however many workers run,
retry or die: one whose send was cut off is looked for in the Sent folder
and otherwise left for the operator, never sent again.

Examples:
  shopper worker --db postgres://shopper@db.internal/shopper
  SHOPPER_SMTP_PASSWORD=... SHOPPER_IMAP_PASSWORD=... \
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
	rest, help, err := parseFlags(fs, workerUsage, args, stdout)
	if help {
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
	forms := &campaign.BrowserForms{Options: browser.Options{UserAgentSuffix: crawler.DefaultUserAgent}, AllowPrivate: f.allowPrivate}
	defer forms.Close()
	opts.Queues = campaign.JobQueues()
	jr := campaignJobRunner(forms, stderr, stderr, 30*time.Second)
	opts.Register = func(w *river.Workers) error { return campaign.RegisterJobs(w, db, jr) }
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

// campaignJobRunner returns the JobRunner of this process's campaign jobs:
// the mailbox the job's campaign file names, with the passwords of this
// process's environment (campaignMail); never any from the job.
func campaignJobRunner(forms campaign.FormSender, out, stderr io.Writer, catchUp time.Duration) campaign.JobRunner {
	hook := crashHook()
	return func(ctx context.Context, f *campaign.File) (*campaign.Runner, error) {
		mailer, inbox, err := campaignMail(f, stderr)
		if err != nil {
			return nil, err
		}
		return &campaign.Runner{Mailer: mailer, Inbox: inbox, Analyzer: campaign.RepliesAnalyzer{}, Forms: forms,
			CursorName: cursorName(f), Out: out, CatchUp: catchUp, Hook: hook}, nil
	}
}

// openCampaignQueue opens the job queue of a campaign run on its store and
// starts its workers: audits (workers at once) and, when sending, the
// campaign's sends and deadline checks. A dry run works no campaign job,
// so it can send nothing. stop stops and closes it.
func openCampaignQueue(ctx context.Context, st *store.DB, workers int, send bool,
	runAudit func(ctx context.Context, siteURL string) (*audit.Result, error), jr campaign.JobRunner) (*jobs.Queue, func(), error) {
	opts := jobs.Options{Workers: workers, PollInterval: 200 * time.Millisecond,
		// A send is one SMTP transaction or one form; a campaign's audits
		// are small. A run killed mid-job has its jobs rescued after
		// RescueAfter.
		JobTimeout: 5 * time.Minute, RescueAfter: 6 * time.Minute,
		RunAudit: func(ctx context.Context, siteURL string, _ audit.Options) (*audit.Result, error) {
			return runAudit(ctx, siteURL)
		}}
	if send && workers > 0 {
		opts.Queues = campaign.JobQueues()
		opts.Register = func(w *river.Workers) error { return campaign.RegisterJobs(w, st, jr) }
	}
	q, err := jobs.Open(ctx, st, opts)
	if err != nil {
		return nil, nil, err
	}
	if err := q.Start(context.WithoutCancel(ctx)); err != nil {
		q.Close()
		return nil, nil, err
	}
	return q, func() {
		stopCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
		defer cancel()
		q.Stop(stopCtx)
		q.Close()
	}, nil
}

// campaignMail returns the mailer and the inbox of a campaign's mailbox,
// with the passwords from SHOPPER_SMTP_PASSWORD and SHOPPER_IMAP_PASSWORD,
// else the password_file the campaign names.
func campaignMail(file *campaign.File, stderr io.Writer) (campaign.Mailer, campaign.Inbox, error) {
	m := file.Mailbox
	smtpPass, err := password("SHOPPER_SMTP_PASSWORD", m.SMTP.PasswordFile)
	if err != nil {
		return nil, nil, err
	}
	imapPass, err := password("SHOPPER_IMAP_PASSWORD", m.IMAP.PasswordFile)
	if err != nil {
		return nil, nil, err
	}
	smtpTLS, err := tlsConfig(m.SMTP)
	if err != nil {
		return nil, nil, err
	}
	imapTLS, err := tlsConfig(m.IMAP)
	if err != nil {
		return nil, nil, err
	}
	mailer := inquiry.SMTP{Host: m.SMTP.Host, Port: m.SMTP.Port, Security: m.SMTP.Security,
		Username: m.SMTP.Username, Password: smtpPass, TLSConfig: smtpTLS}
	inbox := campaign.IMAPInbox{Sent: m.IMAP.Sent, Mailbox: replies.Mailbox{Addr: m.IMAP.Addr(),
		Security: m.IMAP.Security, Username: m.IMAP.Username, Password: imapPass, Folder: m.IMAP.Inbox,
		TLSConfig: imapTLS, Logf: func(format string, a ...any) { fmt.Fprintf(stderr, "imap: "+format+"\n", a...) }}}
	return mailer, inbox, nil
}

// cursorName names a campaign's inbox cursor in the store.
func cursorName(file *campaign.File) string {
	m := file.Mailbox
	return "imap://" + m.IMAP.Username + "@" + m.IMAP.Addr() + "/" + m.IMAP.Inbox
}

// crashHook is the campaign's step hook for the fault tests: with
// SHOPPER_TEST_CRASH_AFTER set to a step, the process dies there as a
// crash would.
func crashHook() func(string) {
	point := os.Getenv("SHOPPER_TEST_CRASH_AFTER")
	if point == "" {
		return nil
	}
	return func(p string) {
		if p == point {
			syscall.Kill(os.Getpid(), syscall.SIGKILL)
		}
	}
}
