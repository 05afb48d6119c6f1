package campaign

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/rivertype"

	"github.com/shopper-audit/shopper/campaign/jobs"
	"github.com/shopper-audit/shopper/internal/desk"
	"github.com/shopper-audit/shopper/probes/inquiry"
	"github.com/shopper-audit/shopper/store"
)

// jobRig is the rig's campaign worked as River jobs, sending through a
// real SMTP server (the desk's loopback relay).
type jobRig struct {
	*rig
	desk *desk.Desk
	out  syncWriter

	mu    sync.Mutex
	jobAt time.Time // the workers' clock
}

func (g *jobRig) jobNow() time.Time {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.jobAt
}

type syncWriter struct {
	mu sync.Mutex
	b  strings.Builder
}

func (w *syncWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.b.Write(p)
}

func (w *syncWriter) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.b.String()
}

func newJobRig(t *testing.T) *jobRig {
	d, err := desk.Start(desk.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	g := &jobRig{rig: newRig(t), desk: d}
	g.jobAt = g.clock
	// Draft the inquiries (a dry run sends nothing).
	if err := g.runner(false).Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	return g
}

// newRunner is the JobRunner of the workers: the relay, the rig's inbox
// and clock.
func (g *jobRig) newRunner(hook func(string)) JobRunner {
	host, port, _ := strings.Cut(g.desk.Relay(), ":")
	p, _ := strconv.Atoi(port)
	return func(ctx context.Context, f *File) (*Runner, error) {
		return &Runner{Mailer: inquiry.SMTP{Host: host, Port: p, Security: "none"}, Inbox: g.inbox, Analyzer: tokenAnalyzer{},
			CursorName: "test", CatchUp: time.Second, Out: &g.out, Hook: hook, Now: g.jobNow}, nil
	}
}

// queue opens a River client on the rig's store working the campaign's
// queues (workers true) or only enqueuing.
func (g *jobRig) queue(nr JobRunner) *jobs.Queue {
	g.t.Helper()
	opts := jobs.Options{PollInterval: 50 * time.Millisecond, JobTimeout: 20 * time.Second}
	if nr != nil {
		opts.Queues = JobQueues()
		opts.Register = func(w *river.Workers) error { return RegisterJobs(w, g.db, nr) }
	}
	q, err := jobs.Open(context.Background(), g.db, opts)
	if err != nil {
		g.t.Fatal(err)
	}
	if err := q.Start(context.Background()); err != nil {
		g.t.Fatal(err)
	}
	g.t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		q.Stop(ctx)
		q.Close()
	})
	return q
}

func (g *jobRig) sendArgs(q store.Inquiry) SendArgs {
	return SendArgs{Token: q.Token, Campaign: g.file.Name, Company: q.Company, File: Source{Path: "c.yaml", Text: testFile}}
}

