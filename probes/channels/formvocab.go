package channels

import "github.com/shopper-audit/shopper/probes/fold"

// Field kinds a contact form can ask for, as ContactForm.Fields names
// them, and the kinds that mark a form as something else.
const (
	fieldName       = "name"
	fieldEmail      = "email"
	fieldPhone      = "phone"
	fieldSubject    = "subject"
	fieldMessage    = "message"
	fieldCompany    = "company"
	fieldOrder      = "order"
	fieldAttachment = "attachment"
	fieldSearch     = "search"
	fieldPassword   = "password"
	fieldQuantity   = "quantity"
	fieldRating     = "rating"
	fieldAddress    = "address"
)

// fieldTryOrder is the order in which a control's words are tried:
// "company name" is a company field, "e-mail address" an e-mail field.
var fieldTryOrder = []string{
	fieldPassword, fieldSearch, fieldEmail, fieldPhone, fieldCompany, fieldOrder,
	fieldSubject, fieldMessage, fieldQuantity, fieldRating, fieldAddress, fieldName,
}

// fieldWords are the words that name a form field's kind in its name, id,
// placeholder, aria-label, title, autocomplete or label, in English,
// Vietnamese, Turkish, German, French, Spanish, Italian and Portuguese.
// They describe form fields, not pages: page-kind words live in pagekind.
var fieldWords = map[string][]string{
	fieldPassword: {"password", "passwort", "mật khẩu", "şifre", "parola", "mot de passe", "contraseña", "senha", "pwd", "pass"},
	fieldSearch: {"search", "search query", "tìm kiếm", "từ khóa", "từ khoá", "arama", "ara", "aranacak kelime",
		"suche", "suchbegriff", "recherche", "rechercher", "buscar", "búsqueda", "cerca", "pesquisar", "keyword", "keywords"},
	fieldEmail: {"email", "e-mail", "mail", "email address", "e-posta", "eposta", "e-posta adresiniz", "e-mail adresiniz",
		"địa chỉ email", "thư điện tử", "courriel", "adresse e-mail", "correo", "correo electrónico", "emailadresse"},
	fieldPhone: {"phone", "telephone", "tel", "mobile", "cell", "phone number", "mobile number", "điện thoại", "số điện thoại",
		"sđt", "sdt", "so dt", "di động", "telefon", "telefon numaranız", "cep", "cep telefonu", "gsm", "telefonnummer",
		"handy", "téléphone", "portable", "teléfono", "celular", "móvil", "telefono", "cellulare"},
	fieldCompany: {"company", "company name", "organization", "organisation", "business", "công ty", "tên công ty",
		"doanh nghiệp", "şirket", "firma", "firma adı", "kurum", "unternehmen", "société", "entreprise", "empresa", "azienda"},
	fieldOrder: {"order", "order number", "order id", "order no", "mã đơn hàng", "đơn hàng", "sipariş", "sipariş no",
		"sipariş numarası", "bestellnummer", "bestellung", "commande", "numéro de commande", "pedido", "número de pedido"},
	fieldSubject: {"subject", "topic", "reason", "regarding", "tiêu đề", "chủ đề", "vấn đề", "konu", "betreff",
		"sujet", "objet", "asunto", "motivo", "oggetto", "assunto"},
	fieldMessage: {"message", "your message", "msg", "comment", "comments", "enquiry", "inquiry", "question",
		"details", "body", "how can we help", "nội dung", "tin nhắn", "lời nhắn", "câu hỏi", "yêu cầu", "ý kiến",
		"mesaj", "mesajınız", "açıklama", "nachricht", "ihre nachricht", "anliegen", "anfrage", "votre message",
		"mensaje", "consulta", "comentario", "comentarios", "messaggio", "mensagem"},
	fieldQuantity: {"quantity", "qty", "số lượng", "adet", "miktar", "menge", "anzahl", "quantité", "cantidad"},
	fieldRating:   {"rating", "stars", "your rating", "đánh giá sao", "puan", "bewertung", "calificación"},
	fieldAddress:  {"address", "street", "địa chỉ", "adres", "adresiniz", "adresse", "anschrift", "dirección", "indirizzo", "endereço"},
	fieldName: {"name", "your name", "full name", "first name", "last name", "fname", "lname", "firstname",
		"lastname", "surname", "họ tên", "họ và tên", "tên", "tên của bạn", "ad", "ad soyad", "adınız",
		"adınız soyadınız", "adı soyadı", "isim", "isminiz", "soyad", "soyadınız", "vorname", "nachname",
		"nom", "prénom", "votre nom", "nombre", "apellido", "apellidos", "nome", "cognome"},
}

