package scoring

import (
	_ "embed"
	"errors"
	"fmt"
	"math"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"

	yaml "github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
)

// RubricVersion is the version of the default rubric (rubric.yaml).
const RubricVersion = "shopper-rubric/1"

//go:embed rubric.yaml
var defaultYAML []byte

// Rubric holds what a scorecard is judged by: for every item its weight,
// thresholds, partial credits, wording and the standard it cites. How each
// item is measured is code; a Rubric only tunes it. Get one from
// DefaultRubric, ParseRubric or LoadRubric.
type Rubric struct {
	// Version names the rubric; scorecards carry it in Scorecard.Rubric.
	Version string `json:"version"`
	// Sections in scorecard order.
	Sections []SectionRule `json:"sections"`
}

// SectionRule is one section of a rubric.
type SectionRule struct {
	ID    string     `json:"id"`
	Title string     `json:"title"`
	Items []ItemRule `json:"items"`
}

// ItemRule is one item of a rubric.
type ItemRule struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	// Max is the item's weight in points; 0 keeps the item on the
	// scorecard but out of the total.
	Max float64 `json:"max"`
	// Standard is the customer-service standard the item measures.
	Standard string `json:"standard"`
	// Thresholds are the item's named bars (questions, hours, scores).
	Thresholds map[string]float64 `json:"thresholds,omitempty"`
	// Credit is the share of Max (0..1) earned at a named level.
	Credit map[string]float64 `json:"credit,omitempty"`
	// Recommendations by outcome: "fail" when the item earns nothing,
	// "partial" (optional, defaults to "fail") when it earns part. They may
	// hold {placeholders} for the item's thresholds and measured values.
	Recommendations map[string]string `json:"recommendations"`
}

// RubricError is a rubric file that does not validate: which file, line
// and field are at fault and why. Its message is one sentence.
type RubricError struct {
	File  string
	Line  int
	Field string // dotted path, e.g. sections.faq.items.faq.depth.max; empty for the file as a whole
	Msg   string
}

func (e *RubricError) Error() string {
	if e.Field == "" {
		return fmt.Sprintf("rubric %s line %d: %s", e.File, e.Line, printable(e.Msg))
	}
	return fmt.Sprintf("rubric %s line %d: %s: %s", e.File, e.Line, printable(e.Field), printable(e.Msg))
}

