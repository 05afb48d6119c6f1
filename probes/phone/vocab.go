package phone

// The words this package reads around a candidate number, in English,
// Vietnamese, Turkish, German, French, Spanish and Italian. They are written
// as fold.Fold leaves them (lower case, no diacritics, punctuation as
// spaces); a multi-word entry is a phrase. This is the one place they live.
var (
	// phoneWords say the number that follows is to be called. Shortly
	// before an identifier word ("call to order: ...") they win over it.
	phoneWords = words(
		"tel", "tel no", "telephone", "phone", "phone number", "call", "call us", "hotline", "mobile", "cell",
		"toll free", "tollfree", "freephone", "line", "helpline", "whatsapp", "customer service",
		"dien thoai", "dt", "sdt", "so dien thoai", "goi", "goi ngay", "tong dai", "duong day nong", "di dong",
		"telefon", "tel no", "gsm", "cep", "ara", "arayin", "cagri merkezi", "hatti", "hat", "musteri hizmetleri",
		"telefonnummer", "anrufen", "rufen sie an", "hotline", "appelez", "appelez nous", "numero vert",
		"telefono", "llamanos", "llame", "numero verde", "chiamaci",
	)

	// idWords label identifiers, amounts and addresses whose digits can
	// look like a phone number: orders, parcels, invoices, products, tax and
	// company registrations, books, software versions, prices, postal boxes
	// and streets. Words that also head phone lines in ordinary prose
	// ("case", "booking", "account", "via") are listed only with the word
	// that makes them an identifier ("case no", "booking ref").
	idWords = words(
		// orders, parcels, invoices, tickets
		"order", "order no", "order number", "order id", "your order", "tracking", "tracking no", "tracking number",
		"tracking code", "awb", "waybill", "shipment no", "invoice", "invoice no", "receipt", "receipt no", "ref",
		"reference", "ticket no", "ticket number", "case no", "case number", "case id", "booking ref",
		"booking reference", "booking no", "confirmation no", "confirmation number", "transaction id",
		"account no", "account number", "customer no", "customer number",
		"ma don", "ma don hang", "don hang", "so don hang", "ma van don", "van don", "hoa don", "ma giao dich",
		"siparis", "siparis no", "siparis numarasi", "siparis kodu", "takip", "takip no", "takip numarasi",
		"kargo takip", "fatura", "fatura no", "bestellnummer", "bestellung", "sendungsnummer", "rechnung",
		"rechnungsnummer", "commande", "numero de commande", "facture", "pedido", "factura", "ordine",
		// products
		"sku", "model", "model no", "serial", "serial no", "serial number", "part no", "part number",
		"item no", "item number", "art nr", "ean", "upc", "gtin", "isbn", "issn", "imei",
		"ma sp", "ma san pham", "urun kodu", "stok kodu", "seri no", "artikelnummer",
		// tax and company registrations, bank accounts
		"vat", "vat no", "vat number", "tax id", "ssn", "company no", "company number", "reg no",
		"registration no", "registration number", "mst", "ma so thue", "ma so doanh nghiep", "gpkd", "dkkd",
		"dkdn", "giay phep", "vergi", "vergi no", "vergi numarasi", "vergi dairesi", "v d", "vd", "vkn",
		"licence", "licence no", "license", "license no", "lisans", "ruhsat", "belge no", "tckn", "tc kimlik", "mersis",
		"mersis no", "ticaret sicil", "sicil no", "ust idnr", "steuernummer", "handelsregister", "hrb", "siret",
		"siren", "tva", "cif", "nif", "partita iva", "p iva", "iban", "swift", "bic", "stk", "so tai khoan",
		// software
		"version", "ver", "build", "firmware", "release", "phien ban", "surum",
		// prices and amounts
		"price", "total", "subtotal", "amount", "gia", "gia ban", "thanh tien", "tong", "tong cong", "fiyat",
		"fiyati", "tutar", "toplam", "preis", "prix", "precio", "prezzo",
		// postal boxes and streets
		"box", "po box", "p o box", "street", "road", "avenue", "blvd", "boulevard", "hop thu", "cad", "caddesi",
		"cd", "sok", "sokak", "sk", "sokagi", "mah", "mahallesi", "mh", "bulvari", "blv", "posta kodu",
		"postfach", "plz", "rue", "bp", "cedex", "calle", "avda", "viale", "piazza", "zip", "zip code",
		"postcode", "postal code", "ma buu chinh",
	)

	// streetSuffixes end German compound street names (Friedrichstraße,
	// Lindenallee): a house number and postal code follow them.
	streetSuffixes = []string{"strasse", "str", "weg", "allee", "platz", "gasse", "damm", "ufer", "chaussee"}

	// fillers stand between a label and its number without changing what
	// the label says: "Order no.", "Vergi No", "Mã số thuế", "Tel #".
	fillers = words(
		"no", "nr", "nro", "num", "number", "numbers", "id", "code", "is", "our", "us", "at", "on", "the",
		"so", "la", "cua", "ma", "numarasi", "numara", "numaramiz", "kodu", "nummer", "numero", "n", "de",
		"du", "des", "unter", "sie", "uns", "ve", "and", "or", "va", "hoac", "veya", "und", "ou", "o", "y",
		"e", "free", "mien phi", "ucretsiz", "kostenlos", "gratuit", "gratis",
	)

	// currencyWords stand next to an amount: codes, signs written as
	// letters, and the words for them. Compared in lower case, unfolded.
	currencyWords = map[string]bool{
		"đ": true, "₫": true, "đồng": true, "dong": true, "vnd": true, "vnđ": true, "tl": true,
		"lira": true, "usd": true, "eur": true, "euro": true, "euros": true, "gbp": true, "chf": true,
		"jpy": true, "cny": true, "rmb": true, "inr": true, "rs": true, "aud": true, "cad": true, "sgd": true,
		"thb": true, "idr": true, "rp": true, "myr": true, "rm": true, "php": true, "krw": true, "rub": true,
		"brl": true, "mxn": true, "dollar": true, "dollars": true, "triệu": true, "tỷ": true, "nghìn": true,
		"ngàn": true, "milyon": true, "bin": true, "million": true, "millions": true,
	}
)

// words makes a set of folded phrases, each as its words.
func words(list ...string) map[string]bool {
	m := make(map[string]bool, len(list))
	for _, w := range list {
		m[w] = true
	}
	return m
}
