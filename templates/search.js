// portfolio search: static, Chinese-aware. Files: ./manifest.json, ./fold.json,
// ./shards/<hex>.bin, ./norms/<n / normChunk>.bin (body lengths, for ranking),
// ./docs/<n / docChunk>.json, ./facets/<t|c><i>.bin, ./views.bin,
// ./suggest.json (read only when a query finds nothing)
(function () {
  'use strict';
  function $(id) { return document.getElementById(id); }
  var box = $('search');
  if (!box || !window.fetch || !window.TextDecoder) return;
  var root = box.getAttribute('data-root') || '/';
  if (root.slice(-1) !== '/') root += '/';
  var dir = root + 'search/';
  var form = $('search-form'), input = $('search-input'), sortSel = $('search-sort');
  var filters = $('search-filters'), status = $('search-status'), list = $('search-results');
  function dict() { return Object.create(null); }
  var PAGE = 10, files = dict(), shardMaps = dict(), terms = dict(), M = null, FOLD = dict(), SYN = dict(), SYNMAX = 0;
  var NORMS = dict();
  var tagSel = null, catSel = null, run = 0, timer = 0, more = null;
  var WORD = /[\p{L}\p{N}]/u;

  function load(path, bin) {
    if (!files[path]) files[path] = fetch(dir + path).then(function (r) {
      if (!r.ok) { if (r.status === 404) return null; throw new Error(r.status + ' ' + path); }
      return bin ? r.arrayBuffer().then(function (b) { return new Uint8Array(b); }) : r.json();
    });
    return files[path];
  }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }
  function str(cps) { return String.fromCodePoint.apply(null, cps); }
  function cps(s) { return Array.from(s, function (c) { return c.codePointAt(0); }); }

  // Normalisation, as the index was built: NFKC, lower case, Traditional -> Simplified.
  function cjk(c) {
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0xF900 && c <= 0xFAFF) ||
      (c >= 0x20000 && c <= 0x3FFFF) || c === 0x3005 || c === 0x3007 || (c >= 0x3041 && c <= 0x3096) ||
      (c >= 0x309D && c <= 0x309F) || (c >= 0x30A1 && c <= 0x30FA) || (c >= 0x30FC && c <= 0x30FF) ||
      (c >= 0xAC00 && c <= 0xD7A3);
  }
  function cls(c) {
    if (c < 128) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) ? 1 : 0;
    if (cjk(c)) return 2;
    return WORD.test(String.fromCodePoint(c)) ? 1 : 0;
  }
  function fold(s) {
    var out = [];
    for (var ch of s.toLowerCase()) out.push((FOLD[ch] || ch).codePointAt(0));
    return out;
  }
  function space(c) { return c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 0x3000 || c === 0xA0; }

  // Synonym variants of a segment (code points): the segment first, at most 8.
  function edge(s, a, b) {
    if (cls(s[a]) === 1 && a > 0 && cls(s[a - 1]) === 1) return false;
    return !(cls(s[b - 1]) === 1 && b < s.length && cls(s[b]) === 1);
  }
  function variants(seg) {
    var pieces = [], lit = [], i = 0, n = seg.length;
    while (i < n) {
      var m = null;
      for (var len = Math.min(SYNMAX, n - i); len > 0 && !m; len--) {
        var c = str(seg.slice(i, i + len));
        if (SYN[c] && edge(seg, i, i + len)) m = c;
      }
      if (m) {
        if (lit.length) { pieces.push([lit]); lit = []; }
        var alts = [m];
        SYN[m].forEach(function (g) { M.synonyms[g].forEach(function (o) { if (alts.indexOf(o) < 0) alts.push(o); }); });
        pieces.push(alts.map(cps));
        i += cps(m).length;
      } else { lit.push(seg[i]); i++; }
    }
    if (lit.length) pieces.push([lit]);
    var res = [[]];
    pieces.forEach(function (alts) {
      var next = [];
      res.forEach(function (pre) { alts.forEach(function (a) { if (next.length < 8) next.push(pre.concat(a)); }); });
      res = next;
    });
    return res;
  }

  // Tokens: pairs over CJK runs (one character alone), words with their prefix term.
  function tokens(s, nd) {
    var out = [], pos = 0, i = 0, n = s.length;
    while (i < n) {
      var c = cls(s[i]), j = i;
      if (!c) { i++; continue; }
      while (j < n && cls(s[j]) === c) j++;
      if (c === 2) {
        if (j - i === 1) { var u = str([s[i]]); out.push({ a: [[u, 1]], o: pos }); nd.singles[u] = 1; }
        for (var k = i; j - i > 1 && k < j - 1; k++) {
          var p = str([s[k], s[k + 1]]);
          out.push({ a: [[p, 1]], o: pos + k - i });
          nd.pairs[p] = 1;
        }
        pos += j - i;
      } else {
        var w = str(s.slice(i, j)), alts = [[w, 1]];
        if (j - i >= 2 && j - i <= 16) alts.push([w + '*', M.prefixWeight]);
        out.push({ a: alts, o: pos });
        pos++;
        if (nd.words.indexOf(w) < 0) nd.words.push(w);
      }
      i = j;
    }
    return out;
  }
  function parse(q) {
    var s = fold(q.normalize('NFKC')), segs = [], nd = { pairs: dict(), singles: dict(), words: [] }, i = 0;
    while (i < s.length) {
      if (space(s[i])) { i++; continue; }
      var j = i;
      while (j < s.length && !space(s[j])) j++;
      var vs = [];
      variants(s.slice(i, j)).forEach(function (v) { var t = tokens(v, nd); if (t.length) vs.push(t); });
      if (vs.length) segs.push(vs);
      i = j;
    }
    nd.words = nd.words.map(cps);
    return { segs: segs, nd: nd };
  }

  // Binary files: varints, document sets, shards, terms.
  function vi(r) {
    var x = 0, m = 1, c;
    do { c = r.b[r.o++]; x += (c & 127) * m; m *= 128; } while (c & 128);
    return x;
  }
  function words() { return new Uint32Array((M.docs + 31) >> 5); }
  function has(set, d) { return (set[d >> 5] >>> (d & 31)) & 1; }
  function readSet(r, df, set) {
    var mode = r.b[r.o++], i, d = -1;
    if (mode === 2) {
      var n = (M.docs + 7) >> 3;
      for (i = 0; i < n; i++) set[i >> 2] |= r.b[r.o + i] << ((i & 3) * 8);
      r.o += n;
    } else {
      for (i = 0; df < 0 ? r.o < r.b.length : i < df; i++) { d += vi(r) + 1; set[d >> 5] |= 1 << (d & 31); }
    }
    return set;
  }
  function fnv(s) {
    var b = new TextEncoder().encode(s), h = 0x811c9dc5;
    for (var i = 0; i < b.length; i++) { h ^= b[i]; h = Math.imul(h, 0x01000193); }
    return h >>> 0;
  }
  function shard(t) {
    var path = 'shards/' + (fnv(t.slice(-1) === '*' ? t.slice(0, -1) : t) & (M.shards - 1)).toString(16) + '.bin';
    if (!shardMaps[path]) shardMaps[path] = load(path, 1).then(function (b) {
      var map = dict(), r = { b: b, o: 0 }, dec = new TextDecoder();
      if (!b) return map;
      for (var k = 0, n = vi(r); k < n; k++) {
        var l = vi(r), t = dec.decode(b.subarray(r.o, r.o + l));
        r.o += l; l = vi(r);
        map[t] = b.subarray(r.o, r.o + l);
        r.o += l;
      }
      return map;
    });
    return shardMaps[path];
  }
  function term(b) {
    // ct: per block document d, [weighted title, tags and summary counts, body count];
    // fl[d]: its best field (title 3, tags 2, summary 1, body 0; outside the block: body);
    // pos[d]: its positions.
    var r = { b: b, o: 0 }, df = vi(r), mode = b[r.o], set = words(), fl = new Uint8Array(M.docs);
    var pos = new Map(), ct = new Map(), d = -1;
    if (mode) readSet(r, df, set); else r.o++;
    for (var i = 0, k = vi(r); i < k; i++) {
      d += vi(r) + 1;
      var c = vi(r), w = 0;
      for (var f = 0; f < 3; f++) if (c & (1 << f)) w += vi(r) * M.weights[f];
      ct.set(d, [w, c >> 3]);
      var ps = [], p = -1, nf = vi(r);
      fl[d] = nf & 3;
      for (var j = 0, n = nf >> 2; j < n; j++) { p += vi(r) + 1; ps.push(p); }
      if (ps.length) pos.set(d, ps);
      if (!mode) set[d >> 5] |= 1 << (d & 31);
    }
    return { df: df, set: set, ct: ct, fl: fl, pos: pos, tail: mode ? b[r.o] : 0, idf: Math.log(1 + (M.docs - df + 0.5) / (df + 0.5)) };
  }
  // Body lengths: one byte a document (Lucene's intToByte4: exact below 24, then three
  // significant bits), in files of normChunk documents; only the chunks of the documents
  // in the query's blocks are fetched.
  function normsFor(P) {
    var need = dict(), jobs = [];
    P.segs.forEach(function (vs) { vs.forEach(function (v) { v.forEach(function (tok) { tok.a.forEach(function (a) {
      var t = terms[a[0]];
      if (t) t.ct.forEach(function (x, d) { need[Math.floor(d / M.normChunk)] = 1; });
    }); }); }); });
    Object.keys(need).forEach(function (c) {
      if (!(c in NORMS)) jobs.push(load('norms/' + c + '.bin', 1).then(function (b) { NORMS[c] = b; }));
    });
    return Promise.all(jobs);
  }
  function bodyLength(d) {
    var c = NORMS[Math.floor(d / M.normChunk)], i = c ? c[d % M.normChunk] : -1;
    if (i === undefined || i < 0) return M.avgBody;
    if (i < 24) return i;
    var e = i - 24, shift = (e >> 3) - 1;
    return 24 + (shift < 0 ? e & 7 : ((e & 7) | 8) * Math.pow(2, shift));
  }
  // BM25F of a block posting: the body count over its length normalisation, plus the
  // other fields' weighted counts, saturated.
  function tfPart(x, d) {
    var avg = M.avgBody > 0 ? M.avgBody : 1;
    var tf = x[0] + x[1] * M.weights[3] / (1 - M.b + M.b * bodyLength(d) / avg);
    return tf * (M.k1 + 1) / (tf + M.k1);
  }

  // Matching and ranking (BM25F from the blocks' counts, contiguous phrases first).
  function tokSet(tok) {
    var s = words();
    tok.a.forEach(function (a) { var t = terms[a[0]]; if (t) for (var i = 0; i < s.length; i++) s[i] |= t.set[i]; });
    return s;
  }
  function tokScore(tok, d) {
    var best = 0;
    for (var i = 0; i < tok.t.length; i++) {
      var t = tok.t[i];
      if (!t || !has(t.set, d)) continue;
      var x = t.ct.get(d), s = tok.a[i][1] * t.idf * (x ? tfPart(x, d) : t.tail * (M.k1 + 1) / 255);
      if (s > best) best = s;
    }
    return best;
  }
  // Positions are known only for postings in the blocks; unknown counts as not side by side.
  function chain(v, d) {
    var i, k, sets = [];
    for (i = 0; i < v.length; i++) {
      for (k = 0; k < v[i].t.length && !(v[i].t[k] && v[i].t[k].pos.has(d)); k++);
      if (k === v[i].t.length) return false;
    }
    for (i = 0; i < v.length; i++) {
      var ps = {};
      v[i].t.forEach(function (t) { if (t && t.pos.has(d)) t.pos.get(d).forEach(function (p) { ps[p] = true; }); });
      sets.push(ps);
    }
    for (var p in sets[0]) {
      var ok = true;
      for (i = 1; i < v.length && ok; i++) ok = !!sets[i][+p + v[i].o - v[0].o];
      if (ok) return true;
    }
    return false;
  }
  // The best field of a token in document d (title 3, tags 2, summary 1, body 0).
  function tokField(tok, d) {
    var best = 0;
    for (var i = 0; i < tok.t.length; i++) { var t = tok.t[i]; if (t && has(t.set, d) && t.fl[d] > best) best = t.fl[d]; }
    return best;
  }
  // Documents with some word of the query (and every filter), in the order of `sort`.
  // Documents with every word come first; with relevance, then those matched by the
  // typed form over those matched only through a synonym, phrases side by side, the
  // field (title, tags, summary, body), and the score. Returns { docs, full } where
  // the first `full` documents have every word.
  function evaluate(P, fsets, sort, views) {
    var all = null, vsets = [], segs = P.segs;
    segs.forEach(function (vs) { vs.forEach(function (v) { v.forEach(function (tok) {
      tok.t = tok.a.map(function (a) { return terms[a[0]]; });
    }); }); });
    var segSets = segs.map(function (vs, s) {
      var seg = words();
      vsets[s] = vs.map(function (v) {
        var x = tokSet(v[0]);
        for (var t = 1; t < v.length; t++) { var y = tokSet(v[t]); for (var i = 0; i < x.length; i++) x[i] &= y[i]; }
        for (i = 0; i < x.length; i++) seg[i] |= x[i];
        return x;
      });
      if (!all) all = seg.slice(); else for (var i = 0; i < all.length; i++) all[i] |= seg[i];
      return seg;
    });
    fsets.forEach(function (f) {
      if (!all) all = f.slice(); else for (var i = 0; i < all.length; i++) all[i] &= f[i];
    });
    var docs = [], hits = new Int32Array(M.docs);
    for (var w = 0; all && w < all.length; w++) for (var x = all[w], b = 0; x; b++, x >>>= 1) if (x & 1) docs.push(w * 32 + b);
    docs.forEach(function (d) { for (var s = 0; s < segSets.length; s++) if (has(segSets[s], d)) hits[d]++; });
    var full = 0;
    docs.forEach(function (d) { if (hits[d] === segs.length) full++; });
    var key = null;
    if (sort === 'views' && views) key = function (a, b) { return views[b] - views[a]; };
    else if (sort === 'relevance' && segs.length) key = relevance(docs, segs, vsets);
    docs.sort(function (a, b) { return hits[b] - hits[a] || (key ? key(a, b) : 0) || a - b; });
    return { docs: docs, full: full };
  }
  function relevance(docs, segs, vsets) {
    var typed = new Int32Array(M.docs), tier = new Int32Array(M.docs), field = new Int32Array(M.docs);
    var score = new Float64Array(M.docs);
    for (var x = 0; x < docs.length; x++) {
      var d = docs[x], t = 0, ty = 0, f = 0, sc = 0;
      for (var s = 0; s < segs.length; s++) {
        // The field counts the typed form's match when there is one, else the best synonym's.
        var vs = segs[s], best = 0, ph = false, bf = 0, typedHere = has(vsets[s][0], d);
        if (typedHere) ty++;
        for (var k = 0; k < vs.length; k++) {
          if (!has(vsets[s][k], d)) continue;
          var v = vs[k], sum = 0, vf = 3;
          for (var i = 0; i < v.length; i++) { sum += tokScore(v[i], d); vf = Math.min(vf, tokField(v[i], d)); }
          if (sum > best) best = sum;
          if ((!typedHere || k === 0) && vf > bf) bf = vf;
          if (!ph && v.length > 1 && chain(v, d)) ph = true;
        }
        sc += best;
        f += bf;
        if (ph) t++;
      }
      typed[d] = ty; tier[d] = t; field[d] = f; score[d] = sc;
    }
    return function (a, b) {
      return typed[b] - typed[a] || tier[b] - tier[a] || field[b] - field[a] || score[b] - score[a];
    };
  }

  // Snippets: mark pairs, single characters and word prefixes; show the densest window.
  // One character, normalised as the index was (code points, and their classes), cached.
  var CHARS = dict(), ENDS = ['。', '！', '？', '!', '?', '；'];
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
      if (best >= 0) start = Math.max(0, Math.min(lead(cs, best), n - win));
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
  // Where a window before the mark at `at` starts: just after the end of the sentence
  // before it when that is near, else a few characters before the mark.
  function lead(cs, at) {
    for (var i = at - 1; i >= 0 && i >= at - 30; i--) {
      if (ENDS.indexOf(cs[i]) < 0) continue;
      while (cs[i + 1] === ' ' && i + 1 < at) i++;
      return i + 1;
    }
    return at - 10;
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
  function item(doc, nd, n, partial) {
    var li = el('li', 'search-result' + (partial ? ' search-partial' : '')), a = el('a', 'search-title');
    var meta = el('div', 'search-meta');
    a.href = root + String(doc.u || '').replace(/^[\/\\]+/, '');
    cut(marks(doc.t || '', nd), 1e9, a);
    li.id = 'search-result-' + n;
    li.appendChild(a);
    // The meta line: date, categories and views, each its own item so the separators
    // come from the stylesheet; then the tags as chips, then the snippet.
    var parts = [];
    if (partial) parts.push(el('span', 'search-partial-mark', '部分符合'));
    if (doc.d) parts.push(el('time', null, doc.d));
    (doc.c || []).forEach(function (c) { parts.push(el('span', 'search-category', c)); });
    if (typeof doc.v === 'number') parts.push(el('span', 'search-views', '人氣 ' + doc.v));
    parts.forEach(function (p) { meta.appendChild(p); });
    li.appendChild(meta);
    if ((doc.g || []).length) {
      var tags = el('div', 'search-tags');
      doc.g.forEach(function (g) { tags.appendChild(el('span', 'search-tag', g)); });
      li.appendChild(tags);
    }
    li.appendChild(snippet(doc, nd));
    return li;
  }

  // The page: state in the URL, filters, results, more, keyboard.
  function state() {
    return {
      q: input.value, sort: sortSel && sortSel.value || 'relevance',
      tag: tagSel ? tagSel.value : '', cat: catSel ? catSel.value : ''
    };
  }
  function setURL(st) {
    var p = new URLSearchParams();
    if (st.q) p.set('q', st.q);
    if (st.sort && st.sort !== 'relevance') p.set('sort', st.sort);
    if (st.tag) p.set('tag', st.tag);
    if (st.cat) p.set('category', st.cat);
    var s = p.toString();
    history.replaceState(null, '', location.pathname + (s ? '?' + s : '') + location.hash);
  }
  function facet(kind, name) {
    var listed = kind === 't' ? M.tags : M.categories;
    for (var i = 0; i < listed.length; i++) if (listed[i][0] === name) return i;
    var key = str(fold(name.normalize('NFKC')));
    for (i = 0; i < listed.length; i++) if (str(fold(listed[i][0].normalize('NFKC'))) === key) return i;
    return -1;
  }
  function say(text, st) { status.textContent = text; box.setAttribute('data-state', st); }
  function go() {
    clearTimeout(timer);
    if (!M) return;
    var st = state(), my = ++run, t0 = performance.now(), P = parse(st.q), jobs = [], fsets = [];
    [['t', st.tag], ['c', st.cat]].forEach(function (f) {
      if (!f[1]) return;
      var i = facet(f[0], f[1]);
      if (i < 0) { fsets.push(words()); return; }
      var path = 'facets/' + f[0] + i + '.bin';
      jobs.push(load(path, 1).then(function (b) { var s = words(); if (b) readSet({ b: b, o: 0 }, -1, s); fsets.push(s); }));
    });
    if (!P.segs.length && !jobs.length && !fsets.length) {
      list.textContent = ''; if (more) more.hidden = true;
      suggestLine([]);
      say('', 'idle');
      setURL(st);
      return;
    }
    P.segs.forEach(function (vs) { vs.forEach(function (v) { v.forEach(function (tok) { tok.a.forEach(function (a) {
      var t = a[0];
      if (!(t in terms)) jobs.push(shard(t).then(function (map) { if (!(t in terms)) terms[t] = map[t] ? term(map[t]) : null; }));
    }); }); }); });
    var views = null;
    if (st.sort === 'views') jobs.push(load('views.bin', 1).then(function (b) {
      views = new Uint32Array(M.docs);
      for (var r = { b: b || [], o: 0 }, d = 0; b && d < M.docs; d++) views[d] = vi(r);
    }));
    say('搜尋中…', 'loading');
    Promise.all(jobs).then(function () {
      return st.sort === 'relevance' && my === run ? normsFor(P) : null;
    }).then(function () {
      if (my !== run) return;
      var t1 = performance.now(), found = evaluate(P, fsets, st.sort, views);
      box.setAttribute('data-ms-rank', (performance.now() - t1).toFixed(1));
      return (found.docs.length || !P.segs.length ? Promise.resolve([]) : suggest(st.q)).then(function (sug) {
        if (my === run) show(my, found, P, 0, t0, st, sug);
      });
    }).catch(function () { if (my === run) { say('搜尋索引載入失敗，請稍後再試。', 'error'); setURL(st); } });
  }
  function show(my, found, P, from, t0, st, sug) {
    var order = found.docs, ids = order.slice(from, from + PAGE);
    var chunk = M.docChunk || 1;
    return Promise.all(ids.map(function (d) {
      return load('docs/' + Math.floor(d / chunk) + '.json').then(function (c) { return c && c[d % chunk]; });
    })).then(function (docs) {
      if (my !== run) return;
      if (!from) list.textContent = '';
      docs.forEach(function (doc, k) { if (doc) list.appendChild(item(doc, P.nd, from + k, from + k >= found.full)); });
      var q = input.value.trim(), part = order.length - found.full;
      if (!from) suggestLine(sug || []);
      say(order.length ? '找到 ' + order.length + ' 篇文章' + (q ? '（' + q + '）' : '') +
        (part ? '，其中 ' + part + ' 篇只符合部分字詞' : '') :
        (q ? '找不到符合「' + q + '」的文章' : '沒有符合條件的文章'), 'done');
      box.setAttribute('data-total', order.length);
      box.setAttribute('data-full', found.full);
      if (!more) {
        more = el('button', 'search-more', '更多結果');
        more.type = 'button';
        list.parentNode.insertBefore(more, list.nextSibling);
      }
      more.hidden = from + PAGE >= order.length;
      more.onclick = function () { show(my, found, P, from + PAGE, performance.now(), st); };
      box.setAttribute('data-ms', (performance.now() - t0).toFixed(1));
      if (!from) setURL(st);
    }).catch(function () { if (my === run) say('搜尋索引載入失敗，請稍後再試。', 'error'); });
  }
  // Suggestions for a query that found nothing: the words of suggest.json (tags,
  // categories, title words) nearest to it by edit distance on the folded form, at most
  // three, nearest first, then in the file's order.
  function distance(a, b) {
    var prev = [], cur, i, j;
    for (j = 0; j <= b.length; j++) prev.push(j);
    for (i = 1; i <= a.length; i++) {
      cur = [i];
      for (j = 1; j <= b.length; j++) cur.push(Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)));
      prev = cur;
    }
    return prev[b.length];
  }
  // The part of `word` (code points, folded) nearest to the query q, as long as q or one
  // character shorter or longer (in that order, the first wins a tie): [distance, start, end].
  function nearest(q, word) {
    var best = [Infinity, 0, word.length];
    [q.length, q.length - 1, q.length + 1].forEach(function (len) {
      for (var a = 0; len > 0 && a + len <= word.length; a++) {
        var dist = distance(q, word.slice(a, a + len));
        if (dist < best[0]) best = [dist, a, a + len];
      }
    });
    return best;
  }
  function suggestions(q, list) {
    var folded = fold(q.normalize('NFKC')).filter(function (c) { return !space(c); });
    var limit = folded.length <= 4 ? 1 : folded.length <= 8 ? 2 : 3, found = [], seen = dict();
    if (!folded.length) return [];
    list.forEach(function (w, order) {
      var chars = Array.from(w.normalize('NFKC')), f = fold(chars.join(''));
      if (f.length !== chars.length) { chars = Array.from(str(f)); }
      var n = nearest(folded, f), text = chars.slice(n[1], n[2]).join(''), key = str(f.slice(n[1], n[2]));
      if (n[0] < 1 || n[0] > limit || n[0] >= folded.length || seen[key]) return;
      seen[key] = 1;
      found.push({ d: n[0], o: order, t: text });
    });
    found.sort(function (a, b) { return a.d - b.d || a.o - b.o; });
    return found.slice(0, 3).map(function (x) { return x.t; });
  }
  function suggest(q) {
    return load('suggest.json').then(function (list) { return suggestions(q, list || []); }, function () { return []; });
  }
  function suggestLine(words) {
    var line = $('search-suggest');
    if (!words.length) { if (line) line.parentNode.removeChild(line); return; }
    if (!line) {
      line = el('p', 'search-suggest');
      line.id = 'search-suggest';
      status.parentNode.insertBefore(line, status.nextSibling);
    }
    line.textContent = '您是不是要找：';
    words.forEach(function (w, i) {
      if (i) line.appendChild(document.createTextNode('、'));
      var a = el('a', null, w);
      a.href = '?q=' + encodeURIComponent(w);
      a.addEventListener('click', function (e) { e.preventDefault(); input.value = w; go(); });
      line.appendChild(a);
    });
  }
  function selectBox(id, label, items, value, kind) {
    if (!items.length) return null;
    var s = el('select');
    s.id = id; s.name = kind === 't' ? 'tag' : 'category';
    s.setAttribute('aria-label', label);
    s.appendChild(el('option', null, label)).value = '';
    items.forEach(function (it) { s.appendChild(el('option', null, it[0] + ' (' + it[1] + ')')).value = it[0]; });
    var i = value ? facet(kind, value) : -1;
    s.value = i >= 0 ? items[i][0] : '';
    s.addEventListener('change', go);
    filters.appendChild(s);
    return s;
  }
  function nav(e) {
    var links = list.querySelectorAll('a.search-title');
    var i = Array.prototype.indexOf.call(links, document.activeElement);
    if (e.key === 'ArrowDown') i = Math.min(i + 1, links.length - 1);
    else if (e.key === 'ArrowUp') { if (i <= 0) { if (i === 0) { input.focus(); e.preventDefault(); } return; } i--; }
    else return;
    if (links[i]) { links[i].focus(); e.preventDefault(); }
  }

  var params = new URLSearchParams(location.search);
  input.value = params.get('q') || '';
  var sortWanted = params.get('sort');
  if (sortSel && sortWanted && /^(relevance|date|views)$/.test(sortWanted)) sortSel.value = sortWanted;
  form.addEventListener('submit', function (e) { e.preventDefault(); go(); });
  input.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(go, 150); });
  if (sortSel) sortSel.addEventListener('change', go);
  input.addEventListener('keydown', nav);
  list.addEventListener('keydown', nav);
  say('', 'loading');
  Promise.all([load('manifest.json'), load('fold.json')]).then(function (r) {
    M = r[0];
    var f = Array.from(r[1] || '');
    for (var i = 0; i + 1 < f.length; i += 2) FOLD[f[i]] = f[i + 1];
    M.synonyms.forEach(function (g, k) {
      g.forEach(function (m) { (SYN[m] = SYN[m] || []).push(k); SYNMAX = Math.max(SYNMAX, cps(m).length); });
    });
    tagSel = selectBox('search-tag', '所有標籤', M.tags, params.get('tag'), 't');
    catSel = selectBox('search-category', '所有分類', M.categories, params.get('category'), 'c');
    go();
  }).catch(function () { say('搜尋索引載入失敗，請稍後再試。', 'error'); });
})();
