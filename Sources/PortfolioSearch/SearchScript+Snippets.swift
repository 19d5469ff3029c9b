extension SearchScript {
    /// Snippets with the matched text marked, from the densest window.
    static let snippets = #"""
  // Snippets: mark pairs, single characters and word prefixes; show the densest window.
  // One character, normalised as the index was (code points, and their classes), cached.
  var CHARS = dict();
  function normChar(ch) {
    var n = CHARS[ch];
    if (!n) {
      var f = fold(ch.normalize('NFKC'));
      n = CHARS[ch] = { c: f, k: f.map(cls), s: f.map(function (x) { return String.fromCodePoint(x); }) };
    }
    return n;
  }
  function marks(text, nd) {
    var cs = Array.from(text), s = [], t = [], k = [], o = [], m = cs.map(function () { return false; });
    for (var i = 0; i < cs.length; i++) {
      var n = normChar(cs[i]);
      for (var j = 0; j < n.c.length; j++) { s.push(n.c[j]); t.push(n.s[j]); k.push(n.k[j]); o.push(i); }
    }
    var hit = [];
    for (i = 0; i < s.length; i++) {
      if (k[i] === 2) {
        if (nd.singles[t[i]]) hit[i] = 1;
        if (i + 1 < s.length && nd.pairs[t[i] + t[i + 1]]) hit[i] = hit[i + 1] = 1;
      } else if (k[i] === 1 && (i === 0 || k[i - 1] !== 1)) {
        nd.words.forEach(function (w) {
          for (var j = 0; j < w.length; j++) if (s[i + j] !== w[j]) return;
          for (j = 0; j < w.length; j++) hit[i + j] = 1;
        });
      }
    }
    hit.forEach(function (h, i) { if (h) m[o[i]] = true; });
    return { cs: cs, m: m };
  }
  function cut(x, win, into) {
    var cs = x.cs, m = x.m, start = 0, n = cs.length;
    if (n > win) {
      var pre = [0], best = -1, count = 0;
      for (var i = 0; i < n; i++) pre.push(pre[i] + (m[i] ? 1 : 0));
      for (i = 0; i < n; i++) if (m[i]) {
        var c = pre[Math.min(n, i + win)] - pre[i];
        if (c > count) { count = c; best = i; }
      }
      if (best >= 0) start = Math.max(0, Math.min(best - 10, n - win));
    }
    var end = Math.min(n, start + win);
    if (start > 0) into.appendChild(document.createTextNode('…'));
    for (i = start; i < end;) {
      var j = i;
      while (j < end && m[j] === m[i]) j++;
      var t = cs.slice(i, j).join('');
      into.appendChild(m[i] ? el('mark', null, t) : document.createTextNode(t));
      i = j;
    }
    if (end < n) into.appendChild(document.createTextNode('…'));
    return into;
  }
  function snippet(doc, nd) {
    var best = null, bc = 0;
    [doc.x || '', doc.s || ''].forEach(function (t) {
      if (!t) return;
      var x = marks(t, nd), c = x.m.filter(Boolean).length;
      if (!best || c > bc) { best = x; bc = c; }
    });
    return cut(best || { cs: [], m: [] }, 100, el('p', 'search-snippet'));
  }
  function item(doc, nd, n) {
    var li = el('li', 'search-result'), a = el('a', 'search-title'), meta = el('div', 'search-meta');
    a.href = root + String(doc.u || '').replace(/^[\/\\]+/, '');
    cut(marks(doc.t || '', nd), 1e9, a);
    li.id = 'search-result-' + n;
    li.appendChild(a);
    if (doc.d) meta.appendChild(el('time', null, doc.d));
    (doc.g || []).forEach(function (g) { meta.appendChild(el('span', 'search-tag', g)); });
    li.appendChild(meta);
    li.appendChild(snippet(doc, nd));
    return li;
  }

"""#
}
