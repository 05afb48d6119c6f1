package channels

import (
	"net/url"
	"reflect"
	"testing"

	"github.com/shopper-audit/shopper/crawler"
)

func TestProfileOf(t *testing.T) {
	cases := []struct{ in, network, handle string }{
		{"https://www.facebook.com/ShopVN/", "facebook", "shopvn"},
		{"https://m.facebook.com/shopvn?ref=bookmarks", "facebook", "shopvn"},
		{"https://vi-vn.facebook.com/shopvn", "facebook", "shopvn"},
		{"https://facebook.com/profile.php?id=10008", "facebook", "id=10008"},
		{"https://www.facebook.com/pages/Shop/12345", "facebook", "pages/shop/12345"},
		{"https://www.facebook.com/groups/shopfans", "facebook", "groups/shopfans"},
		{"https://www.facebook.com/shopvn/posts/123", "facebook", "shopvn"},
		{"https://fb.me/shopvn", "facebook", "shopvn"},
		{"https://www.instagram.com/shop.vn/", "instagram", "shop.vn"},
		{"https://twitter.com/shop", "x", "shop"},
		{"https://x.com/shop", "x", "shop"},
		{"https://twitter.com/shop/status/1", "x", "shop"},
		{"https://www.linkedin.com/company/shop-inc/", "linkedin", "company/shop-inc"},
		{"https://tr.linkedin.com/company/firma", "linkedin", "company/firma"},
		{"https://www.youtube.com/@shop", "youtube", "@shop"},
		{"https://www.youtube.com/channel/UC123", "youtube", "channel/uc123"},
		{"https://www.youtube.com/c/Shop", "youtube", "c/shop"},
		{"https://www.youtube.com/user/shop", "youtube", "user/shop"},
		{"https://www.youtube.com/shopvn", "youtube", "shopvn"},
		{"https://www.tiktok.com/@shop.vn", "tiktok", "@shop.vn"},
		{"https://www.pinterest.com/shop/", "pinterest", "shop"},
		{"https://www.pinterest.co.uk/shop/", "pinterest", "shop"},
		{"https://tr.pinterest.com/firma/", "pinterest", "firma"},
		{"https://zalo.me/0901234567", "zalo", "0901234567"},
		{"https://zalo.me/4321987654321", "zalo", "4321987654321"},
		{"https://oa.zalo.me/home?id=1", "zalo", "home"},
		{"https://t.me/shopvn", "telegram", "shopvn"},
		{"https://www.threads.net/@shop", "threads", "@shop"},
		{"https://www.threads.com/@shop", "threads", "@shop"},
		{"https://vk.com/shop", "vk", "shop"},
		{"https://line.me/R/ti/p/@shop", "line", "@shop"},
		{"https://page.line.me/shop", "line", "shop"},
		{"https://lin.ee/abc", "line", "abc"},
		{"https://www.snapchat.com/add/shop", "snapchat", "shop"},
		{"https://bsky.app/profile/shop.com", "bluesky", "shop.com"},

		// Not profiles.
		{"https://www.facebook.com/", "", ""},
		{"https://facebook.com", "", ""},
		{"https://www.facebook.com/sharer/sharer.php?u=https://shop.com", "", ""},
		{"https://www.facebook.com/sharer.php?u=x", "", ""},
		{"https://www.facebook.com/dialog/share?app_id=1", "", ""},
		{"https://www.facebook.com/tr?id=1&ev=PageView", "", ""},
		{"https://www.facebook.com/plugins/page.php?href=x", "", ""},
		{"https://www.facebook.com/login/", "", ""},
		{"https://connect.facebook.net/en_US/sdk.js", "", ""},
		{"https://l.facebook.com/l.php?u=x", "", ""},
		{"https://business.facebook.com/shop", "", ""},
		{"https://m.me/shopvn", "", ""},
		{"https://twitter.com/intent/tweet?text=x", "", ""},
		{"https://twitter.com/share?url=x", "", ""},
		{"https://x.com/", "", ""},
		{"https://www.linkedin.com/shareArticle?mini=true&url=x", "", ""},
		{"https://www.linkedin.com/sharing/share-offsite/?url=x", "", ""},
		{"https://www.linkedin.com/in/jane-doe", "", ""},
		{"https://www.pinterest.com/pin/create/button/?url=x", "", ""},
		{"https://www.pinterest.com/pin/12345/", "", ""},
		{"https://www.youtube.com/watch?v=abc", "", ""},
		{"https://www.youtube.com/embed/abc", "", ""},
		{"https://youtu.be/abc", "", ""},
		{"https://www.instagram.com/p/Cabc/", "", ""},
		{"https://www.instagram.com/accounts/login/", "", ""},
		{"https://www.tiktok.com/embed/v2/123", "", ""},
		{"https://t.me/share/url?url=x", "", ""},
		{"https://vk.com/share.php?url=x", "", ""},
		{"https://social-plugins.line.me/lineit/share?url=x", "", ""},
		{"https://line.me/R/msg/text/?x", "", ""},
		{"https://zalo.me/", "", ""},
		{"https://www.shop.com/facebook", "", ""},
		{"mailto:x@facebook.com", "", ""},
	}
	for _, c := range cases {
		u, err := url.Parse(c.in)
		if err != nil {
			t.Fatal(err)
		}
		n, h := profileOf(u)
		if n != c.network || h != c.handle {
			t.Errorf("profileOf(%q) = %q, %q, want %q, %q", c.in, n, h, c.network, c.handle)
		}
	}
}

