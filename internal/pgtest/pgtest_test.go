package pgtest

import (
	"context"
	"database/sql"
	"os"
	"strings"
	"testing"
)

func TestMain(m *testing.M) { os.Exit(Main(m)) }

func TestNewDBGivesSeparateDatabasesOnLoopback(t *testing.T) {
	a, b := NewDB(t), NewDB(t)
	if a == b {
		t.Fatalf("two tests share database %s", a)
	}
	if !strings.Contains(a, "@127.0.0.1:") {
		t.Fatalf("URL %s is not on loopback", a)
	}
	db, err := sql.Open("pgx", a)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	if _, err := db.ExecContext(ctx, `CREATE TABLE t (v INT); INSERT INTO t VALUES (42)`); err != nil {
		t.Fatal(err)
	}
	var v int
	if err := db.QueryRowContext(ctx, `SELECT v FROM t`).Scan(&v); err != nil || v != 42 {
		t.Fatalf("v = %d, %v", v, err)
	}
	var addr string
	if err := db.QueryRowContext(ctx, `SELECT current_setting('listen_addresses')`).Scan(&addr); err != nil || addr != "127.0.0.1" {
		t.Fatalf("listen_addresses = %q, %v", addr, err)
	}
}
