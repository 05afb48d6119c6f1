package crawler

import (
	"strings"
	"testing"
)

func TestVisibleText(t *testing.T) {
	cases := []struct {
		name, html string
		want       []TextBlock
	}{
		{"inline joined", `<p>Call <span>1-800</span>-<b>555</b>-0199 now</p>`,
			[]TextBlock{{"Call 1-800-555-0199 now", RegionMain}}},
		{"blocks split", `<div>one</div><div>two</div>`,
			[]TextBlock{{"one", RegionMain}, {"two", RegionMain}}},
		{"br splits", `<p>a<br>b</p>`, []TextBlock{{"a", RegionMain}, {"b", RegionMain}}},
		{"scripts and styles", `<p>x</p><script>var p="0800 123"</script><style>.a{}</style><noscript>n</noscript><template>t</template>`,
			[]TextBlock{{"x", RegionMain}}},
		{"hidden", `<p hidden>a</p><p style="display: none">b</p><p style="visibility:hidden">c</p><p class="d-none">d</p><p class="hidden md:block">e</p><input type="hidden" value="f"><p>g</p>`,
			[]TextBlock{{"e", RegionMain}, {"g", RegionMain}}},
		{"regions", `<header><a>Help</a></header><nav>Menu</nav><main><p>Body</p></main><div id="footer">Foot</div><footer><p>End</p></footer>`,
			[]TextBlock{{"Help", RegionHeader}, {"Menu", RegionNav}, {"Body", RegionMain}, {"Foot", RegionFooter}, {"End", RegionFooter}}},
		{"article header is main", `<article><header><h2>Post</h2></header></article>`,
			[]TextBlock{{"Post", RegionMain}}},
		{"unicode kept", `<p>Liên hệ: <span>1800</span> <span>6789</span></p>`,
			[]TextBlock{{"Liên hệ: 1800 6789", RegionMain}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := NewPage("https://example.com/", "<html><body>"+c.html+"</body></html>")
			got := p.Text()
			if len(got) != len(c.want) {
				t.Fatalf("Text() = %v, want %v", got, c.want)
			}
			for i := range got {
				if got[i] != c.want[i] {
					t.Errorf("Text()[%d] = %v, want %v", i, got[i], c.want[i])
				}
			}
		})
	}
}

func FuzzText(f *testing.F) {
	f.Add(`<p>Call <span>1-800</span>-555-0199</p>`)
	f.Add(`<header><div class="hidden"><p>x</div></header><<<>>`)
	f.Add(`<table><tr><td>a<td>b</table><svg><text>s</text></svg>`)
	f.Add(strings.Repeat("<div>", 500) + "deep")
	f.Fuzz(func(t *testing.T, html string) {
		p := NewPage("https://example.com/", html)
		for _, b := range p.Text() {
			if b.Text == "" || strings.TrimSpace(b.Text) != b.Text {
				t.Fatalf("block %q is empty or untrimmed", b.Text)
			}
		}
		_ = p.Resolve("/x")
	})
}

func TestUnparseablePageReadsEmpty(t *testing.T) {
	p := NewPage("https://example.com/", strings.Repeat("<div>", 600)+"deep")
	if got := p.Text(); len(got) != 0 {
		t.Errorf("Text() = %v, want nothing from a page the parser refuses", got)
	}
	if n := p.Doc().Find("div").Length(); n != 0 {
		t.Errorf("found %d divs", n)
	}
	if p.Resolve("/x") == nil {
		t.Errorf("Resolve failed on an unparseable page")
	}
}
