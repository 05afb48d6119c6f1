(self.webpackChunk_N_E = self.webpackChunk_N_E || []).push([[179], {}]);
(function () {
  var d = JSON.parse(document.getElementById('__NEXT_DATA__').textContent);
  var root = document.getElementById('__next');
  if (d.page === '/hoi-dap' && !root.firstChild) {
    var nav = d.props.pageProps.layout.nav, foot = d.props.pageProps.layout.footer;
    root.innerHTML = nav + '<main class="Faq_page__r2"><h1>Hỏi đáp cùng dược sĩ</h1>' +
      d.props.pageProps.groups.map(function (g) {
        return '<section class="Faq_group__t1"><h2>' + g.name + '</h2>' + g.items.map(function (it) {
          return '<article class="Faq_item__b7"><h3>' + it.q + '</h3><p>' + it.a + '</p></article>';
        }).join('') + '</section>';
      }).join('') + '</main>' + foot;
  }
  // <CustomerChat/>: Facebook Messenger chat plugin, mounted client-side.
  var box = document.createElement('div');
  box.id = 'fb-customer-chat';
  box.className = 'fb-customerchat';
  box.setAttribute('page_id', '104512345678901');
  box.setAttribute('attribution', 'biz_inbox');
  box.setAttribute('theme_color', '#0a7c3e');
  document.body.appendChild(box);
  window.fbAsyncInit = function () { FB.init({ xfbml: true, version: 'v18.0' }); };
  (function (d, s, id) {
    var js, fjs = d.getElementsByTagName(s)[0];
    if (d.getElementById(id)) return;
    js = d.createElement(s); js.id = id;
    js.src = 'https://connect.facebook.net/vi_VN/sdk/xfbml.customerchat.js';
    fjs.parentNode.insertBefore(js, fjs);
  }(document, 'script', 'facebook-jssdk'));
})();
