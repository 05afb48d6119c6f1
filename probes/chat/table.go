package chat

import (
	"strings"

	"github.com/andybalholm/cascadia"
)

// compiledVendor is a vendor's signatures ready to match.
type compiledVendor struct {
	id      string
	scripts []pattern
	frames  []pattern
	globals []global
	runtime map[string]bool
	dom     []domSelector
	links   []compiledLink
}

type domSelector struct {
	text string
	sel  cascadia.Matcher
}

type compiledLink struct {
	p    pattern
	need linkNeed
}

// table is the signature table compiled once at load, and domIdx its
// selectors filed for lookup.
var (
	table  = compileTable(vendors)
	domIdx = indexDOM(table)
)

// domIndex files the vendors' widget selectors under the id, class or tag an
// element must have to match them, so that one walk of the page tests each
// element against only the few selectors it could match.
type domIndex struct {
	byID, byClass, byTag map[string][]domRef
	rest                 []domRef // selectors with no such key: tested on every element
}

type domRef struct {
	vendor string
	sel    domSelector
}

func indexDOM(t []compiledVendor) domIndex {
	ix := domIndex{byID: map[string][]domRef{}, byClass: map[string][]domRef{}, byTag: map[string][]domRef{}}
	for _, v := range t {
		for _, d := range v.dom {
			r := domRef{v.id, d}
			kind, key := selectorKey(d.text)
			switch kind {
			case '#':
				ix.byID[key] = append(ix.byID[key], r)
			case '.':
				ix.byClass[key] = append(ix.byClass[key], r)
			case 't':
				ix.byTag[key] = append(ix.byTag[key], r)
			default:
				ix.rest = append(ix.rest, r)
			}
		}
	}
	return ix
}

// selectorKey returns what an element must have to match a compound
// selector: an id ('#'), a class ('.') or a tag ('t'); kind 0 when the
// selector is a group, has combinators or needs none of these.
func selectorKey(sel string) (kind byte, key string) {
	if strings.ContainsAny(sel, ", >+~") {
		return 0, ""
	}
	i := 0
	for i < len(sel) && (sel[i] >= 'a' && sel[i] <= 'z' || sel[i] >= 'A' && sel[i] <= 'Z' || sel[i] >= '0' && sel[i] <= '9') {
		i++
	}
	tag := strings.ToLower(sel[:i])
	for j := i; j < len(sel); j++ {
		switch sel[j] {
		case '[':
			for j < len(sel) && sel[j] != ']' {
				j++
			}
		case '#', '.':
			k := j + 1
			for k < len(sel) && (isIdentByte(sel[k]) || sel[k] == '-') && sel[k] != '$' {
				k++
			}
			if k > j+1 {
				return sel[j], sel[j+1 : k]
			}
		}
	}
	if tag != "" {
		return 't', tag
	}
	return 0, ""
}

func compileTable(vs []vendor) []compiledVendor {
	out := make([]compiledVendor, 0, len(vs))
	for _, v := range vs {
		cv := compiledVendor{id: v.ID, runtime: map[string]bool{}}
		for _, s := range v.Scripts {
			cv.scripts = append(cv.scripts, compilePattern(s))
		}
		for _, s := range v.Frames {
			cv.frames = append(cv.frames, compilePattern(s))
		}
		for _, g := range v.Globals {
			cv.globals = append(cv.globals, compileGlobal(g))
		}
		for _, g := range v.Runtime {
			cv.runtime[g] = true
		}
		for _, d := range v.DOM {
			sel, err := cascadia.ParseGroup(d)
			if err != nil {
				// The table is tested; a bad selector is a programming error.
				panic("chat: signature " + v.ID + ": selector " + d + ": " + err.Error())
			}
			cv.dom = append(cv.dom, domSelector{d, sel})
		}
		for _, l := range v.Links {
			cv.links = append(cv.links, compiledLink{compilePattern(l.Pattern), l.Need})
		}
		out = append(out, cv)
	}
	return out
}
