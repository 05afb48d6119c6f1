package scoring

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/shopper-audit/shopper/probes/faq"
)

func TestDefaultRubric(t *testing.T) {
	r := DefaultRubric()
	if r.Version != RubricVersion {
		t.Errorf("version %q, want %q", r.Version, RubricVersion)
	}
	if sc := Score(full()); sc.Rubric != RubricVersion {
		t.Errorf("Scorecard.Rubric = %q, want %q", sc.Rubric, RubricVersion)
	}
	n := 0
	for _, s := range specs {
		for _, sp := range s.items {
			n++
			it := r.rule(s.id, sp.id)
			if it.Title == "" || it.Max <= 0 || !strings.HasPrefix(it.Standard, "STANDARDS.md, ") || it.Recommendations["fail"] == "" {
				t.Errorf("%s: title %q, max %v, standard %q, fail %q: want all set, citing STANDARDS.md", sp.id, it.Title, it.Max, it.Standard, it.Recommendations["fail"])
			}
		}
	}
	if n != 17 {
		t.Errorf("%d items, want 17", n)
	}
	// The default file read as a user's file is the default.
	same, err := ParseRubric(defaultYAML, "copy.yaml")
	if err != nil || same.Version != RubricVersion || same.Score(full()).Arithmetic != Score(full()).Arithmetic {
		t.Errorf("rubric.yaml read as a user file: %v", err)
	}
	// A copy: changing it changes neither the default nor Score.
	r.Sections[0].Items[0].Max = 1000
	r.Sections[1].Items[0].Thresholds["some"] = 99
	if d := DefaultRubric(); d.Sections[0].Items[0].Max != 10 || d.Sections[1].Items[0].Thresholds["some"] != 1 {
		t.Error("DefaultRubric returned a shared value")
	}
}

func TestRubricScoreIsScore(t *testing.T) {
	for i, f := range []Findings{full(), {}, {FAQ: &faq.Finding{Questions: 7}}} {
		a, b := Score(f), DefaultRubric().Score(f)
		if a.Arithmetic != b.Arithmetic || a.Rubric != b.Rubric {
			t.Errorf("case %d: Score %q, DefaultRubric().Score %q", i, a.Arithmetic, b.Arithmetic)
		}
	}
}

const override = `# my rubric: FAQ matters less, chat not at all
sections:
  faq:
    title: Help pages
    items:
      faq.depth:
        max: 10
        thresholds: {best_in_class: 30}
        recommendations:
          partial: "Grow the FAQ from {questions} to {best_in_class}."
  chat:
    items:
      chat.present:
        max: 0
  email_response:
    items:
      email_response.best_in_class:
        thresholds:
          hours: 2
`

func TestParseRubricOverride(t *testing.T) {
	r, err := ParseRubric([]byte(override), "my.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if want := RubricVersion + " + my.yaml"; r.Version != want {
		t.Errorf("version %q, want %q", r.Version, want)
	}
	f := full()
	f.FAQ.Questions = 12
	f.Chat.Present = false
	sc := r.Score(f)
	faqItem := sc.Sections[1].Items[0]
	// 12 questions reach "good" (10): 70% of the new max 10.
	if sc.Sections[1].Title != "Help pages" || faqItem.Max != 10 || faqItem.Points != 7 || faqItem.Recommendation != "Grow the FAQ from 12 to 30." {
		t.Errorf("faq: title %q, %v/%v, recommendation %q", sc.Sections[1].Title, faqItem.Points, faqItem.Max, faqItem.Recommendation)
	}
	if want := "12 distinct question(s): bands 0 / 1–4 / 5–9 / 10–29 / 30+ earn 0 / 20% / 50% / 70% / 100%"; faqItem.Why != want {
		t.Errorf("why %q, want %q", faqItem.Why, want)
	}
	// What the file does not name stays as it was.
	if it := sc.Sections[0].Items[2]; it.Max != 15 || it.Title != "The number is on the home and contact pages" {
		t.Errorf("phone.prominent changed: %+v", it)
	}
	// Max 0: the failed chat item is shown but weighs nothing.
	chatItem := sc.Sections[2].Items[0]
	if chatItem.Status != Fail || chatItem.Max != 0 || sc.Max != DefaultRubric().Score(full()).Max-10-15 {
		t.Errorf("chat %s %v/%v, scorecard max %v; want a failure of weight 0 and 25 points less", chatItem.Status, chatItem.Points, chatItem.Max, sc.Max)
	}
	// The good inquiry's first reply took 2 h: within the new 2 h bar.
	if it := sc.Sections[5].Items[2]; it.Status != Pass || !strings.Contains(it.Why, "within 2 h") {
		t.Errorf("best_in_class: %s %q", it.Status, it.Why)
	}
	f.Inquiries[0].HumanReplySeconds = sec(3 * 3600)
	if it := r.Score(f).Sections[5].Items[2]; it.Status != Fail || it.Recommendation != "Aim for a first personal reply within 2 hours, as the best companies do; staff the inbox so answers do not wait for the next day." {
		t.Errorf("best_in_class after 3 h: %s %q", it.Status, it.Recommendation)
	}

	own, err := ParseRubric([]byte("version: acme-2026\n"+override), "acme.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if own.Version != "acme-2026" || own.Score(f).Rubric != "acme-2026" {
		t.Errorf("own version: %q", own.Version)
	}
}

