package jobs

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/shopper-audit/shopper/internal/pgtest"
	"github.com/shopper-audit/shopper/store"
)

// BenchmarkWorkers measures audits per second with 1, 2 and 3 worker
// processes on PostgreSQL and one on SQLite, each worker working 4 audits
// at once, over the same generated corpus served once for the whole run
// (SHOPPER_BENCH_SITES sites, default 300, of sitegen.MinPages pages).
// peak-MiB/worker is the largest VmHWM of the run's workers. Run:
//
//	go test ./campaign/jobs -run '^$' -bench Workers -benchtime 1x
func BenchmarkWorkers(b *testing.B) {
	n := 300
	if v, err := strconv.Atoi(os.Getenv("SHOPPER_BENCH_SITES")); err == nil && v > 0 {
		n = v
	}
	urls := corpus(b, n)
	for _, c := range []struct {
		name    string
		engine  string
		workers int
	}{
		{"postgres/1-process", "postgres", 1},
		{"postgres/2-processes", "postgres", 2},
		{"postgres/3-processes", "postgres", 3},
		{"sqlite/1-process", "sqlite", 1},
	} {
		b.Run(c.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				dsn := filepath.Join(b.TempDir(), "bench.db")
				if c.engine == "postgres" {
					dsn = pgtest.NewDB(b)
				}
				rate, peak := benchRun(b, dsn, urls, c.workers)
				b.ReportMetric(rate, "audits/s")
				b.ReportMetric(float64(peak)/(1<<20), "peak-MiB/worker")
			}
		})
	}
}

// benchRun enqueues an audit of every site, starts the worker processes,
// and returns the audits per second from their start to the last stored
// audit, and the largest peak RSS among them.
func benchRun(b *testing.B, dsn string, urls []string, procs int) (float64, int64) {
	b.Helper()
	b.StopTimer()
	ctx := context.Background()
	db, err := store.Open(ctx, dsn)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	q, err := Open(ctx, db, Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer q.Close()
	batch := fmt.Sprintf("bench%d", procs)
	enqueueAll(b, q, batch, urls)
	b.StartTimer()
	start := time.Now()
	var ws []*worker
	for range procs {
		ws = append(ws, startWorker(b, dsn, 4))
	}
	waitOutcomes(b, db, batch, len(urls), 10*time.Minute)
	secs := time.Since(start).Seconds()
	b.StopTimer()
	var peak int64
	for _, w := range ws {
		hwm, err := w.stop()
		if err != nil {
			b.Errorf("worker: %v", err)
		}
		peak = max(peak, hwm)
	}
	ok, failed, _ := db.CountBatch(ctx, batch)
	if failed > 0 || ok != len(urls) {
		b.Errorf("%d audited, %d failed, of %d", ok, failed, len(urls))
	}
	return float64(len(urls)) / secs, peak
}