// printable keeps a message on one line: control characters from the
// file (a key or placeholder holding a newline) are written as escapes.
func printable(s string) string {
	if !strings.ContainsFunc(s, unicode.IsControl) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if unicode.IsControl(r) {
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// itemSpec is what the code knows of an item: which thresholds, credits
// and placeholders it uses, and the checks its values must pass together.
type itemSpec struct {
	id         string
	thresholds []string
	credit     []string
	vars       []string // placeholders besides the thresholds
	// ascending lists runs of keys (as "thresholds.x" or "credit.x") whose
	// values must not decrease (strict: must increase), in order.
	ascending []order
}

type order struct {
	keys   []string
	strict bool
}

type sectionSpec struct {
	id    string
	items []itemSpec
	score func(f Findings, rule func(id string) ItemRule) []Item
}

var faqBands = []string{"some", "minimum", "good", "best_in_class"}

// specs lists every section and item the code can score, in order.
var specs = []sectionSpec{
	{id: "phone", score: phoneSection, items: []itemSpec{
		{id: "phone.listed"}, {id: "phone.toll_free"}, {id: "phone.prominent", credit: []string{"one_page"}},
	}},
	{id: "faq", score: faqSection, items: []itemSpec{
		{id: "faq.depth", thresholds: faqBands, credit: faqBands, vars: []string{"questions"},
			ascending: []order{{prefixed("thresholds.", faqBands), true}, {prefixed("credit.", faqBands), false}}},
	}},
	{id: "chat", score: chatSection, items: []itemSpec{{id: "chat.present"}}},
	{id: "channels", score: channelsSection, items: []itemSpec{
		{id: "channels.contact_page"}, {id: "channels.email"}, {id: "channels.form"},
	}},
	{id: "policies", score: policiesSection, items: []itemSpec{{id: "policies.published", vars: []string{"missing"}}}},
	{id: "email_response", score: emailSection, items: []itemSpec{
		{id: "email_response.replied"},
		{id: "email_response.within_24h", thresholds: []string{"hours"}},
		{id: "email_response.best_in_class", thresholds: []string{"hours"}},
		{id: "email_response.auto_ack", credit: []string{"no_estimate"}},
		{id: "email_response.promise_kept"},
		{id: "email_response.answered", thresholds: []string{"pass"}},
		{id: "email_response.personal", thresholds: []string{"pass"}},
		{id: "email_response.courteous", thresholds: []string{"pass"}},
	}},
}

func prefixed(p string, keys []string) []string {
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = p + k
	}
	return out
}

// thresholdRule says what values a named threshold accepts.
func thresholdRule(itemID, key string) (ok func(float64) bool, want string) {
	switch {
	case strings.HasPrefix(itemID, "faq."):
		return func(x float64) bool { return x >= 1 && x == math.Trunc(x) }, "a whole number ≥ 1"
	case key == "pass":
		return func(x float64) bool { return x > 0 && x <= 1 }, "a number above 0 and at most 1"
	}
	return func(x float64) bool { return x > 0 }, "a number > 0"
}

var defaultRubric = sync.OnceValue(func() *Rubric {
	r, err := parse(defaultYAML, "rubric.yaml (built in)", skeleton(), true)
	if err != nil {
		panic("the built-in rubric does not validate: " + err.Error())
	}
	return r
})

// DefaultRubric returns the built-in rubric (rubric.yaml, embedded). Each
// call returns a fresh copy the caller may change.
func DefaultRubric() *Rubric { return defaultRubric().clone() }

// LoadRubric reads a rubric file and applies it over the default rubric
// (see ParseRubric). The file's errors name it as path.
func LoadRubric(path string) (*Rubric, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read rubric: %w", err)
	}
	return ParseRubric(data, path)
}

// ParseRubric reads a rubric in YAML (the schema is in rubric.yaml) and
// applies it over the default rubric: it names only the sections, items
// and fields it changes, by id. Its version, when given, names the result;
// otherwise the result is named "<default version> + <name>". A file that
// does not validate — bad YAML, an unknown section, item or key, a value
// of the wrong kind or out of range — is refused with a *RubricError
// naming name, the line and the field at fault.
func ParseRubric(data []byte, name string) (*Rubric, error) {
	base := defaultRubric().clone()
	base.Version = ""
	r, err := parse(data, name, base, false)
	if err != nil {
		return nil, err
	}
	if r.Version == "" {
		r.Version = defaultRubric().Version + " + " + name
	}
	return r, nil
}

// skeleton is a rubric with every section and item of specs and nothing
// else, for the default rubric to fill in.
func skeleton() *Rubric {
	r := &Rubric{}
	for _, s := range specs {
		sr := SectionRule{ID: s.id}
		for _, it := range s.items {
			sr.Items = append(sr.Items, ItemRule{ID: it.id, Thresholds: map[string]float64{}, Credit: map[string]float64{}, Recommendations: map[string]string{}})
		}
		r.Sections = append(r.Sections, sr)
	}
	return r
}

func (r *Rubric) clone() *Rubric {
	c := &Rubric{Version: r.Version}
	for _, s := range r.Sections {
		cs := SectionRule{ID: s.ID, Title: s.Title}
		for _, it := range s.Items {
			ci := it
			ci.Thresholds = maps(it.Thresholds)
			ci.Credit = maps(it.Credit)
			ci.Recommendations = maps(it.Recommendations)
			cs.Items = append(cs.Items, ci)
		}
		c.Sections = append(c.Sections, cs)
	}
	return c
}

func maps[V any](m map[string]V) map[string]V {
	c := make(map[string]V, len(m))
	for k, v := range m {
		c[k] = v
	}
	return c
}

