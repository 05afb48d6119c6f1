/*! For license information please see main.3f9a1c2e.js.LICENSE.txt */
(function () {
  'use strict';
  var root = document.getElementById('root');
  var path = location.pathname.replace(/\/+$/, '') || '/';
  function h(html) { var d = document.createElement('div'); d.innerHTML = html; return d; }
  var header = '<header class="sc-bdVaJa kXwLqX"><a href="/" class="logo">NORTHWIND</a><nav><a href="/bikes/trail-9">Trail 9</a><a href="/bikes/city-3">City 3</a><a href="/about">About</a><a href="/faq">FAQ</a><a href="/contact">Contact</a><a href="/journal/live-chat-with-our-mechanics">Journal</a></nav><a class="cart" href="/cart">Cart</a></header>';
  var footer = '<footer class="sc-htpNat fJkcQn"><div><a href="/shipping-returns">Shipping &amp; returns</a> <a href="/warranty">Warranty</a> <a href="/privacy">Privacy</a> <a href="/faq">FAQ</a></div>' +
    '<p>Questions? Call 1-877-555-0163 &middot; ride@northwindbikes.com</p><p>&copy; 2025 Northwind Bikes LLC, 2100 Washington Ave N, Minneapolis, MN 55411</p>' +
    '<p><a href="https://www.instagram.com/northwindbikes">Instagram</a> <a href="https://www.youtube.com/@northwindbikes">YouTube</a></p></footer>';
  var pages = {
    '/': '<main><section class="hero"><h1>Ride further. Sweat less.</h1><p>Class 2 e-bikes designed and assembled in Minneapolis.</p><a href="/bikes/trail-9">Shop Trail 9 &ndash; $2,199</a></section><section><h2>30-day test ride. Free shipping.</h2></section></main>',
    '/about': '<main><h1>About Northwind</h1><p>Started in a garage in North Loop in 2019.</p></main>',
    '/contact': '<main><h1>Contact us</h1><p>Phone: 1-877-555-0163 (Mon&ndash;Sat 8am&ndash;6pm CT)<br>Email: ride@northwindbikes.com<br>Showroom: 2100 Washington Ave N, Minneapolis</p>' +
      '<form class="sc-contact" method="post" action="/api/contact"><label>Name<input name="name"/></label><label>Email<input type="email" name="email"/></label><label>Order or serial number<input name="ref"/></label><label>Message<textarea name="message"></textarea></label><button>Send</button></form></main>',
    '/shipping-returns': '<main><h1>Shipping &amp; returns</h1><p>Free shipping in the contiguous US. 30-day test ride with free returns.</p></main>',
    '/warranty': '<main><h1>Warranty</h1><p>Lifetime frame warranty; 2 years on motor and battery.</p></main>',
    '/privacy': '<main><h1>Privacy policy</h1><p>Contact privacy@northwindbikes.com.</p></main>',
    '/bikes/trail-9': '<main><h1>Trail 9</h1><p>$2,199 &middot; 750W hub motor, 672 Wh battery.</p><button>Add to cart</button></main>',
    '/bikes/city-3': '<main><h1>City 3</h1><p>$1,699 &middot; step-through frame.</p><button>Add to cart</button></main>',
    '/journal/live-chat-with-our-mechanics': '<main><article><h1>Live chat with our mechanics: winter tune-ups</h1><p>We sat down with our lead mechanic, Sam, to chat about keeping your e-bike happy through a Minnesota winter.</p></article></main>'
  };
  function render(main) {
    root.innerHTML = header + main + footer;
  }
  if (path === '/faq') {
    render('<main class="faq"><h1>Frequently asked questions</h1><div class="tabs" role="tablist"></div><div class="panels"><p class="loading">Loading&hellip;</p></div></main>');
    fetch('/api/faq.json').then(function (r) { return r.json(); }).then(function (d) {
      var cats = [];
      d.items.forEach(function (it) { if (cats.indexOf(it.category) < 0) cats.push(it.category); });
      var tabs = root.querySelector('.tabs'), panels = root.querySelector('.panels');
      tabs.innerHTML = cats.map(function (c, i) { return '<button role="tab" aria-selected="' + (i === 0) + '" data-i="' + i + '">' + c + '</button>'; }).join('');
      panels.innerHTML = cats.map(function (c, i) {
        return '<section role="tabpanel" data-i="' + i + '"' + (i ? ' hidden' : '') + '><h2>' + c + '</h2>' +
          d.items.filter(function (it) { return it.category === c; }).map(function (it) {
            return '<div class="faq-item"><button class="faq-q" aria-expanded="false">' + it.question + '</button><div class="faq-a" hidden>' + it.answer + '</div></div>';
          }).join('') + '</section>';
      }).join('');
      tabs.addEventListener('click', function (e) {
        var i = e.target.getAttribute('data-i'); if (i === null) return;
        panels.querySelectorAll('section').forEach(function (s) { s.hidden = s.getAttribute('data-i') !== i; });
      });
    });
  } else {
    render(pages[path] || '<main><h1>Page not found</h1></main>');
  }
  document.title = (document.querySelector('h1') || {}).textContent + ' | Northwind Bikes';
  // Zendesk messaging, loaded once the app has mounted.
  window.zESettings = { webWidget: { color: { theme: '#0b3d2e' } } };
  setTimeout(function () {
    var s = document.createElement('script');
    s.id = 'ze-snippet';
    s.src = 'https://static.zdassets.com/ekr/snippet.js?key=6e1b2c3d-4f5a-4b7c-8d9e-0a1b2c3d4e5f';
    document.body.appendChild(s);
  }, 0);
})();
