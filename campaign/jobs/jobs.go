// Package jobs runs shopper's long work as River jobs in the store's
// database: audits and report builds, and any kind another package
// registers (the campaign's inquiry sends and deadline checks). The same
// code runs on the embedded SQLite file and on PostgreSQL; on PostgreSQL any
// number of processes on any number of machines share the work.
//
// Open migrates River's tables (rivermigrate) and builds a Queue. A Queue
// with Options.Workers > 0 works jobs once started; with 0 it only
// enqueues. Jobs are delivered at least once: a worker killed mid-job has its
// job run again elsewhere after Options.RescueAfter, so every worker here
// makes its effect idempotent (an audit is stored once per job key), and a
// job whose effect must never happen twice (an inquiry send) is enqueued
// with EnqueueOptions.Unique and records its effect before it acts.
package jobs

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
	"github.com/riverqueue/river/riverdriver/riversqlite"
	"github.com/riverqueue/river/rivermigrate"
	"github.com/riverqueue/river/rivertype"

	"github.com/shopper-audit/shopper/audit"
	"github.com/shopper-audit/shopper/store"
)

// Queue names. Audits have their own queue so that a machine can be given
// more audit workers than other work.
const (
	QueueAudits  = "audits"
	QueueDefault = river.QueueDefault
)

// Options configure a Queue. The zero value enqueues only.
type Options struct {
	// Workers is how many audit jobs this process works at once; it also
	// works that many jobs of the default queue. With 0 (the default) and
	// no Queues the Queue only enqueues.
	Workers int
	// Queues adds more queues for this process to work, with how many jobs
	// of each at once (e.g. a queue only this process serves). Names are
	// lower-case letters, digits, '-' and '_'.
	Queues map[string]int
	// Audit configures each audit (crawl limits, renderer). Its Region is
	// overridden by a job's own.
	Audit audit.Options
	// RunAudit audits one site. Default audit.Run.
	RunAudit func(ctx context.Context, siteURL string, opts audit.Options) (*audit.Result, error)
	// PDF writes a benchmark PDF of the results for report jobs that ask
	// for one. Default nil: report jobs write the JSON Lines file only.
	PDF func(w io.Writer, results []audit.Result) error
	// Register adds more job kinds to the workers (river.AddWorkerSafely),
	// e.g. the campaign's sends and deadline checks. It is called once by
	// Open when the Queue works jobs. Their Work finds the Queue with
	// FromContext, to enqueue follow-up jobs.
	Register func(w *river.Workers) error
	// Amend, when set, is called by report jobs for each company's audit
	// result before it is written (results.jsonl and the PDF), e.g. to
	// attach the outcomes of its test inquiries and score it again.
	Amend func(ctx context.Context, a ReportArgs, c Company, r *audit.Result) error
	// JobTimeout is the longest one job may run before its context is
	// cancelled and it is retried. Default 10 minutes.
	JobTimeout time.Duration
	// RescueAfter is how long a job may stay running before it is taken
	// for the job of a dead worker and run again. It must exceed
	// JobTimeout. Default JobTimeout plus one minute. River looks for such
	// jobs every 30 seconds.
	RescueAfter time.Duration
	// PollInterval is how often idle workers look for new jobs, besides
	// being told of them. Default one second.
	PollInterval time.Duration
	// Logger receives River's own log. Default: warnings and errors on
	// stderr.
	Logger *slog.Logger
}

// Queue is a River client on the store's database.
type Queue struct {
	// DB is the store the jobs keep their outcomes in.
	DB *store.DB

	c       client
	working bool
	pool    *pgxpool.Pool // PostgreSQL: River's pool
	lite    *sql.DB       // SQLite: River's one-connection pool
}

// client is the part of *river.Client the Queue uses; it hides the
// driver's transaction type.
type client interface {
	Start(ctx context.Context) error
	Stop(ctx context.Context) error
	StopAndCancel(ctx context.Context) error
	Insert(ctx context.Context, args river.JobArgs, opts *river.InsertOpts) (*rivertype.JobInsertResult, error)
	JobGet(ctx context.Context, id int64) (*rivertype.JobRow, error)
	JobList(ctx context.Context, params *river.JobListParams) (*river.JobListResult, error)
	JobRetry(ctx context.Context, id int64) (*rivertype.JobRow, error)
}

