(self.webpackChunk_N_E=self.webpackChunk_N_E||[]).push([[888],{}]);
(function () {
  var data = JSON.parse(document.getElementById('__NEXT_DATA__').textContent);
  var p = data.props.pageProps;
  function esc(s) { return String(s).replace(/[&<>]/g, function (c) { return {'&':'&amp;','<':'&lt;','>':'&gt;'}[c]; }); }
  function nav() {
    return '<header class="Header_root__x1"><a href="/" class="Header_logo__a2">ParcelPilot</a><nav>' +
      '<a href="/pricing">Pricing</a><a href="/integrations">Integrations</a><a href="/help">Help center</a><a href="/contact">Contact</a>' +
      '<a href="https://app.parcelpilot.io/login">Log in</a><a class="btn" href="https://app.parcelpilot.io/signup">Start free trial</a></nav></header>';
  }
  function foot() {
    return '<footer class="Footer_root__k3"><div><a href="/help">Help center</a> <a href="/contact">Contact</a> <a href="/legal/privacy">Privacy</a> <a href="/legal/terms">Terms</a> <a href="/legal/refunds">Refund policy</a></div>' +
      '<p>support@parcelpilot.io &middot; 548 Market St, San Francisco, CA 94104</p>' +
      '<p><a href="https://www.linkedin.com/company/parcelpilot">LinkedIn</a> <a href="https://x.com/parcelpilot">X</a></p><p>&copy; 2025 ParcelPilot, Inc.</p></footer>';
  }
  function faqList(items) {
    return items.map(function (it, i) {
      return '<div class="Faq_item__q9"><h3><button aria-expanded="false" aria-controls="a' + i + '" class="Faq_q__z1">' + esc(it.q) +
        '</button></h3><div id="a' + i + '" class="Faq_a__p0" hidden><p>' + esc(it.a) + '</p></div></div>';
    }).join('');
  }
  var body = '';
  switch (data.page) {
  case '/':
    body = '<section class="Hero_root__m1"><h1>Ship faster. Pay less for postage.</h1><p>Up to 89% off USPS and UPS rates for growing online stores.</p><a class="btn" href="https://app.parcelpilot.io/signup">Start free trial</a></section>' +
      '<section><h2>Loved by 12,000+ merchants</h2><p>&ldquo;We cut our shipping cost by a third.&rdquo; &mdash; Bean Box</p></section>';
    break;
  case '/help':
    body = '<main class="Help_root__c4"><h1>Help center</h1><p>Answers to common questions. Still stuck? Chat with us using the bubble below, or email support@parcelpilot.io.</p>' +
      p.categories.map(function (c) { return '<section><h2>' + esc(c.title) + '</h2>' + faqList(c.questions) + '</section>'; }).join('') + '</main>';
    break;
  case '/pricing':
    body = '<main><h1>Pricing</h1><div class="Plans"><div><h2>Starter</h2><p>$0/mo</p></div><div><h2>Growth</h2><p>$49/mo</p></div><div><h2>Enterprise</h2><p>Custom</p></div></div>' +
      '<section><h2>Pricing FAQ</h2>' + faqList(p.faq) + '<a href="/help">More answers in the Help center</a></section></main>';
    break;
  case '/contact':
    body = '<main><h1>Contact us</h1><p>Support: support@parcelpilot.io (24/7 chat for all plans)</p><p>Sales: sales@parcelpilot.io or call (415) 555-0187</p>' +
      '<form class="Contact_form__r2" action="/api/contact" method="post"><label>Name<input name="name"></label><label>Work email<input type="email" name="email"></label><label>How can we help?<textarea name="message"></textarea></label><button type="submit">Send message</button></form></main>';
    break;
  default:
    body = '<main><h1>' + esc(p.title) + '</h1>' + p.html + '</main>';
  }
  document.getElementById('__next').innerHTML = nav() + body + foot();
  document.querySelectorAll('.Faq_q__z1').forEach(function (b) {
    b.addEventListener('click', function () {
      var a = document.getElementById(b.getAttribute('aria-controls'));
      a.hidden = !a.hidden; b.setAttribute('aria-expanded', String(!a.hidden));
    });
  });
})();