// exactSearchNames are whole name attributes that mark a search box.
var exactSearchNames = map[string]bool{"q": true, "s": true, "k": true, "query": true, "term": true, "search_query": true}

// Form wordings: words in a form's headings, buttons, attributes or the
// headings just before it that say what the form is for.
var (
	newsletterWords = []string{
		"subscribe", "subscription", "newsletter", "mailing list", "sign up for", "sign up to", "join our list",
		"get updates", "stay updated", "stay in touch", "đăng ký nhận tin", "nhận bản tin", "bản tin",
		"đăng ký nhận thông tin", "đăng ký nhận email", "đăng ký nhận ưu đãi", "abone ol", "abone",
		"bülten", "e-bülten", "bültenimize", "haberdar ol", "kampanyalardan haberdar", "abonnieren",
		"s'abonner", "abonnez-vous", "infolettre", "lettre d'information", "suscribir", "suscribirse",
		"suscríbete", "boletín", "iscriviti", "assinar", "mailchimp", "klaviyo",
	}
	accountWords = []string{
		"create account", "create an account", "register", "registration", "sign up", "sign in", "log in",
		"login", "đăng nhập", "đăng ký tài khoản", "tạo tài khoản", "üye ol", "kayıt ol", "giriş yap",
		"üye girişi", "konto erstellen", "registrieren", "anmelden", "créer un compte", "connexion",
		"crear cuenta", "registrarse", "iniciar sesión", "reset password", "forgot password",
	}
	cartWords = []string{
		"add to cart", "add to bag", "add to basket", "buy now", "checkout", "cart", "basket",
		"thêm vào giỏ", "thêm vào giỏ hàng", "giỏ hàng", "mua ngay", "đặt hàng", "sepete ekle", "sepet",
		"hemen al", "satın al", "in den warenkorb", "warenkorb", "ajouter au panier", "panier",
		"añadir al carrito", "carrito", "aggiungi al carrello", "coupon", "discount code", "mã giảm giá",
		"indirim kodu", "gift card",
	}
	commentWords = []string{
		"commentform", "comment form", "comments form", "wp comments post", "comment post id",
		"comment parent", "post comment", "submit comment", "leave a reply", "leave a comment",
		"gửi bình luận", "bình luận", "viết bình luận", "yorum gönder", "yorum yap", "yorumu gönder",
		"kommentar abschicken", "laisser un commentaire", "publicar comentario", "dejar un comentario",
		"write a review", "submit review", "review form", "viết đánh giá", "gửi đánh giá",
		"değerlendirme", "yorum yaz", "bewertung schreiben", "écrire un avis", "escribir una reseña",
	}
	trackingWords = []string{
		"track order", "track your order", "order tracking", "tra cứu đơn hàng", "kiểm tra đơn hàng",
		"sipariş takip", "kargo takip", "sendungsverfolgung", "suivi de commande", "seguimiento de pedido",
	}
	jobWords = []string{
		"apply now", "job application", "resume", "cv", "upload your cv", "careers", "ứng tuyển", "nộp hồ sơ",
		"iş başvurusu", "başvuru formu", "özgeçmiş", "bewerbung", "lebenslauf", "candidature", "postuler",
		"currículum", "solicitud de empleo",
	}
	callbackWords = []string{
		"call me back", "callback", "request a call", "request a quote", "get a quote", "tư vấn",
		"đăng ký tư vấn", "nhận tư vấn", "gọi lại", "báo giá", "geri arayalım", "sizi arayalım",
		"teklif al", "rückruf", "rappel", "devis", "presupuesto", "cotización",
	}
)

var (
	foldedFieldWords = func() map[string][]string {
		m := make(map[string][]string, len(fieldWords))
		for k, ws := range fieldWords {
			m[k] = fold.All(ws)
		}
		return m
	}()
	foldedNewsletter = fold.All(newsletterWords)
	foldedAccount    = fold.All(accountWords)
	foldedCart       = fold.All(cartWords)
	foldedComment    = fold.All(commentWords)
	foldedTracking   = fold.All(trackingWords)
	foldedCallback   = fold.All(callbackWords)
	foldedJob        = fold.All(jobWords)
)

// hasAny reports whether folded text holds any of the folded phrases as
// whole words.
func hasAny(text string, phrases []string) bool {
	for _, p := range phrases {
		if fold.HasPhrase(text, p) {
			return true
		}
	}
	return false
}
