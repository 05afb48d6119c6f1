package chat

// Install snippets modelled on each vendor's published install code (ids
// made up), as a site pastes them before </body>.
var installSnippets = []struct {
	vendor  string
	html    string
	signals []string // signal kinds the snippet must produce
}{
	// Vendors outside the contract's ids: present, named in other_vendors.
	{"iadvize", `<script>
  window.iAdvizeInterface = window.iAdvizeInterface || [];
  iAdvizeInterface.config = { "sid": 8841, "lang": "fr" };
</script>
<script src="https://halc.iadvize.com/iadvize.js" async></script>`, []string{SignalScriptHost, SignalInlineGlobal}},
	{"chatra", `<script>
    (function(d, w, c) {
        w.ChatraID = 'aBcD1234xyz';
        var s = d.createElement('script');
        w[c] = w[c] || function() { (w[c].q = w[c].q || []).push(arguments); };
        s.async = true;
        s.src = 'https://call.chatra.io/chatra.js';
        if (d.head) d.head.appendChild(s);
    })(document, window, 'Chatra');
</script>`, []string{SignalScriptHost, SignalInlineGlobal}},
	{"helpcrunch", `<script type="text/javascript">
  window.helpcrunchSettings = { organization: 'acme', appId: '1a2b3c' };
</script>
<script type="text/javascript">
  (function(w,d){var hS=w.helpcrunchSettings;if(!hS||!hS.organization){return;}var widgetSrc='https://'+hS.organization+'.widget.helpcrunch.com/';w.HelpCrunch=function(){w.HelpCrunch.q.push(arguments)};w.HelpCrunch.q=[];function r(){if (d.querySelector('script[src="' + widgetSrc + '"')) { return; }var s=d.createElement('script');s.async=1;s.type='text/javascript';s.src=widgetSrc;(d.body||d.head).appendChild(s);}if(d.readyState === 'complete'||hS.loadImmediately){r();} else if(w.attachEvent){w.attachEvent('onload',r)}else{w.addEventListener('load',r,false)}})(window, document);
</script>
<script src="https://widget.helpcrunch.com/loader.js" async></script>`, []string{SignalScriptHost, SignalInlineGlobal}},
	{"kommunicate", `<script type="text/javascript">
    (function(d, m){
        var kommunicateSettings = {"appId":"2f1e3d","popupWidget":true,"automaticChatOpenOnNavigation":true};
        var s = document.createElement("script"); s.type = "text/javascript"; s.async = true;
        s.src = "https://widget.kommunicate.io/v2/kommunicate.app";
        var h = document.getElementsByTagName("head")[0]; h.appendChild(s);
        window.kommunicate = m; m._globals = kommunicateSettings;
    })(document, window.kommunicate || {});
</script>`, []string{SignalScriptHost, SignalInlineGlobal}},
	{"liveagent", `<script type="text/javascript">
(function(d, src, c) { var t=d.scripts[d.scripts.length - 1],s=d.createElement('script');s.id='la_x2s6df8d';s.async=true;s.src=src;s.onload=s.onreadystatechange=function(){var rs=this.readyState;if(rs&&(rs!='complete')&&(rs!='loaded')){return;}c(this);};t.parentElement.insertBefore(s,t.nextSibling);})(document,
'https://acme.ladesk.com/scripts/track.js',
function(e){ LiveAgent.createButton('a1b2c3d4', e); });
</script>`, []string{SignalScriptHost, SignalInlineGlobal}},
	{"reamaze", `<script type="text/javascript" async src="https://cdn.reamaze.com/assets/reamaze.js"></script>
<script type="text/javascript">
  var _support = _support || { 'ui': {}, 'user': {} };
  _support['account'] = 'acme';
  _support['ui']['contactMode'] = 'default';
</script>`, []string{SignalScriptHost}},
	{"snapengage", `<script type="text/javascript">
  (function() {
    var se = document.createElement('script'); se.type = 'text/javascript'; se.async = true;
    se.src = 'https://storage.googleapis.com/code.snapengage.com/js/5e1b1a2c-0000-4c3d-9e8f-1234567890ab.js';
    var done = false;
    se.onload = se.onreadystatechange = function() {
      if (!done&&(!this.readyState||this.readyState==='loaded'||this.readyState==='complete')) {
        done = true;
        SnapEngage.setCallback('Open', function() {});
      }
    };
    var s = document.getElementsByTagName('script')[0]; s.parentNode.insertBefore(se, s);
  })();
</script>`, []string{SignalScriptHost, SignalInlineGlobal}},
	{"trengo", `<script type="text/javascript">
  window.Trengo = window.Trengo || {};
  window.Trengo.key = 'AbCdEf123456';
  (function(d, script, t) {
      script = d.createElement('script');
      script.type = 'text/javascript';
      script.async = true;
      script.src = 'https://static.widget.trengo.eu/embed.js';
      d.getElementsByTagName('head')[0].appendChild(script);
  }(document));
</script>`, []string{SignalScriptHost, SignalInlineGlobal}},
	{"chaport", `<script type="text/javascript">
(function(w,d,v3){
w.chaportConfig = { appId : '5f1e2d3c4b5a697887766554' };
if(w.chaport)return;v3=w.chaport={};v3._q=[];v3._l={};v3.q=function(){v3._q.push(arguments)};v3.on=function(e,fn){if(!v3._l[e])v3._l[e]=[];v3._l[e].push(fn)};var s=d.createElement('script');s.type='text/javascript';s.async=true;s.src='https://app.chaport.com/javascripts/insert.js';var ss=d.getElementsByTagName('script')[0];ss.parentNode.insertBefore(s,ss)})(window, document);
</script>`, []string{SignalScriptHost, SignalInlineGlobal}},

	{"intercom", `<script>
  window.intercomSettings = {
    api_base: "https://api-iam.intercom.io",
    app_id: "wr3d7un7",
  };
</script>
<script>
// We pre-filled your app ID in the widget URL: 'https://widget.intercom.io/widget/wr3d7un7'
(function(){var w=window;var ic=w.Intercom;if(typeof ic==="function"){ic('reattach_activator');ic('update',w.intercomSettings);}else{var d=document;var i=function(){i.c(arguments);};i.q=[];i.c=function(args){i.q.push(args);};w.Intercom=i;var l=function(){var s=d.createElement('script');s.type='text/javascript';s.async=true;s.src='https://widget.intercom.io/widget/wr3d7un7';var x=d.getElementsByTagName('script')[0];x.parentNode.insertBefore(s,x);};if(document.readyState==='complete'){l();}else if(w.attachEvent){w.attachEvent('onload',l);}else{w.addEventListener('load',l,false);}}})();
</script>`, []string{SignalScriptHost, SignalInlineGlobal}},

	{"zendesk", `<!-- Start of acme Zendesk Widget script -->
<script id="ze-snippet" src="https://static.zdassets.com/ekr/snippet.js?key=8bb05e85-210f-4ecb-bc79-edcfbe4ad3aa"> </script>
<!-- End of acme Zendesk Widget script -->
<script type="text/javascript">
  window.zESettings = { webWidget: { color: { theme: '#78a300' } } };
  zE('messenger:set', 'locale', 'en-US');
</script>`, []string{SignalScriptHost, SignalInlineGlobal, SignalDOM}},

	{"zendesk", `<!--Start of Zendesk Chat Script-->
<script type="text/javascript">
window.$zopim||(function(d,s){var z=$zopim=function(c){z._.push(c)},$=z.s=
d.createElement(s),e=d.getElementsByTagName(s)[0];z.set=function(o){z.set.
_.push(o)};z._=[];z.set._=[];$.async=!0;$.setAttribute("charset","utf-8");
$.src="https://v2.zopim.com/?4kHHqkbYw5gyGlJ1HqLZbpPzmqIWeTCf";z.t=+new Date;$.
type="text/javascript";e.parentNode.insertBefore($,e)})(document,"script");
</script>
<!--End of Zendesk Chat Script-->`, []string{SignalScriptHost, SignalInlineGlobal}},

	{"drift", `<!-- Start of Async Drift Code -->
<script>
"use strict";

!function() {
  var t = window.driftt = window.drift = window.driftt || [];
  if (!t.init) {
    if (t.invoked) return void (window.console && console.error && console.error("Drift snippet included twice."));
    t.invoked = !0, t.methods = [ "identify", "config", "track", "reset", "debug", "show", "ping", "page", "hide", "off", "on" ],
    t.factory = function(e) {
      return function() {
        var n = Array.prototype.slice.call(arguments);
        return n.unshift(e), t.push(n), t;
      };
    }, t.methods.forEach(function(e) {
      t[e] = t.factory(e);
    }), t.load = function(t) {
      var e = 3e5, n = Math.ceil(new Date() / e) * e, o = document.createElement("script");
      o.type = "text/javascript", o.async = !0, o.crossorigin = "anonymous", o.src = "https://js.driftt.com/include/" + n + "/" + t + ".js";
      var i = document.getElementsByTagName("script")[0];
      i.parentNode.insertBefore(o, i);
    };
  }
}();
drift.SNIPPET_VERSION = '0.3.1';
drift.load('k8b3ndx2fh6c');
</script>
<!-- End of Async Drift Code -->`, []string{SignalScriptHost, SignalInlineGlobal}},

	{"livechat", `<!-- Start of LiveChat (www.livechat.com) code -->
<script>
    window.__lc = window.__lc || {};
    window.__lc.license = 12345678;
    window.__lc.integration_name = "manual_channels";
    window.__lc.product_name = "livechat";
    ;(function(n,t,c){function i(n){return e._h?e._h.apply(null,n):e._q.push(n)}var e={_q:[],_h:null,_v:"2.0",on:function(){i(["on",c.call(arguments)])},once:function(){i(["once",c.call(arguments)])},off:function(){i(["off",c.call(arguments)])},get:function(){if(!e._h)throw new Error("[LiveChatWidget] You can't use getters before load.");return i(["get",c.call(arguments)])},call:function(){i(["call",c.call(arguments)])},init:function(){var n=t.createElement("script");n.async=!0,n.type="text/javascript",n.src="https://cdn.livechatinc.com/tracking.js",t.head.appendChild(n)}};!n.__lc.asyncInit&&e.init(),n.LiveChatWidget=n.LiveChatWidget||e}(window,document,[].slice))
</script>
<noscript><a href="https://www.livechat.com/chat-with/12345678/" rel="nofollow">Chat with us</a>, powered by <a href="https://www.livechat.com/?welcome" rel="noopener nofollow" target="_blank">LiveChat</a></noscript>
<!-- End of LiveChat code -->`, []string{SignalScriptHost, SignalInlineGlobal}},

	{"tawkto", `<!--Start of Tawk.to Script-->
<script type="text/javascript">
var Tawk_API=Tawk_API||{}, Tawk_LoadStart=new Date();
(function(){
var s1=document.createElement("script"),s0=document.getElementsByTagName("script")[0];
s1.async=true;
s1.src='https://embed.tawk.to/5f1a2b3c4d5e6f7a8b9c0d1e/1edc2b3a4';
s1.charset='UTF-8';
s1.setAttribute('crossorigin','*');
s0.parentNode.insertBefore(s1,s0);
})();
</script>
<!--End of Tawk.to Script-->`, []string{SignalScriptHost, SignalInlineGlobal}},

	{"crisp", `<script type="text/javascript">window.$crisp=[];window.CRISP_WEBSITE_ID="7b8c9d0e-1f2a-4b3c-8d4e-5f6a7b8c9d0e";(function(){d=document;s=d.createElement("script");s.src="https://client.crisp.chat/l.js";s.async=1;d.getElementsByTagName("head")[0].appendChild(s);})();</script>`,
		[]string{SignalScriptHost, SignalInlineGlobal}},

	{"hubspot", `<script type="text/javascript" id="hs-script-loader" async defer src="//js.hs-scripts.com/1234567.js"></script>
<script>
  window.hsConversationsSettings = { loadImmediately: false };
  window.hsConversationsOnReady = [function () { window.HubSpotConversations.widget.load(); }];
</script>`, []string{SignalInlineGlobal}},

	{"freshchat", `<script>
  function initFreshChat() {
    window.fcWidget.init({
      token: "2ab3c4d5-e6f7-8a9b-0c1d-2e3f4a5b6c7d",
      host: "https://wchat.freshchat.com"
    });
  }
  function initialize(i,t){var e;i.getElementById(t)?initFreshChat():((e=i.createElement("script")).id=t,e.async=!0,e.src="https://wchat.freshchat.com/js/widget.js",e.onload=initFreshChat,i.head.appendChild(e))}function initiateCall(){initialize(document,"Freshchat-js-sdk")}window.addEventListener?window.addEventListener("load",initiateCall,!1):window.attachEvent("load",initiateCall,!1);
</script>`, []string{SignalScriptHost, SignalInlineGlobal}},

	{"freshchat", `<script src="//fw-cdn.com/10934730/3686453.js" chat="true"></script>`, []string{SignalScriptHost}},

	{"freshchat", `<script>
	window.fwSettings={
	'widget_id':12000000025
	};
	!function(){if("function"!=typeof window.FreshworksWidget){var n=function(){n.q.push(arguments)};n.q=[],window.FreshworksWidget=n}}()
</script>
<script type='text/javascript' src='https://widget.freshworks.com/widgets/12000000025.js' async defer></script>`,
		[]string{SignalScriptHost, SignalInlineGlobal}},

	{"olark", `<!-- begin olark code -->
<script type="text/javascript" async> ;(function(o,l,a,r,k,y){if(o.olark)return;
r="script";y=l.createElement(r);r=l.getElementsByTagName(r)[0];
y.async=1;y.src="//"+a;r.parentNode.insertBefore(y,r);
y=o.olark=function(){k.s.push(arguments);k.t.push(+new Date)};
y.extend=function(i,j){y("extend",i,j)};
y.identify=function(i){y("identify",k.i=i)};
y.configure=function(i,j){y("configure",i,j);k.c[i]=j};
k=y._={s:[],t:[+new Date],c:{},l:a};
})(window,document,"static.olark.com/jsclient/loader.js");
/* custom configuration goes here (www.olark.com/documentation) */
olark.identify('1234-567-89-0123');</script>
<!-- end olark code -->`, []string{SignalScriptHost, SignalInlineGlobal}},

	{"tidio", `<script src="//code.tidio.co/abcdefghijklmnopqrstuvwxyz123456.js" async></script>`, []string{SignalScriptHost}},

	{"liveperson", `<!-- BEGIN LivePerson Monitor. -->
<script type="text/javascript">window.lpTag=window.lpTag||{},"undefined"==typeof window.lpTag._tagCount?(window.lpTag={wl:lpTag.wl||null,scp:lpTag.scp||null,site:"12345678"||"",section:lpTag.section||"",tagletSection:lpTag.tagletSection||null,autoStart:lpTag.autoStart!==!1,ovr:lpTag.ovr||{},_v:"1.10.0",_tagCount:1,protocol:"https:",events:{bind:function(t,e,i){lpTag.defer(function(){lpTag.events.bind(t,e,i)},0)},trigger:function(t,e,i){lpTag.defer(function(){lpTag.events.trigger(t,e,i)},1)}},defer:function(t,e){0===e?(this._defB=this._defB||[],this._defB.push(t)):1===e?(this._defT=this._defT||[],this._defT.push(t)):(this._defL=this._defL||[],this._defL.push(t))},load:function(t,e,i){var n=this;setTimeout(function(){n._load(t,e,i)},0)},_load:function(t,e,i){var n=t;t||(n=this.protocol+"//"+(this.ovr&&this.ovr.domain?this.ovr.domain:"lptag.liveperson.net")+"/tag/tag.js?site="+this.site);var o=document.createElement("script");o.setAttribute("charset",e?e:"UTF-8"),i&&o.setAttribute("id",i),o.setAttribute("src",n),document.getElementsByTagName("head").item(0).appendChild(o)},init:function(){this._timing=this._timing||{},this._timing.start=(new Date).getTime();var t=this;window.attachEvent?window.attachEvent("onload",function(){t._domReady("domReady")}):(window.addEventListener("DOMContentLoaded",function(){t._domReady("contReady")},!1),window.addEventListener("load",function(){t._domReady("domReady")},!1)),"undefined"===typeof window._lptStop&&this.load()},start:function(){this.autoStart=!0},_domReady:function(t){this.isDom||(this.isDom=!0,this.events.trigger("LPT","DOM_READY",{t:t})),this._timing[t]=(new Date).getTime()},vars:lpTag.vars||[],dbs:lpTag.dbs||[],ctn:lpTag.ctn||[],sdes:lpTag.sdes||[],hooks:lpTag.hooks||[],identities:lpTag.identities||[],ev:lpTag.ev||[]},lpTag.init()):window.lpTag._tagCount+=1;</script>
<!-- END LivePerson Monitor. -->`, []string{SignalScriptHost, SignalInlineGlobal}},

	{"zoho-salesiq", `<script>window.$zoho=window.$zoho || {};$zoho.salesiq=$zoho.salesiq||{ready:function(){}}</script><script id="zsiqscript" src="https://salesiq.zohopublic.com/widget?wc=siq1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b" defer></script>`,
		[]string{SignalScriptHost, SignalInlineGlobal, SignalDOM}},

	{"zoho-salesiq", `<script type="text/javascript" id="zsiqchat">var $zoho=$zoho || {};$zoho.salesiq = $zoho.salesiq || {widgetcode: "abc123def456", values:{},ready:function(){}};var d=document;s=d.createElement("script");s.type="text/javascript";s.id="zsiqscript";s.defer=true;s.src="https://salesiq.zoho.com/widget";t=d.getElementsByTagName("script")[0];t.parentNode.insertBefore(s,t);</script>`,
		[]string{SignalScriptHost, SignalInlineGlobal}},

	{"jivochat", `<script src="//code.jivo.ru/widget/AbCdEfGh12" async></script>`, []string{SignalScriptHost}},

	{"jivochat", `<!-- BEGIN JIVOSITE CODE {literal} -->
<script type='text/javascript'>
(function(){ var widget_id = 'R5Eh1sXumS';var d=document;var w=window;function l(){
var s = document.createElement('script'); s.type = 'text/javascript'; s.async = true; s.src = '//code.jivosite.com/script/widget/'+widget_id; var ss = document.getElementsByTagName('script')[0]; ss.parentNode.insertBefore(s, ss);}if(d.readyState=='complete'){l();}else{if(w.attachEvent){w.attachEvent('onload',l);}else{w.addEventListener('load',l,false);}}})();</script>
<!-- {/literal} END JIVOSITE CODE -->`, []string{SignalScriptHost}},

	{"gorgias", `<!--Gorgias Chat Widget Start--><script id="gorgias-chat-widget-install-v3" src="https://config.gorgias.chat/bundle-loader/01GYCC8SSP0KT4EX2YMWKDAMK3"></script><!--Gorgias Chat Widget End-->`,
		[]string{SignalScriptHost, SignalDOM}},

	{"gorgias", `<script>
var script = document.createElement('script');
script.setAttribute('src','https://config.gorgias.chat/gorgias-chat-bundle-loader.js?applicationId=24637');
script.setAttribute("id","gorgias-chat-widget-install-v2");
document.body.appendChild(script);
script.addEventListener("load", function() { GorgiasChat.init().then(function () {}); });
</script>`, []string{SignalScriptHost, SignalInlineGlobal}},

	{"salesforce", `<script type='text/javascript'>
	function initEmbeddedMessaging() {
		try {
			embeddedservice_bootstrap.settings.language = 'en_US';
			embeddedservice_bootstrap.init(
				'00D5g000004ABCD',
				'Web_Messaging',
				'https://acme.my.site.com/ESWWebMessaging1712345678901',
				{
					scrt2URL: 'https://acme.my.salesforce-scrt.com'
				}
			);
		} catch (err) {
			console.error('Error loading Embedded Messaging: ', err);
		}
	};
</script>
<script type='text/javascript' src='https://acme.my.site.com/ESWWebMessaging1712345678901/assets/js/bootstrap.min.js' onload='initEmbeddedMessaging()'></script>`,
		[]string{SignalScriptHost, SignalInlineGlobal}},

	{"salesforce", `<script type='text/javascript' src='https://service.force.com/embeddedservice/5.0/esw.min.js'></script>
<script type='text/javascript'>
	var initESW = function(gslbBaseURL) {
		embedded_svc.settings.displayHelpButton = true;
		embedded_svc.settings.language = '';
		embedded_svc.init('https://acme.my.salesforce.com', 'https://acme.my.site.com/support', gslbBaseURL, '00D000000000001', 'Chat_Agents',
			{ baseLiveAgentContentURL: 'https://c.la1-c2-ph2.salesforceliveagent.com/content', deploymentId: '5720000000000AB', buttonId: '5730000000000CD',
			  baseLiveAgentURL: 'https://d.la1-c2-ph2.salesforceliveagent.com/chat', eswLiveAgentDevName: 'Chat_Agents', isOfflineSupportEnabled: false });
	};
	if (!window.embedded_svc) { var s = document.createElement('script'); s.setAttribute('src', 'https://acme.my.salesforce.com/embeddedservice/5.0/esw.min.js'); s.onload = function() { initESW(null); }; document.body.appendChild(s); } else { initESW('https://service.force.com'); }
</script>`, []string{SignalScriptHost, SignalInlineGlobal}},

	{"helpscout", `<script type="text/javascript">!function(e,t,n){function a(){var e=t.getElementsByTagName("script")[0],n=t.createElement("script");n.type="text/javascript",n.async=!0,n.src="https://beacon-v2.helpscout.net",e.parentNode.insertBefore(n,e)}if(e.Beacon=n=function(t,n,a){e.Beacon.readyQueue.push({method:t,options:n,data:a})},n.readyQueue=[],"complete"===t.readyState)return a();e.attachEvent?e.attachEvent("onload",a):e.addEventListener("load",a,!1)}(window,document,window.Beacon||function(){});
</script><script type="text/javascript">window.Beacon('init', 'a1b2c3d4-e5f6-7a8b-9c0d-e1f2a3b4c5d6')</script>`,
		[]string{SignalScriptHost, SignalInlineGlobal}},

	{"messenger", `<!-- Messenger Chat Plugin Code -->
<div id="fb-root"></div>
<div id="fb-customer-chat" class="fb-customerchat"></div>
<script>
  var chatbox = document.getElementById('fb-customer-chat');
  chatbox.setAttribute("page_id", "106183301182718");
  chatbox.setAttribute("attribution", "biz_inbox");
</script>
<script>
  window.fbAsyncInit = function() { FB.init({ xfbml: true, version: 'v18.0' }); };
  (function(d, s, id) {
    var js, fjs = d.getElementsByTagName(s)[0];
    if (d.getElementById(id)) return;
    js = d.createElement(s); js.id = id;
    js.src = 'https://connect.facebook.net/vi_VN/sdk/xfbml.customerchat.js';
    fjs.parentNode.insertBefore(js, fjs);
  }(document, 'script', 'facebook-jssdk'));
</script>`, []string{SignalScriptHost, SignalDOM}},

	{"zalo", `<div class="zalo-chat-widget" data-oaid="579745863508352884" data-welcome-message="Rất vui khi được hỗ trợ bạn!" data-autopopup="0" data-width="350" data-height="420"></div>
<script src="https://sp.zalo.me/plugins/sdk.js"></script>`, []string{SignalDOM}},

	{"subiz", `<script>
  (function(s, u, b, i, z){
    u[i]=u[i]||function(){
      u[i].t=+new Date();
      (u[i].q=u[i].q||[]).push(arguments);
    };
    z=s.createElement('script');
    var zz=s.getElementsByTagName('script')[0];
    z.async=1; z.src=b; z.id='subiz-script';
    zz.parentNode.insertBefore(z,zz);
  })(document, window, 'https://widgetv4.subiz.com/static/js/app.js', 'subiz');
  subiz('setAccount', 'acqjefvcxfaxgfmgmjrk');
</script>`, []string{SignalScriptHost, SignalInlineGlobal}},

	{"subiz", `<script>!function(s,u,b,i,z){var o,t,r,y;s[i]||(s._sbzaccid=z,s[i]=function(){s[i].q.push(arguments)},s[i].q=[],s[i]("setAccount",z),r=["widget.subiz.net","storage.googleapis"+(t=".com"),"app.sbz.workers.dev",i+"a"+(o=function(k,t){var n=t<=6?5:o(k,t-1)+o(k,t-3);return k!==t?n:n.toString(32)})(20,20)+t,i+"b"+o(30,30)+t,i+"c"+o(40,40)+t],(y=function(k){var t,n;s._subiz_init_2094850928430||r[k]&&(t=u.createElement(b),n=u.getElementsByTagName(b)[0],t.async=1,t.src="https://"+r[k]+"/sbz/app.js?accid="+z,n.parentNode.insertBefore(t,n),setTimeout(y,2e3,k+1))})(0))}(window,document,"script","subiz", "acrzyzfixqxyhrwmpwwx")</script>`,
		[]string{SignalScriptHost, SignalInlineGlobal}},

	{"chatwoot", `<script>
  (function(d,t) {
    var BASE_URL="https://app.chatwoot.com";
    var g=d.createElement(t),s=d.getElementsByTagName(t)[0];
    g.src=BASE_URL+"/packs/js/sdk.js";
    g.defer = true;
    g.async = true;
    s.parentNode.insertBefore(g,s);
    g.onload=function(){
      window.chatwootSDK.run({
        websiteToken: 'a1B2c3D4e5F6g7H8i9J0k1L2',
        baseUrl: BASE_URL
      })
    }
  })(document,"script");
</script>`, []string{SignalScriptHost, SignalInlineGlobal}},

	{"chatwoot", `<script>
window.chatwootSettings = { position: "right", type: "expanded_bubble", launcherTitle: "Chat with us" };
(function (d, t) {
  const BASE_URL = "https://support.acme-shop.vn";
  var g = d.createElement(t), s = d.getElementsByTagName(t)[0];
  g.src = BASE_URL + "/packs/js/sdk.js";
  s.parentNode.insertBefore(g, s);
  g.onload = function () { window.chatwootSDK.run({ websiteToken: "8XEjapj74BZk5GheQaeWaVCo", baseUrl: BASE_URL }); };
})(document, "script");
</script>`, []string{SignalScriptHost, SignalInlineGlobal}},

	{"smartsupp", `<!-- Smartsupp Live Chat script -->
<script type="text/javascript">
var _smartsupp = _smartsupp || {};
_smartsupp.key = '0123456789abcdef0123456789abcdef01234567';
window.smartsupp||(function(d) {
  var s,c,o=smartsupp=function(){ o._.push(arguments)};o._=[];
  s=d.getElementsByTagName('script')[0];c=d.createElement('script');
  c.type='text/javascript';c.charset='utf-8';c.async=true;
  c.src='https://www.smartsuppchat.com/loader.js?';s.parentNode.insertBefore(c,s);
})(document);
</script>
<noscript> Powered by <a href="https://www.smartsupp.com" target="_blank">Smartsupp</a></noscript>`,
		[]string{SignalScriptHost, SignalInlineGlobal}},

	{"purechat", `<script type='text/javascript' data-cfasync='false'>window.purechatApi = { l: [], t: [], on: function () { this.l.push(arguments); } }; (function () { var done = false; var script = document.createElement('script'); script.async = true; script.type = 'text/javascript'; script.src = 'https://app.purechat.com/VisitorWidget/WidgetScript'; document.getElementsByTagName('HEAD').item(0).appendChild(script); script.onreadystatechange = script.onload = function (e) { if (!done && (!this.readyState || this.readyState == 'loaded' || this.readyState == 'complete')) { var w = new PCWidget({c: '1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d', f: true }); done = true; } }; })();</script>`,
		[]string{SignalScriptHost, SignalInlineGlobal}},

	{"userlike", `<script type="text/javascript" async src="https://userlike-cdn-widgets.s3-eu-west-1.amazonaws.com/0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef.js"></script>`,
		[]string{SignalScriptHost}},

	{"genesys", `<script type="text/javascript" charset="utf-8">
  (function (g, e, n, es, ys) {
    g['_genesysJs'] = e;
    g[e] = g[e] || function () {
      (g[e].q = g[e].q || []).push(arguments)
    };
    g[e].t = 1 * new Date();
    g[e].c = es;
    ys = document.createElement('script'); ys.async = 1; ys.src = n; ys.charset = 'utf-8'; document.head.appendChild(ys);
  })(window, 'Genesys', 'https://apps.mypurecloud.com/genesys-bootstrap/genesys.min.js', {
    environment: 'prod',
    deploymentId: '12345678-abcd-ef01-2345-6789abcdef01'
  });
</script>`, []string{SignalScriptHost}},

	{"genesys", `<script src="https://apps.usw2.pure.cloud/genesys-bootstrap/genesys.min.js"></script><script>Genesys("subscribe", "Messenger.ready", function(){});</script>`,
		[]string{SignalScriptHost, SignalInlineGlobal}},

	{"kustomer", `<script src="https://cdn.kustomerapp.com/chat-web/widget.js" data-kustomer-api-key="eyJhbGciOiJub25lIn0.eyJvcmciOiJhY21lIn0."></script>
<script>
  window.addEventListener('kustomerLoaded', function() {
    Kustomer.start({ brandId: '5f0123456789abcdef012345' });
  });
</script>`, []string{SignalScriptHost, SignalInlineGlobal}},

	{"gladly", `<script>
  !function(c,n,t,a,e,s){c[a]=c[a]||{},c[a]._q=[];var i=function(n){c[a][n]=function(){c[a]._q.push([n,arguments])}};
  ["init","show","hide","navigate","on","off"].forEach(i);e=n.createElement(t),s=n.getElementsByTagName(t)[0],e.async=1,e.src="https://cdn.gladly.com/chat-sdk/widget.js",s.parentNode.insertBefore(e,s)}(window,document,"script","Gladly");
  window.gladlyConfig = { appId: 'acme.com' };
  Gladly.init(window.gladlyConfig);
</script>`, []string{SignalScriptHost, SignalInlineGlobal}},

	{"front", `<script src="https://chat-assets.frontapp.com/v1/chat.bundle.js"></script>
<script>
  window.FrontChat('init', {chatId: '0123456789abcdef0123456789abcdef', useDefaultLauncher: true});
</script>`, []string{SignalScriptHost, SignalInlineGlobal}},

	{"livehelpnow", `<script type="text/javascript">
var lhnJsSdkInit = function () {
  lhnJsSdk.setup = { application_id: "a1b2c3d4-0000-1111-2222-333344445555", application_secret: "xyz" };
  lhnJsSdk.controls = [{ type: "hoc", id: "a1b2c3d4-6666-7777-8888-999900001111" }];
};
(function (d, s) {
  var newjs, lhnjs = d.getElementsByTagName(s)[0];
  newjs = d.createElement(s);
  newjs.src = "https://developer.livehelpnow.net/js/sdk/lhn-jssdk-current.min.js";
  lhnjs.parentNode.insertBefore(newjs, lhnjs);
}(document, "script"));
</script>`, []string{SignalScriptHost, SignalInlineGlobal}},

	{"comm100", `<!--Begin Comm100 Live Chat Code-->
<div id="comm100-button-95a8c67f-e571-44e4-9fe7-91314f222ed3"></div>
<script type="text/javascript">
  var Comm100API=Comm100API||{};(function(t){function e(e){var a=document.createElement("script"),c=document.getElementsByTagName("script")[0];a.type="text/javascript",a.async=!0,a.src=e+t.site_id,c.parentNode.insertBefore(a,c)}t.chat_buttons=t.chat_buttons||[],t.chat_buttons.push({code_plan:"95a8c67f-e571-44e4-9fe7-91314f222ed3",div_id:"comm100-button-95a8c67f-e571-44e4-9fe7-91314f222ed3"}),t.site_id=10001234,t.main_code_plan="95a8c67f-e571-44e4-9fe7-91314f222ed3",e("https://vue.comm100.com/livechat.ashx?siteId="),setTimeout(function(){t.loaded||e("https://standby.comm100vue.com/livechat.ashx?siteId=")},5e3)})(Comm100API||{})
</script>
<!--End Comm100 Live Chat Code-->`, []string{SignalScriptHost, SignalInlineGlobal, SignalDOM}},

	{"whatsapp", `<a href="https://wa.me/84901234567?text=Xin%20ch%C3%A0o" class="float-whatsapp" target="_blank" rel="noopener"><img src="/img/whatsapp.svg" alt="WhatsApp"></a>`,
		[]string{SignalLink}},

	{"whatsapp", `<a href="https://api.whatsapp.com/send?phone=905321234567&text=Merhaba">WhatsApp Destek</a>`, []string{SignalLink}},
}
