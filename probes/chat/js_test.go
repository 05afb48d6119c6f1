package chat

import "testing"

func TestGlobalIn(t *testing.T) {
	cases := []struct {
		global, code string
		want         bool
	}{
		{"Tawk_API", `var Tawk_API=Tawk_API||{};`, true},
		{"Tawk_API", `window.Tawk_API.onLoad = f;`, true},
		{"Tawk_API", `Tawk_API?.toggle();`, true},
		{"Tawk_API", `var x = Tawk_API;`, false},            // read only
		{"Tawk_API", `var s = "Tawk_API = {}";`, false},     // in a string
		{"Tawk_API", "var s = `Tawk_API(`;", false},         // in a template
		{"Tawk_API", `// Tawk_API = {}` + "\n", false},      // line comment
		{"Tawk_API", `/* Tawk_API = {} */`, false},          // block comment
		{"Tawk_API", `<!-- Tawk_API = {}` + "\nx=1", false}, // HTML-like comment
		{"Tawk_API", `var re = /Tawk_API=/g;`, false},       // in a regexp
		{"Tawk_API", `var a = b / 2; Tawk_API = {};`, true}, // division, not a regexp
		{"Tawk_API", `My_Tawk_API = {};`, false},            // longer name
		{"Tawk_API", `Tawk_APIs = {};`, false},              // longer name
		{"Tawk_API", `config.Tawk_API = {};`, false},        // someone else's property
		{"Tawk_API", `w.Tawk_API = {};`, true},              // minified window alias
		{"Tawk_API", `if (typeof Tawk_API !== 'undefined') Tawk_API.hide();`, false},
		{"Tawk_API", `if (window.Tawk_API) { Tawk_API.hide(); }`, false},
		{"Tawk_API", `if (typeof Tawk_API === 'undefined') { var Tawk_API = {}; }`, true},
		{"drift.load(", `drift.load('abc');`, true},
		{"drift.load(", `drift.load;`, false},
		{"drift.load(", `window.drift && drift.load('abc');`, false}, // guarded root
		{"zE('", `zE('webWidget', 'open');`, true},
		{"zE('", `zE("messenger", "open");`, true},
		{"zE('", `zE(x);`, false},
		{"olark=", `y=o.olark=function(){};`, true},
		{"olark=", `if (o.olark == 1) {}`, false},
		{"$zoho.salesiq", `window.$zoho=window.$zoho||{};$zoho.salesiq=$zoho.salesiq||{ready:function(){}}`, true},
		{"$crisp", `window.$crisp=[];`, true},
		{"$crisp", `var a$crisp = [];`, false},
		{"Intercom", `var s = 'unterminated` + "\n" + `window.Intercom = i;`, true},
	}
	for _, tc := range cases {
		code := lexJS(tc.code)
		if got := compileGlobal(tc.global).in(&code); got != tc.want {
			t.Errorf("global %q in %q = %v, want %v", tc.global, tc.code, got, tc.want)
		}
	}
}

func TestFindInCode(t *testing.T) {
	cases := []struct {
		pattern, code, want string
	}{
		{"embed.tawk.to", `s1.src='https://embed.tawk.to/5f1a/default';`, "embed.tawk.to/5f1a/default"},
		{"widget.intercom.io", `s.src='https://widget.intercom.io/widget/' + APP_ID;`, "widget.intercom.io/widget/"},
		{"static.zdassets.com/ekr/", `s.src="https://static.zdassets.com/ekr/snippet.js?key="+k`, "static.zdassets.com/ekr/snippet.js?key="},
		{"static.zdassets.com/ekr/", `s.src="https://static.zdassets.com/hc/assets/x.js"`, ""},
		{"js.driftt.com", `o.src = "https://js.driftt.com/include/" + n + "/" + t + ".js";`, "js.driftt.com/include/"},
		{"connect.facebook.net/*/sdk/xfbml.customerchat.js", `js.src = 'https://connect.facebook.net/' + locale + '/sdk/xfbml.customerchat.js';`, "connect.facebook.net/"},
		{"connect.facebook.net/*/sdk/xfbml.customerchat.js", `js.src = 'https://connect.facebook.net/en_US/sdk.js';`, ""},
		{"*.lpsnmedia.net", `u="https://lpcdn.lpsnmedia.net/le_unified_window/x.js"`, "lpcdn.lpsnmedia.net/le_unified_window/x.js"},
		{"*.lpsnmedia.net", `u="https://lpsnmedia.net.example.com/x.js"`, ""},
		{"code*.jivosite.com", `s.src = '//code-eu1.jivosite.com/widget/' + id;`, "code-eu1.jivosite.com/widget/"},
		{"*/packs/js/sdk.js", `g.src=BASE_URL+"/packs/js/sdk.js";`, "packs/js/sdk.js"},
		{"embed.tawk.to", `var mail = "help@embed.tawk.to";`, ""},
		{"embed.tawk.to", `var host = "notembed.tawk.to";`, ""},
		{"fw-cdn.com[chat=true]", `s.src="//fw-cdn.com/1/2.js"`, ""}, // attribute-qualified: script tags only
	}
	for _, tc := range cases {
		p := compilePattern(tc.pattern)
		if got := p.findInCode(lowerASCII(tc.code)); got != tc.want {
			t.Errorf("pattern %q in %q = %q, want %q", tc.pattern, tc.code, got, tc.want)
		}
	}
}
