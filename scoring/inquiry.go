package scoring

// Inquiry is the measured outcome of one test inquiry sent to the company
// (by e-mail or contact form) and the replies it drew: the input of the
// scorecard's e-mail response section. The campaign fills it from the
// store; a nil pointer means "not known". Seconds are wall-clock from the
// moment the inquiry was sent.
type Inquiry struct {
	// Channel is "email" or "form".
	Channel string `json:"channel"`
	// To is the address or form page the inquiry went to.
	To string `json:"to"`
	// Token identifies the inquiry in addresses, Message-IDs and subjects.
	Token string `json:"token"`
	// SentAt is when it was sent (RFC 3339), empty when it was not.
	SentAt string `json:"sent_at,omitempty"`
	// Status is draft, sent, replied, no_reply, failed or blocked. Scoring
	// reads them so: draft, failed and blocked never reached the company
	// (not measured); sent is still waiting for a person's reply; replied
	// means a person replied; no_reply means the wait is over and none did.
	Status string `json:"status"`
	// StatusReason says why, for failed, blocked and no_reply.
	StatusReason string `json:"status_reason,omitempty"`

	FirstResponseSeconds *float64 `json:"first_response_seconds"`
	AutoAck              *bool    `json:"auto_ack"`
	AutoAckSeconds       *float64 `json:"auto_ack_seconds"`
	// PromisedSeconds is the wait the acknowledgement promised, if any.
	PromisedSeconds *float64 `json:"promised_seconds"`
	// PromiseKept says whether the human reply came within the promise.
	PromiseKept *bool `json:"promise_kept"`
	// HumanReplySeconds is the time to the first reply a person wrote. When
	// it is nil and no auto-acknowledgement came, scoring takes a replied
	// inquiry's FirstResponseSeconds for it.
	HumanReplySeconds *float64 `json:"human_reply_seconds"`
	// BusinessSeconds is the time to the first human reply counted in the
	// company's business hours.
	BusinessSeconds *float64 `json:"business_seconds"`

	// Personalization, Answered and Courtesy are 0..1, each with the
	// reasons (evidence) it rests on.
	Personalization        *float64 `json:"personalization"`
	PersonalizationReasons []string `json:"personalization_reasons"`
	Answered               *float64 `json:"answered"`
	AnsweredReasons        []string `json:"answered_reasons"`
	Courtesy               *float64 `json:"courtesy"`
	CourtesyReasons        []string `json:"courtesy_reasons"`
}
