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
	"strings"
	"syscall"
	"text/tabwriter"
	"time"

	"github.com/shopper-audit/shopper/audit"
	"github.com/shopper-audit/shopper/campaign"
	"github.com/shopper-audit/shopper/crawler"
	"github.com/shopper-audit/shopper/probes/inquiry"
	"github.com/shopper-audit/shopper/probes/replies"
	"github.com/shopper-audit/shopper/store"
)

const campaignUsage = `Usage:
  shopper campaign run [--send] [flags] FILE      draft, send and watch a campaign's inquiries
  shopper campaign status [--json] [flags] FILE   one line (or JSON object) per inquiry

run audits each company of the campaign file to find where to write (the
e-mail address or contact form the audit found, unless the file names
one), and prints every inquiry exactly as it would be sent. Nothing is sent
without --send; with it each inquiry is sent once, a copy kept in the Sent
folder, and the inbox watched until every inquiry is answered or past its
deadline. Run it again to resume; Ctrl-C is safe, and an inquiry is never
sent twice.

Passwords come from SHOPPER_SMTP_PASSWORD and SHOPPER_IMAP_PASSWORD, or a
password_file named in the campaign file; never from flags.

The state is kept in FILE.db next to the campaign file unless --db names
another store (a path, sqlite:PATH or postgres://...).

See examples/campaign.yaml for the file's fields.

Flags:
`

