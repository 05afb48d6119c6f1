package jobs

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/riverqueue/river"

	"github.com/shopper-audit/shopper/crawler"
	"github.com/shopper-audit/shopper/store"
)

// AuditArgs is an audit job: audit one site and store the outcome under
// Key. Enqueue with EnqueueAudit.
type AuditArgs struct {
	// Batch groups the audits of one benchmark (store.Audit.Batch).
	Batch string `json:"batch"`
	// Key identifies the audit: one outcome is stored per key, however
	// often the job runs.
	Key string `json:"key"`
	// URL is the site's address.
	URL string `json:"url"`
	// Region is the ISO region for national phone numbers; empty means
	// from the site.
	Region string `json:"region,omitempty"`
	// Transient keeps failures out of the store: a site that cannot be
	// audited ends the job (cancelled for the site's own error, else
	// discarded after the last try) with the reason, and enqueuing the
	// same audit again tries again. A campaign's audits are so: its next
	// run audits what is missing.
	Transient bool `json:"transient,omitempty"`
}

// KindAudit is the River kind of audit jobs.
const KindAudit = "audit"

// Kind implements river.JobArgs.
func (AuditArgs) Kind() string { return KindAudit }

// InsertOpts puts audits on their own queue, tried three times.
func (AuditArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{Queue: QueueAudits, MaxAttempts: 3}
}

// EnqueueAudit enqueues an audit job, unique by its args: enqueuing the
// same audit again (a resumed benchmark) does nothing while the first is
// waiting, running or completed, and a completed audit is never redone.
func (q *Queue) EnqueueAudit(ctx context.Context, a AuditArgs) (Enqueued, error) {
	if a.Key == "" || a.URL == "" {
		return Enqueued{}, fmt.Errorf("enqueue audit: key and URL are required")
	}
	return q.Enqueue(ctx, a, EnqueueOptions{Unique: true})
}

type auditWorker struct {
	river.WorkerDefaults[AuditArgs]
	q     *Queue
	opts  Options
	hosts *hostLocks
}

// Work audits the site unless its outcome is already stored (the job ran
// before and its worker died before River heard), and stores the result.
// A site that cannot be audited is stored as a failure at once when the
// reason is the site's (a *crawler.HomeError), otherwise on the last try.
func (w *auditWorker) Work(ctx context.Context, job *river.Job[AuditArgs]) error {
	a := job.Args
	db := w.q.DB
	done, err := db.JobAuditDone(ctx, a.Key)
	if err != nil {
		return err
	}
	if done {
		return nil
	}
	// One audit of a host at a time in this process: the crawler's delay
	// is per audit, and two audits of one host would double the load.
	unlock, err := w.hosts.lock(ctx, hostOf(a.URL))
	if err != nil {
		return err
	}
	defer unlock()

	o := w.opts.Audit
	if a.Region != "" {
		o.Region = a.Region
	}
	started := time.Now().UTC()
	r, err := w.opts.RunAudit(ctx, a.URL, o)
	if err != nil {
		if ctx.Err() != nil {
			return err // stopped or timed out: run again
		}
		var he *crawler.HomeError
		if a.Transient {
			if errors.As(err, &he) {
				return river.JobCancel(err)
			}
			return err
		}
		if errors.As(err, &he) || job.Attempt >= job.MaxAttempts {
			_, serr := db.SaveJobAudit(ctx, store.Audit{Site: a.URL, At: started, Error: err.Error(), Batch: a.Batch, Key: a.Key})
			return serr
		}
		return err
	}
	b, err := json.Marshal(r)
	if err != nil {
		return fmt.Errorf("encode audit of %s: %w", a.URL, err)
	}
	at := started
	if r.AuditedAt != nil {
		at = *r.AuditedAt
	}
	site := r.URL
	if site == "" {
		site = a.URL
	}
	_, err = db.SaveJobAudit(ctx, store.Audit{Site: site, At: at, Result: b, Batch: a.Batch, Key: a.Key})
	return err
}

func hostOf(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return raw
	}
	// Host and port: sites served on one address at different ports are
	// different servers.
	return strings.ToLower(u.Host)
}

// hostLocks serialises work per host.
type hostLocks struct {
	mu   sync.Mutex
	held map[string]chan struct{}
}

func newHostLocks() *hostLocks { return &hostLocks{held: map[string]chan struct{}{}} }

// lock waits until no other job of this process works on host, or ctx is
// done, and returns the function that frees the host.
func (h *hostLocks) lock(ctx context.Context, host string) (func(), error) {
	for {
		h.mu.Lock()
		ch, busy := h.held[host]
		if !busy {
			ch = make(chan struct{})
			h.held[host] = ch
			h.mu.Unlock()
			return func() {
				h.mu.Lock()
				delete(h.held, host)
				h.mu.Unlock()
				close(ch)
			}, nil
		}
		h.mu.Unlock()
		select {
		case <-ch:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
}
