// Package scoring turns an audit's findings into a scorecard: sections of
// items, each with points, a status, the evidence it rests on and a
// recommendation in plain words. Scoring is arithmetic only — no I/O (but
// LoadRubric's one file read), no clock — and every item cites the
// customer-service standard it measures (shared/docs/STANDARDS.md), so the
// scorecard explains itself.
//
// What each item weighs, its thresholds and its wording come from a
// Rubric: the default is rubric.yaml, embedded and commented; ParseRubric
// and LoadRubric read a user's file over it. How each item is measured is
// the pure Go functions of this package.
//
// Items that could not be measured do not count as failures: the total is
// renormalised over what was measured, and NotMeasured says what was not.
package scoring

import (
	"fmt"
	"math"
	"strings"

	"github.com/shopper-audit/shopper/probes/channels"
	"github.com/shopper-audit/shopper/probes/chat"
	"github.com/shopper-audit/shopper/probes/faq"
	"github.com/shopper-audit/shopper/probes/phone"
)

// Status is an item's verdict.
type Status string

// The verdicts an item can have.
const (
	Pass        Status = "pass"
	Partial     Status = "partial"
	Fail        Status = "fail"
	NotMeasured Status = "not_measured"
)

// Findings are the probes' results for one site: the input of Score.
// A nil pointer means the probe did not run (or failed): not measured.
type Findings struct {
	ContactPage *string
	Phone       *phone.Finding
	FAQ         *faq.Finding
	Chat        *chat.Finding
	Channels    *channels.Finding
	// Inquiries are the test inquiries sent to the company and what came
	// of them; none means the e-mail response section is not measured.
	Inquiries []Inquiry
}

// Item is one check of the rubric.
type Item struct {
	ID             string   `json:"id"`
	Title          string   `json:"title"`
	Points         float64  `json:"points"`
	Max            float64  `json:"max"`
	Status         Status   `json:"status"`
	Why            string   `json:"why"`
	Evidence       []string `json:"evidence,omitempty"`
	Recommendation string   `json:"recommendation,omitempty"`
	Standard       string   `json:"standard"`
}

// Section groups the items of one channel.
type Section struct {
	ID     string  `json:"id"`
	Title  string  `json:"title"`
	Points float64 `json:"points"`
	Max    float64 `json:"max"`
	Items  []Item  `json:"items"`
}

// Scorecard is the verdict on one site. Total is 0..100: the points won
// over the points of the items that were measured.
type Scorecard struct {
	Total       int       `json:"total"`
	Grade       string    `json:"grade"`
	Points      float64   `json:"points"`
	Max         float64   `json:"max"`
	Arithmetic  string    `json:"arithmetic"`
	Rubric      string    `json:"rubric"`
	NotMeasured []string  `json:"not_measured"`
	Sections    []Section `json:"sections"`
}

// Grade turns a total into a letter: A ≥ 90, B ≥ 80, C ≥ 70, D ≥ 60, else F.
func Grade(total int) string {
	switch {
	case total >= 90:
		return "A"
	case total >= 80:
		return "B"
	case total >= 70:
		return "C"
	case total >= 60:
		return "D"
	}
	return "F"
}

// Score applies the default rubric to the findings:
// DefaultRubric().Score(f).
func Score(f Findings) Scorecard { return defaultRubric().Score(f) }

// Score judges the findings by the rubric. Each item's points are its
// weight (Max) times the share it earned; the total is 100 × points won ÷
// the weights of the items measured, so an item not measured counts for
// nothing either way, and neither does an item of weight 0. Score does no
// I/O and never fails; a weight that is negative or not finite (possible
// only in a hand-built Rubric) counts as 0.
func (r *Rubric) Score(f Findings) Scorecard {
	var sections []Section
	for _, spec := range specs {
		rule := func(id string) ItemRule {
			it := r.rule(spec.id, id)
			if it.Max < 0 || math.IsNaN(it.Max) || math.IsInf(it.Max, 0) {
				it.Max = 0
			}
			return it
		}
		sections = append(sections, Section{ID: spec.id, Title: r.sectionTitle(spec.id), Items: spec.score(f, rule)})
	}
	var sc Scorecard
	sc.Rubric = r.Version
	sc.NotMeasured = []string{}
	var terms []string
	for i := range sections {
		s := &sections[i]
		measured := false
		for _, it := range s.Items {
			if it.Status == NotMeasured {
				sc.NotMeasured = append(sc.NotMeasured, it.ID)
				continue
			}
			measured = true
			s.Points += it.Points
			s.Max += it.Max
		}
		sc.Points += s.Points
		sc.Max += s.Max
		// A section with nothing measured adds nothing: the arithmetic
		// leaves it out (NotMeasured names its items).
		if measured {
			terms = append(terms, fmt.Sprintf("%s %s/%s", s.ID, num(s.Points), num(s.Max)))
		}
	}
	if sc.Max > 0 {
		sc.Total = int(math.Round(100 * sc.Points / sc.Max))
	}
	sc.Total = max(0, min(100, sc.Total))
	sc.Grade = Grade(sc.Total)
	sc.Sections = sections
	sc.Arithmetic = fmt.Sprintf("(%s) = %s of %s measured points → %d/100, grade %s",
		strings.Join(terms, " + "), num(sc.Points), num(sc.Max), sc.Total, sc.Grade)
	return sc
}

