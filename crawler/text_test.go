package crawler

import (
	"slices"
	"strings"
	"testing"
)

func TestVisibleText(t *testing.T) {
	cases := []struct {
		name, html string
		want       []TextBlock
	}{
		{"inline joined", `<p>Call <span>1-800</span>-<b>555</b>-0199 now</p>`,
			[]TextBlock{{"Call 1-800-555-0199 now", RegionMain, false}}},
		{"blocks split", `<div>one</div><div>two</div>`,
			[]TextBlock{{"one", RegionMain, false}, {"two", RegionMain, false}}},
		{"br splits", `<p>a<br>b</p>`, []TextBlock{{"a", RegionMain, false}, {"b", RegionMain, false}}},
		{"scripts and styles", `<p>x</p><script>var p="0800 123"</script><style>.a{}</style><noscript>n</noscript><template>t</template>`,
			[]TextBlock{{"x", RegionMain, false}}},
		{"hidden", `<p hidden>a</p><p style="display: none">b</p><p style="visibility:hidden">c</p><p class="d-none">d</p><p class="hidden md:block">e</p><input type="hidden" value="f"><p>g</p>`,
			[]TextBlock{{"e", RegionMain, false}, {"g", RegionMain, false}}},
		{"regions", `<header><a>Help</a></header><nav>Menu</nav><main><p>Body</p></main><div id="footer">Foot</div><footer><p>End</p></footer>`,
			[]TextBlock{{"Help", RegionHeader, false}, {"Menu", RegionNav, false}, {"Body", RegionMain, false}, {"Foot", RegionFooter, false}, {"End", RegionFooter, false}}},
		{"article header is main", `<article><header><h2>Post</h2></header></article>`,
			[]TextBlock{{"Post", RegionMain, false}}},
		{"unicode kept", `<p>Liên hệ: <span>1800</span> <span>6789</span></p>`,
			[]TextBlock{{"Liên hệ: 1800 6789", RegionMain, false}}},
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

// TestConcealedText: on a rendered page, what the browser marked hidden is
// still text of the page, in blocks of its own marked Concealed; on a page
// not rendered the mark means nothing.
func TestConcealedText(t *testing.T) {
	const body = `<html><body><header>Call us <span data-shopper-hidden="1">1800 1234</span></header>` +
		`<div class="faq"><button>Returns?</button><div data-shopper-hidden="1"><p>Write to <b>help@shop.vn</b></p><p>or call</p></div></div>` +
		`<p data-shopper-hidden="0">Shown</p></body></html>`
	rendered := NewPage("https://shop.vn/", body)
	rendered.Rendered = true
	want := []TextBlock{
		{"Call us", RegionHeader, false}, {"1800 1234", RegionHeader, true},
		{"Returns?", RegionMain, false}, {"Write to help@shop.vn", RegionMain, true}, {"or call", RegionMain, true},
		{"Shown", RegionMain, false},
	}
	if got := rendered.Text(); !slices.Equal(got, want) {
		t.Errorf("rendered Text() = %v\nwant %v", got, want)
	}
	b := rendered.Doc().Find("b").Get(0)
	if !rendered.Concealed(b) || rendered.Concealed(rendered.Doc().Find("button").Get(0)) {
		t.Errorf("Concealed: <b> inside the marked answer %v, the button %v; want true, false",
			rendered.Concealed(b), rendered.Concealed(rendered.Doc().Find("button").Get(0)))
	}

	static := NewPage("https://shop.vn/", body)
	for _, tb := range static.Text() {
		if tb.Concealed {
			t.Errorf("static page: block %q concealed; a page not rendered has nothing concealed", tb.Text)
		}
	}
	if static.Concealed(static.Doc().Find("b").Get(0)) {
		t.Errorf("static page: Concealed is true")
	}
}

// TestClosedTabPanel: a tab panel hidden by its markup until its tab is
// chosen is concealed, not hidden, rendered or not.
func TestClosedTabPanel(t *testing.T) {
	p := NewPage("https://shop.example/faq", `<html><body><div role="tablist"><button role="tab">Orders</button> <button role="tab">Returns</button></div>
<div role="tabpanel"><h2>Orders</h2></div><div role="tabpanel" hidden><h2>Returns</h2><p>Call 1-800-555-0199</p></div><div hidden><p>Gone</p></div></body></html>`)
	want := []TextBlock{{"Orders Returns", RegionMain, false}, {"Orders", RegionMain, false},
		{"Returns", RegionMain, true}, {"Call 1-800-555-0199", RegionMain, true}}
	if got := p.Text(); !slices.Equal(got, want) {
		t.Errorf("Text() = %v\nwant %v", got, want)
	}
	panel := p.Doc().Find("[role=tabpanel][hidden]").Get(0)
	if Hidden(panel) || !p.Concealed(panel.LastChild) || !Hidden(p.Doc().Find("div[hidden]:not([role])").Get(0)) {
		t.Errorf("closed panel: Hidden %v, Concealed %v; want false, true (and a plain hidden div hidden)", Hidden(panel), p.Concealed(panel.LastChild))
	}
}
