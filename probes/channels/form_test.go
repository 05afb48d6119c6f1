package channels

import (
	"reflect"
	"testing"

	"github.com/shopper-audit/shopper/crawler"
)

// firstForm reads the first <form> of a page body.
func firstForm(t *testing.T, body string, contactPage bool) (string, []string) {
	t.Helper()
	p := home("https://shop.com/", body)
	ps := &pageScan{page: p, labels: map[string]string{}}
	for _, n := range p.Doc().Nodes {
		ps.walk(n, walkState{})
	}
	if len(ps.forms) == 0 {
		return "no form", nil
	}
	fi := readForm(ps.forms[0], ps.labels)
	return classifyForm(fi, contactPage), sortedKeys(fi.kinds)
}

func TestClassifyForm(t *testing.T) {
	cases := []struct {
		name    string
		body    string
		contact bool // the form stands on the contact page
		want    string
		fields  []string
	}{
		// Contact forms.
		{"english", `<form action="/contact" method="post">
			<label for="n">Your name</label><input id="n" name="name">
			<label for="e">Email</label><input id="e" type="email" name="email">
			<label for="s">Subject</label><input id="s" name="subject">
			<label for="m">Message</label><textarea id="m" name="message"></textarea>
			<button>Send</button></form>`, false, formContact, []string{"email", "message", "name", "subject"}},
		{"contact form 7", `<div class="wpcf7"><form class="wpcf7-form" action="/lien-he/#wpcf7-f5">
			<p><label> Họ và tên<br><span><input type="text" name="your-name"></span></label></p>
			<p><label> Email<br><span><input type="email" name="your-email"></span></label></p>
			<p><label> Số điện thoại<br><input type="tel" name="your-phone"></label></p>
			<p><label> Nội dung<br><textarea name="your-message"></textarea></label></p>
			<input type="submit" value="Gửi"></form></div>`, false, formContact, []string{"email", "message", "name", "phone"}},
		{"vietnamese placeholders", `<form><input name="hoten" placeholder="Họ tên">
			<input name="sdt" placeholder="Số điện thoại"><input name="mail" placeholder="Email">
			<textarea name="noidung" placeholder="Tin nhắn"></textarea><button>Gửi tin nhắn</button></form>`,
			false, formContact, []string{"email", "message", "name", "phone"}},
		{"turkish", `<form><input name="adsoyad" placeholder="Ad Soyad"><input name="eposta" placeholder="E-posta">
			<input name="telefon" placeholder="Telefon"><input name="konu" placeholder="Konu">
			<textarea name="mesaj" placeholder="Mesajınız"></textarea><button>Gönder</button></form>`,
			false, formContact, []string{"email", "message", "name", "phone", "subject"}},
		{"german", `<form><input name="vorname" aria-label="Vorname"><input type="email" name="mail">
			<textarea aria-label="Ihre Nachricht"></textarea></form>`, false, formContact, []string{"email", "message", "name"}},
		{"french spanish", `<form><input placeholder="Votre nom"><input placeholder="Courriel"><input placeholder="Asunto"></form>`,
			false, formContact, []string{"email", "name", "subject"}},
		{"shopify", `<form method="post" action="/contact#contact_form" id="contact_form">
			<input type="hidden" name="form_type" value="contact">
			<input name="contact[name]" placeholder="Name"><input type="email" name="contact[email]" placeholder="Email">
			<input type="tel" name="contact[phone]"><textarea name="contact[body]"></textarea></form>`,
			false, formContact, []string{"email", "message", "name", "phone"}},
		{"camel case ids", `<form><input id="txtFullName"><input id="txtEmail"><textarea id="txtMsg"></textarea></form>`,
			false, formContact, []string{"email", "message", "name"}},
		{"email and name, no newsletter wording", `<form><input name="name"><input type="email" name="email"><button>Send</button></form>`,
			false, formContact, []string{"email", "name"}},
		{"email and subject with subscribe checkbox", `<form><input type="email" name="email"><select name="topic"><option>Order</option></select>
			<label><input type="checkbox" name="optin"> Subscribe to our newsletter</label><button>Send</button></form>`,
			false, formContact, []string{"email", "subject"}},
		{"message with newsletter checkbox", `<form><input type="email" name="email"><textarea name="msg"></textarea>
			<label><input type="checkbox"> Đăng ký nhận tin</label></form>`, false, formContact, []string{"email", "message"}},
		{"callback, vietnamese", `<form><input placeholder="Họ tên"><input type="tel" placeholder="Số điện thoại"><button>Đăng ký tư vấn</button></form>`,
			false, formContact, []string{"name", "phone"}},
		{"name and phone on contact page", `<form><input placeholder="Ad Soyad"><input type="tel" placeholder="Telefon"><button>Gönder</button></form>`,
			true, formContact, []string{"name", "phone"}},
		{"attachment", `<form><input type="email"><input type="file" name="attachment"><textarea></textarea></form>`,
			false, formContact, []string{"attachment", "email", "message"}},
		{"mailto action", `<form action="mailto:info@shop.com"><input name="name"><textarea name="comments"></textarea></form>`,
			false, formContact, []string{"message", "name"}},

		// Not contact forms.
		{"search", `<form role="search" action="/search"><input type="search" name="q"><button>Search</button></form>`, false, formSearch, []string{"search"}},
		{"search wordpress", `<form action="/"><input type="text" name="s" placeholder="Search …"></form>`, false, formSearch, []string{"search"}},
		{"search vietnamese", `<form action="/tim-kiem"><input name="keyword" placeholder="Tìm kiếm sản phẩm..."></form>`, false, formSearch, []string{"search"}},
		{"search turkish", `<form action="/arama"><input name="kelime" placeholder="Ürün ara"></form>`, false, formSearch, []string{"search"}},
		{"login", `<form action="/account/login"><input type="email" name="customer[email]"><input type="password" name="customer[password]"><button>Sign in</button></form>`, false, formAccount, []string{"email", "password"}},
		{"sign up without password", `<form><input name="name"><input type="email" name="email"><button>Create account</button></form>`, false, formAccount, []string{"email", "name"}},
		{"turkish sign up", `<form><input placeholder="Ad Soyad"><input type="email" placeholder="E-posta"><button>Üye Ol</button></form>`, false, formAccount, []string{"email", "name"}},
		{"newsletter", `<form class="newsletter-form"><input type="email" name="email" placeholder="Your email"><button>Subscribe</button></form>`, false, formNewsletter, []string{"email"}},
		{"newsletter with name", `<div><h3>Join our newsletter</h3><form><input name="name"><input type="email" name="email"><button>Go</button></form></div>`, false, formNewsletter, []string{"email", "name"}},
		{"newsletter vietnamese", `<div><h4>Đăng ký nhận tin</h4><form><input placeholder="Họ tên"><input type="email" placeholder="Email của bạn"><button>Đăng ký</button></form></div>`, false, formNewsletter, []string{"email", "name"}},
		{"newsletter turkish", `<form><input placeholder="Adınız"><input type="email" placeholder="E-posta adresiniz"><button>Bültene Abone Ol</button></form>`, false, formNewsletter, []string{"email", "name"}},
		{"shopify newsletter", `<form method="post" action="/contact#ContactFooter" id="ContactFooter" class="footer__newsletter newsletter-form">
			<input type="hidden" name="form_type" value="customer"><input type="hidden" name="contact[tags]" value="newsletter">
			<input id="NewsletterForm--footer" type="email" name="contact[email]" placeholder="Email"></form>`, false, formNewsletter, []string{"email"}},
		{"cart", `<form action="/cart/add" method="post"><input type="number" name="quantity" value="1"><button name="add">Add to cart</button></form>`, false, formCart, []string{"quantity"}},
		{"cart notes", `<form action="/cart" method="post"><textarea name="note" placeholder="Order note"></textarea><button name="checkout">Check out</button></form>`, false, formCart, []string{"message"}},
		{"vietnamese quick order", `<form><input placeholder="Họ tên"><input type="tel" placeholder="Số điện thoại"><textarea placeholder="Địa chỉ nhận hàng"></textarea><button>Đặt hàng</button></form>`, false, formCart, []string{"address", "name", "phone"}},
		{"coupon", `<form><input name="coupon_code" placeholder="Coupon code"><button>Apply coupon</button></form>`, false, formOther, nil},
		{"wordpress comment", `<form action="https://shop.com/wp-comments-post.php" id="commentform" class="comment-form">
			<textarea name="comment"></textarea><input name="author"><input name="email" type="email">
			<input type="hidden" name="comment_post_ID" value="12"><input type="submit" value="Post Comment"></form>`, false, formComment, []string{"email", "message"}},
		{"vietnamese comment", `<form><textarea placeholder="Viết bình luận..."></textarea><button>Gửi bình luận</button></form>`, false, formComment, []string{"message"}},
		{"product review", `<form id="review_form"><select name="rating"><option>5</option></select><textarea name="comment"></textarea></form>`, false, formComment, []string{"message", "rating"}},
		{"order tracking", `<form><input name="orderid" placeholder="Order ID"><input type="email" name="order_email"><button>Track</button></form>`, false, formTracking, []string{"email", "order"}},
		{"turkish order tracking", `<form><input placeholder="Sipariş numarası"><input type="tel" placeholder="Telefon"><button>Sipariş Takip</button></form>`, false, formTracking, []string{"order", "phone"}},
		{"job application", `<form><input name="name"><input type="email" name="email"><label>Upload CV <input type="file" name="cv"></label>
			<textarea name="cover"></textarea><button>Apply now</button></form>`, false, formJob, []string{"attachment", "email", "message", "name"}},
		{"vietnamese job application", `<form><input placeholder="Họ tên"><input type="email"><input type="file" name="file-cv"><button>Ứng tuyển</button></form>`,
			false, formJob, []string{"attachment", "email", "name"}},
		{"name and phone elsewhere", `<form><input placeholder="Name"><input type="tel" placeholder="Phone"><button>Go</button></form>`, false, formOther, []string{"name", "phone"}},
		{"hidden honeypot does not make a contact form", `<form><input type="email"><div style="display:none"><textarea name="hp"></textarea></div><button>Subscribe</button></form>`, false, formNewsletter, []string{"email"}},
		{"lone e-mail field", `<form><input type="email"><button>Go</button></form>`, false, formOther, []string{"email"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, fields := firstForm(t, c.body, c.contact)
			if got != c.want {
				t.Errorf("classifyForm = %q, want %q (fields %q)", got, c.want, fields)
			}
			want := c.fields
			if want == nil {
				want = []string{}
			}
			if !reflect.DeepEqual(fields, want) {
				t.Errorf("fields = %q, want %q", fields, want)
			}
		})
	}
}

