// Package crawler fetches a company website the way a customer would and
// returns it as a Site: a plain, serialisable value holding every page that
// was fetched, decoded to UTF-8, with helpers to read each page's parsed
// document and visible text.
//
// The crawler knows nothing of phone numbers, FAQs or chat widgets: which
// links matter most is decided by a Priority function the caller supplies.
// It obeys robots.txt, names itself in its User-Agent, rate-limits per host,
// bounds pages, depth and infinite link spaces, and refuses private and
// loopback addresses unless told otherwise.
//
// One crawl loop serves two fetchers. Every page is fetched statically
// first; when Options.Renderer is set, the pages Options.RenderPage picks
// are loaded again in a browser, and the rendered DOM replaces the static
// HTML (Page.Rendered), with the globals scripts defined, the text of the
// first screen at each viewport (Page.Fold) and, when asked, a screenshot.
// Links in the rendered DOM are followed too. Scope, depth, robots.txt and
// limits are the loop's, whichever fetcher read the page.
package crawler
