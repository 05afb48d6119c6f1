package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/shopper-audit/shopper/campaign"
	"github.com/shopper-audit/shopper/internal/desk"
	"github.com/shopper-audit/shopper/internal/dovecot"
	"github.com/shopper-audit/shopper/probes/replies"
	"github.com/shopper-audit/shopper/store"
)

// mailRig is a company desk (SMTP with STARTTLS and AUTH) whose replies
// land in a real Dovecot's INBOX, the persona's mailbox.
type mailRig struct {
	t      *testing.T
	imap   *dovecot.Server
	desk   *desk.Desk
	deskCA string // PEM file trusting the desk's certificate
	imapCA string // PEM file trusting the IMAP server's certificate
}

func newMailRig(t *testing.T) *mailRig {
	t.Helper()
	srv := dovecot.Start(t)
	mb := replies.Mailbox{Addr: srv.Addr, Security: "starttls", Username: srv.User, Password: srv.Password, TLSConfig: srv.TLSConfig}
	d, err := desk.Start(desk.Options{Deliver: func(raw []byte) error {
		// As a mail server would, keep the reply and try again while the
		// IMAP server is down.
		var err error
		for try := 0; try < 200; try++ {
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			err = replies.Append(ctx, mb, "INBOX", raw)
			cancel()
			if err == nil {
				return nil
			}
			time.Sleep(100 * time.Millisecond)
		}
		return err
	}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	// Trust the desk's and the IMAP server's certificates through CA
	// files, as an operator would with ca_file.
	dir := t.TempDir()
	ca, imapCA := filepath.Join(dir, "desk-ca.pem"), filepath.Join(dir, "imap-ca.pem")
	if err := os.WriteFile(ca, d.CertPEM(), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(imapCA, srv.CertPEM, 0o600); err != nil {
		t.Fatal(err)
	}
	return &mailRig{t: t, imap: srv, desk: d, deskCA: ca, imapCA: imapCA}
}

// file writes a campaign file that sends through the desk and reads the
// Dovecot; companies are YAML flow mappings.
func (g *mailRig) file(name, deadline string, companies ...string) string {
	g.t.Helper()
	host, port, _ := strings.Cut(g.desk.Submission(), ":")
	ihost, iport, _ := strings.Cut(g.imap.Addr, ":")
	text := fmt.Sprintf(`name: %s
deadline: %s
mailbox:
  smtp: {host: %s, port: %s, security: starttls, username: %s, ca_file: %s}
  imap: {host: %s, port: %s, security: starttls, username: %s, ca_file: %s}
persona: {name: Jo Bloggs, email: jo@persona.example}
inquiries:
  - id: returns
    subject: Returning a chair
    body: |
      How do I return a chair I bought from {{.Company}}?
      Thank you,
      {{.Persona.Name}}
    must_address: ["return window|30 days", "return label|label"]
companies:
`, name, deadline, host, port, g.desk.Username(), g.deskCA, ihost, iport, g.imap.User, g.imapCA)
	for _, c := range companies {
		text += "  - " + c + "\n"
	}
	path := filepath.Join(g.t.TempDir(), name+".yaml")
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		g.t.Fatal(err)
	}
	return path
}

// env sets the passwords the command reads.
func (g *mailRig) env() []string {
	return []string{"SHOPPER_SMTP_PASSWORD=" + g.desk.Password(), "SHOPPER_IMAP_PASSWORD=" + g.imap.Password}
}

// received counts the messages the desk received for each token.
func (g *mailRig) received() map[string]int {
	n := map[string]int{}
	for _, r := range g.desk.Received() {
		n[r.Token]++
	}
	return n
}

// statusJSON reads 'campaign status --json' of a file.
func statusJSON(t *testing.T, file string) []map[string]any {
	t.Helper()
	code, out, errs := runCmd("campaign", "status", "--json", file)
	if code != exitOK {
		t.Fatalf("status: exit %d, %s", code, errs)
	}
	var list []map[string]any
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var m map[string]any
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatalf("status line %q: %v", line, err)
		}
		list = append(list, m)
	}
	return list
}

func byCompany(list []map[string]any) map[string]map[string]any {
	out := map[string]map[string]any{}
	for _, m := range list {
		out[m["company"].(string)] = m
	}
	return out
}

