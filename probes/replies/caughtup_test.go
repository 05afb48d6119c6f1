package replies

import (
	"context"
	"testing"
	"time"

	"github.com/shopper-audit/shopper/internal/dovecot"
)

// event is a message handed over or a caught-up signal, in the order
// Watch gave them.
type event struct {
	uid      uint32 // 0 for CaughtUp
	caughtUp Cursor
}

// watchEvents runs Watch with CaughtUp set and sends every event on the
// returned channel.
func watchEvents(t *testing.T, mb Mailbox) (<-chan event, context.CancelFunc) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	ch := make(chan event, 100)
	done := make(chan error, 1)
	mb.CaughtUp = func(c Cursor) { ch <- event{caughtUp: c} }
	go func() {
		done <- Watch(ctx, mb, Cursor{}, func(m Message, _ Cursor) error {
			ch <- event{uid: m.UID}
			return nil
		})
	}()
	t.Cleanup(func() {
		cancel()
		select {
		case <-done:
		case <-time.After(bound):
			t.Errorf("Watch did not return within %s of cancel", bound)
		}
	})
	return ch, cancel
}

func nextEvent(t *testing.T, ch <-chan event) event {
	t.Helper()
	select {
	case e := <-ch:
		return e
	case <-time.After(bound):
		t.Fatalf("nothing from Watch within %s", bound)
	}
	return event{}
}

func testCaughtUp(t *testing.T, s *dovecot.Server, mb Mailbox) {
	s.Append("", reply(1, ""))
	s.Append("", reply(2, ""))
	ch, _ := watchEvents(t, mb)
	// Both messages come before the signal, which names the last.
	for _, want := range []uint32{1, 2} {
		if e := nextEvent(t, ch); e.uid != want {
			t.Fatalf("got %+v, want UID %d handed over before any caught-up signal", e, want)
		}
	}
	e := nextEvent(t, ch)
	if e.uid != 0 || e.caughtUp.LastUID != 2 || e.caughtUp.UIDValidity == 0 {
		t.Fatalf("after the folder was read: %+v, want caught up at UID 2", e)
	}
	// New mail: handed over, then caught up again.
	s.Append("", reply(3, ""))
	if e := nextEvent(t, ch); e.uid != 3 {
		t.Fatalf("got %+v, want UID 3", e)
	}
	if e := nextEvent(t, ch); e.uid != 0 || e.caughtUp.LastUID != 3 {
		t.Fatalf("after new mail: %+v, want caught up at UID 3", e)
	}
}

func TestWatchCaughtUpIdle(t *testing.T) {
	s := dovecot.Start(t)
	mb := mailbox(s)
	mb.PollInterval = time.Hour // only IDLE brings the third message
	testCaughtUp(t, s, mb)
}

func TestWatchCaughtUpPolling(t *testing.T) {
	s := dovecot.StartWith(t, dovecot.Options{NoIdle: true})
	mb := mailbox(s)
	mb.PollInterval = 50 * time.Millisecond
	testCaughtUp(t, s, mb)
}

// An empty folder is caught up at once; a reconnection reads the folder
// again and says so again.
func TestWatchCaughtUpEmptyAndAfterRestart(t *testing.T) {
	s := dovecot.Start(t)
	s.Append("Sent", reply(9, "")) // creates the account's folders
	ch, _ := watchEvents(t, mailbox(s))
	if e := nextEvent(t, ch); e.uid != 0 || e.caughtUp.LastUID != 0 || e.caughtUp.UIDValidity == 0 {
		t.Fatalf("empty INBOX: %+v, want caught up at UID 0", e)
	}
	s.Stop()
	s.Deliver("INBOX", reply(1, ""))
	s.Start()
	if e := nextEvent(t, ch); e.uid != 1 {
		t.Fatalf("after restart: %+v, want UID 1", e)
	}
	if e := nextEvent(t, ch); e.uid != 0 || e.caughtUp.LastUID != 1 {
		t.Fatalf("after restart: %+v, want caught up at UID 1", e)
	}
}

func TestArrival(t *testing.T) {
	sec := time.Date(2025, 3, 3, 9, 0, 10, 0, time.UTC)
	cases := []struct {
		name           string
		internal, seen time.Time
		want           time.Time
	}{
		{"read within the second", sec, sec.Add(300 * time.Millisecond), sec.Add(300 * time.Millisecond)},
		{"read at its start", sec, sec, sec},
		{"read later", sec, sec.Add(5 * time.Minute), sec.Add(time.Second)},
		{"read just after the second", sec, sec.Add(1001 * time.Millisecond), sec.Add(time.Second)},
		{"reader's clock behind", sec, sec.Add(-2 * time.Second), sec},
		{"exact INTERNALDATE kept", sec.Add(250 * time.Millisecond), sec.Add(time.Hour), sec.Add(250 * time.Millisecond)},
		{"no INTERNALDATE", time.Time{}, sec, time.Time{}},
	}
	for _, c := range cases {
		if got := arrival(c.internal, c.seen); !got.Equal(c.want) {
			t.Errorf("%s: arrival(%v, %v) = %v, want %v", c.name, c.internal, c.seen, got, c.want)
		}
	}
}

// Received is never before the message was delivered and at most a second
// after, read live or found later: INTERNALDATE alone, whole seconds, is
// up to a second early.
func TestWatchReceivedWithinASecond(t *testing.T) {
	s := dovecot.Start(t)
	before := time.Now()
	s.Append("", reply(1, "")) // found when the watch starts
	after := time.Now()
	w := startWatch(t, mailbox(s), Cursor{})
	m := w.next().msg
	check := func(m Message, before, after time.Time) {
		t.Helper()
		if m.Received.Before(before) || m.Received.Sub(after) > time.Second {
			t.Errorf("UID %d delivered between %v and %v, Received %v (INTERNALDATE %v)", m.UID, before.Format(time.StampMicro), after.Format(time.StampMicro), m.Received.Format(time.StampMicro), m.InternalDate)
		}
		if m.InternalDate.IsZero() || m.InternalDate.Nanosecond() != 0 {
			t.Errorf("UID %d: InternalDate %v, want the server's whole seconds", m.UID, m.InternalDate)
		}
	}
	check(m, before, after)
	before = time.Now()
	s.Append("", reply(2, "")) // read as it arrives
	after = time.Now()
	m = w.next().msg
	seen := time.Now()
	check(m, before, after)
	if m.Received.After(seen) {
		t.Errorf("live message Received %v, after it was handed over at %v", m.Received, seen)
	}
	w.quiet()
}
