package phone

import "testing"

func TestDecoy(t *testing.T) {
	cases := []struct{ in, want string }{
		{"2024-01-15", "date"},
		{"15/01/2024", "date"},
		{"15.01.2024", "date"},
		{"01/15/2024", "date"},
		{"2024-01-15 10", "date"},
		{"4111 1111 1111 1111", "payment card"},
		{"4111-1111-1111-1111", "payment card"},
		{"0-19-852663-6", "isbn"},
		{"978-3-16-148410-0", "isbn"},
		{"212.58.244.20", "ip address"},
		{"90012-3456", "zip+4"},
		{"33.8688197", "decimal"},
		{"19.000.000", "thousands"},
		{"1,234,567", "thousands"},
		// Phone numbers.
		{"1-800-555-0199", ""},
		{"800.555.0199", ""},
		{"028 3822 1234", ""},
		{"0901.234.567", ""},
		{"1900.633.045", ""},
		{"01.23.45.67.89", ""},
		{"02.123.45.67", ""}, // Belgian: the leading 0 is no IP octet
		{"02134-1234", ""},   // German: a trunk prefix, no ZIP code
		{"0850 222 0 444", ""},
		{"444 0 444", ""},
		{"+359.888.123.456", ""},
		{"+49 4946 6321 2532", ""},
		{"912 345 678", ""}, // Spanish, grouped by spaces
		{"13.32.2024", ""},  // no month 32
	}
	for _, c := range cases {
		if got := decoy(c.in); got != c.want {
			t.Errorf("decoy(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
