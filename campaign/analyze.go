package campaign

import (
	"github.com/shopper-audit/shopper/probes/replies"
)

// RepliesAnalyzer matches replies to inquiries with replies.Match and
// judges them with replies.Analyze: automatic acknowledgement
// (replies.IsAutoAck), a promised wait, personalization, the points
// answered and courtesy, each with its reasons.
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

// Analyze judges m as a reply to q. A message that is not a
// replies.Message is left unmeasured.
func (RepliesAnalyzer) Analyze(m Mail, q Question) Analysis {
	msg, ok := m.Message.(replies.Message)
	if !ok {
		return Analysis{}
	}
	r := replies.Analyze(msg, replies.Inquiry{Token: q.Token, Subject: q.Subject, Body: q.Body,
		Persona: q.Persona.Name, MustAddress: q.MustAddress, Language: q.Language}, q.OtherReplies)
	a := Analysis{AutoAck: r.AutoAck, AutoAckReasons: r.AutoAckReasons, PromisedSeconds: r.PromisedSeconds,
		PromisePhrase: r.PromisePhrase}
	if r.Promise != nil && r.Promise.Business {
		a.PromiseBusiness, a.PromiseCount, a.PromiseUnit = true, r.Promise.Count, r.Promise.Unit
	}
	if !r.AutoAck {
		// An acknowledgement's wording is not a person's answer: only
		// human replies are scored.
		a.Personalization, a.PersonalizationReasons = floatPtr(r.Personalization), r.PersonalizationReasons
		a.Answered, a.AnsweredReasons = floatPtr(r.Answered), r.AnsweredReasons
		a.Courtesy, a.CourtesyReasons = floatPtr(r.Courtesy), r.CourtesyReasons
	}
	return a
}

// promise rebuilds the promise an analysis recorded.
func (a Analysis) promise() replies.Promise {
	p := replies.Promise{Phrase: a.PromisePhrase, Business: a.PromiseBusiness, Count: a.PromiseCount, Unit: a.PromiseUnit}
	if a.PromisedSeconds != nil {
		p.Duration = secondsDuration(*a.PromisedSeconds)
	}
	return p
}