// rule returns the rubric's rule for an item, falling back to the default
// rubric's for an item the rubric lacks.
func (r *Rubric) rule(sectionID, itemID string) ItemRule {
	for _, s := range r.Sections {
		if s.ID != sectionID {
			continue
		}
		for _, it := range s.Items {
			if it.ID == itemID {
				return it
			}
		}
	}
	if r != defaultRubric() {
		return defaultRubric().rule(sectionID, itemID)
	}
	return ItemRule{ID: itemID}
}

func (r *Rubric) sectionTitle(id string) string {
	for _, s := range r.Sections {
		if s.ID == id && s.Title != "" {
			return s.Title
		}
	}
	if r != defaultRubric() {
		return defaultRubric().sectionTitle(id)
	}
	return id
}

// reader walks one rubric file's syntax tree onto a rubric, remembering
// the line of every field it sets.
type reader struct {
	name string
	set  map[string]int // field path → line
}

func (p *reader) fail(n ast.Node, field, format string, args ...any) error {
	line := 1
	if n != nil && n.GetToken() != nil {
		line = n.GetToken().Position.Line
	}
	return &RubricError{File: p.name, Line: line, Field: field, Msg: fmt.Sprintf(format, args...)}
}

func parse(data []byte, name string, r *Rubric, complete bool) (*Rubric, error) {
	p := &reader{name: name, set: map[string]int{}}
	file, err := parser.ParseBytes(data, 0)
	if err != nil {
		var ye yaml.Error
		line := 1
		msg := err.Error()
		if errors.As(err, &ye) {
			msg = ye.GetMessage()
			if tk := ye.GetToken(); tk != nil {
				line = tk.Position.Line
			}
		}
		return nil, &RubricError{File: name, Line: line, Msg: "not valid YAML: " + oneLine(msg)}
	}
	var body ast.Node
	for _, d := range file.Docs {
		if d.Body == nil {
			continue
		}
		if body != nil {
			return nil, p.fail(d.Body, "", "holds more than one YAML document; want one")
		}
		body = d.Body
	}
	if body == nil {
		return nil, &RubricError{File: name, Line: 1, Msg: "holds no rubric; want a mapping with version and sections"}
	}
	top, err := p.mapping(body, "", "a mapping with version and sections")
	if err != nil {
		return nil, err
	}
	for _, kv := range top {
		switch kv.key {
		case "version":
			v, err := p.text(kv.value, "version")
			if err != nil {
				return nil, err
			}
			r.Version = v
		case "sections":
			if err := p.sections(kv.value, r); err != nil {
				return nil, err
			}
		default:
			return nil, p.fail(kv.keyNode, kv.key, "unknown key; known: version, sections")
		}
	}
	if err := p.check(r, complete, body); err != nil {
		return nil, err
	}
	return r, nil
}

func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

type entry struct {
	key     string
	keyNode ast.Node
	value   ast.Node
}

// mapping returns the entries of a YAML mapping, refusing anything else,
// duplicate keys, merge keys, anchors' aliases and tags.
func (p *reader) mapping(n ast.Node, field, want string) ([]entry, error) {
	n = unwrap(n)
	var values []*ast.MappingValueNode
	switch m := n.(type) {
	case *ast.MappingNode:
		values = m.Values
	case *ast.MappingValueNode:
		values = []*ast.MappingValueNode{m}
	default:
		return nil, p.fail(n, field, "must be %s, got %s", want, describe(n))
	}
	var out []entry
	seen := map[string]bool{}
	for _, mv := range values {
		var key string
		switch k := unwrap(mv.Key).(type) {
		case *ast.StringNode:
			key = k.Value
		case *ast.MergeKeyNode:
			return nil, p.fail(k, field, "merge keys (<<) are not supported; write the keys out")
		case *ast.IntegerNode, *ast.FloatNode, *ast.BoolNode, *ast.NullNode:
			key = k.GetToken().Value
		default:
			return nil, p.fail(mv.Key, field, "keys must be plain names, got %s", describe(mv.Key))
		}
		sub := join(field, key)
		if seen[key] {
			return nil, p.fail(mv.Key, sub, "is given twice")
		}
		seen[key] = true
		out = append(out, entry{key: key, keyNode: mv.Key, value: mv.Value})
	}
	return out, nil
}

