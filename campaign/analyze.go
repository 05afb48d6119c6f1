package campaign

import (
	"strings"

	"github.com/shopper-audit/shopper/probes/replies"
)

// RepliesAnalyzer matches replies to inquiries with replies.Match. It
// tells automatic acknowledgements by their RFC 3834 Auto-Submitted
// header; the scores of a reply are left unmeasured (nil).
type RepliesAnalyzer struct{}

var _ Analyzer = RepliesAnalyzer{}

// Match returns the token of the inquiry m answers, or "".
func (RepliesAnalyzer) Match(m Mail, tokens []string) string {
	msg, ok := m.Message.(replies.Message)
	if !ok {
		return ""
	}
	token, _ := replies.Match(msg, tokens)
	return token
}

// Analyze judges m as a reply to q.
func (RepliesAnalyzer) Analyze(m Mail, q Question) Analysis {
	msg, _ := m.Message.(replies.Message)
	var a Analysis
	for _, v := range msg.Header["Auto-Submitted"] {
		if v = strings.ToLower(strings.TrimSpace(v)); v != "" && v != "no" {
			a.AutoAck = true
			a.AutoAckReasons = append(a.AutoAckReasons, "Auto-Submitted: "+v)
		}
	}
	return a
}
