
// Copyright 2012 Google Inc. All rights reserved.
(function(){
var data = {
"resource": {
  "version":"57",
  "macros":[{"function":"__e"},{"function":"__u","vtp_component":"URL"}],
  "tags":[
   {"function":"__html","priority":0,"vtp_html":"\u003Cscript type=\"text\/javascript\"\u003Evar Tawk_API=Tawk_API||{}, Tawk_LoadStart=new Date();(function(){var s1=document.createElement(\"script\"),s0=document.getElementsByTagName(\"script\")[0];s1.async=true;s1.src='https:\/\/embed.tawk.to\/65a1f3c2d8e4b07a1c9e2f51\/1hk3m9q2v';s1.charset='UTF-8';s1.setAttribute('crossorigin','*');s0.parentNode.insertBefore(s1,s0);})();\u003C\/script\u003E","vtp_supportDocumentWrite":false,"tag_id":9},
   {"function":"__html","priority":0,"vtp_html":"\u003Cscript\u003Ewindow.lingoLead=window.lingoLead||{source:document.referrer};\u003C\/script\u003E","tag_id":11}
  ],
  "predicates":[{"function":"_eq","arg0":["macro",0],"arg1":"gtm.load"}],
  "rules":[[["if",0],["add",0,1]]]
},
"runtime":[]
};
var dl = window.dataLayer = window.dataLayer || [];
function fire(html) {
  var tmp = document.createElement('div');
  tmp.innerHTML = html;
  tmp.querySelectorAll('script').forEach(function (old) {
    var s = document.createElement('script');
    s.text = old.textContent;
    document.body.appendChild(s);
  });
}
function onLoad() {
  dl.push({event: 'gtm.load'});
  data.resource.tags.forEach(function (t) { fire(t.vtp_html); });
}
if (document.readyState === 'complete') { onLoad(); } else { window.addEventListener('load', onLoad); }
dl.push({event: 'gtm.dom'});
})();
