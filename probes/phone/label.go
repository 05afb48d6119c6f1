package phone

import (
	"strings"

	"github.com/shopper-audit/shopper/probes/fold"
)

// label is what the words right before a number say it is.
type label int

const (
	labelNone  label = iota // no label, or one that says nothing
	labelPhone              // a phone word overrides an identifier word: "Call to order:"
	labelID                 // "Order #", "MST:", "Vergi No", "Cad. No:", "Price:"
)

// maxLabelWords bounds how far back a label is looked for.
const maxLabelWords = 8

// labelBefore reads the label that ends ctx, the text between the previous
// number (or the start of the block) and a candidate. Filler words between a
// label and its number ("no", "number", "số", "numarası") are skipped. An
// identifier word loses when a phone word stands up to three words before it
// ("Call to order: 1-800-..."). Any other label says nothing.
func labelBefore(ctx string) label {
	ws := labelWords(ctx)
	for len(ws) > 0 {
		n := tailMatch(ws, idWords)
		if n == 0 && streetName(ws[len(ws)-1]) {
			n = 1
		}
		if n > 0 {
			before := ws[:len(ws)-n]
			for k := 0; k < 3 && k < len(before); k++ {
				if tailMatch(before[:len(before)-k], phoneWords) > 0 {
					return labelPhone
				}
			}
			return labelID
		}
		if !fillers[ws[len(ws)-1]] {
			break
		}
		ws = ws[:len(ws)-1]
	}
	return labelNone
}

// labelWords folds the last few words of ctx.
func labelWords(ctx string) []string {
	// Only the tail matters; cut long contexts before folding them.
	if len(ctx) > 160 {
		i := len(ctx) - 160
		for i < len(ctx) && ctx[i]&0xC0 == 0x80 {
			i++
		}
		ctx = ctx[i:]
	}
	ws := strings.Fields(fold.Fold(ctx))
	if len(ws) > maxLabelWords {
		ws = ws[len(ws)-maxLabelWords:]
	}
	return ws
}

// tailMatch returns how many words at the end of ws form a phrase of set,
// longest first, or 0.
func tailMatch(ws []string, set map[string]bool) int {
	for n := 4; n >= 1; n-- {
		if len(ws) >= n && set[strings.Join(ws[len(ws)-n:], " ")] {
			return n
		}
	}
	return 0
}

// streetName reports a German-style compound street name.
func streetName(w string) bool {
	for _, s := range streetSuffixes {
		if len(w) > len(s)+2 && strings.HasSuffix(w, s) {
			return true
		}
	}
	return false
}
