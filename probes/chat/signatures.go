package chat

// This file is the one place chat signatures live: every vendor's script
// hosts, inline globals, run-time globals, widget DOM, iframe and
// click-to-chat link patterns, and the words that name a chat entry point.
// Each entry has a test (signatures_test.go builds a page from every entry
// and checks it is detected as that vendor and no other).

// vendor describes how one chat vendor's widget shows in a page.
//
// URL patterns (Scripts, Frames and the Pattern of a link) are written
// "host/path": the host is a glob in which * matches any run of characters
// ("*.lpsnmedia.net" is any subdomain, "code*.jivosite.com" matches
// code-eu1.jivosite.com, a lone "*" is any host); the path, when given, must
// start the URL's path and may hold * for any run ("/ESW*/assets/js/"). A
// pattern may end in "[attr=value]": then a <script src> must also carry that
// attribute, and the pattern is not looked for in inline code. Hosts and
// paths are compared in lower case.
//
// Globals are identifiers the vendor's inline snippet assigns or calls,
// matched in code (never inside strings or comments), as a whole name, at
// the start of an expression or after window./self./a one-letter alias.
// A plain name matches when it is assigned, called, indexed or dotted into
// ("Tawk_API", "$crisp"); a name ending in "(" must be called ("drift.load(");
// ending in "('" must be called with a string first ("zE('"); ending in "="
// must be assigned. Common words get the strict forms.
//
// Links of schemes other than http(s) are matched with "scheme:host" as
// their host: whatsapp://send?phone=… reads "whatsapp:send".
type vendor struct {
	ID      string     // stable id used in findings
	Name    string     // display name
	Scripts []urlRule  // <script src>, <link rel=preload as=script>, URLs in inline code, iframe src
	Frames  []urlRule  // iframe src only (chat windows hosted by the vendor)
	Globals []string   // inline code: identifiers assigned or called
	Runtime []string   // window globals seen at run time (Page.Globals)
	DOM     []string   // CSS selectors of the widget's own elements
	Links   []linkRule // click-to-chat links (<a href>)
	// Other marks a vendor outside the ids the JSON contract lists: it
	// makes Present true and is named in Finding.OtherVendors, while
	// Finding.Vendors keeps to the contract's ids.
	Other bool
}

// urlRule is a URL pattern, see vendor.
type urlRule = string

// linkRule is a click-to-chat link pattern and what the rest of the link must
// hold for it to open a conversation rather than share a page or show a
// profile.
type linkRule struct {
	Pattern string   // URL pattern, see vendor
	Need    linkNeed // what the link must carry beyond the pattern
}

// linkNeed says what a click-to-chat link must carry beyond its pattern.
type linkNeed int

const (
	needMore   linkNeed = iota // something after the pattern: a path segment, or the value of a query the pattern ends in
	needNumber                 // a phone number or numeric account id as the next path segment
	needPhone                  // a phone number in the "phone" query parameter
	needName                   // a page or user name as the next path segment (not a reserved one)
)

