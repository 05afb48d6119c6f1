package dovecot

import (
	"crypto/tls"
	"crypto/x509"
	"strings"
	"testing"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"
)

const sample = "From: a@example.com\r\nTo: b@example.com\r\nSubject: hello\r\nMessage-ID: <m1@example.com>\r\n\r\nbody\r\n"

func TestAppendRestartKeepsMail(t *testing.T) {
	s := Start(t)
	v1, uid := s.Append("", []byte(sample))
	if uid != 1 || v1 == 0 {
		t.Fatalf("Append = (%d, %d), want UID 1 and a UIDVALIDITY", v1, uid)
	}
	s.Restart()
	if got := s.UIDValidity("INBOX"); got != v1 {
		t.Errorf("UIDVALIDITY after restart = %d, want %d", got, v1)
	}
	if _, uid := s.Append("INBOX", []byte(sample)); uid != 2 {
		t.Errorf("UID after restart = %d, want 2", uid)
	}
	if _, uid := s.Append("Sent", []byte(sample)); uid != 1 {
		t.Errorf("UID in Sent = %d, want 1", uid)
	}
}

func TestResetUIDValidity(t *testing.T) {
	s := Start(t)
	v1, _ := s.Append("", []byte(sample))
	s.Append("", []byte(sample))
	s.ResetUIDValidity("INBOX")
	v2 := s.UIDValidity("INBOX")
	if v2 == v1 {
		t.Fatalf("UIDVALIDITY after reset = %d, unchanged", v2)
	}
	c := s.Dial()
	sel, err := c.Select("INBOX", nil).Wait()
	if err != nil {
		t.Fatal(err)
	}
	if sel.NumMessages != 2 {
		t.Errorf("messages after reset = %d, want 2 (mail is kept)", sel.NumMessages)
	}
}

func TestImplicitTLSAndNoIdle(t *testing.T) {
	s := StartWith(t, Options{NoIdle: true})
	c, err := imapclient.DialTLS(s.TLSAddr, &imapclient.Options{TLSConfig: s.TLSConfig})
	if err != nil {
		t.Fatalf("dial TLS: %v", err)
	}
	defer c.Close()
	if err := c.Login(s.User, s.Password).Wait(); err != nil {
		t.Fatalf("login: %v", err)
	}
	caps := c.Caps()
	if caps.Has(imap.CapIdle) {
		t.Errorf("capabilities %v include IDLE with NoIdle", caps)
	}
	if !caps.Has(imap.CapUIDPlus) {
		t.Errorf("capabilities %v lack UIDPLUS", caps)
	}
	std := Start(t)
	if !std.Dial().Caps().Has(imap.CapIdle) {
		t.Error("a standard server does not advertise IDLE")
	}
}

func TestPasswordNotInLog(t *testing.T) {
	s := Start(t)
	s.Append("", []byte(sample))
	s.Stop()
	if strings.Contains(s.Log(), s.Password) {
		t.Error("the password appears in dovecot's log")
	}
}

func TestDeliverNULs(t *testing.T) {
	s := Start(t)
	s.Append("", []byte(sample)) // creates the maildir
	s.Deliver("INBOX", []byte("Subject: nul\r\n\r\na\x00b\r\n"))
	c := s.Dial()
	sel, err := c.Select("INBOX", nil).Wait()
	if err != nil {
		t.Fatal(err)
	}
	if sel.NumMessages != 2 {
		t.Errorf("messages after Deliver = %d, want 2", sel.NumMessages)
	}
}

// A client that trusts only CertPEM, as a campaign's ca_file does, logs
// in over implicit TLS.
func TestCertPEMIsTrusted(t *testing.T) {
	s := Start(t)
	pool := x509.NewCertPool()
	if !pool.AppendCertsFromPEM(s.CertPEM) {
		t.Fatalf("CertPEM holds no certificate:\n%s", s.CertPEM)
	}
	c, err := imapclient.DialTLS(s.TLSAddr, &imapclient.Options{TLSConfig: &tls.Config{RootCAs: pool, ServerName: "127.0.0.1", MinVersion: tls.VersionTLS12}})
	if err != nil {
		t.Fatalf("dial TLS with CertPEM trusted: %v", err)
	}
	defer c.Close()
	if err := c.Login(s.User, s.Password).Wait(); err != nil {
		t.Fatalf("login: %v", err)
	}
}
