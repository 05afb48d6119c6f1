// Package desk is a scripted company customer-service desk on loopback, for
// tests and the offline demo: what shopper's inquiries reach when no real
// company is involved.
//
// Start runs three SMTP servers on 127.0.0.1 (go-smtp): Submission offers
// STARTTLS and AUTH PLAIN (only inside TLS), SMTPS speaks TLS from the
// first byte with AUTH PLAIN, and Relay accepts mail on plain text without
// authentication, as a loopback relay does. The TLS certificate is made at
// Start for 127.0.0.1, ::1 and localhost; TLSConfig trusts it.
//
// Every message received is recorded (Received). A Script, chosen by the
// inquiry's token or its recipient address (Desk.Script), says how the desk
// answers: automatic acknowledgements (RFC 3834), a personal reply, a
// canned template, or nothing, each after a delay, in English, Vietnamese
// or Turkish, in UTF-8, windows-1258 or ISO-8859-9. Replies are handed to
// Options.Deliver as raw RFC 5322 messages addressed to the inquiry's
// Reply-To. With Options.Manual the desk's clock stands still until
// Advance moves it, so tests need no sleeping; replies are dated by that
// clock.
//
// Forms serves contact-form pages (package forms.go) that record what is
// submitted.
package desk

import (
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/emersion/go-message/mail"
	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"

	"github.com/shopper-audit/shopper/probes/inquiry"

	"github.com/shopper-audit/shopper/internal/loopcert"
)

// Options configure a Desk. The zero value is usable.
type Options struct {
	// Username and Password are the one account the desk accepts.
	// Default "shopper" and "desk-secret".
	Username, Password string
	// Deliver receives each reply, a whole RFC 5322 message addressed to
	// the inquiry's Reply-To. Default: replies are only recorded
	// (Replies).
	Deliver func(raw []byte) error
	// Manual stops the desk's clock: it starts at Start time (or Now) and
	// moves only with Advance, which delivers the replies that fell due.
	// Otherwise replies go out on timers after their delays.
	Manual bool
	// Now is the clock. Default time.Now.
	Now func() time.Time
	// Default is the script for inquiries no other script names. Default:
	// no reply.
	Default *Script
}

// Received is one message the desk received.
type Received struct {
	// From is the envelope sender, To the envelope recipients.
	From string
	To   []string
	// Raw is the message as received.
	Raw []byte
	// Time is when it was received, by the desk's clock.
	Time time.Time
	// Token is the inquiry's token, read from its Reply-To, From or
	// subject; "" when it has none.
	Token string
	// Auth is the user name the client logged in with; "" on the relay.
	Auth string
}

// Sent is one reply the desk produced.
type Sent struct {
	// Token is the inquiry's token, To the address replied to.
	Token, To string
	// Kind is the reply's kind.
	Kind Kind
	// Raw is the reply.
	Raw []byte
	// Due is the reply's date: the inquiry's arrival plus the delay.
	Due time.Time
	// Err is what Deliver returned.
	Err error
}

// Desk is a running desk. Its methods are safe for concurrent use.
type Desk struct {
	opts      Options
	tlsConfig *tls.Config // the servers'
	pool      *x509.CertPool
	certPEM   []byte
	servers   []*smtp.Server
	listeners []net.Listener
	addrs     [3]string

	mu       sync.Mutex
	clock    time.Time // Manual only
	scripts  map[string]*Script
	received []Received
	pending  []pending
	sent     []Sent
	timers   []*time.Timer
	closed   bool
	wg       sync.WaitGroup
}

// pending is a reply waiting for its time.
type pending struct {
	due   time.Time
	reply func() Sent
}