// vendors is the signature table, sorted by id.
var vendors = []vendor{
	{
		ID: "chaport", Name: "Chaport", Other: true,
		Scripts: []urlRule{"app.chaport.com/javascripts/insert.js", "app.chaport.com/widget"},
		Globals: []string{"chaportConfig"},
		Runtime: []string{"chaport"},
	},
	{
		ID: "chatra", Name: "Chatra", Other: true,
		Scripts: []urlRule{"call.chatra.io/chatra.js", "*.chatra.io/chatra.js"},
		Globals: []string{"ChatraID", "ChatraSetup"},
		Runtime: []string{"Chatra", "ChatraID"},
		DOM:     []string{"#chatra"},
	},
	{
		ID: "chatwoot", Name: "Chatwoot",
		// Chatwoot is often self-hosted: its SDK path is the signature.
		Scripts: []urlRule{"app.chatwoot.com", "*/packs/js/sdk.js"},
		Frames:  []urlRule{"*/widget?website_token="},
		Globals: []string{"chatwootSDK", "chatwootSettings", "$chatwoot"},
		Runtime: []string{"chatwootSDK", "$chatwoot", "chatwootSettings"},
		DOM:     []string{".woot-widget-holder", ".woot--bubble-holder", "#chatwoot_live_chat_widget"},
	},
	{
		ID: "comm100", Name: "Comm100",
		Scripts: []urlRule{"vue.comm100.com", "chatserver*.comm100.com", "chatserver*.comm100.io", "*.comm100vue.com"},
		Frames:  []urlRule{"*.comm100.com/chatwindow.aspx?siteid="},
		Globals: []string{"Comm100API"},
		Runtime: []string{"Comm100API"},
		DOM:     []string{"[id^=comm100-button-]", "#comm100-container", "iframe#comm100-iframe"},
		Links:   []linkRule{{"*.comm100.com/chatwindow.aspx?siteid=", needMore}},
	},
	{
		ID: "crisp", Name: "Crisp",
		Scripts: []urlRule{"client.crisp.chat", "settings.crisp.chat"},
		Frames:  []urlRule{"go.crisp.chat/chat/embed/?website_id="},
		Globals: []string{"$crisp", "CRISP_WEBSITE_ID", "CRISP_RUNTIME_CONFIG"},
		Runtime: []string{"$crisp", "CRISP_WEBSITE_ID"},
		DOM:     []string{".crisp-client", "#crisp-chatbox"},
		Links:   []linkRule{{"go.crisp.chat/chat/embed/?website_id=", needMore}},
	},
	{
		ID: "drift", Name: "Drift",
		Scripts: []urlRule{"js.driftt.com", "*.driftt.com"},
		Globals: []string{"driftt", "drift.load(", "drift.SNIPPET_VERSION"},
		Runtime: []string{"drift", "driftt"},
		DOM:     []string{"#drift-widget", "#drift-frame-controller", "#drift-frame-chat", "#drift-widget-container"},
		Links:   []linkRule{{"drift.me", needMore}},
	},
	{
		ID: "freshchat", Name: "Freshchat",
		// widget.freshworks.com is Freshdesk's help widget, whose Omni edition
		// carries Freshchat; fw-cdn.com scripts are chat only with chat="true"
		// (without it they are Freshsales tracking).
		Scripts: []urlRule{"wchat.freshchat.com", "wchat.*.freshchat.com", "snippets.freshchat.com",
			"widget.freshworks.com/widgets/", "fw-cdn.com[chat=true]", "*.fw-cdn.com[chat=true]"},
		Frames:  []urlRule{"*.freshchat.com/widget/"},
		Globals: []string{"fcWidget", "fcSettings", "fwSettings", "FreshworksWidget"},
		Runtime: []string{"fcWidget", "fcSettings", "fwSettings", "FreshworksWidget"},
		DOM:     []string{"#fc_frame", "#fc_widget", "#freshworks-container", "#freshworks-frame"},
	},
	{
		ID: "front", Name: "Front Chat",
		Scripts: []urlRule{"chat-assets.frontapp.com", "chat.frontapp.com"},
		Globals: []string{"FrontChat"},
		Runtime: []string{"FrontChat"},
		DOM:     []string{"#front-chat-container", "#front-chat-iframe"},
	},
	{
		ID: "genesys", Name: "Genesys",
		// Genesys Cloud Messenger and Widgets; BoldChat is its legacy chat.
		// apps.mypurecloud.*/journey/ is Predictive Engagement tracking, not chat.
		Scripts: []urlRule{"apps.mypurecloud.*/genesys-bootstrap/", "apps.*.pure.cloud/genesys-bootstrap/",
			"apps.mypurecloud.*/widgets/", "apps.*.pure.cloud/widgets/", "*.boldchat.com"},
		Globals: []string{"_genesysJs", "Genesys('", "CXBus"},
		Runtime: []string{"Genesys", "_genesysJs", "CXBus"},
		DOM:     []string{"#genesys-messenger", "#genesys-mxg-frame", ".cx-widget.cx-webchat"},
	},
	{
		ID: "gladly", Name: "Gladly",
		Scripts: []urlRule{"cdn.gladly.com/chat-sdk/"},
		Globals: []string{"gladlyConfig", "Gladly.init("},
		Runtime: []string{"Gladly", "gladlyConfig"},
		DOM:     []string{"#gladlyChat_container"},
	},
	{
		ID: "gorgias", Name: "Gorgias",
		Scripts: []urlRule{"config.gorgias.chat", "*.gorgias.chat"},
		Globals: []string{"GorgiasChat"},
		Runtime: []string{"GorgiasChat"},
		DOM:     []string{"#gorgias-chat-container", "[id^=gorgias-chat-widget-install]"},
	},
	{
		ID: "helpcrunch", Name: "HelpCrunch", Other: true,
		Scripts: []urlRule{"widget.helpcrunch.com"},
		Globals: []string{"HelpCrunch", "helpcrunchSettings"},
		Runtime: []string{"HelpCrunch"},
	},
	{
		ID: "helpscout", Name: "Help Scout Beacon",
		Scripts: []urlRule{"beacon-v2.helpscout.net"},
		Globals: []string{"Beacon('"},
		Runtime: []string{"Beacon"},
		DOM:     []string{"#beacon-container", ".BeaconFabButtonFrame"},
	},
	{
		ID: "hubspot", Name: "HubSpot Chat",
		// js.hs-scripts.com alone is HubSpot's tracking code, not chat: it
		// only injects the conversations embed when chat is switched on.
		Scripts: []urlRule{"js.usemessages.com", "*.usemessages.com"},
		Frames:  []urlRule{"*.hubspot.com/conversations-visitor"},
		Globals: []string{"HubSpotConversations", "hsConversationsSettings", "hsConversationsOnReady"},
		Runtime: []string{"HubSpotConversations"},
		DOM:     []string{"#hubspot-messages-iframe-container", "iframe#hubspot-conversations-iframe"},
	},
	{
		ID: "iadvize", Name: "iAdvize", Other: true,
		Scripts: []urlRule{"halc.iadvize.com", "*.iadvize.com/iadvize.js"},
		Globals: []string{"iAdvizeInterface", "idzCustomData"},
		Runtime: []string{"iAdvize", "iAdvizeInterface"},
	},
	{
		ID: "intercom", Name: "Intercom",
		Scripts: []urlRule{"widget.intercom.io", "js.intercomcdn.com", "api.intercom.io", "api-iam.intercom.io",
			"api-iam.eu.intercom.io", "api-iam.au.intercom.io"},
		Globals: []string{"intercomSettings", "Intercom"},
		Runtime: []string{"Intercom", "intercomSettings"},
		DOM:     []string{"iframe#intercom-frame", "#intercom-container", ".intercom-lightweight-app", "iframe[name=intercom-launcher-frame]"},
	},
	{
		ID: "jivochat", Name: "JivoChat",
		Scripts: []urlRule{"code*.jivosite.com", "code*.jivo.ru", "code*.jivochat.com"},
		Globals: []string{"jivo_api", "jivo_config", "jivo_onLoadCallback("},
		Runtime: []string{"jivo_api", "jivo_config"},
		DOM:     []string{"jdiv", "#jivo-iframe-container"},
		Links:   []linkRule{{"jivo.chat", needMore}},
	},
	{
		ID: "kommunicate", Name: "Kommunicate", Other: true,
		Scripts: []urlRule{"widget.kommunicate.io"},
		Globals: []string{"kommunicateSettings"},
		Runtime: []string{"kommunicate", "Kommunicate"},
	},
	{
		ID: "kustomer", Name: "Kustomer",
		Scripts: []urlRule{"cdn.kustomerapp.com/chat-web/"},
		Globals: []string{"Kustomer"},
		Runtime: []string{"Kustomer"},
		DOM:     []string{"#kustomer-ui-sdk-iframe"},
	},
	{
		ID: "liveagent", Name: "LiveAgent", Other: true,
		Scripts: []urlRule{"*.ladesk.com/scripts/track.js"},
		Globals: []string{"LiveAgent"},
		Runtime: []string{"LiveAgent"},
	},
	{
		ID: "livechat", Name: "LiveChat",
		Scripts: []urlRule{"cdn.livechatinc.com", "secure.livechatinc.com", "*.livechatinc.com"},
		Globals: []string{"__lc", "LiveChatWidget", "LC_API"},
		Runtime: []string{"LiveChatWidget", "__lc", "LC_API"},
		DOM:     []string{"#chat-widget-container", "#livechat-compact-container", "#livechat-eye-catcher"},
		Links: []linkRule{{"www.livechat.com/chat-with/", needMore}, {"direct.lc.chat", needMore},
			{"secure.livechatinc.com/licence/", needMore}},
	},
	{
		ID: "livehelpnow", Name: "LiveHelpNow",
		Scripts: []urlRule{"developer.livehelpnow.net", "www.livehelpnow.net/lhn/", "livehelpnow.net/lhn/"},
		Globals: []string{"lhnJsSdkInit", "lhnJsSdk"},
		Runtime: []string{"lhnJsSdk", "lhnJsSdkInit"},
		DOM:     []string{"#lhnHocButton", "#lhnHelpOutCenter", "#lhnContainerDone"},
	},
	{
		ID: "liveperson", Name: "LivePerson",
		Scripts: []urlRule{"lptag.liveperson.net", "*.liveperson.net", "*.lpsnmedia.net"},
		Globals: []string{"lpTag"},
		Runtime: []string{"lpTag"},
		DOM:     []string{".LPMcontainer", "#lpChat"},
	},
	{
		ID: "messenger", Name: "Facebook Messenger",
		// Only the Chat Plugin (customerchat) is chat: Facebook's plain SDK,
		// like buttons and pixel (fbevents.js) are not. FB, the SDK's global,
		// is therefore no signature. Meta retired the plugin in 2024; old
		// installs still show it.
		Scripts: []urlRule{"connect.facebook.net/*/sdk/xfbml.customerchat.js"},
		Frames:  []urlRule{"*.facebook.com/*/plugins/customerchat.php"},
		DOM:     []string{".fb-customerchat", "#fb-customer-chat"},
		Links: []linkRule{{"m.me", needName}, {"www.messenger.com/t/", needMore}, {"messenger.com/t/", needMore},
			{"www.facebook.com/messages/t/", needMore}, {"fb-messenger:user-thread", needMore}},
	},
	{
		ID: "olark", Name: "Olark",
		Scripts: []urlRule{"static.olark.com/jsclient/", "*.olark.com/jsclient/"},
		Globals: []string{"olark(", "olark=", "olark.identify(", "olark.configure("},
		Runtime: []string{"olark"},
		DOM:     []string{"#olark-wrapper", "#olark-container", ".olark-launch-button"},
	},
	{
		ID: "purechat", Name: "Pure Chat",
		Scripts: []urlRule{"app.purechat.com"},
		Globals: []string{"purechatApi", "PCWidget"},
		Runtime: []string{"PCWidget", "purechatApi"},
		DOM:     []string{"#PureChatWidget"},
	},
	{
		ID: "reamaze", Name: "Re:amaze", Other: true,
		Scripts: []urlRule{"cdn.reamaze.com/assets/reamaze.js"},
		Runtime: []string{"Reamaze"},
	},
	{
		ID: "salesforce", Name: "Salesforce Chat / Messaging",
		// my.site.com alone hosts Experience Cloud help centres: only the
		// embedded-messaging bootstrap path is chat.
		Scripts: []urlRule{"*.my.site.com/esw*/assets/js/bootstrap", "*/embeddedservice/*/esw.min.js",
			"*.salesforce-scrt.com", "*.salesforceliveagent.com"},
		Globals: []string{"embedded_svc", "embeddedservice_bootstrap", "liveagent.init(", "liveagent.startChat("},
		Runtime: []string{"embedded_svc", "embeddedservice_bootstrap", "liveagent"},
		DOM:     []string{".embeddedServiceHelpButton", ".embeddedServiceSidebar", "#embedded-messaging", "iframe[name=embeddedMessagingFrame]"},
	},
	{
		ID: "smartsupp", Name: "Smartsupp",
		Scripts: []urlRule{"smartsuppchat.com", "*.smartsuppchat.com", "*.smartsuppcdn.com"},
		Globals: []string{"_smartsupp", "smartsupp("},
		Runtime: []string{"smartsupp", "_smartsupp"},
		DOM:     []string{"#smartsupp-widget-container"},
	},
	{
		ID: "snapengage", Name: "SnapEngage", Other: true,
		Scripts: []urlRule{"code.snapengage.com", "storage.googleapis.com/code.snapengage.com/"},
		Globals: []string{"SnapEngage"},
		Runtime: []string{"SnapEngage"},
	},
	{
		ID: "subiz", Name: "Subiz",
		Scripts: []urlRule{"widget.subiz.net", "*.subiz.net", "widgetv4.subiz.com"},
		Globals: []string{"subiz('", "_sbzaccid"},
		Runtime: []string{"subiz"},
		DOM:     []string{"script#subiz-script", "#subiz-container"},
	},
	{
		ID: "tawkto", Name: "tawk.to",
		Scripts: []urlRule{"embed.tawk.to"},
		Globals: []string{"Tawk_API", "Tawk_LoadStart"},
		Runtime: []string{"Tawk_API", "Tawk_LoadStart"},
		DOM:     []string{"#tawkchat-container", "#tawkchat-minified-wrapper"},
		Links:   []linkRule{{"tawk.to/chat/", needMore}},
	},
	{
		ID: "tidio", Name: "Tidio",
		Scripts: []urlRule{"code.tidio.co", "*.tidiochat.com"},
		Globals: []string{"tidioChatApi", "tidioIdentify", "tidioChatLang"},
		Runtime: []string{"tidioChatApi"},
		DOM:     []string{"#tidio-chat", "iframe#tidio-chat-iframe"},
		Links:   []linkRule{{"www.tidio.com/talk/", needMore}, {"tidio.com/talk/", needMore}},
	},
	{
		ID: "trengo", Name: "Trengo", Other: true,
		Scripts: []urlRule{"static.widget.trengo.eu/embed.js", "*.trengo.eu/embed.js"},
		Globals: []string{"Trengo"},
		Runtime: []string{"Trengo"},
	},
	{
		ID: "userlike", Name: "Userlike",
		Scripts: []urlRule{"userlike-cdn-widgets.*", "api.userlike.com", "widget.userlike.com"},
		Globals: []string{"userlikeConfig"},
		Runtime: []string{"userlike", "userlikeConfig"},
		DOM:     []string{"#userlike", "#userlike-tab", "iframe[id^=userlike]"},
	},
	{
		ID: "whatsapp", Name: "WhatsApp",
		// Click-to-chat links only; a link without a number is a share link.
		// WordPress's Joinchat plugin (once "WhatsApp me") builds its wa.me
		// link on click from the number in its data-settings.
		DOM:     []string{".joinchat[data-settings]"},
		Scripts: []urlRule{"*/wp-content/plugins/creame-whatsapp-me/", "*/wp-content/plugins/joinchat/"},
		Links: []linkRule{{"wa.me/message/", needMore}, {"wa.me", needNumber},
			{"*.whatsapp.com/send", needPhone}, {"whatsapp.com/send", needPhone},
			{"api.whatsapp.com/message/", needMore}, {"wa.link", needMore}, {"whatsapp:send", needPhone}},
	},
	{
		ID: "zalo", Name: "Zalo",
		// sp.zalo.me/plugins/sdk.js also draws share and follow buttons, and
		// ZaloSocialSDK is its global: neither alone is chat. The chat widget
		// is the zalo-chat-widget element the SDK fills.
		DOM:   []string{".zalo-chat-widget[data-oaid]"},
		Links: []linkRule{{"zalo.me", needNumber}, {"chat.zalo.me", needPhone}},
	},
	{
		ID: "zendesk", Name: "Zendesk",
		// static.zdassets.com/hc/ is a Zendesk help centre's own assets: only
		// the /ekr/ Web Widget snippet is the widget.
		Scripts: []urlRule{"static.zdassets.com/ekr/", "ekr.zdassets.com", "v2.zopim.com", "*.zopim.com",
			"assets.zendesk.com/embeddable_framework/"},
		Frames:  []urlRule{"v2.zopim.com/widget/"},
		Globals: []string{"zE('", "zESettings", "zEmbed", "$zopim"},
		Runtime: []string{"zE", "zESettings", "$zopim", "zEmbed"},
		DOM:     []string{"script#ze-snippet", "iframe#webWidget", "[data-product=web_widget]", ".zopim"},
		Links:   []linkRule{{"v2.zopim.com/widget/livechat.html?key=", needMore}},
	},
	{
		ID: "zoho-salesiq", Name: "Zoho SalesIQ",
		Scripts: []urlRule{"salesiq.zoho.*/widget", "salesiq.zohopublic.*", "js.zohocdn.com/salesiq/"},
		Globals: []string{"$zoho.salesiq"},
		Runtime: []string{"$zoho", "$zoho.salesiq", "$ZSIQChat", "$ZSIQWidget"},
		DOM:     []string{"#zsiq_float", ".zsiq_floatmain", "#zsiqscript", "#zsiqwidget"},
		Links:   []linkRule{{"salesiq.zoho.*/signaturesupport.ls?widgetcode=", needMore}},
	},
}

