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
	name string
	form byte // 0: any use; '(': called; 's': called with a string; '=': assigned
}

func compileGlobal(s string) global {
	switch {
	case strings.HasSuffix(s, "('"):
		return global{strings.TrimSuffix(s, "('"), 's'}
	case strings.HasSuffix(s, "("):
		return global{strings.TrimSuffix(s, "("), '('}
	case strings.HasSuffix(s, "="):
		return global{strings.TrimSuffix(s, "="), '='}
	}
	return global{s, 0}
}

// windowAliases are the objects through which a snippet reaches a global.
var windowAliases = map[string]bool{"window": true, "self": true, "globalThis": true, "top": true, "parent": true}

// in reports whether the code uses the global in the required form.
func (g global) in(c *jsCode) bool {
	t := c.text
	for from := 0; from < len(t); {
		i := strings.Index(t[from:], g.name)
		if i < 0 {
			return false
		}
		i += from
		from = i + 1
		if c.str[i] {
			continue
		}
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
			}
		}
		e := i + len(g.name)
		if e < len(t) && isIdentByte(t[e]) {
			continue
		}
		for e < len(t) && (t[e] == ' ' || t[e] == '\t' || t[e] == '\n' || t[e] == '\r') {
			e++
		}
		if e >= len(t) {
			continue
		}
		next := t[e]
		after := byte(0)
		if e+1 < len(t) {
			after = t[e+1]
		}
		assigned := next == '=' && after != '=' && after != '>'
		switch g.form {
		case 0:
			if assigned || next == '(' || next == '.' || next == '[' ||
				next == '|' && after == '|' || next == '?' && after == '.' {
				return true
			}
		case '(':
			if next == '(' {
				return true
			}
		case 's':
			if next == '(' {
				j := e + 1
				for j < len(t) && (t[j] == ' ' || t[j] == '\n' || t[j] == '\t') {
					j++
				}
				if j < len(t) && t[j] == '\'' && c.str[j] {
					return true
				}
			}
		case '=':
			if assigned {
				return true
			}
		}
	}
	return false
}
