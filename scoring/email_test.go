package scoring

import (
	"strings"
	"testing"
)

// emailItem scores the inquiries alone and returns one e-mail response item.
func emailItem(t *testing.T, id string, inquiries ...Inquiry) Item {
	t.Helper()
	sc := Score(Findings{Inquiries: inquiries})
	for _, it := range sc.Sections[len(sc.Sections)-1].Items {
		if it.ID == id {
			return it
		}
	}
	t.Fatalf("no item %s", id)
	return Item{}
}

func TestEmailNoInquiry(t *testing.T) {
	sc := Score(Findings{})
	s := sc.Sections[len(sc.Sections)-1]
	if s.ID != "email_response" || s.Title != "E-mail response" || len(s.Items) != 8 {
		t.Fatalf("last section %s %q with %d items", s.ID, s.Title, len(s.Items))
	}
	for _, it := range s.Items {
		if it.Status != NotMeasured || it.Why != "no test inquiry was sent (run `shopper campaign`)" || it.Points != 0 {
			t.Errorf("%s: %s %q", it.ID, it.Status, it.Why)
		}
	}
}

func TestEmailItems(t *testing.T) {
	replied := func(hours float64) Inquiry {
		return Inquiry{Token: "t1", Status: "replied", HumanReplySeconds: sec(hours * 3600)}
	}
	withAck := func(in Inquiry, promised *float64, kept *bool) Inquiry {
		in.AutoAck, in.AutoAckSeconds, in.PromisedSeconds, in.PromiseKept = yes(true), sec(20), promised, kept
		return in
	}
	noReply := Inquiry{Token: "t1", Status: "no_reply", StatusReason: "watched 7 days"}
	judgedReply := func(answered, personal, courteous *float64) Inquiry {
		in := replied(1)
		in.Answered, in.Personalization, in.Courtesy = answered, personal, courteous
		in.AnsweredReasons = []string{"quotes the question"}
		return in
	}
	cases := []struct {
		name   string
		id     string
		in     Inquiry
		status Status
		points float64
		why    string // a part of Why
	}{
		{"answered", "email_response.replied", replied(30), Pass, 15, "t1: answered after 30 h (108000 s)"},
		{"no reply", "email_response.replied", noReply, Fail, 0, "t1: no reply (watched 7 days)"},
		{"still waiting", "email_response.replied", Inquiry{Token: "t1", Status: "sent"}, NotMeasured, 0, "t1: sent, no reply yet"},
		{"blocked", "email_response.replied", Inquiry{Token: "t1", Status: "blocked", StatusReason: "CAPTCHA"}, NotMeasured, 0, "t1: blocked before reaching the company: CAPTCHA; not the company's fault"},
		{"failed", "email_response.within_24h", Inquiry{Token: "t1", Status: "failed", StatusReason: "SMTP 550"}, NotMeasured, 0, "t1: could not be sent: SMTP 550; not the company's fault"},
		{"draft", "email_response.auto_ack", Inquiry{Token: "t1", Status: "draft"}, NotMeasured, 0, "t1: a draft, never sent; not the company's fault"},
		{"unknown status", "email_response.replied", Inquiry{Token: "t1", Status: "lost"}, NotMeasured, 0, `has status "lost"`},
		{"replied, time from first response", "email_response.within_24h", Inquiry{Token: "t1", Status: "replied", FirstResponseSeconds: sec(3600)}, Pass, 15, "first reply after 1 h (3600 s), within 24 h"},
		{"first response was the auto-ack", "email_response.within_24h", Inquiry{Token: "t1", Status: "replied", FirstResponseSeconds: sec(10), AutoAck: yes(true)}, NotMeasured, 0, "reply time was not recorded"},
		{"24 h exactly", "email_response.within_24h", replied(24), Pass, 15, "within 24 h"},
		{"after 25 h", "email_response.within_24h", replied(25), Fail, 0, "later than 24 h"},
		{"no reply is late", "email_response.within_24h", noReply, Fail, 0, "no reply"},
		{"4 h: best in class", "email_response.best_in_class", replied(4), Pass, 10, "within 4 h"},
		{"5 h: not best in class", "email_response.best_in_class", replied(5), Fail, 0, "later than 4 h"},
		{"ack with estimate", "email_response.auto_ack", withAck(replied(1), sec(86400), nil), Pass, 5, "acknowledged after 20 s, promising a reply within 24 h (86400 s)"},
		{"ack without estimate", "email_response.auto_ack", withAck(replied(1), nil, nil), Partial, 2.5, "with no time estimate"},
		{"no ack", "email_response.auto_ack", Inquiry{Token: "t1", Status: "replied", AutoAck: yes(false)}, Fail, 0, "no automatic acknowledgement"},
		{"ack not analysed", "email_response.auto_ack", replied(1), NotMeasured, 0, "acknowledgement not analysed"},
		{"nothing came back", "email_response.auto_ack", noReply, Fail, 0, "nothing came back"},
		{"promise kept", "email_response.promise_kept", withAck(replied(3), sec(4*3600), yes(true)), Pass, 5, "promised 4 h (14400 s), answered after 3 h"},
		{"promise broken", "email_response.promise_kept", withAck(replied(30), sec(24*3600), yes(false)), Fail, 0, "answered after 30 h (108000 s): broken"},
		{"promise judged from times", "email_response.promise_kept", withAck(replied(30), sec(24*3600), nil), Fail, 0, "broken"},
		{"promise, no reply", "email_response.promise_kept", withAck(noReply, sec(3600), nil), Fail, 0, "no reply (watched 7 days): broken"},
		{"promise pending", "email_response.promise_kept", withAck(Inquiry{Token: "t1", Status: "sent"}, sec(3600), nil), NotMeasured, 0, "not yet judged"},
		{"no promise", "email_response.promise_kept", withAck(replied(1), nil, nil), NotMeasured, 0, "no reply time was promised"},
		{"answered in full", "email_response.answered", judgedReply(sec(0.8), nil, nil), Pass, 10, "judged 0.80 (quotes the question)"},
		{"answered in part", "email_response.answered", judgedReply(sec(0.4), nil, nil), Partial, 5, "judged 0.40"},
		{"not answered", "email_response.answered", judgedReply(sec(0), nil, nil), Fail, 0, "judged 0.00"},
		{"personal", "email_response.personal", judgedReply(nil, sec(1), nil), Pass, 5, "judged 1.00"},
		{"not analysed", "email_response.personal", judgedReply(nil, nil, nil), NotMeasured, 0, "the reply was not analysed"},
		{"courtesy out of range is clamped", "email_response.courteous", judgedReply(nil, nil, sec(7)), Pass, 5, "judged 1.00"},
		{"no reply is not courteous", "email_response.courteous", noReply, Fail, 0, "no reply"},
	}
	for _, c := range cases {
		it := emailItem(t, c.id, c.in)
		if it.Status != c.status || it.Points != c.points || !strings.Contains(it.Why, c.why) {
			t.Errorf("%s: %s %s %v/%v %q, want %s %v, why containing %q", c.name, c.id, it.Status, it.Points, it.Max, it.Why, c.status, c.points, c.why)
		}
		if (it.Status == Fail || it.Status == Partial) && it.Recommendation == "" {
			t.Errorf("%s: %s with no recommendation", c.name, it.Status)
		}
		if len(it.Evidence) != 1 || !strings.HasPrefix(it.Evidence[0], "t1: ") {
			t.Errorf("%s: evidence %q, want one line naming the token", c.name, it.Evidence)
		}
	}
}

