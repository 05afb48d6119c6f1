package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
)

// The inquiries of campaigns, the replies they drew and the IMAP cursors
// of the mailboxes watched for replies. Every step an inquiry takes
// (draft → sending → sent, failed or blocked → replied or no_reply) is a
// compare-and-set on its status, so two processes never both send one
// inquiry, and a reply is written in the same transaction that advances
// the cursor past it, so none is lost. Times are kept as RFC 3339 text in
// UTC on both engines.
func init() {
	const tables = `CREATE TABLE IF NOT EXISTS inquiries (
			id %s,
			campaign TEXT NOT NULL,
			company TEXT NOT NULL,
			template TEXT NOT NULL,
			channel TEXT NOT NULL,
			target TEXT NOT NULL,
			token TEXT NOT NULL UNIQUE,
			subject TEXT NOT NULL,
			body TEXT NOT NULL,
			message_id TEXT NOT NULL DEFAULT '',
			raw TEXT NOT NULL DEFAULT '',
			status TEXT NOT NULL,
			reason TEXT NOT NULL DEFAULT '',
			created_at TEXT NOT NULL,
			sending_at TEXT NOT NULL DEFAULT '',
			sent_at TEXT NOT NULL DEFAULT '',
			closed_at TEXT NOT NULL DEFAULT '',
			UNIQUE (campaign, company, template));
		CREATE TABLE IF NOT EXISTS inquiry_replies (
			message_id TEXT PRIMARY KEY,
			token TEXT NOT NULL,
			received_at TEXT NOT NULL,
			auto_ack INTEGER NOT NULL,
			from_addr TEXT NOT NULL DEFAULT '',
			subject TEXT NOT NULL DEFAULT '',
			analysis TEXT NOT NULL DEFAULT '');
		CREATE INDEX IF NOT EXISTS inquiry_replies_token ON inquiry_replies (token, received_at);
		CREATE TABLE IF NOT EXISTS imap_cursors (
			name TEXT PRIMARY KEY,
			uid_validity BIGINT NOT NULL,
			last_uid BIGINT NOT NULL)`
	Register(Migration{
		Name:     "0010_inquiries",
		SQLite:   fmt.Sprintf(tables, "INTEGER PRIMARY KEY AUTOINCREMENT"),
		Postgres: fmt.Sprintf(tables, "BIGSERIAL PRIMARY KEY"),
	})
}

// The text of each reply is kept with it, so later replies can be
// compared with those of other companies (a template reads the same).
func init() {
	const add = `ALTER TABLE inquiry_replies ADD COLUMN text TEXT NOT NULL DEFAULT ''`
	Register(Migration{Name: "0012_inquiry_reply_text", SQLite: add, Postgres: add})
}

// The statuses an inquiry passes through.
const (
	// StatusDraft: written, targets fixed, not sent.
	StatusDraft = "draft"
	// StatusSending: about to go out; set before any network step, so a
	// crash leaves a trace that forbids a second send.
	StatusSending = "sending"
	// StatusSent: delivered to the SMTP server or the form; awaiting a reply.
	StatusSent = "sent"
	// StatusReplied: a human reply came.
	StatusReplied = "replied"
	// StatusNoReply: no human reply by the deadline.
	StatusNoReply = "no_reply"
	// StatusFailed: not sent, or not known to be sent (see Reason).
	StatusFailed = "failed"
	// StatusBlocked: the form refused an automatic sender (a CAPTCHA).
	StatusBlocked = "blocked"
)

// ErrConflict is returned when an inquiry is not in the status a change
// expects: another process moved it first.
var ErrConflict = errors.New("inquiry is not in the expected status")

