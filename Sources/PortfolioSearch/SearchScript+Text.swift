extension SearchScript {
    /// Normalisation, synonym variants and query tokens, as the index builder does them.
    static let text = #"""
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

"""#
}
