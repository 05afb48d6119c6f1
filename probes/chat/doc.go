// Package chat tells whether a company website offers live chat or
// messaging, and whose: a pure function of a crawled site (Probe) that
// fetches nothing.
//
// A chat shows in a page in several ways, and a detector needs them all
// together: the vendor's script (<script src>, or a URL built by an inline
// loader such as s.src="https://embed.tawk.to/…"), the globals its inline
// snippet sets or calls (window.intercomSettings =, Tawk_API, $crisp,
// drift.load(…)), the widget's own elements and iframes
// (#hubspot-messages-iframe-container, .zalo-chat-widget), click-to-chat
// links (wa.me/<number>, m.me/<page>, zalo.me/<number>), and, on rendered
// pages, the globals defined on window (Page.Globals). Static HTML shows only what the page source
// holds; widgets injected late by tag managers show only on rendered pages.
// A visible "Live chat" / "Chat with us" / "Chat trực tuyến" / "Canlı
// destek" control that opens a chat, with no vendor behind it that the
// probe knows, makes Present true with no vendor.
//
// # One table
//
// Every signature lives in one Go table, vendors in signatures.go, with the
// words that name a chat entry point. A Go table rather than an embedded data
// file because some signatures need more than a string — a WhatsApp link is
// chat only with a phone number, a Freshworks script only with chat="true" —
// and the compiler and the table's own test check every entry; each entry has
// a test that builds a page from it.
//
// # What does not count
//
//   - a vendor named in prose, a link to a vendor's home page, a help centre
//     hosted by a vendor (acme.zendesk.com/hc, intercom.help/acme,
//     acme.freshdesk.com/support, a Zendesk help centre's own
//     static.zdassets.com/hc/ assets);
//   - a vendor's analytics or marketing tag: HubSpot's js.hs-scripts.com alone
//     (its chat is js.usemessages.com, #hubspot-messages-iframe-container or
//     HubSpotConversations), Facebook's pixel or plain SDK without the chat
//     plugin, Zalo's SDK with only share or follow buttons;
//   - markup in HTML comments, and code in JavaScript comments: a snippet
//     commented out is not installed;
//   - code that only tests for a vendor's global before using it, as themes
//     do (if (window.Intercom) Intercom("update")): a global the code guards
//     and never assigns is not an install;
//   - share links (api.whatsapp.com/send?text=… with no phone, wa.me/?text=),
//     group invitations (m.me/j/…, chat.whatsapp.com), and messaging links
//     whose own label says follow or share;
//   - a link merely titled "Chat" to some page, and a "live chat" phrase
//     outside a link or button.
//
// # Judgement calls
//
//   - A script held back by a consent manager (type="text/plain"
//     data-cookieconsent=…, data-src) counts: the widget loads as soon as
//     the visitor consents, so the site does offer chat.
//   - zalo.me/<phone or account id> counts wherever it stands, the footer's
//     social-icon row included: the link opens a conversation with the
//     business in Zalo, Vietnam's main messenger, and Vietnamese sites put
//     it there as their messaging channel. It does not count when its own
//     label says follow ("Theo dõi", "Quan tâm", "Follow us"). The same holds
//     for m.me and wa.me links.
//   - freshchat includes Freshdesk's help widget (widget.freshworks.com,
//     fwSettings, FreshworksWidget), which the Freshdesk Omni edition uses
//     to carry chat, as the project's vendor table lists it.
//   - Generic entry points are reported only when no vendor is found: a
//     "Live chat" button on a site with Intercom opens Intercom. A generic
//     control hidden by its markup does not count; a vendor's widget element
//     or click-to-chat link does, hidden or not, since widgets start hidden
//     and show themselves.
//   - <link rel=preload as=script> of a vendor's script counts (the page
//     loads it); preconnect and dns-prefetch hints do not.
//   - Facebook's SDK global FB and Zalo's ZaloSocialSDK are no signature:
//     both SDKs also draw like, share and follow buttons. Meta retired the
//     Messenger chat plugin in 2024; pages still carrying it count.
//   - A vendor's script host written in inline code counts even without a
//     scheme, since some loaders build the URL from a bare host (Olark,
//     Subiz). A consent manager's inline configuration that lists vendors'
//     hosts it would block therefore reads as those vendors: a known limit.
//
// Each vendor is reported once, with at most MaxEvidence rows of evidence,
// however many pages show it: distinct rows, one of each kind of signal
// first. The probe reads each page in one walk of its shared tree and costs
// less than parsing the page did (see BenchmarkProbe).
package chat
