// settle.js runs in every document a tab loads, before the page's own
// scripts. It keeps the state the renderer reads to decide that the page has
// settled: the timers the page set that are due soon, and when the page last
// added or changed content. It hides under a Symbol key, so that it is not
// one of the window's own property names (see Result.Globals).
(() => {
  const key = Symbol.for('shopper.settle');
  if (window[key]) return;
  const cap = SETTLE_CAP_MS;
  const state = {timers: new Set(), changed: performance.now()};
  Object.defineProperty(window, key, {value: state});

  const setT = window.setTimeout, clearT = window.clearTimeout;
  const setI = window.setInterval, clearI = window.clearInterval;
  const run = (fn, self, args) => (typeof fn === 'function' ? fn.apply(self, args) : (0, eval)(String(fn)));
  // A timer due within the cap is pending until it fires or is cleared; an
  // interval only until its first tick, so a carousel never holds a page.
  window.setTimeout = function (fn, delay, ...args) {
    const ms = Number(delay) || 0;
    if (ms > cap) return setT.call(window, fn, delay, ...args);
    let id;
    id = setT.call(window, function () { state.timers.delete(id); return run(fn, this, args); }, delay);
    state.timers.add(id);
    return id;
  };
  window.setInterval = function (fn, delay, ...args) {
    const ms = Number(delay) || 0;
    if (ms > cap) return setI.call(window, fn, delay, ...args);
    let id;
    id = setI.call(window, function () { state.timers.delete(id); return run(fn, this, args); }, delay);
    state.timers.add(id);
    return id;
  };
  window.clearTimeout = function (id) { state.timers.delete(id); return clearT.call(window, id); };
  window.clearInterval = function (id) { state.timers.delete(id); return clearI.call(window, id); };

  // Content changes after the document is parsed: widgets and FAQs that
  // scripts build. Attribute changes (carousels, animations) do not count.
  const watch = () => new MutationObserver(() => { state.changed = performance.now(); })
    .observe(document, {childList: true, subtree: true, characterData: true});
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', watch, {once: true});
  else watch();
})();
