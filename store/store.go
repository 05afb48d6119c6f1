// Package store keeps shopper's durable state — inquiries and their
// replies, audit history — behind one type, chosen by URL: an embedded
// SQLite file (modernc.org/sqlite, no cgo) by default, or PostgreSQL for
// scale-out. Every query is written once with $1-style placeholders, which
// both engines accept, and each part of the schema registers its own
// migrations, applied in name order when the store is opened.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // database/sql driver "pgx"
	_ "modernc.org/sqlite"             // database/sql driver "sqlite"
)

// Dialect names the engine behind a DB.
type Dialect string

// The engines a store can use.
const (
	SQLite   Dialect = "sqlite"
	Postgres Dialect = "postgres"
)

// DefaultPath is where the SQLite store lives when no URL is given.
const DefaultPath = "shopper.db"

// DB is an open store.
type DB struct {
	// SQL is the connection pool; queries use $1-style placeholders.
	SQL *sql.DB
	// Dialect says which engine answers.
	Dialect Dialect
	// Path is the SQLite file (empty for PostgreSQL).
	Path string
	// URL is the address the store was opened with, with any password
	// removed, fit for messages.
	URL string

	dsn string // as given, password included: never shown
}

// ConnString returns the address the store was opened with, password
// included, for opening another pool on the same database (the job queue's
// pgx pool). Never print it: DB.URL is the one for messages.
func (db *DB) ConnString() string { return db.dsn }

// Migration is one step of the schema. Name orders the steps ("0010_inquiries");
// SQLite and Postgres hold the statements for each engine, separated by
// semicolons. When Postgres is empty the SQLite text serves both.
type Migration struct {
	Name     string
	SQLite   string
	Postgres string
}

var (
	migrationsMu sync.Mutex
	migrations   = map[string]Migration{}
)

// Register adds a migration; parts of the schema call it from init. A
// second migration with the same name panics: it is a programming error.
func Register(m Migration) {
	migrationsMu.Lock()
	defer migrationsMu.Unlock()
	if _, dup := migrations[m.Name]; dup {
		panic("store: migration registered twice: " + m.Name)
	}
	migrations[m.Name] = m
}

// Open connects to the store named by dsn and applies pending migrations.
// dsn is "postgres://…" (or "postgresql://…"), "sqlite:PATH", or a plain
// file path; empty means DefaultPath.
func Open(ctx context.Context, dsn string) (*DB, error) {
	db := &DB{dsn: dsn}
	switch {
	case strings.HasPrefix(dsn, "postgres://"), strings.HasPrefix(dsn, "postgresql://"):
		db.Dialect = Postgres
		db.URL = redact(dsn)
		pool, err := sql.Open("pgx", dsn)
		if err != nil {
			return nil, fmt.Errorf("open store %s: %w", db.URL, err)
		}
		db.SQL = pool
	default:
		path := strings.TrimPrefix(strings.TrimPrefix(dsn, "sqlite://"), "sqlite:")
		if path == "" {
			path = DefaultPath
		}
		db.Dialect = SQLite
		db.Path = path
		db.URL = "sqlite:" + path
		if dir := filepath.Dir(path); dir != "." {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return nil, fmt.Errorf("open store %s: %w", db.URL, err)
			}
		}
		pool, err := sql.Open("sqlite", SQLiteDSN(path))
		if err != nil {
			return nil, fmt.Errorf("open store %s: %w", db.URL, err)
		}
		db.SQL = pool
	}
	pingCtx, cancel := context.WithTimeout(ctx, 15*time.Second)
	defer cancel()
	if err := db.SQL.PingContext(pingCtx); err != nil {
		db.SQL.Close()
		return nil, fmt.Errorf("open store %s: %w", db.URL, err)
	}
	if err := db.migrate(ctx); err != nil {
		db.SQL.Close()
		return nil, err
	}
	return db, nil
}

// SQLiteDSN is the modernc.org/sqlite data source name the store opens an
// SQLite file with: WAL, a 10 s busy timeout, and transactions that take the
// write lock when they begin, so that writers queue instead of failing.
// Other pools on the same file (the job queue's) use it too.
func SQLiteDSN(path string) string {
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(10000)")
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "synchronous(NORMAL)")
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_txlock", "immediate")
	return "file:" + path + "?" + q.Encode()
}

// Close releases the store.
func (db *DB) Close() error { return db.SQL.Close() }

// Tx runs f in a transaction, committing when it returns nil.
func (db *DB) Tx(ctx context.Context, f func(*sql.Tx) error) error {
	tx, err := db.SQL.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("store %s: begin: %w", db.URL, err)
	}
	if err := f(tx); err != nil {
		_ = tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("store %s: commit: %w", db.URL, err)
	}
	return nil
}

func (db *DB) migrate(ctx context.Context) error {
	migrationsMu.Lock()
	names := make([]string, 0, len(migrations))
	for n := range migrations {
		names = append(names, n)
	}
	all := make(map[string]Migration, len(migrations))
	for n, m := range migrations {
		all[n] = m
	}
	migrationsMu.Unlock()
	sort.Strings(names)

	if _, err := db.SQL.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS shopper_migrations (
		name TEXT PRIMARY KEY,
		applied_at TEXT NOT NULL)`); err != nil {
		return fmt.Errorf("store %s: create migrations table: %w", db.URL, err)
	}
	for _, name := range names {
		m := all[name]
		text := m.SQLite
		if db.Dialect == Postgres && m.Postgres != "" {
			text = m.Postgres
		}
		err := db.Tx(ctx, func(tx *sql.Tx) error {
			if db.Dialect == Postgres {
				// Several processes may open the store at once.
				if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock(4242001)`); err != nil {
					return err
				}
			}
			var done int
			if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM shopper_migrations WHERE name = $1`, name).Scan(&done); err != nil {
				return err
			}
			if done > 0 {
				return nil
			}
			for _, stmt := range strings.Split(text, ";") {
				if strings.TrimSpace(stmt) == "" {
					continue
				}
				if _, err := tx.ExecContext(ctx, stmt); err != nil {
					return err
				}
			}
			_, err := tx.ExecContext(ctx, `INSERT INTO shopper_migrations (name, applied_at) VALUES ($1, $2)`,
				name, time.Now().UTC().Format(time.RFC3339))
			return err
		})
		if err != nil {
			return fmt.Errorf("store %s: migration %s: %w", db.URL, name, err)
		}
	}
	return nil
}

// redact removes the password from a PostgreSQL URL.
func redact(dsn string) string {
	u, err := url.Parse(dsn)
	if err != nil {
		return "postgres://…"
	}
	if u.User != nil {
		if _, has := u.User.Password(); has {
			u.User = url.UserPassword(u.User.Username(), "xxxxx")
		}
	}
	return u.String()
}

// ErrNotFound is returned when a row asked for does not exist.
var ErrNotFound = errors.New("not found")
