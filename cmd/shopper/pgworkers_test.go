package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/shopper-audit/shopper/campaign"
	"github.com/shopper-audit/shopper/internal/desk"
	"github.com/shopper-audit/shopper/internal/pgtest"
	"github.com/shopper-audit/shopper/store"
)

// TestMain starts PostgreSQL for the tests that ask for a database
// (pgtest.NewDB) and stops it when they end.
func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

// TestCampaignSendsOnceAcrossThreeWorkersOnPostgres: a campaign on
// PostgreSQL is enqueued twice ('campaign run --send --workers 0' by two
// processes) and its sends are worked by three 'shopper worker' processes,
// one of which is killed (SIGKILL) once the desk has some of the
// inquiries. The queue holds one send job per inquiry; the desk receives
// each inquiry at most once; every inquiry ends sent or replied, except at
// most the one the killed worker held, which may be left to the operator
// as "unknown whether sent"; none stays a draft or "sending".
func TestCampaignSendsOnceAcrossThreeWorkersOnPostgres(t *testing.T) {
	const companies = 12
	dsn := pgtest.NewDB(t)
	g := newMailRig(t)
	var list []string
	for i := 1; i <= companies; i++ {
		to := fmt.Sprintf("help@c%02d.pg.example", i)
		g.desk.Script(to, desk.Script{Replies: []desk.Reply{{After: 200 * time.Millisecond, Kind: desk.Human,
			Answer: "You have 30 days to return it, and we e-mail a free return label."}}})
		list = append(list, fmt.Sprintf("{name: Company %02d, to: %s}", i, to))
	}
	file := g.file("pgsends", "60s", list...)
	ctx := context.Background()
	db, err := store.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	sendJobs := func() int {
		t.Helper()
		var n int
		// The table exists once a run has opened the queue.
		if err := db.SQL.QueryRowContext(ctx, "SELECT count(*) FROM river_job WHERE kind = $1", campaign.KindSend).Scan(&n); err != nil {
			return -1
		}
		return n
	}
	waitFor := func(what string, limit time.Duration, ok func() bool, outs ...*syncBuffer) {
		t.Helper()
		for end := time.Now().Add(limit); !ok(); time.Sleep(20 * time.Millisecond) {
			if time.Now().After(end) {
				var b strings.Builder
				for i, o := range outs {
					fmt.Fprintf(&b, "--- process %d:\n%s\n", i, o.String())
				}
				t.Fatalf("%s: not within %v\n%s", what, limit, b.String())
			}
		}
	}

	// The run drafts and enqueues, then waits for the workers.
	runArgs := []string{"campaign", "run", "--send", "--workers", "0", "--db", dsn, "--catch-up", "2s", "--pdf", t.TempDir(), file}
	var runOut syncBuffer
	run := g.startChild("", &runOut, runArgs...)
	waitFor("the run enqueued its sends", 60*time.Second, func() bool { return sendJobs() >= companies }, &runOut)

	// A second run of the same campaign enqueues every draft again; the
	// queue keeps one job per inquiry. It is stopped once it has
	// enqueued: the first run watches the inbox.
	var againOut syncBuffer
	again := g.startChild("", &againOut, runArgs...)
	waitFor("the second run enqueued its sends", 60*time.Second, func() bool {
		return strings.Contains(againOut.String(), "Queued ")
	}, &againOut)
	again.Process.Signal(syscall.SIGTERM)
	again.Wait()
	if n := sendJobs(); n != companies {
		t.Fatalf("the queue holds %d send jobs after two runs enqueued %d inquiries, want %d", n, companies, companies)
	}

	workerArgs := []string{"worker", "--db", dsn, "--workers", "1", "--render", "never", "--job-timeout", "2s", "--rescue-after", "3s", "--quiet"}
	outs := make([]*syncBuffer, 3)
	var workers []*exec.Cmd
	for i := range outs {
		outs[i] = &syncBuffer{}
		workers = append(workers, g.startChild("", outs[i], workerArgs...))
	}
	waitFor("the desk received a third of the inquiries", 60*time.Second, func() bool {
		return len(g.desk.Received()) >= companies/3
	}, append([]*syncBuffer{&runOut}, outs...)...)
	atKill := len(g.desk.Received())
	if err := workers[1].Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	workers[1].Wait()
	if ws, ok := workers[1].ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() || ws.Signal() != syscall.SIGKILL {
		t.Fatalf("the second worker was not killed: %v\n%s", workers[1].ProcessState, outs[1].String())
	}
	if atKill >= companies {
		t.Fatalf("the desk had all %d inquiries before a worker was killed: nothing was left to take over", companies)
	}

	done := make(chan error, 1)
	go func() { done <- run.Wait() }()
	select {
	case <-done:
	case <-time.After(150 * time.Second):
		t.Fatalf("the campaign run did not finish:\n%s\n--- worker 0:\n%s\n--- worker 2:\n%s", runOut.String(), outs[0].String(), outs[2].String())
	}
	if !run.ProcessState.Success() {
		t.Fatalf("campaign run: %v\n%s", run.ProcessState, runOut.String())
	}
	for _, i := range []int{0, 2} {
		workers[i].Process.Signal(syscall.SIGTERM)
		workers[i].Wait()
	}

	got, err := db.Inquiries(ctx, "pgsends")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != companies {
		t.Fatalf("%d inquiries stored, want %d", len(got), companies)
	}
	received := g.received()
	ours := map[string]bool{}
	unknown := 0
	for _, q := range got {
		ours[q.Token] = true
		n := received[q.Token]
		if n > 1 {
			t.Errorf("%s: the desk received the inquiry %d times", q.Company, n)
		}
		switch {
		case q.Status == store.StatusSent || q.Status == store.StatusReplied:
			if n != 1 {
				t.Errorf("%s is %s but the desk received it %d times", q.Company, q.Status, n)
			}
		case q.Status == store.StatusFailed && q.Reason == campaign.ReasonUnknown:
			unknown++
		default:
			t.Errorf("%s: %s %q, want sent or replied (or unknown for the killed worker's)", q.Company, q.Status, q.Reason)
		}
	}
	if unknown > 1 {
		t.Errorf("%d inquiries left unknown whether sent; only the killed worker's one may be", unknown)
	}
	for token, n := range received {
		if !ours[token] {
			t.Errorf("the desk received %d messages with token %q, which is no inquiry of the campaign", n, token)
		}
	}
	t.Logf("killed a worker when the desk had %d of %d inquiries; %d left unknown whether sent", atKill, companies, unknown)
}
