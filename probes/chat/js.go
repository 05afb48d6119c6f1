package chat

import "strings"

// jsCode is inline JavaScript prepared for matching: comments are gone (a
// snippet commented out is not installed), every string, template and regular
// expression literal is kept but its quotes read ' and its bytes are marked,
// so a vendor's name inside a string ("we use Intercom") is not taken for
// code.
type jsCode struct {
	text string
	str  []bool // str[i]: text[i] belongs to a literal
}

// lexJS prepares src. It is a forgiving scanner, not a parser: on code it
// cannot read it keeps going, and it never fails.
func lexJS(src string) jsCode {
	b := make([]byte, 0, len(src))
	mask := make([]bool, 0, len(src))
	emit := func(c byte, lit bool) {
		b = append(b, c)
		mask = append(mask, lit)
	}
	var last byte = 0 // last significant byte of code, 0 at the start
	lineStart := true
	for i := 0; i < len(src); {
		c := src[i]
		switch {
		case c == '/' && i+1 < len(src) && src[i+1] == '/',
			c == '<' && strings.HasPrefix(src[i:], "<!--"),
			c == '-' && lineStart && strings.HasPrefix(src[i:], "-->"):
			// Line comments, including the HTML-like ones JavaScript allows.
			for i < len(src) && src[i] != '\n' {
				i++
			}
			emit(' ', false)
		case c == '/' && i+1 < len(src) && src[i+1] == '*':
			if j := strings.Index(src[i+2:], "*/"); j >= 0 {
				i += j + 4
			} else {
				i = len(src)
			}
			emit(' ', false)
		case c == '"' || c == '\'' || c == '`':
			emit('\'', true)
			i++
			for i < len(src) && src[i] != c {
				if src[i] == '\\' && i+1 < len(src) {
					emit(src[i], true)
					i++
				} else if src[i] == '\n' && c != '`' {
					break // unterminated: stop at the line's end
				}
				emit(src[i], true)
				i++
			}
			if i < len(src) && src[i] == c {
				i++
			}
			emit('\'', true)
			last, lineStart = '\'', false
		case c == '/' && regexMayStart(last):
			emit('/', true)
			i++
			class := false
			for i < len(src) && src[i] != '\n' {
				d := src[i]
				if d == '\\' && i+1 < len(src) {
					emit(d, true)
					i++
					d = src[i]
				} else if d == '[' {
					class = true
				} else if d == ']' {
					class = false
				} else if d == '/' && !class {
					break
				}
				emit(d, true)
				i++
			}
			if i < len(src) && src[i] == '/' {
				emit('/', true)
				i++
			}
			last, lineStart = ')', false
		default:
			emit(c, false)
			i++
			switch c {
			case '\n':
				lineStart = true
			case ' ', '\t', '\r', '\f', '\v':
			default:
				last, lineStart = c, false
			}
		}
	}
	return jsCode{text: string(b), str: mask}
}

// regexMayStart reports whether a '/' after the byte last starts a regular
// expression literal rather than a division.
func regexMayStart(last byte) bool {
	return last == 0 || strings.IndexByte("(,=:[!&|?{};+-*%<>~^", last) >= 0
}

// isIdentByte reports bytes that may stand in a JavaScript identifier.
func isIdentByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '$' || c >= 0x80
}

// global is a compiled Globals entry (see vendor).
type global struct {
	name  string
	lower string // name lower-cased, for gramSet
	form  byte   // 0: any use; '(': called; 's': called with a string; '=': assigned
}

func compileGlobal(s string) global {
	g := global{name: s}
	for _, f := range []struct {
		suffix string
		form   byte
	}{{"('", 's'}, {"(", '('}, {"=", '='}} {
		if name, ok := strings.CutSuffix(s, f.suffix); ok {
			g.name, g.form = name, f.form
			break
		}
	}
	g.lower = strings.ToLower(g.name)
	return g
}

// windowAliases are the objects through which a snippet reaches a global.
var windowAliases = map[string]bool{"window": true, "self": true, "globalThis": true, "top": true, "parent": true}