// Start runs the desk's SMTP servers on 127.0.0.1; Close stops them.
func Start(opts Options) (*Desk, error) {
	if opts.Username == "" {
		opts.Username = "shopper"
	}
	if opts.Password == "" {
		opts.Password = "desk-secret"
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	lc, err := loopcert.New("desk.localhost", time.Now()) // checked by the real clock
	if err != nil {
		return nil, fmt.Errorf("desk: %w", err)
	}
	d := &Desk{opts: opts, pool: lc.Pool, scripts: map[string]*Script{}, clock: opts.Now(), certPEM: lc.CertPEM}
	d.tlsConfig = &tls.Config{Certificates: []tls.Certificate{lc.TLS}, MinVersion: tls.VersionTLS12}
	for i, kind := range []string{"submission", "smtps", "relay"} {
		srv := smtp.NewServer(&backend{d: d, relay: kind == "relay"})
		srv.Domain = "desk.localhost"
		srv.ReadTimeout, srv.WriteTimeout = time.Minute, time.Minute
		srv.MaxMessageBytes = 10 << 20
		srv.ErrorLog = log.New(io.Discard, "", 0)
		var ln net.Listener
		switch kind {
		case "submission":
			srv.TLSConfig = d.tlsConfig
			ln, err = net.Listen("tcp", "127.0.0.1:0")
		case "smtps":
			srv.TLSConfig = d.tlsConfig
			ln, err = tls.Listen("tcp", "127.0.0.1:0", d.tlsConfig)
		default:
			ln, err = net.Listen("tcp", "127.0.0.1:0")
		}
		if err != nil {
			d.Close()
			return nil, fmt.Errorf("desk: listen: %w", err)
		}
		d.addrs[i] = ln.Addr().String()
		d.servers = append(d.servers, srv)
		d.listeners = append(d.listeners, ln)
		d.wg.Go(func() { _ = srv.Serve(ln) })
	}
	return d, nil
}

// Submission is the host:port of the server that offers STARTTLS and
// AUTH PLAIN.
func (d *Desk) Submission() string { return d.addrs[0] }

// SMTPS is the host:port of the server that speaks TLS from the first
// byte.
func (d *Desk) SMTPS() string { return d.addrs[1] }

// Relay is the host:port of the plain-text server that accepts mail
// without authentication and offers neither STARTTLS nor AUTH.
func (d *Desk) Relay() string { return d.addrs[2] }

// Username and Password are the account the desk accepts.
func (d *Desk) Username() string { return d.opts.Username }

// Password is the account's password.
func (d *Desk) Password() string { return d.opts.Password }

// TLSConfig returns a client configuration that trusts the desk's
// certificate.
func (d *Desk) TLSConfig() *tls.Config {
	return &tls.Config{RootCAs: d.pool, MinVersion: tls.VersionTLS12}
}

// CertPEM returns the desk's self-signed certificate in PEM, as a
// client's CA file (a campaign's ca_file) would hold it to trust the desk.
func (d *Desk) CertPEM() []byte {
	return append([]byte(nil), d.certPEM...)
}

// Script sets the script for an inquiry token or a recipient address
// (matched without regard to case); a token's script wins.
func (d *Desk) Script(key string, s Script) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.scripts[strings.ToLower(key)] = &s
}

// Received returns the messages received so far, oldest first.
func (d *Desk) Received() []Received {
	d.mu.Lock()
	defer d.mu.Unlock()
	return slices.Clone(d.received)
}

// Replies returns the replies produced so far, in the order they fell due.
func (d *Desk) Replies() []Sent {
	d.mu.Lock()
	defer d.mu.Unlock()
	return slices.Clone(d.sent)
}

// Now is the desk's clock.
func (d *Desk) Now() time.Time {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.now()
}

func (d *Desk) now() time.Time {
	if d.opts.Manual {
		return d.clock
	}
	return d.opts.Now()
}

// Advance moves a Manual desk's clock on by dt and delivers, in order, the
// replies that fell due; it returns their records. It does nothing on a
// desk that is not Manual.
func (d *Desk) Advance(dt time.Duration) []Sent {
	d.mu.Lock()
	if !d.opts.Manual {
		d.mu.Unlock()
		return nil
	}
	d.clock = d.clock.Add(dt)
	var due []pending
	keep := d.pending[:0]
	for _, p := range d.pending {
		if !p.due.After(d.clock) {
			due = append(due, p)
		} else {
			keep = append(keep, p)
		}
	}
	d.pending = keep
	d.mu.Unlock()
	slices.SortStableFunc(due, func(a, b pending) int { return a.due.Compare(b.due) })
	var out []Sent
	for _, p := range due {
		out = append(out, p.reply())
	}
	return out
}

// Close stops the servers and the reply timers. Replies not yet due are
// dropped.
func (d *Desk) Close() error {
	d.mu.Lock()
	d.closed = true
	for _, t := range d.timers {
		t.Stop()
	}
	d.pending = nil
	d.mu.Unlock()
	// Close the listeners here too: a server closed before its Serve
	// began would not know of its listener.
	for _, ln := range d.listeners {
		_ = ln.Close()
	}
	for _, s := range d.servers {
		_ = s.Close()
	}
	d.wg.Wait()
	return nil
}

