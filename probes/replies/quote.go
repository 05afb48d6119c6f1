package replies

import "strings"

// StripQuoted returns text without what it quotes: lines starting with
// ">", attribution lines ("On … wrote:", "Vào … đã viết:", "… tarihinde …
// yazdı:", also when wrapped over two lines), and everything from an
// "-----Original Message-----" marker or an Outlook-style "From:/Sent:"
// header block on. What the company wrote is kept, signature included.
func StripQuoted(text string) string {
	lines := strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
	var out []string
	for i := 0; i < len(lines); i++ {
		t := strings.TrimSpace(lines[i])
		f := foldString(t)
		switch {
		case strings.HasPrefix(t, ">"):
			continue
		case originalRE.MatchString(f):
			return finish(out)
		case headerFromRE.MatchString(f) && i+1 < len(lines) && headerSentRE.MatchString(foldString(strings.TrimSpace(lines[i+1]))):
			return finish(out)
		case attributionRE.MatchString(f):
			continue
		case i+1 < len(lines) && (strings.HasPrefix(f, "on ") || strings.HasPrefix(f, "vao ")) &&
			attributionRE.MatchString(f+" "+foldString(strings.TrimSpace(lines[i+1]))):
			i++
			continue
		}
		out = append(out, lines[i])
	}
	return finish(out)
}

func finish(lines []string) string {
	return strings.TrimSpace(strings.Join(lines, "\n"))
}