func num(m map[string]any, k string) (float64, bool) {
	v, ok := m[k].(float64)
	return v, ok
}

func TestCampaignEndToEnd(t *testing.T) {
	g := newMailRig(t)
	site := shop(t) // publishes support@acme-supplies.example
	g.desk.Script("support@acme-supplies.example", desk.Script{Replies: []desk.Reply{
		{After: time.Second, Kind: desk.AutoAck, Promise: true},
		{After: 3 * time.Second, Kind: desk.Human, Answer: "You have 30 days to return it, and we e-mail a free return label."},
	}})
	g.desk.Script("care@beta.example", desk.Script{Replies: []desk.Reply{{After: 2 * time.Second, Kind: desk.Template}}})
	file := g.file("spring", "6s",
		"{name: Acme, url: "+site.URL+"}",
		"{name: Beta, to: care@beta.example}",
		"{name: Gamma, to: quiet@gamma.example}")
	for _, kv := range g.env() {
		k, v, _ := strings.Cut(kv, "=")
		t.Setenv(k, v)
	}
	pdfDir := filepath.Join(t.TempDir(), "cards")
	code, out, errs := runCmd("campaign", "run", "--send", "--allow-private", "--delay", "0", "--render", "never", "--pdf", pdfDir, file)
	if code != exitOK {
		t.Fatalf("run: exit %d\nstdout:\n%s\nstderr:\n%s", code, out, errs)
	}
	got := g.received()
	if len(g.desk.Received()) != 3 {
		t.Fatalf("the desk received %d messages, want 3: %v", len(g.desk.Received()), got)
	}
	for _, r := range g.desk.Received() {
		if r.Auth != g.desk.Username() {
			t.Errorf("message to %v sent without logging in (auth %q)", r.To, r.Auth)
		}
	}
	res := byCompany(statusJSON(t, file))
	a, b, c := res["Acme"], res["Beta"], res["Gamma"]
	if a["status"] != "replied" || b["status"] != "replied" || c["status"] != "no_reply" {
		t.Fatalf("statuses Acme %v, Beta %v, Gamma %v; want replied, replied, no_reply", a["status"], b["status"], c["status"])
	}
	if a["to"] != "support@acme-supplies.example" {
		t.Errorf("Acme written to %v, want the address its site publishes", a["to"])
	}
	if a["auto_ack"] != true || b["auto_ack"] != false || c["auto_ack"] != false {
		t.Errorf("auto_ack Acme %v, Beta %v, Gamma %v; want true, false, false", a["auto_ack"], b["auto_ack"], c["auto_ack"])
	}
	// Each reply is measured within 2 s of when the desk really sent it.
	for _, rep := range g.desk.Replies() {
		if rep.Err != nil {
			t.Fatalf("desk could not deliver its reply: %v", rep.Err)
		}
		var o map[string]any
		for _, m := range res {
			if m["token"] == rep.Token {
				o = m
			}
		}
		if o == nil {
			t.Fatalf("no inquiry with the token %s the desk replied to", rep.Token)
		}
		sent, err := time.Parse(time.RFC3339, o["sent_at"].(string))
		if err != nil {
			t.Fatal(err)
		}
		key := "human_reply_seconds"
		if rep.Kind == desk.AutoAck {
			key = "auto_ack_seconds"
		}
		secs, ok := num(o, key)
		if !ok {
			t.Fatalf("%s of %s not measured: %v", key, o["company"], o)
		}
		measured := sent.Add(time.Duration(secs * float64(time.Second)))
		if d := measured.Sub(rep.Due); d > 2*time.Second || d < -2*time.Second {
			t.Errorf("%s %s measured at %v, the desk sent it at %v (%v apart)", o["company"], rep.Kind, measured, rep.Due, d)
		}
	}
	// Replies read as they land are timed as they landed.
	_, stored := inquiries(t, file, "spring")
	checkReplyTimes(t, g.desk.Replies(), stored)
	first, _ := num(a, "first_response_seconds")
	ack, _ := num(a, "auto_ack_seconds")
	human, _ := num(a, "human_reply_seconds")
	if first != ack || human <= ack {
		t.Errorf("Acme: first response %v, auto-ack %v, human %v; want the acknowledgement first", first, ack, human)
	}
	// The acknowledgement promised a reply within 24 hours, and the human
	// reply kept it.
	if p, _ := num(a, "promised_seconds"); p != 24*3600 || a["promise_kept"] != true {
		t.Errorf("Acme: promised_seconds %v, promise_kept %v; want 86400, true", a["promised_seconds"], a["promise_kept"])
	}
	if b["promised_seconds"] != nil || b["promise_kept"] != nil {
		t.Errorf("Beta promised nothing: %v, %v", b["promised_seconds"], b["promise_kept"])
	}
	// The personal answer scores above the canned one, each with reasons.
	for _, k := range []string{"personalization", "answered", "courtesy"} {
		for name, o := range map[string]map[string]any{"Acme": a, "Beta": b} {
			if _, ok := num(o, k); !ok {
				t.Errorf("%s: %s not measured", name, k)
			}
			if rs, _ := o[k+"_reasons"].([]any); len(rs) == 0 {
				t.Errorf("%s: no %s_reasons", name, k)
			}
		}
	}
	pa, _ := num(a, "personalization")
	pb, _ := num(b, "personalization")
	aa, _ := num(a, "answered")
	ab, _ := num(b, "answered")
	if pa <= pb || aa <= ab {
		t.Errorf("personalization Acme %v, Beta %v; answered Acme %v, Beta %v: want the personal answer above the template\nAcme %v\nBeta %v", pa, pb, aa, ab, a, b)
	}
	if _, ok := num(a, "business_seconds"); !ok {
		t.Errorf("Acme: business_seconds not measured")
	}
	if c["first_response_seconds"] != nil || c["status_reason"] == "" {
		t.Errorf("Gamma: %v, want no response and a reason", c)
	}

	// The scorecards were written, with the e-mail response section, from
	// the stored audit: the report command needs no network.
	for _, name := range []string{"acme.pdf", "benchmark.pdf"} {
		if _, err := os.Stat(filepath.Join(pdfDir, name)); err != nil {
			t.Errorf("run wrote no %s: %v", name, err)
		}
	}
	site.Close()
	again := filepath.Join(t.TempDir(), "again")
	code, _, errs = runCmd("campaign", "report", "--pdf", again, file)
	if code != exitOK {
		t.Fatalf("report: exit %d, %s", code, errs)
	}
	if !strings.Contains(errs, "no scorecard for Beta: no url") {
		t.Errorf("report does not say why Beta has no scorecard:\n%s", errs)
	}
	text := pdfText(t, filepath.Join(again, "acme.pdf"))
	if !strings.Contains(text, "E-mail response") {
		t.Errorf("Acme's scorecard has no e-mail response section:\n%s", text)
	}
	code, out, _ = runCmd("campaign", "report", file)
	if code != exitOK || !strings.Contains(out, "email_response") {
		t.Errorf("report summary: exit %d\n%s", code, out)
	}

	// Running again sends nothing and finds nothing new.
	code, _, errs = runCmd("campaign", "run", "--send", "--allow-private", "--delay", "0", "--catch-up", "1s", "--pdf", again, file)
	if code != exitOK {
		t.Fatalf("second run: exit %d, %s", code, errs)
	}
	if n := len(g.desk.Received()); n != 3 {
		t.Fatalf("the second run sent again: the desk has %d messages", n)
	}
}

