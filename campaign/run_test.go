package campaign

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/shopper-audit/shopper/probes/inquiry"
	"github.com/shopper-audit/shopper/probes/replies"
	"github.com/shopper-audit/shopper/store"
)

// fakeMailer records what it is asked to send and fails as told.
type fakeMailer struct {
	mu   sync.Mutex
	sent [][]byte
	err  error
}

func (m *fakeMailer) Send(_ context.Context, from string, to []string, raw []byte) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.err != nil {
		return m.err
	}
	m.sent = append(m.sent, raw)
	return nil
}

// fakeInbox is an in-memory inbox with a Sent folder; it injects faults
// around the real store and runner.
type fakeInbox struct {
	mu      sync.Mutex
	msgs    []Mail
	sentIDs map[string]bool
	arrived chan struct{}
}

func newInbox() *fakeInbox {
	return &fakeInbox{sentIDs: map[string]bool{}, arrived: make(chan struct{}, 100)}
}

func (b *fakeInbox) deliver(m Mail) {
	b.mu.Lock()
	b.msgs = append(b.msgs, m)
	b.mu.Unlock()
	b.arrived <- struct{}{}
}

func (b *fakeInbox) Watch(ctx context.Context, from store.Cursor, handle func(Mail, store.Cursor) error) error {
	next := int(from.LastUID)
	for {
		b.mu.Lock()
		batch := append([]Mail(nil), b.msgs[min(next, len(b.msgs)):]...)
		b.mu.Unlock()
		for _, m := range batch {
			next++
			if err := handle(m, store.Cursor{UIDValidity: 1, LastUID: uint32(next)}); err != nil {
				return err
			}
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-b.arrived:
		}
	}
}

func (b *fakeInbox) FindSent(_ context.Context, id string) (bool, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.sentIDs[id], nil
}

func (b *fakeInbox) AppendSent(_ context.Context, raw []byte) error {
	i := bytes.Index(raw, []byte("Message-Id: <"))
	if i < 0 {
		i = bytes.Index(raw, []byte("Message-ID: <"))
	}
	if i < 0 {
		return errors.New("no Message-ID")
	}
	rest := raw[i+len("Message-Id: <"):]
	id := string(rest[:bytes.IndexByte(rest, '>')])
	b.mu.Lock()
	b.sentIDs[id] = true
	b.mu.Unlock()
	return nil
}

// tokenAnalyzer matches by the token in the subject and calls a reply an
// acknowledgement when its subject says so.
type tokenAnalyzer struct{}

func (tokenAnalyzer) Match(m Mail, tokens []string) string {
	t := inquiry.TokenFromSubject(m.Subject)
	for _, x := range tokens {
		if x == t {
			return t
		}
	}
	return ""
}

func (tokenAnalyzer) Analyze(m Mail, q Question) Analysis {
	if strings.Contains(m.Subject, "Auto") {
		p := 3600.0
		return Analysis{AutoAck: true, AutoAckReasons: []string{"auto-submitted"}, PromisedSeconds: &p}
	}
	one, half := 1.0, 0.5
	return Analysis{Personalization: &one, PersonalizationReasons: []string{"uses the name " + q.Persona.Name}, Answered: &half, Courtesy: &one}
}

const testFile = `mailbox:
  username: jo@example.net
  smtp: {host: 127.0.0.1, port: 2525}
  imap: {host: 127.0.0.1, port: 1143}
persona: {name: Jo Bloggs, email: jo@example.net}
deadline: 2h
inquiries:
  - id: returns
    subject: Returning a chair
    body: "Hello {{.Company}}, how do I return a chair? {{.Persona.Name}}"
companies:
  - {name: Acme, to: help@acme.example}
  - {name: Beta, to: care@beta.example}
`

type rig struct {
	t      *testing.T
	file   *File
	db     *store.DB
	mailer *fakeMailer
	inbox  *fakeInbox
	clock  time.Time
	out    bytes.Buffer
}

func newRig(t *testing.T) *rig {
	f, err := Parse("c.yaml", []byte(testFile))
	if err != nil {
		t.Fatal(err)
	}
	db, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "c.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return &rig{t: t, file: f, db: db, mailer: &fakeMailer{}, inbox: newInbox(), clock: time.Date(2025, 3, 3, 9, 0, 0, 0, time.UTC)}
}

