package replies

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/shopper-audit/shopper/internal/dovecot"
)

// bound is how long a test waits for something that should happen at
// once; it only stops a broken test from hanging.
const bound = 30 * time.Second

func mailbox(s *dovecot.Server) Mailbox {
	return Mailbox{Addr: s.Addr, Security: "starttls", Username: s.User, Password: s.Password, TLSConfig: s.TLSConfig, MaxBackoff: 200 * time.Millisecond}
}

func reply(n int, extra string) []byte {
	return []byte(fmt.Sprintf("From: Jane <jane@example.com>\r\nTo: shopper+tok%07d@example.net\r\nSubject: Re: question %d\r\nMessage-ID: <reply%d@example.com>\r\nDate: Mon, 3 Jun 2024 10:00:00 +0000\r\n%s\r\nAnswer number %d.\r\n", n, n, n, extra, n))
}

type handled struct {
	msg Message
	cur Cursor
}

// watching runs Watch in the background and collects what it hands over.
type watching struct {
	t      *testing.T
	ch     chan handled
	cancel context.CancelFunc
	done   chan error
}

func startWatch(t *testing.T, mb Mailbox, from Cursor) *watching {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	w := &watching{t: t, ch: make(chan handled, 100), cancel: cancel, done: make(chan error, 1)}
	go func() {
		w.done <- Watch(ctx, mb, from, func(m Message, c Cursor) error {
			w.ch <- handled{m, c}
			return nil
		})
	}()
	t.Cleanup(func() { w.stop() })
	return w
}

// next waits for the next handled message.
func (w *watching) next() handled {
	w.t.Helper()
	select {
	case h := <-w.ch:
		return h
	case err := <-w.done:
		w.done <- err
		w.t.Fatalf("Watch returned %v while a message was awaited", err)
	case <-time.After(bound):
		w.t.Fatalf("no message handed over within %s", bound)
	}
	return handled{}
}

// stop cancels Watch and returns what it returned.
func (w *watching) stop() error {
	w.cancel()
	select {
	case err := <-w.done:
		w.done <- err
		return err
	case <-time.After(bound):
		w.t.Fatalf("Watch did not return within %s of cancel", bound)
	}
	return nil
}

// quiet fails if anything more is handed over before Watch is stopped.
func (w *watching) quiet() {
	w.t.Helper()
	w.stop()
	select {
	case h := <-w.ch:
		w.t.Errorf("unexpected extra message UID %d %q", h.msg.UID, h.msg.MessageID)
	default:
	}
}

func TestWatchIdleSeesNewMail(t *testing.T) {
	s := dovecot.Start(t)
	s.Append("", reply(1, ""))
	mb := mailbox(s)
	mb.PollInterval = time.Hour // only IDLE can bring the second message in time
	w := startWatch(t, mb, Cursor{})
	h := w.next()
	if h.msg.MessageID != "reply1@example.com" || h.msg.UID != 1 || h.cur.LastUID != 1 || h.cur.UIDValidity == 0 {
		t.Fatalf("first = %+v, cursor %+v", h.msg, h.cur)
	}
	if !strings.Contains(h.msg.Text, "Answer number 1.") || h.msg.Received.IsZero() {
		t.Errorf("text %q, received %v", h.msg.Text, h.msg.Received)
	}
	delivered := time.Now()
	s.Append("", reply(2, ""))
	h = w.next()
	t.Logf("delivered then seen in %s", time.Since(delivered))
	if h.msg.MessageID != "reply2@example.com" || h.cur.LastUID != 2 {
		t.Fatalf("second = %q, cursor %+v", h.msg.MessageID, h.cur)
	}
	w.quiet()

	// Nothing was marked \Seen.
	c := s.Dial()
	if _, err := c.Select("INBOX", nil).Wait(); err != nil {
		t.Fatal(err)
	}
	msgs, err := c.Fetch(imap.SeqSetNum(1, 2), &imap.FetchOptions{Flags: true}).Collect()
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range msgs {
		for _, f := range m.Flags {
			if f == imap.FlagSeen {
				t.Errorf("message %d was marked \\Seen", m.SeqNum)
			}
		}
	}
}

func TestWatchResumesFromCursor(t *testing.T) {
	s := dovecot.Start(t)
	s.Append("", reply(1, ""))
	s.Append("", reply(2, ""))
	w := startWatch(t, mailbox(s), Cursor{})
	w.next()
	cur := w.next().cur
	w.quiet()

	s.Append("", reply(3, "")) // arrive while nobody watches
	s.Append("", reply(4, ""))
	w = startWatch(t, mailbox(s), cur)
	for _, want := range []string{"reply3@example.com", "reply4@example.com"} {
		if got := w.next().msg.MessageID; got != want {
			t.Errorf("after resume got %q, want %q", got, want)
		}
	}
	w.quiet()
}