// Inquiry is one stored test inquiry.
type Inquiry struct {
	ID int64
	// Campaign, Company and Template identify the inquiry: a campaign sends
	// each company each template at most once.
	Campaign, Company, Template string
	// Channel is "email" or "form"; Target the address or the form page.
	Channel, Target string
	// Token marks the inquiry and its replies; unique in the store.
	Token string
	// Subject and Body are the inquiry's text, placeholders filled in.
	Subject, Body string
	// MessageID and Raw are the message as sent (e-mail), fixed when the
	// inquiry enters StatusSending.
	MessageID string
	Raw       []byte
	// Status is one of the Status constants; Reason says why for failed,
	// blocked and no_reply.
	Status, Reason string
	// CreatedAt is when the draft was written; SendingAt when sending
	// began; SentAt when it was sent; ClosedAt when it was found replied
	// or past its deadline. Zero when not (yet) so.
	CreatedAt, SendingAt, SentAt, ClosedAt time.Time
}

// Reply is one stored reply to an inquiry.
type Reply struct {
	// MessageID identifies the reply; a second reply with the same
	// Message-ID is ignored.
	MessageID string
	// Token is the inquiry's token.
	Token string
	// ReceivedAt is when the reply arrived.
	ReceivedAt time.Time
	// AutoAck is true for an automatic acknowledgement.
	AutoAck bool
	// From and Subject are the reply's sender and subject, for people.
	From, Subject string
	// Text is the reply's decoded text.
	Text string
	// Analysis is the reply's analysis as JSON.
	Analysis []byte
}

// Cursor is how far a mailbox has been read: the UID validity of the
// folder and the last UID handled.
type Cursor struct {
	UIDValidity uint32
	LastUID     uint32
}

const inquiryCols = `id, campaign, company, template, channel, target, token, subject, body,
	message_id, raw, status, reason, created_at, sending_at, sent_at, closed_at`

