package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// The audit history: every audit result kept with the time it was made, so
// a later audit of the same site can be compared with it, and the outcome of
// each audit job of a batch (a benchmark), so an interrupted batch resumes
// where it stopped and no audit of it is recorded twice.
func init() {
	Register(Migration{
		Name: "0020_audits",
		SQLite: `CREATE TABLE IF NOT EXISTS audits (
			id INTEGER PRIMARY KEY AUTOINCREMENT,
			site TEXT NOT NULL,
			audited_at TEXT NOT NULL,
			result TEXT NOT NULL DEFAULT '',
			error TEXT NOT NULL DEFAULT '',
			batch TEXT,
			job_key TEXT UNIQUE);
			CREATE INDEX IF NOT EXISTS audits_site_time ON audits (site, audited_at);
			CREATE INDEX IF NOT EXISTS audits_batch ON audits (batch)`,
		Postgres: `CREATE TABLE IF NOT EXISTS audits (
			id BIGSERIAL PRIMARY KEY,
			site TEXT NOT NULL,
			audited_at TIMESTAMPTZ NOT NULL,
			result TEXT NOT NULL DEFAULT '',
			error TEXT NOT NULL DEFAULT '',
			batch TEXT,
			job_key TEXT UNIQUE);
			CREATE INDEX IF NOT EXISTS audits_site_time ON audits (site, audited_at);
			CREATE INDEX IF NOT EXISTS audits_batch ON audits (batch)`,
	})
}

// Audit is one stored audit: a result (audit.Result as JSON) or, for an
// audit job whose site could not be audited, the reason.
type Audit struct {
	ID int64
	// Site names the audited site; callers choose the form (shopper uses
	// the audit's normalised URL) and must use the same one to look it up.
	Site string
	// At is when the audit was made.
	At time.Time
	// Result is the audit.Result JSON; empty when Error is set.
	Result []byte
	// Error says why the site could not be audited; empty for a result.
	Error string
	// Batch groups the audits of one benchmark; empty for a single audit.
	Batch string
	// Key identifies the job that made the audit; a second audit with the
	// same key is not stored. Empty for a single audit.
	Key string
}

// timeFormat keeps SQLite's text times in one width, so they sort as times.
const timeFormat = "2006-01-02T15:04:05.000000000Z"

func (db *DB) timeArg(t time.Time) any {
	if db.Dialect == SQLite {
		return t.UTC().Format(timeFormat)
	}
	return t.UTC()
}

// SaveAudit stores the result of an audit of site made at the given time
// and returns its id.
func (db *DB) SaveAudit(ctx context.Context, site string, at time.Time, result []byte) (int64, error) {
	if len(result) == 0 {
		return 0, fmt.Errorf("save audit of %s: empty result", site)
	}
	var id int64
	err := db.SQL.QueryRowContext(ctx, `INSERT INTO audits (site, audited_at, result) VALUES ($1, $2, $3) RETURNING id`,
		site, db.timeArg(at), string(result)).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("save audit of %s in %s: %w", site, db.URL, err)
	}
	return id, nil
}

