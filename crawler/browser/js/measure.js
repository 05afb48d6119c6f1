// measure.js holds the functions the renderer calls in a settled page. It is
// evaluated as one expression whose value is an object of functions.
({
  // state returns how many soon-due timers are pending and how long ago, in
  // milliseconds, the page last changed its content.
  state() {
    const s = window[Symbol.for('shopper.settle')];
    if (!s) return {timers: 0, quiet: 1e9};
    return {timers: s.timers.size, quiet: performance.now() - s.changed};
  },

  // snapshot returns the document's HTML, with the parts a visitor does not
  // see marked (see markHidden), the window's own property names and, given
  // the screen's width, the first screen's text (see fold).
  async snapshot(foldWidth) {
    const fold = foldWidth ? await this.fold(foldWidth, false) : '';
    this.markHidden();
    return {
      url: location.href,
      html: document.documentElement ? document.documentElement.outerHTML : '',
      globals: Object.getOwnPropertyNames(window),
      fold,
    };
  },

  // markHidden sets data-shopper-hidden="1" on the outermost elements
  // whose content a visitor does not see without interacting: not
  // displayed (display:none, a closed <details>, content-visibility),
  // visibility:hidden, opacity 0, clipped away (a collapsed container of
  // zero height, clip or clip-path, the "visually hidden" pattern) or
  // placed off the page (left:-9999px, text-indent:-9999px). Content is
  // text and images, video, canvas, SVG and form controls; an element
  // with no content is never marked, and an element with any content a
  // visitor sees is not marked as a whole (its hidden children are). An
  // element the stylesheets hide at this width but show at another (a
  // media query that displays it on phones) is not marked. Marks the page
  // itself carried are removed first.
  markHidden() {
    for (const el of document.querySelectorAll('[data-shopper-hidden]')) el.removeAttribute('data-shopper-hidden');
    const root = document.body;
    if (!root) return;
    const styles = new Map();
    const style = (el) => {
      let s = styles.get(el);
      if (!s) { s = getComputedStyle(el); styles.set(el, s); }
      return s;
    };
    // A page whose whole document is transparent or invisible (an
    // anti-flicker snippet whose script was blocked) is judged by display
    // and geometry alone.
    const whole = [document.documentElement, root].some((el) => {
      const s = style(el);
      return s.opacity === '0' || s.visibility === 'hidden';
    });
    const check = whole ? {} : {opacityProperty: true, visibilityProperty: true};
    const responsive = this.shownElsewhere();
    const all = {l: -Infinity, t: -Infinity, r: Infinity, b: Infinity};
    const cut = (c, r) => ({l: Math.max(c.l, r.left), t: Math.max(c.t, r.top), r: Math.min(c.r, r.right), b: Math.min(c.b, r.bottom)});
    // clipOf is the region an element's content can show in; clipIn the
    // region the element itself is clipped to. Absolutely positioned
    // elements escape the clipping of ancestors inside their containing
    // block, fixed ones all of it.
    const clips = new Map();
    const clipIn = (el) => {
      const s = style(el);
      if (s.position === 'fixed') return all;
      const p = s.position === 'absolute' ? el.offsetParent : el.parentElement;
      return p && p !== document.documentElement ? clipOf(p) : all;
    };
    const clipOf = (el) => {
      let c = clips.get(el);
      if (c) return c;
      c = clipIn(el);
      const s = style(el);
      const r = el.getBoundingClientRect();
      // Overflow that is hidden is clipped at the box; overflow that
      // scrolls only before its start, which no scrolling reaches.
      const hard = (o) => o === 'hidden' || o === 'clip';
      const soft = (o) => o === 'auto' || o === 'scroll';
      if (hard(s.overflowX)) c = {...c, l: Math.max(c.l, r.left), r: Math.min(c.r, r.right)};
      else if (soft(s.overflowX)) c = {...c, l: Math.max(c.l, r.left - el.scrollLeft)};
      if (hard(s.overflowY)) c = {...c, t: Math.max(c.t, r.top), b: Math.min(c.b, r.bottom)};
      else if (soft(s.overflowY)) c = {...c, t: Math.max(c.t, r.top - el.scrollTop)};
      if (s.clip && s.clip !== 'auto') {
        const m = s.clip.match(/-?[\d.]+px/g);
        if (m && m.length === 4) {
          const [t, rr, b, l] = m.map(parseFloat);
          c = cut(c, {left: r.left + l, top: r.top + t, right: r.left + rr, bottom: r.top + b});
        }
      }
      if (/^inset\(\s*50%/.test(s.clipPath || '')) c = {l: 0, t: 0, r: 0, b: 0};
      clips.set(el, c);
      return c;
    };
    const sx = window.scrollX, sy = window.scrollY;
    const seen = (rects, c) => {
      for (const r of rects) {
        const w = Math.min(r.right, c.r) - Math.max(r.left, c.l);
        const h = Math.min(r.bottom, c.b) - Math.max(r.top, c.t);
        if (w >= 2 && h >= 2 && r.right + sx > 0 && r.bottom + sy > 0) return true;
      }
      return false;
    };
    const skip = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'TITLE', 'META', 'LINK']);
    const media = new Set(['IMG', 'SVG', 'svg', 'VIDEO', 'CANVAS', 'INPUT', 'SELECT', 'TEXTAREA', 'IFRAME', 'BUTTON']);
    const hasContent = (el) => /\S/.test(el.textContent) || el.querySelector('img, svg, video, canvas, input, select, textarea, iframe') !== null;
    const range = document.createRange();
    const mark = (el) => el.setAttribute('data-shopper-hidden', '1');
    // visit returns [has content, content seen] for el, marking el's
    // children whose content is all unseen when el's is not.
    const visit = (el) => {
      if (skip.has(el.tagName)) return [false, false];
      if (el.checkVisibility && !el.checkVisibility(check)) {
        if (responsive.has(el)) return [true, true];
        return [hasContent(el), false];
      }
      let content = false, shown = false;
      const kids = [];
      if (media.has(el.tagName)) {
        content = true;
        shown = seen([el.getBoundingClientRect()], clipIn(el));
      }
      if (el.tagName !== 'svg' && el.tagName !== 'SVG') {
        for (let n = el.firstChild; n; n = n.nextSibling) {
          if (n.nodeType === Node.TEXT_NODE) {
            if (!/\S/.test(n.data)) continue;
            content = true;
            if (!shown) {
              range.selectNodeContents(n);
              shown = seen(range.getClientRects(), clipOf(el));
            }
          } else if (n.nodeType === Node.ELEMENT_NODE) {
            const [c, s] = visit(n);
            if (c) {
              content = true;
              kids.push([n, s]);
              shown = shown || s;
            }
          }
        }
      }
      if (shown) for (const [n, s] of kids) if (!s) mark(n);
      return [content, shown];
    };
    const [content, shown] = visit(root);
    if (content && !shown) mark(root);
  },

  // shownElsewhere returns the elements that a style rule in a media
  // query that does not apply now (another screen width) would display:
  // what the stylesheets hide here may be what a phone shows.
  shownElsewhere() {
    const out = new Set();
    const walk = (rules, elsewhere) => {
      for (const rule of rules) {
        if (rule instanceof CSSMediaRule) {
          const m = rule.media.mediaText;
          if (/\b(print|speech)\b/.test(m) && !/\b(screen|all)\b/.test(m)) continue;
          walk(rule.cssRules, elsewhere || !window.matchMedia(m).matches);
        } else if (typeof CSSContainerRule !== 'undefined' && rule instanceof CSSContainerRule) {
          walk(rule.cssRules, true);
        } else if (rule.cssRules && !(rule instanceof CSSStyleRule)) {
          walk(rule.cssRules, elsewhere); // @supports, @layer
        } else if (elsewhere && rule instanceof CSSStyleRule) {
          const d = rule.style.getPropertyValue('display');
          if (!d || d === 'none') continue;
          try {
            for (const el of document.querySelectorAll(rule.selectorText)) out.add(el);
          } catch (e) { /* a selector this document cannot match */ }
        }
      }
    };
    for (const sheet of document.styleSheets) {
      let rules;
      try { rules = sheet.cssRules; } catch (e) { continue; } // another origin's
      if (rules) walk(rules, false);
    }
    return out;
  },

  // hide takes the document out of layout, once it was measured.
  hide() {
    if (document.documentElement) document.documentElement.style.setProperty('display', 'none', 'important');
    return true;
  },

  // screen waits until the screen has the given width: a viewport change
  // reaches the page a frame or two after the browser acknowledged it.
  async screen(width) {
    for (let i = 0; i < 50 && screen.width !== width; i++) {
      await new Promise((r) => setTimeout(r, 5));
    }
    return screen.width === width;
  },

  // fold returns the visible text of the first screen, once the screen has
  // the given width: one line per block of text, inline pieces joined as a
  // browser shows them. With hide, the document is then taken out of
  // layout (see hide).
  async fold(screenWidth, hide) {
    await this.screen(screenWidth);
    const text = this.foldText();
    if (hide) this.hide();
    return text;
  },

  foldText() {
    window.scrollTo(0, 0);
    const vv = window.visualViewport;
    const vw = vv ? vv.width : innerWidth, vh = vv ? vv.height : innerHeight;
    const root = document.body || document.documentElement;
    if (!root) return '';
    const skip = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'OPTION', 'SELECT']);
    const styles = new Map();
    const style = (el) => {
      let s = styles.get(el);
      if (!s) { s = getComputedStyle(el); styles.set(el, s); }
      return s;
    };
    const shown = new Map();
    const visible = (el) => {
      let v = shown.get(el);
      if (v === undefined) {
        v = !skip.has(el.tagName) &&
          (el.checkVisibility ? el.checkVisibility({opacityProperty: true, visibilityProperty: true}) : style(el).visibility !== 'hidden');
        shown.set(el, v);
      }
      return v;
    };
    // clip is the part of the first screen an element's content can show
    // in: ancestors that clip their overflow, or clip themselves (the
    // "visually hidden" pattern), narrow it.
    const clips = new Map();
    const screenBox = {l: 0, t: 0, r: vw, b: vh};
    const clip = (el) => {
      if (!el || el === document.documentElement) return screenBox;
      let c = clips.get(el);
      if (c) return c;
      c = clip(el.parentElement);
      const s = style(el);
      if (s.position === 'fixed') c = screenBox;
      const clipsSelf = (s.clip && s.clip !== 'auto') || (s.clipPath && s.clipPath !== 'none');
      if (clipsSelf || s.overflowX !== 'visible' || s.overflowY !== 'visible') {
        const r = el.getBoundingClientRect();
        c = {l: Math.max(c.l, r.left), t: Math.max(c.t, r.top), r: Math.min(c.r, r.right), b: Math.min(c.b, r.bottom)};
      }
      clips.set(el, c);
      return c;
    };
    const inline = new Set(['inline', 'inline-block', 'inline-flex', 'inline-grid', 'contents', 'ruby']);
    const blockOf = (el) => {
      while (el && el !== root && inline.has(style(el).display)) el = el.parentElement;
      return el;
    };
    const lines = [];
    let line = '', block = null;
    const range = document.createRange();
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    // The cheap test first: most text is below the first screen, and
    // text that is not displayed has no boxes.
    const onScreen = (rects, c) => {
      for (const r of rects) {
        const w = Math.min(r.right, c.r) - Math.max(r.left, c.l);
        const h = Math.min(r.bottom, c.b) - Math.max(r.top, c.t);
        if (w >= 2 && h >= 2) return true;
      }
      return false;
    };
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el) continue;
      if (!/\S/.test(n.data)) {
        // White space between inline elements shows as a space: keep it,
        // or "0199</a> <a>Contact" would read "0199Contact".
        if (line && blockOf(el) === block) line += ' ';
        continue;
      }
      range.selectNodeContents(n);
      const rects = range.getClientRects();
      if (!onScreen(rects, screenBox) || !visible(el) || !onScreen(rects, clip(el))) continue;
      const b = blockOf(el);
      if (b !== block) {
        if (line.trim()) lines.push(line.replace(/\s+/g, ' ').trim());
        line = '';
        block = b;
      }
      line += n.data;
    }
    if (line.trim()) lines.push(line.replace(/\s+/g, ' ').trim());
    return lines.join('\n');
  },
})
