package replies

import (
	"context"
	"errors"
	"fmt"
	"net"
	"slices"
	"strings"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"
)

// Cursor is how far a watch has read a folder: every message with a UID
// up to LastUID under UIDValidity has been handled. The zero Cursor reads
// the folder from the start.
type Cursor struct {
	UIDValidity uint32
	LastUID     uint32
}

// handleError carries an error returned by the caller's handle func.
type handleError struct{ err error }

func (e *handleError) Error() string { return "handle reply: " + e.err.Error() }
func (e *handleError) Unwrap() error { return e.err }

// permanentError marks failures that reconnecting cannot cure.
type permanentError struct{ error }

func (e permanentError) Unwrap() error { return e.error }

// idleSafetyPoll is how long an IDLE waits before checking anyway, in case
// a notification was lost.
const idleSafetyPoll = 5 * time.Minute

// Watch reads the folder of mb from cursor from, calls handle for each
// message in UID order, then waits for new messages (IDLE when the server
// has it, polling every mb.PollInterval otherwise) until ctx ends or
// handle fails. It returns ctx's error, handle's error (wrapped), or an
// error that reconnecting cannot cure (refused login, missing folder, bad
// settings); any other failure is retried with capped backoff, resuming
// from the last handled message.
//
// Each time every message the folder held when Watch last looked has been
// handed over, Watch calls mb.CaughtUp, if set, before it waits for more:
// once after connecting, and after each round of new mail.
//
// handle receives the message and the cursor to store once it is dealt
// with; within one call of Watch it is called once per (UIDVALIDITY, UID).
// If the server's UIDVALIDITY differs from the cursor's, the folder is
// read again from the start under the new validity, so handle may see a
// message a second time with a new UID: dedupe on Message.DedupeKey
// (the Message-ID when there is one). Messages are opened read-only and
// fetched with BODY.PEEK: nothing is marked \Seen. Only headers and text
// parts are fetched, each cut at MaxHeader and MaxText bytes; a message
// whose reading breaks the connection three times is handed over with
// only a problem noted.
func Watch(ctx context.Context, mb Mailbox, from Cursor, handle func(Message, Cursor) error) error {
	if err := mb.validate(); err != nil {
		return err
	}
	w := &watcher{mb: mb, cur: from, handle: handle, failures: map[uint32]int{}}
	backoff := 100 * time.Millisecond
	maxBackoff := mb.MaxBackoff
	if maxBackoff <= 0 {
		maxBackoff = 30 * time.Second
	}
	for {
		selected, err := w.run(ctx)
		if ctx.Err() != nil {
			return ctx.Err()
		}
		var he *handleError
		var pe permanentError
		switch {
		case errors.As(err, &he):
			return err
		case errors.As(err, &pe), errors.Is(err, ErrAuth):
			return fmt.Errorf("watch %s: %w", mb.folder(), err)
		}
		if selected {
			backoff = 100 * time.Millisecond
		}
		mb.logf("watch %s: %v; reconnecting in %s", mb.folder(), err, backoff)
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(backoff):
		}
		backoff = min(2*backoff, maxBackoff)
	}
}

func (mb Mailbox) validate() error {
	host, _, err := net.SplitHostPort(mb.Addr)
	if err != nil {
		return fmt.Errorf("IMAP address %q: %w", mb.Addr, err)
	}
	switch strings.ToLower(mb.Security) {
	case "", "tls", "starttls", "none":
	default:
		return fmt.Errorf("IMAP security %q: want tls, starttls or none", mb.Security)
	}
	if strings.EqualFold(mb.Security, "none") {
		if !isLoopback(host) {
			return fmt.Errorf("connect to %s: %w", mb.Addr, ErrInsecure)
		}
	}
	return nil
}

type watcher struct {
	mb       Mailbox
	cur      Cursor
	handle   func(Message, Cursor) error
	inflight uint32
	failures map[uint32]int // UID → sessions that broke while reading it
}