// Open migrates River's schema in db's database and returns a Queue on it.
// Close it when done.
func Open(ctx context.Context, db *store.DB, opts Options) (*Queue, error) {
	if opts.JobTimeout <= 0 {
		opts.JobTimeout = 10 * time.Minute
	}
	if opts.RescueAfter <= opts.JobTimeout {
		opts.RescueAfter = opts.JobTimeout + time.Minute
	}
	if opts.PollInterval <= 0 {
		opts.PollInterval = time.Second
	}
	if opts.RunAudit == nil {
		opts.RunAudit = audit.Run
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	}
	q := &Queue{DB: db, working: opts.Workers > 0 || len(opts.Queues) > 0}
	cfg := &river.Config{
		Logger:            opts.Logger,
		JobTimeout:        opts.JobTimeout,
		FetchPollInterval: opts.PollInterval,
		FetchCooldown:     min(opts.PollInterval, 100*time.Millisecond),
		// RescueStuckJobsAfter is when River reruns the job of a worker
		// that died.
		RescueStuckJobsAfter: opts.RescueAfter,
		// Every job's context carries its Queue (FromContext).
		Middleware: []rivertype.Middleware{river.WorkerMiddlewareFunc(
			func(ctx context.Context, _ *rivertype.JobRow, inner func(context.Context) error) error {
				return inner(context.WithValue(ctx, queueKey{}, q))
			})},
	}
	if q.working {
		// Every process knows every kind, so any may take any job of the
		// queues it works.
		w := river.NewWorkers()
		if err := river.AddWorkerSafely(w, &auditWorker{q: q, opts: opts, hosts: newHostLocks()}); err != nil {
			return nil, fmt.Errorf("job queue: %w", err)
		}
		if err := river.AddWorkerSafely(w, &reportWorker{q: q, pdf: opts.PDF, amend: opts.Amend}); err != nil {
			return nil, fmt.Errorf("job queue: %w", err)
		}
		if opts.Register != nil {
			if err := opts.Register(w); err != nil {
				return nil, fmt.Errorf("job queue: register job kinds: %w", err)
			}
		}
		cfg.Workers = w
		cfg.Queues = map[string]river.QueueConfig{}
		if opts.Workers > 0 {
			cfg.Queues[QueueAudits] = river.QueueConfig{MaxWorkers: opts.Workers}
			cfg.Queues[QueueDefault] = river.QueueConfig{MaxWorkers: opts.Workers}
		}
		for name, n := range opts.Queues {
			cfg.Queues[name] = river.QueueConfig{MaxWorkers: max(n, 1)}
		}
	}
	var err error
	switch db.Dialect {
	case store.Postgres:
		err = q.openPostgres(ctx, db, cfg)
	default:
		err = q.openSQLite(ctx, db, cfg)
	}
	if err != nil {
		q.Close()
		return nil, err
	}
	return q, nil
}

func (q *Queue) openPostgres(ctx context.Context, db *store.DB, cfg *river.Config) error {
	// River's driver wants a pgx pool; db.SQL is database/sql. The same
	// address opens both.
	pool, err := pgxpool.New(ctx, db.ConnString())
	if err != nil {
		return fmt.Errorf("job queue on %s: %w", db.URL, err)
	}
	q.pool = pool
	driver := riverpgxv5.New(pool)
	// Many workers may start at once: one migrates, the others wait.
	conn, err := pool.Acquire(ctx)
	if err != nil {
		return fmt.Errorf("job queue on %s: %w", db.URL, err)
	}
	defer conn.Release()
	if _, err := conn.Exec(ctx, `SELECT pg_advisory_lock(4242002)`); err != nil {
		return fmt.Errorf("job queue on %s: lock for migrations: %w", db.URL, err)
	}
	defer conn.Exec(context.WithoutCancel(ctx), `SELECT pg_advisory_unlock(4242002)`)
	if err := migrate(ctx, driver, db.URL, cfg.Logger); err != nil {
		return err
	}
	c, err := river.NewClient[pgx.Tx](driver, cfg)
	if err != nil {
		return fmt.Errorf("job queue on %s: %w", db.URL, err)
	}
	q.c = c
	return nil
}

