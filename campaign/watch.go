package campaign

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sync/atomic"
	"time"

	"github.com/shopper-audit/shopper/store"
)

// errAllAnswered stops a watch once nothing is awaited.
var errAllAnswered = errors.New("every inquiry is answered or past its deadline")

// defaultCatchUp bounds a catch-up when Runner.CatchUp is zero.
const defaultCatchUp = 30 * time.Second

// CaughtUpInbox is an Inbox that also says when it has read every message
// it holds. Before closing inquiries as unanswered, a run reads the inbox
// to its end: with a CaughtUpInbox (IMAPInbox is one) until it says so,
// with any other Inbox for the whole Runner.CatchUp.
type CaughtUpInbox interface {
	Inbox
	// WatchCaughtUp is Watch that also calls caughtUp, with the cursor
	// reached, whenever every message the inbox held when it last looked
	// has been handed to handle and it is about to wait for more.
	// caughtUp runs on the goroutine that calls handle.
	WatchCaughtUp(ctx context.Context, from store.Cursor, handle func(Mail, store.Cursor) error, caughtUp func(store.Cursor)) error
}

// watch reads replies until every sent inquiry is replied to or past its
// deadline, or ctx ends. No inquiry is closed as unanswered before the
// inbox has been read to its end after its deadline passed: a reply that
// came in time but was not yet read counts.
func (r *Runner) watch(ctx context.Context) error {
	deadline := r.File.DeadlineDuration()
	for first := true; ; first = false {
		waiting, overdue, next, err := r.settle(ctx, false)
		if err != nil {
			return err
		}
		// Past deadlines, or deadlines that passed while shopper was not
		// running: replies that came in time may be waiting unread.
		if overdue > 0 || first && waiting == 0 && r.anySent(ctx) {
			if err := r.catchUp(ctx, deadline); err != nil {
				return err
			}
			if waiting, next, err = r.closeOverdue(ctx); err != nil {
				return err
			}
		}
		if waiting == 0 {
			r.logf("Every inquiry is answered or past its deadline.")
			return nil
		}
		cur, err := r.DB.Cursor(ctx, r.CursorName)
		if err != nil {
			return err
		}
		wctx, cancel := context.WithDeadline(ctx, next)
		r.hook("watching")
		err = r.Inbox.Watch(wctx, cur, func(m Mail, c store.Cursor) error {
			return r.handle(ctx, m, c, deadline)
		})
		cancel()
		switch {
		case errors.Is(err, errAllAnswered):
		case ctx.Err() != nil:
			return ctx.Err()
		case err != nil && !errors.Is(err, context.DeadlineExceeded):
			return fmt.Errorf("watch %s: %w", r.CursorName, err)
		default:
			// a deadline came: read the inbox to its end, close what is
			// overdue and go on
		}
	}
}

// catchUp reads the inbox from the stored cursor to its end: until a
// CaughtUpInbox says every message it holds was handled, or for
// Runner.CatchUp at most.
func (r *Runner) catchUp(ctx context.Context, deadline time.Duration) error {
	limit := r.CatchUp
	if limit <= 0 {
		limit = defaultCatchUp
	}
	cur, err := r.DB.Cursor(ctx, r.CursorName)
	if err != nil {
		return err
	}
	cctx, cancel := context.WithTimeout(ctx, limit)
	defer cancel()
	r.catchingUp = true
	defer func() { r.catchingUp = false }()
	handle := func(m Mail, c store.Cursor) error { return r.handle(ctx, m, c, deadline) }
	var caught atomic.Bool
	if in, ok := r.Inbox.(CaughtUpInbox); ok {
		err = in.WatchCaughtUp(cctx, cur, handle, func(store.Cursor) {
			caught.Store(true)
			cancel()
		})
	} else {
		err = r.Inbox.Watch(cctx, cur, handle)
	}
	switch {
	case caught.Load():
	case ctx.Err() != nil:
		return ctx.Err()
	case err != nil && !errors.Is(err, context.DeadlineExceeded):
		return fmt.Errorf("watch %s: %w", r.CursorName, err)
	default:
		if _, ok := r.Inbox.(CaughtUpInbox); ok {
			r.logf("The inbox was not read to its end within %s; replies not yet read are found by the next run.", limit)
		}
	}
	return nil
}