// TestCampaignChildProcess is the shopper process of the crash tests: it
// runs the command given in SHOPPER_CAMPAIGN_CHILD and exits.
func TestCampaignChildProcess(t *testing.T) {
	args := os.Getenv("SHOPPER_CAMPAIGN_CHILD")
	if args == "" {
		return // only the crash tests' child runs it
	}
	var list []string
	if err := json.Unmarshal([]byte(args), &list); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(3)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, list, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// child runs shopper in a new process; crashAt names the step at which
// it kills itself ("" for none). It returns whether it was killed, and
// its output.
func (g *mailRig) child(crashAt string, args ...string) (killed bool, out string) {
	g.t.Helper()
	js, _ := json.Marshal(args)
	cmd := exec.Command(os.Args[0], "-test.run=^TestCampaignChildProcess$", "-test.count=1")
	cmd.Env = append(os.Environ(), g.env()...)
	cmd.Env = append(cmd.Env, "SHOPPER_CAMPAIGN_CHILD="+string(js), "SHOPPER_TEST_CRASH_AFTER="+crashAt)
	var buf bytes.Buffer
	cmd.Stdout, cmd.Stderr = &buf, &buf
	err := cmd.Run()
	if st, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); ok && st.Signaled() && st.Signal() == syscall.SIGKILL {
		return true, buf.String()
	}
	if err != nil {
		g.t.Fatalf("shopper %v: %v\n%s", args, err, buf.String())
	}
	return false, buf.String()
}

