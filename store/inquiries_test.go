package store

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"github.com/shopper-audit/shopper/internal/pgtest"
)

func openTemp(t *testing.T) *DB {
	t.Helper()
	db, err := Open(context.Background(), "sqlite:"+filepath.Join(t.TempDir(), "s.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func TestInquiriesSQLite(t *testing.T) { testInquiries(t, openTemp(t)) }

func TestInquiriesPostgres(t *testing.T) {
	db, err := Open(context.Background(), pgtest.NewDB(t))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	testInquiries(t, db)
}

// testInquiries is the inquiry suite, run against each engine.
func testInquiries(t *testing.T, db *DB) {
	ctx := context.Background()
	created := time.Date(2025, 3, 4, 9, 0, 0, 0, time.UTC)
	q := &Inquiry{Campaign: "c1", Company: "Acme", Template: "returns", Channel: "email",
		Target: "help@acme.example", Token: "tok1abcd", Subject: "Returns [ref tok1abcd]", Body: "Hello", CreatedAt: created}
	ok, err := db.AddInquiry(ctx, q)
	if err != nil || !ok {
		t.Fatalf("AddInquiry = %v, %v; want created", ok, err)
	}
	if q.ID == 0 || q.Status != StatusDraft || !q.CreatedAt.Equal(created) {
		t.Fatalf("stored %+v", q)
	}
	again := &Inquiry{Campaign: "c1", Company: "Acme", Template: "returns", Channel: "email", Target: "other@x", Token: "tok2abcd"}
	ok, err = db.AddInquiry(ctx, again)
	if err != nil || ok {
		t.Fatalf("second AddInquiry = %v, %v; want the existing one", ok, err)
	}
	if again.ID != q.ID || again.Token != "tok1abcd" || again.Target != "help@acme.example" {
		t.Fatalf("second AddInquiry filled %+v, want the first", again)
	}

	sending := created.Add(time.Minute)
	if err := db.MarkSending(ctx, q.ID, "<tok1abcd@x>", []byte("raw"), sending); err != nil {
		t.Fatal(err)
	}
	if err := db.MarkSending(ctx, q.ID, "<tok1abcd@x>", []byte("raw"), sending); !errors.Is(err, ErrConflict) {
		t.Fatalf("MarkSending twice: %v, want ErrConflict", err)
	}
	if err := db.SetStatus(ctx, q.ID, []string{StatusDraft}, Change{Status: StatusSent}); !errors.Is(err, ErrConflict) {
		t.Fatalf("SetStatus from the wrong status: %v, want ErrConflict", err)
	}
	sent := sending.Add(2 * time.Second)
	if err := db.SetStatus(ctx, q.ID, []string{StatusSending}, Change{Status: StatusSent, SentAt: sent}); err != nil {
		t.Fatal(err)
	}
	got, err := db.Inquiry(ctx, "c1", "Acme", "returns")
	if err != nil {
		t.Fatal(err)
	}
	if got.Status != StatusSent || !got.SentAt.Equal(sent) || !got.SendingAt.Equal(sending) || got.MessageID != "<tok1abcd@x>" || string(got.Raw) != "raw" {
		t.Fatalf("after sending: %+v", got)
	}
	if _, err := db.Inquiry(ctx, "c1", "Nobody", "returns"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("missing inquiry: %v, want ErrNotFound", err)
	}

	// Replies and the cursor move together; duplicates are ignored.
	r1 := Reply{MessageID: "<r1@acme>", Token: "tok1abcd", ReceivedAt: sent.Add(90 * time.Second), AutoAck: true, Analysis: []byte(`{"auto_ack":true}`)}
	r2 := Reply{MessageID: "<r2@acme>", Token: "tok1abcd", ReceivedAt: sent.Add(30*time.Second + 500*time.Millisecond), From: "jo@acme",
		Text: "Dear Jo,\nyes, within 30 days. Chị Hương"}
	for i, r := range []Reply{r1, r2} {
		added, err := db.AddReply(ctx, r, "inbox", Cursor{UIDValidity: 7, LastUID: uint32(i + 1)})
		if err != nil || !added {
			t.Fatalf("AddReply %s = %v, %v", r.MessageID, added, err)
		}
	}
	added, err := db.AddReply(ctx, r1, "inbox", Cursor{UIDValidity: 8, LastUID: 1})
	if err != nil || added {
		t.Fatalf("duplicate AddReply = %v, %v; want ignored", added, err)
	}
	if c, err := db.Cursor(ctx, "inbox"); err != nil || c != (Cursor{8, 1}) {
		t.Fatalf("cursor = %v, %v", c, err)
	}
	if c, err := db.Cursor(ctx, "other"); err != nil || c != (Cursor{}) {
		t.Fatalf("unknown cursor = %v, %v", c, err)
	}
	list, err := db.Replies(ctx, []string{"tok1abcd"})
	if err != nil || len(list) != 2 {
		t.Fatalf("Replies = %v, %v", list, err)
	}
	if list[0].MessageID != "<r2@acme>" || !list[1].AutoAck || string(list[1].Analysis) != `{"auto_ack":true}` || !list[0].ReceivedAt.Equal(r2.ReceivedAt) || list[0].Text != r2.Text {
		t.Fatalf("Replies not oldest first or fields lost: %+v", list)
	}
	if _, err := db.AddReply(ctx, Reply{Token: "x"}, "", Cursor{}); err == nil {
		t.Fatal("a reply without Message-ID was stored")
	}
	all, err := db.Inquiries(ctx, "c1")
	if err != nil || len(all) != 1 {
		t.Fatalf("Inquiries = %v, %v", all, err)
	}
}