func (g *rig) runner(send bool) *Runner {
	return &Runner{File: g.file, DB: g.db, Send: send, Out: &g.out, Mailer: g.mailer, Inbox: g.inbox,
		Analyzer: tokenAnalyzer{}, CursorName: "test", CatchUp: time.Second, SMTPAddr: "127.0.0.1:2525", Now: func() time.Time { return g.clock }}
}

func (g *rig) inquiries() []store.Inquiry {
	list, err := g.db.Inquiries(context.Background(), g.file.Name)
	if err != nil {
		g.t.Fatal(err)
	}
	return list
}

// runUntilWatching runs with Send until the runner starts watching, then
// stops it.
func (g *rig) runUntilWatching(r *Runner) error {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	r.Hook = func(p string) {
		if p == "watching" {
			cancel()
		}
	}
	return r.Run(ctx)
}

func TestDryRunPrintsAndSendsNothing(t *testing.T) {
	g := newRig(t)
	if err := g.runner(false).Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	if len(g.mailer.sent) != 0 {
		t.Fatalf("dry run sent %d messages", len(g.mailer.sent))
	}
	out := g.out.String()
	for _, q := range g.inquiries() {
		if q.Status != store.StatusDraft {
			t.Errorf("%s: status %s, want draft", q.Company, q.Status)
		}
		for _, want := range []string{"e-mail to " + q.Target, "To: <" + q.Target, "[ref " + q.Token + "]", "Message-I", "Hello " + q.Company} {
			if !strings.Contains(out, want) {
				t.Errorf("dry run output lacks %q:\n%s", want, out)
			}
		}
	}
}

func TestSendOnceThenWatchUntilReplied(t *testing.T) {
	g := newRig(t)
	if err := g.runUntilWatching(g.runner(true)); !errors.Is(err, context.Canceled) {
		t.Fatalf("Run = %v", err)
	}
	if len(g.mailer.sent) != 2 {
		t.Fatalf("sent %d messages, want 2", len(g.mailer.sent))
	}
	list := g.inquiries()
	for _, q := range list {
		if q.Status != store.StatusSent || q.MessageID == "" || !g.inbox.sentIDs[q.MessageID] {
			t.Fatalf("%s: %+v, want sent with a copy in Sent", q.Company, q)
		}
	}
	// Running again sends nothing more.
	if err := g.runUntilWatching(g.runner(true)); !errors.Is(err, context.Canceled) {
		t.Fatal(err)
	}
	if len(g.mailer.sent) != 2 {
		t.Fatalf("the second run sent again: %d messages", len(g.mailer.sent))
	}

	acme, beta := list[0], list[1]
	at := g.clock
	g.inbox.deliver(Mail{MessageID: "a1@acme", Subject: "Auto: Re: Returning a chair [ref " + acme.Token + "]", Received: at.Add(30 * time.Second)})
	g.inbox.deliver(Mail{MessageID: "spam@x", Subject: "Win a prize", Received: at.Add(40 * time.Second)})
	g.inbox.deliver(Mail{MessageID: "h1@acme", Subject: "Re: Returning a chair [ref " + acme.Token + "]", Received: at.Add(20 * time.Minute)})
	g.inbox.deliver(Mail{MessageID: "h1@acme", Subject: "Re: Returning a chair [ref " + acme.Token + "]", Received: at.Add(21 * time.Minute)})
	g.clock = at.Add(3 * time.Hour) // Beta's deadline passes
	if err := g.runner(true).Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, q := range g.inquiries() {
		got[q.Company] = q.Status
	}
	if got["Acme"] != store.StatusReplied || got["Beta"] != store.StatusNoReply {
		t.Fatalf("statuses %v, want Acme replied, Beta no_reply", got)
	}
	res, err := Results(context.Background(), g.db, g.file, g.clock)
	if err != nil {
		t.Fatal(err)
	}
	a := res[0]
	if a.Company != "Acme" || *a.FirstResponseSeconds != 30 || !*a.AutoAck || *a.AutoAckSeconds != 30 ||
		*a.HumanReplySeconds != 1200 || *a.PromisedSeconds != 3600 || !*a.PromiseKept || *a.Personalization != 1 || *a.BusinessSeconds != 1200 {
		t.Errorf("Acme outcome %s", dump(a))
	}
	b := res[1]
	if b.Status != "no_reply" || b.FirstResponseSeconds != nil || b.AutoAck == nil || *b.AutoAck || b.HumanReplySeconds != nil {
		t.Errorf("Beta outcome %s", dump(b))
	}
	stored, _ := g.db.Replies(context.Background(), []string{acme.Token, beta.Token})
	if len(stored) != 2 {
		t.Errorf("stored %d replies, want 2 (the duplicate and the stranger ignored)", len(stored))
	}
}