// unwrap returns an anchor's value; other nodes as they are.
func unwrap(n ast.Node) ast.Node {
	for {
		a, ok := n.(*ast.AnchorNode)
		if !ok {
			return n
		}
		n = a.Value
	}
}

func join(field, key string) string {
	if field == "" {
		return key
	}
	return field + "." + key
}

// describe names what a node holds, for messages.
func describe(n ast.Node) string {
	switch v := n.(type) {
	case nil, *ast.NullNode:
		return "nothing"
	case *ast.MappingNode, *ast.MappingValueNode:
		return "a mapping"
	case *ast.SequenceNode:
		return "a list"
	case *ast.AliasNode:
		return "an alias (aliases are not supported)"
	case *ast.TagNode:
		return "a tagged value (tags are not supported)"
	case *ast.LiteralNode:
		return "a block of text"
	case *ast.StringNode:
		return fmt.Sprintf("%q", clip(v.Value))
	}
	if tk := n.GetToken(); tk != nil {
		return fmt.Sprintf("%q", clip(tk.Value))
	}
	return "an unknown value"
}

func clip(s string) string {
	s = oneLine(s)
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}

func (p *reader) text(n ast.Node, field string) (string, error) {
	n = unwrap(n)
	var s string
	switch v := n.(type) {
	case *ast.StringNode:
		s = v.Value
	case *ast.LiteralNode:
		s = v.Value.Value
	default:
		return "", p.fail(n, field, "must be text, got %s (quote it)", describe(n))
	}
	s = strings.TrimSpace(s)
	if s == "" {
		return "", p.fail(n, field, "must not be empty")
	}
	p.set[field] = n.GetToken().Position.Line
	return s, nil
}

func (p *reader) number(n ast.Node, field, want string, ok func(float64) bool) (float64, error) {
	n = unwrap(n)
	var x float64
	switch v := n.(type) {
	case *ast.IntegerNode:
		switch i := v.Value.(type) {
		case int64:
			x = float64(i)
		case uint64:
			x = float64(i)
		default:
			return 0, p.fail(n, field, "must be %s, got %s", want, describe(n))
		}
	case *ast.FloatNode:
		x = v.Value
	default:
		return 0, p.fail(n, field, "must be %s, got %s", want, describe(n))
	}
	if math.IsNaN(x) || math.IsInf(x, 0) || !ok(x) {
		return 0, p.fail(n, field, "must be %s, got %s", want, describe(n))
	}
	p.set[field] = n.GetToken().Position.Line
	return x, nil
}

func sectionIDs() []string {
	var ids []string
	for _, s := range specs {
		ids = append(ids, s.id)
	}
	return ids
}

func (p *reader) sections(n ast.Node, r *Rubric) error {
	entries, err := p.mapping(n, "sections", "a mapping of section ids")
	if err != nil {
		return err
	}
	for _, e := range entries {
		field := "sections." + e.key
		si := slices.IndexFunc(r.Sections, func(s SectionRule) bool { return s.ID == e.key })
		if si < 0 {
			return p.fail(e.keyNode, field, "unknown section; known: %s", strings.Join(sectionIDs(), ", "))
		}
		p.set[field] = e.keyNode.GetToken().Position.Line
		sec := &r.Sections[si]
		kvs, err := p.mapping(e.value, field, "a mapping with title and items")
		if err != nil {
			return err
		}
		for _, kv := range kvs {
			sub := join(field, kv.key)
			switch kv.key {
			case "title":
				if sec.Title, err = p.text(kv.value, sub); err != nil {
					return err
				}
			case "items":
				if err := p.items(kv.value, sub, sec); err != nil {
					return err
				}
			default:
				return p.fail(kv.keyNode, sub, "unknown key; known: title, items")
			}
		}
	}
	return nil
}

