package reports

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"github.com/shopper-audit/shopper/audit"
	"github.com/shopper-audit/shopper/scoring"
)

type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Skipped  int          `xml:"skipped,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name       string          `xml:"name,attr"`
	Tests      int             `xml:"tests,attr"`
	Failures   int             `xml:"failures,attr"`
	Skipped    int             `xml:"skipped,attr"`
	Timestamp  string          `xml:"timestamp,attr,omitempty"`
	Time       string          `xml:"time,attr,omitempty"`
	Properties []junitProperty `xml:"properties>property"`
	Cases      []junitCase     `xml:"testcase"`
}

type junitProperty struct {
	Name  string `xml:"name,attr"`
	Value string `xml:"value,attr"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	Failure   *junitFailure `xml:"failure"`
	Skipped   *junitSkipped `xml:"skipped"`
}

type junitFailure struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",chardata"`
}

type junitSkipped struct {
	Message string `xml:"message,attr"`
}

// JUnit writes the results as JUnit XML for CI systems: a <testsuite> per
// site and a <testcase> per rubric item. Unmet items (fail or partial)
// fail with the recommendation as the message and the evidence as the
// text; items not measured are <skipped> with the reason. Text from the
// sites is cleaned of characters XML cannot carry.
func JUnit(w io.Writer, results []*audit.Result) error {
	all := junitSuites{Name: "shopper"}
	for _, r := range results {
		s := junitSuite{
			Name: company(r) + " (" + clean(r.URL, maxNameRunes) + ")",
			Properties: []junitProperty{
				{"url", clean(r.URL, 200)},
				{"score", fmt.Sprint(r.Score.Total)},
				{"grade", clean(r.Score.Grade, 2)},
				{"rubric", clean(r.Score.Rubric, 80)},
			},
		}
		if r.AuditedAt != nil {
			s.Timestamp = r.AuditedAt.UTC().Format("2006-01-02T15:04:05")
		}
		if r.Seconds > 0 {
			s.Time = fmt.Sprintf("%.3f", r.Seconds)
		}
		for _, sec := range r.Score.Sections {
			for _, it := range sec.Items {
				c := junitCase{
					Name:      clean(it.ID, 80) + ": " + clean(it.Title, 120),
					Classname: host(r.URL) + "." + clean(sec.ID, 40),
				}
				switch it.Status {
				case scoring.Fail, scoring.Partial:
					msg := clean(it.Recommendation, maxWhyRunes)
					if msg == "" {
						msg = clean(it.Why, maxWhyRunes)
					}
					c.Failure = &junitFailure{Message: msg, Type: string(it.Status), Text: evidenceText(it)}
					s.Failures++
				case scoring.NotMeasured:
					c.Skipped = &junitSkipped{Message: "not measured: " + clean(it.Why, maxWhyRunes)}
					s.Skipped++
				}
				s.Cases = append(s.Cases, c)
				s.Tests++
			}
		}
		all.Tests += s.Tests
		all.Failures += s.Failures
		all.Skipped += s.Skipped
		all.Suites = append(all.Suites, s)
	}
	out, err := xml.MarshalIndent(all, "", "  ")
	if err != nil {
		return fmt.Errorf("encode JUnit XML: %w", err)
	}
	if _, err := io.WriteString(w, xml.Header+string(out)+"\n"); err != nil {
		return fmt.Errorf("write JUnit XML: %w", err)
	}
	return nil
}

// evidenceText is an item's verdict and evidence as plain lines.
func evidenceText(it scoring.Item) string {
	lines := []string{fmt.Sprintf("%s/%s points: %s", num(it.Points), num(it.Max), clean(it.Why, maxWhyRunes))}
	for i, e := range it.Evidence {
		if i == maxEvidenceLines {
			lines = append(lines, fmt.Sprintf("(+%d more)", len(it.Evidence)-i))
			break
		}
		lines = append(lines, "- "+clean(e, maxEvidenceRunes))
	}
	if it.Standard != "" {
		lines = append(lines, clean(it.Standard, maxWhyRunes))
	}
	return strings.Join(lines, "\n")
}
