package store

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/shopper-audit/shopper/internal/pgtest"
)

// TestMain stops the PostgreSQL server pgtest starts for the store's
// PostgreSQL tests. Other tests of this package call pgtest.NewDB too.
func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

// eachStore runs a test against an SQLite store and a PostgreSQL store.
func eachStore(t *testing.T, f func(t *testing.T, db *DB)) {
	t.Run("sqlite", func(t *testing.T) {
		db, err := Open(context.Background(), "sqlite:"+filepath.Join(t.TempDir(), "s.db"))
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		f(t, db)
	})
	t.Run("postgres", func(t *testing.T) {
		db, err := Open(context.Background(), pgtest.NewDB(t))
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		f(t, db)
	})
}

func TestAuditHistoryLatestBeforeAndList(t *testing.T) {
	eachStore(t, func(t *testing.T, db *DB) {
		ctx := context.Background()
		t0 := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
		site := "https://shop.example.com/"
		// Saved out of order; a time in another zone is the same instant.
		for _, c := range []struct {
			at time.Time
			r  string
		}{
			{t0.Add(48 * time.Hour), `{"n":3}`},
			{t0, `{"n":1}`},
			{t0.Add(24 * time.Hour).In(time.FixedZone("ICT", 7*3600)), `{"n":2}`},
		} {
			if _, err := db.SaveAudit(ctx, site, c.at, []byte(c.r)); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := db.SaveAudit(ctx, "https://other.example/", t0.Add(time.Hour), []byte(`{"n":9}`)); err != nil {
			t.Fatal(err)
		}
		for _, c := range []struct {
			before time.Time
			want   string
		}{
			{t0.Add(72 * time.Hour), `{"n":3}`},
			{t0.Add(48 * time.Hour), `{"n":2}`}, // strictly before
			{t0.Add(time.Minute), `{"n":1}`},
		} {
			a, err := db.LatestAudit(ctx, site, c.before)
			if err != nil {
				t.Fatal(err)
			}
			if string(a.Result) != c.want || a.Site != site {
				t.Errorf("LatestAudit(before %s) = %s, want %s", c.before, a.Result, c.want)
			}
		}
		if _, err := db.LatestAudit(ctx, site, t0); !errors.Is(err, ErrNotFound) {
			t.Errorf("LatestAudit before the first = %v, want ErrNotFound", err)
		}
		list, err := db.ListAudits(ctx, site)
		if err != nil {
			t.Fatal(err)
		}
		if len(list) != 3 || string(list[0].Result) != `{"n":1}` || string(list[2].Result) != `{"n":3}` {
			t.Fatalf("ListAudits = %+v", list)
		}
		if !list[1].At.Equal(t0.Add(24 * time.Hour)) {
			t.Errorf("time read back %s, want %s", list[1].At, t0.Add(24*time.Hour))
		}
	})
}

func TestJobAuditsAreStoredOncePerKey(t *testing.T) {
	eachStore(t, func(t *testing.T, db *DB) {
		ctx := context.Background()
		at := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
		a := Audit{Site: "s1", At: at, Result: []byte(`{"a":1}`), Batch: "b1", Key: "b1/0001"}
		for i, want := range []bool{true, false} {
			saved, err := db.SaveJobAudit(ctx, a)
			if err != nil || saved != want {
				t.Fatalf("save #%d = %v, %v; want %v", i+1, saved, err, want)
			}
			a.Result = []byte(`{"a":2}`) // a rerun's result is not kept
		}
		if _, err := db.SaveJobAudit(ctx, Audit{Site: "s2", At: at, Error: "home page: 404", Batch: "b1", Key: "b1/0002"}); err != nil {
			t.Fatal(err)
		}
		if _, err := db.SaveJobAudit(ctx, Audit{Site: "s3", At: at, Result: []byte(`{}`), Batch: "b2", Key: "b2/0001"}); err != nil {
			t.Fatal(err)
		}
		ok, failed, err := db.CountBatch(ctx, "b1")
		if err != nil || ok != 1 || failed != 1 {
			t.Fatalf("CountBatch = %d, %d, %v; want 1, 1", ok, failed, err)
		}
		got, err := db.BatchAudits(ctx, "b1")
		if err != nil || len(got) != 2 || string(got[0].Result) != `{"a":1}` || got[1].Error != "home page: 404" {
			t.Fatalf("BatchAudits = %+v, %v", got, err)
		}
		if done, err := db.JobAuditDone(ctx, "b1/0002"); err != nil || !done {
			t.Errorf("JobAuditDone(b1/0002) = %v, %v", done, err)
		}
		if done, err := db.JobAuditDone(ctx, "b1/0003"); err != nil || done {
			t.Errorf("JobAuditDone(b1/0003) = %v, %v", done, err)
		}
		// A failed job audit is history, but never the baseline.
		if _, err := db.LatestAudit(ctx, "s2", at.Add(time.Hour)); !errors.Is(err, ErrNotFound) {
			t.Errorf("LatestAudit of a failed audit = %v, want ErrNotFound", err)
		}
	})
}

func TestSaveJobAuditRefusesBadInput(t *testing.T) {
	db, err := Open(context.Background(), filepath.Join(t.TempDir(), "s.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	for _, a := range []Audit{
		{Site: "s", Result: []byte(`{}`)},                         // no key
		{Site: "s", Key: "k"},                                     // neither
		{Site: "s", Key: "k", Result: []byte(`{}`), Error: "bad"}, // both
	} {
		if _, err := db.SaveJobAudit(ctx, a); err == nil {
			t.Errorf("SaveJobAudit(%+v) accepted", a)
		}
	}
	if _, err := db.SaveAudit(ctx, "s", time.Now(), nil); err == nil {
		t.Error("SaveAudit with no result accepted")
	}
}