func spec(itemID string) itemSpec {
	for _, s := range specs {
		for _, it := range s.items {
			if it.id == itemID {
				return it
			}
		}
	}
	return itemSpec{id: itemID}
}

func (p *reader) items(n ast.Node, field string, sec *SectionRule) error {
	entries, err := p.mapping(n, field, "a mapping of item ids")
	if err != nil {
		return err
	}
	for _, e := range entries {
		f := join(field, e.key)
		ii := slices.IndexFunc(sec.Items, func(it ItemRule) bool { return it.ID == e.key })
		if ii < 0 {
			var ids []string
			for _, it := range sec.Items {
				ids = append(ids, it.ID)
			}
			return p.fail(e.keyNode, f, "unknown item; known in %s: %s", sec.ID, strings.Join(ids, ", "))
		}
		p.set[f] = e.keyNode.GetToken().Position.Line
		it := &sec.Items[ii]
		sp := spec(it.ID)
		kvs, err := p.mapping(e.value, f, "a mapping of the item's fields")
		if err != nil {
			return err
		}
		for _, kv := range kvs {
			sub := join(f, kv.key)
			switch kv.key {
			case "title":
				it.Title, err = p.text(kv.value, sub)
			case "standard":
				it.Standard, err = p.text(kv.value, sub)
			case "max":
				it.Max, err = p.number(kv.value, sub, "a number ≥ 0", func(x float64) bool { return x >= 0 })
			case "thresholds":
				err = p.numbers(kv.value, sub, it.ID, sp.thresholds, "threshold", it.Thresholds)
			case "credit":
				err = p.numbers(kv.value, sub, it.ID, sp.credit, "credit", it.Credit)
			case "recommendations":
				err = p.recommendations(kv.value, sub, sp, it.Recommendations)
			default:
				err = p.fail(kv.keyNode, sub, "unknown key; known: title, max, standard, thresholds, credit, recommendations")
			}
			if err != nil {
				return err
			}
		}
	}
	return nil
}

func (p *reader) numbers(n ast.Node, field, itemID string, known []string, kind string, into map[string]float64) error {
	entries, err := p.mapping(n, field, "a mapping of names to numbers")
	if err != nil {
		return err
	}
	for _, e := range entries {
		sub := join(field, e.key)
		if !slices.Contains(known, e.key) {
			if len(known) == 0 {
				return p.fail(e.keyNode, sub, "unknown %s; %s has none", kind, itemID)
			}
			return p.fail(e.keyNode, sub, "unknown %s; known for %s: %s", kind, itemID, strings.Join(known, ", "))
		}
		ok, want := thresholdRule(itemID, e.key)
		if kind == "credit" {
			ok, want = func(x float64) bool { return x >= 0 && x <= 1 }, "a number from 0 to 1"
		}
		x, err := p.number(e.value, sub, want, ok)
		if err != nil {
			return err
		}
		into[e.key] = x
	}
	return nil
}

var placeholder = regexp.MustCompile(`\{([^{}]*)\}`)

func (p *reader) recommendations(n ast.Node, field string, sp itemSpec, into map[string]string) error {
	entries, err := p.mapping(n, field, "a mapping with fail and partial")
	if err != nil {
		return err
	}
	vars := append(slices.Clone(sp.thresholds), sp.vars...)
	for _, e := range entries {
		sub := join(field, e.key)
		if e.key != "fail" && e.key != "partial" {
			return p.fail(e.keyNode, sub, "unknown outcome; known: fail, partial")
		}
		s, err := p.text(e.value, sub)
		if err != nil {
			return err
		}
		for _, m := range placeholder.FindAllStringSubmatch(s, -1) {
			if !slices.Contains(vars, m[1]) {
				if len(vars) == 0 {
					return p.fail(e.value, sub, "unknown placeholder {%s}; %s has none", m[1], sp.id)
				}
				return p.fail(e.value, sub, "unknown placeholder {%s}; known: {%s}", m[1], strings.Join(vars, "}, {"))
			}
		}
		into[e.key] = s
	}
	return nil
}

