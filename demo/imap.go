package demo

import (
	"bytes"
	"crypto/tls"
	"crypto/x509"
	"fmt"
	"io"
	"log"
	"net"
	"sync"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapserver"
	"github.com/emersion/go-imap/v2/imapserver/imapmemserver"

	"github.com/shopper-audit/shopper/internal/loopcert"
)

// mailServer is the persona's mailbox: go-imap's in-memory IMAP server on
// 127.0.0.1, speaking TLS from the first byte with a certificate made for
// the run, which roots trusts.
type mailServer struct {
	addr     string
	user     *imapmemserver.User
	roots    *x509.CertPool
	srv      *imapserver.Server
	ln       net.Listener
	wg       sync.WaitGroup
	username string
	password string
}

// startIMAP starts the mailbox with an INBOX and a Sent folder.
func startIMAP(username, password string) (*mailServer, error) {
	lc, err := loopcert.New("shopper demo mailbox", time.Now())
	if err != nil {
		return nil, fmt.Errorf("imap certificate: %w", err)
	}
	mem := imapmemserver.New()
	user := imapmemserver.NewUser(username, password)
	for _, name := range []string{"INBOX", "Sent"} {
		if err := user.Create(name, nil); err != nil {
			return nil, fmt.Errorf("imap folder %s: %w", name, err)
		}
	}
	mem.AddUser(user)
	srv := imapserver.New(&imapserver.Options{
		NewSession: func(*imapserver.Conn) (imapserver.Session, *imapserver.GreetingData, error) {
			return idleSession{mem.NewSession()}, nil, nil
		},
		Caps:   imap.CapSet{imap.CapIMAP4rev1: {}, imap.CapIdle: {}},
		Logger: log.New(io.Discard, "", 0),
	})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("imap listen: %w", err)
	}
	s := &mailServer{addr: ln.Addr().String(), user: user, roots: lc.Pool, srv: srv, username: username, password: password,
		ln: tls.NewListener(ln, &tls.Config{Certificates: []tls.Certificate{lc.TLS}, MinVersion: tls.VersionTLS12})}
	s.wg.Go(func() { _ = srv.Serve(s.ln) })
	return s, nil
}

// idleSession is the in-memory server's session with an IDLE that also
// reports the mail that arrived just before IDLE began: the in-memory
// server's own IDLE waits for the next change, so a message appended
// between a client's last command and its IDLE would go unnoticed until
// another one came.
type idleSession struct{ imapserver.Session }

// idleCheck is how often an IDLE looks for changes.
const idleCheck = 50 * time.Millisecond

func (s idleSession) Idle(w *imapserver.UpdateWriter, stop <-chan struct{}) error {
	t := time.NewTicker(idleCheck)
	defer t.Stop()
	for {
		if err := s.Poll(w, true); err != nil {
			return err
		}
		select {
		case <-stop:
			return nil
		case <-t.C:
		}
	}
}

// deliver puts a message into the INBOX, as the persona's mail provider
// does when mail arrives; its arrival time is now.
func (s *mailServer) deliver(raw []byte) error {
	_, err := s.user.Append("INBOX", bytes.NewReader(raw), &imap.AppendOptions{Time: time.Now()})
	if err != nil {
		return fmt.Errorf("deliver to the inbox: %w", err)
	}
	return nil
}

// close stops the server and ends its connections.
func (s *mailServer) close() {
	_ = s.srv.Close()
	_ = s.ln.Close()
	s.wg.Wait()
}
