package sitegen

// criticalCSS is the inline <style> themes put in <head>; {color} and
// {font} vary per site.
const criticalCSS = `:root{--color-brand:{color};--color-text:#1f2937;--color-muted:#6b7280;--color-bg:#fff;--color-border:#e5e7eb;--font-body:"{font}",system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;--page-width:1320px;--radius:6px;--shadow:0 4px 16px rgba(0,0,0,.08)}
*,*::before,*::after{box-sizing:border-box}html{-webkit-text-size-adjust:100%;scroll-behavior:smooth}body{margin:0;font-family:var(--font-body);font-size:15px;line-height:1.6;color:var(--color-text);background:var(--color-bg)}
img{max-width:100%;height:auto;display:block}a{color:inherit;text-decoration:none}a:hover{color:var(--color-brand)}button{font:inherit;cursor:pointer}
.container{max-width:var(--page-width);margin:0 auto;padding:0 20px}.list-unstyled{list-style:none;margin:0;padding:0}.visually-hidden{position:absolute!important;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.skip-to-content-link:focus{position:fixed;top:8px;left:8px;z-index:9999;width:auto;height:auto;clip:auto;background:#fff;padding:8px 16px}
.announcement-bar{background:var(--color-brand);color:#fff;text-align:center;font-size:13px;padding:8px 0}.announcement-bar__link{text-decoration:underline}
.topbar{border-bottom:1px solid var(--color-border);font-size:13px}.topbar__inner{display:flex;justify-content:space-between;padding-top:6px;padding-bottom:6px}.topbar ul{display:flex;gap:18px}
.site-header{position:sticky;top:0;z-index:50;background:#fff;box-shadow:0 1px 0 var(--color-border)}.header__inner{display:grid;grid-template-columns:auto 1fr auto;align-items:center;gap:24px;padding-top:14px;padding-bottom:14px}
.header__search{display:flex;max-width:560px;width:100%;border:1px solid var(--color-border);border-radius:999px;overflow:hidden}.search__input{flex:1;border:0;padding:10px 16px;font:inherit}.search__button{border:0;background:none;padding:0 14px}
.header__icons{display:flex;gap:10px}.header__icon{position:relative;background:none;border:0;padding:6px}.cart-count-bubble{position:absolute;top:-2px;right:-4px;background:var(--color-brand);color:#fff;border-radius:999px;font-size:11px;min-width:18px;text-align:center}
.main-nav__list{display:flex;gap:28px;font-weight:600}.main-nav__item{position:relative}.main-nav__link{display:block;padding:12px 0}.main-nav__link--sale{color:#dc2626}
.mega-menu{position:absolute;left:0;top:100%;min-width:640px;background:#fff;box-shadow:var(--shadow);border-radius:0 0 var(--radius) var(--radius);opacity:0;visibility:hidden;transform:translateY(8px);transition:all .2s}
.has-mega:hover .mega-menu,.has-mega:focus-within .mega-menu{opacity:1;visibility:visible;transform:none}.mega-menu__inner{display:grid;grid-template-columns:2fr 1fr;gap:32px;padding:24px}.mega-menu__heading{font-weight:700;margin:0 0 8px}.mega-menu__link{display:block;padding:4px 0;font-weight:400}
.promo-tile{display:block;position:relative;border-radius:var(--radius);overflow:hidden}.promo-tile__label{position:absolute;top:12px;left:12px;background:#fff;padding:2px 8px;border-radius:4px;font-size:12px}.promo-tile__title{display:block;padding:8px 0;font-weight:600}
.drawer{position:fixed;inset:0 auto 0 0;width:min(88vw,380px);background:#fff;z-index:100;overflow-y:auto;box-shadow:var(--shadow)}.drawer__header{display:flex;justify-content:space-between;padding:16px;border-bottom:1px solid var(--color-border)}
.menu-drawer__menu-item{display:flex;justify-content:space-between;padding:12px 16px;border-bottom:1px solid var(--color-border)}.menu-drawer__submenu .menu-drawer__menu-item{padding-left:32px;font-weight:400}
.breadcrumbs{font-size:13px;color:var(--color-muted);padding-top:16px}.breadcrumbs__list{display:flex;flex-wrap:wrap;gap:6px}.breadcrumbs__item+.breadcrumbs__item::before{content:"/";margin-right:6px}
.grid{display:grid;gap:20px}.grid--3{grid-template-columns:repeat(3,1fr)}.grid--4{grid-template-columns:repeat(4,1fr)}@media (max-width:989px){.grid--3,.grid--4{grid-template-columns:repeat(2,1fr)}.main-nav,.header__search{display:none}}
.product-carousel{margin:48px auto}.product-carousel__track{display:grid;grid-auto-flow:column;grid-auto-columns:calc(25% - 15px);gap:20px;overflow-x:auto;scroll-snap-type:x mandatory}
.product-card{scroll-snap-align:start;display:flex;flex-direction:column;gap:8px}.product-card__title{font-size:15px;font-weight:500;margin:0}.rating__stars{--percent:calc(var(--rating)/5*100%);display:inline-block;font-size:14px;line-height:1}.rating__stars::before{content:"★★★★★";background:linear-gradient(90deg,#f59e0b var(--percent),#d1d5db var(--percent));-webkit-background-clip:text;-webkit-text-fill-color:transparent}
.price{font-weight:600}.price__compare{color:var(--color-muted);font-weight:400;margin-left:6px}.btn{display:inline-block;border:1px solid var(--color-brand);background:var(--color-brand);color:#fff;padding:10px 20px;border-radius:var(--radius);font-weight:600}.btn--secondary{background:#fff;color:var(--color-brand)}.btn--small{padding:6px 12px;font-size:13px}
.usp-bar{background:#f9fafb;border-top:1px solid var(--color-border);padding:20px 0}.usp-bar__grid{display:grid;grid-template-columns:repeat(4,1fr);gap:16px;font-weight:600}
.site-footer{background:#111827;color:#d1d5db;padding:48px 0 24px;font-size:14px}.footer__grid{display:grid;grid-template-columns:repeat(4,1fr);gap:32px}.footer__heading{color:#fff;font-size:15px;margin:0 0 12px}.site-footer a:hover{color:#fff}
.footer__middle,.footer__bottom{display:flex;flex-wrap:wrap;justify-content:space-between;gap:16px;border-top:1px solid #374151;margin-top:32px;padding-top:24px}.social-icons,.payment-icons{display:flex;gap:12px}
.cookie-banner{position:fixed;left:16px;right:16px;bottom:16px;z-index:200;background:#fff;box-shadow:var(--shadow);border-radius:var(--radius);padding:16px}.cookie-banner__inner{display:flex;gap:16px;align-items:center;justify-content:space-between}.cookie-banner__buttons{display:flex;gap:8px;flex-shrink:0}
.faq__item{border-bottom:1px solid var(--color-border);padding:14px 0}.faq__question{font-weight:600;cursor:pointer;margin:0}.accordion-button{width:100%;text-align:left;background:none;border:0;padding:14px 0;font-weight:600}.collapse:not(.show){display:none}
.contact-card{border:1px solid var(--color-border);border-radius:var(--radius);padding:20px}.contact-form .field{display:flex;flex-direction:column;gap:4px;margin-bottom:14px}.contact-form input,.contact-form textarea{border:1px solid var(--color-border);border-radius:var(--radius);padding:10px;font:inherit}
.float-contact{position:fixed;right:16px;bottom:96px;display:flex;flex-direction:column;gap:10px;z-index:150}`

