// The 繁簡 switch: the header button shows the page's text in Simplified or Traditional
// characters, one character for another, from the tables in assets/zh.json (the build's
// Traditional → Simplified fold, and ICU's Hans-Hant for the way back). The text as
// written is kept, so switching back restores it exactly; text marked as written in the
// other script (lang="zh-Hans" on a zh-Hant page) is converted the other way. The choice
// is kept in localStorage. Without this script the page stays as written.
(function () {
  'use strict';
  var KEY = 'portfolio-zh';
  var doc = document, button = doc.getElementById('zh-toggle');
  if (!button || !window.fetch) return;
  var html = doc.documentElement || doc.body.parentNode;
  var pageLang = html.getAttribute('lang') || '';
  var SKIP = { SCRIPT: 1, STYLE: 1, TEXTAREA: 1, CODE: 1, PRE: 1, KBD: 1, SAMP: 1 };
  // Every text node seen so far: [node, text as written, written in Simplified].
  var kept = [], seen = typeof WeakSet === 'function' ? new WeakSet() : null;
  // Elements with a lang attribute, and the language each was written in.
  var langs = [[html, pageLang]], tables = null, mode = null, title = doc.title;

  function hans(lang) { return /^zh-(hans|cn|sg|my)\b/i.test(lang); }
  function langOf(node) {
    for (var n = node.parentNode; n && n.getAttribute; n = n.parentNode) {
      var l = n.getAttribute('lang');
      if (l) return l;
    }
    return pageLang;
  }
  function table(pairs) {
    var m = Object.create(null), cs = Array.from(pairs || '');
    for (var i = 0; i + 1 < cs.length; i += 2) m[cs[i]] = cs[i + 1];
    return m;
  }
  function convert(text, m) {
    var out = '', cs = Array.from(text);
    for (var i = 0; i < cs.length; i++) out += m[cs[i]] || cs[i];
    return out;
  }
  function collect(node) {
    for (var c = node.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) {
        if (seen && seen.has(c)) continue;
        if (seen) seen.add(c);
        if (/[\u3400-\u9fff]/.test(c.data)) kept.push([c, c.data, hans(langOf(c))]);
      } else if (c.nodeType === 1 && !SKIP[c.tagName] && c.getAttribute('translate') !== 'no') {
        var l = c.getAttribute('lang');
        if (l && !(seen && seen.has(c))) { if (seen) seen.add(c); langs.push([c, l]); }
        collect(c);
      }
    }
  }
  // The script the page shows now: the stored choice, or the page's own.
  function showing() { return mode || (hans(pageLang) ? 'hans' : 'hant'); }
  function text(t, simplified, to) {
    if (to === 'hans') return simplified ? t : convert(t, tables.t2s);
    return simplified ? convert(t, tables.s2t) : t;
  }
  function apply(to) {
    collect(doc.body);
    kept.forEach(function (k) { var t = text(k[1], k[2], to); if (k[0].data !== t) k[0].data = t; });
    langs.forEach(function (l) { if (/^zh\b/i.test(l[1])) l[0].setAttribute('lang', to === 'hans' ? 'zh-Hans' : 'zh-Hant'); });
    doc.title = text(title, hans(pageLang), to);
    mode = to;
    label();
  }
  function label() {
    var next = showing() === 'hans' ? 'hant' : 'hans';
    var text = next === 'hans' ? '简' : '繁';
    // Only when it changes: a new text node is a mutation the observer below would answer.
    if (button.textContent !== text) button.textContent = text;
    button.setAttribute('aria-label', next === 'hans' ? '切換為简体中文' : '切換為繁體中文');
    button.setAttribute('data-mode', showing());
  }
  function load() {
    if (!tables) tables = fetch(button.getAttribute('data-table')).then(function (r) {
      if (!r.ok) throw new Error('zh.json: ' + r.status);
      return r.json();
    }).then(function (j) { return { t2s: table(j.t2s), s2t: table(j.s2t) }; });
    return tables;
  }
  function to(target, remember) {
    return load().then(function (t) {
      tables = t;
      apply(target);
      load = function () { return Promise.resolve(t); };
      if (remember) try { window.localStorage.setItem(KEY, target); } catch (e) { /* private mode: not kept */ }
    });
  }

  var stored = null;
  try { stored = window.localStorage.getItem(KEY); } catch (e) { stored = null; }
  button.hidden = false;
  label();
  button.addEventListener('click', function () { to(showing() === 'hans' ? 'hant' : 'hans', true).catch(function () {}); });
  if (stored === 'hans' || stored === 'hant') to(stored, false).catch(function () {});
  // Text added later (search results) follows the choice.
  if (window.MutationObserver) {
    new MutationObserver(function (records) {
      var added = records.some(function (r) { return r.target !== button && r.addedNodes.length; });
      if (added && mode && tables && tables.t2s) apply(mode);
    })
      .observe(doc.body, { childList: true, subtree: true });
  }
})();
