// Package history compares two audits of the same site and says what
// changed: numbers, chat, FAQ, e-mail, forms and policies that appeared or
// went away, and how the score and each section moved. A change that leaves
// customers worse off is a regression, the check a CI job runs after a
// deploy. Diff is pure: it reads two results and nothing else.
package history

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/shopper-audit/shopper/audit"
	"github.com/shopper-audit/shopper/scoring"
)

// Kind says what sort of change a Change is.
type Kind string

// The kinds of change.
const (
	// Removed: something a customer could find before is gone.
	Removed Kind = "removed"
	// Added: something new a customer can find.
	Added Kind = "added"
	// Changed: a measure went up or down.
	Changed Kind = "changed"
)

// Change is one difference between two audits of a site.
type Change struct {
	Kind Kind `json:"kind"`
	// Item names what changed: "phone.toll_free", "phone.number",
	// "phone.prominent", "phone.above_fold", "chat", "chat.vendor", "faq",
	// "faq.questions", "email", "email.address", "contact_form",
	// "policies.returns" (shipping, privacy, warranty), "score", or
	// "section.ID" for a scorecard section.
	Item string `json:"item"`
	// Before and After are the values compared, as text.
	Before string `json:"before"`
	After  string `json:"after"`
	// Regression is true when the change leaves customers worse off.
	Regression bool `json:"regression"`
	// Sentence says it in plain words.
	Sentence string `json:"sentence"`
}

// Regressions counts the changes that are regressions.
func Regressions(cs []Change) int {
	n := 0
	for _, c := range cs {
		if c.Regression {
			n++
		}
	}
	return n
}

// Diff lists what changed from old to new, regressions first, then in the
// scorecard's order: phone, FAQ, chat, channels, policies, score,
// sections. Two identical results give an empty list, never nil.
func Diff(old, new *audit.Result) []Change {
	d := &differ{cs: []Change{}}
	d.phone(old, new)
	d.faq(old, new)
	d.chat(old, new)
	d.channels(old, new)
	d.policies(old, new)
	d.score(old, new)
	slices.SortStableFunc(d.cs, func(a, b Change) int {
		switch {
		case a.Regression == b.Regression:
			return 0
		case a.Regression:
			return -1
		}
		return 1
	})
	return d.cs
}

type differ struct{ cs []Change }

func (d *differ) add(c Change) { d.cs = append(d.cs, c) }

// flag records a yes/no finding that turned: losing it is a regression.
func (d *differ) flag(item string, before, after bool, lost, gained string) {
	switch {
	case before && !after:
		d.add(Change{Kind: Removed, Item: item, Before: "yes", After: "no", Regression: true, Sentence: lost})
	case !before && after:
		d.add(Change{Kind: Added, Item: item, Before: "no", After: "yes", Sentence: gained})
	}
}

func (d *differ) phone(old, new *audit.Result) {
	oldNums, newNums := visibleNumbers(old), visibleNumbers(new)
	switch {
	case len(oldNums) > 0 && len(newNums) == 0:
		d.add(Change{Kind: Removed, Item: "phone.number", Before: strings.Join(oldNums, ", "), After: "",
			Regression: true, Sentence: fmt.Sprintf("No phone number is shown any more (was %s).", strings.Join(oldNums, ", "))})
	case len(oldNums) == 0 && len(newNums) > 0:
		d.add(Change{Kind: Added, Item: "phone.number", Before: "", After: strings.Join(newNums, ", "),
			Sentence: fmt.Sprintf("A phone number is shown now: %s.", strings.Join(newNums, ", "))})
	}
	oldTF, newTF := tollFree(old), tollFree(new)
	if old.Phone.TollFree && !new.Phone.TollFree {
		d.add(Change{Kind: Removed, Item: "phone.toll_free", Before: strings.Join(oldTF, ", "), After: "",
			Regression: true, Sentence: fmt.Sprintf("The toll-free number is gone (was %s).", orSome(oldTF, "a toll-free number"))})
	} else if !old.Phone.TollFree && new.Phone.TollFree {
		d.add(Change{Kind: Added, Item: "phone.toll_free", Before: "", After: strings.Join(newTF, ", "),
			Sentence: fmt.Sprintf("A toll-free number is shown now: %s.", orSome(newTF, "a toll-free number"))})
	}
	if len(newNums) > 0 { // with no number at all, that loss says it
		d.flag("phone.prominent", old.Phone.Prominent, new.Phone.Prominent,
			"The phone number is no longer prominent: it is not shown on both the home and the contact page.",
			"The phone number is prominent now: shown on the home and the contact page.")
	}
	if of, nf := old.Phone.AboveFold, new.Phone.AboveFold; of != nil && nf != nil {
		d.flag("phone.above_fold", of.Desktop || of.Mobile, nf.Desktop || nf.Mobile,
			"The phone number is no longer in the home page's first screen.",
			"The phone number is in the home page's first screen now.")
	}
}

