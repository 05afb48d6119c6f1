(function () {
  var st = window.__INITIAL_STATE__.helpCenter;
  var el = document.getElementById('app');
  var html = '<div class="hc" data-v-7a1c><h1 data-v-7a1c>' + st.title + '</h1>' +
    '<div class="hc-search" data-v-7a1c><input type="search" placeholder="Size nasıl yardımcı olabiliriz?"></div>' +
    st.sections.map(function (s) {
      return '<section class="hc-section" data-v-7a1c><h2>' + s.name + '</h2><ul>' + s.articles.map(function (a) {
        return '<li class="hc-article" data-v-7a1c><a href="#makale-' + a.id + '" class="hc-question">' + a.title + '</a><div class="hc-answer" id="makale-' + a.id + '">' + a.body + '</div></li>';
      }).join('') + '</ul></section>';
    }).join('') + '<p>Aradığınızı bulamadınız mı? Sağ alttaki canlı destekten bize yazın.</p></div>';
  el.innerHTML = html;
  el.addEventListener('click', function (e) {
    if (!e.target.classList.contains('hc-question')) return;
    e.preventDefault();
    var a = e.target.nextElementSibling; a.style.display = a.style.display === 'block' ? 'none' : 'block';
  });
})();