func dump(o Outcome) string { return fmt.Sprintf("%+v", o) }

func TestInterruptedSendIsNeverRepeated(t *testing.T) {
	for _, inSent := range []bool{true, false} {
		t.Run(fmt.Sprint("in Sent folder ", inSent), func(t *testing.T) {
			g := newRig(t)
			r := g.runner(true)
			crash := errors.New("crash")
			point := "sending"
			if inSent {
				point = "sent" // after the copy was appended, before "sent" is written is the same
			}
			func() {
				defer func() {
					if v := recover(); v != crash {
						panic(v)
					}
				}()
				r.Hook = func(p string) {
					if p == "smtp-sent" && inSent {
						g.inbox.AppendSent(context.Background(), g.mailer.sent[0])
						panic(crash)
					}
					if p == point && !inSent {
						panic(crash)
					}
				}
				r.Run(context.Background())
			}()
			if q := g.inquiries()[0]; q.Status != store.StatusSending {
				t.Fatalf("after the crash: %s, want sending", q.Status)
			}
			before := len(g.mailer.sent)
			if err := g.runUntilWatching(g.runner(true)); !errors.Is(err, context.Canceled) {
				t.Fatal(err)
			}
			q := g.inquiries()[0]
			if inSent && q.Status != store.StatusSent {
				t.Errorf("found in Sent: status %s, want sent", q.Status)
			}
			if !inSent && (q.Status != store.StatusFailed || q.Reason != ReasonUnknown) {
				t.Errorf("not found: %s %q, want failed %q", q.Status, q.Reason, ReasonUnknown)
			}
			if n := len(g.mailer.sent) - before; n != 1 {
				t.Errorf("resume sent %d messages, want only Beta's", n)
			}
		})
	}
}

func TestMaybeSentIsLeftForTheOperatorAndNotSentIsRetried(t *testing.T) {
	g := newRig(t)
	g.mailer.err = fmt.Errorf("send: %w", inquiry.ErrMaybeSent)
	g.runUntilWatching(g.runner(true))
	for _, q := range g.inquiries() {
		if q.Status != store.StatusFailed || q.Reason != ReasonUnknown {
			t.Fatalf("%s: %s %q", q.Company, q.Status, q.Reason)
		}
	}
	g.mailer.err = nil
	g.runUntilWatching(g.runner(true))
	if len(g.mailer.sent) != 0 {
		t.Fatalf("an inquiry that may have been sent was sent again")
	}

	g2 := newRig(t)
	g2.mailer.err = fmt.Errorf("dial: %w", inquiry.ErrNotSent)
	g2.runUntilWatching(g2.runner(true))
	if q := g2.inquiries()[0]; q.Status != store.StatusFailed || !strings.HasPrefix(q.Reason, "not sent: ") {
		t.Fatalf("not sent: %s %q", q.Status, q.Reason)
	}
	g2.mailer.err = nil
	g2.runUntilWatching(g2.runner(true))
	if len(g2.mailer.sent) != 2 {
		t.Fatalf("inquiries certainly not sent were not retried: %d sent", len(g2.mailer.sent))
	}
}

func TestBusinessSeconds(t *testing.T) {
	h, _ := ParseHours("Mon-Fri 09:00-17:00")
	h.Location = time.UTC
	fri := time.Date(2025, 3, 7, 16, 0, 0, 0, time.UTC) // a Friday
	cases := []struct {
		from, to time.Time
		want     float64
	}{
		{fri, fri.Add(30 * time.Minute), 1800},
		{fri, fri.Add(3 * 24 * time.Hour), 3600 + 8*3600}, // Fri 16-17, Mon 9-16? no: to Mon 16:00
		{fri.Add(2 * time.Hour), fri.Add(40 * time.Hour), 0},
	}
	cases[1].want = 3600 + 7*3600
	for _, c := range cases {
		if got := h.Seconds(c.from, c.to); got != c.want {
			t.Errorf("Seconds(%v, %v) = %v, want %v", c.from, c.to, got, c.want)
		}
	}
}