func visibleNumbers(r *audit.Result) []string {
	var out []string
	for _, n := range r.Phone.Numbers {
		if n.Visible {
			out = append(out, n.E164)
		}
	}
	return out
}

func tollFree(r *audit.Result) []string {
	var out []string
	for _, n := range r.Phone.Numbers {
		if n.Visible && n.TollFree {
			out = append(out, n.E164)
		}
	}
	return out
}

func orSome(xs []string, none string) string {
	if len(xs) == 0 {
		return none
	}
	return strings.Join(xs, ", ")
}

func (d *differ) faq(old, new *audit.Result) {
	o, n := old.FAQ, new.FAQ
	switch {
	case o.URL != nil && n.URL == nil:
		d.add(Change{Kind: Removed, Item: "faq", Before: *o.URL, After: "", Regression: true,
			Sentence: fmt.Sprintf("The FAQ is gone (it answered %d questions at %s).", o.Questions, *o.URL)})
		return
	case o.URL == nil && n.URL != nil:
		d.add(Change{Kind: Added, Item: "faq", Before: "", After: *n.URL,
			Sentence: fmt.Sprintf("An FAQ is published now, answering %d questions.", n.Questions)})
		return
	case o.URL == nil:
		return
	}
	if n.Questions == o.Questions {
		return
	}
	c := Change{Kind: Changed, Item: "faq.questions", Before: fmt.Sprint(o.Questions), After: fmt.Sprint(n.Questions)}
	if n.Questions < o.Questions {
		lost := o.Questions - n.Questions
		c.Regression = true
		c.Sentence = fmt.Sprintf("The FAQ shrank from %d to %d questions (%d fewer, -%d%%).",
			o.Questions, n.Questions, lost, int(math.Round(100*float64(lost)/float64(o.Questions))))
	} else {
		c.Sentence = fmt.Sprintf("The FAQ grew from %d to %d questions.", o.Questions, n.Questions)
	}
	d.add(c)
}

func (d *differ) chat(old, new *audit.Result) {
	oldV, newV := chatVendors(old), chatVendors(new)
	switch {
	case old.Chat.Present && !new.Chat.Present:
		d.add(Change{Kind: Removed, Item: "chat", Before: strings.Join(oldV, ", "), After: "", Regression: true,
			Sentence: fmt.Sprintf("The live chat was removed (was %s).", orSome(oldV, "a chat of no known vendor"))})
		return
	case !old.Chat.Present && new.Chat.Present:
		d.add(Change{Kind: Added, Item: "chat", Before: "", After: strings.Join(newV, ", "),
			Sentence: fmt.Sprintf("Live chat is offered now (%s).", orSome(newV, "a chat of no known vendor"))})
		return
	case !new.Chat.Present:
		return
	}
	// Chat is still offered: a change of vendor is news, not a loss.
	gone, came := setDiff(oldV, newV), setDiff(newV, oldV)
	if len(gone) > 0 || len(came) > 0 {
		var s string
		switch {
		case len(gone) > 0 && len(came) > 0:
			s = fmt.Sprintf("The chat vendor changed from %s to %s.", strings.Join(gone, ", "), strings.Join(came, ", "))
		case len(gone) > 0:
			s = fmt.Sprintf("Chat from %s is no longer found; %s remains.", strings.Join(gone, ", "), orSome(newV, "a chat of no known vendor"))
		default:
			s = fmt.Sprintf("Chat from %s is offered too now.", strings.Join(came, ", "))
		}
		d.add(Change{Kind: Changed, Item: "chat.vendor", Before: strings.Join(oldV, ", "), After: strings.Join(newV, ", "), Sentence: s})
	}
}

