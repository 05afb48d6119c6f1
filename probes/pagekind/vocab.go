package pagekind

// Kind names what a page is for, as a customer looks for it.
type Kind string

// The kinds of page the audit looks for.
const (
	Contact  Kind = "contact"
	FAQ      Kind = "faq"
	Help     Kind = "help"
	Returns  Kind = "returns"
	Shipping Kind = "shipping"
	Privacy  Kind = "privacy"
	Warranty Kind = "warranty"
)

// Kinds lists every kind, in the order reports show them.
var Kinds = []Kind{Contact, FAQ, Help, Returns, Shipping, Privacy, Warranty}

// vocabulary holds, for each kind, the words sites use for it in link texts,
// titles, headings and paths: English, Vietnamese, Turkish, German, French,
// Spanish, Italian, Portuguese, Dutch and Polish. Entries are folded (see
// package fold) when the package loads, so they are written naturally here.
// This is the one place these words live.
var vocabulary = map[Kind][]string{
	Contact: {
		"contact", "contact us", "contacts", "get in touch", "reach us", "talk to us", "call us", "write to us",
		"contact information", "contact details", "find us", "visit us", "where to find us",
		"liên hệ", "liên lạc", "lienhe", "thông tin liên hệ",
		"iletişim", "bize ulaşın", "bize ulasin", "iletisim bilgileri", "bize yazın",
		"kontakt", "kontaktieren", "kontaktformular", "kontaktieren sie uns",
		"contactez nous", "nous contacter", "nous joindre",
		"contacto", "contáctenos", "contactanos", "contactar", "contáctanos",
		"contatti", "contattaci", "contato", "fale conosco", "contatos",
		"neem contact op", "kontakty", "contactus",
	},
	FAQ: {
		"faq", "faqs", "frequently asked questions", "common questions", "questions and answers", "q and a",
		"câu hỏi thường gặp", "hỏi đáp", "hoidap", "cau hoi thuong gap", "chq",
		"sıkça sorulan sorular", "sık sorulan sorular", "sss", "soru cevap", "merak edilenler",
		"häufige fragen", "häufig gestellte fragen", "fragen und antworten",
		"questions fréquentes", "foire aux questions", "questions frequentes",
		"preguntas frecuentes", "domande frequenti", "perguntas frequentes",
		"veelgestelde vragen", "najczęściej zadawane pytania",
	},
	Help: {
		"help", "help center", "help centre", "support", "customer service", "customer care", "customer support",
		"service center", "support center", "knowledge base", "help and support",
		"hỗ trợ", "trợ giúp", "chăm sóc khách hàng", "trung tâm trợ giúp", "hỗ trợ khách hàng", "hotro",
		"yardım", "destek", "müşteri hizmetleri", "yardım merkezi", "destek merkezi",
		"hilfe", "kundenservice", "hilfe center", "kundendienst",
		"aide", "assistance", "centre d aide", "service client",
		"ayuda", "soporte", "centro de ayuda", "atención al cliente", "servicio al cliente",
		"assistenza", "aiuto", "ajuda", "suporte", "atendimento", "klantenservice", "pomoc",
	},
	Returns: {
		"returns", "return policy", "returns policy", "refund", "refunds", "refund policy",
		"exchanges", "exchange policy", "returns and exchanges", "returns and refunds", "money back",
		"return and exchange", "return and refund", "exchange and return", "return and exchange policy",
		"cancellation policy", "cancellations", "cancellation and refund", "refund and cancellation",
		"hoàn hủy", "chính sách hủy", "hoàn học phí", "hoàn phí", "tuition refund", "ücret iadesi", "chính sách hoàn hủy", "iptal ve iade", "iptal koşulları",
		"stornierung", "stornobedingungen", "annulation", "conditions d annulation", "cancelaciones",
		"đổi trả", "chính sách đổi trả", "hoàn tiền", "đổi hàng", "trả hàng", "doitra", "hoàn trả",
		"iade", "iade ve değişim", "iade politikası", "değişim", "cayma hakkı", "iade koşulları",
		"rückgabe", "rücksendung", "widerruf", "widerrufsrecht", "umtausch", "rückerstattung", "retoure",
		"retours", "retour", "remboursement", "échange", "échanges",
		"devoluciones", "devolución", "reembolso", "cambios y devoluciones",
		"resi", "reso", "rimborso", "devoluções", "devolução", "trocas", "retourneren", "zwroty",
	},
	Shipping: {
		"shipping", "delivery", "shipping policy", "delivery information", "shipping information",
		"shipping and delivery", "delivery policy", "shipping and returns",
		"vận chuyển", "giao hàng", "chính sách giao hàng", "chính sách vận chuyển", "giao nhận",
		"kargo", "teslimat", "gönderim", "kargo ve teslimat", "teslimat koşulları",
		"versand", "lieferung", "versandkosten", "versand und lieferung",
		"livraison", "expédition", "envío", "envíos", "entrega", "entregas",
		"spedizione", "spedizioni", "frete", "verzending", "levering", "dostawa", "wysyłka",
	},
	Privacy: {
		"privacy", "privacy policy", "privacy notice", "data protection", "privacy statement", "personal data", "gdpr",
		"chính sách riêng tư", "kişisel veriler", "kişisel verilerin işlenmesi",
		"bảo mật", "chính sách bảo mật", "quyền riêng tư", "bảo mật thông tin", "chính sách quyền riêng tư",
		"gizlilik", "gizlilik politikası", "kvkk", "kişisel verilerin korunması", "aydınlatma metni",
		"gizlilik sözleşmesi", "datenschutz", "datenschutzerklärung",
		"confidentialité", "politique de confidentialité", "données personnelles", "vie privée",
		"privacidad", "política de privacidad", "protección de datos", "aviso de privacidad",
		"informativa sulla privacy", "privacidade", "politica de privacidade", "privacybeleid", "prywatność", "polityka prywatności",
	},
	Warranty: {
		"warranty", "warranties", "guarantee", "warranty policy", "product warranty", "limited warranty",
		"bảo hành", "chính sách bảo hành", "baohanh",
		"garanti", "garanti koşulları", "garantie", "gewährleistung", "garantiebedingungen",
		"garantía", "garantia", "garanzia", "gwarancja",
	},
}