// SaveJobAudit stores the outcome of an audit job: a.Key must be set, and
// exactly one of a.Result and a.Error. It reports whether it stored it:
// false when an outcome with the same key is already stored, which is what
// a job that runs again after a crash finds.
func (db *DB) SaveJobAudit(ctx context.Context, a Audit) (bool, error) {
	if a.Key == "" {
		return false, fmt.Errorf("save audit of %s: no job key", a.Site)
	}
	if (len(a.Result) == 0) == (a.Error == "") {
		return false, fmt.Errorf("save audit of %s: give a result or an error", a.Site)
	}
	res, err := db.SQL.ExecContext(ctx, `INSERT INTO audits (site, audited_at, result, error, batch, job_key)
		VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (job_key) DO NOTHING`,
		a.Site, db.timeArg(a.At), string(a.Result), a.Error, nullable(a.Batch), a.Key)
	if err != nil {
		return false, fmt.Errorf("save audit of %s in %s: %w", a.Site, db.URL, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, fmt.Errorf("save audit of %s in %s: %w", a.Site, db.URL, err)
	}
	return n == 1, nil
}

// JobAuditDone reports whether the outcome of the audit job with this key
// is stored.
func (db *DB) JobAuditDone(ctx context.Context, key string) (bool, error) {
	var n int
	if err := db.SQL.QueryRowContext(ctx, `SELECT count(*) FROM audits WHERE job_key = $1`, key).Scan(&n); err != nil {
		return false, fmt.Errorf("look up audit job %s in %s: %w", key, db.URL, err)
	}
	return n > 0, nil
}

// LatestAudit returns the newest successful audit of site made before the
// given time, or ErrNotFound.
func (db *DB) LatestAudit(ctx context.Context, site string, before time.Time) (*Audit, error) {
	rows, err := db.SQL.QueryContext(ctx, `SELECT `+auditColumns+` FROM audits
		WHERE site = $1 AND audited_at < $2 AND error = '' ORDER BY audited_at DESC, id DESC LIMIT 1`,
		site, db.timeArg(before))
	if err != nil {
		return nil, fmt.Errorf("latest audit of %s in %s: %w", site, db.URL, err)
	}
	as, err := scanAudits(rows)
	if err != nil {
		return nil, fmt.Errorf("latest audit of %s in %s: %w", site, db.URL, err)
	}
	if len(as) == 0 {
		return nil, fmt.Errorf("latest audit of %s: %w", site, ErrNotFound)
	}
	return &as[0], nil
}

// ListAudits returns every stored audit of site, oldest first, failures
// included.
func (db *DB) ListAudits(ctx context.Context, site string) ([]Audit, error) {
	rows, err := db.SQL.QueryContext(ctx, `SELECT `+auditColumns+` FROM audits WHERE site = $1 ORDER BY audited_at, id`, site)
	if err != nil {
		return nil, fmt.Errorf("list audits of %s in %s: %w", site, db.URL, err)
	}
	as, err := scanAudits(rows)
	if err != nil {
		return nil, fmt.Errorf("list audits of %s in %s: %w", site, db.URL, err)
	}
	return as, nil
}

// BatchAudits returns the stored outcomes of a batch's audit jobs in the
// order of their keys.
func (db *DB) BatchAudits(ctx context.Context, batch string) ([]Audit, error) {
	rows, err := db.SQL.QueryContext(ctx, `SELECT `+auditColumns+` FROM audits WHERE batch = $1 ORDER BY job_key`, batch)
	if err != nil {
		return nil, fmt.Errorf("list audits of batch %s in %s: %w", batch, db.URL, err)
	}
	as, err := scanAudits(rows)
	if err != nil {
		return nil, fmt.Errorf("list audits of batch %s in %s: %w", batch, db.URL, err)
	}
	return as, nil
}

// CountBatch counts a batch's stored outcomes: results and failures.
func (db *DB) CountBatch(ctx context.Context, batch string) (ok, failed int, err error) {
	err = db.SQL.QueryRowContext(ctx, `SELECT
		coalesce(sum(CASE WHEN error = '' THEN 1 ELSE 0 END), 0),
		coalesce(sum(CASE WHEN error = '' THEN 0 ELSE 1 END), 0)
		FROM audits WHERE batch = $1`, batch).Scan(&ok, &failed)
	if err != nil {
		return 0, 0, fmt.Errorf("count audits of batch %s in %s: %w", batch, db.URL, err)
	}
	return ok, failed, nil
}

const auditColumns = `id, site, audited_at, result, error, coalesce(batch, ''), coalesce(job_key, '')`

func scanAudits(rows *sql.Rows) ([]Audit, error) {
	defer rows.Close()
	var as []Audit
	for rows.Next() {
		var a Audit
		var at any
		var result string
		if err := rows.Scan(&a.ID, &a.Site, &at, &result, &a.Error, &a.Batch, &a.Key); err != nil {
			return nil, err
		}
		t, err := scanTime(at)
		if err != nil {
			return nil, err
		}
		a.At, a.Result = t, []byte(result)
		as = append(as, a)
	}
	return as, rows.Err()
}

// scanTime reads a time stored by either engine: PostgreSQL's drivers give
// a time.Time, SQLite's the text timeArg wrote.
func scanTime(v any) (time.Time, error) {
	switch t := v.(type) {
	case time.Time:
		return t.UTC(), nil
	case string:
		return time.Parse(timeFormat, t)
	case []byte:
		return time.Parse(timeFormat, string(t))
	}
	return time.Time{}, errors.New("audit time in an unknown form")
}

func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}
