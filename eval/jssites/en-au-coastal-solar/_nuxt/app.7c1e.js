(window.webpackJsonp=window.webpackJsonp||[]).push([[1],{}]);
(function () {
  var N = window.__NUXT__, d = N.data[0] || {}, route = N.routePath;
  function esc(s) { return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;'); }
  var header = '<header class="site-header"><a href="/" class="nuxt-link-active">Coastal Solar</a><nav><a href="/solar-panels">Solar panels</a><a href="/batteries">Batteries</a><a href="/help">Help centre</a><a href="/contact">Contact</a></nav>' +
    '<a class="phone" href="tel:1300657421">1300 657 421</a><button class="chat-cta" type="button" onclick="window.HubSpotConversations &amp;&amp; window.HubSpotConversations.widget.open()">Chat with an energy advisor</button></header>';
  var footer = '<footer><p>Coastal Solar Pty Ltd &middot; ABN 51 824 753 556 &middot; CEC Approved Retailer</p><p>12 Brisbane Rd, Mooloolaba QLD 4557 &middot; 1300 657 421 &middot; hello@coastalsolar.com.au</p>' +
    '<p><a href="/help">Help centre</a> <a href="/warranty">Warranty</a> <a href="/privacy">Privacy</a> <a href="https://www.facebook.com/coastalsolarqld">Facebook</a></p></footer>';
  function qa(list) {
    return '<ul class="faq">' + list.map(function (x) { return '<li class="faq__item"><h3 class="faq__q">' + esc(x.q) + '</h3><div class="faq__a">' + esc(x.a) + '</div></li>'; }).join('') + '</ul>';
  }
  var main;
  if (route === '/help') {
    main = '<main class="help"><h1>Help centre</h1><input type="search" placeholder="Search help articles"><h2>Popular questions</h2>' + qa(d.popular) +
      '<h2>Browse by topic</h2><ul class="topics">' + d.topics.map(function (t) { return '<li><a href="/help/' + t.slug + '">' + esc(t.title) + ' (' + t.count + ')</a></li>'; }).join('') + '</ul></main>';
  } else if (route.indexOf('/help/') === 0) {
    main = '<main class="help"><nav class="crumbs"><a href="/help">Help centre</a> / ' + esc(d.title) + '</nav><h1>' + esc(d.title) + '</h1>' + qa(d.questions) + '</main>';
  } else {
    main = '<main>' + d.html + '</main>';
  }
  document.getElementById('__nuxt').innerHTML = '<div id="__layout"><div>' + header + main + footer + '</div></div>';
  // Open the HubSpot chat when the widget is ready.
  window.hsConversationsOnReady = [function () { window.HubSpotConversations.widget.load(); }];
})();
