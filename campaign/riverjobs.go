package campaign

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/rivertype"

	"github.com/shopper-audit/shopper/audit"
	"github.com/shopper-audit/shopper/campaign/jobs"
	"github.com/shopper-audit/shopper/store"
)

// The campaign's River jobs. A campaign run with a Queue (Runner.Queue)
// enqueues one send job per inquiry and, once an inquiry is sent, one
// deadline check at its deadline; any process that registered the kinds
// (RegisterJobs) and works the queues (JobQueues) does them: the run
// itself, and `shopper worker` processes on PostgreSQL.
//
// A job carries the campaign file's path and text (Source), never a
// password: a campaign file holds none, and each worker takes the
// passwords from its own environment (its JobRunner). Relative file names
// in the campaign (ca_file, password_file) are read beside the path on
// the worker's machine.
//
// Sends are exactly once whatever River does. A send job is unique by the
// inquiry's token, so enqueuing it again, from any process, adds nothing
// while it waits, runs, waits for a retry or has completed. Its work is
// the store-backed step of a run without a queue: "sending" is recorded
// with the Message-ID before the network, so a job run again (a retry, or
// the job of a killed worker rescued by River) that finds the inquiry
// "sending" only looks for it in the Sent folder and otherwise leaves it
// to the operator (ReasonUnknown). A send that certainly failed is
// retried by River; once its tries are spent the job is discarded and the
// next campaign run enqueues it again.

// Queues of the campaign's jobs. Only processes that register the
// campaign's kinds work them.
const (
	QueueSends     = "campaign_sends"
	QueueDeadlines = "campaign_deadlines"
)

// Kinds of the campaign's jobs.
const (
	KindSend     = "campaign_send"
	KindDeadline = "campaign_deadline"
)

// JobQueues are the queues a process working campaign jobs serves
// (jobs.Options.Queues), with how many jobs of each it works at once:
// sends one at a time, as a run without a queue sends them, and two
// deadline checks.
func JobQueues() map[string]int {
	return map[string]int{QueueSends: 1, QueueDeadlines: 2}
}

// Source is the campaign file a job works for.
type Source struct {
	// Path is where the file was read; it anchors its relative names.
	Path string `json:"path"`
	// Text is the file's text.
	Text string `json:"text"`
}

// File parses the campaign file.
func (s Source) File() (*File, error) { return Parse(s.Path, []byte(s.Text)) }

// SendArgs is a send job: send the inquiry with this token once.
type SendArgs struct {
	// Token identifies the inquiry; the job is unique by it.
	Token    string `json:"token" river:"unique"`
	Campaign string `json:"campaign"`
	Company  string `json:"company"`
	File     Source `json:"file"`
}

// Kind implements river.JobArgs.
func (SendArgs) Kind() string { return KindSend }

// InsertOpts puts sends on their queue, tried five times.
func (SendArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{Queue: QueueSends, MaxAttempts: 5}
}

// DeadlineArgs is a deadline check: at the inquiry's deadline, read the
// inbox a last time and mark it no_reply when no human reply came.
type DeadlineArgs struct {
	// Token identifies the inquiry; the job is unique by it.
	Token    string `json:"token" river:"unique"`
	Campaign string `json:"campaign"`
	Company  string `json:"company"`
	File     Source `json:"file"`
}

// Kind implements river.JobArgs.
func (DeadlineArgs) Kind() string { return KindDeadline }

// InsertOpts puts deadline checks on their queue, tried ten times (the
// inbox may be down for a while).
func (DeadlineArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{Queue: QueueDeadlines, MaxAttempts: 10}
}

// JobRunner returns the Runner a send or deadline job of the campaign f
// works with: its Mailer, Inbox, Forms, Analyzer, CursorName, Out and
// CatchUp, built from this process's own settings and environment (the
// passwords). The job sets File and DB.
type JobRunner func(ctx context.Context, f *File) (*Runner, error)

// RegisterJobs adds the campaign's job kinds to a Queue's workers
// (jobs.Options.Register); the jobs keep their state in db.
func RegisterJobs(w *river.Workers, db *store.DB, newRunner JobRunner) error {
	if newRunner == nil {
		return errors.New("campaign jobs: no JobRunner")
	}
	if err := river.AddWorkerSafely(w, &sendWorker{db: db, newRunner: newRunner}); err != nil {
		return err
	}
	return river.AddWorkerSafely(w, &deadlineWorker{db: db, newRunner: newRunner})
}

// jobRunner builds the runner of a job, or says why the job can never work.
func jobRunner(ctx context.Context, db *store.DB, newRunner JobRunner, src Source) (*Runner, error) {
	f, err := src.File()
	if err != nil {
		return nil, river.JobCancel(fmt.Errorf("campaign job: %w", err))
	}
	r, err := newRunner(ctx, f)
	if err != nil {
		return nil, fmt.Errorf("campaign %s: %w", f.Name, err)
	}
	r.File, r.DB, r.FileText = f, db, []byte(src.Text)
	if r.Out == nil {
		r.Out = os.Stderr
	}
	return r, nil
}

