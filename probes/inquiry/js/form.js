({
  // scan describes the page's forms and its CAPTCHAs.
  scan: function() {
    var captcha = '';
    var srcs = Array.from(document.querySelectorAll('script[src], iframe[src]')).map(function(e){ return e.src; });
    srcs.forEach(function(s){
      if (/recaptcha\/(api|enterprise)\.js|google\.com\/recaptcha|recaptcha\.net/i.test(s)) captcha = captcha || 'reCAPTCHA';
      else if (/hcaptcha\.com/i.test(s)) captcha = captcha || 'hCaptcha';
      else if (/challenges\.cloudflare\.com\/turnstile/i.test(s)) captcha = captcha || 'Cloudflare Turnstile';
    });
    if (!captcha) {
      if (document.querySelector('.g-recaptcha, [data-sitekey].g-recaptcha, #g-recaptcha-response, textarea[name="g-recaptcha-response"]')) captcha = 'reCAPTCHA';
      else if (document.querySelector('.h-captcha, textarea[name="h-captcha-response"]')) captcha = 'hCaptcha';
      else if (document.querySelector('.cf-turnstile, input[name="cf-turnstile-response"]')) captcha = 'Cloudflare Turnstile';
      else if (document.querySelector('[data-sitekey]')) captcha = 'CAPTCHA widget';
      else {
        var img = Array.from(document.querySelectorAll('input, img')).find(function(e){
          return /captcha/i.test((e.name||'') + ' ' + (e.id||'') + ' ' + (e.getAttribute('alt')||'') + ' ' + (e.getAttribute('src')||'') + ' ' + (e.className||''));
        });
        if (img) captcha = 'image CAPTCHA';
      }
    }
    function labelOf(el) {
      var t = [];
      if (el.labels) Array.from(el.labels).forEach(function(l){ t.push(l.innerText); });
      var lb = el.getAttribute('aria-labelledby');
      if (lb) lb.split(/\s+/).forEach(function(id){ var e = document.getElementById(id); if (e) t.push(e.innerText); });
      return t.join(' ').replace(/\s+/g, ' ').trim();
    }
    function hiddenWhy(el) {
      if (el.type === 'hidden') return 'type=hidden';
      for (var e = el; e && e !== document.body; e = e.parentElement) {
        var cs = getComputedStyle(e);
        if (cs.display === 'none') return 'display:none';
        if (cs.visibility === 'hidden' || cs.visibility === 'collapse') return 'visibility:hidden';
        if (parseFloat(cs.opacity) === 0) return 'opacity:0';
        if (e.getAttribute('aria-hidden') === 'true') return 'aria-hidden';
        if (e.hidden) return 'hidden';
      }
      var r = el.getBoundingClientRect();
      if (r.width < 2 || r.height < 2) return 'no size';
      if (r.right < 0 || r.bottom < 0 || r.left > innerWidth + 2000 || r.top > document.documentElement.scrollHeight + 2000) return 'off-screen';
      if (el.tabIndex < 0) return 'tabindex=-1';
      return '';
    }
    function around(form) {
      var t = [];
      var n = form;
      for (var i = 0; i < 3 && n && n !== document.body; i++) {
        var s = n.previousElementSibling;
        if (s && s.innerText && s.innerText.length < 200) t.push(s.innerText);
        n = n.parentElement;
      }
      return t.join(' ');
    }
    var forms = Array.from(document.forms).map(function(f, fi) {
      var fields = Array.from(f.elements).map(function(el, i) {
        var tag = el.tagName.toLowerCase();
        if (tag !== 'input' && tag !== 'textarea' && tag !== 'select') return null;
        return {index: i, tag: tag, type: (el.type || '').toLowerCase(), name: el.name || '', id: el.id || '',
          placeholder: el.getAttribute('placeholder') || '', aria: el.getAttribute('aria-label') || '',
          title: el.getAttribute('title') || '', autocomplete: el.getAttribute('autocomplete') || '',
          label: labelOf(el), required: !!el.required || el.getAttribute('aria-required') === 'true',
          hidden: hiddenWhy(el),
          options: tag === 'select' ? Array.from(el.options).map(function(o){ return o.value; }) : null};
      }).filter(Boolean);
      var buttons = Array.from(f.querySelectorAll('button, input[type=submit], input[type=image]')).map(function(b){ return (b.innerText || b.value || b.getAttribute('aria-label') || '').trim(); });
      return {index: fi, action: f.getAttribute('action') || '', method: (f.method || 'get').toLowerCase(),
        role: f.getAttribute('role') || '', attrs: [f.id, f.className, f.name].join(' '),
        buttons: buttons.join(' '), around: around(f), fields: fields};
    });
    return {captcha: captcha, forms: forms, text: document.body ? document.body.innerText : ''};
  },
  // fill sets the planned values: {index: value} ("check" ticks a box).
  fill: function(fi, plan) {
    var f = document.forms[fi];
    Object.keys(plan).forEach(function(k) {
      var el = f.elements[+k], v = plan[k];
      el.focus();
      if (el.type === 'checkbox' || el.type === 'radio') { if (!el.checked) el.click(); }
      else {
        var proto = el.tagName === 'TEXTAREA' ? HTMLTextAreaElement.prototype : el.tagName === 'SELECT' ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
        Object.getOwnPropertyDescriptor(proto, 'value').set.call(el, v);
        el.dispatchEvent(new Event('input', {bubbles: true}));
        el.dispatchEvent(new Event('change', {bubbles: true}));
      }
      el.blur();
    });
    return true;
  },
  // submit submits the form as a visitor does; an invalid form is not
  // submitted and its first validation message returned.
  submit: function(fi) {
    var f = document.forms[fi];
    if (!f.checkValidity()) {
      var bad = Array.from(f.elements).find(function(e){ return e.willValidate && !e.checkValidity(); });
      return {ok: false, message: bad ? ((bad.name || bad.id) + ': ' + bad.validationMessage) : 'the form is not valid'};
    }
    var b = f.querySelector('button[type=submit], button:not([type]), input[type=submit], input[type=image]');
    setTimeout(function(){
      if (f.requestSubmit) f.requestSubmit(b && b.form === f && b.type === 'submit' ? b : undefined);
      else if (b) b.click(); else f.submit();
    }, 0);
    return {ok: true, message: ''};
  },
  // outcome is what the page shows now.
  outcome: function() {
    var nav = performance.getEntriesByType('navigation')[0];
    var pick = function(sel) {
      return Array.from(document.querySelectorAll(sel)).filter(function(e){ return e.offsetParent !== null && e.innerText.trim(); }).map(function(e){ return e.innerText.trim(); }).join(' | ');
    };
    return {url: location.href, status: nav && nav.responseStatus ? nav.responseStatus : 0,
      text: document.body ? document.body.innerText : '',
      success: pick('.alert-success, .success, .wpcf7-mail-sent-ok, .form-success, .thank-you, [class*="success"]'),
      error: pick('[role=alert], .error, .errors, .alert-danger, .invalid-feedback, .wpcf7-not-valid-tip, [class*="error"]')};
  }
})
