!function(){"use strict";
/* FAQ accordion */
var g=document.getElementById("GROUP_FAQ");
if(g){var d=JSON.parse(g.getAttribute("data-faq"));g.innerHTML=d.map(function(x,i){return'<div class="ladi-element faq-item" id="FAQ_'+i+'"><div class="ladi-headline faq-q">'+x[0]+'</div><div class="ladi-paragraph faq-a" style="max-height:0;overflow:hidden">'+x[1]+'</div></div>'}).join("");
g.addEventListener("click",function(e){var q=e.target.closest(".faq-q");if(q){var a=q.nextElementSibling;a.style.maxHeight=a.style.maxHeight==="0px"?"200px":"0px"}})}
/* live chat */
function chat(){window.$crisp=[];window.CRISP_WEBSITE_ID="5b1d7a3e-92c4-4f0e-a8d1-3c6f2e9b7a40";var s=document.createElement("script");s.src="https://client.crisp.chat/l.js";s.async=1;document.getElementsByTagName("head")[0].appendChild(s);window.$crisp.push(["set","session:segments",[["spa-da-nang"]]])}
"complete"===document.readyState?chat():window.addEventListener("load",function(){requestAnimationFrame(chat)});
}();
