package campaign

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/shopper-audit/shopper/probes/replies"
	"github.com/shopper-audit/shopper/scoring"
	"github.com/shopper-audit/shopper/store"
)

// Outcome is one inquiry's measured outcome with the company it went to:
// the JSON object `shopper campaign status --json` prints per inquiry.
type Outcome struct {
	// Company is the company's name in the campaign file.
	Company string `json:"company"`
	// Template is the id of the inquiry template sent.
	Template string `json:"inquiry"`
	scoring.Inquiry
}

// Results measures every inquiry of the campaign from the store, at time
// now (which decides whether a promised wait has already passed).
func Results(ctx context.Context, db *store.DB, f *File, now time.Time) ([]Outcome, error) {
	list, err := db.Inquiries(ctx, f.Name)
	if err != nil {
		return nil, err
	}
	tokens := make([]string, len(list))
	for i, q := range list {
		tokens[i] = q.Token
	}
	stored, err := db.Replies(ctx, tokens)
	if err != nil {
		return nil, err
	}
	byToken := map[string][]store.Reply{}
	for _, r := range stored {
		byToken[r.Token] = append(byToken[r.Token], r)
	}
	hours := map[string]replies.BusinessHours{}
	for _, c := range f.Companies {
		hours[c.Name] = c.BusinessHours()
	}
	out := make([]Outcome, 0, len(list))
	for _, q := range list {
		o, err := Measure(q, byToken[q.Token], hours[q.Company], now)
		if err != nil {
			return nil, err
		}
		out = append(out, Outcome{Company: q.Company, Template: q.Template, Inquiry: o})
	}
	return out, nil
}

// Measure turns a stored inquiry and its replies (oldest first) into the
// scorecard's shape. The first response is the first reply of any kind;
// the human reply is the first that is not an automatic acknowledgement;
// a promise is kept when the human reply came within the promised wait,
// and broken once that wait has passed at now without one.
func Measure(q store.Inquiry, stored []store.Reply, h replies.BusinessHours, now time.Time) (scoring.Inquiry, error) {
	status := q.Status
	if status == store.StatusSending {
		status = store.StatusFailed // shown to people as not (yet) known to be sent
	}
	o := scoring.Inquiry{Channel: q.Channel, To: q.Target, Token: q.Token, Status: status, StatusReason: q.Reason,
		PersonalizationReasons: []string{}, AnsweredReasons: []string{}, CourtesyReasons: []string{}}
	if q.SentAt.IsZero() {
		return o, nil
	}
	o.SentAt = q.SentAt.UTC().Format(time.RFC3339)
	since := func(t time.Time) *float64 {
		s := t.Sub(q.SentAt).Seconds()
		if s < 0 {
			s = 0
		}
		return &s
	}
	var ack, human *store.Reply
	var humanA Analysis
	var promise *Analysis
	for i := range stored {
		r := &stored[i]
		var a Analysis
		if len(r.Analysis) > 0 {
			if err := json.Unmarshal(r.Analysis, &a); err != nil {
				return o, fmt.Errorf("reply %s: stored analysis: %w", r.MessageID, err)
			}
		}
		if i == 0 {
			o.FirstResponseSeconds = since(r.ReceivedAt)
		}
		if r.AutoAck {
			if ack == nil {
				ack = r
				o.AutoAckSeconds = since(r.ReceivedAt)
			}
			if promise == nil && a.PromisedSeconds != nil {
				p := *a.PromisedSeconds
				o.PromisedSeconds, promise = &p, &a
			}
			continue
		}
		if human == nil {
			human, humanA = r, a
		}
	}
	closed := status == store.StatusReplied || status == store.StatusNoReply
	switch {
	case ack != nil:
		o.AutoAck = boolPtr(true)
	case closed || human != nil:
		o.AutoAck = boolPtr(false)
	}
	if human != nil {
		o.HumanReplySeconds = since(human.ReceivedAt)
		b := h.Seconds(q.SentAt, human.ReceivedAt)
		o.BusinessSeconds = &b
		o.Personalization, o.PersonalizationReasons = humanA.Personalization, nonNil(humanA.PersonalizationReasons)
		o.Answered, o.AnsweredReasons = humanA.Answered, nonNil(humanA.AnsweredReasons)
		o.Courtesy, o.CourtesyReasons = humanA.Courtesy, nonNil(humanA.CourtesyReasons)
	}
	if promise != nil {
		// Kept is counted by replies.BusinessHours: wall-clock time, or
		// business time for a promise of business hours or days.
		p := promise.promise()
		switch {
		case human != nil:
			o.PromiseKept = boolPtr(h.Kept(p, q.SentAt, human.ReceivedAt))
		case !h.Kept(p, q.SentAt, now):
			o.PromiseKept = boolPtr(false)
		}
	}
	return o, nil
}

func boolPtr(b bool) *bool { return &b }

func secondsDuration(s float64) time.Duration { return time.Duration(s * float64(time.Second)) }

func floatPtr(f float64) *float64 { return &f }
func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