// anySent reports whether any inquiry of the campaign went out, so that
// replies to it may be waiting in the inbox.
func (r *Runner) anySent(ctx context.Context) bool {
	list, err := r.DB.Inquiries(ctx, r.File.Name)
	if err != nil {
		return true // let the watch find the store's error
	}
	for _, q := range list {
		if !q.SentAt.IsZero() {
			return true
		}
	}
	return false
}

// closeOverdue marks no_reply the sent inquiries past their deadline
// (replied those whose human reply was stored in time), and returns how
// many are still awaited and the earliest of their deadlines. Read the
// inbox to its end first (catchUp): a reply that came in time may be
// unread.
func (r *Runner) closeOverdue(ctx context.Context) (int, time.Time, error) {
	waiting, _, next, err := r.settle(ctx, true)
	return waiting, next, err
}

// settle marks replied the inquiries whose human reply was stored in
// time, and with close marks no_reply the sent inquiries past their
// deadline. It returns how many are still awaited, how many are past
// their deadline and still open (none with close), and the earliest
// deadline of those awaited.
func (r *Runner) settle(ctx context.Context, close bool) (waiting, overdue int, next time.Time, err error) {
	list, err := r.DB.Inquiries(ctx, r.File.Name)
	if err != nil {
		return 0, 0, time.Time{}, err
	}
	now := r.now()
	var tokens []string
	for _, q := range list {
		if q.Status == store.StatusSent || q.Status == store.StatusNoReply {
			tokens = append(tokens, q.Token)
		}
	}
	stored, err := r.DB.Replies(ctx, tokens)
	if err != nil {
		return 0, 0, time.Time{}, err
	}
	firstHuman := map[string]time.Time{}
	for _, rep := range stored {
		if _, ok := firstHuman[rep.Token]; !ok && !rep.AutoAck {
			firstHuman[rep.Token] = rep.ReceivedAt
		}
	}
	for _, q := range list {
		due := q.SentAt.Add(r.File.DeadlineDuration())
		if at, ok := firstHuman[q.Token]; ok && at.Before(due) && q.Status != store.StatusReplied {
			// A human reply was stored but the run stopped before the
			// inquiry was marked replied.
			err := r.DB.SetStatus(ctx, q.ID, []string{store.StatusSent, store.StatusNoReply}, store.Change{Status: store.StatusReplied, ClosedAt: at})
			if err != nil && !errors.Is(err, store.ErrConflict) {
				return 0, 0, time.Time{}, err
			}
			continue
		}
		if q.Status != store.StatusSent {
			continue
		}
		if !now.Before(due) {
			if !close {
				overdue++
				continue
			}
			if err := r.DB.SetStatus(ctx, q.ID, []string{store.StatusSent}, store.Change{Status: store.StatusNoReply,
				Reason: "no human reply within " + r.File.DeadlineDuration().String(), ClosedAt: now}); err != nil && !errors.Is(err, store.ErrConflict) {
				return 0, 0, time.Time{}, err
			}
			r.logf("%s: no human reply by the deadline.", q.Company)
			continue
		}
		waiting++
		if next.IsZero() || due.Before(next) {
			next = due
		}
	}
	return waiting, overdue, next, nil
}