// waitStatus waits until no inquiry is draft or sending.
func (g *jobRig) waitSettled() []store.Inquiry {
	g.t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		list := g.inquiries()
		settled := true
		for _, q := range list {
			if q.Status == store.StatusDraft || q.Status == store.StatusSending {
				settled = false
			}
		}
		if settled {
			return list
		}
		if time.Now().After(deadline) {
			g.t.Fatalf("inquiries not settled: %+v\n%s", list, g.out.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// TestSendJobEnqueuedManyTimesSendsOnce: three River clients on one
// SQLite store enqueue each inquiry's send job five times each, at once,
// and work them: one job per inquiry, one message per inquiry at the SMTP
// server, and enqueuing again after the send adds nothing.
func TestSendJobEnqueuedManyTimesSendsOnce(t *testing.T) {
	g := newJobRig(t)
	list := g.inquiries()
	var queues []*jobs.Queue
	for range 3 {
		queues = append(queues, g.queue(g.newRunner(nil)))
	}
	var mu sync.Mutex
	fresh := map[string]int{}
	var wg sync.WaitGroup
	for _, jq := range queues {
		for range 5 {
			for _, q := range list {
				wg.Add(1)
				go func() {
					defer wg.Done()
					e, err := jq.Enqueue(context.Background(), g.sendArgs(q), jobs.EnqueueOptions{Unique: true})
					if err != nil {
						t.Error(err)
						return
					}
					if !e.Duplicate {
						mu.Lock()
						fresh[q.Token]++
						mu.Unlock()
					}
				}()
			}
		}
	}
	wg.Wait()
	for _, q := range list {
		if fresh[q.Token] != 1 {
			t.Errorf("%s: %d jobs enqueued, want 1", q.Company, fresh[q.Token])
		}
	}
	for _, q := range g.waitSettled() {
		if q.Status != store.StatusSent {
			t.Errorf("%s: %s %q, want sent\n%s", q.Company, q.Status, q.Reason, g.out.String())
		}
	}
	// Enqueued again once sent (a resumed run): still one job each.
	for _, q := range list {
		e, err := queues[1].Enqueue(context.Background(), g.sendArgs(q), jobs.EnqueueOptions{Unique: true})
		if err != nil {
			t.Fatal(err)
		}
		if !e.Duplicate {
			t.Errorf("%s: a second send job was enqueued after the send", q.Company)
		}
	}
	got := map[string]int{}
	for _, r := range g.desk.Received() {
		got[r.Token]++
	}
	for _, q := range list {
		if got[q.Token] != 1 {
			t.Errorf("%s: the server received the inquiry %d times, want 1", q.Company, got[q.Token])
		}
	}
	var counts map[rivertype.JobState]int
	var err error
	for _, jq := range queues {
		stopCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		jq.Stop(stopCtx) // lets the jobs that sent finish
		cancel()
	}
	counts, err = queues[0].CountJobs(context.Background(), KindSend)
	if err != nil {
		t.Fatal(err)
	}
	if counts[rivertype.JobStateCompleted] != 2 || len(counts) != 1 {
		t.Errorf("send jobs %v, want 2 completed", counts)
	}
	// Each sent inquiry has its deadline check waiting.
	counts, err = queues[0].CountJobs(context.Background(), KindDeadline)
	if err != nil {
		t.Fatal(err)
	}
	if counts[rivertype.JobStateScheduled]+counts[rivertype.JobStateAvailable]+counts[rivertype.JobStateRunning]+counts[rivertype.JobStateCompleted] != 2 {
		t.Errorf("deadline jobs %v, want 2", counts)
	}
}

// TestSendJobRetryOfSendingNeverResends: a send job that finds its
// inquiry "sending" (the worker before it died mid-send) looks for it in
// the Sent folder and, not finding it, leaves it to the operator; found,
// it is sent. Nothing reaches the server either way.
func TestSendJobRetryOfSendingNeverResends(t *testing.T) {
	g := newJobRig(t)
	list := g.inquiries()
	acme, beta := list[0], list[1]
	for _, q := range list {
		raw, id, err := g.runner(true).build(q)
		if err != nil {
			t.Fatal(err)
		}
		if err := g.db.MarkSending(context.Background(), q.ID, id, raw, g.clock); err != nil {
			t.Fatal(err)
		}
		if q.Company == "Beta" {
			g.inbox.AppendSent(context.Background(), raw) // it went out and its copy was kept
		}
	}
	jq := g.queue(g.newRunner(nil))
	for _, q := range list {
		if _, err := jq.Enqueue(context.Background(), g.sendArgs(q), jobs.EnqueueOptions{Unique: true}); err != nil {
			t.Fatal(err)
		}
	}
	got := map[string]store.Inquiry{}
	for _, q := range g.waitSettled() {
		got[q.Company] = q
	}
	if q := got[acme.Company]; q.Status != store.StatusFailed || q.Reason != ReasonUnknown {
		t.Errorf("Acme, not in Sent: %s %q, want failed %q", q.Status, q.Reason, ReasonUnknown)
	}
	if q := got[beta.Company]; q.Status != store.StatusSent {
		t.Errorf("Beta, in Sent: %s %q, want sent", q.Status, q.Reason)
	}
	if n := len(g.desk.Received()); n != 0 {
		t.Errorf("the server received %d messages, want none", n)
	}
}

// TestSendJobRetriesWhatCertainlyFailed: a send refused before anything
// went out fails the job, River tries it again, and the inquiry is sent
// once the server takes it.
func TestSendJobRetriesWhatCertainlyFailed(t *testing.T) {
	g := newJobRig(t)
	q := g.inquiries()[0]
	var mu sync.Mutex
	refused := false
	good := g.newRunner(nil)
	g.queue(func(ctx context.Context, f *File) (*Runner, error) {
		r, _ := good(ctx, f)
		mu.Lock()
		defer mu.Unlock()
		if !refused {
			// The first try meets a closed port.
			refused = true
			r.Mailer = inquiry.SMTP{Host: "127.0.0.1", Port: 1, Security: "none", Timeout: 5 * time.Second}
		}
		return r, nil
	})
	jq := g.queue(nil)
	e, err := jq.Enqueue(context.Background(), g.sendArgs(q), jobs.EnqueueOptions{Unique: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := jq.WaitJob(context.Background(), e.ID, 50*time.Millisecond); err != nil {
		t.Fatal(err)
	}
	_, why, err := jq.JobState(context.Background(), e.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(why, "not sent") {
		t.Errorf("the job's failed try says %q, want the refused send", why)
	}
	now := g.inquiries()[0]
	if now.Status != store.StatusSent || len(g.desk.Received()) != 1 {
		t.Fatalf("after the retry: %s %q with %d messages at the server, want sent with 1\n%s", now.Status, now.Reason, len(g.desk.Received()), g.out.String())
	}
}

// TestDeadlineJobReadsThenCloses: at the deadline the check reads the
// inbox a last time (a human reply waiting there counts) and marks the
// unanswered inquiry no_reply; before it, the check waits.
func TestDeadlineJobReadsThenCloses(t *testing.T) {
	g := newJobRig(t)
	ctx := context.Background()
	list := g.inquiries()
	for _, q := range list {
		if err := g.db.MarkSending(ctx, q.ID, "", nil, g.clock); err != nil {
			t.Fatal(err)
		}
		if err := g.db.SetStatus(ctx, q.ID, []string{store.StatusSending}, store.Change{Status: store.StatusSent, SentAt: g.clock}); err != nil {
			t.Fatal(err)
		}
	}
	acme := list[0]
	g.inbox.deliver(Mail{MessageID: "h1@acme", Subject: "Re: Returning a chair [ref " + acme.Token + "]", Received: g.clock.Add(time.Hour)})
	g.mu.Lock()
	g.jobAt = g.clock.Add(time.Hour) // before the 2h deadline
	g.mu.Unlock()
	r := g.runner(true)
	r.Now = g.jobNow
	var snooze *rivertype.JobSnoozeError
	if err := r.deadlineJob(ctx, list[1].Token); !errors.As(err, &snooze) || snooze.Duration != time.Hour {
		t.Fatalf("a check before the deadline returned %v, want a snooze", err)
	}
	g.mu.Lock()
	g.jobAt = g.clock.Add(3 * time.Hour)
	g.mu.Unlock()
	jq := g.queue(g.newRunner(nil))
	for _, q := range list {
		if _, err := jq.Enqueue(ctx, DeadlineArgs{Token: q.Token, Campaign: g.file.Name, Company: q.Company,
			File: Source{Path: "c.yaml", Text: testFile}}, jobs.EnqueueOptions{Unique: true, At: q.SentAt.Add(2 * time.Hour)}); err != nil {
			t.Fatal(err)
		}
	}
	deadline := time.Now().Add(30 * time.Second)
	for {
		got := map[string]string{}
		for _, q := range g.inquiries() {
			got[q.Company] = q.Status
		}
		if got["Acme"] == store.StatusReplied && got["Beta"] == store.StatusNoReply {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("statuses %v, want Acme replied and Beta no_reply\n%s", got, g.out.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
}
