// Package scoring turns an audit's findings into a scorecard: sections of
// items, each with points, a status, the evidence it rests on and a
// recommendation in plain words. It is arithmetic only — no I/O, no clock —
// and every item cites the customer-service standard it measures
// (shared/docs/STANDARDS.md), so the scorecard explains itself.
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

// RubricVersion names the rubric below; reports print it.
const RubricVersion = "shopper-rubric/1 (built in)"

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

// FAQ depth bands, from STANDARDS.md: 5–10 questions at minimum, 50+ best
// in class.
const (
	faqMinimum     = 5
	faqBestInClass = 50
)

// Score applies the built-in rubric to the findings.
func Score(f Findings) Scorecard {
	sections := []Section{
		phoneSection(f),
		faqSection(f),
		chatSection(f),
		channelsSection(f),
		policiesSection(f),
	}
	var sc Scorecard
	sc.Rubric = RubricVersion
	sc.NotMeasured = []string{}
	var terms []string
	for i := range sections {
		s := &sections[i]
		for _, it := range s.Items {
			if it.Status == NotMeasured {
				sc.NotMeasured = append(sc.NotMeasured, it.ID)
				continue
			}
			s.Points += it.Points
			s.Max += it.Max
		}
		sc.Points += s.Points
		sc.Max += s.Max
		terms = append(terms, fmt.Sprintf("%s %s/%s", s.ID, num(s.Points), num(s.Max)))
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

func notMeasured(id, title, standard string, max float64, why string) Item {
	return Item{ID: id, Title: title, Max: max, Status: NotMeasured, Why: why, Standard: standard}
}

// verdict fills Points and Status from the fraction of Max earned.
func verdict(it Item, fraction float64) Item {
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

const (
	stdPhone    = "STANDARDS.md, Phone: show a phone number prominently, preferably toll-free, on both the home page and the Contact Us page (001, tip 1)"
	stdFAQ      = "STANDARDS.md, FAQ: post the top 5–10 questions with answers at minimum; best in class shows 50+ (001, tip 2)"
	stdChat     = "STANDARDS.md, Live chat and channels: live chat is expected for online business (003)"
	stdChannels = "STANDARDS.md, Live chat and channels: offer several channels, each with its strengths (002)"
	stdPolicies = "STANDARDS.md, Policies: publish clear warranty/returns, shipping and privacy policies (002)"
)

func phoneSection(f Findings) Section {
	s := Section{ID: "phone", Title: "Phone"}
	if f.Phone == nil {
		s.Items = []Item{
			notMeasured("phone.listed", "A phone number is shown", stdPhone, 10, "the phone probe did not run"),
			notMeasured("phone.toll_free", "A toll-free number is shown", stdPhone, 10, "the phone probe did not run"),
			notMeasured("phone.prominent", "The number is on the home and contact pages", stdPhone, 15, "the phone probe did not run"),
		}
		return s
	}
	p := f.Phone
	var visible []phone.Number
	for _, n := range p.Numbers {
		if n.Visible {
			visible = append(visible, n)
		}
	}
	listed := Item{ID: "phone.listed", Title: "A phone number is shown", Max: 10, Standard: stdPhone}
	if len(visible) > 0 {
		listed = verdict(listed, 1)
		listed.Why = fmt.Sprintf("%d number(s) shown to visitors", len(visible))
		for _, n := range visible[:min(3, len(visible))] {
			listed.Evidence = append(listed.Evidence, fmt.Sprintf("%s (%s) on %s", n.Display, n.Type, strings.Join(n.Pages[:min(2, len(n.Pages))], ", ")))
		}
	} else {
		listed = verdict(listed, 0)
		listed.Why = "no phone number is shown on the pages crawled"
		listed.Recommendation = "Publish a phone number: many visitors open the contact page only to find one, and should not be forced to write instead."
	}
	toll := Item{ID: "phone.toll_free", Title: "A toll-free number is shown", Max: 10, Standard: stdPhone}
	if p.TollFree {
		toll = verdict(toll, 1)
		toll.Why = "a toll-free number is shown"
		for _, n := range visible {
			if n.TollFree {
				toll.Evidence = append(toll.Evidence, n.Display+" ("+n.E164+")")
			}
		}
	} else {
		toll = verdict(toll, 0)
		toll.Why = "no number shown is toll-free"
		toll.Recommendation = "Offer a toll-free number, so calling costs the customer nothing."
	}
	prom := Item{ID: "phone.prominent", Title: "The number is on the home and contact pages", Max: 15, Standard: stdPhone}
	onHome, onContact := false, false
	for _, n := range visible {
		onHome = onHome || n.OnHome
		onContact = onContact || n.OnContact
	}
	switch {
	case p.Prominent:
		prom = verdict(prom, 1)
		prom.Why = "a number is visible as text on the home page and on the contact page"
	case onHome || onContact:
		prom = verdict(prom, 0.5)
		where := "home page"
		if onContact {
			where = "contact page"
		}
		prom.Why = "a number is visible on the " + where + " only"
		prom.Recommendation = "Show the phone number as text on both the home page and the Contact Us page."
	default:
		prom = verdict(prom, 0)
		prom.Why = "no number is visible as text on the home or contact page"
		prom.Recommendation = "Show the phone number as text on both the home page and the Contact Us page."
	}
	s.Items = []Item{listed, toll, prom}
	return s
}

func faqSection(f Findings) Section {
	s := Section{ID: "faq", Title: "FAQ"}
	it := Item{ID: "faq.depth", Title: "FAQ depth", Max: 20, Standard: stdFAQ}
	if f.FAQ == nil {
		s.Items = []Item{notMeasured(it.ID, it.Title, stdFAQ, it.Max, "the FAQ probe did not run")}
		return s
	}
	n := f.FAQ.Questions
	var frac float64
	switch {
	case n >= faqBestInClass:
		frac = 1
	case n >= 2*faqMinimum:
		frac = 0.7
	case n >= faqMinimum:
		frac = 0.5
	case n > 0:
		frac = 0.2
	}
	it = verdict(it, frac)
	it.Why = fmt.Sprintf("%d distinct question(s): bands 0 / 1–4 / 5–9 / 10–49 / 50+ earn 0 / 20%% / 50%% / 70%% / 100%%", n)
	if f.FAQ.URL != nil {
		it.Evidence = append(it.Evidence, *f.FAQ.URL)
	}
	it.Evidence = append(it.Evidence, f.FAQ.Samples[:min(3, len(f.FAQ.Samples))]...)
	switch {
	case n == 0:
		it.Recommendation = "Publish an FAQ with the top 5–10 questions customers ask, with answers."
	case n < faqBestInClass:
		it.Recommendation = fmt.Sprintf("Grow the FAQ from %d toward 50+ questions, with a layer for new and one for regular customers; best-in-class help pages rarely leave a reason to contact the company.", n)
	}
	s.Items = []Item{it}
	return s
}

func chatSection(f Findings) Section {
	s := Section{ID: "chat", Title: "Live chat"}
	it := Item{ID: "chat.present", Title: "Live chat is offered", Max: 15, Standard: stdChat}
	if f.Chat == nil {
		s.Items = []Item{notMeasured(it.ID, it.Title, stdChat, it.Max, "the chat probe did not run")}
		return s
	}
	if f.Chat.Present {
		it = verdict(it, 1)
		it.Why = "a chat or messaging entry point is on the site"
		if len(f.Chat.Vendors) > 0 {
			it.Why += ": " + strings.Join(f.Chat.Vendors, ", ")
		}
		for _, e := range f.Chat.Evidence[:min(3, len(f.Chat.Evidence))] {
			it.Evidence = append(it.Evidence, fmt.Sprintf("%s %s on %s", e.Signal, e.Detail, e.Page))
		}
	} else {
		it = verdict(it, 0)
		it.Why = "no chat widget or click-to-chat link was found"
		it.Recommendation = "Offer live chat: customers who hit a problem on the website want an immediate answer."
	}
	s.Items = []Item{it}
	return s
}

func channelsSection(f Findings) Section {
	s := Section{ID: "channels", Title: "Contact channels"}
	if f.Channels == nil {
		s.Items = []Item{
			notMeasured("channels.contact_page", "A contact page", stdChannels, 5, "the channels probe did not run"),
			notMeasured("channels.email", "An e-mail address is published", stdChannels, 10, "the channels probe did not run"),
			notMeasured("channels.form", "A contact form", stdChannels, 5, "the channels probe did not run"),
		}
		return s
	}
	c := f.Channels
	cp := Item{ID: "channels.contact_page", Title: "A contact page", Max: 5, Standard: stdChannels}
	if f.ContactPage != nil {
		cp = verdict(cp, 1)
		cp.Why = "the site has a contact page"
		cp.Evidence = []string{*f.ContactPage}
	} else {
		cp = verdict(cp, 0)
		cp.Why = "no contact page was found"
		cp.Recommendation = "Add a Contact Us page linked from every page, with every channel on it."
	}
	em := Item{ID: "channels.email", Title: "An e-mail address is published", Max: 10, Standard: stdChannels}
	if n := len(c.Email.Addresses); n > 0 {
		em = verdict(em, 1)
		em.Why = fmt.Sprintf("%d address(es) published", n)
		em.Evidence = c.Email.Addresses[:min(3, n)]
	} else {
		em = verdict(em, 0)
		em.Why = "no e-mail address is published"
		em.Recommendation = "Publish an e-mail address: it is convenient for customers and keeps a record."
	}
	form := Item{ID: "channels.form", Title: "A contact form", Max: 5, Standard: stdChannels}
	if c.ContactForm.Present {
		form = verdict(form, 1)
		form.Why = "a contact form is offered"
		if c.ContactForm.URL != nil {
			form.Evidence = []string{*c.ContactForm.URL}
		}
	} else {
		form = verdict(form, 0)
		form.Why = "no contact form was found"
		form.Recommendation = "Offer a contact form for customers who prefer to write."
	}
	s.Items = []Item{cp, em, form}
	return s
}

func policiesSection(f Findings) Section {
	s := Section{ID: "policies", Title: "Policies"}
	it := Item{ID: "policies.published", Title: "Returns, shipping, privacy and warranty policies", Max: 10, Standard: stdPolicies}
	if f.Channels == nil {
		s.Items = []Item{notMeasured(it.ID, it.Title, stdPolicies, it.Max, "the channels probe did not run")}
		return s
	}
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
	it = verdict(it, float64(len(have))/float64(len(kinds)))
	it.Why = fmt.Sprintf("%d of 4 published", len(have))
	if len(have) > 0 {
		it.Why += ": " + strings.Join(have, ", ")
	}
	if len(missing) > 0 {
		it.Recommendation = "Publish clear " + strings.Join(missing, ", ") + " policies, linked from every page."
	}
	s.Items = []Item{it}
	return s
}