func (q *Queue) openSQLite(ctx context.Context, db *store.DB, cfg *river.Config) error {
	// River's SQLite driver runs concurrent internal operations and asks
	// for a pool of one connection so they never meet SQLITE_BUSY
	// (riversqlite's package doc). It gets its own pool on the store's file;
	// the store's pool and other processes wait on the busy timeout.
	lite, err := sql.Open("sqlite", store.SQLiteDSN(db.Path))
	if err != nil {
		return fmt.Errorf("job queue on %s: %w", db.URL, err)
	}
	lite.SetMaxOpenConns(1)
	q.lite = lite
	driver := riversqlite.New(lite)
	if err := migrate(ctx, driver, db.URL, cfg.Logger); err != nil {
		return err
	}
	c, err := river.NewClient[*sql.Tx](driver, cfg)
	if err != nil {
		return fmt.Errorf("job queue on %s: %w", db.URL, err)
	}
	q.c = c
	return nil
}

// migrateMu keeps the queues of one process from migrating at once.
var migrateMu sync.Mutex

// migrate brings River's schema up to date. PostgreSQL callers hold an
// advisory lock; SQLite has none to take across processes, so a migration
// that fails (another process applied the same step) is tried again.
func migrate[TTx any](ctx context.Context, driver riverdriver.Driver[TTx], where string, logger *slog.Logger) error {
	migrateMu.Lock()
	defer migrateMu.Unlock()
	m, err := rivermigrate.New(driver, &rivermigrate.Config{Logger: logger})
	if err != nil {
		return fmt.Errorf("job queue on %s: migrations: %w", where, err)
	}
	for try := 1; ; try++ {
		_, err := m.Migrate(ctx, rivermigrate.DirectionUp, nil)
		if err == nil {
			return nil
		}
		if try == 3 || ctx.Err() != nil {
			return fmt.Errorf("job queue on %s: migrate: %w", where, err)
		}
	}
}

// Start starts working jobs; it returns at once. A Queue that only
// enqueues needs no Start.
func (q *Queue) Start(ctx context.Context) error {
	if !q.working {
		return nil
	}
	if err := q.c.Start(ctx); err != nil {
		return fmt.Errorf("start workers on %s: %w", q.DB.URL, err)
	}
	return nil
}

// Stop stops fetching jobs and waits for the running ones until ctx is
// done; then it cancels them (they are retried later, here or elsewhere)
// and waits up to ten seconds more for them to return.
func (q *Queue) Stop(ctx context.Context) error {
	if !q.working {
		return nil
	}
	err := q.c.Stop(ctx)
	if err != nil && ctx.Err() != nil {
		hard, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
		defer cancel()
		err = q.c.StopAndCancel(hard)
	}
	if err != nil {
		return fmt.Errorf("stop workers on %s: %w", q.DB.URL, err)
	}
	return nil
}

// Close releases River's connections; Stop the Queue first. The store
// stays open.
func (q *Queue) Close() {
	if q.pool != nil {
		q.pool.Close()
	}
	if q.lite != nil {
		q.lite.Close()
	}
}

// EnqueueOptions say how a job is enqueued. The zero value puts it on the
// args' own queue (InsertOpts) or the default queue, with River's retries.
type EnqueueOptions struct {
	// Queue overrides the queue.
	Queue string
	// Unique makes the job unique by its args (river:"unique" fields, or
	// all of them): while one with the same args is waiting, running,
	// retrying or completed, enqueuing another does nothing and reports a
	// duplicate. Enqueue inquiry sends so, from every process.
	Unique bool
	// MaxAttempts overrides how many times the job is tried.
	MaxAttempts int
	// At schedules the job for later.
	At time.Time
}

// Enqueued is what Enqueue did.
type Enqueued struct {
	// ID is the job's id (the existing job's, for a duplicate).
	ID int64
	// Duplicate is true when a unique job with the same args existed, and
	// nothing was enqueued.
	Duplicate bool
}