func TestSocial(t *testing.T) {
	footer := `<footer><a href="https://facebook.com/shopvn"><i class="fa fa-facebook"></i></a>
		<a href="https://www.instagram.com/shopvn/" aria-label="Instagram"></a>
		<a href="https://zalo.me/0901234567">Zalo</a></footer>`
	cases := []struct {
		name  string
		pages func() []*crawler.Page
		want  []string
	}{
		{"footer on every page", func() []*crawler.Page {
			return []*crawler.Page{home("https://shop.vn/", footer), sub("https://shop.vn/a", "A", footer)}
		}, []string{"facebook", "instagram", "zalo"}},
		{"x and twitter are one", func() []*crawler.Page {
			return []*crawler.Page{home("https://shop.com/", `<a href="https://twitter.com/shop">t</a><a href="https://x.com/shop2">x</a>`)}
		}, []string{"x"}},
		{"share buttons only", func() []*crawler.Page {
			return []*crawler.Page{home("https://shop.com/", `<div class="share">
				<a href="https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fshop.com">Share</a>
				<a href="https://twitter.com/intent/tweet?url=x">Tweet</a>
				<a href="https://www.linkedin.com/shareArticle?url=x">Share</a>
				<a href="https://pinterest.com/pin/create/button/?url=x">Pin it</a>
				<a href="https://www.facebook.com/">Facebook</a></div>
				<script src="https://connect.facebook.net/en_US/fbevents.js"></script>
				<noscript><img src="https://www.facebook.com/tr?id=1&ev=PageView"></noscript>`)}
		}, []string{}},
		{"hidden link", func() []*crawler.Page {
			return []*crawler.Page{home("https://shop.com/", `<div style="display:none"><a href="https://facebook.com/shop">f</a></div>`)}
		}, []string{}},
		{"blog post body links to other people", func() []*crawler.Page {
			return []*crawler.Page{
				home("https://shop.com/", `<p>Hi</p>`),
				sub("https://shop.com/blog/interview", "Interview", `<article><p>We talked to <a href="https://instagram.com/somechef">a chef</a>.</p></article>
					<blockquote class="twitter-tweet"><a href="https://twitter.com/someone">@someone</a></blockquote>
					<footer><a href="https://tiktok.com/@shop">TikTok</a></footer>`),
			}
		}, []string{"tiktok"}},
		{"contact page wrapped in article", func() []*crawler.Page {
			return []*crawler.Page{
				home("https://shop.com.tr/", `<p>Merhaba</p>`),
				sub("https://shop.com.tr/iletisim", "İletişim", `<article><h1>İletişim</h1><a href="https://www.youtube.com/@firma">YouTube</a>
					<a href="https://tr.linkedin.com/company/firma">LinkedIn</a></article>`, "İletişim"),
			}
		}, []string{"linkedin", "youtube"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := probe(c.pages()...)
			if !reflect.DeepEqual(f.Social, c.want) {
				t.Errorf("social = %q, want %q (links %v)", f.Social, c.want, f.SocialLinks)
			}
		})
	}
}

func TestSocialLinks(t *testing.T) {
	f := probe(home("https://shop.vn/", `<footer><a href="https://www.facebook.com/ShopVN/#top">f</a>
		<a href="https://facebook.com/shopvn">again</a><a href="https://t.me/shopvn">tg</a></footer>`))
	want := []SocialLink{
		{Network: "facebook", URL: "https://www.facebook.com/ShopVN/", Page: "https://shop.vn/"},
		{Network: "telegram", URL: "https://t.me/shopvn", Page: "https://shop.vn/"},
	}
	if !reflect.DeepEqual(f.SocialLinks, want) {
		t.Errorf("social links = %v, want %v", f.SocialLinks, want)
	}
}
