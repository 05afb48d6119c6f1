package inquiry

import (
	"context"
	"crypto/tls"
	"encoding/base64"
	"errors"
	"fmt"
	"net"
	"strconv"
	"strings"
	"time"

	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"
)

// SMTP is a submission server the inquiries are sent through. The zero
// value of each field but Host stands for the default its comment gives.
type SMTP struct {
	// Host is the server's host name or IP address.
	Host string
	// Port is the server's port. Default 587 for "starttls" and "none",
	// 465 for "tls".
	Port int
	// Security is how the connection is protected: "starttls" (the
	// default: the server must offer STARTTLS), "tls" (TLS from the first
	// byte) or "none", allowed only to a loopback host and never with a
	// Username.
	Security string
	// Username and Password authenticate with SASL PLAIN, always inside
	// TLS. No authentication when Username is empty.
	Username, Password string
	// TLSConfig configures TLS. Default: the system's roots, and the
	// server name Host.
	TLSConfig *tls.Config
	// Timeout bounds the whole submission, from dialling to the server's
	// answer to the message. Default 2 minutes.
	Timeout time.Duration
}

// Security values for SMTP.Security.
const (
	SecurityStartTLS = "starttls"
	SecurityTLS      = "tls"
	SecurityNone     = "none"
)

// Errors Send's errors wrap, for errors.Is.
var (
	// ErrMaybeSent: the connection failed after the message's data began
	// to go out, and the server did not say whether it took the message.
	// It may have been delivered: do not send it again.
	ErrMaybeSent = errors.New("the message may have been sent: the connection failed after its data began to go out")
	// ErrNotSent: the server was not reached, or refused the connection,
	// the log-in, the sender, a recipient or the message. Nothing was
	// delivered; sending again later is safe.
	ErrNotSent = errors.New("the message was not sent")
	// ErrAuth: the server refused the user name or password.
	ErrAuth = errors.New("the SMTP server refused the user name or password")
	// ErrInsecure: the connection could not be protected as Security
	// asks (no STARTTLS offered, TLS failed, or "none" to a host that is
	// not loopback), so no credentials and no message were sent.
	ErrInsecure = errors.New("the connection to the SMTP server could not be protected")
)

func (s SMTP) port() int {
	switch {
	case s.Port > 0:
		return s.Port
	case s.security() == SecurityTLS:
		return 465
	}
	return 587
}

func (s SMTP) security() string {
	if s.Security == "" {
		return SecurityStartTLS
	}
	return strings.ToLower(s.Security)
}

func (s SMTP) tlsConfig() *tls.Config {
	c := &tls.Config{}
	if s.TLSConfig != nil {
		c = s.TLSConfig.Clone()
	}
	if c.ServerName == "" {
		c.ServerName = s.Host
	}
	if c.MinVersion == 0 {
		c.MinVersion = tls.VersionTLS12
	}
	return c
}

// loopback reports whether host names this machine.
func loopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(strings.Trim(host, "[]"))
	return ip != nil && ip.IsLoopback()
}

// Send submits raw (a whole message, as Build writes it) from the
// envelope sender from to the recipients to. It returns nil once the
// server accepted the message.
//
// Every error wraps either ErrNotSent (nothing was delivered) or
// ErrMaybeSent (the connection failed after the message's data began to go
// out, and the server's verdict is unknown): a caller that retries must
// retry only the first. Refused credentials also wrap ErrAuth; a
// connection that could not be protected wraps ErrInsecure. No error ever
// holds the password.
func (s SMTP) Send(ctx context.Context, from string, to []string, raw []byte) error {
	err := s.send(ctx, from, to, raw)
	if err == nil {
		return nil
	}
	return &sendError{err: err, secrets: s.secrets()}
}

