/*! gatsby app bundle */
(function () {
  var faq = [{"q": "Is there a free plan?", "a": "Yes. Quillpad Free includes 3 notebooks and 1 GB of storage."}, {"q": "Can I cancel anytime?", "a": "Yes, cancel from Settings and you keep Pro until the end of the period."}, {"q": "Do you offer student discounts?", "a": "Students and teachers get 50% off Pro with a school email."}, {"q": "What happens to my notes if I downgrade?", "a": "Nothing is deleted; notebooks over the limit become read-only."}, {"q": "Do you offer refunds?", "a": "We refund annual plans within 14 days of purchase."}, {"q": "Is my data encrypted?", "a": "Yes, in transit and at rest; end-to-end encryption is available on Pro."}];
  var root = document.getElementById('pricing-faq-root');
  if (root) {
    root.innerHTML = faq.map(function (f, i) {
      return '<div class="disclosure"><button class="disclosure__btn" id="headlessui-disclosure-button-' + i + '" aria-expanded="false" type="button"><span>' + f.q + '</span></button><div class="disclosure__panel" hidden>' + f.a + '</div></div>';
    }).join('');
    root.addEventListener('click', function (e) { var b = e.target.closest('button'); if (b) { var p = b.nextElementSibling; p.hidden = !p.hidden; } });
  }
  // gatsby-browser.js onInitialClientRender: Zoho SalesIQ
  window.$zoho = window.$zoho || {};
  $zoho.salesiq = $zoho.salesiq || { ready: function () {} };
  function addSiq() {
    var s = document.createElement('script');
    s.id = 'zsiqscript';
    s.src = 'https://salesiq.zohopublic.com/widget?wc=siq3f8a1c92b7e4d05f6a2b9c8d7e1f0a3b4c5d6e7f8a9b0c1d2e3f4a5b6c7d8e9f0';
    s.defer = true;
    document.body.appendChild(s);
  }
  if (document.readyState === 'complete') addSiq(); else window.addEventListener('load', addSiq);
})();