func TestWatchSurvivesServerRestart(t *testing.T) {
	s := dovecot.Start(t)
	s.Append("", reply(1, ""))
	w := startWatch(t, mailbox(s), Cursor{})
	w.next()
	s.Restart()
	s.Append("", reply(2, ""))
	s.Restart()
	s.Append("", reply(3, ""))
	seen := map[uint32]int{}
	for i := 0; i < 2; i++ {
		h := w.next()
		seen[h.msg.UID]++
	}
	if seen[2] != 1 || seen[3] != 1 {
		t.Errorf("handled UIDs %v, want 2 and 3 once each", seen)
	}
	w.quiet()
}

func TestWatchUIDValidityReset(t *testing.T) {
	s := dovecot.Start(t)
	s.Append("", reply(1, ""))
	s.Append("", reply(2, ""))
	w := startWatch(t, mailbox(s), Cursor{})
	first := []handled{w.next(), w.next()}
	s.ResetUIDValidity("INBOX")
	again := []handled{w.next(), w.next()}
	for i := range again {
		if again[i].cur.UIDValidity == first[i].cur.UIDValidity {
			t.Errorf("message %d seen again under the same UIDVALIDITY %d", i+1, again[i].cur.UIDValidity)
		}
		if again[i].msg.DedupeKey != first[i].msg.DedupeKey || again[i].msg.DedupeKey != "mid:"+first[i].msg.MessageID {
			t.Errorf("dedupe key %q then %q", first[i].msg.DedupeKey, again[i].msg.DedupeKey)
		}
	}
	w.quiet()
}

func TestWatchPollsWithoutIdle(t *testing.T) {
	s := dovecot.StartWith(t, dovecot.Options{NoIdle: true})
	mb := mailbox(s)
	mb.PollInterval = 50 * time.Millisecond
	s.Append("", reply(1, ""))
	w := startWatch(t, mb, Cursor{})
	w.next()
	s.Append("", reply(2, ""))
	if got := w.next().msg.MessageID; got != "reply2@example.com" {
		t.Errorf("polled %q", got)
	}
	w.quiet()
}

// counter is a loopback proxy that counts the bytes the server sends.
type counter struct {
	addr string
	down atomic.Int64
}

func countingProxy(t *testing.T, target string) *counter {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	c := &counter{addr: l.Addr().String()}
	var wg sync.WaitGroup
	t.Cleanup(func() { l.Close(); wg.Wait() })
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			in, err := l.Accept()
			if err != nil {
				return
			}
			out, err := net.Dial("tcp", target)
			if err != nil {
				in.Close()
				continue
			}
			wg.Add(2)
			go func() { defer wg.Done(); io.Copy(out, in); out.Close() }()
			go func() {
				defer wg.Done()
				n, _ := io.Copy(in, out)
				c.down.Add(n)
				in.Close()
			}()
		}
	}()
	return c
}

func TestWatchHostileMessages(t *testing.T) {
	s := dovecot.Start(t)
	big := bytes.Repeat([]byte("QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo=\r\n"), 20<<20/38)
	attach := "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b1\r\n\r\n--b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nSee the attached file.\r\n--b1\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment; filename=big.bin\r\nContent-Transfer-Encoding: base64\r\n\r\n" + string(big) + "--b1--\r\n"
	hostile := [][]byte{
		reply(1, "Content-Type: multipart/mixed; boundary=\"unclosed\"\r\n"),
		reply(2, attach),
		reply(3, "Content-Type: text/plain; charset=x-no-such-charset\r\nContent-Transfer-Encoding: quoted-printable\r\n"),
		reply(4, "X-Long: "+strings.Repeat("x", 10<<10)+"\r\nSubject: =?windows-1258?Q?Tr=E1_l=F2i?= =?bogus?Q?x?=\r\n"),
		reply(5, "Content-Type: text/html; charset=iso-8859-9\r\nContent-Transfer-Encoding: base64\r\n"),
	}
	for _, raw := range hostile {
		s.Append("", raw)
	}
	s.Deliver("INBOX", append(reply(6, ""), []byte("with a NUL \x00 byte\r\n")...))
	s.Append("", reply(7, ""))

	proxy := countingProxy(t, s.Addr)
	mb := Mailbox{Addr: proxy.addr, Security: "none", Username: s.User, Password: s.Password}
	w := startWatch(t, mb, Cursor{})
	got := map[string]Message{}
	for i := 0; i < 7; i++ {
		m := w.next().msg
		got[m.MessageID] = m
	}
	w.quiet()
	if len(got) != 7 {
		t.Fatalf("handled %d distinct messages, want 7", len(got))
	}
	if m := got["reply2@example.com"]; !strings.Contains(m.Text, "See the attached file.") || strings.Contains(m.Text, "QUJD") {
		t.Errorf("attachment message text %q", clip(m.Text, 200))
	}
	if n := proxy.down.Load(); n > 2<<20 {
		t.Errorf("the server sent %d bytes: the 20 MB attachment was fetched", n)
	}
	if m := got["reply3@example.com"]; !hasProblem(m, "unknown charset") {
		t.Errorf("unknown charset not reported: %q", m.Problems)
	}
	if m := got["reply4@example.com"]; !strings.Contains(m.Subject, "Re: question 4") && !strings.Contains(m.Subject, "Trả lời") {
		t.Errorf("subject %q", m.Subject)
	}
	if m := got["reply6@example.com"]; strings.ContainsRune(m.Text, 0) || !strings.Contains(m.Text, "NUL") {
		t.Errorf("NUL message text %q", m.Text)
	}
	if m := got["reply7@example.com"]; m.Text != "Answer number 7." {
		t.Errorf("plain message after the hostile ones: %q", m.Text)
	}
}

