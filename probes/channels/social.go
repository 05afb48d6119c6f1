package channels

import (
	"net/url"
	"sort"
	"strings"

	"github.com/shopper-audit/shopper/probes/pagekind"
)

// networks maps a registrable domain to the network whose profiles it
// serves. Pinterest's country domains (pinterest.co.uk, pinterest.de) are
// matched by name in networkOf.
var networks = map[string]string{
	"facebook.com": "facebook", "fb.com": "facebook", "fb.me": "facebook",
	"instagram.com": "instagram", "instagr.am": "instagram",
	"twitter.com": "x", "x.com": "x",
	"linkedin.com":  "linkedin",
	"youtube.com":   "youtube",
	"tiktok.com":    "tiktok",
	"pinterest.com": "pinterest",
	"zalo.me":       "zalo",
	"t.me":          "telegram", "telegram.me": "telegram", "telegram.dog": "telegram",
	"threads.net": "threads", "threads.com": "threads",
	"vk.com": "vk", "vk.ru": "vk",
	"line.me": "line", "lin.ee": "line",
	"snapchat.com": "snapchat",
	"bsky.app":     "bluesky",
}

// socialDomain reports whether a registrable domain is a social network's.
func socialDomain(d string) bool {
	return networkOfDomain(d) != ""
}

func networkOfDomain(d string) string {
	if n, ok := networks[d]; ok {
		return n
	}
	if strings.HasPrefix(d, "pinterest.") {
		return "pinterest"
	}
	return ""
}

// notProfiles are first path segments that are a network's own pages,
// share buttons, tracking pixels, log-ins or single posts, not profiles.
var notProfiles = map[string]map[string]bool{
	"facebook": set("sharer", "sharer.php", "share", "share.php", "dialog", "tr", "plugins", "login",
		"login.php", "l.php", "home.php", "help", "policies", "privacy", "legal", "hashtag", "search",
		"photo.php", "photo", "story.php", "permalink.php", "watch", "events", "marketplace", "gaming",
		"business", "ads", "recover", "reg", "r.php", "signup", "v2.0", "v3.0", "x", "sharer.html"),
	"instagram": set("p", "reel", "reels", "explore", "accounts", "stories", "tv", "about", "legal",
		"developer", "direct", "web", "privacy"),
	"x": set("intent", "share", "home", "search", "hashtag", "i", "login", "signup", "explore", "settings",
		"tos", "privacy", "messages", "notifications", "compose", "widgets.js"),
	"youtube": set("watch", "embed", "results", "playlist", "shorts", "feed", "redirect", "t", "about",
		"howyoutubeworks", "premium", "signin", "live", "v", "account", "iframe_api", "player_api"),
	"tiktok":    set("embed", "share", "tag", "discover", "login", "signup", "music", "legal", "about"),
	"pinterest": set("pin", "search", "ideas", "today", "login", "_", "business", "js", "v3"),
	"telegram":  set("share", "addstickers", "addemoji", "setlanguage", "iv", "proxy", "socks"),
	"vk":        set("share.php", "login", "feed", "away.php", "search", "im", "widget_community.php", "js"),
	"zalo":      set("pc", "download", "s"),
}

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// profileOf returns the network and the profile handle a link points to,
// or "" when it is not a link to a profile: share and intent links,
// plugins and pixels, log-ins, single posts and videos, and a network's
// home page.
func profileOf(u *url.URL) (network, handle string) {
	if u == nil || (u.Scheme != "http" && u.Scheme != "https") {
		return "", ""
	}
	host := strings.TrimSuffix(strings.ToLower(u.Hostname()), ".")
	network = networkOfDomain(hostDomain(host))
	if network == "" {
		return "", ""
	}
	sub := strings.TrimSuffix(strings.TrimSuffix(host, hostDomain(host)), ".")
	if !profileHost(network, sub) {
		return "", ""
	}
	segs := strings.FieldsFunc(u.Path, func(r rune) bool { return r == '/' })
	if len(segs) == 0 {
		return "", ""
	}
	first := strings.ToLower(segs[0])
	if notProfiles[network][first] {
		return "", ""
	}
	switch network {
	case "facebook":
		if first == "profile.php" {
			if id := u.Query().Get("id"); id != "" {
				return network, "id=" + id
			}
			return "", ""
		}
		if (first == "pages" || first == "people" || first == "groups" || first == "pg") && len(segs) > 1 {
			return network, strings.ToLower(strings.Join(segs[:min(len(segs), 3)], "/"))
		}
		if strings.HasSuffix(first, ".php") {
			return "", ""
		}
	case "x":
		if first == "intent" {
			return "", ""
		}
	case "linkedin":
		switch first {
		case "company", "showcase", "school":
			if len(segs) > 1 {
				return network, first + "/" + strings.ToLower(segs[1])
			}
		}
		return "", ""
	case "youtube":
		if strings.HasPrefix(first, "@") {
			return network, first
		}
		switch first {
		case "channel", "c", "user":
			if len(segs) > 1 {
				return network, first + "/" + strings.ToLower(segs[1])
			}
			return "", ""
		}
		if len(segs) != 1 { // legacy youtube.com/brand, nothing deeper
			return "", ""
		}
	case "tiktok", "threads":
		if !strings.HasPrefix(first, "@") || len(first) < 2 {
			return "", ""
		}
	case "pinterest":
		if len(segs) > 2 { // a board is /brand/board/, a pin /pin/...
			return "", ""
		}
	case "line":
		// line.me/R/ti/p/@id, line.me/ti/p/@id and page.line.me/id are
		// accounts; line.me/R/msg and /R/share are share links.
		if sub == "page" {
			return network, first
		}
		if hostDomain(host) == "lin.ee" {
			return network, first
		}
		p := strings.ToLower(u.Path)
		if i := strings.Index(p, "/ti/p/"); i >= 0 && len(p) > i+6 {
			return network, strings.Trim(p[i+6:], "/")
		}
		return "", ""
	case "snapchat":
		if first != "add" || len(segs) < 2 {
			return "", ""
		}
		return network, strings.ToLower(segs[1])
	case "zalo":
		return network, strings.ToLower(strings.Join(segs, "/"))
	case "bluesky":
		if first != "profile" || len(segs) < 2 {
			return "", ""
		}
		return network, strings.ToLower(segs[1])
	}
	return network, first
}

