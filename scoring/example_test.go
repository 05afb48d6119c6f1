package scoring_test

import (
	"fmt"

	"github.com/shopper-audit/shopper/probes/faq"
	"github.com/shopper-audit/shopper/scoring"
)

// A user's rubric names only what it changes; a typo is refused with the
// file, line and field at fault.
func ExampleParseRubric() {
	r, err := scoring.ParseRubric([]byte(`
sections:
  faq:
    items:
      faq.depth:
        max: 40                # the FAQ weighs double
        thresholds:
          best_in_class: 30
`), "my.yaml")
	if err != nil {
		fmt.Println(err)
		return
	}
	sc := r.Score(scoring.Findings{FAQ: &faq.Finding{Questions: 30}})
	fmt.Println(sc.Rubric)
	fmt.Println(sc.Arithmetic)

	_, err = scoring.ParseRubric([]byte("sections:\n  faq:\n    items:\n      faq.depth:\n        max: ten\n"), "typo.yaml")
	fmt.Println(err)
	// Output:
	// shopper-rubric/1 + my.yaml
	// (faq 40/40) = 40 of 40 measured points → 100/100, grade A
	// rubric typo.yaml line 5: sections.faq.items.faq.depth.max: must be a number ≥ 0, got "ten"
}