func hasProblem(m Message, sub string) bool {
	for _, p := range m.Problems {
		if strings.Contains(p, sub) {
			return true
		}
	}
	return false
}

func TestAppendAndFindMessageID(t *testing.T) {
	s := dovecot.Start(t)
	mb := mailbox(s)
	ctx := context.Background()
	raw := []byte("From: shopper+abcdefghij@example.net\r\nTo: support@example.com\r\nSubject: [ref abcdefghij] question\r\nMessage-ID: <abcdefghij.k2@example.net>\r\n\r\nHello\r\n")
	if err := Append(ctx, mb, "Sent", raw); err != nil {
		t.Fatalf("Append: %v", err)
	}
	for _, c := range []struct {
		id   string
		want bool
	}{{"<abcdefghij.k2@example.net>", true}, {"abcdefghij.k2@example.net", true}, {"abcdefghij.k@example.net", false}, {"zzz@example.net", false}} {
		got, err := FindMessageID(ctx, mb, "Sent", c.id)
		if err != nil || got != c.want {
			t.Errorf("FindMessageID(%q) = %v, %v; want %v", c.id, got, err, c.want)
		}
	}
	if found, _ := FindMessageID(ctx, mb, "INBOX", "abcdefghij.k2@example.net"); found {
		t.Error("found the Sent message in INBOX")
	}
	if _, err := FindMessageID(ctx, mb, "Sent", " "); err == nil {
		t.Error("FindMessageID with an empty ID did not fail")
	}
}

func TestSecurityModes(t *testing.T) {
	s := dovecot.Start(t)
	s.Append("", reply(1, ""))
	ctx := context.Background()
	for _, mb := range []Mailbox{
		{Addr: s.TLSAddr, Security: "tls", TLSConfig: s.TLSConfig},
		{Addr: s.TLSAddr, TLSConfig: s.TLSConfig}, // tls by default
		{Addr: s.Addr, Security: "starttls", TLSConfig: s.TLSConfig},
		{Addr: s.Addr, Security: "none"},
	} {
		mb.Username, mb.Password = s.User, s.Password
		if ok, err := FindMessageID(ctx, mb, "", "reply1@example.com"); err != nil || !ok {
			t.Errorf("security %q: %v, %v", mb.Security, ok, err)
		}
	}
	// An untrusted certificate is refused.
	if _, err := FindMessageID(ctx, Mailbox{Addr: s.TLSAddr, Username: s.User, Password: s.Password}, "", "x@y"); err == nil {
		t.Error("a self-signed certificate was accepted without TLSConfig")
	}
}

func TestErrorsHideCredentials(t *testing.T) {
	s := dovecot.Start(t)
	mb := mailbox(s)
	mb.Password = "wrong-" + s.Password
	var logged strings.Builder
	mb.Logf = func(f string, a ...any) { fmt.Fprintf(&logged, f, a...) }
	err := Watch(context.Background(), mb, Cursor{}, func(Message, Cursor) error { return nil })
	if !errors.Is(err, ErrAuth) {
		t.Fatalf("Watch with a wrong password = %v, want ErrAuth", err)
	}
	if strings.Contains(err.Error(), mb.Password) || strings.Contains(logged.String(), mb.Password) {
		t.Errorf("the password shows in %q / %q", err, logged.String())
	}
	_, err = FindMessageID(context.Background(), Mailbox{Addr: "192.0.2.1:143", Security: "none", Password: "hunter22"}, "", "x@y")
	if !errors.Is(err, ErrInsecure) {
		t.Errorf("plain IMAP off loopback = %v, want ErrInsecure", err)
	}
	err = Watch(context.Background(), Mailbox{Addr: s.Addr, Security: "none", Username: s.User, Password: s.Password, Folder: "NoSuchFolder"}, Cursor{}, func(Message, Cursor) error { return nil })
	if err == nil || strings.Contains(err.Error(), s.Password) {
		t.Errorf("Watch of a missing folder = %v", err)
	}
}

func TestWatchReturnsHandleError(t *testing.T) {
	s := dovecot.Start(t)
	s.Append("", reply(1, ""))
	boom := errors.New("store is down")
	err := Watch(context.Background(), mailbox(s), Cursor{}, func(Message, Cursor) error { return boom })
	if !errors.Is(err, boom) {
		t.Errorf("Watch = %v, want the handler's error", err)
	}
}