// check validates what only the whole rubric shows: values that must
// ascend, and (for the default rubric) that nothing is missing.
func (p *reader) check(r *Rubric, complete bool, body ast.Node) error {
	if complete && r.Version == "" {
		return p.fail(body, "version", "is missing")
	}
	for _, s := range r.Sections {
		sf := "sections." + s.ID
		if complete && s.Title == "" {
			return p.failAt(sf, "title", "is missing")
		}
		for _, it := range s.Items {
			f := sf + ".items." + it.ID
			sp := spec(it.ID)
			if complete {
				switch {
				case it.Title == "":
					return p.failAt(f, "title", "is missing")
				case it.Standard == "":
					return p.failAt(f, "standard", "is missing")
				case p.set[f+".max"] == 0:
					return p.failAt(f, "max", "is missing")
				case it.Recommendations["fail"] == "":
					return p.failAt(f, "recommendations.fail", "is missing")
				}
				for _, k := range sp.thresholds {
					if _, ok := it.Thresholds[k]; !ok {
						return p.failAt(f, "thresholds."+k, "is missing")
					}
				}
				for _, k := range sp.credit {
					if _, ok := it.Credit[k]; !ok {
						return p.failAt(f, "credit."+k, "is missing")
					}
				}
			}
			for _, o := range sp.ascending {
				keys, strict := o.keys, o.strict
				for i := 1; i < len(keys); i++ {
					lo, hi := it.value(keys[i-1]), it.value(keys[i])
					if hi > lo || !strict && hi == lo {
						continue
					}
					than := "greater than"
					if !strict {
						than = "at least"
					}
					// Blame the value this file set; the higher one if both.
					if _, ok := p.set[f+"."+keys[i]]; ok || p.set[f+"."+keys[i-1]] == 0 {
						return p.failAt(f, keys[i], "must be %s %s (%s), got %s", than, keys[i-1], num(lo), num(hi))
					}
					less := "less than"
					if !strict {
						less = "at most"
					}
					return p.failAt(f, keys[i-1], "must be %s %s (%s), got %s", less, keys[i], num(hi), num(lo))
				}
			}
		}
	}
	return nil
}

// failAt reports field (under item path f) at the line where this file
// set it, or where it set the nearest enclosing field.
func (p *reader) failAt(f, key, format string, args ...any) error {
	field := f + "." + key
	line := 1
	for path := field; path != ""; {
		if l, ok := p.set[path]; ok {
			line = l
			break
		}
		i := strings.LastIndex(path, ".")
		if i < 0 {
			break
		}
		path = path[:i]
		// Item ids hold dots: "sections.faq.items.faq" is not a field, but
		// walking up still reaches "sections.faq".
	}
	return &RubricError{File: p.name, Line: line, Field: field, Msg: fmt.Sprintf(format, args...)}
}

// value returns "thresholds.x" or "credit.x" of an item.
func (it ItemRule) value(key string) float64 {
	kind, name, _ := strings.Cut(key, ".")
	if kind == "credit" {
		return it.Credit[name]
	}
	return it.Thresholds[name]
}

// recommend fills it.Recommendation from the rule for its status, with
// the placeholders replaced by the rule's thresholds and vars.
func recommend(it *Item, rule ItemRule, vars map[string]string) {
	var text string
	switch it.Status {
	case Fail:
		text = rule.Recommendations["fail"]
	case Partial:
		text = rule.Recommendations["partial"]
		if text == "" {
			text = rule.Recommendations["fail"]
		}
	default:
		return
	}
	it.Recommendation = placeholder.ReplaceAllStringFunc(text, func(m string) string {
		name := m[1 : len(m)-1]
		if v, ok := vars[name]; ok {
			return v
		}
		if x, ok := rule.Thresholds[name]; ok {
			return num(x)
		}
		return m
	})
}
