package campaign

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/shopper-audit/shopper/store"
)

// bound is how long a test waits for something that should happen at
// once; it only stops a broken test from hanging.
const bound = 30 * time.Second

// caughtUpInbox is the test inbox that also says when it has read every
// message it holds.
type caughtUpInbox struct {
	*fakeInbox
	// waiting, when set, is called whenever a watch has read every
	// message and is about to wait.
	waiting func()
}

var _ CaughtUpInbox = (*caughtUpInbox)(nil)

func (b *caughtUpInbox) Watch(ctx context.Context, from store.Cursor, handle func(Mail, store.Cursor) error) error {
	return b.WatchCaughtUp(ctx, from, handle, nil)
}

func (b *caughtUpInbox) WatchCaughtUp(ctx context.Context, from store.Cursor, handle func(Mail, store.Cursor) error, caughtUp func(store.Cursor)) error {
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
		if caughtUp != nil {
			caughtUp(store.Cursor{UIDValidity: 1, LastUID: uint32(next)})
		}
		if b.waiting != nil {
			b.waiting()
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-b.arrived:
		}
	}
}

// unnoticed adds m without telling a running watch, as mail does that
// lands while a notification is lost or not yet read.
func (b *fakeInbox) unnoticed(m Mail) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.msgs = append(b.msgs, m)
}

func statuses(g *rig) map[string]string {
	got := map[string]string{}
	for _, q := range g.inquiries() {
		got[q.Company] = q.Status
	}
	return got
}

// A resumed run whose deadlines have all passed reads the inbox to its end
// and stops there, not after the whole catch-up limit.
func TestCatchUpEndsWhenTheInboxIsRead(t *testing.T) {
	g := newRig(t)
	in := &caughtUpInbox{fakeInbox: g.inbox}
	r := g.runner(true)
	r.Inbox = in
	if err := g.runUntilWatching(r); !errors.Is(err, context.Canceled) {
		t.Fatalf("Run = %v", err)
	}
	acme := g.inquiries()[0]
	g.inbox.deliver(Mail{MessageID: "h1@acme", Subject: "Re: Returning a chair [ref " + acme.Token + "]", Received: g.clock.Add(20 * time.Minute)})
	g.clock = g.clock.Add(3 * time.Hour) // every deadline passes while shopper is not running

	r = g.runner(true)
	r.Inbox = in
	r.CatchUp = time.Hour // the limit, never reached
	ctx, cancel := context.WithTimeout(context.Background(), bound)
	defer cancel()
	if err := r.Run(ctx); err != nil {
		t.Fatalf("Run = %v, want the catch-up to end once the inbox was read\n%s", err, g.out.String())
	}
	if got := statuses(g); got["Acme"] != store.StatusReplied || got["Beta"] != store.StatusNoReply {
		t.Fatalf("statuses %v, want Acme replied, Beta no_reply", got)
	}
	if strings.Contains(g.out.String(), "not read to its end") {
		t.Errorf("the run says it did not read the inbox to its end:\n%s", g.out.String())
	}
}

// stuckInbox never gets to the end of the inbox, as when the IMAP server
// cannot be reached.
type stuckInbox struct{ *fakeInbox }

func (b stuckInbox) WatchCaughtUp(ctx context.Context, _ store.Cursor, _ func(Mail, store.Cursor) error, _ func(store.Cursor)) error {
	<-ctx.Done()
	return ctx.Err()
}

// The catch-up limit still holds: overdue inquiries are closed after it,
// with a line saying the inbox was not read to its end.
func TestCatchUpLimit(t *testing.T) {
	g := newRig(t)
	if err := g.runUntilWatching(g.runner(true)); !errors.Is(err, context.Canceled) {
		t.Fatalf("Run = %v", err)
	}
	g.clock = g.clock.Add(3 * time.Hour)
	r := g.runner(true)
	r.Inbox = stuckInbox{g.inbox}
	r.CatchUp = 50 * time.Millisecond
	ctx, cancel := context.WithTimeout(context.Background(), bound)
	defer cancel()
	if err := r.Run(ctx); err != nil {
		t.Fatalf("Run = %v", err)
	}
	if got := statuses(g); got["Acme"] != store.StatusNoReply || got["Beta"] != store.StatusNoReply {
		t.Fatalf("statuses %v, want both no_reply", got)
	}
	if !strings.Contains(g.out.String(), "The inbox was not read to its end within 50ms") {
		t.Errorf("output does not say the inbox was not read to its end:\n%s", g.out.String())
	}
}

// When a deadline passes during a run, a reply that came in time but was
// not yet read is read before the inquiry is closed: it counts, and the
// run does not end with it unread.
func TestDeadlineReadsTheInboxBeforeClosing(t *testing.T) {
	g := newRig(t)
	f, err := Parse("c.yaml", []byte(strings.Replace(testFile, "deadline: 2h", "deadline: 500ms", 1)))
	if err != nil {
		t.Fatal(err)
	}
	g.file = f
	in := &caughtUpInbox{fakeInbox: g.inbox}
	var once sync.Once
	in.waiting = func() {
		// Once the run watches, Acme's reply lands in time, unnoticed.
		once.Do(func() {
			acme := g.inquiries()[0]
			in.unnoticed(Mail{MessageID: "h1@acme", Subject: "Re: Returning a chair [ref " + acme.Token + "]", Received: acme.SentAt.Add(time.Millisecond)})
		})
	}
	r := g.runner(true)
	r.Inbox = in
	r.Now = nil // deadlines pass on the real clock
	ctx, cancel := context.WithTimeout(context.Background(), bound)
	defer cancel()
	if err := r.Run(ctx); err != nil {
		t.Fatalf("Run = %v\n%s", err, g.out.String())
	}
	if got := statuses(g); got["Acme"] != store.StatusReplied || got["Beta"] != store.StatusNoReply {
		t.Fatalf("statuses %v, want Acme replied (its reply came in time), Beta no_reply\n%s", got, g.out.String())
	}
	list := g.inquiries()
	stored, err := g.db.Replies(context.Background(), []string{list[0].Token})
	if err != nil || len(stored) != 1 {
		t.Fatalf("Acme's stored replies: %v, %v; want its reply", stored, err)
	}
}
