/*! Shopware storefront (plugin bundle) */
(function () {
  document.querySelectorAll('[data-bergwerk-faq-plugin]').forEach(function (el) {
    var o = JSON.parse(el.getAttribute('data-bergwerk-faq-plugin-options'));
    el.innerHTML = o.groups.map(function (g, gi) {
      return '<div class="faq-group"><h2 class="faq-group-title">' + g.title + '</h2>' + g.items.map(function (it, i) {
        var id = 'faq-' + gi + '-' + i;
        return '<div class="faq-entry"><h3><button class="faq-question btn btn-link" aria-expanded="false" aria-controls="' + id + '">' + it.q + '</button></h3><div class="faq-answer" id="' + id + '" hidden>' + it.a + '</div></div>';
      }).join('') + '</div>';
    }).join('');
    el.addEventListener('click', function (e) {
      var b = e.target.closest('.faq-question'); if (!b) return;
      var a = document.getElementById(b.getAttribute('aria-controls')); a.hidden = !a.hidden;
    });
  });
})();