// handle records one message of the inbox: a reply to one of the
// campaign's inquiries is stored with its analysis in the same
// transaction that moves the cursor past it; any other message only
// moves the cursor.
func (r *Runner) handle(ctx context.Context, m Mail, c store.Cursor, deadline time.Duration) error {
	list, err := r.DB.Inquiries(ctx, r.File.Name)
	if err != nil {
		return err
	}
	var tokens []string
	byToken := map[string]store.Inquiry{}
	for _, q := range list {
		switch {
		case q.Status == store.StatusSent, q.Status == store.StatusReplied, q.Status == store.StatusNoReply,
			q.Status == store.StatusFailed && q.Reason == ReasonUnknown && q.Channel == "email":
			tokens = append(tokens, q.Token)
			byToken[q.Token] = q
		}
	}
	token := r.Analyzer.Match(m, tokens)
	q, ok := byToken[token]
	if !ok {
		return r.DB.SetCursor(ctx, r.CursorName, c)
	}
	if q.Status == store.StatusFailed {
		// A reply to an inquiry whose send was interrupted shows it went
		// out: count from when sending began.
		err := r.DB.SetStatus(ctx, q.ID, []string{store.StatusFailed}, store.Change{Status: store.StatusSent, SentAt: q.SendingAt})
		if err != nil && !errors.Is(err, store.ErrConflict) {
			return err
		}
		q.Status, q.SentAt = store.StatusSent, q.SendingAt
		r.logf("%s: a reply shows the interrupted inquiry was sent.", q.Company)
	}
	if m.MessageID == "" {
		m.MessageID = fmt.Sprintf("%d.%d@%s", c.UIDValidity, c.LastUID, r.CursorName)
	}
	tpl, _ := r.File.Template(q.Template)
	p, _ := r.persona(q.Token)
	others, err := r.otherReplies(ctx, list, q.Company)
	if err != nil {
		return err
	}
	qn := Question{Token: q.Token, Subject: q.Subject, Body: q.Body, Persona: p, Company: q.Company, OtherReplies: others}
	if tpl != nil {
		qn.Language, qn.MustAddress = tpl.Language, tpl.MustAddress
	}
	a := r.Analyzer.Analyze(m, qn)
	js, err := json.Marshal(a)
	if err != nil {
		return fmt.Errorf("reply %s: %w", m.MessageID, err)
	}
	received := m.Received
	if received.IsZero() {
		received = r.now()
	}
	added, err := r.DB.AddReply(ctx, store.Reply{MessageID: m.MessageID, Token: q.Token, ReceivedAt: received,
		AutoAck: a.AutoAck, From: m.From, Subject: m.Subject, Text: m.Text, Analysis: js}, r.CursorName, c)
	if err != nil {
		return err
	}
	if added {
		kind := "a reply"
		if a.AutoAck {
			kind = "an automatic acknowledgement"
		}
		r.logf("%s: %s after %s.", q.Company, kind, received.Sub(q.SentAt).Round(time.Second))
		r.hook("reply")
	}
	if !a.AutoAck && received.Before(q.SentAt.Add(deadline)) {
		err := r.DB.SetStatus(ctx, q.ID, []string{store.StatusSent, store.StatusNoReply}, store.Change{Status: store.StatusReplied, ClosedAt: received})
		if err != nil && !errors.Is(err, store.ErrConflict) {
			return err
		}
	}
	// Inquiries past their deadline stay open here: watch closes them
	// once it has read the inbox to its end (catchUp).
	waiting, _, _, err := r.settle(ctx, false)
	if err != nil {
		return err
	}
	if waiting == 0 && !r.catchingUp {
		return errAllAnswered
	}
	return nil
}

// otherReplies returns the texts of the human replies stored for the
// inquiries of companies other than company.
func (r *Runner) otherReplies(ctx context.Context, list []store.Inquiry, company string) ([]string, error) {
	var tokens []string
	for _, q := range list {
		if q.Company != company {
			tokens = append(tokens, q.Token)
		}
	}
	stored, err := r.DB.Replies(ctx, tokens)
	if err != nil {
		return nil, err
	}
	var texts []string
	for _, rep := range stored {
		if !rep.AutoAck && rep.Text != "" {
			texts = append(texts, rep.Text)
		}
	}
	return texts, nil
}
