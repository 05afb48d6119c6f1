package desk

import (
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"io"
	"net"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	_ "github.com/emersion/go-message/charset" // windows-1258, ISO-8859-9
	"github.com/emersion/go-message/mail"

	"github.com/shopper-audit/shopper/probes/inquiry"
)

func send(t *testing.T, d *Desk, tok, lang string) {
	t.Helper()
	raw, _, err := inquiry.Build(inquiry.Message{
		From: inquiry.Persona{Name: "Ayşe Çelik", Email: "ayse@shopper.example"}, To: "destek@company.example",
		Subject: "İade sorusu", Body: "Merhaba,\nCeketi 40 gün sonra iade edebilir miyim?\n", Token: tok, Language: lang,
	})
	if err != nil {
		t.Fatal(err)
	}
	host, port, _ := net.SplitHostPort(d.Submission())
	p, _ := strconv.Atoi(port)
	s := inquiry.SMTP{Host: host, Port: p, Username: d.Username(), Password: d.Password(), TLSConfig: d.TLSConfig()}
	from, _ := inquiry.PlusAddress("ayse@shopper.example", tok)
	if err := s.Send(context.Background(), from, []string{"destek@company.example"}, raw); err != nil {
		t.Fatalf("send: %v", err)
	}
}

func read(t *testing.T, raw []byte) (*mail.Header, string) {
	t.Helper()
	r, err := mail.CreateReader(bytes.NewReader(raw))
	if err != nil {
		t.Fatalf("reply does not parse: %v\n%s", err, raw)
	}
	p, err := r.NextPart()
	if err != nil {
		t.Fatalf("reply body: %v", err)
	}
	b, _ := io.ReadAll(p.Body) // go-message decodes the charset
	return &r.Header, string(b)
}

func TestScriptedReplies(t *testing.T) {
	start := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	var mu sync.Mutex
	var delivered [][]byte
	d, err := Start(Options{Manual: true, Now: func() time.Time { return start },
		Deliver: func(raw []byte) error { mu.Lock(); delivered = append(delivered, raw); mu.Unlock(); return nil }})
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	tok := inquiry.NewToken()
	d.Script(tok, Script{Replies: []Reply{
		{After: time.Minute, Kind: AutoAck, Promise: true, Language: "tr", Charset: "iso-8859-9", Subject: "b"},
		{After: 3 * time.Hour, Kind: Human, Language: "tr", Signer: "Mehmet Kaya"},
		{After: 30 * time.Hour, Kind: Template, Language: "tr"},
	}})
	send(t, d, tok, "tr")
	if got := d.Advance(30 * time.Second); len(got) != 0 {
		t.Fatalf("after 30s: %d replies, want none", len(got))
	}
	got := d.Advance(3 * time.Hour)
	if len(got) != 2 || got[0].Kind != AutoAck || got[1].Kind != Human {
		t.Fatalf("after 3h: replies %v, want the auto-ack and the human reply", got)
	}
	got = append(got, d.Advance(27*time.Hour)...)
	for _, g := range got {
		if g.Err != nil {
			t.Errorf("%s reply: %v", g.Kind, g.Err)
		}
	}
	if len(got) != 3 || len(delivered) != 3 {
		t.Fatalf("after 30h: %d replies, %d delivered; want 3", len(got), len(delivered))
	}
	want, _ := inquiry.PlusAddress("ayse@shopper.example", tok)

	h, body := read(t, delivered[0])
	if h.Get("Auto-Submitted") != "auto-replied" || !strings.Contains(body, "24 saat içinde") {
		t.Errorf("auto-ack: Auto-Submitted %q, body %q", h.Get("Auto-Submitted"), body)
	}
	if s := h.Get("Subject"); !strings.HasPrefix(s, "=?iso-8859-9?b?") {
		t.Errorf("auto-ack subject %q, want B-encoded ISO-8859-9", s)
	}
	if s, _ := h.Subject(); !strings.Contains(s, "Mesajınız alındı") || inquiry.TokenFromSubject(s) != tok {
		t.Errorf("auto-ack subject decodes to %q", s)
	}
	if dt, _ := h.Date(); !dt.Equal(start.Add(time.Minute)) {
		t.Errorf("auto-ack dated %v, want %v", dt, start.Add(time.Minute))
	}

	h, body = read(t, delivered[1])
	if to, _ := h.AddressList("To"); len(to) != 1 || to[0].Address != want {
		t.Errorf("human reply to %v, want %s", to, want)
	}
	if irt, _ := h.MsgIDList("In-Reply-To"); len(irt) != 1 || !strings.HasPrefix(irt[0], tok+".") {
		t.Errorf("In-Reply-To = %v", irt)
	}
	if h.Get("Auto-Submitted") != "" {
		t.Errorf("a human reply has Auto-Submitted")
	}
	for _, w := range []string{"Sayın Ayşe Çelik", "Ceketi 40 gün sonra iade edebilir miyim?", "Mehmet Kaya"} {
		if !strings.Contains(body, w) {
			t.Errorf("human reply lacks %q:\n%s", w, body)
		}
	}
	_, body = read(t, delivered[2])
	if strings.Contains(body, "Ayşe") || !strings.Contains(body, "Değerli Müşterimiz") {
		t.Errorf("template reply:\n%s", body)
	}
}