func chatVendors(r *audit.Result) []string {
	v := append(append([]string{}, r.Chat.Vendors...), r.Chat.OtherVendors...)
	slices.Sort(v)
	return slices.Compact(v)
}

// setDiff returns the elements of a not in b, in a's order.
func setDiff(a, b []string) []string {
	var out []string
	for _, x := range a {
		if !slices.Contains(b, x) {
			out = append(out, x)
		}
	}
	return out
}

func (d *differ) channels(old, new *audit.Result) {
	oa, na := old.Email.Addresses, new.Email.Addresses
	switch {
	case len(oa) > 0 && len(na) == 0:
		d.add(Change{Kind: Removed, Item: "email", Before: strings.Join(oa, ", "), After: "", Regression: true,
			Sentence: fmt.Sprintf("No e-mail address is published any more (was %s).", strings.Join(oa, ", "))})
	case len(oa) == 0 && len(na) > 0:
		d.add(Change{Kind: Added, Item: "email", Before: "", After: strings.Join(na, ", "),
			Sentence: fmt.Sprintf("An e-mail address is published now: %s.", strings.Join(na, ", "))})
	case len(na) > 0:
		for _, a := range setDiff(oa, na) {
			d.add(Change{Kind: Removed, Item: "email.address", Before: a, After: "",
				Sentence: fmt.Sprintf("The address %s is no longer shown; %s remains.", a, strings.Join(na, ", "))})
		}
		for _, a := range setDiff(na, oa) {
			d.add(Change{Kind: Added, Item: "email.address", Before: "", After: a,
				Sentence: fmt.Sprintf("The address %s is shown now.", a)})
		}
	}
	d.flag("contact_form", old.ContactForm.Present, new.ContactForm.Present,
		"The contact form is gone.", "A contact form is offered now.")
}

func (d *differ) policies(old, new *audit.Result) {
	for _, p := range []struct {
		name     string
		old, new *string
	}{
		{"returns", old.Policies.Returns, new.Policies.Returns},
		{"shipping", old.Policies.Shipping, new.Policies.Shipping},
		{"privacy", old.Policies.Privacy, new.Policies.Privacy},
		{"warranty", old.Policies.Warranty, new.Policies.Warranty},
	} {
		switch {
		case p.old != nil && p.new == nil:
			d.add(Change{Kind: Removed, Item: "policies." + p.name, Before: *p.old, After: "", Regression: true,
				Sentence: fmt.Sprintf("The %s policy can no longer be found (was %s).", p.name, *p.old)})
		case p.old == nil && p.new != nil:
			d.add(Change{Kind: Added, Item: "policies." + p.name, Before: "", After: *p.new,
				Sentence: fmt.Sprintf("A %s policy is published now: %s.", p.name, *p.new)})
		}
	}
}

func (d *differ) score(old, new *audit.Result) {
	o, n := old.Score.Total, new.Score.Total
	if o != n {
		d.add(Change{Kind: Changed, Item: "score", Before: fmt.Sprint(o), After: fmt.Sprint(n), Regression: n < o,
			Sentence: fmt.Sprintf("The score went %s from %d to %d (%+d).", upDown(n-o), o, n, n-o)})
	}
	for _, ns := range new.Score.Sections {
		i := slices.IndexFunc(old.Score.Sections, func(s scoring.Section) bool { return s.ID == ns.ID })
		if i < 0 {
			continue
		}
		os := old.Score.Sections[i]
		op, np := percent(os.Points, os.Max), percent(ns.Points, ns.Max)
		if op < 0 || np < 0 || op == np {
			continue
		}
		d.add(Change{Kind: Changed, Item: "section." + ns.ID, Before: fmt.Sprintf("%d%%", op), After: fmt.Sprintf("%d%%", np),
			Regression: np < op,
			Sentence: fmt.Sprintf("%s went %s from %d%% to %d%% of its points (%.4g of %.4g now).",
				ns.Title, upDown(np-op), op, np, ns.Points, ns.Max)})
	}
}

// percent is points over max in whole percent, -1 when nothing was
// measured.
func percent(points, max float64) int {
	if max <= 0 {
		return -1
	}
	return int(math.Round(100 * points / max))
}

func upDown(delta int) string {
	if delta < 0 {
		return "down"
	}
	return "up"
}