type sendWorker struct {
	river.WorkerDefaults[SendArgs]
	db        *store.DB
	newRunner JobRunner
}

// Work sends the inquiry unless it is no longer a draft.
func (w *sendWorker) Work(ctx context.Context, job *river.Job[SendArgs]) error {
	r, err := jobRunner(ctx, w.db, w.newRunner, job.Args.File)
	if err != nil {
		return err
	}
	return r.sendJob(ctx, job.Args.Token)
}

// sendJob is the work of a send job: the exactly-once step of sendOne,
// after settling what an earlier try left.
func (r *Runner) sendJob(ctx context.Context, token string) error {
	q, err := r.inquiry(ctx, token)
	if errors.Is(err, store.ErrNotFound) {
		return river.JobCancel(err)
	}
	if err != nil {
		return err
	}
	switch {
	case q.Status == store.StatusSending:
		// An earlier try was cut off mid-send: never send blindly.
		if err := r.resumeSending(ctx, q); err != nil {
			return err
		}
		return r.afterSend(ctx, token)
	case q.Status == store.StatusFailed && strings.HasPrefix(q.Reason, reasonNotSent):
		// An earlier try certainly did not send it: try again.
		// (A resumed run may have put it back to draft first.)
		if err := r.DB.SetStatus(ctx, q.ID, []string{store.StatusFailed}, store.Change{Status: store.StatusDraft}); err != nil && !errors.Is(err, store.ErrConflict) {
			return err
		}
		if q, err = r.inquiry(ctx, token); err != nil {
			return err
		}
		if q.Status != store.StatusDraft {
			return r.afterSend(ctx, token)
		}
	case q.Status != store.StatusDraft:
		return r.afterSend(ctx, token)
	}
	if r.Mailer == nil && q.Channel == "email" {
		return errors.New("this process has no mailer to send e-mail with")
	}
	if err := r.sendOne(ctx, q); err != nil {
		return err
	}
	return r.afterSend(ctx, token)
}

// afterSend ends a send job: a sent inquiry gets its deadline check; one
// that certainly was not sent makes the job fail, so that River tries it
// again.
func (r *Runner) afterSend(ctx context.Context, token string) error {
	q, err := r.inquiry(ctx, token)
	if err != nil {
		return err
	}
	switch {
	case q.Status == store.StatusSent:
		if jq := jobs.FromContext(ctx); jq != nil {
			return r.enqueueDeadline(ctx, jq, q)
		}
	case q.Status == store.StatusFailed && strings.HasPrefix(q.Reason, reasonNotSent):
		return errors.New(q.Company + ": " + q.Reason)
	}
	return nil
}

type deadlineWorker struct {
	river.WorkerDefaults[DeadlineArgs]
	db        *store.DB
	newRunner JobRunner
}

// Work checks the inquiry's deadline.
func (w *deadlineWorker) Work(ctx context.Context, job *river.Job[DeadlineArgs]) error {
	r, err := jobRunner(ctx, w.db, w.newRunner, job.Args.File)
	if err != nil {
		return err
	}
	return r.deadlineJob(ctx, job.Args.Token)
}

// deadlineJob reads the inbox a last time for the inquiry, then marks it
// (and any other inquiry of the campaign past its deadline) no_reply
// unless a human reply came in time. The read stops once the inbox is
// read to its end, and lasts at most CatchUp (default 30 s).
func (r *Runner) deadlineJob(ctx context.Context, token string) error {
	q, err := r.inquiry(ctx, token)
	if errors.Is(err, store.ErrNotFound) {
		return river.JobCancel(err)
	}
	if err != nil || q.Status != store.StatusSent {
		return err // replied, closed, or never sent
	}
	deadline := r.File.DeadlineDuration()
	if wait := q.SentAt.Add(deadline).Sub(r.now()); wait > 0 {
		return river.JobSnooze(wait)
	}
	if r.Inbox == nil || r.Analyzer == nil {
		return errors.New("this process has no inbox to read")
	}
	// Read the inbox to its end (at most CatchUp), so a reply that came in
	// time but was not yet seen is counted before anything is closed.
	if err := r.catchUp(ctx, deadline); err != nil {
		return fmt.Errorf("deadline of %s: %w", q.Company, err)
	}
	_, _, err = r.closeOverdue(ctx)
	return err
}

// source is the campaign file as jobs carry it.
func (r *Runner) source() (Source, error) {
	text := r.FileText
	if text == nil {
		b, err := os.ReadFile(r.File.Path)
		if err != nil {
			return Source{}, fmt.Errorf("campaign %s: read the file for its jobs: %w", r.File.Name, err)
		}
		text = b
		r.FileText = b
	}
	return Source{Path: r.File.Path, Text: string(text)}, nil
}

