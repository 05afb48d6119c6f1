package campaign

import (
	"context"

	"github.com/shopper-audit/shopper/probes/replies"
	"github.com/shopper-audit/shopper/store"
)

// IMAPInbox is the Inbox of a real IMAP mailbox (probes/replies).
type IMAPInbox struct {
	// Mailbox is the server, account and inbox folder.
	Mailbox replies.Mailbox
	// Sent is the folder copies of sent inquiries are kept in.
	Sent string
}

var _ CaughtUpInbox = IMAPInbox{}

// Watch reads the inbox with replies.Watch. A message's MessageID is its
// replies.Message.DedupeKey, so messages without one are still told apart.
func (b IMAPInbox) Watch(ctx context.Context, from store.Cursor, handle func(Mail, store.Cursor) error) error {
	return b.WatchCaughtUp(ctx, from, handle, nil)
}

// WatchCaughtUp is Watch that calls caughtUp, when not nil, as
// replies.Mailbox.CaughtUp: whenever the inbox has been read to its end.
func (b IMAPInbox) WatchCaughtUp(ctx context.Context, from store.Cursor, handle func(Mail, store.Cursor) error, caughtUp func(store.Cursor)) error {
	mb := b.Mailbox
	if caughtUp != nil {
		mb.CaughtUp = func(c replies.Cursor) { caughtUp(store.Cursor(c)) }
	}
	return replies.Watch(ctx, mb, replies.Cursor(from), func(m replies.Message, c replies.Cursor) error {
		id := m.DedupeKey
		if id == "" {
			id = m.MessageID
		}
		return handle(Mail{MessageID: id, From: m.From, Subject: m.Subject, Text: m.Text, Received: m.Received, Message: m}, store.Cursor(c))
	})
}

// FindSent looks for the Message-ID in the Sent folder.
func (b IMAPInbox) FindSent(ctx context.Context, messageID string) (bool, error) {
	return replies.FindMessageID(ctx, b.Mailbox, b.Sent, messageID)
}

// AppendSent keeps a copy of raw in the Sent folder.
func (b IMAPInbox) AppendSent(ctx context.Context, raw []byte) error {
	return replies.Append(ctx, b.Mailbox, b.Sent, raw)
}