func (s SMTP) send(ctx context.Context, from string, to []string, raw []byte) error {
	addr := net.JoinHostPort(s.Host, strconv.Itoa(s.port()))
	notSent := func(format string, args ...any) error {
		return fmt.Errorf("smtp %s: %w: %w", addr, fmt.Errorf(format, args...), ErrNotSent)
	}
	if s.Host == "" {
		return notSent("no host")
	}
	if _, _, err := splitAddress(from); err != nil {
		return notSent("sender: %w", err)
	}
	if len(to) == 0 {
		return notSent("no recipient")
	}
	for _, r := range to {
		if _, _, err := splitAddress(r); err != nil {
			return notSent("recipient: %w", err)
		}
	}
	sec := s.security()
	switch sec {
	case SecurityStartTLS, SecurityTLS:
	case SecurityNone:
		if !loopback(s.Host) {
			return notSent("%w: security \"none\" is allowed only to a loopback host", ErrInsecure)
		}
		if s.Username != "" {
			return notSent("%w: credentials are never sent without TLS (security \"none\")", ErrInsecure)
		}
	default:
		return notSent("security %q: want starttls, tls or none", clip(s.Security))
	}

	timeout := s.Timeout
	if timeout <= 0 {
		timeout = 2 * time.Minute
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()

	var d net.Dialer
	conn, err := d.DialContext(ctx, "tcp", addr)
	if err != nil {
		return notSent("dial: %w", err)
	}
	defer conn.Close()
	// The client sets and clears deadlines per command: the end of ctx
	// (cancelled, or Timeout passed) closes the connection instead.
	stop := context.AfterFunc(ctx, func() { _ = conn.Close() })
	defer stop()

	if sec == SecurityTLS {
		tc := tls.Client(conn, s.tlsConfig())
		if err := tc.HandshakeContext(ctx); err != nil {
			return notSent("%w: TLS: %w", ErrInsecure, err)
		}
		conn = tc
	}
	var c *smtp.Client
	if sec == SecurityStartTLS {
		// NewClientStartTLS greets, checks that STARTTLS is offered and
		// starts TLS before anything else is said.
		if c, err = smtp.NewClientStartTLS(conn, s.tlsConfig()); err != nil {
			return notSent("%w: STARTTLS: %w", ErrInsecure, err)
		}
	} else {
		c = smtp.NewClient(conn)
	}
	defer c.Close()
	c.CommandTimeout, c.SubmissionTimeout = timeout, timeout
	if err := c.Hello(helloName(from)); err != nil {
		if sec == SecurityStartTLS {
			// The TLS handshake runs with the first command after STARTTLS.
			return notSent("%w: hello after STARTTLS: %w", ErrInsecure, err)
		}
		return notSent("hello: %w", err)
	}
	if s.Username != "" {
		if _, ok := c.TLSConnectionState(); !ok {
			return notSent("%w: not authenticating without TLS", ErrInsecure)
		}
		if !c.SupportsAuth(sasl.Plain) {
			return notSent("the server does not offer AUTH PLAIN")
		}
		if err := c.Auth(sasl.NewPlainClient("", s.Username, s.Password)); err != nil {
			var se *smtp.SMTPError
			if errors.As(err, &se) && (se.Code == 535 || se.Code == 534 || se.Code == 530) {
				return notSent("log in as %s: %w (%d %s)", s.Username, ErrAuth, se.Code, se.Message)
			}
			return notSent("log in as %s: %w", s.Username, err)
		}
	}
	if err := c.Mail(from, nil); err != nil {
		return notSent("sender %s refused: %w", from, err)
	}
	for _, r := range to {
		if err := c.Rcpt(r, nil); err != nil {
			return notSent("recipient %s refused: %w", r, err)
		}
	}
	w, err := c.Data()
	if err != nil {
		// DATA was refused or its answer lost before any data went out.
		return notSent("data: %w", err)
	}
	// From here on a failure of the connection leaves the outcome unknown;
	// only the server's own refusal of the message means it was not taken.
	if _, err := w.Write(raw); err != nil {
		return fmt.Errorf("smtp %s: data: %w: %w", addr, err, ErrMaybeSent)
	}
	if err := w.Close(); err != nil {
		var se *smtp.SMTPError
		if errors.As(err, &se) {
			return notSent("message refused: %w", err)
		}
		return fmt.Errorf("smtp %s: end of data: %w: %w", addr, err, ErrMaybeSent)
	}
	_ = c.Quit() // the message was accepted; a failed QUIT changes nothing
	return nil
}

// helloName is the name the client greets with: the sender's domain.
func helloName(from string) string {
	if _, d, err := splitAddress(from); err == nil {
		return d
	}
	return "localhost"
}

// secrets are the strings no error may show: the password and the
// encodings of the PLAIN response that carries it.
func (s SMTP) secrets() []string {
	if s.Password == "" {
		return nil
	}
	plain := "\x00" + s.Username + "\x00" + s.Password
	return []string{
		s.Password,
		base64.StdEncoding.EncodeToString([]byte(plain)),
		base64.StdEncoding.EncodeToString([]byte(s.Password)),
	}
}

// sendError is an error of Send whose text never shows the password, even
// when a server echoes it back.
type sendError struct {
	err     error
	secrets []string
}

func (e *sendError) Error() string {
	msg := e.err.Error()
	for _, s := range e.secrets {
		if s != "" {
			msg = strings.ReplaceAll(msg, s, "[redacted]")
		}
	}
	return msg
}

func (e *sendError) Unwrap() error { return e.err }