func TestContactFormChoice(t *testing.T) {
	contactForm := `<form><input name="name"><input type="email" name="email"><textarea name="message"></textarea></form>`
	newsletter := `<footer><form class="newsletter"><input type="email" name="email"><button>Subscribe</button></form></footer>`
	cases := []struct {
		name    string
		pages   func() []*crawler.Page
		present bool
		url     string
		fields  []string
		service string
	}{
		{"contact page preferred", func() []*crawler.Page {
			return []*crawler.Page{
				home("https://shop.com/", `<div>`+contactForm+`</div>`+newsletter),
				sub("https://shop.com/contact", "Contact us", `<h1>Contact us</h1><form><input type="email" name="email"><input name="subject"></form>`, "Contact"),
			}
		}, true, "https://shop.com/contact", []string{"email", "subject"}, ""},
		{"only newsletters", func() []*crawler.Page {
			return []*crawler.Page{
				home("https://shop.com/", newsletter),
				sub("https://shop.com/contact", "Contact us", `<h1>Contact us</h1><p>Call 0123</p>`+newsletter, "Contact"),
			}
		}, false, "<nil>", nil, ""},
		{"hidden form", func() []*crawler.Page {
			return []*crawler.Page{home("https://shop.com/", `<div class="modal hidden">`+contactForm+`</div>`)}
		}, false, "<nil>", nil, ""},
		{"form elsewhere", func() []*crawler.Page {
			return []*crawler.Page{
				home("https://shop.com/", newsletter),
				sub("https://shop.com/about", "About", `<h1>About</h1>`+contactForm),
			}
		}, true, "https://shop.com/about", []string{"email", "message", "name"}, ""},
		{"hubspot script", func() []*crawler.Page {
			return []*crawler.Page{
				home("https://shop.com/", newsletter),
				sub("https://shop.com/iletisim", "İletişim", `<h1>İletişim</h1><div id="hs"></div><script charset="utf-8" type="text/javascript" src="//js.hsforms.net/forms/embed/v2.js"></script>
					<script>hbspt.forms.create({region: "na1", portalId: "1", formId: "x"});</script>`, "İletişim"),
			}
		}, true, "https://shop.com/iletisim", nil, "hubspot"},
		{"google forms iframe", func() []*crawler.Page {
			return []*crawler.Page{home("https://shop.com/", `<iframe src="https://docs.google.com/forms/d/e/1FAIpQL/viewform?embedded=true"></iframe>`)}
		}, true, "https://shop.com/", nil, "google-forms"},
		{"typeform", func() []*crawler.Page {
			return []*crawler.Page{home("https://shop.com/", `<div data-tf-widget="abc123" style="width:100%;height:400px;"></div><script src="//embed.typeform.com/next/embed.js"></script>`)}
		}, true, "https://shop.com/", nil, "typeform"},
		{"jotform", func() []*crawler.Page {
			return []*crawler.Page{home("https://shop.com/", `<iframe id="JotFormIFrame-1" src="https://form.jotform.com/2301"></iframe>`)}
		}, true, "https://shop.com/", nil, "jotform"},
		{"ninja forms built by script", func() []*crawler.Page {
			return []*crawler.Page{home("https://shop.com/", `<div class="nf-form-cont"><span class="nf-loading-spinner"></span></div>`)}
		}, true, "https://shop.com/", nil, "ninja-forms"},
		{"wpforms wrapper around a newsletter", func() []*crawler.Page {
			return []*crawler.Page{home("https://shop.com/", `<div class="wpforms-container"><form><input type="email"><button>Subscribe</button></form></div>`)}
		}, false, "<nil>", nil, ""},
		{"hidden iframe", func() []*crawler.Page {
			return []*crawler.Page{home("https://shop.com/", `<div hidden><iframe src="https://docs.google.com/forms/d/x"></iframe></div>`)}
		}, false, "<nil>", nil, ""},
		{"asp.net page-wide form", func() []*crawler.Page {
			return []*crawler.Page{home("https://shop.com.vn/", `<form id="aspnetForm" action="./Default.aspx" method="post">
				<input type="hidden" name="__VIEWSTATE" value="x">
				<header><input name="txtUser" placeholder="Tên đăng nhập"><input type="password" name="txtPass"><input type="submit" value="Đăng nhập">
				<input name="txtSearch" placeholder="Tìm kiếm"></header>
				<div class="content"><h2>Gửi liên hệ</h2><div class="contact-box">
					<input name="txtHoTen" placeholder="Họ tên"><input name="txtEmail" placeholder="Email">
					<textarea name="txtNoiDung" placeholder="Nội dung"></textarea><input type="submit" value="Gửi"></div></div>
				<footer><div class="nl"><input name="txtNewsletter" placeholder="Email nhận bản tin"><input type="submit" value="Đăng ký"></div></footer>
				</form>`)}
		}, true, "https://shop.com.vn/", []string{"email", "message", "name"}, ""},
		{"asp.net page-wide form without a contact form", func() []*crawler.Page {
			return []*crawler.Page{home("https://shop.com.vn/", `<form id="aspnetForm" action="./Default.aspx" method="post">
				<input type="hidden" name="__VIEWSTATE" value="x">
				<header><input name="txtUser" placeholder="Tên đăng nhập"><input type="password" name="txtPass"></header>
				<footer><div class="nl"><h4>Nhận bản tin</h4><input name="txtNewsletter" placeholder="Email"><input type="submit" value="Đăng ký"></div></footer>
				</form>`)}
		}, false, "<nil>", nil, ""},
		{"squarespace form block", func() []*crawler.Page {
			return []*crawler.Page{home("https://shop.com/", `<div class="sqs-block form-block sqs-block-form" data-block-type="9"><div class="sqs-block-content"></div></div>`)}
		}, true, "https://shop.com/", nil, "squarespace"},
		{"native form beats embed on same rank", func() []*crawler.Page {
			return []*crawler.Page{
				home("https://shop.com/", `<iframe src="https://form.jotform.com/1"></iframe>`),
				sub("https://shop.com/lien-he", "Liên hệ", `<h1>Liên hệ</h1>`+contactForm, "Liên hệ"),
			}
		}, true, "https://shop.com/lien-he", []string{"email", "message", "name"}, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := probe(c.pages()...)
			cf := f.ContactForm
			if cf.Present != c.present || str(cf.URL) != c.url || !reflect.DeepEqual(cf.Fields, c.fields) || cf.Service != c.service {
				t.Errorf("contact form = %v %s %q %q, want %v %s %q %q", cf.Present, str(cf.URL), cf.Fields, cf.Service, c.present, c.url, c.fields, c.service)
			}
		})
	}
}

func TestSplitCamel(t *testing.T) {
	for in, want := range map[string]string{"txtMessage": "txt Message", "contact[body]": "contact[body]", "fullName": "full Name", "URL": "URL"} {
		if got := splitCamel(in); got != want {
			t.Errorf("splitCamel(%q) = %q, want %q", in, got, want)
		}
	}
}
