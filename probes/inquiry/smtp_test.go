package inquiry_test

import (
	"context"
	"errors"
	"net"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/shopper-audit/shopper/internal/desk"
	"github.com/shopper-audit/shopper/probes/inquiry"
)

func startDesk(t *testing.T, opts desk.Options) *desk.Desk {
	t.Helper()
	d, err := desk.Start(opts)
	if err != nil {
		t.Fatalf("start desk: %v", err)
	}
	t.Cleanup(func() { d.Close() })
	return d
}

// server returns the SMTP settings for one of the desk's addresses.
func server(t *testing.T, d *desk.Desk, addr, security string) inquiry.SMTP {
	t.Helper()
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		t.Fatal(err)
	}
	p, _ := strconv.Atoi(port)
	return inquiry.SMTP{Host: host, Port: p, Security: security, Username: d.Username(), Password: d.Password(),
		TLSConfig: d.TLSConfig(), Timeout: 30 * time.Second}
}

func build(t *testing.T, token string) []byte {
	t.Helper()
	raw, _, err := inquiry.Build(inquiry.Message{
		From:    inquiry.Persona{Name: "Anna Baker", Email: "anna@shopper.example"},
		To:      "support@company.example",
		Subject: "Question about returns",
		Body:    "Can I return a jacket after 40 days?",
		Token:   token,
	})
	if err != nil {
		t.Fatal(err)
	}
	return raw
}

func TestSendThroughTheDesk(t *testing.T) {
	d := startDesk(t, desk.Options{})
	for _, tc := range []struct{ name, addr, security string }{
		{"starttls", d.Submission(), inquiry.SecurityStartTLS},
		{"default is starttls", d.Submission(), ""},
		{"tls", d.SMTPS(), inquiry.SecurityTLS},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tok := inquiry.NewToken()
			from, _ := inquiry.PlusAddress("anna@shopper.example", tok)
			err := server(t, d, tc.addr, tc.security).Send(context.Background(), from, []string{"support@company.example"}, build(t, tok))
			if err != nil {
				t.Fatalf("Send: %v", err)
			}
			var got *desk.Received
			for _, r := range d.Received() {
				if r.Token == tok {
					got = &r
				}
			}
			if got == nil {
				t.Fatalf("the desk did not receive the message with token %s", tok)
			}
			if got.From != from || len(got.To) != 1 || got.To[0] != "support@company.example" || got.Auth != d.Username() {
				t.Errorf("desk received from %q to %v as %q; want %q to support@company.example as %q", got.From, got.To, got.Auth, from, d.Username())
			}
			if !strings.Contains(string(got.Raw), "[ref "+tok+"]") {
				t.Errorf("received message lacks the subject reference:\n%s", got.Raw)
			}
		})
	}
}

func TestSendRefusesToAuthenticateInClear(t *testing.T) {
	d := startDesk(t, desk.Options{})
	tok := inquiry.NewToken()
	from, _ := inquiry.PlusAddress("anna@shopper.example", tok)

	// The relay offers no STARTTLS: a starttls client must not go on.
	s := server(t, d, d.Relay(), inquiry.SecurityStartTLS)
	err := s.Send(context.Background(), from, []string{"support@company.example"}, build(t, tok))
	if !errors.Is(err, inquiry.ErrInsecure) || !errors.Is(err, inquiry.ErrNotSent) {
		t.Errorf("Send(starttls to a server without STARTTLS) = %v, want ErrInsecure and ErrNotSent", err)
	}
	// Credentials without TLS are refused before dialling.
	s = server(t, d, d.Relay(), inquiry.SecurityNone)
	err = s.Send(context.Background(), from, []string{"support@company.example"}, build(t, tok))
	if !errors.Is(err, inquiry.ErrInsecure) || !errors.Is(err, inquiry.ErrNotSent) {
		t.Errorf("Send(none with credentials) = %v, want ErrInsecure and ErrNotSent", err)
	}
	if n := len(d.Received()); n != 0 {
		t.Errorf("the desk received %d messages, want none", n)
	}
	// Without credentials, plain text to loopback is allowed.
	s.Username, s.Password = "", ""
	if err := s.Send(context.Background(), from, []string{"support@company.example"}, build(t, tok)); err != nil {
		t.Errorf("Send(none, no credentials, loopback) = %v", err)
	}
	// ... but never to another host.
	s.Host = "mail.example.com"
	err = s.Send(context.Background(), from, []string{"support@company.example"}, build(t, tok))
	if !errors.Is(err, inquiry.ErrInsecure) {
		t.Errorf("Send(none to mail.example.com) = %v, want ErrInsecure", err)
	}
}