// AddInquiry stores q as a new inquiry unless the campaign already has one
// for q's company and template; either way q is then filled in from the
// stored row, and created says which happened.
func (db *DB) AddInquiry(ctx context.Context, q *Inquiry) (created bool, err error) {
	if q.Status == "" {
		q.Status = StatusDraft
	}
	if q.CreatedAt.IsZero() {
		q.CreatedAt = time.Now()
	}
	res, err := db.SQL.ExecContext(ctx, `INSERT INTO inquiries
		(campaign, company, template, channel, target, token, subject, body, message_id, raw, status, reason, created_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
		ON CONFLICT (campaign, company, template) DO NOTHING`,
		q.Campaign, q.Company, q.Template, q.Channel, q.Target, q.Token, q.Subject, q.Body,
		q.MessageID, string(q.Raw), q.Status, q.Reason, fmtTime(q.CreatedAt))
	if err != nil {
		return false, fmt.Errorf("store inquiry %s/%s: %w", q.Company, q.Template, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, fmt.Errorf("store inquiry %s/%s: %w", q.Company, q.Template, err)
	}
	got, err := db.Inquiry(ctx, q.Campaign, q.Company, q.Template)
	if err != nil {
		return false, err
	}
	*q = *got
	return n == 1, nil
}

// Inquiry returns the campaign's inquiry for a company and template, or
// ErrNotFound.
func (db *DB) Inquiry(ctx context.Context, campaign, company, template string) (*Inquiry, error) {
	rows, err := db.SQL.QueryContext(ctx, `SELECT `+inquiryCols+` FROM inquiries
		WHERE campaign = $1 AND company = $2 AND template = $3`, campaign, company, template)
	if err != nil {
		return nil, fmt.Errorf("read inquiry %s/%s: %w", company, template, err)
	}
	list, err := scanInquiries(rows)
	if err != nil {
		return nil, fmt.Errorf("read inquiry %s/%s: %w", company, template, err)
	}
	if len(list) == 0 {
		return nil, fmt.Errorf("inquiry %s/%s: %w", company, template, ErrNotFound)
	}
	return &list[0], nil
}

// Inquiries returns the campaign's inquiries in the order they were added.
func (db *DB) Inquiries(ctx context.Context, campaign string) ([]Inquiry, error) {
	rows, err := db.SQL.QueryContext(ctx, `SELECT `+inquiryCols+` FROM inquiries
		WHERE campaign = $1 ORDER BY id`, campaign)
	if err != nil {
		return nil, fmt.Errorf("read inquiries of %s: %w", campaign, err)
	}
	list, err := scanInquiries(rows)
	if err != nil {
		return nil, fmt.Errorf("read inquiries of %s: %w", campaign, err)
	}
	return list, nil
}

func scanInquiries(rows *sql.Rows) ([]Inquiry, error) {
	defer rows.Close()
	var list []Inquiry
	for rows.Next() {
		var q Inquiry
		var raw, created, sending, sent, closed string
		if err := rows.Scan(&q.ID, &q.Campaign, &q.Company, &q.Template, &q.Channel, &q.Target, &q.Token,
			&q.Subject, &q.Body, &q.MessageID, &raw, &q.Status, &q.Reason, &created, &sending, &sent, &closed); err != nil {
			return nil, err
		}
		if raw != "" {
			q.Raw = []byte(raw)
		}
		q.CreatedAt, q.SendingAt, q.SentAt, q.ClosedAt = parseTime(created), parseTime(sending), parseTime(sent), parseTime(closed)
		list = append(list, q)
	}
	return list, rows.Err()
}

// MarkSending moves a draft to StatusSending, recording the message about
// to be sent; it must be called, and succeed, before the inquiry is sent.
// It returns ErrConflict when the inquiry is no longer a draft.
func (db *DB) MarkSending(ctx context.Context, id int64, messageID string, raw []byte, at time.Time) error {
	res, err := db.SQL.ExecContext(ctx, `UPDATE inquiries SET status = $1, message_id = $2, raw = $3, sending_at = $4
		WHERE id = $5 AND status = $6`, StatusSending, messageID, string(raw), fmtTime(at), id, StatusDraft)
	return checkOne(res, err, id, StatusSending)
}

// Change is a change of an inquiry's status (SetStatus).
type Change struct {
	// Status is the new status.
	Status string
	// Reason says why; it replaces the stored reason.
	Reason string
	// SentAt, when not zero, records when the inquiry was sent.
	SentAt time.Time
	// ClosedAt, when not zero, records when it was found replied or past
	// its deadline.
	ClosedAt time.Time
}

// SetStatus changes an inquiry's status if it is one of from; otherwise
// it returns ErrConflict and changes nothing.
func (db *DB) SetStatus(ctx context.Context, id int64, from []string, c Change) error {
	if len(from) == 0 {
		return fmt.Errorf("set status of inquiry %d: no status to change from", id)
	}
	args := []any{c.Status, c.Reason, id}
	sets := `status = $1, reason = $2`
	if !c.SentAt.IsZero() {
		args = append(args, fmtTime(c.SentAt))
		sets += fmt.Sprintf(", sent_at = $%d", len(args))
	}
	if !c.ClosedAt.IsZero() {
		args = append(args, fmtTime(c.ClosedAt))
		sets += fmt.Sprintf(", closed_at = $%d", len(args))
	}
	marks := make([]string, len(from))
	for i, s := range from {
		args = append(args, s)
		marks[i] = fmt.Sprintf("$%d", len(args))
	}
	res, err := db.SQL.ExecContext(ctx, `UPDATE inquiries SET `+sets+` WHERE id = $3 AND status IN (`+strings.Join(marks, ", ")+`)`, args...)
	return checkOne(res, err, id, c.Status)
}

func checkOne(res sql.Result, err error, id int64, to string) error {
	if err != nil {
		return fmt.Errorf("set inquiry %d %s: %w", id, to, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return fmt.Errorf("set inquiry %d %s: %w", id, to, err)
	}
	if n != 1 {
		return fmt.Errorf("set inquiry %d %s: %w", id, to, ErrConflict)
	}
	return nil
}

// AddReply records a reply and, in the same transaction, advances the
// named mailbox cursor to cur (when name is not empty), so a reply is
// never passed over without being kept. A reply whose Message-ID is
// already stored is ignored: added is false.
func (db *DB) AddReply(ctx context.Context, r Reply, name string, cur Cursor) (added bool, err error) {
	if r.MessageID == "" {
		return false, fmt.Errorf("store reply to %s: no Message-ID", r.Token)
	}
	err = db.Tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `INSERT INTO inquiry_replies
			(message_id, token, received_at, auto_ack, from_addr, subject, analysis, text)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (message_id) DO NOTHING`,
			r.MessageID, r.Token, fmtTime(r.ReceivedAt), boolInt(r.AutoAck), r.From, r.Subject, string(r.Analysis), r.Text)
		if err != nil {
			return fmt.Errorf("store reply %s: %w", r.MessageID, err)
		}
		n, err := res.RowsAffected()
		if err != nil {
			return fmt.Errorf("store reply %s: %w", r.MessageID, err)
		}
		added = n == 1
		if name != "" {
			return setCursor(ctx, tx, name, cur)
		}
		return nil
	})
	return added, err
}

