package jobs

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/rivertype"

	"github.com/shopper-audit/shopper/audit"
	"github.com/shopper-audit/shopper/crawler"
	"github.com/shopper-audit/shopper/internal/pgtest"
	"github.com/shopper-audit/shopper/sitegen"
	"github.com/shopper-audit/shopper/store"
)

// workerEnv, when set to a store address, makes the test binary a worker
// process: see workerMain.
const workerEnv = "SHOPPER_JOBS_TEST_WORKER"

func TestMain(m *testing.M) {
	if dsn := os.Getenv(workerEnv); dsn != "" {
		os.Exit(workerMain(dsn))
	}
	os.Exit(pgtest.Main(m))
}

// testAudit is how the tests audit the generated sites: static, no delay,
// the handful of pages each site has.
func testAudit() audit.Options {
	return audit.Options{Render: audit.RenderNever, Crawl: crawler.Options{
		MaxPages: sitegen.MinPages, MaxDepth: 2, Parallelism: 2, AllowPrivate: true,
		RequestTimeout: 10 * time.Second, SiteTimeout: 30 * time.Second,
	}}
}

// Short timeouts so that the job of a killed worker is run again within
// the test: River's rescuer looks every 30 s for jobs running longer than
// RescueAfter.
const (
	testJobTimeout  = 20 * time.Second
	testRescueAfter = 25 * time.Second
)

// workerMain works audit jobs on the store at dsn with the number of
// workers in SHOPPER_JOBS_TEST_WORKERS until its stdin closes, printing
// "ready" once started and its peak RSS (VmHWM, bytes) when done.
func workerMain(dsn string) int {
	ctx := context.Background()
	n, _ := strconv.Atoi(os.Getenv("SHOPPER_JOBS_TEST_WORKERS"))
	db, err := store.Open(ctx, dsn)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	defer db.Close()
	q, err := Open(ctx, db, Options{Workers: max(n, 1), Audit: testAudit(),
		JobTimeout: testJobTimeout, RescueAfter: testRescueAfter, PollInterval: 200 * time.Millisecond})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	defer q.Close()
	if err := q.Start(ctx); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	fmt.Println("ready")
	io.Copy(io.Discard, os.Stdin)
	stopCtx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	if err := q.Stop(stopCtx); err != nil {
		fmt.Fprintln(os.Stderr, err)
	}
	fmt.Println(vmHWM())
	return 0
}

// vmHWM is this process's peak resident set size in bytes, 0 if unknown.
func vmHWM() int64 {
	b, _ := os.ReadFile("/proc/self/status")
	for _, l := range strings.Split(string(b), "\n") {
		if f := strings.Fields(l); len(f) >= 2 && f[0] == "VmHWM:" {
			kb, _ := strconv.ParseInt(f[1], 10, 64)
			return kb * 1024
		}
	}
	return 0
}

// worker is a worker process started by a test.
type worker struct {
	cmd   *exec.Cmd
	stdin io.WriteCloser
	out   *bufio.Scanner
}

func startWorker(t testing.TB, dsn string, n int) *worker {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), workerEnv+"="+dsn, "SHOPPER_JOBS_TEST_WORKERS="+strconv.Itoa(n))
	cmd.Stderr = os.Stderr
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	w := &worker{cmd: cmd, stdin: stdin, out: bufio.NewScanner(stdout)}
	t.Cleanup(func() { w.kill() })
	if !w.out.Scan() || w.out.Text() != "ready" {
		t.Fatalf("worker did not start: %q", w.out.Text())
	}
	return w
}

// stop asks the worker to finish and returns its peak RSS.
func (w *worker) stop() (int64, error) {
	w.stdin.Close()
	var hwm int64
	for w.out.Scan() {
		hwm, _ = strconv.ParseInt(strings.TrimSpace(w.out.Text()), 10, 64)
	}
	return hwm, w.cmd.Wait()
}

func (w *worker) kill() {
	if w.cmd.ProcessState == nil {
		_ = w.cmd.Process.Kill()
		_ = w.cmd.Wait()
	}
}

// corpus serves n generated sites on loopback for the test.
func corpus(t testing.TB, n int) []string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	urls, stop, err := sitegen.Serve(ctx, n, sitegen.MinPages)
	if err != nil {
		cancel()
		t.Fatal(err)
	}
	t.Cleanup(func() { stop(); cancel() })
	return urls
}

// enqueueAll enqueues one audit per site in batch and returns the keys.
func enqueueAll(t testing.TB, q *Queue, batch string, urls []string) []string {
	t.Helper()
	ctx := context.Background()
	keys := make([]string, len(urls))
	for i, u := range urls {
		keys[i] = fmt.Sprintf("%s/%04d", batch, i)
		if _, err := q.EnqueueAudit(ctx, AuditArgs{Batch: batch, Key: keys[i], URL: u}); err != nil {
			t.Fatal(err)
		}
	}
	return keys
}