func num(x float64) string {
	if x == math.Trunc(x) {
		return fmt.Sprintf("%.0f", x)
	}
	return fmt.Sprintf("%.1f", x)
}

// newItem starts an item from its rule.
func newItem(rule ItemRule) Item {
	return Item{ID: rule.ID, Title: rule.Title, Max: rule.Max, Standard: rule.Standard}
}

func notMeasured(rule ItemRule, why string) Item {
	it := newItem(rule)
	it.Status, it.Why = NotMeasured, why
	return it
}

// verdict fills Points and Status from the fraction of Max earned.
func verdict(it Item, fraction float64) Item {
	fraction = max(0, min(1, fraction))
	it.Points = math.Round(it.Max*fraction*10) / 10
	switch {
	case fraction >= 1:
		it.Status = Pass
	case fraction > 0:
		it.Status = Partial
	default:
		it.Status = Fail
	}
	return it
}

// judge is verdict followed by the rule's recommendation for the outcome.
func judge(it Item, rule ItemRule, fraction float64, vars map[string]string) Item {
	it = verdict(it, fraction)
	recommend(&it, rule, vars)
	return it
}

func phoneSection(f Findings, rule func(string) ItemRule) []Item {
	rListed, rToll, rProm := rule("phone.listed"), rule("phone.toll_free"), rule("phone.prominent")
	if f.Phone == nil {
		const why = "the phone probe did not run"
		return []Item{notMeasured(rListed, why), notMeasured(rToll, why), notMeasured(rProm, why)}
	}
	p := f.Phone
	var visible []phone.Number
	for _, n := range p.Numbers {
		if n.Visible {
			visible = append(visible, n)
		}
	}
	listed := newItem(rListed)
	if len(visible) > 0 {
		listed = judge(listed, rListed, 1, nil)
		listed.Why = fmt.Sprintf("%d number(s) shown to visitors", len(visible))
		for _, n := range visible[:min(3, len(visible))] {
			listed.Evidence = append(listed.Evidence, fmt.Sprintf("%s (%s) on %s", n.Display, n.Type, strings.Join(n.Pages[:min(2, len(n.Pages))], ", ")))
		}
	} else {
		listed = judge(listed, rListed, 0, nil)
		listed.Why = "no phone number is shown on the pages crawled"
	}
	toll := newItem(rToll)
	if p.TollFree {
		toll = judge(toll, rToll, 1, nil)
		toll.Why = "a toll-free number is shown"
		for _, n := range visible {
			if n.TollFree {
				toll.Evidence = append(toll.Evidence, n.Display+" ("+n.E164+")")
			}
		}
	} else {
		toll = judge(toll, rToll, 0, nil)
		toll.Why = "no number shown is toll-free"
	}
	prom := newItem(rProm)
	onHome, onContact := false, false
	for _, n := range visible {
		onHome = onHome || n.OnHome
		onContact = onContact || n.OnContact
	}
	switch {
	case p.Prominent:
		prom = judge(prom, rProm, 1, nil)
		prom.Why = "a number is visible as text on the home page and on the contact page"
	case onHome || onContact:
		prom = judge(prom, rProm, rProm.Credit["one_page"], nil)
		where := "home page"
		if onContact {
			where = "contact page"
		}
		prom.Why = "a number is visible on the " + where + " only"
	default:
		prom = judge(prom, rProm, 0, nil)
		prom.Why = "no number is visible as text on the home or contact page"
	}
	return []Item{listed, toll, prom}
}

// faqFraction is the share of the FAQ item earned by n questions: the
// credit of the highest threshold n reaches, nothing below the first.
func faqFraction(rule ItemRule, n int) float64 {
	frac := 0.0
	for _, band := range faqBands {
		if float64(n) >= rule.Thresholds[band] {
			frac = rule.Credit[band]
		}
	}
	return frac
}

