package scoring

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/shopper-audit/shopper/probes/phone"
)

// randomRubric writes a valid rubric file with random weights, thresholds
// and credits, and parses it.
func randomRubric(t *testing.T, r *rand.Rand) *Rubric {
	t.Helper()
	var b strings.Builder
	b.WriteString("version: random\nsections:\n")
	frac := func() float64 { return float64(r.IntN(101)) / 100 }
	for _, s := range specs {
		fmt.Fprintf(&b, "  %s:\n    items:\n", s.id)
		for _, it := range s.items {
			fmt.Fprintf(&b, "      %s:\n", it.id)
			if r.IntN(5) > 0 {
				fmt.Fprintf(&b, "        max: %g\n", float64(r.IntN(300))/10)
			} else {
				b.WriteString("        max: 0\n")
			}
			switch {
			case it.id == "faq.depth":
				t0 := 1 + r.IntN(5)
				t1 := t0 + 1 + r.IntN(10)
				t2 := t1 + 1 + r.IntN(20)
				t3 := t2 + 1 + r.IntN(60)
				c := []float64{frac(), frac(), frac(), frac()}
				slices.Sort(c)
				fmt.Fprintf(&b, "        thresholds: {some: %d, minimum: %d, good: %d, best_in_class: %d}\n", t0, t1, t2, t3)
				fmt.Fprintf(&b, "        credit: {some: %g, minimum: %g, good: %g, best_in_class: %g}\n", c[0], c[1], c[2], c[3])
			case slices.Contains(it.thresholds, "hours"):
				fmt.Fprintf(&b, "        thresholds: {hours: %g}\n", 0.5+float64(r.IntN(96))/2)
			case slices.Contains(it.thresholds, "pass"):
				fmt.Fprintf(&b, "        thresholds: {pass: %g}\n", 0.05+0.95*frac())
			}
			for _, k := range it.credit {
				if it.id != "faq.depth" {
					fmt.Fprintf(&b, "        credit: {%s: %g}\n", k, frac())
				}
			}
		}
	}
	rb, err := ParseRubric([]byte(b.String()), "random.yaml")
	if err != nil {
		t.Fatalf("a valid random rubric was refused: %v\n%s", err, b.String())
	}
	return rb
}

// randomInquiry draws a consistent inquiry in any state.
func randomInquiry(r *rand.Rand, token string) Inquiry {
	statuses := []string{"draft", "failed", "blocked", "sent", "replied", "replied", "no_reply"}
	in := Inquiry{Token: token, Status: statuses[r.IntN(len(statuses))]}
	maybe := func() *float64 {
		if r.IntN(4) == 0 {
			return nil
		}
		return sec(float64(r.IntN(101)) / 100)
	}
	if r.IntN(3) > 0 {
		in.AutoAck = yes(r.IntN(2) == 0)
		if *in.AutoAck {
			in.AutoAckSeconds = sec(float64(r.IntN(600)))
			if r.IntN(2) == 0 {
				in.PromisedSeconds = sec(float64(1 + r.IntN(72*3600)))
			}
		}
	}
	switch in.Status {
	case "replied":
		if r.IntN(8) > 0 {
			in.HumanReplySeconds = sec(float64(r.IntN(96 * 3600)))
			if in.PromisedSeconds != nil && r.IntN(2) == 0 {
				in.PromiseKept = yes(*in.HumanReplySeconds <= *in.PromisedSeconds)
			}
		}
		in.Answered, in.Personalization, in.Courtesy = maybe(), maybe(), maybe()
	case "no_reply":
		if in.PromisedSeconds != nil && r.IntN(2) == 0 {
			in.PromiseKept = yes(false)
		}
	}
	return in
}

// better turns one inquiry into a better outcome by the standards: a
// reply where there was none, a faster one, a kept promise, a reply that
// is judged more personal, courteous or complete.
func better(r *rand.Rand, in *Inquiry) {
	perfect := func() {
		in.Status, in.HumanReplySeconds = "replied", sec(0)
		in.Answered, in.Personalization, in.Courtesy = sec(1), sec(1), sec(1)
		if in.PromisedSeconds != nil {
			in.PromiseKept = yes(true)
		}
	}
	switch in.Status {
	case "sent":
		perfect()
		return
	case "no_reply":
		in.Status, in.HumanReplySeconds = "replied", sec(float64(r.IntN(96*3600)))
		if in.PromisedSeconds != nil {
			in.PromiseKept = yes(*in.HumanReplySeconds <= *in.PromisedSeconds)
		}
		for _, p := range []**float64{&in.Answered, &in.Personalization, &in.Courtesy} {
			*p = sec(float64(r.IntN(101)) / 100)
		}
		return
	case "replied":
	default:
		return
	}
	switch r.IntN(4) {
	case 0: // faster
		if in.HumanReplySeconds != nil {
			in.HumanReplySeconds = sec(*in.HumanReplySeconds * r.Float64())
			if in.PromiseKept != nil {
				in.PromiseKept = yes(*in.HumanReplySeconds <= *in.PromisedSeconds)
			}
		}
	case 1: // a judged quality improves
		p := []**float64{&in.Answered, &in.Personalization, &in.Courtesy}[r.IntN(3)]
		if *p != nil {
			*p = sec(**p + r.Float64()*(1-**p))
		}
	case 2: // an acknowledgement with an estimate that is kept
		if in.HumanReplySeconds != nil {
			in.AutoAck, in.AutoAckSeconds = yes(true), sec(5)
			in.PromisedSeconds, in.PromiseKept = sec(*in.HumanReplySeconds+float64(r.IntN(3600))), yes(true)
		}
	case 3:
		perfect()
	}
}