// in reports whether the code uses the global in the required form.
//
// Code that only tests for a vendor before touching it — a theme's
// `if (typeof Tawk_API !== "undefined") Tawk_API.hideWidget()` or
// `window.Intercom && Intercom("update")` — does not install the vendor: a
// global the code guards and never assigns does not count. For a dotted
// name (drift.load) the guard and assignment looked for are its root's.
func (g global) in(c *jsCode) bool {
	used := false
	guarded, assigned := false, false
	root, _, dotted := strings.Cut(g.name, ".")
	refs(c, g.name, func(start, e int, next, after byte) {
		isAssign := next == '=' && after != '=' && after != '>'
		if !dotted {
			assigned = assigned || isAssign
			if isGuard(c.text, start, e, next, after) {
				guarded = true
				return
			}
		}
		t := c.text
		switch g.form {
		case 0:
			used = used || isAssign || next == '(' || next == '.' || next == '[' ||
				next == '|' && after == '|' || next == '?' && after == '.'
		case '(':
			used = used || next == '('
		case 's':
			if next == '(' {
				j := e + 1
				for j < len(t) && isSpace(t[j]) {
					j++
				}
				used = used || j < len(t) && t[j] == '\'' && c.str[j]
			}
		case '=':
			used = used || isAssign
		}
	})
	if used && dotted {
		refs(c, root, func(start, e int, next, after byte) {
			assigned = assigned || next == '=' && after != '=' && after != '>'
			guarded = guarded || isGuard(c.text, start, e, next, after)
		})
	}
	return used && (assigned || !guarded)
}

// refs calls fn for each reference to the global name in code: a whole
// name, not in a literal, standing alone or after window. (or self., a
// one-letter alias...). start is where the reference begins (window.
// included), e where what follows it begins, next and after the two bytes
// there (0 at the end).
func refs(c *jsCode, name string, fn func(start, e int, next, after byte)) {
	t := c.text
	for from := 0; from < len(t); {
		i := strings.Index(t[from:], name)
		if i < 0 {
			return
		}
		i += from
		from = i + 1
		if c.str[i] {
			continue
		}
		start := i
		if i > 0 {
			p := t[i-1]
			if isIdentByte(p) {
				continue
			}
			if p == '.' {
				k := i - 1
				for k > 0 && isIdentByte(t[k-1]) {
					k--
				}
				obj := t[k : i-1]
				if !windowAliases[obj] && len(obj) != 1 || k > 0 && t[k-1] == '.' {
					continue
				}
				start = k
			}
		}
		e := i + len(name)
		if e < len(t) && isIdentByte(t[e]) {
			continue
		}
		for e < len(t) && isSpace(t[e]) {
			e++
		}
		var next, after byte
		if e < len(t) {
			next = t[e]
		}
		if e+1 < len(t) {
			after = t[e+1]
		}
		fn(start, e, next, after)
	}
}

// isGuard reports whether the reference to a global starting at start, and
// followed at e by the bytes next, after, tests that it is present before using it: X && …,
// X ? … : …, if (X), X != …, typeof X !== …, typeof X === "function". Tests
// for absence (!X, typeof X === "undefined") are how vendors' own loaders
// avoid loading twice, and are no guard.
func isGuard(t string, start, e int, next, after byte) bool {
	k := start
	for k > 0 && isSpace(t[k-1]) {
		k--
	}
	if strings.HasSuffix(t[:k], "typeof") && (k == len("typeof") || !isIdentByte(t[k-len("typeof")-1])) {
		switch {
		case next == '!' && after == '=':
			return true
		case next == '=' && after == '=':
			// typeof X === "function" tests presence, === "undefined" absence
			// (string quotes read ' in jsCode).
			return !strings.HasPrefix(strings.TrimLeft(t[e:], "= \t"), "'undefined'")
		}
		return false
	}
	switch {
	case next == '&' && after == '&', next == '?' && after != '.' && after != '?', next == '!' && after == '=':
		return true
	case next == ')' && k > 0 && t[k-1] == '(':
		return true // if (X), while (X)
	}
	return false
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }
