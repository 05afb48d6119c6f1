package channels

import (
	"strings"

	"golang.org/x/net/html"
)

// Form services whose embed shows in a page's source even when the form
// itself is built by JavaScript in the visitor's browser.
var (
	// scriptMarks are found in a <script>'s src or code.
	scriptMarks = []struct{ mark, service string }{
		{"hbspt.forms.create", "hubspot"},
		{"js.hsforms.net/forms", "hubspot"},
		{"embed.typeform.com", "typeform"},
		{"jotform.com/jsform", "jotform"},
		{"jotfor.ms/jsform", "jotform"},
		{"tally.so/widgets", "tally"},
		{"forms.zohopublic.com", "zoho-forms"},
		{"cognitoforms.com/f/seamless", "cognito-forms"},
	}
	// iframeMarks are found in an <iframe>'s src.
	iframeMarks = []struct{ mark, service string }{
		{"docs.google.com/forms", "google-forms"},
		{"forms.gle/", "google-forms"},
		{"jotform.com/", "jotform"},
		{"jotfor.ms/", "jotform"},
		{"typeform.com/to/", "typeform"},
		{"share.hsforms.com", "hubspot"},
		{"forms.office.com", "microsoft-forms"},
		{"forms.microsoft.com", "microsoft-forms"},
		{"tally.so/embed", "tally"},
		{"forms.zohopublic.com", "zoho-forms"},
		{"wufoo.com/embed", "wufoo"},
		{"wufoo.com/forms", "wufoo"},
		{"cognitoforms.com/", "cognito-forms"},
		{"formstack.com/forms", "formstack"},
	}
	// wrapperClasses mark the containers form plugins put their forms in.
	wrapperClasses = map[string]string{
		"hs-form-frame": "hubspot", "hbspt-form": "hubspot",
		"wpcf7": "contact-form-7", "wpforms-container": "wpforms",
		"gform_wrapper": "gravity-forms", "nf-form-cont": "ninja-forms",
		"typeform-widget": "typeform", "sqs-block-form": "squarespace",
	}
)

// scriptEmbed names the form service a <script> embeds, or "".
func scriptEmbed(n *html.Node) string {
	src := strings.ToLower(attrOr(n, "src"))
	var code string
	if n.FirstChild != nil && n.FirstChild.Type == html.TextNode {
		code = n.FirstChild.Data
	}
	for _, m := range scriptMarks {
		if strings.Contains(src, m.mark) || strings.Contains(code, m.mark) {
			return m.service
		}
	}
	return ""
}

// iframeEmbed names the form service an <iframe src> shows, or "".
func iframeEmbed(src string) string {
	src = strings.ToLower(src)
	for _, m := range iframeMarks {
		if strings.Contains(src, m.mark) {
			return m.service
		}
	}
	return ""
}

// wrapperEmbed names the form service whose container n is, or "":
// a form plugin's wrapper class, or Typeform's data-tf-* attributes.
func wrapperEmbed(n *html.Node) string {
	for _, a := range n.Attr {
		switch {
		case a.Key == "class":
			for _, c := range strings.Fields(a.Val) {
				if s, ok := wrapperClasses[strings.ToLower(c)]; ok {
					return s
				}
			}
		case strings.HasPrefix(a.Key, "data-tf-"):
			switch a.Key {
			case "data-tf-widget", "data-tf-live", "data-tf-popup", "data-tf-slider", "data-tf-popover", "data-tf-sidetab":
				return "typeform"
			}
		}
	}
	return ""
}