func runCampaign(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || (args[0] != "run" && args[0] != "status") {
		if len(args) > 0 && (args[0] == "-h" || args[0] == "--help" || args[0] == "help") {
			fmt.Fprint(stdout, campaignUsage)
			return exitOK
		}
		fmt.Fprint(stderr, campaignUsage)
		return exitUsage
	}
	sub := args[0]
	fs := flag.NewFlagSet("campaign "+sub, flag.ContinueOnError)
	fs.SetOutput(stderr)
	db := fs.String("db", "", "the store: a path, sqlite:PATH or postgres://... (default FILE.db)")
	send := fs.Bool("send", false, "send for real (run); without it nothing is sent")
	asJSON := fs.Bool("json", false, "print one JSON object per inquiry (status)")
	allowPrivate := fs.Bool("allow-private", false, "let the audit reach private and loopback addresses")
	delay := fs.Duration("delay", 250*time.Millisecond, "pause after each request of an audit")
	maxPages := fs.Int("max-pages", 40, "most pages fetched per site audited")
	fs.Usage = func() { fmt.Fprint(fs.Output(), campaignUsage); fs.PrintDefaults() }
	rest, err := parseInterspersed(fs, args[1:])
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	if err != nil {
		return exitUsage
	}
	if len(rest) != 1 {
		fmt.Fprintf(stderr, "shopper campaign %s: name one campaign file.\n", sub)
		return exitUsage
	}
	f, err := campaign.Load(rest[0])
	if err != nil {
		fmt.Fprintf(stderr, "shopper campaign: %v\n", err)
		return exitUsage
	}
	dsn := *db
	if dsn == "" {
		dsn = rest[0] + ".db"
	}
	st, err := store.Open(ctx, dsn)
	if err != nil {
		fmt.Fprintf(stderr, "shopper campaign: %v\n", err)
		return exitUsage
	}
	defer st.Close()

	if sub == "status" {
		return campaignStatus(ctx, st, f, *asJSON, stdout, stderr)
	}
	r := &campaign.Runner{File: f, DB: st, Send: *send, Out: stdout, SMTPAddr: f.Mailbox.SMTP.Addr(),
		Analyzer: campaign.RepliesAnalyzer{}}
	r.Audit = func(ctx context.Context, siteURL string) (*audit.Result, error) {
		return audit.Run(ctx, siteURL, audit.Options{Render: audit.RenderNever, Crawl: crawler.Options{
			AllowPrivate: *allowPrivate, Delay: *delay, MaxPages: *maxPages}})
	}
	m := f.Mailbox
	r.CursorName = "imap://" + m.IMAP.Username + "@" + m.IMAP.Addr() + "/" + m.IMAP.Inbox
	if point := os.Getenv("SHOPPER_TEST_CRASH_AFTER"); point != "" {
		// For the fault tests: die at a known step as a crash would.
		r.Hook = func(p string) {
			if p == point {
				syscall.Kill(os.Getpid(), syscall.SIGKILL)
			}
		}
	}
	if *send {
		smtpPass, err := password("SHOPPER_SMTP_PASSWORD", m.SMTP.PasswordFile)
		if err != nil {
			fmt.Fprintf(stderr, "shopper campaign: %v\n", err)
			return exitUsage
		}
		imapPass, err := password("SHOPPER_IMAP_PASSWORD", m.IMAP.PasswordFile)
		if err != nil {
			fmt.Fprintf(stderr, "shopper campaign: %v\n", err)
			return exitUsage
		}
		smtpTLS, err := tlsConfig(m.SMTP)
		if err != nil {
			fmt.Fprintf(stderr, "shopper campaign: %v\n", err)
			return exitUsage
		}
		imapTLS, err := tlsConfig(m.IMAP)
		if err != nil {
			fmt.Fprintf(stderr, "shopper campaign: %v\n", err)
			return exitUsage
		}
		r.Mailer = inquiry.SMTP{Host: m.SMTP.Host, Port: m.SMTP.Port, Security: m.SMTP.Security,
			Username: m.SMTP.Username, Password: smtpPass, TLSConfig: smtpTLS}
		r.Inbox = campaign.IMAPInbox{Sent: m.IMAP.Sent, Mailbox: replies.Mailbox{Addr: m.IMAP.Addr(),
			Security: m.IMAP.Security, Username: m.IMAP.Username, Password: imapPass, Folder: m.IMAP.Inbox,
			TLSConfig: imapTLS, Logf: func(format string, a ...any) { fmt.Fprintf(stderr, "imap: "+format+"\n", a...) }}}
	}
	if err := r.Run(ctx); err != nil {
		if ctx.Err() != nil {
			fmt.Fprintln(stderr, "shopper campaign: interrupted; run the same command again to resume.")
			return exitUsage
		}
		fmt.Fprintf(stderr, "shopper campaign: %v\n", err)
		return exitUsage
	}
	if *send {
		fmt.Fprintln(stdout)
		return campaignStatus(ctx, st, f, false, stdout, stderr)
	}
	return exitOK
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
		return "", fmt.Errorf("read password_file: %w", err)
	}
	line, _, _ := strings.Cut(string(b), "\n")
	return strings.TrimRight(line, "\r"), nil
}

func tlsConfig(s campaign.Server) (*tls.Config, error) {
	if s.CAFile == "" {
		return nil, nil
	}
	pem, err := os.ReadFile(s.CAFile)
	if err != nil {
		return nil, fmt.Errorf("read ca_file: %w", err)
	}
	pool, err := x509.SystemCertPool()
	if err != nil || pool == nil {
		pool = x509.NewCertPool()
	}
	if !pool.AppendCertsFromPEM(pem) {
		return nil, fmt.Errorf("ca_file %s holds no PEM certificate", s.CAFile)
	}
	return &tls.Config{RootCAs: pool, ServerName: s.Host}, nil
}

func campaignStatus(ctx context.Context, st *store.DB, f *campaign.File, asJSON bool, stdout, stderr io.Writer) int {
	list, err := campaign.Results(ctx, st, f, time.Now())
	if err != nil {
		fmt.Fprintf(stderr, "shopper campaign: %v\n", err)
		return exitUsage
	}
	if asJSON {
		enc := json.NewEncoder(stdout)
		for _, o := range list {
			if err := enc.Encode(o); err != nil {
				fmt.Fprintf(stderr, "shopper campaign: %v\n", err)
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

func dur(s *float64) string {
	if s == nil {
		return "-"
	}
	return (time.Duration(*s) * time.Second).String()
}
