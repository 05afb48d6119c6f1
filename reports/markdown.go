package reports

import (
	"fmt"
	"io"
	"strings"

	"github.com/shopper-audit/shopper/audit"
	"github.com/shopper-audit/shopper/scoring"
)

// Markdown writes a summary of the results fit for a CI job page (GitHub's
// job summary, GitLab's): a table of the sites with their totals and
// grades, then each site's unmet items with what to do about them, the
// items that lost most points first. Text from the sites is cleaned and
// escaped, so it cannot inject markup. Results with History get a column
// of the change since their last earlier audit and a line of their trend;
// results with Changes list them.
func Markdown(w io.Writer, results []*audit.Result) error {
	var b strings.Builder
	ranked := Rank(results)
	fmt.Fprintf(&b, "## Customer-service audit: %d site%s\n\n", len(ranked), plural(len(ranked)))
	trend := false
	for _, r := range ranked {
		trend = trend || len(r.History) > 0
	}
	if trend {
		b.WriteString("| Rank | Company | Site | Total | Change | Grade | Unmet | Not measured |\n|---:|---|---|---:|---|:---:|---:|---:|\n")
	} else {
		b.WriteString("| Rank | Company | Site | Total | Grade | Unmet | Not measured |\n|---:|---|---|---:|:---:|---:|---:|\n")
	}
	for i, r := range ranked {
		unmet, nm := 0, 0
		for _, s := range r.Score.Sections {
			for _, it := range s.Items {
				switch it.Status {
				case scoring.Fail, scoring.Partial:
					unmet++
				case scoring.NotMeasured:
					nm++
				}
			}
		}
		change := ""
		if trend {
			change = " no earlier audit |"
			if p := previous(r); p != nil {
				change = fmt.Sprintf(" %s since %s |", delta(r.Score.Total-p.Total), day(p.At))
			}
		}
		fmt.Fprintf(&b, "| %d | %s | %s | %d |%s %s | %d | %d |\n", i+1, md(company(r)), md(clean(r.URL, 120)), r.Score.Total, change, md(clean(r.Score.Grade, 2)), unmet, nm)
	}
	for _, r := range ranked {
		fmt.Fprintf(&b, "\n### %s — %d/100, grade %s\n\n", md(company(r)), r.Score.Total, md(clean(r.Score.Grade, 2)))
		if p := previous(r); p != nil {
			fmt.Fprintf(&b, "Trend: %s (%s since %s)\n\n", trendLine(r, "**"), delta(r.Score.Total-p.Total), day(p.At))
		}
		if len(r.Changes) > 0 {
			fmt.Fprintf(&b, "Changes since the baseline (%d, %d lost):\n\n", len(r.Changes), regressions(r.Changes))
			for i, c := range r.Changes {
				if i == maxItemRows {
					fmt.Fprintf(&b, "- … and %d more\n", len(r.Changes)-i)
					break
				}
				// "+" first in a list item would start a list inside it.
				fmt.Fprintf(&b, "- %s %s\n", strings.Replace(changeMark(c), "+", `\+`, 1), md(clean(c.Sentence, maxWhyRunes)))
			}
			b.WriteString("\n")
		}
		var items []scoring.Item
		for _, s := range r.Score.Sections {
			for _, it := range s.Items {
				if it.Status == scoring.Fail || it.Status == scoring.Partial {
					items = append(items, it)
				}
			}
		}
		sortByLoss(items)
		if len(items) == 0 {
			b.WriteString("Every measured item is met.\n")
		} else if len(r.Changes) > 0 {
			// Keeps the two lists apart.
			b.WriteString("Unmet items:\n\n")
		}
		for i, it := range items {
			if i == maxItemRows {
				fmt.Fprintf(&b, "- … and %d more\n", len(items)-i)
				break
			}
			mark := "✗"
			if it.Status == scoring.Partial {
				mark = "◐"
			}
			what := clean(it.Recommendation, maxWhyRunes)
			if what == "" {
				what = clean(it.Why, maxWhyRunes)
			}
			fmt.Fprintf(&b, "- %s **%s** (%s/%s): %s\n", mark, md(clean(it.Title, 120)), num(it.Points), num(it.Max), md(what))
		}
		if len(r.Score.NotMeasured) > 0 {
			ids := make([]string, 0, len(r.Score.NotMeasured))
			for _, id := range r.Score.NotMeasured {
				ids = append(ids, "`"+strings.ReplaceAll(clean(id, 60), "`", "'")+"`")
			}
			fmt.Fprintf(&b, "\nNot measured (not counted): %s\n", strings.Join(ids, ", "))
		}
	}
	if len(ranked) > 0 {
		fmt.Fprintf(&b, "\n<sub>Rubric %s. Benchmarks: first e-mail reply within 24 h (best in class 2–4 h); FAQ 5–10 questions (best in class 50+); a toll-free number on the home and contact pages; live chat.</sub>\n", md(rubricOf(ranked)))
	}
	if _, err := io.WriteString(w, b.String()); err != nil {
		return fmt.Errorf("write Markdown: %w", err)
	}
	return nil
}

// sortByLoss orders items by the points they lost, most first.
func sortByLoss(items []scoring.Item) {
	for i := 1; i < len(items); i++ {
		for j := i; j > 0 && items[j].Max-items[j].Points > items[j-1].Max-items[j-1].Points; j-- {
			items[j], items[j-1] = items[j-1], items[j]
		}
	}
}

var mdEscaper = strings.NewReplacer(
	`\`, `\\`, "|", `\|`, "<", "&lt;", ">", "&gt;", "*", `\*`, "_", `\_`, "`", "\\`", "[", `\[`, "]", `\]`, "#", `\#`,
)

// md escapes text for Markdown and for a table cell.
func md(s string) string { return mdEscaper.Replace(s) }

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