// profileHost reports whether a subdomain serves a network's profiles:
// none, www, the mobile ones, a country or locale code (tr.linkedin.com,
// vi-vn.facebook.com), and Line's page. and Zalo's oa.
func profileHost(network, sub string) bool {
	switch sub {
	case "", "www", "m", "mobile", "web", "touch", "mbasic":
		return true
	case "page":
		return network == "line"
	case "oa":
		return network == "zalo"
	}
	if len(sub) == 2 && network != "facebook" {
		return true
	}
	if len(sub) == 5 && sub[2] == '-' {
		return true
	}
	return false
}

// social gathers the profile links a visitor can see. A link counts
// anywhere on the home page and on the contact and help pages, and on
// other pages unless it stands inside an <article> (a blog post's body,
// whose links are often to other people) or a <blockquote> (an embedded
// post).
func (s *siteScan) social() ([]string, []SocialLink) {
	nets := map[string]bool{}
	links := []SocialLink{}
	seen := map[string]bool{}
	for _, ps := range s.scans {
		trusted := ps.isHome || ps.isContact || ps.kinds[pagekind.Contact] >= 3 ||
			ps.kinds[pagekind.Help] >= 3 || ps.kinds[pagekind.FAQ] >= 3
		for _, l := range ps.links {
			if l.inQuote || l.inArticle && !trusted {
				continue
			}
			network, handle := profileOf(l.url)
			if network == "" {
				continue
			}
			key := network + " " + strings.ToLower(handle)
			nets[network] = true
			if seen[key] {
				continue
			}
			seen[key] = true
			u := *l.url
			u.Fragment = ""
			links = append(links, SocialLink{Network: network, URL: u.String(), Page: ps.page.URL})
		}
	}
	sort.SliceStable(links, func(i, j int) bool {
		if links[i].Network != links[j].Network {
			return links[i].Network < links[j].Network
		}
		return links[i].URL < links[j].URL
	})
	return sortedKeys(nets), links
}
