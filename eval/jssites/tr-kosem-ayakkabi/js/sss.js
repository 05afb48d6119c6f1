(function () {
  var box = document.getElementById('sssListe');
  fetch('/api/sss/' + box.getAttribute('data-kategori') + '.json', { headers: { 'Accept': 'application/json' } })
    .then(function (r) { return r.json(); })
    .then(function (d) {
      box.innerHTML = d.sorular.map(function (s, i) {
        return '<div class="sssItem" id="sss' + i + '"><div class="sssSoru" onclick="this.nextElementSibling.style.display=\'block\'">' + s.soru + '</div><div class="sssCevap">' + s.cevap + '</div></div>';
      }).join('');
    })
    .catch(function () { box.innerHTML = 'Sorular yüklenemedi.'; });
})();