// inquiries reads the campaign's inquiries from its store.
func inquiries(t *testing.T, file, name string) ([]store.Inquiry, []store.Reply) {
	t.Helper()
	db, err := store.Open(context.Background(), file+".db")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	list, err := db.Inquiries(context.Background(), name)
	if err != nil {
		t.Fatal(err)
	}
	var tokens []string
	for _, q := range list {
		tokens = append(tokens, q.Token)
	}
	reps, err := db.Replies(context.Background(), tokens)
	if err != nil {
		t.Fatal(err)
	}
	return list, reps
}

// waitReplies waits until the desk has delivered n replies to the tokens.
func (g *mailRig) waitReplies(tokens map[string]bool, n int) {
	g.t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		got := 0
		for _, r := range g.desk.Replies() {
			if tokens[r.Token] {
				got++
			}
		}
		if got >= n {
			return
		}
		if time.Now().After(deadline) {
			g.t.Fatalf("the desk delivered %d of %d replies", got, n)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// TestCampaignCrashAtEveryStep kills shopper at each durable step, runs
// it again, and checks that no inquiry reached the desk twice and no reply
// was lost.
func TestCampaignCrashAtEveryStep(t *testing.T) {
	g := newMailRig(t)
	for _, step := range []string{"drafted", "sending", "smtp-sent", "sent", "watching", "reply"} {
		t.Run(step, func(t *testing.T) {
			t.Parallel()
			a, b := "help-"+step+"@acme.example", "care-"+step+"@beta.example"
			for _, to := range []string{a, b} {
				g.desk.Script(to, desk.Script{Replies: []desk.Reply{
					{After: 200 * time.Millisecond, Kind: desk.AutoAck},
					{After: 1500 * time.Millisecond, Kind: desk.Human},
				}})
			}
			name := "crash-" + step
			file := g.file(name, "60s", "{name: Acme, to: "+a+"}", "{name: Beta, to: "+b+"}")
			killed, out := g.child(step, "campaign", "run", "--send", "--catch-up", "2s", file)
			if !killed {
				t.Fatalf("shopper was not killed at %s:\n%s", step, out)
			}
			_, out = g.child("", "campaign", "run", "--send", "--catch-up", "2s", file)
			list, reps := inquiries(t, file, name)
			if len(list) != 2 {
				t.Fatalf("%d inquiries, want 2:\n%s", len(list), out)
			}
			got := g.received()
			human := map[string]int{}
			ids := map[string]bool{}
			for _, r := range reps {
				if ids[r.MessageID] {
					t.Errorf("reply %s stored twice", r.MessageID)
				}
				ids[r.MessageID] = true
				if !r.AutoAck {
					human[r.Token]++
				}
			}
			for _, q := range list {
				switch n := got[q.Token]; {
				case n > 1:
					t.Errorf("%s: the desk received the inquiry %d times", q.Company, n)
				case n == 0 && !(step == "sending" && q.Company == "Acme"):
					t.Errorf("%s: never sent (status %s %q)", q.Company, q.Status, q.Reason)
				case n == 0:
					// Killed after "sending" was recorded, before SMTP: it
					// may not be sent again, and is left for the operator.
					if q.Status != store.StatusFailed || q.Reason != campaign.ReasonUnknown {
						t.Errorf("%s: %s %q, want failed %q", q.Company, q.Status, q.Reason, campaign.ReasonUnknown)
					}
				case q.Status != store.StatusReplied || human[q.Token] != 1:
					t.Errorf("%s: status %s with %d human replies, want replied with 1:\n%s", q.Company, q.Status, human[q.Token], out)
				}
			}
		})
	}
}

// TestCampaignReplyWhileDown: shopper is killed as it starts watching;
// the replies arrive while it is down, and every deadline passes too. The
// next run finds them all.
func TestCampaignReplyWhileDown(t *testing.T) {
	g := newMailRig(t)
	g.desk.Script("help@acme.example", desk.Script{Replies: []desk.Reply{{After: 300 * time.Millisecond, Kind: desk.AutoAck},
		{After: time.Second, Kind: desk.Human}}})
	file := g.file("down", "3s", "{name: Acme, to: help@acme.example}")
	if killed, out := g.child("watching", "campaign", "run", "--send", file); !killed {
		t.Fatalf("not killed:\n%s", out)
	}
	list, _ := inquiries(t, file, "down")
	g.waitReplies(map[string]bool{list[0].Token: true}, 2)
	for time.Since(list[0].SentAt) < 3*time.Second {
		time.Sleep(100 * time.Millisecond) // until the deadline has passed
	}
	// The catch-up ends once the inbox is read, long before its limit.
	_, out := g.child("", "campaign", "run", "--send", "--catch-up", "10m", file)
	list, reps := inquiries(t, file, "down")
	if list[0].Status != store.StatusReplied || len(reps) != 2 {
		t.Fatalf("after the catch-up: %s with %d replies, want replied with 2:\n%s", list[0].Status, len(reps), out)
	}
	if strings.Contains(out, "not read to its end") {
		t.Errorf("the catch-up did not read the inbox to its end:\n%s", out)
	}
	// Replies found after a restart are timed as they landed.
	checkReplyTimes(t, g.desk.Replies(), reps)
}

// checkReplyTimes checks that each stored reply is timed never before the
// desk sent it and within 2 s after: up to a second for the IMAP server's
// whole-second INTERNALDATE, the rest for the delivery.
func checkReplyTimes(t *testing.T, sent []desk.Sent, stored []store.Reply) {
	t.Helper()
	for _, d := range sent {
		for _, r := range stored {
			if r.Token != d.Token || r.AutoAck != (d.Kind == desk.AutoAck) {
				continue
			}
			if r.ReceivedAt.Before(d.Due) || r.ReceivedAt.Sub(d.Due) > 2*time.Second {
				t.Errorf("%s reply sent at %s, timed at %s", d.Kind, d.Due.Format(time.StampMicro), r.ReceivedAt.Format(time.StampMicro))
			}
		}
	}
}

// TestCampaignIMAPRestartAndUIDValidity restarts Dovecot while shopper
// watches, then resets the INBOX's UIDVALIDITY before a resumed run: the
// watch goes on, and no reply is stored twice.
func TestCampaignIMAPRestartAndUIDValidity(t *testing.T) {
	g := newMailRig(t)
	g.desk.Script("help@acme.example", desk.Script{Replies: []desk.Reply{{After: 200 * time.Millisecond, Kind: desk.AutoAck},
		{After: 2500 * time.Millisecond, Kind: desk.Human}}})
	file := g.file("restart", "30s", "{name: Acme, to: help@acme.example}")
	for _, kv := range g.env() {
		k, v, _ := strings.Cut(kv, "=")
		t.Setenv(k, v)
	}
	var out syncBuffer
	done := make(chan int, 1)
	go func() {
		var errb syncBuffer
		done <- run(context.Background(), []string{"campaign", "run", "--send", "--pdf", t.TempDir(), file}, &out, &errb)
		out.WriteString(errb.String())
	}()
	// Once the acknowledgement is stored, restart the server; the human
	// reply comes while it is down or just after.
	deadline := time.Now().Add(30 * time.Second)
	for !strings.Contains(out.String(), "automatic acknowledgement") {
		if time.Now().After(deadline) {
			t.Fatalf("no acknowledgement seen:\n%s", out.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
	g.imap.Restart()
	select {
	case code := <-done:
		if code != exitOK {
			t.Fatalf("exit %d:\n%s", code, out.String())
		}
	case <-time.After(60 * time.Second):
		t.Fatalf("the watch did not go on after the restart:\n%s", out.String())
	}
	list, reps := inquiries(t, file, "restart")
	if list[0].Status != store.StatusReplied || len(reps) != 2 {
		t.Fatalf("%s with %d replies, want replied with 2:\n%s\ndesk: %+v", list[0].Status, len(reps), out.String(), deskErrs(g.desk))
	}

	// A new UIDVALIDITY makes the whole INBOX new to the watcher; the
	// replies it already has are not stored again.
	before := g.imap.UIDValidity("INBOX")
	g.imap.ResetUIDValidity("INBOX")
	if g.imap.UIDValidity("INBOX") == before {
		t.Fatal("UIDVALIDITY did not change")
	}
	code, o, e := runCmd("campaign", "run", "--send", "--catch-up", "2s", "--pdf", t.TempDir(), file)
	if code != exitOK {
		t.Fatalf("resume after the reset: exit %d\n%s%s", code, o, e)
	}
	list, reps = inquiries(t, file, "restart")
	if len(reps) != 2 || list[0].Status != store.StatusReplied {
		t.Fatalf("after the UIDVALIDITY reset: %s with %d replies, want replied with 2", list[0].Status, len(reps))
	}
	db, err := store.Open(context.Background(), file+".db")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	cur, err := db.Cursor(context.Background(), "imap://"+g.imap.User+"@"+g.imap.Addr+"/INBOX")
	if err != nil {
		t.Fatal(err)
	}
	if cur.UIDValidity != g.imap.UIDValidity("INBOX") {
		t.Errorf("the cursor is at UIDVALIDITY %d, want the new %d: the INBOX was not read again", cur.UIDValidity, g.imap.UIDValidity("INBOX"))
	}
	if n := len(g.desk.Received()); n != 1 {
		t.Fatalf("the desk received %d messages, want 1", n)
	}
}

// TestCampaignPasswordsNeverShown: refused SMTP and IMAP logins are
// reported without the passwords.
func TestCampaignPasswordsNeverShown(t *testing.T) {
	g := newMailRig(t)
	file := g.file("secret", "60s", "{name: Acme, to: help@acme.example}")
	const smtpSecret, imapSecret = "smtp-Wr0ng-s3cret", "imap-Wr0ng-s3cret"

	t.Setenv("SHOPPER_SMTP_PASSWORD", smtpSecret)
	t.Setenv("SHOPPER_IMAP_PASSWORD", g.imap.Password)
	code, out, errs := runCmd("campaign", "run", "--send", file)
	all := out + errs
	if strings.Contains(all, smtpSecret) {
		t.Fatalf("the SMTP password was printed:\n%s", all)
	}
	if !strings.Contains(all, "refused the user name or password") {
		t.Errorf("the refused SMTP login is not reported (exit %d):\n%s", code, all)
	}
	_, out, _ = runCmd("campaign", "status", "--json", file)
	if strings.Contains(out, smtpSecret) {
		t.Fatalf("status shows the SMTP password:\n%s", out)
	}

	// The inquiry was certainly not sent: the next run with the right
	// SMTP password sends it, and the IMAP login is refused.
	t.Setenv("SHOPPER_SMTP_PASSWORD", g.desk.Password())
	t.Setenv("SHOPPER_IMAP_PASSWORD", imapSecret)
	code, out, errs = runCmd("campaign", "run", "--send", file)
	all = out + errs
	if code != exitUsage || strings.Contains(all, imapSecret) || strings.Contains(all, g.desk.Password()) {
		t.Fatalf("exit %d, want %d without the passwords:\n%s", code, exitUsage, all)
	}
	if strings.Count(strings.TrimSpace(errs), "\n") != 0 {
		t.Errorf("the refused IMAP login is not one sentence:\n%s", errs)
	}
	if n := len(g.desk.Received()); n != 1 {
		t.Errorf("the desk received %d messages, want 1", n)
	}
}

// syncBuffer is a bytes.Buffer safe for one writer and one reader.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) WriteString(x string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.b.WriteString(x)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func deskErrs(d *desk.Desk) []string {
	var out []string
	for _, r := range d.Replies() {
		out = append(out, fmt.Sprintf("%s %s due %s err %v", r.Token, r.Kind, r.Due.Format("15:04:05.000"), r.Err))
	}
	return out
}
