extension SearchScript {
    /// Matching and ranking: BM25 from the blocks, contiguous phrases first.
    static let ranking = #"""
  // Matching and ranking (BM25 from the blocks, contiguous phrases first).
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
      var s = tok.a[i][1] * t.idf * (t.qs[d] || t.tail);
      if (s > best) best = s;
    }
    return best * (M.k1 + 1) / 255;
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
  function evaluate(P, fsets, sort, views) {
    var all = null, vsets = [];
    P.segs.forEach(function (vs) { vs.forEach(function (v) { v.forEach(function (tok) {
      tok.t = tok.a.map(function (a) { return terms[a[0]]; });
    }); }); });
    P.segs.forEach(function (vs, s) {
      var seg = words();
      vsets[s] = vs.map(function (v) {
        var x = tokSet(v[0]);
        for (var t = 1; t < v.length; t++) { var y = tokSet(v[t]); for (var i = 0; i < x.length; i++) x[i] &= y[i]; }
        for (i = 0; i < x.length; i++) seg[i] |= x[i];
        return x;
      });
      if (!all) all = seg; else for (var i = 0; i < all.length; i++) all[i] &= seg[i];
    });
    fsets.forEach(function (f) {
      if (!all) all = f.slice(); else for (var i = 0; i < all.length; i++) all[i] &= f[i];
    });
    var docs = [];
    for (var w = 0; all && w < all.length; w++) for (var x = all[w], b = 0; x; b++, x >>>= 1) if (x & 1) docs.push(w * 32 + b);
    if (sort === 'views' && views) return docs.sort(function (a, b) { return views[b] - views[a] || a - b; });
    if (sort !== 'relevance' || !P.segs.length) return docs;
    var tier = new Int32Array(M.docs), score = new Float64Array(M.docs), segs = P.segs;
    for (var x = 0; x < docs.length; x++) {
      var d = docs[x], t = 0, sc = 0;
      for (var s = 0; s < segs.length; s++) {
        var vs = segs[s], best = 0, ph = false;
        for (var k = 0; k < vs.length; k++) {
          if (!has(vsets[s][k], d)) continue;
          var v = vs[k], sum = 0;
          for (var i = 0; i < v.length; i++) sum += tokScore(v[i], d);
          if (sum > best) best = sum;
          if (!ph && v.length > 1 && chain(v, d)) ph = true;
        }
        sc += best;
        if (ph) t++;
      }
      tier[d] = t; score[d] = sc;
    }
    return docs.sort(function (a, b) { return tier[b] - tier[a] || score[b] - score[a] || a - b; });
  }

"""#
}