func TestVietnameseWindows1258(t *testing.T) {
	d, err := Start(Options{Manual: true})
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	tok := inquiry.NewToken()
	d.Script(tok, Script{Replies: []Reply{{Kind: Human, Language: "vi", Charset: "windows-1258", Subject: "b"}}})
	send(t, d, tok, "vi")
	got := d.Advance(0)
	if len(got) != 1 || got[0].Err != nil {
		t.Fatalf("replies %v", got)
	}
	if !bytes.Contains(got[0].Raw, []byte("charset=windows-1258")) {
		t.Errorf("reply not in windows-1258:\n%s", got[0].Raw)
	}
	_, body := read(t, got[0].Raw)
	// The decoder gives letters and combining tone marks; compare
	// normalised.
	if !strings.Contains(nfc(body), "Trân trọng") || !strings.Contains(nfc(body), "Nguyễn Thị Hương") {
		t.Errorf("body decodes to %q", body)
	}
}

func TestNoScriptNoReply(t *testing.T) {
	d, err := Start(Options{Manual: true})
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	send(t, d, inquiry.NewToken(), "en")
	if got := d.Advance(1000 * time.Hour); len(got) != 0 {
		t.Errorf("replies %v, want none", got)
	}
	if rs := d.Received(); len(rs) != 1 {
		t.Errorf("received %d, want 1", len(rs))
	}
}

func TestTimedReplies(t *testing.T) {
	ch := make(chan []byte, 1)
	d, err := Start(Options{Deliver: func(raw []byte) error { ch <- raw; return nil },
		Default: &Script{Replies: []Reply{{After: time.Millisecond, Kind: AutoAck}}}})
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	send(t, d, inquiry.NewToken(), "en")
	raw := <-ch // the test's own timeout bounds the wait
	if h, _ := read(t, raw); h.Get("Auto-Submitted") != "auto-replied" {
		t.Errorf("reply:\n%s", raw)
	}
}

// A client that trusts only CertPEM, as a campaign's ca_file does, reaches
// both TLS servers.
func TestCertPEMIsTrusted(t *testing.T) {
	d, err := Start(Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	pool := x509.NewCertPool()
	if !pool.AppendCertsFromPEM(d.CertPEM()) {
		t.Fatalf("CertPEM holds no certificate:\n%s", d.CertPEM())
	}
	conn, err := tls.Dial("tcp", d.SMTPS(), &tls.Config{RootCAs: pool, MinVersion: tls.VersionTLS12})
	if err != nil {
		t.Fatalf("SMTPS with CertPEM trusted: %v", err)
	}
	conn.Close()
	host, port, _ := net.SplitHostPort(d.Submission())
	p, _ := strconv.Atoi(port)
	s := inquiry.SMTP{Host: host, Port: p, Username: d.Username(), Password: d.Password(), TLSConfig: &tls.Config{RootCAs: pool, MinVersion: tls.VersionTLS12}}
	if err := s.Send(context.Background(), "a@shopper.example", []string{"b@company.example"}, []byte("Subject: x\r\n\r\nx\r\n")); err != nil {
		t.Fatalf("STARTTLS with CertPEM trusted: %v", err)
	}
}
