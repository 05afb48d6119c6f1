package store

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
)

func init() {
	Register(Migration{Name: "0000_test_kv", SQLite: `CREATE TABLE IF NOT EXISTS test_kv (k TEXT PRIMARY KEY, v INTEGER NOT NULL)`})
}

func TestOpenSQLiteMigratesOnceAndBindsDollarPlaceholders(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "sub", "s.db")
	for i := range 2 {
		db, err := Open(ctx, "sqlite:"+path)
		if err != nil {
			t.Fatal(err)
		}
		if db.Dialect != SQLite || db.Path != path {
			t.Fatalf("dialect %s path %s", db.Dialect, db.Path)
		}
		if _, err := db.SQL.ExecContext(ctx, `INSERT INTO test_kv (k, v) VALUES ($1, $2)`, "a"+string(rune('0'+i)), 7+i); err != nil {
			t.Fatal(err)
		}
		var n int
		if err := db.SQL.QueryRowContext(ctx, `SELECT count(*) FROM shopper_migrations WHERE name = $1`, "0000_test_kv").Scan(&n); err != nil || n != 1 {
			t.Fatalf("migration rows %d, %v", n, err)
		}
		db.Close()
	}
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var v int
	if err := db.SQL.QueryRowContext(ctx, `SELECT v FROM test_kv WHERE k = $1`, "a1").Scan(&v); err != nil || v != 8 {
		t.Fatalf("v = %d, %v (rows kept across opens)", v, err)
	}
}

func TestRedactHidesPassword(t *testing.T) {
	got := redact("postgres://shopper:s3cret@127.0.0.1:5432/db?sslmode=disable")
	if strings.Contains(got, "s3cret") || !strings.Contains(got, "shopper") {
		t.Fatalf("redact = %s", got)
	}
}
