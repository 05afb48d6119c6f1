package scoring

import (
	"fmt"
	"math"
	"strings"
)

// The e-mail response section is scored from Findings.Inquiries.
//
// An inquiry that never reached the company (status draft, failed or
// blocked) is not the company's fault: it measures nothing. One still
// waiting for its first reply (status sent) measures only what has
// already arrived; one closed without a reply (no_reply) fails every item
// a reply would have earned. An automatic acknowledgement is not a
// reply: reply times are those of the first reply a person wrote.
//
// With several inquiries, each item earns the mean of its share over the
// inquiries that measured it, and its evidence lists every inquiry by
// token with what was measured or why not.

// noInquiry is why the section is not measured when nothing was sent.
const noInquiry = "no test inquiry was sent (run `shopper campaign`)"

// inquiryState is where an inquiry stands, for scoring.
type inquiryState int

const (
	excluded   inquiryState = iota // never reached the company
	pending                        // sent, no human reply yet
	answered                       // a person replied
	unanswered                     // closed without a reply
)

// outcome is one inquiry's verdict on one item.
type outcome struct {
	measured bool
	share    float64
	detail   string // what was measured, or why not; begins with the token
}

// inquiryView is one inquiry prepared for the item functions.
type inquiryView struct {
	in     Inquiry
	label  string
	state  inquiryState
	reason string   // why excluded
	reply  *float64 // seconds to the first human reply, when known
}

func view(in Inquiry) inquiryView {
	v := inquiryView{in: in, label: in.Token}
	if v.label == "" {
		v.label = "inquiry to " + in.To
	}
	because := ""
	if in.StatusReason != "" {
		because = ": " + in.StatusReason
	}
	switch {
	case in.Status == "draft":
		v.state, v.reason = excluded, "a draft, never sent; not the company's fault"
	case in.Status == "failed":
		v.state, v.reason = excluded, "could not be sent"+because+"; not the company's fault"
	case in.Status == "blocked":
		v.state, v.reason = excluded, "blocked before reaching the company"+because+"; not the company's fault"
	case known(in.HumanReplySeconds):
		v.state, v.reply = answered, in.HumanReplySeconds
	case in.Status == "replied":
		v.state = answered
		if !isTrue(in.AutoAck) && known(in.FirstResponseSeconds) {
			v.reply = in.FirstResponseSeconds
		}
	case in.Status == "no_reply":
		v.state = unanswered
	case in.Status == "sent":
		v.state = pending
	default:
		v.state, v.reason = excluded, fmt.Sprintf("has status %q, which is not one of draft, sent, replied, no_reply, failed, blocked", in.Status)
	}
	return v
}

func known(p *float64) bool { return p != nil && !math.IsNaN(*p) && !math.IsInf(*p, 0) }

func isTrue(b *bool) bool { return b != nil && *b }

// duration writes seconds as minutes or hours, with the seconds measured.
func duration(s float64) string {
	switch {
	case s < 60:
		return fmt.Sprintf("%.0f s", s)
	case s < 3600:
		return fmt.Sprintf("%.0f min (%.0f s)", s/60, s)
	}
	return fmt.Sprintf("%s h (%.0f s)", num(math.Round(s/360)/10), s)
}

func (v inquiryView) measured(share float64, format string, args ...any) outcome {
	return outcome{measured: true, share: share, detail: v.label + ": " + fmt.Sprintf(format, args...)}
}

func (v inquiryView) notMeasured(format string, args ...any) outcome {
	return outcome{detail: v.label + ": " + fmt.Sprintf(format, args...)}
}

// common handles the states every item treats alike; ok is false when the
// item must look further.
func (v inquiryView) common() (outcome, bool) {
	switch v.state {
	case excluded:
		return v.notMeasured("%s", v.reason), true
	case pending:
		return v.notMeasured("sent, no reply yet"), true
	}
	return outcome{}, false
}

func noReply(v inquiryView) string {
	if v.in.StatusReason != "" {
		return "no reply (" + v.in.StatusReason + ")"
	}
	return "no reply"
}

func repliedOutcome(v inquiryView, _ ItemRule) outcome {
	if o, ok := v.common(); ok {
		return o
	}
	if v.state == unanswered {
		return v.measured(0, "%s", noReply(v))
	}
	if v.reply != nil {
		return v.measured(1, "answered after %s", duration(*v.reply))
	}
	return v.measured(1, "answered (time not recorded)")
}

// within returns the outcome "first human reply within the rule's hours".
func within(v inquiryView, rule ItemRule) outcome {
	if o, ok := v.common(); ok {
		return o
	}
	hours := rule.Thresholds["hours"]
	switch {
	case v.state == unanswered:
		return v.measured(0, "%s", noReply(v))
	case v.reply == nil:
		return v.notMeasured("answered, but the reply time was not recorded")
	case *v.reply <= hours*3600:
		return v.measured(1, "first reply after %s, within %s h", duration(*v.reply), num(hours))
	}
	return v.measured(0, "first reply after %s, later than %s h", duration(*v.reply), num(hours))
}