// waitOutcomes waits until batch has at least n outcomes stored, for at
// most limit (a bound against a hang, not a timing).
func waitOutcomes(t testing.TB, db *store.DB, batch string, n int, limit time.Duration) {
	t.Helper()
	deadline := time.Now().Add(limit)
	for {
		ok, failed, err := db.CountBatch(context.Background(), batch)
		if err != nil {
			t.Fatal(err)
		}
		if ok+failed >= n {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("after %s, %d of %d audits stored (%d failed)", limit, ok+failed, n, failed)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// checkOnce checks that every site has exactly one stored result, of the
// right site, and that River completed every audit job and discarded none.
func checkOnce(t *testing.T, q *Queue, batch string, urls, keys []string) {
	t.Helper()
	ctx := context.Background()
	got, err := q.DB.BatchAudits(ctx, batch)
	if err != nil {
		t.Fatal(err)
	}
	byKey := map[string][]store.Audit{}
	for _, a := range got {
		byKey[a.Key] = append(byKey[a.Key], a)
	}
	if len(got) != len(urls) {
		t.Errorf("%d outcomes stored for %d audits", len(got), len(urls))
	}
	for i, k := range keys {
		as := byKey[k]
		if len(as) != 1 {
			t.Errorf("audit %s of %s stored %d times", k, urls[i], len(as))
			continue
		}
		if as[0].Error != "" {
			t.Errorf("audit of %s failed: %s", urls[i], as[0].Error)
			continue
		}
		var r audit.Result
		if err := json.Unmarshal(as[0].Result, &r); err != nil || r.PagesCrawled == 0 {
			t.Errorf("audit of %s: %d pages, %v", urls[i], r.PagesCrawled, err)
		}
		if as[0].Site != r.URL || !strings.HasPrefix(r.URL, strings.TrimSuffix(urls[i], "/")) {
			t.Errorf("audit %s is of %s (stored as %s), want %s", k, r.URL, as[0].Site, urls[i])
		}
	}
	states, err := q.CountJobs(ctx, KindAudit)
	if err != nil {
		t.Fatal(err)
	}
	if states[rivertype.JobStateCompleted] != len(urls) || len(states) != 1 {
		t.Errorf("audit jobs by state %v, want %d completed and nothing else", states, len(urls))
	}
}

const corpusSize = 500

func TestAuditsCompleteOnceOnPostgresWithAWorkerKilled(t *testing.T) {
	dsn := pgtest.NewDB(t)
	ctx := context.Background()
	db, err := store.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	q, err := Open(ctx, db, Options{}) // enqueues only
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	urls := corpus(t, corpusSize)
	keys := enqueueAll(t, q, "pg", urls)
	// Enqueuing again (a resumed run) adds nothing.
	if e, err := q.EnqueueAudit(ctx, AuditArgs{Batch: "pg", Key: keys[7], URL: urls[7]}); err != nil || !e.Duplicate {
		t.Fatalf("second enqueue = %+v, %v; want a duplicate", e, err)
	}
	ws := []*worker{startWorker(t, dsn, 4), startWorker(t, dsn, 4), startWorker(t, dsn, 4)}
	waitOutcomes(t, db, "pg", corpusSize/5, 3*time.Minute)
	// Killed mid-run: its running audits are stored by no one until River
	// hands them to the others.
	if err := ws[1].cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	ws[1].cmd.Wait()
	waitOutcomes(t, db, "pg", corpusSize, 3*time.Minute)
	for _, w := range []*worker{ws[0], ws[2]} {
		if _, err := w.stop(); err != nil {
			t.Errorf("worker exited: %v", err)
		}
	}
	checkOnce(t, q, "pg", urls, keys)
	// The killed worker's audits were taken from it and run again.
	res, err := q.c.JobList(ctx, river.NewJobListParams().Kinds(KindAudit).States(rivertype.JobStateCompleted).First(corpusSize))
	if err != nil {
		t.Fatal(err)
	}
	rescued := 0
	for _, j := range res.Jobs {
		if j.Attempt > 1 {
			rescued++
		}
	}
	if rescued == 0 {
		t.Error("no audit was run again after its worker was killed")
	}
	t.Logf("%d audits run again after their worker was killed", rescued)
}

func TestAuditsCompleteOnceOnSQLiteInOneProcess(t *testing.T) {
	ctx := context.Background()
	db, err := store.Open(ctx, filepath.Join(t.TempDir(), "shopper.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	q, err := Open(ctx, db, Options{Workers: 4, Audit: testAudit(), PollInterval: 200 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	urls := corpus(t, corpusSize)
	keys := enqueueAll(t, q, "lite", urls)
	if err := q.Start(ctx); err != nil {
		t.Fatal(err)
	}
	waitOutcomes(t, db, "lite", corpusSize, 3*time.Minute)
	stopCtx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	if err := q.Stop(stopCtx); err != nil {
		t.Fatal(err)
	}
	checkOnce(t, q, "lite", urls, keys)
}

// sendArgs stands for an inquiry send: work that must happen once.
type sendArgs struct {
	Token string `json:"token"`
}

func (sendArgs) Kind() string { return "test_send" }

type sendWorker struct {
	river.WorkerDefaults[sendArgs]
	mu   *sync.Mutex
	sent map[string]int
}

func (w *sendWorker) Work(ctx context.Context, job *river.Job[sendArgs]) error {
	w.mu.Lock()
	w.sent[job.Args.Token]++
	w.mu.Unlock()
	return nil
}

func TestUniqueJobEnqueuedManyTimesFromSeveralClientsRunsOnce(t *testing.T) {
	for _, engine := range []string{"sqlite", "postgres"} {
		t.Run(engine, func(t *testing.T) {
			ctx := context.Background()
			dsn := "sqlite:" + filepath.Join(t.TempDir(), "s.db")
			if engine == "postgres" {
				dsn = pgtest.NewDB(t)
			}
			var mu sync.Mutex
			sent := map[string]int{}
			register := func(w *river.Workers) error {
				return river.AddWorkerSafely(w, &sendWorker{mu: &mu, sent: sent})
			}
			// Three clients, each with its own store and its own workers.
			var qs []*Queue
			for range 3 {
				db, err := store.Open(ctx, dsn)
				if err != nil {
					t.Fatal(err)
				}
				defer db.Close()
				q, err := Open(ctx, db, Options{Workers: 2, Register: register, PollInterval: 100 * time.Millisecond})
				if err != nil {
					t.Fatal(err)
				}
				defer q.Close()
				qs = append(qs, q)
			}
			for _, q := range qs {
				if err := q.Start(ctx); err != nil {
					t.Fatal(err)
				}
			}
			var wg sync.WaitGroup
			var emu sync.Mutex
			var ids []int64
			fresh := 0
			for i := range 30 {
				q := qs[i%3]
				wg.Go(func() {
					e, err := q.Enqueue(ctx, sendArgs{Token: "inq-42"}, EnqueueOptions{Unique: true})
					if err != nil {
						t.Error(err)
						return
					}
					emu.Lock()
					defer emu.Unlock()
					ids = append(ids, e.ID)
					if !e.Duplicate {
						fresh++
					}
				})
			}
			wg.Wait()
			if fresh != 1 {
				t.Fatalf("%d of 30 enqueues were not duplicates, want 1", fresh)
			}
			for _, id := range ids {
				if id != ids[0] {
					t.Fatalf("enqueues returned jobs %d and %d", ids[0], id)
				}
			}
			waitCtx, cancel := context.WithTimeout(ctx, time.Minute)
			defer cancel()
			if err := qs[0].WaitJob(waitCtx, ids[0], 50*time.Millisecond); err != nil {
				t.Fatal(err)
			}
			// Enqueued again after it ran: still nothing.
			if e, err := qs[2].Enqueue(ctx, sendArgs{Token: "inq-42"}, EnqueueOptions{Unique: true}); err != nil || !e.Duplicate {
				t.Fatalf("enqueue after completion = %+v, %v; want a duplicate", e, err)
			}
			for _, q := range qs {
				stopCtx, cancel := context.WithTimeout(ctx, 10*time.Second)
				q.Stop(stopCtx)
				cancel()
			}
			mu.Lock()
			defer mu.Unlock()
			if sent["inq-42"] != 1 {
				t.Fatalf("the send ran %d times, want once", sent["inq-42"])
			}
			// Without Unique the same args make a second job: the option
			// is what holds.
			if e, err := qs[0].Enqueue(ctx, sendArgs{Token: "inq-42"}, EnqueueOptions{}); err != nil || e.Duplicate || e.ID == ids[0] {
				t.Fatalf("plain enqueue = %+v, %v; want a new job", e, err)
			}
		})
	}
}

// A transient audit of a site that cannot be reached is cancelled, and
// WaitJob says why in the crawler's own sentence, without River's type
// name in front.
func TestWaitJobSaysWhyAnAuditWasCancelled(t *testing.T) {
	ctx := context.Background()
	db, err := store.Open(ctx, filepath.Join(t.TempDir(), "shopper.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	q, err := Open(ctx, db, Options{Workers: 1, Audit: testAudit(), PollInterval: 100 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	if err := q.Start(ctx); err != nil {
		t.Fatal(err)
	}
	defer func() {
		stopCtx, cancel := context.WithTimeout(ctx, 10*time.Second)
		defer cancel()
		_ = q.Stop(stopCtx)
	}()
	e, err := q.EnqueueAudit(ctx, AuditArgs{Batch: "gone", Key: "gone", URL: "http://127.0.0.1:1/", Transient: true})
	if err != nil {
		t.Fatal(err)
	}
	wctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	err = q.WaitJob(wctx, e.ID, 50*time.Millisecond)
	if !errors.Is(err, ErrJobFailed) || strings.Contains(err.Error(), "JobCancelError") || !strings.Contains(err.Error(), "127.0.0.1:1") {
		t.Fatalf("WaitJob = %v, want ErrJobFailed with the crawler's sentence only", err)
	}
}