func TestParseRubricErrors(t *testing.T) {
	cases := []struct{ name, yaml, want string }{
		{"not a number", "sections:\n  faq:\n    items:\n      faq.depth:\n        max: ten\n",
			`rubric my.yaml line 5: sections.faq.items.faq.depth.max: must be a number ≥ 0, got "ten"`},
		{"negative", "sections:\n  faq:\n    items:\n      faq.depth:\n        max: -1\n",
			`rubric my.yaml line 5: sections.faq.items.faq.depth.max: must be a number ≥ 0, got "-1"`},
		{"nothing", "sections:\n  faq:\n    items:\n      faq.depth:\n        max:\n",
			`rubric my.yaml line 5: sections.faq.items.faq.depth.max: must be a number ≥ 0, got nothing`},
		{"infinite", "sections:\n  chat:\n    items:\n      chat.present: {max: .inf}\n",
			`rubric my.yaml line 4: sections.chat.items.chat.present.max: must be a number ≥ 0, got ".inf"`},
		{"unknown section", "version: x\nsections:\n  fqa: {}\n",
			`rubric my.yaml line 3: sections.fqa: unknown section; known: phone, faq, chat, channels, policies, email_response`},
		{"unknown item", "sections:\n  faq:\n    items:\n      faq.dept: {max: 1}\n",
			`rubric my.yaml line 4: sections.faq.items.faq.dept: unknown item; known in faq: faq.depth`},
		{"unknown item key", "sections:\n  faq:\n    items:\n      faq.depth:\n        weight: 1\n",
			`rubric my.yaml line 5: sections.faq.items.faq.depth.weight: unknown key; known: title, max, standard, thresholds, credit, recommendations`},
		{"unknown top key", "verison: x\n",
			`rubric my.yaml line 1: verison: unknown key; known: version, sections`},
		{"unknown section key", "sections:\n  faq:\n    itms: {}\n",
			`rubric my.yaml line 3: sections.faq.itms: unknown key; known: title, items`},
		{"unknown threshold", "sections:\n  faq:\n    items:\n      faq.depth:\n        thresholds: {best: 40}\n",
			`rubric my.yaml line 5: sections.faq.items.faq.depth.thresholds.best: unknown threshold; known for faq.depth: some, minimum, good, best_in_class`},
		{"item without thresholds", "sections:\n  chat:\n    items:\n      chat.present:\n        thresholds: {hours: 4}\n",
			`rubric my.yaml line 5: sections.chat.items.chat.present.thresholds.hours: unknown threshold; chat.present has none`},
		{"credit above 1", "sections:\n  phone:\n    items:\n      phone.prominent:\n        credit:\n          one_page: 2\n",
			`rubric my.yaml line 6: sections.phone.items.phone.prominent.credit.one_page: must be a number from 0 to 1, got "2"`},
		{"hours zero", "sections:\n  email_response:\n    items:\n      email_response.within_24h:\n        thresholds:\n          hours: 0\n",
			`rubric my.yaml line 6: sections.email_response.items.email_response.within_24h.thresholds.hours: must be a number > 0, got "0"`},
		{"fractional questions", "sections:\n  faq:\n    items:\n      faq.depth:\n        thresholds: {minimum: 4.5}\n",
			`rubric my.yaml line 5: sections.faq.items.faq.depth.thresholds.minimum: must be a whole number ≥ 1, got "4.5"`},
		{"thresholds out of order", "sections:\n  faq:\n    items:\n      faq.depth:\n        thresholds:\n          good: 60\n",
			`rubric my.yaml line 6: sections.faq.items.faq.depth.thresholds.good: must be less than thresholds.best_in_class (50), got 60`},
		{"thresholds out of order, higher one set", "sections:\n  faq:\n    items:\n      faq.depth:\n        thresholds:\n          best_in_class: 8\n",
			`rubric my.yaml line 6: sections.faq.items.faq.depth.thresholds.best_in_class: must be greater than thresholds.good (10), got 8`},
		{"credit decreasing", "sections:\n  faq:\n    items:\n      faq.depth:\n        credit:\n          some: 0.6\n",
			`rubric my.yaml line 6: sections.faq.items.faq.depth.credit.some: must be at most credit.minimum (0.5), got 0.6`},
		{"text not text", "sections:\n  faq:\n    items:\n      faq.depth:\n        title: [a, b]\n",
			`rubric my.yaml line 5: sections.faq.items.faq.depth.title: must be text, got a list (quote it)`},
		{"empty text", "sections:\n  faq:\n    title: \"  \"\n",
			`rubric my.yaml line 3: sections.faq.title: must not be empty`},
		{"unknown outcome", "sections:\n  faq:\n    items:\n      faq.depth:\n        recommendations: {pass: hi}\n",
			`rubric my.yaml line 5: sections.faq.items.faq.depth.recommendations.pass: unknown outcome; known: fail, partial`},
		{"unknown placeholder", "sections:\n  faq:\n    items:\n      faq.depth:\n        recommendations:\n          fail: Grow to {qestions}\n",
			`rubric my.yaml line 6: sections.faq.items.faq.depth.recommendations.fail: unknown placeholder {qestions}; known: {some}, {minimum}, {good}, {best_in_class}, {questions}`},
		{"duplicate key", "sections:\n  chat:\n    items:\n      chat.present: {max: 1}\n  chat:\n    title: x\n",
			`rubric my.yaml line 5: not valid YAML: mapping key "chat" already defined at [2:3]`},
		{"sections not a mapping", "sections: [faq]\n",
			`rubric my.yaml line 1: sections: must be a mapping of section ids, got a list`},
		{"top not a mapping", "- 1\n",
			`rubric my.yaml line 1: must be a mapping with version and sections, got a list`},
		{"version not text", "version: 2\n",
			`rubric my.yaml line 1: version: must be text, got "2" (quote it)`},
		{"alias", "sections:\n  chat: &c {title: x}\n  faq: *c\n",
			`rubric my.yaml line 3: sections.faq: must be a mapping with title and items, got an alias (aliases are not supported)`},
		{"merge key", "sections:\n  chat:\n    <<: {title: x}\n",
			`rubric my.yaml line 3: sections.chat: merge keys (<<) are not supported; write the keys out`},
		{"empty file", "# nothing here\n",
			`rubric my.yaml line 1: holds no rubric; want a mapping with version and sections`},
		{"two documents", "version: a\n---\nversion: b\n",
			`rubric my.yaml line 3: holds more than one YAML document; want one`},
		{"bad YAML", "sections:\n  faq: [1\n",
			`rubric my.yaml line 2: not valid YAML: sequence end token ']' not found`},
	}
	for _, c := range cases {
		r, err := ParseRubric([]byte(c.yaml), "my.yaml")
		if err == nil {
			t.Errorf("%s: accepted (%+v), want %q", c.name, r, c.want)
			continue
		}
		if err.Error() != c.want {
			t.Errorf("%s:\n got %s\nwant %s", c.name, err, c.want)
		}
		var re *RubricError
		if !errors.As(err, &re) || strings.Contains(err.Error(), "\n") {
			t.Errorf("%s: %T %q, want one line from a *RubricError", c.name, err, err)
		}
	}
}

