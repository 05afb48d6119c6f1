package replies

import "regexp"

// The vocabulary of the analysis, in English, Vietnamese and Turkish. All
// patterns match folded text (see fold): lower case, no diacritics, so
// "cảm ơn" is written "cam on" and "teşekkür" "tesekkur". Each list lives
// here and only here.

// re compiles a pattern bounded by word edges.
func re(p string) *regexp.Regexp {
	return regexp.MustCompile(`(?:^|[^\pL\pN])(?:` + p + `)(?:[^\pL\pN]|$)`)
}

var (
	// Automatic acknowledgements.
	receivedRE = re(`we(?: have|'ve)? (?:successfully )?received your (?:request|message|e-?mail|inquiry|enquiry|query|ticket|question)` +
		`|your (?:request|message|e-?mail|inquiry|enquiry|ticket|query) (?:has been|was|is) (?:received|logged|registered)` +
		`|thank you for (?:contacting|reaching out|your (?:e-?mail|message|inquiry|enquiry|request))` +
		`|chung toi da nhan duoc (?:yeu cau|email|e-mail|thu|tin nhan|cau hoi|thong tin)` +
		`|(?:yeu cau|email|thu|tin nhan) cua (?:quy khach|ban|anh/chi|anh chi) da duoc (?:tiep nhan|ghi nhan)` +
		`|cam on (?:quy khach|ban|anh/chi) da lien he` +
		`|(?:talebiniz|mesajiniz|e-?postaniz|basvurunuz) (?:alinmistir|alindi|tarafimiza ulasmistir|bize ulasmistir)` +
		`|(?:talebinizi|mesajinizi|e-?postanizi) (?:aldik|almis bulunmaktayiz)` +
		`|bizimle iletisime gectiginiz icin tesekkur`)
	automatedRE = re(`this is an automated|automatic(?:ally generated)? (?:reply|response|message|confirmation)|auto-?reply|auto-?response` +
		`|(?:please )?do not reply to this|this mailbox is not monitored` +
		`|day la (?:email|e-mail|thu|tin nhan) tu dong|email tu dong|vui long khong tra loi` +
		`|bu (?:e-?posta|mesaj|ileti) otomatik|otomatik (?:olarak )?(?:gonderil|olustur|yanit)\pL*|lutfen bu (?:e-?postayi|mesaji|iletiyi) yanitlamayiniz`)
	ticketRE = re(`\[#\s*\d{3,}\]|ticket\s*(?:#|no\.?|number|id)?\s*:?\s*#?\d{3,}|(?:case|request|reference|ref)\s*(?:#|no\.?|number)\s*:?\s*#?\d{3,}` +
		`|yeu cau\s*(?:so\s*)?#\s*\d+|ma (?:yeu cau|phieu|ho tro|so)\s*:?\s*#?\d+` +
		`|talep\s*(?:no|numarasi|numaraniz)\s*[:.]?\s*#?\d+|(?:kayit|basvuru)\s*(?:no|numarasi|numaraniz)\s*[:.]?\s*#?\d+`)
	laterRE = re(`will (?:get back|respond|reply|contact you|be in touch|answer)|as soon as possible|shortly|in due course` +
		`|se (?:phan hoi|tra loi|lien he|lien lac)|trong thoi gian som nhat|som nhat co the` +
		`|en kisa (?:surede|zamanda)|(?:geri )?donus (?:yapilacak|yapacagiz|saglanacak)\pL*|size ulasacagiz|yanit verilecek\pL*`)
	noReplyAddrRE = regexp.MustCompile(`(?i)^(?:no-?reply|do-?not-?reply|donotreply|mailer-daemon|auto-?reply|autoresponder)[@+._-]`)

	// Courtesy.
	greetingRE = regexp.MustCompile(`^(?:dear|hi|hello|hey|good (?:morning|afternoon|evening|day)|greetings` +
		`|kinh gui|kinh chao|xin chao|chao|than gui|gui` +
		`|sayin|merhaba|degerli|iyi gunler|selam|selamlar)(?:[^\pL\pN]|$)`)
	genericAddresseeRE = re(`customer|client|sir|madam|valued|user|there|team|quy khach|khach hang|ban|musterimiz|musteri|yetkili`)
	thanksRE           = re(`thank you|thanks|thank u|many thanks|appreciate|grateful|cam on|cam on|tesekkur\pL*|sag ol\pL*|minnettar\pL*`)
	apologyRE          = re(`sorry|apologi[sz]e\pL*|apologies|regret|xin loi|rat tiec|thanh that xin loi|ozur dile\pL*|uzgunuz|kusura bakmayin|affiniza`)
	complaintRE        = re(`problem|issue|broken|damaged|defect\pL*|faulty|late|delay\pL*|complain\pL*|not working|doesn't work|does not work|wrong|missing|never arrived|disappointed` +
		`|bi hong|hu hong|bi loi|cham tre|khieu nai|bi hu|that vong|giao nham|chua nhan duoc` +
		`|sorun\pL*|ariza\pL*|bozuk|sikayet\pL*|gecikme\pL*|hasarli|eksik|calismiyor|ulasmadi`)
	negativeRE = re(`we can'?t|we cannot|can ?not|unable to|not able to|not possible|impossible|unfortunately|we do(?: not|n't) (?:offer|allow|provide|accept|have)|not allowed|no way` +
		`|khong the|rat tiec la|khong duoc phep|khong ho tro|khong co cach` +
		`|yapamiyoruz|mumkun degil\pL*|maalesef|ne yazik ki|yapilamamaktadir|saglayamiyoruz|olanak bulunmamaktadir`)
	positiveRE = re(`we can|we will|we'?ll|happy to|glad to|pleased to|delighted to|you can|we'?d be happy|we'?d love to|certainly|of course` +
		`|chung toi co the|chung toi se|rat vui|san long|quy khach co the|ban co the|anh/chi co the|tat nhien` +
		`|memnuniyetle|yapabiliriz|seve seve|yardimci olmaktan mutluluk|yardimci olabiliriz|edebilirsiniz|yapabilirsiniz|tabii ki|elbette`)
	closingRE = regexp.MustCompile(`^(?:best regards|kind regards|warm regards|warmest regards|regards|best wishes|all the best|best|sincerely|yours sincerely|yours faithfully|yours truly|cheers|thanks again|many thanks|thank you|thanks|have a (?:nice|great|good) day` +
		`|tran trong|than ai|than men|kinh thu|tran trong cam on|chuc (?:quy khach|anh/chi|ban) (?:mot ngay tot lanh|suc khoe)\pL*` +
		`|saygilarimizla|saygilarimla|iyi calismalar|iyi gunler dileriz|iyi gunler dilerim|iyi gunler|sevgiler|tesekkurler)[\s,.!]*$`)
	teamRE = re(`team|support|service|services|customer|care|department|desk|center|centre|helpdesk|staff|operations|sales` +
		`|doi ngu|bo phan|cham soc|phong|trung tam|ban quan ly|cong ty` +
		`|ekib\pL*|destek|hizmet\pL*|musteri|departman\pL*|merkez\pL*|birim\pL*|sirket\pL*`)

	// Quoted text.
	attributionRE = regexp.MustCompile(`^(?:on\s.{0,300}\swrote:?|vao\s.{0,300}\sda viet:?|.{0,300}\starihinde\s.{0,200}yazdi:?|le\s.{0,300}\sa ecrit\s?:?|am\s.{0,300}\sschrieb\s.{0,100}:?)$`)
	originalRE    = regexp.MustCompile(`^-{2,}\s*(?:original message|forwarded message|thu goc|tin nhan goc|thu chuyen tiep|orijinal (?:mesaj|ileti)|ozgun ileti|iletilen (?:mesaj|ileti))\s*-{2,}$|^_{10,}$`)
	headerFromRE  = regexp.MustCompile(`^(?:from|tu|kimden):\s`)
	headerSentRE  = regexp.MustCompile(`^(?:sent|date|da gui|ngay|gonderildi|gonderilme|tarih):\s`)
)