func TestSendWrongPassword(t *testing.T) {
	d := startDesk(t, desk.Options{})
	s := server(t, d, d.Submission(), inquiry.SecurityStartTLS)
	s.Password = "wrong-Secret-4711"
	tok := inquiry.NewToken()
	from, _ := inquiry.PlusAddress("anna@shopper.example", tok)
	err := s.Send(context.Background(), from, []string{"support@company.example"}, build(t, tok))
	if !errors.Is(err, inquiry.ErrAuth) || !errors.Is(err, inquiry.ErrNotSent) || errors.Is(err, inquiry.ErrMaybeSent) {
		t.Fatalf("Send(wrong password) = %v, want ErrAuth and ErrNotSent", err)
	}
	if strings.Contains(err.Error(), "wrong-Secret-4711") {
		t.Errorf("the error shows the password: %v", err)
	}
	if !strings.Contains(err.Error(), d.Username()) {
		t.Errorf("the error does not name the user: %v", err)
	}
}

func TestSendUntrustedCertificate(t *testing.T) {
	d := startDesk(t, desk.Options{})
	s := server(t, d, d.Submission(), inquiry.SecurityStartTLS)
	s.TLSConfig = nil // the system roots do not trust the desk
	tok := inquiry.NewToken()
	from, _ := inquiry.PlusAddress("anna@shopper.example", tok)
	err := s.Send(context.Background(), from, []string{"support@company.example"}, build(t, tok))
	if !errors.Is(err, inquiry.ErrInsecure) || !errors.Is(err, inquiry.ErrNotSent) {
		t.Errorf("Send(untrusted certificate) = %v, want ErrInsecure and ErrNotSent", err)
	}
	if strings.Contains(err.Error(), d.Password()) {
		t.Errorf("the error shows the password: %v", err)
	}
}

func TestSendRecipientRefused(t *testing.T) {
	d := startDesk(t, desk.Options{})
	d.Script("nobody@company.example", desk.Script{RejectRecipient: "no such mailbox"})
	s := server(t, d, d.Submission(), inquiry.SecurityStartTLS)
	tok := inquiry.NewToken()
	from, _ := inquiry.PlusAddress("anna@shopper.example", tok)
	err := s.Send(context.Background(), from, []string{"nobody@company.example"}, build(t, tok))
	if !errors.Is(err, inquiry.ErrNotSent) || errors.Is(err, inquiry.ErrMaybeSent) {
		t.Errorf("Send(refused recipient) = %v, want ErrNotSent", err)
	}
}

func TestSendDialFails(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().(*net.TCPAddr)
	ln.Close() // nothing listens there now
	s := inquiry.SMTP{Host: "127.0.0.1", Port: addr.Port, Username: "u", Password: "p", Timeout: 5 * time.Second}
	err = s.Send(context.Background(), "anna@shopper.example", []string{"support@company.example"}, []byte("Subject: x\r\n\r\nx\r\n"))
	if !errors.Is(err, inquiry.ErrNotSent) {
		t.Errorf("Send(nobody listening) = %v, want ErrNotSent", err)
	}
}

func TestSendConnectionDroppedInData(t *testing.T) {
	d := startDesk(t, desk.Options{})
	tok := inquiry.NewToken()
	d.Script(tok, desk.Script{DropConnection: true})
	from, _ := inquiry.PlusAddress("anna@shopper.example", tok)
	err := server(t, d, d.Submission(), inquiry.SecurityStartTLS).Send(context.Background(), from, []string{"support@company.example"}, build(t, tok))
	if !errors.Is(err, inquiry.ErrMaybeSent) || errors.Is(err, inquiry.ErrNotSent) {
		t.Fatalf("Send(connection dropped after the data) = %v, want ErrMaybeSent only", err)
	}
	// It did arrive: this is why the campaign must not send it again.
	if rs := d.Received(); len(rs) != 1 || rs[0].Token != tok {
		t.Errorf("desk received %d messages, want the one", len(rs))
	}
}