func TestEmailSeveralInquiries(t *testing.T) {
	fast := Inquiry{Token: "a", Status: "replied", HumanReplySeconds: sec(3600)}
	slow := Inquiry{Token: "b", Status: "replied", HumanReplySeconds: sec(30 * 3600)}
	none := Inquiry{Token: "c", Status: "no_reply"}
	blocked := Inquiry{Token: "d", Status: "blocked", StatusReason: "CAPTCHA"}
	waiting := Inquiry{Token: "e", Status: "sent"}

	// Each item earns the mean over the inquiries that measured it.
	it := emailItem(t, "email_response.within_24h", fast, slow, none, blocked, waiting)
	if it.Status != Partial || it.Points != 5 || it.Why != "mean of 3 inquiries: 1 met it, 0 in part, 2 not" {
		t.Errorf("within_24h over 3 measured: %s %v %q, want partial 5 (15 × 1/3)", it.Status, it.Points, it.Why)
	}
	if len(it.Evidence) != 5 || !strings.HasPrefix(it.Evidence[3], "d: blocked") || !strings.HasPrefix(it.Evidence[4], "e: sent") {
		t.Errorf("evidence %q, want one line per inquiry, the unmeasured with why", it.Evidence)
	}
	if it.Recommendation == "" {
		t.Error("a partial item without a recommendation")
	}
	if it := emailItem(t, "email_response.replied", fast, none); it.Points != 7.5 || it.Status != Partial {
		t.Errorf("replied, one of two: %s %v, want partial 7.5", it.Status, it.Points)
	}
	// Inquiries that measure nothing leave the item not measured, with why.
	it = emailItem(t, "email_response.replied", blocked, waiting)
	if it.Status != NotMeasured || it.Why != "d: blocked before reaching the company: CAPTCHA; not the company's fault; e: sent, no reply yet" {
		t.Errorf("replied over unmeasured inquiries: %s %q", it.Status, it.Why)
	}
	// Undelivered inquiries change nothing in the total.
	f := full()
	before := Score(f)
	f.Inquiries = append(f.Inquiries, blocked, Inquiry{Token: "x", Status: "failed"}, Inquiry{Token: "y", Status: "draft"})
	if after := Score(f); after.Points != before.Points || after.Max != before.Max {
		t.Errorf("undelivered inquiries changed the score: %s → %s", before.Arithmetic, after.Arithmetic)
	}
}