// perfectInquiry meets every bar any valid rubric can set.
func perfectInquiry() Inquiry {
	in := goodInquiry("extra")
	in.HumanReplySeconds, in.PromisedSeconds = sec(0), sec(60)
	in.Answered = sec(1)
	return in
}

func randomInquiries(r *rand.Rand) []Inquiry {
	var out []Inquiry
	for i := range r.IntN(4) {
		out = append(out, randomInquiry(r, fmt.Sprintf("t%d", i)))
	}
	return out
}

func TestPropertyGoodFindingNeverLowersScore(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	improve := []func(*Findings){
		func(f *Findings) { f.ContactPage = str("c") },
		func(f *Findings) { f.FAQ.Questions += 1 + r.IntN(60) },
		func(f *Findings) { f.Chat.Present = true },
		func(f *Findings) { f.Channels.Email.Addresses = append(f.Channels.Email.Addresses, "x@y.example") },
		func(f *Findings) { f.Channels.ContactForm.Present = true },
		func(f *Findings) { f.Channels.Policies.Warranty = str("w") },
		func(f *Findings) {
			f.Phone.Numbers = append(f.Phone.Numbers, phone.Number{Visible: true, OnHome: true, OnContact: true, Type: "toll_free"})
			f.Phone.TollFree, f.Phone.Prominent = true, true
		},
		func(f *Findings) {
			if len(f.Inquiries) > 0 {
				better(r, &f.Inquiries[r.IntN(len(f.Inquiries))])
			}
		},
		func(f *Findings) { f.Inquiries = append(f.Inquiries, perfectInquiry()) },
	}
	rubrics := []*Rubric{DefaultRubric()}
	for range 30 {
		rubrics = append(rubrics, randomRubric(t, r))
	}
	for i := range 6000 {
		rb := rubrics[r.IntN(len(rubrics))]
		f := randomFindings(r)
		f.Inquiries = randomInquiries(r)
		before := rb.Score(f)
		k := r.IntN(len(improve))
		improve[k](&f)
		after := rb.Score(f)
		if after.Total < before.Total || after.Points*before.Max < before.Points*after.Max-1e-9 {
			t.Fatalf("case %d (improvement %d, rubric %s): a better finding lowered the score from %d to %d (%s → %s)", i, k, rb.Version, before.Total, after.Total, before.Arithmetic, after.Arithmetic)
		}
	}
}

func TestPropertyTotalsInRange(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for i := range 3000 {
		rb := DefaultRubric()
		if i%2 == 1 {
			rb = randomRubric(t, r)
		}
		f := randomFindings(r)
		f.Inquiries = randomInquiries(r)
		if r.IntN(5) == 0 {
			f.Phone, f.Channels = nil, nil
		}
		sc := rb.Score(f)
		if sc.Total < 0 || sc.Total > 100 || sc.Grade != Grade(sc.Total) {
			t.Fatalf("case %d: total %d grade %s (%s)", i, sc.Total, sc.Grade, sc.Arithmetic)
		}
		var points, maxPoints float64
		for _, s := range sc.Sections {
			for _, it := range s.Items {
				if it.Points < 0 || it.Points > it.Max+1e-9 {
					t.Fatalf("case %d: %s has %v of %v points", i, it.ID, it.Points, it.Max)
				}
				if it.Status != NotMeasured {
					points += it.Points
					maxPoints += it.Max
				}
			}
		}
		if diff := points - sc.Points; diff > 1e-6 || diff < -1e-6 || maxPoints-sc.Max > 1e-6 || sc.Max-maxPoints > 1e-6 {
			t.Fatalf("case %d: items add to %v/%v, scorecard says %v/%v", i, points, maxPoints, sc.Points, sc.Max)
		}
	}
}

// Not measured is a state, not a zero: an item that could not be measured
// weighs nothing, is listed in NotMeasured, and scores exactly as if the
// rubric gave it weight 0.
func TestPropertyNotMeasuredIsNotFailure(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for i := range 2000 {
		f := randomFindings(r)
		f.Inquiries = randomInquiries(r)
		switch r.IntN(3) {
		case 0:
			f.Chat = nil
		case 1:
			f.FAQ = nil
		}
		rb := DefaultRubric()
		sc := rb.Score(f)
		zeroed := rb.clone()
		for si := range zeroed.Sections {
			for ii := range zeroed.Sections[si].Items {
				if slices.Contains(sc.NotMeasured, zeroed.Sections[si].Items[ii].ID) {
					zeroed.Sections[si].Items[ii].Max = 0
				}
			}
		}
		zc := zeroed.Score(f)
		if zc.Total != sc.Total || zc.Points != sc.Points || zc.Max != sc.Max {
			t.Fatalf("case %d: not measured %v: %s, with those items weighted 0: %s", i, sc.NotMeasured, sc.Arithmetic, zc.Arithmetic)
		}
		for _, s := range sc.Sections {
			for _, it := range s.Items {
				if it.Status == NotMeasured && (it.Points != 0 || it.Recommendation != "" || it.Why == "" || !slices.Contains(sc.NotMeasured, it.ID)) {
					t.Fatalf("case %d: %+v", i, it)
				}
			}
		}
	}
}
