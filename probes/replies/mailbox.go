package replies

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"net"
	"strings"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"
)

// Mailbox says where replies arrive and how to log in. The zero values of
// the optional fields are documented on each.
type Mailbox struct {
	// Addr is the IMAP server's host:port.
	Addr string
	// Security is "tls" (implicit TLS, the default when empty),
	// "starttls", or "none" (allowed only for a loopback server).
	Security string
	// Username and Password log in. They never appear in errors.
	Username, Password string
	// Folder is the folder watched; INBOX when empty.
	Folder string
	// TLSConfig is used for "tls" and "starttls"; nil means the system's
	// roots and the host of Addr as server name.
	TLSConfig *tls.Config
	// PollInterval is how often a server without IDLE is asked for new
	// mail; 1s when zero.
	PollInterval time.Duration
	// MaxBackoff caps the wait between reconnection attempts; 30s when
	// zero. Attempts start 100ms apart and double.
	MaxBackoff time.Duration
	// CaughtUp, when set, is called by Watch whenever every message the
	// folder held when Watch last looked has been handed to handle, just
	// before Watch waits for more (IDLE or the next poll), with the
	// cursor reached. It is called after each connection's first reading
	// of the folder and after each round of new mail, on the goroutine
	// that calls handle: it should return quickly, and may cancel Watch's
	// context to stop once the folder has been read. Default nil.
	CaughtUp func(Cursor)
	// Logf, when set, is told of reconnections and skipped messages.
	// Messages never contain credentials.
	Logf func(format string, args ...any)
}

// ErrAuth is returned (wrapped) when the server refuses the credentials;
// Watch does not retry it.
var ErrAuth = errors.New("the IMAP server refused the login")

// ErrInsecure is returned when Security "none" is asked for a server that
// is not on loopback.
var ErrInsecure = errors.New(`plain IMAP (security "none") is allowed only on loopback`)

func (mb Mailbox) folder() string {
	if mb.Folder == "" {
		return "INBOX"
	}
	return mb.Folder
}

func (mb Mailbox) logf(format string, args ...any) {
	if mb.Logf != nil {
		mb.Logf("%s", mb.redact(fmt.Sprintf(format, args...)))
	}
}

// redact removes the credentials from s.
func (mb Mailbox) redact(s string) string {
	for _, secret := range []string{mb.Password, mb.Username} {
		if len(secret) >= 3 {
			s = strings.ReplaceAll(s, secret, "[redacted]")
		}
	}
	return s
}

// mailboxError is an error whose text has had credentials removed; the
// original is kept for errors.Is.
type mailboxError struct {
	msg string
	err error
}

func (e *mailboxError) Error() string { return e.msg }
func (e *mailboxError) Unwrap() error { return e.err }

// wrap adds context to err and redacts credentials from its text.
func (mb Mailbox) wrap(err error, format string, args ...any) error {
	if err == nil {
		return nil
	}
	ctx := fmt.Sprintf(format, args...)
	return &mailboxError{msg: mb.redact(ctx + ": " + err.Error()), err: err}
}

// dial connects and logs in. onMailbox, when set, is told of unilateral
// mailbox updates (new messages).
func (mb Mailbox) dial(ctx context.Context, onMailbox func()) (*imapclient.Client, error) {
	if err := mb.validate(); err != nil {
		return nil, err
	}
	host, _, _ := net.SplitHostPort(mb.Addr)
	security := strings.ToLower(mb.Security)
	if security == "" {
		security = "tls"
	}
	tlsConfig := &tls.Config{MinVersion: tls.VersionTLS12}
	if mb.TLSConfig != nil {
		tlsConfig = mb.TLSConfig.Clone()
	}
	if tlsConfig.ServerName == "" {
		tlsConfig.ServerName = host
	}
	opts := &imapclient.Options{
		TLSConfig:   tlsConfig,
		WordDecoder: wordDecoder,
		UnilateralDataHandler: &imapclient.UnilateralDataHandler{
			Mailbox: func(data *imapclient.UnilateralDataMailbox) {
				if data.NumMessages != nil && onMailbox != nil {
					onMailbox()
				}
			},
		},
	}
	d := net.Dialer{Timeout: 30 * time.Second, KeepAlive: 30 * time.Second}
	conn, err := d.DialContext(ctx, "tcp", mb.Addr)
	if err != nil {
		return nil, mb.wrap(err, "connect to %s", mb.Addr)
	}
	// Until logged in, the context's end closes the connection.
	stop := context.AfterFunc(ctx, func() { conn.Close() })
	defer stop()
	var c *imapclient.Client
	switch security {
	case "tls":
		tc := tls.Client(conn, tlsConfig)
		if err := tc.HandshakeContext(ctx); err != nil {
			conn.Close()
			return nil, mb.wrap(err, "TLS with %s", mb.Addr)
		}
		c = imapclient.New(tc, opts)
	case "starttls":
		c, err = imapclient.NewStartTLS(conn, opts)
		if err != nil {
			conn.Close()
			return nil, mb.wrap(err, "STARTTLS with %s", mb.Addr)
		}
	default:
		c = imapclient.New(conn, opts)
	}
	if err := c.WaitGreeting(); err != nil {
		c.Close()
		return nil, mb.wrap(err, "greeting from %s", mb.Addr)
	}
	if err := c.Login(mb.Username, mb.Password).Wait(); err != nil {
		c.Close()
		var ie *imap.Error
		if errors.As(err, &ie) && ie.Type == imap.StatusResponseTypeNo {
			return nil, &mailboxError{msg: mb.redact(fmt.Sprintf("log in to %s: %v: %s", mb.Addr, ErrAuth, ie.Text)), err: ErrAuth}
		}
		return nil, mb.wrap(err, "log in to %s", mb.Addr)
	}
	if ctx.Err() != nil {
		c.Close()
		return nil, ctx.Err()
	}
	return c, nil
}

