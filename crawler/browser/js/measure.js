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

  // snapshot returns the document's HTML, the window's own property names
  // and, given the screen's width, the first screen's text (see fold).
  async snapshot(foldWidth) {
    return {
      url: location.href,
      html: document.documentElement ? document.documentElement.outerHTML : '',
      globals: Object.getOwnPropertyNames(window),
      fold: foldWidth ? await this.fold(foldWidth, false) : '',
    };
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