func TestLoadRubric(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "mine.yaml")
	if err := os.WriteFile(path, []byte(override), 0o644); err != nil {
		t.Fatal(err)
	}
	r, err := LoadRubric(path)
	if err != nil {
		t.Fatal(err)
	}
	if r.Version != RubricVersion+" + "+path {
		t.Errorf("version %q", r.Version)
	}
	if err := os.WriteFile(path, []byte("sections:\n  faq:\n    items:\n      faq.depth: {max: ten}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadRubric(path); err == nil || !strings.HasPrefix(err.Error(), "rubric "+path+" line 4: ") {
		t.Errorf("LoadRubric of a bad file: %v", err)
	}
	if _, err := LoadRubric(filepath.Join(dir, "missing.yaml")); !errors.Is(err, os.ErrNotExist) || !strings.HasPrefix(err.Error(), "read rubric: ") {
		t.Errorf("LoadRubric of a missing file: %v", err)
	}
}

func TestHandBuiltRubricNeverPanics(t *testing.T) {
	r := &Rubric{Version: "empty"}
	sc := r.Score(full())
	if sc.Total != 100 || sc.Rubric != "empty" {
		t.Errorf("a rubric without sections falls back to the default's rules: %d %q", sc.Total, sc.Rubric)
	}
	bad := DefaultRubric()
	bad.Sections[0].Items[0].Max = -5
	bad.Sections[1].Items[0].Max = 0 / zero
	if sc := bad.Score(full()); sc.Total != 100 || sc.Sections[0].Items[0].Max != 0 {
		t.Errorf("negative and NaN weights count as 0: %s", sc.Arithmetic)
	}
}

var zero float64

func FuzzParseRubric(f *testing.F) {
	f.Add(defaultYAML)
	f.Add([]byte(override))
	f.Add([]byte("sections:\n  faq:\n    items:\n      faq.depth: {max: ten}\n"))
	f.Add([]byte("a: &x [*x]\n"))
	f.Add([]byte("sections: {chat: {items: {chat.present: {max: 1e309}}}}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := ParseRubric(data, "f.yaml")
		if err != nil {
			if !strings.HasPrefix(err.Error(), "rubric f.yaml line ") || strings.Contains(err.Error(), "\n") {
				t.Fatalf("error is not one sentence naming file and line: %q", err)
			}
			return
		}
		for _, fd := range []Findings{{}, full()} {
			if sc := r.Score(fd); sc.Total < 0 || sc.Total > 100 {
				t.Fatalf("total %d", sc.Total)
			}
		}
	})
}