// Enqueue puts a job of any registered kind on the queue.
func (q *Queue) Enqueue(ctx context.Context, args river.JobArgs, o EnqueueOptions) (Enqueued, error) {
	io := &river.InsertOpts{Queue: o.Queue, MaxAttempts: o.MaxAttempts, ScheduledAt: o.At}
	if o.Unique {
		io.UniqueOpts = river.UniqueOpts{ByArgs: true}
	}
	res, err := q.c.Insert(ctx, args, io)
	if err != nil {
		return Enqueued{}, fmt.Errorf("enqueue %s job on %s: %w", args.Kind(), q.DB.URL, err)
	}
	return Enqueued{ID: res.Job.ID, Duplicate: res.UniqueSkippedAsDuplicate}, nil
}

type queueKey struct{}

// FromContext returns the Queue whose worker runs the job of ctx (the
// context a job's Work is given), or nil outside a job.
func FromContext(ctx context.Context) *Queue {
	q, _ := ctx.Value(queueKey{}).(*Queue)
	return q
}

// JobState returns the state of the job with this id (available,
// scheduled, running, retryable, completed, discarded, ...) and the error
// of its last failed try, if any.
func (q *Queue) JobState(ctx context.Context, id int64) (rivertype.JobState, string, error) {
	j, err := q.c.JobGet(ctx, id)
	if err != nil {
		return "", "", fmt.Errorf("job %d on %s: %w", id, q.DB.URL, err)
	}
	why := ""
	if n := len(j.Errors); n > 0 {
		why = j.Errors[n-1].Error
	}
	return j.State, why, nil
}

// RetryNow makes a job that waits for its next try (retryable or
// scheduled) available at once. A running or completed job is left alone.
func (q *Queue) RetryNow(ctx context.Context, id int64) error {
	j, err := q.c.JobGet(ctx, id)
	if err != nil {
		return fmt.Errorf("job %d on %s: %w", id, q.DB.URL, err)
	}
	if j.State != rivertype.JobStateRetryable && j.State != rivertype.JobStateScheduled {
		return nil
	}
	if _, err := q.c.JobRetry(ctx, id); err != nil {
		return fmt.Errorf("retry job %d on %s: %w", id, q.DB.URL, err)
	}
	return nil
}

// ErrJobFailed is returned by WaitJob for a job that was discarded or
// cancelled.
var ErrJobFailed = errors.New("job failed")

// WaitJob waits until the job with this id is completed, checking every
// poll, and returns ErrJobFailed (with the job's last error) when it was
// discarded or cancelled.
func (q *Queue) WaitJob(ctx context.Context, id int64, poll time.Duration) error {
	t := time.NewTicker(poll)
	defer t.Stop()
	for {
		j, err := q.c.JobGet(ctx, id)
		if err != nil {
			return fmt.Errorf("job %d on %s: %w", id, q.DB.URL, err)
		}
		switch j.State {
		case rivertype.JobStateCompleted:
			return nil
		case rivertype.JobStateDiscarded, rivertype.JobStateCancelled:
			why := string(j.State)
			if n := len(j.Errors); n > 0 {
				// River records a cancelled job's error with its type
				// name in front; the sentence is what people read.
				why = strings.TrimPrefix(j.Errors[n-1].Error, "JobCancelError: ")
			}
			return fmt.Errorf("%s job %d: %w: %s", j.Kind, id, ErrJobFailed, why)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-t.C:
		}
	}
}

// CountJobs counts the jobs of a kind in each state (e.g. to check that
// none was discarded).
func (q *Queue) CountJobs(ctx context.Context, kind string) (map[rivertype.JobState]int, error) {
	out := map[rivertype.JobState]int{}
	params := river.NewJobListParams().Kinds(kind).First(10000).States(
		rivertype.JobStateAvailable, rivertype.JobStateCancelled, rivertype.JobStateCompleted,
		rivertype.JobStateDiscarded, rivertype.JobStatePending, rivertype.JobStateRetryable,
		rivertype.JobStateRunning, rivertype.JobStateScheduled)
	for {
		res, err := q.c.JobList(ctx, params)
		if err != nil {
			return nil, fmt.Errorf("list %s jobs on %s: %w", kind, q.DB.URL, err)
		}
		for _, j := range res.Jobs {
			out[j.State]++
		}
		if len(res.Jobs) < 10000 {
			return out, nil
		}
		params = params.After(res.LastCursor)
	}
}