// run is one connection's worth of watching. selected says whether the
// folder was opened, so that backoff restarts.
func (w *watcher) run(ctx context.Context) (selected bool, err error) {
	wake := make(chan struct{}, 1)
	notify := func() {
		select {
		case wake <- struct{}{}:
		default:
		}
	}
	c, err := w.mb.dial(ctx, notify)
	if err != nil {
		return false, err
	}
	stop := context.AfterFunc(ctx, func() { c.Close() })
	defer stop()
	defer c.Close()
	defer func() {
		if err != nil && w.inflight != 0 {
			w.failures[w.inflight]++
		}
		w.inflight = 0
	}()
	folder := w.mb.folder()
	sel, err := c.Select(folder, &imap.SelectOptions{ReadOnly: true}).Wait()
	if err != nil {
		var ie *imap.Error
		if errors.As(err, &ie) && ie.Type == imap.StatusResponseTypeNo {
			return false, permanentError{w.mb.wrap(err, "open %s", folder)}
		}
		return false, w.mb.wrap(err, "open %s", folder)
	}
	if sel.UIDValidity != w.cur.UIDValidity {
		if w.cur.UIDValidity != 0 {
			w.mb.logf("%s: UIDVALIDITY changed from %d to %d; reading the folder again", folder, w.cur.UIDValidity, sel.UIDValidity)
		}
		w.cur = Cursor{UIDValidity: sel.UIDValidity}
		clear(w.failures)
	}
	caps := c.Caps()
	idle := caps.Has(imap.CapIdle) || caps.Has(imap.CapIMAP4rev2)
	poll := w.mb.PollInterval
	if poll <= 0 {
		poll = time.Second
	}
	for {
		// A notification arriving from here on means another round.
		select {
		case <-wake:
		default:
		}
		if err := w.fetchNew(c); err != nil {
			return true, err
		}
		if w.mb.CaughtUp != nil {
			w.mb.CaughtUp(w.cur)
		}
		if idle {
			ic, err := c.Idle()
			if err != nil {
				return true, w.mb.wrap(err, "IDLE on %s", folder)
			}
			timer := time.NewTimer(idleSafetyPoll)
			select {
			case <-wake:
			case <-timer.C:
			case <-ctx.Done():
			case <-c.Closed():
			}
			timer.Stop()
			if err := ic.Close(); err != nil {
				return true, w.mb.wrap(err, "end IDLE on %s", folder)
			}
			if err := ic.Wait(); err != nil {
				return true, w.mb.wrap(err, "IDLE on %s", folder)
			}
		} else {
			timer := time.NewTimer(poll)
			select {
			case <-wake:
			case <-timer.C:
			case <-ctx.Done():
			case <-c.Closed():
			}
			timer.Stop()
			if err := c.Noop().Wait(); err != nil {
				return true, w.mb.wrap(err, "poll %s", folder)
			}
		}
		if ctx.Err() != nil {
			return true, ctx.Err()
		}
	}
}

// fetchNew hands every message after the cursor to handle.
func (w *watcher) fetchNew(c *imapclient.Client) error {
	if w.cur.LastUID == ^uint32(0) {
		return nil
	}
	data, err := c.UIDSearch(&imap.SearchCriteria{
		UID: []imap.UIDSet{{imap.UIDRange{Start: imap.UID(w.cur.LastUID + 1), Stop: 0}}},
	}, nil).Wait()
	if err != nil {
		return w.mb.wrap(err, "search %s", w.mb.folder())
	}
	var uids []uint32
	for _, u := range data.AllUIDs() {
		// "n:*" includes the last message even when its UID is below n.
		if uint32(u) > w.cur.LastUID {
			uids = append(uids, uint32(u))
		}
	}
	slices.Sort(uids)
	for _, uid := range uids {
		w.inflight = uid
		var m Message
		var ok bool
		switch w.failures[uid] {
		case 0, 1:
			m, ok, err = fetchMessage(c, uid)
		case 2:
			m, ok, err = fetchRaw(c, uid)
		default:
			m, ok = Message{UID: uid, DedupeKey: fmt.Sprintf("uid:%d:%d", w.cur.UIDValidity, uid)}, true
			m.Problems = []string{"the message could not be read: fetching it broke the connection three times"}
			w.mb.logf("%s: UID %d could not be read, handed over without content", w.mb.folder(), uid)
		}
		if err != nil {
			return w.mb.wrap(err, "fetch UID %d from %s", uid, w.mb.folder())
		}
		w.inflight = 0
		if !ok {
			continue // expunged meanwhile
		}
		next := Cursor{UIDValidity: w.cur.UIDValidity, LastUID: uid}
		if err := w.handle(m, next); err != nil {
			return &handleError{err}
		}
		w.cur = next
		delete(w.failures, uid)
	}
	return nil
}