func (r *Runner) enqueueDeadline(ctx context.Context, jq *jobs.Queue, q store.Inquiry) error {
	src, err := r.source()
	if err != nil {
		return err
	}
	_, err = jq.Enqueue(ctx, DeadlineArgs{Token: q.Token, Campaign: r.File.Name, Company: q.Company, File: src},
		jobs.EnqueueOptions{Unique: true, At: q.SentAt.Add(r.File.DeadlineDuration())})
	return err
}

// auditQueued audits, as audit jobs on the Queue, every company with a
// url and no stored audit, waits for them, and returns the stored audits.
// A site that could not be audited is audited again by the next run.
func (r *Runner) auditQueued(ctx context.Context, audits map[string]*audit.Result) (map[string]*audit.Result, error) {
	type pending struct {
		c  Company
		id int64
	}
	var wait []pending
	for _, c := range r.File.Companies {
		if audits[c.Name] != nil || c.URL == "" {
			continue
		}
		e, err := r.Queue.EnqueueAudit(ctx, jobs.AuditArgs{Batch: auditBatch(r.File.Name), Key: auditKey(r.File.Name, c.Name),
			URL: c.URL, Transient: true})
		if err != nil {
			return nil, err
		}
		if e.Duplicate {
			if err := r.Queue.RetryNow(ctx, e.ID); err != nil {
				return nil, err
			}
		}
		wait = append(wait, pending{c, e.ID})
	}
	if len(wait) == 0 {
		return audits, nil
	}
	r.logf("Auditing %d companies' sites.", len(wait))
	for _, p := range wait {
		if err := r.Queue.WaitJob(ctx, p.id, 200*time.Millisecond); err != nil {
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
			if !errors.Is(err, jobs.ErrJobFailed) {
				return nil, err
			}
			why := err.Error()
			if _, after, ok := strings.Cut(why, jobs.ErrJobFailed.Error()+": "); ok {
				why = after
			}
			r.logf("%s: could not audit %s (%s); it will be tried again on the next run.", p.c.Name, p.c.URL, strings.TrimSuffix(why, "."))
		}
	}
	return StoredAudits(ctx, r.DB, r.File)
}

// sendQueued enqueues a send job for every draft (and every inquiry left
// "sending" meanwhile), waits until each is settled — sent, failed,
// blocked, or failed for a try River will repeat — and enqueues the
// deadline checks of the sent ones.
func (r *Runner) sendQueued(ctx context.Context) error {
	src, err := r.source()
	if err != nil {
		return err
	}
	list, err := r.DB.Inquiries(ctx, r.File.Name)
	if err != nil {
		return err
	}
	ids := map[string]int64{}
	for _, q := range list {
		if q.Status != store.StatusDraft && q.Status != store.StatusSending {
			continue
		}
		e, err := r.Queue.Enqueue(ctx, SendArgs{Token: q.Token, Campaign: r.File.Name, Company: q.Company, File: src},
			jobs.EnqueueOptions{Unique: true})
		if err != nil {
			return err
		}
		if e.Duplicate {
			// A try that failed waits for its turn: take it now.
			if err := r.Queue.RetryNow(ctx, e.ID); err != nil {
				return err
			}
		}
		ids[q.Token] = e.ID
	}
	if len(ids) > 0 {
		r.logf("Queued %d inquiries to send.", len(ids))
	}
	told := false
	start := time.Now()
	for len(ids) > 0 {
		list, err := r.DB.Inquiries(ctx, r.File.Name)
		if err != nil {
			return err
		}
		for _, q := range list {
			id, ok := ids[q.Token]
			if !ok {
				continue
			}
			if q.Status != store.StatusDraft && q.Status != store.StatusSending {
				delete(ids, q.Token)
				continue
			}
			state, why, err := r.Queue.JobState(ctx, id)
			if err != nil {
				return err
			}
			if state == rivertype.JobStateDiscarded || state == rivertype.JobStateCancelled {
				r.logf("%s: the send job was given up (%s); the next run queues it again.", q.Company, strings.TrimSuffix(why, "."))
				delete(ids, q.Token)
			}
		}
		if len(ids) == 0 {
			break
		}
		if !told && time.Since(start) > 10*time.Second {
			told = true
			r.logf("Waiting for %d sends: they are sent by the processes working the queue (this one, or 'shopper worker').", len(ids))
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(100 * time.Millisecond):
		}
	}
	list, err = r.DB.Inquiries(ctx, r.File.Name)
	if err != nil {
		return err
	}
	for _, q := range list {
		if q.Status == store.StatusSent {
			if err := r.enqueueDeadline(ctx, r.Queue, q); err != nil {
				return err
			}
		}
	}
	return nil
}

// KeepAudit stores res as the campaign's audit of company, as its run
// would have: a campaign run then drafts from it without auditing the
// site again (shopper benchmark hands over its own audits so).
func KeepAudit(ctx context.Context, db *store.DB, f *File, company string, res *audit.Result, at time.Time) error {
	return saveAudit(ctx, db, f, company, res, at)
}
