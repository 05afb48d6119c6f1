package sitegen

import (
	"fmt"
	"math"
)

var turkish = register(&language{
	code:     "tr",
	htmlLang: []string{"tr", "tr-TR", "tr"},
	region:   "TR",
	country:  "Türkiye",
	ui: map[string]string{
		"home": "Ana Sayfa", "contact": "İletişim", "faq": "SSS", "faq_long": "Sıkça Sorulan Sorular",
		"about": "Hakkımızda", "help": "Yardım", "track_order": "Sipariş Takibi", "stores": "Mağazalarımız",
		"search": "Ara", "search_placeholder": "Ürün, kategori veya marka ara", "account": "Giriş Yap",
		"wishlist": "Favorilerim", "cart": "Sepetim", "menu": "Menü", "close": "Kapat", "view_all": "Tümünü Gör",
		"shop_all": "Tüm {c}", "new_arrivals": "Yeni Gelenler", "bestsellers": "Çok Satanlar",
		"on_sale": "İndirimdekiler", "you_may_like": "Bunları da beğenebilirsiniz",
		"recently_viewed": "Son incelenen ürünler", "add_to_cart": "Sepete Ekle", "in_stock": "Stokta",
		"description": "Ürün Açıklaması", "specs": "Teknik Özellikler", "reviews": "Müşteri Yorumları",
		"reviews_count": "{n} değerlendirme", "related": "Benzer Ürünler", "newsletter_title": "E-bültene abone olun",
		"newsletter_text":   "Yeni ürünlerden ve kampanyalardan ilk siz haberdar olun.",
		"email_placeholder": "E-posta adresiniz", "subscribe": "Abone Ol", "follow_us": "Bizi takip edin",
		"customer_service": "Müşteri Hizmetleri", "information": "Kurumsal", "categories": "Kategoriler",
		"contact_info": "Bize ulaşın", "hotline": "Çağrı Merkezi", "email_us": "E-posta",
		"opening_hours": "Çalışma saatleri", "hours_text": "Hafta içi 09:00–18:00, Cumartesi 10:00–16:00",
		"address": "Adres", "tax_id": "Vergi No", "rights": "Tüm hakları saklıdır.",
		"cookie_text": "Size daha iyi bir alışveriş deneyimi sunmak, trafiği analiz etmek ve ilgi alanlarınıza uygun kampanyalar göstermek için çerezler kullanıyoruz. Tüm çerezleri kabul edebilir veya tercihlerinizi yönetebilirsiniz.",
		"cookie_more": "Çerez Politikası", "cookie_accept": "Tümünü Kabul Et", "cookie_reject": "Reddet",
		"cookie_settings": "Tercihleri Yönet", "form_title": "Bize mesaj gönderin", "form_name": "Ad Soyad",
		"form_email": "E-posta", "form_phone": "Telefon", "form_subject": "Konu",
		"form_order": "Sipariş numarası (isteğe bağlı)", "form_message": "Mesajınız",
		"form_consent":  "Kişisel verilerimin talebimin yanıtlanması amacıyla işlenmesini kabul ediyorum.",
		"form_send":     "Gönder",
		"contact_intro": "Müşteri hizmetleri ekibimiz size yardımcı olmak için burada. Bizi arayabilir, e-posta gönderebilir veya aşağıdaki formu doldurabilirsiniz; en geç bir iş günü içinde dönüş yaparız.",
		"faq_intro":     "En sık sorulan soruların yanıtlarını burada bulabilirsiniz. Aradığınızı bulamadınız mı?",
		"faq_more":      "Bize ulaşın", "free_shipping": "{free} üzeri kargo bedava",
		"easy_returns": "14 gün içinde ücretsiz iade", "secure_payment": "Güvenli ödeme",
		"fast_delivery": "Aynı gün kargo", "hero_title": "Yeni sezon ürünleri geldi",
		"hero_text": "{b} ile en yeni {c} ürünlerini keşfedin.", "shop_now": "Alışverişe Başla",
		"our_story": "Hikâyemiz", "read_more": "Devamını oku", "payment_methods": "Ödeme seçenekleri",
		"download_app": "Uygulamamızı indirin", "spec_brand": "Marka", "spec_model": "Model", "spec_color": "Renk",
		"spec_material": "Malzeme", "spec_weight": "Ağırlık", "spec_warranty": "Garanti", "spec_origin": "Menşei",
		"spec_sku": "Stok Kodu", "warranty_value": "2 yıl", "qty": "Adet", "sort_by": "Sırala",
		"sort_options": "Önerilen|Çok Satanlar|Fiyat: Artan|Fiyat: Azalan|En Yeniler", "filter": "Filtrele",
		"products_count": "{n} ürün", "about_category": "{c} hakkında", "updated": "Son güncelleme",
		"other_policies": "Diğer sözleşmeler", "skip": "İçeriğe geç", "chat_with_us": "Canlı Destek",
		"not_found": "Aradığınız sayfa bulunamadı", "stores_title": "Mağazalarımız", "compare_at": "Eski fiyat",
		"details": "Detaylar", "map": "Yol tarifi al",
	},
	series:    []string{"Aero", "Terra", "Nova", "Luma", "Vista", "Orion", "Zen", "Atlas", "Pulse", "Sierra", "Efes", "Likya"},
	models:    []string{"", "Pro", "Lite", "Plus", "Max", "X", "S2", "300", "Air", "Classic"},
	materials: []string{"geri dönüştürülmüş polyester", "organik pamuk", "eloksallı alüminyum", "masif meşe", "paslanmaz çelik", "hakiki deri", "BPA içermeyen plastik", "temperli cam", "merinos yünü", "bambu lifi"},
	colors:    []string{"siyah", "beyaz", "lacivert", "haki", "bej", "gri", "kırmızı", "yeşil", "mavi", "antrasit"},
	productName: func(noun, series, model string) string {
		return join(series, noun, model)
	},
	describe: []string{
		"{p}, günlük kullanım için tasarlandı ve uzun yıllar dayanacak şekilde üretildi.",
		"{m} malzemeden üretilen ürün her mevsim rahat ve güvenilir kullanım sunar.",
		"Müşterilerimiz {p} ürününü sade tasarımı ve uygun fiyatı için tercih ediyor.",
		"Her ürün depomuzdan çıkmadan önce {b} ekibi tarafından kontrol edilir.",
		"{c} kategorisindeki diğer ürünlerle birlikte kullanarak zamanla bir set oluşturabilirsiniz.",
		"{col} renk seçeneğiyle sunulur; {free} üzeri siparişlerde kargo ücretsizdir.",
		"Ürün size uygun değilse 14 gün içinde iade edebilirsiniz.",
		"Bakımı kolaydır: etiketteki talimatlara uymanız yeterlidir.",
		"{s} serisi binlerce müşterimizin geri bildirimleriyle geliştirildi.",
		"Önceki modele göre {p} daha hafif, daha sessiz ve temizlemesi daha kolay.",
		"Tüm parçalar garanti kapsamındadır ve yedek parçalar beş yıl boyunca temin edilebilir.",
		"Beden veya uyumluluk hakkında sorunuz mu var? Müşteri hizmetlerimiz size yardımcı olmaktan mutluluk duyar.",
		"Kompakt ambalajı sayesinde {p} kullanmadığınız zamanlarda kolayca saklanabilir.",
		"Her sipariş e-arşiv fatura ve Türkçe kullanım kılavuzu ile gönderilir.",
	},
	catText: []string{
		"{b} olarak her bütçeye uygun, özenle seçilmiş {c} ürünleri sunuyoruz.",
		"Tüm {c} ürünleri kendi depomuzda stokta bulunur ve bir iş günü içinde kargoya verilir.",
		"Hangisini seçeceğinizden emin değil misiniz? Teknik özellikleri karşılaştırın veya ekibimize danışın.",
		"Yalnızca kendimiz test ettiğimiz {c} ürünlerini satıyoruz.",
		"Bugün sipariş verin, 14 gün içinde ücretsiz iade edin.",
		"Üyelerimiz her alışverişte puan kazanır ve kampanyalara erken erişir.",
	},
	faq: []qa{
		{"Siparişim ne zaman kargoya verilir?", "Hafta içi saat 14:00'e kadar verilen siparişler aynı gün kargoya teslim edilir."},
		{"Kargo ücreti ne kadar?", "{free} ve üzeri siparişlerde kargo ücretsizdir. Bu tutarın altındaki siparişler için kargo ücreti {ship}."},
		{"Siparişimi nasıl takip edebilirim?", "Siparişiniz kargoya verildiğinde takip numarası SMS ve e-posta ile gönderilir."},
		{"Hangi ödeme yöntemlerini kabul ediyorsunuz?", "Kredi kartı, banka kartı, havale/EFT ve kapıda ödeme seçeneklerini kabul ediyoruz."},
		{"Kredi kartına taksit yapılıyor mu?", "Evet, anlaşmalı bankaların kredi kartlarına 9 aya kadar taksit imkânı sunuyoruz."},
		{"Kapıda ödeme yapabilir miyim?", "Evet, kapıda nakit veya kredi kartı ile ödeme yapabilirsiniz. Kapıda ödeme hizmet bedeli sepette gösterilir."},
		{"İade nasıl yapılır?", "Ürünü teslim aldığınız tarihten itibaren 14 gün içinde iade edebilirsiniz. Hesabım sayfasından iade talebi oluşturmanız yeterlidir."},
		{"İade ücretim ne zaman hesabıma geçer?", "İade edilen ürün depomuza ulaştıktan sonra ücret 3–7 iş günü içinde kartınıza iade edilir."},
		{"Ürünü değiştirebilir miyim?", "Evet, beden ve renk değişimi ücretsizdir."},
		{"Ürün hasarlı geldi, ne yapmalıyım?", "Lütfen kargo görevlisine tutanak tutturun ve 48 saat içinde fotoğrafla birlikte bize ulaşın."},
		{"Siparişimi iptal edebilir miyim?", "Siparişiniz kargoya verilmeden önce iptal edebilirsiniz."},
		{"Üye olmadan sipariş verebilir miyim?", "Evet, misafir olarak alışveriş yapabilirsiniz."},
		{"Şifremi unuttum, ne yapmalıyım?", "Giriş sayfasındaki \"Şifremi unuttum\" bağlantısına tıklayın; yeni şifre oluşturma bağlantısı e-posta adresinize gönderilir."},
		{"Ürünleriniz garantili mi?", "Tüm ürünlerimiz en az 2 yıl üretici garantisi kapsamındadır."},
		{"Garanti başvurusu nasıl yapılır?", "Fatura ve ürünle birlikte yetkili servise başvurabilir veya müşteri hizmetlerimizi arayabilirsiniz."},
		{"Fatura nasıl gönderiliyor?", "Faturanız e-fatura veya e-arşiv fatura olarak e-posta adresinize gönderilir."},
		{"Mağazanız var mı?", "Evet, {city} mağazamızı ziyaret edebilirsiniz. Çalışma saatleri iletişim sayfamızda yer alır."},
		{"Doğru bedeni nasıl seçerim?", "Her ürün sayfasında beden tablosu bulunur. İki beden arasında kalırsanız bir büyük bedeni öneririz."},
		{"Birden fazla indirim kodu kullanabilir miyim?", "Her siparişte yalnızca bir indirim kodu kullanılabilir."},
		{"Hediye paketi yapıyor musunuz?", "Evet, ödeme adımında hediye paketi seçeneğini işaretleyebilirsiniz."},
		{"Kişisel verilerim nasıl korunuyor?", "Kişisel verileriniz 6698 sayılı KVKK kapsamında korunur. Ayrıntılar için aydınlatma metnimizi inceleyebilirsiniz."},
		{"Yurt dışına gönderim yapıyor musunuz?", "Şu anda yalnızca Türkiye içine gönderim yapıyoruz."},
		{"Telefonla sipariş verebilir miyim?", "Evet, müşteri hizmetlerimizi arayarak sipariş oluşturabilirsiniz."},
		{"Müşteri hizmetleri çalışma saatleri nedir?", "Hafta içi 09:00–18:00, cumartesi 10:00–16:00 saatleri arasında hizmet veriyoruz."},
		{"Ürünler orijinal mi?", "Sattığımız tüm ürünler orijinal ve faturalıdır."},
		{"Kampanyalardan nasıl haberdar olurum?", "E-bültenimize abone olarak kampanyalardan ilk siz haberdar olabilirsiniz."},
		{"Sepetimdeki ürünler ne kadar süre saklanır?", "Üye girişi yaptıysanız sepetinizdeki ürünler 30 gün boyunca saklanır."},
		{"Stokta olmayan ürün tekrar gelecek mi?", "Ürün sayfasındaki \"Gelince haber ver\" butonuna tıklayarak stok bildirimi alabilirsiniz."},
		{"Mağazadan aldığım ürünü internetten iade edebilir miyim?", "Mağazadan alınan ürünler yalnızca mağazalarımızdan iade edilebilir."},
		{"E-bülten aboneliğimden nasıl çıkarım?", "Her e-postanın altındaki \"Abonelikten çık\" bağlantısını kullanabilirsiniz."},
	},
	faqCity: qa{"{city} için teslimat süresi ne kadar?", "{city} için siparişler genellikle {n} iş günü içinde teslim edilir."},
	places: []place{
		{"İstanbul", "Kadıköy", "34710", "", "216"}, {"İstanbul", "Şişli", "34394", "", "212"}, {"Ankara", "Çankaya", "06680", "", "312"},
		{"İzmir", "Konak", "35250", "", "232"}, {"Bursa", "Nilüfer", "16110", "", "224"}, {"Antalya", "Muratpaşa", "07100", "", "242"},
		{"Adana", "Seyhan", "01010", "", "322"}, {"Konya", "Selçuklu", "42060", "", "332"}, {"Eskişehir", "Tepebaşı", "26010", "", "222"},
		{"Gaziantep", "Şehitkamil", "27060", "", "342"},
	},
	streets: []string{"Atatürk Cad.", "Cumhuriyet Cad.", "Bağdat Cad.", "İstiklal Cad.", "Gazi Bulvarı", "Büyükdere Cad.", "Kıbrıs Şehitleri Cad.", "Fevzi Çakmak Sok."},
	address: func(num int, street string, p place) string {
		return fmt.Sprintf("%s No: %d Kat: %d, %s %s/%s", street, num, 1+num%6, p.postal, p.district, p.city)
	},
	policies: map[string]policyWords{
		"privacy": {"KVKK Aydınlatma Metni",
			[]string{"Veri sorumlusu", "İşlenen kişisel veriler", "Kişisel verilerin işlenme amaçları", "Çerezler", "Haklarınız", "Bize ulaşın"},
			[]string{"Sipariş verdiğinizde adınızı, adresinizi, e-posta adresinizi ve telefon numaranızı topluyoruz.", "Kişisel verileriniz siparişlerinizi işlemek, teslim etmek ve sorularınızı yanıtlamak amacıyla kullanılır.", "Kişisel verilerinizi hiçbir koşulda üçüncü taraflara satmayız.", "6698 sayılı Kanun'un 11. maddesi kapsamındaki haklarınızı her zaman kullanabilirsiniz.", "Ödeme bilgileriniz ödeme kuruluşu tarafından işlenir ve sunucularımızda saklanmaz.", "Sipariş kayıtları yasal saklama süreleri boyunca muhafaza edilir.", "Analitik çerezler yalnızca çerez tercihlerinizde onay verdiğinizde kullanılır."}},
		"returns": {"İade ve Değişim Koşulları",
			[]string{"Cayma hakkı", "İade koşulları", "İade süreci", "Geri ödeme", "İade edilemeyen ürünler"},
			[]string{"Ürünü teslim aldığınız tarihten itibaren 14 gün içinde cayma hakkınızı kullanabilirsiniz.", "İade edilecek ürün kullanılmamış ve orijinal ambalajında olmalıdır.", "İade talebinizi Hesabım sayfasından veya müşteri hizmetlerimizden oluşturabilirsiniz.", "Geri ödeme, ürün depomuza ulaştıktan sonra 3–7 iş günü içinde yapılır.", "Kusurlu veya yanlış gönderilen ürünlerde iade kargo ücreti tarafımızca karşılanır.", "Hijyen gereği ambalajı açılmış kozmetik ve iç giyim ürünleri iade alınmaz."}},
		"shipping": {"Kargo ve Teslimat",
			[]string{"Teslimat süresi", "Kargo ücreti", "Kargo takibi", "Teslimat sorunları"},
			[]string{"Hafta içi saat 14:00'e kadar verilen siparişler aynı gün kargoya verilir.", "Siparişler genellikle 1–3 iş günü içinde teslim edilir.", "{free} ve üzeri siparişlerde kargo ücretsizdir; diğer siparişlerde kargo ücreti {ship}.", "Kargo takip numaranız SMS ve e-posta ile tarafınıza iletilir.", "Teslimatla ilgili bir sorun yaşarsanız müşteri hizmetlerimizle iletişime geçebilirsiniz."}},
		"terms": {"Mesafeli Satış Sözleşmesi",
			[]string{"Taraflar", "Sözleşmenin konusu", "Fiyat ve ödeme", "Cayma hakkı", "Yetkili mahkeme"},
			[]string{"Bu sözleşme, 6502 sayılı Tüketicinin Korunması Hakkında Kanun ve Mesafeli Sözleşmeler Yönetmeliği hükümlerine göre düzenlenmiştir.", "Sözleşme, siparişin onaylanmasıyla birlikte yürürlüğe girer.", "Ürün fiyatlarına KDV dahildir.", "Tüketici, ürünü teslim aldığı tarihten itibaren 14 gün içinde cayma hakkına sahiptir.", "Uyuşmazlıklarda Tüketici Hakem Heyetleri ve Tüketici Mahkemeleri yetkilidir."}},
		"warranty": {"Garanti Koşulları",
			[]string{"Garanti süresi", "Garanti kapsamı", "Garanti dışı durumlar", "Başvuru"},
			[]string{"Tüm ürünlerimiz teslim tarihinden itibaren 2 yıl garantilidir.", "Garanti, malzeme ve işçilik hatalarını kapsar.", "Kullanım hatası, düşürme ve sıvı teması garanti kapsamı dışındadır.", "Garanti başvurusu için fatura ile birlikte yetkili servise başvurabilirsiniz.", "Tamir süresi en fazla 20 iş günüdür."}},
		"about": {"Hakkımızda",
			[]string{"Hikâyemiz", "Değerlerimiz", "Ekibimiz"},
			[]string{"{b}, {year} yılında kaliteli ürünleri uygun fiyatlarla sunmak amacıyla kuruldu.", "Bugün {city} merkezimizden Türkiye'nin dört bir yanındaki {n} müşteriye hizmet veriyoruz.", "Satışa sunduğumuz her ürünü önce kendimiz test ediyoruz.", "Müşteri memnuniyeti yaptığımız her işin merkezindedir.", "Yerli üreticilerle uzun soluklu iş birlikleri kuruyoruz."}},
	},
	brandStems: []string{"Yıldız", "Anadolu", "Ege", "Marmara", "Kuzey", "Doğa", "Güneş", "Akdeniz", "Atlas", "Kardelen", "Toros", "Boğaziçi", "Mavi", "Karadeniz", "Kapadokya", "Lale"},
	legal:      []string{"%s Ticaret A.Ş.", "%s San. ve Tic. Ltd. Şti.", "%s Pazarlama A.Ş."},
	emailUsers: []string{"destek", "info", "musterihizmetleri", "iletisim", "siparis"},
	reviewers:  []string{"Ayşe K.", "Mehmet Y.", "Zeynep D.", "Emre Ş.", "Elif A.", "Burak Ç.", "Selin Ö.", "Can T.", "Merve G.", "Oğuz B."},
	reviews: []string{
		"Ürün anlatıldığı gibi, kargo çok hızlıydı.", "Fiyatına göre kalitesi çok iyi, tekrar alırım.",
		"Müşteri hizmetleri doğru bedeni seçmeme yardımcı oldu.", "Fotoğraflardakinden bile güzel, çok memnunum.",
		"Sağlam ama kullanım kılavuzu daha açık olabilirdi.", "İkinci kez alıyorum, bir yıldır sorunsuz kullanıyorum.",
		"Hızlı kargo ve özenli paketleme.", "Güzel ürün, rengi fotoğraftakinden biraz koyu.",
	},
	tlds: []string{".com.tr", ".com", ".com.tr", ".tr"},
	slugStyles: []map[string]string{
		{"contact": "/iletisim", "faq": "/sikca-sorulan-sorular", "about": "/hakkimizda", "privacy": "/kvkk-aydinlatma-metni",
			"returns": "/iade-ve-degisim", "shipping": "/kargo-ve-teslimat", "terms": "/mesafeli-satis-sozlesmesi",
			"warranty": "/garanti-kosullari", "category": "/kategori/{slug}", "product": "/urun/{slug}"},
		{"contact": "/sayfa/iletisim", "faq": "/sayfa/sss", "about": "/sayfa/hakkimizda", "privacy": "/sayfa/gizlilik-politikasi",
			"returns": "/sayfa/iade-kosullari", "shipping": "/sayfa/teslimat-kosullari", "terms": "/sayfa/mesafeli-satis-sozlesmesi",
			"warranty": "/sayfa/garanti", "category": "/{slug}", "product": "/{slug}-p-{n}"},
	},
	chat: []weighted{{"tawk.to", 3}, {"jivochat", 3}, {"tidio", 2}, {"zendesk", 1}, {"livechat", 1}, {"smartsupp", 1}, {"crisp", 1}, {"", 3}},
	date: func(y, m, d int) string { return fmt.Sprintf("%02d.%02d.%d", d, m, y) },
	price: func(usd float64) string {
		c := int64(math.Round(usd*40))*100 - 10 // 1.299,90 TL
		return group(c/100, ".") + fmt.Sprintf(",%02d TL", c%100)
	},
	freeShipUS: 20, shipUS: 1.5,
	phones: func(g *gen) []phoneNumber {
		a, b, c := fmt.Sprintf("%03d", g.rng.IntN(1000)), fmt.Sprintf("%02d", g.rng.IntN(100)), fmt.Sprintf("%02d", g.rng.IntN(100))
		mob := pick(g.rng, []string{"532", "533", "542", "505", "555"})
		m := phoneNumber{display: "0" + mob + " " + a + " " + c + " " + b, e164: "+90" + mob + a + c + b}
		switch k := g.rng.IntN(10); {
		case k < 4:
			return []phoneNumber{{display: "0850 " + a + " " + b + " " + c, e164: "+90850" + a + b + c}, m}
		case k < 7:
			return []phoneNumber{{display: "444 " + b + " " + c, e164: "+90444" + b + c}}
		case k < 9:
			return []phoneNumber{{display: "0 (" + g.place.area + ") " + a + " " + b + " " + c, e164: "+90" + g.place.area + a + b + c}, m}
		default:
			return []phoneNumber{{display: "0800 " + a + " " + b + " " + c, e164: "+90800" + a + b + c, tollFree: true}}
		}
	},
	gov: func(g *gen) string {
		return `<a class="etbis" href="https://www.eticaret.gov.tr/siteprofil/` + fmt.Sprintf("%016X", g.rng.Uint64()) + `/` + g.s.Domain + `" target="_blank" rel="nofollow noopener"><img src="/assets/img/etbis-qr.png" alt="ETBİS'e kayıtlıdır" width="90" height="104" loading="lazy"></a>`
	},
}, map[string]string{
	"outdoor":     "Outdoor Ekipmanları/Outdoor::Montlar: Yağmurluk, Softshell Mont, Kaz Tüyü Mont | Çadırlar: Kubbe Çadır, Trekking Çadırı, Aile Çadırı | Sırt Çantaları: Günlük Çanta, Trekking Çantası, Su Torbalı Çanta | Ayakkabılar: Trekking Botu, Patika Koşu Ayakkabısı, Kamp Sandaleti | Uyku Tulumları: Mumya Uyku Tulumu, Kamp Matı, Şişme Yastık | Kamp Mutfağı: Kamp Ocağı, Kamp Tencere Seti, Termos",
	"electronics": "Elektronik/Elektronik::Telefonlar: Akıllı Telefon, Telefon Kılıfı, Hızlı Şarj Aleti | Bilgisayarlar: Ultrabook, Oyuncu Dizüstü Bilgisayarı, Laptop Kılıfı | Ses Sistemleri: Kablosuz Kulaklık, Gürültü Önleyici Kulaklık, Bluetooth Hoparlör | Televizyonlar: Akıllı Televizyon, Soundbar, Medya Oynatıcı | Giyilebilir Teknoloji: Akıllı Saat, Akıllı Bileklik, Saat Kordonu | Aksesuarlar: Powerbank, USB-C Çoklayıcı, Kablosuz Mouse",
	"home":        "Mobilya ve Dekorasyon/Mobilya::Oturma Odası: Koltuk Takımı, Orta Sehpa, Berjer | Yatak Odası: Karyola, Yatak, Komodin | Yemek Odası: Yemek Masası, Sandalye, Konsol | Aydınlatma: Lambader, Sarkıt Avize, Masa Lambası | Depolama: Kitaplık, Gardırop, Ayakkabılık | Dekorasyon: Duvar Aynası, Halı, Koltuk Şalı",
	"fashion":     "Moda/Moda::Kadın: Kruvaze Elbise, Keten Bluz, Midi Etek | Erkek: Oxford Gömlek, Chino Pantolon, Polo Yaka Tişört | Ayakkabı: Deri Sneaker, Bot, Loafer | Çanta: Omuz Çantası, Çapraz Çanta, Deri Cüzdan | Çocuk: Çocuk Sweatshirt, Çocuk Kot Pantolon, Okul Çantası | Aksesuar: Yün Atkı, Deri Kemer, Güneş Gözlüğü",
	"beauty":      "Kozmetik ve Kişisel Bakım/Kozmetik::Cilt Bakımı: C Vitamini Serumu, Gece Kremi, Yüz Temizleme Jeli | Makyaj: Mat Ruj, Fondöten, Maskara | Saç Bakımı: Onarıcı Şampuan, Saç Maskesi, Argan Yağı | Parfüm: Kadın Parfümü, Vücut Spreyi, Kokulu Mum | Vücut Bakımı: Vücut Losyonu, Duş Jeli, El Kremi | Güneş Bakımı: Güneş Kremi, Güneş Sonrası Jel, Renkli Güneş Kremi",
	"appliances":  "Küçük Ev Aletleri/Ev Aletleri::Mutfak: Airfryer, Stand Mikser, Blender | Kahve: Espresso Makinesi, Kahve Öğütücü, Süt Köpürtücü | Temizlik: Robot Süpürge, Dikey Süpürge, Buharlı Mop | İklimlendirme: Hava Temizleyici, Kule Vantilatör, Nem Alma Cihazı | Çamaşır: Çamaşır Makinesi, Kurutma Makinesi, Buharlı Ütü | Pişirme: Yapışmaz Tava, Döküm Tencere, Bıçak Seti",
})
