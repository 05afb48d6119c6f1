package reports

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/shopper-audit/shopper/audit"
)

// JSONLine writes r as one line of JSON (JSON Lines), HTML characters
// unescaped so URLs read as they are.
func JSONLine(w io.Writer, r *audit.Result) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(r); err != nil {
		return fmt.Errorf("write JSON for %s: %w", r.URL, err)
	}
	return nil
}

// Summary writes a readable summary of one audit: a line a check, with a
// mark, what was found and where, then the score and its arithmetic.
// With Result.History, the score says how it moved since the last earlier
// audit ("was 78 on 20 Nov 2026, +4"), and with two or more earlier audits
// a line shows the trend.
func Summary(w io.Writer, r *audit.Result) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n", r.URL)
	was := ""
	if s := sincePrevious(r); s != "" {
		was = " (" + s + ")"
	}
	fmt.Fprintf(&b, "  score %d/100, grade %s%s · %d pages · region %s\n", r.Score.Total, r.Score.Grade, was, r.PagesCrawled, r.Region)
	if len(r.History) > 1 {
		fmt.Fprintf(&b, "  trend %s\n", trendLine(r, ""))
	}
	row := func(ok bool, label, text string) {
		mark := "✗"
		if ok {
			mark = "✓"
		}
		fmt.Fprintf(&b, "  %s %-13s %s\n", mark, label, text)
	}
	// Phone.
	var shown []string
	for _, n := range r.Phone.Numbers {
		if !n.Visible {
			continue
		}
		s := n.Display
		if n.Type != "" {
			s += " (" + strings.ReplaceAll(n.Type, "_", "-") + ")"
		}
		shown = append(shown, s)
	}
	switch {
	case len(shown) == 0:
		row(false, "Phone", "no number shown")
	default:
		where := "not on the home or contact page"
		switch {
		case r.Phone.Prominent:
			where = "on the home and contact pages"
		case onHome(r):
			where = "on the home page only"
		case onContact(r):
			where = "on the contact page only"
		}
		row(r.Phone.Prominent, "Phone", list(shown, 3)+" — "+where)
	}
	row(r.Phone.TollFree, "Toll-free", yesNo(r.Phone.TollFree, "a toll-free number is shown", "no toll-free number"))
	row(r.ContactPage != nil, "Contact page", orNone(r.ContactPage))
	faq := fmt.Sprintf("%d questions", r.FAQ.Questions)
	if r.FAQ.URL != nil {
		faq += " at " + *r.FAQ.URL
	} else {
		faq = "no FAQ found"
	}
	row(r.FAQ.Questions >= 5, "FAQ", faq)
	chat := "none found"
	if r.Chat.Present {
		chat = "yes"
		if v := append(append([]string{}, r.Chat.Vendors...), r.Chat.OtherVendors...); len(v) > 0 {
			chat = list(v, 5)
		} else {
			chat = "yes (vendor not recognised)"
		}
	}
	row(r.Chat.Present, "Live chat", chat)
	row(len(r.Email.Addresses) > 0, "E-mail", yesNo(len(r.Email.Addresses) > 0, list(r.Email.Addresses, 3), "none published"))
	row(r.ContactForm.Present, "Contact form", yesNo(r.ContactForm.Present, orNone(r.ContactForm.URL), "none found"))
	var pol []string
	n := 0
	for _, p := range []struct {
		name string
		url  *string
	}{{"returns", r.Policies.Returns}, {"shipping", r.Policies.Shipping}, {"privacy", r.Policies.Privacy}, {"warranty", r.Policies.Warranty}} {
		mark := "✗"
		if p.url != nil {
			mark = "✓"
			n++
		}
		pol = append(pol, p.name+" "+mark)
	}
	row(n == 4, "Policies", strings.Join(pol, "  "))
	row(len(r.Social) > 0, "Social", yesNo(len(r.Social) > 0, list(r.Social, 8), "none linked"))
	if len(r.ProbeErrors) > 0 {
		fmt.Fprintf(&b, "  ! not measured: %s\n", strings.Join(r.ProbeErrors, "; "))
	}
	fmt.Fprintf(&b, "  %s\n", r.Score.Arithmetic)
	_, err := io.WriteString(w, b.String())
	return err
}

func onHome(r *audit.Result) bool {
	for _, n := range r.Phone.Numbers {
		if n.OnHome {
			return true
		}
	}
	return false
}

func onContact(r *audit.Result) bool {
	for _, n := range r.Phone.Numbers {
		if n.OnContact {
			return true
		}
	}
	return false
}

func yesNo(ok bool, yes, no string) string {
	if ok {
		return yes
	}
	return no
}

func orNone(s *string) string {
	if s == nil {
		return "none found"
	}
	return *s
}

func list(items []string, n int) string {
	if len(items) <= n {
		return strings.Join(items, ", ")
	}
	return strings.Join(items[:n], ", ") + fmt.Sprintf(" (+%d more)", len(items)-n)
}