// faqBandsText describes the bands, e.g. "0 / 1–4 / 5–9 / 10–49 / 50+ earn
// 0 / 20% / 50% / 70% / 100%".
func faqBandsText(rule ItemRule) string {
	span := func(lo, hi float64) string {
		if hi <= lo {
			return num(lo)
		}
		return num(lo) + "–" + num(hi)
	}
	bands := []string{span(0, rule.Thresholds[faqBands[0]]-1)}
	earn := []string{"0"}
	for i, b := range faqBands {
		if i+1 < len(faqBands) {
			bands = append(bands, span(rule.Thresholds[b], rule.Thresholds[faqBands[i+1]]-1))
		} else {
			bands = append(bands, num(rule.Thresholds[b])+"+")
		}
		earn = append(earn, num(math.Round(1000*rule.Credit[b])/10)+"%")
	}
	return "bands " + strings.Join(bands, " / ") + " earn " + strings.Join(earn, " / ")
}

func faqSection(f Findings, rule func(string) ItemRule) []Item {
	r := rule("faq.depth")
	if f.FAQ == nil {
		return []Item{notMeasured(r, "the FAQ probe did not run")}
	}
	n := f.FAQ.Questions
	it := judge(newItem(r), r, faqFraction(r, n), map[string]string{"questions": fmt.Sprint(n)})
	it.Why = fmt.Sprintf("%d distinct question(s): %s", n, faqBandsText(r))
	if f.FAQ.URL != nil {
		it.Evidence = append(it.Evidence, *f.FAQ.URL)
	}
	it.Evidence = append(it.Evidence, f.FAQ.Samples[:min(3, len(f.FAQ.Samples))]...)
	return []Item{it}
}

func chatSection(f Findings, rule func(string) ItemRule) []Item {
	r := rule("chat.present")
	if f.Chat == nil {
		return []Item{notMeasured(r, "the chat probe did not run")}
	}
	it := newItem(r)
	if f.Chat.Present {
		it = judge(it, r, 1, nil)
		it.Why = "a chat or messaging entry point is on the site"
		if len(f.Chat.Vendors) > 0 {
			it.Why += ": " + strings.Join(f.Chat.Vendors, ", ")
		}
		for _, e := range f.Chat.Evidence[:min(3, len(f.Chat.Evidence))] {
			it.Evidence = append(it.Evidence, fmt.Sprintf("%s %s on %s", e.Signal, e.Detail, e.Page))
		}
	} else {
		it = judge(it, r, 0, nil)
		it.Why = "no chat widget or click-to-chat link was found"
	}
	return []Item{it}
}

func channelsSection(f Findings, rule func(string) ItemRule) []Item {
	rCP, rEm, rForm := rule("channels.contact_page"), rule("channels.email"), rule("channels.form")
	if f.Channels == nil {
		const why = "the channels probe did not run"
		return []Item{notMeasured(rCP, why), notMeasured(rEm, why), notMeasured(rForm, why)}
	}
	c := f.Channels
	cp := newItem(rCP)
	if f.ContactPage != nil {
		cp = judge(cp, rCP, 1, nil)
		cp.Why = "the site has a contact page"
		cp.Evidence = []string{*f.ContactPage}
	} else {
		cp = judge(cp, rCP, 0, nil)
		cp.Why = "no contact page was found"
	}
	em := newItem(rEm)
	if n := len(c.Email.Addresses); n > 0 {
		em = judge(em, rEm, 1, nil)
		em.Why = fmt.Sprintf("%d address(es) published", n)
		em.Evidence = c.Email.Addresses[:min(3, n)]
	} else {
		em = judge(em, rEm, 0, nil)
		em.Why = "no e-mail address is published"
	}
	form := newItem(rForm)
	if c.ContactForm.Present {
		form = judge(form, rForm, 1, nil)
		form.Why = "a contact form is offered"
		if c.ContactForm.URL != nil {
			form.Evidence = []string{*c.ContactForm.URL}
		}
	} else {
		form = judge(form, rForm, 0, nil)
		form.Why = "no contact form was found"
	}
	return []Item{cp, em, form}
}

func policiesSection(f Findings, rule func(string) ItemRule) []Item {
	r := rule("policies.published")
	if f.Channels == nil {
		return []Item{notMeasured(r, "the channels probe did not run")}
	}
	it := newItem(r)
	p := f.Channels.Policies
	kinds := []struct {
		name string
		url  *string
	}{{"returns", p.Returns}, {"shipping", p.Shipping}, {"privacy", p.Privacy}, {"warranty", p.Warranty}}
	var have, missing []string
	for _, k := range kinds {
		if k.url != nil {
			have = append(have, k.name)
			it.Evidence = append(it.Evidence, k.name+": "+*k.url)
		} else {
			missing = append(missing, k.name)
		}
	}
	it = judge(it, r, float64(len(have))/float64(len(kinds)), map[string]string{"missing": strings.Join(missing, ", ")})
	it.Why = fmt.Sprintf("%d of 4 published", len(have))
	if len(have) > 0 {
		it.Why += ": " + strings.Join(have, ", ")
	}
	return []Item{it}
}