// reservedNames are path segments of messaging hosts that are not a page or
// user to chat with (m.me/j/… joins a group, m.me/ch/… a channel).
var reservedNames = map[string]bool{"j": true, "ch": true, "share": true, "sharer": true}

// Chat entry-point vocabulary, folded (see package fold) at load time.
var (
	// chatPhrases name a chat plainly enough that a link or button carrying
	// one, leading to a chat page or run by script, is a chat entry point.
	chatPhrases = []string{
		"live chat", "livechat", "chat with us", "chat with an agent", "chat with a human",
		"chat with an expert", "chat with support", "chat to us", "chat now", "start a chat",
		"start chat", "start live chat", "chat online", "online chat", "web chat", "webchat",
		"chat support", "support chat", "open chat",
		"chat trực tuyến", "chat với chúng tôi", "chat ngay", "chat với nhân viên", "chat với tư vấn viên",
		"canlı destek", "canlı sohbet", "canlı yardım", "online sohbet",
		"chatten sie mit uns", "chat starten", "jetzt chatten", "live chat starten",
		"chat en vivo", "chatea con nosotros", "chat en línea", "iniciar chat",
		"chat en direct", "chat dal vivo", "chatta con noi", "chat ao vivo", "czat na żywo",
	}
	// weakChatWords name a chat too briefly to count on a link to a page;
	// they count on a control run by script (a button, href="#", onclick).
	weakChatWords = []string{"chat", "sohbet"}
	// notChatWords mark a messaging link as something else: following an
	// account or sharing a page.
	notChatWords = []string{"follow", "follow us", "theo dõi", "quan tâm", "takip", "takip et", "folgen", "suivre", "seguir", "share", "chia sẻ", "paylaş", "teilen", "partager", "compartir"}
)