// parsed is a reply as the IMAP reader hands it over.
func parsed(id, subject, text string, at time.Time) Mail {
	raw := "Message-ID: <" + id + ">\r\nFrom: Care <care@x.example>\r\nTo: jo@example.net\r\nSubject: " + subject +
		"\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + strings.ReplaceAll(text, "\n", "\r\n")
	m := replies.Parse([]byte(raw))
	m.Received = at
	return Mail{MessageID: m.MessageID, From: m.From, Subject: m.Subject, Text: m.Text, Received: at, Message: m}
}

func TestRepliesAnalyzerSpotsTemplatesAcrossCompanies(t *testing.T) {
	g := newRig(t)
	r := g.runner(true)
	r.Analyzer = RepliesAnalyzer{}
	if err := g.runUntilWatching(r); !errors.Is(err, context.Canceled) {
		t.Fatal(err)
	}
	list := g.inquiries()
	canned := "Dear Customer,\n\nThank you for contacting us. Please visit our FAQ page for answers to common questions.\n\nKind regards,\nThe Customer Service Team\n"
	g.inbox.deliver(parsed("a@acme", "Re: Returning a chair [ref "+list[0].Token+"]", canned, g.clock.Add(time.Minute)))
	g.inbox.deliver(parsed("b@beta", "Re: Returning a chair [ref "+list[1].Token+"]", canned, g.clock.Add(2*time.Minute)))
	r = g.runner(true)
	r.Analyzer = RepliesAnalyzer{}
	if err := r.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	res, err := Results(context.Background(), g.db, g.file, g.clock)
	if err != nil {
		t.Fatal(err)
	}
	first, second := strings.Join(res[0].PersonalizationReasons, "; "), strings.Join(res[1].PersonalizationReasons, "; ")
	if strings.Contains(first, "same template") || !strings.Contains(second, "same template as another company's reply") {
		t.Errorf("first reply: %s\nsecond reply: %s\nwant only the second seen as another company's template", first, second)
	}
	if *res[1].Personalization >= 0.5 || res[1].Status != store.StatusReplied {
		t.Errorf("second reply: %s, personalization %v", res[1].Status, *res[1].Personalization)
	}
}

func TestMeasureBusinessDayPromise(t *testing.T) {
	h, err := ParseHours("Mon-Fri 09:00-17:00")
	if err != nil {
		t.Fatal(err)
	}
	fri := time.Date(2025, 3, 7, 16, 0, 0, 0, time.UTC) // a Friday
	day := 86400.0
	ack := []byte(fmt.Sprintf(`{"auto_ack":true,"promised_seconds":%v,"promise_phrase":"within 1 business day","promise_business":true,"promise_count":1,"promise_unit":"day"}`, day))
	q := store.Inquiry{Channel: "email", Token: "tok", Status: store.StatusReplied, SentAt: fri}
	cases := []struct {
		name  string
		human time.Time // zero: none yet
		now   time.Time
		want  *bool
	}{
		{"kept over the weekend", fri.Add(71 * time.Hour), fri.Add(80 * time.Hour), boolPtr(true)}, // Mon 15:00: 7 business hours
		{"broken on Tuesday", fri.Add(90 * time.Hour), fri.Add(100 * time.Hour), boolPtr(false)},   // Tue 10:00
		{"not yet due", time.Time{}, fri.Add(70 * time.Hour), nil},                                 // Mon 14:00, no reply
		{"broken without a reply", time.Time{}, fri.Add(90 * time.Hour), boolPtr(false)},           // Tue 10:00, no reply
	}
	for _, c := range cases {
		reps := []store.Reply{{MessageID: "a", Token: "tok", ReceivedAt: fri.Add(time.Minute), AutoAck: true, Analysis: ack}}
		if !c.human.IsZero() {
			reps = append(reps, store.Reply{MessageID: "h", Token: "tok", ReceivedAt: c.human, Analysis: []byte(`{}`)})
		}
		o, err := Measure(q, reps, h, c.now)
		if err != nil {
			t.Fatal(err)
		}
		if (o.PromiseKept == nil) != (c.want == nil) || (o.PromiseKept != nil && *o.PromiseKept != *c.want) {
			t.Errorf("%s: promise_kept %v, want %v", c.name, fmtBool(o.PromiseKept), fmtBool(c.want))
		}
		if *o.PromisedSeconds != day {
			t.Errorf("%s: promised_seconds %v", c.name, *o.PromisedSeconds)
		}
	}
}

func fmtBool(b *bool) string {
	if b == nil {
		return "nil"
	}
	return fmt.Sprint(*b)
}