// Replies returns the replies to the given tokens, oldest first.
func (db *DB) Replies(ctx context.Context, tokens []string) ([]Reply, error) {
	if len(tokens) == 0 {
		return nil, nil
	}
	marks := make([]string, len(tokens))
	args := make([]any, len(tokens))
	for i, t := range tokens {
		marks[i] = fmt.Sprintf("$%d", i+1)
		args[i] = t
	}
	rows, err := db.SQL.QueryContext(ctx, `SELECT message_id, token, received_at, auto_ack, from_addr, subject, analysis, text
		FROM inquiry_replies WHERE token IN (`+strings.Join(marks, ", ")+`) ORDER BY received_at, message_id`, args...)
	if err != nil {
		return nil, fmt.Errorf("read replies: %w", err)
	}
	defer rows.Close()
	var list []Reply
	for rows.Next() {
		var r Reply
		var at, analysis string
		var ack int
		if err := rows.Scan(&r.MessageID, &r.Token, &at, &ack, &r.From, &r.Subject, &analysis, &r.Text); err != nil {
			return nil, fmt.Errorf("read replies: %w", err)
		}
		r.ReceivedAt, r.AutoAck = parseTime(at), ack != 0
		if analysis != "" {
			r.Analysis = []byte(analysis)
		}
		list = append(list, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read replies: %w", err)
	}
	return list, nil
}

// Cursor returns the named mailbox cursor; the zero Cursor when none is
// stored.
func (db *DB) Cursor(ctx context.Context, name string) (Cursor, error) {
	var c Cursor
	var v, u int64
	err := db.SQL.QueryRowContext(ctx, `SELECT uid_validity, last_uid FROM imap_cursors WHERE name = $1`, name).Scan(&v, &u)
	if errors.Is(err, sql.ErrNoRows) {
		return c, nil
	}
	if err != nil {
		return c, fmt.Errorf("read cursor %s: %w", name, err)
	}
	return Cursor{UIDValidity: uint32(v), LastUID: uint32(u)}, nil
}

// SetCursor stores the named mailbox cursor.
func (db *DB) SetCursor(ctx context.Context, name string, c Cursor) error {
	return db.Tx(ctx, func(tx *sql.Tx) error { return setCursor(ctx, tx, name, c) })
}

func setCursor(ctx context.Context, tx *sql.Tx, name string, c Cursor) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO imap_cursors (name, uid_validity, last_uid) VALUES ($1, $2, $3)
		ON CONFLICT (name) DO UPDATE SET uid_validity = excluded.uid_validity, last_uid = excluded.last_uid`,
		name, int64(c.UIDValidity), int64(c.LastUID))
	if err != nil {
		return fmt.Errorf("store cursor %s: %w", name, err)
	}
	return nil
}

func fmtTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(timeLayout)
}

// timeLayout is RFC 3339 with a fixed number of fraction digits, so the
// text sorts as the times do.
const timeLayout = "2006-01-02T15:04:05.000000000Z07:00"

func parseTime(s string) time.Time {
	if s == "" {
		return time.Time{}
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}
	}
	return t
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