func autoAckOutcome(v inquiryView, rule ItemRule) outcome {
	if v.state == excluded {
		return v.notMeasured("%s", v.reason)
	}
	in := v.in
	after := ""
	if known(in.AutoAckSeconds) {
		after = " after " + duration(*in.AutoAckSeconds)
	}
	switch {
	case in.AutoAck == nil && v.state == unanswered:
		return v.measured(0, "nothing came back")
	case in.AutoAck == nil:
		return v.notMeasured("acknowledgement not analysed")
	case !*in.AutoAck:
		return v.measured(0, "no automatic acknowledgement")
	case known(in.PromisedSeconds):
		return v.measured(1, "acknowledged%s, promising a reply within %s", after, duration(*in.PromisedSeconds))
	}
	return v.measured(rule.Credit["no_estimate"], "acknowledged%s, with no time estimate", after)
}

func promiseOutcome(v inquiryView, _ ItemRule) outcome {
	if v.state == excluded {
		return v.notMeasured("%s", v.reason)
	}
	in := v.in
	if !known(in.PromisedSeconds) {
		return v.notMeasured("no reply time was promised")
	}
	promised := duration(*in.PromisedSeconds)
	kept := in.PromiseKept
	if kept == nil && v.reply != nil {
		k := *v.reply <= *in.PromisedSeconds
		kept = &k
	}
	switch {
	case kept != nil && *kept && v.reply != nil:
		return v.measured(1, "promised %s, answered after %s", promised, duration(*v.reply))
	case kept != nil && *kept:
		return v.measured(1, "promised %s, kept", promised)
	case kept != nil && v.reply != nil:
		return v.measured(0, "promised %s, answered after %s: broken", promised, duration(*v.reply))
	case kept != nil:
		return v.measured(0, "promised %s, broken", promised)
	case v.state == unanswered:
		return v.measured(0, "promised %s, %s: broken", promised, noReply(v))
	}
	return v.notMeasured("promised %s, not yet judged", promised)
}

// judged returns the outcome of a 0..1 judgement of the reply (answered,
// personal, courteous): full credit from the rule's pass mark up.
func judged(score func(Inquiry) (*float64, []string)) func(inquiryView, ItemRule) outcome {
	return func(v inquiryView, rule ItemRule) outcome {
		if o, ok := v.common(); ok {
			return o
		}
		if v.state == unanswered {
			return v.measured(0, "%s", noReply(v))
		}
		x, reasons := score(v.in)
		if !known(x) {
			return v.notMeasured("the reply was not analysed")
		}
		s := max(0, min(1, *x))
		share := 1.0
		if pass := rule.Thresholds["pass"]; pass > 0 && s < pass {
			share = s / pass
		}
		detail := fmt.Sprintf("judged %.2f", s)
		if len(reasons) > 0 {
			detail += " (" + strings.Join(reasons, "; ") + ")"
		}
		return v.measured(share, "%s", detail)
	}
}

// emailItems lists the section's items with the outcome function of each.
var emailItems = []struct {
	id      string
	outcome func(inquiryView, ItemRule) outcome
}{
	{"email_response.replied", repliedOutcome},
	{"email_response.within_24h", within},
	{"email_response.best_in_class", within},
	{"email_response.auto_ack", autoAckOutcome},
	{"email_response.promise_kept", promiseOutcome},
	{"email_response.answered", judged(func(in Inquiry) (*float64, []string) { return in.Answered, in.AnsweredReasons })},
	{"email_response.personal", judged(func(in Inquiry) (*float64, []string) { return in.Personalization, in.PersonalizationReasons })},
	{"email_response.courteous", judged(func(in Inquiry) (*float64, []string) { return in.Courtesy, in.CourtesyReasons })},
}

func emailSection(f Findings, rule func(string) ItemRule) []Item {
	views := make([]inquiryView, len(f.Inquiries))
	for i, in := range f.Inquiries {
		views[i] = view(in)
	}
	var items []Item
	for _, e := range emailItems {
		r := rule(e.id)
		if len(views) == 0 {
			items = append(items, notMeasured(r, noInquiry))
			continue
		}
		items = append(items, aggregate(r, views, e.outcome))
	}
	return items
}

// aggregate scores one item over all inquiries: the mean share of those
// that measured it.
func aggregate(r ItemRule, views []inquiryView, fn func(inquiryView, ItemRule) outcome) Item {
	var evidence, why []string
	var sum float64
	var n, full, part int
	for _, v := range views {
		o := fn(v, r)
		evidence = append(evidence, o.detail)
		if !o.measured {
			why = append(why, o.detail)
			continue
		}
		n++
		o.share = max(0, min(1, o.share))
		sum += o.share
		switch {
		case o.share >= 1:
			full++
		case o.share > 0:
			part++
		}
		if n == 1 {
			why = []string{o.detail}
		}
	}
	if n == 0 {
		it := notMeasured(r, strings.Join(why, "; "))
		it.Evidence = evidence
		return it
	}
	it := judge(newItem(r), r, sum/float64(n), nil)
	it.Evidence = evidence
	if n == 1 {
		it.Why = why[0]
	} else {
		it.Why = fmt.Sprintf("mean of %d inquiries: %d met it, %d in part, %d not", n, full, part, n-full-part)
	}
	return it
}