func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// session runs f on a logged-in client and logs out after.
func (mb Mailbox) session(ctx context.Context, f func(c *imapclient.Client) error) error {
	c, err := mb.dial(ctx, nil)
	if err != nil {
		return err
	}
	stop := context.AfterFunc(ctx, func() { c.Close() })
	defer stop()
	defer c.Close()
	if err := f(c); err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return err
	}
	_ = c.Logout().Wait()
	return nil
}

// Append stores raw in folder (the mailbox's Folder when empty) with no
// flags, e.g. a copy of a sent inquiry in Sent, or a delivery in a test.
func Append(ctx context.Context, mb Mailbox, folder string, raw []byte) error {
	if folder == "" {
		folder = mb.folder()
	}
	return mb.session(ctx, func(c *imapclient.Client) error {
		cmd := c.Append(folder, int64(len(raw)), nil)
		if _, err := cmd.Write(raw); err != nil {
			cmd.Close()
			return mb.wrap(err, "append to %s", folder)
		}
		if err := cmd.Close(); err != nil {
			return mb.wrap(err, "append to %s", folder)
		}
		if _, err := cmd.Wait(); err != nil {
			return mb.wrap(err, "append to %s", folder)
		}
		return nil
	})
}

// FindMessageID reports whether folder (the mailbox's Folder when empty)
// holds a message with the Message-ID messageID (angle brackets
// optional), e.g. to learn on restart whether an inquiry was sent.
func FindMessageID(ctx context.Context, mb Mailbox, folder, messageID string) (bool, error) {
	if folder == "" {
		folder = mb.folder()
	}
	id := strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(messageID), "<"), ">")
	if id == "" {
		return false, fmt.Errorf("find message ID in %s: empty message ID", folder)
	}
	found := false
	err := mb.session(ctx, func(c *imapclient.Client) error {
		if _, err := c.Select(folder, &imap.SelectOptions{ReadOnly: true}).Wait(); err != nil {
			return mb.wrap(err, "open %s", folder)
		}
		data, err := c.UIDSearch(&imap.SearchCriteria{
			Header: []imap.SearchCriteriaHeaderField{{Key: "Message-ID", Value: id}},
		}, nil).Wait()
		if err != nil {
			return mb.wrap(err, "search %s", folder)
		}
		uids := data.AllUIDs()
		if len(uids) == 0 {
			return nil
		}
		// SEARCH HEADER matches substrings: confirm the exact ID.
		var set imap.UIDSet
		set.AddNum(uids...)
		msgs, err := c.Fetch(set, &imap.FetchOptions{
			UID:         true,
			BodySection: []*imap.FetchItemBodySection{{Specifier: imap.PartSpecifierHeader, HeaderFields: []string{"Message-ID"}, Peek: true}},
		}).Collect()
		if err != nil {
			return mb.wrap(err, "fetch from %s", folder)
		}
		for _, msg := range msgs {
			for _, sec := range msg.BodySection {
				for _, got := range messageIDs(string(sec.Bytes)) {
					if got == id {
						found = true
					}
				}
			}
		}
		return nil
	})
	return found, err
}