// faultListener accepts connections and closes each one after the client
// has sent limit bytes: in the middle of a message's data when limit is
// past the commands.
type faultListener struct {
	net.Listener
	limit int
}

func (l faultListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	return &faultConn{Conn: c, left: l.limit}, nil
}

type faultConn struct {
	net.Conn
	left int
}

func (c *faultConn) Read(p []byte) (int, error) {
	if c.left <= 0 {
		c.Conn.Close()
		return 0, net.ErrClosed
	}
	if len(p) > c.left {
		p = p[:c.left]
	}
	n, err := c.Conn.Read(p)
	c.left -= n
	return n, err
}

// TestSendConnectionLostWhileWritingData runs the client against a relay
// reached through a listener that cuts the connection after the client's
// commands, partway through the message.
func TestSendConnectionLostWhileWritingData(t *testing.T) {
	d := startDesk(t, desk.Options{})
	tok := inquiry.NewToken()
	from, _ := inquiry.PlusAddress("anna@shopper.example", tok)
	raw := build(t, tok)
	raw = append(raw, []byte(strings.Repeat("padding line of the message body\r\n", 4000))...)

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	fl := faultListener{Listener: ln, limit: 4096} // commands are far shorter
	go proxy(t, fl, d.Relay())
	t.Cleanup(func() { ln.Close() })
	s := inquiry.SMTP{Host: "127.0.0.1", Port: ln.Addr().(*net.TCPAddr).Port, Security: inquiry.SecurityNone, Timeout: 10 * time.Second}
	err = s.Send(context.Background(), from, []string{"support@company.example"}, raw)
	if !errors.Is(err, inquiry.ErrMaybeSent) {
		t.Fatalf("Send(connection lost in the data) = %v, want ErrMaybeSent", err)
	}
}

// proxy forwards each connection accepted on ln to addr.
func proxy(t *testing.T, ln net.Listener, addr string) {
	for {
		c, err := ln.Accept()
		if err != nil {
			return
		}
		go func() {
			defer c.Close()
			u, err := net.Dial("tcp", addr)
			if err != nil {
				return
			}
			defer u.Close()
			done := make(chan struct{}, 2)
			go func() { copyConn(u, c); done <- struct{}{} }()
			go func() { copyConn(c, u); done <- struct{}{} }()
			<-done
		}()
	}
}

func copyConn(dst, src net.Conn) {
	buf := make([]byte, 4096)
	for {
		n, err := src.Read(buf)
		if n > 0 {
			if _, werr := dst.Write(buf[:n]); werr != nil {
				return
			}
		}
		if err != nil {
			return
		}
	}
}

func TestSendCancelled(t *testing.T) {
	d := startDesk(t, desk.Options{})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	tok := inquiry.NewToken()
	from, _ := inquiry.PlusAddress("anna@shopper.example", tok)
	err := server(t, d, d.Submission(), "").Send(ctx, from, []string{"support@company.example"}, build(t, tok))
	if !errors.Is(err, inquiry.ErrNotSent) {
		t.Errorf("Send(cancelled) = %v, want ErrNotSent", err)
	}
}

func TestSendBadSettings(t *testing.T) {
	for _, s := range []inquiry.SMTP{
		{},
		{Host: "127.0.0.1", Security: "ssl3"},
	} {
		err := s.Send(context.Background(), "a@b.example", []string{"c@d.example"}, []byte("x"))
		if !errors.Is(err, inquiry.ErrNotSent) {
			t.Errorf("%+v.Send = %v, want ErrNotSent", s, err)
		}
	}
	s := inquiry.SMTP{Host: "127.0.0.1"}
	if err := s.Send(context.Background(), "a@b.example", nil, []byte("x")); !errors.Is(err, inquiry.ErrNotSent) {
		t.Errorf("Send(no recipient) = %v", err)
	}
	if err := s.Send(context.Background(), "a@b.example", []string{"c@d.example\r\nRCPT TO:<e@f>"}, []byte("x")); !errors.Is(err, inquiry.ErrNotSent) {
		t.Errorf("Send(recipient with CRLF) = %v", err)
	}
}
