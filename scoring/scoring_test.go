package scoring

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/shopper-audit/shopper/probes/channels"
	"github.com/shopper-audit/shopper/probes/chat"
	"github.com/shopper-audit/shopper/probes/faq"
	"github.com/shopper-audit/shopper/probes/phone"
)

func str(s string) *string { return &s }

func sec(x float64) *float64 { return &x }

func yes(b bool) *bool { return &b }

// goodInquiry is an inquiry answered the way the standards ask.
func goodInquiry(token string) Inquiry {
	return Inquiry{Channel: "email", To: "help@x.example", Token: token, Status: "replied",
		FirstResponseSeconds: sec(30), AutoAck: yes(true), AutoAckSeconds: sec(30), PromisedSeconds: sec(8 * 3600),
		PromiseKept: yes(true), HumanReplySeconds: sec(2 * 3600),
		Personalization: sec(1), Answered: sec(0.9), Courtesy: sec(1)}
}

// full is a site that does everything the standards ask.
func full() Findings {
	return Findings{
		ContactPage: str("https://x.example/contact"),
		Phone: &phone.Finding{TollFree: true, Prominent: true, Numbers: []phone.Number{{
			E164: "+18005550199", Type: "toll_free", Visible: true, OnHome: true, OnContact: true,
			Display: "1-800-555-0199", Pages: []string{"https://x.example/"},
		}}},
		FAQ:  &faq.Finding{URL: str("https://x.example/faq"), Questions: 60},
		Chat: &chat.Finding{Present: true, Vendors: []string{"intercom"}},
		Channels: &channels.Finding{
			Email:       channels.Email{Addresses: []string{"help@x.example"}},
			ContactForm: channels.ContactForm{Present: true, URL: str("https://x.example/contact")},
			Policies:    channels.Policies{Returns: str("r"), Shipping: str("s"), Privacy: str("p"), Warranty: str("w")},
		},
		Inquiries: []Inquiry{goodInquiry("tok1")},
	}
}

func TestScoreFullAndEmpty(t *testing.T) {
	if sc := Score(full()); sc.Total != 100 || sc.Grade != "A" {
		t.Errorf("full site: %d %s, want 100 A (%s)", sc.Total, sc.Grade, sc.Arithmetic)
	}
	empty := Findings{Phone: &phone.Finding{}, FAQ: &faq.Finding{}, Chat: &chat.Finding{}, Channels: &channels.Finding{},
		Inquiries: []Inquiry{{Token: "tok0", Status: "no_reply"}}}
	sc := Score(empty)
	if sc.Total != 0 || sc.Grade != "F" {
		t.Errorf("empty site: %d %s, want 0 F", sc.Total, sc.Grade)
	}
	if len(sc.NotMeasured) != 1 || sc.NotMeasured[0] != "email_response.promise_kept" {
		t.Errorf("NotMeasured = %v, want only the promise nobody made", sc.NotMeasured)
	}
	for _, s := range sc.Sections {
		for _, it := range s.Items {
			if it.ID == "email_response.promise_kept" {
				continue
			}
			if it.Status != Fail || it.Recommendation == "" || it.Standard == "" {
				t.Errorf("%s: status %s, recommendation %q, standard %q; want a failure that says what to do and why", it.ID, it.Status, it.Recommendation, it.Standard)
			}
		}
	}
}

func TestNotMeasuredIsRenormalised(t *testing.T) {
	f := full()
	f.Chat = nil // the chat probe failed
	sc := Score(f)
	if sc.Total != 100 {
		t.Errorf("total = %d, want 100: an unmeasured item must not count as a failure", sc.Total)
	}
	if len(sc.NotMeasured) != 1 || sc.NotMeasured[0] != "chat.present" {
		t.Errorf("NotMeasured = %v, want [chat.present]", sc.NotMeasured)
	}
}

func TestFAQBands(t *testing.T) {
	cases := []struct {
		questions int
		points    float64
	}{{0, 0}, {3, 4}, {5, 10}, {10, 14}, {49, 14}, {50, 20}, {400, 20}}
	for _, c := range cases {
		sc := Score(Findings{FAQ: &faq.Finding{Questions: c.questions}})
		if got := sc.Sections[1].Items[0].Points; got != c.points {
			t.Errorf("FAQ with %d questions: %v points, want %v", c.questions, got, c.points)
		}
	}
}

func TestArithmeticAddsUp(t *testing.T) {
	sc := Score(full())
	var sum float64
	for _, s := range sc.Sections {
		sum += s.Points
	}
	if sum != sc.Points || !strings.Contains(sc.Arithmetic, "→ 100/100") {
		t.Errorf("sections sum to %v, scorecard says %v; arithmetic %q", sum, sc.Points, sc.Arithmetic)
	}
}

// randomFindings draws findings; good turns one random finding good.
func randomFindings(r *rand.Rand) Findings {
	f := Findings{Phone: &phone.Finding{}, FAQ: &faq.Finding{Questions: r.IntN(80)}, Chat: &chat.Finding{Present: r.IntN(2) == 0}, Channels: &channels.Finding{}}
	if r.IntN(2) == 0 {
		f.ContactPage = str("c")
	}
	if r.IntN(2) == 0 {
		f.Phone.Numbers = []phone.Number{{Visible: true, OnHome: r.IntN(2) == 0, OnContact: r.IntN(2) == 0, Type: "fixed_line"}}
		f.Phone.Prominent = f.Phone.Numbers[0].OnHome && f.Phone.Numbers[0].OnContact
	}
	if r.IntN(2) == 0 {
		f.Channels.Email.Addresses = []string{"a@b.example"}
	}
	f.Channels.ContactForm.Present = r.IntN(2) == 0
	if r.IntN(2) == 0 {
		f.Channels.Policies.Privacy = str("p")
	}
	return f
}