// fetchMessage reads one message: its structure, header and text parts.
// ok is false when the message is gone.
func fetchMessage(c *imapclient.Client, uid uint32) (m Message, ok bool, err error) {
	set := imap.UIDSetNum(imap.UID(uid))
	head := &imap.FetchItemBodySection{Specifier: imap.PartSpecifierHeader, Peek: true, Partial: &imap.SectionPartial{Offset: 0, Size: MaxHeader}}
	msgs, err := c.Fetch(set, &imap.FetchOptions{
		UID:           true,
		InternalDate:  true,
		RFC822Size:    true,
		BodyStructure: &imap.FetchItemBodyStructure{Extended: true},
		BodySection:   []*imap.FetchItemBodySection{head},
	}).Collect()
	if err != nil {
		return m, false, err
	}
	buf := findUID(msgs, uid)
	if buf == nil {
		return m, false, nil
	}
	var pr problems
	var raw []byte
	for _, s := range buf.BodySection {
		raw = s.Bytes
	}
	fillHeader(&m, raw, &pr)
	m.UID, m.InternalDate, m.Received = uid, buf.InternalDate, arrival(buf.InternalDate, time.Now())
	if buf.BodyStructure == nil {
		pr.add("the server sent no body structure")
		m.Problems = pr
		return m, true, nil
	}
	root := fromStructure(buf.BodyStructure, nil, 0)
	parts := textParts(root)
	if len(parts) > 0 {
		var sections []*imap.FetchItemBodySection
		for _, p := range parts {
			sections = append(sections, &imap.FetchItemBodySection{Part: p.path, Peek: true, Partial: &imap.SectionPartial{Offset: 0, Size: MaxText}})
		}
		msgs, err := c.Fetch(set, &imap.FetchOptions{UID: true, BodySection: sections}).Collect()
		if err != nil {
			return m, false, err
		}
		buf := findUID(msgs, uid)
		if buf == nil {
			return m, false, nil
		}
		var texts []string
		for _, p := range parts {
			for _, s := range buf.BodySection {
				if slices.Equal(s.Section.Part, p.path) {
					texts = append(texts, decodePart(p, s.Bytes, len(s.Bytes) >= MaxText, &pr))
					break
				}
			}
		}
		m.Text = joinText(texts, &pr)
	}
	m.Problems = pr
	return m, true, nil
}

// fetchRaw reads the start of the raw message and parses it locally: the
// fallback for a message whose structure breaks the connection.
func fetchRaw(c *imapclient.Client, uid uint32) (Message, bool, error) {
	msgs, err := c.Fetch(imap.UIDSetNum(imap.UID(uid)), &imap.FetchOptions{
		UID:          true,
		InternalDate: true,
		BodySection:  []*imap.FetchItemBodySection{{Peek: true, Partial: &imap.SectionPartial{Offset: 0, Size: MaxHeader + MaxText}}},
	}).Collect()
	if err != nil {
		return Message{}, false, err
	}
	buf := findUID(msgs, uid)
	if buf == nil {
		return Message{}, false, nil
	}
	var raw []byte
	for _, s := range buf.BodySection {
		raw = s.Bytes
	}
	m := Parse(raw)
	m.UID, m.InternalDate, m.Received = uid, buf.InternalDate, arrival(buf.InternalDate, time.Now())
	m.Problems = append(m.Problems, "read from the raw message: the server's structure of it could not be fetched")
	return m, true, nil
}

// arrival is when a message with the INTERNALDATE internal, read at
// seen, landed (see Message.Received): seen held within the second
// internal names.
func arrival(internal, seen time.Time) time.Time {
	if internal.IsZero() || internal.Nanosecond() != 0 {
		return internal // unknown, or exact
	}
	end := internal.Add(time.Second)
	switch {
	case seen.Before(internal):
		return internal
	case seen.After(end):
		return end
	}
	return seen.In(internal.Location())
}

func findUID(msgs []*imapclient.FetchMessageBuffer, uid uint32) *imapclient.FetchMessageBuffer {
	for _, m := range msgs {
		if uint32(m.UID) == uid {
			return m
		}
	}
	return nil
}

// fromStructure converts the server's BODYSTRUCTURE into parts.
func fromStructure(bs imap.BodyStructure, path []int, depth int) *part {
	switch s := bs.(type) {
	case *imap.BodyStructureSinglePart:
		p := &part{mediaType: s.MediaType(), params: map[string]string{}, encoding: s.Encoding, path: path}
		if p.path == nil {
			p.path = []int{1}
		}
		for k, v := range s.Params {
			p.params[strings.ToLower(k)] = v
		}
		if d := s.Disposition(); d != nil {
			p.disposition = strings.ToLower(d.Value)
			p.filename = d.Params["filename"]
		}
		if p.filename == "" {
			p.filename = p.params["name"]
		}
		return p
	case *imap.BodyStructureMultiPart:
		p := &part{mediaType: s.MediaType(), path: path}
		if depth >= maxDepth {
			return p
		}
		for i, child := range s.Children {
			if i >= maxParts {
				break
			}
			p.children = append(p.children, fromStructure(child, append(append([]int(nil), path...), i+1), depth+1))
		}
		return p
	}
	return &part{mediaType: "application/octet-stream"}
}
