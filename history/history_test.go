package history

import (
	"strings"
	"testing"

	"github.com/shopper-audit/shopper/audit"
	"github.com/shopper-audit/shopper/probes/phone"
	"github.com/shopper-audit/shopper/scoring"
)

func ptr(s string) *string { return &s }

// full is a site with everything a customer looks for.
func full() *audit.Result {
	r := &audit.Result{URL: "https://shop.example.com/"}
	r.Phone.Numbers = []phone.Number{
		{E164: "+18005550199", TollFree: true, Visible: true},
		{E164: "+12125550100", Visible: true},
	}
	r.Phone.TollFree, r.Phone.Prominent = true, true
	r.Phone.AboveFold = &phone.AboveFold{Desktop: true, Mobile: true}
	r.FAQ.URL, r.FAQ.Questions = ptr("https://shop.example.com/faq"), 40
	r.Chat.Present, r.Chat.Vendors, r.Chat.OtherVendors = true, []string{"intercom"}, []string{}
	r.Email.Addresses = []string{"help@example.com", "sales@example.com"}
	r.ContactForm.Present = true
	r.Policies.Returns, r.Policies.Shipping = ptr("https://shop.example.com/returns"), ptr("https://shop.example.com/shipping")
	r.Policies.Privacy, r.Policies.Warranty = ptr("https://shop.example.com/privacy"), ptr("https://shop.example.com/warranty")
	r.Score = scoring.Scorecard{Total: 90, Sections: []scoring.Section{
		{ID: "phone", Title: "Phone", Points: 35, Max: 35},
		{ID: "faq", Title: "FAQ", Points: 20, Max: 20},
	}}
	return r
}

func TestDiffNamesEachLossAsARegression(t *testing.T) {
	cases := []struct {
		name     string
		mutate   func(r *audit.Result)
		item     string
		kind     Kind
		regress  bool
		sentence string // a part of it
	}{
		{"toll-free gone", func(r *audit.Result) { r.Phone.TollFree = false; r.Phone.Numbers = r.Phone.Numbers[1:] },
			"phone.toll_free", Removed, true, "toll-free number is gone (was +18005550199)"},
		{"no number", func(r *audit.Result) { r.Phone.Numbers = nil; r.Phone.TollFree = false; r.Phone.Prominent = false },
			"phone.number", Removed, true, "No phone number is shown any more"},
		{"not prominent", func(r *audit.Result) { r.Phone.Prominent = false }, "phone.prominent", Removed, true, "no longer prominent"},
		{"below the fold", func(r *audit.Result) { r.Phone.AboveFold = &phone.AboveFold{} }, "phone.above_fold", Removed, true, "first screen"},
		{"chat removed", func(r *audit.Result) { r.Chat.Present = false; r.Chat.Vendors = []string{} }, "chat", Removed, true, "live chat was removed (was intercom)"},
		{"chat vendor swapped", func(r *audit.Result) { r.Chat.Vendors = []string{"zendesk"} }, "chat.vendor", Changed, false, "from intercom to zendesk"},
		{"faq shrank", func(r *audit.Result) { r.FAQ.Questions = 30 }, "faq.questions", Changed, true, "shrank from 40 to 30 questions (10 fewer, -25%)"},
		{"faq grew", func(r *audit.Result) { r.FAQ.Questions = 50 }, "faq.questions", Changed, false, "grew from 40 to 50"},
		{"faq gone", func(r *audit.Result) { r.FAQ.URL = nil; r.FAQ.Questions = 0 }, "faq", Removed, true, "FAQ is gone (it answered 40 questions"},
		{"e-mail gone", func(r *audit.Result) { r.Email.Addresses = []string{} }, "email", Removed, true, "No e-mail address"},
		{"one address gone", func(r *audit.Result) { r.Email.Addresses = []string{"help@example.com"} }, "email.address", Removed, false, "sales@example.com is no longer shown"},
		{"form gone", func(r *audit.Result) { r.ContactForm.Present = false }, "contact_form", Removed, true, "contact form is gone"},
		{"returns policy gone", func(r *audit.Result) { r.Policies.Returns = nil }, "policies.returns", Removed, true, "returns policy can no longer be found"},
		{"score down", func(r *audit.Result) { r.Score.Total = 84 }, "score", Changed, true, "from 90 to 84 (-6)"},
		{"score up", func(r *audit.Result) { r.Score.Total = 95 }, "score", Changed, false, "up from 90 to 95 (+5)"},
		{"section down", func(r *audit.Result) { r.Score.Sections[1].Points = 10 }, "section.faq", Changed, true, "FAQ went down from 100% to 50%"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			old, new := full(), full()
			c.mutate(new)
			got := Diff(old, new)
			var found *Change
			for i := range got {
				if got[i].Item == c.item {
					found = &got[i]
				}
			}
			if found == nil {
				t.Fatalf("Diff = %+v, want a change of %s", got, c.item)
			}
			if found.Kind != c.kind || found.Regression != c.regress || !strings.Contains(found.Sentence, c.sentence) {
				t.Errorf("change = %+v, want kind %s, regression %v, sentence with %q", *found, c.kind, c.regress, c.sentence)
			}
			// The same change seen the other way round is never a loss
			// when this one is.
			if c.regress {
				for _, b := range Diff(new, old) {
					if b.Item == c.item && b.Regression {
						t.Errorf("reverse change %+v is a regression too", b)
					}
				}
			}
		})
	}
}

func TestDiffOfIdenticalResultsIsEmpty(t *testing.T) {
	got := Diff(full(), full())
	if got == nil || len(got) != 0 {
		t.Fatalf("Diff(same, same) = %#v, want an empty list", got)
	}
}

func TestDiffPutsRegressionsFirstAndCountsThem(t *testing.T) {
	old, new := full(), full()
	new.FAQ.Questions = 60     // better
	new.Policies.Privacy = nil // worse
	new.Score.Total = 80       // worse
	got := Diff(old, new)
	if len(got) != 3 || Regressions(got) != 2 {
		t.Fatalf("Diff = %+v, want 3 changes, 2 regressions", got)
	}
	if !got[0].Regression || !got[1].Regression || got[2].Regression {
		t.Errorf("order = %+v, want regressions first", got)
	}
	if got[0].Item != "policies.privacy" || got[1].Item != "score" {
		t.Errorf("regressions %s, %s; want the scorecard's order", got[0].Item, got[1].Item)
	}
}
