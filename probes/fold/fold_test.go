package fold

import "testing"

func TestFold(t *testing.T) {
	cases := []struct{ in, want string }{
		{"Liên hệ", "lien he"},
		{"LIÊN HỆ", "lien he"},
		{"/lien-he.html", "lien he html"},
		{"İletişim", "iletisim"},
		{"İLETİŞİM", "iletisim"},
		{"Sıkça Sorulan Sorular", "sikca sorulan sorular"},
		{"Đổi trả", "doi tra"},
		{"Returns & Exchanges", "returns and exchanges"},
		{"Häufige Fragen", "haufige fragen"},
		{"Contáctenos", "contactenos"},
		{"Bize Ulaşın!", "bize ulasin"},
		{"", ""},
		{"  --  ", ""},
	}
	for _, c := range cases {
		if got := Fold(c.in); got != c.want {
			t.Errorf("Fold(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestHasPhrase(t *testing.T) {
	cases := []struct {
		text, phrase string
		want         bool
	}{
		{"contact us today", "contact us", true},
		{"recontact us", "contact us", false},
		{"our contacts", "contact", false},
		{"sss", "sss", true},
		{"a sss b", "sss", true},
		{"x", "", false},
	}
	for _, c := range cases {
		if got := HasPhrase(c.text, c.phrase); got != c.want {
			t.Errorf("HasPhrase(%q, %q) = %v, want %v", c.text, c.phrase, got, c.want)
		}
	}
}
