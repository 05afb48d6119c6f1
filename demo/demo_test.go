package demo

import (
	"bytes"
	"context"
	"errors"
	"net"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/shopper-audit/shopper/store"
)

// quick is the speed the tests run the demo at: replies within 2 s, a
// 4-second deadline.
const quick = 3

func TestRunMeasuresEveryCompany(t *testing.T) {
	var out bytes.Buffer
	res, err := Run(context.Background(), Options{Dir: t.TempDir(), Out: &out, Speed: quick})
	if err != nil {
		t.Fatalf("Run: %v\n%s", err, out.String())
	}
	behaviour := map[string]Behaviour{}
	for i, c := range res.File.Companies {
		behaviour[c.Name] = Companies[i].Behaviour
	}
	if len(res.Outcomes) != len(Companies) {
		t.Fatalf("%d outcomes, want one per company (%d)\n%s", len(res.Outcomes), len(Companies), out.String())
	}
	for _, o := range res.Outcomes {
		switch b := behaviour[o.Company]; b {
		case Good, Average:
			if o.Status != store.StatusReplied || o.FirstResponseSeconds == nil || o.HumanReplySeconds == nil {
				t.Errorf("%s (%s): status %s, first response %v, human reply %v; want replied with both measured",
					o.Company, b, o.Status, o.FirstResponseSeconds, o.HumanReplySeconds)
			}
			if wantAck := b == Good; o.AutoAck == nil || *o.AutoAck != wantAck {
				t.Errorf("%s (%s): auto_ack %v, want %v", o.Company, b, o.AutoAck, wantAck)
			}
		case Poor:
			if o.Status != store.StatusNoReply || o.FirstResponseSeconds != nil {
				t.Errorf("%s (poor): status %s, first response %v; want no_reply and none", o.Company, o.Status, o.FirstResponseSeconds)
			}
		default:
			t.Errorf("outcome for %q, which is not a demo company", o.Company)
		}
	}
	grades := map[string]bool{}
	for _, sc := range res.Scorecards {
		if sc.Result == nil {
			t.Errorf("%s has no scorecard: %s", sc.Company, sc.Missing)
			continue
		}
		if len(sc.Result.Inquiries) != 1 {
			t.Errorf("%s: scorecard holds %d inquiries, want 1", sc.Company, len(sc.Result.Inquiries))
		}
		grades[sc.Result.Score.Grade] = true
	}
	if len(grades) < 3 {
		t.Errorf("grades %v: want at least three different grades, from good to poor", grades)
	}
	if res.Received != len(Companies) {
		t.Errorf("the desk received %d messages, want %d (one inquiry a company)", res.Received, len(Companies))
	}
	for _, want := range []string{"replies arrive within seconds in the demo; real desks take hours", "no e-mail leaves this machine"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("the progress lines do not say %q:\n%s", want, out.String())
		}
	}
}

func TestRunContactsOnlyLoopback(t *testing.T) {
	res, err := Run(context.Background(), Options{Dir: t.TempDir(), Speed: quick})
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string]int{}
	for _, a := range res.Contacted {
		u, err := url.Parse(a)
		if err != nil {
			t.Errorf("contacted %q, which is not an address", a)
			continue
		}
		kinds[u.Scheme]++
		// 127.0.0.1 itself, not the rest of 127/8: macOS answers only it.
		if u.Hostname() != "127.0.0.1" {
			t.Errorf("contacted %s, which is not on 127.0.0.1", a)
		}
	}
	if kinds["http"] < len(Companies) || kinds["smtp"] != len(Companies) || kinds["imaps"] == 0 {
		t.Errorf("contacted %v by scheme: want the sites' pages, one SMTP submission a company and the IMAP server", kinds)
	}
	for _, c := range res.File.Companies {
		if !IsLoopback(c.URL) {
			t.Errorf("campaign file names %s at %s, not on loopback", c.Name, c.URL)
		}
	}
}

// cancelAt cancels a run when a progress line holds a text.
type cancelAt struct {
	mu     sync.Mutex
	buf    bytes.Buffer
	text   string
	cancel context.CancelFunc
}

func (c *cancelAt) Write(b []byte) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.buf.Write(b)
	if strings.Contains(c.buf.String(), c.text) {
		c.cancel()
	}
	return len(b), nil
}

func TestRunStopsCleanlyWhenCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	w := &cancelAt{text: "sent email inquiry", cancel: cancel}
	_, err := Run(ctx, Options{Dir: t.TempDir(), Out: w, Speed: 0.1}) // replies far off: only the cancel ends it
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("Run = %v, want context.Canceled", err)
	}
	// Every server the demo started is closed: the sites', the desk's and
	// the mailbox's ports refuse connections.
	addrs := regexp.MustCompile(`127\.0\.0\.1:[0-9]+`).FindAllString(w.buf.String(), -1)
	if len(addrs) < len(Companies)+2 {
		t.Fatalf("the progress lines name %d servers, want the sites, the desk and the mailbox:\n%s", len(addrs), w.buf.String())
	}
	for _, a := range addrs {
		if c, err := net.Dial("tcp", a); err == nil {
			c.Close()
			t.Errorf("%s still answers after the run was cancelled", a)
		}
	}
}