// svgSprite holds the icons every page uses through <use href="#icon-...">.
const svgSprite = `<svg xmlns="http://www.w3.org/2000/svg" style="display:none">
<symbol id="icon-search" viewBox="0 0 24 24"><path fill="none" stroke="currentColor" stroke-width="2" d="M10.5 18a7.5 7.5 0 1 0 0-15 7.5 7.5 0 0 0 0 15Zm5.3-2.2L21 21"/></symbol>
<symbol id="icon-user" viewBox="0 0 24 24"><path fill="none" stroke="currentColor" stroke-width="2" d="M12 12a4.5 4.5 0 1 0 0-9 4.5 4.5 0 0 0 0 9Zm-8 9c0-4.2 3.6-7 8-7s8 2.8 8 7"/></symbol>
<symbol id="icon-heart" viewBox="0 0 24 24"><path fill="none" stroke="currentColor" stroke-width="2" d="M12 20.5s-8-4.8-8-10.6C4 6.9 6.2 5 8.6 5c1.5 0 2.7.7 3.4 1.9C12.7 5.7 13.9 5 15.4 5 17.8 5 20 6.9 20 9.9c0 5.8-8 10.6-8 10.6Z"/></symbol>
<symbol id="icon-cart" viewBox="0 0 24 24"><path fill="none" stroke="currentColor" stroke-width="2" d="M3 4h2.2l2.3 11.1a1.5 1.5 0 0 0 1.5 1.2h8.9a1.5 1.5 0 0 0 1.5-1.1L21 8H6.1M9.5 20.5h.01M17.5 20.5h.01"/></symbol>
<symbol id="icon-menu" viewBox="0 0 24 24"><path fill="none" stroke="currentColor" stroke-width="2" d="M3 6h18M3 12h18M3 18h18"/></symbol>
<symbol id="icon-close" viewBox="0 0 24 24"><path fill="none" stroke="currentColor" stroke-width="2" d="m5 5 14 14M19 5 5 19"/></symbol>
<symbol id="icon-caret" viewBox="0 0 24 24"><path fill="none" stroke="currentColor" stroke-width="2" d="m6 9 6 6 6-6"/></symbol>
<symbol id="icon-arrow" viewBox="0 0 24 24"><path fill="none" stroke="currentColor" stroke-width="2" d="M4 12h16m-6-6 6 6-6 6"/></symbol>
<symbol id="icon-phone" viewBox="0 0 24 24"><path fill="none" stroke="currentColor" stroke-width="2" d="M5 4h4l2 5-2.5 1.5a11 11 0 0 0 5 5L15 13l5 2v4a2 2 0 0 1-2 2A16 16 0 0 1 3 6a2 2 0 0 1 2-2"/></symbol>
<symbol id="icon-mail" viewBox="0 0 24 24"><path fill="none" stroke="currentColor" stroke-width="2" d="M3 5h18v14H3zM3 6l9 7 9-7"/></symbol>
<symbol id="icon-pin" viewBox="0 0 24 24"><path fill="none" stroke="currentColor" stroke-width="2" d="M12 21s-7-6.1-7-11.5a7 7 0 0 1 14 0C19 14.9 12 21 12 21Zm0-8.5a3 3 0 1 0 0-6 3 3 0 0 0 0 6Z"/></symbol>
<symbol id="icon-clock" viewBox="0 0 24 24"><path fill="none" stroke="currentColor" stroke-width="2" d="M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18Zm0-14v5l3 3"/></symbol>
<symbol id="icon-truck" viewBox="0 0 24 24"><path fill="none" stroke="currentColor" stroke-width="2" d="M2 6h12v10H2zM14 10h4l3 3v3h-7M6 19.5a1.5 1.5 0 1 0 0-3 1.5 1.5 0 0 0 0 3Zm11 0a1.5 1.5 0 1 0 0-3 1.5 1.5 0 0 0 0 3Z"/></symbol>
<symbol id="icon-return" viewBox="0 0 24 24"><path fill="none" stroke="currentColor" stroke-width="2" d="M9 14 4 9l5-5M4 9h11a5 5 0 0 1 0 10h-4"/></symbol>
<symbol id="icon-lock" viewBox="0 0 24 24"><path fill="none" stroke="currentColor" stroke-width="2" d="M5 11h14v10H5zM8 11V7a4 4 0 0 1 8 0v4"/></symbol>
<symbol id="icon-check" viewBox="0 0 24 24"><path fill="none" stroke="currentColor" stroke-width="2" d="m4 12 5 5L20 6"/></symbol>
<symbol id="icon-filter" viewBox="0 0 24 24"><path fill="none" stroke="currentColor" stroke-width="2" d="M3 5h18l-7 8v6l-4 2v-8z"/></symbol>
<symbol id="icon-facebook" viewBox="0 0 24 24"><path fill="currentColor" d="M13.5 21v-8h2.7l.4-3.2h-3.1V7.8c0-.9.3-1.6 1.6-1.6h1.7V3.4c-.3 0-1.3-.1-2.5-.1-2.5 0-4.1 1.5-4.1 4.2v2.3H7.4V13h2.8v8h3.3Z"/></symbol>
<symbol id="icon-instagram" viewBox="0 0 24 24"><path fill="none" stroke="currentColor" stroke-width="2" d="M7 3h10a4 4 0 0 1 4 4v10a4 4 0 0 1-4 4H7a4 4 0 0 1-4-4V7a4 4 0 0 1 4-4Zm5 13a4 4 0 1 0 0-8 4 4 0 0 0 0 8Zm5.5-9.5h.01"/></symbol>
<symbol id="icon-youtube" viewBox="0 0 24 24"><path fill="currentColor" d="M21.6 7.2a2.5 2.5 0 0 0-1.8-1.8C18.2 5 12 5 12 5s-6.2 0-7.8.4a2.5 2.5 0 0 0-1.8 1.8C2 8.8 2 12 2 12s0 3.2.4 4.8a2.5 2.5 0 0 0 1.8 1.8C5.8 19 12 19 12 19s6.2 0 7.8-.4a2.5 2.5 0 0 0 1.8-1.8c.4-1.6.4-4.8.4-4.8s0-3.2-.4-4.8ZM10 15V9l5.2 3L10 15Z"/></symbol>
<symbol id="icon-tiktok" viewBox="0 0 24 24"><path fill="currentColor" d="M16.6 5.8A4.3 4.3 0 0 1 15.5 3h-3.1v12.4a2.6 2.6 0 1 1-2.6-2.6c.3 0 .5 0 .8.1V9.7a5.7 5.7 0 1 0 4.9 5.7V9.1a7.3 7.3 0 0 0 4.3 1.4V7.4a4.3 4.3 0 0 1-3.2-1.6Z"/></symbol>
<symbol id="icon-linkedin" viewBox="0 0 24 24"><path fill="currentColor" d="M4.98 3.5a2.5 2.5 0 1 1 0 5 2.5 2.5 0 0 1 0-5ZM3 9.5h4V21H3zM9.5 9.5h3.8v1.6h.1c.5-1 1.8-2 3.8-2 4 0 4.8 2.6 4.8 6V21h-4v-5.1c0-1.2 0-2.8-1.7-2.8s-2 1.3-2 2.7V21h-4z"/></symbol>
<symbol id="icon-x" viewBox="0 0 24 24"><path fill="currentColor" d="M17.8 3h3.1l-6.8 7.8L22 21h-6.2l-4.9-6.4L5.3 21H2.2l7.3-8.3L2 3h6.4l4.4 5.8L17.8 3Zm-1.1 16.2h1.7L7.4 4.7H5.5l11.2 14.5Z"/></symbol>
<symbol id="icon-pinterest" viewBox="0 0 24 24"><path fill="currentColor" d="M12 2a10 10 0 0 0-3.6 19.3c-.1-.8-.2-2 0-2.9l1.2-5s-.3-.6-.3-1.5c0-1.4.8-2.5 1.8-2.5.9 0 1.3.7 1.3 1.4 0 .9-.6 2.2-.9 3.4-.2 1 .5 1.9 1.6 1.9 1.9 0 3.3-2 3.3-4.9 0-2.5-1.8-4.3-4.4-4.3-3 0-4.8 2.3-4.8 4.6 0 .9.3 1.9.8 2.4l.1.4-.3 1.2c0 .2-.2.3-.4.2-1.4-.7-2.3-2.7-2.3-4.3 0-3.5 2.5-6.7 7.3-6.7 3.8 0 6.8 2.7 6.8 6.4 0 3.8-2.4 6.9-5.8 6.9-1.1 0-2.2-.6-2.6-1.3l-.7 2.7c-.3 1-1 2.2-1.4 2.9A10 10 0 1 0 12 2Z"/></symbol>
<symbol id="icon-zalo" viewBox="0 0 24 24"><path fill="currentColor" d="M12 2C6.5 2 2 5.9 2 10.7c0 2.7 1.4 5.1 3.7 6.7L5 21l3.9-2.1c1 .3 2 .4 3.1.4 5.5 0 10-3.9 10-8.7S17.5 2 12 2Zm-4 11.5H5.6l2.3-3H5.7V9.6h3.4l-2.3 3h1.2Zm3.4 0h-1v-4h1Zm4 0h-2.7v-4h1v3.1h1.7Z"/></symbol>
</svg>`