// receive records a message and schedules its replies.
func (d *Desk) receive(from string, to []string, raw []byte, auth string) (drop bool) {
	tok := tokenOf(raw)
	d.mu.Lock()
	defer d.mu.Unlock()
	r := Received{From: from, To: to, Raw: raw, Time: d.now(), Token: tok, Auth: auth}
	d.received = append(d.received, r)
	s := d.scriptFor(tok, to)
	if s == nil {
		return false
	}
	for _, rep := range s.Replies {
		due := r.Time.Add(rep.After)
		send := func() Sent {
			raw, to, err := compose(r, rep, due)
			out := Sent{Token: tok, To: to, Kind: rep.Kind, Raw: raw, Due: due, Err: err}
			if err == nil && d.opts.Deliver != nil {
				out.Err = d.opts.Deliver(raw)
			}
			d.mu.Lock()
			d.sent = append(d.sent, out)
			d.mu.Unlock()
			return out
		}
		if d.opts.Manual {
			d.pending = append(d.pending, pending{due: due, reply: send})
			continue
		}
		d.timers = append(d.timers, time.AfterFunc(rep.After, func() {
			d.mu.Lock()
			closed := d.closed
			d.mu.Unlock()
			if !closed {
				send()
			}
		}))
	}
	return s.DropConnection
}

func (d *Desk) scriptFor(token string, to []string) *Script {
	if s := d.scripts[token]; token != "" && s != nil {
		return s
	}
	for _, a := range to {
		if s := d.scripts[strings.ToLower(a)]; s != nil {
			return s
		}
	}
	return d.opts.Default
}

func (d *Desk) rejects(rcpt string) string {
	d.mu.Lock()
	defer d.mu.Unlock()
	if s := d.scripts[strings.ToLower(rcpt)]; s != nil {
		return s.RejectRecipient
	}
	return ""
}

// tokenOf reads the inquiry token from a message's Reply-To, From or
// subject.
func tokenOf(raw []byte) string {
	r, err := mail.CreateReader(strings.NewReader(string(raw)))
	if err != nil {
		return ""
	}
	defer r.Close()
	for _, key := range []string{"Reply-To", "From"} {
		if as, err := r.Header.AddressList(key); err == nil {
			for _, a := range as {
				if t := inquiry.TokenFromAddress(a.Address); t != "" {
					return t
				}
			}
		}
	}
	s, _ := r.Header.Subject()
	return inquiry.TokenFromSubject(s)
}

// backend makes a session per connection.
type backend struct {
	d     *Desk
	relay bool
}

func (b *backend) NewSession(c *smtp.Conn) (smtp.Session, error) {
	return &session{d: b.d, relay: b.relay, conn: c}, nil
}

type session struct {
	d     *Desk
	relay bool
	conn  *smtp.Conn
	user  string
	from  string
	to    []string
}

var _ smtp.AuthSession = (*session)(nil)

func (s *session) AuthMechanisms() []string {
	if s.relay {
		return nil
	}
	return []string{sasl.Plain}
}

func (s *session) Auth(mech string) (sasl.Server, error) {
	if s.relay || mech != sasl.Plain {
		return nil, smtp.ErrAuthUnknownMechanism
	}
	return sasl.NewPlainServer(func(identity, username, password string) error {
		if (identity != "" && identity != username) || username != s.d.opts.Username || password != s.d.opts.Password {
			return smtp.ErrAuthFailed
		}
		s.user = username
		return nil
	}), nil
}

func (s *session) Mail(from string, _ *smtp.MailOptions) error {
	if !s.relay && s.user == "" {
		return smtp.ErrAuthRequired
	}
	s.from = from
	return nil
}

func (s *session) Rcpt(to string, _ *smtp.RcptOptions) error {
	if msg := s.d.rejects(to); msg != "" {
		return &smtp.SMTPError{Code: 550, EnhancedCode: smtp.EnhancedCode{5, 1, 1}, Message: msg}
	}
	s.to = append(s.to, to)
	return nil
}

func (s *session) Data(r io.Reader) error {
	raw, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	if s.d.receive(s.from, slices.Clone(s.to), raw, s.user) {
		// The scripted fault: the message arrived, but the connection
		// drops before the desk answers it.
		_ = s.conn.Conn().Close()
		return errors.New("connection dropped by script")
	}
	return nil
}

func (s *session) Reset()        { s.from, s.to = "", nil }
func (s *session) Logout() error { return nil }
